#!/bin/bash
# The DNS lab for the docker engine, which cannot join a network namespace by path: a "holder"
# container owns the network namespace, the lab (lab.sh) is started inside that namespace with
# nsenter, and the suite's container joins it with --network container:HOLDER (notes: verified on
# this machine §5.4). The holder is removed when this script ends; the harness also removes it by
# name after every attempt, because a timeout kills this script with SIGKILL.
#
# usage: docker-holder.sh DOCKER HOLDER_NAME IMAGE -- LAB_LAUNCHER... COMMAND...
#   LAB_LAUNCHER is the usual unshare + lab.sh command line without --net.
set -euo pipefail
docker=$1 holder=$2 image=$3
shift 3
[ "${1:-}" = "--" ] && shift
fail() {
  echo "libcdiff: error: DNS lab holder $holder: $*" >&2
  exit 90
}
"$docker" run --detach --name "$holder" --network none --user 0:0 "$image" sleep 86400 >/dev/null ||
  fail "could not start the holder container from $image"
trap '"$docker" rm --force "$holder" >/dev/null 2>&1 || true' EXIT
pid=$("$docker" inspect --format '{{.State.Pid}}' "$holder") || fail "could not read its PID"
[ -n "$pid" ] && [ "$pid" != 0 ] || fail "it is not running"
set +e
nsenter --target "$pid" --net -- "$@"
status=$?
exit "$status"
