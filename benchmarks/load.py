"""How fast `timeline.load` reads events.csv, against plain `pandas.read_csv` on the same file.

    .venv/bin/python benchmarks/load.py [--sizes 10000,100000,1000000] [--dates iso,free]

For each size (rows) and date variant it generates the file once (benchmarks/data/,
see generate.py), then prints one Markdown table row:

- load s: `timeline.load(path)`, best of N (N = 5 up to 100k rows, 3 above);
- load CPU s: its CPU time, best of N (load runs on one core, so on a busy machine this says
  more than the wall-clock time);
- read_csv s: `pandas.read_csv(path)` with default arguments, best of N (pandas 3.1 reads
  files over 5 MB in parallel, here on both cores);
- ratio: load / read_csv, and whether the target is met at 1M rows or more
  (3x, issue 13's goal for ISO dates; free-form dates: 3x too. Tables in RESULTS.md from before
  issue 13 say "<= 1.5x": the goal of an earlier issue for ISO dates);
- load MB / read_csv MB: peak RSS (VmHWM) of a fresh Python process that imports timeline
  and pandas and then does only that one call (`--no-memory` skips this);
- base MB: the same process's peak RSS after the imports alone.

Timings run in this process, one after another, with a garbage collection before each.
`--phases` also prints where load's time goes (best of N per phase): reading and parsing the
CSV (`csvfile.read_table`), checking the values (`load._validate`: dates, links, coordinates,
text, first rows), grouping accounts into events (`model.events_and_positions`), and the rest (reading
the file's bytes, sorting problems).

`--paired N` also times load and read_csv N times each, one after the other in turns (load,
read_csv, load, ...), after one of each to warm up, and prints the ratio of each pair and
their median: on a machine whose speed drifts from minute to minute (this VM: the host's memory
costs more at some times than at others), both sides of a pair see the same minute, where the
best of N of one and then the best of N of the other need not.

`--floors` asks how near any loader can come to read_csv: the time to parse the same file into
string columns and nothing else, with Arrow's reader on both cores (`use_threads=True`; pyarrow
is already a dependency), with it on one core (as load does, to keep row numbers), and with
polars' reader if polars is installed (it is not a dependency: `pip install polars` to see it),
alone and with its columns turned into the pandas frame that load returns.
Each is printed beside read_csv, with what a 1.5x and a 3x target would leave for checking the
values and grouping the accounts into events.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

# timeline first, as the dashboard and the `timeline` command import it: it sets Arrow's memory
# pool's purge delay before pyarrow is loaded (see timeline/__init__.py), which generate's and
# pandas' imports would load first.
from timeline.load import load  # noqa: E402, I001

import generate  # noqa: E402
import pandas as pd  # noqa: E402

TARGETS = {"iso": 3.0, "free": 3.0}  # (ISO: issue 13's goal; an earlier issue's was 1.5x)
TARGET_ROWS = 1_000_000

# Peak RSS is the kernel's VmHWM for the child's own address space: ru_maxrss would not do,
# as Linux carries the parent's high-water mark across fork and exec into the child's.
CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from timeline.load import load  # (first: as in the parent, see its imports)
import pandas as pd
def hwm():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
what, path = sys.argv[2], sys.argv[3]
base = hwm()
if what == "load":
    result = load(path)
    size = len(result.accounts)
elif what == "read_csv":
    size = len(pd.read_csv(path))
else:
    size = 0
peak = hwm()
print(json.dumps({"base_kb": base, "peak_kb": peak, "rows": size}))
"""


def best_of(repeat: int, call) -> tuple[float, float, object]:
    """Best wall-clock time, best CPU time (this process, all threads) and the last result."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        cpu, started = time.process_time(), time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best, best_cpu, result


def peak_rss(what: str, path: Path) -> dict:
    """Peak RSS (KB) of a fresh process doing only `what` on path, and after its imports alone."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), what, str(path)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def paired_times(path: Path, pairs: int) -> list[tuple[float, float]]:
    """(load s, read_csv s) of each pair, the two timed one after the other (after one of each)."""

    def timed(call) -> float:
        gc.collect()
        started = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - started
        del result
        return seconds

    timed(lambda: load(path))
    timed(lambda: pd.read_csv(path))
    return [(timed(lambda: load(path)), timed(lambda: pd.read_csv(path))) for _ in range(pairs)]


