#include "ui/widgets.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/dates.h"
#include "core/format.h"
#include "imgui_internal.h"
#include "ui/text.h"

namespace yibao::ui {

using namespace std::chrono;

namespace {

ImDrawList* draw_list() { return ImGui::GetWindowDrawList(); }

// Buttons act on press: a tap arrives as press + release at once (the platform only sends a press
// when the finger lifted without dragging), so the answer changes on the very next frame.
constexpr ImGuiButtonFlags press_flags = ImGuiButtonFlags_PressedOnClick;

// The glyphs text in view asked for that the atlas lacks (drawn as boxes), this pass and the last
// presented one. The page builds its atlas in stages (platform/main_web.cpp): what the first screen
// shows first, everything else later; a pass that finds such glyphs is drawn again with them.
std::vector<missing_glyph> missing_now;
std::string missing_glyphs;
float watch_top = -FLT_MAX, watch_bottom = FLT_MAX;

void check_glyphs(const ImFont* font, std::string_view s, float y0, float y1) {
    if (y1 < watch_top || y0 > watch_bottom) return;  // out of view: the atlas need not have it yet
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
            std::none_of(missing_now.begin(), missing_now.end(),
                         [&](const missing_glyph& m) { return m.font == font && m.code_point == c; }))
            missing_now.push_back({font, c});
        p += n;
    }
}

// Lines of text from pos down, lh apart (each glyph box centred in its line), centred in box_w
// when given.
void draw_lines(const ImFont* font, float lh, ImVec2 pos, const std::vector<std::string_view>& lines, ImU32 color,
                float box_w = 0) {
    const float y_off = (lh - font->FontSize) * 0.5f;
    for (const auto& line : lines) {
        check_glyphs(font, line, pos.y, pos.y + lh);
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

std::string joined(const std::vector<std::string_view>& lines) {
    std::string s;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) s += '\n';
        s += lines[i];
    }
    return s;
}

const char* tone_of(ImU32 color) {
    if (color == colors::warn) return "warn";
    if (color == colors::error) return "bad";
    if (color == colors::good) return "good";
    if (color == colors::muted) return "muted";
    return "";
}

}  // namespace

const std::string& drawn_missing_glyphs() { return missing_glyphs; }

void watch_glyphs(float top, float bottom) {
    watch_top = top;
    watch_bottom = bottom;
    missing_now.clear();
}

const std::vector<missing_glyph>& missing_glyphs_in_view() { return missing_now; }

void glyphs_presented() {
    missing_glyphs.clear();
    for (std::size_t i = 0; i < missing_now.size(); ++i) {
        const unsigned c = missing_now[i].code_point;  // each character once, whatever its fonts
        if (std::any_of(missing_now.begin(), missing_now.begin() + static_cast<std::ptrdiff_t>(i),
                        [&](const missing_glyph& m) { return m.code_point == c; }))
            continue;
        char buf[5] = {};
        ImTextCharToUtf8(buf, c);
        missing_glyphs += buf;
    }
}

void canvas::begin_frame() {
    rects.clear();
    sem.clear();
    text_count_ = 0;
    scroll_wanted.reset();
    in_bar = false;
}

sem_node& canvas::node(sem_role role, std::string id, std::string name, ImVec2 min, ImVec2 max) {
    sem_node n;
    n.role = role;
    n.id = std::move(id);
    n.name = std::move(name);
    n.fixed = in_bar;
    const float s = css_scale > 0 ? css_scale : 1;
    const float y_off = in_bar ? 0 : scroll_y;
    n.x = min.x / s;
    n.y = (min.y + y_off) / s;
    n.w = (max.x - min.x) / s;
    n.h = (max.y - min.y) / s;
    sem.nodes.push_back(std::move(n));
    return sem.nodes.back();
}

sem_node& canvas::text_node(std::string_view text, ImVec2 min, ImVec2 max, const ImFont* font, std::string id) {
    if (id.empty()) id = "t." + std::to_string(++text_count_);
    sem_node& n = node(sem_role::text, std::move(id), std::string(text), min, max);
    const float s = css_scale > 0 ? css_scale : 1;
    n.font_px = em(font) / s;
    n.line_px = line_height(font) / s;
    return n;
}

