/* Wrong uses of the API and faults, one per command-line argument.  Each
 * must end with a one-line message and a non-zero exit, never a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"

static aio_status set_result_twice(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_status status = aio_future_set_result(future, aio_int(1));
    if (status != AIO_OK)
        return status;
    return aio_future_set_result(future, aio_int(2));
}

static aio_status pending_result(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_future_result(aio_future_new(), result);
}

static aio_status nothing(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return AIO_OK;
}

static aio_status await_twice(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_coro *coro = aio_coro_new("nothing", nothing, aio_none());
    aio_status status = aio_await(coro, result);
    if (status != AIO_OK)
        return status;
    return aio_await(coro, result);
}

static aio_status run_inside_run(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_run(aio_coro_new("nothing", nothing, aio_none()), result);
}

static aio_status wait_forever(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_await(aio_future_new(), result); /* nobody will ever set it */
}

static aio_status nan_sleep(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_await(aio_sleep(0.0 / 0.0), result);
}

/* Each level keeps 1 KiB live across the call, so depth ~ KiB of stack. */
static long recurse(long depth)
{
    volatile char frame[1024];
    frame[0] = (char)depth;
    if (depth <= 0)
        return frame[0];
    return recurse(depth - 1) + frame[0];
}

static aio_status overflow(const aio_value *args, aio_value *result)
{
    *result = aio_int(recurse(args[0].as.i));
    return AIO_OK;
}

static aio_status nap(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_await(aio_sleep(1), NULL);
}

/* Take `args[0]` stacks first, so the overflowing task gets the next one. */
static aio_status overflow_after(const aio_value *args, aio_value *result)
{
    for (long i = 0; i < args[0].as.i; i++)
        aio_create_task(aio_coro_new("nap", nap, aio_none()));
    return aio_await(aio_create_task(aio_coro_new("overflow", overflow, args[1])), result);
}

static aio_status many_naps(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++)
        aio_create_task(aio_coro_new("nap", nap, aio_none()));
    return AIO_OK;
}

/* A bug of the program's own, not an overflow: a write through NULL. */
static aio_status null_write(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    volatile int *nothing = NULL;
    *nothing = 1;
    return AIO_OK;
}

static aio_status run_null_write(const aio_value *args, aio_value *result)
{
    (void)args;
    return aio_await(aio_create_task(aio_coro_new("null_write", null_write, aio_none())), result);
}

static void never_called(void *arg) { (void)arg; }

/* Timers by the million, each holding a handle, until memory runs out. */
static aio_status many_timers(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++)
        aio_call_later(1.0, never_called, NULL);
    return AIO_OK;
}

/* ---- pointers into the stack, handed to the loop to keep ------------------
 * While a task is suspended its frames are moved off the shared stack
 * (machinery/stack.h): the loop refuses to keep a pointer into them. */
static void print_text(void *arg) { aio_print("%s", (const char *)arg); }
static void print_text_done(aio_future *future, void *arg) { (void)future, print_text(arg); }

static aio_status prints_text(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_print("%s", (const char *)args[0].as.p);
    return AIO_OK;
}

static aio_status stack_pointer_kept(const aio_value *args, aio_value *result)
{
    (void)result;
    char text[] = "from main's frames";
    if (args[0].as.i == 0)
        aio_call_soon(print_text, text);
    else if (args[0].as.i == 1)
        aio_future_add_done_callback(aio_future_new(), print_text_done, text);
    else if (args[0].as.i == 2)
        aio_create_task(aio_coro_new("prints_text", prints_text, aio_ptr(text)));
    else
        return aio_await(aio_queue_put(aio_queue_new(0), aio_ptr(text)), NULL);
    return aio_await(aio_sleep(0), NULL);
}

/* Queue.shutdown() before 3.13: the method does not exist there. */
static aio_status queue_shutdown(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_queue_shutdown(aio_queue_new(0), false);
    return AIO_OK;
}

/* The (done, pending) of a wait() whose coroutine call has returned: its
 * sets are gone at the end of that iteration, so reading them is refused
 * (the str itself can still be printed). */
static aio_status waits(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_none());
    return aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, done), result);
}

static aio_status stale_wait_pair(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value pair;
    aio_status status = aio_await(aio_coro_new("waits", waits, aio_none()), &pair);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s", pair.as.s);
    aio_print("len(done): %zu", aio_wait_done_count(pair));
    return AIO_OK;
}

/* aio_task_group_exit() twice: the C API's misuse, refused in one line. */
static aio_status group_exit_twice(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK)
        status = aio_task_group_exit(group, AIO_OK);
    if (status == AIO_OK)
        status = aio_task_group_exit(group, AIO_OK);
    return status;
}

static int run(const char *name, aio_coro_fn fn, aio_value arg0, aio_value arg1)
{
    return aio_exit_code(aio_run(aio_coro_new2(name, fn, arg0, arg1), NULL));
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    aio_value none = aio_none();
    if (strcmp(what, "set_result_twice") == 0)
        return run(what, set_result_twice, none, none);
    if (strcmp(what, "pending_result") == 0)
        return run(what, pending_result, none, none);
    if (strcmp(what, "await_twice") == 0)
        return run(what, await_twice, none, none);
    if (strcmp(what, "run_inside_run") == 0)
        return run(what, run_inside_run, none, none);
    if (strcmp(what, "deadlock") == 0)
        return run(what, wait_forever, none, none);
    if (strcmp(what, "queue_shutdown") == 0)
        return run("main", queue_shutdown, aio_none(), aio_none());
    if (strcmp(what, "stale_wait_pair") == 0)
        return run(what, stale_wait_pair, none, none);
    if (strcmp(what, "nan_sleep") == 0)
        return run(what, nan_sleep, none, none);
    if (strcmp(what, "stack_overflow") == 0)
        return run(what, overflow_after, aio_int(0), aio_int(2000));
    if (strcmp(what, "stack_overflow_unguarded") == 0) /* with N tasks alive: one guard covers all */
        return run(what, overflow_after, aio_int(atol(argv[2])), aio_int(520));
    if (strcmp(what, "stack_pointer_call_soon") == 0)
        return run(what, stack_pointer_kept, aio_int(0), none);
    if (strcmp(what, "stack_pointer_done_callback") == 0)
        return run(what, stack_pointer_kept, aio_int(1), none);
    if (strcmp(what, "stack_pointer_task_argument") == 0)
        return run(what, stack_pointer_kept, aio_int(2), none);
    if (strcmp(what, "stack_pointer_queue_put") == 0)
        return run(what, stack_pointer_kept, aio_int(3), none);
    if (strcmp(what, "group_exit_twice") == 0)
        return run(what, group_exit_twice, none, none);
    if (strcmp(what, "many_tasks") == 0)
        return run(what, many_naps, aio_int(atol(argv[2])), none);
    if (strcmp(what, "null_write_in_task") == 0)
        return run(what, run_null_write, none, none);
    if (strcmp(what, "many_timers") == 0)
        return run(what, many_timers, aio_int(atol(argv[2])), none);
    if (strcmp(what, "await_outside_task") == 0) {
        aio_status status = aio_await(aio_future_new(), NULL);
        return aio_exit_code(status);
    }
    if (strcmp(what, "create_task_outside_loop") == 0) {
        /* Plain printf, fully buffered into a file or a pipe: the fatal
         * error that follows must not lose it. */
        printf("making a task with no loop running\n");
        aio_create_task(aio_coro_new("nothing", nothing, aio_none()));
        return 0;
    }
    fprintf(stderr, "usage: misuse CASE [N]\n");
    return 2;
}
