#!/usr/bin/env python3
"""Builds the subsidy-table cases straight from the text of the seed documents.

Expected values are the documents' own columns (资助代缴金额/个人实缴金额 in 000, 资助标准/自付标准 in
002), parsed from ../shared/seeds, never from rules/. Run it again if a seed changes:
    python3 tests/cases/generate_table_cases.py ../shared/seeds
This script is the one source of table_wanzhou_2025.json and table_shizhu_2025.json: never edit them
by hand. With --check it only compares them with what it would write (a CTest test; exit 77, skipped,
where the seeds are not there):
    python3 tests/cases/generate_table_cases.py --check ../shared/seeds
"""
import json, pathlib, re, sys

args = sys.argv[1:]
check = "--check" in args
args = [a for a in args if a != "--check"]
seeds = pathlib.Path(args[0] if args else "../shared/seeds")
out = pathlib.Path(__file__).parent
if check and not seeds.is_dir():
    print(f"no seed documents in {seeds}: nothing to compare")
    sys.exit(77)
WRITTEN_BY = "tests/cases/generate_table_cases.py from the seed documents (edit the script and run it, not this file)"
stale = []
def write(name, doc):
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if check:
        if not (out / name).exists() or (out / name).read_text(encoding="utf-8") != text: stale.append(name)
    else:
        (out / name).write_text(text, encoding="utf-8")

def lines(name):
    text = (seeds / name).read_text(encoding="utf-8")
    return [l.strip() for l in text.splitlines() if l.strip()]

def num(s):
    return None if s == "——" else int(round(float(s)))

# ---- 000 万州: code, name, 一档, assist, pay, window, dept, 二档, assist, pay
L = lines("000_879bcdf4ed5f26cf.txt")
start = L.index("标准执行起止时间")
rows, i = [], start
while i < len(L):
    if re.fullmatch(r"\d{3,4}", L[i]) and L[i + 2] == "一档":
        code, name = L[i], L[i + 1]
        t1 = (num(L[i + 3]), num(L[i + 4]))
        window_end = re.search(r"到(\d+)年(\d+)月(\d+)日", L[i + 5]).groups()
        j = L.index("二档", i + 6)
        t2 = (num(L[j + 1]), num(L[j + 2]))
        rows.append((code, name, t1, t2, "%s-%02d-%02d" % (window_end[0], int(window_end[1]), int(window_end[2]))))
        i = j + 3
    else:
        i += 1
cases = []
for code, name, t1, t2, end in rows:
    student = code == "108"   # 家庭经济困难大学生: the table's amounts are on the student standard
    for tier, (assist, pay) in ((1, t1), (2, t2)):
        req = {"year": 2025, "district": "wanzhou", "person": "student" if student else "resident",
               "categories": [code], "tier": tier, "paid_on": "2024-12-01"}
        if assist is None:
            exp = {"ok": False, "error_field": "tier"}
        else:
            # Paid in the centralized period: 2025-01-01 (000 七(一)); a student too, unless the
            # request says freshman (policy notes: not given = not a freshman).
            exp = {"ok": True, "due": pay, "assistance": assist, "category_applied": code,
                   "coverage_start": "2025-01-01", "coverage_end": "2025-12-31", "waiting": None}
        cases.append({"name": f"wanzhou_{code}_tier{tier}", "request": req, "expect": exp,
                      "from": f"万州医保发〔2024〕51号 附件 {code} {name} {'一档' if tier == 1 else '二档'}"})
    # The validity window: paid on its last day it applies, the day after it does not (and from
    # 2025-07-01 a payer outside the low-income categories pays 个人缴费 + 财政补助 670, 000 二).
    if end == "2025-06-30":
        who = "student" if student else "resident"
        std2 = 755 if student else 775   # 000 二: 二档 775, students 755
        cases.append({"name": f"wanzhou_{code}_window_last_day", "from": f"万州医保发〔2024〕51号 附件 {code} 标准执行至{end}",
                      "request": {"year": 2025, "district": "wanzhou", "person": who,
                                  "categories": [code], "tier": 2, "paid_on": end},
                      "expect": {"ok": True, "assistance": t2[0], "due": t2[1]}})
        cases.append({"name": f"wanzhou_{code}_window_day_after", "from": f"万州医保发〔2024〕51号 附件 {code} 标准执行至{end}；二 7月1日以后全额缴费",
                      "request": {"year": 2025, "district": "wanzhou", "person": who,
                                  "categories": [code], "tier": 2, "paid_on": "2025-07-01"},
                      "expect": {"ok": True, "assistance": 0, "surcharge": 670, "due": std2 + 670,
                                 "category_applied": None}})
