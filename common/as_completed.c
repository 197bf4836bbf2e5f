/* Past the post: asyncio.as_completed, as Lib/asyncio/tasks.py builds it.
 *
 * Every awaitable (a coroutine in a Task of its own) is in the todo set
 * and has one done callback, _on_completion, which moves it to a queue,
 * `done`.  Each coroutine the iterator gives, _wait_for_one(), takes the
 * next Future from that queue, waiting for one if it is empty, and returns
 * its result or raises its exception: so the results come in the order
 * the awaitables finish.  At the timeout, _on_timeout() empties todo and
 * puts a None in the queue for each awaitable left: every await still to
 * come raises TimeoutError, and what is still running runs on.
 *
 * 3.11 and 3.12 make a generator: its body, which makes the Tasks, runs
 * at the first next().  3.13 makes an _AsCompletedIterator, whose __init__
 * does the same at once, and which async for can use too: it gives the
 * Futures themselves.  (3.13 calls the two callbacks _handle_completion
 * and _handle_timeout.) */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "machinery/config.h"
#include "machinery/object.h"

struct aio_as_completed {
    aio_awaitable base;         /* one of our objects, for iterator_finalize() */
    double timeout;
    bool started;               /* the Tasks are made: 3.11 and 3.12 wait for next() */
    size_t nargs;               /* set(fs): each awaitable once, held until then */
    aio_awaitable **args;
    size_t ntodo;               /* todo: the Futures not finished yet... */
    aio_future **todo;
    size_t left;                /* ...and how many awaits are still to be given */
    aio_handle *timeout_handle;
    /* done = Queue(): the Futures as they finish (NULL: a dummy value of
     * _on_timeout()), each held until taken; and the getters, the Futures
     * of the awaits waiting for it, held until woken or gone. */
    aio_future **queue;
    size_t head, tail;
    aio_future **getters;
    size_t ngetters, capacity;
};

/* What each version's coroutines are called (__qualname__), as the
 * never-awaited warning and the trace name them. */
#define WAIT_FOR_ONE_311 "as_completed.<locals>._wait_for_one"
#define WAIT_FOR_ONE_313 "_AsCompletedIterator._wait_for_one"

static void iterator_finalize(aio_awaitable *self)
{
    aio_as_completed *it = (aio_as_completed *)self;
    for (size_t i = 0; !it->started && i < it->nargs; i++)
        aio_object_drop(it->args[i]);
    for (size_t i = it->head; i < it->tail; i++)
        aio_object_drop(it->queue[i]);
    for (size_t i = 0; i < it->ngetters; i++)
        aio_object_drop(it->getters[i]);
    free(it->args); /* one block for the four arrays */
}

/* 3.11 and 3.12 give a generator, 3.13 an _AsCompletedIterator.  Neither
 * is awaitable: there is no await slot. */
static const aio_awaitable_type generator_type = {
    .type_repr = "<class 'generator'>",
    .finalize = iterator_finalize,
};
static const aio_awaitable_type iterator_type = {
    .type_repr = "<class 'asyncio.tasks._AsCompletedIterator'>",
    .finalize = iterator_finalize,
};

/* ---- done, the Queue --------------------------------------------------- */

/* Queue._wakeup_next(self._getters): the first getter still waiting is
 * set; those already done (cancelled) are dropped on the way. */
static void wakeup_next(aio_as_completed *it)
{
    while (it->ngetters > 0) {
        aio_future *getter = it->getters[0];
        memmove(it->getters, it->getters + 1, --it->ngetters * sizeof *it->getters);
        bool waiting = !aio_future_done(getter);
        if (waiting)
            aio_future_set_result(getter, aio_none());
        aio_object_drop(getter);
        if (waiting)
            return;
    }
}

/* done.put_nowait(f) */
static void put_nowait(aio_as_completed *it, aio_future *f)
{
    /* One item per awaitable, a Future or the timeout's None, and never
     * more: past the queue lie the getters. */
    if (it->tail == it->capacity)
        aio_fatal("internal: as_completed()'s queue is full: more completions than awaitables");
    aio_object_hold(f);
    it->queue[it->tail++] = f;
    wakeup_next(it);
}

static void remove_getter(aio_as_completed *it, aio_future *getter)
{
    for (size_t i = 0; i < it->ngetters; i++) {
        if (it->getters[i] == getter) {
            memmove(it->getters + i, it->getters + i + 1, (--it->ngetters - i) * sizeof *it->getters);
            aio_object_drop(getter);
            return;
        }
    }
}

/* await done.get(): the next item, waiting on a getter of our own while
 * there is none.  The item stays held: it is the caller's now. */
static aio_status queue_get(aio_as_completed *it, aio_future **item)
{
    while (it->head == it->tail) {
        if (it->ngetters == it->capacity)
            aio_fatal("internal: more awaits of as_completed() than it gave");
        aio_future *getter = aio_future_new_sized(sizeof *getter, "as_completed's getter");
        aio_object_hold(getter);
        it->getters[it->ngetters++] = getter;
        aio_status status = aio_await(getter, NULL);
        if (status != AIO_OK) {
            aio_future_cancel(getter); /* just in case it is not done yet */
            bool woken = !aio_future_cancelled(getter);
            remove_getter(it, getter); /* unless put_nowait() took it off already */
            if (it->head != it->tail && woken)
                wakeup_next(it); /* woken by put_nowait(), but it cannot take the item: the next in line */
            return status;
        }
    }
    *item = it->queue[it->head++];
    return AIO_OK;
}

