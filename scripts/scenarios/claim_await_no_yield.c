/* Claims C3, C11, C31, C32 (post 1, 1-3, 2-2): `await` suspends the caller
 * and makes the loop run pending tasks.  Only an await that reaches a
 * pending Future does; awaiting a coroutine that returns at once, or a
 * Future that is already done, goes straight on, and the task waits. */
#include <stdlib.h>

#include "scenario.h"

static aio_status add_one(const aio_value *args, aio_value *result)
{
    char text[24];
    *result = aio_int(strtol(aio_str_of(args[0], text, sizeof text), NULL, 10) + 1);
    return AIO_OK;
}

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("worker runs");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char text[24];
    aio_value value = aio_none();
    spawn("worker", worker, aio_none());
    aio_status status = aio_await(coro("add_one", add_one, aio_int(1)), &value);
    if (status != AIO_OK)
        return status;
    aio_print("await add_one(1) gave %s", aio_repr(value, text, sizeof text));
    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_int(42));
    status = aio_await(done, &value);
    if (status != AIO_OK)
        return status;
    aio_print("await on a done Future gave %s", aio_repr(value, text, sizeof text));
    aio_print("main awaits sleep(0), which gives the loop control");
    status = aio_await(aio_sleep(0), NULL);
    aio_print("main is back");
    return status;
}

int main(void) { return run_main(main_body); }
