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

@test "setting a Future's result twice: InvalidStateError" {
    misuse set_result_twice
    [ "$status" -eq 1 ]
    [ "$stderr" = "asyncio.exceptions.InvalidStateError: invalid state (raised by Future.set_result())" ]
}

@test "reading the result of a pending Future: InvalidStateError" {
    misuse pending_result
    [ "$status" -eq 1 ]
    [ "$stderr" = "asyncio.exceptions.InvalidStateError: Result is not set. (raised by Future.result())" ]
}

@test "awaiting a coroutine twice: RuntimeError" {
    misuse await_twice
    [ "$status" -eq 1 ]
    [ "$stderr" = "RuntimeError: cannot reuse already awaited coroutine (raised by await)" ]
}

@test "aio_run() inside a running loop: RuntimeError, and the coroutine is never awaited" {
    misuse run_inside_run
    [ "$status" -eq 1 ]
    [ "${stderr_lines[0]}" = "RuntimeError: asyncio.run() cannot be called from a running event loop (raised by asyncio.run())" ]
    [ "${stderr_lines[1]}" = "sys:1: RuntimeWarning: coroutine 'nothing' was never awaited" ]
}

@test "awaiting outside a task: RuntimeError" {
    misuse await_outside_task
    [ "$status" -eq 1 ]
    [[ "$stderr" == "RuntimeError: await outside a running task"* ]]
}

@test "create_task() with no running loop: a fatal RuntimeError" {
    misuse create_task_outside_loop
    [ "$status" -eq 1 ]
    [[ "$stderr" == "aio: RuntimeError: create_task() needs a running event loop"* ]]
    # What the program printed before it, still in stdio's buffer, is not lost.
    [ "$output" = "making a task with no loop running" ]
}

@test "sleep(NaN): ValueError" {
    misuse nan_sleep
    [ "$status" -eq 1 ]
    [ "$stderr" = "ValueError: sleep length must be a number, not NaN (raised by asyncio.sleep())" ]
}

@test "nothing can ever wake main: a deadlock is reported, not a hang" {
    run --separate-stderr timeout 10 "$(bin cases/misuse)" deadlock
    [ "$status" -eq 1 ]
    [[ "$stderr" == "aio: deadlock: "*"nothing can ever wake the waiting tasks"* ]]
}

@test "a task overflowing its guarded stack is named, with its stack size" {
    misuse stack_overflow
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-2: it used up its 512 KiB stack (deep recursion or a large local array?)" ]
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
