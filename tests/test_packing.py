"""timeline.view.packing: titles beside their marks, in sub-rows, never overlapping."""

from __future__ import annotations

import numpy as np
import pytest

from timeline.view import packing
from timeline.view.packing import Items, fit, label_extent, pack, text_width

WIDTH = 800.0


def points(lanes, centres, widths) -> Items:
    """Point events: a marker of radius 7 at each centre, a label of `widths` px."""
    centres = np.asarray(centres, dtype=float)
    return Items(
        lane=np.asarray(lanes, dtype=np.int64),
        anchor=centres,
        mark_low=centres - 7,
        mark_high=centres + 7,
        width=np.asarray(widths, dtype=float),
        inset=np.full(len(centres), packing.OFFSET),
    )


def boxes(items: Items, packed) -> list[tuple[int, int, float, float, str]]:
    """(lane, row, low, high, what) of every mark and every label drawn."""
    low, high = label_extent(items, packed.left)
    out = []
    for i in range(len(items.lane)):
        lane, row = int(items.lane[i]), int(packed.row[i])
        out.append((lane, row, items.mark_low[i], items.mark_high[i], f"mark {i}"))
        if packed.labelled[i]:
            out.append((lane, row, low[i], high[i], f"label {i}"))
    return out


def overlaps(items: Items, packed) -> list[tuple[str, str]]:
    """Pairs that overlap in one sub-row, where one of them is a label (marks may touch marks
    only in the overflow sub-row of plain marks)."""
    drawn = boxes(items, packed)
    found = []
    for a in range(len(drawn)):
        for b in range(a + 1, len(drawn)):
            la, ra, lowa, higha, wa = drawn[a]
            lb, rb, lowb, highb, wb = drawn[b]
            if (la, ra) != (lb, rb) or wa.split()[1] == wb.split()[1]:
                continue
            if "label" in wa + wb and lowa < highb and lowb < higha:
                found.append((wa, wb))
    return found


CASES = {
    # name: (lanes, centres, label widths, selected, max_rows, labelled, rows per lane)
    "one event": ([0], [100], [80], None, 8, [True], [1]),
    "far apart: one sub-row": ([0, 0, 0], [50, 300, 600], [100, 100, 100], None, 8, [True] * 3, [1]),
    "close: stacked": ([0, 0, 0], [50, 60, 70], [100, 100, 100], None, 8, [True] * 3, [3]),
    "a second lane never pushes the first": ([0, 1], [50, 50], [100, 100], None, 8, [True, True], [1, 1]),
    "beyond max_rows: plain marks": ([0] * 4, [50, 52, 54, 56], [100] * 4, None, 2, [True, True, False, False], [3]),
    "the selected one keeps its label": ([0] * 4, [50, 52, 54, 56], [100] * 4, 3, 2, [True, False, False, True], [3]),
    "a mark fits where its label does not": (
        [0, 0, 0],
        [50, 70, 400],
        [300, 300, 50],
        None,
        1,
        [True, False, True],
        [2],
    ),
    "same place, one sub-row each": ([0] * 3, [100] * 3, [60] * 3, None, 8, [True] * 3, [3]),
}


@pytest.mark.parametrize("lanes, centres, widths, selected, max_rows, labelled, rows", CASES.values(), ids=CASES.keys())
def test_pack(lanes, centres, widths, selected, max_rows, labelled, rows):
    items = points(lanes, centres, widths)
    packed = pack(items, WIDTH, max(lanes) + 1, selected, max_rows=max_rows)
    assert packed.labelled.tolist() == labelled
    assert packed.rows.tolist() == rows
    assert overlaps(items, packed) == []


def test_a_label_at_the_right_edge_goes_on_the_left():
    items = points([0, 0], [100, 780], [150, 150])
    packed = pack(items, WIDTH, 1)
    assert packed.left.tolist() == [False, True]
    low, high = label_extent(items, packed.left)
    assert low.min() >= 0 and high.max() <= WIDTH  # both inside the plot
    assert packed.labelled.all() and overlaps(items, packed) == []


def test_spans_hold_their_label_inside_and_later_events_wait_for_the_bar():
    # A bar from 100 to 500 with a short label inside; a point at 300 cannot share its sub-row.
    items = Items(
        lane=np.array([0, 0]),
        anchor=np.array([100.0, 300.0]),
        mark_low=np.array([100.0, 293.0]),
        mark_high=np.array([500.0, 307.0]),
        width=np.array([60.0, 60.0]),
        inset=np.array([packing.SPAN_INSET, packing.OFFSET]),
    )
    packed = pack(items, WIDTH, 1)
    assert packed.row.tolist() == [0, 1] and packed.labelled.all()


