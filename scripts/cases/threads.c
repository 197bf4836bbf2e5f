/* A job still queued when its Future is cancelled never runs, as
 * concurrent.futures cancels a job that has not started
 * (_call_check_cancel); one already running cannot be stopped.  33 jobs
 * for at most 32 threads (min(32, cpus + 4)): the last waits for a thread,
 * and its Future is cancelled at once.  scripts/threads.bats runs it on
 * the real clock, beside the same program on CPython (under the virtual
 * clock, the twins' executor takes no more jobs than it has threads). */
#include <stdatomic.h>
#include <stdbool.h>

#include "aio.h"

#define JOBS 33

static int ids[JOBS];
static atomic_int ran;
static atomic_bool last_ran;

static aio_value job(void *arg)
{
    int id = *(int *)arg;
    aio_time_sleep(0.1);
    atomic_fetch_add(&ran, 1);
    if (id == JOBS - 1)
        atomic_store(&last_ran, true);
    return aio_none();
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *futures[JOBS];
    for (int i = 0; i < JOBS; i++) {
        ids[i] = i;
        futures[i] = aio_run_in_executor(job, &ids[i]);
    }
    aio_future_cancel(futures[JOBS - 1]);
    aio_print("%d jobs for at most 32 threads; the last one's Future cancelled at once", JOBS);
    for (int i = 0; i < JOBS - 1; i++) {
        aio_status status = aio_await(futures[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    if (aio_await(futures[JOBS - 1], NULL) == AIO_CANCELLED)
        aio_print("the last one's await: CancelledError");
    aio_print("%d jobs ran; the cancelled one ran: %s", atomic_load(&ran), atomic_load(&last_ran) ? "True" : "False");
    return AIO_OK;
}

int main(void) { return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL)); }
