"""The map beside the timeline (issue 12): marks for located events, linked both ways with the
chart, the list and the address; "Only what is on the map"; no request leaves the machine."""

import re
import time

import pytest
from playwright.sync_api import expect

from timeline.view.map import MAX_PLACES

from ..helpers import row
from .conftest import serve_rows
from .pages import TimelinePage

ALMATY = (43.2389, 76.8897)
AKTAU = (43.6532, 51.1975)


@pytest.fixture
def offline(page):
    """Every request to a host other than the app's own is refused and recorded."""
    asked = []

    def refuse(route):
        asked.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), refuse)
    return asked


def test_the_map_draws_its_own_basemap_and_a_mark_per_place_with_nothing_from_elsewhere(page, kazakhstan_url, offline):
    timeline = TimelinePage(page, kazakhstan_url).open()
    timeline.wait_for_map()
    expect(timeline.map_status).to_have_text(re.compile(r"^19 events on the map; 11 in view have no place$"))
    # Almaty, Aktau, Zhanaozen, the capital, Paris and Yerevan: six places for 19 events
    assert timeline.map_marks.count() == 6
    assert timeline.map.get_attribute("data-basemap") == "drawn"
    assert offline == []


@pytest.mark.parametrize("motion, animated", [("reduce", 0)])
def test_a_reader_who_asks_for_less_motion_gets_a_map_that_jumps(page, kazakhstan_url, motion, animated):
    """(Leaflet animates its zooms through a proxy it makes only for them; the map's zooms and pans
    were animated for a reader whose system asks for less motion.)"""
    page.emulate_media(reduced_motion=motion)
    TimelinePage(page, kazakhstan_url).open().wait_for_map()
    assert page.locator(".map .leaflet-proxy").count() == animated
    page.emulate_media(reduced_motion="no-preference")


def _mark_sizes(timeline) -> list[tuple[float, float]]:
    return [(box["width"], box["height"]) for box in (mark.bounding_box() for mark in timeline.map_marks.all())]


def test_every_mark_is_at_least_24_px_across_on_a_desktop_and_a_phone(timeline, phone_page, kazakhstan_url):
    # WCAG 2.2's least target size (2.5.8): a mark of one event was 14 px across, hard to tap.
    timeline.open(event="almaty-airport-seized", query="map=5/44/62")
    timeline.wait_for_map()
    sizes = _mark_sizes(timeline)
    assert sizes and all(min(size) >= 24 for size in sizes), sizes
    chosen = timeline.page.locator("#map path.map-mark.selected").bounding_box()
    assert chosen["width"] > min(width for width, _ in sizes)  # (the chosen event's, larger)
    phone = TimelinePage(phone_page, kazakhstan_url).open()
    phone.page.locator("#map-toggle").click()
    phone.wait_for_map(6)
    sizes = _mark_sizes(phone)
    assert all(min(size) >= 24 for size in sizes), sizes


def test_a_map_mark_tapped_low_on_a_phone_is_scrolled_above_the_sheet_it_opens(phone_page, kazakhstan_url):
    """The event's sheet covers the screen's lower part: the map's mark just tapped, with the
    map's whole lower half, was left under it."""
    phone = TimelinePage(phone_page, kazakhstan_url).open()
    page = phone.page
    page.locator("#map-toggle").click()
    phone.wait_for_map(6)
    area = page.locator("#map").bounding_box()
    page.evaluate("(dy) => window.scrollBy(0, dy)", area["y"] + area["height"] - 830)  # (the map low on the screen)
    marks = [page.locator("#map path.map-mark").nth(i).bounding_box() for i in range(6)]
    low = max((box for box in marks if box and 0 < box["y"] < 800), key=lambda box: box["y"])
    assert low["y"] > 500, low
    page.touchscreen.tap(low["x"] + low["width"] / 2, low["y"] + low["height"] / 2)
    expect(page.locator("#event-title")).to_have_count(1)
    top = phone.panel.bounding_box()["y"]
    chosen = page.locator("#map path.map-mark.selected").bounding_box()
    assert 0 < chosen["y"] + chosen["height"] < top, (chosen, top)


