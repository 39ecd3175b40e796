#!/usr/bin/env python3
"""Print counts of gold entities and dates per type and language (stdlib only)."""
import collections
import json
import os

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "gold")
docs = collections.Counter()
counts = collections.defaultdict(collections.Counter)
for dirpath, dirnames, files in os.walk(GOLD):
    if os.path.relpath(dirpath, GOLD).split(os.sep)[0] == "src":
        dirnames[:] = []
        continue
    for fn in files:
        if fn.endswith(".json"):
            g = json.load(open(os.path.join(dirpath, fn), encoding="utf-8"))
            lang = g["language"]
            docs[lang] += 1
            for it in g["entities"]:
                counts[lang]["ent:" + it["type"]] += 1
            for it in g["dates"]:
                counts[lang]["date:" + it["type"]] += 1
                if "range" in it:
                    counts[lang]["date:(ranges)"] += 1
keys = ["ent:PER", "ent:ORG", "ent:LOC", "ent:EVT", "ent:PRO", "date:DATE", "date:TIME", "date:DURATION", "date:SET", "date:(ranges)"]
langs = sorted(docs)
print(f"{'':16}" + "".join(f"{l:>8}" for l in langs) + f"{'total':>8}")
print(f"{'documents':16}" + "".join(f"{docs[l]:>8}" for l in langs) + f"{sum(docs.values()):>8}")
for k in keys:
    print(f"{k:16}" + "".join(f"{counts[l][k]:>8}" for l in langs) + f"{sum(counts[l][k] for l in langs):>8}")
