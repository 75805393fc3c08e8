"""The list of events beside the chart, as plain data, and stepping through it (Previous and
Next): the kept events in date order, a page of them at a time around the selection.

Text stays text: the app renders these strings as text nodes, never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..index import EventIndex
from ..state import State, step
from . import labels
from .figure import Window, colour, in_window


@dataclass(frozen=True)
class ListItem:
    id: str
    date: str
    title: str
    category: str
    colour: str
    disputed: bool
    accounts: int
    href: str
    selected: bool
    full_title: str = ""  # the whole title, when `title` is shortened (for a tooltip)


@dataclass(frozen=True)
class Listing:
    items: list[ListItem]
    first: int  # 1-based position of the first item among the kept events
    total: int  # the kept events
    in_file: int = 0  # the events of the file, kept or not


PAGE = 50  # list items shown at once (each is a few components on the page)


def listing(
    index: EventIndex,
    mask: np.ndarray,
    state: State,
    selected: int | None,
    window: Window | None = None,
    keep: str = "",
) -> Listing:
    """The kept events in date order; past PAGE of them, the page around the selection, or with
    none, the page that begins with the first event the chart shows (`window`, else the address's
    zoom; it was the file's first page: "Read the events as a list" led to events of other years),
    the last page for a view after every event. `keep`: the id of the event the list begins with
    now; with none chosen, the page that begins with it stays while it is kept and shows an event
    the chart shows (Close, or Escape, on an event of page 30-79 of a chart that begins in 2017
    turned the list to page 1-50, and focus could not go back to the event in it)."""
    kept = np.flatnonzero(mask)
    start = 0
    window = window or (Window(*state.window) if state.window is not None else None)
    if len(kept) > PAGE and selected is not None:
        where = int(np.searchsorted(kept, selected))
        start = max(0, min(where - PAGE // 2, len(kept) - PAGE))
    elif len(kept) > PAGE:
        drawn = in_window(index, mask, window) if window is not None else None
        first = index.position(keep) if keep else None
        begins = int(np.searchsorted(kept, first)) if first is not None and mask[first] else None
        if begins is not None and (drawn is None or drawn[kept[begins : begins + PAGE]].any()):
            start = begins  # (the page shown, which shows an event the chart shows)
        elif drawn is not None and len(seen := np.flatnonzero(drawn)):
            start = max(0, min(int(np.searchsorted(kept, seen[0])), len(kept) - PAGE))
        elif (
            window is not None and index.x[kept[-1]] < window.low
        ):  # (a view after the last event: the page nearest it)
            start = len(kept) - PAGE
    shown = kept[start : start + PAGE]
    columns = zip(
        shown.tolist(),
        index.values("id", shown),
        index.values("title", shown),
        index.values("accounts", shown),
        index.date_labels(shown),
    )
    items = [
        ListItem(
            id=str(event_id),
            date=label,
            title=labels.shorten(str(title), labels.TITLE),
            full_title=labels.full_text(str(title), labels.TITLE),
            category=index.lanes[index.lane[p]],
            colour=colour(int(index.lane[p])),
            disputed=bool(index.disputed[p]),
            accounts=int(count),
            href="/" + state.select(str(event_id)).to_search(),
            selected=(p == selected),
        )
        for p, event_id, title, count, label in columns
    ]
    return Listing(items, start + 1, len(kept), len(index))


@dataclass(frozen=True)
class Step:
    """Where Previous or Next leads: an event's id and its title (shortened for the button)."""

    id: str  # "" when there is nowhere to go
    title: str
    full_title: str  # the whole title


NOWHERE = Step("", "", "")


def steps(
    index: EventIndex, mask: np.ndarray, current: str, window: tuple[int, int] | None = None
) -> tuple[Step, Step]:
    """The events that Previous and Next lead to (state.step; `window`: what the chart shows,
    figure.shown_window, where they lead from no event), or NOWHERE at either end."""
    found = []
    for direction in (-1, 1):
        target = step(index, mask, current, direction, window)
        position = index.position(target)
        if position is None or target == current:
            found.append(NOWHERE)
            continue
        title = str(index.events["title"].iat[position])
        found.append(Step(target, labels.shorten(title, labels.STEP), title))
    return found[0], found[1]
