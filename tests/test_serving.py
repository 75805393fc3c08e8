"""Serving safely: debug only with --debug, a warning beyond loopback, safe headers on every
response, and no route that writes data (no request changes a byte of events.csv).

`python app.py` is started for real on a free loopback port; the argument handling is tested with
`Dash.run` replaced, so that nothing ever listens beyond this machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dash
import pytest

from tests.browser.conftest import serve
from tests.dash_client import Client

ROOT = Path(__file__).resolve().parent.parent
STRICT_REFERRER = {"no-referrer", "same-origin"}


@pytest.fixture(scope="module")
def app_module():
    sys.path.insert(0, str(ROOT))
    import app as module  # app.py: create_app() for gunicorn, main() for `python app.py`

    return module


@pytest.fixture(scope="module")
def made(app_module):
    """The app as gunicorn makes it (`app:create_app()`), for events.csv."""
    return app_module.create_app(events=str(ROOT / "events.csv"))


@pytest.fixture
def runs(monkeypatch):
    """Dash.run replaced: records how it was called, listens nowhere."""
    calls = []
    monkeypatch.setattr(dash.Dash, "run", lambda self, **kwargs: calls.append(kwargs))
    return calls


# --- debug mode and the loopback warning: the argument paths, with nothing listening ------------


def test_debug_is_off_unless_asked_for(app_module, runs):
    app_module.main(["--port", "8123"])
    app_module.main(["--port", "8123", "--debug"])
    assert [call["debug"] for call in runs] == [False, True]
    assert runs[0]["host"] == "127.0.0.1" and runs[0]["port"] == 8123


@pytest.mark.parametrize(
    "host, warned",
    [
        ("127.0.0.1", False),
        ("localhost", False),
        ("::1", False),
        ("127.0.0.2", False),
        ("0.0.0.0", True),
        ("::", True),
        ("192.168.1.20", True),
        ("10.0.0.5", True),
        ("timeline.example.org", True),
    ],
)
def test_a_clear_warning_when_binding_beyond_loopback(app_module, runs, capsys, host, warned):
    app_module.main(["--host", host, "--port", "8123"])
    err = capsys.readouterr().err
    assert runs[-1]["host"] == host
    if warned:
        assert f"warning: binding to {host}, beyond this machine" in err
        assert "127.0.0.1 behind a proxy" in err
    else:
        assert "warning" not in err
    assert app_module.is_loopback(host) is not warned


# --- the routes ---------------------------------------------------------------------------

# The version open pages poll: reads only; the icons: fixed files of the assets folder, by name.
OUR_ROUTES = {"/_timeline/version", "/favicon.ico", "/apple-touch-icon.png"}


def test_the_only_route_that_takes_a_post_is_dash_callback_dispatch(made):
    rules = list(made.server.url_map.iter_rules())
    writing = {rule.rule for rule in rules if rule.methods & {"POST", "PUT", "PATCH", "DELETE"}}
    assert writing == {"/_dash-update-component"}
    dispatch = made.server.view_functions[next(r.endpoint for r in rules if r.rule == "/_dash-update-component")]
    assert dispatch.__qualname__ == "dispatch"  # Dash's own: runs a callback, which only computes
    # Every other route is Dash's own (whatever this version of Dash serves) or ours, named here:
    # a route added by the app must be added to OUR_ROUTES, after asking whether it is safe.
    bare = dash.Dash(__name__, assets_folder=str(ROOT / "assets"))
    dash_s = {rule.rule for rule in bare.server.url_map.iter_rules()}
    assert {rule.rule for rule in rules} - dash_s == OUR_ROUTES, "a new route: is it safe?"
    our_methods = {rule.rule: rule.methods for rule in rules if rule.rule in OUR_ROUTES}
    assert all(methods <= {"GET", "HEAD", "OPTIONS"} for methods in our_methods.values())


def test_every_callback_only_computes_views(made):
    """Every callback's outputs are properties of components in the page: nothing else is set."""
    outputs = set()
    for callback, spec in made.callback_map.items():
        if spec.get("no_output"):
            # Only in the browser (the zoom into the address): no Python runs for it.
            assert "callback" not in spec, callback
            continue
        outputs |= {name.rsplit(".", 1)[0] for name in callback.strip(".").split("...")}
    in_layout = set()

    def walk(node):
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif hasattr(node, "to_plotly_json"):
            if getattr(node, "id", None) is not None:
                in_layout.add(
                    json.dumps(node.id, sort_keys=True, separators=(",", ":")) if isinstance(node.id, dict) else node.id
                )
            walk(getattr(node, "children", None))

    layout = made.layout
    walk(layout() if callable(layout) else layout)
    assert outputs and outputs <= in_layout, outputs - in_layout


# --- the app is made when asked for, from the file asked for ---------------------------------

