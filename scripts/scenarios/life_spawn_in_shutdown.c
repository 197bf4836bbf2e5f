/* A task made during aio_run()'s clean-up: worker, cancelled because main
 * returned, starts late() from its except clause.  run() waits only for
 * the tasks it cancelled, so late() runs its first step and is then left
 * pending when the loop closes: "Task was destroyed but it is pending!"
 * on stderr, when aio_run() reclaims it (CPython: when it is collected). */
#include "scenario.h"

static aio_status late(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("late: started");
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK)
        aio_print("late: done");
    return status;
}

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(10), NULL);
    if (status == AIO_CANCELLED) {
        aio_print("worker: cancelled, starting late()");
        spawn("late", late, aio_none());
    }
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    spawn("worker", worker, aio_none());
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status == AIO_OK)
        aio_print("main returns");
    return status;
}

int main(void)
{
    aio_status status = aio_run(coro("main", main_body, aio_none()), NULL);
    if (status == AIO_OK)
        aio_print("after run");
    return aio_exit_code(status);
}
