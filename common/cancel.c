/* Section 2-4: Task.cancel(), done() and cancelled().
 *
 * cancel() cannot stop a task that is running: only the loop's next step
 * of that task can raise CancelledError in it.  If the task is blocked on
 * a Future, cancelling that Future wakes it with CancelledError; otherwise
 * the request waits in must_cancel for the task's next await. */
#include "internal.h"
#include "machinery/trace.h"

bool aio_task_cancel(aio_task *task)
{
    task->future.retrieved = true; /* as Task.cancel() clears _log_traceback, even when done */
    if (aio_task_done(task))
        return false;
    task->num_cancels_requested++;
    AIO_TRACE(cancel_requested, task->name);
    if (task->fut_waiter && aio_future_cancel(task->fut_waiter))
        return true;
    task->must_cancel = true;
    return true;
}

/* future.cancel() on a Task finds this, as Python's method lookup would. */
bool aio_task_cancel_method(aio_future *self) { return aio_task_cancel((aio_task *)self); }

bool aio_task_done(const aio_task *task) { return aio_future_done(&task->future); }
bool aio_task_cancelled(const aio_task *task) { return aio_future_cancelled(&task->future); }
int aio_task_cancelling(const aio_task *task) { return task->num_cancels_requested; }
aio_status aio_task_result(aio_task *task, aio_value *result) { return aio_future_result(&task->future, result); }
