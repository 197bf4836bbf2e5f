/* Cancelling what waits for a thread does not stop the thread: a job
 * cannot be interrupted.  wait_for() times out on to_thread() at 0.5 s,
 * and a run_in_executor() Future cancelled at once stays cancelled; both
 * jobs run to their ends, their results dropped, and asyncio.run() waits
 * for them before it returns (shutdown_default_executor()). */
#include <stdatomic.h>
#include <stdio.h>

#include "scenario.h"

typedef struct job_spec {
    const char *name;
    double seconds;
    atomic_bool ended; /* the job's thread sets it, the loop reads it */
} job_spec;

static job_spec waited = { "waited for", 2, false }, cancelled = { "cancelled", 1, false };

static aio_value job(void *arg)
{
    job_spec *spec = arg;
    aio_time_sleep(spec->seconds);
    atomic_store(&spec->ended, true);
    return aio_str(spec->name);
}

static const char *report(void)
{
    static char text[96];
    snprintf(text, sizeof text, "%s ended: %s, %s ended: %s", waited.name, py_bool(atomic_load(&waited.ended)),
             cancelled.name, py_bool(atomic_load(&cancelled.ended)));
    return text;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_wait_for(aio_to_thread(job, &waited), 0.5), NULL);
    if (status == AIO_TIMEOUT)
        aio_print("wait_for() timed out; the thread runs on: %s", report());
    else if (status != AIO_OK)
        return status;
    aio_future *future = aio_run_in_executor(job, &cancelled);
    bool cancel = aio_future_cancel(future);
    aio_print("cancel() = %s, cancelled() = %s", py_bool(cancel), py_bool(aio_future_cancelled(future)));
    status = aio_await(future, NULL);
    if (status == AIO_CANCELLED)
        aio_print("await raised CancelledError");
    else if (status != AIO_OK)
        return status;
    if ((status = aio_await(aio_sleep(1), NULL)) != AIO_OK)
        return status;
    aio_print("1 s later: cancelled() = %s, %s", py_bool(aio_future_cancelled(future)), report());
    aio_print("main returns");
    return AIO_OK;
}

int main(void)
{
    int status = run_main(main_body);
    if (status == 0)
        aio_print("after run: %s", report());
    return status;
}
