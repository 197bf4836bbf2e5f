# Ctrl-C during asyncio.run(): main is cancelled, its clean-up runs, and
# run() ends with KeyboardInterrupt.  With no signal, main just finishes.
# scripts/sigint.bats sends the real signal.
import asyncio


async def main():
    print("main: sleeping 10 s")
    try:
        await asyncio.sleep(10)
        print("main: woke up")
    finally:
        print("main: clean-up in finally")


asyncio.run(main())
