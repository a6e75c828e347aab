#!/usr/bin/env bash
# A batch that must survive anything (issue #11): makes COUNT broken PDFs from the corpus
# (scripts/make-broken-pdfs.py: flipped bytes, truncation, spliced and zeroed regions, broken
# xref and object streams, deep nesting, huge page counts and sizes, garbage, empty files),
# imports them in one batch into a fresh warehouse, and checks what a user relies on: the batch
# finishes with status 0 or 1, every file is either imported or listed with a reason, and no
# worker is left behind. Prints the figures (files, imported, failed by reason, time) and exits
# 1 if a check fails.
#
#   scripts/broken-batch.sh            # 10 000 files, -j 2, the release build
#   scripts/broken-batch.sh 300        # fewer
#   BIN=.build/debug/kommunrapport scripts/broken-batch.sh 300
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
jobs=${JOBS:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/kommunrapport-broken.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -z "${BIN:-}" ]; then
  swift build -c release --product kommunrapport >&2
  BIN=.build/release/kommunrapport
fi
bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

python3 scripts/make-broken-pdfs.py "$count" "$work/in" >&2
start=$(date +%s.%N)
set +e
"$bin" import "$work/in" --into "$work/w.sqlite" -j "$jobs" --timeout 30 --memory-limit 1024 2> "$work/stderr"
status=$?
set -e
seconds=$(echo "$(date +%s.%N) - $start" | bc)

set +e
python3 - "$work/w.sqlite" "$count" "$status" "$seconds" "$work/stderr" <<'PY'
import re, sqlite3, sys
path, count, status, seconds, stderr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
db = sqlite3.connect(path)
imported = db.execute("SELECT count(*) FROM reports").fetchone()[0]
failures = [row[0] for row in db.execute("SELECT reason FROM import_errors")]
kinds = {}
patterns = [
    ("crashed", "worker crashed"), ("took longer", "timed out"), ("memory limit", "memory limit"),
    ("killed", "killed"), ("encrypted", "encrypted"), ("text layer", "no text layer"), ("no pages", "no pages"),
    ("empty", "empty file"), ("could not", "unreadable PDF"), ("damaged", "unreadable PDF"), ("not a PDF", "not a PDF"),
]
for reason in failures:
    kind = next((name for needle, name in patterns if needle in reason), "other")
    kinds[kind] = kinds.get(kind, 0) + 1
text = open(stderr, encoding="utf-8", errors="replace").read()
summary = re.search(r"imported (\d+), skipped (\d+), failed (\d+)", text)
skipped = int(summary.group(2)) if summary else 0  # files with the same bytes as one before (two empty files)
summary_line = summary.group(0) if summary else ""
print(f"files {count}, imported {imported}, skipped as duplicates {skipped}, failed {len(failures)}, exit status {status}, "
      f"{seconds:.1f} s ({count / seconds:.1f} files/s)")
for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
    print(f"  failed: {kind:<16} {n}")
if summary_line:
    print(f"  the tool's summary: {summary_line}")
problems = []
if status not in (0, 1):
    problems.append(f"the batch ended with status {status}, not 0 or 1")
if imported + skipped + len(failures) != count:
    problems.append(f"{count - imported - skipped - len(failures)} file(s) neither imported, skipped nor listed as failed")
if any(not reason.strip() for reason in failures):
    problems.append("a failure without a reason")
for p in problems:
    print("PROBLEM: " + p)
sys.exit(1 if problems else 0)
PY
checks=$?
set -e
left=$(ps -e -o args= | grep -c "[_]worker --serve" || true)
if [ "$left" -gt 0 ]; then
  echo "PROBLEM: $left worker process(es) left behind"
  exit 1
fi
exit $checks
