/* gather is cancelled after one child has finished: cancel() reaches only
 * the child still running, and is True.  gather then raises
 * CancelledError, yet it is finished, not cancelled; the finished child
 * keeps its result.  With return_exceptions=True it raises CancelledError
 * all the same: a cancel asked for is a cancel delivered. */
#include "scenario.h"

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status == AIO_CANCELLED)
        aio_print("%s: cancelled", args[0].as.s);
    if (status != AIO_OK)
        return status;
    aio_print("%s: done", args[0].as.s);
    *result = args[0];
    return AIO_OK;
}

static aio_task *start(const char *name, long seconds)
{
    return aio_create_task(aio_coro_new2("work", work, aio_str(name), aio_int(seconds)));
}

static aio_status one_round(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_task *a = start("a", 1), *b = start("b", 3);
    aio_future *gathering = args[0].as.i ? aio_gather_return_exceptions(a, b) : aio_gather(a, b);
    aio_status status = aio_await(aio_sleep(2), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: cancel() = %s", py_bool(aio_future_cancel(gathering)));
    aio_value list;
    status = aio_await(gathering, &list);
    if (status == AIO_OK)
        aio_print("main: got %s", list.as.s);
    else if (status == AIO_CANCELLED)
        aio_print("main: gather raised CancelledError; cancelled() = %s", py_bool(aio_future_cancelled(gathering)));
    else
        return status;
    char repr[96], text[32];
    aio_print("main: %s", aio_future_repr(gathering, repr, sizeof repr));
    aio_value value;
    status = aio_task_result(a, &value);
    if (status != AIO_OK)
        return status;
    aio_print("main: a.result() = %s, b.cancelled() = %s", aio_repr(value, text, sizeof text),
              py_bool(aio_task_cancelled(b)));
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(coro("one_round", one_round, aio_int(false)), NULL);
    if (status == AIO_OK)
        status = aio_await(coro("one_round", one_round, aio_int(true)), NULL);
    return status;
}

int main(void) { return run_main(main_body); }
