# gather is cancelled after one child has finished: cancel() reaches only
# the child still running, and is True.  gather then raises
# CancelledError, yet it is finished, not cancelled; the finished child
# keeps its result.  With return_exceptions=True it raises CancelledError
# all the same: a cancel asked for is a cancel delivered.
import asyncio


async def work(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: done")
    return name


async def one_round(return_exceptions):
    a = asyncio.create_task(work("a", 1))
    b = asyncio.create_task(work("b", 3))
    gathering = asyncio.gather(a, b, return_exceptions=return_exceptions)
    await asyncio.sleep(2)
    print(f"main: cancel() = {gathering.cancel()}")
    try:
        print(f"main: got {await gathering}")
    except asyncio.CancelledError:
        print(f"main: gather raised CancelledError; cancelled() = {gathering.cancelled()}")
    print(f"main: {gathering!r}")
    print(f"main: a.result() = {a.result()!r}, b.cancelled() = {b.cancelled()}")


async def main():
    await one_round(False)
    await one_round(True)


asyncio.run(main())
