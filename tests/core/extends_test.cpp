// A year file that extends another ("extends": "chongqing/2026/municipal", then only what differs)
// is loaded and quoted with no change to the code: the fixtures under tests/rules_fixtures are a
// fictional 2099 with other standards and periods, and a 2027 written as if its notice kept 2026's
// figures. The expected figures are the fixtures' own (for 2027: 2026's, read from the 2026 file).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/json_api.h"
#include "core/rules.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

const std::string fixture_2099 = "tests/rules_fixtures/chongqing/2099/municipal.json";
const std::string fixture_2027 = "tests/rules_fixtures/chongqing/2027/municipal.json";
const std::string municipal_2026 = "rules/chongqing/2026/municipal.json";

std::string all_errors(const yibao::load_result& r) {
    std::string all;
    for (const auto& e : r.errors) all += e.to_string() + "\n";
    return all;
}

bool has_error(const yibao::load_result& r, const std::string& file, const std::string& path,
               const std::string& message) {
    return std::any_of(r.errors.begin(), r.errors.end(), [&](const yibao::rules_error& e) {
        return e.file == file && e.path == path && e.message.find(message) != std::string::npos;
    });
}

yibao::rules_source_file* file_named(std::vector<yibao::rules_source_file>& files, const std::string& path) {
    for (auto& f : files)
        if (f.path == path) return &f;
    return nullptr;
}

const yibao::load_result& with_fixtures() {
    static const yibao::load_result loaded = yibao::load_rules_texts(yibao::test::rule_files_with_fixtures());
    return loaded;
}

json quote(const json& request) {
    const auto& loaded = with_fixtures();
    EXPECT_TRUE(loaded.book) << all_errors(loaded);
    if (!loaded.book) return json::object();
    return json::parse(yibao::quote_json(*loaded.book, request.dump()));
}

bool cites(const json& q, const std::string& text, const std::string& source) {
    for (const auto& e : q["explanation"])
        if (e["text"].get<std::string>().find(text) != std::string::npos &&
            e["source"].get<std::string>().find(source) != std::string::npos)
            return true;
    return false;
}

// The years are the rules' (folders of rules/ and of the fixtures), in order: a year added as data
// needs no change to the code or to this test's list.
TEST(extends, fixture_years_join_the_catalogue) {
    const auto& loaded = with_fixtures();
    ASSERT_TRUE(loaded.book) << all_errors(loaded);
    std::vector<int> folders;
    for (const char* root : {"rules", "tests/rules_fixtures"})
        for (const auto& j : fs::directory_iterator(fs::path(yibao::test::source_dir()) / root))
            if (j.is_directory())
                for (const auto& y : fs::directory_iterator(j.path()))
                    if (y.is_directory()) folders.push_back(std::stoi(y.path().filename().string()));
    std::sort(folders.begin(), folders.end());
    EXPECT_EQ(yibao::years(*loaded.book), folders);
    auto info = yibao::year_details(*loaded.book, 2099, "chongqing");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->rules_files, municipal_2026 + " + " + fixture_2099);
    EXPECT_EQ(info->documents, "渝医保发〔2098〕99号");  // its own list; the carried-over ones are cited_only
}

