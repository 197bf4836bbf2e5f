/* Experiment for chapter 11: cancel the Future instead of giving it a result. */
#include "aio.h"

static const char *python_bool(bool b) { return b ? "True" : "False"; }

int main(void)
{
    aio_future *my_future = aio_future_new();
    aio_print("Is my_future done? %s", python_bool(aio_future_done(my_future)));

    aio_future_cancel(my_future); /* try: cancel() instead of set_result(42) */
    aio_print("Is my_future done? %s", python_bool(aio_future_done(my_future)));

    char text[64];
    aio_print("What is the result of my_future? %s", aio_future_repr(my_future, text, sizeof text));
    return 0;
}
