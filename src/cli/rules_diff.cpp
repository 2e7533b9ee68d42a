#include "cli/rules_diff.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "core/dates.h"
#include "core/format.h"
#include "core/rules.h"

namespace yibao::cli {

namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

// The Chinese name of a field of the rules files (docs/rules.md lists them all).
const std::map<std::string, std::string>& field_names() {
    static const std::map<std::string, std::string> names = {
        {"year", "年度"},
        {"name", "名称"},
        {"revision", "修订日期"},
        {"extends", "沿用的文件"},
        {"district", "区县"},
        {"documents", "文件"},
        {"notes", "提示"},
        {"coverage_year", "参保年度"},
        {"from", "起"},
        {"to", "止"},
        {"enrollment", "缴费"},
        {"opens", "开始受理缴费"},
        {"centralized_ends", "集中缴费期截止"},
        {"last_payment_day", "最迟缴费日"},
        {"standards", "个人缴费标准"},
        {"resident", "城乡居民"},
        {"student", "大学生"},
        {"tier1", "一档"},
        {"tier2", "二档"},
        {"fiscal_subsidy", "财政补助"},
        {"late_pricing", "逾期缴费价格"},
        {"none", "不加价"},
        {"adds_fiscal_subsidy", "加收财政补助"},
        {"removes_assistance", "不再资助"},
        {"exempt_tags", "不加价的类别"},
        {"reading", "解读"},
        {"applies_to", "适用于"},
        {"waiting", "等待期"},
        {"days", "天数"},
        {"later_reading", "解读"},
        {"months_base", "固定月数"},
        {"months_per_extra_break_year", "每多断保1年增加的月数"},
        {"repair_note", "补缴说明"},
        {"payment_periods", "缴费期"},
        {"label", "名称"},
        {"centralized", "集中缴费期"},
        {"start", "待遇起始"},
        {"start_if_continuous", "连续参保的待遇起始"},
        {"start_if_not_continuous", "未连续参保的待遇起始"},
        {"category_starts", "按类别的待遇起始"},
        {"kind", "方式"},
        {"date", "日期"},
        {"from_date", "等待期起算日"},
        {"announced_waiting_months", "等待期月数的预告"},
        {"newborn", "新生儿"},
        {"window_days", "出生后参保期限（天）"},
        {"late_waiting_days", "超过期限的等待期（天）"},
        {"pays_personal_part_only_within_window", "期限内只缴个人部分"},
        {"cross_year", "可跨年度参保"},
        {"exempt_from_waiting_months", "不设等待期"},
        {"guardian", "随监护人享受待遇"},
        {"freshman_from_day_after_payment", "新生入学缴费次日起享受待遇"},
        {"categories", "资助类别"},
        {"tags", "标签"},
        {"persons", "人群"},
        {"students", "大学生资助"},
        {"valid", "标准执行期"},
        {"derived", "估算"},
        {"note", "说明"},
        {"derived_assistance", "估算说明"},
        {"readings", "解读"},
        {"incentives", "大病保险"},
        {"deductible", "起付线"},
        {"continuous_years_threshold", "连续参保年限门槛"},
        {"counting_from_year", "连续参保起算年度"},
        {"continuous_raise_per_year", "每多连续参保1年提高封顶线"},
        {"zero_claims_raise", "零报销提高封顶线"},
        {"text", "文字"},
        {"number", "文号"},
        {"title", "标题"},
        {"issuer", "发文机关"},
        {"cited_only", "仅被引用"},
        {"cited_as", "引用时的文字"},
        {"ask", "咨询"},
        {"point", "要点"},
    };
    return names;
}

std::string zh(const std::string& key) {
    auto it = field_names().find(key);
    return it == field_names().end() ? key : it->second;
}

bool is_amount_field(const std::string& pointer) {
    for (const char* f : {"/standards/", "/fiscal_subsidy", "/assistance", "/deductible", "raise"})
        if (pointer.find(f) != std::string::npos) return true;
    return false;
}

std::string show(const ojson& v, const std::string& pointer) {
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (auto d = parse_date(s)) return chinese_date(*d);
        static const std::map<std::string, std::string> kinds = {{"fixed_date", "固定日期"},
                                                                 {"next_month_first", "缴费次月1日起"},
                                                                 {"waiting_days", "等待期（按天）后"},
                                                                 {"waiting_months", "等待期（按月）后"},
                                                                 {"same_day", "缴费当日起"}};
        if (auto k = kinds.find(s);
            k != kinds.end() && pointer.size() >= 5 && pointer.compare(pointer.size() - 5, 5, "/kind") == 0)
            return k->second;
        return s;
    }
    if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
    if (v.is_number()) {
        if (is_amount_field(pointer)) {
            const double yuan = v.get<double>();
            return format_yuan(static_cast<money>(yuan * 100 + (yuan >= 0 ? 0.5 : -0.5))) + "元";
        }
        return v.dump();
    }
    return v.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// A tier of a category: 资助400元, 一档标准的90%, 不能选.
std::string tier_text(const ojson& t) {
    if (!t.is_object() || t.empty()) return show(t, "");
    if (t.contains("assistance")) return "资助" + show(t["assistance"], "/assistance");
    if (t.contains("percent_of_tier1")) return "资助一档标准的" + t["percent_of_tier1"].dump() + "%";
    if (t.contains("percent_of_tier2")) return "资助二档标准的" + t["percent_of_tier2"].dump() + "%";
    if (t.contains("not_allowed")) return "不能选此档";
    return show(t, "");
}

struct side {
    ojson doc;
    std::string readings = "[]";  // the file's /readings, for citations of a reading
};

std::string cite(const ojson& source, const side& s) {
    if (source.is_null()) return "";
    return source_text(source.dump(), s.readings);
}

// The key an element of a list is matched by: periods by id, categories by code, readings by
// point, documents by number, notes by their text.
std::string element_key(const ojson& e) {
    if (!e.is_object()) return "";
    for (const char* k : {"id", "code", "point", "number", "text"})
        if (e.contains(k) && e[k].is_string()) return e[k].get<std::string>();
    return "";
}

std::string summary(const ojson& e, const std::string& pointer) {
    std::string s;
    auto add = [&](const std::string& t) { s += (s.empty() ? "" : "，") + t; };
    if (e.contains("label")) add(show(e["label"], ""));
    if (e.contains("name")) add(show(e["name"], ""));
    if (e.contains("from")) add(show(e["from"], pointer + "/from") + "起");
    if (e.contains("to")) add("至" + show(e["to"], pointer + "/to"));
    if (e.contains("centralized")) add(e["centralized"].get<bool>() ? "集中缴费期" : "非集中缴费期");
    for (const char* k : {"start", "start_if_continuous", "start_if_not_continuous"})
        if (e.contains(k) && e[k].is_object() && e[k].contains("kind"))
            add(zh(k) + "：" + show(e[k]["kind"], "/kind") +
                (e[k].contains("date") ? "（" + show(e[k]["date"], "") + "）" : ""));
    for (const char* k : {"tier1", "tier2"})
        if (e.contains(k)) add(zh(k) + tier_text(e[k]));
    if (e.contains("reading")) add(show(e["reading"], ""));
    if (e.contains("title")) add(show(e["title"], ""));
    if (e.contains("issuer") && !e.contains("title")) add(show(e["issuer"], ""));
    if (e.contains("text")) add(show(e["text"], ""));
    if (e.contains("cited_only") && e["cited_only"] == true) add("仅被引用");
    if (s.empty()) s = show(e, pointer);
    return s;
}

class differ {
  public:
    differ(const side& o, const side& n, std::ostream& out) : old_(o), new_(n), out_(out) {}
    int changes = 0;

