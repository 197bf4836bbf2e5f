# main returns while a task is still sleeping: asyncio.run cancels it
# and lets its cleanup, await included, finish before closing the loop.
import asyncio


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background: cancelled by asyncio.run, cleaning up")
        await asyncio.sleep(0.5)
        print("background: cleanup finished")
        raise


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main: returning with a task still pending")


asyncio.run(main())
print("after asyncio.run")
