"""The Share control and the embedded view's link to the full timeline: callbacks that fill them
from the address (timeline.view.share makes the text), and copy a text to the clipboard in the
browser (assets/share.js)."""
from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State as Given

from ..view import share


def register(app, title: str) -> None:
    @app.callback(
        Output("full-view", "href"), Output("share-link", "value"), Output("share-embed", "value"),
        Input("url", "search"), Given("url", "href"),
    )
    def addresses(search, href):
        link = share.permalink(href, search)
        return link or "/", link, share.embed_code(href, search, title)

    app.clientside_callback(
        ClientsideFunction("timeline_share", "copy"),
        Output("share-copied", "children"),
        Input("copy-share-link", "n_clicks"), Input("copy-share-embed", "n_clicks"),
        prevent_initial_call=True,
    )
