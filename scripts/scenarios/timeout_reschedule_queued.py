# reschedule() of an asyncio.timeout() whose expiry is already queued: a
# deadline already past queues the expiry with call_soon, and a deadline
# reached moves its timer to the ready queue.  Whatever takes the deadline
# back before that callback runs (reschedule() to later or to None, a
# newer past deadline, leaving the block) cancels it, and it never fires;
# a deadline exactly now is already past; a callback queued behind the
# expiry finds the Timeout expiring, too late to move it.
import asyncio


async def observer(timeout):
    print(f"observer: expired={timeout.expired()}")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()

    # Due now, then moved later before its callback ran: it expires later.
    moved = asyncio.timeout(None)
    try:
        async with moved:
            moved.reschedule(loop.time())
            moved.reschedule(loop.time() + 0.5)
            await asyncio.sleep(0)
            print(f"moved: still active after a yield, expired={moved.expired()}")
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"moved: TimeoutError, {moved!r}")

    # Two past deadlines with a task's first step queued between their
    # callbacks: only the newer one acts, so the task sees no expiry yet.
    twice = asyncio.timeout(None)
    try:
        async with twice:
            twice.reschedule(loop.time() - 1)
            watcher = asyncio.create_task(observer(twice))
            twice.reschedule(loop.time() - 1)
            await asyncio.sleep(0)
            print("twice: not reached")
    except TimeoutError:
        print(f"twice: TimeoutError, expired={twice.expired()}")
    await watcher

    # A deadline exactly now is past: the expiry runs before the task's
    # next step, not one step later.
    now = asyncio.timeout(None)
    try:
        async with now:
            now.reschedule(loop.time())
            await asyncio.sleep(0)
            print("now: not reached")
    except TimeoutError:
        print(f"now: TimeoutError, expired={now.expired()}")

    # A past deadline taken back with reschedule(None): no expiry at all.
    dropped = asyncio.timeout(None)
    async with dropped:
        dropped.reschedule(loop.time() - 1)
        dropped.reschedule(None)
        await asyncio.sleep(0.25)
    print(f"dropped: {dropped!r}, expired={dropped.expired()}")

    # The block ends before its queued expiry runs: leaving it cancels the
    # expiry, so the task's next await is an ordinary one.
    left = asyncio.timeout(None)
    async with left:
        left.reschedule(loop.time() - 1)
    await asyncio.sleep(0)
    print(f"left: {left!r}, expired={left.expired()}, cancelling={task.cancelling()}")

    # The expiry's timer is due and queued when a callback due at the same
    # moment, but armed before it, moves the deadline: the queued timer is
    # skipped.  At the new deadline, a callback armed after the new timer
    # runs after the expiry and is refused.
    timer = asyncio.timeout(None)

    def refused():
        try:
            timer.reschedule(loop.time() + 1)
        except RuntimeError as error:
            print(f"timer: too late: RuntimeError: {error}")

    def move():
        timer.reschedule(loop.time() + 0.25)
        print(f"timer: moved while its expiry was queued: {timer!r}")
        loop.call_later(0.25, refused)

    try:
        async with timer:
            loop.call_later(0.5, move)
            timer.reschedule(loop.time() + 0.5)
            await asyncio.sleep(2)
    except TimeoutError:
        print(f"timer: TimeoutError, {timer!r}")


asyncio.run(main())
