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

#include "internal.h"
#include "loop.h"
#include "machinery/object.h"
#include "machinery/stack.h"
#include "machinery/trace.h"

static aio_context loop_context; /* where the loop waits while a task runs */
static aio_task *current;        /* the task whose step is running */
static unsigned long task_counter;

static aio_status task_await(aio_awaitable *self, aio_value *result)
{
    return aio_future_type.awaitable.await(self, result); /* a Task is awaited as the Future it is */
}

static void task_finalize(aio_awaitable *self)
{
    aio_task *task = (aio_task *)self;
    if (task->stack)
        aio_stack_unclaim(task->stack);
    aio_object_drop(task->coro);
    aio_future_type.awaitable.finalize(self); /* and the never-retrieved report */
}

static const char *task_describe(const aio_awaitable *self, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    return ((const aio_task *)self)->name;
}

/* base_tasks._task_repr_info: "cancelling" once cancel() was asked for. */
static void task_repr_info(const aio_future *future, aio_repr_info *info)
{
    const aio_task *task = (const aio_task *)future;
    if (task->num_cancels_requested > 0 && !aio_future_done(future))
        info->state = "cancelling";
    info->name = task->name;
    info->coro = task->coro->name;
    info->wait_for = task->fut_waiter;
    info->wait_for_repr = aio_future_format;
}

/* Only the Task itself settles its Future, when its coroutine ends. */
static aio_status task_set_result(aio_future *self, aio_value result)
{
    (void)self;
    (void)result;
    return aio_raise_in("Task.set_result()", AIO_RUNTIME_ERROR, "Task does not support set_result operation");
}

static aio_status task_set_exception(aio_future *self, aio_status exception, const char *message)
{
    (void)self;
    (void)exception;
    (void)message;
    return aio_raise_in("Task.set_exception()", AIO_RUNTIME_ERROR, "Task does not support set_exception operation");
}

const aio_future_class aio_task_type = {
    .awaitable = {
        .type_repr = "<class '_asyncio.Task'>",
        .await = task_await,
        .finalize = task_finalize,
        .base = &aio_future_type.awaitable,
        .describe = task_describe,
    },
    .name = "Task",
    .cancel = aio_task_cancel_method,
    .set_result = task_set_result,
    .set_exception = task_set_exception,
    .repr_info = task_repr_info,
};

aio_awaitable *aio_task_awaitable(aio_task *task) { return &task->future.base; }
aio_future *aio_task_future(aio_task *task) { return &task->future; }
aio_task *aio_current_task(void) { return current; }

/* asyncio.run()'s clean-up runs two coroutines as Tasks, which use up two
 * names although we need no Task for them (run.c). */
void aio_task_skip_names(unsigned long count) { task_counter += count; }

static void task_step(aio_task *task, aio_status exception, bool own_cancel);

/* A Task's next step, through call_soon().  The loop's handle need not
 * hold the Task: it is pending until its last step, and a pending Task
 * is never reclaimed (machinery/object.h). */
static void step_soon(void *arg) { task_step(arg, AIO_OK, true); }

/* What that step will touch beyond the Task, for the cache hint of
 * machinery/handle.h (aio_handle_prefetch_ahead()): its saved frames and
 * its coroutine. */
static void step_prefetch(void *arg)
{
    const aio_task *task = arg;
    aio_stack_prefetch(&task->claim);
    aio_prefetch_span(task->coro, -(long)AIO_OBJECT_HEADER, (long)sizeof *task->coro);
}

/* Task.__wakeup: the future it waited on is done; resume the coroutine,
 * raising there whatever future.result() would raise. */
