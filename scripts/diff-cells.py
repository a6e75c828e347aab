#!/usr/bin/env python3
"""Shows which numbers of an answer key an import missed, read with the wrong column, or added.

usage: scripts/diff-cells.py GOLD.json FACTS.ndjson
Uses the scorer's own matching (../shared/tools/score.py), so what it lists is what the score counts.
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools"))
from score import sim, close, match
gold = json.load(open(sys.argv[1], encoding="utf-8"))
facts = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
scope = set(gold.get("pages") or [])
if scope:
    facts = [f for f in facts if f.get("page") in scope]
gn = [{"label": r["label"], "value": c["value"], "column": c.get("column"), "year": None, "table": t.get("title")}
      for t in gold.get("tables", []) for r in t.get("rows", []) for c in r.get("cells", [])]
gn += [{"label": i["name"], "value": v["value"], "column": v.get("column"), "year": v.get("year"), "table": None}
       for i in gold.get("indicators", []) for v in i.get("values", [])]
pn = [{"label": f.get("row"), "value": f.get("value"), "column": f.get("column"), "year": f.get("year"), "table": f.get("table"), "page": f.get("page")}
      for f in facts if f.get("kind") == "tableCell"]
pn += [{"label": f.get("indicator"), "value": f.get("value"), "column": f.get("column"), "year": f.get("year"), "table": None, "page": f.get("page")}
       for f in facts if f.get("kind") == "indicatorValue"]
def col_ok(g, p):
    c = sim(g["column"], p["column"])
    return c >= 0.8 or (g["year"] is not None and g["year"] == p["year"] and c >= 0.5)
def num_ok(g, p):
    if not close(p["value"], g["value"]): return None
    s = sim(g["label"], p["label"])
    return s + (0.5 if col_ok(g, p) else 0.0) if s >= 0.8 else None
pairs = match(gn, pn, num_ok)
mg = {id(g) for g, _ in pairs}; mp = {id(p) for _, p in pairs}
for g, p in pairs:
    if not col_ok(g, p): print(f"COLUMN  {g['label'][:40]!r} {g['value']}: gold {g['column']!r}, read {p['column']!r} (p{p['page']})")
for g in gn:
    if id(g) not in mg: print(f"MISSED  {g['label'][:40]!r} {g['value']} [{g['column']}] in {str(g['table'])[:40]!r}")
for p in pn:
    if id(p) not in mp: print(f"EXTRA   {str(p['label'])[:40]!r} {p['value']} [{p['column']}] in {str(p['table'])[:40]!r} (p{p['page']})")
if "--titles" in sys.argv:
    seen = set()
    for g, p in pairs:
        key = (g["table"], p["table"])
        if key not in seen and sim(g["table"] or "", p["table"] or "") < 0.8:
            seen.add(key)
            print(f"TITLE   gold {str(g['table'])[:70]!r} read {str(p['table'])[:70]!r} (p{p['page']})")
