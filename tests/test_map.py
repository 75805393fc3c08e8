"""The map's data: marks for events with a place, counts when too many, nothing invented."""

import numpy as np
import pytest

from tests.helpers import everything, index_from_rows, row
from timeline.state import Area, Filters, MapView, State, apply
from timeline.view import map as places_map
from timeline.view.map import map_data

ALMATY = {"latitude": "43.2389", "longitude": "76.8897"}
AKTAU = {"latitude": "43.6532", "longitude": "51.1975"}
CAPITAL = {"latitude": "51.1694", "longitude": "71.4491"}


@pytest.fixture(scope="module")
def story():
    return index_from_rows(
        [
            row("protests-begin", "2022-01-02", location="Zhanaozen", latitude="43.3378", longitude="52.8533"),
            row("aktau-rally", "2022-01-03", location="Aktau", **AKTAU),
            row("akimat-stormed", "2022-01-05", location="Almaty", **ALMATY),
            row("airport-seized", "2022-01-05", category="security", location="Almaty", **ALMATY),
            row("csto-deployment", "2022-01-06", category="international", location="Nur-Sultan", **CAPITAL),
            row("shoot-to-kill", "2022-01-07", category="security", location="Kazakhstan (nationwide)"),
            row("curfew", "2022-01-05", location="Almaty"),  # placed by name, approximately
        ]
    )


def test_events_at_one_place_share_one_mark_that_lists_them(story):
    data = map_data(story, everything(story), None)
    assert data["kind"] == "places"
    almaty = [m for m in data["marks"] if round(m["lat"], 2) == 43.24]
    assert len(almaty) == 1
    assert [e["id"] for e in almaty[0]["events"]] == ["akimat-stormed", "airport-seized"]
    assert almaty[0]["count"] == 2
    assert almaty[0]["colour"] == places_map.MIXED  # protest and security: no one colour
    assert not almaty[0]["approximate"]


def test_a_mark_names_its_place_as_its_first_event_writes_it(story):
    # (the lists of marks drawn over one another are told apart by it: assets/map.js)
    data = map_data(story, everything(story), None)
    # (the curfew, placed by its town's name, is a mark of its own beside the two placed exactly)
    assert sorted(mark["place"] for mark in data["marks"]) == ["Aktau", "Almaty", "Almaty", "Nur-Sultan", "Zhanaozen"]


def test_only_events_with_a_place_are_marked_and_the_others_are_counted(story):
    data = map_data(story, everything(story), None)
    marked = sorted(e["id"] for m in data["marks"] for e in m["events"])
    assert "shoot-to-kill" not in marked
    assert data["unplaced"] == 1
    assert sum(m["count"] for m in data["marks"]) == data["in_view"] == 6


def test_a_town_placed_by_name_is_a_mark_that_says_it_is_approximate(story):
    data = map_data(story, everything(story), None)
    [curfew] = [m for m in data["marks"] if any(e["id"] == "curfew" for e in m["events"])]
    assert curfew["approximate"] and curfew["count"] == 1


@pytest.mark.parametrize(
    "lang, hover, heading, approximate",
    [
        ("en", "2 events", "2 events here", " (placed approximately, by its town's name)"),
        ("fr", "2 événements", "2 événements ici", " (placé approximativement, d'après le nom de sa ville)"),
        ("ru", "2 события", "2 события здесь", " (место указано приблизительно, по названию города)"),
    ],
)
def test_a_mark_says_what_it_holds_in_the_reader_s_language(story, lang, hover, heading, approximate):
    """The words on the map (a mark's hover, the heading of its list) come with its data, in the
    page's language: map.js writes them as they come."""
    from timeline import i18n

    with i18n.using(lang):
        data = map_data(story, everything(story), None)
    [almaty] = [m for m in data["marks"] if round(m["lat"], 2) == 43.24]
    assert (almaty["hover"], almaty["heading"], almaty["more"]) == (hover, heading, "")
    [curfew] = [m for m in data["marks"] if any(e["id"] == "curfew" for e in m["events"])]
    assert curfew["hover"].endswith(approximate)


