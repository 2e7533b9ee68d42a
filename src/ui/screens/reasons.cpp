// Below the answer: the reasons with their sources, the notes, and the footer (rules, version,
// network).
#include "ui/screens/screens.h"

namespace yibao::ui {

using namespace std::chrono;

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

}  // namespace yibao::ui
