// The page's own widgets, drawn with Dear ImGui: big tappable choices, steppers, a date field that
// opens the platform's picker, cards and the coverage timeline. Sizes are given in CSS pixels and
// multiplied by the device pixel ratio and the 字号 step (ImGui works in device pixels, so text is
// rasterized sharp). Every widget also records what it is for the semantics layer (ui/semantics.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quote.h"
#include "imgui.h"
#include "ui/palette.h"
#include "ui/semantics.h"

namespace yibao::ui {

struct fonts {
    ImFont* body = nullptr;     // metrics::body_px CSS px per em, every character the page can show
    ImFont* heading = nullptr;  // metrics::heading_px, heading characters only
    ImFont* big = nullptr;      // metrics::big_px, the amount
    // ImGui's font size is the height from ascender to descender, not the em: for Noto Sans CJK
    // it is 1.448 em. ImFont::FontSize / em_ratio = the em (the size CSS and 字号 mean).
    float em_ratio = 1;
};

namespace metrics {
// Sizes in CSS px per em, as CSS means them (WeChat's articles use 17 px body text).
inline constexpr float body_px = 17.0f;
inline constexpr float heading_px = 20.0f;
inline constexpr float big_px = 36.0f;
inline constexpr float line_spacing = 1.5f;  // line height per em (适老化: at least 1.3)
inline constexpr float touch_px = 48.0f;     // minimum height of anything tappable (×1.25 = 60 in 大字)
inline constexpr float column_max_px = 480.0f;
inline constexpr float margin_px = 16.0f;
inline constexpr float gap_px = 8.0f;
inline constexpr float radius_px = 12.0f;
inline constexpr float bar_px = 56.0f;  // the sticky answer bar

// The 字号 steps: the whole page is laid out again at scale × (text and targets alike).
struct text_step {
    const char* id;    // ?text=large, the device's memory
    const char* name;  // 标准, 大字, 特大
    float scale;
};
inline constexpr text_step text_steps[] = {
    {"standard", "标准", 1.0f}, {"large", "大字", 1.25f}, {"xlarge", "特大", 1.5f}};
inline constexpr int text_step_count = 3;
inline constexpr int kiosk_text_step = 2;  // a kiosk is read at arm's length, by any age
}  // namespace metrics

namespace colors {
constexpr ImU32 im(palette::rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }
inline constexpr ImU32 page = im(palette::page);
inline constexpr ImU32 card = im(palette::card);
inline constexpr ImU32 text = im(palette::text);
inline constexpr ImU32 muted = im(palette::muted);
inline constexpr ImU32 line = im(palette::line);
inline constexpr ImU32 primary = im(palette::primary);
inline constexpr ImU32 primary_dark = im(palette::primary_dark);
inline constexpr ImU32 primary_soft = im(palette::primary_soft);
inline constexpr ImU32 pressed = im(palette::pressed);
inline constexpr ImU32 on_primary = im(palette::on_primary);
inline constexpr ImU32 on_primary_soft = im(palette::on_primary_soft);
inline constexpr ImU32 error = im(palette::error);
inline constexpr ImU32 error_soft = im(palette::error_soft);
inline constexpr ImU32 warn = im(palette::warn);
inline constexpr ImU32 warn_soft = im(palette::warn_soft);
inline constexpr ImU32 good = im(palette::good);
inline constexpr ImU32 good_soft = im(palette::good_soft);
inline constexpr ImU32 disabled = im(palette::disabled);
inline constexpr ImU32 disabled_icon = im(palette::disabled_icon);
inline constexpr ImU32 covered = im(palette::covered);
inline constexpr ImU32 waiting = im(palette::waiting);
inline constexpr ImU32 shadow = IM_COL32(0, 0, 0, 24);
}  // namespace colors

// Rectangles of tappable widgets by id, for the page's test hook (device pixels).
struct widget_rect {
    std::string id;
    ImVec2 min, max;
};

// What the semantics layer asked of the canvas since the last frame (web/js/a11y.js): a click on
// an element, a date chosen in the platform's picker, the keyboard focus.
struct sem_requests {
    std::string activate;      // the widget's id: it acts as if tapped, once
    std::string value_id;      // a date input's id
    std::string value;         // its new value, YYYY-MM-DD
    std::string focus;         // the widget with the keyboard focus ("" = none)
    bool focus_moved = false;  // the focus moved by keyboard: scroll it into view
};

// Per-frame drawing context: scale, column geometry, fonts, the widget registry and the
// semantics of everything drawn (ui/semantics.h).
class canvas {
  public:
    float scale = 1.0f;      // device pixels per layout unit (CSS px × the 字号 step)
    float css_scale = 1.0f;  // device pixels per CSS pixel
    float column_x = 0;      // left edge of the column content (window-local, device px)
    float column_w = 0;      // width of the column content
    float view_top = 0;      // screen y below the sticky bar
    float view_bottom = 0;
    float scroll_y = 0;  // device px the page is scrolled by (semantics are in page coordinates)
    fonts f;
    std::vector<widget_rect> rects;
    semantics sem;
    sem_requests requests;
    bool in_bar = false;                 // drawing the top bar (its nodes do not scroll)
    std::optional<float> scroll_wanted;  // device px: where the page should scroll (focus)

