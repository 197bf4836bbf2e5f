# Ctrl-C twice: the first cancels main, whose clean-up takes a while; the
# second ends the program at once, by SIGINT, without waiting for that
# clean-up, as asyncio.run()'s handler does.  With no signal, main just
# finishes.  scripts/sigint.bats sends the real signals.
import asyncio


async def main():
    print("main: sleeping 10 s")
    try:
        await asyncio.sleep(10)
    finally:
        print("main: clean-up, 10 s more")
        await asyncio.sleep(10)
        print("main: clean-up done")


asyncio.run(main())
