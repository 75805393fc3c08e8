"""timeline.media: what a media link shows (picture, video, other page), and a video's page."""

from __future__ import annotations

import pytest

from timeline import media

KINDS = [
    # (url, kind, watch_url)
    # pictures: the path's suffix, in any case, before any ?query or #fragment
    ("https://example.org/crowd.jpg", "image", ""),
    ("https://example.org/crowd.JPEG", "image", ""),
    ("https://example.org/a/b/map.png?w=800&h=600", "image", ""),
    ("https://example.org/loop.gif#top", "image", ""),
    ("https://example.org/photo.webp", "image", ""),
    ("https://example.org/chart.SVG", "image", ""),
    ("https://example.org/photo.avif", "image", ""),
    ("HTTP://EXAMPLE.ORG/PHOTO.JPG", "image", ""),
    ("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg", "image", ""),
    ("https://example.org/photo.jpg/", "link", ""),
    ("https://example.org/photo.jpg.html", "link", ""),
    ("https://example.org/page?file=photo.jpg", "link", ""),
    ("https://example.org/jpg", "link", ""),
    ("https://example.jpg", "link", ""),  # a host, not a file
    # a wiki's page of a picture is a page (TimelineJS fetches the picture from it; an <img> of
    # the page shows nothing); the picture's own file is a picture
    ("https://commons.wikimedia.org/wiki/File:Ape_skeletons.png", "link", ""),
    ("https://en.wikipedia.org/wiki/File:Ada_Lovelace_portrait.jpg", "link", ""),
    ("https://upload.wikimedia.org/wikipedia/commons/a/a4/Ape_skeletons.png", "image", ""),
    # YouTube
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("http://WWW.YouTube.com/watch?v=dQw4w9WgXcQ", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc&t=10", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=5", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://www.youtube.com/live/dQw4w9WgXcQ?feature=share", "video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("https://www.youtube.com/@channel", "link", ""),  # a channel, a playlist: not one video
    ("https://www.youtube.com/playlist?list=PL123", "link", ""),
    ("https://www.youtube.com/watch?v=short", "link", ""),
    ("https://www.youtube.com/watch", "link", ""),
    ("https://youtu.be/", "link", ""),
    ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "link", ""),
    ("https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ", "", ""),  # (a user before the host: no link at all)
    ("https://notyoutube.com/watch?v=dQw4w9WgXcQ", "link", ""),
    # Vimeo
    ("https://vimeo.com/76979871", "video", "https://vimeo.com/76979871"),
    ("https://www.vimeo.com/76979871?share=copy", "video", "https://vimeo.com/76979871"),
    ("https://vimeo.com/76979871/8272103f6e", "video", "https://vimeo.com/76979871/8272103f6e"),
    ("https://player.vimeo.com/video/76979871", "video", "https://vimeo.com/76979871"),
    ("https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0", "video", "https://vimeo.com/76979871/8272103f6e"),
    ("https://vimeo.com/channels/staffpicks/76979871", "video", "https://vimeo.com/76979871"),
    ("https://vimeo.com/groups/shortfilms/videos/76979871", "video", "https://vimeo.com/76979871"),
    ("https://vimeo.com/showcase/123", "link", ""),
    ("https://vimeo.com/user123", "link", ""),
    ("https://player.vimeo.com/76979871", "link", ""),
    # other web pages
    ("https://example.org/story", "link", ""),
    ("https://example.org", "link", ""),
    ("https://[::1", "", ""),  # malformed, but a web link by the rule
    # not web links: never shown
    ("", "", ""),
    ("www.example.org/photo.jpg", "", ""),
    ("/images/photo.jpg", "", ""),
    ("javascript:alert(1)//.jpg", "", ""),
    ("data:image/png;base64,iVBORw0KGgo=", "", ""),
    ("ftp://example.org/photo.jpg", "", ""),
    ("https://example.org/my photo.jpg", "", ""),
]


@pytest.mark.parametrize("url, kind, watch", KINDS)
def test_kind_and_watch_url(url, kind, watch):
    assert media.kind(url) == kind
    assert media.watch_url(url) == watch
    assert (media.video(url) is not None) == (kind == "video")


def test_kinds_are_named():
    assert (media.IMAGE, media.VIDEO, media.LINK) == ("image", "video", "link")


# --- kind and video_site, as the side panel and the TimelineJS import use them ---
from timeline.media import kind, video_site  # noqa: E402


@pytest.mark.parametrize(
    "url, expected",
    [
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
        ("https://www.youtube.com/watch?v=abc123XYZ00", "video"),
        ("https://youtube.com/watch?v=abc123XYZ00", "video"),
        ("https://m.youtube.com/watch?v=abc123XYZ00", "video"),
        ("https://youtu.be/abc123XYZ00", "video"),
        ("https://www.youtube-nocookie.com/embed/abc123XYZ00", "video"),
        ("https://vimeo.com/123456", "video"),
        ("https://player.vimeo.com/video/123456", "video"),
        ("HTTPS://WWW.YOUTUBE.COM/watch?v=abc123XYZ00", "video"),
        # look-alike hosts are plain links
        ("https://youtube.com.example.org/watch?v=abc123XYZ00", "link"),
        ("https://notyoutube.com/watch?v=abc123XYZ00", "link"),
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
        # what TimelineJS sheets put in Media
        ("https://example.org/photo.jpg.html", "link"),
        ("https://en.wikipedia.org/wiki/Sundial", "link"),
        ("HTTPS://EXAMPLE.ORG/A", "link"),
        ("https://", ""),
        ("https://exa mple.org/x.jpg", ""),
        ("<iframe src='https://www.youtube.com/embed/x'></iframe>", ""),
    ],
)
def test_kind(url, expected):
    assert kind(url) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.youtube.com/watch?v=abc123XYZ00", "YouTube"),
        ("https://youtu.be/abc123XYZ00", "YouTube"),
        ("https://vimeo.com/123456", "Vimeo"),
        ("https://example.org/a.png", ""),
        ("https://[unclosed/", ""),
        ("", ""),
    ],
)
def test_video_site(url, expected):
    assert video_site(url) == expected
