// The rules as the engine sees them after loading and validation (internal to src/core).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/quote.h"
#include "core/rules.h"

namespace yibao {

template <class T>
struct sourced {
    T value{};
    std::string source;
};

// Which requests a note or reading concerns: its "applies_to" in the rules data. Every condition
// given must hold (any one entry of a list is enough); a condition left out holds for every
// request, so a note without applies_to concerns everyone.
struct applies_to {
    std::vector<person_kind> persons;
    std::vector<std::string> districts;      // district ids (after resolving names)
    std::vector<std::string> categories;     // category codes the request names; "*": any category
    std::vector<std::string> category_tags;  // the request names a category with one of these tags
    std::vector<std::string> periods;        // ids of the payment period the payment day falls in
    std::optional<date> paid_from, paid_to;  // the payment day in this range (both ends included)
    std::optional<date> born_from, born_to;  // the birth day (newborns) in this range
    std::optional<bool> continuous;          // the request says it was (true) / was not (false) covered without a gap
    std::optional<bool> within_newborn_window;  // a newborn paying within (true) / after (false) the window after birth
    std::vector<std::string> answers;           // request fields given with a value other than false or 0
    std::string pointer;                        // where it was read ("/readings/3/applies_to"), for messages

    bool everyone() const;
};

struct text_ref {
    std::string text;
    std::string source;
    applies_to when;  // which requests the text concerns
};

enum class start_kind { fixed_date, next_month_first, waiting_days, waiting_months, same_day };

struct start_rule {
    start_kind kind = start_kind::fixed_date;
    std::optional<date> on;         // fixed_date: the first covered day
    std::optional<date> from_date;  // waiting_months: counted from this day instead of after payment
};

struct category_start {
    std::vector<std::string> tags;  // any requested category carrying one of these tags
    start_rule start;
    std::string source;
};

struct payment_period {
    std::string id;
    std::string label;
    date from;
    date to;
    bool centralized = false;
    bool depends_on_continuity = false;
    start_rule if_continuous;  // the rule when continuity does not matter, too
    start_rule if_not_continuous;
    std::vector<category_start> category_starts;
    std::string source;
};

enum class assist_kind { fixed, percent_of_tier1, percent_of_tier2, not_allowed };

struct tier_assistance {
    assist_kind kind = assist_kind::fixed;
    money fixed = 0;
    int percent = 0;
};

struct category {
    std::string code;
    std::string name;
    std::vector<std::string> tags;
    std::vector<person_kind> persons;  // empty: anyone
    std::array<tier_assistance, 2> tiers;
    // A resident table's row as it applies to a university student (percent of the student's own
    // standard); empty: the tiers above apply to students too.
    std::optional<std::array<tier_assistance, 2>> student_tiers;
    std::string student_source;
    std::optional<date> valid_from;
    std::optional<date> valid_to;
    bool derived = false;
    std::string source;
    std::string note;

    bool has_tag(const std::string& tag) const;
    bool allows(person_kind p) const;
    bool valid_on(const date& paid) const;  // paid inside the table's 标准执行起止时间
    // The tier's assistance rule for this person: a resident table's row carries its own rule for
    // students (a percentage of the student's own standard) where the rules give one.
    const tier_assistance& tier_rule(person_kind p, int tier) const;
};

struct late_pricing_rule {
    bool present = false;  // false: the year sets no late-payment price
    sourced<date> from;
    std::vector<std::string> exempt_tags;
    std::string source;
    std::string reading;
    applies_to reading_when;  // which requests the reading concerns (besides the price it explains)
};

struct newborn_rules {
    std::optional<sourced<int>> window_days;
    std::optional<sourced<int>> late_waiting_days;
    std::optional<sourced<bool>> personal_part_only;
    std::optional<sourced<bool>> cross_year;
    std::optional<sourced<bool>> exempt_from_waiting_months;
    std::optional<text_ref> guardian;
};

struct incentive_rules {
    std::optional<sourced<money>> deductible;
    std::optional<sourced<int>> threshold_years;
    std::optional<sourced<int>> counting_from_year;
    std::optional<sourced<money>> raise_per_year;
    std::optional<sourced<money>> zero_claims_raise;
    std::vector<text_ref> notes;
};

struct year_rules {
    int year = 0;
    std::string district;  // "municipal" or the district id of the file
    std::string name;
    std::vector<std::string> files;
    std::vector<std::string> documents;  // 文号
    date revision{};                     // the latest "revision" of the files merged here
    std::vector<text_ref> notes;
    std::vector<text_ref> readings;
    sourced<date> coverage_from;
    sourced<date> coverage_to;
    sourced<date> opens;
    sourced<date> centralized_ends;
    std::optional<sourced<date>> last_payment_day;
    // [person: 0 resident, 1 student][tier - 1]
    std::array<std::array<sourced<money>, 2>, 2> standards;
    sourced<money> fiscal_subsidy;
    late_pricing_rule late_pricing;
    std::optional<sourced<int>> waiting_days;
    std::string waiting_later_reading;
    std::optional<sourced<int>> months_base;
    std::optional<sourced<int>> months_per_extra_break_year;
    std::optional<text_ref> repair_note;
    std::optional<text_ref> announced_waiting_months;
    std::vector<payment_period> periods;
    newborn_rules newborn;
    std::optional<sourced<bool>> freshman_from_day_after_payment;
    std::vector<category> categories;
    // Why the assistance of a "derived" category is an estimate (required when one is derived).
    std::optional<text_ref> derived_assistance;
    incentive_rules incentives;

    const category* find_category(const std::string& code_or_name) const;
    const payment_period* period_on(const date& paid) const;  // null outside every period
    const sourced<money>& standard(person_kind p, int tier) const;
    // What a category gives this person for the tier (0 where the tier is not allowed).
    money assistance(const category& c, person_kind p, int tier) const;
};

struct district_entry {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;  // other names a resident writes: 万州, 酉阳县, ...

    // Whether this district goes by id_or_name: its id, its name or one of its aliases.
    bool named(std::string_view id_or_name) const;
};

class rule_book {
  public:
    std::vector<district_entry> district_list;
    std::string district_source;
    std::optional<text_ref> ask;  // districts.json "ask": whom a resident asks about what rules/ lacks
    // Keyed by (year, "municipal" or district id that has a file of its own).
    std::map<std::pair<int, std::string>, year_rules> by_year;

    // A district by its id, its name or one of its aliases (districts.json).
    const district_entry* find_district(std::string_view id_or_name) const;
    // The rules for a district: its own file merged over the municipal one, else the municipal.
    const year_rules* find(int year, const std::string& district, bool* own_file = nullptr) const;
};

}  // namespace yibao
