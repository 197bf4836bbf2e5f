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
    # sleep(NaN): ValueError.
    ends_with nan_sleep "ValueError: sleep length must be a number, not NaN (raised by asyncio.sleep())"
    # Nothing can ever wake main: a deadlock is reported, not a hang.
    ends_with deadlock "aio: deadlock: *nothing can ever wake the waiting tasks*"
    # A task overflowing its guarded stack is named, with its stack size.
    ends_with stack_overflow "aio: stack overflow in Task-2: it used up its 512 KiB stack (deep recursion or a large local array?)"
}

@test "a segmentation fault in a task that is not an overflow is not reported as one: the usual crash" {
    run --separate-stderr env AIO_CLOCK=virtual "$(bin cases/misuse)" null_write_in_task
    [ "$status" -eq 139 ] || { echo "status $status: $stderr"; return 1; } # 128 + SIGSEGV
    [[ "$stderr" != *"stack overflow"* ]]
}

@test "past the guard-page budget, an overflow is still caught and named" {
    # 16,400 tasks take every guarded stack (vm.max_map_count / 4) first.
    budget=$(( $(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 65530) / 4 ))
    misuse stack_overflow_unguarded $(( budget + 16 ))
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-$(( budget + 18 )): it used up its 512 KiB stack (deep recursion or a large local array?)" ]
}

# A stack reserves 512 KiB plus a 64 KiB guard region of address space
# (MAP_NORESERVE: no memory until touched), so 100,000 of them reserve
# about 55 GiB.  Where `ulimit -v` allows less (the mutation tool runs the
# tests under 16 GiB), the next test still crosses the guard budget.
@test "100,000 concurrent tasks fit in the default mapping budget" {
    limit="$(ulimit -v)"
    if [ "$limit" != unlimited ] && [ "$limit" -lt 60000000 ]; then
        skip "ulimit -v is $limit KiB, and 100,000 stacks reserve about 57,600,000 KiB"
    fi
    misuse many_tasks 100000
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
}

@test "20,000 concurrent tasks, past the guarded ones (max_map_count / 4), in 14 GiB of address space" {
    [ $(( $(cat /proc/sys/vm/max_map_count) / 4 )) -lt 20000 ] || skip "vm.max_map_count is raised: every stack is guarded"
    run --separate-stderr bash -c "ulimit -v 14000000; AIO_CLOCK=virtual '$(bin cases/misuse)' many_tasks 20000"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
}

@test "running out of memory for stacks: create_task() says so" {
    run --separate-stderr bash -c "ulimit -v 300000; AIO_CLOCK=virtual '$(bin cases/misuse)' many_tasks 100000"
    [ "$status" -eq 1 ]
    [[ "$stderr" == "aio: MemoryError: create_task() cannot get a 512 KiB stack for Task-"*"out of memory" ]]
}

@test "running out of memory for timers: one line, not a crash" {
    run --separate-stderr bash -c "ulimit -v 120000; AIO_CLOCK=virtual '$(bin cases/misuse)' many_timers 10000000"
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: MemoryError: the event loop is out of memory" ]
}
