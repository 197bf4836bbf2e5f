/* Timers fire in deadline order; equal deadlines in creation order. */
#include "aio.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(args[1].as.f), NULL);
    if (status == AIO_OK)
        aio_print("%s woke", args[0].as.s);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    struct { const char *name; double seconds; } plan[] = {
        { "slow", 0.3 }, { "tie-1", 0.2 }, { "fast", 0.1 }, { "tie-2", 0.2 }, { "tie-3", 0.2 },
        { "tie-4", 0.2 }, { "tie-5", 0.2 }, { "zero", 0 },
    };
    enum { N = sizeof plan / sizeof plan[0] };
    aio_task *tasks[N];
    for (int i = 0; i < N; i++)
        tasks[i] = aio_create_task(aio_coro_new2("sleeper", sleeper, aio_str(plan[i].name), aio_float(plan[i].seconds)));
    aio_status status = AIO_OK;
    for (int i = 0; status == AIO_OK && i < N; i++)
        status = aio_await(tasks[i], NULL);
    return status;
}

int main(void) { return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL)); }
