/* set_exception() takes a CancelledError like any other exception: the
 * Future is done but not cancelled, and whoever awaits it gets that
 * CancelledError, without being cancelled itself.  set_exception(None)
 * (AIO_OK here) is refused with TypeError.  A Future cancelled by someone
 * else wakes its waiter with CancelledError too, again without cancelling
 * the waiter. */
#include "scenario.h"

static aio_status waiter(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await((aio_future *)args[0].as.p, NULL);
    if (status == AIO_CANCELLED)
        aio_print("waiter: %s, cancelling() = %d", exc_name(status), aio_task_cancelling(aio_current_task()));
    *result = aio_str("waiter went on");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_task *task = spawn("waiter", waiter, aio_ptr(future));
    aio_await(aio_sleep(0), NULL);
    aio_status status = aio_future_set_exception(future, AIO_CANCELLED, NULL);
    aio_print("set_exception gives %s", status == AIO_OK ? "None" : exc_name(status));
    aio_print("done = %s, cancelled = %s", py_bool(aio_future_done(future)), py_bool(aio_future_cancelled(future)));
    char repr[96];
    aio_print("repr: %s", aio_future_repr(future, repr, sizeof repr));
    aio_value value;
    status = aio_await(task, &value);
    char text[64];
    aio_print("task: %s", status == AIO_OK ? aio_str_of(value, text, sizeof text) : exc_name(status));
    status = aio_future_result(future, NULL);
    if (status == AIO_CANCELLED)
        aio_print("result() raises %s", exc_name(status));
    aio_future *other = aio_future_new();
    status = aio_future_set_exception(other, AIO_OK, NULL);
    if (status == AIO_TYPE_ERROR)
        aio_print("set_exception(None): %s: %s", exc_name(status), aio_exception_message());
    task = spawn("waiter", waiter, aio_ptr(other));
    aio_await(aio_sleep(0), NULL);
    aio_future_cancel(other);
    status = aio_await(task, &value);
    aio_print("task: %s", status == AIO_OK ? aio_str_of(value, text, sizeof text) : exc_name(status));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
