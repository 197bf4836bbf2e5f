# Twin of chapter 01: calling an `async def` function runs none of its body.


async def coroutine_add_one(number: int) -> int:
    return number + 1


def add_one(number: int) -> int:
    return number + 1


plain = add_one(1)
made = coroutine_add_one(1)  # a coroutine object; nothing ran

for label, value in (("Function", plain), ("Coroutine", made)):
    print(f"{label} result is {value} and the type is {type(value)}")
# Left unawaited on purpose: Python warns about it at exit.
