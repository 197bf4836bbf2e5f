# Experiment for chapter 08: delay catches its CancelledError and returns.
import asyncio
from asyncio import CancelledError


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    try:  # try: catch the cancellation inside the task...
        await asyncio.sleep(delay_seconds)
    except CancelledError:
        print("delay caught CancelledError and returns 0")
        return 0  # try: ...and return normally
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    long_task = asyncio.create_task(delay(10))
    seconds_elapsed = 0

    while not long_task.done():
        print("Task not finished, checking again in a second.")
        await asyncio.sleep(1)
        seconds_elapsed += 1
        if seconds_elapsed == 5:
            long_task.cancel()

    try:
        result = await long_task  # try: keep what it returns
    except CancelledError:
        print("Our task was cancelled.")
    else:  # try: report a normal ending too
        print(f"Our task returned {result}; cancelled? {long_task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
