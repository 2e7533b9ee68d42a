// Which notes of the rules concern a request: each note or reading says in its applies_to whom
// it concerns (persons, districts, categories, payment periods, dates, answers); a quote carries
// only those. The wording and the conditions are data (rules/); here only the matching.
#include <algorithm>

#include "core/dates.h"
#include "core/steps.h"

namespace yibao {

namespace {

template <class T>
bool has(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool in_range(const std::optional<date>& d, const std::optional<date>& from, const std::optional<date>& to) {
    if (!from && !to) return true;
    return d && (!from || *d >= *from) && (!to || *d <= *to);
}

// The request's own word on continuity: continuous, or break_years (0 means continuous).
std::optional<bool> said_continuous(const request& req) {
    if (req.continuous) return req.continuous;
    if (req.break_years) return *req.break_years == 0;
    return std::nullopt;
}

// An answer given with a value other than false or 0.
bool answered(const request& req, const std::string& key) {
    if (key == "continuous_years") return req.continuous_years.value_or(0) != 0;
    if (key == "zero_claims_last_year") return req.zero_claims_last_year.value_or(false);
    if (key == "pays_birth_year") return req.pays_birth_year.value_or(false);
    if (key == "freshman") return req.freshman.value_or(false);
    if (key == "break_years") return req.break_years.value_or(0) != 0;
    return false;
}

}  // namespace

bool applies_to::everyone() const {
    return persons.empty() && districts.empty() && categories.empty() && category_tags.empty() && periods.empty() &&
           !paid_from && !paid_to && !born_from && !born_to && !continuous && !within_newborn_window && answers.empty();
}

bool concerns(const applies_to& a, const resolved& r, const request& req) {
    if (a.everyone()) return true;
    if (!a.persons.empty() && !has(a.persons, req.person)) return false;
    if (!a.districts.empty() && (!r.district || !has(a.districts, r.district->id))) return false;
    if (!a.categories.empty()) {
        const bool any = has(a.categories, std::string("*")) && !r.categories.empty();
        const bool named = std::any_of(r.categories.begin(), r.categories.end(),
                                       [&](const category* c) { return has(a.categories, c->code); });
        if (!any && !named) return false;
    }
    if (!a.category_tags.empty() && std::none_of(r.categories.begin(), r.categories.end(), [&](const category* c) {
            return std::any_of(a.category_tags.begin(), a.category_tags.end(),
                               [&](const std::string& t) { return c->has_tag(t); });
        }))
        return false;
    if (!a.periods.empty()) {
        const payment_period* p = r.rules && req.paid_on ? r.rules->period_on(*req.paid_on) : nullptr;
        if (!p || !has(a.periods, p->id)) return false;
    }
    if (!in_range(req.paid_on, a.paid_from, a.paid_to)) return false;
    if (!in_range(req.person == person_kind::newborn ? req.birth_date : std::nullopt, a.born_from, a.born_to))
        return false;
    if (a.continuous && said_continuous(req) != a.continuous) return false;
    if (a.within_newborn_window) {
        // The same test as the period step's: paid at the latest on the window's last day after birth.
        if (req.person != person_kind::newborn || !req.birth_date || !req.paid_on || !r.rules ||
            !r.rules->newborn.window_days)
            return false;
        const bool within = *req.paid_on <= add_days(*req.birth_date, r.rules->newborn.window_days->value);
        if (within != *a.within_newborn_window) return false;
    }
    if (!a.answers.empty() &&
        std::none_of(a.answers.begin(), a.answers.end(), [&](const std::string& k) { return answered(req, k); }))
        return false;
    return true;
}

std::vector<std::string> notes_for(const resolved& r, const request& req) {
    std::vector<std::string> out;
    if (!r.rules) return out;
    for (const auto& n : r.rules->notes)
        if (concerns(n.when, r, req)) out.push_back(n.text);
    for (const auto& n : r.rules->readings)
        if (concerns(n.when, r, req)) out.push_back(n.text);
    return out;
}

}  // namespace yibao
