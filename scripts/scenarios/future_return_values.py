# What the methods that change a Future return when they succeed, and
# when they do nothing: set_result() and set_exception() return None;
# cancel() says whether it cancelled; remove_done_callback() counts.
import asyncio


def noted(future):
    pass


async def main():
    loop = asyncio.get_running_loop()
    failed = loop.create_future()
    print(f"set_exception() returned {failed.set_exception(ValueError('bad'))!r}")
    print(f"then cancel() returned {failed.cancel()!r}, exception() = {failed.exception()!r}")
    finished = loop.create_future()
    print(f"set_result() returned {finished.set_result(7)!r}, result() = {finished.result()!r}")
    pending = loop.create_future()
    pending.add_done_callback(noted)
    pending.add_done_callback(noted)
    print(f"remove_done_callback() returned {pending.remove_done_callback(noted)!r}, "
          f"then {pending.remove_done_callback(noted)!r}")
    print(f"cancel() returned {pending.cancel()!r}, then {pending.cancel()!r}")
    task = asyncio.create_task(asyncio.sleep(1))
    print(f"Task.cancel() returned {task.cancel()!r}")
    try:
        await task
    except asyncio.CancelledError:
        print(f"and on the cancelled task {task.cancel()!r}")


asyncio.run(main())
