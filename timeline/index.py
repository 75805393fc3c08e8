"""The arrays every view reads, built once per version of the file.

An `EventIndex` holds the events in date order as numpy arrays (start and end
in seconds, lane, disputed, ...), the lowercased text that search looks in,
and where each event's accounts are. Views filter and draw from these arrays
without per-event Python, so a million events stay interactive.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import dates
from .load import Dataset

SECONDS = "datetime64[s]"


@dataclass
class EventIndex:
    dataset: Dataset
    events: pd.DataFrame            # model.build_events order: by start, then id
    start: np.ndarray               # int64 seconds since 1970 (wall clock as written)
    last: np.ndarray                # int64 seconds: the last moment the event covers
    is_span: np.ndarray             # bool: has an end date
    x: np.ndarray                   # int64 seconds: where the event is drawn (a span's start,
                                    # the middle of what a point's date covers)
    lane: np.ndarray                # int: position of the event's category in `lanes`
    lanes: list[str]                # category names, in lane order (top first)
    disputed: np.ndarray            # bool
    lat: np.ndarray                 # float degrees, NaN where the event has no place
    lon: np.ndarray                 # float degrees, NaN where the event has no place
    approximate: np.ndarray         # bool: placed by its location's name (timeline.places)
    place: np.ndarray               # int: events at the same coordinates share a code; -1 no place
    source_code: np.ndarray         # per account: its outlet's position in `source_keys`
    source_keys: list[str]          # outlets, lowercased, as coded
    positions: pd.Index             # id -> position in `events`
    account_event: np.ndarray       # per account: the position of its event
    account_order: np.ndarray       # positions in dataset.accounts, grouped by event
    account_bounds: np.ndarray      # event i's accounts: account_order[b[i]:b[i+1]]
    outlets: list[tuple[str, int]] = field(default_factory=list)  # every outlet, its accounts
    distinct: dict = field(default_factory=dict)    # see distinct_values
    known: "KnownFrom | None" = None  # when each account became known (issue 15: as of a date)
    shown: np.ndarray | None = None   # per account: known by the as-of date (None: every account)
    as_of: int | None = None          # the as-of date's last second, in an index made by `at`

    def __len__(self) -> int:
        return len(self.events)

    def position(self, event_id: str | None) -> int | None:
        if not event_id:
            return None
        found = self.positions.get_indexer([event_id])[0]
        return None if found < 0 else int(found)

    def accounts_of(self, position: int) -> pd.DataFrame:
        """The event's accounts, in file order (as of the date, those known by then)."""
        lo, hi = self.account_bounds[position], self.account_bounds[position + 1]
        order = self.account_order[lo:hi]
        if self.shown is not None:
            order = order[self.shown[order]]
        return self.dataset.accounts.iloc[order]

    def at(self, as_of: int | None) -> "EventIndex":
        """The index as things stood at `as_of` (the last second of the as-of date): only the
        accounts known by then are `shown`, and an event is disputed only when its accounts
        known by then disagree. None: the index itself. (The events kept are `filters.apply`'s.)"""
        if as_of is None or self.known is None:
            return self
        known = self.known
        shown = known.account <= as_of
        disputed = self.disputed.copy()
        if len(known.disputed_events):
            disputed[known.disputed_events] = known.disputed_at(as_of)
        return replace(self, disputed=disputed, shown=shown, as_of=as_of)

    def values(self, name: str, positions) -> list:
        """One column of the events at some positions, as Python values (never the whole column)."""
        return self.events[name].iloc[positions].tolist()

    def date_labels(self, positions) -> list[str]:
        """`date_label` for many events at once."""
        chosen = self.events.iloc[positions]
        starts, ends = chosen["start"].to_numpy(), chosen["end"].to_numpy()
        labels = []
        for start, precision, offset, end, end_precision in zip(
                starts, chosen["precision"].tolist(), chosen["offset"].tolist(), ends,
                chosen["end_precision"].tolist()):
            text = dates.label(start, precision, offset)
            if end_precision:
                text += " to " + dates.label(end, end_precision)
            labels.append(text)
        return labels

    def date_label(self, position: int) -> str:
        events = self.events
        text = dates.label(events["start"].iat[position], events["precision"].iat[position],
                           events["offset"].iat[position])
        if self.is_span[position]:
            text += " to " + dates.label(events["end"].iat[position], events["end_precision"].iat[position])
        return text


def seconds(values) -> np.ndarray:
    """datetime64 values (NaT allowed) as int64 seconds; NaT becomes the int64 minimum."""
    return np.asarray(values, dtype=SECONDS).astype(np.int64)


