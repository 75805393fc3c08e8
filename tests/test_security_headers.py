"""The headers a security review expects (issue 18, item 5), and a title that is only text.

Through Flask's test client, in-process; the Server header, which the server process writes, is
checked on a real `python app.py` and a real gunicorn.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import sys
import urllib.request
from pathlib import Path

import pytest
from dash import Dash

from tests.browser.conftest import serve
from timeline.app import create_app, security

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_TITLE = "</title><script>alert(1)</script>"


def policy(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: [sources]}."""
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.fixture(scope="module")
def app():
    return create_app(ROOT / "events.csv", "Timeline")


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def test_the_page_has_the_policy(app, client):
    response = client.get("/")
    csp = policy(response.headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:", "https:", "http:"]  # editors' pictures, any host
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["*"]
    # Scripts: the app's own (the clientside callbacks too: assets/callbacks.js), and Dash's
    # inline script (its renderer) by hash; never 'unsafe-inline' or eval.
    assert csp["script-src"][0] == "'self'"
    assert csp["script-src"][1:] == app.csp_hashes() and len(app.csp_hashes()) >= 1
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "https:"} & set(csp["script-src"])
    assert "X-Frame-Options" not in response.headers  # any site may frame the page
    assert "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_every_inline_script_of_the_page_is_one_the_policy_allows(client):
    page = re.sub(r"<!--.*?-->", "", client.get("/").get_data(as_text=True), flags=re.S)  # IE's alert
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page, re.S)
    run = [body for attributes, body in inline if "application/json" not in attributes]
    assert run
    allowed = set(policy(client.get("/").headers["Content-Security-Policy"])["script-src"])
    for body in run:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, body[:80]


@pytest.mark.parametrize(
    "address",
    ["/", "/?event=shoot-to-kill-order", "/_dash-layout", "/_dash-dependencies", "/assets/style.css", "/no/such/page"],
)
def test_every_response_carries_the_policy(client, address):
    assert "default-src 'self'" in client.get(address).headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "setting, expected, frame_options",
    [
        ("*", ["*"], None),
        ("'self'", ["'self'"], "SAMEORIGIN"),
        ("'none'", ["'none'"], "DENY"),
        (
            "'self' https://news.example https://*.example.org",
            ["'self'", "https://news.example", "https://*.example.org"],
            None,
        ),
    ],
)
def test_frame_ancestors_follows_the_setting(setting, expected, frame_options):
    served = create_app(ROOT / "events.csv", frame_ancestors=setting).server.test_client()
    headers = served.get("/").headers
    assert policy(headers["Content-Security-Policy"])["frame-ancestors"] == expected
    assert headers.get("X-Frame-Options") == frame_options


@pytest.mark.parametrize("setting", ["'self'; script-src *", "'self', https://news.example", "", "   "])
def test_frame_ancestors_that_would_write_more_of_the_policy_are_refused(setting, capsys):
    with pytest.raises(ValueError, match="are not CSP sources"):
        create_app(ROOT / "events.csv", frame_ancestors=setting)
    sys.path.insert(0, str(ROOT))
    import app as module

    with pytest.raises(SystemExit):
        module.main(["--port", "8123", "--frame-ancestors", setting])
    assert "are not CSP sources" in capsys.readouterr().err


def test_serving_a_file_that_is_not_there_says_so_on_the_console(monkeypatch, capsys, tmp_path):
    """`--events` spelt wrong: the page said "no events match the filters", the console nothing."""
    sys.path.insert(0, str(ROOT))
    import app as module

    served = []
    monkeypatch.setattr(Dash, "run", lambda self, **kwargs: served.append(kwargs))
    module.main(["--port", "8123", "--events", str(tmp_path / "evnets.csv")])
    assert served and f"warning: {tmp_path / 'evnets.csv'} is not a file (yet)" in capsys.readouterr().err
    module.main(["--port", "8123", "--events", str(ROOT / "events.csv")])
    assert "warning" not in capsys.readouterr().err


def test_an_empty_frame_ancestors_variable_is_no_setting(monkeypatch):
    sys.path.insert(0, str(ROOT))
    import app as module

    monkeypatch.setenv("TIMELINE_FRAME_ANCESTORS", " ")
    assert module.environment()["frame_ancestors"] == security.ANY_ANCESTOR


