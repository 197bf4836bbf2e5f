# asyncio.run() inside a running loop raises RuntimeError; the coroutine
# handed to it is never awaited.
import asyncio


async def nothing():
    return None


async def main():
    try:
        asyncio.run(nothing())
    except RuntimeError as error:
        print(f"main: RuntimeError: {error}")
    print("main: the loop is still running")


asyncio.run(main())
