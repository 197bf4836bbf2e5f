/* print(): Python's print() as `python -u` runs it.  Each line is written
 * and flushed at once, so a pipe sees it at the moment it was printed. */
#ifndef AIO_PRINT_H
#define AIO_PRINT_H

#if defined(__GNUC__) || defined(__clang__)
#define AIO_PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define AIO_PRINTF_LIKE(f, a)
#endif

/* printf(fmt, ...) plus a newline, flushed.  With AIO_STAMP=1 the line is
 * prefixed with the loop time, "3.000 ", which is how the tests check
 * when each line appears. */
void aio_print(const char *fmt, ...) AIO_PRINTF_LIKE(1, 2);

#endif
