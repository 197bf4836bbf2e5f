# Two children fail in the same loop iteration: the first one's done
# callback aborts the group, the second is collected all the same, and a
# third fails while it is being cancelled.  The ExceptionGroup holds the
# three, in the order they failed; except* takes each kind apart.
import asyncio


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def cleaner(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, raises TypeError in its clean-up")
        raise TypeError(name)


async def main():
    group = asyncio.TaskGroup()
    try:
        async with group:
            group.create_task(cleaner("c"))
            group.create_task(failer("a", 1))
            group.create_task(failer("b", 1))
            await asyncio.sleep(5)
    except* ValueError as caught:
        for error in caught.exceptions:
            print(f"main: except* ValueError: {error!r}")
    except* TypeError as caught:
        for error in caught.exceptions:
            print(f"main: except* TypeError: {error!r}")
    print(f"main: {group!r}")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(failer("d", 1))
            group.create_task(failer("e", 1))
    except ExceptionGroup as caught:
        print(f"main: {caught!r}")
        print(f"main: {caught}")


asyncio.run(main())
