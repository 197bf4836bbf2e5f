#!/usr/bin/env bats
# The guides come in pairs, README.md and README.ko.md: at the top, in
# common/ and in every chapter.  The Korean reader must find the same
# sections, code, tables, files, functions and commands as the English one,
# so each pair is compared on everything that is not prose: headings per
# level, fenced blocks byte for byte and in order, rows per table, and the
# sets of common/ paths, name() calls and `make ...` commands in code spans,
# claim ids, link targets and <details> blocks.  And whatever a guide (any
# README, either language) names in common/ must exist there.
#
# Speed: one awk pass reads every README, one reads every C source and one
# every Python source; each test then diffs or scans those results.

load helpers

# What a guide names as a function: an identifier directly followed by `(`
# inside a `code span` (so `aio_run()`, `wait_readable(-1, 0.5)` and
# `aio_await(aio_sleep(seconds), NULL)` name aio_await and aio_sleep).
# Dotted names (`asyncio.run()`, `select.select(...)`) are Python attribute
# calls and are skipped, as are C keywords.  Each name must be defined:
#   - `aio_*` names, and every name in common/README*.md or in a section
#     whose heading names `common/` ("Where it lives in `common/`"): in
#     common/, as a function definition (a line starting in column 0 with
#     the name before its first `(`, where a `{` comes before any `;`)
#     or a #define, in common/**/*.c or common/**/*.h;
#   - other names: the same in any C source under common/, chapters/ or
#     scripts/, or a `def NAME` in a Python file there (the twins);
#   - or, unless it is an `aio_*` name, be one of EXTERNAL: libc, every program's own main(), and the
#     Python builtins, asyncio functions and Future/Task methods that the
#     guides name without their module or object.
# The post's output `sleeping for 1 second(s)` is not a call: `second(s)`
# is dropped from spans first.
EXTERNAL="select sigsetjmp siglongjmp mmap mincore malloc free main
print next type repr isinstance
run create_task sleep gather wait_for shield ensure_future
Future Task done cancel cancelled result exception set_result set_exception
cancelling uncancel add_done_callback remove_done_callback"

# A `common/...` path anywhere in a guide's text or links must exist (a
# glob such as common/*.c must match something).  In the same common/
# contexts as above, a code span that is just a file name (`loop.c`,
# `machinery/stack.c`) must be a file under common/, at any depth.

setup_file() {
    FP="$BATS_FILE_TMPDIR/fp"
    export FP
    mkdir -p "$FP"
    cd "$ROOT" || return 1
    local en ko
    local -a paired=() single=()
    # Pairs in a fixed order, English first, so that $FP/en.* and $FP/ko.*
    # list the pairs in the same order and one diff compares all of them.
    for en in README.md common/README.md chapters/[0-9][0-9]-*/README.md; do
        [ -f "$en" ] || continue
        ko="${en%.md}.ko.md"
        if [ -f "$ko" ]; then paired+=("$en" "$ko"); else single+=("$en"); fi
    done
    # Every other README (expected/, a Korean file without English) is
    # only checked for the names it uses.
    while IFS= read -r f; do
        f="${f#./}"
        case " ${paired[*]} ${single[*]} " in *" $f "*) continue ;; esac
        single+=("$f")
    done < <(find . \( -name .git -o -path "./$BUILD" \) -prune -o -name 'README*.md' -print | sort)
    printf '%s\n' "${paired[@]}" >"$FP/paired"
    printf '%s\n' "${single[@]}" >"$FP/single"
    local cat
    for cat in heads code tables paths calls makes claims links details; do
        : >"$FP/en.$cat"; : >"$FP/ko.$cat"
    done
    : >"$FP/toplink"; : >"$FP/all.paths"; : >"$FP/all.files"; : >"$FP/all.calls"
    awk -v fp="$FP" "$README_AWK" pair=1 "${paired[@]}" pair=0 "${single[@]}"
    find common chapters scripts -name '*.[ch]' | sort >"$FP/c-sources"
    find common -type f | sort >"$FP/common-files"
    # shellcheck disable=SC2046
    awk "$C_DEFS_AWK" $(cat "$FP/c-sources") | sort -u >"$FP/c-defs"
    # shellcheck disable=SC2046
    awk '/^[ \t]*(async[ \t]+)?def[ \t]+[A-Za-z_]/ {
             sub(/^[ \t]*(async[ \t]+)?def[ \t]+/, ""); sub(/[^A-Za-z0-9_].*/, "")
             print "any", $0 }' $(find chapters scripts -name '*.py') | sort -u >"$FP/py-defs"
}

