#!/bin/bash
# End-to-end checks of the container path that need a real engine (issue 6's acceptance), run by
# ctest. Each prints what it checked and exits non-zero with the reason on the first failure.
#
# usage: container_e2e.sh LIBCDIFF OUT_DIR CHECK
#   fails-fast   `run --targets alpine:3.20` without a registry: exit 3, one line, nothing left
#   docker-cli   the Docker CLI code path against podman's Docker-compatible API socket
#   sigint       Ctrl-C during a container run leaves no container, store, mount or process
#   debian       docker/debian.Dockerfile on an mmdebstrap-bootstrapped debian:12-slim stand-in
#   scan-image   `libcdiff scan` of an image podman built and saved (docker and OCI archives, reference)
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

# DESIGN §8's podman settings for a private store: runc, cgroupfs, ulimits within the hard limits.
write_containers_conf() {
  local nproc
  nproc=$(( $(ulimit -Hu) < $(cat /proc/sys/kernel/pid_max) ? $(ulimit -Hu) : $(cat /proc/sys/kernel/pid_max) ))
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n' \
    "$(ulimit -Hn)" "$(ulimit -Hn)" "$nproc" "$nproc" >"$1"
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
    write_containers_conf "$svc/containers.conf"
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
      --acknowledgements "$repo/harness/testing/data/e2e-open-findings.toml" >"$out/run.log" 2>&1
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
    # issue 14: `env debian:12 -- CMD` builds in the image's toolchain stage, into the current directory
    mkdir -p "$out/env" && cd "$out/env" || fail "no $out/env"
    printf '#include <stdio.h>\nint main(void){puts("built in the image");return 0;}\n' >hello.c
    "$libcdiff" env debian:12 -- sh -c 'gcc --version | head -1 && gcc hello.c -o hello && ./hello' >env.log 2>&1 ||
      { cat env.log; fail "env debian:12 -- gcc failed"; }
    grep -q "gcc (Debian 12" env.log || { cat env.log; fail "env debian:12 did not use Debian's gcc"; }
    grep -q "built in the image" env.log || fail "the program built in the image did not run there"
    readelf -l hello | grep -q "/lib64/ld-linux-x86-64.so.2" || fail "hello does not name glibc's loader"
    cd - >/dev/null || fail "cd back"
    ok "env debian:12 built a program in the image's toolchain stage, into the host directory"
    assert_nothing_left
    ;;

  scan-image)
    # issue 13: an image the container backend built (podman build on the offline musl base, two
    # programs added), saved by podman as a docker archive and as an OCI archive, and named by
    # reference: `libcdiff scan` reads each inside the image's own root.
    svc=$(mktemp -d /var/tmp/libcdiff-scan.XXXXXX)
    write_containers_conf "$svc/containers.conf"
    printf '[storage]\ndriver = "vfs"\ngraphroot = "%s/store"\nrunroot = "%s/run"\n' "$svc" "$svc" >"$svc/storage.conf"
    export CONTAINERS_CONF=$svc/containers.conf CONTAINERS_STORAGE_CONF=$svc/storage.conf
    cleanup() {
      podman rmi --all --force >/dev/null 2>&1
      grep "$svc" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l
      rm -rf "$svc"
    }
    trap cleanup EXIT
    musl_so=$cache/musl-1.2.5/root/usr/lib/x86_64-linux-musl/libc.so
    musl_gcc=$cache/musl-1.2.5/root/usr/bin/x86_64-linux-musl-gcc
    [ -x "$musl_gcc" ] || fail "$musl_gcc is missing; run scripts/setup.sh"
    bash "$repo/docker/local/assemble.sh" --libc musl --loader "$musl_so" --out "$out/base.tar" >"$out/assemble.log" 2>&1 ||
      fail "assemble.sh failed; see $out/assemble.log"
    podman import "$out/base.tar" localhost/libcdiff-scan-base:e2e >"$out/podman.log" 2>&1 || fail "podman import failed"
    mkdir -p "$out/ctx"
    printf '#include <stdio.h>\n#include <string.h>\nint main(void) { return puts(strerror(2)) < 0; }\n' >"$out/ctx/musl.c"
    printf '#include <execinfo.h>\nint main(void) { void* f[4]; return backtrace(f, 4) < 0; }\n' >"$out/ctx/glibc.c"
    "$musl_gcc" -O1 "$out/ctx/musl.c" -o "$out/ctx/hello-musl" || fail "musl-gcc failed"
    gcc -O1 "$out/ctx/glibc.c" -o "$out/ctx/hello-glibc" || fail "gcc failed"
    # RUN proves the musl program starts under the image's own musl loader.
    printf 'FROM localhost/libcdiff-scan-base:e2e\nCOPY hello-musl hello-glibc /usr/bin/\nRUN ["/usr/bin/hello-musl"]\n' >"$out/ctx/Containerfile"
    podman build --network none -t localhost/libcdiff-scan:e2e "$out/ctx" >"$out/build.log" 2>&1 ||
      fail "podman build failed; see $out/build.log"
    podman save --format docker-archive -o "$out/docker.tar" localhost/libcdiff-scan:e2e >>"$out/podman.log" 2>&1 || fail "podman save (docker) failed"
    podman save --format oci-archive -o "$out/oci.tar" localhost/libcdiff-scan:e2e >>"$out/podman.log" 2>&1 || fail "podman save (oci) failed"
    for input in docker:"$out/docker.tar" oci:"$out/oci.tar" reference:localhost/libcdiff-scan:e2e; do
      name=${input%%:*} path=${input#*:}
      "$libcdiff" scan "$path" --engine podman --comparison none -o "$out/scan-$name" >"$out/scan-$name.log" 2>&1
      status=$?
      [ "$status" = 1 ] || fail "scan of the $name image exited $status, expected 1 (hello-glibc needs a rebuild); see $out/scan-$name.log"
      python3 - "$out/scan-$name/scan.json" <<'PY' || fail "scan of the $name image: wrong verdicts (above)"
import json, sys
j = json.load(open(sys.argv[1]))
v = {b["path"]: b for b in j["binaries"]}
want = {"/usr/bin/hello-musl": ("loads", "musl"), "/usr/bin/hello-glibc": ("needs-rebuild", "glibc"),
        "/bin/busybox": ("not-dynamic", "none")}
bad = [p + ": " + (v[p]["verdict"] + " " + v[p]["linked_libc"] if p in v else "absent")
       for p, (verdict, libc) in want.items() if p not in v or (v[p]["verdict"], v[p]["linked_libc"]) != (verdict, libc)]
missing = [m["name"] for m in v.get("/usr/bin/hello-glibc", {}).get("missing", [])]
if missing != ["backtrace"]: bad.append("hello-glibc misses %s, expected backtrace" % missing)
print("%s: %d binaries, %s" % (sys.argv[1], len(j["binaries"]), "; ".join(bad) or "verdicts as expected"))
sys.exit(1 if bad else 0)
PY
      [ -e "$out/scan-$name/.unpacked" ] && fail "the unpacked $name image was left in $out/scan-$name"
    done
    ok "podman's docker archive, OCI archive and image reference scan with the right verdicts"
    ;;

  *) fail "unknown check '$check'" ;;
esac
