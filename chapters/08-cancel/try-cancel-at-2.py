# Experiment for chapter 08: cancel after 2 s instead of 5.
import asyncio
from asyncio import CancelledError


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    long_task = asyncio.create_task(delay(10))
    seconds_elapsed = 0

    while not long_task.done():
        print("Task not finished, checking again in a second.")
        await asyncio.sleep(1)
        seconds_elapsed += 1
        if seconds_elapsed == 2:  # try: 2 instead of 5
            long_task.cancel()  # a request: long_task.done() is still False right after

    try:
        await long_task
    except CancelledError:
        print("Our task was cancelled.")


if __name__ == "__main__":
    asyncio.run(main())
