// Chinese-aware line breaking, the one breaker of the project: the ImGui screens (ui/text.h, with
// the atlas's advances) and the saved picture (the canvas's advances) both call it. No ImGui here.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace yibao::ui {

// Splits text into lines no wider than width, where advance(cp) is the width of one code point:
// breaks between Chinese characters, at spaces and after hyphens and slashes, keeps Latin words and
// numbers whole (a word wider than a line is cut), keeps closing punctuation (，。、）) off the start
// of a line and opening punctuation off its end, honours '\n'.
std::vector<std::string_view> break_lines(std::string_view text, float width,
                                          const std::function<float(unsigned cp)>& advance);

}  // namespace yibao::ui
