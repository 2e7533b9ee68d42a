#!/usr/bin/env python3
"""Hand-worked cases (values computed by hand from the documents and ../shared/policy-notes.md;
the 'from' of each case says how). This script only writes them out as JSON and checks the date
arithmetic of the hand values with Python's datetime, which shares no code with the engine.

This script is the one source of these cases: it writes coverage_2025.json, coverage_2026.json,
newborn.json, students.json, categories.json and errors.json. Change a case here and run it again;
never edit those files by hand. `hand_cases.py --check` (a CTest test) fails when a file differs
from what the script writes. (contract.json is hand-written JSON and not written here.)
    python3 tests/cases/hand_cases.py           # write the files
    python3 tests/cases/hand_cases.py --check   # only compare
"""
import json, pathlib, sys, datetime as dt
out = pathlib.Path(__file__).parent
D = dt.date.fromisoformat

def R(year, district, paid, tier=1, cats=(), person="resident", **kw):
    r = {"year": year, "district": district, "person": person, "categories": list(cats), "tier": tier, "paid_on": paid}
    r.update(kw); return r

def W(f, t):   # waiting period object with its day count
    return {"from": f, "to": t, "days": (D(t) - D(f)).days + 1}

files = {}
def case(file, name, req, exp, why):
    # One case per name: a second case of the same name would replace the first in the tests' view.
    assert all(c["name"] != name for c in files.get(file, [])), f"{file}: case {name} written twice"
    files.setdefault(file, []).append({"name": name, "request": req, "expect": exp, "from": why})

# ---------------------------------------------------------------- 2025 coverage (000 七(一), 004, 002)
f = "coverage_2025"
for d, paid in (("chongqing", "2024-09-13"), ("chongqing", "2024-12-31"), ("youyang", "2024-12-31")):
    case(f, f"{d}_centralized_{paid}", R(2025, d, paid), {"ok": True, "due": 400, "coverage_start": "2025-01-01", "coverage_end": "2025-12-31", "waiting": None, "surcharge": 0, "fiscal_subsidy": 670}, "000 六、七(一): 2024-12-31前缴费 2025-01-01起; 标准400, 财政补助670")
case(f, "before_opening", R(2025, "chongqing", "2024-09-12"), {"ok": False, "error_field": "paid_on"}, "001/004: 集中期自2024-09-13起")
for paid, start in (("2025-01-01", "2025-02-01"), ("2025-01-31", "2025-02-01"), ("2025-02-01", "2025-03-01"), ("2025-02-28", "2025-03-01")):
    case(f, f"grace_{paid}", R(2025, "chongqing", paid), {"ok": True, "due": 400, "coverage_start": start, "waiting": None}, "000 七(一): 1月1日至2月28日缴费, 完清费用的次月1日起")
for paid, wf, wt, start in (("2025-03-01", "2025-03-02", "2025-05-30", "2025-05-31"),
                            ("2025-06-30", "2025-07-01", "2025-09-28", "2025-09-29"),
                            ("2025-10-01", "2025-10-02", "2025-12-30", "2025-12-31")):
    due = 400 if paid < "2025-07-01" else 1070
    case(f, f"late_{paid}", R(2025, "chongqing", paid), {"ok": True, "due": due, "coverage_start": start, "waiting": W(wf, wt)}, "000 七(一): 2月28日后90天等待期; 民法典201: 缴费次日起算, D+1..D+90, D+91起")
case(f, "late_2025-10-02_past_year_end", R(2025, "chongqing", "2025-10-02"), {"ok": False, "error_field": "paid_on"}, "90天等待期 10-03..12-31, 年内不能享受待遇")
case(f, "after_year", R(2025, "chongqing", "2026-01-05"), {"ok": False, "error_field": "paid_on", "error_says": "最后一天2025年12月31日"}, "2025年度缴费至2025-12-31 (000 七(一)); the message writes the date as a resident does")
# second-half price (000 二, 004 三)
case(f, "h2_tier1_2025-07-01", R(2025, "chongqing", "2025-07-01"), {"ok": True, "due": 1070, "surcharge": 670, "fiscal_subsidy": 0, "assistance": 0, "personal_standard": 400, "coverage_start": "2025-09-30", "waiting": W("2025-07-02", "2025-09-29")}, "000 二: 7月1日以后全额缴费 400+670")
case(f, "h2_tier2", R(2025, "youyang", "2025-08-15", tier=2), {"ok": True, "due": 1445, "surcharge": 670}, "775+670")
case(f, "h1_last_day_tier2", R(2025, "dianjiang", "2025-06-30", tier=2), {"ok": True, "due": 775, "surcharge": 0}, "004 三: 6月30日后才加财政补助")
case(f, "h2_student_tier1", R(2025, "chongqing", "2025-07-10", person="student"), {"ok": True, "due": 1050, "surcharge": 670}, "380+670")
case(f, "h2_student_tier2", R(2025, "chongqing", "2025-07-10", tier=2, person="student"), {"ok": True, "due": 1425}, "755+670")
case(f, "h2_low_income_keeps_price_wanzhou", R(2025, "wanzhou", "2025-07-01", cats=["101"]), {"ok": True, "due": 40, "assistance": 360, "surcharge": 0, "fiscal_subsidy": 670, "coverage_start": "2025-09-30"}, "000 附件: 101 执行至2025-12-31; 万州无即参即保, 90天")
case(f, "h2_low_income_tier2_wanzhou", R(2025, "wanzhou", "2025-08-01", tier=2, cats=["520"]), {"ok": True, "due": 375, "assistance": 400}, "000 附件 520 二档")
case(f, "h2_stable_tuopin_wanzhou_pays_full", R(2025, "wanzhou", "2025-07-01", cats=["610"]), {"ok": True, "due": 1070, "assistance": 0, "category_applied": None}, "610 不属于7类低收入人口 (000 四(一)); 7月1日以后全额")
case(f, "h1_stable_tuopin_wanzhou", R(2025, "wanzhou", "2024-11-11", cats=["610"]), {"ok": True, "due": 385, "assistance": 15}, "000 附件 610")
case(f, "h2_tekun_municipal", R(2025, "chongqing", "2025-09-01", cats=["113"]), {"ok": True, "due": 0, "assistance": 400}, "特困 一档全额; 低收入人口下半年仍正常标准")
# 垫江 last payment day (004 二(四))
case(f, "dianjiang_last_day", R(2025, "dianjiang", "2025-09-30"), {"ok": True, "due": 1070, "coverage_start": "2025-12-30", "waiting": W("2025-10-01", "2025-12-29")}, "004 二(四): 最迟2025-09-30; 满90日后")
case(f, "dianjiang_day_after_last_day", R(2025, "dianjiang", "2025-10-01"), {"ok": False, "error_field": "paid_on", "error_says": "2025年9月30日"}, "004 二(四): 最迟不得晚于2025年9月30日前完清当年全额费用")
case(f, "dianjiang_low_income_after_last_day", R(2025, "dianjiang", "2025-10-01", cats=["101"]), {"ok": False, "error_field": "paid_on"}, "004 二(四) applies to every late payer")
# 石柱 second half (002 三(三))
case(f, "shizhu_low_income_h2_same_day", R(2025, "shizhu", "2025-07-01", cats=["101"]), {"ok": True, "due": 40, "coverage_start": "2025-07-01", "waiting": None, "surcharge": 0}, "002 三(三)1: 不设等待期; 县财政补财政部分")
case(f, "shizhu_low_income_year_end", R(2025, "shizhu", "2025-12-31", cats=["607"]), {"ok": True, "due": 120, "coverage_start": "2025-12-31"}, "002 三(三)1 至12月31日")
case(f, "shizhu_low_income_before_h2", R(2025, "shizhu", "2025-06-30", cats=["101"]), {"ok": True, "due": 40, "coverage_start": "2025-09-29", "waiting": W("2025-07-01", "2025-09-28")}, "3月1日至6月30日: 90天")
case(f, "shizhu_tuopin_h2", R(2025, "shizhu", "2025-08-15", cats=["610"]), {"ok": True, "due": 1070, "assistance": 0, "coverage_start": "2025-08-15", "waiting": None}, "002 三(三)1 脱贫人口即参即保; 三(三)2 非低收入全额")
case(f, "shizhu_ordinary_h2", R(2025, "shizhu", "2025-07-01"), {"ok": True, "due": 1070, "coverage_start": "2025-09-30"}, "002 三(三)2")
case(f, "shizhu_jisheng_h2", R(2025, "shizhu", "2025-07-01", cats=["302"]), {"ok": True, "due": 1070, "assistance": 0, "coverage_start": "2025-09-30"}, "计生特扶不是低收入人口")
case(f, "shizhu_grace", R(2025, "shizhu", "2025-02-10"), {"ok": True, "coverage_start": "2025-03-01"}, "002 三(二)")
case(f, "shizhu_before_opening", R(2025, "shizhu", "2024-10-17"), {"ok": False, "error_field": "paid_on", "error_says": "2024年10月18日"}, "002 三(一) 文件下发之日(落款2024年10月18日)起")
case(f, "wanzhou_window_start", R(2025, "wanzhou", "2024-09-01", cats=["101"]), {"ok": True, "due": 40}, "000 附件 2024年9月1日起")

