// yibao: the command-line tool over the rule engine.
//   yibao quote [--request FILE | < request.json]          JSON in, JSON out
//   yibao quote --year 2026 --district wanzhou ... [--json] answers as flags, readable Chinese out
//   yibao rules check [DIR]
//   yibao rules diff OLD NEW                                two rules files or folders: what changed
//   yibao categories --year Y --district D [--json]
// CLI11 parses the command line (subcommands, unknown and repeated options, exclusions, --help);
// this file only maps the flags to a request, which the core's one parser then checks like any
// JSON request (core/request_reader.h), with the flags' names taken from core/vocabulary.h.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/rules_diff.h"
#include "core/json_api.h"
#include "core/quote.h"
#include "core/rules.h"
#include "core/vocabulary.h"
#include "ui/presentation.h"

namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;
using yibao::format_yuan;
namespace vocab = yibao::vocab;

constexpr int exit_ok = 0, exit_rules = 1, exit_refused = 2, exit_usage = 64;

const char* const footer =
    "\n例 / examples:\n"
    "  yibao quote --year 2026 --district 万州 --category 101 --tier 1 --paid 2026-01-15 --continuous\n"
    "  echo '{\"year\":2025,\"district\":\"shizhu\",\"tier\":1,\"paid_on\":\"2025-07-01\"}' | yibao quote\n"
    "  yibao categories --year 2025 --district wanzhou\n"
    "  yibao rules check rules\n"
    "退出码 / exit codes: 0 成功 ok; 1 规则文件有误 broken rules; 2 请求不能报价 cannot quote; 64 用法错误 usage.\n";

std::string dump(const ojson& j, int indent) { return j.dump(indent, ' ', false, ojson::error_handler_t::replace); }

// rules/ next to the working directory, or next to the source tree of this binary.
std::string default_rules_dir(const char* argv0) {
    if (const char* env = std::getenv("YIBAO_RULES")) return env;
    std::error_code ec;
    if (fs::is_directory("rules", ec)) return "rules";
    fs::path exe = fs::canonical(fs::path(argv0), ec);
    if (!ec)
        for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
            if (fs::is_directory(p / "rules" / "chongqing", ec)) return (p / "rules").string();
    return "rules";
}

std::shared_ptr<const yibao::rule_book> load_or_report(const std::string& dir) {
    auto loaded = yibao::load_rules_dir(dir);
    if (!loaded.errors.empty()) {
        std::cerr << "规则文件有误 / broken rules file:\n";
        for (const auto& e : loaded.errors) std::cerr << "  " << e.to_string() << "\n";
        return nullptr;
    }
    return loaded.book;
}

// Reads at most vocab::request_max_bytes + 1 bytes, so that a request that is too large is
// reported by the parser and /dev/zero never fills the memory.
bool read_limited(std::istream& in, std::string& out) {
    const std::size_t cap = vocab::request_max_bytes + 1;
    out.clear();
    char buf[65536];
    try {
        while (out.size() < cap && in) {
            in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, cap - out.size())));
            out.append(buf, static_cast<std::size_t>(in.gcount()));
        }
    } catch (const std::exception&) {
        return false;
    }
    return !in.bad();
}

// --- yibao quote ----------------------------------------------------------------------------

struct quote_options {
    std::string request_file;
    std::map<std::string, std::string> text;  // flag → value
    std::vector<std::string> categories;
    std::map<std::string, bool> flags;  // flag → given
    bool not_freshman = false, json = false, advice = false, readable = false;
    std::vector<CLI::Option*> answers;  // the options that answer a question
};

