#!/usr/bin/env bats
# The loop's thread pool on the real clock, sped up 2 times: chapter 24's
# three 1 s blocking calls take 3 s of loop time on the loop and 1 s on
# threads, the threads made only when the jobs come; and Ctrl-C while
# main waits for a 1 s job: main is cancelled at once, the job cannot be,
# and the program waits for it before it ends with KeyboardInterrupt, as
# CPython does; and a job cancelled while it waits for a thread never
# runs.  The virtual clock's side (a job's time.sleep() overlapping
# others) is in chapters.bats and scenarios.bats, against the twins.

load helpers

use_readers_python

setup_file() {
    build_all
    local run="$BATS_FILE_TMPDIR" name
    for name in chapter c_once c_twice py_once py_twice; do mkdir -p "$run/$name"; done
    set -m # job control: SIGINT is the programs' own
    T="$run/chapter" watch_chapter "$(bin 24-to-thread)" &
    T="$run/c_once" interrupt 0 "$(bin scenarios/thread_interrupted)" &
    T="$run/c_twice" interrupt 1 "$(bin scenarios/thread_interrupted)" &
    if [ -z "${PYTHON_SKIP:-}" ]; then
        T="$run/py_once" interrupt 0 python3 -u "$ROOT/scripts/scenarios/thread_interrupted.py" &
        T="$run/py_twice" interrupt 1 python3 -u "$ROOT/scripts/scenarios/thread_interrupted.py" &
    fi
    wait
    set +m
}

ran() { TMP="$BATS_FILE_TMPDIR/$1"; }

# How many threads process $1 has, from /proc ("" where there is none).
threads_of() { ls "/proc/$1/task" 2>/dev/null | wc -l; }

# watch_chapter PROGRAM: run chapter 24 on the real clock with its lines
# stamped, at AIO_SPEED=2 (its sleeps are loop time too), and count its
# threads twice: once it has printed its first line (on the loop, before
# any job: the pool does not exist yet), and while the three jobs sleep
# (until that count is 4, or the run ends).
watch_chapter() {
    bash -c '
        AIO_SPEED=2 AIO_STAMP=1 "$1" >"$T/out" 2>"$T/err" & pid=$!
        printed() { for _ in $(seq 400); do [ "$(wc -l <"$T/out")" -ge "$1" ] && return; sleep 0.01; done; }
        printed 1
        ls "/proc/$pid/task" 2>/dev/null | wc -l >"$T/threads_before"
        printed 3
        for _ in $(seq 100); do
            n=$(ls "/proc/$pid/task" 2>/dev/null | wc -l)
            [ "$n" -ge 4 ] && break
            sleep 0.01
        done
        echo "$n" >"$T/threads_during"
        wait "$pid"; echo $? >"$T/status"
    ' watch_chapter "$@"
}

# interrupt TWICE COMMAND...: start COMMAND in the background with SIGINT
# at its default action (cases/sigdfl), send SIGINT once the job says it
# has started (before that, main's cancel would cancel the job too, as a
# concurrent.futures job still queued is) and, with TWICE=1, again once
# main says it was cancelled.  Writes $T/out, err, status, and seconds (from the first
# SIGINT to the exit).
interrupt() {
    local twice="$1"; shift
    TWICE="$twice" bash -c '
        "$@" >"$T/out" 2>"$T/err" & pid=$!
        printed() { for _ in $(seq 400); do [ "$(wc -l <"$T/out")" -ge "$1" ] && return; sleep 0.05; done; }
        printed 2
        kill -INT "$pid"
        start=$(date +%s.%N)
        if [ "$TWICE" = 1 ]; then printed 3; kill -INT "$pid"; fi
        wait "$pid"; echo $? >"$T/status"
        awk -v a="$start" -v b="$(date +%s.%N)" "BEGIN { print b - a }" >"$T/seconds"
    ' interrupt "$(bin cases/sigdfl)" "$@"
}

@test "chapter 24 on the real clock, as make chapter-24 SPEED=2 runs it: three 1 s blocking calls take 3 s on the loop, 1 s on threads" {
    ran chapter
    [ "$(cat "$TMP/status")" = 0 ] || { cat "$TMP/err"; return 1; }
    same "$ROOT/expected/24-to-thread.out" <(unstamp <"$TMP/out")
    # Line 2 at about 3 s of loop time; line 4 about 1 s after line 3,
    # well short of the 3 s the three would take one after another (the
    # tolerance is in loop time, twice the real one).
    awk 'NR == 2 { two = $1 } NR == 3 { three = $1 } NR == 4 { four = $1 }
         END { if (two < 3 || two > 4.5) { print "the loop part ended at " two " s"; exit 1 }
               if (four - three < 0.9 || four - three > 2.5) { print "the threads took " four - three " s"; exit 1 } }' "$TMP/out"
}

