"""timeline.state: the shareable view in the address, and which events the filters keep."""

from __future__ import annotations

import numpy as np
import pytest

from timeline import i18n
from timeline.search import events_with_text
from timeline.state import (
    Filters,
    State,
    apply,
    bad_dates,
    in_force,
    step,
    swapped_dates,
    zoom_from_text,
    zoom_text,
)

from .helpers import everything, ids, index_from_rows, row

# ---------------------------------------------------------------- the address -------------

ROUND_TRIPS = [
    State(),
    State(event="shoot-to-kill-order"),
    State(filters=Filters(categories=("security",))),
    State(
        "airport-seized",
        Filters(
            categories=("security", "Protest"),
            sources=("TASS", "RFE/RL"),
            text="almaty airport",
            date_from="2022-01-05",
            date_to="2022-01",
        ),
    ),
    State(filters=Filters(sources=("AT&T News", "Ekho Moskvy = Echo"), text="50% & more?#")),
    State(filters=Filters(date_from="7 January 2022", date_to="2022-01-07 14:30")),
    State(filters=Filters(categories=("économie", "Правительство"))),
    State("a", Filters(categories=("security",)), zoom=(1641470400, 1641600000)),
    State(zoom=(1641470430, 1641600060)),
    State("a", zoom="all"),  # "Show the whole span": every event, however many come
]


@pytest.mark.parametrize("state", ROUND_TRIPS, ids=lambda s: s.to_search() or "blank")
def test_state_survives_the_address(state):
    search = state.to_search()
    assert State.from_search(search) == state
    assert State.from_search(search).to_search() == search


@pytest.mark.parametrize(
    "search, expected",
    [
        ("", State()),
        (None, State()),
        ("?", State()),
        ("?event=airport-seized", State("airport-seized")),
        ("event=airport-seized", State("airport-seized")),  # without the question mark
        # repeated categories and sources, in the order given
        ("?category=security&category=protest", State(filters=Filters(categories=("security", "protest")))),
        ("?source=TASS&source=Reuters", State(filters=Filters(sources=("TASS", "Reuters")))),
        ("?source=TASS&source=TASS", State(filters=Filters(sources=("TASS",)))),
        # spaces written either way, and trimmed
        ("?q=almaty+airport", State(filters=Filters(text="almaty airport"))),
        ("?q=%20almaty%20airport%20", State(filters=Filters(text="almaty airport"))),
        ("?from=2022-01&to=2022-01-10", State(filters=Filters(date_from="2022-01", date_to="2022-01-10"))),
        # blanks dropped
        ("?event=&category=&source=&q=&from=&to=", State()),
        ("?category=&category=security&category=+", State(filters=Filters(categories=("security",)))),
        # unknown parameters ignored
        ("?utm_source=newsletter&fbclid=abc&page=2", State()),
        ("?event=a&zoom=3&category=security", State("a", Filters(categories=("security",)))),
    ],
)
def test_state_from_search(search, expected):
    assert State.from_search(search) == expected


@pytest.mark.parametrize(
    "state, search",
    [
        (State(), ""),
        (State("a"), "?event=a"),
        (State(filters=Filters(text="almaty airport")), "?q=almaty+airport"),
        (State(filters=Filters(sources=("RFE/RL",))), "?source=RFE%2FRL"),
        (State("a", Filters(categories=("x", "y"))), "?event=a&category=x&category=y"),
    ],
)
def test_state_to_search(state, search):
    assert state.to_search() == search


def second(text: str) -> int:
    return int(np.datetime64(text, "s").astype(np.int64))


