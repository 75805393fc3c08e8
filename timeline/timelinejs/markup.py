"""The HTML of a TimelineJS sheet's cells as plain text (paragraphs and line breaks kept,
tags gone, a link's address kept after its words), the http(s) addresses it links to or
embeds, and the addresses it cannot keep (a relative `/news/x`, a `javascript:`), to be said.
Pure: nothing here reads or writes a file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..links import is_web_link

_TAG = re.compile(r"<\s*[a-zA-Z!/][^>]*>")
# HTML's elements (and the old ones a sheet's HTML still holds: font, center...). Anything else in
# angle brackets is text the editor wrote (Email <desk@example.org>, Tags: <Almaty>, x<y and y>z):
# kept as written, not dropped as a tag would be.
HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption "
    "center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset "
    "figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe "
    "img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noframes noscript "
    "object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section "
    "select slot small source span strike strong style sub summary sup table tbody td template textarea tfoot "
    "th thead time title tr track tt u ul var video wbr".split()
)


# HTML's attributes written without a value (<video controls>, <a href=... download>). A tag of
# an element's name whose attributes are all bare words, one of them no attribute (<a few
# hundred>, p<q and r>s), is words in angle brackets, kept as written: as a tag, they were
# dropped. A tag with any attribute given a value (<iframe src=... mozallowfullscreen>) is a tag,
# and so is one of an element whose content is hidden (<script async foo>).
_BARE_ATTRIBUTES = frozenset(
    "allowfullscreen async autofocus autoplay checked compact contenteditable controls crossorigin default defer "
    "disabled download draggable formnovalidate hidden inert ismap itemscope loop mozallowfullscreen multiple "
    "muted nohref nomodule noresize noshade novalidate nowrap open playsinline readonly required reversed "
    "selected spellcheck webkitallowfullscreen".split()
)


def _loose_words(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a tag is words in angle brackets: its attributes all bare words, one of them no
    attribute (a, few, hundred), and its element's content not hidden (a script's)."""
    return (
        tag not in _PlainText.HIDDEN
        and bool(attrs)
        and all(value is None for _, value in attrs)
        and any(name not in _BARE_ATTRIBUTES and not name.startswith("data-") for name, _ in attrs)
    )


class _PlainText(HTMLParser):
    BLOCKS = {
        "p",
        "div",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "hr",
    }
    HIDDEN = {"script", "style", "template", "head", "title"}

    def __init__(self, addresses: bool = True, embeds: bool = True):
        super().__init__(convert_charrefs=True)
        self.addresses = addresses  # keep a link's address after its words
        self.embeds = embeds  # keep a picture's or a video's alt text and address (EMBEDDED)
        self.parts: list[str] = []
        self.hidden = 0
        self.quotes = 0  # blockquotes open
        self.links: list[tuple[int, str]] = []  # (where the link text starts, href)
        self.unkept: list[tuple[str, str]] = []  # (words, href) of links whose address is dropped
        self.end_at = 0

    def handle_starttag(self, tag, attrs):
        # (<desk@example.org>, <Almaty>, <a few hundred>: the editor's words)
        if tag not in HTML_ELEMENTS or _loose_words(tag, attrs):
            if not self.hidden:
                self.parts.append(self.get_starttag_text() or "")
            return
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n\u2022 ")
        elif tag == "cite" and self.quotes:
            self.parts.append("\n")  # who is quoted, under the quote
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        if tag == "blockquote":
            self.quotes += 1
        if tag == "a":
            self.links.append((len(self.parts), dict(attrs).get("href") or ""))
        elif tag in self.EMBEDDED and self.embeds and not self.hidden:
            self._embedded(tag, dict(attrs))

    # A picture or a video in the text (TimelineJS shows them there): its alt text, and its
    # address as a link's is kept, not dropped without a word.
    EMBEDDED = {"img", "iframe", "video", "audio", "embed"}

    def _embedded(self, tag: str, attrs: dict) -> None:
        source = absolute(attrs.get("src") or "")
        alt = " ".join((attrs.get("alt") or "").split()) if tag == "img" else ""
        shown = " ".join(part for part in (alt, f"({source})" if source and self.addresses else "") if part)
        if shown:
            self.parts.append(f" {shown} ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a" and not _loose_words(tag, attrs):
            self.handle_endtag(tag)

    def parse_endtag(self, i):
        self.end_at = i  # (where an end tag begins: the one of no element is kept as written)
        return super().parse_endtag(i)

    def handle_endtag(self, tag):
        if tag not in HTML_ELEMENTS:  # (</Almaty>: as written, as its start is)
            if not self.hidden:
                end = self.rawdata.find(">", self.end_at)
                self.parts.append(self.rawdata[self.end_at : end + 1] if end >= 0 else f"</{tag}>")
            return
        if tag == "blockquote":
            self.quotes = max(self.quotes - 1, 0)
        if tag in self.HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            start, written = self.links.pop()
            href = absolute(written) or _mail_address(written)
            words = " ".join("".join(self.parts[start:]).split())
            if written.strip() and not href:
                self.unkept.append((words, written.strip()))
            if self.addresses and href and href not in words:
                self.parts.append(f" ({href})" if words else href)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str, addresses: bool = True, embeds: bool = True) -> str:
    """HTML reduced to plain text: paragraphs and line breaks kept, tags gone,
    entities decoded, a link's address kept after its words (unless not `addresses`), and a
    picture's or a video's (unless not `embeds`: a Media cell's embed code, whose address is
    the media itself)."""
    parser = _PlainText(addresses, embeds)
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def unkept_links(markup: str) -> list[tuple[str, str]]:
    """(words, address) of each link whose address cannot be kept: not http(s) (a relative
    `/news/x`, `page.html` or `#part`, which mean something only on the page that held them; a
    `javascript:`, an `ftp://`), nor `//host/path` (read as https) nor a `mailto:` (its address
    kept as text). Only the words of such a link are imported, so it is said."""
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    return parser.unkept


