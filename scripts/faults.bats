#!/usr/bin/env bats
# The edges of the process: stack frames of any size, output that cannot
# be written, clock settings at the limits of what the clock can do, and
# the make targets' messages.  Each fault ends in one clear line and a
# non-zero exit, never in silence.

load helpers

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# Guarded stacks go first; this many tasks take all of them (see stack.h).
guard_budget() { echo $(( $(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 65530) / 4 )); }

frames() { run --separate-stderr env AIO_CLOCK=virtual "$(bin cases/frames)" "$@"; }

# ---- 1. stack frames ---------------------------------------------------------

@test "a 90000-byte local array fits in a task's stack; its neighbour is untouched" {
    frames 90000
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "big: done" ]
    [ "${lines[1]}" = "victim: my locals are intact" ]
    [ -z "$stderr" ]
}

@test "a local array larger than the whole stack is reported, not written into a neighbour" {
    frames 2m
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-3: it used up its 512 KiB stack (deep recursion or a large local array?)" ]
    [[ "$output" != *overwritten* ]]
}

@test "past the guard-page budget, a 90000-byte array still fits untouched" {
    frames 90000 $(( $(guard_budget) + 16 ))
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "victim: my locals are intact" ]
}

@test "past the guard-page budget, a frame larger than the stack is still reported" {
    n=$(( $(guard_budget) + 16 ))
    frames 2m "$n"
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-$(( n + 3 )): it used up its 512 KiB stack (deep recursion or a large local array?)" ]
}

@test "recursion 500 coroutines deep fits, also with AIO_TRACE=1" {
    for trace in 0 1; do
        run --separate-stderr env AIO_CLOCK=virtual AIO_STAMP=1 AIO_TRACE=$trace "$(bin scenarios/edge_recursion)"
        [ "$status" -eq 0 ] || { echo "AIO_TRACE=$trace: exit $status: ${stderr: -300}"; return 1; }
        printf '%s\n' "$output" >"$TMP/got"
        same "$ROOT/expected/scenarios/edge_recursion.times" "$TMP/got"
    done
}
