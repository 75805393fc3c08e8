"""What the Share control offers and where the embedded view's "full timeline" link leads: pure
functions of the page's address, tested without a browser (tests/test_embed.py).

- `permalink`: the address of the view as it is (the selected event, the filters, the zoom).
- `embed_code`: a ready <iframe> for an article, whose `src` is the same view with `embed=1`;
  every value is escaped for an HTML attribute, so a title or a search with quotes, `<` or `&`
  stays inside its attribute. It is shown as text (in a read-only text box), never as HTML.
  The embedded view's "Open the full timeline" link leads there too.

Each goes through `State` (timeline.state), so a value the address refused is never carried on.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit, urlunsplit

from ..state import State

FRAME_HEIGHT = 600  # pixels: the compact view shows the title, the chart and the side panel


def _address(href: str | None, state: State) -> str:
    """`href`'s scheme, host and path with `state` as its query ("" when `href` is not http(s))."""
    parts = urlsplit(href or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", state.to_search().lstrip("?"), ""))


def permalink(href: str | None, search: str | None) -> str:
    """The address to share: the page's, with the view `search` holds, never embedded (from the
    embedded view, the link that opens the full timeline)."""
    return _address(href, State.from_search(search).embedded(False))


def embed_address(href: str | None, search: str | None) -> str:
    """The embedded view's address: the same view with `embed=1`."""
    return _address(href, State.from_search(search).embedded(True))


def embed_code(href: str | None, search: str | None, title: str) -> str:
    """An <iframe> element, as text, that shows this view in another page."""
    source = embed_address(href, search)
    if not source:
        return ""
    attributes = {
        "src": source,
        "title": title,
        "width": "100%",
        "height": str(FRAME_HEIGHT),
        "style": "border: 0",
        "loading": "lazy",
    }
    written = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())
    return f"<iframe {written}></iframe>"