static void wakeup(aio_future *future, void *arg)
{
    aio_task *task = arg;
    aio_status status = aio_future_result(future, NULL);
    if (status != AIO_OK)
        task->raised = aio_future_cancelled(future) ? (aio_exception){ .status = status } : future->raised;
    /* A CancelledError is this task's own cancellation only if cancel()
     * was asked for since its last step; else it comes from what it awaited. */
    bool own = task->num_cancels_requested > task->cancels_at_step;
    if (status == AIO_CANCELLED && !own)
        AIO_TRACE(cancelled_await, task->name, &future->base, aio_future_cancelled(future));
    task_step(task, status, own);
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
        aio_stack_unclaim(task->stack);
        task->stack = NULL;
    }
    AIO_TRACE(task_finished, task->name, task->outcome, task->must_cancel, task->outcome_value);
    if (task->outcome == AIO_OK && task->must_cancel) {
        /* cancel() arrived after the last await: too late to raise it
         * inside, but the Task still ends up cancelled. */
        task->must_cancel = false;
        aio_future_cancel_base(&task->future);
    } else if (task->outcome == AIO_OK) {
        aio_future_set_result_base(&task->future, task->outcome_value);
    } else if (task->outcome == AIO_CANCELLED) {
        aio_future_cancel_base(&task->future);
    } else {
        /* A bare `return AIO_ERROR` raises a new exception: it has no
         * message, whatever the last one caught had. */
        aio_exception raised = task->raised.status == task->outcome ? task->raised : (aio_exception){ 0 };
        aio_future_set_exception_base(&task->future, task->outcome, raised.message);
        task->future.raised.where = raised.where;
    }
}

/* Run the coroutine on its own stack until it blocks, yields or ends.
 * Inline: one call less between the loop and every switch. */
static inline void resume(aio_task *task, aio_status exception)
{
    AIO_TRACE(switch_in, task->name);
    task->resume_with = exception;
    current = task;
    aio_exception_use(&task->raised);
    aio_frame *loop_frames = aio_frame_swap(task->frames); /* what it makes is its own */
    aio_stack_occupy(task->stack, &task->context);         /* its frames back on the stack */
    if (!task->started) {
        task->started = true;
        aio_context_init(&task->context, task->stack->lo, task->stack->size);
        aio_context_start(&loop_context, &task->context, aio_stack_top(task->stack), task_entry, task);
    } else {
        AIO_CONTEXT_SWITCH(&loop_context, &task->context);
    }
    aio_stack_set_running(NULL);
    task->frames = aio_frame_swap(loop_frames);
    aio_exception_use(NULL);
    current = NULL;
    AIO_TRACE(switch_out, task->name, task->finished, task->yielded ? &task->yielded->base : NULL);
}

/* A Task made from a coroutine that another task is awaiting: its step
 * sends into a coroutine suspended on a Future, which (in CPython's C
 * Future) yields that same Future again, so the Task waits on it too.
 * The other task, woken first, runs the coroutine on; when this one is
 * woken it looks again, and once the coroutine has finished its step
 * raises "cannot reuse already awaited coroutine".  A coroutine at a bare
 * yield would in CPython go on running in whichever task sends first:
 * that a stack cannot do, and the step raises "being awaited already". */
static bool borrow(aio_task *task)
{
    aio_task *runner = task->coro->state == AIO_CORO_RUNNING ? task->coro->runner : NULL;
    if (!runner || !runner->fut_waiter || aio_future_done(runner->fut_waiter))
        return false;
    task->yielded = runner->fut_waiter;
    return true;
}

/* Task.__step, run by the loop on the main stack. */
static void task_step(aio_task *task, aio_status exception, bool own_cancel)
{
    aio_ns started = AIO_DEBUG_STEP_START();
    if (task->must_cancel) {
        exception = AIO_CANCELLED;
        task->must_cancel = false;
        own_cancel = true;
    }
    task->fut_waiter = NULL;
    task->cancels_at_step = task->num_cancels_requested;
    if (exception == AIO_CANCELLED && own_cancel)
        AIO_TRACE(cancel_delivered, task->name, task->started);

    if (!task->started && exception == AIO_OK && borrow(task)) {
        /* waits below on what the coroutine waits on */
    } else if (!task->started && exception != AIO_OK) {
        /* Thrown into a coroutine that never started, an exception ends
         * it at once: none of its body runs, and it needs no stack.  (One
         * that runs in another task is that task's to end.) */
        if (task->coro->state != AIO_CORO_RUNNING)
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
        aio_call_soon_unheld(step_soon, step_prefetch, task);
    }
    AIO_DEBUG_STEP_END(started, aio_future_format, &task->future);
}

/* A task awaiting itself: Task.__step refuses it only after one bare yield. */
static AIO_COLD aio_status yield_on_itself(aio_task *task)
{
    const char *self_await = aio_repr_message("Task cannot await on itself: ", aio_future_format, &task->future);
    aio_status error = aio_task_take_error(task); /* what a cancel() it made raised (cancel.c) */
    if (error != AIO_OK)
        return error;
    task->yielded = NULL;
    AIO_CONTEXT_SWITCH(&task->context, &loop_context);
    if (task->resume_with == AIO_OK)
        return aio_raise_in("await", AIO_RUNTIME_ERROR, self_await);
    return task->resume_with;
}

