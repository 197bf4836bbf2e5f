#!/usr/bin/env bats
# The experiments (chapters/NN-slug/try-NAME.c and .py): each C variant and
# its CPython twin against expected/try/, `make try-N` and `make
# try-N-NAME`, and every chapter 01-13 having at least one.

load helpers

# Every experiment as NN-NAME, from its source: 08-catch-cancel.
experiments() {
    local src dir
    for src in "$ROOT"/chapters/[0-9][0-9]-*/try-*.c; do
        dir="$(basename "$(dirname "$src")")"
        src="$(basename "$src" .c)"
        echo "${dir%%-*}-${src#try-}"
    done
}

source_of() { ls "$ROOT"/chapters/"${1%%-*}"-*/try-"${1#*-}".c; }

setup_file() {
    build_all
    make -s -C "$ROOT" tries >/dev/null
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

# The variant's stdout and stderr under the virtual clock: the lines of
# expected/try/ID.times, and ID.err or nothing; and then its loop times.
check_output() {
    local id="$1" want="$ROOT/expected/try/$1"
    run --separate-stderr env AIO_CLOCK=virtual "$(bin "try/$id")"
    [ "$status" -eq 0 ] || { echo "exit status $status: $stderr"; return 1; }
    printf '%s\n' "$output" | normalise >"$TMP/out"
    unstamp <"$want.times" | normalise >"$TMP/want"
    same "$TMP/want" "$TMP/out"
    printf '%s' "$stderr" >"$TMP/err"
    if [ -f "$want.err" ]; then
        printf '%s' "$(cat "$want.err")" >"$TMP/want.err"
        same "$TMP/want.err" "$TMP/err"
    else
        same /dev/null "$TMP/err"
    fi
    AIO_CLOCK=virtual AIO_STAMP=1 "$(bin "try/$id")" 2>/dev/null | normalise >"$TMP/got"
    normalise <"$want.times" >"$TMP/want"
    same "$TMP/want" "$TMP/got"
}

# The twin, on CPython under the same clock, prints expected/try/ID.times.
check_twin() {
    command -v python3 >/dev/null || skip "python3 is not installed: no twin to compare"
    local id="$1" want="$ROOT/expected/try/$1"
    TWINS="$BATS_FILE_TMPDIR/twins"
    [ "$(cat "$TWINS/$id.status")" -eq 0 ]
    normalise <"$TWINS/$id.out" >"$TMP/got"
    normalise <"$want.times" >"$TMP/want"
    same "$TMP/want" "$TMP/got"
    if [ -f "$want.err" ]; then
        same "$want.err" "$TWINS/$id.err"
    else
        same /dev/null "$TWINS/$id.err"
    fi
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

@test "01 run: output and loop times" { check_output 01-run; }
@test "01 run: Python twin" { check_twin 01-run; }
@test "02 run-again: output and loop times" { check_output 02-run-again; }
@test "02 run-again: Python twin" { check_twin 02-run-again; }
@test "03 await-later: output and loop times" { check_output 03-await-later; }
@test "03 await-later: Python twin" { check_twin 03-await-later; }
@test "04 task: output and loop times" { check_output 04-task; }
@test "04 task: Python twin" { check_twin 04-task; }
@test "05 no-await: output and loop times" { check_output 05-no-await; }
@test "05 no-await: Python twin" { check_twin 05-no-await; }
@test "05 return-at-once: output and loop times" { check_output 05-return-at-once; }
@test "05 return-at-once: Python twin" { check_twin 05-return-at-once; }
@test "06 await-at-once: output and loop times" { check_output 06-await-at-once; }
@test "06 await-at-once: Python twin" { check_twin 06-await-at-once; }
@test "06 mixed-delays: output and loop times" { check_output 06-mixed-delays; }
@test "06 mixed-delays: Python twin" { check_twin 06-mixed-delays; }
@test "07 await-first: output and loop times" { check_output 07-await-first; }
@test "07 await-first: Python twin" { check_twin 07-await-first; }
@test "08 cancel-at-2: output and loop times" { check_output 08-cancel-at-2; }
@test "08 cancel-at-2: Python twin" { check_twin 08-cancel-at-2; }
@test "08 catch-cancel: output and loop times" { check_output 08-catch-cancel; }
@test "08 catch-cancel: Python twin" { check_twin 08-catch-cancel; }
@test "09 longer-timeout: output and loop times" { check_output 09-longer-timeout; }
@test "09 longer-timeout: Python twin" { check_twin 09-longer-timeout; }
@test "10 no-shield: output and loop times" { check_output 10-no-shield; }
@test "10 no-shield: Python twin" { check_twin 10-no-shield; }
@test "11 cancel: output and loop times" { check_output 11-cancel; }
@test "11 cancel: Python twin" { check_twin 11-cancel; }
@test "12 set-first: output and loop times" { check_output 12-set-first; }
@test "12 set-first: Python twin" { check_twin 12-set-first; }
@test "13 sleepy-countdown: output and loop times" { check_output 13-sleepy-countdown; }
@test "13 sleepy-countdown: Python twin" { check_twin 13-sleepy-countdown; }

@test "every experiment has both tests above, a twin and expected output" {
    for id in $(experiments); do
        nn="${id%%-*}" name="${id#*-}"
        for kind in "output and loop times" "Python twin"; do
            grep -Fq "@test \"$nn $name: $kind\"" "$BATS_TEST_FILENAME" || {
                echo "experiment $id has no '$kind' test"; return 1; }
        done
        src="$(source_of "$id")"
        [ -f "${src%.c}.py" ] || { echo "$src has no twin ${src%.c}.py"; return 1; }
        [ -f "$ROOT/expected/try/$id.times" ] || { echo "no expected/try/$id.times"; return 1; }
    done
}

@test "expected/try/ holds nothing for an experiment that is gone" {
    experiments >"$TMP/ids"
    for file in "$ROOT"/expected/try/*; do
        id="${file##*/}"
        [ "$id" = README.md ] && continue
        grep -qx "${id%.*}" "$TMP/ids" || { echo "$file: no such experiment"; return 1; }
    done
}

@test "every chapter 01-13 has an experiment, marked and listed in its README" {
    for nn in 01 02 03 04 05 06 07 08 09 10 11 12 13; do
        ls "$ROOT"/chapters/$nn-*/try-*.c >/dev/null 2>&1 || { echo "chapter $nn has no experiment"; return 1; }
    done
    for id in $(experiments); do
        src="$(source_of "$id")"
        grep -q '/\* try: ' "$src" || { echo "$src marks no change with /* try: */"; return 1; }
        grep -q '# try: ' "${src%.c}.py" || { echo "${src%.c}.py marks no change with # try:"; return 1; }
        ! cmp -s "$src" "$(dirname "$src")/main.c" || { echo "$src is main.c unchanged"; return 1; }
        readme="$(dirname "$src")/README.md"
        awk '/^## Experiments/ { e = 1; next } /^## / { e = 0 } e' "$readme" >"$TMP/section"
        grep -Fq "make try-${id%%-*}-${id#*-}" "$TMP/section" ||
            grep -Fq "make try-$((10#${id%%-*}))-${id#*-}" "$TMP/section" || {
            echo "$readme: its Experiments section does not name make try-...-${id#*-}"; return 1; }
        grep -Fq "<details>" "$TMP/section" || { echo "$readme: no collapsed answer"; return 1; }
    done
}

@test "make try-8 runs chapter 08's first experiment, in real time" { check_make try-8 08-cancel-at-2; }
@test "make try-08-catch-cancel runs that one, in real time" { check_make try-08-catch-cancel 08-catch-cancel; }

# Every name resolves through make; the real clock is shown by the two
# tests above, so the rest run under the virtual clock and cost no waiting.
@test "make try-N-NAME runs every experiment" {
    for id in $(experiments); do
        AIO_CLOCK=virtual AIO_STAMP=1 make -s -C "$ROOT" "try-$id" 2>"$TMP/err" | normalise >"$TMP/got" || {
            echo "make try-$id failed: $(cat "$TMP/err")"; return 1; }
        normalise <"$ROOT/expected/try/$id.times" >"$TMP/want"
        same "$TMP/want" "$TMP/got" || { echo "make try-$id"; return 1; }
    done
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
