// Shared by the native tests: the project's rules, loaded once.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/rules.h"

namespace yibao::test {

inline std::string source_dir() { return YIBAO_SOURCE_DIR; }

inline std::shared_ptr<const rule_book> project_rules() {
    static std::shared_ptr<const rule_book> book = [] {
        auto loaded = load_rules_dir(source_dir() + "/rules");
        return loaded.book;
    }();
    return book;
}

// The texts of every rules file under rules/, named by their path from the source root
// ("rules/chongqing/2026/municipal.json"), for tests that load a changed copy.
inline std::vector<rules_source_file> project_rule_files() {
    namespace fs = std::filesystem;
    std::vector<rules_source_file> files;
    const fs::path root = source_dir();
    for (const auto& e : fs::recursive_directory_iterator(root / "rules"))
        if (e.path().extension() == ".json") {
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            files.push_back({fs::relative(e.path(), root).generic_string(), ss.str()});
        }
    return files;
}

}  // namespace yibao::test
