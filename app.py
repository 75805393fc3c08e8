"""Serve the timeline.

    python app.py [--events PATH] [--title TEXT] [--host HOST] [--port PORT] [--debug]
    TIMELINE_EVENTS=PATH TIMELINE_TITLE=TEXT gunicorn app:server          # production

`app` and `server` are made at import, for gunicorn, from $TIMELINE_EVENTS
(default events.csv) and $TIMELINE_TITLE. Debug mode only with --debug.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from timeline.app import create_app

EVENTS = os.environ.get("TIMELINE_EVENTS", "events.csv")
TITLE = os.environ.get("TIMELINE_TITLE", "Timeline")
app = create_app(EVENTS, TITLE)
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
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode: never in production")
    args = parser.parse_args(argv)
    if not is_loopback(args.host):
        print(f"warning: binding to {args.host}, beyond this machine: anyone who can reach it "
              f"can read the timeline. Use 127.0.0.1 behind a proxy in production.", file=sys.stderr)
    served = app if (args.events, args.title) == (EVENTS, TITLE) else create_app(args.events, args.title)
    print(f"timeline: serving {args.events} at http://{args.host}:{args.port}", file=sys.stderr)
    served.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
