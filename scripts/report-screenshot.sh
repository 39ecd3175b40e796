#!/bin/sh
# Renders `pipeline stats --html` for an output folder in headless Chromium and checks the
# screenshot: the page is not blank and the timeline region holds coloured (bar) pixels.
#
# Usage: scripts/report-screenshot.sh [OUTPUT_FOLDER [PNG]]
#   OUTPUT_FOLDER  pipeline outputs (default: output)
#   PNG            where to write the screenshot (default: report.png); the HTML goes next to it
# Installs Debian's chromium with apt-get when it is missing and the script runs as root.
# Exit codes: 0 rendered and checked, 1 the check failed, 2 chromium or the pipeline unavailable.
set -eu

OUTPUT=${1:-output}
PNG=${2:-report.png}
HTML="${PNG%.png}.html"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# The pipeline binary: $PIPELINE, else the first one built, else build it.
if [ -z "${PIPELINE:-}" ]; then
    for candidate in "$ROOT/.build/debug/pipeline" "$ROOT/.build/release/pipeline"; do
        if [ -x "$candidate" ]; then PIPELINE=$candidate; break; fi
    done
fi
PIPELINE=${PIPELINE:-"$ROOT/.build/debug/pipeline"}
WIDTH=1280
HEIGHT=1400

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing chromium (apt-get)" >&2
        apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
    else
        echo "chromium is not installed; run as root or: sudo apt-get install chromium" >&2
        exit 2
    fi
fi
if [ ! -x "$PIPELINE" ]; then
    (cd "$ROOT" && swift build >&2) || { echo "cannot build the pipeline" >&2; exit 2; }
fi

"$PIPELINE" stats "$OUTPUT" --html "$HTML" >/dev/null
rm -f "$PNG"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="$WIDTH,$HEIGHT" --screenshot="$PNG" "file://$(cd "$(dirname "$HTML")" && pwd)/$(basename "$HTML")" >/dev/null 2>&1 || true
if [ ! -s "$PNG" ]; then
    echo "chromium wrote no screenshot" >&2
    exit 1
fi
python3 "$ROOT/scripts/png_check.py" "$PNG"
