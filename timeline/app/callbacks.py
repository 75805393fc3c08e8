"""Callbacks: read the inputs by name, call a pure function from timeline.view, return the
outputs by name.

Each is a module-level function, declared with `@wired` (timeline/app/wiring.py: Dash's flexible
callback signatures); `register` binds the events file and hands them to Dash in order. A test
calls one directly (tests/test_callbacks.py). Those that run in the browser are in
assets/callbacks.js, called by name (ClientsideFunction("timeline", ...)).
"""

from __future__ import annotations

import os
import threading

from dash import ALL, ClientsideFunction, Input, Output, Patch, ctx, dcc, no_update
from dash import State as Given
from dash.exceptions import PreventUpdate

from .. import i18n
from ..state import WHOLE, State, bad_dates, in_force, swapped_dates
from ..view import controls, export, panel
from ..view import figure as chart
from ..view import listing as event_list
from ..view.recent import Recent
from . import data, render, wiring
from .wiring import InBrowser, wired

CONTROLS = tuple(controls.FILTER_FIELDS)  # the filter controls, by id
# Identical views on one worker reuse their panel and figure: keyed by the events file, its
# version and the view (and for the figure the zoom and the graph's width). Bounded: the
# figures of a million events are a few hundred KB each.
PANELS = Recent(64)
FIGURES = Recent(32)


def register(app, path: str, title: str = "") -> None:
    """The callbacks for the events file at `path` (`title`: the exports'), on `app`."""
    wiring.register(app, CALLBACKS, path=path, title=title)


# The page's poll runs in the browser: a GET of the file's version (timeline/app/version.py),
# which a cache may answer; only a changed version reaches data-version and fires callbacks.
POLL = InBrowser(
    ClientsideFunction("timeline", "poll"),
    dict(
        output=Output("data-version", "data"),
        inputs=[Input("poll", "n_intervals")],
        state=[Given("data-version", "data")],
        prevent_initial_call=True,
    ),
)


# The panel's outlet buttons: a press, in the browser, becomes the outlet chosen (outlet-choice),
# which navigate reads. Dash calls a callback on ALL of them whenever the panel draws new ones
# (on every page opened, with no count): read by navigate itself, each such drawing cost a call
# to the server that changed nothing.
OUTLET_CHOSEN = InBrowser(
    ClientsideFunction("timeline", "outletChosen"),
    dict(
        output=Output("outlet-choice", "data"),
        inputs=[Input({"type": "outlet", "name": ALL}, "n_clicks")],
        prevent_initial_call=True,
    ),
)


# The address is the view's state; `view` is the same without where the chart and the map are
# (the zoom, the map's place), so that neither a zoom nor a pan (each written into the address
# in place) redraws anything.
@wired(
    output=dict(
        search=Output("url", "search"),
        tidied=Output("address-tidied", "data"),
        view=Output("view", "data"),
        refused=Output("refused", "data"),
        controls=[Output(c, "value") for c in CONTROLS],
        only=Output("map-only", "aria-pressed"),
    ),
    inputs=dict(
        search=Input("url", "search"),
        shown=[Input(c, "value") for c in CONTROLS],
        previous=Input("prev-event", "n_clicks"),
        following=Input("next-event", "n_clicks"),
        click=Input("timeline", "clickData"),
        outlet=Input("outlet-choice", "data"),  # {"name": the outlet pressed in the panel, "at": when}
        clear=Input("clear-filters", "n_clicks"),
        map_only=Input("map-only", "n_clicks"),
        choice=Input("map-choice", "data"),
    ),
    state=dict(
        moved=Given("map-view", "data"),
        only=Given("map-only", "aria-pressed"),
        zoom=Given("zoom", "data"),
        view=Given("view", "data"),
        refused=Given("refused", "data"),
    ),
)
def navigate(
    search,
    shown,
    previous,
    following,
    click,
    outlet,
    clear,
    map_only,
    choice,
    moved,
    only,
    zoom,
    view,
    refused,
    *,
    path,
):
    """The address, the view, what the filters show and whether "Only what is on the map" is on,
    after a control, a step, a click on the chart, in the panel or on the map, or the address
    itself, changed. (The buttons' counts only say that one was pressed: `ctx` says which.)

    A move of the map is not an input: the viewer's own moves write the map's place (and, with
    "Only what is on the map" on, its area) into the address (assets/map.js), and the page's
    own moves (the first fit) change nothing here. So nothing calls this on its own while a
    page loads, to overtake (and so drop: Dash keeps the newest call's answer) a viewer's first
    click."""
    state, (trigger, value), now = State.from_search(search), _viewer_action(), data.current(path)
    state = controls.in_index(state, now.index)
    if isinstance(trigger, str) and trigger in (*CONTROLS, "map-only") or (trigger not in (None, "url") and value):
        area = (moved or {}).get("bounds")
        # (with the chart's zoom: Previous and Next from no event lead into it)
        state = controls.next_state(state.zoomed(zoom), trigger, value, now.index, now.mask, shown, area)
    wanted, shown_view = controls.control_values(state), state.view()
    # What the address had that was refused is said until the view changes: the address
    # tidied of it (written back by the call before) leaves the notice up.
    said = list(state.refused) or ((refused or []) if shown_view == view else [])
    # The address as the viewer's action makes it is a step in the history; the address tidied
    # (a link's values refused, put in order, a step back to one) takes its place, in the browser
    # (TIDY_ADDRESS): pushed, it was a step Back went to, to be tidied and pushed again.
    written, tidy = _changed(state.to_search(), search or ""), trigger in (None, "url")
    return dict(
        search=no_update if tidy else written,
        tidied=written if tidy else no_update,
        view=_changed(shown_view, view),
        refused=_changed(said, refused or []),
        controls=[_changed(w, v or type(w)()) for w, v in zip(wanted, shown)],
        only=_changed("true" if state.filters.area else "false", only),
    )


