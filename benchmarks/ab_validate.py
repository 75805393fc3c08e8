"""`load._validate` (the checks of every value and across rows) of this tree beside a git revision's,
interleaved in one process on one parsed file, so that a busy machine slows both alike.

    .venv/bin/python benchmarks/ab_validate.py --against REV --file PATH [--repeat 9]

The revision's `timeline/` is taken with `git archive` into a temporary folder as the package
`timeline_base` (the package imports itself relatively, so both load side by side). The file is
read once (`csvfile.read_table`); each run checks a copy of its frame. Runs alternate, ABBA; each
is timed as CPU time (`_validate` runs on one core). Prints the median and the least of each.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def base_package(revision: str, folder: Path) -> None:
    archive = folder / "base.tar"
    with open(archive, "wb") as out:
        subprocess.run(["git", "archive", revision, "timeline"], cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    (folder / "timeline").rename(folder / "timeline_base")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision (e.g. main, HEAD~2)")
    parser.add_argument("--file", required=True, help="an events.csv (benchmarks/generate.py writes one)")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        base_package(args.against, Path(folder))
        sys.path[:0] = [str(ROOT), folder]
        this = importlib.import_module("timeline.load")
        base = importlib.import_module("timeline_base.load")
        from timeline.csvfile import read_table

        for module in (this, base):  # (the first load reads the gazetteer of towns)
            module.load(ROOT / "events.csv")
        with open(args.file, "rb") as file:
            table = read_table(file.read())
        times: dict[str, list[float]] = {"this tree": [], args.against: []}
        pair = [("this tree", this), (args.against, base)]
        for i in range(args.repeat):
            for name, module in pair if i % 2 == 0 else pair[::-1]:
                frame = table.frame.copy()
                gc.collect()
                started = time.process_time()
                module._validate(frame, table.rows, [], [], ascii=table.ascii)
                times[name].append(time.process_time() - started)
                del frame
    print(
        f"# {args.file}, {len(table.frame):,} rows, {args.repeat} runs each, {os.cpu_count()} CPUs, "
        f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}, load average {os.getloadavg()[0]:.1f}"
    )
    for name, seconds in times.items():
        print(f"{name}: _validate CPU median {statistics.median(seconds):.3f} s, least {min(seconds):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
