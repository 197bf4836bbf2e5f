# task_done() counts against put(), not get(): once more than there were
# items put, it raises ValueError('task_done() called too many times'),
# in main or in the task that calls it; before the get() it is accepted.
import asyncio


async def twice(queue):
    item = await queue.get()
    queue.task_done()
    print(f"twice: got {item!r}, one task_done(), {queue}")
    queue.task_done()


async def main():
    queue = asyncio.Queue()
    try:
        queue.task_done()
    except ValueError as error:
        print(f"task_done() raised {error!r}")
    queue.put_nowait("a")
    queue.task_done()
    print(f"task_done() before get() is accepted: {queue}")
    print(f"get_nowait() = {queue.get_nowait()!r}")
    try:
        queue.task_done()
    except ValueError as error:
        print(f"task_done() raised {error!r}")
    queue.put_nowait("b")
    try:
        await asyncio.create_task(twice(queue))
    except ValueError as error:
        print(f"the task raised {error!r}, {queue}")


asyncio.run(main())