@wired(
    output=dict(
        panel=Output("sources-panel", "children"),
        listing=Output("event-list", "items"),
        first=Output("event-list", "first"),
        caption=Output("event-list-caption", "children"),
        counter=Output("counter", "children"),
        problems=Output("problems", "children"),
        categories=Output("category-filter", "options"),
        sources=Output("source-filter", "options"),
        invalid=[Output(c, "className") for c in controls.DATE_CONTROLS],
    ),
    inputs=dict(view=Input("view", "data"), version=Input("data-version", "data"), refused=Input("refused", "data")),
    state=dict(zoom=Given("zoom", "data"), first=Given("event-list", "first")),
)  # called on load: `view` may come with the page (timeline/app/opening.py) and not change
def show(view, version, refused, zoom=None, first=None, *, path):
    """The panel (the event chosen, or the overview), the list, the counter, the problems and
    the filters' choices, for the view (made once per version and view: PANELS)."""
    now, state, file = data.current(path, seen=version), State.from_search(view), os.path.basename(path)
    shown = PANELS.get((path, now.version, state.to_search(), i18n.current()), lambda: _shown(now, state, file))
    # (The file's problems are the newsroom's, not an article's readers': not sent to an embed.)
    notices = [*([] if state.embed else now.problems), *render.refused_notices(refused)]
    notices += [*render.filter_notices(bad_dates(state.filters)), *render.refused_notices(swapped_dates(state.filters))]
    problems = render.problems(notices, now.index.dataset.rows_left_out, file, now.kept_back and not state.embed)
    listed = _listed(now, state, zoom, keep=first or "")
    return dict(shown, **listed, problems=problems, invalid=controls.invalid_dates(state.filters))


def _listed(now: data.Current, state: State, zoom, keep: str = "") -> dict:
    """The list, its first event's id and its caption: the page around the event chosen, or with
    none, the page the chart's view begins, or the page that begins with `keep` while it shows an
    event the chart shows (event_list.listing)."""
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    selected = index.position(state.event)
    window, _ = chart.view_window(index, mask, selected, chart.window_of(zoom, index, mask))
    listing = event_list.listing(index, mask, state, selected, window, keep)
    first = listing.items[0].id if listing.items else ""
    return dict(listing=render.event_list(listing), first=first, caption=render.list_caption(listing))


