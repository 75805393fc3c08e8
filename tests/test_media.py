"""timeline.media: what a media link points at, from the link alone."""
from __future__ import annotations

import pytest

from timeline.media import kind, video_site


@pytest.mark.parametrize("url, expected", [
    # images: the path's ending decides, before any query or fragment, in any case
    ("https://example.org/photos/square.jpg", "image"),
    ("https://example.org/photos/square.jpeg", "image"),
    ("http://example.org/a.png", "image"),
    ("https://example.org/a.gif", "image"),
    ("https://example.org/a.webp", "image"),
    ("https://example.org/a.svg", "image"),
    ("https://example.org/a.avif", "image"),
    ("https://example.org/A.PNG", "image"),
    ("https://example.org/a.jpg?width=800&crop=1", "image"),
    ("https://example.org/a.jpg#detail", "image"),
    ("  https://example.org/a.jpg  ", "image"),
    # not images: the ending is not the path's
    ("https://example.org/view?file=a.jpg", "link"),
    ("https://example.org/page#a.png", "link"),
    ("https://example.org/a.jpg/comments", "link"),
    ("https://example.org/a.jpgx", "link"),
    ("https://example.org/a.tiff", "link"),
    ("https://example.org/clip.mp4", "link"),
    ("https://example.org/", "link"),
    ("https://example.org", "link"),
    # video pages
    ("https://www.youtube.com/watch?v=abc123", "video"),
    ("https://youtube.com/watch?v=abc123", "video"),
    ("https://m.youtube.com/watch?v=abc123", "video"),
    ("https://youtu.be/abc123", "video"),
    ("https://www.youtube-nocookie.com/embed/abc123", "video"),
    ("https://vimeo.com/123456", "video"),
    ("https://player.vimeo.com/video/123456", "video"),
    ("HTTPS://WWW.YOUTUBE.COM/watch?v=abc123", "video"),
    # look-alike hosts are plain links
    ("https://youtube.com.example.org/watch?v=abc123", "link"),
    ("https://notyoutube.com/watch?v=abc123", "link"),
    ("https://example.org/youtube.com/a", "link"),
    # nothing, or not a web address: never offered
    ("", ""),
    (None, ""),
    ("   ", ""),
    ("javascript:alert(1)//a.png", ""),
    ("JAVASCRIPT:alert(1)", ""),
    ("data:image/png;base64,iVBORw0KGgo=", ""),
    ("//example.org/a.png", ""),
    ("ftp://example.org/a.png", ""),
    ("example.org/a.png", ""),
    ("https://[unclosed/a.png", ""),
])
def test_kind(url, expected):
    assert kind(url) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.youtube.com/watch?v=abc123", "YouTube"),
    ("https://youtu.be/abc123", "YouTube"),
    ("https://vimeo.com/123456", "Vimeo"),
    ("https://example.org/a.png", ""),
    ("https://[unclosed/", ""),
    ("", ""),
])
def test_video_site(url, expected):
    assert video_site(url) == expected


# What TimelineJS sheets put in Media, and what the loader meets.
@pytest.mark.parametrize("url, expected", [
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
def test_kind_of_what_sheets_hold(url, expected):
    assert kind(url) == expected
