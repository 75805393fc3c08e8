"""The map beside the timeline: a callback that sends what it shows (timeline.view.map) to the
browser, where assets/map.js draws it with Leaflet; the phone's Map button."""

from __future__ import annotations

import html

from dash import ClientsideFunction, Input, Output
from dash import State as Given

from ..links import is_web_link
from ..state import Area, State
from ..view import figure as chart
from ..view import map as places_map
from . import data, wiring
from .wiring import InBrowser, wired


def tiles(url: str, attribution: str = "") -> dict | None:
    """The tile server's settings for the page, or None for the basemap that ships with the
    app. Only an http(s) address with {z}, {x} and {y} is taken. Leaflet writes the attribution
    as HTML: it is escaped, so it shows as text."""
    if not url:
        return None
    if not is_web_link(url) or not all(part in url for part in ("{z}", "{x}", "{y}")):
        raise ValueError(
            f"--map-tiles {url!r} is not an http(s) tile address with {{z}}, {{x}} and "
            f"{{y}} in it, e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png"
        )
    return {"url": url, "attribution": html.escape(attribution)}


def register(app, path: str, tiles: dict | None = None) -> None:
    """`tiles`: {"url", "attribution"} of a tile server to draw under the marks; None: the
    basemap that ships with the app (assets/vendor/countries-50m.json)."""
    wiring.register(app, CALLBACKS, path=path, tiles=tiles)


# The filters and the chart's time range apply to the map; the map's view (where the viewer
# moved it) says which marks to send.
@wired(
    output=dict(shown=Output("map-data", "data"), status=Output("map-status", "children")),
    inputs=dict(
        view=Input("view", "data"),
        version=Input("data-version", "data"),
        moved=Input("map-view", "data"),
        zoom=Input("zoom", "data"),
    ),
    state=dict(search=Given("url", "search")),
    prevent_initial_call=True,
)
def show_map(view, version, moved, zoom, search, *, path, tiles):
    """The marks (or counts) in the map's view, for the events the filters keep in the chart's
    time range, with where the map is and its tiles."""
    now, state = data.current(path, seen=version), State.from_search(view)
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    selected = index.position(state.event)
    window, _ = chart.view_window(index, mask, selected, chart.window_of(zoom, index, mask))
    shown = places_map.map_data(
        index, chart.in_window(index, mask, window), Area.of((moved or {}).get("bounds")), selected
    )
    asked = State.from_search(search)
    place, area = asked.map, asked.filters.area
    shown.update(
        view=[place.zoom, place.lat, place.lon] if place else None,
        area=area.as_list() if area else None,
        tiles=tiles,
    )
    return dict(shown=shown, status=places_map.status(shown))


# assets/map.js draws what show_map sends, with Leaflet.
DRAW = InBrowser(
    ClientsideFunction("timeline_map", "draw"),
    dict(output=Output("map-drawn", "data"), inputs=[Input("map-data", "data")], prevent_initial_call=True),
)

# The phone: the map is one tap away, folded until then.
TOGGLE = InBrowser(
    ClientsideFunction("timeline_map", "toggle"),
    dict(
        output=[
            Output("map-section", "className"),
            Output("map-toggle", "aria-expanded"),
            Output("map-toggle", "children"),
        ],
        inputs=[Input("map-toggle", "n_clicks")],
        state=[Given("map-section", "className")],
        prevent_initial_call=True,
    ),
)

CALLBACKS = (show_map, DRAW, TOGGLE)
