"""The arrays every view reads, built once per version of the file.

An `EventIndex` holds the events in date order as numpy arrays (start and end
in seconds, lane, disputed, ...), the lowercased text that search looks in,
and where each event's accounts are. Views filter and draw from these arrays
without per-event Python, so a million events stay interactive.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import dates, model
from .csvfile import one_chunk
from .load import Dataset
from .search import TextGrams, _arrow, _more_distinct, _more_grams, distinct_values, text_grams

SECONDS = "datetime64[s]"


@dataclass
class EventIndex:
    dataset: Dataset
    events: pd.DataFrame  # model.build_events order: by start, then id
    start: np.ndarray  # int64 seconds since 1970 (wall clock as written)
    last: np.ndarray  # int64 seconds: the last moment the event covers
    is_span: np.ndarray  # bool: has an end date
    x: np.ndarray  # int64 seconds: where the event is drawn (a span's start,
    # the middle of what a point's date covers)
    lane: np.ndarray  # int: position of the event's category in `lanes`
    lanes: list[str]  # category names, in lane order (top first)
    disputed: np.ndarray  # bool
    lat: np.ndarray  # float degrees, NaN where the event has no place
    lon: np.ndarray  # float degrees, NaN where the event has no place
    approximate: np.ndarray  # bool: placed by its location's name (timeline.places)
    place: np.ndarray  # int: events at the same coordinates share a code; -1 no place
    source_code: np.ndarray  # per account: its outlet's position in `source_keys`
    source_keys: list[str]  # outlets, lowercased, as coded
    positions: pd.Index  # id -> position in `events`
    account_event: np.ndarray  # per account: the position of its event
    account_order: np.ndarray  # positions in dataset.accounts, grouped by event
    account_bounds: np.ndarray  # event i's accounts: account_order[b[i]:b[i+1]]
    outlets: list[tuple[str, int]] = field(default_factory=list)  # every outlet, its accounts
    distinct: dict = field(default_factory=dict)  # see distinct_values
    grams: TextGrams | None = None  # see text_grams: finds a word's accounts fast
    known: KnownFrom | None = None  # when each account became known (issue 15: as of a date)
    shown: np.ndarray | None = None  # per account: known by the as-of date (None: every account)
    as_of: int | None = None  # the as-of date's last second, in an index made by `at`

    def __len__(self) -> int:
        return len(self.events)

    @functools.cached_property
    def source_names(self) -> list[str]:
        """Each outlet's name as `outlets` shows it (its first written), by its place in `source_keys`."""
        names = [name for name, _ in self.outlets]
        shown = dict(zip(model.source_key(pd.Series(names, dtype="str")).tolist(), names))
        return [shown.get(key, key) for key in self.source_keys]

    def position(self, event_id: str | None) -> int | None:
        if not event_id:
            return None
        # (A scan, a millisecond at a million events: no hash table to build for each version.)
        found = pc.index(_arrow(self.events["id"].array), event_id).as_py()
        return None if found < 0 else int(found)

    def accounts_of(self, position: int) -> pd.DataFrame:
        """The event's accounts, in file order (as of the date, those known by then)."""
        lo, hi = self.account_bounds[position], self.account_bounds[position + 1]
        order = self.account_order[lo:hi]
        if self.shown is not None:
            order = order[self.shown[order]]
        return model.take_rows(self.dataset.accounts, order)

    def at(self, as_of: int | None) -> EventIndex:
        """The index as things stood at `as_of` (the last second of the as-of date): only the
        accounts known by then are `shown`, and an event is disputed only when its accounts
        known by then disagree. None: the index itself. (The events kept are `state.apply`'s.)"""
        if as_of is None or self.known is None:
            return self
        known = self.known
        # (an account of an event not shown yet, no account giving its date out: not shown either,
        # nor counted among the outlets)
        shown = (known.account <= as_of) & (known.event[self.account_event] <= as_of)
        disputed = self.disputed.copy()
        if len(known.disputed_events):
            disputed[known.disputed_events] = known.disputed_at(as_of)
        return replace(self, disputed=disputed, shown=shown, as_of=as_of, outlets=self._outlets_shown(shown))

    def dated(self, position: int) -> bool:
        """Whether the event's date is one given by then (as of a date: an account giving it is
        out; always, without one). An event chosen by a link before then is not drawn to, nor
        placed on the map (its panel says neither: panel.event_panel)."""
        return self.as_of is None or self.known is None or int(self.known.event[position]) <= self.as_of

    def _outlets_shown(self, shown: np.ndarray) -> list[tuple[str, int]]:
        """`outlets` with the accounts known by then (`shown`) alone: those of none left out."""
        codes = self.source_code[shown]
        counts = np.bincount(codes[codes >= 0], minlength=len(self.source_keys))
        known: dict[str, int] = {}
        for name, n in zip(self.source_names, counts.tolist()):
            known[name] = known.get(name, 0) + n
        return [(name, known[name]) for name, _ in self.outlets if known.get(name)]

    def values(self, name: str, positions) -> list:
        """One column of the events at some positions, as Python values (never the whole column)."""
        return take_values(self.events[name], positions)

    def date_labels(self, positions) -> list[str]:
        """`date_label` for many events at once."""
        chosen = self.events[["start", "precision", "offset", "end", "end_precision"]].iloc[positions]
        starts, ends = chosen["start"].to_numpy(), chosen["end"].to_numpy()
        labels = []
        for start, precision, offset, end, end_precision in zip(
            starts, chosen["precision"].tolist(), chosen["offset"].tolist(), ends, chosen["end_precision"].tolist()
        ):
            labels.append(dates.span(start, precision, offset, end, end_precision))
        return labels

    def date_label(self, position: int) -> str:
        events = self.events
        return dates.span(
            events["start"].iat[position],
            events["precision"].iat[position],
            events["offset"].iat[position],
            events["end"].iat[position],
            events["end_precision"].iat[position] if self.is_span[position] else "",
        )


