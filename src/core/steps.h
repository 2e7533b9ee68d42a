// The steps of a calculation, in the order of the policy (internal to src/core):
//   1. resolve     the rules for the request (year, district file, categories)   resolve.cpp
//   2. find_period the payment period the payment day falls in                    period.cpp
//   3. price       what the person pays, who pays the rest                         price.cpp
//   4. cover       from which day the insurance covers them                        coverage.cpp
//   5. incentives  大病保险 deductible and cap raises                                incentives.cpp
// and evaluate() (evaluate.cpp) assembles the quote from them. Each step returns its values with
// its own explanation lines (text and source), in the order a person reads them, the notes it
// raises and the errors that stop the quote; no step writes into another step's lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/format.h"
#include "core/quote.h"
#include "core/rule_model.h"
#include "core/vocabulary.h"

namespace yibao {

// Short forms of the two formats the explanations use throughout. Every date a person reads
// (explanations, errors, notes) is written 2026年3月1日; ISO dates are for the JSON fields only.
inline std::string ds(const date& d) { return chinese_date(d); }
inline std::string yuan(money m) { return yuan_text(m); }
inline std::string tier_name(int tier) { return std::string(vocab::tier_name(tier)); }
inline std::string person_name(person_kind p) { return std::string(vocab::person(p).zh); }

// What every step returns besides its values.
struct step_text {
    std::vector<explanation_line> lines;
    std::vector<std::string> notes;
    std::vector<field_error> errors;

    void explain(std::string text, std::string source = {}) { lines.push_back({std::move(text), std::move(source)}); }
    void note(std::string text) { notes.push_back(std::move(text)); }
    void error(std::string field, std::string message) { errors.push_back({std::move(field), std::move(message)}); }
    bool ok() const { return errors.empty(); }
};

// 1. The rules that answer this request.
struct resolved : step_text {
    const year_rules* rules = nullptr;  // null only with errors
    const district_entry* district = nullptr;
    bool own_file = false;                    // the district has a file of its own for the year
    std::vector<const category*> categories;  // the categories asked for, each once
    date paid{};
    std::string rules_used;  // the files, for the quote
};
resolved resolve(const rule_book& book, const request& req);

// Whether a note or reading of the rules concerns this request (its applies_to); notes.cpp.
bool concerns(const applies_to& when, const resolved& r, const request& req);
// The notes and readings of the year's rules that concern this request; notes.cpp.
std::vector<std::string> notes_for(const resolved& r, const request& req);

// 2. The payment period of the payment day (and, for a newborn, whether within the window).
struct period_found : step_text {
    const payment_period* period = nullptr;  // null: a newborn paying within the window after the periods
    bool newborn_within_window = false;
};
period_found find_period(const resolved& r, const request& req);

// 3. The price.
struct priced : step_text {
    money personal_standard = 0;
    money assistance = 0;
    money fiscal_subsidy = 0;
    money surcharge = 0;
    money due = 0;
    std::optional<std::string> category_applied;
    std::optional<estimate> estimated;  // the assistance applied is a derived (estimated) amount
};
priced price(const resolved& r, const period_found& p, const request& req);

// 4. The coverage.
struct covered : step_text {
    std::optional<date> start;
    date end{};
    std::optional<waiting_period> waiting;
    // Continuity as the rules read it, where the period's rule needed it (a cross-year newborn
    // counts as continuous); unset where it did not matter.
    std::optional<bool> continuous;
    int break_years = 0;
};
covered cover(const resolved& r, const period_found& p, const request& req);

// 5. The incentives (they change no price).
struct incentives_found : step_text {
    incentive_figures figures;
};
incentives_found incentives(const resolved& r, const period_found& p, const covered& c, const request& req);

}  // namespace yibao
