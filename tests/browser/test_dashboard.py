"""The dashboard, item by item as viewers use it (issue 3), on the Kazakhstan dataset."""

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from .pages import TimelinePage

TOTAL = "35 of 35 events"


# 1. The timeline
def test_chart_has_a_lane_per_category_and_a_legend_for_the_marks(timeline):
    timeline.open()
    # each lane's name after a dot of its colour ("● protest"): colour means category
    ticks = [t.lstrip("● ") for t in timeline.page.locator("#timeline .ytick text").all_text_contents()]
    for lane in ("protest", "government", "security", "international", "casualties"):
        assert lane in ticks
    names = timeline.trace_names()
    assert "Disputed: sources disagree on the date" in names
    assert "Span (lasts a while)" in names
    expect(timeline.page.locator("#timeline .legend")).to_contain_text("Disputed: sources disagree on the date")


def test_hover_shows_the_date_at_its_precision_and_the_title(timeline):
    timeline.open()
    text = timeline.hover_marker_of("national-internet-blackout")
    assert "5 January 2022, 16:30" in text
    assert "National internet blackout" in text
    assert "7 January 2022" in timeline.hover_marker_of("shoot-to-kill-order")


def test_events_on_the_same_day_in_one_lane_do_not_hide_each_other(timeline):
    timeline.open()
    # The two protest events of 5 January, city hall stormed and the airport seized: each is drawn
    # on a row of its own, with its title, and nothing on the chart covers another.
    titles = timeline.titles_in_view()
    assert titles["almaty-akimat-stormed"] == "Almaty city hall stormed and set on fire"
    assert titles["almaty-airport-seized"] == "Almaty airport seized"
    stormed, seized = (timeline.point_of(e) for e in ("almaty-akimat-stormed", "almaty-airport-seized"))
    assert abs(stormed["y"] - seized["y"]) >= 11  # a marker is 11 px across: on rows apart
    assert timeline.label_overlaps() == []


def test_zoom_then_reset_to_the_whole_span(timeline):
    timeline.open()
    before = timeline.x_range()
    timeline.drag_zoom(0.3, 0.5)
    timeline.page.wait_for_function(
        "(r) => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range[0] !== r[0]", arg=before
    )
    # (no plotly note "Double-click to zoom back out" over the As of box: the button says it)
    assert timeline.page.locator(".plotly-notifier .notifier-note").count() == 0
    timeline.page.locator("#reset-zoom").click()
    # The whole span: from the 2017 sentence to the 2023 verdict, wider than the opening view
    # (which focuses on January 2022).
    timeline.page.wait_for_function(
        """() => { const r = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range;
                   return r[0] < '2017-06-07' && r[1] > '2023-04-24'; }"""
    )
    assert before[0] > "2021" and before[1] < "2022-02"


def test_the_slider_s_marks_show_whole(timeline):
    # (the first lane's marks sat on the slider's top edge, cut in half)
    timeline.open()
    slider = timeline.page.locator("#timeline .rangeslider-container").first
    slider.scroll_into_view_if_needed()
    outside, drawn = slider.evaluate(
        """g => { const r = g.querySelector('.rangeslider-bg').getBoundingClientRect();
             const marks = [...g.querySelectorAll('.point')].map(p => p.getBoundingClientRect());
             return [marks.filter(b => b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5).length, marks.length]; }"""
    )
    assert drawn > 20 and outside == 0, (outside, drawn)