# ---------------------------------------------------------------- 2026 coverage (003 一、三)
f = "coverage_2026"
C = dict(continuous=True)
def B(n): return dict(continuous=False, break_years=n)
case(f, "cont_2025-12-31", R(2026, "chongqing", "2025-12-31", **C), {"ok": True, "due": 400, "fiscal_subsidy": 700, "coverage_start": "2026-01-01", "coverage_end": "2026-12-31", "waiting": None}, "003 一")
case(f, "cont_opening", R(2026, "wanzhou", "2025-09-01", **C), {"ok": True, "coverage_start": "2026-01-01"}, "003 一 (集中期起始日按规则数据的解读)")
case(f, "before_opening", R(2026, "chongqing", "2025-08-31", **C), {"ok": False, "error_field": "paid_on"}, "集中期自文件印发之日起 (规则数据解读: 2025-09-01)")
for n, to, start in ((1, "2026-03-31", "2026-04-01"), (2, "2026-04-30", "2026-05-01"), (3, "2026-05-31", "2026-06-01"), (5, "2026-07-31", "2026-08-01")):
    case(f, f"break{n}_2025-12-31", R(2026, "chongqing", "2025-12-31", **B(n)), {"ok": True, "coverage_start": start, "waiting": W("2026-01-01", to)}, f"003 一: 自2026年1月计算等待期; 三: 3个月+{n-1}; S+M月-1日")
for paid, start in (("2026-01-01", "2026-02-01"), ("2026-01-31", "2026-02-01"), ("2026-02-01", "2026-03-01"), ("2026-02-28", "2026-03-01")):
    case(f, f"cont_{paid}", R(2026, "chongqing", paid, **C), {"ok": True, "coverage_start": start, "waiting": None}, "003 一: 连续参保 次月1日")