# With no event chosen, the list's page follows the chart as it is zoomed or panned (with one
# chosen, its page is the one around it: left as it is, and the focus in it kept).
@wired(
    output=dict(
        listing=Output("event-list", "items", allow_duplicate=True),
        first=Output("event-list", "first", allow_duplicate=True),
        caption=Output("event-list-caption", "children", allow_duplicate=True),
    ),
    inputs=dict(zoom=Input("zoom", "data")),
    state=dict(
        view=Given("view", "data"),
        version=Given("data-version", "data"),
        shown=Given("event-list-caption", "children"),
        first=Given("event-list", "first"),
    ),
    prevent_initial_call=True,
)
def list_page(zoom, view, version, shown, first=None, *, path):
    """The list's page for the chart's view, when no event is chosen (the page shown while the
    chart shows one of its events); nothing sent where that is the page shown already (its
    caption the same): drawn again, the list would lose the focus in it (on an event Close has
    just returned it to) and move the page."""
    state = State.from_search(view)
    if state.event:
        raise PreventUpdate
    listed = _listed(data.current(path, seen=version), state, zoom, keep=first or "")
    if listed["caption"] == shown:
        raise PreventUpdate
    return listed


def _shown(now: data.Current, state: State, file: str) -> dict:
    """What `show` shows but the problems: the same for every reader of one view."""
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    selected = index.position(state.event)
    return dict(
        panel=_side(index, mask, state, selected, file),
        counter=panel.counter_text(index, mask),
        categories=controls.category_options(index.lanes),
        sources=controls.outlet_options(index.outlets, now.index.outlets, state.filters.sources),
    )


def _side(index, mask, state: State, selected, file: str) -> list:
    """The panel: the event chosen, or the overview (saying so when the address's event is gone)."""
    if selected is not None:
        return render.event_panel(panel.event_panel(index, selected), state, file, kept=bool(mask[selected]))
    view = panel.overview(index, mask, in_force(state.filters), state.filters.sources)
    side = render.overview(view, embedded=state.embed)
    return [render.missing_event(state.event), *side] if state.event else side


# What the chart shows, said in words, and where Previous and Next lead.
@wired(
    output=dict(
        summary=Output("chart-summary", "children"),
        steps=[Output(b, p) for b in ("prev-event", "next-event") for p in ("children", "title", "className")],
    ),
    inputs=dict(view=Input("view", "data"), version=Input("data-version", "data"), zoom=Input("zoom", "data")),
)
def describe(view, version, zoom, *, path):
    """The chart in words, and Previous and Next: their text, tooltip and class (from no event,
    they lead into the chart's zoom: state.step)."""
    now, state = data.current(path, seen=version), State.from_search(view).zoomed(zoom)
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    position = index.position(state.event)
    shown = chart.view_window(index, mask, position, chart.window_of(state.zoom, index, mask))[0]
    window = (
        None if position is not None else (shown.low, shown.high)
    )  # (chart.shown_window's: from no event, into the view)
    return dict(
        summary=render.chart_summary(
            panel.chart_summary(index, mask, in_force(state.filters)), panel.view_said(index, mask, shown)
        ),
        steps=list(render.steps(*event_list.steps(index, mask, state.event, window))),
    )


# The line above the chart: "30 of 35 events in view", and a button at each edge with the
# events beyond it (one click widens the view to them). On load too: the page's opening figure
# comes without a callback (timeline/app/opening.py).
@wired(
    output=dict(
        text=Output("in-view", "children"),
        before=Output("edge-before", "children"),
        no_before=Output("edge-before", "hidden"),
        after=Output("edge-after", "children"),
        no_after=Output("edge-after", "hidden"),
    ),
    inputs=dict(view=Input("view", "data"), version=Input("data-version", "data"), zoom=Input("zoom", "data")),
)
def in_view(view, version, zoom, *, path):
    """The events in view and beyond each edge, for the view in the zoom in force."""
    now, state = data.current(path, seen=version), State.from_search(view)
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    window, _ = chart.view_window(index, mask, index.position(state.event), chart.window_of(zoom, index, mask))
    edges = chart.edges(index, mask, window)
    return dict(
        text=edges.text(),
        before=i18n._("← {n} earlier").format(n=i18n.number(edges.before)),
        no_before=not edges.before,
        after=i18n._("{n} later →").format(n=i18n.number(edges.after)),
        no_after=not edges.after,
    )


