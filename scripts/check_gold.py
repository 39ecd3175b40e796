#!/usr/bin/env python3
"""Validate the gold annotation files under corpus/gold/ (Python 3, stdlib only).

For every corpus/gold/**/*.json (the spec folder corpus/gold/src is skipped):
  * the file is well-formed JSON with the keys id, language, dates, entities
    (and optionally documentDate);
  * id equals the file path relative to corpus/gold/ without ".json", and the
    document corpus/<id>.txt exists;
  * language is "bg" or "pl"; documentDate, if present, is YYYY-MM-DD;
  * every item has integer start < end within the text, and
    text == document[start:end] (Unicode code points, file read as UTF-8
    exactly as open(path, encoding="utf-8").read(), no stripping);
  * entity types are PER ORG LOC EVT PRO and every entity has a non-empty base;
  * date types are DATE TIME DURATION SET, every date has a TIMEX3-like value,
    a range (if present) has "from" and "to" and value == range.from;
  * items of each list are sorted by (start, end), no two items share a span,
    items of one list do not overlap, and dates do not overlap entities;
  * spans carry no leading/trailing whitespace.
Exits 1 with a message naming the file and the item on the first failures found.

Usage: scripts/check_gold.py [corpus-dir]      (default: corpus/ next to scripts/)
"""
import json
import os
import re
import sys

ENTITY_TYPES = {"PER", "ORG", "LOC", "EVT", "PRO"}
DATE_TYPES = {"DATE", "TIME", "DURATION", "SET"}
DATE_RE = re.compile(
    r"^(?:"
    r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"                       # year / decade / century / unknown
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?"                   # -MM(-DD)
    r"(?:T\d{2}(?::\d{2}(?::\d{2})?)?|T(?:MO|AF|EV|NI))?"   # time of day
    r"|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI)|-W(?:\d{2}|XX)(?:-WE|-\d)?)?"  # quarter, half, season, week
    r"|\d{3}"                                                # decade "199" (the 1990s)
    r"|\d{2}"                                                # century "20" (XX c.)
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:\d+(?:\.\d+)?[YMWDQ]|\d+[DEC]{1}|X[YMWD])+(?:T(?:\d+[HMS])+)?"
    r"|PT(?:\d+(?:\.\d+)?[HMS])+"
    r"|T\d{2}:\d{2}"                                         # time without a date
    r")$"
)
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ALLOWED_DOC_KEYS = {"id", "language", "documentDate", "dates", "entities"}
ALLOWED_ENT_KEYS = {"start", "end", "text", "type", "base"}
ALLOWED_DATE_KEYS = {"start", "end", "text", "type", "value", "range"}


class GoldError(Exception):
    pass


