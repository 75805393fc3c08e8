"""The timeline chart as a plotly figure (a plain dict): time across, one lane per category.

When few events are in view each is drawn: points as markers, spans as bars,
disputed events as outlined diamonds, events of the same day in one lane
stacked so none hides another. When more than `MAX_MARKERS` are in view the
chart shows how many events fall in each time bin of each lane (a density
strip) and turns into individual events as the viewer zooms in.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .. import dates, i18n
from ..i18n import _, ngettext, number
from ..index import EventIndex
from ..state import WHOLE
from . import packing
from .labels import HOVER as HOVER_TITLE
from .labels import NAME as LANE_NAME
from .labels import shorten

MAX_MARKERS = 4000  # individual events drawn when at most this many are in view
BINS = 200  # density bins across the visible range
DAY = 86_400
NEIGHBOURS = MAX_MARKERS // 4  # events either side of a selection opened among too many
FOCUS = 0.1  # the opening view may leave out this share of outliers at each end

# Okabe & Ito's palette, safe for the common kinds of colour blindness; lanes also carry
# their names on the axis, so colour is never the only way to tell them apart.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933", "#882255", "#44AA99", "#332288")
DISPUTED_OUTLINE = "#111111"
SELECTED_COLOUR = "#111111"  # the selection ring: neutral, as colour means category
NEUTRAL = "#8c8c8c"  # the legend's shapes: colour is for categories, not shapes
NEUTRAL_EDGE = "#3d3d3d"
TEXT_COLOUR = "#1a1a1a"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
LABEL_SIZE = 12  # px: titles on the chart
LABEL_SHARE = 0.5  # a title takes at most this share of the plot's width (then "…")
LABEL_MIN = 140  # px: ... but may always take this much, where the plot has the room
GRAPH_WIDTH = 980  # px: the graph's width when the browser has not said (a 1440 px window)
ROW_PX = 20  # px: one sub-row of a lane
LANE_PAD = 0.6  # rows: space above and below a lane's sub-rows
MIN_LANE = 1.9  # rows: the height of a lane with one sub-row, or of plain marks
FRAME_PX = 190  # px: the figure's height less its lanes (legend, axis, range slider)
# The dates are above the lanes, where the chart opens (a chart taller than 960 px scrolls in its
# box, assets/style.css's .timeline-graph, which opens there too): under them, a chart of the
# default data ends below a 1440 x 900 window's fold (and a phone's), and a viewer saw titles
# with no dates.
DATES_SIDE = "top"
# The figure's frame, worked out here rather than by plotly.js's automatic margins: a margin
# plotly.js has to grow after drawing (for the lane names, the legend, the dates, the range
# slider) makes it draw the whole chart a second time, every title again. Each is sized a
# little larger than plotly.js needs, so it never grows (plotly.js still would, drawing twice,
# if a font were wider than estimated).
EDGE_PX = 10  # px: the figure's margin at the top, the bottom and the left
# px: ... and at the right, where the toolbar stands upright (its buttons 24 px and their padding):
# across the top, it was drawn over the legend's last entries ("Selected", in every language)
RIGHT_PX = 34
LEGEND_ROW_PX = 19  # px: a row of the legend (its 12 px text)
LEGEND_PAD_PX = 14  # px: the legend's own padding, above and below its rows
LEGEND_ITEM_PX = 50  # px: a legend entry's symbol and gaps, beside its text
DATES_PX = 40  # px: the dates' labels (two lines of 13 px) beside the lanes
SLIDER_GAP_PX = 15  # px: plotly.js's gap between the dates and the range slider
MODEBAR_COLOUR = "#666666"
SLIDER_PX = 30  # px: the range slider's least height (its handles are a share of it)
SLIDER_MARK_PX = 5  # px: a mark's size in the range slider (slider_marks, context_trace)
SLIDER_EDGE_PX = SLIDER_MARK_PX / 2 + 1  # px: the room above and below its lanes, for half a mark
TEXT_SHARE = 0.92  # of a text's estimated width (a wide font's, packing.text_width): what the
# lane names and the legend's entries take on screen
# The titled events are drawn on a second time axis laid over the first (the same range): the
# range slider draws every trace of the first again in its miniature, and 1,000 titles drawn
# twice, unreadable at that size, took a third of the chart's drawing.
TITLES_AXIS = "x2"
# Every trace type this module draws. The page loads plotly.js's cartesian bundle
# (assets/vendor/), a third of the full one, which registers these and not, say, scattergl:
# a new type here needs a bundle that has it (tests/browser/test_plotly_bundle.py checks).
TRACE_TYPES = ("scatter", "bar", "heatmap")


# The first and last moments plotly draws on a date axis (its MIN_MS and MAX_MS).
FIRST_SECOND = int(np.datetime64("-9999-01-01T00:00:00", "s").astype(np.int64))
LAST_SECOND = int(np.datetime64("9999-12-31T23:59:59", "s").astype(np.int64))


@dataclass(frozen=True)
class Window:
    """The visible time range, in seconds: within the years plotly can draw (-9999 to 9999;
    padding around a date at either end would take it past them, and the chart comes up empty)."""

    low: int
    high: int

    def __post_init__(self):
        low = min(max(int(self.low), FIRST_SECOND), LAST_SECOND)
        high = min(max(int(self.high), FIRST_SECOND), LAST_SECOND)
        if high <= low:  # (both past one end: a day at that end)
            low, high = (high - DAY, high) if high == LAST_SECOND else (low, low + DAY)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @classmethod
    def around(cls, index: EventIndex, mask: np.ndarray, selected: int | None = None, whole: bool = False) -> Window:
        """The opening view: all kept events, or where most of them are when a few outliers
        (background events years away) would squeeze the rest into a sliver; with `whole`,
        always all of them."""
        kept = np.flatnonzero(mask)
        if not len(kept):
            kept = np.arange(len(index))  # nothing kept: keep the file's own time frame
        if not len(kept):
            today = int(np.datetime64("today", "s").astype(np.int64))
            return cls(today - 30 * DAY, today + 30 * DAY)
        low, high = int(index.start[kept].min()), int(index.last[kept].max())
        if len(kept) >= 10 and not whole:
            # The shortest stretch of time that holds 1 - 2 * FOCUS of the events: the outliers
            # may all be at one end (two BC events before a story of one month: a share cut at
            # each end kept one of them, and the month was squeezed into a sliver).
            ordered, starts = kept, index.start[kept]  # (in date order: timeline.model)
            if (np.diff(starts) < 0).any():
                ordered = kept[np.argsort(starts, kind="stable")]
                starts = index.start[ordered]
            take = int(np.ceil(len(kept) * (1 - 2 * FOCUS)))
            first = int(np.argmin(starts[take - 1 :] - starts[: len(kept) - take + 1]))
            core = ordered[first : first + take]
            core_low = int(starts[first])
            core_high = max(int(starts[first + take - 1]), int(np.quantile(index.last[core], 1 - FOCUS)))
            # ... and the events near it (within its own length): the bulk's own edges, not
            # outliers years away.
            width = max(core_high - core_low, 1)
            near = ordered[(starts >= core_low - width) & (starts <= core_high + width)]
            core_low = int(index.start[near].min())
            core_high = min(int(index.last[near].max()), core_high + width)
            # (Most events at one moment: not a view two seconds wide, but a thousandth of the
            # span, or a day.)
            least = min((high - low) // 1000, DAY)
            if core_high - core_low < least:
                middle = (core_low + core_high) // 2
                core_low, core_high = middle - least // 2, middle + least // 2
            if (core_high - core_low) * 4 < high - low:
                low, high = core_low, core_high
        if selected is not None:
            low, high = min(low, int(index.start[selected])), max(high, int(index.last[selected]))
        return cls(low - padding(high - low), high + padding(high - low))

    def iso(self) -> list[str]:
        return [iso(self.low), iso(self.high)]


def window_of(zoom, index: EventIndex, mask: np.ndarray) -> Window | None:
    """The zoom in force as a Window: [first, last] seconds (or a Window), WHOLE (every kept
    event, as many as there are now), or None (the view's own)."""
    if isinstance(zoom, Window) or zoom is None:
        return zoom
    if zoom == WHOLE:
        return Window.around(index, mask, whole=True)
    return Window(*zoom) if len(zoom) else None


def padding(span: int) -> int:
    """Room either side of the data: proportional to its span (a chronology of minutes fills
    the chart as one of centuries does), a second at least."""
    return max(span // 25, 1)


def iso(second: int) -> str:
    return str(dates.iso_text(np.array([second], dtype=np.int64).astype("datetime64[s]"))[0]).replace("T", " ")


def isos(seconds: np.ndarray) -> np.ndarray:
    return dates.iso_text(seconds.astype("datetime64[s]"))


def point_x(index: EventIndex, positions: np.ndarray) -> np.ndarray:
    """Where a point event sits: the middle of what its date covers (7 January: its noon;
    January 2022: mid-month), so the mark lies inside its day in every time zone."""
    return index.x[positions]


def colour(lane: int) -> str:
    return PALETTE[lane % len(PALETTE)]


def in_window(index: EventIndex, mask: np.ndarray, window: Window) -> np.ndarray:
    """Kept events drawn inside the window: a span that overlaps it, a point whose mark is in it
    (a year-precision event sits at mid-year: it does not crowd every week of its year)."""
    overlaps = (index.last >= window.low) & (index.start <= window.high)
    drawn_inside = (index.x >= window.low) & (index.x <= window.high)
    return mask & np.where(index.is_span, overlaps, drawn_inside)


def view_window(
    index: EventIndex, mask: np.ndarray, selected: int | None = None, zoom: Window | None = None, follow: bool = False
) -> tuple[Window, bool]:
    """The window to draw and whether it is pinned (a zoom to keep) rather than the default.

    A zoom is kept as it is: the viewer may zoom away from the event selected, and a link to
    that view opens on it. With `follow` (an event just chosen, from the list or a step to the
    next), a zoom is moved to centre on a selection outside it. Without a zoom, a selection
    among more events than can be drawn opens on its neighbourhood (about NEIGHBOURS events
    either side), so a permalink into a million events shows that event, clickable, among its
    neighbours. (An event chosen as of a date before its date was given is not drawn to: its
    date is one nobody had given yet.)
    """
    if selected is not None and not index.dated(selected):
        selected = None
    if zoom is not None:
        if not follow or selected is None or zoom.low <= spot(index, selected) <= zoom.high:
            return zoom, True
        half = (zoom.high - zoom.low) // 2
        return Window(spot(index, selected) - half, spot(index, selected) + half), True
    window = Window.around(index, mask, selected)
    if selected is None or int(in_window(index, mask, window).sum()) <= MAX_MARKERS:
        return window, False
    kept = np.flatnonzero(mask)
    rank = int(np.searchsorted(kept, selected))
    first, last = kept[max(rank - NEIGHBOURS, 0)], kept[min(rank + NEIGHBOURS, len(kept) - 1)]
    low = min(int(index.start[first]), int(index.start[selected]))
    high = max(int(index.start[last]), spot(index, selected))
    pad = max((high - low) // 20, 60)
    return Window(low - pad, high + pad), True


def shown_window(index: EventIndex, mask: np.ndarray, zoom, event: str = "") -> tuple[int, int] | None:
    """The (first, last) second the chart shows with no event chosen, in the zoom in force
    (window_of's: a zoom, WHOLE, or None for the view's own, which a page opens on): where
    Previous and Next lead from no event (state.step). None when `event` is one of the index's:
    they step from it (and the view's window, 0.04 s at a million events, is not worked out)."""
    if index.position(event) is not None:
        return None
    window = view_window(index, mask, None, window_of(zoom, index, mask))[0]
    return window.low, window.high


def spot(index: EventIndex, position: int) -> int:
    """Where an event is drawn on the time axis: a span at its start, a point at its middle."""
    return int(index.x[position])


@dataclass(frozen=True)
class Lanes:
    """The lanes' bands on the y axis, in sub-rows (the first lane on top): lane i spans
    tops[i] to tops[i] + heights[i], its `rows[i]` sub-rows centred in it."""

    rows: np.ndarray
    # The lanes drawn (None: all). A lane the filters leave no event in takes no room and has no
    # name on the axis: filtered to one category, the chart is that category's lane, not seven
    # lanes of which six are empty. It is the filters' doing, not the view's, so a zoom or a pan
    # never moves a lane.
    shown: np.ndarray | None = None

    @property
    def heights(self) -> np.ndarray:
        heights = np.maximum(self.rows + LANE_PAD, MIN_LANE)
        return heights if self.shown is None else np.where(self.shown, heights, 0.0)

    def drawn(self) -> np.ndarray:
        """The lanes drawn, in order (their positions in the index's lanes)."""
        return np.arange(len(self.rows)) if self.shown is None else np.flatnonzero(self.shown)

    @property
    def tops(self) -> np.ndarray:
        return np.r_[0.0, np.cumsum(self.heights)[:-1]]

    @property
    def total(self) -> float:
        return float(self.heights.sum())

    def centres(self) -> np.ndarray:
        return self.tops + self.heights / 2

    def row_y(self, lanes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The centre of sub-row `rows` of lane `lanes`."""
        return self.tops[lanes] + (self.heights[lanes] - self.rows[lanes]) / 2 + rows + 0.5

    @classmethod
    def plain(cls, count: int, shown: np.ndarray | None = None) -> Lanes:
        return cls(np.zeros(max(count, 1), dtype=np.int64), shown)


def lanes_kept(index: EventIndex, mask: np.ndarray) -> np.ndarray | None:
    """The lanes with an event the filters keep (Lanes.shown); None when that is all of them, or
    none (the chart then says that nothing is kept, over every lane)."""
    if len(index.lanes) < 2 or mask.all():
        return None
    kept = np.bincount(index.lane[mask], minlength=len(index.lanes)) > 0
    return None if kept.all() or not kept.any() else kept


@dataclass(frozen=True)
class Frame:
    """Where the figure's parts go, in pixels: the margins (the top one holds the legend and the
    dates), the range slider's height, and the room under the lanes for the slider (the y
    axis's domain starts above it)."""

    top: int
    bottom: int
    left: int
    slider: float
    below: float
    height: int
    width: int | None = None  # the graph's, as the browser said it (None: not said yet)

    @property
    def inner(self) -> float:
        """The height between the top and bottom margins: the lanes and the room below them."""
        return max(self.height - self.top - self.bottom, 1)

    def domain(self) -> list[float]:
        return [round(min(self.below / self.inner, 0.9), 5), 1]

    def margin(self) -> dict:
        return {"l": self.left, "r": RIGHT_PX, "t": self.top, "b": self.bottom}


def legend_rows(names: list[str], width: float) -> int:
    """Rows the horizontal legend takes `width` pixels wide, as plotly.js lays it out (its
    legend/draw.js): on one row where every entry fits; else in columns as wide as the widest
    entry, as many to a row as fit. An entry of several lines (legend_name's) takes as many rows."""
    if not names:
        return 0
    lines = [name.split("<br>") for name in names]
    # (the text a little wider than measured: a row too many leaves a gap; one too few, plotly.js
    # grows the margin after a first draw, as Kazakh's at 1,280 px did)
    text = [max(packing.text_width(line, 12) for line in each) * TEXT_SHARE * LEGEND_TEXT_SAFE for each in lines]
    entries = [LEGEND_ITEM_PX + width_of_text for width_of_text in text]
    one_row = sum(entries) <= width
    rows, used, tallest = 1, 0.0, 1
    for entry, each in zip(entries, lines):
        step = entry if one_row else max(entries)
        if used and used + step > width:
            rows, used, tallest = rows + tallest, 0.0, 1
        used, tallest = used + step, max(tallest, len(each))
    return rows + tallest - 1


def legend_name(name: str, room: float | None, size: int = 12) -> str:
    """A legend entry's text (or a note's, in `size` px type), on as many lines as it needs to fit
    `room` pixels (plotly.js does not wrap it: on a phone, "Disputed: sources disagree on the
    date" in Kazakh ran off the screen)."""
    if room is None or packing.text_width(name, size) * TEXT_SHARE <= room:
        return name
    lines: list[str] = []
    for word in name.split():
        if lines and packing.text_width(f"{lines[-1]} {word}", size) * TEXT_SHARE <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def lane_names_px(index: EventIndex) -> int:
    """The lane names' width on the axis (the widest, after its coloured dot)."""
    widest = max((packing.text_width("● " + shorten(n, LANE_NAME), 13) for n in index.lanes), default=0)
    return int(np.ceil(widest * TEXT_SHARE))


def left_px(index: EventIndex) -> int:
    """The chart's left margin: the lane names, and a gap (where the plot and the legend begin)."""
    return EDGE_PX + lane_names_px(index) + 8


def frame(index: EventIndex, lanes: Lanes, legend: Sequence[str] = (), width: int | None = None) -> Frame:
    """The frame for these lanes, a legend of `legend`'s entries, in a graph `width` wide."""
    left = left_px(index)
    rows = legend_rows(list(legend), legend_px(width, left))
    top = EDGE_PX + (LEGEND_PAD_PX + LEGEND_ROW_PX * rows if rows else 0) + DATES_PX
    total = height(lanes, top)
    inner = max(total - top - EDGE_PX, 1)
    # (at least SLIDER_PX: a chart of one or two lanes, filtered so, had a slider of 10-16 px,
    # two dots and its handles 10 px high; `height` adds what it takes beyond its share)
    slider = max(SLIDER_PX, inner * _slider_share(lanes))
    below = SLIDER_GAP_PX + slider + 6
    return Frame(top=top, bottom=EDGE_PX, left=left, slider=slider, below=below, height=total, width=width)


TOOLBAR_PX = 64  # px: the chart's toolbar, down its right side on a phone, from the figure's right edge, and a gap
LEGEND_TEXT_SAFE = 1.06  # legend_rows: its text's width as measured, times this


def legend_px(width: int | None, left: int) -> int:
    """The legend's width: the figure's but for its edge and its right margin (plotly.js's, for a
    legend above the plot anchored left of it: the left margin and the plot). It starts at the
    figure's edge, above the lane names too (at 320 px, begun over the plot, it had half the
    width, and its entries, a word to a line, took the phone's first screen). Before the browser
    has said the graph's width (`width` None), over the plot (`left`: the left margin), where a
    guess of the width cannot put it off the figure or over the lane names."""
    return GRAPH_WIDTH - left - RIGHT_PX if width is None else width - RIGHT_PX - EDGE_PX


def legend_room(width: int | None, left: int) -> int:
    """The room for a legend entry's text (legend_name): clear of the toolbar down a phone's
    right side, beside the entry's symbol."""
    toolbar = 0 if width is None else TOOLBAR_PX - RIGHT_PX
    return legend_px(width, left) - toolbar - LEGEND_ITEM_PX


def legend_names(data: list[dict]) -> list[str]:
    """The legend's entries: the names of the traces it shows."""
    return [trace["name"] for trace in data if trace.get("showlegend", True)]


def figure(
    index: EventIndex,
    mask: np.ndarray,
    selected: int | None = None,
    window: Window | None = None,
    width: int | None = None,
) -> dict:
    """The whole figure for the kept events (`mask`), zoomed to `window` (default: all), for a
    graph `width` pixels wide (default: GRAPH_WIDTH)."""
    window = window or Window.around(index, mask, selected)
    data, lanes = drawing(index, mask, selected, window, width)
    return {"data": data, "layout": layout(index, window, lanes, mask, legend_names(data), width)}


def repacked(
    index: EventIndex, mask: np.ndarray, selected: int | None, window: Window, width: int | None = None
) -> tuple[list[dict], dict, dict]:
    """What a zoom changes: the traces, the lanes' part of the layout (their sub-rows), and the
    time axis's ticks, side and slider (its range is the viewer's)."""
    data, lanes = drawing(index, mask, selected, window, width)
    shape = frame(index, lanes, legend_names(data), width)
    return (
        data,
        lane_layout(index, lanes, shape),
        {
            **axis_ticks(window, plot_width(index, width), times_in_view(index, mask, window)),
            "side": DATES_SIDE,
            "rangeslider": range_slider(index, window, lanes, mask, shape),
        },
    )


def traces(
    index: EventIndex, mask: np.ndarray, selected: int | None, window: Window, width: int | None = None
) -> list[dict]:
    return drawing(index, mask, selected, window, width)[0]


def drawing(
    index: EventIndex, mask: np.ndarray, selected: int | None, window: Window, width: int | None = None
) -> tuple[list[dict], Lanes]:
    """The traces and the lanes they need. Few events in view: each with its title, packed
    in sub-rows (timeline.view.packing); more than packing.CAPACITY: plain marks; more than
    MAX_MARKERS: the density. Events outside the view are drawn small for the range slider."""
    visible = in_window(index, mask, window)
    count = int(visible.sum())
    shown = lanes_kept(index, mask)
    lanes = Lanes.plain(len(index.lanes), shown)
    room = legend_room(width, left_px(index))
    if count > MAX_MARKERS:
        data = [density(index, visible, window, lanes, room)]
    elif count > packing.CAPACITY:
        data = events_traces(index, np.flatnonzero(visible), lanes)
    else:
        data, lanes = labelled_traces(
            index,
            np.flatnonzero(visible),
            window,
            plot_width(index, width),
            selected if selected is not None and visible[selected] else None,
            shown,
        )
    ring = selected_trace(index, selected, mask, data, lanes)
    if any(trace.get("xaxis") == TITLES_AXIS for trace in data):
        ring["xaxis"] = TITLES_AXIS  # above the titled marks
        # The range slider draws the traces of the time axis: these small marks stand for the
        # titled ones there (in the chart, each lies under its own event's mark).
        data.append(slider_marks(data))
    data += [context_trace(index, mask & ~visible, lanes), ring]
    # Traces of the time axis first, then those of the titles' axis, as plotly.js layers them,
    # and the empty ones (which it does not draw) last: the browser tests find a trace's
    # elements in the order of the traces.
    data.sort(key=lambda trace: (not len(trace["x"]), trace.get("xaxis") == TITLES_AXIS))
    # The legend names the shapes drawn: none of them when the density stands for the events.
    return (data if count > MAX_MARKERS else legend_traces(room) + data), lanes


def plot_width(index: EventIndex, width: int | None) -> float:
    """The plot's width in pixels for a graph `width` wide: less the lane names on the left."""
    names = max((packing.text_width(shorten(n, LANE_NAME) + " ● ", 13) for n in index.lanes), default=0)
    return max((width or GRAPH_WIDTH) - names - 30, 100)


ONE_ROW_TOP = EDGE_PX + LEGEND_PAD_PX + LEGEND_ROW_PX + DATES_PX  # px: the top margin with the legend on one row


LANES_LEAST = 0.85  # of the lanes' ROW_PX a sub-row: what a wrapped legend may leave them (see `height`)


def height(lanes: Lanes, top: int = ONE_ROW_TOP) -> int:
    """The chart's height for these lanes: FRAME_PX and a sub-row's ROW_PX each, and what the
    range slider takes beyond its share of a small chart (SLIDER_PX, see `frame`), added to the
    chart, not taken from its lanes. `top`: the top margin (a wide chart's, its legend on one
    row). A narrow chart's legend wraps into rows that take the lanes' room, down to LANES_LEAST
    of it (a phone's chart of every event stays under the 960 px its box scrolls beyond); what
    they take beyond that is added (a phone's legend of five rows left one lane 2 px)."""
    share = _slider_share(lanes)
    plain = FRAME_PX + ROW_PX * lanes.total
    total = plain + max(0.0, np.ceil(SLIDER_PX - max(plain - top - EDGE_PX, 1) * share))
    inner = total - top - EDGE_PX
    room = inner - SLIDER_GAP_PX - max(SLIDER_PX, inner * share) - 6  # (the lanes': see `frame`)
    short = LANES_LEAST * ROW_PX * lanes.total - room
    return int(total + (np.ceil(short / (1 - share)) if short > 0 else 0))


def _slider_share(lanes: Lanes) -> float:
    """The range slider's share of the plot's height: about 50 px however tall the chart."""
    return min(0.07, 50 / max(ROW_PX * lanes.total, 1))


PLACEHOLDER_PACKED = 400  # events: the placeholder's height is worked out for as many


def placeholder(index: EventIndex) -> dict:
    """What the chart shows until its first figure arrives: a note, at the chart's height (so
    nothing below moves), not an empty pair of numbered axes."""
    lanes = Lanes.plain(len(index.lanes))
    if len(index) <= PLACEHOLDER_PACKED:  # the opening view's sub-rows, at the usual width
        mask = np.ones(len(index), dtype=bool)
        lanes = drawing(index, mask, None, Window.around(index, mask))[1]
    return {
        "data": [],
        "layout": {
            "height": height(lanes),
            "font": {"family": FONT, "size": 13},
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "annotations": [
                {
                    "text": _("Drawing the timeline…"),
                    "showarrow": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                }
            ],
        },
    }


def lane_name(name: str, lane: int) -> str:
    """A lane's name on the axis, after a dot of its colour: colour means category."""
    return f'<span style="color:{colour(lane)}">●</span> {html.escape(shorten(name, LANE_NAME), quote=False)}'


def lane_layout(index: EventIndex, lanes: Lanes, shape: Frame | None = None) -> dict:
    """The layout's parts that follow the lanes' sub-rows: the height, the margins, the y axis,
    the lines between lanes."""
    shape = shape or frame(index, lanes)
    drawn = lanes.drawn()[: len(index.lanes)]
    return {
        "height": shape.height,
        "margin": shape.margin(),
        # Above the chart and its dates, from the figure's left edge (legend_px): left of the
        # plot by the left margin, anchored there, plotly.js gives it the margin and the plot's
        # width (placed in the container, it wrapped at the plot's, and grew the margins after
        # a first draw).
        "legend": {
            "orientation": "h",
            "x": 0 if shape.width is None else -(shape.left - EDGE_PX) / max(shape.width - shape.left - RIGHT_PX, 1),
            "xanchor": "left",
            "y": 1.0 + DATES_PX / shape.inner,
            "yanchor": "bottom",
            "font": {"size": 12},
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": lanes.centres()[drawn].tolist(),
            "ticktext": [lane_name(index.lanes[i], i) for i in drawn.tolist()],
            "range": [lanes.total, 0],
            "fixedrange": True,
            "automargin": True,
            "domain": shape.domain(),
            "showgrid": False,
            "zeroline": False,
            "ticks": "",
        },
        "shapes": [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "yref": "y",
                "y0": top,
                "y1": top,
                "line": {"color": "#e4e4e4", "width": 1},
            }
            for top in lanes.tops[drawn[1:]].tolist()
        ],
    }


def range_slider(
    index: EventIndex, window: Window, lanes: Lanes, mask: np.ndarray | None = None, shape: Frame | None = None
) -> dict:
    """The slider under the chart: it covers the whole span, whatever the view; about 50 px
    thick however tall the chart (its thickness is a share of the plot's height). Its lanes are
    the chart's, with room above the first and below the last for half a mark (the first lane's
    marks, a pixel from its top edge, were cut in half)."""
    shape = shape or frame(index, lanes)
    whole = Window.around(index, np.ones(len(index), dtype=bool) if mask is None else mask, whole=True)
    whole = Window(min(whole.low, window.low), max(whole.high, window.high))
    edge = lanes.total * SLIDER_EDGE_PX / max(shape.slider - 2 * SLIDER_EDGE_PX, 1)
    return {
        "visible": True,
        "thickness": round(shape.slider / shape.inner, 5),
        "autorange": False,
        "range": whole.iso(),
        "yaxis": {"rangemode": "fixed", "range": [round(lanes.total + edge, 4), round(-edge, 4)]},
    }


def layout(
    index: EventIndex,
    window: Window,
    lanes: Lanes | None = None,
    mask: np.ndarray | None = None,
    legend: Sequence[str] = (),
    width: int | None = None,
) -> dict:
    lanes = lanes or Lanes.plain(len(index.lanes))
    shape = frame(index, lanes, legend, width)
    return {
        "font": {"family": FONT, "size": 13},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "hovermode": "closest",
        # (Plotly's own labels take each lane's colour, with dark or white text on it: 3.2:1 on
        # the olive, 3.4:1 on the green. Dark on white reads at any colour: 17:1.)
        "hoverlabel": {
            "bgcolor": "#ffffff",
            "bordercolor": TEXT_COLOUR,
            "font": {"color": TEXT_COLOUR, "family": FONT},
        },
        "dragmode": "zoom",
        # (the toolbar's icons: plotly.js's are grey at 30%, 1.7:1 on white; 5.7:1, as a control's
        # picture needs 3:1 at least, and the one pressed the text's colour)
        "modebar": {
            "color": MODEBAR_COLOUR,
            "activecolor": TEXT_COLOUR,
            "bgcolor": "rgba(255, 255, 255, 0.9)",
            "orientation": "v",
        },
        "uirevision": "timeline",
        "showlegend": True,
        "xaxis": {
            "type": "date",
            "range": window.iso(),
            "showgrid": True,
            "gridcolor": "#e6e6e6",
            "rangeslider": range_slider(index, window, lanes, mask, shape),
            "automargin": True,
            "side": DATES_SIDE,
            **axis_ticks(window, plot_width(index, width), times_in_view(index, mask, window)),
        },
        # The titles' time axis: laid over the first, always at its range, not drawn. Its range
        # is given as the first's is, so that a new view replaces a range the viewer zoomed to
        # (plotly.js keeps a zoom, per axis, while the figure's own range stays the same).
        "xaxis2": {"type": "date", "overlaying": "x", "matches": "x", "visible": False, "range": window.iso()},
        **lane_layout(index, lanes, shape),
        # (An empty chart says why: the filters keep no event.)
        "annotations": [] if mask is None or mask.any() or not len(index) else [nothing_kept(plot_width(index, width))],
    }


def nothing_kept(room: float | None = None) -> dict:
    """The note over a chart whose filters keep no event, on as many lines as fit `room` pixels
    (on one, a phone cut it off at both ends, and at 768 px in Russian it covered a lane's name)."""
    return {
        "text": legend_name(_("No event matches the filters: change them, or clear them"), room, size=15),
        "showarrow": False,
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "bgcolor": "#ffffff",
        "font": {"size": 15, "color": TEXT_COLOUR},
    }


HISTORICAL = int(np.datetime64("1000-01-01", "s").astype(np.int64))  # before: our own tick labels
FAR_FUTURE = int(np.datetime64("9000-01-01", "s").astype(np.int64))  # after: ours too (plotly's 10000: "0000")
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
_MONTH_STEPS = (1, 2, 3, 6)
_DAY_STEPS = (1, 2, 7, 14)
_TICKS = 7
# A plot narrower than this (px) gets fewer ticks, one per so many px: plotly's own labels (a time
# and its day on two lines, "00:00 / Jan 7, 2022") and ours ("9 Jan", "Jan 2022", "AD 600").
NO_TICKS = {"tickvals": None, "ticktext": None}  # (the ticks plotly.js places, none of ours)
NARROW_PLOT = 560
AUTO_TICK_PX, OUR_TICK_PX = 65, 70


def times_in_view(index: EventIndex, mask: np.ndarray | None, window: Window) -> bool:
    """Whether an event in view is known to less than a day (a time written): if none is, the
    time axis marks no hours (a day's event is drawn in the middle of its day, and an axis of
    hours said it happened at noon). Asked only of a view a few days wide."""
    if window.high - window.low >= DAYS_TICKED * DAY:
        return True
    kept = np.ones(len(index.start), dtype=bool) if mask is None else mask
    visible = np.flatnonzero(in_window(index, kept, window))
    return bool((index.last[visible] - index.start[visible] < DAY - 1).any())


DAYS_TICKED = 14  # a view narrower than so many days, with no time in it: ticked at each day's start


def axis_ticks(window: Window, plot: float | None = None, timed: bool = True) -> dict:
    """The time axis's ticks, on a plot `plot` pixels wide. plotly.js labels years before AD 1000 as
    "-0400" and "0600"; for a view that reaches back there, ticks labelled as a reader writes dates
    ("400 BC", "AD 600"); and for one that reaches the last millennium plotly draws, where it labels
    the year 10000 "0000". On a narrow plot (a phone's), fewer ticks, their labels kept level:
    plotly.js puts 5 at least, turned on end where they do not fit, and the legend above covers
    them ("2022 0:00 | 6:00 | 2:00" for a day: 12:00 and 18:00 cut). `timed`: whether an event
    in view has a time (times_in_view); a view of a day or more with none is ticked at the days'
    starts, not at hours."""
    narrow = plot is not None and plot < NARROW_PLOT
    if window.low >= HISTORICAL and (window.high < FAR_FUTURE or window.high - window.low < 2 * 365 * DAY):
        level = {"nticks": max(2, int(plot // AUTO_TICK_PX)), "tickangle": 0} if narrow and plot else {}
        days = (window.high - window.low) / DAY
        if not timed and 1 <= days < DAYS_TICKED:
            most = max(2, int(plot // AUTO_TICK_PX)) if plot else _TICKS
            step = next((s for s in _DAY_STEPS if days / s <= most), _DAY_STEPS[-1])
            # (from the first day in view: from 1 January 2000, a Saturday, a week's step ticked no
            # day of a view from 1 January 20:09 to 6 January 03:50 on a phone, and it had no dates)
            day = str(np.datetime64(-(-window.low // DAY), "D"))
            return {"tickmode": "linear", "tick0": day, "dtick": step * DAY * 1000, **NO_TICKS, **level}
        if narrow and plot and days >= 2 * 365:  # (plotly.js ticked six years on a phone once: 2020)
            most = max(2, int(plot // AUTO_TICK_PX))
            first, last = (1970 + v / (365.2425 * DAY) for v in (window.low, window.high))
            step = next((s for s in _YEAR_STEPS if math.floor(last / s) - math.ceil(first / s) < most), 5000)
            return {"tickmode": "linear", "tick0": "2000-01-01", "dtick": f"M{12 * step}", **NO_TICKS, **level}
        return {"tickmode": "auto", **NO_TICKS, "tick0": None, "dtick": None, **level}
    most = max(2, int(plot // OUR_TICK_PX)) if narrow and plot else _TICKS
    span = window.high - window.low
    low, high = (np.datetime64(int(v), "s") for v in (window.low, window.high))
    if span >= 2 * 365 * DAY:
        years = span / (365.2425 * DAY)
        step = next((s for s in _YEAR_STEPS if years / s <= most), _YEAR_STEPS[-1])
        # Round years as a reader counts them (400 BC, AD 200: there is no year 0), as
        # astronomical years (400 BC is -399).
        first, last = (int(v.astype("datetime64[Y]").astype(np.int64)) + 1970 for v in (low, high))
        written = [y for y in range(-(-(first - 1) // step) * step, last + 1, step) if y]
        ticks = np.array([dates.year_digits(y + 1 if y < 0 else y) for y in written], dtype="datetime64[s]")
        precision = "year"
    elif span >= 60 * DAY:
        months = span / (30.44 * DAY)
        step = next((s for s in _MONTH_STEPS if months / s <= most), 12)
        first = int(low.astype("datetime64[M]").astype(np.int64)) + 1
        first = -(-first // step) * step
        last = int(high.astype("datetime64[M]").astype(np.int64))
        ticks = np.arange(first, last + 1, step).astype("datetime64[M]").astype("datetime64[s]")
        precision = "month"
    elif span >= 2 * DAY:
        step = next((s for s in _DAY_STEPS if span / DAY / s <= most), 28)
        first = int(np.ceil(window.low / DAY))
        ticks = (np.arange(first, window.high // DAY + 1, step) * DAY).astype("datetime64[s]")
        precision = "day"
    else:
        step = 3600 * next((s for s in (1, 2, 3, 6, 12) if span / 3600 / s <= most), 24)
        ticks = (np.arange(-(-window.low // step), window.high // step + 1) * step).astype("datetime64[s]")
        precision = "minute"
    ticks = ticks[(ticks >= low) & (ticks <= high)]
    return {
        "tick0": None,
        "dtick": None,
        "tickmode": "array",
        "tickvals": [str(t) for t in dates.iso_text(ticks)],
        "ticktext": [dates.label(t, precision) for t in ticks],
    }


def stack_offsets(keys: np.ndarray) -> np.ndarray:
    """Vertical offsets so that items sharing a key (lane and day) sit side by side."""
    if not len(keys):
        return np.zeros(0)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.r_[0, np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1]
    sizes = np.diff(np.r_[starts, len(keys)])
    rank = np.arange(len(keys)) - np.repeat(starts, sizes)
    size = np.repeat(sizes, sizes)
    gap = np.minimum(0.8 / np.maximum(size, 1), 0.22)
    offsets = np.empty(len(keys))
    offsets[order] = (rank - (size - 1) / 2) * gap
    return offsets


def span_tracks(lanes: np.ndarray, starts: np.ndarray, lasts: np.ndarray) -> np.ndarray:
    """Greedy interval partitioning per lane: overlapping spans get different tracks."""
    tracks = np.zeros(len(lanes), dtype=int)
    ends: dict[int, list[int]] = {}
    for i in np.lexsort((starts, lanes)):
        lane_ends = ends.setdefault(int(lanes[i]), [])
        for track, end in enumerate(lane_ends):
            if end < starts[i]:
                lane_ends[track] = lasts[i]
                tracks[i] = track
                break
        else:
            lane_ends.append(lasts[i])
            tracks[i] = len(lane_ends) - 1
    return tracks


def hover_texts(index: EventIndex, positions: np.ndarray) -> list[str]:
    titles = index.values("title", positions)
    labels = index.date_labels(positions)
    counts = index.values("accounts", positions)
    disagree = _(" · sources disagree on the date")
    disputed = index.disputed[positions]
    line = i18n.chart_line  # (the app's words; the title is the editor's, in its own direction)
    return [
        f"<b>{html.escape(line(label), quote=False)}</b><br>{html.escape(shorten(title, HOVER_TITLE), quote=False)}"
        f"<br><i>{line(ngettext('{n} account', '{n} accounts', count).format(n=count))}{disagree if d else ''}</i>"
        for label, title, count, d in zip(labels, titles, counts, disputed)
    ]


def ink(hex_colour: str) -> str:
    """`hex_colour`, darkened until it has at least 3:1 contrast against white: the edge of a
    mark, so that every mark can be seen (WCAG 1.4.11), light colours included."""
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    while contrast(rgb) < 3.0:
        rgb = rgb * 0.9
    return "#" + "".join(f"{int(v):02x}" for v in rgb)


def contrast(rgb) -> float:
    """The contrast ratio of an sRGB colour (0-255) against white."""
    c = np.asarray(rgb, dtype=float) / 255
    linear = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ [0.2126, 0.7152, 0.0722])
    return 1.05 / (luminance + 0.05)


def tint(hex_colour: str, share: float = 0.35) -> str:
    """`hex_colour` mixed with white: a span's fill, dark text readable on it."""
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    return "#" + "".join(f"{int(round(255 - (255 - v) * share)):02x}" for v in rgb)


INKS = tuple(ink(c) for c in PALETTE)
TINTS = tuple(tint(c) for c in PALETTE)


def legend_traces(room: float | None = None) -> list[dict]:
    """The legend: the shapes in a neutral colour (colour means category, named on the lanes);
    each name within `room` pixels (legend_name)."""
    nothing = {"x": [None], "y": [None], "hoverinfo": "skip"}
    return [
        {
            "type": "scatter",
            "mode": "markers",
            "name": legend_name(_("Event"), room),
            **nothing,
            "marker": {"size": 11, "symbol": "circle", "color": NEUTRAL, "line": {"color": NEUTRAL_EDGE, "width": 1}},
        },
        {
            "type": "bar",
            "orientation": "h",
            "name": legend_name(_("Span (lasts a while)"), room),
            **nothing,
            "marker": {"color": "#dcdcdc", "line": {"color": NEUTRAL_EDGE, "width": 1}},
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": legend_name(_("Disputed: sources disagree on the date"), room),
            **nothing,
            "marker": {
                "size": 13,
                "symbol": "diamond",
                "color": NEUTRAL,
                "line": {"color": DISPUTED_OUTLINE, "width": 2.5},
            },
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": legend_name(_("Selected"), room),
            **nothing,
            "marker": {
                "size": 20,
                "symbol": "circle-open",
                "color": SELECTED_COLOUR,
                "line": {"width": 3, "color": SELECTED_COLOUR},
            },
        },
    ]


def span_trace(index: EventIndex, spans: np.ndarray, y: np.ndarray, ids: list[str], thick: float) -> dict:
    lanes = index.lane[spans] % len(PALETTE)
    disputed = index.disputed[spans]
    return {
        "type": "bar",
        "orientation": "h",
        "name": "spans",
        "showlegend": False,
        "base": isos(index.start[spans]).tolist(),
        "x": ((index.last[spans] - index.start[spans] + 1) * 1000).astype(float),
        "y": y.astype(float),
        "width": thick,
        "marker": {
            "color": [TINTS[lane] for lane in lanes.tolist()],
            "line": {
                "color": [DISPUTED_OUTLINE if d else INKS[lane] for d, lane in zip(disputed, lanes.tolist())],
                "width": [2.5 if d else 1.5 for d in disputed],
            },
        },
        "customdata": ids,
        "hovertext": hover_texts(index, spans),
        "hoverinfo": "text",
    }


def point_traces(
    index: EventIndex,
    points: np.ndarray,
    y: np.ndarray,
    ids: list[str],
    texts: list[str] | None = None,
    sides: list[str] | None = None,
) -> list[dict]:
    """Points: plain and disputed events, each with its title when `texts` gives one."""
    disputed = index.disputed[points]
    data = []
    for name, subset, symbol in (("events", ~disputed, "circle"), ("disputed events", disputed, "diamond")):
        chosen = points[subset]
        lanes = (index.lane[chosen] % len(PALETTE)).tolist()
        line = (
            {"color": DISPUTED_OUTLINE, "width": 2.5}
            if symbol == "diamond"
            else {"color": [INKS[lane] for lane in lanes], "width": 1.5}
        )
        trace = {
            "type": "scatter",
            "mode": "markers",
            "name": name,
            "showlegend": False,
            "x": isos(point_x(index, chosen)).tolist(),
            "y": y[subset].astype(float),
            "marker": {
                "size": 13 if symbol == "diamond" else 11,
                "symbol": symbol,
                "color": [PALETTE[lane] for lane in lanes],
                "line": line,
            },
            "customdata": [ids[i] for i in np.flatnonzero(subset).tolist()],
            "hovertext": hover_texts(index, chosen),
            "hoverinfo": "text",
        }
        if texts is not None:
            assert sides is not None, "a title is drawn on the side `sides` gives"
            keep = np.flatnonzero(subset).tolist()
            trace.update(
                mode="markers+text",
                text=[texts[i] for i in keep],
                textposition=[sides[i] for i in keep],
                textfont={"size": LABEL_SIZE, "color": TEXT_COLOUR, "family": FONT},
            )
        data.append(trace)
    return [trace for trace in data if len(trace["customdata"])]


def events_traces(index: EventIndex, positions: np.ndarray, lanes: Lanes | None = None) -> list[dict]:
    """Plain marks, no titles: events of one day in one lane side by side, overlapping spans
    on different tracks."""
    lanes = lanes or Lanes.plain(len(index.lanes))
    if not len(positions):
        return []
    ids = index.values("id", positions)
    is_span = index.is_span[positions]
    spans, points = positions[is_span], positions[~is_span]
    centre, thick = lanes.centres(), lanes.heights
    tracks = span_tracks(index.lane[spans], index.start[spans], index.last[spans])
    span_y = centre[index.lane[spans]] + (-0.3 + 0.12 * (tracks % 3)) * thick[index.lane[spans]]
    day_keys = index.lane[points] * 10_000_000 + index.start[points] // DAY
    point_y = centre[index.lane[points]] + (0.08 + stack_offsets(day_keys)) * thick[index.lane[points]]
    span_ids = [i for i, s in zip(ids, is_span) if s]
    point_ids = [i for i, s in zip(ids, is_span) if not s]
    data = [span_trace(index, spans, span_y, span_ids, 0.1 * MIN_LANE)] if len(spans) else []
    return data + point_traces(index, points, point_y, point_ids)


def labelled_traces(
    index: EventIndex,
    positions: np.ndarray,
    window: Window,
    width: float,
    selected: int | None,
    shown: np.ndarray | None = None,
) -> tuple[list[dict], Lanes]:
    """Each event with its title, packed in sub-rows of its lane (timeline.view.packing), of the
    lanes `shown` (Lanes.shown)."""
    if not len(positions):
        return [], Lanes.plain(len(index.lanes), shown)
    scale = width / max(window.high - window.low, 1)
    is_span = index.is_span[positions]
    visible_start = np.maximum(index.start[positions], window.low)
    anchor = np.where(is_span, visible_start, index.x[positions])
    anchor_px = (anchor - window.low) * scale
    radius = np.where(index.disputed[positions], 8.0, 7.0)
    end_px = (np.minimum(index.last[positions] + 1, window.high) - window.low) * scale
    mark_low = np.where(is_span, anchor_px, anchor_px - radius)
    mark_high = np.where(is_span, np.maximum(end_px, anchor_px + 2), anchor_px + radius)
    gap = np.where(is_span, packing.SPAN_INSET, packing.OFFSET)  # from the anchor to the title
    # A title at most LABEL_SHARE of the plot, and no wider than the room on the roomier side of
    # its mark (a narrow phone's chart), so that the plot's edge never cuts it: "…" says it is cut.
    room = np.maximum(width - anchor_px, anchor_px) - gap
    widest = max(LABEL_MIN, LABEL_SHARE * width)
    longest = np.minimum(widest, room).tolist()
    written = [shorten(t, HOVER_TITLE) for t in index.values("title", positions)]
    titles = [packing.fit(t, most, LABEL_SIZE) for t, most in zip(written, longest)]
    widths = np.array([packing.text_width(t, LABEL_SIZE) for t in titles])
    # A span's title goes in its bar where it fits there; else beside the bar (after its end, or
    # before its start near the right edge) where it has more room there, as a point's does: a
    # title never runs out of its bar across the bar's edge.
    left_anchor = anchor_px.copy()
    inside = mark_high - mark_low - 2 * packing.SPAN_INSET
    outside = np.minimum(widest, np.maximum(width - mark_high, mark_low) - packing.OFFSET)
    beside = np.flatnonzero(is_span & (widths > inside) & (outside > inside))
    for k in beside.tolist():
        titles[k] = packing.fit(written[k], float(outside[k]), LABEL_SIZE)
        widths[k] = packing.text_width(titles[k], LABEL_SIZE)
    anchor_px[beside], gap[beside] = mark_high[beside], packing.OFFSET
    items = packing.Items(
        lane=index.lane[positions],
        anchor=anchor_px,
        mark_low=mark_low,
        mark_high=mark_high,
        width=widths,
        inset=gap,
        left_anchor=left_anchor,
    )
    chosen = None if selected is None else int(np.searchsorted(positions, selected))
    packed = packing.pack(items, width, len(index.lanes), chosen)
    lanes = Lanes(packed.rows, shown)
    y = lanes.row_y(index.lane[positions], packed.row)
    ids = index.values("id", positions)
    texts = [(html.escape(t, quote=False) if on else "") or UNTITLED for t, on in zip(titles, packed.labelled.tolist())]
    sides = ["middle left" if left else "middle right" for left in packed.left.tolist()]
    data = []
    if is_span.any():
        spans = positions[is_span]
        data.append(span_trace(index, spans, y[is_span], [i for i, s in zip(ids, is_span) if s], 0.72))
        # A span's title inside its bar, from where the bar comes into view (or beside it).
        shown = is_span & packed.labelled
        at_px = np.where(packed.left, left_anchor - gap, anchor_px + gap)
        data.append(
            {
                "type": "scatter",
                "mode": "text",
                "name": "span titles",
                "showlegend": False,
                "xaxis": TITLES_AXIS,
                "x": isos((window.low + at_px / scale)[shown].astype(np.int64)).tolist(),
                "y": y[shown].astype(float),
                "text": [t for t, s in zip(texts, shown) if s],
                "textposition": [s for s, k in zip(sides, shown) if k],
                "textfont": {"size": LABEL_SIZE, "color": TEXT_COLOUR, "family": FONT},
                "hoverinfo": "skip",
            }
        )
    points = ~is_span
    titled = point_traces(
        index,
        positions[points],
        y[points],
        [i for i, s in zip(ids, points) if s],
        [t for t, s in zip(texts, points) if s],
        [s for s, k in zip(sides, points) if k],
    )
    data += [{**trace, "xaxis": TITLES_AXIS} for trace in titled]
    return data, lanes


def slider_marks(data: list[dict]) -> dict:
    """The titled points again, small and on the time axis, for the range slider."""
    points = [t for t in data if t.get("xaxis") == TITLES_AXIS and t.get("customdata") and t["type"] == "scatter"]
    colours = [c for t in points for c in t["marker"]["color"]]
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "in view, for the range slider",
        "showlegend": False,
        "hoverinfo": "skip",
        "x": [x for t in points for x in t["x"]],
        "y": np.concatenate([np.asarray(t["y"], dtype=float) for t in points]) if points else [],
        "marker": {"size": SLIDER_MARK_PX, "color": colours},
    }


def context_trace(index: EventIndex, outside: np.ndarray, lanes: Lanes, limit: int = 1000) -> dict:
    """Events outside the view, small, for the range slider (which covers the whole span)."""
    positions = np.flatnonzero(outside)
    if len(positions) > limit:
        positions = positions[:: -(-len(positions) // limit)]
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "outside the view",
        "showlegend": False,
        "hoverinfo": "skip",
        "x": isos(index.x[positions]).tolist(),
        "y": lanes.centres()[index.lane[positions]].astype(float),
        "marker": {"size": SLIDER_MARK_PX, "color": [colour(int(lane)) for lane in index.lane[positions]]},
    }


def density(
    index: EventIndex, visible: np.ndarray, window: Window, lanes: Lanes | None = None, room: float | None = None
) -> dict:
    """Events per time bin per lane: an event on a day (or a month...) in the bin where it is
    drawn; one that lasts in every bin it covers (counted only where it began, the spans of a
    file's last years left its bands empty there)."""
    lanes = lanes or Lanes.plain(len(index.lanes))
    positions = np.flatnonzero(visible)
    width = max((window.high - window.low) / BINS, 1)

    def bin_of(seconds: np.ndarray) -> np.ndarray:
        return np.clip(((seconds - window.low) // width).astype(np.int64), 0, BINS - 1)

    count = max(len(index.lanes), 1)
    span = index.is_span[positions]
    first = bin_of(np.where(span, index.start[positions], index.x[positions]))
    last = np.where(span, bin_of(index.last[positions]), first)
    # (+1 in each event's first bin and -1 after its last, summed along each lane's bins)
    lane = index.lane[positions] * (BINS + 1)
    steps = np.bincount(lane + first, minlength=count * (BINS + 1)) - np.bincount(
        lane + last + 1, minlength=count * (BINS + 1)
    )
    counts = np.cumsum(steps.reshape(count, BINS + 1), axis=1)[:, :BINS]
    # Shade by the logarithm of the count, so that quiet periods still show beside busy ones.
    z = np.log1p(counts.astype(float))
    z[counts == 0] = np.nan
    drawn = lanes.drawn()[:count]
    centres = window.low + (np.arange(BINS) + 0.5) * width
    return {
        "type": "heatmap",
        # (its legend entry within `room` pixels: on a phone it ran under the toolbar and off the figure)
        "name": legend_name(_("Events per period (darker: more; zoom in for single events)"), room),
        "x": isos(centres.astype(np.int64)).tolist(),
        "y": lanes.centres()[drawn].tolist(),
        "z": z[drawn],
        "customdata": counts[drawn],
        "colorscale": "Blues",
        "showscale": False,
        "showlegend": True,
        "xgap": 0,
        "ygap": 6,
        "zmin": 0,
        "zmax": float(max(z[~np.isnan(z)].max(initial=1.0), 1.0)),
        "hovertemplate": i18n.chart_line(_("%{customdata:,} events around %{x}")) + "<extra></extra>",
    }


def selected_trace(
    index: EventIndex, selected: int | None, mask: np.ndarray, drawn: Sequence[dict] = (), lanes: Lanes | None = None
) -> dict:
    trace = {
        "type": "scatter",
        "mode": "markers",
        "name": "selected ring",
        "x": [],
        "y": [],
        "hoverinfo": "skip",
        "showlegend": False,
        "marker": {
            "size": 24,
            "symbol": "circle-open",
            "color": SELECTED_COLOUR,
            "line": {"width": 3, "color": SELECTED_COLOUR},
        },
    }
    if selected is not None and mask[selected]:  # (an event the filters leave out has no mark to ring)
        lanes = lanes or Lanes.plain(len(index.lanes))
        trace["x"] = [iso(spot(index, selected))]
        trace["y"] = [float(lanes.centres()[index.lane[selected]])]
        # Where the event is drawn, stacked beside others of its day or on its span's track.
        event_id = index.events["id"].iat[selected]
        for other in drawn:
            ids = other.get("customdata")
            if isinstance(ids, list) and event_id in ids:  # event traces, not the density
                at = ids.index(event_id)
                trace["y"] = [float(other["y"][at])]
                _title_beside_ring(trace, other, at)
    return trace


# The text of a titled trace's mark drawn without its title: a space, never "". plotly.js drops
# the text element of a mark whose text is "" and, told by Plotly.react (every new figure Dash
# gives it) that the mark at that place in the trace now has a title, never draws it (plotly.js
# issue #5360): a title lost from the chart after another event is chosen or the view is zoomed.
UNTITLED = " "


def _title_beside_ring(ring: dict, drawn: dict, at: int) -> None:
    """The selected mark's title drawn by the ring's trace, which sets it beyond the ring, and
    not by its own (beside its mark, where the ring crossed its first letter)."""
    texts = drawn.get("text")
    if not isinstance(texts, list) or not texts[at].strip():
        return
    sides = drawn.get("textposition")
    ring.update(
        mode="markers+text",
        text=[texts[at]],
        textposition=[sides[at] if isinstance(sides, list) else sides or "middle right"],
        textfont=drawn["textfont"],
    )
    drawn["text"] = [*texts[:at], UNTITLED, *texts[at + 1 :]]


def window_from_relayout(relayout: dict | None) -> Window | None | Literal[False]:
    """The window a zoom asks for; False for "show everything"; None when nothing changed."""
    if not relayout:
        return None
    if relayout.get("xaxis.autorange") or relayout.get("autosize") is not None and len(relayout) == 1:
        return False if relayout.get("xaxis.autorange") else None
    low = relayout.get("xaxis.range[0]")
    high = relayout.get("xaxis.range[1]")
    whole = relayout.get("xaxis.range")
    if low is None and isinstance(whole, (list, tuple)) and len(whole) == 2:
        low, high = whole
    if low is None or high is None:
        return None
    try:
        low, high = _to_second(low), _to_second(high)
    except ValueError:
        return None
    return Window(low, high) if low < high else None


def zoom_into(click: dict | None, window: Window) -> Window | None:
    """A click on a density band zooms in around it, a tenth of the width; None otherwise."""
    points = (click or {}).get("points") or []
    if not points or isinstance(points[0].get("customdata"), str) or "z" not in points[0]:
        return None
    try:
        centre = _to_second(points[0]["x"])
    except (KeyError, ValueError):
        return None
    half = max((window.high - window.low) // 20, 60)
    return Window(centre - half, centre + half)


CALENDAR = 400_000_000_000  # seconds either side of 1970 (about 12,700 years): beyond, no moment


def _to_second(text) -> int:
    """A moment as plotly.js writes it ("2022-01-07 12:00:00.5", "-0499-03-01"), in seconds;
    ValueError for anything else (a year of 19 digits, say)."""
    text = str(text)[:40].strip().replace(" ", "T")
    sign = "-" if text.startswith("-") else ""
    second = int(np.datetime64(sign + text[len(sign) :][:19], "s").astype(np.int64))
    if abs(second) > CALENDAR:
        raise ValueError(f"{text!r} is beyond the calendar")
    return second


__all__ = ["figure", "traces", "layout", "Window", "window_from_relayout", "MAX_MARKERS", "BINS", "dates"]


@dataclass(frozen=True)
class Edges:
    """How many kept events the view shows, and how many lie before and after it."""

    before: int
    shown: int
    after: int

    @property
    def kept(self) -> int:
        return self.before + self.shown + self.after

    def text(self) -> str:
        return ngettext("{shown} of {kept} event in view", "{shown} of {kept} events in view", self.kept).format(
            shown=number(self.shown), kept=number(self.kept)
        )


def edges(index: EventIndex, mask: np.ndarray, window: Window) -> Edges:
    visible = in_window(index, mask, window)
    outside = mask & ~visible
    before = int((outside & (index.x < window.low)).sum())
    return Edges(before, int(visible.sum()), int(outside.sum()) - before)


def widened(index: EventIndex, mask: np.ndarray, window: Window, side: str) -> Window:
    """The view widened to show every kept event before it (`side` "before") or after it."""
    kept = np.flatnonzero(mask)
    if not len(kept):
        return window
    if side == "before":
        low = min(int(index.start[kept].min()), window.low)
        return Window(low - padding(window.high - low), window.high)
    high = max(int(index.x[kept].max()), window.high)
    return Window(window.low, high + padding(high - window.low))
