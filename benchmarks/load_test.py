"""Issue 5: load. N simulated readers against gunicorn (2 workers) on 127.0.0.1 for S seconds.

    .venv/bin/python benchmarks/load_test.py [--clients 20] [--seconds 30] [--workers 2]
                                             [--events events.csv] [--url http://127.0.0.1:PORT]
                                             [--root CHECKOUT] [--polls-only]

It starts gunicorn as in production (`gunicorn --config gunicorn.conf.py --workers 2 --bind
127.0.0.1:PORT 'app:create_app()'`, or `app:server` for a checkout from before the factory;
TIMELINE_EVENTS pointing at a copy of --events, so nothing can touch the real file), waits for
it, and runs --clients threads for --seconds. Each thread is one reader with one browser tab
(tests/dash_client.py's Tab: the GETs and callback bodies of dash-renderer in
Chromium) doing, without pause, a mix of what readers do:

    page load 15% (GET /, /_dash-layout, /_dash-dependencies, then every first callback;
                   the JS bundles are left out, as a browser has them cached)
    select    25% (an event chosen in the list or by a permalink: ?event=ID)
    click     20% (a click on an event's marker: timeline.clickData)
    filter    30% (a category ticked, an outlet chosen, a search word, a date bound, or an
                   address with filters, as the controls send them)
    zoom      10% (a drag on the chart: relayoutData)

plus the page's poll (dcc.Interval) every 2 s of each reader's time. Every request is timed
(wall time on loopback) and checked: an HTTP status >= 400, a refused or timed-out connection,
or an error in a callback's response is an error. Afterwards it checks the served copy is
byte-identical and the server's output holds no traceback, stops gunicorn and prints a
summary: requests, errors, requests per second, p50/p95/p99 latency per request and per
action. It exits 1 on any error.

Bounded: it stops issuing actions at --seconds, waits at most --timeout (default 30 s) for the
actions under way, stops at --max-requests in any case, and always stops the server it started.
With --url it loads an app that is already running (loopback only) instead of starting one.
The load generator shares the machine with the server: on 2 cores, 20 Python threads compete
with 2 workers for the CPU, so the numbers are a floor for the server alone. What the server
itself spends is measured too: the CPU seconds of gunicorn's processes during the run (read from
/proc), and so actions (or requests) per CPU-second, that is per core.

Issue 13: --root serves another checkout of the app (e.g. one of main before the change) with
this same client, for a before/after. --polls-only measures the page's poll alone, at the
highest rate one gunicorn worker answers, with wrk (a compiled HTTP load tool: `apt-get install
wrk`; a Python client cannot send fast enough on 2 cores): a GET of /_timeline/version, fresh
(200) and with the ETag the page has (304), where the poll runs in the page; the poll callback's
POST where it is a callback (before). It prints requests, requests per second, the worker's CPU
seconds and requests per CPU-second.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from tests.dash_client import POLL, VERSION, Tab, links  # noqa: E402

MIX = (("page load", 15), ("select", 25), ("click", 20), ("filter", 30), ("zoom", 10))
POLL_SECONDS = 2.0
SEARCH_WORDS = ("almaty", "tokayev", "protest", "internet", "airport", "csto", "nazarbayev", "x")
DATE_BOUNDS = ("2022-01-04", "2022-01", "5 January 2022", "2022-01-07", "2021", "")


@dataclass
class Sample:
    what: str  # "GET /", "GET /_dash-layout", "POST <output>", or an action's name
    status: int  # HTTP status, or 0 for a connection error
    seconds: float
    bytes: int = 0


class Recorder:
    def __init__(self, max_requests: int):
        self.requests: list[Sample] = []
        self.actions: list[Sample] = []
        self.errors: list[str] = []
        self.max_requests = max_requests
        self.lock = threading.Lock()

    @property
    def full(self) -> bool:
        return len(self.requests) >= self.max_requests

    def result(self, name: str, result) -> None:
        samples = [
            Sample("GET " + path.split("?")[0], status, seconds, size) for path, status, size, seconds in result.gets
        ]
        samples += [
            Sample("POST " + short(call.output), call.status, call.seconds, call.bytes)
            for call in result.calls
            if not call.clientside
        ]
        problems = [f"{s.what}: HTTP {s.status}" for s in samples if not answered(s.status)]
        problems += [
            f"POST {short(c.output)}: {str(c.response)[:200]}"
            for c in result.calls
            if isinstance(c.response, dict) and "error" in c.response
        ]
        # An action fails when one of its requests does (one that changes nothing sends none).
        status = next((s.status for s in samples if not answered(s.status)), 200)
        with self.lock:
            self.requests += samples
            self.actions.append(Sample(name, status, result.seconds, result.bytes))
            self.errors += [f"{name}: {p}" for p in problems]

    def failure(self, name: str, error: BaseException) -> None:
        with self.lock:
            self.actions.append(Sample(name, 0, 0.0))
            self.errors.append(f"{name}: {error!r}")


def answered(status: int) -> bool:
    """A 2xx, or the 304 that answers the poll's GET when the version is the one it has."""
    return 200 <= status < 300 or status == 304


