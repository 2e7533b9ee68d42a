#include "ui/presentation.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/format.h"
#include "core/vocabulary.h"
#include "ui/form.h"

namespace yibao::ui {

namespace {

row pair_row(std::string id, std::string label, std::string value, tone t = tone::normal) {
    row r;
    r.kind = row_kind::pair;
    r.id = std::move(id);
    r.label = std::move(label);
    r.text = std::move(value);
    r.value_tone = t;
    return r;
}

row text_row(std::string id, std::string text, tone t = tone::normal) {
    row r;
    r.kind = row_kind::text;
    r.id = std::move(id);
    r.text = std::move(text);
    r.value_tone = t;
    return r;
}

row bullet_row(std::string id, std::string text, tone t = tone::normal, std::string label = {}) {
    row r = text_row(std::move(id), std::move(text), t);
    r.kind = row_kind::bullet;
    r.label = std::move(label);
    return r;
}

const char* kind_id(row_kind k) {
    switch (k) {
        case row_kind::pair:
            return "pair";
        case row_kind::amount:
            return "amount";
        case row_kind::bullet:
            return "bullet";
        case row_kind::reason:
            return "reason";
        default:
            return "text";
    }
}

// The district and categories of a request by their names, looked up once per model.
struct names {
    std::string district_id;
    std::string district_name;
    std::vector<category_info> categories;

