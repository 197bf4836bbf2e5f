/* Object memory.  Python frees an object when nothing refers to it; here
 * objects come from an arena, and aio_run() reclaims at once everything
 * made while it ran (see "Lifetime" in aio.h).  An object costs a pointer
 * bump; each is tracked, newest first, so that it can be finalized. */
#ifndef AIO_ARENA_H
#define AIO_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* Called once per object when it is reclaimed.  Return false to keep it
 * until exit instead (never when at_exit is true). */
typedef bool (*aio_arena_finalizer)(void *object, bool at_exit);

/* `size` zeroed bytes, aligned for anything; stops the program on a bad
 * AIO_* setting or when memory has run out (`what` names it then). */
void *aio_arena_new(size_t size, aio_arena_finalizer finalize, const char *what);

/* A position in the arena: reclaiming back to it drops everything newer. */
typedef struct aio_arena_mark {
    void *newest;
    struct arena_chunk *chunk;
    size_t used;
} aio_arena_mark;

aio_arena_mark aio_arena_mark_now(void);
void aio_arena_reclaim_since(aio_arena_mark mark);

/* Walk the live objects, newest first: aio_arena_newest(), then
 * aio_arena_older(object) until it returns mark.newest (or NULL). */
void *aio_arena_newest(void);
void *aio_arena_older(const void *object);

#endif
