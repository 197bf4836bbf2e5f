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

# Each check runs every chapter in one pass, each part headed by the
# chapter's name, so that one diff per stream names every chapter that
# differs, and how (untraced: see helpers.bash).

times_match_outputs() {
    for name in $(chapters); do
        unstamp <"$ROOT/expected/$name.times" >"$TMP/lines"
        same "$ROOT/expected/$name.out" "$TMP/lines" || { echo "in $name"; return 1; }
    done
}

@test "expected/: the times files hold the same lines as the output files" { untraced times_match_outputs; }

# stdout equals expected/NN.out (addresses normalised); stderr equals
# expected/NN.err where the chapter writes one, and is empty otherwise.
# Chapter 08's sixth line is 'not finished', 01's stderr the RuntimeWarning.
check_outputs() {
    local name names=()
    : >"$TMP/got"; : >"$TMP/goterr"
    for name in $(chapters); do
        names+=("$name")
        heading "$name" got goterr
        AIO_CLOCK=virtual "$(bin "$name")" >>"$TMP/got" 2>>"$TMP/goterr" || echo "exit status $?" >>"$TMP/got"
    done
    expected_parts want out "${names[@]}"
    expected_parts wanterr err "${names[@]}"
    same <(normalise <"$TMP/want") <(normalise <"$TMP/got") &&
        same <(unplace <"$TMP/wanterr") <(unplace <"$TMP/goterr")
}

@test "every chapter prints expected/NN.out, and on stderr expected/NN.err or nothing" { untraced check_outputs; }

# Under the virtual clock each line appears at exactly the loop time
# CPython prints it at (expected/NN.times, to the millisecond); in 14
# every tick is late.
check_times() {
    local name names=()
    : >"$TMP/got"
    for name in $(chapters); do
        names+=("$name")
        heading "$name" got
        AIO_CLOCK=virtual AIO_STAMP=1 "$(bin "$name")" >>"$TMP/got" 2>/dev/null || true
    done
    expected_parts want times "${names[@]}"
    same <(normalise <"$TMP/want") <(normalise <"$TMP/got")
}

@test "every chapter prints each line at its loop time in expected/NN.times" { untraced check_times; }

# At AIO_SPEED=10 a chapter really waits: wall time is at least its loop
# time / 10, no line appears before its time, and none much after it.  A
# sequential run of 06 would print its last line at 9 s, not 3.  Every
# chapter that sleeps runs at once, each timed on its own: they spend
# their time asleep, so they do not slow each other down.
@test "every chapter that sleeps keeps real time at AIO_SPEED=10: 06 takes 3 s, not 9" {
    local name pids=() names=() count=0
    for name in $(chapters); do
        [ "$(expected_seconds "$name")" != "0.000" ] || continue
        (
            start="$EPOCHREALTIME"
            AIO_SPEED=10 AIO_STAMP=1 "$(bin "$name")" >"$TMP/$name.got" 2>/dev/null
            echo "$? $start $EPOCHREALTIME" >"$TMP/$name.wall"
        ) &
        pids+=("$!") names+=("$name")
    done
    wait "${pids[@]}"
    [ "${#names[@]}" -ge 10 ]
    for name in "${names[@]}"; do
        untraced check_real_time "$name" || { echo "in chapter $name"; return 1; }
        count=$((count + 1))
    done
    [ "$count" -eq "${#names[@]}" ]
}

# One chapter's run at AIO_SPEED=10, from the files the test above left.
# The slack is in loop seconds, a tenth of that in real time: a quarter
# second for chapter 04, even with every test file running at once.
check_real_time() {
    local name="$1" total status start end
    total="$(expected_seconds "$name")"
    read -r status start end <"$TMP/$name.wall"
    [ "$status" -eq 0 ] || { echo "exit status $status"; return 1; }
    # The same lines as the version's own expected files (expected()),
    # each matched with its expected line by its text: in real time, lines
    # a few milliseconds apart (chapter 21's two clients, at SPEED=10) may
    # come in either order on a loaded machine, so the order is left to
    # the virtual clock's test above.  Per line: expected <= actual <=
    # expected + slack, in loop seconds.
    awk -v total="$total" '
        { time = $1; sub(/^[^ ]+ /, ""); gsub(/0x[0-9a-f]+/, "0xADDRESS") }
        FNR == NR { want_time[++wanted] = time; want_text[wanted] = $0; next }
        {
            slack = 1.0 + 0.5 * total
            for (i = 1; i <= wanted; i++) if (!used[i] && want_text[i] == $0) break
            if (i > wanted) { printf "line %d, not expected (or once too often): %s\n", FNR, $0; bad = 1; next }
            used[i] = 1
            if (time < want_time[i] - 0.0005) { printf "line %d at %s, before its time %s: %s\n", FNR, time, want_time[i], $0; bad = 1 }
            if (time > want_time[i] + slack)  { printf "line %d at %s, long after %s: %s\n", FNR, time, want_time[i], $0; bad = 1 }
        }
        END {
            for (i = 1; i <= wanted; i++) if (!used[i]) { printf "missing: %s\n", want_text[i]; bad = 1 }
            exit bad
        }' "$(expected "$name.times")" "$TMP/$name.got" || return 1
    awk -v s="$start" -v e="$end" -v total="$total" 'BEGIN {
            wall = e - s; want = total / 10
            if (wall < want) { printf "took %.3f s, less than %.3f s\n", wall, want; exit 1 }
            if (wall > want + 5) { printf "took %.3f s, far more than %.3f s\n", wall, want; exit 1 } }'
}

# The Python twin, on CPython, under the same virtual clock, prints exactly
# expected/NN.times, hence expected/NN.out too, and exits with 0.
check_twins() {
    local name names=()
    TWINS="$BATS_FILE_TMPDIR/twins"
    : >"$TMP/got"; : >"$TMP/goterr"
    for name in $(chapters); do
        names+=("$name")
        heading "$name" got goterr
        cat "$TWINS/$name.out" >>"$TMP/got"
        [ "$(<"$TWINS/$name.status")" -eq 0 ] || echo "exit status $(<"$TWINS/$name.status")" >>"$TMP/got"
        cat "$TWINS/$name.err" >>"$TMP/goterr"
    done
    expected_parts want times "${names[@]}"
    expected_parts wanterr err "${names[@]}"
    same <(normalise <"$TMP/want") <(normalise <"$TMP/got") && same "$TMP/wanterr" "$TMP/goterr"
}

@test "every chapter's Python twin prints expected/NN.times, and on stderr expected/NN.err or nothing" {
    need_python
    untraced check_twins
}

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
