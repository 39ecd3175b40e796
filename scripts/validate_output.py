#!/usr/bin/env python3
"""Validates output JSON files against schema/document.schema.json and checks that every
span's text equals text[start:end] (code points). Usage: validate_output.py FILE_OR_DIR...
Exit 1 naming the file and the problem on the first failure of each file."""
import json
import os
import sys

import jsonschema

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schema", "document.schema.json")


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                for n in sorted(names):
                    if n.endswith(".json"):
                        yield os.path.join(root, n)
        else:
            yield a


def main():
    schema = json.load(open(SCHEMA, encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    count = 0
    for path in files(sys.argv[1:]):
        count += 1
        doc = json.load(open(path, encoding="utf-8"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            failed += 1
            e = errors[0]
            print(f"{path}: schema: {'/'.join(map(str, e.path))}: {e.message}")
            continue
        text = doc["text"]
        for key in ("sentences", "tokens", "dates", "entities", "languages"):
            for i, item in enumerate(doc.get(key, [])):
                s, e = item["start"], item["end"]
                if not (0 <= s <= e <= len(text)):
                    print(f"{path}: {key}[{i}]: span {s}..{e} outside the text ({len(text)} code points)")
                    failed += 1
                    break
                if "text" in item and text[s:e] != item["text"]:
                    print(f"{path}: {key}[{i}]: text {item['text']!r} != text[{s}:{e}] {text[s:e]!r}")
                    failed += 1
                    break
    print(f"{count - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
