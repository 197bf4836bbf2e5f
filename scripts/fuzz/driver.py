"""Run scenario scripts (see gen.py) on CPython's asyncio, printing what
happens with its loop time.  Reads the scripts from stdin; driver.c does
the same on the C loop, and the two outputs must be identical.

    python3 scripts/twin.py scripts/fuzz/driver.py < scripts.txt

(scripts/twin.py supplies the virtual clock.)
"""
import asyncio
import sys


def parse(text):
    """Yield (seed, futures, tasks), tasks being [(policy, [op, ...])]."""
    seed = futures = None
    tasks = []
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == "seed":
            seed, futures, tasks = int(words[1]), 0, []
        elif words[0] == "futures":
            futures = int(words[1])
        elif words[0] == "task":
            tasks.append((words[2], []))
        elif words[0] == "end":
            yield seed, futures, tasks
        else:
            tasks[-1][1].append(words)


def outcome(awaited_value):
    return f"ok {awaited_value!r}"


async def run_op(me, op, tasks, futures):
    """One operation; returns the text after the colon."""
    kind = op[0]
    if kind == "sleep":
        await asyncio.sleep(float(op[1]))
        return "ok"
    if kind == "cancel":
        return str(tasks[int(op[1][1:])].cancel())
    if kind == "await":
        return outcome(await tasks[int(op[1][1:])])
    if kind == "wait_for":
        return outcome(await asyncio.wait_for(tasks[int(op[1][1:])], float(op[2])))
    if kind == "shield":
        return outcome(await asyncio.wait_for(asyncio.shield(tasks[int(op[1][1:])]), float(op[2])))
    if kind == "timeout":
        async with asyncio.timeout(float(op[2])):
            return outcome(await tasks[int(op[1][1:])])
    if kind == "set":
        futures[int(op[1][1:])].set_result(int(op[2]))
        return "ok"
    if kind == "wait_future":
        return outcome(await asyncio.wait_for(futures[int(op[1][1:])], float(op[2])))
    if kind == "cancel_future":
        return str(futures[int(op[1][1:])].cancel())
    raise ValueError(f"unknown operation {kind}")


async def task_body(me, policy, ops, tasks, futures, log):
    for op in ops:
        try:
            text = await run_op(me, op, tasks, futures)
        except asyncio.CancelledError:
            log(f"t{me} {' '.join(op)}: CancelledError")
            if policy == "stop":
                log(f"t{me} stops")
                raise
            continue
        except (asyncio.TimeoutError, asyncio.InvalidStateError) as error:
            text = type(error).__name__
        log(f"t{me} {' '.join(op)}: {text}")
    log(f"t{me} returns {me}")
    return me


async def main(futures_count, plan):
    loop = asyncio.get_running_loop()
    start = loop.time()

    def log(text):
        print(f"{loop.time() - start:.3f} {text}")

    futures = [loop.create_future() for _ in range(futures_count)]
    tasks = []
    for i, (policy, ops) in enumerate(plan):
        tasks.append(asyncio.create_task(task_body(i, policy, ops, tasks, futures, log)))
    for i, task in enumerate(tasks):
        try:
            log(f"main t{i}: {outcome(await task)}")
        except asyncio.CancelledError:
            log(f"main t{i}: CancelledError")
    for j, future in enumerate(futures):
        if future.cancelled():
            log(f"f{j}: cancelled")
        elif future.done():
            log(f"f{j}: result {future.result()}")
        else:
            log(f"f{j}: pending")


for seed, futures_count, plan in parse(sys.stdin.read()):
    print(f"== seed {seed}")
    asyncio.run(main(futures_count, plan))
