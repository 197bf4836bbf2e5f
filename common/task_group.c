/* Past the post: asyncio.TaskGroup (new in 3.11), as
 * Lib/asyncio/taskgroups.py builds it.
 *
 * `async with asyncio.TaskGroup() as group:` is three calls, as for
 * asyncio.timeout() (timeout.c).  Enter notes the task running the block:
 * the group's parent.  create_task() makes Tasks that belong to the group,
 * each with _on_task_done() as its done callback.  Exit waits, on a Future
 * of its own, until every one of them is done: nobody leaves the block
 * while a child still runs.  That is structured concurrency.
 *
 * The first child to fail aborts the group: _abort() cancels every child
 * still running, and the parent is cancelled too, once, so that the block
 * stops at the await where it is (_parent_cancel_requested, which exit
 * takes back with uncancel()).  Exit then raises what _errors collected,
 * in the order the children failed and the block's own exception last,
 * as one ExceptionGroup.  KeyboardInterrupt and SystemExit (_base_error)
 * are raised as they are, unwrapped; a CancelledError from outside, with
 * no error beside it, stays a CancelledError.
 *
 * An ExceptionGroup is a status and a message, as every exception here
 * is; its sub-exceptions hang off the message (exception_group below),
 * and aio_exception_group_caught() finds them again.
 *
 * Versions (AIO_PYTHON): 3.12 calls _on_task_done() at once for a child
 * already done when create_task() returns (an eager task; the C loop
 * makes none, so nothing shows).  3.13 closes the coroutine that
 * create_task() refuses, takes the parent's cancel back only once the
 * children are done and after a base error is raised, and, when an
 * ExceptionGroup leaves while the parent is being cancelled from outside,
 * cancels it anew so that its next await raises CancelledError.
 *
 * Left out: create_task()'s name= and context=.  CPython's _tasks is a
 * set, whose order is none in particular; ours is the order of creation,
 * the order _abort() cancels them in.  3.13's close() of a refused
 * coroutine that another task is running (it throws GeneratorExit into
 * it) is not done: only a coroutine that never started is closed.  A
 * child that raises SystemExit or KeyboardInterrupt is handled here as in
 * CPython, but CPython's loop also stops at once and re-raises it from
 * asyncio.run(); ours lets the Task finish with it (task.c), so only the
 * body's own, which every loop treats alike, is shown (scenario
 * task_group_body_raises). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "loop.h"
#include "machinery/config.h"
#include "machinery/object.h"
#include "machinery/trace.h"

/* ---- ExceptionGroup -----------------------------------------------------
 * BaseExceptionGroup('unhandled errors in a TaskGroup', errors): its
 * message, str(group), is the `text` of this record, which lives until
 * aio_run() returns, as an exception's message does.  A group is
 * recognised by its status and by who raised it, `raised_by`: then the
 * message is inside one of these, and the record is found from it. */
struct aio_exception_group {
    aio_status status;              /* AIO_EXCEPTION_GROUP or AIO_BASE_EXCEPTION_GROUP */
    size_t count;                   /* len(group.exceptions) */
    const aio_exception *exceptions; /* each with its message and where it was raised */
    char text[];                    /* "unhandled errors in a TaskGroup (2 sub-exceptions)" */
};

#define GROUP_MESSAGE "unhandled errors in a TaskGroup"
static const char raised_by[] = "TaskGroup.__aexit__()";

static const aio_exception_group *group_of(const aio_exception *e)
{
    if ((e->status != AIO_EXCEPTION_GROUP && e->status != AIO_BASE_EXCEPTION_GROUP) || e->where != raised_by
        || !e->message)
        return NULL;
    return (const aio_exception_group *)(const void *)(e->message - offsetof(aio_exception_group, text));
}

/* isinstance(e, Exception): the others are BaseExceptions only. */
static bool is_exception(aio_status status)
{
    switch (status) {
    case AIO_CANCELLED:
    case AIO_KEYBOARD_INTERRUPT:
    case AIO_SYSTEM_EXIT:
    case AIO_GENERATOR_EXIT:
    case AIO_BASE_EXCEPTION_GROUP:
        return false;
    default:
        return true;
    }
}

/* raise BaseExceptionGroup(GROUP_MESSAGE, errors), which is an
 * ExceptionGroup when every error is an Exception. */
