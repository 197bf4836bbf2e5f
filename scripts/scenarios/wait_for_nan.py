# wait_for() with a NaN timeout.  NaN <= 0 is false, so it is not the
# timeout=0 path: the timer is armed for loop.time() + NaN, and since no
# other timer is pending, the loop finds it due on its next look, and the
# awaitable is cancelled: TimeoutError, at once.  3.11 runs a coroutine
# in a Task of its own, 3.12 and 3.13 in the waiting task (the ticks
# show the loop iterations).  A Task is cancelled.  A Future already
# done gives its result.  (3.13's loop, if nothing else were ready when
# it came to wait on that timer, would pass the NaN to select() and die
# with ValueError: the ticker keeps it busy.)
import asyncio


async def work(name):
    print(f"{name}: starts")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    return name


async def ticker():
    for tick in range(4):
        print(f"tick {tick}")
        await asyncio.sleep(0)


async def main():
    nan = float("nan")
    ticking = asyncio.create_task(ticker())
    try:
        await asyncio.wait_for(work("coroutine"), nan)
    except TimeoutError:
        print("coroutine: TimeoutError")
    await ticking

    ticking = asyncio.create_task(ticker())
    task = asyncio.create_task(work("task"))
    try:
        await asyncio.wait_for(task, nan)
    except TimeoutError:
        print(f"task: TimeoutError, cancelled() = {task.cancelled()}")
    await ticking

    done = asyncio.get_running_loop().create_future()
    done.set_result(5)
    print(f"a done Future: {await asyncio.wait_for(done, nan)}")


asyncio.run(main())
