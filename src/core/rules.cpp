#include "core/rules.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "core/dates.h"
#include "core/format.h"
#include "core/rule_model.h"
#include "core/vocabulary.h"

namespace yibao {

using json = nlohmann::json;

std::string rules_error::to_string() const {
    std::string s = file;
    if (!path.empty()) s += ": " + path;
    return s + ": " + message;
}

bool category::has_tag(const std::string& tag) const { return std::find(tags.begin(), tags.end(), tag) != tags.end(); }

bool category::allows(person_kind p) const {
    return persons.empty() || std::find(persons.begin(), persons.end(), p) != persons.end();
}

bool category::valid_on(const date& paid) const {
    return (!valid_from || paid >= *valid_from) && (!valid_to || paid <= *valid_to);
}

const tier_assistance& category::tier_rule(person_kind p, int tier) const {
    if (p == person_kind::student && student_tiers) return (*student_tiers)[tier - 1];
    return tiers[tier - 1];
}

const category* year_rules::find_category(const std::string& code_or_name) const {
    for (const auto& c : categories)
        if (c.code == code_or_name) return &c;
    for (const auto& c : categories)
        if (c.name == code_or_name) return &c;
    return nullptr;
}

const payment_period* year_rules::period_on(const date& paid) const {
    for (const auto& p : periods)
        if (paid >= p.from && paid <= p.to) return &p;
    return nullptr;
}

const sourced<money>& year_rules::standard(person_kind p, int tier) const {
    return standards[p == person_kind::student ? 1 : 0][tier == 2 ? 1 : 0];
}

money year_rules::assistance(const category& c, person_kind p, int tier) const {
    const tier_assistance& t = c.tier_rule(p, tier);
    switch (t.kind) {
        case assist_kind::fixed:
            return t.fixed;
        case assist_kind::percent_of_tier1:
            return standard(p, 1).value * t.percent / 100;
        case assist_kind::percent_of_tier2:
            return standard(p, 2).value * t.percent / 100;
        case assist_kind::not_allowed:
            return 0;
    }
    return 0;
}

bool district_entry::named(std::string_view id_or_name) const {
    return id == id_or_name || name == id_or_name ||
           std::find(aliases.begin(), aliases.end(), id_or_name) != aliases.end();
}

const district_entry* rule_book::find_district(std::string_view id_or_name) const {
    for (const auto& d : district_list)
        if (d.named(id_or_name)) return &d;
    return nullptr;
}

const year_rules* rule_book::find(int year, const std::string& district, bool* own_file) const {
    if (own_file) *own_file = false;
    const district_entry* d = find_district(district);
    if (auto it = by_year.find({year, d ? d->id : district}); it != by_year.end()) {
        if (own_file) *own_file = true;
        return &it->second;
    }
    if (auto it = by_year.find({year, "municipal"}); it != by_year.end()) return &it->second;
    return nullptr;
}

namespace {

// ---------------------------------------------------------------- merging with provenance

// Which file each JSON pointer of a merged document came from.
struct provenance {
    std::string base_file;
    std::map<std::string, std::string> overrides;

    std::string file_of(std::string pointer) const {
        while (true) {
            if (auto it = overrides.find(pointer); it != overrides.end()) return it->second;
            auto slash = pointer.rfind('/');
            if (slash == std::string::npos || pointer.empty()) return base_file;
            pointer.erase(slash);
        }
    }
};

// Objects merge key by key; anything else (arrays included) is replaced whole.
void merge_into(json& base, const json& overlay, const std::string& pointer, const std::string& overlay_file,
                provenance& prov) {
    for (auto it = overlay.begin(); it != overlay.end(); ++it) {
        std::string child = pointer + "/" + it.key();
        if (base.contains(it.key()) && base[it.key()].is_object() && it.value().is_object()) {
            merge_into(base[it.key()], it.value(), child, overlay_file, prov);
        } else {
            base[it.key()] = it.value();
            // What the overlay replaced whole is its own below, too (an override recorded there
            // by an earlier layer no longer holds).
            for (auto o = prov.overrides.lower_bound(child + "/");
                 o != prov.overrides.end() && o->first.rfind(child + "/", 0) == 0;)
                o = prov.overrides.erase(o);
            prov.overrides[child] = overlay_file;
        }
    }
}

// ---------------------------------------------------------------- limits

// Sanity limits, not policy figures. The shipped rules hold a handful of files of at most ~30 KB,
// nested 6 levels, with amounts up to ~1,100 yuan and periods of days and months; these limits
// only stop a wrong path (`yibao rules check /`) or a crafted file from reading, recursing or
// allocating without end, and keep every sum and product the engine forms inside its integers.
constexpr std::size_t max_rules_files = 1000;             // *.json files read from one folder tree
constexpr std::size_t max_rules_file_bytes = 4u << 20;    // 4 MB per file
constexpr std::size_t max_rules_total_bytes = 64u << 20;  // 64 MB read from one folder tree
constexpr int max_folder_depth = 16;                      // folders below the rules folder
constexpr std::size_t max_folder_entries = 100000;        // folder entries looked at in all
constexpr std::size_t max_json_depth = 64;                // nesting of objects and arrays in a file
constexpr std::size_t max_reported_problems = 100;        // duplicate keys / folder problems reported
// Every money amount: at most 1,000,000 yuan (10^8 fen). With it, standard + subsidy,
// percent × standard and years × raise stay far inside int64 fen.
constexpr std::int64_t max_amount_yuan = 1000000;

// The range of each kind of integer in the rules (checked on the 64-bit value, before narrowing).
// With these, no integer the engine derives from validated rules can overflow an int.
struct int_range {
    std::int64_t lo;
    std::int64_t hi;
    const char* what;
};
constexpr int_range no_range{0, -1, "no integer allowed here"};      // value<T> for T != int
constexpr int_range year_range{1900, 2200, "a year"};                // year, counting_from_year
constexpr int_range days_range{0, 3660, "days"};                     // waiting and newborn windows
constexpr int_range months_range{0, 120, "months"};                  // waiting months
constexpr int_range percent_range{0, 100, "a percent"};              // percent_of_tier1/2
constexpr int_range years_count_range{0, 200, "a number of years"};  // continuous_years_threshold

// ---------------------------------------------------------------- typed reading with errors

// What a source may cite: the documents of the file (with a district file's or an extended
// file's, see build), and the readings of the year by their point (as they read in a citation).
struct cite_context {
    struct reading_words {
        std::string cited;  // the words shown where a source cites it (cited_as, else reading)
        std::string text;   // the reading itself
    };
    std::set<std::string> documents;
    std::map<std::string, reading_words> readings;   // point → words, of the file's /readings
    std::map<std::string, reading_words> inherited;  // the municipal file's, under a district file
    bool readings_read = false;                      // false while the readings' own sources are read
    bool check_documents = true;

    const reading_words* find(const std::string& point) const {
        if (auto it = readings.find(point); it != readings.end()) return &it->second;
        if (auto it = inherited.find(point); it != inherited.end()) return &it->second;
        return nullptr;
    }
};

// point → words of a /readings list (as JSON), for cite_context.
std::map<std::string, cite_context::reading_words> reading_words_of(const json& readings) {
    std::map<std::string, cite_context::reading_words> out;
    if (!readings.is_array()) return out;
    for (const auto& r : readings)
        if (r.is_object() && r.contains("point") && r["point"].is_string() && r.contains("reading") &&
            r["reading"].is_string()) {
            const std::string text = r["reading"].get<std::string>();
            const std::string cited =
                r.contains("cited_as") && r["cited_as"].is_string() ? r["cited_as"].get<std::string>() : text;
            out.emplace(r["point"].get<std::string>(), cite_context::reading_words{cited, text});
        }
    return out;
}

// The words a document entry is shown with: its number, and the calculator's remark in brackets.
std::string document_shown(const json& d) {
    std::string s = d.value("number", std::string());
    if (d.contains("remark") && d["remark"].is_string()) s += "（" + d["remark"].get<std::string>() + "）";
    return s;
}

struct reader {
    const provenance& prov;
    std::vector<rules_error>& errors;
    cite_context* cites = nullptr;

    void fail(const std::string& pointer, const std::string& message) {
        errors.push_back({prov.file_of(pointer), pointer.empty() ? "/" : pointer, message});
    }

