#!/usr/bin/env bash
# Imports every corpus text and PDF (bundled and ../shared/corpus/pdf) as nested JSON into DIR,
# so a change meant to keep output unchanged (a speed-up, a refactor) can be checked with
# `diff -r BEFORE AFTER`.
#
# Usage: scripts/snapshot-corpus.sh DIR [BINARY]   (default binary: .build/release/kommunrapport)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/snapshot-corpus.sh DIR [BINARY]}
bin=${2:-.build/release/kommunrapport}
mkdir -p "$out"
inputs=(corpus/text/*.txt ../shared/corpus/pdf/*.pdf)
"$bin" import "${inputs[@]}" --format json --output "$out" --quiet
