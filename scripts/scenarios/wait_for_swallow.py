# The inner coroutine swallows the cancellation and returns a value:
# wait_for returns that value instead of raising TimeoutError.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: swallowing the cancellation")
        return "kept going"


async def main():
    result = await asyncio.wait_for(stubborn(), timeout=1)
    print(f"main: no TimeoutError, got {result!r}")


asyncio.run(main())
