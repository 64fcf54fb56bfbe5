#!/bin/bash
# Four shards merged give the same comparison as one unsharded run, case for case (issue 15 acceptance),
# on the real suites of a few areas; the second split is balanced by the first run's case times.
# usage: shards_e2e.sh LIBCDIFF WORK_DIR BUILD_DIR ACKNOWLEDGEMENTS
set -euo pipefail
libcdiff=$1 work=$2 build=$3 acks=$4
areas=regex-glob,time,getopt-cli,filesystem
rm -rf "$work" && mkdir -p "$work" && cd "$work"
run() { # run NAME ARGS...: exit 0 or 1 (a difference the policy fails on) are answers; others are errors
  local name=$1 status=0
  shift
  "$libcdiff" "$@" --acknowledgements "$acks" >"$name.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    cat "$name.log" >&2
    echo "libcdiff: error: $name exited $status" >&2
    exit 1
  fi
}
run whole run --areas "$areas" --build-dir "$build" -o whole
for i in 1 2 3 4; do
  run "shard$i" run --areas "$areas" --build-dir "$build" --shard "$i/4" --shard-durations whole -o "shard$i"
done
run merged merge shard1 shard2 shard3 shard4 -o merged
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def cases(d):
    c = json.load(open(f"{work}/{d}/comparison.json"))
    return {x["id"]: (x["class"], json.dumps(x.get("versus"), sort_keys=True).replace(f"{work}/{d}", "DIR")) for x in c["cases"]}
whole, merged = cases("whole"), cases("merged")
assert whole.keys() == merged.keys(), sorted(set(whole) ^ set(merged))
bad = [k for k in whole if whole[k] != merged[k]]
for k in bad:
    print(f"{k}:\n  whole:  {whole[k][1][:300]}\n  merged: {merged[k][1][:300]}", file=sys.stderr)
assert not bad, f"{len(bad)} cases differ"
per_shard = [len(json.load(open(f"{work}/shard{i}/run-musl.json"))["cases"]) for i in (1, 2, 3, 4)]
assert sum(per_shard) == len(whole) and min(per_shard) > 0, per_shard
print(f"{len(whole)} cases: the merge of 4 shards {per_shard} equals the unsharded run")
PY
# A shard missing, or a shard of another build, is refused in one line.
status=0
"$libcdiff" merge shard1 shard2 shard3 -o partial >partial.log 2>&1 || status=$?
grep -q "lacks shard 4/4" partial.log || { cat partial.log >&2; echo "a missing shard was not refused" >&2; exit 1; }
[ "$status" -eq 2 ] || { echo "a missing shard exits $status, not 2" >&2; exit 1; }
echo "1 passed, 0 failed"