    void allow_keys(const json& obj, const std::string& ptr, std::initializer_list<const char*> keys) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool known = std::any_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; });
            if (!known) fail(ptr + "/" + it.key(), "unknown field \"" + it.key() + "\"");
        }
    }

    const json* member(const json& obj, const std::string& ptr, const char* key, bool required, json::value_t type) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(ptr + "/" + key, "missing field \"" + std::string(key) + "\"");
            return nullptr;
        }
        bool ok = it->type() == type || (type == json::value_t::number_float && it->is_number()) ||
                  (type == json::value_t::number_integer && it->is_number_integer());
        if (!ok) {
            fail(ptr + "/" + key,
                 "wrong type: expected " + type_name(type) + ", found " + std::string(it->type_name()));
            return nullptr;
        }
        return &*it;
    }

    static std::string type_name(json::value_t t) {
        switch (t) {
            case json::value_t::object:
                return "object";
            case json::value_t::array:
                return "array";
            case json::value_t::string:
                return "string";
            case json::value_t::boolean:
                return "boolean";
            case json::value_t::number_integer:
                return "integer";
            default:
                return "number";
        }
    }

    std::optional<std::string> string(const json& obj, const std::string& ptr, const char* key, bool required) {
        const json* v = member(obj, ptr, key, required, json::value_t::string);
        if (!v) return std::nullopt;
        if (v->get_ref<const std::string&>().empty()) {
            fail(ptr + "/" + key, "empty string");
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    std::optional<date> plain_date(const json& obj, const std::string& ptr, const char* key, bool required) {
        auto s = string(obj, ptr, key, required);
        if (!s) return std::nullopt;
        auto d = parse_date(*s);
        if (!d) fail(ptr + "/" + key, "not a date (YYYY-MM-DD): \"" + *s + "\"");
        return d;
    }

    std::optional<bool> boolean(const json& obj, const std::string& ptr, const char* key, bool required) {
        const json* v = member(obj, ptr, key, required, json::value_t::boolean);
        return v ? std::optional<bool>(v->get<bool>()) : std::nullopt;
    }

    // An amount of yuan → fen: finite, not negative (not even -0.0), at most max_amount_yuan, and
    // whole fen. Integers are judged on the 64-bit value nlohmann holds, floats before scaling.
    std::optional<money> yuan(const json& v, const std::string& ptr) {
        const std::string as_written = v.dump();
        auto bad = [&](const std::string& why) {
            fail(ptr, "amount " + why + ": " + as_written + " (an amount is yuan from 0 to " +
                          std::to_string(max_amount_yuan) + ", at most 2 decimals)");
            return std::nullopt;
        };
        if (v.is_number_unsigned()) {
            if (v.get<std::uint64_t>() > static_cast<std::uint64_t>(max_amount_yuan)) return bad("is too large");
            return static_cast<money>(v.get<std::uint64_t>()) * 100;
        }
        if (v.is_number_integer()) {
            const std::int64_t i = v.get<std::int64_t>();
            if (i < 0) return bad("must be non-negative");
            if (i > max_amount_yuan) return bad("is too large");
            return static_cast<money>(i) * 100;
        }
        if (!v.is_number_float()) return bad("is not a number");
        const double d = v.get<double>();
        if (!std::isfinite(d)) return bad("is not a finite number");
        if (std::signbit(d)) return bad("must be non-negative");
        if (d > static_cast<double>(max_amount_yuan)) return bad("is too large");
        const double fen = d * 100.0;
        if (std::abs(fen - std::round(fen)) > 1e-6) return bad("has fractions of a fen");
        return static_cast<money>(std::llround(fen));
    }

    // An integer, range-checked on the 64-bit value nlohmann holds BEFORE narrowing to int:
    // get<int>() would keep the low 32 bits (4294967346 → 50) without a word.
    std::optional<int> integer(const json& v, const std::string& ptr, const int_range& range) {
        if (!v.is_number_integer()) {
            fail(ptr, "wrong type: expected integer, found " +
                          std::string(v.is_number_float() ? "a number with a fraction or exponent" : v.type_name()));
            return std::nullopt;
        }
        const bool in_range =
            v.is_number_unsigned()
                ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(range.hi) &&
                      (range.lo <= 0 || v.get<std::uint64_t>() >= static_cast<std::uint64_t>(range.lo))
                : v.get<std::int64_t>() >= range.lo && v.get<std::int64_t>() <= range.hi;
        if (!in_range) {
            fail(ptr, "out of range: " + v.dump() + " (" + range.what + ": " + std::to_string(range.lo) + ".." +
                          std::to_string(range.hi) + ")");
            return std::nullopt;
        }
        return static_cast<int>(v.get<std::int64_t>());
    }

    // A source: one citation or a list of them, written back as the one line the quotes and the
    // page show ("渝医保发〔2025〕42号 一“至2026年2月底”"; parts joined by "；" or their sep).
    // A citation is {document, clause?, quote?, remark?, label?, sep?}; {reading, label?, sep?}
    // names a reading of this year by its point and shows its words (cited_as, else reading).
    std::optional<std::string> source(const json& obj, const std::string& ptr, bool required,
                                      const char* key = "source") {
        const std::string p = ptr + "/" + key;
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(p, "missing field \"" + std::string(key) + "\"");
            return std::nullopt;
        }
        if (!it->is_object() && !it->is_array()) {
            fail(p, "wrong type: expected a citation {\"document\", \"clause\", \"quote\"} or a list of them, found " +
                        std::string(it->type_name()) + " (docs/rules.md, \"Sources\")");
            return std::nullopt;
        }
        if (it->is_array() && it->empty()) {
            fail(p, "empty list: a source needs at least one citation");
            return std::nullopt;
        }
        const std::size_t n = it->is_array() ? it->size() : 1;
        std::string out;
        bool ok = true;
        for (std::size_t i = 0; i < n; ++i) {
            const json& part = it->is_array() ? (*it)[i] : *it;
            const std::string q = it->is_array() ? p + "/" + std::to_string(i) : p;
            if (!part.is_object()) {
                fail(q, "wrong type: expected a citation object");
                ok = false;
                continue;
            }
            allow_keys(part, q, {"document", "clause", "quote", "remark", "label", "sep", "reading"});
            std::string text = string(part, q, "label", false).value_or("");
            auto sep = string(part, q, "sep", false);
            if (sep && i == 0) fail(q + "/sep", "the first citation of a source has no separator");
            if (sep && *sep != "；" && *sep != "。" && *sep != "、")
                fail(q + "/sep", "unknown separator \"" + *sep + "\" (；, 。 or 、; leave it out for ；)");
            if (part.contains("reading")) {
                for (const char* other : {"document", "clause", "quote", "remark"})
                    if (part.contains(other))
                        fail(q + "/" + other, "a citation of a reading names the reading only (its point)");
                auto point = string(part, q, "reading", true);
                if (!point) {
                    ok = false;
                    continue;
                }
                if (!cites || !cites->readings_read) {
                    fail(q + "/reading", "a reading's own source cites documents, not readings");
                    ok = false;
                    continue;
                }
                const auto* found = cites->find(*point);
                if (!found) {
                    fail(q + "/reading", "no reading with the point \"" + *point + "\" in /readings");
                    ok = false;
                    continue;
                }
                text += found->cited;
            } else {
                auto document = string(part, q, "document", true);
                if (!document) {
                    ok = false;
                    continue;
                }
                if (cites && cites->check_documents && !cites->documents.count(*document)) {
                    fail(q + "/document", "document \"" + *document +
                                              "\" is not in this file's /documents (list it there: number, issuer, "
                                              "title, seed)");
                    ok = false;
                }
                text += *document;
                if (auto clause = string(part, q, "clause", false))
                    text += (clause->rfind("（", 0) == 0 ? "" : " ") + *clause;
                if (auto qt = part.find("quote"); qt != part.end()) {
                    if (qt->is_string() && !qt->get_ref<const std::string&>().empty()) {
                        text += "“" + qt->get<std::string>() + "”";
                    } else if (qt->is_array() && !qt->empty()) {
                        for (std::size_t k = 0; k < qt->size(); ++k) {
                            if ((*qt)[k].is_string() && !(*qt)[k].get_ref<const std::string&>().empty())
                                text += "“" + (*qt)[k].get<std::string>() + "”";
                            else
                                fail(q + "/quote/" + std::to_string(k), "wrong type: expected a non-empty string");
                        }
                    } else {
                        fail(q + "/quote", "wrong type: expected the quoted words (a string or a list of strings)");
                    }
                }
                text += string(part, q, "remark", false).value_or("");
            }
            out += (i == 0 ? "" : sep.value_or("；")) + text;
        }
        if (!ok) return std::nullopt;
        return out;
    }

    // A field that names a reading of /readings by its point ("later_reading": "90日等待期的起算"):
    // the reading's text, which the engine shows when the outcome it explains applies.
    std::optional<std::string> reading_named(const json& obj, const std::string& ptr, const char* key) {
        auto point = string(obj, ptr, key, false);
        if (!point) return std::nullopt;
        const auto* found = cites ? cites->find(*point) : nullptr;
        if (!found) {
            fail(ptr + "/" + key, "no reading with the point \"" + *point +
                                      "\" in /readings (the calculator's readings live there; name one by its point)");
            return std::nullopt;
        }
        return found->text;
    }

    // {"value": ..., "source": "..."}: every policy figure carries its reference.
    // range: for T = int only (every integer in the rules has one).
    template <class T>
    std::optional<sourced<T>> value(const json& obj, const std::string& ptr, const char* key, bool required,
                                    const int_range& range = no_range) {
        const json* v = member(obj, ptr, key, required, json::value_t::object);
        if (!v) return std::nullopt;
        std::string p = ptr + "/" + key;
        allow_keys(*v, p, {"value", "source"});
        auto source = this->source(*v, p, true);
        sourced<T> out;
        if constexpr (std::is_same_v<T, date>) {
            auto d = plain_date(*v, p, "value", true);
            if (!d) return std::nullopt;
            out.value = *d;
        } else if constexpr (std::is_same_v<T, money>) {
            const json* n = member(*v, p, "value", true, json::value_t::number_float);
            if (!n) return std::nullopt;
            auto m = yuan(*n, p + "/value");
            if (!m) return std::nullopt;
            out.value = *m;
        } else if constexpr (std::is_same_v<T, int>) {
            const json* n = member(*v, p, "value", true, json::value_t::number_integer);
            if (!n) return std::nullopt;
            auto i = integer(*n, p + "/value", range);
            if (!i) return std::nullopt;
            out.value = *i;
        } else {
            auto b = boolean(*v, p, "value", true);
            if (!b) return std::nullopt;
            out.value = *b;
        }
        if (!source) return std::nullopt;
        out.source = *source;
        return out;
    }

    std::optional<text_ref> text(const json& obj, const std::string& ptr, const char* key, bool required,
                                 const char* text_key = "text") {
        const json* v = member(obj, ptr, key, required, json::value_t::object);
        if (!v) return std::nullopt;
        return text_object(*v, ptr + "/" + key, text_key);
    }

    std::optional<text_ref> text_object(const json& v, const std::string& p, const char* text_key = "text") {
        if (!v.is_object()) {
            fail(p, "wrong type: expected object");
            return std::nullopt;
        }
        allow_keys(v, p, {text_key, "source", "applies_to"});
        auto t = string(v, p, text_key, true);
        auto s = source(v, p, true);
        auto when = applies(v, p);
        if (!t || !s) return std::nullopt;
        return text_ref{*t, *s, std::move(when)};
    }

    // "applies_to": which requests a note or reading concerns. Its form is checked here; the
    // districts, categories and periods it names are checked against the year's rules once the
    // whole year is read (check_applies_to).
    applies_to applies(const json& obj, const std::string& ptr) {
        applies_to a;
        const json* v = member(obj, ptr, "applies_to", false, json::value_t::object);
        if (!v) return a;
        const std::string p = ptr + "/applies_to";
        a.pointer = p;
        allow_keys(*v, p,
                   {"persons", "districts", "categories", "category_tags", "periods", "paid", "born", "continuous",
                    "within_newborn_window", "answers"});
        if (v->empty()) fail(p, "empty: leave applies_to out for a note that concerns every request");
        auto list = [&](const char* key) {
            auto out = string_list(*v, p, key);
            if (auto it = v->find(key); it != v->end() && it->is_array() && it->empty())
                fail(p + "/" + key,
                     "empty list: it would concern no request (leave the key out to mean every request)");
            return out;
        };
        for (const auto& who : list("persons")) {
            const auto* known = std::find_if(std::begin(vocab::persons), std::end(vocab::persons),
                                             [&](const vocab::person_name& n) { return n.id == who; });
            if (known != std::end(vocab::persons))
                a.persons.push_back(known->kind);
            else
                fail(p + "/persons", "unknown person \"" + who + "\" (resident, student, newborn)");
        }
        a.districts = list("districts");
        a.categories = list("categories");
        a.category_tags = list("category_tags");
        for (const auto& tag : a.category_tags)
            if (tag != "low_income" && tag != "tuopin")
                fail(p + "/category_tags", "unknown tag \"" + tag + "\" (low_income, tuopin)");
        a.periods = list("periods");
        auto range = [&](const char* key, std::optional<date>& from, std::optional<date>& to) {
            const json* o = member(*v, p, key, false, json::value_t::object);
            if (!o) return;
            const std::string q = p + "/" + key;
            allow_keys(*o, q, {"from", "to"});
            from = plain_date(*o, q, "from", false);
            to = plain_date(*o, q, "to", false);
            if (!o->contains("from") && !o->contains("to")) fail(q, "needs from, to or both");
            if (from && to && *to < *from) fail(q, "range ends before it starts");
        };
        range("paid", a.paid_from, a.paid_to);
        range("born", a.born_from, a.born_to);
        a.continuous = boolean(*v, p, "continuous", false);
        a.within_newborn_window = boolean(*v, p, "within_newborn_window", false);
        for (const auto& key : list("answers"))
            if (key != "continuous_years" && key != "zero_claims_last_year" && key != "pays_birth_year" &&
                key != "freshman" && key != "break_years")
                fail(p + "/answers", "unknown answer \"" + key +
                                         "\" (continuous_years, zero_claims_last_year, pays_birth_year, freshman, "
                                         "break_years)");
            else
                a.answers.push_back(key);
        return a;
    }

    std::vector<text_ref> text_list(const json& obj, const std::string& ptr, const char* key) {
        std::vector<text_ref> out;
        const json* arr = member(obj, ptr, key, false, json::value_t::array);
        if (!arr) return out;
        for (std::size_t i = 0; i < arr->size(); ++i)
            if (auto t = text_object((*arr)[i], ptr + "/" + key + "/" + std::to_string(i))) out.push_back(*t);
        return out;
    }

    std::vector<std::string> string_list(const json& obj, const std::string& ptr, const char* key) {
        std::vector<std::string> out;
        const json* arr = member(obj, ptr, key, false, json::value_t::array);
        if (!arr) return out;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            if (!(*arr)[i].is_string())
                fail(ptr + "/" + key + "/" + std::to_string(i), "wrong type: expected string");
            else
                out.push_back((*arr)[i].get<std::string>());
        }
        return out;
    }
};

