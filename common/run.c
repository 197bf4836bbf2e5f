/* Section 1-2: asyncio.run.  A new loop; main as its first task, run to
 * completion; then the clean-up: cancel every task still pending and let
 * each finish its own clean-up; then close the loop. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "executor.h"
#include "internal.h"
#include "loop.h"
#include "machinery/object.h"
#include "machinery/report.h"
#include "machinery/sigint.h"
#include "machinery/stack.h"

static void stop_loop(aio_future *future, void *arg)
{
    (void)future;
    (void)arg;
    aio_loop_stop();
}

/* loop.run_until_complete(future).  CPython removes the callback again
 * in a `finally`, for an exception that leaves run_forever() early; here
 * nothing else stops the loop, so the future is done when it returns and
 * its callbacks have all been run. */
static void run_until_complete(aio_future *future)
{
    aio_future_add_done_callback(future, stop_loop, NULL);
    aio_loop_run_forever();
}

/* KeyboardInterrupt, uncaught: the traceback's last line, then, as
 * Python's exit does, a wait for the executor's threads (they cannot be
 * stopped), then death by SIGINT. */
static _Noreturn void keyboard_interrupt(void)
{
    fflush(stdout);
    fputs("KeyboardInterrupt\n", stderr);
    fflush(stderr);
    aio_executor_join_for_exit();
    aio_sigint_die();
    _exit(128 + 2);
}

/* Runner._on_sigint: the first Ctrl-C cancels main, and its clean-up
 * runs; a second ends the program at once (machinery/sigint.c does that
 * itself).  The handler only counts and wakes the loop through its
 * self-pipe; this is the rest of it, on the loop's thread.  Once main is
 * done there is nothing to cancel: KeyboardInterrupt at once. */
static aio_task *interruptible;
static bool interrupted;

static void on_interrupt(void)
{
    if (interrupted || !interruptible || aio_sigint_count() == 0)
        return;
    interrupted = true;
    if (aio_future_done(&interruptible->future))
        keyboard_interrupt();
    aio_task_cancel(interruptible);
}

/* Right after each wait of the loop: what came from outside it.  A
 * KeyboardInterrupt that a handler could not end the program with, since
 * threads were running; Ctrl-C for main; the signals of
 * add_signal_handler(); what threads posted with call_soon_threadsafe(). */
static void on_wakeup(void)
{
    if (aio_sigint_dying()) {
        aio_executor_join_for_exit();
        aio_sigint_die();
    }
    on_interrupt();
    aio_signals_dispatch();
    aio_executor_dispatch();
}

/* The part of asyncio.gather() that run() needs: a Future that is done
 * once every one of `count` Futures is. */
typedef struct gather_future {
    aio_future outer;
    size_t pending;
} gather_future;

static void child_done(aio_future *child, void *arg)
{
    gather_future *gather = arg;
    (void)child;
    if (--gather->pending == 0)
        aio_future_set_result(&gather->outer, aio_none());
}

/* runners._cancel_all_tasks.  Tasks are cancelled in the order they were
 * created; CPython walks a WeakSet, whose order is not defined. */
static bool is_pending_task(const aio_awaitable *o)
{
    return o->type == &aio_task_type.awaitable && !aio_future_done((const aio_future *)o);
}

/* The Tasks of this run that are still pending, oldest first, in a
 * malloc()ed array (NULL when there are none).  Like the set that
 * tasks.all_tasks() returns, the list holds them: drop_tasks() lets go. */
static aio_task **pending_tasks(size_t *count)
{
    size_t all;
    void **objects = aio_objects_of_run(&all);
    *count = 0;
    for (size_t i = 0; i < all; i++)
        if (is_pending_task(objects[i])) {
            aio_object_hold(objects[i]);
            objects[(*count)++] = objects[i];
        }
    if (*count == 0) {
        free(objects);
        return NULL;
    }
    return (aio_task **)objects;
}

static void drop_tasks(aio_task **tasks, size_t count)
{
    for (size_t i = 0; i < count; i++)
        aio_object_drop(tasks[i]);
    free(tasks);
}

/* A cancel() that raises (a cycle of tasks awaiting each other) stops the
 * clean-up there, as in CPython: run() then raises it. */
