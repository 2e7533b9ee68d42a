// Step 4: from which day the insurance covers the person. The payment period's rule (a fixed day,
// the first of the next month, a waiting period in days or months, the same day), the category
// starts of a period (石柱: 下半年低收入人口和脱贫人口即参即保), continuity where the rule depends
// on it, newborns and freshmen; and a payment too late to cover any day of the year is refused.
#include <algorithm>

#include "core/dates.h"
#include "core/steps.h"

namespace yibao {

namespace {

// How a waiting period in months was counted (民法典 第二百零一条: the day of the event is not
// counted, the period starts the next day; 第二百零二条: it ends on the corresponding day of the
// last month, or that month's last day when it has none). Counted from the day after payment, the
// payment day is the event; counted from a fixed day S (渝医保发〔2025〕42号 一 "从2026年1月开始计算"),
// S itself is the period's first day, so the event is the day before S and the period ends on
// S + M months - 1 day. The sentence names the day the quote shows, as computed.
std::string civil_code_months(bool fixed_start, const date& from, const date& to, int months) {
    const std::string head = "期间按民法典第二百零一条、第二百零二条计算：";
    const std::string m = std::to_string(months) + "个月";
    const date event = add_days(from, -1);  // the payment day, or the day before the fixed start
    const std::string rule = "到期月的对应日为最后一日，没有对应日的以该月末日为最后一日：";
    const bool clamped = to.day() != event.day();
    const std::string last = clamped ? ds(event) + "加" + m + "的那个月没有" +
                                           std::to_string(static_cast<unsigned>(event.day())) + "日，以月末" + ds(to) +
                                           "为最后一日。"
                                     : ds(event) + "加" + m + "的对应日" + ds(to) + "为最后一日。";
    if (!fixed_start) return head + "缴费当日" + ds(event) + "不计入，自次日" + ds(from) + "起算；" + rule + last;
    if (add_months_clamped(event, months) == to)
        return head + "文件规定从" + ds(from) + "开始计算，当日计入等待期，即以前一日" + ds(event) + "为起算点；" +
               rule + last;
    return head + "文件规定从" + ds(from) + "开始计算，当日计入等待期；" + m + "的最后一日为" + ds(to) + "。";
}

class coverage {
  public:
    coverage(const resolved& r, const period_found& p, const request& req)
        : r_(r), req_(req), y_(*r.rules), paid_(r.paid), period_(p.period), within_window_(p.newborn_within_window) {}

    covered run() {
        out_.end = y_.coverage_to.value;
        if (!(req_.person == person_kind::newborn ? newborn() : everyone_else())) return std::move(out_);
        if (out_.start && *out_.start > y_.coverage_to.value) {
            std::string w = out_.waiting ? "等待期" + ds(out_.waiting->from) + "至" + ds(out_.waiting->to) : "待遇";
            out_.error("paid_on", "在" + ds(paid_) + "缴费，" + w + "，超过了" + std::to_string(req_.year) +
                                      "年度的最后一天" + ds(y_.coverage_to.value) +
                                      "，本年度已无法享受待遇。请在下一年度的集中缴费期内缴费。");
            return std::move(out_);
        }
        if (req_.person == person_kind::newborn && y_.newborn.guardian && concerns(y_.newborn.guardian->when, r_, req_))
            out_.note(y_.newborn.guardian->text);
        return std::move(out_);
    }

  private:
    const resolved& r_;
    const request& req_;
    const year_rules& y_;
    const date paid_;
    const payment_period* period_;
    const bool within_window_;
    covered out_;

    void explain(std::string text, std::string source = {}) { out_.explain(std::move(text), std::move(source)); }
    void note_if_concerned(const text_ref& t) {
        if (concerns(t.when, r_, req_)) out_.note(t.text);
    }

