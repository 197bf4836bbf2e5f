/* Where aio_raise() keeps an exception's message.  Python keeps it in the
 * exception object, which travels up the task it was raised in; here each
 * task has a slot, and the task switch says whose slot is current
 * (aio_exception_use).  Outside any task there is one more slot. */
#ifndef AIO_EXCEPTION_H
#define AIO_EXCEPTION_H

#include "status.h"

typedef struct aio_exception {
    const char *message; /* str(exception), or NULL */
    const char *where;   /* the API that raised it, or NULL */
    aio_status status;   /* the exception they belong to: a status returned
                          * without aio_raise() is another, with no message */
} aio_exception;

/* The slot aio_raise() writes from now on; NULL: the one outside tasks.
 * Inline, because the task switch calls it twice per step. */
extern aio_exception aio_exception_outside_tasks, *aio_exception_slot;
static inline void aio_exception_use(aio_exception *slot)
{
    aio_exception_slot = slot ? slot : &aio_exception_outside_tasks;
}

/* The exception `status` is, as it was raised: the current slot when the
 * slot belongs to it; else one returned without aio_raise(), or delivered
 * by the loop (a cancel taken at a task's next step), with no message. */
static inline aio_exception aio_exception_of(aio_status status)
{
    return aio_exception_slot->status == status ? *aio_exception_slot : (aio_exception){ .status = status };
}

#endif