@wired(
    output=dict(figure=Output("timeline", "figure"), zoom=Output("zoom", "data")),
    inputs=dict(
        view=Input("view", "data"),
        version=Input("data-version", "data"),
        reset=Input("reset-zoom", "n_clicks"),
        click=Input("timeline", "clickData"),
        before=Input("edge-before", "n_clicks"),
        after=Input("edge-after", "n_clicks"),
        width=Input("chart-width", "data"),
    ),
    state=dict(zoom=Given("zoom", "data"), search=Given("url", "search")),
    prevent_initial_call=True,
)
def draw(view, version, reset, click, before, after, width, zoom, search, *, path):
    """The chart for the view, in the zoom that applies: the whole view after Reset, the
    address's on a page opened or a step back, the events beyond an edge after its button, a
    density band's after a click on it; else the zoom in force."""
    now, state = data.current(path, seen=version), State.from_search(view)
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    selected = index.position(state.event)
    zoom = _zoom_asked(index, mask, selected, zoom, search, click)
    if zoom is no_update:
        return dict(figure=no_update, zoom=no_update)
    # (A zoom follows an event just chosen outside it; else it stays as the viewer left it.)
    follow = "view.data" in ctx.triggered_prop_ids
    window, pinned = chart.view_window(index, mask, selected, chart.window_of(zoom, index, mask), follow)
    figured = figure(now, path, state.filters, mask, selected, window, width)
    return dict(figure=figured, zoom=WHOLE if zoom == WHOLE else _pinned(window, pinned))


def figure(now: data.Current, path: str, filters, mask, selected, window, width=None) -> dict:
    """The chart's figure, made once per version and view (FIGURES): `draw`'s and the one a
    page opens on (timeline/app/opening.py)."""
    return FIGURES.get(
        (path, now.version, filters, selected, window, width, i18n.current()),
        lambda: chart.figure(now.index_at(filters), mask, selected, window, width),
    )


def _zoom_asked(index, mask, selected, zoom, search, click):
    """The zoom `draw` shows (a chart.Window; WHOLE, every event however many come; or None:
    the view's own), or no_update when a click on the chart asks for nothing."""
    if ctx.triggered_id == "reset-zoom":  # (WHOLE, not the range it is now: see state.WHOLE)
        return WHOLE
    if "view.data" in ctx.triggered_prop_ids:  # a page opened, a link followed, a step back
        # The address's zoom if it has one (a shared link, a step back); else the zoom in
        # force stays (a link in the list carries none; a page just opened has none).
        zoom = State.from_search(search).zoom or zoom
    if ctx.triggered_id in ("edge-before", "edge-after"):  # show the events beyond an edge
        shown = chart.view_window(index, mask, selected, chart.window_of(zoom, index, mask))[0]
        return chart.widened(index, mask, shown, ctx.triggered_id.removeprefix("edge-"))
    if set(ctx.triggered_prop_ids) == {"timeline.clickData"}:  # a density band zooms in
        zoom = chart.zoom_into(click, chart.view_window(index, mask, selected, chart.window_of(zoom, index, mask))[0])
        return no_update if zoom is None else zoom
    return zoom


# The graph's width, so that titles are packed for the room they have (on a resize too: see
# ZOOM_ASKED). On load too: the page's opening figure was packed for a width the server guessed.
CHART_WIDTH = InBrowser(
    ClientsideFunction("timeline", "chartWidth"),
    dict(output=Output("chart-width", "data"), inputs=[Input("view", "data")], state=[Given("chart-width", "data")]),
)

# Plotly reports every relayout (autosize too); only those that change the time range go on to
# `zoom`, filtered in the browser, so that a later autosize never cancels a zoom's pending update.
ZOOM_ASKED = InBrowser(
    ClientsideFunction("timeline", "zoomAsked"),
    dict(
        output=Output("zoom-request", "data"),
        inputs=[Input("timeline", "relayoutData")],
        state=[Given("chart-width", "data")],
        prevent_initial_call=True,
    ),
)

# The address navigate tidied takes the place of the one the browser opened (replaceState): a
# link's, or a step back's, is no step of its own.
TIDY_ADDRESS = InBrowser(ClientsideFunction("timeline", "tidyAddress"), dict(inputs=[Input("address-tidied", "data")]))

# The zoom goes into the address (in place: a zoom is not a step in the history), so that a
# link shares the view as it is. Called on load too. No output: it writes the address.
ZOOM_INTO_ADDRESS = InBrowser(ClientsideFunction("timeline", "zoomIntoAddress"), dict(inputs=[Input("zoom", "data")]))


