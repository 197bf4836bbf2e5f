#!/usr/bin/env bats
# The loop under each CPython version it follows (AIO_PYTHON), whatever
# python3 this machine has or lacks: every chapter and scenario prints
# expected/3.X/FILE where that version prints differently, and
# expected/FILE everywhere else.  chapters.bats and scenarios.bats run
# them under the reader's python3's version (3.11 when there is none),
# and compare them with CPython there; this file runs the other two.
# make check's Python matrix compares with each CPython it finds.

load helpers

use_readers_python

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# Every chapter and scenario under AIO_PYTHON=$1 and the virtual clock,
# stamped: all their stdout in one file and all their stderr in another,
# each program's part headed by its name (exit statuses are
# scenarios.bats's business), against the same built from expected/3.X/
# where that version prints differently, else expected/.  One diff per
# stream says which programs differ, and how.
check_version() {
    local version="$1" name program names=()
    : >"$TMP/got"; : >"$TMP/goterr"; : >"$TMP/want"; : >"$TMP/wanterr"
    for program in $(cd "$ROOT/$BUILD" && ls -d [0-9][0-9]-* scenarios/*); do
        name="${program%%.*}"
        names+=("$name")
        heading "$name" got goterr
        AIO_PYTHON="$version" AIO_CLOCK=virtual AIO_STAMP=1 "$ROOT/$BUILD/$program" >>"$TMP/got" 2>>"$TMP/goterr" || true
    done
    AIO_PYTHON="$version" expected_parts want times "${names[@]}"
    AIO_PYTHON="$version" expected_parts wanterr err "${names[@]}"
    same <(normalise <"$TMP/want") <(normalise <"$TMP/got") || { echo "stdout differs under AIO_PYTHON=$version"; return 1; }
    same <(unplace <"$TMP/wanterr" | normalise) <(unplace <"$TMP/goterr" | normalise) || {
        echo "stderr differs under AIO_PYTHON=$version"; return 1; }
}

@test "under the other two of AIO_PYTHON=3.11, 3.12 and 3.13, every chapter and scenario prints expected/3.X/, or expected/ where that version agrees" {
    local version ran=0
    for version in 3.11 3.12 3.13; do
        [ "$version" != "$AIO_PYTHON" ] || continue
        untraced check_version "$version"
        ran=$((ran + 1))
    done
    [ "$ran" -eq 2 ]
}

@test "each version-specific file differs from its 3.11 counterpart (else it is dead weight)" {
    for file in "$ROOT"/expected/3.1[23]/*.* "$ROOT"/expected/3.1[23]/scenarios/*; do
        base="$ROOT/expected/${file#"$ROOT"/expected/3.1?/}"
        if [ -f "$base" ] && cmp -s "$file" "$base"; then echo "$file is the same as $base"; return 1; fi
    done
}
