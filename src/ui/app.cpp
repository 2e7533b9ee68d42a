// ui::app: the answers, the quote and the frame. The screens are drawn in src/ui/screens/*.cpp.
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

std::string app::heading_glyphs() {
    std::string s;
    for (const char* h :
         {h_title, h_district, h_year, h_person, h_birth, h_categories, h_tier, h_paid, h_continuity, h_answer,
          h_reasons, h_notes, h_missing, h_household, bar_due, bar_family_due, bar_unit, bar_none, bar_missing})
        s += h;
    s += "0123456789-.年月日起享受待遇";
    s += "第位：";  // a member's card: 第2位：父亲
    for (const auto& l : vocab::member_labels) s += l.zh;
    return s;
}

const char* app::big_glyphs() { return "0123456789.-¥元"; }

app::app(std::shared_ptr<const rule_book> book, date today, const url_params& params, app_options options)
    : book_(std::move(book)), today_(today), options_(std::move(options)) {
    read_book();
    form_.year = season_.default_year ? season_.default_year : (years_.empty() ? 0 : years_.back());
    if (!districts_.empty() && std::none_of(districts_.begin(), districts_.end(),
                                            [&](const district_info& d) { return d.id == form_.district; }))
        form_.district = districts_.front().id;
    form_.paid_on = today_;
    form_.birth_date = today_;
    link_errors_ = apply_params(form_, params, years_, districts_);
    {
        // A household link: m0.* is the main form's person (its answers are the link's own), m1.* on
        // the members added.
        std::vector<member_form> linked;
        for (auto& e : apply_member_params(linked, form_, params, years_, districts_)) link_errors_.push_back(e);
        if (!linked.empty()) main_label_ = linked.front().label;
        for (std::size_t i = 1; i < linked.size(); ++i) members_.push_back(linked[i]);
    }
    link_query_ = to_query(form_);
    if (season_.missing_year) {
        char buf[512];
        std::snprintf(buf, sizeof buf,
                      "今天（%s）已进入%d年度的缴费期，但本计算器还没有收录%d年度的规则，算不出%d年度要交多少。"
                      "下面只能按已收录的%d年度规则计算（例如补缴%d年度），请勿当作%d年度的标准。",
                      chinese_date(today_).c_str(), *season_.missing_year, *season_.missing_year, *season_.missing_year,
                      *season_.missing_year - 1, *season_.missing_year - 1, *season_.missing_year);
        banner_ = buf;
    }
    load_year_lists();
    clamp_dates();
    refresh();
}

void app::read_book() {
    districts_ = districts(*book_);
    if (options_.calendar.empty()) {
        years_ = years(*book_);
        year_dates_ = year_calendar(*book_);
    } else {  // the book holds only the first screen's years: the years offered are the calendar's
        year_dates_ = options_.calendar;
        years_ = calendar_years(year_dates_);
    }
    season_ = season_on(year_dates_, today_);
}

void app::set_book(std::shared_ptr<const rule_book> book) {
    options_.calendar.clear();  // a whole book: its own years and dates
    book_ = std::move(book);
    read_book();
    load_year_lists();
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
    const date opens = year_info_->enrollment_opens, ends = year_info_->coverage_ends;
    form_.paid_on = clamp_date(form_.paid_on, opens, ends);
    form_.birth_date = clamp_date(form_.birth_date, day_of(form_.year - 1, 1, 1), ends);
}

void app::refresh() {
    dirty_ = false;
    last_request_ = to_request(form_);
    quote_ = evaluate(*book_, last_request_);
    advice_ = advise(*book_, last_request_, quote_, today_);
    model_ = present(*book_, last_request_, quote_, advice_, today_, options_.build_version);
    speech_ = spoken(model_);
    field_errors_.clear();
    // Answers in the link that could not be taken are shown by their question until the resident
    // changes an answer.
    if (!link_errors_.empty() && to_query(form_) != link_query_) link_errors_.clear();
    for (const auto& e : link_errors_) field_errors_[e.field].push_back("链接中的这个回答未采用：" + e.message);
    for (const auto& e : quote_.errors) field_errors_[e.field].push_back(e.message);
    household_ = {};
    household_model_ = {};
    if (!members_.empty()) {
        const auto all = household();
        const auto requests = to_member_requests(form_, all);
        household_ = evaluate_household(*book_, requests);
        std::vector<advice> each;
        for (std::size_t i = 0; i < household_.members.size(); ++i)
            each.push_back(i == 0 ? advice_ : advise(*book_, requests[i].req, household_.members[i].q, today_));
        household_model_ = present_household(*book_, requests, household_,
                                             advise_household(*book_, requests, household_, each, today_), today_,
                                             options_.build_version);
        for (const auto& e : household_.errors)
            if (e.field.rfind("members/0/", 0) != 0) field_errors_[e.field].push_back(e.message);
    }
    tier_due_[0].clear();
    tier_due_[1].clear();
    if (quote_.ok) {
        tier_due_[last_request_.tier == 2 ? 1 : 0] = format_yuan(quote_.due);
        if (advice_.other_tier_due) tier_due_[last_request_.tier == 2 ? 0 : 1] = format_yuan(*advice_.other_tier_due);
    }
}

