# Twin of chapter 06: three tasks of 3 s each finish together after 3 s.
import asyncio


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    tasks = [asyncio.create_task(delay(3)) for _ in range(3)]
    for task in tasks:
        await task


if __name__ == "__main__":
    asyncio.run(main())