case(f, "break1_2026-01-31", R(2026, "chongqing", "2026-01-31", **B(1)), {"ok": True, "coverage_start": "2026-05-01", "waiting": W("2026-02-01", "2026-04-30")}, "003 一: 缴费次日起算; 1月31日+3个月无对应日→4月30日")
case(f, "break1_2026-02-28", R(2026, "chongqing", "2026-02-28", **B(1)), {"ok": True, "coverage_start": "2026-05-29", "waiting": W("2026-03-01", "2026-05-28")}, "2月28日+3个月=5月28日")
case(f, "break2_2026-01-15", R(2026, "chongqing", "2026-01-15", **B(2)), {"ok": True, "coverage_start": "2026-05-16", "waiting": W("2026-01-16", "2026-05-15")}, "4个月")
case(f, "cont_2026-03-01", R(2026, "chongqing", "2026-03-01", **C), {"ok": True, "due": 400, "surcharge": 0, "coverage_start": "2026-06-02", "waiting": W("2026-03-02", "2026-06-01")}, "003 三: 未在集中期缴费, 固定3个月; 无加价")
case(f, "break2_2026-03-01", R(2026, "chongqing", "2026-03-01", **B(2)), {"ok": True, "coverage_start": "2026-07-02", "waiting": W("2026-03-02", "2026-07-01")}, "3+1个月")
case(f, "cont_2026-08-31", R(2026, "chongqing", "2026-08-31", **C), {"ok": True, "coverage_start": "2026-12-01", "waiting": W("2026-09-01", "2026-11-30")}, "8月31日+3个月无对应日→11月30日")
# ---- the explanation's 民法典 sentence names the last day the quote shows (policy audit 2, finding 1: it used to
# say "自起算日起，到期月的对应日为最后一日" for the fixed start too, which would make 2026-01-01 + 3 months end on
# 04-01, not on the 03-31 shown). Policy notes "When coverage starts": counted from payment day D, D is not counted
# and the period ends on D + M months (clamped); from a fixed day S, it ends on S + M months - 1 day.
case(f, "civil_code_text_fixed_start", R(2026, "chongqing", "2025-12-31", **B(1)), {"ok": True, "waiting": W("2026-01-01", "2026-03-31"), "explanation_says": ["从2026年1月1日开始计算，当日计入等待期", "2026年3月31日为最后一日"]}, "003 一: 从2026年1月开始计算; S=01-01, 3个月: 04-01的前一日 03-31 (= 12-31 加3个月的对应日)")
case(f, "civil_code_text_fixed_start_4_months", R(2026, "chongqing", "2025-11-30", **B(2)), {"ok": True, "coverage_start": "2026-05-01", "waiting": W("2026-01-01", "2026-04-30"), "explanation_says": ["以月末2026年4月30日为最后一日"]}, "断保2年: 3+1=4个月; S=01-01: 05-01的前一日 04-30 (12-31 加4个月: 4月没有31日, 月末)")
case(f, "civil_code_text_from_payment_clamped", R(2026, "chongqing", "2026-01-31", **B(1)), {"ok": True, "waiting": W("2026-02-01", "2026-04-30"), "explanation_says": ["缴费当日2026年1月31日不计入，自次日2026年2月1日起算", "以月末2026年4月30日为最后一日"]}, "003 一: 缴费次日起算; 1月31日加3个月: 4月没有31日, 以4月30日为最后一日")
case(f, "civil_code_text_from_payment", R(2026, "chongqing", "2026-03-10", **C), {"ok": True, "coverage_start": "2026-06-11", "waiting": W("2026-03-11", "2026-06-10"), "explanation_says": ["2026年3月10日加3个月的对应日2026年6月10日为最后一日"]}, "003 三: 集中期以后3个月; 03-10 加3个月 = 06-10, 06-11起")
case(f, "cont_2026-09-30", R(2026, "chongqing", "2026-09-30", **C), {"ok": True, "coverage_start": "2026-12-31", "waiting": W("2026-10-01", "2026-12-30")}, "9月30日+3个月=12月30日")
case(f, "break1_2026-09-30", R(2026, "chongqing", "2026-09-30", **B(1)), {"ok": True, "coverage_start": "2026-12-31"}, "断保1年=3个月")
case(f, "cont_2026-10-01_past_year_end", R(2026, "chongqing", "2026-10-01", **C), {"ok": False, "error_field": "paid_on", "error_says": "等待期2026年10月2日至2027年1月1日"}, "003 三: 3个月等待期; 民法典201/202: 缴费次日起算, 到2027-01-01")
case(f, "break4_2026-06-01", R(2026, "chongqing", "2026-06-01", **B(4)), {"ok": True, "coverage_start": "2026-12-02", "waiting": W("2026-06-02", "2026-12-01")}, "3+3=6个月: 6月1日+6个月=12月1日")
case(f, "break5_2026-06-01_past_year_end", R(2026, "chongqing", "2026-06-01", **B(5)), {"ok": False, "error_field": "paid_on"}, "7个月: 到2027-01-01")
case(f, "no_late_price_2026", R(2026, "youyang", "2026-08-01", tier=2, **C), {"ok": True, "due": 775, "surcharge": 0, "fiscal_subsidy": 700}, "003 无下半年加价 (policy notes)")
case(f, "needs_continuity", R(2026, "chongqing", "2025-12-01"), {"ok": False, "error_field": "continuous"}, "003 一: 连续与否决定起始日")
case(f, "break_without_years", R(2026, "chongqing", "2025-12-01", continuous=False), {"ok": False, "error_field": "break_years"}, "")
case(f, "after_year", R(2026, "chongqing", "2027-01-02", **C), {"ok": False, "error_field": "paid_on"}, "")
case(f, "low_income_2026_derived", R(2026, "chongqing", "2025-11-20", cats=["101"], **C), {"ok": True, "due": 40, "assistance": 360, "category_applied": "101"}, "90%×400 (2026 按基准比例推算)")
case(f, "tekun_2026_tier2", R(2026, "chongqing", "2025-11-20", tier=2, cats=["113"], **C), {"ok": True, "due": 375, "assistance": 400}, "二档 资助一档标准的100%")
case(f, "veteran_2026_tier2", R(2026, "chongqing", "2025-11-20", tier=2, cats=["109"], **C), {"ok": True, "due": 0, "assistance": 775}, "二档全额")
case(f, "stable_tuopin_2026_not_counted", R(2026, "chongqing", "2025-11-20", cats=["610"], **C), {"ok": True, "due": 400, "assistance": 0}, "15元只写明2025年度 (解读)")
case(f, "zero_claims_raise", R(2026, "chongqing", "2025-11-20", zero_claims_last_year=True, **C), {"ok": True, "incentives": {"deductible": 19856, "zero_claims_raise": 4000}}, "003 二、三")
# 003 三 "自2025年起，对连续参加居民医保满4年的参保人员，之后每连续参保缴费1年" 4000: whether years before 2025 count
# is not settled (policy audit finding 3): where the answer changes the figure (more years than since 2025, and more
# than 4), no figure; where both readings give the same (at most 4 years: no raise either way), 0.
# 003 三 "于次年正常参保缴费": the documents do not say what 正常 is (reading: centralized period, continuous, no
# wait); outside it no figure, and the quote names whom to ask instead of saying the cap is not raised.
case(f, "zero_claims_after_centralized_unsettled", R(2026, "chongqing", "2026-03-10", zero_claims_last_year=True, **C), {"ok": True, "incentives": {"deductible": 19856, "zero_claims_raise": None}, "explanation_says": ["文件没有解释", "请向区县医疗保障局咨询"]}, "003 三: 正常参保缴费 未解释; 集中期以后缴费: 不显示金额")
case(f, "continuous_raise_unsettled", R(2026, "youyang", "2025-11-10", continuous_years=8, zero_claims_last_year=True, **C), {"ok": True, "incentives": {"deductible": 19856, "continuous_raise": None, "zero_claims_raise": 4000}}, "8年: 计入2025年以前 (8-4)×4000=16000, 不计入 2026-2025+1=2年 → 0; 不确定, 不显示")
case(f, "continuous_raise_five_years_unsettled", R(2026, "chongqing", "2025-11-10", continuous_years=5, **C), {"ok": True, "incentives": {"continuous_raise": None}}, "5年: 4000 或 0")
case(f, "continuous_raise_four_years", R(2026, "chongqing", "2025-11-10", continuous_years=4, **C), {"ok": True, "incentives": {"continuous_raise": 0}}, "满4年, 之后才提高: 两种读法都是0")
case(f, "continuous_raise_two_years", R(2026, "chongqing", "2025-11-10", continuous_years=2, **C), {"ok": True, "incentives": {"continuous_raise": 0}}, "2025、2026两年: 0")

