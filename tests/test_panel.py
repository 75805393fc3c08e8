"""timeline.view.panel: what the side panel and the list show, as plain data."""

from __future__ import annotations

import numpy as np
import pytest

from timeline.state import Filters, apply
from timeline.view import panel
from timeline.view.figure import Window, colour
from timeline.view.panel import Media, event_panel, overview, safe_url

from .helpers import everything, index_from_rows, row

ROWS = [
    # row 2
    row(
        "airport-seized",
        "2022-01-05 14:30",
        title="Almaty airport seized",
        category="security",
        source="Reuters",
        source_url="https://www.reuters.com/world/asia-pacific/airport",
        published="2022-01-06",
        description="Protesters took the airport.",
        location="Almaty",
        latitude="43.35",
        longitude="77.0403",
    ),
    # row 3: a claim with a different day
    row(
        "airport-seized",
        "2022-01-06",
        source="TASS",
        claimed_by="Interior Ministry",
        published="January 2022",
        source_url="http://tass.com/world/1",
    ),
    # row 4: the same day at a coarser precision: agrees, but written differently
    row("airport-seized", "January 2022", source="AFP", description="Militants seized it."),
    # row 5: the first account's date again
    row("airport-seized", "2022-01-05 14:30", source="Vlast"),
    row("emergency", "2022-01-05", category="government", source="Akorda", source_url="https://akorda.kz/en/1"),
    row("emergency", "2022-01-05", source="Reuters"),
    row("csto", "2022-01-06", end_date="2022-01-19", category="security", source="Reuters"),
    row("csto", "2022-01-06", end_date="2022-01-10", source="TASS"),
    row("rally", "2022-01-02", category="protest", source="RFE/RL"),
    row("budget", "2022", category="economy", source="Kursiv"),
]


@pytest.fixture(scope="module")
def index():
    return index_from_rows(ROWS)


@pytest.fixture(scope="module")
def airport(index):
    return event_panel(index, index.position("airport-seized"))


# ---------------------------------------------------------------- one event --------------


def test_event_panel_heading(index, airport):
    assert airport.id == "airport-seized"
    assert airport.title == "Almaty airport seized"
    assert airport.category == "security"
    assert airport.colour == colour(index.lanes.index("security"))
    assert airport.date == "5 January 2022, 14:30"
    assert airport.location == "Almaty"
    assert airport.coordinates == "43.3500, 77.0403"


@pytest.mark.parametrize(
    "i, expected",
    [
        (
            0,
            dict(
                source="Reuters",
                claimed_by="",
                date="5 January 2022, 14:30",
                description="Protesters took the airport.",
                url="https://www.reuters.com/world/asia-pacific/airport",
                published="6 January 2022",
                row=2,
            ),
        ),
        (
            1,
            dict(
                source="TASS",
                claimed_by="Interior Ministry",
                date="6 January 2022",
                description="",
                url="http://tass.com/world/1",
                published="January 2022",
                row=3,
            ),
        ),
        (
            2,
            dict(
                source="AFP",
                claimed_by="",
                date="January 2022",
                description="Militants seized it.",
                url="",
                published="",
                row=4,
            ),
        ),
        (
            3,
            dict(
                source="Vlast", claimed_by="", date="5 January 2022, 14:30", description="", url="", published="", row=5
            ),
        ),
    ],
)
def test_every_account_is_shown_in_file_order(airport, i, expected):
    assert len(airport.accounts) == 4
    account = airport.accounts[i]
    assert {name: getattr(account, name) for name in expected} == expected


