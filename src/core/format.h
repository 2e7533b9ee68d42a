// How the core writes dates and amounts in text (explanations, messages, the JSON contract).
// Plain functions over the core's types: no JSON here (core/json_api.h uses these, not the reverse).
#pragma once

#include <string>

#include "core/quote.h"

namespace yibao {

// "2026-03-01": the form of the JSON contract's date fields (coverage_start, waiting.from, ...), of
// rules files and of the messages of `yibao rules check`. Never in a sentence a resident reads.
std::string format_date(const date& d);
// "2026年3月1日": a date as a resident writes it; the one form of every date in explanations,
// errors, notes, advice and the presentation model.
std::string chinese_date(const date& d);
// Fen as yuan without a unit: "400", "40.50", "-12".
std::string format_yuan(money amount);
// The same with the unit: "400元".
std::string yuan_text(money amount);

}  // namespace yibao