@test "the pool's threads are made when the jobs come: none before, one per job at once" {
    [ -d /proc/self/task ] || skip "no /proc/PID/task to count threads with"
    ran chapter
    [ "$(cat "$TMP/threads_before")" -eq 1 ] || { echo "$(cat "$TMP/threads_before") threads before any job"; return 1; }
    [ "$(cat "$TMP/threads_during")" -eq 4 ] || { echo "$(cat "$TMP/threads_during") threads while three jobs run"; return 1; }
}

# main is cancelled at once (its second line comes promptly), the job
# prints its line when its 1 s is over, and only then does the program
# end, with KeyboardInterrupt and status 130.
INTERRUPTED=$'main: waiting for a 1 s job on a thread\njob: started\nmain: cancelled; the thread runs on\njob: done\n'

check_waited() {
    local seconds; seconds="$(cat "$TMP/seconds")"
    [ "$(cat "$TMP/status")" = 130 ] && printf '%s' "$INTERRUPTED" | same - "$TMP/out" &&
        [ "$(tail -n 1 "$TMP/err")" = KeyboardInterrupt ] &&
        awk -v s="$seconds" 'BEGIN { exit !(s >= 0.5 && s < 4) }' || {
        echo "exit status $(cat "$TMP/status"), $seconds s after the first SIGINT (the job's 1 s should be waited for); stderr:"
        cat "$TMP/err"
        return 1
    }
}

@test "C: Ctrl-C while main waits for a thread: main is cancelled, the program waits for the job, KeyboardInterrupt, 130" {
    ran c_once
    check_waited
    # Nothing else on stderr: the one line a traceback ends with.
    [ "$(cat "$TMP/err")" = KeyboardInterrupt ]
}

@test "CPython twin: the same" {
    need_python
    ran py_once
    check_waited
}

@test "C: a second Ctrl-C is KeyboardInterrupt at once, and the program still waits for the job" {
    ran c_twice
    check_waited
    [ "$(cat "$TMP/err")" = KeyboardInterrupt ]
}

@test "CPython twin: a second Ctrl-C, the same" {
    need_python
    ran py_twice
    check_waited
}

# scripts/cases/threads.c, and the same program on CPython: a job still
# queued behind 32 others when its Future is cancelled never runs.
QUEUED=$'33 jobs for at most 32 threads; the last one\'s Future cancelled at once
the last one\'s await: CancelledError
32 jobs ran; the cancelled one ran: False'

@test "C: a job whose Future is cancelled before a thread takes it never runs" {
    run --separate-stderr "$(bin cases/threads)"
    [ "$status" -eq 0 ] || { echo "exit status $status: $stderr"; return 1; }
    [ "$output" = "$QUEUED" ] || { echo "$output"; return 1; }
}

@test "CPython: the same" {
    need_python
    run --separate-stderr python3 - <<'PY'
import asyncio
import threading
import time

JOBS = 33
ran, last_ran, lock = 0, False, threading.Lock()


def job(i):
    global ran, last_ran
    time.sleep(0.1)
    with lock:
        ran += 1
        last_ran = last_ran or i == JOBS - 1


async def main():
    loop = asyncio.get_running_loop()
    futures = [loop.run_in_executor(None, job, i) for i in range(JOBS)]
    futures[-1].cancel()
    print(f"{JOBS} jobs for at most 32 threads; the last one's Future cancelled at once")
    for future in futures[:-1]:
        await future
    try:
        await futures[-1]
    except asyncio.CancelledError:
        print("the last one's await: CancelledError")
    print(f"{ran} jobs ran; the cancelled one ran: {last_ran}")


asyncio.run(main())
PY
    [ "$status" -eq 0 ] || { echo "exit status $status: $stderr"; return 1; }
    [ "$output" = "$QUEUED" ] || { echo "$output"; return 1; }
}

# No silent failure when the system will not start a thread: with the
# address space cut to ~24 MiB, a thread's 8 MiB stack no longer fits.
# CPython raises RuntimeError("can't start new thread") there; run() has
# nothing to catch it with in C, so it is the program's last line.
@test "a thread the system refuses to start: one line, RuntimeError: can't start new thread, exit 1, no hang" {
    run --separate-stderr bash -c 'ulimit -v 24000 && AIO_CLOCK=virtual exec timeout 20 "$1"' _ "$(bin 24-to-thread)"
    [ "$status" -eq 1 ] || { echo "exit status $status: $stderr"; return 1; }
    [[ "$stderr" =~ ^"aio: RuntimeError: can't start new thread (run_in_executor(): "[^$'\n']+")"$ ]] || { echo "$stderr"; return 1; }
}
