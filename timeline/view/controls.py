"""What each control does to the view's `State`: pure, so it is tested without a browser."""
from __future__ import annotations

from ..filters import Filters, State, apply, step
from ..index import EventIndex

FILTER_FIELDS = {
    "category-filter": "categories",
    "source-filter": "sources",
    "search": "text",
    "date-from": "date_from",
    "date-to": "date_to",
}


def next_state(state: State, trigger, value, index: EventIndex, masks=apply, shown=None) -> State:
    """The state after `trigger` (a control id) changed to `value`.

    `shown`: what every filter control shows (in FILTER_FIELDS' order), if known. A change of
    one filter takes the others as shown too, not as the address had them: a viewer who sets
    "from" and then "to" before the page has answered the first keeps both.
    `masks(filters)` gives the kept events; the app passes a cached one."""
    if isinstance(trigger, dict):
        if trigger.get("type") == "outlet":
            return state.with_filters(sources=(trigger["name"],))
        return state
    if trigger in FILTER_FIELDS:
        values = dict(zip(FILTER_FIELDS, shown)) if shown is not None else {}
        values[trigger] = value
        return state.with_filters(**{FILTER_FIELDS[c]: _filter_value(FILTER_FIELDS[c], v)
                                     for c, v in values.items()})
    if trigger in ("prev-event", "next-event"):
        mask = masks(state.filters) if masks is not apply else apply(index, state.filters)
        return state.select(step(index, mask, state.event, -1 if trigger == "prev-event" else 1))
    if trigger == "timeline":
        event = clicked_event(value)
        return state.select(event) if event else state
    if trigger == "clear-filters":
        return State(event=state.event)
    return state


def _filter_value(field: str, value):
    if field in ("categories", "sources"):
        return tuple(value or ())
    return (value or "").strip()


def clicked_event(click: dict | None) -> str:
    """The event id a chart click landed on ("" for a density band or nothing)."""
    for point in (click or {}).get("points", []):
        data = point.get("customdata")
        if isinstance(data, str) and data:
            return data
    return ""


def control_values(state: State) -> tuple:
    f: Filters = state.filters
    return list(f.categories), list(f.sources), f.text, f.date_from, f.date_to
