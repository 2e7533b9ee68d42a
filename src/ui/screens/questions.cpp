// The questions: the intro and one card per question (district, year, person, birth, categories,
// tier, payment date, continuity).
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

void app::draw_intro() {
    cv_.heading(h_title, 1);
    cv_.space(4);
    cv_.text("回答下面几个问题，马上算出要交多少钱、从哪天起可以报销。每点一下，结果都会更新。", colors::muted);
    cv_.space(12);
    if (!network_.online) {
        cv_.card_begin(colors::warn_soft);
        cv_.text(network_.offline_ready
                     ? "当前没有网络：正在使用本机保存的版本，计算不受影响。页面底部写明了所用规则的修订日期。"
                     : "当前没有网络。",
                 colors::warn);
        cv_.card_end();
        cv_.space(12);
    }
    known_in_banner_ = false;
    if (!banner_.empty()) {
        // The next year's rules are not loaded. Without an answer for today, what is known comes
        // first: the latest loaded year's standards, labelled with its year, its periods, whom to ask.
        cv_.card_begin(colors::warn_soft);
        cv_.heading(std::to_string(*season_.missing_year) + "年度" + h_missing);
        cv_.space(4);
        const section* answer = model_.find(section_id::answer);
        const bool known = !quote_.ok && answer && answer->find("known.heading");
        if (known) {
            known_in_banner_ = true;
            bool parts_drawn = false;
            for (const auto& r : answer->rows)
                if (r.id.rfind("known.", 0) == 0) draw_row(r, parts_drawn);
        } else {
            cv_.text(banner_, colors::warn);
        }
        cv_.card_end();
        cv_.space(12);
    }
}

// Every question card ends alike: the core's errors about its field, then the card's end.
void app::end_question(const char* field) {
    draw_field_errors(field);
    cv_.card_end();
    cv_.space(12);
}

void app::draw_field_errors(const char* field) {
    shown_fields_.push_back(field);
    auto it = field_errors_.find(field);
    if (it == field_errors_.end()) return;
    for (const auto& msg : it->second) {
        cv_.space(8);
        cv_.error_text(msg);
    }
}

void app::draw_district() {
    cv_.card_begin();
    cv_.heading(h_district);
    cv_.space(8);
    const district_info* current = nullptr;
    for (const auto& d : districts_)
        if (d.id == form_.district) current = &d;
    cv_.begin_row();
    if (cv_.choice("district.open", current ? current->name : form_.district,
                   districts_open_ ? "收起列表" : "点这里更换区县", false, cv_.column_w)) {
        districts_open_ = !districts_open_;
        changed_this_frame_ = true;
    }
    if (districts_open_) {
        cv_.space(8);
        const float gap = cv_.px(metrics::gap_px);
        const float w = (cv_.column_w - gap) / 2;
        // The list as one radio group named by the question (its rectangle once it is drawn).
        cv_.begin_row();
        const ImVec2 list_top = ImGui::GetCursorScreenPos();
        const std::size_t group_at = cv_.sem.nodes.size();
        cv_.node(sem_role::radiogroup, "district", h_district, list_top, list_top);
        for (std::size_t i = 0; i < districts_.size(); i += 2) {
            // Two per row, the same height for both.
            float h = cv_.px(metrics::touch_px);
            for (std::size_t j = i; j < std::min(i + 2, districts_.size()); ++j)
                h = std::max(h, cv_.measure(districts_[j].name, w - cv_.px(24)).y + cv_.px(20));
            cv_.begin_row();
            for (std::size_t j = i; j < std::min(i + 2, districts_.size()); ++j) {
                if (j > i) ImGui::SameLine(0, gap);
                const auto& d = districts_[j];
                if (cv_.choice("district." + d.id, d.name, "", d.id == form_.district, w, h / cv_.scale, false,
                               "district")) {
                    form_.district = d.id;
                    districts_open_ = false;
                    load_year_lists();
                    clamp_dates();
                    dirty_ = changed_this_frame_ = true;
                }
            }
            cv_.space(gap / cv_.scale);
        }
        sem_node& group = cv_.sem.nodes[group_at];
        group.h = (ImGui::GetCursorScreenPos().y - list_top.y) / cv_.css_scale;
        group.w = cv_.column_w / cv_.css_scale;
    }
    if (current && year_info_ && !year_info_->district_has_own_file && current->id != "chongqing") {
        cv_.space(8);
        cv_.text("本区县没有" + std::to_string(form_.year) + "年度的单独文件，按全市通行规则计算。", colors::muted);
    }
    end_question("district");
}