# Zooming redraws only the traces: a small update, the layout stays as the viewer left it.
@wired(
    output=dict(
        figure=Output("timeline", "figure", allow_duplicate=True), zoom=Output("zoom", "data", allow_duplicate=True)
    ),
    inputs=dict(relayout=Input("zoom-request", "data")),
    state=dict(view=Given("view", "data"), width=Given("chart-width", "data")),
    prevent_initial_call=True,
)
def zoom(relayout, view, width, *, path):
    """The traces and the lanes for the time range the viewer zoomed or panned to."""
    asked = chart.window_from_relayout(relayout)
    if asked is None:
        return dict(figure=no_update, zoom=no_update)
    now, state = data.current(path), State.from_search(view)
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    window, pinned = chart.view_window(index, mask, None, asked or None)
    patch = Patch()
    patch["data"], lanes, ticks = chart.repacked(index, mask, index.position(state.event), window, width)
    patch["layout"].update(lanes)  # the lanes' sub-rows: the titles re-packed for this view
    patch["layout"]["xaxis"].update(ticks)
    return dict(figure=patch, zoom=_pinned(window, pinned))


@wired(
    output=dict(
        file=Output("download", "data"), said=Output("export-said", "children"), seen=Output("export-said", "className")
    ),
    inputs=dict(csv_clicks=Input("export-csv", "n_clicks"), json_clicks=Input("export-timelinejs", "n_clicks")),
    state=dict(view=Given("view", "data")),
    prevent_initial_call=True,
)
def download(csv_clicks, json_clicks, view, *, path, title):
    """The events in view as a CSV file, or as TimelineJS's JSON (at most export.MOST_*), and
    what it holds said beside the buttons (shown where it holds fewer than the filters keep).
    One export at a time in a worker: one asked for meanwhile is not made, so that a few large
    ones at once cannot hold every thread and the memory of a worker; the viewer is told so (a
    click that did nothing, silently, was taken for a broken button)."""
    if not _EXPORTING.acquire(blocking=False):
        said = i18n._("Another download is being made on this server: try again in a few seconds.")
        return dict(file=no_update, said=said, seen=render.EXPORT_SHOWN)
    try:
        now, filters = data.current(path), State.from_search(view).filters
        index, mask = now.index_at(filters), now.mask(filters)
        if ctx.triggered_id == "export-timelinejs":
            made = export.timelinejs_file(index, mask, i18n.title(title), i18n._("timeline"))
            name, kind = made.name + ".json", "application/json"
        else:
            made = export.csv_file(index, mask, i18n._("timeline-events"))
            name, kind = made.name + ".csv", "text/csv"
        # (the file's name left to right: in Arabic, -99998-of-108323.csv was drawn reversed)
        seen = render.EXPORT_HEARD if made.whole else render.EXPORT_SHOWN
        file = dcc.send_string(made.text, name, type=kind)
        return dict(file=file, said=render.isolated(made.said, {name}, "ltr"), seen=seen)
    finally:
        _EXPORTING.release()


_EXPORTING = threading.Semaphore(1)  # download: one export at a time in this process

# What a download held is said until the view changes (in the browser: no request).
EXPORT_SAID_GONE = InBrowser(
    ClientsideFunction("timeline", "exportSaidGone"),
    dict(
        output=Output("export-said", "children", allow_duplicate=True),
        inputs=[Input("view", "data")],
        prevent_initial_call=True,
    ),
)


# Handed to Dash in this order (/_dash-dependencies lists them so).
CALLBACKS = (
    POLL,
    OUTLET_CHOSEN,
    navigate,
    TIDY_ADDRESS,
    show,
    list_page,
    describe,
    in_view,
    draw,
    CHART_WIDTH,
    ZOOM_ASKED,
    ZOOM_INTO_ADDRESS,
    zoom,
    download,
    EXPORT_SAID_GONE,
)


def _viewer_action() -> tuple:
    """The input that fired and its value: among several that fired together, what the viewer
    did (a control, or a button or event with a value), not the address."""
    fired = [(ctx.triggered_prop_ids.get(t["prop_id"]) or None, t["value"]) for t in ctx.triggered]
    for trigger, value in fired:
        if isinstance(trigger, str) and trigger in CONTROLS or (trigger not in (None, "url") and value):
            return trigger, value
    return fired[0] if fired else (None, None)


def _pinned(window, pinned: bool):
    return [window.low, window.high] if pinned else None


def _changed(wanted, current):
    return no_update if wanted == current else wanted