def test_events_of_one_place_keep_their_order_top_down():
    items = points([0] * 3, [100] * 3, [60] * 3)
    assert pack(items, WIDTH, 1).row.tolist() == [0, 1, 2]


def test_beyond_capacity_nothing_is_packed():
    items = points([0] * 5, [10, 100, 200, 300, 400], [50] * 5)
    packed = pack(items, WIDTH, 2, capacity=4)
    assert not packed.labelled.any() and packed.rows.tolist() == [0, 0]


def test_a_crowd_never_overlaps_and_the_selected_label_is_kept():
    rng = np.random.default_rng(7)
    n = 300
    items = points(rng.integers(0, 5, n), rng.uniform(0, WIDTH, n), rng.uniform(40, 250, n))
    packed = pack(items, WIDTH, 5, selected=123, max_rows=8)
    assert packed.labelled[123]
    assert 0 < packed.labelled.sum() < n  # some labelled, the rest plain marks
    assert packed.rows.max() <= 8 + 1  # the labels' sub-rows and one of marks
    assert overlaps(items, packed) == []


def crowd(n: int, lanes: int, seed: int = 7) -> Items:
    """`n` points spread over `lanes` lanes (the first lanes busier), labels 60-230 px wide."""
    rng = np.random.default_rng(seed)
    lane = np.minimum(rng.geometric(0.25, n) - 1, lanes - 1)
    return points(lane, rng.uniform(0, WIDTH, n), rng.uniform(60, 230, n))


CAPACITY_CASES = {
    # name: (items, lanes, max_total, capacity, all labelled?, labelled at least)
    "300 in view: every title, stacked": (300, 5, None, None, True, 300),
    "1,000 in view: every title, stacked as vis-timeline does": (1000, 20, None, None, True, 1000),
    "1,000 in one lane": (1000, 1, None, None, True, 1000),
    "the sub-rows run out: the later ones are plain marks": (1000, 20, 100, None, False, 300),
    "beyond the capacity: plain marks only": (1600, 20, None, None, False, 0),
    "a capacity of 1,500 still packs 1,500": (1500, 20, None, None, True, 1500),
}


@pytest.mark.parametrize(
    "n, lanes, max_total, capacity, everything, at_least", CAPACITY_CASES.values(), ids=CAPACITY_CASES.keys()
)
def test_crowds_up_to_the_capacity(n, lanes, max_total, capacity, everything, at_least):
    items = crowd(n, lanes)
    selected = n - 1  # the last in date order: labelled whatever the sub-rows left
    packed = pack(items, WIDTH, lanes, selected, max_total=max_total, capacity=capacity)
    assert bool(packed.labelled.all()) == everything
    assert packed.labelled.sum() >= at_least
    if n <= packing.CAPACITY:
        assert packed.labelled[selected]
        label_rows = [
            len({int(r) for r in packed.row[(items.lane == lane) & packed.labelled]}) for lane in range(lanes)
        ]
        assert sum(label_rows) <= (max_total or packing.MAX_TOTAL)
        # Plain marks go into the labels' sub-rows or one more below them.
        assert all(packed.rows[lane] <= label_rows[lane] + 1 for lane in range(lanes))
    else:
        assert packed.rows.tolist() == [0] * lanes
    assert overlaps_fast(items, packed) == 0


def overlaps_fast(items: Items, packed) -> int:
    """How many labels overlap another box of their sub-row (as `overlaps`, in O(n log n))."""
    low, high = label_extent(items, packed.left)
    boxes_ = [
        (int(items.lane[i]), int(packed.row[i]), items.mark_low[i], items.mark_high[i], i, False)
        for i in range(len(items.lane))
    ]
    boxes_ += [
        (int(items.lane[i]), int(packed.row[i]), low[i], high[i], i, True) for i in np.flatnonzero(packed.labelled)
    ]
    boxes_.sort(key=lambda b: (b[0], b[1], b[2]))
    found = 0
    for a, b in zip(boxes_, boxes_[1:]):
        if (a[0], a[1]) == (b[0], b[1]) and a[4] != b[4] and (a[5] or b[5]) and b[2] < a[3]:
            found += 1
    return found


@pytest.mark.parametrize(
    "text, pixels",
    [
        ("Tokayev orders forces to shoot to kill", 400),
        ("Tokayev orders forces to shoot to kill", 100),
        ("W" * 80, 120),
        ("short", 20),
    ],
)
def test_fit_shortens_with_an_ellipsis_within_the_width(text, pixels):
    shown = fit(text, pixels, 12)
    assert text_width(shown, 12) <= max(pixels, text_width("…", 12) + 12)
    assert shown == text or (shown.endswith("…") and text.startswith(shown[:-1]))
    if text_width(text, 12) <= pixels:
        assert shown == text
