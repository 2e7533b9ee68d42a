// What a resident would gain by paying earlier or choosing the other tier: found by asking the
// engine itself about neighbouring answers, so the advice can never disagree with the quote.
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

    auto start_if_paid = [&](const date& d) -> std::optional<date> {
        request r = req;
        r.paid_on = d;
        quote other = evaluate(rules, r);
        return other.ok ? other.coverage_start : std::nullopt;
    };

    // The last day that still gives the same first day of coverage.
    date last = *req.paid_on;
    const date limit = y->coverage_to.value;
    while (last < limit) {
        date next = add_days(last, 1);
        if (start_if_paid(next) != q.coverage_start) break;
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
        a.lines.push_back("在" + chinese_date(last) + "前缴费，仍自" + chinese_date(*q.coverage_start) +
                          "起享受待遇。");
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

}  // namespace yibao
