/* Ctrl-C, as asyncio.run() takes it (runners.Runner._on_sigint): the
 * first SIGINT cancels main and lets its clean-up run, a second one ends
 * the program at once.  The handler only counts; run.c reads the count
 * once per loop iteration, through a hook in run_once() (loop.c).  The
 * signal interrupts the loop's select() (no SA_RESTART), which is what
 * wakes a loop that waits for a far timer. */
#ifndef AIO_SIGINT_H
#define AIO_SIGINT_H

#include <stdbool.h>

/* Take SIGINT over, only if its disposition is the default one: a
 * program that inherits SIGINT ignored (a background job of a shell
 * without job control) stays deaf to it, as Python does.  The count
 * starts again at 0. */
void aio_sigint_install(void);

/* Give SIGINT back its previous disposition. */
void aio_sigint_restore(void);

/* How many SIGINTs arrived since aio_sigint_install(). */
int aio_sigint_count(void);

/* From now on, a SIGINT ends the program at once, even the first: main
 * is done, there is nothing left to cancel (CPython puts its default
 * handler back here, which raises KeyboardInterrupt). */
void aio_sigint_immediate(void);

/* End as an uncaught KeyboardInterrupt ends Python: by SIGINT with its
 * default action, so that the shell sees status 130.  Returns 130 only if
 * the signal could not end the process. */
int aio_sigint_die(void);

#endif
