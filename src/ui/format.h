// The number and date formats shown to residents (no ImGui: the presentation model and its tests use them too).
#pragma once

#include <string>

#include "core/quote.h"

namespace yibao::ui {

// "400", "40.50", "-12" from fen.
std::string yuan(money fen);
// "2026年1月1日"
std::string chinese_date(const date& d);

}  // namespace yibao::ui
