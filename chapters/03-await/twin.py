# Twin of chapter 03: each await runs a coroutine to its end before the
# next line of main runs.
import asyncio


async def add_one(number: int) -> int:
    return number + 1


async def main() -> None:
    first = await add_one(1)
    second = await add_one(2)
    for value in (first, second):
        print(value)


if __name__ == "__main__":
    asyncio.run(main())