def one_chunk(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns backed by one Arrow chunk each: taking a few rows then costs O(rows), where
    a many-chunk column is stitched together first (2 ms a column at 1.8M accounts)."""
    for name in frame.columns:
        array = frame[name].array
        if hasattr(array, "__arrow_array__"):
            chunked = array.__arrow_array__()
            if chunked.num_chunks > 1:
                frame[name] = pd.Series(pd.arrays.ArrowStringArray(
                    pa.chunked_array([chunked.combine_chunks()])), index=frame.index, dtype=frame[name].dtype)
    return frame


def build_index(dataset: Dataset) -> EventIndex:
    events = one_chunk(dataset.events)
    accounts = one_chunk(dataset.accounts)
    lanes, lane = _lanes(events)
    codes, keys = pd.factorize(accounts["source"].str.lower()) if len(accounts) else (np.zeros(0, int), [])
    source_code, source_keys = np.asarray(codes, dtype=np.int64), [str(k) for k in keys]
    positions = pd.Index(events["id"])
    # Accounts grouped by event, in event order, each group in file order.
    event_of_account = positions.get_indexer(accounts["id"]) if len(accounts) else np.zeros(0, int)
    account_order = np.argsort(event_of_account, kind="stable")
    counts = np.bincount(event_of_account, minlength=len(events)) if len(accounts) else np.zeros(len(events), int)
    bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    start, last = seconds(events["start"]), seconds(events["last"])
    is_span = events["end"].notna().to_numpy()
    return EventIndex(
        dataset=dataset,
        events=events,
        start=start,
        last=last,
        is_span=is_span,
        x=np.where(is_span, start, start + (last - start) // 2),
        lane=lane,
        lanes=lanes,
        disputed=events["disputed"].to_numpy(dtype=bool),
        lat=events["lat"].to_numpy(dtype=float),
        lon=events["lon"].to_numpy(dtype=float),
        approximate=events["approximate"].to_numpy(dtype=bool),
        place=_places(events["lat"].to_numpy(dtype=float), events["lon"].to_numpy(dtype=float)),
        source_code=source_code,
        source_keys=source_keys,
        positions=positions,
        account_event=event_of_account,
        account_order=account_order,
        account_bounds=bounds,
        outlets=_outlets(accounts),
        distinct=distinct_values(accounts),
        known=known_from(accounts, account_order, bounds, events["disputed"].to_numpy(dtype=bool)),
    )


def _places(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """A code per event: the same for events at the same coordinates (to about a metre), -1 for
    an event with no place. One pass (a hash of one integer per event), so that the map counts
    events per place with a bincount."""
    placed = np.isfinite(lat) & np.isfinite(lon)
    codes = np.full(len(lat), -1, dtype=np.int64)
    if placed.any():
        key = (np.round((lat[placed] + 90) * 1e5).astype(np.int64) * 40_000_000
               + np.round((lon[placed] + 180) * 1e5).astype(np.int64))
        codes[placed] = pd.factorize(key)[0]
    return codes


def _outlets(accounts: pd.DataFrame) -> list[tuple[str, int]]:
    counts = accounts["source"].value_counts()
    return sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: kv[0].lower())


def _lanes(events: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """Lanes in order of first appearance in time; named as first written."""
    if not len(events):
        return [], np.zeros(0, dtype=np.int64)
    codes, keys = pd.factorize(events["category_key"], sort=False)
    names = events.groupby("category_key", sort=False)["category"].first()
    return [str(names[k]) for k in keys], codes.astype(np.int64)


SEARCHED = ("title", "description", "location", "source", "claimed_by")
FEW_VALUED = ("location", "source", "claimed_by")   # searched through their distinct values


def _arrow(values) -> pa.Array:
    return values.__arrow_array__() if hasattr(values, "__arrow_array__") else pa.array(values)


def distinct_values(accounts: pd.DataFrame) -> dict[str, tuple[np.ndarray, pa.Array]]:
    """Per few-valued column: each account's code and the distinct values (a few hundred
    places or outlets among a million accounts, so a search looks at each once)."""
    found = {}
    for name in FEW_VALUED:
        codes, uniques = pd.factorize(accounts[name])
        found[name] = (codes.astype(np.int32), pa.array(np.asarray(uniques, dtype=object), pa.string()))
    return found


def events_with_text(index: EventIndex, word: str) -> np.ndarray:
    """A mask over events: those with `word` (any case) in any account's searched text."""
    accounts = index.dataset.accounts
    hit = np.zeros(len(accounts), dtype=bool)
    for name in SEARCHED:
        if name in index.distinct:
            codes, uniques = index.distinct[name]
            matched = pc.match_substring(uniques, word, ignore_case=True).to_numpy(zero_copy_only=False)
            hit |= matched[codes] if len(matched) else False
        else:
            arrow = _arrow(accounts[name].array)
            hit |= pc.match_substring(arrow, word, ignore_case=True).to_numpy(zero_copy_only=False)
    return events_of(index, hit)