def test_a_link_that_keeps_what_is_on_the_map_shows_that_area_on_a_phone(timeline, phone_page, kazakhstan_url):
    """Opened on a phone, a link sent from a desktop with "Only what is on the map" on kept its 10
    events in the list, but the map, at the sender's zoom on a narrower screen, showed none of
    them. It shows the whole area; and folded, the map's button that does nothing is not offered."""
    link = "map=5/44/62&area=40,50,48,80"
    timeline.open(query=link)
    timeline.wait_for_map()
    expect(timeline.map_status).to_have_text(re.compile(r"^10 events on the map"))
    phone = TimelinePage(phone_page, kazakhstan_url).open(query=link)
    expect(phone.page.locator("#map-only")).to_be_visible()  # (on: shown, to turn it off)
    phone.page.locator("#map-toggle").click()
    phone.wait_for_map()
    expect(phone.map_status).to_have_text(timeline.map_status.inner_text())
    expect(phone.page).to_have_url(re.compile(r"\?area=40,50,48,80&map=5/44/62$"))  # (the link as sent)
    phone.page.goto(kazakhstan_url)
    phone.wait_until_drawn()
    expect(phone.page.locator("#map-only")).to_be_hidden()
    phone.page.locator("#map-toggle").click()
    expect(phone.page.locator("#map-only")).to_be_visible()
    # (turned off with the map folded: kept while it has focus, which fell to the page's body)
    phone.open(query=link)
    phone.page.locator("#map-only").focus()
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("#map-only")).to_have_attribute("aria-pressed", "false")
    expect(phone.page.locator("#map-only")).to_be_focused()


@pytest.fixture(scope="module")
def scattered_url(tmp_path_factory):
    # Events at more places than the map draws one by one (timeline.view.map.MAX_PLACES): it
    # draws a count per cell of a grid, each a mark that zooms in on its cell.
    places = MAX_PLACES + 100
    rows = [
        row(
            f"e{n}",
            f"2022-01-{1 + n % 28:02d}",
            title=f"Event {n}",
            category="protest",
            latitude=f"{-60 + (n % 40) * 3}.{n % 7}",
            longitude=f"{-170 + (n // 40) * 8}.{n % 9}",
        )
        for n in range(places)
    ]
    with serve_rows(rows, tmp_path_factory.mktemp("scattered")) as url:
        yield url


def test_every_count_of_a_cell_s_events_is_at_least_24_px_across(page, scattered_url):
    timeline = TimelinePage(page, scattered_url).open()
    timeline.wait_for_map()
    counts = timeline.page.locator("#map path.map-count")
    expect(counts.first).to_be_visible()
    sizes = [(box["width"], box["height"]) for box in (mark.bounding_box() for mark in counts.all())]
    assert sizes and all(min(size) >= 24 for size in sizes), sizes


def test_a_mark_selects_its_event_and_several_at_one_place_offer_a_list(timeline):
    timeline.open(query="map=5/44/62")  # the west and the south-east: Aktau and Almaty
    timeline.wait_for_map()
    timeline.click_map_at(*AKTAU)
    timeline.expect_event_param("mangystau-gas-price-cap")
    timeline.expect_selected("Gas price capped at 50 tenge in Mangystau")
    timeline.click_map_at(*ALMATY)
    choices = timeline.page.locator(".map-choices button")
    expect(choices.first).to_be_visible()
    assert choices.count() >= 5
    # (headed by its place's name: "7 events here" named none where the mark's label is not drawn)
    expect(timeline.page.locator(".map-choices .map-place")).to_have_text("Almaty")
    # The list opens past the map's edge: the map slides to show it whole and writes its place
    # into the address, and the list is drawn anew. Chosen after that (a choice during the slide
    # is the next test's): on a busy machine, a click in the instant the list was drawn anew was lost.
    timeline.page.wait_for_function("() => !location.search.includes('map=5/44/62')", timeout=10_000)
    # Readable: dark text on white (the page's buttons are white on blue; these were white on white).
    # (asked again until it holds: the list is drawn anew when its slide writes the map's place)
    expect(choices.first).to_have_css("color", "rgb(27, 27, 27)")
    expect(choices.first).to_have_css("background-color", "rgb(255, 255, 255)")
    choices.filter(has_text="Almaty airport seized").click()
    timeline.expect_event_param("almaty-airport-seized")


