/* remove_reader() stops the callbacks of a descriptor that stays
 * readable, and says whether there was one to remove; add_reader() on a
 * descriptor already watched replaces its callback. */
#include <unistd.h>

#include "aio.h"

static int fds[2];
static int calls;

static const char *py_bool(bool b) { return b ? "True" : "False"; }

static void replaced(void *arg)
{
    (void)arg;
    aio_print("the first callback ran: add_reader() did not replace it");
}

static void on_readable(void *arg)
{
    (void)arg;
    if (++calls > 1) {
        char byte;
        aio_print("called again: remove_reader() left it watched");
        if (read(fds[0], &byte, 1) != 1)
            aio_print("read failed");
        return;
    }
    aio_print("readable, and the byte stays unread");
    aio_print("remove_reader: %s", py_bool(aio_remove_reader(fds[0])));
    aio_print("remove_reader again: %s", py_bool(aio_remove_reader(fds[0])));
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_print("remove_reader of a descriptor never watched: %s", py_bool(aio_remove_reader(fds[1])));
    aio_add_reader(fds[0], replaced, NULL);
    aio_add_reader(fds[0], on_readable, NULL);
    if (write(fds[1], "x", 1) != 1)
        return aio_raise(AIO_ERROR, "write failed");
    aio_print("wrote a byte");
    aio_status status = aio_await(aio_sleep(0.1), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main done, after %d call(s)", calls);
    return AIO_OK;
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    return aio_exit_code(aio_run(aio_coro_new("main", main_body, aio_none()), NULL));
}