def check_file(corpus, path):
    rel = os.path.relpath(path, os.path.join(corpus, "gold")).replace(os.sep, "/")
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (ValueError, UnicodeDecodeError) as e:
        raise GoldError(f"{rel}: not well-formed JSON: {e}")
    if not isinstance(doc, dict):
        raise GoldError(f"{rel}: top level is not an object")
    extra = set(doc) - ALLOWED_DOC_KEYS
    missing = {"id", "language", "dates", "entities"} - set(doc)
    if extra or missing:
        raise GoldError(f"{rel}: bad keys (missing {sorted(missing)}, unexpected {sorted(extra)})")
    want_id = rel[:-len(".json")]
    if doc["id"] != want_id:
        raise GoldError(f"{rel}: id {doc['id']!r} does not match path (expected {want_id!r})")
    txt_path = os.path.join(corpus, want_id + ".txt")
    if not os.path.isfile(txt_path):
        raise GoldError(f"{rel}: document {want_id}.txt not found")
    with open(txt_path, encoding="utf-8") as f:
        text = f.read()
    if doc["language"] not in ("bg", "pl"):
        raise GoldError(f"{rel}: language {doc['language']!r} is not bg/pl")
    if "documentDate" in doc and not (isinstance(doc["documentDate"], str) and DAY_RE.match(doc["documentDate"])):
        raise GoldError(f"{rel}: documentDate {doc.get('documentDate')!r} is not YYYY-MM-DD")

    spans = {}
    for layer, types, keys in (("entities", ENTITY_TYPES, ALLOWED_ENT_KEYS), ("dates", DATE_TYPES, ALLOWED_DATE_KEYS)):
        items = doc[layer]
        if not isinstance(items, list):
            raise GoldError(f"{rel}: {layer} is not a list")
        prev = None
        seen = set()
        for n, it in enumerate(items):
            where = f"{rel}: {layer}[{n}]"
            if not isinstance(it, dict):
                raise GoldError(f"{where}: not an object")
            if set(it) - keys or not {"start", "end", "text", "type"} <= set(it):
                raise GoldError(f"{where}: bad keys {sorted(it)}")
            s, e = it["start"], it["end"]
            if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
                raise GoldError(f"{where}: start/end must be integers")
            where += f" {it.get('text')!r} @{s}-{e}"
            if not (0 <= s < e <= len(text)):
                raise GoldError(f"{where}: offsets out of range (text length {len(text)})")
            if text[s:e] != it["text"]:
                raise GoldError(f"{where}: text mismatch, document has {text[s:e]!r}")
            if it["text"] != it["text"].strip():
                raise GoldError(f"{where}: span has leading/trailing whitespace")
            if it["type"] not in types:
                raise GoldError(f"{where}: invalid type {it['type']!r} for {layer}")
            if layer == "entities":
                if not isinstance(it.get("base"), str) or not it["base"].strip():
                    raise GoldError(f"{where}: missing base form")
            else:
                v = it.get("value")
                if not isinstance(v, str) or not DATE_RE.match(v):
                    raise GoldError(f"{where}: invalid TIMEX3 value {v!r}")
                if "range" in it:
                    r = it["range"]
                    if not (isinstance(r, dict) and set(r) == {"from", "to"}
                            and all(isinstance(r[k], str) and DATE_RE.match(r[k]) for k in r)):
                        raise GoldError(f"{where}: range must be {{'from': value, 'to': value}}")
                    if r["from"] != v:
                        raise GoldError(f"{where}: value {v!r} differs from range.from {r['from']!r}")
            if (s, e) in seen:
                raise GoldError(f"{where}: duplicate span")
            seen.add((s, e))
            if prev is not None:
                if (s, e) < prev:
                    raise GoldError(f"{where}: items not sorted by offset")
                if s < prev[1]:
                    raise GoldError(f"{where}: overlaps the previous item ending at {prev[1]}")
            prev = (s, e)
        spans[layer] = [(it["start"], it["end"], it["text"]) for it in items]
    for (s, e, t) in spans["dates"]:
        for (s2, e2, t2) in spans["entities"]:
            if s < e2 and s2 < e:
                raise GoldError(f"{rel}: date {t!r} @{s}-{e} overlaps entity {t2!r} @{s2}-{e2}")
    return len(spans["entities"]), len(spans["dates"])


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")
    corpus = os.path.normpath(corpus)
    gold = os.path.join(corpus, "gold")
    files = []
    for dirpath, dirnames, filenames in os.walk(gold):
        if os.path.relpath(dirpath, gold).split(os.sep)[0] == "src":
            dirnames[:] = []
            continue
        # (scores.json holds the recorded scores, not annotations)
        files += [os.path.join(dirpath, f) for f in filenames if f.endswith(".json") and not (dirpath == gold and f == "scores.json")]
    if not files:
        print(f"no gold files under {gold}", file=sys.stderr)
        sys.exit(1)
    failures = 0
    ents = dates = 0
    for path in sorted(files):
        try:
            ne, nd = check_file(corpus, path)
            ents += ne
            dates += nd
        except GoldError as e:
            print(f"FAIL {e}", file=sys.stderr)
            failures += 1
    if failures:
        print(f"{failures} of {len(files)} gold files failed", file=sys.stderr)
        sys.exit(1)
    print(f"OK: {len(files)} gold files, {ents} entities, {dates} dates")


if __name__ == "__main__":
    main()
