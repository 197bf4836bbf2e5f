# A coroutine awaited to completion is exhausted for good.  Awaiting it
# again, even after a thousand more coroutines and ten Tasks have been
# made and finished since (so that, freed, its memory would long have
# been reused), raises RuntimeError: cannot reuse already awaited
# coroutine.  create_task() of it is accepted: the Task is pending, and
# its first step raises that RuntimeError, which finishes the Task.  And
# asyncio.run() of it, in a new loop, raises the same.  (The C Task cannot
# name a coroutine whose memory was reused in its repr, so neither side
# prints that repr: see common/README.md, "Lifetime".)
import asyncio
import re


def without_source(text):
    # CPython's repr of a coroutine names its source line; ours cannot.
    return re.sub(r" (running|done, defined) at [^ >]*", "", text)


async def nap(label):
    await asyncio.sleep(0.5)
    return label


async def nothing(i):
    return i


async def main():
    global first
    first = nap("first")
    print(f"main: {await first!r}")
    total = 0
    for i in range(1000):
        total += await nothing(i)
    for i in range(10):
        total += await asyncio.create_task(nothing(i))
    await asyncio.sleep(0.5)
    print(f"main: 1010 more coroutines gave {total}")
    try:
        await first
    except RuntimeError as error:
        print(f"main: await again: {type(error).__name__}: {error}")
    task = asyncio.create_task(first)
    print(f"main: the Task is done: {task.done()}")
    await asyncio.sleep(0)
    print(f"main: the Task is done: {task.done()}")
    try:
        await task
    except RuntimeError as error:
        print(f"main: await the task: {type(error).__name__}: {error}")


async def name():
    print(f"third run: main is {asyncio.current_task().get_name()}")


asyncio.run(main())
try:
    asyncio.run(first)
except RuntimeError as error:
    print(f"asyncio.run(first): {type(error).__name__}: {error}")
asyncio.run(name())
