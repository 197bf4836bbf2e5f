"""Benchmark 3, scale, on CPython: TASKS tasks each sleep SECONDS (1) at
once.  Prints wall seconds from the first create_task to the last task
done, and the peak resident set of the process, in KiB (peak.py).
    usage: scale.py [TASKS [SECONDS]]"""
import asyncio
import sys
import time

from peak import peak_rss_kib


async def napper(seconds):
    await asyncio.sleep(seconds)


async def main(tasks, seconds):
    start = time.monotonic()
    running = [asyncio.create_task(napper(seconds)) for _ in range(tasks)]
    for task in running:
        await task
    return time.monotonic() - start


if __name__ == "__main__":
    tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    nap = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    seconds = asyncio.run(main(tasks, nap))
    print(f"{seconds:.3f} {peak_rss_kib()}")
