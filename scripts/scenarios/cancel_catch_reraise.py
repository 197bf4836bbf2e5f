# A task that catches its cancellation, cleans up with a further await,
# and re-raises: it ends cancelled, after its cleanup.
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: caught CancelledError, cleaning up")
        await asyncio.sleep(0.5)
        print("worker: cleaned up, re-raising")
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: cancelled = {task.cancelled()}")


asyncio.run(main())
