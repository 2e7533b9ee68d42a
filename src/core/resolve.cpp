// Step 1: the rules that answer the request. Which year and district file, which of the asked
// categories exist there, and whether the answers fit together; the first explanation line names
// the rules used.
#include <algorithm>

#include "core/steps.h"

namespace yibao {

namespace {

// A number of the request within the vocabulary's limits. The JSON parser, the page's URL and the
// CLI refuse a number out of range before it gets here, with the same words; a request built in
// C++ meets the same limits here.
void within_limits(resolved& r, std::string_view key, const std::optional<int>& v) {
    const vocab::field* f = vocab::find_field(key);
    if (!f || !v || (*v >= f->min && *v <= f->max)) return;
    r.error(std::string(key), std::string(f->zh) + "（" + std::string(key) + "）写的是 " + std::to_string(*v) +
                                  "，应是 " + std::to_string(f->min) + " 到 " + std::to_string(f->max) +
                                  " 之间的整数。");
}

}  // namespace

resolved resolve(const rule_book& book, const request& req) {
    resolved r;
    r.district = book.find_district(req.district);
    if (req.district.empty()) {
        r.error("district", "请选择区县（district）。");
    } else if (!r.district) {
        r.error("district", "不认识区县“" + req.district +
                                "”。请用区县标识，如 wanzhou、youyang、shizhu、dianjiang；其他区县用 "
                                "chongqing（按全市规则）。");
    }
    r.rules = book.find(req.year, req.district, &r.own_file);
    if (!r.rules) {
        std::string have;
        for (int yr : years(book)) have += (have.empty() ? "" : "、") + std::to_string(yr);
        r.error("year", "没有" + std::to_string(req.year) + "年度的规则。本计算器收录的年度：" + have +
                            "。其他年度请向区县医保局或税务局咨询。");
    }
    if (req.tier != 1 && req.tier != 2) r.error("tier", "档次只能是1（一档）或2（二档）。");
    if (!req.paid_on) r.error("paid_on", "请填写缴费日期（paid_on，格式YYYY-MM-DD）。");
    within_limits(r, "break_years", req.break_years);
    if (req.continuous && *req.continuous && req.break_years && *req.break_years > 0)
        r.error("break_years", "连续参保时断保年数应为0；如去年没有参保，请把连续参保选为“否”。");
    if (req.continuous && !*req.continuous && req.break_years && *req.break_years == 0)
        r.error("break_years", "没有连续参保时，断保年数至少为1年。");
    within_limits(r, "continuous_years", req.continuous_years);
    if (req.freshman && *req.freshman && req.person != person_kind::student)
        r.error("freshman", "只有在渝高校大学生才有“新生入学时缴费”；请把参保人选为大学生，或去掉此选项。");
    if (!r.rules) return r;
    const year_rules& y = *r.rules;
    for (const auto& code : req.categories) {
        const category* c = y.find_category(code);
        if (!c) {
            std::string message = "“" + code + "”不是" + y.name +
                                  "的资助类别代码。可用的类别见“yibao categories --year " + std::to_string(req.year) +
                                  " --district " + req.district + "”。";
            // A row of this district's table of another year (万州、石柱 2025) that this year's rules do
            // not list: whether it still has an amount of its own is not written; say so, and whom to ask.
            for (const auto& [key, other] : book.by_year) {
                const category* o =
                    key.first != req.year && key.second == req.district ? other.find_category(code) : nullptr;
                if (!o) continue;
                message += o->code + " " + o->name + "见于" + other.name + "的资助表；" + y.name +
                           "没有这张表，此类别是否另有资助标准，收录的文件没有写，可改选本年度列出的类别。" +
                           (book.ask ? book.ask->text : std::string());
                break;
            }
            r.error("categories", message);
            continue;
        }
        if (!c->allows(req.person)) {
            r.error("categories",
                    c->code + " " + c->name + "只适用于在渝高校大学生；请把参保人选为大学生，或去掉此类别。");
            continue;
        }
        if (std::find(r.categories.begin(), r.categories.end(), c) == r.categories.end()) r.categories.push_back(c);
    }
    if (req.paid_on) r.paid = *req.paid_on;
    if (!r.ok()) return r;

    for (const auto& f : y.files) r.rules_used += (r.rules_used.empty() ? "" : "、") + f;
    std::string docs;
    for (const auto& d : y.documents) docs += (docs.empty() ? "" : "；") + d;
    if (!r.own_file && req.district != "chongqing") {
        r.explain(r.district->name + "没有收录" + std::to_string(req.year) + "年度的区县文件，按全市通行规则（" +
                      y.name + "）计算。",
                  docs);
        r.note(r.district->name + "按全市通行规则计算；如本区县另有规定，以区县医保局公布为准。");
    } else {
        r.explain("按" + y.name + "计算。", docs);
    }
    return r;
}

}  // namespace yibao
