// Chinese-aware line breaking for the page's text (ImGui's own wrapping treats a run of Chinese
// characters as one word).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/format.h"

struct ImFont;

namespace yibao::ui {

// Splits text into lines no wider than width (device px) at font size size: breaks between
// Chinese characters, at spaces and after hyphens, keeps Latin words and numbers whole, keeps
// closing punctuation (，。、）) off the start of a line, honours '\n'.
std::vector<std::string_view> break_lines(const ImFont* font, float size, std::string_view text, float width);

}  // namespace yibao::ui
