"""The filtered events as CSV for a spreadsheet: every account, in our own columns.

A cell that begins with `=`, `+`, `-` or `@` is prefixed with an apostrophe so
that a spreadsheet shows it as text instead of running it as a formula; a date BC as ISO writes
it (`-0044-03-15`) is written in words instead (`15 March 44 BC`), which no spreadsheet runs and
`check` reads back as the same date.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import csvfile, dates, i18n, schema
from ..i18n import ngettext, number
from ..index import EventIndex, withdrawn
from ..load import Dataset
from ..timelinejs import export as timelinejs

# neutralise and csvfile.quote, a column at once (pyarrow's RE2: `\p{Nd}` is any script's digit,
# as Python's `\d` in schema.NUMBER, which `check` reads a plain number with).
_FORMULA = "^[" + re.escape("".join(schema.FORMULA_START)) + "]"
_NUMBER = "^(?:" + schema.NUMBER.replace(r"\d", r"\p{Nd}") + ")$"
_QUOTED = "[" + re.escape(csvfile.QUOTED) + "]"


def neutralise(value: str) -> str:
    """A value as the export writes it before quoting: with an apostrophe before it if it begins
    as a formula does and is no plain number (schema.FORMULA_START, schema.NUMBER)."""
    return _neutralised(pa.array([str(value)], pa.large_string()))[0].as_py()


def _neutralised(text: pa.Array) -> pa.Array:
    formula = pc.and_(pc.match_substring_regex(text, _FORMULA), pc.invert(pc.match_substring_regex(text, _NUMBER)))
    return pc.if_else(formula, _around(text, "'", ""), text)


def _around(text: pa.Array, before: str, after: str) -> pa.Array:
    """Each value of `text` with `before` and `after` it."""
    return pc.binary_join_element_wise(
        pa.scalar(before, text.type), text, pa.scalar(after, text.type), pa.scalar("", text.type)
    )


def bc_in_words(text: str) -> str | None:
    """A date BC as ISO writes it (`-0044-03-15`, `-0500-03`), in the words `check` reads back as
    the same date, at its precision (`15 March 44 BC`, `March 500 BC`); None where none does."""
    return _in_words([text]).get(text)


def _in_words(texts) -> dict[str, str]:
    """bc_in_words of each distinct text, those that have words: each column read at once
    (dates.parse_series; one by one, a million dates BC would take a request an hour)."""
    written = pd.unique(pd.Series(list(texts), dtype="str"))
    parsed = dates.parse_series(pd.Series(written, dtype="str"))
    value, precision, offset = parsed.value.tolist(), parsed.precision.tolist(), parsed.offset.tolist()
    with i18n.using(i18n.ENGLISH):
        words = [
            "" if text in parsed.errors else dates.label(v, p, o)
            for text, v, p, o in zip(written, value, precision, offset)
        ]
    again = dates.parse_series(pd.Series(words, dtype="str"))
    # (the same offset however written: +0200 read back from the words' +02:00)
    clock = zip(*dates.offset_seconds(parsed.offset.tolist()))
    clock_again = zip(*dates.offset_seconds(again.offset.tolist()))
    return {
        text: word
        for text, word, v, p, o, v2, p2, o2 in zip(
            written, words, value, precision, clock, again.value.tolist(), again.precision.tolist(), clock_again
        )
        if word and word not in again.errors and word not in again.warnings and (v, p, o) == (v2, p2, o2)
    }


def _dates_in_words(column: pa.Array, shape: str = "^-") -> pa.Array:
    """A date column with its dates BC in words (bc_in_words), where they read back so; those of
    values of `shape` (RE2), in a column of dates and other words (`retracted`: `-1` is yes)."""
    bc = pc.match_substring_regex(column, shape)
    if not pc.any(bc).as_py():
        return column
    written = pc.filter(column, bc).to_pylist()
    words = _in_words(written)
    return pc.replace_with_mask(column, bc, pa.array([words.get(text, text) for text in written], column.type))


def kept_accounts(index: EventIndex, mask: np.ndarray) -> np.ndarray:
    """Per account: its event is kept, and (as of a date) it was known by then."""
    kept = mask[index.account_event]
    return kept & index.shown if index.shown is not None else kept


def as_known(index: EventIndex, chosen: pd.DataFrame) -> pd.DataFrame:
    """Accounts (rows of `Dataset.accounts`) as they stood at the as-of date: a retraction made
    after it is not known yet, and not written (one with no day given is: `index.withdrawn`)."""
    if index.as_of is None or not len(chosen):
        return chosen
    later = chosen["is_retracted"].to_numpy() & ~withdrawn(
        chosen["is_retracted"].to_numpy(), chosen["retracted_on"].to_numpy(), index.as_of
    )
    if not later.any():
        return chosen
    chosen = chosen.copy()
    chosen.loc[later, "is_retracted"] = False
    chosen.loc[later, "retracted_on"] = np.datetime64("NaT")
    chosen.loc[later, "retracted"] = ""
    return chosen


# The most one export holds: the first in date order. A served file of a million rows would
# otherwise make a download of hundreds of MB (a TimelineJS document of 150,000 rows is 96 MB and
# 12 s of a worker's time; eight at once took a server down for a minute). The file's name then
# says how many of how many it holds (`exported_name`).
MOST_ACCOUNTS = 100_000  # accounts in a CSV export
MOST_EVENTS = 10_000  # events in a TimelineJS document (TimelineJS itself slows down long before)


def exported_name(name: str, held: int, total: int) -> str:
    """`name`, or when an export holds fewer than the view's `total`: `name-100000-of-812345`."""
    return name if held >= total else f"{name}-{held}-of-{total}"


