#!/usr/bin/env bash
# make check: build every chapter and every scenario in each configuration
# below, run each under the virtual clock, and require the same output as
# expected/ with no warning, no sanitizer report and no valgrind error.
# ThreadSanitizer's configurations take only the programs with threads or
# signal handlers (THREADED).
#
#   scripts/check.sh                    every configuration
#   scripts/check.sh gcc-O2 asan-gcc    only these
#   scripts/check.sh tsan-clang tsan-gcc  ThreadSanitizer alone
#   scripts/check.sh python3.12     only the Python matrix's 3.12
#   scripts/check.sh stress         only the checks at scale and the
#                                   benchmark's tiny run (bats)
#
# Prints one "ok"/"not ok" line per configuration and program, then
# "N passed, N failed".  A configuration whose tools are missing is
# reported as skipped, never as passed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
JOBS="$(nproc 2>/dev/null || echo 2)"

SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
TSAN="-fsanitize=thread -fno-omit-frame-pointer"
# name | CC | CFLAGS | how to run a program ("" = directly) | which programs
# ("" = every chapter and scenario; "threads": only those of THREADED)
CONFIGS=(
    "gcc-O0|gcc|-O0 -g|"
    "gcc-O2|gcc|-O2 -g|"
    "clang-O0|clang|-O0 -g|"
    "clang-O2|clang|-O2 -g|"
    "fortify2|gcc|-O2 -D_FORTIFY_SOURCE=2|"
    "fortify3|gcc|-O2 -D_FORTIFY_SOURCE=3|"
    "asan-gcc|gcc|-O1 -g $SANITIZE|"
    "asan-clang|clang|-O1 -g $SANITIZE|"
    "valgrind|gcc|-O0 -g|valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect"
    "aarch64|aarch64-linux-gnu-gcc|-O2 -g|qemu-aarch64 -L /usr/aarch64-linux-gnu"
    "tsan-clang|clang|-O1 -g $TSAN||threads"
    "tsan-gcc|gcc|-O1 -g $TSAN||threads"
)

# What ThreadSanitizer runs: the programs with threads (the executor's
# pool) or signal handlers (what a handler shares with the loop).  The
# rest has one thread, and would only make make check longer.
THREADED=(
    22-graceful-shutdown 24-to-thread
    $(cd scripts/scenarios && ls thread_*.c executor_*.c signal_*.c sigint_*.c 2>/dev/null | sed 's|^|scenarios/|; s|\.c$||')
)

passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }

normalise() { sed -E 's/0x[0-9a-f]+/0xADDRESS/g'; } # %p is lower case: 0xADDRESS stays as it is

# Problems that can hide behind the right output.
problems_in() {
    grep -E "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|WARNING: ASan|AddressSanitizer:DEADLYSIGNAL|ThreadSanitizer|==[0-9]+==" "$1"
}

# run_one CONFIG RUNNER PROGRAM WANT_TIMES WANT_ERR WANT_STATUS
run_one() {
    local config="$1" runner="$2" program="$3" times="$4" err="$5" want_status="$6"
    local tmp; tmp="$(mktemp -d)"
    # shellcheck disable=SC2086 # the runner is a command line on purpose
    AIO_CLOCK=virtual AIO_STAMP=1 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 TSAN_OPTIONS=halt_on_error=1 \
        timeout 120 $runner "$program" >"$tmp/out" 2>"$tmp/err"
    local status=$?
    local name; name="$(basename "$(dirname "$program")")/$(basename "$program")"
    if [ "$status" -ne "$want_status" ]; then
        not_ok "$config $name: exit status $status, not $want_status"; head -n 5 "$tmp/err" | sed 's/^/#   /'
    elif problems_in "$tmp/err" >/dev/null; then
        not_ok "$config $name: sanitizer or valgrind report"; problems_in "$tmp/err" | head -n 5 | sed 's/^/#   /'
    elif ! diff -q <(normalise <"$times") <(normalise <"$tmp/out") >/dev/null; then
        not_ok "$config $name: output differs from $(basename "$times")"
    elif ! diff -q <(normalise <"$err") <(normalise <"$tmp/err") >/dev/null; then
        not_ok "$config $name: stderr differs"; head -n 5 "$tmp/err" | sed 's/^/#   /'
    else
        ok "$config $name"
    fi
    rm -rf "$tmp"
}

