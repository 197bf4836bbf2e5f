# Two tasks of an await cycle die suspended, as in life_await_cycle: A
# awaits B, B awaits A, and asyncio.run()'s clean-up, cancelling A, hits
# RecursionError and leaves both pending.  Nothing refers to them then
# but each other, so they go only when the garbage collector finds the
# cycle: at interpreter exit, unless the program collects sooner.  This
# twin collects right after run(), so that it happens at one place, and
# runs with the collector off until then, so that it finds the objects in
# the order they were made (each collection before would reorder them).
# In that order, each coroutine before its Task: closing a coroutine
# raises GeneratorExit at the await where it is suspended, and its
# clean-up runs; then its Task is reported, "Task was destroyed but it is
# pending!".  A lets GeneratorExit go.  B catches it and awaits again:
# its close() fails, "coroutine ignored GeneratorExit", reported as an
# exception ignored, and its finally clause never runs.
import asyncio
import gc

gc.disable()  # collect only where this program says: below, after run()


async def polite(other):
    print("A awaits the other task")
    try:
        await other[0]
    except BaseException as error:
        print(f"A: {type(error).__name__} at its await")
        raise
    finally:
        print("A: finally")


async def stubborn(other):
    print("B awaits the other task")
    try:
        await other[0]
    except GeneratorExit:
        print("B: GeneratorExit at its await, and awaits again")
        await asyncio.sleep(0)
        print("B: goes on after the await")
    finally:
        print("B: finally")


async def main():
    b_box = []
    a = asyncio.create_task(polite(b_box))
    b = asyncio.create_task(stubborn([a]))
    b_box.append(b)
    await asyncio.sleep(1)
    print("main returns")


try:
    asyncio.run(main())
except RecursionError as error:
    outcome = f"asyncio.run raised RecursionError: {error}"
# The RecursionError's traceback held the tasks (run()'s list of them);
# with it gone, only the cycle does: collect it now.
gc.collect()
print(outcome)
print("after run")
