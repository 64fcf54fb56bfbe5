#!/usr/bin/env bash
# Tests scripts/lib/apt_sources.sh: which URI of a machine's apt sources setup.sh and
# bootstrap-debian-base.sh take for Debian's archive, on fixture trees (apt_sources_fixtures/<case>/
# holds etc/apt/..., etc/os-release and "expected": the URI, or "error"), the LIBCDIFF_APT_MIRROR
# override, and that setup's private apt options keep the host's apt configuration (proxies).
# No network, no root; reads the host's apt configuration only through apt-config.
#
# usage: scripts/tests/apt_sources_test.sh     Last line: "N passed, M failed"; exit 1 if any failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FIXTURES=$ROOT/scripts/tests/apt_sources_fixtures
# shellcheck source-path=SCRIPTDIR source=../lib/apt_sources.sh
source "$ROOT/scripts/lib/apt_sources.sh"
unset LIBCDIFF_APT_MIRROR
ERR=$(mktemp "${TMPDIR:-/tmp}/libcdiff-apt-sources-test.XXXXXX")
trap 'rm -f "$ERR"' EXIT
passed=0
failed=0
check() {
  local name=$1 expected=$2 actual=$3
  if [ "$expected" = "$actual" ]; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    printf 'FAIL %s\n     expected: %s\n     actual:   %s\n' "$name" "$expected" "$actual"
  fi
}

# --- every fixture tree -------------------------------------------------------------------------
for dir in "$FIXTURES"/*/; do
  case_name=$(basename "$dir")
  expected=$(cat "$dir/expected")
  uri=$(apt_archive_uri "$dir" 2>"$ERR")
  rc=$?
  err=$(cat "$ERR")
  if [ "$expected" = error ]; then
    check "$case_name: fails" "1" "$rc"
    check "$case_name: prints no URI" "" "$uri"
    check "$case_name: one libcdiff error line naming the sources and LIBCDIFF_APT_MIRROR" yes \
      "$([[ $err == "libcdiff: error: ${dir%/}/etc/apt: no apt source for Debian's main archive"*"Set LIBCDIFF_APT_MIRROR"* &&
        $(wc -l <<<"$err") == 1 ]] && echo yes || echo "no: $err")"
  else
    check "$case_name: the main archive's URI" "$expected" "$uri"
    check "$case_name: succeeds quietly" "0:" "$rc:$err"
  fi
done

# --- the override ---------------------------------------------------------------------------------
check "LIBCDIFF_APT_MIRROR wins over the sources" "http://override.example.org/debian" \
  "$(LIBCDIFF_APT_MIRROR=http://override.example.org/debian apt_archive_uri "$FIXTURES/deb822")"
check "LIBCDIFF_APT_MIRROR also stands in where no source is found" "http://override.example.org/debian" \
  "$(LIBCDIFF_APT_MIRROR=http://override.example.org/debian apt_archive_uri "$FIXTURES/nothing" 2>&1)"

# --- parsing details ------------------------------------------------------------------------------
check "deb822: a disabled stanza gives no entries; continuation lines and lower-case keys are read" \
  "deb http://enabled-a.example.org/debian bookworm-updates|deb http://enabled-a.example.org/debian bookworm|deb http://enabled-b.example.org/debian bookworm-updates|deb http://enabled-b.example.org/debian bookworm|deb-src http://enabled-a.example.org/debian bookworm-updates|deb-src http://enabled-a.example.org/debian bookworm|deb-src http://enabled-b.example.org/debian bookworm-updates|deb-src http://enabled-b.example.org/debian bookworm" \
  "$(apt_sources_entries "$FIXTURES/disabled" | paste -sd'|')"
check "one-line: options in brackets and comments are skipped" \
  "deb-src http://mirror.example.net:8080/debian/ bookworm|deb http://mirror.example.net:8080/debian/ bookworm" \
  "$(apt_sources_entries "$FIXTURES/mirror-options" | paste -sd'|')"
check "sources.list first, then sources.list.d; files of other names are not read" \
  "deb https://packages.example.com/apt cloud-sdk-bookworm|deb http://list.example.org/debian bookworm|deb http://sources.example.org/debian bookworm" \
  "$(apt_sources_entries "$FIXTURES/both" | paste -sd'|')"

# --- the host's apt configuration stays in force --------------------------------------------------
# APT_CONFIG replaces /etc/apt/apt.conf, the way a user's proxy setting would be read from it.
mapfile -t opts < <(apt_private_opts /nonexistent/private-apt)
dump=$(APT_CONFIG=$FIXTURES/proxy-apt.conf apt-config dump "${opts[@]}")
check "private apt options: the source list is setup's own" yes \
  "$(grep -qxF 'Dir::Etc::sourcelist "/nonexistent/private-apt/sources.list";' <<<"$dump" && echo yes || echo no)"
check "private apt options: the host's apt.conf.d is still read" yes \
  "$(grep -qxF 'Dir::Etc::parts "apt.conf.d";' <<<"$dump" && echo yes || echo no)"
check "private apt options: the host's proxy is still in force" yes \
  "$(grep -qxF 'Acquire::http::Proxy "http://proxy.example.org:3128/";' <<<"$dump" && echo yes || echo no)"
check "apt_proxy_aptopts: the proxy settings, for mmdebstrap's --aptopt" yes \
  "$(APT_CONFIG=$FIXTURES/proxy-apt.conf apt_proxy_aptopts | grep -cxF -e 'Acquire::http::Proxy "http://proxy.example.org:3128/";' \
    -e 'Acquire::https::Proxy::mirror.example.net "DIRECT";' | grep -qx 2 && echo yes || echo no)"

# --- no archive host is written into the repository -------------------------------------------------
# Built from parts so that this file does not match itself; results/ holds published runs' logs.
host="deb.debian"".org"
found=$(cd "$ROOT" && grep -rIl --exclude-dir=.git --exclude-dir=build --exclude-dir=results -F "$host" . | paste -sd' ')
check "no file outside results/ names the archive host" "" "$found"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
