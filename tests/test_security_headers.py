"""A title that is only text (issue 18, item 4)."""
from __future__ import annotations

from pathlib import Path

from timeline.app import create_app

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_TITLE = "</title><script>alert(1)</script>"


def test_the_title_is_text_in_the_page():
    page = create_app(ROOT / "events.csv", HOSTILE_TITLE).server.test_client().get("/").get_data(as_text=True)
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    assert "<script>alert(1)" not in page
    assert page.count("<title>") == 1 and page.count("</title>") == 1
