/* What the methods that change a Future return when they succeed, and
 * when they do nothing: set_result() and set_exception() return None
 * (AIO_OK: no exception); cancel() says whether it cancelled;
 * remove_done_callback() counts. */
#include "scenario.h"

static void noted(aio_future *future, void *arg)
{
    (void)future;
    (void)arg;
}

/* A method that returns None: what it raised, if anything. */
static const char *none_or(aio_status status) { return status == AIO_OK ? "None" : exc_name(status); }

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_await(aio_sleep(1), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *failed = aio_future_new();
    aio_print("set_exception() returned %s", none_or(aio_future_set_exception(failed, AIO_VALUE_ERROR, "bad")));
    bool cancelled = aio_future_cancel(failed);
    aio_status exception;
    aio_status status = aio_future_exception(failed, &exception);
    if (status != AIO_OK)
        return status;
    aio_print("then cancel() returned %s, exception() = %s('%s')", py_bool(cancelled), exc_name(exception), "bad");

    aio_future *finished = aio_future_new();
    const char *set = none_or(aio_future_set_result(finished, aio_int(7)));
    aio_value value;
    status = aio_future_result(finished, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("set_result() returned %s, result() = %s", set, aio_repr(value, text, sizeof text));

    aio_future *pending = aio_future_new();
    aio_future_add_done_callback(pending, noted, NULL);
    aio_future_add_done_callback(pending, noted, NULL);
    size_t first = aio_future_remove_done_callback(pending, noted, NULL);
    aio_print("remove_done_callback() returned %zu, then %zu", first, aio_future_remove_done_callback(pending, noted, NULL));
    cancelled = aio_future_cancel(pending);
    aio_print("cancel() returned %s, then %s", py_bool(cancelled), py_bool(aio_future_cancel(pending)));

    aio_task *task = spawn("sleeper", sleeper, aio_none());
    aio_print("Task.cancel() returned %s", py_bool(aio_task_cancel(task)));
    if (aio_await(task, NULL) == AIO_CANCELLED)
        aio_print("and on the cancelled task %s", py_bool(aio_task_cancel(task)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