def phase_times(path: Path, repeat: int) -> dict[str, float]:
    """Best time of each phase of timeline.load over `repeat` runs (functions wrapped in place)."""
    module = importlib.import_module("timeline.load")
    model = importlib.import_module("timeline.model")
    spent: dict[str, float] = {}
    originals = {}

    def timed(owner, name, label):
        original = getattr(owner, name)
        originals[(owner, name)] = original

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - started

        setattr(owner, name, wrapper)

    best: dict[str, float] = {}
    timed(module, "read_table", "parse CSV")
    timed(module, "_validate", "check values")
    timed(model, "events_and_positions", "build events")
    try:
        for _ in range(repeat):
            spent.clear()
            gc.collect()
            started = time.perf_counter()
            module.load(path)
            total = time.perf_counter() - started
            # _validate and events_and_positions are also called by _empty; only load_bytes' calls count here.
            spent["other"] = total - sum(spent.values())
            spent["total"] = total
            for label, seconds in spent.items():
                best[label] = min(best.get(label, float("inf")), seconds)
    finally:
        for (owner, name), original in originals.items():
            setattr(owner, name, original)
    return best


def floor_times(path: Path, repeat: int) -> dict[str, float]:
    """Best time to parse path into string columns and do nothing else, per reader."""
    import pyarrow as pa
    import pyarrow.csv as pv

    names = pd.read_csv(path, nrows=0).columns
    strings = pv.ConvertOptions(column_types={name: pa.string() for name in names})
    readers = {
        "Arrow, both cores": lambda: pv.read_csv(
            path, read_options=pv.ReadOptions(use_threads=True), convert_options=strings
        ),
        "Arrow, one core": lambda: pv.read_csv(
            path, read_options=pv.ReadOptions(use_threads=False), convert_options=strings
        ),
    }
    try:
        import polars as pl

        readers[f"polars {pl.__version__}"] = lambda: pl.read_csv(path, infer_schema=False)
        # load promises pandas frames: polars' columns handed over as pandas columns.
        readers[f"polars {pl.__version__}, then to_pandas()"] = lambda: pl.read_csv(
            path, infer_schema=False
        ).to_pandas()
    except ImportError:
        pass
    times = {"read_csv": best_of(repeat, lambda: pd.read_csv(path))[0]}
    for label, read in readers.items():
        times[label] = best_of(repeat, read)[0]
    return times


