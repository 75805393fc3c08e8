"""timeline.links: the one rule for what is a web link, and the fix a message suggests."""

from __future__ import annotations

import pytest

from timeline.links import is_web_link, likely_link, user_before_host

WEB_LINKS = [
    # (value, is a web link)
    ("https://example.org", True),
    ("http://example.org/a?b=1&c=2#d", True),
    ("HTTPS://EXAMPLE.ORG/A", True),
    ("HtTp://example.org", True),
    ("  https://example.org/a  ", True),  # stripped, as the loader strips
    ("https://пример.рф/статья", True),
    ("https://example.org/a,b;c(d)", True),
    ("https://", False),  # no host
    ("https:///story", False),
    ("https:// example.org", False),
    ("https://example.org/a story", False),  # whitespace inside: not an address
    ("https://example.org/a\u00a0b", False),
    ("https://example.org https://example.org/b", False),  # two links in one cell
    ("www.example.org", False),
    ("example.org/story", False),
    ("//example.org/story", False),
    ("/story", False),
    ("story.html", False),
    ("ftp://example.org/a", False),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox(1)", False),
    ("mailto:desk@example.org", False),
    ('<a href="https://example.org/a">Story</a>', False),
    # A user name or password before the host: the browser opens what follows the last @.
    ("https://www.reuters.com@evil.example/world", False),
    ("https://editor:secret@cms.example/story", False),
    ("https://a@b@evil.example", False),
    ("https://@example.org", False),
    ("https://medium.com/@reporter/story", True),  # (an @ after the host is the page's)
    ("https://example.org/a?by=@desk#@top", True),
    ("https://example.org?q=1", True),
    ("https://example.org#top", True),
    ("https://?q=1", False),  # no host
    ("https://#top", False),
    ("", False),
]


@pytest.mark.parametrize("value, expected", WEB_LINKS)
def test_is_web_link(value, expected):
    assert is_web_link(value) is expected


@pytest.mark.parametrize(
    "value, host",
    [
        ("https://www.reuters.com@evil.example/world", "evil.example"),
        ("HTTP://editor:secret@cms.example:8080/a", "cms.example:8080"),
        ("https://a@b@evil.example?x", "evil.example"),
        ("  https://user@example.org  ", "example.org"),
        ("https://medium.com/@reporter/story", None),
        ("https://example.org", None),
        ("ftp://user@example.org", None),
    ],
)
def test_user_before_host_names_the_host_a_browser_opens(value, host):
    assert user_before_host(value) == host


LIKELY = [
    # (a value that is not a web link, the link it probably meant or "")
    ('<a href="https://example.org/a">Story</a>', "https://example.org/a"),
    ("<A HREF='http://example.org/a?b=1&amp;c=2'>x</A>", "http://example.org/a?b=1&amp;c=2"),
    ('<a class="x" href="https://example.org/a" target="_blank">', "https://example.org/a"),
    ('<a href="javascript:alert(1)">x</a>', ""),
    ('<a href="/story">x</a>', ""),
    ("www.example.org", "https://www.example.org"),
    ("www.example.org/a?b=1", "https://www.example.org/a?b=1"),
    ("netblocks.org/reports/kazakhstan", "https://netblocks.org/reports/kazakhstan"),
    ("//example.org/a", "https://example.org/a"),
    ("example.org", ""),  # a file name or a host: cannot tell
    ("akimat.jpg", ""),
    ("images/akimat.jpg", ""),
    ("/story", ""),
    ("javascript:alert(1)", ""),
    ("data:text/html,x", ""),
    ("ftp://example.org/a", ""),
    ("www.example.org/a b", ""),
]


@pytest.mark.parametrize("value, expected", LIKELY)
def test_likely_link(value, expected):
    assert likely_link(value) == expected
    assert expected == "" or is_web_link(expected)
