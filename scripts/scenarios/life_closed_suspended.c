/* Two tasks of an await cycle die suspended, as in life_await_cycle: A
 * awaits B, B awaits A, and aio_run()'s clean-up, cancelling A, hits
 * RecursionError and leaves both pending.  CPython frees them only when
 * its garbage collector finds the cycle (the twin collects right after
 * run(), with the collector off until then); we free them when aio_run()
 * closes its loop, which is the same place here.  Both free the objects
 * in the order they were made, each coroutine before its Task: closing a
 * coroutine raises GeneratorExit at the await where it is suspended, and
 * its clean-up runs; then its Task is reported, "Task was destroyed but
 * it is pending!".  A lets GeneratorExit go.  B catches it and awaits
 * again: its close fails, "coroutine ignored GeneratorExit", reported as
 * an exception ignored, and its finally clause never runs. */
#include <string.h>

#include "scenario.h"

static aio_task *a_task, *b_task;

/* except GeneratorExit: (the status has no name in aio.h of its own) */
static bool is_generator_exit(aio_status status)
{
    return status != AIO_OK && strcmp(exc_name(status), "GeneratorExit") == 0;
}

static aio_status polite(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("A awaits the other task");
    aio_status status = aio_await(b_task, NULL);
    if (status != AIO_OK) /* except BaseException as error: ...; raise */
        aio_print("A: %s at its await", exc_name(status));
    aio_print("A: finally");
    return status;
}

static aio_status stubborn(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("B awaits the other task");
    aio_status status = aio_await(a_task, NULL);
    if (is_generator_exit(status)) {
        aio_print("B: GeneratorExit at its await, and awaits again");
        status = aio_await(aio_sleep(0), NULL);
        if (status == AIO_OK)
            aio_print("B: goes on after the await");
    }
    aio_print("B: finally");
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    a_task = spawn("polite", polite, aio_none());
    b_task = spawn("stubborn", stubborn, aio_none());
    aio_status status = aio_await(aio_sleep(1), NULL);
    if (status == AIO_OK)
        aio_print("main returns");
    return status;
}

int main(void)
{
    aio_status status = aio_run(coro("main", main_body, aio_none()), NULL);
    if (status == AIO_RECURSION_ERROR) {
        aio_print("asyncio.run raised RecursionError: %s", aio_exception_message());
        status = AIO_OK;
    }
    if (status == AIO_OK)
        aio_print("after run");
    return aio_exit_code(status);
}
