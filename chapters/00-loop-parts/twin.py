# Twin of chapter 00: the two parts of an event loop, before any asyncio.
# Python cannot switch C stacks; the nearest thing it has is a generator,
# a function whose frame lives on the heap and can be suspended at `yield`.
import os
import select


def other():
    round_number = 1
    while True:
        print(f"other: running on its own stack (round {round_number})")
        yield  # hand control back
        round_number += 1


def two_stacks():
    print("main: starting a second stack")
    side = other()
    next(side)
    for round_number in range(1, 4):
        print(f"main: back on the main stack (round {round_number})")
        if round_number < 3:
            next(side)


def select_waits():
    readable, _, _ = select.select([], [], [], 0.5)
    print(f"select() with no fds and a 0.5 s timeout is a timer: it returned {len(readable)}")
    read_end, write_end = os.pipe()
    os.write(write_end, b"x")
    readable, _, _ = select.select([read_end], [], [], 1.0)
    print(f"select() on a pipe holding a byte returns at once: it returned {len(readable)}")
    os.read(read_end, 1)
    readable, _, _ = select.select([read_end], [], [], 0.3)
    print(f"select() on the empty pipe waits out its 0.3 s: it returned {len(readable)}")
    os.close(read_end)
    os.close(write_end)


two_stacks()
select_waits()
