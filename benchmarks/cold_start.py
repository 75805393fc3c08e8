"""Issue 13: a cold start (load and index, one worker) and `load` beside `pandas.read_csv`, each in
fresh processes, as a worker meets them.

    .venv/bin/python benchmarks/cold_start.py [--events PATH | --rows 1000000] [--runs 5]
        [--code DIR ...] [--no-read-csv] [--no-phases]

For each run, and for each checkout of the code (this one, and any --code: e.g. `git archive` of
the commit before, to compare before and after in one run, alternating), a fresh Python process
imports timeline, then

- loads the file (`timeline.load`) and builds its index (`build_index`, as a start builds it:
  without the search's sequences): the cold start of a worker whose state folder holds no
  checked data of this version, and of every worker when the file changes other than by an
  append. (A worker's first start also writes the checked data for the others: see starts.py);
- times each part of `load` (the functions wrapped in place; a part that a checkout does not
  have is left out), so that what each remaining part costs is printed beside the whole.

`pandas.read_csv` of the same file (defaults: pandas 3 reads a large file on every core) runs in
a fresh process too, in the same runs: the ratio `load / read_csv` is of medians. The file is read
once before the runs, so that every process finds it in the page cache.

Printed: medians of --runs (wall-clock and CPU seconds: the process's CPU, all threads), the
load average before each run, and a table of load's parts (median CPU and wall seconds). On a
busy machine the wall-clock times say little; compare CPU seconds, and runs taken side by side.
(Since the fourth round of issue 13, load checks columns and groups events on two threads
(timeline/workers.py): a part run on a worker thread is timed there, its wall seconds overlap
others' and its CPU seconds are the whole process's meanwhile; only the whole is exact.)
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
phases = sys.argv[3] == "1"
import timeline.load, timeline.csvfile, timeline.model, timeline.dates, timeline.places, timeline.index
modules = {name: sys.modules["timeline." + name] for name in ("load", "csvfile", "model", "dates", "places", "index")}
spent = {}

def wrap(module, name, label=None):
    owner = modules[module]
    original = getattr(owner, name, None)
    if original is None:
        return
    label = label or f"{module}.{name}"

    def timed(*args, **kwargs):
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seen = spent.setdefault(label, [0.0, 0.0])
            seen[0] += time.perf_counter() - wall
            seen[1] += time.process_time() - cpu
    setattr(owner, name, timed)

if phases:
    for module, name in (("load", "_read_file"), ("csvfile", "_scan"), ("csvfile", "_parse_with_arrow"),
                         ("csvfile", "_one_chunk"), ("load", "_validate"), ("load", "_strip"), ("load", "_ids_fit"),
                         ("load", "_dates"), ("load", "_check_link"), ("load", "_coordinates"),
                         ("load", "_place_by_name"), ("load", "_figures"), ("load", "_check_text"),
                         ("load", "_check_first_rows"), ("model", "build_events"), ("model", "events_and_positions")):
        wrap(module, name)
    wrap("csvfile", "one_chunk", "csvfile._one_chunk")   # (its name since eea158d, shared with the index)
    # Since the rules moved into timeline/schema.py, load runs a column's checks from load.CHECKS
    # (check(checker, column, rule)): each is timed under the part its work was before.
    parts = {"date": "load._dates", "caveat": "load._dates", "link": "load._check_link",
             "needs": "load._check_link", "picture_alt": "load._check_link", "place": "load._place_by_name",
             "html": "load._check_text", "formula": "load._check_text", "direction": "load._check_text",
             "long": "load._check_text", "garbled": "load._check_text"}
    numbers = ("number", "range", "retracted")
    checks = getattr(modules["load"], "CHECKS", {})
    for rule, function in list(checks.items()):
        def timed_check(check, column, how, _function=function, _rule=rule):
            label = parts.get(_rule) or (("load._coordinates" if column in ("latitude", "longitude")
                                          else "load._figures") if _rule in numbers else None)
            if label is None:
                return _function(check, column, how)
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return _function(check, column, how)
            finally:
                seen = spent.setdefault(label, [0.0, 0.0])
                seen[0] += time.perf_counter() - wall
                seen[1] += time.process_time() - cpu
        checks[rule] = timed_check
    wrap("load", "read_table", "csvfile.read_table")   # (load calls it by the name it imported)
out = {}
cpu, wall = time.process_time(), time.perf_counter()
dataset = modules["load"].load(sys.argv[2])
out["load"] = [time.perf_counter() - wall, time.process_time() - cpu]
cpu, wall = time.process_time(), time.perf_counter()
index = modules["index"].build_index(dataset, grams=False)
out["index"] = [time.perf_counter() - wall, time.process_time() - cpu]
out["counts"] = [len(dataset.events), len(dataset.accounts), len(dataset.problems)]
out["phases"] = spent
print(json.dumps(out))
"""

