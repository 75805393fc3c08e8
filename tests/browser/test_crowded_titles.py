"""Titles of a crowded view (issue 10, item 1): 600 events in view, every one with its title,
stacked in sub-rows as vis-timeline stacks them; the chart grows and scrolls in its box, with
its dates on top and a range slider of the usual thickness."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ..helpers import row
from .conftest import serve_rows
from .pages import TimelinePage

EVENTS = 600
TOWNS = ("Almaty", "Aktau", "Zhanaozen", "Astana", "Taraz", "Oral")
KINDS = ("protest", "security", "government", "legal", "economy", "international")


@pytest.fixture(scope="module")
def crowded_url(tmp_path_factory):
    rows = [
        row(
            f"e{n}",
            f"{2020 + n * 3 // EVENTS}-{1 + n % 12:02d}-{1 + n * 7 % 28:02d}",
            title=f"Event {n}: a rally in {TOWNS[n % 6]}",
            category=KINDS[n * n % 6],
        )
        for n in range(EVENTS)
    ]
    with serve_rows(rows, tmp_path_factory.mktemp("crowded")) as url:
        yield url


def test_six_hundred_titles_are_drawn_none_overlapping_in_a_chart_that_scrolls(page, crowded_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    timeline = TimelinePage(page, crowded_url).open()
    timeline.settle()
    labels = timeline.chart_labels()
    assert len(labels) == EVENTS
    assert timeline.label_overlaps() == []
    shape = page.evaluate("""() => {
        const box = document.querySelector('.timeline-graph');
        const plot = document.querySelector('#timeline .nsewdrag').getBoundingClientRect();
        const ticks = Array.from(document.querySelectorAll('#timeline .xtick text'))
            .map(t => t.getBoundingClientRect());
        const slider = document.querySelector('#timeline .rangeslider-bg').getBoundingClientRect();
        return {client: box.clientHeight, scroll: box.scrollHeight, plotTop: plot.top,
                ticksAbove: ticks.length > 0 && ticks.every(r => r.bottom <= plot.top),
                slider: slider.height};
    }""")
    assert shape["client"] <= 960 < shape["scroll"]  # the chart scrolls in its box
    assert shape["ticksAbove"]  # its dates above the lanes
    assert 20 < shape["slider"] < 80  # the slider is not a tenth of it


def test_the_default_data_does_not_scroll_in_the_box(timeline):
    timeline.page.set_viewport_size({"width": 1440, "height": 900})
    timeline.open()
    timeline.settle()
    box = timeline.page.evaluate("""() => { const b = document.querySelector('.timeline-graph');
                                             return [b.clientHeight, b.scrollHeight]; }""")
    assert box[0] == box[1]


@pytest.mark.parametrize("viewport", [(1440, 900), (390, 844)])
def test_the_dates_show_where_the_chart_opens_on_a_laptop_and_a_phone(timeline, viewport):
    """The default data's chart is taller than what a 1440 x 900 window (or a phone) shows under
    the filters: its dates are above the lanes, so the first screen a viewer sees has them (under
    the lanes, they were below the fold: titles with no dates)."""
    width, height = viewport
    timeline.page.set_viewport_size({"width": width, "height": height})
    timeline.open()
    timeline.settle()
    shape = timeline.page.evaluate("""() => {
        const plot = document.querySelector('#timeline .nsewdrag').getBoundingClientRect();
        const ticks = Array.from(document.querySelectorAll('#timeline .xtick text'))
            .map(t => ({text: t.textContent, box: t.getBoundingClientRect()}));
        return {plotTop: plot.top, plotBottom: plot.bottom, window: window.innerHeight,
                ticks: ticks.map(t => ({text: t.text, top: t.box.top, bottom: t.box.bottom}))};
    }""")
    assert shape["plotBottom"] > shape["window"]  # the chart runs on below the fold...
    assert len(shape["ticks"]) >= 3
    for tick in shape["ticks"]:  # ...and its dates are above its lanes, on the first screen
        assert 0 <= tick["top"] and tick["bottom"] <= min(shape["plotTop"], shape["window"]), tick
    assert any("2022" in tick["text"] for tick in shape["ticks"])


def test_the_list_begins_with_the_chart_s_first_event_in_view(page, crowded_url):
    """With nothing chosen, the list's page was the file's first whatever the chart showed: "Read
    the events as a list" led to events of other years than those in view."""
    page.set_viewport_size({"width": 1440, "height": 900})
    TimelinePage(page, crowded_url).open(query="zoom=2021-06-01/2021-06-20")
    first = page.locator("#event-list li").first
    expect(first).to_contain_text("June 2021")
    expect(page.locator("#event-list-caption")).not_to_contain_text("Events 1 to")
    # zoomed on the chart itself (its address follows), the list follows it too
    page.evaluate(
        """() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                                 {'xaxis.range': ['2020-03-01', '2020-03-31']})"""
    )
    expect(first).to_contain_text("March 2020")
