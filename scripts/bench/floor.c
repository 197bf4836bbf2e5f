/* The switch floor: a bare sigsetjmp/siglongjmp round trip between the
 * main stack and one task stack, with no loop, no Future, no allocation.
 * It switches as the loop does, with AIO_CONTEXT_SWITCH() (switch.h):
 * sigsetjmp in the switching function's own frame.  The count of round
 * trips is a static, since a local changed across the switch is the one
 * thing that macro forbids.  Prints nanoseconds per round trip.
 *   usage: floor [ROUND_TRIPS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "machinery/stack.h"
#include "machinery/switch.h"

static aio_context main_context, other_context;
static long round_trips, trips_left;

static _Noreturn void bounce(void *arg)
{
    (void)arg;
    for (;;)
        AIO_CONTEXT_SWITCH(&other_context, &main_context);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    round_trips = argc > 1 ? atol(argv[1]) : 10000000;
    aio_stack *stack = aio_stack_acquire("bounce");
    if (!stack)
        return 1;
    aio_context_init(&other_context, stack->lo, stack->size);
    aio_context_start(&main_context, &other_context, aio_stack_top(stack), bounce, NULL);
    double start = now();
    for (trips_left = round_trips; trips_left > 0; trips_left--)
        AIO_CONTEXT_SWITCH(&main_context, &other_context);
    double elapsed = now() - start;
    printf("%.2f\n", elapsed / (double)round_trips * 1e9);
    return 0;
}