def test_the_slider_s_narrow_window_is_moved_by_a_drag_not_widened(timeline):
    """The opening view (three weeks of six years) is a window 7 px wide on the range slider, all
    under the grab areas of its two edges: a drag of it widened the view to half a year."""
    timeline.open()
    before = [seconds(end) for end in timeline.x_range()]
    window = timeline.page.locator("#timeline .rangeslider-slidebox")
    window.scroll_into_view_if_needed()
    box = window.bounding_box()
    assert box["width"] < 20
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    timeline.page.mouse.move(x, y)
    timeline.page.mouse.down()
    timeline.page.mouse.move(x - 60, y, steps=6)
    timeline.page.mouse.up()
    zoom = [seconds(end) for end in zoom_in_address(timeline)]
    assert zoom[0] < before[0] - 30 * 86400  # (moved back, by months)
    assert abs((zoom[1] - zoom[0]) - (before[1] - before[0])) < 0.01 * (before[1] - before[0])  # (as wide)
    # The whole span: the window as wide as the slider, its edges grabbed again.
    timeline.page.locator("#reset-zoom").click()
    expect(timeline.page.locator("#timeline .js-plotly-plot")).not_to_have_class(re.compile("slider-window-narrow"))


# 2. The side panel of sources
def test_clicking_a_marker_opens_every_account_of_the_event(timeline):
    timeline.open()
    timeline.click_marker_of("shoot-to-kill-order")
    timeline.expect_selected("Tokayev orders forces to shoot to kill")
    timeline.expect_event_param("shoot-to-kill-order")
    # The chart rings the selected event.
    timeline.page.wait_for_function(
        """() => document.querySelector('#timeline .js-plotly-plot')._fullData
                   .some(t => t.name === 'Selected' && t.x.length === 1)""",
        polling=200,
    )
    text = timeline.panel_text()
    for outlet in ("Los Angeles Times", "France 24", "EFE", "franceinfo"):
        assert outlet in text
    assert "Sources disagree on the date" in text
    assert "7 January 2022" in text and "8 January 2022" in text
    assert "claim by Kassym-Jomart Tokayev" in text


