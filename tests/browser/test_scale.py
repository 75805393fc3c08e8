"""Correctness at scale, on a generated file of 20,000 events (issue 4): the density bands count
every filtered event, zooming in reveals individual events, and a click on one opens its panel.
Speed is measured by benchmarks/scale.py, not here."""

import re

import pytest
from playwright.sync_api import expect

from benchmarks.generate import generate
from timeline.view.figure import MAX_MARKERS

from .conftest import serve
from .pages import TimelinePage

EVENTS = 20_000
assert EVENTS > MAX_MARKERS


@pytest.fixture(scope="module")
def crowded_url(tmp_path_factory):
    path = generate(events=EVENTS, out=tmp_path_factory.mktemp("scale") / "events.csv")
    with serve(path, title="Generated") as url:
        yield url


def counter_number(timeline) -> int:
    return int(re.match(r"([\d,]+) of", timeline.counter.inner_text()).group(1).replace(",", ""))


def density_total(timeline) -> int:
    return timeline.page.evaluate(
        """() => { const gd = document.querySelector('#timeline .js-plotly-plot');
                   const band = gd._fullData.find(t => t.type === 'heatmap');
                   return band ? band.customdata.flat().reduce((a, b) => a + b, 0) : -1; }"""
    )


def wait_for_trace_type(timeline, kind: str) -> None:
    timeline.page.wait_for_function(
        "(kind) => document.querySelector('#timeline .js-plotly-plot')._fullData.some(t => t.type === kind)",
        arg=kind,
        timeout=20_000,
        polling=200,
    )


def wait_for_events(timeline) -> None:
    """Until single events are drawn (a trace of markers that carry event ids)."""
    timeline.page.wait_for_function(
        """() => document.querySelector('#timeline .js-plotly-plot')._fullData
                   .some(t => t.type === 'scatter' && t.customdata && t.customdata.length > 0)""",
        timeout=20_000,
        polling=200,
    )


@pytest.mark.parametrize("query", ["", "category=protest", "q=police", "from=2019-01&to=2022-12"])
def test_density_bands_count_every_filtered_event(page, crowded_url, query):
    """Every kept event in a band at least once: an event on a day in its period, one that lasts in
    each period it covers (a tenth of these do: the bands add up to more than the count)."""
    timeline = TimelinePage(page, crowded_url).open(query=query)
    wait_for_trace_type(timeline, "heatmap")
    kept = counter_number(timeline)
    assert kept > MAX_MARKERS
    assert kept < density_total(timeline) < 10 * kept
    assert timeline.trace_names()[0].startswith("Events per period")


def test_zooming_in_reveals_events_and_a_click_opens_one(page, crowded_url):
    timeline = TimelinePage(page, crowded_url).open()
    wait_for_trace_type(timeline, "heatmap")
    page.evaluate("""() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                                            {'xaxis.range': ['2021-06-01', '2021-06-08']})""")
    wait_for_events(timeline)
    assert "heatmap" not in [
        t for t in page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._fullData.map(t => t.type)")
    ]
    event_id = page.evaluate("""() => document.querySelector('#timeline .js-plotly-plot')._fullData
                                   .find(t => t.type === 'scatter' && t.customdata && t.customdata.length)
                                   .customdata[0]""")
    timeline.click_marker_of(event_id)
    timeline.expect_event_param(event_id)
    expect(timeline.panel.locator("#event-title")).not_to_be_empty()
    expect(timeline.panel).to_contain_text("account")


def test_a_permalink_into_many_events_shows_it_among_its_neighbours(page, crowded_url):
    timeline = TimelinePage(page, crowded_url).open()
    first = timeline.event_list.locator("a").nth(40).get_attribute("href")
    event_id = re.search(r"event=([^&]+)", first).group(1)
    timeline.open(event=event_id)
    wait_for_events(timeline)
    assert timeline.point_of(event_id) is not None  # drawn as itself, clickable
    expect(timeline.page.locator("#event-title")).not_to_be_empty()


def test_escape_on_an_event_pages_into_the_list_returns_focus_to_it_there(page, crowded_url):
    """Escape (or Close) on the 74th event of a view of the whole span: the list's page around it
    (49-98) turned to the view's first page (1-50) as the event closed, and focus, with no link of
    the event to go back to, went to the overview. The page now stays, and focus goes to the event."""
    timeline = TimelinePage(page, crowded_url).open(query="zoom=all")
    fiftieth = timeline.event_list.locator("a.event-link").nth(49).get_attribute("data-event")
    timeline.open(event=fiftieth, query="zoom=all")  # (the list: the page around it, 25-74)
    far = timeline.event_list.locator("a.event-link").last.get_attribute("data-event")
    timeline.open(event=far, query="zoom=all")
    caption = timeline.page.locator("#event-list-caption")
    shown = caption.inner_text()
    assert shown.startswith("Events 49 to 98 of")
    timeline.page.locator("#event-title").focus()
    timeline.page.keyboard.press("Escape")
    expect(timeline.list_link(far)).to_be_focused()
    expect(caption).to_have_text(shown)


def test_enter_on_the_list_s_last_event_shows_the_panel_s_heading_it_focuses(page, crowded_url):
    """At the page's end the side panel is held up by its column's end: Enter on the list's last
    event put focus on the panel's heading 35 px above the window, out of sight."""
    timeline = TimelinePage(page, crowded_url).open(query="zoom=all")
    last = timeline.event_list.locator("a.event-link").last
    event_id = last.get_attribute("data-event")
    last.focus()
    timeline.page.keyboard.press("Enter")
    heading = timeline.page.locator(f"#event-title[data-event='{event_id}']")
    expect(heading).to_be_focused()
    top, bottom = heading.evaluate("h => [h.getBoundingClientRect().top, h.getBoundingClientRect().bottom]")
    assert 0 <= top and bottom <= timeline.page.viewport_size["height"], (top, bottom)
