#!/usr/bin/env python3
"""The rules as published beside the page: OUT/<path> for every rules file, in the repository's
layout (OUT/chongqing/2026/municipal.json), and OUT/index.json listing each file's path relative
to rules/, its revision and the SHA-256 of its bytes.

usage: publish_rules.py --rules REPO/rules --out SITE/rules

OUT is written afresh (a file removed from rules/ leaves the site too). rules/schema.json (the
JSON Schema of the files) is not a rules file and is not published. A maintainer who changes one
rules file can copy that file and index.json to the host (README, "Rules as data").

index.json:
  {"schema": "yibao-rules-index/1",
   "files": [{"path": "chongqing/2026/municipal.json", "revision": "2026-11-25", "sha256": "…"}, …]}
revision: the file's "revision" (YYYY-MM-DD), or null for a file without one.
"""
import argparse
import hashlib
import json
import os
import shutil
import sys


def rules_files(rules):
    for folder, dirs, files in os.walk(rules):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, rules).replace(os.sep, "/")
            if relative == "schema.json":
                continue
            yield relative, path


def publish(rules, out):
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    entries = []
    for relative, path in rules_files(rules):
        with open(path, "rb") as f:
            data = f.read()
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise SystemExit(f"publish_rules: {path}: not JSON ({e}); run yibao rules check")
        revision = doc.get("revision") if isinstance(doc, dict) else None
        target = os.path.join(out, *relative.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
        entries.append({"path": relative, "revision": revision, "sha256": hashlib.sha256(data).hexdigest()})
    index = {"schema": "yibao-rules-index/1", "files": entries}
    with open(os.path.join(out, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", required=True, help="the rules folder (REPO/rules)")
    parser.add_argument("--out", required=True, help="where to publish them (SITE/rules)")
    args = parser.parse_args()
    entries = publish(args.rules, args.out)
    total = sum(os.path.getsize(os.path.join(args.out, *e["path"].split("/"))) for e in entries)
    total += os.path.getsize(os.path.join(args.out, "index.json"))
    print(f"publish_rules: {len(entries)} files + index.json in {args.out} ({total} bytes)")


if __name__ == "__main__":
    sys.exit(main())
