# remove_done_callback() takes every registration of a callback off the
# list and says how many; the rest still run, one iteration later.
import asyncio


def make(label):
    return lambda future: print(f"callback {label}")


async def main():
    future = asyncio.get_running_loop().create_future()
    keep, drop = make("keep"), make("drop")
    future.add_done_callback(drop)
    future.add_done_callback(keep)
    future.add_done_callback(drop)
    print(f"removed: {future.remove_done_callback(drop)}")
    print(f"removed again: {future.remove_done_callback(drop)}")
    future.set_result(None)
    print("result set")
    await asyncio.sleep(0)
    print("after one iteration")


asyncio.run(main())
