/* Past the post: asyncio.wait, as Lib/asyncio/tasks.py builds it.
 *
 * wait() checks its arguments and awaits _wait(), which does the waiting:
 * one waiter Future, and on every Future of the set a done callback,
 * _on_completion, that counts them down and sets the waiter once
 * return_when is met; with a timeout, a timer sets it too
 * (_release_waiter).  Nothing is cancelled and nothing is raised: once the
 * waiter is set, the set is split into the Futures that are done and those
 * that are not, and the two go back; what is pending runs on. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "machinery/object.h"

/* What wait() was given, _wait()'s closure, and then (done, pending).
 * It is made by the call of wait(), in the caller's frame, so that it
 * lives as long as what that coroutine call made, and goes with it. */
typedef struct waiting {
    aio_awaitable base;           /* one of ours, for waiting_finalize() */
    double timeout;
    aio_return_when return_when;
    size_t count;                 /* fs = set(fs): each awaitable once, held */
    aio_awaitable **fs;
    long counter;                 /* how many have not called _on_completion yet */
    aio_future *waiter;           /* held, since a callback may come late */
    aio_handle *timeout_handle;
    /* Once the waiter is set: (done, pending). */
    size_t ndone;                 /* sorted[0..ndone) is done, the rest pending, */
    aio_future **sorted;          /* each part in the order given */
    const char *text;             /* the pair as the await gave it */
    struct waiting *older, *newer; /* the results alive, for the accessors */
} waiting;

/* Every (done, pending) whose wait() is alive, newest first: the accessors
 * find theirs here by the address of its text, and only here, so that a
 * str that is no such pair (or one whose wait() is gone) is told apart
 * without reading a byte that is not ours. */
static waiting *newest_result;

static void waiting_finalize(aio_awaitable *self)
{
    waiting *w = (waiting *)self;
    if (w->text) {
        if (w->newer)
            w->newer->older = w->older;
        else
            newest_result = w->older;
        if (w->older)
            w->older->newer = w->newer;
    }
    for (size_t i = 0; i < w->count; i++)
        aio_object_drop(w->fs[i]);
    aio_object_drop(w->waiter);
    free(w->fs);
    free(w->sorted);
}

/* One of ours, not awaitable: no await slot. */
static const aio_awaitable_type waiting_type = { .type_repr = "<class 'tuple'>", .finalize = waiting_finalize };

static void *array_of(size_t count, size_t size)
{
    void *array = count > SIZE_MAX / size ? NULL : malloc((count ? count : 1) * size);
    if (!array)
        aio_fatal("MemoryError: no memory for asyncio.wait() of %zu awaitables", count);
    return array;
}

/* The result: the pair as text, each Task by its name, the plain Futures
 * as "Future", "set()" for an empty set.  The text is kept until the run
 * ends, as a message is, so that printing it is never a fault; reading
 * the sets from it works while its wait() is alive (pair_of()). */
static void add_set(aio_text *text, aio_future *const *futures, size_t count)
{
    if (count == 0)
        aio_text_add(text, "set()", 5);
    for (size_t i = 0; i < count; i++) {
        const aio_future *f = futures[i];
        const char *name = f->base.type == &aio_task_type.awaitable ? ((const aio_task *)f)->name : "Future";
        aio_text_printf(text, "%s%s%s", i ? ", " : "{", name, i + 1 == count ? "}" : "");
    }
}

static size_t pair_text(const waiting *w, char *buf, size_t size)
{
    aio_text text = { buf, size, 0 };
    aio_text_add(&text, "(", 1);
    add_set(&text, w->sorted, w->ndone);
    aio_text_add(&text, ", ", 2);
    add_set(&text, w->sorted + w->ndone, w->count - w->ndone);
    aio_text_add(&text, ")", 1);
    return text.len;
}