def repeats(rows: int) -> int:
    return 5 if rows <= 100_000 else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="rows, comma-separated")
    parser.add_argument("--dates", default="iso,free", help="variants, comma-separated: iso,free")
    parser.add_argument("--repeat", type=int, help="runs per timing (default: 5, 3 or 2 by size)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS subprocesses")
    parser.add_argument("--phases", action="store_true", help="also time load's phases")
    parser.add_argument("--floors", action="store_true", help="also time parsing alone, the floor under any loader")
    parser.add_argument("--paired", type=int, default=0, help="also time N pairs of load and read_csv, in turns")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    variants = [v for v in args.dates.split(",") if v]

    print(
        f"# Python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, started {time.strftime('%Y-%m-%d %H:%M:%S')}, "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    print(
        "| rows | dates | MB | events | load s | load CPU s | read_csv s | ratio | target | load MB "
        "| read_csv MB | base MB |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|", flush=True)
    started = time.perf_counter()
    missed = 0
    for rows in sizes:
        for variant in variants:
            path = generate.ensure(rows, variant, args.seed)
            n = args.repeat or repeats(rows)
            load_s, load_cpu, dataset = best_of(n, lambda path=path: load(path))
            if dataset.problems:
                print(
                    f"warning: {path} has {len(dataset.problems)} problems, e.g. "
                    f"{dataset.problems[0].format(str(path))}",
                    file=sys.stderr,
                )
            events = len(dataset.events)
            del dataset
            csv_s, _, frame = best_of(n, lambda path=path: pd.read_csv(path))
            del frame
            ratio = load_s / csv_s
            if rows >= TARGET_ROWS:
                met = ratio <= TARGETS[variant]
                missed += not met
                target = f"<= {TARGETS[variant]:g}x: {'met' if met else 'MISSED'}"
            else:
                target = "-"
            if args.no_memory:
                load_mb = csv_mb = base_mb = "-"
            else:
                measured = peak_rss("load", path)
                load_mb = f"{measured['peak_kb'] / 1024:,.0f}"
                base_mb = f"{measured['base_kb'] / 1024:,.0f}"
                csv_mb = f"{peak_rss('read_csv', path)['peak_kb'] / 1024:,.0f}"
            print(
                f"| {rows:,} | {variant} | {path.stat().st_size / 1e6:,.0f} | {events:,} | "
                f"{load_s:.3f} | {load_cpu:.3f} | {csv_s:.3f} | {ratio:.2f}x | {target} | {load_mb} | {csv_mb} | "
                f"{base_mb} |",
                flush=True,
            )
    if args.paired:
        print(
            f"\nload and read_csv in turns, {args.paired} pairs (s; each pair's ratio, then the median "
            "and the range of the ratios):\n"
        )
        print("| rows | dates | load s (median) | read_csv s (median) | ratios | median ratio | range |")
        print("|---:|---|---:|---:|---|---:|---|")
        for rows in sizes:
            for variant in variants:
                pairs = paired_times(generate.ensure(rows, variant, args.seed), args.paired)
                ratios = sorted(load_s / csv_s for load_s, csv_s in pairs)
                print(
                    f"| {rows:,} | {variant} | {statistics.median(p[0] for p in pairs):.3f} | "
                    f"{statistics.median(p[1] for p in pairs):.3f} | "
                    + " ".join(f"{load_s / csv_s:.2f}" for load_s, csv_s in pairs)
                    + f" | {statistics.median(ratios):.2f}x | {ratios[0]:.2f}-{ratios[-1]:.2f}x |",
                    flush=True,
                )
    if args.phases:
        labels = ("parse CSV", "check values", "build events", "other", "total")
        print("\nWhere load's time goes (seconds; best of N for each phase, so they need not add up):\n")
        print("| rows | dates | " + " | ".join(labels) + " |")
        print("|---:|---|" + "---:|" * len(labels))
        for rows in sizes:
            for variant in variants:
                best = phase_times(generate.ensure(rows, variant, args.seed), args.repeat or repeats(rows))
                print(
                    f"| {rows:,} | {variant} | " + " | ".join(f"{best[label]:.3f}" for label in labels) + " |",
                    flush=True,
                )
    if args.floors:
        print(
            "\nParsing alone, into string columns (best of N s; x read_csv), and what a target "
            "would leave for everything else (checks, events) after the fastest parse:\n"
        )
        print("| rows | dates | read_csv | parser | parse s | x read_csv | left at 1.5x s | left at 3x s |")
        print("|---:|---|---:|---|---:|---:|---:|---:|")
        for rows in sizes:
            for variant in variants:
                times = floor_times(generate.ensure(rows, variant, args.seed), args.repeat or repeats(rows))
                csv_s = times.pop("read_csv")
                fastest = min(times.values())
                for label, seconds in times.items():
                    left = f"{1.5 * csv_s - fastest:.3f} | {3 * csv_s - fastest:.3f}" if seconds == fastest else "|"
                    print(
                        f"| {rows:,} | {variant} | {csv_s:.3f} | {label} | {seconds:.3f} | "
                        f"{seconds / csv_s:.2f}x | {left} |",
                        flush=True,
                    )
    print(
        f"# {time.perf_counter() - started:.0f} s in all (file generation included); "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
