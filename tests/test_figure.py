"""timeline.view.figure: the chart as a plain dict, without Dash or a browser."""

from __future__ import annotations

import re

import numpy as np
import pytest

from timeline import i18n
from timeline.state import Filters, apply
from timeline.view import figure as chart
from timeline.view import packing
from timeline.view.figure import Window, figure, span_tracks, stack_offsets, window_from_relayout, zoom_into

from .helpers import everything, index_from_rows, row

DAY = 86_400
XSS = "<img src=x onerror=alert(1)>"

ROWS = [
    row("rally", "2022-01-02", category="Protest"),
    # four events on the 5th in one lane, one of them at a time of day
    row("square-a", "2022-01-05", category="protest"),
    row("square-b", "2022-01-05", category="protest"),
    row("square-c", "2022-01-05", category="protest"),
    row("square-d", "2022-01-05 14:30", category="protest"),
    row("emergency", "2022-01-05", category="government"),
    row("csto", "2022-01-06", end_date="2022-01-19", category="security"),
    row("checkpoints", "2022-01-10", end_date="2022-01-12", category="security"),
    row("curfew", "2022-01-20", end_date="2022-01-25", category="security"),
    row("shoot-to-kill", "2022-01-07 14:30", category="security"),
    row("death-toll", "2022-01-07", category="government", source="Akorda"),
    row("death-toll", "2022-01-08", source="TASS"),
    row("injected", "2022-01", title=XSS, category="government"),
    row("offset-time", "2022-01-07T14:30+06:00", category="government"),
]
LANES = ["government", "Protest", "security"]  # by first event: 1, 2 and 6 January
POINTS = {
    "rally",
    "square-a",
    "square-b",
    "square-c",
    "square-d",
    "emergency",
    "shoot-to-kill",
    "death-toll",
    "injected",
    "offset-time",
}
SPANS = {"csto", "checkpoints", "curfew"}


@pytest.fixture(scope="module")
def index():
    return index_from_rows(ROWS)


@pytest.fixture(scope="module")
def fig(index):
    return figure(index, everything(index))


def by_name(fig, start: str) -> list[dict]:
    return [t for t in fig["data"] if t["name"].startswith(start)]


def bands(fig) -> list[tuple[float, float]]:
    """Each lane's band on the y axis (top, bottom): between the lines that part the lanes."""
    layout = fig["layout"]
    bounds = [0.0] + [shape["y0"] for shape in layout["shapes"]] + [layout["yaxis"]["range"][0]]
    return list(zip(bounds[:-1], bounds[1:]))


def drawn(fig) -> dict[str, tuple[str, float]]:
    """Every drawn event: id -> (x where it starts, y)."""
    out = {}
    for trace in fig["data"]:
        for i, event_id in enumerate(trace.get("customdata") or []):
            x = trace["base"][i] if trace["type"] == "bar" else trace["x"][i]
            out[event_id] = (x, float(trace["y"][i]))
    return out


def lane_of(index, event_id):
    return int(index.lane[index.position(event_id)])


# ---------------------------------------------------------------- lanes and events ------------


def test_one_lane_per_category(index, fig):
    assert index.lanes == LANES  # in order of first appearance, named as first written
    axis = fig["layout"]["yaxis"]
    assert [re.sub("<[^>]+>●</span> ", "", text) for text in axis["ticktext"]] == LANES
    assert axis["range"][1] == 0 and axis["range"][0] > 0  # the first lane on top
    for (top, bottom), tick in zip(bands(fig), axis["tickvals"]):
        assert top < tick < bottom  # each name in its band


def test_every_event_sits_in_its_lane(index, fig):
    where = drawn(fig)
    assert set(where) == POINTS | SPANS
    for event_id, (_, y) in where.items():
        top, bottom = bands(fig)[lane_of(index, event_id)]
        assert top < y < bottom, event_id


def lane_names(fig) -> list[str]:
    return [re.sub("<[^>]+>●</span> ", "", text) for text in fig["layout"]["yaxis"]["ticktext"]]


@pytest.mark.parametrize(
    "filters, lanes",
    [
        (Filters(), LANES),
        (Filters(categories=("security",)), ["security"]),
        (Filters(categories=("government", "security")), ["government", "security"]),
        # any filter: the lanes it leaves an event in (the rally is the Protest lane's only match)
        (Filters(text="rally"), ["Protest"]),
        (Filters(date_from="2022-01-20"), ["government", "security"]),  # the curfew, and January's "injected"
        # nothing kept: every lane, under the chart's note that nothing is
        (Filters(text="nothing-matches-this"), LANES),
    ],
)
def test_a_lane_the_filters_leave_empty_is_not_drawn(index, filters, lanes):
    fig = figure(index, apply(index, filters))
    assert lane_names(fig) == lanes
    assert len(bands(fig)) == len(lanes)  # a line between each two lanes drawn, none for the others
    for (top, bottom), tick in zip(bands(fig), fig["layout"]["yaxis"]["tickvals"]):
        assert top < tick < bottom
    for event_id, (_, y) in drawn(fig).items():  # every event in the band of its lane's name
        top, bottom = bands(fig)[lanes.index(index.lanes[lane_of(index, event_id)])]
        assert top < y < bottom, event_id


def test_a_chart_filtered_to_one_lane_is_as_tall_as_that_lane(index, fig):
    one = figure(index, apply(index, Filters(categories=("government",))))
    assert one["layout"]["height"] < fig["layout"]["height"]
    zoomed = figure(
        index,
        apply(index, Filters(categories=("government",))),
        window=Window(*[int(np.datetime64(d, "s").astype(np.int64)) for d in ("2022-01-07", "2022-01-08")]),
    )
    assert lane_names(zoomed) == ["government"]  # a zoom does not bring the others back


def test_points_are_markers_with_the_event_id(index, fig):
    markers = [t for t in fig["data"] if t["type"] == "scatter" and t.get("customdata")]
    assert {t["mode"] for t in markers} <= {"markers", "markers+text"}
    assert {e for t in markers for e in t["customdata"]} == POINTS
    x = {e: x for t in markers for e, x in zip(t["customdata"], t["x"])}
    assert x["rally"].replace("T", " ")[:10] == "2022-01-02"  # somewhere inside its day
    assert x["shoot-to-kill"].replace("T", " ") == "2022-01-07 14:30:00"


