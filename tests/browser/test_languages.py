"""Every reader's language (issue 16), in the browser: the page in French, Russian, Kazakh and
Arabic, as the address or the browser asks; dates as readers of each write them, in every time
zone; the chart's own words and axis in the language; a right-to-left page mirrors while time
still runs left to right, and what steps through time (Previous and Next, the arrow keys, the
buttons at the view's edges) follows the time axis; axe finds nothing serious in any of them."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, in_time_zone, serve
from .pages import TimelinePage

EVENT = "shoot-to-kill-order"  # 7 January 2022, in the category "security"
# What each page says: its language's word for Search, the selected event's date, a month on
# the chart.
SAID = {
    "en": ("Search", "7 January 2022"),
    "fr": ("Rechercher", "7 janvier 2022"),
    "ru": ("Поиск", "7 января 2022\u202fг."),
    "kk": ("Іздеу", "2022\u202fж. 7 қаңтар"),
    "ar": ("بحث", "7 يناير 2022"),
}


def open_in(page, url: str, lang: str, event: str | None = None) -> TimelinePage:
    return TimelinePage(page, url, lang).open(event=event, query=f"lang={lang}")


@pytest.mark.parametrize("lang", ["fr", "ru", "kk", "ar"])
def test_the_page_and_a_selected_event_in_the_reader_s_language(page, kazakhstan_url, lang):
    search, date = SAID[lang]
    timeline = open_in(page, kazakhstan_url, lang)
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator("label[for=search]")).to_have_text(search)
    assert timeline.page_accessibility_problems() == []
    timeline.list_link(EVENT).click()
    expect(timeline.heading).to_be_visible()
    expect(page.locator("#sources-panel .when").first).to_have_text(date)
    assert f"lang={lang}" in page.url  # the address keeps the language: a shared link does too
    assert timeline.accessibility_problems() == []
    # The chart speaks the language too: plotly.js's locale (vendored) for its axis and buttons.
    assert page.evaluate("() => document.querySelector('#timeline .js-plotly-plot')._context.locale") == lang


@pytest.mark.parametrize(
    "lang, select_all, search",
    [
        ("fr", "Tout sélectionner", "Chercher un média"),
        ("ru", "Выбрать все", "Поиск СМИ"),
        ("ar", "تحديد الكل", "البحث في وسائل الإعلام"),
    ],
)
def test_the_outlet_filter_s_own_words_are_in_the_reader_s_language(page, kazakhstan_url, lang, select_all, search):
    """Dash's dropdown writes Select All, Deselect All and Search in English unless told: the
    outlet filter, opened, says them in the page's language."""
    open_in(page, kazakhstan_url, lang)
    page.locator("#source-filter").click()
    menu = page.locator(".dash-dropdown-content")
    expect(menu).to_be_visible()
    expect(menu).to_contain_text(select_all)
    assert page.locator(".dash-dropdown-content input").first.get_attribute("placeholder") == search
    for english in ("Select All", "Deselect All", "Search"):
        assert english not in menu.inner_text()


@pytest.mark.parametrize(
    "locale, lang, clear", [("fr-FR", "fr", "Effacer les filtres"), ("ar-EG", "ar", "مسح عوامل التصفية")]
)
def test_the_browser_s_language_is_the_page_s_when_the_address_names_none(browser, kazakhstan_url, locale, lang, clear):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    TimelinePage(page, kazakhstan_url, lang).open()
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator("#clear-filters")).to_have_text(clear)
    context.close()


@pytest.mark.parametrize("zone", ["Pacific/Honolulu", "Asia/Tokyo"])
def test_a_date_reads_the_same_in_french_in_every_time_zone(page, kazakhstan_url, zone):
    in_time_zone(page, zone)
    timeline = open_in(page, kazakhstan_url, "fr", EVENT)
    assert page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == zone
    point = timeline.point_of(EVENT)
    assert timeline.point_date_at(point["x"]).startswith("2022-01-07T")
    assert "7 janvier 2022" in timeline.hover_marker_of(EVENT)
    expect(timeline.page.locator("#sources-panel .when").first).to_have_text("7 janvier 2022")


