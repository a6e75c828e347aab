#!/usr/bin/env bash
# Scores every corpus report that has an answer key with ../shared/tools/score.py.
# Usage: scripts/score-corpus.sh [BINARY]   (default: .build/debug/kommunrapport)
set -u
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/kommunrapport}
shared=../shared
for gold in "$shared"/corpus/gold/*.gold.json; do
  name=$(basename "$gold" .gold.json)
  for input in "$shared/corpus/text/$name.txt" "$shared/corpus/pdf/$name.pdf"; do
    [ -f "$input" ] || continue
    facts=$(mktemp)
    if "$bin" import "$input" --format facts >"$facts" 2>/dev/null; then
      printf '%-70s %s\n' "$(basename "$input")" "$(python3 "$shared/tools/score.py" "$gold" "$facts" | tail -n 1)"
    else
      printf '%-70s %s\n' "$(basename "$input")" "import failed"
    fi
    rm -f "$facts"
  done
done
