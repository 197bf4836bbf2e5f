/* A task fails with a long message and nobody retrieves it: the report
 * names it with its whole repr, however long, as CPython prints it. */
#include "scenario.h"

static const char message[] = "a message long enough that the report of the task that raised it "
                              "no longer fits in the 256 bytes a report is first written into, so "
                              "that it is written again into memory of its own, at its whole length: "
                              "CPython never cuts it short either";

static aio_status boom(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_raise(AIO_VALUE_ERROR, message);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    spawn("boom", boom, aio_none());
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main: done, without awaiting the failed task");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
