/* The loop's handles (asyncio.Handle, TimerHandle): their memory, kept in
 * a pool so that malloc stays off the switch path, and the min-heap that
 * orders timers by due time. */
#ifndef AIO_HANDLE_H
#define AIO_HANDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"

typedef struct aio_handle aio_handle;

struct aio_handle {
    void (*callback)(void *arg);
    void *arg;
    aio_ns when;       /* timers: due time */
    uint64_t seq;      /* timers: creation order, the tie-breaker */
    bool cancelled;
    int refs;          /* 1 for the loop, +1 while a caller holds a timer */
    const char *owner; /* timers: who armed it, for the trace */
    bool due;          /* timers: moved to the ready queue */
    aio_handle *next;  /* ready queue */
};

/* A handle holding one reference; release() drops one, and the last
 * sends the handle back to the pool. */
aio_handle *aio_handle_new(void (*callback)(void *arg), void *arg);
void aio_handle_release(aio_handle *h);
void aio_handle_pool_free(void);

/* Timers, earliest first; equal deadlines in creation order (seq). */
typedef struct aio_timer_heap {
    aio_handle **items;
    size_t count, capacity;
} aio_timer_heap;

void aio_timer_heap_push(aio_timer_heap *heap, aio_handle *h);
aio_handle *aio_timer_heap_pop(aio_timer_heap *heap);
void aio_timer_heap_free(aio_timer_heap *heap);

#endif
