// libFuzzer target: one rules file's bytes -> the loader and validator (yibao::load_rules_texts),
// and, when the rules load, a few quotes with them.
//
// Input: one selector byte, then the file. The selector picks which real file the bytes replace
// (byte % 7, the order of SLOTS below and of make_corpus.py) and, for a municipal file, which
// district file is merged over it (byte / 7). Only the real files the replaced one is loaded with
// are passed along (districts.json, the year's municipal file), which keeps every run small.
// Parsing those real files is most of each run (load_rules_texts takes texts only).
//
// Rules that pass validation must never crash or hang the engine: they are quoted for resident,
// student and newborn, both tiers, early/centralized/late payment days and categories taken from
// the loaded rules, and the category and catalogue listings (every amount formatted) are built.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_api.h"
#include "core/rules.h"

#ifndef YIBAO_SOURCE_DIR
#error "YIBAO_SOURCE_DIR must name the source tree (its rules/ are read)"
#endif

namespace {

constexpr std::size_t max_file_bytes = 64 * 1024;

struct slot {
    const char* path;      // as rules/ holds it (and as messages show it)
    const char* district;  // what to quote: "chongqing" for municipal files
    int year;              // 0: districts.json
};

// Keep in step with SLOTS in make_corpus.py.
constexpr slot slots[] = {
    {"rules/chongqing/districts.json", "chongqing", 0},
    {"rules/chongqing/2025/municipal.json", "chongqing", 2025},
    {"rules/chongqing/2025/wanzhou.json", "wanzhou", 2025},
    {"rules/chongqing/2025/youyang.json", "youyang", 2025},
    {"rules/chongqing/2025/shizhu.json", "shizhu", 2025},
    {"rules/chongqing/2025/dianjiang.json", "dianjiang", 2025},
    {"rules/chongqing/2026/municipal.json", "chongqing", 2026},
};
constexpr std::size_t slot_count = sizeof slots / sizeof slots[0];

std::vector<std::string> real_texts;  // by slot

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz_rules: cannot read %s\n", path.c_str());
        std::abort();
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The files loaded with the fuzzed one; `merged` names the district file merged over a municipal one.
std::vector<yibao::rules_source_file> files_for(std::size_t s, std::uint8_t selector, std::string fuzzed,
                                                const char*& merged) {
    std::vector<yibao::rules_source_file> files;
    merged = nullptr;
    auto real = [&](std::size_t i) { files.push_back({slots[i].path, real_texts[i]}); };
    auto mine = [&] { files.push_back({slots[s].path, std::move(fuzzed)}); };
    switch (s) {
        case 0:  // the district list, with one year of files that must find their districts in it
            mine();
            real(1);
            real(2 + (selector / slot_count) % 4);
            merged = slots[2 + (selector / slot_count) % 4].district;
            break;
        case 1:  // the 2025 municipal file, under one of the district files
            real(0);
            mine();
            real(2 + (selector / slot_count) % 4);
            merged = slots[2 + (selector / slot_count) % 4].district;
            break;
        case 6:  // the 2026 municipal file (no district has a 2026 file)
            real(0);
            mine();
            break;
        default:  // a 2025 district file over the real municipal file
            real(0);
            real(1);
            mine();
            break;
    }
    return files;
}

std::string quote_with(const yibao::rule_book& book, const nlohmann::json& request, bool advice = false) {
    std::string out = yibao::quote_json(book, request.dump(), advice);
    if (out.size() < 2 || out.front() != '{' || out.back() != '}') std::abort();
    return out;
}

// Quotes a handful of answers for one year and district of rules that loaded.
void exercise(const yibao::rule_book& book, int year, const std::string& district, bool advice) {
    volatile std::size_t sink = 0;
    sink = sink + yibao::categories_json(book, year, district).size();
    auto info = yibao::year_details(book, year, district);
    if (!info) return;
    std::vector<std::string> codes;
    std::string student_code;
    for (const auto& c : yibao::categories(book, year, district)) {
        codes.push_back(c.code);
        if (c.students_only && student_code.empty()) student_code = c.code;
    }
    const std::string y = std::to_string(year);
    const std::string before = std::to_string(static_cast<long long>(year) - 1);  // year may be INT_MIN
    nlohmann::json first = codes.empty() ? nlohmann::json::array() : nlohmann::json::array({codes.front()});
    nlohmann::json last = codes.empty() ? nlohmann::json::array() : nlohmann::json::array({codes.back()});
    nlohmann::json two = codes.size() < 2 ? first : nlohmann::json::array({codes[0], codes[1]});
    using nlohmann::json;
    const json requests[] = {
        {{"year", year},
         {"district", district},
         {"person", "resident"},
         {"categories", first},
         {"tier", 1},
         {"paid_on", yibao::format_date(info->enrollment_opens)},
         {"continuous", true},
         {"continuous_years", 12},
         {"zero_claims_last_year", true}},
        {{"year", year},
         {"district", district},
         {"person", "resident"},
         {"categories", last},
         {"tier", 2},
         {"paid_on", yibao::format_date(info->centralized_ends)},
         {"continuous", false},
         {"break_years", 3}},
        {{"year", year},
         {"district", district},
         {"categories", two},
         {"tier", 1},
         {"paid_on", yibao::format_date(info->coverage_ends)},
         {"continuous", false},
         {"break_years", 100}},
        {{"year", year},
         {"district", district},
         {"person", "resident"},
         {"tier", 2},
         {"paid_on", y + "-07-01"},
         {"continuous", true},
         {"continuous_years", 100}},
        {{"year", year},
         {"district", district},
         {"person", "student"},
         {"categories", student_code.empty() ? first : json::array({student_code})},
         {"tier", 1},
         {"paid_on", yibao::format_date(info->enrollment_opens)},
         {"freshman", true}},
        {{"year", year},
         {"district", district},
         {"person", "student"},
         {"tier", 2},
         {"paid_on", yibao::format_date(info->centralized_ends)}},
        {{"year", year},
         {"district", district},
         {"person", "newborn"},
         {"tier", 1},
         {"birth_date", before + "-12-20"},
         {"paid_on", y + "-01-15"},
         {"pays_birth_year", true}},
        {{"year", year},
         {"district", district},
         {"person", "newborn"},
         {"categories", first},
         {"tier", 2},
         {"birth_date", y + "-03-01"},
         {"paid_on", y + "-08-01"}},
    };
    for (const auto& r : requests) sink = sink + quote_with(book, r).size();
    if (advice) sink = sink + quote_with(book, requests[1], true).size();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // The real files are loaded along with every input: compact, they parse faster (same content).
    for (const auto& s : slots) {
        auto doc = nlohmann::ordered_json::parse(read_file(std::string(YIBAO_SOURCE_DIR "/") + s.path));
        real_texts.push_back(doc.dump());
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1 || size > max_file_bytes + 1) return -1;
    const std::uint8_t selector = data[0];
    const std::size_t s = selector % slot_count;
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    const char* merged = nullptr;
    auto loaded = yibao::load_rules_texts(files_for(s, selector, std::move(text), merged));
    if (!loaded.book) {
        // Every error names its file; the message is what `yibao rules check` prints.
        volatile std::size_t sink = 0;
        for (const auto& e : loaded.errors) sink = sink + e.to_string().size();
        return 0;
    }
    const auto& book = *loaded.book;
    volatile std::size_t sink = yibao::catalogue_json(book).size();
    // The advice walks the payment days of the year (hundreds of quotes): one run in 16.
    const bool advice = (size % 16) == 0;
    int done = 0;
    for (int year : yibao::years(book)) {
        if (done++ == 2) break;
        exercise(book, year, slots[s].district, advice);
        if (merged) exercise(book, year, merged, false);
        if (s == 0)  // a new district list: quote its first listed district too
            for (const auto& d : yibao::districts(book)) {
                exercise(book, year, d.id, false);
                break;
            }
    }
    (void)sink;
    return 0;
}
