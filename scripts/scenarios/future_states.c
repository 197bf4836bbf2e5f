/* result() and exception() in each of a Future's states. */
#include "scenario.h"

static void show_result(const char *name, aio_future *future)
{
    aio_value value;
    aio_status status = aio_future_result(future, &value);
    char text[32];
    if (status == AIO_OK)
        aio_print("%s.result(): %s", name, aio_repr(value, text, sizeof text));
    else
        aio_print("%s.result(): raises %s: %s", name, exc_name(status), aio_exception_message());
}

static void show_exception(const char *name, aio_future *future)
{
    aio_status exception;
    aio_status status = aio_future_exception(future, &exception);
    if (status != AIO_OK)
        aio_print("%s.exception(): raises %s: %s", name, exc_name(status), aio_exception_message());
    else if (exception == AIO_OK)
        aio_print("%s.exception(): None", name);
    else
        aio_print("%s.exception(): %s('%s')", name, exc_name(exception), aio_future_exception_message(future));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *pending = aio_future_new(), *cancelled = aio_future_new();
    aio_future *finished = aio_future_new(), *failed = aio_future_new();
    aio_future_cancel(cancelled);
    aio_future_set_result(finished, aio_int(5));
    aio_future_set_exception(failed, AIO_VALUE_ERROR, "x");
    aio_future *all[] = { pending, cancelled, finished, failed };
    const char *names[] = { "pending", "cancelled", "finished", "failed" };
    for (int i = 0; i < 4; i++) {
        show_result(names[i], all[i]);
        show_exception(names[i], all[i]);
    }
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
