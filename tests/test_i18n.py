"""Every reader's language (issue 16): the catalogues hold every word the app writes, the page
speaks the language its address, its setting or the browser asks for, and dates are written as
a reader of that language writes them (CLDR, through Babel)."""

from __future__ import annotations

import datetime as dt
import json
import re

import numpy as np
import plotly
import pytest

from timeline import dates, i18n
from timeline.app import create_app
from timeline.app.layout import layout as page_layout
from timeline.state import State

from . import catalogues
from .catalogues import PAGE_KEYWORDS, ROOT, catalogue_ids, fields, forms
from .dash_client import Client

LOCALE = ROOT / "timeline" / "locale"


def extracted() -> set:
    """The messages the code marks for the page's catalogue (singular of a plural)."""
    return set(catalogues.extracted(PAGE_KEYWORDS))


def test_the_template_holds_every_message_the_code_marks():
    """`make messages` was run after the last change of a marked string."""
    assert extracted() == set(catalogue_ids(ROOT / "timeline/locale/timeline.pot"))


@pytest.mark.parametrize("lang", [lang for lang in i18n.COMPLETE if lang != "en"])
def test_a_complete_catalogue_translates_every_message(lang):
    entries = catalogue_ids(i18n.catalogue_path(lang))
    missing = sorted(extracted() - {k for k, m in entries.items() if all(forms(m)) and not m.fuzzy})
    assert not missing, f"{lang} misses {missing}"
    for message in entries.values():  # a translation names the same values as its English
        english = message.id if isinstance(message.id, str) else message.id[1]
        for form in forms(message):
            assert fields(form) == fields(english), (lang, english, form)


def test_a_sample_catalogue_only_holds_messages_the_code_marks():
    for lang in i18n.SAMPLES:
        assert set(catalogue_ids(i18n.catalogue_path(lang))) <= extracted()


# --- Words the page writes that no catalogue holds --------------------------------------------

# What the page writes that is the same in every language: names, symbols, examples of input.
SAME_IN_EVERY_LANGUAGE = {
    "",
    " ",
    "▾",
    "×",
    "← →",
    "TimelineJS JSON",
    "Map",
    "Source",
    "Sources",
    "Figure",
    "Filters",
}


def written(node) -> list[str]:
    """Every text a component tree shows or says: text children, placeholders, titles and
    accessible names."""
    out = []
    if isinstance(node, str):
        return [node]
    if isinstance(node, (list, tuple)):
        for child in node:
            out += written(child)
        return out
    if hasattr(node, "to_plotly_json"):
        props = node.to_plotly_json()["props"]
        for name in ("placeholder", "title", "aria-label"):
            if isinstance(props.get(name), str):
                out.append(props[name])
        out += written(props.get("children"))
    return out


@pytest.mark.parametrize("lang", [lang for lang in i18n.COMPLETE if lang != "en"])
def test_every_word_of_the_page_comes_from_the_catalogue(lang):
    """The page in each complete language writes no English word left untranslated (a string the
    code does not mark stays English and fails here)."""
    with i18n.using("en"):
        english = written(page_layout("", "v", {}))  # (no title set: "Timeline", translated)
    with i18n.using(lang):
        translated = written(page_layout("", "v", {}))
    assert len(english) == len(translated)
    untranslated = [
        e
        for e, r in zip(english, translated)
        if e == r
        and e.strip() not in SAME_IN_EVERY_LANGUAGE
        and e not in i18n.NAMES.values()  # (each language named in itself, on every page...
        and e.lower() not in i18n.NAMES  # ... and its code)
        and re.search(r"[A-Za-z]{2}", e)
    ]
    assert not untranslated


# --- Choosing the language --------------------------------------------------------------------