/* ---- The callbacks ------------------------------------------------------ */

static void on_completion(aio_future *f, void *arg)
{
    aio_as_completed *it = arg;
    if (it->ntodo == 0)
        return; /* _on_timeout() was here first */
    size_t i = 0;
    while (it->todo[i] != f)
        i++;
    memmove(it->todo + i, it->todo + i + 1, (--it->ntodo - i) * sizeof *it->todo); /* todo.remove(f) */
    put_nowait(it, f);
    if (it->ntodo == 0 && it->timeout_handle) {
        aio_timer_cancel(it->timeout_handle);
        it->timeout_handle = NULL;
    }
}

static void on_timeout(void *arg)
{
    aio_as_completed *it = arg;
    aio_timer_cancel(it->timeout_handle); /* it fired: our reference to it goes back */
    it->timeout_handle = NULL;
    for (size_t i = 0; i < it->ntodo; i++) {
        aio_future_remove_done_callback(it->todo[i], on_completion, it);
        put_nowait(it, NULL); /* a dummy value for _wait_for_one() */
    }
    it->ntodo = 0; /* todo.clear() */
}

/* The generator's body up to its first yield (3.11, 3.12), or __init__
 * (3.13): todo = {ensure_future(f) for f in set(fs)}, a done callback on
 * each, and the timer.  CPython makes the Tasks in the order of a set,
 * which is none in particular; we make them in the order given. */
static void start(aio_as_completed *it)
{
    it->started = true;
    for (size_t i = 0; i < it->nargs; i++) {
        it->todo[it->ntodo++] = aio_ensure_future(it->args[i]);
        aio_object_drop(it->args[i]);
    }
    for (size_t i = 0; i < it->ntodo; i++)
        aio_future_add_done_callback(it->todo[i], on_completion, it);
    /* timeout=None is no timer; a NaN one is due now, as in wait.c. */
    if (it->ntodo > 0 && !(isinf(it->timeout) && it->timeout > 0))
        it->timeout_handle = aio_call_later(isnan(it->timeout) ? 0 : it->timeout, on_timeout, it);
    it->left = it->ntodo;
}

/* ---- The iterator ------------------------------------------------------- */

/* _wait_for_one(resolve): the next Future to finish, waited for; its
 * result (or its exception, raised), or with resolve false the Future
 * itself, still held for aio_as_completed_anext() to let go of. */
static aio_status wait_for_one(const aio_value *args, aio_value *result)
{
    aio_as_completed *it = args[0].as.p;
    aio_future *f;
    aio_status status = queue_get(it, &f);
    if (status != AIO_OK)
        return status;
    if (!f)
        return aio_raise(AIO_TIMEOUT, NULL); /* _on_timeout()'s dummy value */
    if (!args[1].as.i) {
        *result = aio_ptr(f);
        return AIO_OK;
    }
    status = aio_future_result(f, result);
    aio_object_drop(f);
    return status;
}

aio_as_completed *aio_as_completed_awaitables(size_t count, aio_awaitable *const *awaitables, double timeout)
{
    bool eager = aio_python() >= 13;
    aio_as_completed *it = aio_object_new(sizeof *it, eager ? &iterator_type : &generator_type);
    size_t n = count ? count : 1;
    if (n > SIZE_MAX / 4 / sizeof(void *))
        aio_fatal("MemoryError: as_completed() of %zu awaitables", count);
    it->args = malloc(n * sizeof *it->args + 3 * n * sizeof *it->todo);
    if (!it->args)
        aio_fatal("MemoryError: no memory for as_completed() of %zu awaitables", count);
    it->todo = (aio_future **)(it->args + n);
    it->queue = it->todo + n;
    it->getters = it->queue + n;
    it->capacity = n;
    it->timeout = timeout;
    for (size_t i = 0; i < count; i++) {
        /* The front door checks the handles it is given one by one; those
         * in an array, here.  set(fs): a repeat is the same awaitable. */
        aio_awaitable *awaitable = aio_awaitable_arg(awaitables[i], "as_completed()");
        size_t seen = 0;
        while (seen < it->nargs && it->args[seen] != awaitable)
            seen++;
        if (seen == it->nargs) {
            aio_object_hold(awaitable);
            it->args[it->nargs++] = awaitable;
        }
    }
    if (eager)
        start(it);
    return it;
}

aio_coro *aio_as_completed_next(aio_as_completed *it)
{
    if (!it->started)
        start(it);
    if (it->left == 0)
        return NULL; /* StopIteration */
    it->left--;
    const char *name = it->base.type == &iterator_type ? WAIT_FOR_ONE_313 : WAIT_FOR_ONE_311;
    return aio_coro_new2(name, wait_for_one, aio_ptr(it), aio_int(1));
}

aio_status aio_as_completed_anext(aio_as_completed *it, aio_future **next)
{
    *next = NULL;
    if (it->base.type != &iterator_type)
        return aio_raise_in("async for", AIO_TYPE_ERROR,
                            "'async for' requires an object with __aiter__ method, got generator");
    if (it->left == 0)
        return AIO_OK; /* StopAsyncIteration */
    it->left--;
    aio_value f;
    aio_status status = aio_await(aio_coro_new2(WAIT_FOR_ONE_313, wait_for_one, aio_ptr(it), aio_int(0)), &f);
    if (status == AIO_OK) {
        *next = f.as.p;
        aio_object_drop(*next); /* ours until the await gave it to this frame */
    }
    return status;
}
