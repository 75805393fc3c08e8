"""The callbacks as functions (timeline/app/callbacks.py), called directly with their inputs by
name, as Dash calls them after a change: no browser, no server.

`call` sets Dash's callback context (which input changed, to what) as Dash's testing docs do
(`context_value`, in a copied context), then calls the function.
"""

from __future__ import annotations

import json
from contextvars import copy_context

import numpy as np
import pytest
from dash import Patch, no_update
from dash._callback_context import context_value
from dash._utils import AttributeDict

from tests.helpers import csv_bytes, row
from timeline.app import callbacks, data, map, render, share
from timeline.state import State

ALMATY, ASTANA = dict(latitude="43.24", longitude="76.89"), dict(latitude="51.17", longitude="71.45")
ROWS = [
    row("first", "2022-01-01", source="Reuters", **ALMATY),
    row("second", "2022-01-02", source="AP", **ASTANA),
    row("third", "2022-01-03", category="statement", source="Reuters"),  # no place
    row("fourth", "2022-01-05", source="AP", **ALMATY),
]
AROUND_ALMATY = [43, 76, 44, 78]  # the map's bounds: south, west, north, east


@pytest.fixture(scope="module")
def path(tmp_path_factory) -> str:
    file = tmp_path_factory.mktemp("callbacks") / "events.csv"
    file.write_bytes(csv_bytes(ROWS))
    return str(file)


def call(function, changed=None, value=None, **inputs):
    """`function(**inputs)` as Dash calls it after `changed` ("id.property", or a pattern id
    and property as a tuple) changed to `value`; None: on load."""
    if isinstance(changed, tuple):
        changed = json.dumps(changed[0], sort_keys=True, separators=(",", ":")) + "." + changed[1]
    triggered = [{"prop_id": changed, "value": value}] if changed else []

    def run():
        context_value.set(AttributeDict(triggered_inputs=triggered, updated_props={}))
        return function(**inputs)

    return copy_context().run(run)


def navigate(path, search="", changed=None, value=None, shown=None, **more):
    """navigate for the page at `search`, its controls showing what the address says (or `shown`)."""
    if shown is None:
        shown = list(callbacks.controls.control_values(State.from_search(search)))
    given = dict(
        search=search,
        shown=shown,
        previous=None,
        following=None,
        click=None,
        outlet=None,
        clear=None,
        map_only=None,
        choice=None,
        moved=None,
        only="true" if State.from_search(search).filters.area else "false",
        zoom=None,
        view=search,
        refused=[],
    )
    given.update(more)
    return call(callbacks.navigate, changed, value, path=path, **given)


# --- navigate: the address after a change --------------------------------------------------


