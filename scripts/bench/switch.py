"""Benchmark 1, switches, on CPython: TASKS tasks each await sleep(0)
ROUNDS times.  Prints the seconds the loop took, on its own clock.
    usage: switch.py [TASKS ROUNDS]"""
import asyncio
import sys


async def spinner(rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)


async def main(tasks, rounds):
    loop = asyncio.get_running_loop()
    start = loop.time()
    running = [asyncio.create_task(spinner(rounds)) for _ in range(tasks)]
    for task in running:
        await task
    return loop.time() - start


if __name__ == "__main__":
    tasks, rounds = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (1000, 1000)
    print(f"{asyncio.run(main(tasks, rounds)):.6f}")
