"""Issue 10: the dashboard against vis-timeline 8.5 drawing the same events, side by side.

    .venv/bin/python benchmarks/vs_vis_timeline.py [--sizes 1000,10000,100000] [--runs 3]
                                                   [--vis-timeout 30] [--snapshot DIR] [--before DIR]
                                                   [--ports 8250-8299]

For each size (events; generate.py's generate(events=N), made once and reused) it serves:

- our app: ONE gunicorn worker on 127.0.0.1 (scale.py's Server), on that file;
- vis-timeline: a static page on 127.0.0.1 (Python's http.server, in this process) that loads
  vis-timeline's standalone build and draws the same events: one item per event, its content the
  title (HTML-escaped), its group the category (lanes in our order), a span as a range from its
  date to its end date, a point as a box at the moment we draw it; stacking on (vis-timeline's
  default), the same opening window as ours (timeline.view.figure.view_window with no filter),
  times shown in UTC (as written, as ours are).

vis-timeline is installed with npm (`npm install vis-timeline@8.5`, with its peer dependencies)
into benchmarks/.cache/ (git-ignored), once; nothing of it goes into assets/ or the repository.

Each run opens a fresh Chromium, in a child process killed at the timeout (Debian's Chromium, tests/browser/conftest.py's
arguments, 1400 x 900, cold cache) and measures the milliseconds from navigation start
(performance.now() in the page) until the chart has drawn:

- ours: the first animation frame in which the chart's SVG holds the real figure's content
  (event markers, span bars or density bands; the placeholder has none);
- vis-timeline: the animation frame after its first `changed` event (its first redraw done)
  with its items in the page.

Our runs and vis-timeline's alternate (ours, vis, ours, vis, ...) so that both see the same load
on a shared machine; the table gives the median of --runs each. A vis-timeline draw that does not
finish within --vis-timeout seconds is stopped and reported as "> T s" (it is not run again at
that size). `labels` is how many event titles each chart shows as text when drawn; `in view` the
events of the opening window. --snapshot DIR serves another checkout's app (e.g. a git worktree
at the commit before a change) instead of this one; --before DIR serves it as well, drawn in
turn with ours and vis-timeline, in a column of its own: a before/after comparison in one run.
--query ?lang=fr opens our page at that query, --before-query the before's: `--before .
--before-query ?lang=en --query ?lang=fr` draws one checkout in English and in French, in turn
(issue 16: a language costs no draw time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import html
import http.server
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import numpy as np  # noqa: E402
import scale  # noqa: E402  (its Server: one gunicorn worker on loopback)

VIS_VERSION = "8.5"
CACHE = HERE / ".cache" / "vis-timeline"
VIS_JS = "node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"
VIS_CSS = "node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css"
VIEWPORT = {"width": 1400, "height": 900}

# Our page: drawn when plotly has put the real figure's marks into the chart's SVG.
OURS_DRAWN = r"""
window.__drawn = null;
(function check() {
  const now = performance.now();
  const chart = document.querySelector('#timeline');
  const marks = chart && chart.querySelector('.scatterlayer .trace .points path, '
      + '.barlayer .point path, .heatmaplayer image');
  if (marks) {
    window.__drawn = now;
    window.__kind = chart.querySelector('.heatmaplayer image') ? 'bands' : 'markers';
    // Titles drawn on the chart (not the range slider's miniature; an unlabelled mark's text
    // element is empty).
    window.__labels = [...chart.querySelectorAll('.cartesianlayer .scatterlayer .textpoint text')]
        .filter((text) => text.textContent.trim()).length;
    // Where the time went: when the page's scripts had run, the layout came, the first
    // callback answered (if one did before the chart drew).
    const ends = (part) => {
      const all = performance.getEntriesByType('resource').filter((e) => e.name.includes(part));
      return all.length ? Math.min(...all.map((e) => e.responseEnd)) : null;
    };
    const nav = performance.getEntriesByType('navigation')[0];
    window.__phases = {scripts: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
                       layout: ends('_dash-layout'), callback: ends('_dash-update-component')};
    return;
  }
  requestAnimationFrame(check);
})();
"""

VIS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>vis-timeline {version}, {events} events</title>
<link rel="stylesheet" href="vis-timeline-graph2d.min.css">
<script src="vis-timeline-graph2d.min.js"></script>
<script src="{data}"></script>
</head><body>
<div id="chart"></div>
<script>
window.__drawn = null;
const timeline = new vis.Timeline(document.getElementById("chart"),
    new vis.DataSet(DATA.items), new vis.DataSet(DATA.groups),
    {{start: DATA.start, end: DATA.end, stack: true, moment: (d) => vis.moment(d).utc()}});
timeline.on("changed", () => {{
  if (window.__drawn === null && document.querySelector("#chart .vis-item")) {{
    window.__drawn = -1;
    requestAnimationFrame(() => {{
      window.__drawn = performance.now();
      window.__labels = document.querySelectorAll("#chart .vis-item .vis-item-content").length;
    }});
  }}
}});
</script>
</body></html>
"""