# ---------------------------------------------------------------- newborns (002 三(五), 004 二(二), 003 三)
f = "newborn"
def N(year, district, paid, birth, **kw): return R(year, district, paid, person="newborn", birth_date=birth, **kw)
case(f, "within_90_last_day", N(2025, "chongqing", "2025-06-08", "2025-03-10"), {"ok": True, "due": 400, "coverage_start": "2025-03-10", "waiting": None}, "002 三(五)1: 90日内 (出生次日起算第90日=06-08)")
case(f, "day_91", N(2025, "chongqing", "2025-06-09", "2025-03-10"), {"ok": True, "due": 400, "coverage_start": "2025-09-08", "waiting": W("2025-06-10", "2025-09-07")}, "002 三(五)3: 超过90日, 足额缴费后90日")
case(f, "within_90_in_h2_no_surcharge", N(2025, "wanzhou", "2025-07-20", "2025-05-01"), {"ok": True, "due": 400, "surcharge": 0, "fiscal_subsidy": 670, "coverage_start": "2025-05-01"}, "002 三(五)1: 只缴纳个人应承担的费用")
case(f, "late_in_h2_surcharge", N(2025, "chongqing", "2025-07-15", "2025-04-01"), {"ok": True, "due": 1070, "surcharge": 670, "coverage_start": "2025-10-14", "waiting": W("2025-07-16", "2025-10-13")}, "超过90日 → 一般规则: 全额, 90天")
case(f, "born_dec_pays_birth_year_next_january", N(2025, "chongqing", "2026-01-20", "2025-12-15"), {"ok": True, "due": 400, "coverage_start": "2025-12-15", "coverage_end": "2025-12-31"}, "002 三(五)4: 补缴出生当年")
# Changed with the updated policy notes: not paying the birth year covers no earlier than a resident
# paying the same day (it used to show 2026-01-01, before the payment).
case(f, "cross_year_without_birth_year", N(2026, "chongqing", "2026-01-20", "2025-12-15"), {"ok": True, "due": 400, "coverage_start": "2026-02-01", "coverage_end": "2026-12-31", "waiting": None}, "002 三(五)4: 不补缴只享受参保年度; policy notes: 不早于同日缴费的居民; 003 一: 1月缴费的连续参保居民 次月1日 = 2026-02-01; 新生儿无等待期 (003 三)")
case(f, "cross_year_with_birth_year", N(2026, "chongqing", "2026-01-20", "2025-12-15", pays_birth_year=True), {"ok": True, "due": 800, "coverage_start": "2025-12-15", "coverage_end": "2026-12-31"}, "补缴2025 (400) + 2026 (400), 自出生之日")
# Changed with the policy audit (findings 1, 4): born the year before and paying after the window, the child is
# quoted as a resident paying that day (continuity not said: not continuous, 1 break year) and no earlier than
# 002's 90 days: the later of the two (it used to get only the 90 days, earlier than the resident's 3 months).
case(f, "cross_year_late", N(2026, "chongqing", "2026-03-01", "2025-11-01"), {"ok": True, "coverage_start": "2026-06-02", "waiting": W("2026-03-02", "2026-06-01")}, "出生次日起第90日=2026-01-30, 03-01已超过; 居民: 003 三 集中期以后3个月, 03-01+3月=06-01, 06-02起; 002 三(五)4 足额缴费后90日: 05-31起; 取较晚 06-02")
case(f, "newborn_2026_within", N(2026, "chongqing", "2026-03-01", "2026-02-10"), {"ok": True, "due": 400, "coverage_start": "2026-02-10", "waiting": None}, "003 三 新生儿除外")
case(f, "birth_after_payment", N(2026, "chongqing", "2026-03-01", "2026-03-02"), {"ok": False, "error_field": "birth_date"}, "")
case(f, "not_a_newborn", N(2026, "chongqing", "2026-03-01", "2024-06-01"), {"ok": False, "error_field": "birth_date"}, "")
case(f, "missing_birth_date", R(2026, "chongqing", "2026-03-01", person="newborn"), {"ok": False, "error_field": "birth_date"}, "")
case(f, "dianjiang_newborn_after_last_day_within_window", N(2025, "dianjiang", "2025-11-20", "2025-09-15"), {"ok": True, "due": 400, "coverage_start": "2025-09-15"}, "004 二(二) 新生儿90日内可参保")
case(f, "dianjiang_newborn_late_after_last_day", N(2025, "dianjiang", "2025-10-05", "2025-06-01"), {"ok": False, "error_field": "paid_on"}, "004 二(四)")
case(f, "pays_birth_year_without_rules", N(2025, "chongqing", "2025-01-20", "2024-12-15", pays_birth_year=True), {"ok": False, "error_field": "pays_birth_year"}, "2024年度规则不在文件中")
case(f, "shizhu_low_income_newborn_late_h2", N(2025, "shizhu", "2025-08-20", "2025-03-01", cats=["101"]), {"ok": True, "due": 40, "coverage_start": "2025-11-19", "waiting": W("2025-08-21", "2025-11-18"), "notes_say": ["较晚的日期"]}, "002 三(五)3 出生当年超过90日: 足额缴费后90日 08-21..11-18 (11+30+31+18), 11-19起; 三(三)1 低收入人口下半年不设等待期: 两条都适用, 文件未说哪条优先, 取较晚的日期 (policy notes: never promise more); 附件2 第9行 360/40")
case(f, "low_income_newborn", N(2025, "wanzhou", "2025-04-01", "2025-03-01", cats=["101"]), {"ok": True, "due": 40, "assistance": 360}, "")
# ---- a newborn within its window paying from 2025-07-01 on (policy audit 2, finding 2). Policy notes: such a newborn
# pays "only the personal standard" (002 三(五)1 只缴纳个人应承担的费用: no fiscal part), and from 07-01 a payer not in
# a low-income category "gets no assistance" (000 二, 002 三(三)2). Nothing exempts the newborn's other categories:
# only a low-income category keeps its assistance (it used to give 石柱's 计生特扶 400 and a due of 0).
NB = "2025-06-01"   # + 90 days = 2025-08-30 (30+31+29): paid by then, within the window
case(f, "h2_newborn_window_jisheng_shizhu", N(2025, "shizhu", "2025-08-01", NB, cats=["302"]), {"ok": True, "due": 400, "personal_standard": 400, "assistance": 0, "surcharge": 0, "fiscal_subsidy": 670, "category_applied": None, "coverage_start": "2025-06-01", "waiting": None, "notes_say": ["只有低收入人口身份"]}, "002 三(五)1: 90日内, 自出生之日, 只缴个人部分 400 (不加670); 三(三)2: 7月1日后非低收入人口不享受资助 (附件2 第1行的400不计)")
case(f, "h2_newborn_window_jiangfu_municipal_tier2", N(2025, "jiangbei", "2025-07-01", NB, tier=2, cats=["301"]), {"ok": True, "due": 775, "assistance": 0, "surcharge": 0, "category_applied": None}, "000 二: 7月1日以后; 二档775, 不加670 (新生儿), 计生奖扶320不计")
case(f, "h2_newborn_window_low_income_and_jisheng_shizhu", N(2025, "shizhu", "2025-08-30", NB, cats=["302", "101"]), {"ok": True, "due": 40, "assistance": 360, "surcharge": 0, "category_applied": "101", "coverage_start": "2025-06-01"}, "08-30 = 出生后第90日, 窗口内; 低保 附件2 第9行 360/40 仍按正常标准; 302 不计")
case(f, "h2_newborn_window_stable_tuopin_wanzhou", N(2025, "wanzhou", "2025-07-15", NB, cats=["610"]), {"ok": True, "due": 400, "assistance": 0, "surcharge": 0, "category_applied": None}, "000 附件 610 执行至12-31 但不属于低收入人口; 7月1日以后不享受资助; 新生儿不加670")
case(f, "h1_newborn_window_jisheng_municipal", N(2025, "jiangbei", "2025-06-30", NB, cats=["302"]), {"ok": True, "due": 0, "assistance": 400, "category_applied": "302"}, "6月30日: 尚未到7月1日, 计生特扶100%×400")
# ---- the newborn rules are municipal rules that 002 and 004 relay: they apply in every district, and the quote
# says so (policy notes "Newborns"; 2026 already says it in its reading 新生儿规则).
case(f, "newborn_rules_relayed_wanzhou", N(2025, "wanzhou", "2025-06-01", "2025-05-01"), {"ok": True, "due": 400, "coverage_start": "2025-05-01", "notes_say": ["两地转述的全市规则"]}, "002 三(五)1 / 004 二(二): 90日内 自出生之日; 万州 (000 无新生儿条款) 也按此")
case(f, "newborn_rules_relayed_municipal", N(2025, "jiangbei", "2025-09-20", "2025-05-01"), {"ok": True, "due": 1070, "coverage_start": "2025-12-20", "waiting": W("2025-09-21", "2025-12-19"), "notes_say": ["两地转述的全市规则"]}, "05-01+90日=07-30, 09-20 窗口外: 002 三(五)3 90天 09-21..12-19 (10+31+30+19), 12-20起; 000 二 7月1日以后 400+670")
case(f, "newborn_window_jisheng_2026_no_late_price", N(2026, "jiangbei", "2026-08-01", "2026-06-01", cats=["302"]), {"ok": True, "due": 0, "assistance": 400, "surcharge": 0, "category_applied": "302"}, "003 无下半年加价 (policy notes); 2026 计生特扶 100%×400 (推算)")
# born in one year, enrolled next year within 90 days, not paying the birth year: only the year paid, no
# earlier than a resident paying the same day (continuous: a newborn has no break years), no waiting period
case(f, "cross_year_january_2025", N(2025, "chongqing", "2025-01-15", "2024-12-20"), {"ok": True, "due": 400, "coverage_start": "2025-02-01", "coverage_end": "2025-12-31", "waiting": None}, "002 三(五)4; policy notes: paid 2025-01-15 → 2025-02-01 (000 七(一) 次月1日), 不是1月1日")
case(f, "cross_year_february_end_2025", N(2025, "wanzhou", "2025-02-28", "2024-12-31"), {"ok": True, "due": 400, "coverage_start": "2025-03-01", "waiting": None}, "出生次日起第90日=2025-03-31; 2月28日缴费 次月1日")
case(f, "cross_year_paid_in_december_2025", N(2025, "youyang", "2024-12-28", "2024-12-10"), {"ok": True, "due": 400, "coverage_start": "2025-01-01", "waiting": None}, "12月31日前缴费的居民 2025-01-01起 (001 一)")
case(f, "cross_year_march_2025", N(2025, "chongqing", "2025-03-10", "2024-12-20"), {"ok": True, "due": 400, "coverage_start": "2025-06-09", "waiting": W("2025-03-11", "2025-06-08")}, "出生90日内(至03-20); 同日缴费的居民: 000 七(一) 90天等待期 03-11..06-08, 06-09起 (reading: 不更早)")
case(f, "cross_year_low_income_2025", N(2025, "wanzhou", "2025-01-15", "2024-12-20", cats=["101"]), {"ok": True, "due": 40, "assistance": 360, "coverage_start": "2025-02-01"}, "000 附件 101: 360/40; 次月1日")
case(f, "cross_year_paid_in_december_2026", N(2026, "chongqing", "2025-12-20", "2025-12-01"), {"ok": True, "due": 400, "fiscal_subsidy": 700, "coverage_start": "2026-01-01", "waiting": None}, "003 一: 12月底前缴费的连续参保人员 2026年1月起; 新生儿不问连续参保")
case(f, "cross_year_february_2026", N(2026, "shizhu", "2026-02-28", "2025-12-15"), {"ok": True, "due": 400, "coverage_start": "2026-03-01", "waiting": None}, "003 一: 1至2月缴费的连续参保人员 次月1日")
case(f, "cross_year_march_2026", N(2026, "chongqing", "2026-03-10", "2025-12-20"), {"ok": True, "due": 400, "coverage_start": "2026-06-11", "waiting": W("2026-03-11", "2026-06-10")}, "出生90日内(至03-20); 同日缴费的居民: 003 三 未在集中期缴费 3个月, 缴费次日起算, 03-10+3月=06-10, 06-11起 (reading: 不更早)")

