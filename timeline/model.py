"""Accounts grouped into events: one row per id, with what its accounts say.

An event takes its title, category, date and place from its first account (in
file order). Its accounts are *disputed* when their dates cannot all be true at
once: "January 2022" and "7 January 2022" agree; 7 and 8 January do not.
Events are in date order; events of the same moment keep the file's order.
"""

from __future__ import annotations

import bisect
import sys
import threading
import time
import weakref
from concurrent.futures import Future
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import union_categoricals

from .dates import offset_seconds
from .workers import THREADED_ROWS, Workers

EVENT_COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "end_precision",
    "offset",
    "title",
    "category",
    "category_key",
    "location",
    "lat",
    "lon",
    "approximate",
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
        frame = pd.DataFrame(
            {name: pd.Series([], dtype=accounts[name].dtype if name in accounts else "str") for name in EVENT_COLUMNS}
        )
        for name, dtype in (
            ("accounts", "int64"),
            ("sources", "int64"),
            ("disputed", "bool"),
            ("last", "datetime64[s]"),
            ("order", "int64"),
        ):
            frame[name] = pd.Series([], dtype=dtype)
        return frame, np.zeros(0, dtype=np.int64)
    # Events are numbered in order of first appearance: codes[i] is account i's event and
    # first[k] the position of event k's first account. Numpy on these, not groupby on strings.
    # `ids` may carry a third item, a Grouping: what follows from the codes and the dates alone,
    # begun by load on other threads beside building the accounts (begin_grouping).
    codes, uniques, *begun = pd.factorize(accounts["id"]) if ids is None else ids
    n = len(uniques)
    count = np.bincount(codes, minlength=n)
    with Workers(len(accounts) >= THREADED_ROWS) as workers:
        grouping = begun[0] if begun else begin_grouping(workers, accounts["source"], codes, n, accounts)
        # Each event's values, its first account's: a column at a time, on both threads.
        order = grouping.order.result()
        at = grouping.first[order]
        taken = [workers.submit(_taken, accounts[name], at) for name in EVENT_COLUMNS[1:]]
        # Meanwhile, on this thread: the ids, from the distinct ones (a smaller array to take
        # from than the accounts' column), and where each account's event is put.
        event_ids = uniques.take(order).array
        position = np.empty(n, dtype=np.int64)
        position[order] = np.arange(n, dtype=np.int64)
        account_event = position[codes]
        accounts_in_order = count[order]
        disputed, last = grouping.dates.result()
        events = pd.DataFrame(dict(zip(EVENT_COLUMNS[1:], [column.result() for column in taken])), copy=False)
        sources = grouping.sources.result()
    events.insert(0, "id", pd.Series(event_ids, dtype=accounts["id"].dtype))
    # (Each a new array, set without a copy: a DataFrame copies an array it is given.)
    for name, values in (
        ("accounts", accounts_in_order),
        ("sources", sources[order]),
        ("disputed", disputed[order]),
        ("last", last[order]),
        ("order", counting(n)),
    ):
        events[name] = pd.Series(values, index=events.index, copy=False)
    return events, account_event


class Grouping(NamedTuple):
    """What the grouping into events works out from the accounts' events and dates alone."""

    first: np.ndarray  # the position of each event's first account
    sources: Future  # of count_sources
    dates: Future  # of _dates: whether each event's dates are disputed, and its last moment
    order: Future  # of _order: the events in order


def begin_grouping(workers: Workers, source: pd.Series, codes: np.ndarray, n: int, dates) -> Grouping:
    """Begin on `workers` what events_and_positions works out from each account's event (codes,
    0 to n - 1 in order of first appearance), source and dates (`dates`: "start", "start_last",
    "end" and "end_last" of each account, as arrays or columns)."""
    first = first_positions(codes)
    order = workers.submit(_order, dates, first)  # (given first: needed first)
    dated = workers.submit(_dates, dates, codes, first, n)
    return Grouping(first, workers.submit(count_sources, source, codes, n), dated, order)


def _taken(column: pd.Series, at: np.ndarray) -> pd.Series:
    return column.take(at).reset_index(drop=True)


