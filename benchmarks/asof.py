"""Issue 15: "as of a date" at a million events: filter -> new figure.

    .venv/bin/python benchmarks/generate.py --events 1000000 --out /tmp/asof/events-1m.csv   # once
    .venv/bin/python benchmarks/asof.py /tmp/asof/events-1m.csv [--dates 50] [--seed 0]

Loads the file and builds its index once (as a server worker does), then for --dates random
dates within the file's span times what the app does when a viewer sets "As of": the mask of
the events known by then (state.apply), the index as of then (EventIndex.at: the disputes of
the day) and the figure for the whole view (view.figure.figure, as timeline/app/callbacks.py
`draw` builds it). A fresh date each time (the app caches per date, so a repeat is free).
Prints p50 and p95 in milliseconds, the whole chain and its parts. In-process: the server's
time, without HTTP or the browser's drawing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import timeline  # noqa: E402
from timeline.index import build_index, known_from  # noqa: E402
from timeline.state import Filters, apply, as_of_bound  # noqa: E402
from timeline.view import figure as chart  # noqa: E402


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return f"p50 {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--dates", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    index = build_index(timeline.load(args.path))
    print(
        f"{len(index):,} events, {len(index.dataset.accounts):,} accounts; loaded and indexed in "
        f"{time.perf_counter() - started:.1f} s; {len(index.known.disputed_events):,} events disputed"
    )
    t0 = time.perf_counter()
    known_from(
        index.dataset.accounts, index.account_order, index.account_bounds, index.events["disputed"].to_numpy(dtype=bool)
    )
    print(f"of which when each account became known (index.known_from): {(time.perf_counter() - t0) * 1000:.0f} ms")
    rng = np.random.default_rng(args.seed)
    low, high = int(index.start.min()), int(index.last[index.last < np.iinfo(np.int64).max].max())
    days = rng.choice(np.arange(low // 86_400, high // 86_400 + 1), size=args.dates, replace=False)
    chart.figure(index, np.ones(len(index), bool), None, chart.view_window(index, np.ones(len(index), bool))[0])
    whole, filtering, drawing, kept = [], [], [], []
    for day in days:
        text = str(np.datetime64(int(day), "D"))
        t0 = time.perf_counter()
        filters = Filters(as_of=text)
        mask = apply(index, filters)
        shown = index.at(as_of_bound(filters))
        t1 = time.perf_counter()
        window, _ = chart.view_window(shown, mask, None, None)
        chart.figure(shown, mask, None, window)
        t2 = time.perf_counter()
        whole.append((t2 - t0) * 1000)
        filtering.append((t1 - t0) * 1000)
        drawing.append((t2 - t1) * 1000)
        kept.append(int(mask.sum()))
    print(f"{args.dates} random as-of dates, {min(kept):,} to {max(kept):,} events kept")
    print(f"as of -> new figure   {percentiles(whole)}")
    print(f"  the mask and the day's disputes   {percentiles(filtering)}")
    print(f"  the figure                        {percentiles(drawing)}")
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