@pytest.mark.parametrize(
    "zoom, text",
    [
        (("2022-01-06T12:00", "2022-01-08"), "2022-01-06T12:00/2022-01-08"),  # midnight: the day alone
        (("2022-01-06T12:00:30", "2022-01-08T00:01"), "2022-01-06T12:00:30/2022-01-08T00:01"),
        (("1905-01-22", "2023-04-24T23:59:59"), "1905-01-22/2023-04-24T23:59:59"),
        (("-0499-07-01", "0600-01-01T06:00"), "-0499-07-01/0600-01-01T06:00"),  # 500 BC to AD 600
    ],
)
def test_a_zoom_in_the_address_is_short_and_exact(zoom, text):
    seconds = tuple(second(t) for t in zoom)
    assert zoom_text(seconds) == text
    assert zoom_from_text(text) == seconds
    assert State(zoom=seconds).to_search() == "?zoom=" + text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022/2023", ("2022-01-01", "2023-01-01")),  # a hand-written year or month is read
        (" 2022-01 / 2022-02 ", ("2022-01-01", "2022-02-01")),
        ("2022-01-08/2022-01-06", None),  # backwards
        ("2022-01-06/2022-01-06", None),  # nothing between
        ("2022-01-06", None),
        ("2022-01-06/", None),
        ("/", None),
        ("", None),
        ("x/y", None),
        ("NaT/2022-01-01", None),
        ("-5000-01-01/2022-01-01", ("-5000-01-01", "2022-01-01")),
        ("--5000-01-01/2022-01-01", None),
        ("-50000-01-01/2022-01-01", None),
        ("2022-01-01T10:00+06:00/2022-02-01", None),  # an offset would shift the view
        ("2022-13-01/2023-01-01", None),
        ("2022-01-01T25:00/2022-01-02", None),
        ("all", "all"),  # the whole span
        ("ALL", "all"),
        ("all/2022-01-01", None),
        ("everything", None),
    ],
)
def test_a_zoom_that_cannot_be_read_is_left_out(text, expected):
    assert zoom_from_text(text) == (
        expected if isinstance(expected, str) else tuple(second(t) for t in expected) if expected else None
    )
    state = State.from_search("?event=a&zoom=" + text)
    assert state.event == "a" and state.zoom == zoom_from_text(text)


def test_select_and_with_filters_keep_the_rest():
    state = State("a", Filters(categories=("security",), text="almaty"))
    assert state.select("b") == State("b", Filters(categories=("security",), text="almaty"))
    assert state.select("") == State("", Filters(categories=("security",), text="almaty"))
    assert state.with_filters(text="") == State("a", Filters(categories=("security",)))
    zoomed = state.zoomed([10, 20])
    assert zoomed.zoom == (10, 20) and zoomed.select("b").zoom == (10, 20)
    assert zoomed.with_filters(text="").zoom == (10, 20) and zoomed.zoomed(None).zoom is None
    assert state.zoomed("all").zoom == "all" and state.zoomed("all").to_search().endswith("&zoom=all")


@pytest.mark.parametrize(
    "filters, active",
    [
        (Filters(), False),
        (Filters(categories=("x",)), True),
        (Filters(sources=("x",)), True),
        (Filters(text="x"), True),
        (Filters(date_from="2022"), True),
        (Filters(date_to="2022"), True),
    ],
)
def test_filters_active(filters, active):
    assert filters.active is active


# ---------------------------------------------------------------- apply -------------------

# In date order: the ids below are listed as the index sorts them.
ROWS = [
    row("sentence", "2017-06-07", category="legal", source="RAPSI", location="Almaty"),
    row(
        "annulment",
        "2021-12",
        category="legal",
        source="AFP",
        location="Paris",
        description="The Conseil d'Etat annuls the refugee status",
    ),
    row("budget-year", "2022", category="Economy", source="Kursiv"),
    row(
        "gas-price",
        "2022-01-01",
        category="economy",
        source="RFE/RL",
        location="Mangystau region",
        description="Liquefied gas moves to exchange pricing",
    ),
    row(
        "zhanaozen-rally",
        "2022-01-02",
        category="Protest",
        source="RFE/RL",
        location="Zhanaozen",
        description="Drivers gather in the central square",
    ),
    row("emergency", "2022-01-05", category="government", source="Akorda"),
    row(
        "airport-seized",
        "2022-01-05 14:30",
        title="Almaty airport seized",
        category="security",
        source="Reuters",
        location="Almaty",
    ),
    row(
        "airport-seized",
        "2022-01-05",
        source="TASS",
        claimed_by="Interior Ministry",
        description="Militants took the AIRPORT",
    ),
    row("csto-deployment", "2022-01-06", end_date="2022-01-19", category="security", source="Reuters"),
    row("late-january", "2022-01-31 23:00", category="protest", source="Vlast"),
    row("february", "2022-02-01", category="government", source="Akorda"),
]

ALL = [
    "sentence",
    "annulment",
    "budget-year",
    "gas-price",
    "zhanaozen-rally",
    "emergency",
    "airport-seized",
    "csto-deployment",
    "late-january",
    "february",
]


@pytest.fixture(scope="module")
def index():
    built = index_from_rows(ROWS)
    assert ids(built, everything(built)) == ALL
    return built