def test_spans_are_bars_from_start_to_end(fig):
    (bars,) = [t for t in fig["data"] if t["type"] == "bar" and t.get("customdata")]
    assert bars["orientation"] == "h"
    assert set(bars["customdata"]) == SPANS
    spans = dict(zip(bars["customdata"], zip(bars["base"], bars["x"])))
    base, length_ms = spans["csto"]
    assert base.replace("T", " ") == "2022-01-06 00:00:00"
    assert length_ms == 14 * DAY * 1000  # 6 to 19 January inclusive
    assert spans["checkpoints"][1] == 3 * DAY * 1000


def test_disputed_events_have_their_own_trace(index, fig):
    assert bool(index.disputed[index.position("death-toll")])
    (disputed,) = by_name(fig, "disputed events")
    (plain,) = by_name(fig, "events")
    assert disputed["customdata"] == ["death-toll"]
    assert "death-toll" not in plain["customdata"]
    assert disputed["marker"]["symbol"] != plain["marker"]["symbol"]


def test_a_disputed_span_is_outlined():
    index = index_from_rows(
        [
            row("a", "2022-01-01", end_date="2022-01-10", source="A"),
            row("a", "2022-01-01", end_date="2022-01-12", source="B"),
            row("b", "2022-01-03", end_date="2022-01-04"),
        ]
    )
    (bars,) = [t for t in figure(index, everything(index))["data"] if t["type"] == "bar" and t.get("customdata")]
    outline = dict(zip(bars["customdata"], bars["marker"]["line"]["color"]))
    assert outline["a"] == chart.DISPUTED_OUTLINE
    assert outline["b"] != chart.DISPUTED_OUTLINE


def test_same_day_events_in_one_lane_never_hide_each_other(index, fig):
    where = drawn(fig)
    same_day = ["square-a", "square-b", "square-c", "square-d"]
    assert len({where[e][1] for e in same_day}) == 4
    # a disputed and a plain event of one day, drawn in different traces, are stacked too
    assert where["death-toll"][1] != where["offset-time"][1]


def test_overlapping_spans_get_different_heights(index, fig, monkeypatch):
    where = drawn(fig)
    assert where["csto"][1] != where["checkpoints"][1]
    monkeypatch.setattr(packing, "CAPACITY", 0)  # plain marks: spans on tracks
    where = drawn(figure(index, everything(index)))
    assert where["csto"][1] != where["checkpoints"][1]
    assert where["curfew"][1] == where["csto"][1]  # after both have ended: the first track again


@pytest.mark.parametrize(
    "keys",
    [
        [7],
        [7, 7],
        [7, 7, 7],
        [7, 8, 7, 9, 7],
        [3] * 50,
        [1, 2, 3, 4],
    ],
)
def test_stack_offsets(keys):
    keys = np.array(keys)
    offsets = stack_offsets(keys)
    assert len(offsets) == len(keys)
    for key in set(keys.tolist()):
        group = offsets[keys == key]
        assert len(set(group.tolist())) == len(group)  # side by side, never on top
        assert group.sum() == pytest.approx(0)  # centred on the lane
        assert np.abs(group).max() <= 0.4  # and inside it


@pytest.mark.parametrize(
    "lanes, starts, lasts, tracks",
    [
        ([0], [0], [10], [0]),
        # overlapping in one lane: different tracks
        ([0, 0], [0, 5], [10, 15], [0, 1]),
        # one after the other: the same track
        ([0, 0], [0, 11], [10, 20], [0, 0]),
        # touching (one ends the second before the other starts) is not overlapping
        ([0, 0], [0, 10], [9, 20], [0, 0]),
        # sharing a moment is overlapping
        ([0, 0], [0, 10], [10, 20], [0, 1]),
        # different lanes never push each other
        ([0, 1], [0, 5], [10, 15], [0, 0]),
        # nested three deep, then a gap
        ([0, 0, 0, 0], [0, 1, 2, 50], [40, 30, 20, 60], [0, 1, 2, 0]),
        # the input order does not matter
        ([0, 0, 0], [5, 0, 100], [15, 10, 110], [1, 0, 0]),
        ([], [], [], []),
    ],
)
def test_span_tracks(lanes, starts, lasts, tracks):
    result = span_tracks(np.array(lanes, dtype=int), np.array(starts, dtype=np.int64), np.array(lasts, dtype=np.int64))
    assert result.tolist() == tracks


# ---------------------------------------------------------------- hover -----------------------


def hover(fig, event_id) -> str:
    for trace in fig["data"]:
        for e, text in zip(trace.get("customdata") or [], trace.get("hovertext") or []):
            if e == event_id:
                return text
    raise KeyError(event_id)


def test_hover_escapes_html(fig):
    text = hover(fig, "injected")
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<img" not in text


def test_lane_names_are_escaped():
    index = index_from_rows([row("a", "2022-01-01", category="<b>Riot</b> & more")])
    (name,) = figure(index, everything(index))["layout"]["yaxis"]["ticktext"]
    assert name.endswith("</span> &lt;b&gt;Riot&lt;/b&gt; &amp; more")  # after a dot of its colour


@pytest.mark.parametrize(
    "event_id, date",
    [
        ("injected", "January 2022"),
        ("rally", "2 January 2022"),
        ("shoot-to-kill", "7 January 2022, 14:30"),
        ("offset-time", "7 January 2022, 14:30 (UTC+06:00)"),
        ("csto", "6 January 2022 to 19 January 2022"),
    ],
)
def test_hover_shows_the_date_at_its_precision(fig, event_id, date):
    assert hover(fig, event_id).startswith(f"<b>{date}</b><br>")


@pytest.mark.parametrize(
    "event_id, note",
    [
        ("rally", "1 account<"),
        ("death-toll", "2 accounts · sources disagree on the date"),
    ],
)
def test_hover_counts_accounts(fig, event_id, note):
    assert note in hover(fig, event_id)


def test_long_titles_are_shortened_in_the_hover():
    index = index_from_rows([row("a", "2022-01-01", title="word " * 60)])
    text = hover(figure(index, everything(index)), "a")
    assert "…" in text and len(text) < 200


# ---------------------------------------------------------------- the selection ---------------


@pytest.mark.parametrize("event_id", ["rally", "square-b", "square-d", "checkpoints", "death-toll"])
def test_the_selection_ring_is_drawn_on_the_selected_event(index, event_id):
    fig = figure(index, everything(index), selected=index.position(event_id))
    (ring,) = by_name(fig, "selected ring")
    x, y = drawn(fig)[event_id]
    assert ring["x"][0].replace("T", " ") == x.replace("T", " ")
    assert ring["y"][0] == pytest.approx(y)


