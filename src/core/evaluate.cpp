// The rule engine: a request and the rules in, a quote out. Every figure comes from the rules
// data; this file holds only the formulas and the wording of the explanation.
#include <algorithm>

#include "core/dates.h"
#include "core/json_api.h"
#include "core/quote.h"
#include "core/rule_model.h"

namespace yibao {

namespace {

std::string yuan(money m) { return format_yuan(m) + "元"; }
std::string ds(const date& d) { return format_date(d); }
const char* tier_name(int tier) { return tier == 2 ? "二档" : "一档"; }

const char* person_name(person_kind p) {
    switch (p) {
        case person_kind::student: return "在渝高校大学生";
        case person_kind::newborn: return "新生儿";
        default: return "城乡居民";
    }
}

// What one category would give for the chosen tier, or why it gives nothing.
struct category_offer {
    const category* cat = nullptr;
    bool tier_allowed = true;
    bool in_window = true;
    money amount = 0;
};

// The tier's assistance rule for this person: a resident table's row carries its own rule for
// students (a percentage of the student's own standard) where the rules give one.
const tier_assistance& tier_rule(const category& c, person_kind p, int tier) {
    if (p == person_kind::student && c.student_tiers) return (*c.student_tiers)[tier - 1];
    return c.tiers[tier - 1];
}

money assistance_of(const year_rules& y, const category& c, person_kind p, int tier) {
    const tier_assistance& t = tier_rule(c, p, tier);
    switch (t.kind) {
        case assist_kind::fixed: return t.fixed;
        case assist_kind::percent_of_tier1: return y.standard(p, 1).value * t.percent / 100;
        case assist_kind::percent_of_tier2: return y.standard(p, 2).value * t.percent / 100;
        case assist_kind::not_allowed: return 0;
    }
    return 0;
}

std::string describe_assistance(const year_rules& y, const category& c, person_kind p, int tier) {
    const tier_assistance& t = tier_rule(c, p, tier);
    money amount = assistance_of(y, c, p, tier);
    switch (t.kind) {
        case assist_kind::percent_of_tier1:
            return std::to_string(t.percent) + "%×一档个人缴费标准" +
                   yuan(y.standard(p, 1).value) + "＝" + yuan(amount);
        case assist_kind::percent_of_tier2:
            return std::to_string(t.percent) + "%×二档个人缴费标准" +
                   yuan(y.standard(p, 2).value) + "＝" + yuan(amount);
        default: return yuan(amount);
    }
}

class calculation {
public:
    calculation(const rule_book& book, const request& req, quote& q) : book_(book), req_(req), q_(q) {}

    void run();

private:
    const rule_book& book_;
    const request& req_;
    quote& q_;
    const year_rules* y_ = nullptr;
    bool own_file_ = false;
    std::vector<const category*> cats_;
    date paid_{};
    bool newborn_within_window_ = false;
    const payment_period* period_ = nullptr;
    std::optional<bool> continuous_;
    int breaks_ = 0;

    void explain(std::string text, std::string source = {}) {
        q_.explanation.push_back({std::move(text), std::move(source)});
    }
    void note(std::string text) {
        if (std::find(q_.notes.begin(), q_.notes.end(), text) == q_.notes.end())
            q_.notes.push_back(std::move(text));
    }
    void error(std::string field, std::string message) {
        q_.errors.push_back({std::move(field), std::move(message)});
    }

