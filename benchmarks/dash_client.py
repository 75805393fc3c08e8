"""A small client that talks to a running timeline app exactly as Dash's renderer in a browser does.

    from benchmarks.dash_client import Tab, page_load, select, filter, zoom

    result = page_load(base)                  # GET /, /_dash-layout, /_dash-dependencies + first callbacks
    status, size, seconds = result            # every action unpacks as (status, bytes, seconds)
    tab = result.tab                          # the simulated browser tab, for follow-ups
    tab.select("shoot-to-kill-order")         # a list/permalink click: url.search ?event=ID
    tab.click_marker("shoot-to-kill-order")   # a chart click: timeline.clickData
    tab.filter("?category=protest&q=almaty")  # the address changes (a permalink, back/forward)
    tab.set_control("search", "almaty")       # a control changes (checklist, dropdown, inputs)
    tab.zoom("2022-01-04", "2022-01-08")      # a drag on the chart: timeline.relayoutData
    result.call(FIGURE).seconds               # one callback of an action, by a prop it returns
                                              # (FIGURE, PANEL, NAVIGATE, POLL); result.key: the
                                              # action's key one; result.calls: all of them
    Tab(base, transport=flask_transport(app)) # the same requests in-process (for profiling)

    .venv/bin/python benchmarks/dash_client.py http://127.0.0.1:8050          # smoke test
    .venv/bin/python benchmarks/dash_client.py --capture http://127.0.0.1:8050
        # drives Debian's Chromium through the same steps, records what it POSTs to
        # /_dash-update-component and compares it with what this client sends; prints the
        # shape of any callback not yet in TEMPLATES, to paste there

How the bodies are made. Each callback's body is built from its /_dash-dependencies entry the
way dash-renderer 4.4.1 builds it (template_of): "output" is the dependency's output string,
"outputs" its parts (one object for a single output; allow_duplicate keeps its "@hash"),
"inputs" and "state" (present only when the callback has state) carry the current value of
each prop (the key "value" left out when the prop was never set, as the renderer leaves it
out), a pattern input (ALL) lists every component in the page whose id matches, in page order,
"changedPropIds" names the props that changed in the order they changed, and
"parsedChangedPropsIds" the same with dict ids parsed. TEMPLATES below are the shapes Chromium
actually sent (recorded with Playwright's page.on("request"), values stripped), keyed by
output; a callback whose shape differs from them is reported on stderr, once. `--capture URL`
drives Chromium and this client through the same steps (load, a marker click, the panel's
close link, a list link, a category, a search, a zoom) and compares every body, values
included; it printed no difference on events.csv.

The values come from the page as this client sees it: the initial layout (/_dash-layout), then
every callback response applied to it (children replaced, so outlet buttons come and go as in
the browser). After a response, the callbacks whose inputs changed fire next, as the renderer
fires them: a callback waits while another pending one outputs one of its inputs; a pattern
input that gains or loses components fires its callback; the first figure is followed by
plotly's {"autosize": true} relayout. A clientside callback is not sent: it runs here as in the
page, the page's own JavaScript (its inline dash_clientside scripts and the files in assets/ that
define clientside functions) in Node.js, in a page with no elements (Playwright's
driver, or `node` on PATH; one process shared by every Tab), and counts 0 bytes and 0 s.

Timing is wall time around each HTTP request on loopback (connect, send, server, read), which
is the server's time plus well under a millisecond. Only the standard library is used, and one
Tab is one simulated user: use one Tab per thread for a load test. An HTTP error status is
recorded in the Call (and the Result's status), not raised; its outputs are not applied, so
nothing fires after it. Network errors (refused, timeout) raise OSError.
"""
from __future__ import annotations

import copy
import datetime as dt
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Iterator

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from timeline.state import zoom_text  # noqa: E402  (the address's zoom, as the page writes it)

