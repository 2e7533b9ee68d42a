// Advice: expected days from 渝医保发〔2025〕42号 一 (集中缴费期: 12月底前缴费 1月起; 1–2月缴费 次月1日起).
#include <gtest/gtest.h>

#include "core/dates.h"
#include "core/json_api.h"
#include "test_support.h"

using namespace yibao;

namespace {
request january_payment() {
    request r;
    r.year = 2026;
    r.district = "chongqing";
    r.tier = 1;
    r.paid_on = parse_date("2026-01-15");
    r.continuous = true;
    return r;
}
std::string fmt(const std::optional<date>& d) { return d ? format_date(*d) : "none"; }
}  // namespace

TEST(advise, pay_by_month_end_and_earlier_period) {
    auto book = test::project_rules();
    request r = january_payment();
    quote q = evaluate(*book, r);
    ASSERT_TRUE(q.ok);
    advice a = advise(*book, r, q);
    EXPECT_EQ(fmt(a.keep_start_if_paid_by), "2026-01-31");
    EXPECT_EQ(fmt(a.earlier_pay_by), "2025-12-31");
    EXPECT_EQ(fmt(a.earlier_start), "2026-01-01");
    ASSERT_TRUE(a.other_tier_due);
    EXPECT_EQ(format_yuan(*a.other_tier_due), "775");
}

TEST(advise, never_suggests_a_day_before_today) {
    auto book = test::project_rules();
    request r = january_payment();
    quote q = evaluate(*book, r);
    advice a = advise(*book, r, q, parse_date("2026-01-10"));
    EXPECT_FALSE(a.earlier_pay_by) << fmt(a.earlier_pay_by);
}

TEST(advise, no_hint_for_one_day_inside_a_waiting_rule) {
    auto book = test::project_rules();
    request r = january_payment();
    r.year = 2025;
    r.paid_on = parse_date("2025-08-16");
    quote q = evaluate(*book, r);
    ASSERT_TRUE(q.ok);
    advice a = advise(*book, r, q, parse_date("2025-08-01"));
    EXPECT_FALSE(a.earlier_pay_by) << fmt(a.earlier_pay_by);
    EXPECT_EQ(fmt(a.keep_start_if_paid_by), "2025-08-16");
}
