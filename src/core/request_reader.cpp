#include "core/request_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/json_error.h"
#include "core/vocabulary.h"

namespace yibao {

namespace {

using vocab::field;
using vocab::field_type;

struct member;

// A JSON value as written: numbers keep their text, objects keep their keys in order.
struct value {
    enum class kind { null, boolean, integer, unsigned_integer, floating, string, array, object } type = kind::null;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer = 0;
    std::string text;  // a string's value, or a floating number as written
    std::vector<member> members;
    std::vector<value> items;
};

// One key and its value. Not a std::pair: clang with libstdc++ cannot instantiate
// std::pair<std::string, value> while value is still incomplete (the fuzz preset builds with clang).
struct member {
    member(std::string k, value v) : first(std::move(k)), second(std::move(v)) {}
    std::string first;
    value second;
};

// Up to vocab::max_errors errors, then one line that says how many more there were.
// While a household member is read, its errors are named by the member (field_prefix
// "members/1/", message_prefix "第2位成员：").
struct error_list {
    explicit error_list(std::vector<field_error>& list) : out(list) {}
    std::vector<field_error>& out;
    std::size_t listed = 0;
    std::size_t more = 0;
    std::string field_prefix;
    std::string message_prefix;
    void add(std::string field_name, std::string message) {
        if (listed < vocab::max_errors) {
            out.push_back({field_prefix + field_name, message_prefix + message});
            ++listed;
        } else {
            ++more;
        }
    }
    void close() {
        if (more) out.push_back({"request", "另有" + std::to_string(more) + "处问题未列出；请先改正上面的问题。"});
    }
};

// Shortens echoed text to a readable length without cutting a UTF-8 character.
std::string shown(std::string_view s) {
    constexpr std::size_t limit = 40;
    if (s.size() <= limit) return std::string(s);
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "…";
}

std::string written(const value& v) {
    switch (v.type) {
        case value::kind::null:
            return "null";
        case value::kind::boolean:
            return v.boolean ? "true" : "false";
        case value::kind::integer:
            return std::to_string(v.integer);
        case value::kind::unsigned_integer:
            return std::to_string(v.unsigned_integer);
        case value::kind::floating:
            return shown(v.text);
        case value::kind::string:
            return "\"" + shown(v.text) + "\"";
        case value::kind::array:
            return "一个数组";
        case value::kind::object:
            return "一个对象";
    }
    return "";
}

// Builds a value tree from nlohmann's SAX events, with limits on size and depth, and refuses
// duplicate keys (nlohmann would keep the last one silently).
struct tree_builder : nlohmann::json_sax<nlohmann::json> {
    value root;
    std::vector<value*> stack;
    std::size_t nodes = 0;
    std::string problem;  // why the parse stopped, when it was not a syntax error
    std::string problem_field = "request";
    bool syntax_error = false;