def test_no_ring_without_a_selection(fig):
    (ring,) = by_name(fig, "selected ring")
    assert ring["x"] == [] and ring["showlegend"] is False


# ---------------------------------------------------------------- naive dates -----------------

NAIVE = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")


def test_dates_are_sent_as_wall_clock_strings_without_a_timezone(index, fig):
    """A day must be the same day for every viewer: no Z, no offset, no epoch numbers."""
    values = list(fig["layout"]["xaxis"]["range"])
    for trace in fig["data"]:
        values += trace.get("base") or []
        if trace["type"] == "scatter":
            values += [x for x in trace["x"] if x is not None]  # the legend's entries have none
    assert values
    for value in values:
        assert isinstance(value, str) and NAIVE.fullmatch(value), value
    where = drawn(fig)
    # a date without a time is placed inside its own day, whatever the viewer's time zone
    for event_id, (x, _) in where.items():
        position = index.position(event_id)
        assert index.start[position] <= sec(x.replace(" ", "T")) <= index.last[position], event_id
    assert where["emergency"][0].replace("T", " ")[:10] == "2022-01-05"
    # a time written with an offset is shown as written, never converted
    assert where["offset-time"][0].replace("T", " ") == "2022-01-07 14:30:00"


# ---------------------------------------------------------------- density ---------------------


def many(n: int, lanes: int = 2) -> list[dict]:
    """n events, one every six hours from 1 January 2022, across `lanes` lanes."""
    rows = []
    for i in range(n):
        day, quarter = divmod(i, 4)
        stamp = f"2022-{1 + day // 28:02d}-{1 + day % 28:02d} {quarter * 6:02d}:00"
        rows.append(row(f"e{i}", stamp, category=f"lane{i % lanes}"))
    return rows


@pytest.fixture(scope="module")
def crowded():
    return index_from_rows(many(120, lanes=3))  # 30 days, January 2022


def heatmaps(fig):
    return [t for t in fig["data"] if t["type"] == "heatmap"]


def test_too_many_events_give_a_density_that_counts_them(crowded, monkeypatch):
    monkeypatch.setattr(chart, "MAX_MARKERS", 50)
    fig = figure(crowded, everything(crowded))
    (density,) = heatmaps(fig)
    counts = np.asarray(density["customdata"])  # shown on hover; z shades by log
    assert counts.shape == (3, chart.BINS)
    assert counts.sum() == 120
    assert counts.sum(axis=1).tolist() == [40, 40, 40]  # per lane
    z = np.asarray(density["z"], dtype=float)
    assert (np.isnan(z) == (counts == 0)).all()  # empty periods are left blank
    assert not [t for t in fig["data"] if t["type"] != "heatmap" and t.get("customdata")]
    for x in density["x"]:
        assert NAIVE.fullmatch(x)


@pytest.mark.parametrize(
    "filters, window, expected",
    [
        (Filters(), None, 120),
        (Filters(categories=("lane0", "lane1")), None, 80),
        # only what is in the window: 1 to 20 January is 19 days of 4 events, and the 20th at 00:00
        (Filters(), ("2022-01-01 00:00:00", "2022-01-20 00:00:00"), 77),
        (Filters(categories=("lane2",)), ("2022-01-01 00:00:00", "2022-01-20 00:00:00"), 25),
    ],
)
def test_density_counts_only_kept_events_in_the_window(crowded, monkeypatch, filters, window, expected):
    monkeypatch.setattr(chart, "MAX_MARKERS", 10)
    mask = apply(crowded, filters)
    if window:
        window = Window(*(int(np.datetime64(w.replace(" ", "T"), "s").astype(np.int64)) for w in window))
    (density,) = heatmaps(figure(crowded, mask, window=window))
    assert np.asarray(density["customdata"]).sum() == expected
    # a row of the density for each lane drawn, at its name
    lanes = len(filters.categories) or 3
    assert np.asarray(density["z"]).shape == (lanes, chart.BINS)
    assert density["y"] == figure(crowded, mask, window=window)["layout"]["yaxis"]["tickvals"]


def test_the_density_counts_an_event_that_lasts_in_every_period_it_covers(monkeypatch):
    """A span was counted only in the period it began: a file's spans through its last years left
    their lanes' bands empty there, under an axis that ran on to them."""
    monkeypatch.setattr(chart, "MAX_MARKERS", 10)
    rows = many(40, lanes=1) + [row("long", "2022-01-01", end_date="2022-12-31", category="lasting")]
    index = index_from_rows(rows)
    (density,) = heatmaps(figure(index, everything(index)))
    counts = dict(zip(index.lanes, np.asarray(density["customdata"])))
    covered = counts["lasting"]
    assert covered.sum() > 1 and covered.max() == 1  # (in every period from its start to its end, once)
    assert np.flatnonzero(covered).tolist() == list(range(np.flatnonzero(covered)[0], chart.BINS))[: covered.sum()]
    assert counts["lane0"].sum() == 40  # (the events on a day, once each)


def test_zooming_in_turns_the_density_into_events(crowded, monkeypatch):
    monkeypatch.setattr(chart, "MAX_MARKERS", 10)
    assert heatmaps(figure(crowded, everything(crowded)))
    low = int(np.datetime64("2022-01-03T00:00", "s").astype(np.int64))
    zoomed = figure(crowded, everything(crowded), window=Window(low, low + DAY))
    assert not heatmaps(zoomed)
    shown = {e for t in zoomed["data"] for e in (t.get("customdata") or [])}
    assert shown == {"e8", "e9", "e10", "e11", "e12"}  # the four of the 3rd and midnight of the 4th


def test_at_the_limit_events_are_still_drawn(crowded, monkeypatch):
    monkeypatch.setattr(chart, "MAX_MARKERS", 120)
    assert not heatmaps(figure(crowded, everything(crowded)))
    monkeypatch.setattr(chart, "MAX_MARKERS", 119)
    assert heatmaps(figure(crowded, everything(crowded)))


def test_every_trace_is_of_a_type_the_served_plotly_bundle_draws(index, fig, crowded, monkeypatch):
    monkeypatch.setattr(chart, "MAX_MARKERS", 50)
    first = index.events["id"].tolist().index("shoot-to-kill")
    figures = [fig, figure(index, everything(index), selected=first), figure(crowded, everything(crowded))]
    kinds = {trace["type"] for f in figures for trace in f["data"]}
    assert kinds == set(chart.TRACE_TYPES)


