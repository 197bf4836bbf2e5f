#!/usr/bin/env bats
# make bench, run once at a tiny size so that it cannot rot.  Its timings
# are not checked here: they are measurements, not pass/fail criteria.
# What is checked is that every summary line is there and well formed,
# each number a number, and that a missed target is a report, not a failure.

load helpers

setup_file() { build_all benches; }

num='[0-9]+(\.[0-9]+)?'
kib='[0-9]+ KiB'

# The output of one tiny run, shared by the tests that read its lines.
tiny_output() {
    local saved="$BATS_FILE_TMPDIR/tiny"
    if [ ! -f "$saved.status" ]; then
        local rc=0
        "$ROOT/scripts/bench.sh" --tiny >"$saved.out" 2>&1 || rc=$?
        echo "$rc" >"$saved.status"
    fi
    output="$(cat "$saved.out")"
    read -r status <"$saved.status"
}

# Exactly one line of the output matches the extended regex $1.
one_line() {
    local count
    count="$(grep -Ec -- "$1" <<<"$output" || true)"
    [ "$count" -eq 1 ] || { echo "expected one line matching: $1 (found $count)"; echo "$output"; return 1; }
}

@test "scripts/bench.sh --tiny prints the switch, timers and scale summary lines" {
    # Any python3 will do for a timing; with none, bench.sh has no CPython side.
    command -v python3 >/dev/null || skip "python3 is not installed: the benchmark's CPython side needs it"
    tiny_output
    [ "$status" -eq 0 ]
    one_line "^switch: C $num M/s, CPython $num M/s, ratio ${num}x, floor $num ns/round trip$"
    one_line "^timers: C median $num us p99 $num us max $num us, CPython median $num us p99 $num us max $num us$"
    one_line "^scale: C $num s $num KiB/task, CPython $num s $num KiB/task \(1000 tasks\)$"
    trip="trips/s ($num|-) us/trip \(kernel ($num|-)\)"
    one_line "^echo: C $num $trip, CPython $num $trip, (uvloop $num $trip|uvloop skipped)$"
}

@test "scripts/bench.sh --tiny prints the five points of the curve, time and memory, C and CPython side by side" {
    command -v python3 >/dev/null || skip "python3 is not installed: the benchmark's CPython side needs it"
    tiny_output
    [ "$status" -eq 0 ]
    # uvloop is a column where Debian's python3-uvloop imports, and a note where not.
    if /usr/bin/python3 -c 'import uvloop' 2>/dev/null; then
        uv="uvloop $num M/s $kib"
        one_line "; uvloop [^ ]+ on CPython [0-9.]+ \(/usr/bin/python3\)$"
    else
        uv="uvloop skipped"
        one_line "uvloop skipped: /usr/bin/python3 cannot import uvloop"
    fi
    for point in "2 x 50" "5 x 20" "10 x 10" "20 x 5" "50 x 2"; do
        one_line "^curve: $point: C $num M/s $kib, CPython $num M/s $kib, $uv, C ${num}x as fast, ${num}x the memory$"
    done
    [ "$(grep -c '^curve: ' <<<"$output")" -eq 5 ]
    one_line "^alive: C 1 x 10 $kib, 1 x 1000 $kib, growth -?$kib$"
}

@test "scripts/bench.sh --tiny ends with the six targets, each met or NOT met, and exits 0 either way" {
    command -v python3 >/dev/null || skip "python3 is not installed: the benchmark's CPython side needs it"
    tiny_output
    [ "$status" -eq 0 ]
    verdict=': (met|NOT met)$'
    one_line "^target 1: memory follows what is alive, C's peak RSS at 1 x 1000 within 512 KiB of 1 x 10: [+-][0-9]+ KiB \([0-9]+ against $kib\)$verdict"
    one_line "^target 2: C >= 10x CPython at every point of the curve: lowest ${num}x, at [0-9]+ x [0-9]+$verdict"
    one_line "^target 3: C peak memory <= CPython's at every point of the curve: highest ${num}x \(C $kib, CPython $kib at [0-9]+ x [0-9]+\)$verdict"
    one_line "^target 4: at 10 x 10, C >= 20x CPython and <= 4x the switch floor: ${num}x CPython, ${num}x the floor \($num ns per switch, floor $num ns\)$verdict"
    one_line "^target 5: 1000 tasks sleeping 0.01 s done <= 0.21 s after the first create_task: C $num s \(CPython $num s\)$verdict"
    one_line "^target 6: echo round trips/s, C >= 3x CPython asyncio and ahead of uvloop: .*$verdict"
    [ "$(grep -c '^target ' <<<"$output")" -eq 6 ]
    # The last five lines are the targets, in order.
    [ "$(tail -n 6 <<<"$output" | cut -d: -f1 | tr '\n' ' ')" = "target 1 target 2 target 3 target 4 target 5 target 6 " ]
}

@test "the benchmarks report their own peak memory, not the shell's that started them" {
    # A shell holding 64 MB execs each program: getrusage()'s ru_maxrss
    # would report the shell's peak with the program's (peak.h).
    run bash -c 'printf -v big "%*s" 64000000 ""; "$0" 1 10' "$(bin bench/switch)"
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^[0-9]+\.[0-9]+\ ([0-9]+)$ ]]
    (( BASH_REMATCH[1] > 0 && BASH_REMATCH[1] < 32000 ))
    command -v python3 >/dev/null || skip "python3 is not installed"
    run bash -c 'printf -v big "%*s" 64000000 ""; exec python3 "$0/switch.py" 1 10' "$ROOT/scripts/bench"
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^[0-9]+\.[0-9]+\ ([0-9]+)$ ]]
    (( BASH_REMATCH[1] > 0 && BASH_REMATCH[1] < 45000 ))
}

@test "the bare switch floor bounces between two stacks" {
    run "$(bin bench/floor)" 1000
    [ "$status" -eq 0 ]
    [[ "$output" =~ ^[0-9]+\.[0-9]+$ ]]
}

@test "make bench measures a release build with link-time optimization where the compiler can, and says which" {
    # The probe: a flag for gcc (and clang where installed), nothing for a
    # compiler that does not exist.
    [[ "$("$ROOT/scripts/bench/lto.sh" "${CC:-cc}" "${AR:-ar}")" =~ ^-flto(=auto)?$ ]]
    [ -z "$("$ROOT/scripts/bench/lto.sh" no-such-compiler ar)" ]
    # What make bench would run: the release build in build/release/, then
    # bench.sh told where it is and with what flag.
    run make -C "$ROOT" -n bench LTO=-flto=auto BUILD=/tmp/aio-bench-probe
    [ "$status" -eq 0 ]
    grep -q "BUILD='/tmp/aio-bench-probe/release' AIO_LTO='-flto=auto' benches '/tmp/aio-bench-probe/release/21-echo-server'" <<<"$output"
    grep -q "BENCH_BUILD='/tmp/aio-bench-probe/release' BENCH_LTO='-flto=auto' scripts/bench.sh" <<<"$output"
    # bench.sh names the build it measures.  Run on its own, as here, that
    # is the tests' build, and there is no other to compare it with.
    tiny_output
    one_line "^C: $BUILD/bench, built without link-time optimization$"
    ! grep -q '^plain: ' <<<"$output"
}
