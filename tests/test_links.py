"""timeline.links: the one rule for what is a web link, and the fix a message suggests."""

from __future__ import annotations

import pytest

from timeline.links import (
    invisible,
    is_web_link,
    letters_lost,
    likely_link,
    slip,
    user_before_host,
    without_invisible,
    without_slip,
)

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
    (
        "https://www.bbc.com/persian/\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        True,
    ),  # (a non-joiner: a Persian word's)
    ("https://example.org/a?by=@desk#@top", True),
    ("https://example.org?q=1", True),
    ("https://example.org#top", True),
    ("https://?q=1", False),  # no host
    ("https://#top", False),
    ("", False),
    # Cut short with … (a post's or a chat's preview), or holding an invisible character: the
    # browser cannot open the page.
    ("https://www.reuters.com/world/asia-pacific/kazakhstan-\u2026", False),
    ("https://www.reuters.com/\u2026/story", False),
    ("https://reuters.com/x\u200b", False),
    ("\u200bhttps://reuters.com/x", False),
    ("https://reuters.com/\u200ex", False),
    ("\ufeffhttps://reuters.com/x", False),
    ("https://reuters.com/a\u00adb", False),
    ("https://reuters.com/a\u2066b", False),
    ("https://reuters.com/...", True),  # (three dots: may be the address's)
    # Letters a save in Latin-1 or Windows-1252 made ? (/wiki/Токаев): the page is not found.
    ("https://ru.wikipedia.org/wiki/??????", False),
    ("https://ru.wikipedia.org/wiki/??????_(????)", False),
    ("https://example.org/??", False),
    ("https://example.org/a??b=1", False),
    ("https://example.org/?q=1", True),  # (one ? begins the query)
    ("https://example.org/a?b=1&c=?", True),
    # A probable slip is still a web link (links.slip): warned about, kept.
    ("https://example.org/q?x=1&amp;y=2", True),
    ("https://example.org/a.", True),
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


INVISIBLE = [
    # (value, the invisible characters it holds, the value without them)
    ("https://reuters.com/x\u200b", ["\u200b"], "https://reuters.com/x"),
    ("\ufeff\u200ehttps://reuters.com/x\u200b", ["\ufeff", "\u200e", "\u200b"], "https://reuters.com/x"),
    ("https://reuters.com/x", [], "https://reuters.com/x"),
    ("\u200b", ["\u200b"], ""),
]


@pytest.mark.parametrize("value, found, cleaned", INVISIBLE)
def test_invisible_characters_are_named_and_removed(value, found, cleaned):
    assert invisible(value) == found
    assert without_invisible(value) == cleaned


SLIPS = [
    # (a web link, its probable slip, the link probably meant)
    ("https://example.org/q?x=1&amp;y=2", "amp", "https://example.org/q?x=1&y=2"),
    ("https://example.org/q?x=1&AMP;y=2&amp;z", "amp", "https://example.org/q?x=1&y=2&z"),
    ("https://example.org/q?x=1&y=2", "", "https://example.org/q?x=1&y=2"),
    ("https://example.org/a.", "end", "https://example.org/a"),
    ("https://example.org/a,", "end", "https://example.org/a"),
    ("https://example.org/a;", "end", "https://example.org/a"),
    ("https://example.org/a)", "end", "https://example.org/a"),
    ("https://example.org/a).", "end", "https://example.org/a"),
    ("https://en.wikipedia.org/wiki/Almaty_(city)", "", "https://en.wikipedia.org/wiki/Almaty_(city)"),
    ("https://en.wikipedia.org/wiki/Almaty_(city).", "end", "https://en.wikipedia.org/wiki/Almaty_(city)"),
    ("https://example.org/a.html", "", "https://example.org/a.html"),
    ("https://example.org/", "", "https://example.org/"),
]


@pytest.mark.parametrize("value, kind, meant", SLIPS)
def test_a_probable_slip_in_a_web_link_is_named_with_the_link_meant(value, kind, meant):
    assert is_web_link(value)
    assert slip(value) == kind
    assert without_slip(value) == meant
    assert is_web_link(meant) and slip(meant) == ""


@pytest.mark.parametrize(
    "value, lost",
    [
        ("https://ru.wikipedia.org/wiki/??????", True),
        ("??", True),
        ("https://example.org/?q=1", False),
        ("https://example.org/a?b=?", False),
        ("", False),
    ],
)
def test_letters_a_save_made_question_marks_are_two_in_a_row(value, lost):
    """A save in a character set without a link's letters writes ? for each: an address holds one ?
    (before its query), never two in a row."""
    assert letters_lost(value) is lost
    assert not (lost and is_web_link(value))