# What dash-renderer 4.4.1 in Chromium POSTed to /_dash-update-component for the app's callbacks,
# values stripped (recorded by `--capture`; the downloads are not among its steps). Pattern
# inputs keep their pattern id; "state" is present only for callbacks that have state.
TEMPLATES: dict[str, dict] = {
    "data-version.data": {
        "outputs": {"id": "data-version", "property": "data"},
        "inputs": [{"id": "poll", "property": "n_intervals"}],
        "state": [{"id": "data-version", "property": "data"}],
    },
    "..url.search...view.data...category-filter.value...source-filter.value...search.value...date-from.value...date-to.value..": {
        "outputs": [
            {"id": "url", "property": "search"},
            {"id": "view", "property": "data"},
            {"id": "category-filter", "property": "value"},
            {"id": "source-filter", "property": "value"},
            {"id": "search", "property": "value"},
            {"id": "date-from", "property": "value"},
            {"id": "date-to", "property": "value"},
        ],
        "inputs": [
            {"id": "url", "property": "search"},
            {"id": "category-filter", "property": "value"},
            {"id": "source-filter", "property": "value"},
            {"id": "search", "property": "value"},
            {"id": "date-from", "property": "value"},
            {"id": "date-to", "property": "value"},
            {"id": "prev-event", "property": "n_clicks"},
            {"id": "next-event", "property": "n_clicks"},
            {"id": "timeline", "property": "clickData"},
            {"id": {"name": ["ALL"], "type": "outlet"}, "property": "n_clicks"},
            {"id": "clear-filters", "property": "n_clicks"},
        ],
        "state": [{"id": "zoom", "property": "data"}, {"id": "view", "property": "data"}],
    },
    "..sources-panel.children...event-list.children...event-list-caption.children...counter.children...problems.children...category-filter.options...source-filter.options..": {
        "outputs": [
            {"id": "sources-panel", "property": "children"},
            {"id": "event-list", "property": "children"},
            {"id": "event-list-caption", "property": "children"},
            {"id": "counter", "property": "children"},
            {"id": "problems", "property": "children"},
            {"id": "category-filter", "property": "options"},
            {"id": "source-filter", "property": "options"},
        ],
        "inputs": [{"id": "view", "property": "data"}, {"id": "data-version", "property": "data"}],
    },
    "..timeline.figure...zoom.data..": {
        "outputs": [{"id": "timeline", "property": "figure"}, {"id": "zoom", "property": "data"}],
        "inputs": [
            {"id": "view", "property": "data"},
            {"id": "data-version", "property": "data"},
            {"id": "reset-zoom", "property": "n_clicks"},
            {"id": "timeline", "property": "clickData"},
        ],
        "state": [{"id": "zoom", "property": "data"}, {"id": "url", "property": "search"}],
    },
    "..timeline.figure@8673c713cc44e7954f72cf9854c755e185fa3d5d85c69e2dc0c1bcff6d61c448...zoom.data@8673c713cc44e7954f72cf9854c755e185fa3d5d85c69e2dc0c1bcff6d61c448..": {
        "outputs": [
            {"id": "timeline", "property": "figure@8673c713cc44e7954f72cf9854c755e185fa3d5d85c69e2dc0c1bcff6d61c448"},
            {"id": "zoom", "property": "data@8673c713cc44e7954f72cf9854c755e185fa3d5d85c69e2dc0c1bcff6d61c448"},
        ],
        "inputs": [{"id": "zoom-request", "property": "data"}],
        "state": [{"id": "view", "property": "data"}],
    },
    "download.data": {
        "outputs": {"id": "download", "property": "data"},
        "inputs": [
            {"id": "export-csv", "property": "n_clicks"},
            {"id": "export-timelinejs", "property": "n_clicks"},
        ],
        "state": [{"id": "view", "property": "data"}],
    },
}

# The callbacks a benchmark asks about, named by a prop they output (the app may split or
# rename callbacks; Result.call(FIGURE) finds whichever callback returned the figure).
NAVIGATE = "url.search"
PANEL = "sources-panel.children"
FIGURE = "timeline.figure"
POLL = "data-version.data"
VERSION = "/_timeline/version"   # what the page's poll GETs, when it runs in the page (issue 13)

HEADERS = {"Accept": "application/json", "Content-Type": "application/json",
           "User-Agent": "timeline-benchmarks-dash-client"}
TIMEOUT = 600.0


@dataclass
class Call:
    """One POST to /_dash-update-component."""
    output: str
    status: int
    bytes: int                 # response body bytes (the app sends no Content-Encoding)
    seconds: float
    request_bytes: int
    changed: list[str]
    response: Any = None       # parsed JSON (None for 204 No Content)
    props: frozenset = frozenset()   # "id.prop" of every output, without @ suffixes
    clientside: bool = False         # run in the "browser" (Node.js here): no request, 0 bytes, 0 s

    def __iter__(self) -> Iterator:
        return iter((self.status, self.bytes, self.seconds))

    def returns(self, prop: str) -> bool:
        return prop in self.props


@dataclass
class Result:
    """What one user action cost: unpacks as (status, bytes, seconds).

    status: the HTTP status of the action's key callback (the figure for filter and zoom, the
    side panel for select, 200 only if every GET and callback of a page load answered 2xx);
    bytes and seconds: every request of the action, summed (callbacks run one after another,
    as they do against one sync worker). `calls` holds each callback, `key` the key one."""
    status: int
    bytes: int
    seconds: float
    calls: list[Call] = field(default_factory=list)
    gets: list[tuple[str, int, int, float]] = field(default_factory=list)   # (path, status, bytes, s)
    key: Call | None = None
    tab: "Tab | None" = None

    def __iter__(self) -> Iterator:
        return iter((self.status, self.bytes, self.seconds))

    def call(self, prop: str) -> Call | None:
        """The first call of a callback that outputs `prop` (NAVIGATE, PANEL, FIGURE, POLL) or
        whose output string is `prop`."""
        return next((c for c in self.calls if c.returns(prop) or c.output == prop), None)


# ---------------------------------------------------------------------------------------------
# HTTP


def _request(base: str, method: str, path: str, body: bytes | None = None,
             timeout: float = TIMEOUT, headers: dict | None = None) -> tuple[int, bytes, float]:
    parts = urllib.parse.urlsplit(base)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"this client only talks to loopback addresses, not {parts.hostname}")
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        try:
            connection.request(method, path, body=body, headers={**(
                HEADERS if body is not None else {"User-Agent": HEADERS["User-Agent"]}), **(headers or {})})
        except (BrokenPipeError, ConnectionResetError):
            pass   # the server answered (413, say) and closed before reading the whole body
        response = connection.getresponse()
        data = response.read()
        status = response.status
    finally:
        connection.close()
    return status, data, time.perf_counter() - started


