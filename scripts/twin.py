"""Run a chapter's Python twin under the same clock settings as the C program.

    python3 scripts/twin.py chapters/06-tasks-overlap/twin.py
    python3 scripts/twin.py --batch OUTDIR a.py b.py ...

The batch form runs many twins for the tests: asyncio is imported once,
then each twin runs in a forked child, as fresh as a new interpreter (its
own task numbering, its own exit-time warnings), writing OUTDIR/NAME.out,
NAME.err and NAME.status.  Python's start-up is most of a twin's cost.

Reads the variables the C loop reads (see common/machinery/config.h).  A
twin run directly, `python3 chapters/NN-slug/twin.py`, is a plain asyncio
program on asyncio's own clock: these variables apply only through this
script.

  AIO_CLOCK=virtual  asyncio's loop never sleeps: when nothing is ready, its
                     clock jumps to the next timer, so the run is instant and
                     its loop times are exact.
  AIO_STAMP=1        every print() is prefixed with the loop time, "3.000 ".

Under the virtual clock, select.select() and time.sleep() never wait either:
they move the same clock forward, as the C side's select() and time.sleep do.
A time.sleep() in a job of the loop's executor (run_in_executor, to_thread)
holds only that job, as it does in real time: the loop and the job take turns
(ThreadGate below, common/executor.c in C), and a timer ends the sleep.
Timers due at the same moment run in the order they were created.  CPython orders its timer heap by deadline alone; in real time
two call_later() calls practically never get the same deadline, because the
clock moves between them.  A frozen clock makes such ties common, and the
creation order is what real time would have given.
"""
import asyncio
import builtins
import concurrent.futures
import heapq
import itertools
import os
import select
import selectors
import sys
import threading
import time
import types


def fail(name, value, accepted):
    print(f"twin: {name}='{value}' is not valid; {accepted}", file=sys.stderr)
    sys.exit(2)


MODE = os.environ.get("AIO_CLOCK", "real")
STAMP = os.environ.get("AIO_STAMP", "0")
if MODE not in ("real", "virtual"):
    fail("AIO_CLOCK", MODE, "it takes 'real' or 'virtual'")
if STAMP not in ("0", "1"):
    fail("AIO_STAMP", STAMP, "it takes 0 or 1")


class VirtualClock:
    """Loop time in whole nanoseconds, as the C loop keeps it: with floats,
    0.7 + 0.1 falls just short of 0.8, and two timers that C sees as due
    together would fire in a different order."""

    ns = 0

    @property
    def now(self):
        return self.ns / 1e9

    def advance_to(self, seconds):
        self.ns = max(self.ns, round(seconds * 1e9))

    def advance_by(self, seconds):
        self.ns += max(0, round(seconds * 1e9))


CLOCK = VirtualClock()


class FifoTimerHandle(asyncio.TimerHandle):
    __slots__ = ("_seq",)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)