// ---------------------------------------------------------------- the parts of a year file

std::optional<start_rule> read_start(reader& r, const json& obj, const std::string& ptr, const char* key) {
    const json* v = r.member(obj, ptr, key, true, json::value_t::object);
    if (!v) return std::nullopt;
    std::string p = ptr + "/" + key;
    r.allow_keys(*v, p, {"kind", "date", "from_date"});
    auto kind = r.string(*v, p, "kind", true);
    if (!kind) return std::nullopt;
    start_rule s;
    if (*kind == "fixed_date") {
        s.kind = start_kind::fixed_date;
        s.on = r.plain_date(*v, p, "date", true);
        if (!s.on) return std::nullopt;
    } else if (*kind == "next_month_first") {
        s.kind = start_kind::next_month_first;
    } else if (*kind == "waiting_days") {
        s.kind = start_kind::waiting_days;
    } else if (*kind == "waiting_months") {
        s.kind = start_kind::waiting_months;
        s.from_date = r.plain_date(*v, p, "from_date", false);
    } else if (*kind == "same_day") {
        s.kind = start_kind::same_day;
    } else {
        r.fail(p + "/kind", "unknown start kind \"" + *kind +
                                "\" (fixed_date, next_month_first, waiting_days, waiting_months, "
                                "same_day)");
        return std::nullopt;
    }
    return s;
}

std::optional<tier_assistance> read_tier(reader& r, const json& obj, const std::string& ptr, const char* key) {
    const json* v = r.member(obj, ptr, key, true, json::value_t::object);
    if (!v) return std::nullopt;
    std::string p = ptr + "/" + key;
    r.allow_keys(*v, p, {"assistance", "percent_of_tier1", "percent_of_tier2", "not_allowed"});
    if (v->size() != 1) {
        r.fail(p, "needs exactly one of assistance, percent_of_tier1, percent_of_tier2, not_allowed");
        return std::nullopt;
    }
    tier_assistance t;
    // The one member, by iterator into *v (items() is a temporary proxy: a structured binding
    // to *items().begin() would refer into it after it is gone).
    const auto only = v->begin();
    const std::string name = only.key();
    const json& val = only.value();
    if (name == "assistance") {
        if (!val.is_number()) return r.fail(p + "/assistance", "wrong type: expected number"), std::nullopt;
        auto m = r.yuan(val, p + "/assistance");
        if (!m) return std::nullopt;
        t.kind = assist_kind::fixed;
        t.fixed = *m;
    } else if (name == "not_allowed") {
        if (val != true) return r.fail(p + "/not_allowed", "must be true"), std::nullopt;
        t.kind = assist_kind::not_allowed;
    } else {
        auto percent = r.integer(val, p + "/" + name, percent_range);
        if (!percent) return std::nullopt;
        t.kind = name == "percent_of_tier1" ? assist_kind::percent_of_tier1 : assist_kind::percent_of_tier2;
        t.percent = *percent;
    }
    return t;
}

