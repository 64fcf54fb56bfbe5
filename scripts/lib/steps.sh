# shellcheck shell=bash
# The step machinery of scripts/setup.sh, sourced, so that it can be tested on its own
# (scripts/tests/steps_test.sh). A step is a shell function that builds one cache entry in a
# temporary directory and ends with `publish`; the stamp it writes is the only thing that marks an
# entry finished, so a step must never reach `publish` after something in it went wrong.
#
# The caller sets LOGS (one log per step), VERBOSE (1: show step output live) and ROOT (the
# repository, for recipe_key), then calls steps_lock and steps_trap_signals once, then run_step.
# Lock fd: 9, held by setup for its whole life and closed for every step's processes.

# shellcheck disable=SC2034 # read by setup.sh: whether to print "ready"
did_work=0
# The step that is running, for the signal handler (empty between steps).
STEP_NAME='' STEP_PID='' STEP_TMP='' STEP_TOKEN='' STEP_FOLLOWER='' STEP_PENDING=''
STEP_COUNT=0

say() { echo "setup: $*"; }

# steps_lock LOCK_FILE WAIT_SECONDS: holds LOCK_FILE (fd 9) until setup exits. Says at once who it
# waits for, because a silent wait of up to WAIT_SECONDS looks like a hang.
steps_lock() {
  local lock=$1 wait_s=$2 holder
  # <> neither truncates nor needs the lock: the holder's pid in the file must survive our open.
  exec 9<>"$lock"
  if ! flock -n 9; then
    holder=$(steps_lock_holder "$lock")
    echo "setup: waiting for another setup ($holder) holding $lock..." >&2
    if ! flock -w "$wait_s" 9; then
      holder=$(steps_lock_holder "$lock")
      echo "libcdiff: error: $lock: another setup ($holder) has held the cache for $(steps_duration "$wait_s"). Stop it, or remove the lock if no setup is running." >&2
      exit 3
    fi
  fi
  # A new open truncates the previous holder's pid; fd 9 itself was opened without truncating.
  echo "$$" >"$lock"
}

# steps_lock_holder LOCK_FILE: "pid N" as recorded by the holder, with a hint when N is gone
# (then a process it started still has the lock open, e.g. a setup from before steps.sh existed).
steps_lock_holder() {
  local pid
  pid=$(head -c 32 "$1" 2>/dev/null | tr -cd '0-9')
  if [ -z "$pid" ]; then
    echo "pid unknown"
  elif [ -d "/proc/$pid" ]; then
    echo "pid $pid"
  else
    echo "pid $pid, which has exited; a process it left behind still holds the lock"
  fi
}

steps_duration() {
  if [ "$1" -ge 60 ] && [ $(($1 % 60)) = 0 ]; then echo "$(($1 / 60)) minutes"; else echo "$1 s"; fi
}

# steps_trap_signals: on SIGINT/SIGTERM/SIGHUP, end the running step's processes, drop its
# temporary directory and exit 128+signal. bash runs the trap as soon as `wait` is interrupted,
# which is why run_step waits for the step instead of running it in the foreground.
steps_trap_signals() {
  trap 'steps_interrupted 130' INT
  trap 'steps_interrupted 143' TERM
  trap 'steps_interrupted 129' HUP
}

steps_interrupted() {
  trap '' INT TERM HUP # a second Ctrl-C must not cut the clean-up short
  if [ -n "$STEP_FOLLOWER" ]; then kill "$STEP_FOLLOWER" 2>/dev/null || true; fi
  if [ -n "$STEP_PID" ]; then
    steps_kill_step "$STEP_PID" "$STEP_TOKEN"
    local rc=0
    wait "$STEP_PID" 2>/dev/null || rc=$?
    # The signal can come after the step's last command, publish, which is atomic: then the
    # entry is complete and stays.
    if [ "$rc" = 0 ]; then
      echo "setup: interrupted after $STEP_NAME had finished; it was kept" >&2
    else
      [ -n "$STEP_TMP" ] && rm -rf "$STEP_TMP"
      echo "setup: interrupted during $STEP_NAME; nothing of it was kept" >&2
    fi
  else
    echo "setup: interrupted between steps; finished steps are kept" >&2
  fi
  exit "$1"
}