def test_a_right_to_left_page_mirrors_and_its_time_axis_still_runs_left_to_right(page, kazakhstan_url):
    page.set_viewport_size({"width": 1440, "height": 900})
    timeline = open_in(page, kazakhstan_url, "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("label[for=search]")).to_have_text("بحث")
    panel = page.locator("#sources-panel").bounding_box()
    chart = page.locator(".chart-column").bounding_box()
    assert panel["x"] + panel["width"] <= chart["x"] + 1  # the panel is on the left: mirrored
    earlier, later = timeline.point_of("csto-decision"), timeline.point_of(EVENT)
    assert earlier and later and earlier["x"] < later["x"]  # 6 January left of 7 January
    assert timeline.page_accessibility_problems() == []


# Where each character of an SVG text stands, left to right: Arabic reads "7 يناير" with its day
# at the right of the month's name.
CHAR_X = """text => Array.from(text.textContent).map((c, i) => [c, text.getStartPositionOfChar(i).x])"""


def _day_stands_right_of_its_month(placed: list) -> bool:
    digits = [x for c, x in placed if c.isdigit()]
    letters = [x for c, x in placed if "\u0600" <= c <= "\u06ff"]
    return bool(digits and letters) and min(digits[:1]) > max(letters)


def test_arabic_steps_through_time_as_the_axis_runs_and_reads_its_words_in_their_order(page, kazakhstan_url):
    """Time runs left to right on the chart, in Arabic too: Previous (an earlier event) is the left
    button, with its ← at its left edge, and the left arrow key presses it; the events before the
    view are counted at its left edge. The chart's dates keep Arabic's order ("7 يناير": the day
    at the right), the counter and the panel speak Arabic, and axe finds nothing serious."""
    page.set_viewport_size({"width": 1440, "height": 900})
    timeline = open_in(page, kazakhstan_url, "ar", EVENT)
    expect(timeline.counter).to_have_text("35 من 35 حدثًا")
    expect(page.locator("#in-view")).to_contain_text("من 35 حدثًا في العرض")
    previous, following = page.locator("#prev-event"), page.locator("#next-event")
    assert previous.bounding_box()["x"] + previous.bounding_box()["width"] <= following.bounding_box()["x"] + 1
    arrow, word = previous.locator(".arrow").bounding_box(), previous.locator(".step-word").bounding_box()
    assert arrow["x"] < word["x"]  # ← at the outer (left) edge
    assert following.locator(".arrow").bounding_box()["x"] > following.locator(".step-word").bounding_box()["x"]
    before, after = page.locator("#edge-before"), page.locator("#edge-after")
    expect(before).to_be_visible()
    expect(after).to_be_visible()
    assert before.bounding_box()["x"] < after.bounding_box()["x"]
    assert before.inner_text().endswith("←") and after.inner_text().startswith("→")
    # The editor's title, in its own direction: its full stop or quotes stay at its end.
    assert page.locator("#event-title").get_attribute("dir") == "auto"
    ticks = page.locator("#timeline .xtick text")
    assert ticks.count() and all(_day_stands_right_of_its_month(t.evaluate(CHAR_X)) for t in ticks.all()[1:])
    timeline.hover_marker_of(EVENT)
    date_line = page.locator("#timeline .hovertext text tspan").first
    assert _day_stands_right_of_its_month(date_line.evaluate(CHAR_X))
    assert timeline.page_accessibility_problems() == []
    # The left arrow key steps to the earlier event, which stands to the left on the chart.
    page.mouse.move(1, 1)
    step_title = previous.locator(".step-title").inner_text()
    page.locator("body").press("ArrowLeft")
    timeline.expect_selected(step_title)
    assert timeline.accessibility_problems() == []


@pytest.mark.parametrize(
    "zoom, ticks",
    [
        # A month on its own stands in the nominative ("май"), beside a day in the genitive ("7 мая"):
        # the chart's axis writes both as Russian readers do, not plotly.js's "Май 2022" and "Янв. 6".
        ("2021-12-01/2022-08-01", ["янв. 2022\u202fг.", "март 2022\u202fг.", "май 2022\u202fг."]),
        ("2022-01-02/2022-01-20", ["6 янв.", "12 янв."]),  # (every second or third day, as the width allows)
    ],
)
def test_the_chart_s_axis_names_months_as_russian_readers_do(page, kazakhstan_url, zoom, ticks):
    TimelinePage(page, kazakhstan_url, "ru").open(query=f"lang=ru&zoom={zoom}")
    # (plotly.js ends a one-line label with a space when another has two lines: the dates on top)
    shown = page.eval_on_selector_all("#timeline .xtick text", "texts => texts.map(t => t.textContent.trim())")
    assert set(ticks) <= set(shown), shown


@pytest.fixture(scope="module")
def with_a_mistake(tmp_path_factory):
    """The default data with one more row, whose date reads two ways (left out, an error)."""
    path = tmp_path_factory.mktemp("mistake") / "events.csv"
    shutil.copyfile(ROOT / "events.csv", path)
    with open(path, "a", encoding="utf-8") as out:
        out.write("two-ways,03/04/2022,,Read two ways,,protest,,,,Reuters,,,,,,\n")
    with serve(path) as url:
        yield url


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "fr",
            "date '03/04/2022' peut se lire de deux façons : 3 avril 2022 (le jour d'abord) ou 4 mars 2022 "
            "(le mois d'abord) ; écrivez 2022-04-03 ou 2022-03-04.",
        ),
        (
            "ru",
            "date '03/04/2022': дату можно прочитать двумя способами: 3 апреля 2022\u202fг. (сначала день) или "
            "4 марта 2022\u202fг. (сначала месяц); напишите 2022-04-03 или 2022-03-04.",
        ),
        (
            "kk",
            "date '03/04/2022': күнді екі түрлі оқуға болады: 2022\u202fж. 3 сәуір (алдымен күн) немесе "
            "2022\u202fж. 4 наурыз (алдымен ай); 2022-04-03 немесе 2022-03-04 деп жазыңыз.",
        ),
        (
            "ar",
            "القيمة '03/04/2022' في العمود date: يمكن قراءة التاريخ بطريقتين: 3 أبريل 2022 (اليوم أولًا) أو 4 مارس "
            "2022 (الشهر أولًا)؛ اكتب 2022-04-03 أو 2022-03-04.",
        ),
    ],
)
def test_a_page_shows_the_file_s_problems_in_its_language(page, with_a_mistake, lang, said):
    """The folded problem list speaks the page's language: the editors' messages come from the
    check catalogue (French, Russian, Kazakh and Arabic ship one: i18n.CHECK_LANGUAGES); the cell's value
    stays as written, set apart in its own direction (<bdi>), and the message takes its own: an
    Arabic one begins with an Arabic word, so it reads right to left."""
    timeline = open_in(page, with_a_mistake, lang)
    timeline.problems_line.click()
    expect(timeline.problems_list).to_be_visible()
    expect(timeline.problems_list).to_contain_text(said)
    message = timeline.problems_list.locator("span[dir=auto]", has_text="03/04/2022")
    expect(message.locator("bdi").first).to_have_text("'03/04/2022'")
    assert message.evaluate("e => getComputedStyle(e).direction") == ("rtl" if lang == "ar" else "ltr")
    assert "can be read two ways" not in timeline.problems_list.inner_text()
    # and the whole list, in the page's language too:
    expect(timeline.problems.locator(".hint code")).to_have_text(f"python -m timeline check --lang {lang} events.csv")
    assert timeline.page_accessibility_problems() == []


