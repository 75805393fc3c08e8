"""Media in the side panel (issue "Real files, read right", 4): an account's picture, served by
the test on loopback, is shown with its account, loaded by the browser (the server fetches
nothing), with its alt, caption and credit as text; a video page is a link to a new tab."""

from __future__ import annotations

import csv
import http.server
import os
import struct
import threading
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from timeline import schema

from .conftest import serve
from .pages import TimelinePage

WIDTH, HEIGHT = 1200, 800  # wider than any panel: the page must scale it down
ALT = "A crowd on a wide square in front of a white building, seen from above"
CAPTION = "Republic Square, 5 January <b>not bold</b> & <img src=x onerror=alert(1)>"
CREDIT = "Example Photographer / Example Agency"
VIDEO = "https://www.youtube.com/watch?v=example0000"
VIDEO_CAPTION = "Crowds on the square"
SHOTS = os.environ.get("TIMELINE_MEDIA_SHOTS", "")  # a folder: the screenshots are written there


def png(width: int, height: int) -> bytes:
    """A PNG of a blue-to-orange gradient with a darker band: something to see in a screenshot."""
    rows = []
    for y in range(height):
        shade = 0.6 if height // 3 < y < height // 3 + height // 10 else 1.0
        row = bytearray([0])
        for x in range(0, width, 8):
            t = x / width
            pixel = bytes(int(c * shade) for c in (40 + 200 * t, 90 + 60 * t, 200 - 170 * t))
            row += pixel * min(8, width - x)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
        + chunk(b"IEND", b"")
    )


class Pictures(http.server.ThreadingHTTPServer):
    """Serves one PNG at /square.png on 127.0.0.1 and remembers who asked, with which headers."""

    def __init__(self):
        self.image, self.requests = png(WIDTH, HEIGHT), []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                if self.path != "/square.png":
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(server.image)))
                self.end_headers()
                self.wfile.write(server.image)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def pictures():
    server = Pictures()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def write_events(path: Path, picture: str) -> Path:
    rows = [
        dict(
            id="square-rally",
            date="2022-01-05",
            title="Rally on Republic Square",
            category="protest",
            location="Almaty",
            source="Example Wire",
            description="Thousands gather on the square.",
            media=picture,
            media_alt=ALT,
            media_caption=CAPTION,
            media_credit=CREDIT,
        ),
        dict(
            id="square-rally",
            date="2022-01-05",
            source="Example TV",
            description="Video from the square.",
            media=VIDEO,
            media_caption=VIDEO_CAPTION,
            media_credit="Example TV",
        ),
        dict(id="square-rally", date="2022-01-05", source="Example Daily"),
        dict(id="curfew", date="2022-01-06", title="Curfew declared", category="government", source="Example Wire"),
    ]
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=schema.NAMES, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def media_url(tmp_path_factory, pictures):
    events = write_events(tmp_path_factory.mktemp("media") / "events.csv", pictures.url + "/square.png")
    with serve(events, title="Media") as url:
        yield url


@pytest.fixture
def timeline(page, media_url):
    return TimelinePage(page, media_url)


def expect_picture(timeline: TimelinePage, pictures: Pictures) -> None:
    image = timeline.panel_images()
    expect(image).to_have_count(1, timeout=15_000)
    assert timeline.wait_until_loaded(image) == WIDTH
    expect(image).to_be_visible()
    assert image.get_attribute("alt") == ALT
    assert image.get_attribute("src") == pictures.url + "/square.png"
    assert image.get_attribute("loading") == "lazy"
    assert image.get_attribute("referrerpolicy") == "no-referrer"


def test_a_picture_is_shown_with_its_account_once_the_event_is_selected(timeline, pictures):
    timeline.open()
    expect(timeline.panel_images()).to_have_count(0)  # the overview has no picture
    timeline.click_event("square-rally")
    timeline.expect_selected("Rally on Republic Square")
    expect_picture(timeline, pictures)
    # with the account that carries it: the first, Example Wire's
    first = timeline.panel.locator("li.account").first
    expect(first.locator("figure.media img")).to_have_count(1)
    expect(first.locator(".outlet")).to_have_text("Example Wire")
    # caption and credit beneath, as the literal text the editor wrote
    [figure] = timeline.panel_figures().filter(has=timeline.page.locator("img")).all()
    assert timeline.figure_caption(figure) == f"{CAPTION}\nCredit: {CREDIT}"
    expect(figure.locator("figcaption b, figcaption img")).to_have_count(0)
    # fetched by the browser, without a referrer; never by the server
    fetched = [headers for path, headers in pictures.requests if path == "/square.png"]
    assert fetched and all("Chrom" in h.get("User-Agent", "") and "Referer" not in h for h in fetched)


def test_a_permalink_opens_with_the_picture(timeline, pictures):
    timeline.open(event="square-rally")
    expect_picture(timeline, pictures)


def test_a_video_page_is_a_link_to_a_new_tab_never_an_embed(timeline):
    timeline.open(event="square-rally")
    link = timeline.panel_media_links()
    expect(link).to_have_count(1, timeout=15_000)
    expect(link).to_have_text(f"Watch the video on YouTube: {VIDEO_CAPTION} ↗ (opens in a new tab)")
    assert link.get_attribute("href") == VIDEO
    assert link.get_attribute("target") == "_blank"
    assert {"noopener", "noreferrer"} <= set(link.get_attribute("rel").split())
    expect(timeline.page.locator("iframe, video, embed, object")).to_have_count(0)
    # with its account, the second, and its credit as text beneath
    second = timeline.panel.locator("li.account").nth(1)
    expect(second.locator("figure.media a")).to_have_count(1)
    expect(second.locator("figcaption")).to_have_text("Credit: Example TV")


def test_an_event_without_media_shows_none(timeline):
    timeline.open(event="curfew")
    timeline.expect_selected("Curfew declared")
    expect(timeline.panel_figures()).to_have_count(0)


@pytest.mark.parametrize("width, height", [(1440, 900), (390, 844)])
def test_the_picture_fits_the_panel_and_the_panel_is_accessible(timeline, pictures, width, height):
    timeline.page.set_viewport_size({"width": width, "height": height})
    timeline.open(event="square-rally")
    expect_picture(timeline, pictures)
    image, panel = timeline.panel_images().bounding_box(), timeline.panel.bounding_box()
    assert panel["x"] <= image["x"] and image["x"] + image["width"] <= panel["x"] + panel["width"]
    assert image["width"] < WIDTH  # scaled down, in proportion
    assert abs(image["height"] / image["width"] - HEIGHT / WIDTH) < 0.02
    assert timeline.page.evaluate("() => document.documentElement.scrollWidth") <= width  # no sideways scroll
    assert timeline.accessibility_problems() == []
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        timeline.panel.locator("figure.media").first.scroll_into_view_if_needed()
        timeline.page.screenshot(path=f"{SHOTS}/panel-{width}x{height}.png")