void read_categories(reader& r, const json& root, year_rules& y) {
    const json* arr = r.member(root, "", "categories", true, json::value_t::array);
    if (!arr) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        std::string p = "/categories/" + std::to_string(i);
        const json& c = (*arr)[i];
        if (!c.is_object()) {
            r.fail(p, "wrong type: expected object");
            continue;
        }
        r.allow_keys(
            c, p,
            {"code", "name", "tags", "persons", "tier1", "tier2", "students", "valid", "derived", "source", "note"});
        category cat;
        auto code = r.string(c, p, "code", true);
        auto name = r.string(c, p, "name", true);
        auto source = r.source(c, p, true);
        auto t1 = read_tier(r, c, p, "tier1");
        auto t2 = read_tier(r, c, p, "tier2");
        if (!code || !name || !source || !t1 || !t2) continue;
        if (!seen.insert(*code).second) r.fail(p + "/code", "duplicate category code " + *code);
        cat.code = *code;
        cat.name = *name;
        cat.source = *source;
        cat.tiers = {*t1, *t2};
        cat.tags = r.string_list(c, p, "tags");
        for (const auto& tag : cat.tags)
            if (tag != "low_income" && tag != "tuopin")
                r.fail(p + "/tags", "unknown tag \"" + tag + "\" (low_income, tuopin)");
        for (const auto& who : r.string_list(c, p, "persons")) {
            const auto* known = std::find_if(std::begin(vocab::persons), std::end(vocab::persons),
                                             [&](const vocab::person_name& n) { return n.id == who; });
            if (known != std::end(vocab::persons))
                cat.persons.push_back(known->kind);
            else
                r.fail(p + "/persons", "unknown person \"" + who + "\"");
        }
        if (const json* v = r.member(c, p, "valid", false, json::value_t::object)) {
            r.allow_keys(*v, p + "/valid", {"from", "to"});
            cat.valid_from = r.plain_date(*v, p + "/valid", "from", true);
            cat.valid_to = r.plain_date(*v, p + "/valid", "to", true);
            if (cat.valid_from && cat.valid_to && *cat.valid_to < *cat.valid_from)
                r.fail(p + "/valid", "validity window ends before it starts");
        }
        // A resident table's row as it applies to students: {"tier1", "tier2", "source"}.
        if (const json* st = r.member(c, p, "students", false, json::value_t::object)) {
            r.allow_keys(*st, p + "/students", {"tier1", "tier2", "source"});
            auto s1 = read_tier(r, *st, p + "/students", "tier1");
            auto s2 = read_tier(r, *st, p + "/students", "tier2");
            auto ssrc = r.source(*st, p + "/students", true);
            if (s1 && s2 && ssrc) {
                cat.student_tiers = std::array<tier_assistance, 2>{*s1, *s2};
                cat.student_source = *ssrc;
            }
        }
        cat.derived = r.boolean(c, p, "derived", false).value_or(false);
        if (auto note = r.string(c, p, "note", false)) cat.note = *note;
        y.categories.push_back(std::move(cat));
    }
}

void read_periods(reader& r, const json& root, year_rules& y) {
    const json* arr = r.member(root, "", "payment_periods", true, json::value_t::array);
    if (!arr) return;
    if (arr->empty()) r.fail("/payment_periods", "needs at least one payment period");
    std::optional<date> previous_to;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        std::string p = "/payment_periods/" + std::to_string(i);
        const json& o = (*arr)[i];
        if (!o.is_object()) {
            r.fail(p, "wrong type: expected object");
            continue;
        }
        r.allow_keys(o, p,
                     {"id", "label", "from", "to", "centralized", "start", "start_if_continuous",
                      "start_if_not_continuous", "category_starts", "source"});
        payment_period per;
        auto id = r.string(o, p, "id", true);
        auto label = r.string(o, p, "label", true);
        auto to = r.plain_date(o, p, "to", true);
        auto from = r.plain_date(o, p, "from", false);
        auto source = r.source(o, p, true);
        per.centralized = r.boolean(o, p, "centralized", true).value_or(false);
        bool split = o.contains("start_if_continuous") || o.contains("start_if_not_continuous");
        if (split) {
            auto a = read_start(r, o, p, "start_if_continuous");
            auto b = read_start(r, o, p, "start_if_not_continuous");
            if (a && b) per.if_continuous = *a, per.if_not_continuous = *b;
            per.depends_on_continuity = true;
            if (o.contains("start")) r.fail(p + "/start", "give either start or start_if_*");
        } else if (auto s = read_start(r, o, p, "start")) {
            per.if_continuous = per.if_not_continuous = *s;
        }
        if (const json* cs = r.member(o, p, "category_starts", false, json::value_t::array)) {
            for (std::size_t k = 0; k < cs->size(); ++k) {
                std::string q = p + "/category_starts/" + std::to_string(k);
                const json& e = (*cs)[k];
                if (!e.is_object()) {
                    r.fail(q, "wrong type: expected object");
                    continue;
                }
                r.allow_keys(e, q, {"tags", "start", "source"});
                category_start c;
                c.tags = r.string_list(e, q, "tags");
                auto s = read_start(r, e, q, "start");
                auto src = r.source(e, q, true);
                if (c.tags.empty()) r.fail(q + "/tags", "missing field \"tags\"");
                if (s && src) c.start = *s, c.source = *src, per.category_starts.push_back(c);
            }
        }
        if (!id || !label || !to || !source) continue;
        // The first period opens with the enrollment; the others follow on without a gap.
        if (!from) from = previous_to ? add_days(*previous_to, 1) : y.opens.value;
        per.id = *id;
        per.label = *label;
        per.from = *from;
        per.to = *to;
        per.source = *source;
        if (per.to < per.from)
            r.fail(p, "period ends (" + format_date(per.to) + ") before it starts (" + format_date(per.from) + ")");
        if (previous_to && per.from <= *previous_to)
            r.fail(p + "/from", "overlapping date ranges: period starts " + format_date(per.from) +
                                    " but the previous one runs to " + format_date(*previous_to));
        previous_to = per.to;
        y.periods.push_back(std::move(per));
    }
}

// /documents: each {number, issuer, title, seed, remark, cited_only}. Returns the documents shown
// with the rules (all but cited_only); every number goes into what a source may cite.
std::vector<std::string> read_documents(reader& r, const json& root, cite_context& cites, bool required = true) {
    std::vector<std::string> shown;
    std::set<std::string> listed;
    const json* docs = r.member(root, "", "documents", required, json::value_t::array);
    if (!docs) return shown;
    for (std::size_t i = 0; i < docs->size(); ++i) {
        std::string p = "/documents/" + std::to_string(i);
        const json& d = (*docs)[i];
        if (!d.is_object()) {
            r.fail(p, "wrong type: expected object");
            continue;
        }
        r.allow_keys(d, p, {"number", "issuer", "title", "seed", "remark", "cited_only"});
        for (const char* key : {"issuer", "title", "seed", "remark"}) r.string(d, p, key, false);
        const bool cited_only = r.boolean(d, p, "cited_only", false).value_or(false);
        auto n = r.string(d, p, "number", true);
        if (!n) continue;
        if (!listed.insert(*n).second) r.fail(p + "/number", "document " + *n + " listed twice");
        cites.documents.insert(*n);
        if (!cited_only) shown.push_back(document_shown(d));
    }
    return shown;
}

// /readings: each {point, reading, source, applies_to?, cited_as?, cited_only?}. A reading's
// point is how a source cites it ({"reading": point}); a cited_only reading is shown only where
// it is cited, never as a note. Returns the readings shown as notes.
std::vector<text_ref> read_readings(reader& r, const json& root, cite_context& cites, bool notes_allowed = true) {
    std::vector<text_ref> out;
    cites.readings_read = false;
    if (const json* rd = r.member(root, "", "readings", false, json::value_t::array)) {
        for (std::size_t i = 0; i < rd->size(); ++i) {
            std::string p = "/readings/" + std::to_string(i);
            const json& o = (*rd)[i];
            if (!o.is_object()) {
                r.fail(p, "wrong type: expected object");
                continue;
            }
            r.allow_keys(o, p, {"point", "reading", "source", "applies_to", "cited_as", "cited_only"});
            auto point = r.string(o, p, "point", true);
            auto reading = r.string(o, p, "reading", true);
            auto source = r.source(o, p, true);
            auto cited_as = r.string(o, p, "cited_as", false);
            const bool cited_only = r.boolean(o, p, "cited_only", false).value_or(!notes_allowed);
            if (cited_only && o.contains("applies_to"))
                r.fail(p + "/applies_to",
                       "a cited_only reading is shown only where a source cites it, never as a note");
            if (!notes_allowed && !cited_only)
                r.fail(p + "/cited_only", "readings here are shown only where a source cites them: cited_only: true");
            auto when = r.applies(o, p);
            if (!point || !reading) continue;
            if (!cites.readings.emplace(*point, cite_context::reading_words{cited_as.value_or(*reading), *reading})
                     .second)
                r.fail(p + "/point", "a second reading with the point \"" + *point + "\"");
            if (source && !cited_only) out.push_back({*point + "：" + *reading, *source, std::move(when)});
        }
    }
    cites.readings_read = true;
    return out;
}

