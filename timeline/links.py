"""What counts as a web link: the one rule for `source_url` and `media`.

A web link is an `http://` or `https://` address with a host and no whitespace in it
(the scheme in any case; the value is stripped first, as the loader strips every value), and no
user name or password before its host: `https://www.reuters.com@evil.example/` opens
evil.example, whatever a reader reads first, and `https://editor:secret@cms.example/` publishes
a password. Anything else (`javascript:`, `data:`, `ftp://`, `www.example.org`, `/story`, an
`<a href="...">` pasted from a page) is not offered as a link. Nor is an address that cannot open
its page: one cut short with `…` (as a post or a chat shows a long link), one holding an
invisible character (a zero-width space, a direction mark, a byte order mark: the browser sends it,
%E2%80%8B, and the page is not found), or one with `??` where letters were (`/wiki/??????` for
`/wiki/Токаев`: a spreadsheet that saves in a character set without them, Latin-1 or
Windows-1252, writes `?` for each, and a browser reads the rest as a query).

What may be part of a working address but is probably a slip (`&amp;`, an HTML-escaped `&`; a
`.`, `,`, `;` or `)` of the sentence the link was copied from) is a web link: `slip` names it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# The host (and port) runs to the first / ? or # (as a browser reads it); an @ before that ends
# a user name or password.
WEB_LINK = re.compile(r"https?://(?!:)[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)  # (a host, not :)
_WITH_USER = re.compile(r"https?://[^\s/?#]*@([^\s/?#@]*)", re.IGNORECASE)
# Characters that a browser sends but no one sees: zero-width space, non-joiner and joiner, the
# direction marks, embeddings, overrides and isolates, the word joiner and invisible operators,
# the soft hyphen and the byte order mark (a zero-width no-break space).
# (Not the zero-width non-joiner and joiner, U+200C and U+200D: letters of Persian, Hindi and
# other scripts hold them, and so do their pages' addresses.)
INVISIBLE = "\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
CUT = "\u2026"  # … : what a post, a chat or a spreadsheet's preview puts for the rest of a long link
_BROKEN = re.compile(f"[{CUT}{INVISIBLE}]")
# What a save in a character set without the link's letters leaves of them: a ? for each. An
# address holds one ? (before its query), never two in a row.
LOST = "??"
_HREF = re.compile(r"""<\s*a\b[^>]*?\bhref\s*=\s*["']?\s*([^"'\s>]+)""", re.IGNORECASE)
# A host without a scheme: 'www.' and a name, or a name with a path ('netblocks.org/reports').
_BARE_HOST = re.compile(
    r"www\.[a-z0-9.-]+\.[a-z]{2,}(?:[/?#:]\S*)?|"
    r"(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*",
    re.IGNORECASE,
)


# A second link run into the first, after a comma, a semicolon, a bar or a letter or digit
# (https://a.org/x,https://b.org/y; cells joined by a spreadsheet). Not after / = ? or another
# part of an address, where a link holds a link: the Wayback Machine's .../2022/https://...,
# a redirect's ?u=https://....
_ENCODED = r"(?<!%[0-9A-Fa-f]{2})"  # (not after a percent-encoded character: %20https:// is a query's)
_JOINED = re.compile(rf"(?<=[,;|\w]){_ENCODED}https?://", re.IGNORECASE)
JOINED_LOOSELY = r"(?i)[,;|\w]https?://"  # (what Arrow's engine, without look-behind, finds first)


def is_web_link(text: str) -> bool:
    """True for an http(s) address with a host: 'https://example.org/a', 'HTTP://x.org'; not
    one cut short with …, holding an invisible character (INVISIBLE) or letters lost to ?? (LOST),
    nor two run together (_JOINED)."""
    text = str(text).strip()
    return (
        bool(WEB_LINK.fullmatch(text))
        and not _BROKEN.search(text)
        and LOST not in text
        and not _JOINED.search(text)
        and not look_alike_host(text)
    )


def look_alike_host(text: str) -> str:
    """The host of a link, if a letter of it looks like a letter of another script and is not
    (https://еxample.org, a Cyrillic е: another site than example.org, as a phishing address
    is); else "". A host wholly in one script (пример.рф) is none."""
    text = str(text).strip()
    if text.isascii():
        return ""
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:  # (https://[unclosed: no host to look at)
        return ""
    from .schema import look_alikes  # (schema imports this module: its letters' tables, when needed)

    return host if look_alikes(host.replace(".", " ")) else ""


def letters_lost(text: str) -> bool:
    """Whether a value holds ?? (LOST), as a link whose letters a save could not keep does."""
    return LOST in str(text)


def invisible(text: str) -> list[str]:
    """The invisible characters (INVISIBLE) a value holds, each once, in the order they come."""
    return list(dict.fromkeys(_INVISIBLE.findall(str(text))))


def without_invisible(text: str) -> str:
    return _INVISIBLE.sub("", str(text)).strip()


def cut_short(text: str) -> bool:
    """Whether a value holds … (CUT), as a link shortened for show does."""
    return CUT in str(text)


# A web link's probable slips: an HTML-escaped & (as a page's source or an HTML export writes it;
# in lower or upper case),
# and the sentence's punctuation after the address, or the quote or bracket closing it (a `)` or
# `]` only without a `(` or `[` before it, as in Wikipedia's /wiki/Almaty_(city)).
AMP = "&amp;"
TRAILING = ".,;)]'\"\u201d\u2019\u00bb"
_OPENS = {")": "(", "]": "["}


def slip(link: str) -> str:
    """For a web link, "amp" if it holds &amp;, "end" if it ends with a sentence's punctuation
    (TRAILING), else ""."""
    link = str(link).strip()
    if AMP in link or AMP.upper() in link:
        return "amp"
    if link[-1:] in TRAILING and _OPENS.get(link[-1], "\0") not in link:
        return "end"
    return ""


def without_slip(link: str) -> str:
    """The link as it was probably meant (see `slip`): & for &amp;, the punctuation at its end dropped."""
    link = str(link).strip()
    if slip(link) == "amp":
        return link.replace(AMP, "&").replace(AMP.upper(), "&")
    end = len(link)  # (a ")" closing a "(" is the link's: Almaty_(city))
    while end and link[end - 1] in TRAILING and _OPENS.get(link[end - 1], "\0") not in link:
        end -= 1
    return link[:end]


def user_before_host(text: str) -> str | None:
    """For an http(s) address with a user name or password before its host, the host a browser
    would open ('evil.example' for 'https://www.reuters.com@evil.example/a'); else None."""
    found = _WITH_USER.match(str(text).strip())
    return found.group(1) if found else None


_SCHEME_SLIP = re.compile(r"(https?)([:;/\\]{1,4})(?![:;/\\])(.+)", re.IGNORECASE)


def scheme_slip(text: str) -> tuple[str, str]:
    """(what stands where :// is meant, the link meant) of an address with a slip there
    ('https//example.org', 'http:/example.org', 'https:\\\\example.org', 'https;//example.org'), or
    ("", "")."""
    found = _SCHEME_SLIP.fullmatch(str(text).strip())
    if not found:
        return "", ""
    scheme, written, rest = found.groups()
    if written == "://":
        return "", ""
    meant = f"{scheme}://{rest}"
    return (written, meant) if is_web_link(meant) else ("", "")


def in_angle_brackets(text: str) -> str:
    """The link inside <...>, as e-mail and Markdown write one, or ""."""
    text = str(text).strip()
    inner = text[1:-1].strip() if text.startswith("<") and text.endswith(">") else ""
    return without_slip(inner) if inner and is_web_link(inner) else ""


# A spreadsheet's link formula saved as its text: =HYPERLINK("https://...", "label"), in the
# languages of the editors' spreadsheets (LibreOffice's and Excel's French, Russian's, Kazakh's).
_FORMULA = re.compile(
    r"=\s*(?:hyperlink|lien_hypertexte|lien\.hypertexte|гиперссылка|гиперсілтеме)\s*"
    r"\(\s*\"([^\"]+)\"\s*(?:[,;]\s*\"[^\"]*\"\s*)?\)",  # (its link, then its label if any: nothing else)
    re.IGNORECASE,
)
# A file's name and its link in brackets, as Airtable exports an attachment: photo.jpg (https://...)
# (a name, not a link: no :// in it)
_ATTACHMENT = re.compile(r"(?:(?!://)[^()])*\S\s*\((https?://[^()\s]+)\)")


def in_formula(text: str) -> str:
    """The link of a HYPERLINK formula saved as its text (any slip mended: links.slip), or ""."""
    found = _FORMULA.fullmatch(str(text).strip())
    link = without_slip(found.group(1).strip()) if found else ""
    return link if link and is_web_link(link) else ""


def attachment(text: str) -> str:
    """The link of an attachment as Airtable exports one ('photo.jpg (https://...)', any slip
    mended), or ""."""
    found = _ATTACHMENT.fullmatch(str(text).strip())
    link = without_slip(found.group(1)) if found else ""
    return link if link and is_web_link(link) else ""


def several(text: str) -> int:
    """How many web links a value holds side by side (separated by spaces, commas, semicolons or
    bars, or by nothing: _JOINED), if more than one and nothing else; else 0."""
    parts = [
        part
        for part in re.split(rf"[\s,;|]+|(?<=\w){_ENCODED}(?=https?://)", str(text).strip(), flags=re.IGNORECASE)
        if part
    ]
    return len(parts) if len(parts) > 1 and all(is_web_link(part) for part in parts) else 0


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