def kept(index, **filters):
    return ids(index, apply(index, Filters(**filters)))


def test_no_filters_keep_everything(index):
    assert kept(index) == ALL


@pytest.mark.parametrize(
    "categories, expected",
    [
        (("security",), ["airport-seized", "csto-deployment"]),
        (("SECURITY",), ["airport-seized", "csto-deployment"]),
        # one lane for Protest and protest, one for Economy and economy
        (("protest",), ["zhanaozen-rally", "late-january"]),
        (("Economy",), ["budget-year", "gas-price"]),
        (("legal", "government"), ["sentence", "annulment", "emergency", "february"]),
        (("no-such-lane",), []),
    ],
)
def test_categories(index, categories, expected):
    assert kept(index, categories=categories) == expected


@pytest.mark.parametrize(
    "sources, expected",
    [
        (("Reuters",), ["airport-seized", "csto-deployment"]),
        # any account's outlet: TASS gives only the second account of airport-seized
        (("TASS",), ["airport-seized"]),
        (("tass",), ["airport-seized"]),
        (("RFE/RL",), ["gas-price", "zhanaozen-rally"]),
        (("Akorda", "AFP"), ["annulment", "emergency", "february"]),
        # whole outlet names, not parts of them
        (("RFE",), []),
        (("Reuter",), []),
    ],
)
def test_sources(index, sources, expected):
    assert kept(index, sources=sources) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("almaty", ["sentence", "airport-seized"]),  # location, and title
        ("ALMATY", ["sentence", "airport-seized"]),
        ("airport", ["airport-seized"]),  # title and description
        ("militants", ["airport-seized"]),  # a later account's description
        ("interior ministry", ["airport-seized"]),  # claimed_by
        ("ministry interior", ["airport-seized"]),  # words in any order
        ("kursiv", ["budget-year"]),  # source
        ("mangystau", ["gas-price"]),  # location
        ("conseil", ["annulment"]),  # description
        ("square drivers", ["zhanaozen-rally"]),
        ("almaty militants", ["airport-seized"]),  # words from different accounts
        ("almaty paris", []),  # every word must appear
        ("  almaty   airport ", ["airport-seized"]),
        ("zzz", []),
        # quotes typed for a phrase, punctuation at a word's edge: the words alone (a probe's: a
        # quoted phrase and "zhanaozen." found nothing, "Almaty," one event of two)
        ('"interior ministry"', ["airport-seized"]),
        ("«Interior ministry»", ["airport-seized"]),
        ("Almaty,", ["sentence", "airport-seized"]),
        ("kursiv.", ["budget-year"]),
        ("(conseil)", ["annulment"]),
        ("mangystau?", ["gas-price"]),
    ],
)
def test_text_search(index, text, expected):
    assert kept(index, text=text) == expected


@pytest.mark.parametrize(
    "date_from, date_to, expected",
    [
        # a day: events that touch it, including the year 2022 and the span that starts then
        ("2022-01-06", "2022-01-06", ["budget-year", "csto-deployment"]),
        # a span is kept while any part of it is in the range
        ("2022-01-10", "2022-01-12", ["budget-year", "csto-deployment"]),
        ("2022-01-19", "", ["budget-year", "csto-deployment", "late-january", "february"]),
        ("2022-01-20", "", ["budget-year", "late-january", "february"]),
        # `to` at month precision includes the whole month, up to 31 January 23:00
        (
            "2022-01",
            "2022-01",
            [
                "budget-year",
                "gas-price",
                "zhanaozen-rally",
                "emergency",
                "airport-seized",
                "csto-deployment",
                "late-january",
            ],
        ),
        (
            "",
            "2022-01",
            [
                "sentence",
                "annulment",
                "budget-year",
                "gas-price",
                "zhanaozen-rally",
                "emergency",
                "airport-seized",
                "csto-deployment",
                "late-january",
            ],
        ),
        # an event dated to a month overlaps any day of it
        ("2021-12-15", "2021-12-20", ["annulment"]),
        ("", "2021-12-01", ["sentence", "annulment"]),
        # year precision
        ("2017", "2017", ["sentence"]),
        ("2018", "2020", []),
        ("2022", "", ALL[2:]),
        # minute precision: 14:30 is before 15:00, the day of the 5th is not over
        ("2022-01-05 15:00", "2022-01-05 23:59", ["budget-year", "emergency"]),
        ("2022-01-05 14:30", "2022-01-05 14:30", ["budget-year", "emergency", "airport-seized"]),
        ("", "2022-01-05 14:29", ["sentence", "annulment", "budget-year", "gas-price", "zhanaozen-rally", "emergency"]),
        # the English forms `check` accepts
        ("1 February 2022", "", ["budget-year", "february"]),
        ("January 2021", "December 2021", ["annulment"]),
    ],
)
def test_date_range(index, date_from, date_to, expected):
    assert kept(index, date_from=date_from, date_to=date_to) == expected


