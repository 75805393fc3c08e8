"""How a claim changed (issue 15): an event's accounts in the order they came out, and the
figure they give over their publication dates, as plain data and a small plotly figure.

An account's place in time is when it became known (`index.KnownFrom`): its `published` day,
or, where that is not known to the day, the date it gives for the event, marked as such.
Text stays text: the figure's labels are data for plotly, never HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import dates, i18n
from ..i18n import _
from . import labels

SAID = 140  # characters of what an account says, in the "as reported" sequence


@dataclass(frozen=True)
class Reported:
    """One account in the "as reported" sequence."""

    when: str  # "10 January 2022", or a note that the day of publication is not known
    undated: bool
    who: str  # who claims it (else the outlet)
    source: str
    said: str  # its figure, or the start of what it says
    retracted: str  # "" or "retracted" / "retracted on 10 January 2022"
    row: int


@dataclass(frozen=True)
class Point:
    """One value of the step chart: an account's figure."""

    second: int  # when it became known
    when: str
    value: float
    unit: str
    source: str  # its outlet ("AP, AFP, Kazinform": several that gave the same value that day)
    who: str
    undated: bool
    retracted: str
    row: int
    # "month": placed at the first of the month its publication gives alone (published 2022-11), or
    # an undated account of a month; "year": of a year (2022): the axis writes that month or year,
    # not a day no source gave
    precision: str = "day"


def number(value: float) -> str:
    """238, 4,353, 2.5: as a reader writes a figure, in the reader's language (4 353, 2,5 in French)."""
    return i18n.number(int(value) if float(value).is_integer() else float(value))


def when_known(second: int, undated: bool, published_label: str, precision: str = "day") -> str:
    """When an account came out, as the sequence and the chart's table say it. `precision`: that
    of the date the account gives, which an account with no `published` came out on or after: it
    is said as given ("July 2022", not a first of July it does not give)."""
    day = dates.label(np.datetime64(int(second), "s"), "day")
    if not undated:
        return published_label or day
    if published_label:
        return _("published {date}, day not given (placed at {day})").format(date=published_label, day=day)
    given = dates.label(np.datetime64(int(second), "s"), precision if precision in ("year", "month") else "day")
    return _("{day}, the date it gives (publication date not given)").format(day=given)


def retraction(withdrawn: bool, retracted_on, as_of: bool = False, precision: str = "day") -> str:
    """How an account withdrawn (`index.withdrawn`: by the as-of date, if any) is marked. `as_of`:
    the view is as of a date, when a withdrawal with no day given says so (it may have come later).
    `precision`: that of the date given; a month or a year is said as such ("retracted in January
    2022"), not as a day no one gave."""
    if not withdrawn:
        return ""
    if retracted_on is None or pd.isna(retracted_on):
        return _("retracted, date not given") if as_of else _("retracted")
    when = pd.Timestamp(retracted_on).to_datetime64()
    if precision in ("month", "year"):
        return _("retracted in {date}").format(date=dates.label(when, precision))
    return _("retracted on {date}").format(date=dates.label(when, "day"))