# ---------------------------------------------------------------------------------------------
# Component ids and the page's props, as the renderer keeps them


def id_key(component_id) -> str:
    """An id as the renderer writes it in changedPropIds: dict ids as sorted compact JSON."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def _is_component(value) -> bool:
    return isinstance(value, dict) and "props" in value and "type" in value and "namespace" in value


def _components(value) -> Iterator[dict]:
    """Every component in a layout value, depth first, in page order."""
    if _is_component(value):
        yield value
        for prop in value["props"].values():
            yield from _components(prop)
    elif isinstance(value, list):
        for item in value:
            yield from _components(item)


def _matches(pattern: dict, component_id) -> bool:
    if not isinstance(component_id, dict) or set(component_id) != set(pattern):
        return False
    for key, want in pattern.items():
        if isinstance(want, list) and want and want[0] in ("ALL", "MATCH", "ALLSMALLER"):
            continue
        if component_id[key] != want:
            return False
    return True


def _plotly_time(value) -> str:
    """A time as plotly writes it in relayoutData ("2022-01-04 03:12:45.1234")."""
    if isinstance(value, (int, float)):
        value = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=value)
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S.%f").rstrip("0").rstrip(".")
        return text[:-9] if text.endswith(" 00:00:00") else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------------------------
# The simulated tab


class Tab:
    """One browser tab on the app: the page's props, the callback graph, the pending callbacks."""

    def __init__(self, base: str, *, simulate_autosize: bool = True, timeout: float = TIMEOUT,
                 record: bool = False, transport=None):
        self.base = base.rstrip("/")
        # transport(method, path, body, headers) -> (status, body bytes, seconds); default: HTTP to base
        self.transport = transport or (lambda method, path, body=None, headers=None:
                                       _request(self.base, method, path, body, self.timeout, headers))
        self.record = record                             # keep every body sent in .sent
        self.sent: list[dict] = []
        self.timeout = timeout
        self.simulate_autosize = simulate_autosize
        self.props: dict[tuple[str, str], Any] = {}      # (id key, prop) -> value; absent: unset
        self.ids: list = []                              # component ids in page order
        self.owned: dict[tuple[str, str], list] = {}    # (id key, children prop) -> ids inside
        self.callbacks: list[dict] = []                  # from /_dash-dependencies
        self.templates: dict[str, dict] = {}             # output -> body shape
        self.end_id: str | None = None
        self.clientside_code: list[str] = []
        self.calls: list[Call] = []
        self._autosized = False
        self.version_etag: str | None = None             # the poll's, as the browser's cache keeps it

    # -- page load ----------------------------------------------------------------------------

    def load(self, search: str = "", *, assets: bool = False) -> Result:
        """What a page load does: GET / (and its scripts with assets=True), /_dash-layout and
        /_dash-dependencies, then every initial callback until the page settles."""
        self.calls = []
        gets = []
        path = "/" + (("?" + search.lstrip("?")) if search.strip("?") else "")
        status, html, seconds = self.transport("GET", path)
        gets.append((path, status, len(html), seconds))
        text = html.decode("utf-8", "replace")
        config = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', text, re.S)
        self.end_id = json.loads(config.group(1)).get("end_id") if config else None
        self.clientside_code = [code for code in re.findall(r"<script>(.*?)</script>", text, re.S)
                                if "dash_clientside" in code]
        fetched = {}
        if assets:
            for src in re.findall(r'<script src="([^"]+)"', text) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', text):
                s, body, secs = self.transport("GET", src)
                gets.append((src, s, len(body), secs))
                fetched[src] = body
        # The clientside callbacks' functions in assets/ (ClientsideFunction): as a browser has
        # them from its cache, fetched once per address (it changes with the file: `?m=`).
        for src in re.findall(r'<script src="(/assets/[^"]+\.js[^"]*)"', text):
            if src not in _asset_code:
                body = fetched.get(src)
                if body is None:
                    body = self.transport("GET", src)[1]
                _asset_code[src] = body.decode("utf-8", "replace")
            if "dash_clientside" in _asset_code[src]:
                self.clientside_code.append(_asset_code[src])
        status, layout, seconds = self.transport("GET", "/_dash-layout")
        gets.append(("/_dash-layout", status, len(layout), seconds))
        status, dependencies, seconds = self.transport("GET", "/_dash-dependencies")
        gets.append(("/_dash-dependencies", status, len(dependencies), seconds))
        # A callback with no output only touches the page (the zoom written into the address):
        # nothing of it reaches the server, so the client leaves it out.
        self.callbacks = [c for c in json.loads(dependencies) if not c.get("no_output")]
        self.templates = templates(self.callbacks)
        self.props, self.ids, self.owned, self._autosized = {}, [], {}, False
        self._add_components(json.loads(layout), owner=None)
        # dcc.Location sets url.search (and pathname...) from the address when it mounts.
        self.props[("url", "search")] = path[1:] if "?" in path else ""
        self.props[("url", "pathname")] = "/"
        pending = {c["output"]: {} for c in self.callbacks if not c.get("prevent_initial_call")}
        for output in pending:
            if "url.search" in self._input_keys_or_empty(output):
                pending[output]["url.search"] = None
        calls = self._settle(pending)
        ok = all(200 <= g[1] < 300 for g in gets) and all(200 <= c.status < 300 for c in calls)
        figure = next((c for c in calls if c.returns(FIGURE) and c.status == 200 and c.bytes > 100), None)
        return Result(200 if ok else next((s for _, s, _, _ in gets if not 200 <= s < 300),
                                          next((c.status for c in calls if not 200 <= c.status < 300), 0)),
                      sum(g[2] for g in gets) + sum(c.bytes for c in calls),
                      sum(g[3] for g in gets) + sum(c.seconds for c in calls),
                      calls, gets, figure, self)

    # -- user actions -------------------------------------------------------------------------

    def filter(self, search: str) -> Result:
        """The address changes to `search` (a permalink, a list link, back/forward): the
        renderer fires the callbacks on url.search. Key: the figure."""
        return self._action({("url", "search"): _search(search)}, FIGURE)

    def select(self, event_id: str) -> Result:
        """An event chosen through a link (the list, a permalink): ?event=ID added to the
        current address. Key: the side panel."""
        query = [(k, v) for k, v in urllib.parse.parse_qsl(self.search.lstrip("?")) if k != "event"]
        return self._action({("url", "search"): _search(urllib.parse.urlencode([("event", event_id)] + query))},
                            PANEL)

    def click_marker(self, event_id: str, x: str = "2022-01-01 12:00:00", y: float = 0.08,
                     curve: int = 1) -> Result:
        """A click on the event's marker in the chart: timeline.clickData, as plotly reports it.
        Key: the side panel."""
        click = {"points": [{"curveNumber": curve, "pointNumber": 0, "pointIndex": 0, "x": x, "y": y,
                             "customdata": event_id, "bbox": {"x0": 0, "x1": 11, "y0": 0, "y1": 11}}],
                 "timestamp": int(time.time() * 1000)}
        return self._action({("timeline", "clickData"): click}, PANEL)

    def set_control(self, control: str, value) -> Result:
        """A filter control changes (category-filter / source-filter lists, search, date-from,
        date-to strings). Key: the figure."""
        return self._action({(control, "value"): value}, FIGURE)

    def zoom(self, low, high) -> Result:
        """A drag or scroll zoom: plotly's relayoutData with the new x range. Key: the figure."""
        return self._action({("timeline", "relayoutData"): {"xaxis.range[0]": _plotly_time(low),
                                                            "xaxis.range[1]": _plotly_time(high)}}, FIGURE)

    def reset_zoom(self) -> Result:
        clicks = (self.props.get(("reset-zoom", "n_clicks")) or 0) + 1
        return self._action({("reset-zoom", "n_clicks"): clicks}, FIGURE)

    def poll(self) -> Result:
        """The 2-second dcc.Interval tick. Where the page's poll runs in the page (issue 13:
        assets/callbacks.js), what the browser sends: a GET of the file's version, with the
        ETag it has (answered 304), and only a new version sets data-version and fires the
        callbacks that read it. Where it is a callback (before), its POST."""
        spec = next((c for c in self.callbacks if c["output"] == POLL), None)
        if spec is None or not spec.get("clientside_function"):
            ticks = (self.props.get(("poll", "n_intervals")) or 0) + 1
            return self._action({("poll", "n_intervals"): ticks}, POLL)
        asked = {"If-None-Match": self.version_etag} if self.version_etag else {}
        status, body, seconds = self.transport("GET", VERSION, None, asked)
        gets = [(VERSION, status, len(body), seconds)]
        if status == 200:
            self.version_etag = '"%s"' % json.loads(body)["version"]
            if json.loads(body)["version"] != self.props.get(("data-version", "data")):
                result = self._action({("data-version", "data"): json.loads(body)["version"]}, PANEL)
                return Result(result.status, result.bytes + len(body), result.seconds + seconds,
                              result.calls, gets, result.key, self)
        return Result(200 if status == 304 else status, len(body), seconds, [], gets, None, self)   # 304: nothing new

    @property
    def search(self) -> str:
        return self.props.get(("url", "search")) or ""

    @property
    def figure(self):
        return self.props.get(("timeline", "figure"))

    @property
    def counter(self) -> str:
        return self.props.get(("counter", "children")) or ""

    # -- the renderer -------------------------------------------------------------------------

    def _action(self, changes: dict[tuple[str, str], Any], key_output: str) -> Result:
        if not self.callbacks:
            raise RuntimeError("load() the page first")
        self.calls = []
        for prop, value in changes.items():
            self.props[prop] = value
        changed = dict.fromkeys(f"{i}.{p}" for i, p in changes)
        calls = self._settle(self._triggered(changed, ran=None))
        key = next((c for c in calls if c.returns(key_output)), None)
        status = key.status if key else 0
        return Result(status, sum(c.bytes for c in calls), sum(c.seconds for c in calls), calls, [], key, self)

    def _output_keys(self, output: str) -> frozenset:
        return output_props(self.templates[output])

    def _triggered(self, changed: dict, ran: str | None) -> dict[str, dict]:
        """Callbacks to fire after `changed` props, each with its changed props in the order
        they changed. Outlet buttons appearing in or leaving the side panel fire nothing:
        Chromium fires no call for them since the panel's callback takes the `view` store
        (set by the callback with that ALL input) rather than url.search (--capture, Dash 4.4.1)."""
        fired: dict[str, dict] = {}
        for callback in self.callbacks:
            output = callback["output"]
            if output == ran:   # a callback's own outputs never re-fire it
                continue
            inputs = self.templates[output]["inputs"]
            plain = {f"{s['id']}.{s['property']}" for s in inputs if not isinstance(s["id"], dict)}
            hit = {name: None for name in changed if name in plain}
            if hit:
                fired[output] = hit
        return fired

    def _settle(self, pending: dict[str, dict], limit: int = 50) -> list[Call]:
        calls: list[Call] = []
        order = [c["output"] for c in self.callbacks]
        while pending and limit:
            limit -= 1
            blocked = set()
            for output in pending:
                for other in pending:
                    if other != output and self._output_keys(other) & self._input_keys_or_empty(output):
                        blocked.add(output)
            ready = [o for o in order if o in pending and o not in blocked] or [next(iter(pending))]
            ready.sort(key=lambda o: not pending[o])   # the renderer sends changed ones first
            for output in ready:
                changed = pending.pop(output)
                call, updates = self._call(output, changed)
                calls.append(call)
                for fired, props in self._triggered(updates, output).items():
                    pending.setdefault(fired, {}).update(props)
                if "zoom.data" in updates:
                    # The page writes the zoom into the address and tells dcc.Location (a
                    # clientside callback with no output): url.search changes.
                    search = _with_zoom(self.search, self.props.get(("zoom", "data")))
                    if search != self.search:
                        self.props[("url", "search")] = search
                        for fired, props in self._triggered({"url.search": None}, None).items():
                            pending.setdefault(fired, {}).update(props)
                if (call.returns(FIGURE) and call.status == 200 and self.simulate_autosize
                        and not self._autosized and isinstance(self.figure, dict)
                        and "__dash_patch_update" not in self.figure):
                    # plotly's first draw reports {"autosize": true} through relayoutData
                    self._autosized = True
                    self.props[("timeline", "relayoutData")] = {"autosize": True}
                    for fired, props in self._triggered({"timeline.relayoutData": None}, None).items():
                        pending.setdefault(fired, {}).update(props)
        return calls

    def _input_keys_or_empty(self, output: str) -> set[str]:
        return {f"{i['id']}.{i['property']}" for i in self.templates[output]["inputs"]
                if not isinstance(i["id"], dict)}

    def body(self, output: str, changed: dict) -> dict:
        """The JSON the renderer sends for this callback with these changed props."""
        template = self.templates[output]

        def filled(spec):
            if isinstance(spec["id"], dict):
                return [self._filled_one(component_id, spec["property"])
                        for component_id in self.ids if _matches(spec["id"], component_id)]
            return self._filled_one(spec["id"], spec["property"])

        ordered = list(changed)
        parsed = [json.loads(c.rsplit(".", 1)[0]) if c.startswith("{") else c for c in ordered]
        body = {"output": output, "outputs": copy.deepcopy(template["outputs"]),
                "inputs": [filled(s) for s in template["inputs"]],
                "changedPropIds": ordered, "parsedChangedPropsIds": parsed}
        if template.get("state"):
            body["state"] = [filled(s) for s in template["state"]]
        return body

    def _filled_one(self, component_id, prop: str) -> dict:
        if isinstance(component_id, dict):   # the renderer writes dict ids with sorted keys
            component_id = dict(sorted(component_id.items()))
        item = {"id": component_id, "property": prop}
        key = (id_key(component_id), prop)
        if key in self.props:
            item["value"] = self.props[key]
        return item

    def _call(self, output: str, changed: dict) -> tuple[Call, dict]:
        callback = next(c for c in self.callbacks if c["output"] == output)
        if callback.get("clientside_function"):
            return self._clientside(callback, changed)
        body = self.body(output, changed)
        if self.record:
            self.sent.append(body)
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        path = "/_dash-update-component" + (f"?endId={urllib.parse.quote(self.end_id, safe='~')}"
                                            if self.end_id else "")
        status, answer, seconds = self.transport("POST", path, data)
        parsed = None
        updates: dict = {}
        if status == 200 and answer:
            parsed = json.loads(answer)
            for component, props in (parsed.get("response") or {}).items():
                component_id = json.loads(component) if component.startswith("{") else component
                for prop, value in props.items():
                    self._set(component_id, prop, value)
                    updates[f"{id_key(component_id)}.{prop}"] = None
        call = Call(output, status, len(answer), seconds, len(data), body["changedPropIds"], parsed,
                    self._output_keys(output))
        self.calls.append(call)
        return call, updates

    def _clientside(self, callback: dict, changed: dict) -> tuple[Call, dict]:
        """A clientside callback runs in the page, not on the server: here in Node.js, from the
        JavaScript the page itself defines (its inline dash_clientside scripts and assets/ files),
        in a page with no elements (document.getElementById finds nothing)."""
        output = callback["output"]
        body = self.body(output, changed)

        def value(item):
            return [value(i) for i in item] if isinstance(item, list) else item.get("value")
        args = [value(i) for i in body["inputs"]] + [value(i) for i in body.get("state", [])]
        function = callback["clientside_function"]
        result = javascript().call(self.clientside_code, function["namespace"], function["function_name"], args)
        outputs = body["outputs"] if isinstance(body["outputs"], list) else [body["outputs"]]
        values = result if isinstance(body["outputs"], list) else [result]
        updates: dict = {}
        if not _is_no_update(result):
            for spec, one in zip(outputs, values):
                if _is_no_update(one):
                    continue
                prop = spec["property"].split("@")[0]
                self._set(spec["id"], prop, one)
                updates[f"{id_key(spec['id'])}.{prop}"] = None
        call = Call(output, 200, 0, 0.0, 0, body["changedPropIds"], {"clientside": result},
                    self._output_keys(output), clientside=True)
        self.calls.append(call)
        return call, updates

    def _set(self, component_id, prop: str, value) -> None:
        """Apply one output to the page (components it replaces go, those it holds come)."""
        key = (id_key(component_id), prop)
        self.props[key] = value
        if key in self.owned:                       # children replaced: the old ones go
            removed = self.owned.pop(key)
            gone = {id_key(i) for i in removed}
            self.ids = [i for i in self.ids if id_key(i) not in gone]
            self.props = {k: v for k, v in self.props.items() if k[0] not in gone}
            self.props[key] = value
        self._add_components(value, owner=key)

    def _add_components(self, value, owner) -> list:
        added = []
        for component in _components(value):
            props = component["props"]
            if "id" not in props:
                continue
            component_id = props["id"]
            added.append(component_id)
            self.ids.append(component_id)
            for prop, v in props.items():
                if prop != "id" and not _is_component(v):
                    self.props[(id_key(component_id), prop)] = v
        if owner is not None:
            self.owned[owner] = added
        return added


