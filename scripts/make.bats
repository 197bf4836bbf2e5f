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
    for n in 99 abc 15; do
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

# Build everything into a scratch directory with -Werror.
build_with() {
    local cc="$1"; shift
    command -v "$cc" >/dev/null || skip "$cc is not installed"
    make -s -j2 -C "$ROOT" BUILD="$BATS_TEST_TMPDIR/b" CC="$cc" CFLAGS="$* -Werror" all cases
}

@test "gcc -O0: no warnings" { build_with gcc -O0; }
@test "clang -O0: no warnings" { build_with clang -O0; }
@test "clang -O2: no warnings" { build_with clang -O2; }

@test "gcc -O2 -D_FORTIFY_SOURCE=2: no warnings, and the stack switches survive it" {
    build_with gcc -O2 -D_FORTIFY_SOURCE=2
    for name in $(chapters); do
        AIO_CLOCK=virtual AIO_STAMP=1 "$BATS_TEST_TMPDIR/b/$name" 2>/dev/null | normalise >"$BATS_TEST_TMPDIR/got"
        normalise <"$ROOT/expected/$name.times" >"$BATS_TEST_TMPDIR/want"
        same "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
    done
}
