# TaskGroups in TaskGroups.  An inner group in the body fails: it cancels
# only its own children and the body, and its ExceptionGroup, raised in
# the outer body, aborts the outer group: a group in the group.  An inner
# group in a child task fails the same way, through that child.  A body
# that catches the inner group's error with except* goes on, and the
# outer group never hears of it.
import asyncio


async def sleeper(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: woke")


async def failer(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: raises")
    raise ValueError(name)


async def inner_group(name):
    async with asyncio.TaskGroup() as inner:
        inner.create_task(failer(name, 1))
        inner.create_task(sleeper(name + "'s sibling", 5))


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sleeper("outer child", 5))
            await inner_group("in the body")
    except ExceptionGroup as caught:
        print(f"main: {caught!r}")
        print(f"main: exceptions[0] is {type(caught.exceptions[0]).__name__}, its exceptions[0] {caught.exceptions[0].exceptions[0]!r}")

    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sleeper("outer child", 5))
            outer.create_task(inner_group("in a child"))
            await asyncio.sleep(5)
    except ExceptionGroup as caught:
        print(f"main: {caught!r}")

    async with asyncio.TaskGroup() as outer:
        outer.create_task(sleeper("outer child", 2))
        try:
            await inner_group("caught")
        except* ValueError as caught:
            print(f"main: the body caught {caught!r}")
        print(f"main: the body goes on: {outer!r}")
    print("main: the outer group ended well")


asyncio.run(main())
