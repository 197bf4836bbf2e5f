#!/usr/bin/env bats
# Ctrl-C with a real signal, on the real clock: the C scenario
# sigint_cleanup and its CPython twin are each sent SIGINT while main
# sleeps 10 s.  asyncio.run() cancels main, lets its `finally` run, then
# ends with KeyboardInterrupt, by SIGINT (status 130).  A program that
# starts with SIGINT ignored (a background job of a shell without job
# control) does not hear it at all.  Each SIGINT is sent as soon as the
# program has printed the line that says it is ready for it, with no
# pause to let it settle into its wait: the C handler wakes the loop
# through its self-pipe, so a SIGINT that lands just before the wait
# begins is seen at once.

load helpers

use_readers_python

# The five runs below spend their time asleep, so they all run at once,
# here, each in a directory of its own; the tests read what each left.
setup_file() {
    build_all
    local run="$BATS_FILE_TMPDIR"
    mkdir -p "$run"/c_jobs "$run"/c_plain "$run"/c_trapped "$run"/py_jobs "$run"/py_plain "$run"/c_after "$run"/py_after \
        "$run"/c_twice "$run"/py_twice
    # Without job control a shell may start background commands with SIGINT
    # ignored, which no child could undo; each run sets up its own mode.
    set -m
    T="$run/c_jobs" PEEK=0 interrupt jobs "$(bin scenarios/sigint_cleanup)" &
    # Sped up 5 times: the 10 s sleep lasts 2 s, well after the kill.
    T="$run/c_plain" PEEK=0 AIO_SPEED=5 interrupt plain "$(bin scenarios/sigint_cleanup)" &
    T="$run/c_trapped" PEEK=0 AIO_SPEED=5 interrupt trapped "$(bin scenarios/sigint_cleanup)" &
    # Ready once it says it sleeps after run(), its third line.
    T="$run/c_after" PEEK=1 READY=3 interrupt jobs "$(bin scenarios/sigint_after_run)" &
    T="$run/c_twice" PEEK=0 TWICE=1 interrupt jobs "$(bin scenarios/sigint_twice)" &
    if [ -z "${PYTHON_SKIP:-}" ]; then
        T="$run/py_after" PEEK=1 READY=3 interrupt jobs python3 -u "$ROOT/scripts/scenarios/sigint_after_run.py" &
        T="$run/py_twice" PEEK=0 TWICE=1 interrupt jobs python3 -u "$ROOT/scripts/scenarios/sigint_twice.py" &
        T="$run/py_jobs" PEEK=0 interrupt jobs python3 -u "$ROOT/scripts/scenarios/sigint_cleanup.py" &
        T="$run/py_plain" PEEK=1 interrupt plain python3 -u "$ROOT/scripts/scenarios/sigint_cleanup.py" &
    fi
    wait
    set +m
}

# What the run named $1 left: $TMP/out, err, status, seconds.
ran() { TMP="$BATS_FILE_TMPDIR/$1"; }

# interrupt MODE COMMAND...: start COMMAND in the background of a
# non-interactive bash, wait until it has printed READY lines (1 unless
# set; start-up is slow on a loaded machine), send SIGINT, and wait for
# it.  With TWICE=1, a second SIGINT goes once it has printed one line
# more (main's clean-up has begun).  MODE "jobs" is `set -m`, which
# leaves SIGINT to the program, and cases/sigdfl gives it SIGINT's
# default action even if bats started with it ignored; "plain" leaves it
# ignored, as bash does for background jobs without job control;
# "trapped" is `set -m` after `trap '' INT`.  Writes $TMP/out, err,
# status, and seconds (from the kill to the exit).  With PEEK=1, a
# program still running 0.8 s after the kill is stopped with SIGTERM and
# its status is "alive".
interrupt() {
    local mode="$1"; shift
    local jobs=""
    case "$mode" in
        jobs) jobs="set -m;"; set -- "$(bin cases/sigdfl)" "$@" ;;
        trapped) jobs="set -m; trap '' INT;" ;;
    esac
    bash -c "$jobs"'
        "$@" >"$T/out" 2>"$T/err" & pid=$!
        printed() { for _ in $(seq 400); do [ "$(wc -l <"$T/out")" -ge "$1" ] && return; sleep 0.05; done; }
        printed "${READY:-1}"
        kill -INT "$pid"
        start=$(date +%s.%N)
        if [ "${TWICE:-0}" = 1 ]; then printed $((${READY:-1} + 1)); kill -INT "$pid"; fi
        if [ "$PEEK" = 1 ]; then
            sleep 0.8
            if kill -0 "$pid" 2>/dev/null; then echo alive >"$T/status"; kill -TERM "$pid"; wait "$pid"; exit 0; fi
        fi
        wait "$pid"; echo $? >"$T/status"
        awk -v a="$start" -v b="$(date +%s.%N)" "BEGIN { print b - a }" >"$T/seconds"
    ' interrupt "$@"
}

