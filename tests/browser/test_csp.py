"""The page works under its Content-Security-Policy: every step a viewer takes, no violation.

A listener added before any of the page's scripts records each `securitypolicyviolation` event;
the console's errors are recorded too (Chromium also logs a refused script or style there).
"""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, serve
from .pages import TimelinePage

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
    {directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile}));
"""


@pytest.fixture
def watched(page):
    """The page with its CSP violations (window.__violations) and console errors recorded."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_VIOLATIONS)
    return page, errors


def violations(page) -> list[dict]:
    return page.evaluate("() => window.__violations")


def test_the_page_works_under_its_csp_with_no_violation(watched, kazakhstan_url):
    page, errors = watched
    response = page.goto(kazakhstan_url + "/")
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    timeline = TimelinePage(page, kazakhstan_url)
    timeline.wait_until_drawn()
    # Select an event (from the list), filter, zoom, step with the keys, download the CSV.
    timeline.click_event("shoot-to-kill-order")
    timeline.expect_selected("Tokayev orders forces to shoot to kill")
    timeline.toggle_category("security")
    expect(timeline.counter).to_have_text("3 of 35 events")
    timeline.search("massimov")
    expect(timeline.counter).to_contain_text(" of 35 events")
    timeline.search("")
    timeline.toggle_category("security")
    expect(timeline.counter).to_have_text("35 of 35 events")
    before = timeline.x_range()
    timeline.drag_zoom(0.3, 0.5)
    page.wait_for_function(
        "(r) => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range[0] !== r[0]", arg=before
    )
    timeline.open(event="national-day-of-mourning")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("ArrowRight")
    timeline.expect_selected("CSTO video summit")
    page.keyboard.press("ArrowLeft")
    timeline.expect_selected("National day of mourning")
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    assert download.value.suggested_filename == "timeline-events.csv"
    with open(download.value.path(), "rb") as saved:  # UTF-8 with its byte order mark, for Excel
        assert saved.read(6) == b"\xef\xbb\xbfid,"
    page.locator("#timeline .modebar").first.hover()  # the chart's toolbar: plotly's own icons
    page.wait_for_timeout(300)
    assert violations(page) == []
    assert [e for e in errors if re.search(r"Content Security Policy|Refused", e)] == []
    assert errors == []


HOSTILE_TITLE = "</title><script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile_title_url(tmp_path_factory):
    copy = tmp_path_factory.mktemp("title") / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, title=HOSTILE_TITLE) as url:
        yield url


def test_a_title_with_markup_is_shown_as_text_and_runs_nothing(watched, hostile_title_url):
    page, errors = watched
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    timeline = TimelinePage(page, hostile_title_url).open()
    assert page.title() == HOSTILE_TITLE
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    assert page.locator("head script:not([src])").count() == 0  # Dash's own are in the body
    assert dialogs == [] and violations(page) == [] and errors == []
    assert timeline.counter.inner_text() == "35 of 35 events"
