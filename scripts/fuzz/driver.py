"""Run scenario scripts (see gen.py) on CPython's asyncio, printing what
happens with its loop time.  Reads the scripts from stdin; driver.c does
the same on the C loop, and the two outputs must be identical.

    python3 scripts/twin.py scripts/fuzz/driver.py < scripts.txt

(scripts/twin.py supplies the virtual clock.)
"""
import asyncio
import sys


def parse(text):
    """Yield (seed, futures, queues, tasks): queues their maxsizes, tasks
    [(policy, [op, ...])]."""
    seed = futures = None
    queues, tasks = [], []
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == "seed":
            seed, futures, queues, tasks = int(words[1]), 0, [], []
        elif words[0] == "futures":
            futures = int(words[1])
        elif words[0] == "queues":
            queues = [int(w) for w in words[1:]]
        elif words[0] == "task":
            tasks.append((words[2], []))
        elif words[0] == "end":
            yield seed, futures, queues, tasks
        else:
            tasks[-1][1].append(words)


def outcome(awaited_value):
    return f"ok {awaited_value!r}"


def describe(error):
    """An exception as the log shows it: its class, and its message if any."""
    message = str(error)
    return type(error).__name__ + (f" {message}" if message else "")


def seconds(word):
    return None if word == "none" else float(word)


RETURN_WHEN = {"all": asyncio.ALL_COMPLETED, "first": asyncio.FIRST_COMPLETED,
               "exception": asyncio.FIRST_EXCEPTION}


class Run:
    """One script's objects, and how its words name them."""

    def __init__(self, loop, log, futures, queues):
        self.loop, self.log = loop, log
        self.tasks = []
        self.futures = [loop.create_future() for _ in range(futures)]
        self.queues = [asyncio.Queue(maxsize) for maxsize in queues]

    def item(self, word):
        if word[0] == "t":
            return self.tasks[int(word[1:])]
        if word[0] == "f":
            return self.futures[int(word[1:])]
        return asyncio.sleep(float(word[1:]))


async def settle(awaitable):
    """await it: "ok VALUE", or a child's ValueError as text; the
    cancellations and timeouts of the awaiting task go on up."""
    try:
        return outcome(await awaitable)
    except ValueError as error:
        return describe(error)


async def child(word, run):
    """A coroutine for a TaskGroup: sD, xD or aN (see gen.py)."""
    if word[0] == "a":
        return await run.tasks[int(word[1:])]
    await asyncio.sleep(float(word[1:]))
    if word[0] == "x":
        raise ValueError(word)


async def run_group(words, run):
    """group D C... [within D]"""
    within = None
    if "within" in words:
        words, within = words[:words.index("within")], float(words[-1])
    made = []

    async def block():
        async with asyncio.TaskGroup() as group:
            for word in words[1:]:
                made.append(group.create_task(child(word, run)))
            await asyncio.sleep(float(words[0]))

    try:
        if within is None:
            await block()
        else:
            async with asyncio.timeout(within):
                await block()
    except ExceptionGroup as error:
        return f"{describe(error)} [{', '.join(repr(e) for e in error.exceptions)}]"
    return "ok [" + ", ".join("cancelled" if t.cancelled() else repr(t.result()) for t in made) + "]"


async def run_queue_op(op, queue):
    kind = op[0]
    if kind == "put":
        return outcome(await asyncio.wait_for(queue.put(int(op[2])), float(op[3])))
    if kind == "get":
        return outcome(await asyncio.wait_for(queue.get(), float(op[2])))
    if kind == "join":
        return outcome(await asyncio.wait_for(queue.join(), float(op[2])))
    try:
        if kind == "put_nowait":
            queue.put_nowait(int(op[2]))
        elif kind == "get_nowait":
            return outcome(queue.get_nowait())
        else:
            queue.task_done()
    except (asyncio.QueueFull, asyncio.QueueEmpty, ValueError) as error:
        return describe(error)
    return "ok"