def test_a_title_chosen_while_the_map_slides_to_show_its_list_is_selected_on_a_slow_server(timeline):
    """The list opened near the map's edge slides the map to show it whole (0.3 s), and the
    slide writes the map's place into the address. A title chosen during the slide was lost
    whenever the server answered the choice slower than the slide: the address came after it,
    and Dash keeps the newest call's answer."""

    def slow_choice(route):  # a server slower than the slide, for the choice only
        if "map-choice" in (route.request.post_data or ""):
            time.sleep(0.6)
        route.continue_()

    updates = re.compile(r".*/_dash-update-component(\?.*)?$")
    # (Tried again, at most three times, where the click came after the slide had ended: its timer
    # runs late on a busy machine, and then the case this is about did not happen.)
    for _attempt in range(3):
        timeline.open(query="map=5/44/62")  # Almaty's list opens past the map's right edge
        timeline.wait_for_map()
        timeline.click_map_at(*AKTAU)
        timeline.expect_event_param("mangystau-gas-price-cap")
        # The title is clicked as soon as the slide begins (in the page: no round trip to wait for).
        timeline.page.evaluate(
            """() => { const map = window.timelineMap; window.moves = [];
                       map.on('moveend', () => window.moves.push(performance.now()));
                       map.once('autopanstart', () => setTimeout(() => {
                         [...document.querySelectorAll('.map-choices button')]
                           .find(b => b.textContent.includes('Almaty airport seized')).click();
                         window.chosenAt = performance.now(); })); }"""
        )
        timeline.page.route(updates, slow_choice)
        timeline.click_map_at(*ALMATY)
        timeline.expect_event_param("almaty-airport-seized")
        moved, chosen_at = timeline.page.evaluate("[window.moves, window.chosenAt]")
        timeline.page.unroute(updates, slow_choice)
        if moved and moved[0] > chosen_at:
            break
    assert moved and moved[0] > chosen_at  # (chosen during the slide: the case this is about)


def test_a_step_taken_while_the_map_is_moved_is_kept_on_a_slow_server(timeline):
    """Next, then the map moved by the viewer before the step is answered: the move's place went
    into the address, which called the page's callback again from the address before the step,
    and Dash keeps the newest call's answer: the step was lost. Both are kept now."""
    timeline.answer_steps_slowly(600)
    timeline.open(event="mangystau-gas-price-cap", query="map=5/44/62")
    timeline.wait_for_map()
    timeline.next()
    timeline.page.evaluate("() => { window.timelineMap.panBy([60, 0], {animate: false}); }")
    timeline.expect_event_param("almaty-republic-square-protest")
    expect(timeline.page).to_have_url(re.compile(r"[?&]map=5/43\.99\d*/64\.64\d*(&|$)"))
    timeline.settle()
    timeline.expect_event_param("almaty-republic-square-protest")
    timeline.expect_selected("Clashes on Almaty's Republic Square")
    assert timeline.slowed_steps() >= 2


def test_the_map_moved_while_only_what_is_on_the_map_is_answered_keeps_it_on(timeline):
    """ "Only what is on the map" pressed, then the map moved before the server answered: the
    move's place was written as the map was when moved (the button not yet on), which took the
    area back out of the address, and the button went off again."""
    timeline.answer_steps_slowly(600)
    timeline.open(query="map=5/44/62")
    timeline.wait_for_map()
    timeline.page.locator("#map-only").click()
    timeline.page.evaluate("() => { window.timelineMap.panBy([60, 0], {animate: false}); }")
    timeline.settle()
    timeline.page.wait_for_timeout(300)
    timeline.settle()
    expect(timeline.page.locator("#map-only")).to_have_attribute("aria-pressed", "true")
    expect(timeline.page).to_have_url(re.compile(r"[?&]area=[-0-9.,]+&map=5/43\.99\d*/64\.64\d*(&|$)"))
    assert timeline.slowed_steps() >= 1


def test_a_step_back_taken_while_a_move_waits_leaves_the_map_where_the_step_has_it(timeline):
    """The map moved while a step was answered, then Back before the answer: the move's place,
    waiting for the step, was written into the address Back went to."""
    timeline.answer_steps_slowly(600)
    timeline.open(event="mangystau-gas-price-cap", query="map=5/44/62")
    timeline.wait_for_map()
    timeline.next()
    timeline.expect_event_param("almaty-republic-square-protest")
    timeline.settle()
    timeline.next()
    timeline.page.evaluate("() => { window.timelineMap.panBy([60, 0], {animate: false}); }")
    timeline.page.go_back()
    timeline.settle()
    timeline.page.wait_for_timeout(1200)
    timeline.settle()
    expect(timeline.page).to_have_url(re.compile(r"[?&]map=5/44/62(&|$)"))
    assert timeline.page.evaluate("() => window.timelineMap.getCenter().lng") == pytest.approx(62, abs=0.01)


# A place's list, open and whole within the map.
SHOWN_WHOLE = """() => { const p = document.querySelector('.leaflet-popup'), m = document.getElementById('map');
     if (!p) return false;
     const a = p.getBoundingClientRect(), b = m.getBoundingClientRect();
     return b.top <= a.top && a.bottom <= b.bottom && b.left <= a.left && a.right <= b.right; }"""


