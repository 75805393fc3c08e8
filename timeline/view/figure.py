"""The timeline chart as a plotly figure (a plain dict): time across, one lane per category.

When few events are in view each is drawn: points as markers, spans as bars,
disputed events as outlined diamonds, events of the same day in one lane
stacked so none hides another. When more than `MAX_MARKERS` are in view the
chart shows how many events fall in each time bin of each lane (a density
strip) and turns into individual events as the viewer zooms in.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from .. import dates
from ..index import EventIndex
from .labels import HOVER as HOVER_TITLE, NAME as LANE_NAME
from .labels import shorten

MAX_MARKERS = 4000      # individual events drawn when at most this many are in view
BINS = 200              # density bins across the visible range
DAY = 86_400
NEIGHBOURS = MAX_MARKERS // 4   # events either side of a selection opened among too many
FOCUS = 0.1             # the opening view may leave out this share of outliers at each end

# Okabe & Ito's palette, safe for the common kinds of colour blindness; lanes also carry
# their names on the axis, so colour is never the only way to tell them apart.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933", "#882255",
           "#44AA99", "#332288")
DISPUTED_OUTLINE = "#111111"
SELECTED_COLOUR = "#d00000"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# Every trace type this module draws. The page loads plotly.js's cartesian bundle
# (assets/vendor/), a third of the full one, which registers these and not, say, scattergl:
# a new type here needs a bundle that has it (tests/browser/test_plotly_bundle.py checks).
TRACE_TYPES = ("scatter", "bar", "heatmap")


@dataclass(frozen=True)
class Window:
    """The visible time range, in seconds."""
    low: int
    high: int

    @classmethod
    def around(cls, index: EventIndex, mask: np.ndarray, selected: int | None = None,
               whole: bool = False) -> "Window":
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
            core_low = int(np.quantile(index.start[kept], FOCUS))
            core_high = int(np.quantile(index.last[kept], 1 - FOCUS))
            if (core_high - core_low) * 4 < high - low:
                low, high = core_low, core_high
        if selected is not None:
            low, high = min(low, int(index.start[selected])), max(high, int(index.last[selected]))
        pad = max((high - low) // 25, DAY // 2)
        return cls(low - pad, high + pad)

    def iso(self) -> list[str]:
        return [iso(self.low), iso(self.high)]


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


def view_window(index: EventIndex, mask: np.ndarray, selected: int | None = None,
                zoom: Window | None = None) -> tuple[Window, bool]:
    """The window to draw and whether it is pinned (a zoom to keep) rather than the default.

    A zoom is kept while the selection stays inside it, and moved to centre on a selection
    outside it. Without a zoom, a selection among more events than can be drawn opens on
    its neighbourhood (about NEIGHBOURS events either side), so a permalink into a million
    events shows that event, clickable, among its neighbours.
    """
    if zoom is not None:
        if selected is None or zoom.low <= spot(index, selected) <= zoom.high:
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


def spot(index: EventIndex, position: int) -> int:
    """Where an event is drawn on the time axis: a span at its start, a point at its middle."""
    return int(index.x[position])


def figure(index: EventIndex, mask: np.ndarray, selected: int | None = None,
           window: Window | None = None) -> dict:
    """The whole figure for the kept events (`mask`), zoomed to `window` (default: all)."""
    window = window or Window.around(index, mask, selected)
    return {"data": traces(index, mask, selected, window), "layout": layout(index, window)}


def traces(index: EventIndex, mask: np.ndarray, selected: int | None, window: Window) -> list[dict]:
    visible = in_window(index, mask, window)
    count = int(visible.sum())
    if count > MAX_MARKERS:
        data = [density(index, visible, window)]
    else:
        data = events_traces(index, np.flatnonzero(visible))
    data.append(selected_trace(index, selected, mask, data))
    return data


def height(index: EventIndex) -> int:
    return 170 + 46 * (len(index.lanes) or 1)


def placeholder(index: EventIndex) -> dict:
    """What the chart shows until its first figure arrives: a note, at the chart's height (so
    nothing below moves), not an empty pair of numbered axes."""
    return {"data": [], "layout": {
        "height": height(index), "font": {"family": FONT, "size": 13},
        "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "annotations": [{"text": "Drawing the timeline…", "showarrow": False,
                         "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}],
    }}


def layout(index: EventIndex, window: Window) -> dict:
    lanes = len(index.lanes) or 1
    return {
        "height": height(index),
        "margin": {"l": 10, "r": 20, "t": 36, "b": 10},
        "font": {"family": FONT, "size": 13},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "hovermode": "closest",
        "dragmode": "zoom",
        "uirevision": "timeline",
        "showlegend": True,
        "legend": {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "font": {"size": 12}},
        "xaxis": {
            "type": "date", "range": window.iso(), "showgrid": True, "gridcolor": "#e6e6e6",
            "rangeslider": {"visible": True, "thickness": 0.07}, "automargin": True,
            **axis_ticks(window),
        },
        "yaxis": {
            "tickmode": "array", "tickvals": list(range(len(index.lanes))),
            "ticktext": [html.escape(shorten(name, LANE_NAME), quote=False) for name in index.lanes],
            "range": [lanes - 0.5, -0.5], "fixedrange": True, "automargin": True,
            "showgrid": False, "zeroline": False,
        },
        "shapes": [
            {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": i + 0.5, "y1": i + 0.5,
             "line": {"color": "#eeeeee", "width": 1}}
            for i in range(len(index.lanes) - 1)
        ],
    }


HISTORICAL = int(np.datetime64("1000-01-01", "s").astype(np.int64))  # before: our own tick labels
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
_MONTH_STEPS = (1, 2, 3, 6)
_DAY_STEPS = (1, 2, 7, 14)
_TICKS = 7


def axis_ticks(window: Window) -> dict:
    """The time axis's ticks. plotly.js labels years before AD 1000 as "-0400" and "0600"; for a
    view that reaches back there, ticks labelled as a reader writes dates ("400 BC", "AD 600")."""
    if window.low >= HISTORICAL:
        return {"tickmode": "auto", "tickvals": None, "ticktext": None}
    span = window.high - window.low
    low, high = (np.datetime64(int(v), "s") for v in (window.low, window.high))
    if span >= 2 * 365 * DAY:
        years = span / (365.2425 * DAY)
        step = next((s for s in _YEAR_STEPS if years / s <= _TICKS), _YEAR_STEPS[-1])
        # Round years as a reader counts them (400 BC, AD 200: there is no year 0), as
        # astronomical years (400 BC is -399).
        first, last = (int(v.astype("datetime64[Y]").astype(np.int64)) + 1970 for v in (low, high))
        written = [y for y in range(-(-(first - 1) // step) * step, last + 1, step) if y]
        ticks = np.array([dates.year_digits(y + 1 if y < 0 else y) for y in written], dtype="datetime64[s]")
        precision = "year"
    elif span >= 60 * DAY:
        months = span / (30.44 * DAY)
        step = next((s for s in _MONTH_STEPS if months / s <= _TICKS), 12)
        first = int(low.astype("datetime64[M]").astype(np.int64)) + 1
        first = -(-first // step) * step
        last = int(high.astype("datetime64[M]").astype(np.int64))
        ticks = np.arange(first, last + 1, step).astype("datetime64[M]").astype("datetime64[s]")
        precision = "month"
    elif span >= 2 * DAY:
        step = next((s for s in _DAY_STEPS if span / DAY / s <= _TICKS), 28)
        first = int(np.ceil(window.low / DAY))
        ticks = (np.arange(first, window.high // DAY + 1, step) * DAY).astype("datetime64[s]")
        precision = "day"
    else:
        step = 3600 * next((s for s in (1, 2, 3, 6, 12) if span / 3600 / s <= _TICKS), 24)
        ticks = (np.arange(-(-window.low // step), window.high // step + 1) * step).astype("datetime64[s]")
        precision = "minute"
    ticks = ticks[(ticks >= low) & (ticks <= high)]
    return {"tickmode": "array", "tickvals": [str(t) for t in dates.iso_text(ticks)],
            "ticktext": [dates.label(t, precision) for t in ticks]}


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
    disputed = index.disputed[positions]
    return [
        f"<b>{html.escape(label, quote=False)}</b><br>{html.escape(shorten(title, HOVER_TITLE), quote=False)}"
        f"<br><i>{count} account{'s' if count != 1 else ''}{' · sources disagree on the date' if d else ''}</i>"
        for label, title, count, d in zip(labels, titles, counts, disputed)
    ]




def events_traces(index: EventIndex, positions: np.ndarray) -> list[dict]:
    id_of = dict(zip(positions.tolist(), index.values("id", positions)))
    spans = positions[index.is_span[positions]]
    points = positions[~index.is_span[positions]]
    data = []
    if not len(positions):
        return data
    # Spans: horizontal bars from start to the last moment, stacked when they overlap.
    tracks = span_tracks(index.lane[spans], index.start[spans], index.last[spans])
    data.append({
        "type": "bar", "orientation": "h", "name": "Span (lasts a while)",
        "base": isos(index.start[spans]).tolist(),
        "x": ((index.last[spans] - index.start[spans] + 1) * 1000).astype(float),
        "y": (index.lane[spans] - 0.3 + 0.12 * (tracks % 3)).astype(float),
        "width": 0.1,
        "marker": {"color": [colour(int(l)) for l in index.lane[spans]],
                   "line": {"color": [DISPUTED_OUTLINE if d else "rgba(0,0,0,0)" for d in index.disputed[spans]],
                            "width": 2}},
        "customdata": [id_of[p] for p in spans.tolist()],
        "hovertext": hover_texts(index, spans), "hoverinfo": "text",
    })
    # Points: stacked by lane and day so that none hides another.
    day_keys = index.lane[points] * 10_000_000 + index.start[points] // DAY
    y = index.lane[points] + 0.08 + stack_offsets(day_keys)
    disputed = index.disputed[points]
    for name, subset, symbol, line in (
        ("Event", ~disputed, "circle", {"color": "#ffffff", "width": 1}),
        ("Disputed: sources disagree on the date", disputed, "diamond",
         {"color": DISPUTED_OUTLINE, "width": 2.5}),
    ):
        chosen = points[subset]
        data.append({
            "type": "scatter", "mode": "markers", "name": name,
            "x": isos(point_x(index, chosen)).tolist(), "y": y[subset].astype(float),
            "marker": {"size": 13 if symbol == "diamond" else 11, "symbol": symbol,
                       "color": [colour(int(l)) for l in index.lane[chosen]], "line": line},
            "customdata": [id_of[p] for p in chosen.tolist()],
            "hovertext": hover_texts(index, chosen), "hoverinfo": "text",
        })
    return [trace for trace in data if len(trace["customdata"])]


def density(index: EventIndex, visible: np.ndarray, window: Window) -> dict:
    """Events per time bin per lane; each visible event counted once, in the bin where it is drawn."""
    positions = np.flatnonzero(visible)
    width = max((window.high - window.low) / BINS, 1)
    bins = np.clip(((index.x[positions] - window.low) // width).astype(np.int64), 0, BINS - 1)
    lanes = max(len(index.lanes), 1)
    counts = np.bincount(index.lane[positions] * BINS + bins, minlength=lanes * BINS).reshape(lanes, BINS)
    # Shade by the logarithm of the count, so that quiet periods still show beside busy ones.
    z = np.log1p(counts.astype(float))
    z[counts == 0] = np.nan
    centres = window.low + (np.arange(BINS) + 0.5) * width
    return {
        "type": "heatmap", "name": "Events per period (darker: more; zoom in for single events)",
        "x": isos(centres.astype(np.int64)).tolist(), "y": list(range(lanes)), "z": z,
        "customdata": counts, "colorscale": "Blues", "showscale": False, "showlegend": True,
        "xgap": 0, "ygap": 6, "zmin": 0, "zmax": float(max(z[~np.isnan(z)].max(initial=1.0), 1.0)),
        "hovertemplate": "%{customdata:,} events around %{x}<extra></extra>",
    }


def selected_trace(index: EventIndex, selected: int | None, mask: np.ndarray,
                   drawn: list[dict] = ()) -> dict:
    trace = {"type": "scatter", "mode": "markers", "name": "Selected", "x": [], "y": [],
             "hoverinfo": "skip", "showlegend": False,
             "marker": {"size": 24, "symbol": "circle-open", "color": SELECTED_COLOUR,
                        "line": {"width": 3, "color": SELECTED_COLOUR}}}
    if selected is not None:
        trace["x"] = [iso(spot(index, selected))]
        trace["y"] = [float(index.lane[selected]) + (-0.3 if index.is_span[selected] else 0.08)]
        # Where the event is drawn, stacked beside others of its day or on its span's track.
        event_id = index.events["id"].iat[selected]
        for other in drawn:
            ids = other.get("customdata")
            if isinstance(ids, list) and event_id in ids:   # event traces, not the density
                trace["y"] = [float(other["y"][ids.index(event_id)])]
        trace["showlegend"] = True
    return trace


def window_from_relayout(relayout: dict | None) -> Window | None | bool:
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


CALENDAR = 400_000_000_000   # seconds either side of 1970 (about 12,700 years): beyond, no moment


def _to_second(text) -> int:
    """A moment as plotly.js writes it ("2022-01-07 12:00:00.5", "-0499-03-01"), in seconds;
    ValueError for anything else (a year of 19 digits, say)."""
    text = str(text)[:40].strip().replace(" ", "T")
    sign = "-" if text.startswith("-") else ""
    second = int(np.datetime64(sign + text[len(sign):][:19], "s").astype(np.int64))
    if abs(second) > CALENDAR:
        raise ValueError(f"{text!r} is beyond the calendar")
    return second


__all__ = ["figure", "traces", "layout", "Window", "window_from_relayout", "MAX_MARKERS", "BINS", "dates"]
