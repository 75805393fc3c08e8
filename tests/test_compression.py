"""A light first load (issue 10, item 11): responses are compressed when the client accepts it,
as it accepts it, and read back to the same bytes; never when it does not; the security headers
and the long caching of fingerprinted files stay. In-process (Flask's test client), and through
gunicorn as deployed, where files from assets/ are sent as a stream."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import urllib.request
from pathlib import Path

import brotli
import pytest
from backports import zstd

from tests.browser.conftest import serve
from timeline.app import create_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ACCEPTS = "gzip, deflate, br, zstd"  # what Chromium 13x sends
YEAR = f"public, max-age={365 * 24 * 3600}, immutable"
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress, "zstd": zstd.decompress}


@pytest.fixture(scope="module")
def client():
    return create_app(ROOT / "events.csv", "Timeline").server.test_client()


@pytest.fixture(scope="module")
def scripts(client) -> dict[str, str]:
    """The page's biggest scripts, by name: Dash's components and the vendored plotly.js."""
    page = client.get("/", headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    sources = re.findall(r'<script src="([^"]+)"', page)
    named = {"components": r"/dash_core_components\.v", "plotly": r"/assets/vendor/plotly-cartesian"}
    return {name: next(s for s in sources if re.search(pattern, s)) for name, pattern in named.items()}


def body(response) -> bytes:
    """The response's body as the browser reads it (its Content-Encoding undone)."""
    data = b"".join(response.response) if response.is_streamed else response.get_data()
    encoding = response.headers.get("Content-Encoding")
    return DECODE[encoding](data) if encoding else data


def same_page(data: bytes) -> bytes:
    """The page without Dash's token for this page load (`end_id`, new on every load)."""
    return re.sub(rb'"end_id":"[^"]*"', b'"end_id":""', data)


@pytest.mark.parametrize(
    "accepts, expected",
    [
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, br", "br"),
        (CHROMIUM_ACCEPTS, "zstd"),
    ],
)
def test_the_page_and_dash_scripts_come_compressed(client, scripts, accepts, expected):
    for address in ("/", "/?event=shoot-to-kill-order", scripts["components"]):
        plain = client.get(address, headers={"Accept-Encoding": "identity"})
        packed = client.get(address, headers={"Accept-Encoding": accepts})
        assert packed.status_code == 200
        assert packed.headers["Content-Encoding"] == expected, address
        assert "Accept-Encoding" in packed.headers["Vary"]
        assert len(packed.get_data()) < len(plain.get_data()) / 2, address
        assert same_page(body(packed)) == same_page(plain.get_data()), address
        # The security headers are on the compressed answer too.
        assert "default-src 'self'" in packed.headers["Content-Security-Policy"]


@pytest.mark.parametrize("accepts", [None, "identity", "compress"])
def test_nothing_is_compressed_for_a_client_that_does_not_accept_it(client, scripts, accepts):
    headers = {"Accept-Encoding": accepts} if accepts else {}
    for address in ("/", scripts["components"], scripts["plotly"]):
        response = client.get(address, headers=headers)
        assert response.status_code == 200
        assert "Content-Encoding" not in response.headers, address
    plotly = client.get(scripts["plotly"], headers=headers)
    assert body(plotly) == (ROOT / "assets/vendor/plotly-cartesian.min.js").read_bytes()


@pytest.mark.parametrize("accepts, expected", [("br", "br"), (CHROMIUM_ACCEPTS, "zstd")])
def test_the_plotly_bundle_comes_compressed(client, scripts, accepts, expected):
    """A file of assets/ is sent as a stream: compressed with br or zstd (flask-compress does
    not stream gzip), read back to the file's bytes, and still cached for a year."""
    response = client.get(scripts["plotly"], headers={"Accept-Encoding": accepts})
    assert response.headers["Content-Encoding"] == expected
    assert response.headers["Cache-Control"] == YEAR
    assert body(response) == (ROOT / "assets/vendor/plotly-cartesian.min.js").read_bytes()


def test_callback_answers_come_compressed(client):
    layout = client.get("/_dash-layout").get_json()
    version = re.search(r'"data-version".*?"data": "([^"]+)"', json.dumps(layout)).group(1)
    outputs = (
        "..sources-panel.children...event-list.items...event-list.first...event-list-caption.children..."
        "counter.children...problems.children...category-filter.options..."
        "source-filter.options...date-from.className...date-to.className...as-of.className.."
    )
    request = {
        "output": outputs,
        "outputs": [
            {"id": i, "property": p}
            for i, p in (
                ("sources-panel", "children"),
                ("event-list", "items"),
                ("event-list", "first"),
                ("event-list-caption", "children"),
                ("counter", "children"),
                ("problems", "children"),
                ("category-filter", "options"),
                ("source-filter", "options"),
                ("date-from", "className"),
                ("date-to", "className"),
                ("as-of", "className"),
            )
        ],
        "inputs": [
            {"id": "view", "property": "data", "value": ""},
            {"id": "data-version", "property": "data", "value": version},
            {"id": "refused", "property": "data", "value": []},
        ],
        "changedPropIds": ["view.data"],
        "state": [
            {"id": "zoom", "property": "data", "value": None},
            {"id": "event-list", "property": "first", "value": ""},
        ],
    }
    plain = client.post("/_dash-update-component", json=request, headers={"Accept-Encoding": "identity"})
    packed = client.post("/_dash-update-component", json=request, headers={"Accept-Encoding": "gzip"})
    assert plain.status_code == packed.status_code == 200
    assert packed.headers["Content-Encoding"] == "gzip"
    assert json.loads(body(packed)) == plain.get_json()


def test_fingerprinted_files_are_kept_a_year_and_revalidated_when_compressed(client, scripts):
    for address in scripts.values():
        assert client.get(address, headers={"Accept-Encoding": "br"}).headers["Cache-Control"] == YEAR
    # A file without a fingerprint is revalidated by its ETag, which names the encoding.
    first = client.get("/assets/style.css", headers={"Accept-Encoding": "br"})
    tag = first.headers["ETag"]
    assert tag.endswith(':br"')
    again = client.get("/assets/style.css", headers={"Accept-Encoding": "br", "If-None-Match": tag})
    assert again.status_code == 304


def test_gunicorn_sends_the_scripts_compressed(tmp_path, scripts):
    """As deployed: gunicorn hands a file to the socket itself (sendfile) unless it is
    compressed; what arrives must be the file, compressed as the client accepts, whole."""
    copy = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", copy)
    plotly = (ROOT / "assets/vendor/plotly-cartesian.min.js").read_bytes()
    with serve(copy, gunicorn_workers=1) as url:
        for address, accepts, expected in (
            ("/", "gzip", "gzip"),
            ("/", CHROMIUM_ACCEPTS, "zstd"),
            (scripts["plotly"], "br", "br"),
            (scripts["plotly"], CHROMIUM_ACCEPTS, "zstd"),
            (scripts["plotly"], "gzip", None),  # a stream is not gzipped (see above): sent as is
            (scripts["plotly"], "identity", None),
        ):
            request = urllib.request.Request(url + address, headers={"Accept-Encoding": accepts})
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.headers["Content-Encoding"] == expected, (address, accepts)
                data = response.read()
            data = DECODE[expected](data) if expected else data
            if address == "/":
                assert b'<div id="react-entry-point">' in data
            else:
                assert data == plotly, (address, accepts)
