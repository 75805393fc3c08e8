"""As of a date, and how a claim changed (issue 15), in the browser: a link opens on the story
as it was known then; the death toll's step chart shows every source's value; the keyboard
sets and clears the date; a retraction made later is not shown as of an earlier date;
axe-core finds nothing serious."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ..helpers import row
from .conftest import serve_rows
from .pages import TimelinePage


def test_a_link_with_asof_opens_on_the_story_as_known_then(timeline):
    timeline.open("shoot-to-kill-order", query="asof=2022-01-07")
    expect(timeline.counter).to_have_text("27 of 35 events, as known on 7 January 2022")
    expect(timeline.as_of).to_have_value("2022-01-07")
    # Three accounts were out, all of 7 January: no dispute yet; franceinfo's "January 8" is not out.
    expect(timeline.heading).to_have_text("Tokayev orders forces to shoot to kill")
    expect(timeline.panel).to_contain_text("As of 7 January 2022")
    expect(timeline.panel).to_contain_text("1 later account of it is not shown")
    assert "Disputed." not in timeline.panel_text() and "franceinfo" not in timeline.panel_text()
    # Accounts without a publication date are shown, and say so.
    expect(timeline.panel.locator(".undated-note").first).to_contain_text("publication date not given")
    # Events first reported later are not in the list.
    expect(timeline.event_list).not_to_contain_text("National day of mourning")
    expect(timeline.event_list).not_to_contain_text("Massimov sentenced")


def test_the_dispute_appears_once_its_second_account_is_out(timeline):
    timeline.open("shoot-to-kill-order", query="asof=2022-01-08")
    expect(timeline.panel).to_contain_text("Disputed.")
    expect(timeline.panel).to_contain_text("franceinfo")
    expect(timeline.list_link("shoot-to-kill-order")).to_contain_text("disputed")


def test_the_step_chart_shows_every_source_value_of_the_death_toll(timeline):
    timeline.open("death-toll")
    expect(timeline.step_chart).to_have_count(1)
    expect(timeline.step_chart).to_contain_text("How the figure changed: dead")
    table = timeline.step_table()
    figures = [(row[1].split()[0], row[2].split(" (")[0]) for row in table]
    assert figures == [
        ("44", "Khabar 24"),
        ("164", "AP"),
        ("225", "AP"),
        ("225", "AFP"),
        ("225", "Kazinform"),
        ("230", "Interfax"),
        ("238", "RFE/RL"),
        ("241", "HRW; RFE/RL"),
        ("238", "RFE/RL"),
        ("238", "HRW"),
    ]
    assert "retracted" in table[1][1]
    # The chart itself writes every value, with its sources where they fit; the retracted one as
    # retracted; and no label covers another, nor a marker, as drawn (on a phone as well:
    # test_the_step_chart_s_labels_stay_apart_on_a_phone).
    expect(timeline.step_chart.locator(".js-plotly-plot g.textpoint text").first).to_be_attached()
    labels = timeline.step_chart_labels()
    assert sorted({re.match(r"\d+", label)[0] for label in labels}) == ["164", "225", "230", "238", "241", "44"]
    joined = " | ".join(labels)
    for value, source in (("44", "Khabar 24"), ("230", "Interfax"), ("238", "HRW")):
        assert re.search(rf"{value} ?\([^)]*{re.escape(source)}", joined), (value, source, joined)
    assert re.search(r"164 ?\(AP\) ?retracted", joined)  # (the word on a line of its own)
    assert timeline.step_chart_overlaps() == []
    # and the "as reported" sequence lists the accounts in the order they came out
    expect(timeline.as_reported).to_have_count(14)
    expect(timeline.as_reported.nth(4)).to_contain_text("10 January 2022")


@pytest.fixture(scope="module")
def retractions_url(tmp_path_factory):
    """A toll whose AP figure was withdrawn on 20 January, and a TASS one on a day not given."""
    dead = {"figure_unit": "dead", "title": "Toll"}
    rows = [
        row("toll-x", "2022-01-08", source="AP", published="2022-01-10", figure="100", retracted="2022-01-20", **dead),
        row("toll-x", "2022-01-08", source="TASS", published="2022-01-11", figure="90", retracted="yes", **dead),
        row("toll-x", "2022-01-08", source="AFP", published="2022-01-15", figure="120", **dead),
    ]
    with serve_rows(rows, tmp_path_factory.mktemp("retractions")) as url:
        yield url


def test_as_of_a_date_a_retraction_made_later_is_not_shown(page, retractions_url):
    timeline = TimelinePage(page, retractions_url).open("toll-x", query="asof=2022-01-12")
    expect(timeline.step_chart).to_have_count(1)
    # AP's 100 stood on 12 January: no mark in the table, the accounts or the chart's labels.
    assert [(r[1], r[2]) for r in timeline.step_table()] == [
        ("100 dead", "AP"),
        ("90 dead (retracted, date not given)", "TASS"),
    ]
    assert "retracted on" not in timeline.panel_text()
    assert "20 January" not in timeline.panel_text()
    labels = " | ".join(timeline.step_chart_labels())
    assert re.search(r"100 ?\(AP\)( \||$)", labels) and re.search(r"90 ?\(TASS\) ?retracted", labels), labels
    # From the day it was withdrawn, as today.
    timeline.open("toll-x", query="asof=2022-01-20")
    expect(timeline.panel).to_contain_text("100 dead (retracted on 20 January 2022)")
    timeline.open("toll-x")
    expect(timeline.panel).to_contain_text("100 dead (retracted on 20 January 2022)")
    expect(timeline.panel).to_contain_text("90 dead (retracted)")
    assert "date not given" not in timeline.panel_text()


def test_the_keyboard_sets_and_clears_the_date(timeline):
    timeline.open()
    timeline.settle()
    timeline.as_of.focus()
    timeline.page.keyboard.type("8 January 2022")
    timeline.page.keyboard.press("Enter")
    expect(timeline.counter).to_have_text("28 of 35 events, as known on 8 January 2022")
    expect(timeline.page).to_have_url(re.compile(r"asof=8\+January\+2022"))
    timeline.page.keyboard.press("Control+A")
    timeline.page.keyboard.press("Backspace")
    timeline.page.keyboard.press("Enter")
    expect(timeline.counter).to_have_text("35 of 35 events")
    assert "asof" not in timeline.page.url


def test_an_unreadable_date_is_said_and_changes_nothing(timeline):
    timeline.open(query="asof=someday")
    expect(timeline.counter).to_have_text("35 of 35 events")
    expect(timeline.problems).to_contain_text("'As of' date 'someday'")
    # A screen reader hears which box is wrong, and why: the box says so, described by the notice.
    expect(timeline.as_of).to_have_attribute("aria-invalid", "true")
    expect(timeline.as_of).to_have_attribute("aria-describedby", "problems")
    expect(timeline.page.locator("#date-from")).not_to_have_attribute("aria-invalid", "true")
    assert timeline.page_accessibility_problems() == []
    # Typed in the box, the same; mended, no longer.
    date_from = timeline.page.locator("#date-from")
    date_from.fill("the day after")
    date_from.press("Enter")
    expect(date_from).to_have_attribute("aria-invalid", "true")
    expect(timeline.problems).to_contain_text("'From' date 'the day after'")
    timeline.as_of.fill("2022-01-08")
    timeline.as_of.press("Enter")
    expect(timeline.as_of).not_to_have_attribute("aria-invalid", "true")
    expect(date_from).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("query", ["asof=2022-01-08", "event=death-toll", "event=death-toll&asof=2022-03-14"])
def test_axe_finds_nothing_serious(timeline, query):
    timeline.open(query=query)
    if "death-toll" in query:
        expect(timeline.step_chart).to_have_count(1)
    assert timeline.page_accessibility_problems() == []


def test_on_the_phone_as_of_folds_behind_the_filters_button(phone_page, kazakhstan_url):
    phone = TimelinePage(phone_page, kazakhstan_url)
    phone.open(query="asof=2022-01-08")
    expect(phone.as_of).not_to_be_visible()
    phone.filters_button.click()
    expect(phone.as_of).to_be_visible()
    expect(phone.as_of).to_have_value("2022-01-08")


def test_the_step_chart_s_labels_stay_apart_on_a_phone(phone_page, kazakhstan_url):
    timeline = TimelinePage(phone_page, kazakhstan_url, "fr").open("death-toll", query="lang=fr")
    expect(timeline.step_chart.locator(".js-plotly-plot g.textpoint text").first).to_be_attached()
    assert "8 janv." in timeline.step_chart.first.locator(".xtick text").all_text_contents()
    assert timeline.step_chart_overlaps() == []
    # The table under it breaks lines between words ("(déme|nti)", "(опроверг|нуто)", "Ombuds|woman"
    # broke), and fits the sheet.
    for lang in ("fr", "ru"):
        if lang != "fr":
            timeline = TimelinePage(phone_page, kazakhstan_url, lang).open("death-toll", query=f"lang={lang}")
        expect(timeline.page.locator(".step-table td").first).to_be_visible()
        assert timeline.words_split(".step-table") == [], lang
        assert timeline.page.evaluate(
            "() => { const p = document.getElementById('sources-panel'); return p.scrollWidth <= p.clientWidth; }"
        ), lang
