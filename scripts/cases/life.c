/* Lifetime across aio_run() calls, one case per command-line argument;
 * scripts/life.bats says what each must print.
 *
 * `memory RUNS FUTURES`: RUNS runs, each making FUTURES Futures, a few
 * tasks and one coroutine it never awaits (kept until exit for its
 * warning).  Prints how much resident memory grew after the first 5 runs
 * (CPython's repeated asyncio.run() stays flat).
 *
 * `far`: deadlines past what int64 nanoseconds hold (about 9.2e9 s) all
 * saturate to the same loop time; they must still fire in the order of
 * the deadlines asked for.  Loop times differ from CPython's there, so
 * life.bats compares the output without AIO_STAMP.
 *
 * `cycle_wait_for`: tasks A and B await each other, and main's wait_for()
 * on A times out.  Python 3.11's wait_for cancels A, which recurses round
 * the cycle until RecursionError, raised out of wait_for into main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aio.h"

static long futures_per_run;

static aio_status nothing(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return AIO_OK;
}

static aio_status napper(const aio_value *args, aio_value *result)
{
    (void)result;
    return aio_await(aio_sleep(args[0].as.f), NULL);
}

static aio_status many_futures(const aio_value *args, aio_value *result)
{
    (void)args;
    long sum = 0;
    for (long i = 0; i < futures_per_run; i++) {
        aio_future *future = aio_future_new();
        aio_future_set_result(future, aio_int(i % 3));
        aio_value value;
        if (aio_future_result(future, &value) == AIO_OK)
            sum += value.as.i;
    }
    for (int i = 0; i < 10; i++)
        aio_create_task(aio_coro_new("napper", napper, aio_float(i < 5 ? 0.001 : 10)));
    aio_status status = aio_await(aio_sleep(0.002), NULL);
    aio_coro_new("nothing", nothing, aio_none()); /* never awaited */
    *result = aio_int(sum);
    return status;
}

static aio_status nap(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(args[0].as.f), NULL);
    if (status == AIO_OK) {
        aio_print("%s woke", (const char *)args[1].as.p);
        *result = args[1];
    }
    return status;
}

static aio_coro *nap_for(double seconds, const char *label)
{
    return aio_coro_new2("nap", nap, aio_float(seconds), aio_str(label));
}

static aio_status far_main(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char text[48];
    aio_value value;
    aio_status status = aio_await(aio_wait_for(nap_for(1e12, "1e12 sleeper"), 1e13), &value);
    aio_print("wait_for(sleep 1e12, timeout 1e13): %s", status == AIO_OK ? aio_repr(value, text, sizeof text)
                                                                          : aio_status_class(status));
    status = aio_await(aio_wait_for(nap_for(4e13, "4e13 sleeper"), 3e13), NULL);
    aio_print("wait_for(sleep 4e13, timeout 3e13): %s", status == AIO_OK ? "ok" : aio_status_class(status));
    aio_task *tasks[] = {
        aio_create_task(nap_for(3e12, "3e12 task")),
        aio_create_task(nap_for(1e12, "1e12 task")),
        aio_create_task(nap_for(2e12, "2e12 task")),
    };
    for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++)
        aio_await(tasks[i], NULL);
    return AIO_OK;
}

static aio_task *a_task, *b_task;

static aio_status wait_on(const aio_value *args, aio_value *result)
{
    const char *name = args[0].as.p;
    return aio_await(name[0] == 'A' ? b_task : a_task, result);
}

/* A awaits B and B awaits A, once both have run their first step. */
static void make_cycle(void)
{
    a_task = aio_create_task(aio_coro_new("wait_on", wait_on, aio_str("A")));
    b_task = aio_create_task(aio_coro_new("wait_on", wait_on, aio_str("B")));
}

static aio_status cycle_main(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    make_cycle();
    aio_status status = aio_await(aio_wait_for(a_task, 0.1), NULL);
    if (status == AIO_RECURSION_ERROR)
        aio_print("main: RecursionError: %s", aio_exception_message());
    aio_print("A cancelling: %s, done: %s; B done: %s", aio_task_cancelling(a_task) > 1 ? "many" : "few",
              aio_task_done(a_task) ? "True" : "False", aio_task_done(b_task) ? "True" : "False");
    /* The error was raised once: main's next await is an ordinary one. */
    status = aio_await(aio_sleep(0), NULL);
    aio_print("main goes on: %s", status == AIO_OK ? "True" : aio_status_class(status));
    return AIO_OK;
}

