"""Issue 12: the map at scale.

    .venv/bin/python benchmarks/map.py [--events 1000000] [--ops 100] [--runs 3] [--no-browser]

On a generated chronology of `--events` events (benchmarks/generate.py: about a hundred places,
most events placed):
1. the server's work for the map, in this process, as the map callback does it (the filters'
   mask, the chart's time window, timeline.view.map.map_data, the JSON the page receives): for
   the opening view and for `--ops` random pans and zooms (a view of the map's size, 980 x 380
   px, at zoom 2-10 around a random event's place), p50/p95 time and the largest answer;
2. with `--runs` > 0, the page in headless Chromium (gunicorn, one worker): from navigation to
   the chart drawn and the map drawn (basemap and marks), median of the runs.
Goals (issue 12): at most 1 MB of map data per update, p95 at most 300 ms, the page with chart
and map drawn within 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate  # noqa: E402
from scale import Browser, Server  # noqa: E402

import timeline  # noqa: E402
from timeline.index import _places, build_index  # noqa: E402
from timeline.state import Area  # noqa: E402
from timeline.view import figure as chart  # noqa: E402
from timeline.view import map as places_map

WIDTH, HEIGHT = 980, 380  # the map's box at 1440 x 900, in pixels

DRAWN = """() => { const m = document.getElementById('map');
  const gd = document.querySelector('#timeline .js-plotly-plot');
  return !!(m && m.getAttribute('data-basemap') === 'drawn' && m.getAttribute('data-marks') !== null
            && gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullLayout.xaxis.type === 'date'); }"""


def area_around(lat: float, lon: float, zoom: float) -> Area:
    """The area a WIDTH x HEIGHT map shows at `zoom` around a place (Web Mercator, roughly)."""
    degrees = 360 / 2**zoom / 256
    half_lon, half_lat = WIDTH / 2 * degrees, HEIGHT / 2 * degrees * np.cos(np.radians(lat))
    return Area.of([lat - half_lat, lon - half_lon, lat + half_lat, lon + half_lon])


def server_side(index, ops: int, rng) -> dict:
    mask = np.ones(len(index), dtype=bool)

    def answer(area):
        started = time.perf_counter()
        window, _ = chart.view_window(index, mask, None, None)
        data = places_map.map_data(index, chart.in_window(index, mask, window), area, None)
        body = json.dumps(data)
        return time.perf_counter() - started, len(body.encode()), data["kind"]

    opening = answer(None)
    placed = np.flatnonzero(np.isfinite(index.lat))
    times, sizes, kinds = [], [], set()
    for _ in range(ops):
        event = int(rng.choice(placed))
        area = area_around(float(index.lat[event]), float(index.lon[event]), float(rng.uniform(2, 10)))
        seconds, size, kind = answer(area)
        times.append(seconds)
        sizes.append(size)
        kinds.add(kind)
    return {
        "opening_s": opening[0],
        "opening_bytes": opening[1],
        "opening_kind": opening[2],
        "p50": float(np.percentile(times, 50)),
        "p95": float(np.percentile(times, 95)),
        "max_bytes": max(sizes),
        "kinds": sorted(kinds),
    }


def in_chromium(path: Path, runs: int) -> dict:
    log = Path(tempfile.mkstemp(prefix="map-bench-", suffix=".log")[1])
    server = Server(path, log)
    browser = Browser()
    times = []
    try:
        for _ in range(runs):
            context = browser.browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            page.goto(server.url + "/", wait_until="commit")
            page.wait_for_function(DRAWN, timeout=60_000, polling=50)
            times.append(page.evaluate("() => performance.now()") / 1000)
            context.close()
    finally:
        browser.close()
        server.stop()
    return {"startup_s": server.startup, "median_s": statistics.median(times), "runs": times}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path = generate.ensure(events=args.events)
    load = getattr(os, "getloadavg", lambda: (float("nan"),) * 3)()[0]
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f}; {path.name}"
    )
    started = time.perf_counter()
    index = build_index(timeline.load(path))
    print(
        f"loaded and indexed {len(index):,} events in {time.perf_counter() - started:.1f} s; "
        f"{int(np.isfinite(index.lat).sum()):,} placed"
    )
    for label in (
        "the generated places (about a hundred towns)",
        "every event at its own place (each moved up to 2 degrees: counts per area)",
    ):
        if label.startswith("every"):
            jitter = np.random.default_rng(args.seed).uniform(-2, 2, size=(2, len(index)))
            index.lat = np.clip(index.lat + jitter[0], -85, 85)
            index.lon = index.lon + jitter[1]
            index.place = _places(index.lat, index.lon)
        result = server_side(index, args.ops, np.random.default_rng(args.seed))
        print(f"{label}: {len(np.unique(index.place[index.place >= 0])):,} places")
        print(
            f"  opening view: {result['opening_s'] * 1000:.0f} ms, {result['opening_bytes']:,} bytes "
            f"({result['opening_kind']})"
        )
        print(
            f"  {args.ops} pans and zooms: p50 {result['p50'] * 1000:.0f} ms, p95 {result['p95'] * 1000:.0f} ms "
            f"(goal <= 300), largest answer {result['max_bytes']:,} bytes (goal <= 1,000,000); "
            f"kinds {', '.join(result['kinds'])}"
        )
    if args.runs:
        del index
        page = in_chromium(path, args.runs)
        print(
            f"page with chart and map drawn: median {page['median_s']:.2f} s (goal <= 3) of "
            f"{', '.join(f'{t:.2f}' for t in page['runs'])}; gunicorn start-up {page['startup_s']:.1f} s"
        )
    load = getattr(os, "getloadavg", lambda: (float("nan"),) * 3)()[0]
    print(f"# load average {load:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
