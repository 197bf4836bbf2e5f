/* A cancel that lands while the callbacks run.  When a finishes, its
 * callbacks run in the order they were added: as_completed's first, which
 * hands a to the consumer's await and wakes it, then ours, which cancels
 * the consumer before it resumes.  Its await raises CancelledError, and a
 * stays in the queue: the next await takes it at once, without pausing.
 * That was the last of the two: the cancelled one used up b's turn.
 * Then a child cancelled before it has run: its own await raises
 * CancelledError, and the loop goes on. */
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

static aio_task *start(const char *name, long seconds)
{
    return aio_create_task(aio_coro_new2("work", work, aio_str(name), aio_int(seconds)));
}

static aio_status consume(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value value;
    aio_status status = aio_await((aio_coro *)args[0].as.p, &value);
    if (status == AIO_OK)
        aio_print("consumer: got %s", value.as.s);
    else if (status == AIO_CANCELLED)
        aio_print("consumer: cancelled, with a handed to it");
    return status;
}

static void cancel_consumer(aio_future *done, void *consumer)
{
    (void)done;
    aio_print("callback on a: consumer.cancel() = %s", py_bool(aio_task_cancel(consumer)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *a = start("a", 1), *b = start("b", 2);
    aio_as_completed *completions = aio_as_completed(AIO_NO_TIMEOUT, a, b);
    aio_task *consumer = aio_create_task(aio_coro_new("consume", consume, aio_ptr(aio_as_completed_next(completions))));
    aio_future_add_done_callback(aio_task_future(a), cancel_consumer, consumer);
    aio_status status = aio_await(consumer, NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("main: consumer cancelled; a.done() = %s", py_bool(aio_task_done(a)));
    aio_value value;
    status = aio_await(aio_as_completed_next(completions), &value);
    if (status != AIO_OK)
        return status;
    aio_print("main: got %s at once", value.as.s);
    aio_coro *another = aio_as_completed_next(completions);
    status = aio_await(b, &value);
    if (status != AIO_OK)
        return status;
    aio_print("main: another await: %s; b gave %s", another ? "a coroutine" : "None", value.as.s);

    aio_task *c = start("c", 1), *d = start("d", 2);
    completions = aio_as_completed(AIO_NO_TIMEOUT, c, d);
    for (aio_coro *next_done; (next_done = aio_as_completed_next(completions));) {
        if (!aio_task_done(c))
            aio_print("main: c.cancel() = %s", py_bool(aio_task_cancel(c)));
        status = aio_await(next_done, &value);
        if (status == AIO_OK)
            aio_print("main: got %s", value.as.s);
        else if (status == AIO_CANCELLED)
            aio_print("main: that await raised CancelledError; c.cancelled() = %s", py_bool(aio_task_cancelled(c)));
        else
            return status;
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
