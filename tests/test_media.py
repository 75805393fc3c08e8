"""timeline.media.kind: what a media link points at, from the link alone."""
from __future__ import annotations

import pytest

from timeline import media


@pytest.mark.parametrize("url, kind", [
    ("https://example.org/photo.jpg", "image"),
    ("https://example.org/a/b/PHOTO.JPEG", "image"),
    ("http://example.org/chart.png?width=800", "image"),
    ("https://example.org/anim.gif#frame", "image"),
    ("https://example.org/x.webp", "image"),
    ("https://example.org/map.svg", "image"),
    ("https://example.org/x.avif", "image"),
    ("https://www.youtube.com/watch?v=abc123XYZ00", "video"),
    ("https://youtu.be/abc123XYZ00", "video"),
    ("https://m.youtube.com/watch?v=abc123XYZ00", "video"),
    ("https://www.youtube-nocookie.com/embed/abc123XYZ00", "video"),
    ("https://vimeo.com/123456789", "video"),
    ("https://player.vimeo.com/video/123456789", "video"),
    ("https://example.org/story.html", "link"),
    ("https://example.org/photo.jpg.html", "link"),
    ("https://example.org/?file=photo.jpg", "link"),
    ("https://en.wikipedia.org/wiki/Sundial", "link"),
    ("https://notyoutube.com/watch?v=1", "link"),
    ("HTTPS://EXAMPLE.ORG/A", "link"),
    ("//example.org/photo.jpg", ""),
    ("example.org/photo.jpg", ""),
    ("ftp://example.org/photo.jpg", ""),
    ("javascript:alert(1)", ""),
    ("https://", ""),
    ("https://exa mple.org/x.jpg", ""),
    ("<iframe src='https://www.youtube.com/embed/x'></iframe>", ""),
    ("", ""),
    (None, ""),
])
def test_kind(url, kind):
    assert media.kind(url) == kind
