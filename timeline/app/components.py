"""The page's own Dash component: the event list, drawn in the browser from plain data
(assets/event_list.js), where dash.html drew it as a component for each element.

Dash 4 gives each component it draws a wrapper subscribed to its store: every change to the store
(a callback's answer, a loading state) runs every wrapper's selector, and every component a
callback returns dispatches one change more as it mounts. A list of 35 events was 300 such
components (an item's link, its date, its swatch, its category's words, its title): loading the
page spent 0.9-1.1 s of the browser's time in those dispatches, 0.4 s with the list one component
(benchmarks/RESULTS.md, session 58). The items are data (timeline.app.render.event_list); React
writes their text as text and their attributes as attributes, never as HTML.
"""

from __future__ import annotations

from dash.development.base_component import Component

PROPS = ["id", "items", "first", "className"]


class EventList(Component):
    """<ol id=...> of the events listed: `items`, each {"id", "href", "date", "category", "colour",
    "title", "full_title", "disputed", "selected", "lang"}, or one {"empty": what to say}; `first`,
    the id of the first (for the server: the page to keep, timeline.view.listing.listing)."""

    _children_props: list[str] = []
    _base_nodes: list[str] = []
    _namespace = "timeline_components"  # (window.timeline_components.EventList)
    _type = "EventList"

    def __init__(
        self, id: str | None = None, items: list | None = None, first: str | None = None, className: str | None = None
    ):
        self._prop_names = PROPS
        self._valid_wildcard_attributes = []
        self.available_properties = PROPS
        self.available_wildcard_properties = []
        given = {"id": id, "items": items, "first": first, "className": className}
        super().__init__(**{name: value for name, value in given.items() if value is not None})