# ---- the window's edge for a child born the year before (policy audit findings 1 and 4). Day 90 is within the
# window (002 三(五)4: the year paid, no earlier than a resident paying that day, as a continuous payer); day 91
# is not: a resident paying that day (continuity not said: not continuous, 1 break year) and no earlier than 002
# 三(五)3、4 "从足额缴费后90日起" (90 days from the day after payment): the later of the two. Paying one day later
# never covers earlier.
case(f, "edge_2026_day_90", N(2026, "chongqing", "2026-03-10", "2025-12-10"), {"ok": True, "due": 400, "coverage_start": "2026-06-11", "waiting": W("2026-03-11", "2026-06-10")}, "12-10+90日=2026-03-10 (21+31+28+10): 窗口内; 同日缴费的居民 003 三 3个月: 03-10+3月=06-10, 06-11起")
case(f, "edge_2026_day_91", N(2026, "chongqing", "2026-03-11", "2025-12-10"), {"ok": True, "due": 400, "coverage_start": "2026-06-12", "waiting": W("2026-03-12", "2026-06-11")}, "窗口外: 居民 3个月 03-11+3月=06-11, 06-12起; 90日: 03-12..06-09, 06-10起; 取较晚 06-12 (不早于第90日缴费的 06-11)")
case(f, "edge_2025_day_90", N(2025, "chongqing", "2025-01-13", "2024-10-15"), {"ok": True, "due": 400, "coverage_start": "2025-02-01", "waiting": None}, "10-15+90日=2025-01-13 (16+30+31+13): 窗口内; 000 七(一) 1月缴费 次月1日")
case(f, "edge_2025_day_91", N(2025, "chongqing", "2025-01-14", "2024-10-15"), {"ok": True, "due": 400, "coverage_start": "2025-04-15", "waiting": W("2025-01-15", "2025-04-14")}, "窗口外: 居民 02-01; 002 三(五) 足额缴费后90日: 01-15..04-14 (17+28+31+14), 04-15起; 取较晚 04-15")
case(f, "edge_2026_january_day_91", N(2026, "chongqing", "2026-01-31", "2025-11-01"), {"ok": True, "due": 400, "coverage_start": "2026-05-02", "waiting": W("2026-02-01", "2026-05-01")}, "11-01+90日=2026-01-30: 01-31窗口外; 居民(断保1年) 003 一 1至2月缴费 次日起算3个月: 01-31+3月=04-30, 05-01起; 90日: 02-01..05-01 (28+31+30+1), 05-02起; 取较晚 05-02")
case(f, "edge_2026_january_day_91_continuous", N(2026, "chongqing", "2026-01-31", "2025-11-01", continuous=True), {"ok": True, "coverage_start": "2026-05-02", "waiting": W("2026-02-01", "2026-05-01")}, "连续参保的居民 次月1日=02-01; 90日 05-02起; 取较晚 05-02")
case(f, "after_window_2026_centralized", N(2026, "chongqing", "2025-11-20", "2025-03-01"), {"ok": True, "due": 400, "coverage_start": "2026-04-01", "waiting": W("2026-01-01", "2026-03-31")}, "窗口外; 未说明连续参保: 断保1年, 003 一 12月底前缴费 自2026-01-01起算3个月, 01-01+3月-1日=03-31, 04-01起; 90日: 2026-02-19起 (10+31+31+19); 取较晚 04-01")
case(f, "after_window_2026_centralized_continuous", N(2026, "chongqing", "2025-11-20", "2025-03-01", continuous=True), {"ok": True, "coverage_start": "2026-02-19", "waiting": W("2025-11-21", "2026-02-18")}, "连续参保的居民 2026-01-01; 002 三(五) 足额缴费后90日: 11-21..02-18, 02-19起; 取较晚 02-19")
case(f, "after_window_2025_centralized_early", N(2025, "youyang", "2024-09-20", "2024-05-01"), {"ok": True, "due": 400, "coverage_start": "2025-01-01", "waiting": None}, "居民 集中期 2025-01-01; 90日: 09-21..12-19, 12-20起 (10+31+30+19), 早于居民; 取较晚 01-01")
case(f, "after_window_2025_centralized_late", N(2025, "chongqing", "2024-12-20", "2024-05-01"), {"ok": True, "due": 400, "coverage_start": "2025-03-21", "waiting": W("2024-12-21", "2025-03-20")}, "居民 2025-01-01; 90日: 12-21..03-20 (11+31+28+20), 03-21起; 取较晚 03-21")
case(f, "after_window_2025_second_half", N(2025, "chongqing", "2025-07-10", "2024-12-01"), {"ok": True, "due": 1070, "surcharge": 670, "coverage_start": "2025-10-09", "waiting": W("2025-07-11", "2025-10-08")}, "按居民: 000 二 7月1日以后全额 400+670; 七(一) 90天 07-11..10-08 (21+31+30+8)")
case(f, "after_window_2025_shizhu_low_income_h2", N(2025, "shizhu", "2025-08-20", "2024-12-01", cats=["101"]), {"ok": True, "due": 40, "coverage_start": "2025-11-19", "waiting": W("2025-08-21", "2025-11-18"), "notes_say": ["较晚的日期"]}, "002 三(五)4 次年超过3个月: 足额缴费后90日 08-21..11-18, 11-19起; 同一天缴费的低收入居民 三(三)1 即参即保 08-20; 取较晚的 11-19, 同 shizhu_low_income_newborn_late_h2; 附件2 第9行 360/40")

