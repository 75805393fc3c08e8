"""A page object for the dashboard: tests speak of events and panels, not selectors."""

from __future__ import annotations

import re
import time

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

# What the counter says between its two numbers, per page language ("28 of 35 events").
COUNTED = {"en": " of ", "fr": " sur ", "ru": " из ", "kk": " / ", "ar": " من "}


# A page's fetch, with navigate's calls (the one callback whose output is first url.search)
# answered `ms` late (TimelinePage.answer_steps_slowly).
SLOW_STEPS = """(ms) => {
  const send = window.fetch;
  window.fetch = function (resource, options) {
    const body = options && typeof options.body === "string" ? options.body : "";
    if (!body.includes('"output":"..url.search.')) return send.apply(this, arguments);
    window.timelineSlowed = (window.timelineSlowed || 0) + 1;
    if (window.timelineHangNext) {
      window.timelineHangNext = false;
      return new Promise(() => {});
    }
    return new Promise((done) => setTimeout(done, ms)).then(() => send.call(this, resource, options));
  };
}"""


class TimelinePage:
    def __init__(self, page: Page, base_url: str, lang: str = "en"):
        self.page, self.base_url, self.lang = page, base_url, lang

    # Navigation
    def open(self, event: str | None = None, query: str = "", settle: bool = True) -> TimelinePage:
        """Open the page at this address, and wait until its chart is drawn and (`settle`) its
        on-load callbacks have answered (the chart re-packed for the width the browser measured),
        so that what a test reads of the page is the page as loaded. `settle=False`: act as soon
        as the page shows, as a quick viewer does."""
        params = [f"event={event}"] if event else []
        if query:
            params.append(query.lstrip("?"))
        self.page.goto(self.base_url + "/" + ("?" + "&".join(params) if params else ""))
        self.wait_until_drawn()
        if settle:
            self.settle(quiet_ms=150)
        return self

    def answer_steps_slowly(self, ms: int = 600) -> None:
        """Pages opened from now on have the page's callback that reads and writes the address
        (navigate: a step, a filter, a click) answered `ms` late, as by a slow server; its other
        calls as usual. (Held in the page, under its own scripts, as the network would: a route's
        handler would hold the test's thread, and the keys it presses meanwhile.)"""
        self.page.add_init_script(f"({SLOW_STEPS})({int(ms)})")

    def never_answer_the_next_step(self) -> None:
        """The page's next call of that callback is never answered (a server that hangs), on a
        page opened after answer_steps_slowly."""
        self.page.evaluate("() => { window.timelineHangNext = true; }")

    def slowed_steps(self) -> int:
        """How many calls answer_steps_slowly has held back on this page (0: the script that
        holds them no longer recognises the callback's calls)."""
        return self.page.evaluate("() => window.timelineSlowed || 0")

    def wait_until_drawn(self) -> None:
        """Until the server's first figure is drawn (a time axis, not the placeholder) and the
        counter is shown."""
        self.page.wait_for_function(
            """() => { const gd = document.querySelector('#timeline .js-plotly-plot');
                       return gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullLayout.xaxis.type === 'date'; }""",
            timeout=30_000,
            polling=100,
        )
        expect(self.counter).to_contain_text(COUNTED[self.lang], timeout=30_000)

    @property
    def counter(self):
        return self.page.locator("#counter")

    @property
    def panel(self):
        return self.page.locator("#sources-panel")

    @property
    def event_list(self):
        return self.page.locator("#event-list")

    @property
    def problems(self):
        """The box at the top of the page: the file's problems, and the notices about it."""
        return self.page.locator("#problems")

    def kept_back_notice(self):
        """The notice editors read while a new save is kept back (the last good version shown)."""
        return self.problems.locator("li", has_text="is not published")

    def panel_text(self) -> str:
        return self.panel.inner_text()

    def open_outlets(self, timeout: float = 10_000) -> float:
        """Open the Outlets dropdown; the seconds until its options are shown."""
        self.show_filters()
        started = time.monotonic()
        self.page.locator("#source-filter").click()
        self.outlet_options.first.wait_for(state="visible", timeout=timeout)
        return time.monotonic() - started

    def show_filters(self) -> None:
        """Unfold the filters if they are folded behind their button (a narrow screen)."""
        button = self.page.locator("#filters-toggle")
        if button.is_visible() and button.get_attribute("aria-expanded") != "true":
            button.click()

    @property
    def outlet_options(self):
        # (Each a checkbox in its label, as assets/dash_a11y.js leaves it: a group of checkboxes.)
        return self.page.locator(".dash-dropdown-content .dash-dropdown-option")

    @property
    def outlet_buttons(self):
        return self.panel.locator(".outlet-button")

    def sideways_scroll(self) -> int:
        """How many pixels the page scrolls sideways (0: it fits the window)."""
        return self.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")

    def selected_title(self) -> str:
        return self.page.locator("#event-title").inner_text()

    def expect_selected(self, title: str) -> None:
        expect(self.page.locator("#event-title")).to_have_text(title, timeout=15_000)

    def expect_event_param(self, event_id: str) -> None:
        expect(self.page).to_have_url(re.compile(rf"[?&]event={re.escape(event_id)}(&|$)"), timeout=15_000)

    # Media in the side panel (each account's picture, video or link)
    def panel_figures(self):
        return self.panel.locator("figure.media")

    def panel_images(self):
        return self.panel.locator("figure.media img")

    def panel_media_links(self):
        return self.panel.locator("figure.media a")

    def figure_caption(self, figure) -> str:
        return figure.locator("figcaption").inner_text()

    def wait_until_loaded(self, image, timeout: float = 15_000) -> int:
        """Scroll a picture into view (it loads lazily), wait until the browser has it; its natural width."""
        image.scroll_into_view_if_needed()
        image.evaluate(
            """(img, timeout) => new Promise((done, fail) => {
                              if (img.complete && img.naturalWidth) return done();
                              img.addEventListener('load', () => done(), {once: true});
                              img.addEventListener('error', () => fail(new Error('failed: ' + img.src)), {once: true});
                              setTimeout(() => fail(new Error('not loaded: ' + img.src)), timeout); })""",
            timeout,
        )
        return image.evaluate("img => img.naturalWidth")

    def page_accessibility_problems(self) -> list[str]:
        """axe-core's violations of serious or critical impact on the whole page, as "rule: element"."""
        results = Axe().run(self.page)
        return [
            f"{v['id']}: {node['target']}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
            for node in v["nodes"]
        ]

    def accessibility_problems(self, selector: str = "#sources-panel") -> list[str]:
        """axe-core's violations of serious or critical impact in this part of the page, as
        "rule: element" (axe-playwright-python bundles axe-core: nothing is fetched)."""
        results = Axe().run(self.page, context={"include": [[selector]]})
        return [
            f"{v['id']}: {node['target']}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
            for node in v["nodes"]
        ]

    # Reading with a keyboard, a screen reader or a phone
    @property
    def heading(self):
        """The selected event's heading in the panel (it takes focus when an event is chosen)."""
        return self.page.locator("#event-title")

    def list_link(self, event_id: str):
        return self.page.locator(f"#event-list a.event-link[data-event='{event_id}']")

    def close_panel(self) -> None:
        self.panel.locator("a.close").click()

    def focused(self) -> dict:
        """What has focus: its id, the event it is about (data-event), its text."""
        return self.page.evaluate(
            """() => { const el = document.activeElement;
                       return {id: el.id, event: el.getAttribute('data-event'), tag: el.tagName.toLowerCase(),
                               text: (el.innerText || '').trim()}; }"""
        )

    def scroll_y(self) -> float:
        return self.page.evaluate("() => window.scrollY")

    def step_labels(self) -> tuple[str, str]:
        """What Previous and Next say (the event each leads to), as read."""
        return (
            self.page.locator("#prev-event").inner_text().replace("\n", " "),
            self.page.locator("#next-event").inner_text().replace("\n", " "),
        )

    @property
    def announcer(self):
        """The live region a screen reader reads when the selection changes."""
        return self.page.locator("#announcer")

    @property
    def chart_summary(self):
        return self.page.locator("#chart-summary")

    @property
    def filters(self):
        return self.page.locator("#filters")

    @property
    def filters_button(self):
        return self.page.locator("#filters-toggle")

    @property
    def keys_hint(self):
        return self.page.locator(".keys-hint")

    @property
    def problems_line(self):
        """The one line about the file's problems (a <summary>: it opens the list)."""
        return self.problems.locator("details > summary")

    @property
    def problems_list(self):
        return self.problems.locator("details > ul")

    def chart_box(self) -> dict:
        """Where the chart's plotting area is, in viewport pixels."""
        return self.page.locator("#timeline .nsewdrag").first.bounding_box()

    def tap_marker_of(self, event_id: str) -> None:
        """Tap an event's mark with a finger (a touch screen)."""
        point = self.scroll_to_marker(event_id)
        self.page.touchscreen.tap(point["x"], point["y"])

    def swipe(self, x: float, y: float, dy: float, dx: float = 0) -> None:
        """A finger swipes from (x, y) by dy pixels (negative: upwards, the page scrolls down)
        and dx (negative: to the left), as touch events from the browser's input (a touch screen)."""
        self.fingers([(x, y, dx, dy)])

    def fingers(self, moves: list[tuple[float, float, float, float]]) -> None:
        """Fingers, each (x, y, dx, dy), touch together and move by their (dx, dy) together in
        ten steps (two fingers moving apart: a spread), then lift."""
        session = self.page.context.new_cdp_session(self.page)

        def touch(kind, step):
            points = [
                {"x": x + dx * step / 10, "y": y + dy * step / 10, "id": n} for n, (x, y, dx, dy) in enumerate(moves)
            ]
            session.send(
                "Input.dispatchTouchEvent", {"type": kind, "touchPoints": points if kind != "touchEnd" else []}
            )

        touch("touchStart", 0)
        for step in range(1, 11):
            touch("touchMove", step)
            self.page.wait_for_timeout(16)
        touch("touchEnd", 10)
        session.detach()

    def focus_ring(self) -> dict:
        """The focused element's outline and its contrast against what is behind it (the first
        opaque background among its ancestors, white at the top)."""
        return self.page.evaluate(
            """() => {
              const el = document.activeElement, style = getComputedStyle(el);
              const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
              const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                                           return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
              let behind = [255, 255, 255];
              for (let node = el.parentElement; node; node = node.parentElement) {
                const c = rgb(getComputedStyle(node).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) { behind = c.slice(0, 3); break; }
              }
              const ring = rgb(style.outlineColor).slice(0, 3), a = lum(ring), b = lum(behind);
              return {what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className : ''),
                      style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
            }"""
        )

    # The chart
    def marker_points(self):
        return self.page.locator("#timeline .scatterlayer .trace .points path")

    def click_marker(self, index: int = 0) -> None:
        """Click the chart's `index`th marker where it is drawn, once the chart has settled: a page
        just opened re-packs its titles for the width the browser measured, which moves the marks,
        and a click where one was drawn a moment before can miss it."""
        self.settle()
        box = self.marker_points().nth(index).bounding_box()
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def click_event(self, event_id: str) -> None:
        """Click the chart marker of an event, found through its hover text's order in the list."""
        self.page.locator(f"#event-list a[href*='event={event_id}']").first.click()

    def click_list_item(self, title: str) -> None:
        self.event_list.get_by_text(title, exact=True).click()

    # The map (assets/map.js): Leaflet's marks are svg paths with our class names
    @property
    def map(self):
        return self.page.locator("#map")

    @property
    def map_marks(self):
        return self.page.locator("#map path.map-mark")

    @property
    def map_status(self):
        return self.page.locator("#map-status")

    def wait_for_map(self, marks: int | None = None, timeout: float = 15_000) -> None:
        """Until the map has drawn its basemap and marks (`marks` of them, if given)."""
        self.page.wait_for_function(
            """(n) => { const m = document.getElementById('map');
                 return m && m.getAttribute('data-basemap') === 'drawn' && m.getAttribute('data-marks') !== null
                   && (n === null || m.querySelectorAll('path.map-mark').length === n); }""",
            arg=marks,
            timeout=timeout,
            polling=100,
        )

    def map_mark_at(self, lat: float, lon: float):
        """Where a place is drawn on the screen (Leaflet's own projection of it), the map
        scrolled into view first."""
        self.map.scroll_into_view_if_needed()
        point = self.page.evaluate(
            """([lat, lon]) => { const el = document.getElementById('map');
                 const r = el.getBoundingClientRect();
                 const p = window.timelineMap.latLngToContainerPoint([lat, lon]);
                 return [r.left + p.x, r.top + p.y]; }""",
            [lat, lon],
        )
        return point

    def click_map_at(self, lat: float, lon: float) -> None:
        x, y = self.map_mark_at(lat, lon)
        self.page.mouse.click(x, y)

    def map_center(self) -> list[float]:
        return self.page.evaluate("() => { const c = window.timelineMap.getCenter(); return [c.lat, c.lng]; }")

    # Filters
    def search(self, text: str) -> None:
        self.show_filters()
        box = self.page.locator("#search")
        box.fill(text)
        box.press("Enter")

    def set_dates(self, start: str = "", end: str = "") -> None:
        self.show_filters()
        for selector, value in (("#date-from", start), ("#date-to", end)):
            box = self.page.locator(selector)
            box.fill(value)
            box.press("Enter")

    # As of a date (issue 15)
    @property
    def as_of(self):
        """The "As of" date box."""
        return self.page.locator("#as-of")

    def set_as_of(self, text: str) -> None:
        """Type a date into "As of" (or clear it, with "") and press Enter."""
        self.show_filters()
        self.as_of.fill(text)
        self.as_of.press("Enter")

    @property
    def step_chart(self):
        """The panel's chart of how a figure changed, with its table."""
        return self.panel.locator(".step-chart")

    def step_table(self) -> list[list[str]]:
        """The step chart's table, row by row: came out, figure, source."""
        rows = self.step_chart.first.locator("tbody tr")
        return [[cell.inner_text() for cell in row.locator("td").all()] for row in rows.all()]

    def step_chart_labels(self) -> list[str]:
        """The values written on the step chart itself (plotly's text labels)."""
        return [
            " ".join(t.text_content().split())
            for t in self.step_chart.first.locator(".js-plotly-plot g.textpoint text").all()
        ]

    def step_chart_overlaps(self) -> list[tuple[str, str]]:
        """Pairs of the step chart's labels whose drawn boxes overlap, and labels over a marker
        not their own ("marker" for the other)."""
        return [
            tuple(pair)
            for pair in self.step_chart.first.evaluate("""(chart) => {
          const box = (e) => e.getBoundingClientRect();
          const texts = Array.from(chart.querySelectorAll('g.textpoint text')).filter(t => t.textContent);
          const marks = Array.from(chart.querySelectorAll('.scatterlayer .points path'));
          const cut = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const found = [];
          texts.forEach((a, i) => texts.slice(i + 1).forEach(b => {
            if (cut(box(a), box(b))) found.push([a.textContent, b.textContent]); }));
          // A label's own marker: the path at its place among its trace's points.
          const own = (t) => { const point = t.closest('.textpoint'), trace = t.closest('.trace');
            return trace.querySelectorAll('.points path')[Array.from(point.parentNode.children).indexOf(point)]; };
          texts.forEach(t => marks.forEach(m => { if (m !== own(t) && cut(box(t), box(m))) found.push([t.textContent, 'marker']); }));
          return found; }""")
        ]

    def words_split(self, selector: str) -> list[str]:
        """The words in the elements `selector` finds that are drawn over two lines or more."""
        return self.page.evaluate(
            """(selector) => { const split = new Set();
                 document.querySelectorAll(selector).forEach(element => {
                   const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                   for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                     for (const word of node.textContent.matchAll(/\\S{2,}/g)) {
                       const range = document.createRange();
                       range.setStart(node, word.index);
                       range.setEnd(node, word.index + word[0].length);
                       const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                       if (lines.size > 1) split.add(word[0]);
                     } } });
                 return [...split]; }""",
            selector,
        )

    @property
    def as_reported(self):
        """The panel's "as reported" sequence: the accounts in the order they came out."""
        return self.panel.locator(".as-reported > li")

    def toggle_category(self, name: str) -> None:
        self.show_filters()
        self.page.locator("#category-filter").get_by_label(name, exact=True).click()

    def next(self) -> None:
        self.page.locator("#next-event").click()

    def previous(self) -> None:
        self.page.locator("#prev-event").click()

    # Plotly internals, read through the page: the chart's axes and drawn points
    def drag_zoom(self, start: float = 0.3, end: float = 0.5) -> None:
        """Drag across the chart, from and to these fractions of its width: a zoom in time."""
        box = self.page.locator("#timeline .nsewdrag").first.bounding_box()
        # (Across the middle of what the window shows of it, as a viewer drags: a chart taller
        # than the window runs on below it.)
        shown = min(box["y"] + box["height"], self.page.viewport_size["height"]) - max(box["y"], 0)
        y = max(box["y"], 0) + shown / 2
        self.page.mouse.move(box["x"] + box["width"] * start, y)
        self.page.mouse.down()
        self.page.mouse.move(box["x"] + box["width"] * end, y, steps=5)
        self.page.mouse.up()

    def x_range(self) -> list[str]:
        return self.page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range")

    def point_date_at(self, x: float) -> str:
        """The UTC date plotly places at page x (plotly dates are time-zone-naive)."""
        return self.page.evaluate(
            """(x) => { const gd = document.querySelector('#timeline .js-plotly-plot');
                        const ax = gd._fullLayout.xaxis; const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
                        return new Date(ax.p2c(x - box.left)).toISOString(); }""",
            x,
        )

    def trace_names(self) -> list[str]:
        return self.page.evaluate(
            "() => document.querySelector('#timeline .js-plotly-plot')._fullData.map(t => t.name)"
        )

    def point_of(self, event_id: str):
        """The centre, in viewport pixels, of the mark drawn for an event (a marker, or the
        visible part of a span's bar); None when it is not drawn."""
        return self.page.evaluate(
            """(id) => { const gd = document.querySelector('#timeline .js-plotly-plot');
                 const plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
                 const layers = {scatter: gd.querySelectorAll('.scatterlayer .trace'),
                                 bar: gd.querySelectorAll('.barlayer .trace')};
                 const seen = {scatter: -1, bar: -1};
                 for (const trace of gd._fullData) {
                   if (!(trace.type in seen)) continue;
                   seen[trace.type] += 1;
                   if (!trace.customdata) continue;
                   const j = Array.from(trace.customdata).indexOf(id); if (j < 0) continue;
                   const marks = layers[trace.type][seen[trace.type]]
                                   .querySelectorAll(trace.type === 'bar' ? '.point path' : '.points path');
                   const r = marks[j].getBoundingClientRect();
                   const left = Math.max(r.left, plot.left), right = Math.min(r.right, plot.right);
                   return {x: (left + right) / 2, y: r.y + r.height / 2}; }
                 return null; }""",
            event_id,
        )

    def settle(self, quiet_ms: int = 300) -> None:
        """Until no callback is pending (Dash marks what it is updating with
        data-dash-is-loading) for `quiet_ms` in a row."""
        self.page.wait_for_function(
            """(quiet) => {
                 const busy = document.querySelector('[data-dash-is-loading="true"]');
                 const now = performance.now();
                 if (busy) { window.__settledSince = null; return false; }
                 window.__settledSince = window.__settledSince || now;
                 return now - window.__settledSince >= quiet;
               }""",
            arg=quiet_ms,
            timeout=30_000,
            polling=50,
        )
        self.page.evaluate("() => { window.__settledSince = null; }")

    def scroll_to_marker(self, event_id: str):
        """Scroll until the event's marker is inside the viewport; its centre, in viewport pixels.
        Once the chart has settled: on load it is re-packed for the width the browser measured."""
        self.settle()
        point = self.point_of(event_id)
        assert point, f"no marker drawn for {event_id}"
        height = self.page.viewport_size["height"]
        if not 40 < point["y"] < height - 40:
            self.page.evaluate("(dy) => window.scrollBy(0, dy)", point["y"] - height / 2)
            point = self.point_of(event_id)
        return point

    def click_marker_of(self, event_id: str) -> None:
        point = self.scroll_to_marker(event_id)
        assert point, f"no marker drawn for {event_id}"
        self.page.mouse.click(point["x"], point["y"])

    def hover_marker_of(self, event_id: str) -> str:
        point = self.scroll_to_marker(event_id)
        label = self.page.locator("#timeline .hoverlayer .hovertext")
        self.page.mouse.move(1, 1)
        expect(label).to_have_count(0)
        self.page.mouse.move(point["x"], point["y"])
        label.first.wait_for(timeout=10_000)
        return label.first.text_content()

    def chart_labels(self) -> list[dict]:
        """Every title drawn on the chart (not in the range slider's miniature), with its box in
        viewport pixels: [{"text", "left", "right", "top", "bottom"}]."""
        return self.page.evaluate(LABEL_BOXES)

    def label_overlaps(self) -> list[tuple[str, str]]:
        """Pairs of titles on the chart whose boxes overlap, and titles over another event's
        mark ("mark" for the other)."""
        return [tuple(pair) for pair in self.page.evaluate(LABEL_OVERLAPS)]

    def titles_in_view(self) -> dict[str, str]:
        """The events the chart shows in its view (their marks inside the plot): id -> title
        drawn with it ("" for a plain mark)."""
        return self.page.evaluate(TITLES_IN_VIEW)

    @property
    def in_view(self):
        """The line above the chart: "30 of 35 events in view"."""
        return self.page.locator("#in-view")

    @property
    def earlier(self):
        return self.page.locator("#edge-before")

    @property
    def later(self):
        return self.page.locator("#edge-after")

    def wait_for_marker(self, event_id: str, timeout: float = 15_000) -> None:
        """Wait until the chart holds the event's mark (the first figure may come after the
        counter and the list, which wait_until_drawn waits for)."""
        self.page.wait_for_function(
            """(id) => { const gd = document.querySelector('#timeline .js-plotly-plot');
                 return !!(gd && gd._fullData && gd._fullData.some(
                   t => t.customdata && Array.from(t.customdata).includes(id))); }""",
            arg=event_id,
            timeout=timeout,
        )