@pytest.mark.parametrize(
    "name, search, changed, value, shown, address",
    [
        ("a page opens: nothing changes", "?event=second", None, None, None, no_update),
        ("a word typed in the search box", "", "search.value", "protest", [[], [], "protest", "", ""], "?q=protest"),
        (
            "a category ticked, the event kept",
            "?event=second",
            "category-filter.value",
            ["statement"],
            [["statement"], [], "", "", ""],
            "?event=second&category=statement",
        ),
        # (a category in other capitals filtered with no box ticked, and could not be unticked)
        (
            "a category in other capitals: as its lane spells it",
            "?category=Statement",
            None,
            None,
            None,
            "?category=statement",
        ),
        ("a category of no lane: left out (and said)", "?category=nothing&q=a", None, None, None, "?q=a"),
        # (the Outlets dropdown drops a value it has no choice for: ?source=ap was lost as the page opened)
        ("an outlet in other capitals: as the dropdown holds it", "?source=ap", None, None, None, "?source=AP"),
        ("an outlet of none: left out (and said)", "?source=Old+Outlet&q=a", None, None, None, "?q=a"),
        (
            "a category in other capitals unticked",
            "?category=Statement",
            "category-filter.value",
            [],
            [[], [], "", "", ""],
            "",
        ),
        ("Next", "?event=second", "next-event.n_clicks", 1, None, "?event=third"),
        ("Previous", "?event=second", "prev-event.n_clicks", 1, None, "?event=first"),
        ("Next at the last event stays", "?event=fourth", "next-event.n_clicks", 1, None, no_update),
        (
            "Next among the filtered events",
            "?event=first&source=AP",
            "next-event.n_clicks",
            1,
            None,
            "?event=second&source=AP",
        ),
        (
            "a marker clicked on the chart",
            "",
            "timeline.clickData",
            {"points": [{"customdata": "third"}]},
            None,
            "?event=third",
        ),
        (
            "a density band clicked: no event",
            "?event=first",
            "timeline.clickData",
            {"points": [{"x": "2022-01-02"}]},
            None,
            no_update,
        ),
        (
            "an outlet's button in the panel",
            "?event=first",
            "outlet-choice.data",
            {"name": "Reuters", "at": 1},
            None,
            "?event=first&source=Reuters",
        ),
        (
            "Clear filters keeps the event",
            "?event=first&category=protest&q=protest",
            "clear-filters.n_clicks",
            1,
            None,
            "?event=first",
        ),
        (
            "a mark chosen on the map",
            "?q=protest",
            "map-choice.data",
            {"id": "second", "at": 1},
            None,
            "?event=second&q=protest",
        ),
        (
            "a mark of an event not in the file",
            "?q=protest",
            "map-choice.data",
            {"id": "gone", "at": 1},
            None,
            no_update,
        ),
    ],
)
def test_navigate(path, name, search, changed, value, shown, address):
    """The page shows `search` (its view too); after `changed`, the address and the view are
    `address` (no_update: as they were)."""
    out = navigate(path, search, changed, value, shown)
    # (a viewer's action is a step in the history; the address tidied as it opens takes its place)
    stepped, tidied = (out["search"], out["tidied"]) if changed else (out["tidied"], out["search"])
    assert (stepped, out["view"], tidied) == (address, address, no_update), name


def test_an_embedded_view_is_sent_none_of_the_file_s_problems(tmp_path):
    """They are the newsroom's: an article's readers were sent the file's name and its refused
    rows' values (hidden by the style sheet only, a review found)."""
    bad = tmp_path / "newsroom.csv"
    bad.write_bytes(csv_bytes([row("a", "2022-01-05"), row("b", "2022-02-30")]))
    full = call(callbacks.show, "view.data", "", view="", version="v", refused=[], path=str(bad))
    assert "newsroom.csv" in texts(full["problems"]) and "2022-02-30" in texts(full["problems"])
    embedded = call(callbacks.show, "view.data", "?embed=1", view="?embed=1", version="v", refused=[], path=str(bad))
    assert "newsroom.csv" not in texts(embedded["problems"]) and "2022-02-30" not in texts(embedded["problems"])
    refused = ["'category' is too long"]
    said = call(callbacks.show, "view.data", "?embed=1", view="?embed=1", version="v", refused=refused, path=str(bad))
    assert "'category' is too long" in texts(said["problems"])  # what the address had refused is still said


def test_clear_filters_keeps_the_zoom_in_the_address(path):
    """The chart stays zoomed: the address, which a link shares, says so still."""
    zoom = [int(np.datetime64(day, "s").astype(np.int64)) for day in ("2022-01-02", "2022-01-04")]
    out = navigate(path, "?category=protest&zoom=2022-01-02/2022-01-04", "clear-filters.n_clicks", 1, zoom=zoom)
    assert out["search"] == "?zoom=2022-01-02/2022-01-04"


def test_navigate_only_what_is_on_the_map(path):
    """Pressed, the map's bounds become a filter (the address and the view say so, the button
    is pressed); the map moved by the viewer while it is on writes its new area into the
    address (assets/map.js), and the filter follows; pressed again, it is off."""
    moved = {"bounds": AROUND_ALMATY, "view": [8, 43.5, 77]}
    out = navigate(path, "", "map-only.n_clicks", 1, map_only=1, moved=moved)
    assert out["only"] == "true" and "area=" in out["search"] and out["view"] == out["search"]
    pressed = out["search"]
    farther = "?area=50,70,52,72&map=8/51/71"
    out = navigate(path, farther, "url.search", farther, view=pressed, moved=moved | {"bounds": [50, 70, 52, 72]})
    assert out["search"] is no_update  # the map has written where it is into the address
    assert out["view"] not in (no_update, pressed) and "area=50,70,52,72" in out["view"] and "map=" not in out["view"]
    out = navigate(path, pressed, "map-only.n_clicks", 2, map_only=2, moved=moved)
    assert out["only"] == "false" and "area=" not in out["search"]


