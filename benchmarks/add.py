"""Issue 13, item 3: `timeline add` of one row to a large file, cold and warm.

    .venv/bin/python benchmarks/generate.py --rows 1000000 --out /tmp/add/events-1m.csv
    .venv/bin/python benchmarks/add.py --events /tmp/add/events-1m.csv [--runs 3] [--chain 200] [--before DIR]
        [--commands 5] [--pycache DIR]

Each add is a new process, as an editor runs it: a driver that imports what
`python -m timeline add` imports (timeline.cli) and then runs `editing.add` and `add_report`,
printing the seconds of its imports and of `editing.add` (the check and the append, under the
lock; wall and CPU); and the process's wall and CPU seconds (Python's start included).

- cold: no checked data in the state folder (`.timeline/` beside the copy): the file is checked
  whole, and that version is kept there for the adds after it;
- warm: the adds after it (a new event, another account of an event, a duplicate id with its
  title on another date, a date that can be read two ways): each reads on from the kept version;
- --chain N: then N more adds of a new event, in one process, each reading on from the same
  kept version through all the rows added since (the first and the last are printed);
- --before DIR (a checkout of the code before, e.g. `git archive main | tar -x -C DIR`): the same
  first add with that code, for comparison; with --commands, its commands too, in turn with ours;
- --commands N: then the command itself, `python -m timeline add --file COPY --id ...` (a new
  event, warm), N times: its wall seconds each and their median (the number issue 13 sets a goal
  for: at most 0.5 s at a million rows);
- --pycache DIR: the processes keep the bytecode of the modules they compile in DIR
  (PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE unset), as an installed command or a checkout
  does by default; without it they run as this shell says (where PYTHONDONTWRITEBYTECODE is set,
  every process compiles timeline's own modules again: 0.05-0.1 s). The header says which.

The copy goes in --scratch (default /tmp/add); the file given is never written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DRIVER = """
import json, sys, time
started = time.perf_counter()
from timeline import cli, editing   # (what `python -m timeline add` imports)
imported = time.perf_counter()
values = json.loads(sys.argv[2])
cpu = time.process_time()
outcome = editing.add(sys.argv[1], values)
added = time.perf_counter()
cpu = time.process_time() - cpu
lines = editing.add_report(outcome)
print(json.dumps({"imports": imported - started, "add": added - imported, "add_cpu": cpu, "lines": lines}))
"""

ROWS = [
    (
        "a new event",
        {
            "id": "bench-new-{n}",
            "date": "2024-12-31 23:00",
            "title": "Row added by the benchmark {n}",
            "category": "protest",
            "source": "Reuters",
            "location": "Almaty",
            "latitude": "43.2389",
            "longitude": "76.8897",
        },
    ),
    ("another account of it", {"id": "bench-new-{n}", "date": "2024-12-31", "source": "AP"}),
    (
        "a duplicate id, its title on another date",
        {"id": "bench-new-{n}", "date": "2025-01-05", "title": "Row added by the benchmark {n}", "source": "AFP"},
    ),
    (
        "a date read two ways (refused)",
        {"id": "bench-bad-{n}", "date": "03/04/2022", "title": "Bad date", "category": "protest", "source": "Reuters"},
    ),
]


def run_add(code: Path, path: Path, values: dict) -> dict:
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(path), json.dumps(values)],
        cwd=code,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(code)},
    )
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode:
        raise RuntimeError(done.stderr)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["cpu"] = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return result


def run_command(code: Path, path: Path, values: dict) -> tuple[float, float]:
    """The wall and CPU seconds of `python -m timeline add --file PATH --NAME VALUE...` with the
    code at `code`."""
    arguments = [f"--{name.replace('_', '-')}={value}" for name, value in values.items()]
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "add", "--file", str(path), *arguments],
        cwd=code,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(code)},
    )
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode:
        raise RuntimeError(done.stdout + done.stderr)
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def median(values: list) -> float:
    return sorted(values)[len(values) // 2]


def show(what: str, result: dict) -> None:
    said = result["lines"][0].split(": ", 1)[-1][:90]  # (the first line: a problem, or what was added)
    print(
        f"| {what} | {result['add']:.3f} | {result['add_cpu']:.3f} | {result['wall']:.2f} | {result['cpu']:.2f} | "
        f"{result['imports']:.2f} | {os.getloadavg()[0]:.1f} | {said} |",
        flush=True,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chain", type=int, default=0)
    parser.add_argument("--before", type=Path, help="a checkout of the code before, to compare")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/add"))
    parser.add_argument("--commands", type=int, default=0, help="then the command itself, N times")
    parser.add_argument("--pycache", type=Path, help="keep the processes' bytecode here (PYTHONPYCACHEPREFIX)")
    args = parser.parse_args(argv)
    args.scratch.mkdir(parents=True, exist_ok=True)
    os.environ.pop("TIMELINE_STATE_DIR", None)
    if args.pycache:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(args.pycache.resolve())
    bytecode = (
        "not written: each process compiles timeline's modules"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else f"kept in {os.environ['PYTHONPYCACHEPREFIX']}"
        if os.environ.get("PYTHONPYCACHEPREFIX")
        else "kept beside the modules (__pycache__)"
    )
    print(
        f"{args.events} ({args.events.stat().st_size / 1e6:.0f} MB); {os.cpu_count()} CPUs; "
        f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; load average {os.getloadavg()}; "
        f"bytecode {bytecode}"
    )
    print()
    print(
        "| add | editing.add s | its CPU s | process wall s | process CPU s | imports s | load (1 min) | what it said |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    copy = args.scratch / "events.csv"
    n = 0
    for run in range(1, args.runs + 1):
        shutil.rmtree(args.scratch / ".timeline", ignore_errors=True)
        shutil.copyfile(args.events, copy)
        if args.before:
            n += 1
            show(
                f"run {run}: before (code at {args.before.name}), a new event",
                run_add(args.before, copy, {k: v.format(n=n) for k, v in ROWS[0][1].items()}),
            )
            shutil.rmtree(args.scratch / ".timeline", ignore_errors=True)
        n += 1
        show(
            f"run {run}: cold (nothing kept), a new event",
            run_add(ROOT, copy, {k: v.format(n=n) for k, v in ROWS[0][1].items()}),
        )
        n += 1
        for what, values in ROWS:
            show(f"run {run}: warm, {what}", run_add(ROOT, copy, {k: v.format(n=n) for k, v in values.items()}))
    if args.commands:
        # Each code's own copy and state folder, warm: the caches of two programs are not each other's.
        codes = [("ours", ROOT)] + ([("before", args.before)] if args.before else [])
        copies = {}
        for name, code in codes:
            copies[name] = args.scratch / "commands" / name / "events.csv"
            copies[name].parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(copies[name].parent / ".timeline", ignore_errors=True)
            shutil.copyfile(args.events, copies[name])
            run_command(code, copies[name], {k: v.format(n=f"warm-{name}") for k, v in ROWS[0][1].items()})
        walls: dict = {name: [] for name, _ in codes}
        for k in range(args.commands):
            for name, code in codes:  # (in turn: the same load for both)
                values = {key: value.format(n=f"command-{name}-{k}") for key, value in ROWS[0][1].items()}
                walls[name].append(run_command(code, copies[name], values))
        print()
        print("`python -m timeline add` (a new event, warm), in turn; wall seconds (CPU seconds):")
        for name, code in codes:
            times = walls[name]
            print(
                f"- {name} ({code}): median {median([wall for wall, _ in times]):.3f} s "
                f"(CPU {median([cpu for _, cpu in times]):.3f} s); "
                + " ".join(f"{wall:.3f} ({cpu:.2f})" for wall, cpu in times)
            )
        print(f"(load average {os.getloadavg()[0]:.1f})")
        for name, _ in codes:
            shutil.rmtree(copies[name].parent, ignore_errors=True)
    if args.chain:
        sys.path.insert(0, str(ROOT))
        from timeline import editing

        times = []
        for k in range(args.chain):
            values = {key: value.format(n=f"chain-{k}") for key, value in ROWS[0][1].items()}
            started = time.perf_counter()
            assert editing.add(copy, values).written
            times.append(time.perf_counter() - started)
        print()
        print(
            f"{args.chain} more adds in one process, reading on from the version kept at the start of run "
            f"{args.runs}: the first {times[0]:.3f} s, the last {times[-1]:.3f} s, the median "
            f"{sorted(times)[len(times) // 2]:.3f} s (load average {os.getloadavg()[0]:.1f})"
        )
    shutil.rmtree(args.scratch / ".timeline", ignore_errors=True)
    copy.unlink(missing_ok=True)
    print()
    print(f"load average {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
