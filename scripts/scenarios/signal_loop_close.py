# add_signal_handler(SIGINT) takes Ctrl-C from asyncio.run(): a SIGINT then
# runs the callback, and main is not cancelled.  Closing the loop removes
# every handler left: after run(), SIGINT has Python's default handler
# again and SIGTERM its default action.  Outside a running loop there is
# no loop to add a handler to.
import asyncio
import os
import signal


def on_signal(name, future):
    print(f"callback: {name}")
    if not future.done():
        future.set_result(name)


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGINT, on_signal, "SIGINT", got)
    loop.add_signal_handler(signal.SIGTERM, on_signal, "SIGTERM", got)
    os.kill(os.getpid(), signal.SIGINT)
    print(f"main: got {await got}, and goes on")
    await asyncio.sleep(1)
    print(f"main: not cancelled: {not asyncio.current_task().cancelled()}")


signal.signal(signal.SIGINT, signal.default_int_handler)  # as Python starts
asyncio.run(main())
print(f"after run: SIGINT has Python's default handler: {signal.getsignal(signal.SIGINT) is signal.default_int_handler}")
print(f"after run: SIGTERM has its default action: {signal.getsignal(signal.SIGTERM) == signal.SIG_DFL}")
try:
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, print)
except RuntimeError as error:
    print(f"add_signal_handler() with no loop: RuntimeError: {error}")