# ---------------------------------------------------------------------------------------------
# Clientside callbacks: the page's own JavaScript, run in Node.js (Playwright's, or one on PATH)

_NODE_SCRIPT = r"""
globalThis.window = globalThis;
// A page with no elements: a function that measures or draws one finds nothing to do.
globalThis.document = {getElementById: () => null, querySelector: () => null,
                       querySelectorAll: () => [], addEventListener() {}};
const NO_UPDATE = {description: "dash_clientside.no_update"};
const PREVENT = {description: "dash_clientside.PreventUpdate"};
window.dash_clientside = {no_update: NO_UPDATE, PreventUpdate: PREVENT, callback_context: {}, set_props() {}};
const loaded = new Set();
const mark = v => v === NO_UPDATE ? {"__dash_client_no_update__": true}
                : Array.isArray(v) ? v.map(mark) : (v === undefined ? null : v);
require("readline").createInterface({input: process.stdin}).on("line", async line => {
  const message = JSON.parse(line);
  let answer;
  try {
    for (const code of message.code) if (!loaded.has(code)) { (0, eval)(code); loaded.add(code); }
    const value = await window.dash_clientside[message.namespace][message.name](...message.args);
    answer = {value: mark(value)};
  } catch (error) {
    answer = error === PREVENT ? {value: {"__dash_client_no_update__": true}} : {error: String(error)};
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
"""


