// The calculator's screen: the questions, the answer, the reasons. Dear ImGui over the rule core;
// no browser code here (src/platform drives it: input, fonts, frames).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/quote.h"
#include "core/rules.h"
#include "ui/form.h"
#include "ui/presentation.h"
#include "ui/widgets.h"

namespace yibao::ui {

struct frame_input {
    float width = 0, height = 0;  // device pixels
    float scale = 1;              // device pixels per layout unit (CSS px × the kiosk's zoom)
    float css_scale = 1;          // device pixels per CSS pixel (the test hook reports CSS px)
    float scroll_delta = 0;       // device pixels to scroll by this frame (> 0: towards the end)
    int text_step = 0;            // the 字号 step drawn with (metrics::text_steps)
    bool repeat = false;          // the same frame drawn again (an answer changed while drawing, or
                                  // the atlas gained glyphs): not counted as a frame of its own
    bool first_paint = false;     // the page's first frame: the cards below the view are left out
                                  // (nothing of them shows; the frame after it draws the whole page)
};

// What the resident asked the page to do outside the canvas.
enum class page_action {
    none,
    save_picture,
    print,
    share_link,
    start_over,
    text_size,  // the 字号 button: the next step
    speak,      // 朗读: read the answer aloud (speech_text())
};

struct frame_output {
    float scroll_y = 0, scroll_max = 0;  // device pixels
    bool redo = false;                   // the answers changed while drawing: draw again before showing
    bool again = false;                  // a following frame is needed (a scroll asked, the page's
                                         // height changed: ImGui's scroll range follows a frame late)
    page_action action = page_action::none;
    bool complete = true;  // false when a first paint left out the cards below the view (the next
                           // frame, which `again` asks for, draws them and their semantics)
};

// Where the page runs, as the platform found it.
struct app_options {
    bool kiosk = false;            // ?mode=kiosk: a shared touch screen ("start over", idle reset)
    bool can_print = false;        // a printer may be there (not inside WeChat)
    bool can_save_picture = true;  // the quote as a PNG to keep (not on a kiosk)
    bool can_share_link = true;    // the page has an address others can open (http(s), not a kiosk)
    bool wechat = false;           // WeChat's in-app browser: forward through its "…" menu
    bool can_speak = false;        // the browser has a Mandarin voice: 朗读 reads the answer
    std::string build_version;     // the site's version (shown with the rules' revision)
    // Every year the rules cover, with its dates, when the book holds only some years' rules (the
    // page's first read: ui/form.h first_screen_years); empty: the book's own. set_book drops it.
    std::vector<year_dates> calendar;
};

// The network as the page sees it.
struct network_status {
    bool online = true;
    bool offline_ready = false;  // every file is cached: the page also works without a network
};

class app {
  public:
    app(std::shared_ptr<const rule_book> book, date today, const url_params& params, app_options options = {});

    void set_fonts(const fonts& f) { fonts_ = f; }
    // More rules than the screens started with (the page reads the rules the first screen needs
    // first, the rest after it): the same answers, quoted again with them.
    void set_book(std::shared_ptr<const rule_book> book);
    // Characters drawn with the heading and the big fonts (the body font has every character).
    static std::string heading_glyphs();
    static const char* big_glyphs();

    frame_output frame(const frame_input& in);

    // What the screen shows now, as JSON, with the tappable widgets' rectangles in CSS pixels.
    std::string state_json() const;
    // The answers as URL parameters (a shared link reopens them).
    std::string share_query() const;
    // What a person reads of the quote (ui/presentation.h), as JSON: the printout and the saved
    // picture walk it.
    std::string presentation_json() const;
    bool set_network(const network_status& n);  // true when the screen must change
    void set_can_speak(bool yes) { options_.can_speak = yes; }

