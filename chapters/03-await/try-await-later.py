# Experiment for chapter 03: make both coroutine objects first, then await
# them in the opposite order.  Which add_one body runs first?
import asyncio


async def add_one(number: int) -> int:
    print(f"add_one({number}) is running")  # try: say when the body runs
    return number + 1


async def main() -> None:
    first = add_one(1)  # try: make both coroutine objects up front...
    second = add_one(2)
    two_plus_one = await second  # try: ...and await the second one first
    one_plus_one = await first
    print(one_plus_one)
    print(two_plus_one)


if __name__ == "__main__":
    asyncio.run(main())
