"""What `timeline add` checks a new row against, without reading the whole file again.

A row is judged in the context of the file: the first row of the event it joins, the ids
taken, the categories counted... `check` reads the whole file for that (seconds at a million
rows). `add` instead reads on from a checked version of the file, as the dashboard does when a
file grows (timeline.appends): the store's cache of the file (timeline.store: the checked data
of one version, memory-mapped), and only the bytes after it, with the new row.

The cache is trusted only for the version that wrote it (its key: the file's signature and a
hash of its first and last bytes, see timeline.store). Rows `add` appended since are read on
from it only as far as `add` itself vouches for them: after each append, under its lock, it
records the key of the version the cache holds and the key of the file as the append left it
(`NAME.added.json` beside the cache). The next `add` reads on from the cache only if the file's
key is still the one recorded; an edit or save by anything else changes it, and then the file
is checked whole again (and that version is cached for the adds after it). The record also
holds the cache file's identity once an add found it whole (timeline.arrowfile.verified), so
that the adds after it skip its digest while it is that file, unchanged. appends.load_with
checks, besides, that the first bytes of the file and those before where it reads on from are
the cached version's. A state folder that cannot be written costs only speed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from . import arrowfile, lastgood, store
from .load import Dataset, load, signature

SUFFIX = ".added.json"


@dataclass
class Known:
    """A checked version of the file: as it is, or as it was before rows `add` appended."""

    dataset: Dataset
    base: dict  # the store key of that version (of the cache that holds it)


def added_path(path: str | os.PathLike) -> Path:
    """Where the record of the rows `add` appended since the cached version is kept."""
    cache = store.cache_path(path)
    return cache.with_name(cache.name.removesuffix(store.SUFFIX) + SUFFIX)


def cached(path: str | os.PathLike) -> Known | None:
    """The cached version to read on from, or None: the cache of the file's current version, or
    that of the version before the rows `add` appended since (if the file is as `add` left it)."""
    now = store.version_key(path)
    keys, known = [now], None
    record = _record(path)
    if record is not None and record.get("now") == now and isinstance(record.get("from"), dict):
        # (The cache holds one version: after an add, most often the one it read on from.)
        keys.insert(0, record["from"])
        known = record.get("cache")
    for key in keys:
        dataset = store.read_dataset(path, key, known)
        if dataset is not None:
            return Known(dataset, key)
    return None


def checked(path: str | os.PathLike, inode: int) -> Known | None:
    """A full check of the file as it is (`load`), written to the cache for the adds after it;
    None when the file changed while it was read (or is not the one open, `inode`)."""
    from .index import build_index  # (here only: an add that reads on from the cache makes no index)

    path = Path(path)
    dataset = load(path)
    stamp = dataset.signature
    if len(stamp) < 4 or stamp[3] != inode:
        return None
    key = store.version_key(path)
    if signature(path) != stamp:  # (changed while it was read, or while its key was made)
        return None
    try:
        store.write(path, build_index(dataset, grams=False))
    except (OSError, TypeError, pa.ArrowException):
        pass  # (no cache: the next add checks the file whole again)
    return Known(dataset, key)


def appended(path: str | os.PathLike, base: dict) -> None:
    """Record that the file is now the version `base` (cached) with rows `add` appended: called
    under the add lock, once they are written and flushed to disk."""
    target = added_path(path)
    # (With the identity of the cache file as this add found it whole, if it did: the next add
    # reads it without making its digest again, as long as it is still that file, unchanged.)
    found = {"from": base, "now": store.version_key(path), "cache": arrowfile.verified(store.cache_path(path))}
    text = json.dumps(found, sort_keys=True)
    try:
        lastgood.replace_text(target, text)
    except OSError:
        pass  # (no record: the next add checks the file whole again)


def _record(path: str | os.PathLike) -> dict | None:
    try:
        record = json.loads(added_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None
