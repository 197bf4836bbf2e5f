#include "handle.h"

#include <stdlib.h>

#include "status.h"

aio_handle_pool aio_handle_spares;

static void *checked(void *p)
{
    if (!p)
        aio_fatal("MemoryError: the event loop is out of memory");
    return p;
}

/* A slab holds as many handles as are ever alive at once in most
 * programs; a burst takes more slabs, kept until the loop closes, as the
 * arena keeps the objects of a run. */
#define SLAB_HANDLES 256

typedef struct handle_slab {
    struct handle_slab *below;
    aio_handle handles[SLAB_HANDLES];
} handle_slab;

aio_handle *aio_handle_malloc(void)
{
    aio_handle_pool *pool = &aio_handle_spares;
    if (!pool->slabs || pool->slab_used == SLAB_HANDLES) {
        handle_slab *slab = checked(malloc(sizeof *slab));
        slab->below = pool->slabs;
        pool->slabs = slab;
        pool->slab_used = 0;
    }
    return &pool->slabs->handles[pool->slab_used++];
}

void aio_handle_pool_free(void)
{
    while (aio_handle_spares.slabs) {
        handle_slab *slab = aio_handle_spares.slabs;
        aio_handle_spares.slabs = slab->below;
        free(slab);
    }
    aio_handle_spares = (aio_handle_pool){ NULL, NULL, 0 };
}

/* Equal deadlines run in creation order.  CPython's heap compares `when`
 * alone, but its clock moves between two call_later() calls, so in real
 * time two timers practically never tie; the tie-breaker gives the same
 * order when our clock stands still (virtual time).  Deadlines past what
 * int64 ns can hold all saturate to AIO_NS_MAX; among those, the deadline
 * wanted (`far`, a double, as CPython keeps every deadline) decides. */
static bool earlier(const aio_handle *a, const aio_handle *b)
{
    if (a->when != b->when)
        return a->when < b->when;
    if (a->when == AIO_NS_MAX && a->far != b->far)
        return a->far < b->far;
    return a->seq < b->seq;
}

static void swap(aio_timer_heap *heap, size_t i, size_t j)
{
    aio_handle *t = heap->items[i];
    heap->items[i] = heap->items[j];
    heap->items[j] = t;
}

void aio_timer_heap_push(aio_timer_heap *heap, aio_handle *h)
{
    if (heap->count == heap->capacity) {
        size_t capacity = heap->capacity ? heap->capacity * 2 : 64;
        heap->items = checked(realloc(heap->items, capacity * sizeof *heap->items));
        heap->capacity = capacity;
    }
    size_t i = heap->count++;
    heap->items[i] = h;
    while (i > 0 && earlier(heap->items[i], heap->items[(i - 1) / 2])) {
        swap(heap, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

aio_handle *aio_timer_heap_pop(aio_timer_heap *heap)
{
    aio_handle *top = heap->items[0];
    heap->items[0] = heap->items[--heap->count];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < heap->count && earlier(heap->items[l], heap->items[m])) m = l;
        if (r < heap->count && earlier(heap->items[r], heap->items[m])) m = r;
        if (m == i)
            break;
        swap(heap, i, m);
        i = m;
    }
    return top;
}

void aio_timer_heap_free(aio_timer_heap *heap)
{
    free(heap->items);
    *heap = (aio_timer_heap){ NULL, 0, 0 };
}
