/* The loop's handles (asyncio.Handle, TimerHandle): their memory, kept in
 * a pool so that malloc stays off the switch path, and the min-heap that
 * orders timers by due time. */
#ifndef AIO_HANDLE_H
#define AIO_HANDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "clock.h"
#include "object.h"
#include "stack.h"

typedef struct aio_handle aio_handle;

struct aio_handle {
    void (*callback)(void *arg);
    void *arg;
    aio_ns when;       /* timers: due time */
    double far;        /* timers at AIO_NS_MAX: the deadline wanted, in seconds */
    uint64_t seq;      /* timers: creation order, the tie-breaker */
    bool cancelled;
    int refs;          /* 1 for the loop, +1 while a caller holds a timer */
    const char *owner; /* timers: who armed it, for the trace */
    bool due;          /* timers: moved to the ready queue */
    aio_handle *next;  /* ready queue */
    struct aio_object_header *held; /* what `arg` points to, held (machinery/object.h) */
    /* What the callback will touch beyond `arg`, asked of the cache just
     * before it runs (aio_handle_prefetch_ahead()); NULL: nothing more. */
    void (*prefetch)(void *arg);
};

/* Not in CPython: a hint to the cache, which changes nothing that runs,
 * called by the loop before each ready callback with the next one and
 * how many are left in this iteration.  With 100,000 tasks in the ready
 * queue, each step finds its Task, its coroutine and its saved frames out
 * of the cache; asked for a callback or two ahead, they arrive while the
 * one before runs (README, "What a task costs").  A shorter queue's
 * memory (about 1 KiB a task) stays in the cache anyway, and the hint
 * would only cost its instructions. */
#define AIO_PREFETCH_FROM 16384
static inline void aio_handle_prefetch_ahead(const aio_handle *next, size_t left)
{
    if (left <= AIO_PREFETCH_FROM || !next)
        return;
    if (next->prefetch) /* its argument was asked for one callback ago */
        next->prefetch(next->arg);
    const aio_handle *after = next->next;
    if (after) {
        AIO_PREFETCH(after->next);
        aio_prefetch_span(after->arg, -(long)AIO_OBJECT_HEADER, 480); /* an object and its header */
    }
}

/* A handle holding one reference; release() drops one, and the last
 * sends the handle back to the pool.  Inline, because every call_soon
 * takes one: the pool is what keeps malloc off the switch path.  Handles
 * are carved from slabs, and closing the loop frees the slabs whole: a
 * timer whose holder never ran again (a task abandoned at shutdown) goes
 * with them instead of leaking. */
typedef struct aio_handle_pool {
    aio_handle *spare;   /* released handles kept for reuse */
    struct handle_slab *slabs;
    size_t slab_used;    /* handles handed out from the newest slab */
} aio_handle_pool;

extern aio_handle_pool aio_handle_spares;

aio_handle *aio_handle_malloc(void);
/* Free every handle at once, whatever its references (loop close). */
void aio_handle_pool_free(void);

/* A handle for callback(arg) that holds nothing: for an argument that
 * keeps itself alive while the handle waits (a pending Task, whose step
 * it is: loop.h, aio_call_soon_unheld()). */
static inline aio_handle *aio_handle_new_unheld(void (*callback)(void *arg), void *arg)
{
    aio_stack_refuse(arg, "call_soon() or call_later()");
    aio_handle *h = aio_handle_spares.spare;
    if (h)
        aio_handle_spares.spare = h->next;
    else
        h = aio_handle_malloc();
    /* Field by field: gcc writes a compound literal of this size with
     * `rep stos`, slow to start, and every call_soon() makes a handle. */
    h->callback = callback;
    h->arg = arg;
    h->when = 0;
    h->far = 0;
    h->seq = 0;
    h->cancelled = false;
    h->refs = 1;
    h->owner = NULL;
    h->due = false;
    h->next = NULL;
    h->held = NULL;
    h->prefetch = NULL;
    return h;
}

/* A handle holds its argument until it goes back to the pool, so that an
 * object passed to call_soon() lives until its callback has run. */
static inline aio_handle *aio_handle_new(void (*callback)(void *arg), void *arg)
{
    aio_handle *h = aio_handle_new_unheld(callback, arg);
    h->held = aio_object_hold_header(arg);
    return h;
}

static inline void aio_handle_release(aio_handle *h)
{
    if (--h->refs > 0)
        return;
    aio_object_drop_header(h->held);
    h->next = aio_handle_spares.spare;
    aio_handle_spares.spare = h;
}

/* Timers, earliest first; equal deadlines in creation order (seq). */
typedef struct aio_timer_heap {
    aio_handle **items;
    size_t count, capacity;
} aio_timer_heap;

void aio_timer_heap_push(aio_timer_heap *heap, aio_handle *h);
aio_handle *aio_timer_heap_pop(aio_timer_heap *heap);
void aio_timer_heap_free(aio_timer_heap *heap);

#endif