def short(output: str) -> str:
    """A callback's output string, readable: its first output's id.prop (+ how many more)."""
    parts = output.strip(".").split("...")
    first = parts[0].split("@")[0]
    return first + (f" (+{len(parts) - 1})" if len(parts) > 1 else "")


class Reader:
    """One reader, one tab, one thread."""

    def __init__(self, base: str, recorder: Recorder, seed: int, deadline: float):
        self.base, self.recorder, self.deadline = base, recorder, deadline
        self.random = random.Random(seed)
        self.tab: Tab | None = None
        self.next_poll = 0.0

    def run(self) -> None:
        while time.monotonic() < self.deadline and not self.recorder.full:
            now = time.monotonic()
            if self.tab is not None and now >= self.next_poll:
                self.act("poll", self.tab.poll)
                self.next_poll = now + POLL_SECONDS
                continue
            name = "page load" if self.tab is None else self.random.choices([n for n, _ in MIX], [w for _, w in MIX])[0]
            self.act(name, getattr(self, name.replace(" ", "_")))

    def act(self, name: str, action) -> None:
        try:
            result = action()
        except Exception as error:  # refused, reset, timed out, or a response that is not JSON
            self.recorder.failure(name, error)
            self.tab = None  # start again with a fresh page
            return
        if result is not None:
            self.recorder.result(name, result)

    # The actions, as the page sends them
    def page_load(self):
        tab = Tab(self.base, timeout=30)
        search = self.random.choice(
            [
                "",
                "",
                "?event=" + self.random.choice(self._ids() or ["x"]),
                "?category=protest&from=2022-01-04",
                "?q=almaty",
            ]
        )
        result = tab.load(search)
        self.tab = tab
        return result

    def _ids(self) -> list[str]:
        if self.tab is None:
            return []
        hrefs = links(self.tab.props.get(("event-list", "children")), "event-link")
        return [urllib.parse.parse_qs(h.split("?", 1)[1])["event"][0] for h in hrefs if "event=" in h]

    def select(self):
        ids = self._ids()
        return self.tab.select(self.random.choice(ids)) if ids else self.filter()

    def click(self):
        figure = self.tab.props.get(("timeline", "figure")) or {}
        drawn = [
            (n, point, x)
            for n, trace in enumerate(figure.get("data", []))
            if trace.get("type") == "scatter" and trace.get("customdata")
            for point, x in zip(trace["customdata"], trace.get("x", []))
        ]
        if not drawn:
            return self.select()
        curve, event_id, x = self.random.choice(drawn)
        return self.tab.click_marker(str(event_id), x=str(x), curve=curve)

    def filter(self):
        tab, pick = self.tab, self.random.random()
        if pick < 0.25:
            options = [o["value"] for o in tab.props.get(("category-filter", "options")) or []]
            chosen = self.random.sample(options, k=min(len(options), self.random.randint(0, 2)))
            return tab.set_control("category-filter", chosen)
        if pick < 0.4:
            options = [o["value"] for o in tab.props.get(("source-filter", "options")) or []]
            chosen = self.random.sample(options, k=min(len(options), 1))
            return tab.set_control("source-filter", chosen)
        if pick < 0.6:
            return tab.set_control("search", self.random.choice(SEARCH_WORDS))
        if pick < 0.8:
            return tab.set_control(self.random.choice(["date-from", "date-to"]), self.random.choice(DATE_BOUNDS))
        return tab.filter(
            self.random.choice(
                [
                    "",
                    "?category=protest",
                    "?q=almaty&from=2022-01-05",
                    "?category=security&category=government",
                    "?to=2022-01-06",
                ]
            )
        )

    def zoom(self):
        day = self.random.randint(2, 12)
        width = self.random.choice([1, 2, 5])
        return self.tab.zoom(f"2022-01-{day:02d}", f"2022-01-{day + width:02d}")


# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(events: Path, workers: int, log: Path, root: Path = ROOT) -> tuple[subprocess.Popen, str]:
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, "TIMELINE_EVENTS": str(events), "TIMELINE_TITLE": "Load test"}
    # The app factory (issue 13), or the module-level app of a checkout from before it.
    app = "app:create_app()" if "def create_app" in (root / "app.py").read_text() else "app:server"
    with open(log, "w") as output:
        process = subprocess.Popen(
            [
                str(gunicorn),
                "--config",
                "gunicorn.conf.py",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                app,
            ],
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise TimeoutError("gunicorn did not answer in 120 s")


def server_cpu(process: subprocess.Popen | None) -> float | None:
    """CPU seconds (user + system) that gunicorn's arbiter and its workers have used so far, from
    /proc (Linux); None elsewhere."""
    if process is None:
        return None
    try:
        pids = [process.pid] + [
            int(p) for p in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        ]
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks
    except (OSError, ValueError):
        return None


def polls_only(base: str, process: subprocess.Popen | None, seconds: float) -> list[str]:
    """The page's poll alone, with wrk (8 connections, kept alive, as browsers keep theirs):
    lines of a table, one per kind of poll."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("--polls-only needs wrk (apt-get install wrk): a Python client cannot send fast enough")
    tab = Tab(base, timeout=30)
    tab.load()
    spec = next(c for c in tab.callbacks if c["output"] == POLL)
    kinds = []
    if spec.get("clientside_function"):  # the poll runs in the page: a GET of the version
        with urllib.request.urlopen(base + VERSION, timeout=30) as response:
            etag = response.headers["ETag"]
        kinds += [
            ("GET version, 200 (a new reader)", [base + VERSION]),
            ("GET version, If-None-Match: 304 (an open page)", ["-H", f"If-None-Match: {etag}", base + VERSION]),
        ]
    else:  # the poll is a callback: its POST, as the page sends it
        tab.props[("poll", "n_intervals")] = 1  # a tick; data-version: the page's, as it is (204)
        body = tab.body(POLL, {"poll.n_intervals": None})
        script = Path(tempfile.mkstemp(prefix="timeline-poll-", suffix=".lua")[1])
        script.write_text(
            f'wrk.method = "POST"\nwrk.body = {json.dumps(json.dumps(body))}\n'
            f'wrk.headers["Content-Type"] = "application/json"\n'
        )
        kinds += [
            ("POST poll callback (before: every open page)", ["-s", str(script), base + "/_dash-update-component"])
        ]
    lines = [
        "| poll | requests | per s (wall) | server CPU s | per CPU-second (per core) | load average |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, arguments in kinds:
        before = server_cpu(process)
        done = subprocess.run(
            [wrk, "-t1", "-c8", f"-d{seconds:g}s", *arguments],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
        used = (server_cpu(process) or 0) - (before or 0)
        count = int(re.search(r"(\d+) requests in", done).group(1))
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done).group(1))
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", done)
        per_cpu = f"{count / used:,.0f}" if before is not None and used > 0 else "n/a"
        lines.append(
            f"| {name} | {count:,} | {rate:,.0f} | {used:.1f} | {per_cpu} | "
            f"{os.getloadavg()[0]:.1f} |" + (f" ({bad.group(1)} non-2xx/3xx)" if bad else "")
        )
    return lines


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def table(samples: list[Sample], seconds: float, title: str) -> list[str]:
    groups: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        groups[s.what].append(s)
    lines = [
        f"| {title} | count | per s | errors | p50 ms | p95 ms | p99 ms | max ms | mean KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for what, group in sorted(groups.items(), key=lambda item: -len(item[1])) + [("all", samples)]:
        times = [s.seconds * 1000 for s in group if s.status]
        errors = sum(not answered(s.status) for s in group)
        size = statistics.fmean(s.bytes for s in group) / 1024 if group else 0
        name = f"**{what}**" if what == "all" else what
        lines.append(
            f"| {name} | {len(group):,} | {len(group) / seconds:,.1f} | {errors} | "
            f"{percentile(times, 50):,.1f} | {percentile(times, 95):,.1f} | "
            f"{percentile(times, 99):,.1f} | {max(times, default=float('nan')):,.1f} | {size:,.1f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20, help="concurrent readers (default 20)")
    parser.add_argument("--seconds", type=float, default=30, help="how long they read (default 30)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--events",
        type=Path,
        default=ROOT / "events.csv",
        help="the events file; a copy is served (default events.csv)",
    )
    parser.add_argument("--url", help="load an app already running on loopback instead")
    parser.add_argument("--timeout", type=float, default=30, help="wait at most this for stragglers")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="the checkout of the app to serve (default: this one), for a before/after",
    )
    parser.add_argument(
        "--polls-only",
        action="store_true",
        help="measure the page's poll alone, with wrk, against one worker (issue 13)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 200 or not 0 < args.seconds <= 600:
        parser.error("--clients runs from 1 to 200 and --seconds up to 600")

    folder = Path(tempfile.mkdtemp(prefix="timeline-load-"))
    process = None
    try:
        if args.url:
            base = args.url.rstrip("/")
            if urllib.parse.urlsplit(base).hostname not in ("127.0.0.1", "localhost", "::1"):
                parser.error("--url must be a loopback address")
            served, log = None, None
        else:
            served, log = folder / "events.csv", folder / "gunicorn.log"
            shutil.copyfile(args.events, served)
            before = hashlib.sha256(served.read_bytes()).hexdigest()
            started = time.monotonic()
            workers = 1 if args.polls_only else args.workers
            process, base = start_gunicorn(served, workers, log, args.root.resolve())
            print(
                f"gunicorn, {workers} workers, at {base}: ready in {time.monotonic() - started:.1f} s", file=sys.stderr
            )

        if args.polls_only:
            print(
                f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
                f"{time.strftime('%Y-%m-%d %H:%M:%S')}; the poll of {args.root.resolve()}, gunicorn "
                f"(gunicorn.conf.py, 1 worker), wrk -t1 -c8 for {args.seconds:g} s each"
            )
            print("\n".join(polls_only(base, process, args.seconds)))
            return 0
        warm = Tab(base, timeout=30)  # also starts the Node.js that runs the clientside callbacks
        warm.load()
        counter = warm.counter
        recorder = Recorder(args.max_requests)
        load_before = os.getloadavg()[0]
        cpu_before = server_cpu(process)
        begin = time.monotonic()
        deadline = begin + args.seconds
        readers = [Reader(base, recorder, args.seed * 1000 + n, deadline) for n in range(args.clients)]
        threads = [threading.Thread(target=r.run, daemon=True, name=f"reader-{n}") for n, r in enumerate(readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(0.0, deadline + args.timeout - time.monotonic()))
        elapsed = time.monotonic() - begin
        unfinished = sum(thread.is_alive() for thread in threads)
        load_after = os.getloadavg()[0]
        cpu_used = (server_cpu(process) or 0) - cpu_before if cpu_before is not None else None
        with recorder.lock:
            requests, actions, errors = list(recorder.requests), list(recorder.actions), list(recorder.errors)
        if unfinished:
            errors.append(f"{unfinished} readers were still waiting {args.timeout:.0f} s after the end")

        cpu = ""
        if served is not None:
            if hashlib.sha256(served.read_bytes()).hexdigest() != before:
                errors.append("the served file changed")
            stop(process)  # waited for: its CPU time (and its workers') is now our children's
            process = None
            own, server = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
            cpu = (
                f"; CPU: load generator {own.ru_utime + own.ru_stime:.1f} s, gunicorn "
                f"{server.ru_utime + server.ru_stime:.1f} s"
            )
            output = log.read_text(errors="replace")
            if "Traceback" in output or "[ERROR]" in output or "WORKER TIMEOUT" in output:
                errors.append("the server's output has errors:\n" + output[-3000:])

        print(
            f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
            f"{time.strftime('%Y-%m-%d %H:%M:%S')}, load average {load_before:.1f} before, {load_after:.1f} after"
        )
        print(
            f"# {args.clients} readers for {args.seconds:g} s against "
            f"{f'gunicorn with {args.workers} workers' if served else base}, serving "
            f"{args.events.name if served else 'its own file'} ({counter}); {elapsed:.1f} s measured{cpu}"
        )
        print(
            f"# {len(requests):,} requests, {len(requests) / elapsed:,.1f} per s; {len(actions):,} actions, "
            f"{len(actions) / elapsed:,.1f} per s; {len(errors)} errors"
        )
        if cpu_used:
            polls = sum(a.what == "poll" for a in actions)
            print(
                f"# the server's CPU while they read: {cpu_used:.1f} s; per CPU-second (per core): "
                f"{len(requests) / cpu_used:,.1f} requests, {len(actions) / cpu_used:,.1f} actions, "
                f"{(len(actions) - polls) / cpu_used:,.1f} actions other than the poll"
            )
        print()
        print("\n".join(table(actions, elapsed, "action")))
        print()
        print("\n".join(table(requests, elapsed, "request")))
        for error in errors[:20]:
            print("error:", error, file=sys.stderr)
        return 1 if errors else 0
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
