# Twin of chapter 04: awaiting one coroutine after another is sequential,
# even when the first one sleeps.
import asyncio


async def delay(seconds: int) -> int:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def add_one(number: int) -> int:
    return number + 1


async def hello_world_message() -> str:
    await delay(1)
    return "Hello World!"


async def main() -> None:
    greeting = await hello_world_message()  # main waits here the whole second
    total = await add_one(1)                # and only then gets here
    print(total)
    print(greeting)


if __name__ == "__main__":
    asyncio.run(main())
