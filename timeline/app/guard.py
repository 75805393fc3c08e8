"""Requests a client got wrong answer 4xx, before anything reads them; never a 5xx, nor a
traceback in the log.

- a body over `MAX_BODY` bytes: 413 (Flask's MAX_CONTENT_LENGTH);
- a callback request (`/_dash-update-component`) that is not what this page sends: 400 with a
  short message. `callback_problem` checks the body against the app's own callbacks (the
  output asked for, each input and state by id and property, in order) and each value by
  what its component sends (`VALUES`), before Dash reads it;
- a path that is neither `/`, the version open pages poll (`/_timeline/version`,
  timeline/app/version.py), the icons nor one that Dash serves: 404 (Dash answers every
  path with the page, for multi-page apps; this app has one page); a bad
  `/_dash-component-suites/` path: 404.

`/favicon.ico` is the page's icon (assets/favicon.ico, made by docs/favicon.py), which the page
links to: a browser asks for it at the site's root when what it shows names none (a refused
request's text), and so do crawlers and feed readers. (Served under a path prefix, it is at the
prefix's root: the host's own root is the host's to answer.) `/apple-touch-icon.png` is the
icon of a page saved to a phone's home screen (assets/apple-touch-icon.png, made by the same
script): the page links to it, and iOS asks for it at the root when a page does not.
"""

from __future__ import annotations

import json

from dash import exceptions
from flask import Response, request, send_from_directory

from ..state import WHOLE
from ..view.figure import CALENDAR

MAX_BODY = 256 * 1024  # bytes in a request's body (a callback's is a few KB); bounds the rest
MAX_DEPTH = 8  # nesting of a callback body's JSON
# The notices the page holds of what its address had refused (`refused.data`), as `navigate`
# wrote them: one per value of the address at most (12 today), each a sentence quoting at most
# 60 characters of the value (about 700 characters). The page sends them back, and `show` draws
# every one: unbounded, a 250 KB body of 60,000 one-letter notices came back as 12 MB and took
# a worker's thread 2.5 s.
MOST_NOTICES = 20
NOTICE = 2_000  # characters
ICON = "favicon.ico"  # in the assets folder (Dash links the page to it there)
TOUCH_ICON = "apple-touch-icon.png"  # in the assets folder too
ICON_MAX_AGE = 86_400  # seconds a browser may keep an icon without asking again


def install(app) -> None:
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    prefix = app.config.routes_pathname_prefix
    dispatch = prefix + "_dash-update-component"

    @server.before_request
    def refuse_a_bad_callback():
        if request.endpoint != dispatch:
            return None
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # ([[[[... nested beyond what Python's JSON reader follows)
            return _answer("The body is nested too deeply", 400)
        problem = callback_problem(body, app.callback_map)
        return _answer(problem, 400) if problem else None

    # The page at `/` only: Dash's catch-all (`/<path:path>`) answers every other path with it.
    server.view_functions[prefix + "<path:path>"] = lambda **_: _answer("Not found", 404)
    assets = app.config.assets_folder
    for name, endpoint, mimetype in (
        (ICON, "timeline_favicon", "image/x-icon"),
        (TOUCH_ICON, "timeline_touch_icon", "image/png"),
    ):
        server.add_url_rule(
            prefix + name,
            endpoint,
            lambda name=name, mimetype=mimetype: send_from_directory(
                assets, name, mimetype=mimetype, max_age=ICON_MAX_AGE
            ),
            methods=["GET"],
        )

    @server.errorhandler(exceptions.DependencyException)
    def no_such_component_file(_error):
        return _answer("Not found", 404)


def _answer(message: str, status: int) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def callback_problem(body, callbacks: dict) -> str | None:
    """What is wrong with a callback request's body, in a few words; None when it is one this
    page sends."""
    if not isinstance(body, dict):
        return "The body is not a JSON object"
    shape = _json_problem(body, 0)
    if shape:
        return shape
    output = body.get("output")
    callback = callbacks.get(output) if isinstance(output, str) else None
    if callback is None or "callback" not in callback:
        return "No such callback"
    for part in ("inputs", "state"):
        problem = _arguments_problem(body.get(part, []), callback.get(part, []), part)
        if problem:
            return problem
    problem = _outputs_problem(body.get("outputs"), callback)
    if problem:
        return problem
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "'changedPropIds' is not a list of strings"
    return None


def _json_problem(value, depth: int) -> str | None:
    """Nesting, sizes and text that no component of this page sends (a lone surrogate, say)."""
    if depth > MAX_DEPTH:
        return "The body is nested too deeply"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "A value is not valid Unicode text"
        return None
    if isinstance(value, (list, dict)):
        items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        return next((p for p in (_json_problem(v, depth + 1) for v in items) if p), None)
    if isinstance(value, float) and value != value:  # NaN (JSON has none; Python reads it)
        return "A number is not a number"
    return None


def _arguments_problem(given, declared: list[dict], part: str) -> str | None:
    if not isinstance(given, list) or len(given) != len(declared):
        return f"'{part}' does not match the callback's"
    for item, want in zip(given, declared):
        if want["id"].startswith("{"):  # a pattern (ALL): a list of the matching components
            pattern = json.loads(want["id"])
            if not isinstance(item, list) or not all(_matches_pattern(i, pattern, want) for i in item):
                return f"'{part}' does not match the callback's"
            continue
        if not (isinstance(item, dict) and item.get("id") == want["id"] and item.get("property") == want["property"]):
            return f"'{part}' does not match the callback's"
        check = VALUES.get((want["id"], want["property"]), _anything)
        if not check(item.get("value")):
            return f"The value of {want['id']}.{want['property']} is not one this page sends"
    return None