READ_CSV = r"""
import json, sys, time
import pandas as pd
cpu, wall = time.process_time(), time.perf_counter()
frame = pd.read_csv(sys.argv[1])
print(json.dumps({"read_csv": [time.perf_counter() - wall, time.process_time() - cpu], "rows": len(frame)}))
"""

# Load's parts as printed: (label, wrapped function or a formula over them).
PARTS = [
    ("reading the file's bytes into memory, scanned meanwhile (`load._read_file`)", "load._read_file"),
    ("byte scans: quotes, ASCII, NUL (`csvfile._scan`, before load scanned as it read)", "csvfile._scan"),
    ("Arrow's CSV parser, its table to pandas (`csvfile._parse_with_arrow`)", "csvfile._parse_with_arrow"),
    ("joining each column's chunks (`csvfile.one_chunk`)", "csvfile._one_chunk"),
    (
        "the rest of `read_table` (header, frame, blank rows)",
        "csvfile.read_table - csvfile._scan - csvfile._parse_with_arrow - csvfile._one_chunk",
    ),
    ("checks: strip, and the first byte of each value (`_strip`, 24 columns)", "load._strip"),
    ("checks: ids are slugs (`_ids_fit`)", "load._ids_fit"),
    ("checks: dates (`_dates`: date, end_date, published)", "load._dates"),
    ("checks: links (`_check_link`: source_url, media)", "load._check_link"),
    ("checks: coordinates (`_coordinates`)", "load._coordinates"),
    ("checks: places by name, the gazetteer read on first use (`_place_by_name`)", "load._place_by_name"),
    ("checks: figures, retracted (`_figures`)", "load._figures"),
    ("checks: text: HTML, formulas, direction marks, lengths (`_check_text`)", "load._check_text"),
    ("checks: ids factorized, first rows (`_check_first_rows`)", "load._check_first_rows"),
    (
        "checks: the rest of `_validate` (the accounts' columns, categories)",
        "load._validate - load._strip - load._ids_fit - load._dates - load._check_link - load._coordinates - "
        "load._place_by_name - load._figures - load._check_text - load._check_first_rows",
    ),
    ("grouping accounts into events (`model.build_events`)", "model.build_events + model.events_and_positions"),
    (
        "the rest of `load` (sorting problems, Resume)",
        "LOAD - load._read_file - csvfile.read_table - load._validate - "
        "model.build_events - model.events_and_positions",
    ),
]


