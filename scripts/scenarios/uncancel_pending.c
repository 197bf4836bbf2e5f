/* cancel() on a task that has not run yet, then uncancel() before it
 * does.  Up to 3.12 the cancel still reaches the task, which ends
 * cancelled without running; from 3.13 (gh-113848) taking back the last
 * request drops the pending cancel too, and the task runs. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_print("worker: running");
    *result = aio_str("done");
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("worker", worker, aio_none());
    aio_print("cancel: %s", py_bool(aio_task_cancel(task)));
    aio_print("uncancel: %d", aio_task_uncancel(task));
    aio_value value;
    char text[48];
    aio_print("worker: %s", outcome(aio_await(task, &value), value, text, sizeof text));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
