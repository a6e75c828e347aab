#!/usr/bin/env python3
"""Score floors: the accuracy ratchet the tests hold.

usage:
  scripts/floors.py measure [BIN]   score every keyed corpus input with BIN (default
                                    .build/debug/kommunrapport) and print the scores as TSV
  scripts/floors.py raise [BIN]     raise Tests/AccuracyTests/score-floors.tsv to today's scores
                                    where they are higher; never lowers a floor, and says which
                                    scores fell below their floor (fix those, do not land them)

A share of nothing is no score: where no number was matched, columns_acc, units_acc and
titles_acc are written `-` (no floor), and so is status_acc where no goal was matched; score.py
prints 1.0 for them, which would hold a later change that reads the first numbers to 1.0.

The inputs are every key in ../shared/corpus/gold/ with its text (`text`), its PDF (`pdf`) and the
PDF's `pdftotext -layout` text (`layout`, the way many users have their reports). A floor may rise,
never fall: raise it in the commit whose change earns it.
"""
import csv, json, math, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
FLOORS = os.path.join(ROOT, "Tests", "AccuracyTests", "score-floors.tsv")
MEASURES = ["goals_f1", "status_acc", "numbers_f1", "columns_acc", "cells_f1", "units_acc", "titles_acc",
            "indicators_f1", "headings_f1", "assignments_f1", "metadata_acc"]


def inputs(tmp):
    gold_dir = os.path.join(SHARED, "corpus", "gold")
    for gold in sorted(os.listdir(gold_dir)):
        if not gold.endswith(".gold.json"):
            continue
        name = gold[: -len(".gold.json")]
        gold_path = os.path.join(gold_dir, gold)
        text = os.path.join(SHARED, "corpus", "text", name + ".txt")
        pdf = os.path.join(SHARED, "corpus", "pdf", name + ".pdf")
        if os.path.exists(text):
            yield name, "text", text, gold_path
        if os.path.exists(pdf):
            yield name, "pdf", pdf, gold_path
            layout = os.path.join(tmp, name + ".txt")
            subprocess.run(["pdftotext", "-layout", pdf, layout], check=True)
            yield name, "layout", layout, gold_path


def measure(binary):
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, kind, path, gold in inputs(tmp):
            facts = os.path.join(tmp, "facts.ndjson")
            with open(facts, "w") as out:
                proc = subprocess.run([binary, "import", path, "--format", "facts"], stdout=out, stderr=subprocess.PIPE)
            if proc.returncode != 0:
                scores = {m: 0.0 for m in MEASURES}
            else:
                res = subprocess.run([sys.executable, os.path.join(SHARED, "tools", "score.py"), gold, facts, "--json"],
                                     capture_output=True, text=True, check=True)
                scores = json.loads(res.stdout)
            # Truncated, not rounded: a floor must never stand above the score it came from.
            row = {"report": name, "input": kind,
                   **{m: f"{math.floor(scores.get(m, 0.0) * 1000 + 1e-9) / 1000:.3f}" for m in MEASURES}}
            if not (scores.get("_numbers") or [0])[0]:
                for m in ("columns_acc", "units_acc", "titles_acc"):
                    row[m] = "-"
            if not (scores.get("_goals") or [0])[0]:
                row["status_acc"] = "-"
            rows.append(row)
    return rows


def read_floors():
    if not os.path.exists(FLOORS):
        return {}
    with open(FLOORS, encoding="utf-8") as f:
        return {(r["report"], r["input"]): r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}


def write(rows, out):
    out.write("# Score floors held by Tests/AccuracyTests/ScoreFloorTests.swift; raised by scripts/floors.py raise.\n")
    w = csv.DictWriter(out, ["report", "input", *MEASURES], delimiter="\t", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)


def main(argv):
    if len(argv) < 2 or argv[1] not in ("measure", "raise"):
        print(__doc__)
        return 2
    binary = argv[2] if len(argv) > 2 else os.path.join(ROOT, ".build", "debug", "kommunrapport")
    rows = measure(binary)
    if argv[1] == "measure":
        write(rows, sys.stdout)
        return 0
    floors = read_floors()
    fell = 0
    for row in rows:
        old = floors.get((row["report"], row["input"]))
        if not old:
            continue
        for m in MEASURES:
            if row[m] == "-" or old[m] == "-":
                continue
            new, before = float(row[m]), float(old[m])
            if new < before - 1e-9:
                print(f"FELL {row['report']} {row['input']} {m}: {before:.3f} -> {new:.3f}", file=sys.stderr)
                fell += 1
                row[m] = old[m]
            elif new > before + 1e-9:
                print(f"rose {row['report']} {row['input']} {m}: {before:.3f} -> {new:.3f}", file=sys.stderr)
    with open(FLOORS, "w", encoding="utf-8") as f:
        write(rows, f)
    return 1 if fell else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
