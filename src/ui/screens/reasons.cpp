// Below the answer: the reasons with their sources, the notes, and the footer (rules, version,
// network).
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

// Draws the model's "why", "open" and "footer" sections (ui/presentation.h), then the page's own
// status line (version, network).
void app::draw_reasons() {
    if (const section* why = model_.find(section_id::why)) {
        cv_.card_begin();
        cv_.heading(why->heading.c_str());
        for (const auto& r : why->rows) {
            cv_.space(10);
            cv_.text(r.text);
            if (!r.source.empty()) cv_.wrapped("依据：" + r.source, colors::muted, 12);
            ++shown_.explanation_lines;
        }
        cv_.card_end();
        cv_.space(12);
    }
    if (const section* open = model_.find(section_id::open)) {
        cv_.card_begin();
        cv_.heading(open->heading.c_str());
        for (const auto& r : open->rows) {
            cv_.space(8);
            cv_.begin_row();
            ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddCircleFilled(
                ImVec2(p.x + cv_.px(5), p.y + cv_.line_height(fonts_.body) * 0.5f), cv_.px(3), colors::muted);
            cv_.wrapped(r.text, colors::text, 16);
            ++shown_.notes;
        }
        cv_.card_end();
        cv_.space(12);
    }
    std::string version;
    if (const section* footer = model_.find(section_id::footer)) {
        std::string text;
        for (const auto& r : footer->rows) {
            if (r.id == "version")
                version = r.text;
            else
                text += r.text;
        }
        cv_.text(text, colors::muted);
        cv_.space(8);
    }
    std::string status = version.empty() ? "" : version + " · ";
    if (!network_.online)
        status += network_.offline_ready ? "当前离线：正在使用本机保存的版本，计算不受影响。" : "当前离线。";
    else
        status += network_.offline_ready ? "已保存到本机，没有网络也能用。" : "在线。";
    cv_.text(status, network_.online ? colors::muted : colors::warn);
}

}  // namespace yibao::ui