    bool check_request();
    bool check_newborn();
    bool resolve_continuity(bool needed);
    void price();
    bool cover();
    bool cover_newborn();
    bool apply_start(const start_rule& rule, const std::string& source);
    bool apply_category_start();
    void add_birth_year();
    void incentives();
};

bool calculation::check_request() {
    const district_entry* district = book_.find_district(req_.district);
    if (req_.district.empty()) {
        error("district", "请选择区县（district）。");
    } else if (!district) {
        error("district", "不认识区县“" + req_.district +
                              "”。请用区县标识，如 wanzhou、youyang、shizhu、dianjiang；其他区县用 "
                              "chongqing（按全市规则）。");
    }
    y_ = book_.find(req_.year, req_.district, &own_file_);
    if (!y_) {
        std::string have;
        for (int yr : years(book_)) have += (have.empty() ? "" : "、") + std::to_string(yr);
        error("year", "没有" + std::to_string(req_.year) + "年度的规则。本计算器收录的年度：" +
                          have + "。其他年度请向区县医保局或税务局咨询。");
    }
    if (req_.tier != 1 && req_.tier != 2) error("tier", "档次只能是1（一档）或2（二档）。");
    if (!req_.paid_on) error("paid_on", "请填写缴费日期（paid_on，格式YYYY-MM-DD）。");
    if (req_.break_years && *req_.break_years < 0)
        error("break_years", "断保年数不能是负数。");
    if (req_.continuous && *req_.continuous && req_.break_years && *req_.break_years > 0)
        error("break_years", "连续参保时断保年数应为0；如去年没有参保，请把连续参保选为“否”。");
    if (req_.continuous && !*req_.continuous && req_.break_years && *req_.break_years == 0)
        error("break_years", "没有连续参保时，断保年数至少为1年。");
    if (req_.continuous_years && *req_.continuous_years < 0)
        error("continuous_years", "连续参保年数不能是负数。");
    if (req_.freshman && *req_.freshman && req_.person != person_kind::student)
        error("freshman", "只有在渝高校大学生才有“新生入学时缴费”；请把参保人选为大学生，或去掉此选项。");
    if (!y_) return false;
    for (const auto& code : req_.categories) {
        const category* c = y_->find_category(code);
        if (!c) {
            error("categories", "“" + code + "”不是" + y_->name +
                                    "的资助类别代码。可用的类别见“yibao categories --year " +
                                    std::to_string(req_.year) + " --district " + req_.district + "”。");
            continue;
        }
        if (!c->allows(req_.person)) {
            error("categories", c->code + " " + c->name + "只适用于在渝高校大学生；请把参保人选为大学生，或去掉此类别。");
            continue;
        }
        if (std::find(cats_.begin(), cats_.end(), c) == cats_.end()) cats_.push_back(c);
    }
    if (req_.paid_on) paid_ = *req_.paid_on;
    return q_.errors.empty();
}

// Continuity matters only for some rules; ask for it only then.
bool calculation::resolve_continuity(bool needed) {
    continuous_ = req_.continuous;
    if (!continuous_ && req_.break_years) continuous_ = *req_.break_years == 0;
    if (!continuous_) {
        if (needed) error("continuous", "请说明去年是否连续参保（continuous）：" + std::to_string(req_.year) +
                                            "年度待遇从哪天开始取决于此。");
        return !needed;
    }
    if (!*continuous_) {
        if (!req_.break_years) {
            if (needed) error("break_years", "没有连续参保时，请填写断保年数（break_years，至少1年）。");
            return !needed;
        }
        breaks_ = *req_.break_years;
    }
    return true;
}

void calculation::price() {
    const year_rules& y = *y_;
    const int tier = req_.tier;
    const person_kind who = req_.person;
    const auto& standard = y.standard(who, tier);
    q_.personal_standard = standard.value;
    explain(std::string(person_name(who)) + tier_name(tier) + "个人缴费标准" + yuan(standard.value) + "。",
            standard.source);

    const auto& lp = y.late_pricing;
    bool personal_part_only = newborn_within_window_ && y.newborn.personal_part_only &&
                              y.newborn.personal_part_only->value;
    bool late = lp.present && paid_ >= lp.from.value && !personal_part_only;

    std::vector<category_offer> offers;
    for (const category* c : cats_) {
        category_offer o;
        o.cat = c;
        o.tier_allowed = tier_rule(*c, who, tier).kind != assist_kind::not_allowed;
        o.in_window = c->valid_on(paid_);
        o.amount = o.tier_allowed && o.in_window ? assistance_of(y, *c, who, tier) : 0;
        offers.push_back(o);
    }
    if (!offers.empty() && std::none_of(offers.begin(), offers.end(),
                                        [](const category_offer& o) { return o.tier_allowed; })) {
        const category* c = offers.front().cat;
        error("tier", c->code + " " + c->name + "不能选择" + tier_name(tier) + "（文件中该档次没有资助标准）；请选择" +
                          tier_name(3 - tier) + "。");
        return;
    }
    bool exempt = false;
    for (const auto& o : offers)
        for (const auto& tag : lp.exempt_tags)
            if (o.tier_allowed && o.in_window && o.cat->has_tag(tag)) exempt = true;
    bool surcharge = late && !exempt;

    const category_offer* best = nullptr;
    for (const auto& o : offers) {
        const category& c = *o.cat;
        std::string head = "类别 " + c.code + " " + c.name + "：";
        if (!o.tier_allowed) {
            explain(head + "不能选择" + tier_name(tier) + "，此类别不适用。", c.source);
        } else if (!o.in_window) {
            explain(head + "标准执行时间为" + (c.valid_from ? ds(*c.valid_from) : "") + "至" +
                        (c.valid_to ? ds(*c.valid_to) : "") + "，缴费日" + ds(paid_) + "不在其内，不享受资助。",
                    c.source);
        } else if (surcharge) {
            explain(head + ds(lp.from.value) + "以后缴费的非低收入人口全额缴费，不享受资助。", lp.source);
        } else if (late && std::none_of(lp.exempt_tags.begin(), lp.exempt_tags.end(),
                                        [&](const std::string& t) { return c.has_tag(t); })) {
            explain(head + ds(lp.from.value) + "以后缴费，只有低收入人口身份按正常标准享受资助，此类别不计入。",
                    lp.source);
        } else {
            if (who == person_kind::student && c.student_tiers)
                explain(head + "表中金额按城乡居民缴费标准编制；在渝高校大学生按同一比例乘以本人的个人缴费标准：" +
                            tier_name(tier) + "资助" + describe_assistance(y, c, who, tier) + "。",
                        c.source + "；" + c.student_source);
            else
                explain(head + tier_name(tier) + "资助" + describe_assistance(y, c, who, tier) +
                            (c.derived ? "（按比例推算，文件未公布具体金额）" : "") + "。",
                        c.source);
            if (!best || o.amount > best->amount) best = &o;
        }
        if (!c.note.empty()) note(c.note);
    }

    if (surcharge) {
        q_.surcharge = y.fiscal_subsidy.value;
        q_.fiscal_subsidy = 0;
        explain(ds(lp.from.value) + "及以后缴费，" + (exempt ? "" : "不属于低收入人口，") + "须按个人缴费标准加财政补助全额缴费：" +
                    yuan(standard.value) + "＋" + yuan(y.fiscal_subsidy.value) + "＝" +
                    yuan(standard.value + y.fiscal_subsidy.value) + "，不享受各级财政补助和参保资助。",
                lp.from.source);
        if (!lp.reading.empty()) note(lp.reading);
    } else {
        q_.fiscal_subsidy = y.fiscal_subsidy.value;
        explain("财政补助" + yuan(y.fiscal_subsidy.value) + "（由财政承担，不由个人缴纳）。", y.fiscal_subsidy.source);
        if (late && exempt)
            explain("低收入人口" + ds(lp.from.value) + "以后缴费仍按正常标准，不加收财政补助部分。", lp.source);
        if (personal_part_only && lp.present && paid_ >= lp.from.value)
            explain("新生儿出生后" + std::to_string(y.newborn.window_days->value) +
                        "日内独立参保，只缴纳个人应承担的费用，不加收财政补助部分。",
                    y.newborn.personal_part_only->source);
    }
    if (!lp.present && !lp.reading.empty()) note(lp.reading);

    if (best && best->amount > 0) {
        money granted = std::min(best->amount, standard.value);
        q_.assistance = granted;
        q_.category_applied = best->cat->code;
        if (offers.size() > 1)
            explain("有多重身份时按就高原则：取资助最高的 " + best->cat->code + " " + best->cat->name + "（" +
                        yuan(best->amount) + "）。",
                    best->cat->source);
        if (granted < best->amount)
            explain("资助不超过个人缴费标准，按" + yuan(granted) + "计。", best->cat->source);
    }
    q_.due = q_.personal_standard + q_.surcharge - q_.assistance;
    explain("应缴：" + yuan(q_.personal_standard) + (q_.surcharge ? "＋" + yuan(q_.surcharge) : "") +
                (q_.assistance ? "－资助" + yuan(q_.assistance) : "") + "＝" + yuan(q_.due) + "。");
}

bool calculation::apply_start(const start_rule& rule, const std::string& source) {
    const year_rules& y = *y_;
    switch (rule.kind) {
        case start_kind::fixed_date:
            q_.coverage_start = *rule.on;
            explain("在" + period_->label + "（" + ds(period_->from) + "至" + ds(period_->to) + "）缴费，自" +
                        ds(*rule.on) + "起享受待遇。",
                    source);
            break;
        case start_kind::next_month_first:
            q_.coverage_start = first_of_next_month(paid_);
            explain("在" + ds(period_->from) + "至" + ds(period_->to) + "期间缴费，自缴费次月1日（" +
                        ds(*q_.coverage_start) + "）起享受待遇。",
                    source);
            break;
        case start_kind::same_day:
            q_.coverage_start = paid_;
            explain("即参即保：不设待遇等待期，自缴费当日（" + ds(paid_) + "）起享受待遇。", source);
            break;
        case start_kind::waiting_days: {
            int n = y.waiting_days->value;
            date from = add_days(paid_, 1), to = add_days(paid_, n);
            q_.waiting = waiting_period{from, to, n};
            q_.coverage_start = add_days(to, 1);
            explain("在" + period_->label + "缴费，有" + std::to_string(n) + "天等待期：自缴费次日" + ds(from) +
                        "起算至" + ds(to) + "，" + ds(*q_.coverage_start) + "起享受待遇。",
                    y.waiting_days->source);
            if (!y.waiting_later_reading.empty()) explain(y.waiting_later_reading, source);
            if (y.announced_waiting_months) note(y.announced_waiting_months->text);
            break;
        }
        case start_kind::waiting_months: {
            int base = y.months_base->value;
            int extra = std::max(0, breaks_ - 1) * y.months_per_extra_break_year->value;
            int m = base + extra;
            date from, to;
            if (rule.from_date) {
                from = *rule.from_date;
                to = add_days(add_months_clamped(from, m), -1);
            } else {
                from = add_days(paid_, 1);
                to = add_months_clamped(paid_, m);
            }
            q_.waiting = waiting_period{from, to, days_between(from, to) + 1};
            q_.coverage_start = add_days(to, 1);
            std::string why = *continuous_ ? "未在集中缴费期缴费" : "未连续参保（断保" + std::to_string(breaks_) + "年）";
            std::string len = "固定等待期" + std::to_string(base) + "个月" +
                              (extra ? "＋断保增加" + std::to_string(extra) + "个月＝" + std::to_string(m) + "个月" : "");
            explain(why + "，" + len + "：" + (rule.from_date ? "自" + ds(from) + "起算" : "自缴费次日" + ds(from) + "起算") +
                        "至" + ds(to) + "，" + ds(*q_.coverage_start) + "起享受待遇。",
                    y.months_base->source + (extra ? "；" + y.months_per_extra_break_year->source : ""));
            explain("期间按民法典第二百零一条、第二百零二条计算：自起算日起，到期月的对应日为最后一日，没有对应日的以月末为最后一日。",
                    "民法典 第二百零一条、第二百零二条");
            if (extra && y.repair_note) note(y.repair_note->text);
            break;
        }
    }
    return true;
}

// A period's start rule for some categories (石柱: 下半年低收入人口和脱贫人口即参即保).
bool calculation::apply_category_start() {
    if (!period_) return false;
    for (const auto& cs : period_->category_starts) {
        for (const category* c : cats_) {
            bool in_window = c->valid_on(paid_);
            bool tagged = std::any_of(cs.tags.begin(), cs.tags.end(), [&](const std::string& t) { return c->has_tag(t); });
            if (in_window && tagged) {
                explain("类别 " + c->code + " " + c->name + " 在" + period_->label + "参保：", cs.source);
                return apply_start(cs.start, cs.source);
            }
        }
    }
    return false;
}

bool calculation::check_newborn() {
    const year_rules& y = *y_;
    if (!req_.birth_date) {
        error("birth_date", "新生儿请填写出生日期（birth_date，格式YYYY-MM-DD）。");
        return false;
    }
    const date birth = *req_.birth_date;
    if (birth > paid_) {
        error("birth_date", "出生日期" + ds(birth) + "晚于缴费日期" + ds(paid_) + "；请核对两个日期。");
        return false;
    }
    if (!y.newborn.window_days) {
        error("person", y.name + "没有新生儿参保规则。");
        return false;
    }
    int by = static_cast<int>(birth.year());
    if (by > req_.year) {
        error("birth_date", "出生于" + std::to_string(by) + "年，不能参加" + std::to_string(req_.year) + "年度。");
        return false;
    }
    bool cross = y.newborn.cross_year && y.newborn.cross_year->value;
    if (by < req_.year - (cross ? 1 : 0)) {
        error("birth_date", "出生于" + std::to_string(by) + "年，已不属于" + std::to_string(req_.year) +
                                "年度的新生儿；请按城乡居民（person: resident）计算。");
        return false;
    }
    newborn_within_window_ = paid_ <= add_days(birth, y.newborn.window_days->value);
    if (req_.pays_birth_year && *req_.pays_birth_year && by != req_.year - 1) {
        error("pays_birth_year", "只有上一年出生、本年度参保的新生儿才需要选择补缴出生当年；请去掉此选项。");
        return false;
    }
    if (req_.pays_birth_year && *req_.pays_birth_year && !newborn_within_window_) {
        error("pays_birth_year", "出生后超过" + std::to_string(y.newborn.window_days->value) +
                                     "日才缴费，不能补缴出生当年；请去掉此选项。");
        return false;
    }
    return true;
}

bool calculation::cover_newborn() {
    const year_rules& y = *y_;
    const date birth = *req_.birth_date;
    const int window = y.newborn.window_days->value;
    const bool born_last_year = static_cast<int>(birth.year()) == req_.year - 1;
    if (newborn_within_window_) {
        if (!born_last_year) {
            q_.coverage_start = birth;
            explain("新生儿出生后" + std::to_string(window) + "日内（" + ds(add_days(birth, window)) +
                        "前）独立参保缴费，自出生之日" + ds(birth) + "起享受待遇。",
                    y.newborn.window_days->source);
        } else if (req_.pays_birth_year && *req_.pays_birth_year) {
            q_.coverage_start = birth;
            explain("上一年出生、出生后" + std::to_string(window) + "日内参保并补缴出生当年的费用，自出生之日" + ds(birth) +
                        "起享受待遇。",
                    y.newborn.cross_year->source);
        } else {
            // Only the year paid, and within it no earlier than a resident paying the same day
            // (a newborn has no break years: the rule for a continuous payer).
            explain("上一年出生、出生后" + std::to_string(window) + "日内参保但不补缴出生当年，只享受" +
                        std::to_string(req_.year) + "年度待遇，且享受待遇的日期不早于同一天缴费的城乡居民（新生儿没有断保年数，按连续参保计）。",
                    y.newborn.cross_year->source);
            continuous_ = true;
            breaks_ = 0;
            if (!period_) {
                error("paid_on", ds(paid_) + "不在" + y.name + "的任何缴费期内。");
                return false;
            }
            if (!apply_category_start()) apply_start(period_->if_continuous, period_->source);
            if (!q_.waiting && y.newborn.exempt_from_waiting_months)
                explain("新生儿不设参保缴费后的固定待遇等待期。", y.newborn.exempt_from_waiting_months->source);
            if (q_.waiting)
                note("上一年出生、出生后" + std::to_string(window) + "日内在" + ds(period_->from) +
                     "以后参保且不补缴出生当年的新生儿：文件没有写从哪天起享受待遇，本计算器按同一天缴费的城乡居民显示（不更早），请向区县医保局核实。");
            return true;
        }
        if (y.newborn.exempt_from_waiting_months)
            explain("新生儿不设参保缴费后的固定待遇等待期。", y.newborn.exempt_from_waiting_months->source);
        return true;
    }
    if (apply_category_start()) return true;
    int n = y.newborn.late_waiting_days->value;
    date from = add_days(paid_, 1), to = add_days(paid_, n);
    q_.waiting = waiting_period{from, to, n};
    q_.coverage_start = add_days(to, 1);
    explain("新生儿出生后超过" + std::to_string(window) + "日才缴费，有" + std::to_string(n) + "天等待期：" + ds(from) +
                "至" + ds(to) + "，" + ds(*q_.coverage_start) + "起享受新发生的待遇。",
            y.newborn.late_waiting_days->source);
    if (!y.waiting_later_reading.empty()) explain(y.waiting_later_reading, y.newborn.late_waiting_days->source);
    return true;
}

bool calculation::cover() {
    const year_rules& y = *y_;
    q_.coverage_end = y.coverage_to.value;

    // Which payment period the payment day falls in, and the limits around them.
    bool newborn_late_payment_allowed = req_.person == person_kind::newborn && newborn_within_window_;
    period_ = y.period_on(paid_);
    if (paid_ < y.opens.value) {
        error("paid_on", ds(paid_) + "早于" + y.name + "参保缴费的开始日期" + ds(y.opens.value) +
                             "。请核对缴费日期；更早的缴费请向税务局核实。");
        return false;
    }
    if (!period_ && !newborn_late_payment_allowed) {
        error("paid_on", ds(paid_) + "已过" + std::to_string(req_.year) + "年度的缴费时间（最后一天" +
                             ds(y.periods.back().to) + "）。请改选下一年度。");
        return false;
    }
    if (y.last_payment_day && paid_ > y.last_payment_day->value && !newborn_late_payment_allowed) {
        error("paid_on", "逾期缴费最迟在" + ds(y.last_payment_day->value) + "完清当年全额费用，" + ds(paid_) +
                             "已不能缴纳" + std::to_string(req_.year) + "年度的费用。请在下一年度集中缴费期缴费。");
        return false;
    }
    if (req_.person == person_kind::newborn) return cover_newborn();

    // A student is a freshman paying at enrolment only when the request says so (not given: not a
    // freshman), and only where the year's rules state the freshman start.
    const bool freshman_rule = y.freshman_from_day_after_payment && y.freshman_from_day_after_payment->value;
    if (req_.person == person_kind::student && !(req_.freshman && *req_.freshman) && freshman_rule &&
        paid_ < y.coverage_from.value)
        note("未说明是新生入学时缴费，按非新生计算；新生入学时缴纳下一年度费用的，自缴费次日起享受待遇，请在“是否新生入学时缴费”中选择“是”。");
    if (req_.person == person_kind::student && req_.freshman && *req_.freshman) {
        if (freshman_rule && paid_ < y.coverage_from.value) {
            q_.coverage_start = add_days(paid_, 1);
            explain("大学新生入学时参加下一年度居民医保，自完成缴费的次日（" + ds(*q_.coverage_start) + "）起享受待遇至" +
                        ds(y.coverage_to.value) + "。",
                    y.freshman_from_day_after_payment->source);
            return true;
        }
        if (!freshman_rule)
            explain(y.name + "没有“新生入学时缴费，自缴费次日起享受待遇”的规定，新生按一般规则计算。",
                    y.documents.empty() ? std::string() : y.documents.front());
        else
            explain("新生入学时缴费自次日起享受待遇，只适用于在" + ds(y.coverage_from.value) +
                        "以前缴纳下一年度费用；本次缴费按一般规则计算。",
                    y.freshman_from_day_after_payment->source);
    }

    if (apply_category_start()) return true;
    bool needs_continuity = period_->depends_on_continuity ||
                            period_->if_continuous.kind == start_kind::waiting_months;
    if (!resolve_continuity(needs_continuity)) return false;
    const start_rule& rule = period_->depends_on_continuity && continuous_ && !*continuous_
                                 ? period_->if_not_continuous
                                 : period_->if_continuous;
    if (period_->depends_on_continuity)
        explain(std::string(*continuous_ ? "连续参保" : "未连续参保（断保" + std::to_string(breaks_) + "年）") + "，在" +
                    period_->label + "缴费。",
                period_->source);
    return apply_start(rule, period_->source);
}

void calculation::add_birth_year() {
    request sub = req_;
    sub.year = req_.year - 1;
    sub.pays_birth_year.reset();
    if (!book_.find(sub.year, req_.district)) {
        error("pays_birth_year", "本计算器没有" + std::to_string(sub.year) +
                                     "年度（出生当年）的规则，无法计算补缴金额；请向区县医保局或税务局咨询，或去掉此选项。");
        return;
    }
    quote birth_year = evaluate(book_, sub);
    if (!birth_year.ok) {
        for (auto& e : birth_year.errors) error(e.field, std::to_string(sub.year) + "年度（出生当年）：" + e.message);
        return;
    }
    explain("—— 补缴出生当年（" + std::to_string(sub.year) + "年度）——");
    for (auto& line : birth_year.explanation)
        explain(std::to_string(sub.year) + "年度：" + line.text, line.source);
    q_.due += birth_year.due;
    q_.personal_standard += birth_year.personal_standard;
    q_.assistance += birth_year.assistance;
    q_.fiscal_subsidy += birth_year.fiscal_subsidy;
    q_.surcharge += birth_year.surcharge;
    explain("合计应缴（两个年度）：" + yuan(q_.due) + "。");
}

void calculation::incentives() {
    const incentive_rules& in = y_->incentives;
    if (in.deductible) {
        q_.incentives.deductible = in.deductible->value;
        explain(std::to_string(req_.year) + "年度大病保险起付线" + yuan(in.deductible->value) + "（参加居民医保即自动参加大病保险，个人无需另缴）。",
                in.deductible->source);
    }
    if (req_.continuous_years && in.threshold_years && in.counting_from_year) {
        int counted = std::min(*req_.continuous_years, req_.year - in.counting_from_year->value + 1);
        int over = std::max(0, counted - in.threshold_years->value);
        if (in.raise_per_year) {
            q_.incentives.continuous_raise = over * in.raise_per_year->value;
            explain("连续参保激励：满" + std::to_string(in.threshold_years->value) + "年后每连续参保1年提高大病保险最高支付限额" +
                        yuan(in.raise_per_year->value) + "；自" + std::to_string(in.counting_from_year->value) +
                        "年起计，本年度计入" + std::to_string(counted) + "年，提高" + yuan(*q_.incentives.continuous_raise) + "。",
                    in.raise_per_year->source);
        } else {
            explain("连续参保激励：满" + std::to_string(in.threshold_years->value) +
                        "年后每连续参保1年提高大病保险最高支付限额，本年度的提高金额文件未公布。",
                    in.threshold_years->source);
        }
    }
    if (req_.zero_claims_last_year && *req_.zero_claims_last_year) {
        bool normal = period_ && period_->centralized && (!continuous_ || *continuous_) && !q_.waiting;
        if (!in.zero_claims_raise) {
            explain("零报销激励：上一年度医保基金零报销且本年正常参保缴费的，提高大病保险最高支付限额；本年度的金额文件未公布。",
                    in.threshold_years ? in.threshold_years->source : std::string());
        } else if (normal) {
            q_.incentives.zero_claims_raise = in.zero_claims_raise->value;
            explain("零报销激励：上一年度零报销且本年度正常参保缴费，大病保险最高支付限额提高" + yuan(in.zero_claims_raise->value) + "。",
                    in.zero_claims_raise->source);
        } else {
            explain("零报销激励要求本年度正常参保缴费（集中缴费期内连续参保）；本次缴费不符合，不计提高。",
                    in.zero_claims_raise->source);
        }
    }
    for (const auto& n : in.notes) note(n.text);
}

void calculation::run() {
    if (!check_request()) return;
    const year_rules& y = *y_;
    std::string files;
    for (const auto& f : y.files) files += (files.empty() ? "" : "、") + f;
    std::string docs;
    for (const auto& d : y.documents) docs += (docs.empty() ? "" : "；") + d;
    q_.rules_used = files;
    const district_entry* d = book_.find_district(req_.district);
    if (!own_file_ && req_.district != "chongqing") {
        explain(d->name + "没有收录" + std::to_string(req_.year) + "年度的区县文件，按全市通行规则（" + y.name + "）计算。", docs);
        note(d->name + "按全市通行规则计算；如本区县另有规定，以区县医保局公布为准。");
    } else {
        explain("按" + y.name + "计算。", docs);
    }
    for (const auto& n : y.notes) note(n.text);
    for (const auto& r : y.readings) note(r.text);

    if (req_.person == person_kind::newborn && !check_newborn()) return;
    const std::size_t coverage_lines = q_.explanation.size();
    if (!cover()) return;
    if (q_.coverage_start && *q_.coverage_start > y.coverage_to.value) {
        std::string w = q_.waiting ? "等待期" + ds(q_.waiting->from) + "至" + ds(q_.waiting->to) : "待遇";
        error("paid_on", "在" + ds(paid_) + "缴费，" + w + "，超过了" + std::to_string(req_.year) + "年度的最后一天" +
                             ds(y.coverage_to.value) + "，本年度已无法享受待遇。请在下一年度的集中缴费期内缴费。");
        return;
    }
    const std::size_t price_lines = q_.explanation.size();
    price();
    if (!q_.errors.empty()) return;
    // Show what is paid before from when it covers.
    std::rotate(q_.explanation.begin() + static_cast<std::ptrdiff_t>(coverage_lines),
                q_.explanation.begin() + static_cast<std::ptrdiff_t>(price_lines), q_.explanation.end());
    if (req_.person == person_kind::newborn && req_.pays_birth_year && *req_.pays_birth_year) {
        add_birth_year();
        if (!q_.errors.empty()) return;
    }
    if (req_.person == person_kind::newborn && y.newborn.guardian) note(y.newborn.guardian->text);
    explain("待遇享受期：" + ds(*q_.coverage_start) + "至" + ds(*q_.coverage_end) + "。");
    incentives();
    q_.ok = true;
}

}  // namespace

quote evaluate(const rule_book& rules, const request& asked) {
    // A district may be written by its id or its name (万州, 万州区, wanzhou): quote by its id.
    request req = asked;
    if (const district_entry* d = rules.find_district(req.district)) req.district = d->id;
    quote q;
    calculation(rules, req, q).run();
    if (!q.ok) {
        // A refused quote shows no figures, only why.
        q.due = q.personal_standard = q.assistance = q.fiscal_subsidy = q.surcharge = 0;
        q.coverage_start.reset();
        q.coverage_end.reset();
        q.waiting.reset();
        q.category_applied.reset();
        q.incentives = {};
        if (q.errors.empty()) q.errors.push_back({"", "无法计算此请求。"});
    }
    return q;
}

std::vector<category_info> categories(const rule_book& rules, int year, const std::string& district) {
    std::vector<category_info> out;
    const year_rules* y = rules.find(year, district);
    if (!y || !rules.find_district(district)) return out;
    for (const auto& c : y->categories) {
        category_info i;
        i.code = c.code;
        i.name = c.name;
        person_kind who = c.allows(person_kind::resident) ? person_kind::resident : person_kind::student;
        i.students_only = !c.allows(person_kind::resident);
        i.tier1_allowed = tier_rule(c, who, 1).kind != assist_kind::not_allowed;
        i.tier2_allowed = tier_rule(c, who, 2).kind != assist_kind::not_allowed;
        i.tier1_assistance = assistance_of(*y, c, who, 1);
        i.tier2_assistance = assistance_of(*y, c, who, 2);
        i.student_tier1_assistance = assistance_of(*y, c, person_kind::student, 1);
        i.student_tier2_assistance = assistance_of(*y, c, person_kind::student, 2);
        if (c.valid_from) i.valid_from = format_date(*c.valid_from);
        if (c.valid_to) i.valid_to = format_date(*c.valid_to);
        i.source = c.source;
        out.push_back(i);
    }
    return out;
}

}  // namespace yibao
