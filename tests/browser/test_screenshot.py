"""The README's screenshots are made by docs/screenshot.py, so they can always be made again: the
desktop one shows the chosen event's sources beside the drawn chart, the phone one the tapped
event's sheet, each at its page's size."""

import importlib.util
import struct

from .conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "docs" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels (its IHDR chunk)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_screenshot_script_makes_a_png_of_the_dashboard(page, kazakhstan_url, tmp_path):
    module = _script()
    out = module.capture(page, kazakhstan_url, tmp_path / "shot.png")
    assert png_size(out.read_bytes()) == (module.VIEWPORT["width"], module.VIEWPORT["height"])
    # What it shows: the event the README speaks of, its sources in the panel, the chart drawn.
    assert page.locator("#event-title").inner_text() == "Tokayev orders forces to shoot to kill"
    assert page.locator("#sources-panel .account").count() >= 2
    assert page.locator("#timeline .scatterlayer .points path").count() > 30
    assert png_size((ROOT / "docs" / "screenshot.png").read_bytes())[0] >= 1000


def test_screenshot_script_makes_a_png_of_the_phone_with_an_event_tapped(browser, kazakhstan_url, tmp_path):
    module = _script()
    context = browser.new_context(**module.PHONE)
    page = context.new_page()
    out = module.capture_phone(page, kazakhstan_url, tmp_path / "phone.png")
    scale = module.PHONE["device_scale_factor"]
    assert png_size(out.read_bytes()) == (390 * scale, 844 * scale)
    assert page.locator("#event-title").is_visible()  # the tapped event's sources are shown
    assert page.locator("#event-title").inner_text() == "Tokayev orders forces to shoot to kill"
    assert (ROOT / "docs" / "screenshot-phone.png").exists()
    context.close()
