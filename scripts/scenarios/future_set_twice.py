# Setting a Future that is already done raises InvalidStateError, with
# CPython's message; cancel() on a done Future returns False.
import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_result(1)
    for label, call in (("set_result", lambda: future.set_result(2)),
                        ("set_exception", lambda: future.set_exception(ValueError()))):
        try:
            call()
        except asyncio.InvalidStateError as error:
            print(f"{label} again: {type(error).__name__}: {error}")
    print(f"cancel() on a done Future: {future.cancel()}")
    print(f"still {future!r}")
    gone = asyncio.get_running_loop().create_future()
    print(f"cancel() a pending one: {gone.cancel()}, twice: {gone.cancel()}")
    try:
        gone.set_result(3)
    except asyncio.InvalidStateError as error:
        print(f"set_result on a cancelled one: {error}")


asyncio.run(main())
