#!/usr/bin/env bats
# AIO_TRACE=1 and the timelines drawn from it, under the virtual clock,
# where both are deterministic.

load helpers

# Every chapter's timeline is drawn once, for the tests below, with the
# pipeline `make timeline-N` runs (one make per chapter would cost more
# than the drawing; the test of make timeline-N runs make itself): drawn
# NAME is where it is.
setup_file() {
    build_all
    mkdir -p "$BATS_FILE_TMPDIR/timelines"
    for name in $(chapters); do
        [ -f "$ROOT/expected/$name.trace" ] || continue
        (cd "$ROOT" && AIO_CLOCK=virtual AIO_TRACE=1 "./$BUILD/$name" 2>&1 >/dev/null |
            AIO_TRACE=1 "./$BUILD/timeline" "$name") >"$(drawn "$name")" 2>&1 ||
            echo "timeline of $name failed" >>"$(drawn "$name")"
    done
}

drawn() { echo "$BATS_FILE_TMPDIR/timelines/$1"; }

# The chapters that have a timeline, by directory name.
traced() { (cd "$ROOT/expected" && ls [0-9][0-9]-*.trace | sed 's/\.trace$//'); }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# The trace on stderr equals expected/NN.trace, and stdout is unchanged;
# a chapter with no expected trace (00, 01, 11: no event loop) writes
# none.  What some of them show:
#   03: two awaits that never leave main
#   04: one task, one chain of awaits, one timer
#   06: three timers armed at 0, fired at 3
#   08: cancel requested at 5, delivered at the task's await
#   10: the shield's Future is cancelled, not the task
#   14: the blocking step holds the clock for 1 s
@test "every chapter's AIO_TRACE=1 trace is expected/NN.trace, and its output is unchanged" {
    local name names=()
    : >"$TMP/got"; : >"$TMP/out"
    for name in $(chapters); do
        names+=("$name")
        heading "$name" got out
        AIO_CLOCK=virtual AIO_TRACE=1 "$(bin "$name")" 2>"$TMP/err" >>"$TMP/out"
        grep -E '^[0-9]+\.[0-9]{3} ' "$TMP/err" >>"$TMP/got" || true
    done
    expected_parts want trace "${names[@]}"
    expected_parts wantout out "${names[@]}"
    same <(unfd <"$TMP/want") <(unfd <"$TMP/got")
    same <(normalise <"$TMP/wantout") <(normalise <"$TMP/out")
    [ "$(traced | wc -l)" -ge 12 ]
}

@test "a wait with no timer to bound it is traced as asyncio's select(timeout=None)" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin scenarios/reader_ready_at_once)" 2>"$TMP/err" >/dev/null
    grep -qx '0.000 loop select(timeout=None)' "$TMP/err"
}

@test "a cancel that reaches a task before it ever ran is traced as delivered before it started" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin scenarios/cancel_states)" 2>"$TMP/err" >/dev/null
    grep -qx '0.000 Task-2 CancelledError delivered before it started' "$TMP/err"
}

@test "what run()'s clean-up does after main has finished is traced as the loop's" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin scenarios/run_pending_cleanup)" 2>"$TMP/err" >/dev/null
    grep -qx '1.000 Task-2 cancel requested by loop' "$TMP/err"
    grep -qx "1.000 loop cancels sleep's Future" "$TMP/err"
}

# An await that raised reads as a raise, naming the exception, whatever
# the awaitable and however it came to raise: a coroutine at once or after
# a pause, a Future failed before the await or during it, a Task.  Only
# CancelledError had been checked, so a trace that printed every other
# exception as "gave None" (or a Task that raised as "finished:
# result=None") went unnoticed.
@test "an await that raised something other than CancelledError is traced as a raise, not as a result" {
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin cases/raises)" 2>"$TMP/err" >"$TMP/out"
    [ "$(<"$TMP/out")" = "every await raised what it should" ]
    grep -E ' (await (fails_|a Future|Task-)|Task-3 finished)' "$TMP/err" >"$TMP/got"
    same - "$TMP/got" <<'EOF'
