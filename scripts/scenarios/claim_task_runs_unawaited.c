/* Claims C27, C29 (post 2-1 and its tip): a task runs only if you await
 * it.  Nobody awaits this one, yet it runs to the end once main gives the
 * loop control. */

#include "delay.h" /* the post's delay, as the chapters use it */
#include "scenario.h"

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = aio_create_task(delay(1));
    aio_print("main created the task and will never await it");
    aio_status status = aio_await(aio_sleep(2), NULL);
    if (status != AIO_OK)
        return status;
    aio_value value = aio_none();
    char text[24] = "(no result)";
    if (aio_task_result(task, &value) == AIO_OK)
        aio_repr(value, text, sizeof text);
    aio_print("main at 2 s: done() is %s, result() is %s", py_bool(aio_task_done(task)), text);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
