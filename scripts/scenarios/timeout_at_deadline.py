# asyncio.timeout_at(when) takes a loop time, not a delay: a block from
# 0.5 s with a deadline at 1 s gets half a second.  Its repr rounds when
# to the millisecond.  timeout_at(None) never expires; a deadline already
# past expires at the block's first pause, even one that would return at
# once (sleep(0)).  A Timeout can be entered once only.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.5)

    at_one = asyncio.timeout_at(1.0)
    try:
        async with at_one:
            print(f"at 1 s: when() = {at_one.when()}, {at_one!r}")
            await asyncio.sleep(2)
    except TimeoutError:
        print("at 1 s: TimeoutError")
    try:
        async with at_one:
            pass
    except RuntimeError as error:
        print(f"entered again: RuntimeError: {error}")

    odd = asyncio.timeout_at(loop.time() + 1.23456)
    async with odd:
        print(f"rounded: {odd!r}, when() = {odd.when()}")
    print(f"rounded: {odd!r}")

    unbounded = asyncio.timeout_at(None)
    async with unbounded:
        await asyncio.sleep(3)
    print(f"None: {unbounded!r} after 3 s")

    past = asyncio.timeout_at(loop.time() - 5)
    try:
        async with past:
            print(f"past: inside, {past!r}, expired() = {past.expired()}")
            await asyncio.sleep(0)
            print("past: not reached")
    except TimeoutError:
        print(f"past: TimeoutError, expired() = {past.expired()}")


asyncio.run(main())
