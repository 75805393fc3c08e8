"""Issue 13: `timeline.load` beside the floor (`pandas.read_csv`) and beside two validators of
CSV files, frictionless (`validate`) and pandera (lazy validation), on the same files.

    PYTHONPATH=/tmp/peers .venv/bin/python benchmarks/peers.py [--sizes 100000,1000000] [--dates iso]

frictionless and pandera are benchmark dependencies only, pinned in requirements-bench.txt
(`pip install --no-deps --target /tmp/peers -r requirements-bench.txt` keeps them out of the
app's environment). Each peer checks what it can say of our columns (an equivalent schema, built
from timeline.schema): id required and a slug, date required and in an ISO form, end_date and
published in an ISO form, source required, source_url and media http(s) links, latitude and
longitude numbers in range, a title of at most 300 characters. Neither checks what `load` also
does (dates in English, spans that end before they start, an event's first row, formulas, HTML,
garbled text, near-duplicate categories, places by name...), nor groups the accounts into events.

Each time is the best of --repeat runs in this process, after one warm-up run of each on a
1,000-row file (frictionless runs once; at 1M rows in a subprocess stopped after --timeout
seconds); `x read_csv` and `x load` are ratios to the floor
and to `load`. The load average is printed with each row.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import pandas as pd  # noqa: E402

from timeline import schema  # noqa: E402
from timeline.load import LONG_TITLE, load  # noqa: E402

# The ISO forms of timeline.dates, as a pattern a row-by-row validator can hold: a year (BC as
# -500), a month, a day, a time to the minute or second, an offset or Z.
ISO_DATE = r"-?\d{1,4}(-\d{2}(-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?)?)?"
WEB_LINK = r"https?://\S+"
DATES = ("date", "end_date", "published")
LINKS = ("source_url", "media")


def header(path) -> list[str]:
    """The file's columns that timeline knows (a schema of all of them would fail on the others)."""
    with open(path, encoding="utf-8") as file:
        return [name for name in file.readline().strip().split(",") if name in schema.NAMES]


def frictionless_schema(names: list[str]) -> dict:
    fields = []
    for name in names:
        field = {"name": name, "type": "string", "constraints": {}}
        if name in schema.REQUIRED:
            field["constraints"]["required"] = True
        if name == "id":
            field["constraints"]["pattern"] = schema.ID_PATTERN
        elif name in DATES:
            field["constraints"]["pattern"] = ISO_DATE
        elif name in LINKS:
            field["constraints"]["pattern"] = WEB_LINK
        elif name == "title":
            field["constraints"]["maxLength"] = LONG_TITLE
        elif name in ("latitude", "longitude"):
            bound = 90 if name == "latitude" else 180
            field.update(type="number", constraints={"minimum": -bound, "maximum": bound})
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def run_frictionless(path: str) -> int:
    import frictionless

    # (frictionless refuses an absolute path as "not safe": the folder is given as basepath)
    resource = frictionless.Resource(
        path=os.path.basename(path),
        basepath=os.path.dirname(os.path.abspath(path)),
        schema=frictionless.Schema.from_descriptor(frictionless_schema(header(path))),
    )
    report = resource.validate(limit_errors=10**9)
    return len(report.flatten(["rowNumber"]))


def pandera_schema(names: list[str]):
    import pandera.pandas as pa

    columns = {}
    for name in names:
        required = name in schema.REQUIRED
        checks = []
        if name == "id":
            checks = [pa.Check.str_matches(f"^{schema.ID_PATTERN}$")]
        elif name in DATES:
            checks = [pa.Check.str_matches(f"^{ISO_DATE}$")]
        elif name in LINKS:
            checks = [pa.Check.str_matches(f"^{WEB_LINK}$")]
        elif name == "title":
            checks = [pa.Check.str_length(max_value=LONG_TITLE)]
        if name in ("latitude", "longitude"):
            bound = 90 if name == "latitude" else 180
            columns[name] = pa.Column(float, pa.Check.in_range(-bound, bound), nullable=True, coerce=True)
        else:
            columns[name] = pa.Column(str, checks, nullable=not required, coerce=True)
    return pa.DataFrameSchema(columns, strict=False)


def run_pandera(path: str, checker) -> int:
    import pandera.errors

    frame = pd.read_csv(path, dtype={n: "str" for n in schema.NAMES if n not in ("latitude", "longitude")})
    try:
        checker.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        return len(errors.failure_cases)
    return 0


def warm_up(checker) -> None:
    """One run of each on a small file first: the first call of load imports and reads the
    gazetteer of towns (timeline.places), seconds that a server pays once, not per file."""
    small = generate.ensure(1000, "iso", 0)
    load(small)
    run_pandera(str(small), checker)
    run_frictionless(str(small))


def best_of(repeat: int, call) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        started = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - started)
    return best, result


def in_subprocess(tool: str, path: Path, timeout: float) -> tuple[float, object]:
    """(seconds, findings) of one run of `tool` in a fresh process; (inf, None) past timeout."""
    code = (
        f"import json, sys, time; sys.path[:0] = [{str(ROOT)!r}, {str(HERE)!r}]; import peers; "
        f"started = time.perf_counter(); found = peers.run_{tool}({str(path)!r}); "
        f"print(json.dumps([time.perf_counter() - started, found]))"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, check=True, env=os.environ
        ).stdout
    except subprocess.TimeoutExpired:
        return float("inf"), None
    seconds, found = json.loads(out.strip().splitlines()[-1])
    return seconds, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--dates", default="iso")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds for one frictionless run at 1M")
    args = parser.parse_args(argv)
    import frictionless
    import pandera

    print(
        f"# Python {platform.python_version()}, pandas {pd.__version__}, frictionless "
        f"{frictionless.__version__}, pandera {pandera.__version__}, {os.cpu_count()} CPUs, "
        f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}, load average {os.getloadavg()[0]:.1f}"
    )
    print("| rows | dates | tool | s | x read_csv | x load | findings | load average |")
    print("|---:|---|---|---:|---:|---:|---|---:|", flush=True)
    for rows in [int(s) for s in args.sizes.split(",") if s]:
        for variant in [v for v in args.dates.split(",") if v]:
            path = generate.ensure(rows, variant, 0)
            checker = pandera_schema(header(path))
            warm_up(checker)
            floor, _ = best_of(args.repeat, lambda path=path: pd.read_csv(path))
            ours, dataset = best_of(args.repeat, lambda path=path: load(path))
            found = {"read_csv": "-", "timeline.load": f"{len(dataset.problems)} problems"}
            times = {"read_csv": floor, "timeline.load": ours}
            del dataset
            times["pandera (read_csv + lazy validate)"], failures = best_of(
                args.repeat, lambda path=path, checker=checker: run_pandera(path, checker)
            )
            found["pandera (read_csv + lazy validate)"] = f"{failures} failure cases"
            if rows >= 1_000_000:
                seconds, errors = in_subprocess("frictionless", path, args.timeout)
            else:
                seconds, errors = best_of(1, lambda path=path: run_frictionless(str(path)))
            times["frictionless (validate)"] = seconds
            found["frictionless (validate)"] = "-" if errors is None else f"{errors} errors"
            for tool, seconds in times.items():
                shown = f"> {args.timeout:.0f}" if seconds == float("inf") else f"{seconds:.3f}"
                print(
                    f"| {rows:,} | {variant} | {tool} | {shown} | {seconds / floor:.1f}x | {seconds / ours:.1f}x | "
                    f"{found[tool]} | {os.getloadavg()[0]:.1f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
