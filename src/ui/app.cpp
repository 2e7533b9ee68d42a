#include "ui/app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/dates.h"
#include "core/json_api.h"
#include "imgui_internal.h"
#include "ui/text.h"

namespace yibao::ui {

using namespace std::chrono;

namespace {

// Headings (drawn with the heading font: only these characters are rasterized at that size).
constexpr const char* h_title = "重庆城乡居民医保缴费计算";
constexpr const char* h_district = "参保地";
constexpr const char* h_year = "参保年度";
constexpr const char* h_person = "参保人";
constexpr const char* h_birth = "出生日期";
constexpr const char* h_categories = "资助类别（可多选）";
constexpr const char* h_tier = "缴费档次";
constexpr const char* h_paid = "缴费日期";
constexpr const char* h_continuity = "上一年度是否参保";
constexpr const char* h_answer = "计算结果";
constexpr const char* h_reasons = "为什么 · 依据";
constexpr const char* h_notes = "注意";
constexpr const char* h_missing = "规则未收录";
constexpr const char* bar_due = "应缴";
constexpr const char* bar_unit = "元";
constexpr const char* bar_none = "暂时算不出，请看下方提示";

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

std::string num(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

date day_of(int y, unsigned m, unsigned d) { return date{year{y}, month{m}, day{d}}; }

date clamp_date(date d, date lo, date hi) {
    if (!d.ok()) return lo;
    if (sys_days{d} < sys_days{lo}) return lo;
    if (sys_days{d} > sys_days{hi}) return hi;
    return d;
}


}  // namespace

std::string app::heading_glyphs() {
    std::string s;
    for (const char* h : {h_title, h_district, h_year, h_person, h_birth, h_categories, h_tier, h_paid, h_continuity,
                          h_answer, h_reasons, h_notes, h_missing, bar_due, bar_unit, bar_none})
        s += h;
    s += "0123456789-.年月日起享受待遇";
    return s;
}

const char* app::big_glyphs() { return "0123456789.-¥元"; }

app::app(std::shared_ptr<const rule_book> book, date today, const url_params& params, app_options options)
    : book_(std::move(book)), today_(today), options_(std::move(options)) {
    years_ = years(*book_);
    districts_ = districts(*book_);
    for (int y : years_) {
        if (auto info = year_details(*book_, y, "chongqing")) {
            year_dates yd;
            yd.year = y;
            if (auto d = parse_date(info->enrollment_opens)) yd.opens = *d;
            if (auto d = parse_date(info->centralized_ends)) yd.centralized_ends = *d;
            if (auto d = parse_date(info->coverage_ends)) yd.coverage_ends = *d;
            year_dates_.push_back(yd);
        }
    }
    season_ = season_on(year_dates_, today_);
    form_.year = season_.default_year ? season_.default_year : (years_.empty() ? 0 : years_.back());
    if (!districts_.empty() &&
        std::none_of(districts_.begin(), districts_.end(), [&](const district_info& d) { return d.id == form_.district; }))
        form_.district = districts_.front().id;
    form_.paid_on = today_;
    form_.birth_date = today_;
    link_errors_ = apply_params(form_, params, years_, districts_);
    link_query_ = to_query(form_);
    if (season_.missing_year) {
        char buf[512];
        std::snprintf(buf, sizeof buf,
                      "今天（%s）已进入%d年度的缴费期，但本计算器还没有收录%d年度的规则，算不出%d年度要交多少。"
                      "下面只能按已收录的%d年度规则计算（例如补缴%d年度），请勿当作%d年度的标准。",
                      chinese_date(today_).c_str(), *season_.missing_year, *season_.missing_year,
                      *season_.missing_year, *season_.missing_year - 1, *season_.missing_year - 1,
                      *season_.missing_year);
        banner_ = buf;
    }
    load_year_lists();
    clamp_dates();
    refresh();
}

void app::load_year_lists() {
    categories_ = categories(*book_, form_.year, form_.district);
    year_info_ = year_details(*book_, form_.year, form_.district);
    // Drop chosen categories that this year, district or person does not have.
    std::vector<std::string> kept;
    for (const auto& code : form_.categories) {
        bool ok = std::any_of(categories_.begin(), categories_.end(), [&](const category_info& c) {
            return c.code == code && (!c.students_only || form_.person == person_kind::student);
        });
        if (ok) kept.push_back(code);
    }
    form_.categories = kept;
}

void app::clamp_dates() {
    if (!year_info_) return;
    auto opens = parse_date(year_info_->enrollment_opens);
    auto ends = parse_date(year_info_->coverage_ends);
    if (!opens || !ends) return;
    form_.paid_on = clamp_date(form_.paid_on, *opens, *ends);
    form_.birth_date = clamp_date(form_.birth_date, day_of(form_.year - 1, 1, 1), *ends);
}

void app::refresh() {
    dirty_ = false;
    last_request_ = to_request(form_);
    quote_ = evaluate(*book_, last_request_);
    advice_ = advise(*book_, last_request_, quote_, today_);
    receipt_ = make_receipt(*book_, form_, quote_, advice_, today_);
    field_errors_.clear();
    // Answers in the link that could not be taken are shown by their question until the resident
    // changes an answer.
    if (!link_errors_.empty() && to_query(form_) != link_query_) link_errors_.clear();
    for (const auto& e : link_errors_) field_errors_[e.field].push_back("链接中的这个回答未采用：" + e.message);
    for (const auto& e : quote_.errors) field_errors_[e.field].push_back(e.message);
    tier_due_[0].clear();
    tier_due_[1].clear();
    if (quote_.ok) {
        tier_due_[last_request_.tier == 2 ? 1 : 0] = yuan(quote_.due);
        if (advice_.other_tier_due) tier_due_[last_request_.tier == 2 ? 0 : 1] = yuan(*advice_.other_tier_due);
    }
}

frame_output app::frame(const frame_input& in) {
    ++frame_count_;
    changed_this_frame_ = false;
    action_ = page_action::none;
    last_in_ = in;
    cv_.scale = in.scale;
    cv_.f = fonts_;
    cv_.rects.clear();
    if (dirty_) refresh();

    ImGuiStyle& st = ImGui::GetStyle();
    st.ItemSpacing = ImVec2(0, 0);
    st.WindowPadding = ImVec2(0, 0);
    st.WindowBorderSize = 0;
    st.WindowRounding = 0;

    scroll_y_ += in.scroll_delta;
    if (scroll_to_) {
        scroll_y_ = *scroll_to_;
        scroll_to_.reset();
    }
    scroll_y_ = std::clamp(scroll_y_, 0.0f, std::max(0.0f, scroll_max_));

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(in.width, in.height));
    ImGui::SetNextWindowScroll(ImVec2(0, scroll_y_));
    ImGui::Begin("page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
    scroll_y_ = ImGui::GetScrollY();
    draw_page(in);
    scroll_max_ = ImGui::GetScrollMaxY();
    ImGui::End();
    draw_bar(in);

    frame_output out;
    out.scroll_y = scroll_y_;
    out.scroll_max = scroll_max_;
    out.changed = changed_this_frame_ || dirty_;
    out.action = action_;
    return out;
}

void app::draw_page(const frame_input& in) {
    const float col = std::min(in.width, cv_.px(metrics::column_max_px));
    cv_.column_x = (in.width - col) * 0.5f + cv_.px(metrics::margin_px);
    cv_.column_w = col - 2 * cv_.px(metrics::margin_px);
    cv_.view_top = cv_.px(metrics::bar_px);
    cv_.view_bottom = in.height;
    shown_fields_.clear();

    cv_.space(metrics::bar_px + 12);
    draw_intro();
    draw_district();
    draw_year();
    draw_person();
    if (asks_birth_date(form_)) draw_birth();
    if (!categories_.empty()) draw_categories();
    draw_tier();
    draw_paid();
    if (asks_continuity(form_)) draw_continuity();
    if (dirty_) refresh();
    draw_answer();
    draw_reasons();
    cv_.space(24);
}

void app::draw_intro() {
    cv_.heading(h_title);
    cv_.space(4);
    cv_.text("回答下面几个问题，马上算出要交多少钱、从哪天起可以报销。每点一下，结果都会更新。", colors::muted);
    cv_.space(12);
    if (!network_.online) {
        cv_.card_begin(colors::warn_soft);
        cv_.text(network_.offline_ready ? "当前没有网络：正在使用本机保存的版本，计算不受影响。页面底部写明了所用规则的修订日期。"
                                        : "当前没有网络。",
                 colors::warn);
        cv_.card_end();
        cv_.space(12);
    }
    if (!banner_.empty()) {
        cv_.card_begin(colors::warn_soft);
        cv_.heading(h_missing);
        cv_.space(4);
        cv_.text(banner_, colors::warn);
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
        for (std::size_t i = 0; i < districts_.size(); i += 2) {
            // Two per row, the same height for both.
            float h = cv_.px(metrics::touch_px);
            for (std::size_t j = i; j < std::min(i + 2, districts_.size()); ++j)
                h = std::max(h, cv_.measure(districts_[j].name, w - cv_.px(24)).y + cv_.px(20));
            cv_.begin_row();
            for (std::size_t j = i; j < std::min(i + 2, districts_.size()); ++j) {
                if (j > i) ImGui::SameLine(0, gap);
                const auto& d = districts_[j];
                if (cv_.choice("district." + d.id, d.name, "", d.id == form_.district, w, h / cv_.scale)) {
                    form_.district = d.id;
                    districts_open_ = false;
                    load_year_lists();
                    clamp_dates();
                    dirty_ = changed_this_frame_ = true;
                }
            }
            cv_.space(gap / cv_.scale);
        }
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
    int tapped = cv_.choice_row(ids, labels, subs, selected);
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
        auto opens = parse_date(year_info_->enrollment_opens);
        auto cends = parse_date(year_info_->centralized_ends);
        if (opens && cends) {
            line += chinese_date(*opens) + "至" + chinese_date(*cends);
            cv_.text(line, colors::muted);
        }
    }
    end_question("year");
}

void app::draw_person() {
    cv_.card_begin();
    cv_.heading(h_person);
    cv_.space(8);
    static const person_kind kinds[3] = {person_kind::resident, person_kind::student, person_kind::newborn};
    int selected = 0;
    for (int i = 0; i < 3; ++i)
        if (kinds[i] == form_.person) selected = i;
    int tapped = cv_.choice_row({"person.resident", "person.student", "person.newborn"}, {"居民", "大学生", "新生儿"},
                                {"城乡居民", "在渝高校", "当年出生"}, selected);
    if (tapped >= 0 && kinds[tapped] != form_.person) {
        form_.person = kinds[tapped];
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
    date hi = year_info_ ? parse_date(year_info_->coverage_ends).value_or(day_of(form_.year, 12, 31))
                         : day_of(form_.year, 12, 31);
    if (cv_.date_picker("birth", form_.birth_date, day_of(form_.year - 1, 1, 1), hi)) dirty_ = changed_this_frame_ = true;
    cv_.space(4);
    cv_.text("出生于" + chinese_date(form_.birth_date), colors::muted);
    draw_field_errors("birth_date");
    if (asks_pays_birth_year(form_)) {
        cv_.space(8);
        cv_.begin_row();
        if (cv_.choice("birth.pays_birth_year",
                       "同时缴纳出生当年（" + std::to_string(form_.year - 1) + "年度）的费用", "", form_.pays_birth_year,
                       cv_.column_w, metrics::touch_px, true)) {
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
            sub = "资助：一档" + yuan(a1) + "元，二档" + yuan(a2) + "元";
        else if (c.tier1_allowed)
            sub = "资助" + yuan(a1) + "元（只能选一档）";
        else if (c.tier2_allowed)
            sub = "资助" + yuan(a2) + "元（只能选二档）";
        cv_.begin_row();
        if (cv_.choice("cat." + c.code, c.name, sub, form_.has_category(c.code), cv_.column_w, metrics::touch_px, true)) {
            form_.toggle_category(c.code);
            dirty_ = changed_this_frame_ = true;
        }
    }
    cv_.space(8);
    cv_.begin_row();
    std::string label = categories_open_ ? "收起类别列表"
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
    int tapped = cv_.choice_row({"tier.1", "tier.2"}, {"一档", "二档"}, subs, form_.tier - 1);
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
        lo = parse_date(year_info_->enrollment_opens).value_or(lo);
        hi = parse_date(year_info_->coverage_ends).value_or(hi);
        cends = parse_date(year_info_->centralized_ends);
    }
    if (cv_.date_picker("paid", form_.paid_on, lo, hi)) dirty_ = changed_this_frame_ = true;
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
                                form_.continuous ? 0 : 1);
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
        int step = cv_.stepper("break", "断保" + std::to_string(form_.break_years) + "年", form_.break_years > 1,
                               form_.break_years < 30, cv_.column_w);
        if (step != 0) {
            form_.break_years = std::clamp(form_.break_years + step, 1, 30);
            dirty_ = changed_this_frame_ = true;
        }
        draw_field_errors("break_years");
    }
    cv_.card_end();
    cv_.space(12);
}

void app::draw_answer() {
    shown_ = shown_answer{};
    answer_y_ = ImGui::GetCursorPosY();
    cv_.card_begin();
    cv_.heading(h_answer);
    cv_.space(8);
    const quote& q = quote_;
    shown_.ok = q.ok;
    if (q.ok) {
        shown_.tier_due[0] = tier_due_[0];
        shown_.tier_due[1] = tier_due_[1];
        shown_.due = yuan(q.due);
        // 应缴 ¥400 in large type.
        cv_.begin_row();
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImFont* big = fonts_.big;
        std::string amount = shown_.due;
        ImVec2 label_size = fonts_.body->CalcTextSizeA(fonts_.body->FontSize, FLT_MAX, 0, "应缴");
        ImVec2 amount_size = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, amount.c_str());
        float base = pos.y + amount_size.y;
        cv_.text_at(ImVec2(pos.x, base - label_size.y - cv_.px(6)), "应缴", colors::muted);
        float x = pos.x + label_size.x + cv_.px(8);
        cv_.text_at(ImVec2(x, pos.y), amount, colors::primary, big);
        cv_.text_at(ImVec2(x + amount_size.x + cv_.px(4), base - label_size.y - cv_.px(6)), "元", colors::text);
        ImGui::Dummy(ImVec2(cv_.column_w, amount_size.y));
        cv_.record("answer.due", pos, ImVec2(pos.x + cv_.column_w, pos.y + amount_size.y));
        cv_.space(8);

        shown_.personal_standard = yuan(q.personal_standard);
        shown_.assistance = yuan(q.assistance);
        shown_.fiscal_subsidy = yuan(q.fiscal_subsidy);
        shown_.surcharge = yuan(q.surcharge);
        auto color_of = [](tone t) {
            switch (t) {
                case tone::muted: return colors::muted;
                case tone::good: return colors::good;
                case tone::warn: return colors::warn;
                case tone::bad: return colors::error;
                default: return colors::text;
            }
        };
        auto row = [&](const std::string& label, const std::string& value, ImU32 color) {
            cv_.begin_row();
            ImVec2 p = ImGui::GetCursorScreenPos();
            float lh = fonts_.body->FontSize * 1.4f;
            ImVec2 vs = fonts_.body->CalcTextSizeA(fonts_.body->FontSize, FLT_MAX, 0, value.c_str());
            cv_.text_at(ImVec2(p.x, p.y + cv_.px(2)), label, colors::muted);
            cv_.text_at(ImVec2(p.x + cv_.column_w - vs.x, p.y + cv_.px(2)), value, color);
            ImGui::Dummy(ImVec2(cv_.column_w, lh));
            ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + lh), ImVec2(p.x + cv_.column_w, p.y + lh),
                                                IM_COL32(232, 235, 240, 255), cv_.px(1));
            cv_.space(4);
        };
        for (const auto& line : receipt_.amounts) row(line.label, line.value, color_of(line.value_tone));
        cv_.space(8);

        if (q.coverage_start && q.coverage_end) {
            shown_.coverage_start = format_date(*q.coverage_start);
            shown_.coverage_end = format_date(*q.coverage_end);
            cv_.text(receipt_.coverage);
        }
        if (q.waiting) {
            shown_.waiting_from = format_date(q.waiting->from);
            shown_.waiting_to = format_date(q.waiting->to);
            shown_.waiting_days = q.waiting->days;
        } else {
            shown_.waiting_days = 0;
        }
        cv_.text(receipt_.waiting, q.waiting ? colors::warn : colors::good);
        if (q.category_applied) {
            shown_.category_applied = *q.category_applied;
            cv_.text(receipt_.category, colors::muted);
        }
        cv_.space(8);
        // The year on a bar.
        date y0 = day_of(form_.year, 1, 1), y1 = day_of(form_.year, 12, 31);
        std::optional<date> wf, wt;
        if (q.waiting) {
            wf = q.waiting->from;
            wt = q.waiting->to;
        }
        cv_.timeline(y0, y1, form_.paid_on, q.coverage_start, q.coverage_end, wf, wt);
        {
            // Legend.
            cv_.begin_row();
            ImVec2 p = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            float s = cv_.px(12), x = p.x;
            float lh = fonts_.body->FontSize * 1.4f;
            auto swatch = [&](ImU32 col, const char* label) {
                dl->AddRectFilled(ImVec2(x, p.y + (lh - s) * 0.5f), ImVec2(x + s, p.y + (lh + s) * 0.5f), col, cv_.px(2));
                x += s + cv_.px(4);
                cv_.text_at(ImVec2(x, p.y + cv_.px(2)), label, colors::muted);
                x += fonts_.body->CalcTextSizeA(fonts_.body->FontSize, FLT_MAX, 0, label).x + cv_.px(12);
            };
            swatch(IM_COL32(52, 168, 83, 255), "享受待遇");
            if (q.waiting) swatch(IM_COL32(245, 166, 35, 255), "等待期");
            float t = cv_.px(6);
            const bool paid_in_year = sys_days{form_.paid_on} >= sys_days{y0} && sys_days{form_.paid_on} <= sys_days{y1};
            if (paid_in_year) dl->AddTriangleFilled(ImVec2(x + t, p.y + lh * 0.5f + t * 0.7f), ImVec2(x, p.y + lh * 0.5f - t * 0.7f),
                                  ImVec2(x + 2 * t, p.y + lh * 0.5f - t * 0.7f), colors::primary);
            x += 2 * t + cv_.px(4);
            if (paid_in_year) cv_.text_at(ImVec2(x, p.y + cv_.px(2)), "缴费日", colors::muted);
            ImGui::Dummy(ImVec2(cv_.column_w, lh));
        }
        cv_.space(12);

        // Tier 1 and tier 2 side by side (tapping one chooses it).
        {
            std::vector<std::string> subs(2);
            for (int t = 0; t < 2; ++t) subs[t] = shown_.tier_due[t].empty() ? "—" : ("应缴" + shown_.tier_due[t] + "元");
            int tapped = cv_.choice_row({"compare.1", "compare.2"}, {"一档", "二档"}, subs, form_.tier - 1);
            if (tapped >= 0 && tapped + 1 != form_.tier) {
                form_.tier = tapped + 1;
                dirty_ = changed_this_frame_ = true;
            }
        }
        if (!advice_.lines.empty()) {
            cv_.space(12);
            for (const auto& line : advice_.lines) {
                shown_.hints.push_back(line);
                cv_.begin_row();
                ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddCircleFilled(
                    ImVec2(p.x + cv_.px(5), p.y + fonts_.body->FontSize * 0.7f), cv_.px(3), colors::primary);
                cv_.wrapped(line, colors::text, 16);
                cv_.space(4);
            }
        }
        shown_.bar = shown_.due;
        draw_actions();
    } else {
        cv_.text("暂时算不出结果，请按下面的提示修改上面的回答。", colors::error);
    }
    // Errors whose question is not on the screen.
    for (const auto& e : q.errors) {
        if (std::find(shown_fields_.begin(), shown_fields_.end(), e.field) != shown_fields_.end()) continue;
        shown_.general_errors.push_back(e.message);
        cv_.space(8);
        cv_.error_text(e.message);
    }
    cv_.card_end();
    cv_.space(12);
}

