# A Future finished with an exception: awaiting it raises that exception,
# and exception() returns it.
import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_exception(ValueError("bad input"))
    print(f"done = {future.done()}, cancelled = {future.cancelled()}")
    try:
        await future
    except ValueError as error:
        print(f"await raised {type(error).__name__}: {error}")
    print(f"exception() = {future.exception()!r}")
    print(f"repr: {future!r}")


asyncio.run(main())
