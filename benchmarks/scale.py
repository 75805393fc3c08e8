"""Issue 4: the dashboard at a million events, against the naive way on the same data.

    .venv/bin/python benchmarks/scale.py [--sizes 1000,10000,100000,1000000] [--snapshot] [--write]
    .venv/bin/python benchmarks/scale.py --profile 1000000          # where the server's time goes
    .venv/bin/python benchmarks/scale.py --browser-profile 1000000  # where Chromium's time goes

For each size (events; generate.py's generate(events=N): 20 categories, 200 outlets, 10% spans,
1-3 accounts per event, realistic text; the file is made once and reused while generate.py is
unchanged) it starts ONE gunicorn worker on 127.0.0.1 (as tests/browser/conftest.py's serve()
does, with --timeout 600 so that a slow request is measured, not killed) and measures:

- start-up: from starting gunicorn until GET / answers (the worker reads and indexes the file);
- (a) first page, through tests/dash_client.py (the requests a browser makes): the bytes
  of the response of the callback that returns timeline.figure (the figure data sent) and of
  all the first page's callback responses;
- (b) headless Chromium (Debian's, tests/browser/conftest.py's CHROMIUM_ARGS, a fresh context
  per run: cold cache): milliseconds from navigation start (performance.now() in the page)
  until the chart is drawn: #timeline .main-svg with density bands or markers in it and the
  counter reading "N of N events"; median of --draws runs;
- (c) click -> side panel: the callback that renders #sources-panel, for --clicks random events
  chosen by link (?event=ID); p50 and p95 of its time on loopback (the server's time);
- (d) filter or zoom -> new figure: --ops mixed operations (categories, outlets, a search word,
  a date bound, "Clear filters", zooms to windows from 5 years down to a day), each timing the
  callback that returns timeline.figure; p50 and p95 (also per kind);
- (e) the peak RSS (VmHWM) of the gunicorn worker (not the master) after all that, and at
  start-up.

Then the naive way on the same events (timeline.load's events table): every event its own
marker (go.Scattergl, one trace per category, hover title and id) and px.timeline bars for all
events (a point event is a bar over the day, month or year its date covers), each built in a
subprocess (--naive-build-timeout), written with plotly's bundled JS (include_plotlyjs=True)
and drawn in the same Chromium from file:// (time from navigation start until newPlot's
promise resolves and a frame has run; --naive-timeout caps a draw: "did not finish in N s").
JSON sizes are fig.to_json(); the ratios are naive / ours.

Everything runs one after another on this machine; subprocesses and page waits have timeouts,
so a run ends. --write puts the results in benchmarks/RESULTS.md, in the generated part of the
section "## A million events (issue 4)".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import numpy as np  # noqa: E402

from tests.dash_client import FIGURE, PANEL, Tab  # noqa: E402

CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
try:
    from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
except Exception:  # pytest missing: the same arguments
    CHROMIUM_ARGS = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]

TITLE = "Benchmark"
CODE = ROOT  # where the served app's code is: the working tree, or a snapshot of HEAD
SNAPSHOT = None  # the commit served with --snapshot
TARGETS = {  # issue 4, at 1M events unless said
    "figure_bytes": 1.5e6,
    "draw_ms": 3000,
    "draw_ms_100k": 1500,
    "panel_p95_ms": 50,
    "figure_p95_ms": 300,
    "rss_mb": 2048,
}
WORDS = (
    "almaty",
    "airport",
    "protesters",
    "detained",
    "checkpoint",
    "curfew",
    "witnesses",
    "kyiv",
    "reuters",
    "fuel depot",
)
SECTION = "## A million events (issue 4)"
BEGIN, END = "<!-- scale.py: generated, replaced by --write -->", "<!-- /scale.py -->"

# What "drawn" means on our page: the chart's SVG, density bands or markers in it, the counter
# showing every event. Checked every animation frame from the start of the navigation.
OURS_DRAWN = r"""
window.__drawn = null;
window.__marks = {};
(function check() {
  const now = performance.now(), marks = window.__marks;
  const mark = (name, seen) => { if (seen && !(name in marks)) marks[name] = Math.round(now); };
  const svg = document.querySelector('#timeline .main-svg');
  const content = document.querySelector('#timeline .heatmaplayer image, '
      + '#timeline .scatterlayer .trace .points path, #timeline .barlayer .point path');
  const counter = document.querySelector('#counter');
  // "1,000 of 1,000 events", "1 000 sur 1 000 événements", "1 000 / 1 000 оқиға": any language.
  const m = counter && /^(\d+)\D+?(\d+)\D*$/.exec(counter.textContent.trim().replace(/[\s,.]/g, ''));
  mark('plotly', window.Plotly); mark('svg', svg); mark('content', content); mark('counter', m);
  mark('list', document.querySelector('#event-list li'));
  if (svg && content && m && m[1] === m[2]) { window.__drawn = now; window.__count = m[2]; return; }
  requestAnimationFrame(check);
})();
"""
NAIVE_DRAWN = "requestAnimationFrame(function () { window.__drawn = performance.now(); });"


# ---------------------------------------------------------------------------------------------
# The server


class Server:
    def __init__(self, path: Path, log: Path):
        from socket import socket

        with socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "TIMELINE_EVENTS": str(path), "TIMELINE_TITLE": TITLE}
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "--workers",
            "1",
            "--timeout",
            "600",
            "--bind",
            f"127.0.0.1:{self.port}",
            "app:create_app()",
        ]
        self.log = open(log, "w")
        started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=CODE, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.startup = self._wait(started)
        self.worker = self._worker()

    def _wait(self, started: float, seconds: float = 600) -> float:
        while time.perf_counter() - started < seconds:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"{self.url} did not answer in {seconds} s")

    def _worker(self) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        if len(children) != 1:
            raise RuntimeError(f"expected one gunicorn worker, found {children}")
        return int(children[0])

    def memory_mb(self, field: str = "VmHWM") -> float:
        for line in Path(f"/proc/{self.worker}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


# ---------------------------------------------------------------------------------------------
# Chromium


class Browser:
    """Debian's Chromium through Playwright; relaunched after a page that would not stop."""

    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._launch()

    def _launch(self):
        self.browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.version = self.browser.version

    def restart(self):
        try:
            self.browser.close()
        except Exception:
            pass
        self._launch()

    def close(self):
        try:
            self.browser.close()
        finally:
            self._playwright.stop()

    def draw(self, url: str, init: str | None, timeout: float) -> dict:
        """Open url in a fresh context; wait for window.__drawn; its value in ms, or why not."""
        context = self.browser.new_context(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        try:
            page = context.new_page()
            if init:
                page.add_init_script(init)
            crashed = []
            page.on("crash", lambda *_: crashed.append(True))
            page.goto(url, wait_until="commit", timeout=timeout * 1000)
            remaining = max(timeout - (time.perf_counter() - started), 1)
            page.wait_for_function(
                "() => window.__drawn !== null && window.__drawn !== undefined", timeout=remaining * 1000, polling=100
            )
            result = page.evaluate("""() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const calls = performance.getEntriesByType('resource')
                    .filter(e => e.name.includes('_dash-update-component'))
                    .map(e => ({start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize}));
                return {drawn: window.__drawn, count: window.__count || null, marks: window.__marks || {},
                        dcl: nav ? nav.domContentLoadedEventEnd : null, calls};
            }""")
            context.close()
            return result
        except Exception as error:  # timeout, crash, navigation failure
            waited = time.perf_counter() - started
            what = "crashed" if "crash" in str(error).lower() else "did not finish"
            self.restart()  # the renderer may still be busy: start clean
            return {"drawn": None, "error": f"{what} in {waited:.0f} s"}


# ---------------------------------------------------------------------------------------------
# Measurements


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else float("nan")


def until(result, prop: str) -> float | None:
    """ms from the user's action until the callback returning `prop` answered: the calls of
    the action before it and itself, one after another as one sync worker serves them (the
    browser sends the panel's request before the figure's)."""
    total = 0.0
    for call in result.calls:
        total += call.seconds
        if call.returns(prop):
            return total * 1000
    return None


def event_ids(path: Path) -> np.ndarray:
    import pyarrow.csv as pv

    table = pv.read_csv(path, convert_options=pv.ConvertOptions(include_columns=["id"]))
    return np.unique(table.column("id").to_numpy(zero_copy_only=False))


def first_page(url: str, events: int) -> dict:
    result = Tab(url).load()
    figure = result.call(FIGURE)
    fig = (figure.response or {}).get("response", {}).get("timeline", {}).get("figure") if figure else None
    kinds = sorted({t.get("type", "?") for t in (fig or {}).get("data", [])})
    counter = result.tab.counter
    ok = result.status == 200 and fig is not None and counter == f"{events:,} of {events:,} events"
    return {
        "status": result.status,
        "ok": ok,
        "counter": counter,
        "traces": kinds,
        "figure_bytes": figure.bytes if figure else 0,
        "callback_bytes": sum(c.bytes for c in result.calls),
        "get_bytes": sum(g[2] for g in result.gets),
        "calls": [(c.output[:40], c.status, c.bytes, round(c.seconds * 1000, 1)) for c in result.calls],
    }


def clicks(url: str, ids: np.ndarray, count: int, rng) -> dict:
    tab = Tab(url).load().tab
    panel, chain, whole, bad = [], [], [], 0
    for event in rng.choice(ids, size=min(count, len(ids)), replace=False):
        result = tab.select(str(event))
        call = result.call(PANEL)
        text = json.dumps(call.response) if call and call.response else ""
        if not call or call.status != 200 or '"event-title"' not in text:
            bad += 1
        if call:
            panel.append(call.seconds * 1000)
            chain.append(until(result, PANEL))
        whole.append(result.seconds * 1000)
    return {
        "n": len(panel),
        "bad": bad,
        "p50": percentile(panel, 50),
        "p95": percentile(panel, 95),
        "max": max(panel, default=float("nan")),
        "chain_p50": percentile(chain, 50),
        "chain_p95": percentile(chain, 95),
        "all_p50": percentile(whole, 50),
        "all_p95": percentile(whole, 95),
    }


def operations(url: str, count: int, rng) -> dict:
    """Mixed filter and zoom operations, as a viewer would do them one after another."""
    tab = Tab(url).load().tab
    categories = [o["value"] for o in tab.props.get(("category-filter", "options")) or []]
    outlets = [o["value"] for o in tab.props.get(("source-filter", "options")) or []]
    first, last = dt.datetime(2018, 1, 1), dt.datetime(2025, 1, 1)
    span = (last - first).total_seconds()
    done: list[tuple] = []  # kind, figure ms, panel ms, counter, bytes, ms until the figure
    missing: list[str] = []  # operations that brought no new figure (should not happen)

    def timed(kind: str, result):
        figure = result.call(FIGURE)
        panel = result.call(PANEL)
        if figure is None or figure.status != 200 or figure.bytes < 100:
            missing.append(f"{kind} {tab.search} {figure and (figure.status, figure.bytes)}")
            return
        done.append(
            (
                kind,
                figure.seconds * 1000,
                panel.seconds * 1000 if panel else float("nan"),
                tab.counter,
                figure.bytes,
                until(result, FIGURE),
                "q=" in tab.search,
            )
        )

    def some_date():
        return first + dt.timedelta(seconds=float(rng.uniform(0, span)))

    kinds = KINDS
    weights = np.array([2, 2, 2, 2, 3, 0.5])

    def control(kind: str, name: str, value):
        """Set a control, unless it already holds that value (that changes nothing)."""
        if (tab.props.get((name, "value")) or type(value)()) != value:
            timed(kind, tab.set_control(name, value))

    while len(done) + len(missing) < count:
        kind = kinds[rng.choice(len(kinds), p=weights / weights.sum())]
        clear = rng.random() < 0.25
        if kind == "category":
            value = [] if clear else list(rng.choice(categories, size=int(rng.integers(1, 4)), replace=False))
            control(kind, "category-filter", value)
        elif kind == "outlet":
            value = [] if clear else list(rng.choice(outlets[:60], size=int(rng.integers(1, 3)), replace=False))
            control(kind, "source-filter", value)
        elif kind == "search":
            control(kind, "search", "" if clear else str(rng.choice(WORDS)))
        elif kind == "dates":
            start = some_date()
            end = start + dt.timedelta(days=float(np.exp(rng.uniform(np.log(7), np.log(3 * 365)))))
            form = "%Y-%m-%d" if rng.random() < 0.7 else "%Y-%m"
            control(kind, "date-from", "" if clear else start.strftime(form))
            control(kind, "date-to", "" if clear else end.strftime(form))
        elif kind == "zoom":
            width = float(np.exp(rng.uniform(np.log(86_400), np.log(5 * 365 * 86_400))))
            low = first + dt.timedelta(seconds=float(rng.uniform(0, max(span - width, 1))))
            timed(kind, tab.zoom(low, low + dt.timedelta(seconds=width)))
        elif tab.search.strip("?"):
            timed(kind, tab.click("clear-filters"))
    ms = [d[1] for d in done]
    chain = [d[5] for d in done]
    per_kind = {}
    for kind in sorted({d[0] for d in done}):
        values = [d[1] for d in done if d[0] == kind]
        chained = [d[5] for d in done if d[0] == kind]
        per_kind[kind] = {
            "n": len(values),
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "max": max(values),
            "chain_p50": percentile(chained, 50),
            "chain_p95": percentile(chained, 95),
            "chain_max": max(chained),
        }
    shown = [int(d[3].split(" of ")[0].replace(",", "")) for d in done if " of " in d[3]]
    panels = [d[2] for d in done if d[0] != "zoom"]
    with_text = [d[5] for d in done if d[0] != "zoom" and d[6]]
    without_text = [d[5] for d in done if d[0] != "zoom" and not d[6]]
    return {
        "n": len(done),
        "no_figure": len(missing),
        "no_figure_examples": missing[:5],
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "max": max(ms, default=float("nan")),
        "per_kind": per_kind,
        "chain_p50": percentile(chain, 50),
        "chain_p95": percentile(chain, 95),
        "panel_p50": percentile(panels, 50),
        "panel_p95": percentile(panels, 95),
        "filters_with_text": {
            "n": len(with_text),
            "chain_p50": percentile(with_text, 50),
            "chain_p95": percentile(with_text, 95),
        },
        "filters_without_text": {
            "n": len(without_text),
            "chain_p50": percentile(without_text, 50),
            "chain_p95": percentile(without_text, 95),
        },
        "shown_median": int(np.median(shown)) if shown else 0,
        "shown_min": min(shown, default=0),
        "shown_max": max(shown, default=0),
        "figure_kb_max": max((d[4] for d in done), default=0) / 1e3,
    }


def draws_ours(
    browser: Browser, url: str, runs: int, events: int, timeout: float, queries: tuple[str, ...] = ("",)
) -> dict:
    """Our page drawn `runs` times; with several queries (?lang=fr...), each in turn, `runs` times
    each, and their draws under "by_query" (the first query's are the row's)."""
    if len(queries) > 1:
        by_query = {q: [] for q in queries}
        for _ in range(runs):
            for query in queries:
                by_query[query].append(draws_ours(browser, url, 1, events, timeout, (query,)))
        merged = {
            q: {
                "runs": runs,
                "all": [t for d in draws for t in d["all"]],
                "details": [x for d in draws for x in d["details"]],
            }
            for q, draws in by_query.items()
        }
        for draw in merged.values():
            draw["ms"] = statistics.median(draw["all"]) if draw["all"] else None
        return {**merged[queries[0]], "by_query": merged}
    times, details = [], []
    for _ in range(runs):
        result = browser.draw(url + "/" + queries[0], OURS_DRAWN, timeout)
        if result.get("drawn") is None:
            details.append(result.get("error"))
            continue
        if result.get("count") != str(events):
            details.append(f"counter said {result.get('count')}")
            continue
        times.append(result["drawn"])
        calls = result.get("calls") or []
        before = [c for c in calls if c["end"] <= result["drawn"]]
        details.append(
            {
                "dcl": round(result.get("dcl") or 0),
                "first_call": round(calls[0]["start"]) if calls else None,
                "last_response": round(max(c["end"] for c in before)) if before else None,
                "calls_before": len(before),
                **result.get("marks", {}),
                "drawn": round(result["drawn"]),
            }
        )
    return {
        "runs": runs,
        "ms": statistics.median(times) if times else None,
        "all": [round(t) for t in times],
        "details": details,
    }


# ---------------------------------------------------------------------------------------------
# The naive way


def naive_build(kind: str, csv: str, out: str) -> None:
    """In a subprocess: build one naive figure from the events, write it as HTML; print JSON."""
    import pandas as pd
    import plotly.express as px
    import plotly.graph_objects as go

    from timeline.load import load

    started = time.perf_counter()
    events = load(csv).events
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    if kind == "scattergl":
        figure = go.Figure()
        for category, group in events.groupby("category", sort=False):
            figure.add_trace(
                go.Scattergl(
                    x=group["start"],
                    y=group["category"],
                    mode="markers",
                    name=str(category),
                    hovertext=group["title"],
                    customdata=group["id"],
                    hoverinfo="text+x",
                )
            )
    else:
        frame = pd.DataFrame(
            {
                "start": events["start"],
                "finish": events["last"] + pd.Timedelta(seconds=1),
                "category": events["category"],
                "title": events["title"],
                "id": events["id"],
            }
        )
        figure = px.timeline(
            frame,
            x_start="start",
            x_end="finish",
            y="category",
            color="category",
            hover_name="title",
            custom_data=["id"],
        )
    figure.update_layout(height=1100, title=f"naive {kind}: {len(events):,} events")
    text = figure.to_json()
    built = time.perf_counter() - started
    figure.write_html(out, include_plotlyjs=True, full_html=True, post_script=NAIVE_DRAWN)
    print(
        json.dumps(
            {
                "kind": kind,
                "events": len(events),
                "load_s": loaded,
                "build_s": built,
                "json_bytes": len(text.encode()),
                "html_bytes": os.path.getsize(out),
            }
        )
    )


def draw_in_subprocess(url: str, timeout: float) -> dict:
    """One draw in a Chromium of its own, in a process group of its own: a page whose script
    runs for minutes blocks Playwright's own timeouts, so the deadline is enforced from here by
    ending that group (this script's own child and the Chromium it started)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--draw-file", url, str(timeout)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = child.communicate(timeout=timeout + 30)  # + Chromium's start and stop
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return {"drawn": None, "error": f"did not finish in {timeout:.0f} s"}
    lines = out.strip().splitlines()
    if child.returncode != 0 or not lines:
        return {
            "drawn": None,
            "error": f"failed after {time.perf_counter() - started:.0f} s: "
            f"{(err.strip().splitlines() or ['?'])[-1][:200]}",
        }
    result = json.loads(lines[-1])
    if (
        result.get("drawn") is not None
        and result["drawn"] > timeout * 1000
        or "did not finish" in (result.get("error") or "")
    ):
        return {"drawn": None, "error": f"did not finish in {timeout:.0f} s"}
    return result


def draw_file(url: str, timeout: str) -> None:
    """In a subprocess: draw one page, print the result as JSON."""
    browser = Browser()
    try:
        print(json.dumps(browser.draw(url, None, float(timeout))))
    finally:
        browser.close()


def naive(browser: Browser, path: Path, events: int, workdir: Path, args) -> dict:
    results = {}
    runs = args.naive_runs or (3 if events <= 10_000 else 1)
    for kind in ("scattergl", "timeline"):
        out = workdir / f"naive-{kind}-{events}.html"
        entry = {"kind": kind}
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--naive-build", kind, str(path), str(out)],
                capture_output=True,
                text=True,
                timeout=args.naive_build_timeout,
                cwd=ROOT,
                env={**os.environ, "TIMELINE_SCALE_CODE": str(CODE)},
            )
            if done.returncode != 0:
                entry["error"] = f"build failed: {done.stderr.strip().splitlines()[-1:]}"
            else:
                entry.update(json.loads(done.stdout.strip().splitlines()[-1]))
        except subprocess.TimeoutExpired:
            entry["error"] = f"build did not finish in {args.naive_build_timeout} s"
        if "error" not in entry:
            times, errors = [], []
            for _ in range(runs):
                drawn = draw_in_subprocess(out.as_uri(), args.naive_timeout)
                if drawn.get("drawn") is None:
                    errors.append(drawn.get("error"))
                    break  # one failure is enough: the next would fail too
                times.append(drawn["drawn"])
            entry["draw_ms"] = statistics.median(times) if times else None
            entry["draw_all"] = [round(t) for t in times]
            entry["draw_error"] = errors[0] if errors else None
            entry["runs"] = runs
        out.unlink(missing_ok=True)
        results[kind] = entry
        print(f"    naive {kind}: {entry}", file=sys.stderr)
    return results


# ---------------------------------------------------------------------------------------------
# One size


def run_size(events: int, args, browser: Browser, workdir: Path) -> dict:
    rng = np.random.default_rng(args.seed + events)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    existed = generate.default_path(events=events).exists()
    path = generate.ensure(events=events)
    made = time.perf_counter() - started
    row = {
        "events": events,
        "file_mb": path.stat().st_size / 1e6,
        "generated_s": None if existed and made < 1 else round(made, 1),
    }
    print(
        f"{events:,} events: {path.name}, {row['file_mb']:.0f} MB"
        f"{'' if row['generated_s'] is None else f' (generated in {made:.1f} s)'}",
        file=sys.stderr,
    )
    ids = event_ids(path)
    row["rows"] = None
    server = Server(path, workdir / f"gunicorn-{events}.log")
    try:
        row["startup_s"] = server.startup
        row["startup_rss_mb"] = server.memory_mb("VmHWM")
        print(
            f"  start-up {server.startup:.1f} s, worker {server.worker}, peak RSS {row['startup_rss_mb']:.0f} MB",
            file=sys.stderr,
        )
        row["first_page"] = first_page(server.url, len(ids))
        print(f"  (a) first page: {row['first_page']}", file=sys.stderr)
        row["draw"] = draws_ours(
            browser, server.url, args.draws, len(ids), args.draw_timeout, tuple(args.query or [""])
        )
        print(f"  (b) draw: {row['draw']}", file=sys.stderr)
        for query, draw in row["draw"].get("by_query", {}).items():
            print(f"draw at {query or '/'}: median {draw['ms']} ms, each {draw['all']} (alternating)")
        if args.warm:  # a viewer's first search starts the search's sequences (a thread, 5-8 s)
            print(f"  one search, then {args.warm:.0f} s for the worker's background builds", file=sys.stderr)
            tab = Tab(server.url).load().tab
            tab.set_control("search", WORDS[0])
            tab.set_control("search", "")
            time.sleep(args.warm)
        row["warm_s"] = args.warm
        row["clicks"] = clicks(server.url, ids, args.clicks, rng)
        print(f"  (c) click -> panel: {row['clicks']}", file=sys.stderr)
        row["ops"] = operations(server.url, args.ops, rng)
        print(f"  (d) filter/zoom -> figure: {row['ops']}", file=sys.stderr)
        row["rss_mb"] = server.memory_mb("VmHWM")
        row["rss_now_mb"] = server.memory_mb("VmRSS")
        print(f"  (e) worker peak RSS {row['rss_mb']:.0f} MB, now {row['rss_now_mb']:.0f} MB", file=sys.stderr)
    finally:
        server.stop()
    row["load_average"] = (round(load_before, 1), round(os.getloadavg()[0], 1))
    if not args.no_naive:
        row["naive"] = naive(browser, path, len(ids), workdir, args)
    row["events"] = len(ids)
    return row


# ---------------------------------------------------------------------------------------------
# Output


def _ms(value) -> str:
    return "-" if value is None or value != value else f"{value:,.0f}"


def _mb(value) -> str:
    return "-" if value is None else f"{value / 1e6:,.2f}"


def _ratio(a, b) -> str:
    return "-" if not a or not b else f"{a / b:,.0f}x" if a / b >= 10 else f"{a / b:,.1f}x"


def tables(rows: list[dict]) -> str:
    failed = [r for r in rows if "error" in r]
    rows = [r for r in rows if "error" not in r]
    notes = [f"{r['events']:,} events: failed: {r['error']} {' / '.join(r.get('log') or [])}" for r in failed]
    return "\n".join(notes + ([""] if notes else [])) + _tables(rows)


def _tables(rows: list[dict]) -> str:
    out = [
        "| events | file MB | start-up s | figure sent KB | first-page callbacks KB | draw ms (median of runs) "
        "| click -> panel: panel callback p50 / p95 ms | the same, from the click (+ navigate) "
        "| filter/zoom -> figure: figure callback p50 / p95 ms | the same, from the change (+ navigate, panel) "
        "| worker peak RSS MB (at start-up; at the end) | load average (start; end) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        fp, d, c, o = r["first_page"], r["draw"], r["clicks"], r["ops"]
        draw = _ms(d["ms"]) if d["ms"] is not None else "; ".join(str(x) for x in d["details"])
        out.append(
            f"| {r['events']:,} | {r['file_mb']:,.0f} | {r['startup_s']:.1f} | {fp['figure_bytes'] / 1e3:,.0f} "
            f"| {fp['callback_bytes'] / 1e3:,.0f} | {draw} | {_ms(c['p50'])} / {_ms(c['p95'])} "
            f"| {_ms(c['chain_p50'])} / {_ms(c['chain_p95'])} | {_ms(o['p50'])} / {_ms(o['p95'])} "
            f"| {_ms(o['chain_p50'])} / {_ms(o['chain_p95'])} "
            f"| {r['rss_mb']:,.0f} ({r['startup_rss_mb']:,.0f}; {r['rss_now_mb']:,.0f}) "
            f"| {r['load_average'][0]}; {r['load_average'][1]} |"
        )
    out += [
        "",
        "Where the first page's time goes in Chromium (ms from navigation start, the median run): "
        "scripts run (DOMContentLoaded), first callback sent, last first-page callback answered, "
        "plotly.js ready, list and counter shown, chart drawn:",
        "",
        "| events | DOMContentLoaded | first callback | last answer | plotly.js ready | list, counter | drawn |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        runs = [x for x in r["draw"]["details"] if isinstance(x, dict)]
        if not runs:
            continue
        median = sorted(runs, key=lambda x: x["drawn"])[len(runs) // 2]
        out.append(
            f"| {r['events']:,} | "
            + " | ".join(
                _ms(median.get(k)) for k in ("dcl", "first_call", "last_response", "plotly", "counter", "drawn")
            )
            + " |"
        )
    out += [
        "",
        "Filter and zoom per kind of operation: the figure callback p50 / p95 ms, then p95 from the "
        "change until the figure answered, (n):",
        "",
        "| events | " + " | ".join(KINDS) + " | panel callback of the filters, p50 / p95 ms "
        "| filters with a search word in force: from the change to the figure, p50 / p95 (n) | without |",
        "|---:|" + "---:|" * (len(KINDS) + 3),
    ]
    for r in rows:
        cells = []
        for kind in KINDS:
            k = r["ops"]["per_kind"].get(kind)
            cells.append("-" if not k else f"{_ms(k['p50'])} / {_ms(k['p95'])}, {_ms(k['chain_p95'])} ({k['n']})")
        w, wo = r["ops"].get("filters_with_text", {}), r["ops"].get("filters_without_text", {})
        out.append(
            f"| {r['events']:,} | "
            + " | ".join(cells)
            + f" | {_ms(r['ops']['panel_p50'])} / {_ms(r['ops']['panel_p95'])} "
            + f"| {_ms(w.get('chain_p50'))} / {_ms(w.get('chain_p95'))} ({w.get('n', 0)}) "
            + f"| {_ms(wo.get('chain_p50'))} / {_ms(wo.get('chain_p95'))} ({wo.get('n', 0)}) |"
        )
    if any("naive" in r for r in rows):
        out += [
            "",
            "The naive way on the same events, and the ratios naive / ours (ours: the figure "
            "callback's response, the draw's median):",
            "",
            "| events | Scattergl JSON MB | build s | draw ms | px.timeline JSON MB | build s | draw ms "
            "| JSON: Scattergl / ours, px.timeline / ours | draw: Scattergl / ours, px.timeline / ours |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            if "naive" not in r:
                continue
            ours_bytes, ours_ms = r["first_page"]["figure_bytes"], r["draw"]["ms"]
            cells, json_ratio, draw_ratio = [], [], []
            for kind in ("scattergl", "timeline"):
                n = r["naive"][kind]
                if n.get("error"):
                    cells += [n["error"], "-", "-"]
                    json_ratio.append("-")
                    draw_ratio.append("-")
                    continue
                draw = _ms(n.get("draw_ms")) if n.get("draw_ms") is not None else n.get("draw_error") or "-"
                cells += [_mb(n["json_bytes"]), f"{n['build_s']:.1f}", draw]
                json_ratio.append(_ratio(n["json_bytes"], ours_bytes))
                waited = _seconds(n.get("draw_error"))
                draw_ratio.append(
                    _ratio(n.get("draw_ms"), ours_ms)
                    if n.get("draw_ms") is not None
                    else f"> {_ratio(waited * 1000, ours_ms)}"
                    if waited
                    else "-"
                )
            out.append(
                f"| {r['events']:,} | " + " | ".join(cells) + f" | {', '.join(json_ratio)} | {', '.join(draw_ratio)} |"
            )
    return "\n".join(out)


KINDS = ("category", "outlet", "search", "dates", "zoom", "clear")


def _seconds(text) -> float | None:
    found = re.search(r"in (\d+) s", text or "")
    return float(found.group(1)) if found else None


def targets(rows: list[dict]) -> str:
    by = {r["events"]: r for r in rows if "error" not in r}
    if not by:
        return ""
    big = by[max(by)]
    n = f"{big['events']:,}"
    out = ["| target (issue 4) | measured | met |", "|---|---:|---|"]

    def line(name, value, limit, unit):
        met = value is not None and value == value and value <= limit
        out.append(f"| {name} | {_ms(value)} {unit} | {'yes' if met else '**no**'} |")

    line(f"{n} events: figure data sent at most 1.5 MB", big["first_page"]["figure_bytes"] / 1e3, 1500, "KB")
    line(
        f"{n}: timeline drawn in Chromium within 3 s of navigation (median)",
        big["draw"]["ms"],
        TARGETS["draw_ms"],
        "ms",
    )
    if 100_000 in by:
        line("100,000: drawn within 1.5 s (median)", by[100_000]["draw"]["ms"], TARGETS["draw_ms_100k"], "ms")
    line(
        f"{n}: click -> side panel, server p95 at most 50 ms: the panel callback",
        big["clicks"]["p95"],
        TARGETS["panel_p95_ms"],
        "ms",
    )
    line(
        f"{n}: the same, from the click (navigate, then the panel callback)",
        big["clicks"]["chain_p95"],
        TARGETS["panel_p95_ms"],
        "ms",
    )
    line(
        f"{n}: filter or zoom -> new figure, p95 at most 300 ms: the figure callback",
        big["ops"]["p95"],
        TARGETS["figure_p95_ms"],
        "ms",
    )
    line(
        f"{n}: the same, from the change until the figure answered (navigate, panel, figure on one worker)",
        big["ops"]["chain_p95"],
        TARGETS["figure_p95_ms"],
        "ms",
    )
    line(f"{n}: peak RSS of one worker at most 2 GB (2,048 MB)", big["rss_mb"], TARGETS["rss_mb"], "MB")
    return "\n".join(out)


def machine() -> str:
    memory = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    return f"{os.cpu_count()} cores ({model}), {memory / 2**20:.0f} GiB, Linux {platform.release()}"


def revision() -> str:
    if SNAPSHOT:
        return f"{SNAPSHOT} (served from a snapshot of that commit: uncommitted changes left out)"
    return working_tree()


def snapshot(directory: Path) -> str:
    """HEAD's files, as committed, in `directory` (git archive: the repository is not touched)."""
    global CODE, SNAPSHOT
    directory.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive, check=True)
    CODE = directory
    SNAPSHOT = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return SNAPSHOT


