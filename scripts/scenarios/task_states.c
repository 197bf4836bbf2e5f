/* A Task's result(), exception(), done() and cancelled() while it is
 * pending, after it returns, and after it is cancelled. */
#include "scenario.h"

static void show(const char *name, aio_task *task)
{
    aio_value value;
    char text[32];
    aio_status status = aio_task_result(task, &value);
    if (status == AIO_OK)
        aio_print("%s.result(): %s", name, aio_repr(value, text, sizeof text));
    else
        aio_print("%s.result(): raises %s: %s", name, exc_name(status), aio_exception_message());
    aio_status exception;
    status = aio_future_exception(aio_task_future(task), &exception);
    if (status != AIO_OK)
        aio_print("%s.exception(): raises %s: %s", name, exc_name(status), aio_exception_message());
    else
        aio_print("%s.exception(): None", name);
}

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status == AIO_OK)
        *result = args[0];
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *finished = spawn("work", work, aio_int(8));
    aio_task *cancelled = spawn("work", work, aio_int(9));
    show("pending", finished);
    aio_print("pending: done = %s, cancelled = %s", py_bool(aio_task_done(finished)), py_bool(aio_task_cancelled(finished)));
    aio_task_cancel(cancelled);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_task *all[] = { finished, cancelled };
    const char *names[] = { "finished", "cancelled" };
    for (int i = 0; i < 2; i++) {
        show(names[i], all[i]);
        aio_print("%s: done = %s, cancelled = %s", names[i], py_bool(aio_task_done(all[i])),
                  py_bool(aio_task_cancelled(all[i])));
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
