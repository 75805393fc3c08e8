"""Make assets/favicon.ico and assets/apple-touch-icon.png: the page's icon in a browser's tab
and bookmarks (Dash links to it when the assets folder holds one; without it a tab shows Dash's
own logo), and on a phone's home screen. A time axis with three events on it, in the page's
accent colour (assets/style.css, --accent), on a white tile with rounded corners (blue alone
was faint on a dark tab strip), drawn here with no image library: each pixel's cover of the
shapes is sampled on a 4 x 4 grid. The .ico holds the icon at 16, 32 and 48 pixels, each a PNG
(as Windows Vista and every browser since read); the home screen's is 180 pixels, its tile
square and whole (iOS rounds its corners itself, and fills what is transparent with black).

    .venv/bin/python docs/favicon.py [--output assets/favicon.ico]
"""

from __future__ import annotations

import argparse
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCENT = (0x0B, 0x5C, 0xAD)
SIZES = (16, 32, 48)
SAMPLES = 4  # per side of a pixel


WHITE = (0xFF, 0xFF, 0xFF)
TOUCH = 180  # pixels: the home screen's icon (iPhone's largest)
TILE_RADIUS = 0.2  # of the tile's corners, in the icon's width
MARGIN = 0.1  # of the tile around the shapes, in the icon's width


def covered(x: float, y: float) -> bool:
    """Whether a point of the unit square (x right, y down) is inked: an axis across the middle
    and three events on it, the middle one larger (the chosen event)."""
    if 0.06 <= x <= 0.94 and abs(y - 0.5) <= 0.055:
        return True
    return any((x - cx) ** 2 + (y - 0.5) ** 2 <= r * r for cx, r in ((0.2, 0.12), (0.5, 0.2), (0.8, 0.12)))


def tiled(x: float, y: float, radius: float = TILE_RADIUS) -> bool:
    """Whether a point lies on the tile: the unit square, its corners rounded by `radius`."""
    dx, dy = max(radius - x, x - (1 - radius), 0), max(radius - y, y - (1 - radius), 0)
    return dx * dx + dy * dy <= radius * radius


def pixels(size: int, radius: float = TILE_RADIUS) -> bytes:
    """RGBA rows, each after PNG's filter byte (0: none): the shapes on the tile (`radius` 0: a
    square one, every pixel whole), what lies off it transparent."""
    rows = bytearray()
    step = 1 / (size * SAMPLES)
    for py in range(size):
        rows.append(0)
        for px in range(size):
            ink = tile = 0
            for sx in range(SAMPLES):
                for sy in range(SAMPLES):
                    x, y = (px * SAMPLES + sx + 0.5) * step, (py * SAMPLES + sy + 0.5) * step
                    if tiled(x, y, radius):
                        tile += 1
                        ink += covered((x - MARGIN) / (1 - 2 * MARGIN), (y - MARGIN) / (1 - 2 * MARGIN))
            share = ink / tile if tile else 0
            colour = (round(a * share + b * (1 - share)) for a, b in zip(ACCENT, WHITE))
            rows += bytes((*colour, round(255 * tile / SAMPLES**2)))
    return bytes(rows)


def png(size: int, radius: float = TILE_RADIUS) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8 bits a channel, RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels(size, radius), 9))
        + chunk(b"IEND", b"")
    )


def ico(sizes=SIZES) -> bytes:
    images = [png(size) for size in sizes]
    offset = 6 + 16 * len(images)
    directory = b""
    for size, image in zip(sizes, images):
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(images)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(ROOT / "assets" / "favicon.ico"))
    args = parser.parse_args()
    Path(args.output).write_bytes(ico())
    touch = Path(args.output).with_name("apple-touch-icon.png")
    touch.write_bytes(png(TOUCH, radius=0))
    print(args.output, touch)


if __name__ == "__main__":
    main()
