#include "core/dates.h"

#include <gtest/gtest.h>

#include "core/json_api.h"

using namespace yibao;

TEST(dates, parse_is_strict) {
    EXPECT_TRUE(parse_date("2024-02-29"));
    EXPECT_FALSE(parse_date("2025-02-29"));
    EXPECT_FALSE(parse_date("2025-2-28"));
    EXPECT_FALSE(parse_date("2025-13-01"));
    EXPECT_FALSE(parse_date("20250101"));
    EXPECT_FALSE(parse_date(""));
}

// Four ASCII digits for the year, two for month and day: no sign (from_chars would take "-001"),
// no space, no plus; and no year before 1900.
TEST(dates, parse_takes_digits_only_and_years_from_1900) {
    EXPECT_FALSE(parse_date("-001-01-01"));
    EXPECT_FALSE(parse_date("-999-12-31"));
    EXPECT_FALSE(parse_date("+202-01-01"));
    EXPECT_FALSE(parse_date(" 202-01-01"));
    EXPECT_FALSE(parse_date("2025--1-01"));
    EXPECT_FALSE(parse_date("2025-01--1"));
    EXPECT_FALSE(parse_date("2025-+1-01"));
    EXPECT_FALSE(parse_date("2025-0x-01"));
    EXPECT_FALSE(parse_date("0000-01-01"));
    EXPECT_FALSE(parse_date("1899-12-31"));
    EXPECT_FALSE(parse_date(std::string_view("2025-01-0\0", 10)));
    EXPECT_EQ(format_date(*parse_date("1900-01-01")), "1900-01-01");
    EXPECT_EQ(format_date(*parse_date("9999-12-31")), "9999-12-31");
}

// 民法典 第二百零二条: the corresponding day of the last month, or its last day.
TEST(dates, months_clamp_to_month_end) {
    EXPECT_EQ(format_date(add_months_clamped(*parse_date("2026-01-31"), 1)), "2026-02-28");
    EXPECT_EQ(format_date(add_months_clamped(*parse_date("2024-01-31"), 1)), "2024-02-29");
    EXPECT_EQ(format_date(add_months_clamped(*parse_date("2026-08-31"), 3)), "2026-11-30");
    EXPECT_EQ(format_date(add_months_clamped(*parse_date("2025-12-15"), 2)), "2026-02-15");
}

TEST(dates, days_and_month_starts) {
    EXPECT_EQ(format_date(add_days(*parse_date("2025-12-31"), 1)), "2026-01-01");
    EXPECT_EQ(format_date(first_of_next_month(*parse_date("2025-12-31"))), "2026-01-01");
    EXPECT_EQ(days_between(*parse_date("2026-01-01"), *parse_date("2026-03-31")), 89);
}

TEST(money, yuan_formatting) {
    EXPECT_EQ(format_yuan(40000), "400");
    EXPECT_EQ(format_yuan(4050), "40.50");
    EXPECT_EQ(format_yuan(0), "0");
}
