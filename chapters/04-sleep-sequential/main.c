/* Chapter 04 (post 1-4): awaiting coroutines one after another is
 * sequential, even when one of them sleeps. */
#include "aio.h"
#include "delay.h"

static aio_status add_one_body(const aio_value *args, aio_value *result)
{
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *add_one(long number) { return aio_coro_new("add_one", add_one_body, aio_int(number)); }

static aio_status hello_world_message_body(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(delay(1), NULL);
    if (status != AIO_OK)
        return status;
    *result = aio_str("Hello World!");
    return AIO_OK;
}

static aio_coro *hello_world_message(void)
{
    return aio_coro_new("hello_world_message", hello_world_message_body, aio_none());
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value message, one_plus_one;
    /* main is suspended here for the whole second that delay(1) sleeps: */
    aio_status status = aio_await(hello_world_message(), &message);
    if (status != AIO_OK)
        return status;
    /* ...so add_one only starts after it. */
    status = aio_await(add_one(1), &one_plus_one);
    if (status != AIO_OK)
        return status;
    aio_print("%ld", one_plus_one.as.i);
    aio_print("%s", message.as.s);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
