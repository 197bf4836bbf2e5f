# Twin of chapter 02: asyncio.run drives one coroutine to its end.
import asyncio


async def coroutine_add_one(number: int) -> int:
    return number + 1


if __name__ == "__main__":
    result = asyncio.run(coroutine_add_one(1))  # a new loop, run, closed
    print(result)
