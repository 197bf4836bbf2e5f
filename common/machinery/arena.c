#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "status.h"

/* Memory comes from a stack of chunks.  A mark is a position in it;
 * reclaiming back to a mark drops every chunk above it at once. */
typedef struct arena_chunk {
    struct arena_chunk *below;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
} arena_chunk;

#define CHUNK_BYTES (256 * 1024)
#define ALIGN(n) (((n) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1))

/* Before each object, where its user cannot see it. */
typedef struct header {
    struct header *older;
    aio_arena_finalizer finalize;
} header;

#define HEADER_BYTES ALIGN(sizeof(header))

static arena_chunk *top_chunk;
static header *newest; /* every live object, newest first */
static bool exit_hook_installed, at_exit;

static void *object_of(header *h) { return h ? (char *)h + HEADER_BYTES : NULL; }
static header *header_of(const void *object) { return (header *)((char *)object - HEADER_BYTES); }

static void *chunk_alloc(size_t size)
{
    size = ALIGN(size);
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

static void chunks_reset(arena_chunk *chunk, size_t used)
{
    while (top_chunk != chunk) {
        arena_chunk *dropped = top_chunk;
        top_chunk = dropped->below;
        free(dropped);
    }
    if (top_chunk)
        top_chunk->used = used;
}

/* What is left at exit is reclaimed there, as CPython's shutdown does. */
static void reclaim_all_at_exit(void)
{
    at_exit = true;
    aio_arena_reclaim_since((aio_arena_mark){ NULL, NULL, 0 });
}

void *aio_arena_new(size_t size, aio_arena_finalizer finalize, const char *what)
{
    aio_config_load(); /* a bad AIO_* setting must stop us before anything runs */
    header *h = chunk_alloc(HEADER_BYTES + size);
    if (!h)
        aio_fatal("MemoryError: no memory for a new %s", what);
    if (!exit_hook_installed) {
        atexit(reclaim_all_at_exit);
        exit_hook_installed = true;
    }
    h->finalize = finalize;
    h->older = newest;
    newest = h;
    return object_of(h);
}

aio_arena_mark aio_arena_mark_now(void)
{
    return (aio_arena_mark){ object_of(newest), top_chunk, top_chunk ? top_chunk->used : 0 };
}

void *aio_arena_newest(void) { return object_of(newest); }
void *aio_arena_older(const void *object) { return object_of(header_of(object)->older); }

void aio_arena_reclaim_since(aio_arena_mark mark)
{
    header *stop = mark.newest ? header_of(mark.newest) : NULL;
    header *kept = NULL, **kept_tail = &kept;
    while (newest && newest != stop) {
        header *h = newest;
        newest = h->older;
        if (h->finalize && !h->finalize(object_of(h), at_exit)) {
            *kept_tail = h;
            kept_tail = &h->older;
        }
    }
    *kept_tail = newest;
    newest = kept;
    /* Memory goes back only if nothing above the mark is kept. */
    if (!kept)
        chunks_reset(mark.chunk, mark.used);
}
