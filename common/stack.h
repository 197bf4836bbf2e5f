/* Task stacks.
 *
 * Each task runs on a stack of its own, carved out of large mmap()ed slabs.
 * Linux caps the number of mappings a process may hold (vm.max_map_count,
 * 65530 by default), and a guard page splits a slab into two more mappings
 * per stack, so 100,000 guarded stacks would need about 200,000 mappings.
 * The choice made here:
 *
 *   - the first stacks get a PROT_NONE guard page below them, as long as
 *     that spends at most half of the mapping budget (16,382 stacks on a
 *     default Linux); an overflow there faults, and a SIGSEGV handler on
 *     an alternate stack reports which task overflowed;
 *   - the stacks past that budget keep their guard page readable and
 *     writable, and we check whether it was ever touched (mincore) when
 *     the stack comes back: nothing but an overflow writes there.  That
 *     catches an overflow after the fact, not at the faulting instruction,
 *     and one that runs past the spare page into the next stack may crash
 *     first.  That is the price of fitting 100,000 tasks in the budget; a
 *     canary word would have been cheaper to check but would cost one more
 *     resident page for every task.
 *
 * A finished task's stack goes back on a free list and is reused, still
 * warm; the slabs are unmapped when the loop closes. */
#ifndef AIO_STACK_H
#define AIO_STACK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct aio_stack {
    char *lo;          /* lowest usable byte, just above the guard page */
    size_t size;       /* usable bytes */
    bool guarded;      /* true: PROT_NONE page below; false: spare page, checked */
    struct aio_stack *next_free;
} aio_stack;

/* Usable bytes per stack. */
#define AIO_STACK_SIZE (64 * 1024)

/* A free stack, or NULL with errno set when memory has run out. */
aio_stack *aio_stack_acquire(void);
void aio_stack_release(aio_stack *stack);

/* Where execution starts on `stack`: its top, aligned for any ABI. */
void *aio_stack_top(const aio_stack *stack);

/* False once an unguarded stack has overflowed into its spare page. */
bool aio_stack_intact(const aio_stack *stack);

/* Tell the SIGSEGV handler whose stack is in use, so that it can name the
 * task that overflowed it.  NULL while the loop runs on the main stack. */
void aio_stack_set_running(const aio_stack *stack, const char *owner);

/* Report an overflow of the running stack and exit with status 1. */
void aio_stack_overflowed(const aio_stack *stack, const char *owner);

/* Unmap every slab.  Only valid when no stack is in use. */
void aio_stack_pool_destroy(void);

/* How many stacks are handed out, and how many of all ever carved got a
 * guard page (for tests and the README's numbers). */
size_t aio_stack_in_use(void);
size_t aio_stack_guarded_count(void);

#endif