    float px(float css) const { return css * scale; }
    float em(const ImFont* font) const { return font->FontSize / f.em_ratio; }
    float line_height(const ImFont* font) const { return em(font) * metrics::line_spacing; }
    void begin_frame();

    // Layout
    void begin_row();       // cursor to the column's left edge
    void space(float css);  // vertical gap
    void heading(std::string_view text, int level = 2);
    void text(std::string_view text, ImU32 color = colors::text);
    void text_at(ImVec2 pos, std::string_view text, ImU32 color, ImFont* font = nullptr);
    ImVec2 measure(std::string_view text, float wrap_w, ImFont* font = nullptr) const;
    // Text that wraps at the column edge, indented by indent_css.
    void wrapped(std::string_view text, ImU32 color = colors::text, float indent_css = 0, bool selectable = false);
    void error_text(std::string_view text);

    // Cards: a white rounded panel behind everything drawn between begin and end.
    void card_begin(ImU32 fill = colors::card);
    void card_end();

    // A tappable choice: a button, a radio (group = its radiogroup's id) or a checkbox. Returns
    // true when tapped (or activated through the semantics layer).
    bool choice(const std::string& id, std::string_view label, std::string_view sub, bool selected, float width,
                float min_height_css = metrics::touch_px, bool check_box = false, std::string_view group = {});
    // Equal-width choices on one row: radios of `group` (its name read as the question) or, when
    // group is empty, buttons. Returns the index tapped or -1.
    int choice_row(const std::vector<std::string>& ids, const std::vector<std::string>& labels,
                   const std::vector<std::string>& subs, int selected, std::string_view group = {},
                   std::string_view group_name = {});
    // [−] value [+]; returns -1, +1 or 0. minus_name / plus_name: what the buttons do, in words.
    int stepper(const std::string& id, std::string_view value, bool can_minus, bool can_plus, float width,
                std::string_view minus_name, std::string_view plus_name);
    // A date field: the date in words, tapped to open the platform's date picker (the semantics
    // layer's <input type=date> lies over it). Returns true when the date changed; clamped to [lo, hi].
    bool date_field(const std::string& id, std::string_view name, date& d, date lo, date hi);
    // The coverage year as a bar: waiting period, covered days, payment day.
    void timeline(date year_from, date year_to, std::optional<date> paid, std::optional<date> start,
                  std::optional<date> end, std::optional<date> wait_from, std::optional<date> wait_to);
    // A household's year: one bar a member on one shared axis of months, its name on the left.
    struct timeline_row {
        std::string name;  // drawn: "1. 父亲"
        std::string said;  // the semantics layer's words for the row's bar
        std::optional<date> start, end, wait_from, wait_to;
    };
    void timelines(date year_from, date year_to, const std::vector<timeline_row>& rows);
    // The key under a timeline: 享受待遇, 等待期 when there is one, 缴费日 when its mark is drawn.
    void timeline_legend(bool waiting, bool paid = false);

    void record(const std::string& id, ImVec2 min, ImVec2 max) { rects.push_back({id, min, max}); }
    // A semantics node over the screen rectangle [min, max] (device px).
    sem_node& node(sem_role role, std::string id, std::string name, ImVec2 min, ImVec2 max);
    // A text node; id "" = the next "t.<n>".
    sem_node& text_node(std::string_view text, ImVec2 min, ImVec2 max, const ImFont* font, std::string id = {});
    // True once when the semantics layer activated this widget.
    bool activated(const std::string& id);
    // The keyboard focus ring, when this widget has the focus.
    void focus_ring(const std::string& id, ImVec2 min, ImVec2 max);

  private:
    // A coverage year laid across [x0, x0 + w] (timeline, timelines).
    struct year_axis {
        date from;
        float x0 = 0, w = 0, days = 1;
        float x_of(date d) const;     // where day d starts
        float x_after(date d) const;  // where day d ends
    };
    year_axis axis_of(date year_from, date year_to, float x0, float w) const;
    // The year's bar from y top, h high: the waiting period, the covered days, a line at each
    // month's start, the outline.
    void year_bar(const year_axis& a, float top, float h, float rounding, std::optional<date> start,
                  std::optional<date> end, std::optional<date> wait_from, std::optional<date> wait_to);
    // 1月, 4月, 7月, 10月: a tick down from tick_y, the label from label_y.
    void quarter_labels(const year_axis& a, float tick_y, float label_y);

    ImVec2 card_start_{};
    bool in_card_ = false;
    float saved_column_x_ = 0, saved_column_w_ = 0;
    ImU32 card_fill_ = colors::card;
    int text_count_ = 0;
};

// Characters text in view asked for that the font atlas does not have (drawn as boxes) in the last
// presented frame: empty on a correct build. For the page's test hook.
const std::string& drawn_missing_glyphs();
// The glyph watch of one pass over the screens: text between screen y top and bottom (device px)
// is checked against the atlas; watch_glyphs starts a pass, missing_glyphs_in_view is what it
// found so far, each character with the font that drew it (a character missing in two fonts comes
// twice: the page's atlas rasterizes a glyph only at the sizes the screen shows it in),
// glyphs_presented marks the pass as the one put on screen.
struct missing_glyph {
    const ImFont* font = nullptr;
    unsigned code_point = 0;
};
void watch_glyphs(float top, float bottom);
const std::vector<missing_glyph>& missing_glyphs_in_view();
void glyphs_presented();

}  // namespace yibao::ui
