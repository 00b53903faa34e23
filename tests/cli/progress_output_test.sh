#!/bin/sh
# What the real indexer prints: plain progress lines when stderr is not a terminal, one redrawn
# line on a terminal (through script(1)), nothing but errors and the summary with --quiet, and
# with --json exactly one JSON object on stdout. The input comes through a pipe in two parts
# with a pause between them, so that the run outlasts the progress interval.
# Usage: progress_output_test.sh INDEXER TEST_DATA_DIR
set -u
indexer=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {
    name=$1
    shift
    if "$@"; then pass; else fail "$name"; fi
}
releases="$data/jsonl/releases.jsonl"  # 6 releases
head -n 3 "$releases" >"$tmp/part1"
tail -n +4 "$releases" >"$tmp/part2"
esc=$(printf '\033')
cr=$(printf '\r')

# Not a terminal: a plain line once the 5 s interval has passed, then the summary. (The pause
# leaves 3 s for the indexer to start on a busy machine.)
(cat "$tmp/part1"; sleep 8; cat "$tmp/part2") |
    "$indexer" --db "$tmp/plain" - >"$tmp/plain.out" 2>"$tmp/plain.err"
check "plain run exits 0" [ $? -eq 0 ]
check "plain progress line: $(cat "$tmp/plain.err")" \
    grep -Eq '^indexer: 1 of 1 file, [1-6] documents? \([0-9]+/s\); reading <stdin>$' "$tmp/plain.err"
check "no terminal control characters when not on a terminal" \
    sh -c "! grep -q '[$esc$cr]' '$tmp/plain.err'"
check "the summary is the last line" sh -c "tail -n 1 '$tmp/plain.err' | grep -q \
'^indexer: 6 records from 1 file: 6 added, 0 replaced, 0 unchanged, 0 skipped, 0 deleted in '"
check "nothing on stdout without --json" [ ! -s "$tmp/plain.out" ]

# --quiet: only the summary (the input has no errors).
(cat "$tmp/part1"; sleep 8; cat "$tmp/part2") |
    "$indexer" --db "$tmp/quiet" --quiet - >"$tmp/quiet.out" 2>"$tmp/quiet.err"
check "--quiet: the summary alone: $(cat "$tmp/quiet.err")" [ "$(wc -l <"$tmp/quiet.err")" -eq 1 ]
check "--quiet: the summary" grep -q '^indexer: 6 records from 1 file: 6 added' "$tmp/quiet.err"

# --json: one JSON object on stdout, every count in it; progress still on stderr.
"$indexer" --db "$tmp/json" --json "$releases" "$data/bad/mixed.jsonl" --delete fixture-001 none \
    >"$tmp/json.out" 2>"$tmp/json.err"
check "--json run exits 0" [ $? -eq 0 ]
check "--json: one line on stdout" [ "$(wc -l <"$tmp/json.out")" -eq 1 ]
# 6 releases and mixed.jsonl's 3 good lines of 10 (6 bad, 1 blank); one of the two ids exists.
check "--json: the whole object: $(cat "$tmp/json.out")" grep -Eq '^\{"added":9,"deleted":1,'\
'"documents":8,"files":2,"ids_not_found":1,"interrupted":false,"records":9,"replaced":0,'\
'"seconds":[0-9.e-]+,"skipped":6,"unchanged":0,"warnings":0\}$' "$tmp/json.out"
check "--json: errors stay on stderr" grep -q 'mixed.jsonl:2: error: invalid JSON' "$tmp/json.err"
check "--json: the unknown id is reported" \
    grep -q "indexer: warning: --delete: no document has the id 'none'" "$tmp/json.err"
check "--json: no text summary" sh -c "! grep -q 'records from' '$tmp/json.err'"

# A terminal: one line redrawn in place, cleared before the summary.
if command -v script >/dev/null 2>&1; then
    TERM=xterm script -qec "sh -c '(cat $tmp/part1; sleep 2; cat $tmp/part2) | \
$indexer --db $tmp/live -'" /dev/null >"$tmp/live.out" 2>&1
    check "terminal run exits 0" [ $? -eq 0 ]
    check "terminal: the line is redrawn: $(od -c "$tmp/live.out" | head -8)" \
        grep -Eq "${cr}${esc}\[Kindexer: 1 of 1 file, [1-6] documents? \([0-9]+/s\); reading <stdin>" \
        "$tmp/live.out"
    check "terminal: cleared before the summary" \
        grep -q "${cr}${esc}\[Kindexer: 6 records from 1 file: 6 added" "$tmp/live.out"
    TERM=dumb script -qec "$indexer --db $tmp/dumb $releases" /dev/null >"$tmp/dumb.out" 2>&1
    check "TERM=dumb: no redrawing" sh -c "! grep -q '$esc' '$tmp/dumb.out'"
else
    echo "progress_output_test: script(1) not found, the terminal checks are left out"
fi

echo "progress_output_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
