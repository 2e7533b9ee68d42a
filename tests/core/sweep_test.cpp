// Exhaustive sweep: every district × year × category (and none) × tier × payment day (from the
// first day of enrollment to the end of the coverage year) × break history 0–5, checking the
// invariants every quote must keep.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "core/dates.h"
#include "core/json_api.h"
#include "core/rule_model.h"
#include "test_support.h"

using namespace yibao;

namespace {

// A later payment may start coverage earlier only where a period has a category-specific start
// rule the day before did not (石柱 下路街道发〔2024〕78号 三（三）1: 7月1日起低收入人口和脱贫人口即参即保,
// while 3月1日至6月30日 payers wait 90 days). Every other step must be monotonic.
bool documented_jump(const year_rules& y, const date& later, const std::string& code) {
    const category* c = code.empty() ? nullptr : y.find_category(code);
    if (!c) return false;
    for (const auto& p : y.periods)
        if (p.from == later)
            for (const auto& cs : p.category_starts)
                for (const auto& t : cs.tags)
                    if (c->has_tag(t)) return true;
    return false;
}

}  // namespace

TEST(sweep, invariants_hold_for_every_answer) {
    auto book = test::project_rules();
    ASSERT_TRUE(book);
    const auto started = std::chrono::steady_clock::now();
    long evaluated = 0, refused = 0, violations = 0;
    const std::vector<std::string> district_ids = {"chongqing", "wanzhou", "youyang", "shizhu", "dianjiang"};
    auto violation = [&](const request& r, const quote& q, const std::string& what) {
        if (++violations <= 20)
            ADD_FAILURE() << what << ": year " << r.year << " " << r.district << " cat "
                          << (r.categories.empty() ? "-" : r.categories[0]) << " tier " << r.tier << " paid "
                          << format_date(*r.paid_on) << " breaks " << r.break_years.value_or(0) << "\n"
                          << quote_to_json(q, -1);
    };
    for (int year : years(*book)) {
        for (const auto& district : district_ids) {
            const year_rules* y = book->find(year, district);
            ASSERT_TRUE(y);
            std::vector<std::string> codes = {""};
            for (const auto& c : categories(*book, year, district)) codes.push_back(c.code);
            for (const auto& code : codes) {
                const category* cat = code.empty() ? nullptr : y->find_category(code);
                person_kind who = cat && !cat->allows(person_kind::resident) ? person_kind::student
                                                                              : person_kind::resident;
                for (int tier = 1; tier <= 2; ++tier) {
                    for (int breaks = 0; breaks <= 5; ++breaks) {
                        request r;
                        r.year = year;
                        r.district = district;
                        r.person = who;
                        if (!code.empty()) r.categories = {code};
                        r.tier = tier;
                        r.continuous = breaks == 0;
                        if (breaks) r.break_years = breaks;
                        std::optional<date> previous_start;
                        for (date d = y->opens.value; d <= y->coverage_to.value; d = add_days(d, 1)) {
                            r.paid_on = d;
                            quote q = evaluate(*book, r);
                            ++evaluated;
                            if (!q.ok) {
                                ++refused;
                                if (q.errors.empty() || q.due != 0 || q.coverage_start)
                                    violation(r, q, "refused quote shows figures or no reason");
                                previous_start.reset();
                                continue;
                            }
                            if (q.due < 0) violation(r, q, "due < 0");
                            if (q.due + q.assistance != q.personal_standard + q.surcharge)
                                violation(r, q, "due + assistance != standard + surcharge");
                            if (q.assistance > q.personal_standard) violation(r, q, "assistance > standard");
                            bool centralized = d <= y->centralized_ends.value;
                            if (*q.coverage_start < d && !centralized)
                                violation(r, q, "coverage starts before payment outside the centralized period");
                            if (previous_start && *q.coverage_start < *previous_start &&
                                !documented_jump(*y, d, code))
                                violation(r, q, "a later payment gives an earlier start");
                            if (*q.coverage_end != y->coverage_to.value ||
                                q.coverage_end->month() != std::chrono::December ||
                                q.coverage_end->day() != std::chrono::day{31} ||
                                static_cast<int>(q.coverage_end->year()) != year)
                                violation(r, q, "coverage_end is not the last day of the coverage year");
                            if (*q.coverage_start > *q.coverage_end) violation(r, q, "start after end");
                            if (q.waiting && days_between(q.waiting->from, q.waiting->to) + 1 != q.waiting->days)
                                violation(r, q, "waiting days do not match its dates");
                            previous_start = q.coverage_start;
                        }
                    }
                }
            }
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "[ sweep    ] " << evaluated << " quotes evaluated (" << refused << " refused as the rules require) in "
              << seconds << " s, " << violations << " invariant violations\n";
    EXPECT_EQ(violations, 0);
    EXPECT_GT(evaluated, 1000000);
}
