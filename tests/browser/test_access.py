"""Reading the timeline without a mouse or a big screen (issue 10, items 5-9): a phone, a
keyboard, a screen reader; steps that say where they go; descriptions in paragraphs; problems
that do not take over the page; axe-core finds nothing serious or critical."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, serve
from .pages import TimelinePage


@pytest.fixture
def phone(phone_page, kazakhstan_url):
    return TimelinePage(phone_page, kazakhstan_url)


# ---------------------------------------------------------------- axe-core ---------------


@pytest.mark.parametrize(
    "query",
    [
        "",  # the home page
        "event=shoot-to-kill-order",  # a selected event
        "category=security&category=protest&q=Almaty",  # a filtered view
    ],
)
def test_axe_finds_nothing_serious_on_the_page(timeline, query):
    timeline.open(query=query)
    if query.startswith("event="):
        expect(timeline.heading).to_have_text("Tokayev orders forces to shoot to kill")
    assert timeline.page_accessibility_problems() == []


def test_axe_finds_nothing_serious_on_the_phone(phone):
    phone.open()
    assert phone.page_accessibility_problems() == []
    phone.filters_button.click()
    phone.tap_marker_of("shoot-to-kill-order")
    expect(phone.heading).to_be_in_viewport()
    assert phone.page_accessibility_problems() == []


# ---------------------------------------------------------------- the phone --------------


def test_a_tap_on_the_chart_shows_the_sources_at_once(phone):
    phone.open()
    phone.tap_marker_of("shoot-to-kill-order")
    expect(phone.heading).to_have_text("Tokayev orders forces to shoot to kill")
    expect(phone.heading).to_be_in_viewport()
    # The chart stays where the finger was: the sources come up over the bottom of the screen.
    assert phone.point_of("shoot-to-kill-order")["y"] > 0


def test_a_tap_in_the_list_shows_the_sources_and_keeps_the_place_in_the_list(phone):
    """A row above where the sheet opens stays where it is (one it would cover is scrolled to
    above it: see test_an_event_tapped_low_in_the_list...)."""
    phone.open()
    link = phone.list_link("death-toll")
    link.scroll_into_view_if_needed()
    phone.page.evaluate("(dy) => window.scrollBy(0, dy)", link.bounding_box()["y"] - 120)
    before, where = phone.scroll_y(), link.bounding_box()["y"]
    assert where < 200, where
    link.tap()
    expect(phone.heading).to_have_text("Death toll")
    expect(phone.heading).to_be_in_viewport()
    assert abs(phone.scroll_y() - before) < 2, "the page did not jump"
    assert abs(phone.list_link("death-toll").bounding_box()["y"] - where) < 2
    # Another event from the sheet's list of the same page: the sheet shows it from its top.
    phone.close_panel()
    expect(phone.heading).to_have_count(0)


def test_the_filters_fold_behind_one_button_on_the_phone(phone, timeline):
    phone.open()
    expect(phone.filters).to_be_hidden()
    expect(phone.filters_button).to_have_attribute("aria-expanded", "false")
    phone.filters_button.click()
    expect(phone.filters).to_be_visible()
    expect(phone.filters_button).to_have_attribute("aria-expanded", "true")
    phone.toggle_category("security")
    expect(phone.counter).to_have_text("3 of 35 events")
    phone.filters_button.click()
    expect(phone.filters).to_be_hidden()
    # On a wide screen the filters are simply there.
    timeline.open()
    expect(timeline.filters).to_be_visible()
    expect(timeline.filters_button).to_be_hidden()
    # On a low one, a phone held sideways or a laptop at 200%, they fold: the chart is on the first
    # screen (it was all filters)
    for width, height in ((844, 390), (720, 450)):
        timeline.page.set_viewport_size({"width": width, "height": height})
        expect(timeline.filters).to_be_hidden()
        expect(timeline.filters_button).to_be_visible()
        assert timeline.chart_box()["y"] + 60 < height, (width, height)
    timeline.filters_button.click()
    expect(timeline.filters).to_be_visible()
    # Escape within them folds them again, focus back on their button (it did nothing: a keyboard's
    # reader at 200% had to find the button again)
    timeline.page.locator("#filters input[type=checkbox]").first.focus()
    timeline.page.keyboard.press("Escape")
    expect(timeline.filters).to_be_hidden()
    expect(timeline.filters_button).to_be_focused()
    expect(timeline.filters_button).to_have_attribute("aria-expanded", "false")


def test_a_vertical_swipe_over_the_chart_scrolls_the_page(phone):
    phone.open()
    box = phone.chart_box()
    assert box["y"] + 100 < 844, "the chart starts on the first screen"
    before = phone.scroll_y()
    shown = phone.x_range()
    phone.swipe(box["x"] + box["width"] / 2, min(box["y"] + box["height"] - 40, 800), -300)
    phone.page.wait_for_function("(y) => window.scrollY > y + 100", arg=before, timeout=5_000)
    assert phone.x_range() == shown and "zoom=" not in phone.page.url, "a swipe is not a zoom"
    # A tap on a mark still selects it (a moment later: plotly.js counts a second touch within
    # its double-click delay, 300 ms, as a double click).
    phone.page.wait_for_timeout(400)
    phone.tap_marker_of("shoot-to-kill-order")
    expect(phone.heading).to_have_text("Tokayev orders forces to shoot to kill")


def seconds(moment: str) -> float:
    """A moment as plotly.js writes it, in seconds (UTC: plotly's dates are naive)."""
    return datetime.fromisoformat(moment.replace(" ", "T")).replace(tzinfo=UTC).timestamp()


def test_a_sideways_swipe_moves_the_chart_in_time(phone):
    """TimelineJS's slides follow a finger; the range slider under the chart was the only way."""
    phone.open()
    box = phone.chart_box()
    low, high = map(seconds, phone.x_range())
    per_px = (high - low) / box["width"]
    before = phone.scroll_y()
    # A finger over the titles, 120 px to the left: the chart's time follows it (later events come in).
    phone.swipe(box["x"] + box["width"] * 0.8, box["y"] + 40, dy=4, dx=-120)
    phone.page.wait_for_function("() => location.search.includes('zoom=')", timeout=5_000)
    moved_low, moved_high = map(seconds, phone.x_range())
    assert moved_low - low == pytest.approx(120 * per_px, rel=0.05)
    assert moved_high - moved_low == pytest.approx(high - low, rel=0.01), "a swipe keeps the zoom"
    assert phone.scroll_y() == before, "a sideways swipe does not scroll the page"
    assert "event=" not in phone.page.url, "a swipe chooses no event"
    # plotly.js's Zoom and Pan buttons are not offered: they set a drag the chart does not take here.
    expect(phone.page.locator("#timeline .modebar-btn[data-attr='dragmode']").first).to_be_hidden()
    # The server was asked for the new view: its titles are packed for it, its counter says it.
    expect(phone.page.locator("#in-view")).not_to_have_text(re.compile(r"^35 of 35"))


def test_two_fingers_over_the_chart_zoom_the_page_not_the_chart(phone):
    """A reader who needs the page larger can zoom it over the chart too (WCAG 1.4.4): a review
    found the chart had taken two fingers for its own zoom in time."""
    phone.open()
    box = phone.chart_box()
    shown = phone.x_range()
    centre, y = box["x"] + box["width"] / 2, box["y"] + 40
    phone.fingers([(centre - 20, y, -60, 0), (centre + 20, y, 60, 0)])  # spread
    # (The spread, 40 px to 160 px, zooms the page by about 1.5: Chromium takes its first pixels
    # to tell a pinch from a swipe, so a busy machine has it stop a little short of 1.5.)
    phone.page.wait_for_function("() => window.visualViewport.scale > 1.2", timeout=5_000)
    phone.page.wait_for_timeout(500)
    assert phone.x_range() == shown and "zoom=" not in phone.page.url


def test_a_swipe_that_begins_on_a_mark_does_not_choose_its_event(phone):
    """plotly.js (dragmode false on a touch screen) took a moved finger's lift for a tap."""
    phone.open()
    point = phone.scroll_to_marker("shoot-to-kill-order")
    phone.swipe(point["x"], point["y"], dy=-200)
    phone.page.wait_for_timeout(400)
    point = phone.scroll_to_marker("shoot-to-kill-order")
    phone.swipe(point["x"], point["y"], dy=0, dx=-60)
    phone.page.wait_for_timeout(1_000)
    assert "event=" not in phone.page.url
    expect(phone.heading).to_be_hidden()


def test_the_arrow_keys_are_hinted_at_only_where_there_is_a_keyboard(phone, timeline):
    phone.open()
    expect(phone.keys_hint).to_be_hidden()
    timeline.open()
    expect(timeline.keys_hint).to_be_visible()


def test_nothing_scrolls_sideways_on_the_phone(phone):
    phone.open(event="shoot-to-kill-order")
    expect(phone.heading).to_be_in_viewport()
    assert phone.sideways_scroll() == 0


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "kk", "ar"])
def test_the_chart_s_buttons_fit_the_phone_in_every_language(phone, lang):
    """The row of "3 earlier", "30 of 35 events in view" and "2 later": in Kazakh its words are
    longer, and "тағы 2 кейінірек" ran off the right edge of a 390-pixel screen (cut, not
    scrolled to). The row wraps."""
    phone = TimelinePage(phone.page, phone.base_url, lang).open(query=f"lang={lang}")
    expect(phone.page.locator("#edge-after")).to_be_visible()  # (the row drawn: on a busy machine, later)
    boxes = phone.page.evaluate(
        """() => [...document.querySelectorAll('.in-view > *, .steps button')]
             .filter((e) => e.offsetParent !== null)
             .map((e) => { const r = e.getBoundingClientRect(); return [e.id || e.className, r.left, r.right]; })"""
    )
    assert len(boxes) >= 3
    for name, left, right in boxes:
        assert left >= 0 and right <= 390, (lang, name, left, right)