// The answers given as flags, as a request JSON: integers go in as the numbers written (the
// parser reports a wrong type or range in the words it uses for JSON), the rest as text.
std::string request_from_flags(const quote_options& o) {
    ojson j;
    for (const auto& f : vocab::request_fields) {
        const std::string flag(f.flag);
        if (f.type == vocab::field_type::boolean) {
            if (o.flags.count(flag) && o.flags.at(flag)) j[std::string(f.key)] = true;
            continue;
        }
        if (f.type == vocab::field_type::text_list) {
            if (!o.categories.empty()) j[std::string(f.key)] = o.categories;
            continue;
        }
        auto it = o.text.find(flag);
        if (it == o.text.end() || it->second.empty()) continue;
        const std::string& v = it->second;
        // A number goes in as the number written (1.0, 1e10, -2147483649: the parser says what is
        // wrong with it); anything else as text ("abc" where a number belongs is a wrong type).
        ojson number = f.type == vocab::field_type::integer && v.size() < 400 && v[0] != '"'
                           ? ojson::parse(v, nullptr, false)
                           : ojson(nullptr);
        j[std::string(f.key)] = !number.is_discarded() && number.is_number() ? number : ojson(v);
    }
    if (!j.contains("person")) j["person"] = "resident";
    // --break-years N alone also answers continuity: 0 years without cover is continuous.
    if (j.contains("break_years") && !j.contains("continuous") && j["break_years"].is_number_integer())
        j["continuous"] = j["break_years"].get<long long>() == 0;
    if (o.not_freshman) j["freshman"] = false;
    return dump(j, -1);
}

// The flag a request field is written with, for messages about flags.
std::string flag_of(const std::string& field) {
    if (const auto* f = vocab::find_field(field); f && !f->flag.empty()) return std::string(f->flag);
    return field;
}

// The readable answer: the presentation model (ui/presentation.h) as lines of text.
void print_readable(const yibao::ui::presentation& p) {
    using yibao::ui::row_kind;
    for (const auto& s : p.sections) {
        if (s.id == yibao::ui::section_id::answers) continue;  // the flags the user just typed
        if (!s.heading.empty() && s.id != yibao::ui::section_id::answer) std::cout << s.heading << "：\n";
        int n = 0;
        for (const auto& r : s.rows) {
            const std::string flag = r.flag.empty() ? "" : "（" + r.flag + "）";  // 估算 beside an amount
            switch (r.kind) {
                case row_kind::amount:
                    std::cout << r.label << "金额：" << r.text << " " << r.unit << flag << "\n";
                    break;
                case row_kind::pair:
                    std::cout << "  " << r.label << "：" << r.text << flag << "\n";
                    break;
                case row_kind::text:
                    std::cout << r.text << "\n";
                    break;
                case row_kind::bullet:
                    std::cout << "  • " << (r.label.empty() ? "" : "[" + r.label + "] ") << r.text << "\n";
                    break;
                case row_kind::reason:
                    std::cout << "  " << ++n << ". " << r.text << (r.source.empty() ? "" : "〔" + r.source + "〕")
                              << "\n";
                    break;
            }
        }
    }
}

// A household's readable answer: the household's presentation model (ui/presentation.h
// present_household) as lines of text: the family's total and first days of cover, then each
// member (label, amount, its own answers, coverage, waiting period, or why it is refused), the
// family's advice, then each member's reasons with their clauses.
void print_household_readable(const yibao::ui::presentation& p) {
    using yibao::ui::row_kind;
    namespace section_id = yibao::ui::section_id;
    for (const auto& s : p.sections) {
        if (s.id == section_id::answers) {  // what the family shares: the year, district, payment day
            std::cout << s.heading << "：";
            for (std::size_t i = 0; i < s.rows.size(); ++i)
                std::cout << (i ? "；" : "") << s.rows[i].label << " " << s.rows[i].text;
            std::cout << "\n";
            continue;
        }
        if (s.id == section_id::why) {
            std::cout << "\n" << s.heading << "：\n";
            int n = 0;
            for (const auto& r : s.rows) {
                if (r.kind == row_kind::reason)
                    std::cout << "  " << ++n << ". " << r.text << (r.source.empty() ? "" : "〔" + r.source + "〕")
                              << "\n";
                else {
                    std::cout << r.text << "：\n";
                    n = 0;
                }
            }
            continue;
        }
        if (s.id == section_id::member) {
            std::cout << "\n" << s.heading;
            for (const auto& r : s.rows)
                if (r.id == "due")
                    std::cout << "：" << r.label << " " << r.text << (r.flag.empty() ? "" : "（" + r.flag + "）");
            std::cout << "\n";
            for (const auto& r : s.rows)
                if (r.id != "due") std::cout << (r.kind == row_kind::bullet ? "   • " : "   ") << r.text << "\n";
            continue;
        }
        if (s.id == section_id::family_hints) std::cout << "\n" << s.heading << "：\n";
        if (s.id == section_id::footer) std::cout << "\n";
        for (const auto& r : s.rows) {
            switch (r.kind) {
                case row_kind::amount:
                    std::cout << r.label << " " << r.text << " " << r.unit
                              << (r.flag.empty() ? "" : "（" + r.flag + "）") << "\n";
                    break;
                case row_kind::bullet:
                    std::cout << "  • " << (r.label.empty() ? "" : "[" + r.label + "] ") << r.text << "\n";
                    break;
                default:
                    std::cout << r.text << "\n";
            }
        }
    }
}

