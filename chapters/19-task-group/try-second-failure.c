/* Experiment for chapter 19: a second fail() in the second block. */
#include "aio.h"
#include "delay.h"

static aio_status fail_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    return aio_raise(AIO_VALUE_ERROR, "boom");
}

static aio_coro *fail(void)
{
    return aio_coro_new("fail", fail_body, aio_none());
}

/* `async with asyncio.TaskGroup() as group:` is three calls (aio.h,
 * "asyncio.TaskGroup"): enter; the block, while all goes well; exit with
 * the block's status, which waits for the tasks and may turn it into
 * AIO_EXCEPTION_GROUP. */
static aio_status main_body(const aio_value *args, aio_value *main_result)
{
    (void)args;
    (void)main_result;
    char repr[96];
    aio_task *first, *second, *slow;
    aio_task_group *group = aio_task_group_new();
    aio_status status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, delay(1), &first);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, delay(2), &second);
        if (status == AIO_OK)
            aio_print("in the block: %s", aio_task_group_repr(group, repr, sizeof repr));
        status = aio_task_group_exit(group, status);
    }
    if (status != AIO_OK)
        return status;
    aio_value one, two;
    aio_task_result(first, &one);
    aio_task_result(second, &two);
    aio_print("after the block: %ld and %ld, %s", one.as.i, two.as.i, aio_task_group_repr(group, repr, sizeof repr));

    group = aio_task_group_new();
    status = aio_task_group_enter(group);
    if (status == AIO_OK) {
        status = aio_task_group_create_task(group, delay(3), &slow);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, fail(), NULL);
        if (status == AIO_OK)
            status = aio_task_group_create_task(group, fail(), NULL); /* try: a second fail() */
        if (status == AIO_OK)
            status = aio_await(delay(2), NULL);
        if (status == AIO_OK)
            aio_print("the block goes on");
        status = aio_task_group_exit(group, status);
    }
    if (status == AIO_EXCEPTION_GROUP) { /* every one of them is a ValueError */
        aio_print("caught %s", aio_exception_group_repr(aio_exception_group_caught(), repr, sizeof repr));
        aio_print("%s", aio_task_group_repr(group, repr, sizeof repr));
    } else if (status != AIO_OK) {
        return status;
    }
    aio_print("slow.cancelled() = %s", aio_task_cancelled(slow) ? "True" : "False");
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
