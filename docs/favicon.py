"""Make assets/favicon.ico: the page's icon in a browser's tab and bookmarks (Dash links to it
when the assets folder holds one; without it a tab shows Dash's own logo). A time axis with
three events on it, in the page's accent colour (assets/style.css, --accent), drawn here with
no image library: each pixel's cover of the shapes is sampled on a 4 x 4 grid. The file holds
the icon at 16, 32 and 48 pixels, each a PNG (as Windows Vista and every browser since read).

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


def covered(x: float, y: float) -> bool:
    """Whether a point of the unit square (x right, y down) is inked: an axis across the middle
    and three events on it, the middle one larger (the chosen event)."""
    if 0.06 <= x <= 0.94 and abs(y - 0.5) <= 0.055:
        return True
    return any((x - cx) ** 2 + (y - 0.5) ** 2 <= r * r for cx, r in ((0.2, 0.12), (0.5, 0.2), (0.8, 0.12)))


def pixels(size: int) -> bytes:
    """RGBA rows, each after PNG's filter byte (0: none)."""
    rows = bytearray()
    step = 1 / (size * SAMPLES)
    for py in range(size):
        rows.append(0)
        for px in range(size):
            hits = sum(
                covered((px * SAMPLES + sx + 0.5) * step, (py * SAMPLES + sy + 0.5) * step)
                for sx in range(SAMPLES)
                for sy in range(SAMPLES)
            )
            rows += bytes((*ACCENT, round(255 * hits / SAMPLES**2)))
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8 bits a channel, RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels(size), 9))
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
    print(args.output)


if __name__ == "__main__":
    main()
