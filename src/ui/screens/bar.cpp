// The bar at the top: the amount due and the first day of cover (tap: jump to the answer), the
// 字号 button, and a kiosk's "start over".
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

namespace {

// A button with a white outline on the bar; returns true when tapped.
bool bar_button(canvas& cv, const std::string& id, std::string_view label, std::string_view name, ImVec2 a, ImVec2 b,
                ImFont* font) {
    ImGui::SetCursorScreenPos(a);
    bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(b.x - a.x, b.y - a.y), ImGuiButtonFlags_PressedOnClick);
    tapped = cv.activated(id) || tapped;
    const bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, held ? colors::on_primary : colors::primary_dark, cv.px(10));
    dl->AddRect(a, b, colors::on_primary, cv.px(10), 0, cv.px(1.5f));
    const float tw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
    cv.text_at(ImVec2(a.x + (b.x - a.x - tw) * 0.5f, (a.y + b.y - font->FontSize) * 0.5f), label,
               held ? colors::primary : colors::on_primary, font);
    cv.record(id, a, b);
    cv.node(sem_role::button, id, std::string(name), a, b);
    if (cv.requests.focus == id) {
        const float o = cv.px(2);
        dl->AddRect(ImVec2(a.x - o, a.y - o), ImVec2(b.x + o, b.y + o), colors::on_primary, cv.px(12), 0, cv.px(3));
    }
    return tapped;
}

}  // namespace

