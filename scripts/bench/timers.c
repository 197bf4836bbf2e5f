/* Benchmark 2, timers: TASKS tasks sleep for durations spread uniformly
 * over [0, SPAN) seconds (a fixed-seed LCG, the same as timers.py).  Each
 * measures, on the loop's clock, how late it woke.  Prints median, p99
 * and max lateness in microseconds.
 *   usage: timers [TASKS SPAN] */
#include <stdio.h>
#include <stdlib.h>

#include "aio.h"

static double *lateness;

/* The generator both sides share: 48-bit LCG (drand48's constants). */
static unsigned long long lcg_state = 20240302ULL;
static double next_uniform(void)
{
    lcg_state = (lcg_state * 0x5DEECE66DULL + 0xBULL) & ((1ULL << 48) - 1);
    return (double)lcg_state / (double)(1ULL << 48);
}

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)result;
    double planned = args[1].as.f, start = aio_loop_time();
    aio_status status = aio_await(aio_sleep(planned), NULL);
    lateness[args[0].as.i] = aio_loop_time() - (start + planned);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)result;
    long tasks = args[0].as.i;
    double span = args[1].as.f;
    aio_task **all = malloc((size_t)tasks * sizeof *all);
    if (!all)
        return aio_raise(AIO_MEMORY_ERROR, "no memory for the task list");
    for (long i = 0; i < tasks; i++)
        all[i] = aio_create_task(aio_coro_new2("sleeper", sleeper, aio_int(i), aio_float(next_uniform() * span)));
    aio_status status = AIO_OK;
    for (long i = 0; status == AIO_OK && i < tasks; i++)
        status = aio_await(all[i], NULL);
    free(all);
    return status;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    long tasks = argc > 2 ? atol(argv[1]) : 10000;
    double span = argc > 2 ? atof(argv[2]) : 2.0;
    lateness = calloc((size_t)tasks, sizeof *lateness);
    if (!lateness || tasks < 1)
        return 2;
    aio_status status = aio_run(aio_coro_new2("main", main_body, aio_int(tasks), aio_float(span)), NULL);
    if (status != AIO_OK)
        return aio_exit_code(status);
    qsort(lateness, (size_t)tasks, sizeof *lateness, by_value);
    printf("%.1f %.1f %.1f\n", lateness[tasks / 2] * 1e6, lateness[(tasks * 99) / 100] * 1e6,
           lateness[tasks - 1] * 1e6);
    free(lateness);
    return 0;
}
