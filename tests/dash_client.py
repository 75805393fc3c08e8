"""The requests the page sends to the app, sent without a browser: by the tests and the benchmarks.

    http = Client(url)                    # or Client(app) / Client(flask_test_client): in-process
    http.view("?q=almaty").counter        # one callback, as a page opening sends it: View, figure()
    http.callback("url.search", {"url.search": "?q=x"})   # any callback, named by one of its outputs

    tab = Tab(url)                        # one browser tab: the page's props and its callbacks
    result = tab.load("?q=almaty")        # GET /, /_dash-layout, /_dash-dependencies, first callbacks
    tab.select("death-toll"); tab.click_marker("death-toll"); tab.filter("?category=protest")
    tab.set_control("search", "almaty"); tab.zoom("2022-01-04", "2022-01-08"); tab.click("clear-filters")
    tab.poll()                            # the page's 2-second poll
    result.status, result.bytes, result.seconds, result.call(FIGURE)

    .venv/bin/python tests/dash_client.py URL            # a smoke test: each action's requests
    .venv/bin/python tests/dash_client.py --compare URL  # Chromium and a Tab through the same steps

Everything is read from the app itself: the callbacks and their inputs from /_dash-dependencies,
the page's components and props from /_dash-layout. A Tab does what dash-renderer does with them:
a callback's body carries the current value of each input and state (left out when never set),
a pattern input (ALL) the matching components in page order, changedPropIds what changed; each
response is applied to the page (children replaced, so buttons come and go) and the callbacks
whose inputs changed fire next, one waiting while another pending one outputs its input; plotly's
first draw reports {"autosize": true}. Clientside callbacks run the page's own JavaScript in
Node.js (Playwright's, or `node` on PATH) with no DOM, and cost 0 bytes and 0 s. `--compare`
shows where that differs from Chromium. Timing is wall time around each request; an HTTP error is
recorded (Call.status, Result.status), not raised; a refused connection raises OSError. Loopback
only; standard library only; one Tab per thread.
"""

from __future__ import annotations

import atexit
import datetime as dt
import http.client
import json
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from timeline.state import zoom_text  # noqa: E402  (the address's zoom, as the page writes it)

# The callbacks a benchmark asks about, by a prop they output (Result.call(FIGURE)).
NAVIGATE, PANEL, FIGURE, POLL = "url.search", "sources-panel.children", "timeline.figure", "data-version.data"
VERSION = "/_timeline/version"  # what the page's poll GETs
UPDATE = "/_dash-update-component"
HEADERS = {"Accept": "application/json", "Content-Type": "application/json", "User-Agent": "timeline-dash-client"}


@dataclass
class Call:
    """One callback: a POST to /_dash-update-component, or a clientside one (0 bytes, 0 s)."""

    output: str
    status: int
    bytes: int
    seconds: float
    response: Any = None  # the parsed JSON (None for 204 or an error)
    props: frozenset = frozenset()  # "id.prop" of each output, without "@" suffixes
    clientside: bool = False

    def returns(self, prop: str) -> bool:
        return prop in self.props


@dataclass
class Result:
    """One user action: the status of its key callback (a page load: 200 if every request was
    2xx), the bytes and seconds of all its requests (one after another), each of them."""

    status: int
    bytes: int
    seconds: float
    calls: list[Call] = field(default_factory=list)
    gets: list[tuple[str, int, int, float]] = field(default_factory=list)  # (path, status, bytes, s)
    tab: Tab | None = None

    def call(self, prop: str) -> Call | None:
        """The first call of a callback that outputs `prop` (PANEL, FIGURE...)."""
        return next((c for c in self.calls if c.returns(prop)), None)


def request(
    base: str, method: str, path: str, body: bytes | None = None, timeout: float = 600, headers: dict | None = None
) -> tuple[int, bytes, float]:
    """One HTTP request on a fresh connection: (status, body, seconds)."""
    parts = urllib.parse.urlsplit(base)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"this client only talks to loopback addresses, not {parts.hostname}")
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        try:
            connection.request(
                method,
                path,
                body=body,
                headers={**(HEADERS if body is not None else {"User-Agent": HEADERS["User-Agent"]}), **(headers or {})},
            )
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered (413, say) and closed before reading the whole body
        response = connection.getresponse()
        return response.status, response.read(), time.perf_counter() - started
    finally:
        connection.close()


