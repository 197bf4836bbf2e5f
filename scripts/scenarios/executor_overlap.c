/* run_in_executor() and to_thread(): jobs that block their threads overlap
 * in time, each done when its own sleeps are over, in the order they end;
 * a job with no sleep at all is done at once.  The loop runs on meanwhile
 * (a ticker), and a job can hand the loop a callback with
 * call_soon_threadsafe().  Loop times are the twin's: under the virtual
 * clock a job's time.sleep() lasts its time without moving the clock. */
#include "scenario.h"

typedef struct job_spec {
    const char *name;
    double sleeps[2];
    int count;
} job_spec;

/* Static: a job's thread reads it while the task that asked waits. */
static job_spec slow = { "slow", { 0.3, 0.3 }, 2 }, quick = { "quick", { 0.1 }, 1 },
                instant = { "instant", { 0 }, 0 }, middle = { "middle", { 0.2, 0.1 }, 2 };

static aio_value job(void *arg)
{
    job_spec *spec = arg;
    for (int i = 0; i < spec->count; i++)
        aio_time_sleep(spec->sleeps[i]);
    return aio_str(spec->name);
}

static void say(void *arg) { aio_print("%s", (const char *)arg); }

static aio_value telling_job(void *arg)
{
    aio_time_sleep(0.25);
    aio_call_soon_threadsafe(say, "telling: call_soon_threadsafe() from its thread");
    aio_time_sleep(0.25);
    return aio_str(arg);
}

static aio_status awaited_body(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value got;
    aio_status status = aio_await_awaitable(args[1].as.p, &got);
    if (status != AIO_OK)
        return status;
    aio_print("%s gave '%s'", args[0].as.s, got.as.s);
    return AIO_OK;
}

static aio_coro *awaited(const char *label, aio_awaitable *awaitable)
{
    return aio_coro_new2("awaited", awaited_body, aio_str(label), aio_ptr(awaitable));
}

static aio_status ticker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int tick = 1; tick <= 4; tick++) {
        aio_status status = aio_await(aio_sleep(0.2), NULL);
        if (status != AIO_OK)
            return status;
        aio_print("tick %d", tick);
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *ticks = spawn("ticker", ticker, aio_none());
    aio_future *slow_future = aio_run_in_executor(job, &slow);
    aio_print("run_in_executor() gives a Future: %s, done() = %s", py_bool(aio_is_future(aio_as_awaitable(slow_future))),
              py_bool(aio_future_done(slow_future)));
    /* In argument order, as the twin makes them. */
    aio_coro *a = awaited("slow", aio_as_awaitable(slow_future));
    aio_coro *b = awaited("quick", aio_as_awaitable(aio_to_thread(job, &quick)));
    aio_coro *c = awaited("instant", aio_as_awaitable(aio_to_thread(job, &instant)));
    aio_coro *d = awaited("middle", aio_as_awaitable(aio_run_in_executor(job, &middle)));
    aio_coro *e = awaited("telling", aio_as_awaitable(aio_to_thread(telling_job, "telling")));
    aio_status status = aio_await(aio_gather(a, b, c, d, e), NULL);
    if (status != AIO_OK)
        return status;
    return aio_await(ticks, NULL);
}

int main(void) { return run_main(main_body); }
