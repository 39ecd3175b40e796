#!/usr/bin/env python3
"""Pipes JSON Lines documents through `pipeline run - --format jsonl` inside local-mode
Spark (RDD.pipe) and checks that the result equals a direct run of the same binary.

Usage: spark_pipe_test.py [--pipeline PATH] [--documents N] [--corpus DIR]
Exit status: 0 equal, 1 different, 77 skipped (pyspark or Java missing; the message says which).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

SKIP = 77


def documents(corpus, count):
    """`count` JSON Lines documents built from the press releases in `corpus`, plus one bad line."""
    texts = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                texts.append(f.read())
    if not texts:
        texts = ["Сдружението обяви резултатите на 5 май 2024 г.", "Spółka ogłosiła wyniki 3 maja 2024 r."]
    lines = []
    for i in range(count):
        doc = {"id": f"doc-{i:05d}", "text": texts[i % len(texts)] + f"\n\nДокумент {i}."}
        if i % 7 == 0:
            doc["documentDate"] = "2024-05-0%d" % (1 + i % 9)
        lines.append(json.dumps(doc, ensure_ascii=False))
    lines.insert(count // 2, "{this line is not json")
    return lines


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser()
    parser.add_argument("--pipeline", default=os.path.join(root, ".build-batch", "debug", "pipeline"))
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--corpus", default=os.path.join(root, "corpus"))
    args = parser.parse_args()

    if not os.access(args.pipeline, os.X_OK):
        print(f"spark_pipe_test: no pipeline binary at {args.pipeline}", file=sys.stderr)
        return 1
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        print(f"SKIP: pyspark is not installed ({e}); run scripts/spark-test.sh to install it", file=sys.stderr)
        return SKIP
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        print("SKIP: no Java runtime (apt-get install openjdk-17-jre-headless)", file=sys.stderr)
        return SKIP

    lines = documents(args.corpus, args.documents)
    command = [os.path.abspath(args.pipeline), "run", "-", "--format", "jsonl", "--jobs", "1", "--quiet", "--tolerate-failures"]
    direct = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8")
    if direct.returncode != 0:
        print(f"spark_pipe_test: direct run exited {direct.returncode}: {direct.stderr}", file=sys.stderr)
        return 1
    expected = direct.stdout.splitlines()

    spark = (SparkSession.builder.master("local[2]").appName("pipeline-pipe-test")
             .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rdd = spark.sparkContext.parallelize(lines, 4)
        piped = rdd.pipe(" ".join(command), env={"LANG": "C.UTF-8"}).collect()
    finally:
        spark.stop()

    problems = []
    if len(piped) != len(lines):
        problems.append(f"{len(piped)} result lines for {len(lines)} input lines")
    parsed = [json.loads(line) for line in piped]
    # Documents must be byte-identical; an error line names the line number inside its
    # partition (its default id and path), so only its message is compared.
    def comparable(line):
        record = json.loads(line)
        return ("error", record["error"], record["stage"]) if "error" in record else line
    ours, theirs = [comparable(l) for l in piped], [comparable(l) for l in expected]
    if ours != theirs:
        first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        problems.append(f"Spark output differs from the direct run at line {first}")
    errors = [p for p in parsed if "error" in p]
    if len(errors) != 1 or errors[0].get("error") != "malformed JSON":
        problems.append(f"expected exactly one malformed-JSON error line, got {errors}")
    ids = [p["id"] for p in parsed if "error" not in p]
    if ids != [f"doc-{i:05d}" for i in range(args.documents)]:
        problems.append("document ids are not in input order")
    if problems:
        for p in problems:
            print("FAIL: " + p, file=sys.stderr)
        return 1
    print(f"spark_pipe_test: {len(piped)} lines through Spark RDD.pipe (4 partitions, local[2]) equal the direct run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
