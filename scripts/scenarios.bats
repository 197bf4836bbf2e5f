#!/usr/bin/env bats
# The scenarios in scripts/scenarios: small C programs on common/, each with
# a Python twin.  Under the virtual clock, both print exactly
# expected/scenarios/NAME.times: the same lines, in the same order, at the
# same loop times.

load helpers

# The C side runs as the reader's python3 behaves (AIO_PYTHON).
use_readers_python

setup_file() {
    build_all
    run_twins scripts/scenarios/*.py
}

setup() { TMP="$BATS_TEST_TMPDIR"; }

# The C program: stdout and loop times, stderr (expected/scenarios/NAME.err
# or nothing), and exit status 0 (1 for the deadlock).
check_c() {
    local want_status=0
    [ "$1" = deadlock ] && want_status=1
    run --separate-stderr env AIO_CLOCK=virtual AIO_STAMP=1 "$(bin "scenarios/$1")"
    [ "$status" -eq "$want_status" ] || { echo "exit status $status"; return 1; }
    printf '%s\n' "$output" >"$TMP/got"
    same "$(expected "scenarios/$1.times")" "$TMP/got"
    if [ -f "$(expected "scenarios/$1.err")" ]; then
        printf '%s\n' "$stderr" >"$TMP/err"
        same "$(expected "scenarios/$1.err")" "$TMP/err"
    else
        [ -z "$stderr" ] || { echo "unexpected stderr: $stderr"; return 1; }
    fi
}

# The Python twin on CPython prints the same; its stderr is checked
# separately where CPython writes one (see the tests at the end).  Each
# scenario's test runs both checks.
check_twin() {
    need_python
    TWINS="$BATS_FILE_TMPDIR/twins"
    same "$(expected "scenarios/$1.times")" "$TWINS/$1.out"
    if [ ! -f "$(expected "scenarios/$1.err")" ]; then
        same /dev/null "$TWINS/$1.err"
        [ "$(cat "$TWINS/$1.status")" -eq 0 ]
    fi
}

@test "cancel_awaiting_future: Cancelling a task that awaits a Future cancels that Future too" { check_c cancel_awaiting_future; check_twin cancel_awaiting_future; }
@test "cancel_before_return: cancel() after the task's last await: it returns a value, yet ends up" { check_c cancel_before_return; check_twin cancel_before_return; }
@test "cancel_catch_reraise: A task that catches its cancellation, cleans up with a further await," { check_c cancel_catch_reraise; check_twin cancel_catch_reraise; }
@test "cancel_catch_return: A task that catches its cancellation, cleans up with a further await," { check_c cancel_catch_return; check_twin cancel_catch_return; }
@test "cancel_self: A task that cancels itself keeps running until an await that yields" { check_c cancel_self; check_twin cancel_self; }
@test "cancel_states: cancel() before a task starts (its body never runs), while it sleeps," { check_c cancel_states; check_twin cancel_states; }
@test "cancel_timer_race: cancel() arrives in the same loop iteration in which the task's sleep" { check_c cancel_timer_race; check_twin cancel_timer_race; }
@test "claim_await_no_yield: Only an await that reaches a pending Future gives the loop control (claims C3, C11, C31, C32)" { check_c claim_await_no_yield; check_twin claim_await_no_yield; }
@test "claim_run_new_loop: A second asyncio.run in a row works: each run closes its own loop (claims C6, C8)" { check_c claim_run_new_loop; check_twin claim_run_new_loop; }
@test "claim_sleep_is_coroutine: asyncio.sleep(1) is a coroutine object and sleeps only when awaited (claim C15)" { check_c claim_sleep_is_coroutine; check_twin claim_sleep_is_coroutine; }
@test "claim_task_runs_unawaited: A task that nobody awaits still runs to the end (claims C27, C29)" { check_c claim_task_runs_unawaited; check_twin claim_task_runs_unawaited; }
@test "claim_wait_for_coroutine: wait_for() gives a coroutine; its timeout starts when it is awaited (claim C42)" { check_c claim_wait_for_coroutine; check_twin claim_wait_for_coroutine; }
@test "claim_walkthrough: Post 2-3: main enters hello_every_second before either task runs (claims C33-C36)" { check_c claim_walkthrough; check_twin claim_walkthrough; }
@test "deadlock: main awaits a Future that nothing will ever set.  CPython waits for" { check_c deadlock; check_twin deadlock; }
@test "future_callbacks: Done callbacks run one loop iteration after the result is set, in the" { check_c future_callbacks; check_twin future_callbacks; }
@test "future_remove_callback: remove_done_callback() takes every registration of a callback off the" { check_c future_remove_callback; check_twin future_remove_callback; }
@test "future_set_exception: A Future finished with an exception: awaiting it raises that exception," { check_c future_set_exception; check_twin future_set_exception; }
@test "future_set_twice: Setting a Future that is already done raises InvalidStateError, with" { check_c future_set_twice; check_twin future_set_twice; }
@test "future_states: result() and exception() in each of a Future's states" { check_c future_states; check_twin future_states; }
@test "iteration_batches: One loop iteration runs only the callbacks that were ready when it" { check_c iteration_batches; check_twin iteration_batches; }
@test "nested_cleanup: A chain of coroutines inside one task is cancelled at its deepest" { check_c nested_cleanup; check_twin nested_cleanup; }
@test "nested_create_order: Tasks created by tasks join the back of the ready queue: the order in" { check_c nested_create_order; check_twin nested_create_order; }
@test "nested_task_chain: Task A awaits task B, which awaits task C.  Cancelling A cancels what" { check_c nested_task_chain; check_twin nested_task_chain; }
@test "reader: select() watches a pipe: a task waits on a Future that a reader" { check_c reader; check_twin reader; }
@test "run_nested: aio_run() inside a running loop raises RuntimeError; the coroutine" { check_c run_nested; check_twin run_nested; }
@test "run_pending_cleanup: main returns while a task is still sleeping: aio_run cancels it and" { check_c run_pending_cleanup; check_twin run_pending_cleanup; }
@test "run_unretrieved: A task fails and nobody ever looks at its exception: it is reported" { check_c run_unretrieved; check_twin run_unretrieved; }
@test "shield_inner_fails: The shielded task fails: awaiting the shield raises its exception.  A" { check_c shield_inner_fails; check_twin shield_inner_fails; }
@test "shield_outer_cancelled: The task awaiting shield(inner) is cancelled: it gets CancelledError at" { check_c shield_outer_cancelled; check_twin shield_outer_cancelled; }
@test "sigint_cleanup: Ctrl-C during asyncio.run(): main is cancelled, its clean-up runs, and" { check_c sigint_cleanup; check_twin sigint_cleanup; }
@test "sleep_negative: sleep() with a zero or negative delay yields exactly once, like" { check_c sleep_negative; check_twin sleep_negative; }
@test "start_order: Tasks start in the order they were created, and only once their creator" { check_c start_order; check_twin start_order; }
@test "task_exception: An exception raised in a task: awaiting the task re-raises it, and" { check_c task_exception; check_twin task_exception; }
@test "task_states: A Task's result(), exception(), done() and cancelled() while it is" { check_c task_states; check_twin task_states; }
@test "timeout_block: asyncio.timeout() around a block: at the deadline the task is cancelled" { check_c timeout_block; check_twin timeout_block; }
@test "timer_order: Timers fire in deadline order; equal deadlines in creation order" { check_c timer_order; check_twin timer_order; }
@test "wait_for_outer_cancelled: The task that is waiting in wait_for is itself cancelled: the inner" { check_c wait_for_outer_cancelled; check_twin wait_for_outer_cancelled; }
@test "wait_for_result: wait_for gets the result before the timeout: it returns it, and its" { check_c wait_for_result; check_twin wait_for_result; }
@test "wait_for_swallow: The inner coroutine swallows the cancellation and returns a value:" { check_c wait_for_swallow; check_twin wait_for_swallow; }
@test "wait_for_timeout_cleanup: On timeout, wait_for cancels the inner coroutine and waits until its" { check_c wait_for_timeout_cleanup; check_twin wait_for_timeout_cleanup; }
@test "wait_for_wake_order: Three tasks wait for the same task; the second through wait_for.  On" { check_c wait_for_wake_order; check_twin wait_for_wake_order; }
@test "future_no_loop: Futures made before asyncio.run(): from 3.12 the first one warns, and only the first" { check_c future_no_loop; check_twin future_no_loop; }
@test "wait_for_zero: timeout=0 (or below): a coroutine is wrapped in a task and cancelled" { check_c wait_for_zero; check_twin wait_for_zero; }
@test "edge_recursion: A coroutine that awaits itself 500 levels deep fits in a task's stack" { check_c edge_recursion; check_twin edge_recursion; }
@test "debug_slow_step: Debug mode names a step that holds the loop for exactly the threshold, 0.1 s" { check_c debug_slow_step; check_twin debug_slow_step; }
@test "future_return_values: set_result() and set_exception() return None; cancel() and" { check_c future_return_values; check_twin future_return_values; }
@test "ref_await_refused: A task awaiting itself yields once, then RuntimeError; a coroutine another task runs, or one finished, cannot be awaited" { check_c ref_await_refused; check_twin ref_await_refused; }
@test "ref_reprs: Future reprs cut a long result as reprlib does, never an exception; a Task asked to cancel is cancelling" { check_c ref_reprs; check_twin ref_reprs; }
@test "ref_set_cancelled_error: set_exception(CancelledError) finishes a Future without cancelling it; set_exception(None) is a TypeError" { check_c ref_set_cancelled_error; check_twin ref_set_cancelled_error; }
@test "ref_stale_message: A bare Exception raised after catching another carries no message of the one caught" { check_c ref_stale_message; check_twin ref_stale_message; }
@test "ref_task_set_refused: set_result() and set_exception() on a Task are refused; its awaiter gets what the coroutine returns" { check_c ref_task_set_refused; check_twin ref_task_set_refused; }
@test "ref_unretrieved: Future exceptions nobody retrieved are reported; cancel() after the failure silences the report" { check_c ref_unretrieved; check_twin ref_unretrieved; }
@test "report_long_message: A long exception message is reported whole, as CPython prints it" { check_c report_long_message; check_twin report_long_message; }
@test "run_shutdown_report: run() cancels four tasks; the two that answer with an exception are" { check_c run_shutdown_report; check_twin run_shutdown_report; }
@test "shield_unretrieved: A cancelled shield lets go of inner: its later failure is reported" { check_c shield_unretrieved; check_twin shield_unretrieved; }
@test "wait_for_infinite: timeout=-inf acts as a timeout already passed; None never times out" { check_c wait_for_infinite; check_twin wait_for_infinite; }
@test "life_await_cycle: Task A awaits B and B awaits A, left to run()'s clean-up: its cancel() recurses" { check_c life_await_cycle; check_twin life_await_cycle; }
@test "life_huge_delays: Enormous delays keep their order: 2e9 s comes before 3e9 s, whether the" { check_c life_huge_delays; check_twin life_huge_delays; }
@test "life_spawn_in_shutdown: A task made during asyncio.run()'s clean-up runs its first step, then is" { check_c life_spawn_in_shutdown; check_twin life_spawn_in_shutdown; }
@test "life_task_names: Task names across three asyncio.run() calls: one counter for the process, and two" { check_c life_task_names; check_twin life_task_names; }

@test "there are at least 30 scenarios, each with a twin, expected output and tests" {
    count=0
    for c in "$ROOT"/scripts/scenarios/*.c; do
        name="$(basename "$c" .c)"
        [ -f "$ROOT/scripts/scenarios/$name.py" ] || { echo "$name has no twin"; return 1; }
        [ -f "$ROOT/expected/scenarios/$name.times" ] || { echo "$name has no expected output"; return 1; }
        grep -q "check_c $name; check_twin $name;" "$BATS_TEST_FILENAME" || { echo "$name has no test"; return 1; }
        count=$((count + 1))
    done
    [ "$count" -ge 30 ]
}

@test "run_unretrieved: CPython reports the same never-retrieved exception" {
    need_python
    err="$BATS_FILE_TMPDIR/twins/run_unretrieved.err"
    [ "$(head -n 1 "$err")" = "Task exception was never retrieved" ]
    sed -n 2p "$err" | grep -Eq "^future: <Task finished name='Task-2' coro=<boom\(\) .*exception=ValueError\('boom'\)>$"
}

@test "run_nested: CPython also warns that the coroutine was never awaited" {
    need_python
    grep -q "RuntimeWarning: coroutine 'nothing' was never awaited" "$BATS_FILE_TMPDIR/twins/run_nested.err"
}

@test "future_no_loop: CPython warns as the C side does: once from 3.12 on, never on 3.11" {
    need_python
    local err="$BATS_FILE_TMPDIR/twins/future_no_loop.err" want=0
    [ "$AIO_PYTHON" = 3.11 ] || want=1
    [ "$(grep -c 'DeprecationWarning: There is no current event loop' "$err")" -eq "$want" ]
}

@test "deadlock: CPython would block for ever; the twin's virtual clock stops it instead" {
    need_python
    [ "$(cat "$BATS_FILE_TMPDIR/twins/deadlock.status")" -eq 1 ]
    grep -q "RuntimeError: deadlock: nothing can wake the waiting tasks" "$BATS_FILE_TMPDIR/twins/deadlock.err"
}

@test "reader: the pipe reader also works on the real clock" {
    run env AIO_SPEED=10 "$(bin scenarios/reader)"
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "main woke with 120" ]
}
