/* repr() of values read from stdin, one per line, for comparison with
 * CPython's repr() of the same values (scripts/faults.bats):
 *   f HEX   a float, its 64 bits in hex
 *   s HEX   a str, its bytes in hex (UTF-8; a stray byte stands for the
 *           surrogate that Python's "surrogateescape" decoding makes)
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
        } else if (kind == 's') {
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
            puts(aio_repr(aio_str(text), repr, sizeof repr));
        } else {
            return fail(line);
        }
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
