/* A child is cancelled (not the gather).  With return_exceptions=True its
 * place in the list holds a new CancelledError(''), and the others go on.
 * Without it, gather raises CancelledError as soon as that child is done,
 * while the others go on; gather is finished, not cancelled. */
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

static aio_coro *work_for(const char *name, long seconds)
{
    return aio_coro_new2("work", work, aio_str(name), aio_int(seconds));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *victim = aio_create_task(work_for("victim", 5));
    aio_future *gathering = aio_gather_return_exceptions(work_for("a", 1), victim);
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(victim);
    aio_value results;
    status = aio_await(gathering, &results);
    if (status != AIO_OK)
        return status;
    aio_print("main: got %s", results.as.s);
    /* results[i]: a value, or the exception it holds, raised */
    for (size_t i = 0; i < aio_gather_count(gathering); i++) {
        aio_value item;
        char text[48];
        aio_status holds = aio_gather_result(gathering, i, &item);
        if (holds == AIO_OK)
            aio_print("main: results[%zu] is str: %s", i, aio_repr(item, text, sizeof text));
        else
            aio_print("main: results[%zu] is %s: %s(%s)", i, exc_name(holds), exc_name(holds),
                      aio_repr(aio_str(aio_exception_message()), text, sizeof text));
    }
    char repr[96];
    aio_print("main: %s", aio_future_repr(gathering, repr, sizeof repr));

    victim = aio_create_task(work_for("victim", 5));
    aio_task *other = aio_create_task(work_for("b", 1));
    gathering = aio_gather(victim, other);
    status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(victim);
    status = aio_await(gathering, NULL);
    if (status == AIO_CANCELLED)
        aio_print("main: gather raised CancelledError; cancelled() = %s, b done = %s",
                  py_bool(aio_future_cancelled(gathering)), py_bool(aio_task_done(other)));
    else if (status != AIO_OK)
        return status;
    aio_value value;
    status = aio_await(other, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("main: b gave %s", aio_repr(value, text, sizeof text));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
