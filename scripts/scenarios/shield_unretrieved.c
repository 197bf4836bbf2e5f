/* The task awaiting shield(inner) is cancelled; what becomes of inner's
 * exception then?  If inner fails in the same loop iteration, the shield
 * still sees it and marks it retrieved: no report.  If inner fails later,
 * the shield has let go of it, so nobody has seen the exception, and it is
 * reported as never retrieved, naming that task alone. */
#include "scenario.h"

static aio_status inner(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(args[0].as.f), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, args[1].as.s);
}

static aio_status outer(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_shield((aio_task *)args[0].as.p), NULL);
    if (status == AIO_CANCELLED)
        aio_print("outer: cancelled");
    return status;
}

static aio_status cancel_after(double delay, aio_task *task)
{
    aio_status status = aio_await(aio_sleep(delay), NULL);
    if (status != AIO_OK)
        return status;
    aio_task_cancel(task);
    status = aio_await(task, NULL);
    if (status != AIO_CANCELLED)
        return status;
    aio_print("main: outer was cancelled");
    return AIO_OK;
}

static aio_task *start_inner(double delay, const char *message)
{
    return aio_create_task(aio_coro_new2("inner", inner, aio_float(delay), aio_str(message)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    /* Inner's timer was armed first, so it fails in the iteration in which
     * main cancels outer, before outer's cancellation reaches the shield. */
    aio_task *work = start_inner(1, "inner failed at 1");
    aio_status status = cancel_after(1, spawn("outer", outer, aio_ptr(work)));
    if (status != AIO_OK)
        return status;
    work = start_inner(3, "inner failed at 3");
    status = cancel_after(1, spawn("outer", outer, aio_ptr(work)));
    if (status != AIO_OK)
        return status;
    status = aio_await(aio_sleep(2), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: inner done = %s, nobody asked for its exception", py_bool(aio_task_done(work)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
