#!/usr/bin/env bats
# The edges of the process: stack frames of any size, output that cannot
# be written, clock settings at the limits of what the clock can do, and
# the make targets' messages.  Each fault ends in one clear line and a
# non-zero exit, never in silence.

load helpers

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# Guarded stacks go first; this many tasks take all of them (see stack.h).
guard_budget() { echo $(( $(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 65530) / 4 )); }

frames() { run --separate-stderr env AIO_CLOCK=virtual "$(bin cases/frames)" "$@"; }

# ---- 1. stack frames ---------------------------------------------------------

@test "a 90000-byte local array fits in a task's stack; its neighbour is untouched" {
    frames 90000
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "big: done" ]
    [ "${lines[1]}" = "victim: my locals are intact" ]
    [ -z "$stderr" ]
}

@test "a local array larger than the whole stack is reported, not written into a neighbour" {
    frames 2m
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-3: it used up its 512 KiB stack (deep recursion or a large local array?)" ]
    [[ "$output" != *overwritten* ]]
}

@test "past the guard-page budget, a 90000-byte array still fits untouched" {
    frames 90000 $(( $(guard_budget) + 16 ))
    [ "$status" -eq 0 ]
    [ "${lines[1]}" = "victim: my locals are intact" ]
}

@test "past the guard-page budget, a frame larger than the stack is still reported" {
    n=$(( $(guard_budget) + 16 ))
    frames 2m "$n"
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: stack overflow in Task-$(( n + 3 )): it used up its 512 KiB stack (deep recursion or a large local array?)" ]
}

@test "recursion 500 coroutines deep fits, also with AIO_TRACE=1" {
    for trace in 0 1; do
        run --separate-stderr env AIO_CLOCK=virtual AIO_STAMP=1 AIO_TRACE=$trace "$(bin scenarios/edge_recursion)"
        [ "$status" -eq 0 ] || { echo "AIO_TRACE=$trace: exit $status: ${stderr: -300}"; return 1; }
        printf '%s\n' "$output" >"$TMP/got"
        same "$ROOT/expected/scenarios/edge_recursion.times" "$TMP/got"
    done
}

# ---- 2. repr() as Python writes it -------------------------------------------

# Values for cases/reprs, and CPython's repr() of each: floats (edge cases,
# every power of two and of ten, random bit patterns, rounded decimals)
# and strings (every single byte, quotes and escapes, Latin-1, Korean,
# format and private-use characters, ill-formed UTF-8, random mixes).  The
# fixed values once, then the random ones from each seed given.
repr_values() {
    python3 - "$TMP/in" "$TMP/want" "$@" <<'PY'
import random, struct, sys
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
          0.00012, 123456789.125, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 100.0, 1e22, 1e23, 12345678901234567890.0, 0.5,
          4.35, 2.675, 1e-7, 9.999999999999999e15, 0.30000000000000004]
floats += [2.0 ** k for k in range(-1074, 1024)]
floats += [-(2.0 ** k) * 3 for k in range(-1000, 1000, 7)]
floats += [10.0 ** k for k in range(-323, 309)]
strings = [b"", b"hello", b"can't", b'say "hi"', b"both ' and \"", b"tab\there", b"new\nline", b"cr\r",
           b"back\\slash", b"\x7f", b"\x01\x1f", "한글 코루틴".encode(),
           "caf\u00e9 \u00a0 \u00ad \u2028 \u200b \ufeff \U0001F600 \ue000 \u0378".encode(),
           b"\xff\xfe", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"a\x80b"]
strings += [bytes([b]) for b in range(1, 256)]


def random_string(rng):
    kind = rng.randrange(3)
    if kind == 0:
        return bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 12)))
    if kind == 1:
        return bytes(rng.choice(b"'\"\\\t\n\r ab") for _ in range(rng.randrange(1, 12)))
    cps = [rng.choice([rng.randrange(1, 0x20), rng.randrange(0x80, 0x100), rng.randrange(0x100, 0x3000),
                       rng.randrange(0x3000, 0x10000), rng.randrange(0x10000, 0x110000)])
           for _ in range(rng.randrange(1, 8))]
    return "".join(chr(0x41 if 0xD800 <= c <= 0xDFFF else c) for c in cps).encode()


for seed in sys.argv[3:]:
    rng = random.Random(int(seed))
    floats += [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(3000)]
    floats += [round(rng.uniform(-1e6, 1e6), rng.randrange(0, 8)) for _ in range(2000)]
    floats += [rng.random() * 10.0 ** rng.randrange(-30, 30) for _ in range(1000)]
    strings += [random_string(rng) for _ in range(2000)]