# steps_defer_signals: until steps_trap_signals, a signal is only noted (in STEP_PENDING), so that
# it cannot come between starting a step and knowing its pid.
steps_defer_signals() {
  STEP_PENDING=''
  trap 'STEP_PENDING=130' INT
  trap 'STEP_PENDING=143' TERM
  trap 'STEP_PENDING=129' HUP
}

# run_step [--tmp DIR] NAME COMMAND...: runs COMMAND (usually a step function) with its output in
# $LOGS/NAME.log; one clear error and exit 3 when it fails. DIR is the step's temporary directory,
# removed if setup is interrupted.
run_step() {
  local tmp=''
  if [ "$1" = --tmp ]; then
    tmp=$2
    shift 2
  fi
  local name=$1
  shift
  steps_require_errexit "$name"
  local log="$LOGS/$name.log"
  say "$name ..."
  # shellcheck disable=SC2034
  did_work=1
  local t0=$SECONDS
  STEP_COUNT=$((STEP_COUNT + 1))
  STEP_NAME=$name STEP_TMP=$tmp STEP_TOKEN="$$.$STEP_COUNT.$(date +%s%N)"
  : >"$log"
  steps_defer_signals
  # Why each part:
  # - a subshell with set -e, its status read only afterwards by wait: the step stops at its first
  #   failing command (run as `if ! "$@"`, it ran where bash ignores set -e and went on to publish);
  # - in the background: bash runs a trap only once the foreground command ends, but interrupts
  #   `wait` at once;
  # - set -m: the step gets its own process group, so Ctrl-C reaches only setup, which then ends
  #   the step's processes itself, in order;
  # - LIBCDIFF_SETUP_STEP marks every process the step starts, even those that leave the process
  #   group or the process tree (ninja puts each compiler in its own group);
  # - 9>&-: a process the step leaves behind must not hold setup's lock;
  # - </dev/null: a step in a background process group must never stop on reading the terminal.
  set -m
  (
    set -e
    export LIBCDIFF_SETUP_STEP=$STEP_TOKEN
    "$@"
  ) </dev/null >"$log" 2>&1 9>&- &
  STEP_PID=$!
  set +m
  if [ "$VERBOSE" = 1 ]; then
    tail -n +1 -f --pid="$STEP_PID" -s 0.2 "$log" 9>&- &
    STEP_FOLLOWER=$!
  fi
  steps_trap_signals
  [ -n "$STEP_PENDING" ] && steps_interrupted "$STEP_PENDING"
  local rc=0
  wait "$STEP_PID" || rc=$?
  STEP_NAME='' STEP_PID='' STEP_TMP='' STEP_TOKEN=''
  # tail ends once the step's pid is reaped, after printing what is left of the log.
  if [ -n "$STEP_FOLLOWER" ]; then wait "$STEP_FOLLOWER" || true; fi
  STEP_FOLLOWER=''
  [ "$rc" = 0 ] || fail_step "$name" "$log"
  say "$name done ($((SECONDS - t0)) s)"
}

# steps_require_errexit NAME: refuses to run a step where bash ignores set -e (run_step called from
# an if/while condition or left of && or ||): there even a fresh subshell's set -e is ignored, the
# step would run on after a failure and stamp a broken entry.
steps_require_errexit() {
  ( set -e; false; true ) &
  local rc=0
  wait $! || rc=$?
  if [ "$rc" = 0 ]; then
    echo "libcdiff: error: setup step '$1': run_step is called from a condition, where bash ignores set -e. Call it as a plain command (e.g. is_done ... || run_step ...)." >&2
    exit 3
  fi
}

fail_step() {
  echo "libcdiff: error: setup step '$1' failed; last lines of $2:" >&2
  tail -n 15 "$2" | sed 's/^/    /' >&2
  echo "libcdiff: error: setup step '$1': see $2 for the whole log, fix the cause and re-run scripts/setup.sh (finished steps are kept)." >&2
  exit 3
}

