#include "core/json_api.h"

#include <nlohmann/json.hpp>

#include "core/format.h"
#include "core/out_json.h"
#include "core/rule_model.h"
#include "core/vocabulary.h"

namespace yibao {

using ojson = out_json;
using json = nlohmann::json;

namespace {

ojson money_json(money m) {
    if (m % 100 == 0) return m / 100;
    return static_cast<double>(m) / 100.0;
}

// Text of a JSON value; invalid UTF-8 echoed from the input is replaced, never thrown on.
std::string dump(const ojson& o, int indent) { return o.dump(indent, ' ', false, ojson::error_handler_t::replace); }

ojson date_json(const std::optional<date>& d) { return d ? ojson(format_date(*d)) : ojson(nullptr); }

ojson advice_json(const advice& a) {
    ojson o;
    o["keep_start_if_paid_by"] = date_json(a.keep_start_if_paid_by);
    o["earlier_pay_by"] = date_json(a.earlier_pay_by);
    o["earlier_start"] = date_json(a.earlier_start);
    o["other_tier_due"] = a.other_tier_due ? money_json(*a.other_tier_due) : ojson(nullptr);
    o["lines"] = a.lines;
    return o;
}

ojson quote_object(const quote& q) {
    ojson o;
    o["ok"] = q.ok;
    o["due"] = money_json(q.due);
    o["personal_standard"] = money_json(q.personal_standard);
    o["assistance"] = money_json(q.assistance);
    o["fiscal_subsidy"] = money_json(q.fiscal_subsidy);
    o["surcharge"] = money_json(q.surcharge);
    o["coverage_start"] = date_json(q.coverage_start);
    o["coverage_end"] = date_json(q.coverage_end);
    if (q.waiting)
        o["waiting"] = {
            {"from", format_date(q.waiting->from)}, {"to", format_date(q.waiting->to)}, {"days", q.waiting->days}};
    else
        o["waiting"] = nullptr;
    o["category_applied"] = q.category_applied ? ojson(*q.category_applied) : ojson(nullptr);
    if (q.estimated)
        o["estimated"] = {
            {"fields", q.estimated->fields}, {"text", q.estimated->text}, {"source", q.estimated->source}};
    else
        o["estimated"] = nullptr;
    o["explanation"] = ojson::array();
    for (const auto& e : q.explanation) o["explanation"].push_back({{"text", e.text}, {"source", e.source}});
    o["notes"] = q.notes;
    o["errors"] = ojson::array();
    for (const auto& e : q.errors) o["errors"].push_back({{"field", e.field}, {"message", e.message}});
    o["rules_used"] = q.rules_used;
    ojson inc = ojson::object();
    if (q.incentives.deductible) inc["deductible"] = money_json(*q.incentives.deductible);
    if (q.incentives.continuous_raise) inc["continuous_raise"] = money_json(*q.incentives.continuous_raise);
    if (q.incentives.zero_claims_raise) inc["zero_claims_raise"] = money_json(*q.incentives.zero_claims_raise);
    o["incentives"] = inc;
    return o;
}

ojson label_json(const std::optional<member_label>& l) {
    return l ? ojson(std::string(vocab::member_label_of(*l).id)) : ojson(nullptr);
}

// A member's entry: its label, then exactly the quote its single request gives.
ojson member_object(const member_quote& m) {
    ojson o;
    o["label"] = label_json(m.label);
    const ojson q = quote_object(m.q);
    for (const auto& [k, v] : q.items()) o[k] = v;
    return o;
}

ojson household_object(const household_quote& q) {
    ojson o;
    o["ok"] = q.ok;
    o["due"] = money_json(q.due);
    o["members"] = ojson::array();
    for (const auto& m : q.members) o["members"].push_back(member_object(m));
    o["errors"] = ojson::array();
    for (const auto& e : q.errors) o["errors"].push_back({{"field", e.field}, {"message", e.message}});
    return o;
}

ojson household_advice_json(const household_advice& a) {
    ojson o;
    o["pay_by"] = date_json(a.pay_by);
    o["everyone_from"] = date_json(a.everyone_from);
    o["earlier_pay_by"] = date_json(a.earlier_pay_by);
    o["earlier_everyone_from"] = date_json(a.earlier_everyone_from);
    o["lines"] = a.lines;
    return o;
}

}  // namespace

std::string quote_to_json(const quote& q, int indent) { return dump(quote_object(q), indent); }

std::string household_to_json(const household_quote& q, int indent) { return dump(household_object(q), indent); }

std::string quote_json(const rule_book& rules, std::string_view request_json, bool with_advice) {
    parsed_request parsed;
    std::vector<field_error> errors;
    if (!parse_any_request(request_json, parsed, errors)) {
        if (parsed.household) {
            household_quote h;
            h.errors = std::move(errors);
            return household_to_json(h, -1);
        }
        quote q;
        q.errors = std::move(errors);
        return quote_to_json(q, -1);
    }
    if (!parsed.household) {
        const quote q = evaluate(rules, parsed.single);
        ojson o = quote_object(q);
        if (with_advice) o["advice"] = advice_json(advise(rules, parsed.single, q));
        return dump(o, -1);
    }
    const household_quote h = evaluate_household(rules, parsed.members);
    ojson o = household_object(h);
    if (with_advice) {
        std::vector<advice> each;
        for (std::size_t i = 0; i < h.members.size(); ++i) {
            each.push_back(advise(rules, parsed.members[i].req, h.members[i].q));
            o["members"][i]["advice"] = advice_json(each.back());
        }
        o["advice"] = household_advice_json(advise_household(rules, parsed.members, h, each));
    }
    return dump(o, -1);
}

std::string categories_json(const rule_book& rules, int year, const std::string& district) {
    ojson arr = ojson::array();
    for (const auto& c : categories(rules, year, district)) {
        ojson o;
        o["code"] = c.code;
        o["name"] = c.name;
        o["tier1_allowed"] = c.tier1_allowed;
        o["tier2_allowed"] = c.tier2_allowed;
        o["tier1_assistance"] = c.tier1_allowed ? money_json(c.tier1_assistance) : ojson(nullptr);
        o["tier2_assistance"] = c.tier2_allowed ? money_json(c.tier2_assistance) : ojson(nullptr);
        o["students_only"] = c.students_only;
        o["estimated"] = c.estimated;
        o["valid_from"] = c.valid_from.empty() ? ojson(nullptr) : ojson(c.valid_from);
        o["valid_to"] = c.valid_to.empty() ? ojson(nullptr) : ojson(c.valid_to);
        o["source"] = c.source;
        arr.push_back(o);
    }
    return dump(arr, -1);
}

std::string catalogue_json(const rule_book& rules) {
    ojson o;
    o["years"] = ojson::array();
    for (int y : years(rules)) {
        auto info = year_details(rules, y, "chongqing");
        if (!info) continue;
        o["years"].push_back({{"year", y},
                              {"enrollment_opens", format_date(info->enrollment_opens)},
                              {"centralized_ends", format_date(info->centralized_ends)},
                              {"coverage_ends", format_date(info->coverage_ends)},
                              {"documents", info->documents}});
    }
    o["districts"] = ojson::array();
    for (const auto& d : districts(rules)) {
        ojson own = ojson::array();
        for (int y : years(rules))
            if (auto info = year_details(rules, y, d.id); info && info->district_has_own_file) own.push_back(y);
        o["districts"].push_back({{"id", d.id}, {"name", d.name}, {"own_rules_years", own}});
    }
    return dump(o, -1);
}

}  // namespace yibao
