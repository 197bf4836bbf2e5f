# A task catches its own cancellation, then awaits a Future that main
# cancels: that second CancelledError comes from the Future, and the task
# has still had only one cancel request.
import asyncio


async def worker(fut):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: caught its own cancellation")
    try:
        await fut
    except asyncio.CancelledError:
        print("worker: the Future it awaited was cancelled")
        return "done"


async def main():
    fut = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(worker(fut))
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.sleep(1)
    fut.cancel()
    result = await task
    print(f"main: result {result!r}, cancelled = {task.cancelled()}, cancelling = {task.cancelling()}")


asyncio.run(main())