# steps_kill_step PID TOKEN: ends every process of a step. First stops them all, again and again
# until no new one appears, so none can start another while we look; then SIGTERM (ninja and make
# end their jobs on it), and SIGKILL for what is still there after 3 s.
steps_kill_step() {
  local root=$1 token=$2 p
  local -A seen=()
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local found=0
    for p in $(steps_pids_of "$root" "$token"); do
      [ -n "${seen[$p]:-}" ] && continue
      seen[$p]=1
      found=1
      kill -STOP "$p" 2>/dev/null || true
    done
    [ "$found" = 0 ] && break
  done
  local pids=("${!seen[@]}")
  [ "${#pids[@]}" = 0 ] && return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  kill -CONT "${pids[@]}" 2>/dev/null || true
  local tries=0
  while [ "$tries" -lt 30 ]; do
    local alive=0
    for p in "${pids[@]}"; do steps_running "$p" && alive=1 && break; done
    [ "$alive" = 0 ] && break
    sleep 0.1
    tries=$((tries + 1))
  done
  for p in "${pids[@]}"; do steps_running "$p" && kill -KILL "$p" 2>/dev/null; done
  return 0
}

# steps_pids_of ROOT TOKEN: ROOT, its descendants, its process group and every process whose
# environment carries the step's token (found even after a double fork or setsid).
steps_pids_of() {
  local root=$1 token=$2 f line rest pid ppid pgrp
  local -A parent=() group=()
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    pid=${line%% *}
    rest=${line##*) } # the command name may hold spaces and parentheses
    read -r _ ppid pgrp _ <<<"$rest"
    parent[$pid]=$ppid
    group[$pid]=$pgrp
  done
  local -A out=([$root]=1)
  for pid in "${!group[@]}"; do [ "${group[$pid]}" = "$root" ] && out[$pid]=1; done
  local changed=1
  while [ "$changed" = 1 ]; do
    changed=0
    for pid in "${!parent[@]}"; do
      if [ -z "${out[$pid]:-}" ] && [ -n "${out[${parent[$pid]}]:-}" ]; then
        out[$pid]=1
        changed=1
      fi
    done
  done
  if [ -n "$token" ]; then
    while read -r f; do
      f=${f#/proc/}
      out[${f%/environ}]=1
    done < <(grep -lsxzF "LIBCDIFF_SETUP_STEP=$token" /proc/[0-9]*/environ)
  fi
  unset "out[$$]" "out[$BASHPID]"
  echo "${!out[@]}"
}

# steps_running PID: true while PID exists and is not a zombie.
steps_running() {
  local line
  read -r line 2>/dev/null <"/proc/$1/stat" || return 1
  line=${line##*) }
  [ "${line%% *}" != Z ]
}

# recipe_key PARTS...: a stamp value that changes when the recipe changes. A part naming a file
# under $ROOT/cmake/toolchains/ ("toolchain:NAME") contributes that file's content, so editing a toolchain
# file rebuilds exactly what was built with it.
# shellcheck disable=SC2153 # ROOT is the caller's
recipe_key() {
  local part
  for part in "$@"; do
    case $part in
      toolchain:*) cat "$ROOT/cmake/toolchains/${part#toolchain:}" ;;
      *) printf '%s\n' "$part" ;;
    esac
  done | sha256sum | cut -c1-16
}

is_done() { [ -f "$1/.libcdiff-done" ] && [ "$(cat "$1/.libcdiff-done")" = "$2" ]; }

# publish TMP DEST KEY: atomically replaces DEST with the finished TMP and stamps it.
publish() {
  echo "$3" >"$1/.libcdiff-done"
  rm -rf "$2.old"
  if [ -e "$2" ]; then mv "$2" "$2.old"; fi
  mv "$1" "$2"
  rm -rf "$2.old"
}

# expect_files PATH...: the last check of a step; fails, naming what is missing, unless every PATH
# exists. (`[ -f a ] && [ -f b ]` under set -e passes silently when a is missing.)
expect_files() {
  local f missing=0
  for f in "$@"; do
    if [ ! -e "$f" ]; then
      echo "expected $f after this step; it is missing"
      missing=1
    fi
  done
  return "$missing"
}