# ---------------------------------------------------------------- keyboard and readers ---


def test_the_skip_link_comes_first_and_leads_to_the_events(timeline):
    timeline.open()
    timeline.page.keyboard.press("Tab")
    assert timeline.focused() == {"id": "skip-link", "event": None, "tag": "a", "text": "Skip to the events"}
    expect(timeline.page.locator("#skip-link")).to_be_in_viewport()
    timeline.page.keyboard.press("Enter")
    assert timeline.focused()["id"] == "event-list-caption"
    for control in ("export-csv", "export-timelinejs"):  # the list's own buttons, beside its heading
        timeline.page.keyboard.press("Tab")
        assert timeline.focused()["id"] == control
    timeline.page.keyboard.press("Tab")
    assert timeline.focused()["event"] == "ablyazov-sentenced-in-absentia", "the first event in date order"
    assert "?" not in timeline.page.url and "#" not in timeline.page.url, "the address is left as it was"


def test_choosing_from_the_list_keeps_the_place_and_focus_goes_to_the_heading(timeline):
    timeline.open()
    link = timeline.list_link("death-toll")
    link.scroll_into_view_if_needed()
    before = timeline.scroll_y()
    assert before > 300, "the list is below the chart"
    link.focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.heading).to_have_text("Death toll")
    timeline.expect_event_param("death-toll")
    expect(timeline.heading).to_be_focused()
    assert abs(timeline.scroll_y() - before) < 2, "no jump to the top"
    # Close returns focus to the event in the list.
    timeline.panel.locator("a.close").focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.heading).to_have_count(0)
    expect(timeline.list_link("death-toll")).to_be_focused()
    assert "event=" not in timeline.page.url
    # Back walks to the selection again, as before.
    timeline.page.go_back()
    expect(timeline.heading).to_have_text("Death toll")