# ---------------------------------------------------------------- zoom ------------------------


def sec(text: str) -> int:
    return int(np.datetime64(text, "s").astype(np.int64))


@pytest.mark.parametrize(
    "relayout, expected",
    [
        (
            {"xaxis.range[0]": "2022-01-05 06:30:15.123", "xaxis.range[1]": "2022-01-09 12:00"},
            Window(sec("2022-01-05T06:30:15"), sec("2022-01-09T12:00")),
        ),
        (
            {"xaxis.range[0]": "2022-01-05", "xaxis.range[1]": "2022-01-09"},
            Window(sec("2022-01-05T00:00"), sec("2022-01-09T00:00")),
        ),
        (
            {"xaxis.range": ["2022-01-05 00:00:00", "2022-01-06 00:00:00"]},
            Window(sec("2022-01-05T00:00"), sec("2022-01-06T00:00")),
        ),
        ({"xaxis.autorange": True}, False),
        ({"xaxis.autorange": True, "xaxis.showspikes": False}, False),
        ({"autosize": True}, None),
        ({"dragmode": "pan"}, None),
        ({}, None),
        (None, None),
        ({"xaxis.range[0]": "2022-01-05"}, None),
        ({"xaxis.range[0]": "garbage", "xaxis.range[1]": "2022-01-09"}, None),
    ],
)
def test_window_from_relayout(relayout, expected):
    assert window_from_relayout(relayout) == expected


def test_a_click_on_the_density_zooms_in_around_it():
    window = Window(sec("2022-01-01T00:00"), sec("2022-01-21T00:00"))
    click = {"points": [{"x": "2022-01-11 00:00", "y": 1, "z": 12, "curveNumber": 0}]}
    zoomed = zoom_into(click, window)
    assert zoomed == Window(sec("2022-01-10T00:00"), sec("2022-01-12T00:00"))


@pytest.mark.parametrize(
    "click",
    [
        None,
        {},
        {"points": []},
        {"points": [{"x": "2022-01-11", "y": 1, "customdata": "rally"}]},  # an event, not a band
        {"points": [{"x": "not a date", "y": 1, "z": 3}]},
    ],
)
def test_other_clicks_do_not_zoom(click):
    assert zoom_into(click, Window(0, 20 * DAY)) is None


# ---------------------------------------------------------------- the opening view ------------


def outliers_and_bulk() -> list[dict]:
    rows = [row(f"jan-{d}", f"2022-01-{d:02d}") for d in range(1, 21)]
    rows.append(row("old-verdict", "2017-06-07"))
    rows.append(row("next-decade", "2030-01-01"))
    return rows


def test_the_opening_view_shows_everything_when_close_together(index):
    window = Window.around(index, everything(index))
    assert window.low < index.start.min() and window.high > index.last.max()
    assert window.high - window.low < 40 * DAY


def test_the_opening_view_focuses_on_the_bulk():
    index = index_from_rows(outliers_and_bulk())
    window = Window.around(index, everything(index))
    assert window.low > sec("2021-12-01T00:00")
    assert window.high < sec("2022-02-01T00:00")
    assert window.low <= sec("2022-01-03T00:00") and window.high >= sec("2022-01-18T00:00")


def test_the_opening_view_focuses_on_the_bulk_when_the_outliers_are_all_at_one_end():
    """Two events BC and three of other years before a month's story: a share left out at each
    end kept two of them, and the month was a sliver at the right of the chart."""
    rows = [row(f"jan-{d}", f"2022-01-{d:02d}") for d in range(1, 21)]
    rows += [row("caesar", "-0043-03-15"), row("founding", "-0500"), row("old-verdict", "2017-06-07")]
    rows += [row("annulment", "2021-12"), row("refugee-status", "2020-09-29")]
    index = index_from_rows(rows)
    window = Window.around(index, everything(index))
    assert sec("2021-12-20T00:00") < window.low <= sec("2022-01-03T00:00")
    assert sec("2022-01-18T00:00") <= window.high < sec("2022-02-01T00:00")


def test_the_opening_view_of_events_mostly_at_one_moment_is_not_two_seconds_wide():
    rows = [row(f"at-{n}", "2022-01-05 10:00") for n in range(95)]
    rows += [row(f"day-{d}", f"2022-01-{d:02d}") for d in (1, 2, 8, 9, 10)]
    index = index_from_rows(rows)
    window = Window.around(index, everything(index))
    assert window.low < sec("2022-01-05T10:00") < window.high
    assert window.high - window.low >= 9 * DAY // 1000  # (the span: 1 to 10 January)


@pytest.mark.parametrize("event_id", ["old-verdict", "next-decade"])
def test_the_opening_view_includes_the_selected_event(event_id):
    index = index_from_rows(outliers_and_bulk())
    selected = index.position(event_id)
    window = Window.around(index, everything(index), selected)
    assert window.low < index.start[selected] <= index.last[selected] < window.high
    assert window.low < sec("2022-01-10T00:00") < window.high


def test_the_opening_view_follows_the_filters():
    index = index_from_rows(outliers_and_bulk())
    mask = apply(index, Filters(date_to="2020"))
    window = Window.around(index, mask)
    assert window.low < sec("2017-06-07T00:00") and window.high < sec("2018-01-01T00:00")


def test_the_opening_view_of_nothing_is_still_a_range():
    index = index_from_rows([row("a", "2022-01-01")])
    window = Window.around(index, np.zeros(1, dtype=bool))
    assert window.low < window.high


def test_until_the_first_figure_comes_the_chart_says_so_at_its_own_height(index, fig):
    shown = chart.placeholder(index)
    assert shown["data"] == []
    assert shown["layout"]["height"] == fig["layout"]["height"]  # nothing below moves
    assert not shown["layout"]["xaxis"]["visible"] and not shown["layout"]["yaxis"]["visible"]
    assert "Drawing the timeline" in shown["layout"]["annotations"][0]["text"]


