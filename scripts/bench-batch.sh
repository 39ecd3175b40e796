#!/bin/sh
# Batch measurements on a release build (not timed tests):
#   1. no-change rerun over 10,000 small documents (target < 2 s)
#   2. --jobs 2 vs --jobs 1 throughput on a >= 50 MB corpus (target >= 1.7x)
#   3. peak RSS (/usr/bin/time -v) for a 50 MB and a 500 MB corpus
# Usage: scripts/bench-batch.sh [WORK_DIR]   (default /tmp/bench-batch; needs ~2 GB free)
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-/tmp/bench-batch}
BIN=$ROOT/.build/release/pipeline
swift build -c release --product pipeline >/dev/null
mkdir -p "$WORK"

# make_corpus DIR MEGABYTES|count:N SMALL(0/1): press releases from corpus/, each made distinct.
make_corpus() {
    [ -f "$1/.done" ] && return 0
    rm -rf "$1"
    python3 - "$ROOT/corpus" "$1" "$2" "$3" <<'PY'
import os, random, sys
src, dst, size, small = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
texts = [open(os.path.join(src, n), encoding="utf-8").read() for n in sorted(os.listdir(src)) if n.endswith(".txt")]
rng = random.Random(7)
count = int(size[6:]) if size.startswith("count:") else None
target = None if count else int(size) * 1_000_000
total, i = 0, 0
while (count is not None and i < count) or (target is not None and total < target):
    t = texts[i % len(texts)]
    if small:
        t = t[:400]
    else:
        paras = t.split("\n")
        rng.shuffle(paras)
        t = "\n".join(paras)
    t += f"\n\nДокумент номер {i}, публикуван на {1 + i % 28}.{1 + i % 12}.2024 г."
    folder = os.path.join(dst, f"{i // 1000:04d}")
    os.makedirs(folder, exist_ok=True)
    data = t.encode("utf-8")
    with open(os.path.join(folder, f"doc{i:07d}.txt"), "wb") as f:
        f.write(data)
    total += len(data)
    i += 1
open(os.path.join(dst, ".done"), "w").close()
print(f"{dst}: {i} documents, {total / 1e6:.1f} MB", file=sys.stderr)
PY
}

seconds() { python3 -c 'import sys; print(f"{float(sys.argv[1]):.2f}")' "$1"; }
timed() { # timed OUTFILE COMMAND...: wall seconds into OUTFILE
    out=$1; shift
    python3 - "$out" "$@" <<'PY'
import subprocess, sys, time
t = time.monotonic(); r = subprocess.run(sys.argv[2:]); d = time.monotonic() - t
open(sys.argv[1], "w").write(f"{d}\n"); sys.exit(r.returncode)
PY
}

echo "== 1. no-change rerun, 10,000 small documents"
make_corpus "$WORK/small10k" count:10000 1
rm -rf "$WORK/out-small"
"$BIN" run "$WORK/small10k" -o "$WORK/out-small" -q
timed "$WORK/t" "$BIN" run "$WORK/small10k" -o "$WORK/out-small" -q --summary-json "$WORK/small.json"
echo "no-change rerun: $(seconds "$(cat "$WORK/t")") s  ($(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["unchanged"], "unchanged,", s["processed"], "processed")' "$WORK/small.json"))"

echo "== 2. throughput, --jobs 1 vs --jobs 2 (50 MB)"
make_corpus "$WORK/c50" 50 0
for j in 1 2; do
    rm -rf "$WORK/out-j$j"
    timed "$WORK/t$j" "$BIN" run "$WORK/c50" -o "$WORK/out-j$j" -q --jobs $j --summary-json "$WORK/j$j.json"
    echo "--jobs $j: $(seconds "$(cat "$WORK/t$j")") s, $(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["processed"], "documents,", round(s["bytes"]/1e6,1), "MB,", round(s["mbPerSecond"],2), "MB/s")' "$WORK/j$j.json")"
done
echo "speed-up: $(python3 -c 'import sys; print(f"{float(open(sys.argv[1]).read())/float(open(sys.argv[2]).read()):.2f}x")' "$WORK/t1" "$WORK/t2")"
if diff -r -q -x '.manifest.sqlite*' -x '.lock' "$WORK/out-j1" "$WORK/out-j2" >/dev/null; then echo "outputs identical"; else echo "OUTPUTS DIFFER"; fi

echo "== 3. peak RSS, 50 MB vs 500 MB (--jobs 2)"
make_corpus "$WORK/c500" 500 0
for c in c50 c500; do
    rm -rf "$WORK/out-rss-$c"
    /usr/bin/time -v "$BIN" run "$WORK/$c" -o "$WORK/out-rss-$c" -q --jobs 2 --summary-json "$WORK/rss-$c.json" 2> "$WORK/time-$c.txt" || true
    rss=$(grep 'Maximum resident set size' "$WORK/time-$c.txt" | awk '{print $NF}')
    wall=$(grep 'Elapsed (wall clock)' "$WORK/time-$c.txt" | awk '{print $NF}')
    echo "$c: peak RSS $((rss / 1024)) MB, wall $wall, $(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["processed"], "documents,", round(s["bytes"]/1e6,1), "MB,", round(s["mbPerSecond"],2), "MB/s")' "$WORK/rss-$c.json")"
done