# ---------------------------------------------------------------- students (000 二、七(一); 003 一)
f = "students"
# Changed with the updated policy notes: the freshman start needs freshman: true (not given = not a freshman).
case(f, "freshman_2025", R(2025, "chongqing", "2024-09-20", person="student", freshman=True), {"ok": True, "due": 380, "coverage_start": "2024-09-21", "coverage_end": "2025-12-31", "waiting": None}, "000 七(一): 新生自完成缴费的次日起至次年12月31日")
case(f, "returning_student_2025", R(2025, "chongqing", "2024-10-10", person="student", freshman=False), {"ok": True, "coverage_start": "2025-01-01"}, "000 七(一): 次年1月1日")
case(f, "student_tier2_2025", R(2025, "wanzhou", "2024-12-01", tier=2, person="student"), {"ok": True, "due": 755}, "000 二")
case(f, "student_2026", R(2026, "chongqing", "2025-10-01", person="student", continuous=True), {"ok": True, "due": 400, "coverage_start": "2026-01-01"}, "003 一: 大学生 400/775")
case(f, "student_2026_tier2", R(2026, "chongqing", "2025-10-01", tier=2, person="student", continuous=True), {"ok": True, "due": 775}, "003 一")
# Changed with the updated policy notes: the 万州 table prices residents; a student gets the percentage of
# the student's own 一档 standard (it used to get the resident amount 360 and pay 20).
case(f, "student_low_income_wanzhou", R(2025, "wanzhou", "2024-12-01", person="student", cats=["101"]), {"ok": True, "due": 38, "assistance": 342}, "000 四(二) 低保90%; policy notes: 90%×380=342, 380-342=38")
case(f, "student_tekun_capped", R(2025, "chongqing", "2024-12-01", person="student", cats=["113"]), {"ok": True, "due": 0, "assistance": 380}, "资助不超过个人缴费标准")
case(f, "student_dibao_percent_of_own_standard", R(2025, "youyang", "2024-12-01", person="student", cats=["101"]), {"ok": True, "due": 38, "assistance": 342}, "90%×380 (解读: 本人一档标准)")
case(f, "poor_student_code_for_resident", R(2025, "wanzhou", "2024-12-01", cats=["108"]), {"ok": False, "error_field": "categories"}, "108 只适用于大学生")

