"""Issue 13, item 4: fast starts and shared memory (timeline.store), on one large file.

    .venv/bin/python benchmarks/starts.py [--events PATH | --rows 1000000] [--workers 4] [--runs 3]

Prints, with the load average beside each number:

- cold start: a fresh process (one worker's work, no cache on disk) calling
  `timeline.app.data.current(path)`: load, check and index the file, write the cache and map it;
  split into load, build_index and the cache's write (in another fresh process);
- restart with the file unchanged: a fresh process calling `current(path)` with the cache in
  place (it maps the cache; no CSV is read); and the first id looked up in it (the id index's
  hash table is built on first use);
- `--workers` gunicorn workers (`gunicorn --config gunicorn.conf.py --workers N`, on a port of
  8150-8199) serving the file, each having answered readers (Debian's Chromium, a browser
  each: the page, an event chosen in the list, a search over all the text, a link with a
  search and an event; until every worker's CPU time has grown): each process's PSS, RSS and anonymous memory (its own, not the mapped cache) from
  /proc/PID/smaps_rollup, their total, and the master's. PSS counts a page shared by k
  processes as 1/k in each; a page of the cache that one worker alone has read is private to it.

The cache lives in the file's state folder (`.timeline/` beside it); the cold runs delete it
first. Times are medians of --runs (best and worst shown), wall-clock and the process's CPU time
(which a busy machine disturbs less). Writes nothing but that cache and a
gunicorn log in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import pandas as pd  # noqa: E402
from hostile import memory  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.pages import TimelinePage  # noqa: E402

GOALS = {"cold start": 3.0, "restart, file unchanged": 1.0}  # seconds, at 1M rows
PSS_GOAL_MB = 1536
PORTS = range(8150, 8200)
WORDS = ("protest", "police", "almaty", "ministry", "strike", "airport", "border", "reported")

# One worker's start, in a fresh process: what `current()` costs, then the first id looked up.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from timeline.app import data
started, cpu = time.perf_counter(), time.process_time()
now = data.current(sys.argv[2])
current, current_cpu = time.perf_counter() - started, time.process_time() - cpu
index = now.index
started, cpu = time.perf_counter(), time.process_time()
index.position(index.events["id"].iat[len(index) // 2])
lookup, lookup_cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"current": [current, current_cpu], "lookup": [lookup, lookup_cpu], "events": len(index),
                  "accounts": len(index.dataset.accounts)}))
"""

# The cold start in parts: load, build_index, the cache's write.
PARTS = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from timeline import store
from timeline.index import build_index
from timeline.load import load
times = {}
def timed(name, call):
    started, cpu = time.perf_counter(), time.process_time()
    result = call()
    times[name] = [time.perf_counter() - started, time.process_time() - cpu]
    return result
