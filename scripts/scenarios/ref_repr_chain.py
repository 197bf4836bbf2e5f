# A Task's repr shows what it waits for, and when that is a Task, that
# Task's repr in turn: a chain of tasks nests all the way down.  CPython
# has no limit of its own but its recursion limit; the C side stops at 240
# objects deep.
import asyncio
import re


def without_source(text):
    # CPython's repr of a coroutine names its source line; ours cannot.
    # Nor does ours list a Future's done callbacks.
    return re.sub(r" cb=\[[^]]*\]", "", re.sub(r" (running|done, defined) at [^ >]*", "", text))


async def link(depth, fut):
    if depth == 1:
        await fut
    else:
        await asyncio.create_task(link(depth - 1, fut))


async def chain(depth):
    fut = asyncio.get_running_loop().create_future()
    top = asyncio.create_task(link(depth, fut))
    for _ in range(depth + 1):
        await asyncio.sleep(0)
    text = without_source(repr(top))
    if depth < 5:
        print(text)
    else:
        print(f"{depth} tasks: {len(text)} characters, {text.count('<Task ')} Tasks "
              f"and {text.count('<Future pending>')} Future in full, {text.count('...')} elided")
    fut.cancel()
    try:
        await top
    except asyncio.CancelledError:
        pass


async def main():
    for depth in (3, 64, 239):
        await chain(depth)


asyncio.run(main())
