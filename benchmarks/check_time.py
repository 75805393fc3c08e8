"""What `python -m timeline check` costs on a large file, here and in another checkout of the code.

    .venv/bin/python benchmarks/check_time.py --before /path/to/older/checkout [--rows 1000000] [--runs 5]

For each date variant (iso, free: see generate.py) it generates the file once (benchmarks/data/),
then runs `check` on it as an editor would, in a fresh process, alternating between this
checkout and the other one (`--before`, e.g. a `git worktree` at the commit before an issue),
`--runs` times each. It prints, per variant and checkout, the median CPU time of the child
process (user + system: on a machine shared with other work this varies far less than the wall
clock), the median wall-clock time, and after / before.

Issue 11 ("Real files, read right") asks that `check` on 1M rows stays within 10% of its time
before that issue.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def run_check(tree: Path, path: Path) -> tuple[float, float, str]:
    """(CPU seconds, wall seconds, the summary line) of one `check` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "check", str(path)],
        cwd=tree,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, type=Path, help="another checkout of the code")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dates", default="iso,free")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": ROOT}
    print(
        f"# Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M:%S')}, "
        f"load average {os.getloadavg()[0]:.1f}; before: {trees['before']}, after: {ROOT}"
    )
    print("| rows | dates | checkout | CPU s (median) | wall s (median) | CPU after / before | check says |")
    print("|---:|---|---|---:|---:|---:|---|")
    for variant in args.dates.split(","):
        path = generate.ensure(args.rows, dates=variant)
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        wall: dict[str, list[float]] = {name: [] for name in trees}
        said: dict[str, str] = {}
        for _ in range(args.runs):
            for name, tree in trees.items():  # alternating, so both see the same conditions
                c, w, said[name] = run_check(tree, path)
                cpu[name].append(c)
                wall[name].append(w)
        ratio = statistics.median(cpu["after"]) / statistics.median(cpu["before"])
        for name in trees:
            print(
                f"| {args.rows:,} | {variant} | {name} | {statistics.median(cpu[name]):.3f} | "
                f"{statistics.median(wall[name]):.3f} | {f'{ratio:.2f}x' if name == 'after' else ''} | "
                f"{said[name]} |"
            )
    print(f"# load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