@pytest.mark.parametrize(
    "search, text, categories, refused",
    [
        # a link cut in the middle of a %-escape: was searched for as "\ufffd%A", with nothing said
        ("?q=%E0%A4%A&category=security", "", ("security",), ["'q': a %-escape in the address that is no text"]),
        ("?q=%C3%A9t%C3%A9", "été", (), []),
        ("?q=%EF%BF%BD", "\ufffd", (), []),  # (the replacement character itself: text, an outlet's maybe)
    ],
)
def test_a_broken_escape_in_the_address_is_said_and_ignored(search, text, categories, refused):
    state = State.from_search(search)
    assert (state.filters.text, state.filters.categories) == (text, categories)
    assert [r for r in state.refused if any(r.startswith(said) for said in refused)] == list(state.refused)
    assert len(state.refused) == len(refused)


@pytest.mark.parametrize(
    "date_from, date_to",
    [
        ("not a date", ""),
        ("", "03/04/2022"),  # ambiguous: refused, so not applied
        ("2022-13", "2022-02-30"),
    ],
)
def test_unreadable_dates_are_ignored_and_reported(index, date_from, date_to):
    filters = Filters(date_from=date_from, date_to=date_to)
    assert ids(index, apply(index, filters)) == ALL
    problems = bad_dates(filters)
    assert len(problems) == bool(date_from) + bool(date_to)
    # (nothing is filtered: the panel said "Overview of the filtered events" of them all)
    assert filters.active and not in_force(filters)
    assert in_force(Filters(date_from=date_from, date_to=date_to, text="almaty"))
    assert in_force(Filters(date_from="2022-01-05", date_to=date_to))
    for name, text in (("From", date_from), ("to", date_to)):
        if text:
            assert any(p.startswith(f"'{name}' date {text!r}") for p in problems)


@pytest.mark.parametrize(
    "date_from, date_to, same_as",
    [
        ("2022-01-31", "2022-01-07", ("2022-01-07", "2022-01-31")),
        ("2022-01", "2021-12-15", ("2021-12-15", "2022-01")),  # (January's last day is the end)
        ("2022-01-05 15:00", "2022-01-05 14:30", ("2022-01-05 14:30", "2022-01-05 15:00")),
    ],
)
def test_a_from_after_to_shows_the_events_between_the_two_and_says_so(index, date_from, date_to, same_as):
    filters = Filters(date_from=date_from, date_to=date_to)
    assert kept(index, date_from=date_from, date_to=date_to) == kept(index, date_from=same_as[0], date_to=same_as[1])
    assert kept(index, date_from=date_from, date_to=date_to)  # (not nothing)
    assert swapped_dates(filters) == [
        f"'From' date {date_from!r} is after 'to' date {date_to!r}: the events between the two are shown"
    ]
    assert swapped_dates(Filters(date_from=same_as[0], date_to=same_as[1])) == []
    assert bad_dates(filters) == []
    with i18n.using("fr"):
        assert swapped_dates(filters)[0].startswith(f"la date « Du » {date_from!r} est après la date « au »")


def test_readable_dates_are_not_reported():
    assert bad_dates(Filters(date_from="2022-01", date_to="7 January 2022")) == []


@pytest.mark.parametrize(
    "filters, expected",
    [
        (dict(categories=("security",), sources=("TASS",)), ["airport-seized"]),
        (dict(categories=("security",), text="reuters"), ["airport-seized", "csto-deployment"]),
        (dict(categories=("security",), date_from="2022-01-06"), ["csto-deployment"]),
        (dict(sources=("RFE/RL",), date_to="2022-01-01"), ["gas-price"]),
        (dict(sources=("Akorda",), text="february", date_from="2022-02"), ["february"]),
        (dict(categories=("legal",), sources=("Reuters",)), []),
        (
            dict(
                categories=("legal", "security"),
                sources=("RAPSI", "TASS"),
                text="almaty",
                date_from="2017",
                date_to="2022",
            ),
            ["sentence", "airport-seized"],
        ),
    ],
)
def test_combined_filters(index, filters, expected):
    assert kept(index, **filters) == expected