def test_event_without_a_place(index):
    shown = event_panel(index, index.position("csto"))
    assert (shown.location, shown.coordinates) == ("", "")
    assert shown.date == "6 January 2022 to 19 January 2022"


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
        ("  https://example.org  ", "https://example.org"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox", ""),
        ("//evil.example", ""),
        ("ftp://example.org", ""),
        ("example.org", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_url(url, shown):
    assert safe_url(url) == shown


def test_a_javascript_url_in_the_accounts_is_not_offered_as_a_link():
    # the loader refuses such a row; the panel must not rely on that
    index = index_from_rows(
        [row("a", "2022-01-01", source_url="https://ok.example"), row("a", "2022-01-01", source="TASS")]
    )
    index.dataset.accounts.loc[index.dataset.accounts["source"] == "TASS", "source_url"] = "javascript:alert(1)"
    urls = [a.url for a in event_panel(index, 0).accounts]
    assert urls == ["https://ok.example", ""]


def test_disputed_event_lists_each_distinct_date(airport):
    assert airport.disputed
    note = airport.dispute_note
    assert "3 different dates" in note
    for date in ("5 January 2022, 14:30", "6 January 2022", "January 2022"):
        assert date in note
    assert note.count("5 January 2022, 14:30") == 1  # given twice, listed once


def test_accounts_whose_date_differs_are_flagged(airport):
    assert [a.date_differs for a in airport.accounts] == [False, True, True, False]


def test_an_account_differs_by_the_moment_it_gives_not_by_the_clock_it_is_written_on():
    index = index_from_rows(
        [
            row("raid", "2022-01-07 14:30+06:00", source="Tengrinews"),
            row("raid", "2022-01-07 08:30Z", source="AFP"),  # the same moment
            row("raid", "2022-01-07 14:30Z", source="Reuters"),  # six hours later
            row("raid", "2022-01-07 14:30", source="Tass"),  # on the event's clock
        ]
    )
    shown = event_panel(index, index.position("raid"))
    assert shown.disputed
    assert [a.date_differs for a in shown.accounts] == [False, False, True, False]
    assert [a.date for a in shown.accounts][:3] == [
        "7 January 2022, 14:30 (UTC+06:00)",
        "7 January 2022, 08:30 (UTC)",
        "7 January 2022, 14:30 (UTC)",
    ]
    assert shown.dispute_note.startswith(
        "Sources disagree on the date: 2 different dates are given "
        "(7 January 2022, 14:30 (UTC+06:00); 7 January 2022, 14:30 (UTC))."
    )


def test_an_end_date_in_dispute_is_flagged(index):
    shown = event_panel(index, index.position("csto"))
    assert shown.disputed
    assert "6 January 2022 to 19 January 2022" in shown.dispute_note
    assert "6 January 2022 to 10 January 2022" in shown.dispute_note
    assert [a.date_differs for a in shown.accounts] == [False, True]


def test_agreeing_accounts_are_not_disputed(index):
    shown = event_panel(index, index.position("emergency"))
    assert not shown.disputed and shown.dispute_note == ""
    assert [a.date_differs for a in shown.accounts] == [False, False]


# ---------------------------------------------------------------- media ------------------

PICTURE = "https://example.org/photos/almaty-square.jpg?w=800"
HTML = '<img src=x onerror="alert(1)"> <b>bold</b> &amp;'
MEDIA_ROWS = [
    row(
        "square",
        "2022-01-05",
        category="protest",
        source="Reuters",
        media=PICTURE,
        media_alt="Protesters fill the square in front of the akimat",
        media_caption="Republic Square, 5 January",
        media_credit="Example Photographer / Example Agency",
    ),
    row("square", "2022-01-05", source="TASS"),  # no media
    row(
        "square",
        "2022-01-05",
        source="AFP",
        media="https://www.youtube.com/watch?v=abc123XYZ00",
        media_caption="Crowds on the square",
        media_credit="AFP video",
    ),
    row("square", "2022-01-05", source="Vlast", media="https://vimeo.com/123456"),  # no caption
    row("square", "2022-01-05", source="Orda", media="https://www.example.org/story/1", media_caption="A gallery"),
    row(
        "square",
        "2022-01-05",
        source="Kursiv",
        media="https://example.org/a.png",
        media_caption=HTML,
        media_credit=HTML,
        media_alt=HTML,
    ),
    row("square", "2022-01-05", source="RFE/RL", media="https://example.org/b.svg"),  # no alt
]


@pytest.fixture(scope="module")
def square():
    index = index_from_rows(MEDIA_ROWS)
    return event_panel(index, index.position("square"))


@pytest.mark.parametrize(
    "i, expected",
    [
        (
            0,
            Media(
                url=PICTURE,
                kind="image",
                alt="Protesters fill the square in front of the akimat",
                caption="Republic Square, 5 January",
                credit="Example Photographer / Example Agency",
                label="",
            ),
        ),
        (1, None),
        (
            2,
            Media(
                url="https://www.youtube.com/watch?v=abc123XYZ00",
                kind="video",
                alt="",
                caption="Crowds on the square",
                credit="AFP video",
                label="Watch the video on YouTube: Crowds on the square",
            ),
        ),
        (
            3,
            Media(
                url="https://vimeo.com/123456",
                kind="video",
                alt="",
                caption="",
                credit="",
                label="Watch the video on Vimeo",
            ),
        ),
        (
            4,
            Media(
                url="https://www.example.org/story/1",
                kind="link",
                alt="",
                caption="A gallery",
                credit="",
                label="Open the media on example.org: A gallery",
            ),
        ),
        # text is kept as written: the app shows it as text, never as markup
        (5, Media(url="https://example.org/a.png", kind="image", alt=HTML, caption=HTML, credit=HTML, label="")),
        # an image without alt keeps an empty one (load warns the editor)
        (6, Media(url="https://example.org/b.svg", kind="image", alt="", caption="", credit="", label="")),
    ],
)
def test_each_account_carries_its_own_media(square, i, expected):
    assert len(square.accounts) == len(MEDIA_ROWS)
    assert square.accounts[i].media == expected


def test_accounts_without_media_columns_filled_have_none(airport):
    assert [a.media for a in airport.accounts] == [None] * 4


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//a.png",
        " JavaScript:alert(document.domain)",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "vbscript:msgbox",
        "//example.org/a.png",
        "ftp://example.org/a.png",
        "https://[unclosed/a.png",
    ],
)
def test_a_media_link_that_is_not_http_never_reaches_the_panel(url):
    # load refuses such links; the panel must not rely on that
    index = index_from_rows(
        [
            row("a", "2022-01-01", media="https://example.org/ok.png", media_alt="ok"),
            row("a", "2022-01-01", source="TASS", media_caption="Caption"),
        ]
    )
    index.dataset.accounts.loc[index.dataset.accounts["source"] == "TASS", "media"] = url
    shown = event_panel(index, 0)
    assert [a.media and a.media.url for a in shown.accounts] == ["https://example.org/ok.png", None]


