#!/usr/bin/env python3
"""Scores the pipeline's dates on dateparser's own bg/pl test cases, through
`pipeline annotate --jsonl` (the way scripts and other tools drive the pipeline).

Usage: eval_dates_dev.py CASES.jsonl [--pipeline BIN] [--verbose]

Each case becomes one JSON Lines document with a fixed document date (2020-06-15, or the
case's RELATIVE_BASE). A case matches when the pipeline finds a date covering the expected
text whose value agrees with dateparser's expectation at the grain the pipeline reports
(a day for "вчера", a month for "ноември 2016"). Cases without an expected value (language
detection, tokenisation) are not scored. Prints every scored case and the totals."""
import argparse
import datetime as dt
import json
import subprocess
import sys

BASE = dt.datetime(2020, 6, 15)
# Relative cases count from midday: the document date has no time of day, so "2 minutes ago"
# is the document's day (dateparser counts from the current time).
NOON = dt.datetime(2020, 6, 15, 12)


def shift(base, delta, sign):
    """base moved by a dateparser delta dict (years, months, weeks, days, hours, minutes, seconds)."""
    d = base
    months = delta.get("years", 0) * 12 + delta.get("months", 0)
    if months:
        total = d.year * 12 + d.month - 1 + sign * months
        y, m = divmod(total, 12)
        d = d.replace(year=y, month=m + 1, day=min(d.day, 28))
    td = dt.timedelta(weeks=delta.get("weeks", 0), days=delta.get("days", 0), hours=delta.get("hours", 0),
                      minutes=delta.get("minutes", 0), seconds=delta.get("seconds", 0))
    return d + sign * td


def cases(path):
    """(label, language, text, expected list of (substring or None, datetime), base) per scored case."""
    for line in open(path, encoding="utf-8"):
        c = json.loads(line)
        test, args, kw = c["test"].split(".")[-1], c["args"], c["kwargs"]
        lang = c["lang"]
        label = f"{lang} {test} line {c['line']}"
        if test.startswith("test_dates_parsing"):
            yield label, lang, args[0], [(None, dt.datetime.fromisoformat(args[1]["__datetime__"]))], BASE
        elif test in ("test_relative_past_dates", "test_normalized_relative_dates", "test_relative_future_dates"):
            sign = -1 if "ago" in kw else 1
            delta = kw.get("ago") or kw.get("in_future")
            yield label, lang, args[0], [(None, shift(NOON, delta, sign))], BASE
        elif test == "test_search_and_parse":
            base = dt.datetime.fromisoformat(kw["settings"]["RELATIVE_BASE"]["__datetime__"])
            yield label, args[0], args[1], [(s, dt.datetime.fromisoformat(v["__datetime__"])) for s, v in args[2]], base
        elif test == "test_freshness_translation":
            words = args[2].split()
            # ("1 day ago 07:40": that day at that clock time)
            clock = words.pop() if ":" in words[-1] else None
            n, unit = int(words[-2] if words[0] == "in" else words[0]), (words[-1] if words[0] == "in" else words[1])
            sign = 1 if words[0] == "in" else -1
            when = shift(NOON, {unit.rstrip(".") + "s": n}, sign)
            if clock:
                h, m = map(int, clock.split(":"))
                when = when.replace(hour=h, minute=m)
            yield label, args[0], args[1], [(None, when)], BASE
        elif test == "test_applicable_languages" and args[1] == "przedwczoraj":
            yield label, args[0], args[1], [(None, shift(NOON, {"days": 2}, -1))], BASE


def agrees(value, expected, grain):
    """Whether a TIMEX3 value agrees with a datetime at the value's own grain."""
    day = expected.strftime("%Y-%m-%d")
    if grain in ("minute", "second") and "T" in value:
        want = expected.strftime("%Y-%m-%dT%H:%M" + (":%S" if grain == "second" else ""))
        return value == want
    if grain == "day" or grain == "daypart":
        return value[:10] == day
    if grain == "week":
        y, w, _ = expected.isocalendar()
        return value == f"{y:04d}-W{w:02d}"
    if grain == "month":
        return value == day[:7]
    if grain == "year":
        return value == day[:4]
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("--pipeline", default=".build/debug/pipeline")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    scored = list(cases(a.cases))
    docs = [json.dumps({"id": str(i), "text": text, "language": lang, "documentDate": base.strftime("%Y-%m-%d")}, ensure_ascii=False)
            for i, (_, lang, text, _, base) in enumerate(scored)]
    out = subprocess.run([a.pipeline, "annotate", "--jsonl"], input="\n".join(docs) + "\n", capture_output=True, text=True)
    results = [json.loads(l) for l in out.stdout.splitlines()]
    if len(results) != len(scored):
        sys.exit(f"expected {len(scored)} result lines, got {len(results)}: {out.stderr}")
    ok = total = 0
    for (label, lang, text, expected, _), doc in zip(scored, results):
        for sub, when in expected:
            total += 1
            dates = doc.get("dates", [])
            span = (text.find(sub), text.find(sub) + len(sub)) if sub else (0, len(text))
            found = [d for d in dates if d["start"] < span[1] and d["end"] > span[0]]
            # (a range's end counts too: "od 1 września 1939 do 2 września 1945" holds both days)
            good = any(agrees(v, when, d["grain"]) for d in found
                       for v in [d["value"]] + ([d["range"]["to"]] if "range" in d else []))
            ok += good
            shown = ", ".join(f"{d['text']!r}={d['value']}" for d in found) or "nothing"
            print(f"{'ok  ' if good else 'MISS'} {label}: {text!r} expected {when.isoformat()} got {shown}")
    print(f"{ok} passed, {total - ok} failed")


if __name__ == "__main__":
    main()
