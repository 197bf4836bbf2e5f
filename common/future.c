/* Section 3: Future, a value that is not there yet.  Tasks (2-1) are
 * Futures too, and sleep (1-4) is a Future plus a timer. */
#include <stdlib.h>

#include "internal.h"
#include "loop.h"
#include "machinery/object.h"
#include "machinery/stack.h"
#include "machinery/trace.h"

struct aio_done_entry {
    aio_done_callback fn;
    void *arg;
    aio_future *future;
    aio_done_entry *next;
};

/* A done callback holds its Future and its argument until it has run (or
 * is removed), as a Python closure would keep them alive.  Entries are
 * reused from a free list. */
static aio_done_entry *spare_entries;

static aio_done_entry *entry_new(aio_done_callback fn, void *arg, aio_future *future)
{
    aio_done_entry *entry = spare_entries;
    if (entry)
        spare_entries = entry->next;
    else if (!(entry = malloc(sizeof *entry)))
        aio_fatal("MemoryError: no memory for a done callback");
    *entry = (aio_done_entry){ .fn = fn, .arg = arg, .future = future };
    aio_object_hold(future);
    aio_object_hold(arg);
    return entry;
}

static void entry_free(aio_done_entry *entry)
{
    aio_object_drop(entry->future);
    aio_object_drop(entry->arg);
    entry->next = spare_entries;
    spare_entries = entry;
}

/* Awaiting a Future that is already done does not give up control; one
 * that is pending blocks the task until a done callback wakes it. */
static aio_status future_await(aio_awaitable *self, aio_value *result)
{
    aio_future *future = (aio_future *)self;
    if (!aio_future_done(future)) {
        aio_status thrown = aio_task_yield(future);
        if (thrown != AIO_OK)
            return thrown;
    }
    return aio_future_result(future, result);
}

/* CPython logs this when a Future (or Task) whose exception nobody looked
 * at is garbage collected; we say it when the Future is reclaimed. */
static void future_finalize(aio_awaitable *self)
{
    aio_future *future = (aio_future *)self;
    if (future->state == AIO_FUTURE_FINISHED && future->exception != AIO_OK && !future->retrieved)
        aio_report_unretrieved(((const aio_future_class *)future->base.type)->name, aio_future_format, future);
    while (future->callbacks) {
        aio_done_entry *entry = future->callbacks;
        future->callbacks = entry->next;
        entry_free(entry);
    }
    future->last_callback = NULL;
    aio_value_drop(future->result);
}

static const char *future_describe(const aio_awaitable *self, char *buf, size_t size)
{
    const char *label = ((const aio_future *)self)->label;
    (void)buf, (void)size;
    return label ? label : "a Future";
}

static bool future_cancel(aio_future *future)
{
    if (!aio_future_done(future))
        AIO_TRACE(cancels, &future->base);
    return aio_future_cancel_base(future);
}

const aio_future_class aio_future_type = {
    .awaitable = {
        .type_repr = "<class '_asyncio.Future'>",
        .await = future_await,
        .finalize = future_finalize,
        .describe = future_describe,
    },
    .name = "Future",
    .cancel = future_cancel,
    .set_result = aio_future_set_result_base,
    .set_exception = aio_future_set_exception_base,
};

aio_future *aio_future_new_sized(size_t size, const char *label)
{
    aio_future *future = aio_object_new(size, &aio_future_type.awaitable);
    future->state = AIO_FUTURE_PENDING;
    future->label = label;
    return future;
}

/* Parenthesised: aio.h makes aio_future_new() a macro that names the caller. */
aio_future *(aio_future_new)(void) { return aio_future_new_sized(sizeof(aio_future), NULL); }

/* 3.12 and later warn when Future() finds no running loop (report.c). */
aio_future *aio_future_new_at(const char *file, int line)
{
    if (!aio_loop_is_running())
        aio_warn_no_running_loop(file, line);
    return (aio_future_new)();
}

aio_awaitable *aio_future_awaitable(aio_future *future) { return &future->base; }

bool aio_is_future(const aio_awaitable *awaitable)
{
    return aio_is_instance(awaitable, &aio_future_type.awaitable);
}

bool aio_future_done(const aio_future *future) { return future->state != AIO_FUTURE_PENDING; }
bool aio_future_cancelled(const aio_future *future) { return future->state == AIO_FUTURE_CANCELLED; }

static void run_done_callback(void *arg)
{
    aio_done_entry *entry = arg;
    entry->fn(entry->future, entry->arg);
    entry_free(entry);
}

/* Done callbacks never run inline: each goes through call_soon, so they
 * run in the next loop iteration, in the order they were added. */
static void schedule_callbacks(aio_future *future)
{
    aio_object_settled(future); /* done: it may go once nothing needs it */
    aio_done_entry *entry = future->callbacks;
    future->callbacks = future->last_callback = NULL;
    while (entry) {
        aio_done_entry *next = entry->next;
        aio_call_soon(run_done_callback, entry);
        entry = next;
    }
}

