#!/usr/bin/env python3
"""Seed corpora for the libFuzzer targets (tests/fuzz), built from the repository's own data.

  quote: every case's `request` object in tests/cases/*.json, one file each (compact JSON), and the
         same answers as the page's address (?district=...&year=..., the URL names of
         src/core/vocabulary.h), which fuzz_quote reads as URL parameters.
  rules: every rules file under rules/, prefixed by the one selector byte that makes fuzz_rules
         load it in its own place (see SLOTS in fuzz_rules.cpp), plus the broken copies that
         tests/rules_broken/cases.json describes (so the fuzzer starts next to every error path).

Files are named by the SHA-1 of their bytes, as libFuzzer names the units it adds, so running this
again over a corpus the fuzzer has grown adds nothing twice and removes nothing.

usage: make_corpus.py OUT_DIR     (writes OUT_DIR/quote/ and OUT_DIR/rules/)
"""
import copy
import glob
import hashlib
import json
import os
import sys
import urllib.parse

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# The order of fuzz_rules.cpp's SLOTS: the selector byte is the index (byte % len(SLOTS)).
SLOTS = [
    "rules/chongqing/districts.json",
    "rules/chongqing/2025/municipal.json",
    "rules/chongqing/2025/wanzhou.json",
    "rules/chongqing/2025/youyang.json",
    "rules/chongqing/2025/shizhu.json",
    "rules/chongqing/2025/dianjiang.json",
    "rules/chongqing/2026/municipal.json",
]

# A few requests the cases do not spell out: every optional field at once, each person kind.
EXTRA_REQUESTS = [
    {"year": 2026, "district": "wanzhou", "person": "resident", "categories": ["101", "113"], "tier": 1,
     "paid_on": "2026-01-15", "continuous": False, "break_years": 2, "continuous_years": 5,
     "zero_claims_last_year": True},
    {"year": 2025, "district": "chongqing", "person": "newborn", "birth_date": "2024-12-20", "tier": 1,
     "paid_on": "2025-01-15", "pays_birth_year": True},
    {"year": 2025, "district": "wanzhou", "person": "student", "tier": 2, "paid_on": "2024-12-01",
     "freshman": True, "categories": ["108"]},
    {"year": 2025, "district": "shizhu", "categories": ["rural_disabled_3_4", "veterans_shizhu"], "tier": 1,
     "paid_on": "2025-07-01"},
    {"year": 2026, "district": "jiangbei", "tier": 2, "paid_on": "2026-03-10", "continuous": True},
]


# JSON key -> the page's URL parameter (src/core/vocabulary.h, request_fields[].url).
URL_NAMES = {
    "year": "year", "district": "district", "person": "person", "categories": "categories", "tier": "tier",
    "paid_on": "paid", "continuous": "continuous", "break_years": "break", "continuous_years": "continuous_years",
    "zero_claims_last_year": "zero_claims", "birth_date": "birth", "pays_birth_year": "birth_year",
    "freshman": "freshman",
}


def as_query(request):
    parts = []
    for key, value in request.items():
        name = URL_NAMES.get(key, key)
        if isinstance(value, bool):
            text = "1" if value else "0"
        elif isinstance(value, list):
            text = ",".join(urllib.parse.quote(str(v), safe="") for v in value)
            parts.append(f"{name}={text}")
            continue
        else:
            text = str(value)
        parts.append(f"{name}={urllib.parse.quote(text, safe='')}")
    return "?" + "&".join(parts)


def write_unit(out_dir, data):
    os.makedirs(out_dir, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    path = os.path.join(out_dir, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        return 1
    return 0


def pointer_parts(ptr):
    return [p.replace("~1", "/").replace("~0", "~") for p in ptr.split("/")[1:]]


def apply_case(doc, case):
    """A broken copy as tests/rules_broken/cases.json describes it (remove / set a JSON pointer)."""
    doc = copy.deepcopy(doc)
    ptr = case.get("remove") or case.get("set")
    parts = pointer_parts(ptr)
    parent = doc
    for p in parts[:-1]:
        parent = parent[int(p)] if isinstance(parent, list) else parent[p]
    last = parts[-1]
    key = int(last) if isinstance(parent, list) else last
    if "remove" in case:
        del parent[key]
    else:
        parent[key] = case["value"]
    return doc


def quote_seeds(out_dir):
    n = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for case in doc.get("cases", []):
            if "request" in case:
                n += write_unit(out_dir, json.dumps(case["request"], ensure_ascii=False,
                                                    separators=(",", ":")).encode("utf-8"))
                if isinstance(case["request"], dict):
                    n += write_unit(out_dir, as_query(case["request"]).encode("utf-8"))
    for req in EXTRA_REQUESTS:
        n += write_unit(out_dir, json.dumps(req, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        n += write_unit(out_dir, as_query(req).encode("utf-8"))
    n += write_unit(out_dir, b"?district=wanzhou&year=2026&person=resident&tier=1&paid=2026-01-15&break=0")
    n += write_unit(out_dir, b"?mode=kiosk&district=%E4%B8%87%E5%B7%9E&idle=60&paper=80mm")
    return n


def rules_seeds(out_dir):
    n = 0
    for i, rel in enumerate(SLOTS):
        with open(os.path.join(ROOT, rel), "rb") as f:
            n += write_unit(out_dir, bytes([i]) + f.read())
    broken = os.path.join(ROOT, "tests", "rules_broken", "cases.json")
    if os.path.exists(broken):
        with open(broken, encoding="utf-8") as f:
            cases = json.load(f).get("cases", [])
        for case in cases:
            rel = case.get("file")
            if rel not in SLOTS:
                continue
            with open(os.path.join(ROOT, rel), "rb") as f:
                raw = f.read()
            try:
                if "truncate" in case:
                    data = raw[: case["truncate"]]
                elif "remove" in case or "set" in case:
                    data = json.dumps(apply_case(json.loads(raw), case), ensure_ascii=False,
                                      indent=1).encode("utf-8")
                else:
                    continue
            except (KeyError, IndexError, ValueError, TypeError):
                continue  # a case written for another version of the file: not a seed
            n += write_unit(out_dir, bytes([SLOTS.index(rel)]) + data)
    return n


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    q = quote_seeds(os.path.join(out, "quote"))
    r = rules_seeds(os.path.join(out, "rules"))
    print(f"make_corpus: {q} new quote seeds, {r} new rules seeds in {out}")


if __name__ == "__main__":
    main()
