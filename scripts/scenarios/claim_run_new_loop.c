/* Claims C6, C8 (post 1-2): asyncio.run makes a new loop, runs the
 * coroutine to the end and returns its result, then closes the loop, so
 * a second run in a row works on a loop of its own. */
#include <stdlib.h>

#include "scenario.h"

static aio_status nap_then_add_one(const aio_value *args, aio_value *result)
{
    char text[24];
    long number = strtol(aio_str_of(args[0], text, sizeof text), NULL, 10);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK)
        *result = aio_int(number + 1);
    return status;
}

static aio_status run_once(const char *which, long number)
{
    char text[24];
    aio_value value = aio_none();
    aio_status status = aio_run(coro("nap_then_add_one", nap_then_add_one, aio_int(number)), &value);
    if (status == AIO_OK)
        aio_print("%s asyncio.run returned %s", which, aio_repr(value, text, sizeof text));
    return status;
}

int main(void)
{
    aio_status status = run_once("first", 1);
    if (status == AIO_OK)
        status = run_once("second", 2);
    return aio_exit_code(status);
}
