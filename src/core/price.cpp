// Step 3: the price. The personal standard of the tier, the assistance of the categories (the
// highest wins, 就高), the late-payment price where the year sets one, the fiscal subsidy, and
// what is due.
#include <algorithm>

#include "core/steps.h"

namespace yibao {

namespace {

// What one category would give for the chosen tier, or why it gives nothing.
struct category_offer {
    const category* cat = nullptr;
    bool tier_allowed = true;
    bool in_window = true;
    money amount = 0;
};

std::string describe_assistance(const year_rules& y, const category& c, person_kind p, int tier) {
    const tier_assistance& t = c.tier_rule(p, tier);
    money amount = y.assistance(c, p, tier);
    switch (t.kind) {
        case assist_kind::percent_of_tier1:
            return std::to_string(t.percent) + "%×一档个人缴费标准" + yuan(y.standard(p, 1).value) + "＝" +
                   yuan(amount);
        case assist_kind::percent_of_tier2:
            return std::to_string(t.percent) + "%×二档个人缴费标准" + yuan(y.standard(p, 2).value) + "＝" +
                   yuan(amount);
        default:
            return yuan(amount);
    }
}

}  // namespace

priced price(const resolved& r, const period_found& p, const request& req) {
    priced out;
    const year_rules& y = *r.rules;
    const date paid = r.paid;
    const int tier = req.tier;
    const person_kind who = req.person;
    const auto& standard = y.standard(who, tier);
    out.personal_standard = standard.value;
    out.explain(person_name(who) + tier_name(tier) + "个人缴费标准" + yuan(standard.value) + "。", standard.source);

    const auto& lp = y.late_pricing;
    bool personal_part_only =
        p.newborn_within_window && y.newborn.personal_part_only && y.newborn.personal_part_only->value;
    // From the late-pricing day on, only the exempt categories (低收入人口) keep their assistance. A
    // newborn within its window pays no fiscal part ("只缴纳个人应承担的费用"), but nothing says its
    // other categories keep their assistance: they do not (the reading in the rules says so).
    const bool late_day = lp.present && paid >= lp.from.value;
    bool late = late_day && !personal_part_only;

    std::vector<category_offer> offers;
    for (const category* c : r.categories) {
        category_offer o;
        o.cat = c;
        o.tier_allowed = c->tier_rule(who, tier).kind != assist_kind::not_allowed;
        o.in_window = c->valid_on(paid);
        o.amount = o.tier_allowed && o.in_window ? y.assistance(*c, who, tier) : 0;
        offers.push_back(o);
    }
    if (!offers.empty() &&
        std::none_of(offers.begin(), offers.end(), [](const category_offer& o) { return o.tier_allowed; })) {
        const category* c = offers.front().cat;
        out.error("tier", c->code + " " + c->name + "不能选择" + tier_name(tier) +
                              "（文件中该档次没有资助标准）；请选择" + tier_name(3 - tier) + "。");
        return out;
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
            out.explain(head + "不能选择" + tier_name(tier) + "，此类别不适用。", c.source);
        } else if (!o.in_window) {
            out.explain(head + "标准执行时间为" + (c.valid_from ? ds(*c.valid_from) : "") + "至" +
                            (c.valid_to ? ds(*c.valid_to) : "") + "，缴费日" + ds(paid) + "不在其内，不享受资助。",
                        c.source);
        } else if (surcharge) {
            out.explain(head + ds(lp.from.value) + "以后缴费的非低收入人口全额缴费，不享受资助。", lp.source);
        } else if (late_day && std::none_of(lp.exempt_tags.begin(), lp.exempt_tags.end(),
                                            [&](const std::string& t) { return c.has_tag(t); })) {
            out.explain(head + ds(lp.from.value) + "以后缴费，只有低收入人口身份按正常标准享受资助，此类别不计入。",
                        lp.source);
        } else {
            if (who == person_kind::student && c.student_tiers)
                out.explain(head + "表中金额按城乡居民缴费标准编制；在渝高校大学生按同一比例乘以本人的个人缴费标准：" +
                                tier_name(tier) + "资助" + describe_assistance(y, c, who, tier) + "。",
                            c.source + "；" + c.student_source);
            else
                out.explain(head + tier_name(tier) + "资助" + describe_assistance(y, c, who, tier) +
                                (c.derived ? "（按比例推算，文件未公布具体金额）" : "") + "。",
                            c.source);
            if (!best || o.amount > best->amount) best = &o;
        }
        if (!c.note.empty()) out.note(c.note);
    }

    if (surcharge) {
        out.surcharge = y.fiscal_subsidy.value;
        out.fiscal_subsidy = 0;
        out.explain(ds(lp.from.value) + "及以后缴费，" + (exempt ? "" : "不属于低收入人口，") +
                        "须按个人缴费标准加财政补助全额缴费：" + yuan(standard.value) + "＋" +
                        yuan(y.fiscal_subsidy.value) + "＝" + yuan(standard.value + y.fiscal_subsidy.value) +
                        "，不享受各级财政补助和参保资助。",
                    lp.from.source);
        if (!lp.reading.empty() && concerns(lp.reading_when, r, req)) out.note(lp.reading);
    } else {
        out.fiscal_subsidy = y.fiscal_subsidy.value;
        out.explain("财政补助" + yuan(y.fiscal_subsidy.value) + "（由财政承担，不由个人缴纳）。",
                    y.fiscal_subsidy.source);
        if (late && exempt)
            out.explain("低收入人口" + ds(lp.from.value) + "以后缴费仍按正常标准，不加收财政补助部分。", lp.source);
        if (personal_part_only && late_day)
            out.explain("新生儿出生后" + std::to_string(y.newborn.window_days->value) +
                            "日内独立参保，只缴纳个人应承担的费用，不加收财政补助部分。",
                        y.newborn.personal_part_only->source);
    }
    // A year without a late-payment price says so to those it concerns.
    if (!lp.present && !lp.reading.empty() && concerns(lp.reading_when, r, req)) out.note(lp.reading);

    if (best && best->amount > 0) {
        money granted = std::min(best->amount, standard.value);
        out.assistance = granted;
        out.category_applied = best->cat->code;
        if (offers.size() > 1)
            out.explain("有多重身份时按就高原则：取资助最高的 " + best->cat->code + " " + best->cat->name + "（" +
                            yuan(best->amount) + "）。",
                        best->cat->source);
        if (granted < best->amount)
            out.explain("资助不超过个人缴费标准，按" + yuan(granted) + "计。", best->cat->source);
        // A derived category's amount is not published: the assistance, and so what is due, are
        // estimates (the loader makes sure the year says why).
        if (best->cat->derived && y.derived_assistance)
            out.estimated = estimate{{"assistance", "due"}, y.derived_assistance->text, y.derived_assistance->source};
    }
    out.due = out.personal_standard + out.surcharge - out.assistance;
    out.explain("应缴：" + yuan(out.personal_standard) + (out.surcharge ? "＋" + yuan(out.surcharge) : "") +
                (out.assistance ? "－资助" + yuan(out.assistance) : "") + "＝" + yuan(out.due) + "。");
    return out;
}

}  // namespace yibao
