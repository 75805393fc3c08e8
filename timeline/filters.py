"""What a viewer asked to see, read from and written to the page's address.

    /?event=shoot-to-kill-order&category=security&source=TASS&q=almaty&from=2022-01-05&to=2022-01-10
     &zoom=2022-01-06T12:00/2022-01-08

`State` is the whole shareable view: the selected event, the `Filters` and the time range the
chart is zoomed to (wall-clock times, as the chart's axis shows them).
`apply` turns filters into a mask over an `EventIndex`, vectorised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

import numpy as np

from . import dates
from .index import EventIndex, events_from_sources, events_with_text, seconds


@dataclass(frozen=True)
class Filters:
    categories: tuple[str, ...] = ()   # lane names as shown; matched case-insensitively
    sources: tuple[str, ...] = ()      # outlets; an event matches if any account is from one
    text: str = ""                     # every word must appear in the event's text
    date_from: str = ""                # as typed: any date form `check` accepts
    date_to: str = ""

    @property
    def active(self) -> bool:
        return bool(self.categories or self.sources or self.text or self.date_from or self.date_to)


@dataclass(frozen=True)
class State:
    event: str = ""
    filters: Filters = field(default_factory=Filters)
    zoom: tuple[int, int] | None = None   # (first, last) second shown, when the viewer zoomed

    @classmethod
    def from_search(cls, search: str | None) -> "State":
        args = parse_qs((search or "").lstrip("?"), keep_blank_values=False)

        def one(name: str) -> str:
            return (args.get(name) or [""])[-1].strip()

        def many(name: str) -> tuple[str, ...]:
            values = [v.strip() for v in args.get(name, []) if v.strip()]
            return tuple(dict.fromkeys(values))

        return cls(
            event=one("event"),
            filters=Filters(many("category"), many("source"), one("q"), one("from"), one("to")),
            zoom=zoom_from_text(one("zoom")),
        )

    def to_search(self) -> str:
        f = self.filters
        pairs = [("event", self.event)] if self.event else []
        pairs += [("category", c) for c in f.categories]
        pairs += [("source", s) for s in f.sources]
        pairs += [(k, v) for k, v in (("q", f.text), ("from", f.date_from), ("to", f.date_to)) if v]
        query = urlencode(pairs)
        if self.zoom:  # (digits, "-", "T", ":" and "/": nothing to escape, and easier to read)
            query += ("&" if query else "") + "zoom=" + zoom_text(self.zoom)
        return "?" + query if query else ""

    def select(self, event: str) -> "State":
        return replace(self, event=event or "")

    def zoomed(self, zoom) -> "State":
        """With the chart zoomed to (first, last) seconds; None or empty: not zoomed."""
        return replace(self, zoom=(int(zoom[0]), int(zoom[1])) if zoom else None)

    def with_filters(self, **changes) -> "State":
        return replace(self, filters=replace(self.filters, **changes))


def zoom_text(zoom: tuple[int, int]) -> str:
    """(first, last) seconds as the address shows them: 2022-01-06T12:00/2022-01-08, each end
    as short as it can be without losing a second (the page writes the same: see
    timeline/app/callbacks.py)."""
    return "/".join(_moment(second) for second in zoom)


def _moment(second: int) -> str:
    text = str(dates.iso_text(np.array([second], dtype=np.int64).astype("datetime64[s]"))[0])
    for tail in (":00", "T00:00"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text


_MOMENT = re.compile(r"-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?")


def zoom_from_text(text: str) -> tuple[int, int] | None:
    """`zoom_text` read back; None for anything else (a link cut short, a hand-edited one)."""
    first, _, last = text.partition("/")
    first, last = first.strip(), last.strip()
    if not (_MOMENT.fullmatch(first) and _MOMENT.fullmatch(last)):
        return None
    try:
        low, high = (int(np.datetime64(part, "s").astype(np.int64)) for part in (first, last))
    except (ValueError, TypeError, OverflowError):
        return None
    return (low, high) if low < high else None


def date_bound(text: str, last: bool = False) -> int | None:
    """A typed date as seconds: its first moment, or with last=True its last one."""
    if not text:
        return None
    try:
        when, precision, _ = dates.parse_one(text)
    except dates.DateError:
        return None
    value = dates.span_end(when, precision) if last else when
    return int(value.as_unit("s").to_datetime64().astype(np.int64))


def bad_dates(filters: Filters) -> list[str]:
    """The typed filter dates that cannot be read, with why."""
    problems = []
    for name, text in (("from", filters.date_from), ("to", filters.date_to)):
        if text:
            try:
                dates.parse_one(text)
            except dates.DateError as error:
                problems.append(f"'{name}' date {text!r} {error}")
    return problems


def apply(index: EventIndex, filters: Filters, words=None) -> np.ndarray:
    """A boolean mask over the index's events: those the filters keep.

    `words(word)` gives the events whose text holds a word; the app passes a cached one."""
    mask = np.ones(len(index), dtype=bool)
    if not len(index) or not filters.active:
        return mask
    if filters.categories:
        wanted = {c.lower() for c in filters.categories}
        lane_ok = np.array([name.lower() in wanted for name in index.lanes], dtype=bool)
        mask &= lane_ok[index.lane]
    if filters.sources:
        mask &= events_from_sources(index, filters.sources)
    for word in filters.text.split():
        mask &= words(word) if words else events_with_text(index, word)
    low, high = date_bound(filters.date_from), date_bound(filters.date_to, last=True)
    if low is not None:
        mask &= index.last >= low
    if high is not None:
        mask &= index.start <= high
    return mask


def step(index: EventIndex, mask: np.ndarray, current: str, direction: int) -> str:
    """The id of the previous (-1) or next (+1) kept event in date order."""
    kept = np.flatnonzero(mask)
    if not len(kept):
        return current
    position = index.position(current)
    if position is None:
        return str(index.events["id"].iat[kept[0] if direction > 0 else kept[-1]])
    beyond = kept[kept > position] if direction > 0 else kept[kept < position][::-1]
    return str(index.events["id"].iat[beyond[0]]) if len(beyond) else current


__all__ = ["Filters", "State", "apply", "step", "date_bound", "bad_dates", "seconds", "zoom_text",
           "zoom_from_text"]