yibao::date today_here() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return yibao::date{std::chrono::year{local.tm_year + 1900},
                       std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                       std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

int run_quote(const quote_options& o, const std::string& rules_dir) {
    bool from_flags = std::any_of(o.answers.begin(), o.answers.end(), [](CLI::Option* a) { return a->count() > 0; });
    std::string text;
    yibao::request req;  // the request written as flags, once parsed
    if (from_flags) {
        text = request_from_flags(o);
        // A request written as flags is checked before the rules are read: a wrong flag value
        // is a usage error (exit 64), named by its flag.
        std::vector<yibao::field_error> errors;
        if (!yibao::parse_request(text, req, errors)) {
            std::cerr << "选项有误 / invalid option value:\n";
            for (const auto& e : errors) std::cerr << "  " << flag_of(e.field) << ": " << e.message << "\n";
            std::cerr << "用法见 yibao quote --help\n";
            return exit_usage;
        }
    } else if (!o.request_file.empty()) {
        std::error_code ec;
        auto st = fs::status(o.request_file, ec);
        if (ec || !fs::exists(st)) {
            std::cerr << "无法读取请求文件 " << o.request_file << "：文件不存在。\n";
            return exit_usage;
        }
        if (fs::is_directory(st)) {
            std::cerr << "请求文件 " << o.request_file << " 是一个目录；请给出一个JSON文件。\n";
            return exit_usage;
        }
        std::ifstream in(o.request_file, std::ios::binary);
        if (!in || !read_limited(in, text)) {
            std::cerr << "无法读取请求文件 " << o.request_file << "。\n";
            return exit_usage;
        }
    } else {
        if (isatty(STDIN_FILENO))
            std::cerr << "yibao quote：请输入一个JSON请求，以 Ctrl-D 结束；或用选项回答，如 "
                         "yibao quote --year 2026 --district wanzhou --tier 1 --paid 2026-01-15（见 yibao quote "
                         "--help）。\n";
        if (!read_limited(std::cin, text)) {
            std::cerr << "无法读取标准输入。\n";
            return exit_usage;
        }
    }
    auto book = load_or_report(rules_dir);
    if (!book) return exit_rules;
    if (from_flags && !o.json) {
        yibao::quote q = yibao::evaluate(*book, req);
        yibao::advice a = yibao::advise(*book, req, q);
        print_readable(yibao::ui::present(*book, req, q, a, today_here()));
        return q.ok ? exit_ok : exit_refused;
    }
    if (o.readable) {
        yibao::parsed_request parsed;
        std::vector<yibao::field_error> errors;
        if (!yibao::parse_any_request(text, parsed, errors)) {
            std::cout << "暂时算不出结果，请按下面的提示修改请求：\n";
            for (const auto& e : errors) std::cout << "  • [" << e.field << "] " << e.message << "\n";
            return exit_refused;
        }
        if (!parsed.household) {
            yibao::quote q = yibao::evaluate(*book, parsed.single);
            yibao::advice a = yibao::advise(*book, parsed.single, q);
            print_readable(yibao::ui::present(*book, parsed.single, q, a, today_here()));
            return q.ok ? exit_ok : exit_refused;
        }
        const yibao::household_quote h = yibao::evaluate_household(*book, parsed.members);
        std::vector<yibao::advice> each;
        for (std::size_t i = 0; i < h.members.size(); ++i)
            each.push_back(yibao::advise(*book, parsed.members[i].req, h.members[i].q));
        const yibao::household_advice family = yibao::advise_household(*book, parsed.members, h, each);
        print_household_readable(yibao::ui::present_household(*book, parsed.members, h, family, today_here()));
        return h.ok ? exit_ok : exit_refused;
    }
    std::string out = yibao::quote_json(*book, text, o.advice);
    auto q = ojson::parse(out, nullptr, false);
    if (q.is_discarded()) {  // never: the core writes valid JSON; say so rather than crash
        std::cerr << "内部错误：报价结果不是有效的JSON。\n";
        return exit_rules;
    }
    std::cout << dump(q, 2) << "\n";
    return q["ok"].get<bool>() ? exit_ok : exit_refused;
}

// --- yibao rules check / yibao categories --------------------------------------------------------

// The rule of the JSON Schema (DIR/schema.json) that a field falls under: the schema walked along
// the error's JSON pointer ($ref, properties, items, oneOf), named by where it is in the schema,
// what it allows and its description. "" when there is no schema or the pointer leaves it.
std::string schema_rule(const std::string& dir, const std::string& file, const std::string& pointer) {
    std::ifstream in(fs::path(dir) / "schema.json", std::ios::binary);
    if (!in) return "";
    const ojson schema = ojson::parse(in, nullptr, false);
    if (schema.is_discarded() || !schema.contains("$defs")) return "";
    const bool districts = file.size() >= 14 && file.compare(file.size() - 14, 14, "districts.json") == 0;
    std::string loc = districts ? "#/$defs/districts_file" : "#/$defs/year_file";
    const ojson* node = &schema["$defs"][districts ? "districts_file" : "year_file"];
    auto resolve = [&] {
        for (int i = 0; i < 8 && node->contains("$ref") && (*node)["$ref"].is_string(); ++i) {
            const std::string ref = (*node)["$ref"].get<std::string>();
            if (ref.rfind("#/$defs/", 0) != 0 || !schema["$defs"].contains(ref.substr(8))) break;
            loc = ref;
            node = &schema["$defs"][ref.substr(8)];
        }
    };
    auto step = [&](const ojson& n, const std::string& token, std::string& where) -> const ojson* {
        if (n.contains("properties") && n["properties"].contains(token)) {
            where += "/properties/" + token;
            return &n["properties"][token];
        }
        if (n.contains("items") && !token.empty() && std::isdigit(static_cast<unsigned char>(token[0]))) {
            where += "/items";
            return &n["items"];
        }
        return nullptr;
    };
    std::vector<std::string> tokens;
    for (std::size_t at = 1; at <= pointer.size() && pointer.size() > 1;) {
        const std::size_t next = pointer.find('/', at);
        tokens.push_back(pointer.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) break;
        at = next + 1;
    }
    std::string parent_loc;
    const ojson* parent = nullptr;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        resolve();
        std::string where = loc;
        const ojson* next = step(*node, tokens[i], where);
        for (std::size_t k = 0; !next && node->contains("oneOf") && k < (*node)["oneOf"].size(); ++k) {
            const ojson* saved = node;
            const std::string saved_loc = loc;
            node = &(*saved)["oneOf"][k];
            loc = saved_loc + "/oneOf/" + std::to_string(k);
            resolve();
            where = loc;
            next = step(*node, tokens[i], where);
            if (!next) node = saved, loc = saved_loc;
        }
        if (!next) {
            if (node->value("additionalProperties", true) == false && i + 1 == tokens.size()) {
                std::string known;
                for (const auto& [key, value] : (*node)["properties"].items())
                    known += (known.empty() ? "" : ", ") + key;
                return loc + ": additionalProperties: false (the fields it knows: " + known + ")";
            }
            return "";
        }
        parent = node;
        parent_loc = loc;
        node = next;
        loc = where;
    }
    resolve();
    std::string rule = loc;
    std::string allows;
    auto add = [&](const std::string& s) { allows += (allows.empty() ? "" : ", ") + s; };
    if (node->contains("type")) add("type " + (*node)["type"].dump());
    if (node->contains("enum")) add("one of " + dump((*node)["enum"], -1));
    if (node->contains("const")) add("exactly " + dump((*node)["const"], -1));
    if (node->contains("format")) add("format " + (*node)["format"].get<std::string>());
    if (node->contains("minimum") && node->contains("maximum"))
        add((*node)["minimum"].dump() + ".." + (*node)["maximum"].dump());
    if (node->contains("required")) add("required " + dump((*node)["required"], -1));
    if (!allows.empty()) rule += ": " + allows;
    if (parent && parent->contains("required") && !tokens.empty()) {
        for (const auto& r : (*parent)["required"])
            if (r == tokens.back()) rule += " (required by " + parent_loc + ")";
    }
    if (node->contains("description")) rule += " — " + (*node)["description"].get<std::string>();
    return rule;
}