def test_apply_on_an_empty_file():
    empty = index_from_rows([])
    mask = apply(empty, Filters(categories=("x",), text="y", date_from="2022"))
    assert mask.dtype == bool and len(mask) == 0


# ---------------------------------------------------------------- step --------------------


@pytest.mark.parametrize(
    "filters, current, direction, expected",
    [
        # through everything, in date order
        (Filters(), "emergency", 1, "airport-seized"),
        (Filters(), "airport-seized", 1, "csto-deployment"),
        (Filters(), "airport-seized", -1, "emergency"),
        (Filters(), "budget-year", -1, "annulment"),
        # nothing selected: next is the first, previous the last
        (Filters(), "", 1, "sentence"),
        (Filters(), "", -1, "february"),
        (Filters(), "no-such-event", 1, "sentence"),
        # at the ends it stays
        (Filters(), "february", 1, "february"),
        (Filters(), "sentence", -1, "sentence"),
        # within the filtered events only
        (Filters(categories=("security",)), "airport-seized", 1, "csto-deployment"),
        (Filters(categories=("security",)), "csto-deployment", -1, "airport-seized"),
        (Filters(categories=("security",)), "csto-deployment", 1, "csto-deployment"),
        (Filters(categories=("security",)), "", 1, "airport-seized"),
        (Filters(categories=("security",)), "", -1, "csto-deployment"),
        (Filters(sources=("Akorda",)), "emergency", 1, "february"),
        # the selected event is filtered out: the nearest kept one on that side
        (Filters(categories=("security",)), "emergency", 1, "airport-seized"),
        (Filters(categories=("security",)), "emergency", -1, "emergency"),
        (Filters(categories=("security",)), "february", -1, "csto-deployment"),
        (Filters(sources=("RFE/RL",)), "emergency", -1, "zhanaozen-rally"),
        (Filters(sources=("RFE/RL",)), "sentence", 1, "gas-price"),
        # nothing kept: stays where it is
        (Filters(text="zzz"), "emergency", 1, "emergency"),
        (Filters(text="zzz"), "", -1, ""),
    ],
)
def test_step(index, filters, current, direction, expected):
    assert step(index, apply(index, filters), current, direction) == expected


def seconds(moment: str) -> int:
    return int(np.datetime64(moment, "s").astype(np.int64))


@pytest.mark.parametrize(
    "filters, window, direction, expected",
    [
        # zoomed to 4-7 January: Next is the first event whose mark is there, Previous the last
        # (the deployment's span starts there; 2022's budget, a year, is drawn at mid-year)
        (Filters(), ("2022-01-04", "2022-01-07"), 1, "emergency"),
        (Filters(), ("2022-01-04", "2022-01-07"), -1, "csto-deployment"),
        (Filters(categories=("security",)), ("2022-01-04", "2022-01-07"), 1, "airport-seized"),
        # a span that starts before the view and runs across it is not in it: its mark is not
        (Filters(), ("2022-01-08", "2022-01-20"), 1, "late-january"),
        (Filters(), ("2022-01-08", "2022-01-20"), -1, "csto-deployment"),
        # a view with no mark in it: the one drawn nearest beyond its edge that way (not the
        # year's budget, before it in date order but drawn at mid-year)
        (Filters(), ("2022-01-20", "2022-01-25"), 1, "late-january"),
        (Filters(), ("2022-01-20", "2022-01-25"), -1, "csto-deployment"),
        (Filters(categories=("legal",)), ("2022-01-20", "2022-01-25"), -1, "annulment"),
        # nothing beyond that edge: nowhere to go
        (Filters(), ("2023-01-01", "2023-02-01"), 1, ""),
        (Filters(), ("2010-01-01", "2010-02-01"), -1, ""),
        # not zoomed: the first and the last of the file
        (Filters(), None, 1, "sentence"),
        (Filters(), None, -1, "february"),
    ],
)
def test_a_step_from_no_event_leads_into_the_chart_s_zoom(index, filters, window, direction, expected):
    zoom = (seconds(window[0]), seconds(window[1])) if window else None
    assert step(index, apply(index, filters), "", direction, zoom) == expected
    # From an event chosen, the zoom does not matter: the next in date order.
    assert step(index, apply(index, Filters()), "emergency", 1, zoom) == "airport-seized"


