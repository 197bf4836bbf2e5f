/* A task catches InvalidStateError ("invalid state"), then raises a new,
 * bare Exception: that one has no message, and the report of it, its
 * repr and str(error) in whoever awaits it show none. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_future_set_result(future, aio_int(1));
    aio_status status = aio_future_set_result(future, aio_int(2));
    if (status == AIO_INVALID_STATE)
        aio_print("worker caught %s: %s", exc_name(status), aio_exception_message());
    return AIO_ERROR; /* raise Exception */
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *task = spawn("worker", worker, aio_none());
    aio_status status = aio_await(task, NULL);
    if (status == AIO_ERROR)
        aio_print("main caught %s: '%s'", exc_name(status), aio_exception_message());
    char repr[128];
    aio_print("repr: %s", aio_future_repr(aio_task_future(task), repr, sizeof repr));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
