#!/usr/bin/env bash
# Tests scripts/lib/steps.sh, the step machinery of scripts/setup.sh, with fake steps in a scratch
# cache: a failing step is never stamped, an interrupted setup keeps nothing of its step and leaves
# no process of it behind, a finished step is stamped and skipped next time, step processes do not
# hold setup's lock, and a busy lock is reported at once. No network, no root, a few seconds.
#
# usage: scripts/tests/steps_test.sh     (STEPS_LIB=FILE tests another copy of the library)
# Last line: "N passed, M failed"; exit status 1 if any failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LIB=${STEPS_LIB:-$ROOT/scripts/lib/steps.sh}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/libcdiff-steps-test.XXXXXX")
# Every process a fake step starts carries MARK in its command line, so the test can tell whether
# any survived, and end them by pid afterwards.
MARK=libcdiff-steps-test-$$
passed=0
failed=0

leftovers() { pgrep -f -- "$MARK-" || true; }
cleanup() {
  local pids
  pids=$(leftovers)
  # shellcheck disable=SC2086 # a list of pids
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

pass() {
  passed=$((passed + 1))
  echo "ok   $1"
}
fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
  shift
  local line
  for line in "$@"; do echo "     $line"; done
}
# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
  local name=$1
  shift
  if "$@"; then pass "$name"; else fail "$name" "$(printf '%q ' "$@")"; fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
absent() { [ ! -e "$1" ]; }
equals() { [ "$1" = "$2" ]; }

# A stand-in for setup.sh: the same calls in the same order, with fake steps that build one entry.
cat >"$SCRATCH/fake_setup.sh" <<'EOF'
set -euo pipefail
LIB=$1 CACHE=$2 scenario=$3
ROOT=$CACHE LOGS=$CACHE/logs VERBOSE=${VERBOSE:-0}
mkdir -p "$LOGS"
# shellcheck source=/dev/null
source "$LIB"
steps_lock "$CACHE/.setup.lock" "${LOCK_WAIT:-1800}"
steps_trap_signals
DEST=$CACHE/entry TMP=$CACHE/entry.tmp KEY=key-v1

# The bug report: a step whose middle command fails must not go on to publish.
step_fails_midway() {
  rm -rf "$TMP" && mkdir -p "$TMP/lib"
  touch "$TMP/lib/libunwind.a"
  false
  touch "$TMP/lib/libc++.a"
  publish "$TMP" "$DEST" "$KEY"
}
step_misses_output() {
  rm -rf "$TMP" && mkdir -p "$TMP/lib"
  expect_files "$TMP/lib/libc++.a" "$TMP/lib/libunwind.a"
  publish "$TMP" "$DEST" "$KEY"
}
# Partial output, then processes of every kind a build starts, then a long foreground command.
step_hangs() {
  rm -rf "$TMP" && mkdir -p "$TMP/lib"
  touch "$TMP/lib/libunwind.a"
  (exec -a "$MARK-child" sleep 1000) &
  ( (exec -a "$MARK-orphan" sleep 1000) & ) # double fork: reparented to init at once
  ( (exec -a "$MARK-grandchild" sleep 1000) & wait ) &
  # like ninja: a compiler in a process group of its own
  ( set -m; (exec -a "$MARK-own-group" sleep 1000) & wait ) &
  setsid bash -c 'exec -a "$0" sleep 1000' "$MARK-setsid" &
  sleep 0.3
  touch "$CACHE/ready"
  (exec -a "$MARK-foreground" sleep 1000)
  publish "$TMP" "$DEST" "$KEY"
}
# A real ninja: it puts every job in a process group of its own, out of reach of a group kill.
step_ninja_hangs() {
  rm -rf "$TMP" && mkdir -p "$TMP"
  printf '%s\n' 'rule hang' "  command = bash -c 'exec -a $MARK-ninja-job-\$out sleep 1000'" \
    'rule ready' "  command = touch $CACHE/ready" \
    'build a: hang' 'build b: hang' 'build r: ready' >"$TMP/build.ninja"
  (exec -a "$MARK-ninja" ninja -C "$TMP" -j3)
  publish "$TMP" "$DEST" "$KEY"
}
step_ok() {
  rm -rf "$TMP" && mkdir -p "$TMP"
  echo "step output line"
  echo built >"$TMP/content"
  publish "$TMP" "$DEST" "$KEY"
}
# Records which fds a child of the step has, and leaves a process behind, as a stray ninja would.
step_leaves_process() {
  rm -rf "$TMP" && mkdir -p "$TMP"
  sh -c 'ls /proc/$$/fd' >"$CACHE/child-fds"
  (exec -a "$MARK-stray" sleep 1000) >/dev/null 2>&1 &
  publish "$TMP" "$DEST" "$KEY"
}