@pytest.mark.parametrize(
    "address, setting, header, chosen",
    [
        ("", "", None, "en"),
        ("", "", "fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        ("", "", "ru-KZ, kk;q=0.5", "ru"),
        ("", "", "kk", "kk"),
        ("", "", "de-DE,de;q=0.9", "en"),  # not shipped: English
        ("", "", "de;q=0.9, kk;q=0.8, ru;q=0.7", "kk"),
        ("", "", "ar", "ar"),  # Arabic is complete: the browser's Arabic is offered
        ("", "", "ar-EG,ar;q=0.9,en;q=0.8", "ar"),
        ("", "", "ar-SA, fr;q=0.5", "ar"),
        ("", "fr", "ru", "fr"),  # the site's setting wins over the browser
        ("kk", "fr", "ru", "kk"),  # the address wins over both
        ("ar", "", None, "ar"),
    ],
)
def test_the_language_is_the_address_s_then_the_setting_s_then_the_browser_s(address, setting, header, chosen):
    assert i18n.choose(address, setting, header) == chosen


def test_the_address_keeps_the_language_and_refuses_one_not_shipped():
    state = State.from_search("?event=a-b&lang=fr")
    assert state.lang == "fr" and "lang=fr" in state.to_search()
    assert "lang=fr" in state.select("c-d").to_search()
    refused = State.from_search("?lang=xx")
    assert refused.lang == "" and "lang" not in refused.to_search()
    assert any("'lang'" in reason for reason in refused.refused)
    assert State.from_search("").to_search() == ""  # English addresses are unchanged


@pytest.mark.parametrize(
    "written, lang",
    [
        ("fr-FR", "fr"),  # (a language's tag with its region, as a browser or a CMS writes it)
        ("Fr", "fr"),
        ("AR", "ar"),
        ("ru_RU", "ru"),
        ("kk-Cyrl-KZ", "kk"),
        ("pt-BR", ""),  # (not shipped: refused, as before)
        ("french", ""),
    ],
)
def test_the_address_s_language_is_read_in_any_case_with_its_region(written, lang):
    state = State.from_search(f"?lang={written}")
    assert state.lang == lang
    assert bool(state.refused) == (not lang)
    assert state.to_search() == (f"?lang={lang}" if lang else "")


# --- Dates as readers write them ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, precision, written_",
    [
        ("en", "day", "7 January 2022"),
        ("en", "month", "January 2022"),
        ("en", "minute", "7 January 2022, 14:30"),
        ("fr", "day", "7 janvier 2022"),
        ("fr", "month", "janvier 2022"),
        ("fr", "year", "2022"),
        ("fr", "minute", "7 janvier 2022, 14:30"),
        ("ru", "day", "7 января 2022\u202fг."),  # (CLDR: a narrow no-break space)
        ("ru", "month", "январь 2022\u202fг."),
        ("ru", "minute", "7 января 2022\u202fг., 14:30"),
        ("kk", "day", "2022\u202fж. 7 қаңтар"),
        ("kk", "month", "2022\u202fж. қаңтар"),
        ("kk", "minute", "2022\u202fж. 7 қаңтар, 14:30"),
        # Arabic: the digits the editor wrote (CLDR's default for "ar", as plotly.js writes them
        # on the axis), never Arabic-Indic ones beside them.
        ("ar", "day", "7 يناير 2022"),
        ("ar", "month", "يناير 2022"),
        ("ar", "year", "2022"),
        ("ar", "minute", "7 يناير 2022، 2:30 م"),
    ],
)
def test_a_date_is_written_as_a_reader_of_the_language_writes_it(lang, precision, written_):
    with i18n.using(lang):
        assert dates.label(np.datetime64("2022-01-07T14:30", "s"), precision) == written_


