"""A light first load (issue 10, item 11) as Chromium sees it: the page, Dash's scripts and the
plotly bundle come compressed, and the page draws from them (benchmarks/first_load.py measures
the bytes)."""
from __future__ import annotations

from .pages import TimelinePage


def test_chromium_gets_the_page_and_its_scripts_compressed_and_draws(page, kazakhstan_url):
    encodings, responses = {}, {}
    page.on("response", lambda r: (encodings.__setitem__(r.url, r.headers.get("content-encoding")),
                                   responses.__setitem__(r.url, r)))
    TimelinePage(page, kazakhstan_url).open("shoot-to-kill-order")
    page.wait_for_load_state("networkidle")
    scripts = [url for url in encodings if url.split("?")[0].endswith(".js")]
    big = [url for url in scripts if "plotly-cartesian" in url or "dash_core_components." in url]
    assert len(big) == 2, scripts
    assert encodings[kazakhstan_url + "/?event=shoot-to-kill-order"] in ("zstd", "br", "gzip")
    for url in big:
        assert encodings[url] in ("zstd", "br", "gzip"), url
    # Every script of the page is compressed, but one under 500 bytes (not worth it).
    plain = {url: len(responses[url].body()) for url in scripts if not encodings[url]}
    assert all(size < 500 for size in plain.values()), plain
