"""What tells that the first bytes of a file are still those that were read: a digest of them.

An editor that fixes a date in the middle of the file (the same number of characters) and adds
a row at its end, then saves in place (nano, VS Code), leaves a file that only looks appended
to: the same inode, longer, its first and last bytes as before. Reading on from the old end
(timeline.appends) would keep the old date, shown until the next edit. So the bytes before
the old end are read again and their digest compared with that of the bytes first read.

The digest is a sum of the file's 32-bit words, each widened to 64 bits and times its own odd
64-bit weight, modulo 2**64, block by block (a megabyte), the blocks chained. Any one word
changed changes it (a difference below 2**32 times an odd weight is never 0 modulo 2**64), and
two changes cancel out with a chance of at most about 2**-32 over the weights (a letter's case
in two places, 2**-35). It tells an edit from an unchanged file, not an attacker's forgery (who
can write the file can write anything in it anyway). It costs a few times less than a
cryptographic hash here (numpy's dot product: about 0.05 s for 281 MB), so that reading a
million-row file again to check it costs little more than reading it. (Summing the 64-bit words
themselves, as a first version did, let a change in a word's top byte count only through its
weight's lowest bits: two case changes cancelled out one time in 258.)
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

BLOCK = 1 << 20  # bytes: the digest's blocks (and how much is read at a time to check a file)
_MASK = (1 << 64) - 1
_CHAIN = 0x100000001B3  # (an odd multiplier: the blocks' order counts)


def _weights(n: int) -> np.ndarray:
    """n odd 64-bit weights, the same in every process and every numpy (splitmix64 of 1..n)."""
    z = np.arange(1, n + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return (z ^ (z >> np.uint64(31))) | np.uint64(1)


_WEIGHTS = _weights(BLOCK // 4)
_wide = threading.local()  # each thread's block of 32-bit words widened to 64 bits


def _sum(block: np.ndarray) -> int:
    """The weighted sum of one block's 32-bit words (at most BLOCK bytes; the last word padded
    with zeros), one more than it so that an empty block counts too."""
    whole = len(block) // 4 * 4
    words = len(block) // 4
    wide = getattr(_wide, "words", None)
    if wide is None:
        wide = _wide.words = np.empty(BLOCK // 4, np.uint64)
    np.copyto(wide[:words], np.ascontiguousarray(block[:whole]).view(np.uint32), casting="unsafe")
    total = int(np.dot(wide[:words], _WEIGHTS[:words])) if words else 0
    if whole < len(block):
        last = np.zeros(4, np.uint8)
        last[: len(block) - whole] = block[whole:]
        total += int(last.view(np.uint32)[0]) * int(_WEIGHTS[words])
    return (total + 1) & _MASK


def _link(chain: int, value: int) -> int:
    """The chain with one more value after it (a block's sum; last, the size)."""
    return (chain * _CHAIN + value) & _MASK


@dataclass(frozen=True)
class Digest:
    """The digest of bytes [0, size): the chain of their whole blocks, and the bytes after them
    (fewer than BLOCK), kept so that more bytes can be digested after them (`then`)."""

    chain: int  # the whole blocks' sums, chained
    rest: bytes  # the bytes after the whole blocks
    size: int

    @property
    def value(self) -> int:
        """The digest: the chain, then the rest's sum and the size."""
        return _link(_link(self.chain, _sum(np.frombuffer(self.rest, np.uint8))), self.size)

    def then(self, data) -> Digest:
        """The digest of these bytes followed by `data`."""
        view = np.frombuffer(data, np.uint8)
        size = self.size + len(view)
        if not len(view):
            return self
        if self.rest:
            view = np.concatenate([np.frombuffer(self.rest, np.uint8), view])
        chain, whole = self.chain, len(view) // BLOCK * BLOCK
        for at in range(0, whole, BLOCK):
            chain = _link(chain, _sum(view[at : at + BLOCK]))
        return Digest(chain, view[whole:].tobytes(), size)


EMPTY = Digest(0, b"", 0)


def of(data, sums: list[int] | None = None) -> Digest:
    """The digest of the bytes in `data` (a buffer); `sums`: those of its first whole blocks,
    if already made (`sums`), in order."""
    view = np.frombuffer(data, np.uint8)
    whole = len(view) // BLOCK
    sums = (sums or [])[:whole]
    chain = 0
    for value in sums:
        chain = _link(chain, value)
    return Digest(chain, b"", len(sums) * BLOCK).then(view[len(sums) * BLOCK :])


def sums(piece: np.ndarray) -> list[int]:
    """The sums of the whole blocks at the start of `piece` (bytes that begin a block), as `of`
    takes them: made while a file is read (timeline.load), a piece at a time."""
    return [_sum(piece[at : at + BLOCK]) for at in range(0, len(piece) // BLOCK * BLOCK, BLOCK)]


def of_file(file, size: int) -> Digest | None:
    """The digest of the first `size` bytes of an open file, read from its start a block at a
    time (no more than a block in memory); None if it has fewer."""
    file.seek(0)
    buffer = bytearray(BLOCK)
    view = memoryview(buffer)
    chain, done = 0, 0
    while size - done >= BLOCK:
        if file.readinto(view) != BLOCK:
            return None
        chain = _link(chain, _sum(np.frombuffer(buffer, np.uint8)))
        done += BLOCK
    rest = file.read(size - done)
    if len(rest) != size - done:
        return None
    return Digest(chain, rest, size)
