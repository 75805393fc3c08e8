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

import numpy as np

from .. import places
from ..filters import Area
from ..index import EventIndex
from . import labels
from .figure import colour

MAX_PLACES = 1500     # places drawn one by one; beyond, counts per cell
CELLS = 40            # cells across the view's longer side when counting
LISTED = 8            # events a mark lists by title; the rest are counted
MIXED = "#4d4d4d"     # a place whose events are of several categories
WORLD = (-60.0, -180.0, 75.0, 180.0)
TOWNS = 15            # the largest towns in view are named on the map


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
    return Area(max(south - margin_lat, -85.0), max(west - margin_lon, -180.0),
                min(north + margin_lat, 85.0), min(east + margin_lon, 180.0))


def located(index: EventIndex, mask: np.ndarray) -> np.ndarray:
    """The events of the mask that have a place."""
    return mask & np.isfinite(index.lat) & np.isfinite(index.lon)


def map_data(index: EventIndex, mask: np.ndarray, bounds: Area | None,
             selected: int | None = None) -> dict:
    """What the map shows of the events in `mask` within `bounds` (None: around them all).

    kind "places": a mark per place (its events listed, their category's colour, disputed if
    any is, approximate if placed by name, selected if it holds the selected event);
    kind "counts": a mark per grid cell with how many events it holds. `unplaced` counts the
    events of the mask that have no place; `outside` those placed outside the view."""
    placed = located(index, mask)
    if bounds is None:
        bounds = around(index, np.flatnonzero(placed))
    candidates = np.flatnonzero(placed)
    inside = candidates[bounds.contains(index.lat[candidates], index.lon[candidates])]
    lat, lon = index.lat[inside], index.lon[inside]
    place_codes, first = _places(lat, lon)
    data = {"bounds": bounds.as_list(), "in_view": int(len(inside)), "places": len(first),
            "unplaced": int(mask.sum() - placed.sum()), "outside": int(len(candidates) - len(inside)),
            "selected": _selected_place(index, selected)}
    data["towns"] = places.largest_towns(*bounds.as_list(), limit=TOWNS)
    if len(first) <= MAX_PLACES:
        data["kind"], data["marks"] = "places", _place_marks(index, inside, place_codes, first, selected)
    else:
        data["kind"], data["marks"] = "counts", _cell_marks(lat, lon, bounds)
    return data


def _places(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(place code per point, first point of each place): points at the same coordinates
    (to about a metre) are one place, numbered in order of first appearance."""
    if not len(lat):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.stack([np.round(lat, 5), np.round(lon, 5)], axis=1)
    _, first, codes = np.unique(pairs, axis=0, return_index=True, return_inverse=True)
    codes = codes.reshape(-1)
    # Number places by their first point, so marks come in event (date) order.
    order = np.argsort(first, kind="stable")
    renumber = np.empty_like(order)
    renumber[order] = np.arange(len(order))
    return renumber[codes], first[order]


def _place_marks(index: EventIndex, inside: np.ndarray, codes: np.ndarray, first: np.ndarray,
                 selected: int | None) -> list[dict]:
    """A mark per place; only the events a mark lists (LISTED per place) are read as text."""
    if not len(first):
        return []
    order = np.argsort(codes, kind="stable")            # each place's events, in date order
    bounds = np.searchsorted(codes[order], np.arange(len(first) + 1))
    members = [order[bounds[p]:bounds[p + 1]] for p in range(len(first))]
    listed = np.concatenate([m[:LISTED] for m in members])
    ids = dict(zip(listed.tolist(), index.values("id", inside[listed])))
    titles = dict(zip(listed.tolist(), index.values("title", inside[listed])))
    lanes, disputed, approximate = index.lane[inside], index.disputed[inside], index.approximate[inside]
    chosen = selected is not None and np.flatnonzero(inside == selected)
    chosen = int(chosen[0]) if chosen is not False and len(chosen) else -1
    marks = []
    for place, member in enumerate(members):
        lane_set = np.unique(lanes[member])
        marks.append({
            "lat": float(index.lat[inside[member[0]]]), "lon": float(index.lon[inside[member[0]]]),
            "count": int(len(member)),
            "events": [{"id": str(ids[m]), "title": labels.shorten(str(titles[m]), 70)}
                       for m in member[:LISTED].tolist()],
            "colour": colour(int(lane_set[0])) if len(lane_set) == 1 else MIXED,
            "disputed": bool(disputed[member].any()),
            "approximate": bool(approximate[member].all()),
            "selected": bool(chosen >= 0 and codes[chosen] == place),
        })
    return marks


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
    return [{"lat": round(float(a), 4), "lon": round(float(o), 4), "count": int(n)}
            for a, o, n in zip(lat_mean, lon_mean, counts)]


def _selected_place(index: EventIndex, selected: int | None) -> list[float] | None:
    if selected is None or not (np.isfinite(index.lat[selected]) and np.isfinite(index.lon[selected])):
        return None
    return [float(index.lat[selected]), float(index.lon[selected])]


def status(data: dict) -> str:
    """The line under the map's heading: what it shows, and what it cannot."""
    shown = data["in_view"]
    parts = [f"{shown:,} event{'' if shown == 1 else 's'} on the map"]
    if data["kind"] == "counts":
        parts[0] += " (counted by area: zoom in for single events)"
    if data["outside"]:
        parts.append(f"{data['outside']:,} outside its view")
    if data["unplaced"]:
        parts.append(f"{data['unplaced']:,} in view {'has' if data['unplaced'] == 1 else 'have'} no place")
    return "; ".join(parts)
