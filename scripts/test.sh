#!/usr/bin/env bash
# The tests: set up, run the Swift test suite (unit, rule examples, gold regression,
# end-to-end), validate the outputs of a corpus run against the JSON Schema, and render the
# HTML report in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test
out=$(mktemp -d)
.build/debug/pipeline run corpus --output "$out" --tokens --quiet
python3 scripts/validate_output.py "$out"
PIPELINE=.build/debug/pipeline scripts/report-screenshot.sh "$out" "$out/report.png"
