#!/usr/bin/env bash
# Installs what the machine lacks, builds, and runs every test (unit tests per stage, the batch
# and warehouse tests, and the accuracy tests that score the corpus against its answer keys with
# ../shared/tools/score.py). The tests are XCTest; the last line sums them up.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log" || status=$?
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -n 1 || true)
total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
if [ -n "$summary" ]; then
  echo "tests: $((total - failed)) passed, $failed failed"
fi
exit $status
