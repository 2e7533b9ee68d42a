// The answers a resident gives on the page, which of them matter, and the request they make.
// No ImGui here: the screens (ui/app.cpp) draw this state, the tests of the page read it back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/quote.h"
#include "core/rules.h"

namespace yibao::ui {

struct form {
    int year = 0;
    std::string district = "chongqing";
    person_kind person = person_kind::resident;
    std::vector<std::string> categories;  // codes, in the order tapped
    int tier = 1;
    date paid_on{};
    bool continuous = true;
    int break_years = 1;
    date birth_date{};
    bool pays_birth_year = false;
    bool freshman = false;  // student paying at enrolment for the next year (是否新生入学时缴费)

    bool has_category(const std::string& code) const;
    void toggle_category(const std::string& code);
};

// Which coverage year's enrollment is open on a day, given the years the rules cover.
struct season {
    int default_year = 0;             // the year to preselect
    std::optional<int> missing_year;  // enrollment for this year has opened but no rules are loaded
};

struct year_dates {
    int year = 0;
    date opens{};
    date centralized_ends{};
    date coverage_ends{};
    bool operator==(const year_dates&) const = default;
};

season season_on(const std::vector<year_dates>& years, date today);

// The years a rule book covers, with their dates, in year order: what season_on reads.
std::vector<year_dates> year_calendar(const rule_book& rules);
// The years of such a calendar, in its order.
std::vector<int> calendar_years(const std::vector<year_dates>& calendar);

// The questions shown for these answers ("only the questions that matter so far").
bool asks_continuity(const form& f);
bool asks_break_years(const form& f);
bool asks_birth_date(const form& f);
bool asks_pays_birth_year(const form& f);
bool asks_freshman(const form& f);  // a student paying before the coverage year

request to_request(const form& f);

// URL parameters (?district=wanzhou&year=2026&tier=2&person=newborn&categories=101,102&paid=2025-12-20
// &birth=2026-03-02&break=2&continuous=0&birth_year=1&freshman=1) applied over the defaults. Each answer is
// checked by the core's request parser; parameters that are not answers are left alone.
using url_params = std::vector<std::pair<std::string, std::string>>;
url_params parse_query(std::string_view query);  // "?a=1&b=%E4%B8%87" → {{"a","1"},{"b","万"}}
// Returns the answers it could not take (field + message); those questions keep their defaults.
// The page's first read of its rules (platform/abi.cpp yibao_init). Given every year's dates (a
// calendar made from the same files when the page was built), a first screen on `today` with these
// answers in its address quotes one year: the year the address names, else the year season_on
// preselects. These are the years whose rules it reads first (the year named and the preselected
// one, in year order); the rest follow once the first frame is on screen.
std::vector<int> first_screen_years(const std::vector<year_dates>& calendar, date today, const url_params& params);
// Whether that first read takes a rules file: districts.json; of the years given (every year when
// none is), the municipal file and the file of `district` (an id; "" = none). Paths as in the
// bundle: "rules/chongqing/2026/municipal.json".
bool first_read_file(std::string_view path, const std::vector<int>& years, std::string_view district);

std::vector<field_error> apply_params(form& f, const url_params& params, const std::vector<int>& known_years,
                                      const std::vector<district_info>& districts);
// The answers as URL parameters, the inverse of apply_params: only the questions asked for these
// answers, so that a shared link reopens the same quote. Nothing but the answers goes in.
std::string to_query(const form& f);

// A household on the page: each member's label and own answers. The shared answers (year, district,
// payment day) are the main form's; a member's answers hold the rest (person, categories, tier,
// continuity, birth, freshman).
struct member_form {
    std::optional<member_label> label;
    form answers;
    bool categories_open = false;  // the page's: the member's list of assistance categories is shown
};

// Each member's request: the shared answers of `shared` with the member's own (to_request of both).
std::vector<member_request> to_member_requests(const form& shared, const std::vector<member_form>& members);

// The members as URL parameters: m<i>.<URL name>=… for each member's own answers (m0.label=self&
// m0.person=student&m0.tier=1…, i from 0), only the questions asked of that member; labels by their
// id; never a name. Appended to to_query(shared) for a household link.
std::string members_query(const form& shared, const std::vector<member_form>& members);
// Reads the m<i>.* parameters (i = 0 … vocab::max_members - 1, in the order of i) into members:
// each member's answers are the defaults of a form with the shared answers (year, district,
// payment day) of `shared` and the member's own parameters over them (never the other answers of
// `shared`, which in a page's link are the first member's). Returns the answers it could not take; their field names
// the member ("members/1/tier"). The shared answers in a member (m0.year) are refused: they are
// written once, as year=, district=, paid=.
std::vector<field_error> apply_member_params(std::vector<member_form>& members, const form& shared,
                                             const url_params& params, const std::vector<int>& known_years,
                                             const std::vector<district_info>& districts);

}  // namespace yibao::ui
