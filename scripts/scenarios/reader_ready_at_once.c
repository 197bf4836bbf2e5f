/* A descriptor already readable and no timer at all: the loop waits in
 * select() with no timeout (asyncio's select(None)), which returns at
 * once, and the reader's callback wakes main. */
#include <unistd.h>

#include "aio.h"

static int fds[2];

static void on_readable(void *arg)
{
    char byte;
    aio_remove_reader(fds[0]);
    if (read(fds[0], &byte, 1) == 1)
        aio_future_set_result(arg, aio_int(byte));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    if (write(fds[1], "x", 1) != 1)
        return aio_raise(AIO_ERROR, "write failed");
    aio_future *got = aio_future_new();
    aio_add_reader(fds[0], on_readable, got);
    aio_value value;
    aio_status status = aio_await(got, &value);
    if (status != AIO_OK)
        return status;
    aio_print("main woke with %ld", value.as.i);
    return AIO_OK;
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
