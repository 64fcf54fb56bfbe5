#!/bin/bash
# The fuzz targets (CTest label `fuzz`):
#   run.sh BUILD_DIR build             configure and build them with clang-16 + ASan/UBSan
#   run.sh BUILD_DIR READER SECONDS    fuzz one reader for SECONDS, seeded from real files
#   run.sh BUILD_DIR READER runs N     fuzz one reader for N executions (the long runs in the notes)
# A crash, a sanitizer report or an exception other than libcdiff's own error fails the run; the
# input that did it is kept as BUILD_DIR/crashes/<reader>-* to reproduce with `fuzz_<reader> FILE`.
set -euo pipefail
build=$1 what=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)

if [ "$what" = build ]; then
  command -v clang++-16 >/dev/null || {
    echo "libcdiff: error: clang++-16: not found. Run scripts/setup.sh, which installs it." >&2
    exit 3
  }
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build"
  exit 0
fi

reader=$what
binary=$build/fuzz_$reader
[ -x "$binary" ] || {
  echo "libcdiff: error: $binary: not built. Run '$0 $build build' first." >&2
  exit 2
}
seeds=$build/seeds/$reader corpus=$build/corpus/$reader
rm -rf "$seeds" && mkdir -p "$seeds" "$corpus" "$build/crashes"
# Real files only: what libcdiff reads in practice is where mutations start.
case $reader in
  gtest_json) cp "$repo"/harness/testing/data/gtest/*.json "$seeds/" ;;
  benchmark_json) cp "$repo"/harness/testing/data/bench/*.json "$seeds/" ;;
  run_record) for f in "$repo"/results/published/*/run-*.json; do cp "$f" "$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
  cases_toml) for f in "$repo"/suites/*/cases.toml; do cp "$f" "$seeds/$(basename "$(dirname "$f")").toml"; done ;;
  image_differences_toml) cp "$repo"/docker/local/image-differences.toml "$seeds/" ;;
  comparison_json)
    for f in "$repo"/results/published/*/comparison.json; do cp "$f" "$seeds/$(basename "$(dirname "$f")").json"; done
    cp "$repo"/harness/testing/data/comparison/*.json "$seeds/"
    ;;
  acknowledgements_toml) cp "$repo"/harness/testing/data/acknowledgements/*.toml "$seeds/" ;;
  # Small real ELF files of this machine, one of each kind: a PIE program, shared libraries (with
  # symbol versions), relocatable objects. Taken at run time: the repository keeps no binaries.
  elf_file)
    for f in /usr/bin/true /lib/x86_64-linux-gnu/libdl.so.2 /lib/x86_64-linux-gnu/libutil.so.1 \
      /usr/lib/x86_64-linux-gnu/crt1.o /usr/lib/x86_64-linux-gnu/crti.o; do
      [ -f "$f" ] && cp "$f" "$seeds/"
    done
    [ -n "$(ls "$seeds")" ] || {
      echo "libcdiff: error: $seeds: no ELF seed found on this machine. Install libc6-dev and coreutils." >&2
      exit 3
    }
    ;;
  # Two tables in one input, separated by a NUL byte (targets/sweep_table_fuzz.cpp).
  sweep_table)
    data=$repo/harness/testing/data/sweep
    { cat "$data/musl.sample.sweep.tsv"; printf '\0'; cat "$data/glibc.sample.sweep.tsv"; } >"$seeds/musl-glibc"
    { cat "$data/glibc.sample.sweep.tsv"; printf '\0'; head -100 "$data/glibc.sample.sweep.tsv"; } >"$seeds/glibc-head"
    ;;
  sweeps_toml)
    cp "$repo"/harness/testing/data/sweep/sweeps.toml "$seeds/sample.toml"
    for f in "$repo"/suites/*/sweeps.toml; do
      if [ -e "$f" ]; then cp "$f" "$seeds/$(basename "$(dirname "$f")").toml"; fi
    done
    ;;
  *)
    echo "libcdiff: error: $reader: no such fuzz target. Use gtest_json, benchmark_json, run_record, cases_toml, image_differences_toml, comparison_json, acknowledgements_toml, elf_file, sweep_table or sweeps_toml." >&2
    exit 2
    ;;
esac
limit=(-max_total_time="${3:-20}")
[ "${3:-}" = runs ] && limit=(-runs="$4")
log=$build/$reader.log
# Targets that need files (sweep_table) make them under TMPDIR: a directory of this run's own, removed
# afterwards (libFuzzer's exit runs no clean-up of the target's).
scratch=$build/tmp/$reader
rm -rf "$scratch" && mkdir -p "$scratch"
set +e
TMPDIR=$scratch ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$binary" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$build/crashes/$reader-" "$corpus" "$seeds" >"$log" 2>&1
status=$?
set -e
rm -rf "$scratch"
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
if [ "$status" != 0 ]; then
  grep -E "ERROR|SUMMARY|runtime error|uncaught|what\(\)" "$log" | head -20 >&2 || true
  echo "fuzz $reader: FAILED after ${runs:-?} executions (exit $status); input kept in $build/crashes/; log: $log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "fuzz $reader: ${runs:-?} executions in ${seconds:-?} s, corpus $(ls "$corpus" | wc -l) inputs, no crash"
echo "1 passed, 0 failed"
