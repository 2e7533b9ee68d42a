// The engine's own edges: one limit per request number (the vocabulary's), the formats of
// core/format.h, and year_info as dates read from the rules files.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/format.h"
#include "core/json_api.h"
#include "core/rules.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;
using namespace yibao;

request resident_2026() {
    request r;
    r.year = 2026;
    r.district = "chongqing";
    r.tier = 1;
    r.paid_on = parse_date("2026-03-10");
    return r;
}

// A number out of the vocabulary's range is refused with the same words whether the request comes
// as JSON (the parser) or is built in C++ (the engine).
TEST(engine, request_numbers_have_one_limit) {
    auto book = test::project_rules();
    ASSERT_TRUE(book);
    for (auto [key, value] : {std::pair<std::string, int>{"break_years", 31},
                              {"break_years", -1},
                              {"continuous_years", 101},
                              {"continuous_years", -2}}) {
        request r = resident_2026();
        json j = {{"year", 2026}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2026-03-10"}, {key, value}};
        if (key == "break_years")
            r.break_years = value;
        else
            r.continuous_years = value;
        quote q = evaluate(*book, r);
        ASSERT_FALSE(q.ok) << key << " " << value;
        ASSERT_FALSE(q.errors.empty());
        EXPECT_EQ(q.errors.front().field, key);
        json parsed = json::parse(quote_json(*book, j.dump()));
        ASSERT_FALSE(parsed["ok"].get<bool>());
        EXPECT_EQ(parsed["errors"][0]["message"].get<std::string>(), q.errors.front().message) << key << " " << value;
    }
    request r = resident_2026();
    r.break_years = 30;
    for (const auto& e : evaluate(*book, r).errors) EXPECT_NE(e.field, "break_years") << "30 is within the limit";
}

TEST(format, dates_and_amounts) {
    const date d{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};
    EXPECT_EQ(format_date(d), "2026-03-01");
    EXPECT_EQ(chinese_date(d), "2026年3月1日");
    EXPECT_EQ(format_yuan(77500), "775");
    EXPECT_EQ(format_yuan(-1205), "-12.05");
    EXPECT_EQ(yuan_text(3800), "38元");
}

// year_info gives the dates of the rules files as dates.
TEST(engine, year_info_carries_the_rules_dates) {
    auto book = test::project_rules();
    ASSERT_TRUE(book);
    for (int year : years(*book)) {
        std::ifstream in(test::source_dir() + "/rules/chongqing/" + std::to_string(year) + "/municipal.json");
        const json m = json::parse(in);
        auto info = year_details(*book, year, "chongqing");
        ASSERT_TRUE(info);
        EXPECT_EQ(info->enrollment_opens, parse_date(m["enrollment"]["opens"]["value"].get<std::string>()));
        EXPECT_EQ(info->centralized_ends, parse_date(m["enrollment"]["centralized_ends"]["value"].get<std::string>()));
        EXPECT_EQ(info->coverage_ends, parse_date(m["coverage_year"]["to"]["value"].get<std::string>()));
        EXPECT_EQ(info->rules_revision, parse_date(m["revision"].get<std::string>()));
        // The catalogue writes the same days as text.
        json cat = json::parse(catalogue_json(*book));
        bool found = false;
        for (const auto& y : cat["years"])
            if (y["year"] == year) {
                found = true;
                EXPECT_EQ(y["enrollment_opens"], m["enrollment"]["opens"]["value"]);
                EXPECT_EQ(y["centralized_ends"], m["enrollment"]["centralized_ends"]["value"]);
                EXPECT_EQ(y["coverage_ends"], m["coverage_year"]["to"]["value"]);
            }
        EXPECT_TRUE(found) << year;
    }
}

}  // namespace