aio_status aio_future_result(aio_future *future, aio_value *result)
{
    if (result)
        *result = aio_none();
    switch (future->state) {
    case AIO_FUTURE_PENDING:
        return aio_raise_in("Future.result()", AIO_INVALID_STATE, "Result is not set.");
    case AIO_FUTURE_CANCELLED:
        return aio_raise(AIO_CANCELLED, NULL);
    case AIO_FUTURE_FINISHED:
        if (future->exception != AIO_OK) {
            future->retrieved = true;
            return aio_raise_in(future->raised.where, future->exception, future->raised.message);
        }
        if (result)
            *result = future->result;
        return AIO_OK;
    }
    return AIO_OK;
}

aio_status aio_future_exception(aio_future *future, aio_status *exception)
{
    *exception = AIO_OK;
    if (future->state == AIO_FUTURE_PENDING)
        return aio_raise_in("Future.exception()", AIO_INVALID_STATE, "Exception is not set.");
    if (future->state == AIO_FUTURE_CANCELLED)
        return aio_raise(AIO_CANCELLED, NULL);
    *exception = future->exception;
    future->retrieved = true;
    return AIO_OK;
}

aio_status aio_future_set_result_base(aio_future *future, aio_value result)
{
    if (future->state != AIO_FUTURE_PENDING)
        return aio_raise_in("Future.set_result()", AIO_INVALID_STATE, "invalid state");
    aio_stack_refuse(result.kind == AIO_PTR ? result.as.p : NULL, "Future.set_result()");
    aio_value_hold(result); /* whoever awaits it will want it */
    future->result = result;
    future->state = AIO_FUTURE_FINISHED;
    schedule_callbacks(future);
    return AIO_OK;
}

/* A CancelledError is accepted like any other exception: the Future is
 * then done, but not cancelled(), and result() raises that error. */
aio_status aio_future_set_exception_base(aio_future *future, aio_status exception, const char *message)
{
    if (future->state != AIO_FUTURE_PENDING)
        return aio_raise_in("Future.set_exception()", AIO_INVALID_STATE, "invalid state");
    if (exception == AIO_OK) /* set_exception(None) */
        return aio_raise_in("Future.set_exception()", AIO_TYPE_ERROR, "invalid exception object");
    future->exception = exception;
    future->raised = (aio_exception){ .message = message, .status = exception };
    future->state = AIO_FUTURE_FINISHED;
    schedule_callbacks(future);
    return AIO_OK;
}

/* Methods, found on the object's type: a Task refuses both. */
#define METHOD(future) ((const aio_future_class *)(future)->base.type)
aio_status aio_future_set_result(aio_future *f, aio_value r) { return METHOD(f)->set_result(f, r); }
aio_status aio_future_set_exception(aio_future *f, aio_status e, const char *m) { return METHOD(f)->set_exception(f, e, m); }

bool aio_future_cancel_base(aio_future *future)
{
    future->retrieved = true; /* even when it is done: nobody is told of its exception */
    if (future->state != AIO_FUTURE_PENDING)
        return false;
    future->state = AIO_FUTURE_CANCELLED;
    schedule_callbacks(future);
    return true;
}

bool aio_future_cancel(aio_future *future) { return METHOD(future)->cancel(future); }

const char *aio_future_exception_message(const aio_future *future)
{
    return future->raised.message ? future->raised.message : "";
}

void aio_future_add_done_callback(aio_future *future, aio_done_callback fn, void *arg)
{
    aio_stack_refuse(arg, "Future.add_done_callback()");
    aio_done_entry *entry = entry_new(fn, arg, future);
    if (aio_future_done(future)) {
        aio_call_soon(run_done_callback, entry);
        return;
    }
    if (future->last_callback)
        future->last_callback->next = entry;
    else
        future->callbacks = entry;
    future->last_callback = entry;
}

size_t aio_future_remove_done_callback(aio_future *future, aio_done_callback fn, void *arg)
{
    size_t removed = 0;
    future->last_callback = NULL;
    for (aio_done_entry **link = &future->callbacks; *link;) {
        aio_done_entry *entry = *link;
        if (entry->fn == fn && entry->arg == arg) {
            *link = entry->next;
            entry_free(entry);
            removed++;
        } else {
            future->last_callback = entry;
            link = &entry->next;
        }
    }
    return removed;
}

size_t aio_future_format(const aio_future *future, char *buf, size_t size)
{
    static const char *const state[] = { "pending", "cancelled", "finished" };
    const aio_future_class *type = (const aio_future_class *)future->base.type;
    aio_repr_info info = {
        .self = future, .kind = type->name, .state = state[future->state], .finished = future->state == AIO_FUTURE_FINISHED,
        .exception = future->exception, .message = future->raised.message, .result = future->result,
    };
    if (type->repr_info)
        type->repr_info(future, &info);
    return aio_repr_format(&info, buf, size);
}

char *aio_future_repr(const aio_future *f, char *buf, size_t size) { return aio_future_format(f, buf, size), buf; }
