"""The page's icon (assets/favicon.ico) is what docs/favicon.py makes: three PNG images an icon
file's directory points to, each of its size, in the page's accent colour."""

from __future__ import annotations

import importlib.util
import struct
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def favicon():
    spec = importlib.util.spec_from_file_location("favicon", ROOT / "docs" / "favicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_icon_is_the_one_the_script_makes(favicon):
    assert (ROOT / "assets" / "favicon.ico").read_bytes() == favicon.ico()


def decoded(png: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGBA rows with their filter bytes) of a PNG this script writes."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, data, size = 8, b"", None
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        assert struct.unpack(">I", png[at + 8 + length : at + 12 + length])[0] == zlib.crc32(kind + body)
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
            assert body[8:10] == bytes((8, 6))  # 8 bits a channel, RGBA
        elif kind == b"IDAT":
            data += body
        at += 12 + length
    return size[0], size[1], zlib.decompress(data)


def test_each_image_is_of_its_size_and_drawn_in_the_accent(favicon):
    icon = favicon.ico()
    reserved, kind, count = struct.unpack("<HHH", icon[:6])
    assert (reserved, kind, count) == (0, 1, len(favicon.SIZES))
    for n, size in enumerate(favicon.SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", icon[6 + 16 * n : 22 + 16 * n])
        assert (width, height, planes, bits) == (size, size, 1, 32)
        w, h, rows = decoded(icon[offset : offset + length])
        assert (w, h) == (size, size)
        assert len(rows) == size * (1 + 4 * size)
        pixels = [
            rows[y * (1 + 4 * size) + 1 + 4 * x : y * (1 + 4 * size) + 5 + 4 * x]
            for y in range(size)
            for x in range(size)
        ]
        # The middle is inked (the chosen event) on a white tile (blue alone was faint on a dark
        # tab strip), whose rounded corners are clear.
        assert pixels[(size // 2) * size + size // 2] == bytes((*favicon.ACCENT, 255))
        assert pixels[size // 2] == pixels[size * (size - 1) + size // 2] == bytes((255, 255, 255, 255))
        assert pixels[0][3] == pixels[-1][3] == 0


def test_the_home_screen_icon_is_the_script_s_180_pixels_square_and_whole(favicon):
    """iOS takes /apple-touch-icon.png for a page saved to the home screen, rounds its corners and
    fills what is transparent with black: a square, opaque tile."""
    touch = (ROOT / "assets" / "apple-touch-icon.png").read_bytes()
    assert touch == favicon.png(favicon.TOUCH, radius=0)
    width, height, rows = decoded(touch)
    assert (width, height) == (180, 180)
    line = 1 + 4 * width
    assert all(rows[y * line + 4 + 4 * x] == 255 for y in range(height) for x in range(width))
    assert rows[90 * line + 1 + 4 * 90 : 90 * line + 4 + 4 * 90] == bytes(favicon.ACCENT)
    assert rows[1:4] == bytes((255, 255, 255))
