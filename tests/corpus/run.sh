#!/bin/sh
# Checks over the real corpora in ../shared/corpus (present in CI, absent in a user's clone,
# where this is skipped and says so). Usage: run.sh INDEXER SERVER SOURCE_DIR
set -eu
indexer=$1
server=$2
source_dir=$3
corpus=${DATELINE_CORPUS:-$source_dir/../shared/corpus}

if [ ! -f "$corpus/doj_press_releases.jsonl.gz" ]; then
    echo "SKIPPED: corpus checks need $corpus (the shared corpus is not beside this clone)"
    exit 77
fi
if ! command -v node >/dev/null 2>&1; then
    echo "corpus checks: node is required (run scripts/setup.sh)" >&2
    exit 1
fi

tmp=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

inputs="$corpus/doj_press_releases.jsonl.gz $corpus/mfa_press_en.jsonl.gz"
echo "corpus checks: indexing $inputs"
# shellcheck disable=SC2086
"$indexer" --db "$tmp/db" --quiet --json $inputs >"$tmp/first.json" 2>"$tmp/first.err" || {
    cat "$tmp/first.err" >&2; exit 1; }
# shellcheck disable=SC2086
"$indexer" --db "$tmp/db" --quiet --json $inputs >"$tmp/second.json" 2>"$tmp/second.err" || {
    cat "$tmp/second.err" >&2; exit 1; }

"$server" --db "$tmp/db" --port 0 --threads 2 --log-level warn >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://[^ ]*' "$tmp/server.out" 2>/dev/null || true)
    [ -n "$url" ] && break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "corpus checks: the server did not start" >&2
    cat "$tmp/server.err" >&2
    exit 1
fi

node "$source_dir/tests/corpus/checks.mjs" --url "$url" --first "$tmp/first.json" \
    --second "$tmp/second.json" --first-err "$tmp/first.err" $inputs
