/* Experiment for chapter 05: main never awaits the task; it sleeps instead. */
#include "aio.h"
#include "delay.h"

static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    aio_task *sleep_for_three = aio_create_task(delay(3));
    aio_print("%s", aio_type(sleep_for_three));
    return aio_await(aio_sleep(4), NULL); /* try: no await on the task; does it still run? */
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
