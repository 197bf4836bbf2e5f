/* wait() at its edges.  The same task twice is one; a plain Future works
 * as a Task does; a set whose Futures are all done still pauses the caller
 * (the callbacks go through call_soon), so a task that was ready runs
 * first.  timeout=0 returns in the next step with what is done by then,
 * and so does a NaN timeout, which is no error (its timer is due at the
 * loop's next look).
 * Refused when awaited: a return_when it does not know (ValueError), and a
 * coroutine next to a task (TypeError), which leaves the task running. */
#include <math.h>

#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: woke", args[0].as.s);
    *result = args[0];
    return AIO_OK;
}

static aio_coro *call(const char *name, long seconds)
{
    return aio_coro_new2("sleeper", sleeper, aio_str(name), aio_int(seconds));
}

static aio_status other(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("other: ran");
    return AIO_OK;
}

static void set_42(void *future) { aio_future_set_result(future, aio_int(42)); }

static size_t count(aio_value sets, bool done)
{
    return done ? aio_wait_done_count(sets) : aio_wait_pending_count(sets);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value sets, value;
    aio_task *a = aio_create_task(call("a", 1));
    aio_future *future = aio_future_new();
    aio_call_later(2, set_42, future);
    aio_status status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, a, a, future), &sets);
    if (status != AIO_OK || (status = aio_future_result(future, &value)) != AIO_OK)
        return status;
    aio_print("main: %zu done, %zu pending; the Future gave %ld", count(sets, true), count(sets, false), value.as.i);

    aio_create_task(aio_coro_new("other", other, aio_none()));
    if ((status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, a), &sets)) != AIO_OK)
        return status;
    aio_print("main: a done already: %zu done", count(sets, true));

    aio_task *b = aio_create_task(call("b", 1));
    if ((status = aio_await(aio_wait(0, AIO_ALL_COMPLETED, a, b), &sets)) != AIO_OK)
        return status;
    aio_print("main: timeout=0: %zu done, %zu pending", count(sets, true), count(sets, false));

    status = aio_await(aio_wait(AIO_NO_TIMEOUT, (aio_return_when)7, b), NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("main: ValueError: %s", aio_exception_message());
    else if (status != AIO_OK)
        return status;
    aio_coro *lone = call("lone", 1);
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, b, lone), NULL);
    if (status == AIO_TYPE_ERROR)
        aio_print("main: TypeError: %s; b.done() = %s", aio_exception_message(), py_bool(aio_task_done(b)));
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(lone, &value)) != AIO_OK)
        return status;
    aio_print("main: lone gave %s; b.done() = %s", value.as.s, py_bool(aio_task_done(b)));

    aio_task *c = aio_create_task(call("c", 1));
    if ((status = aio_await(aio_wait(NAN, AIO_ALL_COMPLETED, c), &sets)) != AIO_OK)
        return status;
    aio_print("main: timeout=nan: %zu done, %zu pending", count(sets, true), count(sets, false));
    if ((status = aio_await(c, &value)) != AIO_OK)
        return status;
    aio_print("main: c gave %s", value.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
