/* Two asyncio.timeout() blocks, one inside the other.  The inner deadline
 * comes first: only the inner block raises TimeoutError, and the outer one
 * goes on.  The outer deadline comes first: the inner block sees a
 * CancelledError that is not its own and lets it pass; the outer turns it
 * into TimeoutError.  Both at the same moment: two cancel requests, so the
 * inner block cannot call the CancelledError its own, and again only the
 * outer raises TimeoutError, though both have expired. */
#include "scenario.h"

/* `async with inner: await asyncio.sleep(seconds)` */
static aio_status sleep_within(aio_timeout *inner, double seconds)
{
    aio_status status = aio_timeout_enter(inner);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(seconds), NULL);
    return aio_timeout_exit(inner, status);
}

static aio_status inner_first(aio_timeout *outer, aio_timeout *inner)
{
    char a[64], b[64];
    aio_status status = sleep_within(inner, 2);
    if (status == AIO_TIMEOUT)
        aio_print("inner first: inner TimeoutError, inner %s, outer %s", aio_timeout_repr(inner, a, sizeof a),
                  aio_timeout_repr(outer, b, sizeof b));
    else if (status != AIO_OK)
        return status;
    return aio_await(aio_sleep(0.5), NULL);
}

/* The inner block of "outer first" and of "both": it catches the
 * CancelledError that comes out of it, says so, and re-raises it. */
static aio_status outer_first_inner(aio_timeout *inner)
{
    char repr[64];
    aio_status status = sleep_within(inner, 2);
    if (status == AIO_CANCELLED)
        aio_print("outer first: inner let CancelledError pass, inner %s", aio_timeout_repr(inner, repr, sizeof repr));
    return status;
}

static aio_status both_inner(aio_timeout *inner)
{
    aio_status status = sleep_within(inner, 2);
    if (status == AIO_CANCELLED)
        aio_print("both: inner let CancelledError pass, cancelling=%d, inner expired=%s",
                  aio_task_cancelling(aio_current_task()), py_bool(aio_timeout_expired(inner)));
    return status;
}

static aio_status one_after_the_other(void)
{
    aio_status status = sleep_within(aio_timeout_new(1), 5);
    if (status != AIO_TIMEOUT)
        return status;
    aio_print("one after the other: inner TimeoutError; the handler sleeps on");
    return aio_await(aio_sleep(5), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[64];
    aio_task *task = aio_current_task();

    aio_timeout *outer = aio_timeout_new(5);
    aio_status status = aio_timeout_enter(outer);
    if (status == AIO_OK)
        status = inner_first(outer, aio_timeout_new(1));
    if ((status = aio_timeout_exit(outer, status)) != AIO_OK)
        return status;
    aio_print("inner first: outer %s, cancelling=%d", aio_timeout_repr(outer, repr, sizeof repr),
              aio_task_cancelling(task));

    outer = aio_timeout_new(1);
    aio_timeout *inner = aio_timeout_new(5);
    status = aio_timeout_enter(outer);
    if (status == AIO_OK)
        status = outer_first_inner(inner);
    if ((status = aio_timeout_exit(outer, status)) != AIO_TIMEOUT)
        return status;
    aio_print("outer first: outer TimeoutError, outer %s, cancelling=%d", aio_timeout_repr(outer, repr, sizeof repr),
              aio_task_cancelling(task));

    double when = aio_loop_time() + 1;
    outer = aio_timeout_at(when);
    inner = aio_timeout_at(when);
    status = aio_timeout_enter(outer);
    if (status == AIO_OK)
        status = both_inner(inner);
    if ((status = aio_timeout_exit(outer, status)) != AIO_TIMEOUT)
        return status;
    aio_print("both: outer TimeoutError, outer expired=%s, cancelling=%d", py_bool(aio_timeout_expired(outer)),
              aio_task_cancelling(task));

    outer = aio_timeout_new(2);
    status = aio_timeout_enter(outer);
    if (status == AIO_OK)
        status = one_after_the_other();
    if ((status = aio_timeout_exit(outer, status)) != AIO_TIMEOUT)
        return status;
    aio_print("one after the other: outer TimeoutError too, cancelling=%d", aio_task_cancelling(task));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
