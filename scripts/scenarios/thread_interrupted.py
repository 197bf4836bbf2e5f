# Ctrl-C while main waits for a job on a thread: main is cancelled at
# once, but a thread cannot be: asyncio.run() waits for the job
# (shutdown_default_executor) before it raises KeyboardInterrupt.  A
# second Ctrl-C meanwhile is KeyboardInterrupt at once, and the program
# still waits for the job (Python's exit joins the executor's threads).
# With no signal, the job just ends.  scripts/threads.bats sends the real
# signals.
import asyncio
import time


def job():
    time.sleep(3)
    print("job: done")
    return "job"


async def main():
    print("main: waiting for a 3 s job on a thread")
    try:
        print(f"main: got {await asyncio.to_thread(job)!r}")
    except asyncio.CancelledError:
        print("main: cancelled; the thread runs on")
        raise


asyncio.run(main())
