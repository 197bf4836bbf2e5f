# Experiment for chapter 02: a second asyncio.run after the first one has
# closed its loop.
import asyncio


async def coroutine_add_one(number: int) -> int:
    return number + 1


if __name__ == "__main__":
    result = asyncio.run(coroutine_add_one(1))  # a new loop, run, closed
    result = asyncio.run(coroutine_add_one(result))  # try: run again, on the first result
    print(result)