def _is_no_update(value) -> bool:
    return isinstance(value, dict) and value.get("__dash_client_no_update__") is True


class _Javascript:
    def __init__(self):
        import shutil
        import subprocess
        try:
            from playwright._impl._driver import compute_driver_executable
            node = compute_driver_executable()[0]
        except Exception:
            node = shutil.which("node")
        if not node:
            raise RuntimeError("the app has clientside callbacks: Node.js is needed to run them "
                               "(Playwright's driver or `node` on PATH)")
        self.process = subprocess.Popen([str(node), "-e", _NODE_SCRIPT], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lock = threading.Lock()

    def call(self, code: list[str], namespace: str, name: str, args: list):
        message = json.dumps({"code": code, "namespace": namespace, "name": name, "args": args})
        with self.lock:
            self.process.stdin.write(message + "\n")
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"clientside callback {name} failed: {answer['error']}")
        return answer["value"]


_javascript: _Javascript | None = None
_javascript_lock = threading.Lock()


def javascript() -> _Javascript:
    """One Node.js process per Python process, shared by every Tab (calls take a lock)."""
    global _javascript
    with _javascript_lock:
        if _javascript is None:
            _javascript = _Javascript()
        return _javascript


def flask_transport(app):
    """A transport that calls a Dash app in this process (its Flask test client), for profiling
    the server's code on exactly the requests a browser sends: Tab("http://app", transport=...)."""
    client = app.server.test_client()

    def send(method, path, body=None, headers=None):
        started = time.perf_counter()
        if method == "POST":
            response = client.post(path, data=body, headers={**HEADERS, **(headers or {})})
        else:
            response = client.get(path, headers=headers or {})
        data = response.get_data()
        return response.status_code, data, time.perf_counter() - started
    return send


