"""As of a date (issue 15): which events, accounts and disputes were known by then, and how a
figure changed over the publication dates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline
from timeline import i18n
from timeline.index import build_index
from timeline.state import Filters, State, apply, as_of_bound
from timeline.view import claims, controls, export, panel
from timeline.view.figure import view_window
from timeline.view.map import map_data

from .helpers import csv_bytes, ids, index_from_rows, row

ROWS = [
    # an event known from 3 January; a second account, on another date, out on 9 January
    row("order", "2022-01-07", source="LA Times", published="2022-01-07"),
    row("order", "2022-01-08", source="franceinfo", published="2022-01-09"),
    # an event whose only account came out on 10 January
    row("toll", "2022-01-08", source="AP", published="2022-01-10", figure="164", figure_unit="dead", retracted="yes"),
    row("toll", "2022-01-08", source="Khabar 24", figure="44", figure_unit="dead"),  # undated
    row("toll", "2022-01-08", source="AFP", published="2022-01-15", figure="225", figure_unit="dead"),
    # undated, of a day after the as-of dates below: not known yet
    row("sentenced", "2023-04-24", source="AFP"),
    # published in a month: known from the later of its first day and the date it gives
    row("interview", "2022-01-08", source="franceinfo", published="2022-01"),
]


@pytest.fixture(scope="module")
def index():
    return index_from_rows(ROWS)


def at(index, as_of):
    filters = Filters(as_of=as_of)
    return index.at(as_of_bound(filters)), apply(index, filters)


@pytest.mark.parametrize(
    "as_of, kept, disputed",
    [
        ("", ["order", "interview", "toll", "sentenced"], ["order"]),
        ("2022-01-06", [], []),  # nothing out yet
        ("2022-01-07", ["order"], []),  # one account: no dispute
        ("2022-01-08", ["order", "interview", "toll"], []),  # undated: from the date it gives
        ("2022-01-09", ["order", "interview", "toll"], ["order"]),  # the second account is out
        ("9 January 2022", ["order", "interview", "toll"], ["order"]),  # any form check reads
        ("2022-01", ["order", "interview", "toll"], ["order"]),  # a month: its last day
        ("2024", ["order", "interview", "toll", "sentenced"], ["order"]),
    ],
)
def test_as_of_keeps_the_events_and_disputes_known_by_then(index, as_of, kept, disputed):
    shown, mask = at(index, as_of)
    assert sorted(ids(index, mask)) == sorted(kept)
    assert sorted(ids(index, mask & shown.disputed)) == sorted(disputed)


# An event shown with its first row's date, 6 January, whose account giving it came out on 8
# January, and an account of another date (undated: known from 5 January) before it: as of 5
# January it was shown on 6 January, a date nobody had given yet (a probe's finding, from
# events.csv's massimov-detained). An account giving the same date known before the first row's
# shows the event from then, as it did.
FIRSTS = [
    row("detained", "2022-01-06", source="AFP", published="2022-01-08"),
    row("detained", "2022-01-05", source="Defence"),
    row("said", "2022-01", source="EFE", published="2022-01-05"),
    row("said", "2022-01", source="HRW"),  # (undated: known from 1 January, the month's first day)
    row("timed", "2022-01-07 14:30+06:00", source="AFP", published="2022-01-09"),
    row("timed", "2022-01-07 14:30Z", source="Reuters", published="2022-01-07"),  # (another moment)
    row("moment", "2022-01-07 14:30+06:00", source="AFP", published="2022-01-09"),
    row("moment", "2022-01-07 08:30Z", source="Reuters", published="2022-01-07"),  # (the same moment: its date)
]


@pytest.mark.parametrize(
    "as_of, kept",
    [
        ("2022-01-04", ["said"]),
        ("2022-01-05", ["said"]),
        ("2022-01-07", ["moment", "said"]),
        ("2022-01-08", ["detained", "moment", "said"]),
        ("2022-01-09", ["detained", "moment", "said", "timed"]),
    ],
)
def test_as_of_a_date_an_event_is_shown_once_an_account_giving_its_date_is_out(as_of, kept):
    index = index_from_rows(FIRSTS)
    shown, mask = at(index, as_of)
    assert sorted(ids(index, mask)) == kept
    # (and the accounts of those not shown yet are neither shown nor counted among the outlets)
    events = set(index.events["id"].iloc[index.account_event[shown.shown]])
    assert events <= set(kept)
    if as_of <= "2022-01-07":
        assert "Defence" not in dict(shown.outlets)


def test_an_event_chosen_as_of_a_date_before_its_date_was_given_says_neither_its_date_nor_its_place():
    """A link to an event as of a date before any account giving its date was out: its panel
    said its date and place (a date nobody had given yet), beside "0 accounts"."""
    index = index_from_rows(
        [*FIRSTS, row("placed", "2022-01-09", source="AFP", published="2022-01-09", location="Almaty")]
    )
    for as_of, told in (("2022-01-07", False), ("2022-01-08", True)):
        shown, _ = at(index, as_of)
        view = panel.event_panel(shown, index.position("detained"))
        assert (view.date == "6 January 2022") is told and (view.date == "") is not told
    view = panel.event_panel(at(index, "2022-01-08")[0], index.position("placed"))
    assert (view.date, view.location, view.coordinates) == ("", "", "")
    assert panel.event_panel(index, index.position("placed")).location == "Almaty"
    # (nor is the chart drawn to its date, nor the map moved to its place: the review's finding)
    shown, mask = at(index, "2022-01-08")
    placed = index.position("placed")
    assert map_data(shown, mask, None, placed)["selected"] is None
    assert map_data(index, np.ones(len(index), bool), None, placed)["selected"] is not None
    assert view_window(shown, mask, placed)[0] == view_window(shown, mask, None)[0]


CLOCKS = [
    # the same clock time at two UTC offsets, six hours apart: disputed once the second is out
    row("apart", "2022-01-07 14:30+06:00", source="Tengrinews", published="2022-01-07"),
    row("apart", "2022-01-07 14:30Z", source="AFP", published="2022-01-09"),
    # one moment on two clocks: never disputed, whoever's accounts are known
    row("moment", "2022-01-07 23:30+06:00", source="Tengrinews", published="2022-01-07"),
    row("moment", "2022-01-07 17:30Z", source="AFP", published="2022-01-08"),
    row("moment", "2022-01-07", source="Reuters", published="2022-01-09"),
]


def test_disputes_as_of_a_date_are_on_the_clocks_of_the_accounts_known_by_then():
    """A day with no offset may be on any clock of the accounts known by then, not on that of an
    account not out yet."""
    index = index_from_rows(
        [
            row("raid", "2022-01-06", source="Reuters", published="2022-01-06"),
            row("raid", "2022-01-05 19:00Z", source="AFP", published="2022-01-08"),
            row("raid", "2022-01-06 01:00+06:00", source="Tengrinews", published="2022-01-07"),
            row("late", "2022-01-06", source="Reuters", published="2022-01-06"),
            row("late", "2022-01-06 01:00+06:00", source="Tengrinews", published="2022-01-07"),
            row("late", "2022-01-06 01:00Z", source="AFP", published="2022-01-08"),  # 07:00 in Almaty
        ]
    )
    # the day on Almaty's clock agrees with 01:00 there (19:00 UTC the day before)
    for as_of in ("2022-01-07", "2022-01-08"):
        shown, mask = at(index, as_of)
        assert "raid" not in ids(index, mask & shown.disputed)
    # AFP's 01:00 UTC is 07:00 in Almaty, six hours after the other time: disputed once it is out
    shown, mask = at(index, "2022-01-07")
    assert "late" not in ids(index, mask & shown.disputed)
    shown, mask = at(index, "2022-01-08")
    assert "late" in ids(index, mask & shown.disputed)


@pytest.mark.parametrize("as_of, disputed", [("2022-01-08", []), ("2022-01-09", ["apart"]), ("", ["apart"])])
def test_disputes_as_of_a_date_compare_times_at_different_offsets_as_moments(as_of, disputed):
    index = index_from_rows(CLOCKS)
    shown, mask = at(index, as_of)
    assert sorted(ids(index, mask & shown.disputed)) == disputed


@pytest.mark.parametrize(
    "as_of, sources, undated",
    [
        ("2022-01-10", ["AP", "Khabar 24"], ["Khabar 24"]),  # AFP's 225 is not out
        ("2022-01-08", ["Khabar 24"], ["Khabar 24"]),
        ("", ["AP", "Khabar 24", "AFP"], ["Khabar 24"]),
    ],
)
def test_the_panel_shows_the_accounts_known_and_marks_the_undated(index, as_of, sources, undated):
    shown, _ = at(index, as_of)
    view = panel.event_panel(shown, index.position("toll"))
    assert [a.source for a in view.accounts] == sources
    assert [a.source for a in view.accounts if a.undated] == undated
    assert all("publication date not given" in a.undated.lower() for a in view.accounts if a.undated)
    assert view.not_yet == 3 - len(sources)
    assert bool(view.as_of) == bool(as_of)


def test_the_export_holds_only_the_accounts_known_by_then(index):
    shown, mask = at(index, "2022-01-10")
    text = export.accounts_csv(shown, mask)
    assert "AFP" not in text.split("toll", 1)[1].split("\n", 1)[0]
    assert text.count("\ntoll,") == 2 and "\nsentenced," not in text


@pytest.mark.parametrize(
    "search, as_of",
    [
        ("?asof=2022-01-08", "2022-01-08"),
        ("?asof=8+January+2022", "8 January 2022"),
        ("?asof=" + "9" * 41, ""),  # over its bound: refused
        ("?asof=%3Cscript%3E", ""),  # not of a date's shape: refused
    ],
)
def test_as_of_in_the_address(search, as_of):
    state = State.from_search(search)
    assert state.filters.as_of == as_of
    assert bool(state.refused) == (not as_of)
    if as_of:
        assert State.from_search(state.to_search()) == state
        assert state.filters.active


def test_the_counter_says_as_of_when(index):
    shown, mask = at(index, "2022-01-09")
    assert panel.counter_text(shown, mask) == "3 of 4 events, as known on 9 January 2022"
    assert panel.counter_text(index, np.ones(len(index), bool)) == "4 of 4 events"


def test_the_as_reported_sequence_is_in_the_order_the_accounts_came_out(index):
    view = panel.event_panel(index, index.position("toll"))
    assert [(r.source, r.undated) for r in view.reported] == [("Khabar 24", True), ("AP", False), ("AFP", False)]
    assert view.reported[0].when == "8 January 2022, the date it gives (publication date not given)"
    assert view.reported[1].when == "10 January 2022" and view.reported[1].retracted == "retracted"
    assert view.reported[1].said == "164 dead"


@pytest.mark.parametrize(
    "date, said",
    [
        ("2022-07", "July 2022, the date it gives (publication date not given)"),  # (not "1 July 2022")
        ("2022", "2022, the date it gives (publication date not given)"),
        ("2022-07-08", "8 July 2022, the date it gives (publication date not given)"),
        ("2022-07-08 14:30", "8 July 2022, the date it gives (publication date not given)"),
    ],
)
def test_an_account_with_no_publication_date_is_placed_at_its_date_as_it_gives_it(date, said):
    index = index_from_rows(
        [
            row("toll", "2022-01-08", source="AP", published="2022-01-10", figure="164", figure_unit="dead"),
            row("toll", date, source="HRW", figure="230", figure_unit="dead"),
        ]
    )
    view = panel.event_panel(index, 0)
    assert {r.source: r.when for r in view.reported} == {"AP": "10 January 2022", "HRW": said}
    assert view.accounts[1].undated == said[0].upper() + said[1:]


def test_no_sequence_when_every_account_came_out_the_same_day():
    index = index_from_rows(
        [row("a", "2022-01-07", published="2022-01-07"), row("a", "2022-01-08", source="AP", published="2022-01-07")]
    )
    assert panel.event_panel(index, 0).reported == []


@pytest.mark.parametrize(
    "rows, expected",
    [
        # each source's value, in the order they came out; a retracted one kept and marked
        (ROWS[2:5], {"dead": [("Khabar 24", 44.0, ""), ("AP", 164.0, "retracted"), ("AFP", 225.0, "")]}),
        # no figures: no chart
        ([row("a", "2022-01-07")], {}),
        # two units: a series each, the one with more values first
        (
            [
                row("a", "2022-01-07", published="2022-01-07", figure="3000", figure_unit="detained"),
                row("a", "2022-01-09", source="AP", published="2022-01-10", figure="5800", figure_unit="detained"),
                row(
                    "a",
                    "2022-01-09",
                    source="AP",
                    published="2022-01-10",
                    figure="26",
                    figure_unit="dead",
                    retracted="2022-01-11",
                ),
            ],
            {
                "detained": [("Reuters", 3000.0, ""), ("AP", 5800.0, "")],
                "dead": [("AP", 26.0, "retracted on 11 January 2022")],
            },
        ),
    ],
)
def test_the_figure_series(rows, expected):
    index = index_from_rows(rows)
    position = index.position(rows[0]["id"])
    series = panel.event_panel(index, position).figures
    assert {unit: [(p.source, p.value, p.retracted) for p in points] for unit, points in series.items()} == expected
    assert list(series) == list(expected)


def test_the_step_chart_labels_every_value_and_draws_a_retracted_one_apart(index):
    points = panel.event_panel(index, index.position("toll")).figures["dead"]
    figure = claims.step_figure(points, "dead")
    labels = [text for trace in figure["data"] for text in trace.get("text", [])]
    assert sorted(labels) == ["164<br>(AP)<br>retracted", "225<br>(AFP)", "44<br>(Khabar 24)"]
    line = next(t for t in figure["data"] if t["mode"] == "lines")
    assert 164 not in line["y"]  # the line does not step to a retracted value
    # A source's name is text, never markup, in plotly's labels
    hostile = [
        claims.Point(0, "1 January 1970", 1.0, "dead", "<b>x</b>", "<b>x</b>", False, "", 2),
        claims.Point(86_400, "2 January 1970", 2.0, "dead", "y", "y", False, "", 3),
    ]
    shown = [t for trace in claims.step_figure(hostile, "dead")["data"] for t in trace.get("text", [])]
    assert "<b>" not in "".join(shown) and "&lt;b&gt;" in "".join(shown)
    # ...and so is its unit, the axis's title (plotly draws a title's tags and links)
    unit = '<a href="mailto:a@example.org">dead</a>'
    title = claims.step_figure(hostile, unit)["layout"]["yaxis"]["title"]["text"]
    assert title == '&lt;a href="mailto:a@example.org"&gt;dead&lt;/a&gt;'
    names = {t["name"] for t in figure["data"]}
    assert {"retracted", "publication day not given", "published that day"} <= names


@pytest.mark.parametrize(
    "lang, label",
    [
        ("en", "164<br>(AP)<br>retracted"),
        ("ru", "164<br>(AP)<br>опровергнуто"),
        # (its word long, no room beside the source: the word, not the value alone, "164")
        ("kk", "164<br>теріске<br>шығарылды"),
    ],
)
def test_a_retracted_value_on_the_step_chart_says_so_in_every_language(lang, label):
    index = build_index(timeline.load(Path(__file__).resolve().parent.parent / "events.csv"))
    with i18n.using(lang):
        points = panel.event_panel(index, index.position("death-toll")).figures
        [figure] = [claims.step_figure(values, unit) for unit, values in points.items()]
    assert label in [text for trace in figure["data"] for text in trace.get("text", [])]


@pytest.mark.parametrize(
    "cells, problems",
    [
        ({"figure": "238", "figure_unit": "dead"}, []),
        ({"figure": "2.5"}, []),
        (
            {"figure": "1,000", "figure_unit": "dead"},
            [("figure", "error", "reads two ways: 1000 with a comma")],
        ),
        # a dot before groups of three digits: a thousand (German, Spanish...) or 1: refused, both named
        ({"figure": "1.000", "figure_unit": "dead"}, [("figure", "error", "reads two ways: 1000 with a dot")]),
        ({"figure": "2.500.000"}, [("figure", "error", "separators between its thousands; write 2500000")]),
        ({"figure": "2.500"}, [("figure", "error", "or 2.5; write 2500 or 2.5")]),
        ({"figure": "12.50"}, []),
        ({"figure": "0.500"}, []),
        ({"figure": "about 12000"}, [("figure", "error", "write 12000, and say the rest ('about')")]),
        ({"figure_unit": "dead"}, [("figure_unit", "warning", "without a figure")]),
        ({"figure": "164", "retracted": "yes"}, []),
        ({"figure": "164", "retracted": "9 January 2022"}, []),
        ({"figure": "164", "retracted": "maybe"}, [("retracted", "error", "is not yes, no or a date")]),
        # a date refused for a reason of its own is told as in `date` (it was "not yes, no or a date")
        (
            {"figure": "164", "retracted": "08/01/22"},
            [("retracted", "error", "can be read three ways: 8 January 2022 (day first), 1 August 2022 (month first)")],
        ),
        ({"figure": "164", "retracted": "2022-02-30"}, [("retracted", "error", "February 2022 has 28 days")]),
        ({"figure": "164", "retracted": "FALSE"}, []),
    ],
)
def test_check_reads_the_figure_columns(cells, problems):
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-07", **cells)]))
    found = [(p.column, p.level, p.message) for p in dataset.problems]
    assert [(c, lvl) for c, lvl, _ in found] == [(c, lvl) for c, lvl, _ in problems]
    for (_, _, message), (_, _, part) in zip(found, problems):
        assert part in message and "row" not in message.split(";")[0].lower()


# What `retracted` says, as spreadsheets and tools write a yes or a no: (value, retracted, the
# date it was withdrawn). A no is not retracted, and says nothing: the account is kept.
RETRACTED = [
    ("", False, None),
    ("yes", True, None),
    ("Yes", True, None),
    ("TRUE", True, None),  # a Google Sheets checkbox, ticked; Excel
    ("True", True, None),  # pandas
    ("1", True, None),
    ("-1", True, None),  # Access's and VBA's True, not 1 BC
    ("y", True, None),
    ("checked", True, None),
    ("retracted", True, None),
    ("2022-01-10", True, "2022-01-10"),
    ("10 January 2022", True, "2022-01-10"),
    ("FALSE", False, None),  # a Google Sheets checkbox, unticked (every such row); R; Excel
    ("False", False, None),  # pandas
    ("false", False, None),
    ("No", False, None),  # Notion
    ("no", False, None),
    ("NO", False, None),
    ("0", False, None),
    ("N", False, None),
    ("n", False, None),
    ("unchecked", False, None),
    (" no ", False, None),
]


@pytest.mark.parametrize("value, retracted, on", RETRACTED)
def test_retracted_reads_yes_no_and_a_date(value, retracted, on):
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-07", figure="164", retracted=value)]))
    assert dataset.problems == []
    account = dataset.accounts.iloc[0]
    assert bool(account.is_retracted) is retracted
    assert (None if pd.isna(account.retracted_on) else str(account.retracted_on)[:10]) == on


@pytest.mark.parametrize("value", ["2021-01-10", "600", "44 BC"])
def test_retracted_before_the_date_it_reports_is_warned_and_kept(value):
    """A January date with last year's year, a year mistyped: withdrawn before what it reports began."""
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-07", figure="164", retracted=value)]))
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [(2, "retracted", "warning")]
    assert str(dataset.problems[0].message).startswith(
        f"retracted {value!r} is more than half a year before the date the account reports; an account is withdrawn"
    )
    assert bool(dataset.accounts.iloc[0].is_retracted)


