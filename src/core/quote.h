// The request a resident answers and the quote the rule engine gives back.
// Plain structs: no JSON type leaks out of the core (see core/json_api.h for the wire form).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace yibao {

using date = std::chrono::year_month_day;

// Money in fen (1/100 yuan) so that no amount is ever rounded.
using money = std::int64_t;

enum class person_kind { resident, student, newborn };

struct request {
    int year = 0;          // coverage year (2025, 2026, ...)
    std::string district;  // district id ("chongqing", "wanzhou", ...)
    person_kind person = person_kind::resident;
    std::vector<std::string> categories;  // official codes ("101") or stable ids
    int tier = 1;                         // 1 = 一档, 2 = 二档
    std::optional<date> paid_on;
    std::optional<bool> continuous;       // covered the year before without a gap
    std::optional<int> break_years;       // whole years without coverage right before
    std::optional<int> continuous_years;  // unbroken years counting this one
    std::optional<bool> zero_claims_last_year;
    std::optional<date> birth_date;       // newborns
    std::optional<bool> pays_birth_year;  // newborn born last year: also pays the birth year
    std::optional<bool> freshman;         // student paying at enrolment for the next year
};

// Who a member of a household is to the one asking (core/vocabulary.h member_labels: ids and names).
enum class member_label { self, spouse, father, mother, child, grandchild, other };

// One member of a household request: the shared answers with the member's own over them, so
// `req` is exactly the single request for that member.
struct member_request {
    std::optional<member_label> label;
    request req;
};

struct explanation_line {
    std::string text;    // Chinese
    std::string source;  // 文号 and section, or "" for arithmetic
};

struct field_error {
    std::string field;    // request field the message is about ("tier", "paid_on", ...)
    std::string message;  // Chinese sentence: what is wrong and what to do
};

struct waiting_period {
    date from;
    date to;
    int days = 0;
};

// Amounts that rest on an estimate, not on a figure the documents publish (2026: 渝医保发〔2025〕42号
// publishes no assistance amounts; a category marked "derived" in rules/ applies the 2025
// percentages to the 2026 standards). The wording and its source are rules data.
struct estimate {
    std::vector<std::string> fields;  // the quote's amounts that rest on it: "assistance", "due"
    std::string text;                 // why, in one sentence a resident reads
    std::string source;               // 文号 and section
};

struct incentive_figures {
    std::optional<money> deductible;        // 大病保险起付线
    std::optional<money> continuous_raise;  // cap raise for continuous years, when computable
    std::optional<money> zero_claims_raise;
};

struct quote {
    bool ok = false;
    money due = 0;                // what the resident pays now
    money personal_standard = 0;  // 个人缴费标准 for the tier (sum of years when a newborn pays two)
    money assistance = 0;         // 资助
    money fiscal_subsidy = 0;     // 财政补助 the state pays
    money surcharge = 0;          // fiscal part a late payer pays himself
    std::optional<date> coverage_start;
    std::optional<date> coverage_end;
    std::optional<waiting_period> waiting;
    std::optional<std::string> category_applied;
    std::optional<estimate> estimated;  // set where an amount above is an estimate
    std::string rules_used;             // e.g. "chongqing/2026/municipal" (+ district file)
    incentive_figures incentives;
    std::vector<explanation_line> explanation;
    std::vector<std::string> notes;
    std::vector<field_error> errors;
};

// A household's quote: for each member exactly the quote of its single request; `due` is the sum
// when every member is quoted (ok), else 0; `errors` name the member ("members/1/categories").
struct member_quote {
    std::optional<member_label> label;
    quote q;
};
struct household_quote {
    bool ok = false;
    money due = 0;
    std::vector<member_quote> members;
    std::vector<field_error> errors;
};

class rule_book;

// Evaluates one request. Never throws for bad input: errors come back in quote::errors.
quote evaluate(const rule_book& rules, const request& req);

// Advice for a resident: what paying earlier or choosing the other tier would change.
// With today given, no pay-by day before today is suggested.
struct advice {
    std::optional<date> keep_start_if_paid_by;  // last payment day that keeps coverage_start
    std::optional<date> earlier_pay_by;         // pay by this day ...
    std::optional<date> earlier_start;          // ... to be covered from this day
    std::optional<money> other_tier_due;        // due under the other tier (ok quotes only)
    std::vector<std::string> lines;             // the same, as Chinese sentences
};
advice advise(const rule_book& rules, const request& req, const quote& q, std::optional<date> today = std::nullopt);

// Evaluates each member's request (evaluate()) and adds them up.
household_quote evaluate_household(const rule_book& rules, const std::vector<member_request>& members);

// Advice for a household, from each member's advice (advise()) and the engine alone: the last day
// a payment on the members' shared payment day may move to with every member's first day of
// coverage unchanged, so that everyone is covered from the latest of them; and the earliest day
// from which everyone can be covered, when a payment by an earlier day that some member's advice
// names gives it (checked by evaluating every member on every day from the first day that can be
// advised up to it). Only for an ok household of two or more members who pay on one day.
struct household_advice {
    std::optional<date> pay_by;                 // pay by this day ...
    std::optional<date> everyone_from;          // ... and everyone is covered from this day
    std::optional<date> earlier_pay_by;         // pay by this day ...
    std::optional<date> earlier_everyone_from;  // ... and everyone is covered from this (earlier) day
    std::vector<std::string> lines;             // the same, as Chinese sentences
};
household_advice advise_household(const rule_book& rules, const std::vector<member_request>& members,
                                  const household_quote& q, const std::vector<advice>& each,
                                  std::optional<date> today = std::nullopt);

}  // namespace yibao
