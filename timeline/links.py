"""What counts as a web link: the one rule for `source_url` and `media`.

A web link is an `http://` or `https://` address with a host and no whitespace in it
(the scheme in any case; the value is stripped first, as the loader strips every value), and no
user name or password before its host: `https://www.reuters.com@evil.example/` opens
evil.example, whatever a reader reads first, and `https://editor:secret@cms.example/` publishes
a password. Anything else (`javascript:`, `data:`, `ftp://`, `www.example.org`, `/story`, an
`<a href="...">` pasted from a page) is not offered as a link.
"""

from __future__ import annotations

import re

# The host (and port) runs to the first / ? or # (as a browser reads it); an @ before that ends
# a user name or password.
WEB_LINK = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
_WITH_USER = re.compile(r"https?://[^\s/?#]*@([^\s/?#@]*)", re.IGNORECASE)
_HREF = re.compile(r"""<\s*a\b[^>]*?\bhref\s*=\s*["']?\s*([^"'\s>]+)""", re.IGNORECASE)
# A host without a scheme: 'www.' and a name, or a name with a path ('netblocks.org/reports').
_BARE_HOST = re.compile(
    r"www\.[a-z0-9.-]+\.[a-z]{2,}(?:[/?#:]\S*)?|"
    r"(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*",
    re.IGNORECASE,
)


def is_web_link(text: str) -> bool:
    """True for an http(s) address with a host: 'https://example.org/a', 'HTTP://x.org'."""
    return bool(WEB_LINK.fullmatch(str(text).strip()))


def user_before_host(text: str) -> str | None:
    """For an http(s) address with a user name or password before its host, the host a browser
    would open ('evil.example' for 'https://www.reuters.com@evil.example/a'); else None."""
    found = _WITH_USER.match(str(text).strip())
    return found.group(1) if found else None


def likely_link(text: str) -> str:
    """The web link that a value which is not one probably meant, or "" when that cannot be
    told: the address of a pasted `<a href="https://...">`, or https: before an address
    written without it ('www.example.org', 'netblocks.org/reports', '//example.org/a')."""
    text = str(text).strip()
    found = _HREF.search(text)
    if found:
        return found.group(1) if is_web_link(found.group(1)) else ""
    if text.startswith("//"):
        return "https:" + text if is_web_link("https:" + text) else ""
    return "https://" + text if _BARE_HOST.fullmatch(text) else ""
