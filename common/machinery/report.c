#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object.h"
#include "config.h"

/* repr(object), right into the text being built. */
static void add_repr(aio_text *text, aio_repr_fn repr, const struct aio_future *object)
{
    size_t room = text->len + 1 < text->size ? text->size - text->len : 0;
    text->len += repr(object, room ? text->buf + text->len : NULL, room);
    if (text->size > 0)
        text->buf[text->len < text->size ? text->len : text->size - 1] = '\0';
}

/* reprlib.recursive_repr, which CPython puts on Future and Task repr: a
 * Task whose wait_for leads back to itself (A awaits B awaits A) shows
 * "..." where the cycle closes, instead of recursing for ever.  The
 * objects being formatted right now, outermost first.  A chain of tasks
 * nests without a cycle; CPython goes down it until its recursion limit
 * (about 245 Tasks in 3.11, 320 from 3.12), we until 240 objects: under
 * 100 KiB of the stack the repr runs on (a task's has 512). */
static const void *in_progress[240];
static size_t depth;

static size_t format_info(const aio_repr_info *info, char *buf, size_t size);

size_t aio_repr_format(const aio_repr_info *info, char *buf, size_t size)
{
    bool recursive = depth == sizeof in_progress / sizeof in_progress[0];
    for (size_t i = 0; i < depth && !recursive; i++)
        recursive = in_progress[i] == info->self;
    if (recursive) {
        aio_text text = { buf, size, 0 };
        aio_text_add(&text, "...", 3);
        return text.len;
    }
    in_progress[depth++] = info->self;
    size_t len = format_info(info, buf, size);
    depth--;
    return len;
}

static size_t format_info(const aio_repr_info *info, char *buf, size_t size)
{
    aio_text text = { buf, size, 0 };
    aio_text_printf(&text, "<%s %s", info->kind, info->state);
    if (info->name) {
        aio_text_add(&text, " name=", 6);
        aio_text_repr(&text, aio_str(info->name));
    }
    if (info->coro)
        aio_text_printf(&text, " coro=<%s()>", info->coro);
    if (info->wait_for) {
        aio_text_add(&text, " wait_for=", 10);
        add_repr(&text, info->wait_for_repr, info->wait_for);
    }
    if (info->finished && info->exception != AIO_OK) {
        /* f'exception={exc!r}': the message in full, as repr() quotes it */
        aio_text_printf(&text, " exception=%s(", aio_status_class(info->exception));
        if (info->message)
            aio_text_repr(&text, aio_str(info->message));
        aio_text_add(&text, ")", 1);
    } else if (info->finished) {
        aio_text_add(&text, " result=", 8); /* reprlib.repr(result): long ones cut short */
        aio_text_reprlib(&text, info->result);
    }
    aio_text_add(&text, ">", 1);
    return text.len;
}

char *aio_repr_whole(aio_repr_fn repr, const struct aio_future *object, char *buf, size_t size)
{
    size_t len = repr(object, buf, size);
    if (len < size)
        return buf;
    char *text = malloc(len + 1);
    if (!text)
        aio_fatal("MemoryError: no memory for a repr of %zu bytes", len);
    repr(object, text, len + 1);
    return text;
}

void aio_repr_done(char *text, char *buf)
{
    if (text != buf)
        free(text);
}

void aio_report(const char *message, const char *label, aio_repr_fn repr, const struct aio_future *object)
{
    char buf[256], *text = aio_repr_whole(repr, object, buf, sizeof buf);
    fflush(stdout);
    fprintf(stderr, "%s\n%s: %s\n", message, label, text);
    aio_repr_done(text, buf);
}

const char *aio_repr_message(const char *prefix, aio_repr_fn repr, const struct aio_future *object)
{
    size_t n = strlen(prefix), len = repr(object, NULL, 0);
    char *message = aio_run_memory(n + len + 1, "an exception's message");
    memcpy(message, prefix, n);
    repr(object, message + n, len + 1);
    return message;
}

void aio_report_unretrieved(const char *kind, aio_repr_fn repr, const struct aio_future *object)
{
    char message[64];
    snprintf(message, sizeof message, "%s exception was never retrieved", kind);
    aio_report(message, "future", repr, object);
}

/* The policy's _local._set_called.  asyncio.run() sets the event loop,
 * and at its end sets it back to None; from then on get_event_loop()
 * makes no loop of its own, and Future() outside a loop raises, in 3.11
 * as in 3.12 and 3.13 (scenario future_after_run).  run.c says when. */
static bool loop_was_set;
void aio_event_loop_set(void) { loop_was_set = true; }

void aio_warn_no_running_loop(const char *file, int line)
{
    static bool warned;
    if (loop_was_set)
        aio_fatal("RuntimeError: There is no current event loop in thread 'MainThread'.");
    if (warned || aio_python() < 12)
        return;
    warned = true;
    fflush(stdout);
    fprintf(stderr, "%s:%d: DeprecationWarning: There is no current event loop\n", file, line);
}
