// Calendar arithmetic for the rules, on <chrono> calendar types.
// Period counting follows 民法典 第二百零一条/第二百零二条 (see rules' "day_counting" reference).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/quote.h"

namespace yibao {

// Strict YYYY-MM-DD (ASCII digits, years 1900..9999); nullopt for anything else or an impossible
// day (2025-02-29).
std::optional<date> parse_date(std::string_view text);

date add_days(const date& d, int days);
// d + months, clamped to the last day of the target month when it has no such day.
date add_months_clamped(const date& d, int months);
date first_of_next_month(const date& d);
// Days from a to b (b - a).
int days_between(const date& from, const date& to);

}  // namespace yibao