class Export(NamedTuple):
    """A download: its text, its file's name (with no extension), and what the page says of it:
    the file and what it holds, and, where it holds fewer than the filters keep, that it does
    (`whole` is False), for the page to show and not only to say."""

    text: str
    name: str
    said: str
    whole: bool


BOM = "\ufeff"  # (Excel on Windows reads a CSV file without one in the computer's code page)


def csv_file(index: EventIndex, mask: np.ndarray, name: str) -> Export:
    """The CSV export of the kept events (at most MOST_ACCOUNTS accounts, whole events). It
    starts with a byte order mark, as events.csv and the files `add` creates do: opened in Excel
    with a double click, "Tokayev’s" read as "Tokayevâ€™s" without one."""
    total = int(np.count_nonzero(kept_accounts(index, mask))) if len(index.dataset.accounts) else 0
    text, held = _accounts_csv(index, mask, MOST_ACCOUNTS)
    whole = ngettext("{file}: {n} account", "{file}: {n} accounts", held)
    cut = ngettext(
        "{file}: the first {held} of {n} account in date order, the most one file holds. Filter to fewer events for the rest.",
        "{file}: the first {held} of {n} accounts in date order, the most one file holds. Filter to fewer events for the rest.",
        total,
    )
    return _made(BOM + text, exported_name(name, held, total), ".csv", held, total, whole if held >= total else cut)


def timelinejs_file(index: EventIndex, mask: np.ndarray, title: str, name: str) -> Export:
    """The TimelineJS export of the kept events (at most MOST_EVENTS)."""
    total = int(np.count_nonzero(mask))
    held = min(total, MOST_EVENTS)
    whole = ngettext("{file}: {n} event", "{file}: {n} events", held)
    cut = ngettext(
        "{file}: the first {held} of {n} event in date order, the most one file holds. Filter to fewer events for the rest.",
        "{file}: the first {held} of {n} events in date order, the most one file holds. Filter to fewer events for the rest.",
        total,
    )
    text = timelinejs_json(index, mask, title, MOST_EVENTS)
    return _made(text, exported_name(name, held, total), ".json", held, total, whole if held >= total else cut)


def _made(text: str, name: str, extension: str, held: int, total: int, said: str) -> Export:
    """An Export, its sentence (`said`, in the page's language) filled in."""
    filled = said.format(file=name + extension, n=number(total), held=number(held))
    return Export(text, name, filled, held >= total)


def accounts_csv(index: EventIndex, mask: np.ndarray, most: int | None = None) -> str:
    """The accounts of the kept events as CSV, in date order of their events (each event's in
    file order): the first `most` of them, whole events (`_whole_events`)."""
    return _accounts_csv(index, mask, most)[0]


def _whole_events(events: np.ndarray, most: int) -> int:
    """How many accounts of `events` (in order, each event's side by side) to take, at most
    `most`: an event is not cut (its claims would be half written) unless it is the first."""
    if len(events) <= most:
        return len(events)
    cut = most
    while cut > 0 and events[cut - 1] == events[cut]:
        cut -= 1
    return cut or most


