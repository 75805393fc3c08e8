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