@pytest.mark.parametrize(
    "low, high, labels",
    [
        ("-0541-05-26", "0852-08-01", ["400 BC", "200 BC", "AD 200", "AD 400", "AD 600", "AD 800"]),
        ("-0005-01-01", "0007-01-01", ["6 BC", "4 BC", "2 BC", "AD 2", "AD 4", "AD 6"]),
        ("-0043-01-01", "-0043-12-01", ["March 44 BC", "May 44 BC", "July 44 BC", "September 44 BC", "November 44 BC"]),
        (
            "-0043-03-14T06:00",
            "-0043-03-15T20:00",
            [
                "14 March 44 BC, 06:00",
                "14 March 44 BC, 12:00",
                "14 March 44 BC, 18:00",
                "15 March 44 BC, 00:00",
                "15 March 44 BC, 06:00",
                "15 March 44 BC, 12:00",
                "15 March 44 BC, 18:00",
            ],
        ),
    ],
)
def test_a_view_before_ad_1000_is_labelled_as_a_reader_writes_years(low, high, labels):
    """plotly.js would write -0400 and 0600; the axis says 400 BC and AD 600."""

    def second(text):
        return int(np.datetime64(text, "s").astype(np.int64))

    ticks = chart.axis_ticks(Window(second(low), second(high)))
    assert ticks["tickmode"] == "array" and ticks["ticktext"] == labels
    assert [second(v) for v in ticks["tickvals"]] == sorted(second(v) for v in ticks["tickvals"])
    assert all(second(low) <= second(v) <= second(high) for v in ticks["tickvals"])


@pytest.mark.parametrize(
    "dates, tickmode",
    [
        (["2022-01-05", "2022-03-09"], "auto"),  # (months: plotly.js's own)
        (["2022-01-05 10:00", "2022-01-09"], "auto"),  # (a time in view: its hours may matter)
        (["2022-01-05", "2022-01-09"], "linear"),  # (days, and no time: a tick at each day's start)
        (["2022-01-07", "2022-01-08"], "linear"),
    ],
)
def test_a_modern_view_keeps_plotlys_own_ticks_but_no_hours_where_no_event_has_a_time(dates, tickmode):
    # (a view of two days' events was ticked 00:00, 06:00, 12:00..., and each event, drawn in the
    # middle of its day, read as happening at noon: a review's finding)
    index = index_from_rows([row(chr(97 + i), date) for i, date in enumerate(dates)])
    xaxis = figure(index, everything(index))["layout"]["xaxis"]
    assert xaxis["tickmode"] == tickmode and xaxis["tickvals"] is None
    if tickmode == "linear":  # (from the view's first whole day)
        low = np.datetime64(xaxis["range"][0].replace(" ", "T"), "s")
        first = np.datetime64(xaxis["tick0"], "s")
        assert xaxis["dtick"] % (86_400 * 1000) == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", xaxis["tick0"])
        assert low <= first < low + np.timedelta64(86_400, "s")
    else:  # (a tick of days set before, by another view, is taken away: a zoom's update merges)
        assert xaxis["dtick"] is None and xaxis["tick0"] is None


