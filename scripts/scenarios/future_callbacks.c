/* Done callbacks run one loop iteration after the result is set, in the
 * order they were added; awaiting a Future that is already done does not
 * give up control. */
#include "aio.h"

static void callback(aio_future *future, void *arg)
{
    char text[64];
    aio_print("callback %s sees %s", (const char *)arg, aio_future_repr(future, text, sizeof text));
}

static aio_status bystander(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    for (int lap = 1; lap <= 3; lap++) {
        aio_print("bystander lap %d", lap);
        aio_status status = aio_await(aio_sleep(0), NULL);
        if (status != AIO_OK)
            return status;
    }
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *other = aio_create_task(aio_coro_new("bystander", bystander, aio_none()));
    aio_future *future = aio_future_new();
    aio_future_add_done_callback(future, callback, "one");
    aio_future_add_done_callback(future, callback, "two");
    aio_future_set_result(future, aio_int(7));
    aio_print("result set");
    aio_value value;
    aio_status status = aio_await(future, &value); /* done already: no yield */
    if (status != AIO_OK)
        return status;
    aio_print("awaited without yielding: %ld", value.as.i);
    aio_future_add_done_callback(future, callback, "late");
    status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main after one yield");
    return aio_await(other, NULL);
}

int main(void) { return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL)); }
