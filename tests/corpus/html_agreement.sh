#!/bin/sh
# Title and date of the raw DOJ and MFA HTML pages, as read_html_page reads them, against the
# corpus's JSON Lines records of the same pages (at least 98% must agree per archive).
# Usage: html_agreement.sh CHECK_PROGRAM SOURCE_DIR
set -eu
check=$1
source_dir=$2
corpus=${DATELINE_CORPUS:-$source_dir/../shared/corpus}

for name in doj_press_releases_html_sample mfa_press_en_html mfa_press_zh_html; do
    if [ ! -f "$corpus/raw/$name.tar.xz" ]; then
        echo "SKIPPED: the HTML agreement check needs $corpus/raw/$name.tar.xz"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for name in doj_press_releases_html_sample mfa_press_en_html mfa_press_zh_html; do
    mkdir "$tmp/$name"
    tar -xJf "$corpus/raw/$name.tar.xz" -C "$tmp/$name"
done
"$check" \
    doj "$tmp/doj_press_releases_html_sample" "$corpus/doj_press_releases.jsonl.gz" \
    mfa_en "$tmp/mfa_press_en_html" "$corpus/mfa_press_en.jsonl.gz" \
    mfa_zh "$tmp/mfa_press_zh_html" "$corpus/mfa_press_zh.jsonl.gz"
