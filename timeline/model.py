"""Accounts grouped into events: one row per id, with what its accounts say.

An event takes its title, category, date and place from its first account (in
file order). Its accounts are *disputed* when their dates cannot all be true at
once: "January 2022" and "7 January 2022" agree; 7 and 8 January do not.
Events are in date order; events of the same moment keep the file's order.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

EVENT_COLUMNS = (
    "id", "start", "end", "precision", "end_precision", "offset", "title", "category",
    "category_key", "location", "lat", "lon", "approximate",
)


def build_events(accounts: pd.DataFrame, ids: tuple | None = None) -> pd.DataFrame:
    """One row per event, sorted by start, then in the order the file first gives them;
    `order` is that position.

    `ids`: `pd.factorize(accounts["id"])` if the caller has it already.
    """
    return events_and_positions(accounts, ids)[0]


def events_and_positions(accounts: pd.DataFrame, ids: tuple | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """`build_events`, and the position in the events of each account's event (what the index
    would otherwise find by looking each account's id up among the events' ids)."""
    if not len(accounts):
        frame = pd.DataFrame({name: pd.Series([], dtype=accounts[name].dtype if name in accounts else "str")
                              for name in EVENT_COLUMNS})
        for name, dtype in (("accounts", "int64"), ("sources", "int64"), ("disputed", "bool"),
                            ("last", "datetime64[s]"), ("order", "int64")):
            frame[name] = pd.Series([], dtype=dtype)
        return frame, np.zeros(0, dtype=np.int64)
    # Events are numbered in order of first appearance: codes[i] is account i's event and
    # first[k] the position of event k's first account. Numpy on these, not groupby on strings.
    codes, ids = pd.factorize(accounts["id"]) if ids is None else ids
    n = len(ids)
    first = first_positions(codes)
    count = np.bincount(codes, minlength=n)
    source_codes, source_names = pd.factorize(accounts["source"])
    named, width = source_codes >= 0, len(source_names) + 1
    # An event of one account has one source if that account names one; the others count
    # their distinct (event, source) pairs.
    single = (count == 1)[codes]
    sources = np.zeros(n, dtype=np.int64)
    sources[codes[named & single]] = 1
    several = named & ~single
    pairs = pd.unique(codes[several].astype(np.int64) * width + source_codes[several])
    sources += np.bincount(pairs // width, minlength=n)
    # Dates agree when one moment lies inside every account's date.
    disputed = _disagree(accounts["start"].to_numpy(), accounts["start_last"].to_numpy(), codes, n)
    has_end = accounts["end"].notna().to_numpy()
    if has_end.any():
        disputed |= _disagree(accounts["end"].to_numpy()[has_end], accounts["end_last"].to_numpy()[has_end],
                              codes[has_end], n)
    # The last moment the event covers: its end (at that precision) or its start's.
    end_last = accounts["end_last"].to_numpy()[first]
    last = np.where(np.isnat(end_last), accounts["start_last"].to_numpy()[first], end_last)
    # Sorted by start (NaT last), then in file order: events are numbered in order of first
    # appearance, so a stable sort by start keeps events of one moment as the file has them.
    start = accounts["start"].to_numpy()[first]
    key = start.view(np.int64)
    nat = np.isnat(start)
    if nat.any():  # (NaT is the smallest int64: moved to the end)
        key = np.where(nat, np.iinfo(np.int64).max, key)
    order = np.argsort(key, kind="stable")
    events = accounts[list(EVENT_COLUMNS[1:])].take(first[order]).reset_index(drop=True)
    # The ids, from the distinct ones (a smaller array to take from than the accounts' column).
    events.insert(0, "id", pd.Series(ids.take(order).array, dtype=accounts["id"].dtype))
    events["accounts"] = count[order]
    events["sources"] = sources[order]
    events["disputed"] = disputed[order]
    events["last"] = last[order]
    events["order"] = np.arange(n, dtype=np.int64)
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n, dtype=np.int64)
    return events, position[codes]


def first_positions(codes: np.ndarray) -> np.ndarray:
    """Where each code first occurs, for codes numbered in order of first appearance
    (as pd.factorize numbers them): position i is a first iff codes[i] exceeds all before it."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    np.greater(codes[1:], np.maximum.accumulate(codes)[:-1], out=new[1:])
    return np.flatnonzero(new)