static long resident_kib(void)
{
    long size, resident;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    int ok = fscanf(f, "%ld %ld", &size, &resident) == 2;
    fclose(f);
    return ok ? resident * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

static int memory(long runs)
{
    long warm = -1;
    for (long i = 0; i < runs; i++) {
        aio_status status = aio_run(aio_coro_new("many_futures", many_futures, aio_none()), NULL);
        if (status != AIO_OK)
            return aio_exit_code(status);
        if (i + 1 == 5)
            warm = resident_kib();
    }
    long now = resident_kib();
    if (warm < 0 || now < 0)
        return 1;
    printf("resident growth after run 5: %ld KiB\n", now - warm);
    return 0;
}

/* `timeouts N expire|finish`: one run, N times `async with timeout():`
 * around a sleep, the timeout firing first or the sleep finishing first.
 * Each Timeout is main's until main returns (machinery/object.h), so
 * memory grows either way; but it must grow by the same amount: a
 * timeout that fires gives its timer back to the pool as one that is
 * cancelled does. */
static aio_status timeouts_main(const aio_value *args, aio_value *result)
{
    (void)result;
    long n = args[0].as.i;
    bool expire = args[1].as.i != 0;
    long before = 0;
    for (long i = 0; i < n; i++) {
        if (i == n / 10) /* past the first chunks and slabs */
            before = resident_kib();
        aio_timeout *timeout = aio_timeout_new(expire ? 0.5 : 1.0);
        aio_status status = aio_timeout_enter(timeout);
        if (status == AIO_OK)
            status = aio_await(aio_sleep(expire ? 1.0 : 0.5), NULL);
        status = aio_timeout_exit(timeout, status);
        if (status != (expire ? AIO_TIMEOUT : AIO_OK))
            return status == AIO_OK ? aio_raise(AIO_RUNTIME_ERROR, "the timeout did not fire") : status;
    }
    aio_print("resident growth over %ld timeouts: %ld KiB", n - n / 10, resident_kib() - before);
    return AIO_OK;
}

/* `cycle_wait_for_cancelled`: the same cycle, but the task in wait_for()
 * is itself cancelled.  Cancelling A on its way out walks the cycle, and
 * the RecursionError, not CancelledError, leaves wait_for (3.11). */
static aio_status in_wait_for(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_wait_for(a_task, 10), NULL);
    aio_print("waiter: %s", aio_status_class(status));
    return AIO_OK;
}

static aio_status cancelled_main(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    make_cycle();
    aio_task *waiter = aio_create_task(aio_coro_new("in_wait_for", in_wait_for, aio_none()));
    for (int i = 0; i < 3; i++)
        aio_await(aio_sleep(0), NULL);
    aio_task_cancel(waiter);
    aio_await(waiter, NULL);
    return AIO_OK;
}

/* `cycle_cancel_in_callback`: a loop callback, not a task, cancels A of
 * the cycle.  The RecursionError has no task to be raised in: the loop
 * reports it and goes on, as asyncio's loop logs what a callback raises.
 * main prints with plain printf first, buffered, to show the report comes
 * after it. */
static void cancel_a(void *arg)
{
    (void)arg;
    aio_task_cancel(a_task);
}

static aio_status callback_main(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    make_cycle();
    aio_await(aio_sleep(0), NULL);
    printf("main: a callback cancels A\n");
    aio_call_soon(cancel_a, NULL);
    aio_await(aio_sleep(0), NULL);
    aio_await(aio_sleep(0), NULL);
    printf("main: goes on\n");
    return AIO_OK;
}

/* ---- objects kept past their run -------------------------------------------- */

/* A Future made in one run, kept in a global and awaited in the next.
 * CPython keeps it alive (the global refers to it) and its next loop
 * refuses it: "Task ... got Future ... attached to a different loop".
 * Ours went with its run, so its handle is refused in one line. */
static aio_future *kept_future;

static aio_status keeps_future(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    kept_future = aio_future_new();
    aio_future_set_result(kept_future, aio_int(1));
    return AIO_OK;
}

static aio_status awaits_kept(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_await(kept_future, result);
}

static int across_runs(void)
{
    aio_status status = aio_run(aio_coro_new("keeps_future", keeps_future, aio_none()), NULL);
    if (status == AIO_OK)
        printf("run 1 made a Future\n");
    status = aio_run(aio_coro_new("awaits_kept", awaits_kept, aio_none()), NULL);
    printf("run 2 awaited it: %s\n", aio_status_class(status)); /* never reached */
    return aio_exit_code(status);
}

/* `alive N SECONDS`: one task awaits sleep(SECONDS) N times; then the
 * peak resident memory of the process (VmHWM), which must not depend on
 * N: each sleep's coroutine, Future and timer go once it has returned. */
static long peak_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[128];
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
            break;
    if (f)
        fclose(f);
    return kib;
}

