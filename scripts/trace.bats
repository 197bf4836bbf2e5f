#!/usr/bin/env bats
# AIO_TRACE=1 and the timelines drawn from it, under the virtual clock,
# where both are deterministic.

load helpers

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# The trace on stderr equals expected/NN.trace, and stdout is unchanged.
check_trace() {
    local name; name="$(chapter_named "$1")"
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin "$name")" >"$TMP/out" 2>"$TMP/err"
    grep -E '^[0-9]+\.[0-9]{3} ' "$TMP/err" >"$TMP/trace" || true
    same "$ROOT/expected/$name.trace" "$TMP/trace"
    normalise <"$TMP/out" >"$TMP/out.n"
    normalise <"$ROOT/expected/$name.out" >"$TMP/want"
    same "$TMP/want" "$TMP/out.n"
}

check_timeline() {
    local name; name="$(chapter_named "$1")"
    make -s -C "$ROOT" "timeline-$1" >"$TMP/got"
    same "$ROOT/expected/$name.timeline" "$TMP/got"
}

@test "every chapter that runs a loop has a trace in expected/, and a test of it" {
    for name in $(chapters); do
        nn="${name%%-*}"
        [ -f "$ROOT/expected/$name.trace" ] || continue
        grep -Eq "^@test \"$nn [^\"]*trace" "$BATS_TEST_FILENAME" || { echo "no trace test for $name"; return 1; }
    done
}

@test "02 trace" { check_trace 02; }
@test "03 trace: two awaits that never leave main" { check_trace 03; }
@test "04 trace: one task, one chain of awaits, one timer" { check_trace 04; }
@test "05 trace" { check_trace 05; }
@test "06 trace: three timers armed at 0, fired at 3" { check_trace 06; }
@test "07 trace" { check_trace 07; }
@test "08 trace: cancel requested at 5, delivered at the task's await" { check_trace 08; }
@test "09 trace" { check_trace 09; }
@test "10 trace: the shield's Future is cancelled, not the task" { check_trace 10; }
@test "12 trace" { check_trace 12; }
@test "13 trace" { check_trace 13; }
@test "14 trace: the blocking step holds the clock for 1 s" { check_trace 14; }

@test "the trace goes to stderr only when AIO_TRACE=1" {
    AIO_CLOCK=virtual AIO_TRACE=0 "$(bin 06-tasks-overlap)" 2>"$TMP/err" >/dev/null
    same /dev/null "$TMP/err"
}

@test "03 timeline" { check_timeline 03; }
@test "04 timeline: the waits are sequential, inside delay() > sleep()" { check_timeline 04; }
@test "06 timeline: three tasks wait side by side for 3 s" { check_timeline 06; }
@test "07 timeline" { check_timeline 07; }
@test "08 timeline" { check_timeline 08; }

@test "every timeline fits in 80 columns" {
    for name in $(chapters); do
        [ -f "$ROOT/expected/$name.trace" ] || continue
        make -s -C "$ROOT" "timeline-${name%%-*}" >"$TMP/t"
        awk -v n="$name" 'length($0) > 80 { printf "%s line %d has %d columns\n", n, NR, length($0); bad = 1 } END { exit bad }' "$TMP/t"
    done
}

@test "timelines are coloured on a terminal only, and never with NO_COLOR" {
    command -v script >/dev/null || skip "script(1) is not installed"
    esc=$'\033['
    make -s -C "$ROOT" timeline-6 >"$TMP/pipe"
    ! grep -qF "$esc" "$TMP/pipe"
    script -qec "make -s -C '$ROOT' timeline-6" /dev/null >"$TMP/tty"
    grep -qF "$esc" "$TMP/tty"
    NO_COLOR=1 script -qec "make -s -C '$ROOT' timeline-6" /dev/null >"$TMP/nocolor"
    ! grep -qF "$esc" "$TMP/nocolor"
}

@test "make timeline-N with an unknown chapter lists the real ones" {
    run make -s -C "$ROOT" timeline-42
    [ "$status" -ne 0 ]
    [[ "$output" == *"there is no chapter '42'"* ]]
}

@test "the timeline tool says what it needs when given no trace" {
    run "$(bin timeline)" </dev/null
    [ "$status" -eq 1 ]
    [ "$output" = "timeline: no trace on stdin (run the program with AIO_TRACE=1)" ]
}

@test "each chapter README shows the timeline its chapter draws today" {
    for name in $(chapters); do
        [ -f "$ROOT/expected/$name.trace" ] || continue
        readme="$ROOT/chapters/$name/README.md"
        # the first fenced block after "## Timeline"
        awk '/^## Timeline/ { t = 1 } t && /^```/ { if (f) exit; f = 1; next } f' "$readme" >"$TMP/shown"
        [ -s "$TMP/shown" ] || { echo "$name: README has no timeline"; return 1; }
        make -s -C "$ROOT" "timeline-${name%%-*}" | tail -n +3 | head -n "$(wc -l <"$TMP/shown")" >"$TMP/drawn"
        same "$TMP/drawn" "$TMP/shown"
    done
}
