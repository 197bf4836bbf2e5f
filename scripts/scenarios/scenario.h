/* What every scenario program shares: printing the way its Python twin
 * prints, and running main_body() under aio_run(). */
#ifndef SCENARIO_H
#define SCENARIO_H

#include <stdio.h>

#include "aio.h"

/* str(bool) in Python */
static inline const char *py_bool(bool b) { return b ? "True" : "False"; }

/* type(exception).__name__ in Python */
static inline const char *exc_name(aio_status status) { return aio_status_class(status); }

/* "ok 3" or the exception's name: how the twins report an await. */
static inline const char *outcome(aio_status status, aio_value value, char *buf, size_t size)
{
    if (status != AIO_OK)
        return exc_name(status);
    char text[48];
    snprintf(buf, size, "ok %s", aio_repr(value, text, sizeof text));
    return buf;
}

static inline aio_coro *coro(const char *name, aio_coro_fn fn, aio_value arg)
{
    return aio_coro_new(name, fn, arg);
}

static inline aio_task *spawn(const char *name, aio_coro_fn fn, aio_value arg)
{
    return aio_create_task(aio_coro_new(name, fn, arg));
}

static inline int run_main(aio_coro_fn body)
{
    return aio_exit_code(aio_run(aio_coro_new("main", body, aio_none()), NULL));
}

#endif
