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
server_log_dir=$tmp
. "$source_dir/tests/support/server.sh"
cleanup() {
    stop_server || true
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

start_server "$server" "$tmp/db" --threads 2 --log-level warn || exit 1

node "$source_dir/tests/corpus/checks.mjs" --url "$server_url" --first "$tmp/first.json" \
    --second "$tmp/second.json" --first-err "$tmp/first.err" $inputs