def test_the_live_region_says_the_selected_title_not_every_account(timeline):
    timeline.open()
    expect(timeline.panel).not_to_have_attribute("aria-live", "polite")
    timeline.click_marker_of("shoot-to-kill-order")
    expect(timeline.announcer).to_have_text("Selected: Tokayev orders forces to shoot to kill")
    timeline.next()
    expect(timeline.heading).not_to_have_text("Tokayev orders forces to shoot to kill")
    expect(timeline.announcer).to_have_text("Selected: " + timeline.heading.inner_text())


def test_the_chart_has_a_text_alternative_with_a_link_to_the_list(timeline):
    timeline.open()
    expect(timeline.chart_summary).to_have_text(
        "Timeline chart: 35 events, 7 June 2017 to 24 April 2023, one row per category "
        "(10 categories: legal 6, economy 1, protest 5, detentions 2, government 7, communications 2, "
        "security 3, international 6, casualties 2, opposition 1). The view shows 31 December 2021 to 20 January "
        "2022: 30 of 35 events in view."  # (the page opens on the days most events are in: said)
    )
    chart = timeline.page.get_by_role("figure", name="Timeline chart: 35 events", exact=False)
    expect(chart).to_have_count(1)
    # the drawing is not read out as one image named by every title and tick on it: the figure's
    # summary and the list say what it shows
    expect(chart.get_by_role("img", name="Internet shutdown", exact=False)).to_have_count(0)
    expect(chart.locator("svg.main-svg").first).to_have_attribute("aria-hidden", "true")
    # its summary is its name, read once (not again as the text after it)
    expect(timeline.chart_summary).to_have_attribute("aria-hidden", "true")
    to_list = chart.get_by_role("link", name="Read the events as a list")
    to_list.focus()
    expect(to_list).to_be_in_viewport()
    timeline.page.keyboard.press("Enter")
    assert timeline.focused()["id"] == "event-list-caption"
    timeline.toggle_category("security")
    expect(timeline.chart_summary).to_contain_text("Timeline chart: 3 of 35 events")


def test_one_visible_focus_ring_on_every_control(timeline):
    timeline.open(event="shoot-to-kill-order")
    seen = set()
    for _ in range(60):
        timeline.page.keyboard.press("Tab")
        ring = timeline.focus_ring()
        if ring["what"] in seen:
            continue
        seen.add(ring["what"])
        assert ring["style"] == "solid" and ring["width"] >= 2, ring
        assert ring["contrast"] >= 3, ring
    kinds = " ".join(seen)
    for control in (
        "a#skip-link",
        "input#search",
        "button#source-filter",
        "input",
        "button#clear-filters",
        "button#prev-event",
        "button#reset-zoom",
        "a.event-link",
    ):
        assert control in kinds, (control, sorted(seen))


# The rings drawn round the focused element, on it or on a wrapper round it, that nothing hides:
# no element between the ring and the page hides what overflows it.
UNHIDDEN_RINGS = """() => {
  const rings = [];
  for (let el = document.activeElement; el && el !== document.body; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) continue;
    let hidden = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflow !== 'visible') { hidden = true; break; }
    }
    if (!hidden) rings.push(el.tagName.toLowerCase() + ' ' + style.outlineColor + ' ' + style.outlineWidth);
  }
  return rings;
}"""


def test_a_text_box_s_focus_ring_is_not_hidden_by_its_wrapper(timeline):
    """Dash's wrapper round a text box hides what overflows it: the ring drawn off the box itself
    was hidden, and only its border's colour changed. The ring goes on the wrapper."""
    timeline.open()
    for box in ["#search", "#date-from", "#date-to", "#as-of"]:
        timeline.page.locator(box).focus()
        timeline.page.keyboard.press("Shift+Tab")
        timeline.page.keyboard.press("Tab")  # (reached by the keyboard: :focus-visible)
        assert timeline.focused()["id"] == box[1:]
        assert timeline.page.evaluate(UNHIDDEN_RINGS) == ["div rgb(27, 27, 27) 3px"], box


def test_the_side_panel_fits_the_window(timeline):
    """A long panel is at most the window's height less 24 px, padding and border included
    (with them on top it was 902 px in a 900 px window, its heading able to go above it)."""
    timeline.open(event="death-toll")
    height, window = timeline.page.evaluate(
        "() => [document.querySelector('.sources-panel').getBoundingClientRect().height, innerHeight]"
    )
    assert height <= window - 24


def test_focus_stays_on_the_page_when_an_edge_s_button_hides_itself(timeline):
    """ "2 later →" pressed shows the later events and hides itself: focus goes to "← 3
    earlier", and once both are gone, to the count of events in view (it fell to the body)."""
    timeline.open()
    expect(timeline.later).to_be_visible()
    timeline.later.focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.later).to_be_hidden()
    expect(timeline.earlier).to_be_focused()
    timeline.page.keyboard.press("Enter")
    expect(timeline.earlier).to_be_hidden()
    expect(timeline.in_view).to_be_focused()
    expect(timeline.in_view).to_have_text("35 of 35 events in view")


def test_source_links_say_that_they_open_in_a_new_tab(timeline):
    timeline.open(event="shoot-to-kill-order")
    source = timeline.panel.get_by_role("link", name="Read the source (opens in a new tab)").first
    expect(source).to_have_attribute("target", "_blank")


# ---------------------------------------------------------------- stepping ---------------


def test_previous_and_next_say_where_they_go(timeline):
    timeline.open(event="shoot-to-kill-order")
    previous, following = timeline.step_labels()
    assert previous.startswith("← Previous:") and following.startswith("Next:")
    title = timeline.page.locator("#next-event").get_attribute("title")
    # (the title set apart in its own direction: timeline.app.render.set_apart)
    assert title.startswith("Next: \u2068") and title.endswith("\u2069 (right arrow key)")
    leads_to = title.removeprefix("Next: \u2068").removesuffix("\u2069 (right arrow key)")
    assert leads_to.startswith(following.removeprefix("Next:").strip(" →…"))
    timeline.next()
    timeline.expect_selected(leads_to)
    expect(timeline.page.locator("#prev-event")).to_have_attribute(
        "title", "Previous: \u2068Tokayev orders forces to shoot to kill\u2069 (left arrow key)"
    )


