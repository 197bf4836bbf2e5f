# A child fails while the others are mid-sleep: the group cancels the
# one still asleep and the body, waits for them, and raises the failure
# in an ExceptionGroup.  A child that finished first keeps its result.
import asyncio


async def sleeper(name, seconds):
    print(f"{name}: sleeps {seconds} s")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: woke")
    return name


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def main():
    me = asyncio.current_task()
    group = asyncio.TaskGroup()
    try:
        async with group:
            a = group.create_task(sleeper("a", 3))
            b = group.create_task(failer("b", 2))
            d = group.create_task(sleeper("d", 1))
            print(f"main: {group!r}")
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"main: the body is cancelled: {group!r}, cancelling() = {me.cancelling()}")
                raise
            print("main: never printed")
    except* ValueError as caught:
        print(f"main: caught {caught!r}")
    print(f"main: {group!r}, cancelling() = {me.cancelling()}")
    print(f"main: a.cancelled() = {a.cancelled()}, d.result() = {d.result()!r}, b.exception() = {b.exception()!r}")
    await asyncio.sleep(1)
    print("main: goes on")


asyncio.run(main())
