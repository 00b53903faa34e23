#!/bin/sh
# A killed indexer leaves the last commit intact. The indexer is killed with SIGKILL at random
# moments of real runs: first runs into an empty database (a bulk load: parts, merges, the
# final swap) and runs into a partly filled one (the single writer, batch commits). After every
# kill the database must open, pass xapian-check, hold no duplicate ids and answer a search
# through the real server; at the end one more run must reach exactly the ids of an
# uninterrupted run, read from the input.
#
# Usage: kill_test.sh INDEXER SERVER SOURCE_DIR [corpus]
#   default: the bundled sample (data/sample, 2,000 releases), 20 kills
#   corpus:  the shared corpus's DOJ file (11,412 releases), 6 kills; exit 77 when it is absent
# KILL_TEST_SEED=N replays the same kill moments and options; KILL_TEST_KILLS=N changes the
# number of kills.
set -u
indexer=$1
server=$2
source_dir=$3
mode=${4:-sample}

if [ "$mode" = corpus ]; then
    corpus=${DATELINE_CORPUS:-$source_dir/../shared/corpus}
    input="$corpus/doj_press_releases.jsonl.gz"
    if [ ! -f "$input" ]; then
        echo "SKIPPED: the corpus kill test needs $input (the shared corpus is not beside this clone)"
        exit 77
    fi
    kills=${KILL_TEST_KILLS:-6}
else
    input="$source_dir/data/sample/doj_press_releases_sample.jsonl.gz"
    kills=${KILL_TEST_KILLS:-20}
fi
for tool in xapian-delve xapian-check curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "kill_test: $tool is required (scripts/setup.sh)"; exit 1; }
done

seed=${KILL_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "kill_test: seed $seed (KILL_TEST_SEED=$seed replays these kill moments), input $input"

tmp=$(mktemp -d)
server_log_dir=$tmp
. "$(dirname "$0")/../support/server.sh"
. "$(dirname "$0")/../support/xapian_checks.sh"
pid=""
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null; stop_server KILL; rm -rf "$tmp"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

now_ms() { date +%s%3N; }

# The next pseudo-random number in [0, 1), from the seed (Park and Miller's generator, exact in
# awk's doubles): the same seed gives the same sequence.
random_state=$((seed % 2147483646 + 1))
next_random() {
    random_state=$(awk -v s="$random_state" 'BEGIN { printf "%d", (s * 16807) % 2147483647 }')
    random=$(awk -v s="$random_state" 'BEGIN { printf "%.6f", (s - 1) / 2147483646 }')
}

# One search through the real server; prints the number of hits, nothing if it did not answer.
search_total() {
    start_server "$server" "$1" --log-level error >/dev/null 2>&1 || return 0
    curl -s "${server_url}api/search?q=justice&size=1" | grep -o '"total":[0-9]*' | cut -d: -f2
    stop_server
}

# The ids the input holds, read from the input itself (every record has an "id").
expected_ids="$tmp/expected.ids"
gzip -dc "$input" | grep -o '^{"id": "[^"]*"' | sed 's/^{"id": "\(.*\)"$/Q\1/' | LC_ALL=C sort -u >"$expected_ids"
expected=$(wc -l <"$expected_ids")
echo "kill_test: $expected distinct ids in the input"

# An uninterrupted run: its time sets the range of kill moments, its ids must be the input's.
started=$(now_ms)
"$indexer" --db "$tmp/reference" --quiet "$input" 2>"$tmp/err" || { fail "reference run"; cat "$tmp/err"; }
full_ms=$(($(now_ms) - started))
echo "kill_test: an uninterrupted run takes $full_ms ms"
if db_ids "$tmp/reference" | cmp -s - "$expected_ids"; then pass; else
    fail "the reference run does not hold exactly the input's ids"
fi

# Checks a database after a kill: it opens (unless killed before it was made), is consistent,
# holds no duplicates and answers a search.
check_after_kill() {
    what=$1
    if [ ! -f "$tmp/db/iamglass" ]; then
        pass  # killed before the database was created: nothing to open yet
        return
    fi
    problems=$(db_problems "$tmp/db")
    if [ -z "$problems" ]; then pass; else fail "$what: $problems"; fi
    documents=$(db_documents "$tmp/db")
    if [ "${documents:-0}" -le "$expected" ]; then pass; else fail "$what: $documents documents"; fi
    total=$(search_total "$tmp/db")
    if [ -n "$total" ]; then pass; else fail "$what: no search answer"; fi
}

# Waits until the running bulk load merges its parts (a merge output appears in the folder
# it builds beside the database); false if the run ends first.
wait_for_merge() {
    while kill -0 "$pid" 2>/dev/null; do
        ls -d "$tmp"/db.bulk-*/merge* >/dev/null 2>&1 && return 0
        sleep 0.02
    done
    return 1
}

killed=0
runs=0
fresh=0
documents=0
while [ "$killed" -lt "$kills" ] && [ "$runs" -lt $((kills * 2)) ]; do
    runs=$((runs + 1))
    next_random
    # Every third run, and after a run that finished, starts again from an empty database,
    # in turn: a bulk load (two threads writing parts, merged and swapped in at the end,
    # nothing visible before); one thread committing batches, which leaves a partly filled
    # database to the runs that follow; a bulk load killed while it merges. (The ranges of the
    # kill moments keep most runs from finishing first: the time of the reference run is a
    # guide only, one thread can be faster on a small input.)
    merge_kill=no
    if [ $((runs % 3)) -eq 1 ] || [ "${documents:-0}" -ge "$expected" ]; then
        rm -rf "$tmp/db"  # what killed bulk loads left beside it is the next run's to remove
        fresh=$((fresh + 1))
        start_state="an empty database"
        case $((fresh % 3)) in
            1)
                threads=2
                delay_ms=$(awk -v r="$random" -v t="$full_ms" 'BEGIN { printf "%d", t * (0.3 + r * 0.6) }')
                ;;
            2)
                threads=1
                delay_ms=$(awk -v r="$random" -v t="$full_ms" 'BEGIN { printf "%d", 20 + r * t * 0.7 }')
                ;;
            0)
                threads=2
                merge_kill=yes
                delay_ms=$(awk -v r="$random" 'BEGIN { printf "%d", r * 300 }')
                ;;
        esac
    else
        documents=$(db_documents "$tmp/db")
        start_state="${documents:-no} documents"
        left=$((full_ms * (expected - ${documents:-0}) / expected + 300))
        threads=2
        delay_ms=$(awk -v r="$random" -v t="$left" 'BEGIN { printf "%d", 20 + r * t * 0.8 }')
    fi
    next_random
    batch=$(awk -v r="$random" 'BEGIN { printf "%d", 50 + r * 950 }')
    moment="after $delay_ms ms"
    [ "$merge_kill" = no ] || moment="$delay_ms ms into the merge"
    what="run $runs (from $start_state, --threads $threads --batch-size $batch, SIGKILL $moment)"

    "$indexer" --db "$tmp/db" --quiet --threads "$threads" --batch-size "$batch" "$input" \
        >/dev/null 2>"$tmp/err" &
    pid=$!
    if [ "$merge_kill" = yes ] && ! wait_for_merge; then
        what="$what (no merge seen)"
    fi
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    if kill -KILL "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null
        killed=$((killed + 1))
        outcome="killed"
    else
        wait "$pid" 2>/dev/null
        status=$?
        [ "$status" -eq 0 ] || { fail "$what: finished before the kill with exit $status"; cat "$tmp/err"; }
        outcome="finished first"
    fi
    check_after_kill "$what"
    documents=$(db_documents "$tmp/db")
    echo "kill_test: $what: $outcome, ${documents:-no} documents"