@pytest.mark.parametrize("width", [126, 166, 250, 980])
def test_a_view_of_days_has_a_tick_however_narrow_the_plot(width):
    """On a phone, a week's step counted from 1 January 2000 (a Saturday) ticked no day of a view
    from 1 January 20:09 to 6 January 03:50: the chart had no dates at all (a probe's)."""
    low, high = (int(np.datetime64(t, "s").astype(np.int64)) for t in ("2022-01-01T20:09", "2022-01-06T03:50"))
    ticks = chart.axis_ticks(Window(low, high), plot=width, timed=False)
    first = int(np.datetime64(ticks["tick0"], "s").astype(np.int64))
    step = ticks["dtick"] // 1000
    assert ticks["tickmode"] == "linear" and low <= first <= high and first % 86_400 == 0
    assert len(range(first, high + 1, step)) <= max(2, width // chart.AUTO_TICK_PX) + 1


@pytest.mark.parametrize(
    "low, high, step",
    [("2017-06-01", "2023-06-01", 2), ("1990-01-01", "2023-01-01", 10), ("2020-01-01", "2022-06-01", 1)],
)
def test_a_phone_s_chart_of_years_has_a_tick_every_few_years(low, high, step):
    # (plotly.js ticked the six years of the legal events on a phone at 2020 alone: one date)
    window = Window(*(int(np.datetime64(day, "s").astype(np.int64)) for day in (low, high)))
    ticks = chart.axis_ticks(window, 260)
    assert ticks["tickmode"] == "linear" and ticks["dtick"] == f"M{12 * step}" and ticks["tick0"] == "2000-01-01"
    first, last = int(low[:4]), int(high[:4])
    assert 2 <= len([y for y in range(first, last + 1) if y % step == 0 and (y > first or low.endswith("01-01"))])
    assert chart.axis_ticks(window, 900)["tickmode"] == "auto"  # (a desktop's: plotly.js's own)


def test_a_zoom_into_a_day_of_days_keeps_its_hours():
    index = index_from_rows([row("a", "2022-01-05"), row("b", "2022-01-09")])
    morning = int(np.datetime64("2022-01-05T06", "s").astype(np.int64))
    day = Window(morning, morning + 12 * 3600)
    assert not chart.times_in_view(index, everything(index), day)
    assert chart.axis_ticks(day, 1000, timed=False)["tickmode"] == "auto"  # (less than a day: no day's start in it)


def test_bc_events_are_drawn_where_they_happened():
    index = index_from_rows([row("marathon", "490 BC"), row("caesar", "15 March 44 BC"), row("hijra", "622")])
    fig = figure(index, everything(index))
    xs = [x for trace in fig["data"] for x in (trace.get("x") or []) if isinstance(x, str)]
    assert any(x.startswith("-0489-") for x in xs) and any(x.startswith("-0043-03-15") for x in xs)
    assert fig["layout"]["xaxis"]["range"][0].startswith("-05")
    assert fig["layout"]["xaxis"]["ticktext"][:2] == ["400 BC", "200 BC"]


# ---------------------------------------------------------------- any scale -------------------

COLLISION = [
    row("contact", "2022-01-07 00:45", category="sea"),
    row("fire", "2022-01-07 01:02", category="sea"),
    row("abandon", "2022-01-07 01:30", category="sea"),
]
CENTURIES = [row("marathon", "490 BC"), row("hijra", "622"), row("printing", "1450")]


@pytest.mark.parametrize(
    "rows, low, high, most",
    [
        (COLLISION, "2022-01-07T00:45", "2022-01-07T01:30", 0.2),
        (CENTURIES, "-0489-01-01", "1450-12-31", 0.2),
        ([row("one", "2022-01-07 00:45")], "2022-01-07T00:45", "2022-01-07T00:45", 2.0),
    ],
)
def test_the_padding_around_the_data_is_proportional_to_its_span(rows, low, high, most):
    """A chronology of minutes fills the chart as one of centuries does (no half day either side)."""
    index = index_from_rows(rows)
    window = Window.around(index, everything(index))
    span = max(sec(high) - sec(low), 60)
    assert window.low <= int(index.start.min()) and window.high >= int(index.last.max())
    assert (window.high - window.low) - span <= most * span


# ---------------------------------------------------------------- what the view leaves out ----


def test_the_view_counts_the_events_it_leaves_out_at_each_edge():
    index = index_from_rows(outliers_and_bulk())  # 2017, twenty in January 2022, 2030
    mask = everything(index)
    edges = chart.edges(index, mask, Window.around(index, mask))
    assert (edges.before, edges.after, edges.kept) == (1, 1, 22)
    assert edges.text() == "20 of 22 events in view"
    whole = chart.edges(index, mask, Window.around(index, mask, whole=True))
    assert (whole.before, whole.shown, whole.after) == (0, 22, 0)


@pytest.mark.parametrize("side, event_id", [("before", "old-verdict"), ("after", "next-decade")])
def test_a_click_on_an_edge_widens_the_view_to_what_lay_beyond(side, event_id):
    index = index_from_rows(outliers_and_bulk())
    mask = everything(index)
    window = Window.around(index, mask)
    wider = chart.widened(index, mask, window, side)
    assert chart.in_window(index, mask, wider)[index.position(event_id)]
    assert getattr(chart.edges(index, mask, wider), side) == 0
    # the other edge stays where it was
    assert (wider.high == window.high) if side == "before" else (wider.low == window.low)


def test_the_range_slider_covers_the_whole_span():
    index = index_from_rows(outliers_and_bulk())
    xaxis = figure(index, everything(index))["layout"]["xaxis"]
    low, high = (sec(v.replace(" ", "T")[:19]) for v in xaxis["rangeslider"]["range"])
    assert low < sec("2017-06-07T00:00") and high > sec("2030-01-01T12:00")


# ---------------------------------------------------------------- titles on the chart ---------


def titles_drawn(fig) -> dict[str, str]:
    """Every event drawn with its title: id -> the title shown."""
    out = {}
    for trace in fig["data"]:
        if trace.get("customdata") and trace.get("text") is not None:
            out.update({e: t for e, t in zip(trace["customdata"], trace["text"]) if t.strip()})
    spans = [t for t in fig["data"] if t["name"] == "span titles"]
    bars = [t for t in fig["data"] if t["type"] == "bar" and t.get("customdata")]
    for labels in spans:  # a span's title sits in its bar, at the bar's height
        for text, y in zip(labels["text"], labels["y"]):
            (event_id,) = [
                e
                for e, yy in zip(bars[0]["customdata"], bars[0]["y"])
                if yy == y and e not in out and text.rstrip("…") in _title_of(e)
            ]
            out[event_id] = text
    return out


def test_a_span_s_title_that_does_not_fit_in_its_bar_is_written_beside_it_not_across_its_edge():
    """On a phone's chart, "Internet shutdown..." ran out of its short bar across the bar's end."""
    index = index_from_rows(
        [
            row("first", "2022-01-01", title="Start"),
            row("cut", "2022-01-04", end_date="2022-01-06", title="Internet shutdown across the country"),
            row("long", "2022-01-02", end_date="2022-01-28", title="Curfew"),
            row("last", "2022-01-31", title="End"),
        ]
    )
    for width in (300, 1000):
        fig = figure(index, everything(index), width=width)
        (bars,) = [t for t in fig["data"] if t["type"] == "bar" and t.get("customdata")]
        (titles,) = by_name(fig, "span titles")
        ends = {
            e: (sec(base[:19]), sec(base[:19]) + int(length / 1000))
            for e, base, length in zip(bars["customdata"], bars["base"], bars["x"])
        }
        at = {
            text.rstrip("…")[:6]: (sec(x[:19]), side)
            for text, x, side in zip(titles["text"], titles["x"], titles["textposition"])
        }
        # the long bar holds its short title, from its start
        assert at["Curfew"][1] == "middle right" and ends["long"][0] < at["Curfew"][0] < ends["long"][1]
        # the short bar's title after its end (whole where the chart has the room)
        assert at["Intern"][0] > ends["cut"][1] and at["Intern"][1] == "middle right"
        whole = "Internet shutdown across the country" in titles["text"]
        assert whole is (width == 1000)


def _title_of(event_id):
    return {r["id"]: r["title"] for r in ROWS}[event_id]


def test_every_event_in_view_has_its_title(index, fig):
    shown = titles_drawn(fig)
    assert set(shown) == POINTS | SPANS
    assert shown["injected"] == "&lt;img src=x onerror=alert(1)&gt;"  # as text, escaped


def test_long_titles_are_shortened_on_the_chart_and_whole_in_the_hover():
    long = "A very long title that goes on " * 8
    index = index_from_rows([row("a", "2022-01-01", title=long)])
    fig = figure(index, everything(index), width=600)
    (shown,) = titles_drawn_any(fig)
    assert shown.endswith("…") and len(shown) < 60
    assert long[:80] in hover(fig, "a")


def titles_drawn_any(fig) -> list[str]:
    return [t for trace in fig["data"] for t in (trace.get("text") or []) if t.strip()]


@pytest.mark.parametrize("chosen", [None, "e0", "e29"])
@pytest.mark.parametrize("rows", [2, 3, 40])
def test_a_mark_drawn_without_its_title_has_a_space_never_an_empty_text(monkeypatch, chosen, rows):
    # plotly.js drops the text element of a mark whose text is "", and never draws the title
    # the next figure gives that mark (plotly.js #5360): a title lost after another event is
    # chosen (its title had moved to the ring) or a zoom (a title packing had left out).
    index = index_from_rows([row(f"e{i}", "2022-01-05", category="one") for i in range(30)])
    monkeypatch.setattr(packing, "MAX_ROWS", rows)
    fig = figure(index, everything(index), selected=None if chosen is None else index.position(chosen))
    titled = [trace for trace in fig["data"] if "text" in trace.get("mode", "")]
    assert titled and all(text != "" for trace in titled for text in trace["text"])
    untitled = [text for trace in titled for text in trace["text"] if not text.strip()]
    assert len(untitled) == (30 - len(titles_drawn(fig)) if rows < 40 else 1 if chosen else 0)


def test_beyond_the_label_capacity_plain_marks(crowded, monkeypatch):
    monkeypatch.setattr(packing, "CAPACITY", 50)
    fig = figure(crowded, everything(crowded))
    assert not titles_drawn_any(fig) and not heatmaps(fig)
    assert len(drawn(fig)) == 120


def test_the_selected_title_is_shown_among_many(monkeypatch):
    index = index_from_rows([row(f"e{i}", "2022-01-05", category="one") for i in range(30)])
    monkeypatch.setattr(packing, "MAX_ROWS", 3)
    last = index.position("e29")
    fig = figure(index, everything(index), selected=last)
    (events,) = by_name(fig, "events")
    shown = {e for e, t in zip(events["customdata"], events["text"]) if t.strip()}
    (ring,) = by_name(fig, "selected ring")
    # (its title beside the ring, drawn by the ring's trace, which sets it beyond the ring: it
    # crossed the title's first letter)
    assert ring["text"] == [index.events["title"].iat[last]] and ring["mode"] == "markers+text"
    assert "e29" not in shown and len(shown) == 2


# ---------------------------------------------------------------- the chart's frame ------------


def test_the_charts_toolbar_icons_can_be_seen():
    # (plotly.js's are grey at 30%, 1.7:1 on white: a review's finding; a control's picture needs 3:1)
    index = index_from_rows(many(4))
    modebar = figure(index, everything(index))["layout"]["modebar"]
    for colour in (modebar["color"], modebar["activecolor"]):
        assert chart.contrast([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) >= 3


@pytest.mark.parametrize("lanes", [1, 2, 6])
def test_the_range_slider_is_tall_enough_to_see_and_take_whatever_the_lanes(lanes):
    # (filtered to one or two lanes, the slider was 10-16 px high, its handles 10 px: a review's finding)
    index = index_from_rows(many(12, lanes=lanes))
    layout = figure(index, everything(index))["layout"]
    inner = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    slider = layout["xaxis"]["rangeslider"]["thickness"] * inner
    assert slider >= chart.SLIDER_PX - 0.01 and layout["yaxis"]["domain"][0] * inner >= slider + 15


@pytest.mark.parametrize("lanes", [1, 2, 6])
def test_the_range_slider_has_room_for_half_a_mark_beyond_its_first_and_last_lanes(lanes):
    # (its lanes were the chart's to the edge: the first lane's marks, a pixel under the slider's
    # top, were cut in half)
    index = index_from_rows(many(12, lanes=lanes))
    fig = figure(index, everything(index))
    layout = fig["layout"]
    inner = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    px = layout["xaxis"]["rangeslider"]["thickness"] * inner
    bottom, top = layout["xaxis"]["rangeslider"]["yaxis"]["range"]
    per_px = (bottom - top) / px
    ys = [y for trace in fig["data"] if trace.get("xaxis", "x") == "x" for y in trace["y"] if y is not None]
    radius = chart.SLIDER_MARK_PX / 2
    assert ys and min(ys) - radius * per_px >= top and max(ys) + radius * per_px <= bottom, (top, bottom, ys)


@pytest.mark.parametrize("width", [320, 1000])
def test_the_range_slider_s_height_is_added_to_the_chart_not_taken_from_its_lanes(width):
    # (made 30 px high at least, it first took the lanes' room: a lane of four titles one above
    # the other had 13.5 px a title on a phone: the review's finding)
    index = index_from_rows([row(f"e{i}", "2022-01-05", category="one") for i in range(4)])
    layout = figure(index, everything(index), width=width)["layout"]
    inner = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    room = inner * (1 - layout["yaxis"]["domain"][0])
    assert room >= 0.9 * chart.ROW_PX * max(layout["yaxis"]["range"]), (room, layout["yaxis"]["range"])


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "kk", "ar"])
@pytest.mark.parametrize("width", [296, 366])
def test_a_legend_of_many_rows_is_added_to_the_chart_not_taken_from_its_lanes(lang, width):
    # (a phone 320 px wide, one category chosen: the legend's five rows in Kazakh left its lane 2 px,
    # two titles drawn over each other: a probe's finding)
    index = index_from_rows([row(f"e{i}", f"2022-01-0{i + 5}", category="casualties") for i in range(2)])
    with i18n.using(lang):
        layout = figure(index, everything(index), width=width)["layout"]
    inner = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    room = inner * (1 - layout["yaxis"]["domain"][0])
    least = (chart.LANES_LEAST - 0.01) * chart.ROW_PX * max(layout["yaxis"]["range"])
    assert room >= least, (room, layout["yaxis"]["range"])