void read_year(reader& r, const json& root, year_rules& y) {
    r.allow_keys(root, "",
                 {"schema",
                  "extends",
                  "jurisdiction",
                  "year",
                  "district",
                  "name",
                  "revision",
                  "documents",
                  "notes",
                  "coverage_year",
                  "enrollment",
                  "standards",
                  "fiscal_subsidy",
                  "late_pricing",
                  "waiting",
                  "payment_periods",
                  "announced_waiting_months",
                  "newborn",
                  "student",
                  "categories",
                  "derived_assistance",
                  "readings",
                  "incentives"});
    if (auto name = r.string(root, "", "name", true)) y.name = *name;
    if (auto rev = r.string(root, "", "revision", true)) {
        if (auto d = parse_date(*rev))
            y.revision = *d;
        else
            r.fail("/revision", "not a date: write the day this rules file was last revised as YYYY-MM-DD");
    }
    // The documents and readings first: every source after them is checked against them.
    cite_context own;
    cite_context& cites = r.cites ? *r.cites : own;
    // r cites through `own` only while this function runs.
    struct restore {
        reader& r;
        cite_context* was;
        ~restore() { r.cites = was; }
    } restore_cites{r, r.cites};
    r.cites = &cites;
    for (const auto& d : read_documents(r, root, cites)) y.documents.push_back(d);
    y.readings = read_readings(r, root, cites);
    y.notes = r.text_list(root, "", "notes");
    if (const json* cy = r.member(root, "", "coverage_year", true, json::value_t::object)) {
        r.allow_keys(*cy, "/coverage_year", {"from", "to"});
        if (auto v = r.value<date>(*cy, "/coverage_year", "from", true)) y.coverage_from = *v;
        if (auto v = r.value<date>(*cy, "/coverage_year", "to", true)) y.coverage_to = *v;
    }
    if (const json* en = r.member(root, "", "enrollment", true, json::value_t::object)) {
        r.allow_keys(*en, "/enrollment", {"opens", "centralized_ends", "last_payment_day"});
        if (auto v = r.value<date>(*en, "/enrollment", "opens", true)) y.opens = *v;
        if (auto v = r.value<date>(*en, "/enrollment", "centralized_ends", true)) y.centralized_ends = *v;
        y.last_payment_day = r.value<date>(*en, "/enrollment", "last_payment_day", false);
    }
    if (const json* st = r.member(root, "", "standards", true, json::value_t::object)) {
        r.allow_keys(*st, "/standards", {"resident", "student"});
        const char* who[] = {"resident", "student"};
        for (int w = 0; w < 2; ++w) {
            std::string p = std::string("/standards/") + who[w];
            if (const json* o = r.member(*st, "/standards", who[w], true, json::value_t::object)) {
                r.allow_keys(*o, p, {"tier1", "tier2"});
                if (auto v = r.value<money>(*o, p, "tier1", true)) y.standards[w][0] = *v;
                if (auto v = r.value<money>(*o, p, "tier2", true)) y.standards[w][1] = *v;
            }
        }
    }
    if (auto v = r.value<money>(root, "", "fiscal_subsidy", true)) y.fiscal_subsidy = *v;
    if (const json* lp = r.member(root, "", "late_pricing", true, json::value_t::object)) {
        const std::string p = "/late_pricing";
        r.allow_keys(*lp, p,
                     {"none", "from", "adds_fiscal_subsidy", "removes_assistance", "exempt_tags", "source", "reading",
                      "applies_to"});
        auto& l = y.late_pricing;
        if (auto s = r.source(*lp, p, true)) l.source = *s;
        if (auto s = r.reading_named(*lp, p, "reading")) l.reading = *s;
        l.reading_when = r.applies(*lp, p);
        if (r.boolean(*lp, p, "none", false).value_or(false)) {
            l.present = false;
        } else {
            l.present = true;
            if (auto v = r.value<date>(*lp, p, "from", true)) l.from = *v;
            l.exempt_tags = r.string_list(*lp, p, "exempt_tags");
            if (!r.boolean(*lp, p, "adds_fiscal_subsidy", true).value_or(true) ||
                !r.boolean(*lp, p, "removes_assistance", true).value_or(true))
                r.fail(p,
                       "only late pricing that adds the fiscal subsidy and removes assistance "
                       "is supported");
        }
    }
    if (const json* w = r.member(root, "", "waiting", true, json::value_t::object)) {
        const std::string p = "/waiting";
        r.allow_keys(*w, p, {"days", "later_reading", "months_base", "months_per_extra_break_year", "repair_note"});
        y.waiting_days = r.value<int>(*w, p, "days", false, days_range);
        if (auto s = r.reading_named(*w, p, "later_reading")) y.waiting_later_reading = *s;
        y.months_base = r.value<int>(*w, p, "months_base", false, months_range);
        y.months_per_extra_break_year = r.value<int>(*w, p, "months_per_extra_break_year", false, months_range);
        y.repair_note = r.text(*w, p, "repair_note", false);
    }
    y.announced_waiting_months = r.text(root, "", "announced_waiting_months", false);
    read_periods(r, root, y);
    if (const json* nb = r.member(root, "", "newborn", false, json::value_t::object)) {
        const std::string p = "/newborn";
        r.allow_keys(*nb, p,
                     {"window_days", "late_waiting_days", "pays_personal_part_only_within_window", "cross_year",
                      "exempt_from_waiting_months", "guardian"});
        y.newborn.window_days = r.value<int>(*nb, p, "window_days", true, days_range);
        y.newborn.late_waiting_days = r.value<int>(*nb, p, "late_waiting_days", true, days_range);
        y.newborn.personal_part_only = r.value<bool>(*nb, p, "pays_personal_part_only_within_window", false);
        y.newborn.cross_year = r.value<bool>(*nb, p, "cross_year", false);
        y.newborn.exempt_from_waiting_months = r.value<bool>(*nb, p, "exempt_from_waiting_months", false);
        y.newborn.guardian = r.text(*nb, p, "guardian", false);
    }
    if (const json* st = r.member(root, "", "student", false, json::value_t::object)) {
        r.allow_keys(*st, "/student", {"freshman_from_day_after_payment"});
        y.freshman_from_day_after_payment = r.value<bool>(*st, "/student", "freshman_from_day_after_payment", false);
    }
    read_categories(r, root, y);
    y.derived_assistance = r.text(root, "", "derived_assistance", false);
    if (y.derived_assistance && !y.derived_assistance->when.everyone())
        r.fail("/derived_assistance/applies_to", "derived_assistance is shown with every derived amount");
    for (std::size_t i = 0; i < y.categories.size(); ++i)
        if (y.categories[i].derived && !y.derived_assistance) {
            r.fail("/categories/" + std::to_string(i) + "/derived",
                   "a derived category needs /derived_assistance: the sentence that tells a resident why its "
                   "amount is an estimate, with its source");
            break;
        }
    if (const json* in = r.member(root, "", "incentives", false, json::value_t::object)) {
        const std::string p = "/incentives";
        r.allow_keys(*in, p,
                     {"deductible", "continuous_years_threshold", "counting_from_year", "continuous_raise_per_year",
                      "zero_claims_raise", "notes"});
        auto& i = y.incentives;
        i.deductible = r.value<money>(*in, p, "deductible", false);
        i.threshold_years = r.value<int>(*in, p, "continuous_years_threshold", false, years_count_range);
        i.counting_from_year = r.value<int>(*in, p, "counting_from_year", false, year_range);
        i.raise_per_year = r.value<money>(*in, p, "continuous_raise_per_year", false);
        i.zero_claims_raise = r.value<money>(*in, p, "zero_claims_raise", false);
        i.notes = r.text_list(*in, p, "notes");
    }

    // Cross-field checks: every rule a period names has the figure it needs.
    for (std::size_t i = 0; i < y.periods.size(); ++i) {
        const auto& per = y.periods[i];
        std::string p = "/payment_periods/" + std::to_string(i);
        auto needs = [&](const start_rule& s) {
            if (s.kind == start_kind::waiting_days && !y.waiting_days)
                r.fail(p, "uses waiting_days but /waiting/days is missing");
            if (s.kind == start_kind::waiting_months && (!y.months_base || !y.months_per_extra_break_year))
                r.fail(p,
                       "uses waiting_months but /waiting/months_base or "
                       "/waiting/months_per_extra_break_year is missing");
        };
        needs(per.if_continuous);
        needs(per.if_not_continuous);
        if (per.to > y.coverage_to.value) r.fail(p + "/to", "payment period runs past the end of the coverage year");
    }
    if (!y.periods.empty() && y.periods.front().from != y.opens.value)
        r.fail("/payment_periods/0/from", "the first payment period must start on /enrollment/opens");
    if (y.coverage_to.value < y.coverage_from.value) r.fail("/coverage_year", "coverage year ends before it starts");
}