HTTPS_PROXY = {"X-Forwarded-Proto": "https"}  # what the proxy that ends TLS says


def test_hsts_only_when_configured_and_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/", headers=HTTPS_PROXY).headers
    configured = create_app(ROOT / "events.csv", hsts=True).server.test_client()
    # This host only: a newsroom's other subdomains may not all be served over https.
    assert configured.get("/", headers=HTTPS_PROXY).headers["Strict-Transport-Security"] == "max-age=31556926"  # a year
    assert "Strict-Transport-Security" not in configured.get("/").headers


def test_no_redirect_to_https_behind_the_proxy(client):
    assert client.get("/", base_url="http://127.0.0.1:8050").status_code == 200


def test_html_is_revalidated_and_fingerprinted_assets_are_kept(client):
    page = client.get("/")
    assert page.headers["Cache-Control"] == "no-cache"
    assets = re.findall(r'(?:src|href)="(/assets/[^"]+\?m=[^"]+)"', page.get_data(as_text=True))
    assert {a.split("?")[0] for a in assets} >= {
        "/assets/style.css",
        "/assets/keys.js",
        "/assets/vendor/plotly-cartesian.min.js",
    }
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == f"public, max-age={365 * 24 * 3600}, immutable"
    # Without its fingerprint, an asset may change under the same address: not kept.
    assert "immutable" not in client.get("/assets/style.css").headers.get("Cache-Control", "")


def test_the_title_is_text_in_the_page():
    page = create_app(ROOT / "events.csv", HOSTILE_TITLE).server.test_client().get("/").get_data(as_text=True)
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    assert "<script>alert(1)" not in page
    assert page.count("<title>") == 1 and page.count("</title>") == 1


def test_the_command_line_sets_frame_ancestors_and_hsts(monkeypatch):
    import dash

    sys.path.insert(0, str(ROOT))
    import app as module

    calls = []
    monkeypatch.setattr(dash.Dash, "run", lambda self, **kwargs: calls.append((self, kwargs)))
    module.main(["--port", "8123", "--frame-ancestors", "'self' https://news.example", "--hsts"])
    served, kwargs = calls[-1]
    headers = served.server.test_client().get("/", headers=HTTPS_PROXY).headers
    assert policy(headers["Content-Security-Policy"])["frame-ancestors"] == ["'self'", "https://news.example"]
    assert "Strict-Transport-Security" in headers
    assert kwargs["request_handler"] is security.QuietRequestHandler
    module.main(["--port", "8123"])
    headers = calls[-1][0].server.test_client().get("/", headers=HTTPS_PROXY).headers
    assert policy(headers["Content-Security-Policy"])["frame-ancestors"] == ["*"]  # the default again
    assert "Strict-Transport-Security" not in headers
    assert "--frame-ancestors" in open(ROOT / "README.md").read()


@pytest.mark.parametrize("workers", [0, 1])
def test_no_server_version_in_the_server_header(tmp_path, workers):
    """`python app.py` (Werkzeug) and gunicorn: a Server header without a version number."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=workers, env={"TIMELINE_FRAME_ANCESTORS": "'self'"}) as url:
        with urllib.request.urlopen(url + "/", timeout=30) as response:
            servers = response.headers.get_all("Server") or []
            csp = policy(response.headers["Content-Security-Policy"])
    assert servers in ([security.SERVER_NAME], ["gunicorn"]), servers
    assert not any(re.search(r"\d|werkzeug|python", s, re.I) for s in servers), servers
    assert csp["frame-ancestors"] == ["'self'"]  # the environment variable, for gunicorn


@pytest.mark.parametrize("workers", [0, 1])
def test_an_address_of_up_to_8000_characters_reaches_the_app(tmp_path, workers):
    """The README's bound on an address is the app's: gunicorn's own request-line limit (4094
    bytes by default) would answer a longer one with its bare "414 URI Too Long" page."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    with serve(copy, gunicorn_workers=workers) as url:
        with urllib.request.urlopen(url + "/?event=death-toll&x=" + "a" * 7_000, timeout=30) as response:
            assert response.status == 200 and b"_dash-config" in response.read()