@pytest.mark.parametrize(
    "lang, when, precision, written_",
    [
        ("fr", "2022-11-01", "day", "1er novembre 2022"),  # (as French writes the first of a month)
        ("fr", "2022-11-01T09:05", "minute", "1er novembre 2022, 09:05"),
        ("fr", "2022-11-11", "day", "11 novembre 2022"),
        ("fr", "2022-11-21", "day", "21 novembre 2022"),
        ("fr", "0600-03-01", "day", "1er mars 600 ap. J.-C."),  # (a year with its era)
        ("en", "2022-11-01", "day", "1 November 2022"),
        ("ru", "2022-11-01", "day", "1 ноября 2022\u202fг."),
    ],
)
def test_the_first_of_a_month_is_written_as_the_language_writes_it(lang, when, precision, written_):
    with i18n.using(lang):
        assert dates.label(np.datetime64(when, "s"), precision) == written_


@pytest.mark.parametrize(
    "lang, written_",
    [
        ("fr", "7 janvier 2022, 06:45:56"),
        ("ru", "7 января 2022\u202fг., 06:45:56"),
        ("kk", "2022\u202fж. 7 қаңтар, 06:45:56"),
        ("ar", "7 يناير 2022، 6:45:56 ص"),
        ("fr-early", "7 janvier 600 ap. J.-C., 06:45:56"),
    ],
)
def test_a_time_with_seconds_keeps_them_in_every_language(lang, written_):
    """A time written to the second (a TimelineJS sheet's 6:45:56) is shown to the second."""
    year = "0600" if lang.endswith("-early") else "2022"
    with i18n.using(lang.removesuffix("-early")):
        assert dates.label(np.datetime64(f"{year}-01-07T06:45:56", "s"), "minute") == written_


def test_a_time_keeps_its_offset():
    with i18n.using("fr"):
        assert (
            dates.label(np.datetime64("2022-01-07T14:30", "s"), "minute", "+06:00")
            == "7 janvier 2022, 14:30 (UTC+06:00)"
        )


NNBSP = "\u202f"


@pytest.mark.parametrize(
    "lang, value, precision, written_",
    [
        # a year before AD 1000 with its era, as the language writes one (CLDR): it was "500 BC",
        # "AD 600" in English on every page
        ("en", "-0499-01-01", "year", "500 BC"),
        ("en", "0600-01-01", "year", "AD 600"),
        ("fr", "-0499-01-01", "year", "500 av. J.-C."),
        ("fr", "0000-01-01", "year", "1 av. J.-C."),  # (astronomical 0 is 1 BC)
        ("fr", "0600-01-01", "year", "600 ap. J.-C."),
        ("fr", "0600-03-01", "month", "mars 600 ap. J.-C."),
        ("fr", "-0043-03-15", "day", "15 mars 44 av. J.-C."),
        ("fr", "-0043-03-15T11:00", "minute", "15 mars 44 av. J.-C., 11:00"),
        ("ru", "-0499-01-01", "year", f"500{NNBSP}г. до н. э."),
        ("ru", "-0043-03-15", "day", f"15 марта 44{NNBSP}г. до н. э."),
        ("ru", "0600-03-01", "month", f"март 600{NNBSP}г. н. э."),
        ("kk", "-0499-01-01", "year", f"б.з.д. 500{NNBSP}ж."),
        ("ar", "-0499-01-01", "year", "500 ق.م"),
        ("ar", "-0043-03-15T11:00", "minute", "15 مارس 44 ق.م، 11:00 ص"),
        # from AD 1000 on, a year is its digits alone, as before
        ("fr", "1066-01-01", "year", "1066"),
        ("ru", "1066-10-14", "day", f"14 октября 1066{NNBSP}г."),
    ],
)
def test_a_date_before_ad_1000_has_its_era_in_the_language(lang, value, precision, written_):
    with i18n.using(lang):
        assert dates.label(np.datetime64(value, "s"), precision) == written_


def test_numbers_and_plurals_follow_the_language():
    with i18n.using("ru"):
        assert [i18n.ngettext("{n} account", "{n} accounts", n).format(n=n) for n in (1, 3, 5, 21)] == [
            "1 сообщение",
            "3 сообщения",
            "5 сообщений",
            "21 сообщение",
        ]
        assert i18n.number(4353) == "4\xa0353"
    with i18n.using("en"):
        assert i18n.number(4353) == "4,353"


