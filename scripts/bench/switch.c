/* Benchmark 1, switches: TASKS tasks each await sleep(0) ROUNDS times.
 * Prints the seconds the loop took, on its own clock, and the peak
 * resident set of the process, in KiB (peak.h).
 *   usage: switch [TASKS ROUNDS] */
#include <stdlib.h>

#include "aio.h"
#include "peak.h"

static aio_status spinner(const aio_value *args, aio_value *result)
{
    (void)result;
    for (long i = 0; i < args[0].as.i; i++) {
        aio_status status = aio_await(aio_sleep(0), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    long tasks = args[0].as.i, rounds = args[1].as.i;
    aio_task **all = malloc((size_t)tasks * sizeof *all);
    if (!all)
        return aio_raise(AIO_MEMORY_ERROR, "no memory for the task list");
    double start = aio_loop_time();
    for (long i = 0; i < tasks; i++)
        all[i] = aio_create_task(aio_coro_new("spinner", spinner, aio_int(rounds)));
    aio_status status = AIO_OK;
    for (long i = 0; status == AIO_OK && i < tasks; i++)
        status = aio_await(all[i], NULL);
    *result = aio_float(aio_loop_time() - start);
    free(all);
    return status;
}

int main(int argc, char **argv)
{
    long tasks = argc > 2 ? atol(argv[1]) : 1000, rounds = argc > 2 ? atol(argv[2]) : 1000;
    aio_value seconds;
    aio_status status = aio_run(aio_coro_new2("main", main_body, aio_int(tasks), aio_int(rounds)), &seconds);
    if (status != AIO_OK)
        return aio_exit_code(status);
    aio_print("%.6f %ld", seconds.as.f, peak_rss_kib());
    return 0;
}
