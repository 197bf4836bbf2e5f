#!/usr/bin/env bats
# AIO_CLOCK, AIO_SPEED, AIO_STAMP, AIO_TRACE and AIO_DEBUG: accepted
# values work, anything else
# stops the program before it prints a thing, with exit status 2.

load helpers

setup_file() { build_all; }

rejects() {
    run --separate-stderr env "$1=$2" "$(bin 01-coroutine-object)"
    [ "$status" -eq 2 ]
    [ -z "$output" ]
    [[ "$stderr" == "aio: $1='$2' is not valid; it takes "* ]]
}

@test "AIO_CLOCK, AIO_SPEED, AIO_STAMP, AIO_TRACE, AIO_DEBUG and AIO_PYTHON refuse what they do not take" {
    # AIO_CLOCK: real or virtual.  "system" and "realtime" lie on either
    # side of "real" in strcmp order: the test against "real" must be equality.
    for bad in bogus Virtual "" system realtime; do rejects AIO_CLOCK "$bad"; done
    # AIO_SPEED: a positive finite number.
    for bad in 0 -1 abc "" 2x inf nan 1e999; do rejects AIO_SPEED "$bad"; done
    # AIO_STAMP, AIO_TRACE and AIO_DEBUG: 0 or 1.
    for name in AIO_STAMP AIO_TRACE AIO_DEBUG; do
        rejects "$name" yes
        rejects "$name" 2
    done
    # AIO_PYTHON: 3.11, 3.12 or 3.13, and each of those works.
    for bad in 3.10 3.14 3 3.12.1 "" python3.12; do rejects AIO_PYTHON "$bad"; done
    for good in 3.11 3.12 3.13; do
        run env AIO_PYTHON="$good" AIO_CLOCK=virtual "$(bin 04-sleep-sequential)"
        [ "$status" -eq 0 ]
    done
}

@test "a chapter without a loop (11) also refuses a bad setting before printing" {
    run --separate-stderr env AIO_SPEED=fast "$(bin 11-future)"
    [ "$status" -eq 2 ]
    [ -z "$output" ]
}

@test "AIO_CLOCK=real and AIO_SPEED=0.5e2 are accepted" {
    run env AIO_CLOCK=real AIO_SPEED=0.5e2 "$(bin 04-sleep-sequential)"
    [ "$status" -eq 0 ]
    [ "${lines[3]}" = "Hello World!" ]
}

@test "the virtual clock never sleeps: chapter 08's 6 s take well under a second" {
    start="$EPOCHREALTIME"
    AIO_CLOCK=virtual "$(bin 08-cancel)" >/dev/null
    awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { exit !(e - s < 1.0) }'
}

@test "each line reaches a pipe the moment it is printed" {
    # Stamp each line as it arrives through a pipe.  Chapter 05 prints its
    # first line at once and its last at 3 s of loop time (0.5 s at speed
    # 6); were stdout block-buffered, all four would arrive together at exit.
    start="$EPOCHREALTIME"
    AIO_SPEED=6 "$(bin 05-create-task)" |
        while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done >"$BATS_TEST_TMPDIR/arrivals"
    first="$(head -n 1 "$BATS_TEST_TMPDIR/arrivals" | cut -d' ' -f1)"
    last="$(tail -n 1 "$BATS_TEST_TMPDIR/arrivals" | cut -d' ' -f1)"
    awk -v s="$start" -v f="$first" -v l="$last" 'BEGIN {
        printf "first line after %.3f s, last after %.3f s\n", f - s, l - s
        exit !(l - s >= 0.49 && l - f >= 0.25) }'
}