// Every district, category and payment period an applies_to names exists for this year (the
// municipal file's notes are checked again under each district file that keeps them).
void check_applies_to(reader& r, const year_rules& y, const rule_book& book) {
    auto check = [&](const applies_to& a) {
        if (a.pointer.empty()) return;
        if (!book.district_list.empty())
            for (const auto& d : a.districts)
                if (const district_entry* e = book.find_district(d); !e || e->id != d)
                    r.fail(a.pointer + "/districts", "unknown district id \"" + d + "\" (the ids of districts.json)");
        for (const auto& code : a.categories)
            if (code != "*" && std::none_of(y.categories.begin(), y.categories.end(),
                                            [&](const category& c) { return c.code == code; }))
                r.fail(a.pointer + "/categories",
                       "no category \"" + code + "\" in these rules (a code, or \"*\" for any category)");
        for (const auto& id : a.periods)
            if (std::none_of(y.periods.begin(), y.periods.end(), [&](const payment_period& p) { return p.id == id; }))
                r.fail(a.pointer + "/periods", "no payment period \"" + id + "\" in these rules");
        if (a.within_newborn_window && !y.newborn.window_days)
            r.fail(a.pointer + "/within_newborn_window", "these rules have no /newborn/window_days");
    };
    for (const auto& n : y.notes) check(n.when);
    for (const auto& n : y.readings) check(n.when);
    for (const auto& n : y.incentives.notes) check(n.when);
    for (const auto* t : {&y.repair_note, &y.announced_waiting_months, &y.newborn.guardian})
        if (*t) check((*t)->when);
    check(y.late_pricing.reading_when);
}

// ---------------------------------------------------------------- files

struct parsed_file {
    std::string path;
    json doc;
};

// One JSON pointer reference token (RFC 6901: "~" → "~0", "/" → "~1").
std::string pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// A file's text read into a json value in one pass, checked on the way. nlohmann's own parser keeps
// the last of two equal keys without a word, stops at a NUL byte as if the text ended there, and
// has no depth limit (copying, merging and freeing a value recurse). This pass reports duplicate
// keys with their JSON pointer, nesting deeper than max_json_depth, and a syntax error with line
// and column; it builds the value as it goes (the value json::parse gives), so the text is read
// once, not checked and then parsed again.
class text_check final : public nlohmann::json_sax<json> {
  public:
    text_check(std::string_view text, const std::string& file, std::vector<rules_error>& errors)
        : text_(text), file_(file), errors_(errors) {}

    // True when the text is one well-formed JSON value without duplicate keys (then take() has it).
    bool run() {
        if (auto nul = text_.find('\0'); nul != std::string_view::npos) {
            auto [line, column] = where(nul);
            report("", "NUL byte at line " + std::to_string(line) + ", column " + std::to_string(column) +
                           ": not JSON text (a parser would stop there and ignore what follows)");
            return false;
        }
        const bool parsed = json::sax_parse(text_.begin(), text_.end(), this);
        return parsed && !failed_;
    }
    // The value read (after run() returned true).
    json take() { return std::move(root_); }

    bool null() override { return value(nullptr); }
    bool boolean(bool b) override { return value(b); }
    bool number_integer(number_integer_t n) override { return value(n); }
    bool number_unsigned(number_unsigned_t n) override { return value(n); }
    bool number_float(number_float_t x, const string_t&) override { return value(x); }
    bool string(string_t& s) override { return value(std::move(s)); }
    bool binary(binary_t& b) override { return value(json::binary(std::move(b))); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool key(string_t& k) override {
        frame& f = stack_.back();
        const bool again = f.value->contains(k);
        f.key = std::move(k);
        if (again && ++duplicates_ <= max_reported_problems)
            report(pointer(), "duplicate key \"" + f.key + "\" (JSON keeps only one of the two values)");
        failed_ = failed_ || duplicates_ > 0;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        auto [line, column] = where(position == 0 ? 0 : position - 1);
        // nlohmann's reason without its "[json.exception.parse_error.101] parse error at ...: ".
        std::string why = e.what();
        if (auto bracket = why.find("] "); bracket != std::string::npos) why.erase(0, bracket + 2);
        if (why.rfind("parse error", 0) == 0)
            if (auto colon = why.find(": "); colon != std::string::npos) why.erase(0, colon + 2);
        report("", "malformed JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                       (why.empty() ? "" : ": " + why));
        failed_ = true;
        return false;
    }

  private:
    struct frame {
        json* value = nullptr;  // the object or array being read (in root_)
        std::size_t index = 0;  // arrays: the element being read
        std::string key;        // objects: the member being read
        bool object() const { return value->is_object(); }
    };
    std::string_view text_;
    const std::string& file_;
    std::vector<rules_error>& errors_;
    json root_;
    std::vector<frame> stack_;
    std::size_t duplicates_ = 0;
    bool failed_ = false;

    void report(std::string pointer, std::string message) {
        errors_.push_back({file_, std::move(pointer), std::move(message)});
    }
    std::string pointer() const {
        std::string p;
        for (const auto& f : stack_) p += "/" + (f.object() ? pointer_token(f.key) : std::to_string(f.index));
        return p;
    }
    // Line and column (1-based, counted in bytes) of a byte of the text.
    std::pair<std::size_t, std::size_t> where(std::size_t byte) const {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < byte && i < text_.size(); ++i) {
            if (text_[i] == '\n')
                ++line, column = 1;
            else
                ++column;
        }
        return {line, column};
    }
    // Puts a value where the text has it: the whole value, a member of the object or the next
    // element of the array being read. The containers on the stack stay where they are: an
    // object's members never move, and an array grows only once the element read into it closed.
    json& put(json v) {
        if (stack_.empty()) return root_ = std::move(v);
        frame& f = stack_.back();
        if (f.object()) return (*f.value)[f.key] = std::move(v);
        f.value->push_back(std::move(v));
        return f.value->back();
    }
    // A value read whole: an array counts it.
    bool next() {
        if (!stack_.empty() && !stack_.back().object()) ++stack_.back().index;
        return true;
    }
    bool value(json v) {
        put(std::move(v));
        return next();
    }
    bool open(json empty) {
        if (stack_.size() >= max_json_depth) {
            report(pointer(), "nested deeper than " + std::to_string(max_json_depth) + " levels");
            failed_ = true;
            return false;
        }
        json& container = put(std::move(empty));
        stack_.push_back({&container, 0, {}});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return next();
    }
};

}  // namespace

load_result load_rules_texts(const std::vector<rules_source_file>& files) {
    std::vector<rules_text_view> views;
    views.reserve(files.size());
    for (const auto& f : files) views.push_back({f.path, f.text});
    return load_rules_views(views);
}

