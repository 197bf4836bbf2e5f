/* select() watches a pipe: a task waits on a Future that a reader
 * callback resolves once another task has written to the pipe. */
#include <unistd.h>

#include "aio.h"

static int fds[2];

static void on_readable(void *arg)
{
    char byte;
    if (read(fds[0], &byte, 1) == 1) {
        aio_print("reader got '%c'", byte);
        aio_remove_reader(fds[0]);
        aio_future_set_result(arg, aio_int(byte));
    }
}

static aio_status writer(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("writing");
    return write(fds[1], "x", 1) == 1 ? AIO_OK : aio_raise(AIO_ERROR, "write failed");
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *got = aio_future_new();
    aio_add_reader(fds[0], on_readable, got);
    aio_task *task = aio_create_task(aio_coro_new("writer", writer, aio_none()));
    aio_value value;
    aio_status status = aio_await(got, &value);
    if (status != AIO_OK)
        return status;
    aio_print("main woke with %ld", value.as.i);
    return aio_await(task, NULL);
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
