# The gather is cancelled while one child swallows its cancellation: it
# cleans up for half a second and returns a value.  Without
# return_exceptions, the child that did take the cancel ends the gather
# at once, with CancelledError.  With it, gather waits for both, and then
# raises CancelledError anyway, since a cancel was asked for, although no
# child ended cancelled in the second round.
import asyncio


async def stubborn(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{name}: caught the cancel, cleaning up")
        await asyncio.sleep(0.5)
        print(f"{name}: returns anyway")
        return f"{name} kept going"
    return name


async def meek(name):
    await asyncio.sleep(5)
    return name


async def try_to_cancel(gathering):
    await asyncio.sleep(1)
    print(f"main: cancel() = {gathering.cancel()}")
    try:
        print(f"main: got {await gathering}")
    except asyncio.CancelledError:
        print(f"main: gather raised CancelledError at {asyncio.get_running_loop().time():.1f}")


async def main():
    s = asyncio.create_task(stubborn("s"))
    await try_to_cancel(asyncio.gather(s, meek("m")))
    await s
    print(f"main: s gave {s.result()!r}")
    await try_to_cancel(asyncio.gather(stubborn("t"), stubborn("u"), return_exceptions=True))


asyncio.run(main())