def test_axe_finds_nothing_serious_after_ticking_a_category_or_in_the_open_outlets(timeline):
    """What axe sees only once a viewer acts: Dash marks a ticked category aria-selected, and
    the open Outlets dropdown is an unnamed dialog of options that hold checkboxes."""
    timeline.open()
    timeline.toggle_category("protest")
    expect(timeline.counter).to_have_text("5 of 35 events")
    assert timeline.page_accessibility_problems() == []
    timeline.open_outlets()
    assert timeline.page_accessibility_problems() == []
    dialog = timeline.page.locator(".dash-dropdown-content")
    expect(dialog).to_have_attribute("aria-label", "Outlets")
    expect(dialog.get_by_role("group", name="Outlets")).to_be_visible()
    expect(dialog.get_by_role("searchbox", name="Outlets: Search")).to_be_visible()


def _dropdown_opened(page) -> None:
    """Two frames more: Dash's dropdown focuses its search box a frame after it opens, and again
    a frame after it sorts the chosen options first (its effect runs again when its options
    change), which took the focus back from the first option that three quick Tabs had reached
    (the whole suite on two cores, once). A person's Tabs come frames apart."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def test_tab_goes_through_the_open_outlets_to_select_all_and_on_out_of_them(timeline):
    # (Dash's Tab went round the search box and the options for ever, and never reached Select all.)
    page = timeline.open().page
    timeline.show_filters()
    page.locator("#source-filter").focus()
    page.keyboard.press("Enter")
    dialog = page.locator(".dash-dropdown-content")
    expect(dialog.get_by_role("searchbox")).to_be_focused()
    _dropdown_opened(page)
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Select all", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Deselect all")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("checkbox", name="AFP (7)")).to_be_focused()
    page.keyboard.press("Space")  # (chosen; the arrow keys go on from option to option)
    page.keyboard.press("ArrowDown")
    expect(dialog.get_by_role("checkbox", name="AP (5)")).to_be_focused()
    page.keyboard.press("Tab")  # out: closed, the outlet chosen, focus on the control after it
    expect(dialog).to_have_count(0)
    expect(page.locator("#as-of")).to_be_focused()
    expect(page).to_have_url(re.compile(r"[?&]source=AFP(&|$)"))
    expect(timeline.counter).to_have_text("5 of 35 events")  # (AFP's 7 accounts tell of 5 events)
    # Back from the options to Deselect all, and in again: the options from the first.
    page.locator("#source-filter").focus()
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("searchbox")).to_be_focused()  # (Dash gives it focus a frame later)
    _dropdown_opened(page)
    for _ in range(3):
        page.keyboard.press("Tab")
    options = dialog.locator(".dash-options-list-option-checkbox")
    expect(options.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(dialog.get_by_role("button", name="Deselect all")).to_be_focused()
    page.keyboard.press("Tab")
    expect(options.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_be_focused()
    # Shift+Tab from the search box goes back out to the dropdown's button, closed.
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    expect(dialog.get_by_role("searchbox")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(dialog).to_have_count(0)
    expect(page.locator("#source-filter")).to_be_focused()


def test_with_nowhere_to_go_previous_and_next_say_so_and_stay_readable(timeline):
    timeline.open(query="q=zzzqqq")
    expect(timeline.counter).to_have_text("0 of 35 events")
    for button in ("#prev-event", "#next-event"):
        step = timeline.page.locator(button)
        expect(step).to_have_attribute("aria-disabled", "true")
    assert timeline.page_accessibility_problems() == []


def test_the_arrow_keys_pan_the_map_without_stepping_through_events(timeline):
    timeline.open()
    timeline.wait_for_map()
    before = timeline.map_center()
    timeline.map.focus()
    timeline.page.keyboard.press("ArrowLeft")
    timeline.page.wait_for_function(
        "(lon) => Math.abs(window.timelineMap.getCenter().lng - lon) > 0.5", arg=before[1], timeout=10_000
    )
    timeline.page.wait_for_timeout(500)
    assert "event=" not in timeline.page.url and timeline.page.locator("#event-title").count() == 0


def test_an_outlet_s_button_pressed_in_the_overview_keeps_focus(timeline):
    """The overview is drawn again for the outlet pressed: focus goes to that outlet's new button
    (it fell to the page's body, and the next Tab began again at the top of the page)."""
    timeline.open()
    timeline.panel.get_by_role("button", name="Los Angeles Times (2)").focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.counter).to_have_text("2 of 35 events")
    timeline.settle()
    pressed = timeline.panel.get_by_role("button", name="Los Angeles Times (2)")
    expect(pressed).to_be_focused()
    # ... and says it is pressed: pressed again, every outlet's events again, focus kept on it
    expect(pressed).to_have_attribute("aria-pressed", "true")
    timeline.page.keyboard.press("Enter")
    expect(timeline.counter).to_have_text("35 of 35 events")
    timeline.settle()
    again = timeline.panel.get_by_role("button", name=re.compile(r"^Los Angeles Times \(2\)$"))
    expect(again).to_have_attribute("aria-pressed", "false")
    expect(again).to_be_focused()


def test_an_outlet_s_button_does_not_take_focus_back_once_the_reader_clicked_elsewhere(timeline):
    """An outlet's button pressed, then the page's heading clicked before the server answered:
    the overview drawn again gave focus back to the outlet's button, away from where the reader
    went on."""
    timeline.answer_steps_slowly(600)
    timeline.open()
    timeline.panel.get_by_role("button", name="Los Angeles Times (2)").click()
    timeline.page.locator("h1").click()
    expect(timeline.counter).to_have_text("2 of 35 events")
    timeline.settle()
    assert timeline.focused()["tag"] == "body"
    assert timeline.slowed_steps() >= 1