    void diff(const ojson* a, const ojson* b, const std::string& pointer, const std::string& label) {
        if (a && b && *a == *b) return;
        if (!a) return line(label + "：新增 " + describe(*b, pointer) + sources(nullptr, b));
        if (!b) return line(label + "：删除 " + describe(*a, pointer) + sources(a, nullptr));
        if (a->is_object() && b->is_object()) {
            const bool sourced_value = a->contains("value") || b->contains("value");
            if (sourced_value) {
                const ojson* va = a->contains("value") ? &(*a)["value"] : nullptr;
                const ojson* vb = b->contains("value") ? &(*b)["value"] : nullptr;
                std::string what = va && vb && *va == *vb ? "数值未变（" + show(*va, pointer + "/value") + "）"
                                                          : (va ? show(*va, pointer + "/value") : "（无）") + " → " +
                                                                (vb ? show(*vb, pointer + "/value") : "（无）");
                return line(label + "：" + what + sources(a, b));
            }
            if (is_tier(pointer)) return line(label + "：" + tier_text(*a) + " → " + tier_text(*b) + sources(a, b));
            std::vector<std::string> keys;
            for (const auto& [k, v] : b->items()) keys.push_back(k);
            for (const auto& [k, v] : a->items())
                if (!b->contains(k)) keys.push_back(k);
            for (const auto& k : keys) {
                if (k == "source") continue;  // with the value or element it belongs to
                diff(a->contains(k) ? &(*a)[k] : nullptr, b->contains(k) ? &(*b)[k] : nullptr, pointer + "/" + k,
                     label.empty() ? zh(k) : label + "·" + zh(k));
            }
            if (a->contains("source") && b->contains("source") && (*a)["source"] != (*b)["source"])
                line((label.empty() ? "" : label + "：") + "依据 " + cite((*a)["source"], old_) + " → " +
                     cite((*b)["source"], new_));
            return;
        }
        if (a->is_array() && b->is_array() && keyed(*a) && keyed(*b)) {
            std::vector<std::string> order;
            std::map<std::string, const ojson*> in_a, in_b;
            for (const auto& e : *a) in_a[element_key(e)] = &e;
            for (const auto& e : *b) in_b[element_key(e)] = &e, order.push_back(element_key(e));
            for (const auto& e : *a)
                if (!in_b.count(element_key(e))) order.push_back(element_key(e));
            for (const auto& k : order) {
                const ojson* ea = in_a.count(k) ? in_a[k] : nullptr;
                const ojson* eb = in_b.count(k) ? in_b[k] : nullptr;
                // A category or a period is named by its code or id and its name.
                const ojson* named = eb ? eb : ea;
                std::string name;
                if (named->contains("name") && (*named)["name"].is_string() && (*named)["name"] != k)
                    name = " " + (*named)["name"].get<std::string>();
                else if (named->contains("label") && (*named)["label"].is_string())
                    name = "（" + (*named)["label"].get<std::string>() + "）";
                // A note is matched by its text: the line says it once, after the colon.
                const bool by_text = !named->contains("id") && !named->contains("code") && !named->contains("point") &&
                                     !named->contains("number");
                diff(ea, eb, pointer + "/" + k, by_text ? label : label + " " + k + name);
            }
            return;
        }
        line(label + "：" + describe(*a, pointer) + " → " + describe(*b, pointer));
    }

