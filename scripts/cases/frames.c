/* A task with one large local array, next to a task whose locals it could
 * reach.  `frames SIZE [N]`: N sleeping tasks take the first stacks (past
 * the guard-page budget when N is large, see common/stack.h), then a
 * victim fills 32 KiB of its own locals, then a task with a SIZE-byte
 * local array ("90000": fits a task's stack; "2m": 2 MiB, larger than any
 * stack) writes the first 4 KiB of it.  The victim checks its locals.
 * Every frame either fits in its own stack or is reported as an overflow:
 * none may land in a neighbour's stack unnoticed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"

#define VICTIM_BYTES (32 * 1024)
#define WRITTEN 4096

static aio_status victim(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    volatile char mine[VICTIM_BYTES];
    for (size_t i = 0; i < sizeof mine; i++)
        mine[i] = 'v';
    aio_status status = aio_await(aio_sleep(1), NULL);
    size_t changed = 0;
    for (size_t i = 0; i < sizeof mine; i++)
        changed += mine[i] != 'v';
    if (changed)
        aio_print("victim: %zu bytes of my locals were overwritten", changed);
    else
        aio_print("victim: my locals are intact");
    return status;
}

/* One function per size: a constant-size array, as in ordinary code. */
#define BIG_FRAME(name, bytes)                                          \
    static aio_status name(const aio_value *args, aio_value *result)   \
    {                                                                   \
        (void)args;                                                     \
        volatile char buf[bytes];                                       \
        for (size_t i = 0; i < WRITTEN; i++)                            \
            buf[i] = 'b';                                               \
        aio_status status = aio_await(aio_sleep(0.5), NULL);            \
        *result = aio_int(buf[0]);                                      \
        return status;                                                  \
    }
BIG_FRAME(big_90000, 90000)
BIG_FRAME(big_2m, 2 * 1024 * 1024)

static aio_status nap(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_await(aio_sleep(2), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[1].as.i; i++)
        aio_create_task(aio_coro_new("nap", nap, aio_none()));
    aio_task *v = aio_create_task(aio_coro_new("victim", victim, aio_none()));
    aio_coro_fn big = args[0].as.i == 0 ? big_90000 : big_2m;
    aio_task *b = aio_create_task(aio_coro_new("big", big, aio_none()));
    aio_status status = aio_await(b, NULL);
    if (status == AIO_OK)
        aio_print("big: done");
    aio_status other = aio_await(v, NULL);
    return status != AIO_OK ? status : other;
}

int main(int argc, char **argv)
{
    long big = -1;
    if (argc > 1 && strcmp(argv[1], "90000") == 0)
        big = 0;
    else if (argc > 1 && strcmp(argv[1], "2m") == 0)
        big = 1;
    if (big < 0 || argc > 3) {
        fprintf(stderr, "usage: frames 90000|2m [TASKS_BEFORE]\n");
        return 2;
    }
    long before = argc > 2 ? atol(argv[2]) : 0;
    aio_value no_result;
    return aio_exit_code(aio_run(aio_coro_new2("main", main_body, aio_int(big), aio_int(before)),
                                 &no_result));
}