    value* place() {
        if (++nodes > vocab::max_nodes) {
            problem = "请求含有太多取值（超过" + std::to_string(vocab::max_nodes) + "个）；一个请求只需十几个字段。";
            return nullptr;
        }
        if (stack.empty()) return &root;
        value* top = stack.back();
        if (top->type == value::kind::array) {
            top->items.emplace_back();
            return &top->items.back();
        }
        return &top->members.back().second;
    }
    bool scalar(value v) {
        value* at = place();
        if (!at) return false;
        *at = std::move(v);
        return true;
    }
    bool null() override { return scalar({}); }
    bool boolean(bool b) override {
        value v;
        v.type = value::kind::boolean;
        v.boolean = b;
        return scalar(std::move(v));
    }
    bool number_integer(number_integer_t n) override {
        value v;
        v.type = value::kind::integer;
        v.integer = n;
        return scalar(std::move(v));
    }
    bool number_unsigned(number_unsigned_t n) override {
        value v;
        if (n <= static_cast<std::uint64_t>(INT64_MAX)) {
            v.type = value::kind::integer;
            v.integer = static_cast<std::int64_t>(n);
        } else {
            v.type = value::kind::unsigned_integer;
            v.unsigned_integer = n;
        }
        return scalar(std::move(v));
    }
    bool number_float(number_float_t, const string_t& raw) override {
        value v;
        v.type = value::kind::floating;
        v.text = raw;
        return scalar(std::move(v));
    }
    bool string(string_t& s) override {
        value v;
        v.type = value::kind::string;
        v.text = std::move(s);
        return scalar(std::move(v));
    }
    bool binary(binary_t&) override { return false; }
    bool open(value::kind k) {
        if (stack.size() >= vocab::max_depth) {
            problem = "请求嵌套太深（超过" + std::to_string(vocab::max_depth) + "层）。";
            return false;
        }
        value* at = place();
        if (!at) return false;
        at->type = k;
        stack.push_back(at);
        return true;
    }
    bool start_object(std::size_t) override { return open(value::kind::object); }
    bool start_array(std::size_t) override { return open(value::kind::array); }
    bool end_object() override {
        stack.pop_back();
        return true;
    }
    bool end_array() override {
        stack.pop_back();
        return true;
    }
    bool key(string_t& k) override {
        value* obj = stack.back();
        for (const auto& [existing, v] : obj->members)
            if (existing == k) {
                problem = "字段 " + shown(k) + " 写了两次；每个字段只能写一次。";
                // Named by its place, as errors about a household member are ("members/1/tier").
                problem_field.clear();
                for (std::size_t i = 1; i < stack.size(); ++i) {
                    const value* parent = stack[i - 1];
                    problem_field += (parent->type == value::kind::array ? std::to_string(parent->items.size() - 1)
                                                                         : parent->members.back().first) +
                                     "/";
                }
                problem_field += k;
                return false;
            }
        obj->members.emplace_back(std::move(k), value{});
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        syntax_error = true;
        return false;
    }
};

std::vector<std::string_view> json_keys() {
    std::vector<std::string_view> keys;
    for (const auto& f : vocab::request_fields) keys.push_back(f.key);
    return keys;
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known,
                                std::string_view what = "字段") {
    std::string m = "未知" + std::string(what) + " " + shown(key);
    std::string near = nearest_name(key, known);
    if (!near.empty()) return m + "，是否想写 " + near + "？";
    m += "。可用的" + std::string(what) + "：";
    for (std::size_t i = 0; i < known.size(); ++i) m += (i ? "、" : "") + std::string(known[i]);
    return m + "。";
}

std::string type_text(field_type t) {
    switch (t) {
        case field_type::integer:
            return "整数";
        case field_type::text:
            return "文字";
        case field_type::person:
            return "文字";
        case field_type::text_list:
            return "文字的数组";
        case field_type::date:
            return "日期文字（YYYY-MM-DD）";
        case field_type::boolean:
            return "true 或 false";
    }
    return "";
}

std::string label(const field& f) { return std::string(f.zh) + "（" + std::string(f.key) + "）"; }

void wrong_type(error_list& errors, const field& f, const value& v) {
    if (v.type == value::kind::null) {
        errors.add(std::string(f.key), label(f) + "不能是 null；不回答这一问就不写这个字段。");
        return;
    }
    errors.add(std::string(f.key), label(f) + "应是" + type_text(f.type) + "，如 " + std::string(f.example) +
                                       "；这里写的是 " + written(v) + "。");
}

void out_of_range(error_list& errors, const field& f, const value& v) {
    errors.add(std::string(f.key), label(f) + "写的是 " + written(v) + "，应是 " + std::to_string(f.min) + " 到 " +
                                       std::to_string(f.max) + " 之间的整数。");
}

// One field's value into the request.
void read_field(const field& f, const value& v, request& out, error_list& errors) {
    switch (f.type) {
        case field_type::integer: {
            if (v.type == value::kind::unsigned_integer) return out_of_range(errors, f, v);
            if (v.type == value::kind::floating &&
                v.text.find_first_not_of("0123456789", v.text[0] == '-' ? 1 : 0) == std::string::npos)
                return out_of_range(errors, f, v);  // an integer too large for 64 bits
            if (v.type == value::kind::floating) {
                // 1e10, 2025.0, 1e400: a number, but not an integer as the contract asks.
                errors.add(std::string(f.key),
                           label(f) + "应是整数，如 " + std::string(f.example) + "；这里写的是 " + written(v) + "。");
                return;
            }
            if (v.type != value::kind::integer) return wrong_type(errors, f, v);
            if (v.integer < f.min || v.integer > f.max) return out_of_range(errors, f, v);
            const int n = static_cast<int>(v.integer);
            if (f.key == "year")
                out.year = n;
            else if (f.key == "tier")
                out.tier = n;
            else if (f.key == "break_years")
                out.break_years = n;
            else if (f.key == "continuous_years")
                out.continuous_years = n;
            return;
        }
        case field_type::text: {
            if (v.type != value::kind::string || v.text.empty()) return wrong_type(errors, f, v);
            if (v.text.size() > vocab::max_text_bytes)
                return errors.add(std::string(f.key),
                                  label(f) + "太长（超过" + std::to_string(vocab::max_text_bytes) + "字节）。");
            if (f.key == "district") out.district = v.text;
            return;
        }
        case field_type::person: {
            if (v.type != value::kind::string) return wrong_type(errors, f, v);
            if (auto p = vocab::person_from(v.text)) {
                out.person = *p;
                return;
            }
            std::string ids;
            for (const auto& p : vocab::persons)
                ids += (ids.empty() ? "" : "、") + ("\"" + std::string(p.id) + "\"（" + std::string(p.zh) + "）");
            errors.add(std::string(f.key), label(f) + "只能是 " + ids + "；这里写的是 " + written(v) + "。");
            return;
        }
        case field_type::text_list: {
            if (v.type != value::kind::array) return wrong_type(errors, f, v);
            if (v.items.size() > vocab::max_categories)
                return errors.add(std::string(f.key), label(f) + "最多填写" + std::to_string(vocab::max_categories) +
                                                          "个，这里有" + std::to_string(v.items.size()) + "个。");
            std::vector<std::string> codes;
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                const value& item = v.items[i];
                if (item.type != value::kind::string || item.text.empty() || item.text.size() > vocab::max_text_bytes) {
                    errors.add(std::string(f.key), label(f) + "的第" + std::to_string(i + 1) +
                                                       "项应是代码或名称的文字，如 \"101\"；这里写的是 " +
                                                       written(item) + "。");
                    continue;
                }
                codes.push_back(item.text);
            }
            out.categories = std::move(codes);
            return;
        }
        case field_type::date: {
            if (v.type != value::kind::string) return wrong_type(errors, f, v);
            auto d = parse_date(v.text);
            if (!d)
                return errors.add(std::string(f.key), label(f) + "应是存在的日期，格式 YYYY-MM-DD，如 " +
                                                          std::string(f.example) + "；这里写的是 " + written(v) + "。");
            if (f.key == "paid_on")
                out.paid_on = d;
            else if (f.key == "birth_date")
                out.birth_date = d;
            return;
        }
        case field_type::boolean: {
            if (v.type != value::kind::boolean) return wrong_type(errors, f, v);
            if (f.key == "continuous")
                out.continuous = v.boolean;
            else if (f.key == "zero_claims_last_year")
                out.zero_claims_last_year = v.boolean;
            else if (f.key == "pays_birth_year")
                out.pays_birth_year = v.boolean;
            else if (f.key == "freshman")
                out.freshman = v.boolean;
            return;
        }
    }
}

void require_fields(const std::vector<const field*>& given, error_list& errors) {
    for (const auto& f : vocab::request_fields)
        if (f.required && std::find(given.begin(), given.end(), &f) == given.end())
            errors.add(std::string(f.key), "请填写" + label(f) + "，如 " + std::string(f.example) + "。");
}

// Reads a request object: every key must be a field of the vocabulary (or, where a household may
// be asked, `members`, which is returned unread).
const value* read_object(const value& obj, request& out, error_list& errors, std::vector<const field*>& given,
                         bool household_allowed) {
    static const std::vector<std::string_view> known = json_keys();
    static const std::vector<std::string_view> known_top = [] {
        auto k = json_keys();
        k.push_back(vocab::members_key);
        return k;
    }();
    const value* members = nullptr;
    for (const auto& [key, v] : obj.members) {
        if (key == vocab::members_key && household_allowed) {
            members = &v;
            continue;
        }
        const field* f = vocab::find_field(key);
        if (!f) {
            errors.add(shown(key), unknown_key_message(key, household_allowed ? known_top : known));
            continue;
        }
        given.push_back(f);
        read_field(*f, v, out, errors);
    }
    return members;
}

std::string members_label() { return std::string(vocab::members_zh) + "（" + std::string(vocab::members_key) + "）"; }

std::string label_choices() {
    std::string s;
    for (const auto& l : vocab::member_labels)
        s += (s.empty() ? "" : "、") + std::string(l.id) + "（" + std::string(l.zh) + "）";
    return s;
}

// A member's label: one of vocab::member_labels, by its id or its Chinese name; never free text.
std::optional<member_label> read_label(const value& v, error_list& errors) {
    const std::string what = std::string(vocab::label_zh) + "（" + std::string(vocab::label_key) + "）";
    if (v.type == value::kind::string)
        if (auto l = vocab::member_label_from(v.text)) return l;
    errors.add(std::string(vocab::label_key), what + "只能从这几项中选一项：" + label_choices() + "；这里写的是 " +
                                                  written(v) + "。不要写姓名，也不要写别的文字。");
    return std::nullopt;
}

// The members of a household: each one the shared answers (read before) with its own over them.
void read_members(const value& list, const request& shared, const std::vector<const field*>& shared_given,
                  std::vector<member_request>& out, error_list& errors) {
    static const std::vector<std::string_view> member_keys = [] {
        auto k = json_keys();
        k.push_back(vocab::label_key);
        return k;
    }();
    const std::string example = R"(，如 [{"label": "本人"}, {"label": "子女", "person": "student"}])";
    if (list.type != value::kind::array) {
        errors.add(std::string(vocab::members_key),
                   members_label() + "应是成员的数组" + example + "；这里写的是 " + written(list) + "。");
        return;
    }
    if (list.items.empty()) {
        errors.add(std::string(vocab::members_key), members_label() + "是空的：请至少写一位成员" + example +
                                                        "；只算一个人时去掉 members，把回答写在请求的顶层。");
        return;
    }
    if (list.items.size() > vocab::max_members) {
        errors.add(std::string(vocab::members_key), members_label() + "写了" + std::to_string(list.items.size()) +
                                                        "位成员，一次最多" + std::to_string(vocab::max_members) +
                                                        "位；请分成几次计算，每次不超过" +
                                                        std::to_string(vocab::max_members) + "位。");
        return;
    }
    std::vector<std::vector<const field*>> given(list.items.size());
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const value& item = list.items[i];
        const std::string index = std::to_string(i);
        const std::string who = "第" + std::to_string(i + 1) + "位成员";
        if (item.type != value::kind::object) {
            errors.add(std::string(vocab::members_key) + "/" + index,
                       who + "应是一个对象，如 {\"label\": \"配偶\", \"tier\": 1}；这里写的是 " + written(item) + "。");
            continue;
        }
        member_request m;
        m.req = shared;
        errors.field_prefix = std::string(vocab::members_key) + "/" + index + "/";
        errors.message_prefix = who + "：";
        for (const auto& [key, v] : item.members) {
            if (key == vocab::label_key) {
                m.label = read_label(v, errors);
                continue;
            }
            const field* f = vocab::find_field(key);
            if (!f) {
                errors.add(shown(key), unknown_key_message(key, member_keys));
                continue;
            }
            given[i].push_back(f);
            read_field(*f, v, m.req, errors);
        }
        errors.field_prefix.clear();
        errors.message_prefix.clear();
        out.push_back(std::move(m));
    }
    // A required answer may be shared or each member's own; missing everywhere, it is asked once.
    for (const auto& f : vocab::request_fields) {
        if (!f.required || std::find(shared_given.begin(), shared_given.end(), &f) != shared_given.end()) continue;
        std::vector<std::size_t> missing;
        for (std::size_t i = 0; i < given.size(); ++i)
            if (list.items[i].type == value::kind::object &&
                std::find(given[i].begin(), given[i].end(), &f) == given[i].end())
                missing.push_back(i);
        if (missing.empty()) continue;
        if (missing.size() == given.size()) {
            errors.add(std::string(f.key), "请填写" + label(f) + "，如 " + std::string(f.example) +
                                               "：写在请求的顶层，全家共用；或写在每位成员里。");
            continue;
        }
        for (std::size_t i : missing)
            errors.add(std::string(vocab::members_key) + "/" + std::to_string(i) + "/" + std::string(f.key),
                       "第" + std::to_string(i + 1) + "位成员：请填写" + label(f) + "，如 " + std::string(f.example) +
                           "（或写在请求的顶层，全家共用）。");
    }
}