@pytest.mark.parametrize("events", [35, 600])
@pytest.mark.parametrize("width", [351, 980])
def test_the_frame_leaves_room_for_the_dates_the_slider_and_the_legend(events, width):
    """The margins are given, not grown by plotly.js after a first draw (which draws the chart
    twice): under the lanes there is room for the range slider; above them, for the legend's
    rows (more at a phone's width) and the dates, which are on top whatever the chart's height
    (where it opens: under the lanes they were below the fold of a laptop's window)."""
    index = index_from_rows(many(events, lanes=6))
    fig = figure(index, everything(index), width=width)
    layout = fig["layout"]
    margin, inner = layout["margin"], layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    below = layout["yaxis"]["domain"][0] * inner
    slider = layout["xaxis"]["rangeslider"]["thickness"] * inner
    assert layout["xaxis"]["side"] == "top"
    # plotly.js's slider needs its height and a gap of 15 px
    assert below >= slider + 15
    assert 20 < slider <= 60
    names = chart.legend_names(fig["data"])
    rows = chart.legend_rows(names, chart.legend_px(width, margin["l"]))
    assert (rows == 1) == (width == 980)  # a phone's chart: the legend wraps
    assert margin["t"] >= 10 + chart.LEGEND_ROW_PX * rows + chart.DATES_PX
    # the lane names fit on the left
    assert margin["l"] >= 10 + 0.9 * max(packing.text_width("● " + n, 13) for n in index.lanes)


def test_the_legend_wraps_in_a_narrow_chart():
    names = ["Event", "Span (lasts a while)", "Disputed: sources disagree on the date", "Selected"]
    assert chart.legend_rows(names, 2000) == 1
    assert chart.legend_rows(names, 200) == 4
    assert chart.legend_rows([], 200) == 0