0.000 Task-1 await fails_at_once() raised ValueError
0.250 Task-1 await fails_later() raised TimeoutError
0.250 Task-1 await a Future raised RuntimeError
0.500 Task-1 await a Future raised Exception
0.500 Task-1 await Task-2 gave None
0.750 Task-3 finished: raised TimeoutError
0.750 Task-1 await Task-3 raised TimeoutError
EOF
}

@test "the trace goes to stderr only when AIO_TRACE=1" {
    AIO_CLOCK=virtual AIO_TRACE=0 "$(bin 06-tasks-overlap)" 2>"$TMP/err" >/dev/null
    same /dev/null "$TMP/err"
}

# 04: the waits are sequential, inside delay() > sleep(); 06: three tasks
# wait side by side for 3 s.
@test "make timeline-N draws expected/NN.timeline, for 03, 04, 06, 07 and 08" {
    local name targets=()
    : >"$TMP/want"
    for name in $(traced); do
        [ -f "$ROOT/expected/$name.timeline" ] || continue
        targets+=("timeline-$((10#${name%%-*}))")
        cat "$ROOT/expected/$name.timeline" >>"$TMP/want"
    done
    [ "${#targets[@]}" -eq 5 ]
    # One make for the five: their charts follow each other in that order.
    make -s --no-print-directory -C "$ROOT" "${targets[@]}" >"$TMP/got" 2>"$TMP/err" ||
        { echo "make failed: $(cat "$TMP/err")"; return 1; }
    same "$TMP/want" "$TMP/got"
}

@test "every timeline fits in 80 columns" {
    for name in $(traced); do
        awk -v n="$name" 'length($0) > 80 { printf "%s line %d has %d columns\n", n, NR, length($0); bad = 1 } END { exit bad }' "$(drawn "$name")"
    done
}

# One awk for every chart (a process per label cost more than drawing
# them).  A chart's rows give a task label in the first 17 columns; its
# list below them gives each task's heading in full.
check_labels() {
    local name files=()
    for name in $(traced); do files+=("$(drawn "$name")"); done
    awk '
        function check(   i, j, label, prefix, full) {
            for (i = 1; i <= n; i++) {
                if (line[i] !~ /^Task-[0-9]+ / || line[i] ~ /^Task-[0-9]+ [^ ]+$/) continue
                label = substr(line[i], 1, 17); sub(/ +$/, "", label)
                prefix = label; sub(/\.\.\.$/, "", prefix)
                full = ""
                for (j = 1; j <= n; j++) if (index(line[j], prefix) == 1) full = line[j]
                if (label != full && !(label ~ /\.\.\.$/ && index(full, prefix) == 1)) {
                    printf "%s: label \047%s\047 of \047%s\047\n", file, label, full; bad = 1
                }
            }
        }
        FNR == 1 { if (NR > 1) check(); n = 0; file = FILENAME }
        { line[++n] = $0 }
        END { check(); exit bad }' "${files[@]}"
}

@test "timeline labels are whole, or elided with '...', never cut mid-word" { untraced check_labels; }

@test "timeline event lists are in order of start time" {
    for name in $(traced); do
        # indented lines of the event list start with "from" or "from-to"
        awk -v n="$name" '/^Task-/ { last = -1 } /^  [0-9]/ { t = $1 + 0; if (t < last) { printf "%s: %s after %s\n", n, $0, last; bad = 1 } last = t }
            END { exit bad }' "$(drawn "$name")"
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
    for name in $(traced); do
        readme="$ROOT/chapters/$name/README.md"
        # the first fenced block after "## Timeline"
        awk '/^## Timeline/ { t = 1 } t && /^```/ { if (f) exit; f = 1; next } f' "$readme" >"$TMP/shown"
        [ -s "$TMP/shown" ] || { echo "$name: README has no timeline"; return 1; }
        tail -n +3 "$(drawn "$name")" | head -n "$(wc -l <"$TMP/shown")" >"$TMP/drawn"
        same "$TMP/drawn" "$TMP/shown"
    done
}
