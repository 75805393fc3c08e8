"""Embedding (issue 10, item 10) in Chromium: the compact view at /?embed=1, in an <iframe> of
an article on another site, the steps inside it, the link out, the Share control, and the
frame-ancestors setting as a browser obeys it."""

from __future__ import annotations

import functools
import html
import http.server
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, serve
from .pages import TimelinePage

EVENT = "shoot-to-kill-order"
TITLE = "Tokayev orders forces to shoot to kill"


@contextmanager
def article(folder: Path, frame_src: str):
    """A news article on another site (another origin: another port) that frames `frame_src`,
    800 x 600, as the Share control's code does."""
    (folder / "article.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head>'
        "<body><h1>An article</h1><p>Before the timeline.</p>"
        f'<iframe src="{html.escape(frame_src)}" title="The timeline" width="800" height="600"></iframe>'
        "<p>After the timeline.</p></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/article.html"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args):
        pass


@pytest.fixture
def embedded(page, kazakhstan_url):
    page.set_viewport_size({"width": 800, "height": 600})
    return TimelinePage(page, kazakhstan_url).open(EVENT, "embed=1")


def test_the_embedded_view_is_the_title_the_chart_and_the_panel(embedded, kazakhstan_url):
    page = embedded.page
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#timeline .main-svg").first).to_be_visible()
    embedded.expect_selected(TITLE)
    expect(embedded.panel).to_be_visible()
    for hidden in (".controls", "#event-list", ".legend-help", "#export-csv", "#export-timelinejs", ".share"):
        expect(page.locator(hidden)).to_be_hidden()
    link = page.locator("#full-view")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", f"{kazakhstan_url}/?event={EVENT}")  # without embed=1
    expect(link).to_have_attribute("target", "_blank")
    # The chart and the panel share the width of an 800-pixel frame, side by side.
    chart, panel = page.locator("#timeline").bounding_box(), embedded.panel.bounding_box()
    assert chart["x"] + chart["width"] <= panel["x"] and panel["x"] + panel["width"] <= 800
    assert panel["y"] < 200


def test_previous_and_next_share_a_row_in_an_embed_of_800_px(embedded):
    """The chart's column beside the panel is about 500 px: Previous stood alone on a row, Next
    under it beside Show the whole span. Now side by side, one height, each title readable."""
    previous, following = (embedded.page.locator(which).bounding_box() for which in ("#prev-event", "#next-event"))
    assert previous["y"] == following["y"] and previous["height"] == following["height"], (previous, following)
    assert min(previous["width"], following["width"]) >= 200, (previous, following)
    title = embedded.page.locator("#prev-event .step-title")
    assert title.evaluate("t => t.scrollHeight <= t.clientHeight + 1")  # (whole, on its two lines at most)


def test_the_first_tab_in_the_embedded_view_reaches_something_it_shows(embedded):
    # (the skip links lead to the list of events, which the embedded view leaves out: the first
    # Tab reached "Skip to the events", and Enter on it did nothing)
    page = embedded.page
    for link in (page.locator(".skip-link"), page.get_by_text("Read the events as a list")):
        expect(link.first).to_be_hidden()
    page.locator("body").click(position={"x": 2, "y": 2})
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getClientRects().length > 0")
    assert page.evaluate("() => !document.activeElement.classList.contains('skip-link')")


def test_selecting_an_event_in_the_embedded_view_keeps_it_embedded(embedded, kazakhstan_url):
    page = embedded.page
    embedded.click_marker_of("death-toll")
    expect(page).to_have_url(f"{kazakhstan_url}/?event=death-toll&embed=1", timeout=15_000)
    expect(page.locator(".controls")).to_be_hidden()
    expect(page.locator("#full-view")).to_have_attribute("href", f"{kazakhstan_url}/?event=death-toll")
    embedded.next()
    expect(page).not_to_have_url(f"{kazakhstan_url}/?event=death-toll&embed=1", timeout=15_000)
    stepped_to = page.url
    assert stepped_to.endswith("&embed=1")
    embedded.panel.locator(".close").click()  # Close: nothing selected, still embedded
    expect(page).to_have_url(f"{kazakhstan_url}/?embed=1", timeout=15_000)
    page.go_back()  # back to the event Close left: embedded still
    expect(page).to_have_url(stepped_to, timeout=15_000)
    expect(page.locator(".controls")).to_be_hidden()


def test_a_narrow_frame_offers_no_filters_the_embedded_view_has_not(page, kazakhstan_url):
    """At 700 px the full page folds its filters behind a Filters button; the embedded view has
    no filters to fold, and its overview lists the outlets rather than offering to filter by them."""
    page.set_viewport_size({"width": 700, "height": 600})
    embedded = TimelinePage(page, kazakhstan_url).open("", "embed=1")
    expect(embedded.panel.locator(".outlets li").first).to_be_visible()
    expect(page.locator("#filters-toggle")).to_be_hidden()
    expect(page.locator(".controls")).to_be_hidden()
    assert embedded.panel.locator("button").count() == 0
    full = TimelinePage(page, kazakhstan_url).open("", "")
    expect(page.locator("#filters-toggle")).to_be_visible()  # (the full page folds its filters there)
    assert full.panel.locator("button.outlet-button").count() > 0