def test_a_place_s_list_near_the_map_s_top_edge_opens_whole(timeline):
    """The capital's seven events, whose mark is near the top of the map as it first fits: the map
    moves so that the list shows whole (its first entries were cut off above the map's edge)."""
    timeline.open(event="csto-deployment")
    timeline.wait_for_map()
    timeline.click_map_at(51.1694, 71.4491)
    popup = timeline.page.locator(".leaflet-popup")
    expect(popup.locator(".map-choices button")).to_have_count(7)
    # (once the map has moved, and the marks for its new view have come: the list open again)
    timeline.page.wait_for_function(SHOWN_WHOLE, timeout=10_000)
    expect(popup.locator(".map-choices button").first).to_be_focused()
    # Once shown, the list is not opened again on other draws: Next goes on from event to event,
    # its focus kept (the list took it, and the next Enter chose from the list).
    timeline.page.locator("#next-event").focus()
    for _ in range(2):
        before = timeline.page.url
        timeline.page.keyboard.press("Enter")
        expect(timeline.page).not_to_have_url(before)
        timeline.settle()
        expect(timeline.page.locator("#next-event")).to_be_focused()


def test_a_place_s_list_opens_whole_on_the_narrowest_phone(phone_page, kazakhstan_url):
    # (At 320 px its list, 280 px wide and its margins, ran past the map's right edge.)
    phone_page.set_viewport_size({"width": 320, "height": 640})
    timeline = TimelinePage(phone_page, kazakhstan_url).open()
    timeline.page.locator("#map-toggle").click()
    timeline.wait_for_map()
    timeline.click_map_at(51.1694, 71.4491)
    expect(timeline.page.locator(".leaflet-popup .map-choices button")).to_have_count(7)
    timeline.page.wait_for_function(SHOWN_WHOLE, timeout=10_000)
    # ... and nothing over its first line (the zoom buttons were, at its left)
    assert timeline.page.evaluate(
        """() => { const line = document.querySelector('.leaflet-popup .map-choices p');
                   const r = line.getBoundingClientRect();
                   const top = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
                   return !!top && !!top.closest('.leaflet-popup'); }"""
    )


def test_a_place_s_list_shown_whole_leaves_what_only_what_is_on_the_map_keeps(timeline):
    """The map moved to show the capital's list whole, and with "Only what is on the map" on, the
    area kept followed the move: 19 events in view became 7, by opening a list."""
    timeline.open(event="csto-deployment", query="map=4/46/62")
    timeline.wait_for_map()
    timeline.page.locator("#map-only").click()
    expect(timeline.page).to_have_url(re.compile(r"&area="))
    timeline.settle()
    counted, address = timeline.counter.inner_text(), timeline.page.url
    centre = timeline.map_center()
    timeline.click_map_at(51.1694, 71.4491)
    timeline.page.wait_for_function(SHOWN_WHOLE, timeout=10_000)
    assert timeline.map_center()[0] > centre[0] + 1  # (the map moved up to show the list)
    timeline.settle()
    expect(timeline.counter).to_have_text(counted)
    assert timeline.page.url == address
    timeline.page.locator(".map-choices button", has_text="Arrests in the capital").click()
    timeline.expect_event_param("nur-sultan-arrests")
    expect(timeline.counter).to_have_text(counted)


def test_a_title_pressed_as_the_map_s_new_marks_come_is_chosen(timeline):
    """Almaty's list opens past the map's edge; the map slides to show it whole and writes its
    place into the address, and the server answers with the marks and towns of the new view
    (here held back until a title is pressed). That answer drew every mark anew, and the list
    with them: a title pressed before it came and let go after was lost, the button under the
    finger another. Now the marks that did not change are kept, and the list is the very one."""
    held, pressed = [], []

    def hold(route):  # the answers to the slide, sent on once the title is pressed
        if pressed:
            route.continue_()
        else:
            held.append(route)

    timeline.open(query="map=5/44/62")
    timeline.wait_for_map()
    timeline.settle()
    timeline.page.evaluate(
        """() => { const map = window.timelineMap, drawing = window.dash_clientside.timeline_map;
                   const draw = drawing.draw; window.draws = 0;
                   drawing.draw = function () { window.draws += 1; return draw.apply(this, arguments); };
                   map.once('moveend', () => { window.slid = true; }); }"""
    )
    updates = re.compile(r".*/_dash-update-component(\?.*)?$")
    timeline.page.route(updates, hold)
    timeline.click_map_at(*ALMATY)
    timeline.page.wait_for_function("() => window.slid")
    for _ in range(200):  # (the slide's address, asked of the server: held)
        if held:
            break
        timeline.page.wait_for_timeout(50)
    assert held
    title = timeline.page.locator(".map-choices button", has_text="Almaty airport seized")
    title.evaluate("button => { button.dataset.pressed = 'yes'; }")
    draws = timeline.page.evaluate("window.draws")
    box = title.bounding_box()
    timeline.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    timeline.page.mouse.down()
    pressed.append(True)
    for route in held:
        route.continue_()
    timeline.page.wait_for_function("(n) => window.draws > n", arg=draws)  # (the new view's marks)
    assert timeline.page.locator("[data-pressed]").count() == 1  # (the very list)
    timeline.page.mouse.up()
    timeline.expect_event_param("almaty-airport-seized")
    timeline.page.unroute(updates, hold)