int run_rules_check(const std::string& dir) {
    auto loaded = yibao::load_rules_dir(dir);
    if (!loaded.errors.empty()) {
        const auto& e = loaded.errors.front();
        std::cerr << "rules check: FAILED\n  file:   " << e.file << "\n  field:  " << e.path
                  << "\n  reason: " << e.message << "\n";
        if (const std::string rule = schema_rule(dir, e.file, e.path); !rule.empty())
            std::cerr << "  schema: " << rule << "\n";
        if (loaded.errors.size() > 1)
            std::cerr << "  (" << loaded.errors.size() - 1 << " more problems after this one)\n";
        return exit_rules;
    }
    std::cout << "rules check: OK (" << dir << ")\n";
    for (int year : yibao::years(*loaded.book)) {
        for (const auto& d : yibao::districts(*loaded.book)) {
            auto info = yibao::year_details(*loaded.book, year, d.id);
            if (info && (info->district_has_own_file || d.id == "chongqing"))
                std::cout << "  " << year << " " << d.id << ": " << info->rules_files << " ("
                          << yibao::categories(*loaded.book, year, d.id).size() << " categories)\n";
        }
    }
    return exit_ok;
}

int run_categories(const std::string& year_text, const std::string& district_text, bool json,
                   const std::string& rules_dir) {
    auto book = load_or_report(rules_dir);
    if (!book) return exit_rules;
    // The same parser as a quote's year and district, so that 万州区 and 2025 read alike.
    ojson j{{"year", nullptr}, {"district", district_text}, {"tier", 1}};
    auto year_number = ojson::parse(year_text, nullptr, false);
    j["year"] = !year_number.is_discarded() && year_number.is_number() ? year_number : ojson(year_text);
    yibao::request req;
    std::vector<yibao::field_error> errors;
    if (!yibao::parse_request(dump(j, -1), req, errors)) {
        for (const auto& e : errors) std::cerr << flag_of(e.field) << ": " << e.message << "\n";
        return exit_usage;
    }
    const auto district = yibao::district_named(*book, req.district);
    auto info = district ? yibao::year_details(*book, req.year, district->id) : std::nullopt;
    if (!info) {
        std::string years;
        for (int y : yibao::years(*book)) years += (years.empty() ? "" : "、") + std::to_string(y);
        std::cerr << "没有 " << req.year << " 年度 " << req.district << " 的规则。已载入的年度：" << years
                  << "；区县写代码或名称，如 wanzhou、万州、万州区（全部见 rules/chongqing/districts.json）。\n";
        return exit_usage;
    }
    if (json) {
        std::cout << nlohmann::json::parse(yibao::categories_json(*book, req.year, district->id)).dump(2) << "\n";
        return exit_ok;
    }
    std::cout << req.year << "年度 " << district->name << " 资助类别（" << info->rules_files << "）\n";
    // Residents' and students' amounts: a student gets the same percentage of the student's own
    // standard (policy notes), which the residents' table amounts are not.
    std::cout << "代码\t一档资助\t二档资助\t大学生一档\t大学生二档\t名称\n";
    const auto cell = [](bool allowed, yibao::money m) { return allowed ? format_yuan(m) : std::string("——"); };
    bool any_estimated = false;
    for (const auto& c : yibao::categories(*book, req.year, district->id)) {
        if (c.students_only)
            std::cout << c.code << "\t——\t——\t";
        else
            std::cout << c.code << "\t" << cell(c.tier1_allowed, c.tier1_assistance) << "\t"
                      << cell(c.tier2_allowed, c.tier2_assistance) << "\t";
        std::cout << cell(c.tier1_allowed, c.student_tier1_assistance) << "\t"
                  << cell(c.tier2_allowed, c.student_tier2_assistance) << "\t" << c.name;
        if (!c.valid_to.empty()) std::cout << "（标准执行至" << c.valid_to << "）";
        if (c.students_only) std::cout << "（仅大学生）";
        if (c.estimated) std::cout << "（估算）";
        any_estimated = any_estimated || c.estimated;
        std::cout << "\n";
    }
    if (any_estimated) std::cout << "标（估算）的金额文件没有公布，是按比例推算的；yibao quote 的说明写明依据。\n";
    return exit_ok;
}

