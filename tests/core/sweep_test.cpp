// Exhaustive sweep: every year and district of the rules catalogue (catalogue_json) × category of
// that year and district (categories_json, and none) × tier × payment day (from a few days before
// enrollment opens to a few days after the coverage year) × break history 0–5.
//
// What each quote must be is worked out here from the rules data and the documents' formulas, not
// from the engine's code: the rules files are read as plain JSON by this test (a district file over
// its year's municipal.json: objects merge, lists replace), the assistance of a category is the one
// the public category list gives (`yibao categories`), and
//   due = personal standard − assistance (assistance at most the standard), never below 0;
//   a late payer outside the exempt categories (late_pricing) pays standard + fiscal subsidy and gets
//   no assistance;
//   the assistance (and so the amount due) is marked estimated exactly when the rules file marks the
//   category "derived"; no sentence of the quote writes a date as YYYY-MM-DD;
//   refused: before enrollment opens, after the last payment day, after the coverage year, or a tier
//   the category has no assistance for; never within the centralized period otherwise; once a day
//   is too late, every later day is too.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/json_api.h"
#include "core/rules.h"
#include "test_support.h"

using namespace yibao;
using json = nlohmann::json;

namespace {

namespace fs = std::filesystem;

date day_of(const json& value) {
    const std::string text = value.get<std::string>();
    int y = 0;
    unsigned m = 0, d = 0;
    EXPECT_EQ(std::sscanf(text.c_str(), "%d-%u-%u", &y, &m, &d), 3) << text;
    return date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}
date plus_days(const date& d, int n) { return date{std::chrono::sys_days{d} + std::chrono::days{n}}; }
int days_from(const date& a, const date& b) { return (std::chrono::sys_days{b} - std::chrono::sys_days{a}).count(); }
std::string text_of(const date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}
money fen(const json& yuan) { return static_cast<money>(std::llround(yuan.get<double>() * 100)); }

json read_json(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

// A district file over the municipal one: objects merge, lists and values replace.
void merge_into(json& base, const json& over) {
    for (const auto& [k, v] : over.items()) {
        if (v.is_object() && base.contains(k) && base[k].is_object())
            merge_into(base[k], v);
        else
            base[k] = v;
    }
}

// The rules folders swept: the project's rules/, and for the fixture sweep also
// tests/rules_fixtures (years that extend a year of rules/).
std::vector<fs::path> sweep_roots = {fs::path(test::source_dir()) / "rules"};

// A year file with what it extends under it ("extends": "chongqing/2026/municipal" names
// <root>/chongqing/2026/municipal.json in one of the roots).
json with_extended(json rules, int depth = 0) {
    if (!rules.contains("extends") || depth > 8) return rules;
    for (const auto& root : sweep_roots) {
        const fs::path base = root / (rules["extends"].get<std::string>() + ".json");
        if (!fs::exists(base)) continue;
        json merged = with_extended(read_json(base), depth + 1);
        merge_into(merged, rules);
        return merged;
    }
    ADD_FAILURE() << "no file for extends " << rules["extends"];
    return rules;
}

// The rules of one year for one district, as the files say: <root>/<jurisdiction>/<year>/municipal.json
// (over what it extends) and <district>.json where the district has one.
json year_rules_json(int year, const std::string& district) {
    for (const auto& root : sweep_roots)
        for (const auto& j : fs::directory_iterator(root)) {
            const fs::path folder = j.path() / std::to_string(year);
            if (!fs::is_directory(folder)) continue;
            json rules = with_extended(read_json(folder / "municipal.json"));
            if (fs::exists(folder / (district + ".json"))) merge_into(rules, read_json(folder / (district + ".json")));
            return rules;
        }
    ADD_FAILURE() << "no folder for " << year;
    return json::object();
}

// What one swept year and district give, from their rules files.
struct year_facts {
    date opens, centralized_ends, coverage_to;
    std::optional<date> last_payment_day;
    money standard[2][2] = {};  // [student][tier - 1]
    money fiscal = 0;
    std::optional<date> late_from;  // late_pricing: from this day on
    bool late_adds_fiscal = false, late_removes_assistance = false;
    std::set<std::string> late_exempt_tags;
    std::map<std::string, std::set<std::string>> tags;  // category code → tags
    std::set<std::string> derived;  // codes whose amounts the file marks "derived" (estimates, not published)
    // A period's first day and the category tags it starts the same day for (石柱 下半年).
    std::vector<std::pair<date, std::set<std::string>>> category_start_days;
};

year_facts facts_of(const json& r) {
    year_facts f;
    f.opens = day_of(r.at("/enrollment/opens/value"_json_pointer));
    f.centralized_ends = day_of(r.at("/enrollment/centralized_ends/value"_json_pointer));
    f.coverage_to = day_of(r.at("/coverage_year/to/value"_json_pointer));
    if (r["enrollment"].contains("last_payment_day"))
        f.last_payment_day = day_of(r["enrollment"]["last_payment_day"]["value"]);
    const char* who[2] = {"resident", "student"};
    for (int s = 0; s < 2; ++s)
        for (int t = 0; t < 2; ++t)
            f.standard[s][t] = fen(r["standards"][who[s]]["tier" + std::to_string(t + 1)]["value"]);
    f.fiscal = fen(r["fiscal_subsidy"]["value"]);
    const json& lp = r.value("late_pricing", json::object());
    if (lp.contains("from")) {
        f.late_from = day_of(lp["from"]["value"]);
        f.late_adds_fiscal = lp.value("adds_fiscal_subsidy", false);
        f.late_removes_assistance = lp.value("removes_assistance", false);
        for (const auto& t : lp.value("exempt_tags", json::array())) f.late_exempt_tags.insert(t.get<std::string>());
    }
    for (const auto& c : r["categories"]) {
        auto& tags = f.tags[c["code"].get<std::string>()];
        for (const auto& t : c.value("tags", json::array())) tags.insert(t.get<std::string>());
        if (c.value("derived", false)) f.derived.insert(c["code"].get<std::string>());
    }
    std::optional<date> previous_to;
    for (const auto& p : r["payment_periods"]) {
        date from = p.contains("from") ? day_of(p["from"]) : previous_to ? plus_days(*previous_to, 1) : f.opens;
        previous_to = day_of(p["to"]);
        std::set<std::string> start_tags;
        for (const auto& cs : p.value("category_starts", json::array()))
            for (const auto& t : cs["tags"]) start_tags.insert(t.get<std::string>());
        if (!start_tags.empty()) f.category_start_days.emplace_back(from, start_tags);
    }
    return f;
}

// A date written YYYY-MM-DD: the JSON fields' form, never in a sentence a resident reads.
bool has_iso_date(const std::string& text) {
    auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    for (std::size_t i = 0; i + 10 <= text.size(); ++i)
        if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && text[i + 4] == '-' && digit(i + 5) &&
            digit(i + 6) && text[i + 7] == '-' && digit(i + 8) && digit(i + 9))
            return true;
    return false;
}

bool iso_date_in_text(const quote& q) {
    for (const auto& e : q.explanation)
        if (has_iso_date(e.text)) return true;
    for (const auto& n : q.notes)
        if (has_iso_date(n)) return true;
    for (const auto& e : q.errors)
        if (has_iso_date(e.message)) return true;
    return q.estimated && has_iso_date(q.estimated->text);
}

bool shares_a_tag(const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& t) { return b.count(t) > 0; });
}