# --- Components and ids, as the renderer keeps them ------------------------------------------


def id_key(component_id) -> str:
    """An id as the renderer writes it in changedPropIds: dict ids as sorted compact JSON."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def _parse_id(text: str):
    return json.loads(text) if text.startswith("{") else text


def components(value):
    """Every component in a layout value, depth first, in page order."""
    if isinstance(value, dict) and "props" in value and "type" in value:
        yield value
        for prop in value["props"].values():
            yield from components(prop)
    elif isinstance(value, list):
        for item in value:
            yield from components(item)


def component_text(node) -> str:
    """The text a component tree shows (what a reader sees), without tags."""
    if isinstance(node, bool) or node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return str(node)
    if isinstance(node, list):
        return "".join(component_text(child) for child in node)
    return component_text(node.get("props", {}).get("children")) if isinstance(node, dict) else ""


def links(tree, class_name: str) -> list[str]:
    """The hrefs of the links with this class in a component tree, in page order."""
    return [
        c["props"]["href"]
        for c in components(tree)
        if "href" in c["props"] and class_name in (c["props"].get("className") or "").split()
    ]


def _matches(pattern: dict, component_id) -> bool:
    return (
        isinstance(component_id, dict)
        and set(component_id) == set(pattern)
        and all(isinstance(want, list) or component_id[key] == want for key, want in pattern.items())
    )


def _plotly_time(value) -> str:
    """A time as plotly writes it in relayoutData ("2022-01-04 03:12:45.1234")."""
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S.%f").rstrip("0").rstrip(".")
        return text[:-9] if text.endswith(" 00:00:00") else text
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _search(search: str) -> str:
    search = search.strip().lstrip("?")
    return "?" + search if search else ""


# --- One request at a time ---------------------------------------------------------------------


class Client:
    """The app's callbacks and GETs, one at a time. `target`: a loopback base URL, a Dash app or a
    Flask test client (in-process). A callback's inputs and state not given are sent unset."""

    def __init__(self, target, timeout: float = 60):
        self.timeout, self.props, self.ids = timeout, {}, []
        if isinstance(target, str):
            self.base = target.rstrip("/")
            self.send = lambda method, path, body=None, headers=None: request(
                self.base, method, path, body, self.timeout, headers
            )
        else:
            client = target.server.test_client() if hasattr(target, "server") else target

            def send(method, path, body=None, headers=None):
                started = time.perf_counter()
                response = client.open(
                    path, method=method, data=body, headers={**(HEADERS if body is not None else {}), **(headers or {})}
                )
                return response.status_code, response.get_data(), time.perf_counter() - started

            self.base, self.send = "http://in-process", send
        self._callbacks: list[dict] | None = None
        self._shapes: dict[str, dict] = {}

    @property
    def callbacks(self) -> list[dict]:
        """The app's callbacks (/_dash-dependencies), those with no output left out: they touch
        only the page (the zoom written into the address) and never reach the server."""
        if self._callbacks is None:
            status, body = self.get("/_dash-dependencies")
            assert status == 200, status
            self._callbacks = [c for c in json.loads(body) if not c.get("no_output")]
        return self._callbacks

    def get(self, path: str) -> tuple[int, bytes]:
        return self.send("GET", path)[:2]

    def shape(self, output: str) -> dict:
        """A callback's outputs, inputs and state with ids parsed, as the renderer sends them
        (one output: an object; several: a list); "state" only when it has some."""
        if output not in self._shapes:
            spec = next(c for c in self.callbacks if c["output"] == output)
            parts = [
                dict(zip(("id", "property"), (_parse_id(i), p)))
                for i, p in (
                    o.rsplit(".", 1) for o in (output[2:-2].split("...") if output.startswith("..") else [output])
                )
            ]
            shape = {
                "outputs": parts if output.startswith("..") else parts[0],
                "inputs": [{"id": _parse_id(i["id"]), "property": i["property"]} for i in spec["inputs"]],
                "props": frozenset(f"{id_key(o['id'])}.{o['property'].split('@')[0]}" for o in parts),
            }
            shape["plain"] = {f"{i['id']}.{i['property']}" for i in spec["inputs"] if not i["id"].startswith("{")}
            if spec.get("state"):
                shape["state"] = [{"id": _parse_id(i["id"]), "property": i["property"]} for i in spec["state"]]
            self._shapes[output] = shape
        return self._shapes[output]

    def body(self, output: str, changed, props: dict | None = None) -> dict:
        """The JSON the renderer sends for this callback, `changed` props in the order they changed,
        the values from the page (or `props`: {(id, prop): value}, and no pattern matches)."""
        shape, ids = self.shape(output), self.ids if props is None else []
        props = self.props if props is None else props

        def one(component_id, prop):
            if isinstance(component_id, dict):  # the renderer writes dict ids with sorted keys
                component_id = dict(sorted(component_id.items()))
            key = (id_key(component_id), prop)
            return {"id": component_id, "property": prop, **({"value": props[key]} if key in props else {})}

        def filled(spec):
            if isinstance(spec["id"], dict):
                return [one(i, spec["property"]) for i in ids if _matches(spec["id"], i)]
            return one(spec["id"], spec["property"])

        changed = list(changed)
        body = {
            "output": output,
            "outputs": shape["outputs"],
            "inputs": [filled(s) for s in shape["inputs"]],
            "changedPropIds": changed,
            "parsedChangedPropsIds": [_parse_id(c.rsplit(".", 1)[0]) if c.startswith("{") else c for c in changed],
        }
        if "state" in shape:
            body["state"] = [filled(s) for s in shape["state"]]
        return body

    def post(self, body: dict, path: str = UPDATE) -> tuple[int, bytes, float]:
        return self.send("POST", path, json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))

    def callback(
        self, output: str, inputs: dict | None = None, state: dict | None = None, changed: tuple = ()
    ) -> tuple[int, dict | None]:
        """POST one callback, named by one of its outputs ("counter.children"), its values by
        "id.prop" (the others unset): (status, {id: {prop: value}}); {} for 204, None for an error."""
        spec = next(c for c in self.callbacks if output in c["output"].strip(".").split("..."))
        values = {tuple(k.rsplit(".", 1)): v for k, v in {**(inputs or {}), **(state or {})}.items()}
        status, answer, _ = self.post(self.body(spec["output"], changed, values))
        return status, ({} if status == 204 else json.loads(answer)["response"] if status == 200 else None)

    def view(self, search: str = "") -> View:
        """What the page shows for an address (`?event=...&q=...`): the view callback's answer."""
        status, response = self.callback("counter.children", {"view.data": search}, changed=("view.data",))
        assert status == 200, f"the view callback answered {status}"
        return View(response)

    def figure(self, search: str = "") -> dict:
        status, response = self.callback(
            "timeline.figure", {"view.data": search}, {"url.search": search}, changed=("view.data",)
        )
        assert status == 200, f"the figure callback answered {status}"
        return response["timeline"]["figure"]

    def version(self) -> str:
        """The file's version, as the page's poll asks for it."""
        status, body = self.get(VERSION)
        assert status == 200, f"the version answered {status}"
        return json.loads(body)["version"]

    def view_until(self, predicate, what: str, seconds: float = 15, in_a_row: int = 6) -> View:
        """Ask for the view until `predicate` holds for `in_a_row` answers running (each on a fresh
        connection, so spread over the workers: every worker agrees); the last view."""
        deadline, running, view = time.monotonic() + seconds, 0, None
        while time.monotonic() < deadline:
            view = self.view()
            running = running + 1 if predicate(view) else 0
            if running >= in_a_row:
                return view
        raise AssertionError(f"{what}: never settled; last view: {view.counter!r} {view.problems[:3]!r}")