# ---- freshman status is the resident's answer (policy notes "University students"; 000 七(一))
S = dict(person="student")
case(f, "not_said_freshman_wanzhou", R(2025, "wanzhou", "2024-12-01", **S), {"ok": True, "due": 380, "coverage_start": "2025-01-01", "coverage_end": "2025-12-31", "waiting": None}, "not given = not a freshman; 000 七(一): 12月31日前缴费 次年1月1日起; 000 二: 大学生一档380")
case(f, "freshman_wanzhou", R(2025, "wanzhou", "2024-12-01", freshman=True, **S), {"ok": True, "due": 380, "coverage_start": "2024-12-02", "coverage_end": "2025-12-31", "waiting": None}, "000 七(一): 新生入学时缴费 完成缴费的次日(12-02)起至次年12月31日")
case(f, "not_freshman_shizhu", R(2025, "shizhu", "2024-12-31", tier=2, freshman=False, **S), {"ok": True, "due": 755, "coverage_start": "2025-01-01", "waiting": None}, "002 二: 大学生二档755; 集中期缴费 2025-01-01起")
case(f, "freshman_paying_in_the_year", R(2025, "chongqing", "2025-01-15", freshman=True, **S), {"ok": True, "due": 380, "coverage_start": "2025-02-01", "waiting": None}, "新生次日起只适用于缴纳下一年度; 1月15日缴费: 000 七(一) 次月1日")
case(f, "not_said_grace_youyang", R(2025, "youyang", "2025-02-10", **S), {"ok": True, "due": 380, "coverage_start": "2025-03-01"}, "001 一: 次月1日")
case(f, "freshman_2026_general_rule", R(2026, "chongqing", "2025-09-20", freshman=True, continuous=True, **S), {"ok": True, "due": 400, "coverage_start": "2026-01-01", "waiting": None}, "policy notes: 新生次日起只在2025年度; 003 一: 12月底前缴费的连续参保人员 2026年1月起; 大学生一档400")
case(f, "freshman_2026_not_continuous", R(2026, "wanzhou", "2025-09-20", freshman=True, continuous=False, break_years=1, **S), {"ok": True, "coverage_start": "2026-04-01", "waiting": W("2026-01-01", "2026-03-31")}, "003 一: 未连续参保 自2026年1月计算等待期; 三: 3个月; S+3月-1日=03-31")
case(f, "freshman_not_a_student", R(2025, "chongqing", "2024-12-01", freshman=True), {"ok": False, "error_field": "freshman"}, "新生入学只适用于大学生")

# ---- students in assistance categories: % of the student's own 一档 standard in every district
# (policy notes "Assistance by category"); 2025 student standard 380/755 (000 二, 002 二), 2026 400/775 (003 一).
# The 万州/石柱 tables price residents: a row's % = its amount ÷ the resident 一档 400 (= the baseline % of 000 四(二)/001 二(二)).
def SC(year, district, code, tier, assist, due, why, paid="2024-12-01", **kw):
    std = {2025: (380, 755), 2026: (400, 775)}[year][tier - 1]
    assert std - assist == due, (code, std, assist, due)  # the hand arithmetic, checked
    if year == 2026: kw.setdefault("continuous", True); paid = "2025-11-20" if paid == "2024-12-01" else paid
    case(f, f"s{year}_{district}_{code}_tier{tier}", R(year, district, paid, tier=tier, cats=[code], person="student", **kw),
         {"ok": True, "personal_standard": std, "assistance": assist, "due": due, "category_applied": code}, why)
SC(2025, "wanzhou", "101", 1, 342, 38, "000 四(二) 低保90%: 90%×380=342; 380-342=38 (表内360是居民 400×90%)")
SC(2025, "wanzhou", "101", 2, 380, 375, "000 四(二) 二档按一档标准100%: 380; 755-380=375")
SC(2025, "wanzhou", "113", 1, 380, 0, "000 四(二) 特困100%: 380")
SC(2025, "wanzhou", "113", 2, 380, 375, "二档 100%×380; 755-380")
SC(2025, "wanzhou", "106", 1, 266, 114, "表内280=400×70% (001 重度残疾70%): 70%×380=266; 380-266=114")
SC(2025, "wanzhou", "301", 1, 304, 76, "000 四(二) 计生奖扶80%: 80%×380=304; 380-304=76")
SC(2025, "wanzhou", "301", 2, 304, 451, "表内二档320=400×80%: 80%×380=304; 755-304=451")
SC(2025, "wanzhou", "602", 1, 304, 76, "表内320=400×80%: 304")
SC(2025, "wanzhou", "602", 2, 380, 375, "表内400=400×100%: 380")
SC(2025, "wanzhou", "110", 1, 380, 0, "表内400=一档全额 (001 其他重点优抚对象一档全额): 380")
SC(2025, "wanzhou", "109", 2, 755, 0, "表内775=二档全额 (001 全部按二档全额资助): 大学生二档755全额")
SC(2025, "wanzhou", "610", 1, 15, 365, "000 四(一) 稳定脱贫 定额15元 (不是比例): 380-15=365")
SC(2025, "wanzhou", "108", 1, 266, 114, "000 附件 108 表中写明大学生: 按表内266/114")
SC(2025, "shizhu", "101", 1, 342, 38, "002 附件2 第9行 360=400×90%: 90%×380=342")
SC(2025, "shizhu", "101", 2, 380, 375, "第9行 二档400=400×100%: 380; 755-380=375")
SC(2025, "shizhu", "rural_disabled_3_4", 1, 190, 190, "第4行 200=400×50%: 50%×380=190; 380-190=190")
SC(2025, "shizhu", "rural_disabled_3_4", 2, 190, 565, "第4行 二档200=400×50%: 190; 755-190=565")
SC(2025, "shizhu", "607", 1, 266, 114, "第12行 280=400×70%: 266")
SC(2025, "shizhu", "veterans_shizhu", 1, 380, 0, "第14行 400=一档全额: 380")
SC(2025, "shizhu", "veterans_shizhu", 2, 380, 375, "第14行 二档400=400×100%: 380")
SC(2025, "shizhu", "2104", 2, 755, 0, "第15行 二档775全额: 大学生二档755全额")
SC(2025, "shizhu", "301", 2, 304, 451, "第2行 二档320=400×80%: 304; 755-304=451")
SC(2025, "jiangbei", "101", 2, 380, 375, "全市基准 二档100%×380")
SC(2025, "dianjiang", "520", 1, 266, 114, "全市基准 边缘易致贫70%: 266")
SC(2025, "chongqing", "301", 2, 304, 451, "全市基准 计生奖扶80% (二档同): 304")
SC(2026, "wanzhou", "101", 1, 360, 40, "2026: 90%×400=360 (按基准比例推算); 400-360=40")
SC(2026, "wanzhou", "101", 2, 400, 375, "2026: 100%×400; 775-400=375")
SC(2026, "wanzhou", "113", 1, 400, 0, "2026: 100%×400")
SC(2026, "shizhu", "106", 1, 280, 120, "2026: 70%×400=280; 400-280=120")
SC(2026, "shizhu", "106", 2, 400, 375, "2026: 100%×400; 775-400=375")
SC(2026, "shizhu", "2104", 2, 775, 0, "2026: 二档全额775")
SC(2026, "chongqing", "301", 2, 320, 455, "2026: 80%×400=320; 775-320=455")
case(f, "s2026_chongqing_610_tier1", R(2026, "chongqing", "2025-11-20", cats=["610"], person="student", continuous=True), {"ok": True, "due": 400, "assistance": 0}, "policy notes: 610 的15元只适用于2025年度")
case(f, "s2026_wanzhou_108_no_table", R(2026, "wanzhou", "2025-11-20", cats=["108"], person="student", continuous=True), {"ok": False, "error_field": "categories"}, "2026 无万州表; 108 只在万州2025附件中")
case(f, "s2025_wanzhou_jiugao", R(2025, "wanzhou", "2024-12-01", cats=["106", "101"], person="student"), {"ok": True, "due": 38, "assistance": 342, "category_applied": "101"}, "就高: 342 (101) > 266 (106)")
case(f, "s2025_wanzhou_104_window_closed", R(2025, "wanzhou", "2025-07-01", cats=["104"], person="student"), {"ok": True, "due": 1050, "assistance": 0, "surcharge": 670, "category_applied": None, "coverage_start": "2025-09-30", "waiting": W("2025-07-02", "2025-09-29")}, "000 附件 104 执行至06-30; 000 二 7月1日以后全额 380+670=1050; 七(一) 90天")
case(f, "s2025_wanzhou_101_second_half", R(2025, "wanzhou", "2025-08-01", cats=["101"], person="student"), {"ok": True, "due": 38, "assistance": 342, "surcharge": 0, "coverage_start": "2025-10-31", "waiting": W("2025-08-02", "2025-10-30")}, "101 执行至12-31, 低收入人口正常标准 342/38; 90天")
case(f, "s2025_shizhu_101_second_half", R(2025, "shizhu", "2025-07-10", cats=["101"], person="student"), {"ok": True, "due": 38, "assistance": 342, "coverage_start": "2025-07-10", "waiting": None}, "002 三(三)1 低收入人口即参即保; 342/38")