static aio_status raise_group(const aio_exception *errors, size_t count)
{
    aio_status status = AIO_EXCEPTION_GROUP;
    for (size_t i = 0; i < count; i++)
        if (!is_exception(errors[i].status))
            status = AIO_BASE_EXCEPTION_GROUP;
    char text[96];
    int n = snprintf(text, sizeof text, GROUP_MESSAGE " (%zu sub-exception%s)", count, count == 1 ? "" : "s");
    aio_exception_group *group = aio_run_memory(sizeof *group + (size_t)n + 1, "an ExceptionGroup");
    aio_exception *copy = aio_run_memory(count * sizeof *copy, "an ExceptionGroup");
    memcpy(copy, errors, count * sizeof *copy);
    group->status = status;
    group->count = count;
    group->exceptions = copy;
    memcpy(group->text, text, (size_t)n + 1);
    return aio_raise_in(raised_by, status, group->text);
}

const aio_exception_group *aio_exception_group_caught(void) { return group_of(aio_exception_slot); }

size_t aio_exception_group_count(const aio_exception_group *group) { return group ? group->count : 0; }

static const aio_exception *sub(const aio_exception_group *group, size_t i, const char *api)
{
    if (!group)
        aio_fatal("%s(NULL, %zu): no exception group (aio_exception_group_caught() gave NULL?)", api, i);
    if (i >= group->count)
        aio_fatal("IndexError: tuple index out of range: %s(group, %zu) of a group of %zu", api, i, group->count);
    return &group->exceptions[i];
}

aio_status aio_exception_group_status(const aio_exception_group *group, size_t i)
{
    return sub(group, i, "aio_exception_group_status")->status;
}

const char *aio_exception_group_message(const aio_exception_group *group, size_t i)
{
    const char *message = sub(group, i, "aio_exception_group_message")->message;
    return message ? message : "";
}

const aio_exception_group *aio_exception_group_sub(const aio_exception_group *group, size_t i)
{
    return group_of(sub(group, i, "aio_exception_group_sub"));
}

static void add_group_repr(aio_text *text, const aio_exception_group *group);

/* repr(exception): "ValueError('boom')", "TimeoutError()", or a group's. */
static void add_repr(aio_text *text, const aio_exception *e)
{
    const aio_exception_group *group = group_of(e);
    if (group) {
        add_group_repr(text, group);
        return;
    }
    aio_text_printf(text, "%s(", aio_status_class(e->status));
    if (e->message)
        aio_text_repr(text, aio_str(e->message));
    aio_text_add(text, ")", 1);
}

static void add_group_repr(aio_text *text, const aio_exception_group *group)
{
    aio_text_printf(text, "%s('" GROUP_MESSAGE "', [", aio_status_class(group->status));
    for (size_t i = 0; i < group->count; i++) {
        if (i > 0)
            aio_text_add(text, ", ", 2);
        add_repr(text, &group->exceptions[i]);
    }
    aio_text_add(text, "])", 2);
}

char *aio_exception_group_repr(const aio_exception_group *group, char *buf, size_t size)
{
    if (!group)
        aio_fatal("aio_exception_group_repr(NULL): no exception group (aio_exception_group_caught() gave NULL?)");
    aio_text text = { buf, size, 0 };
    add_group_repr(&text, group);
    return buf;
}

/* ---- TaskGroup ----------------------------------------------------------- */

struct aio_task_group {
    aio_awaitable base;
    bool entered, exiting, aborting;
    bool exited;                  /* ours: __aexit__ has returned */
    aio_task *parent_task;        /* held from enter on... */
    void *parent_handle;          /* ...and its handle, for the finalizer */
    bool parent_cancel_requested;
    void **tasks;                 /* _tasks, the children not done: each held, */
    size_t ntasks, tasks_cap;     /* and kept as a handle (see group_finalize) */
    aio_exception *errors;        /* _errors, in the order they came... */
    size_t nerrors, errors_cap;
    bool errors_none;             /* ...and None once raised as a group */
    bool has_base_error;
    aio_exception base_error;     /* the first KeyboardInterrupt or SystemExit */
    aio_future *on_completed_fut; /* what exit waits on, while it waits */
};

