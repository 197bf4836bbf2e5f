# Enormous delays keep their order: 2e9 s comes before 3e9 s, whether the
# sleep or wait_for's timeout has the shorter one, and three sleepers of
# 3e9, 2e9 and 1e9 s (plus a millisecond) wake shortest first.  Loop time
# ends near 7e9 s, still within what 64-bit nanoseconds hold.
import asyncio


async def nap(seconds, label):
    await asyncio.sleep(seconds)
    print(f"{label} woke")
    return label


async def main():
    # Past 2**24 s, a double's step is coarser than the 1 ns resolution
    # _run_once() adds to time(); on the twin's virtual clock, which stands
    # still, a due timer would then never count as due.  (In real time the
    # clock moves on, so CPython itself is fine.)  A millisecond is what
    # AIO_STAMP prints, and these deadlines are all far apart.
    asyncio.get_running_loop()._clock_resolution = 1e-3
    result = await asyncio.wait_for(nap(2e9, "2e9 sleeper"), 3e9)
    print(f"wait_for(sleep 2e9, timeout 3e9) returned {result!r}")
    try:
        await asyncio.wait_for(nap(3e9, "3e9 sleeper"), 2e9)
    except asyncio.TimeoutError:
        print("wait_for(sleep 3e9, timeout 2e9) timed out")
    tasks = [asyncio.create_task(nap(s, f"{s:g} s task")) for s in (3e9, 2e9, 1e9 + 0.001)]
    for task in tasks:
        await task
    print("main done")


asyncio.run(main())
