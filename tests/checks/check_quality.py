#!/usr/bin/env python3
"""ctest "quality": scores a built kb with the shared eval's score-kb on the dev
and dev2 sets and fails when a summary figure falls below its floor
(tests/data/quality_floors.tsv) or any internal article leaks to a customer.

    check_quality.py --kb build/kb --eval ../shared/eval --floors tests/data/quality_floors.tsv

Exits 77 (ctest: skipped) when the eval folder is not there (a clone without
the shared folder beside it).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def read_floors(path):
    floors = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, metric, floor = line.split()
                floors.setdefault(name, {})[metric] = float(floor)
    return floors


def summary(kb, eval_dir, name, out):
    score = os.path.join(eval_dir, "score-kb")
    run = subprocess.run([sys.executable, score, "--kb", kb, "--set", name, "--out", out],
                         capture_output=True, text=True, check=False)
    lines = [l for l in run.stdout.splitlines() if l.startswith("SUMMARY")]
    if run.returncode != 0 or not lines:
        sys.exit(f"score-kb --set {name} failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return lines[-1], dict((k, float(v)) for k, v in re.findall(r"(\S+)=([0-9.]+)", lines[-1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", required=True)
    ap.add_argument("--eval", required=True)
    ap.add_argument("--floors", required=True)
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.eval, "score-kb")):
        print(f"no eval at {args.eval}: skipped")
        return 77
    failed = []
    with tempfile.TemporaryDirectory(prefix="kb-quality-") as tmp:
        for name, floors in read_floors(args.floors).items():
            line, got = summary(args.kb, args.eval, name, os.path.join(tmp, name))
            print(f"{name}: {line}")
            if got.get("leaks", 1) != 0:
                failed.append(f"{name}: {int(got.get('leaks', -1))} internal article(s) shown to a customer")
            for metric, floor in floors.items():
                if got.get(metric, -1) < floor:
                    failed.append(f"{name}: {metric} {got.get(metric)} is below its floor {floor}")
    for f in failed:
        print("FAIL " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
