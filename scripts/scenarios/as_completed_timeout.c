/* A timeout when some are done and some are not.  The awaits come in the
 * order the children finish, a failure out of its own await; at the
 * deadline the next await raises TimeoutError, and so does each one after
 * it, at once.  A child whose sleep ends at the deadline itself is too
 * late: the timeout's timer was armed first.  What is still running runs on.
 * A NaN timeout is no error: its timer is due at the loop's next look, so
 * the first await raises TimeoutError while the child has only just begun. */
#include <math.h>

#include "scenario.h"

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: done", args[0].as.s);
    *result = args[0];
    return AIO_OK;
}

static aio_status failer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: raises", args[0].as.s);
    return aio_raise(AIO_VALUE_ERROR, args[0].as.s);
}

static aio_task *start(const char *fn_name, aio_coro_fn fn, const char *name, long seconds)
{
    return aio_create_task(aio_coro_new2(fn_name, fn, aio_str(name), aio_int(seconds)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *a = start("work", work, "a", 1), *b = start("failer", failer, "b", 1);
    aio_task *c = start("work", work, "c", 2), *d = start("work", work, "d", 3);
    aio_as_completed *completions = aio_as_completed(2, a, b, c, d);
    aio_coro *next_done;
    for (int i = 0; (next_done = aio_as_completed_next(completions)); i++) {
        aio_value value;
        aio_status status = aio_await(next_done, &value);
        if (status == AIO_OK)
            aio_print("main: await %d gave %s", i, value.as.s);
        else if (status == AIO_VALUE_ERROR)
            aio_print("main: await %d raised ValueError('%s')", i, aio_exception_message());
        else if (status == AIO_TIMEOUT)
            aio_print("main: await %d raised TimeoutError", i);
        else
            return status;
    }
    aio_print("main: c.done() = %s, d.done() = %s", py_bool(aio_task_done(c)), py_bool(aio_task_done(d)));
    aio_value value;
    aio_status status = aio_await(d, &value);
    if (status != AIO_OK)
        return status;
    aio_print("main: d gave %s", value.as.s);

    aio_task *e = start("work", work, "e", 1);
    completions = aio_as_completed(NAN, e);
    while ((next_done = aio_as_completed_next(completions))) {
        status = aio_await(next_done, &value);
        if (status == AIO_OK)
            aio_print("main: e gave %s", value.as.s);
        else if (status == AIO_TIMEOUT)
            aio_print("main: timeout=nan raised TimeoutError; e.done() = %s", py_bool(aio_task_done(e)));
        else
            return status;
    }
    if ((status = aio_await(e, &value)) != AIO_OK)
        return status;
    aio_print("main: e gave %s", value.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
