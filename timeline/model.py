"""Accounts grouped into events: one row per id, with what its accounts say.

An event takes its title, category, date and place from its first account (in
file order). Its accounts are *disputed* when their dates cannot all be true at
once: "January 2022" and "7 January 2022" agree; 7 and 8 January do not.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

EVENT_COLUMNS = (
    "id", "start", "end", "precision", "end_precision", "offset", "title", "category",
    "category_key", "location", "lat", "lon",
)


def build_events(accounts: pd.DataFrame) -> pd.DataFrame:
    """One row per event, sorted by start then id; `order` is that position."""
    if not len(accounts):
        frame = pd.DataFrame({name: pd.Series([], dtype=accounts[name].dtype if name in accounts else "str")
                              for name in EVENT_COLUMNS})
        for name, dtype in (("accounts", "int64"), ("sources", "int64"), ("disputed", "bool"),
                            ("last", "datetime64[s]"), ("order", "int64")):
            frame[name] = pd.Series([], dtype=dtype)
        return frame
    # Events are numbered in order of first appearance: codes[i] is account i's event and
    # first[k] the position of event k's first account. Numpy on these, not groupby on strings.
    codes, ids = pd.factorize(accounts["id"])
    n = len(ids)
    first = np.flatnonzero(~pd.Index(codes).duplicated())
    count = np.bincount(codes, minlength=n)
    source_codes, source_names = pd.factorize(accounts["source"])
    named, width = source_codes >= 0, len(source_names) + 1
    pairs = pd.unique(codes[named].astype(np.int64) * width + source_codes[named])
    sources = np.bincount(pairs // width, minlength=n)
    # Dates agree when one moment lies inside every account's date.
    latest_start = accounts["start"].groupby(codes, sort=False).max().reindex(range(n))
    earliest_last = accounts["start_last"].groupby(codes, sort=False).min().reindex(range(n))
    disputed = (latest_start > earliest_last).to_numpy(dtype=bool)
    has_end = accounts["end"].notna().to_numpy()
    if has_end.any():
        end_codes = codes[has_end]
        latest_end = accounts["end"][has_end].groupby(end_codes, sort=False).max()
        earliest_end_last = accounts["end_last"][has_end].groupby(end_codes, sort=False).min()
        end_disputed = (latest_end > earliest_end_last).reindex(range(n), fill_value=False)
        disputed = disputed | end_disputed.to_numpy(dtype=bool)
    # The last moment the event covers: its end (at that precision) or its start's.
    end_last = accounts["end_last"].to_numpy()[first]
    last = np.where(np.isnat(end_last), accounts["start_last"].to_numpy()[first], end_last)
    # Sorted by start (NaT last), then id.
    start = accounts["start"].to_numpy()[first]
    keys = pa.table({"nat": np.isnat(start), "start": start.view(np.int64), "id": pa.array(ids.array)})
    order = pc.sort_indices(keys, sort_keys=[("nat", "ascending"), ("start", "ascending"),
                                             ("id", "ascending")]).to_numpy()
    events = accounts[list(EVENT_COLUMNS)].take(first[order]).reset_index(drop=True)
    events["accounts"] = count[order]
    events["sources"] = sources[order]
    events["disputed"] = disputed[order]
    events["last"] = last[order]
    events["order"] = np.arange(n, dtype=np.int64)
    return events