def test_navigate_a_moved_map_redraws_nothing_while_only_is_off(path):
    """The viewer's move puts the map's place into the address: the view (what is drawn) stays."""
    moved = {"bounds": AROUND_ALMATY, "view": [8, 43.5, 77]}
    out = navigate(
        path, "?q=protest&map=8/43.5/77", "url.search", "?q=protest&map=8/43.5/77", view="?q=protest", moved=moved
    )
    assert (out["search"], out["view"], out["only"]) == (no_update, no_update, no_update)


@pytest.mark.parametrize(
    "name, fired, address",
    [
        (
            "the address changed and an outlet pressed at once",
            [("url.search", ""), ("outlet-choice.data", {"name": "AP", "at": 1})],
            "?source=AP",
        ),
        ("an address change with a button pressed", [("url.search", ""), ("next-event.n_clicks", 1)], "?event="),
        ("the address alone, as it is", [("url.search", "")], no_update),
    ],
)
def test_navigate_acts_on_what_the_viewer_did_among_inputs_fired_together(path, name, fired, address):
    """Dash may call navigate once for several inputs at once (a click while the panel is drawn
    again): the viewer's click counts, not the first input listed."""
    triggered = [
        {
            "prop_id": (json.dumps(c[0], sort_keys=True, separators=(",", ":")) + "." + c[1])
            if isinstance(c, tuple)
            else c,
            "value": v,
        }
        for c, v in fired
    ]
    search = ""

    def run():
        context_value.set(AttributeDict(triggered_inputs=triggered, updated_props={}))
        return callbacks.navigate(
            search=search,
            shown=list(callbacks.controls.control_values(State.from_search(search))),
            previous=None,
            following=1,
            click=None,
            outlet={"name": "AP", "at": 1},
            clear=None,
            map_only=None,
            choice=None,
            moved=None,
            only="false",
            zoom=None,
            view="",
            refused=[],
            path=path,
        )

    out = copy_context().run(run)
    if address is no_update:
        assert out["search"] is no_update, name
    else:
        assert out["search"].startswith(address), (name, out["search"])


def test_navigate_sets_the_controls_from_the_address(path):
    """A link followed (the address changed): the controls show its filters; those that
    already do are left alone."""
    out = navigate(
        path, "?category=statement&q=x", "url.search", "?category=statement&q=x", shown=[[], [], "x", "", ""], view=""
    )
    assert out["controls"] == [["statement"], no_update, no_update, no_update, no_update]
    assert out["search"] is no_update and out["view"] == "?category=statement&q=x"


def test_navigate_keeps_the_zoom_in_the_address_but_not_in_the_view(path):
    out = navigate(path, "", "search.value", "protest", [[], [], "protest", "", ""], zoom=[1641081600, 1641168000])
    assert out["search"] == "?q=protest&zoom=2022-01-02/2022-01-03"
    assert out["view"] == "?q=protest"


def test_navigate_says_what_the_address_asked_for_that_was_refused(path):
    out = navigate(path, "?event=NOT%20AN%20ID", "url.search", "?event=NOT%20AN%20ID")
    assert len(out["refused"]) == 1 and "is not an event id" in out["refused"][0]


def test_navigate_says_a_category_or_an_outlet_the_file_has_not(path):
    """A link from an older version of the file (a category renamed, an outlet gone): each left
    out and said, where the view opened on everything with nothing said."""
    out = navigate(path, "?category=statement&category=Old+Lane&source=Gone+Wire")
    assert out["tidied"] == "?category=statement"
    assert out["refused"] == [
        "'category' 'Old Lane' is not a category of this timeline: it is left out",
        "'source' 'Gone Wire' is not an outlet of this timeline: it is left out",
    ]