@pytest.mark.parametrize(
    "value, said",
    [
        # (read as 09:00 at UTC-10:00, which may be a span of an hour: told as published tells it)
        ("2022-01-10 09:00-10:00", "is read as 09:00 at UTC-10:00, as ISO 8601 reads it; to say so, write "),
        ("2022-01-10T00:00:00Z", "a time of 00:00:00 is how pandas and spreadsheets write a date without a time"),
    ],
)
def test_retracted_a_date_read_with_something_to_say_is_warned_as_published_is(value, said):
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-07", figure="164", retracted=value)]))
    assert [(p.row, p.column, p.level) for p in dataset.problems] == [(2, "retracted", "warning")]
    assert str(dataset.problems[0].message).startswith(f"retracted {value!r}: {said}")
    assert bool(dataset.accounts.iloc[0].is_retracted)


@pytest.mark.parametrize(
    "value", ["maybe", "nope", "withdrawn", "x", "not retracted", "yes!", "n/a", "?", "-", "TBD", "2", "12"]
)
def test_retracted_neither_yes_no_nor_a_date_leaves_the_row_out(value):
    dataset = timeline.load_bytes(csv_bytes([row("a", "2022-01-07", figure="164", retracted=value)]))
    assert [(p.row, p.column, p.level, str(p.message)) for p in dataset.problems] == [
        (
            2,
            "retracted",
            "error",
            f"retracted {value!r} is not yes, no or a date; write yes or the date it was withdrawn "
            "(e.g. 2022-01-10), or no (or leave it empty) if it was not",
        )
    ]
    assert len(dataset.accounts) == 0