def _search(search: str) -> str:
    search = search.strip()
    return "" if search in ("", "?") else ("?" + search.lstrip("?"))


def _parse_id(text: str):
    return json.loads(text) if text.startswith("{") else text


def template_of(callback: dict) -> dict:
    """A callback's body shape, built from its /_dash-dependencies entry as the renderer builds
    it: outputs split from the output string (a list for several, one object for one),
    inputs and state with ids parsed, "state" only when the callback has some."""
    output = callback["output"]
    if output.startswith(".."):
        outputs = [_split(o) for o in output[2:-2].split("...")]
    else:
        outputs = _split(output)
    shape = {"outputs": outputs,
             "inputs": [{"id": _parse_id(i["id"]), "property": i["property"]} for i in callback["inputs"]]}
    if callback.get("state"):
        shape["state"] = [{"id": _parse_id(i["id"]), "property": i["property"]} for i in callback["state"]]
    return shape


def _split(text: str) -> dict:
    component, prop = text.rsplit(".", 1)
    return {"id": _parse_id(component), "property": prop}


def output_props(template: dict) -> frozenset:
    outputs = template["outputs"]
    return frozenset(f"{id_key(o['id'])}.{o['property'].split('@')[0]}"
                     for o in (outputs if isinstance(outputs, list) else [outputs]))


