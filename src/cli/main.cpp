// yibao: the command-line tool over the rule engine.
//   yibao quote [--request FILE | < request.json]          JSON in, JSON out
//   yibao quote --year 2026 --district wanzhou ... [--json] answers as flags, readable Chinese out
//   yibao rules check [DIR]
//   yibao categories --year Y --district D [--json]
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_api.h"
#include "core/quote.h"
#include "core/rules.h"

namespace {

namespace fs = std::filesystem;
using yibao::format_yuan;

constexpr int exit_ok = 0, exit_rules = 1, exit_refused = 2, exit_usage = 64;

void usage(std::ostream& out) {
    out << "用法 / usage:\n"
           "  yibao quote [--request FILE]            读取JSON请求（默认从标准输入），输出JSON报价\n"
           "  yibao quote --year 2026 --district wanzhou [--person resident|student|newborn]\n"
           "              [--category 101]... --tier 1|2 --paid YYYY-MM-DD\n"
           "              [--continuous | --break-years N] [--continuous-years N] [--zero-claims]\n"
           "              [--birth YYYY-MM-DD] [--pays-birth-year] [--not-freshman] [--json]\n"
           "  yibao rules check [DIR]                 校验规则文件（默认 rules/）\n"
           "  yibao categories --year Y --district D [--json]   列出资助类别\n"
           "选项 --rules DIR 指定规则目录（也可用环境变量 YIBAO_RULES）。\n"
           "退出码：0 成功；1 规则文件有误；2 请求不能报价；64 用法错误。\n";
}

// rules/ next to the working directory, or next to the source tree of this binary.
std::string default_rules_dir(const char* argv0) {
    if (const char* env = std::getenv("YIBAO_RULES")) return env;
    if (fs::is_directory("rules")) return "rules";
    std::error_code ec;
    fs::path exe = fs::canonical(fs::path(argv0), ec);
    if (!ec)
        for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
            if (fs::is_directory(p / "rules" / "chongqing")) return (p / "rules").string();
    return "rules";
}

struct args {
    std::vector<std::string> positional;
    std::multimap<std::string, std::string> options;  // --name value (or "" for switches)
    bool has(const std::string& k) const { return options.count(k) > 0; }
    std::string get(const std::string& k) const {
        auto it = options.find(k);
        return it == options.end() ? "" : it->second;
    }
};

const std::vector<std::string> switches = {"--json", "--continuous", "--zero-claims", "--pays-birth-year",
                                           "--not-freshman", "--advice", "--help"};

bool parse_args(int argc, char** argv, int first, args& out, std::string& problem) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0) {
            out.positional.push_back(a);
            continue;
        }
        std::string value;
        if (auto eq = a.find('='); eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
        } else if (std::find(switches.begin(), switches.end(), a) == switches.end()) {
            if (i + 1 >= argc) {
                problem = "选项 " + a + " 缺少取值";
                return false;
            }
            value = argv[++i];
        }
        out.options.emplace(a, value);
    }
    return true;
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

// The answers given as flags, as a request JSON (validated by the same parser as any request).
std::string request_from_flags(const args& a) {
    nlohmann::ordered_json j;
    auto number = [](const std::string& s) -> nlohmann::ordered_json {
        if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos && s.size() < 9)
            return std::stoi(s);
        return s;  // the parser reports the wrong type
    };
    if (a.has("--year")) j["year"] = number(a.get("--year"));
    if (a.has("--district")) j["district"] = a.get("--district");
    j["person"] = a.has("--person") ? a.get("--person") : "resident";
    j["categories"] = nlohmann::ordered_json::array();
    for (auto [it, end] = a.options.equal_range("--category"); it != end; ++it) {
        std::stringstream ss(it->second);
        for (std::string code; std::getline(ss, code, ',');)
            if (!code.empty()) j["categories"].push_back(code);
    }
    if (a.has("--tier")) j["tier"] = number(a.get("--tier"));
    if (a.has("--paid")) j["paid_on"] = a.get("--paid");
    if (a.has("--continuous")) j["continuous"] = true;
    if (a.has("--break-years")) {
        j["break_years"] = number(a.get("--break-years"));
        if (!a.has("--continuous")) j["continuous"] = a.get("--break-years") == "0";
    }
    if (a.has("--continuous-years")) j["continuous_years"] = number(a.get("--continuous-years"));
    if (a.has("--zero-claims")) j["zero_claims_last_year"] = true;
    if (a.has("--birth")) j["birth_date"] = a.get("--birth");
    if (a.has("--pays-birth-year")) j["pays_birth_year"] = true;
    if (a.has("--not-freshman")) j["freshman"] = false;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void print_readable(const nlohmann::ordered_json& q) {
    auto s = [](const nlohmann::ordered_json& v) { return v.is_null() ? std::string("—") : v.get<std::string>(); };
    auto y = [](const nlohmann::ordered_json& v) {
        return v.is_number_integer() ? std::to_string(v.get<long long>()) : v.dump();
    };
    if (!q["ok"].get<bool>()) {
        std::cout << "无法报价：\n";
        for (const auto& e : q["errors"])
            std::cout << "  • " << (e["field"].get<std::string>().empty() ? "" : "[" + e["field"].get<std::string>() + "] ")
                      << e["message"].get<std::string>() << "\n";
        return;
    }
    std::cout << "应缴金额：" << y(q["due"]) << " 元\n"
              << "  个人缴费标准 " << y(q["personal_standard"]) << " 元";
    if (q["surcharge"] != 0) std::cout << " ＋ 逾期须缴的财政补助部分 " << y(q["surcharge"]) << " 元";
    if (q["assistance"] != 0) std::cout << " － 资助 " << y(q["assistance"]) << " 元";
    std::cout << "\n  财政补助（财政承担） " << y(q["fiscal_subsidy"]) << " 元\n";
    if (!q["category_applied"].is_null()) std::cout << "  适用资助类别：" << s(q["category_applied"]) << "\n";
    std::cout << "待遇享受期：" << s(q["coverage_start"]) << " 至 " << s(q["coverage_end"]) << "\n";
    if (q["waiting"].is_null())
        std::cout << "等待期：无\n";
    else
        std::cout << "等待期：" << s(q["waiting"]["from"]) << " 至 " << s(q["waiting"]["to"]) << "（"
                  << q["waiting"]["days"].get<int>() << "天）\n";
    if (q.contains("advice"))
        for (const auto& line : q["advice"]["lines"]) std::cout << "提示：" << line.get<std::string>() << "\n";
    std::cout << "依据：\n";
    int n = 0;
    for (const auto& e : q["explanation"]) {
        std::cout << "  " << ++n << ". " << e["text"].get<std::string>();
        if (!e["source"].get<std::string>().empty()) std::cout << "〔" << e["source"].get<std::string>() << "〕";
        std::cout << "\n";
    }
    if (!q["notes"].empty()) {
        std::cout << "说明（文件未定之处）：\n";
        for (const auto& note : q["notes"]) std::cout << "  - " << note.get<std::string>() << "\n";
    }
}