def test_the_overview_counts_only_the_accounts_known_by_then(index):
    shown, mask = at(index, "2022-01-10")
    outlets = dict(panel.overview(shown, mask, True).outlets)
    assert outlets.get("AFP", 0) == 0 and outlets["AP"] == 1 and outlets["Khabar 24"] == 1


@pytest.mark.parametrize(
    "as_of, chosen, listed",
    [
        ("", (), ["AFP (2)", "AP (1)", "franceinfo (2)", "Khabar 24 (1)", "LA Times (1)"]),
        # (AFP's accounts out on 15 January and undated of 2023: not known yet, not listed)
        ("2022-01-10", (), ["AP (1)", "franceinfo (2)", "Khabar 24 (1)", "LA Times (1)"]),
        ("2022-01-07", (), ["LA Times (1)"]),
        # (an outlet chosen that had said nothing yet stays a choice: dropped, it would leave the address)
        ("2022-01-07", ("AFP",), ["AFP (0)", "LA Times (1)"]),
    ],
)
def test_the_outlets_dropdown_counts_the_accounts_known_by_then_as_the_overview_does(index, as_of, chosen, listed):
    """The dropdown said AFP (7) beside the overview's AFP 3, as of a date: both count those known."""
    shown, mask = at(index, as_of)
    options = controls.outlet_options(shown.outlets, index.outlets, chosen)
    assert [option["label"] for option in options] == listed
    counted = {name: n for name, n in panel.overview(shown, mask, bool(as_of)).outlets}
    assert all(f"{name} ({n})" in listed for name, n in counted.items())


