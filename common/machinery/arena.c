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
static header *newest;    /* every object in the chunks, newest first */
static header *kept;      /* moved out of the chunks until exit, newest first */
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

static bool inside(const arena_chunk *chunk, const header *h)
{
    const unsigned char *p = (const unsigned char *)h;
    return p >= chunk->data && p < chunk->data + chunk->used;
}

/* What is left at exit is reclaimed there, as CPython's shutdown does:
 * first what earlier reclaims kept, then everything still in the chunks. */
static void reclaim_all_at_exit(void)
{
    at_exit = true;
    while (kept) {
        header *h = kept;
        kept = h->older;
        h->finalize(object_of(h), true);
        free(h);
    }
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

/* Objects in a chunk lie back to back in the order they were made, so an
 * object ends where the next newer one in its chunk begins, or where the
 * chunk's used part ends.  Walking newest first, that is where the
 * previous object began: no object needs to record its size. */
void aio_arena_reclaim_since(aio_arena_mark mark)
{
    header *stop = mark.newest ? header_of(mark.newest) : NULL;
    header *moved_newest = NULL, **moved_tail = &moved_newest;
    arena_chunk *chunk = top_chunk;
    unsigned char *end = chunk ? chunk->data + chunk->used : NULL;
    while (newest && newest != stop) {
        header *h = newest;
        newest = h->older;
        while (!inside(chunk, h)) {
            chunk = chunk->below;
            end = chunk->data + chunk->used;
        }
        size_t size = (size_t)(end - (unsigned char *)h);
        end = (unsigned char *)h;
        if (!h->finalize || h->finalize(object_of(h), at_exit))
            continue;
        header *moved = malloc(size);
        if (!moved)
            aio_fatal("MemoryError: no memory to keep an object until exit");
        memcpy(moved, h, size);
        *moved_tail = moved;
        moved_tail = &moved->older;
    }
    *moved_tail = kept;
    kept = moved_newest;
    chunks_reset(mark.chunk, mark.used);
}
