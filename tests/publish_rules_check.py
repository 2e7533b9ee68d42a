#!/usr/bin/env python3
"""web/tools/publish_rules.py writes SITE/rules as the repository lays rules/ out, with an
index.json whose entries are worked out here from rules/ itself: every file but schema.json, its
path relative to rules/, its "revision", the SHA-256 of its bytes; and a second run over a
folder that lost a file drops it from the site."""
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOOL = ROOT / "web/tools/publish_rules.py"


def expected(rules):
    out = {}
    for p in sorted(rules.rglob("*.json")):
        rel = p.relative_to(rules).as_posix()
        if rel == "schema.json":
            continue
        data = p.read_bytes()
        out[rel] = {"path": rel, "revision": json.loads(data).get("revision"), "sha256": hashlib.sha256(data).hexdigest()}
    return out


def publish(rules, out):
    subprocess.run([sys.executable, str(TOOL), "--rules", str(rules), "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return json.loads((out / "index.json").read_text(encoding="utf-8"))


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site" / "rules"
        index = publish(ROOT / "rules", site)
        want = expected(ROOT / "rules")
        got = {e["path"]: e for e in index["files"]}
        if index.get("schema") != "yibao-rules-index/1":
            failures.append(f"index schema: {index.get('schema')}")
        if got != want:
            failures.append(f"index.json entries differ:\n got {got}\nwant {want}")
        if "chongqing/2026/municipal.json" not in got or got["chongqing/2026/municipal.json"]["revision"] is None:
            failures.append("chongqing/2026/municipal.json missing or without revision")
        for rel in want:
            copy = site / rel
            if not copy.is_file() or copy.read_bytes() != (ROOT / "rules" / rel).read_bytes():
                failures.append(f"{rel}: not copied byte for byte")
        if (site / "schema.json").exists():
            failures.append("schema.json was published")
        # A file removed from rules/ leaves the site on the next run.
        rules_copy = pathlib.Path(tmp) / "rules"
        shutil.copytree(ROOT / "rules", rules_copy)
        (rules_copy / "chongqing/2025/dianjiang.json").unlink()
        index = publish(rules_copy, site)
        if any(e["path"] == "chongqing/2025/dianjiang.json" for e in index["files"]) or \
                (site / "chongqing/2025/dianjiang.json").exists():
            failures.append("a removed file stayed on the site")
    for f in failures:
        print("FAIL", f)
    print("publish rules check:", "FAILED" if failures else f"OK ({len(want)} files)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
