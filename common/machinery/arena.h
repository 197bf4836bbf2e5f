/* Object memory.  Python frees an object when nothing refers to it; here
 * objects come from an arena, and aio_run() reclaims at once everything
 * made while it ran (see "Lifetime" in aio.h).  An object costs a pointer
 * bump; each is tracked, newest first, so that it can be finalized.
 *
 * The rule, for a mark taken with aio_arena_mark_now():
 *   - objects made before the mark are untouched by reclaiming to it, and
 *     live on (until exit, or an older mark is reclaimed): aio_run() takes
 *     its mark after the caller made the main coroutine, which the caller
 *     may still hold, so that coroutine (one per run) stays until exit;
 *   - every object made after the mark is finalized, newest first;
 *   - one whose finalizer asks to be kept (a coroutine never awaited,
 *     reported at exit) is moved out to memory of its own: after the
 *     reclaim nobody may hold a pointer to it, so moving it is safe;
 *   - then every chunk above the mark goes back to malloc, and the mark's
 *     own chunk is cut back to where it was, so all the memory taken
 *     since the mark comes back, whether or not an object was kept. */
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