bool canvas::activated(const std::string& id) {
    if (requests.activate.empty() || requests.activate != id) return false;
    requests.activate.clear();
    return true;
}

void canvas::focus_ring(const std::string& id, ImVec2 min, ImVec2 max) {
    if (requests.focus.empty() || requests.focus != id) return;
    const float o = px(3);
    draw_list()->AddRect(ImVec2(min.x - o, min.y - o), ImVec2(max.x + o, max.y + o), colors::primary_dark,
                         px(metrics::radius_px), 0, px(3));
    if (!requests.focus_moved || in_bar) return;
    requests.focus_moved = false;
    // Keep the focused widget in view, with a margin.
    const float margin = px(24);
    if (min.y < view_top + margin)
        scroll_wanted = scroll_y - (view_top + margin - min.y);
    else if (max.y > view_bottom - margin)
        scroll_wanted = scroll_y + (max.y - (view_bottom - margin));
}

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

void canvas::heading(std::string_view s, int level) {
    begin_row();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    auto lines = break_lines(f.heading, f.heading->FontSize, s, column_w);
    const float lh = line_height(f.heading);
    draw_lines(f.heading, lh, pos, lines, colors::text);
    const float h = lines.size() * lh;
    ImGui::Dummy(ImVec2(column_w, h));
    sem_node& n = text_node(joined(lines), pos, ImVec2(pos.x + column_w, pos.y + h), f.heading);
    n.role = sem_role::heading;
    n.level = level;
}

void canvas::text(std::string_view s, ImU32 color) { wrapped(s, color, 0); }

void canvas::wrapped(std::string_view s, ImU32 color, float indent_css, bool selectable) {
    begin_row();
    const float indent = px(indent_css);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    pos.x += indent;
    auto lines = break_lines(f.body, f.body->FontSize, s, column_w - indent);
    const float lh = line_height(f.body);
    draw_lines(f.body, lh, pos, lines, color);
    const float h = lines.size() * lh;
    ImGui::Dummy(ImVec2(column_w, h));
    sem_node& n = text_node(joined(lines), pos, ImVec2(pos.x + column_w - indent, pos.y + h), f.body);
    n.tone = tone_of(color);
    n.selectable = selectable;
}

void canvas::text_at(ImVec2 pos, std::string_view s, ImU32 color, ImFont* font) {
    if (!font) font = f.body;
    check_glyphs(font, s, pos.y, pos.y + font->FontSize);
    draw_list()->AddText(font, font->FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), color, s.data(),
                         s.data() + s.size());
}

void canvas::error_text(std::string_view s) {
    begin_row();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = px(10);
    auto lines = break_lines(f.body, f.body->FontSize, s, column_w - 2 * pad);
    const float lh = line_height(f.body);
    float h = lines.size() * lh + 2 * px(6);
    draw_list()->AddRectFilled(pos, ImVec2(pos.x + column_w, pos.y + h), colors::error_soft, px(8));
    draw_list()->AddRectFilled(pos, ImVec2(pos.x + px(4), pos.y + h), colors::error);
    draw_lines(f.body, lh, ImVec2(pos.x + pad, pos.y + px(6)), lines, colors::error);
    ImGui::Dummy(ImVec2(column_w, h));
    sem_node& n = text_node(joined(lines), ImVec2(pos.x + pad, pos.y + px(6)),
                            ImVec2(pos.x + column_w - pad, pos.y + h - px(6)), f.body);
    n.tone = "bad";
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
                               colors::shadow, px(metrics::radius_px));
    draw_list()->AddRectFilled(card_start_, max, card_fill_, px(metrics::radius_px));
    draw_list()->ChannelsMerge();
}

