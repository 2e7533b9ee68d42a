// The page's first read of its rules (ui/form.h first_screen_years, first_read_file; the page:
// platform/abi.cpp yibao_init): the years a first screen quotes, the files it reads for them, and
// that those files quote the first screen as the whole book does.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/format.h"
#include "core/quote.h"
#include "core/test_support.h"
#include "ui/form.h"
#include "ui/presentation.h"

namespace yibao::ui {
namespace {

using namespace std::chrono;

date d(const char* s) { return *parse_date(s); }

const year_dates* year_in(const std::vector<year_dates>& calendar, int year) {
    auto it = std::find_if(calendar.begin(), calendar.end(), [&](const year_dates& y) { return y.year == year; });
    return it == calendar.end() ? nullptr : &*it;
}

TEST(first_read, the_calendar_holds_every_year_of_the_book_with_its_dates) {
    auto book = test::rules_as_of(2026);
    ASSERT_TRUE(book);
    const std::vector<year_dates> calendar = year_calendar(*book);
    EXPECT_EQ(calendar_years(calendar), years(*book))
        << "the screens offer the calendar's years: every year of the book";
    // 2025: enrollment from 2024-09-13 (酉阳医保发〔2024〕37号 一), the centralized period to
    // 2024-12-31 (万州医保发〔2024〕51号 六), covered 2025-01-01 to 2025-12-31 (51号 七（一）).
    const year_dates* y2025 = year_in(calendar, 2025);
    ASSERT_NE(y2025, nullptr);
    EXPECT_EQ(y2025->opens, d("2024-09-13"));
    EXPECT_EQ(y2025->centralized_ends, d("2024-12-31"));
    EXPECT_EQ(y2025->coverage_ends, d("2025-12-31"));
    // 2026: 渝医保发〔2025〕42号 一: the centralized period "至2026年2月底", coverage to 2026-12-31;
    // it opens on the day the notice was issued, read as 2025-09-01 (the rules' reading).
    const year_dates* y2026 = year_in(calendar, 2026);
    ASSERT_NE(y2026, nullptr);
    EXPECT_EQ(y2026->opens, d("2025-09-01"));
    EXPECT_EQ(y2026->centralized_ends, d("2026-02-28"));
    EXPECT_EQ(y2026->coverage_ends, d("2026-12-31"));
}

TEST(first_read, a_first_screen_reads_the_year_it_quotes_and_the_year_its_address_names) {
    const std::vector<year_dates> calendar = year_calendar(*test::rules_as_of(2026));
    // 2026's enrollment opened on 2025-09-01: from then on the page preselects 2026.
    EXPECT_EQ(first_screen_years(calendar, d("2025-11-20"), {}), std::vector<int>{2026});
    EXPECT_EQ(first_screen_years(calendar, d("2025-09-01"), {}), std::vector<int>{2026});
    EXPECT_EQ(first_screen_years(calendar, d("2025-08-31"), {}), std::vector<int>{2025});
    EXPECT_EQ(first_screen_years(calendar, d("2024-06-01"), {}), std::vector<int>{2025});  // before any: the first
    // The address's year, read as the screens read it; one the calendar lacks is refused there.
    EXPECT_EQ(first_screen_years(calendar, d("2025-11-20"), parse_query("?year=2025&district=wanzhou")),
              (std::vector<int>{2025, 2026}));
    EXPECT_EQ(first_screen_years(calendar, d("2025-11-20"), parse_query("?year=2026")), std::vector<int>{2026});
    EXPECT_EQ(first_screen_years(calendar, d("2025-11-20"), parse_query("?year=2031")), std::vector<int>{2026});
    EXPECT_EQ(first_screen_years(calendar, d("2025-11-20"), parse_query("?year=twenty")), std::vector<int>{2026});
    EXPECT_TRUE(first_screen_years({}, d("2025-11-20"), parse_query("?year=2025")).empty())
        << "no calendar: every year";
}

TEST(first_read, the_files_it_takes) {
    const std::vector<int> y2026{2026}, y2025{2025}, every;
    EXPECT_TRUE(first_read_file("rules/chongqing/districts.json", y2026, ""));
    EXPECT_TRUE(first_read_file("rules/chongqing/2026/municipal.json", y2026, ""));
    EXPECT_FALSE(first_read_file("rules/chongqing/2025/municipal.json", y2026, ""));
    EXPECT_TRUE(first_read_file("rules/chongqing/2025/municipal.json", every, ""));
    EXPECT_TRUE(first_read_file("rules/chongqing/2025/wanzhou.json", y2025, "wanzhou"));
    EXPECT_FALSE(first_read_file("rules/chongqing/2025/wanzhou.json", y2025, ""));
    EXPECT_FALSE(first_read_file("rules/chongqing/2025/wanzhou.json", y2025, "shizhu"));
    EXPECT_FALSE(first_read_file("rules/chongqing/2025/wanzhou.json", y2026, "wanzhou"));
    EXPECT_TRUE(first_read_file("rules/chongqing/2025/wanzhou.json", every, "wanzhou"));
    EXPECT_FALSE(first_read_file("rules/chongqing/notes/municipal.json", y2026, "")) << "not a year's folder";
    EXPECT_FALSE(first_read_file("municipal.json", y2026, ""));
}

// Every half week from before 2025's enrollment to after 2026's coverage, with addresses that name
// no answer, a district, a year, or a person: the rules read first quote the first screen (its
// quote, advice and all a person reads of them, its year's categories and dates) exactly as the
// whole book does.
TEST(first_read, the_rules_read_first_quote_the_first_screen_as_the_whole_book_does) {
    auto whole = test::rules_as_of(2026);
    ASSERT_TRUE(whole);
    const std::vector<year_dates> calendar = year_calendar(*whole);
    const std::vector<int> offered = calendar_years(calendar);
    const std::vector<rules_source_file> files = test::rule_files_as_of(2026);
    const char* addresses[] = {
        "",
        "?district=wanzhou",
        "?district=shizhu&person=student&categories=101",
        "?year=2025",
        "?year=2025&district=dianjiang&tier=2&continuous=0&break=2",
        "?district=youyang&person=newborn",
        "?year=2026&district=wanzhou&paid=2026-03-10&continuous=0&break=3",
        "?district=万州&tier=2",
    };
    int partial_reads = 0;
    for (date day = d("2024-08-01"); day <= d("2027-02-01"); day = year_month_day{sys_days{day} + days{4}}) {
        for (const char* address : addresses) {
            const url_params params = parse_query(address);
            // The district as the page finds it (platform/abi.cpp yibao_init): from the district list
            // alone, before any year is read.
            std::string district;
            for (const auto& [key, value] : params)
                if (key == "district")
                    for (const auto& f : files)
                        if (f.path.ends_with("/districts.json"))
                            if (auto id = district_id_in(f.text, value)) district = *id;
            const std::vector<int> first = first_screen_years(calendar, day, params);
            std::vector<rules_source_file> read;
            for (const auto& f : files)
                if (first_read_file(f.path, first, district)) read.push_back(f);
            const load_result partial = load_rules_texts(read);
            ASSERT_TRUE(partial.book) << chinese_date(day) << " " << address;
            if (years(*partial.book) != offered) ++partial_reads;
            // The first screen's answers, as the screens make them (ui/app.cpp): the preselected
            // year, the address's answers over it.
            form f;
            f.year = season_on(calendar, day).default_year;
            f.paid_on = day;
            f.birth_date = day;
            apply_params(f, params, offered, districts(*whole));
            const std::vector<int> have = years(*partial.book);
            ASSERT_NE(std::find(have.begin(), have.end(), f.year), have.end()) << chinese_date(day) << " " << address;
            const request req = to_request(f);
            const quote q_whole = evaluate(*whole, req), q_first = evaluate(*partial.book, req);
            const advice a_whole = advise(*whole, req, q_whole, day),
                         a_first = advise(*partial.book, req, q_first, day);
            EXPECT_EQ(presentation_json(present(*partial.book, req, q_first, a_first, day)),
                      presentation_json(present(*whole, req, q_whole, a_whole, day)))
                << chinese_date(day) << " " << address;
            const auto info_whole = year_details(*whole, f.year, f.district),
                       info_first = year_details(*partial.book, f.year, f.district);
            ASSERT_TRUE(info_whole && info_first);
            EXPECT_EQ(info_first->rules_files, info_whole->rules_files);
            EXPECT_EQ(info_first->documents, info_whole->documents);
            EXPECT_EQ(info_first->enrollment_opens, info_whole->enrollment_opens);
            EXPECT_EQ(info_first->coverage_ends, info_whole->coverage_ends);
            std::string cats_whole, cats_first;
            for (const auto& c : categories(*whole, f.year, f.district)) cats_whole += c.code + c.name + ";";
            for (const auto& c : categories(*partial.book, f.year, f.district)) cats_first += c.code + c.name + ";";
            EXPECT_EQ(cats_first, cats_whole) << chinese_date(day) << " " << address;
        }
    }
    EXPECT_GT(partial_reads, 0) << "some first reads leave a year out";
}

}  // namespace
}  // namespace yibao::ui
