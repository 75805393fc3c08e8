"""The README's screenshot is made by docs/screenshot.py, so it can always be made again."""
import importlib.util

from .conftest import ROOT


def test_screenshot_script_makes_a_png_of_the_dashboard(page, kazakhstan_url, tmp_path):
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "docs" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = module.capture(page, kazakhstan_url, tmp_path / "shot.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000  # a real page, not a blank one
    assert (ROOT / "docs" / "screenshot.png").exists()


def test_screenshot_script_makes_a_png_of_the_phone_with_an_event_tapped(browser, kazakhstan_url, tmp_path):
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "docs" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    context = browser.new_context(**module.PHONE)
    page = context.new_page()
    out = module.capture_phone(page, kazakhstan_url, tmp_path / "phone.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.locator("#event-title").is_visible()       # the tapped event's sources are shown
    assert (ROOT / "docs" / "screenshot-phone.png").exists()
    context.close()
