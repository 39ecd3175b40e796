#!/bin/sh
# Installs pyspark when missing and runs the Spark RDD.pipe test against a built pipeline.
# Usage: scripts/spark-test.sh [PIPELINE_BINARY]   (default: .build/debug/pipeline, built if missing)
set -eu
cd "$(dirname "$0")/.."
PIPELINE=${1:-.build/debug/pipeline}
if [ ! -x "$PIPELINE" ]; then swift build --product pipeline; fi
if ! command -v java >/dev/null 2>&1; then
    echo "spark-test: installing Java (openjdk-17-jre-headless)" >&2
    apt-get install -y openjdk-17-jre-headless >/dev/null || { echo "SKIP: cannot install Java" >&2; exit 77; }
fi
if ! python3 -c 'import pyspark' 2>/dev/null; then
    echo "spark-test: installing pyspark from PyPI" >&2
    python3 -m pip install --quiet pyspark || { echo "SKIP: cannot install pyspark" >&2; exit 77; }
fi
exec python3 tests/spark/spark_pipe_test.py --pipeline "$PIPELINE"
