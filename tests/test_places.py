"""The gazetteer: a location's name placed only when it names exactly one town or city."""
import pytest

from timeline import places


@pytest.mark.parametrize("location, name, country", [
    ("Almaty", "Almaty", "KZ"),
    ("almaty", "Almaty", "KZ"),
    ("  Aktau ", "Aktau", "KZ"),
    ("Zhanaozen", "Zhanaozen", "KZ"),
    ("Nur-Sultan", "Astana", "KZ"),                 # a former name
    ("Nur Sultan", "Astana", "KZ"),
    ("Mazhilis, Nur-Sultan", "Astana", "KZ"),        # a building, then its town
    ("Almaty, Republic Square", "Almaty", "KZ"),     # a town, then a square in it
    ("Paris, France", "Paris", "FR"),                # a country narrows a name down
    ("Paris, FR", "Paris", "FR"),
    ("Yerevan", "Yerevan", "AM"),
    ("Алматы", "Almaty", "KZ"),                      # another script's name
])
def test_a_name_of_one_town_is_placed(location, name, country):
    match = places.lookup(location)
    assert match.place is not None, match
    assert (match.place.name, match.place.country) == (name, country)


@pytest.mark.parametrize("location", ["Paris", "London", "Springfield"])
def test_a_name_of_several_towns_is_never_guessed(location):
    match = places.lookup(location)
    assert match.place is None and match.ambiguous
    assert len({(p.name, p.country, p.latitude) for p in match.candidates}) >= 2


@pytest.mark.parametrize("location", [
    "", "   ", "Kazakhstan (nationwide)", "Kazakhstan", "Mangystau region", "Video summit",
    "Almaty; Mangystau region",      # two places
    "Almaty / Aktau",
    "Paris, France, Germany",        # two countries
    "ALV",                           # a code among a town's other names
])
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
        values.update(id=event, date=f"2022-01-{number + 1:02d}", title=f"Event {event}",
                      category="protest", source="AFP", location=location,
                      latitude=latitude, longitude=longitude)
        lines.append(",".join(f'"{values[name]}"' for name in schema.NAMES))
    return timeline.load_bytes(("\n".join(lines) + "\n").encode())


@pytest.mark.parametrize("rows, placed, warned", [
    # one town: placed approximately, one warning on its first row that counts the others
    ([("a", "Almaty", "", ""), ("b", "Almaty", "", "")], {"a": 43.25, "b": 43.25},
     {2: "location 'Almaty' has no latitude and longitude (and 1 more rows); the map places it "
         "approximately, at the one town of that name, Almaty (KZ). To place it exactly, add "
         "latitude 43.2525 and longitude 76.9115, or the place's own coordinates"}),
    # coordinates given: exactly there, nothing said
    ([("a", "Almaty", "43.2389", "76.8897")], {"a": None}, {}),
    # two towns of the name: not placed, the editor is told which
    ([("a", "Paris", "", "")], {},
     {2: "location 'Paris' has no latitude and longitude, and 2 towns have that name (Paris (FR); "
         "Paris (US)): to place it on the map, add its coordinates, or name the country "
         "(e.g. 'Paris, FR')"}),
    # no town: nothing to suggest
    ([("a", "Kazakhstan (nationwide)", "", ""), ("b", "Almaty; Mangystau region", "", "")], {}, {}),
])
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
