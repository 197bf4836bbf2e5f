/* Task stacks.
 *
 * Each task runs on a stack of its own, carved out of large mmap()ed slabs.
 * Linux caps the number of mappings a process may hold (vm.max_map_count,
 * 65530 by default), and a guard page splits a slab into two more mappings
 * per stack, so 100,000 guarded stacks would need about 200,000 mappings.
 * The choice made here:
 *
 *   - the first stacks get a 64 KiB PROT_NONE guard region below them
 *     (stack.c says why 64 KiB), as long as that spends at most half of
 *     the mapping budget (16,382 stacks on a default Linux); an overflow
 *     there faults, and a SIGSEGV handler on an alternate stack reports
 *     which task overflowed;
 *   - the stacks past that budget keep that region readable and writable
 *     (a spare), and we check whether any page of it was ever touched
 *     (mincore): nothing but an overflow touches it, and with the
 *     compiler's stack-clash probes even a frame larger than the whole
 *     stack touches it first.  The check runs when the task ends, and for
 *     every stack when the loop closes (one system call per slab).  That
 *     catches an overflow after the fact, not at the faulting instruction,
 *     and a neighbour damaged in between may crash first.  That is the
 *     price of fitting 100,000 tasks in the budget; a canary word would
 *     have been cheaper to check but would cost one more resident page for
 *     every task.
 *
 * A finished task's stack goes back on a free list and is reused, still
 * warm; the slabs are unmapped when the loop closes. */
#ifndef AIO_STACK_H
#define AIO_STACK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct aio_stack {
    char *lo;          /* lowest usable byte, just above the guard region */
    size_t size;       /* usable bytes: AIO_STACK_SIZE less the colour, below */
    bool guarded;      /* true: PROT_NONE region below; false: spare region, checked */
    char owner[24];    /* the task it was last handed to, for the report */
    struct aio_stack *next_free;
} aio_stack;

/* Usable bytes per stack: 512 KiB, so that ordinary recursion fits.
 * CPython lets a coroutine await itself a little under 1000 levels deep
 * (its recursion limit).  Here one such level costs 96-112 bytes of C
 * stack at -O2, 384 (gcc) to 544 (clang) at -O0, and 704 (gcc) to 928
 * (clang) under ASan; AIO_TRACE=1 adds about 200 bytes a level at -O2 and
 * a few KiB at the deepest frame.  512 KiB holds 500 levels in every one
 * of those builds, and CPython's full ~1000 at -O2 and with gcc -O0.
 * Reserved address space is cheap (MAP_NORESERVE: only the pages a task
 * touches are backed, one for most tasks), but not free: one page-table
 * page maps 2 MiB (x86-64, 4 KiB pages), so the further apart the touched
 * top pages are, the fewer of them share one.  Measured for 100,000
 * sleeping tasks (VmPTE): 64 KiB stacks 14 MB, 256 KiB 63 MB, 512 KiB
 * 113 MB, 1 MiB 213 MB of page tables.  512 KiB keeps that near 1 KiB a
 * task; 1 MiB would double it for depth that only sanitizer builds lack. */
#define AIO_STACK_SIZE (512 * 1024)

/* A free stack for the task named `owner`, or NULL with errno set when
 * memory has run out.  Its top page is touched here, so that the cost of
 * committing it is paid now rather than in the middle of the task's first
 * step, when other tasks' timers may be due. */
aio_stack *aio_stack_acquire(const char *owner);
void aio_stack_release(aio_stack *stack);

/* Where execution starts on `stack`: its top, aligned for any ABI.
 * Stack slots lie a whole number of pages apart, so were every stack to
 * fill its slot, their tops would share a page offset: the hot frames of
 * a thousand tasks would fall into the same few sets of the CPU's cache
 * and evict each other, and the loop's own data, on every switch.  Each
 * stack stops a different multiple of 128 bytes short of its slot's top
 * (its colour: 31 of them, 0 to 3,840 bytes), which spreads them out: a
 * third faster on make bench's thousand-task switch test. */
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
