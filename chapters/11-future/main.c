/* Chapter 11 (post 3): a Future is a box for a value that is not there
 * yet.  No loop runs here: setting and reading it needs none. */
#include "aio.h"

static const char *python_bool(bool b) { return b ? "True" : "False"; }

int main(void)
{
    aio_future *my_future = aio_future_new();
    aio_print("Is my_future done? %s", python_bool(aio_future_done(my_future)));

    aio_status status = aio_future_set_result(my_future, aio_int(42));
    if (status != AIO_OK)
        return aio_exit_code(status);
    aio_print("Is my_future done? %s", python_bool(aio_future_done(my_future)));

    char text[64];
    aio_print("What is the result of my_future? %s", aio_future_repr(my_future, text, sizeof text));
    return 0;
}
