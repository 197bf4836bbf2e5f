/* gather() of nothing is a plain Future, already done, with [].  The same
 * awaitable given twice is one child, and its result comes twice: a
 * coroutine runs once.  A gather inside a gather is a list in the list.
 * A child already done: in 3.11 gather's callback for it waits for the
 * loop, so the gather is not done yet when gather() returns; from 3.12 on
 * the callback runs at once, and it is. */
#include "scenario.h"

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_print("%s: runs", args[0].as.s);
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    *result = args[0];
    return AIO_OK;
}

static aio_coro *work_on(const char *name) { return coro("work", work, aio_str(name)); }

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    char repr[96];
    aio_future *empty = aio_gather_awaitables(0, NULL, false);
    aio_print("gather(): %s, %s, done = %s", aio_future_repr(empty, repr, sizeof repr), aio_type(empty),
              py_bool(aio_future_done(empty)));
    aio_value list;
    aio_status status = aio_await(empty, &list);
    if (status != AIO_OK)
        return status;
    aio_print("await gather(): %s", list.as.s);

    aio_coro *twice = work_on("x");
    aio_future *gathering = aio_gather(twice, twice);
    aio_print("%s", aio_type(gathering));
    status = aio_await(gathering, &list);
    if (status != AIO_OK)
        return status;
    aio_print("same coroutine twice: %s", list.as.s);
    aio_task *task = aio_create_task(work_on("y"));
    status = aio_await(aio_gather(task, task, work_on("z")), &list);
    if (status != AIO_OK)
        return status;
    aio_print("same task twice: %s", list.as.s);

    aio_future *nested = aio_gather(aio_gather(work_on("p"), work_on("q")), work_on("r"));
    status = aio_await(nested, &list);
    if (status != AIO_OK)
        return status;
    aio_print("nested: %s", list.as.s);
    aio_print("nested: %s", aio_future_repr(nested, repr, sizeof repr));

    gathering = aio_gather(task, task);
    aio_print("gather of a done task: done at once = %s", py_bool(aio_future_done(gathering)));
    status = aio_await(gathering, &list);
    if (status != AIO_OK)
        return status;
    aio_print("and then: %s", list.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
