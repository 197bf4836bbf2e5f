# Twin of chapter 03: each await runs a coroutine to its end before the
# next line of main runs.
import asyncio


async def add_one(number: int) -> int:
    return number + 1


async def main() -> None:
    one_plus_one = await add_one(1)
    two_plus_one = await add_one(2)  # only once add_one(1) has returned
    print(one_plus_one)
    print(two_plus_one)


if __name__ == "__main__":
    asyncio.run(main())