bool canvas::choice(const std::string& id, std::string_view label, std::string_view sub, bool selected, float width,
                    float min_height_css, bool check_box, std::string_view group) {
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
    pressed = activated(id) || pressed;
    bool held = ImGui::IsItemActive();
    record(id, pos, max);
    const sem_role role = check_box ? sem_role::checkbox : group.empty() ? sem_role::button : sem_role::radio;
    sem_node& n = node(role, id, std::string(label), pos, max);
    n.description = std::string(sub);
    n.checked = selected;
    n.group = std::string(group);

    ImU32 fill = selected ? (check_box ? colors::primary_soft : colors::primary) : colors::card;
    if (held) fill = selected && !check_box ? colors::primary_dark : colors::pressed;
    ImU32 border = selected ? colors::primary : colors::line;
    ImU32 fg = selected && !check_box ? colors::on_primary : colors::text;
    ImU32 fg_sub = selected && !check_box ? colors::on_primary_soft : colors::muted;
    const float r = px(10);
    draw_list()->AddRectFilled(pos, max, fill, r);
    draw_list()->AddRect(pos, max, border, r, 0, selected ? px(2) : px(1));
    focus_ring(id, pos, max);

    float ty = pos.y + (h - text_h) * 0.5f;
    if (check_box) {
        ImVec2 b0(pos.x + pad_x, pos.y + (h - box) * 0.5f), b1(b0.x + box, b0.y + box);
        if (selected) {
            draw_list()->AddRectFilled(b0, b1, colors::primary, px(5));
            ImVec2 pts[3] = {ImVec2(b0.x + box * 0.22f, b0.y + box * 0.52f),
                             ImVec2(b0.x + box * 0.42f, b0.y + box * 0.72f),
                             ImVec2(b0.x + box * 0.80f, b0.y + box * 0.30f)};
            draw_list()->AddPolyline(pts, 3, colors::on_primary, 0, px(2.5f));
        } else {
            draw_list()->AddRect(b0, b1, colors::muted, px(5), 0, px(1.5f));
        }
        draw_lines(f.body, lh, ImVec2(pos.x + text_x, ty), label_lines, fg);
        draw_lines(f.body, lh, ImVec2(pos.x + text_x, ty + label_lines.size() * lh), sub_lines, fg_sub);
    } else {
        if (selected && !group.empty()) {
            // A chosen radio says so with a mark, not only with its colour: left of its label.
            const float c = px(6);
            float label_w = 0;
            for (auto l : label_lines)
                label_w = std::max(
                    label_w, f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, l.data(), l.data() + l.size()).x);
            const float left = pos.x + text_x + std::max(0.0f, (text_w - label_w) * 0.5f);
            ImVec2 m(std::max(pos.x + px(4) + c, left - px(6) - c), ty + lh * 0.5f);
            ImVec2 pts[3] = {ImVec2(m.x - c, m.y), ImVec2(m.x - c * 0.3f, m.y + c * 0.7f),
                             ImVec2(m.x + c, m.y - c * 0.7f)};
            draw_list()->AddPolyline(pts, 3, colors::on_primary, 0, px(2));
        }
        draw_lines(f.body, lh, ImVec2(pos.x + text_x, ty), label_lines, fg, text_w);
        draw_lines(f.body, lh, ImVec2(pos.x + text_x, ty + label_lines.size() * lh), sub_lines, fg_sub, text_w);
    }
    return pressed;
}

int canvas::choice_row(const std::vector<std::string>& ids, const std::vector<std::string>& labels,
                       const std::vector<std::string>& subs, int selected, std::string_view group,
                       std::string_view group_name) {
    const int n = static_cast<int>(ids.size());
    if (n == 0) return -1;
    const float gap = px(metrics::gap_px);
    const float w = (column_w - gap * (n - 1)) / n;
    // Same height for all: the tallest label decides.
    const float pad_x = px(12), pad_y = px(10);
    const float lh = line_height(f.body);
    float h = px(metrics::touch_px);
    for (int i = 0; i < n; ++i) {
        float th = break_lines(f.body, f.body->FontSize, labels[i], w - 2 * pad_x).size() * lh;
        if (i < static_cast<int>(subs.size()) && !subs[i].empty())
            th += break_lines(f.body, f.body->FontSize, subs[i], w - 2 * pad_x).size() * lh;
        h = std::max(h, th + 2 * pad_y);
    }
    int tapped = -1;
    begin_row();
    if (!group.empty()) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        node(sem_role::radiogroup, std::string(group), std::string(group_name), p, ImVec2(p.x + column_w, p.y + h));
    }
    for (int i = 0; i < n; ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        std::string_view sub = i < static_cast<int>(subs.size()) ? std::string_view(subs[i]) : std::string_view{};
        if (choice(ids[i], labels[i], sub, i == selected, w, h / scale, false, group)) tapped = i;
    }
    return tapped;
}

