// Loading and validating the rules data under rules/, and what the UI needs to ask its questions.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/quote.h"

namespace yibao {

// One problem in one rules file: which file, where in it (a JSON path such as
// "/categories/3/source"), and why.
struct rules_error {
    std::string file;
    std::string path;
    std::string message;
    std::string to_string() const;  // "file: path: message"
};

struct rules_source_file {
    std::string path;  // as shown in messages, e.g. "rules/chongqing/2025/wanzhou.json"
    std::string text;  // JSON text
};

struct load_result {
    std::shared_ptr<const rule_book> book;  // null when errors is not empty
    std::vector<rules_error> errors;
};

// Reads every *.json under dir (rules/<jurisdiction>/districts.json and <year>/<district>.json).
load_result load_rules_dir(const std::string& dir);
// Same, from texts already in memory (the web build embeds the rules).
load_result load_rules_texts(const std::vector<rules_source_file>& files);
// Same, from texts the caller keeps (not copied: the web page reads its compiled-in bundle so).
struct rules_text_view {
    std::string_view path;
    std::string_view text;
};
load_result load_rules_views(const std::vector<rules_text_view>& files);

struct district_info {
    std::string id;                    // "wanzhou"
    std::string name;                  // "万州区"
    std::vector<std::string> aliases;  // "万州"
    bool has_own_rules_any_year = false;
};

struct category_info {
    std::string code;  // "101" or a stable id
    std::string name;  // Chinese name
    bool tier1_allowed = true;
    bool tier2_allowed = true;
    money tier1_assistance = 0;  // for a resident paying in the centralized period
    money tier2_assistance = 0;
    money student_tier1_assistance = 0;  // the same for a university student (own standard)
    money student_tier2_assistance = 0;
    bool students_only = false;
    bool estimated = false;  // the amounts are derived by the rules' reading, not published
    std::string valid_from;  // YYYY-MM-DD or ""
    std::string valid_to;
    std::string source;
};

struct year_info {
    int year = 0;
    date enrollment_opens{};     // first payment day accepted
    date centralized_ends{};     // last day of the centralized period
    date coverage_starts{};      // first day of the coverage year
    date coverage_ends{};        // last day of the coverage year
    std::string periods_source;  // 文号 and sections of the four dates above
    // 个人缴费标准 [一档, 二档]: residents (newborns pay the same) and university students.
    std::array<money, 2> resident_standards{};
    std::array<money, 2> student_standards{};
    std::string standards_source;  // 文号 and sections of the standards
    std::string rules_files;       // the files quoted for the district
    std::string documents;         // 文号 of the documents behind them
    date rules_revision{};         // when the rules data used was last revised
    bool district_has_own_file = false;
};

std::vector<int> years(const rule_book& rules);
std::vector<district_info> districts(const rule_book& rules);
// A district by its id, its Chinese name or an alias from districts.json (万州, 万州区, wanzhou).
std::optional<district_info> district_named(const rule_book& rules, std::string_view id_or_name);
// The id of the district id_or_name names (as district_named matches it), from the text of a
// district list (districts.json) alone, without reading any year's rules: the page picks the
// district's files for its first read so. nullopt when no district goes by that name, or when the
// text is not a district list (reading the rules then says what is wrong with it).
std::optional<std::string> district_id_in(std::string_view districts_text, std::string_view id_or_name);
std::vector<category_info> categories(const rule_book& rules, int year, const std::string& district);
std::optional<year_info> year_details(const rule_book& rules, int year, const std::string& district);

// A source of a rules file ({document, clause, quote, ...} or a list of them, as JSON text) as the
// one line quotes show; readings_json: the file's /readings, for a citation of a reading by its
// point. The documents are not checked here (the loader does). "" when it is not a source.
std::string source_text(const std::string& source_json, const std::string& readings_json = "[]");

// Whom a resident asks about what the calculator does not have (a year whose notice is not in
// rules/, a point the documents leave open): districts.json "ask", with its source.
struct sourced_text {
    std::string text;
    std::string source;
};
std::optional<sourced_text> whom_to_ask(const rule_book& rules);

}  // namespace yibao
