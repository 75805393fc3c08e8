"""The current version of the events file, re-read when it changes.

Each process (each gunicorn worker) keeps the last version it read, keyed by
the file's signature (path, mtime, size, inode): a request costs one `stat`
unless the file changed. While a save is half-done and the file cannot be
read at all, the last good version keeps being served, with a notice.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from ..filters import Filters, apply
from ..index import EventIndex, build_index, events_with_text
from ..load import load, signature
from ..problems import ERROR, Problem


@dataclass
class Current:
    index: EventIndex
    signature: tuple
    version: str
    loaded_at: float
    notices: list[Problem] = field(default_factory=list)   # about the file as a whole, now

    masks: dict = field(default_factory=dict)
    word_masks: dict = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return self.notices + self.index.dataset.problems

    def mask(self, filters: Filters) -> np.ndarray:
        """The events the filters keep; the callbacks of one change ask for it several times."""
        return _remember(self.masks, filters, lambda: apply(self.index, filters, self.word_mask))

    def word_mask(self, word: str) -> np.ndarray:
        """The events with `word` in their text: the slowest filter, so kept per word too."""
        return _remember(self.word_masks, word.lower(), lambda: events_with_text(self.index, word))


def _remember(kept: dict, key, make):
    found = kept.get(key)
    if found is None:
        found = make()
        with _masks_lock:  # threads of one worker share these caches
            while len(kept) >= MASKS_KEPT:
                kept.pop(next(iter(kept)))
            kept[key] = found
    return found


MASKS_KEPT = 32
_cache: dict[str, Current] = {}
_lock = threading.Lock()
_masks_lock = threading.Lock()


def unreadable(dataset) -> bool:
    """The file as a whole cannot be read (empty, cut short in the header, not CSV...)."""
    return not len(dataset.accounts) and any(p.level == ERROR and p.row <= 1 for p in dataset.problems)


CUT_SHORT = ("values but the header has", "never closed")  # what a row cut mid-write gets


def half_saved(dataset, had_rows: bool) -> str:
    """Why the file looks like a save still in progress ("" when it does not): it cannot be
    read at all, it lost every row, or its last row is cut off with no line end."""
    if unreadable(dataset):
        return dataset.problems[0].message
    if had_rows and not len(dataset.accounts):
        return "it has no rows"
    try:
        with open(dataset.path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            ends_a_line = f.read(1) in (b"\n", b"\r")
    except OSError:
        return ""
    last_kept = int(dataset.accounts["row"].max()) if len(dataset.accounts) else 1
    cut = [p for p in dataset.problems if p.row > last_kept and p.level == ERROR
           and any(sign in p.message for sign in CUT_SHORT)]
    return "its last row is cut off" if cut and not ends_a_line else ""


def current(path: str) -> Current:
    stamp = signature(path)
    cached = _cache.get(path)
    if cached is not None and cached.signature == stamp:
        return cached
    with _lock:
        cached = _cache.get(path)
        if cached is not None and cached.signature == stamp:
            return cached
        dataset = load(path)
        why = half_saved(dataset, cached is not None and len(cached.index) > 0)
        if cached is not None and why and len(cached.index):
            notice = Problem(0, "", ERROR, (
                f"{os.path.basename(path)} cannot be read right now ({why}: a save in progress, "
                f"or a mistake); showing the version read at "
                f"{time.strftime('%H:%M:%S', time.localtime(cached.loaded_at))}"
            ))
            # A new version, so that open pages poll it and show the notice (same events).
            kept = Current(cached.index, dataset.signature, _version(dataset.signature),
                           cached.loaded_at, [notice])
            _cache[path] = kept
            return kept
        fresh = Current(build_index(dataset), dataset.signature, _version(dataset.signature), time.time())
        pa.default_memory_pool().release_unused()  # give back what parsing used, at once
        _cache[path] = fresh
        return fresh


def _version(stamp: tuple) -> str:
    return "-".join(str(part) for part in stamp[1:])
