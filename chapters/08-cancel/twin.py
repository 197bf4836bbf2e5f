# Twin of chapter 08: cancel() is only a request, delivered at the task's
# next await; done() turns True one loop lap later.
import asyncio
import itertools


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    slow = asyncio.create_task(delay(10))
    for second in itertools.count(1):
        if slow.done():
            break
        print("Task not finished, checking again in a second.")
        await asyncio.sleep(1)
        if second == 5:
            slow.cancel()  # a request: slow.done() is still False right after
    try:
        await slow
    except asyncio.CancelledError:
        print("Our task was cancelled.")


if __name__ == "__main__":
    asyncio.run(main())
