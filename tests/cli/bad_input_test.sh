#!/bin/sh
# Bad input never stops a run: the real indexer on a folder of broken, hostile and odd files.
# Each problem is reported with its path (and line or archive member), skipped and counted;
# the run exits 0 (1 under --strict) and the database holds exactly the good records.
# Usage: bad_input_test.sh INDEXER TEST_DATA_DIR
set -u
indexer=$1
data=$2
tmp=$(mktemp -d)
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0
failed=0
skipped_checks=0

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $1"
}
# check NAME GREP_ARGS... FILE: passes when grep finds the pattern
check() {
    name=$1
    shift
    if grep -q "$@"; then pass; else fail "$name"; fi
}

in=$tmp/inputs
mkdir -p "$in/sub"
good=0       # records that must be indexed
skips=0      # files or records that must be reported and skipped

# Good records, so that the run has something to keep.
cat >"$in/good.jsonl" <<'EOF'
{"id": "good-1", "title": "Lighthouse keepers honoured", "body": "Three keepers were honoured."}
{"id": "good-2", "title": "Pier lights replaced", "body": "The pier lights were replaced."}
EOF
good=$((good + 2))

# Binary: random bytes with NULs, named like text.
cp "$data/bad/binary.txt" "$in/binary.txt"
skips=$((skips + 1))

# Truncated gzip: the two records before the damage are kept.
cp "$data/bad/truncated.jsonl.gz" "$in/truncated.jsonl.gz"
good=$((good + 2))
skips=$((skips + 1))

# Truncated zip: first.txt is kept, second.jsonl (cut) is reported by its member name.
cp "$data/archives/damaged/truncated.zip" "$in/truncated.zip"
good=$((good + 1))
skips=$((skips + 1))

# Truncated tar.gz: two whole articles kept, the third reported.
cp "$data/archives/damaged/truncated.tar.gz" "$in/truncated.tar.gz"
good=$((good + 2))
skips=$((skips + 1))

# Invalid UTF-8: a text article is repaired (warning), a JSON Lines record is skipped.
cp "$data/wire/latin1-encoded.txt" "$in/latin1.txt"
printf '%s\n' '{"id": "utf8-1", "title": "Valid line"}' >"$in/bad-utf8.jsonl"
printf '{"id": "utf8-2", "title": "Caf\351 in Latin-1"}\n' >>"$in/bad-utf8.jsonl"
printf '%s\n' '{"id": "utf8-3", "title": "Another valid line"}' >>"$in/bad-utf8.jsonl"
good=$((good + 3))
skips=$((skips + 1))

# A 100 MB single line, made here (never committed).
{
    printf '{"id": "huge", "title": "'
    head -c 100000000 /dev/zero | tr '\0' 'x'
    printf '"}\n'
} >"$in/huge.jsonl"
skips=$((skips + 1))

# Deeply nested JSON: a document and a JSON Lines record, 100,000 levels.
nest() { head -c 100000 /dev/zero | tr '\0' "$1"; }
{
    printf '[{"id": "deep-kept", "title": "Before the deep part"},\n'
    nest '['
    nest ']'
    printf ']\n'
} >"$in/deep.json"
{
    printf '%s\n' '{"id": "deep-line-1", "title": "Fine"}'
    printf '{"id": "deep-line-2", "x": '
    nest '['
    nest ']'
    printf '}\n'
} >"$in/deep.jsonl"
good=$((good + 2))
skips=$((skips + 2))

# Empty files, plain and compressed.
: >"$in/empty.txt"
: >"$in/empty.jsonl"
printf '' | gzip -n >"$in/empty.gz"
skips=$((skips + 3))

# Symlink loops: a file that links to itself, a folder that links back to its parent.
ln -s loop.txt "$in/loop.txt"
ln -s .. "$in/sub/up"
skips=$((skips + 2))

# An unreadable file. Root reads it anyway: then the case cannot be tested here.
printf 'Unreadable title\n\nUnreadable body.\n' >"$in/unreadable.txt"
chmod 000 "$in/unreadable.txt"
if cat "$in/unreadable.txt" >/dev/null 2>&1; then
    echo "SKIP: unreadable file (running as root: permissions do not stop reads)"
    skipped_checks=$((skipped_checks + 1))
    good=$((good + 1))
    unreadable_checked=no
else
    skips=$((skips + 1))
    unreadable_checked=yes
fi

# Images and other names a folder walk leaves out are neither read nor reported.
cp "$data/archives/src/notes/logo.png" "$in/logo.png"