def sequence(items: list[Reported], seconds: list[int]) -> list[Reported]:
    """The accounts in the order they came out (same moment: file order), when they came out on
    more than one day; else none (one day: nothing changed over time)."""
    days = {s // 86_400 for s in seconds}
    if len(days) < 2:
        return []
    order = sorted(range(len(items)), key=lambda i: (seconds[i], items[i].row))
    return [items[i] for i in order]


def said(description: str, figure: float, unit: str) -> str:
    if figure == figure:  # (not NaN)
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


# The step chart's size as drawn in the panel (timeline.app.render.step_chart), in pixels, at its
# narrowest: a panel 320 px wide (a phone's, the embed's beside its chart; assets/style.css), less
# its padding and the margins. Wider (a desktop's, 290 px), the labels are only further apart.
PLOT = (186, 210)  # the plot area: width, height (the layout's height less its margins)
TICK = 18  # pixels between two of the days' labels at least (12 px text, written at 45 degrees)
MARGIN = {"l": 64, "r": 36, "t": 40, "b": 112}  # below: the days, then the legend (two lines on a phone)
CHAR, LINE, GAP = 6.0, 13, 6  # a 10 px label's character and line, and its distance from its marker
SIDES = (
    "top center",
    "bottom center",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
    "middle right",
    "middle left",
)


def step_figure(points: list[Point], unit: str) -> dict:
    """The figure over publication dates as a step line (the value stands until the next one
    comes out), each value a marker labelled with its source; a retracted value is a red cross,
    labelled "retracted", and the line does not step to it; an undated one is hollow. Each label
    takes the first side of its marker where it covers no other label or marker (`placed`)."""
    standing = [p for p in points if not p.retracted]
    days = sorted({_day(p.second) for p in points})
    years = sorted({day[:-6] for day in days})
    # (a month's first day where every value of it gives only its month, published 2022-11: that month,
    # "Nov", not a day no source gave; a year's where every value gives only its year: "2022")
    given = {d: _all_give(p.precision for p in points if _day(p.second) == d) for d in days}
    # (every day's label, or every second, third...: as many as fit, the last day's among them)
    every = -(-len(days) * TICK // PLOT[0])
    labelled = days[::-1][::every][::-1]
    traces = []
    if standing:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [_day(p.second) for p in standing],
                "y": [p.value for p in standing],
                "name": "standing figure",
                "line": {"shape": "hv", "color": STEP_COLOUR, "width": 2},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    values = [p.value for p in points]
    top = max(values) if values else 1
    groups = [
        (_("published that day"), [p for p in standing if not p.undated], "circle", STEP_COLOUR),
        (_("publication day not given"), [p for p in standing if p.undated], "circle-open", STEP_COLOUR),
        (_("retracted"), [p for p in points if p.retracted], "x", RETRACTED_COLOUR),
    ]
    marks = [(name, _merged(chosen), symbol, colour) for name, chosen, symbol, colour in groups if chosen]
    everything = [p for _name, chosen, _s, _c in marks for p in chosen]
    texts, sides = placed(everything, days, top * 1.25, [(_day(p.second), p.value) for p in standing])
    at = 0
    for name, chosen, symbol, colour in marks:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": name,
                "x": [_day(p.second) for p in chosen],
                "y": [p.value for p in chosen],
                "text": texts[at : at + len(chosen)],
                "textposition": sides[at : at + len(chosen)],
                "textfont": {"size": 10, "color": colour},
                "cliponaxis": False,
                "marker": {"symbol": symbol, "size": 10, "color": colour, "line": {"width": 2, "color": colour}},
                "hoverinfo": "skip",  # (a picture: staticPlot; its table says who claims each value)
            }
        )
        at += len(chosen)
    return {
        "data": traces,
        "layout": {
            "height": PLOT[1] + MARGIN["t"] + MARGIN["b"],
            "margin": MARGIN,
            # The legend at the foot of the figure, within its margin: the plot keeps its size (PLOT).
            "showlegend": True,
            "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "font": {"size": 11}},
            "yaxis": {
                # (plotly draws a title's tags and links: the editor's unit as text)
                "title": {"text": html.escape(unit, quote=False) if unit else _("figure")},
                "rangemode": "tozero",
                "range": [0, top * 1.25],
                "fixedrange": True,
                "separatethousands": True,
            },
            # One step per day a figure came out, evenly spaced (a day's label under each, in the
            # reader's language): months of silence would crowd the first week's values into a corner.
            # Within one year, the days without it and the year beneath them ("8 Jan" ... "2022").
            "xaxis": {
                "type": "category",
                "fixedrange": True,
                "tickangle": -45,
                "automargin": True,
                "categoryorder": "array",
                "categoryarray": days,
                "tickmode": "array",
                "tickvals": labelled,
                "ticktext": [_day_label(d, len(years) > 1, given[d]) for d in labelled],
                **({"title": {"text": years[0], "standoff": 4}} if len(years) == 1 else {}),
            },
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "font": {"size": 12},
        },
    }


