// Every case under tests/cases/*.json, one parameterised test each. A case gives a request (or,
// for the contract's own cases, "request_text": the exact bytes sent) and the fields of the quote
// it expects (only those fields are compared); "error_field" expects ok:false with an error about
// that request field, "error_says" a phrase of that error's message, "max_errors" a bound on how
// many errors are listed; "explanation_says" and "notes_say" are phrases (a list) each of which
// some explanation line, or some note, must contain.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/json_api.h"
#include "test_support.h"

namespace {

using json = nlohmann::json;

struct quote_case {
    std::string file;
    std::string name;
    json request;
    std::string request_text;  // sent verbatim when given
    json expect;
    std::string from;
};

std::vector<quote_case> load_cases() {
    std::vector<quote_case> out;
    for (const auto& p : yibao::test::case_files()) {
        std::ifstream in(p);
        json doc = json::parse(in);
        for (const auto& c : doc.at("cases"))
            out.push_back({p.stem().string(), c.at("name").get<std::string>(), c.value("request", json()),
                           c.value("request_text", std::string()), c.at("expect"), c.value("from", std::string())});
    }
    return out;
}

// Short names in gtest's output instead of a byte dump.
void PrintTo(const quote_case& c, std::ostream* os) { *os << c.file << "/" << c.name; }

class quote_cases : public ::testing::TestWithParam<quote_case> {};

TEST_P(quote_cases, matches_the_documents) {
    const auto& c = GetParam();
    auto book = yibao::test::project_rules();
    ASSERT_TRUE(book) << "rules/ failed to load";
    json q = json::parse(yibao::quote_json(*book, c.request_text.empty() ? c.request.dump() : c.request_text));
    SCOPED_TRACE("case " + c.file + "/" + c.name + " (" + c.from + ")\nquote: " + q.dump(1));
    for (const auto& [key, want] : c.expect.items()) {
        if (key == "error_field") {
            ASSERT_FALSE(q["ok"].get<bool>());
            bool found =
                std::any_of(q["errors"].begin(), q["errors"].end(), [&](const json& e) { return e["field"] == want; });
            EXPECT_TRUE(found) << "expected an error about field " << want;
            continue;
        }
        if (key == "error_says") {
            const json field = c.expect.value("error_field", json());
            bool found = std::any_of(q["errors"].begin(), q["errors"].end(), [&](const json& e) {
                return (field.is_null() || e["field"] == field) &&
                       e["message"].get<std::string>().find(want.get<std::string>()) != std::string::npos;
            });
            EXPECT_TRUE(found) << "expected an error saying " << want;
            continue;
        }
        if (key == "max_errors") {
            EXPECT_LE(q["errors"].size(), want.get<std::size_t>());
            continue;
        }
        if (key == "explanation_says" || key == "notes_say") {
            const json& lines = q[key == "notes_say" ? "notes" : "explanation"];
            for (const auto& phrase : want) {
                const std::string p = phrase.get<std::string>();
                bool found = std::any_of(lines.begin(), lines.end(), [&](const json& l) {
                    const std::string text = l.is_string() ? l.get<std::string>() : l["text"].get<std::string>();
                    return text.find(p) != std::string::npos;
                });
                EXPECT_TRUE(found) << key << ": no line says " << p;
            }
            continue;
        }
        if (key == "incentives") {
            for (const auto& [k, v] : want.items()) EXPECT_EQ(q["incentives"][k], v) << "incentives." << k;
            continue;
        }
        ASSERT_TRUE(q.contains(key)) << "quote has no field " << key;
        EXPECT_EQ(q[key], want) << "field " << key;
    }
    if (q["ok"].get<bool>()) {
        EXPECT_TRUE(q["errors"].empty());
        EXPECT_FALSE(q["explanation"].empty());
    } else {
        EXPECT_FALSE(q["errors"].empty());
        for (const auto& e : q["errors"]) EXPECT_FALSE(e["message"].get<std::string>().empty());
    }
}

std::string case_name(const ::testing::TestParamInfo<quote_case>& info) {
    std::string s = info.param.file + "_" + info.param.name;
    for (auto& ch : s)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return s;
}

INSTANTIATE_TEST_SUITE_P(cases, quote_cases, ::testing::ValuesIn(load_cases()), case_name);

}  // namespace
