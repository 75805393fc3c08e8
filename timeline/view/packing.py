"""Titles on the chart: which events are drawn with their title, and in which sub-row of their
lane, so that no two labels overlap and no label hides a mark (vis-timeline's stacking).

Everything here is in pixels along the time axis and pure: the chart (timeline.view.figure)
converts times to pixels for the width the browser reports and draws what `pack` decides.
An item is a mark (a point's marker, the visible part of a span's bar) with, when it fits, its
label beside it: to the right of the mark's anchor, or to its left near the right edge. Items
are placed in date order (the selected one first if it would go without); each takes the first sub-row of its lane
where it overlaps nothing, opening a new sub-row when none has room (as vis-timeline stacks: a
crowded view makes a tall chart, scrolled in its box). An item whose label fits in none of the
sub-rows allowed (`max_rows` in its lane, `max_total` in all) is drawn as a plain mark (in a
sub-row where its mark is clear of every label, or in an extra sub-row of plain marks below the
others). Beyond `capacity` items nothing is packed: the chart draws plain marks.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

GAP = 6.0  # pixels kept clear between two items of one sub-row
OFFSET = 10.0  # from a point's centre to its label (plotly's "middle right" text)
SPAN_INSET = 4.0  # from a span's visible start to its label, inside the bar
MAX_ROWS = 400  # sub-rows of labels per lane; more items are plain marks
MAX_TOTAL = 1200  # sub-rows of labels in all lanes (24,000 px of chart); more: plain marks
CAPACITY = 1500  # at most this many items are packed; beyond, plain marks only

# Widths of characters as a fraction of the font size: a conservative (wide) sans serif, so
# that a label's box is never wider on screen than estimated (DejaVu Sans, the widest of the
# usual system fonts, measured; Segoe UI, San Francisco and Roboto are narrower).
_NARROW = set("iljI.,:;'|!()[]{} ") | {"\u2019", "\u2018"}
_SEMI = set('frt-"/\\`*')
_WIDE = set("mwMW@%")
_CAPITAL = set("ABCDEFGHJKLNOPQRSTUVXYZ&#")


def char_width(ch: str) -> float:
    if ch in _NARROW:
        return 0.34
    if ch in _SEMI:
        return 0.44
    if ch in _WIDE:
        return 0.98
    if ch in _CAPITAL:
        return 0.76
    return 0.64


def text_width(text: str, size: float) -> float:
    """The width of `text` in pixels at font size `size`, estimated from its characters."""
    return size * sum(char_width(ch) for ch in text)


def fit(text: str, pixels: float, size: float) -> str:
    """`text` shortened with an ellipsis so that its estimated width is at most `pixels`."""
    if text_width(text, size) <= pixels:
        return text
    budget, kept = pixels - size * 0.9, []
    for ch in text:
        budget -= size * char_width(ch)
        if budget < 0:
            break
        kept.append(ch)
    return "".join(kept).rstrip(" ,;:.-") + "…"


@dataclass(frozen=True)
class Items:
    """What there is to place, one entry per item (numpy arrays of equal length).

    lane: the item's lane; anchor: where its label is measured from (a point's centre, a
    span's visible start, or its end for a title that does not fit in its bar); mark_low/
    mark_high: the mark's extent; width: its label's width; inset: from the anchor to the label
    (OFFSET for a point, SPAN_INSET for a span); left_anchor: where a label on the left of
    the mark ends, less its inset (the anchor, unless given: a span's visible start)."""

    lane: np.ndarray
    anchor: np.ndarray
    mark_low: np.ndarray
    mark_high: np.ndarray
    width: np.ndarray
    inset: np.ndarray
    left_anchor: np.ndarray | None = None

    @property
    def left_of(self) -> np.ndarray:
        return self.anchor if self.left_anchor is None else self.left_anchor


@dataclass(frozen=True)
class Packing:
    row: np.ndarray  # the item's sub-row within its lane (0: top)
    labelled: np.ndarray  # bool: drawn with its label
    left: np.ndarray  # bool: its label is on the left of its anchor
    rows: np.ndarray  # per lane: sub-rows used (0 for a lane with nothing in view)


def label_extent(items: Items, left: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each item's label is, left or right of its anchor (pixels)."""
    low = np.where(left, items.left_of - items.inset - items.width, items.anchor + items.inset)
    return low, low + items.width


def pack(
    items: Items,
    plot_width: float,
    lanes: int,
    selected: int | None = None,
    max_rows: int | None = None,
    capacity: int | None = None,
    max_total: int | None = None,
) -> Packing:
    """Sub-rows and labels for `items` in a plot `plot_width` pixels wide with `lanes` lanes.
    `selected` (an item's position) is always labelled: placed first when it would not be.
    `max_rows`, `max_total` and `capacity` default to MAX_ROWS, MAX_TOTAL and CAPACITY."""
    max_rows = MAX_ROWS if max_rows is None else max_rows
    max_total = MAX_TOTAL if max_total is None else max_total
    capacity = CAPACITY if capacity is None else capacity
    n = len(items.lane)
    # A label that would run past the right edge goes on the left of its mark when it fits there.
    right_end = items.anchor + items.inset + items.width
    left = (right_end > plot_width) & (items.left_of - items.inset - items.width >= 0)
    if n > capacity or n == 0:
        return Packing(np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool), left, np.zeros(lanes, dtype=np.int64))
    label_low, label_high = label_extent(items, left)
    whole_low = np.minimum(items.mark_low, label_low)
    whole_high = np.maximum(items.mark_high, label_high)
    order = np.lexsort((items.anchor, items.lane)).tolist()
    limits = (max_rows, max_total)
    row, labelled, taken, unplaced = _place(order, items.lane, lanes, whole_low, whole_high, limits)
    if selected is not None and not labelled[selected]:  # the selected title first, then the rest
        order.remove(selected)
        row, labelled, taken, unplaced = _place([selected] + order, items.lane, lanes, whole_low, whole_high, limits)
    overflow: dict[int, int] = {}
    for i in unplaced:  # plain marks, clear of every label
        lane = int(items.lane[i])
        found = _first_free(taken[lane], items.mark_low[i], items.mark_high[i], len(taken[lane]))
        if found is None:
            found = overflow.setdefault(lane, len(taken[lane]))  # below the others
        else:
            _take(taken[lane], found, items.mark_low[i], items.mark_high[i])
        row[i] = found
    rows = np.array([len(r) + (lane in overflow) for lane, r in enumerate(taken)], dtype=np.int64)
    return Packing(row, labelled, left, rows)


def _place(order, lane_of, lanes: int, whole_low, whole_high, limits: tuple[int, int]):
    """Items in `order`, each with its label in the first sub-row of its lane where it fits;
    `limits`: the sub-rows allowed in one lane and in all."""
    max_rows, max_total = limits
    n = len(lane_of)
    row, labelled = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    # taken[lane][r]: the intervals taken in sub-row r, as sorted starts and their ends.
    taken: list[list[tuple[list[float], list[float]]]] = [[] for _ in range(lanes)]
    unplaced, total = [], 0
    for i in order:
        lane_rows = taken[int(lane_of[i])]
        allowed = min(max_rows, len(lane_rows) + max(max_total - total, 0))
        found = _first_free(lane_rows, whole_low[i], whole_high[i], allowed)
        if found is None:
            unplaced.append(i)
            continue
        row[i], labelled[i] = found, True
        total += found == len(lane_rows)
        _take(lane_rows, found, whole_low[i], whole_high[i])
    return row, labelled, taken, unplaced


def _first_free(lane_rows, low: float, high: float, max_rows: int) -> int | None:
    for r, (starts, ends) in enumerate(lane_rows):
        k = bisect.bisect_left(starts, low)
        if k > 0 and ends[k - 1] + GAP > low:
            continue
        if k < len(starts) and starts[k] < high + GAP:
            continue
        return r
    return len(lane_rows) if len(lane_rows) < max_rows else None


def _take(lane_rows, r: int, low: float, high: float) -> None:
    if r == len(lane_rows):
        lane_rows.append(([], []))
    starts, ends = lane_rows[r]
    k = bisect.bisect_left(starts, low)
    starts.insert(k, float(low))
    ends.insert(k, float(high))