# --- The page served -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    return create_app(ROOT / "events.csv", "Timeline").server.test_client()


def opening(page: str) -> dict:
    return json.loads(re.findall(r'<script type="application/json" id="opening">(.*?)</script>', page, re.S)[0])


def test_the_page_says_its_language_and_direction(client):
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="kk" dir="ltr">' in client.get("/?lang=kk").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in client.get("/?lang=ar").get_data(as_text=True)


def test_a_page_whose_address_asks_for_a_language_brings_its_layout_in_it(client):
    view = opening(client.get("/?lang=ru").get_data(as_text=True))
    assert view["lang"] == "ru" and "Поиск" in json.dumps(view["layout"], ensure_ascii=False)
    assert view["words"]["Show the map"] == "Показать карту"
    assert "layout" not in opening(client.get("/").get_data(as_text=True))


def test_the_layout_follows_the_browser_s_language(client):
    french = client.get("/_dash-layout", headers={"Accept-Language": "fr"})
    english = client.get("/_dash-layout")
    assert "Effacer les filtres" in french.get_data(as_text=True) and "Clear filters" in english.get_data(as_text=True)
    for response in (french, english, client.get("/")):  # a cache keeps one per language
        assert "Accept-Language" in response.headers.get("Vary", "")


@pytest.fixture(scope="module")
def untitled():
    return create_app(ROOT / "events.csv").server.test_client()  # (no TIMELINE_TITLE, no --title)


def headings(node) -> list[str]:
    """The texts of the H1 elements in a layout (Dash's JSON of it)."""
    if isinstance(node, list):
        return [text for child in node for text in headings(child)]
    if not isinstance(node, dict):
        return []
    props = node.get("props", {})
    found = [props["children"]] if node.get("type") == "H1" else []
    return found + headings(props.get("children"))


@pytest.mark.parametrize(
    "lang, title", [("en", "Timeline"), ("fr", "Chronologie"), ("ru", "Хронология"), ("ar", "الخط الزمني")]
)
def test_a_site_that_sets_no_title_is_titled_timeline_in_the_reader_s_language(untitled, client, lang, title):
    assert f"<title>{title}</title>" in untitled.get(f"/?lang={lang}").get_data(as_text=True)
    assert headings(untitled.get("/_dash-layout", headers={"Accept-Language": lang}).get_json()) == [title]
    assert headings(opening(untitled.get(f"/?lang={lang}").get_data(as_text=True)).get("layout", [])) in ([], [title])
    # A title the site sets is its own words, the same in every language.
    assert "<title>Timeline</title>" in client.get(f"/?lang={lang}").get_data(as_text=True)
    assert headings(client.get("/_dash-layout", headers={"Accept-Language": lang}).get_json()) == ["Timeline"]


def test_a_callback_answers_in_the_address_s_language(client):
    page = opening(client.get("/?lang=fr").get_data(as_text=True))
    body = {
        "output": "..in-view.children...edge-before.children...edge-before.hidden...edge-after.children...edge-after.hidden..",
        "outputs": [
            {"id": "in-view", "property": "children"},
            {"id": "edge-before", "property": "children"},
            {"id": "edge-before", "property": "hidden"},
            {"id": "edge-after", "property": "children"},
            {"id": "edge-after", "property": "hidden"},
        ],
        "inputs": [
            {"id": "view", "property": "data", "value": page["view"]},
            {"id": "data-version", "property": "data", "value": page["version"]},
            {"id": "zoom", "property": "data", "value": None},
        ],
        "changedPropIds": ["view.data"],
    }
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    assert answer.get_json()["response"]["in-view"]["children"].endswith("événements affichés")


# --- check, for a French-speaking desk ------------------------------------------------------------


