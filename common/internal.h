/* Shared between the files of common/, not part of the public API. */
#ifndef AIO_INTERNAL_H
#define AIO_INTERNAL_H

#include "aio.h"

extern const aio_awaitable_type aio_coro_type;
extern const aio_awaitable_type aio_future_type;
extern const aio_awaitable_type aio_task_type;

/* coroutine.c: run a coroutine's body to its end on the current stack
 * (what `await coro` and a task's first step both do). */
aio_status aio_coro_run(aio_coro *coro, aio_value *result);
/* Throw an exception into a coroutine that never started: it ends at once
 * without running any of its body. */
void aio_coro_close(aio_coro *coro);

/* future.c: Future.cancel() itself, which Task.cancel() builds on. */
bool aio_future_cancel_base(aio_future *future);

/* awaitable.c: objects are tracked newest first; aio_run() reclaims what
 * was created after a mark. */
typedef struct aio_heap_mark {
    aio_awaitable *newest;
    struct arena_chunk *chunk;
    size_t used;
} aio_heap_mark;

aio_heap_mark aio_heap_mark_now(void);
aio_awaitable *aio_tracked_newest(void);
void aio_collect_since(aio_heap_mark mark);

#endif
