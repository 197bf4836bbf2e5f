/* Experiment for chapter 02: a second aio_run() after the first one has
 * closed its loop. */
#include "aio.h"

static aio_status coroutine_add_one_body(const aio_value *args, aio_value *result)
{
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *coroutine_add_one(long number)
{
    return aio_coro_new("coroutine_add_one", coroutine_add_one_body, aio_int(number));
}

int main(void)
{
    aio_value result;
    aio_status status = aio_run(coroutine_add_one(1), &result);
    if (status != AIO_OK)
        return aio_exit_code(status);
    status = aio_run(coroutine_add_one(result.as.i), &result); /* try: run again, on the first result */
    if (status != AIO_OK)
        return aio_exit_code(status);

    char text[32];
    aio_print("%s", aio_str_of(result, text, sizeof text));
    return 0;
}