def _accounts_csv(index: EventIndex, mask: np.ndarray, most: int | None = None) -> tuple[str, int]:
    """accounts_csv, and how many accounts it holds."""
    accounts = index.dataset.accounts
    kept = kept_accounts(index, mask) if len(accounts) else None
    chosen = as_known(index, accounts[kept]) if len(accounts) else accounts
    # In date order of their events, each event's accounts in file order (as of a date, one
    # giving the event's date first: _giving_first).
    order: np.ndarray | list[int] = _giving_first(index, chosen, index.account_event[kept]) if len(accounts) else []
    if most is not None and len(order):
        order = order[: _whole_events(index.account_event[kept][order], most)]
    if not len(order):
        return ",".join(schema.NAMES) + "\r\n", 0
    taken = pa.array(np.asarray(order, dtype=np.int64))
    columns = [pa.array(chosen[name], pa.large_string()).take(taken).fill_null("") for name in schema.NAMES]
    columns = [_dates_in_words(c) if n in schema.DATE_COLUMNS else c for n, c in zip(schema.NAMES, columns)]
    at = schema.NAMES.index("retracted")  # (a date BC it was withdrawn in, -0043-06-01; -1 is Excel's yes)
    columns[at] = _dates_in_words(columns[at], r"^-\d{4}")
    _event_heads(columns, index, index.account_event[kept][order])
    rows = pc.binary_join_element_wise(*(_cells(column) for column in columns), pa.scalar(",", pa.large_string()))
    return "\r\n".join([",".join(schema.NAMES), *rows.to_pylist(), ""]), len(order)


def _giving_first(index: EventIndex, chosen: pd.DataFrame, events: np.ndarray) -> np.ndarray:
    """The order to write `chosen` (accounts in file order, each of the event at `events`): by
    event, each event's accounts in file order; as of a date, the first that gives the event's
    date (the one the page shows it at) first. An event takes its date from its first row: its
    first account not known yet and left out, a later one of another date, written first, moved
    the event to that date when the file was read back (a review's)."""
    if index.as_of is None or not len(events):
        return np.argsort(events, kind="stable")
    starts, precisions = index.events["start"].to_numpy(), index.events["precision"].to_numpy()
    gives = (chosen["start"].to_numpy() == starts[events]) & (chosen["precision"].to_numpy() == precisions[events])
    rank = np.ones(len(events), dtype=np.int8)
    first = np.flatnonzero(gives)
    rank[first[np.unique(events[first], return_index=True)[1]]] = 0
    return np.lexsort((np.arange(len(events)), rank, events))


def _event_heads(columns: list[pa.Array], index: EventIndex, events: np.ndarray) -> None:
    """Each event's first row written holds its title and category (schema.FIRST_ROW_REQUIRED),
    in place in `columns` (schema.NAMES'; `events`: each row's event, its rows side by side). As
    of a date, an event's first account may be one not known yet, and left out: its next, which
    holds neither, was written first, and `check` refused the whole event (a probe's)."""
    heads = np.flatnonzero(np.r_[True, events[1:] != events[:-1]])
    for name in schema.FIRST_ROW_REQUIRED:
        at = schema.NAMES.index(name)
        empty = heads[pc.equal(columns[at].take(pa.array(heads)), "").to_numpy(zero_copy_only=False)]
        if len(empty):
            mask = np.zeros(len(columns[at]), dtype=bool)
            mask[empty] = True
            given = index.events[name].astype(str).to_numpy()[events[empty]]
            columns[at] = pc.replace_with_mask(columns[at], pa.array(mask), pa.array(given, pa.large_string()))


def _cells(text: pa.Array) -> pa.Array:
    """A column's values as the export writes them: neutralised, then quoted as `add` quotes (a
    semicolon or a tab too, which spreadsheets split at), a column at once (a value at a time,
    100,000 accounts took a worker 2.9 s)."""
    text = _neutralised(text)
    text = pc.replace_substring(pc.replace_substring(text, "\r\n", "\n"), "\r", "\n")
    quoted = _around(pc.replace_substring(text, '"', '""'), '"', '"')
    return pc.if_else(pc.match_substring_regex(text, _QUOTED), quoted, text)


def timelinejs_json(index: EventIndex, mask: np.ndarray, title: str, most: int | None = None) -> str:
    """The kept events as a TimelineJS document, to publish the same chronology with TimelineJS:
    the first `most` of them in date order."""
    if most is not None and np.count_nonzero(mask) > most:
        mask = mask.copy()
        mask[np.flatnonzero(mask)[most:]] = False
    accounts = index.dataset.accounts
    chosen = as_known(index, accounts[kept_accounts(index, mask)]) if len(accounts) else accounts
    subset = Dataset(index.events[mask], chosen)
    return timelinejs.to_json(timelinejs.document(subset, title))
