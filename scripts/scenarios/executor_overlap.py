# run_in_executor() and to_thread(): jobs that block their threads overlap
# in time, each done when its own sleeps are over, in the order they end;
# a job with no sleep at all is done at once.  The loop runs on meanwhile
# (a ticker), and a job can hand the loop a callback with
# call_soon_threadsafe().  Loop times are the twin's: under the virtual
# clock a job's time.sleep() lasts its time without moving the clock.
import asyncio
import time


def job(name, sleeps):
    for seconds in sleeps:
        time.sleep(seconds)
    return name


def telling_job(loop, name):
    time.sleep(0.25)
    loop.call_soon_threadsafe(print, f"{name}: call_soon_threadsafe() from its thread")
    time.sleep(0.25)
    return name


async def awaited(label, awaitable):
    result = await awaitable
    print(f"{label} gave {result!r}")


async def ticker():
    for tick in range(1, 5):
        await asyncio.sleep(0.2)
        print(f"tick {tick}")


async def main():
    loop = asyncio.get_running_loop()
    ticks = asyncio.create_task(ticker())
    slow = loop.run_in_executor(None, job, "slow", [0.3, 0.3])
    print(f"run_in_executor() gives a Future: {isinstance(slow, asyncio.Future)}, done() = {slow.done()}")
    await asyncio.gather(
        awaited("slow", slow),
        awaited("quick", asyncio.to_thread(job, "quick", [0.1])),
        awaited("instant", asyncio.to_thread(job, "instant", [])),
        awaited("middle", loop.run_in_executor(None, job, "middle", [0.2, 0.1])),
        awaited("telling", asyncio.to_thread(telling_job, loop, "telling")),
    )
    await ticks


asyncio.run(main())
