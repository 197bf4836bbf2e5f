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
Timers due at the same moment run in the order they were created.  CPython orders its timer heap by deadline alone; in real time
two call_later() calls practically never get the same deadline, because the
clock moves between them.  A frozen clock makes such ties common, and the
creation order is what real time would have given.
"""
import asyncio
import builtins
import heapq
import itertools
import os
import select
import selectors
import sys
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
    """Polls without waiting; a wait becomes a jump of the loop's clock."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        events = super().select(0)
        if events or timeout == 0:
            return events
        if timeout is None:
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
