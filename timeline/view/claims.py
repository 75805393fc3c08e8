"""How a claim changed (issue 15): an event's accounts in the order they came out, and the
figure they give over their publication dates, as plain data and a small plotly figure.

An account's place in time is when it became known (`index.KnownFrom`): its `published` day,
or, where that is not known to the day, the date it gives for the event, marked as such.
Text stays text: the figure's labels are data for plotly, never HTML.
"""
from __future__ import annotations

from dataclasses import dataclass

import html

import numpy as np
import pandas as pd

from .. import dates
from ..i18n import _
from . import labels

SAID = 140   # characters of what an account says, in the "as reported" sequence


@dataclass(frozen=True)
class Reported:
    """One account in the "as reported" sequence."""
    when: str            # "10 January 2022", or a note that the day of publication is not known
    undated: bool
    who: str             # who claims it (else the outlet)
    source: str
    said: str            # its figure, or the start of what it says
    retracted: str       # "" or "retracted" / "retracted on 10 January 2022"
    row: int


@dataclass(frozen=True)
class Point:
    """One value of the step chart: an account's figure."""
    second: int          # when it became known
    when: str
    value: float
    unit: str
    label: str           # "238 (RFE/RL)"
    source: str
    who: str
    undated: bool
    retracted: str
    row: int


def number(value: float) -> str:
    """238, 4,353, 2.5: as a reader writes a figure."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def when_known(second: int, undated: bool, published_label: str) -> str:
    """When an account came out, as the sequence and the chart's table say it."""
    day = dates.label(np.datetime64(int(second), "s"), "day")
    if not undated:
        return published_label or day
    if published_label:
        return _("published {date}, day not given (placed at {day})").format(date=published_label, day=day)
    return _("{day}, the date it gives (publication date not given)").format(day=day)


def retraction(is_retracted: bool, retracted_on) -> str:
    if not is_retracted:
        return ""
    if retracted_on is None or pd.isna(retracted_on):
        return _("retracted")
    return _("retracted on {date}").format(date=dates.label(pd.Timestamp(retracted_on).to_datetime64(), 'day'))


def sequence(items: list[Reported], seconds: list[int]) -> list[Reported]:
    """The accounts in the order they came out (same moment: file order), when they came out on
    more than one day; else none (one day: nothing changed over time)."""
    days = {s // 86_400 for s in seconds}
    if len(days) < 2:
        return []
    order = sorted(range(len(items)), key=lambda i: (seconds[i], items[i].row))
    return [items[i] for i in order]


def said(description: str, figure: float, unit: str) -> str:
    if figure == figure:   # (not NaN)
        return f"{number(figure)} {unit}".strip()
    return labels.shorten(" ".join((description or "").split()), SAID) or _("(no description)")


def series(points: list[Point]) -> dict[str, list[Point]]:
    """The figures by unit (most values first), each in the order they came out."""
    by_unit: dict[str, list[Point]] = {}
    for point in sorted(points, key=lambda p: (p.second, p.row)):
        by_unit.setdefault(point.unit, []).append(point)
    return dict(sorted(by_unit.items(), key=lambda kv: -len(kv[1])))


STEP_COLOUR = "#1f4e79"
RETRACTED_COLOUR = "#b00020"


def step_figure(points: list[Point], unit: str) -> dict:
    """The figure over publication dates as a step line (the value stands until the next one
    comes out), each value a marker labelled with its source; a retracted value is a red cross,
    labelled "retracted", and the line does not step to it; an undated one is hollow."""
    standing = [p for p in points if not p.retracted]
    xs = [_day(p.second) for p in standing]
    ys = [p.value for p in standing]
    traces = []
    if standing:
        traces.append({"type": "scatter", "mode": "lines", "x": xs, "y": ys, "name": "standing figure",
                       "line": {"shape": "hv", "color": STEP_COLOUR, "width": 2}, "hoverinfo": "skip",
                       "showlegend": False})
    for name, chosen, symbol, colour in (
            ("published that day", [p for p in standing if not p.undated], "circle", STEP_COLOUR),
            ("publication day not given", [p for p in standing if p.undated], "circle-open", STEP_COLOUR),
            ("retracted", [p for p in points if p.retracted], "x", RETRACTED_COLOUR)):
        if not chosen:
            continue
        chosen = _merged(chosen)
        lowest: dict[int, float] = {}
        for p in points:
            lowest[p.second] = min(lowest.get(p.second, p.value), p.value)
        shared = {s for s in lowest if sum(q.second == s for q in _merged(points)) > 1}
        texts = [html.escape(p.label, quote=False) + (" retracted" if p.retracted else "") for p in chosen]
        traces.append({
            "type": "scatter", "mode": "markers+text", "name": name,
            "x": [_day(p.second) for p in chosen], "y": [p.value for p in chosen],
            "text": [t.replace(" (", "<br>(", 1) for t in texts],
            "textposition": ["bottom center" if p.second in shared and p.value == lowest[p.second]
                             else "top center" for p in chosen],
            "textfont": {"size": 10, "color": colour}, "cliponaxis": False,
            "marker": {"symbol": symbol, "size": 10, "color": colour, "line": {"width": 2, "color": colour}},
            "hovertext": [html.escape(f"{p.when}: {number(p.value)} {p.unit} ({p.who})", quote=False)
                          for p in chosen],
            "hoverinfo": "text",
        })
    values = [p.value for p in points]
    top = max(values) if values else 1
    return {
        "data": traces,
        "layout": {
            "height": 340, "margin": {"l": 64, "r": 36, "t": 40, "b": 70},
            "showlegend": True, "legend": {"orientation": "h", "y": -0.25, "font": {"size": 11}},
            "yaxis": {"title": {"text": unit or "figure"}, "rangemode": "tozero", "range": [0, top * 1.25],
                      "fixedrange": True},
            # One step per day a figure came out, evenly spaced (a day's label under each):
            # months of silence would crowd the first week's values into a corner.
            "xaxis": {"type": "category", "fixedrange": True, "tickangle": -45,
                      "categoryorder": "array", "categoryarray": sorted({_day(p.second) for p in points},
                                                                      key=_day_key)},
            "plot_bgcolor": "white", "paper_bgcolor": "white", "font": {"size": 12},
        },
    }


def _merged(points: list[Point]) -> list[Point]:
    """Values that came out at the same moment with the same number, as one marker naming
    every source ("225 (AP, AFP, Kazinform)")."""
    merged: dict[tuple, list[Point]] = {}
    for p in points:
        merged.setdefault((p.second, p.value, bool(p.retracted), p.undated), []).append(p)
    out = []
    for group in merged.values():
        first = group[0]
        names = list(dict.fromkeys(p.source for p in group))
        out.append(Point(first.second, first.when, first.value, first.unit,
                         f"{number(first.value)} ({', '.join(names)})", ", ".join(names),
                         first.who, first.undated, first.retracted, first.row))
    return out


def _day(second: int) -> str:
    """A day as the chart's axis shows it: 8 Jan 2022."""
    day = np.datetime64(int(second), "s").astype("datetime64[D]").item()
    return f"{day.day} {day:%b} {day.year}"


def _day_key(label: str):
    import datetime as dt
    return dt.datetime.strptime(label, "%d %b %Y")
