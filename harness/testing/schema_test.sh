#!/bin/bash
# comparison.json against its JSON Schema, docs/comparison.schema.json (CTest `comparison.schema`):
#   - what `libcdiff compare` writes for the published run records (two sides), and for three sides
#     (the same two plus a changed copy of the musl record: labels musl@<time> and musl@<time>#2, an
#     unexpected difference, a skip, a crash, acknowledgements and a --fail-on policy);
#   - what `libcdiff report -o` writes from the published version 1 file, and that file itself;
#   - the small version 2 comparison kept as a fuzz seed (harness/testing/data/comparison/);
#   - broken copies (class "bogus", no reference, ...), which the schema must reject.
# usage: schema_test.sh LIBCDIFF REPO
set -euo pipefail
libcdiff=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") repo=$(cd "$2" && pwd)
schema=$repo/docs/comparison.schema.json
check=$repo/harness/testing/schema_check.py
published=$repo/results/published/2026-11-26_musl-1.2.5_vs_glibc-2.36
acks=$repo/harness/testing/data/acknowledgements/libcdiff.toml
for f in "$schema" "$acks" "$published"/{comparison,run-musl,run-glibc}.json; do
  [ -f "$f" ] || {
    echo "libcdiff: error: $f: not found. Restore it from git, or update this test." >&2
    exit 2
  }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A ./libcdiff.toml in the caller's directory would be read by default: run where there is none.
cd "$tmp"

# Exit 1 is "the policy fails the run" (the three-side compare is meant to); anything else is not.
compare() {
  local status=0
  "$libcdiff" "$@" >"$tmp/out.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    cat "$tmp/out.log" >&2
    echo "FAIL libcdiff $*: exit $status" >&2
    exit 1
  fi
}

compare compare "$published" -o "$tmp/two"
python3 "$check" changed-record "$published/run-musl.json" "$tmp/run-musl-changed.json"
compare compare "$published/run-musl.json" "$published/run-glibc.json" "$tmp/run-musl-changed.json" \
  -o "$tmp/three" --acknowledgements "$acks" --fail-on 'unexpected,risk>=low'
compare report "$published" -o "$tmp/from-v1"

# The three-side file must hold what it is meant to exercise, or it proves less than it claims.
for wanted in '"label": "musl@[0-9TZ]*"' '"label": "musl@[0-9TZ]*#2"' '"unexpected-difference": 1' \
  '"skipped": 1' '"crash": 1' '"acknowledgement": "[^"]' '"policy": "unexpected,risk>=low"'; do
  grep -q "$wanted" "$tmp/three/comparison.json" || {
    echo "FAIL $tmp/three/comparison.json: nothing matches $wanted" >&2
    exit 1
  }
done

status=0
python3 "$check" validate "$schema" "$tmp"/{two,three,from-v1}/comparison.json "$published/comparison.json" \
  "$repo"/harness/testing/data/comparison/*.json || status=1
python3 "$check" rejects "$schema" "$tmp/three/comparison.json" "$published/comparison.json" || status=1
if [ "$status" = 0 ]; then
  echo "comparison.schema: every file valid, every broken copy rejected"
else
  echo "comparison.schema: FAILED" >&2
fi
exit "$status"
