#!/usr/bin/env bash
# Prints, for every keyed input, each score that differs from its committed floor (a quick look
# before `scripts/floors.py raise`). Usage: scripts/compare-floors.sh [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$@" <<'PY'
import csv, io, subprocess, sys
args = sys.argv[1:]
measured = subprocess.run([sys.executable, "scripts/floors.py", "measure", *args], capture_output=True, text=True, check=True).stdout
def rows(text):
    return {(r["report"], r["input"]): r for r in csv.DictReader((l for l in io.StringIO(text) if not l.startswith("#")), delimiter="\t")}
old = rows(open("Tests/AccuracyTests/score-floors.tsv", encoding="utf-8").read())
new = rows(measured)
for key in sorted(new):
    if key not in old:
        print(key, "new input"); continue
    measures = [m for m in new[key] if m not in ("report", "input")]
    changes = [f"{m} {old[key][m]}→{new[key][m]}" for m in measures if old[key][m] != new[key][m]]
    if changes:
        worse = any(float(new[key][m]) < float(old[key][m]) for m in measures if "-" not in (new[key][m], old[key][m]))
        print(("FELL " if worse else "rose ") + f"{key[0][:40]} {key[1]}: " + ", ".join(changes))
PY