void app::draw_bar(const frame_input& in) {
    const float h = cv_.px(metrics::bar_px);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(in.width, h));
    ImGui::Begin("bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
    cv_.in_bar = true;
    const std::size_t first_node = cv_.sem.nodes.size();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(in.width, h), colors::primary);
    dl->AddRectFilled(ImVec2(0, h), ImVec2(in.width, h + cv_.px(2)), colors::shadow);
    const float col = std::min(in.width, cv_.px(metrics::column_max_px));
    const float x0 = (in.width - col) * 0.5f + cv_.px(metrics::margin_px);
    float x1 = x0 + col - 2 * cv_.px(metrics::margin_px);
    ImFont* bf = fonts_.body;
    const float m = cv_.px(6);
    // The buttons at the bar's right end, always in sight: a kiosk's "start over", then 字号.
    float right = x1;
    if (options_.kiosk) {
        const char* label = "重新开始";
        const float w = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, label).x + cv_.px(24);
        ImVec2 a(right - w, m), b(right, h - m);
        if (bar_button(cv_, "kiosk.start_over", label, "重新开始（清除所有回答）", a, b, bf)) {
            action_ = page_action::start_over;
            changed_this_frame_ = true;
        }
        right = a.x - cv_.px(8);
    }
    {
        const int step = std::clamp(text_step_, 0, metrics::text_step_count - 1);
        const int next = (step + 1) % metrics::text_step_count;
        const char* label = "字号";
        const float w = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, label).x + cv_.px(24);
        ImVec2 a(right - w, m), b(right, h - m);
        std::string name = std::string("字号：") + metrics::text_steps[step].name + "（点按换为" +
                           metrics::text_steps[next].name + "）";
        if (bar_button(cv_, "text_size", label, name, a, b, bf)) {
            action_ = page_action::text_size;
            changed_this_frame_ = true;
        }
        right = a.x - cv_.px(8);
    }
    const float restart_x = right;
    x1 = right - cv_.px(4);
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    bool jump = ImGui::InvisibleButton("bar", ImVec2(restart_x, h), ImGuiButtonFlags_PressedOnClick);
    if (cv_.activated("bar") || jump) {
        scroll_to_ = std::max(0.0f, answer_y_ - h - cv_.px(8));
        changed_this_frame_ = true;
    }
    cv_.record("bar", ImVec2(0, 0), ImVec2(restart_x, h));
    ImFont* hf = fonts_.heading;
    const ImU32 white = colors::on_primary, soft = colors::on_primary_soft;
    float ty = (h - hf->FontSize) * 0.5f;
    std::string said;
    if (!members_.empty()) {
        // A household: the family's total, and the earliest and latest first day of cover.
        std::string text = household_.ok ? format_yuan(household_.due) : std::string();
        std::optional<date> first, last;
        for (const auto& m : household_.members)
            if (m.q.ok && m.q.coverage_start) {
                if (!first || *m.q.coverage_start < *first) first = m.q.coverage_start;
                if (!last || *m.q.coverage_start > *last) last = m.q.coverage_start;
            }
        if (household_.ok) {
            said = std::string(bar_family_due) + text + bar_unit;
            shown_.bar = text;
            std::string s;  // 1月1日起, or 1月1日–4月1日起 (with the year when it is not the year asked)
            if (first && last) {
                auto md = [&](const date& d) {
                    return (static_cast<int>(d.year()) == form_.year
                                ? std::string()
                                : std::to_string(static_cast<int>(d.year())) + "年") +
                           std::to_string(static_cast<unsigned>(d.month())) + "月" +
                           std::to_string(static_cast<unsigned>(d.day())) + "日";
                };
                s = *first == *last ? md(*first) + "起" : md(*first) + "–" + md(*last) + "起";
                shown_.bar += "|" + s;
                said += *first == *last
                            ? "，全家自" + chinese_date(*first) + "起享受待遇"
                            : "，最早" + chinese_date(*first) + "起、最晚" + chinese_date(*last) + "起享受待遇";
            }
            // One line when the total and the first days fit beside each other; on a narrow phone,
            // two lines in the body size: the total, then the first days of cover.
            auto width = [](ImFont* f, const std::string& t) {
                return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str()).x;
            };
            const float gap = cv_.px(6), unit_gap = cv_.px(2), apart = cv_.px(12);
            const float one_line = width(hf, bar_family_due) + gap + width(hf, text) + unit_gap + width(hf, bar_unit) +
                                   (s.empty() ? 0 : apart + width(bf, s));
            const bool two_lines = !s.empty() && x0 + one_line > x1 + cv_.px(1);
            ImFont* af = two_lines ? bf : hf;  // the total's font
            const float line = bf->FontSize;
            const float ay = two_lines ? (h - 2 * line) * 0.5f : ty;
            float x = x0;
            cv_.text_at(ImVec2(x, ay), bar_family_due, soft, af);
            x += width(af, bar_family_due) + gap;
            cv_.text_at(ImVec2(x, ay), text, white, af);
            x += width(af, text) + unit_gap;
            cv_.text_at(ImVec2(x, ay), bar_unit, soft, af);
            x += width(af, bar_unit) + apart;
            if (two_lines) {
                const std::string longer = s + "享受待遇";
                if (x0 + width(bf, longer) <= x1 + cv_.px(1))
                    cv_.text_at(ImVec2(x0, ay + line), longer, white, bf);
                else if (x0 + width(bf, s) <= x1 + cv_.px(1))
                    cv_.text_at(ImVec2(x0, ay + line), s, white, bf);
            } else if (!s.empty()) {
                const float w = width(bf, s);
                cv_.text_at(ImVec2(std::max(x, x1 - w), (h - bf->FontSize) * 0.5f), s, white, bf);
            }
        } else {
            const std::string none = "全家应缴：暂时算不出，请看下方提示";
            cv_.text_at(ImVec2(x0, ty), none, white, bf);
            shown_.bar = none;
            said = none;
        }
    } else if (quote_.ok) {
        std::string due = shown_.due.empty() ? format_yuan(quote_.due) : shown_.due;
        float x = x0;
        cv_.text_at(ImVec2(x, ty), bar_due, soft, hf);
        x += hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, bar_due).x + cv_.px(6);
        cv_.text_at(ImVec2(x, ty), due, white, hf);
        x += hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, due.c_str()).x + cv_.px(2);
        cv_.text_at(ImVec2(x, ty), bar_unit, soft, hf);
        said = std::string(bar_due) + due + bar_unit;
        if (quote_.coverage_start) {
            std::string s = chinese_date(*quote_.coverage_start) + "起享受待遇";
            float w = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, s.c_str()).x;
            float tx = std::max(x + hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, bar_unit).x + cv_.px(12), x1 - w);
            if (tx + w <= x1 + cv_.px(1)) cv_.text_at(ImVec2(tx, (h - bf->FontSize) * 0.5f), s, white, bf);
            shown_.bar = due + "|" + s;
            said += "，" + s;
        }
    } else {
        // Without an answer: the next year not loaded says so; otherwise "see the hints below".
        const std::string none = known_in_banner_ && season_.missing_year
                                     ? std::to_string(*season_.missing_year) + bar_missing
                                     : std::string(bar_none);
        cv_.text_at(ImVec2(x0, ty), none, white, hf);
        shown_.bar = none;
        said = none;
    }
    sem_node& n = cv_.node(sem_role::button, "bar", said, ImVec2(0, 0), ImVec2(restart_x, h));
    n.description = "点按查看计算结果";
    // Read first: the amount, then the buttons.
    std::rotate(cv_.sem.nodes.begin() + static_cast<std::ptrdiff_t>(first_node), cv_.sem.nodes.end() - 1,
                cv_.sem.nodes.end());
    cv_.in_bar = false;
    ImGui::End();
}

}  // namespace yibao::ui