// Keep the answer: a picture to long-press (WeChat keeps receipts as pictures), a printout, the link.
void app::draw_actions() {
    std::vector<std::string> ids, labels;
    std::vector<page_action> acts;
    if (options_.can_save_picture) {
        ids.push_back("action.picture");
        labels.push_back("保存图片");
        acts.push_back(page_action::save_picture);
    }
    if (options_.can_print) {
        ids.push_back("action.print");
        labels.push_back("打印");
        acts.push_back(page_action::print);
    }
    if (options_.can_share_link) {
        ids.push_back("action.share");
        labels.push_back(options_.wechat ? "转发给家人" : "分享链接");
        acts.push_back(page_action::share_link);
    }
    if (ids.empty()) return;
    cv_.space(12);
    int tapped = cv_.choice_row(ids, labels, {}, -1);
    if (tapped >= 0) {
        action_ = acts[tapped];
        changed_this_frame_ = true;
    }
}

void app::draw_reasons() {
    const quote& q = quote_;
    if (!q.explanation.empty()) {
        cv_.card_begin();
        cv_.heading(h_reasons);
        for (const auto& e : q.explanation) {
            cv_.space(10);
            cv_.text(e.text);
            if (!e.source.empty()) cv_.wrapped("依据：" + e.source, colors::muted, 12);
            ++shown_.explanation_lines;
        }
        cv_.card_end();
        cv_.space(12);
    }
    if (!q.notes.empty()) {
        cv_.card_begin();
        cv_.heading(h_notes);
        for (const auto& n : q.notes) {
            cv_.space(8);
            cv_.begin_row();
            ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + cv_.px(5), p.y + fonts_.body->FontSize * 0.7f),
                                                        cv_.px(3), colors::muted);
            cv_.wrapped(n, colors::text, 16);
            ++shown_.notes;
        }
        cv_.card_end();
        cv_.space(12);
    }
    std::string footer = "仅供参考，以当地医保经办机构和税务部门的解释为准。";
    if (!q.rules_used.empty()) footer += "规则：" + q.rules_used + "。";
    if (year_info_ && !year_info_->documents.empty()) footer += "文件：" + year_info_->documents + "。";
    if (year_info_) {
        if (auto d = parse_date(year_info_->rules_revision)) footer += "规则数据修订于" + chinese_date(*d) + "。";
    }
    cv_.text(footer, colors::muted);
    cv_.space(8);
    std::string status = options_.build_version.empty() ? "" : "版本 " + options_.build_version + " · ";
    if (!network_.online)
        status += network_.offline_ready ? "当前离线：正在使用本机保存的版本，计算不受影响。" : "当前离线。";
    else
        status += network_.offline_ready ? "已保存到本机，没有网络也能用。" : "在线。";
    cv_.text(status, network_.online ? colors::muted : colors::warn);
}

