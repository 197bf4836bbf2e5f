/* Chapter 13 (post 4): one await for everything awaitable: a coroutine, a
 * Task, a Future, and an awaitable of our own.  A Task is a Future; a
 * coroutine is not. */
#include "aio.h"

static const char *python_bool(bool b) { return b ? "True" : "False"; }

static aio_status add_one_body(const aio_value *args, aio_value *result)
{
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *add_one(long number) { return aio_coro_new("add_one", add_one_body, aio_int(number)); }

static aio_status resolve_later_body(const aio_value *args, aio_value *result)
{
    (void)result;
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status != AIO_OK)
        return status;
    return aio_future_set_result(args[0].as.p, aio_int(4));
}

/* An awaitable of our own: anything whose type has an `await` slot, as
 * anything with an __await__ method is awaitable in Python.  Awaiting a
 * Countdown gives the loop control `turns` times, then returns a value. */
typedef struct countdown {
    aio_awaitable base;
    long turns;
} countdown;

static aio_status countdown_await(aio_awaitable *self, aio_value *result)
{
    countdown *c = (countdown *)self;
    for (long turn = 0; turn < c->turns; turn++) {
        aio_status status = aio_task_yield(NULL); /* a bare `yield` in __await__ */
        if (status != AIO_OK)
            return status;
    }
    *result = aio_str("liftoff");
    return AIO_OK;
}

static const aio_awaitable_type countdown_type = {
    .type_repr = "<class '__main__.Countdown'>",
    .await = countdown_await,
    .finalize = NULL, /* nothing to clean up: it lives on main's stack */
};

static aio_status show(aio_awaitable *awaitable)
{
    aio_value value;
    const char *type = aio_type(awaitable); /* read it before: an awaited coroutine is spent */
    aio_status status = aio_await(awaitable, &value);
    if (status != AIO_OK)
        return status;
    char text[32];
    aio_print("await %s gave %s", type, aio_repr(value, text, sizeof text));
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_coro *coroutine = add_one(1);
    aio_task *task = aio_create_task(add_one(2));
    aio_future *future = aio_future_new();
    aio_create_task(aio_coro_new("resolve_later", resolve_later_body, aio_ptr(future)));
    countdown mine = { .base = { .type = &countdown_type }, .turns = 3 };

    aio_awaitable *all[] = {
        aio_as_awaitable(coroutine), aio_as_awaitable(task),
        aio_as_awaitable(future), &mine.base,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        aio_status status = show(all[i]);
        if (status != AIO_OK)
            return status;
    }
    aio_print("Is a Task a Future? %s", python_bool(aio_is_future(aio_as_awaitable(task))));
    aio_print("Is a coroutine a Future? %s", python_bool(aio_is_future(aio_as_awaitable(coroutine))));
    return AIO_OK;
}

int main(void)
{
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
