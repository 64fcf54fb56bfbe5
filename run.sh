#!/usr/bin/env bash
# Set up (idempotent), build, and run libcdiff on the default targets (musl vs glibc).
# Extra arguments go to 'libcdiff run', e.g. ./run.sh --areas locale -o /tmp/out
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default --target libcdiff  # the tool only; scripts/test.sh builds the tests
[ -x build/libcdiff ] || { echo "libcdiff: error: build/libcdiff: the harness did not build. See the output above." >&2; exit 3; }
exec build/libcdiff run "$@"