def placed(
    points: list[Point], days: list[str], height: float, line: Sequence[tuple[str, float]] = ()
) -> tuple[list[str], list[str]]:
    """Each point's label and the side of its marker it is written on, by an estimate of the
    drawn sizes (PLOT): first every value alone, each on the first of SIDES where it covers no
    marker nor another label and stays in the figure (else where it covers least); then, day by
    day, a value's sources joined to it wherever the longer label fits as well, and clear of the
    step line (`line`: its corners, day and value) where it can be."""
    width, tall = PLOT
    step = width / max(len(days), 1)
    where = {d: i for i, d in enumerate(days)}

    def at(day: str, value: float) -> tuple[float, float]:
        return (where[day] + 0.5) * step, tall * (1 - value / height)

    centre = [at(_day(p.second), p.value) for p in points]
    marks = [(x - 6, y - 6, x + 6, y + 6) for x, y in centre]
    corners = [at(day, value) for day, value in line]
    segments = [
        box
        for (x0, y0), (x1, y1) in zip(corners, corners[1:])  # the line's steps: across, then up
        for box in ((x0, y0 - 1, x1, y0 + 1), (x1 - 1, min(y0, y1), x1 + 1, max(y0, y1)))
    ]
    # (a retracted value's word on a line of its own: narrower, it finds room clear of the line more often)
    # (and in lines of a word each where it is long: теріске шығарылды)
    retracted = _("retracted")
    word = retracted.split() if len(retracted) > 10 else [retracted]
    full = [[number(p.value), f"({p.source})", *(word if p.retracted else [])] for p in points]
    brief = [[number(p.value)] for p in points]
    order = sorted(range(len(points)), key=lambda i: (centre[i][0], centre[i][1]))
    boxes: dict[int, tuple[float, float, float, float]] = {}
    lines, sides = list(brief), ["top center"] * len(points)

    def cover(i: int, box, lines_too: bool = False) -> float:
        """How much of `box` (point i's label) lies over the others' marks and labels, or outside
        (and over the step line, `lines_too`)."""
        outside = not (
            -8 <= box[0]
            and box[2] <= width + MARGIN["r"]  # (not over the axis' numbers)
            and -MARGIN["t"] + 4 <= box[1]
            and box[3] <= tall - 2
        )  # (above the days)
        others = [m for j, m in enumerate(marks) if j != i] + [b for j, b in boxes.items() if j != i]
        return (
            1e6 * outside
            + sum(_overlap(box, other) for other in others)
            + (sum(_overlap(box, segment, room=0) for segment in segments) if lines_too else 0)
        )

    for i in order:  # every value, where it covers least (nothing, mostly)
        least = min(SIDES, key=lambda side: cover(i, _box(centre[i], brief[i], side)))  # (the first of equals)
        boxes[i], sides[i] = _box(centre[i], brief[i], least), least
    for i in order:  # its sources too, where they fit; else a retracted value's word without them
        # (its word says what the red cross is: in Kazakh, long, it found no room beside the source)
        for label in [full[i]] + ([[number(points[i].value), *word]] if points[i].retracted else []):
            side = next(
                (
                    side
                    for lines_too in (True, False)
                    for side in SIDES  # (over the line if need be)
                    if cover(i, _box(centre[i], label, side), lines_too) == 0
                ),
                None,
            )
            if side is not None:
                boxes[i], sides[i], lines[i] = _box(centre[i], label, side), side, label
                break
    return ["<br>".join(html.escape(line, quote=False) for line in label) for label in lines], sides


def _box(centre: tuple[float, float], lines: list[str], side: str) -> tuple[float, float, float, float]:
    """Where a label of these lines is drawn on this side of a marker at `centre` (pixels, y down)."""
    x, y = centre
    w, h = max(len(line) for line in lines) * CHAR, len(lines) * LINE
    vertical, horizontal = side.split()
    left = {"center": x - w / 2, "right": x + GAP, "left": x - GAP - w}[horizontal]
    top = {"top": y - GAP - h, "bottom": y + GAP, "middle": y - h / 2}[vertical]
    return left, top, left + w, top + h


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float], room: float = 2) -> float:
    """The area two boxes share, each grown by `room` pixels (0: they are apart)."""
    across = min(a[2], b[2]) - max(a[0], b[0]) + room
    down = min(a[3], b[3]) - max(a[1], b[1]) + room
    return across * down if across > 0 and down > 0 else 0.0


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
        out.append(
            Point(
                first.second,
                first.when,
                first.value,
                first.unit,
                ", ".join(names),
                first.who,
                first.undated,
                first.retracted,
                first.row,
                first.precision,
            )
        )
    return out


def _day(second: int) -> str:
    """A day on the chart's axis, as its category: 2022-01-08 (in order as text)."""
    return str(np.datetime64(int(second), "s").astype("datetime64[D]"))


def _all_give(precisions) -> str:
    """What a day's values all give (Point.precision): "year" where each gives its year alone,
    "month" where each gives its month or year, else "day"."""
    given = set(precisions)
    return "year" if given == {"year"} else "month" if given <= {"month", "year"} else "day"


def _day_label(day: str, year: bool = True, precision: str = "day") -> str:
    """The day as the axis writes it: 8 Jan 2022, 8 janv. 2022, 8 янв. 2022 г.; or 8 Jan, 8 janv.
    `precision` "month": its month alone, Nov 2022 or Nov; "year": its year alone, 2022."""
    when = np.datetime64(day, "D").item()
    if precision == "year":
        return i18n.chart_line(dates.label(np.datetime64(day, "D"), "year"))
    if precision == "month":
        return i18n.chart_line(i18n.short_month(when.year, when.month, year_too=year) or day)
    return i18n.chart_line(i18n.short_day(when.year, when.month, when.day, year_too=year) or day)
