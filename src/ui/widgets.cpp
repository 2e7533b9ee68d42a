#include "ui/widgets.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/dates.h"
#include "imgui_internal.h"
#include "ui/text.h"

namespace yibao::ui {

using namespace std::chrono;

namespace {

constexpr float line_spacing = 1.4f;  // Chinese text reads better with air between lines

ImDrawList* draw_list() { return ImGui::GetWindowDrawList(); }

// Buttons act on press: a tap arrives as press + release at once (the platform only sends a press
// when the finger lifted without dragging), so the answer changes on the very next frame.
constexpr ImGuiButtonFlags press_flags = ImGuiButtonFlags_PressedOnClick;

std::string missing_glyphs;

void check_glyphs(const ImFont* font, std::string_view s) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
            missing_glyphs.find(std::string(p, n)) == std::string::npos)
            missing_glyphs.append(p, n);
        p += n;
    }
}

float line_height(const ImFont* font) { return font->FontSize * line_spacing; }

void draw_lines(const ImFont* font, ImVec2 pos, const std::vector<std::string_view>& lines, ImU32 color,
                float box_w = 0) {
    const float lh = line_height(font);
    const float y_off = (lh - font->FontSize) * 0.5f;
    for (const auto& line : lines) {
        check_glyphs(font, line);
        float x = pos.x;
        if (box_w > 0) {
            float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size()).x;
            x += std::max(0.0f, (box_w - w) * 0.5f);
        }
        draw_list()->AddText(font, font->FontSize, ImVec2(std::floor(x), std::floor(pos.y + y_off)), color, line.data(),
                             line.data() + line.size());
        pos.y += lh;
    }
}

ImU32 with_alpha(ImU32 c, int a) { return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT); }

}  // namespace

const std::string& drawn_missing_glyphs() { return missing_glyphs; }

void canvas::begin_row() { ImGui::SetCursorPosX(column_x); }

void canvas::space(float css) {
    begin_row();
    ImGui::Dummy(ImVec2(1, px(css)));
}

ImVec2 canvas::measure(std::string_view s, float wrap_w, ImFont* font) const {
    if (!font) font = f.body;
    auto lines = break_lines(font, font->FontSize, s, wrap_w);
    float w = 0;
    for (const auto& l : lines)
        w = std::max(w, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, l.data(), l.data() + l.size()).x);
    return ImVec2(w, lines.size() * line_height(font));
}

void canvas::heading(std::string_view s) {
    begin_row();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    auto lines = break_lines(f.heading, f.heading->FontSize, s, column_w);
    draw_lines(f.heading, pos, lines, colors::text);
    ImGui::Dummy(ImVec2(column_w, lines.size() * line_height(f.heading)));
}

void canvas::text(std::string_view s, ImU32 color) { wrapped(s, color, 0); }

void canvas::wrapped(std::string_view s, ImU32 color, float indent_css) {
    begin_row();
    const float indent = px(indent_css);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    pos.x += indent;
    auto lines = break_lines(f.body, f.body->FontSize, s, column_w - indent);
    draw_lines(f.body, pos, lines, color);
    ImGui::Dummy(ImVec2(column_w, lines.size() * line_height(f.body)));
}

void canvas::text_at(ImVec2 pos, std::string_view s, ImU32 color, ImFont* font) {
    if (!font) font = f.body;
    check_glyphs(font, s);
    draw_list()->AddText(font, font->FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), color, s.data(),
                         s.data() + s.size());
}

void canvas::error_text(std::string_view s) {
    begin_row();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = px(10);
    auto lines = break_lines(f.body, f.body->FontSize, s, column_w - 2 * pad);
    float h = lines.size() * line_height(f.body) + 2 * px(6);
    draw_list()->AddRectFilled(pos, ImVec2(pos.x + column_w, pos.y + h), colors::error_soft, px(8));
    draw_list()->AddRectFilled(pos, ImVec2(pos.x + px(4), pos.y + h), colors::error);
    draw_lines(f.body, ImVec2(pos.x + pad, pos.y + px(6)), lines, colors::error);
    ImGui::Dummy(ImVec2(column_w, h));
}

void canvas::card_begin(ImU32 fill) {
    IM_ASSERT(!in_card_);
    in_card_ = true;
    card_fill_ = fill;
    begin_row();
    card_start_ = ImGui::GetCursorScreenPos();
    draw_list()->ChannelsSplit(2);
    draw_list()->ChannelsSetCurrent(1);
    saved_column_x_ = column_x;
    saved_column_w_ = column_w;
    const float pad = px(14);
    column_x += pad;
    column_w -= 2 * pad;
    space(14);
}

