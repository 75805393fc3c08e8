"""The first page over the wire (issue 10, item 11): everything Chromium downloads to draw the
home page (the HTML, scripts, style sheets, the plotly bundle, Dash's layout and callback
responses), as sent (`encoded`: compressed when the server compresses) and as read
(`decoded`), with the biggest items.

Serves the app as in production (gunicorn, gunicorn.conf.py, one worker) on loopback, opens the
page in Debian's Chromium (Playwright, a fresh profile: nothing cached) and sums, from the
DevTools protocol, every response's `Network.loadingFinished.encodedDataLength` (the bytes on
the wire, headers included) and `Network.dataReceived.dataLength` (the body once decoded).

    .venv/bin/python benchmarks/first_load.py [--events events.csv] [--url http://127.0.0.1:8050/]
        [--query '?embed=1'] [--identity]

--identity asks for no compression (Accept-Encoding: identity), to see what compression saves.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

GOAL = 1_000_000  # bytes on the wire, compressed


def measure(url: str, identity: bool = False) -> list[dict]:
    """Every response of the page at `url` until it is drawn: url, type, encoding, bytes."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if identity:
            cdp.send("Network.setExtraHTTPHeaders", {"headers": {"Accept-Encoding": "identity"}})
        seen: dict[str, dict] = {}

        def response(event):
            r = event["response"]
            seen.setdefault(event["requestId"], {})
            seen[event["requestId"]].update(
                url=r["url"],
                type=event.get("type", ""),
                status=r["status"],
                encoding=_header(r.get("headers", {}), "content-encoding") or "-",
            )

        def received(event):
            entry = seen.setdefault(event["requestId"], {})
            entry["decoded"] = entry.get("decoded", 0) + event["dataLength"]

        def finished(event):
            seen.setdefault(event["requestId"], {})["encoded"] = event["encodedDataLength"]

        cdp.on("Network.responseReceived", response)
        cdp.on("Network.dataReceived", received)
        cdp.on("Network.loadingFinished", finished)
        page.goto(url, wait_until="load")
        # Drawn: the chart's markers and the side panel are there, and the network is quiet.
        page.wait_for_selector("#timeline .scatterlayer .point", timeout=60_000)
        page.wait_for_selector("#sources-panel :is(h2, h3)", timeout=60_000)
        page.wait_for_load_state("networkidle")
        time.sleep(1.0)
        browser.close()
    return [
        dict(entry, encoded=entry.get("encoded", 0), decoded=entry.get("decoded", 0))
        for entry in seen.values()
        if "url" in entry
    ]


def _header(headers: dict, name: str) -> str:
    return next((value for key, value in headers.items() if key.lower() == name), "")


def _short(url: str, base: str) -> str:
    text = url[len(base.rstrip("/")) :] if url.startswith(base.rstrip("/")) else url
    return text if len(text) <= 78 else text[:75] + "..."


def report(entries: list[dict], base: str) -> tuple[int, int]:
    encoded = sum(e["encoded"] for e in entries)
    decoded = sum(e["decoded"] for e in entries)
    print(
        f"{len(entries)} responses: {decoded:,} bytes uncompressed, {encoded:,} bytes over the wire "
        f"(goal: at most {GOAL:,}: {'met' if encoded <= GOAL else 'NOT met'})"
    )
    print(f"\n{'over the wire':>14} {'uncompressed':>13} {'encoding':>8}  response")
    for e in sorted(entries, key=lambda e: -e["encoded"])[:12]:
        print(f"{e['encoded']:>14,} {e['decoded']:>13,} {e['encoding']:>8}  {_short(e['url'], base)}")
    return decoded, encoded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", default=str(ROOT / "events.csv"))
    parser.add_argument("--url", help="an app already running, instead of starting gunicorn")
    parser.add_argument("--query", default="", help="added to the address, e.g. '?embed=1'")
    parser.add_argument("--identity", action="store_true", help="ask for no compression")
    args = parser.parse_args(argv)
    if args.url:
        report(measure(args.url + args.query, args.identity), args.url)
        return 0
    with serve(Path(args.events), gunicorn_workers=1) as base:
        print(f"gunicorn (gunicorn.conf.py, 1 worker) at {base}, Chromium {CHROMIUM}")
        report(measure(base + "/" + args.query, args.identity), base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