# --- A retraction as of a date: not yet made is not yet known ----------------------------------

# A toll whose 100 was withdrawn on 20 January, one withdrawn on a day not given (`yes`), and a
# standing 120 out on 15 January.
RETRACTIONS = [
    row(
        "toll-x",
        "2022-01-08",
        source="AP",
        published="2022-01-10",
        figure="100",
        figure_unit="dead",
        retracted="2022-01-20",
    ),
    row(
        "toll-x", "2022-01-08", source="TASS", published="2022-01-11", figure="90", figure_unit="dead", retracted="yes"
    ),
    row("toll-x", "2022-01-08", source="AFP", published="2022-01-15", figure="120", figure_unit="dead"),
]


# Withdrawn in a month or a year alone (January 2022, 2022): said so, and known from its end. It was
# "retracted on 1 January 2022", before the account was published, and withdrawn as of the 12th.
@pytest.mark.parametrize(
    "as_of, month, year",
    [
        ("2022-01-12", "", ""),
        ("2022-01-31", "retracted in January 2022", ""),
        ("2022-02", "retracted in January 2022", ""),
        ("2023-01-01", "retracted in January 2022", "retracted in 2022"),
        ("", "retracted in January 2022", "retracted in 2022"),
    ],
)
def test_a_retraction_of_a_month_or_a_year_is_said_so_and_known_from_its_end(as_of, month, year):
    rows = [
        row(
            "toll-m",
            "2022-01-08",
            source=source,
            published="2022-01-10",
            figure="100",
            figure_unit="dead",
            retracted=on,
        )
        for source, on in (("AP", "January 2022"), ("TASS", "2022"))
    ]
    index = index_from_rows(rows)
    shown, _ = at(index, as_of)
    view = panel.event_panel(shown, index.position("toll-m"))
    said = {"AP": month, "TASS": year}
    assert {a.source: a.retracted for a in view.accounts} == said
    assert {p.source: p.retracted for p in view.figures["dead"]} == said