async def run_op(me, op, run):
    """One operation; returns the text after the colon."""
    kind, loop = op[0], run.loop
    if kind == "sleep":
        await asyncio.sleep(float(op[1]))
        return "ok"
    if kind == "cancel":
        return str(run.tasks[int(op[1][1:])].cancel())
    if kind == "set":
        try:
            run.futures[int(op[1][1:])].set_result(int(op[2]))
        except asyncio.InvalidStateError:
            return "InvalidStateError"
        return "ok"
    if kind == "cancel_future":
        return str(run.futures[int(op[1][1:])].cancel())
    if kind == "group":
        return await run_group(op[1:], run)
    if kind in ("put", "get", "join", "put_nowait", "get_nowait", "task_done"):
        return await run_queue_op(op, run.queues[int(op[1][1:])])
    if kind == "wait_future":
        return outcome(await asyncio.wait_for(run.item(op[1]), float(op[2])))
    if kind in ("gather", "gather_rx"):
        words, within = op[1:], None
        if "within" in words:
            words, within = words[:words.index("within")], float(words[-1])
        gathering = asyncio.gather(*[run.item(w) for w in words], return_exceptions=kind == "gather_rx")
        if within is None:
            return outcome(await gathering)
        async with asyncio.timeout(within):
            return outcome(await gathering)
    if kind == "as_completed":
        # CPython adds its callbacks in the order of a set, and those of
        # Futures done already run in that order: pass only the first of them.
        given = [run.item(w) for w in op[2:]]
        done = [f for f in given if asyncio.isfuture(f) and f.done()]
        given = [f for f in given if f not in done or f is done[0]]
        for i, next_done in enumerate(asyncio.as_completed(given, timeout=seconds(op[1]))):
            try:
                text = outcome(await next_done)
            except Exception as error:
                text = describe(error)
            run.log(f"t{me} {' '.join(op)} #{i}: {text}")
        return "done"
    if kind == "wait":
        words = op[3:]
        done, pending = await asyncio.wait([run.item(w) for w in words], timeout=seconds(op[2]),
                                           return_when=RETURN_WHEN[op[1]])
        names = [w for i, w in enumerate(words) if w not in words[:i]]
        listed = [" ".join(w for w in names if run.item(w) in part) for part in (done, pending)]
        return f"done [{listed[0]}] pending [{listed[1]}]"
    # The rest await one task, tN.
    task = run.tasks[int(op[1][1:])]
    if kind == "await":
        return outcome(await task)
    if kind == "wait_for":
        return outcome(await asyncio.wait_for(task, float(op[2])))
    if kind == "shield":
        return outcome(await asyncio.wait_for(asyncio.shield(task), float(op[2])))
    if kind == "timeout":
        async with asyncio.timeout(float(op[2])):
            return outcome(await task)
    if kind == "timeout_at":
        async with asyncio.timeout_at(loop.time() + float(op[2])):
            return outcome(await task)
    if kind == "reschedule":
        async with asyncio.timeout(seconds(op[2])) as cm:
            await asyncio.sleep(float(op[3]))
            later = seconds(op[4])
            cm.reschedule(None if later is None else loop.time() + later)
            return outcome(await task)
    if kind == "nested":
        first = second = "-"
        outer, inner = asyncio.timeout(float(op[2])), asyncio.timeout(float(op[3]))
        try:
            async with outer:
                try:
                    async with inner:
                        first = await settle(task)
                except TimeoutError:
                    first = "TimeoutError"
                second = await settle(task)
        except TimeoutError:
            second = "TimeoutError"
        return f"{first}; {second}; expired {inner.expired()} {outer.expired()}"
    raise ValueError(f"unknown operation {kind}")


async def task_body(me, policy, ops, run):
    log = run.log
    for op in ops:
        if op[0] == "raise":
            log(f"t{me} raises ValueError t{me}")
            raise ValueError(f"t{me}")
        try:
            text = await run_op(me, op, run)
        except asyncio.CancelledError:
            log(f"t{me} {' '.join(op)}: CancelledError")
            if policy == "stop":
                log(f"t{me} stops")
                raise
            continue
        except Exception as error:
            text = describe(error)
        log(f"t{me} {' '.join(op)}: {text}")
    log(f"t{me} returns {me}")
    return me


async def main(futures_count, queues, plan):
    loop = asyncio.get_running_loop()
    start = loop.time()

    def log(text):
        print(f"{loop.time() - start:.3f} {text}")

    run = Run(loop, log, futures_count, queues)
    for i, (policy, ops) in enumerate(plan):
        run.tasks.append(asyncio.create_task(task_body(i, policy, ops, run)))
    for i, task in enumerate(run.tasks):
        try:
            log(f"main t{i}: {outcome(await task)}")
        except asyncio.CancelledError:
            log(f"main t{i}: CancelledError")
        except Exception as error:
            log(f"main t{i}: {describe(error)}")
    for j, future in enumerate(run.futures):
        if future.cancelled():
            log(f"f{j}: cancelled")
        elif future.done():
            log(f"f{j}: result {future.result()}")
        else:
            log(f"f{j}: pending")
    for j, queue in enumerate(run.queues):
        log(f"q{j}: {queue}")


# Each seed's header goes to stderr too: run.sh compares stderr seed by
# seed.  (A warning that waits for the cycle collector, such as one about
# an exception never retrieved, may come under a later seed's header.
# Collecting after each seed would place it, but costs ten times the run.)
for seed, futures_count, queues, plan in parse(sys.stdin.read()):
    print(f"== seed {seed}")
    print(f"== seed {seed}", file=sys.stderr, flush=True)
    asyncio.run(main(futures_count, queues, plan))
    sys.stdout.flush()