def test_the_same_file_s_problems_in_english(page, with_a_mistake):
    english = open_in(page, with_a_mistake, "en")
    english.problems_line.click()
    expect(english.problems_list).to_contain_text("date '03/04/2022' can be read two ways: 3 April 2022 (day first)")
    expect(english.problems.locator(".hint code")).to_have_text("python -m timeline check events.csv")


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "kk", "ar"])
def test_the_filters_hints_are_read_whole_in_every_language(page, kazakhstan_url, lang):
    # A placeholder cut short ("start, e.g. 20") hides the form a date is written in. One page,
    # a desktop's window and then a phone's (the boxes are laid out by the window's width alone).
    open_in(page, kazakhstan_url, lang)
    for width, height in [(1440, 900), (390, 844)]:
        page.set_viewport_size({"width": width, "height": height})
        if width < 500:  # (the filters fold away on a phone)
            page.locator("#filters-toggle").click()
            expect(page.locator("#date-to")).to_be_visible()
            assert page.locator("#filters").bounding_box()["x"] + page.locator("#filters").bounding_box()["width"] >= (
                page.locator("#date-to").bounding_box()["x"] + page.locator("#date-to").bounding_box()["width"]
            ), "the second date's box runs out of the filters"
        # Each box given its hint as its text: wider than the box, the hint is cut (a search box
        # keeps room for its clear button, so the text's own width does not tell).
        cut = page.evaluate(
            """() => ['search', 'date-from', 'date-to', 'as-of'].flatMap(id => {
                const input = document.getElementById(id);
                input.value = input.placeholder;
                const over = input.scrollWidth > input.clientWidth;
                input.value = '';
                return input.placeholder && !over ? [] : [[id, input.placeholder]];
            })"""
        )
        assert cut == [], width


