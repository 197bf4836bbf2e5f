# Experiment for chapter 04: hello_world_message as a task, awaited last.
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
    message_task = asyncio.create_task(hello_world_message())  # try: a task, not an await
    one_plus_one = await add_one(1)
    print(one_plus_one)
    message = await message_task  # try: awaited only now
    print(message)


if __name__ == "__main__":
    asyncio.run(main())
