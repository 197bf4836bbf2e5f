/* SIGINT, as Python has it.  At start-up Python gives SIGINT its
 * default_int_handler (unless SIGINT is ignored): a Ctrl-C then raises
 * KeyboardInterrupt, whose traceback ends in the line "KeyboardInterrupt",
 * and the program dies by SIGINT (status 130).  asyncio.run() puts its own
 * handler in its place while main runs (runners.Runner._on_sigint): the
 * first SIGINT cancels main, and its clean-up runs; any later one is
 * KeyboardInterrupt at once.
 *
 * Here the handlers only record what came and write to the loop's
 * self-pipe (aio_loop_wakeup()), so that a SIGINT wakes a loop that waits
 * for a far timer, even one that lands just before the wait begins; run.c
 * reads the count on the loop's thread, in a hook that runs right after
 * each wait (aio_loop_add_wakeup_hook()).
 *
 * A handler always runs on the loop's thread: every thread of the pool
 * blocks every signal it can (executor.c), as Python runs its handlers
 * in the main thread.  Also here, for run.c: the hook and the clean-up of
 * loop.add_signal_handler (signals.c). */
#ifndef AIO_SIGINT_H
#define AIO_SIGINT_H

#include <signal.h>
#include <stdbool.h>

/* ---- default_int_handler ---------------------------------------------- */

/* Give SIGINT Python's default handler if its disposition is still the
 * default one (SIG_DFL).  Done once, before main() where the compiler can
 * (as the interpreter does at start-up), else at the first aio_run(). */
void aio_sigint_startup(void);

/* The emulated default_int_handler itself: what SIGINT gets back when
 * asyncio.run() or remove_signal_handler(SIGINT) lets go of it. */
void aio_sigint_default_handler(int signo);

/* ---- asyncio.run()'s handler -------------------------------------------- */

/* Take SIGINT over for asyncio.run(), only if it has the default handler
 * (ours, or SIG_DFL): a program that inherits SIGINT ignored (a
 * background job of a shell without job control) stays deaf to it, as
 * Python does.  The count starts again at 0. */
void aio_sigint_install(void);

/* The end of Runner.run(): if SIGINT still has asyncio.run()'s handler
 * (nothing replaced it, as add_signal_handler(SIGINT) would), give it
 * back the one it had before. */
void aio_sigint_restore(void);

/* How many SIGINTs asyncio.run()'s handler took since aio_sigint_install().
 * The first one wakes the loop; the loop's hook cancels main. */
int aio_sigint_count(void);

/* ---- KeyboardInterrupt ------------------------------------------------- */

/* A KeyboardInterrupt that a handler could not end the program with at
 * once, because threads of the executor are running: Python prints its
 * traceback, then waits for them at exit (concurrent.futures joins its
 * workers).  The handler has written the line; the loop's hook joins the
 * threads, then calls aio_sigint_die(). */
bool aio_sigint_dying(void);

/* The executor's threads that a KeyboardInterrupt must wait for: +1 as
 * one starts, -1 once it is joined (executor.c). */
void aio_sigint_threads(int delta);

/* End as an uncaught KeyboardInterrupt ends Python: by SIGINT with its
 * default action, so that the shell sees status 130.  Returns 130 only if
 * the signal could not end the process. */
int aio_sigint_die(void);

/* ---- loop.add_signal_handler (signals.c) ------------------------------- */

/* Right after each wait, on the loop's thread (run.c's wakeup hook):
 * the signals that came since the last look, handed to call_soon. */
void aio_signals_dispatch(void);
/* loop.close(): remove every handler add_signal_handler() set, giving
 * each signal its default action (SIGINT: default_int_handler). */
void aio_signals_close(void);

#endif
