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