class View:
    """One answer of the view callback, read as the page shows it."""

    def __init__(self, response: dict):
        self.response = response

    def _children(self, element: str):
        return self.response.get(element, {}).get("children")

    @property
    def counter(self) -> str:
        return component_text(self._children("counter"))

    @property
    def panel_text(self) -> str:
        return component_text(self._children("sources-panel"))

    @property
    def list_ids(self) -> list[str]:
        return [item["id"] for item in self.response.get("event-list", {}).get("items") or [] if "id" in item]

    def _details(self):
        """The folded list of the file's problems (a Details), or None."""
        return next((part for part in self._children("problems") or [] if part.get("type") == "Details"), None)

    @property
    def problems_summary(self) -> str:
        details = self._details()
        return component_text(details["props"]["children"][0]) if details else ""

    @property
    def problems(self) -> list[str]:
        """One line per listed problem ('error row 3, date: ...'), then what was refused of the
        address or the filters."""
        found = []
        for part in self._children("problems") or []:
            listed = part["props"]["children"][1] if part.get("type") == "Details" else part
            found += [component_text(item) for item in listed["props"]["children"]]
        return found


# --- One browser tab -----------------------------------------------------------------------------


class Tab(Client):
    """One browser tab on the app: the page's props, its callbacks, the pending ones."""

    def __init__(self, target, *, timeout: float = 600, record: bool = False):
        super().__init__(target, timeout)
        self.record, self.sent = record, []  # with record: every body sent, in .sent
        self.owned: dict[tuple[str, str], list] = {}  # (id key, children prop) -> ids inside
        self.end_id: str | None = None
        self.clientside_code: list[str] = []
        self.autosized = False
        self.version_etag: str | None = None  # the poll's, as the browser's cache keeps it

    def load(self, search: str = "") -> Result:
        """A page load: GET /, /_dash-layout and /_dash-dependencies (the scripts and styles
        cached), then every initial callback until the page settles."""
        path = "/" + _search(search)
        gets = []

        def get(address):
            status, body, seconds = self.send("GET", address)
            gets.append((address, status, len(body), seconds))
            return body

        text = get(path).decode("utf-8", "replace")
        config = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', text, re.S)
        self.end_id = json.loads(config.group(1)).get("end_id") if config else None
        self.clientside_code = [
            code for code in re.findall(r"<script>(.*?)</script>", text, re.S) if "dash_clientside" in code
        ]
        # The clientside functions in assets/, as the browser has them cached: once per address.
        for src in re.findall(r'<script src="(/assets/[^"]+\.js[^"]*)"', text):
            if src not in _asset_code:
                _asset_code[src] = self.send("GET", src)[1].decode("utf-8", "replace")
            if re.search(r"dash_clientside\.\w+ = \{", _asset_code[src]):  # (one that defines some)
                self.clientside_code.append(_asset_code[src])
        layout = json.loads(get("/_dash-layout"))
        self._callbacks = [c for c in json.loads(get("/_dash-dependencies")) if not c.get("no_output")]
        self._shapes, self.props, self.ids, self.owned, self.autosized = {}, {}, [], {}, False
        self._add(layout, owner=None)
        # dcc.Location sets its props from the address when it mounts.
        self.props.update({("url", "search"): path[1:], ("url", "pathname"): "/", ("url", "href"): self.base + path})
        pending = {c["output"]: {} for c in self.callbacks if not c.get("prevent_initial_call")}
        for output, changed in pending.items():
            if "url.search" in self._inputs(output):
                changed["url.search"] = None
        calls = self._settle(pending)
        bad = [s for _, s, _, _ in gets if not 200 <= s < 300] + [c.status for c in calls if not 200 <= c.status < 300]
        return Result(
            bad[0] if bad else 200,
            sum(g[2] for g in gets) + sum(c.bytes for c in calls),
            sum(g[3] for g in gets) + sum(c.seconds for c in calls),
            calls,
            gets,
            self,
        )

    # -- what a reader does

    def filter(self, search: str) -> Result:
        """The address changes (a permalink, a list link, back/forward). Key: the figure."""
        return self.act({("url", "search"): _search(search)}, FIGURE)

    def select(self, event_id: str) -> Result:
        """An event chosen by a link: ?event=ID in the address. Key: the side panel."""
        query = [(k, v) for k, v in urllib.parse.parse_qsl(self.search.lstrip("?")) if k != "event"]
        return self.act({("url", "search"): _search(urllib.parse.urlencode([("event", event_id)] + query))}, PANEL)

    def click_marker(self, event_id: str, x: str = "2022-01-01 12:00:00", y: float = 0.08, curve: int = 1) -> Result:
        """A click on the event's marker: timeline.clickData, as plotly reports it. Key: the panel."""
        click = {
            "points": [
                {
                    "curveNumber": curve,
                    "pointNumber": 0,
                    "pointIndex": 0,
                    "x": x,
                    "y": y,
                    "customdata": event_id,
                    "bbox": {"x0": 0, "x1": 11, "y0": 0, "y1": 11},
                }
            ],
            "timestamp": int(time.time() * 1000),
        }
        return self.act({("timeline", "clickData"): click}, PANEL)

    def set_control(self, control: str, value) -> Result:
        """A filter control changes (checklists, dropdown: lists; search, dates: text). Key: the figure."""
        return self.act({(control, "value"): value}, FIGURE)

    def click(self, button: str | dict) -> Result:
        """A button pressed ("clear-filters", "reset-zoom"; a dict id: one of a pattern's, such as
        {"type": "outlet", "name": "AP"}, an outlet's in the panel). Key: the figure."""
        key = id_key(dict(sorted(button.items())) if isinstance(button, dict) else button)
        return self.act({(key, "n_clicks"): (self.props.get((key, "n_clicks")) or 0) + 1}, FIGURE)

    def zoom(self, low, high) -> Result:
        """A drag on the chart: relayoutData with the new x range. Key: the figure."""
        return self.act(
            {("timeline", "relayoutData"): {"xaxis.range[0]": _plotly_time(low), "xaxis.range[1]": _plotly_time(high)}},
            FIGURE,
        )

    def poll(self) -> Result:
        """The 2-second tick: where the poll runs in the page, a GET of the version with the ETag
        the page has (304 when nothing changed; a new version fires the callbacks that read it);
        where it is a callback (an older checkout), its POST."""
        spec = next((c for c in self.callbacks if c["output"] == POLL), None)
        if spec is None or not spec.get("clientside_function"):
            return self.act({("poll", "n_intervals"): (self.props.get(("poll", "n_intervals")) or 0) + 1}, POLL)
        status, body, seconds = self.send(
            "GET", VERSION, None, {"If-None-Match": self.version_etag} if self.version_etag else {}
        )
        gets = [(VERSION, status, len(body), seconds)]
        if status == 200:
            version = json.loads(body)["version"]
            self.version_etag = f'"{version}"'
            if version != self.props.get(("data-version", "data")):
                result = self.act({("data-version", "data"): version}, PANEL)
                return Result(
                    result.status, result.bytes + len(body), result.seconds + seconds, result.calls, gets, self
                )
        return Result(200 if status == 304 else status, len(body), seconds, [], gets, self)

    @property
    def search(self) -> str:
        return self.props.get(("url", "search")) or ""

    @property
    def counter(self) -> str:
        return component_text(self.props.get(("counter", "children")))

    # -- the renderer

    def act(self, changes: dict[tuple[str, str], Any], key: str) -> Result:
        """Props changed by the reader, and every callback that follows, until the page settles."""
        self.props.update(changes)
        calls = self._settle(self._fired({f"{i}.{p}": None for i, p in changes}, ran=None))
        first = next((c for c in calls if c.returns(key)), None)
        return Result(
            first.status if first else 0, sum(c.bytes for c in calls), sum(c.seconds for c in calls), calls, [], self
        )

    def _inputs(self, output: str) -> set[str]:
        return self.shape(output)["plain"]

    def _fired(self, changed: dict, ran: str | None) -> dict[str, dict]:
        """The callbacks that `changed` props fire (never the one that changed them), each with its
        changed props in order: a prop of a component whose id a pattern input (ALL) matches fires
        that callback too (a button pressed, or drawn: see _set)."""
        fired = {}
        for callback in self.callbacks:
            inputs, patterns = self._inputs(callback["output"]), self._patterns(callback["output"])
            hit = {
                name: None
                for name in changed
                if name in inputs
                or name.startswith("{")
                and any(
                    _matches(pattern, _parse_id(name.rsplit(".", 1)[0])) and name.rsplit(".", 1)[1] == prop
                    for pattern, prop in patterns
                )
            }
            if hit and callback["output"] != ran:
                fired[callback["output"]] = hit
        return fired

    def _patterns(self, output: str) -> list[tuple[dict, str]]:
        return [(i["id"], i["property"]) for i in self.shape(output)["inputs"] if isinstance(i["id"], dict)]

    def _settle(self, pending: dict[str, dict], limit: int = 50) -> list[Call]:
        calls: list[Call] = []
        order = [c["output"] for c in self.callbacks]
        while pending and limit:
            limit -= 1
            blocked = {
                o for o in pending for other in pending if other != o and self.shape(other)["props"] & self._inputs(o)
            }
            ready = [o for o in order if o in pending and o not in blocked] or [next(iter(pending))]
            ready.sort(key=lambda o: not pending[o])  # the renderer sends changed ones first
            for output in ready:
                call, updates = self._call(output, pending.pop(output))
                calls.append(call)
                fire = dict(self._fired(updates, output))
                tidied = self.props.get(("address-tidied", "data"))
                if "address-tidied.data" in updates and isinstance(tidied, str) and tidied != self.search:
                    # The page puts the address navigate tidied in place (TIDY_ADDRESS, with no
                    # output) and tells dcc.Location: url.search changes.
                    self.props[("url", "search")] = tidied
                    fire = _merge(fire, self._fired({"url.search": None}, None))
                if "zoom.data" in updates:
                    # The page writes the zoom into the address and tells dcc.Location (a
                    # clientside callback with no output): url.search changes.
                    search = self._with_zoom(self.props.get(("zoom", "data")))
                    if search != self.search:
                        self.props[("url", "search")] = search
                        fire = _merge(fire, self._fired({"url.search": None}, None))
                figure = self.props.get(("timeline", "figure"))
                if (
                    call.returns(FIGURE)
                    and call.status == 200
                    and not self.autosized
                    and isinstance(figure, dict)
                    and "__dash_patch_update" not in figure
                ):
                    self.autosized = True  # plotly's first draw reports {"autosize": true}
                    self.props[("timeline", "relayoutData")] = {"autosize": True}
                    fire = _merge(fire, self._fired({"timeline.relayoutData": None}, None))
                for fired, props in fire.items():
                    pending.setdefault(fired, {}).update(props)
        return calls

    def _with_zoom(self, zoom) -> str:
        """The address with the zoom in it, as the page's clientside callback writes it."""
        pairs = [p for p in self.search.lstrip("?").split("&") if p and not p.startswith("zoom=")]
        return _search("&".join(pairs + (["zoom=" + zoom_text(zoom)] if zoom and len(zoom) == 2 else [])))

    def _call(self, output: str, changed: dict) -> tuple[Call, dict]:
        spec = next(c for c in self.callbacks if c["output"] == output)
        body = self.body(output, changed)
        updates: dict = {}
        if spec.get("clientside_function"):
            # Run in the page, here in Node.js: the page's own JavaScript, no DOM.
            values = [
                [i.get("value") for i in item] if isinstance(item, list) else item.get("value")
                for item in body["inputs"] + body.get("state", [])
            ]
            function = spec["clientside_function"]
            # callback_context.triggered as the renderer gives it: each changed prop and its value.
            triggered = [
                {"prop_id": c, "value": self.props.get(tuple(c.rsplit(".", 1)))} for c in body["changedPropIds"]
            ]
            result = javascript().call(
                self.clientside_code, function["namespace"], function["function_name"], values, triggered
            )
            outputs = body["outputs"] if isinstance(body["outputs"], list) else [body["outputs"]]
            results = result if isinstance(body["outputs"], list) and not _no_update(result) else [result]
            for out, value in zip(outputs, results):
                if not _no_update(value):
                    updates.update(self._set(out["id"], out["property"].split("@")[0], value))
            return Call(output, 200, 0, 0.0, {"clientside": result}, self.shape(output)["props"], True), updates
        if self.record:
            self.sent.append(body)
        status, answer, seconds = self.post(
            body, UPDATE + (f"?endId={urllib.parse.quote(self.end_id, safe='~')}" if self.end_id else "")
        )
        parsed = json.loads(answer) if status == 200 and answer else None
        for component, props in ((parsed or {}).get("response") or {}).items():
            for prop, value in props.items():
                updates.update(self._set(_parse_id(component), prop, value))
        return Call(output, status, len(answer), seconds, parsed, self.shape(output)["props"]), updates

    def _set(self, component_id, prop: str, value) -> dict:
        """Apply one output to the page (the components it replaces go, those it holds come)."""
        key = (id_key(component_id), prop)
        if key in self.owned:  # children replaced: the old ones go
            gone = {id_key(i) for i in self.owned.pop(key)}
            self.ids = [i for i in self.ids if id_key(i) not in gone]
            self.props = {k: v for k, v in self.props.items() if k[0] not in gone}
        self.props[key] = value
        added = self._add(value, owner=key)
        # Components drawn whose ids a pattern input matches fire its callback, with no value
        # (Chromium does: Dash 4.4.1 calls a callback on ALL outlet buttons when the panel draws them).
        drawn = {
            f"{id_key(i)}.{p}": None
            for i in added
            for c in self.callbacks
            for pattern, p in self._patterns(c["output"])
            if _matches(pattern, i)
        }
        return {f"{key[0]}.{prop}": None, **drawn}

    def _add(self, value, owner) -> list:
        added = []
        for component in components(value):
            props = component["props"]
            if "id" in props:
                added.append(props["id"])
                self.ids.append(props["id"])
                self.props.update(
                    {
                        (id_key(props["id"]), p): v
                        for p, v in props.items()
                        if p != "id" and not (isinstance(v, dict) and "props" in v and "type" in v)
                    }
                )
        if owner is not None:
            self.owned[owner] = added
        return added


