#!/usr/bin/env python3
"""What reading a page's drawing (rules and shading, for ruled tables) and looking at its pictures
(status icons, pictures of text) cost the PDF front-end, beside pdftotext -layout: one line per
PDF and a total, in seconds, and milliseconds per page. Figures, never asserted by a test.

usage: scripts/bench-drawing.py [PDF-or-folder ...]   (default: ../shared/corpus/pdf and archive)

Builds pdf-lines in release mode first; every variant reads a file on one thread.
"""
import os, subprocess, sys, time

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.chdir(root)
subprocess.run(["swift", "build", "-c", "release", "--product", "pdf-lines"], check=True, stdout=subprocess.DEVNULL)
binary = ".build/release/pdf-lines"
inputs = sys.argv[1:] or ["../shared/corpus/pdf", "../shared/corpus/archive"]
files = []
for entry in inputs:
    if os.path.isdir(entry):
        files += sorted(os.path.join(d, f) for d, _, names in os.walk(entry) for f in names if f.endswith(".pdf"))
    else:
        files.append(entry)

def seconds(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

def pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next((int(line.split()[1]) for line in out.splitlines() if line.startswith("Pages:")), 0)

print(f"{'file':60} {'pages':>5} {'text':>8} {'+drawing':>8} {'+pictures':>9} {'pdftotext':>9}")
totals = [0, 0.0, 0.0, 0.0, 0.0]
for path in files:
    row = [pages(path),
           seconds([binary, "--workers", "1", "--no-drawing", "--no-pictures", path]),
           seconds([binary, "--workers", "1", "--no-pictures", path]),
           seconds([binary, "--workers", "1", path]),
           seconds(["pdftotext", "-layout", path, "/dev/null"])]
    totals = [a + b for a, b in zip(totals, row)]
    print(f"{os.path.basename(path)[:60]:60} {row[0]:5d} {row[1]:8.2f} {row[2]:8.2f} {row[3]:9.2f} {row[4]:9.2f}")
print(f"{'total':60} {totals[0]:5d} {totals[1]:8.2f} {totals[2]:8.2f} {totals[3]:9.2f} {totals[4]:9.2f}")
if totals[0]:
    per = lambda s: 1000 * s / totals[0]
    print(f"per page (ms): text {per(totals[1]):.1f}, drawing adds {per(totals[2] - totals[1]):.1f}, "
          f"pictures add {per(totals[3] - totals[2]):.1f}; pdftotext {per(totals[4]):.1f}")
