#include "delay.h"

static aio_status delay_body(const aio_value *args, aio_value *result)
{
    long seconds = args[0].as.i;
    aio_print("sleeping for %ld second(s)", seconds);
    aio_status status = aio_await(aio_sleep((double)seconds), NULL);
    if (status != AIO_OK)
        return status; /* cancelled while asleep: the second line never prints */
    aio_print("finished sleeping for %ld second(s)", seconds);
    *result = aio_int(seconds);
    return AIO_OK;
}

aio_coro *delay(long seconds)
{
    return aio_coro_new("delay", delay_body, aio_int(seconds));
}
