"""The page loads plotly.js's cartesian bundle from assets/vendor/, never the full bundle, and
that bundle draws every kind of trace the chart uses: points, spans and the density strip."""

import pytest
from playwright.sync_api import expect
from plotly.offline import get_plotlyjs_version

from benchmarks.generate import generate
from timeline.view.figure import MAX_MARKERS, TRACE_TYPES

from .conftest import serve
from .pages import TimelinePage

REGISTERED = "() => Object.keys(Plotly.PlotSchema.get().traces)"
DRAWN = "() => document.querySelector('#timeline .js-plotly-plot')._fullData.map(t => t.type)"


def requested_scripts(page) -> list[str]:
    urls = []
    page.on("request", lambda request: urls.append(request.url) if request.resource_type == "script" else None)
    return urls


def test_the_page_loads_the_small_bundle_only(page, kazakhstan_url):
    scripts = requested_scripts(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    timeline = TimelinePage(page, kazakhstan_url).open()
    expect(timeline.counter).to_have_text("35 of 35 events")
    assert any("/assets/vendor/plotly-cartesian.min.js" in url for url in scripts), scripts
    assert not any("plotly.min.js" in url and "cartesian" not in url for url in scripts), scripts
    assert page.evaluate("() => Plotly.version") == get_plotlyjs_version()
    assert set(TRACE_TYPES) <= set(page.evaluate(REGISTERED))
    # The Kazakhstan chart has points, disputed diamonds and spans; all drawn as themselves.
    assert {"scatter", "bar"} <= set(page.evaluate(DRAWN))
    assert errors == []  # (every .js file in assets/ runs in the page: no stray one)


@pytest.fixture(scope="module")
def crowded_url(tmp_path_factory):
    path = generate(events=MAX_MARKERS * 2, out=tmp_path_factory.mktemp("bundle") / "events.csv")
    with serve(path, title="Generated") as url:
        yield url


def test_the_density_strip_is_drawn_as_a_heatmap(page, crowded_url):
    scripts = requested_scripts(page)
    TimelinePage(page, crowded_url).open()
    page.wait_for_function("() => document.querySelector('#timeline .heatmaplayer image')", timeout=20_000)
    assert "heatmap" in page.evaluate(DRAWN)
    assert not any("plotly.min.js" in url and "cartesian" not in url for url in scripts), scripts
