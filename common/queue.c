/* Past the post: asyncio.Queue, as Lib/asyncio/queues.py builds it.
 *
 * The items wait in a deque, _queue.  A task that finds the queue empty
 * in get() (or full in put()) makes a Future, a getter (a putter), puts it
 * at the back of _getters (_putters), and awaits it.  put_nowait() wakes
 * the first getter still waiting, get_nowait() the first putter, with
 * _wakeup_next(): it only sets the Future's result, so the woken task runs
 * later and takes what it came for then, if it is still there, or waits
 * again at the back.  A waiter whose await is interrupted (cancelled)
 * after it was woken cannot take its turn: it wakes the next in line, so
 * that nothing put is left with nobody to take it.
 *
 * Every put_nowait() adds one to _unfinished_tasks, every task_done()
 * takes one off; at zero, the Event _finished is set, and join() returns.
 *
 * 3.13 adds shutdown(): put() raises QueueShutDown, and so does get() once
 * the queue is empty (at once with immediate=True, which drops the items
 * and counts each as done); everyone waiting is woken to find that out.
 * Before 3.13 the Queue has no such method: calling it is an
 * AttributeError, here a one-line fatal (aio.h says so).
 *
 * Left out: PriorityQueue and LifoQueue (only _get and _put differ). */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "machinery/config.h"
#include "machinery/object.h"

/* ---- collections.deque ----------------------------------------------------
 * A ring of aio_values: the items, or Futures as aio_ptr().  What is in it
 * is held (machinery/object.h): a Future or Task put in the queue, and the
 * getters and putters, live while they are in. */
typedef struct deque {
    aio_value *slots;
    size_t head, len, cap;
} deque;

static aio_value *slot_at(const deque *d, size_t i) { return &d->slots[(d->head + i) % d->cap]; }

static void deque_append(deque *d, aio_value value)
{
    if (d->len == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 4;
        aio_value *slots = cap > SIZE_MAX / sizeof *slots ? NULL : malloc(cap * sizeof *slots);
        if (!slots)
            aio_fatal("MemoryError: no memory for a Queue of %zu", d->len + 1);
        for (size_t i = 0; i < d->len; i++)
            slots[i] = *slot_at(d, i);
        free(d->slots);
        *d = (deque){ slots, 0, d->len, cap };
    }
    aio_value_hold(value);
    *slot_at(d, d->len++) = value;
}

/* popleft(): the first, still held; the caller lets go of it. */
static aio_value deque_popleft(deque *d)
{
    aio_value value = d->slots[d->head];
    d->head = (d->head + 1) % d->cap;
    d->len--;
    return value;
}

/* remove(future): false, as Python's ValueError, when it is not there. */
static bool deque_remove(deque *d, const aio_future *future)
{
    for (size_t i = 0; i < d->len; i++) {
        if (slot_at(d, i)->as.p != future)
            continue;
        aio_value gone = *slot_at(d, i);
        for (; i + 1 < d->len; i++)
            *slot_at(d, i) = *slot_at(d, i + 1);
        d->len--;
        aio_value_drop(gone);
        return true;
    }
    return false;
}

static void deque_free(deque *d)
{
    while (d->len)
        aio_value_drop(deque_popleft(d));
    free(d->slots);
    *d = (deque){ NULL, 0, 0, 0 };
}

/* ---- _LoopBoundMixin --------------------------------------------------------
 * A Queue (or an Event) may be made before any loop runs; the first time it
 * needs a Future it is bound to the running loop, and any other loop is
 * refused.  Each aio_run() runs a loop of its own, and every object of ours
 * records the run that made it: a Future made now tells which loop runs. */
static uint32_t run_of(const void *object)
{
    return ((const aio_object_header *)(const void *)((const char *)object - AIO_OBJECT_HEADER))->run;
}

/* self._get_loop().create_future(), or NULL if `*loop` is another. */
static aio_future *create_future(uint32_t *loop, const char *label)
{
    aio_future *future = aio_future_new_sized(sizeof *future, label);
    if (*loop == 0)
        *loop = run_of(future);
    if (*loop == run_of(future))
        return future;
    aio_future_cancel_base(future); /* never seen: let it go now */
    return NULL;
}