# One pass over every README.  Per file: `key` is its directory, `side` en
# or ko.  For paired files it writes $FP/SIDE.CATEGORY, one "key: item" line
# per item, sets sorted; for every file it writes $FP/all.* with FILE:LINE.
README_AWK='
function flush(   i, t) {
    if (file == "") return
    if (paired) {
        for (i = 1; i <= 6; i++)
            if (nh[i]) printf "%s: %s x %d\n", key, substr("######", 1, i), nh[i] > (fp "/" side ".heads")
        for (t = 1; t <= ntab; t++)
            printf "%s: table %d: %d rows\n", key, t, rows[t] > (fp "/" side ".tables")
        printf "%s: %d <details> blocks\n", key, ndetails > (fp "/" side ".details")
        emit("paths"); emit("calls"); emit("makes"); emit("claims"); emit("links")
        if (!toplink)
            printf "%s: no link to %s in its first 5 lines\n", file, twin > (fp "/toplink")
    }
    carry = ""
    delete nh; delete rows; delete seen; delete count; delete item
    ntab = 0; ndetails = 0; intable = 0; block = 0; fence = ""; common_section = 0
}
function add(cat, v) {
    if ((cat SUBSEP v) in seen) return
    seen[cat, v] = 1
    item[cat, ++count[cat]] = v
}
# Sorted, so that the order in which a guide mentions things is free.
function emit(cat,   n, i, j, a, t) {
    n = count[cat]
    for (i = 1; i <= n; i++) a[i] = item[cat, i]
    for (i = 2; i <= n; i++) {
        t = a[i]
        for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
        a[j + 1] = t
    }
    for (i = 1; i <= n; i++) printf "%s: %s\n", key, a[i] > (fp "/" side "." cat)
}
FNR == 1 {
    flush()
    file = FILENAME
    side = (file ~ /\.ko\.md$/) ? "ko" : "en"
    twin = (side == "ko") ? "README.md" : "README.ko.md"
    key = file; sub(/README(\.ko)?\.md$/, "", key); if (key == "") key = "./"
    toplink = 0
    paired = pair
    in_common = (file ~ /^common\//)
}
FNR <= 5 && index($0, "](" twin ")") { toplink = 1 }
# Fenced blocks: kept whole, fence lines included, and nothing else is
# read inside them.
fence != "" {
    if (pair) printf "%s: block %d: %s\n", key, block, $0 > (fp "/" side ".code")
    if ($0 ~ /^[ \t]*(```|~~~)/ && index($0, fence)) fence = ""
    next
}
/^[ \t]*(```|~~~)/ {
    fence = $0; sub(/^[ \t]*/, "", fence); fence = substr(fence, 1, 3)
    block++
    if (pair) printf "%s: block %d: %s\n", key, block, $0 > (fp "/" side ".code")
    next
}
/^#+[ \t]/ {
    match($0, /^#+/); nh[RLENGTH]++
    common_section = index($0, "common/") > 0
}
/^[ \t]*\|/ { if (!intable) { ntab++; intable = 1 } rows[ntab]++ }
!/^[ \t]*\|/ { intable = 0 }
/<details>/ { ndetails++ }
{
    where = FILENAME ":" FNR ": "
    # common/ paths, in prose, code spans and link targets alike.
    s = $0
    while (match(s, /common\/[A-Za-z0-9_.*\/-]*/)) {
        before = (RSTART > 1) ? substr(s, RSTART - 1, 1) : ""
        p = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
        if (before ~ /[A-Za-z0-9_]/) continue
        sub(/[.]+$/, "", p)
        add("paths", p)
        print where p > (fp "/all.paths")
    }
    # Claim ids: C1 .. C50.
    s = $0
    while (match(s, /C[0-9]+/)) {
        before = (RSTART > 1) ? substr(s, RSTART - 1, 1) : ""
        after = substr(s, RSTART + RLENGTH, 1)
        c = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
        if (before !~ /[A-Za-z0-9_]/ && after !~ /[A-Za-z0-9_]/) add("claims", c)
    }
    # Link targets, without anchors (they follow the language of the guide)
    # and with README.ko.md read as README.md; the link to the twin itself
    # is checked by its own test.
    s = $0
    while (match(s, /\]\([^)]*\)/)) {
        t = substr(s, RSTART + 2, RLENGTH - 3); s = substr(s, RSTART + RLENGTH)
        sub(/#.*/, "", t); sub(/README\.ko\.md$/, "README.md", t)
        if (t != "" && t != "README.md") add("links", t)
    }
    # Code spans: the even fields between backticks.  A span may wrap onto
    # the next line (the two languages wrap differently), never past a
    # paragraph: an odd count of backticks carries the line over.
    if ($0 ~ /^[ \t]*$/ || $0 ~ /^#/) carry = ""
    text = carry $0
    t = text
    if (gsub(/`/, "", t) % 2) { carry = text " "; next }
    carry = ""
    scope = (in_common || common_section) ? "common" : "any"
    n = split(text, part, "`")
    for (i = 2; i < n; i += 2) {
        span = part[i]
        gsub(/second\(s\)/, "second", span)
        if (span ~ /^make[ \t]/) add("makes", span)
        if (scope == "common" && span ~ /^[A-Za-z0-9_\/-]+\.[ch]$/ && span !~ /^common\//)
            print where span > (fp "/all.files")
        while (match(span, /[A-Za-z_][A-Za-z0-9_.]*\(/)) {
            name = substr(span, RSTART, RLENGTH - 1); span = substr(span, RSTART + RLENGTH)
            if (name ~ /\./ || name ~ /^(if|while|for|switch|return|sizeof|_Generic|_Alignof|_Static_assert)$/) continue
            add("calls", name "()")
            print where name " " scope > (fp "/all.calls")
        }
    }
}
END { flush() }
'

# Definitions in C sources: "common NAME" for those in common/, "any NAME"
# for the rest.  See the rule at the top of this file.
C_DEFS_AWK='
FNR == 1 { where = (FILENAME ~ /^common\//) ? "common" : "any"; pending = "" }
/^[ \t]*#[ \t]*define[ \t]+[A-Za-z_]/ {
    s = $0; sub(/^[ \t]*#[ \t]*define[ \t]+/, "", s); sub(/[^A-Za-z0-9_].*/, "", s)
    print where, s
    next
}
# A definition or a prototype: the first `{` or `;` after the name tells.
# In a header, only an inline function is defined.
(FILENAME ~ /\.c$/ || /^static inline /) && /^[A-Za-z_][^;=]*[A-Za-z0-9_][ \t]*\(/ && !/^(typedef|struct|union|enum)[ \t]/ {
    s = $0; sub(/[ \t]*\(.*/, "", s); sub(/.*[^A-Za-z0-9_]/, "", s)
    pending = s
}
pending != "" {
    s = $0; sub(/^[^(]*\(/, "", s)
    b = index(s, "{"); c = index(s, ";")
    if (b && (!c || b < c)) { print where, pending; pending = "" }
    else if (c) pending = ""
}
'

# The lines of English and Korean that differ, for one category.
compare() {
    diff -u --label "English ($2)" --label "Korean ($2)" "$FP/en.$1" "$FP/ko.$1"
}

@test "every guide has its Korean twin (and every Korean guide its English one)" {
    local missing="" f
    for f in README.md common/README.md "$ROOT"/chapters/[0-9][0-9]-*/README.md; do
        f="${f#"$ROOT"/}"
        [ -f "$ROOT/${f%.md}.ko.md" ] || missing="$missing ${f%.md}.ko.md"
    done
    for f in "$ROOT"/README.ko.md "$ROOT"/common/README.ko.md "$ROOT"/chapters/*/README.ko.md; do
        [ -f "$f" ] || continue
        f="${f#"$ROOT"/}"
        [ -f "$ROOT/${f%.ko.md}.md" ] || missing="$missing ${f%.ko.md}.md"
    done
    [ -z "$missing" ] || { echo "missing:$missing"; return 1; }
}

@test "each guide links to its twin right under its title" {
    [ ! -s "$FP/toplink" ] || { cat "$FP/toplink"; return 1; }
}

# One test for every category, each compared in full: the diff of each
# category that differs is printed, headed by its name.
@test "each pair has the same headings per level, fenced blocks (byte for byte), tables, common/ paths, functions, make commands, claims, links and <details> blocks" {
    local bad=0
    for category in heads code tables calls makes; do
        [ -s "$FP/en.$category" ] || { echo "no $category found in the English guides"; bad=1; }
    done
    compare heads "headings per level" || bad=1
    compare code "fenced blocks" || bad=1
    compare tables "rows per table" || bad=1
    compare paths "common/ paths" || bad=1
    compare calls "name() in code spans" || bad=1
    compare makes "make commands" || bad=1
    compare claims "claim ids" || bad=1
    compare links "link targets" || bad=1
    compare details "<details> blocks" || bad=1
    return "$bad"
}

check_paths() {
    local where path bad=0
    [ -s "$FP/all.paths" ]
    while read -r where path; do
        # A glob (common/*.c) must match; compgen is a builtin, no process.
        if [[ "$path" == *'*'* ]]; then
            compgen -G "$ROOT/$path" >/dev/null && continue
        else
            [ -e "$ROOT/$path" ] && continue
        fi
        echo "$where $path: no such file"; bad=1
    done <"$FP/all.paths"
    # Bare file names where a guide speaks of common/: anywhere under it.
    local -A known=()
    local f
    while read -r f; do
        f="${f#common/}"
        while :; do known["$f"]=1; [[ "$f" == */* ]] || break; f="${f#*/}"; done
    done <"$FP/common-files"
    while read -r where path; do
        [ -n "${known[$path]:-}" ] || { echo "$where $path: not a file under common/"; bad=1; }
    done <"$FP/all.files"
    return "$bad"
}

@test "every common/ path a guide names exists" { untraced check_paths; }

@test "every function a guide names is defined (aio_* and common/ ones in common/)" {
    [ -s "$FP/all.calls" ]
    awk -v external="$EXTERNAL" '
        BEGIN { n = split(external, e, /[ \n]+/); for (i = 1; i <= n; i++) ext[e[i]] = 1 }
        FILENAME ~ /c-defs$/ { def[$1, $2] = 1; if ($1 == "common") def["any", $2] = 1; next }
        FILENAME ~ /py-defs$/ { def["any", $2] = 1; next }
        {
            name = $2; scope = $3
            if (name ~ /^aio_/) scope = "common"
            if ((scope, name) in def) next
            if (!(name ~ /^aio_/) && name in ext) next
            printf "%s %s(): not defined %s\n", $1, name, (scope == "common") ? "in common/" : "in the C or Python sources"
            bad = 1
        }
        END { exit bad }' "$FP/c-defs" "$FP/py-defs" "$FP/all.calls"
}