static aio_status sleeps(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++) {
        aio_status status = aio_await(aio_sleep(args[1].as.f), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

/* `returns N`: one step awaits N coroutines that return at once, and never
 * yields.  Each goes as soon as its await has run it, as CPython drops a
 * coroutine whose last reference goes: not at the end of the iteration. */
static aio_status returns_at_once(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return AIO_OK;
}

static aio_status awaits_in_one_step(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++) {
        aio_status status = aio_await(aio_coro_new("returns_at_once", returns_at_once, aio_none()), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

/* `waits N`: N rounds of a coroutine that makes a Task and wait()s for
 * it.  Each round's wait() holds its Task until the wait() itself goes:
 * then both go, and N rounds cost what one does. */
static aio_status waits_for_one(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_task *task = aio_create_task(aio_coro_new("returns_at_once", returns_at_once, aio_none()));
    return aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, task), result);
}

static aio_status rounds_of_wait(const aio_value *args, aio_value *result)
{
    for (long i = 0; i < args[0].as.i; i++) {
        aio_status status = aio_await(aio_coro_new("waits_for_one", waits_for_one, aio_none()), result);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

static aio_status one_task_sleeps(const aio_value *args, aio_value *result)
{
    return aio_await(aio_create_task(aio_coro_new2("sleeps", sleeps, args[0], args[1])), result);
}

/* `stale_task`: a Task kept in a global past the coroutine that made it.
 * It was done, and nothing needed it: its handle is refused. */
static aio_task *kept_task;

static aio_status makes_and_awaits(const aio_value *args, aio_value *result)
{
    (void)args;
    kept_task = aio_create_task(aio_coro_new("nothing", keeps_future, aio_none()));
    return aio_await(kept_task, result);
}

static aio_status uses_stale_task(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_coro_new("makes_and_awaits", makes_and_awaits, aio_none()), result);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL); /* the iteration ends: what nothing needs goes */
    if (status == AIO_OK)
        printf("made by a coroutine that has returned, done: %s\n", aio_task_done(kept_task) ? "True" : "False");
    return status;
}

/* Run `main`, then print the process's peak resident memory (VmHWM). */
static int peak_after(aio_coro *main)
{
    aio_status status = aio_run(main, NULL);
    if (status == AIO_OK)
        printf("peak resident memory: %ld KiB\n", peak_kib());
    return aio_exit_code(status);
}

/* asyncio.run(main()) in a `try` that prints the RecursionError it raises. */
static int run_catching_recursion(const char *name, aio_coro_fn fn)
{
    aio_status status = aio_run(aio_coro_new(name, fn, aio_none()), NULL);
    if (status == AIO_RECURSION_ERROR) {
        aio_print("run: RecursionError: %s", aio_exception_message());
        status = AIO_OK;
    }
    return aio_exit_code(status);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "memory") == 0 && argc > 3) {
        futures_per_run = atol(argv[3]);
        return memory(atol(argv[2]));
    }
    if (strcmp(what, "timeouts") == 0 && argc > 3) {
        long n = atol(argv[2]);
        bool expire = strcmp(argv[3], "expire") == 0;
        return aio_exit_code(aio_run(aio_coro_new2("timeouts", timeouts_main, aio_int(n), aio_int(expire)), NULL));
    }
    if (strcmp(what, "far") == 0)
        return aio_exit_code(aio_run(aio_coro_new("far_main", far_main, aio_none()), NULL));
    if (strcmp(what, "cycle_cancel_in_callback") == 0) {
        aio_status status = aio_run(aio_coro_new("callback_main", callback_main, aio_none()), NULL);
        printf("run: %s\n", aio_status_class(status));
        return 0;
    }
    if (strcmp(what, "cycle_wait_for_cancelled") == 0)
        return run_catching_recursion("cancelled_main", cancelled_main);
    if (strcmp(what, "cycle_wait_for") == 0)
        return run_catching_recursion("cycle_main", cycle_main);
    if (strcmp(what, "across_runs") == 0)
        return across_runs();
    if (strcmp(what, "stale_task") == 0)
        return aio_exit_code(aio_run(aio_coro_new("uses_stale_task", uses_stale_task, aio_none()), NULL));
    if (strcmp(what, "alive") == 0 && argc > 3)
        return peak_after(aio_coro_new2("one_task_sleeps", one_task_sleeps, aio_int(atol(argv[2])), aio_float(atof(argv[3]))));
    if (strcmp(what, "waits") == 0 && argc > 2)
        return peak_after(aio_coro_new("rounds_of_wait", rounds_of_wait, aio_int(atol(argv[2]))));
    if (strcmp(what, "returns") == 0 && argc > 2)
        return peak_after(aio_coro_new("awaits_in_one_step", awaits_in_one_step, aio_int(atol(argv[2]))));
    fprintf(stderr, "usage: life memory RUNS FUTURES | far | cycle_wait_for | cycle_wait_for_cancelled | cycle_cancel_in_callback | timeouts N expire|finish | across_runs | stale_task | alive N SECONDS | returns N | waits N\n");
    return 2;
}
