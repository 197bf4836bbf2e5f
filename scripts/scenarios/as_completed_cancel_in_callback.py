# A cancel that lands while the callbacks run.  When a finishes, its
# callbacks run in the order they were added: as_completed's first, which
# hands a to the consumer's await and wakes it, then ours, which cancels
# the consumer before it resumes.  Its await raises CancelledError, and a
# stays in the queue: the next await takes it at once, without pausing.
# That was the last of the two: the cancelled one used up b's turn.
# Then a child cancelled before it has run: its own await raises
# CancelledError, and the loop goes on.
import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return name


async def consume(next_done):
    try:
        print(f"consumer: got {await next_done}")
    except asyncio.CancelledError:
        print("consumer: cancelled, with a handed to it")
        raise


async def main():
    a = asyncio.create_task(work("a", 1))
    b = asyncio.create_task(work("b", 2))
    completions = iter(asyncio.as_completed([a, b]))
    consumer = asyncio.create_task(consume(next(completions)))
    a.add_done_callback(lambda _: print(f"callback on a: consumer.cancel() = {consumer.cancel()}"))
    try:
        await consumer
    except asyncio.CancelledError:
        print(f"main: consumer cancelled; a.done() = {a.done()}")
    print(f"main: got {await next(completions)} at once")
    print(f"main: another await: {next(completions, None)}; b gave {await b}")

    c = asyncio.create_task(work("c", 1))
    d = asyncio.create_task(work("d", 2))
    for next_done in asyncio.as_completed([c, d]):
        if not c.done():
            print(f"main: c.cancel() = {c.cancel()}")
        try:
            print(f"main: got {await next_done}")
        except asyncio.CancelledError:
            print(f"main: that await raised CancelledError; c.cancelled() = {c.cancelled()}")


asyncio.run(main())
