# wait_for gets the result before the timeout: it returns it, the task
# is not cancelled, and its timer is cancelled, so the loop does not run
# on to the timeout.
import asyncio


async def fetch(seconds, value):
    await asyncio.sleep(seconds)
    return value


async def main():
    print(f"coroutine: {await asyncio.wait_for(fetch(0.5, 'fast'), timeout=1)!r}")
    task = asyncio.create_task(fetch(0.25, 7))
    print(f"task: {await asyncio.wait_for(task, timeout=1)!r}, cancelled = {task.cancelled()}")
    print(f"already done: {await asyncio.wait_for(task, timeout=1)!r}")
    print(f"no timeout: {await asyncio.wait_for(fetch(2, 'slow'), timeout=None)!r}")


asyncio.run(main())
