"""Titles on the chart and what the view leaves out (issue 10, items 1-4), on the default data."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("width, height", [(1440, 900), (1024, 768)])
def test_every_event_in_the_opening_view_has_its_title_and_none_overlap(timeline, width, height):
    timeline.page.set_viewport_size({"width": width, "height": height})
    timeline.open()
    timeline.page.wait_for_timeout(500)  # the figure for the measured width
    shown = timeline.titles_in_view()
    assert len(shown) >= 25
    assert [e for e, title in shown.items() if not title] == []
    assert timeline.label_overlaps() == []
    labels = [label["text"] for label in timeline.chart_labels()]
    assert "Mamin government resigns" in labels


def test_the_selected_title_is_shown_and_long_titles_are_shortened_on_the_chart_only(timeline):
    timeline.page.set_viewport_size({"width": 1024, "height": 768})
    timeline.open(event="nazarbayev-residence-snipers")
    timeline.wait_for_marker("nazarbayev-residence-snipers")
    title = timeline.titles_in_view()["nazarbayev-residence-snipers"]
    whole = "Snipers fire on crowd at Nazarbayev's residence (claim)"
    assert title.endswith("…") and whole.startswith(title[:-1])  # shortened on the chart
    timeline.expect_selected(whole)  # whole in the panel
    assert whole in timeline.hover_marker_of("nazarbayev-residence-snipers")  # and in the hover


def test_an_event_chosen_after_another_leaves_every_title_on_the_chart(timeline):
    # The first chosen event's title moves beside its ring; choosing another gives it back to
    # its mark, which plotly.js never drew when the mark had been given an empty text (#5360).
    timeline.open()
    timeline.settle()
    before = timeline.titles_in_view()
    assert before["almaty-airport-seized"] == "Almaty airport seized"
    for event_id, title in [
        ("almaty-airport-seized", "Almaty airport seized"),
        ("almaty-akimat-stormed", "Almaty city hall stormed and set on fire"),
    ]:
        timeline.click_marker_of(event_id)
        timeline.expect_selected(title)
        timeline.expect_event_param(event_id)
        timeline.settle()
    assert timeline.titles_in_view() == before
    labels = [label["text"] for label in timeline.chart_labels()]
    assert labels.count("Almaty airport seized") == 1


def test_zooming_in_repacks_the_titles_without_a_full_redraw(timeline):
    timeline.page.set_viewport_size({"width": 1024, "height": 768})
    timeline.open()
    timeline.page.wait_for_timeout(500)
    requests = []
    timeline.page.on(
        "request", lambda r: requests.append(r.post_data or "") if "_dash-update-component" in r.url else None
    )
    timeline.page.locator("#timeline .nsewdrag").first.evaluate("e => e.scrollIntoView({block: 'center'})")
    timeline.drag_zoom(0.2, 0.45)
    expect(timeline.in_view).not_to_have_text("30 of 35 events in view", timeout=15_000)
    timeline.page.wait_for_timeout(800)
    shown = timeline.titles_in_view()
    assert shown and all(shown.values())
    assert timeline.label_overlaps() == []
    # the zoom's update came from the zoom callback (a Patch of the traces and the lanes)
    assert any('"zoom-request.data"' in body for body in requests)


def test_the_chart_says_what_the_view_leaves_out_and_one_click_shows_it(timeline):
    timeline.open()
    expect(timeline.in_view).to_have_text("30 of 35 events in view")
    expect(timeline.earlier).to_have_text("← 3 earlier")
    expect(timeline.later).to_have_text("2 later →")
    timeline.earlier.click()
    expect(timeline.in_view).to_have_text("33 of 35 events in view", timeout=15_000)
    expect(timeline.earlier).to_be_hidden()
    timeline.later.click()
    expect(timeline.in_view).to_have_text("35 of 35 events in view", timeout=15_000)
    expect(timeline.later).to_be_hidden()
    timeline.wait_for_marker("ablyazov-sentenced-in-absentia")
    assert timeline.point_of("ablyazov-sentenced-in-absentia") is not None


def test_a_view_of_days_with_no_time_has_no_hours_on_its_axis(timeline):
    # (two days' events, each drawn in the middle of its day, were ticked 00:00, 06:00, 12:00...:
    # the death toll read as announced at noon)
    timeline.open(query="category=casualties&from=2022-01-07&to=2022-01-31")
    expect(timeline.in_view).to_have_text("2 of 2 events in view")
    timeline.settle()
    ticks = timeline.page.eval_on_selector_all("#timeline .xtick text", "ts => ts.map(t => t.textContent)")
    assert len(ticks) >= 2 and not [t for t in ticks if ":" in t], ticks
    assert any("Jan 8" in t for t in ticks)