def test_a_language_s_link_shows_the_same_view_in_that_language(page, kazakhstan_url):
    timeline = TimelinePage(page, kazakhstan_url).open(event=EVENT, query="category=security&q=order")
    languages = page.get_by_role("navigation", name="Languages")
    expect(languages.locator("[aria-current=true] .language-name")).to_have_text("English")
    languages.get_by_role("link", name="Français").click()
    page.wait_for_url("**lang=fr**")
    TimelinePage(page, kazakhstan_url, "fr").wait_until_drawn()
    assert page.locator("html").get_attribute("lang") == "fr"
    for kept in (f"event={EVENT}", "category=security", "q=order"):
        assert kept in page.url
    expect(page.locator("#sources-panel .when").first).to_have_text(SAID["fr"][1])
    current = page.get_by_role("navigation", name="Langues").locator("[aria-current=true] .language-name")
    expect(current).to_have_text("Français")
    assert timeline.page_accessibility_problems() == []


@pytest.mark.parametrize("width, name", [(1440, "Français"), (720, "Français FR")])
def test_a_language_s_link_is_named_by_what_it_shows(page, kazakhstan_url, width, name):
    """A screen of middle width shows each language's code ("FR"), where the link was named
    "Français" alone: a voice saying what it sees named nothing (WCAG 2.5.3, label in name)."""
    page.set_viewport_size({"width": width, "height": 800})
    TimelinePage(page, kazakhstan_url).open()
    link = page.get_by_role("navigation", name="Languages").get_by_role("link", name=name, exact=True)
    expect(link).to_be_visible()
    assert name.split()[-1] in link.inner_text()


def test_a_language_s_link_opened_in_a_new_tab_or_copied_names_the_same_view(page, kazakhstan_url):
    """Its href was the overview (?lang=fr): opened in a new tab, or copied, it lost the event,
    the filters and the zoom."""
    TimelinePage(page, kazakhstan_url).open(event=EVENT, query="category=security&q=order")
    link = page.get_by_role("navigation", name="Languages").get_by_role("link", name="Français")
    link.focus()  # (as a keyboard reaches it; a pointer's press and a right-click do the same)
    href = link.get_attribute("href")
    for kept in (f"event={EVENT}", "category=security", "q=order", "lang=fr"):
        assert kept in href, href
    link.dispatch_event("contextmenu")
    assert link.get_attribute("href") == href


