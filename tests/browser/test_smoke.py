"""The served page opens in Chromium and lists the events (the browser setup, proven in CI)."""

from playwright.sync_api import expect


def test_page_opens_and_lists_every_event(timeline):
    timeline.open()
    expect(timeline.counter).to_have_text("35 of 35 events")
    expect(timeline.event_list.locator("li")).to_have_count(35)
    expect(timeline.page).to_have_title("Kazakhstan, January 2022: a timeline")
