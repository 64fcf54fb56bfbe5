#!/bin/bash
# End-to-end checks of the container path that need a real engine (issue 6's acceptance), run by
# ctest. Each prints what it checked and exits non-zero with the reason on the first failure.
#
# usage: container_e2e.sh LIBCDIFF OUT_DIR CHECK
#   fails-fast   `run --targets alpine:3.20` without a registry: exit 3, one line, nothing left
#   docker-cli   the Docker CLI code path against podman's Docker-compatible API socket
#   sigint       Ctrl-C during a container run leaves no container, store, mount or process
#   debian       docker/debian.Dockerfile on an mmdebstrap-bootstrapped debian:12-slim stand-in
set -uo pipefail
libcdiff=$1 out=$2 check=$3
cache=${LIBCDIFF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/libcdiff}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"

fail() {
  echo "FAIL ($check): $*" >&2
  exit 1
}
ok() { echo "ok ($check): $*"; }

# Nothing of a run may outlive it: no state directory, no mount and no process that names one.
assert_nothing_left() {
  # State lives in <cache>/containers/<run> and podman's run root in /tmp/libcdiff-XXXXXX.
  local leftovers pattern="$cache/containers/|/tmp/libcdiff-[A-Za-z0-9]{6}(/|\$| )"
  leftovers=$( (find "$cache/containers" -mindepth 1 -maxdepth 1 -newer "$out"
    find /tmp -maxdepth 1 -regextype egrep -regex '/tmp/libcdiff-[A-Za-z0-9]{6}' -newer "$out") 2>/dev/null)
  [ -z "$leftovers" ] || fail "container state left behind: $leftovers"
  grep -Eq "$pattern" /proc/self/mountinfo && fail "mounts left: $(grep -E "$pattern" /proc/self/mountinfo | head -3)"
  pgrep -af -- "$cache/containers/|/tmp/libcdiff-" | grep -v -e pgrep -e container_e2e >/dev/null &&
    fail "processes left: $(pgrep -af -- "$cache/containers/|/tmp/libcdiff-" | grep -v -e pgrep -e container_e2e)"
  ok "no container state, mount or process left behind"
}

case $check in
  fails-fast)
    "$libcdiff" run --targets alpine:3.20 -o "$out/run" >"$out/stdout" 2>"$out/stderr"
    status=$?
    [ "$status" = 3 ] || fail "exit status $status, expected 3; stderr: $(cat "$out/stderr")"
    [ "$(wc -l <"$out/stderr")" = 1 ] || fail "expected one line on stderr, got: $(cat "$out/stderr")"
    grep -q '^libcdiff: error: target alpine:3.20: image docker.io/library/alpine:3.20 cannot be pulled' "$out/stderr" ||
      fail "unexpected message: $(cat "$out/stderr")"
    grep -q 'images/alpine_3.20.tar' "$out/stderr" || fail "the message does not say where an offline copy goes"
    ok "exit 3 with: $(cat "$out/stderr")"
    assert_nothing_left
    ;;

  docker-cli)
    # A private podman API service stands in for dockerd; the harness only sees DOCKER_HOST.
    export PATH="$cache/docker-cli/bin:$PATH"
    command -v docker >/dev/null || fail "no docker CLI (scripts/setup.sh puts Debian's in $cache/docker-cli/bin)"
    svc=$(mktemp -d /var/tmp/libcdiff-docker-api.XXXXXX)
    printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n' \
      "$(ulimit -Hn)" "$(ulimit -Hn)" "$(( $(ulimit -Hu) < $(cat /proc/sys/kernel/pid_max) ? $(ulimit -Hu) : $(cat /proc/sys/kernel/pid_max) ))" \
      "$(( $(ulimit -Hu) < $(cat /proc/sys/kernel/pid_max) ? $(ulimit -Hu) : $(cat /proc/sys/kernel/pid_max) ))" >"$svc/containers.conf"
    podman_flags=(--root "$svc/store" --runroot "$svc/run" --tmpdir "$svc/libpod")
    CONTAINERS_CONF=$svc/containers.conf podman "${podman_flags[@]}" system service --time=0 "unix://$svc/api.sock" \
      >"$out/api-service.log" 2>&1 &
    service=$!
    stop_service() {
      kill "$service" 2>/dev/null
      wait "$service" 2>/dev/null
      CONTAINERS_CONF=$svc/containers.conf podman "${podman_flags[@]}" rm --all --force >/dev/null 2>&1
      grep "$svc" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l
      rm -rf "$svc"
    }
    trap stop_service EXIT
    export DOCKER_HOST=unix://$svc/api.sock
    for _ in $(seq 1 100); do docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && break; sleep 0.1; done
    docker version --format '{{.Server.Version}}' >/dev/null 2>&1 || fail "podman's API service did not come up; see $out/api-service.log"
    "$libcdiff" run --engine docker --targets musl-image,glibc-image --areas math,users-nss,dns,locale -o "$out/run" \
      >"$out/run.log" 2>&1
    status=$?
    [ "$status" = 0 ] || fail "run through the docker CLI exited $status; see $out/run.log"
    grep -q '"container": "docker, image' "$out/run/run-musl-image.json" || fail "the record does not say docker ran it"
    grep -q '"id": "Math.ElementaryFunctionsAgreeBitForBit"' "$out/run/comparison.json" || fail "math did not run"
    # The DNS lab reaches docker's containers through a holder container (suites/dns/lab/docker-holder.sh).
    python3 - "$out/run/comparison.json" <<'PY' || fail "DNS cases did not run through the docker path (above)"