void canvas::card_end() {
    IM_ASSERT(in_card_);
    space(14);
    in_card_ = false;
    column_x = saved_column_x_;
    column_w = saved_column_w_;
    ImVec2 end = ImGui::GetCursorScreenPos();
    draw_list()->ChannelsSetCurrent(0);
    ImVec2 max(card_start_.x + column_w, end.y - ImGui::GetStyle().ItemSpacing.y);
    draw_list()->AddRectFilled(ImVec2(card_start_.x, card_start_.y + px(1)), ImVec2(max.x, max.y + px(1)),
                               IM_COL32(0, 0, 0, 18), px(metrics::radius_px));
    draw_list()->AddRectFilled(card_start_, max, card_fill_, px(metrics::radius_px));
    draw_list()->ChannelsMerge();
}

bool canvas::choice(const std::string& id, std::string_view label, std::string_view sub, bool selected, float width,
                    float min_height_css, bool check_box) {
    const float pad_x = px(12), pad_y = px(10);
    const float box = check_box ? px(24) : 0;
    const float text_x = pad_x + (check_box ? box + px(12) : 0);
    const float text_w = width - text_x - pad_x;
    auto label_lines = break_lines(f.body, f.body->FontSize, label, text_w);
    std::vector<std::string_view> sub_lines;
    if (!sub.empty()) sub_lines = break_lines(f.body, f.body->FontSize, sub, text_w);
    const float lh = line_height(f.body);
    const float text_h = (label_lines.size() + sub_lines.size()) * lh;
    const float h = std::max(px(min_height_css), text_h + 2 * pad_y);

    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 max(pos.x + width, pos.y + h);
    bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(width, h), press_flags);
    bool held = ImGui::IsItemActive();
    record(id, pos, max);

    ImU32 fill = selected ? (check_box ? colors::primary_soft : colors::primary) : colors::card;
    if (held) fill = selected && !check_box ? IM_COL32(16, 80, 160, 255) : colors::pressed;
    ImU32 border = selected ? colors::primary : colors::line;
    ImU32 fg = selected && !check_box ? IM_COL32(255, 255, 255, 255) : colors::text;
    ImU32 fg_sub = selected && !check_box ? IM_COL32(226, 236, 250, 255) : colors::muted;
    const float r = px(10);
    draw_list()->AddRectFilled(pos, max, fill, r);
    draw_list()->AddRect(pos, max, border, r, 0, selected ? px(2) : px(1));

    float ty = pos.y + (h - text_h) * 0.5f;
    if (check_box) {
        ImVec2 b0(pos.x + pad_x, pos.y + (h - box) * 0.5f), b1(b0.x + box, b0.y + box);
        if (selected) {
            draw_list()->AddRectFilled(b0, b1, colors::primary, px(5));
            ImVec2 pts[3] = {ImVec2(b0.x + box * 0.22f, b0.y + box * 0.52f),
                             ImVec2(b0.x + box * 0.42f, b0.y + box * 0.72f),
                             ImVec2(b0.x + box * 0.80f, b0.y + box * 0.30f)};
            draw_list()->AddPolyline(pts, 3, IM_COL32(255, 255, 255, 255), 0, px(2.5f));
        } else {
            draw_list()->AddRect(b0, b1, colors::muted, px(5), 0, px(1.5f));
        }
        draw_lines(f.body, ImVec2(pos.x + text_x, ty), label_lines, fg);
        draw_lines(f.body, ImVec2(pos.x + text_x, ty + label_lines.size() * lh), sub_lines, fg_sub);
    } else {
        draw_lines(f.body, ImVec2(pos.x + text_x, ty), label_lines, fg, text_w);
        draw_lines(f.body, ImVec2(pos.x + text_x, ty + label_lines.size() * lh), sub_lines, fg_sub, text_w);
    }
    return pressed;
}