def test_stepping_from_the_panel_s_heading_keeps_focus_on_the_heading(timeline):
    timeline.open(event="shoot-to-kill-order")
    timeline.page.locator("#event-title").focus()
    timeline.page.keyboard.press("ArrowRight")
    expect(timeline.page).not_to_have_url(re.compile(r"event=shoot-to-kill-order"))
    expect(timeline.page.locator("#event-title")).not_to_have_text("Tokayev orders forces to shoot to kill")
    expect(timeline.page.locator("#event-title")).to_be_focused()
    timeline.page.keyboard.press("ArrowLeft")
    timeline.expect_event_param("shoot-to-kill-order")
    expect(timeline.page.locator("#event-title")).to_be_focused()


def test_stepping_from_the_list_keeps_focus_in_the_list_on_the_new_event(timeline):
    timeline.open(event="shoot-to-kill-order")
    timeline.list_link("shoot-to-kill-order").focus()
    timeline.page.keyboard.press("ArrowRight")
    expect(timeline.heading).not_to_have_text("Tokayev orders forces to shoot to kill")
    now = timeline.heading.get_attribute("data-event")
    expect(timeline.list_link(now)).to_be_focused()  # (the list is drawn again: was the page's body)
    timeline.page.keyboard.press("ArrowLeft")
    timeline.expect_event_param("shoot-to-kill-order")
    expect(timeline.list_link("shoot-to-kill-order")).to_be_focused()


def test_stepping_down_the_list_keeps_the_focused_event_in_sight(timeline):
    """→ from an event's link in the list moves focus to the next event's link: past the window's
    foot (the 14th step from the 2017 sentence) it went out of sight, the page never scrolled."""
    timeline.open(event="ablyazov-sentenced-in-absentia")
    timeline.list_link("ablyazov-sentenced-in-absentia").focus()
    height = timeline.page.viewport_size["height"]
    for _ in range(16):  # (two past the 14th)
        was = timeline.heading.get_attribute("data-event")
        timeline.page.keyboard.press("ArrowRight")
        expect(timeline.heading).not_to_have_attribute("data-event", was)
        now = timeline.heading.get_attribute("data-event")
        link = timeline.list_link(now)
        expect(link).to_be_focused()
        top, bottom = link.evaluate("a => [a.getBoundingClientRect().top, a.getBoundingClientRect().bottom]")
        assert -1 <= top and bottom <= height + 1, (now, top, bottom)  # (to the pixel: scrolls are whole)


def test_with_no_event_chosen_an_arrow_from_the_list_chooses_the_focused_event_s_neighbour(timeline):
    """→ on the list's last event chose the first event in the chart's view (its first), and
    focus went out of sight 328 px above the window."""
    timeline.open()
    links = timeline.event_list.locator("a.event-link")
    last, before = links.last.get_attribute("data-event"), links.nth(-2).get_attribute("data-event")
    links.last.focus()
    timeline.page.keyboard.press("ArrowLeft")
    timeline.expect_event_param(before)
    expect(timeline.page.locator(f"#event-title[data-event='{before}']")).to_be_focused()
    timeline.close_panel()
    expect(timeline.heading).to_have_count(0)
    links.nth(1).focus()
    timeline.page.keyboard.press("ArrowRight")
    timeline.expect_event_param(links.nth(2).get_attribute("data-event"))
    timeline.close_panel()
    expect(timeline.heading).to_have_count(0)
    links.last.focus()
    timeline.page.keyboard.press("ArrowRight")  # (at the list's end: the event itself)
    timeline.expect_event_param(last)


def test_stepping_from_a_link_in_the_panel_puts_focus_on_the_new_heading(timeline):
    timeline.open(event="shoot-to-kill-order")
    timeline.panel.locator("a.close").focus()
    timeline.page.keyboard.press("ArrowRight")
    expect(timeline.heading).not_to_have_text("Tokayev orders forces to shoot to kill")
    expect(timeline.heading).to_be_focused()


def test_closing_an_event_the_filters_hide_puts_focus_on_the_overview(timeline):
    timeline.open(query="event=death-toll&category=protest")
    expect(timeline.heading).to_have_text("Death toll")
    timeline.panel.locator("a.close").focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.heading).to_have_count(0)
    expect(timeline.page.locator("#overview-title")).to_be_focused()  # (was the page's body)


def test_escape_closes_the_event_s_panel_and_focus_returns_to_the_list(timeline):
    timeline.open()
    timeline.list_link("death-toll").focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.page.locator("#event-title")).to_be_focused()
    timeline.page.keyboard.press("Escape")
    expect(timeline.page.locator("#event-title")).to_have_count(0)
    assert "event=" not in timeline.page.url
    expect(timeline.list_link("death-toll")).to_be_focused()
    # An event chosen with the mouse on the chart: Escape leaves the page where the reader is, as
    # a click on Close does (it scrolled to the list, ~1,900 px below the chart: a probe's)
    timeline.page.evaluate("window.scrollTo(0, 0)")
    timeline.click_marker_of("massimov-detained")
    timeline.expect_selected("Former KNB chief Massimov detained")
    timeline.settle()
    before = timeline.page.evaluate("window.scrollY")
    timeline.page.keyboard.press("Escape")
    expect(timeline.page.locator("#event-title")).to_have_count(0)
    expect(timeline.list_link("massimov-detained")).to_be_focused()
    assert abs(timeline.page.evaluate("window.scrollY") - before) < 5


@pytest.mark.parametrize("width, height", [(960, 600), (720, 450)])
def test_in_a_one_column_window_an_event_chosen_on_the_chart_shows_its_sources_on_screen(timeline, width, height):
    """A window of 701 to 1000 px (a laptop at 150% or 200%, a tablet) lays the page out in one
    column: the panel came after the list and the map, 2,000 px down, and a click on the chart
    showed only the ring. It is the phone's sheet there too."""
    timeline.page.set_viewport_size({"width": width, "height": height})
    timeline.open()
    timeline.click_marker_of("death-toll")
    timeline.expect_selected("Death toll")
    expect(timeline.heading).to_be_in_viewport()
    timeline.page.keyboard.press("Escape")
    expect(timeline.page.locator("#event-title")).to_have_count(0)


