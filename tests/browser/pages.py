"""A page object for the dashboard: tests speak of events and panels, not selectors."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


class TimelinePage:
    def __init__(self, page: Page, base_url: str):
        self.page, self.base_url = page, base_url

    # Navigation
    def open(self, event: str | None = None, query: str = "") -> "TimelinePage":
        params = [f"event={event}"] if event else []
        if query:
            params.append(query.lstrip("?"))
        self.page.goto(self.base_url + "/" + ("?" + "&".join(params) if params else ""))
        self.wait_until_drawn()
        return self

    def wait_until_drawn(self) -> None:
        self.page.locator("#timeline .main-svg").first.wait_for(timeout=30_000)
        expect(self.counter).to_contain_text(" of ", timeout=30_000)

    @property
    def counter(self):
        return self.page.locator("#counter")

    @property
    def panel(self):
        return self.page.locator("#sources-panel")

    @property
    def event_list(self):
        return self.page.locator("#event-list")

    def panel_text(self) -> str:
        return self.panel.inner_text()

    def selected_title(self) -> str:
        return self.page.locator("#event-title").inner_text()

    def expect_selected(self, title: str) -> None:
        expect(self.page.locator("#event-title")).to_have_text(title, timeout=15_000)

    def expect_event_param(self, event_id: str) -> None:
        expect(self.page).to_have_url(re.compile(rf"[?&]event={re.escape(event_id)}(&|$)"), timeout=15_000)

    # The chart
    def marker_points(self):
        return self.page.locator("#timeline .scatterlayer .trace .points path")

    def click_marker(self, index: int = 0) -> None:
        box = self.marker_points().nth(index).bounding_box()
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def click_event(self, event_id: str) -> None:
        """Click the chart marker of an event, found through its hover text's order in the list."""
        self.page.locator(f"#event-list a[href*='event={event_id}']").first.click()

    def click_list_item(self, title: str) -> None:
        self.event_list.get_by_text(title, exact=True).click()

    # Filters
    def search(self, text: str) -> None:
        box = self.page.locator("#search")
        box.fill(text)
        box.press("Enter")

    def set_dates(self, start: str = "", end: str = "") -> None:
        for selector, value in (("#date-from", start), ("#date-to", end)):
            box = self.page.locator(selector)
            box.fill(value)
            box.press("Enter")

    def toggle_category(self, name: str) -> None:
        self.page.locator("#category-filter").get_by_label(name, exact=True).click()

    def next(self) -> None:
        self.page.locator("#next-event").click()

    def previous(self) -> None:
        self.page.locator("#prev-event").click()
