"""The map beside the timeline: where the events in view happened, as plain data for the page.

Events with a place (latitude and longitude, or a town's name: `timeline.places`) are marks;
the events at one place share one mark, which lists them. When more places are in the map's
view than `MAX_PLACES`, the map shows how many events fall in each cell of a grid over the view
(like the chart's density bands) and turns into single marks as the viewer zooms in. Events
without a place are counted, never drawn somewhere they did not happen.

Nothing here knows about Dash or Leaflet: `map_data` returns lists and numbers that the page's
map script (assets/map.js) draws.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from .. import places
from ..i18n import _, listed, ngettext, number
from ..index import EventIndex
from ..model import first_positions
from ..state import Area
from . import labels
from .figure import colour

MAX_PLACES = 1500  # places drawn one by one; beyond, counts per cell
CELLS = 40  # cells across the view's longer side when counting
LISTED = 8  # events a mark lists by title; the rest are counted
MIXED = "#4d4d4d"  # a place whose events are of several categories
WORLD = (-60.0, -180.0, 75.0, 180.0)
TOWNS = 15  # the largest towns in view are named on the map


def around(index: EventIndex, positions: np.ndarray) -> Area:
    """Where these events are, with a margin; the world when none has a place."""
    lat, lon = index.lat[positions], index.lon[positions]
    placed = np.isfinite(lat) & np.isfinite(lon)
    if not placed.any():
        return Area(*WORLD)
    south, north = float(lat[placed].min()), float(lat[placed].max())
    west, east = float(lon[placed].min()), float(lon[placed].max())
    margin_lat = max((north - south) * 0.1, 0.5)
    margin_lon = max((east - west) * 0.1, 0.5)
    return Area(
        max(south - margin_lat, -85.0),
        max(west - margin_lon, -180.0),
        min(north + margin_lat, 85.0),
        min(east + margin_lon, 180.0),
    )


def map_data(index: EventIndex, mask: np.ndarray, bounds: Area | None, selected: int | None = None) -> dict:
    """What the map shows of the events in `mask` within `bounds` (None: around them all).

    kind "places": a mark per place (its events listed, their category's colour, disputed if
    any is, approximate if placed by name, selected if it holds the selected event);
    kind "counts": a mark per grid cell with how many events it holds. `unplaced` counts the
    events of the mask that have no place; `outside` those placed outside the view. `fit`: where
    the events of the mask are (`around` them), wherever the view is: a link without the map's
    place opens the map on it."""
    placed = mask & (index.place >= 0)
    candidates = np.flatnonzero(placed)
    fit = around(index, candidates)
    if bounds is None:
        bounds = fit
    inside = candidates[bounds.contains(index.lat[candidates], index.lon[candidates])]
    # The places in view, numbered in order of their first event (date order).
    codes, _ = pd.factorize(index.place[inside])
    first = first_positions(codes)
    data = {
        "bounds": bounds.as_list(),
        "fit": fit.as_list(),
        "in_view": int(len(inside)),
        "places": len(first),
        "unplaced": int(mask.sum() - len(candidates)),
        "outside": int(len(candidates) - len(inside)),
        "selected": _selected_place(index, selected),
    }
    data["towns"] = places.largest_towns(bounds, limit=TOWNS)
    if len(first) <= MAX_PLACES:
        data["kind"], data["marks"] = "places", _place_marks(index, inside, codes, first, selected)
    else:
        data["kind"], data["marks"] = "counts", _cell_marks(index.lat[inside], index.lon[inside], bounds)
    return data


def _place_marks(
    index: EventIndex, inside: np.ndarray, codes: np.ndarray, first: np.ndarray, selected: int | None
) -> list[dict]:
    """A mark per place, each worked out for all places at once (bincounts over the events in
    view); only the events a mark lists (LISTED per place) are read as text."""
    n = len(first)
    if not n:
        return []
    counts = np.bincount(codes, minlength=n)
    lanes = index.lane[inside]
    mixed = np.bincount(codes, weights=lanes != lanes[first][codes], minlength=n) > 0
    disputed = np.bincount(codes, weights=index.disputed[inside], minlength=n) > 0
    approximate = np.bincount(codes, weights=index.approximate[inside], minlength=n) == counts
    # Each place's first LISTED events: a stable sort by place (few places: a radix sort).
    order = np.argsort(codes.astype(np.int16), kind="stable")
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, counts)
    listed = order[rank < LISTED]  # by place, then date
    ids = index.values("id", inside[listed])
    titles = index.values("title", inside[listed])
    located = index.values("location", inside[listed])
    events: list[list[dict]] = [[] for _ in range(n)]
    written: list[list[str]] = [[] for _ in range(n)]
    for place, event_id, title, location in zip(codes[listed].tolist(), ids, titles, located):
        events[place].append({"id": str(event_id), "title": labels.shorten(str(title), 70)})
        written[place].append(location if isinstance(location, str) else "")
    chosen = np.flatnonzero(inside == selected) if selected is not None else np.empty(0, dtype=np.int64)
    chosen_place = int(codes[chosen[0]]) if len(chosen) else -1
    where = inside[first]
    # Each place's name, as the events it lists write it (shared_name): what tells apart the lists
    # of places whose marks are drawn over one another (assets/map.js), and names the mark.
    names = [labels.shorten(shared_name(names), 40) for names in written]
    return [
        {
            "lat": float(index.lat[where[p]]),
            "lon": float(index.lon[where[p]]),
            "count": int(counts[p]),
            "events": events[p],
            "colour": MIXED if mixed[p] else colour(int(lanes[first[p]])),
            "disputed": bool(disputed[p]),
            "approximate": bool(approximate[p]),
            "selected": p == chosen_place,
            "place": names[p],
            **_said(int(counts[p]), events[p], bool(approximate[p])),
        }
        for p in range(n)
    ]


def shared_name(names: list[str]) -> str:
    """The name of a place its events share: the one they all write (those with none aside, in
    any case); else the beginning they all share that one of them writes as a name or before a
    comma ("Almaty", of "Almaty", "Almaty airport" and "Almaty, Republic Square"; not "Central",
    of "Central Mosque" and "Central Market"); else the parts after a comma they all end with
    ("Nur-Sultan", of "Mazhilis, Nur-Sultan"); else none. (The first event's name named a mark of
    seven events "Almaty, Republic Square".)"""
    distinct = list(dict.fromkeys(" ".join(name.split()) for name in names if name.strip()))
    folded = list(dict.fromkeys(name.casefold() for name in distinct))
    if len(folded) <= 1:
        return distinct[0] if distinct else ""
    written = {part.strip() for name in folded for part in [name, name.split(",")[0]]}
    common = os.path.commonprefix(folded)
    for end in range(len(common), 0, -1):  # (at a word's end in every name)
        if all(len(name) == end or not name[end].isalnum() for name in folded) and not common[end - 1].isspace():
            if common[:end].strip(" ,") in written:
                return distinct[0][:end].strip(" ,")
            break
    ends = [[part.strip() for part in name.split(",")][::-1] for name in folded]
    shared = 0
    for parts in zip(*ends):
        if len(set(parts)) > 1:
            break
        shared += 1
    return ", ".join(part.strip() for part in distinct[0].split(",")[-shared:]) if shared else ""


def _said(count: int, events: list[dict], approximate: bool) -> dict:
    """What a mark of `count` events says, in the reader's language: on hover (and to a screen
    reader), atop its list of events, and below the list of a place of more events than it lists."""
    hover = events[0]["title"] if count == 1 else ngettext("{n} event", "{n} events", count).format(n=number(count))
    heading = ngettext("{n} event here", "{n} events here", count).format(n=number(count))
    if approximate:
        hover += _(" (placed approximately, by its town's name)")
        heading += _(" (placed approximately)")
    extra = count - len(events)
    more = ngettext("and {n} more: zoom in, or filter", "and {n} more: zoom in, or filter", extra).format(
        n=number(extra)
    )
    return {"hover": hover, "heading": heading, "more": more if extra > 0 else ""}


def _cell_marks(lat: np.ndarray, lon: np.ndarray, bounds: Area) -> list[dict]:
    """Counts per cell of a grid of square-ish cells over the view (CELLS on the longer side),
    each mark at the mean position of its events."""
    height, width = bounds.north - bounds.south, bounds.east - bounds.west
    size = max(height, width) / CELLS or 1.0
    rows = np.minimum(((lat - bounds.south) / size).astype(np.int64), int(height / size))
    lon = np.where(lon < bounds.west, lon + 360, np.where(lon > bounds.east, lon - 360, lon))
    columns = np.minimum(((lon - bounds.west) / size).astype(np.int64), int(width / size))
    cell = rows * (CELLS * 4) + columns
    codes, cells = np.unique(cell, return_inverse=True)
    cells = cells.reshape(-1)
    counts = np.bincount(cells, minlength=len(codes))
    lat_mean = np.bincount(cells, weights=lat, minlength=len(codes)) / counts
    lon_mean = np.bincount(cells, weights=lon, minlength=len(codes)) / counts
    return [
        {"lat": round(float(a), 4), "lon": round(float(o), 4), "count": int(n), "shown": number(int(n))}
        for a, o, n in zip(lat_mean, lon_mean, counts)
    ]


def _selected_place(index: EventIndex, selected: int | None) -> list[float] | None:
    if (
        selected is None
        or not index.dated(selected)
        or not (np.isfinite(index.lat[selected]) and np.isfinite(index.lon[selected]))
    ):
        return None
    return [float(index.lat[selected]), float(index.lon[selected])]


def status(data: dict) -> str:
    """The line under the map's heading: what it shows, and what it cannot."""
    shown = data["in_view"]
    parts = [ngettext("{n} event on the map", "{n} events on the map", shown).format(n=number(shown))]
    if data["kind"] == "counts":
        parts[0] += _(" (counted by area: zoom in for single events)")
    if data["outside"]:
        parts.append(_("{n} outside its view").format(n=number(data["outside"])))
    if data["unplaced"]:
        parts.append(
            ngettext("{n} in view has no place", "{n} in view have no place", data["unplaced"]).format(
                n=number(data["unplaced"])
            )
        )
    return listed(parts, ";")