namespace {

enum class glyph { minus, plus, calendar };

bool icon_button(canvas& c, const std::string& id, std::string_view name, glyph g, bool enabled, ImVec2 size) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    bool pressed = ImGui::InvisibleButton(id.c_str(), size, press_flags);
    pressed = (c.activated(id) || pressed) && enabled;
    bool held = enabled && ImGui::IsItemActive();
    c.record(id, pos, max);
    sem_node& n = c.node(sem_role::button, id, std::string(name), pos, max);
    n.disabled = !enabled;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, held ? colors::pressed : (enabled ? colors::primary_soft : colors::disabled), c.px(10));
    c.focus_ring(id, pos, max);
    ImU32 col = enabled ? colors::primary : colors::disabled_icon;
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
        case glyph::calendar:
            break;
    }
    return pressed;
}

// A small calendar drawn at the right of a date field.
void draw_calendar(canvas& c, ImVec2 m, ImU32 col) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = c.px(18), h = c.px(16), t = c.px(1.8f);
    ImVec2 a(m.x - w * 0.5f, m.y - h * 0.5f), b(m.x + w * 0.5f, m.y + h * 0.5f);
    dl->AddRect(a, b, col, c.px(3), 0, t);
    dl->AddLine(ImVec2(a.x, a.y + h * 0.32f), ImVec2(b.x, a.y + h * 0.32f), col, t);
    dl->AddLine(ImVec2(a.x + w * 0.28f, a.y - c.px(3)), ImVec2(a.x + w * 0.28f, a.y + c.px(2)), col, t);
    dl->AddLine(ImVec2(b.x - w * 0.28f, a.y - c.px(3)), ImVec2(b.x - w * 0.28f, a.y + c.px(2)), col, t);
    for (int i = 0; i < 3; ++i)
        dl->AddRectFilled(ImVec2(a.x + w * (0.18f + 0.26f * i), a.y + h * 0.55f),
                          ImVec2(a.x + w * (0.18f + 0.26f * i) + c.px(3), a.y + h * 0.55f + c.px(3)), col);
}

}  // namespace

int canvas::stepper(const std::string& id, std::string_view value, bool can_minus, bool can_plus, float width,
                    std::string_view minus_name, std::string_view plus_name) {
    const float b = px(metrics::touch_px);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    int result = 0;
    if (icon_button(*this, id + ".minus", minus_name, glyph::minus, can_minus, ImVec2(b * 1.2f, b))) result = -1;
    ImGui::SameLine(0, 0);
    float mid_w = width - 2 * b * 1.2f;
    ImVec2 vpos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(mid_w, b));
    ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, value.data(), value.data() + value.size());
    ImVec2 tpos(vpos.x + (mid_w - ts.x) * 0.5f, vpos.y + (b - ts.y) * 0.5f);
    text_at(tpos, value, colors::text);
    text_node(value, tpos, ImVec2(tpos.x + ts.x, tpos.y + ts.y), f.body, id + ".value");
    ImGui::SameLine(0, 0);
    if (icon_button(*this, id + ".plus", plus_name, glyph::plus, can_plus, ImVec2(b * 1.2f, b))) result = +1;
    record(id, pos, ImVec2(pos.x + width, pos.y + b));
    return result;
}