    names(const rule_book& book, const request& req) {
        const auto d = district_named(book, req.district);
        district_id = d ? d->id : req.district;
        district_name = d ? d->name : req.district;
        categories = yibao::categories(book, req.year, district_id);
    }
    std::string category_name(const std::string& code_or_name) const {
        for (const auto& c : categories)
            if (c.code == code_or_name || c.name == code_or_name) return c.name;
        return code_or_name;
    }
};

// The answers the resident gave, in the order the page asks them.
section answers_section(const names& n, const request& req) {
    section s{std::string(section_id::answers), "你的回答", {}};
    s.rows.push_back(pair_row("district", "参保地", n.district_name));
    s.rows.push_back(pair_row("year", "参保年度", std::to_string(req.year) + "年度"));
    s.rows.push_back(pair_row("person", "参保人", std::string(vocab::person(req.person).zh_short)));
    if (req.person == person_kind::newborn && req.birth_date)
        s.rows.push_back(pair_row("birth_date", "出生日期", chinese_date(*req.birth_date)));
    std::string chosen;
    for (const auto& c : req.categories) chosen += (chosen.empty() ? "" : "、") + n.category_name(c);
    s.rows.push_back(pair_row("categories", "资助类别", chosen.empty() ? "无（普通参保人）" : chosen));
    s.rows.push_back(pair_row("tier", "缴费档次", std::string(vocab::tier_name(req.tier))));
    if (req.paid_on) s.rows.push_back(pair_row("paid_on", "缴费日期", chinese_date(*req.paid_on)));
    if (req.person != person_kind::newborn && req.continuous) {
        std::string v = *req.continuous   ? "参保了（连续参保）"
                        : req.break_years ? "断保" + std::to_string(*req.break_years) + "年"
                                          : "未连续参保";
        s.rows.push_back(pair_row("continuity", "上一年度", v));
    }
    if (req.pays_birth_year)
        s.rows.push_back(pair_row("pays_birth_year", "出生当年的费用", *req.pays_birth_year ? "一并缴纳" : "不缴纳"));
    if (req.freshman) s.rows.push_back(pair_row("freshman", "新生入学时缴费", *req.freshman ? "是" : "否"));
    return s;
}

bool estimated(const std::optional<estimate>& e, std::string_view field) {
    return e && std::find(e->fields.begin(), e->fields.end(), field) != e->fields.end();
}

// The request a resident like this one makes on the first day of a year's enrollment, paying
// continuously: what that year's standards give this person and these categories. A newborn pays
// the resident's standard.
request standard_request(const request& asked, int year, const std::string& district, date opens, int tier) {
    request r;
    r.year = year;
    r.district = district;
    r.person = asked.person == person_kind::newborn ? person_kind::resident : asked.person;
    r.categories = asked.categories;
    r.tier = tier;
    r.paid_on = opens;
    r.continuous = true;
    return r;
}

// What is known when the request cannot be quoted (known.*): the standards of the year asked, or of
// the latest year loaded when that one is not, labelled with their year; each tier with the
// assistance of the chosen categories and what remains; the year's periods; and, when the next
// year's notice is missing, that it is and whom to ask (rules data). Never last year's price as this
// year's: the heading names the year, and says so when it is not the year asked.
void known_rows(section& s, const rule_book& book, const names& n, const request& req, date today) {
    const std::vector<int> loaded = years(book);
    if (loaded.empty()) return;
    const bool asked_loaded = std::find(loaded.begin(), loaded.end(), req.year) != loaded.end();
    const int shown = asked_loaded ? req.year : loaded.back();
    std::string district = n.district_id;
    std::optional<year_info> info = year_details(book, shown, district);
    const bool municipal_instead = !info;  // the district is not one the rules know
    if (!info) {
        district = "chongqing";
        info = year_details(book, shown, district);
    }
    if (!info) return;

    // The year whose notice is missing: the one asked, or the one whose enrollment is open today.
    std::optional<int> missing;
    if (!asked_loaded) {
        missing = req.year;
    } else {
        std::vector<year_dates> dates;
        for (int y : loaded)
            if (auto i = year_details(book, y, "chongqing"))
                dates.push_back({y, i->enrollment_opens, i->centralized_ends, i->coverage_ends});
        missing = season_on(dates, today).missing_year;
    }
    const std::string y = std::to_string(shown);
    if (missing) {
        const std::string m = std::to_string(*missing);
        std::string text = std::string(*missing > loaded.back() ? "本计算器还没有收录" : "本计算器没有收录") + m +
                           "年度的缴费通知，算不出" + m + "年度要交多少。";
        row ask = text_row("known.ask", text, tone::warn);
        if (auto whom = whom_to_ask(book)) {
            ask.text += whom->text;
            ask.source = whom->source;
        }
        s.rows.push_back(std::move(ask));
    }

    std::string heading = y + "年度缴费标准";
    if (req.person == person_kind::student) heading += "（" + std::string(vocab::person(req.person).zh) + "）";
    if (municipal_instead) heading += "（按全市规则）";
    if (missing && shown == loaded.back())
        heading += "（本计算器已收录的最新年度" +
                   (*missing != shown ? "，不是" + std::to_string(*missing) + "年度的标准" : std::string()) + "）";
    s.rows.push_back(text_row("known.heading", heading));

    // The categories' names in the year shown (the request's own list when it is that year).
    std::vector<category_info> other_year;
    if (!req.categories.empty() && (shown != req.year || district != n.district_id))
        other_year = yibao::categories(book, shown, district);
    const std::vector<category_info>& cats = other_year.empty() ? n.categories : other_year;
    auto category_name = [&](const std::string& code) {
        for (const auto& c : cats)
            if (c.code == code) return c.name;
        return code;
    };
    const auto& standards = req.person == person_kind::student ? info->student_standards : info->resident_standards;
    std::optional<estimate> estimate_seen;
    for (int tier = 1; tier <= 2; ++tier) {
        const std::string tier_name(vocab::tier_name(tier));
        row r = pair_row("known.tier" + std::to_string(tier), tier_name,
                         "个人缴费标准" + yuan_text(standards[static_cast<std::size_t>(tier - 1)]));
        r.source = info->standards_source;
        if (!req.categories.empty()) {
            const quote k = evaluate(book, standard_request(req, shown, district, info->enrollment_opens, tier));
            if (k.ok && k.assistance > 0 && k.category_applied) {
                r.text += "，" + category_name(*k.category_applied) + "资助" + yuan_text(k.assistance) + "，个人应缴" +
                          yuan_text(k.due);
                r.value_tone = tone::good;
            } else if (k.ok) {
                r.text += "，所选类别在" + tier_name + "没有资助，个人应缴" + yuan_text(k.due);
            } else if (std::any_of(k.errors.begin(), k.errors.end(),
                                   [](const field_error& e) { return e.field == "tier"; })) {
                r.text += "，所选类别不能选择" + tier_name;
                r.value_tone = tone::muted;
            }
            if (k.estimated) {
                r.flag = estimate_flag;
                estimate_seen = k.estimated;
            }
        }
        s.rows.push_back(std::move(r));
    }
    if (estimate_seen) {
        row e = text_row("known.estimate", estimate_seen->text, tone::warn);
        e.source = estimate_seen->source;
        s.rows.push_back(std::move(e));
    }
    row periods = text_row("known.periods", "集中缴费期：" + chinese_date(info->enrollment_opens) + "至" +
                                                chinese_date(info->centralized_ends) + "；待遇享受期：" +
                                                chinese_date(info->coverage_starts) + "至" +
                                                chinese_date(info->coverage_ends) + "。");
    periods.source = info->periods_source;
    s.rows.push_back(std::move(periods));
}

// The amount, its split, and from when it covers; refused: why, then what is known.
section answer_section(const rule_book& book, const names& n, const request& req, const quote& q, date today) {
    section s{std::string(section_id::answer), "计算结果", {}};
    if (!q.ok) {
        s.rows.push_back(text_row("no_quote", "暂时算不出结果，请按下面的提示修改上面的回答。", tone::bad));
        for (const auto& e : q.errors) s.rows.push_back(bullet_row("error", e.message, tone::bad, e.field));
        known_rows(s, book, n, req, today);
        return s;
    }
    row due;
    due.kind = row_kind::amount;
    due.id = "due";
    due.label = "应缴";
    due.text = format_yuan(q.due);
    due.unit = "元";
    if (estimated(q.estimated, "due")) due.flag = estimate_flag;
    s.rows.push_back(due);
    if (q.estimated) {
        // Right after the amount: that it is an estimate, and why.
        row e = text_row("estimate", q.estimated->text, tone::warn);
        e.source = q.estimated->source;
        s.rows.push_back(std::move(e));
    }
    s.rows.push_back(pair_row("personal_standard", "个人缴费标准（" + std::string(vocab::tier_name(req.tier)) + "）",
                              format_yuan(q.personal_standard) + "元"));
    row assistance = pair_row("assistance", "资助（由医疗救助等资金代缴）",
                              (q.assistance > 0 ? "-" : "") + format_yuan(q.assistance) + "元", tone::good);
    if (estimated(q.estimated, "assistance")) assistance.flag = estimate_flag;
    s.rows.push_back(std::move(assistance));
    s.rows.push_back(pair_row("surcharge", "逾期补缴的财政部分",
                              (q.surcharge > 0 ? "+" : "") + format_yuan(q.surcharge) + "元",
                              q.surcharge > 0 ? tone::bad : tone::normal));
    s.rows.push_back(pair_row("fiscal_subsidy", "财政补助（政府另付，不用你交）", format_yuan(q.fiscal_subsidy) + "元",
                              tone::muted));
    if (q.coverage_start && q.coverage_end)
        s.rows.push_back(text_row(
            "coverage", "享受待遇：" + chinese_date(*q.coverage_start) + "至" + chinese_date(*q.coverage_end)));
    if (q.waiting)
        s.rows.push_back(text_row("waiting",
                                  "等待期" + std::to_string(q.waiting->days) + "天：" + chinese_date(q.waiting->from) +
                                      "至" + chinese_date(q.waiting->to) + "，期间看病不能报销。",
                                  tone::warn));
    else
        s.rows.push_back(text_row("waiting", "没有等待期。", tone::good));
    if (q.category_applied)
        s.rows.push_back(text_row("category", "适用资助类别：" + n.category_name(*q.category_applied), tone::muted));
    return s;
}

}  // namespace

const row* section::find(std::string_view row_id) const {
    for (const auto& r : rows)
        if (r.id == row_id) return &r;
    return nullptr;
}

const section* presentation::find(std::string_view id) const {
    for (const auto& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

presentation present(const rule_book& book, const request& req, const quote& q, const advice& a, date today,
                     std::string_view version) {
    presentation p;
    p.ok = q.ok;
    p.title = "重庆城乡居民医保缴费计算结果";
    p.made_on = "计算日期：" + chinese_date(today);
    if (q.ok) p.due = format_yuan(q.due);

    const names n(book, req);
    p.sections.push_back(answers_section(n, req));
    p.sections.push_back(answer_section(book, n, req, q, today));
    if (q.ok && !a.lines.empty()) {
        section hints{std::string(section_id::hints), "提示", {}};
        for (const auto& line : a.lines) hints.rows.push_back(bullet_row("hint", line));
        p.sections.push_back(std::move(hints));
    }
    if (!q.explanation.empty()) {
        section why{std::string(section_id::why), "为什么 · 依据", {}};
        for (const auto& e : q.explanation) {
            row r;
            r.kind = row_kind::reason;
            r.id = "reason";
            r.text = e.text;
            r.source = e.source;
            why.rows.push_back(std::move(r));
        }
        p.sections.push_back(std::move(why));
    }
    if (!q.notes.empty()) {
        section open{std::string(section_id::open), "注意", {}};
        for (const auto& n : q.notes) open.rows.push_back(bullet_row("note", n));
        p.sections.push_back(std::move(open));
    }

    section footer{std::string(section_id::footer), "", {}};
    footer.rows.push_back(text_row("disclaimer", "仅供参考，以当地医保经办机构和税务部门的解释为准。", tone::muted));
    if (auto info = year_details(book, req.year, n.district_id)) {
        std::string rules = std::to_string(req.year) + "年度规则：" + info->rules_files;
        if (!info->documents.empty()) rules += "；文件：" + info->documents;
        rules += "；规则数据修订于" + chinese_date(info->rules_revision);
        footer.rows.push_back(text_row("rules", rules + "。", tone::muted));
    }
    if (!version.empty()) footer.rows.push_back(text_row("version", "版本 " + std::string(version), tone::muted));
    p.sections.push_back(std::move(footer));
    return p;
}

std::string member_name(const std::optional<member_label>& label, std::size_t index) {
    return label ? std::string(vocab::member_label_of(*label).zh) : "成员" + std::to_string(index + 1);
}

presentation present_household(const rule_book& book, const std::vector<member_request>& members,
                               const household_quote& q, const household_advice& family, date today,
                               std::string_view version) {
    presentation p;
    p.ok = q.ok;
    p.title = "重庆城乡居民医保缴费计算结果（全家）";
    p.made_on = "计算日期：" + chinese_date(today);
    if (q.ok) p.due = format_yuan(q.due);

    section whole{std::string(section_id::household), "全家", {}};
    std::vector<section> each;
    // The answers the family shares: the year, district and payment day when every member has the
    // same (a member may answer its own: then it is in that member's line).
    section shared{std::string(section_id::answers), "全家共同的回答", {}};
    const std::size_t count = std::min(q.members.size(), members.size());
    std::vector<presentation> own_models;
    for (std::size_t i = 0; i < count; ++i)
        own_models.push_back(present(book, members[i].req, q.members[i].q, {}, today));
    auto shared_by_all = [&](const row& r) {
        if (r.id != "district" && r.id != "year" && r.id != "paid_on") return false;
        return std::all_of(own_models.begin(), own_models.end(), [&](const presentation& o) {
            const section* a = o.find(section_id::answers);
            const row* same = a ? a->find(r.id) : nullptr;
            return same && same->text == r.text;
        });
    };
    // Each member's reasons, after a line naming the member.
    section why{std::string(section_id::why), "为什么 · 依据", {}};
    section footer{std::string(section_id::footer), "", {}};
    footer.rows.push_back(text_row("disclaimer", "仅供参考，以当地医保经办机构和税务部门的解释为准。", tone::muted));
    bool estimated_due = false;
    // The first days of cover, and who starts on each.
    std::vector<std::pair<date, std::string>> starts;
    for (std::size_t i = 0; i < count; ++i) {
        const member_quote& m = q.members[i];
        const request& req = members[i].req;
        const presentation& own = own_models[i];
        const std::string name = member_name(m.label, i);
        const std::string heading =
            std::to_string(i + 1) + ". " + name + "（" + std::string(vocab::person(req.person).zh_short) + "）";
        section s{std::string(section_id::member), heading, {}};
        if (const section* asked = own.find(section_id::answers)) {
            // The member's own answers in one line (the heading names the person); the shared ones once.
            std::string line;
            for (const auto& r : asked->rows) {
                if (shared_by_all(r)) {
                    if (i == 0) shared.rows.push_back(r);
                } else if (r.id != "person") {
                    line += (line.empty() ? "" : "；") + r.label + "：" + r.text;
                }
            }
            s.rows.push_back(text_row("answers", line, tone::muted));
        }
        if (const section* reasons = own.find(section_id::why)) {
            why.rows.push_back(text_row("member", heading));
            for (const auto& r : reasons->rows) why.rows.push_back(r);
        }
        if (const section* answer = own.find(section_id::answer)) {
            if (m.q.ok) {
                row due = pair_row("due", "应缴", format_yuan(m.q.due) + "元");
                if (const row* big = answer->find("due")) due.flag = big->flag;
                estimated_due = estimated_due || !due.flag.empty();
                s.rows.push_back(std::move(due));
                for (const char* id : {"estimate", "coverage", "waiting", "category"})
                    if (const row* r = answer->find(id)) s.rows.push_back(*r);
                if (m.q.coverage_start) starts.emplace_back(*m.q.coverage_start, name);
            } else {
                for (const auto& r : answer->rows)
                    if (r.id == "error") s.rows.push_back(r);
            }
        }
        each.push_back(std::move(s));
        if (const section* f = own.find(section_id::footer))
            for (const auto& r : f->rows)
                if (r.id == "rules" && std::none_of(footer.rows.begin(), footer.rows.end(),
                                                    [&](const row& seen) { return seen.text == r.text; }))
                    footer.rows.push_back(r);
    }

    if (q.ok) {
        row due;
        due.kind = row_kind::amount;
        due.id = "due";
        due.label = "全家应缴";
        due.text = format_yuan(q.due);
        due.unit = "元";
        if (estimated_due) due.flag = estimate_flag;
        whole.rows.push_back(std::move(due));
        if (!starts.empty()) {
            std::sort(starts.begin(), starts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            auto who = [&](const date& d) {
                std::string names;
                for (const auto& [start, name] : starts)
                    if (start == d) names += (names.empty() ? "" : "、") + name;
                return names;
            };
            const date first = starts.front().first, last = starts.back().first;
            if (first == last) {
                whole.rows.push_back(text_row("start", "全家都自" + chinese_date(first) + "起享受待遇。"));
            } else {
                whole.rows.push_back(
                    text_row("earliest_start", "最早自" + chinese_date(first) + "起享受待遇：" + who(first) + "。"));
                whole.rows.push_back(text_row(
                    "latest_start", "最晚自" + chinese_date(last) + "起享受待遇：" + who(last) + "。", tone::warn));
            }
        }
    } else {
        whole.rows.push_back(
            text_row("no_quote", "暂时算不出全家应缴多少，请按下面的提示修改各位成员的回答。", tone::bad));
        // A member's errors are under that member; here only those of the household itself.
        for (const auto& e : q.errors)
            if (e.field.rfind(std::string(vocab::members_key) + "/", 0) != 0)
                whole.rows.push_back(bullet_row("error", e.message, tone::bad, e.field));
    }
    if (!shared.rows.empty()) p.sections.push_back(std::move(shared));
    p.sections.push_back(std::move(whole));
    for (auto& s : each) p.sections.push_back(std::move(s));
    if (q.ok && !family.lines.empty()) {
        section hints{std::string(section_id::family_hints), "全家的提示", {}};
        for (const auto& line : family.lines) hints.rows.push_back(bullet_row("hint", line));
        p.sections.push_back(std::move(hints));
    }
    if (!why.rows.empty()) p.sections.push_back(std::move(why));
    if (!version.empty()) footer.rows.push_back(text_row("version", "版本 " + std::string(version), tone::muted));
    p.sections.push_back(std::move(footer));
    return p;
}

const char* tone_id(tone t) {
    switch (t) {
        case tone::muted:
            return "muted";
        case tone::good:
            return "good";
        case tone::warn:
            return "warn";
        case tone::bad:
            return "bad";
        default:
            return "normal";
    }
}

std::string presentation_json(const presentation& p) {
    using nlohmann::json;
    json sections = json::array();
    for (const auto& s : p.sections) {
        json rows = json::array();
        for (const auto& r : s.rows) {
            json o = {{"kind", kind_id(r.kind)}, {"id", r.id}, {"text", r.text}, {"tone", tone_id(r.value_tone)}};
            if (!r.label.empty()) o["label"] = r.label;
            if (!r.unit.empty()) o["unit"] = r.unit;
            if (r.kind == row_kind::reason || !r.source.empty()) o["source"] = r.source;
            if (!r.flag.empty()) o["flag"] = r.flag;
            rows.push_back(std::move(o));
        }
        sections.push_back({{"id", s.id}, {"heading", s.heading}, {"rows", std::move(rows)}});
    }
    json j = {{"ok", p.ok},
              {"title", p.title},
              {"made_on", p.made_on},
              {"due", p.ok ? json(p.due) : json(nullptr)},
              {"sections", std::move(sections)}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace yibao::ui
