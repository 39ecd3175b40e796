#!/usr/bin/env python3
"""Build gold JSON files from mention lists (specs).

A spec lives at corpus/gold/src/<id>.ann and describes corpus/<id>.txt.
The output is written to corpus/gold/<id>.json.

Spec syntax (one item per line, '#' starts a comment line):

    @language bg
    @documentDate 2012-10-15          (only when the text states its date)
    TYPE | mention text | base-or-value | option option ...

TYPE is PER ORG LOC EVT PRO (entities; third field = base form, defaults to
the mention text) or DATE TIME DURATION SET (dates; third field = TIMEX3 value,
required).  Options:
    occ=1,3        keep only these occurrences (1-based, in text order)
    n=2            expected number of kept occurrences (error if different)
    range=F/T      date range: value must equal F; writes "range": {"from", "to"}
In the mention text, "\\n" stands for a line break and a space matches any
run of white space (no-break spaces, line breaks).

Every occurrence of the mention that is not glued to a letter or digit on either
side is annotated.  Occurrences lying inside a longer item of the same layer
(entities or dates) are dropped (flat annotation) and reported, so that the
annotator can check them.  Overlaps that are not containment are errors.

Usage: scripts/make_gold.py [id ...]   (no argument: every spec)
       add -v to list every kept occurrence with its context.
"""
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CORPUS = os.path.join(ROOT, "corpus")
SRC = os.path.join(CORPUS, "gold", "src")
ENTITY_TYPES = {"PER", "ORG", "LOC", "EVT", "PRO"}
DATE_TYPES = {"DATE", "TIME", "DURATION", "SET"}


def is_word_char(ch):
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "N") or cat == "Mn"


def occurrences(text, mention):
    """Occurrences of mention; a space in the mention matches any run of white space
    (so a name broken by a line break or a no-break space is still found)."""
    pattern = r"\s+".join(re.escape(part) for part in mention.split(" "))
    out = []
    for m in re.finditer(pattern, text):
        i, j = m.start(), m.end()
        before_ok = i == 0 or not (is_word_char(text[i - 1]) and is_word_char(mention[0]))
        after_ok = j == len(text) or not (is_word_char(text[j]) and is_word_char(mention[-1]))
        if before_ok and after_ok:
            out.append((i, j))
    return out


def parse_spec(path):
    meta, items = {}, []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("@"):
                key, _, val = line[1:].partition(" ")
                meta[key.strip()] = val.strip()
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2:
                raise SystemExit(f"{path}:{lineno}: expected 'TYPE | mention | ...'")
            typ, mention = parts[0], parts[1].replace("\\n", "\n")
            third = parts[2] if len(parts) > 2 and parts[2] else None
            opts = {}
            if len(parts) > 3:
                for o in parts[3].split():
                    k, _, v = o.partition("=")
                    opts[k] = v
            if typ not in ENTITY_TYPES | DATE_TYPES:
                raise SystemExit(f"{path}:{lineno}: unknown type {typ}")
            if typ in DATE_TYPES and not third:
                raise SystemExit(f"{path}:{lineno}: date item needs a value")
            items.append(dict(line=lineno, type=typ, mention=mention, third=third, opts=opts))
    return meta, items


