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
 *     writable, and we check whether it was ever touched (mincore):
 *     nothing but an overflow writes there.  The check runs when the stack
 *     is handed out again, and for every stack when the loop closes (one
 *     system call per slab).  That catches an overflow after the fact, not
 *     at the faulting instruction, and one that runs past the spare page
 *     into the next stack may crash first.  That is the price of fitting
 *     100,000 tasks in the budget; a canary word would have been cheaper
 *     to check but would cost one more resident page for every task.
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
    bool used;         /* handed out since its spare page was last checked */
    char owner[24];    /* the task it was last handed to, for the report */
    struct aio_stack *next_free;
} aio_stack;

/* Usable bytes per stack. */
#define AIO_STACK_SIZE (64 * 1024)

/* A free stack for the task named `owner`, or NULL with errno set when
 * memory has run out.  Its top page is touched here, so that the cost of
 * committing it is paid now rather than in the middle of the task's first
 * step, when other tasks' timers may be due. */
aio_stack *aio_stack_acquire(const char *owner);
void aio_stack_release(aio_stack *stack);

/* Where execution starts on `stack`: its top, aligned for any ABI. */
void *aio_stack_top(const aio_stack *stack);

/* Tell the SIGSEGV handler which stack is in use, so that it can name the
 * task that overflowed it.  NULL while the loop runs on the main stack. */
void aio_stack_set_running(const aio_stack *stack);

/* Check every unguarded stack for an overflow (reporting it and exiting
 * with status 1 if one happened), then unmap every slab.  Does nothing
 * while a stack is still in use. */
void aio_stack_pool_destroy(void);

/* How many stacks are handed out. */
size_t aio_stack_in_use(void);

#endif