/* "<TaskGroup tasks=2 errors=1 cancelling>", "<TaskGroup entered>" */
static void add_group(aio_text *text, const aio_task_group *group)
{
    aio_text_add(text, "<TaskGroup", 10);
    if (group->ntasks)
        aio_text_printf(text, " tasks=%zu", group->ntasks);
    if (group->nerrors && !group->errors_none)
        aio_text_printf(text, " errors=%zu", group->nerrors);
    if (group->aborting)
        aio_text_add(text, " cancelling", 11);
    else if (group->entered)
        aio_text_add(text, " entered", 8);
    aio_text_add(text, ">", 1);
}

char *aio_task_group_repr(const aio_task_group *group, char *buf, size_t size)
{
    aio_text text = { buf, size, 0 };
    add_group(&text, group);
    return buf;
}

/* RuntimeError(f"TaskGroup {self!r} <what>") */
static aio_status refuse(const aio_task_group *group, const char *where, const char *what)
{
    aio_text text = { NULL, 0, 0 };
    add_group(&text, group); /* measures it */
    size_t len = strlen("TaskGroup ") + text.len + 1 + strlen(what);
    char *message = aio_run_memory(len + 1, "a RuntimeError's message");
    text = (aio_text){ message, len + 1, 0 };
    aio_text_add(&text, "TaskGroup ", 10);
    add_group(&text, group);
    aio_text_printf(&text, " %s", what);
    return aio_raise_in(where, AIO_RUNTIME_ERROR, message);
}

static aio_status group_await(aio_awaitable *self, aio_value *result)
{
    (void)self;
    (void)result;
    return aio_raise_in("await", AIO_TYPE_ERROR, "object TaskGroup can't be used in 'await' expression");
}

/* The trace names a group by its repr: "loop cancels <TaskGroup ...>". */
static const char *group_describe(const aio_awaitable *self, char *buf, size_t size)
{
    return aio_task_group_repr((const aio_task_group *)self, buf, size);
}

/* Let go of what the handle stands for, unless that is gone already: a
 * group made before aio_run() outlives the Tasks of the run, which the
 * run's end reclaims whoever holds them. */
static void drop_handle(void *handle)
{
    void *object = aio_object_from_handle(handle, NULL);
    if (object)
        aio_object_drop(object);
}

/* A group lets go of its parent, and, abandoned with children still in
 * it (its block never exited), of them. */
static void group_finalize(aio_awaitable *self)
{
    aio_task_group *group = (aio_task_group *)self;
    for (size_t i = 0; i < group->ntasks; i++)
        drop_handle(group->tasks[i]);
    free(group->tasks);
    free(group->errors);
    group->tasks = NULL;
    group->errors = NULL;
    group->ntasks = group->nerrors = 0;
    if (group->parent_handle)
        drop_handle(group->parent_handle);
    group->parent_task = group->parent_handle = NULL;
}

static const aio_awaitable_type task_group_type = {
    .type_repr = "<class 'asyncio.taskgroups.TaskGroup'>",
    .await = group_await,
    .finalize = group_finalize,
    .describe = group_describe,
};

aio_task_group *aio_task_group_new(void) { return aio_object_new(sizeof(aio_task_group), &task_group_type); }

static void *grow(void *array, size_t *cap, size_t size, const char *what)
{
    size_t n = *cap ? 2 * *cap : 4;
    void *bigger = n > SIZE_MAX / size ? NULL : realloc(array, n * size);
    if (!bigger)
        aio_fatal("MemoryError: no memory for a TaskGroup's %s", what);
    *cap = n;
    return bigger;
}

/* self._tasks.add(task), self._tasks.discard(task) */
static void add_task(aio_task_group *group, aio_task *task)
{
    if (group->ntasks == group->tasks_cap)
        group->tasks = grow(group->tasks, &group->tasks_cap, sizeof *group->tasks, "tasks");
    aio_object_hold(task);
    group->tasks[group->ntasks++] = aio_object_handle(task);
}

/* The i-th child: alive, since it is pending and held. */
static aio_task *task_at(const aio_task_group *group, size_t i)
{
    return aio_object_from_handle(group->tasks[i], NULL);
}

