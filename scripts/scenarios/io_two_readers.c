/* Two sock_recv() on one socket at once: the second's reader replaces the
 * first's, as CPython 3.11's add_reader does.  The data goes to the
 * second; the first waits on, for ever, until it is cancelled, and its
 * done callback leaves alone the reader it no longer owns. */
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "scenario.h"

static int pair[2];
static char first_buf[100], second_buf[100];

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *first = aio_create_task(aio_sock_recv(pair[0], first_buf, sizeof first_buf));
    aio_task *second = aio_create_task(aio_sock_recv(pair[0], second_buf, sizeof second_buf));
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status != AIO_OK)
        return status;
    if (write(pair[1], "x", 1) != 1)
        return aio_raise(AIO_ERROR, "write failed");
    aio_value got;
    status = aio_await(second, &got);
    if (status != AIO_OK)
        return status;
    aio_print("second got b'%.*s'", (int)got.as.i, second_buf);
    status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("a second later, first.done() = %s", py_bool(aio_task_done(first)));
    status = aio_await(aio_wait_for(first, 0.5), NULL);
    aio_print("wait_for(first, 0.5): %s, first.cancelled() = %s", exc_name(status), py_bool(aio_task_cancelled(first)));
    aio_print("remove_reader(): %s", py_bool(aio_remove_reader(pair[0])));
    return AIO_OK;
}

int main(void)
{
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0 || fcntl(pair[0], F_SETFL, O_NONBLOCK) != 0)
        return 2;
    return run_main(main_body);
}
