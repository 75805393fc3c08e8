"""What reading one date value costs when the value is built to be slow: long runs of one
character inside it (spaces, digits, dots, dashes...), as a hostile or broken file may hold.

    .venv/bin/python benchmarks/hostile_dates.py [--lengths 1000,3000,10000] [--root CHECKOUT]

For each shape and length, the seconds `timeline.dates.parse_series` takes on that one value,
with both engines (`bulk`: Arrow's first, then Python's on what is left; `python`: Python's
alone), and what it says of the value. `--root` reads another checkout's code (e.g. `git archive
COMMIT | tar -x -C /tmp/before`), for a before and after. A value of a load is read once per
distinct value, so a file of such values costs this per value.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SHAPES = {
    "spaces inside": lambda n: "2022" + " " * n + "x",
    "spaces before a year": lambda n: "5 January" + " " * n + "2022",
    "tabs before a time": lambda n: "2022-01-05" + "\t" * n + "14:30",
    "spaces and newlines": lambda n: "2022" + " \n" * (n // 2) + "x",
    "digits": lambda n: "2022" + "1" * n + "x",
    "dots": lambda n: "2022" + "." * n + "x",
    "dashes": lambda n: "2022" + "-" * n + "x",
    "words": lambda n: "2022 " + "a " * (n // 2),
    "am am am": lambda n: "1 " + "am " * (n // 3),
    "colons": lambda n: "1" + ":0" * (n // 2),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", default="1000,3000,10000", help="characters in the run (default 1000,3000,10000)")
    parser.add_argument(
        "--root", type=Path, default=Path(__file__).resolve().parent.parent, help="the checkout to read"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.root))
    import pandas as pd

    from timeline import dates

    print(f"code: {args.root}")
    print(f"{'shape':<22} {'length':>7} {'bulk s':>8} {'python s':>9}  said")
    for name, make in SHAPES.items():
        for length in (int(n) for n in args.lengths.split(",")):
            text = make(length)
            times = []
            for bulk in (True, False):
                started = time.perf_counter()
                parsed = dates.parse_series(pd.Series([text], dtype="str"), bulk=bulk)
                times.append(time.perf_counter() - started)
            said = str(parsed.errors.get(text.strip(), "read")).split(";")[0][:40]
            print(f"{name:<22} {len(text):>7} {times[0]:>8.3f} {times[1]:>9.3f}  {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
