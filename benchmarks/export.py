"""What an export costs a worker: the CSV export (at most export.MOST_ACCOUNTS accounts) and the
TimelineJS document (at most export.MOST_EVENTS events) of every event of a generated file.

    .venv/bin/python benchmarks/export.py [--rows 200000 1000000] [--repeat 3]

Prints, per file and export, the median wall and CPU seconds of `repeat` exports and the size. An
export is one request (a click on Export): what it costs is what a client asking for it in a loop
costs the server (one export at a time in a worker: timeline/app/callbacks.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate  # noqa: E402
from timeline.app import data  # noqa: E402
from timeline.view import export  # noqa: E402


def timed(make, repeat: int) -> tuple[float, float, int]:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        text, _ = make()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), len(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| rows | export | held | wall s | CPU s | MB |")
    print("|---:|---|---|---:|---:|---:|")
    for rows in args.rows:
        path = str(generate(rows))
        now = data.current(path)
        index = now.index
        everything = np.ones(len(index.events), dtype=bool)
        for kind, make in (
            ("CSV", partial(export.csv_file, index, everything, "timeline-events")),
            ("TimelineJS", partial(export.timelinejs_file, index, everything, "Timeline", "timeline")),
        ):
            wall, cpu, size = timed(make, args.repeat)
            held = make()[1].removeprefix("timeline-events").removeprefix("timeline").lstrip("-") or "all"
            print(f"| {rows:,} | {kind} | {held} | {wall:.2f} | {cpu:.2f} | {size / 1e6:.1f} |", flush=True)


if __name__ == "__main__":
    main()