def test_a_malformed_embed_is_ignored_with_a_notice(page, kazakhstan_url):
    timeline = TimelinePage(page, kazakhstan_url).open(EVENT, "embed=yes")
    expect(timeline.problems).to_contain_text("'embed' 'yes' is not 1")
    expect(page.locator(".controls")).to_be_visible()  # the full page
    expect(page).to_have_url(f"{kazakhstan_url}/?event={EVENT}", timeout=15_000)  # no link carries it
    expect(timeline.problems).to_contain_text("'embed' 'yes' is not 1")  # and the notice stays up


def test_an_article_s_readers_are_not_shown_the_editors_notices(page, tmp_path):
    """ "events.csv has 1 error: details" is for the newsroom, in its own page; the embedded view
    in an article is the chart and the panel (the refused address, the article's, is still said)."""
    copy = tmp_path / "events.csv"
    shutil.copy(ROOT / "events.csv", copy)
    with copy.open("a", encoding="utf-8") as out:
        out.write("bad-date,2022-13-45,,A row with a date that is none,,,protest,,AP,,,,,,,\r\n")
    with serve(copy) as url:
        full = TimelinePage(page, url).open(EVENT)
        expect(full.problems.locator(".file-problems")).to_be_visible()
        embedded = TimelinePage(page, url).open(EVENT, "embed=1&category=" + "x" * 300)
        embedded.expect_selected(TITLE)
        expect(embedded.problems.locator(".file-problems")).to_be_hidden()
        expect(embedded.problems.locator(".refused")).to_be_visible()


def test_an_article_on_another_site_frames_the_view_and_links_out(page, kazakhstan_url, tmp_path):
    with article(tmp_path, f"{kazakhstan_url}/?event={EVENT}&embed=1") as address:
        page.set_viewport_size({"width": 1000, "height": 800})
        page.goto(address)
        frame = page.frame_locator("iframe")
        expect(frame.locator("#sources-panel h2", has_text=TITLE)).to_be_visible(timeout=30_000)
        expect(frame.locator(".controls")).to_be_hidden()
        with page.context.expect_page(timeout=15_000) as opened:
            frame.locator("#full-view").click()
        full = opened.value
        full.wait_for_load_state()
        assert full.url == f"{kazakhstan_url}/?event={EVENT}"
        expect(full.locator(".controls")).to_be_visible(timeout=30_000)
        assert page.url == address  # the article stays where it was
        full.close()


def test_share_offers_the_address_and_an_iframe_of_it_as_text(page, kazakhstan_url):
    timeline = TimelinePage(page, kazakhstan_url).open(EVENT, "category=security")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=kazakhstan_url)
    page.get_by_text("Share", exact=True).click()
    link, code = page.locator("#share-link"), page.locator("#share-embed")
    expect(link).to_be_visible()
    expect(link).to_have_value(page.url)
    assert page.url == f"{kazakhstan_url}/?event={EVENT}&category=security"
    expect(link).to_have_attribute("readonly", "")
    expect(code).to_have_attribute("readonly", "")
    assert timeline.accessibility_problems(".share") == []
    embed_src = html.escape(page.url + "&embed=1", quote=True)
    expect(code).to_have_value(
        f'<iframe src="{embed_src}" title="Kazakhstan, January 2022: a timeline" '
        'width="100%" height="600" style="border: 0" loading="lazy"></iframe>'
    )
    assert "&amp;category=security&amp;embed=1" in code.input_value()
    assert page.locator("iframe").count() == 0  # shown as text, never made into an element
    # A step changes the address, and the texts follow it.
    timeline.previous()
    expect(page).not_to_have_url(f"{kazakhstan_url}/?event={EVENT}&category=security", timeout=15_000)
    expect(link).to_have_value(page.url)
    page.get_by_role("button", name="Copy code").click()
    expect(page.locator("#share-copied")).to_have_text("The embed code is copied.")
    assert page.evaluate("navigator.clipboard.readText()") == code.input_value()
    # Escape closes the box, focus back on its button; the event stays open.
    page.keyboard.press("Escape")
    expect(link).not_to_be_visible()
    expect(page.locator(".share-summary")).to_be_focused()
    expect(page.locator("#sources-panel a.close")).to_have_count(1)
    assert "event=" in page.url


def test_the_embedded_view_has_no_serious_accessibility_problem(embedded, kazakhstan_url):
    # What the embedded view shows (the <html> element, the same for every view, is the home
    # page's: its `lang` is checked with the home page).
    assert embedded.accessibility_problems("body") == []
    # ... with no event chosen too, in the README's frame, 600 px high: the overview was a box
    # that scrolled with nothing in it a key could reach (axe: scrollable-region-focusable)
    for width in (390, 1280):
        embedded.page.set_viewport_size({"width": width, "height": 600})
        TimelinePage(embedded.page, kazakhstan_url).open(query="embed=1")
        assert embedded.accessibility_problems("body") == [], width


@pytest.mark.parametrize("setting, framed", [("'self'", False), ("*", True)])
def test_only_the_sites_the_setting_names_may_frame_the_view(page, tmp_path, setting, framed):
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, env={"TIMELINE_FRAME_ANCESTORS": setting}) as url, article(tmp_path, f"{url}/?embed=1") as address:
        page.goto(address)
        frame = page.frame_locator("iframe")
        if framed:
            expect(frame.locator("#counter")).to_contain_text(" of ", timeout=30_000)
        else:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not page.frames[-1].url.startswith("chrome-error:"):
                time.sleep(0.2)
            assert page.frames[-1].url.startswith("chrome-error:")  # Chromium refused to show it
            assert frame.locator("#counter").count() == 0