# A university student in a table category (policy notes "Assistance by category"): the tables price
# residents (一档 400, 000 二); a student gets the same percentage of the student's own standard (000 二:
# 380 / 755): assistance = 380 × (table amount ÷ 400); a 二档-only row's 775 (二档全额) is the student's 755;
# 610's 15 is a fixed amount (000 四(一) 定额资助), not a percentage. 108 names students: its cells above.
STUDENT = {1: 380, 2: 755}
def student_cell(tier, assist, tier2_only, fixed=False):
    if assist is None: return None
    if fixed: return assist
    if tier2_only: return STUDENT[2]
    assert (STUDENT[1] * assist) % 400 == 0, assist
    return STUDENT[1] * assist // 400
def student_case(district, code, tier, assist, tier2_only, why, fixed=False):
    req = {"year": 2025, "district": district, "person": "student", "categories": [code], "tier": tier,
           "paid_on": "2024-12-01"}
    a = student_cell(tier, assist, tier2_only, fixed)
    if a is None:
        exp = {"ok": False, "error_field": "tier"}
    else:
        exp = {"ok": True, "personal_standard": STUDENT[tier], "assistance": a, "due": STUDENT[tier] - a,
               "category_applied": code, "coverage_start": "2025-01-01"}
    return {"name": f"{district}_{code}_student_tier{tier}", "request": req, "expect": exp, "from": why}
for code, name, t1, t2, end in rows:
    if code == "108": continue
    for tier, (assist, pay) in ((1, t1), (2, t2)):
        cases.append(student_case("wanzhou", code, tier, assist, t1[0] is None,
                                  f"万州医保发〔2024〕51号 附件 {code} {name} {'一档' if tier == 1 else '二档'} {assist}；大学生按本人标准的同一比例",
                                  fixed=code == "610"))
write("table_wanzhou_2025.json",
    {"description": "万州 2025 附件（资助档次配置表）每一格：资助代缴金额与个人实缴金额，以及标准执行起止时间的最后一天。",
     "source": "000_879bcdf4ed5f26cf.txt 附件", "written_by": WRITTEN_BY, "cases": cases})

# ---- 002 石柱: 编号, [部门], 资助对象, 一档, 400, 资助, 自付, 二档, 775, 资助, 自付
L = lines("002_c2448fd56b0e3f0c.txt")
start = L.index("自付标准")
codes = {  # the table has no codes; official codes by name, stable ids where no code exists
    1: ["302", "305"], 2: ["301"], 3: ["106"], 4: ["rural_disabled_3_4"], 5: ["608"], 6: ["605"], 7: ["520"],
    8: ["609"], 9: ["101"], 10: ["113"], 11: ["104"], 12: ["607"], 13: ["114"], 14: ["veterans_shizhu"],
    15: ["2104", "2105", "2106", "109"]}
cases, i, seen = [], start, 0
while i < len(L) and not L[i].startswith("✱"):
    if re.fullmatch(r"\d{1,2}", L[i]):
        row = int(L[i]); j = i + 1
        while L[j] not in ("一档", "二档"): j += 1
        name = L[j - 1]
        tiers = {}
        while j < len(L) and L[j] in ("一档", "二档"):
            tiers[1 if L[j] == "一档" else 2] = (int(L[j + 1]), int(L[j + 2]), int(L[j + 3]))
            j += 4
        seen += 1
        for code in codes[row]:
            for tier in (1, 2):
                assist = tiers[tier][1] if tier in tiers else None
                cases.append(student_case("shizhu", code, tier, assist, 1 not in tiers,
                                          f"下路街道发〔2024〕78号 附件2 第{row}行 {name} {'一档' if tier == 1 else '二档'} {assist}；大学生按本人标准的同一比例"))
            for tier in (1, 2):
                req = {"year": 2025, "district": "shizhu", "categories": [code], "tier": tier, "paid_on": "2024-12-01"}
                if tier not in tiers:
                    exp = {"ok": False, "error_field": "tier"}
                else:
                    std, assist, pay = tiers[tier]
                    exp = {"ok": True, "personal_standard": std, "assistance": assist, "due": pay,
                           "coverage_start": "2025-01-01"}
                cases.append({"name": f"shizhu_row{row}_{code}_tier{tier}", "request": req, "expect": exp,
                              "from": f"下路街道发〔2024〕78号 附件2 第{row}行 {name} {'一档' if tier == 1 else '二档'}"})
        i = j
    else:
        i += 1
assert seen == 15, seen
write("table_shizhu_2025.json",
    {"description": "石柱 2025 附件2（15类）每一格：缴费标准、资助标准、自付标准。",
     "source": "002_c2448fd56b0e3f0c.txt 附件2", "written_by": WRITTEN_BY, "cases": cases})
print(len(rows), "万州 rows;", seen, "石柱 rows")
if stale:
    sys.exit("not what generate_table_cases.py writes (edited by hand?): " + ", ".join(stale) +
             "\nchange tests/cases/generate_table_cases.py and run it")
