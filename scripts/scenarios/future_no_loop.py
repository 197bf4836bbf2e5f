# Futures made while no loop runs, before asyncio.run(): from 3.12 the
# first one warns that there is no current event loop, and only the
# first (get_event_loop() then makes a loop, so the second finds one).
# 3.11 says nothing.
import asyncio
from asyncio import Future

first = Future()
second = Future()
first.set_result(1)
print(f"first done = {first.done()}, second done = {second.done()}")


async def main():
    inside = Future()
    print(f"inside the loop: done = {inside.done()}")


asyncio.run(main())
