# create_task() is refused on a group not entered, shutting down (a child
# has failed) or finished, with the group's repr in the message; a group
# is entered once only.  A child may add a sibling while the parent
# waits in exit.  The refused coroutine is left as it was, and can still
# be awaited, before 3.13; 3.13 closes it.
import asyncio


async def job(name):
    await asyncio.sleep(1)
    print(f"{name}: done")
    return name


async def failer(name):
    await asyncio.sleep(1)
    print(f"{name}: raises")
    raise ValueError(name)


async def adder(group):
    await asyncio.sleep(1)
    await group.create_task(job("added"))
    print(f"adder: its sibling ran: {group!r}")


async def refused(group):
    coro = job("refused")
    try:
        group.create_task(coro)
    except RuntimeError as error:
        print(f"main: RuntimeError: {error}")
    try:
        print(f"main: awaiting the refused coroutine gives {await coro!r}")
    except RuntimeError as error:
        print(f"main: awaiting the refused coroutine: RuntimeError: {error}")


async def main():
    group = asyncio.TaskGroup()
    await refused(group)
    async with group:
        try:
            async with group:
                pass
        except RuntimeError as error:
            print(f"main: RuntimeError: {error}")
        group.create_task(adder(group))
    print(f"main: the group waited for both: {group!r}")
    await refused(group)

    group = asyncio.TaskGroup()
    try:
        async with group:
            group.create_task(failer("f"))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                await refused(group)
                raise
    except* ValueError as caught:
        print(f"main: {caught!r}")


asyncio.run(main())
