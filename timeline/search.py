"""The search: which events hold a word, or an account from an outlet, as masks over an index's
events (timeline.state.apply combines them with the other filters).

A word is looked for, in any case, in every text column of an account (SEARCHED). The few-valued
columns (places, outlets, who claims) are searched through their distinct values; titles and
descriptions through TextGrams, the hashed three-byte sequences of each account, so that only the
accounts that may hold the word are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import model, schema

if TYPE_CHECKING:  # (the index holds the search's parts: timeline.index imports this module)
    from .index import EventIndex


SEARCHED = schema.TEXT_COLUMNS  # the words a search looks for: every text column of an account
FEW_VALUED = ("location", "source", "claimed_by")  # searched through their distinct values


def _arrow(values) -> pa.Array:
    return values.__arrow_array__() if hasattr(values, "__arrow_array__") else pa.array(values)


def distinct_values(accounts: pd.DataFrame, factorized: dict | None = None) -> dict[str, tuple[np.ndarray, pa.Array]]:
    """Per few-valued column: each account's code and the distinct values (a few hundred
    places or outlets among a million accounts, so a search looks at each once).
    `factorized`: `pd.factorize` of some of the columns, made already."""
    found = {}
    for name in FEW_VALUED:
        codes, uniques = (factorized or {}).get(name) or pd.factorize(accounts[name])
        found[name] = (codes.astype(np.int32), pa.array(np.asarray(uniques, dtype=object), pa.string()))
    return found


def _more_distinct(distinct: dict, appended: pd.DataFrame) -> dict:
    """`distinct_values` of the accounts, from that of those before `appended` (new values
    are numbered after the others, in order of first appearance, as pd.factorize numbers them)."""
    found = {}
    for name, (codes, uniques) in distinct.items():
        values = uniques.to_pylist()
        code_of = {value: code for code, value in enumerate(values)}
        more = [code_of.setdefault(value, len(code_of)) for value in appended[name].tolist()]
        found[name] = (
            model.appended(codes, np.asarray(more, dtype=np.int32)),
            pa.array(values + list(code_of)[len(values) :], pa.string()),
        )
    return found


def narrowed(within: np.ndarray | None) -> bool:
    """Whether a search among the events `within` reads only their accounts: when they are
    fewer than half of all (taking many accounts' text out costs more than reading it all)."""
    return within is not None and bool(np.count_nonzero(within) * 2 < len(within))


def events_with_text(index: EventIndex, word: str, within: np.ndarray | None = None) -> np.ndarray:
    """A mask over events: those with `word` (any case) in any account's searched text; with
    `within` (a mask over events), those among them, only their accounts read when `narrowed`.
    (Random words, each of which no cache holds, each read every account's text: a search of
    eight of them took a worker a second at 200,000 rows.)"""
    accounts = index.dataset.accounts
    hit = np.zeros(len(accounts), dtype=bool)
    for name in FEW_VALUED:
        codes, uniques = index.distinct[name]
        matched = pc.match_substring(uniques, word, ignore_case=True).to_numpy(zero_copy_only=False)
        hit |= matched[codes] if len(matched) else False
    many = [name for name in SEARCHED if name not in FEW_VALUED]
    candidates = (
        index.grams.candidates(word) if index.grams is not None and index.grams.accounts == len(accounts) else None
    )
    if within is not None and narrowed(within):
        kept = within[index.account_event]
        candidates = np.flatnonzero(kept) if candidates is None else candidates[kept[candidates]]
    if candidates is None:
        for name in many:
            hit |= _matches(_arrow(accounts[name].array), word)
    elif len(candidates):
        # The few accounts whose text may hold the word: only those are read.
        taken = pa.array(candidates)
        for name in many:
            hit[candidates] |= _matches(_one_array(accounts[name].array).take(taken), word)
    found = events_of(index, hit)
    return found if within is None else found & within


def _matches(texts, word: str) -> np.ndarray:
    return pc.match_substring(texts, word, ignore_case=True).to_numpy(zero_copy_only=False)


# A word's first scan of every title and description takes about 0.3 s at a million events (1.8M
# accounts, 290 MB of text). So the index keeps, per account, which of GRAM_BUCKETS hashed buckets
# its text's three-byte sequences (ASCII letters lowercased) fall in: 128 bytes an account. A word's
# accounts are among those with every bucket of the word's own three-byte sequences, and only these
# are read. No account holding the word is left out: a case-insensitive match of an ASCII sequence
# is the same sequence once ASCII letters are lowercased, except for the two characters that match
# an ASCII letter in another case (the Kelvin sign K and the long s), whose accounts are always read.
GRAM_BUCKETS = 1024  # 230 MB at 1.8M accounts; 512 let short words match 3x too many
GRAM_CHUNK = 8192  # accounts hashed at a time (bounds the memory it takes: ~20 MB)
# Tabulation hashing, one table per byte of a sequence; A-Z hash as a-z.
_GRAM_TABLES = np.random.default_rng(20261129).integers(0, GRAM_BUCKETS, size=(3, 256), dtype=np.uint16)
_GRAM_TABLES[:, 65:91] = _GRAM_TABLES[:, 97:123]
_OTHER_CASE_OF_ASCII = ("\u212a", "\u017f")  # K (Kelvin) matches k; ſ (long s) matches s


@dataclass
class TextGrams:
    accounts: int  # how many accounts it was built for
    bits: np.ndarray  # uint8 (GRAM_BUCKETS, ceil(accounts / 8)): account a has bucket b
    always: np.ndarray  # positions of accounts that are read whatever the word

    def candidates(self, word: str) -> np.ndarray | None:
        """Positions of the accounts that may hold `word` (in order); None: every account may."""
        buckets = _grams(np.frombuffer(word.encode("utf-8"), dtype=np.uint8), ascii_only=True)
        if not len(buckets):
            return None
        chosen = np.bitwise_and.reduce(self.bits[np.unique(buckets)], axis=0)
        found = np.flatnonzero(np.unpackbits(chosen, count=self.accounts))
        return np.union1d(found, self.always) if len(self.always) else found


def _grams(data: np.ndarray, ascii_only: bool = False) -> np.ndarray:
    """The bucket of each three-byte sequence of `data` (tabulation hashing); with ascii_only,
    only of the sequences of three ASCII bytes."""
    if len(data) < 3:
        return np.zeros(0, dtype=np.uint16)
    found = _GRAM_TABLES[0][data[:-2]] ^ _GRAM_TABLES[1][data[1:-1]] ^ _GRAM_TABLES[2][data[2:]]
    if ascii_only:
        ascii = data < 128
        found = found[ascii[:-2] & ascii[1:-1] & ascii[2:]]
    return found


def _more_grams(grams: TextGrams | None, accounts: pd.DataFrame) -> TextGrams | None:
    """`text_grams(accounts)`, from those of the accounts before the appended ones (only the
    appended accounts, and those whose last sequences run into them, are hashed); None without."""
    if grams is None or grams.accounts > len(accounts):
        return None
    start = _first_touched(accounts, grams.accounts) // 8 * 8
    more = text_grams(accounts, first=start)
    return TextGrams(
        accounts=len(accounts),
        bits=np.concatenate([grams.bits[:, : start // 8], more.bits], axis=1),
        always=np.concatenate([grams.always[grams.always < start], more.always]),
    )


def _first_touched(accounts: pd.DataFrame, before: int) -> int:
    """The first account whose sequences an account from `before` on may change: a sequence that
    begins in the last two bytes before it runs into it (across accounts with no text)."""
    first = before
    for name in SEARCHED:
        if name in FEW_VALUED or not before:
            continue
        offsets, _ = _text_parts(accounts[name].array)
        first = min(first, int(np.searchsorted(offsets, max(offsets[0], offsets[before] - 2), side="right")) - 1)
    return max(0, first)


def _one_array(values) -> pa.Array:
    """A column as one Arrow array (taking from a chunked one joins its chunks first, each time)."""
    array = _arrow(values)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    return array


def _text_parts(values) -> tuple[np.ndarray, np.ndarray]:
    """A string column's offsets and bytes, without copying."""
    array = _one_array(values)
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    buffers = array.buffers()
    offsets = np.frombuffer(buffers[1], dtype=width)[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else np.zeros(0, np.uint8)
    return offsets.astype(np.int64), data


def text_grams(accounts: pd.DataFrame, first: int = 0) -> TextGrams:
    """The buckets of each account's searched text that is not few-valued (see TextGrams); with
    `first` (a multiple of 8), those of accounts[first:] only, hashed as the whole would be."""
    count = len(accounts)
    bits = np.zeros((GRAM_BUCKETS, (count - first + 7) // 8), dtype=np.uint8)
    columns = [_text_parts(accounts[name].array) for name in SEARCHED if name not in FEW_VALUED]
    always = []
    low = first
    while low < count:
        high = min(count, (low // GRAM_CHUNK + 1) * GRAM_CHUNK)
        seen = np.zeros((GRAM_BUCKETS, high - low), dtype=bool)
        for offsets, data in columns:
            text = data[offsets[low] : offsets[high]]
            # A sequence is counted for the account it begins in (one that runs into the next
            # account only adds a bucket: a word's accounts are never left out for it).
            owner = np.repeat(np.arange(high - low, dtype=np.int32), np.diff(offsets[low : high + 1]))
            seen[_grams(text), owner[:-2]] = True
            always.append(low + owner[_holding(text, _OTHER_CASE_OF_ASCII)])
        bits[:, (low - first) // 8 : (high - first + 7) // 8] = np.packbits(seen, axis=1)
        low = high
    return TextGrams(accounts=count, bits=bits, always=np.unique(np.concatenate([[], *always]).astype(np.int64)))


def _holding(text: np.ndarray, characters) -> np.ndarray:
    """Where in `text` (UTF-8 bytes) any of `characters` begins."""
    found = []
    for character in characters:
        pattern = np.frombuffer(character.encode("utf-8"), dtype=np.uint8)
        at = np.flatnonzero(text == pattern[-1]) - (len(pattern) - 1)
        at = at[at >= 0]
        for shift, byte in enumerate(pattern[:-1]):
            at = at[text[at + shift] == byte]
        found.append(at)
    return np.concatenate(found)


def events_from_sources(index: EventIndex, sources) -> np.ndarray:
    """A mask over events: those with an account from one of `sources` (any case, any Unicode
    form or spaces: model.source_key)."""
    wanted = set(model.source_key(pd.Series(list(sources), dtype="str")))
    codes = np.array([i for i, key in enumerate(index.source_keys) if key in wanted], dtype=np.int64)
    return events_of(index, np.isin(index.source_code, codes))


def events_of(index: EventIndex, account_mask: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(index), dtype=bool)
    mask[index.account_event[account_mask]] = True
    return mask
