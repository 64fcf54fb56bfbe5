#!/usr/bin/env bash
# The test command (README; .ci/run calls exactly this): set up what is missing, build the harness,
# then run every test: the orchestrator's unit tests and the suites on the default targets
# (musl vs glibc) through the real CLI. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default "$@"