_warned: set[str] = set()
_asset_code: dict[str, str] = {}   # assets/ scripts by address, fetched once per process


def _with_zoom(search: str, zoom) -> str:
    """The address with the zoom in it, as the page's clientside callback writes it (in the
    format of timeline.state.zoom_text)."""
    pairs = [p for p in search.lstrip("?").split("&") if p and not p.startswith("zoom=")]
    if zoom and len(zoom) == 2:
        pairs.append("zoom=" + zoom_text(zoom))
    return "?" + "&".join(pairs) if pairs else ""


def templates(dependencies: list[dict]) -> dict[str, dict]:
    """Body shapes for the app's callbacks, built from their dependency entries (template_of).
    A callback that is not in TEMPLATES as recorded (the app changed since) gets a warning on
    stderr, once: run --capture to compare with Chromium and record it."""
    shapes = {}
    for callback in dependencies:
        shape = template_of(callback)
        recorded = TEMPLATES.get(callback["output"])
        if (recorded != shape and callback["output"] not in _warned
                and not callback.get("clientside_function")):   # never POSTed: nothing to record
            _warned.add(callback["output"])
            print(f"dash_client: {callback['output'][:80]} is {'not' if recorded is None else 'different'} "
                  f"in the recorded TEMPLATES; built from /_dash-dependencies (run dash_client.py "
                  f"--capture URL to compare with Chromium and record it)", file=sys.stderr)
        shapes[callback["output"]] = shape
    return shapes


# ---------------------------------------------------------------------------------------------
# Module-level shortcuts: one tab per (thread, base), loaded on first use.

_tabs = threading.local()


def tab_for(base: str) -> Tab:
    tabs = getattr(_tabs, "tabs", None)
    if tabs is None:
        tabs = _tabs.tabs = {}
    if base not in tabs:
        tab = Tab(base)
        tab.load()
        tabs[base] = tab
    return tabs[base]


def page_load(base: str, search: str = "", *, assets: bool = False) -> Result:
    """A fresh page load (a new tab); also becomes this thread's tab for `base`."""
    tab = Tab(base)
    result = tab.load(search, assets=assets)
    tabs = getattr(_tabs, "tabs", None)
    if tabs is None:
        tabs = _tabs.tabs = {}
    tabs[base] = tab
    return result


def select(base: str, event_id: str) -> Result:
    return tab_for(base).select(event_id)


def filter(base: str, search: str) -> Result:   # noqa: A001 (the brief's name)
    return tab_for(base).filter(search)


def zoom(base: str, low, high) -> Result:
    return tab_for(base).zoom(low, high)


# ---------------------------------------------------------------------------------------------
# Recording what a real browser sends, and comparing


def browser_bodies(base: str, steps, *, chromium: str = "/usr/bin/chromium", args=None) -> list[dict]:
    """Drive Chromium through `steps` (callables taking the Playwright page) and return the
    JSON bodies it POSTed to /_dash-update-component, poll ticks left out."""
    from playwright.sync_api import sync_playwright

    if args is None:   # (the project's root is on sys.path: see the imports)
        from tests.browser.conftest import CHROMIUM_ARGS as args
    bodies: list[dict] = []

    def record(request):
        if "/_dash-update-component" in request.url and request.post_data:
            body = json.loads(request.post_data)
            if body["output"] != POLL or not body["changedPropIds"] == ["poll.n_intervals"]:
                bodies.append(body)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(args))
        try:
            page = browser.new_page()
            page.on("request", record)
            for step in steps:
                step(page)
                page.wait_for_timeout(1500)
        finally:
            browser.close()
    return bodies


def strip_values(body: dict) -> dict:
    """A body's shape: what a template holds."""
    def strip(item):
        if isinstance(item, list):
            return [strip(i) for i in item]
        return {"id": item["id"], "property": item["property"]}
    shape = {"outputs": body["outputs"], "inputs": [strip(i) for i in body["inputs"]]}
    if "state" in body:
        shape["state"] = [strip(i) for i in body["state"]]
    return shape