def test_step_walks_every_kept_event_once(index):
    mask = apply(index, Filters(categories=("security", "protest", "economy")))
    seen, current = [], ""
    for _ in range(int(mask.sum()) + 2):
        current = step(index, mask, current, 1)
        if seen and seen[-1] == current:
            break
        seen.append(current)
    assert seen == ids(index, mask)
    back, current = [], ""
    for _ in range(len(seen) + 2):
        current = step(index, mask, current, -1)
        if back and back[-1] == current:
            break
        back.append(current)
    assert back == seen[::-1]


def test_step_between_events_on_the_same_day():
    """Events of one day come in the file's order, not their ids' alphabetical order."""
    same_day = index_from_rows(
        [
            row("b-first", "2022-01-05"),
            row("a-second", "2022-01-05"),
            row("c-later", "2022-01-05 09:00"),
        ]
    )
    order = ids(same_day, everything(same_day))
    assert order == ["b-first", "a-second", "c-later"]
    mask = np.ones(3, dtype=bool)
    assert step(same_day, mask, "b-first", 1) == "a-second"
    assert step(same_day, mask, "a-second", 1) == "c-later"
    assert step(same_day, mask, "c-later", -1) == "a-second"
    assert step(same_day, mask, "a-second", -1) == "b-first"


@pytest.mark.parametrize(
    "text, last, expected",
    [
        ("500 BC", False, "-0499-01-01T00:00:00"),
        ("500 BC", True, "-0499-12-31T23:59:59"),
        ("March 44 BC", True, "-0043-03-31T23:59:59"),
        ("AD 600", False, "0600-01-01T00:00:00"),
        ("2022-01-07", True, "2022-01-07T23:59:59"),
        ("03/04/2022", False, None),
    ],
)
def test_a_typed_date_bound_reads_bc_years_too(text, last, expected):
    from timeline.state import date_bound

    assert date_bound(text, last) == (second(expected) if expected else None)


def test_a_bc_date_range_filters_events():
    index = index_from_rows(
        [
            row("marathon", "490 BC"),
            row("caesar", "15 March 44 BC"),
            row("augustus", "AD 14"),
            row("today", "2022-01-07"),
        ]
    )
    kept = apply(index, Filters(date_from="500 BC", date_to="1 BC"))
    assert ids(index, kept) == ["marathon", "caesar"]


# ---------------------------------------------------------------- bounds -----------------

WORDS = " ".join(f"w{n}" for n in range(9))  # nine different words


@pytest.mark.parametrize(
    "search, expected, refused",
    [
        # within the bounds: kept as given
        ("?q=" + "a" * 300, State(filters=Filters(text="a" * 300)), ""),
        ("?q=" + "x " * 100, State(filters=Filters(text=" ".join(["x"] * 100))), ""),  # one word, repeated
        ("?q=A a B b", State(filters=Filters(text="A a B b")), ""),  # two words, any case
        ("?to=" + "7 January 2022", State(filters=Filters(date_to="7 January 2022")), ""),
        ("?from=2022-01-07T14:30%2B06:00", State(filters=Filters(date_from="2022-01-07T14:30+06:00")), ""),
        ("?event=" + "a" * 200, State("a" * 200), ""),
        (
            "?" + "&".join(f"category=c{n}" for n in range(30)),
            State(filters=Filters(categories=tuple(f"c{n}" for n in range(30)))),
            "",
        ),
        # over a bound, or not of its shape: left out, and said why
        ("?q=" + "a" * 301, State(), "the search is 301 characters long, over 300"),
        ("?q=" + WORDS, State(), "the search has 9 different words, over 8"),
        ("?to=" + "1" * 41, State(), "'to' date is 41 characters long, over 40"),
        (
            "?from=" + "9" * 1_000 + "&q=almaty",
            State(filters=Filters(text="almaty")),
            "'From' date is 1,000 characters long",
        ),
        ("?from=javascript:alert(1)", State(), "'From' date 'javascript:alert(1)' is not a date"),
        ("?to=2022<b>", State(), "'to' date '2022<b>' is not a date"),
        ("?event=" + "a" * 201, State(), "'event' of 201 characters is not an event id"),
        ("?event=Not_An_Id", State(), "'event' 'Not_An_Id' is not an event id"),
        ("?event=<script>&q=almaty", State(filters=Filters(text="almaty")), "'event' '<script>'"),
        ("?" + "&".join(f"source=s{n}" for n in range(31)), State(), "31 outlets chosen, over 30"),
        ("?" + "&".join(f"category=c{n}" for n in range(31)), State(), "31 categories chosen, over 30"),
        (
            "?category=" + "c" * 301 + "&category=security",
            State(filters=Filters(categories=("security",))),
            "a name among the categories is over 300 characters",
        ),
        ("?zoom=" + "2022-01-01/" * 10, State(), "'zoom' is 110 characters long, over 60"),
        # (a zoom that is no span was dropped with nothing said, where a bad map= was told)
        ("?zoom=garbage&q=almaty", State(filters=Filters(text="almaty")), "'zoom' 'garbage' is not a span of time"),
        ("?zoom=2022-01-08/2022-01-04", State(), "'zoom' '2022-01-08/2022-01-04' is not a span of time on the chart"),
        ("?q=" + "a" * 8_000, State(), "The address is 8,003 characters long, over 8,000"),
    ],
)
def test_every_value_of_the_address_has_a_bound(search, expected, refused):
    state = State.from_search(search)
    assert state == expected
    assert bool(state.refused) == bool(refused)
    assert all(refused in message for message in state.refused[:1])


