/* Tasks start in the order they were created, and only once their creator
 * gives the loop control; sleep(0) hands control round in FIFO order. */
#include "aio.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)result;
    const char *name = args[0].as.s;
    for (int lap = 1; lap <= 3; lap++) {
        aio_print("%s lap %d", name, lap);
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
    const char *names[] = { "A", "B", "C" };
    aio_task *tasks[3];
    for (int i = 0; i < 3; i++) {
        tasks[i] = aio_create_task(aio_coro_new("worker", worker, aio_str(names[i])));
        aio_print("created %s", names[i]);
    }
    aio_print("main yields");
    aio_status status = aio_await(aio_sleep(0), NULL);
    aio_print("main is back");
    for (int i = 0; status == AIO_OK && i < 3; i++)
        status = aio_await(tasks[i], NULL);
    aio_print("all done");
    return status;
}

int main(void) { return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL)); }