@pytest.mark.parametrize(
    "as_of, ap, tass",
    [
        # before the 20th: AP's 100 stands, as it stood then
        ("2022-01-12", "", "retracted, date not given"),
        ("2022-01-19", "", "retracted, date not given"),
        ("19 January 2022", "", "retracted, date not given"),
        # from the day it was withdrawn, as today
        ("2022-01-20", "retracted on 20 January 2022", "retracted, date not given"),
        ("2022-02", "retracted on 20 January 2022", "retracted, date not given"),
        ("", "retracted on 20 January 2022", "retracted"),
    ],
)
def test_as_of_a_date_a_retraction_made_later_is_not_known_yet(as_of, ap, tass):
    """The panel's accounts, its "as reported" sequence and the step chart's points say the
    retraction only once it was made; one whose day is not given (`yes`) is retracted at every
    date, and as of a date says its day is not known."""
    index = index_from_rows(RETRACTIONS)
    shown, _ = at(index, as_of)
    view = panel.event_panel(shown, index.position("toll-x"))
    said = {"AP": ap, "TASS": tass}
    assert {a.source: a.retracted for a in view.accounts if a.source in said} == said
    assert {r.source: r.retracted for r in view.reported if r.source in said} == said
    assert {p.source: p.retracted for p in view.figures["dead"] if p.source in said} == said


