# Twin of chapter 07: main keeps printing while two tasks sleep.
import asyncio


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def hello_every_second():
    for _ in range(2):
        await asyncio.sleep(1)
        print("I'm running other code while I'm waiting!")


async def main():
    sleepers = [asyncio.create_task(delay(3)) for _ in range(2)]
    await hello_every_second()
    for task in sleepers:
        await task


if __name__ == "__main__":
    asyncio.run(main())
