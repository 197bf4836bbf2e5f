/* One loop iteration runs only the callbacks that were ready when it
 * began.  So a task that keeps yielding with sleep(0) cannot starve the
 * loop: between two of its laps, due timers fire and select() reports
 * readable file descriptors. */
#include <unistd.h>

#include "aio.h"

static int fds[2];

static void on_timer(void *arg)
{
    (void)arg;
    aio_print("timer due now fired");
}

static void on_readable(void *arg)
{
    (void)arg;
    char byte;
    if (read(fds[0], &byte, 1) == 1)
        aio_print("pipe was readable");
    aio_remove_reader(fds[0]);
}

static aio_status busy(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int lap = 1; lap <= 4; lap++) {
        aio_print("busy lap %d", lap);
        aio_status status = aio_await(aio_sleep(0), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = aio_create_task(aio_coro_new("busy", busy, aio_none()));
    if (write(fds[1], "x", 1) != 1)
        return aio_raise(AIO_ERROR, "write failed");
    aio_add_reader(fds[0], on_readable, NULL);
    aio_handle *cancelled = aio_call_later(0, on_timer, NULL);
    aio_handle *timer = aio_call_later(0, on_timer, NULL);
    aio_timer_cancel(cancelled); /* this one must never fire */
    aio_print("main waits");
    aio_status status = aio_await(task, NULL);
    aio_timer_cancel(timer); /* fired long ago: cancelling it now does nothing */
    return status;
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