def _merge(fired: dict, more: dict) -> dict:
    for output, props in more.items():
        fired.setdefault(output, {}).update(props)
    return fired


# --- Clientside callbacks: the page's own JavaScript, in Node.js ----------------------------------

_NODE_SCRIPT = r"""
globalThis.window = globalThis;
window.addEventListener = window.addEventListener || (() => {});  // (a page's: assets/map.js listens)
// A page with no elements: a function that measures or draws one finds nothing to do.
globalThis.document = {getElementById: () => null, querySelector: () => null,
                       querySelectorAll: () => [], addEventListener() {}};
const NO_UPDATE = {description: "dash_clientside.no_update"};
const PREVENT = {description: "dash_clientside.PreventUpdate"};
window.dash_clientside = {no_update: NO_UPDATE, PreventUpdate: PREVENT, callback_context: {}, set_props() {}};
const loaded = new Set();
const mark = v => v === NO_UPDATE ? {"__no_update__": true}
                : Array.isArray(v) ? v.map(mark) : (v === undefined ? null : v);
require("readline").createInterface({input: process.stdin}).on("line", async line => {
  const message = JSON.parse(line);
  let answer;
  try {
    for (const code of message.code) if (!loaded.has(code)) { (0, eval)(code); loaded.add(code); }
    window.dash_clientside.callback_context = {triggered: message.triggered};
    answer = {value: mark(await window.dash_clientside[message.namespace][message.name](...message.args))};
  } catch (error) {
    answer = error === PREVENT ? {value: {"__no_update__": true}} : {error: String(error)};
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
"""
_asset_code: dict[str, str] = {}  # assets/ scripts by address, fetched once per process
_javascript = None
_javascript_lock = threading.Lock()


