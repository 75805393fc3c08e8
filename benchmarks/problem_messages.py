"""What keeping problems as templates (issue 16, item 5: `check`'s messages from the catalogue)
costs on a file with many problems, here and in another checkout of the code.

    .venv/bin/python benchmarks/problem_messages.py --before /path/to/older/checkout FILE [--runs 3]

For each step, in a fresh process, alternating between this checkout and the other one, `--runs`
times each, it prints the median CPU time (user + system) of the child process:

- check: `python -m timeline check FILE`, its output thrown away (every message written);
- check --lang fr: the same in French (this checkout only, if the other has no check catalogue);
- count: `load(FILE)` and the number of errors and warnings (no message written);
- cache: load, index and write the checked data's cache (timeline.store: messages kept as
  templates and values), in a fresh state folder;
- read: map that cache back, as a dashboard worker does when it starts (the cache written first,
  not counted).

A file with many problems: e.g. benchmarks/generate.py's million rows with every tenth date
written 02/01/2018 and every tenth id in capitals (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COUNT = "import sys; from timeline.load import load; d = load(sys.argv[1]); print(len(d.errors), len(d.warnings))"
CACHE = (
    "import sys; from timeline import store; index = store.open_index(sys.argv[1]); "
    "print(len(index.dataset.problems), store.cache_path(sys.argv[1]).exists())"
)
READ = "import sys; from timeline import store; index = store.read(sys.argv[1]); print(len(index.dataset.problems))"


def cpu_of(command: list[str], tree: Path, env: dict) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        command, cwd=tree, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tree), **env}
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.strip().splitlines()
    return cpu, (lines[-1] if lines else done.stderr.strip()[-200:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path)
    parser.add_argument("--before", required=True, type=Path, help="another checkout of the code")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", default="check,check --lang fr,count,cache,read")
    args = parser.parse_args()
    path = args.file.resolve()
    trees = {"before": args.before.resolve(), "after": ROOT}
    print(
        f"# Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M:%S')}, "
        f"load average {os.getloadavg()[0]:.1f}; {path.name}; before: {trees['before']}, after: {ROOT}"
    )
    print("| step | checkout | CPU s (median) | after / before | says |")
    print("|---|---|---:|---:|---|")
    python = sys.executable
    steps = {
        "check": [python, "-m", "timeline", "check", str(path)],
        "check --lang fr": [python, "-m", "timeline", "check", "--lang", "fr", str(path)],
        "count": [python, "-c", COUNT, str(path)],
        "cache": [python, "-c", CACHE, str(path)],
        "read": [python, "-c", READ, str(path)],
    }
    for step, command in steps.items():
        if step not in args.steps.split(","):
            continue
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        said: dict[str, str] = {}
        for _ in range(args.runs):
            for name, tree in trees.items():
                if step == "check --lang fr" and not (tree / "timeline/locale/fr/LC_MESSAGES/check.po").exists():
                    continue
                with tempfile.TemporaryDirectory(prefix="problem-messages-") as state:
                    if step == "read":  # (the cache written first, not counted)
                        cpu_of(steps["cache"], tree, {"TIMELINE_STATE_DIR": state})
                    c, said[name] = cpu_of(command, tree, {"TIMELINE_STATE_DIR": state})
                cpu[name].append(c)
        ran = [name for name in trees if cpu[name]]
        for name in ran:
            ratio = (
                f"{statistics.median(cpu['after']) / statistics.median(cpu['before']):.2f}x"
                if name == "after" and len(ran) == 2
                else ""
            )
            print(f"| {step} | {name} | {statistics.median(cpu[name]):.2f} | {ratio} | {said[name][:90]} |")
    print(f"# load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
