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

# Every scenario in one pass, each part headed by its name, so that one
# diff names every scenario that differs, and how.  $1 is "c" (the C
# program: stdout with loop times, stderr, exit status 0, or 1 for the
# deadlock) or "twin" (the Python twin's stdout and exit status from the
# batch; its stderr is checked by the tests after these, where CPython
# writes one).  The scenarios, and what each one shows:
#
#   cancel_awaiting_future: Cancelling a task that awaits a Future cancels that Future too
#   cancel_before_return: cancel() after the task's last await: it returns a value, yet ends up
#   cancel_catch_reraise: A task that catches its cancellation, cleans up with a further await,
#   cancel_catch_return: A task that catches its cancellation, cleans up with a further await,
#   cancel_then_future_cancelled: A task catches its own cancellation, then awaits a Future that main cancels: one cancel request
#   cancel_self: A task that cancels itself keeps running until an await that yields
#   cancel_states: cancel() before a task starts (its body never runs), while it sleeps,
#   cancel_timer_race: cancel() arrives in the same loop iteration in which the task's sleep
#   claim_await_no_yield: Only an await that reaches a pending Future gives the loop control (claims C3, C11, C31, C32)
#   claim_run_new_loop: A second asyncio.run in a row works: each run closes its own loop (claims C6, C8)
#   claim_sleep_is_coroutine: asyncio.sleep(1) is a coroutine object and sleeps only when awaited (claim C15)
#   claim_task_runs_unawaited: A task that nobody awaits still runs to the end (claims C27, C29)
#   claim_wait_for_coroutine: wait_for() gives a coroutine; its timeout starts when it is awaited (claim C42)
#   claim_walkthrough: Post 2-3: main enters hello_every_second before either task runs (claims C33-C36)
#   deadlock: main awaits a Future that nothing will ever set.  CPython waits for
#   future_callbacks: Done callbacks run one loop iteration after the result is set, in the
#   future_remove_callback: remove_done_callback() takes every registration of a callback off the
#   future_set_exception: A Future finished with an exception: awaiting it raises that exception,
#   future_set_twice: Setting a Future that is already done raises InvalidStateError, with
#   future_states: result() and exception() in each of a Future's states
#   iteration_batches: One loop iteration runs only the callbacks that were ready when it
#   nested_cleanup: A chain of coroutines inside one task is cancelled at its deepest
#   never_awaited_early: A run's first object is a coroutine never awaited, under 5000 sleeps' objects: the exit reports it once
#   nested_create_order: Tasks created by tasks join the back of the ready queue: the order in
#   nested_task_chain: Task A awaits task B, which awaits task C.  Cancelling A cancels what
#   reader: select() watches a pipe: a task waits on a Future that a reader
#   reader_ready_at_once: A descriptor already readable and no timer: select() with no timeout returns at once
#   reader_removed: remove_reader() stops a descriptor that stays readable and says whether it was watched; add_reader() replaces
#   readers_order: descriptors readable together wake their readers in the order they were added, removals between them notwithstanding
#   run_nested: aio_run() inside a running loop raises RuntimeError; the coroutine
#   run_pending_cleanup: main returns while a task is still sleeping: aio_run cancels it and
#   run_unretrieved: A task fails and nobody ever looks at its exception: it is reported
#   shield_inner_fails: The shielded task fails: awaiting the shield raises its exception.  A
#   shield_outer_cancelled: The task awaiting shield(inner) is cancelled: it gets CancelledError at
#   sigint_answered: Main answers Ctrl-C's cancel by raising ValueError, or by returning 42: run() raises or returns that, not KeyboardInterrupt
#   sigint_twice: A second Ctrl-C during main's clean-up ends the program at once, by SIGINT
#   sigint_then_run_again: A SIGINT main sends itself is taken at once: KeyboardInterrupt, then a fresh second run
#   sigint_after_run: After asyncio.run() returns, SIGINT has the handler run() found again
#   sigint_cleanup: Ctrl-C during asyncio.run(): main is cancelled, its clean-up runs, and
#   sleep_negative: sleep() with a zero or negative delay yields exactly once, like
#   start_order: Tasks start in the order they were created, and only once their creator
#   task_exception: An exception raised in a task: awaiting the task re-raises it, and
#   task_states: A Task's result(), exception(), done() and cancelled() while it is
#   timeout_block: asyncio.timeout() around a block: at the deadline the task is cancelled
#   timer_heap_many: Sixty-four sleeps with scattered deadlines, many of them equal: they wake in deadline order
#   timer_order: Timers fire in deadline order; equal deadlines in creation order
#   wait_for_outer_cancelled: The task that is waiting in wait_for is itself cancelled: the inner
#   wait_for_result: wait_for gets the result before the timeout: it returns it, and its
#   wait_for_swallow: The inner coroutine swallows the cancellation and returns a value:
#   wait_for_timeout_cleanup: On timeout, wait_for cancels the inner coroutine and waits until its
#   wait_for_wake_order: Three tasks wait for the same task; the second through wait_for.  On
#   future_no_loop: Futures made before asyncio.run(): from 3.12 the first one warns, and only the first
#   uncancel_pending: uncancel() of a cancel that has not reached the task: dropped from 3.13 on, not before
#   wait_for_zero: timeout=0 (or below): a coroutine is wrapped in a task and cancelled
#   edge_recursion: A coroutine that awaits itself 500 levels deep fits in a task's stack
#   debug_slow_step: Debug mode names a step that holds the loop for exactly the threshold, 0.1 s
#   future_return_values: set_result() and set_exception() return None; cancel() and
#   ref_await_refused: A task awaiting itself yields once, then RuntimeError; a coroutine another task runs, or one finished, cannot be awaited
#   ref_reprs: Future reprs cut a long result as reprlib does, never an exception; a Task asked to cancel is cancelling
#   ref_repr_chain: A Task's repr nests the repr of the Task it waits for: a chain of 239 tasks in full, as CPython
#   ref_set_cancelled_error: set_exception(CancelledError) finishes a Future without cancelling it; set_exception(None) is a TypeError
#   ref_stale_message: A bare Exception raised after catching another carries no message of the one caught
#   ref_task_set_refused: set_result() and set_exception() on a Task are refused; its awaiter gets what the coroutine returns
#   ref_unretrieved: Future exceptions nobody retrieved are reported; cancel() after the failure silences the report
#   report_long_message: A long exception message is reported whole, as CPython prints it
#   run_shutdown_report: run() cancels four tasks; the two that answer with an exception are
#   shield_unretrieved: A cancelled shield lets go of inner: its later failure is reported
#   wait_for_infinite: timeout=-inf acts as a timeout already passed; None never times out
#   life_await_cycle: Task A awaits B and B awaits A, left to run()'s clean-up: its cancel() recurses
#   life_held: A done Future outlives the coroutine that made it when returned, held as another's result, or kept in a global and returned by another coroutine in the same iteration
#   life_huge_delays: Enormous delays keep their order: 2e9 s comes before 3e9 s, whether the
#   life_spawn_in_shutdown: A task made during asyncio.run()'s clean-up runs its first step, then is
#   life_task_names: Task names across three asyncio.run() calls: one counter for the process, and two
#   life_closed_suspended: Tasks of an await cycle left pending are closed when collected: GeneratorExit at their await, then "Task was destroyed"; one ignores it
#   life_task_of_awaited_coro: create_task() of a coroutine another task awaits: the Task waits on the same Futures, then RuntimeError
#   timeout_reschedule_queued: reschedule() of a timeout whose expiry is already queued: whatever takes the deadline back first cancels it
#   life_coro_reused: A finished coroutine awaited again, made a Task, or run: RuntimeError: cannot reuse already awaited coroutine
#   timeout_nested: Two timeout() blocks, one in the other: only the inner raises when its deadline comes first; the outer turns a CancelledError the inner lets pass into TimeoutError; both at once, only the outer raises
#   timeout_reschedule_moves: reschedule() later, earlier and to None, when() following each move; refused before the block is entered and after it is left
#   timeout_at_deadline: timeout_at() takes a loop time; its repr rounds to the millisecond; None never expires; a deadline already past expires at the first pause; entered once only
#   timeout_body_catches: The block catches its deadline's CancelledError: ends normally (no TimeoutError, expired() True), re-raises after a clean-up await (TimeoutError then), or raises something else (that one)
#   wait_for_nan: wait_for(x, nan) times out at once, as CPython's loop finds a NaN deadline due; a done Future still gives its result
#   future_after_run: Future() outside any loop once asyncio.run() has returned: RuntimeError, no current event loop, on 3.11 as later
#   gather_cancel_after_child: gather cancelled after one child finished: cancel() reaches the other, and gather raises CancelledError, even with return_exceptions
#   gather_cancel_in_callback: A cancel that lands while gather's done callbacks run: too late for the children, so the list arrives; or its waiter is cancelled after the gather has its list
#   gather_child_fails: A child fails while the others sleep: gather raises at once, the others run to their ends, a second failure is marked retrieved
#   gather_child_swallows: The gather is cancelled while a child swallows its cancel: CancelledError at once, or (return_exceptions) once both are done
#   gather_edges: gather() of nothing, the same awaitable twice, a gather in a gather, a child already done (gather done at once from 3.12 on)
#   gather_reprs: A gather's repr cuts its list as reprlib does; print() shows the list whole
#   gather_return_cancelled: return_exceptions with a cancelled child: CancelledError('') in the list; without it, gather raises while the others go on
#   gather_unretrieved: A failed gather that nobody awaits: "_GatheringFuture exception was never retrieved"
#   as_completed_cancel_in_callback: A cancel that lands while as_completed's callbacks run: the awaiting task is cancelled with a Future handed to it, which the next await takes at once; a child cancelled early raises CancelledError in its turn
#   as_completed_timeout: A timeout with some children done: awaits in finishing order, a failure in its turn, then TimeoutError for each one left, which runs on; a NaN timeout is due at once
#   as_completed_timeout_tie: A Future a timer sets at the deadline, armed first: its callback comes after the timeout's, which takes it as not done (TimeoutError)
#   as_completed_versions: 3.11 and 3.12 make the Tasks at the first next(), 3.13 at the call; async for gives the Tasks themselves from 3.13 on (TypeError before); a coroutine never awaited is reported by its version's __qualname__
#   wait_cancel_in_callback: Cancels that land while wait's callbacks run: the waiting task is cancelled though its waiter was set; a child cancelled after the waiter was set is still pending; two children done in one step are both in done
#   wait_child_fails: FIRST_EXCEPTION: wait returns at the first failure, the others pending and running; a cancelled child does not count; a failure that finishes last is never looked at, and is reported at exit
#   wait_edges: wait() of the same task twice, of a plain Future, of tasks already done (still one pause); timeout=0 and a NaN timeout return in the next step; a bad return_when is a ValueError, a coroutine a TypeError
#   wait_timeout: A timeout returns (done, pending) and raises nothing; a child whose sleep ends at the deadline is pending; wait() cancelled as a task of its own cancels none of the tasks it waited on
#   queue_get_cancelled: A getter cancelled just after put_nowait() woke it wakes the next getter, which takes the item (nothing is lost); one cancelled while it waits is skipped
#   queue_put_cancelled: A putter cancelled just after get_nowait() woke it passes the free place to the next putter; one cancelled while it waits never puts its item
#   queue_getters_fifo: Waiting getters take items in the order they came; a woken getter whose item get_nowait() took first waits again, at the back
#   queue_join: join() waits for task_done(), not get(); the last task_done() wakes every joiner; a put makes join() wait again; with nothing unfinished it returns without a pause
#   queue_nowait: get_nowait() of an empty Queue raises QueueEmpty, put_nowait() into a full one QueueFull; a maxsize of 0 or below is no limit, and 1,000 items come back in order
#   queue_task_done: task_done() more often than put(): ValueError('task_done() called too many times'), in main or in a task; before the get() it is accepted
#   queue_shutdown: 3.13's shutdown(): a waiting putter and put_nowait() raise QueueShutDown, the items left can still be taken, then get_nowait() and waiting getters raise it; 3.11/3.12 have no shutdown()
#   queue_shutdown_immediate: 3.13's shutdown(immediate=True) drops the items, each counted done, and get() raises QueueShutDown at once; join() still waits for the item being worked on
#   queue_other_loop: A Queue made before asyncio.run() is bound to the first loop it waits in (its Event likewise); waiting in a second run raises RuntimeError, the _nowait forms still work
#   task_group_child_fails: A child fails while the others sleep: the group cancels the one still asleep and the body, waits, and raises an ExceptionGroup; a child done first keeps its result
#   task_group_two_fail: Two children fail in one iteration and a third in its clean-up: all three in the ExceptionGroup, in the order they failed; except* takes each kind apart
#   task_group_body_raises: The body raises: children cancelled and waited for, the body's error in the group; SystemExit and KeyboardInterrupt as they are; GeneratorExit makes a BaseExceptionGroup
#   task_group_outer_cancel: The task in the group is cancelled from outside, in the body or in exit: CancelledError, not a group; with a failure beside it the group wins, and 3.13 cancels the task anew
#   task_group_refusals: create_task() refused on a group not entered, shutting down or finished; entered twice; a child adds a sibling during exit; 3.13 closes the refused coroutine
#   task_group_nested: An inner group fails in the body or in a child: a group in the outer group; caught with except* in the body, the outer group never hears of it
#   task_group_child_swallows: A child swallows its cancel: the group waits for it and it keeps its result; the parent's cancelling() shows when exit takes the cancel back (3.13: only at the end)
#   io_cancelled: A cancelled sock_recv() or sock_accept() leaves nothing watched: remove_reader() finds none, and the next call gets the data, or the connection
#   io_two_readers: Two sock_recv() on one socket at once: the second's reader replaces the first's; the data goes to the second, the first waits until cancelled
#   io_errors: The socket calls' errors in CPython's words: a refused connect, a reset in sock_recv, a broken pipe in sock_sendall, then EOF; a blocking socket refused with ValueError by sock_accept (at the number of a connection the program closed itself) and sock_recv (at a number never seen)
#   io_names: The socket calls are coroutines named as CPython names them (BaseSelectorEventLoop.sock_recv...), in their repr and in the warning for one never awaited
#   sleep_nan: sleep(NaN): 3.11 and 3.12 arm a timer the loop finds due at its next look, one iteration later than sleep(0); 3.13 raises ValueError('Invalid delay: NaN (not a number)')
#   signal_handler: A signal sent to itself runs its add_signal_handler() callback two iterations later, behind call_soon(); two signals, two calls; adding again replaces; remove says True, then False; the refusals (no such signal: ValueError; SIGKILL, SIGSTOP: RuntimeError)
#   signal_loop_close: add_signal_handler(SIGINT) takes Ctrl-C from asyncio.run(): main is not cancelled; closing the loop removes the handlers (SIGINT gets Python's default handler back); with no loop, RuntimeError
#   executor_overlap: Jobs on threads overlap in loop time, each done when its own sleeps are over, one with no sleep at once; the loop ticks meanwhile; call_soon_threadsafe() from a job
#   executor_cancel: Cancelling what waits for a thread (wait_for's timeout, cancel()) does not stop the job: it runs to its end, its result dropped, and asyncio.run() waits for it
#   thread_interrupted: Ctrl-C while main waits for a job on a thread: main is cancelled at once, the program waits for the job, then KeyboardInterrupt (threads.bats sends the signals)
check_all() {
    local side="$1" name status want names=()
    : >"$TMP/got"; : >"$TMP/want"
    for name in $(scenarios); do
        names+=("scenarios/$name")
        heading "scenarios/$name" got
        want=0; case "$name" in deadlock|future_after_run) want=1 ;; esac
        if [ "$side" = c ]; then
            heading "scenarios/$name" goterr
            # An address on stderr (a coroutine's repr) is 0xADDRESS in expected/.
            AIO_CLOCK=virtual AIO_STAMP=1 "$ROOT/$BUILD/scenarios/$name" >>"$TMP/got" 2>"$TMP/one.err" && status=0 || status=$?
            normalise <"$TMP/one.err" >>"$TMP/goterr"
        else
            status="$(<"$TWINS/$name.status")"
            cat "$TWINS/$name.out" >>"$TMP/got"
            if [ ! -f "$(expected "scenarios/$name.err")" ] && [ -s "$TWINS/$name.err" ]; then
                echo "unexpected stderr: $(<"$TWINS/$name.err")" >>"$TMP/got"
            fi
        fi
        [ "$status" -eq "$want" ] || echo "exit status $status" >>"$TMP/got"
    done
    expected_parts want times "${names[@]}"
    same "$TMP/want" "$TMP/got" || return 1
    [ "$side" = twin ] || { expected_parts wanterr err "${names[@]}"; same "$TMP/wanterr" "$TMP/goterr"; }
}

