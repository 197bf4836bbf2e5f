/* Experiment for chapter 15: the third gather with return_exceptions. */
#include "aio.h"
#include "delay.h"

static aio_status fail_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, "boom");
}

static aio_coro *fail(void)
{
    return aio_coro_new("fail", fail_body, aio_none());
}

/* Its own return slot is `main_result`: `results` is the list, a str as
 * print() shows it (aio.h, "asyncio.gather"). */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_value results;
    aio_status status = aio_await(aio_gather(delay(3), delay(1), delay(2)), &results);
    if (status != AIO_OK)
        return status;
    aio_print("%s", results.as.s);

    status = aio_await(aio_gather_return_exceptions(delay(1), fail()), &results);
    if (status != AIO_OK)
        return status;
    aio_print("%s", results.as.s);

    aio_task *slow = aio_create_task(delay(2));
    status = aio_await(aio_gather_return_exceptions(slow, fail()), NULL); /* try: return_exceptions=True */
    if (status == AIO_VALUE_ERROR)
        aio_print("gather raised ValueError('%s'); slow.done() = %s", aio_exception_message(),
                  aio_task_done(slow) ? "True" : "False");
    else if (status != AIO_OK)
        return status;
    aio_value value;
    status = aio_await(slow, &value);
    if (status != AIO_OK)
        return status;
    aio_print("slow gave %ld", value.as.i);

    aio_future *gathering = aio_gather(delay(5), delay(5));
    status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("cancel() = %s", aio_future_cancel(gathering) ? "True" : "False");
    status = aio_await(gathering, NULL);
    if (status == AIO_CANCELLED) {
        char repr[80];
        aio_print("gather raised CancelledError: %s", aio_future_repr(gathering, repr, sizeof repr));
    } else if (status != AIO_OK) {
        return status;
    }
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
