// What a resident would gain by paying earlier or choosing the other tier: found by asking the
// engine itself about neighbouring answers, so the advice can never disagree with the quote.
#include <algorithm>

#include "core/dates.h"
#include "core/format.h"
#include "core/quote.h"
#include "core/rule_model.h"
#include "core/vocabulary.h"

namespace yibao {

advice advise(const rule_book& rules, const request& req, const quote& q, std::optional<date> today) {
    advice a;
    if (!q.ok || !req.paid_on || !q.coverage_start) return a;
    const year_rules* y = rules.find(req.year, req.district);
    if (!y) return a;

    auto quote_if_paid = [&](const date& d) {
        request r = req;
        r.paid_on = d;
        return evaluate(rules, r);
    };
    auto start_if_paid = [&](const date& d) -> std::optional<date> {
        quote other = quote_if_paid(d);
        return other.ok ? other.coverage_start : std::nullopt;
    };

    // The last day that still gives the same first day of coverage at the same price: paying later
    // may cost more with the same first day (万州's table: a category's 标准执行 window ends on
    // 2025-06-30 while a newborn's start stays its birth), and the hint must not hide it.
    date last = *req.paid_on;
    const date limit = y->coverage_to.value;
    std::optional<quote> dearer;  // the next day, same start, another price
    while (last < limit) {
        date next = add_days(last, 1);
        quote other = quote_if_paid(next);
        if (!other.ok || other.coverage_start != q.coverage_start) break;
        if (other.due != q.due) {
            dearer = std::move(other);
            break;
        }
        last = next;
    }
    a.keep_start_if_paid_by = last;

    // The earliest coverage any payment day of this year gives, and the last day that gives it.
    std::optional<date> best_start, best_by;
    const date first = today && *today > y->opens.value ? *today : y->opens.value;
    for (date d = first; d < *req.paid_on; d = add_days(d, 1)) {
        auto s = start_if_paid(d);
        if (!s) continue;
        if (!best_start || *s < *best_start)
            best_start = s, best_by = d;
        else if (*s == *best_start)
            best_by = d;
        // No early exit: a later payment can cover earlier (石柱's 即参即保 from 7月1日).
    }
    // Only a different payment rule is worth a hint: inside one waiting-period rule, paying a
    // day earlier just starts a day earlier.
    if (best_start && *best_start < *q.coverage_start && y->period_on(*best_by) != y->period_on(*req.paid_on)) {
        a.earlier_pay_by = best_by;
        a.earlier_start = best_start;
    }

    request other = req;
    other.tier = req.tier == 1 ? 2 : 1;
    quote o = evaluate(rules, other);
    if (o.ok) a.other_tier_due = o.due;

    if (last > *req.paid_on)
        a.lines.push_back("在" + chinese_date(last) + "前缴费，仍自" + chinese_date(*q.coverage_start) + "起享受待遇" +
                          (dearer ? "，应缴金额不变" : "") + "。");
    if (dearer)
        a.lines.push_back("若在" + chinese_date(add_days(last, 1)) + "缴费，应缴" + format_yuan(dearer->due) + "元（" +
                          (dearer->due > q.due ? "多" : "少") + "缴" +
                          format_yuan(dearer->due > q.due ? dearer->due - q.due : q.due - dearer->due) + "元）。");
    if (a.earlier_start)
        a.lines.push_back("若在" + chinese_date(*a.earlier_pay_by) + "前缴费，可自" + chinese_date(*a.earlier_start) +
                          "起享受待遇（早" + std::to_string(days_between(*a.earlier_start, *q.coverage_start)) +
                          "天）。");
    const std::string other_tier(vocab::tier_name(other.tier));
    if (a.other_tier_due)
        a.lines.push_back(
            "选择" + other_tier + "应缴" + format_yuan(*a.other_tier_due) + "元（" + (other.tier == 2 ? "多" : "少") +
            "缴" + format_yuan(other.tier == 2 ? *a.other_tier_due - q.due : q.due - *a.other_tier_due) + "元）。");
    else if (!o.errors.empty())
        a.lines.push_back("不能选择" + other_tier + "：" + o.errors.front().message);
    return a;
}

household_advice advise_household(const rule_book& rules, const std::vector<member_request>& members,
                                  const household_quote& q, const std::vector<advice>& each,
                                  std::optional<date> today) {
    household_advice a;
    if (!q.ok || members.size() < 2 || each.size() != members.size() || q.members.size() != members.size()) return a;
    // One payment day for the whole family, as the shared answer gives it.
    const std::optional<date> paid = members.front().req.paid_on;
    if (!paid) return a;
    for (const auto& m : members)
        if (m.req.paid_on != paid) return a;
    std::optional<date> latest, keep;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const quote& mq = q.members[i].q;
        if (!mq.coverage_start || !each[i].keep_start_if_paid_by) return a;
        if (!latest || *mq.coverage_start > *latest) latest = mq.coverage_start;
        if (!keep || *each[i].keep_start_if_paid_by < *keep) keep = each[i].keep_start_if_paid_by;
    }
    // Every member keeps its first day of cover up to its own last day: all of them up to the first.
    if (*keep > *paid) {
        a.pay_by = keep;
        a.everyone_from = latest;
        a.lines.push_back("全家在" + chinese_date(*keep) + "前缴费，每人的待遇开始日都不变，全家自" +
                          chinese_date(*latest) + "起都享受待遇。");
    }

    // An earlier day some member's advice names: the family is covered from the latest start that
    // paying then gives, and only when every earlier payment day covers everyone from it too.
    const year_rules* y = rules.find(members.front().req.year, members.front().req.district);
    if (!y) return a;
    const date first = today && *today > y->opens.value ? *today : y->opens.value;
    auto everyone_from_if_paid = [&](const date& d) -> std::optional<date> {
        std::optional<date> last;
        for (const auto& m : members) {
            request r = m.req;
            r.paid_on = d;
            const quote o = evaluate(rules, r);
            if (!o.ok || !o.coverage_start) return std::nullopt;
            if (!last || *o.coverage_start > *last) last = o.coverage_start;
        }
        return last;
    };
    std::optional<date> best_by, best_from;
    std::vector<date> tried;
    for (const auto& e : each) {
        if (!e.earlier_pay_by || *e.earlier_pay_by >= *paid) continue;
        if (std::find(tried.begin(), tried.end(), *e.earlier_pay_by) != tried.end()) continue;
        tried.push_back(*e.earlier_pay_by);
        const auto from = everyone_from_if_paid(*e.earlier_pay_by);
        if (!from || *from >= *latest) continue;
        if (best_from && (*from > *best_from || (*from == *best_from && *e.earlier_pay_by <= *best_by))) continue;
        bool holds = true;  // "pay by X": every day from the first one that can be advised to X
        for (date d = first; holds && d < *e.earlier_pay_by; d = add_days(d, 1)) {
            const auto f = everyone_from_if_paid(d);
            holds = f && *f <= *from;
        }
        if (holds) best_by = e.earlier_pay_by, best_from = from;
    }
    if (best_from) {
        a.earlier_pay_by = best_by;
        a.earlier_everyone_from = best_from;
        a.lines.push_back("若全家在" + chinese_date(*best_by) + "前缴费，可自" + chinese_date(*best_from) +
                          "起都享受待遇（早" + std::to_string(days_between(*best_from, *latest)) + "天）。");
    }
    return a;
}

}  // namespace yibao