def test_the_refused_notice_stays_while_the_address_is_tidied_and_goes_when_the_view_changes(path):
    said = ["'embed' 'yes' is not 1"]
    tidied = navigate(path, "?q=protest", "url.search", "?q=protest", view="?q=protest", refused=said)
    assert tidied["refused"] is no_update  # the address written back without the bad value
    moved_on = navigate(path, "?q=rally", "url.search", "?q=rally", view="?q=protest", refused=said)
    assert moved_on["refused"] == []  # a link followed, a step back: another view
    changed = navigate(
        path,
        "?q=protest",
        "search.value",
        "rally",
        view="?q=protest",
        refused=said,
        shown=[[], [], "rally", "", "", ""],
    )
    assert changed["refused"] == []  # the viewer changed a filter


# --- show: the panel, the list, the counter ----------------------------------------------------


def texts(component) -> str:
    """Every text in a component tree, joined by spaces."""
    if isinstance(component, (list, tuple)):
        return " ".join(texts(c) for c in component)
    if isinstance(component, str):
        return component
    return texts(getattr(component, "children", None) or [])


def test_show_a_selected_event(path):
    out = call(callbacks.show, "view.data", "?event=third", view="?event=third", version="v", refused=[], path=path)
    assert "Third" in texts(out["panel"])
    assert out["counter"] == "4 of 4 events"
    assert [o["value"] for o in out["categories"]] == ["protest", "statement"]
    assert {o["value"] for o in out["sources"]} == {"AP", "Reuters"}


@pytest.mark.parametrize(
    "view, counter, in_panel",
    [
        ("", "4 of 4 events", None),
        ("?category=statement", "1 of 4 events", None),
        ("?q=nothing-like-it", "0 of 4 events", None),
        ("?event=gone", "4 of 4 events", "gone"),  # an event no longer in the file: said so
    ],
)
def test_show_counts_what_the_filters_keep(path, view, counter, in_panel):
    out = call(callbacks.show, "view.data", view, view=view, version="v", refused=[], path=path)
    assert out["counter"] == counter
    if in_panel:
        assert in_panel in texts(out["panel"])


def test_an_empty_result_and_an_event_the_filters_leave_out_are_said_not_left_blank(path):
    view = "?q=nothing-like-it"
    out = call(callbacks.show, "view.data", view, view=view, version="v", refused=[], path=path)
    assert texts(out["panel"]).endswith("No event matches the filters: change them, or clear them")
    assert "Events per category" not in texts(out["panel"])  # (no empty headings)
    figure = draw(path, "view.data", view, view=view)["figure"]
    assert [note["text"] for note in figure["layout"]["annotations"]] == [
        "No event matches the filters: change them, or clear them"
    ]
    assert draw(path, "view.data", "", view="")["figure"]["layout"]["annotations"] == []
    # an event a link names that the filters leave out: its panel says so, and no ring marks its empty place
    view = "?event=third&category=protest"
    out = call(callbacks.show, "view.data", view, view=view, version="v", refused=[], path=path)
    assert "The filters leave this event out of the chart and the list" in texts(out["panel"])
    (ring,) = [t for t in draw(path, "view.data", view, view=view)["figure"]["data"] if t["name"] == "selected ring"]
    assert ring["x"] == []
    out = call(callbacks.show, "view.data", "?event=third", view="?event=third", version="v", refused=[], path=path)
    assert "The filters leave" not in texts(out["panel"])


def test_show_keeps_one_panel_for_addresses_that_ask_for_the_same_view(path):
    """The panels kept (callbacks.PANELS) are keyed by the view the address asks for, not by the
    address as sent: 64 addresses of 250 KB of junk each held 16 MB of keys in a worker."""
    callbacks.PANELS.clear()
    for junk in ("", "&utm_source=x", "&x=" + "y" * 250_000, "&category=" + "c" * 10_000, "&q=" + "q" * 400):
        view = "?q=third" + junk
        assert call(callbacks.show, "view.data", view, view=view, version="v", refused=[], path=path)["counter"]
    assert len(callbacks.PANELS) == 2  # "?q=third", and no view (an address or a search too long)


def test_show_lists_what_the_address_asked_for_that_was_refused(path):
    out = call(
        callbacks.show,
        "refused.data",
        ["'event' is not an event id"],
        view="",
        version="v",
        refused=["'event' is not an event id"],
        path=path,
    )
    assert "is not an event id" in texts(out["problems"])


