/* repr() of Futures and Tasks as CPython writes them: a result goes
 * through reprlib (a str over 30 characters, escapes counted, is cut
 * around "..."), an exception's message never; a Task asked to cancel,
 * and not done yet, is "cancelling", and shows what it waits for; a
 * coroutine's name is never cut, however long. */
#include <limits.h>
#include <string.h>

#include "scenario.h"

static aio_status sleeper(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_await(aio_sleep(1), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    const aio_value values[] = {
        aio_str("short"), aio_str("xxxxxxxxxxxxxxxxxxxxxxxxxxxx"), aio_str("yyyyyyyyyyyyyyyyyyyyyyyyyyyyy"),
        aio_str("it's a \"quoted\" and 'long' string, cut"), aio_str("\t\n\t\n\t\n\t\n\t\n\t\n\t\n\t\n"),
        aio_str("한글 코루틴 한글 코루틴 한글 코루틴 한글 코루틴 한글 코루틴 "), aio_str("\x01\x02\x03\x04\x05\x06\x07" "abc"),
        aio_str("tail\U0001F600tail\U0001F600tail\U0001F600tail\U0001F600tail\U0001F600tail\U0001F600"),
        aio_int(LONG_MIN), aio_int(LONG_MAX), aio_float(1e300), aio_none(),
    };
    char repr[256];
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        aio_future *future = aio_future_new();
        aio_future_set_result(future, values[i]);
        aio_print("%s", aio_future_repr(future, repr, sizeof repr));
    }
    aio_future *future = aio_future_new();
    aio_future_set_exception(future, AIO_VALUE_ERROR, "an exception's message is never cut, however long it is");
    aio_print("%s", aio_future_repr(future, repr, sizeof repr));
    aio_status ignored;
    aio_future_exception(future, &ignored);
    aio_task *tasks[3];
    for (int i = 0; i < 3; i++)
        tasks[i] = spawn("sleeper", sleeper, aio_none());
    aio_await(aio_sleep(0), NULL);
    for (int i = 0; i < 3; i++)
        aio_task_cancel(tasks[i]);
    aio_task_cancel(tasks[1]);
    aio_task_uncancel(tasks[2]);
    for (int i = 0; i < 3; i++)
        aio_print("%s", aio_future_repr(aio_task_future(tasks[i]), repr, sizeof repr));
    aio_await(aio_sleep(0), NULL);
    aio_print("%s", aio_future_repr(aio_task_future(tasks[0]), repr, sizeof repr));
    /* 300 characters: more than a repr's 256-byte pieces hold at once. */
    static char long_name[301];
    for (int i = 0; i < 300; i += 5)
        memcpy(long_name + i, "long_", 5);
    aio_task *named = spawn(long_name, sleeper, aio_none());
    aio_await(aio_sleep(0), NULL);
    char whole[512];
    aio_print("%s", aio_future_repr(aio_task_future(named), whole, sizeof whole));
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
