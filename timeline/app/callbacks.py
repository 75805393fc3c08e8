"""Callbacks: read the inputs, call a pure function from timeline.view, return."""
from __future__ import annotations

import os

from dash import ALL, Input, Output, Patch, State as Given, ctx, dcc, no_update

from ..filters import State, bad_dates
from ..view import controls, export, figure as chart, panel
from . import data, render

CONTROLS = tuple(controls.FILTER_FIELDS)  # the filter controls, by id


def register(app, path: str, title: str = "Timeline") -> None:
    @app.callback(Output("data-version", "data"), Input("poll", "n_intervals"),
                  Given("data-version", "data"), prevent_initial_call=True)
    def poll(_, known):
        version = data.current(path).version
        return no_update if version == known else version

    # The address is the view's state; `view` is the same without the zoom, so that a zoom
    # written into the address redraws nothing.
    @app.callback(
        Output("url", "search"), Output("view", "data"), Output("refused", "data"),
        *[Output(c, "value") for c in CONTROLS],
        Input("url", "search"), *[Input(c, "value") for c in CONTROLS],
        Input("prev-event", "n_clicks"), Input("next-event", "n_clicks"),
        Input("timeline", "clickData"), Input({"type": "outlet", "name": ALL}, "n_clicks"),
        Input("clear-filters", "n_clicks"), Given("zoom", "data"), Given("view", "data"),
        Given("refused", "data"),
    )
    def navigate(search, *values):
        state, trigger = State.from_search(search), ctx.triggered_id
        value = ctx.triggered[0]["value"] if ctx.triggered else None
        shown, (zoom, view, refused) = values[:len(CONTROLS)], values[-3:]
        if isinstance(trigger, str) and trigger in CONTROLS or (trigger not in (None, "url") and value):
            now = data.current(path)
            state = controls.next_state(state, trigger, value, now.index, now.mask, shown).zoomed(zoom)
        wanted = controls.control_values(state)
        return (_changed(state.to_search(), search or ""), _changed(state.zoomed(None).to_search(), view),
                _changed(list(state.refused), refused or []),
                *[_changed(w, v or type(w)()) for w, v in zip(wanted, shown)])

    @app.callback(
        Output("sources-panel", "children"), Output("event-list", "children"),
        Output("event-list-caption", "children"), Output("counter", "children"),
        Output("problems", "children"), Output("category-filter", "options"),
        Output("source-filter", "options"),
        Input("view", "data"), Input("data-version", "data"), Input("refused", "data"),
    )   # called on load: `view` may come with the page (timeline/app/opening.py) and not change
    def show(view, _version, refused):
        now = data.current(path)
        index, state = now.index, State.from_search(view)
        mask = now.mask(state.filters)
        selected = index.position(state.event)
        if selected is not None:
            side = render.event_panel(panel.event_panel(index, selected), state, os.path.basename(path))
        else:
            side = render.overview(panel.overview(index, mask, state.filters.active))
            if state.event:
                side.insert(0, render.missing_event(state.event))
        listing = panel.listing(index, mask, state, selected)
        notices = [*now.problems, *render.refused_notices(refused),
                   *render.filter_notices(bad_dates(state.filters))]
        return (
            side, render.event_list(listing), render.list_caption(listing),
            f"{int(mask.sum()):,} of {len(index):,} events",
            render.problems(notices, index.dataset.rows_left_out, os.path.basename(path), now.kept_back),
            controls.category_options(index.lanes), controls.outlet_options(index.outlets),
        )

    # What the chart shows, said in words, and where Previous and Next lead.
    @app.callback(
        Output("chart-summary", "children"),
        *[Output(b, p) for b in ("prev-event", "next-event") for p in ("children", "title", "className")],
        Input("view", "data"), Input("data-version", "data"),
    )
    def describe(view, _version):
        now, state = data.current(path), State.from_search(view)
        mask = now.mask(state.filters)
        return (panel.chart_summary(now.index, mask, state.filters.active),
                *render.steps(*panel.steps(now.index, mask, state.event)))

    # The line above the chart: "30 of 35 events in view", and a button at each edge with the
    # events beyond it (one click widens the view to them). On load too: the page's opening
    # figure comes without a callback (timeline/app/opening.py).
    @app.callback(
        Output("in-view", "children"), Output("edge-before", "children"), Output("edge-before", "hidden"),
        Output("edge-after", "children"), Output("edge-after", "hidden"),
        Input("view", "data"), Input("data-version", "data"), Input("zoom", "data"),
    )
    def in_view(view, _version, zoom):
        now, state = data.current(path), State.from_search(view)
        index, mask = now.index, now.mask(state.filters)
        window, _ = chart.view_window(index, mask, index.position(state.event), chart.Window(*zoom) if zoom else None)
        edges = chart.edges(index, mask, window)
        return (edges.text(), f"← {edges.before:,} earlier", not edges.before,
                f"{edges.after:,} later →", not edges.after)

    @app.callback(
        Output("timeline", "figure"), Output("zoom", "data"),
        Input("view", "data"), Input("data-version", "data"), Input("reset-zoom", "n_clicks"),
        Input("timeline", "clickData"), Input("edge-before", "n_clicks"), Input("edge-after", "n_clicks"),
        Input("chart-width", "data"), Given("zoom", "data"), Given("url", "search"),
        prevent_initial_call=True,
    )
    def draw(view, _version, _reset, click, _before, _after, width, zoom, search):
        now, state = data.current(path), State.from_search(view)
        index, mask = now.index, now.mask(state.filters)
        selected = index.position(state.event)
        if ctx.triggered_id == "reset-zoom":
            zoom = chart.Window.around(index, mask, whole=True)
        elif "view.data" in ctx.triggered_prop_ids:   # a page opened, a link followed, a step back
            # The address's zoom if it has one (a shared link, a step back); else the zoom in
            # force stays (a link in the list carries none; a page just opened has none).
            asked = State.from_search(search).zoom or zoom
            zoom = chart.Window(*asked) if asked else None
        else:
            zoom = chart.Window(*zoom) if zoom else None
        if ctx.triggered_id in ("edge-before", "edge-after"):   # show the events beyond an edge
            shown = chart.view_window(index, mask, selected, zoom)[0]
            zoom = chart.widened(index, mask, shown, ctx.triggered_id.removeprefix("edge-"))
        if set(ctx.triggered_prop_ids) == {"timeline.clickData"}:  # a density band zooms in
            zoom = chart.zoom_into(click, chart.view_window(index, mask, selected, zoom)[0])
            if zoom is None:
                return no_update, no_update
        window, pinned = chart.view_window(index, mask, selected, zoom)
        return chart.figure(index, mask, selected, window, width), _pinned(window, pinned)

    # The graph's width, so that titles are packed for the room they have (on a resize too:
    # see the relayout filter below).
    app.clientside_callback(
        """function (_view, known) {
            const graph = document.getElementById("timeline");
            const width = graph ? Math.round(graph.getBoundingClientRect().width) : null;
            return width && width !== known ? width : window.dash_clientside.no_update;
        }""",
        Output("chart-width", "data"), Input("view", "data"), Given("chart-width", "data"),
    )   # (on load too: the page's opening figure was packed for a width the server guessed)

    # Plotly reports every relayout (autosize too); only those that change the time range go on,
    # filtered in the browser, so that a later autosize never cancels a zoom's pending update.
    app.clientside_callback(
        """function (relayout, known) {
            const r = relayout || {};
            const graph = document.getElementById("timeline");
            const width = graph ? Math.round(graph.getBoundingClientRect().width) : null;
            if (r.autosize && width && known && Math.abs(width - known) > 20) {   // resized: re-pack
                window.dash_clientside.set_props("chart-width", {data: width});
            }
            const asks = ("xaxis.range[0]" in r) || ("xaxis.range" in r) || r["xaxis.autorange"];
            return asks ? r : window.dash_clientside.no_update;
        }""",
        Output("zoom-request", "data"), Input("timeline", "relayoutData"), Given("chart-width", "data"),
        prevent_initial_call=True,
    )

    # The zoom goes into the address, so that a link shares the view as it is. In place
    # (replaceState): a zoom is not a step in the history; `view` stays the same, so nothing
    # is drawn again. The format is timeline.filters.zoom_text's. Called on load too: the
    # opening zoom (a link to one event among a million opens on its neighbours) comes with
    # the page (timeline/app/opening.py).
    app.clientside_callback(
        """function (zoom) {
            // On load, only a zoom that came with the page is written (not none: the page's
            // opening view may not have been applied, and the address's zoom is still to read).
            if (!zoom && !window.dash_clientside.callback_context.triggered.length) return;
            // (A year BC comes as -000499 from toISOString: written -0499, as plotly.js writes it.)
            const moment = (second) => new Date(second * 1000).toISOString().replace(/^([+-])00/, "$1")
                .replace(/^[+]/, "").replace(/Z$/, "").slice(0, -4)
                .replace(/:00$/, "").replace(/T00:00$/, "");
            const where = window.location;
            const pairs = where.search.replace(/^[?]/, "").split("&").filter((p) => p && !p.startsWith("zoom="));
            if (zoom && zoom.length === 2) {
                pairs.push("zoom=" + moment(zoom[0]) + "/" + moment(zoom[1]));
            }
            const search = pairs.length ? "?" + pairs.join("&") : "";
            if (search !== where.search) {
                window.history.replaceState(window.history.state, "", where.pathname + search + where.hash);
                // dcc.Location learns of it too (else its next push would bring back the old one).
                window.dash_clientside.set_props("url", {search: search, href: window.location.href});
            }
        }""",
        Input("zoom", "data"),
    )

    # Zooming redraws only the traces: a small update, the layout stays as the viewer left it.
    @app.callback(
        Output("timeline", "figure", allow_duplicate=True), Output("zoom", "data", allow_duplicate=True),
        Input("zoom-request", "data"), Given("view", "data"), Given("chart-width", "data"),
        prevent_initial_call=True,
    )
    def zoom(relayout, view, width):
        asked = chart.window_from_relayout(relayout)
        if asked is None:
            return no_update, no_update
        now, state = data.current(path), State.from_search(view)
        index, mask = now.index, now.mask(state.filters)
        window, pinned = chart.view_window(index, mask, None, asked or None)
        patch = Patch()
        patch["data"], lanes, ticks = chart.repacked(index, mask, index.position(state.event), window, width)
        patch["layout"].update(lanes)   # the lanes' sub-rows: the titles re-packed for this view
        patch["layout"]["xaxis"].update(ticks)
        return patch, _pinned(window, pinned)

    @app.callback(Output("download", "data"), Input("export-csv", "n_clicks"),
                  Input("export-timelinejs", "n_clicks"), Given("view", "data"),
                  prevent_initial_call=True)
    def download(_csv, _json, view):
        now = data.current(path)
        mask = now.mask(State.from_search(view).filters)
        if ctx.triggered_id == "export-timelinejs":
            text = export.timelinejs_json(now.index, mask, title)
            return dcc.send_string(text, "timeline.json", type="application/json")
        return dcc.send_string(export.accounts_csv(now.index, mask), "timeline-events.csv", type="text/csv")


def _pinned(window, pinned: bool):
    return [window.low, window.high] if pinned else None


def _changed(wanted, current):
    return no_update if wanted == current else wanted
