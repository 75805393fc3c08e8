"""Make docs/screenshot.png: the dashboard on events.csv with a disputed event selected.

    .venv/bin/python docs/screenshot.py [--output docs/screenshot.png]   (or: make screenshot)
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


def capture(page, url: str, output: Path) -> Path:
    """Screenshot the served dashboard with EVENT selected, in a page of VIEWPORT's size."""
    page.set_viewport_size(VIEWPORT)
    TimelinePage(page, url).open(event=EVENT)
    page.wait_for_timeout(500)
    page.screenshot(path=str(output), full_page=False)
    return output


def screenshot(output: Path, events: Path = ROOT / "events.csv") -> Path:
    with serve(events) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        capture(browser.new_page(device_scale_factor=1), url, output)
        browser.close()
    return output


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    print(screenshot(parser.parse_args().output))
