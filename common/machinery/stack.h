/* Task stacks: one stack that every task runs on, and a copy of each
 * suspended task's part of it on the heap (the way greenlet runs gevent).
 *
 * A task runs on the shared stack.  When it is suspended, its frames stay
 * there until another task needs the stack; only then are they moved out,
 * into a buffer of the task's own size: what lies between the stack
 * pointer at its last switch and the top, typically a few hundred bytes.
 * When the task runs again its bytes are copied back to the very same
 * addresses, so that every pointer into its frames is right again.  This
 * is close to what CPython does: a suspended coroutine's frame is a heap
 * object of its own size.  A task costs its bytes, not a page.
 *
 * The price: while a task is suspended, its stack memory is not where its
 * addresses say.  A pointer into it that the loop is handed (a callback's
 * argument, a coroutine argument of a new Task, a Future's result) would
 * read another task's frames, so the loop refuses it with a message that
 * says why (aio_stack_refuse()).
 *
 * Below the stack lies a 64 KiB PROT_NONE guard region (stack.c says why
 * 64 KiB): an overflow faults there, and a SIGSEGV handler on an
 * alternate stack names the task that overflowed.  Every task is guarded:
 * there is one mapping for the stack, one for its guard, however many
 * tasks there are. */
#ifndef AIO_STACK_H
#define AIO_STACK_H

#include <stdbool.h>
#include <stddef.h>

#include "switch.h"

/* One task's claim on the shared stack. */
typedef struct aio_stack {
    char *lo;          /* lowest usable byte of the shared stack, just above the guard */
    size_t size;       /* its usable bytes: AIO_STACK_SIZE */
    const char *owner; /* the task it belongs to, for the report: its name, not a copy */
    const aio_context *context; /* where it last switched out: its stack pointer */
    char *saved;       /* its frames while moved off the stack */
    size_t saved_size, saved_capacity;
} aio_stack;

/* Usable bytes of the shared stack: 512 KiB, so that ordinary recursion
 * fits.  CPython lets a coroutine await itself a little under 1000 levels
 * deep (its recursion limit).  Here one such level costs 96-112 bytes of
 * C stack at -O2, 384 (gcc) to 544 (clang) at -O0, and 704 (gcc) to 928
 * (clang) under ASan; AIO_TRACE=1 adds about 200 bytes a level at -O2 and
 * a few KiB at the deepest frame.  512 KiB holds 500 levels in every one
 * of those builds, and CPython's full ~1000 at -O2 and with gcc -O0.
 * Only what a suspended task really uses is copied, so a deep stack costs
 * memory only while a task is suspended deep in it. */
#define AIO_STACK_SIZE (512 * 1024)

/* A claim for the task named `owner` (a name that lasts as long as the
 * claim: it is kept, not copied), or NULL with errno set when memory has
 * run out.  The shared stack is mapped at the first claim. */
aio_stack *aio_stack_acquire(const char *owner);
/* The task has finished (or is abandoned): its frames are dead. */
void aio_stack_release(aio_stack *stack);
/* The same two for a claim that lives inside its task, next to what the
 * task touches on every switch: false with errno set on failure. */
bool aio_stack_claim(aio_stack *stack, const char *owner);
void aio_stack_unclaim(aio_stack *stack);

/* Where execution starts on the stack: its top, aligned for any ABI. */
void *aio_stack_top(const aio_stack *stack);

/* Before switching to the task that owns `stack` (whose context is
 * `context`): make the shared stack hold its frames, moving the frames of
 * the task that holds it now out to that task's buffer, and name it as
 * the one running (aio_stack_set_running()).  Call it on the main stack,
 * never on the shared one. */
void aio_stack_occupy(aio_stack *stack, const aio_context *context);
/* A hint to the cache: aio_stack_occupy() of `stack` comes soon. */
void aio_stack_prefetch(const aio_stack *stack);


/* Refuse, in one line naming `api`, a pointer into the stack handed to
 * the loop to keep (a callback's argument, a new Task's coroutine
 * argument, a Future's result).  NULL and any other pointer pass.
 * Inline: every call_soon() asks. */
typedef struct aio_stack_span {
    const char *lo, *hi; /* the guard and the stack; both NULL while unmapped */
} aio_stack_span;
extern aio_stack_span aio_stack_mapped;
_Noreturn void aio_stack_refused(const void *p, const char *api);
static inline void aio_stack_refuse(const void *p, const char *api)
{
    if ((const char *)p >= aio_stack_mapped.lo && (const char *)p < aio_stack_mapped.hi)
        aio_stack_refused(p, api);
}

/* Tell the SIGSEGV handler which task runs on the stack, so that it can
 * name the one that overflowed it.  NULL while the loop runs on the main
 * stack. */
void aio_stack_set_running(const aio_stack *stack);

/* Unmap the shared stack.  Does nothing while a claim is still held. */
void aio_stack_pool_destroy(void);

/* How many claims are held. */
size_t aio_stack_in_use(void);

#endif
