"""A historical timeline (issue "Real files, read right", 1): dates BC and before AD 1000 are
drawn where they happened and read as a reader writes them, on the axis, in the list and in the
panel, and a zoom over them goes into the address and back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import serve
from .pages import TimelinePage

EVENTS = """id,date,end_date,title,description,category,location,latitude,longitude,source,source_url,published,claimed_by
marathon,490 BC,,Battle of Marathon,,war,,,,Herodotus,,,
thermopylae,-480,,Battle of Thermopylae,,war,,,,Herodotus,,,
peloponnesian-war,431 BC,404 BC,Peloponnesian War,,war,,,,Thucydides,,,
alexander-born,-0356-07-20,,Alexander the Great born,,people,,,,Plutarch,,,
caesar-killed,15 March 44 BC,,Caesar assassinated,,people,,,,Suetonius,,,
caesar-killed,-0044-03-15 11:00,,,In the Theatre of Pompey,,,,,Plutarch,,,
augustus-dies,19 August AD 14,,Augustus dies,,people,,,,Suetonius,,,
hijra,622,,The Hijra,,people,,,,Tradition,,,
charlemagne,25 December 800,,Charlemagne crowned,,people,,,,Einhard,,,
"""


@pytest.fixture(scope="module")
def history_url(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("history")) / "events.csv"
    path.write_text(EVENTS, encoding="utf-8")
    with serve(path, title="Antiquity") as url:
        yield url


@pytest.fixture
def timeline(page, history_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    return TimelinePage(page, history_url)


def axis_labels(timeline: TimelinePage) -> list[str]:
    return timeline.page.locator("#timeline .xtick text").all_text_contents()


def test_the_axis_list_and_panel_say_bc_and_ad(timeline):
    timeline.open(event="caesar-killed")
    timeline.expect_selected("Caesar assassinated")
    labels = axis_labels(timeline)
    assert "400 BC" in labels and "AD 400" in labels, labels
    assert not any(re.fullmatch(r"-?0\d{3}", label) for label in labels), labels
    listed = timeline.event_list.inner_text()
    for shown in (
        "490 BC",
        "480 BC",
        "431 BC to 404 BC",
        "20 July 356 BC",
        "19 August AD 14",
        "AD 622",
        "25 December AD 800",
    ):
        assert shown in listed
    panel = timeline.panel_text()
    assert "15 March 44 BC" in panel and "15 March 44 BC, 11:00" in panel
    assert "0044" not in panel and "-44" not in panel


def test_a_zoom_over_bc_years_goes_into_the_address_and_back(timeline):
    timeline.open(query="zoom=-0499-01-01/-0399-01-01")
    expect(timeline.page).to_have_url(re.compile(r"zoom=-0499-01-01/-0399-01-01"))
    labels = axis_labels(timeline)
    assert labels and all(label.endswith("BC") for label in labels), labels
    gd_range = timeline.page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range"
    )
    assert gd_range[0].startswith("-0499-01-01") and gd_range[1].startswith("-0399-01-01")


def test_a_typed_bc_date_range_filters_the_events(timeline):
    timeline.open()
    timeline.set_dates("500 BC", "1 BC")
    expect(timeline.counter).to_contain_text("5 of 8 events", timeout=15_000)