def test_a_place_s_list_stays_open_as_the_map_is_moved(timeline):
    """A place's list open, the map dragged a little: its mark stays where it was on the land,
    and so does the list. It closed once the new towns in view came (every mark drawn anew)."""
    timeline.open(query="map=5/44/70")  # Almaty's list fits: no slide
    timeline.wait_for_map()
    timeline.click_map_at(*ALMATY)
    title = timeline.page.locator(".map-choices button", has_text="Almaty airport seized")
    expect(title).to_be_visible()
    timeline.settle()
    title.evaluate("button => { button.dataset.opened = 'yes'; }")
    address = timeline.page.url
    timeline.page.evaluate(
        "() => { window.timelineMap.panBy([150, 0], {animate: false}); }"
    )  # (as a drag; the map returned would take Playwright 35 s to copy)
    expect(timeline.page).not_to_have_url(address)
    timeline.settle()
    expect(timeline.page.locator("[data-opened]")).to_be_visible()
    timeline.page.locator("[data-opened]").click()
    timeline.expect_event_param("almaty-airport-seized")


def test_an_event_chosen_elsewhere_is_shown_on_the_map(timeline):
    timeline.open(query="map=7/43.6/51.2")  # the map on Aktau
    timeline.wait_for_map()
    timeline.click_list_item("Arrests in the capital")
    timeline.page.wait_for_function("() => document.querySelector('#map path.map-mark.selected')")
    lat, lon = timeline.map_center()
    assert abs(lat - 51.17) < 3 and abs(lon - 71.45) < 6  # panned to the capital
    # The address says where the map now is, so that the link shows what the viewer sees; a
    # step back puts the map back where that address had it.
    expect(timeline.page).to_have_url(re.compile(r"event=nur-sultan-arrests&map=7/5\d\.\d+/7\d\.\d+$"))
    timeline.page.go_back()
    expect(timeline.page).to_have_url(re.compile(r"\?map=7/43\.6/51\.2$"))
    timeline.page.wait_for_function(
        "() => Math.abs(window.timelineMap.getCenter().lat - 43.6) < 0.01"
        " && Math.abs(window.timelineMap.getCenter().lng - 51.2) < 0.01"
    )


def test_an_event_chosen_before_the_map_is_moved_leaves_the_map_out_of_the_address(timeline):
    timeline.open()
    timeline.wait_for_map()
    timeline.click_list_item("Arrests in the capital")
    expect(timeline.page).to_have_url(re.compile(r"\?event=nur-sultan-arrests$"))
    timeline.page.wait_for_function("() => document.querySelector('#map path.map-mark.selected')")
    assert "map=" not in timeline.page.url


def test_the_filters_apply_to_the_map(timeline):
    timeline.open()
    timeline.wait_for_map(6)
    timeline.toggle_category("international")
    timeline.wait_for_map(3)
    expect(timeline.map_status).to_contain_text("events on the map")


def test_a_link_after_a_filter_opens_the_map_where_the_sender_s_map_is(timeline):
    """The map is fitted once, to the events the page opens on, and stays put as the filters
    change. A link with no map= fits the map to the events it keeps: the sender of a link without
    the international events saw it over Europe and Central Asia, the receiver on Kazakhstan. Once the
    events kept fit elsewhere, the address says where the map is."""
    timeline.open()
    timeline.wait_for_map(6)
    center, zoom = timeline.map_center(), timeline.page.evaluate("() => window.timelineMap.getZoom()")
    timeline.toggle_category("international")  # (Paris and Yerevan gone: the rest fit on Kazakhstan)
    timeline.wait_for_map(3)
    expect(timeline.page).to_have_url(re.compile(r"[?&]map=[0-9.]+/[-0-9.]+/[-0-9.]+$"))
    assert timeline.map_center() == center  # (the map stayed put)
    shared = timeline.page.url
    again = TimelinePage(timeline.page.context.new_page(), timeline.base_url)
    again.page.goto(shared)
    again.wait_for_map()
    assert again.page.evaluate("() => window.timelineMap.getZoom()") == pytest.approx(zoom, abs=0.1)
    assert again.map_center() == pytest.approx(center, abs=0.01)
    again.page.close()
    timeline.page.go_back()  # (to the page as opened: no map=, the map fitted as it was)
    expect(timeline.page).not_to_have_url(re.compile("map="))


