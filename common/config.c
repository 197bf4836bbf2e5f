#include "config.h"
#include "trace.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static aio_config config;
static bool loaded;

/* A bad setting must stop the program before it prints anything, with a
 * message that says what would have been accepted. */
static _Noreturn void reject(const char *name, const char *value, const char *accepted)
{
    fprintf(stderr, "aio: %s='%s' is not valid; %s\n", name, value, accepted);
    exit(2);
}

static double parse_speed(const char *text)
{
    char *end;
    errno = 0;
    double speed = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(speed) || speed <= 0)
        reject("AIO_SPEED", text, "it takes a positive number, e.g. AIO_SPEED=20");
    return speed;
}

/* Unset or "0": false; "1": true; anything else stops the program. */
static bool parse_flag(const char *name)
{
    const char *value = getenv(name);
    if (!value || strcmp(value, "0") == 0)
        return false;
    if (strcmp(value, "1") != 0)
        reject(name, value, "it takes 0 or 1");
    return true;
}

/* Only the versions whose asyncio the loop has been compared with. */
static int parse_python(const char *text)
{
    static const char *const known[] = { "3.11", "3.12", "3.13" };
    if (!text)
        return 11;
    for (int i = 0; i < 3; i++)
        if (strcmp(text, known[i]) == 0)
            return 11 + i;
    reject("AIO_PYTHON", text, "it takes 3.11, 3.12 or 3.13");
}

int aio_python(void) { return aio_config_get()->python; }

void aio_config_load(void)
{
    if (loaded)
        return;
    loaded = true;

    const char *clock_name = getenv("AIO_CLOCK");
    if (clock_name && strcmp(clock_name, "virtual") == 0)
        config.is_virtual = true;
    else if (clock_name && strcmp(clock_name, "real") != 0)
        reject("AIO_CLOCK", clock_name, "it takes 'real' or 'virtual'");

    const char *speed = getenv("AIO_SPEED");
    config.speed = speed ? parse_speed(speed) : 1.0;
    config.stamp = parse_flag("AIO_STAMP");
    aio_trace_on = parse_flag("AIO_TRACE");
    config.debug = parse_flag("AIO_DEBUG");
    config.python = parse_python(getenv("AIO_PYTHON"));
}

const aio_config *aio_config_get(void)
{
    aio_config_load();
    return &config;
}
