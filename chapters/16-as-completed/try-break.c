/* Experiment for chapter 16: leave the first loop after its first result. */
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

/* Its own return slot is `main_result`.  Each loop is Python's
 * `for next_done in asyncio.as_completed(...)`: next() gives a coroutine,
 * NULL when there is none left (aio.h, "asyncio.as_completed"). */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_value result;
    aio_status status;
    aio_task *three = aio_create_task(delay(3));
    aio_task *one = aio_create_task(delay(1));
    aio_task *two = aio_create_task(delay(2));
    aio_as_completed *completions = aio_as_completed(AIO_NO_TIMEOUT, three, one, two);
    for (aio_coro *next_done; (next_done = aio_as_completed_next(completions));) {
        status = aio_await(next_done, &result);
        if (status != AIO_OK)
            return status;
        aio_print("got %ld", result.as.i);
        break; /* try: break */
    }

    aio_task *slow = aio_create_task(delay(2));
    aio_task *failing = aio_create_task(fail());
    completions = aio_as_completed(AIO_NO_TIMEOUT, slow, failing);
    for (aio_coro *next_done; (next_done = aio_as_completed_next(completions));) {
        status = aio_await(next_done, &result);
        if (status == AIO_VALUE_ERROR)
            aio_print("raised ValueError('%s')", aio_exception_message());
        else if (status != AIO_OK)
            return status;
        else
            aio_print("got %ld", result.as.i);
    }

    slow = aio_create_task(delay(3));
    aio_task *quick = aio_create_task(delay(1));
    completions = aio_as_completed(2, slow, quick);
    for (aio_coro *next_done; (next_done = aio_as_completed_next(completions));) {
        status = aio_await(next_done, &result);
        if (status == AIO_TIMEOUT) {
            aio_print("TimeoutError; slow.done() = %s", aio_task_done(slow) ? "True" : "False");
            break;
        }
        if (status != AIO_OK)
            return status;
        aio_print("got %ld", result.as.i);
    }
    status = aio_await(slow, &result);
    if (status != AIO_OK)
        return status;
    aio_print("slow gave %ld", result.as.i);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
