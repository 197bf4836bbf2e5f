#!/usr/bin/env bats
# The claims table ("The post, checked" in README.md, "글의 주장 검증" in
# README.ko.md): every row's proof runs, exits 0 and prints what expected/
# says; both languages list the same rows with the same commands; and each
# chapter's guide links to the rows its chapter proves.

load helpers

setup_file() { build_all; }

setup() { TMP="$BATS_TEST_TMPDIR"; }

# "C12 chapter-3" for each row of the table in $1: the row id and the make
# target of its one `make ...` command.
rows() {
    awk -F'|' '/^\| C[0-9]+ \|/ {
        id = $2; gsub(/ /, "", id); line = $0; out = id
        while (match(line, /`make [^`]*`/)) {
            out = out " " substr(line, RSTART + 6, RLENGTH - 7)
            line = substr(line, RSTART + RLENGTH)
        }
        print out
    }' "$ROOT/$1"
}

# What a proof must print: expected/NN-slug.times for chapter-N,
# expected/scenarios/NAME.times for scenario-NAME.
expected_of() {
    case "$1" in
        chapter-*) local n="${1#chapter-}"; [ "${#n}" -eq 1 ] && n="0$n"
                   echo "$ROOT/expected/$(chapter_named "$n").times" ;;
        scenario-*) echo "$ROOT/expected/scenarios/${1#scenario-}.times" ;;
    esac
}

@test "the table has a row for each of the post's statements, C1 to C50, one make command each" {
    rows README.md >"$TMP/rows"
    [ "$(wc -l <"$TMP/rows")" -eq 50 ]
    # Ids run C1, C2, ... in order; each row names exactly one command.
    awk '{ if ($1 != "C" NR) { print "row " NR " is " $1; bad = 1 }
           if (NF != 2 || $2 !~ /^(chapter|scenario)-[A-Za-z0-9_]+$/) { print "bad command in " $0; bad = 1 } }
         END { exit bad }' "$TMP/rows"
    grep -cE '^\| C[0-9]+ \|.*\| `make [^`]*` \|$' "$ROOT/README.md" | grep -qx 50
}

@test "every verdict is holds, imprecise or wrong (맞음, 부정확함, 틀림)" {
    grep -E '^\| C[0-9]+ \|' "$ROOT/README.md" | cut -d'|' -f5 | tr -d ' *' | sort -u >"$TMP/en"
    printf '%s\n' holds imprecise wrong >"$TMP/want"
    same "$TMP/want" "$TMP/en"
    grep -E '^\| C[0-9]+ \|' "$ROOT/README.ko.md" | cut -d'|' -f5 | tr -d ' *' | sort -u >"$TMP/ko"
    printf '%s\n' 맞음 부정확함 틀림 | sort >"$TMP/want"
    same "$TMP/want" "$TMP/ko"
    # The same verdict in both languages, row by row.
    paste -d' ' <(grep -E '^\| C[0-9]+ \|' "$ROOT/README.md" | cut -d'|' -f5 | tr -d ' *') \
                <(grep -E '^\| C[0-9]+ \|' "$ROOT/README.ko.md" | cut -d'|' -f5 | tr -d ' *') |
        awk '{ k = ($1 == "holds") ? "맞음" : ($1 == "imprecise") ? "부정확함" : "틀림"
               if ($2 != k) { print "row " NR ": " $1 " but " $2; bad = 1 } } END { exit bad }'
}

@test "README.ko.md has the same rows, with the same commands, as README.md" {
    rows README.md >"$TMP/en"
    rows README.ko.md >"$TMP/ko"
    same "$TMP/en" "$TMP/ko"
}

@test "every proof in the table runs green and prints its expected output" { untraced run_proofs; }

run_proofs() {
    rows README.md >"$TMP/rows"
    local failed="" ran=" "
    while read -r id target; do
        # Many rows share a proof: run each command once.
        case "$ran" in *" $target "*) continue ;; esac
        ran="$ran$target "
        local want; want="$(expected_of "$target")"
        if [ ! -f "$want" ]; then
            failed="$failed $id($target: no expected output)"; continue
        fi
        if ! AIO_CLOCK=virtual AIO_STAMP=1 make -s --no-print-directory -C "$ROOT" "$target" \
                >"$TMP/out" 2>"$TMP/err" </dev/null; then
            failed="$failed $id($target: exit status)"; cat "$TMP/err"; continue
        fi
        if ! diff -u <(normalise <"$want") <(normalise <"$TMP/out"); then
            failed="$failed $id($target: output)"
        fi
    done <"$TMP/rows"
    [ -z "$failed" ] || { echo "failing rows:$failed"; return 1; }
}

@test "a broken proof fails: a wrong expected output is caught" {
    # The check above must be able to fail: feed it a scenario whose
    # expected output is off by one line.
    rows README.md | grep -m1 ' scenario-claim_' >"$TMP/row"
    read -r id target <"$TMP/row"
    AIO_CLOCK=virtual AIO_STAMP=1 make -s --no-print-directory -C "$ROOT" "$target" >"$TMP/out" 2>/dev/null
    sed '$d' "$(expected_of "$target")" >"$TMP/short"
    run diff -u "$TMP/short" "$TMP/out"
    [ "$status" -ne 0 ]
    run make -s --no-print-directory -C "$ROOT" scenario-no_such_claim
    [ "$status" -eq 2 ]
    [[ "$output" == *"there is no scenario 'no_such_claim'"* ]]
}

@test "each chapter's guide links to the table and names every row its chapter proves" { untraced check_guides; }

check_guides() {
    rows README.md >"$TMP/rows"
    local missing=""
    while read -r id target; do
        case "$target" in chapter-*) ;; *) continue ;; esac
        local n="${target#chapter-}"; [ "${#n}" -eq 1 ] && n="0$n"
        local guide="$ROOT/chapters/$(chapter_named "$n")/README.md"
        grep -q '](../../README.md#the-post-checked)' "$guide" || missing="$missing $n(no link)"
        grep -qE "\\b$id\\b" "$guide" || missing="$missing $n($id)"
    done <"$TMP/rows"
    [ -z "$missing" ] || { echo "missing:$missing"; return 1; }
}

@test "every claim_ scenario is the proof of some row" {
    for c in "$ROOT"/scripts/scenarios/claim_*.c; do
        name="$(basename "$c" .c)"
        grep -qE "^\| C[0-9]+ \|.*\`make scenario-$name\`" "$ROOT/README.md" || { echo "$name proves no row"; return 1; }
    done
}
