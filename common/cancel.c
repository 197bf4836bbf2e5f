/* Section 2-4: Task.cancel(), done() and cancelled().
 *
 * cancel() cannot stop a task that is running: only the loop's next step
 * of that task can raise CancelledError in it.  If the task is blocked on
 * a Future, cancelling that Future wakes it with CancelledError; otherwise
 * the request waits in must_cancel for the task's next await. */
#include <stdio.h>

#include "internal.h"
#include "machinery/trace.h"

/* CPython's Task.cancel() calls fut_waiter.cancel(), which for a Task
 * awaiting a Task is Task.cancel() again: down a chain of tasks awaiting
 * each other, and round and round a cycle (A awaits B awaits A), until
 * Python's recursion limit raises RecursionError.  We walk the chain in a
 * loop instead of recursing (a C stack has no such limit, and overflows
 * silently), and raise the same error at the same depth. */
#define RECURSION_LIMIT 1000
#define RECURSION_MESSAGE "maximum recursion depth exceeded while calling a Python object"

/* cancel() returns a bool, so the RecursionError waits here for the task
 * that called it, to be raised at that task's next await (aio_task_yield). */
static struct {
    bool set;
    aio_task *caller;
} pending;

static bool is_task(const aio_future *future)
{
    return future->base.type == &aio_task_type.awaitable;
}

aio_status aio_task_cancel_status(aio_task *task, bool *cancelled)
{
    *cancelled = false;
    task->future.retrieved = true; /* as Task.cancel() clears _log_traceback, even when done */
    if (aio_task_done(task))
        return AIO_OK;
    for (int depth = 1;; depth++) {
        task->num_cancels_requested++;
        AIO_TRACE(cancel_requested, task->name);
        aio_future *waiter = task->fut_waiter;
        if (waiter && is_task(waiter) && !aio_future_done(waiter)) {
            if (depth == RECURSION_LIMIT)
                return aio_raise_in("Task.cancel()", AIO_RECURSION_ERROR, RECURSION_MESSAGE);
            task = (aio_task *)waiter; /* its cancel() answers True: so does ours */
            continue;
        }
        if (!waiter || !aio_future_cancel(waiter))
            task->must_cancel = true;
        *cancelled = true;
        return AIO_OK;
    }
}

bool aio_task_cancel(aio_task *task)
{
    bool cancelled;
    if (aio_task_cancel_status(task, &cancelled) == AIO_OK)
        return cancelled;
    aio_task *caller = aio_current_task();
    if (caller) {
        pending.set = true;
        pending.caller = caller;
    } else {
        /* A loop callback called it: asyncio's loop logs what a callback
         * raises, and goes on. */
        fflush(stdout);
        fprintf(stderr, "Exception in callback: RecursionError: %s (raised by Task.cancel())\n", RECURSION_MESSAGE);
    }
    return false;
}

aio_status aio_task_take_error(aio_task *task)
{
    if (!pending.set || pending.caller != task)
        return AIO_OK;
    pending.set = false;
    return aio_raise_in("Task.cancel()", AIO_RECURSION_ERROR, RECURSION_MESSAGE);
}

/* future.cancel() on a Task finds this, as Python's method lookup would. */
bool aio_task_cancel_method(aio_future *self) { return aio_task_cancel((aio_task *)self); }

bool aio_task_done(const aio_task *task) { return aio_future_done(&task->future); }
bool aio_task_cancelled(const aio_task *task) { return aio_future_cancelled(&task->future); }
int aio_task_cancelling(const aio_task *task) { return task->num_cancels_requested; }
aio_status aio_task_result(aio_task *task, aio_value *result) { return aio_future_result(&task->future, result); }