def test_only_what_is_on_the_map_filters_the_list_and_the_counter_and_travels_in_the_link(timeline):
    timeline.open(query="map=8/43.24/76.89")  # Almaty only
    timeline.wait_for_map()
    expect(timeline.counter).to_have_text("35 of 35 events")
    timeline.page.locator("#map-only").click()
    expect(timeline.page.locator("#map-only")).to_have_attribute("aria-pressed", "true")
    expect(timeline.counter).to_have_text("8 of 35 events")  # the eight events in Almaty
    assert "area=" in timeline.page.url
    titles = timeline.event_list.locator("li").all_inner_texts()
    assert any("Almaty airport seized" in t for t in titles)
    assert not any("Aktau" in t for t in titles)
    shared = timeline.page.url
    again = TimelinePage(timeline.page.context.new_page(), timeline.base_url)
    again.page.goto(shared)
    again.wait_until_drawn()
    expect(again.counter).to_have_text(timeline.counter.inner_text())
    expect(again.page.locator("#map-only")).to_have_attribute("aria-pressed", "true")
    timeline.page.locator("#map-only").click()  # off again: everything
    expect(timeline.counter).to_have_text("35 of 35 events")
    assert "area=" not in timeline.page.url


def test_with_only_what_is_on_the_map_on_moving_the_map_moves_the_filter(timeline):
    """The viewer pans from Almaty to the capital: the list, the counter and the link follow."""
    timeline.open(query="map=8/43.24/76.89")
    timeline.wait_for_map()
    timeline.page.locator("#map-only").click()
    expect(timeline.counter).to_have_text("8 of 35 events")
    # (in braces: setView returns the map, which Playwright would spend half a minute serializing)
    timeline.page.evaluate("() => { window.timelineMap.setView([51.17, 71.45], 8, {animate: false}); }")
    expect(timeline.counter).not_to_have_text("8 of 35 events")
    expect(timeline.page).to_have_url(re.compile(r"area=50\.|area=51\."))
    titles = timeline.event_list.locator("li").all_inner_texts()
    assert not any("Almaty airport seized" in t for t in titles)
    assert titles


def test_a_link_with_a_map_view_opens_on_it(timeline):
    timeline.open(query="map=9/51.17/71.45")
    timeline.wait_for_map()
    lat, lon = timeline.map_center()
    assert abs(lat - 51.17) < 0.05 and abs(lon - 71.45) < 0.05
    assert round(timeline.page.evaluate("() => window.timelineMap.getZoom()")) == 9


def test_on_a_phone_the_map_is_one_tap_away(phone_page, kazakhstan_url):
    timeline = TimelinePage(phone_page, kazakhstan_url).open()
    expect(timeline.map).to_be_hidden()
    timeline.page.locator("#map-toggle").click()
    expect(timeline.map).to_be_visible()
    timeline.wait_for_map(6)
    box = timeline.map.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    assert _names_cut_by_the_edge(timeline) == []  # ("Delh" for Delhi, "Ben" for Bengaluru)


def _names_cut_by_the_edge(timeline) -> list[str]:
    """The towns' names shown on the map that its edge cuts."""
    return timeline.page.evaluate(
        """() => { const frame = document.getElementById('map').getBoundingClientRect();
             return [...document.querySelectorAll('.town-label')]
               .filter((tip) => getComputedStyle(tip).visibility !== 'hidden')
               .filter((tip) => { const r = tip.firstElementChild.getBoundingClientRect();
                                  return r.left < frame.left || r.right > frame.right
                                    || r.top < frame.top || r.bottom > frame.bottom; })
               .map((tip) => tip.textContent); }"""
    )


def test_the_map_has_no_serious_accessibility_problem(timeline):
    timeline.open(query="map=5/44/62")
    timeline.wait_for_map()
    timeline.click_map_at(*ALMATY)  # its list of choices open too
    expect(timeline.page.locator(".map-choices").first).to_be_visible()
    assert timeline.accessibility_problems("#map-section") == []


