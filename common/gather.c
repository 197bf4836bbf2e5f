/* Past the post: asyncio.gather, as Lib/asyncio/tasks.py builds it.
 *
 * One outer Future, a _GatheringFuture, and one done callback on each
 * child, which counts the children that are done.  Without
 * return_exceptions, the first child to fail (or be cancelled) hands its
 * exception to the outer Future at once, and the others run on: nothing
 * cancels them.  When the last child is done, the outer Future gets the
 * list of results in argument order.  Cancelling the outer Future cancels
 * the children instead, and remembers that it did, so that the end is a
 * CancelledError even if every child swallowed its cancellation. */
#include <stdint.h>
#include <stdlib.h>

#include "internal.h"
#include "machinery/config.h"
#include "machinery/trace.h"

/* What one argument became.  A child is touched only until its done
 * callback has run: a Task may go once it is done and nothing needs it,
 * so the item keeps what the list shows of it. */
typedef struct gather_item {
    aio_future *child;    /* the argument's Future: its Task, for a coroutine */
    bool done;            /* its done callback has run, and the rest is filled in: */
    bool cancelled;       /* a new CancelledError('') in the list */
    aio_status exception; /* else AIO_OK, or what it raised... */
    aio_exception raised; /* ...with its message and where it was raised */
    aio_value result;     /* what it returned */
    const char *listed;   /* a gather in the gather: its list, as repr()... */
    const char *brief;    /* ...and as reprlib.repr() shows it */
} gather_item;

typedef struct gathering_future {
    aio_future outer;      /* what aio_gather() returns */
    bool return_exceptions;
    bool cancel_requested; /* _cancel_requested: cancel() reached a child */
    size_t nfuts;          /* children without repeats... */
    size_t nfinished;      /* ...and how many of them are done */
    /* Once it has its list: as repr() shows it (the result), and as the
     * Future's repr does, "finished result=" and reprlib.repr() of it. */
    const char *listed, *shown;
    size_t count;          /* one item per argument: an awaitable given */
    gather_item items[];   /* twice is one child in two items */
} gathering_future;

#define SHOWN "finished result="
#define REPRLIB_MAXLIST 6   /* reprlib.Repr's limits, which a Future's repr */
#define REPRLIB_MAXOTHER 30 /* applies to its result */

/* _GatheringFuture, and the plain Future that gather() of nothing gives:
 * Future's slots with a few replaced, as a Python subclass inherits them
 * (types_ready() below). */
static aio_future_class gathering_type, empty_type;

/* A gathering Future that holds its list (not one whose result was set by
 * hand, which a Future allows), or NULL. */
static const gathering_future *as_list(const aio_future *future)
{
    const aio_awaitable_type *type = future->base.type;
    if (type != &gathering_type.awaitable && type != &empty_type.awaitable)
        return NULL;
    const gathering_future *gathering = (const gathering_future *)future;
    return gathering->listed ? gathering : NULL;
}

/* ---- The list as text ----------------------------------------------------- */

/* repr(exception): "ValueError('boom')", or "ValueError()" with no message. */
static void add_exception(aio_text *text, aio_status exception, const char *message)
{
    aio_text_printf(text, "%s(", aio_status_class(exception));
    if (message)
        aio_text_repr(text, aio_str(message));
    aio_text_add(text, ")", 1);
}

/* reprlib.Repr.repr_instance: over 30 characters, the first 13 and the
 * last 14 around "...".  A repr is well-formed UTF-8 (it escapes the
 * rest): a character starts at each byte that does not continue one. */
static void add_exception_cut(aio_text *text, aio_status exception, const char *message)
{
    aio_text whole = { NULL, 0, 0 };
    add_exception(&whole, exception, message); /* measures it */
    char *s = malloc(whole.len + 1);
    if (!s)
        aio_fatal("MemoryError: no memory for the repr of a gather's result");
    whole = (aio_text){ s, whole.len + 1, 0 };
    add_exception(&whole, exception, message);
    size_t n = whole.len, chars = 0, seen = 0, head = n, tail = n;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xc0) != 0x80;
    for (size_t i = 0; chars > REPRLIB_MAXOTHER && i < n; i++) {
        if (((unsigned char)s[i] & 0xc0) == 0x80)
            continue;
        if (seen == (REPRLIB_MAXOTHER - 3) / 2)
            head = i;
        if (seen == chars - (REPRLIB_MAXOTHER - 3 - (REPRLIB_MAXOTHER - 3) / 2))
            tail = i;
        seen++;
    }
    aio_text_add(text, s, head);
    if (head < n)
        aio_text_printf(text, "...%s", s + tail);
    free(s);
}