def events_from_sources(index: EventIndex, sources) -> np.ndarray:
    """A mask over events: those with an account from one of `sources` (any case)."""
    wanted = {s.lower() for s in sources}
    codes = np.array([i for i, key in enumerate(index.source_keys) if key in wanted], dtype=np.int64)
    return events_of(index, np.isin(index.source_code, codes))


def events_of(index: EventIndex, account_mask: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(index), dtype=bool)
    mask[index.account_event[account_mask]] = True
    return mask


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
    so beside it."""
    account: np.ndarray          # per account: int64 seconds
    undated: np.ndarray          # per account: bool, its publication day is not known
    event: np.ndarray            # per event: its earliest account's `account` (NEVER: none)
    disputed_events: np.ndarray  # positions of the events disputed with every account known
    # Their accounts, grouped by event (groups start at `group_starts`), as int64 seconds:
    starts: np.ndarray
    start_lasts: np.ndarray
    ends: np.ndarray             # NaT as the int64 minimum
    end_lasts: np.ndarray        # NaT as the int64 maximum
    known: np.ndarray            # their `account` values
    group_starts: np.ndarray

    def disputed_at(self, as_of: int) -> np.ndarray:
        """Per disputed event: whether the accounts known by `as_of` already disagree (the
        model's rule: one account's date begins after another's has ended, for the start or
        for the end)."""
        known = self.known <= as_of
        low, high = np.iinfo(np.int64).min, NEVER
        result = np.zeros(len(self.group_starts), dtype=bool)
        for earliest, latest in ((self.starts, self.start_lasts), (self.ends, self.end_lasts)):
            has = known & (earliest != low) & (latest != high)
            greatest_start = np.maximum.reduceat(np.where(has, earliest, low), self.group_starts)
            least_last = np.minimum.reduceat(np.where(has, latest, high), self.group_starts)
            result |= greatest_start > least_last
        return result


def known_from(accounts: pd.DataFrame, account_order: np.ndarray, bounds: np.ndarray,
               disputed: np.ndarray) -> KnownFrom:
    n_events = len(bounds) - 1
    start = seconds(accounts["start"]) if len(accounts) else np.zeros(0, np.int64)
    published = seconds(accounts["published_at"]) if len(accounts) else np.zeros(0, np.int64)
    no_date = published == np.iinfo(np.int64).min
    undated = no_date.copy()
    if len(accounts):   # (by the category's codes: no string per account)
        precision = accounts["published_precision"].astype("category").cat
        coarse = [i for i, name in enumerate(precision.categories) if name in ("year", "month")]
        undated |= np.isin(precision.codes.to_numpy(), coarse)
    account = np.where(undated, np.maximum(np.where(no_date, start, published), start), published)
    event = np.full(n_events, NEVER, dtype=np.int64)
    counts = np.diff(bounds)
    has = counts > 0
    if len(account):
        grouped = account[account_order]
        event[has] = np.minimum.reduceat(grouped, bounds[:-1][has])
    # The accounts of the events disputed with every account known: only these can be
    # disputed by a date (fewer accounts known can only agree more).
    disputed_events = np.flatnonzero(disputed & has)
    lo, hi = bounds[disputed_events], bounds[disputed_events + 1]
    sizes = hi - lo
    picked = account_order[np.repeat(lo - np.cumsum(np.concatenate([[0], sizes[:-1]])), sizes)
                           + np.arange(int(sizes.sum()))] if len(sizes) else np.zeros(0, np.int64)
    group_starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if len(sizes) else np.zeros(0, np.int64)

    def column(name, missing):
        if not len(picked):
            return np.zeros(0, np.int64)
        values = seconds(accounts[name].to_numpy()[picked])
        return np.where(values == np.iinfo(np.int64).min, missing, values)

    return KnownFrom(
        account=account, undated=undated, event=event, disputed_events=disputed_events,
        starts=column("start", np.iinfo(np.int64).min), start_lasts=column("start_last", NEVER),
        ends=column("end", np.iinfo(np.int64).min), end_lasts=column("end_last", NEVER),
        known=account[picked], group_starts=group_starts,
    )
