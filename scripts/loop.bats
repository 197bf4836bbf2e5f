#!/usr/bin/env bats
# The loop itself, beyond what the chapters show: every misuse or fault
# ends in a clear message.  (Ordering rules, checked against CPython, are
# in scenarios.bats.)

load helpers

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# ---- misuse: one line on stderr, exit status 1, nothing crashes -----------

misuse() {
    run --separate-stderr env AIO_CLOCK=virtual "$(bin cases/misuse)" "$@"
}

# misuse CASE, which must end with exit status 1 and stderr matching the
# pattern $2 (a glob: "*" where the message goes on).
ends_with() {
    run --separate-stderr env AIO_CLOCK=virtual timeout 10 "$(bin cases/misuse)" "$1"
    [ "$status" -eq 1 ] || { echo "$1: exit status $status, stderr: $stderr"; return 1; }
    [[ "$stderr" == $2 ]] || { echo "$1: stderr is: $stderr"; return 1; }
}

# One test for all of them: each is a single run of a small program.
@test "every misuse ends in one clear message and exit status 1" {
    # Setting a Future's result twice, reading a pending Future's result:
    # InvalidStateError.
    ends_with set_result_twice "asyncio.exceptions.InvalidStateError: invalid state (raised by Future.set_result())"
    ends_with pending_result "asyncio.exceptions.InvalidStateError: Result is not set. (raised by Future.result())"
    # Awaiting a coroutine twice: RuntimeError.
    ends_with await_twice "RuntimeError: cannot reuse already awaited coroutine (raised by await)"
    # aio_run() inside a running loop: RuntimeError, and the coroutine
    # handed to it is never awaited.
    ends_with run_inside_run "RuntimeError: asyncio.run() cannot be called from a running event loop (raised by asyncio.run())
sys:1: RuntimeWarning: coroutine 'nothing' was never awaited"
    # Awaiting outside a task: RuntimeError.
    ends_with await_outside_task "RuntimeError: await outside a running task*"
    # create_task() with no running loop: fatal.  What the program printed
    # before it, still in stdio's buffer, is not lost.
    ends_with create_task_outside_loop "aio: RuntimeError: create_task() needs a running event loop*"
    [ "$output" = "making a task with no loop running" ]
    # sleep(NaN): ValueError from 3.13 on (before, a timer due at once:
    # scenario sleep_nan).
    AIO_PYTHON=3.13 ends_with nan_sleep "ValueError: Invalid delay: NaN (not a number) (raised by asyncio.sleep())"
    # Queue.shutdown() before 3.13, where Queue has no such attribute.
    AIO_PYTHON=3.11 ends_with queue_shutdown "aio: AttributeError: 'Queue' object has no attribute 'shutdown' (Queue.shutdown() is new in Python 3.13, and AIO_PYTHON is 3.11)"
    # The (done, pending) of a wait() whose coroutine call has returned, an
    # iteration later: the str still prints, its sets are refused.
    ends_with stale_wait_pair "aio: aio_wait_done_count() was given a value that is not (done, pending) from an asyncio.wait() still alive *"
    [ "$output" = "({Future}, set())" ]
    # aio_task_group_exit() a second time: the C API's misuse.
    ends_with group_exit_twice "aio: TaskGroup.__aexit__() on a TaskGroup already exited: *"
    # Nothing can ever wake main: a deadlock is reported, not a hang.
    ends_with deadlock "aio: deadlock: *nothing can ever wake the waiting tasks*"
    # A pointer into a task's frames, handed to the loop to keep: refused,
    # since the frames move off the stack while the task is suspended.
    ends_with stack_pointer_call_soon "aio: call_soon() or call_later() was given 0x*, a pointer into Task-1's stack: *"
    ends_with stack_pointer_done_callback "aio: Future.add_done_callback() was given 0x*, a pointer into Task-1's stack: *"
    ends_with stack_pointer_task_argument "aio: create_task() was given 0x*, a pointer into Task-1's stack: *"
    ends_with stack_pointer_queue_put "aio: Queue.put() was given 0x*, a pointer into Task-1's stack: *"
    # A task overflowing its guarded stack is named, with its stack size.
    ends_with stack_overflow "aio: stack overflow in Task-2: it used up its 512 KiB stack (deep recursion or a large local array?)"
}

@test "a segmentation fault in a task that is not an overflow is not reported as one: the usual crash" {
    run --separate-stderr env AIO_CLOCK=virtual "$(bin cases/misuse)" null_write_in_task
    [ "$status" -eq 139 ] || { echo "status $status: $stderr"; return 1; } # 128 + SIGSEGV
    [[ "$stderr" != *"stack overflow"* ]]
}

@test "with more tasks alive than could each have a guard page, an overflow is still caught and named" {
    # 16,400 tasks, more than vm.max_map_count / 4, that each once needed
    # a guard region of their own: the one guard below the shared stack
    # stops the overflowing task at its faulting instruction.
    budget=$(( $(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 65530) / 4 ))
    misuse stack_overflow_unguarded $(( budget + 16 ))
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-$(( budget + 18 )): it used up its 512 KiB stack (deep recursion or a large local array?)" ]
}

@test "100,000 concurrent tasks fit in the default mapping budget" {
    # They share one stack, so they need no mapping of their own (a stack
    # each, with a guard, once needed 200,000 of the 65,530 allowed).
    misuse many_tasks 100000
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
}

@test "20,000 concurrent tasks fit in 1 GB of address space" {
    # A stack of their own would have reserved 11 GiB for them.
    run --separate-stderr bash -c "ulimit -v 1000000; AIO_CLOCK=virtual '$(bin cases/misuse)' many_tasks 20000"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
}

@test "running out of memory for tasks: one line that says what could not be had, not a crash" {
    # 100,000 tasks need more than 300 MB of address space leaves them: a
    # task, its coroutine, or its saved frames is the first to find none.
    run --separate-stderr bash -c "ulimit -v 300000; AIO_CLOCK=virtual '$(bin cases/misuse)' many_tasks 100000"
    [ "$status" -eq 1 ]
    [[ "$stderr" == "aio: MemoryError: no memory "* ]] || { echo "$stderr"; return 1; }
    [ "${#stderr_lines[@]}" -eq 1 ]
}

@test "no descriptor left for the loop's self-pipe: one line, exit 1, before any output" {
    # ulimit -n 4: stdin, stdout, stderr and one more, which the dynamic
    # loader needs to open the libraries; a pipe needs two.  (bats keeps
    # descriptors of its own open: closed first.)
    run --separate-stderr bash -c 'exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; ulimit -n 4 && AIO_CLOCK=virtual exec "$1"' _ "$(bin 02-asyncio-run)"
    [ "$status" -eq 1 ] || { echo "exit status $status: $stderr"; return 1; }
    [ -z "$output" ]
    [ "$stderr" = "aio: cannot make the loop's self-pipe: Too many open files" ]
}

@test "running out of memory for timers: one line, not a crash" {
    run --separate-stderr bash -c "ulimit -v 120000; AIO_CLOCK=virtual '$(bin cases/misuse)' many_timers 10000000"
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: MemoryError: the event loop is out of memory" ]
}