// Text of a URL parameter as the JSON value it stands for.
value url_value(const field& f, const std::string& text) {
    value v;
    switch (f.type) {
        case field_type::integer: {
            std::int64_t n = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (!text.empty() && ptr == text.data() + text.size() && ec == std::errc{} &&
                text.find('+') == std::string::npos) {
                v.type = value::kind::integer;
                v.integer = n;
            } else if (!text.empty() && ec == std::errc::result_out_of_range) {
                v.type = value::kind::floating;  // reported as written
                v.text = text;
            } else {
                v.type = value::kind::string;
                v.text = text;
            }
            return v;
        }
        case field_type::boolean:
            if (text == "1" || text == "true")
                v.type = value::kind::boolean, v.boolean = true;
            else if (text == "0" || text == "false")
                v.type = value::kind::boolean, v.boolean = false;
            else
                v.type = value::kind::string, v.text = text;
            return v;
        case field_type::text_list: {
            v.type = value::kind::array;
            std::string_view rest = text;
            while (!rest.empty()) {
                auto comma = rest.find(',');
                value item;
                item.type = value::kind::string;
                item.text = std::string(rest.substr(0, comma));
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
                if (!item.text.empty()) v.items.push_back(std::move(item));
                if (v.items.size() > vocab::max_categories) break;
            }
            return v;
        }
        default:
            v.type = value::kind::string;
            v.text = text;
            return v;
    }
}

}  // namespace

