/* Experiment for chapter 04: hello_world_message as a task, awaited last. */
#include "aio.h"
#include "delay.h"

static aio_status add_one_body(const aio_value *args, aio_value *result)
{
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *add_one(long number) { return aio_coro_new("add_one", add_one_body, aio_int(number)); }

static aio_status hello_world_message_body(const aio_value *args, aio_value *result)
{
    (void)args;
    aio_status status = aio_await(delay(1), NULL);
    if (status != AIO_OK)
        return status;
    *result = aio_str("Hello World!");
    return AIO_OK;
}

static aio_coro *hello_world_message(void)
{
    return aio_coro_new("hello_world_message", hello_world_message_body, aio_none());
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value message, one_plus_one;
    aio_task *message_task = aio_create_task(hello_world_message()); /* try: a task, not an await */
    aio_status status = aio_await(add_one(1), &one_plus_one);
    if (status != AIO_OK)
        return status;
    aio_print("%ld", one_plus_one.as.i);
    status = aio_await(message_task, &message); /* try: awaited only now */
    if (status != AIO_OK)
        return status;
    aio_print("%s", message.as.s);
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