  private:
    const side& old_;
    const side& new_;
    std::ostream& out_;

    void line(const std::string& text) {
        ++changes;
        out_ << text << "\n";
    }
    static bool keyed(const ojson& list) {
        if (list.empty()) return true;
        std::set<std::string> keys;
        for (const auto& e : list)
            if (element_key(e).empty() || !keys.insert(element_key(e)).second) return false;
        return true;
    }
    static bool is_tier(const std::string& pointer) {
        return pointer.find("/categories/") != std::string::npos &&
               (pointer.size() >= 6 && (pointer.compare(pointer.size() - 6, 6, "/tier1") == 0 ||
                                        pointer.compare(pointer.size() - 6, 6, "/tier2") == 0));
    }
    std::string describe(const ojson& v, const std::string& pointer) const {
        if (v.is_object() && v.contains("value")) return show(v["value"], pointer + "/value");
        if (is_tier(pointer)) return tier_text(v);
        if (v.is_object()) return summary(v, pointer);
        if (v.is_array()) {
            std::string s;
            for (const auto& e : v)
                s += (s.empty() ? "" : "、") + (e.is_object() ? summary(e, pointer) : show(e, pointer));
            return s.empty() ? "（空）" : s;
        }
        return show(v, pointer);
    }
    std::string sources(const ojson* a, const ojson* b) const {
        const ojson* sa = a && a->is_object() && a->contains("source") ? &(*a)["source"] : nullptr;
        const ojson* sb = b && b->is_object() && b->contains("source") ? &(*b)["source"] : nullptr;
        if (!sa && !sb) return "";
        if (sa && sb && *sa == *sb) return "〔依据：" + cite(*sb, new_) + "〕";
        std::string s = "〔";
        if (sb) s += "依据：" + cite(*sb, new_);
        if (sa) s += std::string(sb ? "；" : "") + "原依据：" + cite(*sa, old_);
        return s + "〕";
    }
};

// Objects merge key by key; anything else (lists too) replaces: the merge of the loader.
void merge(ojson& base, const ojson& over) {
    for (const auto& [k, v] : over.items()) {
        if (v.is_object() && base.contains(k) && base[k].is_object())
            merge(base[k], v);
        else
            base[k] = v;
    }
}

bool read(const fs::path& p, ojson& out, std::ostream& err) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        err << "无法读取 " << p.generic_string() << "\n";
        return false;
    }
    out = ojson::parse(in, nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
        err << p.generic_string() << " 不是JSON对象（先用 yibao rules check 检查）\n";
        return false;
    }
    return true;
}