// A category as the public list gives it (categories_json, what `yibao categories` prints).
struct listed_category {
    std::string code;
    bool students_only = false;
    bool allowed[2] = {true, true};
    money assistance[2] = {0, 0};
    std::optional<date> valid_from, valid_to;
};

std::vector<listed_category> listed_categories(const rule_book& book, int year, const std::string& district) {
    std::vector<listed_category> out;
    for (const auto& c : json::parse(categories_json(book, year, district))) {
        listed_category l;
        l.code = c["code"].get<std::string>();
        l.students_only = c["students_only"].get<bool>();
        for (int t = 0; t < 2; ++t) {
            const std::string k = "tier" + std::to_string(t + 1);
            l.allowed[t] = c[k + "_allowed"].get<bool>();
            if (l.allowed[t]) l.assistance[t] = fen(c[k + "_assistance"]);
        }
        if (c["valid_from"].is_string()) l.valid_from = day_of(c["valid_from"]);
        if (c["valid_to"].is_string()) l.valid_to = day_of(c["valid_to"]);
        out.push_back(l);
    }
    return out;
}

}  // namespace

// only_years: sweep just these years (empty: every year of the catalogue); a district without a
// file of its own for the year is then swept only as the first and the last such district (they
// all stand on the municipal rules).
static void sweep_over(const std::shared_ptr<const rule_book>& book, const std::set<int>& only_years = {}) {
    ASSERT_TRUE(book);
    const auto started = std::chrono::steady_clock::now();
    long evaluated = 0, refused = 0, violations = 0;

    // Years and districts from the catalogue: every district with rules of its own, and the first and
    // the last of the others, which all stand on the municipal rules.
    const json catalogue = json::parse(catalogue_json(*book));
    std::vector<int> year_list;
    for (const auto& y : catalogue["years"])
        if (only_years.empty() || only_years.count(y["year"].get<int>())) year_list.push_back(y["year"].get<int>());
    std::vector<std::string> district_ids, municipal_ones;
    for (const auto& d : catalogue["districts"])
        (d["own_rules_years"].empty() ? municipal_ones : district_ids).push_back(d["id"].get<std::string>());
    ASSERT_FALSE(year_list.empty());
    ASSERT_FALSE(municipal_ones.empty());
    district_ids.push_back(municipal_ones.front());
    if (municipal_ones.size() > 1) district_ids.push_back(municipal_ones.back());

    std::string where;
    auto violation = [&](const request& r, const quote& q, const std::string& what) {
        if (++violations <= 20)
            ADD_FAILURE() << what << ": " << where << " tier " << r.tier << " paid " << text_of(*r.paid_on)
                          << " breaks " << r.break_years.value_or(0) << "\n"
                          << quote_to_json(q, -1);
    };
    for (int year : year_list) {
        std::vector<std::string> swept = district_ids;
        if (!only_years.empty()) {
            std::vector<std::string> own, others;
            for (const auto& d : catalogue["districts"]) {
                const auto& years = d["own_rules_years"];
                (std::find(years.begin(), years.end(), year) != years.end() ? own : others)
                    .push_back(d["id"].get<std::string>());
            }
            swept = own;
            if (!others.empty()) swept.push_back(others.front());
            if (others.size() > 1) swept.push_back(others.back());
        }
        for (const auto& district : swept) {
            const year_facts y = facts_of(year_rules_json(year, district));
            std::vector<listed_category> cats = listed_categories(*book, year, district);
            cats.insert(cats.begin(), listed_category{});  // no category
            for (const auto& cat : cats) {
                const bool student = cat.students_only;
                std::set<std::string> tags;
                if (!cat.code.empty()) {
                    auto in_file = y.tags.find(cat.code);
                    if (in_file == y.tags.end()) {
                        ADD_FAILURE() << "category " << cat.code << " of " << year << " " << district
                                      << " is listed but not in its rules files";
                        continue;
                    }
                    tags = in_file->second;
                }
                for (int tier = 1; tier <= 2; ++tier) {
                    const money standard = y.standard[student][tier - 1];
                    for (int breaks = 0; breaks <= 5; ++breaks) {
                        where = "year " + std::to_string(year) + " " + district + " cat " +
                                (cat.code.empty() ? "-" : cat.code) + (student ? " (student)" : "");
                        request r;
                        r.year = year;
                        r.district = district;
                        r.person = student ? person_kind::student : person_kind::resident;
                        if (!cat.code.empty()) r.categories = {cat.code};
                        r.tier = tier;
                        r.continuous = breaks == 0;
                        if (breaks) r.break_years = breaks;
                        std::optional<date> previous_start;
                        bool too_late = false;
                        for (date d = plus_days(y.opens, -3); d <= plus_days(y.coverage_to, 3); d = plus_days(d, 1)) {
                            r.paid_on = d;
                            quote q = evaluate(*book, r);
                            ++evaluated;
                            if (iso_date_in_text(q)) violation(r, q, "a YYYY-MM-DD date in a sentence");
                            const bool tier_refused = !cat.code.empty() && !cat.allowed[tier - 1];
                            const bool early = d < y.opens;
                            const bool late_past = (y.last_payment_day && d > *y.last_payment_day) || d > y.coverage_to;
                            const bool centralized = d >= y.opens && d <= y.centralized_ends;
                            auto has_error = [&](const char* field) {
                                return std::any_of(q.errors.begin(), q.errors.end(),
                                                   [&](const field_error& e) { return e.field == field; });
                            };
                            if (!q.ok) {
                                ++refused;
                                if (q.errors.empty() ||
                                    std::any_of(q.errors.begin(), q.errors.end(),
                                                [](const field_error& e) { return e.message.empty(); }))
                                    violation(r, q, "refused without a reason");
                                if ((early || late_past) && !has_error("paid_on"))
                                    violation(r, q, "refused, but not for the payment day outside enrollment");
                                else if (!early && !late_past && !tier_refused && !has_error("paid_on"))
                                    violation(r, q, "refused for something else than a late payment day");
                                if (centralized && !tier_refused)
                                    violation(r, q, "refused within the centralized period");
                                if (!early && has_error("paid_on")) too_late = true;
                                if (q.estimated) violation(r, q, "a refused quote marks an estimate");
                                previous_start.reset();
                                continue;
                            }
                            if (early || late_past) violation(r, q, "quoted a payment outside enrollment");
                            if (tier_refused) violation(r, q, "quoted a tier the category gives no assistance for");
                            if (too_late) violation(r, q, "quoted a day after an earlier day was too late");

                            // The price, from the rules data and the documents' formula.
                            const bool late = y.late_from && d >= *y.late_from;
                            const bool in_window = !cat.code.empty() && (!cat.valid_from || d >= *cat.valid_from) &&
                                                   (!cat.valid_to || d <= *cat.valid_to);
                            const bool exempt = in_window && shares_a_tag(tags, y.late_exempt_tags);
                            const money surcharge = late && !exempt && y.late_adds_fiscal ? y.fiscal : 0;
                            const bool assisted = in_window && !(late && !exempt && y.late_removes_assistance);
                            const money assistance = assisted ? std::min(cat.assistance[tier - 1], standard) : 0;
                            const money due = standard + surcharge - assistance;
                            if (q.personal_standard != standard)
                                violation(r, q, "personal standard is not the rules file's");
                            if (q.surcharge != surcharge) violation(r, q, "surcharge is not late_pricing's");
                            if (q.fiscal_subsidy != (surcharge ? 0 : y.fiscal))
                                violation(r, q, "fiscal subsidy is not the rules file's");
                            if (q.assistance != assistance) violation(r, q, "assistance is not the category list's");
                            if (q.due != due) violation(r, q, "due is not standard + surcharge - assistance");
                            if (q.due < 0) violation(r, q, "due < 0");
                            // An amount is an estimate exactly when the assistance applied is a category's
                            // that the rules file marks derived (渝医保发〔2025〕42号 publishes no 2026 amounts).
                            if (q.estimated.has_value() != (assistance > 0 && y.derived.count(cat.code) > 0))
                                violation(r, q, "estimated is not the rules file's derived mark");
                            if (q.category_applied !=
                                (assistance > 0 ? std::optional<std::string>(cat.code) : std::nullopt))
                                violation(r, q, "category applied is not the one that gives the assistance");

                            // Coverage.
                            if (!q.coverage_start || !q.coverage_end) {
                                violation(r, q, "no coverage dates");
                                continue;
                            }
                            if (*q.coverage_start < d && !centralized)
                                violation(r, q, "coverage starts before payment outside the centralized period");
                            // A later payment may start coverage earlier only on the first day of a period
                            // that starts this category the same day (石柱 下路街道发〔2024〕78号 三（三）1).
                            const bool documented_jump = std::any_of(
                                y.category_start_days.begin(), y.category_start_days.end(),
                                [&](const auto& p) { return p.first == d && shares_a_tag(tags, p.second); });
                            if (previous_start && *q.coverage_start < *previous_start && !documented_jump)
                                violation(r, q, "a later payment gives an earlier start");
                            if (*q.coverage_end != y.coverage_to || q.coverage_end->month() != std::chrono::December ||
                                q.coverage_end->day() != std::chrono::day{31} ||
                                static_cast<int>(q.coverage_end->year()) != year)
                                violation(r, q, "coverage_end is not the last day of the coverage year");
                            if (*q.coverage_start > *q.coverage_end) violation(r, q, "start after end");
                            if (q.waiting && (days_from(q.waiting->from, q.waiting->to) + 1 != q.waiting->days ||
                                              plus_days(q.waiting->to, 1) != *q.coverage_start))
                                violation(r, q, "waiting days do not match its dates or the start");
                            previous_start = q.coverage_start;
                        }
                    }
                }
            }
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "[ sweep    ] " << evaluated << " quotes evaluated over " << year_list.size() << " years and "
              << district_ids.size() << " districts (" << refused << " refused as the rules require) in " << seconds
              << " s, " << violations << " violations\n";
    EXPECT_EQ(violations, 0);
    EXPECT_GT(evaluated, only_years.empty() ? 1000000 : 100000 * static_cast<long>(only_years.size()));
}

TEST(sweep, every_answer_is_what_the_rules_data_and_the_documents_give) {
    sweep_roots = {fs::path(test::source_dir()) / "rules"};
    sweep_over(test::project_rules());
}

// The same over rules/ and the fixture years of tests/rules_fixtures (2027 as if its notice kept
// 2026's figures, a fictional 2099 with other standards and periods): years a maintainer adds as
// data only are swept like the others, with no change to this test.
TEST(sweep, fixture_years_that_extend_a_year_are_swept_alike) {
    sweep_roots = {fs::path(test::source_dir()) / "rules", fs::path(test::source_dir()) / "tests/rules_fixtures"};
    auto loaded = load_rules_texts(test::rule_files_with_fixtures());
    ASSERT_TRUE(loaded.book) << (loaded.errors.empty() ? "" : loaded.errors.front().to_string());
    // The years of rules/ are swept by the test above; here the fixture years.
    std::set<int> fixture_years;
    for (int y : years(*loaded.book))
        if (!fs::is_directory(fs::path(test::source_dir()) / "rules/chongqing" / std::to_string(y)))
            fixture_years.insert(y);
    ASSERT_EQ(fixture_years.size(), 2u) << "tests/rules_fixtures: 2027 and 2099";
    sweep_over(loaded.book, fixture_years);
    sweep_roots = {fs::path(test::source_dir()) / "rules"};
}

// Newborns (policy audit findings 1, 4, 5): every birth day from September of the year before to
// the end of the coverage year (every third day), paid on every day from the birth to the end of
// the year, in a district with its own newborn-relevant rules (石柱, 垫江) and on the municipal
// rules. What the quote must be, from the documents and the policy notes:
//   - paying one day later never covers from an earlier day (no category: no 即参即保 jump);
//   - born the year before, not paying the birth year: never covered before a resident paying the
//     same day (within the window after birth: the continuous payer, as the notes' example; after
//     it: a resident who says nothing of continuity, i.e. not covered the year before, one break
//     year), and after the window never before 002 三（五）3、4 "从足额缴费后90日起" (payment + 91 days);
//   - a quote that shows a waiting period says nowhere that there is none (its notes may quote the
//     policy notes' words “无等待期” to explain why they are not applied);
//   - a waiting period of 90 days from the day after payment comes with the year's sentence on the
//     later of the two readings (002 "足额缴费后90日起", 004 "满90日后"), policy notes "When
//     coverage starts".
TEST(sweep, newborns_are_never_covered_before_what_the_documents_allow) {
    auto book = test::project_rules();
    ASSERT_TRUE(book);
    long evaluated = 0, compared = 0, violations = 0;
    auto violation = [&](const request& r, const quote& q, const std::string& what) {
        if (++violations <= 20)
            ADD_FAILURE() << what << ": " << r.year << " " << r.district << " born " << text_of(*r.birth_date)
                          << " paid " << text_of(*r.paid_on) << "\n"
                          << quote_to_json(q, -1);
    };
    auto says = [](const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; };
    for (int year : {2025, 2026}) {
        // /waiting/later_reading names a reading of /readings by its point; the engine shows its words.
        const json municipal = year_rules_json(year, "chongqing");
        const std::string point = municipal.at("waiting").value("later_reading", std::string());
        EXPECT_FALSE(point.empty()) << year << ": no /waiting/later_reading";
        std::string later_reading;
        for (const auto& reading : municipal.at("readings"))
            if (reading.at("point") == point) later_reading = reading.at("reading").get<std::string>();
        EXPECT_FALSE(later_reading.empty()) << year << ": no reading with the point " << point;
        const date first_birth{std::chrono::year{year - 1}, std::chrono::September, std::chrono::day{1}};
        const date year_end{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
        for (const std::string district : {"chongqing", "shizhu", "dianjiang"}) {
            for (date birth = first_birth; birth <= year_end; birth = plus_days(birth, 3)) {
                const bool born_last_year = static_cast<int>(birth.year()) == year - 1;
                std::optional<date> previous_start;
                for (date paid = birth; paid <= year_end; paid = plus_days(paid, 1)) {
                    request r;
                    r.year = year;
                    r.district = district;
                    r.person = person_kind::newborn;
                    r.tier = 1;
                    r.birth_date = birth;
                    r.paid_on = paid;
                    const quote q = evaluate(*book, r);
                    ++evaluated;
                    if (!q.ok) continue;
                    const date start = *q.coverage_start;
                    if (previous_start && start < *previous_start)
                        violation(r, q, "paying later covers from an earlier day");
                    previous_start = start;
                    const bool within = days_from(birth, paid) <= 90;
                    if (born_last_year) {
                        request resident = r;
                        resident.person = person_kind::resident;
                        resident.birth_date.reset();
                        if (within)
                            resident.continuous = true;
                        else
                            resident.break_years = 1;
                        const quote rq = evaluate(*book, resident);
                        if (rq.ok) {
                            ++compared;
                            if (start < *rq.coverage_start)
                                violation(r, q, "covered before a resident paying that day");
                        }
                        if (!within && start < plus_days(paid, 91))
                            violation(r, q, "after the window: covered before 90 days from the day after payment");
                    }
                    if (q.waiting) {
                        for (const auto& line : q.explanation)
                            if (says(line.text, "没有等待期") || says(line.text, "无等待期") ||
                                says(line.text, "不设参保缴费后的固定待遇等待期"))
                                violation(r, q, "a waiting period, and an explanation that says there is none");
                        for (std::string note : q.notes) {
                            for (std::size_t at; (at = note.find("“无等待期”")) != std::string::npos;)
                                note.erase(at, std::string("“无等待期”").size());
                            if (says(note, "没有等待期") || says(note, "无等待期"))
                                violation(r, q, "a waiting period, and a note that says there is none");
                        }
                        if (q.waiting->from == plus_days(paid, 1) && q.waiting->to == plus_days(paid, 90) &&
                            std::none_of(q.explanation.begin(), q.explanation.end(),
                                         [&](const explanation_line& l) { return l.text == later_reading; }))
                            violation(r, q, "90 days without the sentence on the later reading");
                    }
                }
            }
        }
    }
    std::cout << "[ sweep    ] " << evaluated << " newborn quotes, " << compared << " compared with a resident, "
              << violations << " violations\n";
    EXPECT_EQ(violations, 0);
    EXPECT_GT(compared, 10000);
}
