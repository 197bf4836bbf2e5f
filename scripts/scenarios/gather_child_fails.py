# A child fails while the others are mid-sleep: gather raises its
# exception at once, and the others sleep on to their ends.  A second
# failure is nobody's: gather marks it retrieved, so nothing reports it.
# cancel() on a gather that is done returns False and cancels nothing.
import asyncio


async def sleeper(name, seconds):
    print(f"{name}: sleeps {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{name}: woke")
    return name


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def main():
    gathering = asyncio.gather(sleeper("a", 2), failer("b", 1), failer("c", 3), sleeper("d", 1))
    try:
        await gathering
    except ValueError as error:
        print(f"main: gather raised {error!r}")
    print(f"main: {gathering!r}")
    print(f"main: cancel() = {gathering.cancel()}")
    await asyncio.sleep(3)
    print("main: the others ran to their ends")


asyncio.run(main())
