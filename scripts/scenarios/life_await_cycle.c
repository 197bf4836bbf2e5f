/* Task A awaits task B, and B awaits A; main returns and leaves them to
 * aio_run()'s clean-up.  Its cancel() of A cancels what A waits for, B,
 * which cancels A, and so on until RecursionError: the clean-up stops
 * there, and run() raises it, which the caller can catch.  A and B are
 * left pending: "Task was destroyed but it is pending!" on stderr. */
#include "scenario.h"

static aio_task *a_task, *b_task;

static aio_status wait_on(const aio_value *args, aio_value *result)
{
    const char *name = args[0].as.p;
    aio_print("%s awaits the other task", name);
    return aio_await(name[0] == 'A' ? b_task : a_task, result);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    a_task = spawn("wait_on", wait_on, aio_str("A"));
    b_task = spawn("wait_on", wait_on, aio_str("B"));
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK)
        aio_print("main returns");
    return status;
}

int main(void)
{
    aio_status status = aio_run(coro("main", main_body, aio_none()), NULL);
    if (status == AIO_RECURSION_ERROR) {
        aio_print("asyncio.run raised RecursionError: %s", aio_exception_message());
        status = AIO_OK;
    }
    if (status == AIO_OK)
        aio_print("after run");
    return aio_exit_code(status);
}
