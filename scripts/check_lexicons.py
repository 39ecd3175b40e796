#!/usr/bin/env python3
"""Checks the lexicon files under Sources/Extract/Resources/lexicons.

For every <lang>/<name>.yaml (lang in bg, pl, en, common) it checks that
  - the file parses as YAML, with no duplicate mapping keys (PyYAML would
    silently keep the last one);
  - the top level is a mapping with `name` (equal to the file name without
    .yaml), `summary`, optional `value`, and `entries`;
  - `entries` is a non-empty list of forms (then `value` is required; a form
    may be a one-key mapping to the list of its inflected forms that hunspell
    does not know) or a non-empty mapping form -> value;
  - every form and value is a string (YAML 1.1 turns bare yes/no/on/off, numbers,
    dates and ~ into other types, which the Swift loader would reject), with no
    leading/trailing or doubled white space;
  - no word of a form mixes Cyrillic and Latin letters (a look-alike typo);
  - no two forms in one file are equal after folding (NFKC + case folding,
    typographic quotes and dashes unified, stress accents on Cyrillic vowels removed, white space
    collapsed), which approximates the matcher's TextFolder.

Usage: scripts/check_lexicons.py [--overlaps] [root]
  --overlaps  also list forms that occur in more than one lexicon of the same
              language, counting the common lexicons with every language
              (information only, never a failure).
Exit status 1 on the first class of failure, naming the file and the form.
"""
import os
import re
import sys
import unicodedata
from collections import defaultdict

import yaml

LANGS = ("bg", "pl", "en", "common")
VALUES = {"PER", "ORG", "LOC", "EVT", "PRO", "stop",
          "honorific", "title", "role", "male", "female", "unisex"}
CYR = re.compile(r"[\u0400-\u04ff]")
LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")
QUOTES = dict.fromkeys(map(ord, "„“”«»‚‘’'`\u201f\u2039\u203a"), '"')
DASHES = dict.fromkeys(map(ord, "–—‒−\u2010\u2011"), "-")


def fold(form: str) -> str:
    s = unicodedata.normalize("NFKC", form)
    s = unicodedata.normalize("NFKC", s.casefold())
    s = s.translate(QUOTES).translate(DASHES)
    s = unicodedata.normalize("NFD", s)
    s = re.sub(r"(?<=[\u0400-\u04ff])[\u0300\u0301]+", "", s)  # stress accents on Cyrillic only
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00ad", "").replace("\u200b", "").replace("\u200c", "").replace("\u200d", "")
    return re.sub(r"\s+", " ", s).strip()


class StrictLoader(yaml.SafeLoader):
    pass


def _mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def check_file(path, lang, errors):
    """Returns {folded form: (form, value)} or None."""
    rel = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=StrictLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        errors.append(f"{rel}: does not parse: {e}")
        return None
    if not isinstance(doc, dict):
        errors.append(f"{rel}: top level is not a mapping")
        return None
    extra = set(doc) - {"name", "summary", "value", "entries", "inflect", "hyphen-joined"}
    if extra:
        errors.append(f"{rel}: unknown keys {sorted(map(str, extra))}")
    stem = os.path.splitext(os.path.basename(path))[0]
    if doc.get("name") != stem:
        errors.append(f"{rel}: name {doc.get('name')!r} is not the file name {stem!r}")
    if not isinstance(doc.get("summary"), str) or not doc["summary"].strip():
        errors.append(f"{rel}: summary missing")
    value = doc.get("value")
    if value is not None and not isinstance(value, (str, int)):
        errors.append(f"{rel}: value {value!r} is not a scalar")
    entries = doc.get("entries")
    if isinstance(entries, list):
        pairs = []
        for e in entries:
            # (a form with the inflected forms hunspell does not know: {base: [form, ...]})
            if isinstance(e, dict) and len(e) == 1 and isinstance(next(iter(e.values())), list):
                base, forms = next(iter(e.items()))
                pairs += [(base, value)] + [(f, value) for f in forms]
            else:
                pairs.append((e, value))
    elif isinstance(entries, dict):
        pairs = list(entries.items())
    else:
        errors.append(f"{rel}: entries is neither a list nor a mapping")
        return None
    if not pairs:
        errors.append(f"{rel}: no entries")
    out = {}
    for form, val in pairs:
        if not isinstance(form, str):
            errors.append(f"{rel}: form {form!r} is a {type(form).__name__}, not a string (quote it)")
            continue
        if form != form.strip() or "  " in form or not form:
            errors.append(f"{rel}: form {form!r} has stray white space")
        if val is not None and not isinstance(val, (str, int)):
            errors.append(f"{rel}: form {form!r} has value {val!r}, not a scalar")
        if any(CYR.search(w) and LAT.search(w) for w in re.split(r"[\s\-/.]+", form)):
            errors.append(f"{rel}: form {form!r} has a word mixing Cyrillic and Latin letters")
        key = fold(form)
        if key in out:
            errors.append(f"{rel}: duplicate form {form!r} (same as {out[key][0]!r} after folding)")
            continue
        out[key] = (form, val)
    return out


def main(argv):
    overlaps = "--overlaps" in argv
    args = [a for a in argv if not a.startswith("--")]
    here = os.path.dirname(os.path.abspath(__file__))
    root = args[0] if args else os.path.join(here, "..", "Sources", "Extract", "Resources", "lexicons")
    root = os.path.normpath(root)
    errors = []
    index = defaultdict(lambda: defaultdict(list))   # lang -> folded -> [lexicon]
    counts = []
    for lang in sorted(os.listdir(root)):
        d = os.path.join(root, lang)
        if not os.path.isdir(d):
            continue
        if lang not in LANGS:
            errors.append(f"{os.path.relpath(d)}: unknown language folder")
            continue
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".yaml"):
                if not fn.startswith("."):
                    errors.append(f"{os.path.relpath(os.path.join(d, fn))}: not a .yaml file")
                continue
            got = check_file(os.path.join(d, fn), lang, errors)
            if got is None:
                continue
            counts.append((f"{lang}/{fn}", len(got)))
            for key in got:
                index[lang][key].append(fn[:-5])
    for name, n in counts:
        print(f"{n:6d}  {name}")
    print(f"{sum(n for _, n in counts):6d}  total in {len(counts)} files")
    if overlaps:
        # common lexicons apply to every language, so compare each language with them too
        for lang in sorted(l for l in index if l != "common"):
            merged = defaultdict(list)
            for key, names in index[lang].items():
                merged[key].extend(f"{lang}/{n}" for n in names)
            for key, names in index.get("common", {}).items():
                merged[key].extend(f"common/{n}" for n in names)
            for key, names in sorted(merged.items()):
                if len(names) > 1:
                    print(f"overlap {lang}: {key!r} in {', '.join(names)}")
        for key, names in sorted(index.get("common", {}).items()):
            if len(names) > 1:
                print(f"overlap common: {key!r} in {', '.join(f'common/{n}' for n in names)}")
    if errors:
        for e in errors:
            print("ERROR " + e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
