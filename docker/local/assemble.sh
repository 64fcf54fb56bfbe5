#!/bin/bash
# Assembles a minimal runtime image's root file system from what Debian packages put on this
# machine, with no registry (DESIGN §8): busybox-static for a shell and tools, plus either
#   musl:  one musl libc.so, installed as /lib/ld-musl-x86_64.so.1 (musl's loader is its libc), or
#   glibc: the files of Debian's libc6 and libcrypt1 packages (both Essential: in every Debian
#          image) and C.utf8.
# Nothing else: no tzdata, no locale archive. The cases that notice are reported as image
# differences (docker/local/image-differences.toml), which is what a move to a minimal image costs.
#
# usage: assemble.sh --libc musl --loader LIBC_SO [--loader-alias PATH]... --out ROOTFS.tar
#        assemble.sh --libc glibc --out ROOTFS.tar
# --loader-alias adds a symlink at PATH to the loader, so binaries linked with the local musl
# target's loader path (in the cache) run unchanged.
set -euo pipefail

die() {
  echo "libcdiff: error: docker/local/assemble.sh: $*" >&2
  exit 2
}

libc="" loader="" out=""
aliases=()
while [ $# -gt 0 ]; do
  case $1 in
    --libc) libc=$2; shift 2 ;;
    --loader) loader=$2; shift 2 ;;
    --loader-alias) aliases+=("$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) die "unknown argument '$1'. See the usage at the top of the script" ;;
  esac
done
[ -n "$out" ] || die "--out is required. Pass the tarball to write"
busybox=/bin/busybox
file "$busybox" 2>/dev/null | grep -q 'statically linked' || ldd "$busybox" 2>&1 | grep -q 'not a dynamic' ||
  die "$busybox is not the static busybox. Install busybox-static (scripts/setup.sh does)"

root=$(mktemp -d "${TMPDIR:-/tmp}/libcdiff-rootfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"  # mktemp made it 0700: it becomes the image's /
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,etc,tmp,proc,sys,dev,root,home/libcdiff,var/tmp}
chmod 1777 "$root/tmp" "$root/var/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done

case $libc in
  musl)
    [ -f "$loader" ] || die "--loader '$loader' is not a file. Pass the musl libc.so (scripts/setup.sh unpacks it)"
    cp -L "$loader" "$root/lib/ld-musl-x86_64.so.1"
    ln -s ld-musl-x86_64.so.1 "$root/lib/libc.musl-x86_64.so.1"  # Alpine's name for it
    for alias in "${aliases[@]}"; do
      mkdir -p "$root$(dirname "$alias")"
      ln -sf /lib/ld-musl-x86_64.so.1 "$root$alias"
    done
    ;;
  glibc)
    dpkg-query -W libc6 >/dev/null 2>&1 || die "Debian's libc6 is not installed. This script needs a Debian host"
    # Every file libc6 installed except documentation, as it is on the host (symlinks kept). The host
    # is merged-/usr, so each file goes to its real directory and /lib, /lib64 become the same links.
    mkdir -p "$root/usr/lib" "$root/usr/lib64"
    rmdir "$root/lib" && ln -s usr/lib "$root/lib" && ln -s usr/lib64 "$root/lib64"
    dpkg -L libc6 libcrypt1 | grep -Ev '^/usr/share/(doc|man|lintian|info)' | while read -r path; do
      [ -L "$path" ] || [ -f "$path" ] || continue
      case $path in /lib | /lib64 | /bin | /sbin) continue ;; esac
      dir=$(realpath "$(dirname "$path")")
      mkdir -p "$root$dir"
      cp -a "$path" "$root$dir/"
    done
    # libc-bin's C.UTF-8, present in every Debian image; no other locale (no locale-archive).
    if [ -d /usr/lib/locale/C.utf8 ]; then
      mkdir -p "$root/usr/lib/locale" && cp -a /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
    fi
    printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\n' >"$root/etc/nsswitch.conf"
    # Without "multi on" glibc returns only the first /etc/hosts line for a name (Debian ships it).
    printf 'multi on\n' >"$root/etc/host.conf"
    ;;
  *) die "--libc must be musl or glibc, not '$libc'. Pass one of them" ;;
esac

printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
printf 'nameserver 127.0.0.1\n' >"$root/etc/resolv.conf"
printf 'root:x:0:0:root:/root:/bin/sh\nlibcdiff:x:1000:1000:libcdiff:/home/libcdiff:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nlibcdiff:x:1000:\nnogroup:x:65534:\n' >"$root/etc/group"
chown 1000:1000 "$root/home/libcdiff"

tar -C "$root" --numeric-owner -cf "$out.tmp" . && mv "$out.tmp" "$out"
