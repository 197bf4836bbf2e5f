/* What changed in 3.13.  3.11 and 3.12 give a generator, whose body runs
 * at the first next(): a coroutine handed to it becomes a Task only then,
 * after a Task made in between, and starts after it.  3.13 makes the Task
 * at the call.  async for gives the Tasks themselves from 3.13 on (the
 * same Task twice is one), and at the timeout it raises TimeoutError
 * itself; before 3.13 it raises TypeError.  as_completed() of nothing
 * gives nothing, in every version.  A coroutine next() gave and nobody
 * awaited is reported at exit by its __qualname__, which names the
 * generator's inner function before 3.13 and the iterator's method from
 * 3.13 on. */
#include "scenario.h"

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_print("%s: starts", args[0].as.s);
    aio_status status = aio_await(aio_sleep((double)args[1].as.i), NULL);
    if (status != AIO_OK)
        return status;
    *result = args[0];
    return AIO_OK;
}

static aio_coro *call(const char *name, long seconds)
{
    return aio_coro_new2("work", work, aio_str(name), aio_int(seconds));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value value;
    aio_status status;
    aio_as_completed *completions = aio_as_completed(AIO_NO_TIMEOUT, call("a", 1));
    aio_task *b = aio_create_task(call("b", 1));
    for (aio_coro *next_done; (next_done = aio_as_completed_next(completions));) {
        if ((status = aio_await(next_done, &value)) != AIO_OK)
            return status;
        aio_print("main: got %s", value.as.s);
    }
    if ((status = aio_await(b, &value)) != AIO_OK)
        return status;
    aio_print("main: b gave %s", value.as.s);

    aio_task *c = aio_create_task(call("c", 1));
    aio_task *slow = aio_create_task(call("slow", 2));
    completions = aio_as_completed(1.5, c, slow, c);
    aio_future *finished;
    while ((status = aio_as_completed_anext(completions, &finished)) == AIO_OK && finished)
        aio_print("main: async for gave c itself: %s, done: %s", py_bool(finished == aio_task_future(c)),
                  py_bool(aio_future_done(finished)));
    if (status == AIO_TYPE_ERROR)
        aio_print("main: TypeError: %s", aio_exception_message());
    else if (status == AIO_TIMEOUT)
        aio_print("main: async for raised TimeoutError; slow.done() = %s", py_bool(aio_task_done(slow)));
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(slow, &value)) != AIO_OK)
        return status;
    aio_print("main: slow gave %s", value.as.s);

    completions = aio_as_completed_awaitables(0, NULL, AIO_NO_TIMEOUT);
    while (aio_as_completed_next(completions))
        aio_print("main: never printed");
    aio_print("main: as_completed([]) gave nothing");

    aio_as_completed_next(aio_as_completed(AIO_NO_TIMEOUT, slow));
    aio_print("main: one coroutine of as_completed() kept, never awaited");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
