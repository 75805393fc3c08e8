"""The filtered events as CSV for a spreadsheet: every account, in our own columns.

A cell that begins with `=`, `+`, `-` or `@` is prefixed with an apostrophe so
that a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np

from .. import schema
from ..index import EventIndex
from ..load import Dataset
from ..timelinejs import export as timelinejs

NUMBER = re.compile(schema.NUMBER)


def neutralise(value: str) -> str:
    text = str(value)
    if text.startswith(schema.FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def kept_accounts(index: EventIndex, mask: np.ndarray) -> np.ndarray:
    """Per account: its event is kept, and (as of a date) it was known by then."""
    kept = mask[index.account_event]
    return kept & index.shown if index.shown is not None else kept


def accounts_csv(index: EventIndex, mask: np.ndarray) -> str:
    accounts = index.dataset.accounts
    kept = kept_accounts(index, mask) if len(accounts) else None
    chosen = accounts[kept] if len(accounts) else accounts
    # In date order of their events, each event's accounts in file order.
    order: np.ndarray | list[int] = np.argsort(index.account_event[kept], kind="stable") if len(accounts) else []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(schema.NAMES)
    columns = [chosen[name].to_numpy() for name in schema.NAMES]
    for i in order:
        writer.writerow([neutralise(column[i]) for column in columns])
    return out.getvalue()


def timelinejs_json(index: EventIndex, mask: np.ndarray, title: str) -> str:
    """The kept events as a TimelineJS document, to publish the same chronology with TimelineJS."""
    accounts = index.dataset.accounts
    chosen = accounts[kept_accounts(index, mask)] if len(accounts) else accounts
    subset = Dataset(index.events[mask], chosen)
    return timelinejs.to_json(timelinejs.document(subset, title))
