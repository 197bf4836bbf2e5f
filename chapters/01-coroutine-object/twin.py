# Twin of chapter 01: calling an `async def` function runs none of its body.


async def coroutine_add_one(number: int) -> int:
    return number + 1


def add_one(number: int) -> int:
    return number + 1


function_result = add_one(1)
coroutine_result = coroutine_add_one(1)  # a coroutine object; nothing ran

print(f"Function result is {function_result} and the type is {type(function_result)}")
print(f"Coroutine result is {coroutine_result} and the type is {type(coroutine_result)}")
# Left unawaited on purpose: Python warns about it at exit.
