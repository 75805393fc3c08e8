"""Issue 10: on a phone (390 x 844, touch), the time from a tap on an event to its sources'
heading being inside the viewport, on the chart and in the list.

Serves `--events` with `python app.py` on a free loopback port, drives Debian's Chromium, taps
`--taps` events in turn on each surface and prints one line per tap and the median and worst.
Each tap starts from the page without the sheet (Close is tapped in between). The time runs from the tap (sent through Chromium's touch input) until the panel's heading shows
the tapped event inside the viewport, polled every animation frame in the page.

    .venv/bin/python benchmarks/phone_tap.py [--events events.csv] [--taps 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.browser.pages import TimelinePage  # noqa: E402

# Set before the tap: polls every animation frame, and stores the milliseconds in window.tapped.
WATCH = """(id) => {
    window.tapped = null;
    const started = performance.now();
    const look = () => {
      const h = document.getElementById('event-title');
      if (h && h.getAttribute('data-event') === id) {
        const r = h.getBoundingClientRect();
        if (r.top >= 0 && r.bottom <= window.innerHeight) { window.tapped = performance.now() - started; return; }
      }
      requestAnimationFrame(look);
    };
    look();
  }"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", default=str(ROOT / "events.csv"))
    parser.add_argument("--taps", type=int, default=8)
    args = parser.parse_args()
    with serve(Path(args.events)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2
        )
        phone = TimelinePage(context.new_page(), url).open()
        ids = phone.page.evaluate(
            "() => Array.from(document.querySelectorAll('#event-list a.event-link')).map(a => a.getAttribute('data-event'))"
        )
        results = {"chart": [], "list": []}
        for surface in results:
            for event_id in ids[: args.taps]:
                if surface == "chart":
                    point = phone.point_of(event_id)
                    if not point or not 0 < point["y"] < 844:
                        phone.page.evaluate("window.scrollTo(0, 0)")
                        point = phone.scroll_to_marker(event_id) if phone.point_of(event_id) else None
                    if not point:
                        continue
                    phone.page.evaluate(WATCH, event_id)
                    phone.page.touchscreen.tap(point["x"], point["y"])
                else:
                    link = phone.list_link(event_id)
                    link.scroll_into_view_if_needed()
                    phone.page.evaluate(WATCH, event_id)
                    link.tap()
                ms = phone.page.wait_for_function("() => window.tapped", timeout=30_000).json_value()
                results[surface].append(ms)
                print(f"{surface:5} {event_id:45} {ms:7.0f} ms", flush=True)
                phone.panel.locator("a.close").tap()  # each tap from the page without a sheet
                phone.heading.wait_for(state="detached")
                phone.page.wait_for_timeout(400)  # past plotly's double-click delay
        for surface, times in results.items():
            if times:
                print(
                    f"{surface}: {len(times)} taps, median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms"
                )
        browser.close()


if __name__ == "__main__":
    main()