bool app::set_network(const network_status& n) {
    if (n.online == network_.online && n.offline_ready == network_.offline_ready) return false;
    network_ = n;
    return true;
}

std::string app::receipt_json() const { return ui::receipt_json(receipt_, options_.build_version); }

void app::draw_bar(const frame_input& in) {
    const float h = cv_.px(metrics::bar_px);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(in.width, h));
    ImGui::Begin("bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(in.width, h), colors::primary);
    dl->AddRectFilled(ImVec2(0, h), ImVec2(in.width, h + cv_.px(2)), IM_COL32(0, 0, 0, 30));
    const float col = std::min(in.width, cv_.px(metrics::column_max_px));
    const float x0 = (in.width - col) * 0.5f + cv_.px(metrics::margin_px);
    float x1 = x0 + col - 2 * cv_.px(metrics::margin_px);
    // A kiosk's "start over", always in sight at the bar's right end.
    float restart_x = in.width;
    if (options_.kiosk) {
        const char* label = "重新开始";
        ImFont* bf = fonts_.body;
        const float w = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, label).x + cv_.px(32);
        const float m = cv_.px(6);
        restart_x = std::max(x1 - w, in.width * 0.5f);
        x1 = restart_x - cv_.px(12);
        ImVec2 a(restart_x, m), b(restart_x + w, h - m);
        ImGui::SetCursorScreenPos(a);
        const bool tapped = ImGui::InvisibleButton("kiosk.start_over", ImVec2(b.x - a.x, b.y - a.y));
        const bool held = ImGui::IsItemActive();
        dl->AddRectFilled(a, b, held ? IM_COL32(255, 255, 255, 255) : IM_COL32(255, 255, 255, 40), cv_.px(10));
        dl->AddRect(a, b, IM_COL32(255, 255, 255, 255), cv_.px(10), 0, cv_.px(1.5f));
        const float tw = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, label).x;
        cv_.text_at(ImVec2(a.x + (b.x - a.x - tw) * 0.5f, (h - bf->FontSize) * 0.5f), label,
                    held ? colors::primary : IM_COL32(255, 255, 255, 255), bf);
        cv_.record("kiosk.start_over", a, b);
        if (tapped) {
            action_ = page_action::start_over;
            changed_this_frame_ = true;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    if (ImGui::InvisibleButton("bar", ImVec2(restart_x, h), ImGuiButtonFlags_PressedOnClick)) {
        scroll_to_ = std::max(0.0f, answer_y_ - h - cv_.px(8));
        changed_this_frame_ = true;
    }
    cv_.record("bar", ImVec2(0, 0), ImVec2(restart_x, h));
    ImFont* hf = fonts_.heading;
    const ImU32 white = IM_COL32(255, 255, 255, 255), soft = IM_COL32(214, 228, 248, 255);
    float ty = (h - hf->FontSize) * 0.5f;
    if (quote_.ok) {
        std::string due = shown_.due.empty() ? yuan(quote_.due) : shown_.due;
        float x = x0;
        cv_.text_at(ImVec2(x, ty), bar_due, soft, hf);
        x += hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, bar_due).x + cv_.px(6);
        cv_.text_at(ImVec2(x, ty), due, white, hf);
        x += hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, due.c_str()).x + cv_.px(2);
        cv_.text_at(ImVec2(x, ty), bar_unit, soft, hf);
        if (quote_.coverage_start) {
            std::string s = chinese_date(*quote_.coverage_start) + "起享受待遇";
            ImFont* bf = fonts_.body;
            float w = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, s.c_str()).x;
            float tx = std::max(x + hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, bar_unit).x + cv_.px(12), x1 - w);
            if (tx + w <= x1 + cv_.px(1)) cv_.text_at(ImVec2(tx, (h - bf->FontSize) * 0.5f), s, white, bf);
            shown_.bar = due + "|" + s;
        }
    } else {
        cv_.text_at(ImVec2(x0, ty), bar_none, white, hf);
        shown_.bar = bar_none;
    }
    ImGui::End();
}

