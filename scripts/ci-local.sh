#!/bin/bash
# The nightly CI workflow's steps (.github/workflows/libcdiff-nightly.yml, ci/gitlab-libcdiff-nightly.yml)
# run here with local targets, as a rehearsal (CTest `ci.local`, issue 15):
#   1. N correctness shards of musl vs glibc (balanced by a previous run's times when given),
#   2. the merge, recorded in a run history,
#   3. two more "nights" recorded in the same history: musl-1.2.3 in musl's place, then musl again,
#   4. `libcdiff history`: the runs and what appeared, disappeared or changed between them.
# usage: scripts/ci-local.sh [-n SHARDS] [--areas LIST] [--build-dir DIR] WORK_DIR
# Exit 0 when every step gave an answer (differences are answers: the merge's own exit status is
# printed, not propagated); the history's text is in WORK_DIR/history.txt.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shards=4 areas="" build_args=()
while [ $# -gt 1 ]; do
  case $1 in
    -n) shards=$2; shift 2 ;;
    --areas) areas=$2; shift 2 ;;
    --build-dir) build_args=(--build-dir "$2"); shift 2 ;;
    *) echo "libcdiff: error: ci-local.sh: $1: unknown option. Use -n SHARDS, --areas LIST, --build-dir DIR" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: scripts/ci-local.sh [-n SHARDS] [--areas LIST] [--build-dir DIR] WORK_DIR" >&2; exit 2; }
work=$1
libcdiff=${LIBCDIFF:-$root/build/libcdiff}
[ -x "$libcdiff" ] || { echo "libcdiff: error: $libcdiff: not built. Run scripts/test.sh (or cmake --build --preset default) first." >&2; exit 2; }
area_args=()
[ -n "$areas" ] && area_args=(--areas "$areas")
acks=$root/harness/testing/data/e2e-open-findings.toml
rm -rf "$work" && mkdir -p "$work"
history=$work/history.sqlite

# answer NAME CMD...: runs a libcdiff step; 0 and 1 are answers (1: differences the policy fails on).
answer() {
  local name=$1 status=0
  shift
  echo "== $name"
  "$@" >"$work/$name.log" 2>&1 || status=$?
  tail -n 3 "$work/$name.log" | sed 's/^/   /'
  if [ "$status" -gt 1 ]; then
    echo "libcdiff: error: ci-local: $name exited $status; see $work/$name.log" >&2
    exit 1
  fi
  echo "   exit $status"
}

for i in $(seq 1 "$shards"); do
  answer "shard-$i" "$libcdiff" run --targets musl,glibc "${area_args[@]}" "${build_args[@]}" --shard "$i/$shards" \
    -o "$work/shard-$i" --acknowledgements "$acks"
done
answer merge "$libcdiff" merge $(for i in $(seq 1 "$shards"); do echo "$work/shard-$i"; done) -o "$work/merged" \
  --acknowledgements "$acks" --history "$history"
answer night-musl-1.2.3 "$libcdiff" run --targets musl-1.2.3,glibc "${area_args[@]}" "${build_args[@]}" \
  -o "$work/night-musl-1.2.3" --acknowledgements "$acks" --history "$history"
answer night-musl "$libcdiff" run --targets musl,glibc "${area_args[@]}" "${build_args[@]}" \
  -o "$work/night-musl" --acknowledgements "$acks" --history "$history"
"$libcdiff" history --db "$history" >"$work/history.txt"
cat "$work/history.txt"
# The rehearsal checks what the nights must show: three runs, and the musl-1.2.3 night's known
# differences (musl's release notes) as changes with their dates, and back again on the third night.
grep -q "^3 runs recorded" "$work/history.txt" || { echo "libcdiff: error: ci-local: the history does not hold 3 runs" >&2; exit 1; }
grep -Eq "^  run +2 .* (appeared|disappeared|changed|reclassified) " "$work/history.txt" &&
  grep -Eq "^  run +3 .* (appeared|disappeared|changed|reclassified) " "$work/history.txt" || {
  echo "libcdiff: error: ci-local: the history shows no change for musl-1.2.3 in musl's place and back" >&2
  exit 1
}
echo "ci-local: $shards shards merged and three runs in $history"