def test_check_says_its_frame_and_summary_in_french_and_stays_english_by_default(tmp_path):
    import subprocess
    import sys

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "timeline", "check", *args], capture_output=True, text=True, cwd=ROOT
        )

    english, french = run("tests/data/hostile.csv"), run("tests/data/hostile.csv", "--lang", "fr")
    assert english.stdout.splitlines()[-1] == "8 events, 13 accounts, 0 errors, 33 warnings"
    assert french.stdout.splitlines()[-1] == "8 événements, 13 récits, 0 erreur, 33 avertissements"
    assert ": avertissement: " in french.stdout and ": warning: " in english.stdout
    assert english.returncode == french.returncode


# --- The chart's locales: vendored from plotly.js, or written from CLDR -----------------------------


def test_the_chart_s_locales_are_vendored_with_their_licence_and_written_from_cldr():
    vendor = ROOT / "assets" / "vendor"
    assert "MIT" in (vendor / "plotly.js-LICENSE.txt").read_text()
    for lang in i18n.PLOTLY_OWN:
        own = (vendor / f"plotly-locale-{lang}.js").read_text(encoding="utf-8")
        assert f'name:"{lang}"' in own
        assert ("dictionary:{}" not in own) == (lang in i18n.PLOTLY_WORDED)  # (else ours are added)
    # The chart's buttons in every language: plotly.js's words, or the catalogue's.
    assert i18n.plotly_locale("ar")["dictionary"]["Zoom in"] == "تكبير"
    assert i18n.plotly_locale("kk")["dictionary"]["Zoom in"] == "Үлкейту"
    # Written by `make vendor`, never by hand: the committed file is what CLDR and the catalogue give.
    assert (vendor / "plotly-locales-cldr.js").read_text(encoding="utf-8") == i18n.plotly_locales_script()


@pytest.mark.parametrize(
    "pattern, d3",
    [
        ("d MMM", "%-d %b"),
        ("d MMM y 'г'.", "%-d %b %Y г."),
        ("y 'ж'. d MMM", "%Y ж. %-d %b"),
        ("dd.MM.yy", "%d.%m.%Y"),
        ("LLL y 'г'.", "%B %Y г."),
        ("MMM y", "%b %Y"),
    ],
)
def test_a_cldr_pattern_becomes_plotly_s_time_format(pattern, d3):
    assert i18n.d3_format(pattern) == d3


@pytest.mark.parametrize("pattern", ["MMMM y", "d 'de' MMMM", "LLLL"])
def test_a_wide_month_name_is_refused_as_the_locale_has_no_list_of_them(pattern):
    with pytest.raises(ValueError, match="wide month"):
        i18n.d3_format(pattern)


def _d3(locale: dict, form: str, day: dt.date) -> str:
    """What plotly.js's d3 writes for `day` in the locale's tick form `form` (the parts we use)."""
    f = locale["format"]
    return (
        f[form]
        .replace("%-d", str(day.day))
        .replace("%d", f"{day.day:02}")
        .replace("%m", f"{day.month:02}")
        .replace("%Y", str(day.year))
        .replace("%B", f["months"][day.month - 1])
        .replace("%b", f["shortMonths"][day.month - 1])
    )


@pytest.mark.parametrize(
    "lang, form, day, tick",
    [
        # A month on its own is named as it stands alone; beside a day, as Russian declines it.
        ("ru", "month", dt.date(2022, 5, 1), "май 2022\u202fг."),
        ("ru", "month", dt.date(2022, 3, 1), "март 2022\u202fг."),
        ("ru", "dayMonth", dt.date(2022, 5, 7), "7 мая"),
        ("ru", "dayMonthYear", dt.date(2022, 1, 6), "6 янв. 2022\u202fг."),
        ("fr", "month", dt.date(2022, 1, 1), "janv. 2022"),
        ("fr", "dayMonth", dt.date(2022, 1, 7), "7 janv."),
        ("kk", "month", dt.date(2022, 1, 1), "2022\u202fж. қаң."),
        ("kk", "dayMonth", dt.date(2022, 1, 7), "7 қаң."),
        # Arabic's forms begin with a right-to-left mark: the chart lays its text out left to
        # right, where "7 يناير" unmarked stood with its day at the left (i18n.chart_line).
        ("ar", "dayMonth", dt.date(2022, 1, 7), "\u200f7 يناير"),
        ("ar", "dayMonthYear", dt.date(2022, 1, 7), "\u200f7 يناير 2022"),
        ("ar", "month", dt.date(2022, 1, 1), "\u200fيناير 2022"),
    ],
)
def test_the_chart_s_ticks_name_months_as_the_language_does(lang, form, day, tick):
    assert _d3(i18n.plotly_locale(lang), form, day) == tick


