// The rule engine: a request and the rules in, a quote out. Every figure comes from the rules
// data; the steps (steps.h) hold the formulas and the wording of the explanation, in the order of
// the policy: the rules for the request, the payment period, the price, the coverage, the
// incentives. This file assembles the quote from them.
#include <algorithm>

#include "core/steps.h"

namespace yibao {

namespace {

// A step's lines and notes go into the quote in the order a person reads them; a note said twice
// is kept once.
void take(quote& q, const step_text& s) {
    q.explanation.insert(q.explanation.end(), s.lines.begin(), s.lines.end());
    for (const auto& n : s.notes)
        if (std::find(q.notes.begin(), q.notes.end(), n) == q.notes.end()) q.notes.push_back(n);
}

void refuse(quote& q, const step_text& s) {
    take(q, s);
    q.errors.insert(q.errors.end(), s.errors.begin(), s.errors.end());
}

// A newborn born last year who also pays the birth year: that year's quote, added to this one.
void add_birth_year(const rule_book& book, const request& req, quote& q) {
    request sub = req;
    sub.year = req.year - 1;
    sub.pays_birth_year.reset();
    if (!book.find(sub.year, req.district)) {
        q.errors.push_back(
            {"pays_birth_year",
             "本计算器没有" + std::to_string(sub.year) +
                 "年度（出生当年）的规则，无法计算补缴金额；请向区县医保局或税务局咨询，或去掉此选项。"});
        return;
    }
    quote birth_year = evaluate(book, sub);
    if (!birth_year.ok) {
        for (auto& e : birth_year.errors)
            q.errors.push_back({e.field, std::to_string(sub.year) + "年度（出生当年）：" + e.message});
        return;
    }
    q.explanation.push_back({"—— 补缴出生当年（" + std::to_string(sub.year) + "年度）——", ""});
    for (auto& line : birth_year.explanation)
        q.explanation.push_back({std::to_string(sub.year) + "年度：" + line.text, line.source});
    q.due += birth_year.due;
    q.personal_standard += birth_year.personal_standard;
    q.assistance += birth_year.assistance;
    q.fiscal_subsidy += birth_year.fiscal_subsidy;
    q.surcharge += birth_year.surcharge;
    if (!q.estimated) q.estimated = birth_year.estimated;
    q.explanation.push_back({"合计应缴（两个年度）：" + yuan(q.due) + "。", ""});
}

quote assemble(const rule_book& book, const request& req) {
    quote q;
    // 1. The rules for the request, and the notes of those rules that concern it.
    const resolved r = resolve(book, req);
    if (!r.ok()) {
        refuse(q, r);
        return q;
    }
    q.rules_used = r.rules_used;
    take(q, r);
    for (const auto& n : notes_for(r, req))
        if (std::find(q.notes.begin(), q.notes.end(), n) == q.notes.end()) q.notes.push_back(n);

    // 2. The payment period.
    const period_found p = find_period(r, req);
    if (!p.ok()) {
        refuse(q, p);
        return q;
    }

    // 3. The price and 4. the coverage.
    const priced pr = price(r, p, req);
    const covered c = cover(r, p, req);
    // A refused quote shows the steps in the order they are checked: a payment that covers no day
    // of the year is refused before its price is looked at, and a price refused after the coverage
    // that was found.
    if (!c.ok()) {
        refuse(q, c);
        return q;
    }
    if (!pr.ok()) {
        take(q, c);
        refuse(q, pr);
        return q;
    }
    // Read in this order: what is paid, then from when it covers.
    take(q, pr);
    take(q, c);
    q.personal_standard = pr.personal_standard;
    q.assistance = pr.assistance;
    q.fiscal_subsidy = pr.fiscal_subsidy;
    q.surcharge = pr.surcharge;
    q.due = pr.due;
    q.category_applied = pr.category_applied;
    q.estimated = pr.estimated;
    q.coverage_start = c.start;
    q.coverage_end = c.end;
    q.waiting = c.waiting;
    if (req.person == person_kind::newborn && req.pays_birth_year && *req.pays_birth_year) {
        add_birth_year(book, req, q);
        if (!q.errors.empty()) return q;
    }
    q.explanation.push_back({"待遇享受期：" + ds(*q.coverage_start) + "至" + ds(*q.coverage_end) + "。", ""});

    // 5. The incentives.
    const incentives_found in = incentives(r, p, c, req);
    take(q, in);
    q.incentives = in.figures;
    q.ok = true;
    return q;
}

}  // namespace

quote evaluate(const rule_book& rules, const request& asked) {
    // A district may be written by its id or its name (万州, 万州区, wanzhou): quote by its id.
    request req = asked;
    if (const district_entry* d = rules.find_district(req.district)) req.district = d->id;
    quote q = assemble(rules, req);
    if (!q.ok) {
        // A refused quote shows no figures, only why.
        q.due = q.personal_standard = q.assistance = q.fiscal_subsidy = q.surcharge = 0;
        q.coverage_start.reset();
        q.coverage_end.reset();
        q.waiting.reset();
        q.category_applied.reset();
        q.estimated.reset();
        q.incentives = {};
        if (q.errors.empty()) q.errors.push_back({"", "无法计算此请求。"});
    }
    return q;
}

household_quote evaluate_household(const rule_book& rules, const std::vector<member_request>& members) {
    household_quote h;
    h.ok = !members.empty();
    if (members.empty()) h.errors.push_back({std::string(vocab::members_key), "请至少写一位家庭成员。"});
    std::size_t more = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        member_quote m{members[i].label, evaluate(rules, members[i].req)};
        if (!m.q.ok) {
            h.ok = false;
            const std::string who =
                "第" + std::to_string(i + 1) + "位成员" +
                (m.label ? "（" + std::string(vocab::member_label_of(*m.label).zh) + "）" : std::string()) + "：";
            for (const auto& e : m.q.errors) {
                if (h.errors.size() >= vocab::max_errors) {
                    ++more;
                    continue;
                }
                h.errors.push_back(
                    {std::string(vocab::members_key) + "/" + std::to_string(i) + (e.field.empty() ? "" : "/" + e.field),
                     who + e.message});
            }
        }
        h.due += m.q.due;
        h.members.push_back(std::move(m));
    }
    if (more) h.errors.push_back({"request", "另有" + std::to_string(more) + "处问题未列出；请先改正上面的问题。"});
    // The family's total only when every member is quoted: never a sum that leaves someone out.
    if (!h.ok) h.due = 0;
    return h;
}

}  // namespace yibao
