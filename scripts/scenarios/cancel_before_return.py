# cancel() after the task's last await: it returns a value, yet ends up
# cancelled.
import asyncio


async def returns_at_once():
    await asyncio.sleep(0)
    asyncio.current_task().cancel()
    print("asked to be cancelled; returning 42 with no further await")
    return 42


async def main():
    task = asyncio.create_task(returns_at_once())
    try:
        print(f"result: {await task}")
    except asyncio.CancelledError:
        print(f"main: cancelled = {task.cancelled()}, although it returned")


asyncio.run(main())