# ---------------------------------------------------------------- overview ---------------


@pytest.mark.parametrize(
    "rows, span",
    [
        # one event known to the month: the month, not "December 2021 to 31 December 2021" (a probe's)
        ([row("a", "2021-12")], "December 2021"),
        # two on one day, one at a time: the day, not "5 January 2022 to 5 January 2022"
        ([row("a", "2022-01-05"), row("b", "2022-01-05 14:30")], "5 January 2022"),
        # the end of the one that ends last, as written: a span's end_date, a month's own month
        (
            [row("a", "2022-01-05 09:00"), row("b", "2022-01-06", end_date="2022-01-19")],
            "5 January 2022 to 19 January 2022",
        ),
        ([row("a", "2021-12-16"), row("b", "2022-01")], "16 December 2021 to January 2022"),
        ([row("a", "2021"), row("b", "2022-01-05")], "2021 to 5 January 2022"),
        ([row("a", "500 BC"), row("b", "2022")], "500 BC to 2022"),
        # a year and a day of it, in either order: the year (the review's: "1 January 2022 to 2022")
        ([row("a", "2022-01-01"), row("b", "2022")], "2022"),
        ([row("a", "2022"), row("b", "2022-01-01")], "2022"),
    ],
)
def test_the_overview_says_when_its_events_happened_as_they_are_written(rows, span):
    index = index_from_rows(rows)
    assert overview(index, everything(index), filtered=False).span == span


