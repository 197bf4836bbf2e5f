# Cancelling what waits for a thread does not stop the thread: a job
# cannot be interrupted.  wait_for() times out on to_thread() at 0.5 s,
# and a run_in_executor() Future cancelled at once stays cancelled; both
# jobs run to their ends, their results dropped, and asyncio.run() waits
# for them before it returns (shutdown_default_executor()).
import asyncio
import time

ended = {"waited for": False, "cancelled": False}


def job(name, seconds):
    time.sleep(seconds)
    ended[name] = True
    return name


def report():
    return ", ".join(f"{name} ended: {done}" for name, done in ended.items())


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(asyncio.to_thread(job, "waited for", 2), timeout=0.5)
    except TimeoutError:
        print(f"wait_for() timed out; the thread runs on: {report()}")
    future = loop.run_in_executor(None, job, "cancelled", 1)
    print(f"cancel() = {future.cancel()}, cancelled() = {future.cancelled()}")
    try:
        await future
    except asyncio.CancelledError:
        print("await raised CancelledError")
    await asyncio.sleep(1)
    print(f"1 s later: cancelled() = {future.cancelled()}, {report()}")
    print("main returns")


asyncio.run(main())
print(f"after run: {report()}")
