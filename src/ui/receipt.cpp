#include "ui/receipt.h"

#include <nlohmann/json.hpp>

#include "core/dates.h"

#include "ui/format.h"

namespace yibao::ui {

namespace {

const char* person_name(person_kind p) {
    switch (p) {
        case person_kind::student: return "大学生";
        case person_kind::newborn: return "新生儿";
        default: return "居民";
    }
}

const char* tone_id(tone t) {
    switch (t) {
        case tone::muted: return "muted";
        case tone::good: return "good";
        case tone::warn: return "warn";
        case tone::bad: return "bad";
        default: return "normal";
    }
}

}  // namespace

receipt make_receipt(const rule_book& book, const form& f, const quote& q, const advice& a, date today) {
    receipt r;
    r.ok = q.ok;
    r.title = "重庆城乡居民医保缴费计算结果";
    r.made_on = "计算日期：" + chinese_date(today);

    std::string district = f.district;
    for (const auto& d : districts(book))
        if (d.id == f.district) district = d.name;
    const auto cats = categories(book, f.year, f.district);
    auto category_name = [&](const std::string& code) {
        for (const auto& c : cats)
            if (c.code == code) return c.name;
        return code;
    };
    r.answers.push_back({"参保地", district});
    r.answers.push_back({"参保年度", std::to_string(f.year) + "年度"});
    r.answers.push_back({"参保人", person_name(f.person)});
    if (asks_birth_date(f) && f.birth_date.ok()) r.answers.push_back({"出生日期", chinese_date(f.birth_date)});
    std::string chosen;
    for (const auto& c : f.categories) chosen += (chosen.empty() ? "" : "、") + category_name(c);
    r.answers.push_back({"资助类别", chosen.empty() ? "无（普通参保人）" : chosen});
    r.answers.push_back({"缴费档次", f.tier == 2 ? "二档" : "一档"});
    if (f.paid_on.ok()) r.answers.push_back({"缴费日期", chinese_date(f.paid_on)});
    if (asks_continuity(f))
        r.answers.push_back(
            {"上一年度", f.continuous ? "参保了（连续参保）" : "断保" + std::to_string(f.break_years) + "年"});
    if (asks_pays_birth_year(f))
        r.answers.push_back({"出生当年的费用", f.pays_birth_year ? "一并缴纳" : "不缴纳"});

    if (q.ok) {
        r.due = yuan(q.due);
        r.amounts.push_back({std::string("个人缴费标准（") + (f.tier == 2 ? "二档" : "一档") + "）",
                             yuan(q.personal_standard) + "元"});
        r.amounts.push_back({"资助（由医疗救助等资金代缴）", (q.assistance > 0 ? "-" : "") + yuan(q.assistance) + "元",
                             tone::good});
        r.amounts.push_back({"逾期补缴的财政部分", (q.surcharge > 0 ? "+" : "") + yuan(q.surcharge) + "元",
                             q.surcharge > 0 ? tone::bad : tone::normal});
        r.amounts.push_back({"财政补助（政府另付，不用你交）", yuan(q.fiscal_subsidy) + "元", tone::muted});
        if (q.coverage_start && q.coverage_end)
            r.coverage = "享受待遇：" + chinese_date(*q.coverage_start) + "至" + chinese_date(*q.coverage_end);
        if (q.waiting) {
            r.has_waiting = true;
            r.waiting = "等待期" + std::to_string(q.waiting->days) + "天：" + chinese_date(q.waiting->from) + "至" +
                        chinese_date(q.waiting->to) + "，期间看病不能报销。";
        } else {
            r.waiting = "没有等待期。";
        }
        if (q.category_applied) r.category = "适用资助类别：" + category_name(*q.category_applied);
        r.advice = a.lines;
    }
    for (const auto& e : q.errors) r.errors.push_back(e.message);
    r.reasons = q.explanation;
    r.notes = q.notes;

    if (auto info = year_details(book, f.year, f.district)) {
        r.rules = std::to_string(f.year) + "年度规则：" + info->rules_files;
        if (!info->documents.empty()) r.rules += "；文件：" + info->documents;
        if (auto d = parse_date(info->rules_revision)) r.rules += "；规则数据修订于" + chinese_date(*d);
        r.rules += "。";
    }
    r.disclaimer = "仅供参考，以当地医保经办机构和税务部门的解释为准。";
    return r;
}

std::string receipt_json(const receipt& r, std::string_view build_version) {
    using nlohmann::json;
    auto lines = [](const std::vector<receipt_line>& v) {
        json a = json::array();
        for (const auto& l : v) a.push_back({{"label", l.label}, {"value", l.value}, {"tone", tone_id(l.value_tone)}});
        return a;
    };
    json reasons = json::array();
    for (const auto& e : r.reasons) reasons.push_back({{"text", e.text}, {"source", e.source}});
    json j = {{"ok", r.ok},
              {"title", r.title},
              {"made_on", r.made_on},
              {"answers", lines(r.answers)},
              {"due", r.ok ? json(r.due) : json(nullptr)},
              {"amounts", lines(r.amounts)},
              {"coverage", r.coverage},
              {"waiting", r.waiting},
              {"has_waiting", r.has_waiting},
              {"category", r.category},
              {"advice", r.advice},
              {"errors", r.errors},
              {"reasons", reasons},
              {"notes", r.notes},
              {"rules", r.rules},
              {"disclaimer", r.disclaimer},
              {"version", std::string(build_version)}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace yibao::ui