done
if [ "$killed" -ge "$kills" ]; then pass; else
    fail "only $killed of $runs runs were killed (wanted $kills): the kill moments are too late"
fi

# One more run completes the work: exactly the reference's ids, nothing left beside it.
if [ ! -d "$tmp/db" ] || [ "${documents:-0}" -ge "$expected" ]; then
    echo "kill_test: the last run had finished; killing one more first run at mid-run"
    rm -rf "$tmp/db"
    "$indexer" --db "$tmp/db" --quiet --batch-size 100 --threads 1 "$input" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$full_ms" 'BEGIN { printf "%.3f", ms / 2000 }')"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
fi
echo "kill_test: completing from $(db_documents "$tmp/db" 2>/dev/null || echo no) documents"
"$indexer" --db "$tmp/db" --quiet --json "$input" >"$tmp/final.json" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ]; then pass; else fail "completing run exit status $status"; cat "$tmp/err"; fi
if grep -q "\"documents\":$expected," "$tmp/final.json"; then pass; else
    fail "expected $expected documents after the completing run: $(cat "$tmp/final.json")"
fi
problems=$(db_problems "$tmp/db")
if [ -z "$problems" ]; then pass; else fail "after the completing run: $problems"; fi
if db_ids "$tmp/db" | cmp -s - "$expected_ids"; then pass; else
    fail "the completed database does not hold exactly the input's ids"
    db_ids "$tmp/db" | diff - "$expected_ids" | head -5
fi
leftovers=$(ls -d "$tmp"/db.bulk-* 2>/dev/null)
if [ -z "$leftovers" ]; then pass; else fail "left beside the database: $leftovers"; fi
reference_total=$(search_total "$tmp/reference")
total=$(search_total "$tmp/db")
if [ -n "$total" ] && [ "$total" = "$reference_total" ]; then pass; else
    fail "search after the completing run: '$total' hits, the reference has '$reference_total'"
fi

echo "kill_test: $killed kills in $runs runs; $passed passed, $failed failed"
[ "$failed" -eq 0 ]