/* RuntimeError(f'{self!r} is bound to a different event loop'). */
static aio_status refuse_loop(const char *where, void (*format)(aio_text *, const void *), const void *self)
{
    static const char tail[] = " is bound to a different event loop";
    aio_text text = { NULL, 0, 0 };
    format(&text, self); /* measures it */
    char *message = aio_run_memory(text.len + sizeof tail, "a RuntimeError's message");
    text = (aio_text){ message, text.len + 1, 0 };
    format(&text, self);
    memcpy(message + text.len, tail, sizeof tail);
    return aio_raise_in(where, AIO_RUNTIME_ERROR, message);
}

/* ---- asyncio.Event, as much as join() needs ---------------------------------- */

typedef struct event {
    deque waiters; /* _waiters: the Futures of the tasks in wait() */
    bool value;    /* _value */
    uint32_t loop; /* _loop: the aio_run() it is bound to, 0 until then */
} event;

/* The Queue itself; its Event is _finished. */
struct aio_queue {
    aio_awaitable base;    /* one of ours, for queue_finalize() */
    long maxsize;          /* _maxsize: 0 or less, no limit */
    deque getters;         /* _getters: Futures */
    deque putters;         /* _putters: Futures */
    long unfinished_tasks; /* _unfinished_tasks */
    event finished;        /* _finished */
    deque queue;           /* _queue: the items */
    bool is_shutdown;      /* _is_shutdown (3.13) */
    uint32_t loop;         /* _loop (_LoopBoundMixin) */
};

/* "<asyncio.locks.Event object at 0x... [unset, waiters:1]>" */
static void event_repr(aio_text *text, const void *self)
{
    const event *e = self;
    aio_text_printf(text, "<asyncio.locks.Event object at 0x%" PRIxPTR " [%s", (uintptr_t)e,
                    e->value ? "set" : "unset");
    if (e->waiters.len)
        aio_text_printf(text, ", waiters:%zu", e->waiters.len);
    aio_text_add(text, "]>", 2);
}

/* Event.set(): every waiter is woken; each takes itself off on waking. */
static void event_set(event *e)
{
    if (e->value)
        return;
    e->value = true;
    for (size_t i = 0; i < e->waiters.len; i++) {
        aio_future *fut = slot_at(&e->waiters, i)->as.p;
        if (!aio_future_done(fut))
            aio_future_set_result(fut, aio_none()); /* True in CPython: aio_value has no bool */
    }
}

static void event_clear(event *e) { e->value = false; }

static aio_status event_wait_body(const aio_value *args, aio_value *result)
{
    event *e = &((aio_queue *)args[0].as.p)->finished;
    (void)result; /* returns True in CPython (see event_set()); join() gives None anyway */
    if (e->value)
        return AIO_OK;
    aio_future *fut = create_future(&e->loop, "Event's Future");
    if (!fut)
        return refuse_loop("Event.wait()", event_repr, e);
    deque_append(&e->waiters, aio_ptr(fut));
    aio_status status = aio_await(fut, NULL);
    deque_remove(&e->waiters, fut); /* finally: */
    return status;
}

/* ---- The Queue ---------------------------------------------------------------- */

static void queue_finalize(aio_awaitable *self)
{
    aio_queue *queue = (aio_queue *)self;
    deque_free(&queue->getters);
    deque_free(&queue->putters);
    deque_free(&queue->finished.waiters);
    deque_free(&queue->queue);
}

/* One of ours, and not awaitable: no await slot. */
static const aio_awaitable_type queue_type = {
    .type_repr = "<class 'asyncio.queues.Queue'>",
    .finalize = queue_finalize,
};

aio_queue *aio_queue_new(long maxsize)
{
    aio_queue *queue = aio_object_new(sizeof *queue, &queue_type);
    queue->maxsize = maxsize;
    queue->finished.value = true; /* self._finished.set() */
    return queue;
}