int canvas::choice_row(const std::vector<std::string>& ids, const std::vector<std::string>& labels,
                       const std::vector<std::string>& subs, int selected) {
    const int n = static_cast<int>(ids.size());
    if (n == 0) return -1;
    const float gap = px(metrics::gap_px);
    const float w = (column_w - gap * (n - 1)) / n;
    // Same height for all: the tallest label decides.
    const float pad_x = px(12), pad_y = px(10);
    float h = px(metrics::touch_px);
    for (int i = 0; i < n; ++i) {
        float th = break_lines(f.body, f.body->FontSize, labels[i], w - 2 * pad_x).size() * line_height(f.body);
        if (i < static_cast<int>(subs.size()) && !subs[i].empty())
            th += break_lines(f.body, f.body->FontSize, subs[i], w - 2 * pad_x).size() * line_height(f.body);
        h = std::max(h, th + 2 * pad_y);
    }
    int tapped = -1;
    begin_row();
    for (int i = 0; i < n; ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        std::string_view sub = i < static_cast<int>(subs.size()) ? std::string_view(subs[i]) : std::string_view{};
        if (choice(ids[i], labels[i], sub, i == selected, w, h / scale)) tapped = i;
    }
    return tapped;
}

namespace {

enum class glyph { minus, plus, up, down };

bool icon_button(canvas& c, const std::string& id, glyph g, bool enabled, ImVec2 size) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    bool pressed = ImGui::InvisibleButton(id.c_str(), size, press_flags) && enabled;
    bool held = enabled && ImGui::IsItemActive();
    c.record(id, pos, max);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(
        pos, max, held ? colors::pressed : (enabled ? colors::primary_soft : IM_COL32(238, 240, 243, 255)), c.px(10));
    ImU32 col = enabled ? colors::primary : IM_COL32(180, 186, 194, 255);
    ImVec2 m((pos.x + max.x) * 0.5f, (pos.y + max.y) * 0.5f);
    float s = c.px(8), t = c.px(2.5f);
    switch (g) {
        case glyph::minus:
            dl->AddLine(ImVec2(m.x - s, m.y), ImVec2(m.x + s, m.y), col, t);
            break;
        case glyph::plus:
            dl->AddLine(ImVec2(m.x - s, m.y), ImVec2(m.x + s, m.y), col, t);
            dl->AddLine(ImVec2(m.x, m.y - s), ImVec2(m.x, m.y + s), col, t);
            break;
        case glyph::up:
            dl->AddTriangleFilled(ImVec2(m.x - s, m.y + s * 0.5f), ImVec2(m.x + s, m.y + s * 0.5f),
                                  ImVec2(m.x, m.y - s * 0.6f), col);
            break;
        case glyph::down:
            dl->AddTriangleFilled(ImVec2(m.x - s, m.y - s * 0.5f), ImVec2(m.x + s, m.y - s * 0.5f),
                                  ImVec2(m.x, m.y + s * 0.6f), col);
            break;
    }
    return pressed;
}

}  // namespace

int canvas::stepper(const std::string& id, std::string_view value, bool can_minus, bool can_plus, float width) {
    const float b = px(metrics::touch_px);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    int result = 0;
    if (icon_button(*this, id + ".minus", glyph::minus, can_minus, ImVec2(b * 1.2f, b))) result = -1;
    ImGui::SameLine(0, 0);
    float mid_w = width - 2 * b * 1.2f;
    ImVec2 vpos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(mid_w, b));
    ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, value.data(), value.data() + value.size());
    text_at(ImVec2(vpos.x + (mid_w - ts.x) * 0.5f, vpos.y + (b - ts.y) * 0.5f), value, colors::text);
    ImGui::SameLine(0, 0);
    if (icon_button(*this, id + ".plus", glyph::plus, can_plus, ImVec2(b * 1.2f, b))) result = +1;
    record(id, pos, ImVec2(pos.x + width, pos.y + b));
    return result;
}

