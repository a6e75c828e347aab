#!/usr/bin/env bash
# Installs what the machine lacks, builds, and runs every test (unit tests per stage and the
# accuracy tests that score the corpus against its answer keys with ../shared/tools/score.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build
