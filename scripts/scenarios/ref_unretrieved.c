/* Exceptions nobody looks at.  A plain Future's is reported as "Future
 * exception was never retrieved", and so is the one a shield hands to an
 * outer Future that nobody awaits.  cancel() on a Future or Task that has
 * already failed returns False, but it also means nobody will ever ask:
 * no report for those.  Every object here goes when main returns, as
 * main's locals do: the reports come then, in the order main made them. */
#include "scenario.h"

static aio_status fail(const aio_value *args, aio_value *result)
{
    (void)result;
    return aio_raise(AIO_VALUE_ERROR, args[0].as.s);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *lost = aio_future_new();
    aio_future_set_exception(lost, AIO_VALUE_ERROR, "lost");
    aio_future *silenced = aio_future_new();
    aio_future_set_exception(silenced, AIO_VALUE_ERROR, "silenced future");
    aio_print("cancel() on a failed Future: %s", py_bool(aio_future_cancel(silenced)));
    aio_task *task = spawn("fail", fail, aio_str("silenced task"));
    aio_await(aio_sleep(0), NULL);
    aio_print("cancel() on a failed Task: %s", py_bool(aio_task_cancel(task)));
    aio_future *outer = aio_shield(spawn("fail", fail, aio_str("through the shield")));
    aio_await(aio_sleep(0), NULL);
    aio_await(aio_sleep(0), NULL);
    aio_print("shield's outer Future: done = %s", py_bool(aio_future_done(outer)));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
