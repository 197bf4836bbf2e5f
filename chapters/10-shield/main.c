/* Chapter 10 (post 2-5, last paragraph): shield() under wait_for.  The
 * timeout is still reported, but the task behind the shield is not
 * cancelled: it finishes later, and we collect its result then. */
#include "aio.h"
#include "delay.h"

/* Its own return slot is `main_result`: `result` names the task's value,
 * as in chapter 09. */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_task *delay_task = aio_create_task(delay(2));
    aio_value result;
    aio_status status = aio_await(aio_wait_for(aio_shield(delay_task), 1), &result);
    if (status == AIO_TIMEOUT) {
        aio_print("No result after 1 second(s); the task keeps going.");
        aio_print("Was the task cancelled? %s", aio_task_cancelled(delay_task) ? "True" : "False");
        status = aio_await(delay_task, &result); /* it was only the shield that got cancelled */
    }
    if (status != AIO_OK)
        return status;
    aio_print("The shielded task returned %ld", result.as.i);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
