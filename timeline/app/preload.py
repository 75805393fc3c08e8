"""A lighter first load: what the page needs after its scripts is asked for while they load.

Dash asks for the layout and the callbacks' list (`_dash-layout`, `_dash-dependencies`) only
once all its scripts have run, and the chart's and the dropdown's code (dcc's `async-graph.js`,
`async-dropdown.js`) only when React first renders them: each a round trip after the scripts,
one after the other. The page's head asks for all four at once (`<link rel="preload">`), so the
browser has them when Dash asks. The map's Leaflet is not loaded with the page at all: assets/
map.js loads it when the map is first drawn, after the chart. (Dash's table bundle, unused, still
loads: Dash 4.4 lists it whatever the page holds; 10 KB compressed, about 5 ms to run.)
"""

from __future__ import annotations

from dash import Dash

# Fetched by the page's code, not by Dash's script tags: leave them out of Dash's list.
DEFERRED_ASSETS = r"^leaflet\.js$"  # assets/vendor/leaflet.js (Dash matches file names)


def links(prefix: str) -> str:
    """The preload links, for a page served under `prefix` ("/" by default)."""
    suites = f"{prefix}_dash-component-suites/dash/dcc/"
    fetched = "".join(
        f'<link rel="preload" href="{prefix}{name}" as="fetch" crossorigin>'
        for name in ("_dash-layout", "_dash-dependencies")
    )
    scripts = "".join(
        f'<link rel="preload" href="{suites}{name}" as="script">' for name in ("async-graph.js", "async-dropdown.js")
    )
    return fetched + scripts


def install(app: Dash) -> None:
    interpolate = app.interpolate_index

    def interpolate_index(**parts) -> str:
        parts["favicon"] = links(app.config.requests_pathname_prefix) + parts.get("favicon", "")
        return interpolate(**parts)

    # (mypy allows overriding a method only in a subclass; Dash calls this one with keywords)
    app.interpolate_index = interpolate_index  # type: ignore[method-assign,assignment]
