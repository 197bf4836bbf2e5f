"""Benchmark 2, timers, on CPython: the same plan as timers.c.  Prints
median, p99 and max lateness in microseconds, on the loop's clock.
    usage: timers.py [TASKS SPAN]"""
import asyncio
import sys

state = 20240302


def next_uniform():
    global state
    state = (state * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
    return state / (1 << 48)


async def sleeper(index, planned, lateness):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(planned)
    lateness[index] = loop.time() - (start + planned)


async def main(tasks, span):
    lateness = [0.0] * tasks
    running = [asyncio.create_task(sleeper(i, next_uniform() * span, lateness)) for i in range(tasks)]
    for task in running:
        await task
    return sorted(lateness)


if __name__ == "__main__":
    tasks, span = (int(sys.argv[1]), float(sys.argv[2])) if len(sys.argv) > 2 else (10000, 2.0)
    late = asyncio.run(main(tasks, span))
    print(f"{late[tasks // 2] * 1e6:.1f} {late[tasks * 99 // 100] * 1e6:.1f} {late[-1] * 1e6:.1f}")
