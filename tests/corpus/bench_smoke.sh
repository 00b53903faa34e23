#!/bin/sh
# Keeps the scale benchmark working: bench/run --smoke (10k documents of the shared corpus, one
# round, 2 shards local and behind xapian-tcpsrv) on this build's binaries, then checks that the
# report is whole and that every engine and layout saw every document and answered every
# request. Nothing here is about speed. Usage: bench_smoke.sh BUILD_DIR SOURCE_DIR.
# Skipped (exit 77) where ../shared/corpus is absent.
set -eu
build_dir=$1
source_dir=$2
corpus=${DATELINE_CORPUS:-$source_dir/../shared/corpus}
if [ ! -d "$corpus" ]; then
    echo "SKIPPED: the benchmark smoke run needs $corpus (the shared corpus is not beside this clone)"
    exit 77
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT INT TERM
BENCH_BUILD=$build_dir BENCH_RESULTS=$results DATELINE_CORPUS=$corpus \
    "$source_dir/bench/run" --smoke --no-build

result=$(ls "$results"/*.json)
for extension in md svg; do
    if [ ! -s "${result%.json}.$extension" ]; then
        echo "bench smoke: the run wrote no .$extension beside $result" >&2
        exit 1
    fi
done
grep -q '<svg' "${result%.json}.svg" || { echo "bench smoke: ${result%.json}.svg is not SVG" >&2; exit 1; }

# Each check: a jq expression that must be true, and what it means.
failed=0
check() {
    if [ "$(jq "$1" "$result")" != true ]; then
        echo "bench smoke: FAILED: $2 ($1)" >&2
        failed=1
    else
        echo "bench smoke: ok: $2"
    fi
}
check '.scales | length == 1 and .[0].name == "10k" and .[0].documents == 10000 and (.[0].synthetic | not)' \
    'one scale of 10000 corpus documents'
check '.scales[0].indexing | [.dateline, .scriptindex, .fts5] | map(.documents) == [10000, 10000, 10000]' \
    'Dateline, scriptindex and FTS5 each hold the 10000 documents'
check '.scales[0].indexing | [.dateline, .scriptindex, .fts5] | map(.docs_per_s > 0 and .peak_rss_mb > 0 and .size_bytes > 0) | all' \
    'indexing rates, memory and sizes are measured for every engine'
check '.scales[0].queries.inprocess | .documents.dateline == 10000 and .documents.fts5 == 10000 and .queries > 40' \
    'the in-process run searched both engines with the query set'
check '[.scales[0].queries, .scales[0].shards.local, .scales[0].shards.remote] | map(.http.failures == 0 and .http.requests > 40 and .http_16.errors == 0 and .http_16.requests_per_s > 0) | all' \
    'every HTTP request succeeded: one database, local shards and shards behind xapian-tcpsrv'
check '.scales[0].shards | .shards == 2 and .indexing.documents == 10000 and .local.inprocess.documents.dateline == 10000 and .remote.inprocess.documents.dateline == 10000' \
    'both shard layouts hold the 10000 documents'
check '.scales[0].reindex.unchanged.summary | .added == 0 and .replaced == 0 and .unchanged == 10000' \
    're-indexing the unchanged set changes nothing'
check '.scales[0].reindex.one_percent_changed | .summary.added == 0 and .records_changed > 50 and .summary.replaced == .records_changed and .summary.documents == 10000' \
    're-indexing with 1% changed replaces exactly the changed releases'
check '.targets.peak_rss_mb_by_scale["10k"] > 0 and (.targets.inprocess_p99_1M_over_full == null)' \
    'the targets section is present (the 1M ratios need the 1M and full scales)'
exit "$failed"