with open(sys.argv[1], "w") as values, open(sys.argv[2], "w") as want:
    for f in floats:
        values.write("f %016x\n" % struct.unpack("<Q", struct.pack("<d", f))[0])
        want.write(repr(f) + "\n")
    for s in strings:
        values.write("s %s\n" % s.hex())
        want.write(repr(s.decode("utf-8", "surrogateescape")) + "\n")
PY
}

@test "repr() of floats and strings is CPython's, on thousands of generated values" {
    use_readers_python
    need_python
    # Which characters print as they are depends on the version's Unicode
    # (3.11: 14.0, 3.12: 15.0, 3.13: 15.1): the C side follows AIO_PYTHON.
    repr_values 1 2 3
    AIO_PYTHON="$AIO_PYTHON" "$(bin cases/reprs)" <"$TMP/in" >"$TMP/got"
    same "$TMP/want" "$TMP/got"
}

@test "repr() examples: floats and quoting" {
    printf '%s\n' "f $(printf '%016x' 4591870180066957722)" "f 3ff0000000000000" "f 4341c37937e08000" \
        "f 3ee4f8b588e368f1" "f 7ff0000000000000" "f 7ff8000000000000" "f 8000000000000000" \
        "s $(printf "can't" | od -An -tx1 | tr -d ' \n')" "s $(printf 'a\tb\nc\\\x01' | od -An -tx1 | tr -d ' \n')" \
        "s $(printf "'\"" | od -An -tx1 | tr -d ' \n')" >"$TMP/in"
    run "$(bin cases/reprs)" <"$TMP/in"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "0.1" ]
    [ "${lines[1]}" = "1.0" ]
    [ "${lines[2]}" = "1e+16" ]
    [ "${lines[3]}" = "1e-05" ]
    [ "${lines[4]}" = "inf" ]
    [ "${lines[5]}" = "nan" ]
    [ "${lines[6]}" = "-0.0" ]
    [ "${lines[7]}" = "\"can't\"" ]
    [ "${lines[8]}" = "'a\\tb\\nc\\\\\\x01'" ]
    [ "${lines[9]}" = "'\\'\"'" ]
}

@test "repr() cut short to fit a buffer ends on a whole character and writes nothing past it, whatever its size" {
    command -v python3 >/dev/null || skip "python3 is not installed: it checks the UTF-8"
    hex="$(printf "가한글a한글 \xf0\x9f\x98\x80 ok" | od -An -tx1 | tr -d ' \n')"
    for n in $(seq 1 40); do echo "c $n $hex"; done >"$TMP/in"
    echo "s $hex" >>"$TMP/in"
    "$(bin cases/reprs)" <"$TMP/in" >"$TMP/got"
    python3 - "$TMP/got" <<'PY'
import sys
lines = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
whole = lines[-1].decode()
for size, line in enumerate(lines[:-1], 1):
    text = line.decode()  # a character cut in two does not decode
    # It fits, lost at most the three bytes of a cut character, and is
    # the start of the whole repr, or the whole repr where that fits.
    fits = len(lines[-1]) < size
    assert (line == lines[-1]) if fits else (size - 4 <= len(line) < size and whole.startswith(text)), (size, line)
PY
}

