"""Small datasets for the data/view tests: rows as dicts, loaded through the real loader."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import numpy as np

import timeline
from timeline import schema
from timeline.index import EventIndex, build_index


def csv_bytes(rows: list[dict]) -> bytes:
    """An events.csv with our header and one line per row (missing columns left empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=schema.NAMES, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def index_from_rows(rows: list[dict]) -> EventIndex:
    """The index of a dataset that must load without errors (a typo in a test fails loudly)."""
    dataset = timeline.load_bytes(csv_bytes(rows))
    assert not dataset.errors, [str(p) for p in dataset.errors]
    return build_index(dataset)


def row(id, date, title="", category="", source="Reuters", **more) -> dict:
    """One account. The title and category default from the id so first rows stay short."""
    return {
        "id": id,
        "date": date,
        "title": title or id.replace("-", " ").capitalize(),
        "category": category or "protest",
        "source": source,
        **more,
    }


def ids(index: EventIndex, mask: np.ndarray) -> list[str]:
    """The ids of the kept events, in date order."""
    return index.events["id"].to_numpy()[np.flatnonzero(mask)].tolist()


def everything(index: EventIndex) -> np.ndarray:
    return np.ones(len(index), dtype=bool)


def us_excel(data: bytes) -> bytes:
    """The file as US Excel (or Numbers) saves it back: every date rewritten as m/d/yy
    (2022-01-07 14:30 becomes 1/7/22 14:30), so that most rows are refused."""
    return re.sub(
        rb"(?<=,)(\d{4})-(\d\d)-(\d\d)(?=[,\r\n ])", lambda m: b"%d/%d/%s" % (int(m[2]), int(m[3]), m[1][2:]), data
    )


def changed_in_place(path: Path, old: bytes, new: bytes) -> None:
    """An edit that keeps the file's size, modification time and inode (`old` made `new`, as long):
    only its bytes, and its change time, tell."""
    before = os.stat(path)
    data = bytearray(path.read_bytes())
    at = data.index(old)
    data[at : at + len(old)] = new
    with open(path, "r+b") as file:
        file.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