static aio_status cancel_all_tasks(void)
{
    size_t count, i;
    aio_task **pending = pending_tasks(&count);
    if (!pending)
        return AIO_OK;

    for (i = 0; i < count; i++) {
        bool cancelled;
        aio_status status = aio_task_cancel_status(pending[i], &cancelled);
        if (status != AIO_OK) {
            drop_tasks(pending, count);
            return status;
        }
    }
    gather_future *gather = (gather_future *)aio_future_new_sized(sizeof *gather, "run's gather");
    gather->pending = count;
    for (i = 0; i < count; i++)
        aio_future_add_done_callback(&pending[i]->future, child_done, gather);
    run_until_complete(&gather->outer);

    /* A task that answered the cancel by failing has nobody to tell. */
    for (i = 0; i < count; i++) {
        aio_status exception = AIO_OK;
        if (aio_task_cancelled(pending[i]) || aio_future_exception(&pending[i]->future, &exception) != AIO_OK
            || exception == AIO_OK)
            continue;
        aio_report("unhandled exception during asyncio.run() shutdown", "task", aio_future_format,
                   &pending[i]->future);
    }
    drop_tasks(pending, count);
    return AIO_OK;
}

/* A task still pending now was made during the clean-up (or refused to
 * end): nothing will ever run it again.  CPython's garbage collector
 * frees it, closing its coroutine first (GeneratorExit at its await, so
 * its clean-up runs), then saying "Task was destroyed but it is
 * pending!".  We do the same here, with the loop closed, as it is then
 * in CPython, in creation order. */
static void close_abandoned(void)
{
    size_t count;
    aio_task **pending = pending_tasks(&count);
    for (size_t i = 0; i < count; i++) {
        aio_task_close(pending[i]);
        aio_report("Task was destroyed but it is pending!", "task", aio_future_format, &pending[i]->future);
    }
    drop_tasks(pending, count);
}

aio_status aio_run(aio_coro *main, aio_value *result)
{
    if (result)
        *result = aio_none();
    if (aio_loop_is_running())
        return aio_raise_in("asyncio.run()", AIO_RUNTIME_ERROR, "asyncio.run() cannot be called from a running event loop");

    aio_objects_run_begin();
    aio_loop_open();
    aio_executor_open();
    aio_loop_add_wakeup_hook(on_wakeup);
    aio_event_loop_set();
    aio_task *task = aio_create_task(main);
    interruptible = task;
    interrupted = false;
    aio_sigint_install();
    run_until_complete(&task->future);
    /* Runner.run()'s `finally`: SIGINT has its handler from before again,
     * Python's default_int_handler, for the clean-up and after it. */
    aio_sigint_restore();
    interruptible = NULL;
    if (!interrupted && aio_sigint_count() > 0) /* came after the last look */
        keyboard_interrupt();

    aio_value value;
    aio_status status = aio_future_result(&task->future, &value);
    aio_exception raised = task->future.raised;
    /* Main was cancelled by Ctrl-C, not by a cancel() of its own that it
     * has not taken back: run() raises KeyboardInterrupt. */
    if (status == AIO_CANCELLED && interrupted && aio_task_uncancel(task) == 0) {
        status = AIO_KEYBOARD_INTERRUPT;
        raised = (aio_exception){.status = status};
    }

    aio_status shutdown = cancel_all_tasks();
    const char *shutdown_message = aio_exception_message();
    if (shutdown == AIO_OK)
        /* CPython runs shutdown_asyncgens() and shutdown_default_executor()
         * here, each as a Task: no async generators here, but their names
         * are taken, so the next run's main is Task-5, not Task-3. */
        aio_task_skip_names(2);
    /* shutdown_default_executor(): the jobs running, and those queued, run
     * to their ends, and the loop runs until every thread has ended. */
    aio_future *joined = aio_executor_shutdown_begin();
    if (joined)
        run_until_complete(joined);
    aio_executor_shutdown_end();
    /* loop.close(): its signal handlers go too. */
    aio_signals_close();
    aio_executor_close();
    aio_loop_close();
    close_abandoned();
    aio_objects_run_end();
    aio_loop_close(); /* again, for what the closed tasks queued */
    aio_stack_pool_destroy();

    if (shutdown != AIO_OK) /* raised by the clean-up: main's outcome is lost */
        return aio_raise_in("Task.cancel()", shutdown, shutdown_message);
    if (result)
        *result = value;
    return status == AIO_OK ? AIO_OK : aio_raise_in(raised.where, status, raised.message);
}