@pytest.mark.parametrize(
    "lang, zoom_in, zoom_out, close",
    [
        ("fr", "Zoom avant", "Zoom arrière", "Fermer la liste"),
        ("ru", "Увеличить", "Уменьшить", "Закрыть список"),
        ("kk", "Үлкейту", "Кішірейту", "Тізімді жабу"),
        ("ar", "تكبير", "تصغير", "إغلاق القائمة"),
    ],
)
def test_the_map_s_own_buttons_are_named_in_the_reader_s_language(page, kazakhstan_url, lang, zoom_in, zoom_out, close):
    """Leaflet names its zoom buttons and a list's close button in English, whatever the page's
    language: a screen reader said "Zoom in" on an Arabic page."""
    timeline = TimelinePage(page, kazakhstan_url, lang).open(query=f"lang={lang}&map=5/44/62")
    timeline.wait_for_map()
    expect(page.locator("#map").get_by_role("button", name=zoom_in, exact=True)).to_have_attribute("title", zoom_in)
    expect(page.locator("#map").get_by_role("button", name=zoom_out, exact=True)).to_have_attribute("title", zoom_out)
    timeline.click_map_at(43.2389, 76.8897)  # Almaty: a place's list of events
    expect(page.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", close)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "kk", "ar"])
def test_previous_and_next_show_enough_of_their_titles_to_read(page, kazakhstan_url, lang):
    # (at 1280 px, 46-86 px of each title were left beside the tools; in Russian at 1440, five
    # letters, "Massi...": a review's finding. The tools now go to a line of their own first.)
    page.set_viewport_size({"width": 1440, "height": 900})
    open_in(page, kazakhstan_url, lang)
    for width in (1440, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for button in ("#prev-event", "#next-event"):
            title = page.locator(f"{button} .step-title")
            expect(title).not_to_be_empty()
            assert title.bounding_box()["width"] >= 120, (width, button, title.bounding_box())


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_on_a_phone_previous_and_next_are_one_height_and_the_tools_one_size(phone_page, kazakhstan_url, lang):
    # (a title of one line beside one of two left the shorter button floating in the middle of the
    # row, and Share was in a larger type than the button beside it)
    TimelinePage(phone_page, kazakhstan_url, lang).open(event="almaty-airport-seized", query=f"lang={lang}")
    previous, following = (phone_page.locator(button).bounding_box() for button in ("#prev-event", "#next-event"))
    assert previous["y"] == following["y"] and previous["height"] == following["height"], (previous, following)
    sizes = phone_page.evaluate(
        "() => [...document.querySelectorAll('.toolbar .tools button, .toolbar .tools .share-summary')]"
        ".filter(e => e.offsetParent).map(e => getComputedStyle(e).fontSize)"
    )
    assert len(sizes) >= 2 and len(set(sizes)) == 1, sizes


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_on_a_phone_from_and_to_are_boxes_of_one_width_one_under_the_other(phone_page, kazakhstan_url, lang):
    # (each began after its own word: "From" and "to" left their boxes at two edges)
    timeline = TimelinePage(phone_page, kazakhstan_url, lang).open(query=f"lang={lang}")
    timeline.show_filters()
    start, end = (phone_page.locator(box).bounding_box() for box in ("#date-from", "#date-to"))
    assert end["y"] > start["y"]
    assert (start["x"], start["width"]) == (end["x"], end["width"]), (start, end)
    assert start["width"] >= 0.6 * phone_page.viewport_size["width"], start


def test_in_arabic_a_checkbox_keeps_its_gap_and_the_share_box_s_link_and_code_read_left_to_right(page, kazakhstan_url):
    # (the gap was on the checkbox's right, the side of its word; the embed code showed its < at the
    # line's end and the link its end, as right-to-left text: a probe's findings)
    TimelinePage(page, kazakhstan_url, "ar").open(event="death-toll", query="lang=ar")
    box, word = page.evaluate(
        """() => { const label = document.querySelector('.category-checklist label');
             return [label.querySelector('input').getBoundingClientRect().left,
                     label.querySelector('.dash-options-list-option-text').getBoundingClientRect().right]; }"""
    )
    assert box - word >= 6, (box, word)
    page.locator(".share-summary").click()
    for field in ("#share-link", "#share-embed"):
        expect(page.locator(field)).to_have_css("direction", "ltr")
    assert page.locator("#share-embed").input_value().startswith("<iframe")


def test_in_arabic_a_place_s_list_on_the_map_reads_right_to_left(page, kazakhstan_url):
    # (Leaflet lays its popups out left to right: the list's heading, 7 events here, read "أحداث هنا 7"
    # at the left, and its close sat over the heading's side: a probe's finding)
    timeline = TimelinePage(page, kazakhstan_url, "ar").open(query="lang=ar&map=5/44/62")
    timeline.wait_for_map()
    timeline.click_map_at(43.2389, 76.8897)  # (Almaty's seven events)
    popup = page.locator(".leaflet-popup")
    expect(popup.locator(".map-choices button")).to_have_count(7)
    expect(popup.locator(".leaflet-popup-content")).to_have_css("direction", "rtl")
    # (measured at one moment: the popup moves while the map pans to show it whole)
    words, heading, close = popup.evaluate(
        """box => { const p = box.querySelector('.map-choices p'), r = document.createRange();
             r.selectNodeContents(p);
             const edges = e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; };
             return [edges(r), edges(p), edges(box.querySelector('.leaflet-popup-close-button'))]; }"""
    )
    # (the heading's words end at its right edge, the close is at its left)
    assert words[1] >= heading[1] - 2, (words, heading)
    assert close[1] <= (heading[0] + heading[1]) / 2, (close, heading)
