"""What one page of the app costs this machine, in a browser that has never seen the app (a new
context, as pytest-playwright's `page` was) and in a returning viewer's browser (a profile on
disk, as tests/browser/conftest.py's `page` is now): the seconds until the chart is drawn and
the machine's CPU seconds (every process: Chromium, the served app, Playwright) from the page's
opening to 1.5 s after it is drawn, when its on-load callbacks have answered; and how many
callbacks it sent to the server (POSTs to /_dash-update-component) until QUIET seconds later.

    .venv/bin/python benchmarks/page_cost.py [--events events.csv] [--pages 5] [--rounds 2]

Each round loads --pages pages each way, the two ways in turns. A returning browser's first page
is a first visit too (its cache is empty): its later pages are the ones to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

DRAWN = """() => { const gd = document.querySelector('#timeline .js-plotly-plot');
  return gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullLayout.xaxis.type === 'date'; }"""


def busy() -> float:
    """CPU seconds the whole machine has spent (all but idle and waiting on I/O)."""
    with open("/proc/stat") as stat:
        ticks = [int(x) for x in stat.readline().split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


QUIET = 4  # seconds after the CPU is read, for the page's last callbacks to be counted


def load(context, url: str) -> tuple[float, float, int]:
    """(seconds until drawn, machine CPU seconds, callbacks sent to the server) of one page in
    `context`."""
    cpu, started = busy(), time.monotonic()
    page = context.new_page()
    calls = []
    page.on("request", lambda r: calls.append(r) if "/_dash-update-component" in r.url else None)
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=60_000, polling=100)
    drawn = time.monotonic() - started
    page.wait_for_timeout(1500)
    cpu = busy() - cpu
    page.wait_for_timeout(QUIET * 1000)  # (callbacks a drawing of the panel fires may come late)
    page.close()
    return drawn, cpu, len(calls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=Path, default=ROOT / "events.csv")
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    results: dict[str, list[tuple[float, float, int]]] = {"first visit": [], "returning": []}
    with serve(args.events) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.rounds):
            for _ in range(args.pages):
                context = browser.new_context()
                results["first visit"].append(load(context, url + "/"))
                context.close()
            with tempfile.TemporaryDirectory() as profile:
                returning = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                loads = [load(returning, url + "/") for _ in range(args.pages)]
                results["returning"] += loads[1:]  # (its first page found an empty cache)
                returning.close()
        browser.close()
    for way, loads in results.items():
        drawn, cpu, calls = zip(*loads, strict=True)
        print(
            f"{way:12} {len(loads):2} pages: drawn after {statistics.median(drawn):.2f} s "
            f"({min(drawn):.2f}-{max(drawn):.2f}), machine CPU {statistics.median(cpu):.2f} s "
            f"({min(cpu):.2f}-{max(cpu):.2f}) a page (median, range); callbacks sent to the server "
            f"{min(calls)}-{max(calls)} a page"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