load_result load_rules_views(const std::vector<rules_text_view>& files) {
    load_result result;
    auto& errors = result.errors;
    auto book = std::make_shared<rule_book>();

    std::vector<parsed_file> year_files;
    bool have_districts = false;
    for (const auto& view : files) {
        const std::string path(view.path);  // as messages show it
        const std::string_view text = view.text;
        if (text.size() > max_rules_file_bytes) {
            errors.push_back({path, "",
                              "file larger than " + std::to_string(max_rules_file_bytes >> 20) +
                                  " MB (a sanity limit; rules files are a few KB)"});
            continue;
        }
        text_check check(text, path, errors);
        if (!check.run()) continue;
        json doc = check.take();
        if (!doc.is_object()) {
            errors.push_back({path, "/", "wrong type: expected a JSON object"});
            continue;
        }
        // rules/schema.json, the JSON Schema of these files (for editors and CI), is not a rules file.
        const bool named_schema =
            path == "schema.json" || (path.size() > 12 && path.compare(path.size() - 12, 12, "/schema.json") == 0);
        if (named_schema && doc.contains("$schema")) continue;
        std::string schema =
            doc.contains("schema") && doc["schema"].is_string() ? doc["schema"].get<std::string>() : "";
        if (schema == "yibao-districts/1") {
            provenance prov{path, {}};
            reader r{prov, errors};
            r.allow_keys(doc, "",
                         {"schema", "jurisdiction", "name", "revision", "source", "note", "documents", "ask",
                          "districts", "readings"});
            if (auto rev = r.string(doc, "", "revision", false); rev && !parse_date(*rev))
                r.fail("/revision", "not a date: write the day this file was last revised as YYYY-MM-DD");
            cite_context cites;
            r.cites = &cites;
            read_documents(r, doc, cites);
            read_readings(r, doc, cites, false);
            if (auto s = r.source(doc, "", true)) book->district_source = *s;
            book->ask = r.text(doc, "", "ask", false);
            if (book->ask && !book->ask->when.everyone()) r.fail("/ask/applies_to", "ask concerns everyone");
            if (const json* arr = r.member(doc, "", "districts", true, json::value_t::array)) {
                for (std::size_t i = 0; i < arr->size(); ++i) {
                    std::string p = "/districts/" + std::to_string(i);
                    const json& d = (*arr)[i];
                    if (!d.is_object()) {
                        r.fail(p, "wrong type: expected object");
                        continue;
                    }
                    r.allow_keys(d, p, {"id", "name", "aliases"});
                    auto id = r.string(d, p, "id", true);
                    auto name = r.string(d, p, "name", true);
                    std::vector<std::string> aliases;
                    if (const json* a = r.member(d, p, "aliases", false, json::value_t::array))
                        for (std::size_t k = 0; k < a->size(); ++k) {
                            if ((*a)[k].is_string() && !(*a)[k].get_ref<const std::string&>().empty())
                                aliases.push_back((*a)[k].get<std::string>());
                            else
                                r.fail(p + "/aliases/" + std::to_string(k), "wrong type: expected a non-empty string");
                        }
                    // Every id, name and alias names exactly one district.
                    std::vector<std::string> names = aliases;
                    if (id) names.push_back(*id);
                    if (name) names.push_back(*name);
                    for (const auto& n : names)
                        if (const district_entry* other = book->find_district(n))
                            r.fail(p, "name \"" + n + "\" already names district \"" + other->id + "\"");
                    if (id && name) book->district_list.push_back({*id, *name, std::move(aliases)});
                }
            }
            have_districts = true;
        } else if (schema == "yibao-rules/1") {
            year_files.push_back({path, std::move(doc)});
        } else {
            errors.push_back(
                {path, "/schema", "unknown or missing schema (\"yibao-rules/1\" or \"yibao-districts/1\")"});
        }
    }
    if (!have_districts)
        errors.push_back({"districts.json", "", "missing file: no district list (schema yibao-districts/1)"});

    // Identify every year file, then resolve municipal files over the file they extend and
    // district files over their year's municipal file.
    struct year_file {
        const parsed_file* file = nullptr;
        int year = 0;
        std::string extends;  // "chongqing/2026/municipal", or ""
    };
    std::map<int, year_file> municipal;
    std::vector<year_file> district_files;
    for (const auto& f : year_files) {
        provenance prov{f.path, {}};
        reader r{prov, errors};
        const json* y = r.member(f.doc, "", "year", true, json::value_t::number_integer);
        auto d = r.string(f.doc, "", "district", true);
        auto extends = r.string(f.doc, "", "extends", false);
        if (!y || !d) continue;
        auto checked_year = r.integer(*y, "/year", year_range);
        if (!checked_year) continue;
        const int year = *checked_year;
        if (*d == "municipal") {
            if (municipal.count(year))
                errors.push_back({f.path, "/district", "second municipal file for " + std::to_string(year)});
            municipal[year] = {&f, year, extends.value_or("")};
        } else {
            if (have_districts && !book->find_district(*d))
                r.fail("/district", "district \"" + *d + "\" is not in the district list");
            if (extends)
                r.fail("/extends",
                       "a district file builds on its year's municipal file: extends is for a year's "
                       "municipal file");
            district_files.push_back({&f, year, ""});
        }
    }

    // A municipal file with all it extends merged under it (objects merge, lists replace), the
    // files in order (the first extended first), and which file each field came from.
    struct effective {
        // The file's own value when it extends nothing (not copied: a copy of a year's rules is
        // most of the time a first screen spends reading them), else the merged value it owns.
        const json* doc = nullptr;
        std::shared_ptr<json> merged;
        provenance prov;
        std::vector<std::string> files;
        std::vector<const json*> layers;
    };
    // "chongqing/2026/municipal" names rules/chongqing/2026/municipal.json: the year file whose
    // path ends so.
    auto find_extended = [&](const std::string& name) -> const year_file* {
        const std::string tail = name + ".json";
        const year_file* found = nullptr;
        for (const auto& [year, m] : municipal) {
            const std::string& path = m.file->path;
            if (path == tail ||
                (path.size() > tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0 &&
                 path[path.size() - tail.size() - 1] == '/'))
                found = &m;
        }
        return found;
    };
    std::function<std::optional<effective>(const year_file&, int)> resolve =
        [&](const year_file& m, int depth) -> std::optional<effective> {
        if (m.extends.empty()) {
            effective e{&m.file->doc, nullptr, provenance{m.file->path, {}}, {m.file->path}, {&m.file->doc}};
            return e;
        }
        provenance own{m.file->path, {}};
        reader r{own, errors};
        if (depth >= 8) {
            r.fail("/extends", "extends more than 8 files deep (or in a circle)");
            return std::nullopt;
        }
        const year_file* base = find_extended(m.extends);
        if (!base) {
            r.fail("/extends", "no municipal rules file \"" + m.extends +
                                   ".json\" to extend (a path under rules/ "
                                   "without .json, e.g. chongqing/2026/municipal)");
            return std::nullopt;
        }
        if (base == &m) {
            r.fail("/extends", "a file cannot extend itself");
            return std::nullopt;
        }
        auto e = resolve(*base, depth + 1);
        if (!e) return std::nullopt;
        if (!e->merged) {
            e->merged = std::make_shared<json>(*e->doc);
            e->doc = e->merged.get();
        }
        merge_into(*e->merged, m.file->doc, "", m.file->path, e->prov);
        e->files.push_back(m.file->path);
        e->layers.push_back(&m.file->doc);
        return e;
    };

    auto build = [&](int year, const std::string& district, const effective& base, const parsed_file* overlay) {
        provenance prov = base.prov;
        // A district file over its municipal rules: a merged copy; the municipal rules alone: as they are.
        json merged;
        if (overlay) {
            merged = *base.doc;
            merge_into(merged, overlay->doc, "", overlay->path, prov);
        }
        const json& rules = overlay ? merged : *base.doc;
        cite_context cites;
        // A district file cites the documents of its municipal file too (they stay in force
        // under it); a file that extends another lists its own (lists replace).
        if (overlay) {
            for (const auto& d : base.doc->value("documents", json::array()))
                if (d.is_object() && d.contains("number") && d["number"].is_string())
                    cites.documents.insert(d["number"].get<std::string>());
            // The municipal file's readings stay citable by point under a district file that
            // gives readings of its own (a list replaces the municipal one).
            if (base.doc->contains("readings")) cites.inherited = reading_words_of((*base.doc)["readings"]);
        }
        reader r{prov, errors, &cites};
        year_rules y;
        y.year = year;
        y.district = district;
        y.files = base.files;
        if (overlay) y.files.push_back(overlay->path);
        read_year(r, rules, y);
        check_applies_to(r, y, *book);
        // The rules in force are as new as the newest of the files merged.
        std::vector<const json*> layers = base.layers;
        if (overlay) layers.push_back(&overlay->doc);
        for (const json* l : layers)
            if (l->contains("revision") && (*l)["revision"].is_string())
                if (auto d = parse_date((*l)["revision"].get<std::string>()); d && *d > y.revision) y.revision = *d;
        if (overlay) {
            // Documents and notes of the municipal file stay in force under a district file.
            std::set<std::string> docs(y.documents.begin(), y.documents.end());
            for (const auto& d : base.doc->value("documents", json::array()))
                if (d.is_object() && d.contains("number") && d["number"].is_string() && !d.value("cited_only", false) &&
                    !docs.count(document_shown(d)))
                    y.documents.push_back(document_shown(d));
        }
        book->by_year[{year, district}] = std::move(y);
    };

    std::map<int, effective> resolved;
    for (const auto& [year, m] : municipal)
        if (auto e = resolve(m, 0)) {
            build(year, "municipal", *e, nullptr);
            resolved.emplace(year, std::move(*e));
        }
    for (const auto& f : district_files) {
        auto it = resolved.find(f.year);
        if (it == resolved.end()) {
            if (!municipal.count(f.year))
                errors.push_back(
                    {f.file->path, "/year",
                     "no municipal file for " + std::to_string(f.year) + " to build this district file on"});
            continue;
        }
        build(f.year, f.file->doc["district"].get<std::string>(), it->second, f.file);
    }
    if (book->by_year.empty() && errors.empty()) errors.push_back({"rules", "", "no rules files found"});

    if (errors.empty()) result.book = std::move(book);
    return result;
}

namespace {

std::string kind_of(std::filesystem::file_type t) {
    using ft = std::filesystem::file_type;
    switch (t) {
        case ft::directory:
            return "a directory";
        case ft::fifo:
            return "a FIFO";
        case ft::socket:
            return "a socket";
        case ft::block:
            return "a block device";
        case ft::character:
            return "a character device";
        case ft::symlink:
            return "a symbolic link";
        case ft::regular:
            return "a regular file";
        default:
            return "of unknown type";
    }
}

// At most max_rules_file_bytes + 1 bytes of a regular file, with C stdio (never throws).
std::optional<std::string> read_bounded(const std::filesystem::path& p, std::string& why) {
    std::FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) {
        why = std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    char buf[65536];
    while (text.size() <= max_rules_file_bytes) {
        const std::size_t n = std::fread(buf, 1, sizeof buf, f);
        text.append(buf, n);
        if (n < sizeof buf) break;
    }
    const bool failed = std::ferror(f) != 0;
    const int err = errno;
    std::fclose(f);
    if (failed) {
        why = std::strerror(err);
        return std::nullopt;
    }
    return text;
}

}  // namespace

