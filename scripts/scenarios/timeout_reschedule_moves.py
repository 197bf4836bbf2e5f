# reschedule() moves the deadline of an active asyncio.timeout(): later,
# and the block that would have timed out ends in time; earlier, and it
# times out sooner; to None, and it never times out.  when() follows each
# move.  Before the block is entered, and after it is left, reschedule()
# is refused.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    early = asyncio.timeout(1)
    try:
        early.reschedule(2)
    except RuntimeError as error:
        print(f"before enter: RuntimeError: {error}")

    async with early:
        await asyncio.sleep(0.5)
        early.reschedule(early.when() + 1)
        print(f"later: when() = {early.when()}, {early!r}")
        await asyncio.sleep(1)
    print(f"later: ended in time, {early!r}")
    try:
        early.reschedule(None)
    except RuntimeError as error:
        print(f"after exit: RuntimeError: {error}")

    sooner = asyncio.timeout(10)
    try:
        async with sooner:
            sooner.reschedule(loop.time() + 0.25)
            print(f"earlier: when() = {sooner.when()}")
            await asyncio.sleep(5)
    except TimeoutError:
        print(f"earlier: TimeoutError, {sooner!r}")

    never = asyncio.timeout(0.5)
    async with never:
        never.reschedule(None)
        print(f"None: when() = {never.when()}, {never!r}")
        await asyncio.sleep(1)
    print(f"None: ended in time, {never!r}")


asyncio.run(main())
