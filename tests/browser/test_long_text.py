"""Text that cannot hurt the page (issue 18): events.csv with a 20,000-character source (one word,
the worst case), a long category, title, location and claim, served. The page opens, the Outlets
dropdown opens within a second or two (Dash's dropdown froze the tab for 8 s at 4,000 characters),
and at 390 px nothing makes the page scroll sideways."""

from __future__ import annotations

import csv
import shutil

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, serve
from .pages import TimelinePage

SOURCE = "S" * 20_000
TITLE = "An event whose title never ends " * 20


@pytest.fixture(scope="module")
def long_text_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "events.csv"
    shutil.copyfile(ROOT / "events.csv", path)
    header = (ROOT / "events.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    rows = [
        {
            "id": "long-source",
            "date": "2022-01-06",
            "title": "An outlet with a long name",
            "category": "protest",
            "source": SOURCE,
        },
        {
            "id": "long-everything",
            "date": "2022-01-07",
            "title": TITLE,
            "category": "category" * 40,
            "source": SOURCE,
            "location": "L" * 5_000,
            "claimed_by": "C" * 5_000,
        },
    ]
    with open(path, "a", encoding="utf-8", newline="") as out:
        csv.DictWriter(out, fieldnames=header, lineterminator="\n").writerows(rows)
    with serve(path) as url:
        yield url


@pytest.fixture
def long_page(page, long_text_url):
    return TimelinePage(page, long_text_url)


@pytest.mark.parametrize("width, height", [(390, 844), (1440, 900)])
def test_a_20000_character_source_neither_freezes_nor_widens_the_page(long_page, width, height):
    long_page.page.set_viewport_size({"width": width, "height": height})
    long_page.open()
    assert long_page.sideways_scroll() == 0
    seconds = long_page.open_outlets()
    assert seconds < 2.5, f"the Outlets dropdown took {seconds:.1f} s to open"
    long_page.page.keyboard.type("SSSS")  # the search box has the focus
    label = long_page.outlet_options.filter(has_text="SSSS").first.inner_text(timeout=5_000)
    assert "…" in label and len(label) < 100
    long_page.page.keyboard.press("Escape")
    button = long_page.outlet_buttons.filter(has_text="SSSS")
    assert len(button.inner_text()) < 100
    assert SOURCE in button.get_attribute("title")  # the whole name, as a tooltip
    assert long_page.sideways_scroll() == 0


@pytest.mark.parametrize("width, height", [(390, 844), (1440, 900)])
def test_an_event_with_long_text_fits_the_window(long_page, width, height):
    long_page.page.set_viewport_size({"width": width, "height": height})
    long_page.open(event="long-everything")
    expect(long_page.panel).to_contain_text(SOURCE[:100])  # the panel shows it all, wrapped
    title = long_page.event_list.locator(".title", has_text="never ends").first
    assert title.inner_text().endswith("…") and title.get_attribute("title") == TITLE.strip()
    assert long_page.sideways_scroll() == 0


def test_choosing_the_long_outlet_filters_to_it(long_page):
    long_page.open()
    long_page.outlet_buttons.filter(has_text="SSSS").click()
    expect(long_page.counter).to_contain_text("2 of ")