// 2099 (fixture): 一档 500, 二档 900, students 450 / 850, fiscal subsidy 800; the centralized
// period runs to 2099-03-31 (2026's ended with February).
TEST(extends, fictional_2099_is_quoted_with_its_own_standards_and_periods) {
    json q = quote(
        {{"year", 2099}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2099-01-15"}, {"continuous", true}});
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(2);
    EXPECT_EQ(q["due"], 500);
    EXPECT_EQ(q["fiscal_subsidy"], 800);
    EXPECT_EQ(q["coverage_start"], "2099-02-01");
    EXPECT_EQ(q["coverage_end"], "2099-12-31");
    EXPECT_TRUE(cites(q, "500元", "渝医保发〔2098〕99号 二")) << q["explanation"].dump(2);

    // In March: still the centralized period in 2099, covered from the 1st of the next month.
    q = quote({{"year", 2099}, {"district", "wanzhou"}, {"tier", 2}, {"paid_on", "2099-03-20"}, {"continuous", true}});
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(2);
    EXPECT_EQ(q["due"], 900);
    EXPECT_EQ(q["coverage_start"], "2099-04-01");
    EXPECT_TRUE(q["waiting"].is_null());

    // Assistance: the inherited 2026 percentages over 2099's standard (低保 90% × 500 = 450).
    q = quote({{"year", 2099},
               {"district", "chongqing"},
               {"categories", {"101"}},
               {"tier", 1},
               {"paid_on", "2098-12-01"},
               {"continuous", true}});
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(2);
    EXPECT_EQ(q["assistance"], 450);
    EXPECT_EQ(q["due"], 50);
    EXPECT_EQ(q["coverage_start"], "2099-01-01");

    // Students: 450.
    q = quote({{"year", 2099},
               {"district", "chongqing"},
               {"person", "student"},
               {"tier", 1},
               {"paid_on", "2098-12-01"},
               {"continuous", true}});
    EXPECT_EQ(q["due"], 450) << q.dump(2);

    // Before 2099's enrolment opens (2098-09-01): refused, on the payment day.
    q = quote({{"year", 2099}, {"district", "chongqing"}, {"tier", 1}, {"paid_on", "2098-08-31"}});
    EXPECT_FALSE(q["ok"].get<bool>());
    ASSERT_FALSE(q["errors"].empty());
    EXPECT_EQ(q["errors"][0]["field"], "paid_on");
}

// 2027 (fixture) keeps 2026's figures: the same standards and subsidy as the 2026 file says, its
// own coverage year, and its standards cited to its own notice.
TEST(extends, year_2027_keeps_the_2026_figures_and_cites_its_own_notice) {
    auto files = yibao::test::project_rule_files();
    const auto* f = file_named(files, municipal_2026);
    ASSERT_TRUE(f);
    const json y2026 = json::parse(f->text);
    json q = quote(
        {{"year", 2027}, {"district", "chongqing"}, {"tier", 2}, {"paid_on", "2026-12-01"}, {"continuous", true}});
    ASSERT_TRUE(q["ok"].get<bool>()) << q.dump(2);
    EXPECT_EQ(q["due"], y2026["standards"]["resident"]["tier2"]["value"]);
    EXPECT_EQ(q["fiscal_subsidy"], y2026["fiscal_subsidy"]["value"]);
    EXPECT_EQ(q["coverage_start"], "2027-01-01");
    EXPECT_TRUE(cites(q, "二档个人缴费标准", "渝医保发〔2026〕99号 一")) << q["explanation"].dump(2);
}

// A field the fixture writes is reported in the fixture; a field it inherits, in the file it
// extends; lists replace, so an inherited source citing a document the new year does not list is
// an error at that source.
TEST(extends, errors_name_the_file_that_wrote_the_field) {
    auto files = yibao::test::rule_files_with_fixtures();
    auto* f = file_named(files, fixture_2099);
    ASSERT_TRUE(f);
    json doc = json::parse(f->text);
    doc["standards"]["resident"]["tier1"]["value"] = "500元";
    f->text = doc.dump(2);
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, fixture_2099, "/standards/resident/tier1/value", "wrong type")) << all_errors(loaded);

    files = yibao::test::rule_files_with_fixtures();
    f = file_named(files, fixture_2099);
    doc = json::parse(f->text);
    auto& docs = doc["documents"];
    docs.erase(
        std::remove_if(docs.begin(), docs.end(), [](const json& d) { return d["number"] == "渝医保发〔2025〕42号"; }),
        docs.end());
    f->text = doc.dump(2);
    loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    // 2026's deductible, inherited, cites 渝医保发〔2025〕42号 二.
    EXPECT_TRUE(has_error(loaded, municipal_2026, "/incentives/deductible/source/document",
                          "\"渝医保发〔2025〕42号\" is not in this file's /documents"))
        << all_errors(loaded);
}

TEST(extends, a_circle_of_extends_is_an_error) {
    auto files = yibao::test::rule_files_with_fixtures();
    for (const auto& [path, other] :
         {std::pair{fixture_2099, "chongqing/2027/municipal"}, std::pair{fixture_2027, "chongqing/2099/municipal"}}) {
        auto* f = file_named(files, path);
        ASSERT_TRUE(f);
        json doc = json::parse(f->text);
        doc["extends"] = other;
        f->text = doc.dump(2);
    }
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    EXPECT_TRUE(has_error(loaded, fixture_2099, "/extends", "in a circle") ||
                has_error(loaded, fixture_2027, "/extends", "in a circle"))
        << all_errors(loaded);
}

}  // namespace