# The run ended with status $1 (or is "alive"); else say how it ended.
ended_with() {
    [ "$(cat "$TMP/status")" = "$1" ] || { echo "exit status $(cat "$TMP/status")"; cat "$TMP/err"; return 1; }
}

# The three facts of CPython's Ctrl-C: stdout is $1 (main's clean-up
# included), stderr ends in the line KeyboardInterrupt, status 130; and
# promptly, not after the sleep.
check_interrupted() {
    ended_with 130
    printf '%s' "$1" | same - "$TMP/out"
    [ "$(tail -n 1 "$TMP/err")" = KeyboardInterrupt ] || { echo "stderr:"; cat "$TMP/err"; return 1; }
    awk -v s="$(cat "$TMP/seconds")" 'BEGIN { exit !(s < 5) }' || { echo "took $(cat "$TMP/seconds") s"; return 1; }
}

CLEANED_UP=$'main: sleeping 10 s\nmain: clean-up in finally\n'

@test "C: SIGINT cancels main, its finally runs, it ends with KeyboardInterrupt and status 130" {
    ran c_jobs
    check_interrupted "$CLEANED_UP"
    # Nothing else on stderr: exactly the one line a traceback ends with.
    [ "$(cat "$TMP/err")" = KeyboardInterrupt ]
}

@test "CPython twin: the same three facts" {
    need_python
    ran py_jobs
    check_interrupted "$CLEANED_UP"
}

@test "C: a SIGINT in a program that started with it ignored changes nothing: main sleeps to the end" {
    ran c_plain
    ended_with 0
    printf 'main: sleeping 10 s\nmain: woke up\nmain: clean-up in finally\n' | same - "$TMP/out"
    same /dev/null "$TMP/err"
}

@test "C: trap '' INT under job control: SIGINT ignored, main sleeps to the end" {
    ran c_trapped
    ended_with 0
    printf 'main: sleeping 10 s\nmain: woke up\nmain: clean-up in finally\n' | same - "$TMP/out"
}

@test "CPython twin: started with SIGINT ignored, it is still sleeping after the kill" {
    need_python
    ran py_plain
    ended_with alive
    printf 'main: sleeping 10 s\n' | same - "$TMP/out"
    same /dev/null "$TMP/err"
}

# sigint_after_run: once run() has returned, SIGINT is no longer the
# loop's.  run() puts back the handler it found, Python's
# default_int_handler, so a SIGINT during the time.sleep() after it is
# KeyboardInterrupt at once: the traceback's last line, and status 130,
# where the loop's own handler would only count it and sleep on.
@test "C: after asyncio.run() returns, SIGINT ends a plain time.sleep() with KeyboardInterrupt, status 130" {
    ran c_after
    ended_with 130
    printf 'main: done\nafter run: SIGINT has the handler it had before: True\nafter run: sleeping 10 s\n' | same - "$TMP/out"
    [ "$(cat "$TMP/err")" = KeyboardInterrupt ] || { echo "stderr:"; cat "$TMP/err"; return 1; }
}

@test "CPython twin: the same, status 130 (KeyboardInterrupt)" {
    need_python
    ran py_after
    ended_with 130
    printf 'main: done\nafter run: SIGINT has the handler it had before: True\nafter run: sleeping 10 s\n' | same - "$TMP/out"
    [ "$(tail -n 1 "$TMP/err")" = KeyboardInterrupt ]
}

# sigint_twice: the first SIGINT cancels main, whose clean-up would take
# 10 s more; the second, 0.3 s later, ends the program at once, by SIGINT
# (the handler restores the default and raises it again, unblocked).
check_twice() { check_interrupted $'main: sleeping 10 s\nmain: clean-up, 10 s more\n'; }

@test "C: a second SIGINT during main's clean-up ends the program at once, status 130" {
    ran c_twice
    check_twice
}

@test "CPython twin: the same" {
    need_python
    ran py_twice
    check_twice
}
