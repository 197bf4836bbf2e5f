# A chain of coroutines inside one task is cancelled at its deepest
# await; every level runs its cleanup, innermost first, each with an
# await of its own.
import asyncio


async def level(n):
    try:
        if n == 3:
            await asyncio.sleep(10)
        else:
            await level(n + 1)
    finally:
        print(f"level {n} cleans up")
        await asyncio.sleep(0.1)
        print(f"level {n} is clean")


async def main():
    task = asyncio.create_task(level(1))
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the whole chain was cancelled")


asyncio.run(main())