std::string nearest_name(std::string_view written_name, const std::vector<std::string_view>& known) {
    // Levenshtein distance, ASCII-case-insensitive; a name within a third of its length is "near".
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (written_name.size() > 64) return "";
    std::string best;
    std::size_t best_distance = SIZE_MAX;
    for (std::string_view k : known) {
        std::vector<std::size_t> prev(k.size() + 1), cur(k.size() + 1);
        for (std::size_t j = 0; j <= k.size(); ++j) prev[j] = j;
        for (std::size_t i = 1; i <= written_name.size(); ++i) {
            cur[0] = i;
            for (std::size_t j = 1; j <= k.size(); ++j)
                cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1,
                                   prev[j - 1] + (lower(written_name[i - 1]) == lower(k[j - 1]) ? 0 : 1)});
            std::swap(prev, cur);
        }
        if (prev[k.size()] < best_distance) best_distance = prev[k.size()], best = std::string(k);
    }
    const std::size_t allowed = std::max<std::size_t>(2, std::max(written_name.size(), best.size()) / 3);
    return best_distance <= allowed ? best : "";
}

namespace {

// The JSON text as a value tree, or false with the reason in errors.
bool read_tree(std::string_view text, tree_builder& tree, error_list& errors) {
    if (text.size() > vocab::request_max_bytes) {
        errors.add("request", "请求太大（" + std::to_string(text.size()) + " 字节，上限 " +
                                  std::to_string(vocab::request_max_bytes) + " 字节）；一个请求只需几百字节。");
        return false;
    }
    // nlohmann stops at a NUL byte as if the text ended there: `{…}\0garbage` would pass.
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        errors.add("request", "请求在第" + std::to_string(nul + 1) + "个字节处含有空字节（\\0），不是有效的JSON文本。");
        return false;
    }
    bool parsed =
        nlohmann::json::sax_parse(text.begin(), text.end(), &tree, nlohmann::json::input_format_t::json, true);
    if (!parsed) {
        if (tree.syntax_error || tree.problem.empty()) {
            auto where = json_error_position(text);
            errors.add("request", "请求不是有效的JSON，在第" + std::to_string(where.line) + "行第" +
                                      std::to_string(where.column) + "列附近出错。请检查括号、引号和逗号。");
        } else {
            errors.add(tree.problem_field, tree.problem);
        }
        errors.close();
        return false;
    }
    if (tree.root.type != value::kind::object) {
        errors.add("request", "请求应是一个JSON对象，例如 {\"year\": 2026, \"district\": \"wanzhou\", ...}。");
        return false;
    }
    return true;
}

}  // namespace

