// The bar at the top: the amount due and the first day of cover (tap: jump to the answer), and a
// kiosk's "start over".
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

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
        std::string due = shown_.due.empty() ? format_yuan(quote_.due) : shown_.due;
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

}  // namespace yibao::ui