/* On every switch, and its frame goes along with the task's stack: after
 * the switch it reads `current` again (the task itself, once resumed)
 * rather than keep anything in a register it would have to save. */
aio_status aio_task_yield(aio_future *future)
{
    aio_task *task = current;
    if (!task)
        return aio_raise_in("await", AIO_RUNTIME_ERROR, "await outside a running task");
    if (future == &task->future)
        return yield_on_itself(task);
    task->yielded = future;
    aio_status error = aio_task_take_error(task); /* what a cancel() it made raised (cancel.c) */
    if (error != AIO_OK)
        return error;
    AIO_CONTEXT_SWITCH(&current->context, &loop_context);
    return current->resume_with;
}

/* A Task still pending when its loop is gone: CPython's garbage collector
 * closes its coroutine (gen_close), which raises GeneratorExit at the
 * await where it is suspended, so its clean-up runs.  A coroutine that
 * awaits again instead, or lets another exception out, is reported as
 * CPython reports an exception in a destructor, and its stack dropped. */
void aio_task_close(aio_task *task)
{
    if (!task->started || task->finished || !task->stack)
        return;
    resume(task, AIO_GENERATOR_EXIT);
    aio_status outcome = task->finished ? task->outcome : AIO_OK;
    if (!task->finished || (outcome != AIO_OK && outcome != AIO_GENERATOR_EXIT)) {
        const char *message = task->finished ? task->raised.message : "coroutine ignored GeneratorExit";
        char coro[96];
        fflush(stdout);
        fprintf(stderr, "Exception ignored in: %s\n%s%s%s\n", aio_coro_repr(task->coro, coro, sizeof coro),
                task->finished ? aio_status_class(outcome) : "RuntimeError", message && *message ? ": " : "",
                message ? message : "");
    }
    aio_coro_close(task->coro);
    aio_stack_unclaim(task->stack);
    task->stack = NULL;
}

/* "Task-N", as snprintf("Task-%lu") writes it (cut to fit, as it would
 * be), without snprintf(): at 100,000 tasks its cost showed. */
static void name_task(char *name, size_t size, unsigned long n)
{
    char digits[24], *d = digits + sizeof digits;
    do
        *--d = (char)('0' + n % 10);
    while ((n /= 10) != 0);
    static const char prefix[] = "Task-";
    size_t at = 0;
    for (const char *c = prefix; *c && at + 1 < size; c++)
        name[at++] = *c;
    for (; d < digits + sizeof digits && at + 1 < size; d++)
        name[at++] = *d;
    name[at] = '\0';
}

aio_task *aio_create_task(aio_coro *coro)
{
    if (!aio_loop_is_running())
        aio_fatal("RuntimeError: create_task() needs a running event loop; "
                  "call it from a coroutine under aio_run()");
    /* Its coroutine will run on another task's turn, when the frames of
     * this one are off the stack: a pointer into them cannot go along. */
    for (size_t i = 0; i < coro->nargs; i++)
        aio_stack_refuse(coro->args[i].kind == AIO_PTR ? coro->args[i].as.p : NULL, "create_task()");
    aio_task *task = aio_object_new(sizeof *task, &aio_task_type.awaitable);
    task->future.state = AIO_FUTURE_PENDING;
    task->coro = coro;
    aio_object_hold(coro);
    name_task(task->name, sizeof task->name, ++task_counter);
    AIO_TRACE(task_created, task->name, coro->name);
    /* Claim its place on the stack now (the first task maps it), so that
     * running out of memory is reported here, where the task is made,
     * rather than at some later step. */
    task->stack = aio_stack_claim(&task->claim, task->name) ? &task->claim : NULL;
    if (!task->stack)
        aio_fatal("MemoryError: create_task() cannot get a place on the %d KiB stack for %s "
                  "(%zu tasks alive): out of memory",
                  AIO_STACK_SIZE / 1024, task->name, aio_stack_in_use());
    aio_call_soon_unheld(step_soon, step_prefetch, task);
    return task;
}
