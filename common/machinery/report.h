/* What a Future looks like in text: its repr, as base_futures and
 * base_tasks build it, and the reports the loop writes on stderr where
 * CPython's exception handler would ("Task exception was never
 * retrieved").  A repr is printed whole, however long: CPython never cuts
 * one short.  The concept files hand over the pieces; all the wording is
 * here. */
#ifndef AIO_REPORT_H
#define AIO_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"
#include "value.h"

struct aio_future;

/* The pieces of base_futures._future_repr_info, and of
 * base_tasks._task_repr_info for a Task. */
typedef struct aio_repr_info {
    const void *self;     /* the object itself: repr() of a cycle stops at "..." */
    const char *kind;     /* "Future" or "Task" */
    const char *state;    /* "pending", "cancelling", "cancelled" or "finished" */
    const char *name;     /* a Task's name, or NULL */
    const char *coro;     /* a Task's coroutine function, or NULL */
    const struct aio_future *wait_for; /* what a Task is blocked on, or NULL... */
    size_t (*wait_for_repr)(const struct aio_future *object, char *buf, size_t size); /* ...and its repr */
    bool finished;
    aio_status exception; /* once finished: AIO_OK, or what it raised... */
    const char *message;  /* ...with this message (NULL: none) */
    aio_value result;     /* ...or what it returned */
} aio_repr_info;

/* "<Task finished name='Task-2' coro=<boom()> exception=ValueError('no')>"
 * into buf; returns the length of the whole repr, as snprintf() does. */
size_t aio_repr_format(const aio_repr_info *info, char *buf, size_t size);

/* A repr with that convention. */
typedef size_t (*aio_repr_fn)(const struct aio_future *object, char *buf, size_t size);

/* repr(object), whole: in buf if it fits, else in memory from malloc();
 * give it back with aio_repr_done(text, buf). */
char *aio_repr_whole(aio_repr_fn repr, const struct aio_future *object, char *buf, size_t size);
void aio_repr_done(char *text, char *buf);

/* prefix + repr(object), as an exception's message: kept until aio_run()
 * reclaims the objects made while it ran. */
const char *aio_repr_message(const char *prefix, aio_repr_fn repr, const struct aio_future *object);

/* "<message>\n<label>: <repr>" on stderr, after what print() has written:
 * aio_report("Task exception was never retrieved", "future", ...). */
void aio_report(const char *message, const char *label, aio_repr_fn repr, const struct aio_future *object);

/* Future.__del__ on an exception nobody retrieved: "Future exception was
 * never retrieved" (kind "Future"), and the Future's repr. */
void aio_report_unretrieved(const char *kind, aio_repr_fn repr, const struct aio_future *object);

/* asyncio.run() has set the event loop (and set it back to None): from
 * now on a Future made outside a loop raises RuntimeError. */
void aio_event_loop_set(void);

/* 3.12 and later: Future() with no running loop asks for the current
 * loop, which makes one and warns, once, at the caller's line (3.11 is
 * silent).  The line of source Python prints under it is not known here. */
void aio_warn_no_running_loop(const char *file, int line);

#endif