def test_overview_of_everything(index):
    view = overview(index, everything(index), filtered=False)
    assert (view.events, view.total, view.filtered) == (5, 5, False)
    assert view.span == "2022"  # (every event within the year 2022, "budget" the year itself)
    assert view.categories == [
        (name, n, colour(index.lanes.index(name)))
        for name, n in [("economy", 1), ("protest", 1), ("government", 1), ("security", 2)]
    ]
    # by accounts, most first, then by name regardless of case
    assert view.outlets == [
        ("Reuters", 3),
        ("TASS", 2),
        ("AFP", 1),
        ("Akorda", 1),
        ("Kursiv", 1),
        ("RFE/RL", 1),
        ("Vlast", 1),
    ]


@pytest.mark.parametrize("filtered", [False, True])
def test_the_names_one_outlet_goes_by_are_counted_as_one_named_as_first_written(filtered):
    # (an accent typed as its own mark, a no-break space, another case: one outlet to the filter too)
    names = ["Le Monde", "Le\u00a0Monde", "le monde", "Le  Monde", "AP", "Ap", "Le Monde"]
    index = index_from_rows([row(f"e{i}", "2022-01-05", source=name) for i, name in enumerate(names)])
    assert overview(index, everything(index), filtered).outlets == [("Le Monde", 5), ("AP", 2)]
    assert index.outlets == [("AP", 2), ("Le Monde", 5)]
    kept = apply(index, Filters(sources=("le monde",)))
    assert overview(index, kept, True).outlets == [("Le Monde", 5)]


def test_overview_span_of_days():
    index = index_from_rows(
        [row("a", "2022-01-05"), row("b", "2022-01-02"), row("c", "2022-01-06", end_date="2022-01-19")]
    )
    assert overview(index, everything(index), False).span == "2 January 2022 to 19 January 2022"


@pytest.mark.parametrize(
    "filters, events, categories, outlets",
    [
        (
            Filters(categories=("security",)),
            2,
            [("security", 2)],
            [("Reuters", 2), ("TASS", 2), ("AFP", 1), ("Vlast", 1)],
        ),
        (Filters(sources=("Akorda",)), 1, [("government", 1)], [("Akorda", 1), ("Reuters", 1)]),
        (Filters(text="rally"), 1, [("protest", 1)], [("RFE/RL", 1)]),
        (Filters(text="nothing-matches"), 0, [], []),
    ],
)
def test_filtered_overview_counts_only_kept_events(index, filters, events, categories, outlets):
    view = overview(index, apply(index, filters), filtered=True)
    assert (view.events, view.total, view.filtered) == (events, 5, True)
    assert [(name, n) for name, n, _ in view.categories] == categories
    assert view.outlets == outlets


def test_the_overview_names_the_outlets_the_filters_keep(index):
    filters = Filters(sources=("Akorda",))
    assert overview(index, apply(index, filters), True, filters.sources).chosen == {"Akorda"}
    assert overview(index, apply(index, Filters()), False).chosen == frozenset()


def test_overview_of_nothing(index):
    view = overview(index, np.zeros(len(index), dtype=bool), filtered=True)
    assert view.span == "no events" and view.events == 0


def test_overview_of_an_empty_file():
    empty = index_from_rows([])
    view = overview(empty, np.zeros(0, dtype=bool), filtered=False)
    assert (view.events, view.total, view.categories, view.outlets) == (0, 0, [], [])


# ---------------------------------------------------------------- reading aids -----------


@pytest.mark.parametrize(
    "description, paragraphs",
    [
        ("", []),
        ("One paragraph.", ["One paragraph."]),
        ("First.\n\nSecond.", ["First.", "Second."]),
        ("First.\r\n\r\nSecond.", ["First.", "Second."]),  # a Windows file's line ends
        ("First.\n  \n\n\nSecond.\n", ["First.", "Second."]),  # blank lines of spaces, several
        ("A line\nand the next", ["A line\nand the next"]),  # one line break stays in its paragraph
        ("\n\nLeading and trailing\n\n", ["Leading and trailing"]),
    ],
)
def test_blank_lines_in_a_description_make_paragraphs(description, paragraphs):
    assert panel.paragraphs(description) == paragraphs