def fresh(script: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], check=True, capture_output=True, text=True, timeout=900
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def part_value(formula: str, phases: dict, load: list, which: int) -> float | None:
    """A part's seconds (which: 0 wall, 1 CPU) from a formula of wrapped names joined by + and -
    (a function a checkout does not have, or did not call, counts 0); None if it has none."""
    total, sign, seen = 0.0, 1, False
    for token in formula.split():
        if token in "+-":
            sign = 1 if token == "+" else -1
            continue
        value = load[which] if token == "LOAD" else phases.get(token, [None, None])[which]
        if value is not None:
            total += sign * value
            seen = seen or sign > 0
    return total if seen else None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", help="the file (default: generate.py's --rows file)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        help="another checkout to measure beside this one (e.g. the commit before)",
    )
    parser.add_argument("--no-read-csv", action="store_true")
    parser.add_argument("--no-phases", action="store_true", help="time load and the index as wholes only")
    args = parser.parse_args(argv)
    path = Path(args.events) if args.events else generate.ensure(args.rows, "iso", 0)
    path.read_bytes()  # (into the page cache)
    codes = [*args.code, str(ROOT)]
    print(
        f"# {path} ({path.stat().st_size / 1e6:,.0f} MB); Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, "
        f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs, each checkout and read_csv "
        f"in turn, each in a fresh process",
        flush=True,
    )
    results = {code: [] for code in codes}
    read_csv, averages = [], []
    for run in range(args.runs):
        for code in codes:
            averages.append(os.getloadavg()[0])
            measured = fresh(CHILD, code, str(path), "0" if args.no_phases else "1")
            measured["load average"] = averages[-1]
            results[code].append(measured)
            print(
                f"run {run + 1}, {code}: load {measured['load'][0]:.2f} s ({measured['load'][1]:.2f} CPU), "
                f"index {measured['index'][0]:.2f} s ({measured['index'][1]:.2f} CPU), "
                f"load average {averages[-1]:.1f}",
                flush=True,
            )
        if not args.no_read_csv:
            averages.append(os.getloadavg()[0])
            read_csv.append(fresh(READ_CSV, str(path))["read_csv"])
            print(f"run {run + 1}, read_csv: {read_csv[-1][0]:.2f} s ({read_csv[-1][1]:.2f} CPU)", flush=True)
    counts = results[codes[-1]][0]["counts"]
    print(
        f"\n{counts[0]:,} events, {counts[1]:,} accounts, {counts[2]:,} problems; medians of {args.runs}; "
        f"load average {min(averages):.1f}-{max(averages):.1f} during the runs\n"
    )
    print(
        "| code | load s (CPU s) | build_index s (CPU s) | cold start: load + index s (CPU s) | "
        "read_csv s (CPU s) | load / read_csv |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    csv_wall = median([w for w, _ in read_csv]) if read_csv else None
    csv_cpu = median([c for _, c in read_csv]) if read_csv else None
    for code in codes:
        runs = results[code]
        load = [median([r["load"][i] for r in runs]) for i in (0, 1)]
        index = [median([r["index"][i] for r in runs]) for i in (0, 1)]
        both = [median([r["load"][i] + r["index"][i] for r in runs]) for i in (0, 1)]
        csv = f"{csv_wall:.2f} ({csv_cpu:.2f})" if csv_wall else "-"
        ratio = f"{load[0] / csv_wall:.2f}x" if csv_wall else "-"
        print(
            f"| {code} | {load[0]:.2f} ({load[1]:.2f}) | {index[0]:.2f} ({index[1]:.2f}) | "
            f"{both[0]:.2f} ({both[1]:.2f}) | {csv} | {ratio} |"
        )
    if not args.no_phases:
        print("\nWhat each part of `load` costs (median seconds over the runs; CPU, then wall):\n")
        print("| part | " + " | ".join(f"{Path(code).name} CPU s | wall s" for code in codes) + " |")
        print("|---|" + "---:|---:|" * len(codes))
        for label, formula in [*PARTS, ("**load, in all**", "LOAD")]:
            cells = []
            for code in codes:
                values = [
                    (part_value(formula, r["phases"], r["load"], 1), part_value(formula, r["phases"], r["load"], 0))
                    for r in results[code]
                ]
                cpu, wall = median([c for c, _ in values]), median([w for _, w in values])
                cells.append("-" if cpu is None else f"{cpu:.3f}")
                cells.append("-" if wall is None else f"{wall:.3f}")
            print(f"| {label} | " + " | ".join(cells) + " |")
    print(f"\n# load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