LABEL_BOXES = """() => Array.from(document.querySelectorAll('#timeline .textpoint text'))
    .filter(t => !t.closest('.rangeslider-container') && t.textContent.trim())
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""

LABEL_OVERLAPS = """() => {
  const plot = document.querySelector('#timeline .nsewdrag').getBoundingClientRect();
  const inside = r => r.right > plot.left && r.left < plot.right && r.bottom > plot.top && r.top < plot.bottom;
  const main = s => Array.from(document.querySelectorAll('#timeline ' + s)).filter(e => !e.closest('.rangeslider-container'));
  const labels = main('.textpoint text').filter(t => t.textContent.trim()).map(t => ({t, r: t.getBoundingClientRect()}));
  const marks = main('.scatterlayer .points path').map(e => e.getBoundingClientRect())
    .filter(r => r.width > 0 && r.width < 30 && inside(r));
  const cut = (a, b, slack) => a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
  const found = [];
  labels.forEach((a, i) => labels.slice(i + 1).forEach(b => { if (cut(a.r, b.r, 0.5)) found.push([a.t.textContent, b.t.textContent]); }));
  // a title over a mark: not its own (its own sits just left or right of it, at its height)
  labels.forEach(a => marks.forEach(m => {
    const own = Math.abs((m.top + m.bottom) / 2 - (a.r.top + a.r.bottom) / 2) < 4
                && (Math.abs(m.right - a.r.left) < 12 || Math.abs(a.r.right - m.left) < 12);
    if (!own && cut(a.r, m, 1.5)) found.push([a.t.textContent, 'mark']); }));
  return found; }"""

TITLES_IN_VIEW = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const layers = gd.querySelectorAll('.cartesianlayer .scatterlayer .trace');
  const bars = gd.querySelectorAll('.cartesianlayer .barlayer .trace');
  const out = {}, centres = {}; let s = -1, b = -1, ring = null;
  const spanTitles = gd._fullData.find(t => t.name === 'span titles');
  const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  for (const trace of gd._fullData) {
    if (trace.type === 'scatter') s += 1; else if (trace.type === 'bar') b += 1;
    if (!trace.customdata || !Array.isArray(trace.customdata) || !trace.customdata.length) continue;
    const marks = trace.type === 'bar' ? bars[b].querySelectorAll('.point path') : layers[s].querySelectorAll('.points path');
    const texts = {};   // by the point each is of (a mark without its title has a space, timeline.view.figure.UNTITLED)
    if (trace.type !== 'bar') layers[s].querySelectorAll('.textpoint').forEach((t, k) => { texts[t.__data__ && t.__data__.i !== undefined ? t.__data__.i : k] = t; });
    trace.customdata.forEach((id, j) => {
      const r = marks[j].getBoundingClientRect();
      if (r.right < plot.left || r.left > plot.right || r.width === 0) return;
      let title = '';
      if (trace.type === 'bar') {   // its title: the span title drawn at its height, inside or beside it
        const y = r.top + r.height / 2;
        const near = Array.from(gd.querySelectorAll('.cartesianlayer .textpoint text')).filter(t => {
          const q = t.getBoundingClientRect();
          return t.textContent && Math.abs((q.top + q.bottom) / 2 - y) < 4 && q.left >= r.left - 2 - q.width - 8
                 && q.left <= Math.max(r.left, plot.left) + 8; });
        title = near.length ? near[0].textContent : '';
      } else {
        title = texts[j] ? texts[j].textContent.trim() : '';   // the text of point j (a space or none: no title)
      }
      centres[id] = centre(r);
      out[id] = title; }); }
  // the selected mark's title, drawn beside its ring by the ring's trace (its layer found by the
  // trace plotly bound to it: an empty trace before it has no layer)
  const ringLayer = Array.from(layers).find(l => l.__data__ && l.__data__[0] && l.__data__[0].trace
                                                  && l.__data__[0].trace.name === 'selected ring');
  if (ringLayer) {
    const mark = ringLayer.querySelector('.points path'), text = ringLayer.querySelector('.textpoint text');
    if (mark && text && text.textContent.trim()) ring = [centre(mark.getBoundingClientRect()), text.textContent];
  }
  if (ring) for (const id in out) {
    const [x, y] = centres[id];
    if (!out[id] && Math.abs(x - ring[0][0]) < 2 && Math.abs(y - ring[0][1]) < 2) out[id] = ring[1]; }
  return out; }"""
