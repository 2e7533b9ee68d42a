// One vocabulary for every way a request is written: the JSON keys of the contract, their names in
// the page's URL and as CLI flags, their Chinese names, types and limits. The JSON parser, the URL
// state, the CLI and the UI all read this table, so that a field has one name, one type and one
// range everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>

#include "core/quote.h"

namespace yibao::vocab {

// Limits of a request (sanity limits of the contract, not policy figures).
inline constexpr std::size_t request_max_bytes = 1 << 20;  // 1 MiB of JSON text
inline constexpr std::size_t max_categories = 30;          // the longest table lists 25 codes
inline constexpr std::size_t max_text_bytes = 200;         // one string value (a code, a name)
inline constexpr std::size_t max_errors = 20;              // errors reported before "N more"
inline constexpr std::size_t max_nodes = 4096;             // JSON values in one request
inline constexpr std::size_t max_depth = 8;                // nesting of arrays and objects
inline constexpr std::size_t max_members = 10;             // members of one household request

enum class field_type { integer, text, person, text_list, date, boolean };

struct field {
    std::string_view key;  // JSON key of the contract
    field_type type;
    std::string_view zh;    // Chinese name, as shown in messages ("参保年度")
    std::string_view url;   // URL parameter of the page ("" = not in the URL)
    std::string_view flag;  // CLI flag ("" = none)
    bool required;
    std::int64_t min = 0;  // integers: the accepted range
    std::int64_t max = 0;
    std::string_view example;  // what a valid value looks like, for messages
};

inline constexpr field request_fields[] = {
    {"year", field_type::integer, "参保年度", "year", "--year", true, 2000, 2100, "2026"},
    {"district", field_type::text, "区县", "district", "--district", true, 0, 0, "\"wanzhou\" 或 \"万州区\""},
    {"person", field_type::person, "参保人", "person", "--person", false, 0, 0, "\"resident\""},
    {"categories", field_type::text_list, "资助类别", "categories", "--category", false, 0, 0, "[\"101\"]"},
    {"tier", field_type::integer, "档次", "tier", "--tier", true, 1, 2, "1"},
    {"paid_on", field_type::date, "缴费日期", "paid", "--paid", false, 0, 0, "\"2026-01-15\""},
    {"continuous", field_type::boolean, "是否连续参保", "continuous", "--continuous", false, 0, 0, "true"},
    {"break_years", field_type::integer, "断保年数", "break", "--break-years", false, 0, 30, "2"},
    {"continuous_years", field_type::integer, "连续参保年数", "continuous_years", "--continuous-years", false, 0, 100,
     "5"},
    {"zero_claims_last_year", field_type::boolean, "上一年度是否零报销", "zero_claims", "--zero-claims", false, 0, 0,
     "true"},
    {"birth_date", field_type::date, "出生日期", "birth", "--birth", false, 0, 0, "\"2026-03-02\""},
    {"pays_birth_year", field_type::boolean, "是否补缴出生当年", "birth_year", "--pays-birth-year", false, 0, 0,
     "true"},
    {"freshman", field_type::boolean, "是否新生入学时缴费", "freshman", "--freshman", false, 0, 0, "true"},
};

inline const field* find_field(std::string_view key) {
    for (const auto& f : request_fields)
        if (f.key == key) return &f;
    return nullptr;
}
inline const field* find_url_field(std::string_view name) {
    for (const auto& f : request_fields)
        if (!f.url.empty() && f.url == name) return &f;
    return nullptr;
}

// Who is insured: the id in requests and URLs, and the Chinese names shown and also accepted.
struct person_name {
    person_kind kind;
    std::string_view id;
    std::string_view zh;        // full name, as in explanations
    std::string_view zh_short;  // on the page's buttons
};
inline constexpr person_name persons[] = {
    {person_kind::resident, "resident", "城乡居民", "居民"},
    {person_kind::student, "student", "在渝高校大学生", "大学生"},
    {person_kind::newborn, "newborn", "新生儿", "新生儿"},
};
inline const person_name& person(person_kind k) {
    for (const auto& p : persons)
        if (p.kind == k) return p;
    return persons[0];
}
inline std::optional<person_kind> person_from(std::string_view text) {
    for (const auto& p : persons)
        if (text == p.id || text == p.zh || text == p.zh_short) return p.kind;
    return std::nullopt;
}

// A household request (README "A household"): `members` holds one object per member, each with the
// fields above that are its own (they override the shared ones at the top level) and an optional
// `label`, chosen from member_labels: never free text, never a name. In the page's URL a member's
// answer is written m<index>.<url name> (m0.person=student, m1.label=spouse).
inline constexpr std::string_view members_key = "members";
inline constexpr std::string_view members_zh = "家庭成员";
inline constexpr std::string_view label_key = "label";
inline constexpr std::string_view label_zh = "成员称呼";
inline constexpr std::string_view member_url_prefix = "m";  // m0.person, m1.categories, ...

struct member_label_name {
    member_label label;
    std::string_view id;  // in requests and URLs
    std::string_view zh;  // shown, and also accepted
};
inline constexpr member_label_name member_labels[] = {
    {member_label::self, "self", "本人"},     {member_label::spouse, "spouse", "配偶"},
    {member_label::father, "father", "父亲"}, {member_label::mother, "mother", "母亲"},
    {member_label::child, "child", "子女"},   {member_label::grandchild, "grandchild", "孙子女"},
    {member_label::other, "other", "其他"},
};
inline const member_label_name& member_label_of(member_label l) {
    for (const auto& m : member_labels)
        if (m.label == l) return m;
    return member_labels[std::size(member_labels) - 1];
}
inline std::optional<member_label> member_label_from(std::string_view text) {
    for (const auto& m : member_labels)
        if (text == m.id || text == m.zh) return m.label;
    return std::nullopt;
}

inline constexpr std::string_view tier_names[] = {"一档", "二档"};
inline std::string_view tier_name(int tier) { return tier == 2 ? tier_names[1] : tier_names[0]; }

}  // namespace yibao::vocab