size_t aio_queue_qsize(const aio_queue *queue) { return queue->queue.len; }
long aio_queue_maxsize(const aio_queue *queue) { return queue->maxsize; }
bool aio_queue_empty(const aio_queue *queue) { return queue->queue.len == 0; }

bool aio_queue_full(const aio_queue *queue)
{
    return queue->maxsize > 0 && aio_queue_qsize(queue) >= (size_t)queue->maxsize;
}

/* _format() */
static void queue_format(aio_text *text, const aio_queue *queue)
{
    aio_text_printf(text, "maxsize=%ld", queue->maxsize);
    for (size_t i = 0; i < queue->queue.len; i++) {
        aio_text_add(text, i ? ", " : " _queue=[", i ? 2 : 9);
        aio_text_repr(text, *slot_at(&queue->queue, i));
    }
    if (queue->queue.len)
        aio_text_add(text, "]", 1);
    if (queue->getters.len)
        aio_text_printf(text, " _getters[%zu]", queue->getters.len);
    if (queue->putters.len)
        aio_text_printf(text, " _putters[%zu]", queue->putters.len);
    if (queue->unfinished_tasks)
        aio_text_printf(text, " tasks=%ld", queue->unfinished_tasks);
    if (queue->is_shutdown)
        aio_text_add(text, " shutdown", 9);
}

static void queue_repr(aio_text *text, const void *self)
{
    aio_text_printf(text, "<Queue at 0x%" PRIxPTR " ", (uintptr_t)self);
    queue_format(text, self);
    aio_text_add(text, ">", 1);
}

char *aio_queue_repr(const aio_queue *queue, char *buf, size_t size)
{
    aio_text text = { buf, size, 0 };
    queue_repr(&text, queue);
    return buf;
}

char *aio_queue_str(const aio_queue *queue, char *buf, size_t size)
{
    aio_text text = { buf, size, 0 };
    aio_text_add(&text, "<Queue ", 7);
    queue_format(&text, queue);
    aio_text_add(&text, ">", 1);
    return buf;
}

/* _wakeup_next(): the first waiter not done yet is set; the ones done
 * already (cancelled while they waited) are dropped on the way. */
static void wakeup_next(deque *waiters)
{
    while (waiters->len) {
        aio_value waiter = deque_popleft(waiters);
        bool waiting = !aio_future_done(waiter.as.p);
        if (waiting)
            aio_future_set_result(waiter.as.p, aio_none());
        aio_value_drop(waiter);
        if (waiting)
            return;
    }
}

aio_status aio_queue_put_nowait(aio_queue *queue, aio_value item)
{
    if (queue->is_shutdown)
        return aio_raise_in("Queue.put_nowait()", AIO_QUEUE_SHUT_DOWN, NULL);
    if (aio_queue_full(queue))
        return aio_raise_in("Queue.put_nowait()", AIO_QUEUE_FULL, NULL);
    /* The queue keeps the item past this step: not on a task's stack. */
    aio_stack_refuse(item.kind == AIO_PTR ? item.as.p : item.kind == AIO_STR ? item.as.s : NULL,
                     "Queue.put_nowait()");
    deque_append(&queue->queue, item); /* _put() */
    queue->unfinished_tasks++;
    event_clear(&queue->finished);
    wakeup_next(&queue->getters);
    return AIO_OK;
}

aio_status aio_queue_get_nowait(aio_queue *queue, aio_value *item)
{
    *item = aio_none();
    if (aio_queue_empty(queue))
        return aio_raise_in("Queue.get_nowait()", queue->is_shutdown ? AIO_QUEUE_SHUT_DOWN : AIO_QUEUE_EMPTY,
                            NULL);
    *item = deque_popleft(&queue->queue); /* _get() */
    aio_value_drop(*item); /* the caller's now, by the lifetime rule (aio.h) */
    wakeup_next(&queue->putters);
    return AIO_OK;
}

/* put() and get() wait alike: on a Future of their own at the back of
 * `waiters`, for as long as `blocked` says.  Python's bare `except:`
 * takes whatever interrupts the await: CancelledError, and GeneratorExit
 * when the loop closes on the task. */