/* repr(results), or reprlib.repr(results), which shows six items at
 * most.  An item is what _done_callback puts in the list: the result, the
 * exception, or for a cancelled child a new CancelledError('') (the
 * child's _cancel_message is None).  (reprlib also shows a list nested
 * more than six deep as [...]; a gather in a gather shows its own list as
 * if at the top.) */
static size_t list_text(const gathering_future *gathering, char *buf, size_t size, bool limited)
{
    aio_text text = { buf, size, 0 };
    aio_text_add(&text, "[", 1);
    for (size_t i = 0; i < gathering->count; i++) {
        const gather_item *item = &gathering->items[i];
        if (i > 0)
            aio_text_add(&text, ", ", 2);
        if (limited && i == REPRLIB_MAXLIST) {
            aio_text_add(&text, "...", 3);
            break;
        }
        if (item->cancelled)
            aio_text_add(&text, "CancelledError('')", 18);
        else if (item->exception != AIO_OK)
            (limited ? add_exception_cut : add_exception)(&text, item->exception, item->raised.message);
        else if (item->listed)
            aio_text_printf(&text, "%s", limited ? item->brief : item->listed);
        else
            (limited ? aio_text_reprlib : aio_text_repr)(&text, item->result);
    }
    aio_text_add(&text, "]", 1);
    return text.len;
}

/* In the shape aio_repr_message() takes: it keeps the text as long as an
 * exception's message, until aio_run() returns. */
static size_t list_repr(const aio_future *f, char *buf, size_t size)
{
    return list_text((const gathering_future *)f, buf, size, false);
}

static size_t list_reprlib(const aio_future *f, char *buf, size_t size)
{
    return list_text((const gathering_future *)f, buf, size, true);
}

/* outer.set_result(results). */
static void set_list(gathering_future *gathering)
{
    gathering->listed = aio_repr_message("", list_repr, &gathering->outer);
    gathering->shown = aio_repr_message(SHOWN, list_reprlib, &gathering->outer);
    aio_future_set_result(&gathering->outer, aio_str(gathering->listed));
}

/* The repr machinery shows a result from an aio_value, and a list is
 * none: the whole "finished result=[...]" goes in as the state. */
static void list_repr_info(const aio_future *future, aio_repr_info *info)
{
    const gathering_future *gathering = as_list(future);
    if (gathering) {
        info->state = gathering->shown;
        info->finished = false;
    }
}

/* ---- _GatheringFuture.cancel() ---------------------------------------------
 * Like Task.cancel(): it does not mark itself cancelled, it cancels the
 * children, and the outcome waits for them.  Unlike Future.cancel(), it
 * leaves a done Future's exception to be reported. */
static bool gathering_cancel(aio_future *self)
{
    gathering_future *gathering = (gathering_future *)self;
    if (aio_future_done(self))
        return false;
    AIO_TRACE(cancels, &self->base);
    bool cancelled = false;
    /* A child given twice is cancelled twice.  One whose done callback has
     * run would answer False, its exception already marked retrieved. */
    for (size_t i = 0; i < gathering->count; i++)
        if (!gathering->items[i].done && aio_future_cancel(gathering->items[i].child))
            cancelled = true;
    if (cancelled) /* only then: every child may have been done already */
        gathering->cancel_requested = true;
    return cancelled;
}

static void types_ready(void)
{
    if (gathering_type.name)
        return;
    gathering_type = empty_type = aio_future_type;
    gathering_type.awaitable.base = empty_type.awaitable.base = &aio_future_type.awaitable;
    gathering_type.awaitable.type_repr = "<class 'asyncio.tasks._GatheringFuture'>";
    gathering_type.name = "_GatheringFuture";
    gathering_type.cancel = gathering_cancel;
    /* gather() of nothing is loop.create_future(): only its repr knows
     * that its result is a list. */
    gathering_type.repr_info = empty_type.repr_info = list_repr_info;
}

static gathering_future *gathering_new(const aio_future_class *type, size_t count)
{
    if (count > (SIZE_MAX - sizeof(gathering_future)) / sizeof(gather_item))
        aio_fatal("MemoryError: gather() of %zu awaitables", count);
    gathering_future *gathering = aio_object_new(sizeof *gathering + count * sizeof(gather_item), &type->awaitable);
    gathering->outer.state = AIO_FUTURE_PENDING;
    gathering->outer.label = "gather's Future";
    gathering->count = count;
    return gathering;
}

