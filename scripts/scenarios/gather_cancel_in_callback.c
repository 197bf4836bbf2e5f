/* A cancel that lands while gather's own done callbacks run.  Both
 * children finish in one step of the loop; their callbacks run in the
 * next, in the order they were added: gather's on each child first, then
 * ours.  Round 1: our callback on a cancels the gather after b is done but
 * before gather's callback for b has run: nothing is left to cancel, so
 * cancel() is False and the list arrives.  Round 2: our callback on b runs
 * after gather has its list, and cancels the task awaiting it, which has
 * not woken yet: that task gets CancelledError, and the list is lost to it. */
#include "scenario.h"

static aio_status work(const aio_value *args, aio_value *result)
{
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s: done", args[0].as.s);
    *result = args[0];
    return AIO_OK;
}

static aio_status waiter(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_value list;
    aio_status status = aio_await((aio_future *)args[0].as.p, &list);
    if (status == AIO_OK)
        aio_print("waiter: got %s", list.as.s);
    else if (status == AIO_CANCELLED)
        aio_print("waiter: cancelled, though the gather had its list");
    return status;
}

static void cancel_gathering(aio_future *done, void *gathering)
{
    (void)done;
    aio_print("callback on a: cancel() = %s", py_bool(aio_future_cancel(gathering)));
}

/* The second round's callback needs both the gather and the waiter. */
typedef struct { aio_future *gathering; aio_task *task; } round_two;

static void cancel_waiter(aio_future *done, void *arg)
{
    (void)done;
    round_two *two = arg;
    bool gathered = aio_future_done(two->gathering);
    aio_print("callback on b: gather done = %s, waiter.cancel() = %s", py_bool(gathered),
              py_bool(aio_task_cancel(two->task)));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_task *a = spawn("work", work, aio_str("a"));
    aio_task *b = spawn("work", work, aio_str("b"));
    aio_future *gathering = aio_gather(a, b);
    aio_future_add_done_callback(aio_task_future(a), cancel_gathering, gathering);
    aio_value list;
    aio_status status = aio_await(gathering, &list);
    if (status != AIO_OK)
        return status;
    aio_print("main: got %s", list.as.s);

    a = spawn("work", work, aio_str("a"));
    b = spawn("work", work, aio_str("b"));
    static round_two two;
    two.gathering = aio_gather(a, b);
    two.task = spawn("waiter", waiter, aio_ptr(two.gathering));
    aio_future_add_done_callback(aio_task_future(b), cancel_waiter, &two);
    status = aio_await(two.task, NULL);
    if (status != AIO_CANCELLED)
        return status;
    status = aio_future_result(two.gathering, &list);
    if (status != AIO_OK)
        return status;
    aio_print("main: waiter cancelled; the gather holds %s", list.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
