# The block catches the CancelledError that its deadline sent.  If it
# then ends normally, asyncio.timeout() raises nothing: the block simply
# ends, expired() is True, and the cancel request has been taken back.  If
# it cleans up with an await and re-raises, TimeoutError comes once the
# clean-up is done.  If it raises another exception instead, that one
# leaves the block as it is.
import asyncio


async def main():
    task = asyncio.current_task()

    quiet = asyncio.timeout(1)
    async with quiet:
        try:
            await asyncio.sleep(2)
        except asyncio.CancelledError:
            print(f"swallowed: caught CancelledError, cancelling={task.cancelling()}")
    print(f"swallowed: no TimeoutError, expired() = {quiet.expired()}, {quiet!r}, "
          f"cancelling={task.cancelling()}")
    await asyncio.sleep(0.5)
    print("swallowed: the next await is an ordinary one")

    tidy = asyncio.timeout(1)
    try:
        async with tidy:
            try:
                await asyncio.sleep(2)
            except asyncio.CancelledError:
                print("clean-up: caught CancelledError, cleaning up for 0.5 s")
                await asyncio.sleep(0.5)
                raise
    except TimeoutError:
        print(f"clean-up: TimeoutError after the clean-up, {tidy!r}")

    other = asyncio.timeout(1)
    try:
        async with other:
            try:
                await asyncio.sleep(2)
            except asyncio.CancelledError:
                raise ValueError("replaced")
    except ValueError as error:
        print(f"replaced: {error!r} left the block, expired() = {other.expired()}, "
              f"cancelling={task.cancelling()}")


asyncio.run(main())