@test "a Task's repr cut to any size is the start of the whole one, and its wait_for= part writes nothing past the buffer" {
    echo t | "$(bin cases/reprs)" >"$TMP/got"
    mapfile -t cut <"$TMP/got"
    whole="<Task pending name='Task-2' coro=<wait_on()> wait_for=<Future pending>>"
    [ "${#cut[@]}" -eq $(( ${#whole} + 2 )) ]
    for size in $(seq 1 $(( ${#whole} + 2 ))); do
        [ "${cut[size - 1]}" = "${whole:0:size - 1}" ] || { echo "cut to $size: ${cut[size - 1]}"; return 1; }
    done
}

# ---- 3. output that cannot be written ----------------------------------------

# Run $1 with stdout on a pipe whose reading end is already closed, as
# after `| head -1` has exited: "STATUS" on stdout, the program's stderr
# after it.  Python's subprocess gives the child SIGPIPE's default action,
# as a shell does.
closed_pipe() {
    python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
print(p.returncode)
sys.stdout.write(p.stderr.decode())' "$@"
}

@test "stdout is a closed pipe: one line on stderr and exit 1, as CPython's BrokenPipeError" {
    command -v python3 >/dev/null || skip "python3 is not installed"
    run closed_pipe env AIO_CLOCK=virtual "$(bin 08-cancel)"
    [ "${lines[0]}" = 1 ]
    [ "${lines[1]}" = "aio: BrokenPipeError: [Errno 32] Broken pipe (print() cannot write to stdout)" ]
    [ "${#lines[@]}" -eq 2 ]
    # CPython's twin ends the same way.
    run closed_pipe env AIO_CLOCK=virtual python3 "$ROOT/scripts/twin.py" "$ROOT/chapters/08-cancel/twin.py"
    [ "${lines[0]}" = 1 ]
    [[ "$output" == *"BrokenPipeError: [Errno 32] Broken pipe"* ]]
}

@test "make chapter-8 | head -1: the first line, then BrokenPipeError and exit 1, not a silent SIGPIPE" {
    run --separate-stderr bash -c "AIO_SPEED=10 '$(bin 08-cancel)' | head -n 1; echo \"\${PIPESTATUS[0]}\" >&2"
    [ "$output" = "Task not finished, checking again in a second." ]
    [ "${stderr_lines[0]}" = "aio: BrokenPipeError: [Errno 32] Broken pipe (print() cannot write to stdout)" ]
    [ "${stderr_lines[1]}" = 1 ]
}

@test "stdout is a full disk: one line on stderr and exit 1, not exit 0 with the output lost" {
    [ -w /dev/full ] || skip "no /dev/full here"
    run --separate-stderr env AIO_CLOCK=virtual "$(bin 08-cancel)"
    [ "$status" -eq 0 ]
    run --separate-stderr bash -c "AIO_CLOCK=virtual '$(bin 08-cancel)' >/dev/full"
    [ "$status" -eq 1 ]
    [ "$stderr" = "aio: OSError: [Errno 28] No space left on device (print() cannot write to stdout)" ]
    command -v python3 >/dev/null || return 0
    run --separate-stderr bash -c "AIO_CLOCK=virtual python3 '$ROOT/scripts/twin.py' '$ROOT/chapters/08-cancel/twin.py' >/dev/full"
    [ "$status" -eq 1 ]
    [[ "$stderr" == *"OSError: [Errno 28] No space left on device"* ]]
}

# ---- 4. AIO_SPEED within what the clock can do -------------------------------

speed_range="it takes a number from 0.001 to 1000 (times real time), e.g. AIO_SPEED=20"

@test "AIO_SPEED beyond what the clock can do is refused, with the working range" {
    # 1e15 overflowed loop time within milliseconds and hung; 1e-20 made
    # select() fail with EINVAL.
    for bad in 1e15 1001 1e-20 0.0009 0 -5; do
        run --separate-stderr timeout 10 env AIO_SPEED="$bad" "$(bin 04-sleep-sequential)"
        [ "$status" -eq 2 ] || { echo "AIO_SPEED=$bad: exit $status"; return 1; }
        [ -z "$output" ]
        [ "$stderr" = "aio: AIO_SPEED='$bad' is not valid; $speed_range" ]
    done
}

@test "AIO_SPEED at both ends of the range works" {
    # The order of lines is all that a 1000x clock can promise: a
    # millisecond of scheduling delay is a second of loop time there.
    run timeout 10 env AIO_SPEED=1000 "$(bin 06-tasks-overlap)"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq "$(wc -l <"$ROOT/expected/06-tasks-overlap.out")" ]
    # The slowest speed: chapter 03 runs no timer, so it ends at once.
    run timeout 10 env AIO_SPEED=0.001 "$(bin 03-await)"
    [ "$status" -eq 0 ]
}

# ---- 5. make targets and timelines ---------------------------------------------

@test "make timeline-N for a chapter without an event loop says so, not that AIO_TRACE is missing" {
    for n in 00 01 11; do
        name="$(chapter_named "$n")"
        run --separate-stderr make -s -C "$ROOT" "timeline-$n"
        [ "$status" -ne 0 ]
        [ -z "$output" ]
        [ "${stderr_lines[0]}" = "timeline: $name runs no event loop, so there is nothing to draw" ]
    done
}

@test "make chapter- and make timeline- give the unknown-chapter message, not one about a .o file" {
    for target in chapter- timeline-; do
        run --separate-stderr make -s -C "$ROOT" "$target"
        [ "$status" -eq 2 ]
        [[ "${stderr_lines[0]}" == "make: there is no chapter ''. The chapters are: 00 01 "* ]]
        [[ "$stderr" != *".o"* ]]
    done
}

@test "select() interrupted by signals (EINTR) does not report an empty pipe as readable" {
    run --separate-stderr env AIO_CLOCK=real "$(bin cases/edges)" select_through_signals
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    [ "${lines[0]}" = "interrupted: yes" ]
    [ "${lines[1]}" = "read: x, woken for nothing: 0" ]
}

@test "a report too long for its buffer gives its memory back (20,000 reports of a 1,000-character repr)" {
    run bash -c "'$(bin cases/edges)' reports_freed 2>/dev/null"
    [ "$status" -eq 0 ]
    [ "$output" = "grew by more than 4 MB: no" ]
}
