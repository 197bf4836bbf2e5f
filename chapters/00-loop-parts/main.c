/* Chapter 00 (before the post): the two parts of the event loop, with no
 * asyncio concept yet.
 *   1. Two stacks handing control back and forth with sigsetjmp and
 *      siglongjmp: how one thread can be suspended in one function and
 *      resumed in another.
 *   2. select(): how a loop waits, either for a timeout (a timer) or until
 *      a file descriptor is readable. */
#include <sys/select.h>
#include <unistd.h>

#include "aio.h"
#include "machinery/clock.h"
#include "machinery/config.h"
#include "machinery/stack.h"
#include "machinery/switch.h"

/* ---- 1. two stacks ---------------------------------------------------- */

static aio_context main_side, other_side;

static _Noreturn void other(void *arg)
{
    (void)arg;
    for (int round = 1;; round++) {
        aio_print("other: running on its own stack (round %d)", round);
        aio_context_switch(&other_side, &main_side); /* hand control back */
    }
}

static void two_stacks(void)
{
    aio_stack *stack = aio_stack_acquire("other");
    if (!stack)
        aio_fatal("MemoryError: no memory for a second stack");
    aio_print("main: starting a second stack");
    aio_context_init(&other_side, stack->lo, stack->size);
    aio_context_start(&main_side, &other_side, aio_stack_top(stack), other, NULL);
    for (int round = 1; round <= 3; round++) {
        aio_print("main: back on the main stack (round %d)", round);
        if (round < 3)
            aio_context_switch(&main_side, &other_side);
    }
    /* `other` stays suspended for ever; its stack can simply be reused. */
    aio_stack_release(stack);
    aio_stack_pool_destroy();
}

/* ---- 2. select() ------------------------------------------------------ */

/* select() on `fd` (or on nothing, with fd -1) for up to `seconds` of loop
 * time.  Under AIO_CLOCK=virtual it only polls, and a wait that finds
 * nothing moves the clock forward instead, exactly as the loop does. */
static int wait_readable(int fd, double seconds)
{
    fd_set readable;
    FD_ZERO(&readable);
    if (fd >= 0)
        FD_SET(fd, &readable);
    aio_ns timeout = aio_seconds_to_ns(seconds);
    struct timeval tv = aio_clock_is_virtual() ? (struct timeval){ 0, 0 } : aio_clock_real_wait(timeout);
    int ready = select(fd + 1, &readable, NULL, NULL, &tv);
    if (ready == 0 && aio_clock_is_virtual())
        aio_clock_jump_to(aio_clock_now() + timeout);
    return ready;
}

static void select_waits(void)
{
    int ready = wait_readable(-1, 0.5);
    aio_print("select() with no fds and a 0.5 s timeout is a timer: it returned %d", ready);

    int fds[2];
    if (pipe(fds) != 0)
        aio_fatal("pipe() failed");
    if (write(fds[1], "x", 1) != 1)
        aio_fatal("write() failed");
    ready = wait_readable(fds[0], 1.0);
    aio_print("select() on a pipe holding a byte returns at once: it returned %d", ready);

    char byte;
    if (read(fds[0], &byte, 1) != 1)
        aio_fatal("read() failed");
    ready = wait_readable(fds[0], 0.3);
    aio_print("select() on the empty pipe waits out its 0.3 s: it returned %d", ready);
    close(fds[0]);
    close(fds[1]);
}

int main(void)
{
    aio_config_load(); /* a bad AIO_* setting stops us before anything runs */
    two_stacks();
    select_waits();
    return 0;
}
