/* Task A awaits task B, which awaits task C.  Cancelling A cancels what
 * it waits on, B, which cancels C. */
#include "scenario.h"

static aio_status link_body(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_task *inner = args[1].as.p;
    aio_status status = inner ? aio_await(inner, NULL) : aio_await(aio_sleep(10), NULL);
    if (status == AIO_CANCELLED)
        aio_print("%s: cancelled", args[0].as.s);
    return status;
}

static aio_task *link_task(const char *name, aio_task *inner)
{
    return aio_create_task(aio_coro_new2("link", link_body, aio_str(name), aio_ptr(inner)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *c = link_task("C", NULL);
    aio_task *b = link_task("B", c);
    aio_task *a = link_task("A", b);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("cancel A: %s", py_bool(aio_task_cancel(a)));
    aio_print("B and C already asked: %d %d", aio_task_cancelling(b), aio_task_cancelling(c));
    aio_task *all[] = { a, b, c };
    const char *names[] = { "A", "B", "C" };
    for (int i = 0; i < 3; i++)
        if (aio_await(all[i], NULL) == AIO_CANCELLED)
            aio_print("%s cancelled = %s", names[i], py_bool(aio_task_cancelled(all[i])));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
