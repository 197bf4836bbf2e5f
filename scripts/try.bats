#!/usr/bin/env bats
# The experiments (chapters/NN-slug/try-NAME.c and .py): each C variant and
# its CPython twin against expected/try/, `make try-N` and `make
# try-N-NAME`, and every chapter 01-13 having at least one.

load helpers

# The C side runs as the reader's python3 behaves (AIO_PYTHON), and both
# sides are compared with expected/VERSION/try/ where that version differs.
use_readers_python

# Every experiment as NN-NAME, from its source: 08-catch-cancel.
experiments() {
    local src dir
    for src in "$ROOT"/chapters/[0-9][0-9]-*/try-*.c; do
        dir="${src%/*}" src="${src##*/try-}"
        dir="${dir##*/}"
        echo "${dir%%-*}-${src%.c}"
    done
}

source_of() { local src; for src in "$ROOT"/chapters/"${1%%-*}"-*/try-"${1#*-}".c; do echo "$src"; done; }

setup_file() {
    build_all tries
    # All twins in one CPython process (scripts/twin.py --batch); the batch
    # names its outputs after the file, so each gets a link named NN-NAME.py.
    TWINS="$BATS_FILE_TMPDIR/twins"
    mkdir -p "$TWINS" "$BATS_FILE_TMPDIR/links"
    command -v python3 >/dev/null || return 0
    local id src
    for id in $(experiments); do
        src="$(source_of "$id")"
        ln -sf "${src%.c}.py" "$BATS_FILE_TMPDIR/links/$id.py"
    done
    (cd "$ROOT" && AIO_CLOCK=virtual AIO_STAMP=1 python3 -u scripts/twin.py --batch "$TWINS" "$BATS_FILE_TMPDIR"/links/*.py)
}

setup() { TMP="$BATS_TEST_TMPDIR"; }

# Every experiment's C variant, or every twin's output from the batch,
# against expected/try/: stdout with its loop times (ID.times, addresses
# normalised), and stderr (ID.err, or nothing).  All experiments go into
# one file per stream, each part headed by its id, so one diff names
# every experiment that differs, and how.
check_all() {
    local side="$1" id ids=()
    : >"$TMP/got"; : >"$TMP/goterr"; : >"$TMP/want"; : >"$TMP/wanterr"
    for id in $(experiments); do
        ids+=("try/$id")
        heading "try/$id" got goterr
        if [ "$side" = c ]; then
            AIO_CLOCK=virtual AIO_STAMP=1 "$ROOT/$BUILD/try/$id" >>"$TMP/got" 2>>"$TMP/goterr" ||
                echo "exit status $?" >>"$TMP/got"
        else
            [ "$(<"$TWINS/$id.status")" -eq 0 ] || echo "exit status $(<"$TWINS/$id.status")" >>"$TMP/got"
            cat "$TWINS/$id.out" >>"$TMP/got"
            cat "$TWINS/$id.err" >>"$TMP/goterr"
        fi
    done
    expected_parts want times "${ids[@]}"
    expected_parts wanterr err "${ids[@]}"
    same <(normalise <"$TMP/want") <(normalise <"$TMP/got") && same <(unplace <"$TMP/wanterr") <(unplace <"$TMP/goterr")
}

@test "every experiment's C program prints expected/try/, at the same loop times" { untraced check_all c; }

@test "every experiment's Python twin prints expected/try/, at the same loop times" {
    command -v python3 >/dev/null || skip "python3 is not installed: no twin to compare"
    TWINS="$BATS_FILE_TMPDIR/twins"
    untraced check_all twin
}

# `make try-...` under a sped-up real clock: the same lines, none before its
# loop time, none far after it.
check_make() {
    local target="$1" id="$2"
    run --separate-stderr env AIO_STAMP=1 make -s -C "$ROOT" "$target" SPEED=20
    [ "$status" -eq 0 ] || { echo "exit status $status: $stderr"; return 1; }
    printf '%s\n' "$output" >"$TMP/got"
    unstamp <"$TMP/got" | normalise >"$TMP/lines"
    unstamp <"$ROOT/expected/try/$id.times" | normalise >"$TMP/want"
    same "$TMP/want" "$TMP/lines"
    paste -d' ' <(cut -d' ' -f1 "$ROOT/expected/try/$id.times") <(cut -d' ' -f1 "$TMP/got") |
        awk '{ if ($2 < $1 - 0.0005) { printf "line %d at %s, before its time %s\n", NR, $2, $1; bad = 1 }
               if ($2 > $1 + 2)      { printf "line %d at %s, long after %s\n", NR, $2, $1; bad = 1 } }
             END { exit bad }'
}


@test "every experiment has a twin and expected output" {
    for id in $(experiments); do
        src="$(source_of "$id")"
        [ -f "${src%.c}.py" ] || { echo "$src has no twin ${src%.c}.py"; return 1; }
        [ -f "$ROOT/expected/try/$id.times" ] || { echo "no expected/try/$id.times"; return 1; }
    done
}

@test "expected/try/ holds nothing for an experiment that is gone" {
    local ids=" $(experiments | tr '\n' ' ') " file id
    for file in "$ROOT"/expected/try/*; do
        id="${file##*/}"
        [ "$id" = README.md ] && continue
        [[ "$ids" == *" ${id%.*} "* ]] || { echo "$file: no such experiment"; return 1; }
    done
}