bool canvas::date_picker(const std::string& id, date& d, date lo, date hi) {
    const float gap = px(metrics::gap_px);
    const float col_w = (column_w - 2 * gap) / 3;
    const float b = px(44);
    const float value_h = px(40);
    begin_row();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const char* parts[3] = {"y", "m", "d"};
    char values[3][24];
    std::snprintf(values[0], sizeof values[0], "%d年", static_cast<int>(d.year()));
    std::snprintf(values[1], sizeof values[1], "%u月", static_cast<unsigned>(d.month()));
    std::snprintf(values[2], sizeof values[2], "%u日", static_cast<unsigned>(d.day()));
    auto shifted = [&](int part, int delta) {
        year_month_day r = d;
        if (part == 0) r = year_month_day{r.year() + std::chrono::years{delta}, r.month(), r.day()};
        if (part == 1) {
            // Months wrap inside the year (a picker, not calendar arithmetic).
            int m = static_cast<int>(static_cast<unsigned>(r.month())) + delta;
            m = (m + 11) % 12 + 1;
            r = year_month_day{r.year(), month{static_cast<unsigned>(m)}, r.day()};
        }
        if (part == 2) {
            auto last =
                static_cast<int>(static_cast<unsigned>(year_month_day_last{r.year(), month_day_last{r.month()}}.day()));
            int dd = static_cast<int>(static_cast<unsigned>(r.day())) + delta;
            if (dd < 1) dd = last;
            if (dd > last) dd = 1;
            r = year_month_day{r.year(), r.month(), day{static_cast<unsigned>(dd)}};
        }
        if (!r.ok()) r = year_month_day_last{r.year(), month_day_last{r.month()}};
        if (sys_days{r} < sys_days{lo}) r = lo;
        if (sys_days{r} > sys_days{hi}) r = hi;
        return r;
    };
    bool changed = false;
    for (int part = 0; part < 3; ++part) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + part * (col_w + gap), origin.y));
        std::string base = id + "." + parts[part];
        date up = shifted(part, +1), down = shifted(part, -1);
        if (icon_button(*this, base + ".plus", glyph::up, up != d, ImVec2(col_w, b))) {
            d = up;
            changed = true;
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x + part * (col_w + gap), origin.y + b));
        ImVec2 vpos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(col_w, value_h));
        ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, values[part]);
        text_at(ImVec2(vpos.x + (col_w - ts.x) * 0.5f, vpos.y + (value_h - ts.y) * 0.5f), values[part], colors::text);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + part * (col_w + gap), origin.y + b + value_h));
        if (icon_button(*this, base + ".minus", glyph::down, down != d, ImVec2(col_w, b))) {
            d = down;
            changed = true;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + 2 * b + value_h));
    ImGui::Dummy(ImVec2(column_w, 0));
    record(id, origin, ImVec2(origin.x + column_w, origin.y + 2 * b + value_h));
    return changed;
}

void canvas::timeline(date year_from, date year_to, std::optional<date> paid, std::optional<date> start,
                      std::optional<date> end, std::optional<date> wait_from, std::optional<date> wait_to) {
    begin_row();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = column_w;
    const float bar_y = origin.y + px(12);
    const float bar_h = px(16);
    const float total = static_cast<float>(days_between(year_from, year_to) + 1);
    auto x_of = [&](date d) {
        float t = static_cast<float>(days_between(year_from, d)) / total;
        return origin.x + std::clamp(t, 0.0f, 1.0f) * w;
    };
    auto x_after = [&](date d) { return x_of(add_days(d, 1)); };
    ImDrawList* dl = draw_list();
    ImVec2 b0(origin.x, bar_y), b1(origin.x + w, bar_y + bar_h);
    dl->AddRectFilled(b0, b1, IM_COL32(226, 230, 236, 255), px(4));
    if (wait_from && wait_to)
        dl->AddRectFilled(ImVec2(x_of(*wait_from), bar_y), ImVec2(x_after(*wait_to), bar_y + bar_h),
                          IM_COL32(245, 166, 35, 255));
    if (start && end)
        dl->AddRectFilled(ImVec2(x_of(*start), bar_y), ImVec2(x_after(*end), bar_y + bar_h),
                          IM_COL32(52, 168, 83, 255));
    // Month ticks, labels for quarters.
    float label_y = bar_y + bar_h + px(4);
    for (int m = 1; m <= 12; ++m) {
        date first{year_from.year(), month{static_cast<unsigned>(m)}, day{1}};
        float x = x_of(first);
        dl->AddLine(ImVec2(x, bar_y), ImVec2(x, bar_y + bar_h), IM_COL32(255, 255, 255, 200), px(1));
        if (m % 3 == 1) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%d月", m);
            dl->AddLine(ImVec2(x, bar_y + bar_h), ImVec2(x, bar_y + bar_h + px(4)), colors::muted, px(1));
            text_at(ImVec2(x + px(2), label_y), buf, colors::muted);
        }
    }
    float h = px(12) + bar_h + px(4) + line_height(f.body) + px(4);
    // Payment day: a triangle under the bar, when it falls inside the year shown.
    if (paid && sys_days{*paid} >= sys_days{year_from} && sys_days{*paid} <= sys_days{year_to}) {
        float x = x_of(*paid);
        float s = px(7);
        dl->AddTriangleFilled(ImVec2(x, bar_y - px(1)), ImVec2(x - s, bar_y - s * 1.4f),
                              ImVec2(x + s, bar_y - s * 1.4f), colors::primary);
    }
    dl->AddRect(b0, b1, IM_COL32(0, 0, 0, 30), px(4));
    ImGui::Dummy(ImVec2(w, h + px(4)));
    (void)with_alpha;
}

}  // namespace yibao::ui
