/* Chapter 17 (past the post, after 2-5 and chapter 16): wait returns
 * (done, pending) once the first task finishes, once one raises, or once
 * all are done; a timeout leaves the pending ones running; and what wait
 * refuses. */
#include <stdio.h>

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

/* The results of the tasks that are done, as a list: wait gives each set
 * in the order its tasks were passed (aio.h, "asyncio.wait"). */
static const char *results(aio_value done_pending, char *buf, size_t size)
{
    size_t len = (size_t)snprintf(buf, size, "[");
    for (size_t i = 0; i < aio_wait_done_count(done_pending) && len < size; i++) {
        aio_value result;
        aio_future_result(aio_wait_done(done_pending, i), &result);
        len += (size_t)snprintf(buf + len, size - len, "%s%ld", i > 0 ? ", " : "", result.as.i);
    }
    if (len < size)
        snprintf(buf + len, size - len, "]");
    return buf;
}

/* Its own return slot is `main_result`.  What an await of wait() gives is
 * the pair (done, pending), read with aio_wait_done() and the others. */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_value done_pending;
    char list[64];
    aio_task *three = aio_create_task(delay(3));
    aio_task *one = aio_create_task(delay(1));
    aio_task *two = aio_create_task(delay(2));
    aio_status status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_FIRST_COMPLETED, three, one, two), &done_pending);
    if (status != AIO_OK)
        return status;
    aio_print("first completed: %s done, %zu pending", results(done_pending, list, sizeof list),
              aio_wait_pending_count(done_pending));
    status = aio_await(aio_wait(0.5, AIO_ALL_COMPLETED, three, one, two), &done_pending);
    if (status != AIO_OK)
        return status;
    aio_print("timed out: %s done, %zu pending", results(done_pending, list, sizeof list),
              aio_wait_pending_count(done_pending));
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, three, one, two), &done_pending);
    if (status != AIO_OK)
        return status;
    aio_print("all completed: %s done, %zu pending", results(done_pending, list, sizeof list),
              aio_wait_pending_count(done_pending));

    aio_task *slow = aio_create_task(delay(2));
    aio_task *failing = aio_create_task(fail());
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_FIRST_EXCEPTION, slow, failing), &done_pending);
    if (status != AIO_OK)
        return status;
    aio_status exception;
    aio_future_exception(aio_task_future(failing), &exception);
    aio_print("first exception: %zu done, %zu pending; %s('%s')", aio_wait_done_count(done_pending),
              aio_wait_pending_count(done_pending), aio_status_class(exception),
              aio_future_exception_message(aio_task_future(failing)));
    aio_value value;
    status = aio_await(slow, &value);
    if (status != AIO_OK)
        return status;
    aio_print("slow gave %ld", value.as.i);

    status = aio_await(aio_wait_awaitables(0, NULL, AIO_NO_TIMEOUT, AIO_ALL_COMPLETED), NULL);
    if (status == AIO_VALUE_ERROR)
        aio_print("wait([]) raised ValueError: %s", aio_exception_message());
    else if (status != AIO_OK)
        return status;
    aio_coro *lone = delay(1);
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, lone), NULL);
    if (status == AIO_TYPE_ERROR)
        aio_print("wait([coroutine]) raised TypeError: %s", aio_exception_message());
    else if (status != AIO_OK)
        return status;
    aio_task *task = aio_create_task(lone);
    status = aio_await(aio_wait(AIO_NO_TIMEOUT, AIO_ALL_COMPLETED, task), &done_pending);
    if (status != AIO_OK)
        return status;
    aio_print("as a task: %s done, %zu pending", results(done_pending, list, sizeof list),
              aio_wait_pending_count(done_pending));
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
