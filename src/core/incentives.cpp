// Step 5: the 大病保险 figures that come with the insurance (they change no price): the deductible,
// the cap raise for continuous years and the raise after a year without reimbursement.
#include <algorithm>

#include "core/steps.h"

namespace yibao {

incentives_found incentives(const resolved& r, const period_found& p, const covered& c, const request& req) {
    incentives_found out;
    const incentive_rules& in = r.rules->incentives;
    if (in.deductible) {
        out.figures.deductible = in.deductible->value;
        out.explain(std::to_string(req.year) + "年度大病保险起付线" + yuan(in.deductible->value) +
                        "（参加居民医保即自动参加大病保险，个人无需另缴）。",
                    in.deductible->source);
    }
    if (req.continuous_years && in.threshold_years && in.counting_from_year) {
        int counted = std::min(*req.continuous_years, req.year - in.counting_from_year->value + 1);
        int over = std::max(0, counted - in.threshold_years->value);
        if (in.raise_per_year && *req.continuous_years > counted && *req.continuous_years > in.threshold_years->value) {
            // Whether years before counting_from_year count is a reading (the documents do not say):
            // where the answer changes the figure, no figure is shown.
            out.explain("连续参保激励：满" + std::to_string(in.threshold_years->value) +
                            "年后每连续参保1年提高大病保险最高支付限额" + yuan(in.raise_per_year->value) +
                            "。您填写连续参保" + std::to_string(*req.continuous_years) + "年，其中自" +
                            std::to_string(in.counting_from_year->value) + "年起的只有" + std::to_string(counted) +
                            "年；" + std::to_string(in.counting_from_year->value) +
                            "年以前的年限是否计入，文件没有写，本计算器不显示提高金额，请向区县医疗保障局咨询。",
                        in.raise_per_year->source);
        } else if (in.raise_per_year) {
            out.figures.continuous_raise = over * in.raise_per_year->value;
            out.explain("连续参保激励：满" + std::to_string(in.threshold_years->value) +
                            "年后每连续参保1年提高大病保险最高支付限额" + yuan(in.raise_per_year->value) + "；自" +
                            std::to_string(in.counting_from_year->value) + "年起计，本年度计入" +
                            std::to_string(counted) + "年，提高" + yuan(*out.figures.continuous_raise) + "。",
                        in.raise_per_year->source);
        } else {
            out.explain(
                "连续参保激励：满" + std::to_string(in.threshold_years->value) +
                    "年后每连续参保1年提高大病保险最高支付限额，本年度的提高金额文件未公布，请向区县医疗保障局咨询。",
                in.threshold_years->source);
        }
    }
    if (req.zero_claims_last_year && *req.zero_claims_last_year) {
        // "正常参保缴费": paid in the centralized period, continuously, without a waiting period.
        bool normal = p.period && p.period->centralized && (!c.continuous || *c.continuous) && !c.waiting;
        if (!in.zero_claims_raise) {
            out.explain(
                "零报销激励：上一年度医保基金零报销且本年正常参保缴费的，提高大病保险最高支付限额；本年度的金额文件未公"
                "布，请向区县医疗保障局咨询。",
                in.threshold_years ? in.threshold_years->source : std::string());
        } else if (normal) {
            out.figures.zero_claims_raise = in.zero_claims_raise->value;
            out.explain("零报销激励：上一年度零报销且本年度正常参保缴费，大病保险最高支付限额提高" +
                            yuan(in.zero_claims_raise->value) + "。",
                        in.zero_claims_raise->source);
        } else {
            // The documents do not say what 正常参保缴费 is: no figure, and whom to ask (reading).
            out.explain(
                "零报销激励要求本年度“正常参保缴费”，文件没有解释；本计算器按集中缴费期内缴费、连续参保、没有等待期理解"
                "，本次"
                "缴费不在其内，不显示提高金额；是否提高请向区县医疗保障局咨询。",
                in.zero_claims_raise->source);
        }
    }
    for (const auto& n : in.notes)
        if (concerns(n.when, r, req)) out.note(n.text);
    return out;
}

}  // namespace yibao
