# A task that cancels itself keeps running until an await that yields.
import asyncio


async def selfish():
    print(f"cancel myself: {asyncio.current_task().cancel()}")
    print("still running after cancel()")
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)
    print(f"awaiting a done Future gives {await done}, and no CancelledError")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("CancelledError at the first await that gives up control")
        raise


async def main():
    task = asyncio.create_task(selfish())
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: task cancelled = {task.cancelled()}")


asyncio.run(main())