check_config() {
    local name="$1" cc="$2" cflags="$3" runner="$4" only="${5:-}"
    local tool="${runner%% *}"
    if ! command -v "$cc" >/dev/null || { [ -n "$tool" ] && ! command -v "$tool" >/dev/null; }; then
        skipped=$((skipped + 1))
        echo "ok - $name # skip: ${tool:-$cc} is not installed"
        return
    fi
    local build="build/check/$name" targets=(all cases)
    [ "$only" = threads ] && targets=("${THREADED[@]/#/$build/}")
    if ! make -s -j"$JOBS" BUILD="$build" CC="$cc" CFLAGS="$cflags -Werror" "${targets[@]}" >"$build.log" 2>&1; then
        not_ok "$name: build (warnings are errors here)"; head -n 20 "$build.log" | sed 's/^/#   /'
        return
    fi
    ok "$name: builds without a warning"
    if [ "$only" = threads ]; then
        check_threaded "$name" "$build"
        return
    fi
    for dir in chapters/*/; do
        local chapter; chapter="$(basename "$dir")"
        local err="/dev/null"
        [ -f "expected/$chapter.err" ] && err="expected/$chapter.err"
        run_one "$name" "$runner" "$ROOT/$build/$chapter" "expected/$chapter.times" "$err" 0
    done
    for source in scripts/scenarios/*.c; do
        local scenario; scenario="$(basename "$source" .c)"
        local err="/dev/null" status=0
        [ -f "expected/scenarios/$scenario.err" ] && err="expected/scenarios/$scenario.err"
        case "$scenario" in deadlock|future_after_run) status=1 ;; esac
        run_one "$name" "$runner" "$ROOT/$build/scenarios/$scenario" "expected/scenarios/$scenario.times" "$err" "$status"
    done
}

# A ThreadSanitizer build: the programs of THREADED only.  A kernel that
# randomises mmap() more than this TSan can map around makes it stop at
# once ("unexpected memory mapping"): then they run with randomisation
# off (setarch -R), which changes nothing else.
check_threaded() {
    local name="$1" build="$2" runner="" program
    if AIO_CLOCK=virtual "$ROOT/$build/24-to-thread" 2>&1 >/dev/null | grep -q "unexpected memory mapping"; then
        if ! command -v setarch >/dev/null; then
            not_ok "$name: TSan cannot map its memory here, and setarch is not installed"
            return
        fi
        runner="setarch $(uname -m) -R"
    fi
    for program in "${THREADED[@]}"; do
        local err="/dev/null"
        [ -f "expected/$program.err" ] && err="expected/$program.err"
        run_one "$name" "$runner" "$ROOT/$build/$program" "expected/$program.times" "$err" 0
    done
}

# An architecture with no stack-entry port must not compile, and must say
# which architecture it is.
check_unported() {
    local out
    out="$(gcc -std=c11 -U__x86_64__ -U__aarch64__ -D__riscv=1 -Icommon -c common/machinery/switch.c -o /dev/null 2>&1)"
    if [ $? -ne 0 ] && [[ "$out" == *"no stack-entry port for riscv"* ]]; then
        ok "an unported architecture fails to compile, naming itself (riscv)"
    else
        not_ok "an unported architecture fails to compile, naming itself (riscv)"
    fi
    out="$(gcc -std=c11 -U__x86_64__ -U__aarch64__ -Icommon -c common/machinery/switch.c -o /dev/null 2>&1)"
    if [ $? -ne 0 ] && [[ "$out" == *"no stack-entry port for this architecture"* ]]; then
        ok "an unknown architecture fails to compile with a clear message"
    else
        not_ok "an unknown architecture fails to compile with a clear message"
    fi
}

# ---- the Python matrix ----------------------------------------------------
# Every CPython from 3.11 to 3.13 found (pyenv's, or python3.X on PATH):
# the chapters' and scenarios' twins, and the random scenarios, each with
# the C side under AIO_PYTHON of that version.  Uses the default build.
find_python() {
    local v="$1" p
    for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/python3; do
        [ -x "$p" ] && { echo "$p"; return; }
    done
    command -v "python$v" 2>/dev/null
}

check_python() {
    local v="$1" py
    py="$(find_python "$v")"
    if [ -z "$py" ]; then
        skipped=$((skipped + 1))
        echo "ok - python$v # skip: no CPython $v found (pyenv or python$v on PATH)"
        return
    fi
    if ! make -s -j"$JOBS" all cases >build/check/python.log 2>&1; then
        not_ok "python$v: build"; head -n 20 build/check/python.log | sed 's/^/#   /'
        return
    fi
    # The bats files that compare with CPython, with that python3 first on PATH.
    local bin; bin="$(dirname "$py")"
    local tmp; tmp="$(mktemp -d)"
    mkdir "$tmp/bin" && ln -s "$py" "$tmp/bin/python3"
    if PATH="$tmp/bin:$bin:$PATH" bats scripts/chapters.bats scripts/scenarios.bats >"$tmp/bats" 2>&1 \
        && ! grep -q '# skip' "$tmp/bats"; then
        ok "python$v ($py): chapter and scenario twins, C under AIO_PYTHON=$v"
    else
        not_ok "python$v: chapter and scenario twins"; grep -E '^not ok|# skip' "$tmp/bats" | head -n 10 | sed 's/^/#   /'
    fi
    if PYTHON="$py" scripts/fuzz/run.sh 1 "${PYTHON_SEEDS:-400}" >"$tmp/fuzz" 2>&1; then
        ok "python$v: $(tail -n 1 "$tmp/fuzz") (random scenarios, AIO_PYTHON=$v)"
    else
        not_ok "python$v: random scenarios"; tail -n 3 "$tmp/fuzz" | sed 's/^/#   /'
    fi
    rm -rf "$tmp"
}

# The bats files that make test leaves to make check (the Makefile's
# TEST_CHECK_ONLY): the checks at scale, and the benchmark's tiny run.
# One line per test, as the configurations have.
check_stress() {
    local out; out="$(mktemp)"
    if ! make -s -j"$JOBS" all cases benches >build/check/stress.log 2>&1; then
        not_ok "stress: build"; head -n 20 build/check/stress.log | sed 's/^/#   /'
        return
    fi
    MAKE_TEST_BUILT=build bats scripts/stress.bats scripts/bench.bats >"$out" 2>&1
    local line
    while IFS= read -r line; do
        case "$line" in
            "ok "*"# skip"*) skipped=$((skipped + 1)); echo "ok - stress: ${line#ok * }" ;;
            "ok "*) ok "stress: $(sed -E 's/^ok [0-9]+ //' <<<"$line")" ;;
            "not ok "*) not_ok "stress: $(sed -E 's/^not ok [0-9]+ //' <<<"$line")" ;;
            "#"*) echo "$line" ;;
        esac
    done <"$out"
    grep -Eq '^(not )?ok ' "$out" || { not_ok "stress: bats ran no test"; sed 's/^/#   /' "$out" | head -n 20; }
    rm -f "$out"
}

mkdir -p build/check
wanted=("$@")
for line in "${CONFIGS[@]}"; do
    IFS='|' read -r name cc cflags runner only <<<"$line"
    if [ "${#wanted[@]}" -gt 0 ] && [[ " ${wanted[*]} " != *" $name "* ]]; then
        continue
    fi
    check_config "$name" "$cc" "$cflags" "$runner" "$only"
done
[ "${#wanted[@]}" -eq 0 ] && check_unported
if [ "${#wanted[@]}" -eq 0 ] || [[ " ${wanted[*]} " == *" stress "* ]]; then
    check_stress
fi
for v in 3.11 3.12 3.13; do
    if [ "${#wanted[@]}" -eq 0 ] || [[ " ${wanted[*]} " == *" python$v "* ]]; then
        check_python "$v"
    fi
done

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
