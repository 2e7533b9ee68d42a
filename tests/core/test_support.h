// Shared by the native tests: the project's rules, loaded once.
#pragma once

#include <memory>
#include <string>

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

}  // namespace yibao::test
