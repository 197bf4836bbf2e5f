/* asyncio.timeout_at(when) takes a loop time, not a delay: a block from
 * 0.5 s with a deadline at 1 s gets half a second.  Its repr rounds when
 * to the millisecond.  timeout_at(None) never expires; a deadline already
 * past expires at the block's first pause, even one that would return at
 * once (sleep(0)).  A Timeout can be entered once only. */
#include "scenario.h"

static aio_status past_block(aio_timeout *past)
{
    char repr[64];
    aio_print("past: inside, %s, expired() = %s", aio_timeout_repr(past, repr, sizeof repr),
              py_bool(aio_timeout_expired(past)));
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        aio_print("past: not reached");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[64], when[32];
    aio_status status = aio_await(aio_sleep(0.5), NULL);
    if (status != AIO_OK)
        return status;

    aio_timeout *at_one = aio_timeout_at(1.0);
    status = aio_timeout_enter(at_one);
    if (status == AIO_OK) {
        aio_print("at 1 s: when() = %s, %s", aio_repr(aio_float(aio_timeout_when(at_one)), when, sizeof when),
                  aio_timeout_repr(at_one, repr, sizeof repr));
        status = aio_await(aio_sleep(2), NULL);
    }
    if ((status = aio_timeout_exit(at_one, status)) != AIO_TIMEOUT)
        return status;
    aio_print("at 1 s: TimeoutError");
    status = aio_timeout_enter(at_one);
    if (status != AIO_RUNTIME_ERROR)
        return status;
    aio_print("entered again: RuntimeError: %s", aio_exception_message());

    aio_timeout *odd = aio_timeout_at(aio_loop_time() + 1.23456);
    if ((status = aio_timeout_enter(odd)) != AIO_OK)
        return status;
    aio_print("rounded: %s, when() = %s", aio_timeout_repr(odd, repr, sizeof repr),
              aio_repr(aio_float(aio_timeout_when(odd)), when, sizeof when));
    if ((status = aio_timeout_exit(odd, AIO_OK)) != AIO_OK)
        return status;
    aio_print("rounded: %s", aio_timeout_repr(odd, repr, sizeof repr));

    aio_timeout *unbounded = aio_timeout_at(AIO_NO_TIMEOUT);
    status = aio_timeout_enter(unbounded);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(3), NULL);
    if ((status = aio_timeout_exit(unbounded, status)) != AIO_OK)
        return status;
    aio_print("None: %s after 3 s", aio_timeout_repr(unbounded, repr, sizeof repr));

    aio_timeout *past = aio_timeout_at(aio_loop_time() - 5);
    status = aio_timeout_enter(past);
    if (status == AIO_OK)
        status = past_block(past);
    if ((status = aio_timeout_exit(past, status)) != AIO_TIMEOUT)
        return status;
    aio_print("past: TimeoutError, expired() = %s", py_bool(aio_timeout_expired(past)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