bool canvas::date_field(const std::string& id, std::string_view name, date& d, date lo, date hi) {
    bool changed = false;
    if (!requests.value_id.empty() && requests.value_id == id) {
        // A date chosen in the platform's picker: taken when it is a date, kept within [lo, hi].
        if (auto v = parse_date(requests.value)) {
            date nd = *v;
            if (sys_days{nd} < sys_days{lo}) nd = lo;
            if (sys_days{nd} > sys_days{hi}) nd = hi;
            if (nd != d) {
                d = nd;
                changed = true;
            }
        }
        requests.value_id.clear();
        requests.value.clear();
    }
    begin_row();
    const std::string shown = chinese_date(d);
    const char* hint = "点按选择日期";
    const float pad_x = px(14);
    const float h = std::max(px(metrics::touch_px + 8), line_height(f.body) * 2 + px(12));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 max(pos.x + column_w, pos.y + h);
    bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(column_w, h), press_flags);
    (void)pressed;  // the <input type=date> over it takes the tap and opens the platform's picker
    bool held = ImGui::IsItemActive();
    record(id, pos, max);
    draw_list()->AddRectFilled(pos, max, held ? colors::pressed : colors::card, px(10));
    draw_list()->AddRect(pos, max, colors::primary, px(10), 0, px(1.5f));
    focus_ring(id, pos, max);
    const float lh = line_height(f.body);
    const float ty = pos.y + (h - 2 * lh) * 0.5f;
    draw_lines(f.body, lh, ImVec2(pos.x + pad_x, ty), {std::string_view(shown)}, colors::text);
    draw_lines(f.body, lh, ImVec2(pos.x + pad_x, ty + lh), {std::string_view(hint)}, colors::muted);
    draw_calendar(*this, ImVec2(max.x - pad_x - px(12), pos.y + h * 0.5f), colors::primary);
    sem_node& n = node(sem_role::date, id, std::string(name), pos, max);
    n.value = format_date(d);
    n.min = format_date(lo);
    n.max = format_date(hi);
    n.description = shown;
    return changed;
}

float canvas::year_axis::x_of(date d) const {
    const float t = static_cast<float>(days_between(from, d)) / days;
    return x0 + std::clamp(t, 0.0f, 1.0f) * w;
}

float canvas::year_axis::x_after(date d) const { return x_of(add_days(d, 1)); }

canvas::year_axis canvas::axis_of(date year_from, date year_to, float x0, float w) const {
    return {year_from, x0, w, static_cast<float>(days_between(year_from, year_to) + 1)};
}

void canvas::year_bar(const year_axis& a, float top, float h, float rounding, std::optional<date> start,
                      std::optional<date> end, std::optional<date> wait_from, std::optional<date> wait_to) {
    ImDrawList* dl = draw_list();
    const ImVec2 b0(a.x0, top), b1(a.x0 + a.w, top + h);
    dl->AddRectFilled(b0, b1, colors::disabled, rounding);
    if (wait_from && wait_to)
        dl->AddRectFilled(ImVec2(a.x_of(*wait_from), top), ImVec2(a.x_after(*wait_to), top + h), colors::waiting);
    if (start && end) dl->AddRectFilled(ImVec2(a.x_of(*start), top), ImVec2(a.x_after(*end), top + h), colors::covered);
    for (int m = 2; m <= 12; ++m) {  // January starts at the bar's edge
        const float x = a.x_of(date{a.from.year(), month{static_cast<unsigned>(m)}, day{1}});
        dl->AddLine(ImVec2(x, top), ImVec2(x, top + h), IM_COL32(255, 255, 255, 200), px(1));
    }
    dl->AddRect(b0, b1, colors::shadow, rounding);
}

void canvas::quarter_labels(const year_axis& a, float tick_y, float label_y) {
    ImDrawList* dl = draw_list();
    for (int m = 1; m <= 12; m += 3) {
        const float x = a.x_of(date{a.from.year(), month{static_cast<unsigned>(m)}, day{1}});
        char buf[16];
        std::snprintf(buf, sizeof buf, "%d月", m);
        dl->AddLine(ImVec2(x, tick_y), ImVec2(x, tick_y + px(4)), colors::muted, px(1));
        text_at(ImVec2(x + px(2), label_y), buf, colors::muted);
    }
}

