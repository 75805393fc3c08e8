"""A light first load (issue 10, item 11) as Chromium sees it: the page, Dash's scripts and the
plotly bundle come compressed, and the page draws from them (benchmarks/first_load.py measures
the bytes)."""

from __future__ import annotations

from .pages import TimelinePage


def test_chromium_gets_the_page_and_its_scripts_compressed_and_draws(first_visit_page, kazakhstan_url):
    page = first_visit_page
    encodings, responses = {}, {}
    page.on(
        "response",
        lambda r: (encodings.__setitem__(r.url, r.headers.get("content-encoding")), responses.__setitem__(r.url, r)),
    )
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


def test_the_layout_and_the_charts_code_are_asked_for_while_the_scripts_load(first_visit_page, kazakhstan_url):
    """Preloaded (timeline/app/preload.py): each asked for once, before the page's scripts have
    run, where Dash would ask only after them; Leaflet comes after the chart, for the map."""
    page = first_visit_page
    asked = []
    page.on("request", lambda r: asked.append(r.url.split("?")[0].rsplit("/", 1)[-1]))
    timeline = TimelinePage(first_visit_page, kazakhstan_url).open()
    page.wait_for_selector("#map[data-basemap=drawn]", timeout=30_000)
    for name in ("_dash-layout", "_dash-dependencies", "async-graph.js", "async-dropdown.js"):
        assert asked.count(name) == 1, (name, asked)
    timing = page.evaluate("""() => {
        const started = name => Math.min(...performance.getEntriesByType('resource')
            .filter(e => e.name.split('?')[0].endsWith(name)).map(e => e.startTime));
        const nav = performance.getEntriesByType('navigation')[0];
        return {scripts: nav.domContentLoadedEventStart, layout: started('/_dash-layout'),
                graph: started('/async-graph.js'), leaflet: started('/leaflet.js')};
    }""")
    assert timing["layout"] < timing["scripts"] and timing["graph"] < timing["scripts"], timing
    assert timing["leaflet"] > timing["scripts"], timing  # not one of the page's scripts
    assert not page.locator('script[src*="leaflet"]').count() or asked.count("leaflet.js") == 1
    assert timeline.page.evaluate("() => typeof window.L") == "object"
