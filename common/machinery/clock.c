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
    /* Thirty years is as good as for ever, and fits even a 32-bit time_t. */
    double us_wanted = ceil(real_ns / 1000.0);
    long long us = us_wanted < 1e15 ? (long long)us_wanted : 1000000000000000LL;
    return (struct timeval){ .tv_sec = (time_t)(us / 1000000), .tv_usec = (suseconds_t)(us % 1000000) };
}

aio_ns aio_seconds_to_ns(double seconds)
{
    /* 0x1p63 is 2^63, one past INT64_MAX: every double below it rounds to
     * an int64.  Saturating only there keeps 2e9 s and 3e9 s apart (a
     * clamp at 1e9 s once made them tie); beyond it, the timer heap
     * keeps the order (see `far` in handle.h). */
    double ns = seconds * (double)AIO_NS_PER_SEC;
    if (ns >= 0x1p63)
        return AIO_NS_MAX;
    if (ns <= -0x1p63)
        return -AIO_NS_MAX;
    return (aio_ns)llround(ns);
}

aio_ns aio_clock_add(aio_ns t, aio_ns duration)
{
    return duration > AIO_NS_MAX - t ? AIO_NS_MAX : t + duration;
}

double aio_loop_time(void) { return (double)aio_clock_now() / (double)AIO_NS_PER_SEC; }

void aio_time_sleep(double seconds)
{
    aio_ns duration = aio_seconds_to_ns(seconds);
    if (duration <= 0)
        return;
    if (aio_clock_is_virtual()) {
        if (aio_executor_time_sleep(duration)) /* a job of the thread pool: only it waits */
            return;
        aio_clock_jump_to(aio_clock_add(virtual_now, duration));
        return;
    }
    struct timeval wait = aio_clock_real_wait(duration);
    struct timespec rest = { .tv_sec = wait.tv_sec, .tv_nsec = (long)wait.tv_usec * 1000 };
    while (nanosleep(&rest, &rest) != 0 && errno == EINTR)
        ;
}