// Unknown options with the nearest known one; anything else left over.
int report_extras(const CLI::App& sub, const std::vector<std::string>& extras, const std::string& command) {
    std::vector<std::string> names;
    for (const CLI::Option* opt : sub.get_options())
        for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    for (const CLI::App* group : sub.get_subcommands([](const CLI::App* s) { return s->get_name().empty(); }))
        for (const CLI::Option* opt : group->get_options())
            for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    if (sub.get_parent())
        for (const CLI::Option* opt : sub.get_parent()->get_options())
            for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    std::vector<std::string_view> known(names.begin(), names.end());
    for (const auto& x : extras) {
        if (x.rfind("-", 0) == 0 && x.size() > 1) {
            std::string flag = x.substr(0, x.find('='));
            std::string near = yibao::nearest_name(flag, known);
            std::cerr << "未知选项 " << flag << (near.empty() ? "" : "，是否想写 " + near + "？")
                      << " / unknown option " << flag << (near.empty() ? "" : " (did you mean " + near + "?)") << "\n";
        } else {
            std::cerr << "多余的参数 " << x << " / unexpected argument " << x << "\n";
        }
    }
    std::cerr << "用法见 yibao " << command << (command.empty() ? "" : " ") << "--help\n";
    return exit_usage;
}

// Every option at most once (CLI11 keeps the last silently for flags), but for the repeatable ones.
bool repeated(const CLI::App& sub, const std::vector<std::string>& repeatable) {
    std::vector<const CLI::Option*> options = sub.get_options();
    for (const CLI::App* group : sub.get_subcommands([](const CLI::App* s) { return s->get_name().empty(); }))
        for (const CLI::Option* opt : group->get_options()) options.push_back(opt);
    for (const CLI::Option* opt : options) {
        if (opt->count() <= 1) continue;
        std::string name = opt->get_name(false, true);
        if (std::find(repeatable.begin(), repeatable.end(), name) != repeatable.end()) continue;
        std::cerr << "选项 " << name << " 写了" << opt->count() << "次；每个选项只能写一次。 / option " << name
                  << " given " << opt->count() << " times.\n";
        return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"yibao — 重庆城乡居民医保缴费计算器 / Chongqing resident medical insurance calculator"};
    app.footer(footer);
    app.require_subcommand(1, 1);
    app.allow_extras();
    std::string rules_dir = default_rules_dir(argv[0]);
    app.add_option("--rules", rules_dir, "规则目录 rules folder (或环境变量 YIBAO_RULES)")->type_name("DIR");

    // yibao quote
    quote_options q;
    CLI::App* quote = app.add_subcommand("quote", "报价：从JSON请求或选项算出应缴金额和待遇享受期 / quote a request");
    quote->fallthrough()->allow_extras();
    auto* request_opt = quote->add_option("--request", q.request_file, "JSON请求文件（默认读标准输入） request file")
                            ->type_name("FILE");
    // The answers, one option per field of the request (core/vocabulary.h), in one group that
    // --request excludes.
    CLI::Option_group* answers = quote->add_option_group("回答 / answers", "用选项回答（不能与 --request 同用）");
    for (const auto& f : vocab::request_fields) {
        const std::string flag(f.flag), help = std::string(f.zh) + " (" + std::string(f.key) + ")";
        CLI::Option* opt = nullptr;
        switch (f.type) {
            case vocab::field_type::boolean:
                opt = answers->add_flag(flag, q.flags[flag], help);
                break;
            case vocab::field_type::text_list:
                opt = answers->add_option(flag, q.categories, help + "，可写多次或用逗号分隔 repeatable")
                          ->delimiter(',')
                          ->type_name("CODE");
                break;
            default:
                opt = answers->add_option(flag, q.text[flag], help)
                          ->type_name(f.type == vocab::field_type::integer ? "INT"
                                      : f.type == vocab::field_type::date  ? "YYYY-MM-DD"
                                                                           : "TEXT");
        }
        q.answers.push_back(opt);
    }
    auto* not_freshman = answers->add_flag("--not-freshman", q.not_freshman, "不是新生入学时缴费 (freshman: false)");
    not_freshman->excludes(answers->get_option("--freshman"));
    q.answers.push_back(not_freshman);
    answers->get_option("--continuous")->excludes(answers->get_option("--break-years"));
    answers->excludes(request_opt);
    quote->add_flag("--json", q.json, "输出JSON报价（选项回答时） print the quote as JSON");
    quote->add_flag("--advice", q.advice, "附上建议 add advice to the JSON");
    quote->add_flag("--readable", q.readable,
                    "JSON请求（一人或全家 members）输出可读的中文回答 print a JSON request's readable answer");

    // yibao rules check [DIR]
    CLI::App* rules = app.add_subcommand("rules", "规则文件 / rules files");
    rules->require_subcommand(1, 1)->fallthrough()->allow_extras();
    std::string check_dir;
    CLI::App* check = rules->add_subcommand("check", "校验规则文件（文件、字段、原因） / validate the rules");
    check->fallthrough()->allow_extras();
    check->add_option("DIR", check_dir, "规则目录（默认 rules/） rules folder")->type_name("DIR");

    // yibao rules diff OLD NEW
    std::string diff_old, diff_new;
    CLI::App* diff = rules->add_subcommand(
        "diff", "对比两个规则文件或目录：数值、缴费期、类别及其依据 / what changed between two rules files or folders");
    diff->fallthrough()->allow_extras();
    diff->add_option("OLD", diff_old, "原规则文件或目录 old file or folder")->required()->type_name("PATH");
    diff->add_option("NEW", diff_new, "新规则文件或目录 new file or folder")->required()->type_name("PATH");

    // yibao categories --year Y --district D [--json]
    std::string cat_year, cat_district;
    bool cat_json = false;
    CLI::App* cats = app.add_subcommand("categories", "列出资助类别 / list assistance categories");
    cats->fallthrough()->allow_extras();
    cats->add_option("--year", cat_year, "参保年度 coverage year")->required()->type_name("INT");
    cats->add_option("--district", cat_district, "区县代码或名称 district id or name")->required()->type_name("TEXT");
    cats->add_flag("--json", cat_json, "输出JSON");

    if (argc < 2) {
        std::cerr << app.help();
        return exit_usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ArgumentMismatch& e) {
        std::cerr << "选项写了多次或取值个数不对 / " << e.what() << "\n每个选项只能写一次；用法见 yibao --help\n";
        return exit_usage;
    } catch (const CLI::ExcludesError& e) {
        std::cerr << "用法错误 / usage: --request 与回答选项（--year、--district "
                     "等）不能同用：请求要么在文件里，要么写成选项。\n"
                  << "  (" << e.what() << ")\n用法见 yibao quote --help\n";
        return exit_usage;
    } catch (const CLI::ParseError& e) {
        std::cerr << "用法错误 / usage: " << e.what() << "\n用法见 yibao --help\n";
        return exit_usage;
    }

    // Unknown options fall through to the top; report them against the command that was given.
    const std::pair<CLI::App*, const char*> commands[] = {
        {quote, "quote"}, {check, "rules check"}, {diff, "rules diff"}, {cats, "categories"}};
    for (const auto& [sub, command] : commands) {
        if (!sub->parsed()) continue;
        std::vector<std::string> extras = sub->remaining();
        for (const auto& x : app.remaining()) extras.push_back(x);
        if (!extras.empty()) return report_extras(*sub, extras, command);
        if (repeated(*sub, {"--category"}) || repeated(app, {})) return exit_usage;
    }
    if (!app.remaining().empty()) return report_extras(app, app.remaining(), "");
    if (quote->parsed()) return run_quote(q, rules_dir);
    if (check->parsed()) return run_rules_check(check_dir.empty() ? rules_dir : check_dir);
    if (diff->parsed()) return yibao::cli::rules_diff(diff_old, diff_new, std::cout, std::cerr);
    if (cats->parsed()) return run_categories(cat_year, cat_district, cat_json, rules_dir);
    std::cerr << app.help();
    return exit_usage;
}