int cmd_quote(const args& a, const std::string& rules_dir) {
    bool from_flags = a.has("--year") || a.has("--district") || a.has("--paid") || a.has("--tier");
    std::string text;
    if (from_flags) {
        text = request_from_flags(a);
    } else if (a.has("--request")) {
        std::ifstream in(a.get("--request"), std::ios::binary);
        if (!in) {
            std::cerr << "无法读取请求文件 " << a.get("--request") << "\n";
            return exit_usage;
        }
        text.assign(std::istreambuf_iterator<char>(in), {});
    } else {
        text.assign(std::istreambuf_iterator<char>(std::cin), {});
    }
    auto book = load_or_report(rules_dir);
    if (!book) return exit_rules;
    bool readable = from_flags && !a.has("--json");
    std::string out = yibao::quote_json(*book, text, readable || a.has("--advice"));
    auto q = nlohmann::ordered_json::parse(out);
    if (readable) print_readable(q);
    else std::cout << q.dump(2) << "\n";
    return q["ok"].get<bool>() ? exit_ok : exit_refused;
}

int cmd_rules_check(const args& a, const std::string& rules_dir) {
    std::string dir = a.positional.size() > 1 ? a.positional[1] : rules_dir;
    auto loaded = yibao::load_rules_dir(dir);
    if (!loaded.errors.empty()) {
        const auto& e = loaded.errors.front();
        std::cerr << "rules check: FAILED\n  file:   " << e.file << "\n  field:  " << e.path << "\n  reason: " << e.message
                  << "\n";
        if (loaded.errors.size() > 1) std::cerr << "  (" << loaded.errors.size() - 1 << " more problems after this one)\n";
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

int cmd_categories(const args& a, const std::string& rules_dir) {
    if (!a.has("--year") || !a.has("--district")) {
        std::cerr << "yibao categories 需要 --year 和 --district，例如：yibao categories --year 2025 --district wanzhou\n";
        return exit_usage;
    }
    auto book = load_or_report(rules_dir);
    if (!book) return exit_rules;
    int year = std::atoi(a.get("--year").c_str());
    std::string district = a.get("--district");
    if (!yibao::year_details(*book, year, district)) {
        std::cerr << "没有 " << a.get("--year") << " 年度 " << district
                  << " 的规则。年度：2025、2026；区县：chongqing、wanzhou、youyang、shizhu、dianjiang 等。\n";
        return exit_usage;
    }
    if (a.has("--json")) {
        std::cout << nlohmann::json::parse(yibao::categories_json(*book, year, district)).dump(2) << "\n";
        return exit_ok;
    }
    auto info = yibao::year_details(*book, year, district);
    std::cout << year << "年度 " << district << " 资助类别（" << info->rules_files << "）\n";
    std::cout << "代码\t一档资助\t二档资助\t名称\n";
    for (const auto& c : yibao::categories(*book, year, district)) {
        std::cout << c.code << "\t" << (c.tier1_allowed ? format_yuan(c.tier1_assistance) : "——") << "\t"
                  << (c.tier2_allowed ? format_yuan(c.tier2_assistance) : "——") << "\t" << c.name;
        if (!c.valid_to.empty()) std::cout << "（标准执行至" << c.valid_to << "）";
        if (c.students_only) std::cout << "（仅大学生）";
        std::cout << "\n";
    }
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(std::cerr);
        return exit_usage;
    }
    std::string command = argv[1];
    if (command == "help" || command == "--help" || command == "-h") {
        usage(std::cout);
        return exit_ok;
    }
    args a;
    std::string problem;
    if (!parse_args(argc, argv, 2, a, problem)) {
        std::cerr << problem << "\n";
        usage(std::cerr);
        return exit_usage;
    }
    std::string rules_dir = a.has("--rules") ? a.get("--rules") : default_rules_dir(argv[0]);
    if (command == "quote") return cmd_quote(a, rules_dir);
    if (command == "rules" && !a.positional.empty() && a.positional[0] == "check") return cmd_rules_check(a, rules_dir);
    if (command == "categories") return cmd_categories(a, rules_dir);
    std::cerr << "未知命令：" << command << "\n";
    usage(std::cerr);
    return exit_usage;
}
