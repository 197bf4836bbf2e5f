# Twin of chapter 05: create_task schedules; the task starts at main's await.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def main():
    sleep_for_three = asyncio.create_task(delay(3))
    print(type(sleep_for_three))  # printed before delay() says anything
    result = await sleep_for_three
    print(result)


if __name__ == "__main__":
    asyncio.run(main())
