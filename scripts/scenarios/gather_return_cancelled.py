# A child is cancelled (not the gather).  With return_exceptions=True its
# place in the list holds a new CancelledError(''), and the others go on.
# Without it, gather raises CancelledError as soon as that child is done,
# while the others go on; gather is finished, not cancelled.
import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def main():
    victim = asyncio.create_task(work("victim", 5))
    gathering = asyncio.gather(work("a", 1), victim, return_exceptions=True)
    await asyncio.sleep(0.5)
    victim.cancel()
    results = await gathering
    print(f"main: got {results}")
    for i, item in enumerate(results):
        print(f"main: results[{i}] is {type(item).__name__}: {item!r}")
    print(f"main: {gathering!r}")

    victim = asyncio.create_task(work("victim", 5))
    other = asyncio.create_task(work("b", 1))
    gathering = asyncio.gather(victim, other)
    await asyncio.sleep(0.5)
    victim.cancel()
    try:
        await gathering
    except asyncio.CancelledError:
        print(f"main: gather raised CancelledError; cancelled() = {gathering.cancelled()}, "
              f"b done = {other.done()}")
    print(f"main: b gave {await other!r}")


asyncio.run(main())
