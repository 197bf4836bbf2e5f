#!/usr/bin/env bats
# The loop under each CPython version it follows (AIO_PYTHON), whatever
# python3 this machine has or lacks: every chapter and scenario prints
# expected/3.X/FILE where that version prints differently, and
# expected/FILE everywhere else.  The comparisons with CPython itself are
# in chapters.bats and scenarios.bats (under the reader's python3) and in
# make check's Python matrix (under each version it finds).

load helpers

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# expected/VERSION/FILE if that version has its own, else expected/FILE.
for_version() {
    if [ -f "$ROOT/expected/$1/$2" ]; then echo "$ROOT/expected/$1/$2"; else echo "$ROOT/expected/$2"; fi
}

# As in chapters.bats: a warning names a line of main.c in C and of
# twin.py in Python, with that line's source under it in Python only.
unplace() { sed -E -e 's/^[^ :]+:[0-9]+: DeprecationWarning: /WHERE: DeprecationWarning: /' -e '/^  /d'; }

# Run one program under AIO_PYTHON=$1 and the virtual clock, stamped;
# compare its stdout with EXPECTED.times and its stderr with EXPECTED.err
# (or nothing).  $2 is the program, $3 the expected name.
check_program() {
    local version="$1" program="$2" name="$3" err
    AIO_PYTHON="$version" AIO_CLOCK=virtual AIO_STAMP=1 "$program" >"$TMP/out" 2>"$TMP/err"
    normalise <"$TMP/out" >"$TMP/got"
    normalise <"$(for_version "$version" "$name.times")" >"$TMP/want"
    same "$TMP/want" "$TMP/got" || return 1
    err="$(for_version "$version" "$name.err")"
    if [ -f "$err" ]; then
        same <(unplace <"$err" | normalise) <(unplace <"$TMP/err" | normalise)
    else
        same /dev/null "$TMP/err"
    fi
}

check_version() {
    local version="$1" name failed=""
    for name in $(chapters); do
        check_program "$version" "$(bin "$name")" "$name" || failed="$failed $name"
    done
    for name in $(cd "$ROOT/scripts/scenarios" && ls *.c | sed 's/\.c$//'); do
        check_program "$version" "$(bin "scenarios/$name")" "scenarios/$name" || failed="$failed $name"
    done
    [ -z "$failed" ] || { echo "differ under AIO_PYTHON=$version:$failed"; return 1; }
}

@test "under AIO_PYTHON=3.11 every chapter and scenario prints expected/" { check_version 3.11; }
@test "under AIO_PYTHON=3.12 every chapter and scenario prints expected/3.12/, or expected/ where 3.12 agrees" { check_version 3.12; }
@test "under AIO_PYTHON=3.13 every chapter and scenario prints expected/3.13/, or expected/ where 3.13 agrees" { check_version 3.13; }

@test "each version-specific file differs from its 3.11 counterpart (else it is dead weight)" {
    for file in "$ROOT"/expected/3.1[23]/*.* "$ROOT"/expected/3.1[23]/scenarios/*; do
        base="$ROOT/expected/${file#"$ROOT"/expected/3.1?/}"
        if [ -f "$base" ] && cmp -s "$file" "$base"; then echo "$file is the same as $base"; return 1; fi
    done
}
