/* Three tasks wait for the same task; the second through wait_for.  On
 * 3.11, wait_for waits on a Future of its own that a done callback
 * releases, one iteration late, so the third waiter wakes before it.
 * From 3.12 on, wait_for awaits the task itself, inside asyncio.timeout(),
 * and the three wake in the order they began to wait.  Last, a cancel
 * from outside during a timeout() block stays a CancelledError. */
#include "scenario.h"

static aio_status job(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status == AIO_OK)
        *result = aio_str("done");
    return status;
}

static aio_status plain(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value value;
    aio_status status = aio_await((aio_task *)args[1].as.p, &value);
    if (status == AIO_OK)
        aio_print("%s: %s", args[0].as.s, value.as.s);
    return status;
}

static aio_status timed(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value value;
    aio_status status = aio_await(aio_wait_for((aio_task *)args[1].as.p, 1), &value);
    if (status == AIO_OK)
        aio_print("%s: %s", args[0].as.s, value.as.s);
    return status;
}

static aio_status guarded(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_timeout *timeout = aio_timeout_new(1);
    aio_status status = aio_timeout_enter(timeout);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(2), NULL);
    status = aio_timeout_exit(timeout, status);
    if (status == AIO_CANCELLED)
        aio_print("guarded: CancelledError, not TimeoutError");
    return status;
}

static aio_task *waiter(const char *name, aio_coro_fn fn, aio_task *task)
{
    return aio_create_task(aio_coro_new2(fn == plain ? "plain" : "timed", fn, aio_str(name), aio_ptr(task)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("job", job, aio_none());
    aio_task *waiters[] = { waiter("first", plain, task), waiter("second", timed, task), waiter("third", plain, task) };
    for (int i = 0; i < 3; i++) {
        aio_status status = aio_await(waiters[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    aio_task *inner = spawn("guarded", guarded, aio_none());
    aio_status status = aio_await(aio_sleep(0.25), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(inner);
    status = aio_await(inner, NULL);
    if (status == AIO_CANCELLED)
        aio_print("main: guarded was cancelled: %s", py_bool(aio_task_cancelled(inner)));
    return status == AIO_CANCELLED ? AIO_OK : status;
}

int main(void) { return run_main(main_body); }
