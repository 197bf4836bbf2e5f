"""Write random scenario scripts for the differential test.

    python3 scripts/fuzz/gen.py FIRST COUNT

prints COUNT scripts, for seeds FIRST .. FIRST+COUNT-1.  A script is a few
lines: the Futures to make, the Queues (their maxsize; the line only
when there are some), then each task with its policy on
cancellation (stop: let CancelledError end the task; continue: note it and
go on) and its operations, one per line:

    seed 7
    futures 1
    queues 2
    task t0 continue
    sleep 0.3
    gather_rx t2 s0.2 within 0.3
    cancel t2
    task t1 stop
    wait first 0.4 f0 t2
    set f0 5
    task t2 stop
    put q0 7 0.1
    raise
    end

The operations, D a duration in seconds, none for no timeout:

    sleep D              await asyncio.sleep(D)
    cancel tN            tN.cancel()
    await tN             await tN
    wait_for tN D        await asyncio.wait_for(tN, D)
    shield tN D          await asyncio.wait_for(asyncio.shield(tN), D)
    timeout tN D         async with asyncio.timeout(D): await tN
    timeout_at tN D      async with asyncio.timeout_at(loop.time() + D): await tN
    reschedule tN D S E  async with asyncio.timeout(D) as cm: await asyncio.sleep(S);
                         cm.reschedule(loop.time() + E); await tN   (D, E may be none)
    nested tN D E        async with asyncio.timeout(D): (async with asyncio.timeout(E):
                         await tN, its TimeoutError caught), then await tN again
    set fN V             fN.set_result(V)
    wait_future fN D     await asyncio.wait_for(fN, D)
    cancel_future fN     fN.cancel()
    gather X...          await asyncio.gather(X...)
    gather_rx X...       the same, return_exceptions=True
        either ending "within D": async with asyncio.timeout(D) around it
    as_completed D X...  for next in asyncio.as_completed([X...], timeout=D): await next
    wait M D X...        await asyncio.wait([X...], timeout=D, return_when=M), M one
                         of all, first, exception (ALL_COMPLETED, FIRST_COMPLETED,
                         FIRST_EXCEPTION)
    group D C...         async with asyncio.TaskGroup() as g: g.create_task(C)...; then
                         asyncio.sleep(D) in its body; "within D" as for gather
    put qN V D           await asyncio.wait_for(qN.put(V), D)
    get qN D             await asyncio.wait_for(qN.get(), D)
    put_nowait qN V      qN.put_nowait(V)
    get_nowait qN        qN.get_nowait()
    task_done qN         qN.task_done()
    join qN D            await asyncio.wait_for(qN.join(), D)
    raise                raise ValueError('tN'): the task's last operation

where each X is a task tN, a Future fN, or sD: a coroutine asyncio.sleep(D);
each C (a coroutine for the group) is sD, xD (sleeps D, then raises
ValueError('xD')) or aN (returns await tN).
Tasks only await, wait_for, shield, gather, wait for or time out tasks with a
higher number, and only wait for Futures and Queues with a timeout (or with a
task beside them in a wait for the first one done), so every script finishes.
Durations are multiples of 0.1 s, so that deadlines often tie.  No
script leaves an order to CPython's choice: as_completed() makes its Tasks
in the order of a set, so it is given one coroutine at most (and the
drivers pass it only the first of the Futures already done, whose callbacks
CPython adds in that set's order too), and wait()'s sets are printed in the
order of its arguments.  A TaskGroup keeps its tasks in a set too, and
cancels them in its order when it aborts: a child aN that is cancelled
cancels tN, so the aN of one group all await the same tN.
"""
import random
import sys


