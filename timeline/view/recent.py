"""The last few views made, kept: identical view states reuse their figure and panel.

Readers of a widely shared page mostly open the same few addresses (the article's link, its
first events); each view's figure and panel is a pure function of the file's version and the
view's state, so a worker makes it once and hands the same answer to the next reader who asks.
`Recent` is a small least-recently-used cache: bounded in entries, shared by a worker's threads
(gunicorn's gthread), keyed by whatever the caller says makes the answer (the file's version
first, so that a new version never meets an old answer). A value is made outside the lock: two
threads asking for the same new key at once may both make it, and the later one is kept.

Values are shared: callers must not change what they get (Dash only reads them, to send).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

Value = TypeVar("Value")


class Recent:
    """At most `size` values, by key; the least recently used one goes first."""

    def __init__(self, size: int):
        if size < 1:
            raise ValueError("a cache of no entries keeps nothing")
        self.size = size
        self._kept: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], Value]) -> Value:
        """The value kept for `key`, or `make()`'s, kept."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                self.hits += 1
                return self._kept[key]
            self.misses += 1
        value = make()
        with self._lock:
            # (Room made before the value goes in: `len`, read without the lock, never sees more
            # than `size`, as it did for a moment between the two.)
            if key not in self._kept:
                while len(self._kept) >= self.size:
                    self._kept.popitem(last=False)
            self._kept[key] = value
            self._kept.move_to_end(key)
        return value

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self.hits = self.misses = 0
