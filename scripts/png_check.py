#!/usr/bin/env python3
"""Checks a screenshot of the stats report (standard library only).

Decodes the PNG (8-bit RGB or RGBA, non-interlaced, as Chromium writes them) and checks that
(1) the page is not blank: at least 2% of the pixels differ from the most common colour, and
(2) the timeline region (the band below the title, where `<svg id="timeline">` is drawn) holds
coloured pixels: at least 500 pixels whose channels differ by 60 or more (grey text and
gridlines do not count; the bars are saturated colours).

Usage: png_check.py FILE.png [TOP BOTTOM]   (timeline band in pixels, default 100 420)
Prints what it measured; exit code 0 when both checks pass, 1 otherwise.
"""
import struct
import sys
import zlib
from collections import Counter


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return width, height, rows


def main(argv):
    if not argv:
        sys.stderr.write(__doc__)
        return 2
    top, bottom = (int(argv[1]), int(argv[2])) if len(argv) >= 3 else (100, 420)
    width, height, rows = decode(argv[0])
    counts = Counter(p for row in rows for p in row)
    background, n = counts.most_common(1)[0]
    non_background = 1 - n / (width * height)
    band = [p for row in rows[top:min(bottom, height)] for p in row]
    coloured = sum(1 for p in band if max(p) - min(p) >= 60)
    print("%dx%d, %.1f%% non-background pixels, %d coloured pixels in the timeline band %d-%d"
          % (width, height, 100 * non_background, coloured, top, bottom))
    ok = non_background >= 0.02 and coloured >= 500
    print("ok" if ok else "FAILED: the page is blank or the timeline has no coloured bars")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