dataset = timed("load", lambda: load(sys.argv[2]))
index = timed("build_index", lambda: build_index(dataset, grams=False))   # (as a cold start builds it: timeline.store.open_index)
timed("write cache", lambda: store.write(sys.argv[2], index))
timed("map cache", lambda: store.read(sys.argv[2]))
print(json.dumps(times))
"""


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"


CODE = ROOT  # the checkout whose code is measured (--code: another, e.g. the commit before)


def fresh(script: str, path: Path) -> dict:
    import json

    out = subprocess.run(
        [sys.executable, "-c", script, str(CODE), str(path)], check=True, capture_output=True, text=True, timeout=600
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def forget(path: Path) -> None:
    from timeline import store

    store.cache_path(path).unlink(missing_ok=True)


def median_line(label: str, measured: list[list[float]], goal: float | None = None) -> str:
    """measured: [wall, CPU] seconds per run."""
    wall, cpu = [w for w, _ in measured], [c for _, c in measured]
    verdict = "" if goal is None else f"{'met' if statistics.median(wall) <= goal else 'MISSED'} (<= {goal:g} s)"
    return (
        f"| {label} | {statistics.median(wall):.2f} | {min(wall):.2f} - {max(wall):.2f} | "
        f"{statistics.median(cpu):.2f} | {verdict} | {load_average()} |"
    )


def free_port() -> int:
    import socket

    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8150-8199")


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def workers_of(master: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def serve_and_measure(path: Path, workers: int, log: Path, more: list[str]) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "TIMELINE_EVENTS": str(path), "TIMELINE_TITLE": "Benchmark"}
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--config",
        "gunicorn.conf.py",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "300",
        *more,
        "app:create_app()",
    ]
    started = time.perf_counter()
    with open(log, "w") as out:
        server = subprocess.Popen(command, cwd=CODE, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {server.returncode}; see {log}")
            if time.perf_counter() - started > 300:
                raise TimeoutError("gunicorn did not answer in 300 s")
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    response.read()
                    break
            except OSError:
                time.sleep(0.2)
        print(
            f"\ngunicorn answered {time.perf_counter() - started:.1f} s after it was started "
            f"(load average {load_average()})"
        )
        pids = workers_of(server.pid)
        while len(pids) < workers and time.perf_counter() - started < 300:
            time.sleep(0.2)
            pids = workers_of(server.pid)
        before = {pid: cpu_ticks(pid) for pid in pids}
        ids = pd.read_csv(path, usecols=["id"], nrows=5000, dtype="str")["id"].tolist()
        random.seed(0)
        readers = 0

        def read(_):
            """One reader in Chromium (a browser of its own, so connections of its own): the page,
            an event chosen in the list, a search, then a link with a search and an event."""
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    timeline = TimelinePage(browser.new_page(), url.rstrip("/")).open()
                    timeline.event_list.locator("a.event-link").nth(random.randrange(10)).click()
                    timeline.settle()
                    timeline.search(random.choice(WORDS))
                    timeline.settle()
                    timeline.open(random.choice(ids), "q=" + urllib.parse.quote(random.choice(WORDS)))
                finally:
                    browser.close()
            return 1

        # Readers until every worker has answered some (CPU time grown), at least 4 a worker.
        with ThreadPoolExecutor(max_workers=2) as pool:  # two browsers at a time, on 2 cores
            while readers < 200:
                readers += sum(pool.map(read, range(workers)))
                if all(cpu_ticks(pid) > before[pid] for pid in pids) and readers >= workers * 4:
                    break
        busy = sum(cpu_ticks(pid) > before[pid] for pid in pids)
        print(
            f"{readers} readers in Chromium (page, an event, a search, a link); {busy} of {len(pids)} workers "
            f"answered some (load average {load_average()})\n"
        )
        print("| process | PSS MB | RSS MB | anonymous MB | private MB | shared MB |")
        print("|---|---:|---:|---:|---:|---:|")
        total = 0
        for label, pid in [("master", server.pid)] + [(f"worker {i + 1}", pid) for i, pid in enumerate(pids)]:
            m = memory(pid)
            total += m["Pss"]
            private = m.get("Private_Clean", 0) + m.get("Private_Dirty", 0)
            shared = m.get("Shared_Clean", 0) + m.get("Shared_Dirty", 0)
            print(
                f"| {label} | {m['Pss'] / 1024:,.0f} | {m['Rss'] / 1024:,.0f} | {m['Anonymous'] / 1024:,.0f} | "
                f"{private / 1024:,.0f} | {shared / 1024:,.0f} |"
            )
        workers_total = total - memory(server.pid)["Pss"]
        print(f"| total (master and {len(pids)} workers) | {total / 1024:,.0f} | | | | |")
        print(
            f"\n{len(pids)} workers' PSS: {workers_total / 1024:,.0f} MB (goal <= {PSS_GOAL_MB:,} MB: "
            f"{'met' if workers_total / 1024 <= PSS_GOAL_MB else 'MISSED'}); with the master "
            f"{total / 1024:,.0f} MB; load average {load_average()}"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def starts(path: Path, runs: int) -> None:
    """Cold starts and restarts, each in a fresh process; then the cold start's parts."""
    cold, restart, lookup, parts = [], [], [], {}
    for _ in range(runs):
        forget(path)
        measured = fresh(CHILD, path)
        cold.append(measured["current"])
        measured = fresh(CHILD, path)
        restart.append(measured["current"])
        lookup.append(measured["lookup"])
    print(
        f"\n{measured['events']:,} events, {measured['accounts']:,} accounts; seconds, median of "
        f"{runs} fresh processes each\n"
    )
    print("| what | median s | best - worst s | CPU s (median) | goal | load average |")
    print("|---|---:|---:|---:|---|---:|")
    print(median_line("cold start: `data.current()`, no cache", cold, GOALS["cold start"]))
    print(
        median_line(
            "restart, file unchanged: `data.current()`, cache mapped", restart, GOALS["restart, file unchanged"]
        )
    )
    print(median_line("then the first id looked up (the id index is built)", lookup))
    if not (CODE / "timeline" / "store.py").exists():
        return  # (code from before timeline.store: no cache to write or map)
    for _ in range(runs):
        forget(path)
        for name, seconds in fresh(PARTS, path).items():
            parts.setdefault(name, []).append(seconds)
    for name, values in parts.items():
        print(median_line(f"cold start's part: {name}", values))
    from timeline import store

    print(f"\nThe cache: {store.cache_path(path)}, {store.cache_path(path).stat().st_size / 1e6:,.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", help="the file (default: generate.py's --rows file)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true", help="skip the gunicorn memory measurement")
    parser.add_argument("--no-starts", action="store_true", help="skip the start times (measure memory only)")
    parser.add_argument("--gunicorn", default="", help="more gunicorn arguments, e.g. '--preload'")
    parser.add_argument(
        "--code",
        help="measure the code of another checkout (e.g. `git archive` of the commit before) with this one's benchmark",
    )
    args = parser.parse_args(argv)
    global CODE
    CODE = Path(args.code).resolve() if args.code else ROOT
    path = Path(args.events) if args.events else generate.ensure(args.rows, "iso", 0)
    print(
        f"# code: {CODE}; {path} ({path.stat().st_size / 1e6:,.0f} MB); Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, "
        f"load average {load_average()}"
    )
    if not args.no_starts:
        starts(path, args.runs)
    if not args.no_serve:
        folder = Path(tempfile.mkdtemp(prefix="starts-"))
        try:
            serve_and_measure(path, args.workers, folder / "gunicorn.log", args.gunicorn.split())
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
