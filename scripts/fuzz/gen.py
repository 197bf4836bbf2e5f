"""Write random scenario scripts for the differential test.

    python3 scripts/fuzz/gen.py FIRST COUNT

prints COUNT scripts, for seeds FIRST .. FIRST+COUNT-1.  A script is a few
lines: the Futures to make, then each task with its policy on
cancellation (stop: let CancelledError end the task; continue: note it and
go on) and its operations, one per line:

    seed 7
    futures 1
    task t0 continue
    sleep 0.3
    cancel t2
    task t1 stop
    wait_for t2 0.2
    set f0 5
    task t2 stop
    wait_future f0 0.4
    end

(timeout tN D: `async with asyncio.timeout(D): await tN`.)
Tasks only await, wait_for, shield or time out tasks with a higher number, and only
wait for Futures with a timeout, so every script finishes.  Durations are
multiples of 0.1 s, so that deadlines often tie.
"""
import random
import sys


def script(seed):
    rng = random.Random(seed)
    tasks = rng.randint(2, 5)
    futures = rng.randint(0, 2)
    lines = [f"seed {seed}", f"futures {futures}"]
    duration = lambda: f"{rng.randint(0, 5) / 10:.1f}"  # noqa: E731
    for i in range(tasks):
        lines.append(f"task t{i} {rng.choice(['stop', 'continue'])}")
        for _ in range(rng.randint(1, 4)):
            later = list(range(i + 1, tasks))
            choices = ["sleep", "sleep", "cancel"]
            if later:
                choices += ["await", "wait_for", "wait_for", "shield", "timeout"]
            if futures:
                choices += ["set", "wait_future", "wait_future", "cancel_future"]
            op = rng.choice(choices)
            if op == "sleep":
                lines.append(f"sleep {duration()}")
            elif op == "cancel":
                lines.append(f"cancel t{rng.randrange(tasks)}")
            elif op == "await":
                lines.append(f"await t{rng.choice(later)}")
            elif op in ("wait_for", "shield", "timeout"):
                lines.append(f"{op} t{rng.choice(later)} {duration()}")
            elif op == "set":
                lines.append(f"set f{rng.randrange(futures)} {rng.randint(1, 9)}")
            elif op == "wait_future":
                lines.append(f"wait_future f{rng.randrange(futures)} {duration()}")
            else:
                lines.append(f"cancel_future f{rng.randrange(futures)}")
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
