/* Chapter 10 (post 2-5, last paragraph): shield() under wait_for.  The
 * timeout is still reported, but the task behind the shield is not
 * cancelled: it finishes later, and we collect its result then. */
#include "aio.h"
#include "delay.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = aio_create_task(delay(2));
    aio_value value;
    aio_status status = aio_await(aio_wait_for(aio_shield(task), 1), &value);
    if (status == AIO_TIMEOUT) {
        aio_print("No result after 1 second(s); the task keeps going.");
        aio_print("Was the task cancelled? %s", aio_task_cancelled(task) ? "True" : "False");
        status = aio_await(task, &value); /* it was only the shield that got cancelled */
    }
    if (status != AIO_OK)
        return status;
    aio_print("The shielded task returned %ld", value.as.i);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