def test_a_place_of_more_events_than_its_list_says_how_many_more(monkeypatch):
    monkeypatch.setattr(places_map, "LISTED", 2)
    index = index_from_rows([row(f"e{k}", f"2022-01-0{k + 1}", location="Almaty", **ALMATY) for k in range(5)])
    [mark] = map_data(index, everything(index), None)["marks"]
    assert (mark["count"], len(mark["events"]), mark["more"]) == (5, 2, "and 3 more: zoom in, or filter")


@pytest.mark.parametrize(
    "kept, expected",
    [
        (["aktau-rally"], ["aktau-rally"]),
        (["aktau-rally", "shoot-to-kill"], ["aktau-rally"]),
        ([], []),
    ],
)
def test_the_filters_apply_to_the_map(story, kept, expected):
    mask = np.isin(story.events["id"].to_numpy(), kept)
    data = map_data(story, mask, None)
    assert sorted(e["id"] for m in data["marks"] for e in m["events"]) == expected


def test_a_view_shows_what_is_inside_and_counts_what_is_outside(story):
    west = Area(40, 45, 46, 60)  # the Caspian coast: Zhanaozen and Aktau
    data = map_data(story, everything(story), west)
    assert sorted(e["id"] for m in data["marks"] for e in m["events"]) == ["aktau-rally", "protests-begin"]
    assert data["outside"] == 4 and data["in_view"] == 2
    # "Only what is on the map": the area is a filter like the others
    kept = apply(story, Filters(area=west))
    assert sorted(np.asarray(story.events["id"])[kept]) == ["aktau-rally", "protests-begin"]


def test_the_map_says_where_the_events_it_keeps_fit_wherever_its_view_is(story):
    """`fit`: what a link without the map's place opens the map on (the page writes the place
    into its address once that is not where the map is)."""
    west = Area(40, 45, 46, 60)
    whole = map_data(story, everything(story), None)
    assert whole["fit"] == whole["bounds"]
    assert map_data(story, everything(story), west)["fit"] == whole["fit"] != west.as_list()
    almaty = np.isin(story.events["id"].to_numpy(), ["akimat-stormed", "airport-seized"])
    assert map_data(story, almaty, west)["fit"] == [42.7389, 76.3897, 43.7389, 77.3897]  # (half a degree about Almaty)
    assert map_data(story, ~everything(story), west)["fit"] == list(places_map.WORLD)  # none: the world


def test_the_selected_event_is_marked_and_its_place_given(story):
    selected = story.position("csto-deployment")
    data = map_data(story, everything(story), None, selected)
    assert [m["selected"] for m in data["marks"]].count(True) == 1
    assert data["selected"] == [51.1694, 71.4491]
    assert map_data(story, everything(story), None, story.position("shoot-to-kill"))["selected"] is None


def test_many_places_become_counts_that_add_up(monkeypatch):
    rng = np.random.default_rng(7)
    rows = [
        row(f"e{i}", "2022-01-05", latitude=f"{rng.uniform(40, 50):.4f}", longitude=f"{rng.uniform(50, 80):.4f}")
        for i in range(300)
    ]
    rows.append(row("nowhere", "2022-01-06"))
    index = index_from_rows(rows)
    monkeypatch.setattr(places_map, "MAX_PLACES", 100)
    data = map_data(index, everything(index), None)
    assert data["kind"] == "counts"
    assert sum(m["count"] for m in data["marks"]) == 300 == data["in_view"]
    assert data["unplaced"] == 1
    assert len(data["marks"]) <= places_map.CELLS**2
    zoomed = map_data(index, everything(index), Area(44, 60, 45, 62))  # zoomed in: few places
    assert zoomed["kind"] == "places"
    assert sum(m["count"] for m in zoomed["marks"]) == zoomed["in_view"]


