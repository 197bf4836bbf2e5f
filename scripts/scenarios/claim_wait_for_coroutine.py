# Claim C42 (post 2-5): wait_for returns a coroutine to await.  In 3.11 it
# is a coroutine function: calling it starts nothing, so its timeout is
# counted from the moment it is awaited, not from the call.
import asyncio


async def delay(seconds):
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    task = asyncio.create_task(delay(2))
    waiter = asyncio.wait_for(task, timeout=1)
    print(f"wait_for(task, timeout=1) gave {type(waiter)}")
    await asyncio.sleep(0.5)
    print("main awaits the wait_for coroutine")
    try:
        await waiter
    except TimeoutError:
        print(f"Got a timeout! Was the task cancelled? {task.cancelled()}")


asyncio.run(main())
