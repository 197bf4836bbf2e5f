/* A Future set by a timer at the deadline itself, armed before the
 * timeout's: both are due in the same iteration, and set_result() runs
 * first.  That only schedules the Future's callbacks, _on_completion
 * among them, and the timeout runs before it: _on_timeout() finds the
 * Future still in todo, puts a None for it and empties todo, and
 * _on_completion() then finds todo empty ("_on_timeout() was here
 * first") and does nothing.  The await raises TimeoutError, though the
 * Future is done with its result. */
#include "scenario.h"

static void set_in_time(void *arg) { aio_future_set_result(arg, aio_str("in time?")); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *done_at_one = aio_future_new(), *never = aio_future_new();
    aio_call_later(1, set_in_time, done_at_one);
    aio_as_completed *completions = aio_as_completed(1, done_at_one, never);
    aio_coro *next_done;
    while ((next_done = aio_as_completed_next(completions))) {
        aio_value value;
        aio_status status = aio_await(next_done, &value);
        if (status == AIO_OK)
            aio_print("got '%s'", value.as.s);
        else if (status == AIO_TIMEOUT)
            aio_print("TimeoutError");
        else
            return status;
    }
    aio_value value;
    aio_status status = aio_future_result(done_at_one, &value);
    if (status != AIO_OK)
        return status;
    aio_print("done_at_one.done() = %s, its result '%s'", py_bool(aio_future_done(done_at_one)), value.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
