#!/usr/bin/env bats
# The randomised differential test: scripts/fuzz/gen.py writes random
# scenarios; the C driver and CPython's asyncio run each one and must print
# the same log, loop times included.  `make fuzz SEEDS=N` runs more.

load helpers

# run.sh itself runs the C side as python3 behaves (AIO_PYTHON).
use_readers_python

setup_file() { build_all; }

@test "300 random scenarios: the C loop and CPython agree event for event" {
    need_python
    run "$ROOT/scripts/fuzz/run.sh" 1 300
    echo "$output" | tail -n 20
    [ "$status" -eq 0 ]
    [ "${lines[-1]}" = "300 seeds: 300 passed, 0 failed" ]
    events="$(echo "$output" | sed -n 's/^compared \([0-9]*\) events, CPython \(3\.1[123]\) against AIO_PYTHON=\2$/\1/p')"
    [ "$events" -ge 2000 ]
}

@test "a seed on which the two sides differ is reported with its script" {
    need_python
    # A C driver that is wrong on purpose: it misreports every sleep.
    sed 's/snprintf(text, size, "ok");/snprintf(text, size, "slept");/' "$ROOT/scripts/fuzz/driver.c" \
        >"$BATS_TEST_TMPDIR/driver.c"
    cc -std=c11 -D_POSIX_C_SOURCE=200809L -I"$ROOT/common" "$BATS_TEST_TMPDIR/driver.c" \
        "$ROOT/$BUILD/libaio.a" -lm -o "$BATS_TEST_TMPDIR/fuzz-driver"
    mkdir -p "$BATS_TEST_TMPDIR/bin"
    cp "$BATS_TEST_TMPDIR/fuzz-driver" "$BATS_TEST_TMPDIR/bin/fuzz-driver"
    run env BUILD="$BATS_TEST_TMPDIR/bin" "$ROOT/scripts/fuzz/run.sh" 1 5
    [ "$status" -eq 1 ]
    [[ "$output" == *"--- seed 1 fails; its script (replay: scripts/fuzz/run.sh 1 1):"* ]]
    [[ "$output" == *"task t0 "* ]]
    [[ "${lines[-1]}" == "5 seeds: "*" failed" ]]
}