def test_the_graph_config_names_the_locale_only_outside_english():
    from timeline.app.layout import GRAPH_CONFIG, graph_config

    with i18n.using("en"):
        assert graph_config() == GRAPH_CONFIG and "locale" not in GRAPH_CONFIG
    with i18n.using("kk"):
        assert graph_config()["locale"] == "kk"


@pytest.mark.parametrize(
    "lang, heading, said",
    [
        ("fr", "Au fil des récits", "sur 35 événements"),
        ("ru", "Как сообщалось", "из 35 событий"),
        ("kk", "Хабарланған ретпен", "/ 35 оқиға"),
        ("ar", "تسلسل ما نُشر", "35 من 35 حدثًا"),
    ],
)
def test_an_event_s_panel_and_the_counter_in_each_language(client, lang, heading, said):
    status, answer = Client(client).callback(
        "counter.children", {"view.data": f"?event=shoot-to-kill-order&lang={lang}"}, changed=("view.data",)
    )
    assert status == 200
    assert heading in json.dumps(answer["sources-panel"], ensure_ascii=False)
    assert said in answer["counter"]["children"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("28 событий, 7 июня 2017 г. — 19 января 2022 г..", "28 событий, 7 июня 2017 г. — 19 января 2022 г."),
        ("35 events, 7 June 2017 to 24 April 2023.", "35 events, 7 June 2017 to 24 April 2023."),
        ("... and 3 more outlets...", "... and 3 more outlets..."),
    ],
)
def test_a_sentence_ending_in_a_date_with_its_own_full_stop_takes_no_second(text, expected):
    assert i18n.sentence(text) == expected


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "1 event, December 2021."),  # (it said "1 events, December 2021 to 31 December 2021.")
        ("fr", "1 événement, décembre 2021."),
    ],
)
def test_the_overview_of_one_event_says_one_event_and_its_month(client, lang, said):
    status, answer = Client(client).callback(
        "counter.children", {"view.data": f"?q=Conseil&lang={lang}"}, changed=("view.data",)
    )
    assert status == 200 and said in json.dumps(answer["sources-panel"], ensure_ascii=False)


def test_the_overview_in_russian_ends_its_span_with_one_full_stop(client):
    status, answer = Client(client).callback(
        "counter.children", {"view.data": "?lang=ru&asof=2022-01-08"}, changed=("view.data",)
    )
    panel = json.dumps(answer["sources-panel"], ensure_ascii=False)
    assert status == 200 and re.search(r"19 января 2022\s?г\.", panel)
    assert "г.." not in panel