# One awk for every experiment (one process per file and check cost more
# than all the rest of this file): its lines are "ID SOURCE".
check_marked() {
    local nn id
    for nn in 01 02 03 04 05 06 07 08 09 10 11 12 13; do
        compgen -G "$ROOT/chapters/$nn-*/try-*.c" >/dev/null || { echo "chapter $nn has no experiment"; return 1; }
    done
    for id in $(experiments); do echo "$id $(source_of "$id")"; done | awk '
        function slurp(file,   text, line) {
            text = ""
            while ((getline line < file) > 0) text = text line "\n"
            close(file)
            return text
        }
        function fail(message) { print message; bad = 1; exit 1 }
        {
            id = $1; src = $2; dir = src; sub(/\/[^\/]*$/, "", dir); py = src; sub(/\.c$/, ".py", py)
            c = slurp(src)
            if (!index(c, "/* try: ")) fail(src " marks no change with /* try: */")
            if (!index(slurp(py), "# try: ")) fail(py " marks no change with # try:")
            if (c == slurp(dir "/main.c")) fail(src " is main.c unchanged")
            readme = slurp(dir "/README.md")
            at = index(readme, "\n## Experiments\n")
            if (!at) fail(dir "/README.md has no Experiments section")
            section = substr(readme, at + 16)
            if ((end = index(section, "\n## "))) section = substr(section, 1, end)
            nn = substr(id, 1, 2); name = substr(id, 4)
            if (!index(section, "make try-" nn "-" name) && !index(section, "make try-" (nn + 0) "-" name))
                fail(dir "/README.md: its Experiments section does not name make try-...-" name)
            if (!index(section, "<details>")) fail(dir "/README.md: no collapsed answer")
        }
        END { exit bad }'
}

@test "every chapter 01-13 has an experiment, marked and listed in its README" { untraced check_marked; }

@test "make try-8 runs chapter 08's first experiment, in real time" { check_make try-8 08-cancel-at-2; }
@test "make try-08-catch-cancel runs that one, in real time" { check_make try-08-catch-cancel 08-catch-cancel; }

# Every name resolves through make, all in one make (one make per name
# costs more than the experiments themselves), to the command that runs
# that experiment's program, in the order asked for.  make -n shows the
# commands without running them: the first test above runs every program,
# and the two above this one run make's commands for real.
@test "make try-N-NAME names every experiment's program" {
    local id targets=()
    : >"$TMP/want"
    for id in $(experiments); do
        targets+=("try-$id")
        echo "./$BUILD/try/$id" >>"$TMP/want"
    done
    [ "${#targets[@]}" -ge 13 ]
    make -n -s --no-print-directory -C "$ROOT" "${targets[@]}" >"$TMP/got" 2>"$TMP/err" ||
        { echo "make failed: $(cat "$TMP/err")"; return 1; }
    same "$TMP/want" "$TMP/got"
}

@test "make try-6 and make try-06 are the same experiment" {
    run make -s -C "$ROOT" try-6 SPEED=100
    [ "$status" -eq 0 ]
    six="$output"
    run make -s -C "$ROOT" try-06 SPEED=100
    [ "$status" -eq 0 ]
    [ "$output" = "$six" ]
    [ "${#lines[@]}" -eq 6 ]
}

@test "make try-N with an unknown experiment lists the real ones, exit 2" {
    ids="$(experiments)"
    for n in 99 abc 14 8-nope 3- 08-; do
        run --separate-stderr make -s -C "$ROOT" "try-$n"
        [ "$status" -eq 2 ]
        [ -z "$output" ]
        [[ "$stderr" == "make: there is no experiment '$n'. The experiments are: try-01-"*"try-13-"* ]]
        for id in $ids; do [[ "$stderr" == *" try-$id "* ]] || { echo "not listed: $id"; return 1; }; done
    done
}

@test "make try-N builds into try/, from the experiment, not the chapter's program" {
    run make -n -B -C "$ROOT" BUILD="$BATS_TEST_TMPDIR/b" try-8
    [ "$status" -eq 0 ]
    [[ "$output" == *"chapters/08-cancel/try-cancel-at-2.c"*"-o $BATS_TEST_TMPDIR/b/try/08-cancel-at-2"* ]]
    [[ "$output" != *"main.c"* ]]
}

@test "make try-N passes a bad SPEED on, and the program refuses it" {
    run make -s -C "$ROOT" try-2 SPEED=-3
    [ "$status" -ne 0 ]
    [[ "$output" == *"aio: AIO_SPEED='-3' is not valid"* ]]
}
