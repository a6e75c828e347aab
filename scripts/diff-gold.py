#!/usr/bin/env python3
"""Shows which headings, goals and assignments of an answer key an import missed or added.

usage: scripts/diff-gold.py GOLD.json FACTS.ndjson [headings|goals|assignments|indicators]
"""
import json, sys
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "..", "shared", "tools"))
from score import sim
gold = json.load(open(sys.argv[1], encoding="utf-8"))
facts = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
what = sys.argv[3] if len(sys.argv) > 3 else "headings"
key, kind, field, limit = {"headings": ("headings", "heading", "text", .9), "goals": ("goals", "goal", "title", .9),
                           "assignments": ("assignments", "assignment", "title", .85),
                           "indicators": ("indicators", "indicator", "name", .85)}[what]
g = [x[field] if field in x else x["name"] for x in gold.get(key, [])]
p = [f.get(field) or "" for f in facts if f.get("kind") == kind]
for x in g:
    if not any(sim(x, y) >= limit for y in p): print("MISSED ", x[:110])
for y in p:
    if not any(sim(x, y) >= limit for x in g): print("EXTRA  ", y[:110])
