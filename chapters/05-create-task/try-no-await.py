# Experiment for chapter 05: main never awaits the task; it sleeps instead.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    sleep_for_three = asyncio.create_task(delay(3))
    print(type(sleep_for_three))
    await asyncio.sleep(4)  # try: no await on the task; does it still run?


if __name__ == "__main__":
    asyncio.run(main())
