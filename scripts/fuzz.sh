#!/bin/sh
# Builds the Fuzz target as a libFuzzer binary (into .build-fuzz, apart from normal builds)
# and fuzzes decode, HTML, JSON, normalise, segment and analysis for SECONDS (default 600).
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
[ $# -gt 0 ] && shift
swift build -c debug --scratch-path .build-fuzz --product Fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
CORPUS=.build-fuzz/corpus
mkdir -p "$CORPUS" .build-fuzz/artifacts
# Seeds: the repository's press releases as text (selector 0), an HTML page (1), a JSON record (2).
for f in corpus/*.txt; do
    [ -e "$f" ] || continue
    { printf '\000'; cat "$f"; } > "$CORPUS/seed-$(basename "$f")"
done
printf '\001<html><head><meta charset="utf-8"><meta name="date" content="2024-05-03"></head><body><nav>Menu</nav><article><h1>Заглавие</h1><p>Текст &amp; още.</p></article></body></html>' > "$CORPUS/seed-html"
printf '\002{"id": "a", "text": "Spółka ogłosiła wyniki 3 maja 2024 r.", "language": "pl"}' > "$CORPUS/seed-json"
exec .build-fuzz/debug/Fuzz "$CORPUS" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
    -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 "$@"
