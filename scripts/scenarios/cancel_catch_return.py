# A task that catches its cancellation, cleans up with a further await,
# and returns a value: it is not cancelled.
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: caught CancelledError, cleaning up")
        await asyncio.sleep(0.5)
        print("worker: cleaned up, returning 'partial'")
        return "partial"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    result = await task
    print(f"main: result {result!r}, cancelled = {task.cancelled()}")


asyncio.run(main())