NOTHING_AT_IMPORT = """
import os, sys
opened = []
sys.addaudithook(lambda event, args: event == "open" and opened.append(os.path.abspath(str(args[0]))))
sys.path.insert(0, sys.argv[1])
import dash
dash.Dash.run = lambda self, **kwargs: None   # listen nowhere
import app
read = [p for p in opened if p.endswith(".csv")]
assert not read, read   # importing reads no events file
app.main(["--events", sys.argv[2], "--port", "8123"])
print("\\n".join(p for p in opened if p.endswith(".csv")))
"""


def test_python_app_py_with_events_reads_only_that_file(tmp_path):
    """`python app.py --events other.csv` reads other.csv, never the events.csv of the folder it
    runs in (app.py made an app from events.csv at import before)."""
    other = tmp_path / "other.csv"
    shutil.copyfile(ROOT / "events.csv", other)
    (tmp_path / "events.csv").write_bytes((ROOT / "events.csv").read_bytes())  # the one not to read
    done = subprocess.run(
        [sys.executable, "-c", NOTHING_AT_IMPORT, str(ROOT), str(other)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    opened = set(done.stdout.split())
    assert str(other) in opened  # the hook sees the loader open a file
    assert str(tmp_path / "events.csv") not in opened and str(ROOT / "events.csv") not in opened, opened


# --- a real `python app.py` ---------------------------------------------------------------


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """`python app.py` on a copy of events.csv; yields (url, path, the server's output so far)."""
    folder = tmp_path_factory.mktemp("serving")
    path = folder / "events.csv"
    shutil.copyfile(ROOT / "events.csv", path)
    with serve(path, env={"PYTHONUNBUFFERED": "1"}) as url:
        yield str(url), path, url.log


def fetch(url: str, method: str = "GET", body: bytes | None = None, content_type: str = "application/json"):
    headers = {"Content-Type": content_type} if body is not None else {}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_python_app_py_runs_without_debug(running):
    url, _, log = running
    text = log.read_text()
    assert "Debug mode: off" in text and "Debug mode: on" not in text, text
    assert "beyond this machine" not in text
    status, _, page = fetch(url + "/")
    config = json.loads(re.search(rb'id="_dash-config" type="application/json">(.*?)</script>', page, re.S)[1])
    assert config["ui"] is False and config["props_check"] is False and "hot_reload" not in config
    # Dash registers /_reload-hash in every mode; without debug it answers that hot reload is off.
    assert json.loads(fetch(url + "/_reload-hash")[2])["reloadHash"] is None
    # Werkzeug's debugger (the in-browser console of debug mode) is not there to answer.
    status, _, body = fetch(url + "/?__debugger__=yes&cmd=resource&f=debugger.js")
    assert b"Werkzeug" not in body and b"debugger" not in body.lower()
    for alive in ("/_alive_", "/_alive_x", "/console"):
        assert b"Werkzeug" not in fetch(url + alive)[2]


def assert_safe_headers(headers, where: str) -> None:
    assert headers.get("X-Content-Type-Options") == "nosniff", where
    assert headers.get("Referrer-Policy") in STRICT_REFERRER, where


def test_every_kind_of_response_carries_the_safe_headers(running):
    url, _, _ = running
    status, headers, page = fetch(url + "/")
    assert status == 200
    assert_safe_headers(headers, "/")
    scripts = re.findall(rb'<script src="(/_dash-component-suites/[^"]+)"', page)
    assets = re.findall(rb'(?:src|href)="(/assets/[^"?]+)', page)
    assert scripts and assets
    addresses = [
        "/?event=shoot-to-kill-order",
        "/_dash-layout",
        "/_dash-dependencies",
        "/_favicon.ico",
        scripts[0].decode(),
        *[a.decode() for a in assets],
        "/no/such/page",
        "/assets/no-such-file.css",
    ]
    for address in addresses:
        status, headers, _ = fetch(url + address)
        assert status in (200, 404), (address, status)
        assert_safe_headers(headers, address)
    http = Client(url)
    body = {"output": "counter.children"}
    for request in (json.dumps(body).encode(), b"not json"):
        status, headers, _ = fetch(url + "/_dash-update-component", "POST", request)
        assert status >= 400
        assert_safe_headers(headers, f"a refused callback ({status})")
    spec = next(d for d in http.callbacks if "counter.children" in d["output"])
    outputs = [dict(zip(("id", "property"), name.rsplit(".", 1))) for name in spec["output"].strip(".").split("...")]
    status, headers, _ = fetch(
        url + "/_dash-update-component",
        "POST",
        json.dumps(
            {
                "output": spec["output"],
                "outputs": outputs,
                "changedPropIds": [],
                "state": [{**i, "value": None} for i in spec["state"]],
                "inputs": [{**i, "value": None} for i in spec["inputs"]],
            }
        ).encode(),
    )
    assert status == 200
    assert_safe_headers(headers, "a callback")


# Requests a reader, a scanner or an attacker might send; none may change the data.
ODD_GETS = [
    "/",
    "/?event=../../events.csv",
    "/events.csv",
    "/assets/../events.csv",
    "/assets/%2e%2e/events.csv",
    "/assets/..%2fevents.csv",
    "/static/../events.csv",
    "/_dash-component-suites/dash/..%2f..%2fevents.csv",
    "/_dash-layout?x=1",
    "/?q=%3Cscript%3E&from=javascript:alert(1)",
    "/" + "a" * 5000,
]
ODD_BODIES = [
    b"not json",
    b"{}",
    b"[]",
    b"null",
    json.dumps({"output": "nope.children", "inputs": []}).encode(),
    json.dumps({"output": "counter.children", "inputs": "x"}).encode(),
    json.dumps(
        {
            "output": "download.data",
            "inputs": [{"id": "export-csv", "property": "n_clicks", "value": 1}],
            "state": [{"id": "url", "property": "search", "value": "?q=" + "x" * 10000}],
            "outputs": {"id": "download", "property": "data"},
            "changedPropIds": ["export-csv.n_clicks"],
        }
    ).encode(),
    b"{" * 100_000,
    b"x" * 2_000_000,
]


def test_no_request_changes_a_byte_of_events_csv(running):
    url, path, _ = running
    before, stat = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat()
    files = set(path.parent.iterdir())
    http = Client(url)
    for address in ODD_GETS:
        status, _, body = fetch(url + address)
        assert status in (200, 400, 404, 414), (address, status)
        assert b"ablyazov-sentenced-in-absentia,2017-06-07" not in body, f"{address} served the data file"
        assert b"Traceback" not in body
    for body in ODD_BODIES:
        for content_type in ("application/json", "text/csv"):
            status, _, answer = fetch(url + "/_dash-update-component", "POST", body, content_type)
            assert status in (200, 204, 400, 413, 415), status
            assert b"Traceback" not in answer and b'File "' not in answer and str(ROOT).encode() not in answer
    for method in ("PUT", "PATCH", "DELETE"):
        for address in ("/", "/events.csv", "/_dash-update-component", "/assets/style.css"):
            assert fetch(url + address, method, b"id,date\n")[0] == 405, (method, address)
    # Every view the page can ask for, with odd values for the filters.
    for search in (
        "",
        "?event=shoot-to-kill-order",
        "?category=nope&source=%00&q=%3Csvg%3E",
        "?from=2022-13-45&to=yesterday",
        "?event=" + "x" * 3000,
    ):
        assert http.view(search).counter.endswith(" events")
        assert http.figure(search) is not None
    assert (
        http.callback("download.data", {"export-csv.n_clicks": 1}, {"view.data": ""}, changed=("export-csv.n_clicks",))[
            0
        ]
        == 200
    )
    assert fetch(url + "/")[0] == 200, "the server is still up"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    assert set(path.parent.iterdir()) == files, "no file was made beside it"


def test_a_new_worker_serves_the_page_scripts_to_requests_that_arrive_together(tmp_path):
    """In a threaded worker (gthread, as deployed) the page's scripts may arrive at a worker that
    has not served the page yet, several at once: each must be served, never a 404 (the page
    would never draw)."""
    import threading

    from timeline.app import create_app

    path = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", path)
    page = create_app(path).server.test_client().get("/").get_data(as_text=True)
    scripts = re.findall(r'src="(/_dash-component-suites/[^"]+)"', page)
    assert len(scripts) >= 5
    worker = create_app(path).server  # a new worker: nothing served yet
    start, answers = threading.Barrier(len(scripts)), {}

    def fetch_script(src):
        client = worker.test_client()
        start.wait()
        answers[src] = client.get(src).status_code

    threads = [threading.Thread(target=fetch_script, args=(src,)) for src in scripts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {src: 200 for src in scripts}


def test_a_worker_forked_after_its_cache_was_cut_short_serves_without_reading_it(tmp_path):
    """A backup copied over `.timeline/` cuts the mapped cache short under the server: a worker
    that reads the cut bytes is stopped by the system (SIGBUS), and the master forks another,
    which inherits the master's versions read from that file. It lets go of them before it
    answers anything (gunicorn.conf.py's post_fork), so it is not stopped in turn: before, each
    replacement died too, a dozen in a second, while readers' requests failed."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=1) as url:
        assert fetch(url + "/")[0] == 200
        cache = next((tmp_path / ".timeline").glob("*.checked.arrow"))
        os.truncate(cache, cache.stat().st_size // 3)  # (what `truncate` or `cp` onto it does)
        [worker] = re.findall(r"Booting worker with pid: (\d+)", url.log.read_text())
        os.kill(int(worker), signal.SIGKILL)  # (as if it had read the cut bytes)
        deadline = time.monotonic() + 30
        while len(re.findall(r"Booting worker with pid", url.log.read_text())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        with ThreadPoolExecutor(8) as pool:  # the new worker's first requests, on all its threads at once
            answers = list(pool.map(lambda _: Client(url).view("?event=death-toll").counter, range(16)))
        assert answers == [answers[0]] * 16 and answers[0].startswith("35 of 35")
        assert "SIGBUS" not in url.log.read_text()