// Every *.json under dir, found without following symbolic links to folders (no loops), without
// throwing (error_code overloads throughout), and within the limits above. A *.json entry that is
// not a regular file (a folder, FIFO, socket, device, dangling or looping link) is an error naming
// it; it is never opened, so a FIFO cannot block. A link to a regular file is read.
load_result load_rules_dir(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<rules_error> problems;
    auto problem = [&](const fs::path& p, std::string message) {
        if (problems.size() < max_reported_problems) problems.push_back({p.generic_string(), "", std::move(message)});
    };
    std::error_code ec;
    const fs::file_status root = fs::status(dir, ec);
    if (!fs::is_directory(root)) {
        load_result r;
        r.errors.push_back({dir, "",
                            "not a directory: give the rules folder (e.g. rules/)" +
                                (ec ? " (" + ec.message() + ")" : std::string())});
        return r;
    }
    std::vector<fs::path> paths;
    std::size_t entries = 0;
    fs::path last = dir;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (++entries > max_folder_entries) {
            problem(dir, "more than " + std::to_string(max_folder_entries) +
                             " entries: not a rules folder (search stopped)");
            break;
        }
        if (problems.size() >= max_reported_problems) break;
        const fs::path p = it->path();
        last = p;
        std::error_code sec;
        const fs::file_status own = fs::symlink_status(p, sec);
        if (sec) {
            problem(p, "cannot inspect: " + sec.message());
            continue;
        }
        if (fs::is_directory(own)) {
            if (it.depth() + 1 >= max_folder_depth) {
                it.disable_recursion_pending();
                problem(p, "folder nested deeper than " + std::to_string(max_folder_depth) +
                               " levels below the rules folder: not searched");
            } else {
                // skip_permission_denied would pass over an unreadable folder without a word.
                std::error_code dec;
                fs::directory_iterator probe(p, dec);
                if (dec) problem(p, "cannot read folder: " + dec.message());
            }
        }
        if (p.extension() != ".json") continue;
        fs::file_status target = own;
        if (fs::is_symlink(own)) {
            std::error_code tec;
            target = fs::status(p, tec);
            if (target.type() == fs::file_type::not_found) {
                std::error_code rec;
                const fs::path to = fs::read_symlink(p, rec);
                problem(p, "not a regular file: dangling symbolic link" +
                               (rec ? std::string() : " to " + to.generic_string()));
                continue;
            }
            if (tec) {
                problem(p, "not a regular file: symbolic link that cannot be followed (" + tec.message() + ")");
                continue;
            }
        }
        if (!fs::is_regular_file(target)) {
            problem(p, "not a regular file: " + kind_of(target.type()));
            continue;
        }
        if (paths.size() >= max_rules_files) {
            problem(dir, "more than " + std::to_string(max_rules_files) +
                             " *.json files: not a rules folder (search stopped)");
            break;
        }
        paths.push_back(p);
    }
    if (ec) problem(last, "cannot read folder: " + ec.message() + " (search stopped)");
    std::sort(paths.begin(), paths.end());
    std::vector<rules_source_file> files;
    std::size_t total = 0;
    for (const auto& p : paths) {
        if (total > max_rules_total_bytes) {
            problem(dir, "more than " + std::to_string(max_rules_total_bytes >> 20) +
                             " MB of *.json files: not a rules folder (reading stopped)");
            break;
        }
        std::string why;
        auto text = read_bounded(p, why);
        if (!text) {
            problem(p, "cannot read: " + why);
            continue;
        }
        if (text->size() > max_rules_file_bytes) {
            problem(p, "file larger than " + std::to_string(max_rules_file_bytes >> 20) +
                           " MB (a sanity limit; rules files are a few KB)");
            continue;
        }
        total += text->size();
        files.push_back({p.generic_string(), std::move(*text)});
    }
    load_result result = load_rules_texts(files);
    if (!problems.empty()) {
        result.book.reset();
        result.errors.insert(result.errors.begin(), problems.begin(), problems.end());
    }
    return result;
}

// ---------------------------------------------------------------- listings for the UI

std::vector<int> years(const rule_book& rules) {
    std::vector<int> out;
    for (const auto& [key, y] : rules.by_year)
        if (key.second == "municipal") out.push_back(key.first);
    return out;
}

std::vector<district_info> districts(const rule_book& rules) {
    std::vector<district_info> out;
    for (const auto& d : rules.district_list) {
        bool own = false;
        for (const auto& [key, y] : rules.by_year) own = own || key.second == d.id;
        out.push_back({d.id, d.name, d.aliases, own});
    }
    return out;
}

std::optional<district_info> district_named(const rule_book& rules, std::string_view id_or_name) {
    const district_entry* d = rules.find_district(id_or_name);
    if (!d) return std::nullopt;
    bool own = false;
    for (const auto& [key, y] : rules.by_year) own = own || key.second == d->id;
    return district_info{d->id, d->name, d->aliases, own};
}

std::optional<std::string> district_id_in(std::string_view districts_text, std::string_view id_or_name) {
    if (districts_text.size() > max_rules_file_bytes) return std::nullopt;
    const json doc = json::parse(districts_text.begin(), districts_text.end(), nullptr, false);
    if (!doc.is_object()) return std::nullopt;
    const auto list = doc.find("districts");
    if (list == doc.end() || !list->is_array()) return std::nullopt;
    for (const json& d : *list) {
        if (!d.is_object()) continue;
        const auto id = d.find("id");
        const auto name = d.find("name");
        if (id == d.end() || name == d.end() || !id->is_string() || !name->is_string()) continue;
        district_entry entry{id->get<std::string>(), name->get<std::string>(), {}};
        if (const auto aliases = d.find("aliases"); aliases != d.end() && aliases->is_array())
            for (const json& a : *aliases)
                if (a.is_string()) entry.aliases.push_back(a.get<std::string>());
        if (entry.named(id_or_name)) return entry.id;
    }
    return std::nullopt;
}

std::optional<year_info> year_details(const rule_book& rules, int year, const std::string& district) {
    bool own = false;
    const year_rules* y = rules.find(year, district, &own);
    if (!y || !rules.find_district(district)) return std::nullopt;
    year_info info;
    info.year = year;
    info.enrollment_opens = y->opens.value;
    info.centralized_ends = y->centralized_ends.value;
    info.coverage_starts = y->coverage_from.value;
    info.coverage_ends = y->coverage_to.value;
    // Each source once, in the order of the dates.
    auto add_source = [](std::string& to, const std::string& s) {
        if (!s.empty() && to.find(s) == std::string::npos) to += (to.empty() ? "" : "；") + s;
    };
    for (const auto* d : {&y->opens, &y->centralized_ends, &y->coverage_from, &y->coverage_to})
        add_source(info.periods_source, d->source);
    for (int tier = 1; tier <= 2; ++tier) {
        info.resident_standards[tier - 1] = y->standard(person_kind::resident, tier).value;
        info.student_standards[tier - 1] = y->standard(person_kind::student, tier).value;
        add_source(info.standards_source, y->standard(person_kind::resident, tier).source);
        add_source(info.standards_source, y->standard(person_kind::student, tier).source);
    }
    for (const auto& f : y->files) info.rules_files += (info.rules_files.empty() ? "" : " + ") + f;
    for (const auto& d : y->documents) info.documents += (info.documents.empty() ? "" : "；") + d;
    info.rules_revision = y->revision;
    info.district_has_own_file = own;
    return info;
}

std::vector<category_info> categories(const rule_book& rules, int year, const std::string& district) {
    std::vector<category_info> out;
    const year_rules* y = rules.find(year, district);
    if (!y || !rules.find_district(district)) return out;
    for (const auto& c : y->categories) {
        category_info i;
        i.code = c.code;
        i.name = c.name;
        person_kind who = c.allows(person_kind::resident) ? person_kind::resident : person_kind::student;
        i.students_only = !c.allows(person_kind::resident);
        i.estimated = c.derived;
        i.tier1_allowed = c.tier_rule(who, 1).kind != assist_kind::not_allowed;
        i.tier2_allowed = c.tier_rule(who, 2).kind != assist_kind::not_allowed;
        i.tier1_assistance = y->assistance(c, who, 1);
        i.tier2_assistance = y->assistance(c, who, 2);
        i.student_tier1_assistance = y->assistance(c, person_kind::student, 1);
        i.student_tier2_assistance = y->assistance(c, person_kind::student, 2);
        if (c.valid_from) i.valid_from = format_date(*c.valid_from);
        if (c.valid_to) i.valid_to = format_date(*c.valid_to);
        i.source = c.source;
        out.push_back(i);
    }
    return out;
}

std::string source_text(const std::string& source_json, const std::string& readings_json) {
    const json source = json::parse(source_json, nullptr, false);
    const json readings = json::parse(readings_json, nullptr, false);
    if (source.is_discarded()) return "";
    std::vector<rules_error> errors;
    provenance prov{"", {}};
    cite_context cites;
    cites.check_documents = false;
    cites.readings_read = true;
    cites.readings = reading_words_of(readings);
    reader r{prov, errors, &cites};
    const json holder = {{"source", source}};
    return r.source(holder, "", true).value_or("");
}

std::optional<sourced_text> whom_to_ask(const rule_book& rules) {
    if (!rules.ask) return std::nullopt;
    return sourced_text{rules.ask->text, rules.ask->source};
}

}  // namespace yibao
