"""Problems in the page, live data (one process and several gunicorn workers), time zones, export."""

import csv
import io
import json
import re
import shutil
import urllib.request

import pytest
from playwright.sync_api import expect

from ..dash_client import Client
from .conftest import ROOT, in_time_zone, serve
from .pages import TimelinePage

NEW_ROW = "added-event,2022-01-12,,A new event appended by an editor,,government,,,,TASS,,,,,,\n"


@pytest.fixture
def events_copy(tmp_path):
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    return copy


# 7. Problems in the page
def test_problems_are_listed_with_row_column_and_message(page, tmp_path):
    broken = tmp_path / "events.csv"
    broken.write_text(
        "id,date,title,category,source,source_url\n"
        "good-one,2022-01-05,A good row,protest,AFP,\n"
        "bad-date,2022-02-30,An impossible date,protest,AFP,\n"
        "bad-link,2022-01-06,A bad link,protest,AFP,javascript:alert(1)\n",
        encoding="utf-8",
    )
    with serve(broken) as url:
        timeline = TimelinePage(page, url).open()
        expect(timeline.counter).to_have_text("2 of 2 events")  # a bad link drops the link, not the row
        notice = page.locator("#problems")
        expect(timeline.problems_line).to_have_text("1 row of events.csv was left out, and 1 warning: details")
        timeline.problems_line.click()  # the list opens on demand
        expect(timeline.problems_list).to_be_visible()
        expect(notice).to_contain_text("row 3, date")
        expect(notice).to_contain_text("February 2022 has 28 days")
        expect(notice).to_contain_text("row 4, source_url")


# 8. Live data
# How soon a saved row shows is a number, measured (benchmarks/appends.py: the new version
# answered by a poll, recorded in RESULTS.md), not timed here: these tests wait for it, up to
# PICKED_UP_MS, because a test's Chromium shares two cores with another test's and an open page
# polls every 2 s.
PICKED_UP_MS = 20_000


def test_an_idle_page_polls_with_a_cacheable_get_and_only_a_new_version_fires_callbacks(page, events_copy):
    """The poll is a GET of the file's version (a proxy can answer it), asked again with
    If-None-Match; while the file is unchanged the page sends no callback at all. A row appended
    to the file then shows in the open page, without a reload."""
    with serve(events_copy, gunicorn_workers=1) as url:
        timeline = TimelinePage(page, url).open()
        expect(timeline.counter).to_have_text("35 of 35 events")
        timeline.settle()
        seen = []
        page.on("requestfinished", lambda request: seen.append(request))
        page.wait_for_timeout(5_000)  # two poll intervals and more
        polls = [r for r in seen if r.url == url + "/_timeline/version"]
        assert len(polls) >= 2 and all(r.method == "GET" for r in polls), [r.url for r in seen]
        asked = [r.all_headers().get("if-none-match") for r in polls]
        with urllib.request.urlopen(url + "/_timeline/version", timeout=30) as answer:
            etag = answer.headers["ETag"]
        assert asked[-1] == etag, "asked again with the version it has (answered 304, no body)"
        assert not [r for r in seen if r.method == "POST"], "no callback while nothing changed"
        with open(events_copy, "a", encoding="utf-8") as f:
            f.write(NEW_ROW)
        expect(timeline.counter).to_have_text("36 of 36 events", timeout=PICKED_UP_MS)
        expect(timeline.event_list).to_contain_text("A new event appended by an editor")
        assert [r for r in seen if r.method == "POST"], "the new version fired the callbacks"
        page.reload()  # and a page opened now shows it
        timeline.wait_until_drawn()
        expect(timeline.counter).to_have_text("36 of 36 events")


def test_every_gunicorn_worker_serves_the_new_data(page, events_copy):
    with serve(events_copy, gunicorn_workers=2) as url:
        timeline = TimelinePage(page, url).open()
        expect(timeline.counter).to_have_text("35 of 35 events")
        with open(events_copy, "a", encoding="utf-8") as f:
            f.write(NEW_ROW)
        # A worker builds the new version in the background and answers from the one it has
        # meanwhile: the open page catches up at a poll (2 s), and every worker serves it (eight
        # views in a row, each on a fresh connection: spread over the workers).
        expect(timeline.counter).to_have_text("36 of 36 events", timeout=PICKED_UP_MS)
        Client(url).view_until(lambda view: view.counter == "36 of 36 events", "every worker serves the new row", 20, 8)


# 9. Time zones
@pytest.mark.parametrize("zone", ["Pacific/Honolulu", "Asia/Tokyo", "UTC"])
def test_a_date_only_event_shows_on_the_same_day_in_every_time_zone(page, kazakhstan_url, zone):
    in_time_zone(page, zone)
    timeline = TimelinePage(page, kazakhstan_url).open(event="shoot-to-kill-order")
    assert page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == zone
    point = timeline.point_of("shoot-to-kill-order")
    # Plotly dates are naive: the marker of 7 January sits inside 7 January, whatever the zone.
    assert timeline.point_date_at(point["x"]).startswith("2022-01-07T")
    assert "7 January 2022" in timeline.hover_marker_of("shoot-to-kill-order")
    expect(timeline.page.locator("#sources-panel .when").first).to_have_text("7 January 2022")


# 10. Export
def test_download_csv_holds_the_filtered_events_accounts(timeline):
    timeline.open(query="category=security")
    with timeline.page.expect_download() as download:
        timeline.page.locator("#export-csv").click()
    text = download.value.path().read_text(encoding="utf-8-sig")  # (its byte order mark, for Excel)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["id"] for r in rows} == {"almaty-airport-retaken", "who-caused-the-violence", "shoot-to-kill-order"}
    assert download.value.suggested_filename.endswith(".csv")
    # what it holds, said to a screen reader (a browser's download is not): shown only when cut
    said = timeline.page.locator("#export-said")
    expect(said).to_have_text(f"{download.value.suggested_filename}: {len(rows)} accounts")
    expect(said).to_have_attribute("role", "status")
    expect(said).to_have_class(re.compile("visually-hidden"))
    timeline.toggle_category("protest")  # (another view: what the last file held no longer said)
    expect(said).to_have_text("")


def test_download_timelinejs_json_of_the_filtered_events(timeline):
    timeline.open(query="category=security")
    with timeline.page.expect_download() as download:
        timeline.page.locator("#export-timelinejs").click()
    document = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert {slide["unique_id"] for slide in document["events"]} == {
        "almaty-airport-retaken",
        "who-caused-the-violence",
        "shoot-to-kill-order",
    }
    assert document["title"]["text"]["headline"] == "Kazakhstan, January 2022: a timeline"
    order = next(s for s in document["events"] if s["unique_id"] == "shoot-to-kill-order")
    start = order["start_date"]
    assert (start["year"], start["month"], start["day"]) == (2022, 1, 7) and "hour" not in start
    assert "franceinfo" in order["text"]["text"]


def test_png_through_the_chart_toolbar(timeline):
    timeline.open()
    timeline.page.locator("#timeline").hover()
    button = timeline.page.locator("#timeline .modebar-btn[data-title='Download plot as a PNG']")
    with timeline.page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "timeline.png"
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Nothing in the toolbar uploads the newsroom's data to a third party.
    expect(timeline.page.locator("#timeline .modebar-btn[data-title^='Share']")).to_have_count(0)