@pytest.mark.parametrize(
    "as_of, line, crosses",
    [
        ("2022-01-12", [100], [90]),  # the 100 stands then: the line steps to it
        ("2022-01-19", [100, 120], [90]),
        ("2022-01-20", [120], [90, 100]),  # withdrawn that day: a cross, the line no longer at it
        ("", [120], [90, 100]),
    ],
)
def test_the_step_chart_as_of_a_date_draws_a_value_withdrawn_later_as_standing(as_of, line, crosses):
    index = index_from_rows(RETRACTIONS)
    shown, _ = at(index, as_of)
    figure = claims.step_figure(panel.event_panel(shown, index.position("toll-x")).figures["dead"], "dead")
    steps = next(t for t in figure["data"] if t["mode"] == "lines")
    assert sorted(set(steps["y"])) == line
    retracted = next(t for t in figure["data"] if t.get("name") == "retracted")
    assert sorted(retracted["y"]) == crosses


@pytest.mark.parametrize(
    "as_of, cell, said",
    [
        ("2022-01-12", "", False),  # the file as it stood then: not withdrawn yet
        ("2022-01-20", "2022-01-20", True),
        ("", "2022-01-20", True),
    ],
)
def test_the_exports_as_of_a_date_hold_no_retraction_made_later(as_of, cell, said):
    index = index_from_rows(RETRACTIONS)
    shown, mask = at(index, as_of)
    rows = {r["source"]: r["retracted"] for r in csv.DictReader(io.StringIO(export.accounts_csv(shown, mask)))}
    assert rows["AP"] == cell
    assert rows["TASS"] == "yes"  # (no day given: withdrawn at every date)
    document = export.timelinejs_json(shown, mask, "Toll")
    assert ("retracted on 20 January 2022" in document) is said
    assert document.count("retracted") == 1 + said


