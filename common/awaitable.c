/* Section 4: Awaitable, the base that coroutines, Futures and Tasks share;
 * and where those objects are made and, in the end, reclaimed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Objects come from a stack of chunks.  A mark is a position in it;
 * reclaiming back to a mark drops every chunk above it at once. */
typedef struct arena_chunk {
    struct arena_chunk *below;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
} arena_chunk;

#define CHUNK_BYTES (256 * 1024)

static arena_chunk *top_chunk;
static aio_awaitable *tracked; /* every live object, newest first */
static bool exit_hook_installed, collecting_at_exit;

static void *arena_alloc(size_t size)
{
    size = (size + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);
    if (!top_chunk || top_chunk->size - top_chunk->used < size) {
        size_t capacity = size > CHUNK_BYTES ? size : CHUNK_BYTES;
        arena_chunk *chunk = malloc(sizeof *chunk + capacity);
        if (!chunk)
            return NULL;
        chunk->below = top_chunk;
        chunk->used = 0;
        chunk->size = capacity;
        top_chunk = chunk;
    }
    void *p = top_chunk->data + top_chunk->used;
    top_chunk->used += size;
    return memset(p, 0, size);
}

static void arena_reset(arena_chunk *chunk, size_t used)
{
    while (top_chunk != chunk) {
        arena_chunk *dropped = top_chunk;
        top_chunk = dropped->below;
        free(dropped);
    }
    if (top_chunk)
        top_chunk->used = used;
}

static void collect_all_at_exit(void)
{
    collecting_at_exit = true;
    aio_collect_since((aio_heap_mark){ NULL, NULL, 0 });
}

void *aio_object_new(size_t size, const aio_awaitable_type *type)
{
    aio_config_load(); /* a bad AIO_* setting must stop us before anything runs */
    aio_awaitable *object = arena_alloc(size);
    if (!object)
        aio_fatal("MemoryError: no memory for a new %s", type->type_repr);
    if (!exit_hook_installed) {
        /* What is left at exit is reclaimed there, as CPython's shutdown
         * does; that is also when it warns about coroutines never awaited. */
        atexit(collect_all_at_exit);
        exit_hook_installed = true;
    }
    object->type = type;
    object->next_tracked = tracked;
    tracked = object;
    return object;
}

aio_heap_mark aio_heap_mark_now(void)
{
    return (aio_heap_mark){ tracked, top_chunk, top_chunk ? top_chunk->used : 0 };
}

aio_awaitable *aio_tracked_newest(void) { return tracked; }

/* A coroutine that never ran stays until exit, and is reported there:
 * "sys:1: RuntimeWarning: ... was never awaited" is what CPython prints
 * at shutdown, after any traceback. */
static bool kept_until_exit(const aio_awaitable *object)
{
    return !collecting_at_exit && object->type == &aio_coro_type
        && ((const aio_coro *)object)->state == AIO_CORO_CREATED;
}

void aio_collect_since(aio_heap_mark mark)
{
    aio_awaitable *kept = NULL, **kept_tail = &kept;
    while (tracked && tracked != mark.newest) {
        aio_awaitable *object = tracked;
        tracked = object->next_tracked;
        if (kept_until_exit(object)) {
            *kept_tail = object;
            kept_tail = &object->next_tracked;
        } else if (object->type->finalize) {
            object->type->finalize(object);
        }
    }
    *kept_tail = tracked;
    tracked = kept;
    /* Memory goes back only if nothing above the mark is kept. */
    if (!kept)
        arena_reset(mark.chunk, mark.used);
}

bool aio_is_future(const aio_awaitable *awaitable)
{
    return awaitable->type == &aio_future_type || awaitable->type == &aio_task_type;
}

aio_awaitable *aio_awaitable_self(aio_awaitable *awaitable) { return awaitable; }

const char *aio_describe(const aio_awaitable *awaitable, char *buf, size_t size)
{
    if (awaitable->type == &aio_coro_type)
        snprintf(buf, size, "%s()", ((const aio_coro *)awaitable)->name);
    else if (awaitable->type == &aio_task_type)
        snprintf(buf, size, "%s", ((const aio_task *)awaitable)->name);
    else if (awaitable->type == &aio_future_type)
        snprintf(buf, size, "%s", ((const aio_future *)awaitable)->label ? ((const aio_future *)awaitable)->label : "a Future");
    else
        snprintf(buf, size, "%s", awaitable->type->type_repr);
    return buf;
}