# ---------------------------------------------------------------- 就高 and categories
f = "categories"
case(f, "jiugao_tekun_over_dibao", R(2025, "wanzhou", "2024-12-01", cats=["101", "113"]), {"ok": True, "due": 0, "assistance": 400, "category_applied": "113"}, "000 四(二): 就高")
case(f, "jiugao_dibao_over_disabled", R(2025, "wanzhou", "2024-12-01", cats=["106", "101"]), {"ok": True, "due": 40, "category_applied": "101"}, "360 > 280")
case(f, "jiugao_veteran_tier2", R(2025, "wanzhou", "2024-12-01", tier=2, cats=["101", "109"]), {"ok": True, "due": 0, "assistance": 775, "category_applied": "109"}, "775 > 400")
case(f, "jiugao_veteran_tier1_falls_back", R(2025, "wanzhou", "2024-12-01", tier=1, cats=["109", "101"]), {"ok": True, "due": 40, "category_applied": "101"}, "109 一档 ——, 101 适用")
case(f, "jiugao_three", R(2025, "youyang", "2024-12-01", cats=["610", "301", "607"]), {"ok": True, "due": 80, "assistance": 320, "category_applied": "301"}, "320 > 280 > 15")
case(f, "jiugao_h2_only_low_income_counts", R(2025, "shizhu", "2025-07-05", cats=["302", "101"]), {"ok": True, "due": 40, "category_applied": "101", "coverage_start": "2025-07-05"}, "下半年只有低收入人口身份按正常标准")
case(f, "window_closed_other_applies", R(2025, "wanzhou", "2025-07-01", cats=["104", "113"]), {"ok": True, "due": 0, "category_applied": "113"}, "104 执行至6-30; 113 至12-31")
case(f, "youyang_orphan", R(2025, "youyang", "2024-12-01", cats=["104"]), {"ok": True, "due": 0}, "001 二(二) 特困含孤儿 一档全额")
case(f, "youyang_jiangfu_tier2", R(2025, "youyang", "2024-12-01", tier=2, cats=["301"]), {"ok": True, "due": 455, "assistance": 320}, "80%×400")
case(f, "youyang_disabled", R(2025, "youyang", "2024-12-01", cats=["106"]), {"ok": True, "due": 120}, "001: 重度残疾70%")
case(f, "municipal_veteran_tier1_refused", R(2025, "chongqing", "2024-12-01", cats=["2104"]), {"ok": False, "error_field": "tier"}, "二档全额; 一档不定价")
case(f, "name_instead_of_code", R(2025, "shizhu", "2024-12-01", cats=["未享受其他参保资助的农村三、四级残疾人"]), {"ok": True, "due": 200, "category_applied": "rural_disabled_3_4"}, "002 附件2 第4行")

# ---------------------------------------------------------------- bad requests
f = "errors"
case(f, "unknown_code", R(2025, "wanzhou", "2024-12-01", cats=["999"]), {"ok": False, "error_field": "categories"}, "")
case(f, "code_not_in_shizhu_table", R(2025, "shizhu", "2024-12-01", cats=["602"]), {"ok": False, "error_field": "categories"}, "602 只在万州表中")
case(f, "unknown_district", R(2025, "beijing", "2024-12-01"), {"ok": False, "error_field": "district"}, "")
case(f, "tier_3", R(2025, "wanzhou", "2024-12-01", tier=3), {"ok": False, "error_field": "tier"}, "")
case(f, "impossible_date", R(2025, "wanzhou", "2025-02-29"), {"ok": False, "error_field": "paid_on"}, "")
case(f, "year_without_rules", R(2024, "chongqing", "2023-12-01", continuous=True), {"ok": False, "error_field": "year"}, "2024: before the years of rules/ (no 2024 notice in the seeds); adding a later year to rules/ leaves this case true")
# 2026 has no district tables (003 四 keeps the classification without amounts; policy notes: the municipal
# baseline): a row of 万州's or 石柱's 2025 table that the baseline does not list is refused, and the message says
# the documents do not settle it and whom to ask (policy notes, last section).
case(f, "table_row_of_2025_in_2026_names_whom_to_ask", R(2026, "wanzhou", "2025-11-20", cats=["110"], continuous=True), {"ok": False, "error_field": "categories", "error_says": "收录的文件没有写"}, "000 附件 110 只在2025年度万州表中; 003 无区县表")
case(f, "shizhu_row_of_2025_in_2026_names_whom_to_ask", R(2026, "shizhu", "2025-11-20", cats=["rural_disabled_3_4"], continuous=True), {"ok": False, "error_field": "categories", "error_says": "区县医疗保障局"}, "002 附件2 第4行 只在2025年度石柱表中")
case(f, "other_district_uses_municipal", R(2025, "jiangbei", "2024-12-01", cats=["101"]), {"ok": True, "due": 40}, "未列区县按全市基准")

check = sys.argv[1:] == ["--check"]
stale = []
for name, cases in files.items():
    text = json.dumps({"description": f"hand-worked cases: {name}",
                       "written_by": "tests/cases/hand_cases.py (edit the script and run it, not this file)",
                       "cases": cases}, ensure_ascii=False, indent=1) + "\n"
    path = out / f"{name}.json"
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != text: stale.append(path.name)
    else:
        path.write_text(text, encoding="utf-8")
    print(name, len(cases))
if stale:
    sys.exit("not what hand_cases.py writes (edited by hand?): " + ", ".join(stale) +
             "\nchange the case in tests/cases/hand_cases.py and run it")