static aio_status wait_turn(aio_queue *queue, deque *waiters, bool (*blocked)(const aio_queue *),
                            const char *label, const char *where)
{
    while (blocked(queue)) {
        if (queue->is_shutdown)
            return aio_raise_in(where, AIO_QUEUE_SHUT_DOWN, NULL);
        aio_future *waiter = create_future(&queue->loop, label);
        if (!waiter)
            return refuse_loop(where, queue_repr, queue);
        deque_append(waiters, aio_ptr(waiter));
        aio_status status = aio_await(waiter, NULL);
        if (status != AIO_OK) {
            aio_future_cancel(waiter);       /* just in case it is not done yet */
            deque_remove(waiters, waiter);   /* unless _wakeup_next() (or shutdown()) took it off */
            if (!blocked(queue) && !aio_future_cancelled(waiter))
                wakeup_next(waiters);        /* woken, but it cannot take its turn: the next in line */
            return status;
        }
    }
    return AIO_OK;
}

static aio_status put_body(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[0].as.p;
    aio_status status = wait_turn(queue, &queue->putters, aio_queue_full, "Queue's putter", "Queue.put()");
    return status != AIO_OK ? status : aio_queue_put_nowait(queue, args[1]);
}

static aio_status get_body(const aio_value *args, aio_value *result)
{
    aio_queue *queue = args[0].as.p;
    aio_status status = wait_turn(queue, &queue->getters, aio_queue_empty, "Queue's getter", "Queue.get()");
    return status != AIO_OK ? status : aio_queue_get_nowait(queue, result);
}

aio_coro *aio_queue_put(aio_queue *queue, aio_value item)
{
    aio_stack_refuse(item.kind == AIO_PTR ? item.as.p : item.kind == AIO_STR ? item.as.s : NULL, "Queue.put()");
    return aio_coro_new2("Queue.put", put_body, aio_ptr(queue), item);
}

aio_coro *aio_queue_get(aio_queue *queue) { return aio_coro_new("Queue.get", get_body, aio_ptr(queue)); }

aio_status aio_queue_task_done(aio_queue *queue)
{
    if (queue->unfinished_tasks <= 0)
        return aio_raise_in("Queue.task_done()", AIO_VALUE_ERROR, "task_done() called too many times");
    if (--queue->unfinished_tasks == 0)
        event_set(&queue->finished);
    return AIO_OK;
}

static aio_status join_body(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_queue *queue = args[0].as.p;
    if (queue->unfinished_tasks > 0)
        return aio_await(aio_coro_new("Event.wait", event_wait_body, args[0]), NULL);
    return AIO_OK;
}

aio_coro *aio_queue_join(aio_queue *queue) { return aio_coro_new("Queue.join", join_body, aio_ptr(queue)); }

/* ---- shutdown(), new in 3.13 ----------------------------------------------------- */

bool aio_queue_has_shutdown(void) { return aio_python() >= 13; }

void aio_queue_shutdown(aio_queue *queue, bool immediate)
{
    if (!aio_queue_has_shutdown())
        aio_fatal("AttributeError: 'Queue' object has no attribute 'shutdown' "
                  "(Queue.shutdown() is new in Python 3.13, and AIO_PYTHON is 3.%d)", aio_python());
    queue->is_shutdown = true;
    if (immediate) {
        while (!aio_queue_empty(queue)) {
            aio_value_drop(deque_popleft(&queue->queue)); /* _get() */
            if (queue->unfinished_tasks > 0)
                queue->unfinished_tasks--;
        }
        if (queue->unfinished_tasks == 0)
            event_set(&queue->finished);
    }
    /* Every waiter looks again, and finds QueueShutDown (a getter: once the
     * queue is empty). */
    deque *waiting[] = { &queue->getters, &queue->putters };
    for (size_t i = 0; i < 2; i++) {
        while (waiting[i]->len) {
            aio_value waiter = deque_popleft(waiting[i]);
            if (!aio_future_done(waiter.as.p))
                aio_future_set_result(waiter.as.p, aio_none());
            aio_value_drop(waiter);
        }
    }
}