class VirtualSelector(selectors.DefaultSelector):
    """Polls without waiting; a wait becomes a jump of the loop's clock.

    What only the outside world can make ready is waited for for real when
    no timer is due, as the C loop does (common/loop.h): the sockets the
    loop watches, or the signals it handles; and at the end, the thread of
    shutdown_default_executor(), which says through the loop's self-pipe
    that the executor's threads are gone.  A job of the executor runs
    while the loop waits for it (ThreadGate)."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        events = super().select(0)
        if events or timeout == 0:
            return events
        if self.loop._joining and not self.loop._sleeping_jobs:
            # shutdown_default_executor(): its thread calls back once the
            # pool's threads have ended, and no job is left asleep.
            return super().select(None)
        if timeout is None:
            # More than the loop's own self-pipe is registered: sockets.
            if len(self.get_map()) > 1 or self.loop._signal_handlers:
                return super().select(None)
            # Real asyncio would block here forever.
            raise RuntimeError("deadlock: nothing can wake the waiting tasks")
        CLOCK.advance_to(self.loop._scheduled[0]._when)
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._timer_seq = itertools.count()
        self._sleeping_jobs = 0
        self._joining = False

    def run_in_executor(self, executor, func, *args):
        # BaseEventLoop.run_in_executor, the same in 3.11 to 3.13, with the
        # job and the loop taking turns (ThreadGate).
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        if (isinstance(executor, concurrent.futures.ThreadPoolExecutor)
                and len(executor._threads) >= executor._max_workers
                and executor._idle_semaphore._value == 0):
            # The job would wait for a thread, which only the loop can free.
            raise RuntimeError("twin: under the virtual clock, no more jobs at once "
                               f"than the executor's {executor._max_workers} threads")
        gate = ThreadGate(self)
        source = executor.submit(gate.run, func, *args)
        future = asyncio.futures.wrap_future(source, loop=self)
        source.add_done_callback(gate.posted)  # after wrap_future's own
        gate.wait()
        return future

    async def shutdown_default_executor(self, *args, **kwargs):
        self._joining = True
        try:
            await super().shutdown_default_executor(*args, **kwargs)
        finally:
            self._joining = False

    def time(self):
        return CLOCK.now

    def call_later(self, delay, callback, *args, context=None):
        # when = now + delay, computed in nanoseconds as the C loop does
        # A NaN delay: CPython's _run_once finds nan >= end_time false, so
        # such a timer is due at the next iteration (wait_for(x, nan)).
        when_ns = CLOCK.ns if delay != delay else CLOCK.ns + max(0, round(delay * 1e9))
        return self.call_at(when_ns / 1e9, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at, with a handle that breaks ties by creation order.
        # A deadline computed as loop.time() + delay (asyncio.timeout() does)
        # is rounded to the nanosecond, as the C loop keeps it: else two
        # deadlines that C sees as equal could differ in the last bit.
        self._check_closed()
        when = CLOCK.ns / 1e9 if when != when else round(when * 1e9) / 1e9
        timer = FifoTimerHandle(when, callback, args, self, context)
        timer._seq = next(self._timer_seq)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class ThreadGate:
    """One job of the loop's executor under the virtual clock, as the C
    loop runs one (common/executor.c): the loop's thread and the job's take
    turns, so that only one of them runs at a time and the run is the same
    every time.  The loop waits while the job runs.  A time.sleep() in the
    job gives the turn back, and the loop arms a timer for the sleep's end,
    whose callback gives the turn to the job again: jobs that sleep at once
    overlap in loop time, as they overlap in real time.  When the job is
    done, what wrap_future() hands back through call_soon_threadsafe() is in
    the ready queue before the loop looks again."""

    local = threading.local()

    def __init__(self, loop):
        self.loop = loop
        self.cond = threading.Condition()
        self.turn = "job"
        self.sleep_for = None  # the job gave the turn back to sleep this long

    def run(self, func, *args):  # the job's thread
        ThreadGate.local.gate = self
        try:
            return func(*args)
        finally:
            ThreadGate.local.gate = None

    def posted(self, source):  # the job's thread, once its result is on its way
        with self.cond:
            self.turn = "loop"
            self.cond.notify_all()

    def sleep(self, seconds):  # time.sleep() in the job's thread
        with self.cond:
            self.sleep_for = seconds
            self.turn = "loop"
            self.cond.notify_all()
            self.cond.wait_for(lambda: self.turn == "job")

    def wait(self):  # the loop's thread
        with self.cond:
            self.cond.wait_for(lambda: self.turn == "loop")
            seconds, self.sleep_for = self.sleep_for, None
        if seconds is not None:
            self.loop._sleeping_jobs += 1
            self.loop.call_later(seconds, self.resume)

    def resume(self):  # the timer at the sleep's end
        self.loop._sleeping_jobs -= 1
        with self.cond:
            self.turn = "job"
            self.cond.notify_all()
        self.wait()


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualLoop


real_select = select.select


def virtual_select(rlist, wlist, xlist, timeout=None):
    ready = real_select(rlist, wlist, xlist, 0)
    if not any(ready) and timeout:
        CLOCK.advance_by(timeout)
    return ready


def virtual_sleep(seconds):
    # time.sleep blocks everything; on the virtual clock, time just passes.
    # In a job of the loop's executor it blocks that job only, until a
    # timer of the loop ends it (ThreadGate).
    gate = getattr(ThreadGate.local, "gate", None)
    if gate is not None:
        if seconds > 0:
            gate.sleep(seconds)
        return
    CLOCK.advance_by(seconds)


START = time.monotonic()


def loop_time():
    try:
        return asyncio.get_running_loop().time() - (0 if MODE == "virtual" else START)
    except RuntimeError:  # no loop is running: the clock has not moved yet
        return CLOCK.now if MODE == "virtual" else time.monotonic() - START


plain_print = builtins.print


def stamped_print(*args, **kwargs):
    if kwargs.get("file") in (None, sys.stdout):
        plain_print(f"{loop_time():.3f}", *args, **kwargs)
    else:
        plain_print(*args, **kwargs)


def run_twin(path):
    if MODE == "virtual":
        asyncio.set_event_loop_policy(VirtualPolicy())
        select.select = virtual_select
        time.sleep = virtual_sleep
    if STAMP == "1":
        builtins.print = stamped_print
    sys.argv = [path]
    # Run it as __main__ itself, so that objects it leaves behind are
    # collected at interpreter shutdown, as when python3 runs it directly.
    main_module = types.ModuleType("__main__")
    main_module.__file__ = path
    sys.modules["__main__"] = main_module
    with open(path, encoding="utf-8") as source:
        code = compile(source.read(), path, "exec")
    exec(code, vars(main_module))


def quiet_at_exit():
    """True when the child's shutdown would show nothing: no coroutine or
    generator left unfinished (closing one warns "never awaited", or runs
    its finally blocks), no Future pending or with an exception nobody
    retrieved, no thread to wait for.  Objects made before the fork are
    the parent's, frozen out of the collector's sight (gc.freeze)."""
    import gc
    import threading
    if threading.active_count() > 1:
        return False
    gc.collect()
    for obj in gc.get_objects():
        if isinstance(obj, types.CoroutineType) and obj.cr_frame is not None:
            return False
        if isinstance(obj, (types.GeneratorType, types.AsyncGeneratorType)) and (
                getattr(obj, "gi_frame", None) or getattr(obj, "ag_frame", None)):
            return False
        if isinstance(obj, asyncio.Future) and (not obj.done() or obj._log_traceback):
            return False
    return True


def shut_down(code):
    """End a forked twin.  A full interpreter shutdown tears down every
    module, which touches every object the child shares with its parent
    and so copies them page by page: three quarters of a batch's time.
    When nothing is left that would speak at shutdown, atexit handlers
    are all that remains to run; otherwise it is the real shutdown."""
    import atexit
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    if quiet_at_exit():
        os._exit(code)
    sys.exit(code)


def batch(outdir, paths):
    """Each twin in a child of its own; its name is its directory for a
    chapter twin (chapters/06-x/twin.py -> 06-x), else its file name."""
    import gc
    gc.freeze()  # the parent's objects: no child's collection walks them
    for path in paths:
        base = os.path.basename(path)
        name = os.path.basename(os.path.dirname(path)) if base == "twin.py" else base[:-3]
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            out = os.open(os.path.join(outdir, name + ".out"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            err = os.open(os.path.join(outdir, name + ".err"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(out, 1)
            os.dup2(err, 2)
            try:
                run_twin(path)
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            except BaseException:  # noqa: BLE001 - report it as python would
                import traceback
                traceback.print_exc()
                code = 1
            shut_down(code)
        _, status = os.waitpid(pid, 0)
        with open(os.path.join(outdir, name + ".status"), "w", encoding="utf-8") as f:
            f.write(f"{os.waitstatus_to_exitcode(status)}\n")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--batch":
        batch(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 2:
        run_twin(sys.argv[1])
    else:
        print("usage: twin.py CHAPTER/twin.py | twin.py --batch OUTDIR FILE.py...", file=sys.stderr)
        sys.exit(2)


main()
