/* What the concept files share and a chapter never sees: the objects'
 * layout.  Each extends its parent by embedding it as its first member,
 * so a Task* can be used wherever a Future* is expected. */
#ifndef AIO_INTERNAL_H
#define AIO_INTERNAL_H

#include "aio.h"
#include "machinery/exception.h"
#include "machinery/object.h"
#include "machinery/report.h"
#include "machinery/stack.h"
#include "machinery/switch.h"

/* ---- coroutine.c -------------------------------------------------------- */

typedef enum { AIO_CORO_CREATED, AIO_CORO_RUNNING, AIO_CORO_CLOSED } aio_coro_state;

struct aio_coro {
    aio_awaitable base;
    const char *name;     /* the coroutine function's name */
    aio_coro_fn fn;       /* its body */
    struct aio_task *runner; /* the task it runs in, while RUNNING */
    aio_coro_state state;
    unsigned nargs;
    /* While it runs: what its body makes (machinery/object.h) and what it
     * returns.  Here rather than in aio_coro_run()'s C frame, which a
     * suspended task's copy of the stack would carry on every switch. */
    aio_frame frame;
    aio_value value;
    aio_value args[];     /* the arguments it was called with (1 or 2) */
};

extern const aio_awaitable_type aio_coro_type;

/* Run a coroutine's body to its end on the current stack (what `await
 * coro` and a task's first step both do). */
aio_status aio_coro_run(aio_coro *coro, aio_value *result);
/* Throw an exception into a coroutine that never started: it ends at once
 * without running any of its body. */
void aio_coro_close(aio_coro *coro);

/* ---- awaitable.c -------------------------------------------------------- */

/* An awaitable handed in inside an array (gather's): its handle checked,
 * as the front door checks the others (machinery/handles.h). */
aio_awaitable *aio_awaitable_arg(const aio_awaitable *handle, const char *api);
extern const struct aio_object_kind aio_coro_kind;
aio_coro *aio_coro_spent(void);

/* isinstance(awaitable, type). */
bool aio_is_instance(const aio_awaitable *awaitable, const aio_awaitable_type *type);
/* A new object of `type`, zeroed, owned by the coroutine call now running
 * (machinery/object.h has the rule). */
void *aio_object_new(size_t size, const aio_awaitable_type *type);

/* ---- future.c ----------------------------------------------------------- */

typedef enum { AIO_FUTURE_PENDING, AIO_FUTURE_CANCELLED, AIO_FUTURE_FINISHED } aio_future_state;

typedef struct aio_done_entry aio_done_entry;

struct aio_future {
    aio_awaitable base;
    const char *label;             /* what it is for, in the trace: "sleep's Future", ... */
    aio_future_state state;
    aio_value result;
    aio_status exception;          /* AIO_OK, or what it finished with */
    aio_exception raised;          /* its message, and the API that raised it */
    bool retrieved;                /* result(), exception() or cancel() came after it: no report */
    aio_done_entry *callbacks;     /* in registration order... */
    aio_done_entry *last_callback; /* ...so adding one is O(1) */
};

/* A Future's type: the Awaitable slots, plus the methods a subclass (Task)
 * overrides, as Python's method lookup would find them. */
typedef struct aio_future_class {
    aio_awaitable_type awaitable;
    const char *name; /* type(self).__name__: "Future", "Task" */
    bool (*cancel)(aio_future *self);
    aio_status (*set_result)(aio_future *self, aio_value result);
    aio_status (*set_exception)(aio_future *self, aio_status exception, const char *message);
    /* Optional: what a subclass adds to the repr (a Task's name, ...). */
    void (*repr_info)(const aio_future *self, aio_repr_info *info);
} aio_future_class;

extern const aio_future_class aio_future_type;

/* Future's own cancel(), set_result() and set_exception(), which a Task
 * calls on itself as Python's super() would. */
bool aio_future_cancel_base(aio_future *future);
aio_status aio_future_set_result_base(aio_future *future, aio_value result);
aio_status aio_future_set_exception_base(aio_future *future, aio_status exception, const char *message);
/* repr(future), with the length of the whole repr returned (report.h). */
size_t aio_future_format(const aio_future *future, char *buf, size_t size);
/* A plain Future, `size` bytes big so that a subclass can add fields. */
aio_future *aio_future_new_sized(size_t size, const char *label);

/* ---- cancel.c and task.c ------------------------------------------------ */

typedef struct aio_frame aio_frame;

struct aio_task {
    aio_future future;         /* Task extends Future */
    /* What every step reads or writes, together: at 100,000 tasks each
     * step finds its Task out of the cache, and fewer lines cost less. */
    bool must_cancel;          /* cancel() came while nothing could take it */
    bool started, finished;
    int num_cancels_requested;
    int cancels_at_step;       /* ...as its last step began */
    aio_status resume_with;    /* what the interrupted await will raise */
    aio_future *fut_waiter;    /* what the task is blocked on, if anything */
    aio_future *yielded;       /* what the last switch-out blocked on (NULL: a bare yield) */
    aio_frame *frames;         /* the coroutine calls it is in, while switched out */
    /* how the task's coroutine runs on a stack of its own */
    aio_stack *stack;          /* its claim on the shared stack, or NULL once done... */
    aio_stack claim;           /* ...which lives here (machinery/stack.h) */
    aio_context context;
    aio_coro *coro;
    char name[24];             /* "Task-1", as asyncio numbers them */
    aio_status outcome;        /* what the coroutine returned... */
    aio_value outcome_value;   /* ...and its result */
    aio_exception raised;      /* the exception propagating in it */
};

extern const aio_future_class aio_task_type;

/* Close a Task left pending when its loop has closed (task.c). */
void aio_task_close(aio_task *task);

/* Use up `count` Task-N names without making Tasks (task.c). */
void aio_task_skip_names(unsigned long count);

/* Task.cancel(), the Task type's `cancel` slot (cancel.c). */
bool aio_task_cancel_method(aio_future *self);
/* Task.cancel() for a caller that can raise: AIO_OK and *cancelled, or
 * the RecursionError that a cycle of tasks awaiting each other raises. */
aio_status aio_task_cancel_status(aio_task *task, bool *cancelled);
/* The RecursionError a cancel() made by `task` raised, once, or AIO_OK:
 * aio_task_yield() raises it at the task's next await. */
aio_status aio_task_take_error(aio_task *task);

/* ---- await.c ------------------------------------------------------------ */

/* asyncio.ensure_future: a Future or Task as it is; anything else runs in
 * a new Task. */
aio_future *aio_ensure_future(aio_awaitable *awaitable);

#endif
