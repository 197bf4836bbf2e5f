/* Experiment for chapter 10: the same program without shield(). */
#include "aio.h"
#include "delay.h"

static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_task *delay_task = aio_create_task(delay(2));
    aio_value result;
    aio_status status = aio_await(aio_wait_for(delay_task, 1), &result); /* try: no shield */
    if (status == AIO_TIMEOUT) {
        aio_print("No result after 1 second(s); the task keeps going.");
        aio_print("Was the task cancelled? %s", aio_task_cancelled(delay_task) ? "True" : "False");
        status = aio_await(delay_task, &result);
        if (status == AIO_CANCELLED) { /* try: the task may now be cancelled, so catch that */
            aio_print("Awaiting the task raised CancelledError: it is gone.");
            return AIO_OK;
        }
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
