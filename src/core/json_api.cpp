#include "core/json_api.h"

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/json_error.h"
#include "core/rule_model.h"

namespace yibao {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

std::string format_yuan(money amount) {
    std::string sign = amount < 0 ? "-" : "";
    money a = amount < 0 ? -amount : amount;
    std::string s = sign + std::to_string(a / 100);
    if (a % 100) {
        char frac[4];
        std::snprintf(frac, sizeof frac, "%02d", static_cast<int>(a % 100));
        s += std::string(".") + frac;
    }
    return s;
}

namespace {

ojson money_json(money m) {
    if (m % 100 == 0) return m / 100;
    return static_cast<double>(m) / 100.0;
}

// Text of a JSON value; invalid UTF-8 echoed from the input is replaced, never thrown on.
std::string dump(const ojson& o, int indent) { return o.dump(indent, ' ', false, ojson::error_handler_t::replace); }

ojson date_json(const std::optional<date>& d) { return d ? ojson(format_date(*d)) : ojson(nullptr); }

std::optional<int> as_int(const json& v) {
    if (v.is_number_integer()) return v.get<int>();
    if (v.is_number_float() && v.get<double>() == static_cast<int>(v.get<double>()))
        return static_cast<int>(v.get<double>());
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (!s.empty() && s.size() < 6 && s.find_first_not_of("0123456789") == std::string::npos)
            return std::stoi(s);
    }
    return std::nullopt;
}

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
        o["waiting"] = {{"from", format_date(q.waiting->from)},
                        {"to", format_date(q.waiting->to)},
                        {"days", q.waiting->days}};
    else
        o["waiting"] = nullptr;
    o["category_applied"] = q.category_applied ? ojson(*q.category_applied) : ojson(nullptr);
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

}  // namespace

bool parse_request(std::string_view text, request& out, std::vector<field_error>& errors) {
    const std::size_t before = errors.size();
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        auto where = json_error_position(text);
        errors.push_back({"request", "请求不是有效的JSON，在第" + std::to_string(where.line) + "行第" +
                                         std::to_string(where.column) + "列附近出错。请检查括号、引号和逗号。"});
        return false;
    }
    if (!j.is_object()) {
        errors.push_back({"request", "请求应是一个JSON对象，例如 {\"year\": 2026, \"district\": \"wanzhou\", ...}。"});
        return false;
    }
    auto present = [&](const char* k) { return j.contains(k) && !j[k].is_null(); };
    auto bad = [&](const char* field, const std::string& msg) { errors.push_back({field, msg}); };

    if (!present("year")) bad("year", "请填写参保年度（year），如 2026。");
    else if (auto v = as_int(j["year"])) out.year = *v;
    else bad("year", "参保年度（year）应是整数，如 2026。");

    if (!present("district")) bad("district", "请填写区县（district），如 \"wanzhou\"；其他区县用 \"chongqing\"。");
    else if (j["district"].is_string()) out.district = j["district"].get<std::string>();
    else bad("district", "区县（district）应是文字标识，如 \"wanzhou\"。");

    if (present("person")) {
        const json& p = j["person"];
        std::string s = p.is_string() ? p.get<std::string>() : "";
        if (s == "resident") out.person = person_kind::resident;
        else if (s == "student") out.person = person_kind::student;
        else if (s == "newborn") out.person = person_kind::newborn;
        else bad("person", "参保人（person）只能是 \"resident\"（城乡居民）、\"student\"（在渝高校大学生）或 \"newborn\"（新生儿）。");
    }

    if (present("categories")) {
        const json& c = j["categories"];
        auto add = [&](const json& v) {
            if (v.is_string() && !v.get_ref<const std::string&>().empty()) out.categories.push_back(v.get<std::string>());
            else if (v.is_number_integer()) out.categories.push_back(std::to_string(v.get<long long>()));
            else bad("categories", "资助类别（categories）应是代码文字的数组，如 [\"101\"]。");
        };
        if (c.is_array()) for (const auto& v : c) add(v);
        else add(c);
    }

    if (!present("tier")) bad("tier", "请选择档次（tier）：1 为一档，2 为二档。");
    else if (auto v = as_int(j["tier"])) out.tier = *v;
    else bad("tier", "档次（tier）应是 1 或 2。");

    auto read_date = [&](const char* key, std::optional<date>& dst, const char* what) {
        if (!present(key)) return;
        if (j[key].is_string())
            if (auto d = parse_date(j[key].get<std::string>())) {
                dst = d;
                return;
            }
        bad(key, std::string(what) + "（" + key + "）应是存在的日期，格式 YYYY-MM-DD，如 2026-01-15。");
    };
    read_date("paid_on", out.paid_on, "缴费日期");
    read_date("birth_date", out.birth_date, "出生日期");

    auto read_bool = [&](const char* key, std::optional<bool>& dst, const char* what) {
        if (!present(key)) return;
        if (j[key].is_boolean()) dst = j[key].get<bool>();
        else bad(key, std::string(what) + "（" + key + "）应是 true 或 false。");
    };
    read_bool("continuous", out.continuous, "是否连续参保");
    read_bool("zero_claims_last_year", out.zero_claims_last_year, "上一年度是否零报销");
    read_bool("pays_birth_year", out.pays_birth_year, "是否补缴出生当年");
    read_bool("freshman", out.freshman, "是否大学新生");

    auto read_count = [&](const char* key, std::optional<int>& dst, const char* what) {
        if (!present(key)) return;
        auto v = as_int(j[key]);
        if (v && *v >= 0 && *v <= 100) dst = v;
        else bad(key, std::string(what) + "（" + key + "）应是0到100之间的整数。");
    };
    read_count("break_years", out.break_years, "断保年数");
    read_count("continuous_years", out.continuous_years, "连续参保年数");
    return errors.size() == before;
}

std::string quote_to_json(const quote& q, int indent) { return dump(quote_object(q), indent); }

std::string quote_json(const rule_book& rules, std::string_view request_json, bool with_advice) {
    request req;
    quote q;
    if (!parse_request(request_json, req, q.errors)) return quote_to_json(q, -1);
    q = evaluate(rules, req);
    ojson o = quote_object(q);
    if (with_advice) o["advice"] = advice_json(advise(rules, req, q));
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
                              {"enrollment_opens", info->enrollment_opens},
                              {"centralized_ends", info->centralized_ends},
                              {"coverage_ends", info->coverage_ends},
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
