"""The Share control and the embedded view's link to the full timeline: callbacks that fill them
from the address (timeline.view.share makes the text), and copy a text to the clipboard in the
browser (assets/share.js)."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output
from dash import State as Given

from .. import i18n
from ..view import share
from . import wiring
from .wiring import InBrowser, wired


def register(app, title: str) -> None:
    wiring.register(app, CALLBACKS, title=title)


@wired(
    output=dict(
        full_view=Output("full-view", "href"), link=Output("share-link", "value"), embed=Output("share-embed", "value")
    ),
    inputs=dict(search=Input("url", "search")),
    state=dict(href=Given("url", "href")),
)
def addresses(search, href, *, title):
    """The full view's address, the permalink and the <iframe> code, for the address."""
    link = share.permalink(href, search)
    return dict(full_view=link or "/", link=link, embed=share.embed_code(href, search, i18n.title(title)))


# The Copy buttons: the box's text to the clipboard.
COPY = InBrowser(
    ClientsideFunction("timeline_share", "copy"),
    dict(
        output=Output("share-copied", "children"),
        inputs=[Input("copy-share-link", "n_clicks"), Input("copy-share-embed", "n_clicks")],
        prevent_initial_call=True,
    ),
)

CALLBACKS = (addresses, COPY)
