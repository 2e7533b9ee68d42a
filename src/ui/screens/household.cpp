// The household: add and remove members, each a compact card with a label chosen from the list
// (core/vocabulary.h member_labels: chosen with the stepper, never typed), its own answers and its
// own answer line; the family's total, first days of cover and advice (present_household). The year,
// the district and the payment day are the questions above, shared by every member.
#include "ui/screens/screens.h"

namespace yibao::ui {

namespace {

std::size_t label_index(const std::optional<member_label>& l) {
    for (std::size_t i = 0; i < std::size(vocab::member_labels); ++i)
        if (l && vocab::member_labels[i].label == *l) return i;
    return std::size(vocab::member_labels) - 1;  // 其他
}

// The rows of a member's section of the household model, as one answer line each.
const section* member_section(const presentation& p, std::size_t index) {
    std::size_t n = 0;
    for (const auto& s : p.sections)
        if (s.id == section_id::member && n++ == index) return &s;
    return nullptr;
}

}  // namespace

void app::draw_household() {
    cv_.card_begin();
    cv_.heading(h_household);
    cv_.space(8);
    const std::size_t count = members_.size() + 1;
    if (members_.empty()) {
        cv_.text("家里还有人要交？添加家庭成员，一次算出全家应缴多少、每人从哪天起享受待遇。", colors::muted);
    } else {
        cv_.text("参保地、参保年度和缴费日期全家相同（上面的问题）；每位成员的其他回答在下面。", colors::muted);
        cv_.space(12);
        // The first member is the person answered above: only its label here.
        cv_.wrapped("第1位：上面回答的参保人");
        cv_.space(6);
        cv_.begin_row();
        const std::size_t at = label_index(main_label_);
        const int step = cv_.stepper("m0.label", "称呼：" + std::string(vocab::member_labels[at].zh), at > 0,
                                     at + 1 < std::size(vocab::member_labels), cv_.column_w, "第1位成员：上一个称呼",
                                     "第1位成员：下一个称呼");
        if (step != 0) {
            main_label_ = vocab::member_labels[at + static_cast<std::size_t>(step)].label;
            dirty_ = changed_this_frame_ = true;
        }
        if (const section* s = member_section(household_model_, 0)) {
            cv_.space(6);
            for (const auto& r : s->rows)
                if (r.id != "answers")  // asked above, as controls
                    cv_.wrapped(r.id == "due" ? r.label + r.text : r.text,
                                r.kind == row_kind::bullet ? colors::error : colors::text);
        }
    }
    cv_.card_end();
    cv_.space(12);
    for (std::size_t i = 0; i < members_.size(); ++i) draw_member(i);

    if (!members_.empty()) {
        // The family: the total, who starts when, the family's advice.
        cv_.card_begin(colors::primary_soft);
        if (const section* whole = household_model_.find(section_id::household)) {
            for (const auto& r : whole->rows) {
                if (r.kind == row_kind::amount) {
                    cv_.heading(r.label + " " + r.text + " " + r.unit);
                    if (!r.flag.empty()) cv_.wrapped("其中含" + r.flag + "金额，见各位成员。", colors::warn);
                } else
                    cv_.wrapped(r.text, r.value_tone == tone::bad ? colors::error : colors::text);
                cv_.space(4);
            }
        }
        draw_family_year();
        if (const section* hints = household_model_.find(section_id::family_hints))
            for (const auto& r : hints->rows) {
                cv_.wrapped("• " + r.text);
                cv_.space(4);
            }
        cv_.card_end();
        cv_.space(12);
    }
    if (count < vocab::max_members) {
        cv_.begin_row();
        if (cv_.choice("household.add", "＋ 添加家庭成员", "", false, cv_.column_w)) {
            if (members_.empty() && !main_label_) main_label_ = member_label::self;
            member_form m;
            m.answers = form_;
            m.answers.categories.clear();
            m.answers.person = person_kind::resident;
            m.answers.continuous = true;
            m.label = member_label::other;
            members_.push_back(std::move(m));
            dirty_ = changed_this_frame_ = true;
        }
        cv_.space(12);
    }
}

// Every member's year on one timeline: who waits, who is covered from when.
void app::draw_family_year() {
    const auto all = household();
    std::vector<canvas::timeline_row> rows;
    bool waiting = false;
    for (std::size_t i = 0; i < household_.members.size() && i < all.size(); ++i) {
        const quote& q = household_.members[i].q;
        canvas::timeline_row r;
        r.name = std::to_string(i + 1) + ". " + member_name(all[i].label, i);
        if (!q.ok) {
            r.said = "暂时算不出，见这位成员的提示。";
        } else {
            r.start = q.coverage_start;
            r.end = q.coverage_end;
            if (q.waiting) {
                r.wait_from = q.waiting->from;
                r.wait_to = q.waiting->to;
                waiting = true;
                r.said = "等待期" + chinese_date(q.waiting->from) + "至" + chinese_date(q.waiting->to) + "，";
            }
            if (q.coverage_start && q.coverage_end)
                r.said += "享受待遇" + chinese_date(*q.coverage_start) + "至" + chinese_date(*q.coverage_end) + "。";
        }
        rows.push_back(std::move(r));
    }
    if (rows.empty()) return;
    cv_.space(8);
    cv_.text(std::to_string(form_.year) + "年度，每人从哪天起享受待遇：", colors::text);
    cv_.space(6);
    cv_.timelines(day_of(form_.year, 1, 1), day_of(form_.year, 12, 31), rows);
    cv_.timeline_legend(waiting);
    cv_.space(8);
}

void app::draw_member(std::size_t i) {
    member_form& m = members_[i];
    form& a = m.answers;
    const std::string n = std::to_string(i + 2);  // the page counts members from 1, the main form's first
    const std::string id = std::string(vocab::member_url_prefix) + std::to_string(i + 1);
    const std::string who = "第" + n + "位成员";
    cv_.card_begin();
    const std::size_t at = label_index(m.label);
    cv_.heading("第" + n + "位：" + std::string(vocab::member_labels[at].zh), 3);
    cv_.space(8);
    bool changed = false;
    cv_.begin_row();
    int step =
        cv_.stepper(id + ".label", "称呼：" + std::string(vocab::member_labels[at].zh), at > 0,
                    at + 1 < std::size(vocab::member_labels), cv_.column_w, who + "：上一个称呼", who + "：下一个称呼");
    if (step != 0) {
        m.label = vocab::member_labels[at + static_cast<std::size_t>(step)].label;
        changed = true;
    }
    cv_.space(8);
    std::vector<std::string> ids, labels;
    int chosen = 0;
    for (std::size_t k = 0; k < std::size(vocab::persons); ++k) {
        ids.push_back(id + ".person." + std::string(vocab::persons[k].id));
        labels.emplace_back(vocab::persons[k].zh_short);
        if (vocab::persons[k].kind == a.person) chosen = static_cast<int>(k);
    }
    int tapped = cv_.choice_row(ids, labels, {}, chosen, id + ".person", who + "：" + h_person);
    if (tapped >= 0 && tapped != chosen) {
        a.person = vocab::persons[static_cast<std::size_t>(tapped)].kind;
        changed = true;
    }
    if (asks_birth_date(a)) {
        cv_.space(8);
        const date lo = day_of(form_.year - 1, 1, 1),
                   hi = year_info_ ? year_info_->coverage_ends : day_of(form_.year, 12, 31);
        cv_.text(h_birth);
        cv_.space(4);
        if (cv_.date_field(id + ".birth", who + "：" + h_birth, a.birth_date, lo, hi)) changed = true;
    }
    // The questions that depend on the shared year and payment day, asked as the main form asks them.
    form shared_view = a;
    shared_view.year = form_.year;
    shared_view.paid_on = form_.paid_on;
    if (asks_pays_birth_year(shared_view)) {
        cv_.space(8);
        cv_.begin_row();
        if (cv_.choice(id + ".pays_birth_year", "同时缴纳出生当年（" + std::to_string(form_.year - 1) + "年度）的费用",
                       "", a.pays_birth_year, cv_.column_w, metrics::touch_px, true)) {
            a.pays_birth_year = !a.pays_birth_year;
            changed = true;
        }
    }
    if (asks_freshman(shared_view)) {
        cv_.space(8);
        cv_.begin_row();
        if (cv_.choice(id + ".freshman", "新生入学时缴纳" + std::to_string(form_.year) + "年度的费用", "", a.freshman,
                       cv_.column_w, metrics::touch_px, true)) {
            a.freshman = !a.freshman;
            changed = true;
        }
    }
    // The member's assistance categories, as the main form asks them: a line that names those
    // chosen and opens the list; in it, 都不符合 and each category to tick (several: 就高).
    std::vector<const category_info*> offered;
    for (const auto& c : categories_)
        if (!c.students_only || a.person == person_kind::student) offered.push_back(&c);
    if (!offered.empty()) {
        std::string chosen;
        for (const auto* c : offered)
            if (a.has_category(c->code)) chosen += (chosen.empty() ? "" : "、") + c->name;
        cv_.space(8);
        cv_.begin_row();
        const std::string summary = "资助类别：" + (chosen.empty() ? std::string("无") : chosen);
        if (cv_.choice(id + ".categories", summary, m.categories_open ? "点按收起列表" : "点按更改", false,
                       cv_.column_w, metrics::touch_px)) {
            m.categories_open = !m.categories_open;
            changed_this_frame_ = true;
        }
        if (m.categories_open) {
            cv_.space(8);
            cv_.begin_row();
            if (cv_.choice(id + ".cat.none", "都不符合（普通参保人）", "", a.categories.empty(), cv_.column_w,
                           metrics::touch_px, true) &&
                !a.categories.empty()) {
                a.categories.clear();
                changed = true;
            }
            for (const auto* c : offered) {
                cv_.space(8);
                cv_.begin_row();
                if (cv_.choice(id + ".cat." + c->code, c->name, "", a.has_category(c->code), cv_.column_w,
                               metrics::touch_px, true)) {
                    a.toggle_category(c->code);
                    changed = true;
                }
            }
        }
    }
    cv_.space(8);
    const int tier = cv_.choice_row({id + ".tier.1", id + ".tier.2"}, {"一档", "二档"}, {}, a.tier - 1, id + ".tier",
                                    who + "：" + h_tier);
    if (tier >= 0 && tier + 1 != a.tier) {
        a.tier = tier + 1;
        changed = true;
    }
    if (asks_continuity(a)) {
        cv_.space(8);
        const int cont = cv_.choice_row({id + ".continuous.yes", id + ".continuous.no"}, {"连续参保", "断保"}, {},
                                        a.continuous ? 0 : 1, id + ".continuous", who + "：" + h_continuity);
        if (cont >= 0 && (cont == 0) != a.continuous) {
            a.continuous = cont == 0;
            changed = true;
        }
        if (asks_break_years(a)) {
            cv_.space(8);
            cv_.begin_row();
            const int most = static_cast<int>(vocab::find_field("break_years")->max);
            step = cv_.stepper(id + ".break", "断保" + std::to_string(a.break_years) + "年", a.break_years > 1,
                               a.break_years < most, cv_.column_w, who + "：断保年数减一年", who + "：断保年数加一年");
            if (step != 0) {
                a.break_years = std::clamp(a.break_years + step, 1, most);
                changed = true;
            }
        }
    }
    // Its own answer line: the amount, from when it covers, any waiting period, or why not.
    if (const section* s = member_section(household_model_, i + 1)) {
        cv_.space(8);
        for (const auto& r : s->rows)
            if (r.id != "answers")  // asked above, as controls
                cv_.wrapped(r.id == "due" ? r.label + r.text : r.text, r.kind == row_kind::bullet   ? colors::error
                                                                       : r.value_tone == tone::warn ? colors::warn
                                                                                                    : colors::text);
    }
    cv_.space(8);
    cv_.begin_row();
    const bool remove = cv_.choice(id + ".remove", "删除这位成员", "", false, cv_.column_w, metrics::touch_px);
    cv_.card_end();
    cv_.space(12);
    if (remove) {
        members_.erase(members_.begin() + static_cast<std::ptrdiff_t>(i));
        changed = true;
    }
    if (changed) dirty_ = changed_this_frame_ = true;
}

}  // namespace yibao::ui