def test_a_keyboard_opens_a_place_s_list_of_events_and_escape_closes_it(timeline):
    """Each mark is a button named by what it holds; a place's list of events takes focus when
    it opens and gives it back on Escape; the towns' names are not read out."""
    timeline.open()
    timeline.wait_for_map()
    several = timeline.page.locator("#map path.map-mark[role=button][aria-label$=' events']").first
    # (named by its place too: the two marks of 7 events were read alike; said to open a list)
    expect(several).to_have_attribute("aria-label", re.compile(r"^\w[\w -]+: \d+ events$"))
    expect(several).to_have_attribute("aria-expanded", "false")
    several.focus()
    timeline.page.keyboard.press("Enter")
    choices = timeline.page.locator(".map-choices button")
    expect(choices.first).to_be_focused()
    expect(several).to_have_attribute("aria-expanded", "true")
    timeline.page.keyboard.press("Escape")
    expect(timeline.page.locator(".leaflet-popup")).to_have_count(0)
    expect(several).to_have_attribute("aria-expanded", "false")
    assert timeline.page.evaluate("() => document.activeElement.getAttribute('role')") == "button"
    labels = timeline.page.locator("#map .town-label")
    assert labels.count() > 0 and all(
        labels.nth(i).get_attribute("aria-hidden") == "true" for i in range(labels.count())
    )


def test_escape_on_a_mark_closes_the_event_it_chose(timeline):
    """Escape closes the event's panel from the map too, as from the panel or the list (it did
    nothing there: the map's keys were all left to the map)."""
    timeline.open(query="map=5/44/62")
    timeline.wait_for_map()
    one = timeline.page.locator("#map path.map-mark[role=button]:not([aria-label$=' events'])").first
    one.focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.page).to_have_url(re.compile(r"[?&]event="))
    timeline.settle()
    timeline.page.locator("#map path.map-mark.selected").focus()
    timeline.page.keyboard.press("Escape")
    expect(timeline.page.locator("#event-title")).to_have_count(0)
    assert "event=" not in timeline.page.url


def test_a_title_chosen_from_a_place_s_list_leaves_focus_on_its_mark(timeline):
    """The list gives focus back to its mark, which is drawn again for the event chosen: focus
    goes to the new mark (it fell to the page's body)."""
    timeline.open()
    timeline.wait_for_map()
    several = timeline.page.locator("#map path.map-mark[role=button][aria-label$=' events']").first
    place = several.get_attribute("aria-label")
    several.focus()
    timeline.page.keyboard.press("Enter")
    expect(timeline.page.locator(".map-choices button").first).to_be_focused()
    timeline.page.keyboard.press("Enter")
    expect(timeline.page).to_have_url(re.compile(r"[?&]event="))
    timeline.settle()
    expect(timeline.page.locator(f"#map path.map-mark.selected[aria-label='{place}']")).to_be_focused()
    expect(timeline.page.locator("#map path.map-mark.selected")).to_have_attribute("aria-current", "true")


@pytest.mark.parametrize("key", ["Enter", " "])
def test_a_mark_of_one_event_is_chosen_with_enter_or_space(timeline, key):
    """A mark of one event is a button named by its title: Enter and Space choose it, as a
    click does (Enter did nothing and Space scrolled the page)."""
    timeline.open(query="map=5/44/62")
    timeline.wait_for_map()
    mark = timeline.page.locator(
        "#map path.map-mark[role=button][aria-label='Gas price capped at 50 tenge in Mangystau']"
    )
    mark.focus()
    scrolled = timeline.page.evaluate("window.scrollY")
    timeline.page.keyboard.press(key)
    timeline.expect_event_param("mangystau-gas-price-cap")
    timeline.expect_selected("Gas price capped at 50 tenge in Mangystau")
    assert timeline.page.evaluate("window.scrollY") == scrolled


# The basemap's lines, as Leaflet holds them: each polygon ring and line with the number of its
# steps of over 180 degrees of longitude (a step across the whole drawn world).
WORLD_STEPS = """() => {
  const found = {rings: [], lines: []};
  const steps = (points) => points.slice(1).filter((p, n) => Math.abs(p.lng - points[n].lng) > 180).length;
  window.timelineMap.eachLayer((layer) => {
    if (!(layer instanceof L.Polyline) || !layer.options.renderer || layer.options.renderer.options.pane !== "basemap") return;
    const flat = (parts) => Array.isArray(parts[0]) ? parts.flatMap(flat) : [parts];
    (layer instanceof L.Polygon ? found.rings : found.lines).push(...flat(layer.getLatLngs()).map(steps));
  });
  return found;
}"""


