# Twin of chapter 05: create_task schedules; the task starts at main's await.
import asyncio


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    task = asyncio.create_task(delay(3))
    print(type(task))  # printed before delay() says anything
    print(await task)


if __name__ == "__main__":
    asyncio.run(main())