case $scenario in
  # A step that ended well, but was not yet reaped when the signal came: what it published stays.
  finished-then-signal)
    step_ok >/dev/null
    (exit 0) &
    STEP_PID=$! STEP_NAME=entry STEP_TMP=$TMP
    sleep 0.2
    steps_interrupted 130
    ;;
  fails) is_done "$DEST" "$KEY" || run_step --tmp "$TMP" entry step_fails_midway ;;
  fails-in-condition) if ! is_done "$DEST" "$KEY"; then if ! run_step entry step_fails_midway; then exit 9; fi; fi ;;
  misses-output) run_step --tmp "$TMP" entry step_misses_output ;;
  ninja-hangs) run_step --tmp "$TMP" entry step_ninja_hangs ;;
  hangs) is_done "$DEST" "$KEY" || run_step --tmp "$TMP" entry step_hangs ;;
  ok) is_done "$DEST" "$KEY" || run_step --tmp "$TMP" entry step_ok ;;
  leaves-process) run_step --tmp "$TMP" entry step_leaves_process ;;
esac
say ready
EOF

# new_cache NAME: an empty cache directory for one test.
new_cache() {
  rm -rf "${SCRATCH:?}/$1"
  mkdir -p "$SCRATCH/$1"
  echo "$SCRATCH/$1"
}
# run_setup CACHE SCENARIO: runs the fake setup to its end; output in CACHE/out, CACHE/err.
run_setup() {
  MARK=$MARK bash "$SCRATCH/fake_setup.sh" "$LIB" "$1" "$2" >"$1/out" 2>"$1/err" 8>&- 9>&-
}
# start_setup CACHE SCENARIO: starts it in the background, in its own process group as a command
# started from a terminal is (a background job of a script would ignore SIGINT); pid in $setup_pid.
start_setup() {
  set -m
  MARK=$MARK bash "$SCRATCH/fake_setup.sh" "$LIB" "$1" "$2" >"$1/out" 2>"$1/err" 8>&- 9>&- &
  setup_pid=$!
  set +m
}
# wait_for SECONDS COMMAND...: polls until COMMAND succeeds.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.1
  done
}
# finish_setup SECONDS: waits for the background setup; its status in $setup_rc (124: it hung).
finish_setup() {
  # shellcheck disable=SC2016 # expanded by eval
  if wait_for "$1" eval '! kill -0 "$setup_pid" 2>/dev/null || [ "$(ps -o stat= -p "$setup_pid")" = Z ]'; then
    wait "$setup_pid"
    setup_rc=$?
  else
    kill -KILL "$setup_pid" 2>/dev/null
    wait "$setup_pid"
    setup_rc=124
  fi
}
# shellcheck disable=SC2016 # expanded by eval
no_leftovers() { wait_for 2 eval '[ -z "$(leftovers)" ]'; }

# --- (a) a failing command in the middle of a step fails the step; nothing is stamped -------------
c=$(new_cache fails)
run_setup "$c" fails
check "a: setup exits 3 when a step's middle command fails" equals "$?" 3
check "a: the failed step is not published" absent "$c/entry"
check "a: ... nor stamped in its temporary directory" absent "$c/entry.tmp/.libcdiff-done"
check "a: the failed step's error names it" contains "$c/err" "libcdiff: error: setup step 'entry' failed"
check "a: no 'done' for the failed step" lacks "$c/out" "entry done"
check "a: setup does not say ready" lacks "$c/out" "ready"

c=$(new_cache fails-in-condition)
run_setup "$c" fails-in-condition
check "a: run_step called from a condition exits 3" equals "$?" 3
check "a: ... and stamps nothing" absent "$c/entry"
check "a: ... and says why" contains "$c/err" "run_step is called from a condition"

c=$(new_cache misses-output)
run_setup "$c" misses-output
check "a: expect_files fails a step whose output is missing" equals "$?" 3
check "a: ... which is not published" absent "$c/entry"
check "a: ... and the log names the missing file" contains "$c/logs/entry.log" "expected $c/entry.tmp/lib/libc++.a"

# --- (b) SIGINT / SIGTERM during a step: no stamp, 130 / 143, no process left, a message ------------
for sig in INT TERM; do
  c=$(new_cache "hangs-$sig")
  start_setup "$c" hangs
  if ! wait_for 10 test -e "$c/ready"; then
    fail "b/$sig: the hanging step did not start" "$(cat "$c/out" "$c/err")"
    finish_setup 1
    continue
  fi
  # Ctrl-C signals the terminal's whole foreground process group; kill(1) signals one process.
  if [ "$sig" = INT ]; then kill -INT -- "-$setup_pid"; else kill -TERM "$setup_pid"; fi
  finish_setup 15
  expected=130
  [ "$sig" = TERM ] && expected=143
  check "b/$sig: setup exits $expected" equals "$setup_rc" "$expected"
  check "b/$sig: the interrupted step is not published" absent "$c/entry"
  check "b/$sig: its temporary directory is removed" absent "$c/entry.tmp"
  check "b/$sig: the interruption is reported" contains "$c/err" "setup: interrupted during entry; nothing of it was kept"
  check "b/$sig: no 'done' for the interrupted step" lacks "$c/out" "entry done"
  if no_leftovers; then
    pass "b/$sig: no process of the step is left (children, orphans, own process group, setsid)"
  else
    fail "b/$sig: processes of the step are left" "$(ps -o pid,pgid,args -p "$(leftovers | paste -sd,)")"
    cleanup_pids=$(leftovers)
    # shellcheck disable=SC2086 # a list of pids
    [ -n "$cleanup_pids" ] && kill -KILL $cleanup_pids 2>/dev/null
  fi
