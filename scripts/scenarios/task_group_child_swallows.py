# A child swallows its cancellation: the group waits until it has really
# finished, a second later, and keeps its result; the ExceptionGroup holds
# only the failure.  Meanwhile the child reads its parent's cancelling():
# 3.11 and 3.12 take the group's cancel back as soon as exit begins, 3.13
# only once every child is done.  A child that fails while the parent
# waits in exit leaves that cancel behind on 3.11 and 3.12.
import asyncio


async def swallower(parent):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"swallower: swallows its cancel; parent's cancelling() = {parent.cancelling()}")
    await asyncio.sleep(1)
    print(f"swallower: returns 42; parent's cancelling() = {parent.cancelling()}")
    return 42


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as group:
            kept = group.create_task(swallower(me))
            group.create_task(failer("a", 1))
            await asyncio.sleep(5)
    except* ValueError as caught:
        print(f"main: {caught!r}")
    print(f"main: swallower's result() = {kept.result()}, cancelled() = {kept.cancelled()}")
    print(f"main: cancelling() = {me.cancelling()}")

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(failer("b", 1))
            group.create_task(swallower(me))
    except* ValueError as caught:
        print(f"main: {caught!r}")
    print(f"main: cancelling() = {me.cancelling()}")


asyncio.run(main())