# --- describe, draw, zoom, download ---------------------------------------------------


def test_describe_says_where_previous_and_next_lead(path):
    out = call(
        callbacks.describe, "view.data", "?event=second", view="?event=second", version="v", zoom=None, path=path
    )
    previous_text, previous_tip, previous_class, next_text, next_tip, next_class = out["steps"]
    assert "First" in previous_tip and "Third" in next_tip
    assert previous_class == next_class == "step"
    assert "4 events" in texts(out["summary"])
    # With nothing chosen, they lead into the chart's zoom (2 to 4 January), as the zoom changes.
    zoom = [int(np.datetime64(day, "s").astype(np.int64)) for day in ("2022-01-02", "2022-01-04")]
    out = call(callbacks.describe, "zoom.data", zoom, view="", version="v", zoom=zoom, path=path)
    assert "Second" in out["steps"][4] and "Third" in out["steps"][1]
    # What the view shows, apart from the rest of the chart's words (the keys that zoom say it)
    said, view = out["summary"]
    assert "4 events" in said and "The view shows" not in said
    assert view.className == "view-said" and view.children.startswith(
        " The view shows 2 January 2022, 00:00 to 4 January 2022"
    )


def draw(path, changed, value=None, view="", zoom=None, search="", click=None):
    return call(
        callbacks.draw,
        changed,
        value,
        view=view,
        version="v",
        reset=None,
        click=click,
        before=None,
        after=None,
        width=1000,
        zoom=zoom,
        search=search,
        path=path,
    )


def test_draw_the_view(path):
    out = draw(path, "view.data", "?event=second", view="?event=second")
    assert out["figure"]["data"] and out["zoom"] is None  # not zoomed: the view's own range


@pytest.mark.parametrize(
    "view, zoom, text, before, after",
    [
        ("", None, "4 of 4 events in view", None, None),
        ("", [1641038400, 1641211200], "2 of 4 events in view", "← 1 earlier", "1 later →"),  # noon to noon
        ("?source=AP", [1641038400, 1641211200], "1 of 2 events in view", None, "1 later →"),
        # zoomed away from the event selected (the fourth, 5 January): what the chart shows, as zoomed
        ("?event=fourth", [1641038400, 1641211200], "2 of 4 events in view", "← 1 earlier", "1 later →"),
    ],
)
def test_in_view_says_what_the_chart_shows_and_what_is_beyond_each_edge(path, view, zoom, text, before, after):
    out = call(callbacks.in_view, "view.data", view, view=view, version="v", zoom=zoom, path=path)
    assert out["text"] == text
    assert (None if out["no_before"] else out["before"]) == before
    assert (None if out["no_after"] else out["after"]) == after


def test_a_zoom_follows_an_event_chosen_outside_it_and_stays_where_the_viewer_zoomed_away_from_one(path):
    zoom = [1641038400, 1641211200]  # noon 1 January to noon 3 January; the fourth is on 5 January
    chosen = draw(path, "view.data", "?event=fourth", view="?event=fourth", zoom=zoom)
    low, high = chosen["zoom"]
    assert low <= 1641384000 <= high and high - low == zoom[1] - zoom[0]  # centred on it, as wide
    for changed, value in (("chart-width.data", 800), ("data-version.data", "v2")):  # the zoom stays
        assert draw(path, changed, value, view="?event=fourth", zoom=zoom)["zoom"] == zoom


def test_draw_takes_the_zoom_from_a_shared_link(path):
    zoom = [1641081600, 1641168000]  # 2022-01-02 to 2022-01-03
    out = draw(path, "view.data", "", search="?zoom=2022-01-02/2022-01-03")
    assert out["zoom"] == zoom
    out = draw(path, "reset-zoom.n_clicks", 1, zoom=zoom)  # Show the whole span: every event in view
    assert out["zoom"] == "all"
    low, high = out["figure"]["layout"]["xaxis"]["range"]
    assert low < "2022-01-01" and high > "2022-01-05"  # before the first, after the last


