/* Section 2-1: Task, a Future that drives a coroutine.
 *
 * Each task runs its coroutine on a stack of its own.  A "step" (asyncio's
 * Task.__step) switches from the loop onto that stack and runs until the
 * coroutine either finishes or awaits something that is not done yet;
 * then it switches back and the loop decides when the next step runs:
 *
 *   blocked on a Future  ->  a done callback on it calls wakeup, then step
 *   bare yield (sleep 0) ->  step again via call_soon
 *   finished             ->  set the Task's own result, free the stack */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "loop.h"
#include "stack.h"
#include "trace.h"

static aio_context loop_context; /* where the loop waits while a task runs */
static aio_task *current;        /* the task whose step is running */
static unsigned long task_counter;

static aio_status task_await(aio_awaitable *self, aio_value *result)
{
    return aio_future_type.await(self, result); /* a Task is awaited as the Future it is */
}

/* CPython logs this when a Task whose exception nobody looked at is
 * garbage collected; we say it when the Task is reclaimed. */
static void task_finalize(aio_awaitable *self)
{
    aio_task *task = (aio_task *)self;
    if (task->stack)
        aio_stack_release(task->stack);
    if (task->future.state == AIO_FUTURE_FINISHED && task->future.exception != AIO_OK && !task->future.retrieved) {
        char repr[160];
        fflush(stdout);
        fprintf(stderr, "Task exception was never retrieved\nfuture: %s\n",
                aio_future_repr(&task->future, repr, sizeof repr));
    }
    aio_future_type.finalize(self);
}

const aio_awaitable_type aio_task_type = {
    .type_repr = "<class '_asyncio.Task'>",
    .await = task_await,
    .finalize = task_finalize,
};

aio_awaitable *aio_task_awaitable(aio_task *task) { return &task->future.base; }
aio_task *aio_current_task(void) { return current; }
const char *aio_task_get_name(const aio_task *task) { return task->name; }

static void task_step(aio_task *task, aio_status exception);

static void step_soon(void *arg) { task_step(arg, AIO_OK); }

/* Task.__wakeup: the future it waited on is done; resume the coroutine,
 * raising there whatever future.result() would raise. */
static void wakeup(aio_future *future, void *arg)
{
    aio_task *task = arg;
    aio_status status = aio_future_result(future, NULL);
    if (status != AIO_OK && status != AIO_CANCELLED) {
        task->exc_message = future->exception_message;
        task->exc_where = future->exception_where;
    }
    task_step(task, status);
}

/* The bottom frame of every task stack. */
static _Noreturn void task_entry(void *arg)
{
    aio_task *task = arg;
    task->outcome = aio_coro_run(task->coro, &task->outcome_value);
    task->finished = true;
    aio_context_exit(&loop_context);
}

/* The coroutine returned (or raised): settle the Task-as-Future. */
static void finish(aio_task *task)
{
    if (task->stack) {
        aio_stack_release(task->stack);
        task->stack = NULL;
    }
    char value[64];
    if (task->outcome == AIO_OK && !task->must_cancel)
        aio_trace(task->name, "finished: result=%s", aio_repr(task->outcome_value, value, sizeof value));
    else if (task->outcome == AIO_OK || task->outcome == AIO_CANCELLED)
        aio_trace(task->name, "finished: cancelled");
    else
        aio_trace(task->name, "finished: raised %s", aio_status_name(task->outcome));
    if (task->outcome == AIO_OK && task->must_cancel) {
        /* cancel() arrived after the last await: too late to raise it
         * inside, but the Task still ends up cancelled. */
        task->must_cancel = false;
        aio_future_cancel_base(&task->future);
    } else if (task->outcome == AIO_OK) {
        aio_future_set_result(&task->future, task->outcome_value);
    } else if (task->outcome == AIO_CANCELLED) {
        aio_future_cancel_base(&task->future);
    } else {
        aio_future_set_exception(&task->future, task->outcome, task->exc_message);
        task->future.exception_where = task->exc_where;
    }
}

static void trace_switch_out(const aio_task *task)
{
    char what[64];
    if (task->finished)
        aio_trace(task->name, "switches out: finished");
    else if (task->yielded)
        aio_trace(task->name, "switches out: waits on %s", aio_describe(&task->yielded->base, what, sizeof what));
    else
        aio_trace(task->name, "switches out: yields");
}

/* asyncio's debug mode (loop.slow_callback_duration): a step that keeps
 * the loop busy for 0.1 s or more holds up every other task.  Timed
 * around the whole step, so the Task is already finished if the step
 * finished it, as in CPython's message. */
