#!/usr/bin/env bats
# Edges the other files cannot see: what CPython writes on stderr for the
# scenarios whose report matters, the exact bytes of every output, what
# one aio_run() leaves behind for the next, a signal during a blocking
# call, and the memory objects are carved from.  (scripts/mutants.md says
# which mutants of common/ these tests were written to kill.)

load helpers

# The scenarios whose stderr is the point; their twins run once here.
REPORTS=(run_shutdown_report shield_unretrieved debug_slow_step)

setup_file() {
    build_all
    local files=()
    for name in "${REPORTS[@]}"; do files+=("scripts/scenarios/$name.py"); done
    run_twins "${files[@]}"
    # 150 busy runs in a row, once, for the two tests that read them.
    AIO_CLOCK=virtual "$(bin cases/edges)" runs 150 >"$BATS_FILE_TMPDIR/runs" 2>&1 || echo "exit status $?" >>"$BATS_FILE_TMPDIR/runs"
}

setup() {
    TMP="$BATS_TEST_TMPDIR"
    TWINS="$BATS_FILE_TMPDIR/twins"
}

needs_python() { command -v python3 >/dev/null || skip "python3 is not installed"; }

# CPython's repr of a finished coroutine says where it was defined and,
# in debug mode, where its task was created; ours says neither.
plain_repr() { sed -E 's/coro=<([a-z_]+)\(\)[^>]*>/coro=<\1()>/; s/ created at [^>]*>/>/'; }

# ---- what CPython reports on stderr -----------------------------------------

@test "run_shutdown_report: CPython reports the same two tasks, once each" {
    needs_python
    err="$TWINS/run_shutdown_report.err"
    [ "$(grep -c '^unhandled exception during asyncio.run() shutdown$' "$err")" -eq 2 ]
    # CPython cancels in set order, we in creation order: compare as sets.
    grep '^task: ' "$err" | plain_repr | sort >"$TMP/cpython"
    grep '^task: ' "$ROOT/expected/scenarios/run_shutdown_report.err" | sort >"$TMP/ours"
    same "$TMP/ours" "$TMP/cpython"
    [ "$(wc -l <"$TMP/ours")" -eq 2 ]
}

@test "shield_unretrieved: CPython reports the late failure alone" {
    needs_python
    err="$TWINS/shield_unretrieved.err"
    [ "$(grep -c '^Task exception was never retrieved$' "$err")" -eq 1 ]
    grep '^future: ' "$err" | plain_repr >"$TMP/cpython"
    same <(grep '^future: ' "$ROOT/expected/scenarios/shield_unretrieved.err") "$TMP/cpython"
}

@test "debug_slow_step: CPython's debug mode names the 0.1 s step and not the 0.099 s one" {
    needs_python
    err="$TWINS/debug_slow_step.err"
    [ "$(grep -c '^Executing ' "$err")" -eq 1 ]
    grep '^Executing ' "$err" | plain_repr >"$TMP/cpython"
    same "$ROOT/expected/scenarios/debug_slow_step.err" "$TMP/cpython"
}

# ---- exact bytes: bats would strip a lost final newline ---------------------

