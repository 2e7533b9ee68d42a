// libFuzzer target: request bytes -> the request parser and the rule engine, with the real rules of
// the source tree loaded once (LLVMFuzzerInitialize).
//
// Turning a quote into JSON text costs about three times the parsing and the evaluation together
// (escaping the Chinese explanation and notes), so one input in 8 (by its length) goes through the
// whole JSON entry point the CLI, the page and window.yibao.quote share, quote_json, which also
// asks for the advice one time in 4 (the advice quotes a few hundred neighbouring payment days);
// the other inputs stop after parse_request + evaluate, the part that depends on the input.
//
// Run: build/fuzz/fuzz_quote build/fuzz/corpus/quote -dict=tests/fuzz/quote.dict
// (or make fuzz / make fuzz-smoke; see tests/fuzz/run.py).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_api.h"
#include "core/rules.h"

#ifndef YIBAO_SOURCE_DIR
#error "YIBAO_SOURCE_DIR must name the source tree (its rules/ are loaded)"
#endif

namespace {

// Requests are a few hundred bytes; longer inputs only slow the search down (the size cap of the
// request itself is the parser's business and has its own regression tests).
constexpr std::size_t max_request_bytes = 4096;

std::shared_ptr<const yibao::rule_book> rules;

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
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > max_request_bytes) return -1;  // not added to the corpus
    std::string_view text(reinterpret_cast<const char*>(data), size);
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
    yibao::quote q = yibao::evaluate(*rules, req);
    if (!q.ok && q.errors.empty()) std::abort();  // neither a quote nor a reason
    return 0;
}