def test_escape_closes_the_sheet_on_the_phone(phone):
    phone.open(event="death-toll")
    expect(phone.heading).to_be_in_viewport()
    phone.page.keyboard.press("Escape")
    expect(phone.page.locator("#event-title")).to_have_count(0)


def test_a_finger_on_the_chart_has_targets_its_size_and_leaves_no_hover_box(phone):
    """The chart's toolbar buttons are 24 px square at least (plotly's were 22 high); a finger's
    tap showed the marker's hover box, which nothing took away: it stayed over the chart and a
    lane's name once the event's sheet had opened (it says the same)."""
    phone.open()
    sizes = phone.page.locator("#timeline .modebar-btn").evaluate_all(
        "buttons => buttons.filter(b => getComputedStyle(b).display !== 'none')"
        ".map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
    )
    assert sizes and all(width >= 24 and height >= 24 for width, height in sizes), sizes
    phone.tap_marker_of("detentions")
    phone.expect_selected("Mass detentions")
    phone.settle()
    expect(phone.page.locator("#timeline .hoverlayer .hovertext")).not_to_be_visible()


def test_the_panel_s_close_is_a_target_24_px_high_at_least(timeline):
    # (on a desktop it was 62 x 19 px: a review's finding)
    timeline.open(event="death-toll")
    close = timeline.panel.locator(".close").first
    expect(close).to_be_visible()
    box = close.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, box


def test_the_share_box_stays_on_the_phone_s_screen(phone):
    phone.open(event="death-toll")
    phone.page.locator(".share-summary").click()
    box = phone.page.locator(".share-box")
    expect(box).to_be_visible()
    left, right = box.evaluate("b => [b.getBoundingClientRect().left, b.getBoundingClientRect().right]")
    assert left >= 0 and right <= 390 and phone.sideways_scroll() == 0


@pytest.mark.parametrize(
    "lang, widths",
    [
        ("en", [720, 900]),  # (720: a desktop at 200% zoom, a tablet: one column)
        ("ar", [720, 900]),
        ("ru", [320]),  # (Share on a line of its own, at its start: the box opened 155 px off the left edge)
    ],
    ids=["en", "ar", "ru"],
)
def test_the_share_box_stays_on_a_narrow_window_s_screen(page, kazakhstan_url, lang, widths):
    page.set_viewport_size({"width": widths[0], "height": 900})
    timeline = TimelinePage(page, kazakhstan_url, lang).open(event="death-toll", query=f"lang={lang}")
    summary, box = timeline.page.locator(".share-summary"), timeline.page.locator(".share-box")
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        summary.click()
        expect(box).to_be_visible()
        left, right = box.evaluate("b => [b.getBoundingClientRect().left, b.getBoundingClientRect().right]")
        assert left >= 0 and right <= width and timeline.sideways_scroll() == 0, width
        summary.click()  # (closed again)
        expect(box).not_to_be_visible()


def test_tab_out_of_the_share_box_closes_it_so_it_covers_no_control(timeline):
    # (Left open, it covered the filters the keyboard went on to.)
    page = timeline.open().page
    page.locator(".share-summary").click()
    box = page.locator(".share-box")
    expect(box).to_be_visible()
    inside = "() => !!document.activeElement.closest('.share')"
    page.keyboard.press("Tab")
    assert page.evaluate(inside)
    expect(box).to_be_visible()  # (within it, it stays open)
    for _ in range(8):
        page.keyboard.press("Tab")
        if not page.evaluate(inside):
            break
    assert not page.evaluate(inside)
    expect(box).not_to_be_visible()
    # The control focus went to is not under anything: the topmost element at its centre is it.
    assert page.evaluate(
        """() => { const e = document.activeElement, r = e.getBoundingClientRect();
                   const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                   return e === top || e.contains(top) || (top && top.contains(e)); }"""
    )


def test_share_s_name_is_its_word_without_the_arrow(timeline):
    timeline.open()
    expect(timeline.page.locator(".share-summary")).to_have_accessible_name("Share")


# ---------------------------------------------------------------- the panel --------------


@pytest.fixture(scope="module")
def chronology(tmp_path_factory):
    """The default data under another name, with a description of paragraphs and 300 rows
    that are left out (a date that does not exist)."""
    path = tmp_path_factory.mktemp("chronology") / "chronology.csv"
    shutil.copyfile(ROOT / "events.csv", path)
    rows = [
        'paragraphs,2022-01-08,,Three paragraphs,"The first paragraph.\n\nThe second, '
        'on\ntwo lines.\n\n\nThe third.",protest,Almaty,43.2389,76.8897,Reuters,,,,,,\n'
    ]
    rows += [f"bad-{i},2022-02-30,,Bad {i},,protest,,,,Reuters,,,,,,\n" for i in range(300)]
    with open(path, "a", encoding="utf-8") as out:
        out.writelines(rows)
    with serve(path) as url:
        yield url


def test_blank_lines_are_paragraphs_and_the_row_note_names_the_file(page, chronology):
    timeline = TimelinePage(page, chronology).open(event="paragraphs")
    expect(timeline.heading).to_have_text("Three paragraphs")
    paragraphs = timeline.panel.locator(".description")
    expect(paragraphs).to_have_count(3)
    expect(paragraphs.nth(1)).to_have_text("The second, on\ntwo lines.")
    expect(timeline.panel.locator(".row-ref")).to_have_text(" (chronology.csv row 84)")


