#!/bin/bash
# kill -9 of libcdiff in the middle of a run (issue 11): nothing it started may survive it — not the
# suite binary, not the DNS lab (unshare, dnsmasq, the responder), not the watchdog's cgroup. Then
# SIGTERM in the middle of a run: exit 143 (not 130, which means Ctrl-C), nothing left either.
#
# usage: kill_e2e.sh LIBCDIFF OUT_DIR BUILD_DIR
set -uo pipefail
libcdiff=$1 out=$2 build=$3
rm -rf "$out" && mkdir -p "$out"
fail() {
  echo "FAIL: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}
# assert_nothing_left PATTERN WHAT: no process whose command line matches PATTERN within 5 s (the
# watchdog, a fork of libcdiff with its command line, needs a moment to empty the cgroup and exit).
assert_nothing_left() {
  local left=""
  for _ in $(seq 1 100); do
    left=$(pgrep -af -- "$1" | grep -v -e pgrep -e kill_e2e || true)
    [ -z "$left" ] && return 0
    sleep 0.05
  done
  fail "processes outlived $2: $left"
}

"$libcdiff" run --targets musl,glibc --areas dns -o "$out/run" --build-dir "$build" >"$out/run.log" 2>&1 &
pid=$!
# The DNS suite runs for seconds inside the lab: wait until the lab's server is up.
for _ in $(seq 1 600); do
  pgrep -f -- "$out/run/logs/.*/dns-lab" >/dev/null && pgrep -x dnsmasq >/dev/null && break
  sleep 0.1
done
pgrep -f -- "$out/run/logs/.*/dns-lab" >/dev/null || { kill -9 "$pid"; fail "the DNS lab never started; see $out/run.log"; }
cgroup=$(grep -h '^0::' "/proc/$pid/cgroup" 2>/dev/null | cut -d: -f3)
before=$(pgrep -f -- "$out/run" | grep -vx "$pid" | wc -l)
sleep 0.3
kill -9 "$pid"
wait "$pid" 2>/dev/null

assert_nothing_left "$out/run" "kill -9 of libcdiff"
echo "ok: $before processes of the run (suite, lab, dnsmasq, responder) ended with libcdiff"
case $cgroup in
  */libcdiff-"$pid")
    mount=$(awk '$3 == "cgroup2" {print $2; exit}' /proc/self/mounts)
    for _ in $(seq 1 100); do [ -d "$mount$cgroup" ] || break; sleep 0.05; done
    [ -d "$mount$cgroup" ] && fail "the run's cgroup $mount$cgroup was not removed"
    echo "ok: the run's cgroup $cgroup is gone"
    ;;
  *) echo "note: libcdiff ran without its cgroup guard here (cgroup: ${cgroup:-none})" ;;
esac
[ -s "$out/run/run-musl.json" ] || fail "the run record written before the kill is missing"
echo "ok: the run record written before the kill is kept"

"$libcdiff" run --targets musl,glibc --areas dns -o "$out/term" --build-dir "$build" >"$out/term.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  pgrep -f -- "$out/term/logs/.*/dns-lab" >/dev/null && break
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid"
status=$?
[ "$status" = 143 ] || fail "SIGTERM: exit status $status, expected 143; see $out/term.log"
assert_nothing_left "$out/term" "SIGTERM of libcdiff"
echo "ok: SIGTERM exits 143 and leaves nothing"
echo "4 passed, 0 failed"