@test "every scenario that reports on stderr writes exactly the expected bytes, final newline included" {
    count=0
    for err in "$ROOT"/expected/scenarios/*.err; do
        name="$(basename "$err" .err)"
        AIO_CLOCK=virtual AIO_STAMP=1 "$(bin "scenarios/$name")" >"$TMP/out" 2>"$TMP/raw" || true
        normalise <"$TMP/raw" >"$TMP/err"
        cmp "$ROOT/expected/scenarios/$name.times" "$TMP/out" || { echo "$name: stdout"; return 1; }
        cmp "$err" "$TMP/err" || { echo "$name: stderr"; return 1; }
        count=$((count + 1))
    done
    [ "$count" -ge 6 ]
}

# One line, newline-terminated, and nothing else.
one_line() {
    AIO_CLOCK=virtual timeout 10 "$(bin cases/misuse)" "$1" >/dev/null 2>"$TMP/err" && return 1
    printf '%s\n' "$2" | cmp - "$TMP/err"
}

@test "fatal messages and uncaught exceptions end in exactly one newline" {
    one_line deadlock "aio: deadlock: asyncio.run() is waiting, but no callback is ready, no timer is pending and no file descriptor is watched, so nothing can ever wake the waiting tasks (CPython would block forever)"
    one_line stack_overflow "aio: stack overflow in Task-2: it used up its 512 KiB stack (deep recursion or a large local array?)"
    one_line set_result_twice "asyncio.exceptions.InvalidStateError: invalid state (raised by Future.set_result())"
    AIO_PYTHON=3.13 one_line nan_sleep "ValueError: Invalid delay: NaN (not a number) (raised by asyncio.sleep())"
}

# ---- state left between runs ------------------------------------------------

@test "a reader left behind by one aio_run() does not hide the next run's deadlock" {
    run --separate-stderr timeout 5 "$(bin cases/edges)" reader_then_deadlock
    [ "$status" -eq 1 ]
    [ "$output" = "first run done" ]
    [[ "$stderr" == "aio: deadlock: "* ]]
}

@test "150 busy aio_run()s in a row: the same result each time, and no descriptor leaks" {
    cp "$BATS_FILE_TMPDIR/runs" "$TMP/out"
    # 40 tasks, 4000 Futures summing to 3999, the pipe's 'x' (120) and
    # shield's TimeoutError (1000).
    [ "$(sed -n 1p "$TMP/out")" = "checksum 5159" ]
    warm="$(sed -n 2p "$TMP/out" | cut -d: -f2)"
    [ "$warm" -gt 0 ]
    [ "$(sed -n 3p "$TMP/out" | cut -d: -f2)" -eq "$warm" ] || { cat "$TMP/out"; return 1; }
}

@test "the same runs with freed memory scribbled over (MALLOC_PERTURB_): still the same result" {
    # Reading a reclaimed object, or a freed handle, timer or stack, now
    # reads garbage instead of the value that happened to stay there.
    run env AIO_CLOCK=virtual MALLOC_PERTURB_=165 "$(bin cases/edges)" runs 50
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "checksum 5159" ]
}

@test "memory does not grow from one aio_run() to the next" {
    # What a run allocates goes back when it closes its loop, as CPython's
    # repeated asyncio.run() stays flat.  150 runs of ~400 KiB each.
    cp "$BATS_FILE_TMPDIR/runs" "$TMP/out"
    read -r _ _ _ _ mapped _ _ resident _ <<<"$(sed -n 4p "$TMP/out")"
    [ "$mapped" -lt 256 ] && [ "$resident" -lt 256 ] || { cat "$TMP/out"; return 1; }
}

# ---- a signal during a blocking call ---------------------------------------

@test "time.sleep(0.1) interrupted by signals every 10 ms still sleeps 0.1 s" {
    run "$(bin cases/edges)" sleep_through_signals
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "interrupted: yes" ]
    [ "${lines[1]}" = "slept the full 0.1 s: yes" ]
}

@test "time.sleep(0.5) sleeps at least 0.5 s: the fraction of a second is not cut short" {
    run env AIO_CLOCK=real "$(bin cases/edges)" sleep_half_a_second
    [ "$status" -eq 0 ]
    [ "$output" = "slept at least 0.5 s: yes" ]
}

# A program may print with plain printf, which a pipe buffers: what the
# loop writes on stderr flushes stdout first, so that on one pipe the two
# come out in the order they happened.
@test "debug mode's slow-step report and the trace come after what the step printed before, on one pipe" {
    AIO_CLOCK=virtual AIO_DEBUG=1 "$(bin cases/edges)" printf_then_block 2>&1 | cat >"$TMP/out"
    [ "$(sed -n 1p "$TMP/out")" = "before the slow step" ]
    [[ "$(sed -n 2p "$TMP/out")" == "Executing <Task finished name='Task-1' coro=<printf_then_block()> result=None> took 0.200 seconds" ]] ||
        { cat "$TMP/out"; return 1; }
    AIO_CLOCK=virtual AIO_TRACE=1 "$(bin cases/edges)" printf_then_block 2>&1 | cat >"$TMP/out"
    grep -A1 -x '0.000 Task-1 switches in' "$TMP/out" | tail -n 1 | grep -qx 'before the slow step' || { cat "$TMP/out"; return 1; }
}

# ---- stacks, run after run -----------------------------------------------------

@test "every run's tasks are guarded: one guard region, given back and mapped again with the stack (300 runs of 65)" {
    # The stack and its guard are unmapped when a run ends: a guard kept
    # by mistake would show up here as 300 of them.
    run "$(bin cases/edges)" guards_every_run 300
    [ "$status" -eq 0 ]
    [ "$output" = "guard regions in run 300: 1" ]
}

@test "with more tasks than the mapping budget could guard one by one, every task still runs above the guard" {
    # All tasks share one stack, so one guard region covers them all,
    # however many there are (the old design ran out at max_map_count / 4).
    budget=$(( $(cat /proc/sys/vm/max_map_count) / 4 ))
    run "$(bin cases/edges)" guards_for $(( budget + 100 ))
    [ "$status" -eq 0 ]
    [ "$output" = "guard regions: 1" ]
}

@test "a run unmaps the stack of its 1,000 tasks when it ends: under 4 MiB of address space is kept" {
    # The shared stack and its guard are 576 KiB; the run unmaps them.
    run --separate-stderr env AIO_CLOCK=virtual "$(bin cases/edges)" stacks_given_back 1000
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    kib=${output#address space kept after the run: }
    kib=${kib% KiB}
    [ "$kib" -lt 4096 ]
}

@test "20,000 tasks one after another reuse their stacks: they fit in 1 GB of address space" {
    run --separate-stderr bash -c "ulimit -v 1000000; AIO_CLOCK=virtual '$(bin cases/edges)' one_after_another 20000"
    [ "$status" -eq 0 ]
    [ "$output" = "20000 tasks, one after another" ]
    [ -z "$stderr" ]
}

# ---- the memory objects are carved from --------------------------------------

@test "objects of every size are aligned for any type and do not overlap" {
    run "$(bin cases/edges)" objects_apart
    [ "$status" -eq 0 ]
    [ "$output" = "misaligned: 0, overlapping: 0" ]
}

@test "a failed await, result() or exception() leaves its result None, not what the variable held, in a task or outside one" {
    run --separate-stderr "$(bin cases/edges)" failed_await
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "outside a task: RuntimeError, result None" ]
    [ "${lines[1]}" = "in a task: Exception, result None" ]
    [ "${lines[2]}" = "result() of a pending Future: asyncio.exceptions.InvalidStateError, result None" ]
    [ "${lines[3]}" = "exception() of a pending Future: asyncio.exceptions.InvalidStateError, exception None" ]
    [ "${lines[4]}" = "exception() of a cancelled Future: asyncio.exceptions.CancelledError, exception None" ]
    [ "${#lines[@]}" -eq 5 ]
    [ "$stderr" = "sys:1: RuntimeWarning: coroutine 'nothing' was never awaited" ]
}

@test "coroutines never awaited are kept for the exit whatever chunk they end: 10,000, each reported once" {
    # The run's end keeps them, whatever slab they are in; the exit
    # reports each one.
    AIO_CLOCK=virtual "$(bin cases/edges)" kept_runs 1 >"$TMP/out" 2>"$TMP/err"
    [ "$(grep -c "^sys:1: RuntimeWarning: coroutine 'unawaited' was never awaited$" "$TMP/err")" -eq 10000 ]
    [ "$(wc -l <"$TMP/err")" -eq 10000 ]
}

# ---- answers on the paths that do nothing ------------------------------------
# cancel() of a task already done, set_result() of a Future already set, a
# refused create_task(), a QueueEmpty: each returns before doing its work,
# and must still write every answer it gives (a bool through a pointer, a
# result, an exception).  An answer left unwritten reads whatever the stack
# held, which is often the right value by luck: valgrind sees the read.
EARLY_PATHS=(cancel_states future_states task_states future_set_twice future_remove_callback
    queue_nowait task_group_refusals ref_task_set_refused gather_edges wait_edges)

@test "the scenarios of calls that do nothing read no uninitialised memory (valgrind)" {
    command -v valgrind >/dev/null || skip "valgrind is not installed"
    local name bad=""
    for name in "${EARLY_PATHS[@]}"; do
        AIO_CLOCK=virtual valgrind -q --error-exitcode=99 "$(bin "scenarios/$name")" >/dev/null 2>"$TMP/$name.err" ||
            [ $? -ne 99 ] || bad+=" $name"
    done
    [ -z "$bad" ] || { for name in $bad; do head -n 20 "$TMP/$name.err"; done; echo "uninitialised reads in:$bad"; return 1; }
}