# --- The step chart's labels: every value written, none over another ---------------------------


def _point(
    day: int, value: float, source: str, retracted: str = "", undated: bool = False, given: str = "day"
) -> claims.Point:
    return claims.Point(day * 86_400, f"day {day}", value, "dead", source, source, undated, retracted, day + 2, given)


def _drawn(points):
    """Each label's lines and its box as `placed` estimates it, from the figure's traces."""
    figure = claims.step_figure(points, "dead")
    days = figure["layout"]["xaxis"]["categoryarray"]
    width, tall = claims.PLOT
    top = figure["layout"]["yaxis"]["range"][1]
    out = []
    for trace in figure["data"][1:]:
        for x, y, text, side in zip(trace["x"], trace["y"], trace["text"], trace["textposition"]):
            centre = ((days.index(x) + 0.5) * width / len(days), tall * (1 - y / top))
            out.append((text.split("<br>"), claims._box(centre, text.split("<br>"), side), centre))
    return out


SERIES = {
    "one value": [_point(0, 26, "Interior Ministry")],
    "two values the same day": [_point(0, 225, "AP"), _point(0, 230, "Interfax")],
    "a week of daily values from long-named sources": [
        _point(d, 26 + 30 * d, f"Ministry of Health of the Republic {d}") for d in range(8)
    ],
    "a retracted value among them": [
        _point(0, 44, "Khabar 24"),
        _point(1, 164, "AP", "retracted"),
        _point(5, 225, "AFP"),
        _point(9, 238, "RFE/RL"),
        _point(12, 238, "HRW"),
    ],
    "a dozen days, values up and down": [
        _point(d, [5, 80, 12, 95, 7, 60, 61, 62, 3, 99, 50, 51][d], "TASS") for d in range(12)
    ],
}


@pytest.mark.parametrize("name", SERIES)
def test_the_step_chart_writes_every_value_and_no_label_covers_another_or_a_marker(name):
    drawn = _drawn(SERIES[name])
    assert sorted(lines[0] for lines, _box, _c in drawn) == sorted(
        claims.number(p.value) for p in claims._merged(SERIES[name])
    )
    for i, (_lines, box, _centre) in enumerate(drawn):
        for j, (_other, other, centre) in enumerate(drawn):
            if i != j:
                assert claims._overlap(box, other, room=0) == 0, (name, drawn[i][0], drawn[j][0])
                mark = (centre[0] - 5, centre[1] - 5, centre[0] + 5, centre[1] + 5)
                assert claims._overlap(box, mark, room=0) == 0, (name, drawn[i][0], "over a marker")


def test_a_value_with_room_around_it_is_written_with_its_sources():
    drawn = _drawn(SERIES["a retracted value among them"])
    assert ["164", "(AP)", "retracted"] in [lines for lines, _b, _c in drawn]
    # (five values, far apart: each with its source; the retracted one's word on a line of its own)
    assert all(len(lines) == 2 + (lines[-1] == "retracted") for lines, _b, _c in drawn)


