/* repr() of values read from stdin, one per line, for comparison with
 * CPython's repr() of the same values (scripts/faults.bats):
 *   f HEX   a float, its 64 bits in hex
 *   s HEX   a str, its bytes in hex (UTF-8; a stray byte stands for the
 *           surrogate that Python's "surrogateescape" decoding makes)
 *   c N HEX the same str's repr, cut short to fit a buffer of N bytes
 * Prints one repr per line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"

static int fail(const char *line)
{
    fprintf(stderr, "reprs: cannot read this line: %s\n", line);
    return 2;
}

int main(void)
{
    static char line[8192], text[4096], repr[16384];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char kind = line[0];
        const char *hex = line + 2;
        if (strlen(line) < 2 || line[1] != ' ')
            return fail(line);
        if (kind == 'f') {
            uint64_t bits = strtoull(hex, NULL, 16);
            double f;
            memcpy(&f, &bits, sizeof f);
            puts(aio_repr(aio_float(f), repr, sizeof repr));
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
            puts(aio_repr(aio_str(text), repr, size));
        } else {
            return fail(line);
        }
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