@pytest.mark.parametrize(
    "lang, month, day, step",
    [
        # franceinfo's account of the toll came out in January 2022, its day not given; AP's on 10 January.
        ("en", "Published in January 2022.", "Published 10 January 2022.", "Previous:"),
        ("fr", "Publié en janvier 2022.", "Publié le 10 janvier 2022.", "Précédent :"),
        ("ru", "Дата публикации: январь 2022\u202fг.", "Опубликовано 10 января 2022\u202fг.", "Назад:"),
        ("ar", "نُشر في يناير 2022.", "نُشر في 10 يناير 2022.", "السابق:"),
    ],
)
def test_a_publication_date_reads_as_a_sentence_at_its_precision(client, lang, month, day, step):
    status, answer = Client(client).callback(
        "counter.children", {"view.data": f"?event=death-toll&lang={lang}"}, changed=("view.data",)
    )
    assert status == 200
    said = json.dumps(answer, ensure_ascii=False)
    assert month in said and day in said
    assert ".." not in said  # (a Russian date's own "г." takes no second full stop)
    # The Previous button's word and colon, as the language spaces them (" :" in French)
    from timeline.app import render
    from timeline.view.listing import Step

    with i18n.using(lang):
        words = render.steps(Step("a", "Arrests", "Arrests in the capital"), Step("b", "B", "B"))[0]
    assert next(w for w in words if w.className == "step-word").children == step


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_previous_and_next_point_along_the_time_axis_in_either_direction(lang):
    """Previous steps back in time, to the left on the chart (and the left arrow key): its ← stands
    at its left edge; Next's → at its right edge. A right-to-left button lays its first child at
    its right, so in Arabic each arrow is written at the other end (and style.css shows Next at
    the right of Previous)."""
    from timeline.app import render
    from timeline.view.listing import Step

    with i18n.using(lang):
        previous, _tip, _class, following, *_ = render.steps(Step("a", "A", "A"), Step("b", "B", "B"))
    arrows = [[c.children for c in button if c.className == "arrow"] for button in (previous, following)]
    assert arrows == [["←"], ["→"]]
    left_to_right = [list(reversed(b)) if lang == "ar" else b for b in (previous, following)]
    assert left_to_right[0][0].className == "arrow" and left_to_right[1][-1].className == "arrow"


@pytest.mark.parametrize(
    "lang, title, tip",
    [
        (
            "ar",
            "Arrests in the capital (Almaty)",
            "السابق: \u2068Arrests in the capital (Almaty)\u2069 (مفتاح السهم الأيسر)",
        ),
        ("en", "اعتقالات في العاصمة", "Previous: \u2068اعتقالات في العاصمة\u2069 (left arrow key)"),
        ("en", "x" * 400, "Previous: \u2068" + "x" * 279 + "…\u2069 (left arrow key)"),
    ],
)
def test_a_title_in_a_tooltip_keeps_its_own_direction(lang, title, tip):
    """A tooltip (a title attribute, which cannot hold a <bdi>) that quotes an event's title or an
    outlet: the value stands between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so that an
    English title ending in a bracket does not swap places with the Arabic words around it, nor an
    Arabic title with "(left arrow key)". A long title is cut before the isolate closes."""
    from timeline.app import render
    from timeline.view.listing import Step
    from timeline.view.panel import Overview

    with i18n.using(lang):
        assert render.steps(Step("a", title[:20], title), Step("b", "B", "B"))[1] == tip
        buttons = render.overview(
            Overview(span="", events=3, total=3, categories=[], outlets=[(title, 3)], filtered=False)
        )
    said = json.dumps(buttons, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)
    assert f"\u2068{title}\u2069" in said


# --- Arabic: six plural forms, the editor's digits, and words that keep their order -------------


@pytest.mark.parametrize(
    "n, counter",
    [
        # zero, one, two, few (3-10), many (11-99), other (100-102, ...): each as Arabic counts.
        (0, "0 من 0 أحداث"),
        (1, "1 من 1 حدث"),
        (2, "2 من 2 حدثين"),
        (5, "5 من 5 أحداث"),
        (11, "11 من 11 حدثًا"),
        (35, "35 من 35 حدثًا"),
        (100, "100 من 100 حدث"),
        (103, "103 من 103 أحداث"),
        (111, "111 من 111 حدثًا"),
    ],
)
def test_the_arabic_counter_counts_with_the_form_of_each_number(n, counter):
    with i18n.using("ar"):
        said = i18n.ngettext("{shown} of {total} event", "{shown} of {total} events", n)
        assert said.format(shown=i18n.number(n), total=i18n.number(n)) == counter


