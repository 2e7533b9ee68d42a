#!/usr/bin/env python3
"""Runs the libFuzzer targets of build/fuzz (the `fuzz` preset) and reports what they did.

  make fuzz        -> run.py --seconds $(FUZZ_SECONDS)   (default 600 s per target)
  make fuzz-smoke  -> run.py --smoke                     (30 s per target, fails on any finding)

Both targets run at once, one process (one core) each, unless --serial. For each target the summary
gives executions, exec/s, coverage (cov: edges, ft: features), corpus size, peak memory and every
finding (crash, leak, timeout, out-of-memory) with its reproducer under build/fuzz/artifacts/<target>/.
The exit status is 1 when any target found something (or did not run), else 0.

Inputs of each run:
  build/fuzz/corpus/seed/<target>   seeds, rebuilt from tests/cases and rules/ (make_corpus.py)
  tests/fuzz/regressions/<target>   every reproducer found so far (committed): replayed first
  build/fuzz/corpus/<target>        what `make fuzz` learnt (grows from run to run)
A smoke run starts from an empty working corpus (build/fuzz/corpus/smoke/<target>) so that it takes
the same time on a fresh clone and after long campaigns.

To reproduce or minimize one finding:
  build/fuzz/fuzz_quote FILE                      (prints the sanitizer report)
  build/fuzz/fuzz_quote -minimize_crash=1 -runs=100000 -exact_artifact_path=OUT FILE
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

TARGETS = {
    # max_len: requests are a few hundred bytes; the largest rules file is about 18 KB (+1 selector).
    "quote": {"binary": "fuzz_quote", "dict": "quote.dict", "max_len": 4096, "timeout": 10},
    "rules": {"binary": "fuzz_rules", "dict": "rules.dict", "max_len": 32768, "timeout": 30},
}

# Faster AddressSanitizer (about 15 % more runs): a smaller quarantine (a use-after-free is still
# caught while the freed block is among the last 16 MB freed; a run frees far less) and no filling
# of new blocks. Allocation stacks stay on: the reports say where a block was allocated and freed.
ASAN_OPTIONS = "quarantine_size_mb=16:max_malloc_fill_size=0:detect_leaks=1"
UBSAN_OPTIONS = "print_stacktrace=1:halt_on_error=1"


def parse_log(text):
    stats = {}
    for m in re.finditer(r"^stat::(\w+):\s+(\d+)", text, re.M):
        stats[m.group(1)] = int(m.group(2))
    last = None
    for m in re.finditer(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)", text, re.M):
        last = m
    if last:
        stats["cov"], stats["ft"] = int(last.group(2)), int(last.group(3))
        stats["corpus"] = f"{last.group(4)} units / {last.group(5)}"
    findings = []
    # The sanitizer's one-line report ("file:line: runtime error: ...", "ERROR: AddressSanitizer: ...")
    # and its SUMMARY, libFuzzer's own verdicts (timeout, out-of-memory, deadly signal).
    summaries = re.findall(r"^(?:\S+:\d+:\d+: runtime error: .*|==\d+==\s*ERROR: .*|SUMMARY: .*|"
                           r"ERROR: libFuzzer: .*|fuzz_\w+: .*)$", text, re.M)
    for m in re.finditer(r"Test unit written to (\S+)", text):
        findings.append(m.group(1))
    return stats, findings, summaries


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=600, help="per target (default 600)")
    ap.add_argument("--smoke", action="store_true", help="30 s each from the seeds; CI's check")
    ap.add_argument("--serial", action="store_true", help="one target after the other")
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "fuzz"))
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="default: all")
    ap.add_argument("extra", nargs="*", help="more libFuzzer flags, e.g. -use_value_profile=1")
    args = ap.parse_args()
    seconds = 30 if args.smoke and args.seconds == 600 else args.seconds
    targets = args.target or sorted(TARGETS)

    corpus_root = os.path.join(args.build, "corpus")
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), os.path.join(corpus_root, "seed")],
                   check=True)
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ASAN_OPTIONS + (":" + os.environ["ASAN_OPTIONS"] if os.environ.get("ASAN_OPTIONS") else "")
    env["UBSAN_OPTIONS"] = UBSAN_OPTIONS + (":" + os.environ["UBSAN_OPTIONS"] if os.environ.get("UBSAN_OPTIONS") else "")

    runs = {}
    for name in targets:
        t = TARGETS[name]
        binary = os.path.join(args.build, t["binary"])
        if not os.path.exists(binary):
            sys.exit(f"fuzz: {binary} is missing: build it with `cmake --preset fuzz && cmake --build --preset fuzz`")
        work = os.path.join(corpus_root, "smoke" if args.smoke else "", name)
        if args.smoke:
            shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work, exist_ok=True)
        dirs = [work, os.path.join(corpus_root, "seed", name)]
        regressions = os.path.join(HERE, "regressions", name)
        if os.path.isdir(regressions) and os.listdir(regressions):
            dirs.append(regressions)
        artifacts = os.path.join(args.build, "artifacts", name)
        os.makedirs(artifacts, exist_ok=True)
        logs = os.path.join(args.build, "logs")
        os.makedirs(logs, exist_ok=True)
        log = os.path.join(logs, f"{name}{'-smoke' if args.smoke else ''}.log")
        cmd = [binary, *dirs,
               f"-dict={os.path.join(HERE, t['dict'])}",
               f"-max_total_time={seconds}",
               f"-max_len={t['max_len']}",
               f"-timeout={t['timeout']}",
               "-rss_limit_mb=2048",
               "-print_final_stats=1",
               f"-artifact_prefix={artifacts}/",
               *args.extra]
        runs[name] = {"cmd": cmd, "log": log, "started": None, "proc": None}

    def start(name):
        r = runs[name]
        print(f"fuzz: {name}: {seconds} s, log {os.path.relpath(r['log'], ROOT)}", flush=True)
        r["file"] = open(r["log"], "w")
        r["file"].write(" ".join(r["cmd"]) + "\n")
        r["file"].flush()
        r["started"] = time.monotonic()
        r["proc"] = subprocess.Popen(r["cmd"], stdout=r["file"], stderr=subprocess.STDOUT, env=env, cwd=ROOT)

    def finish(name):
        r = runs[name]
        r["rc"] = r["proc"].wait()
        r["wall"] = time.monotonic() - r["started"]
        r["file"].close()

    if args.serial:
        for name in runs:
            start(name)
            finish(name)
    else:
        for name in runs:
            start(name)
        for name in runs:
            finish(name)

    failed = False
    print()
    print(f"{'target':7} {'executions':>11} {'exec/s':>7} {'cov':>6} {'ft':>7} {'new':>6} {'rss MB':>7} {'wall s':>7}  result")
    details = []
    for name, r in runs.items():
        with open(r["log"], errors="replace") as f:
            text = f.read()
        stats, findings, summaries = parse_log(text)
        ok = r["rc"] == 0 and not findings
        failed |= not ok
        execs = stats.get("number_of_executed_units")
        rate = stats.get("average_exec_per_sec")
        result = "ok" if ok else f"FAILED (exit {r['rc']})"
        print(f"{name:7} {execs if execs is not None else '-':>11} {rate if rate is not None else '-':>7} "
              f"{stats.get('cov', '-'):>6} {stats.get('ft', '-'):>7} {stats.get('new_units_added', '-'):>6} "
              f"{stats.get('peak_rss_mb', '-'):>7} {r['wall']:>7.0f}  "
              f"{result}")
        if not ok:
            details.append((name, r, findings, summaries, text))
    for name, r, findings, summaries, text in details:
        print(f"\nfuzz: {name}: finding(s); full log {os.path.relpath(r['log'], ROOT)}")
        for s in dict.fromkeys(summaries):
            print(f"  {s}")
        for f in findings:
            print(f"  reproducer: {os.path.relpath(f, ROOT) if os.path.isabs(f) else f}")
        if not summaries and not findings:
            print("  " + "\n  ".join(text.strip().splitlines()[-15:]))
    if any(f for _, _, f, _, _ in details):
        print("\nfuzz: minimize with <binary> -minimize_crash=1 -runs=100000 -exact_artifact_path=OUT FILE, then keep it"
              " as tests/fuzz/regressions/<target>/<short-name> (replayed by every run)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