/* ---- _done_callback, on every child ----------------------------------------- */

/* What the child gave, into each of its items.  exception() marks its
 * exception retrieved, as building the list (or giving up on it) does in
 * Python: the list, or the outer Future, now answers for it. */
static const gather_item *take_item(gathering_future *gathering, aio_future *child)
{
    gather_item taken = { .child = child, .done = true, .cancelled = aio_future_cancelled(child) };
    const gathering_future *nested = as_list(child);
    if (!taken.cancelled) {
        aio_future_exception(child, &taken.exception);
        taken.raised = child->raised;
        taken.result = child->result;
    }
    if (nested) {
        taken.listed = nested->listed;
        taken.brief = nested->shown + sizeof SHOWN - 1;
    }
    const gather_item *first = NULL;
    for (size_t i = gathering->count; i-- > 0;) {
        if (gathering->items[i].child == child) {
            gathering->items[i] = taken;
            first = &gathering->items[i];
        }
    }
    return first;
}

static void done_callback(aio_future *child, void *arg)
{
    gathering_future *gathering = arg;
    aio_future *outer = &gathering->outer;
    const gather_item *item = take_item(gathering, child);
    gathering->nfinished++;
    if (aio_future_done(outer))
        return; /* an earlier child failed (or it was set by hand): too late to matter */
    if (!gathering->return_exceptions && (item->cancelled || item->exception != AIO_OK)) {
        /* The first failure is the outer Future's, at once.  A cancelled
         * child counts as one that raised CancelledError: the outer
         * Future finishes with that exception, it is not cancelled. */
        aio_future_set_exception(outer, item->cancelled ? AIO_CANCELLED : item->exception, item->raised.message);
        outer->raised.where = item->raised.where;
        return;
    }
    if (gathering->nfinished < gathering->nfuts)
        return;
    if (gathering->cancel_requested)
        /* cancel() reached a child: the caller asked for a cancellation,
         * and gets one, whatever the children made of theirs. */
        aio_future_set_exception(outer, AIO_CANCELLED, NULL);
    else
        set_list(gathering);
}

/* ---- gather() -------------------------------------------------------------- */

aio_future *aio_gather_awaitables(size_t count, aio_awaitable *const *awaitables, bool return_exceptions)
{
    types_ready();
    if (count == 0) {
        gathering_future *empty = gathering_new(&empty_type, 0);
        set_list(empty);
        return &empty->outer;
    }
    gathering_future *gathering = gathering_new(&gathering_type, count);
    gathering->return_exceptions = return_exceptions;
    /* 3.12 and later run the callback of a child already done right here,
     * once the outer Future exists, rather than through call_soon: so a
     * gather of done children is done when gather() returns. */
    bool eager = aio_python() >= 12;
    for (size_t i = 0; i < count; i++) {
        size_t first = 0;
        while (awaitables[first] != awaitables[i])
            first++;
        if (first < i) { /* arg_to_fut: a repeat shares the first one's child */
            gathering->items[i].child = gathering->items[first].child;
            continue;
        }
        /* The front door checks the handles it is given one by one; those
         * in an array, here.  A coroutine becomes a new Task. */
        aio_future *child = aio_ensure_future(aio_awaitable_arg(awaitables[i], "gather()"));
        gathering->items[i].child = child;
        gathering->nfuts++;
        if (!(eager && aio_future_done(child)))
            aio_future_add_done_callback(child, done_callback, gathering);
    }
    for (size_t i = 0; eager && i < count; i++) {
        gather_item *item = &gathering->items[i];
        if (!item->done && aio_future_done(item->child))
            done_callback(item->child, gathering);
    }
    return &gathering->outer;
}

size_t aio_gather_count(const aio_future *gathering)
{
    const gathering_future *list = as_list(gathering);
    return list ? list->count : 0;
}

aio_status aio_gather_result(const aio_future *gathering, size_t i, aio_value *result)
{
    *result = aio_none();
    if (i >= aio_gather_count(gathering))
        return aio_raise_in("aio_gather_result()", AIO_ERROR, "list index out of range");
    const gather_item *item = &((const gathering_future *)gathering)->items[i];
    if (item->cancelled)
        return aio_raise(AIO_CANCELLED, "");
    if (item->exception != AIO_OK)
        return aio_raise_in(item->raised.where, item->exception, item->raised.message);
    *result = item->result;
    return AIO_OK;
}
