# Once asyncio.run() has returned, Ctrl-C is no longer the loop's: run()
# gives SIGINT back the handler it found, and a SIGINT during a plain
# time.sleep() after it ends the program, status 130.  With no signal,
# the sleep just ends.  scripts/sigint.bats sends the real signal.
import asyncio
import signal
import time


async def main():
    print("main: done")


before = signal.getsignal(signal.SIGINT)
asyncio.run(main())
print(f"after run: SIGINT has the handler it had before: {signal.getsignal(signal.SIGINT) is before}")
print("after run: sleeping 10 s")
time.sleep(10)
print("after run: woke up")