@pytest.mark.parametrize(
    "name, room, lines",
    [
        ("Disputed: sources disagree on the date", 800, 1),
        ("Disputed: sources disagree on the date", 150, 2),
        ("Даулы: дереккөздер күні бойынша келіспейді", 140, 3),
        ("Event", 20, 1),  # (a word longer than the room: on its line)
    ],
)
def test_a_legend_entry_wider_than_a_phone_s_chart_goes_on_more_lines(name, room, lines):
    """plotly.js does not wrap a legend entry: at 320 px, Kazakh's ran off the screen."""
    wrapped = chart.legend_name(name, room).split("<br>")
    assert len(wrapped) == lines and " ".join(wrapped) == name
    assert all(packing.text_width(line, 12) * chart.TEXT_SHARE <= room for line in wrapped if " " in line)
    assert chart.legend_rows(["<br>".join(wrapped)], 2000) == lines
    assert chart.legend_rows(["Event", "<br>".join(wrapped), "Selected"], 2000) == lines  # (one row, as tall)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_on_a_phone_the_density_s_legend_and_an_empty_chart_s_note_go_on_more_lines(monkeypatch, crowded, lang):
    """At 320 to 414 px the density's legend entry ("Events per period (darker: more; zoom in for
    single events)", 400 to 550 px) ran under the toolbar and off the figure, and the note of an
    empty chart was cut off at both ends (a probe's): each on lines that fit."""
    monkeypatch.setattr(chart, "MAX_MARKERS", 10)
    with i18n.using(lang):
        data = figure(crowded, everything(crowded), width=296)["data"]
        note = figure(crowded, np.zeros(len(crowded.events), dtype=bool), width=296)["layout"]["annotations"][0]
    (density,) = [trace for trace in data if trace["type"] == "heatmap"]
    room = chart.legend_room(296, chart.left_px(crowded))
    for line in density["name"].split("<br>"):
        assert " " not in line or packing.text_width(line, 12) * chart.TEXT_SHARE <= room, line
    assert len(density["name"].split("<br>")) > 1
    for line in note["text"].split("<br>"):
        assert " " not in line or packing.text_width(line, 15) * chart.TEXT_SHARE <= chart.plot_width(crowded, 296)


def test_on_a_phone_the_dates_on_top_are_fewer_and_level():
    """At 390 px a day's view had five labels or more, turned on end and cut by the legend above
    them ("2022 0:00 | 6:00 | 2:00": 12:00 read as 2:00)."""
    index = index_from_rows([row("a", "2022-01-08 14:30"), row("b", "2022-01-08 16:00")])
    window = Window(
        int(np.datetime64("2022-01-07T23:00", "s").astype(np.int64)),
        int(np.datetime64("2022-01-09T01:00", "s").astype(np.int64)),
    )
    phone = figure(index, everything(index), window=window, width=366)["layout"]["xaxis"]
    assert phone["tickangle"] == 0 and 2 <= phone["nticks"] <= 4
    desktop = figure(index, everything(index), window=window, width=980)["layout"]["xaxis"]
    assert "nticks" not in desktop and "tickangle" not in desktop  # (plotly.js's own, as before)


@pytest.mark.parametrize("day", ["2022-01-01", "2022-01-06", "2022-01-11"])
def test_on_a_narrow_chart_a_title_fits_beside_its_mark_or_says_it_is_cut(day):
    """A phone's plot is about 190 px wide: a title in the middle has half of it on either side,
    so it is shortened with "…" to fit there, never cut off by the plot's edge mid-word."""
    title = "Smailov confirmed as prime minister by parliament"
    rows = [row("first", "2022-01-01"), row("last", "2022-01-11"), row("e", day, title=title)]
    index = index_from_rows(rows)
    positions = np.flatnonzero(everything(index))
    window = Window(int(index.start.min()), int(index.last.max()) + 1)
    plot = 190.0
    traces, _ = chart.labelled_traces(index, positions, window, plot, None)
    (shown,) = [t for trace in traces for t in (trace.get("text") or []) if t.startswith("Smailov")]
    e = int(np.flatnonzero(np.array(index.values("id", positions)) == "e")[0])
    anchor = (index.x[positions][e] - window.low) * plot / (window.high - window.low)
    room = max(plot - anchor, anchor) - packing.OFFSET
    assert packing.text_width(shown, chart.LABEL_SIZE) <= room
    assert shown.endswith("…") and title.startswith(shown[:-1].rstrip())


def test_a_hover_label_reads_at_any_lane_s_colour(fig):
    """Dark text on white (plotly's own labels take the lane's colour: 3.2:1 on the olive)."""
    label = fig["layout"]["hoverlabel"]
    assert label["bgcolor"] == "#ffffff"
    text = label["font"]["color"]
    assert chart.contrast([int(text[i : i + 2], 16) for i in (1, 3, 5)]) >= 4.5
    assert not any("hoverlabel" in trace for trace in fig["data"])  # (no trace takes its own back)


@pytest.mark.parametrize(
    "rows",
    [
        [row("open-ended", "2022-01-05", end_date="9999-12-31"), row("rally", "2022-01-06")],  # (a program's "no end")
        [row("ancient", "-9999"), row("rally", "2022-01-06")],
        [row("first-day", "0001-01-01"), row("last-day", "9999-12-31 23:59")],
        [row("last-day", "9999-12-31")],  # (one event at the end: drawn, in a view of some width)
        [row("last-minute", "9999-12-31 14:30")],
        [row("first-day", "-9999-01-01")],
    ],
)
def test_a_date_at_either_end_of_the_calendar_keeps_the_view_within_what_plotly_draws(rows):
    """Padding around a date in 9999 or -9999 took the view past the years plotly can draw, and
    it drew an empty chart (the whole span, a selected event, a widened view alike)."""
    index = index_from_rows(rows)
    mask = everything(index)
    windows = [
        Window.around(index, mask),
        Window.around(index, mask, selected=0, whole=True),
        chart.widened(index, mask, Window.around(index, mask), "before"),
        chart.widened(index, mask, Window.around(index, mask), "after"),
    ]
    for fig in (figure(index, mask), figure(index, mask, selected=0)):
        assert all(re.fullmatch(r"-?\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", v) for v in fig["layout"]["xaxis"]["range"])
    for window in windows:
        assert chart.FIRST_SECOND <= window.low < window.high <= chart.LAST_SECOND
        assert chart.in_window(index, mask, window).any()
        # ...and labelled by us where plotly would write the year 10000 as "0000"
        ticks = chart.axis_ticks(window)
        if window.high >= chart.FAR_FUTURE and window.high - window.low > 2 * 365 * DAY:
            assert ticks["tickmode"] == "array" and ticks["ticktext"] and "0000" not in ticks["ticktext"]