def build(doc_id, verbose=False):
    spec = os.path.join(SRC, doc_id + ".ann")
    txt = os.path.join(CORPUS, doc_id + ".txt")
    text = open(txt, encoding="utf-8").read()
    meta, items = parse_spec(spec)
    errors = []
    layers = {"entities": [], "dates": []}
    for it in items:
        occ = occurrences(text, it["mention"])
        if "occ" in it["opts"]:
            wanted = [int(x) for x in it["opts"]["occ"].split(",")]
            if max(wanted) > len(occ):
                errors.append(f"line {it['line']}: occ={wanted} but only {len(occ)} found for {it['mention']!r}")
                continue
            occ = [occ[k - 1] for k in wanted]
        if not occ:
            errors.append(f"line {it['line']}: not found: {it['mention']!r}")
            continue
        layer = "dates" if it["type"] in DATE_TYPES else "entities"
        for (s, e) in occ:
            layers[layer].append(dict(start=s, end=e, it=it))
    out = {"id": doc_id, "language": meta.get("language")}
    if meta.get("documentDate"):
        out["documentDate"] = meta["documentDate"]
    for layer, spans in layers.items():
        # flat annotation: drop spans contained in a longer span of the same layer
        spans.sort(key=lambda x: (x["start"], -(x["end"] - x["start"])))
        kept = []
        for sp in spans:
            container = next((k for k in kept if k["start"] <= sp["start"] and sp["end"] <= k["end"]), None)
            if container is not None:
                if (container["start"], container["end"]) == (sp["start"], sp["end"]):
                    errors.append(f"line {sp['it']['line']}: duplicate span with line {container['it']['line']}: {sp['it']['mention']!r}")
                elif verbose or "quiet" not in sp["it"]["opts"]:
                    print(f"  [{doc_id}] dropped {sp['it']['type']} {sp['it']['mention']!r}@{sp['start']} inside {container['it']['mention']!r}")
                continue
            clash = next((k for k in kept if k["start"] < sp["end"] and sp["start"] < k["end"]), None)
            if clash is not None:
                errors.append(f"line {sp['it']['line']}: {sp['it']['mention']!r}@{sp['start']} overlaps {clash['it']['mention']!r}@{clash['start']}")
                continue
            kept.append(sp)
        counts = {}
        for sp in kept:
            counts[sp["it"]["line"]] = counts.get(sp["it"]["line"], 0) + 1
        for it in items:
            if ("dates" if it["type"] in DATE_TYPES else "entities") != layer:
                continue
            if "n" in it["opts"] and counts.get(it["line"], 0) != int(it["opts"]["n"]):
                errors.append(f"line {it['line']}: expected n={it['opts']['n']} got {counts.get(it['line'], 0)} for {it['mention']!r}")
            if counts.get(it["line"], 0) == 0 and it["mention"]:
                errors.append(f"line {it['line']}: no occurrence kept for {it['mention']!r}")
        res = []
        for sp in sorted(kept, key=lambda x: x["start"]):
            it = sp["it"]
            rec = {"start": sp["start"], "end": sp["end"], "text": text[sp["start"]:sp["end"]], "type": it["type"]}
            if layer == "dates":
                rec["value"] = it["third"]
                if "range" in it["opts"]:
                    f_, _, t_ = it["opts"]["range"].partition("/")
                    rec["range"] = {"from": f_, "to": t_}
            else:
                rec["base"] = it["third"] or it["mention"]
            res.append(rec)
            if verbose:
                ctx = text[max(0, sp["start"] - 25):sp["end"] + 25].replace("\n", "⏎")
                print(f"    {it['type']:8} {sp['start']:5}-{sp['end']:<5} {rec['text']!r:40} …{ctx}…")
        out[layer] = res
    summary = {l: len(out[l]) for l in ("dates", "entities")}
    if errors:
        for e in errors:
            print(f"ERROR {doc_id}: {e}")
        return False
    dest = os.path.join(CORPUS, "gold", doc_id + ".json")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "w", encoding="utf-8") as f:
        json.dump({"id": out["id"], "language": out["language"], **({"documentDate": out["documentDate"]} if "documentDate" in out else {}),
                   "dates": out["dates"], "entities": out["entities"]}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{doc_id}: {summary['dates']} dates, {summary['entities']} entities")
    return True


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    if not args:
        for dirpath, _, files in os.walk(SRC):
            for fn in files:
                if fn.endswith(".ann"):
                    args.append(os.path.relpath(os.path.join(dirpath, fn), SRC)[:-4])
        args.sort()
    ok = all([build(a, verbose) for a in args])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
