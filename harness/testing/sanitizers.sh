#!/bin/bash
# The harness's unit tests under sanitizers (issue 11), each in a build tree of its own:
#   sanitizers.sh SOURCE_DIR BUILD_DIR asan   every unit test, AddressSanitizer + UndefinedBehaviorSanitizer
#   sanitizers.sh SOURCE_DIR BUILD_DIR tsan   the threaded parts (process runner, suite runner, build lock,
#                                             scan's shared LoadChecker, the source scan's compile pool)
# Any sanitizer report fails the test (the sanitizers abort and the gtest binary exits non-zero).
set -euo pipefail
source_dir=$1 build=$2 kind=$3
case $kind in
  asan) sanitize=address,undefined filter='*' ;;
  tsan) sanitize=thread filter='BoostProcessRunner.*:SuiteRunner.*:BuilderTest.*:LoadCheck.SeveralThreads*:SourceScan.*:ScanCommand.ACompilationDatabase*' ;;
  *)
    echo "libcdiff: error: $kind: not a sanitizer build. Use asan or tsan." >&2
    exit 2
    ;;
esac
# Debug: -O0 compiles fastest, and the sanitizers see every access.
cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLIBCDIFF_SANITIZE="$sanitize" >/dev/null
cmake --build "$build" --target libcdiff_unit_tests fake_suite guard_probe
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
exec "$build/harness/libcdiff_unit_tests" --gtest_filter="$filter" --gtest_brief=1
