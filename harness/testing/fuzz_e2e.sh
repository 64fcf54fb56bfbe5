#!/bin/bash
# `libcdiff fuzz` end to end on the real suites (CTest e2e.fuzz_reproducible, issue 12 item 4):
#   1. a timed run of two parsers finds differences, minimises them (a reproducer shorter than the
#      input it came from) and clusters them;
#   2. each case, run again with the seed and the count that fuzz.md prints, gives the same inputs,
#      the same differences and the same clusters (timings aside).
# usage: fuzz_e2e.sh LIBCDIFF WORK_DIR BUILD_DIR
set -euo pipefail
libcdiff=$1 work=$2 build=$3
cases=Stdio.FuzzStrtol,Regex.FuzzRegex
seed=20261130
rm -rf "$work" && mkdir -p "$work"
cd "$work"
status=0
"$libcdiff" fuzz --cases "$cases" --seed "$seed" --fuzz-time 6 --build-dir "$build" -o timed >timed.log 2>&1 || status=$?
# 1: clusters of unexpected differences (the open findings) make it exit 1; anything else is a failure.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  cat timed.log >&2
  echo "libcdiff: error: fuzz exited $status" >&2
  exit 1
fi
python3 - "$work" "$libcdiff" "$build" "$seed" <<'PY'
import json, subprocess, sys
work, libcdiff, build, seed = sys.argv[1:]
timed = json.load(open(f"{work}/timed/fuzz.json"))
assert timed["seed"] == int(seed), timed["seed"]
assert len(timed["cases"]) == 2, [c["id"] for c in timed["cases"]]
shrunk = 0
for case in timed["cases"]:
    assert case["inputs"] > 0 and case["keys"] > 0, case["id"]
    assert case["differing"] > 0, f"{case['id']}: no difference found in {case['inputs']} inputs"
    assert case["clusters"], f"{case['id']}: differences but no cluster"
    for cl in case["clusters"]:
        shrunk += sum(1 for e in cl["examples"] if len(cl["reproducer"]) < len(e))
assert shrunk > 0, "no reproducer is shorter than an input it came from: nothing was minimised"

def essence(case):
    keep = ("id", "seed", "inputs", "keys", "differing", "unexpected", "per_class", "minimised")
    out = {k: case[k] for k in keep}
    out["clusters"] = [{k: cl[k] for k in ("signature", "class", "reproducers", "value_a", "value_b", "members", "examples")}
                       for cl in case["clusters"]]
    return out

for case in timed["cases"]:
    out = f"{work}/again-{case['id']}"
    r = subprocess.run([libcdiff, "fuzz", "--cases", case["id"], "--seed", seed, "--fuzz-count", str(case["inputs"]),
                        "--build-dir", build, "-o", out], capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stdout + r.stderr
    again = json.load(open(f"{out}/fuzz.json"))["cases"][0]
    a, b = essence(case), essence(again)
    if a != b:
        for k in a:
            if a[k] != b[k]:
                print(f"{case['id']}: {k} differs:\n  timed: {str(a[k])[:400]}\n  again: {str(b[k])[:400]}", file=sys.stderr)
        sys.exit(1)
    print(f"{case['id']}: {case['inputs']} inputs, {case['differing']} differ, {len(case['clusters'])} clusters: reproduced")
PY
echo "1 passed, 0 failed"
