# A Future set by a timer at the deadline itself, armed before the
# timeout's: both are due in the same iteration, and set_result() runs
# first.  That only schedules the Future's callbacks, _on_completion
# among them, and the timeout runs before it: _on_timeout() finds the
# Future still in todo, puts a None for it and empties todo, and
# _on_completion() then finds todo empty ("_on_timeout() was here first")
# and does nothing.  The await raises TimeoutError, though the Future is
# done with its result.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done_at_one = loop.create_future()
    never = loop.create_future()
    loop.call_later(1, done_at_one.set_result, "in time?")
    for aw in asyncio.as_completed([done_at_one, never], timeout=1):
        try:
            print(f"got {await aw!r}")
        except TimeoutError:
            print("TimeoutError")
    print(f"done_at_one.done() = {done_at_one.done()}, its result {done_at_one.result()!r}")


asyncio.run(main())