@pytest.mark.parametrize("n, word", [(0, "أحداث"), (1, "حدث"), (2, "حدثان"), (5, "أحداث"), (11, "حدثًا"), (100, "حدث")])
def test_every_plural_message_has_arabic_s_six_forms_and_the_number_in_each(n, word):
    entries = catalogue_ids(i18n.catalogue_path("ar"))
    plural = [m for m in entries.values() if isinstance(m.id, (list, tuple))]
    assert plural and all(len(forms(m)) == 6 for m in plural)
    with i18n.using("ar"):
        assert i18n.ngettext("{n} event", "{n} events", n).format(n=n) == f"{n} {word}"


def test_arabic_numbers_are_written_with_the_editor_s_digits_everywhere():
    """One numbering, the one the data is written in: the counter, the panel's dates, the chart's
    axis (plotly.js writes 0-9) and its thousands agree; an Arabic-Indic digit would be read as a
    different script from the dates the editor typed (2022-01-07) and the filters take."""
    import timeline
    from timeline.index import build_index
    from timeline.view import panel

    index = build_index(timeline.load_bytes((ROOT / "events.csv").read_bytes()))
    with i18n.using("ar"):
        assert i18n.number(4353) == "4,353"
        written_ = [i18n.number(1234567), i18n.day(2022, 1, 7), i18n.minute(2022, 1, 7, 14, 30)]
        written_.append(panel.counter_text(index, np.ones(len(index), dtype=bool)))
    assert written_[-1] == "35 من 35 حدثًا"
    assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", " ".join(written_)), written_
    locale = i18n.plotly_locale("ar")["format"]
    assert (locale["decimal"], locale["thousands"]) == (".", ",")


def test_the_chart_s_arabic_lines_are_marked_right_to_left_and_other_languages_are_not():
    """plotly.js lays the chart's text out left to right: unmarked, "7 يناير 2022" showed its day at
    the left beside the year ("7 2022 يناير"). The editor's title is left as written."""
    import timeline
    from timeline.index import build_index
    from timeline.view.figure import hover_texts

    index = build_index(timeline.load_bytes((ROOT / "events.csv").read_bytes()))
    at = np.array([index.position("shoot-to-kill-order")])
    with i18n.using("ar"):
        arabic = hover_texts(index, at)[0]
    with i18n.using("fr"):
        french = hover_texts(index, at)[0]
    assert arabic.startswith("<b>\u200f7 يناير 2022</b><br>Tokayev orders forces to shoot to kill<br><i>\u200f4 روايات")
    assert french.startswith("<b>7 janvier 2022</b>") and "\u200f" not in french


def test_a_list_in_arabic_is_joined_by_the_arabic_comma_and_semicolon():
    with i18n.using("ar"):
        assert i18n.listed(["أ", "ب"]) == "أ، ب" and i18n.listed(["أ", "ب"], ";") == "أ؛ ب"
    with i18n.using("fr"):
        assert i18n.listed(["a", "b"], ";") == "a; b"


@pytest.mark.parametrize("catalogue", sorted(LOCALE.glob("**/*.po*")), ids=lambda path: str(path.relative_to(LOCALE)))
def test_no_message_is_defined_twice_in_a_catalogue(catalogue):
    """gettext's own tools (msgfmt, msgmerge) refuse a catalogue that defines a message twice;
    Babel reads it and keeps one, so only this says so."""
    text = catalogue.read_text(encoding="utf-8")
    # Each message's msgid, its continuation lines joined ("" for the header).
    msgids = [
        "".join(re.findall(r'"(.*)"', found))
        for found in re.findall(r'^msgid ((?:".*"\n)+)', text + "\n", flags=re.MULTILINE)
    ]
    assert len(msgids) > 20
    assert [m for m in set(msgids) if msgids.count(m) > 1] == []
