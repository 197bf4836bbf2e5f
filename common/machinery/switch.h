/* Switching between stacks with sigsetjmp/siglongjmp.
 *
 * A context is a place execution can come back to: the registers that
 * sigsetjmp saved, plus what AddressSanitizer needs to know about the
 * stack it belongs to, and what ThreadSanitizer needs (each context is
 * a fiber of its own, as a coroutine of a thread is).  The loop has one
 * context (on the main stack) and each task has one (on its own stack). */
#ifndef AIO_SWITCH_H
#define AIO_SWITCH_H

#include <setjmp.h>
#include <stddef.h>

typedef struct aio_context {
    const void *sp;           /* its stack pointer when it last switched out */
    const void *stack_bottom; /* for ASan: the stack this context runs on */
    size_t stack_size;
    void *fake_stack;         /* for ASan: its fake stack while switched out */
    void *tsan_fiber;         /* for TSan: its fiber (NULL: not made yet) */
    sigjmp_buf env;           /* last: sigsetjmp(env, 0) touches only its first 72 bytes or so */
} aio_context;

/* Describe the stack a context will run on (ASan needs it to switch). */
void aio_context_init(aio_context *ctx, void *stack_lo, size_t stack_size);

/* Start `entry(arg)` on the stack whose top is `top`, and come back here
 * when something switches to `from`.  `entry` must never return: it ends
 * with aio_context_exit(). */
void aio_context_start(aio_context *from, aio_context *to, void *top,
                       void (*entry)(void *), void *arg);

/* Save where we are in `from` and continue wherever `to` was saved.
 * from->sp records how far down the stack `from` reaches now: everything
 * it needs lies between there and the top (machinery/stack.c copies it). */
void aio_context_switch(aio_context *from, aio_context *to);

/* Leave the current context for good (its stack is about to be reused). */
_Noreturn void aio_context_exit(aio_context *to);

#endif
