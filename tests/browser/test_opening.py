"""The opening view comes with the page (issue 10): the chart's first draw is the real figure
for the address, with no "Drawing the timeline…" in between and no callback asked for it; the
rest of the page (panel, list, counter) and every later change work as before."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .pages import TimelinePage

# Whether the placeholder was ever drawn, and the bodies of the figure callbacks asked.
WATCH = """
window.__placeholderSeen = false;
new MutationObserver(() => {
  if (document.querySelector('#timeline')?.textContent.includes('Drawing the timeline')) {
    window.__placeholderSeen = true;
  }
}).observe(document, {childList: true, subtree: true, characterData: true});
"""


def figure_requests(page) -> list[str]:
    asked = []
    page.on(
        "request",
        lambda request: (
            asked.append(request.post_data or "")
            if "_dash-update-component" in request.url and "timeline.figure" in (request.post_data or "")
            else None
        ),
    )
    return asked


def test_a_link_opens_on_its_figure_without_a_callback_for_it(page, kazakhstan_url):
    page.add_init_script(WATCH)
    asked = figure_requests(page)
    timeline = TimelinePage(page, kazakhstan_url)
    timeline.open(event="shoot-to-kill-order", query="zoom=2022-01-05/2022-01-09")
    timeline.expect_selected("Tokayev orders forces to shoot to kill")
    expect(timeline.page).to_have_url(re.compile(r"zoom=2022-01-05/2022-01-09"))
    assert [round(float(x[8:10])) for x in timeline.x_range()] == [5, 9]  # the address's days
    expect(timeline.marker_points().first).to_be_visible()
    assert (
        page.evaluate("""() => document.querySelector('#timeline .js-plotly-plot')._fullData
                                   .some(t => t.name === 'selected ring' && t.x.length === 1)""")
    )  # the selection, marked
    assert page.evaluate("window.__placeholderSeen") is False
    page.wait_for_load_state("networkidle")
    # Drawn from the page: the only figure callback on load re-packs the titles for the chart's
    # width as the browser measured it (the server could not know it when it sent the page).
    assert all(
        '"chart-width.data"' in body and '"view.data"' not in body.split('"changedPropIds"')[1] for body in asked
    ), asked
    before = len(asked)
    # Later changes draw as before: the whole span is a callback.
    page.locator("#reset-zoom").click()
    expect(timeline.page).not_to_have_url(re.compile(r"zoom=2022-01-05/2022-01-09"))
    assert len(asked) == before + 1
