/* Experiment for chapter 01: the same coroutine object, run after all. */
#include "aio.h"

/* async def coroutine_add_one(number) -> number + 1 */
static aio_status coroutine_add_one_body(const aio_value *args, aio_value *result)
{
    *result = aio_int(args[0].as.i + 1);
    return AIO_OK;
}

static aio_coro *coroutine_add_one(long number)
{
    return aio_coro_new("coroutine_add_one", coroutine_add_one_body, aio_int(number));
}

/* The plain function it is compared with. */
static long add_one(long number) { return number + 1; }

int main(void)
{
    aio_value function_result = aio_int(add_one(1));
    aio_coro *coroutine_result = coroutine_add_one(1); /* body not run */

    char text[80];
    aio_print("Function result is %s and the type is %s",
              aio_str_of(function_result, text, sizeof text), aio_class_of(function_result));
    aio_print("Coroutine result is %s and the type is %s",
              aio_coro_repr(coroutine_result, text, sizeof text), aio_type(coroutine_result));

    aio_value result; /* try: run it after all; is there still a warning? */
    aio_status status = aio_run(coroutine_result, &result);
    if (status != AIO_OK)
        return aio_exit_code(status);
    aio_print("%s", aio_str_of(result, text, sizeof text));
    return 0;
}