@pytest.mark.parametrize(
    "values, expected",
    [
        ([40, 45, 46, 60], Area(40, 45, 46, 60)),
        (["40", "45", "46", "60"], Area(40, 45, 46, 60)),
        ([-100, -200, 100, 500], Area(-90, -180, 90, 180)),  # beyond the world: the world
        ([46, 45, 40, 60], None),  # south above north
        ([40, 45, 46], None),
        ([40, 45, 46, float("nan")], None),
        (None, None),
        (["a", 1, 2, 3], None),
    ],
)
def test_an_area_from_the_page_is_checked(values, expected):
    assert Area.of(values) == expected


def test_a_view_across_the_antimeridian_holds_points_on_both_sides():
    pacific = Area(-30, 170, 30, 190)  # 170 E to 170 W
    assert pacific.contains(np.array([0.0, 0.0, 0.0]), np.array([175.0, -175.0, 0.0])).tolist() == [True, True, False]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5/46.2/64.5", MapView(5, 46.2, 64.5)),
        ("5.5/43.2389/76.8897", MapView(5.5, 43.2389, 76.8897)),
        ("0/0/0", MapView(0, 0, 0)),
        ("18/-90/180", MapView(18, -90, 180)),
        ("19/0/0", None),
        ("5/91/0", None),
        ("5/0/181", None),
        ("5/0", None),
        ("a/b/c", None),
        ("", None),
        (None, None),
        ("5/" + "1" * 50 + "/0", None),
    ],
)
def test_the_map_view_in_the_address_is_read_only_when_in_range(text, expected):
    assert MapView.from_text(text) == expected


def test_the_map_view_reads_back_what_it_writes():
    view = MapView(6.5, 43.2389, 76.8897)
    assert view.to_text() == "6.5/43.2389/76.8897"
    assert MapView.from_text(view.to_text()) == view


@pytest.mark.parametrize(
    "search, area, view, refused",
    [
        ("?area=40,45,46,60&map=5/46.2/64.5", Area(40, 45, 46, 60), MapView(5, 46.2, 64.5), 0),
        ("?area=40,45,46&map=5/46.2", None, None, 2),
        ("?area=" + "4" * 100, None, None, 1),
        ("?event=a", None, None, 0),
    ],
)
def test_the_map_and_its_area_travel_in_the_address(search, area, view, refused):
    state = State.from_search(search)
    assert (state.filters.area, state.map, len(state.refused)) == (area, view, refused)
    assert State.from_search(state.to_search()) == state


@pytest.mark.parametrize(
    "names, shared",
    [
        (["Almaty", "Almaty, Republic Square", "Almaty airport"], "Almaty"),  # (was the first's name)
        (["Nur-Sultan", "Mazhilis, Nur-Sultan"], "Nur-Sultan"),
        (["Mazhilis, Nur-Sultan", "Akorda, Nur-Sultan"], "Nur-Sultan"),
        (["Aktau", "Aktau"], "Aktau"),
        (["", "Aktau"], "Aktau"),  # (an event placed by its coordinates alone names nothing)
        (["Almaty,  Republic Square", "Almaty, Republic Square"], "Almaty, Republic Square"),
        (["Almaty airport", "Airport of Almaty"], ""),  # (nothing shared: no name, rather than one's)
        ([""], ""),
        # (the review's: commas kept, any case, no first word alone that nobody wrote as a name)
        (["Almaty, Republic Square", "Almaty, Republic Square (east side)"], "Almaty, Republic Square"),
        (["Almaty", "almaty airport"], "Almaty"),
        (["Central Mosque", "Central Market"], ""),
        (["Almaty airport", "Almaty, Republic Square"], "Almaty"),
    ],
)
def test_a_mark_is_named_by_what_the_names_of_its_events_share(names, shared):
    assert places_map.shared_name(names) == shared
