// Broken rules files (tests/rules_broken/cases.json) are rejected with file, field and reason;
// the project's own rules load cleanly.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/rules.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::vector<yibao::rules_source_file> project_files() {
    std::vector<yibao::rules_source_file> files;
    const fs::path root = yibao::test::source_dir();
    for (const auto& e : fs::recursive_directory_iterator(root / "rules"))
        if (e.path().extension() == ".json") {
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            files.push_back({fs::relative(e.path(), root).generic_string(), ss.str()});
        }
    return files;
}

const json& broken_cases() {
    static const json cases = [] {
        std::ifstream in(yibao::test::source_dir() + "/tests/rules_broken/cases.json");
        return json::parse(in).at("cases");
    }();
    return cases;
}

class broken_rules : public ::testing::TestWithParam<json> {};

TEST_P(broken_rules, are_rejected_with_file_and_field) {
    const json& c = GetParam();
    auto files = project_files();
    auto target = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.path == c["file"]; });
    ASSERT_NE(target, files.end()) << c["file"];
    if (c.contains("truncate")) {
        target->text.resize(c["truncate"].get<std::size_t>());
    } else {
        json doc = json::parse(target->text);
        if (c.contains("remove")) {
            json::json_pointer p(c["remove"].get<std::string>());
            ASSERT_TRUE(doc.contains(p)) << "fixture names a field that does not exist";
            doc[p.parent_pointer()].erase(p.back());
        } else {
            doc[json::json_pointer(c["set"].get<std::string>())] = c["value"];
        }
        target->text = doc.dump(2);
    }
    auto loaded = yibao::load_rules_texts(files);
    EXPECT_FALSE(loaded.book);
    ASSERT_FALSE(loaded.errors.empty());
    bool found = false;
    for (const auto& e : loaded.errors)
        if (e.file == c["file"] && e.path.rfind(c["expect_path"].get<std::string>(), 0) == 0 &&
            e.message.find(c["expect_message"].get<std::string>()) != std::string::npos)
            found = true;
    std::string all;
    for (const auto& e : loaded.errors) all += e.to_string() + "\n";
    EXPECT_TRUE(found) << "expected " << c["file"] << ": " << c["expect_path"] << ": " << c["expect_message"]
                       << "\ngot:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(rules, broken_rules, ::testing::ValuesIn(broken_cases().begin(), broken_cases().end()),
                         [](const auto& info) { return info.param["name"].template get<std::string>(); });

TEST(rules, project_rules_load_without_errors) {
    auto loaded = yibao::load_rules_texts(project_files());
    std::string all;
    for (const auto& e : loaded.errors) all += e.to_string() + "\n";
    EXPECT_TRUE(loaded.book) << all;
    EXPECT_EQ(yibao::years(*loaded.book), (std::vector<int>{2025, 2026}));
}

}  // namespace
