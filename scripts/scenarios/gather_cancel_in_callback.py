# A cancel that lands while gather's own done callbacks run.  Both
# children finish in one step of the loop; their callbacks run in the
# next, in the order they were added: gather's on each child first, then
# ours.  Round 1: our callback on a cancels the gather after b is done but
# before gather's callback for b has run: nothing is left to cancel, so
# cancel() is False and the list arrives.  Round 2: our callback on b runs
# after gather has its list, and cancels the task awaiting it, which has
# not woken yet: that task gets CancelledError, and the list is lost to it.
import asyncio


async def work(name):
    await asyncio.sleep(1)
    print(f"{name}: done")
    return name


async def waiter(gathering):
    try:
        print(f"waiter: got {await gathering}")
    except asyncio.CancelledError:
        print("waiter: cancelled, though the gather had its list")
        raise


async def main():
    a = asyncio.create_task(work("a"))
    b = asyncio.create_task(work("b"))
    gathering = asyncio.gather(a, b)
    a.add_done_callback(lambda _: print(f"callback on a: cancel() = {gathering.cancel()}"))
    print(f"main: got {await gathering}")

    a = asyncio.create_task(work("a"))
    b = asyncio.create_task(work("b"))
    gathering = asyncio.gather(a, b)
    task = asyncio.create_task(waiter(gathering))
    b.add_done_callback(lambda _: print(f"callback on b: gather done = {gathering.done()}, "
                                        f"waiter.cancel() = {task.cancel()}"))
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: waiter cancelled; the gather holds {gathering.result()}")


asyncio.run(main())