static aio_value pair(waiting *w)
{
    size_t len = pair_text(w, NULL, 0); /* measures it */
    char *text = aio_run_memory(len + 1, "the result of asyncio.wait()");
    pair_text(w, text, len + 1);
    w->text = text;
    w->older = newest_result;
    if (newest_result)
        newest_result->newer = w;
    newest_result = w;
    return aio_str(text);
}

/* ---- _wait() ------------------------------------------------------------- */

/* tasks._release_waiter, as the timer. */
static void release_waiter(void *arg)
{
    aio_future *waiter = arg;
    if (!aio_future_done(waiter))
        aio_future_set_result(waiter, aio_none());
}

static void cancel_timer(waiting *w)
{
    if (w->timeout_handle) {
        aio_timer_cancel(w->timeout_handle);
        w->timeout_handle = NULL;
    }
}

/* exception() marks the exception retrieved, as it does in Python: only
 * FIRST_EXCEPTION asks, and only while some are left to wait for. */
static void on_completion(aio_future *f, void *arg)
{
    waiting *w = arg;
    aio_status exception = AIO_OK;
    w->counter--;
    if (w->counter <= 0 || w->return_when == AIO_FIRST_COMPLETED ||
        (w->return_when == AIO_FIRST_EXCEPTION && !aio_future_cancelled(f) &&
         (aio_future_exception(f, &exception), exception != AIO_OK))) {
        cancel_timer(w);
        release_waiter(w->waiter);
    }
}

/* done, pending = set(), set(); for f in fs: ... */
static void split(waiting *w)
{
    w->sorted = array_of(w->count, sizeof *w->sorted);
    size_t at = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < w->count; i++)
            if (aio_future_done((aio_future *)w->fs[i]) == !pass)
                w->sorted[at++] = (aio_future *)w->fs[i];
        if (pass == 0)
            w->ndone = at;
    }
}

static aio_status wait_inner(const aio_value *args, aio_value *result)
{
    waiting *w = args[0].as.p;
    w->waiter = aio_future_new_sized(sizeof *w->waiter, "wait's waiter");
    aio_object_hold(w->waiter);
    /* timeout=None is no timer.  A NaN is no error in CPython: the timer
     * is armed for loop.time() + NaN, which the loop takes as due at its
     * next look (as wait_for.c explains): here, a timer due now. */
    if (!(isinf(w->timeout) && w->timeout > 0))
        w->timeout_handle = aio_call_later(isnan(w->timeout) ? 0 : w->timeout, release_waiter, w->waiter);
    w->counter = (long)w->count;
    for (size_t i = 0; i < w->count; i++)
        aio_future_add_done_callback((aio_future *)w->fs[i], on_completion, w);
    aio_status status = aio_await(w->waiter, NULL);
    /* finally: whatever ended the wait, cancelled or not */
    cancel_timer(w);
    for (size_t i = 0; i < w->count; i++)
        aio_future_remove_done_callback((aio_future *)w->fs[i], on_completion, w);
    if (status != AIO_OK)
        return status;
    split(w);
    *result = pair(w);
    return AIO_OK;
}

/* ---- wait() --------------------------------------------------------------- */

/* A message made at run time, kept as long as an exception's must be. */
static const char *kept(const char *text)
{
    size_t n = strlen(text) + 1;
    return memcpy(aio_run_memory(n, "an exception's message"), text, n);
}

/* "<class '__main__.Countdown'>" -> "Countdown", as an AttributeError names it. */
static const char *class_name(const aio_awaitable *awaitable, char *buf, size_t size)
{
    const char *repr = awaitable->type->type_repr, *start = strchr(repr, '\'');
    start = start ? start + 1 : repr;
    size_t n = strcspn(start, "'");
    for (const char *dot; (dot = memchr(start, '.', n));)
        n -= (size_t)(dot + 1 - start), start = dot + 1;
    snprintf(buf, size, "%.*s", (int)n, start);
    return buf;
}

