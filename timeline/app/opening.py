"""The opening view comes with the page: the chart draws without waiting for a callback.

Dash asks for the layout (`/_dash-layout`) without the page's address, so the layout cannot know
which event, filters or zoom the address asks for; the page itself can. The page's HTML carries
the opening view for its address, as JSON (`<script type="application/json" id="opening">`,
which no browser runs): the figure `draw` would make, and what `navigate` and `draw` would put
in the stores (`view`, `zoom`, `refused`). assets/opening.js puts them into the layout as it
arrives (Dash's `layout_post` renderer hook), before anything is drawn: the chart's first draw
is the real figure, and as `view` already holds what `navigate` works out, `draw` is not called
on load at all. Without the hook (or if the file changed between the page and its layout), the
page works as before: the placeholder, then the callbacks draw the chart.
"""

from __future__ import annotations

from dash import Dash
from dash._utils import to_json
from flask import has_request_context, request

from .. import i18n
from ..i18n import N_
from ..state import WHOLE, State
from ..view import controls
from ..view import figure as chart
from . import callbacks, data

# What the page's scripts write (assets/: map.js, share.js, select.js), by their English text;
# the page carries them in its language (window.timelineWord, assets/opening.js).
BROWSER_WORDS = (
    N_("Show the map"),
    N_("Hide the map"),
    N_("The link is copied."),
    N_("The embed code is copied."),
    N_("The link is selected: copy it with Ctrl+C (⌘C on a Mac)."),
    N_("The embed code is selected: copy it with Ctrl+C (⌘C on a Mac)."),
    N_("Selected: "),
    N_("Zoom in"),
    N_("Zoom out"),
    N_("Close the list"),
)
ELEMENT = "opening"  # the id of the page's JSON block (assets/opening.js reads it)
HOOK = "function (layout) { if (window.timelineOpening) window.timelineOpening(layout); }"


def opening(now: data.Current, search: str, path: str) -> dict:
    """What the page opens on for the address's `search` ("?event=...&zoom=..."): the figure
    and the stores, as the callbacks would make them on a first load. `path`: the events
    file's (the figure is kept per file, version and view: callbacks.FIGURES)."""
    state = controls.in_index(State.from_search(search), now.index)  # (as navigate reads it)
    index, mask = now.index_at(state.filters), now.mask(state.filters)
    selected = index.position(state.event)
    window, pinned = chart.view_window(index, mask, selected, chart.window_of(state.zoom, index, mask))
    return {
        "version": now.version,
        "figure": callbacks.figure(now, path, state.filters, mask, selected, window),
        "view": state.view(),
        "zoom": WHOLE if state.zoom == WHOLE else [window.low, window.high] if pinned else None,
        "refused": list(state.refused),
        # The address's outlets as the Outlets dropdown's first choices, until `show` gives them
        # all: it drops a value it has no choice for (a link's outlet was lost so as it opened).
        "outlets": controls.outlet_options(
            [(name, n) for name, n in index.outlets if controls.outlet_value(name) in state.filters.sources]
            if state.filters.sources
            else [],
            now.index.outlets,  # (as of a date, with its counts then; one chosen with none yet, too)
            state.filters.sources,
        ),
    }


def block(opening_view: dict) -> str:
    """The opening view as a JSON block in the page: `<`, `>` and `&` escaped, so that no text
    of the data can end the element."""
    text = to_json(opening_view).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{ELEMENT}">{text}</script>'


def address() -> str:
    """The query of the address being served, as the page's `location.search` holds it."""
    if not has_request_context() or not request.query_string:
        return ""
    return "?" + request.query_string.decode("latin-1")


def install(app: Dash, path: str, title: str = "") -> None:
    """Each page carries its opening view; call before security.secure (the hook's inline
    script is allowed by its hash)."""
    interpolate = app.interpolate_index  # Dash's documented place to change the page

    def interpolate_index(**parts) -> str:
        search = address()
        now, asked = data.current(path), State.from_search(search).lang
        lang = i18n.for_request(asked)
        with i18n.using(lang):
            view = opening(now, search, path)
        view["lang"] = lang
        if lang != i18n.ENGLISH:
            with i18n.using(lang):
                view["words"] = {word: i18n.gettext(word) for word in BROWSER_WORDS}
        if lang != i18n.for_request():  # the address asks for another language than Dash's layout has
            from . import speaking_page

            view["layout"] = speaking_page(title, now, lang).to_plotly_json()
        parts["config"] = parts.get("config", "") + block(view)
        return interpolate(**parts)

    # (mypy allows overriding a method only in a subclass; Dash calls this one with keywords)
    app.interpolate_index = interpolate_index  # type: ignore[method-assign,assignment]
    app.renderer = f"var renderer = new DashRenderer({{layout_post: {HOOK}}});"
