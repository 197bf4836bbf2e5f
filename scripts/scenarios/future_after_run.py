# A Future made with no loop running, after asyncio.run() has returned.
# run() set the event loop as it began, and set it back to None as it
# ended, so get_event_loop() neither finds a loop nor makes one: Future()
# raises RuntimeError, on 3.11 as on 3.12 and 3.13, with no
# DeprecationWarning before it.  Uncaught, it ends the program, status 1.
import asyncio
from asyncio import Future


async def main():
    inside = Future()
    print(f"inside the loop: done = {inside.done()}")


asyncio.run(main())
print("asyncio.run() has returned")
late = Future()
print(f"not reached: done = {late.done()}")
