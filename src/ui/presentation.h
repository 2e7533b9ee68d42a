// What a person reads of a quote, as data: the one model that every renderer walks — the CLI's
// readable answer, the ImGui answer card, the saved picture, the printout, and the accessibility
// layer. Built by present() alone; no other code turns a quote into text. No ImGui, no browser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quote.h"
#include "core/rules.h"

namespace yibao::ui {

// How a row's value reads: the renderers map tones to colours and icons (never colour alone).
enum class tone { normal, muted, good, warn, bad };

enum class row_kind {
    pair,    // label … value: an answer given, a part of the amount
    amount,  // the amount due, in large type: label 应缴, text 400, unit 元
    text,    // a sentence: coverage, waiting period, the category applied, the rules used
    bullet,  // one item of a list: a hint, an error, a point the documents leave open
    reason,  // one step of the explanation, with the clause it rests on
};

struct row {
    row_kind kind = row_kind::text;
    std::string id;      // stable id for renderers and tests ("due", "coverage", "waiting", ...)
    std::string label;   // pair, amount
    std::string text;    // the value or the sentence
    std::string unit;    // amount: 元
    std::string source;  // reason: 文号 and clause ("" for arithmetic); also the estimate and known.* rows
    tone value_tone = tone::normal;
    // A mark drawn beside the value: "估算" on an amount that rests on an estimate (the row with id
    // "estimate" right after the amount says why). "" = none.
    std::string flag;
};

// The mark of an estimated amount.
inline constexpr std::string_view estimate_flag = "估算";

// Section ids, in reading order.
namespace section_id {
inline constexpr std::string_view answers = "answers";  // 你的回答 (picture and printout)
inline constexpr std::string_view answer = "answer";    // 计算结果: the amount, its split, coverage, waiting;
                                                        // refused: the errors, then what is known (known.*)
inline constexpr std::string_view hints = "hints";      // paying earlier, the other tier
inline constexpr std::string_view why = "why";          // 为什么 · 依据
inline constexpr std::string_view open = "open";        // 注意: what the documents leave open
inline constexpr std::string_view footer = "footer";    // rules used, revision, version, disclaimer
// A household's model (present_household), in reading order:
inline constexpr std::string_view household = "household";        // 全家: the total, earliest/latest start
inline constexpr std::string_view member = "member";              // one per member, headed "1. 父亲（居民）"
inline constexpr std::string_view family_hints = "family_hints";  // 全家的提示: the family's advice
}  // namespace section_id

struct section {
    std::string id;
    std::string heading;  // "" = none
    std::vector<row> rows;
    const row* find(std::string_view row_id) const;
};

struct presentation {
    bool ok = false;
    std::string title;    // 重庆城乡居民医保缴费计算结果
    std::string made_on;  // 计算日期：2026年11月25日
    std::string due;      // "400" ("" when there is no quote): the figure in the top bar
    std::vector<section> sections;
    const section* find(std::string_view section_id) const;
};

// The model of one quote. `req` is the request as asked (only the questions that were asked are
// listed as answers); `today` is the day it is read on; `version` is the build's version ("" for none).
// Section "answer" of a quoted request: "due" (amount; flag 估算 when estimated), "estimate" (text,
// warn: why the amount is an estimate, only then), "personal_standard", "assistance" (flag 估算 when
// estimated), "surcharge", "fiscal_subsidy", "coverage", "waiting", "category". Of a refused one:
// "no_quote", one "error" bullet per error (label = the request field), then what is known:
// "known.ask" (text, warn: the next year's notice is not in the calculator and whom to ask; only
// when the year asked is not loaded or today is in the enrollment season of a year that is not),
// "known.heading" (text: whose standards, labelled with their year), "known.tier1" and
// "known.tier2" (pair: label 一档/二档, the personal standard and, with categories, the assistance
// that applies and what remains; flag 估算 when estimated), "known.estimate" (text, warn, only
// then) and "known.periods" (text: 集中缴费期 and 待遇享受期). Rows built from the rules carry their
// source.
presentation present(const rule_book& book, const request& req, const quote& q, const advice& a, date today,
                     std::string_view version = {});

// The model of a household's quote (a presentation whose sections are, in order):
//   "answers" (全家共同的回答): the answers every member shares — "district", "year", "paid_on"
//     (pair rows, as in a single model).
//   "household": "due" (amount: label 全家应缴, only when every member is quoted; flag 估算 when a
//     member's amount is an estimate), "start" (text: 全家都自…起享受待遇) when every member starts on one
//     day, else "earliest_start" and "latest_start" (text, naming the members); refused: "no_quote"
//     and an "error" bullet for each error not about one member (a member's are in its section).
//   "member", one per member in order, heading "1. 父亲（居民）" (the label from vocab::member_labels,
//     or 成员N; the person's short name): "answers" (text, muted: the member's own answers in one
//     line, "资助类别：低保；缴费档次：一档；上一年度：断保1年"; the screens show them as controls
//     and skip it), then "due" (pair: label 应缴, text "40元"; flag 估算 when estimated),
//     "estimate", "coverage", "waiting", "category" (适用资助类别, when one applies) — the rows of
//     that member's own model — or, for a refused
//     member, its "error" bullets.
//   "family_hints": the family's advice (household_advice lines), when there is any.
//   "why" (为什么 · 依据): for each member with reasons, a "member" text row (its heading) and then
//     that member's "reason" rows, each with its clause.
//   "footer": the disclaimer, each distinct year and district's rules, the version.
// `members` are the requests as asked (to_member_requests, or parse_any_request's), `q` their
// evaluate_household, `family` the household's advice (advise_household).
presentation present_household(const rule_book& book, const std::vector<member_request>& members,
                               const household_quote& q, const household_advice& family, date today,
                               std::string_view version = {});

// The name a member goes by in the model: its label's Chinese name, or 成员N (N from 1).
std::string member_name(const std::optional<member_label>& label, std::size_t index);

// The model as JSON for the page's picture, printout and accessibility layer.
std::string presentation_json(const presentation& p);

// The tone's id in JSON and CSS ("normal", "muted", "good", "warn", "bad").
const char* tone_id(tone t);

}  // namespace yibao::ui
