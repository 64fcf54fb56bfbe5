#!/bin/bash
# Regression test (issue 11): as non-root the lab's dnsmasq cannot drop to root's group and dies right
# after writing its pid file. The lab must then run the suite with LIBCDIFF_DNS_LAB_UNAVAILABLE set
# (its cases skip with the reason) instead of claiming a lab whose server is not there. Needs root to
# become an unprivileged user, and unprivileged user namespaces; otherwise it says why and passes.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
  echo "skip: needs root and setpriv to run the lab as an unprivileged user"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 0777 "$work"
# The unprivileged user must be able to read the lab's scripts wherever the checkout lives (a clone
# in a 0700 directory made by mktemp -d, a home directory): run a copy from the work directory.
cp "$here/lab.sh" "$here/responder.py" "$work/"
chmod 0755 "$work/lab.sh" "$work/responder.py"
as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
if ! "${as_nobody[@]}" unshare --user --map-root-user --net true 2>/dev/null; then
  echo "skip: unprivileged user namespaces are disabled here"
  exit 0
fi
out=$("${as_nobody[@]}" unshare --user --map-root-user --net --mount --pid --fork --kill-child --mount-proc \
  /bin/bash "$work/lab.sh" "$work/lab" sh -c 'echo "lab=${LIBCDIFF_DNS_LAB:-} unavailable=${LIBCDIFF_DNS_LAB_UNAVAILABLE:-}"' 2>&1)
echo "$out"
case $out in
  *"lab= unavailable=DNS lab unavailable: dnsmasq did not start ("*) echo "1 passed, 0 failed" ;;
  *)
    echo "FAIL: the suite must run with LIBCDIFF_DNS_LAB_UNAVAILABLE and without LIBCDIFF_DNS_LAB"
    echo "0 passed, 1 failed"
    exit 1
    ;;
esac
