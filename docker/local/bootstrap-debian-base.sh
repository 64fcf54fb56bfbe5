#!/bin/bash
# Bootstraps a Debian base image root file system with mmdebstrap, standing in for the registry's
# debian:<version>-slim where no registry is reachable, and stores it where libcdiff looks for
# offline base images: <cache>/images/debian_<version>-slim.rootfs.tar. Then
# `libcdiff run --targets debian:<version>` builds docker/debian.Dockerfile on it.
#
# usage: bootstrap-debian-base.sh VERSION   (12 or bookworm, 13 or trixie)
# Idempotent: an existing tarball is kept. Needs root (mmdebstrap's root mode) and Debian's archive,
# reached as the host's apt reaches it: the URI from its sources (or LIBCDIFF_APT_MIRROR) and its proxy
# settings (mmdebstrap does not read the host's apt.conf.d).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../scripts/lib/apt_sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/apt_sources.sh"
version=${1:?usage: bootstrap-debian-base.sh VERSION (12, 13, bookworm, trixie)}
case $version in
  12 | bookworm) suite=bookworm number=12 ;;
  13 | trixie) suite=trixie number=13 ;;
  *) echo "libcdiff: error: $version: not a Debian release this script knows. Use 12 (bookworm) or 13 (trixie)" >&2; exit 2 ;;
esac
cache=${LIBCDIFF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/libcdiff}
out=$cache/images/debian_$number-slim.rootfs.tar
if [ -s "$out" ]; then
  echo "libcdiff: Debian $number base image already bootstrapped: $out"
  exit 0
fi
command -v mmdebstrap >/dev/null || {
  echo "libcdiff: error: mmdebstrap: not installed. Run scripts/setup.sh (it installs mmdebstrap)" >&2
  exit 3
}
mirror=$(apt_archive_uri /) || exit 3
proxy_opts=()
while IFS= read -r line; do proxy_opts+=("--aptopt=$line"); done < <(apt_proxy_aptopts)
mkdir -p "$cache/images"
echo "libcdiff: bootstrapping Debian $suite (minbase, slim) from $mirror into $out ..."
# minbase plus the path exclusions Debian's own -slim images use; /etc/hosts because mmdebstrap
# leaves none and the cases must see localhost (notes: verified-on-this-machine §4).
mmdebstrap --variant=minbase --mode=root --format=tar --skip=check/empty "${proxy_opts[@]}" \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='printf "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" >"$1/etc/hosts"' \
  --customize-hook='printf "nameserver 127.0.0.1\n" >"$1/etc/resolv.conf"' \
  "$suite" "$out.tmp" "$mirror"
mv "$out.tmp" "$out"
echo "libcdiff: done: $out ($(du -h "$out" | cut -f1))"