def _disagree(latest: np.ndarray, earliest: np.ndarray, codes: np.ndarray, n: int) -> np.ndarray:
    """Per event: its greatest `latest` is after its smallest `earliest` (NaT left out, as a
    groupby max and min leave it out; an event with none of one is not in disagreement)."""
    high = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    low = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    has_high, has_low = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    for values, out, seen, reduce in ((latest, high, has_high, np.maximum),
                                      (earliest, low, has_low, np.minimum)):
        known = ~np.isnat(values)
        if known.all():
            reduce.at(out, codes, values.view(np.int64))
            seen[codes] = True
        else:
            reduce.at(out, codes[known], values[known].view(np.int64))
            seen[codes[known]] = True
    return has_high & has_low & (high > low)


def grow_events(events: pd.DataFrame, accounts: pd.DataFrame, start: int,
                joined: np.ndarray) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """`build_events(accounts)`, from `events` (those of accounts[:start]) and the accounts
    appended after them: only the events they add or join are built again.

    `joined`: the positions, in file order, of every account before `start` of an event that
    the appended accounts join (those of other events too do no harm). Returns (the events, where each of the previous events is now,
    the position of the event of each appended account)."""
    appended = accounts["id"].iloc[start:]
    part = build_events(take_rows(accounts, np.concatenate([joined, np.arange(start, len(accounts))])))
    before = np.flatnonzero(events["id"].isin(part["id"].to_numpy()).to_numpy())  # events joined
    was = dict(zip(events["id"].iloc[before].tolist(), before.tolist()))
    old = part["id"].isin(list(was)).to_numpy()
    events = events.copy()
    at = np.array([was[i] for i in part["id"][old].tolist()], dtype=np.int64)
    for name in ("accounts", "sources", "disputed"):   # (the rest is the first account's)
        values = events[name].to_numpy().copy()
        values[at] = part[name].to_numpy()[old]
        events[name] = values
    added = part[~old]
    where = np.searchsorted(_start_key(events["start"].to_numpy()), _start_key(added["start"].to_numpy()),
                            side="right")   # (after the events of the same moment: later in the file)
    if len(added):
        events = joined_frames(events, added)
        if where[0] < len(events) - len(added):   # (not all after the others, as a live story's are)
            order = np.insert(np.arange(len(events) - len(added)), where,
                              np.arange(len(events) - len(added), len(events)))
            # A few events among the others: slices of the text columns, not a copy of them
            # (index.few_chunks joins them later); many: taken at once.
            runs = np.count_nonzero(np.diff(order) != 1) + 1
            taken = take_rows(events, order) if runs <= SLICED_RUNS else events.take(order)
            events = taken.reset_index(drop=True)
        events["order"] = np.arange(len(events), dtype=np.int64)
    previous = len(events) - len(added)
    moved = np.arange(previous, dtype=np.int64) + np.searchsorted(where, np.arange(previous), side="right")
    position = {event_id: int(moved[p]) for event_id, p in was.items()}
    position.update(zip(added["id"].tolist(), (where + np.arange(len(added))).tolist()))
    return events, moved, np.array([position[i] for i in appended.tolist()], dtype=np.int64)


SLICED_RUNS = 64   # grow_events: events put among the others by slicing, up to this many runs


