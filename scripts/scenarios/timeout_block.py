# asyncio.timeout() around a block: at the deadline the task is cancelled
# and the block's CancelledError leaves it as TimeoutError.  A block that
# ends in time leaves it "finished"; reschedule() moves the deadline of
# an active one and is refused once it has expired; a deadline already
# past fires on the next loop iteration, at the block's next yield.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    timeout = asyncio.timeout(0.5)
    try:
        async with timeout:
            print(f"inside: {timeout!r}")
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("block: CancelledError")
                raise
    except TimeoutError:
        print(f"TimeoutError: expired={timeout.expired()} {timeout!r} cancelling={task.cancelling()}")

    in_time = asyncio.timeout(1)
    async with in_time:
        await asyncio.sleep(0.25)
    print(f"in time: expired={in_time.expired()} {in_time!r}")

    moved = asyncio.timeout(None)
    try:
        async with moved:
            print(f"no deadline: {moved!r} when={moved.when()}")
            moved.reschedule(loop.time() + 0.25)
            print(f"rescheduled: {moved!r}")
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"TimeoutError: {moved!r}")
    try:
        moved.reschedule(None)
    except RuntimeError as error:
        print(f"reschedule after: RuntimeError: {error}")

    past = asyncio.timeout(-1)
    try:
        async with past:
            print("past deadline: the block starts")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"past deadline: TimeoutError, expired={past.expired()}")


asyncio.run(main())
