#include "ui/text.h"

#include "imgui.h"
#include "ui/line_break.h"

namespace yibao::ui {

std::vector<std::string_view> break_lines(const ImFont* font, float size, std::string_view text, float width) {
    const float scale = size / font->FontSize;
    return break_lines(text, width,
                       [&](unsigned cp) { return font->GetCharAdvance(static_cast<ImWchar>(cp)) * scale; });
}

}  // namespace yibao::ui
