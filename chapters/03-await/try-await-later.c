/* Experiment for chapter 03: make both coroutine objects first, then
 * await them in the opposite order.  Which add_one body runs first? */
#include "aio.h"

static aio_status add_one_body(const aio_value *args, aio_value *result)
{
    aio_print("add_one(%ld) is running", args[0].as.i); /* try: say when the body runs */
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *add_one(long number) { return aio_coro_new("add_one", add_one_body, aio_int(number)); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value one_plus_one, two_plus_one;
    aio_coro *first = add_one(1); /* try: make both coroutine objects up front... */
    aio_coro *second = add_one(2);
    aio_status status = aio_await(second, &two_plus_one); /* try: ...and await the second one first */
    if (status != AIO_OK)
        return status;
    status = aio_await(first, &one_plus_one);
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
