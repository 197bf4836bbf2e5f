# A Queue made before any loop runs is bound to the first loop it waits
# in, and its Event (what join() waits on) to the first loop that waits on
# it.  In a second asyncio.run(), the _nowait forms and task_done() still
# work, but waiting raises RuntimeError: bound to a different event loop.
import asyncio
import re

queue = asyncio.Queue()


def masked(error):
    return re.sub(r"0x[0-9a-f]+", "0x...", str(error))


async def drain():
    item = await queue.get()
    await asyncio.sleep(1)
    queue.task_done()
    print(f"drain: done with {item!r}")


async def first():
    task = asyncio.create_task(drain())
    await asyncio.sleep(0)
    queue.put_nowait("x")
    await queue.join()
    print(f"first: joined, {queue}")
    await task


async def second():
    queue.put_nowait("y")
    print(f"second: get_nowait() = {queue.get_nowait()!r}, {queue}")
    try:
        await queue.get()
    except RuntimeError as error:
        print(f"second: get() raised RuntimeError: {masked(error)}")
    try:
        await queue.join()
    except RuntimeError as error:
        print(f"second: join() raised RuntimeError: {masked(error)}")
    queue.task_done()
    await queue.join()
    print(f"second: joined, {queue}")


asyncio.run(first())
asyncio.run(second())
