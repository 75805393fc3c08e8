"""The events file's version, as open pages poll it: `GET /_timeline/version`.

Each open page asks every POLL_MS (timeline/app/layout.py) whether the file changed
(assets/callbacks.js, `poll`). The answer is a tiny JSON document, `{"version": "..."}`, the
same string the page holds in its `data-version` store, with:

- a strong `ETag` (the version itself): a browser or proxy that has the answer asks again with
  `If-None-Match` and is answered `304 Not Modified`, with no body;
- `Cache-Control: public, max-age=<the poll interval>`: a reverse proxy or CDN in front answers
  every page from one request per interval, so a widely read page costs the app about one
  request per proxy every two seconds, whatever the number of readers.

A plain GET, unlike a Dash callback (a POST, which no cache may answer). It only reads: the
version of the file as the worker serves it (`data.current`), a kept-back version too (its
`-kept-back` version differs, so the page learns of it and shows the notice); or, from a worker
still building the file's newest version, 304 to a page that holds it already (another worker
told it first: `data.version_for`), so that the page is never told an older one again. Too small to be
worth compressing (timeline/app/compression.py leaves bodies under 500 bytes as they are), so
one ETag serves every encoding.

Thousands of open pages make this the app's busiest address, so it is answered in front of
Flask (`Shortcut`, a WSGI middleware): Flask's request, its hooks and the security headers
cost ~0.3 ms a request, more than the HTTP server itself. The route is still a Flask view
(`answer`), which answers the first request; the shortcut copies that answer's headers (the
Content-Security-Policy and the others that timeline/app/security.py sets, Vary,
Cache-Control) and then makes the same answer itself.
"""

from __future__ import annotations

import json
import threading

from dash import Dash
from flask import Response, request

from . import data
from .layout import POLL_MS

PATH = "_timeline/version"  # under Dash's routes prefix; assets/callbacks.js asks for it
MAX_AGE = POLL_MS // 1000  # seconds: a cached answer is at most one poll old
# Headers of an answer that are not the same for every answer (HSTS: only over https).
OWN = {"date", "etag", "content-length", "strict-transport-security", "server"}


def body(version: str) -> bytes:
    return json.dumps({"version": version}).encode()


def answer(version: str) -> Response:
    """The version document for `version`, for the request being served: 304 when its
    If-None-Match already names it."""
    response = Response(body(version), mimetype="application/json")
    response.set_etag(version)
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.make_conditional(request)  # (in place)
    return response


class Shortcut:
    """WSGI middleware: GET and HEAD of the version's address answered without Flask, with
    the headers Flask's own answer had; everything else goes on to Flask (`inner`)."""

    def __init__(self, inner, route: str, path: str):
        self.inner, self.route, self.path = inner, route, path
        self.headers: list[tuple[str, str]] | None = None  # learnt from Flask's first answer
        self._learning = threading.Lock()

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if environ.get("PATH_INFO") != self.route or method not in ("GET", "HEAD"):
            return self.inner(environ, start_response)
        if self.headers is None and not self._learn(environ):
            return self.inner(environ, start_response)
        assert self.headers is not None  # (learnt by now)
        asked = environ.get("HTTP_IF_NONE_MATCH", "")
        version = data.version_for(self.path, asked)
        etag = f'"{version}"'
        if etag in asked or asked.strip() == "*":  # (a weak W/"..." matches too, as it should)
            start_response(
                "304 Not Modified", [("ETag", etag), *[h for h in self.headers if h[0].lower() != "content-type"]]
            )
            return []
        content = body(version)
        start_response("200 OK", [("ETag", etag), ("Content-Length", str(len(content))), *self.headers])
        return [] if method == "HEAD" else [content]

    def _learn(self, environ) -> bool:
        """Flask's answer to a plain GET of the address: its headers, kept. False when it
        did not answer 200 (the request then goes to Flask, which says why)."""
        with self._learning:
            if self.headers is not None:
                return True
            plain = {**environ, "REQUEST_METHOD": "GET"}
            plain.pop("HTTP_IF_NONE_MATCH", None)
            got: dict = {}
            answered = self.inner(
                plain, lambda status, headers, exc_info=None: got.update(status=status, headers=headers)
            )
            try:
                for _ in answered:
                    pass
            finally:
                getattr(answered, "close", lambda: None)()
            if not got.get("status", "").startswith("200"):
                return False
            self.headers = [(k, v) for k, v in got["headers"] if k.lower() not in OWN]
            return True


def install(app: Dash, path: str) -> None:
    """Serves the version of the events file at `path`; call before guard.install (which
    answers every path it does not know with 404)."""
    server = app.server
    route = app.config.routes_pathname_prefix + PATH
    server.add_url_rule(
        route,
        "timeline_version",
        lambda: answer(data.version_for(path, request.headers.get("If-None-Match", ""))),
        methods=["GET"],
    )
    server.wsgi_app = Shortcut(server.wsgi_app, route, path)  # Flask's place for WSGI middleware
