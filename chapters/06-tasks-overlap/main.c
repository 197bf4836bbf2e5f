/* Chapter 06 (post 2-2): three tasks that each sleep 3 s take 3 s in all. */
#include "aio.h"
#include "delay.h"

#define TASKS 3

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *tasks[TASKS];
    for (int i = 0; i < TASKS; i++)
        tasks[i] = aio_create_task(delay(3));
    /* The first await lets all three start; by the time the first one is
     * done, the other two are done too, so the later awaits do not wait. */
    for (int i = 0; i < TASKS; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
