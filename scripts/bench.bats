#!/usr/bin/env bats
# make bench, run once at a tiny size so that it cannot rot.  Its timings
# are not checked here: they are measurements, not pass/fail criteria.

load helpers

setup_file() { build_all benches; }

@test "scripts/bench.sh --tiny prints the three summary lines" {
    # Any python3 will do for a timing; with none, bench.sh has no CPython side.
    command -v python3 >/dev/null || skip "python3 is not installed: the benchmark's CPython side needs it"
    run "$ROOT/scripts/bench.sh" --tiny
    [ "$status" -eq 0 ]
    num='[0-9]+(\.[0-9]+)?'
    echo "$output" | grep -Eq "^switch: C $num M/s, CPython $num M/s, ratio ${num}x, floor $num ns/round trip$"
    echo "$output" | grep -Eq "^timers: C median $num us p99 $num us max $num us, CPython median $num us p99 $num us max $num us$"
    echo "$output" | grep -Eq "^scale: C $num s $num KiB/task, CPython $num s $num KiB/task \(1000 tasks\)$"
}

@test "the bare switch floor bounces between two stacks" {
    run "$(bin bench/floor)" 1000
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^[0-9]+\.[0-9]+$ ]]
}
