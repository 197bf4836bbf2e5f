/* The peak resident set of this process alone, in KiB, for the benchmarks
 * that report memory (switch, scale; their Python twins use peak.py).
 *
 * getrusage()'s ru_maxrss is not quite that on Linux: at exec the kernel
 * folds the peak of the address space being replaced into it, and that is
 * the shell's, which forked to start us.  From bash it reads about 2.6 MiB
 * for a program whose own peak is 1.2 MiB.  /proc/self/status's VmHWM is
 * the same counter (the mm's high-water mark) for this address space only,
 * from exec on.  ru_maxrss stays as the fallback where there is no /proc.
 * Read with open() and a buffer on the stack, so that reading it does not
 * itself allocate. */
#ifndef BENCH_PEAK_H
#define BENCH_PEAK_H

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static long peak_rss_kib(void)
{
    char text[4096];
    ssize_t length = -1;
    int fd = open("/proc/self/status", O_RDONLY);
    if (fd >= 0) {
        length = read(fd, text, sizeof text - 1);
        close(fd);
    }
    if (length > 0) {
        text[length] = '\0';
        const char *line = strstr(text, "\nVmHWM:");
        if (line)
            return strtol(line + sizeof "\nVmHWM:" - 1, NULL, 10);
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
#ifdef __APPLE__
    return (long)(usage.ru_maxrss / 1024); /* bytes there */
#else
    return (long)usage.ru_maxrss; /* KiB */
#endif
}

#endif
