/* Descriptors that become readable together wake their readers in the
 * order they became readable: CPython's selector on Linux is epoll,
 * which reports them so.  Our poll() reports them in the order they were
 * added, and so keeps that order when others are removed from between
 * them; here the two orders are the same.  (Written in another order,
 * epoll would follow the writes, and poll() would not.) */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "scenario.h"

static int pipes[7][2];
static char woke[64];

static void on_readable(void *arg)
{
    int n = (int)(intptr_t)arg;
    char byte;
    if (read(pipes[n][0], &byte, 1) != 1)
        aio_print("read failed");
    aio_remove_reader(pipes[n][0]);
    size_t used = strlen(woke);
    snprintf(woke + used, sizeof woke - used, "%s%d", used ? ", " : "", n);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int n = 0; n < 6; n++)
        aio_add_reader(pipes[n][0], on_readable, (void *)(intptr_t)n);
    aio_remove_reader(pipes[0][0]);
    aio_remove_reader(pipes[2][0]);
    aio_add_reader(pipes[6][0], on_readable, (void *)(intptr_t)6);
    aio_print("watching pipes 1, 3, 4, 5 and 6, added in that order");
    static const int order[] = { 1, 3, 4, 5, 6 };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (write(pipes[order[i]][1], "x", 1) != 1)
            return aio_raise(AIO_ERROR, "write failed");
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("their readers woke in the order [%s]", woke);
    return AIO_OK;
}

int main(void)
{
    for (int n = 0; n < 7; n++)
        if (pipe(pipes[n]) != 0)
            return 1;
    return run_main(main_body);
}
