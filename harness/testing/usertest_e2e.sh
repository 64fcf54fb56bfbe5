#!/bin/bash
# `libcdiff env` and `libcdiff test` on real projects (issue 14): Debian's json-c (CMake + CTest) and
# fribidi (Meson, and its autotools build), fetched by scripts/fetch-test-project.sh. Checks:
#   - `env musl -- cmake` and `env musl -- ./configure` build binaries whose ELF interpreter is musl's;
#   - `test` gives per-test results on both targets from CTest's JUnit, Meson's JUnit and automake's
#     .trs files, and no difference for these two projects (negative controls);
#   - a project that builds on glibc only is an error for musl (exit 1), never "all clear";
#   - Ctrl-C during `test` exits 130 with the finished target's record kept.
# usage: usertest_e2e.sh LIBCDIFF WORK_DIR [RUN_RESULTS_FOR_HINTS]
set -euo pipefail
libcdiff=$1 work=$2 hints=${3:-none}
repo=${LIBCDIFF_SOURCE_DIR:?}
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "usertest_e2e: FAIL: $*" >&2; exit 1; }
fetch() { bash "$repo/scripts/fetch-test-project.sh" "$1" "$work/$1" | tail -1; }
interp() { readelf -l "$1" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p'; }
musl_loader=$("$libcdiff" env musl --print | sed -n 's/^# binaries name the loader //p')
[ -n "$musl_loader" ] || fail "env musl --print names no loader"

jsonc=$(fetch json-c)
fribidi=$(fetch fribidi)

# --- env: a CMake project and an autotools project built against musl ---------------------------------
"$libcdiff" env musl -- cmake -S "$jsonc" -B env-cmake -G Ninja -DDISABLE_WERROR=ON >env-cmake.log 2>&1 ||
  { cat env-cmake.log; fail "cmake under env musl"; }
cmake --build env-cmake >>env-cmake.log 2>&1 || { tail -20 env-cmake.log; fail "build under env musl"; }
[ "$(interp env-cmake/tests/test1)" = "$musl_loader" ] ||
  fail "json-c's test1 names $(interp env-cmake/tests/test1), not $musl_loader"
env-cmake/tests/test1 >/dev/null || fail "json-c's test1 built for musl does not run"

cp -a "$fribidi" env-autotools
(cd env-autotools && "$libcdiff" env musl -- ./configure --disable-shared && "$libcdiff" env musl -- make -j2) \
  >env-autotools.log 2>&1 || { tail -20 env-autotools.log; fail "fribidi's configure/make under env musl"; }
[ "$(interp env-autotools/bin/fribidi)" = "$musl_loader" ] || fail "fribidi names $(interp env-autotools/bin/fribidi)"
echo "a" | env-autotools/bin/fribidi --nopad >/dev/null || fail "fribidi built for musl does not run"
"$libcdiff" env glibc -- sh -c 'test "$LIBCDIFF_TARGET" = glibc' || fail "env glibc does not set its variables"

# --- test: per-test results through three harness kinds -----------------------------------------------
expect_same() { # expect_same RESULTS MIN_TESTS SOURCE
  python3 - "$@" <<'PY'
import json, sys
d, minimum, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
c = json.load(open(f"{d}/comparison.json"))
cases = c["cases"]
assert len(cases) >= minimum, f"{d}: {len(cases)} cases, wanted at least {minimum}"
bad = [(k["id"], k["class"]) for k in cases if k["class"] != "same"]
assert not bad, f"{d}: not the same: {bad}"
for side in ("musl", "glibc"):
    r = json.load(open(f"{d}/run-{side}.json"))
    got = r["provenance"]["host"]["test.result_sources"]
    assert source in got, f"{d}: {side} results came from {got}, not {source}"
    assert r["provenance"]["host"]["test.tool.valgrind"], "the environment names valgrind's presence"
print(f"{d}: {len(cases)} cases, all same, from {source}")
PY
}
src_before=$(find "$jsonc" "$fribidi" -newer "$work/env-cmake.log" | wc -l)
"$libcdiff" test "$jsonc" --configure-args -DDISABLE_WERROR=ON --env USE_VALGRIND=0 --comparison "$hints" \
  -o jsonc >jsonc.log 2>&1 || { cat jsonc.log; fail "test json-c exited $?"; }
expect_same jsonc 25 ctest-junit
"$libcdiff" test "$fribidi" --build meson --comparison "$hints" -o fribidi-meson >fribidi-meson.log 2>&1 ||
  { cat fribidi-meson.log; fail "test fribidi (meson)"; }
expect_same fribidi-meson 10 meson-junit
src_after=$(find "$jsonc" "$fribidi" -newer "$work/env-cmake.log" | wc -l)
[ "$src_before" = "$src_after" ] || fail "test wrote into the source trees"

# --- test: GNU m4's gnulib tests through automake's harness, where musl and glibc differ -------------
# The tests that differ on the full suite (README: 7 of 267), plus two that do not, built alone to
# keep this check to a few minutes: the same answer must come out every time.
m4=$(fetch m4)
progs="test-posix_spawn_file_actions_addclose test-strtod1 test-setlocale1 test-btowc test-mbrtowc test-mbsinit
       test-mbsstr2 test-strerror test-c-ctype"
tests="test-posix_spawn_file_actions_addclose test-strtod1.sh test-setlocale1.sh test-btowc2.sh test-mbrtowc2.sh
       test-mbsinit.sh test-mbsstr2.sh test-strerror test-c-ctype"
status=0
"$libcdiff" test "$m4" -o m4-results --comparison "$hints" \
  --build-cmd "./configure -q --disable-nls && make -j2 -C lib && make -j2 -C tests libtests.a $(echo $progs)" \
  --test-cmd "make -C tests check TESTS='$(echo $tests)' check_PROGRAMS=" >m4.log 2>&1 || status=$?
[ "$status" = 1 ] || { cat m4.log; fail "test m4 exited $status, not 1 (differences)"; }
python3 - m4-results <<'PY'
import json, sys
c = json.load(open(f"{sys.argv[1]}/comparison.json"))
got = {k["id"]: (k["class"], k["observations"].get("musl", {}).get("result"), k["observations"].get("glibc", {}).get("result"))
       for k in c["cases"]}
want = {"m4.tests/test-posix_spawn_file_actions_addclose": ("unexpected-difference", "fail", "pass")}
for t in ("test-strtod1.sh", "test-setlocale1.sh", "test-btowc2.sh", "test-mbrtowc2.sh", "test-mbsinit.sh", "test-mbsstr2.sh"):
    want[f"m4.tests/{t}"] = ("unexpected-difference", "skip", "pass")
for t in ("test-strerror", "test-c-ctype"):
    want[f"m4.tests/{t}"] = ("same", "pass", "pass")
for k, v in want.items():
    assert got.get(k) == v, f"{k}: {got.get(k)}, want {v}"
spawn = next(k for k in c["cases"] if k["id"] == "m4.tests/test-posix_spawn_file_actions_addclose")
assert "assertion" in spawn["log_difference"], spawn["log_difference"]
locale = next(k for k in c["cases"] if k["id"] == "m4.tests/test-strtod1.sh")
assert any("Locale.AnyNameAccepted" in h for h in locale.get("hints", [])), locale.get("hints")
import jsonschema, os
jsonschema.validate(c, json.load(open(os.path.join(os.environ["LIBCDIFF_SOURCE_DIR"], "docs/comparison.schema.json"))))
print("m4: 7 differences (posix_spawn addclose, 6 locale skips on musl only), 2 same; comparison.json valid")
PY

# --- fault paths --------------------------------------------------------------------------------------
mkdir -p glibc-only
cat >glibc-only/CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(glibconly C)
enable_testing()
add_executable(t t.c)
add_test(NAME t COMMAND t)
CMAKE
# __GLIBC__ is defined by glibc's headers only: the musl build stops with an #error.
printf '#include <stdio.h>\n#ifndef __GLIBC__\n#error needs glibc\n#endif\nint main(void){return 0;}\n' >glibc-only/t.c
status=0
"$libcdiff" test glibc-only -o glibc-only-results >glibc-only.log 2>&1 || status=$?
[ "$status" = 1 ] || { cat glibc-only.log; fail "a build that fails on musl exited $status, not 1"; }
grep -q "configure\|build failed" glibc-only-results/run-musl.json || fail "the musl record does not say the build failed"
grep -q '"result": "pass"' glibc-only-results/run-glibc.json || fail "glibc did not still run its test"
grep -q "error: needs glibc" glibc-only-results/report.md || fail "the report does not show the first build error"

mkdir -p slow && cp glibc-only/CMakeLists.txt slow/ && printf 'int main(void){for(;;);}\n' >slow/t.c
"$libcdiff" test slow -o slow-results --targets glibc,musl >slow.log 2>&1 &
pid=$!
for _ in $(seq 1 120); do grep -q "test$" slow.log 2>/dev/null && break; sleep 0.5; done
sleep 1
kill -INT "$pid"
status=0
wait "$pid" || status=$?
[ "$status" = 130 ] || { cat slow.log; fail "Ctrl-C during test exited $status, not 130"; }
[ -f slow-results/run-glibc.json ] || fail "the interrupted target's record is not kept"
pgrep -f "$work/slow-results" >/dev/null && fail "a test process outlived the interrupted run"
echo "usertest_e2e: all checks passed"
