/* remove_done_callback() takes every registration of a callback off the
 * list and says how many; the rest still run, one iteration later. */
#include "scenario.h"

static void callback(aio_future *future, void *arg)
{
    (void)future;
    aio_print("callback %s", (const char *)arg);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    static char drop[] = "drop", keep[] = "keep"; /* not on the stack: the loop keeps them */
    aio_future_add_done_callback(future, callback, drop);
    aio_future_add_done_callback(future, callback, keep);
    aio_future_add_done_callback(future, callback, drop);
    aio_print("removed: %zu", aio_future_remove_done_callback(future, callback, drop));
    aio_print("removed again: %zu", aio_future_remove_done_callback(future, callback, drop));
    aio_future_set_result(future, aio_none());
    aio_print("result set");
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("after one iteration");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