bool app::tap_at(float x, float y) {
    const float s = last_in_.css_scale > 0 ? last_in_.css_scale : 1;
    const float cx = x / s, cy = y / s;
    auto hit = [&](bool fixed, float py) -> const sem_node* {
        for (const sem_node& n : cv_.sem.nodes) {
            if (n.fixed != fixed || n.disabled) continue;
            if (n.role != sem_role::button && n.role != sem_role::checkbox && n.role != sem_role::radio) continue;
            if (cx >= n.x && cx < n.x + n.w && py >= n.y && py < n.y + n.h) return &n;
        }
        return nullptr;
    };
    const sem_node* n = hit(true, cy);
    if (!n && y >= cv_.view_top) n = hit(false, cy + cv_.sem.scroll_y);
    if (!n) return false;
    activate(n->id);
    return true;
}

frame_output app::frame(const frame_input& in) {
    if (!in.repeat) ++frame_count_;
    watch_glyphs(0, in.height);
    changed_this_frame_ = false;
    action_ = page_action::none;
    last_in_ = in;
    cv_.scale = in.scale;
    cv_.css_scale = in.css_scale;
    cv_.f = fonts_;
    cv_.begin_frame();
    text_step_ = in.text_step;
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
    cv_.scroll_y = scroll_y_;
    draw_page(in);
    scroll_max_ = ImGui::GetScrollMaxY();
    const float content_h = ImGui::GetCursorPosY();
    const bool height_changed = content_h != content_h_;
    content_h_ = content_h;
    ImGui::End();
    draw_bar(in);
    // The semantics of this frame: the bar first in reading order, as it is first on screen.
    std::stable_partition(cv_.sem.nodes.begin(), cv_.sem.nodes.end(), [](const sem_node& n) { return n.fixed; });
    const float css = in.css_scale > 0 ? in.css_scale : 1;
    cv_.sem.scroll_y = scroll_y_ / css;
    cv_.sem.page_h = (scroll_max_ + in.height) / css;
    cv_.sem.announce = speech_;
    cv_.requests.activate.clear();  // a click on something no longer drawn does nothing later
    if (cv_.scroll_wanted) {
        scroll_to_ = *cv_.scroll_wanted;
        changed_this_frame_ = true;
    }

    frame_output out;
    out.scroll_y = scroll_y_;
    out.scroll_max = scroll_max_;
    out.redo = dirty_;
    out.again = cv_.scroll_wanted.has_value() || height_changed || (changed_this_frame_ && !dirty_) || left_out_;
    out.complete = !left_out_;
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
    // A first paint stops at the first card that starts below the view: what shows is the same, and
    // the page's first frame does not wait for the layout of what nobody sees yet (the bar carries
    // the answer). The frame after it draws everything.
    left_out_ = false;
    auto below = [&] {
        left_out_ = left_out_ || (in.first_paint && ImGui::GetCursorScreenPos().y > in.height);
        return left_out_;
    };
    draw_intro();
    draw_district();
    if (!below()) draw_year();
    if (!below()) draw_person();
    if (!below() && asks_birth_date(form_)) draw_birth();
    if (!below() && !categories_.empty()) draw_categories();
    if (!below()) draw_tier();
    if (!below()) draw_paid();
    if (!below() && asks_continuity(form_)) draw_continuity();
    if (!below()) draw_household();
    if (dirty_) refresh();
    if (!below()) draw_answer();
    if (!below()) draw_reasons();
    cv_.space(24);
}

bool app::set_network(const network_status& n) {
    if (n.online == network_.online && n.offline_ready == network_.offline_ready) return false;
    network_ = n;
    return true;
}

std::vector<member_form> app::household() const {
    std::vector<member_form> all{{main_label_, form_}};
    all.insert(all.end(), members_.begin(), members_.end());
    return all;
}

std::string app::share_query() const {
    std::string q = to_query(form_);
    if (!members_.empty()) q += "&" + members_query(form_, household());
    return q;
}

// The picture and the printout: the household's model once members are added, else the person's.
std::string app::presentation_json() const {
    return ui::presentation_json(members_.empty() ? model_ : household_model_);
}

void app::set_focus(const std::string& id, bool by_keyboard) {
    cv_.requests.focus = by_keyboard ? id : std::string();
    cv_.requests.focus_moved = by_keyboard && !id.empty();
}

std::string app::spoken(const presentation& model) {
    const section* answer = model.find(section_id::answer);
    if (!answer) return {};
    std::string said;
    auto sentence = [&](std::string s) {
        if (s.empty()) return;
        if (s.size() >= 3 && s.compare(s.size() - 3, 3, "。") != 0) s += "。";
        said += s;
    };
    if (model.ok) {
        for (const auto& r : answer->rows) {
            if (r.kind == row_kind::amount) sentence(r.label + r.text + r.unit);
            if (r.id == "coverage" || r.id == "waiting" || r.id == "estimate") sentence(r.text);
        }
        return said;
    }
    for (const auto& r : answer->rows) {
        if (r.id == "no_quote") sentence(r.text);
        if (r.kind == row_kind::bullet) {
            sentence(r.text);
            break;  // the first error; the rest are on the screen
        }
    }
    return said;
}

}  // namespace yibao::ui
