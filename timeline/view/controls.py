"""What each control does to the view's `State`: pure, so it is tested without a browser."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from .. import i18n, model
from ..index import EventIndex
from ..state import (  # noqa: F401
    LIMITS,
    Area,
    Filters,
    MapView,
    State,
    apply,
    outlet_key,
    outlet_names,
    quoted,
    step,
    unreadable_dates,
)
from . import figure, labels
from .labels import shorten

FILTER_FIELDS = {
    "category-filter": "categories",
    "source-filter": "sources",
    "search": "text",
    "date-from": "date_from",
    "date-to": "date_to",
    "as-of": "as_of",
}


DATE_CONTROLS = {c: f for c, f in FILTER_FIELDS.items() if f in ("date_from", "date_to", "as_of")}


def invalid_dates(filters: Filters) -> list[str]:
    """Each date control's class: "invalid" where its date cannot be read (the page marks it
    aria-invalid, tied to the notice that says why), else ""."""
    unreadable = unreadable_dates(filters)
    return ["invalid" if field in unreadable else "" for field in DATE_CONTROLS.values()]


def next_state(state: State, trigger, value, index: EventIndex, masks=apply, shown=None, area=None) -> State:
    """The state after `trigger` (a control id) changed to `value`.

    `shown`: what every filter control shows (in FILTER_FIELDS' order), if known. A change of
    one filter takes the others as shown too, not as the address had them: a viewer who sets
    "from" and then "to" before the page has answered the first keeps both.
    `masks(filters)` gives the kept events; the app passes a cached one. `area`: what the map
    shows ([south, west, north, east]), for "Only what is on the map"."""
    if not isinstance(trigger, str):
        return state
    if trigger in FILTER_FIELDS:
        values = dict(zip(FILTER_FIELDS, shown)) if shown is not None else {}
        values[trigger] = value
        return state.with_filters(**{FILTER_FIELDS[c]: _filter_value(FILTER_FIELDS[c], v) for c, v in values.items()})
    if trigger in ("prev-event", "next-event"):
        mask = masks(state.filters) if masks is not apply else apply(index, state.filters)
        # (from no event: into what the chart shows, its own view too, as a page opens on it)
        window = figure.shown_window(index, mask, state.zoom, state.event)
        return state.select(step(index, mask, state.event, -1 if trigger == "prev-event" else 1, window))
    if trigger == "timeline":
        event = clicked_event(value)
        return state.select(event) if event else state
    if trigger == "clear-filters":
        return State(event=state.event, embed=state.embed, map=state.map, lang=state.lang, zoom=state.zoom)
    if trigger == "map-choice":  # a mark on the map, or a title in its list, chosen
        chosen = (value or {}).get("id") if isinstance(value, dict) else None
        return state.select(chosen) if isinstance(chosen, str) and index.position(chosen) is not None else state
    if trigger == "outlet-choice":  # an outlet's button in the panel pressed: {"name": ..., "at": ...}
        name = value.get("name") if isinstance(value, dict) else None
        if not isinstance(name, str):
            return state
        chosen = outlet_value(name)
        if chosen in state.filters.sources:  # (its button was pressed: the filter it set is taken off)
            return state.with_filters(sources=tuple(s for s in state.filters.sources if s != chosen))
        return state.with_filters(sources=(chosen,))
    if trigger == "map-only":  # "Only what is on the map": on (the map's `area`) if it was off
        return state.with_filters(area=None if state.filters.area else Area.of(area))
    return state


def _filter_value(field: str, value):
    if field in ("categories", "sources"):
        return tuple(value or ())
    return (value or "").strip()


def clicked_event(click: dict | None) -> str:
    """The event id a chart click landed on ("" for a density band or nothing, and for an id
    longer than any the address holds: not one the chart drew)."""
    for point in (click or {}).get("points", []):
        data = point.get("customdata")
        if isinstance(data, str) and data:
            return data if len(data) <= LIMITS.event else ""
    return ""


def in_index(state: State, index: EventIndex) -> State:
    """The state with its categories as the lanes spell them and its outlets as the Outlets
    dropdown holds them (the filters match both in any capitals: ?category=Protest keeps protest,
    and its box is ticked; ?source=tass, TASS), and those of no lane or outlet left out, and said:
    a filter no box shows could not be taken off, and the dropdown drops a value it has no
    choice for (the address's outlet was lost so, with nothing said)."""
    f = state.filters
    if not f.categories and not f.sources:
        return state
    spelt = {lane.lower(): lane for lane in index.lanes}
    categories = tuple(dict.fromkeys(spelt[c.lower()] for c in f.categories if c.lower() in spelt))
    refused = [
        i18n._("'category' {value} is not a category of this timeline: it is left out").format(value=quoted(c))
        for c in f.categories
        if c.lower() not in spelt
    ]
    names = outlet_names(f.sources, index.outlets) if f.sources else []
    at = {key: n for n, key in enumerate(index.source_keys)} if f.sources else {}
    keys = model.source_key(pd.Series(names, dtype="str")).tolist() if names else []
    sources = tuple(dict.fromkeys(outlet_value(index.source_names[at[k]]) for k in keys if k in at))
    refused += [
        i18n._("'source' {value} is not an outlet of this timeline: it is left out").format(value=quoted(value))
        for value, key in zip(f.sources, keys)
        if key not in at
    ]
    if (categories, sources) == (f.categories, f.sources):
        return state
    filters = replace(f, categories=categories, sources=sources)
    return replace(state, filters=filters, refused=(*state.refused, *refused))


def control_values(state: State) -> tuple:
    f: Filters = state.filters
    return list(f.categories), [outlet_value(s) for s in f.sources], f.text, f.date_from, f.date_to, f.as_of


def category_options(lanes: list[str]) -> list[dict]:
    """The category checkboxes: each lane's name, shortened; the value is the name as it is."""
    return [{"label": shorten(name, labels.NAME), "value": name} for name in lanes]


def outlet_options(outlets: list[tuple[str, int]], every: Sequence[tuple[str, int]] = (), chosen=()) -> list[dict]:
    """The Outlets dropdown: "name (accounts)", the name shortened; the value is `outlet_value`.
    As of a date, `outlets` are those with accounts known by then; an outlet of `every` whose value
    is `chosen` is a choice too, with none (dropped, it would drop the filter from the address)."""
    listed = {outlet_value(name) for name, _ in outlets}
    missing = [(name, 0) for name, _ in every if outlet_value(name) in chosen and outlet_value(name) not in listed]
    if missing:
        outlets = sorted([*outlets, *missing], key=lambda kv: (kv[0].lower(), kv[0]))
    return [{"label": outlet_label(name, n), "value": outlet_value(name)} for name, n in outlets]


def outlet_label(name: str, accounts: int) -> str:
    """An outlet with its number of accounts, as the dropdown and the overview's buttons show it."""
    return f"{shorten(name, labels.NAME)} ({accounts:,})"


def outlet_value(name: str) -> str:
    """The Outlets dropdown's value for an outlet: its name, or for a name longer than a label, a
    short stand-in (filters.outlet_key, which the filters turn back into the name). Dash 4's
    dropdown indexes every substring of every word of every value for its search: one word of
    4,000 characters froze the tab for seconds."""
    return outlet_key(name, labels.NAME)