void canvas::timeline(date year_from, date year_to, std::optional<date> paid, std::optional<date> start,
                      std::optional<date> end, std::optional<date> wait_from, std::optional<date> wait_to) {
    begin_row();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = column_w;
    const float bar_y = origin.y + px(12);
    const float bar_h = px(16);
    const year_axis a = axis_of(year_from, year_to, origin.x, w);
    year_bar(a, bar_y, bar_h, px(4), start, end, wait_from, wait_to);
    quarter_labels(a, bar_y + bar_h, bar_y + bar_h + px(4));
    float h = px(12) + bar_h + px(4) + line_height(f.body) + px(4);
    // Payment day: a triangle under the bar, when it falls inside the year shown.
    const bool paid_in_year = paid && sys_days{*paid} >= sys_days{year_from} && sys_days{*paid} <= sys_days{year_to};
    if (paid_in_year) {
        float x = a.x_of(*paid);
        float s = px(7);
        draw_list()->AddTriangleFilled(ImVec2(x, bar_y - px(1)), ImVec2(x - s, bar_y - s * 1.4f),
                                       ImVec2(x + s, bar_y - s * 1.4f), colors::primary);
    }
    ImGui::Dummy(ImVec2(w, h + px(4)));
    // What the picture shows, in words.
    std::string said = "图示：" + std::to_string(static_cast<int>(year_from.year())) + "年全年";
    if (paid_in_year) said += "，缴费日" + chinese_date(*paid);
    if (wait_from && wait_to) said += "，等待期" + chinese_date(*wait_from) + "至" + chinese_date(*wait_to);
    if (start && end) said += "，享受待遇" + chinese_date(*start) + "至" + chinese_date(*end);
    said += "。";
    sem_node& n = text_node(said, origin, ImVec2(origin.x + w, origin.y + h), f.body, "timeline");
    n.font_px = 0;  // not drawn as this text: read, not found on the canvas
}

void canvas::timelines(date year_from, date year_to, const std::vector<timeline_row>& rows) {
    if (rows.empty()) return;
    begin_row();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImFont* body = f.body;
    const float lh = line_height(body);
    float label_w = 0;
    for (const auto& r : rows)
        label_w = std::max(label_w, body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, r.name.c_str()).x);
    label_w = std::min(label_w + px(10), column_w * 0.4f);
    const year_axis a = axis_of(year_from, year_to, origin.x + label_w, column_w - label_w);
    const float bar_h = px(14);
    float y = origin.y;
    for (std::size_t i = 0; i < rows.size(); ++i, y += lh) {
        const timeline_row& r = rows[i];
        text_at(ImVec2(origin.x, y + (lh - body->FontSize) * 0.5f), r.name, colors::text);
        year_bar(a, y + (lh - bar_h) * 0.5f, bar_h, px(3), r.start, r.end, r.wait_from, r.wait_to);
        sem_node& n = text_node(r.name + "：" + r.said, ImVec2(origin.x, y), ImVec2(origin.x + column_w, y + lh), body,
                                "household.timeline." + std::to_string(i));
        n.font_px = 0;  // read, not found on the canvas as this text
    }
    quarter_labels(a, y, y + px(2));  // under the last bar
    ImGui::Dummy(ImVec2(column_w, y - origin.y + px(2) + lh));
}

void canvas::timeline_legend(bool waiting, bool paid) {
    begin_row();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = draw_list();
    const float s = px(12), lh = line_height(f.body);
    float x = p.x;
    auto swatch = [&](ImU32 col, const char* label) {
        dl->AddRectFilled(ImVec2(x, p.y + (lh - s) * 0.5f), ImVec2(x + s, p.y + (lh + s) * 0.5f), col, px(2));
        x += s + px(4);
        text_at(ImVec2(x, p.y + (lh - f.body->FontSize) * 0.5f), label, colors::muted);
        x += f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, label).x + px(12);
    };
    swatch(colors::covered, "享受待遇");
    if (waiting) swatch(colors::waiting, "等待期");
    if (paid) {
        const float t = px(6), mid = p.y + lh * 0.5f;
        dl->AddTriangleFilled(ImVec2(x + t, mid + t * 0.7f), ImVec2(x, mid - t * 0.7f),
                              ImVec2(x + 2 * t, mid - t * 0.7f), colors::primary);
        x += 2 * t + px(4);
        text_at(ImVec2(x, p.y + (lh - f.body->FontSize) * 0.5f), "缴费日", colors::muted);
    }
    ImGui::Dummy(ImVec2(column_w, lh));
}

}  // namespace yibao::ui
