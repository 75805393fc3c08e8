"""Serve the timeline.

    python app.py [--events PATH] [--title TEXT] [--frame-ancestors SOURCES] [--hsts]
                  [--host HOST] [--port PORT] [--debug]
    TIMELINE_EVENTS=PATH TIMELINE_TITLE=TEXT gunicorn app:server          # production

`app` and `server` are made at import, for gunicorn, from $TIMELINE_EVENTS
(default events.csv), $TIMELINE_TITLE, $TIMELINE_FRAME_ANCESTORS (default *: any site may embed
the page) and $TIMELINE_HSTS (1: send Strict-Transport-Security). Debug mode only with --debug.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from timeline.app import create_app
from timeline.app.security import ANY_ANCESTOR, QuietRequestHandler

EVENTS = os.environ.get("TIMELINE_EVENTS", "events.csv")
TITLE = os.environ.get("TIMELINE_TITLE", "Timeline")
FRAME_ANCESTORS = os.environ.get("TIMELINE_FRAME_ANCESTORS", ANY_ANCESTOR)
HSTS = os.environ.get("TIMELINE_HSTS", "") == "1"
MAP_TILES = os.environ.get("TIMELINE_MAP_TILES", "")
MAP_ATTRIBUTION = os.environ.get("TIMELINE_MAP_ATTRIBUTION", "")
app = create_app(EVENTS, TITLE, frame_ancestors=FRAME_ANCESTORS, hsts=HSTS,
                 map_tiles=MAP_TILES, map_attribution=MAP_ATTRIBUTION)
server = app.server


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the timeline dashboard.")
    parser.add_argument("--events", default=EVENTS, help="the events file (default: events.csv)")
    parser.add_argument("--title", default=TITLE, help="the page's title (default: Timeline)")
    parser.add_argument("--frame-ancestors", default=FRAME_ANCESTORS,
                        help="the sites that may embed the page in a frame, as CSP frame-ancestors "
                             "sources, e.g. \"'self' https://news.example\" (default: *, any)")
    parser.add_argument("--hsts", action="store_true", default=HSTS,
                        help="send Strict-Transport-Security (only when the site is served over https)")
    parser.add_argument("--map-tiles", default=MAP_TILES,
                        help="a tile server for the map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
                             "(default: none; the map draws the basemap that ships with the app)")
    parser.add_argument("--map-attribution", default=MAP_ATTRIBUTION,
                        help="the credit the tile server asks for, e.g. \"© OpenStreetMap contributors\"")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode: never in production")
    args = parser.parse_args(argv)
    if not is_loopback(args.host):
        print(f"warning: binding to {args.host}, beyond this machine: anyone who can reach it "
              f"can read the timeline. Use 127.0.0.1 behind a proxy in production.", file=sys.stderr)
    settings = (args.events, args.title, args.frame_ancestors, args.hsts, args.map_tiles, args.map_attribution)
    try:
        served = app if settings == (EVENTS, TITLE, FRAME_ANCESTORS, HSTS, MAP_TILES, MAP_ATTRIBUTION) else create_app(
            args.events, args.title, frame_ancestors=args.frame_ancestors, hsts=args.hsts,
            map_tiles=args.map_tiles, map_attribution=args.map_attribution)
    except ValueError as error:
        parser.error(str(error))
    print(f"timeline: serving {args.events} at http://{args.host}:{args.port}", file=sys.stderr)
    served.run(host=args.host, port=args.port, debug=args.debug, request_handler=QuietRequestHandler)


if __name__ == "__main__":
    main()
