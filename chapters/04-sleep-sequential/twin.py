# Twin of chapter 04: awaiting one coroutine after another is sequential,
# even when the first one sleeps.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds


async def add_one(number: int) -> int:
    return number + 1


async def hello_world_message() -> str:
    await delay(1)
    return "Hello World!"


async def main() -> None:
    message = await hello_world_message()  # main waits here the whole second
    one_plus_one = await add_one(1)         # and only then gets here
    print(one_plus_one)
    print(message)


if __name__ == "__main__":
    asyncio.run(main())
