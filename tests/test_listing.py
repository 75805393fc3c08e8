"""The event list beside the chart (timeline/view/listing.py): its order, permalinks, paging
and selection, and the Previous/Next steps."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from timeline.state import Filters, State, apply
from timeline.view import labels
from timeline.view import listing as event_list
from timeline.view.listing import listing

from .helpers import everything, ids, index_from_rows, row
from .test_panel import ROWS


@pytest.fixture(scope="module")
def index():
    return index_from_rows(ROWS)


def test_listing_in_date_order_with_permalinks(index):
    state = State(filters=Filters(categories=("security", "government")))
    view = listing(index, apply(index, state.filters), state, None)
    assert [i.id for i in view.items] == ["emergency", "airport-seized", "csto"]
    assert (view.first, view.total) == (1, 3)
    first = view.items[0]
    assert (first.date, first.category, first.accounts, first.disputed) == ("5 January 2022", "government", 2, False)
    assert view.items[1].disputed
    for item in view.items:
        assert not item.selected
        link = urlsplit(item.href)
        assert link.path == "/"
        assert parse_qs(link.query) == {"event": [item.id], "category": ["security", "government"]}


def test_a_permalink_keeps_every_filter(index):
    state = State(
        "rally",
        Filters(categories=("security",), sources=("TASS",), text="airport", date_from="2022-01", date_to="2022-01-31"),
    )
    (item,) = listing(index, apply(index, state.filters), state, index.position("rally")).items
    assert State.from_search(urlsplit(item.href).query) == state.select("airport-seized")


def test_the_selected_event_is_highlighted(index):
    selected = index.position("csto")
    view = listing(index, everything(index), State("csto"), selected)
    assert [i.id for i in view.items if i.selected] == ["csto"]


def test_the_list_of_nothing(index):
    view = listing(index, np.zeros(len(index), dtype=bool), State(), None)
    assert (view.items, view.total) == ([], 0)


@pytest.fixture(scope="module")
def long_index():
    return index_from_rows([row(f"day-{d:02d}", f"2022-01-{d:02d}") for d in range(1, 31)])


@pytest.mark.parametrize(
    "selected, first, shown",
    [
        # no selection: the first page
        (None, 1, range(1, 11)),
        # the page follows the selection, which sits in the middle of it
        ("day-15", 10, range(10, 20)),
        ("day-07", 2, range(2, 12)),
        # near the ends the page stops at them
        ("day-02", 1, range(1, 11)),
        ("day-29", 21, range(21, 31)),
        ("day-30", 21, range(21, 31)),
    ],
)
def test_paging_follows_the_selection(long_index, monkeypatch, selected, first, shown):
    monkeypatch.setattr(event_list, "PAGE", 10)
    position = long_index.position(selected)
    view = listing(long_index, everything(long_index), State(selected or ""), position)
    assert (view.first, view.total) == (first, 30)
    assert [i.id for i in view.items] == [f"day-{d:02d}" for d in shown]
    if selected:
        assert [i.id for i in view.items if i.selected] == [selected]


@pytest.mark.parametrize(
    "zoom, selected, first",
    [
        # with nothing chosen, the page that begins with the chart's first event in view (it was the
        # file's first page: "Read the events as a list" led to other days than the chart's)
        ("2022-01-15/2022-01-18", None, 15),
        ("2022-01-14T13:00/2022-01-18", None, 15),  # (a day's mark at its noon: the 14th's is out)
        ("2022-01-28/2022-02-10", None, 21),  # (near the end, the last page)
        ("2022-03-01/2022-03-10", None, 21),  # (after every event: the last page)
        ("2021-03-01/2021-03-10", None, 1),  # (before every event: the first page)
        ("2022-01-15/2022-01-18", "day-05", 1),  # (a choice: the page around it, as before)
    ],
)
def test_paging_follows_the_chart_s_zoom_with_nothing_chosen(long_index, monkeypatch, zoom, selected, first):
    monkeypatch.setattr(event_list, "PAGE", 10)
    state = State.from_search(f"?zoom={zoom}" + (f"&event={selected}" if selected else ""))
    view = listing(long_index, everything(long_index), state, long_index.position(selected) if selected else None)
    assert view.first == first and view.items[0].id == f"day-{first:02d}"


@pytest.mark.parametrize(
    "zoom, keep, mask, first",
    [
        # an event closed (Escape, or Close) in the list's page 11-20, the chart's view beginning
        # on the 1st: the page stays, so that focus goes back to the event in it (was page 1-10)
        ("2022-01-01/2022-01-30", "day-11", None, 11),
        ("2022-01-01/2022-01-12", "day-11", None, 11),  # (the page shows the 11th and 12th of the view)
        ("2022-01-01/2022-01-05", "day-11", None, 1),  # (none of its events in view: the view's page)
        ("2022-01-01/2022-01-30", "day-11", "2022-01-15", 1),  # (not kept by a filter: the view's page)
        ("2022-01-01/2022-01-30", "gone", None, 1),  # (no such event any more)
        ("2022-01-01/2022-01-30", "", None, 1),
    ],
)
def test_with_nothing_chosen_the_page_shown_stays_while_the_chart_shows_one_of_its_events(
    long_index, monkeypatch, zoom, keep, mask, first
):
    monkeypatch.setattr(event_list, "PAGE", 10)
    state = State.from_search(f"?zoom={zoom}")
    kept = apply(long_index, Filters(date_from=mask)) if mask else everything(long_index)
    view = listing(long_index, kept, state, None, keep=keep)
    assert view.first == first, [i.id for i in view.items]


def test_paging_counts_only_kept_events(long_index, monkeypatch):
    monkeypatch.setattr(event_list, "PAGE", 4)
    mask = apply(long_index, Filters(date_from="2022-01-11"))
    view = listing(long_index, mask, State("day-20"), long_index.position("day-20"))
    assert view.total == 20
    assert [i.id for i in view.items] == ["day-18", "day-19", "day-20", "day-21"]
    assert view.first == 8
    assert ids(long_index, mask)[view.first - 1] == "day-18"


def test_no_paging_at_or_under_a_page(long_index, monkeypatch):
    monkeypatch.setattr(event_list, "PAGE", 30)
    view = listing(long_index, everything(long_index), State("day-30"), long_index.position("day-30"))
    assert (view.first, len(view.items)) == (1, 30)


def test_long_titles_are_shortened_in_the_list_with_the_whole_title_beside():
    title = "A title that goes on " * 100
    index = index_from_rows([row("long", "2022-01-01", title=title), row("short", "2022-01-02", title="Short")])
    items = listing(index, np.ones(len(index), dtype=bool), State("", Filters()), None).items
    assert [(i.id, len(i.title) <= labels.TITLE, i.full_title) for i in items] == [
        ("long", True, title.strip()),
        ("short", True, ""),
    ]
    assert items[0].title.endswith("…")


# ---------------------------------------------------------------- Previous and Next --------


@pytest.mark.parametrize(
    "current, previous, following",
    [
        ("rally", "budget", "emergency"),
        ("budget", "", "rally"),  # the first: Previous leads nowhere
        ("csto", "airport-seized", ""),  # the last: Next leads nowhere
        ("", "csto", "budget"),  # nothing selected: Next is the first, Previous the last
    ],
)
def test_previous_and_next_name_the_event_they_lead_to(index, current, previous, following):
    before, after = event_list.steps(index, everything(index), current)
    assert (before.id, after.id) == (previous, following)
    titles = {
        "budget": "Budget",
        "rally": "Rally",
        "emergency": "Emergency",
        "airport-seized": "Almaty airport seized",
        "csto": "Csto",
        "": "",
    }
    assert (before.title, after.title) == (titles[previous], titles[following])


def test_a_step_within_the_filters_and_a_long_title_shortened(index):
    mask = apply(index, Filters(categories=("security",)))
    before, after = event_list.steps(index, mask, "airport-seized")
    assert (before, after.id) == (event_list.NOWHERE, "csto")
    long = index_from_rows([row("a", "2022-01-01", title="A" * 300), row("b", "2022-01-02")])
    _, after = event_list.steps(long, everything(long), "")  # Next, from nothing selected: the first
    assert after.id == "a" and len(after.title) == labels.STEP and after.title.endswith("…")
    assert after.full_title == "A" * 300
