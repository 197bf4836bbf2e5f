# loop.add_signal_handler(): a signal the program sends itself wakes the
# loop through its self-pipe; the loop reads the pipe in a callback of its
# own, which queues the handler's callback: it runs two iterations after
# the signal, behind what call_soon() queued.  Adding again replaces the
# callback; remove_signal_handler() says whether there was one.  Then the
# refusals: no such signal (ValueError), SIGKILL and SIGSTOP (RuntimeError).
import asyncio
import os
import signal


def on_usr1(label, future):
    print(f"handler {label}: SIGUSR1")
    if not future.done():
        future.set_result(label)


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "first", got)
    loop.call_soon(print, "call_soon before the signal")
    os.kill(os.getpid(), signal.SIGUSR1)
    loop.call_soon(print, "call_soon after the signal")
    print("main: sent SIGUSR1 to itself")
    await asyncio.sleep(0)
    print("main: one iteration later")
    print(f"main: the handler's callback got {await got!r}")

    again = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "second", again)
    os.kill(os.getpid(), signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(f"main: after two more, the new callback got {await again!r}")
    await asyncio.sleep(0)

    print(f"remove_signal_handler(SIGUSR1) = {loop.remove_signal_handler(signal.SIGUSR1)}")
    print(f"remove_signal_handler(SIGUSR1) = {loop.remove_signal_handler(signal.SIGUSR1)}")
    print(f"SIGUSR1 has its default action again: {signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL}")
    for sig in (0, 32, 65, -1, signal.SIGKILL, signal.SIGSTOP):
        try:
            loop.add_signal_handler(sig, print)
        except (ValueError, RuntimeError) as error:
            print(f"add_signal_handler({sig}): {type(error).__name__}: {error}")
    try:
        loop.remove_signal_handler(65)
    except ValueError as error:
        print(f"remove_signal_handler(65): ValueError: {error}")


asyncio.run(main())
