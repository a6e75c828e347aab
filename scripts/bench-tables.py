#!/usr/bin/env python3
"""Numeric table cells found per document: this tool against pdfplumber's default extract_tables().

usage: scripts/bench-tables.py [DIR] [BIN]
  DIR  folder of PDFs (default ../shared/corpus/archive)
  BIN  kommunrapport binary (default .build/debug/kommunrapport)

pdfplumber is a measuring stick, not a dependency: the script installs it into a virtual
environment of its own (.venv-bench, ignored by git) from PyPI on first use. A pdfplumber cell
counts when it parses as a Swedish number (`91 867`, `-1 955`, `4,5 %`); ours are the tableCell
facts with a value. Prints one line per document where either found any, then the totals and
how many table checks held.
"""
import json, os, re, subprocess, sys, venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-bench")
NUMBER = re.compile(r"^\(?[-−–+]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?\)?\s*(?:%|tkr|mnkr|mkr|kr)?$")


def plumber_python():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        venv.create(VENV, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "pdfplumber"], check=True)
    return python


PLUMBER = r"""
import json, re, sys, pdfplumber
number = re.compile(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    count = 0
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    for row in table:
                        for cell in row:
                            if cell and number.match(cell.strip()):
                                count += 1
    except Exception as e:
        count = -1
    out[path] = count
print(json.dumps(out))
"""


def ours(binary, path):
    proc = subprocess.run([binary, "import", path, "--format", "facts"], capture_output=True, text=True)
    cells = held = failed = 0
    for line in proc.stdout.splitlines():
        fact = json.loads(line)
        if fact.get("kind") == "tableCell" and fact.get("value") is not None:
            cells += 1
        elif fact.get("kind") == "tableCheck":
            held += 1 if fact.get("holds") else 0
            failed += 0 if fact.get("holds") else 1
    return cells, held, failed


def main(argv):
    folder = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared", "corpus", "archive")
    binary = argv[2] if len(argv) > 2 else os.path.join(ROOT, ".build", "debug", "kommunrapport")
    pdfs = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.lower().endswith(".pdf"))
    plumber = json.loads(subprocess.run([plumber_python(), "-c", PLUMBER, NUMBER.pattern, *pdfs],
                                        capture_output=True, text=True, check=True).stdout)
    totals = [0, 0, 0, 0]
    for path in pdfs:
        cells, held, failed = ours(binary, path)
        theirs = max(plumber.get(path, 0), 0)
        totals[0] += cells; totals[1] += theirs; totals[2] += held; totals[3] += failed
        if cells or theirs:
            print(f"{cells:6d} {theirs:6d}  {os.path.basename(path)[:90]}")
    print(f"numeric cells: kommunrapport {totals[0]}, pdfplumber {totals[1]} ({len(pdfs)} PDFs)")
    if totals[2] + totals[3]:
        print(f"table checks held: {totals[2]} of {totals[2] + totals[3]}")


if __name__ == "__main__":
    main(sys.argv)