    bool everyone_else();
    bool newborn();
    bool cross_year_without_birth_year();
    // The line at `first` says what a resident paying the same day gets: say so.
    void as_a_resident(std::size_t first) {
        if (first < out_.lines.size()) out_.lines[first].text = "同一天缴费的城乡居民：" + out_.lines[first].text;
    }
    bool newborn_as_resident();
    bool resolve_continuity(bool needed);
    void apply_start(const start_rule& rule, const std::string& source);
    bool apply_category_start();
};

// Continuity matters only for some rules; ask for it only then.
bool coverage::resolve_continuity(bool needed) {
    out_.continuous = req_.continuous;
    if (!out_.continuous && req_.break_years) out_.continuous = *req_.break_years == 0;
    if (!out_.continuous) {
        if (needed)
            out_.error("continuous", "请说明去年是否连续参保（continuous）：" + std::to_string(req_.year) +
                                         "年度待遇从哪天开始取决于此。");
        return !needed;
    }
    if (!*out_.continuous) {
        if (!req_.break_years) {
            if (needed) out_.error("break_years", "没有连续参保时，请填写断保年数（break_years，至少1年）。");
            return !needed;
        }
        out_.break_years = *req_.break_years;
    }
    return true;
}

void coverage::apply_start(const start_rule& rule, const std::string& source) {
    switch (rule.kind) {
        case start_kind::fixed_date:
            out_.start = *rule.on;
            explain("在" + period_->label + "（" + ds(period_->from) + "至" + ds(period_->to) + "）缴费，自" +
                        ds(*rule.on) + "起享受待遇。",
                    source);
            break;
        case start_kind::next_month_first:
            out_.start = first_of_next_month(paid_);
            explain("在" + ds(period_->from) + "至" + ds(period_->to) + "期间缴费，自缴费次月1日（" + ds(*out_.start) +
                        "）起享受待遇。",
                    source);
            break;
        case start_kind::same_day:
            out_.start = paid_;
            explain("即参即保：不设待遇等待期，自缴费当日（" + ds(paid_) + "）起享受待遇。", source);
            break;
        case start_kind::waiting_days: {
            int n = y_.waiting_days->value;
            date from = add_days(paid_, 1), to = add_days(paid_, n);
            out_.waiting = waiting_period{from, to, n};
            out_.start = add_days(to, 1);
            explain("在" + period_->label + "缴费，有" + std::to_string(n) + "天等待期：自缴费次日" + ds(from) +
                        "起算至" + ds(to) + "，" + ds(*out_.start) + "起享受待遇。",
                    y_.waiting_days->source);
            if (!y_.waiting_later_reading.empty()) explain(y_.waiting_later_reading, source);
            if (y_.announced_waiting_months) note_if_concerned(*y_.announced_waiting_months);
            break;
        }
        case start_kind::waiting_months: {
            const int breaks = out_.break_years;
            int base = y_.months_base->value;
            int extra = std::max(0, breaks - 1) * y_.months_per_extra_break_year->value;
            int m = base + extra;
            date from, to;
            if (rule.from_date) {
                from = *rule.from_date;
                to = add_days(add_months_clamped(from, m), -1);
            } else {
                from = add_days(paid_, 1);
                to = add_months_clamped(paid_, m);
            }
            out_.waiting = waiting_period{from, to, days_between(from, to) + 1};
            out_.start = add_days(to, 1);
            std::string why =
                *out_.continuous ? "未在集中缴费期缴费" : "未连续参保（断保" + std::to_string(breaks) + "年）";
            std::string len =
                "固定等待期" + std::to_string(base) + "个月" +
                (extra ? "＋断保增加" + std::to_string(extra) + "个月＝" + std::to_string(m) + "个月" : "");
            explain(why + "，" + len + "：" +
                        (rule.from_date ? "自" + ds(from) + "起算" : "自缴费次日" + ds(from) + "起算") + "至" + ds(to) +
                        "，" + ds(*out_.start) + "起享受待遇。",
                    y_.months_base->source + (extra ? "；" + y_.months_per_extra_break_year->source : ""));
            explain(civil_code_months(rule.from_date.has_value(), from, to, m), "民法典 第二百零一条、第二百零二条");
            if (extra && y_.repair_note) note_if_concerned(*y_.repair_note);
            break;
        }
    }
}

// A period's start rule for some categories (石柱: 下半年低收入人口和脱贫人口即参即保).
bool coverage::apply_category_start() {
    if (!period_) return false;
    for (const auto& cs : period_->category_starts) {
        for (const category* c : r_.categories) {
            bool in_window = c->valid_on(paid_);
            bool tagged =
                std::any_of(cs.tags.begin(), cs.tags.end(), [&](const std::string& t) { return c->has_tag(t); });
            if (in_window && tagged) {
                explain("类别 " + c->code + " " + c->name + " 在" + period_->label + "参保：", cs.source);
                apply_start(cs.start, cs.source);
                return true;
            }
        }
    }
    return false;
}

// Born the year before, paying within the window, not paying the birth year: only the year paid,
// and within it no earlier than a resident paying the same day (a newborn has no break years: the
// rule for a continuous payer). Where that resident waits, the newborn is shown the same wait: the
// policy notes also say "with no waiting period", and the two cannot both hold; the later date is
// the one that never promises more (the reading in the rules says so, with whom to ask).
bool coverage::cross_year_without_birth_year() {
    const std::string window = std::to_string(y_.newborn.window_days->value);
    const std::string& source = y_.newborn.cross_year->source;
    explain("上一年出生、出生后" + window + "日内参保但不补缴出生当年，只享受" + std::to_string(req_.year) +
                "年度待遇，且享受待遇的日期不早于同一天缴费的城乡居民（新生儿没有断保年数，按连续参保计）。",
            source);
    out_.continuous = true;
    out_.break_years = 0;
    if (!period_) {
        out_.error("paid_on", ds(paid_) + "不在" + y_.name + "的任何缴费期内。");
        return false;
    }
    const std::size_t first = out_.lines.size();
    if (!apply_category_start()) apply_start(period_->if_continuous, period_->source);
    as_a_resident(first);
    if (out_.waiting)
        explain(
            "同一天缴费的城乡居民有上面的等待期，文件没有给这样的新生儿更早的日期：本计算器按同一天缴费的城乡居民"
            "显示，等待期照样显示（不显示更早的日期）。",
            source);
    else if (y_.newborn.exempt_from_waiting_months)
        explain("新生儿不设参保缴费后的固定待遇等待期。", y_.newborn.exempt_from_waiting_months->source);
    return true;
}

// Born the year before and paying after the window: the newborn rules for the first days of life
// do not apply. Quoted as a resident paying the same day (continuity as the request says; not said:
// not continuous, one break year, the birth year without cover of its own), and no earlier than the
// documents' "从足额缴费后90日起" for a newborn enrolling after the window: the later of the two.
bool coverage::newborn_as_resident() {
    const int n = y_.newborn.late_waiting_days->value;
    const std::string& source = y_.newborn.late_waiting_days->source;
    const std::string head = "上一年出生、出生后超过" + std::to_string(y_.newborn.window_days->value) +
                             "日才参保缴费，不适用新生儿出生后" + std::to_string(y_.newborn.window_days->value) +
                             "日内参保的规定：按同一天缴费的城乡居民计算";
    // A period that starts some categories the same day (石柱 下半年即参即保) gives the resident of the
    // same day that date; the newborn's 90 days are still the later one (a reading of the rules data
    // says so where both apply).
    explain(
        head + "，且不早于文件写的“从足额缴费后" + std::to_string(n) + "日起享受新发生的待遇”，取两者中较晚的日期。",
        source);
    out_.continuous = req_.continuous;
    if (!out_.continuous && req_.break_years) out_.continuous = *req_.break_years == 0;
    const bool assumed = !out_.continuous;
    if (assumed) out_.continuous = false;
    if (!*out_.continuous) out_.break_years = std::max(1, req_.break_years.value_or(1));
    const start_rule& rule =
        period_->depends_on_continuity && !*out_.continuous ? period_->if_not_continuous : period_->if_continuous;
    if (period_->depends_on_continuity || rule.kind == start_kind::waiting_months)
        explain(std::string(assumed ? "未说明去年是否连续参保：孩子出生当年没有独立参保，按未连续参保（断保1年）计算"
                            : *out_.continuous ? "连续参保"
                                               : "未连续参保（断保" + std::to_string(out_.break_years) + "年）") +
                    "，在" + period_->label + "缴费。",
                period_->source);
    const std::size_t first = out_.lines.size();
    apply_start(rule, period_->source);
    as_a_resident(first);
    const date from = add_days(paid_, 1), to = add_days(paid_, n), start = add_days(to, 1);
    if (out_.start && *out_.start > start) {
        explain("文件写的“从足额缴费后" + std::to_string(n) + "日起”是" + ds(start) +
                    "，早于同一天缴费的城乡居民的日期，按较晚的居民的日期显示。",
                source);
        return true;
    }
    if (out_.start && *out_.start == start) {
        explain("文件写的“从足额缴费后" + std::to_string(n) + "日起”也是" + ds(start) + "。", source);
        // The waiting_days rule has said it already.
        if (rule.kind != start_kind::waiting_days && !y_.waiting_later_reading.empty())
            explain(y_.waiting_later_reading, source);
        return true;
    }
    out_.waiting = waiting_period{from, to, n};
    out_.start = start;
    explain("文件写“从足额缴费后" + std::to_string(n) +
                "日起享受新发生的待遇”，晚于同一天缴费的城乡居民的日期，按较晚的日期显示：等待期" + ds(from) + "至" +
                ds(to) + "，" + ds(start) + "起享受新发生的待遇。",
            source);
    if (!y_.waiting_later_reading.empty()) explain(y_.waiting_later_reading, source);
    return true;
}

bool coverage::newborn() {
    const date birth = *req_.birth_date;
    const int window = y_.newborn.window_days->value;
    const bool born_last_year = static_cast<int>(birth.year()) == req_.year - 1;
    if (born_last_year && !within_window_) return newborn_as_resident();
    if (within_window_) {
        if (!born_last_year) {
            out_.start = birth;
            explain("新生儿出生后" + std::to_string(window) + "日内（" + ds(add_days(birth, window)) +
                        "前）独立参保缴费，自出生之日" + ds(birth) + "起享受待遇。",
                    y_.newborn.window_days->source);
        } else if (req_.pays_birth_year && *req_.pays_birth_year) {
            out_.start = birth;
            explain("上一年出生、出生后" + std::to_string(window) + "日内参保并补缴出生当年的费用，自出生之日" +
                        ds(birth) + "起享受待遇。",
                    y_.newborn.cross_year->source);
        } else {
            return cross_year_without_birth_year();
        }
        if (y_.newborn.exempt_from_waiting_months)
            explain("新生儿不设参保缴费后的固定待遇等待期。", y_.newborn.exempt_from_waiting_months->source);
        return true;
    }
    // A period that starts some categories the same day (石柱 下半年即参即保) does not shorten a
    // newborn's 90 days after the window: the documents give both and say neither comes first; the
    // later date never promises more (a reading of the rules data says so where both apply).
    int n = y_.newborn.late_waiting_days->value;
    date from = add_days(paid_, 1), to = add_days(paid_, n);
    out_.waiting = waiting_period{from, to, n};
    out_.start = add_days(to, 1);
    explain("新生儿出生后超过" + std::to_string(window) + "日才缴费，有" + std::to_string(n) + "天等待期：" + ds(from) +
                "至" + ds(to) + "，" + ds(*out_.start) + "起享受新发生的待遇。",
            y_.newborn.late_waiting_days->source);
    if (!y_.waiting_later_reading.empty()) explain(y_.waiting_later_reading, y_.newborn.late_waiting_days->source);
    return true;
}

bool coverage::everyone_else() {
    // A student is a freshman paying at enrolment only when the request says so (not given: not a
    // freshman), and only where the year's rules state the freshman start.
    const bool freshman_rule = y_.freshman_from_day_after_payment && y_.freshman_from_day_after_payment->value;
    const bool student = req_.person == person_kind::student;
    if (student && !(req_.freshman && *req_.freshman) && freshman_rule && paid_ < y_.coverage_from.value)
        out_.note(
            "未说明是新生入学时缴费，按非新生计算；新生入学时缴纳下一年度费用的，自缴费次日起享受待遇，请在“是否新生入"
            "学时缴费”中选择“是”。");
    if (student && req_.freshman && *req_.freshman) {
        if (freshman_rule && paid_ < y_.coverage_from.value) {
            out_.start = add_days(paid_, 1);
            explain("大学新生入学时参加下一年度居民医保，自完成缴费的次日（" + ds(*out_.start) + "）起享受待遇至" +
                        ds(y_.coverage_to.value) + "。",
                    y_.freshman_from_day_after_payment->source);
            return true;
        }
        if (!freshman_rule)
            explain(y_.name + "没有“新生入学时缴费，自缴费次日起享受待遇”的规定，新生按一般规则计算。",
                    y_.documents.empty() ? std::string() : y_.documents.front());
        else
            explain("新生入学时缴费自次日起享受待遇，只适用于在" + ds(y_.coverage_from.value) +
                        "以前缴纳下一年度费用；本次缴费按一般规则计算。",
                    y_.freshman_from_day_after_payment->source);
    }

    if (apply_category_start()) return true;
    bool needs_continuity = period_->depends_on_continuity || period_->if_continuous.kind == start_kind::waiting_months;
    if (!resolve_continuity(needs_continuity)) return false;
    const start_rule& rule = period_->depends_on_continuity && out_.continuous && !*out_.continuous
                                 ? period_->if_not_continuous
                                 : period_->if_continuous;
    if (period_->depends_on_continuity)
        explain(std::string(*out_.continuous ? "连续参保"
                                             : "未连续参保（断保" + std::to_string(out_.break_years) + "年）") +
                    "，在" + period_->label + "缴费。",
                period_->source);
    apply_start(rule, period_->source);
    return true;
}

}  // namespace

covered cover(const resolved& r, const period_found& p, const request& req) { return coverage(r, p, req).run(); }

}  // namespace yibao
