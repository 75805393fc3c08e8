"""Requests a client got wrong get 4xx, never 5xx, and leave no traceback in the log
(timeline/app/guard.py): malformed callback bodies 400, bodies over 256 KB 413, unknown paths and
bad component-suite paths 404. The app runs in-process, through Flask's test client.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.dash_client import Client
from timeline import i18n
from timeline.app import create_app, guard
from timeline.state import State
from timeline.view.controls import clicked_event

ROOT = Path(__file__).resolve().parent.parent


class Recorded(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    copy = tmp_path_factory.mktemp("bad-requests") / "events.csv"
    copy.write_bytes((ROOT / "events.csv").read_bytes())
    return create_app(copy)


@pytest.fixture
def client(app):
    """The test client, with everything the app logs recorded in `client.log`."""
    log = Recorded()
    loggers = [app.server.logger, logging.getLogger()]
    for logger in loggers:
        logger.addHandler(log)
    test_client = app.server.test_client()
    test_client.log = log.records
    yield test_client
    for logger in loggers:
        logger.removeHandler(log)


def no_traceback(records) -> bool:
    return not any(r.exc_info or r.levelno >= logging.ERROR for r in records)


def post(client, body) -> tuple[int, bytes]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = client.post("/_dash-update-component", data=data, content_type="application/json")
    return response.status_code, response.get_data()


def server_callbacks(app) -> list[tuple[str, dict]]:
    return [(output, spec) for output, spec in app.callback_map.items() if "callback" in spec]


def valid_body(output: str, spec: dict, values: dict | None = None) -> dict:
    """What the page sends for a callback on a first load (None everywhere), with `values`."""

    def arguments(declared):
        return [
            [] if d["id"].startswith("{") else {**d, "value": (values or {}).get(f"{d['id']}.{d['property']}")}
            for d in declared
        ]

    declared = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
    outputs = [{"id": o.component_id, "property": o.component_property} for o in declared]
    return {
        "output": output,
        "outputs": outputs if isinstance(spec["output"], list) else outputs[0],
        "inputs": arguments(spec["inputs"]),
        "state": arguments(spec["state"]),
        "changedPropIds": [f"{spec['inputs'][0]['id']}.{spec['inputs'][0]['property']}"],
    }


def body_for(app, output_part: str, values: dict | None = None) -> dict:
    output, spec = next((o, s) for o, s in server_callbacks(app) if output_part in o)
    return valid_body(output, spec, values)


# --- paths ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/console",
        "/anything",
        "/a/b/c",
        "/events.csv",
        "/index.html",
        "/" + "a" * 5000,
        "/_dash-component-suites/dash/x",
        "/_dash-component-suites/os/x.js",
        "/_dash-component-suites/dash/%2e%2e/x.js",
        "/_dash-component-suites/dash/deps/../../x.js",
        "/_dash-component-suites/nopackage/thing.js",
    ],
)
def test_unknown_paths_and_bad_component_paths_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404, path
    assert len(response.get_data()) < 100 and b"Traceback" not in response.get_data()
    assert no_traceback(client.log)


@pytest.mark.parametrize(
    "path",
    ["/", "/?event=death-toll&q=almaty", "/_dash-layout", "/_dash-dependencies", "/_favicon.ico", "/assets/style.css"],
)
def test_the_page_and_what_dash_needs_answer_200(client, path):
    assert client.get(path).status_code == 200, path


def test_the_icon_is_the_apps_own_at_both_addresses(client):
    # The page links to its own icon (not Dash's logo), and a browser or crawler that asks at
    # the root gets the same icon, not a 404.
    icon = (ROOT / "assets" / "favicon.ico").read_bytes()
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" type="image/x-icon" href="/assets/favicon.ico?m=' in page
    assert "_favicon.ico" not in page
    for path in ("/favicon.ico", "/assets/favicon.ico"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.get_data() == icon, path
    answer = client.get("/favicon.ico")
    assert answer.mimetype == "image/x-icon"
    assert answer.cache_control.max_age == guard.ICON_MAX_AGE
    assert client.post("/favicon.ico").status_code == 405


def test_the_home_screen_icon_is_linked_and_served(client):
    # (iOS asked /apple-touch-icon.png of every page saved to a home screen: 404, and a
    # screenshot of the page for an icon)
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="apple-touch-icon" href="apple-touch-icon.png">' in page
    answer = client.get("/apple-touch-icon.png")
    assert answer.status_code == 200 and answer.mimetype == "image/png"
    assert answer.get_data() == (ROOT / "assets" / "apple-touch-icon.png").read_bytes()
    assert answer.cache_control.max_age == guard.ICON_MAX_AGE
    assert client.post("/apple-touch-icon.png").status_code == 405


def test_a_body_over_256_kb_is_413(app, client):
    body = body_for(app, "counter.children", {"view.data": "?q=" + "x" * 300_000})
    assert post(client, body)[0] == 413
    assert post(client, body_for(app, "counter.children", {"view.data": "?q=almaty"}))[0] == 200
    assert no_traceback(client.log)


# --- callback bodies --------------------------------------------------------------------------

MALFORMED = {
    "empty object": {},
    "a list": [],
    "null": None,
    "a string": "\ud800",
    "wrong output": lambda app: {**body_for(app, "counter.children"), "output": "nope.children"},
    "a clientside callback": lambda app: {**body_for(app, "counter.children"), "output": "zoom-request.data"},
    "outputs of another": lambda app: {
        **body_for(app, "counter.children"),
        "outputs": {"id": "download", "property": "data"},
    },
    "inputs not a list": lambda app: {**body_for(app, "counter.children"), "inputs": "x"},
    "inputs missing one": lambda app: {
        **body_for(app, "counter.children"),
        "inputs": body_for(app, "counter.children")["inputs"][:1],
    },
    "a number for the search": lambda app: body_for(app, "url.search", {"search.value": 5}),
    "a list for the search": lambda app: body_for(app, "url.search", {"search.value": ["a"]}),
    "a lone surrogate": lambda app: body_for(app, "url.search", {"search.value": "\ud800"}),
    "a surrogate in the address": lambda app: body_for(app, "counter.children", {"view.data": "?q=\udfff"}),
    "a string for the outlets": lambda app: body_for(app, "url.search", {"source-filter.value": "TASS"}),
    "junk zoom": lambda app: body_for(app, "timeline.figure", {"zoom.data": "junk"}),
    "a word for a zoom but all": lambda app: body_for(app, "timeline.figure", {"zoom.data": "everything"}),
    "a zoom beyond the calendar": lambda app: body_for(app, "timeline.figure", {"zoom.data": [0, 10**30]}),
    "a zoom backwards": lambda app: body_for(app, "timeline.figure", {"zoom.data": [10, 5]}),
    "junk click data": lambda app: body_for(app, "timeline.figure", {"timeline.clickData": {"points": [1]}}),
    "click data a list": lambda app: body_for(app, "url.search", {"timeline.clickData": [1, 2]}),
    "junk relayout": lambda app: body_for(app, "timeline.figure@", {"zoom-request.data": "junk"}),
    "a relayout range of three": lambda app: body_for(
        app, "timeline.figure@", {"zoom-request.data": {"xaxis.range": [1, 2, 3]}}
    ),
    # what the address had refused, as the page sends it back (each notice is drawn)
    "50,000 notices": lambda app: body_for(app, "counter.children", {"refused.data": ["a"] * 50_000}),
    "a notice of 100,000 characters": lambda app: body_for(app, "counter.children", {"refused.data": ["a" * 100_000]}),
    "clicks a string": lambda app: body_for(app, "download.data", {"export-csv.n_clicks": "1"}),
    "changed ids not strings": lambda app: {**body_for(app, "counter.children"), "changedPropIds": [1]},
    "nested too deeply": lambda app: body_for(
        app, "timeline.figure", {"timeline.clickData": {"points": [{"x": [[[[[[[[1]]]]]]]]}]}}
    ),
    # nested beyond what Python's JSON reader follows (a RecursionError, not a 500)
    "nested 100,000 deep": b"[" * 100_000,
    "an object nested 40,000 deep": b'{"a":' * 40_000,
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_callback_body_is_400_with_a_short_message(app, client, name):
    body = MALFORMED[name]
    status, answer = post(client, body(app) if callable(body) else body)
    assert status == 400, (name, answer)
    assert 0 < len(answer) < 100 and b"Traceback" not in answer
    assert no_traceback(client.log)


@pytest.mark.parametrize(
    "values",
    [
        {"zoom-request.data": {"xaxis.range[0]": "1" * 30, "xaxis.range[1]": "2022-01-07"}},
        {"zoom-request.data": {"xaxis.range[0]": "2022-01-08", "xaxis.range[1]": "2022-01-07"}},
        {"zoom-request.data": {"xaxis.range": ["nan", None]}},
        {"zoom-request.data": {"autosize": True}},
    ],
)
def test_an_odd_but_well_formed_zoom_changes_nothing(app, client, values):
    assert post(client, body_for(app, "timeline.figure@", values))[0] in (200, 204)
    assert no_traceback(client.log)


def test_every_value_a_callback_reads_is_checked(app):
    for _, spec in server_callbacks(app):
        for declared in (*spec["inputs"], *spec["state"]):
            if not declared["id"].startswith("{"):
                assert (declared["id"], declared["property"]) in guard.VALUES, declared


# Every value of the address refused, each as long as it can be and quoted at its longest
# (characters that repr() writes as ten): the most notices `navigate` writes into the page.
EVERYTHING_REFUSED = "?" + "&".join(
    [
        *(f"{name}={chr(0xE0001) * 60}" for name in ("lang", "map", "area", "event", "embed")),
        "zoom=" + "1" * 61,
        *(f"category=c{i}" for i in range(31)),
        *(f"source=s{i}" for i in range(31)),
        "q=" + "x" * 301,
        *(f"{name}={chr(0xE0001) * 40}" for name in ("from", "to", "asof")),
    ]
)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "kk"])
def test_the_most_notices_an_address_gets_are_within_the_guards_bounds(app, client, lang):
    with i18n.using(lang):
        refused = State.from_search(EVERYTHING_REFUSED).refused
    assert 10 <= len(refused) <= guard.MOST_NOTICES
    assert all(len(notice) <= guard.NOTICE for notice in refused)
    body = body_for(app, "counter.children", {"view.data": "", "refused.data": list(refused)})
    assert post(client, body)[0] == 200


def test_a_click_on_an_id_longer_than_the_address_holds_selects_nothing(app, client):
    """Plotly's clickData comes from the page, and can be written by hand: an id of 200,000
    characters is none the chart drew, and never goes into the address."""
    click = {"points": [{"x": "2022-01-07", "customdata": "a" * 200_000}]}
    status, answer = post(client, body_for(app, "url.search", {"timeline.clickData": click}))
    assert status in (200, 204, 400) and len(answer) < 10_000, answer[:200]
    assert b"aaaaaaaaaa" not in answer
    assert clicked_event(click) == "" and clicked_event({"points": [{"customdata": "death-toll"}]}) == "death-toll"


def test_what_the_page_sends_still_answers(app, client):
    http = Client(client)
    assert http.view("?q=almaty").counter.endswith(" events")
    assert http.figure("?event=death-toll") is not None
    status, response = http.callback("url.search", {"url.search": "?q=" + "a b c d e f g h i"})
    assert status == 200 and "9 different words" in response["refused"]["data"][0]
    # (the address tidied, in place: no step of the history of its own)
    assert "url" not in response and "q=" not in response["address-tidied"]["data"]


# --- generated malformed bodies ---------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["\ud800", "\udfff", "?q=\ud800", "2022-01-07", "x" * 500]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def malformed_bodies(draw, callbacks):
    output, spec = draw(st.sampled_from(callbacks))
    body = valid_body(output, spec)
    how = draw(st.sampled_from(["value", "value", "value", "key", "drop", "output", "whole"]))
    if how == "value":
        part = draw(st.sampled_from([p for p in ("inputs", "state") if body[p]]))
        at = draw(st.integers(0, len(body[part]) - 1))
        if isinstance(body[part][at], dict):
            body[part][at]["value"] = draw(JSON)
        else:
            body[part][at] = draw(JSON)
    elif how == "key":
        body[draw(st.sampled_from(sorted(body)))] = draw(JSON)
    elif how == "drop":
        body.pop(draw(st.sampled_from(sorted(body))))
    elif how == "output":
        body["output"] = draw(st.text(max_size=40) | st.sampled_from([o for o, _ in callbacks]))
    else:
        body = draw(JSON)
    return body


def test_200_generated_malformed_callback_bodies_get_no_5xx(app, client):
    statuses = []

    @settings(
        max_examples=250,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(body=malformed_bodies(server_callbacks(app)))
    def sent(body):
        status, answer = post(client, body)
        statuses.append(status)
        assert status < 500, (body, answer[:300])

    sent()
    assert len(statuses) >= 200 and statuses.count(400) >= 100
    assert client.get("/").status_code == 200, "the server still answers"
    assert no_traceback(client.log), [r.getMessage()[:200] for r in client.log]


def test_the_whole_span_is_a_zoom_a_page_may_send(app, client):
    """ "Show the whole span" keeps `all` as the zoom in force (timeline/state.py: WHOLE)."""
    status, answer = post(client, body_for(app, "timeline.figure", {"zoom.data": "all"}))
    assert status == 200, answer
    assert no_traceback(client.log)
