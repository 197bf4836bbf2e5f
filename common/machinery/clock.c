#include "clock.h"
#include "config.h"

#include <errno.h>
#include <math.h>
#include <time.h>

static struct timespec origin; /* real time at which loop time is 0 */
static bool origin_set;
static aio_ns virtual_now;

bool aio_clock_is_virtual(void) { return aio_config_get()->is_virtual; }

aio_ns aio_clock_now(void)
{
    const aio_config *config = aio_config_get();
    if (config->is_virtual)
        return virtual_now;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!origin_set) {
        origin = now;
        origin_set = true;
    }
    aio_ns real = (aio_ns)(now.tv_sec - origin.tv_sec) * AIO_NS_PER_SEC + (now.tv_nsec - origin.tv_nsec);
    if (config->speed == 1.0)
        return real;
    return (aio_ns)((double)real * config->speed);
}

void aio_clock_jump_to(aio_ns when)
{
    if (when > virtual_now)
        virtual_now = when;
}

struct timeval aio_clock_real_wait(aio_ns loop_ns)
{
    if (loop_ns < 0)
        loop_ns = 0;
    double real_ns = (double)loop_ns / aio_config_get()->speed;
    long long us = (long long)ceil(real_ns / 1000.0);
    return (struct timeval){ .tv_sec = (time_t)(us / 1000000), .tv_usec = (suseconds_t)(us % 1000000) };
}

aio_ns aio_seconds_to_ns(double seconds)
{
    /* Rounded to the nearest ns; clamped far beyond any real program's
     * lifetime so that huge delays cannot overflow int64. */
    if (seconds > 1e9)
        seconds = 1e9;
    return (aio_ns)llround(seconds * (double)AIO_NS_PER_SEC);
}

double aio_loop_time(void) { return (double)aio_clock_now() / (double)AIO_NS_PER_SEC; }

void aio_time_sleep(double seconds)
{
    aio_ns duration = aio_seconds_to_ns(seconds);
    if (duration <= 0)
        return;
    if (aio_clock_is_virtual()) {
        aio_clock_jump_to(virtual_now + duration);
        return;
    }
    struct timeval wait = aio_clock_real_wait(duration);
    struct timespec rest = { .tv_sec = wait.tv_sec, .tv_nsec = (long)wait.tv_usec * 1000 };
    while (nanosleep(&rest, &rest) != 0 && errno == EINTR)
        ;
}
