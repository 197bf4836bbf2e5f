# Twin of chapter 18: asyncio.timeout() puts one deadline around a block
# of awaits; at the deadline the task is cancelled, and the block's
# CancelledError leaves it as TimeoutError.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    try:
        async with asyncio.timeout(1) as deadline:
            print(f"deadline: {deadline!r}")
            await delay(2)
    except TimeoutError:
        print(f"Got a timeout! expired() = {deadline.expired()}, {deadline!r}")

    async with asyncio.timeout(3) as deadline:
        total = await delay(1)
        total += await delay(1)
    print(f"in time: {total}, expired() = {deadline.expired()}, {deadline!r}")

    delay_task = asyncio.create_task(delay(2))
    try:
        async with asyncio.timeout(1):
            await delay_task
    except TimeoutError:
        print("Got a timeout!")
        print(f"Was the task cancelled? {delay_task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