@pytest.mark.parametrize("width, height", [(1440, 900), (1024, 768)])
def test_hundreds_of_problems_are_one_line_and_the_chart_stays_above_the_fold(page, chronology, width, height):
    page.set_viewport_size({"width": width, "height": height})
    timeline = TimelinePage(page, chronology).open()
    expect(timeline.problems_line).to_have_text("300 rows of chronology.csv were left out: details")
    expect(timeline.problems_list).to_be_hidden()
    line = timeline.problems.bounding_box()
    assert line["height"] < 50, "one line"
    chart = timeline.chart_box()
    # (The chart is as tall as its lanes of titles need, 700-850 px here: its dates, above the
    # lanes, and its top rows, not half of it, are what the first screen can hold.)
    ticks = page.locator("#timeline .xtick text")
    boxes = [tick.bounding_box() for tick in ticks.all()]
    assert len(boxes) >= 3 and all(0 <= box["y"] and box["y"] + box["height"] <= chart["y"] for box in boxes)
    assert chart["y"] + 200 < height, "the chart's first rows are on the first screen"
    timeline.problems_line.click()  # details on demand
    expect(timeline.problems_list).to_be_visible()
    expect(timeline.problems_list).to_contain_text("row 85, date")
    assert timeline.problems.bounding_box()["height"] < height / 2, "the open list scrolls in its box"
    assert timeline.page_accessibility_problems() == []


def test_closing_with_a_click_leaves_the_page_where_the_reader_is(timeline):
    """Close, clicked, returns focus to the event in the list without scrolling the page down to
    it: the reader was at the chart. (From the keyboard the list scrolls to it: see above.)"""
    timeline.open()
    timeline.page.mouse.wheel(0, 300)
    timeline.page.wait_for_function("() => window.scrollY > 200")
    timeline.click_marker_of("death-toll")
    expect(timeline.heading).to_have_text("Death toll")
    before = timeline.scroll_y()
    timeline.panel.locator("a.close").click()
    expect(timeline.heading).to_have_count(0)
    expect(timeline.list_link("death-toll")).to_be_focused()
    assert abs(timeline.scroll_y() - before) < 2, (before, timeline.scroll_y())


def test_a_mark_tapped_low_on_the_phone_is_scrolled_above_the_sheet_it_opens(phone):
    """The sheet covers the screen's lower part: the mark just tapped, the one the reader is
    reading about, was left under it (its ring too)."""
    phone.open()
    point = phone.scroll_to_marker("shoot-to-kill-order")
    phone.page.evaluate("(dy) => window.scrollBy(0, dy)", point["y"] - 700)  # (low: where the sheet will be)
    point = phone.point_of("shoot-to-kill-order")
    assert point["y"] > 650, point
    phone.page.touchscreen.tap(point["x"], point["y"])
    phone.expect_selected("Tokayev orders forces to shoot to kill")
    top = phone.panel.bounding_box()["y"]
    after = phone.point_of("shoot-to-kill-order")
    assert 0 < after["y"] < top - 24, (after, top)
    # a tap on a mark already above the sheet leaves the page where it is (once the chart is drawn
    # again for the choice: a mark measured before moves as the chosen one's title is set apart)
    phone.settle()
    before, point = phone.scroll_y(), phone.point_of("national-internet-blackout")
    assert 0 < point["y"] < top - 24, (point, top)
    phone.page.touchscreen.tap(point["x"], point["y"])
    phone.expect_selected("National internet blackout")
    assert abs(phone.scroll_y() - before) < 2


def test_an_event_tapped_low_in_the_list_on_the_phone_is_scrolled_above_the_sheet_it_opens(phone):
    """As a mark on the chart is: the list's row the reader tapped was left under the sheet."""
    phone.open()
    row = phone.list_link("detentions")
    row.scroll_into_view_if_needed()
    box = row.bounding_box()
    phone.page.evaluate("(dy) => window.scrollBy(0, dy)", box["y"] - 760)  # (low: where the sheet will be)
    box = row.bounding_box()
    assert box["y"] > 700, box
    phone.page.touchscreen.tap(box["x"] + 20, box["y"] + box["height"] / 2)
    phone.expect_selected("Mass detentions")
    top = phone.panel.bounding_box()["y"]
    expect(phone.list_link("detentions")).to_be_in_viewport()
    after = phone.list_link("detentions").bounding_box()
    assert 0 < after["y"] and after["y"] + after["height"] < top, (after, top)


def test_closing_the_sheet_with_a_tap_leaves_the_page_where_the_reader_is(phone):
    phone.open()
    phone.tap_marker_of("detentions")
    expect(phone.heading).to_be_in_viewport()
    before = phone.scroll_y()
    phone.panel.locator("a.close").tap()
    expect(phone.page.locator("#event-title")).to_have_count(0)
    assert abs(phone.scroll_y() - before) < 2, (before, phone.scroll_y())


def test_states_drawn_in_colour_stay_seen_in_forced_colours(timeline):
    """Windows' high contrast themes replace backgrounds and drop shadows: the event chosen in the
    list, "Only what is on the map" pressed and an account's date that differs looked like the
    others. They take the theme's colours for a selection."""
    page = timeline.page
    page.emulate_media(forced_colors="active")
    try:
        timeline.open(event="almaty-airport-retaken", query="map=5/44/62&area=40,50,48,80")
        expect(page.locator("#map-only")).to_have_attribute("aria-pressed", "true")

        def background(selector: str) -> str:
            return page.locator(selector).first.evaluate("e => getComputedStyle(e).backgroundColor")

        chosen, other = background("#event-list li.selected a"), background("#event-list li:not(.selected) a")
        assert chosen != other
        assert background(".account-date.differs") != background(".account-date:not(.differs)")
        assert background("#map-only") != background("#export-csv")
    finally:
        page.emulate_media(forced_colors="none")


def test_the_window_s_title_names_the_event_shown(timeline):
    """(A tab, the browser's history and a screen reader's list of windows said the site's title
    on every event.)"""
    timeline.open(event="shoot-to-kill-order")
    expect(timeline.page).to_have_title("Tokayev orders forces to shoot to kill – Kazakhstan, January 2022: a timeline")
    timeline.page.keyboard.press("ArrowRight")
    expect(timeline.page).not_to_have_title(re.compile("^Tokayev orders forces"))
    expect(timeline.page).to_have_title(timeline.heading.inner_text() + " – Kazakhstan, January 2022: a timeline")
    timeline.close_panel()
    expect(timeline.page).to_have_title("Kazakhstan, January 2022: a timeline")


