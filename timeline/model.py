"""Accounts grouped into events: one row per id, with what its accounts say.

An event takes its title, category, date and place from its first account (in
file order). Its accounts are *disputed* when their dates cannot all be true at
once: "January 2022" and "7 January 2022" agree; 7 and 8 January do not.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

EVENT_COLUMNS = (
    "id", "start", "end", "precision", "end_precision", "offset", "title", "category",
    "category_key", "location", "lat", "lon", "description", "source",
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
    first = accounts.drop_duplicates("id", keep="first")
    events = first[list(EVENT_COLUMNS)].set_index("id")
    grouped = accounts.groupby("id", sort=False)
    events["accounts"] = grouped.size()
    events["sources"] = grouped["source"].nunique()
    # Dates agree when one moment lies inside every account's date.
    latest_start = grouped["start"].max()
    earliest_last = grouped["start_last"].min()
    disputed = latest_start > earliest_last
    with_end = accounts[accounts["end"].notna()]
    if len(with_end):
        ends = with_end.groupby("id", sort=False)
        end_disputed = ends["end"].max() > ends["end_last"].min()
        disputed = disputed | end_disputed.reindex(disputed.index, fill_value=False)
    events["disputed"] = disputed
    # The last moment the event covers: its end (at that precision) or its start's.
    events["last"] = first.set_index("id")["end_last"].fillna(first.set_index("id")["start_last"])
    events = events.reset_index().sort_values(["start", "id"], kind="stable").reset_index(drop=True)
    events["order"] = np.arange(len(events), dtype=np.int64)
    return events
