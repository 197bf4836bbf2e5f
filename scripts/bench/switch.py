"""Benchmark 1, switches, on CPython: TASKS tasks each await sleep(0)
ROUNDS times.  Prints the seconds that took, on time.monotonic() (asyncio's
loop clock; uvloop's loop.time() counts whole milliseconds), and the peak
resident set of the process, in KiB (peak.py).  With --uvloop, the same
program on uvloop's event loop.
    usage: switch.py [--uvloop] [TASKS ROUNDS]"""
import asyncio
import sys
import time

from peak import peak_rss_kib


async def spinner(rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)


async def main(tasks, rounds):
    start = time.monotonic()
    running = [asyncio.create_task(spinner(rounds)) for _ in range(tasks)]
    for task in running:
        await task
    return time.monotonic() - start


def run(coroutine, use_uvloop):
    if not use_uvloop:
        return asyncio.run(coroutine)
    import uvloop

    if not hasattr(asyncio, "Runner"):  # before 3.11
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


if __name__ == "__main__":
    args = sys.argv[1:]
    use_uvloop = args[:1] == ["--uvloop"]
    if use_uvloop:
        args = args[1:]
    tasks, rounds = (int(args[0]), int(args[1])) if len(args) > 1 else (1000, 1000)
    seconds = run(main(tasks, rounds), use_uvloop)
    print(f"{seconds:.6f} {peak_rss_kib()}")