def test_a_figures_table_wider_than_a_phone_s_sheet_scrolls_in_its_box(browser, kazakhstan_url):
    """At 320 px in Russian, the table of how a figure changed was 361 px wide in a sheet of 318:
    the whole sheet scrolled sideways, Close with it. The table scrolls in its own box, which a
    keyboard reaches and scrolls."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    try:
        timeline = TimelinePage(context.new_page(), kazakhstan_url, "ru").open(event="death-toll", query="lang=ru")
        box = timeline.page.locator(".step-table-box")
        expect(box).to_have_attribute("tabindex", "0")
        sheet = timeline.panel.evaluate("s => [s.scrollWidth, s.clientWidth]")
        assert sheet[0] <= sheet[1], sheet
        wide, room = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        assert wide > room  # (the words whole: the box scrolls)
    finally:
        context.close()


def test_what_the_view_shows_is_said_after_keys_pressed_in_a_row_and_the_buttons_that_widen_it(timeline):
    """Keys pressed one after another: what a screen reader is told is the view the chart ends
    on (it was told the first answer alone, the view it named gone); "Show the whole span" and
    the buttons that widen the view are said too (they were not), and the keys where it meets
    the chart (only a mouse's tooltip named them)."""
    timeline.open(query="zoom=2022-01-01/2022-01-21")
    timeline.page.locator("h1").click()
    for _ in range(3):
        timeline.page.keyboard.press("+")
        timeline.page.wait_for_timeout(120)
    view_said = timeline.chart_summary.locator(".view-said")
    expect(timeline.announcer).to_have_text(re.compile(r"^The view shows .* events in view\.$"), timeout=10_000)
    timeline.settle()
    expect(timeline.announcer).to_have_text(view_said.inner_text().strip())
    # the address holds the view the chart ended on (a key's view asked for as the chart was drawn
    # again for the key before was never asked for: the address and the count kept that one)
    shown = timeline.page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range")
    written = "/".join(moment.replace(" ", "T") for moment in shown)  # (as the address writes a zoom)
    pattern = re.escape(written).replace(":", "(?::|%3A)").replace("/", "(?:/|%2F)")
    expect(timeline.page).to_have_url(re.compile(rf"[?&]zoom={pattern}(&|$)"))
    timeline.page.get_by_role("button", name="Show the whole span").click()
    expect(timeline.announcer).to_have_text(re.compile(r"^Timeline chart: 35 events, "))
    figure = timeline.page.get_by_role("figure", name="Timeline chart: 35 events", exact=False)
    expect(figure.locator(".chart-alternative")).to_contain_text("with Shift they move the chart's view")


def test_what_the_view_shows_is_said_when_a_busy_server_answers_keys_in_a_row_slowly(timeline):
    """A server's answers more than a moment apart (two test processes busy beside each other):
    the first was said, and the view the chart ended on, answered later, was never said."""
    timeline.open(query="zoom=2022-01-01/2022-01-21")
    # each answer of what the view shows a second after the one before
    timeline.page.evaluate(
        """() => { const send = window.fetch; let asked = 0;
        window.fetch = function (resource, options) {
          const body = options && typeof options.body === "string" ? options.body : "";
          if (!body.includes("chart-summary")) return send.apply(this, arguments);
          const late = 1000 * asked++;
          return send.call(this, resource, options).then((answer) => new Promise((done) => setTimeout(() => done(answer), late)));
        }; }"""
    )
    timeline.page.locator("h1").click()
    for _ in range(3):
        timeline.page.keyboard.press("+")
        timeline.page.wait_for_timeout(120)
    view_said = timeline.chart_summary.locator(".view-said")
    expect(view_said).to_contain_text("9 January 2022, 18:00 to 12 January 2022, 06:00", timeout=15_000)
    expect(timeline.announcer).to_have_text(view_said.inner_text().strip(), timeout=5_000)


def test_the_keyboard_moves_and_zooms_the_chart_s_view(timeline):
    """A pointer drags and wheels the chart; a keyboard had only the edge buttons, which widen it
    to every event beyond: Shift with → moves the view half its width later, − zooms out about its
    middle, + in; each into the address, as a drag's view is."""

    def zoom() -> str:
        return re.search(r"[?&]zoom=([^&]+)", timeline.page.url)[1].replace("%2F", "/").replace("%3A", ":")

    def after(key: str) -> list[float]:
        timeline.settle()
        before = zoom()
        timeline.page.keyboard.press(key)
        timeline.page.wait_for_function(
            "(before) => !location.search.replace(/%2F/g, '/').replace(/%3A/g, ':').includes('zoom=' + before)",
            arg=before,
            timeout=10_000,
        )
        timeline.settle()
        return [seconds(moment) for moment in zoom().split("/")]

    timeline.open(query="zoom=2022-01-08/2022-01-11")
    # (the toolbar's hint says so: it named only ← and →)
    expect(timeline.keys_hint).to_have_attribute("title", re.compile(r"with Shift .* \+ and − zoom"))
    before = timeline.in_view.inner_text()
    timeline.page.locator("h1").click()
    assert after("Shift+ArrowRight") == [seconds("2022-01-09T12:00"), seconds("2022-01-12T12:00")]
    expect(timeline.in_view).not_to_have_text(before)
    # a screen reader is told what the view shows now (it was told only the map's count)
    expect(timeline.announcer).to_have_text(
        re.compile(r"^The view shows 9 January 2022 to 12 January 2022: 8 of 35 events in view")
    )
    assert not re.search(r"[?&]event=", timeline.page.url)  # (no event chosen: → alone would have)
    low, high = after("-")
    assert (high - low, (low + high) / 2) == (6 * 86400, seconds("2022-01-11T00:00"))
    expect(timeline.announcer).to_have_text(re.compile(r"^The view shows 8 January 2022 to 14 January 2022: "))
    assert after("+") == [seconds("2022-01-09T12:00"), seconds("2022-01-12T12:00")]
