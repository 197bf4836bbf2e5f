# main returns while four tasks still sleep: run() cancels them all and
# waits.  Each answers the cancel its own way; only the two that end with
# an exception other than CancelledError are reported, each by name.
# CPython cancels them in no defined order, so they print nothing here.
import asyncio


async def sleeper(name, answer):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        if answer == "ValueError":
            raise ValueError(name)
        if answer == "TimeoutError":
            raise TimeoutError(name)
        if answer == "a return":
            return name
        raise


async def main():
    asyncio.create_task(sleeper("a", "ValueError"))
    asyncio.create_task(sleeper("b", "CancelledError"))
    asyncio.create_task(sleeper("c", "a return"))
    asyncio.create_task(sleeper("d", "TimeoutError"))
    await asyncio.sleep(0.5)
    print("main: returns with four tasks asleep")


asyncio.run(main())