import json, sys
cases = [c for c in json.load(open(sys.argv[1]))["cases"] if c["area"] == "dns"]
bad = [c["id"] + ": " + c["class"] + " " + c.get("reason", "") for c in cases if c["class"] in ("skipped", "crash", "timeout", "unexpected-difference")]
print("%d DNS cases through docker, %d not clean" % (len(cases), len(bad)))
for b in bad: print("  " + b)
sys.exit(1 if bad or len(cases) < 20 else 0)
PY
    ok "musl-image vs glibc-image ran through the docker CLI, DNS lab included"
    [ -z "$(docker ps --all --quiet)" ] || fail "containers left: $(docker ps --all)"
    docker images --format '{{.Repository}}' | grep -q libcdiff && fail "images left: $(docker images)"
    ok "the docker path removed its containers and images"
    ;;

  sigint)
    "$libcdiff" run --targets musl-image,glibc-image --areas dns,locale -o "$out/run" >"$out/run.log" 2>&1 &
    run=$!
    # Interrupt while a container is running: the DNS suite of the first target takes seconds.
    for _ in $(seq 1 600); do [ -e "$out/run/logs/musl-image/dns.attempt1.log" ] && break; sleep 0.1; done
    [ -e "$out/run/logs/musl-image/dns.attempt1.log" ] || { kill "$run"; fail "the run never started a container; see $out/run.log"; }
    sleep 0.5
    kill -INT "$run"
    wait "$run"
    status=$?
    [ "$status" = 130 ] || fail "interrupted run exited $status, expected 130; see $out/run.log"
    [ -s "$out/run/run-musl-image.json" ] || fail "the run record was lost"
    ok "interrupted run exited 130 and kept its record"
    assert_nothing_left
    ;;

  debian)
    bash "$repo/docker/local/bootstrap-debian-base.sh" 12 || fail "could not bootstrap the Debian base image"
    "$libcdiff" run --targets debian:12 -o "$out/run" >"$out/run.log" 2>&1
    status=$?
    [ "$status" = 0 ] || fail "debian:12 run exited $status; see $out/run.log"
    record=$out/run/run-debian-12.json
    python3 - "$record" <<'PY' || fail "record checks failed (above)"
import json, sys
r = json.load(open(sys.argv[1]))
problems = []
if r["provenance"]["libc"]["family"] != "glibc": problems.append("libc family " + r["provenance"]["libc"]["family"])
if not r["provenance"]["libc"]["package_version"].startswith("2.36"): problems.append("libc6 package " + r["provenance"]["libc"]["package_version"])
for key in ("image.build", "image.runtime"):
    if r["footprint"].get(key, 0) <= 0: problems.append("no " + key + " size")
for s in r["suites"]:
    if s["status"] not in ("ok", "recovered"): problems.append(s["area"] + ": " + s["status"] + " " + s["message"])
cases = [c for c in r["cases"] if c["outcome"] in ("pass", "skip")]
if len(cases) < 100: problems.append("only %d cases passed or skipped" % len(cases))
print("debian:12: %d cases, %d suites, libc6 %s, image %s bytes" % (len(r["cases"]), len(r["suites"]),
      r["provenance"]["libc"]["package_version"], r["footprint"].get("image.runtime")))
for p in problems: print("problem:", p)
sys.exit(1 if problems else 0)
PY
    ok "docker/debian.Dockerfile built and ran every suite on the bootstrapped base"
    assert_nothing_left
    ;;

  *) fail "unknown check '$check'" ;;
esac
