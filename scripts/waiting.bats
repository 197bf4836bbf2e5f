#!/usr/bin/env bats
# How the loop waits when nothing is ready (scripts/cases/waiting.c): on
# the real clock, sped up, since the virtual clock never waits at all.
# An overdue timer is waited for 0 s, a far one in one long wait that
# costs no CPU, and a descriptor is watched however high its number.
# Each check allows for a busy machine: the mutants it is there for are
# late by the whole overdue time, use a core, or never see the descriptor.

load helpers

# The two timed runs go side by side, once for the file: one sleeps in
# select(), the other in nanosleep(), so neither slows the other, and the
# file takes as long as the longer (about 1.2 s), not the sum.
setup_file() {
    build_all
    local dir="$BATS_FILE_TMPDIR"
    # 1 s of loop time blocked at speed 2: half a second.
    (AIO_CLOCK=real AIO_SPEED=2 AIO_TRACE=1 timeout 5 "$(bin cases/waiting)" overdue \
        >"$dir/overdue.out" 2>"$dir/overdue.err"; echo "$?" >"$dir/overdue.status") &
    # 2 s of loop time at speed 1.75: 1.14 s, so that select() is given
    # whole seconds and microseconds both.
    (AIO_CLOCK=real AIO_SPEED=1.75 AIO_TRACE=1 timeout 10 "$(bin cases/waiting)" idle </dev/null \
        >"$dir/idle.out" 2>"$dir/idle.err"; echo "$?" >"$dir/idle.status") &
    wait
}

setup() { TMP="$BATS_TEST_TMPDIR"; }

# A blocking time.sleep() holds the loop 0.75 s of loop time past a
# timer's deadline, as chapter 14's does at real speed.  The wait computed
# next is negative: it must be clamped to 0 s.  Removing the clamp in
# run_once() waits for ever (select() with no timeout); turning it into
# the overdue time's absolute value wakes the sleeper 0.75 s late, and
# a conversion to a timeval that makes a 0 s wait a second, a second late.
@test "a timer already overdue when the loop computes its wait is waited for 0 s, not for ever or late" {
    [ "$(<"$BATS_FILE_TMPDIR/overdue.status")" -eq 0 ] || { cat "$BATS_FILE_TMPDIR/overdue."*; return 1; }
    # Task-3 is the blocker; the wait right after its step is the overdue one.
    grep -A1 -E '^[0-9.]+ Task-3 finished: result=None$' "$BATS_FILE_TMPDIR/overdue.err" | tail -n 1 >"$TMP/next"
    grep -qE '^[0-9.]+ loop select\(timeout=0\.000\)$' "$TMP/next" || { cat "$TMP/next"; return 1; }
    # The block really held the loop past the deadline (a time.sleep() cut
    # short would leave nothing overdue), and the sleeper woke within 0.4 s
    # of loop time after it: 0.2 s of real time at speed 2, room for a slow
    # machine, and about half of what the mutants are late by.
    { read -r _ _ _ _ held _; read -r _ late _; } <"$BATS_FILE_TMPDIR/overdue.out"
    awk -v held="$held" -v late="$late" 'BEGIN { exit !(held >= 1 && late >= 0 && late < 0.4) }' ||
        { cat "$BATS_FILE_TMPDIR/overdue.out"; return 1; }
}

# Three tasks sleep 2 s side by side: the process sleeps in select() and
# uses no CPU meanwhile, by its own getrusage().  A loop that spins (a
# clamp that zeroes every wait, a descriptor set that watches stdin, here
# /dev/null, always readable) uses a core; a wrong split into tv_sec and
# tv_usec, or a wait converted in the wrong unit, wakes it many times
# before the deadline, or (tv_sec dropped) twice.  AIO_TRACE=1 prints one
# line per select(): the 2 s are one wait, with a few of 0 s around it as
# tasks start and finish.
@test "waiting costs no CPU: three tasks asleep for 2 s use at most 5% of a core, in a few select() calls" {
    [ "$(<"$BATS_FILE_TMPDIR/idle.status")" -eq 0 ] || { cat "$BATS_FILE_TMPDIR/idle."*; return 1; }
    read -r _ wall _ _ share _ <"$BATS_FILE_TMPDIR/idle.out"
    share="${share%\%}"
    awk -v wall="${wall%s}" -v share="$share" 'BEGIN { exit !(wall >= 1.1 && share <= 5) }' ||
        { cat "$BATS_FILE_TMPDIR/idle.out"; return 1; }
    # A long wait is one of 0.1 s or more: the three deadlines lie
    # microseconds apart, and a slow machine may wait a moment between them.
    awk '/^[0-9.]+ loop select\(/ { selects++; t = $3; sub(/^select\(timeout=/, "", t); if (t + 0 >= 0.1) long++ }
        END { printf "%d selects, %d of them long waits\n", selects, long; exit !(selects <= 10 && long == 1) }' \
        "$BATS_FILE_TMPDIR/idle.err"
}

# Three pipes read from descriptors 999, 1000 and 2000, a byte waiting in
# each, watched in that order and all until the end: 1000 is one past the
# largest before it, so a wait that stops one short leaves it out, and
# 2000 is past FD_SETSIZE (1024), where select() cannot look (its set
# would be written out of bounds) and poll() can.  Then all are closed and
# forgotten, and a wait that still watched them would fail.
@test "readers on high descriptors (1000, and 2000 past FD_SETSIZE) are seen readable, on either clock" {
    for clock in virtual real; do
        run --separate-stderr env AIO_CLOCK="$clock" AIO_SPEED=10 timeout 5 "$(bin cases/waiting)" high_fd
        [[ "$output" != skip:* ]] || skip "${output#skip: }"
        [ "$status" -eq 0 ] || { echo "AIO_CLOCK=$clock: exit status $status, $stderr"; return 1; }
        [ -z "$stderr" ]
        [ "${lines[0]}" = "fd 999: seen readable, read x" ]
        [ "${lines[1]}" = "fd 1000: seen readable, read x" ]
        [ "${lines[2]}" = "fd 2000: seen readable, read x" ]
        [ "${lines[3]}" = "a wait after closing them: fine" ]
    done
}