def _normal(body: dict) -> str:
    """A body as compact JSON, keys in the order sent, clickData reduced to "<click>" (the
    pixel positions a real click reports do not matter to the app)."""
    body = copy.deepcopy(body)
    for group in ("inputs", "state"):
        for item in body.get(group, []):
            for one in item if isinstance(item, list) else [item]:
                if one["property"] == "clickData" and "value" in one:
                    one["value"] = "<click>"
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def links(tab: Tab, owner: str, class_name: str) -> list[str]:
    """The hrefs of dcc.Links with this class inside a component's children, in page order."""
    tree = tab.props.get((owner, "children")) or []
    return [c["props"]["href"] for c in _components(tree)
            if "href" in c["props"] and class_name in (c["props"].get("className") or "").split()]


def compare_with_browser(base: str) -> list[str]:
    """The same steps in Chromium and in a Tab: load, click a marker, close the panel, choose an
    event in the list, tick the first category, search "almaty", close the panel, zoom. Returns the differences between
    two sequences of bodies (everything but the pixel details of clickData; empty: identical),
    and prints the shape of any body that is not among TEMPLATES, to paste there."""
    picked = {}

    def load(page):
        page.goto(base + "/")
        page.locator("#timeline .main-svg").first.wait_for(timeout=60_000)

    def link(page):
        item = page.locator("#event-list a.event-link").nth(1)
        picked["event"] = item.get_attribute("href")
        item.click()

    def category(page):
        page.locator("#category-filter input").first.click()

    def search(page):
        page.locator("#search").fill("almaty")
        page.locator("#search").press("Enter")

    def close(page):
        page.locator("#sources-panel a.close").click()

    def zoom_step(page):
        page.evaluate("() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),"
                      " {'xaxis.range[0]': '2022-01-04', 'xaxis.range[1]': '2022-01-08'})")

    def click(page):
        box = page.locator("#timeline .scatterlayer .trace .points path").nth(3).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    browser = browser_bodies(base, [load, click, close, link, category, search, close, zoom_step])
    clicked = next(i["value"]["points"][0]["customdata"] for b in browser for i in b["inputs"]
                   if isinstance(i, dict) and i["property"] == "clickData" and "value" in i)
    shown = set()
    for body in browser:
        template = TEMPLATES.get(body["output"])
        if body["output"] not in shown and (template is None or strip_values(body) != _template_shape(template, body)):
            shown.add(body["output"])
            print(f"not recorded (or different) in TEMPLATES; what Chromium sent:\n"
                  f"    {json.dumps(body['output'])}: {json.dumps(strip_values(body))},", file=sys.stderr)
    tab = Tab(base, record=True)
    tab.load()
    tab.click_marker(clicked)
    tab.filter(links(tab, "sources-panel", "close")[0].lstrip("/"))
    tab.select(urllib.parse.parse_qs(picked["event"].split("?", 1)[1])["event"][0])
    options = tab.props.get(("category-filter", "options")) or []
    tab.set_control("category-filter", [options[0]["value"]])
    tab.set_control("search", "almaty")
    tab.filter(links(tab, "sources-panel", "close")[0].lstrip("/"))
    tab.zoom("2022-01-04", "2022-01-08")
    a = [_normal(body) for body in browser]
    b = [_normal(body) for body in tab.sent]
    differences = []
    for n in range(max(len(a), len(b))):
        x = a[n] if n < len(a) else None
        y = b[n] if n < len(b) else None
        if x != y:
            differences.append(f"request {n + 1}:\n  browser {x and x[:1500]}\n  client  {y and y[:1500]}")
    return differences


def _template_shape(template: dict, body: dict) -> dict:
    shape = {"outputs": template["outputs"], "inputs": []}
    for spec, item in zip(template["inputs"], body["inputs"]):
        shape["inputs"].append([{"id": i["id"], "property": i["property"]} for i in item]
                               if isinstance(spec["id"], dict) else spec)
    if "state" in template:
        shape["state"] = template["state"]
    return shape


def _main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the running app, e.g. http://127.0.0.1:8050")
    parser.add_argument("--capture", action="store_true",
                        help="compare with what Chromium sends for the same steps")
    args = parser.parse_args(argv)
    if args.capture:
        differences = compare_with_browser(args.base)
        print("\n".join(differences) if differences else
              "the client sent the same callbacks, changed props and input values as Chromium")
        return 1 if differences else 0
    result = page_load(args.base)
    print(f"page load: {tuple(result)}; figure {result.key.bytes:,} bytes; counter {result.tab.counter!r}")
    for call in result.calls:
        print(f"  {call.output[:60]:60} {call.status} {call.bytes:>10,} B {call.seconds * 1000:8.1f} ms "
              f"{', '.join(call.changed)[:100]}")
    tab = result.tab
    hrefs = links(tab, "event-list", "event-link")
    event = urllib.parse.parse_qs(hrefs[0].split("?", 1)[1])["event"][0] if hrefs else "none"
    for name, action in (("select " + event, lambda: tab.select(event)),
                         ("filter ?q=almaty", lambda: tab.filter("?q=almaty")),
                         ("zoom 2022-01-04..08", lambda: tab.zoom("2022-01-04", "2022-01-08"))):
        result = action()
        print(f"{name}: {tuple(result)}; address {tab.search!r}; counter {tab.counter!r}")
        for call in result.calls:
            print(f"  {call.output[:60]:60} {call.status} {call.bytes:>10,} B {call.seconds * 1000:8.1f} ms "
                  f"{', '.join(call.changed)[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