void app::draw_year() {
    cv_.card_begin();
    cv_.heading(h_year);
    cv_.space(8);
    std::vector<std::string> ids, labels, subs;
    int selected = -1;
    for (std::size_t i = 0; i < years_.size(); ++i) {
        ids.push_back("year." + std::to_string(years_[i]));
        labels.push_back(std::to_string(years_[i]) + "年度");
        subs.push_back(years_[i] == season_.default_year && !season_.missing_year ? "正在缴费" : "");
        if (years_[i] == form_.year) selected = static_cast<int>(i);
    }
    int tapped = cv_.choice_row(ids, labels, subs, selected, "year", h_year);
    if (tapped >= 0 && years_[tapped] != form_.year) {
        form_.year = years_[tapped];
        load_year_lists();
        clamp_dates();
        dirty_ = changed_this_frame_ = true;
    }
    if (season_.missing_year) {
        cv_.space(8);
        cv_.text(std::to_string(*season_.missing_year) + "年度：规则还没有收录，暂时不能计算。", colors::warn);
    }
    if (year_info_) {
        cv_.space(8);
        std::string line = "集中缴费期：";
        line += chinese_date(year_info_->enrollment_opens) + "至" + chinese_date(year_info_->centralized_ends);
        cv_.text(line, colors::muted);
    }
    end_question("year");
}

void app::draw_person() {
    cv_.card_begin();
    cv_.heading(h_person);
    cv_.space(8);
    // Ids and names from core/vocabulary.h; the small line under each says who it is for.
    std::vector<std::string> ids, names;
    int selected = 0;
    for (const auto& p : vocab::persons) {
        if (p.kind == form_.person) selected = static_cast<int>(ids.size());
        ids.push_back("person." + std::string(p.id));
        names.emplace_back(p.zh_short);
    }
    int tapped = cv_.choice_row(ids, names, {"城乡居民", "在渝高校", "当年出生"}, selected, "person", h_person);
    if (tapped >= 0 && vocab::persons[tapped].kind != form_.person) {
        form_.person = vocab::persons[tapped].kind;
        load_year_lists();
        dirty_ = changed_this_frame_ = true;
    }
    if (form_.person == person_kind::newborn) {
        cv_.space(8);
        cv_.text("新生儿：出生后在规定时间内参保缴费的，从出生之日起享受待遇。", colors::muted);
    }
    end_question("person");
}

void app::draw_birth() {
    cv_.card_begin();
    cv_.heading(h_birth);
    cv_.space(8);
    date hi = year_info_ ? year_info_->coverage_ends : day_of(form_.year, 12, 31);
    if (cv_.date_field("birth", h_birth, form_.birth_date, day_of(form_.year - 1, 1, 1), hi))
        dirty_ = changed_this_frame_ = true;
    draw_field_errors("birth_date");
    if (asks_pays_birth_year(form_)) {
        cv_.space(8);
        cv_.begin_row();
        if (cv_.choice("birth.pays_birth_year", "同时缴纳出生当年（" + std::to_string(form_.year - 1) + "年度）的费用",
                       "", form_.pays_birth_year, cv_.column_w, metrics::touch_px, true)) {
            form_.pays_birth_year = !form_.pays_birth_year;
            dirty_ = changed_this_frame_ = true;
        }
        draw_field_errors("pays_birth_year");
    }
    cv_.card_end();
    cv_.space(12);
}

void app::draw_categories() {
    cv_.card_begin();
    cv_.heading(h_categories);
    cv_.space(4);
    cv_.text("低保、特困、脱贫等人员由政府资助参保。同时符合多项时按“就高”原则：只取资助最高的一项，不叠加。",
             colors::muted);
    cv_.space(8);
    cv_.begin_row();
    if (cv_.choice("cat.none", "都不符合（普通参保人）", "", form_.categories.empty(), cv_.column_w, metrics::touch_px,
                   true)) {
        form_.categories.clear();
        categories_open_ = false;
        dirty_ = changed_this_frame_ = true;
    }
    int listed = 0;
    for (const auto& c : categories_) {
        if (c.students_only && form_.person != person_kind::student) continue;
        ++listed;
        // Closed list: only the chosen categories stay on screen.
        if (!categories_open_ && !form_.has_category(c.code)) continue;
        cv_.space(8);
        std::string sub;
        const bool student = form_.person == person_kind::student;  // % of the student's own standard
        const money a1 = student ? c.student_tier1_assistance : c.tier1_assistance;
        const money a2 = student ? c.student_tier2_assistance : c.tier2_assistance;
        if (c.tier1_allowed && c.tier2_allowed)
            sub = "资助：一档" + format_yuan(a1) + "元，二档" + format_yuan(a2) + "元";
        else if (c.tier1_allowed)
            sub = "资助" + format_yuan(a1) + "元（只能选一档）";
        else if (c.tier2_allowed)
            sub = "资助" + format_yuan(a2) + "元（只能选二档）";
        cv_.begin_row();
        if (cv_.choice("cat." + c.code, c.name, sub, form_.has_category(c.code), cv_.column_w, metrics::touch_px,
                       true)) {
            form_.toggle_category(c.code);
            dirty_ = changed_this_frame_ = true;
        }
    }
    cv_.space(8);
    cv_.begin_row();
    std::string label = categories_open_           ? "收起类别列表"
                        : form_.categories.empty() ? "我属于资助人员（展开全部" + std::to_string(listed) + "类）"
                                                   : "更改资助类别（展开全部" + std::to_string(listed) + "类）";
    if (cv_.choice("cat.more", label, "", false, cv_.column_w)) {
        categories_open_ = !categories_open_;
        changed_this_frame_ = true;
    }
    if (quote_.ok && form_.categories.size() > 1 && quote_.category_applied) {
        std::string name = *quote_.category_applied;
        for (const auto& c : categories_)
            if (c.code == name) name = c.name;
        cv_.space(8);
        cv_.text("就高：按“" + name + "”计算资助。", colors::primary);
    }
    end_question("categories");
}