def test_source_links_open_in_a_new_tab_without_referrer_and_are_http(timeline):
    timeline.open(event="shoot-to-kill-order")
    links = timeline.panel.locator("a.source-link")
    expect(links).to_have_count(1)
    assert links.get_attribute("href").startswith("https://www.latimes.com/")
    assert links.get_attribute("target") == "_blank"
    assert set(links.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    for href in timeline.page.locator("a[href]").evaluate_all("els => els.map(e => e.href)"):
        assert href.startswith(("http://", "https://")), href


def test_overview_with_nothing_selected_and_an_outlet_filters(timeline):
    timeline.open(settle=False)  # a viewer who clicks as soon as the page shows: not lost
    text = timeline.panel_text()
    assert "35 events, 7 June 2017 to 24 April 2023" in text
    assert "protest: 5" in text
    assert "RFE/RL (9)" in text
    timeline.panel.get_by_role("button", name="Los Angeles Times (2)").click()
    expect(timeline.counter).to_have_text("2 of 35 events")
    expect(timeline.page).to_have_url(re.compile(r"source=Los\+Angeles\+Times"))


# 3. Filters and the counter
def test_category_filter_counts(timeline):
    timeline.open()
    timeline.toggle_category("security")
    expect(timeline.counter).to_have_text("3 of 35 events")
    expect(timeline.page).to_have_url(re.compile(r"category=security"))
    timeline.toggle_category("protest")
    expect(timeline.counter).to_have_text("8 of 35 events")


def test_outlet_dropdown_filters(timeline):
    timeline.open()
    timeline.page.locator("#source-filter").click()
    timeline.page.get_by_role("checkbox", name=re.compile(r"^AFP \(7\)")).click()
    timeline.page.keyboard.press("Escape")
    expect(timeline.counter).to_have_text("5 of 35 events")  # 7 accounts about 5 events


def test_text_search_and_date_range(timeline):
    timeline.open()
    timeline.search("massimov")
    expect(timeline.counter).to_have_text("3 of 35 events")
    timeline.search("")
    expect(timeline.counter).to_have_text(TOTAL)
    timeline.set_dates("2022-01-10", "2022-01-11")
    expect(timeline.counter).to_have_text("8 of 35 events")
    titles = timeline.event_list.locator(".title").all_inner_texts()
    assert "National day of mourning" in titles and "Smailov confirmed as prime minister" in titles
    assert "Protests begin in Zhanaozen" not in titles
    assert "CSTO troops deployed" in titles  # a span that covers those days


def test_what_is_typed_into_a_box_stays_in_order_on_a_busy_page(timeline):
    # Dash's text boxes put the caret back a moment after each key. On a busy page (a phone
    # drawing the chart) the next key came first and the caret went back over it: typed at
    # once, "8 January 2022" became "8 Janar 0222yu" (assets/dash_input.js).
    timeline.open()
    timeline.settle()
    timeline.page.evaluate(
        "() => { window.busy = setInterval(() => { const t = performance.now();"
        " while (performance.now() - t < 60) {} }, 5); }"
    )
    for box in ("search", "date-from", "date-to", "as-of"):
        field = timeline.page.locator(f"#{box}")
        field.focus()
        timeline.page.keyboard.type("8 January 2022")
        expect(field).to_have_value("8 January 2022")
    timeline.page.evaluate("() => clearInterval(window.busy)")


# 4. Permalinks and history
def test_permalink_opens_with_event_and_filters(timeline):
    timeline.open(event="csto-deployment", query="category=international&q=csto")
    timeline.expect_selected("CSTO troops deployed")
    expect(timeline.page.locator("#category-filter input[value=international]")).to_be_checked()
    expect(timeline.page.locator("#search")).to_have_value("csto")
    expect(timeline.counter).to_have_text("6 of 35 events")


def test_a_link_with_an_outlet_opens_on_that_outlet(timeline):
    """The Outlets dropdown had no choices until a callback filled them, and dropped the
    address's outlet as the page opened: every shared link filtered by outlet opened on all 35."""
    timeline.open(query="source=tass&category=international")  # (in other capitals: as the dropdown has it)
    expect(timeline.counter).to_have_text("2 of 35 events")
    expect(timeline.page).to_have_url(re.compile(r"\?category=international&source=TASS$"))
    expect(timeline.page.locator("#source-filter")).to_contain_text("TASS")
    # A link from an older file: an outlet it has not is left out, and said.
    timeline.open(query="source=Gone+Wire&source=AP")
    expect(timeline.counter).to_have_text("3 of 35 events")
    expect(timeline.page.locator("#problems")).to_contain_text("'source' 'Gone Wire' is not an outlet of this timeline")


def seconds(moment: str) -> float:
    """A plotly axis end ('2022-01-06 12:00:00.123') or an address one ('2022-01-06T12:00') as seconds."""
    return datetime.fromisoformat(moment.replace(" ", "T")).timestamp()


def zoom_in_address(timeline) -> list[str]:
    expect(timeline.page).to_have_url(re.compile(r"[?&]zoom=[^&]+/"), timeout=10_000)
    return re.search(r"[?&]zoom=([^&]+)", timeline.page.url)[1].split("/")


def test_a_zoom_away_from_the_event_selected_is_kept_and_shared_as_it_is(timeline):
    # The 2017 sentence selected, then a zoom into the last part of the span, far from it.
    timeline.open("ablyazov-sentenced-in-absentia")
    before = timeline.in_view.inner_text()
    timeline.drag_zoom(0.7, 0.95)
    zoom = zoom_in_address(timeline)
    assert seconds(zoom[0]) > seconds("2018-01-01T00:00")  # (the event selected is out of it)
    assert [abs(seconds(a) - seconds(b)) < 1 for a, b in zip(zoom, timeline.x_range())] == [True, True]
    expect(timeline.in_view).not_to_have_text(before)  # (counted for the zoom: the callback has answered)
    said = timeline.in_view.inner_text()
    # The link, opened afresh: the same range, the same event, the same count in view.
    link = timeline.page.url
    timeline.page.goto("about:blank")
    timeline.page.goto(link)
    timeline.wait_until_drawn()
    assert [seconds(m) for m in timeline.x_range()] == [seconds(m) for m in zoom]
    timeline.expect_event_param("ablyazov-sentenced-in-absentia")
    expect(timeline.in_view).to_have_text(said)
    assert zoom_in_address(timeline) == zoom


def test_a_zoom_is_in_the_address_so_a_link_shares_the_view(timeline):
    timeline.open(query="category=protest")
    timeline.drag_zoom(0.2, 0.45)
    zoom = zoom_in_address(timeline)
    shown = timeline.x_range()
    assert [abs(seconds(a) - seconds(b)) < 1 for a, b in zip(zoom, shown)] == [True, True]
    link = timeline.page.url
    assert "category=protest" in link
    # The link, opened afresh, shows the same time range and filters.
    timeline.page.goto("about:blank")
    timeline.page.goto(link)
    timeline.wait_until_drawn()
    assert [seconds(m) for m in timeline.x_range()] == [seconds(m) for m in zoom]
    expect(timeline.counter).to_have_text(re.compile(r"^\d+ of 35 events$"))
    assert timeline.counter.inner_text() != TOTAL
    # Selecting an event in view keeps the zoom in the new address; a zoom is not a step back.
    expect(timeline.marker_points().first).to_be_visible()
    timeline.click_marker(0)
    expect(timeline.page).to_have_url(re.compile(r"[?&]event=[a-z0-9-]+"), timeout=10_000)
    assert zoom_in_address(timeline) == zoom
    timeline.page.go_back()
    expect(timeline.page).not_to_have_url(re.compile(r"[?&]event="))
    assert zoom_in_address(timeline) == zoom
    # A link in the list carries no zoom: the zoom in force stays (moved to show the event).
    timeline.click_list_item("Protests begin in Zhanaozen")
    timeline.expect_event_param("zhanaozen-protest-begins")
    moved = zoom_in_address(timeline)
    width = seconds(zoom[1]) - seconds(zoom[0])
    assert abs((seconds(moved[1]) - seconds(moved[0])) - width) <= 2
    timeline.page.go_back()
    expect(timeline.page).not_to_have_url(re.compile(r"[?&]event="))
    # (The step back drawn, as a viewer sees it, before Reset: a Reset pressed while the page
    # still answers the step can be overtaken by it, on a slow machine.)
    timeline.page.wait_for_function(
        """(zoom) => { const at = (t) => Date.parse(String(t).replace(' ', 'T') + 'Z');
                       const range = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range;
                       return range.every((x, i) => Math.abs(at(x) - at(zoom[i])) < 1000); }""",
        arg=zoom,
        timeout=15_000,
    )
    # The whole span: the address says so too, as "all" (a range would leave out the events
    # appended after the link is shared), and the link opens on every event.
    timeline.page.locator("#reset-zoom").click()
    expect(timeline.page).to_have_url(re.compile(r"[?&]zoom=all(&|$)"), timeout=10_000)
    whole = timeline.x_range()
    assert seconds(whole[0]) < seconds(zoom[0]) and seconds(whole[1]) > seconds(zoom[1])
    link = timeline.page.url
    timeline.page.goto("about:blank")
    timeline.page.goto(link)
    timeline.wait_until_drawn()
    expect(timeline.counter).to_have_text(re.compile(r"^\d+ of 35 events$"))
    assert [seconds(m) for m in timeline.x_range()] == [seconds(m) for m in whole]
    assert "zoom=all" in timeline.page.url


def test_back_and_forward_walk_through_selections(timeline):
    timeline.open(event="government-resigns")
    timeline.click_list_item("National day of mourning")
    timeline.expect_selected("National day of mourning")
    timeline.click_list_item("CSTO video summit")
    timeline.expect_selected("CSTO video summit")
    timeline.page.go_back()
    timeline.expect_selected("National day of mourning")
    timeline.page.go_back()
    timeline.expect_selected("Mamin government resigns")
    timeline.page.go_forward()
    timeline.expect_selected("National day of mourning")


def test_back_leaves_a_page_whose_address_was_tidied(timeline):
    """A link with what the page leaves out of its address (a tracker's fbclid, a category of
    no lane): the tidied address was pushed as a step of its own, and Back went to the untidy
    one, which was tidied and pushed again: the viewer could never go back to the article."""
    timeline.page.goto("about:blank")
    timeline.open(event="death-toll", query="fbclid=IwAR0abc&category=Gone")
    expect(timeline.page).to_have_url(re.compile(r"/\?event=death-toll$"))
    timeline.page.go_back()
    expect(timeline.page).to_have_url("about:blank")
    timeline.page.go_forward()
    timeline.wait_until_drawn()
    expect(timeline.page).to_have_url(re.compile(r"/\?event=death-toll$"))
    timeline.expect_selected("Death toll")


# 5. Stepping
def test_previous_next_buttons_and_arrow_keys_follow_date_order(timeline):
    # 10 January: the day of mourning, then the CSTO summit, as events.csv lists them.
    timeline.open(event="national-day-of-mourning")
    timeline.next()
    timeline.expect_selected("CSTO video summit")
    timeline.previous()
    timeline.expect_selected("National day of mourning")
    timeline.page.locator("body").click(position={"x": 5, "y": 5})
    timeline.page.keyboard.press("ArrowLeft")
    timeline.expect_selected("Snipers fire on crowd at Nazarbayev's residence (claim)")
    timeline.page.keyboard.press("ArrowRight")
    timeline.expect_selected("National day of mourning")


def test_on_the_first_screen_next_and_previous_lead_into_the_month_it_shows(timeline):
    """The page opens on January 2022 ("30 of 35 events in view"): Next led to 2017's sentence
    and Previous to 2023's, the file's first and last events, years outside the first screen."""
    timeline.open()
    expect(timeline.in_view).to_have_text("30 of 35 events in view")
    expect(timeline.page.locator("#next-event")).to_contain_text("Gas price rises")
    expect(timeline.page.locator("#prev-event")).to_contain_text("CSTO troops withdraw")
    timeline.next()
    timeline.expect_selected("Gas price rises to 120 tenge a litre in Mangystau")


def test_from_no_event_next_and_previous_lead_into_the_zoomed_view(timeline):
    """Zoomed to 8-11 January with nothing chosen, Next went to 2017's sentence and Previous to
    the file's last event: the viewer was taken away from the days they were reading."""
    timeline.open(query="zoom=2022-01-08/2022-01-11")
    # (not the internet shutdown: its bar crosses the view, but its mark, where it starts, is on the 4th)
    expect(timeline.page.locator("#next-event")).to_contain_text("Snipers fire on crowd")
    expect(timeline.page.locator("#prev-event")).to_contain_text("CSTO video summit")  # the last in it
    timeline.next()
    timeline.expect_selected("Snipers fire on crowd at Nazarbayev's residence (claim)")
    expect(timeline.page).to_have_url(re.compile(r"zoom=2022-01-08"))
    # Zoomed again, to days with no event: the nearest beyond the view's edge.
    timeline.open(query="zoom=2022-01-21/2022-01-24")
    timeline.previous()
    timeline.expect_selected("CSTO troops withdraw")  # 13-19 January: of the spans that end on the 19th, the last


def test_steps_taken_faster_than_the_server_answers_are_each_taken(timeline):
    """Three presses of the left arrow before the first is answered: each call went from the
    address before the first, and Dash keeps the last call's answer, so the viewer moved one
    event, not three. Each goes on from the one before now."""
    timeline.answer_steps_slowly(600)
    timeline.open(event="national-day-of-mourning")
    timeline.page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(3):
        timeline.page.keyboard.press("ArrowLeft")
        timeline.page.wait_for_timeout(100)
    timeline.expect_event_param("detentions")
    timeline.settle()
    timeline.expect_event_param("detentions")
    timeline.expect_selected("Mass detentions")
    expect(timeline.event_list.locator("li[aria-current=true]")).to_contain_text("Mass detentions")
    assert timeline.slowed_steps() >= 3


def test_steps_queued_longer_than_the_wait_for_a_hung_step_are_each_taken(timeline):
    """Four quick steps, each answered 0.7 s late, with a hung step given up after 1.5 s: the
    last ones waited in line for longer than that, and were given up on while still being
    answered (the wait counted from the press, not from the call's sending): a step was lost."""
    timeline.answer_steps_slowly(700)
    timeline.open(event="national-day-of-mourning")
    timeline.page.evaluate("() => { window.timelineHungMs = 1500; }")
    timeline.page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(4):
        timeline.page.keyboard.press("ArrowLeft")
        timeline.page.wait_for_timeout(100)
    timeline.page.wait_for_timeout(3000)
    timeline.settle()
    timeline.expect_event_param("death-toll")
    timeline.expect_selected("Death toll")
    assert timeline.slowed_steps() >= 4


def test_a_step_the_server_never_answers_does_not_hold_the_next_ones(timeline):
    """The first step's call is never answered (a server that hangs): the viewer's next step
    waited for it, and every step after, for as long as the page was open. It is waited for a
    few seconds now (8; here 3, as long as a busy machine's answers have taken), then the step
    goes on from where the page is."""
    timeline.answer_steps_slowly(100)
    timeline.open(event="mangystau-gas-price-cap")
    timeline.page.evaluate("() => { window.timelineHungMs = 3000; }")
    timeline.never_answer_the_next_step()
    timeline.next()
    timeline.page.wait_for_timeout(300)
    timeline.next()
    expect(timeline.page).to_have_url(re.compile(r"[?&]event=almaty-republic-square-protest(&|$)"), timeout=15_000)
    timeline.expect_selected("Clashes on Almaty's Republic Square")
    timeline.next()
    expect(timeline.page).not_to_have_url(re.compile(r"[?&]event=almaty-republic-square-protest(&|$)"), timeout=3_000)
    assert timeline.slowed_steps() >= 3


def test_a_click_on_the_event_a_slow_step_goes_to_keeps_that_event(timeline):
    """Next, then a click on the event Next goes to, before Next is answered: the click's call
    changes nothing from where Next leaves the address (its answer is empty), and Dash drops
    Next's answer for it: the page stayed on the event before, its address too."""
    timeline.answer_steps_slowly(600)
    timeline.open(event="mangystau-gas-price-cap")
    point = timeline.scroll_to_marker("almaty-republic-square-protest")
    timeline.next()
    timeline.page.mouse.click(point["x"], point["y"])
    timeline.expect_event_param("almaty-republic-square-protest")
    timeline.settle()
    timeline.expect_event_param("almaty-republic-square-protest")
    timeline.expect_selected("Clashes on Almaty's Republic Square")
    assert timeline.slowed_steps() >= 2


def test_stepping_stays_within_the_filtered_events(timeline):
    timeline.open(event="shoot-to-kill-order", query="category=security")
    timeline.previous()
    timeline.expect_selected("Who caused the violence")


# 6. The chronological list
def test_list_items_are_permalinks_and_keyboard_usable(timeline):
    timeline.open(query="category=legal")
    links = timeline.event_list.locator("a")
    expect(links).to_have_count(6)
    assert "event=massimov-sentenced" in links.last.get_attribute("href")
    assert "category=legal" in links.last.get_attribute("href")
    links.first.focus()
    timeline.page.keyboard.press("Enter")
    timeline.expect_selected("Ablyazov sentenced in absentia to 20 years")
    expect(timeline.event_list.locator("li[aria-current=true]")).to_contain_text("Ablyazov sentenced")


@pytest.mark.parametrize("width", [794])  # (A4's width in CSS pixels: the phone's sheet was fixed over the chart)
def test_a_printed_event_has_its_every_account_and_no_controls(timeline, width):
    """The panel was a scroll box the window's height, its accounts cut off on paper (and on a
    page as narrow as A4, the phone's sheet fixed over the chart on every page)."""
    page = timeline.page
    page.set_viewport_size({"width": width, "height": 900})
    timeline.open("death-toll")
    page.emulate_media(media="print")
    panel = page.evaluate(
        """() => { const p = document.querySelector('.sources-panel'); const s = getComputedStyle(p);
        return {position: s.position, scroll: p.scrollHeight, shown: p.clientHeight}; }"""
    )
    assert panel["position"] == "static" and panel["scroll"] <= panel["shown"] + 1, panel
    expect(page.locator(".sources-panel .account").last).to_be_visible()
    for control in ("#search", "#prev-event", ".share-summary", "#sources-panel .close"):
        expect(page.locator(control).first).to_be_hidden()
    # (a source's link written out, for a reader of the paper)
    linked = page.locator(".sources-panel a[href^='http']").first
    assert page.evaluate("(a) => getComputedStyle(a, '::after').content", linked.element_handle()).startswith('" (http')
    page.emulate_media(media="screen")


@pytest.mark.parametrize("width, languages", [(320, ("en", "fr", "ru", "kk", "ar")), (1280, ("fr", "kk"))])
def test_the_legend_takes_the_figure_s_width_and_the_margin_given_it(page, kazakhstan_url, width, languages):
    """At 320 px the legend began over the plot, beside the lane names: in Kazakh its entries, a
    word or two to a line, were 195 px high (117 now) and with the buttons above took the first screen. At
    1,280 px in Kazakh plotly.js laid it out on more rows than the server had left it room for,
    and grew the top margin after a first draw (the chart drawn twice, its lanes squeezed)."""
    page.set_viewport_size({"width": width, "height": 640})
    for lang in languages:
        TimelinePage(page, kazakhstan_url, lang).open(query=f"lang={lang}")
        legend, dates, margins = page.evaluate(
            """() => { const graph = document.querySelector('#timeline .js-plotly-plot');
            const figure = graph.querySelector('.main-svg').getBoundingClientRect();
            const legend = graph.querySelector('.legend').getBoundingClientRect();
            const dates = [...graph.querySelectorAll('.xtick text')].map(e => e.getBoundingClientRect().top);
            return [{left: legend.left - figure.left, height: legend.height, bottom: legend.bottom}, Math.min(...dates),
                    [['t', 'l', 'r'].map(side => graph.layout.margin[side]),
                     ['t', 'l', 'r'].map(side => Math.round(graph._fullLayout._size[side]))]]; }"""
        )
        assert legend["left"] < 30 and legend["height"] <= 120, (lang, legend)  # (its edge, a scrollbar's width)
        assert legend["bottom"] <= dates, (lang, legend, dates)  # (the dates under it, not under its last row)
        assert margins[0] == margins[1], (lang, margins)  # (the margins drawn are the ones given)


@pytest.mark.parametrize("lang, width", [("kk", 1000), ("en", 1280), ("kk", 320)])
def test_the_chart_s_toolbar_covers_no_entry_of_its_legend(page, kazakhstan_url, lang, width):
    """The toolbar, across the figure's top, was drawn over the legend's last entries ("Selected")
    whenever it showed: on hover, and always on a touch screen."""
    page.set_viewport_size({"width": width, "height": 800})
    TimelinePage(page, kazakhstan_url, lang).open(query=f"lang={lang}")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 200)
    expect(page.locator("#timeline .modebar-group").first).to_have_css("opacity", "1")
    crossed = page.evaluate(
        """() => { const bar = document.querySelector('#timeline .modebar').getBoundingClientRect();
        return [...document.querySelectorAll('#timeline .legend .traces')].map(e => e.getBoundingClientRect())
          .filter(r => r.left < bar.right && bar.left < r.right && r.top < bar.bottom && bar.top < r.bottom).length; }"""
    )
    assert crossed == 0