static aio_status wait_body(const aio_value *args, aio_value *result)
{
    waiting *w = args[0].as.p;
    const char *where = "asyncio.wait()";
    if (w->count == 0)
        return aio_raise_in(where, AIO_VALUE_ERROR, "Set of Tasks/Futures is empty.");
    if (w->return_when != AIO_ALL_COMPLETED && w->return_when != AIO_FIRST_COMPLETED &&
        w->return_when != AIO_FIRST_EXCEPTION) {
        char text[64];
        snprintf(text, sizeof text, "Invalid return_when value: %d", (int)w->return_when);
        return aio_raise_in(where, AIO_VALUE_ERROR, kept(text));
    }
    for (size_t i = 0; i < w->count; i++)
        if (w->fs[i]->type == &aio_coro_type)
            return aio_raise_in(where, AIO_TYPE_ERROR, "Passing coroutines is forbidden, use tasks explicitly.");
    /* Anything else that is no Future fails in CPython's _wait(), at
     * f.add_done_callback: an AttributeError, which we have no status for. */
    for (size_t i = 0; i < w->count; i++) {
        char name[64], text[128];
        if (aio_is_future(w->fs[i]))
            continue;
        snprintf(text, sizeof text, "'%s' object has no attribute 'add_done_callback'",
                 class_name(w->fs[i], name, sizeof name));
        return aio_raise_in(where, AIO_ERROR, kept(text));
    }
    return aio_await(aio_coro_new("_wait", wait_inner, args[0]), result);
}

aio_coro *aio_wait_awaitables(size_t count, aio_awaitable *const *awaitables, double timeout,
                              aio_return_when return_when)
{
    waiting *w = aio_object_new(sizeof *w, &waiting_type);
    w->fs = array_of(count, sizeof *w->fs);
    w->timeout = timeout;
    w->return_when = return_when;
    for (size_t i = 0; i < count; i++) {
        /* The front door checks the handles it is given one by one; those
         * in an array, here.  set(fs): a repeat is the same awaitable. */
        aio_awaitable *awaitable = aio_awaitable_arg(awaitables[i], "asyncio.wait()");
        size_t seen = 0;
        while (seen < w->count && w->fs[seen] != awaitable)
            seen++;
        if (seen == w->count) {
            aio_object_hold(awaitable);
            w->fs[w->count++] = awaitable;
        }
    }
    return aio_coro_new("wait", wait_body, aio_ptr(w));
}

/* ---- (done, pending) ------------------------------------------------------ */

/* The wait() whose await gave `result`, found by the address of its text
 * (a copy of the text is no pair).  Recent ones are first, and are the
 * ones asked for. */
static const waiting *pair_of(aio_value result, const char *api)
{
    if (result.kind == AIO_STR)
        for (const waiting *w = newest_result; w; w = w->older)
            if (w->text == result.as.s)
                return w;
    aio_fatal("%s was given a value that is not (done, pending) from an asyncio.wait() still alive "
              "(it lives as long as the coroutine call that made the wait())", api);
}

static aio_future *item(const waiting *w, size_t from, size_t count, size_t i, const char *api)
{
    if (i >= count)
        aio_fatal("%s: index %zu is out of range: the set has %zu", api, i, count);
    return w->sorted[from + i];
}

size_t aio_wait_done_count(aio_value result) { return pair_of(result, "aio_wait_done_count()")->ndone; }

size_t aio_wait_pending_count(aio_value result)
{
    const waiting *w = pair_of(result, "aio_wait_pending_count()");
    return w->count - w->ndone;
}

aio_future *aio_wait_done(aio_value result, size_t i)
{
    const waiting *w = pair_of(result, "aio_wait_done()");
    return item(w, 0, w->ndone, i, "aio_wait_done()");
}

aio_future *aio_wait_pending(aio_value result, size_t i)
{
    const waiting *w = pair_of(result, "aio_wait_pending()");
    return item(w, w->ndone, w->count - w->ndone, i, "aio_wait_pending()");
}
