#!/usr/bin/env python3
"""Shrinks a JSON reproducer while it still crashes the same way, for a readable regression.

libFuzzer's -minimize_crash removes bytes; on a rules file it stops at kilobytes of JSON. This drops
whole members and array elements instead (and shortens strings), keeping each change only when the
target still stops with the same sanitizer SUMMARY (same file:line). Run -minimize_crash first.

usage: reduce_json.py BINARY INPUT OUTPUT [--prefix N]
  --prefix N  keep the first N bytes as they are (fuzz_rules: 1, the selector byte)
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def signature(binary, data):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
        path = f.name
    try:
        env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:quarantine_size_mb=16")
        p = subprocess.run([binary, path], capture_output=True, env=env, timeout=120)
        out = p.stderr.decode(errors="replace") + p.stdout.decode(errors="replace")
    finally:
        os.unlink(path)
    if p.returncode == 0:
        return None
    m = re.search(r"^SUMMARY: (.*)$", out, re.M)
    return m.group(1).strip() if m else f"exit {p.returncode}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--prefix", type=int, default=0)
    args = ap.parse_args()
    raw = open(args.input, "rb").read()
    prefix, body = raw[: args.prefix], raw[args.prefix:]
    want = signature(args.binary, raw)
    if not want:
        sys.exit("reduce_json: the input does not crash")
    print(f"reduce_json: {want}")
    try:
        doc = json.loads(body)
    except ValueError:
        sys.exit("reduce_json: not JSON after the prefix; keep libFuzzer's minimized file")

    def encode(d):
        return prefix + json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def still(d):
        return signature(args.binary, encode(d)) == want

    if not still(doc):
        sys.exit("reduce_json: the input crashes differently once re-encoded; keep libFuzzer's file")

    # Paths to every member and element, outermost first.
    def paths(node, at=()):
        if isinstance(node, dict):
            for k in list(node):
                yield at + (k,)
                yield from paths(node[k], at + (k,))
        elif isinstance(node, list):
            for i in range(len(node)):
                yield at + (i,)
                yield from paths(node[i], at + (i,))

    def get(d, path):
        for p in path:
            d = d[p]
        return d

    changed = True
    while changed:
        changed = False
        for path in sorted(set(paths(doc)), key=len):
            try:
                parent = get(doc, path[:-1])
                parent[path[-1]]
            except (KeyError, IndexError, TypeError):
                continue
            trial = json.loads(json.dumps(doc))
            tp = get(trial, path[:-1])
            del tp[path[-1]]
            if still(trial):
                doc, changed = trial, True
                continue
            value = parent[path[-1]]
            if isinstance(value, str) and len(value) > 1:
                trial = json.loads(json.dumps(doc))
                get(trial, path[:-1])[path[-1]] = "s"
                if still(trial):
                    doc, changed = trial, True
    with open(args.output, "wb") as f:
        f.write(encode(doc))
    print(f"reduce_json: {len(raw)} -> {len(encode(doc))} bytes in {args.output}")


if __name__ == "__main__":
    main()
