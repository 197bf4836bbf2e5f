/* Three ways a done Future outlives the coroutine that made it: returned
 * to its caller; held as another Future's result; kept in a global (which
 * holds nothing) and returned by another coroutine in the same loop
 * iteration, while it waited for that iteration's sweep.  Each is read a
 * loop iteration later, after the sweep (common/README.md, "Lifetime"):
 * in CPython the references keep them, and so does our rule. */
#include "scenario.h"

/* Three Futures made first, and cancelled: the one that matters is not
 * the first object of its slab. */
static void make_others(void)
{
    for (int i = 0; i < 3; i++)
        aio_future_cancel(aio_future_new());
}

static aio_status made_and_returned(const aio_value *args, aio_value *result)
{
    (void)args;
    make_others();
    aio_future *done = aio_future_new();
    aio_future_set_result(done, aio_str("made and returned"));
    *result = aio_ptr(done);
    return AIO_OK;
}

static aio_status held_as_result(const aio_value *args, aio_value *result)
{
    (void)result;
    make_others();
    aio_future *inner = aio_future_new();
    aio_future_set_result(inner, aio_str("held as another's result"));
    aio_future_set_result(args[0].as.p, aio_ptr(inner));
    return AIO_OK;
}

static aio_future *kept; /* a global */

static aio_status make_and_keep(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    kept = aio_future_new();
    aio_future_set_result(kept, aio_str("kept, then returned"));
    return AIO_OK;
}

static aio_status hand_back(const aio_value *args, aio_value *result)
{
    (void)args;
    *result = aio_ptr(kept);
    return AIO_OK;
}

/* Await `c`, which returns a done Future; read its result a loop
 * iteration later. */
static aio_status read_returned_later(aio_coro *c, aio_value *value)
{
    aio_value got;
    aio_status status = aio_await(c, &got);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        status = aio_future_result(got.as.p, value);
    return status;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_value got, value;
    aio_status status = read_returned_later(coro("made_and_returned", made_and_returned, aio_none()), &value);
    if (status != AIO_OK)
        return status;
    aio_print("a loop iteration later: '%s'", value.as.s);

    aio_future *holder = aio_future_new();
    status = aio_await(coro("held_as_result", held_as_result, aio_ptr(holder)), NULL);
    if (status == AIO_OK)
        status = aio_await(aio_sleep(0), NULL);
    if (status == AIO_OK)
        status = aio_future_result(holder, &got);
    if (status == AIO_OK)
        status = aio_future_result(got.as.p, &value);
    if (status != AIO_OK)
        return status;
    aio_print("a loop iteration later: \"%s\"", value.as.s);

    status = aio_await(coro("make_and_keep", make_and_keep, aio_none()), NULL);
    if (status == AIO_OK)
        status = read_returned_later(coro("hand_back", hand_back, aio_none()), &value);
    if (status != AIO_OK)
        return status;
    aio_print("a loop iteration later: '%s'", value.as.s);
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
