#!/usr/bin/env bash
# The main job on the bundled corpus: installs what the machine lacks, builds the tool and imports
# every report in corpus/ (texts and their PDF renditions) into out/: nested JSON and tidy facts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product kommunrapport
bin=.build/release/kommunrapport
status=0
for kind in text pdf; do
  for format in json facts; do
    "$bin" import "corpus/$kind" --format "$format" --output "out/$kind/$format" --quiet || status=1
  done
done
echo
echo "Imported the bundled corpus into $(pwd)/out/:"
for kind in text pdf; do
  echo "  out/$kind/json/   $(ls "out/$kind/json" 2>/dev/null | wc -l) nested JSON report(s)"
  echo "  out/$kind/facts/  $(ls "out/$kind/facts" 2>/dev/null | wc -l) tidy facts file(s) (NDJSON)"
done
if [ -f ../shared/tools/score.py ]; then
  echo
  echo "Scores against the answer keys (../shared/tools/score.py):"
  scripts/score-corpus.sh "$bin"
fi
exit $status