def _matches_pattern(item, pattern: dict, want: dict) -> bool:
    if not (isinstance(item, dict) and isinstance(item.get("id"), dict) and item.get("property") == want["property"]):
        return False
    ident = item["id"]
    return (
        set(ident) == set(pattern)
        and all(isinstance(v, str) for v in ident.values())
        and all(ident[k] == v for k, v in pattern.items() if isinstance(v, str))
        and _count(item.get("value"))
    )


def _outputs_problem(given, callback: dict) -> str | None:
    if callback.get("no_output"):
        return None
    declared = callback["output"]
    many = isinstance(declared, list)
    wanted = [(o.component_id, o.component_property) for o in (declared if many else [declared])]
    items = given if many else [given]
    if not isinstance(items, list) or len(items) != len(wanted):
        return "'outputs' does not match the callback's"
    for item, (ident, prop) in zip(items, wanted):
        if not (
            isinstance(item, dict)
            and item.get("id") == ident
            and isinstance(item.get("property"), str)
            and item["property"].split("@")[0] == prop.split("@")[0]
        ):
            return "'outputs' does not match the callback's"
    return None


# --- values, by what each component sends -------------------------------------------------


def _anything(_value) -> bool:
    return True


def _text(value) -> bool:
    return value is None or isinstance(value, str)


def _count(value) -> bool:
    return value is None or isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _names(value) -> bool:
    return value is None or isinstance(value, list) and all(isinstance(v, str) for v in value)


def _scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _window(value) -> bool:
    """The zoom in force: None, WHOLE ("all"), or [first, last] second, in order, within the calendar."""
    return (
        value is None
        or value == WHOLE
        or (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and abs(v) <= CALENDAR for v in value)
            and value[0] < value[1]
        )
    )


def _click(value) -> bool:
    """Plotly's clickData: {"points": [{"x": ..., "customdata": ..., ...}, ...]}."""
    return value is None or (
        isinstance(value, dict)
        and isinstance(value.get("points", []), list)
        and all(isinstance(p, dict) for p in value.get("points", []))
    )


def _relayout(value) -> bool:
    """Plotly's relayoutData: {"xaxis.range[0]": "2022-01-07 12:00", "autosize": true, ...}."""
    if value is None:
        return True
    if not isinstance(value, dict):
        return False
    whole = value.get("xaxis.range")
    return all(_scalar(v) or isinstance(v, list) and all(_scalar(i) for i in v) for v in value.values()) and (
        whole is None or isinstance(whole, list) and len(whole) == 2
    )


def _width(value) -> bool:
    """The graph's width in pixels, as the browser measures it."""
    return value is None or isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 20_000


def _notices(value) -> bool:
    return _names(value) and (
        value is None or len(value) <= MOST_NOTICES and all(len(notice) <= NOTICE for notice in value)
    )


def _numbers(value, n: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == n
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    )


def _map_view(value) -> bool:
    """Where the viewer moved the map (assets/map.js): {"bounds": [s, w, n, e], "view": [zoom, lat, lon]}."""
    return value is None or (
        isinstance(value, dict)
        and set(value) == {"bounds", "view"}
        and _numbers(value["bounds"], 4)
        and _numbers(value["view"], 3)
    )


def _map_choice(value) -> bool:
    """An event chosen on the map: {"id": ..., "at": a time in ms}."""
    return value is None or (
        isinstance(value, dict)
        and set(value) == {"id", "at"}
        and isinstance(value["id"], str)
        and len(value["id"]) <= 200
        and isinstance(value["at"], (int, float))
    )


def _outlet_choice(value) -> bool:
    """An outlet pressed in the panel (assets/callbacks.js): {"name": ..., "at": a time in ms}."""
    return value is None or (
        isinstance(value, dict)
        and set(value) == {"name", "at"}
        and isinstance(value["name"], str)
        and isinstance(value["at"], (int, float))
    )


VALUES = {
    ("url", "search"): _text,
    ("url", "href"): _text,
    ("view", "data"): _text,
    ("data-version", "data"): _text,
    ("refused", "data"): _notices,
    ("search", "value"): _text,
    ("date-from", "value"): _text,
    ("date-to", "value"): _text,
    ("as-of", "value"): _text,
    ("category-filter", "value"): _names,
    ("source-filter", "value"): _names,
    ("prev-event", "n_clicks"): _count,
    ("next-event", "n_clicks"): _count,
    ("clear-filters", "n_clicks"): _count,
    ("reset-zoom", "n_clicks"): _count,
    ("edge-before", "n_clicks"): _count,
    ("edge-after", "n_clicks"): _count,
    ("chart-width", "data"): _width,
    ("export-csv", "n_clicks"): _count,
    ("export-timelinejs", "n_clicks"): _count,
    ("timeline", "clickData"): _click,
    ("timeline", "relayoutData"): _relayout,
    ("zoom-request", "data"): _relayout,
    ("zoom", "data"): _window,
    ("map-view", "data"): _map_view,
    ("map-choice", "data"): _map_choice,
    ("outlet-choice", "data"): _outlet_choice,
    ("map-only", "n_clicks"): _count,
    ("map-only", "aria-pressed"): _text,
    ("event-list-caption", "children"): _text,  # (callbacks.list_page: the page the list shows)
    ("event-list", "first"): _text,  # (callbacks.show: the event the list begins with)
}
