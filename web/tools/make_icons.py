#!/usr/bin/env python3
"""Draws the app icon and writes it as PNG files (Python standard library only).

usage: make_icons.py [--out DIR]     (default: web/icons next to this script's folder)

Writes icon-192.png, icon-512.png, apple-touch-icon.png (180x180) and icon-32.png (the page's
favicon: a few hundred bytes, fetched while the page starts): a full-bleed #1665c0 blue
square (the launcher or iOS rounds it) with a subtle lighter ring and a white medical cross. The
ring and the cross stay inside the central 80 % circle, so icon-512.png and icon-192.png are safe
as `purpose: "any maskable"`. Shapes are signed-distance functions; pixels near an edge are
supersampled 4x4 for antialiasing. The output is deterministic (same bytes on every run).
"""
import argparse
import math
import os
import struct
import sys
import zlib

BLUE = (0x16, 0x65, 0xC0)
WHITE = (0xFF, 0xFF, 0xFF)
RING_ALPHA = 0.16      # the ring: white over the blue, faint
SUPERSAMPLE = 4        # samples per axis for pixels near an edge

# Geometry in units of the icon's side, centre at (0, 0). The maskable safe zone is the circle
# of radius 0.40; the ring's outer edge is at 0.355, the cross's farthest corner at about 0.25.
CROSS_HALF_LENGTH = 0.235
CROSS_HALF_WIDTH = 0.080
CROSS_CORNER = 0.030
RING_RADIUS = 0.335
RING_HALF_WIDTH = 0.020

ICONS = (("icon-192.png", 192), ("icon-512.png", 512), ("apple-touch-icon.png", 180), ("icon-32.png", 32))


def rounded_box(x: float, y: float, half_w: float, half_h: float, r: float) -> float:
    """Signed distance from (x, y) to a box centred at the origin with rounded corners."""
    qx = abs(x) - half_w + r
    qy = abs(y) - half_h + r
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - r


def cross_distance(x: float, y: float) -> float:
    bar = rounded_box(x, y, CROSS_HALF_LENGTH, CROSS_HALF_WIDTH, CROSS_CORNER)
    post = rounded_box(x, y, CROSS_HALF_WIDTH, CROSS_HALF_LENGTH, CROSS_CORNER)
    return min(bar, post)


def ring_distance(x: float, y: float) -> float:
    return abs(math.hypot(x, y) - RING_RADIUS) - RING_HALF_WIDTH


def coverage(dist, px: float, py: float, size: int) -> float:
    """Fraction of pixel (px, py) inside the shape whose distance function is dist."""
    unit = 1.0 / size
    d = dist((px + 0.5) * unit - 0.5, (py + 0.5) * unit - 0.5)
    if d > unit:
        return 0.0
    if d < -unit:
        return 1.0
    inside = 0
    step = 1.0 / SUPERSAMPLE
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = (px + (sx + 0.5) * step) * unit - 0.5
            y = (py + (sy + 0.5) * step) * unit - 0.5
            if dist(x, y) <= 0.0:
                inside += 1
    return inside / (SUPERSAMPLE * SUPERSAMPLE)


def blend(under, over, alpha: float):
    return tuple(u + (o - u) * alpha for u, o in zip(under, over))


def draw(size: int) -> list:
    """Rows of RGB bytes."""
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            color = BLUE
            ring = coverage(ring_distance, px, py, size)
            if ring:
                color = blend(color, WHITE, ring * RING_ALPHA)
            cross = coverage(cross_distance, px, py, size)
            if cross:
                color = blend(color, WHITE, cross)
            row.extend(int(round(c)) for c in color)
        rows.append(bytes(row))
    return rows


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(rows: list, size: int) -> bytes:
    """8-bit RGB PNG; per row the 'None' or 'Up' filter, whichever leaves smaller values."""
    raw = bytearray()
    previous = bytes(len(rows[0]))
    for row in rows:
        up = bytes((a - b) & 0xFF for a, b in zip(row, previous))
        cost = lambda data: sum(min(v, 256 - v) for v in data)
        if cost(up) < cost(row):
            raw += b"\x02" + up
        else:
            raw += b"\x00" + row
        previous = row
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + png_chunk(b"IEND", b""))


def main() -> int:
    default_out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "icons")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default_out, help="folder for the PNG files")
    args = parser.parse_args()
    try:
        os.makedirs(args.out, exist_ok=True)
    except OSError as e:
        print(f"make_icons: cannot create {args.out}: {e.strerror}", file=sys.stderr)
        return 1
    for name, size in ICONS:
        data = encode_png(draw(size), size)
        path = os.path.join(args.out, name)
        with open(path, "wb") as f:
            f.write(data)
        print(f"{path}: {size}x{size}, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
