"""timeline.digest: the digest that tells whether a file's first bytes are still those read."""

from __future__ import annotations

import io

import numpy as np
import pytest

from timeline import digest
from timeline.digest import BLOCK

DATA = np.random.default_rng(7).integers(0, 256, 2 * BLOCK + 12_345, dtype=np.uint8).tobytes()


@pytest.mark.parametrize(
    "at",
    [0, 1, 7, 8, BLOCK // 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, len(DATA) - 8, len(DATA) - 1],
)
@pytest.mark.parametrize("change", [1, 0x80, 0xFF])
def test_any_byte_changed_changes_the_digest(at, change):
    edited = bytearray(DATA)
    edited[at] ^= change
    assert digest.of(bytes(edited)).value != digest.of(DATA).value


@pytest.mark.parametrize(
    "other",
    [
        DATA[:-1],  # one byte fewer
        DATA + b"\0",  # a zero more
        DATA[8:16] + DATA[:8] + DATA[16:],  # two words swapped
        DATA[BLOCK : 2 * BLOCK] + DATA[:BLOCK] + DATA[2 * BLOCK :],  # two blocks swapped
        b"",
    ],
)
def test_other_bytes_of_the_same_kind_have_another_digest(other):
    assert digest.of(other).value != digest.of(DATA).value


@pytest.mark.parametrize("cuts", [[], [1], [BLOCK], [10, BLOCK + 3], [BLOCK - 1, BLOCK, 2 * BLOCK + 1]])
def test_bytes_digested_in_pieces_read_from_a_file_or_summed_as_read_give_one_digest(cuts):
    whole = digest.of(DATA)
    pieces = digest.EMPTY
    for start, end in zip([0, *cuts], [*cuts, len(DATA)]):
        pieces = pieces.then(DATA[start:end])
    assert pieces == whole
    assert digest.of_file(io.BytesIO(DATA), len(DATA)) == whole
    view = np.frombuffer(DATA, np.uint8)
    sums = [value for start in range(0, len(view), 4 * BLOCK) for value in digest.sums(view[start : start + 4 * BLOCK])]
    assert digest.of(DATA, sums) == whole
    assert digest.of(DATA[: BLOCK + 5], sums).value == digest.of(DATA[: BLOCK + 5]).value  # (the sums of more)


def test_a_file_shorter_than_asked_has_no_digest():
    assert digest.of_file(io.BytesIO(DATA[:100]), 101) is None
    assert digest.of_file(io.BytesIO(DATA), BLOCK + 1).value == digest.of(DATA[: BLOCK + 1]).value


def test_two_letters_whose_case_changed_never_cancel_out():
    """A case change moves a letter by 0x20; at a word's top byte, a digest of 64-bit words times
    their weights (this digest's first version) let two of them cancel out one time in four."""
    data = bytes(np.random.default_rng(3).integers(ord("A"), ord("Z") + 1, 4096, dtype=np.uint8))
    base = digest.of(data).value
    spots = list(range(7, 4096, 8))[:100]  # (the top byte of 32- and of 64-bit words)
    for i, a in enumerate(spots):
        for b in spots[i + 1 :]:
            edited = bytearray(data)
            edited[a] |= 0x20
            edited[b] |= 0x20
            assert digest.of(bytes(edited)).value != base, (a, b)
