# set_exception() takes a CancelledError like any other exception: the
# Future is done but not cancelled, and whoever awaits it gets that
# CancelledError, without being cancelled itself.  set_exception(None) is
# refused with TypeError.  A Future cancelled by someone else wakes its
# waiter with CancelledError too, again without cancelling the waiter.
import asyncio


async def waiter(future):
    try:
        await future
    except asyncio.CancelledError as error:
        task = asyncio.current_task()
        print(f"waiter: {type(error).__name__}, cancelling() = {task.cancelling()}")
    return "waiter went on"


async def main():
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0)
    print(f"set_exception gives {future.set_exception(asyncio.CancelledError())}")
    print(f"done = {future.done()}, cancelled = {future.cancelled()}")
    print(f"repr: {future!r}")
    print(f"task: {await task}")
    try:
        future.result()
    except asyncio.CancelledError as error:
        print(f"result() raises {type(error).__name__}")
    other = asyncio.get_running_loop().create_future()
    try:
        other.set_exception(None)
    except TypeError as error:
        print(f"set_exception(None): {type(error).__name__}: {error}")
    task = asyncio.create_task(waiter(other))
    await asyncio.sleep(0)
    other.cancel()
    print(f"task: {await task}")


asyncio.run(main())
