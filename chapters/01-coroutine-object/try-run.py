# Experiment for chapter 01: the same coroutine object, run after all.
import asyncio  # try: needed for asyncio.run


async def coroutine_add_one(number: int) -> int:
    return number + 1


def add_one(number: int) -> int:
    return number + 1


function_result = add_one(1)
coroutine_result = coroutine_add_one(1)  # a coroutine object; nothing ran

print(f"Function result is {function_result} and the type is {type(function_result)}")
print(f"Coroutine result is {coroutine_result} and the type is {type(coroutine_result)}")
print(asyncio.run(coroutine_result))  # try: run it after all; is there still a warning?
