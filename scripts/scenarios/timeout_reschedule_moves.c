/* reschedule() moves the deadline of an active asyncio.timeout(): later,
 * and the block that would have timed out ends in time; earlier, and it
 * times out sooner; to None, and it never times out.  when() follows each
 * move.  Before the block is entered, and after it is left, reschedule()
 * is refused. */
#include "scenario.h"

static aio_status later_block(aio_timeout *early)
{
    char repr[64], when[32];
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;
    if ((status = aio_timeout_reschedule(early, aio_timeout_when(early) + 1)) != AIO_OK)
        return status;
    aio_print("later: when() = %s, %s", aio_repr(aio_float(aio_timeout_when(early)), when, sizeof when),
              aio_timeout_repr(early, repr, sizeof repr));
    return aio_await(aio_sleep(1), NULL);
}

static aio_status sooner_block(aio_timeout *sooner)
{
    char when[32];
    aio_status status = aio_timeout_reschedule(sooner, aio_loop_time() + 0.25);
    if (status != AIO_OK)
        return status;
    aio_print("earlier: when() = %s", aio_repr(aio_float(aio_timeout_when(sooner)), when, sizeof when));
    return aio_await(aio_sleep(5), NULL);
}

static aio_status never_block(aio_timeout *never)
{
    char repr[64];
    aio_status status = aio_timeout_reschedule(never, AIO_NO_TIMEOUT);
    if (status != AIO_OK)
        return status;
    /* when() is None: AIO_NO_TIMEOUT */
    aio_print("None: when() = %s, %s", aio_timeout_when(never) == AIO_NO_TIMEOUT ? "None" : "a number",
              aio_timeout_repr(never, repr, sizeof repr));
    return aio_await(aio_sleep(1), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[64];

    aio_timeout *early = aio_timeout_new(1);
    aio_status status = aio_timeout_reschedule(early, 2);
    if (status != AIO_RUNTIME_ERROR)
        return status;
    aio_print("before enter: RuntimeError: %s", aio_exception_message());

    status = aio_timeout_enter(early);
    if (status == AIO_OK)
        status = later_block(early);
    if ((status = aio_timeout_exit(early, status)) != AIO_OK)
        return status;
    aio_print("later: ended in time, %s", aio_timeout_repr(early, repr, sizeof repr));
    status = aio_timeout_reschedule(early, AIO_NO_TIMEOUT);
    if (status != AIO_RUNTIME_ERROR)
        return status;
    aio_print("after exit: RuntimeError: %s", aio_exception_message());

    aio_timeout *sooner = aio_timeout_new(10);
    status = aio_timeout_enter(sooner);
    if (status == AIO_OK)
        status = sooner_block(sooner);
    if ((status = aio_timeout_exit(sooner, status)) != AIO_TIMEOUT)
        return status;
    aio_print("earlier: TimeoutError, %s", aio_timeout_repr(sooner, repr, sizeof repr));

    aio_timeout *never = aio_timeout_new(0.5);
    status = aio_timeout_enter(never);
    if (status == AIO_OK)
        status = never_block(never);
    if ((status = aio_timeout_exit(never, status)) != AIO_OK)
        return status;
    aio_print("None: ended in time, %s", aio_timeout_repr(never, repr, sizeof repr));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
