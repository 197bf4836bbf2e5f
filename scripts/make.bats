#!/usr/bin/env bats
# The reader's commands: make, make chapter-N, make help; and builds that
# are warning-free with gcc and clang, with CC and CFLAGS overridden.

load helpers

setup_file() { build_all; }

@test "make help names every chapter with its post section" {
    run make -s -C "$ROOT" help
    [ "$status" -eq 0 ]
    for name in $(chapters); do
        nn="${name%%-*}"
        echo "$output" | grep -Eq "^  $nn · [0-4](-[1-5])? " || { echo "help lacks chapter $nn"; return 1; }
    done
}

@test "make chapter-6 and make chapter-06 both run chapter 06" {
    for n in 6 06; do
        run make -s -C "$ROOT" "chapter-$n" SPEED=60
        [ "$status" -eq 0 ]
        [ "${lines[0]}" = "sleeping for 3 second(s)" ]
        [ "${#lines[@]}" -eq 6 ]
    done
}

@test "make chapter-N with an unknown chapter lists the real ones" {
    for n in 99 abc 42; do
        run make -s -C "$ROOT" "chapter-$n"
        [ "$status" -ne 0 ]
        [[ "$output" == *"there is no chapter '$n'"* ]]
        [[ "$output" == *"00 01 02 03 04 05 06 07 08 09 10 11 12 13 14"* ]]
    done
}

@test "make chapter-N passes a bad SPEED on, and the program refuses it" {
    run make -s -C "$ROOT" chapter-2 SPEED=-3
    [ "$status" -ne 0 ]
    [[ "$output" == *"aio: AIO_SPEED='-3' is not valid"* ]]
}

@test "CFLAGS from the command line keeps the project's own flags" {
    run make -n -B -C "$ROOT" BUILD="$BATS_TEST_TMPDIR/b" CFLAGS=-O1 "$BATS_TEST_TMPDIR/b/obj/loop.o"
    [ "$status" -eq 0 ]
    [[ "$output" == *"-std=c11 -Wall -Wextra -Wpedantic"*"-O1"* ]]
}

# Warning-free builds with gcc and clang, at -O0 and -O2, with fortify,
# sanitizers and valgrind are `make check` (scripts/check.sh); CI runs it.
@test "make check knows every configuration the hardening matrix needs" {
    for config in gcc-O0 gcc-O2 clang-O0 clang-O2 fortify2 fortify3 asan-gcc asan-clang valgrind aarch64; do
        grep -q "\"$config|" "$ROOT/scripts/check.sh" || { echo "no $config"; return 1; }
    done
}