@pytest.mark.parametrize(
    "filters, filtered, summary",
    [
        (
            Filters(),
            False,
            "Timeline chart: 5 events, 2022, one row per category "
            "(4 categories: economy 1, protest 1, government 1, security 2).",
        ),
        (
            Filters(categories=("security",)),
            True,
            "Timeline chart: 2 of 5 events, 5 January 2022 to 19 January 2022, one row per category "
            "(1 category: security 2).",
        ),
        (Filters(text="nothing-matches"), True, "The chart is empty: no events match the filters."),
    ],
)
def test_the_chart_said_in_words(index, filters, filtered, summary):
    assert panel.chart_summary(index, apply(index, filters), filtered) == summary


def _seconds(text: str) -> int:
    return int(np.datetime64(text, "s").astype(np.int64))


@pytest.mark.parametrize(
    "low, high, said",
    [
        # a zoom that leaves events out: what it shows is said (a screen reader heard the whole span)
        ("2022-01-04", "2022-01-07", " The view shows 4 January 2022 to 7 January 2022: 3 of 5 events in view."),
        (
            "2022-01-05 12:00",
            "2022-01-05 18:00",
            " The view shows 5 January 2022, 12:00 to 5 January 2022, 18:00: 1 of 5",
        ),
        # (a zoom's edges on any second: said to the minute, a probe's finding: "05:13:11" read aloud)
        (
            "2022-01-05 12:13:11",
            "2022-01-05 18:46:47",
            " The view shows 5 January 2022, 12:13 to 5 January 2022, 18:46: 1 of 5",
        ),
        # one that shows every event: nothing more to say
        ("2021-12-01", "2023-02-01", ""),
    ],
)
def test_the_chart_said_in_words_says_what_a_zoom_shows(index, low, high, said):
    whole = panel.chart_summary(index, everything(index), False)
    zoomed = panel.chart_summary(index, everything(index), False, Window(_seconds(low), _seconds(high)))
    assert zoomed.startswith(whole) and zoomed[len(whole) :].startswith(said) and (said or zoomed == whole)


def test_the_chart_of_a_file_with_no_event_blames_no_filter():
    """A file named wrong (`--events`), or of no rows yet: "no events match the filters" sent the
    editor to the filters."""
    empty = index_from_rows([])
    assert (
        panel.chart_summary(empty, everything(empty), False)
        == "The chart is empty: the events file has no event to show."
    )


def test_the_chart_summary_names_a_dozen_categories_and_counts_the_rest():
    many = index_from_rows([row(f"e{i}", "2022-01-01", category=f"lane{i:02d}") for i in range(20)])
    summary = panel.chart_summary(many, everything(many), False)
    assert "20 categories: lane00 1, " in summary and "lane11 1, 8 more)." in summary
    assert "lane12" not in summary


@pytest.mark.parametrize(
    "date, published, given",
    [
        ("2022-01-07", "2022-11", "month"),  # (placed at 1 November, which no source gave)
        ("2022-01-07", "2022-11-01", "day"),  # (that day, given)
        ("2022-01-07", "", "day"),  # (no publication date: placed at the event's own day)
        ("2022-01-07", "2022", "day"),  # (a year: placed at the event's day, the later)
        # (an account of a month with no publication day: placed at its first day; the axis said
        # "1 Jul", a day no source gave: a probe's finding, events.csv's death toll)
        ("2022-07", "", "month"),
        ("2022-07", "2022", "month"),
        ("2022-07", "2022-07-20", "day"),
        # (of a year, likewise: "2022", not "1 Jan")
        ("2022", "", "year"),
        ("2022", "2022", "year"),
        ("2022-01", "2022", "month"),  # (its month and the publication's year both place it: the finer)
        ("2022-01-01", "2022", "day"),  # (its day and the publication's year: that day)
        ("2021", "2022-03", "month"),  # (published later: its month)
        # (a year outside pandas' nanoseconds, 1677-2262: the panel raised OverflowError, a review's finding)
        ("1500", "", "year"),
        ("-0500", "", "year"),
        ("1500-03-15", "", "day"),
    ],
)
def test_a_figure_known_to_a_month_or_year_alone_is_placed_as_that(date, published, given):
    index = index_from_rows([row("toll", date, figure="44", figure_unit="dead", source="AP", published=published)])
    [point] = event_panel(index, index.position("toll")).figures["dead"]
    assert point.precision == given