@pytest.mark.parametrize("edge, shown", [("edge-before", "first"), ("edge-after", "fourth")])
def test_draw_an_edge_s_button_widens_the_zoom_to_the_events_beyond_it(path, edge, shown):
    zoom = [1641038400, 1641211200]  # noon 1 January to noon 3 January: "first" and "fourth" beyond
    out = call(
        callbacks.draw,
        f"{edge}.n_clicks",
        1,
        view="",
        version="v",
        reset=None,
        click=None,
        before=1 if edge == "edge-before" else None,
        after=1 if edge == "edge-after" else None,
        width=1000,
        zoom=zoom,
        search="",
        path=path,
    )
    low, high = out["zoom"]
    day = {"first": 1640995200, "fourth": 1641340800}[shown]  # 1 January, 5 January
    assert low <= day <= high and (low < zoom[0] or high > zoom[1])


def test_draw_a_click_on_a_density_band_zooms_into_it(path):
    zoom = [1640995200, 1641427200]
    band = {"points": [{"x": "2022-01-03", "z": 4, "customdata": None}]}
    out = draw(path, "timeline.clickData", band, zoom=zoom, click=band)
    low, high = out["zoom"]
    assert zoom[0] < low < high < zoom[1] and low <= 1641168000 <= high  # around 3 January, narrower


def test_the_whole_span_takes_in_events_appended_after_it_was_asked_for(tmp_path):
    """'Show the whole span' is every event, not the range they covered when it was pressed: an
    event appended later comes into it, on the page and by a link shared before."""
    file = tmp_path / "events.csv"
    file.write_bytes(csv_bytes(ROWS))
    assert draw(str(file), "view.data", "", search="?zoom=all")["zoom"] == "all"
    with open(file, "ab") as out:
        out.write(csv_bytes([row("fifth", "2022-03-01", source="AP")]).split(b"\n", 1)[1])  # (no header)
    data.current(str(file), wait=True)
    for changed, value, search in (("data-version.data", "v2", ""), ("view.data", "", "?zoom=all")):
        out = draw(str(file), changed, value, zoom="all", search=search)
        assert out["zoom"] == "all"
        assert out["figure"]["layout"]["xaxis"]["range"][1] > "2022-03-01"
    out = call(callbacks.in_view, "view.data", "", view="", version="v", zoom="all", path=str(file))
    assert out["text"] == "5 of 5 events in view" and out["no_after"]
    # a zoom to a range stays that range: the new event is beyond its edge
    out = call(callbacks.in_view, "view.data", "", view="", version="v", zoom=[1640995200, 1641427200], path=str(file))
    assert out["after"] == "1 later →"


def test_draw_a_click_on_a_marker_draws_nothing_again(path):
    """A marker click selects its event (navigate); only a density band zooms."""
    out = draw(
        path, "timeline.clickData", {"points": [{"customdata": "first"}]}, click={"points": [{"customdata": "first"}]}
    )
    assert out == {"figure": no_update, "zoom": no_update}


@pytest.mark.parametrize(
    "relayout, redrawn",
    [
        ({"xaxis.range[0]": "2022-01-02", "xaxis.range[1]": "2022-01-04"}, True),
        ({"xaxis.range": ["2022-01-02", "2022-01-04"]}, True),
        ({"autosize": True}, False),
        (None, False),
    ],
)
def test_zoom_redraws_the_traces_for_a_new_range(path, relayout, redrawn):
    out = call(callbacks.zoom, "zoom-request.data", relayout, relayout=relayout, view="", width=1000, path=path)
    if not redrawn:
        assert out == {"figure": no_update, "zoom": no_update}
        return
    assert isinstance(out["figure"], Patch)
    assert out["zoom"] == [1641081600, 1641254400]  # 2022-01-02 to 2022-01-04: pinned


