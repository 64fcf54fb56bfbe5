#!/bin/bash
# scan.json against docs/scan.schema.json and scan.sarif against the SARIF 2.1.0 schema (CTest
# `scan.schema`), on what the real `libcdiff scan` writes for:
#   - the acceptance program (scan_probe: backtrace, qsort_r, getaddrinfo, strcoll, pthread_create,
#     dlclose), once without a comparison and once joined with the published one (observed values);
#   - /bin/busybox (static: not-dynamic);
#   - /usr/sbin/ and /usr/libexec/ (160-odd programs and libraries here, in about a second: every cause
#     of a missing symbol, missing libraries, valgrind's i386 tools; all of /usr/bin would take ten
#     seconds of validation for no more variety);
#   - a `docker save` style archive made here: two layers (the second deletes a file of the first
#     with a whiteout) holding the probe, busybox, zic (it loads on musl), a shared library, the
#     probe under a name a URI must escape ("odd [name]#1%", as /usr/bin/[ on every Debian), a copy
#     patched to aarch64 (wrong-arch), a truncated ELF file (a problem line) and a script;
# and broken copies of both files (a verdict "bogus", a SARIF result without message, ...), which
# the schemas must reject. The SARIF schema is the official one, downloaded by scripts/setup.sh into
# the cache (never vendored); python3-jsonschema validates.
# usage: scan_schema_test.sh LIBCDIFF REPO SCAN_PROBE
set -euo pipefail
libcdiff=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") repo=$(cd "$2" && pwd)
probe=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
scan_schema=$repo/docs/scan.schema.json
check=$repo/harness/testing/scan_schema_check.py
published=$repo/results/published/2026-11-26_musl-1.2.5_vs_glibc-2.36
cache=${LIBCDIFF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/libcdiff}
sarif_schema=$cache/schemas/sarif-2.1.0.json
if [ ! -f "$sarif_schema" ]; then
  echo "libcdiff: error: $sarif_schema: the SARIF 2.1.0 schema is missing. Run scripts/setup.sh, which downloads it." >&2
  exit 1
fi
for f in "$scan_schema" "$check" "$probe" /bin/busybox /usr/sbin/zic "$published/comparison.json"; do
  [ -f "$f" ] || {
    echo "libcdiff: error: $f: not found. Restore it (git, scripts/setup.sh, the build), or update this test." >&2
    exit 1
  }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A ./libcdiff.toml in the caller's directory would be read by default: run where there is none.
cd "$tmp"

# Exit 1 is "the policy fails the scan" (needs-rebuild, as most of these do); anything else is not.
scan() {
  local out=$1 status=0
  shift
  "$libcdiff" scan "$@" -o "$tmp/$out" >"$tmp/$out.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ] || [ ! -f "$tmp/$out/scan.json" ] || [ ! -f "$tmp/$out/scan.sarif" ]; then
    cat "$tmp/$out.log" >&2
    echo "FAIL libcdiff scan $* -o $tmp/$out: exit $status" >&2
    exit 1
  fi
}

# The archive: docker save's layout (manifest.json naming layer tarballs, a config, repositories).
make_archive() {
  local a=$tmp/image
  mkdir -p "$a/one/usr/bin" "$a/one/usr/lib" "$a/one/bin" "$a/two/usr/local/bin" "$a/two/usr/bin" "$a/out/l1" "$a/out/l2"
  cp "$probe" "$a/one/usr/bin/scan_probe"
  cp /bin/busybox "$a/one/bin/busybox"
  cp /usr/sbin/zic "$a/one/usr/bin/zic"
  cp "$(readlink -f /lib/x86_64-linux-gnu/libz.so.1)" "$a/one/usr/lib/libz.so.1"
  cp "$probe" "$a/one/usr/bin/deleted_later"
  cp "$probe" "$a/two/usr/local/bin/odd [name]#1%"
  cp "$probe" "$a/two/usr/local/bin/probe-aarch64"
  # e_machine (offset 18, little-endian) = 183, EM_AARCH64: an ELF file for another architecture.
  printf '\267\000' | dd of="$a/two/usr/local/bin/probe-aarch64" bs=1 seek=18 conv=notrunc status=none
  head -c 2000 "$probe" >"$a/two/usr/local/bin/truncated"
  printf '#!/bin/sh\necho hi\n' >"$a/two/usr/local/bin/script.sh"
  : >"$a/two/usr/bin/.wh.deleted_later"
  tar -C "$a/one" -cf "$a/out/l1/layer.tar" .
  tar -C "$a/two" -cf "$a/out/l2/layer.tar" .
  echo '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' >"$a/out/config.json"
  echo '[{"Config":"config.json","RepoTags":["localhost/scan-schema:test"],"Layers":["l1/layer.tar","l2/layer.tar"]}]' \
    >"$a/out/manifest.json"
  echo '{"localhost/scan-schema":{"test":"l2"}}' >"$a/out/repositories"
  tar -C "$a/out" -cf "$tmp/image.tar" manifest.json config.json repositories l1 l2
}
make_archive

scan probe "$probe" --comparison none
scan probe-compared "$probe" --comparison "$published"
scan busybox /bin/busybox --comparison none
scan trees /usr/sbin/ /usr/libexec/ --comparison none
scan archive "$tmp/image.tar" --comparison none
# The reverse direction: this machine's glibc, with programs of the next Debian release (newer glibc
# versions: missing-version) and the probe (it loads).
scan to-glibc --to glibc "$cache/trixie-programs/root/usr/bin/" "$probe" --comparison none

# What the archive must have given, or the test proves less than it claims.
status=0
for wanted in '"path": "/usr/local/bin/odd [name]#1%"' '"verdict": "wrong-arch"' '"path": "/usr/lib/libz.so.1"' \
  '"/usr/local/bin/truncated: ' '"path": "/usr/bin/zic",' '"verdict": "loads"'; do
  grep -qF "$wanted" "$tmp/archive/scan.json" || {
    echo "FAIL $tmp/archive/scan.json: nothing matches $wanted" >&2
    status=1
  }
done
if grep -q 'deleted_later\|script.sh' "$tmp/archive/scan.json"; then
  echo "FAIL $tmp/archive/scan.json: lists a file deleted by a whiteout, or a script" >&2
  status=1
fi

for wanted in '"cause": "missing-version"' '"verdict": "loads"' '"target": "glibc"'; do
  grep -qF "$wanted" "$tmp/to-glibc/scan.json" || {
    echo "FAIL $tmp/to-glibc/scan.json: nothing matches $wanted" >&2
    status=1
  }
done

dirs=("$tmp"/{probe,probe-compared,busybox,trees,archive,to-glibc})
python3 "$check" validate "$scan_schema" "$sarif_schema" "${dirs[@]}" || status=1
python3 "$check" covers "${dirs[@]}" || status=1
python3 "$check" rejects "$scan_schema" "$sarif_schema" "$tmp/archive" || status=1
if [ "$status" = 0 ]; then
  echo "scan.schema: every scan.json and scan.sarif valid, every broken copy rejected"
else
  echo "scan.schema: FAILED" >&2
fi
exit "$status"