def test_the_world_map_draws_no_line_across_the_world_and_no_name_over_another(timeline):
    """Zoomed out to the world: Russia's east and Fiji cross the antimeridian, and their outlines,
    drawn flat, were lines across the whole world; the towns' names lay over each other (Tianjin's
    over Beijing's). An outline now goes on past 180 degrees (Antarctica's, round the pole, has its
    one step), a coast or border is cut there; a name over a larger town's is left out."""
    timeline.open(query="map=2/30/60")
    timeline.wait_for_map()
    found = timeline.page.evaluate(WORLD_STEPS)
    assert found["rings"] and found["lines"]
    assert max(found["rings"]) <= 1 and not any(found["lines"])
    names = timeline.page.evaluate(
        """() => [...document.querySelectorAll('.town-label')]
             .filter((tip) => getComputedStyle(tip).visibility !== 'hidden')
             .map((tip) => { const r = tip.firstElementChild.getBoundingClientRect();
                             return [tip.textContent, r.left, r.top, r.right, r.bottom]; })"""
    )
    assert len(names) >= 5
    for n, (name, left, top, right, bottom) in enumerate(names):
        for other, left2, top2, right2, bottom2 in names[:n]:
            assert not (left < right2 and left2 < right and top < bottom2 and top2 < bottom), (name, other)
    assert _names_cut_by_the_edge(timeline) == []


def test_on_a_phone_an_event_chosen_on_the_map_shows_its_sheet_above_the_map(phone_page, kazakhstan_url):
    """The sheet of sources slides up over the map: Leaflet's own layers (z-index 400 to 1000)
    stay inside the map, never over the sheet (they were drawn over its text)."""
    timeline = TimelinePage(phone_page, kazakhstan_url).open()
    timeline.page.locator("#map-toggle").click()
    timeline.wait_for_map(6)
    timeline.map.scroll_into_view_if_needed()
    # (a mark of one event drawn clear of the others: one over another opens their lists)
    mark = timeline.page.evaluate(
        """() => { const all = [...document.querySelectorAll('#map path.map-mark')];
             const cross = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
             for (const m of all) {
               const r = m.getBoundingClientRect();
               if (!m.hasAttribute('aria-haspopup')
                   && !all.some((o) => o !== m && cross(r, o.getBoundingClientRect()))) {
                 return [r.x + r.width / 2, r.y + r.height / 2]; } } }"""
    )
    timeline.page.touchscreen.tap(*mark)
    expect(timeline.heading).to_be_visible()
    on_top = timeline.page.evaluate(
        """() => { const r = document.getElementById('sources-panel').getBoundingClientRect(); const out = [];
             for (let y = r.top + 20; y < Math.min(r.bottom, innerHeight); y += 40) {
               const e = document.elementFromPoint(r.left + r.width / 2, y);
               out.push(e && e.closest('#sources-panel') ? 'sheet' : e && e.closest('#map') ? 'map' : String(e)); }
             return out; }"""
    )
    assert on_top and set(on_top) == {"sheet"}


def test_on_a_phone_a_tap_on_marks_drawn_over_one_another_lists_the_events_of_each(phone_page, kazakhstan_url):
    # (Zhanaozen's two events and Aktau's one: at the phone's first view of Kazakhstan the Aktau
    # mark lies over Zhanaozen's, and a tap on either reached Aktau's alone: a review's finding)
    timeline = TimelinePage(phone_page, kazakhstan_url).open()
    timeline.page.locator("#map-toggle").click()
    timeline.wait_for_map(6)
    timeline.page.touchscreen.tap(*timeline.map_mark_at(43.3378, 52.8533))  # Zhanaozen
    popup = timeline.page.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    titles = popup.get_by_role("button").all_inner_texts()
    assert {"Gas price capped at 50 tenge in Mangystau", "Protests begin in Zhanaozen"} <= set(titles), titles
    # (the lists bound to the mark while open, as a place's list is: focus on the first title, the
    # Close button named in the reader's language)
    expect(popup.locator(".map-place")).to_have_text(["Aktau", "Zhanaozen"])  # (the mark tapped, on top, first)
    expect(popup.get_by_role("button").first).to_be_focused()
    expect(popup.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", "Close the list")
    popup.get_by_role("button", name="Protests begin in Zhanaozen").tap()
    timeline.expect_selected("Protests begin in Zhanaozen")
