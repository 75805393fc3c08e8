"""Serve the timeline.

    python app.py [--events PATH] [--title TEXT] [--frame-ancestors SOURCES] [--hsts]
                  [--lang LANG] [--data-lang LANG] [--host HOST] [--port PORT] [--debug]
    TIMELINE_EVENTS=PATH TIMELINE_TITLE=TEXT gunicorn --config gunicorn.conf.py 'app:create_app()'   # production

Importing this module does nothing: no file is read. `create_app()` makes the app (a WSGI
application, as gunicorn's factory syntax wants it) from $TIMELINE_EVENTS (default events.csv),
$TIMELINE_TITLE, $TIMELINE_FRAME_ANCESTORS (default *: any site may embed the page),
$TIMELINE_HSTS (1: send Strict-Transport-Security), $TIMELINE_MAP_TILES and
$TIMELINE_MAP_ATTRIBUTION, $TIMELINE_LANG and $TIMELINE_DATA_LANG, read when it is called; `python app.py` makes one app, from its
arguments (whose defaults are those variables), so `--events other.csv` never reads events.csv.
Debug mode only with --debug.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path

from dash import Dash

from timeline import i18n
from timeline.app import create_app as make_app
from timeline.app.security import ANY_ANCESTOR, QuietRequestHandler


def environment() -> dict:
    """The settings the environment gives, with their defaults."""
    return dict(
        events=os.environ.get("TIMELINE_EVENTS", "events.csv"),
        title=os.environ.get("TIMELINE_TITLE", ""),
        frame_ancestors=os.environ.get("TIMELINE_FRAME_ANCESTORS", "").strip() or ANY_ANCESTOR,  # (empty: unset)
        hsts=os.environ.get("TIMELINE_HSTS", "") == "1",
        map_tiles=os.environ.get("TIMELINE_MAP_TILES", ""),
        map_attribution=os.environ.get("TIMELINE_MAP_ATTRIBUTION", ""),
        lang=os.environ.get("TIMELINE_LANG", ""),
        data_lang=os.environ.get("TIMELINE_DATA_LANG", ""),
    )


def create_app(**settings) -> Dash:
    """The app, from the environment; a keyword given here wins over its variable. For
    gunicorn: `gunicorn 'app:create_app()'` (each worker calls it, or the arbiter once with
    --preload)."""
    given = {**environment(), **settings}
    return make_app(given.pop("events"), given.pop("title"), **given)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the timeline dashboard.")
    defaults = environment()
    parser.add_argument("--events", default=defaults["events"], help="the events file (default: events.csv)")
    parser.add_argument(
        "--title", default=defaults["title"], help="the page's title (default: Timeline, in the reader's language)"
    )
    parser.add_argument(
        "--frame-ancestors",
        default=defaults["frame_ancestors"],
        help="the sites that may embed the page in a frame, as CSP frame-ancestors "
        "sources, e.g. \"'self' https://news.example\" (default: *, any)",
    )
    parser.add_argument(
        "--hsts",
        action="store_true",
        default=defaults["hsts"],
        help="send Strict-Transport-Security (only when the site is served over https)",
    )
    parser.add_argument(
        "--map-tiles",
        default=defaults["map_tiles"],
        help="a tile server for the map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
        "(default: none; the map draws the basemap that ships with the app)",
    )
    parser.add_argument(
        "--map-attribution",
        default=defaults["map_attribution"],
        help='the credit the tile server asks for, e.g. "© OpenStreetMap contributors"',
    )
    parser.add_argument(
        "--lang",
        default=defaults["lang"],
        help=f"the page's language: {', '.join(i18n.COMPLETE)} (default: each reader's browser's; an address's "
        "lang=fr wins)",
    )
    parser.add_argument(
        "--data-lang",
        default=defaults["data_lang"],
        help="the language the events are written in (e.g. ru): screen readers are told (default: not said)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode: never in production")
    args = parser.parse_args(argv)
    if not is_loopback(args.host):
        print(
            f"warning: binding to {args.host}, beyond this machine: anyone who can reach it "
            f"can read the timeline. Use 127.0.0.1 behind a proxy in production.",
            file=sys.stderr,
        )
    try:
        served = create_app(
            events=args.events,
            title=args.title,
            frame_ancestors=args.frame_ancestors,
            hsts=args.hsts,
            map_tiles=args.map_tiles,
            map_attribution=args.map_attribution,
            lang=args.lang,
            data_lang=args.data_lang,
        )
    except ValueError as error:
        parser.error(str(error))
    print(f"timeline: serving {args.events} at http://{args.host}:{args.port}", file=sys.stderr)
    if not Path(args.events).is_file():  # (served anyway: the page shows the file once it is there)
        print(f"warning: {args.events} is not a file (yet): the page has no event to show until it is", file=sys.stderr)
    served.run(host=args.host, port=args.port, debug=args.debug, request_handler=QuietRequestHandler)


if __name__ == "__main__":
    main()