def _no_update(value) -> bool:
    return isinstance(value, dict) and value.get("__no_update__") is True


class _Javascript:
    def __init__(self):
        import shutil

        try:
            from playwright._impl._driver import compute_driver_executable

            node = compute_driver_executable()[0]
        except Exception:
            node = shutil.which("node")
        if not node:
            raise RuntimeError("clientside callbacks need Node.js (Playwright's driver or `node` on PATH)")
        self.process = subprocess.Popen(
            [str(node), "-e", _NODE_SCRIPT], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        self.lock = threading.Lock()
        atexit.register(self.stop)

    def call(self, code: list[str], namespace: str, name: str, args: list, triggered: list | None = None):
        with self.lock:
            message = {"code": code, "namespace": namespace, "name": name, "args": args, "triggered": triggered or []}
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"clientside callback {name} failed: {answer['error']}")
        return answer["value"]

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def javascript() -> _Javascript:
    """One Node.js process per Python process, shared by every Tab (calls take a lock)."""
    global _javascript
    with _javascript_lock:
        if _javascript is None:
            _javascript = _Javascript()
        return _javascript


# --- Checks --------------------------------------------------------------------------------------


def compare(base: str) -> list[str]:
    """Chromium and a Tab through the same steps (load, a marker click, the panel's close link, a
    list link, a category, a search, the close link, a zoom): the bodies that differ (clickData's
    pixels aside; poll ticks left out)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    picked, bodies = {}, []

    def record(request):
        if UPDATE in request.url and request.post_data:
            body = json.loads(request.post_data)
            if body["changedPropIds"] != ["poll.n_intervals"]:
                bodies.append(body)

    def marker(page):
        box = page.locator("#timeline .scatterlayer .trace .points path").nth(3).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def link(page):
        picked["href"] = page.locator("#event-list a.event-link").nth(1).get_attribute("href")
        page.locator("#event-list a.event-link").nth(1).click()

    def search(page):
        page.locator("#search").fill("almaty")
        page.locator("#search").press("Enter")

    def close(page):
        page.locator("#sources-panel a.close").click()

    steps = [
        lambda page: page.goto(base + "/") or page.locator("#timeline .main-svg").first.wait_for(),
        marker,
        close,
        link,
        lambda page: page.locator("#category-filter input").first.click(),
        search,
        close,
        lambda page: page.evaluate(
            "() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),"
            " {'xaxis.range[0]': '2022-01-04', 'xaxis.range[1]': '2022-01-08'})"
        ),
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        page = browser.new_page()
        page.on("request", record)
        for step in steps:
            step(page)
            page.wait_for_timeout(1500)
        browser.close()
    clicked = next(
        i["value"]["points"][0]["customdata"]
        for b in bodies
        for i in b["inputs"]
        if isinstance(i, dict) and i["property"] == "clickData" and "value" in i
    )
    tab = Tab(base, record=True)
    tab.load()
    tab.click_marker(clicked)
    tab.filter(links(tab.props.get(("sources-panel", "children")), "close")[0].lstrip("/"))
    tab.select(urllib.parse.parse_qs(picked["href"].split("?", 1)[1])["event"][0])
    tab.set_control("category-filter", [tab.props[("category-filter", "options")][0]["value"]])
    tab.set_control("search", "almaty")
    tab.filter(links(tab.props.get(("sources-panel", "children")), "close")[0].lstrip("/"))
    tab.zoom("2022-01-04", "2022-01-08")

    def normal(body):
        text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
        return re.sub(r'"clickData","value":\{.*?"timestamp":\d+\}', '"clickData","value":"<click>"', text)

    a, b = [normal(x) for x in bodies], [normal(x) for x in tab.sent]
    return [
        f"request {n + 1}:\n  browser {(a[n] if n < len(a) else '')[:1500]}\n  client  "
        f"{(b[n] if n < len(b) else '')[:1500]}"
        for n in range(max(len(a), len(b)))
        if (a[n] if n < len(a) else None) != (b[n] if n < len(b) else None)
    ]


def _main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the running app, e.g. http://127.0.0.1:8050")
    parser.add_argument("--compare", action="store_true", help="compare with what Chromium sends for the same steps")
    args = parser.parse_args(argv)
    if args.compare:
        differences = compare(args.base)
        print("\n".join(differences) or "the client sent the same callbacks, changed props and values as Chromium")
        return 1 if differences else 0
    tab = Tab(args.base)
    event = urllib.parse.parse_qs(
        (
            [item["href"] for item in tab.load().tab.props.get(("event-list", "items")) or [] if "href" in item]
            or ["?event=none"]
        )[0].split("?", 1)[1]
    )["event"][0]
    for name, action in (
        ("page load", lambda: tab.load()),
        ("select " + event, lambda: tab.select(event)),
        ("filter ?q=almaty", lambda: tab.filter("?q=almaty")),
        ("zoom 2022-01-04..08", lambda: tab.zoom("2022-01-04", "2022-01-08")),
    ):
        result = action()
        print(
            f"{name}: status {result.status}, {result.bytes:,} B, {result.seconds * 1000:.0f} ms; "
            f"address {tab.search!r}; counter {tab.counter!r}"
        )
        for call in result.calls:
            print(f"  {call.output[:60]:60} {call.status} {call.bytes:>10,} B {call.seconds * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