static void discard_task(aio_task_group *group, const aio_task *task)
{
    for (size_t i = 0; i < group->ntasks; i++) {
        if (task_at(group, i) != task)
            continue;
        memmove(&group->tasks[i], &group->tasks[i + 1], (group->ntasks - i - 1) * sizeof *group->tasks);
        group->ntasks--;
        aio_object_drop(task);
        return;
    }
}

/* self._errors.append(exc) */
static void add_error(aio_task_group *group, aio_exception error)
{
    if (group->nerrors == group->errors_cap)
        group->errors = grow(group->errors, &group->errors_cap, sizeof *group->errors, "errors");
    group->errors[group->nerrors++] = error;
}

static bool is_base_error(aio_status status)
{
    return status == AIO_SYSTEM_EXIT || status == AIO_KEYBOARD_INTERRUPT;
}

static aio_status reraise(const aio_exception *e) { return aio_raise_in(e->where, e->status, e->message); }

/* TaskGroup._abort: cancel every child not done yet. */
static void abort_group(aio_task_group *group)
{
    group->aborting = true;
    AIO_TRACE(cancels, &group->base);
    for (size_t i = 0; i < group->ntasks; i++)
        if (!aio_task_done(task_at(group, i)))
            aio_task_cancel(task_at(group, i));
}

/* loop.call_exception_handler() for a child that failed once its parent
 * had finished (its block was never exited). */
static void report_orphan(const aio_task *task, const aio_task *parent)
{
    char buf[2][256];
    char *child = aio_repr_whole(aio_future_format, &task->future, buf[0], sizeof buf[0]);
    char *done = aio_repr_whole(aio_future_format, &parent->future, buf[1], sizeof buf[1]);
    aio_text text = { NULL, 0, 0 };
    aio_text_printf(&text, "Task %s has errored out but its parent task %s is already completed", child, done);
    char *message = malloc(text.len + 1);
    if (!message)
        aio_fatal("MemoryError: no memory for a TaskGroup's report");
    text = (aio_text){ message, text.len + 1, 0 };
    aio_text_printf(&text, "Task %s has errored out but its parent task %s is already completed", child, done);
    aio_report(message, "task", aio_future_format, &task->future);
    free(message);
    aio_repr_done(child, buf[0]);
    aio_repr_done(done, buf[1]);
}

/* TaskGroup._on_task_done, each child's done callback. */
static void on_task_done(aio_future *future, void *arg)
{
    aio_task_group *group = arg;
    aio_task *task = (aio_task *)future;
    discard_task(group, task);

    if (group->on_completed_fut && group->ntasks == 0 && !aio_future_done(group->on_completed_fut))
        aio_future_set_result(group->on_completed_fut, aio_none()); /* set_result(True): nobody reads it */

    if (aio_future_cancelled(future))
        return;
    aio_status exception;
    aio_future_exception(future, &exception); /* retrieved: the group answers for it now */
    if (exception == AIO_OK)
        return;
    aio_exception error = future->raised;
    error.status = exception;
    add_error(group, error);
    if (is_base_error(exception) && !group->has_base_error) {
        group->has_base_error = true;
        group->base_error = error;
    }

    if (aio_task_done(group->parent_task)) {
        /* "Not sure if this case is possible": here it is, when a block
         * is entered and never exited. */
        report_orphan(task, group->parent_task);
        return;
    }
    if (!group->aborting && !group->parent_cancel_requested) {
        /* Stop the block where it is; exit takes this cancel back. */
        abort_group(group);
        group->parent_cancel_requested = true;
        aio_task_cancel(group->parent_task);
    }
}

aio_status aio_task_group_enter(aio_task_group *group)
{
    if (group->entered)
        return refuse(group, "TaskGroup.__aenter__()", "has already been entered");
    if (!aio_loop_is_running())
        return aio_raise_in("TaskGroup.__aenter__()", AIO_RUNTIME_ERROR, "no running event loop");
    aio_task *parent = aio_current_task();
    if (!parent)
        return refuse(group, "TaskGroup.__aenter__()", "cannot determine the parent task");
    aio_object_hold(parent);
    group->parent_task = parent;
    group->parent_handle = aio_object_handle(parent);
    group->entered = true;
    return AIO_OK;
}

