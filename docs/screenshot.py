"""Make docs/screenshot.png (the dashboard on events.csv at 1400 x 900, a disputed event
selected) and docs/screenshot-phone.png (the same on a phone, 390 x 844: the event tapped on the
chart, its sources in the sheet over the bottom of the screen); and docs/screenshot-<lang>.png,
the same event in each language the page speaks (README's "Languages").

    .venv/bin/python docs/screenshot.py [--output docs/screenshot.png] [--phone docs/screenshot-phone.png]
    .venv/bin/python docs/screenshot.py --languages      (the languages' only)
    (or: make screenshot)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.browser.pages import TimelinePage  # noqa: E402

EVENT = "shoot-to-kill-order"


VIEWPORT = {"width": 1400, "height": 900}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def capture(page, url: str, output: Path) -> Path:
    """Screenshot the served dashboard with EVENT selected, in a page of VIEWPORT's size."""
    page.set_viewport_size(VIEWPORT)
    TimelinePage(page, url).open(event=EVENT)
    page.wait_for_timeout(500)
    page.screenshot(path=str(output), full_page=False)
    return output


def capture_phone(page, url: str, output: Path) -> Path:
    """Screenshot the dashboard on a phone after a tap on EVENT's mark on the chart."""
    timeline = TimelinePage(page, url).open()
    timeline.tap_marker_of(EVENT)
    page.locator("#event-title").wait_for(state="visible")
    page.wait_for_timeout(500)
    page.screenshot(path=str(output), full_page=False)
    return output


LANGUAGES = ("fr", "ru", "kk", "ar")  # (English: docs/screenshot.png)


def capture_languages(browser, url: str, folder: Path = ROOT / "docs") -> list[Path]:
    """docs/screenshot-<lang>.png: EVENT selected, in each language (the address's `lang=`)."""
    made = []
    for lang in LANGUAGES:
        page = browser.new_page(device_scale_factor=1, viewport=VIEWPORT)
        TimelinePage(page, url, lang).open(event=EVENT, query=f"lang={lang}")
        page.wait_for_timeout(500)
        page.screenshot(path=str(folder / f"screenshot-{lang}.png"), full_page=False)
        made.append(folder / f"screenshot-{lang}.png")
        page.close()
    return made


def languages(events: Path = ROOT / "events.csv") -> list[Path]:
    with serve(events) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        made = capture_languages(browser, url)
        browser.close()
    return made


def screenshot(output: Path, phone: Path, events: Path = ROOT / "events.csv") -> tuple[Path, Path]:
    with serve(events) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        capture(browser.new_page(device_scale_factor=1), url, output)
        capture_phone(browser.new_context(**PHONE).new_page(), url, phone)
        capture_languages(browser, url)
        browser.close()
    return output, phone


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--phone", type=Path, default=ROOT / "docs" / "screenshot-phone.png")
    parser.add_argument("--languages", action="store_true", help="only the languages' screenshots")
    args = parser.parse_args()
    print(*(languages() if args.languages else screenshot(args.output, args.phone)))
