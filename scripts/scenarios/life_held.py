# Three ways a done Future outlives the coroutine that made it: returned
# to its caller; held as another Future's result; kept in a global and
# returned by another coroutine in the same loop iteration.  Each is read a
# loop iteration later, after the sweep (common/README.md, "Lifetime"):
# in CPython the references keep them, and so does our rule.
import asyncio


async def made_and_returned():
    loop = asyncio.get_running_loop()
    others = [loop.create_future() for _ in range(3)]  # not the first made
    done = loop.create_future()
    done.set_result("made and returned")
    for other in others:
        other.cancel()
    return done


async def held_as_result(holder):
    loop = asyncio.get_running_loop()
    others = [loop.create_future() for _ in range(3)]
    inner = loop.create_future()
    inner.set_result("held as another's result")
    for other in others:
        other.cancel()
    holder.set_result(inner)


kept = None


async def make_and_keep():
    global kept
    kept = asyncio.get_running_loop().create_future()
    kept.set_result("kept, then returned")


async def hand_back():
    return kept


async def main():
    loop = asyncio.get_running_loop()
    returned = await made_and_returned()
    await asyncio.sleep(0)
    print(f"a loop iteration later: {returned.result()!r}")
    holder = loop.create_future()
    await held_as_result(holder)
    await asyncio.sleep(0)
    print(f"a loop iteration later: {holder.result().result()!r}")
    await make_and_keep()
    got = await hand_back()
    await asyncio.sleep(0)
    print(f"a loop iteration later: {got.result()!r}")


asyncio.run(main())
