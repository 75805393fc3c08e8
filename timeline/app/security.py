"""The headers a security review expects: a Content-Security-Policy, caching, no server banner.

The policy is given to flask-talisman as a dict (not written by hand as one string); Dash's own
inline scripts (its renderer, and any clientside callback given as a string) are allowed by their
hashes, as Dash documents (`Dash.csp_hashes`), so no other inline script can run. Our clientside
callbacks are functions in assets/ (ClientsideFunction): 'self'.
"""

from __future__ import annotations

from dash import Dash
from flask import request
from flask_talisman import Talisman
from werkzeug.serving import WSGIRequestHandler

# Embedding: by default any site may frame the page (articles embed the timeline).
ANY_ANCESTOR = "*"
YEAR = 365 * 24 * 3600
# What `python app.py` (Werkzeug's dev server) says in its Server header, instead of
# 'Werkzeug/x.y Python/x.y'. gunicorn says 'gunicorn', with no version.
SERVER_NAME = "timeline"


def content_security_policy(app: Dash, frame_ancestors: str = ANY_ANCESTOR) -> dict[str, str | list[str]]:
    """The policy for `app`; call after every clientside callback is registered. ValueError for
    frame ancestors that are not CSP sources (a semicolon or a comma would begin another
    directive of the policy: a setting's typo, or more)."""
    sources = frame_ancestors.split()
    if not sources or any(";" in source or "," in source for source in sources):
        raise ValueError(
            f"frame ancestors {frame_ancestors!r} are not CSP sources: write them separated by spaces, with no "
            "';' or ',', e.g. \"'self' https://news.example\""
        )
    return {
        "default-src": "'self'",
        # Our scripts, Dash's and the vendored plotly.js come from /assets and
        # /_dash-component-suites; Dash's inline scripts by hash; nothing else.
        "script-src": ["'self'", *app.csp_hashes()],
        # Dash's components, its renderer and plotly.js add <style> elements as they load (25 on
        # the first page: 21 from dash_core_components, 2 from the renderer, 1 from plotly.js,
        # 1 from the dropdown); refused, the chart's svg covers the list and the page cannot be
        # used (tests/browser/test_csp.py was run with 'self' only to see it). Styles cannot run
        # script, and every style sheet of our own still comes from the app.
        "style-src": ["'self'", "'unsafe-inline'"],
        # data: for plotly's own icons, blob: for its PNG export (the chart drawn as an SVG blob,
        # then onto a canvas: without it the camera button saves nothing); https: and http: because an account's
        # picture is shown from wherever the editor linked it (the `media` column takes http and
        # https links, README). A picture cannot run script; on a page served over https the
        # browser asks for an http picture over https anyway.
        "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": sources,
    }


def frame_options(frame_ancestors: str) -> str | None:
    """X-Frame-Options for browsers that do not know frame-ancestors, where it can say the same."""
    return {"'none'": "DENY", "'self'": "SAMEORIGIN"}.get(frame_ancestors.strip())


def cache_control(response):
    """HTML is checked again on every load; fingerprinted files are kept for a year: assets/
    files (Dash adds `?m=` and the file's time to their address) and Dash's own scripts (to
    which Dash gives a year when their address has its fingerprint, `.v4_4_1m1795938092.js`)."""
    fingerprinted = (
        request.path.startswith("/assets/")
        and "m" in request.args
        or request.path.startswith("/_dash-component-suites/")
        and response.cache_control.max_age == YEAR
    )
    if fingerprinted and response.status_code == 200:
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    elif response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-cache"
    return response


class QuietRequestHandler(WSGIRequestHandler):
    """Werkzeug's dev-server handler without its 'Werkzeug/x.y Python/x.y' Server header."""

    def version_string(self) -> str:
        return SERVER_NAME


def secure(app: Dash, frame_ancestors: str = ANY_ANCESTOR, hsts: bool = False) -> Talisman:
    """Adds the headers to every response of `app`; call after its callbacks are registered."""
    talisman = Talisman(
        app.server,
        content_security_policy=content_security_policy(app, frame_ancestors),
        frame_options=frame_options(frame_ancestors),
        # The app listens on 127.0.0.1 behind a proxy that ends TLS: the proxy redirects to
        # https, and says HSTS when the site is served only over https (hsts=True).
        force_https=False,
        strict_transport_security=hsts,  # sent only over https (X-Forwarded-Proto: https)
        strict_transport_security_include_subdomains=False,  # this host, not its neighbours
        referrer_policy="no-referrer",
        session_cookie_secure=False,  # the app sets no cookies
    )
    app.server.after_request(cache_control)
    return talisman
