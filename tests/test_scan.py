"""What one pass over a file's bytes finds (csvfile.Scan), piece by piece as `load` reads them,
is what the whole bytes hold; and a file read from disk is read as its bytes are, a byte order
mark (BOM) or a U+FFFD across two pieces included; and the columns the parser leaves in pieces
are joined into one piece each, their values in order (csvfile.one_chunk). Table-driven."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import timeline
from timeline import csvfile, schema
from timeline.csvfile import BOM, REPLACEMENT, Scan

CONTENTS = [
    b"",
    b"a",
    b'plain "quoted" ascii\n',
    "caf\u00e9 \u2019s".encode(),
    b"x" + REPLACEMENT + b"y",
    REPLACEMENT,
    b"ab" + REPLACEMENT,
    b"\xef\xbf",  # (the first two bytes of U+FFFD, and no more)
    b"\xef\xbf\xbc\xef\xbf\xbd",
    b"nul \x00 here",
]


@pytest.mark.parametrize("data", CONTENTS)
@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 1 << 20])
def test_a_scan_in_pieces_is_the_scan_of_the_whole(data, step):
    pieces = [np.frombuffer(data[at : at + step], dtype=np.uint8) for at in range(0, len(data), step)] or [
        np.zeros(0, np.uint8)
    ]
    scan = Scan.joined([Scan.of(piece) for piece in pieces])
    assert scan.quotes == data.count(b'"')
    assert scan.ascii == all(byte < 0x80 for byte in data)
    assert scan.nul == (b"\x00" in data)
    assert scan.replacement == (REPLACEMENT in data)
    assert sum(size for size, _ in scan.pieces) == len(data)
    assert scan.edges == (data[:2], data[-2:])


def _file(rows: list[str], bom: bool) -> bytes:
    text = schema.header_line() + "\n" + "".join(row + "\n" for row in rows)
    return (BOM if bom else b"") + text.encode()


def _row(event: str, title: str, description: str = "") -> str:
    values = dict.fromkeys(schema.NAMES, "")
    values.update(id=event, date="2022-01-05", title=title, category="protest", source="AFP", description=description)
    return ",".join(f'"{values[name]}"' for name in schema.NAMES)


load_module = importlib.import_module("timeline.load")  # (the module: `timeline.load` is also its function)

FILES = {
    "BOM, ASCII": (["a" * 5], True),
    "BOM, accents": (["Almaty caf\u00e9", "Aqt\u00f6be"], True),
    "BOM, U+FFFD": (["Tokayev\ufffds speech", "other"], True),
    "U+FFFD": (["Tokayev\ufffds speech"], False),
    "BOM, a line break in quotes": (["two\nlines", "\u2019quoted\u2019"], True),
}


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("step", [3, 7, 64, 1 << 22])
def test_a_file_read_from_disk_is_read_as_its_bytes(name, step, tmp_path, monkeypatch):
    titles, bom = FILES[name]
    data = _file([_row(f"e-{i}", title, description=title) for i, title in enumerate(titles)], bom)
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    monkeypatch.setattr(load_module, "READ_STEP", step)  # (pieces that cut a character in two)
    # What was found as the file was read: of its bytes after the BOM, as a scan of those says.
    _, scan, _ = load_module._read_file(path)
    whole = csvfile._scan(pa.py_buffer(data[len(BOM) :] if bom else data))
    assert (scan.quotes, scan.ascii, scan.nul, scan.replacement, scan.after_bom) == (
        whole.quotes,
        whole.ascii,
        whole.nul,
        whole.replacement,
        bom,
    )
    assert sum(size for size, _ in scan.pieces) == len(data) - (len(BOM) if bom else 0)
    from_disk, from_bytes = timeline.load(path), timeline.load_bytes(data)
    assert [p.format("f") for p in from_disk.problems] == [p.format("f") for p in from_bytes.problems]
    pd.testing.assert_frame_equal(from_disk.accounts, from_bytes.accounts)
    # A U+FFFD is a character some program could not read: its row is left out, and said so.
    unread = [row for row, title in enumerate(titles, start=2) if "\ufffd" in title]
    assert from_disk.accounts["title"].tolist() == [title for title in titles if "\ufffd" not in title]
    assert sorted({p.row for p in from_disk.problems if "not UTF-8" in p.message}) == unread


def _column_in_chunks(values: list[str], sizes: list[int]) -> pd.Series:
    pieces, at = [], 0
    for size in sizes:
        pieces.append(pa.array(values[at : at + size], pa.large_string()))
        at += size
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(pieces, pa.large_string())), dtype="str")


@pytest.mark.parametrize("threads", [False, True])
def test_each_text_column_is_joined_into_one_chunk_with_its_values_in_order(threads):
    # As the parser leaves a large file's columns: in pieces, of several sizes (csvfile.one_chunk).
    rows = 12
    frame = pd.DataFrame(
        {
            "small": _column_in_chunks([f"s{i}" for i in range(rows)], [5, 7]),
            "large": _column_in_chunks([("long text " * i) + str(i) for i in range(rows)], [1, 2, 3, 6]),
            "whole": _column_in_chunks([""] * rows, [rows]),
            "number": np.arange(rows, dtype=np.float64),
            "empty": _column_in_chunks([""] * rows, [4, 4, 4]),
        }
    )
    expected = {name: frame[name].tolist() for name in frame.columns}
    joined = csvfile.one_chunk(frame, threads=threads)
    assert list(joined.columns) == list(expected)
    for name in ("small", "large", "whole", "empty"):
        assert joined[name].array.__arrow_array__().num_chunks == 1, name
        assert joined[name].dtype == "str"
    assert {name: joined[name].tolist() for name in joined.columns} == expected
