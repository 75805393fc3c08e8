"""The Dash app: layout with stable ids, callbacks that call timeline.view, safe headers."""

from __future__ import annotations

import html
import os
from pathlib import Path

from dash import Dash
from flask import request

from .. import i18n
from ..state import State
from ..view import figure as chart
from . import callbacks, compression, data, guard, map, opening, preload, security, share, version
from .layout import INDEX_STRING, layout

ROOT = Path(__file__).resolve().parents[2]


def page(title: str, now: data.Current):
    return layout(title, now.version, chart.placeholder(now.index))


def speaking_page(title: str, now: data.Current, lang: str | None = None):
    """The page in `lang`; by default the browser's (Dash asks for the layout without the
    page's address: a page whose address asks for another language carries its layout with it,
    timeline/app/opening.py)."""
    with i18n.using(lang or i18n.for_request()):
        return page(title, now)


class TimelineDash(Dash):
    """Dash, with the page marked as the compact view for embedding when its address says
    `embed=1` (read by timeline.state, with its bounds): the page's root then carries the class
    `embedded`, and the style sheet leaves out the filters, the list and the footer. Decided when
    the page is served, so the full page is never drawn first (Dash asks for the layout without
    the address); every link and step inside keeps `embed=1` (State.to_search)."""

    page_title = ""  # the site's title (create_app's `title`), or "": "Timeline" in the reader's language

    def interpolate_index(self, **parts):  # type: ignore[override]  # (Dash passes the parts by name)
        state = State.from_search(request.query_string.decode("utf-8", "replace"))
        if state.embed:
            parts["app_entry"] = f'<div class="embedded">{parts.get("app_entry", "")}</div>'
        # The page's language (the address's, the setting's or the browser's) and its direction.
        lang = i18n.for_request(state.lang)
        with i18n.using(lang):  # (Dash writes <title> as it is given: escaped here, shown as text)
            parts["title"] = html.escape(i18n.title(self.page_title))
        page_html = super().interpolate_index(**parts)
        if lang != i18n.ENGLISH:
            page_html = page_html.replace('<html lang="en">', f'<html lang="{lang}" dir="{i18n.direction(lang)}">', 1)
        return page_html


def create_app(
    events: str | os.PathLike = "events.csv",
    title: str = "",
    assets_folder: str | os.PathLike = ROOT / "assets",
    frame_ancestors: str = security.ANY_ANCESTOR,
    hsts: bool = False,
    map_tiles: str = "",
    map_attribution: str = "",
    lang: str = "",
    data_lang: str = "",
) -> Dash:
    """The app for `events`; `frame_ancestors` says which sites may frame the page (CSP);
    `map_tiles` an http(s) tile address ({z}/{x}/{y}) for the map, with its attribution (by
    default the map draws the basemap that ships with the app); `lang` the site's language
    (timeline.i18n: a reader's address may ask for another; default: the browser's);
    `data_lang` the language the events are written in (a `lang` attribute on their text)."""
    path = str(events)
    i18n.configure(lang, data_lang)
    app = TimelineDash(
        __name__,
        title=html.escape(i18n.title(title)),  # (each page's <title> is in its reader's language)
        update_title="",
        assets_folder=str(assets_folder),
        serve_locally=True,
        index_string=INDEX_STRING,
        assets_ignore=preload.DEFERRED_ASSETS,
    )  # loaded by assets/map.js when needed
    app.page_title = title  # (the site's, or "" for "Timeline" in each reader's language)
    app.layout = lambda: speaking_page(title, data.current(path))  # made for each page load
    callbacks.register(app, path, title)
    share.register(app, title)  # the Share control, and the embedded view's link out
    map.register(app, path, map.tiles(map_tiles, map_attribution))
    opening.install(app, path, title)  # the page carries its opening figure: no callback before the chart
    version.install(app, path)  # GET /_timeline/version: what open pages poll (cacheable, 304)
    preload.install(app)  # what Dash asks for after its scripts, asked for with them
    guard.install(app)  # bad requests get 4xx: body size, callback bodies, unknown paths
    security.secure(app, frame_ancestors, hsts)  # after the callbacks: Dash's inline renderer script by its hash
    compression.compress(app)  # zstd, br or gzip, as the browser accepts

    app.server.after_request(_vary_by_language)
    data.current(path)  # read the file once at start, so the first page is quick
    _set_up_now(app)
    return app


def _vary_by_language(response):
    """The page, its layout and the callbacks' answers depend on the browser's Accept-Language
    (timeline.i18n): a cache keeps one per language."""
    if request.path == "/" or request.path.startswith(("/_dash-layout", "/_dash-update-component")):
        response.vary.add("Accept-Language")
    return response


def _set_up_now(app: Dash) -> None:
    """Do now what Dash does on a worker's first request: list the scripts it may serve.

    Dash marks itself set up *before* it lists them; in a threaded worker (gunicorn's gthread),
    a script requested while the first request is still listing them was answered 404, and the
    page never drew. Done at start, before any request, there is no first request to race."""
    with app.server.test_request_context("/"):
        app._setup_server()  # Dash's own first-request hook (dash 4.4, pinned); later calls return at once
