"""Titles on the chart (issue 10): the default data served as in the tests, measured in Chromium.

For each window size: the events whose marks are in the opening view, how many of them have
their title on the chart (a title is "visible" when its text element is drawn inside the plot;
shortened ones end in "…"), pairs of overlapping label boxes and labels over another event's
mark (from the rendered elements' bounding boxes), the chart's height, and the same after a
zoom to 5-8 January (re-packed by a Patch). At 1024 x 768 it also checks the events of 5-7
January. Prints a Markdown table; writes nothing.

    .venv/bin/python benchmarks/labels.py [--events events.csv] [--sizes 1440x900,1024x768,390x844]

With `--scale FILE` (a generated file, benchmarks/generate.py), no browser: the server's cost of
the chart at scale, in process: chart.figure for the opening view and chart.repacked (a zoom)
for views holding a few hundred events (titles packed), 3,000 (plain marks) and 30,000 (the
density), median of 7, and the JSON size of each.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.browser.pages import TimelinePage  # noqa: E402
from timeline.app import data  # noqa: E402

ZOOM = "zoom=2022-01-05/2022-01-08"


def early_january(path: Path) -> set[str]:
    """Ids of the events that start on 5, 6 or 7 January 2022 (or last through them)."""
    index = data.current(str(path)).index
    events = index.events
    low = int(__import__("numpy").datetime64("2022-01-05", "s").astype("int64"))
    high = low + 3 * 86_400 - 1
    return {e for e, s, last in zip(events["id"], index.start, index.last) if s <= high and last >= low}


def measure(page, url: str, query: str = "") -> dict:
    timeline = TimelinePage(page, url).open(query=query)
    page.wait_for_function("() => document.querySelectorAll('#timeline .textpoint text').length > 0", timeout=15_000)
    page.wait_for_timeout(800)  # the width measured, the figure for it drawn
    shown = timeline.titles_in_view()
    height = page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.height")
    plot = page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._fullLayout._size.w")
    return {
        "shown": shown,
        "overlaps": timeline.label_overlaps(),
        "height": height,
        "plot": plot,
        "in_view": timeline.in_view.inner_text(),
    }


def zoomed(page, url: str) -> dict:
    """Open, then zoom by the slider's range to 5-8 January: the titles re-packed by a Patch."""
    timeline = TimelinePage(page, url).open()
    page.wait_for_timeout(800)
    sizes = []
    page.on("response", lambda r: sizes.append(len(r.body())) if "_dash-update-component" in r.url else None)
    started = time.monotonic()
    page.evaluate("""() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                       {'xaxis.range': ['2022-01-05', '2022-01-08']})""")
    page.wait_for_function(
        """() => document.querySelector('#in-view').textContent.startsWith('1')
                                     || document.querySelector('#in-view').textContent.startsWith('2')""",
        timeout=15_000,
    )
    page.wait_for_timeout(800)
    seconds = time.monotonic() - started
    return {
        "shown": timeline.titles_in_view(),
        "overlaps": timeline.label_overlaps(),
        "in_view": timeline.in_view.inner_text(),
        "seconds": seconds,
        "bytes": max(sizes or [0]),
    }


def at_scale(path: Path) -> None:
    import json
    import statistics

    import numpy as np
    import plotly.utils

    from timeline.view import figure as chart

    started = time.monotonic()
    now = data.current(str(path))
    index = now.index
    mask = np.ones(len(index), dtype=bool)
    print(
        f"# {path.name}: {len(index):,} events, loaded in {time.monotonic() - started:.1f} s; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print("| view | events in view | titles drawn | ms (median of 7) | JSON KB |")
    print("|---|---:|---:|---:|---:|")
    order = np.argsort(index.x)
    middle = len(order) // 2
    views = [("opening (figure)", None)]
    for count in (60, 3_000, 30_000):
        low, high = int(index.x[order[middle]]), int(index.x[order[min(middle + count, len(order) - 1)]])
        views.append((f"zoom to about {count:,} (repacked)", chart.Window(low, high)))
    for name, window in views:
        times = []
        for _ in range(7):
            t = time.perf_counter()
            if window is None:
                result = chart.figure(index, mask, None, None, 980)
                traces = result["data"]
            else:
                traces, lanes, ticks = chart.repacked(index, mask, None, window, 980)
                result = {"data": traces, "layout": lanes}
            times.append((time.perf_counter() - t) * 1000)
        size = len(json.dumps(result, cls=plotly.utils.PlotlyJSONEncoder)) / 1024
        shown = int(chart.in_window(index, mask, window or chart.Window.around(index, mask)).sum())
        titles = sum(1 for trace in traces for text in (trace.get("text") or []) if text)
        print(f"| {name} | {shown:,} | {titles:,} | {statistics.median(times):.0f} | {size:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=Path, default=ROOT / "events.csv")
    parser.add_argument("--sizes", default="1440x900,1024x768,390x844")
    parser.add_argument("--scale", type=Path, help="a generated file: time the chart at scale, no browser")
    args = parser.parse_args()
    if args.scale:
        return at_scale(args.scale)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    january = early_january(args.events)
    print(
        f"# {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}; {args.events.name}"
    )
    print(
        "| window | view | plot px | chart px | in view | events in view | with title | of 5-7 Jan with title"
        " | overlapping labels | labels over a mark |"
    )
    print("|---|---|---:|---:|---|---:|---:|---:|---:|---:|")
    with serve(args.events) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in sizes:
            for name, run in (("opening", lambda p: measure(p, url)), ("zoom 5-8 Jan", lambda p: zoomed(p, url))):
                page = browser.new_page(viewport={"width": width, "height": height})
                result = run(page)
                shown = result["shown"]
                titled = [e for e, t in shown.items() if t]
                of_january = [e for e in shown if e in january]
                pairs = [p for p in result["overlaps"] if p[1] != "mark"]
                over_marks = [p for p in result["overlaps"] if p[1] == "mark"]
                print(
                    f"| {width}x{height} | {name} | {result.get('plot', '')} | {result.get('height', '')} "
                    f"| {result['in_view']} | {len(shown)} | {len(titled)} "
                    f"| {sum(1 for e in of_january if shown[e])} of {len(of_january)} | {len(pairs)} | {len(over_marks)} |"
                )
                if name != "opening":
                    print(
                        f"<!-- zoom: {result['seconds']:.2f} s until re-packed, largest callback answer "
                        f"{result['bytes']:,} bytes -->"
                    )
                untitled = [e for e in shown if not shown[e]]
                if untitled or pairs or over_marks:
                    print(f"<!-- {width}x{height} {name}: without title {untitled}; overlaps {result['overlaps']} -->")
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
