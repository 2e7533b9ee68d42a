// The request parser's limits and the URL form of a request; the contract's cases as data are in
// tests/cases/contract.json.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/json_api.h"
#include "core/request_reader.h"
#include "core/vocabulary.h"
#include "test_support.h"

namespace {

using yibao::field_error;
using yibao::request;

const std::string valid = R"({"year":2025,"district":"wanzhou","tier":1,"paid_on":"2025-01-15")";

TEST(request_limits, a_request_over_one_megabyte_is_refused_without_parsing) {
    std::string text = valid + R"(,"district_note":")" + std::string(yibao::vocab::request_max_bytes, 'x') + "\"}";
    request r;
    std::vector<field_error> errors;
    EXPECT_FALSE(yibao::parse_request(text, r, errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "request");
    EXPECT_NE(errors[0].message.find("请求太大"), std::string::npos) << errors[0].message;
}

TEST(request_limits, a_flood_of_unknown_categories_is_cut_short_quickly) {
    // The fuzzing report: 10 MB with 1.7 M unknown categories took 25 s and 1.9 GB. Just under
    // 1 MB of them must be refused at once, with a bounded list of errors.
    std::string text = valid + R"(,"categories":[)";
    while (text.size() < yibao::vocab::request_max_bytes - 16) text += R"("9999",)";
    text += R"("9999"]})";
    auto book = yibao::test::project_rules();
    ASSERT_TRUE(book);
    auto t0 = std::chrono::steady_clock::now();
    std::string out = yibao::quote_json(*book, text);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(ms, 2000) << "took " << ms << " ms";
    EXPECT_LT(out.size(), 10000u) << "the answer lists every bad value";
    EXPECT_NE(out.find("\"ok\":false"), std::string::npos);
}

TEST(request_limits, errors_are_listed_up_to_the_limit_then_counted) {
    std::string text = "{";
    for (int i = 0; i < 50; ++i) text += "\"unknown_" + std::to_string(i) + "\":1,";
    text += R"("year":2025,"district":"wanzhou","tier":1})";
    request r;
    std::vector<field_error> errors;
    EXPECT_FALSE(yibao::parse_request(text, r, errors));
    ASSERT_EQ(errors.size(), yibao::vocab::max_errors + 1);
    EXPECT_NE(errors.back().message.find("另有30处"), std::string::npos) << errors.back().message;
}

TEST(request_names, a_misspelt_key_gets_the_nearest_known_one) {
    std::vector<std::string_view> known = {"year", "district", "categories", "paid_on", "break_years"};
    EXPECT_EQ(yibao::nearest_name("catgories", known), "categories");
    EXPECT_EQ(yibao::nearest_name("Year", known), "year");
    EXPECT_EQ(yibao::nearest_name("paidon", known), "paid_on");
    EXPECT_EQ(yibao::nearest_name("breakyears", known), "break_years");
    EXPECT_EQ(yibao::nearest_name("colour", known), "");
}

TEST(request_url, url_answers_are_checked_like_json) {
    request r;
    std::vector<field_error> errors;
    EXPECT_TRUE(yibao::parse_request_params({{"year", "2026"},
                                             {"district", "万州区"},
                                             {"person", "student"},
                                             {"categories", "101,520"},
                                             {"tier", "2"},
                                             {"paid", "2026-01-15"},
                                             {"break", "2"},
                                             {"mode", "kiosk"},
                                             {"from", "singlemessage"}},
                                            r, errors));
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(r.year, 2026);
    EXPECT_EQ(r.district, "万州区");
    EXPECT_EQ(r.person, yibao::person_kind::student);
    EXPECT_EQ(r.categories, (std::vector<std::string>{"101", "520"}));
    EXPECT_EQ(r.tier, 2);
    EXPECT_EQ(r.break_years, 2);
}

TEST(request_url, malformed_url_answers_are_errors_named_by_their_json_field) {
    request r;
    std::vector<field_error> errors;
    EXPECT_FALSE(yibao::parse_request_params(
        {{"year", "4294969321"}, {"tier", "1.0"}, {"break", "31"}, {"continuous", "maybe"}, {"paid", "-001-01-01"}}, r,
        errors));
    ASSERT_EQ(errors.size(), 5u);
    EXPECT_EQ(errors[0].field, "year");
    EXPECT_NE(errors[0].message.find("4294969321"), std::string::npos);
    EXPECT_EQ(errors[1].field, "tier");
    EXPECT_EQ(errors[2].field, "break_years");
    EXPECT_EQ(errors[3].field, "continuous");
    EXPECT_EQ(errors[4].field, "paid_on");
    EXPECT_EQ(r.year, 0) << "a wrapped year was taken";
}

TEST(request_url, a_repeated_answer_is_an_error) {
    request r;
    std::vector<field_error> errors;
    EXPECT_FALSE(yibao::parse_request_params({{"year", "2025"}, {"year", "2026"}}, r, errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "year");
}

}  // namespace