def inline(markup: str) -> str:
    """HTML reduced to one line of plain text, without link addresses (for a headline,
    a source, a group)."""
    return " ".join(html_to_text(markup, addresses=False).split())


def one_line(markup: str) -> str:
    """HTML reduced to one line of plain text, link addresses kept (for a caption, a credit)."""
    return " ".join(html_to_text(markup).split())


def _mail_address(href: str) -> str:
    """The address of a `mailto:` link (kept as text after the link's words, as a web link's is),
    else ""."""
    found = re.fullmatch(r"\s*mailto:([^?\s]+@[^?\s]+)(?:\?.*)?", href, re.IGNORECASE)
    return found.group(1) if found else ""


def absolute(address: str) -> str:
    """An http(s) address as a link: a protocol-relative `//host/path` (which TimelineJS
    accepts) becomes `https://host/path`; anything else that is not http(s) gives ""."""
    address = address.strip()
    if address.startswith("//"):
        address = "https:" + address
    return address if is_web_link(address) else ""


def is_markup(cell: str) -> bool:
    """The cell holds HTML (an embed code such as a tweet's blockquote, or an iframe)."""
    return bool(_TAG.search(cell))


class _EmbedLink(HTMLParser):
    """The addresses an embed code names: a blockquote's permalink (Instagram) or cite, the
    src of an iframe, video or image, and its links' hrefs. Scripts are not looked at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.named: list[str] = []  # permalinks and cites: the embed says what it is
        self.sources: list[str] = []  # iframe, video, audio, source, img
        self.links: list[str] = []  # a href, in order

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "blockquote":
            self.named += [attrs.get("data-instgrm-permalink") or "", attrs.get("cite") or ""]
        elif tag in ("iframe", "video", "audio", "source", "img", "embed"):
            self.sources.append(attrs.get("src") or "")
        elif tag == "a":
            self.links.append(attrs.get("href") or "")


def links_in(markup: str) -> list[str]:
    """The http(s) addresses of a cell's links (<a href>), in order."""
    parser = _EmbedLink()
    parser.feed(markup)
    parser.close()
    return [absolute(href) for href in parser.links if absolute(href)]


def embed_link(markup: str) -> str:
    """The http(s) address an embed code shows: its permalink, else what its iframe (or video,
    or image) loads, else its last link (a tweet's blockquote ends with the tweet's own)."""
    parser = _EmbedLink()
    parser.feed(markup)
    parser.close()
    for address in parser.named + parser.sources + parser.links[::-1]:
        if absolute(address):
            return absolute(address)
    return ""