done

# The user's report: ninja and the compilers it started outlived setup. Needs ninja (setup installs it).
if command -v ninja >/dev/null; then
  for sig in INT TERM; do
    c=$(new_cache "ninja-$sig")
    start_setup "$c" ninja-hangs
    if wait_for 10 test -e "$c/ready"; then
      if [ "$sig" = INT ]; then kill -INT -- "-$setup_pid"; else kill -TERM "$setup_pid"; fi
      finish_setup 15
      check "b/ninja/$sig: setup exits with 128+SIG$sig" equals "$setup_rc" "$([ "$sig" = INT ] && echo 130 || echo 143)"
      check "b/ninja/$sig: ninja and its jobs are ended" no_leftovers
      check "b/ninja/$sig: its build directory is removed" absent "$c/entry.tmp"
    else
      fail "b/ninja/$sig: ninja did not start its jobs" "$(cat "$c/out" "$c/err" "$c/logs/entry.log")"
      finish_setup 1
    fi
  done
else
  echo "skip b/ninja: ninja is not installed"
fi

c=$(new_cache finished-then-signal)
run_setup "$c" finished-then-signal
check "b: a signal after the step finished exits 130" equals "$?" 130
check "b: ... keeps what the step published" equals "$(cat "$c/entry/.libcdiff-done" 2>/dev/null)" key-v1
check "b: ... and says so" contains "$c/err" "setup: interrupted after entry had finished; it was kept"

# The same in verbose mode, where a log follower runs beside the step.
c=$(new_cache hangs-verbose)
VERBOSE=1 start_setup "$c" hangs
if wait_for 10 test -e "$c/ready"; then
  kill -INT -- "-$setup_pid"
  finish_setup 15
  check "b/verbose: setup exits 130" equals "$setup_rc" 130
  check "b/verbose: no process of the step is left" no_leftovers
else
  fail "b/verbose: the hanging step did not start" "$(cat "$c/out" "$c/err")"
  finish_setup 1
fi

# --- (c) a finished step is stamped; a second setup skips it --------------------------------------
c=$(new_cache ok)
run_setup "$c" ok
check "c: setup exits 0" equals "$?" 0
check "c: the entry is published" contains "$c/entry/content" built
check "c: ... and stamped with its recipe key" equals "$(cat "$c/entry/.libcdiff-done" 2>/dev/null)" key-v1
check "c: the step says done" contains "$c/out" "setup: entry done"
check "c: the step's output went to its log" contains "$c/logs/entry.log" "step output line"
run_setup "$c" ok
check "c: a second setup exits 0" equals "$?" 0
check "c: ... and skips the finished step" lacks "$c/out" "entry ..."

c=$(new_cache ok-verbose)
VERBOSE=1 run_setup "$c" ok
check "c/verbose: setup exits 0" equals "$?" 0
check "c/verbose: the step's output is shown" contains "$c/out" "step output line"
check "c/verbose: ... before 'done'" equals "$(grep -oE 'step output line|entry done' "$c/out" | paste -sd'|')" "step output line|entry done"

# --- (d) step processes do not inherit the lock fd --------------------------------------------------
c=$(new_cache leaves-process)
run_setup "$c" leaves-process
check "d: setup exits 0" equals "$?" 0
check "d: a step's child has no fd 9" lacks "$c/child-fds" 9
# The user's report: a stray ninja kept setup's lock, and the next setup waited for 30 minutes.
check "d: a process the step left behind does not hold the lock" flock -n "$c/.setup.lock" true

# --- (e) a busy lock is reported at once, with the holder's pid -------------------------------------
# The test holds the lock on fd 8, which start_setup and run_setup close for the fake setup.
c=$(new_cache locked)
lock=$c/.setup.lock
exec 8<>"$lock"
flock 8
echo "$$" >"$lock"
LOCK_WAIT=30 start_setup "$c" ok
if wait_for 3 contains "$c/err" "setup: waiting for another setup (pid $$) holding $lock..."; then
  pass "e: the waiting message names the holder's pid and the lock, within 3 s"
else
  fail "e: no waiting message within 3 s" "$(cat "$c/err")"
fi
exec 8>&-
finish_setup 10
check "e: setup goes on once the lock is free" equals "$setup_rc" 0
check "e: setup recorded its own pid in the lock" equals "$(cat "$lock")" "$setup_pid"

exec 8<>"$lock"
flock 8
echo "$$" >"$lock"
LOCK_WAIT=1 run_setup "$c" ok
check "e: setup gives up after the wait limit with exit 3" equals "$?" 3
check "e: ... saying who held the lock and what to do" contains "$c/err" \
  "libcdiff: error: $lock: another setup (pid $$) has held the cache for 1 s. Stop it"
exec 8>&-

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
