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

// Paying later with the same first day of cover may cost more: 万州医保发〔2024〕51号 附件 302 (计生特扶)
// is in force to 2025-06-30, and a newborn paid within 90 days of birth is covered from birth
// (下路街道发〔2024〕78号 三（五）1) whatever the day. Born 2025-06-01, paid 06-10: 400 − 400 = 0; paid
// 07-01: no assistance (the window is over), 400. The "same start" hint stops at 06-30 and says
// what 07-01 costs.
TEST(advise, same_start_hint_stops_where_the_price_changes) {
    auto book = test::project_rules();
    request r;
    r.year = 2025;
    r.district = "wanzhou";
    r.person = person_kind::newborn;
    r.birth_date = parse_date("2025-06-01");
    r.categories = {"302"};
    r.tier = 1;
    r.paid_on = parse_date("2025-06-10");
    quote q = evaluate(*book, r);
    ASSERT_TRUE(q.ok);
    EXPECT_EQ(format_yuan(q.due), "0");
    advice a = advise(*book, r, q);
    EXPECT_EQ(fmt(a.keep_start_if_paid_by), "2025-06-30");
    ASSERT_GE(a.lines.size(), 2u);
    EXPECT_EQ(a.lines[0], "在2025年6月30日前缴费，仍自2025年6月1日起享受待遇，应缴金额不变。");
    EXPECT_EQ(a.lines[1], "若在2025年7月1日缴费，应缴400元（多缴400元）。");
}
