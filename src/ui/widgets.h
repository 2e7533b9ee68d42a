// The page's own widgets, drawn with Dear ImGui: big tappable choices, steppers, a date picker
// without keyboard, cards and the coverage timeline. Sizes are given in CSS pixels and multiplied
// by the device pixel ratio (ImGui works in device pixels, so text is rasterized sharp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quote.h"
#include "imgui.h"

namespace yibao::ui {

struct fonts {
    ImFont* body = nullptr;     // 17 CSS px, every character the page can show
    ImFont* heading = nullptr;  // 20 CSS px, heading characters only
    ImFont* big = nullptr;      // 40 CSS px, the amount
};

namespace metrics {
inline constexpr float body_px = 17.0f;
inline constexpr float heading_px = 20.0f;
inline constexpr float big_px = 40.0f;
inline constexpr float touch_px = 48.0f;  // minimum height of anything tappable
inline constexpr float column_max_px = 480.0f;
inline constexpr float margin_px = 16.0f;
inline constexpr float gap_px = 8.0f;
inline constexpr float radius_px = 12.0f;
inline constexpr float bar_px = 56.0f;     // the sticky answer bar
inline constexpr float kiosk_zoom = 1.5f;  // a kiosk's larger type and targets (arm's length, any age)
}  // namespace metrics

namespace colors {
inline constexpr ImU32 page = IM_COL32(243, 245, 248, 255);
inline constexpr ImU32 card = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 text = IM_COL32(26, 32, 44, 255);
inline constexpr ImU32 muted = IM_COL32(88, 99, 116, 255);
inline constexpr ImU32 line = IM_COL32(208, 214, 222, 255);
inline constexpr ImU32 primary = IM_COL32(22, 101, 192, 255);
inline constexpr ImU32 primary_soft = IM_COL32(225, 237, 252, 255);
inline constexpr ImU32 pressed = IM_COL32(200, 215, 235, 255);
inline constexpr ImU32 error = IM_COL32(192, 32, 32, 255);
inline constexpr ImU32 error_soft = IM_COL32(253, 235, 235, 255);
inline constexpr ImU32 warn = IM_COL32(196, 98, 0, 255);
inline constexpr ImU32 warn_soft = IM_COL32(255, 243, 224, 255);
inline constexpr ImU32 good = IM_COL32(25, 128, 56, 255);
inline constexpr ImU32 good_soft = IM_COL32(228, 245, 233, 255);

// Each colour above by its name: the glue draws with the same ones (yibao_palette(), platform/abi.cpp).
struct named_color {
    const char* name;
    ImU32 value;
};
inline constexpr named_color named[] = {
    {"page", page},
    {"card", card},
    {"text", text},
    {"muted", muted},
    {"line", line},
    {"primary", primary},
    {"primary_soft", primary_soft},
    {"pressed", pressed},
    {"error", error},
    {"error_soft", error_soft},
    {"warn", warn},
    {"warn_soft", warn_soft},
    {"good", good},
    {"good_soft", good_soft},
};
}  // namespace colors

// Rectangles of tappable widgets by id, for the page's test hook (device pixels).
struct widget_rect {
    std::string id;
    ImVec2 min, max;
};

// Per-frame drawing context: scale, column geometry, fonts and the widget registry.
class canvas {
  public:
    float scale = 1.0f;  // device pixels per CSS pixel
    float column_x = 0;  // left edge of the column content (window-local, device px)
    float column_w = 0;  // width of the column content
    float view_top = 0;  // screen y below the sticky bar
    float view_bottom = 0;
    fonts f;
    std::vector<widget_rect> rects;

    float px(float css) const { return css * scale; }

    // Layout
    void begin_row();       // cursor to the column's left edge
    void space(float css);  // vertical gap
    void heading(std::string_view text);
    void text(std::string_view text, ImU32 color = colors::text);
    void text_at(ImVec2 pos, std::string_view text, ImU32 color, ImFont* font = nullptr);
    ImVec2 measure(std::string_view text, float wrap_w, ImFont* font = nullptr) const;
    // Text that wraps at the column edge, indented by indent_css.
    void wrapped(std::string_view text, ImU32 color = colors::text, float indent_css = 0);
    void error_text(std::string_view text);

    // Cards: a white rounded panel behind everything drawn between begin and end.
    void card_begin(ImU32 fill = colors::card);
    void card_end();

    // A tappable choice (button or toggle). Returns true when tapped.
    bool choice(const std::string& id, std::string_view label, std::string_view sub, bool selected, float width,
                float min_height_css = metrics::touch_px, bool check_box = false);
    // Equal-width choices on one row; returns the index tapped or -1.
    int choice_row(const std::vector<std::string>& ids, const std::vector<std::string>& labels,
                   const std::vector<std::string>& subs, int selected);
    // [−] value [+]; returns -1, +1 or 0.
    int stepper(const std::string& id, std::string_view value, bool can_minus, bool can_plus, float width);
    // Year / month / day steppers; returns true when d changed. Clamped to [lo, hi].
    bool date_picker(const std::string& id, date& d, date lo, date hi);
    // The coverage year as a bar: waiting period, covered days, payment day.
    void timeline(date year_from, date year_to, std::optional<date> paid, std::optional<date> start,
                  std::optional<date> end, std::optional<date> wait_from, std::optional<date> wait_to);

    void record(const std::string& id, ImVec2 min, ImVec2 max) { rects.push_back({id, min, max}); }

  private:
    ImVec2 card_start_{};
    bool in_card_ = false;
    float saved_column_x_ = 0, saved_column_w_ = 0;
    ImU32 card_fill_ = colors::card;
};

// Characters some text on the page asked for that its font does not have (drawn as boxes):
// empty on a correct build. Collected while drawing, for the page's test hook.
const std::string& drawn_missing_glyphs();

}  // namespace yibao::ui
