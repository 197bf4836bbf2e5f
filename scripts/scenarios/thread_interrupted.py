# Ctrl-C while main waits for a job on a thread: main is cancelled at
# once, but a job that has started cannot be (one still queued would be,
# as concurrent.futures cancels it: hence the job's first line, which
# scripts/threads.bats waits for before it sends the signal).
# asyncio.run() waits for the job (shutdown_default_executor) before it
# raises KeyboardInterrupt.  A second Ctrl-C meanwhile is
# KeyboardInterrupt at once, and the program still waits for the job
# (Python's exit joins the executor's threads).  With no signal, the job
# just ends.
import asyncio
import time


def job():
    print("job: started")
    time.sleep(1)
    print("job: done")
    return "job"


async def main():
    print("main: waiting for a 1 s job on a thread")
    try:
        print(f"main: got {await asyncio.to_thread(job)!r}")
    except asyncio.CancelledError:
        print("main: cancelled; the thread runs on")
        raise


asyncio.run(main())
