#!/bin/sh
# All 21,578 articles of the raw Reuters-21578 SGML files, checked against the corpus's JSON
# Lines edition. Usage: reuters_sgml.sh CHECK_PROGRAM SOURCE_DIR
set -eu
check=$1
source_dir=$2
corpus=${DATELINE_CORPUS:-$source_dir/../shared/corpus}
archive=$corpus/raw/reuters21578.tar.xz
reference=$corpus/reuters21578.jsonl.gz

if [ ! -f "$archive" ] || [ ! -f "$reference" ]; then
    echo "SKIPPED: the Reuters-21578 check needs $archive and $reference"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
tar -xJf "$archive" -C "$tmp"
sgm_dir=$(dirname "$(find "$tmp" -name 'reut2-000.sgm' | head -n 1)")
"$check" "$sgm_dir" "$reference"
