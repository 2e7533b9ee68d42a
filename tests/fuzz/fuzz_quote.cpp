// libFuzzer target: request bytes -> the request parser and the rule engine, with the real rules of
// the source tree loaded once (LLVMFuzzerInitialize).
//
// Turning a quote into JSON text costs about three times the parsing and the evaluation together
// (escaping the Chinese explanation and notes), so one input in 8 (by its length) goes through the
// whole JSON entry point the CLI, the page and window.yibao.quote share, quote_json, which also
// asks for the advice one time in 4 (the advice quotes a few hundred neighbouring payment days);
// the other inputs stop after parse_request + evaluate, the part that depends on the input.
// A request the parser accepts must hold its numbers as written (checked against a plain parse).
//
// An input that starts with '?' is the page's address instead (?district=wanzhou&year=2026&...):
// it goes through the same parser as URL parameters (parse_query + parse_request_params), and is
// applied to the page's answers and written back as a link (ui/form.h), as a shared link is.
//
// Run: build/fuzz/fuzz_quote build/fuzz/corpus/quote -dict=tests/fuzz/quote.dict
// (or make fuzz / make fuzz-smoke; see tests/fuzz/run.py).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_api.h"
#include "core/rules.h"
#include "ui/form.h"

#ifndef YIBAO_SOURCE_DIR
#error "YIBAO_SOURCE_DIR must name the source tree (its rules/ are loaded)"
#endif

namespace {

// Requests are a few hundred bytes; longer inputs only slow the search down (the size cap of the
// request itself is the parser's business and has its own regression tests).
constexpr std::size_t max_request_bytes = 4096;

std::shared_ptr<const yibao::rule_book> rules;
std::vector<int> known_years;
std::vector<yibao::district_info> known_districts;

// An accepted request holds its numbers exactly as written: never wrapped to 32 bits, never
// rounded from a fraction (the parser refuses what does not fit, with a message).
void check_numbers_as_written(std::string_view text, const yibao::request& req) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    auto same = [&](const char* key, std::optional<long long> parsed) {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        bool ok =
            parsed &&
            ((it->is_number_integer() && it->get<long long>() == *parsed) ||
             (it->is_number_unsigned() && it->get<unsigned long long>() == static_cast<unsigned long long>(*parsed)));
        if (!ok) {
            std::fprintf(stderr, "fuzz_quote: accepted \"%s\": %s but read it as %s\n", key, it->dump().c_str(),
                         parsed ? std::to_string(*parsed).c_str() : "nothing");
            std::abort();
        }
    };
    auto opt = [](const std::optional<int>& v) { return v ? std::optional<long long>(*v) : std::nullopt; };
    same("year", req.year);
    same("tier", req.tier);
    same("break_years", opt(req.break_years));
    same("continuous_years", opt(req.continuous_years));
}

// The page's address: its answers through the request parser, then over the page's defaults and
// back into a link.
void url_state(std::string_view text) {
    const auto params = yibao::ui::parse_query(text);
    yibao::request req;
    std::vector<yibao::field_error> errors;
    if (yibao::parse_request_params(params, req, errors)) {
        yibao::quote q = yibao::evaluate(*rules, req);
        if (!q.ok && q.errors.empty()) std::abort();
    } else if (errors.empty()) {
        std::abort();
    }
    yibao::ui::form f;  // as the page starts: the latest year, today's date
    f.year = known_years.back();
    f.paid_on = f.birth_date = std::chrono::year{f.year} / 1 / 15;
    yibao::ui::apply_params(f, params, known_years, known_districts);
    volatile std::size_t sink = yibao::ui::to_query(f).size();
    yibao::quote q = yibao::evaluate(*rules, yibao::ui::to_request(f));
    sink = sink + q.explanation.size();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* dir = std::getenv("YIBAO_RULES_DIR");
    std::string rules_dir = dir && *dir ? dir : YIBAO_SOURCE_DIR "/rules";
    auto loaded = yibao::load_rules_dir(rules_dir);
    if (!loaded.book) {
        std::fprintf(stderr, "fuzz_quote: the rules in %s do not load:\n", rules_dir.c_str());
        for (const auto& e : loaded.errors) std::fprintf(stderr, "  %s\n", e.to_string().c_str());
        std::abort();
    }
    rules = loaded.book;
    known_years = yibao::years(*rules);
    known_districts = yibao::districts(*rules);
    if (known_years.empty()) std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > max_request_bytes) return -1;  // not added to the corpus
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (size > 0 && data[0] == '?') {
        url_state(text);
        return 0;
    }
    if (size % 8 == 0) {
        const bool with_advice = size % 32 == 0;
        std::string out = yibao::quote_json(*rules, text, with_advice);
        // The answer is always one JSON object, whatever came in.
        if (out.size() < 2 || out.front() != '{' || out.back() != '}') std::abort();
        return 0;
    }
    yibao::request req;
    std::vector<yibao::field_error> errors;
    if (!yibao::parse_request(text, req, errors)) {
        if (errors.empty()) std::abort();  // a refused request always says why
        return 0;
    }
    check_numbers_as_written(text, req);
    yibao::quote q = yibao::evaluate(*rules, req);
    if (!q.ok && q.errors.empty()) std::abort();  // neither a quote nor a reason
    return 0;
}
