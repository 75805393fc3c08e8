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

    # Plotly internals, read through the page: the chart's axes and drawn points
    def x_range(self) -> list[str]:
        return self.page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range")

    def point_date_at(self, x: float) -> str:
        """The UTC date plotly places at page x (plotly dates are time-zone-naive)."""
        return self.page.evaluate(
            """(x) => { const gd = document.querySelector('#timeline .js-plotly-plot');
                        const ax = gd._fullLayout.xaxis; const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
                        return new Date(ax.p2c(x - box.left)).toISOString(); }""", x)

    def trace_names(self) -> list[str]:
        return self.page.evaluate(
            "() => document.querySelector('#timeline .js-plotly-plot')._fullData.map(t => t.name)")

    def point_of(self, event_id: str):
        """The centre, in page pixels, of the marker drawn for an event."""
        return self.page.evaluate(
            """(id) => { const gd = document.querySelector('#timeline .js-plotly-plot');
                 const layers = gd.querySelectorAll('.scatterlayer .trace');
                 let i = -1;
                 for (const trace of gd._fullData) {
                   if (trace.type !== 'scatter') continue;
                   i += 1;
                   if (!trace.customdata) continue;
                   const j = Array.from(trace.customdata).indexOf(id); if (j < 0) continue;
                   const node = layers[i].querySelectorAll('.points path')[j];
                   const r = node.getBoundingClientRect();
                   return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }
                 return null; }""", event_id)

    def click_marker_of(self, event_id: str) -> None:
        point = self.point_of(event_id)
        assert point, f"no marker drawn for {event_id}"
        self.page.mouse.click(point["x"], point["y"])

    def hover_marker_of(self, event_id: str) -> str:
        point = self.point_of(event_id)
        label = self.page.locator("#timeline .hoverlayer .hovertext")
        self.page.mouse.move(1, 1)
        expect(label).to_have_count(0)
        self.page.mouse.move(point["x"], point["y"])
        label.first.wait_for(timeout=10_000)
        return label.first.text_content()
