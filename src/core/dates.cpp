#include "core/dates.h"

namespace yibao {

using namespace std::chrono;

std::optional<date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    // ASCII digits only: from_chars alone would take a sign ("-001-01-01").
    auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d) return std::nullopt;
    // Years 1900..9999: a year before 1900 (0000 included) is a typing error in these documents.
    if (*y < 1900) return std::nullopt;
    date result{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!result.ok()) return std::nullopt;
    return result;
}

date add_days(const date& d, int days) { return date{sys_days{d} + std::chrono::days{days}}; }

date add_months_clamped(const date& d, int n) {
    year_month ym = year_month{d.year(), d.month()} + months{n};
    auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    return date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

date first_of_next_month(const date& d) {
    year_month ym = year_month{d.year(), d.month()} + months{1};
    return date{ym.year(), ym.month(), day{1}};
}

int days_between(const date& from, const date& to) { return static_cast<int>((sys_days{to} - sys_days{from}).count()); }

}  // namespace yibao
