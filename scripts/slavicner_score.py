#!/usr/bin/env python3
"""Document-level relaxed P/R/F1 (BSNLP) of pipeline outputs against SlavicNER gold.

Independent of the Swift code: reads the same files and computes the measure from its
definition, so `pipeline evaluate --gold-format slavicner` can be checked against it.

Definition: for each document listed in DIR/metadata.tsv, G is the set of unique
(surface form, type) pairs of its gold file DIR/ner/<id>.tsv and S the set of unique
(text, type) pairs of the entities in OUTPUT/<id>.json (empty when the file is missing).
TP = |G & S|, FP = |S - G|, FN = |G - S|, summed over documents (overall, per type, per
language). P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R); a zero denominator gives 0.

<id> is the raw file's path relative to DIR/raw without its last extension, the id that
`pipeline run DIR/raw --output OUTPUT` gives it.

Usage: slavicner_score.py [--json] DIR OUTPUT
"""
import csv
import json
import os
import sys


def output_id(raw_path):
    rel = raw_path[len("raw/"):] if raw_path.startswith("raw/") else raw_path
    return os.path.splitext(rel)[0]


def ratio(a, b):
    return a / b if b else 0.0


def score(c):
    p = ratio(c["tp"], c["tp"] + c["fp"])
    r = ratio(c["tp"], c["tp"] + c["fn"])
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "precision": p, "recall": r, "f1": f}


def main(argv):
    as_json = "--json" in argv
    args = [a for a in argv if a != "--json"]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    root, output = args
    counts = {}

    def add(key, field):
        counts.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})[field] += 1

    with open(os.path.join(root, "metadata.tsv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        doc = output_id(row["file"].strip())
        lang = row["lang"].strip()
        gold = set()
        with open(os.path.join(root, "ner", doc + ".tsv"), encoding="utf-8", newline="") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                fields = line.split("\t")
                gold.add((fields[2], fields[4].strip()))
        system = set()
        path = os.path.join(output, doc + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for e in json.load(f).get("entities", []):
                    system.add((e["text"], e["type"]))
        for pairs, field in ((gold & system, "tp"), (system - gold, "fp"), (gold - system, "fn")):
            for _, kind in pairs:
                for key in ("all", kind, "lang:" + lang):
                    add(key, field)
    result = {k: score(v) for k, v in sorted(counts.items())}
    result.setdefault("all", score({"tp": 0, "fp": 0, "fn": 0}))
    if as_json:
        print(json.dumps(result, indent=1, sort_keys=True))
    else:
        print("%-10s %6s %6s %6s %6s %6s %6s" % ("group", "tp", "fp", "fn", "P", "R", "F1"))
        for k, s in result.items():
            print("%-10s %6d %6d %6d %6.1f %6.1f %6.1f" % (k, s["tp"], s["fp"], s["fn"],
                                                           100 * s["precision"], 100 * s["recall"], 100 * s["f1"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