std::string app::state_json() const {
    const float s = last_in_.css_scale > 0 ? last_in_.css_scale : 1;
    std::string j = "{";
    auto kv = [&](const char* k, const std::string& raw) {
        if (j.size() > 1) j += ',';
        j += json_escape(k);
        j += ':';
        j += raw;
    };
    auto str_or_null = [](const std::string& v) { return v.empty() ? std::string("null") : json_escape(v); };
    kv("frame", std::to_string(frame_count_));
    kv("scale", num(s));
    kv("width", num(last_in_.width / s));
    kv("height", num(last_in_.height / s));
    kv("scroll_y", num(scroll_y_ / s));
    kv("scroll_max", num(scroll_max_ / s));
    kv("today", json_escape(format_date(today_)));
    kv("default_year", std::to_string(season_.default_year));
    kv("missing_year", season_.missing_year ? std::to_string(*season_.missing_year) : "null");
    kv("banner", str_or_null(banner_));
    kv("kiosk", options_.kiosk ? "true" : "false");
    kv("share_query", json_escape(to_query(form_)));
    kv("online", network_.online ? "true" : "false");
    kv("offline_ready", network_.offline_ready ? "true" : "false");
    kv("missing_glyphs", json_escape(drawn_missing_glyphs()));
    {
        std::string f = "{";
        f += "\"year\":" + std::to_string(form_.year);
        f += ",\"district\":" + json_escape(form_.district);
        f += ",\"person\":" + json_escape(person_id(form_.person));
        f += ",\"categories\":[";
        for (std::size_t i = 0; i < form_.categories.size(); ++i) f += (i ? "," : "") + json_escape(form_.categories[i]);
        f += "],\"tier\":" + std::to_string(form_.tier);
        f += ",\"paid_on\":" + json_escape(format_date(form_.paid_on));
        f += ",\"continuous\":" + std::string(form_.continuous ? "true" : "false");
        f += ",\"break_years\":" + std::to_string(form_.break_years);
        f += ",\"birth_date\":" + json_escape(format_date(form_.birth_date));
        f += ",\"pays_birth_year\":" + std::string(form_.pays_birth_year ? "true" : "false");
        f += ",\"freshman\":" + std::string(form_.freshman ? "true" : "false");
        f += "}";
        kv("form", f);
    }
    {
        std::string q = "[";
        for (std::size_t i = 0; i < shown_fields_.size(); ++i) q += (i ? "," : "") + json_escape(shown_fields_[i]);
        kv("questions", q + "]");
    }
    {
        const auto& a = shown_;
        std::string o = "{";
        o += "\"ok\":" + std::string(a.ok ? "true" : "false");
        o += ",\"due\":" + str_or_null(a.due);
        o += ",\"personal_standard\":" + str_or_null(a.personal_standard);
        o += ",\"assistance\":" + str_or_null(a.assistance);
        o += ",\"fiscal_subsidy\":" + str_or_null(a.fiscal_subsidy);
        o += ",\"surcharge\":" + str_or_null(a.surcharge);
        o += ",\"coverage_start\":" + str_or_null(a.coverage_start);
        o += ",\"coverage_end\":" + str_or_null(a.coverage_end);
        if (a.waiting_days > 0)
            o += ",\"waiting\":{\"from\":" + json_escape(a.waiting_from) + ",\"to\":" + json_escape(a.waiting_to) +
                 ",\"days\":" + std::to_string(a.waiting_days) + "}";
        else
            o += ",\"waiting\":null";
        o += ",\"category_applied\":" + str_or_null(a.category_applied);
        o += ",\"tier_due\":{\"1\":" + str_or_null(a.tier_due[0]) + ",\"2\":" + str_or_null(a.tier_due[1]) + "}";
        o += ",\"hints\":[";
        for (std::size_t i = 0; i < a.hints.size(); ++i) o += (i ? "," : "") + json_escape(a.hints[i]);
        o += "],\"general_errors\":[";
        for (std::size_t i = 0; i < a.general_errors.size(); ++i) o += (i ? "," : "") + json_escape(a.general_errors[i]);
        o += "],\"explanation_lines\":" + std::to_string(a.explanation_lines);
        o += ",\"notes\":" + std::to_string(a.notes);
        o += ",\"bar\":" + str_or_null(a.bar);
        o += "}";
        kv("answer", o);
    }
    {
        std::string e = "{";
        bool first = true;
        for (const auto& [field, msgs] : field_errors_) {
            if (!first) e += ',';
            first = false;
            e += json_escape(field) + ":[";
            for (std::size_t i = 0; i < msgs.size(); ++i) e += (i ? "," : "") + json_escape(msgs[i]);
            e += "]";
        }
        kv("errors", e + "}");
    }
    {
        std::string w = "{";
        bool first = true;
        const float top = cv_.view_top, bottom = cv_.view_bottom;
        for (const auto& r : cv_.rects) {
            if (!first) w += ',';
            first = false;
            // The bar and its buttons are always on screen; the rest when between it and the bottom.
            const bool in_bar = r.id == "bar" || r.id.rfind("kiosk.", 0) == 0;
            bool visible = in_bar || (r.min.y >= top && r.max.y <= bottom);
            w += json_escape(r.id) + ":{\"x\":" + num(r.min.x / s) + ",\"y\":" + num(r.min.y / s) +
                 ",\"w\":" + num((r.max.x - r.min.x) / s) + ",\"h\":" + num((r.max.y - r.min.y) / s) +
                 ",\"visible\":" + (visible ? "true" : "false") + "}";
        }
        kv("widgets", w + "}");
    }
    return j + "}";
}

}  // namespace yibao::ui