scenarios() { (cd "$ROOT/scripts/scenarios" && ls *.c | sed 's/\.c$//'); }

@test "every scenario's C program prints expected/scenarios/, at the same loop times" {
    : >"$TMP/goterr"; : >"$TMP/wanterr"
    untraced check_all c
}

@test "every scenario's Python twin prints the same, at the same loop times" {
    need_python
    TWINS="$BATS_FILE_TMPDIR/twins"
    untraced check_all twin
}

# With no process per scenario: this file is read once, and each name is
# looked for in it by the shell itself.
check_complete() {
    local c name this count=0
    IFS= read -rd '' this <"$BATS_TEST_FILENAME" || true
    for c in "$ROOT"/scripts/scenarios/*.c; do
        name="${c##*/}" name="${name%.c}"
        [ -f "$ROOT/scripts/scenarios/$name.py" ] || { echo "$name has no twin"; return 1; }
        [ -f "$ROOT/expected/scenarios/$name.times" ] || { echo "$name has no expected output"; return 1; }
        [[ "$this" == *$'\n#   '"$name: "* ]] || { echo "$name is not described at the top of this file"; return 1; }
        count=$((count + 1))
    done
    [ "$count" -ge 30 ]
}

@test "there are at least 30 scenarios, each with a twin, expected output and tests" { untraced check_complete; }

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

@test "future_after_run: CPython raises the same RuntimeError, with no DeprecationWarning before it" {
    need_python
    local err="$BATS_FILE_TMPDIR/twins/future_after_run.err"
    [ "$(cat "$BATS_FILE_TMPDIR/twins/future_after_run.status")" -eq 1 ]
    [ "$(tail -n 1 "$err")" = "RuntimeError: There is no current event loop in thread 'MainThread'." ]
    ! grep -q DeprecationWarning "$err"
}

@test "reader: the pipe reader also works on the real clock" {
    run env AIO_SPEED=10 "$(bin scenarios/reader)"
    [ "$status" -eq 0 ]
    [ "${lines[2]}" = "main woke with 120" ]
}
