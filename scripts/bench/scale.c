/* Benchmark 3, scale: TASKS tasks each sleep SECONDS (1) at once.  Prints
 * the wall time from the first create_task to the last task done, in
 * seconds, and the peak resident set of the process, in KiB (peak.h).
 *   usage: scale [TASKS [SECONDS]] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "aio.h"
#include "peak.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static aio_status napper(const aio_value *args, aio_value *result)
{
    (void)result;
    return aio_await(aio_sleep(args[0].as.f), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    long tasks = args[0].as.i;
    aio_value seconds = args[1];
    aio_task **all = malloc((size_t)tasks * sizeof *all);
    if (!all)
        return aio_raise(AIO_MEMORY_ERROR, "no memory for the task list");
    double start = now();
    for (long i = 0; i < tasks; i++)
        all[i] = aio_create_task(aio_coro_new("napper", napper, seconds));
    aio_status status = AIO_OK;
    for (long i = 0; status == AIO_OK && i < tasks; i++)
        status = aio_await(all[i], NULL);
    *result = aio_float(now() - start);
    free(all);
    return status;
}

int main(int argc, char **argv)
{
    long tasks = argc > 1 ? atol(argv[1]) : 100000;
    double nap = argc > 2 ? atof(argv[2]) : 1.0;
    aio_value seconds;
    aio_status status = aio_run(aio_coro_new2("main", main_body, aio_int(tasks), aio_float(nap)), &seconds);
    if (status != AIO_OK)
        return aio_exit_code(status);
    printf("%.3f %ld\n", seconds.as.f, peak_rss_kib());
    return 0;
}
