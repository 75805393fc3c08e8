"""What tells that the first bytes of a file are still those that were read: a digest of them.

An editor that fixes a date in the middle of the file (the same number of characters) and adds
a row at its end, then saves in place (nano, VS Code), leaves a file that only looks appended
to: the same inode, longer, its first and last bytes as before. Reading on from the old end
(timeline.appends) would keep the old date, shown until the next edit. So the bytes before
the old end are read again and their digest compared with that of the bytes first read.

The digest is a sum of the file's 8-byte words, each times its own odd weight, modulo 2**64,
block by block (a megabyte), the blocks chained: any one word changed changes it (an odd weight
times a nonzero difference is never 0 modulo 2**64), and several changes cancel out with a
chance of about 2**-64. It tells an edit from an unchanged file, not an attacker's forgery
(who can write the file can write anything in it anyway). It costs a tenth of what a
cryptographic hash would here (numpy's dot product: 0.02-0.03 s for 281 MB), so that reading a
million-row file again to check it costs little more than reading it.
"""

from __future__ import annotations

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


_WEIGHTS = _weights(BLOCK // 8)


def _sum(block: np.ndarray) -> int:
    """The weighted sum of one block's bytes (at most BLOCK; the last 8-byte word padded with
    zeros), one more than it so that an empty block counts too."""
    whole = len(block) // 8 * 8
    words = np.ascontiguousarray(block[:whole]).view(np.uint64)
    total = int(np.dot(words, _WEIGHTS[: len(words)])) if len(words) else 0
    if whole < len(block):
        last = np.zeros(8, np.uint8)
        last[: len(block) - whole] = block[whole:]
        total += int(last.view(np.uint64)[0]) * int(_WEIGHTS[len(words)])
    return (total + 1) & _MASK


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
        value = (self.chain * _CHAIN + _sum(np.frombuffer(self.rest, np.uint8))) & _MASK
        return (value * _CHAIN + self.size) & _MASK

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
            chain = (chain * _CHAIN + _sum(view[at : at + BLOCK])) & _MASK
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
        chain = (chain * _CHAIN + value) & _MASK
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
        chain = (chain * _CHAIN + _sum(np.frombuffer(buffer, np.uint8))) & _MASK
        done += BLOCK
    rest = file.read(size - done)
    if len(rest) != size - done:
        return None
    return Digest(chain, rest, size)
