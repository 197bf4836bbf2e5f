#!/usr/bin/env bats
# What asyncio refuses or reports, checked against CPython beyond what
# scripts/scenarios.bats compares: the reports on stderr (the twin's
# first lines, before its traceback), the trace's account of a
# CancelledError, and the fuzz runner's arguments.

load helpers

use_readers_python

setup_file() {
    build_all
    run_twins scripts/scenarios/ref_unretrieved.py scripts/scenarios/report_long_message.py \
        scripts/scenarios/run_unretrieved.py
}

setup() { TMP="$BATS_TEST_TMPDIR"; }

# The report lines of stderr: "... exception was never retrieved" and the
# "future: <...>" after it.  CPython's repr of a coroutine names its source
# file and line, which ours cannot.
reports() { grep -E '^(Future|Task) exception was never retrieved$|^future: ' | sed -E 's/ done, defined at [^ >]*//'; }

check_reports() {
    need_python
    AIO_CLOCK=virtual "$(bin "scenarios/$1")" 2>&1 >/dev/null | reports >"$TMP/c"
    reports <"$BATS_FILE_TMPDIR/twins/$1.err" >"$TMP/py"
    [ -s "$TMP/c" ]
    same "$TMP/py" "$TMP/c"
}

@test "a Future's unretrieved exception is reported as CPython reports it; cancel() silences it" { check_reports ref_unretrieved; }
@test "a long repr is reported whole, as CPython reports it" {
    check_reports report_long_message
    # Longer than the 256 bytes a report is first written into.
    [ "$(grep '^future: ' "$TMP/c" | wc -c)" -gt 300 ]
}
@test "a Task's unretrieved exception is reported as CPython reports it" { check_reports run_unretrieved; }

@test "trace: a task woken by what it awaited with CancelledError is not said to be cancelled itself" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin scenarios/ref_set_cancelled_error)" 2>"$TMP/err" >/dev/null
    grep -qx "0.000 Task-2 woken by a Future, which raised CancelledError: CancelledError raised" "$TMP/err"
    grep -qx "0.000 Task-3 woken by a Future, which was cancelled: CancelledError raised" "$TMP/err"
    run grep -c "CancelledError delivered" "$TMP/err"
    [ "$output" = 0 ]
}

@test "trace: after a task caught its own cancellation, a Future it awaits that is cancelled is not its cancellation" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin scenarios/cancel_then_future_cancelled)" 2>"$TMP/err" >/dev/null
    grep -qx "1.000 Task-2 CancelledError delivered" "$TMP/err"
    grep -qx "2.000 Task-2 woken by a Future, which was cancelled: CancelledError raised" "$TMP/err"
    run grep -c "CancelledError delivered" "$TMP/err"
    [ "$output" = 1 ]
}

@test "trace: a task's own cancellation is still delivered" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin 08-cancel)" 2>"$TMP/err" >/dev/null
    grep -qx "5.000 Task-2 CancelledError delivered" "$TMP/err"
    run grep -c "woken by" "$TMP/err"
    [ "$output" = 0 ]
}

@test "fuzz: a number of seeds that is not a whole number above 0 is one clear line and exit 2" {
    for seeds in abc -5 0 2x; do
        run --separate-stderr "$ROOT/scripts/fuzz/run.sh" 1 "$seeds"
        [ "$status" -eq 2 ] || { echo "SEEDS=$seeds: exit $status"; return 1; }
        [ -z "$output" ]
        [ "$stderr" = "run.sh: the number of seeds (make fuzz SEEDS=N) must be a whole number, 1 or more, not '$seeds'" ]
    done
    run --separate-stderr "$ROOT/scripts/fuzz/run.sh" x 5
    [ "$status" -eq 2 ]
    [ "$stderr" = "run.sh: FIRST must be a seed number, 0 or more, not 'x'" ]
    run --separate-stderr make -s -C "$ROOT" fuzz SEEDS=abc
    [ "$status" -eq 2 ]
    [[ "$stderr" != *Traceback* ]]
}

@test "fuzz: gen.py refuses bad seed numbers in one line" {
    need_python
    run --separate-stderr python3 "$ROOT/scripts/fuzz/gen.py" abc 5
    [ "$status" -eq 2 ]
    [ "$stderr" = "gen.py: usage: gen.py FIRST COUNT (seed numbers: FIRST 0 or more, COUNT 1 or more)" ]
}