@pytest.mark.parametrize(
    "changes, refused",
    [
        (dict(text="a" * 301), "the search is 301 characters long"),
        (dict(text=WORDS), "the search has 9 different words"),
        (dict(date_from="2" * 41), "'From' date is 41 characters long"),
        (dict(date_to="2022-01-01; drop"), "'to' date '2022-01-01; drop' is not a date"),
        (dict(sources=tuple(f"s{n}" for n in range(31))), "31 outlets chosen"),
    ],
)
def test_a_control_over_its_bound_is_refused_and_the_others_kept(changes, refused):
    state = State(filters=Filters(categories=("security",))).with_filters(**changes)
    assert state == State(filters=Filters(categories=("security",)))
    assert len(state.refused) == 1 and refused in state.refused[0]


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", ["'to' date '2022-13-45' month 13 does not exist", "'As of' date 'someday' is not a date"]),
        ("fr", ["la date « au » '2022-13-45' : le mois 13 n'existe pas", "la date « À la date du » 'someday' : n'est"]),
        ("ru", ["дата «по» '2022-13-45': месяца 13 не существует", "дата «На дату» 'someday': дату не удаётся"]),
    ],
)
def test_a_date_filter_that_cannot_be_read_is_said_by_its_box_s_name_in_the_reader_s_language(lang, said):
    with i18n.using(lang):
        found = bad_dates(Filters(date_to="2022-13-45", as_of="someday"))
    assert [message[: len(start)] for message, start in zip(found, said)] == said


def test_a_refused_value_reaches_no_link():
    state = State.from_search("?event=airport-seized&q=almaty&to=" + "1" * 1_000 + "&from=2022-01")
    assert state.select("csto-deployment").to_search() == "?event=csto-deployment&q=almaty&from=2022-01"
    huge = State.from_search("?q=almaty&to=" + "1" * 10_000_000)  # the whole address is too long
    assert huge.select("csto-deployment").to_search() == "?event=csto-deployment" and huge.refused


def test_a_search_looks_each_different_word_up_once(index):
    asked = []

    def words(word, within=None):
        asked.append(word)
        return np.ones(len(index), dtype=bool)

    apply(index, Filters(text="Almaty almaty ALMATY airport Airport"), words)
    assert asked == ["almaty", "airport"]


def test_a_search_looks_for_each_word_among_the_events_kept_so_far(index):
    """The search comes after every other filter, and each word after the words before it: its
    text is read only for the events still kept (timeline.search.narrowed)."""
    asked = []

    def words(word, within):
        asked.append((word, ids(index, within)))
        return events_with_text(index, word, within)

    found = apply(index, Filters(categories=("security", "protest"), date_to="2022-01-10", text="almaty seized"), words)
    assert asked == [
        ("almaty", ["zhanaozen-rally", "airport-seized", "csto-deployment"]),
        ("seized", ["airport-seized"]),
    ]
    assert ids(index, found) == ["airport-seized"]
