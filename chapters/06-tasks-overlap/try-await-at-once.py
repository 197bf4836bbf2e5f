# Experiment for chapter 06: await each task right after creating it.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    sleep_for_three = asyncio.create_task(delay(3))
    await sleep_for_three  # try: awaited before the next task exists
    sleep_again = asyncio.create_task(delay(3))
    await sleep_again  # try
    sleep_once_more = asyncio.create_task(delay(3))
    await sleep_once_more  # try


if __name__ == "__main__":
    asyncio.run(main())
