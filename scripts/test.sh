#!/usr/bin/env bash
# The tests: set up, run the Swift test suite (unit, rule examples, gold regression,
# end-to-end), validate the outputs of a corpus run against the JSON Schema, and render the
# HTML report in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The Spark RDD.pipe test needs Java and pyspark (PyPI); without them it skips with a message.
command -v java >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless >&2; } || true
python3 -c 'import pyspark' 2>/dev/null || python3 -m pip install -q pyspark >&2 || echo "test: pyspark could not be installed; the Spark test will skip" >&2
swift build --build-tests
swift test
out=$(mktemp -d)
.build/debug/pipeline run corpus --output "$out" --tokens --quiet
python3 scripts/validate_output.py "$out"
PIPELINE=.build/debug/pipeline scripts/report-screenshot.sh "$out" "$out/report.png"
