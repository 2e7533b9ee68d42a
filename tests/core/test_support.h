// Shared by the native tests: the project's rules, loaded once.
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/rules.h"

namespace yibao::test {

inline std::string source_dir() { return YIBAO_SOURCE_DIR; }

// The document cases, tests/cases/*.json, in name order.
inline std::vector<std::filesystem::path> case_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/tests/cases"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

inline std::shared_ptr<const rule_book> project_rules() {
    static std::shared_ptr<const rule_book> book = [] {
        auto loaded = load_rules_dir(source_dir() + "/rules");
        return loaded.book;
    }();
    return book;
}

// The texts of every rules file under rules/, named by their path from the source root
// ("rules/chongqing/2026/municipal.json"), for tests that load a changed copy.
inline std::vector<rules_source_file> rule_files_under(const std::string& folder) {
    namespace fs = std::filesystem;
    std::vector<rules_source_file> files;
    const fs::path root = source_dir();
    for (const auto& e : fs::recursive_directory_iterator(root / folder))
        if (e.path().extension() == ".json") {
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            files.push_back({fs::relative(e.path(), root).generic_string(), ss.str()});
        }
    return files;
}

inline std::vector<rules_source_file> project_rule_files() { return rule_files_under("rules"); }

// The project's rules files as they stood when last_year was the latest year in the calculator:
// rules/ without the folders of later years. For tests about a season ("November 2026: the 2027
// notice is not in the calculator") that must not change when a maintainer adds the next year to
// rules/.
inline std::vector<rules_source_file> rule_files_as_of(int last_year) {
    std::vector<rules_source_file> kept;
    for (auto& f : project_rule_files()) {
        // rules/<jurisdiction>/<year>/<file>.json
        const auto slash = f.path.find('/', f.path.find('/', 0) + 1);
        const std::string folder = slash == std::string::npos
                                       ? std::string()
                                       : f.path.substr(slash + 1, f.path.find('/', slash + 1) - slash - 1);
        const bool year_folder = folder.size() == 4 && std::all_of(folder.begin(), folder.end(), [](unsigned char c) {
                                     return std::isdigit(c) != 0;
                                 });
        if (!year_folder || std::stoi(folder) <= last_year) kept.push_back(std::move(f));
    }
    return kept;
}

// Those files, read.
inline std::shared_ptr<const rule_book> rules_as_of(int last_year) {
    return load_rules_texts(rule_files_as_of(last_year)).book;
}

// rules/ and the fixture years under tests/rules_fixtures (each extends a year of rules/), named
// by their path from the source root ("tests/rules_fixtures/chongqing/2099/municipal.json").
inline std::vector<rules_source_file> rule_files_with_fixtures() {
    auto files = project_rule_files();
    for (auto& f : rule_files_under("tests/rules_fixtures")) files.push_back(std::move(f));
    return files;
}

// districts.json's "ask" source, cited as it always was: its citations in order, then the reading
// that no phone number is given (a cited_only reading), after a full stop.
inline const std::string ask_source_cited =
    "渝医保发〔2025〕42号 主送（各区县（自治县）医疗保障局、财政局、税务局）；万州医保发〔2024〕51号 十（二）"
    "“由区医保局会同区教委、区财政局、万州区税务局负责解答本方案具体实施内容”、八（六）（镇乡、街道负责政策解读、"
    "登记缴费、经办服务）、五（三）（村（社区）便民服务中心）；下路街道发〔2024〕78号 五（一）1（乡镇（街道）社保服务"
    "中心）。文件没有给居民的咨询电话，本计算器不写电话号码";

}  // namespace yibao::test