    // The semantics layer (ui/semantics.h) of the last frame, and what it asks of the next one.
    const semantics& semantics_of_frame() const { return cv_.sem; }
    void activate(const std::string& id) { cv_.requests.activate = id; }
    // A finger's tap at screen point (x, y) in device px: the control drawn there in the last
    // frame acts on the next one, as a click from the semantics layer does (no press and release
    // through ImGui, which take a frame each). False when no control is there.
    bool tap_at(float x, float y);
    void set_value(const std::string& id, const std::string& value) {
        cv_.requests.value_id = id;
        cv_.requests.value = value;
    }
    // The keyboard focus moved to a widget ("" = left the page's controls); by_keyboard: scroll
    // it into view and draw the ring.
    void set_focus(const std::string& id, bool by_keyboard);
    // What 朗读 says and the live region announces: the amount, coverage and any waiting period
    // (or why there is no answer).
    const std::string& speech_text() const { return speech_; }
    // The coverage year the screens quote.
    int year() const { return form_.year; }

  private:
    struct shown_answer {
        bool ok = false;
        std::string due, personal_standard, assistance, fiscal_subsidy, surcharge;
        std::string coverage_start, coverage_end, waiting_from, waiting_to;
        int waiting_days = -1;
        std::string category_applied;
        std::string tier_due[2];
        std::vector<std::string> hints;
        std::vector<std::string> general_errors;
        int explanation_lines = 0;
        int notes = 0;
        std::string bar;
    };

    void refresh();                                        // recompute the quote when the answers changed
    static std::string spoken(const presentation& model);  // speech_text() of a model
    void read_book();                                      // years, districts and their periods
    void load_year_lists();                                // categories and dates for the chosen year and district
    void clamp_dates();

    void draw_page(const frame_input& in);
    void draw_bar(const frame_input& in);
    void draw_intro();
    void draw_district();
    void draw_year();
    void draw_person();
    void draw_birth();
    void draw_categories();
    void draw_tier();
    void draw_paid();
    void draw_continuity();
    void draw_household();                       // the family: one compact card per member, the total
    void draw_member(std::size_t index);         // an added member's card (index in members_, from 0)
    void draw_family_year();                     // every member's coverage on one year's timeline
    std::vector<member_form> household() const;  // every member: the main form's person first
    void draw_answer();
    void draw_actions();
    void draw_reasons();
    void draw_row(const row& r, bool& parts_drawn);
    void draw_field_errors(const char* field);
    void end_question(const char* field);

    std::shared_ptr<const rule_book> book_;
    date today_;
    std::vector<int> years_;
    std::vector<district_info> districts_;
    std::vector<year_dates> year_dates_;
    season season_;
    std::vector<category_info> categories_;
    std::optional<year_info> year_info_;

    form form_;
    // A household (README "A household"): the main form's person is the first member, members_ the
    // others; household mode while members_ is not empty.
    std::optional<member_label> main_label_;
    std::vector<member_form> members_;
    household_quote household_;
    presentation household_model_;
    bool dirty_ = true;
    bool changed_this_frame_ = false;
    request last_request_;
    quote quote_;
    advice advice_;
    presentation model_;
    std::string speech_;  // what 朗读 and the live region say of model_  // what the answer card, the reasons, the
                          // picture and the printout show
    app_options options_;
    network_status network_;
    page_action action_ = page_action::none;
    std::string tier_due_[2];  // due under tier 1 and tier 2 ("" when unknown)
    std::map<std::string, std::vector<std::string>> field_errors_;
    std::vector<field_error> link_errors_;  // answers in the page's URL that the parser refused
    std::string link_query_;                // the answers as the link gave them
    std::vector<std::string> shown_fields_;

    fonts fonts_;
    canvas cv_;
    shown_answer shown_;
    bool districts_open_ = false;
    bool categories_open_ = false;
    float scroll_y_ = 0, scroll_max_ = 0;
    float content_h_ = -1;  // the page's height in the last pass (device px)
    float answer_y_ = 0;    // content y of the answer card (for the bar's "jump to answer")
    std::optional<float> scroll_to_;
    int frame_count_ = 0;
    bool left_out_ = false;  // this frame left out the cards below the view (a first paint)
    int text_step_ = 0;
    frame_input last_in_;
    std::string banner_;
    bool known_in_banner_ = false;  // the banner shows what is known (known.* rows) this frame
};

}  // namespace yibao::ui
