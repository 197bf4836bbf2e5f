/* Chapter 03 (post 1-3): await runs a coroutine and suspends the caller
 * until it returns.  Nothing here waits, so it is just a call stack. */
#include "aio.h"

static aio_status add_one_body(const aio_value *args, aio_value *result)
{
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *add_one(long number) { return aio_coro_new("add_one", add_one_body, aio_int(number)); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value one_plus_one, two_plus_one;
    aio_status status = aio_await(add_one(1), &one_plus_one);
    if (status != AIO_OK)
        return status;
    status = aio_await(add_one(2), &two_plus_one);
    if (status != AIO_OK)
        return status;
    aio_print("%ld", one_plus_one.as.i);
    aio_print("%ld", two_plus_one.as.i);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
