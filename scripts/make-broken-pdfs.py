#!/usr/bin/env python3
"""Makes broken PDFs from good ones, for a batch that must survive anything.

usage: scripts/make-broken-pdfs.py COUNT OUTDIR [SOURCE.pdf ...]

Sources default to the corpus's PDF renditions (corpus/pdf in this project). Each file is one
source damaged one way, chosen in turn and seeded by its number, so the same COUNT always makes
the same files:

  flip        a few hundred bytes flipped at random places
  truncate    cut off somewhere after the header
  splice      the head of one PDF joined to the tail of another
  zero        a region overwritten with zero bytes
  xref        the cross-reference table's offsets and startxref pointed at nonsense
  objstm      bytes inside object and content streams scrambled
  nesting     a page whose resources nest arrays and dictionaries 100 000 deep
  pagecount   a page tree that claims a hundred million pages
  pagesize    a page a billion points wide and high
  garbage     random bytes behind a PDF header
  empty       a file of zero bytes, or only the header

Prints how many of each kind it wrote.
"""
import os
import random
import re
import sys

KINDS = ["flip", "truncate", "splice", "zero", "xref", "objstm", "nesting", "pagecount", "pagesize", "garbage", "empty"]


def flip(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 400)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncate(data, rng):
    return data[: rng.randint(9, max(10, len(data) - 1))]


def splice(data, other, rng):
    return data[: rng.randint(9, len(data))] + other[rng.randint(0, len(other) - 1):]


def zero(data, rng):
    data = bytearray(data)
    start = rng.randrange(len(data))
    length = rng.randint(1, max(1, len(data) // 4))
    data[start:start + length] = bytes(min(length, len(data) - start))
    return bytes(data)


def xref(data, rng):
    # Offsets in the xref table and the startxref value point anywhere.
    def offsets(match):
        return b"%010d %05d n" % (rng.randint(0, 10 ** 10 - 1), int(match.group(2)))
    out = re.sub(rb"(\d{10}) (\d{5}) n", offsets, data)
    out = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % rng.randint(0, 10 ** 9), out)
    return out if out != data else flip(data, rng)


def objstm(data, rng):
    # Scramble the insides of streams (compressed object streams and page contents).
    data = bytearray(data)
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
    if not starts:
        return flip(bytes(data), rng)
    for start in rng.sample(starts, min(len(starts), rng.randint(1, 5))):
        for i in range(start, min(len(data), start + rng.randint(1, 2000))):
            if rng.random() < 0.3:
                data[i] = rng.randrange(256)
    return bytes(data)


def minimal(page_tree, page, extra=b""):
    """A small PDF with a fixed catalog, the page tree and page given, and a one-line content."""
    content = b"BT /F1 12 Tf 72 720 Td (Verksamhetsberattelse 2023) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        page_tree,
        page,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + ([extra] if extra else [])
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"


def nesting(rng):
    depth = 100_000
    deep = b"[" * depth + b"]" * depth if rng.random() < 0.5 else b"<< /A " * depth + b"null" + b" >>" * depth
    page = PAGE[:-2] + b" /Deep 6 0 R >>"
    return minimal(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, deep)


def pagecount(rng):
    return minimal(b"<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 100000000 >>", PAGE)


def pagesize(rng):
    side = rng.choice([b"1000000000", b"99999999999", b"-5000000", b"1e308"])
    page = PAGE.replace(b"[0 0 595 842]", b"[0 0 " + side + b" " + side + b"]")
    return minimal(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page)


def garbage(rng):
    return b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(rng.randint(10, 20000)))


def empty(rng):
    return b"" if rng.random() < 0.5 else b"%PDF-1.4\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count, outdir = int(sys.argv[1]), sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sources = sys.argv[3:] or sorted(
        os.path.join(root, "corpus", "pdf", name) for name in os.listdir(os.path.join(root, "corpus", "pdf")) if name.endswith(".pdf"))
    if not sources:
        sys.exit("no source PDFs")
    originals = [open(path, "rb").read() for path in sources]
    os.makedirs(outdir, exist_ok=True)
    made = {}
    for number in range(count):
        rng = random.Random(number)
        kind = KINDS[number % len(KINDS)]
        data = originals[number % len(originals)]
        if kind == "flip":
            out = flip(data, rng)
        elif kind == "truncate":
            out = truncate(data, rng)
        elif kind == "splice":
            out = splice(data, originals[(number + 1) % len(originals)], rng)
        elif kind == "zero":
            out = zero(data, rng)
        elif kind == "xref":
            out = xref(data, rng)
        elif kind == "objstm":
            out = objstm(data, rng)
        else:
            # A comment after the end keeps each made-up file's bytes its own (empty files stay
            # alike: the batch must skip a duplicate as it would in an archive).
            out = globals()[kind](rng)
            if kind != "empty":
                out += b"%% broken %d\n" % number
        with open(os.path.join(outdir, "broken-%05d-%s.pdf" % (number, kind)), "wb") as handle:
            handle.write(out)
        made[kind] = made.get(kind, 0) + 1
    print(" ".join("%s %d" % (kind, made.get(kind, 0)) for kind in KINDS))


if __name__ == "__main__":
    main()
