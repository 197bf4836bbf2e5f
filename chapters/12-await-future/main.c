/* Chapter 12 (post 3): awaiting a Future suspends main until a task sets
 * its result, one second later. */
#include "aio.h"

static const char *python_bool(bool b) { return b ? "True" : "False"; }

static aio_coro *set_future_value(aio_future *future);

/* Hand out a Future now; a task fills it in later. */
static aio_future *make_request(void)
{
    aio_future *future = aio_future_new();
    aio_create_task(set_future_value(future));
    return future;
}

static aio_status set_future_value_body(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_future *future = args[0].as.p;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    return aio_future_set_result(future, aio_int(42));
}

static aio_coro *set_future_value(aio_future *future)
{
    return aio_coro_new("set_future_value", set_future_value_body, aio_ptr(future));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = make_request();
    aio_print("Is the future done? %s", python_bool(aio_future_done(future)));
    aio_value value;
    aio_status status = aio_await(future, &value);
    if (status != AIO_OK)
        return status;
    aio_print("Is the future done? %s", python_bool(aio_future_done(future)));
    aio_print("%ld", value.as.i);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
