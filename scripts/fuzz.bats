#!/usr/bin/env bats
# The randomised differential test: scripts/fuzz/gen.py writes random
# scenarios; the C driver and CPython's asyncio run each one and must print
# the same log, loop times included.  `make fuzz SEEDS=N` runs more.

load helpers

# run.sh itself runs the C side as python3 behaves (AIO_PYTHON).
use_readers_python

# The 300 seeds run once, for the first two tests.
setup_file() {
    build_all
    [ -z "${PYTHON_SKIP:-}" ] || return 0
    "$ROOT/scripts/fuzz/run.sh" 1 300 >"$BATS_FILE_TMPDIR/run" 2>&1 || echo "exit status $?" >>"$BATS_FILE_TMPDIR/run"
}

@test "300 random scenarios: the C loop and CPython agree event for event" {
    need_python
    run cat "$BATS_FILE_TMPDIR/run"
    echo "$output" | tail -n 20
    [ "${lines[-1]}" = "300 seeds: 300 passed, 0 failed" ]
    events="$(echo "$output" | sed -n 's/^compared \([0-9]*\) events, CPython \(3\.1[123]\) against AIO_PYTHON=\2$/\1/p')"
    [ "$events" -ge 2000 ]
}

# How many times the line "ran: ..." or "outcomes: ..." of run.sh counts KEY.
counted() { sed -n "s/^$1: \(.* \)\{0,1\}$2=\([0-9]*\)\( .*\)\{0,1\}$/\2/p" "$BATS_FILE_TMPDIR/run"; }

@test "the 300 scenarios use each of Part II's calls, and reach its ways of ending" {
    need_python
    local key n missing=""
    # Each kind of operation, at least 30 times.
    for key in gather gather_rx as_completed wait_all wait_first wait_exception timeout timeout_at \
        reschedule nested group put get put_nowait get_nowait task_done join raise; do
        n="$(counted ran "$key")"
        [ "${n:-0}" -ge 30 ] || missing+=" $key=${n:-0}"
    done
    # And the endings each was written for, at least 3 times: a child's
    # failure through gather, kept in the list by return_exceptions; a
    # gather cancelled at a deadline; as_completed's timeout; wait()
    # returning with some pending; each timeout of a nested pair expiring;
    # a rescheduled one firing; a TaskGroup's ExceptionGroup; a Queue's
    # refusals, a put held back by maxsize, and join() seeing every item done.
    for key in gather:ValueError gather_rx:ok+exception gather:TimeoutError gather_rx:TimeoutError \
        'as_completed#:TimeoutError' wait_all:pending wait_first:pending wait_exception:pending \
        nested:expired-True-False nested:expired-False-True nested:expired-True-True \
        reschedule:TimeoutError timeout_at:TimeoutError group:ExceptionGroup group:ok group:TimeoutError \
        put_nowait:QueueFull get_nowait:QueueEmpty task_done:ValueError put:TimeoutError join:ok; do
        n="$(counted outcomes "$key")"
        [ "${n:-0}" -ge 3 ] || missing+=" $key=${n:-0}"
    done
    [ -z "$missing" ] || { echo "too rare:$missing"; grep '^ran: \|^outcomes: ' "$BATS_FILE_TMPDIR/run"; false; }
}

@test "seed 20239: a TaskGroup's task cancelled as the group's last child finishes raises CancelledError, not a stale exception" {
    need_python
    run "$ROOT/scripts/fuzz/run.sh" 20239 1
    echo "$output" | tail -n 20
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "1 seeds: 1 passed, 0 failed" ]
}

@test "a seed on which the two sides differ is reported with its script" {
    need_python
    # A C driver that is wrong on purpose: it misreports every sleep.
    sed 's/snprintf(text, size, "ok");/snprintf(text, size, "slept");/' "$ROOT/scripts/fuzz/driver.c" \
        >"$BATS_TEST_TMPDIR/driver.c"
    cc -std=c11 -D_POSIX_C_SOURCE=200809L -I"$ROOT/common" "$BATS_TEST_TMPDIR/driver.c" \
        "$ROOT/$BUILD/libaio.a" -lm -o "$BATS_TEST_TMPDIR/fuzz-driver"
    mkdir -p "$BATS_TEST_TMPDIR/bin"
    cp "$BATS_TEST_TMPDIR/fuzz-driver" "$BATS_TEST_TMPDIR/bin/fuzz-driver"
    run env BUILD="$BATS_TEST_TMPDIR/bin" "$ROOT/scripts/fuzz/run.sh" 1 5
    [ "$status" -eq 1 ]
    [[ "$output" == *"--- seed 1 fails; its script (replay: scripts/fuzz/run.sh 1 1):"* ]]
    [[ "$output" == *"task t0 "* ]]
    [[ "${lines[-1]}" == "5 seeds: "*" failed" ]]
}
