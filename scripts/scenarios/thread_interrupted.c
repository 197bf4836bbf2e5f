/* Ctrl-C while main waits for a job on a thread: main is cancelled at
 * once, but a job that has started cannot be (one still queued would
 * be, as concurrent.futures cancels it: hence the job's first line,
 * which scripts/threads.bats waits for before it sends the signal).
 * asyncio.run() waits for the job (shutdown_default_executor) before it
 * raises KeyboardInterrupt.  A second Ctrl-C meanwhile is
 * KeyboardInterrupt at once, and the program still waits for the job
 * (Python's exit joins the executor's threads).  With no signal, the
 * job just ends. */
#include "scenario.h"

static aio_value job(void *arg)
{
    (void)arg;
    aio_print("job: started");
    aio_time_sleep(1);
    aio_print("job: done");
    return aio_str("job");
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("main: waiting for a 1 s job on a thread");
    aio_value got;
    aio_status status = aio_await(aio_to_thread(job, NULL), &got);
    if (status == AIO_CANCELLED)
        aio_print("main: cancelled; the thread runs on");
    else if (status == AIO_OK)
        aio_print("main: got '%s'", got.as.s);
    return status;
}

int main(void) { return run_main(main_body); }