def working_tree() -> str:
    def git(*a):
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    status = subprocess.run(
        ["git", "status", "--porcelain", "--", "timeline", "app.py"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    dirty = [line[3:] for line in status.splitlines() if line.strip()]
    head = git("rev-parse", "--short", "HEAD")
    return head + (f", with uncommitted changes to {', '.join(dirty)}" if dirty else "")


def versions() -> str:
    from importlib.metadata import version

    return ", ".join(f"{p} {version(p)}" for p in ("dash", "plotly", "pandas", "pyarrow", "numpy", "gunicorn"))


def context(command: str, chromium: str, seconds: float) -> dict:
    return {
        "command": command,
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "minutes": round(seconds / 60, 1),
        "machine": machine(),
        "python": platform.python_version(),
        "versions": versions(),
        "chromium": chromium,
        "revision": revision(),
    }


def report(rows: list[dict], about: dict) -> str:
    return "\n".join(
        [
            f"`{about['command']}`, {about['date']}, {about['minutes']} min; {about['machine']}; "
            f"Python {about['python']}, {about['versions']}, Chromium {about['chromium']}; "
            f"code at {about['revision']}.",
            "",
            tables(rows),
            "",
            targets(rows),
        ]
    )


def write_results(text: str) -> None:
    path = HERE / "RESULTS.md"
    current = path.read_text() if path.exists() else "# Benchmark results\n"
    block = f"{BEGIN}\n{text}\n{END}"
    if SECTION not in current:
        current = current.rstrip("\n") + f"\n\n{SECTION}\n\n{block}\n"
    elif BEGIN in current and END in current:
        current = current[: current.index(BEGIN)] + block + current[current.index(END) + len(END) :]
    else:
        at = current.index(SECTION) + len(SECTION)
        current = current[:at] + f"\n\n{block}" + current[at:]
    path.write_text(current)


# ---------------------------------------------------------------------------------------------
# Profiles of the server's code on the same requests


def profile(events: int, top: int) -> None:
    """Run the app in this process and profile the slow requests (cProfile, cumulative)."""
    import cProfile
    import pstats

    from timeline.app import create_app

    path = generate.ensure(events=events)
    started = time.perf_counter()
    app = create_app(path, TITLE)
    print(f"create_app (load + index): {time.perf_counter() - started:.1f} s")
    tab = Tab(app)  # in-process: the same requests, through Flask's test client
    tab.load()
    ids = event_ids(path)
    rng = np.random.default_rng(0)
    categories = [o["value"] for o in tab.props.get(("category-filter", "options")) or []]

    def clear_filters():
        return tab.click("clear-filters")

    cases = [
        ("select an event (panel)", lambda: tab.select(str(rng.choice(ids))), PANEL),
        ("select another event (panel)", lambda: tab.select(str(rng.choice(ids))), PANEL),
        ("close the panel (overview)", lambda: tab.filter(""), PANEL),
        (f"category {categories[1]!r}", lambda: tab.set_control("category-filter", [categories[1]]), FIGURE),
        ("Clear filters", clear_filters, FIGURE),
        ("date from 2022-01", lambda: tab.set_control("date-from", "2022-01"), FIGURE),
        ("Clear filters", clear_filters, FIGURE),
        ("search 'protesters'", lambda: tab.set_control("search", "protesters"), FIGURE),
        ("Clear filters", clear_filters, FIGURE),
        ("outlet 'Reuters'", lambda: tab.set_control("source-filter", ["Reuters"]), FIGURE),
        ("zoom to a month", lambda: tab.zoom("2022-01-01", "2022-02-01"), FIGURE),
        ("Clear filters", clear_filters, FIGURE),
    ]
    for name, action, _key in cases:
        profiler = cProfile.Profile()
        profiler.enable()
        result = action()
        profiler.disable()
        parts = ", ".join(f"{c.output[:28]}: {c.seconds * 1000:.0f} ms" for c in result.calls)
        print(f"\n## {name}: {result.seconds * 1000:.0f} ms in all ({parts})")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(r"timeline/", top)


def browser_profile(events: int, top: int) -> None:
    """Where Chromium spends the first page's time: a CPU profile (DevTools protocol) from
    navigation until the chart is drawn, self time summed per script and per function."""
    path = generate.ensure(events=events)
    server = Server(path, Path(tempfile.gettempdir()) / "timeline-scale-profile.log")
    browser = Browser()
    try:
        context = browser.browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.add_init_script(OURS_DRAWN)
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})
        cdp.send("Profiler.start")
        page.goto(server.url + "/", wait_until="commit")
        page.wait_for_function("() => window.__drawn", timeout=120_000, polling=100)
        drawn = page.evaluate("() => [window.__drawn, window.__marks]")
        profile = cdp.send("Profiler.stop")["profile"]
        context.close()
    finally:
        browser.close()
        server.stop()
    nodes = {n["id"]: n for n in profile["nodes"]}
    interval = {}
    samples, deltas = profile.get("samples", []), profile.get("timeDeltas", [])
    for sample, delta in zip(samples[1:], deltas[1:]):
        interval[sample] = interval.get(sample, 0) + delta / 1000
    by_script, by_function = {}, {}
    for node_id, ms in interval.items():
        frame = nodes[node_id]["callFrame"]
        script = frame["url"].split("/")[-1].split("?")[0] or f"({frame['functionName'] or 'program'})"
        by_script[script] = by_script.get(script, 0) + ms
        name = f"{frame['functionName'] or '(anonymous)'} {script}:{frame['lineNumber']}"
        by_function[name] = by_function.get(name, 0) + ms
    print(f"{events:,} events: drawn at {drawn[0]:.0f} ms, marks {drawn[1]}; {sum(interval.values()):.0f} ms sampled")
    print("\nself time per script (ms):")
    for script, ms in sorted(by_script.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {ms:8.0f}  {script}")
    print("\nself time per function (ms):")
    for name, ms in sorted(by_function.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {ms:8.0f}  {name[:110]}")


def wait_quiet(limit: float, seconds: float) -> float:
    """Wait (at most `seconds`) until the 1-minute load average is below `limit`; returns it."""
    deadline = time.monotonic() + seconds
    while os.getloadavg()[0] >= limit and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()[0]


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--naive-build"]:
        sys.path.insert(0, os.environ.get("TIMELINE_SCALE_CODE", str(ROOT)))
        naive_build(*argv[1:4])
        return 0
    if argv[:1] == ["--draw-file"]:
        draw_file(*argv[1:3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="events per file, comma-separated")
    parser.add_argument("--draws", type=int, default=3, help="Chromium draws of our page per size (median)")
    parser.add_argument("--clicks", type=int, default=100, help="random events selected per size")
    parser.add_argument("--ops", type=int, default=100, help="filter and zoom operations per size")
    parser.add_argument(
        "--query",
        action="append",
        metavar="?Q",
        help="draw our page at this query (e.g. ?lang=fr); given more than once, each "
        "in turn, --draws times each (e.g. --query ?lang=en --query ?lang=fr)",
    )
    parser.add_argument("--draw-timeout", type=float, default=120, help="s to wait for our chart")
    parser.add_argument("--naive-timeout", type=float, default=120, help="s to wait for a naive draw")
    parser.add_argument("--naive-build-timeout", type=float, default=600, help="s to build a naive figure")
    parser.add_argument(
        "--naive-runs", type=int, default=0, help="naive draws per size (default: 3 up to 10k events, else 1)"
    )
    parser.add_argument("--no-naive", action="store_true", help="skip the naive way")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", action="store_true", help="write the results into benchmarks/RESULTS.md")
    parser.add_argument("--json", help="also save the raw results here")
    parser.add_argument(
        "--from-json", metavar="FILE", help="no run: print (and with --write, write) the results saved by --json"
    )
    parser.add_argument(
        "--profile", type=int, metavar="EVENTS", help="only profile the server's code on the slow requests at this size"
    )
    parser.add_argument(
        "--browser-profile",
        type=int,
        metavar="EVENTS",
        help="only profile Chromium drawing the first page at this size",
    )
    parser.add_argument("--top", type=int, default=25, help="functions per profile")
    parser.add_argument(
        "--quiet",
        type=float,
        default=0,
        metavar="SECONDS",
        help="before each size, wait at most this long for the load average to fall "
        "below --quiet-load (other work on the machine skews the timings)",
    )
    parser.add_argument("--quiet-load", type=float, default=1.0)
    parser.add_argument(
        "--warm",
        type=float,
        default=0,
        metavar="SECONDS",
        help="after the draws, search once and wait this long before the clicks and the filter "
        "changes: the steady state (a worker's first search starts building the "
        "search's sequences in a thread; until then a search reads every account)",
    )
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="serve the app from a copy of HEAD as committed (git archive), so that "
        "edits made to the working tree during the run do not change what is measured",
    )
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile, args.top)
        return 0
    if args.browser_profile:
        browser_profile(args.browser_profile, args.top)
        return 0
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text())
        text = report(saved["rows"], saved["about"])
        print(text)
        if args.write:
            write_results(text)
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    command = ".venv/bin/python benchmarks/scale.py" + (" " + " ".join(argv) if argv else "")
    workdir = Path(tempfile.mkdtemp(prefix="timeline-scale-"))
    if args.snapshot:
        print(f"serving a snapshot of {snapshot(workdir / 'code')}", file=sys.stderr)
    started = time.perf_counter()
    browser = Browser()
    rows = []
    try:
        for events in sizes:
            if args.quiet:
                load = wait_quiet(args.quiet_load, args.quiet)
                print(f"load average {load:.1f} before {events:,} events", file=sys.stderr)
            try:
                rows.append(run_size(events, args, browser, workdir))
            except Exception as error:  # the app failed to start or to answer: say so, go on
                logs = sorted(workdir.glob(f"gunicorn-{events}.log"))
                tail = logs[0].read_text().strip().splitlines()[-3:] if logs else []
                rows.append({"events": events, "error": f"{type(error).__name__}: {error}"[:300], "log": tail})
                print(f"  failed: {rows[-1]}", file=sys.stderr)
            print(tables(rows), file=sys.stderr)
    finally:
        chromium = browser.version
        browser.close()
        shutil.rmtree(workdir, ignore_errors=True)
    about = context(command, chromium, time.perf_counter() - started)
    text = report(rows, about)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps({"about": about, "rows": rows}, indent=1, default=str))
    if args.write:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