#define SLOW_STEP (AIO_NS_PER_SEC / 10)

static void warn_if_slow(const aio_task *task, aio_ns started)
{
    aio_ns took = aio_clock_now() - started;
    if (took < SLOW_STEP)
        return;
    char repr[128];
    fflush(stdout);
    fprintf(stderr, "Executing %s took %.3f seconds\n", aio_future_repr(&task->future, repr, sizeof repr),
            (double)took / AIO_NS_PER_SEC);
}

/* Run the coroutine on its own stack until it blocks, yields or ends. */
static void resume(aio_task *task, aio_status exception)
{
    aio_trace(task->name, "switches in");
    task->resume_with = exception;
    current = task;
    aio_stack_set_running(task->stack);
    if (!task->started) {
        task->started = true;
        aio_context_init(&task->context, task->stack->lo, task->stack->size);
        aio_context_start(&loop_context, &task->context, aio_stack_top(task->stack), task_entry, task);
    } else {
        aio_context_switch(&loop_context, &task->context);
    }
    aio_stack_set_running(NULL);
    current = NULL;
    trace_switch_out(task);
}

/* Task.__step, run by the loop on the main stack. */
static void task_step(aio_task *task, aio_status exception)
{
    bool debug = aio_config_get()->debug;
    aio_ns started = debug ? aio_clock_now() : 0;
    if (task->must_cancel) {
        exception = AIO_CANCELLED;
        task->must_cancel = false;
    }
    task->fut_waiter = NULL;
    if (exception == AIO_CANCELLED)
        aio_trace(task->name, "CancelledError delivered%s", task->started ? "" : " before it started");

    if (!task->started && exception != AIO_OK) {
        /* Thrown into a coroutine that never started, an exception ends
         * it at once: none of its body runs, and it needs no stack. */
        aio_coro_close(task->coro);
        task->outcome = exception;
        task->finished = true;
    } else {
        resume(task, exception);
    }

    if (task->finished) {
        finish(task);
    } else if (task->yielded) {
        aio_future *future = task->yielded;
        aio_future_add_done_callback(future, wakeup, task);
        task->fut_waiter = future;
        if (task->must_cancel && aio_future_cancel(future))
            task->must_cancel = false;
    } else {
        aio_call_soon(step_soon, task);
    }
    if (debug)
        warn_if_slow(task, started);
}

aio_status aio_task_yield(aio_future *future)
{
    aio_task *task = current;
    if (!task)
        return aio_raise_from("await", AIO_RUNTIME_ERROR, "await outside a running task");
    if (future == &task->future)
        return aio_raise_from("await", AIO_RUNTIME_ERROR, "a Task cannot await itself");
    task->yielded = future;
    aio_context_switch(&task->context, &loop_context);
    return task->resume_with;
}

aio_task *aio_create_task(aio_coro *coro)
{
    if (!aio_loop_is_running())
        aio_fatal("RuntimeError: create_task() needs a running event loop; "
                  "call it from a coroutine under aio_run()");
    aio_task *task = aio_object_new(sizeof *task, &aio_task_type);
    task->future.state = AIO_FUTURE_PENDING;
    task->coro = coro;
    snprintf(task->name, sizeof task->name, "Task-%lu", ++task_counter);
    aio_trace(task->name, "created for %s(), scheduled", coro->name);
    /* Claim the stack now, so that running out of memory is reported
     * here, where the task is made, rather than at some later step. */
    task->stack = aio_stack_acquire(task->name);
    if (!task->stack)
        aio_fatal("MemoryError: create_task() cannot get a %d KiB stack for %s "
                  "(%zu tasks alive): out of memory",
                  AIO_STACK_SIZE / 1024, task->name, aio_stack_in_use());
    aio_call_soon(step_soon, task);
    return task;
}

/* tasks._wrap_awaitable: lets a Task drive an awaitable of your own. */
static aio_status await_wrapped(const aio_value *args, aio_value *result)
{
    return aio_await((aio_awaitable *)args[0].as.p, result);
}

aio_future *aio_ensure_future(aio_awaitable *awaitable)
{
    if (aio_is_future(awaitable))
        return (aio_future *)awaitable;
    if (awaitable->type == &aio_coro_type)
        return &aio_create_task((aio_coro *)awaitable)->future;
    return &aio_create_task(aio_coro_new("_wrap_awaitable", await_wrapped, aio_ptr(awaitable)))->future;
}
