// Step 2: the payment period the payment day falls in, and the limits around the periods (the
// opening day, the last payment day). For a newborn, first whether the birth and payment days fit
// the newborn rules and whether the payment is within the window after birth.
#include "core/dates.h"
#include "core/steps.h"

namespace yibao {

namespace {

// A newborn's birth and payment days against the year's newborn rules.
void check_newborn(const resolved& r, const request& req, period_found& p) {
    const year_rules& y = *r.rules;
    const date paid = r.paid;
    if (!req.birth_date) {
        p.error("birth_date", "新生儿请填写出生日期（birth_date，格式YYYY-MM-DD）。");
        return;
    }
    const date birth = *req.birth_date;
    if (birth > paid) {
        p.error("birth_date", "出生日期" + ds(birth) + "晚于缴费日期" + ds(paid) + "；请核对两个日期。");
        return;
    }
    if (!y.newborn.window_days) {
        p.error("person", y.name + "没有新生儿参保规则。");
        return;
    }
    int by = static_cast<int>(birth.year());
    if (by > req.year) {
        p.error("birth_date", "出生于" + std::to_string(by) + "年，不能参加" + std::to_string(req.year) + "年度。");
        return;
    }
    bool cross = y.newborn.cross_year && y.newborn.cross_year->value;
    if (by < req.year - (cross ? 1 : 0)) {
        p.error("birth_date", "出生于" + std::to_string(by) + "年，已不属于" + std::to_string(req.year) +
                                  "年度的新生儿；请按城乡居民（person: resident）计算。");
        return;
    }
    p.newborn_within_window = paid <= add_days(birth, y.newborn.window_days->value);
    if (req.pays_birth_year && *req.pays_birth_year && by != req.year - 1) {
        p.error("pays_birth_year", "只有上一年出生、本年度参保的新生儿才需要选择补缴出生当年；请去掉此选项。");
        return;
    }
    if (req.pays_birth_year && *req.pays_birth_year && !p.newborn_within_window) {
        p.error("pays_birth_year", "出生后超过" + std::to_string(y.newborn.window_days->value) +
                                       "日才缴费，不能补缴出生当年；请去掉此选项。");
        return;
    }
}

}  // namespace

period_found find_period(const resolved& r, const request& req) {
    period_found p;
    const year_rules& y = *r.rules;
    const date paid = r.paid;
    if (req.person == person_kind::newborn) {
        check_newborn(r, req, p);
        if (!p.ok()) return p;
    }
    // A newborn within the window may pay after the last period and the last payment day.
    const bool newborn_late_payment_allowed = req.person == person_kind::newborn && p.newborn_within_window;
    p.period = y.period_on(paid);
    if (paid < y.opens.value) {
        p.error("paid_on", ds(paid) + "早于" + y.name + "参保缴费的开始日期" + ds(y.opens.value) +
                               "。请核对缴费日期；更早的缴费请向税务局核实。");
        return p;
    }
    if (!p.period && !newborn_late_payment_allowed) {
        p.error("paid_on", ds(paid) + "已过" + std::to_string(req.year) + "年度的缴费时间（最后一天" +
                               ds(y.periods.back().to) + "）。请改选下一年度。");
        return p;
    }
    if (y.last_payment_day && paid > y.last_payment_day->value && !newborn_late_payment_allowed) {
        p.error("paid_on", "逾期缴费最迟在" + ds(y.last_payment_day->value) + "完清当年全额费用，" + ds(paid) +
                               "已不能缴纳" + std::to_string(req.year) + "年度的费用。请在下一年度集中缴费期缴费。");
        return p;
    }
    return p;
}

}  // namespace yibao