bool parse_request(std::string_view text, request& out, std::vector<field_error>& out_errors) {
    const std::size_t before = out_errors.size();
    error_list errors{out_errors};
    tree_builder tree;
    if (!read_tree(text, tree, errors)) return false;
    std::vector<const field*> given;
    read_object(tree.root, out, errors, given, false);
    require_fields(given, errors);
    errors.close();
    return out_errors.size() == before;
}

bool parse_any_request(std::string_view text, parsed_request& out, std::vector<field_error>& out_errors) {
    const std::size_t before = out_errors.size();
    error_list errors{out_errors};
    tree_builder tree;
    if (!read_tree(text, tree, errors)) return false;
    std::vector<const field*> given;
    const value* members = read_object(tree.root, out.single, errors, given, true);
    out.household = members != nullptr;
    if (members)
        read_members(*members, out.single, given, out.members, errors);
    else
        require_fields(given, errors);
    errors.close();
    if (out_errors.size() != before) out.members.clear();
    return out_errors.size() == before;
}

bool parse_request_params(const std::vector<std::pair<std::string, std::string>>& params, request& out,
                          std::vector<field_error>& out_errors) {
    const std::size_t before = out_errors.size();
    error_list errors{out_errors};
    value obj;
    obj.type = value::kind::object;
    std::vector<const field*> seen;
    for (const auto& [name, text] : params) {
        const field* f = vocab::find_url_field(name);
        if (!f) continue;  // not an answer: a setting of the page or of whoever shared the link
        if (std::find(seen.begin(), seen.end(), f) != seen.end()) {
            errors.add(std::string(f->key), label(*f) + "在地址中写了两次；只保留一个 " + name + "=。");
            continue;
        }
        seen.push_back(f);
        read_field(*f, url_value(*f, text), out, errors);
    }
    errors.close();
    return out_errors.size() == before;
}

}  // namespace yibao