def install_vis() -> Path:
    """vis-timeline 8.5 and its peer dependencies in benchmarks/.cache/ (npm, once)."""
    if not (CACHE / VIS_JS).exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--prefix",
                str(CACHE),
                f"vis-timeline@{VIS_VERSION}",
                "vis-data",
            ],
            check=True,
            stdout=sys.stderr,
        )
    return CACHE


def vis_version() -> str:
    return json.loads((CACHE / "node_modules/vis-timeline/package.json").read_text())["version"]


def vis_data(path: Path) -> tuple[dict, int]:
    """The events as vis-timeline items, the same opening window as ours, and how many events
    our opening window holds."""
    from timeline.index import build_index
    from timeline.load import load
    from timeline.view import figure as chart

    index = build_index(load(str(path)))
    mask = np.ones(len(index), dtype=bool)
    window, _ = chart.view_window(index, mask)
    titles = index.events["title"].astype(str).tolist()
    starts = np.where(index.is_span, index.start, index.x) * 1000
    ends = (index.last + 1) * 1000
    items = []
    for i in range(len(index)):
        item = {"id": i, "group": int(index.lane[i]), "content": html.escape(titles[i]), "start": int(starts[i])}
        if index.is_span[i]:
            item["end"] = int(ends[i])
        items.append(item)
    groups = [{"id": lane, "content": html.escape(name)} for lane, name in enumerate(index.lanes)]
    data = {"items": items, "groups": groups, "start": window.low * 1000, "end": window.high * 1000}
    return data, int(chart.in_window(index, mask, window).sum())


class Server(scale.Server):
    """scale.py's server (one gunicorn worker), on a port given (--ports: a range agreed on a
    shared machine) or one the system picks."""

    def __init__(self, path: Path, log: Path, port: int | None = None):
        if port is None:
            return super().__init__(path, log)
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        env = {**os.environ, "TIMELINE_EVENTS": str(path), "TIMELINE_TITLE": scale.TITLE}
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "--workers",
            "1",
            "--timeout",
            "600",
            "--bind",
            f"127.0.0.1:{port}",
            "app:create_app()",
        ]
        self.log = open(log, "w")
        started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=scale.CODE, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.startup = self._wait(started)
        self.worker = self._worker()


def ports(args, n: int) -> list[int | None]:
    """The n-th port of --ports (ours, before, the static pages), or None (the system's pick)."""
    if not args.ports:
        return [None] * n
    low = int(args.ports.split("-")[0])
    return [low + i for i in range(n)]