def take_rows(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """frame.iloc[positions] for increasing positions, a run of consecutive ones at a time:
    taking rows from a text column of several Arrow chunks (rows appended since the file was
    read whole) would join all its chunks first, a copy of every value."""
    if not len(positions):
        return frame.iloc[:0]
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    starts, ends = positions[np.r_[0, breaks]], positions[np.r_[breaks - 1, len(positions) - 1]] + 1
    if len(starts) == 1:
        return frame.iloc[int(starts[0]):int(ends[0])]
    return pd.concat([frame.iloc[int(a):int(b)] for a, b in zip(starts, ends)])


def _start_key(start: np.ndarray) -> np.ndarray:
    """What events are sorted by: the start, NaT last."""
    key = start.view(np.int64)
    return np.where(np.isnat(start), np.iinfo(np.int64).max, key)


class Room:
    """The numeric columns of a frame, each the start of a longer array: rows appended to the
    frame are written in the room after them (grown_frames) rather than copied with them. Frames
    grown from one another share the arrays; only the frame whose rows end where the arrays are
    filled may write after them (any other grows by a copy), so no frame ever sees its values
    change."""

    def __init__(self, arrays: dict[str, np.ndarray], length: int, filled: list):
        self.arrays, self.length, self.filled = arrays, length, filled

    def fits(self, frame: pd.DataFrame, more: int) -> bool:
        """`frame` is the one this room was made for (its numeric columns begin these arrays),
        nothing was written after it, and `more` rows fit."""
        return (self.length == len(frame) and self.filled[0] == self.length and isinstance(frame.index, pd.RangeIndex)
                and all(len(a) >= self.length + more and name in frame
                        and _start(frame[name].to_numpy()) == _start(a) for name, a in self.arrays.items()))


def _start(array: np.ndarray) -> int:
    return array.__array_interface__["data"][0]


def _roomy(series: pd.Series) -> bool:
    return isinstance(series.dtype, np.dtype) and series.dtype.kind in "biufmM"


def grown_frames(first: pd.DataFrame, then: pd.DataFrame, room: Room | None) -> tuple[pd.DataFrame, Room | None]:
    """`joined_frames(first, then)`, and the room of the frame it gives: the numeric columns of
    `then` are written after those of `first` in `room` when it is `first`'s and has space
    (no copy of `first`'s); otherwise into new arrays with a sixteenth more room."""
    if not len(then):   # (only refused rows appended: the same frame, and its room)
        return first, room if room is not None and room.fits(first, 0) else None
    if not len(first):
        return joined_frames(first, then), None
    n, k = len(first), len(then)
    numeric = [name for name in first.columns if _roomy(first[name]) and then[name].dtype == first[name].dtype]
    if room is None or not room.fits(first, k) or set(room.arrays) != set(numeric):
        size = n + k + max(1024, (n + k) // 16)
        arrays = {}
        for name in numeric:
            arrays[name] = np.empty(size, dtype=first[name].dtype)
            arrays[name][:n] = first[name].to_numpy()
        room = Room(arrays, n, [n])
    for name in numeric:
        room.arrays[name][n:n + k] = then[name].to_numpy()
    room.filled[0] = n + k
    rest = joined_frames(first.drop(columns=numeric), then.drop(columns=numeric))
    columns = {name: (pd.Series(room.arrays[name][:n + k], copy=False) if name in room.arrays else rest[name])
               for name in first.columns}
    frame = pd.DataFrame(columns, index=pd.RangeIndex(n + k), copy=False)
    return frame, Room(room.arrays, n + k, room.filled)


def joined_frames(first: pd.DataFrame, then: pd.DataFrame) -> pd.DataFrame:
    """The rows of both, as one frame (categorical columns get the categories of both, sorted,
    as `astype("category")` gives them)."""
    if not len(then):
        return first
    if not len(first):
        return then.reset_index(drop=True)
    first, then = first.copy(deep=False), then.copy(deep=False)
    for name in first.columns:
        a, b = first[name], then[name]
        if isinstance(a.dtype, pd.CategoricalDtype) and not a.dtype == b.dtype:
            categories = union_categoricals([a.array[:0], b.array[:0]], sort_categories=True).categories
            first[name] = a.cat.set_categories(categories)
            then[name] = b.cat.set_categories(categories)
    return pd.concat([first, then], ignore_index=True)
