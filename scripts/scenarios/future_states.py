# result() and exception() in each of a Future's states.
import asyncio


def show(label, call):
    try:
        print(f"{label}: {call()!r}")
    except Exception as error:  # noqa: BLE001 - printing whatever it raised
        print(f"{label}: raises {type(error).__name__}: {error}")
    except asyncio.CancelledError as error:
        print(f"{label}: raises {type(error).__name__}: {error}")


async def main():
    loop = asyncio.get_running_loop()
    pending = loop.create_future()
    cancelled = loop.create_future()
    cancelled.cancel()
    finished = loop.create_future()
    finished.set_result(5)
    failed = loop.create_future()
    failed.set_exception(ValueError("x"))
    for name, future in (("pending", pending), ("cancelled", cancelled),
                         ("finished", finished), ("failed", failed)):
        show(f"{name}.result()", future.result)
        show(f"{name}.exception()", future.exception)


asyncio.run(main())
