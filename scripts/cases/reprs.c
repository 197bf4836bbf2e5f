/* repr() of values read from stdin, one per line, for comparison with
 * CPython's repr() of the same values (scripts/faults.bats):
 *   f HEX   a float, its 64 bits in hex
 *   s HEX   a str, its bytes in hex (UTF-8; a stray byte stands for the
 *           surrogate that Python's "surrogateescape" decoding makes)
 *   c N HEX the same str's repr, cut short to fit a buffer of N bytes
 *   t       the repr of a Task waiting on a Future, cut to 1, 2, 3...
 *           bytes, one line each, until it fits whole with a byte to spare
 * Prints one repr per line.  A cut repr must not write past its N bytes:
 * the bytes after them are filled beforehand and checked afterwards. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"

static char repr[16384];

enum { CANARY = 0x5a, CANARY_LEN = 1024 };

static void fill_after(size_t size)
{
    memset(repr + size, CANARY, sizeof repr - size < CANARY_LEN ? sizeof repr - size : CANARY_LEN);
}

static bool untouched_after(size_t size)
{
    for (size_t i = size; i < sizeof repr && i < size + CANARY_LEN; i++)
        if ((unsigned char)repr[i] != CANARY)
            return false;
    return true;
}

static aio_status wait_on(const aio_value *args, aio_value *result)
{
    (void)result;
    return aio_await((aio_future *)args[0].as.p, NULL);
}

/* The repr of a Task that waits on a Future, cut to every size: its
 * wait_for= part is the Future's own repr, written into what room the
 * Task's has left, and none at all once the Task's is cut. */
static aio_status task_reprs(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    aio_future *future = aio_future_new();
    aio_task *task = aio_create_task(aio_coro_new("wait_on", wait_on, aio_ptr(future)));
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    for (size_t size = 1; size < sizeof repr; size++) {
        fill_after(size);
        aio_future_repr(aio_task_future(task), repr, size);
        if (!untouched_after(size)) {
            fprintf(stderr, "reprs: a Task's repr cut to size %zu wrote past it\n", size);
            return AIO_RUNTIME_ERROR;
        }
        puts(repr);
        if (strlen(repr) + 1 < size)
            break;
    }
    aio_future_cancel(future);
    return aio_await(task, NULL) == AIO_CANCELLED ? AIO_OK : AIO_RUNTIME_ERROR;
}

static int fail(const char *line)
{
    fprintf(stderr, "reprs: cannot read this line: %s\n", line);
    return 2;
}

int main(void)
{
    static char line[8192], text[4096];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char kind = line[0];
        const char *hex = line + 2;
        if (strcmp(line, "t") != 0 && (strlen(line) < 2 || line[1] != ' '))
            return fail(line);
        if (kind == 'f') {
            uint64_t bits = strtoull(hex, NULL, 16);
            double f;
            memcpy(&f, &bits, sizeof f);
            puts(aio_repr(aio_float(f), repr, sizeof repr));
        } else if (kind == 't') {
            if (aio_run(aio_coro_new("task_reprs", task_reprs, aio_none()), NULL) != AIO_OK)
                return 1;
        } else if (kind == 's' || kind == 'c') {
            size_t size = sizeof repr;
            if (kind == 'c') {
                char *end;
                size = strtoul(hex, &end, 10);
                if (*end != ' ' || size == 0 || size > sizeof repr)
                    return fail(line);
                hex = end + 1;
            }
            size_t n = strlen(hex) / 2;
            if (n >= sizeof text)
                return fail(line);
            for (size_t i = 0; i < n; i++) {
                unsigned byte;
                if (sscanf(hex + 2 * i, "%2x", &byte) != 1 || byte == 0)
                    return fail(line);
                text[i] = (char)byte;
            }
            text[n] = '\0';
            fill_after(size);
            aio_repr(aio_str(text), repr, size);
            if (!untouched_after(size)) {
                fprintf(stderr, "reprs: a repr cut to size %zu wrote past it\n", size);
                return 1;
            }
            puts(repr);
        } else {
            return fail(line);
        }
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