void app::draw_tier() {
    cv_.card_begin();
    cv_.heading(h_tier);
    cv_.space(8);
    std::vector<std::string> subs(2);
    for (int t = 1; t <= 2; ++t)
        if (!tier_due_[t - 1].empty()) subs[t - 1] = "应缴" + tier_due_[t - 1] + "元";
    int tapped = cv_.choice_row({"tier.1", "tier.2"}, {"一档", "二档"}, subs, form_.tier - 1, "tier", h_tier);
    if (tapped >= 0 && tapped + 1 != form_.tier) {
        form_.tier = tapped + 1;
        dirty_ = changed_this_frame_ = true;
    }
    cv_.space(8);
    cv_.text("二档个人交得多，报销待遇更高（如住院报销比例、大病保险）。", colors::muted);
    end_question("tier");
}

void app::draw_paid() {
    cv_.card_begin();
    cv_.heading(h_paid);
    cv_.space(8);
    date lo = day_of(form_.year - 1, 1, 1), hi = day_of(form_.year, 12, 31);
    std::optional<date> cends;
    if (year_info_) {
        lo = year_info_->enrollment_opens;
        hi = year_info_->coverage_ends;
        cends = year_info_->centralized_ends;
    }
    if (cv_.date_field("paid", h_paid, form_.paid_on, lo, hi)) dirty_ = changed_this_frame_ = true;
    cv_.space(8);
    std::vector<std::string> ids{"paid.today"}, labels{"今天"};
    if (cends) {
        ids.push_back("paid.centralized_end");
        labels.push_back("集中缴费期最后一天");
    }
    int tapped = cv_.choice_row(ids, labels, {}, -1);
    if (tapped == 0) form_.paid_on = clamp_date(today_, lo, hi);
    if (tapped == 1 && cends) form_.paid_on = *cends;
    if (tapped >= 0) dirty_ = changed_this_frame_ = true;
    draw_field_errors("paid_on");
    if (asks_freshman(form_)) {
        // A student paying before the coverage year: a freshman at enrolment is covered from the
        // next day (万州医保发〔2024〕51号 七（一）); not a freshman unless the answer is yes.
        cv_.space(12);
        cv_.text("是否新生入学时缴费？");
        cv_.space(8);
        cv_.begin_row();
        if (cv_.choice("paid.freshman", "是，新生入学时缴纳" + std::to_string(form_.year) + "年度的费用", "",
                       form_.freshman, cv_.column_w, metrics::touch_px, true)) {
            form_.freshman = !form_.freshman;
            dirty_ = changed_this_frame_ = true;
        }
        draw_field_errors("freshman");
    }
    cv_.card_end();
    cv_.space(12);
}

void app::draw_continuity() {
    cv_.card_begin();
    cv_.heading(h_continuity);
    cv_.space(8);
    int tapped = cv_.choice_row({"continuous.yes", "continuous.no"}, {"参保了（连续参保）", "没有（断保）"}, {},
                                form_.continuous ? 0 : 1, "continuous", h_continuity);
    if (tapped >= 0 && (tapped == 0) != form_.continuous) {
        form_.continuous = tapped == 0;
        dirty_ = changed_this_frame_ = true;
    }
    draw_field_errors("continuous");
    if (asks_break_years(form_)) {
        cv_.space(12);
        cv_.text("已经连续几年没有参保（断保年数）？");
        cv_.space(8);
        cv_.begin_row();
        // One limit for break years everywhere: the request's (core/vocabulary.h); 0 is "continuous".
        const int most = static_cast<int>(vocab::find_field("break_years")->max);
        int step = cv_.stepper("break", "断保" + std::to_string(form_.break_years) + "年", form_.break_years > 1,
                               form_.break_years < most, cv_.column_w, "断保年数减一年", "断保年数加一年");
        if (step != 0) {
            form_.break_years = std::clamp(form_.break_years + step, 1, most);
            dirty_ = changed_this_frame_ = true;
        }
        draw_field_errors("break_years");
    }
    cv_.card_end();
    cv_.space(12);
}

}  // namespace yibao::ui