def seconds(values) -> np.ndarray:
    """datetime64 values (NaT allowed) as int64 seconds; NaT becomes the int64 minimum."""
    return np.asarray(values, dtype=SECONDS).astype(np.int64)


def as_seconds(column: pd.Series) -> np.ndarray:
    """`seconds` of a column of the events, read-only: its own values seen as int64 (NaT is the
    int64 minimum already) when they are in seconds, as the model makes them; no copy."""
    values = column.to_numpy()
    if values.dtype == np.dtype(SECONDS):
        view = values.view(np.int64)
        view.flags.writeable = False
        return view
    return seconds(values)


def two_chunks(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns in at most two Arrow chunks: the rows read whole, and the rows appended since
    (joined into one chunk, a small copy); one chunk again once the appended ones are a sixteenth
    of the whole. So an append does not copy every value of the file (see accounts_of)."""
    for name in frame.columns:
        array = frame[name].array
        if hasattr(array, "__arrow_array__"):
            chunked = array.__arrow_array__()
            if chunked.num_chunks <= 2:
                continue
            first, rest = chunked.chunk(0), pa.chunked_array(chunked.chunks[1:]).combine_chunks()
            joined = pa.concat_arrays([first, rest]) if len(rest) * 16 > len(first) else [first, rest]
            frame[name] = _text(joined, frame, name)
    return frame


MOST_CHUNKS = 8  # the events' text columns are kept in at most this many Arrow chunks (few_chunks)


def few_chunks(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns in at most MOST_CHUNKS Arrow chunks. An append puts the events it adds among
    the others as chunks of their own (model.grow_events: slices, no copy of the rest); here
    the adjacent chunks that are smallest together are joined until few are left, so an append
    mostly copies a few small chunks, and now and then a larger one. (Reading some rows of a
    column of several chunks: take_values.)"""
    for name in frame.columns:
        array = frame[name].array
        if hasattr(array, "__arrow_array__"):
            chunked = array.__arrow_array__()
            if chunked.num_chunks <= MOST_CHUNKS:
                continue
            chunks = [chunk for chunk in chunked.chunks if len(chunk)] or [chunked.chunk(0)]
            while len(chunks) > MOST_CHUNKS:
                at = int(np.argmin([len(a) + len(b) for a, b in zip(chunks, chunks[1:])]))
                chunks[at : at + 2] = [pa.concat_arrays(chunks[at : at + 2])]
            frame[name] = _text(chunks, frame, name)
    return frame


def take_values(series: pd.Series, positions) -> list:
    """series.iloc[positions].tolist(), taking from each Arrow chunk of a text column apart
    (Arrow's take from a column of several chunks joins them all first: a copy of the column)."""
    array = series.array
    chunked = array.__arrow_array__() if hasattr(array, "__arrow_array__") else None
    if chunked is None or chunked.num_chunks <= 1:
        return series.iloc[positions].tolist()
    positions = np.asarray(positions)
    if positions.dtype == bool:
        positions = np.flatnonzero(positions)
    positions = positions.astype(np.int64, copy=False).ravel()
    positions = np.where(positions < 0, positions + len(series), positions)
    ends = np.cumsum([len(chunk) for chunk in chunked.chunks])
    which = np.searchsorted(ends, positions, side="right")
    found = [None] * len(positions)
    for k in np.unique(which).tolist():
        at = np.flatnonzero(which == k)
        start = int(ends[k - 1]) if k else 0
        for i, value in zip(at.tolist(), chunked.chunk(k).take(pa.array(positions[at] - start)).to_pylist()):
            found[i] = value
    return found


def _text(chunks, frame: pd.DataFrame, name: str) -> pd.Series:
    chunked = pa.chunked_array(chunks if isinstance(chunks, list) else [chunks])
    return pd.Series(pd.arrays.ArrowStringArray(chunked), index=frame.index, dtype=frame[name].dtype)


def build_index(dataset: Dataset, grams: bool = True) -> EventIndex:
    """The index of `dataset`; without `grams`, the search's sequences are left to be built
    later (text_grams: 5-8 s at 1.8M accounts; search reads every account until they are)."""
    events = one_chunk(dataset.events)
    accounts = one_chunk(dataset.accounts)
    # The outlets once: their distinct names (searched, counted) and the lowercased keys of those.
    sources = pd.factorize(accounts["source"])
    source_code, source_keys = _source_keys(*sources)
    positions = pd.Index(events["id"])
    # Accounts grouped by event, in event order, each group in file order.
    event_of_account = dataset.account_event
    if event_of_account is None or len(event_of_account) != len(accounts):
        event_of_account = positions.get_indexer(accounts["id"]) if len(accounts) else np.zeros(0, int)
    account_order = np.argsort(event_of_account, kind="stable")
    counts = np.bincount(event_of_account, minlength=len(events)) if len(accounts) else np.zeros(len(events), int)
    bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return _index(
        dataset,
        events,
        source_code,
        source_keys,
        positions,
        event_of_account,
        account_order,
        bounds,
        _outlets(*sources),
        distinct_values(accounts, {"source": sources}),
        text_grams(accounts) if grams else None,
    )


def _source_keys(codes: np.ndarray, names) -> tuple[np.ndarray, list[str]]:
    """`pd.factorize(model.source_key(accounts["source"]))` as (codes, keys), from the factorized
    names: each distinct name made a key once (a key's first name is its first account's, so
    the keys are numbered in the same order)."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64), []
    key_codes, keys = pd.factorize(model.source_key(pd.Series(names, dtype="str")))
    key_codes = np.append(np.asarray(key_codes, dtype=np.int64), -1)  # (-1: a missing name)
    return key_codes[codes], [str(k) for k in keys]


def grow_index(previous: EventIndex, dataset: Dataset) -> EventIndex:
    """`build_index(dataset)`, extending the index of the dataset it was read on from
    (timeline.appends: Dataset.growth) when it is `previous`'s; built anew otherwise."""
    growth = dataset.growth
    if growth is None or tuple(previous.dataset.signature) != tuple(growth.after):
        return build_index(dataset, grams=False)
    events = few_chunks(dataset.events)
    accounts = two_chunks(dataset.accounts)
    appended = accounts.iloc[growth.accounts_from :]
    source_keys = list(previous.source_keys)
    code_of = {key: code for code, key in enumerate(source_keys)}
    codes = [code_of.setdefault(key, len(code_of)) for key in model.source_key(appended["source"]).tolist()]
    source_keys += list(code_of)[len(source_keys) :]
    # The appended accounts join their events' groups (at the group's end, in file order).
    in_place = len(growth.moved) == 0 or growth.moved[-1] == len(growth.moved) - 1  # (no event moved)
    if in_place:
        event_of_account = model.appended(previous.account_event, growth.account_event)
    else:  # (the accounts' events where they are now, taken straight into the array with room)
        before = len(previous.account_event)
        event_of_account = model.room_for(before + len(growth.account_event), np.int64)
        np.take(growth.moved, previous.account_event, out=event_of_account[:before], mode="clip")  # (unbuffered)
        event_of_account[before:] = growth.account_event
        model.read_only(event_of_account)
    by_event = np.argsort(growth.account_event, kind="stable")
    previous_up_to = np.searchsorted(growth.moved, growth.account_event[by_event], side="right")
    at = previous.account_bounds[previous_up_to]
    if not len(at) or at[0] == len(previous.account_order):  # (all after the others: new events at the end)
        account_order = model.appended(previous.account_order, growth.accounts_from + by_event)
    else:
        account_order = model.inserted(previous.account_order, at, growth.accounts_from + by_event)
    appended_codes, appended_names = pd.factorize(appended["source"])
    # The events added, where they are now: their lanes and places are numbered among the others'
    # (the previous events' kept), not every event's again.
    added = _added(growth.moved, len(events))
    bounds = _grown_bounds(previous.account_bounds, added, growth.account_event)

    def known(disputed):  # (only the appended accounts' dates are read: see grow_known)
        if previous.known is None:
            return known_from(accounts, account_order, bounds, disputed)
        return grow_known(
            previous.known,
            accounts,
            growth.accounts_from,
            added,
            growth.account_event,
            account_order,
            bounds,
            disputed,
        )

    lat, lon = events["lat"].to_numpy(dtype=float), events["lon"].to_numpy(dtype=float)
    return _index(
        dataset,
        events,
        model.appended(previous.source_code, np.asarray(codes, dtype=np.int64)),
        source_keys,
        pd.Index(events["id"]),
        event_of_account,
        account_order,
        bounds,
        _outlets(appended_codes, appended_names, previous.outlets),
        _more_distinct(previous.distinct, appended),
        _more_grams(previous.grams, accounts),
        known,
        lanes=_grown_lanes(previous, events, added),
        place=_grown_places(previous.place, lat, lon, added),
        times=_grown_times(previous, events, added),
    )


def _added(moved: np.ndarray, events: int) -> np.ndarray:
    """The positions (increasing) of the events not in `moved` (where the previous ones are now)."""
    if not len(moved) or moved[-1] == len(moved) - 1:  # (none moved: the added come last)
        return np.arange(len(moved), events, dtype=np.int64)
    free = np.ones(events, dtype=bool)
    free[moved] = False
    return np.flatnonzero(free)


def _grown_bounds(previous: np.ndarray, added: np.ndarray, account_event: np.ndarray) -> np.ndarray:
    """The accounts' groups' bounds (`account_bounds`) once the events at `added` are put among
    the previous ones and accounts appended to the events at `account_event` (positions now):
    written after the previous ones when only events after them all are added to; otherwise one
    array made (with room): the previous bounds, an added event's the same as the next one's,
    each moved up by the appended accounts of the events before it (a slice at a time when a
    few events are appended to)."""
    events = len(previous) - 1
    if (not len(added) or added[0] == events) and (not len(account_event) or account_event.min() >= events):
        more = np.bincount(account_event - events, minlength=len(added))
        return model.appended(previous, previous[-1] + np.cumsum(more))
    before = added - np.arange(len(added))  # (the previous events before each added one)
    bounds = model.inserted(previous, before, previous[before], writable=True)
    return model.read_only(model.raised_from(bounds, account_event + 1))  # (each group after theirs)


GROWN = ("is_span", "x", "source_code", "account_event", "account_order", "account_bounds")


def with_room(index: EventIndex, dataset: Dataset) -> EventIndex:
    """`index` (the same values) for `dataset` (the same events, as model.with_room_for_events
    gives them), each array that grow_index writes after (model.appended) when new events come
    last at the start of a longer array: what a first append would copy, copied now
    (timeline.app.data.prepare_appends)."""
    known = index.known
    if known is not None:
        known = replace(
            known, account=model.with_room_after(known.account), undated=model.with_room_after(known.undated)
        )
    grown: dict = {name: model.with_room_after(getattr(index, name)) for name in GROWN}
    grown.update(start=as_seconds(dataset.events["start"]), last=as_seconds(dataset.events["last"]))  # (theirs)
    distinct = {name: (model.with_room_after(codes), values) for name, (codes, values) in index.distinct.items()}
    return replace(index, dataset=dataset, events=dataset.events, known=known, distinct=distinct, **grown)


def _grown_times(previous: EventIndex, events: pd.DataFrame, added: np.ndarray) -> dict:
    """The events' start, last, is_span and x, from the previous index's and those of the events
    at `added` (an event joined keeps its first account's dates): written after the previous
    ones when the new events come after them all (model.appended)."""
    if not len(added):
        return {name: getattr(previous, name) for name in ("start", "last", "is_span", "x")}
    # (the events' own starts and ends, seen as seconds: already grown with them)
    times = {"start": as_seconds(events["start"]), "last": as_seconds(events["last"])}
    start, last = times["start"][added], times["last"][added]
    is_span = ~np.isnat(events["end"].to_numpy()[added])
    for name, values in (("is_span", is_span), ("x", _drawn_at(is_span, start, last))):
        times[name] = _put(getattr(previous, name), added, values)
    return times


def _put(previous: np.ndarray, added: np.ndarray, values, writable: bool = False) -> np.ndarray:
    """`previous` (a value per previous event) with `values` at the positions `added` (increasing,
    in the events now): model.put, before the previous events that follow each."""
    return model.put(previous, added - np.arange(len(added)), values, writable)


def _drawn_at(is_span: np.ndarray, start: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Where events are drawn: a span's start, the middle of what a point's date covers."""
    return np.where(is_span, start, start + (last - start) // 2)


def _inserted_codes(previous: np.ndarray, added: np.ndarray) -> np.ndarray:
    """`previous` (a code per previous event) with -1 at the positions `added` (increasing, in
    the events now), writable until it is numbered (`_numbered` writes only from the first
    added position on: after the previous codes when the added events come last)."""
    return _put(previous.astype(np.int64, copy=False), added, -1, writable=True)


def _numbered(codes: np.ndarray, at: int, same: np.ndarray) -> int | None:
    """Number the event at `at` (its code -1 in `codes`, numbered in order of first appearance
    as pd.factorize numbers them) among the others: `same`, the events (increasing positions)
    with its value, itself included. Its code, written into `codes` with the codes after it
    moved up when it is a new value; None when it comes before the first event of its value
    (all of those are numbered again: not done here)."""
    if same[0] < at:
        codes[at] = codes[same[0]]
        return None if codes[at] < 0 else -1
    if len(same) > 1:
        return None
    new = int(codes[:at].max()) + 1 if at else 0
    new = max(new, 0)
    after = codes[at + 1 :]
    after[after >= new] += 1
    codes[at] = new
    return new


def _grown_lanes(previous: EventIndex, events: pd.DataFrame, added: np.ndarray) -> tuple[list[str], np.ndarray] | None:
    """`_lanes(events)`, from the previous index's lanes, the events at `added` being new; None
    when that takes numbering the lanes again."""
    if not len(added):
        return list(previous.lanes), previous.lane
    keys = events["category_key"]
    if not isinstance(keys.dtype, pd.CategoricalDtype) or len(previous.lane) + len(added) != len(events):
        return None
    codes = keys.cat.codes.to_numpy()
    lane, lanes = _inserted_codes(previous.lane, added), list(previous.lanes)
    for at in added.tolist():
        if codes[at] < 0:
            continue
        new = _numbered(lane, at, np.flatnonzero(codes == codes[at]))
        if new is None:
            return None
        if new >= 0:
            lanes.insert(new, str(take_values(events["category"], [at])[0]))
    return lanes, model.read_only(lane)


def _grown_places(previous: np.ndarray, lat: np.ndarray, lon: np.ndarray, added: np.ndarray) -> np.ndarray | None:
    """`_places(lat, lon)`, from the previous events' codes, the events at `added` being new; None
    when that takes numbering the places again."""
    if not len(added):
        return previous
    if len(previous) + len(added) != len(lat):
        return None
    place = _inserted_codes(previous, added)
    for at in added.tolist():
        if not (np.isfinite(lat[at]) and np.isfinite(lon[at])):
            continue
        near = np.flatnonzero((lat > lat[at] - 1e-3) & (lat < lat[at] + 1e-3))  # (no array of distances)
        near = near[np.abs(lon[near] - lon[at]) < 1e-3]
        keys = _place_keys(lat[near], lon[near])
        new = _numbered(place, at, near[keys == _place_keys(lat[at : at + 1], lon[at : at + 1])[0]])
        if new is None:
            return None
    return model.read_only(place)


def _index(
    dataset,
    events,
    source_code,
    source_keys,
    positions,
    event_of_account,
    account_order,
    bounds,
    outlets,
    distinct,
    grams=None,
    known=None,
    lanes=None,
    place=None,
    times=None,
) -> EventIndex:
    """The index, from what is per account; what is per event is read from `events`. `known`:
    a function of the events' disputed flags giving the KnownFrom (known_from by default);
    `lanes` (the lane names and each event's lane), `place` (each event's place code) and
    `times` (start, last, is_span, x): grown from the previous index's (else made here)."""
    lanes, lane = _lanes(events) if lanes is None else lanes
    disputed = events["disputed"].to_numpy(dtype=bool)
    if known is None:
        known = lambda disputed: known_from(dataset.accounts, account_order, bounds, disputed)  # noqa: E731
    if times is None:
        start, last = as_seconds(events["start"]), as_seconds(events["last"])
        is_span = events["end"].notna().to_numpy()
        times = {"start": start, "last": last, "is_span": is_span, "x": _drawn_at(is_span, start, last)}
    return EventIndex(
        dataset=dataset,
        events=events,
        **times,
        lane=lane,
        lanes=lanes,
        disputed=disputed,
        lat=events["lat"].to_numpy(dtype=float),
        lon=events["lon"].to_numpy(dtype=float),
        approximate=events["approximate"].to_numpy(dtype=bool),
        place=_places(events["lat"].to_numpy(dtype=float), events["lon"].to_numpy(dtype=float))
        if place is None
        else place,
        source_code=source_code,
        source_keys=source_keys,
        positions=positions,
        account_event=event_of_account,
        account_order=account_order,
        account_bounds=bounds,
        outlets=outlets,
        distinct=distinct,
        grams=grams,
        known=known(disputed),
    )


def _places(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """A code per event: the same for events at the same coordinates (to about a metre), -1 for
    an event with no place. One pass (a hash of one integer per event), so that the map counts
    events per place with a bincount."""
    placed = np.isfinite(lat) & np.isfinite(lon)
    codes = np.full(len(lat), -1, dtype=np.int64)
    if placed.any():
        codes[placed] = pd.factorize(_place_keys(lat[placed], lon[placed]))[0]
    return codes


def _place_keys(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """One integer per pair of coordinates, the same to about a metre (_places)."""
    return np.round((lat + 90) * 1e5).astype(np.int64) * 40_000_000 + np.round((lon + 180) * 1e5).astype(np.int64)


def _outlets(codes: np.ndarray, names, outlets: list[tuple[str, int]] | None = None) -> list[tuple[str, int]]:
    """Every outlet and its accounts (more of them, to `outlets`), from the factorized names of
    the accounts' sources, in file order: the names that are one outlet to the filter
    (model.source_key: `Le Monde`, `Le\u00a0Monde`, `le monde`) counted as one, named as first written."""
    counts = np.bincount(codes[codes >= 0], minlength=len(names))
    merged = dict(outlets or [])
    name_of = dict(zip(model.source_key(pd.Series(list(merged), dtype="str")).tolist(), merged))
    keys = model.source_key(pd.Series(list(names), dtype="str")).tolist()
    for name, key, count in zip(names, keys, counts.tolist()):
        if count:
            shown = name_of.setdefault(key, str(name))
            merged[shown] = merged.get(shown, 0) + count
    return sorted(merged.items(), key=lambda kv: (kv[0].lower(), kv[0]))


def _lanes(events: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """Lanes in order of first appearance in time; named as first written."""
    if not len(events):
        return [], np.zeros(0, dtype=np.int64)
    codes, keys = pd.factorize(events["category_key"], sort=False)
    # (Numbered in order of first appearance: each lane is named by its first event's category.)
    known = np.flatnonzero(codes >= 0)
    names = take_values(events["category"], known[model.first_positions(codes[known])])
    return [str(name) for name in names], codes.astype(np.int64)


# --- As of a date (issue 15): when each account became known ---------------------------------

NEVER = np.iinfo(np.int64).max


@dataclass
class KnownFrom:
    """When each account became known, in seconds, and what it takes to tell, for any date, which
    events were disputed by then, without a loop over events.

    An account is known from its `published` date when that gives the day (or the minute). When
    it does not (no `published`, or only a month or a year), it is known from the later of the
    first day its `published` allows and the first moment of the date it gives for the event
    (it cannot have reported the event before it happened), and it is `undated`: the panel says
    so beside it. An event is known from the earliest of its accounts that gives its date (its
    first account's, which it is shown with); one known before that is shown from then on."""

    account: np.ndarray  # per account: int64 seconds
    undated: np.ndarray  # per account: bool, its publication day is not known
    event: np.ndarray  # per event: the earliest `account` of those giving its date (NEVER: none)
    disputed_events: np.ndarray  # positions of the events disputed with every account known
    # Their accounts, grouped by event (groups start at `group_starts`), as int64 seconds:
    starts: np.ndarray
    start_lasts: np.ndarray
    ends: np.ndarray  # NaT as the int64 minimum
    end_lasts: np.ndarray  # NaT as the int64 maximum
    known: np.ndarray  # their `account` values
    group_starts: np.ndarray
    # Their UTC offsets in seconds and whether each gives one, where two differ (else None): the
    # dates are compared on each clock the accounts known give (model.on_any_clock).
    offsets: np.ndarray | None = None
    offset_given: np.ndarray | None = None

    def disputed_at(self, as_of: int) -> np.ndarray:
        """Per disputed event: whether the accounts known by `as_of` already disagree (the
        model's rule: one account's date begins after another's has ended, for the start or
        for the end)."""
        known = self.known <= as_of
        low, high = np.iinfo(np.int64).min, NEVER

        def disputed_on(shift: np.ndarray | None) -> np.ndarray:
            result = np.zeros(len(self.group_starts), dtype=bool)
            for earliest, latest in ((self.starts, self.start_lasts), (self.ends, self.end_lasts)):
                if shift is not None:
                    earliest = np.where(earliest != low, earliest - shift, earliest)
                    latest = np.where(latest != high, latest - shift, latest)
                has = known & (earliest != low) & (latest != high)
                greatest_start = np.maximum.reduceat(np.where(has, earliest, low), self.group_starts)
                least_last = np.minimum.reduceat(np.where(has, latest, high), self.group_starts)
                result |= greatest_start > least_last
            return result

        if self.offsets is None or self.offset_given is None or not len(known):
            return disputed_on(None)
        # On the clocks of the accounts known by then (model.on_any_clock).
        sizes = np.diff(np.append(self.group_starts, len(known)))
        group = np.repeat(np.arange(len(self.group_starts)), sizes)
        return model.on_any_clock((self.offsets, self.offset_given & known), group, len(self.group_starts), disputed_on)


def withdrawn(is_retracted, retracted_on, as_of: int | None) -> np.ndarray:
    """Per account: its figure or claim was withdrawn as things stood at `as_of` (the as-of
    date's last second; None: today). One withdrawn on a later day still stood then; one whose
    day of withdrawal is not given (`retracted` yes) is withdrawn at every date: nothing says
    since when."""
    flagged = np.asarray(is_retracted, dtype=bool)
    if as_of is None:
        return flagged
    return flagged & (seconds(retracted_on) <= as_of)  # (no day: NaT, the int64 minimum)


def known_from(
    accounts: pd.DataFrame, account_order: np.ndarray, bounds: np.ndarray, disputed: np.ndarray
) -> KnownFrom:
    account, undated = _accounts_known(accounts)
    event = np.full(len(bounds) - 1, NEVER, dtype=np.int64)
    has = np.diff(bounds) > 0
    if len(account):  # (the earliest account that gives the event's date: its first account's)
        first = np.repeat(account_order[bounds[:-1][has]], np.diff(bounds)[has])
        given = np.where(_same_date(accounts, account_order, first), account[account_order], NEVER)
        event[has] = np.minimum.reduceat(given, bounds[:-1][has])
    return _disputes(accounts, account, undated, event, account_order, bounds, disputed)


def grow_known(
    previous: KnownFrom,
    accounts: pd.DataFrame,
    accounts_from: int,
    added: np.ndarray,
    account_event: np.ndarray,
    account_order: np.ndarray,
    bounds: np.ndarray,
    disputed: np.ndarray,
) -> KnownFrom:
    """`known_from(accounts, ...)`, from `previous` (that of accounts[:accounts_from]), the events
    at `added` being new, and the accounts appended after them (of the events at
    `account_event`): only the appended accounts are read, and the accounts of the disputed
    events (a few percent of them)."""
    more, more_undated = _accounts_known(accounts.iloc[accounts_from:])
    account = model.appended(previous.account, more)
    undated = model.appended(previous.undated, more_undated)
    # When each event's date was first given (known_from): an added event's from its (appended)
    # accounts; an event joined keeps its own unless an appended account giving it was known before.
    appended = np.arange(accounts_from, len(accounts))
    first = account_order[bounds[account_event]]  # (each appended account's event's first account)
    more = np.where(_same_date(accounts, appended, first), more, NEVER)
    new = np.isin(account_event, added)
    earliest = np.full(len(added), NEVER, dtype=np.int64)
    np.minimum.at(earliest, np.searchsorted(added, account_event[new]), more[new])
    event = _put(previous.event, added, earliest) if len(added) else previous.event
    joined, sooner = account_event[~new], more[~new]
    if len(joined) and (sooner < event[joined]).any():
        event = event.copy()
        np.minimum.at(event, joined, sooner)
        model.read_only(event)
    # The disputed events' accounts, as before when the same events are disputed (where they
    # are now) and none of them is appended to: only their positions are new.
    disputed_events = np.flatnonzero(disputed & (bounds[1:] > bounds[:-1]))
    was = previous.disputed_events
    if (
        np.array_equal(disputed_events, was + np.searchsorted(added - np.arange(len(added)), was, side="right"))
        and not np.isin(account_event, disputed_events).any()
    ):
        return replace(previous, account=account, undated=undated, event=event, disputed_events=disputed_events)
    return _disputes(accounts, account, undated, event, account_order, bounds, disputed)


def _same_date(accounts: pd.DataFrame, these: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    """Whether each of the accounts at `these` gives the date of the one at `firsts` (its event's
    first account, whose date the event is shown with): as of a date, an event is shown once
    an account giving its date is out, never with a date nobody had given yet. The same
    precisions, and the same moments: on one clock, or on two that make them one (14:30+06:00 and
    08:30Z, as the panel and the disputes have them)."""
    n, rows = len(these), np.concatenate([these, firsts])
    same = np.ones(n, dtype=bool)
    for name in ("precision", "end_precision"):
        column = accounts[name]
        codes = (
            column.cat.codes.to_numpy() if isinstance(column.dtype, pd.CategoricalDtype) else pd.factorize(column)[0]
        )
        same &= codes[rows[:n]] == codes[rows[n:]]
    found = model.account_offsets(accounts["offset"]) if "offset" in accounts else None
    shift = np.zeros(len(rows), dtype=np.int64)
    if found is not None:  # (else one offset at most: the same clock, or none)
        shift, given = found[0][rows].astype(np.int64), found[1][rows]
        same &= given[:n] == given[n:]
    for name in ("start", "end"):
        values = seconds(accounts[name].to_numpy()[rows])
        moments = np.where(values == np.iinfo(np.int64).min, values, values - shift)
        same &= moments[:n] == moments[n:]
    return same


def _accounts_known(accounts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per account: when it became known (int64 seconds), and whether its day is not known."""
    if not len(accounts):
        return np.zeros(0, np.int64), np.zeros(0, bool)
    start = seconds(accounts["start"])
    published = seconds(accounts["published_at"])
    no_date = published == np.iinfo(np.int64).min
    undated = no_date.copy()
    # (by the category's codes: no string per account)
    precision = accounts["published_precision"].astype("category").cat
    coarse = [i for i, name in enumerate(precision.categories) if name in ("year", "month")]
    undated |= np.isin(precision.codes.to_numpy(), coarse)
    account = np.where(undated, np.maximum(np.where(no_date, start, published), start), published)
    return account, undated


def _disputes(
    accounts: pd.DataFrame,
    account: np.ndarray,
    undated: np.ndarray,
    event: np.ndarray,
    account_order: np.ndarray,
    bounds: np.ndarray,
    disputed: np.ndarray,
) -> KnownFrom:
    """The KnownFrom of these, with what it takes to tell the disputes as of a date."""
    has = bounds[1:] > bounds[:-1]
    # The accounts of the events disputed with every account known: only these can be
    # disputed by a date (fewer accounts known can only agree more).
    disputed_events = np.flatnonzero(disputed & has)
    lo, hi = bounds[disputed_events], bounds[disputed_events + 1]
    sizes = hi - lo
    picked = (
        account_order[np.repeat(lo - np.cumsum(np.concatenate([[0], sizes[:-1]])), sizes) + np.arange(int(sizes.sum()))]
        if len(sizes)
        else np.zeros(0, np.int64)
    )
    group_starts = (
        np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if len(sizes) else np.zeros(0, np.int64)
    )

    # (Their offsets, where two differ: the dates are compared on one clock, disputed_at's.)
    found = model.account_offsets(accounts["offset"].take(picked)) if len(picked) and "offset" in accounts else None
    offsets, given = found if found is not None else (None, None)

    def column(name, missing):
        if not len(picked):
            return np.zeros(0, np.int64)
        values = seconds(accounts[name].to_numpy()[picked])
        return np.where(values == np.iinfo(np.int64).min, missing, values)

    return KnownFrom(
        account=account,
        undated=undated,
        event=event,
        disputed_events=disputed_events,
        starts=column("start", np.iinfo(np.int64).min),
        start_lasts=column("start_last", NEVER),
        ends=column("end", np.iinfo(np.int64).min),
        end_lasts=column("end_last", NEVER),
        known=account[picked],
        group_starts=group_starts,
        offsets=offsets,
        offset_given=given,
    )