def count_sources(source: pd.Series, codes: np.ndarray, n: int) -> np.ndarray:
    """How many distinct sources each of the n events' accounts name (`codes`: each account's
    event, from 0 to n - 1)."""
    count = np.bincount(codes, minlength=n)
    source_codes, source_names = pd.factorize(source)
    most = int(count.max()) if len(count) else 0
    if most <= FEW_ACCOUNTS:
        # Each event's accounts side by side (a stable sort by event: the codes are nearly in
        # order already): an account names a new source unless one of the accounts before it
        # in its event names the same. (A third of the time of hashing each event's sources.)
        order = np.argsort(codes, kind="stable")
        event, named = codes[order], source_codes[order]
        new = named >= 0
        for back in range(1, most):
            new[back:] &= (event[back:] != event[:-back]) | (named[back:] != named[:-back])
        return np.bincount(event[new], minlength=n)
    named, width = source_codes >= 0, len(source_names) + 1
    # An event of one account has one source if that account names one; the others count
    # their distinct (event, source) pairs.
    single = (count == 1)[codes]
    sources = np.zeros(len(count), dtype=np.int64)
    sources[codes[named & single]] = 1
    several = named & ~single
    pairs = pd.unique(codes[several].astype(np.int64) * width + source_codes[several])
    sources += np.bincount(pairs // width, minlength=len(count))
    return sources


def _order(dates, first: np.ndarray) -> np.ndarray:
    """The events in order: by start (NaT last), then in file order. Events are numbered in
    order of first appearance, so a stable sort by start keeps events of one moment as the
    file has them. (`dates`: see begin_grouping.)"""
    start = np.asarray(dates["start"])[first]
    key = start.view(np.int64)
    nat = np.isnat(start)
    if nat.any():  # (NaT is the smallest int64: moved to the end)
        key = np.where(nat, np.iinfo(np.int64).max, key)
    return np.argsort(key, kind="stable")


def _dates(dates, codes: np.ndarray, first: np.ndarray, n: int):
    """Per event: whether its accounts' dates are disputed, and the last moment it covers."""
    start, start_last, end, end_last = (np.asarray(dates[name]) for name in ("start", "start_last", "end", "end_last"))
    # The last moment the event covers: its end (at that precision) or its start's.
    last = np.where(np.isnat(end_last[first]), start_last[first], end_last[first])

    # Dates agree when one moment lies inside every account's date: on one clock, any of those
    # its accounts give (a day or a time with no offset may be on any of them).
    def disputed_on(shifts: np.ndarray | None) -> np.ndarray:
        moved = [
            values if shifts is None else on_clock(values, shifts) for values in (start, start_last, end, end_last)
        ]
        disputed = _disagree(moved[0], moved[1], codes, n)
        has_end = ~np.isnat(end)
        if has_end.any():
            disputed |= _disagree(moved[2][has_end], moved[3][has_end], codes[has_end], n)
        return disputed

    found = account_offsets(dates["offset"]) if "offset" in dates else None
    if found is None:
        return disputed_on(None), last
    return on_any_clock(found, codes, n, disputed_on), last


def on_any_clock(
    found: tuple[np.ndarray, np.ndarray], codes: np.ndarray, n: int, judged, owners: np.ndarray | None = None
) -> np.ndarray:
    """Per event (or per item of `owners`, each item's event): `judged(shifts)` on every clock
    its event's accounts give, true only if true on each: an account with a UTC offset is on its
    own, one without on the clock tried (a day with no offset is disputed only if no clock of its
    event makes it agree). `found`: account_offsets'. Events with no offset: as judged on any
    clock (one shift for all their accounts)."""
    seconds, given = found
    size = n if owners is None else len(owners)
    result, first = np.ones(size, dtype=bool), None
    timed = np.zeros(size, dtype=bool)
    for clock in np.unique(seconds[given]).tolist():
        on_it = np.zeros(n, dtype=bool)
        on_it[codes[given & (seconds == clock)]] = True
        has = on_it if owners is None else on_it[owners]
        verdict = judged(np.where(given, seconds, clock))
        result &= verdict | ~has
        timed |= has
        first = verdict if first is None else first
    if first is None:  # (no account gives an offset: as written, where every event's one clock is any)
        return judged(None)
    return result & (timed | first)


def clock_shifts(offsets, codes: np.ndarray, n: int) -> np.ndarray | None:
    """Per account: the seconds to take from its dates to compare them with its event's date,
    where they are written at different UTC offsets ("23:30+06:00" and "17:30Z" are one moment),
    as the panel marks the accounts that differ. An account with an offset is taken to UTC by
    it; one without, by its event's first offset. None where no two accounts' offsets differ
    (most files): the dates compare as written. (Disputes try every clock: on_any_clock.)

    `offsets`: each account's offset as written ("+06:00", "Z", "": none), as a column
    (a category's) or as (distinct offsets, each account's position among them)."""
    found = account_offsets(offsets)
    if found is None:
        return None
    seconds, given = found
    at = np.flatnonzero(given)
    events, first = np.unique(codes[at], return_index=True)
    event_offset = np.zeros(n, dtype=np.int64)
    event_offset[events] = seconds[at[first]]
    return np.where(given, seconds, event_offset[codes])


def account_offsets(offsets) -> tuple[np.ndarray, np.ndarray] | None:
    """Each account's UTC offset in seconds and whether it gives one (`offsets`: see
    clock_shifts); None where no two differ."""
    if isinstance(offsets, tuple):
        distinct, take = offsets
    else:
        column = pd.Series(offsets, copy=False)
        if isinstance(column.dtype, pd.CategoricalDtype):
            distinct, take = column.cat.categories.to_numpy(dtype=object), column.cat.codes.to_numpy()
        else:
            take, distinct = pd.factorize(column)
    seconds, given = offset_seconds(distinct)
    take = np.asarray(take)
    if given.any():  # (only the offsets accounts give: a distinct one may be a row's left out)
        used = np.zeros(len(distinct), dtype=bool)
        used[take[take >= 0]] = True
        given = given & used
    if len(np.unique(seconds[given])) <= 1:
        return None
    return np.append(seconds, 0)[take], np.append(given, False)[take]  # (take -1: none)


def on_clock(values: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """datetime64[s] values less `shifts` seconds each (NaT stays NaT)."""
    values = np.asarray(values, dtype="datetime64[s]")
    return np.where(np.isnat(values), values, values - shifts.astype("timedelta64[s]"))


def holding(column: pd.Series, values) -> np.ndarray:
    """`column.isin(values)` as a numpy mask. A few values in a text column are compared one by
    one (Arrow's `equal`: a quarter of the time of a hashed lookup at a million rows)."""
    array = column.array
    values = list(values)
    if len(values) <= FEW_VALUES and hasattr(array, "__arrow_array__") and all(isinstance(v, str) for v in values):
        chunked = array.__arrow_array__()
        if len(values) == 0:
            return np.zeros(len(column), dtype=bool)
        found = pc.equal(chunked, pa.scalar(values[0], chunked.type))
        for value in values[1:]:
            found = pc.or_(found, pc.equal(chunked, pa.scalar(value, chunked.type)))
        return pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    return column.isin(values).to_numpy()


FEW_ACCOUNTS = 16  # count_sources: events of at most this many accounts have their sources counted side by side
FEW_VALUES = 4  # holding: up to this many values, compared one by one


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
    for values, out, seen, reduce in ((latest, high, has_high, np.maximum), (earliest, low, has_low, np.minimum)):
        known = ~np.isnat(values)
        if known.all():
            reduce.at(out, codes, values.view(np.int64))
            seen[codes] = True
        else:
            reduce.at(out, codes[known], values[known].view(np.int64))
            seen[codes[known]] = True
    return has_high & has_low & (high > low)


def grow_events(
    events: pd.DataFrame, accounts: pd.DataFrame, start: int, joined: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """`build_events(accounts)`, from `events` (those of accounts[:start]) and the accounts
    appended after them: only the events they add or join are built again.

    `joined`: the positions, in file order, of every account before `start` of an event that
    the appended accounts join (those of other events too do no harm). Returns (the events, where each of the previous events is now,
    the position of the event of each appended account)."""
    new_ids = accounts["id"].iloc[start:]
    part = build_events(take_rows(accounts, np.concatenate([joined, np.arange(start, len(accounts))])))
    before = np.flatnonzero(holding(events["id"], part["id"].to_numpy()))  # events joined
    was = dict(zip(events["id"].iloc[before].tolist(), before.tolist()))
    old = part["id"].isin(list(was)).to_numpy()
    at = np.array([was[i] for i in part["id"][old].tolist()], dtype=np.int64)
    added = part[~old]
    where = _insertion_points(events["start"].to_numpy(), added["start"].to_numpy())
    previous = len(events)
    moved = _moved(previous, where)
    # Each column once: the added events put among the others (slices of the text columns, not
    # a copy of them: index.few_chunks joins them later), the counts of those joined set again
    # (the rest is their first account's).
    counted = ("accounts", "sources", "disputed")
    columns = {
        name: _inserted(events[name], added[name], where) for name in events.columns if name not in (*counted, "order")
    }
    for name in counted:
        if len(at):
            values = inserted(events[name].to_numpy(), where, added[name].to_numpy(), writable=True)  # (a copy)
            values[moved[at]] = part[name].to_numpy()[old]
            columns[name] = pd.Series(read_only(values), copy=False)
        else:
            columns[name] = _inserted(events[name], added[name], where)
    columns["order"] = pd.Series(counting(previous + len(added)), copy=False)
    events = pd.DataFrame(
        {name: columns[name] for name in events.columns}, index=pd.RangeIndex(previous + len(added)), copy=False
    )
    position = {event_id: int(moved[p]) for event_id, p in was.items()}
    position.update(zip(added["id"].tolist(), (where + np.arange(len(added))).tolist()))
    return events, moved, np.array([position[i] for i in new_ids.tolist()], dtype=np.int64)


def _inserted(column: pd.Series, added: pd.Series, where: np.ndarray) -> pd.Series:
    """`column` with the values of `added` put before its positions `where` (increasing; as
    np.insert puts them), as a new series (`column` itself when nothing is added)."""
    if not len(added):
        return column.reset_index(drop=True)
    if isinstance(column.dtype, pd.CategoricalDtype) and not column.dtype == added.dtype:
        dtype = same_categories(column.dtype, added.dtype)
        if dtype is not column.dtype:
            column = column.cat.set_categories(dtype.categories)
        added = added.cat.set_categories(dtype.categories)
    if isinstance(column.dtype, pd.CategoricalDtype) and column.dtype == added.dtype:
        codes, more = column.cat.codes.to_numpy(), added.cat.codes.to_numpy()
        if codes.dtype == more.dtype:  # (the codes put among the others, as numbers are)
            return pd.Series(
                pd.Categorical.from_codes(put(codes, where, more), dtype=column.dtype, validate=False), copy=False
            )
    if isinstance(column.dtype, np.dtype) and column.dtype == added.dtype:
        return pd.Series(put(column.to_numpy(), where, added.to_numpy()), copy=False)
    if not column.dtype == added.dtype:  # (not met: the events' columns have one type each)
        joined = pd.concat([column, added], ignore_index=True)
        order = np.insert(np.arange(len(column)), where, np.arange(len(column), len(joined)))
        return joined.take(order).reset_index(drop=True)
    values, more = column.array, added.array
    # Runs of the previous values and of the added ones, in order: a few slices when a few are
    # added; taken at once when many are put among the others.
    breaks = np.flatnonzero(np.diff(where) != 0) + 1
    starts = np.r_[0, breaks]
    if len(starts) > SLICED_RUNS:
        order = np.insert(np.arange(len(values)), where, np.arange(len(values), len(values) + len(more)))
        return pd.Series(type(values)._concat_same_type([values, more]).take(order), copy=False)
    pieces, done = [], 0
    for first, last in zip(starts.tolist(), np.r_[breaks, len(where)].tolist()):
        at = int(where[first])
        pieces += [values[done:at], more[first:last]]
        done = at
    pieces.append(values[done:])
    return pd.Series(type(values)._concat_same_type([piece for piece in pieces if len(piece)]), copy=False)


SLICED_RUNS = 64  # grow_events: events put among the others by slicing, up to this many runs


def take_rows(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """frame.iloc[positions] for increasing positions, a run of consecutive ones at a time:
    taking rows from a text column of several Arrow chunks (rows appended since the file was
    read whole) would join all its chunks first, a copy of every value."""
    if not len(positions):
        return frame.iloc[:0]
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    starts, ends = positions[np.r_[0, breaks]], positions[np.r_[breaks - 1, len(positions) - 1]] + 1
    if len(starts) == 1:
        return frame.iloc[int(starts[0]) : int(ends[0])]
    return pd.concat([frame.iloc[int(a) : int(b)] for a, b in zip(starts, ends)])


def _insertion_points(start: np.ndarray, added: np.ndarray) -> np.ndarray:
    """Where events starting at `added` go among events sorted by `start` (NaT last): after
    those of the same moment (later in the file), and an event with no start after them all.
    (A binary search on the starts as they are: no key array made for every event.)"""
    added = added.astype(start.dtype, copy=False)
    dated = bisect.bisect_left(range(len(start)), True, key=lambda i: bool(np.isnat(start[i])))
    where = np.searchsorted(start[:dated].view(np.int64), added.view(np.int64), side="right")
    where[np.isnat(added)] = len(start)
    return where


def _moved(previous: int, where: np.ndarray) -> np.ndarray:
    """Where each of `previous` events is once events are put before the positions `where`
    (increasing): moved up by the number put before it. A few places: a slice of the array
    moved up for each (no array as long as the events made on the way)."""
    if not len(where) or where[0] == previous:
        return counting(previous)  # (all after the others: none moved)
    return raised_from(np.arange(previous, dtype=np.int64), where)


def raised_from(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """`values` (written in place, and returned) each raised by how many of `positions` are at
    or before it: a step up at each position (one at the end or past it raises nothing). A few
    positions: a slice raised for each (no array as long as `values` made on the way)."""
    at, count = np.unique(positions, return_counts=True)
    if len(at) > SLICED_RUNS:
        values += np.cumsum(np.bincount(positions, minlength=len(values) + 1)[: len(values)])
        return values
    for place, more in zip(at.tolist(), count.tolist()):
        values[place:] += more
    return values


_counted = np.zeros(0, dtype=np.int64)  # counting: 0, 1, 2, ... as far as asked so far


def counting(n: int) -> np.ndarray:
    """np.arange(n) (int64, read-only): a view of one array kept for the process, grown (doubled)
    when asked for more, so the events' `order` of each version costs no memory of its own."""
    global _counted
    with _tails_lock:
        if len(_counted) < n:
            _counted = read_only(np.arange(max(n + max(1024, n // 16), 2 * len(_counted)), dtype=np.int64))
        return _counted[:n]


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
        return (
            self.length == len(frame)
            and self.filled[0] == self.length
            and isinstance(frame.index, pd.RangeIndex)
            and all(
                len(a) >= self.length + more and name in frame and _start(frame[name].to_numpy()) == _start(a)
                for name, a in self.arrays.items()
            )
        )


def _start(array: np.ndarray) -> int:
    return array.__array_interface__["data"][0]


def _roomy(series: pd.Series) -> bool:
    return isinstance(series.dtype, np.dtype) and series.dtype.kind in "biufmM"


def grown_frames(first: pd.DataFrame, then: pd.DataFrame, room: Room | None) -> tuple[pd.DataFrame, Room | None]:
    """`joined_frames(first, then)`, and the room of the frame it gives: the numeric columns of
    `then` are written after those of `first` in `room` when it is `first`'s and has space
    (no copy of `first`'s); otherwise into new arrays with a sixteenth more room."""
    if not len(then):  # (only refused rows appended: the same frame, and its room)
        return first, room if room is not None and room.fits(first, 0) else None
    if not len(first):
        return joined_frames(first, then), None
    n, k = len(first), len(then)
    numeric = [name for name in first.columns if _roomy(first[name]) and then[name].dtype == first[name].dtype]
    if room is None or not room.fits(first, k) or set(room.arrays) != set(numeric):
        room = _room(first, numeric, k)
    for name in numeric:
        room.arrays[name][n : n + k] = then[name].to_numpy()
    room.filled[0] = n + k
    rest = joined_frames(first.drop(columns=numeric), then.drop(columns=numeric))
    columns = {
        name: (pd.Series(room.arrays[name][: n + k], copy=False) if name in room.arrays else rest[name])
        for name in first.columns
    }
    frame = pd.DataFrame(columns, index=pd.RangeIndex(n + k), copy=False)
    return frame, Room(room.arrays, n + k, room.filled)


def _room(frame: pd.DataFrame, numeric: list[str], more: int) -> Room:
    """New arrays for the numeric columns of `frame`, its values copied, with room for `more`
    rows and a sixteenth more."""
    n = len(frame)
    size = n + more + max(1024, (n + more) // 16)
    arrays = {}
    for name in numeric:
        arrays[name] = np.empty(size, dtype=frame[name].dtype)
        arrays[name][:n] = frame[name].to_numpy()
    return Room(arrays, n, [n])


def with_room(frame: pd.DataFrame) -> tuple[pd.DataFrame, Room | None]:
    """`frame` (the same values) with its numeric columns at the start of arrays with room after
    them, and that Room: what the first append to it would make (grown_frames), made now (see
    timeline.app.data.prepare_appends)."""
    numeric = [name for name in frame.columns if _roomy(frame[name])]
    if not len(frame) or not numeric or not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0:
        return frame, None
    room = _room(frame, numeric, 0)
    columns = {
        name: (pd.Series(room.arrays[name][: len(frame)], copy=False) if name in room.arrays else frame[name])
        for name in frame.columns
    }
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame)), copy=False), room


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
            dtype = same_categories(a.dtype, b.dtype)
            if dtype is not a.dtype:  # (new categories: every code of `first` is made again)
                first[name] = a.cat.set_categories(dtype.categories)
            then[name] = b.cat.set_categories(dtype.categories)
    return pd.concat([first, then], ignore_index=True)


def same_categories(first: pd.CategoricalDtype, then: pd.CategoricalDtype) -> pd.CategoricalDtype:
    """The categories of both, sorted (as `astype("category")` gives them): `first` itself when it
    has all of `then`'s and is sorted, as rows appended mostly are (then only their codes are made
    again, not the codes of the rows before them)."""
    if (
        not first.ordered
        and not then.ordered
        and then.categories.isin(first.categories).all()
        and first.categories.is_monotonic_increasing
    ):
        return first
    return pd.CategoricalDtype(
        union_categoricals(
            [pd.Categorical([], dtype=first), pd.Categorical([], dtype=then)], sort_categories=True
        ).categories
    )


def appended(previous: np.ndarray, more, writable: bool = False) -> np.ndarray:
    """np.concatenate([previous, more]) (a read-only array), written in the room after `previous`
    when `previous` is the start of a longer array made here and nothing was written after it
    yet: the next version of an array that only grows is then no copy of the previous one.
    Otherwise a new array, with a sixteenth more room. As with Room, an array whose values
    another has been appended after is copied when it grows again, so none sees its values change."""
    previous, more = np.asarray(previous), np.asarray(more)
    n, k = len(previous), len(more)
    finish = (lambda array: array) if writable else read_only
    dtype = np.result_type(previous, more)
    buffer = previous.base
    if isinstance(buffer, np.ndarray) and buffer.dtype == dtype and previous.ndim == more.ndim == 1:
        with _tails_lock:
            tail = _tails.get(id(buffer))
            if (
                tail is not None
                and tail[0]() is buffer
                and tail[1] == n
                and len(buffer) >= n + k
                and _start(previous) == _start(buffer)
                and previous.strides == buffer.strides
            ):
                buffer[n : n + k] = more
                _tails[id(buffer)] = (tail[0], n + k)
                return finish(buffer[: n + k])
    made = room_for(n + k, dtype)
    made[:n], made[n:] = previous, more
    return finish(made)


def inserted(previous: np.ndarray, where: np.ndarray, values, writable: bool = False) -> np.ndarray:
    """np.insert(previous, where, values) (a read-only array), made as `appended` makes a new
    array: with room after it, so that the rows appended to the next version are written there
    (events put among the others, then new ones after them all: no second copy). `writable`:
    left writable, for the caller to finish and then make read-only (`read_only`)."""
    previous, where = np.asarray(previous), np.asarray(where)
    values = np.broadcast_to(np.asarray(values, dtype=previous.dtype), where.shape)
    n, k = len(previous), len(values)
    made = room_for(n + k, previous.dtype)
    order = np.argsort(where, kind="stable")  # (np.insert's order for equal positions)
    if k <= SLICED_RUNS:  # (a few: the runs between them copied as they are)
        done = 0
        for i, (place, value) in enumerate(zip(where[order].tolist(), values[order])):
            made[done + i : place + i] = previous[done:place]
            made[place + i] = value
            done = place
        made[done + k :] = previous[done:]
    else:
        at = np.empty(k, dtype=np.int64)
        at[order] = where[order] + np.arange(k)
        kept = np.ones(n + k, dtype=bool)
        kept[at] = False
        made[kept], made[at] = previous, values
    return made if writable else read_only(made)


def put(previous: np.ndarray, where: np.ndarray, values, writable: bool = False) -> np.ndarray:
    """np.insert(previous, where, values), made by `appended` when all go after the others (as a
    live story's new events: written after them, no copy), else by `inserted`. `writable`: only
    the values put may be written (the others may be another version's)."""
    if len(where) and (where == len(previous)).all():
        return appended(previous, np.broadcast_to(values, np.shape(where)), writable)
    return inserted(previous, where, values, writable)


def room_for(length: int, dtype) -> np.ndarray:
    """A new array of `length` values (to be written, then made `read_only`), the start of a
    longer one: a sixteenth more room after it, where `appended` may write. Its memory is that of
    an array no version uses any more when there is one of the size (`SPARES`), else new."""
    buffer = SPARES.take(length, np.dtype(dtype))
    with _tails_lock:
        for key in [key for key, (alive, _) in _tails.items() if alive() is None]:  # (arrays no longer used)
            del _tails[key]
        _tails[id(buffer)] = (weakref.ref(buffer), length)
    return buffer[:length]


def with_room_after(array: np.ndarray) -> np.ndarray:
    """`array` (the same values, read-only) at the start of a longer array: what `appended` makes
    of it on its first append, made now (timeline.app.data.prepare_appends)."""
    return appended(array, array[:0])


def with_room_for_events(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (the same values), its numeric columns `with_room_after` them: the events'
    columns that grow_events writes after (model.appended) when new events come last."""
    columns = {
        name: pd.Series(with_room_after(frame[name].to_numpy()), copy=False)
        if _roomy(frame[name]) and name != "order"
        else frame[name]
        for name in frame.columns
    }
    if "order" in columns:  # (0, 1, 2...: the array every version's `order` is a view of)
        columns["order"] = pd.Series(counting(len(frame)), copy=False)
    return pd.DataFrame(columns, index=frame.index, copy=False)


class Spares:
    """The arrays `room_for` made, each used again once no version holds it any more: the next
    version's arrays of the same sizes are written into them. An event put among the others
    copies every per-event array (about 85 MB at half a million events), and memory new to a
    process costs the kernel a page fault per 4 KB (on a virtual machine that gives its free
    memory back to the host, 2-35 us each: 0.05-0.3 s of a served worker's CPU per such append,
    benchmarks/RESULTS.md); arrays used again cost none. A process keeps at most as many spare
    bytes as its versions use (the memory a worker holds just after such an append, kept until the
    next), and none longer than `IDLE` seconds after the last array it made or used again
    (`let_go`: gunicorn.conf.py's post_request): a worker whose file stopped changing gives them
    back.

    An array is no longer used when the only references to it are the list's and this count's:
    every view of it (a version's column, a pandas series, an Arrow array made without a copy)
    holds a reference to it (its `base`), so none can still read it."""

    IDLE = 1800.0  # (a live story's rows come minutes apart)

    def __init__(self):
        self.arrays: list[np.ndarray] = []
        self.lock = threading.Lock()
        self.last = 0.0

    def take(self, length: int, dtype: np.dtype) -> np.ndarray:
        """An array of `length` values and room after them (a sixteenth more), of `dtype`: a spare
        one, or new."""
        size = length + max(1024, length // 16)
        if not _COUNTED:  # (none kept)
            return np.empty(size, dtype=dtype)
        with self.lock:
            self.last = time.monotonic()
            free = self._free()
            fits = [
                array
                for array in free
                if array.dtype == dtype and length + max(256, length // 64) <= len(array) <= 2 * size
            ]
            array = min(fits, key=len) if fits else np.empty(size, dtype=dtype)
            if not fits:
                self.arrays.append(array)
            self._bound([spare for spare in free if spare is not array])
            return array

    def let_go(self, idle: float | None = None) -> None:
        """Forget the spare arrays (their memory is freed) when none was made or used for `idle`
        seconds (IDLE); else those beyond the bytes in use (versions let go since the last take)."""
        with self.lock:
            free = self._free()
            if time.monotonic() - self.last >= (self.IDLE if idle is None else idle):
                for array in free:
                    self._forget(array)
            else:
                self._bound(free)

    def _free(self) -> list[np.ndarray]:
        """The arrays nothing but this list references. The count a free array has is measured
        again each time, in the same way (a tracer or another Python may count one more or one
        less), and the lower of it and the count at import is taken: a doubt keeps an array."""
        unused = min(_UNUSED, _unused_count())
        return [array for array in self.arrays if _references(array) <= unused]

    def _bound(self, spares: list[np.ndarray]) -> None:
        """Forget spare arrays, the largest first, until they are no more bytes than those in use."""
        spare = sum(array.nbytes for array in spares)
        used = sum(array.nbytes for array in self.arrays) - spare
        for extra in sorted(spares, key=lambda array: -array.nbytes):
            if spare <= used:
                break
            spare -= extra.nbytes
            self._forget(extra)

    def _forget(self, array: np.ndarray) -> None:
        self.arrays = [a for a in self.arrays if a is not array]


def _references(array: np.ndarray) -> int:
    return sys.getrefcount(array)


def _unused_count() -> int:
    """The references to an array no version uses, as Spares counts them (in a list comprehension
    over a list: the list's, the loop's, the argument's and getrefcount's own): any more are a user's."""
    return [_references(array) for array in [np.empty(1)]][0]


_UNUSED = _unused_count()  # (at import; Spares._free measures again and keeps the lower)
# Only CPython counts every reference (another Python's getrefcount says little): elsewhere no
# array is used again.
_COUNTED = sys.implementation.name == "cpython"
SPARES = Spares()

_tails: dict[int, tuple] = {}  # appended: id of a buffer -> (a weak reference to it, how far it is written)
_tails_lock = threading.Lock()


def read_only(array: np.ndarray) -> np.ndarray:
    """`array`, made read-only (the arrays of a version never change once it is served)."""
    array.flags.writeable = False
    return array


def source_key(names: pd.Series) -> pd.Series:
    """Each outlet's name as one outlet's key: lowercased, in Unicode's composed form (an accent
    typed as a mark of its own, as macOS and PDFs write é, is the é typed as one), its spaces
    one space each (a no-break space pasted from a web page, two spaces typed): `Le Monde`,
    `le\u00a0monde` and `Le  Monde` are one outlet to the filter (its list names each as written)."""
    return names.str.normalize("NFKC").str.lower().str.replace(r"\s+", " ", regex=True).str.strip()