@pytest.mark.parametrize(
    "changed, filename, first_line",
    [
        ("export-csv.n_clicks", "timeline-events.csv", "\ufeffid,"),  # (a byte order mark, for Excel)
        ("export-timelinejs.n_clicks", "timeline.json", "{"),
    ],
)
def test_download_the_events_in_view(path, changed, filename, first_line):
    out = call(
        callbacks.download,
        changed,
        1,
        csv_clicks=1,
        json_clicks=None,
        view="?category=statement",
        path=path,
        title="Events",
    )
    file = out["file"]
    assert file["filename"] == filename and file["content"].startswith(first_line)
    assert "third" in file["content"] and "first" not in file["content"]
    said = out["said"]  # (said to a screen reader only: the file is whole; its name in its own direction)
    assert type(said[0]).__name__ == "Bdi" and said[0].children == filename and said[0].dir == "ltr"
    assert said[1].startswith(": 1 ")
    assert out["seen"] == render.EXPORT_HEARD


# --- registered as the page expects -------------------------------------------------------


def test_each_callback_is_registered_with_its_inputs_in_the_order_the_page_sends(path):
    """Named inputs are sent as a list, in the order declared: the guard (timeline/app/guard.py)
    reads them so."""
    from dash import Dash

    app = Dash(__name__)
    callbacks.register(app, path)
    entry = next(spec for output, spec in app.callback_map.items() if output.startswith("..url.search"))
    assert [f"{i['id']}.{i['property']}" for i in entry["inputs"]] == [
        "url.search",
        "category-filter.value",
        "source-filter.value",
        "search.value",
        "date-from.value",
        "date-to.value",
        "as-of.value",
        "prev-event.n_clicks",
        "next-event.n_clicks",
        "timeline.clickData",
        "outlet-choice.data",
        "clear-filters.n_clicks",
        "map-only.n_clicks",
        "map-choice.data",
    ]
    assert [f"{s['id']}.{s['property']}" for s in entry["state"]] == [
        "map-view.data",
        "map-only.aria-pressed",
        "zoom.data",
        "view.data",
        "refused.data",
    ]
    in_browser = [c["clientside_function"] for c in app._callback_list if c.get("clientside_function")]
    assert in_browser == [
        {"namespace": "timeline", "function_name": n}
        for n in ("poll", "outletChosen", "tidyAddress", "chartWidth", "zoomAsked", "zoomIntoAddress", "exportSaidGone")
    ]
    chosen = next(
        c for c in app._callback_list if c.get("clientside_function", {}).get("function_name") == "outletChosen"
    )
    assert chosen["output"] == "outlet-choice.data" and chosen["prevent_initial_call"]
    poll = next(c for c in app._callback_list if c.get("clientside_function", {}).get("function_name") == "poll")
    assert poll["output"] == "data-version.data" and poll["prevent_initial_call"]
    assert [f"{i['id']}.{i['property']}" for i in poll["inputs"]] == ["poll.n_intervals"]


# --- the map (timeline/app/map.py) --------------------------------------------------------------


@pytest.mark.parametrize(
    "view, moved, status",
    [
        ("", None, "3 events on the map; 1 in view has no place"),
        (
            "",
            {"bounds": AROUND_ALMATY, "view": [8, 43.5, 77]},
            "2 events on the map; 1 outside its view; 1 in view has no place",
        ),
        ("?source=AP", None, "2 events on the map"),
    ],
)
def test_show_map_sends_the_marks_in_its_view(path, view, moved, status):
    out = call(
        map.show_map,
        "view.data",
        view,
        view=view,
        version="v",
        moved=moved,
        zoom=None,
        search=view,
        path=path,
        tiles=None,
    )
    assert out["status"] == status
    assert out["shown"]["kind"] == "places" and out["shown"]["tiles"] is None


# --- the Share control (timeline/app/share.py) -----------------------------------------------


@pytest.mark.parametrize(
    "search, full_view, embed_src",
    [
        (
            "?event=third&embed=1",
            "https://example.org/timeline/?event=third",
            "https://example.org/timeline/?event=third&amp;embed=1",
        ),
        ("", "https://example.org/timeline/", "https://example.org/timeline/?embed=1"),
    ],
)
def test_share_addresses_follow_the_address(search, full_view, embed_src):
    out = call(
        share.addresses,
        "url.search",
        search,
        search=search,
        href="https://example.org/timeline/" + search,
        title="Events",
    )
    assert out["full_view"] == out["link"] == full_view
    assert f'src="{embed_src}"' in out["embed"] and 'title="Events"' in out["embed"]
