#!/usr/bin/env bash
# The main job: set up, build (release) and run the pipeline over corpus/ into output/.
# Extra arguments go to `pipeline run` (e.g. --tokens, --jobs 2).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product pipeline
.build/release/pipeline run corpus --output output "$@"