// A year file with what it extends merged under it: "extends": "chongqing/2026/municipal" is
// looked up in the folders above the file (the rules folder it belongs to).
bool effective(const fs::path& p, side& s, std::ostream& err, int depth = 0) {
    ojson doc;
    if (!read(p, doc, err)) return false;
    if (doc.contains("extends") && doc["extends"].is_string() && depth < 8) {
        const std::string name = doc["extends"].get<std::string>() + ".json";
        std::error_code ec;
        for (fs::path up = fs::absolute(p, ec).parent_path(); !up.empty(); up = up.parent_path()) {
            const fs::path base_path = fs::exists(up / name) ? up / name : up / "rules" / name;
            if (fs::exists(base_path)) {
                side base;
                if (!effective(base_path, base, err, depth + 1)) return false;
                merge(base.doc, doc);
                doc = std::move(base.doc);
                break;
            }
            if (up == up.parent_path()) break;
        }
    }
    s.doc = std::move(doc);
    s.readings = s.doc.contains("readings") ? s.doc["readings"].dump() : "[]";
    return true;
}

int diff_files(const fs::path& a, const fs::path& b, std::ostream& out, std::ostream& err) {
    side sa, sb;
    if (!effective(a, sa, err) || !effective(b, sb, err)) return 1;
    out << "规则对比：" << a.generic_string() << " → " << b.generic_string() << "\n";
    for (const char* k : {"schema", "jurisdiction", "extends"}) {
        sa.doc.erase(k);
        sb.doc.erase(k);
    }
    differ d(sa, sb, out);
    d.diff(&sa.doc, &sb.doc, "", "");
    if (d.changes == 0) out << "（没有变化）\n";
    return 0;
}

}  // namespace

int rules_diff(const std::string& old_path, const std::string& new_path, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    const bool dirs = fs::is_directory(old_path, ec) && fs::is_directory(new_path, ec);
    if (!dirs) {
        if (fs::is_directory(old_path, ec) || fs::is_directory(new_path, ec)) {
            err << "请给两个规则文件，或两个规则目录。\n";
            return 1;
        }
        return diff_files(old_path, new_path, out, err);
    }
    std::set<std::string> names;
    for (const auto* root : {&old_path, &new_path})
        for (auto it = fs::recursive_directory_iterator(*root, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->path().extension() == ".json" && it->path().filename() != "schema.json" && it->is_regular_file(ec))
                names.insert(fs::relative(it->path(), *root, ec).generic_string());
    int rc = 0;
    for (const auto& n : names) {
        const fs::path a = fs::path(old_path) / n, b = fs::path(new_path) / n;
        if (!fs::exists(a))
            out << "新增文件：" << b.generic_string() << "\n";
        else if (!fs::exists(b))
            out << "删除文件：" << a.generic_string() << "\n";
        else {
            std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
            std::stringstream ta, tb;
            ta << fa.rdbuf();
            tb << fb.rdbuf();
            if (ta.str() != tb.str()) rc |= diff_files(a, b, out, err);
        }
    }
    return rc;
}

}  // namespace yibao::cli
