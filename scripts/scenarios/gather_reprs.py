# The repr of a gather's Future shows its list as reprlib does: six items
# at most, a long str cut to 30 characters, and a long exception cut to
# 30 the same way; print() shows the list whole.  Exceptions in the list
# show as repr() shows them, with or without a message.
import asyncio


async def give(value):
    return value


async def fail(message):
    if message is None:
        raise ValueError
    raise ValueError(message)


async def main():
    many = asyncio.gather(*(give(i) for i in range(8)))
    await many
    print(many)
    print(await many)

    long_text = "a fairly long string, longer than thirty characters"
    mixed = asyncio.gather(give(long_text), give(1.5), give(None), fail("it's a long message, longer than thirty"),
                           fail(None), fail(""), return_exceptions=True)
    results = await mixed
    print(mixed)
    print(results)


asyncio.run(main())