def test_the_step_chart_speaks_the_reader_s_language():
    points = SERIES["a retracted value among them"] + [_point(3, 243, "HRW", undated=True)]
    with i18n.using("fr"):
        figure = claims.step_figure(points, "")
        thousands = claims.step_figure([_point(0, 4353, "HRW")], "dead")["data"][1]["text"]
    axis = figure["layout"]["xaxis"]
    assert axis["ticktext"][0] == "1 janv." and axis["tickvals"][0] == "1970-01-01"  # one year: beneath
    assert axis["title"]["text"] == "1970"
    with i18n.using("fr"):
        years = claims.step_figure([_point(0, 26, "AP"), _point(400, 238, "HRW")], "dead")["layout"]["xaxis"]
    assert years["ticktext"] == ["1 janv. 1970", "5 févr. 1971"] and "title" not in years
    assert {t["name"] for t in figure["data"][1:]} == {
        "publié ce jour-là",
        "jour de publication non précisé",
        "démenti",
    }
    texts = " ".join(t for trace in figure["data"] for t in trace.get("text", []))
    assert "(AP)<br>démenti" in texts and "retracted" not in texts
    assert thousands == ["4\u202f353<br>(HRW)"]  # not "4,353": a French reader reads 4.353
    assert figure["layout"]["yaxis"]["title"]["text"] == "chiffre"
    with i18n.using("en"):
        english = claims.step_figure(points, "")
    assert english["layout"]["xaxis"]["ticktext"][0] == "1 Jan"
    assert claims.step_figure([_point(0, 4353, "HRW")], "dead")["data"][1]["text"] == ["4,353<br>(HRW)"]


@pytest.mark.parametrize(
    "points, labels",
    [
        # published 2022-11 and 2022-12 (only the month given): was "1 Nov", "1 Dec", days no source gave
        (
            [
                _point(0, 44, "Khabar 24"),
                _point(304, 238, "HRW", undated=True, given="month"),
                _point(334, 238, "AP", undated=True, given="month"),
            ],
            ["1 Jan", "Nov", "Dec"],
        ),
        # a month's first day where one value gives the day: that day
        (
            [_point(0, 44, "Khabar 24"), _point(304, 238, "HRW", undated=True, given="month"), _point(304, 239, "AP")],
            ["1 Jan", "1 Nov"],
        ),
        # undated at the event's own day, a 1st (no publication date: the event's, 1 November): that day
        ([_point(0, 44, "Khabar 24"), _point(304, 238, "HRW", undated=True)], ["1 Jan", "1 Nov"]),
        # an undated account of a year, at its 1 January: that year (was "1 Jan 1971", a day no source gave)
        (
            [_point(0, 44, "Khabar 24"), _point(365, 238, "HRW", undated=True, given="year")],
            ["1 Jan 1970", "1971"],
        ),
        # a day whose values give a month and a year (1 January): the month
        (
            [_point(0, 44, "AP", given="year"), _point(0, 45, "HRW", undated=True, given="month")],
            ["Jan"],
        ),
    ],
)
def test_the_step_chart_writes_a_month_or_year_where_its_values_give_only_that(points, labels):
    with i18n.using("en"):
        assert claims.step_figure(points, "dead")["layout"]["xaxis"]["ticktext"] == labels


@pytest.mark.parametrize("days", [5, 10, 11, 30, 90])
def test_the_step_chart_labels_as_many_days_as_fit_the_last_among_them(days):
    """A label every TICK pixels at most of the narrowest plot (PLOT): at 30 days, each was written
    over its neighbours ("10 Jan15 Jan14 Mar")."""
    points = [_point(d, 10 + d, "TASS") for d in range(days)]
    axis = claims.step_figure(points, "dead")["layout"]["xaxis"]
    shown = axis["tickvals"]
    assert len(shown) * claims.TICK <= claims.PLOT[0] + claims.TICK and shown[-1] == axis["categoryarray"][-1]
    assert len(shown) == days or days > claims.PLOT[0] // claims.TICK  # (every day's label where they fit)
    spacing = {
        b - a
        for a, b in zip(
            [axis["categoryarray"].index(v) for v in shown], [axis["categoryarray"].index(v) for v in shown][1:]
        )
    }
    assert len(spacing) <= 1  # (evenly spaced)


def test_disputes_as_of_a_date_before_any_account_with_an_offset_is_out_compare_dates_as_written():
    """The file's times are at two offsets, but no account known by then gives one: an event whose
    accounts known agree is not disputed yet (every disputed event was, with no clock to try)."""
    index = index_from_rows(
        [
            row("later", "2022-01-07", source="Reuters", published="2022-01-07"),
            row("later", "2022-01-07", source="AP", published="2022-01-07"),
            row("later", "2022-01-09", source="AFP", published="2022-01-10"),
            row("timed", "2022-01-07 14:30+06:00", source="Tengrinews", published="2022-01-09"),
            row("timed", "2022-01-07 14:30Z", source="AFP", published="2022-01-09"),
        ]
    )
    assert sorted(ids(index, index.disputed)) == ["later", "timed"]
    for as_of, disputed in (("2022-01-08", []), ("2022-01-09", ["timed"]), ("2022-01-10", ["later", "timed"])):
        shown, mask = at(index, as_of)
        assert sorted(ids(index, mask & shown.disputed)) == disputed, as_of
