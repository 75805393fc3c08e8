"""Compressed responses (issue 10, item 11): flask-compress, configured here.

The first page is mostly scripts (the plotly bundle, Dash's renderer and components: 2.8 MB as
read); compressed, it is a third of that. flask-compress chooses the encoding from the request's
Accept-Encoding (zstd, br, gzip or deflate, in that order of preference; none when the client
asks for none), sets `Vary: Accept-Encoding`, and keeps ETags apart per encoding.

- Dash's scripts (/_dash-component-suites/) and callback answers are compressed whole.
- Files from assets/ are sent by Flask as a stream (a file, not read into memory); flask-compress
  compresses a stream with zstd, br or deflate, not gzip (its own choice), which every browser
  of the last years accepts. The assets endpoint is named below so that a revalidation of a
  compressed asset (If-None-Match) can still be answered 304.
- Dash's own `compress=True` does the same but forces gzip for every response (dash 4.4's
  backends/_flask.py); this keeps flask-compress's defaults: zstd (level 3) is as small as gzip
  (level 6) and several times cheaper to make, and a gzip-only client still gets gzip.

Compressed answers hold no secret that reflected input could reveal by their size (BREACH): the
app sets no cookies and has no sessions or CSRF tokens; the page's `end_id` is Dash's random
token for one page load, which only scopes background callbacks (the app has none).
"""

from __future__ import annotations

from dash import Dash
from flask_compress import Compress


def compress(app: Dash) -> Compress:
    """Compresses every response of `app` that is worth it (text, JSON, scripts; over 500 bytes)."""
    server = app.server
    prefix = app.config.routes_pathname_prefix.replace("/", "_").replace(".", "_")
    # Dash's assets blueprint (dash/dash.py: f"{bp_prefix}dash_assets"), as Flask names its endpoint.
    server.config["COMPRESS_STREAMING_ENDPOINT_CONDITIONAL"] = ["static", f"{prefix}dash_assets.static"]
    return Compress(server)
