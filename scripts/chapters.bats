#!/usr/bin/env bats
# Every chapter against expected/: what it prints, on which stream, at
# which loop time, in real time, and what its Python twin prints.

load helpers

# The C side runs as the reader's python3 behaves (AIO_PYTHON), and is
# compared with expected/VERSION/ where that version prints differently.
use_readers_python

setup_file() {
    build_all
    run_twins chapters/*/twin.py
}

setup() { TMP="$BATS_TEST_TMPDIR"; }

# stdout equals expected/NN.out (addresses normalised); stderr equals
# expected/NN.err where the chapter writes one, and is empty otherwise.
check_output() {
    local name; name="$(chapter_named "$1")"
    AIO_CLOCK=virtual "$(bin "$name")" >"$TMP/out" 2>"$TMP/err"
    normalise <"$TMP/out" >"$TMP/out.n"
    normalise <"$(expected "$name.out")" >"$TMP/want.n"
    same "$TMP/want.n" "$TMP/out.n"
    if [ -f "$(expected "$name.err")" ]; then
        same <(unplace <"$(expected "$name.err")") <(unplace <"$TMP/err")
    else
        same /dev/null "$TMP/err"
    fi
}

# Under the virtual clock each line appears at exactly the loop time
# CPython prints it at (expected/NN.times, to the millisecond).
check_times() {
    local name; name="$(chapter_named "$1")"
    AIO_CLOCK=virtual AIO_STAMP=1 "$(bin "$name")" 2>/dev/null | normalise >"$TMP/got"
    normalise <"$(expected "$name.times")" >"$TMP/want"
    same "$TMP/want" "$TMP/got"
}

# At AIO_SPEED=20 the chapter really waits: wall time is at least its loop
# time / 20, no line appears before its time, and none much after it.  A
# sequential run of 06 would print its last line at 9 s, not 3.
check_real_time() {
    local name; name="$(chapter_named "$1")"
    local total; total="$(expected_seconds "$name")"
    local start="$EPOCHREALTIME"
    AIO_SPEED=20 AIO_STAMP=1 "$(bin "$name")" >"$TMP/got" 2>/dev/null
    local end="$EPOCHREALTIME"
    unstamp <"$TMP/got" | normalise >"$TMP/lines"
    normalise <"$ROOT/expected/$name.out" >"$TMP/want"
    same "$TMP/want" "$TMP/lines"
    # Per line: expected <= actual <= expected + slack (in loop seconds).
    paste -d' ' <(cut -d' ' -f1 "$ROOT/expected/$name.times") <(cut -d' ' -f1 "$TMP/got") |
        awk -v total="$total" '
            { slack = 1.0 + 0.5 * total
              if ($2 < $1 - 0.0005) { printf "line %d at %s, before its time %s\n", NR, $2, $1; bad = 1 }
              if ($2 > $1 + slack)  { printf "line %d at %s, long after %s\n", NR, $2, $1; bad = 1 } }
            END { exit bad }'
    awk -v s="$start" -v e="$end" -v total="$total" 'BEGIN {
            wall = e - s; want = total / 20
            if (wall < want) { printf "took %.3f s, less than %.3f s\n", wall, want; exit 1 }
            if (wall > want + 5) { printf "took %.3f s, far more than %.3f s\n", wall, want; exit 1 } }'
}

# The Python twin, on CPython, under the same virtual clock, prints exactly
# expected/NN.times, hence expected/NN.out too.
check_twin() {
    need_python
    local name; name="$(chapter_named "$1")"
    TWINS="$BATS_FILE_TMPDIR/twins"
    [ "$(cat "$TWINS/$name.status")" -eq 0 ]
    normalise <"$TWINS/$name.out" >"$TMP/got.n"
    normalise <"$(expected "$name.times")" >"$TMP/want"
    same "$TMP/want" "$TMP/got.n"
    if [ -f "$(expected "$name.err")" ]; then
        same "$(expected "$name.err")" "$TWINS/$name.err"
    else
        same /dev/null "$TWINS/$name.err"
    fi
}

@test "expected/: the times files hold the same lines as the output files" {
    for name in $(chapters); do
        unstamp <"$ROOT/expected/$name.times" >"$TMP/lines"
        same "$ROOT/expected/$name.out" "$TMP/lines"
    done
}

@test "00 loop parts: output" { check_output 00; }
@test "00 loop parts: loop times" { check_times 00; }
@test "00 loop parts: real time at AIO_SPEED=20" { check_real_time 00; }
@test "00 loop parts: Python twin" { check_twin 00; }

@test "01 coroutine object: output and RuntimeWarning" { check_output 01; }
@test "01 coroutine object: loop times" { check_times 01; }
@test "01 coroutine object: Python twin" { check_twin 01; }

@test "02 asyncio.run: output" { check_output 02; }
@test "02 asyncio.run: loop times" { check_times 02; }
@test "02 asyncio.run: Python twin" { check_twin 02; }

@test "03 await: output" { check_output 03; }
@test "03 await: loop times" { check_times 03; }
@test "03 await: Python twin" { check_twin 03; }

@test "04 sequential sleep: output" { check_output 04; }
@test "04 sequential sleep: loop times" { check_times 04; }
@test "04 sequential sleep: real time at AIO_SPEED=20" { check_real_time 04; }
@test "04 sequential sleep: Python twin" { check_twin 04; }

@test "05 create_task: output" { check_output 05; }
@test "05 create_task: loop times" { check_times 05; }
@test "05 create_task: real time at AIO_SPEED=20" { check_real_time 05; }
@test "05 create_task: Python twin" { check_twin 05; }

@test "06 three tasks overlap: output" { check_output 06; }
@test "06 three tasks overlap: loop times" { check_times 06; }
@test "06 three tasks overlap: 3 s, not 9, in real time at AIO_SPEED=20" { check_real_time 06; }
@test "06 three tasks overlap: Python twin" { check_twin 06; }

@test "07 other code runs: output" { check_output 07; }
@test "07 other code runs: loop times" { check_times 07; }
@test "07 other code runs: real time at AIO_SPEED=20" { check_real_time 07; }
@test "07 other code runs: Python twin" { check_twin 07; }

@test "08 cancel: output, with the sixth 'not finished' line" { check_output 08; }
@test "08 cancel: loop times" { check_times 08; }
@test "08 cancel: real time at AIO_SPEED=20" { check_real_time 08; }
@test "08 cancel: Python twin" { check_twin 08; }

@test "09 wait_for: output" { check_output 09; }
@test "09 wait_for: loop times" { check_times 09; }
@test "09 wait_for: real time at AIO_SPEED=20" { check_real_time 09; }
@test "09 wait_for: Python twin" { check_twin 09; }

@test "10 shield: output" { check_output 10; }
@test "10 shield: loop times" { check_times 10; }
@test "10 shield: real time at AIO_SPEED=20" { check_real_time 10; }
@test "10 shield: Python twin" { check_twin 10; }

@test "11 Future: output" { check_output 11; }
@test "11 Future: loop times" { check_times 11; }
@test "11 Future: Python twin" { check_twin 11; }

@test "12 await a Future: output" { check_output 12; }
@test "12 await a Future: loop times" { check_times 12; }
@test "12 await a Future: real time at AIO_SPEED=20" { check_real_time 12; }
@test "12 await a Future: Python twin" { check_twin 12; }

@test "13 Awaitable: output" { check_output 13; }
@test "13 Awaitable: loop times" { check_times 13; }
@test "13 Awaitable: real time at AIO_SPEED=20" { check_real_time 13; }
@test "13 Awaitable: Python twin" { check_twin 13; }

@test "14 blocking sleep: output" { check_output 14; }
@test "14 blocking sleep: loop times, every tick late" { check_times 14; }
@test "14 blocking sleep: real time at AIO_SPEED=20" { check_real_time 14; }
@test "14 blocking sleep: Python twin" { check_twin 14; }

@test "14 blocking sleep: AIO_DEBUG=1 names the slow step, as asyncio's debug mode does" {
    AIO_CLOCK=virtual AIO_DEBUG=1 "$(bin 14-blocking-sleep)" >"$TMP/out" 2>"$TMP/err"
    same "$ROOT/expected/14-blocking-sleep.debug.err" "$TMP/err"
    same "$ROOT/expected/14-blocking-sleep.out" "$TMP/out"
}

@test "14 blocking sleep: CPython's debug mode reports the same step" {
    need_python
    AIO_CLOCK=virtual AIO_DEBUG=1 python3 "$ROOT/scripts/twin.py" "$ROOT/chapters/14-blocking-sleep/twin.py" \
        >/dev/null 2>"$TMP/err"
    grep -Eq "^Executing <Task finished name='Task-4' coro=<blocker\(\) done, .*result=None.*> took 1\.000 seconds$" "$TMP/err"
}

@test "every chapter has a test of each kind above" {
    for name in $(chapters); do
        nn="${name%%-*}"
        for kind in "output" "loop times" "Python twin"; do
            grep -Eq "^@test \"$nn [^:]*: $kind" "$BATS_TEST_FILENAME" || {
                echo "chapter $name has no '$kind' test"; return 1; }
        done
        if [ "$(expected_seconds "$name")" != "0.000" ]; then
            grep -Eq "^@test \"$nn [^:]*: .*real time" "$BATS_TEST_FILENAME" || {
                echo "chapter $name sleeps but has no real-time test"; return 1; }
        fi
    done
}
