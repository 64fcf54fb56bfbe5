#!/usr/bin/env bash
# Fetches one real open-source project whose own test suite `libcdiff test` runs on musl and on glibc:
# downloads the project's Debian *orig* source tarball from Debian's archive (pool/main/..., through the
# mirror this machine's apt uses; LIBCDIFF_APT_MIRROR wins if set) at a pinned version, checks it against
# a pinned sha256, caches it under $LIBCDIFF_CACHE_DIR/test-projects/ (default ~/.cache/libcdiff, as in
# setup.sh), and unpacks it afresh into DEST_DIR (default ./NAME-VERSION). The last line of stdout is the
# unpacked source directory. A cached, verified tarball is not downloaded again. No code of these
# projects is kept in this repository.
#
# usage: scripts/fetch-test-project.sh NAME [DEST_DIR]
#        scripts/fetch-test-project.sh --list
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${LIBCDIFF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/libcdiff}
TP_CACHE=$CACHE/test-projects
MARKER=.libcdiff-test-project

# name|version|pool path (under pool/main/)|sha256|build system|harness kind (per-test results)
PROJECTS=(
  "json-c|0.16|j/json-c/json-c_0.16.orig.tar.gz|3ecaeedffd99a60b1262819f9e60d7d983844073abc74e495cb822b251904185|cmake|ctest-junit"
  "m4|1.4.19|m/m4/m4_1.4.19.orig.tar.xz|63aede5c6d33b6d9b13511cd0be2cac046f2e70fd0a07aa9573a04a82783af96|autotools|automake-trs"
  "fribidi|1.0.8|f/fribidi/fribidi_1.0.8.orig.tar.bz2|94c7b68d86ad2a9613b4dcffe7bbeb03523d63b5b37918bdf2e4ef34195c1e6c|meson|meson-junit"
  "libuv|1.44.2|libu/libuv1/libuv1_1.44.2.orig.tar.gz|d79b4b06ef04be85fb890bf39d55942cc64c2e15fd14eaa32dae5dce94485484|cmake|tap"
  "googletest|1.12.1|g/googletest/googletest_1.12.1.orig.tar.gz|81964fe578e9bd7c94dfdb09c8e4d6e6759e19967e397dbea48d1c10e45d0df2|cmake|gtest-json"
)

die() {
  echo "fetch-test-project: error: $*" >&2
  exit 1
}

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

list() {
  local entry name version build harness
  printf '%-10s %-9s %-10s %s\n' NAME VERSION BUILD HARNESS
  for entry in "${PROJECTS[@]}"; do
    IFS='|' read -r name version _ _ build harness <<<"$entry"
    printf '%-10s %-9s %-10s %s\n' "$name" "$version" "$build" "$harness"
  done
}

# download URI FILE: through apt's own fetcher when present (it honours the proxy apt is set up with).
download() {
  local uri=$1 file=$2
  if [ -x /usr/lib/apt/apt-helper ]; then
    /usr/lib/apt/apt-helper -qq -o APT::Sandbox::User=root download-file "$uri" "$file" >&2
  elif command -v curl >/dev/null; then
    curl -fsSL --retry 2 -o "$file" "$uri"
  else
    return 127
  fi
}

case ${1:-} in
  --list)
    list
    exit 0
    ;;
  -h | --help)
    usage
    exit 0
    ;;
  "" | -*)
    usage >&2
    exit 2
    ;;
esac
[ "$#" -le 2 ] || die "too many arguments. Usage: fetch-test-project.sh NAME [DEST_DIR]"

NAME=$1
ENTRY=""
for e in "${PROJECTS[@]}"; do
  if [ "${e%%|*}" = "$NAME" ]; then ENTRY=$e; fi
done
[ -n "$ENTRY" ] || die "$NAME: unknown test project. Run fetch-test-project.sh --list for the known names"
IFS='|' read -r _ VERSION POOL_PATH SHA256 _ _ <<<"$ENTRY"
DEST=${2:-./$NAME-$VERSION}
TARBALL=$TP_CACHE/${POOL_PATH##*/}

# Only ever remove a directory this script made.
case $DEST in
  / | . | .. | "$HOME" | "$HOME/") die "$NAME: refusing to unpack into $DEST. Pass a new directory as DEST_DIR" ;;
esac
if [ -e "$DEST" ] && [ ! -e "$DEST/$MARKER" ] && [ -n "$(ls -A "$DEST" 2>/dev/null || echo x)" ]; then
  die "$NAME: $DEST exists and was not unpacked by fetch-test-project. Remove it or pass another DEST_DIR"
fi

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$SHA256" ]; }

if ! sha_ok "$TARBALL"; then
  # shellcheck source-path=SCRIPTDIR source=lib/apt_sources.sh
  . "$ROOT/scripts/lib/apt_sources.sh"
  MIRROR=$(apt_archive_uri /) ||
    die "$NAME: no Debian archive to download from. Set LIBCDIFF_APT_MIRROR to the URI of a Debian archive or mirror"
  URI=${MIRROR%/}/pool/main/$POOL_PATH
  mkdir -p "$TP_CACHE"
  PART=$TARBALL.part.$$
  trap 'rm -f "$PART"' EXIT
  download "$URI" "$PART" ||
    die "$NAME: download of $URI failed. Check the network or set LIBCDIFF_APT_MIRROR to a reachable Debian mirror"
  if ! sha_ok "$PART"; then
    got=$(sha256sum "$PART" | cut -d' ' -f1)
    die "$NAME: sha256 mismatch for $URI: got $got, expected $SHA256. The mirror serves another file; check it, or update the pin in scripts/fetch-test-project.sh if Debian replaced the tarball"
  fi
  mv -f "$PART" "$TARBALL"
  trap - EXIT
fi

# Unpack afresh.
PARENT=$(dirname "$DEST")
mkdir -p "$PARENT"
TMP=$(mktemp -d "$PARENT/.fetch-$NAME.XXXXXX")
chmod 755 "$TMP"
trap 'rm -rf "$TMP"' EXIT
tar -xf "$TARBALL" -C "$TMP" --strip-components=1 --no-same-owner ||
  die "$NAME: could not unpack $TARBALL. Delete it so that the next run downloads it again"
echo "$NAME $VERSION $SHA256" >"$TMP/$MARKER"
rm -rf "$DEST"
mv "$TMP" "$DEST"
trap - EXIT
(cd "$DEST" && pwd)