class Static:
    """A folder served on loopback by Python's http.server, in a thread of this process."""

    def __init__(self, folder: Path, port: int | None = None):
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        handler = functools.partial(Quiet, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port or 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def draw(url: str, init: str | None, timeout: float) -> dict:
    """One draw in a Chromium of its own (a fresh profile: cold cache), in a child process of
    its own session: a page whose script never yields (vis-timeline at 100k events) cannot be
    stopped from Playwright, so the child is killed at the timeout."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--draw", url, init or "", str(timeout)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = child.communicate(timeout=timeout + 20)  # + Chromium's start and stop
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # the child and its Chromium
        child.communicate()
        return {"ms": None, "error": f"not drawn in {timeout:.0f} s"}
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"ms": None, "error": f"failed (exit {child.returncode})"}


def draw_here(url: str, init: str, timeout: float) -> dict:
    """In the child: open url in Chromium, wait for window.__drawn; its value in ms, or why not."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=scale.CHROMIUM, args=scale.CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        if init:
            page.add_init_script(init)
        started = time.perf_counter()
        try:
            page.goto(url, wait_until="commit", timeout=timeout * 1000)
            page.wait_for_function(
                "() => typeof window.__drawn === 'number' && window.__drawn > 0",
                timeout=max(timeout - (time.perf_counter() - started), 1) * 1000,
                polling=50,
            )
            result = page.evaluate(
                "() => ({ms: window.__drawn, labels: window.__labels,"
                " kind: window.__kind || null, phases: window.__phases || null})"
            )
        except Exception as error:  # a timeout, a crash
            result = {
                "ms": None,
                "error": f"not drawn in {time.perf_counter() - started:.0f} s ({type(error).__name__})",
            }
        browser.close()
    return result


def run_size(events: int, args, workdir: Path) -> dict:
    path = generate.ensure(events=events)
    data, in_view = vis_data(path)
    name = f"data-{events}.js"
    (workdir / name).write_text("window.DATA = " + json.dumps(data, separators=(",", ":")) + ";\n")
    (workdir / f"vis-{events}.html").write_text(
        VIS_PAGE.format(version=vis_version(), events=len(data["items"]), data=name)
    )
    ours_port, before_port, static_port = ports(args, 3)
    static = Static(workdir, static_port)
    server = Server(path, workdir / f"gunicorn-{events}.log", ours_port)
    before = None
    if args.before:
        here, scale.CODE = scale.CODE, Path(args.before).resolve()
        try:
            before = Server(path, workdir / f"gunicorn-before-{events}.log", before_port)
        finally:
            scale.CODE = here
    row = {
        "events": len(data["items"]),
        "in_view": in_view,
        "ours": [],
        "vis": [],
        "vis_error": None,
        "ours_error": None,
        "ours_labels": None,
        "ours_kind": None,
        "vis_labels": None,
        "before": [],
        "runs": [],
    }
    try:
        for _ in range(args.runs):
            then, vis = {"ms": None}, {"ms": None}
            if before is not None:
                then = draw(before.url + "/" + args.before_query, OURS_DRAWN, args.timeout)
                if then["ms"] is not None:
                    row["before"].append(then["ms"])
            ours = draw(server.url + "/" + args.query, OURS_DRAWN, args.timeout)
            if ours["ms"] is None:
                row["ours_error"] = ours["error"]
            else:
                row["ours"].append(ours["ms"])
                row.setdefault("phases", []).append(ours["phases"])
                row["ours_labels"], row["ours_kind"] = ours["labels"], ours["kind"]
            if row["vis_error"] is None:
                vis = draw(f"{static.url}/vis-{events}.html", None, args.vis_timeout)
                if vis["ms"] is None:
                    row["vis_error"] = vis["error"]
                else:
                    row["vis"].append(vis["ms"])
                    row["vis_labels"] = vis["labels"]
            row["runs"].append({"before": then["ms"], "ours": ours["ms"], "vis": vis["ms"], "load": os.getloadavg()[0]})
            print(
                f"  {events:,}: before {[round(t) for t in row['before']]} ms, "
                f"ours {[round(t) for t in row['ours']]} ms "
                f"({ours.get('phases')}), vis "
                f"{[round(t) for t in row['vis']]} ms {row['vis_error'] or ''}",
                file=sys.stderr,
            )
    finally:
        server.stop()
        if before is not None:
            before.stop()
        static.stop()
    return row


def _seconds(times: list[float], error: str | None, timeout: float) -> str:
    if times:
        return f"{statistics.median(times) / 1000:.2f}"
    return f"> {timeout:.0f}" if error and error.startswith("not drawn") else f"failed: {error}"


def table(rows: list[dict], args) -> str:
    then = bool(args.before)
    out = [
        "| events | in view |" + (" before s |" if then else "") + " ours s | vis-timeline s | ours / vis "
        "| labels ours / vis | ours drew |",
        "|---:|---:|" + ("---:|" if then else "") + "---:|---:|---:|---:|---|",
    ]
    for r in rows:
        ours = statistics.median(r["ours"]) if r["ours"] else None
        vis = statistics.median(r["vis"]) if r["vis"] else None
        if ours and vis:
            ratio = f"{ours / vis:.2f}x"
        elif ours and r["vis_error"]:
            ratio = f"< {ours / 1000 / args.vis_timeout:.2f}x"
        else:
            ratio = "-"
        earlier = f" {_seconds(r['before'], 'failed', args.timeout)} |" if then else ""
        out.append(
            f"| {r['events']:,} | {r['in_view']:,} |{earlier} {_seconds(r['ours'], r['ours_error'], args.timeout)} "
            f"| {_seconds(r['vis'], r['vis_error'], args.vis_timeout)} | {ratio} "
            f"| {r['ours_labels'] if r['ours_labels'] is not None else '-'} / "
            f"{r['vis_labels'] if r['vis_labels'] is not None else '-'} | {r['ours_kind'] or '-'} |"
        )
    out += [
        "",
        "Ours, from navigation start (median s): the page's scripts run (DOMContentLoaded), "
        "the layout received, the first callback answered (- : none before the chart drew), drawn.",
        "",
        "| events | scripts | layout | first callback | drawn |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        phases = [p for p in r.get("phases", []) if p]

        def at(name, phases=phases):
            values = [p[name] for p in phases if p.get(name) is not None]
            if len(values) * 2 <= len(phases):  # in most runs, none before the chart drew
                return "-"
            return f"{statistics.median(values) / 1000:.2f}"

        drawn = f"{statistics.median(r['ours']) / 1000:.2f}" if r["ours"] else "-"
        out.append(f"| {r['events']:,} | {at('scripts')} | {at('layout')} | {at('callback')} | {drawn} |")
    out += [
        "",
        "Each run (draws alternating"
        + (": before, ours, vis-timeline" if then else ": ours, vis-timeline")
        + "; the load average as it ended):",
        "",
        "| events | run |" + (" before s |" if then else "") + " ours s | vis-timeline s | ours / vis | load average |",
        "|---:|---:|" + ("---:|" if then else "") + "---:|---:|---:|---:|",
    ]
    for r in rows:
        for n, run in enumerate(r.get("runs", []), 1):

            def s(ms):
                return f"{ms / 1000:.2f}" if ms else "-"

            ratio = f"{run['ours'] / run['vis']:.2f}x" if run["ours"] and run["vis"] else "-"
            out.append(
                f"| {r['events']:,} | {n} |"
                + (f" {s(run['before'])} |" if then else "")
                + f" {s(run['ours'])} | {s(run['vis'])} | {ratio} | {run['load']:.1f} |"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="events per file, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="draws of each chart per size (median)")
    parser.add_argument("--timeout", type=float, default=60, help="s to wait for our chart")
    parser.add_argument("--vis-timeout", type=float, default=30, help="s to wait for vis-timeline's")
    parser.add_argument("--snapshot", metavar="DIR", help="serve the app of this checkout instead")
    parser.add_argument(
        "--before", metavar="DIR", help="also draw this checkout's app (e.g. the commit before a change), alternating"
    )
    parser.add_argument(
        "--query",
        default="",
        metavar="?Q",
        help="open our page at this address's query (e.g. ?lang=fr: the page in French)",
    )
    parser.add_argument(
        "--before-query",
        default="",
        metavar="?Q",
        help="the same for --before's page (e.g. --before . --before-query ?lang=en "
        "--query ?lang=fr: one checkout in two languages, alternating)",
    )
    parser.add_argument(
        "--ports", metavar="LOW-HIGH", help="serve on these ports (ours, before, the static pages: the first three)"
    )
    args = parser.parse_args(argv)
    if args.snapshot:
        scale.CODE = Path(args.snapshot).resolve()
    install_vis()
    workdir = Path(tempfile_dir())
    for name in (VIS_JS, VIS_CSS):
        shutil.copy(CACHE / name, workdir / Path(name).name)
    started, load = time.perf_counter(), os.getloadavg()[0]
    rows = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(run_size(size, args, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=scale.CODE, capture_output=True, text=True
    ).stdout.strip()
    print(
        f"# {os.cpu_count()} CPUs, {platform.machine()}, {chromium()}, vis-timeline "
        f"{vis_version()}, app at {scale.CODE} ({commit or 'not a git checkout'}), {dt.datetime.now():%Y-%m-%d %H:%M}, "
        f"load average {load:.1f}"
    )
    print(table(rows, args))
    print(
        f"# median of {args.runs} runs each, alternating; {time.perf_counter() - started:.0f} s in all, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return 0


def chromium() -> str:
    return subprocess.run([scale.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()


def tempfile_dir() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="vs-vis-")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--draw"]:
        print(json.dumps(draw_here(sys.argv[2], sys.argv[3], float(sys.argv[4]))))
        sys.exit(0)
    sys.exit(main())
