"""The arrays every view reads, built once per version of the file.

An `EventIndex` holds the events in date order as numpy arrays (start and end
in seconds, lane, disputed, ...), the lowercased text that search looks in,
and where each event's accounts are. Views filter and draw from these arrays
without per-event Python, so a million events stay interactive.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

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
    lane: np.ndarray                # int: position of the event's category in `lanes`
    lanes: list[str]                # category names, in lane order (top first)
    disputed: np.ndarray            # bool
    text: pd.Series                 # lowercased title, descriptions, places, sources
    event_sources: pd.Series        # per event: the set of outlets, "\x1f"-joined
    positions: pd.Index             # id -> position in `events`
    account_event: np.ndarray       # per account: the position of its event
    account_order: np.ndarray       # positions in dataset.accounts, grouped by event
    account_bounds: np.ndarray      # event i's accounts: account_order[b[i]:b[i+1]]
    outlets: list[tuple[str, int]] = field(default_factory=list)  # every outlet, its accounts

    def __len__(self) -> int:
        return len(self.events)

    def position(self, event_id: str | None) -> int | None:
        if not event_id:
            return None
        found = self.positions.get_indexer([event_id])[0]
        return None if found < 0 else int(found)

    def accounts_of(self, position: int) -> pd.DataFrame:
        lo, hi = self.account_bounds[position], self.account_bounds[position + 1]
        return self.dataset.accounts.iloc[self.account_order[lo:hi]]

    def date_label(self, position: int) -> str:
        event = self.events.iloc[position]
        text = dates.label(event["start"], event["precision"], event["offset"])
        if pd.notna(event["end"]):
            text += " to " + dates.label(event["end"], event["end_precision"])
        return text


def seconds(values) -> np.ndarray:
    """datetime64 values (NaT allowed) as int64 seconds; NaT becomes the int64 minimum."""
    return np.asarray(values, dtype=SECONDS).astype(np.int64)


def build_index(dataset: Dataset) -> EventIndex:
    events = dataset.events
    accounts = dataset.accounts
    lanes, lane = _lanes(events)
    positions = pd.Index(events["id"])
    # Accounts grouped by event, in event order, each group in file order.
    event_of_account = positions.get_indexer(accounts["id"]) if len(accounts) else np.zeros(0, int)
    account_order = np.argsort(event_of_account, kind="stable")
    counts = np.bincount(event_of_account, minlength=len(events)) if len(accounts) else np.zeros(len(events), int)
    bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return EventIndex(
        dataset=dataset,
        events=events,
        start=seconds(events["start"]),
        last=seconds(events["last"]),
        is_span=events["end"].notna().to_numpy(),
        lane=lane,
        lanes=lanes,
        disputed=events["disputed"].to_numpy(dtype=bool),
        text=_search_text(accounts, positions),
        event_sources=_event_sources(accounts, positions),
        positions=positions,
        account_event=event_of_account,
        account_order=account_order,
        account_bounds=bounds,
        outlets=_outlets(accounts),
    )


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


def _search_text(accounts: pd.DataFrame, positions: pd.Index) -> pd.Series:
    if not len(accounts):
        return pd.Series([], dtype="str")
    per_account = (
        accounts["title"] + "\x1f" + accounts["description"] + "\x1f" + accounts["location"]
        + "\x1f" + accounts["source"] + "\x1f" + accounts["claimed_by"]
    ).str.lower()
    joined = per_account.groupby(accounts["id"], sort=False).agg("\x1e".join)
    return joined.reindex(positions).fillna("").astype("str").reset_index(drop=True)


def _event_sources(accounts: pd.DataFrame, positions: pd.Index) -> pd.Series:
    if not len(accounts):
        return pd.Series([], dtype="str")
    joined = ("\x1f" + accounts["source"].str.lower() + "\x1f").groupby(accounts["id"], sort=False).agg("".join)
    return joined.reindex(positions).fillna("").astype("str").reset_index(drop=True)