def script(seed):
    rng = random.Random(seed)
    tasks = rng.randint(2, 5)
    futures = rng.randint(0, 2)
    queues = rng.choice([0, 0, 1, 2])
    lines = [f"seed {seed}", f"futures {futures}"]
    if queues:
        lines.append("queues " + " ".join(str(rng.choice([0, 1, 1, 2])) for _ in range(queues)))
    duration = lambda: f"{rng.randint(0, 5) / 10:.1f}"  # noqa: E731
    maybe_none = lambda p: "none" if rng.random() < p else duration()  # noqa: E731

    def items(later, with_futures, sleeps):
        """1 to 3 awaitables, now and then one twice."""
        pool = [f"t{i}" for i in later]
        if with_futures:
            pool += [f"f{j}" for j in range(futures)]
        chosen = rng.sample(pool, rng.randint(1, min(3, len(pool))))
        if rng.random() < 0.15:
            chosen.append(rng.choice(chosen))
        for _ in range(sleeps):
            chosen.insert(rng.randint(0, len(chosen)), f"s{rng.randint(0, 5) / 10:.1f}")
        return " ".join(chosen)

    for i in range(tasks):
        lines.append(f"task t{i} {rng.choice(['stop', 'continue'])}")
        later = list(range(i + 1, tasks))
        for _ in range(rng.randint(1, 4)):
            choices = ["sleep", "sleep", "cancel"]
            if later:
                choices += ["await", "wait_for", "wait_for", "shield", "timeout", "timeout_at",
                            "reschedule", "nested", "gather", "gather", "gather_rx", "gather_rx",
                            "as_completed", "as_completed", "wait", "wait", "wait", "group", "group"]
            if futures:
                choices += ["set", "wait_future", "wait_future", "cancel_future"]
            if queues:
                choices += ["put", "put", "get", "get", "put_nowait", "put_nowait", "get_nowait", "task_done", "join"]
            op = rng.choice(choices)
            if op == "sleep":
                lines.append(f"sleep {duration()}")
            elif op == "cancel":
                lines.append(f"cancel t{rng.randrange(tasks)}")
            elif op == "await":
                lines.append(f"await t{rng.choice(later)}")
            elif op in ("wait_for", "shield", "timeout", "timeout_at"):
                lines.append(f"{op} t{rng.choice(later)} {duration()}")
            elif op == "reschedule":
                lines.append(f"reschedule t{rng.choice(later)} {maybe_none(0.25)} "
                             f"{rng.randint(0, 3) / 10:.1f} {maybe_none(0.2)}")
            elif op == "nested":
                lines.append(f"nested t{rng.choice(later)} {duration()} {duration()}")
            elif op in ("gather", "gather_rx"):
                within = rng.random() < 0.4
                line = f"{op} {items(later, within, rng.choice([0, 0, 1, 2]))}"
                lines.append(f"{line} within {duration()}" if within else line)
            elif op == "as_completed":
                timeout = maybe_none(0.4)
                lines.append(f"as_completed {timeout} {items(later, timeout != 'none', rng.choice([0, 1]))}")
            elif op == "wait":
                mode = rng.choice(["all", "first", "exception"])
                timeout = maybe_none(0.4)
                chosen = items(later, timeout != "none" or mode == "first", 0)
                if timeout == "none" and not any(x.startswith("t") for x in chosen.split()):
                    chosen += f" t{rng.choice(later)}"
                lines.append(f"wait {mode} {timeout} {chosen}")
            elif op == "group":
                awaited = rng.choice(later)  # one task only: see above
                children = [rng.choice(["s", "x", "a"]) for _ in range(rng.randint(1, 3))]
                children = [f"a{awaited}" if c == "a" else f"{c}{rng.randint(0, 5) / 10:.1f}" for c in children]
                line = f"group {duration()} {' '.join(children)}"
                lines.append(f"{line} within {duration()}" if rng.random() < 0.3 else line)
            elif op in ("put", "put_nowait"):
                line = f"{op} q{rng.randrange(queues)} {rng.randint(1, 9)}"
                lines.append(f"{line} {duration()}" if op == "put" else line)
            elif op in ("get", "join"):
                lines.append(f"{op} q{rng.randrange(queues)} {duration()}")
            elif op in ("get_nowait", "task_done"):
                lines.append(f"{op} q{rng.randrange(queues)}")
            elif op == "set":
                lines.append(f"set f{rng.randrange(futures)} {rng.randint(1, 9)}")
            elif op == "wait_future":
                lines.append(f"wait_future f{rng.randrange(futures)} {duration()}")
            else:
                lines.append(f"cancel_future f{rng.randrange(futures)}")
        if rng.random() < 0.2:
            lines.append("raise")
    lines.append("end")
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        first, count = int(sys.argv[1]), int(sys.argv[2])
        if first < 0 or count < 1:
            raise ValueError
    except (IndexError, ValueError):
        print("gen.py: usage: gen.py FIRST COUNT (seed numbers: FIRST 0 or more, COUNT 1 or more)", file=sys.stderr)
        sys.exit(2)
    for seed in range(first, first + count):
        print(script(seed))
