"""The opening view comes with the page (issue 10): the page for an address carries the figure
the chart opens on, so it draws without waiting for a callback. Through Flask's test client."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import csv_bytes, row
from timeline.app import create_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def client():
    return create_app(ROOT / "events.csv", "Timeline").server.test_client()


def opening(client, address: str) -> dict:
    """The opening view that the page at `address` carries (its JSON block)."""
    page = client.get(address).get_data(as_text=True)
    found = re.findall(r'<script type="application/json" id="opening">(.*?)</script>', page, re.S)
    assert len(found) == 1, "the page carries one opening view"
    return json.loads(found[0])


def figure_of_draw(client, view: str, version: str, search: str) -> dict:
    """What the `draw` callback answers for a page just opened at `search` (as the browser asks)."""
    body = {
        "output": "..timeline.figure...zoom.data..",
        "outputs": [{"id": "timeline", "property": "figure"}, {"id": "zoom", "property": "data"}],
        "inputs": [
            {"id": "view", "property": "data", "value": view},
            {"id": "data-version", "property": "data", "value": version},
            {"id": "reset-zoom", "property": "n_clicks", "value": None},
            {"id": "timeline", "property": "clickData", "value": None},
            {"id": "edge-before", "property": "n_clicks", "value": None},
            {"id": "edge-after", "property": "n_clicks", "value": None},
            {"id": "chart-width", "property": "data", "value": None},
        ],
        "state": [
            {"id": "zoom", "property": "data", "value": None},
            {"id": "url", "property": "search", "value": search},
        ],
        "changedPropIds": ["view.data"],
    }
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return answer.get_json()["response"]


def event_ids(figure: dict) -> set[str]:
    return {str(i) for trace in figure["data"] for i in (trace.get("customdata") or [])}


def test_a_link_to_an_event_opens_with_its_marker_drawn_and_selected(client):
    shown = opening(client, "/?event=shoot-to-kill-order")
    data = shown["figure"]["data"]
    assert len(event_ids(shown["figure"])) > 20  # the events around it, drawn
    marker = next(t for t in data if "shoot-to-kill-order" in (t.get("customdata") or []))
    where = marker["x"][marker["customdata"].index("shoot-to-kill-order")]
    selected = next(t for t in data if t.get("name") == "selected ring")  # ("Selected": the legend)
    assert [x.replace("T", " ") for x in selected["x"]] == [where.replace("T", " ")]  # the one marked
    assert shown["view"] == "?event=shoot-to-kill-order"  # what `navigate` would store


def test_the_page_carries_the_figure_the_callback_would_draw(client):
    for search in (
        "",
        "?event=shoot-to-kill-order",
        "?category=protest&q=almaty",
        "?zoom=2022-01-05T06:00/2022-01-07",
        "?event=death-toll&from=2022-01-07&to=2022-01-31",
    ):
        shown = opening(client, "/" + search)
        drawn = figure_of_draw(client, shown["view"], shown["version"], search)
        assert shown["figure"] == drawn["timeline"]["figure"], search
        assert shown["zoom"] == drawn["zoom"]["data"], search


def test_the_version_is_the_one_the_layout_says(client):
    """The page's script uses the opening view only for the data its layout is about."""
    layout = json.dumps(client.get("/_dash-layout").get_json())
    assert json.dumps(opening(client, "/")["version"]) in layout


def test_a_zoom_in_the_address_is_the_opening_window(client):
    shown = opening(client, "/?zoom=2022-01-05T06:00/2022-01-07")
    assert shown["figure"]["layout"]["xaxis"]["range"][0].startswith("2022-01-05 06:00")
    assert shown["figure"]["layout"]["xaxis"]["range"][1].startswith("2022-01-07")
    assert shown["zoom"] is not None


def test_a_shared_link_zoomed_away_from_its_event_opens_on_that_zoom(client):
    # (a viewer read the 2017 sentence, then zoomed to the second week of January 2022, and shared)
    shown = opening(client, "/?event=ablyazov-sentenced-in-absentia&zoom=2022-01-08T10:26:25/2022-01-14T02:35:31")
    assert shown["figure"]["layout"]["xaxis"]["range"][0].startswith("2022-01-08 10:26:25")
    assert shown["figure"]["layout"]["xaxis"]["range"][1].startswith("2022-01-14 02:35:31")
    assert shown["zoom"] is not None


def test_a_link_with_the_map_s_place_keeps_its_zoom_away_from_its_event(client):
    """The view the page stores is the one `navigate` stores, without the map's place: with it,
    `navigate` changed the view, and the chart followed the event out of the link's zoom."""
    search = "?event=ablyazov-sentenced-in-absentia&zoom=2022-01-08T10:26:25/2022-01-14T02:35:31&map=3.5/46/39.6"
    shown = opening(client, "/" + search)
    assert shown["view"] == "?event=ablyazov-sentenced-in-absentia"
    assert shown["figure"]["layout"]["xaxis"]["range"][0].startswith("2022-01-08 10:26:25")


def test_values_over_their_bounds_are_refused_as_in_the_address(client):
    shown = opening(client, "/?event=%3Cscript%3E&q=" + "x" * 400)
    assert shown["view"] == ""
    assert len(shown["refused"]) == 2
    assert any("'<script>'" in reason for reason in shown["refused"])  # said why, as text
    page = client.get("/?event=%3Cscript%3E").get_data(as_text=True)
    block = page[page.index('id="opening">') :]
    assert "<script>" not in block[: block.index("</script>")]


def test_the_address_s_outlets_come_as_the_dropdown_s_first_choices(client):
    """Dash's dropdown drops a value it has no choice for: the choices came with a callback, after
    the address's outlet had been dropped, and a link filtered by outlet opened on every event."""
    view = opening(client, "/?source=tass&source=Gone+Wire")
    assert view["outlets"] == [{"label": "TASS (4)", "value": "TASS"}]  # (as the file spells it; no other)
    assert view["view"] == "?source=TASS"
    assert opening(client, "/")["outlets"] == []
    # (as of a date, the counts then, as the dropdown gives them after: 3 of TASS's 4 accounts
    # were out by 6 January, none by the 4th; an outlet with none out yet stays a choice while chosen)
    assert opening(client, "/?source=tass&asof=2022-01-06")["outlets"] == [{"label": "TASS (3)", "value": "TASS"}]
    assert opening(client, "/?source=tass&asof=2022-01-04")["outlets"] == [{"label": "TASS (0)", "value": "TASS"}]


def test_no_text_of_the_file_can_end_the_block(tmp_path):
    events = tmp_path / "events.csv"
    events.write_bytes(
        csv_bytes(
            [
                row("a", "2022-01-05", title="</script><script>alert(1)</script>"),
                row("b", "2022-01-06", title="Fish & chips > 3"),
            ]
        )
    )
    client = create_app(events, "Timeline").server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "alert(1)</script>" not in page
    shown = opening(client, "/")
    assert "alert(1)" in json.dumps(shown["figure"])  # the title is there, read back whole
    assert "Fish &amp; chips &gt; 3" in json.dumps(shown["figure"]) or "Fish & chips > 3" in json.dumps(shown["figure"])