"$indexer" --db "$tmp/db" --quiet --json "$in" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ]; then pass; else
    fail "indexer exit status $status, expected 0"
    sed 's/^/  stderr: /' "$tmp/err" | head -20
fi
check "summary counts the skips" "\"skipped\":$skips[,}]" "$tmp/out"
check "summary counts the records" "\"records\":$good[,}]" "$tmp/out"
check "summary counts the documents" "\"documents\":$good[,}]" "$tmp/out"

# Each problem named with its path, and its line or member where there is one.
check "binary file" -F "$in/binary.txt: error: binary file" "$tmp/err"
gzip_damage="unexpected end of file (truncated or corrupt gzip data) after line 2"
check "truncated gzip" -F "$in/truncated.jsonl.gz: error: $gzip_damage" "$tmp/err"
check "truncated zip member" -F "$in/truncated.zip!second.jsonl: error:" "$tmp/err"
check "truncated tar.gz member" -F "$in/truncated.tar.gz!notice-3.txt: error:" "$tmp/err"
check "invalid UTF-8 record" -F "$in/bad-utf8.jsonl:2: error: invalid UTF-8 at byte 31" "$tmp/err"
check "invalid UTF-8 text repaired" -F "$in/latin1.txt: warning: not valid UTF-8 (line 1, byte 33)" \
    "$tmp/err"
check "100 MB line" -F "$in/huge.jsonl:1: error: line is too long" "$tmp/err"
check "deep JSON document" -F "$in/deep.json:2: error: JSON nested deeper than" "$tmp/err"
check "deep JSON Lines record" -F "$in/deep.jsonl:2: error: JSON nested deeper than" "$tmp/err"
check "empty text" -F "$in/empty.txt: error: empty file" "$tmp/err"
check "empty JSON Lines" -F "$in/empty.jsonl: error: empty file" "$tmp/err"
check "empty gzip" -F "$in/empty.gz: error: empty file" "$tmp/err"
check "symlinked file loop" -F "$in/loop.txt: error: symlink loop" "$tmp/err"
check "symlinked folder loop" -F "$in/sub/up: error: symlink loop" "$tmp/err"
if [ "$unreadable_checked" = yes ]; then
    check "unreadable file" -F "$in/unreadable.txt: error: cannot open" "$tmp/err"
fi
if grep -q "logo.png" "$tmp/err"; then fail "an image was reported"; else pass; fi

# The database opens, searches, and holds exactly the good records (by their Q id terms).
if command -v xapian-delve >/dev/null 2>&1 && command -v quest >/dev/null 2>&1; then
    xapian-delve -a -1 "$tmp/db" 2>"$tmp/delve.err" | grep '^Q' | sort >"$tmp/ids"
    abs_in=$(cd "$in" && pwd -P)
    {
        for id in good-1 good-2 fixture-001 fixture-002 utf8-1 utf8-3 deep-kept deep-line-1; do
            echo "Q$id"
        done
        echo "Qfile:$abs_in/truncated.zip!first.txt"
        echo "Qfile:$abs_in/truncated.tar.gz!notice-1.txt"
        echo "Qfile:$abs_in/truncated.tar.gz!notice-2.txt"
        echo "Qfile:$abs_in/latin1.txt"
        [ "$unreadable_checked" = no ] && echo "Qfile:$abs_in/unreadable.txt"
    } | sort >"$tmp/expected-ids"
    if cmp -s "$tmp/ids" "$tmp/expected-ids"; then pass; else
        fail "the database does not hold exactly the good records"
        diff "$tmp/expected-ids" "$tmp/ids" | sed 's/^/  /'
    fi
    # Xapian's own search tool: "keepers" is only in good-1.
    quest -d "$tmp/db" "keepers" >"$tmp/quest" 2>&1
    check "the database can be searched" "^Exactly 1 matches" "$tmp/quest"
    check "the search finds the good record" '"id":"good-1"' "$tmp/quest"
else
    echo "SKIP: database contents (xapian-tools not installed)"
    skipped_checks=$((skipped_checks + 1))
fi

# --strict: the same skips make the run fail, after committing the good records.
"$indexer" --db "$tmp/strict-db" --quiet --strict "$in" >/dev/null 2>&1
status=$?
if [ "$status" -eq 1 ]; then pass; else fail "--strict exit status $status, expected 1"; fi
if command -v xapian-delve >/dev/null 2>&1; then
    if xapian-delve "$tmp/strict-db" 2>/dev/null | grep -q "number of documents = $good"; then
        pass
    else
        fail "--strict did not commit the good records"
    fi
fi

echo "bad_input_test: $passed passed, $failed failed, $skipped_checks skipped"
[ "$failed" -eq 0 ]