aio_status aio_task_group_create_task(aio_task_group *group, aio_coro *coro, aio_task **task)
{
    if (task)
        *task = NULL;
    const char *refusal = !group->entered                        ? "has not been entered"
                          : group->exiting && group->ntasks == 0 ? "is finished"
                          : group->aborting                      ? "is shutting down"
                                                                 : NULL;
    if (refusal) {
        /* 3.13: coro.close(), so that it is not reported as never awaited
         * (and cannot be awaited any more). */
        if (aio_python() >= 13 && coro->state == AIO_CORO_CREATED)
            aio_coro_close(coro);
        return refuse(group, "TaskGroup.create_task()", refusal);
    }
    aio_task *child = aio_create_task(coro);
    if (aio_python() >= 12 && aio_task_done(child)) {
        on_task_done(&child->future, group); /* 3.12: done eagerly, never in the set */
    } else {
        add_task(group, child);
        aio_future_add_done_callback(&child->future, on_task_done, group);
    }
    if (task)
        *task = child;
    return AIO_OK;
}

aio_status aio_task_group_exit(aio_task_group *group, aio_status body)
{
    if (!group->entered || group->exited)
        aio_fatal("TaskGroup.__aexit__() on a TaskGroup %s: call aio_task_group_exit() once, and only "
                  "after aio_task_group_enter() returned AIO_OK",
                  group->exited ? "already exited" : "never entered");
    group->exiting = true;
    aio_task *parent = group->parent_task;
    bool v313 = aio_python() >= 13;

    /* The exception the block ended with, as it was raised (a status
     * returned without aio_raise() is a new one, with no message). */
    aio_exception exc = { 0 };
    if (body != AIO_OK)
        exc = aio_exception_of(body);
    if (body != AIO_OK && is_base_error(body) && !group->has_base_error) {
        group->has_base_error = true;
        group->base_error = exc;
    }

    bool propagate_cancel = body == AIO_CANCELLED; /* propagate_cancellation_error */
    aio_exception cancel_error = exc;
    if (!v313 && group->parent_cancel_requested && aio_task_uncancel(parent) == 0)
        propagate_cancel = false; /* the cancel was ours, and it is taken back */

    if (body != AIO_OK && !group->aborting)
        abort_group(group); /* the block raised, or the parent is being cancelled */

    /* A while loop: the Future may be cancelled more than once, when the
     * parent is cancelled again and again. */
    while (group->ntasks) {
        if (!group->on_completed_fut)
            group->on_completed_fut = aio_future_new_sized(sizeof(aio_future), "TaskGroup's Future");
        aio_status status = aio_await_awaitable(&group->on_completed_fut->base, NULL);
        if (status == AIO_CANCELLED && !group->aborting) {
            /* The parent is cancelled from outside while it waits. */
            propagate_cancel = true;
            /* Not *aio_exception_slot: a cancel that found the awaited
             * Future already done reaches the task at its next step
             * without passing through the slot, which may hold an older
             * exception (fuzz seed 20239). */
            cancel_error = aio_exception_of(AIO_CANCELLED);
            abort_group(group);
        } else if (status != AIO_OK && status != AIO_CANCELLED) {
            group->on_completed_fut = NULL; /* anything else leaves __aexit__ */
            return status;
        }
        group->on_completed_fut = NULL;
    }
    group->exited = true;

    if (group->has_base_error)
        return reraise(&group->base_error);

    if (v313 && group->parent_cancel_requested && aio_task_uncancel(parent) == 0)
        propagate_cancel = false;

    /* A CancelledError goes on, unless there are errors: they come first. */
    if (propagate_cancel && group->nerrors == 0)
        return reraise(&cancel_error);

    if (body != AIO_OK && body != AIO_CANCELLED)
        add_error(group, exc);

    if (group->nerrors) {
        if (v313 && aio_task_cancelling(parent)) {
            /* Cancelled from outside as well: keep that cancel pending. */
            aio_task_uncancel(parent);
            aio_task_cancel(parent);
        }
        aio_status status = raise_group(group->errors, group->nerrors);
        group->errors_none = true; /* self._errors = None */
        free(group->errors);
        group->errors = NULL;
        group->nerrors = group->errors_cap = 0;
        return status;
    }
    return body == AIO_OK ? AIO_OK : reraise(&exc);
}
