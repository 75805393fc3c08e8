"""TimelineJS in and out: sheet rows become accounts, events become TimelineJS JSON."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline
from timeline import cli, dates, i18n, media, schema
from timeline.load import load
from timeline.problems import ERROR, WARNING, Problem, ProblemCode
from timeline.timelinejs import export, importer, markup
from timeline.timelinejs import sheet as sheets
from timeline.timelinejs.sheet import CellError

DATA = Path(__file__).resolve().parent / "data" / "timelinejs"
SHEET = DATA / "kazakhstan.csv"
OLD_SHEET = DATA / "kazakhstan-old.csv"  # `Tag` for Group, no Alt Text, Headline first, no title row
EVENTS = Path(__file__).resolve().parent.parent / "events.csv"


# --- the package: the web page's export does not load the file-writing import ---------------------

WRITERS = ("timeline.editing", "timeline.timelinejs.importer", "timeline.cli")


@pytest.mark.parametrize(
    "module",
    [
        "timeline.view.export",
        "timeline.app",
        "timeline.timelinejs.export",
        "timeline.timelinejs.sheet",
        "timeline.timelinejs",
    ],
)
def test_the_web_worker_imports_the_export_without_the_locking_append(module):
    """A gunicorn worker imports the app and the TimelineJS export, never the import that appends to
    events.csv under its lock (timeline.editing): a fresh interpreter shows what is loaded."""
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(*[m for m in {WRITERS!r} if m in sys.modules])"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout.split()
    assert loaded == []


# --- HTML to text, ids, times, dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, text",
    [
        ("plain text", "plain text"),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<b>bold</b> and <i>italic</i>", "bold and italic"),
        ("Tom &amp; Jerry &lt;3 &quot;q&quot; &#39;s&#39; caf&eacute;", "Tom & Jerry <3 \"q\" 's' café"),
        ("<ul><li>one</li><li>two</li></ul>", "\u2022 one\n\u2022 two"),
        ('see <a href="https://example.org/a">the report</a>', "see the report (https://example.org/a)"),
        ('<a href="https://example.org">https://example.org</a>', "https://example.org"),
        ('see <a href="//example.org/a">the report</a>', "see the report (https://example.org/a)"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ('write to <a href="mailto:desk@example.org?subject=Tip">the desk</a>', "write to the desk (desk@example.org)"),
        ("x<script>alert(1)</script><style>p{}</style>y", "xy"),
        ("  lots   of\n\n\n\n  space  ", "lots of\n\nspace"),
        ("<blockquote>Time flies.<cite>A proverb</cite></blockquote>", "Time flies.\nA proverb"),
        ("as <cite>The Almanac</cite> says", "as The Almanac says"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
        # a picture or a video in the text (TimelineJS shows them there): its alt text and address kept
        (
            'Before <img src="https://example.org/p.jpg" alt="A protester holding a sign"> after',
            "Before A protester holding a sign (https://example.org/p.jpg) after",
        ),
        (
            'Watch: <iframe src="https://www.youtube.com/embed/aPweFhhXFvY"></iframe> end',
            "Watch: (https://www.youtube.com/embed/aPweFhhXFvY) end",
        ),
        ('<img src="javascript:alert(1)" alt="x">', "x"),  # (no address that is not a web link)
        # words in angle brackets that are no HTML element: the editor's, kept as written (were dropped)
        ("Email <info@example.org> for details", "Email <info@example.org> for details"),
        ("Tags: <Almaty>, <Astana>", "Tags: <Almaty>, <Astana>"),
        ("Use x<y and y>z", "Use x<y and y>z"),
        ("<b>x</b> </Almaty> y", "x </Almaty> y"),
        # (and an element's name with words after it that are no attributes: were dropped as a tag)
        ("Police estimate <a few hundred>, organisers 5,000", "Police estimate <a few hundred>, organisers 5,000"),
        ("Turnout was high (p<q and r>s in the model)", "Turnout was high (p<q and r>s in the model)"),
        ("Water <sub-zero> temperatures", "Water <sub-zero> temperatures"),
        ('<video controls src="https://example.org/v.mp4"></video>Clip', "(https://example.org/v.mp4) Clip"),
        ('<a data-x href="https://example.org/">words</a>', "words (https://example.org/)"),
        # (but a tag with a value anywhere, or of hidden content, stays a tag whatever its bare words)
        (
            '<iframe src="https://player.vimeo.com/video/1" frameborder="0" webkitallowfullscreen mozallowfullscreen '
            "allowfullscreen></iframe>",
            "(https://player.vimeo.com/video/1)",
        ),
        (
            '<a href="https://example.org/report.pdf" download>the report</a>',
            "the report (https://example.org/report.pdf)",
        ),
        ("<script async foo>alert(1)</script>after", "after"),
        ("<div contenteditable>x</div>", "x"),
        ("", ""),
    ],
)
def test_html_to_text(cell, text):
    assert markup.html_to_text(cell) == text


@pytest.mark.parametrize(
    "cell, text",
    [
        ('<a href="https://www.crisis24.com">Crisis24</a>', "Crisis24"),
        ("<p>Two</p><p>lines</p>", "Two lines"),
    ],
)
def test_inline_is_one_line_without_addresses(cell, text):
    assert markup.inline(cell) == text


@pytest.mark.parametrize(
    "headline, slug",
    [
        ("Protests begin in Zhanaozen", "protests-begin-in-zhanaozen"),
        ("Conseil d'Etat annuls Ablyazov’s refugee status", "conseil-detat-annuls-ablyazovs-refugee-status"),
        ("Café déjà vu", "cafe-deja-vu"),
        ("  --Over 1,000 rally!--  ", "over-1-000-rally"),
        ("Протесты", "protesty"),
        # Cyrillic and Greek in Latin letters, as news sites' addresses write them
        ("Протесты в Алматы", "protesty-v-almaty"),
        ("Захват аэропорта", "zakhvat-aeroporta"),
        ("Қазақстан: төтенше жағдай", "qazaqstan-totenshe-zhagday"),
        ("Ёлка и йогурт", "elka-i-yogurt"),
        ("Объявлено ЧП", "obyavleno-chp"),
        ("Κρίση στην Αθήνα", "krisi-stin-athina"),
        ("Ђоковић побеђује у Љубљани", "djokovic-pobedjuje-u-ljubljani"),
        # Ukrainian as Ukraine's table writes it (it followed Russian's: Київ was "kiyiv"), when a
        # letter only Ukrainian has says the text is Ukrainian (є, ї, ґ)
        ("Обстріл Києва", "obstril-kyieva"),
        ("Протести в Києві", "protesty-v-kyievi"),
        ("Миколаїв", "mykolaiv"),
        ("Єнакієве", "yenakiieve"),
        ("Об’єднання", "obiednannia"),  # (after an apostrophe within a word, є is within the word)
        ("'Їжак'", "yizhak"),  # (after a quote, a word's start)
        # і alone is Kazakh's and Belarusian's too: those keep the table they had
        ("Бейбіт шеру", "beybit-sheru"),
        ("Тілеген би", "tilegen-bi"),
        ("Алматыдағы шеру", "almatydagy-sheru"),
        ("М\u0069тинг в Москве", "miting-v-moskve"),  # (a Latin i in a Russian word)
        ("抗议", "event"),  # (a script without a table here: no letters left)
        ("A" * 80, "a" * 60),
        ("word " * 20, "-".join(["word"] * 12)),
        # a dash of Unicode's and a digit of another script: kept, as a hyphen and an ASCII digit
        ("ev\u20131", "ev-1"),
        ("ev-\u0661", "ev-1"),
        ("1990\u20131995 war", "1990-1995-war"),
        ("ev\u22121", "ev-1"),  # (the minus sign)
    ],
)
def test_slug(headline, slug):
    assert schema.slug(headline) == slug
    assert len(slug) <= schema.SLUG_LENGTH


@pytest.mark.parametrize(
    "title, id_",
    [("Café attack", "cafe-attack"), ("Tokayev's order", "tokayevs-order"), ("Tokayev’s order", "tokayevs-order")],
)
def test_check_suggests_the_id_import_would_make(tmp_path, title, id_):
    """One slug: the id `check` suggests for a title written as an id is the one `import` makes."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Year,Month,Day,Headline,Text\n2022,1,5," + title + ",x\n", encoding="utf-8")
    result = importer.import_sheet(sheet, tmp_path / "events.csv")
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[1].startswith(id_ + ",")
    path = tmp_path / "bad.csv"
    path.write_text("id,date,title,category,source\n" + f'"{title}",2022-01-05,x,protest,AP\n', encoding="utf-8")
    assert f"write it as {id_!r}" in " ".join(p.message for p in load(path).problems)
    assert not result.failed


@pytest.mark.parametrize(
    "base, taken, chosen",
    [
        ("death-toll", set(), "death-toll"),
        ("death-toll", {"death-toll"}, "death-toll-2"),
        ("death-toll", {"death-toll", "death-toll-2", "death-toll-3"}, "death-toll-4"),
    ],
)
def test_unique(base, taken, chosen):
    taken = set(taken)
    assert sheets.unique(base, taken) == chosen
    assert chosen in taken


@pytest.mark.parametrize(
    "text, time",
    [
        ("14:30", (14, 30)),
        ("09:05", (9, 5)),
        ("9:05", (9, 5)),
        ("14:30:15", (14, 30)),
        ("2:30 PM", (14, 30)),
        ("2:30pm", (14, 30)),
        ("2 p.m.", (14, 0)),
        ("12:00 AM", (0, 0)),
        ("12:15 PM", (12, 15)),
        ("11:59 pm", (23, 59)),
        ("0:00", (0, 0)),
        # as TimelineJS also reads a Time
        ("14", (14, 0)),
        ("14.30", (14, 30)),
        ("1430", (14, 30)),
        ("930", (9, 30)),
        ("14:30:15.5", (14, 30)),
        # a zone or an offset after it (kept in the date: sheet.zone)
        ("14:30 MSK", (14, 30)),
        ("2:30 PM EST", (14, 30)),
        ("1430+06:00", (14, 30)),
    ],
)
def test_clock(text, time):
    assert sheets.clock(text) == time


@pytest.mark.parametrize(
    "text",
    [
        *("25", "25:00", "12:60", "2460", "13:00 PM", "0:30 AM", "noon", "14h30", "14:3", "14:30 hrs", "14:30 MSK!"),
        # a span, or a time and an offset behind UTC: not read as either (9:00 PM-10:00 is 21:00 to 22:00)
        *("9:00 PM-10:00", "10:00 AM-02:00", "14:30-05:00"),
        # words that are no zone; a fraction of a day with a zone after it
        *("14:30 local", "14:30 LT", "14:30 noon", "2:30 PMDT", "0.30 EST"),
    ],
)
def test_clock_refuses(text):
    with pytest.raises(CellError) as refused:
        sheets.clock(text)
    assert refused.value.column == "Time"


@pytest.mark.parametrize(
    "text, said",
    [
        # the time the check reads in it, as a Time cell takes it (every such cell was told "write
        # 14:30 or 2:30 PM", and copied, that was its time: a probe's)
        ("noon", "Time 'noon' is not a time TimelineJS reads; write 12:00"),
        ("12 noon", "write 12:00"),
        ("midnight", "write 00:00"),
        ("14h30", "write 14:30"),
        ("14:30 Uhr", "write 14:30"),
        ("14:30 hrs", "write 14:30"),
        ("14:30 (UTC+6)", "write 14:30 UTC+06:00"),
        ("14:30-05:00", "write 14:30 UTC-05:00"),  # (05:00 before 14:30: no span's end)
        # ... none where it names no time, or two (21:00 at UTC-05:00, or 21:00 to 05:00)
        ("9:00 PM-05:00", "Time '9:00 PM-05:00' is not a time of day; write 14:30 or 2:30 PM"),
        ("half past two", "is not a time of day; write 14:30 or 2:30 PM"),
        ("14:30 local", "is not a time of day; write 14:30 or 2:30 PM"),
    ],
)
def test_a_time_timelinejs_does_not_read_is_told_the_time_to_write(text, said):
    with pytest.raises(CellError) as refused:
        sheets.clock(text)
    assert said in str(refused.value.args[0])
    advised = re.search(r"reads; write (.+)$", str(refused.value.args[0]))
    if advised:  # (what it says to write, a Time cell reads)
        sheets.clock(advised.group(1))


@pytest.mark.parametrize(
    "cells, date",
    [
        (("2022",), "2022"),
        (("2022", "1"), "2022-01"),
        (("2022", "01", "7"), "2022-01-07"),
        (("2022", "1", "7", "14:30"), "2022-01-07 14:30"),
        (("2022", "1", "7", "2:30 PM"), "2022-01-07 14:30"),
        # seconds kept as written (Mark Twain's sheet: 6:45:56)
        (("2000", "1", "5", "6:45:56"), "2000-01-05 06:45:56"),
        (("2022", "1", "7", "2:30:15 PM"), "2022-01-07 14:30:15"),
        (("2022", "1", "7", "14.30.15,5"), "2022-01-07 14:30:15.5"),
        ((" 2022 ", " 1 ", " 7 "), "2022-01-07"),
        (("2022.0", "1.0"), "2022-01"),
        # ... and with a decimal comma, as a Russian or French sheet formats a number (they were told
        # "holds two numbers; give the other in End Year", which put 0 there)
        (("2022,0", "1,0", "5,0"), "2022-01-05"),
        (("-44,00", "3,00", "15,00"), "-0044-03-15"),
        (("2\u00a0022,00",), "2022"),
        (("1,000",), "1000"),  # (three digits after the comma: a year's thousands, as TimelineJS reads it)
        (("476",), "0476"),
        (("600", "3", "15"), "0600-03-15"),
        (("0600",), "0600"),
        (("45",), "0045"),
        (("1",), "0001"),
        (("2024", "2", "29"), "2024-02-29"),
        (("2000", "2", "29"), "2000-02-29"),
        # BC, as TimelineJS's sheets write it: a negative year (-500 is 500 BC)
        (("-500",), "-0500"),
        (("-500", "3"), "-0500-03"),
        (("-500", "3", "15"), "-0500-03-15"),
        (("-500", "3", "15", "2:30 PM"), "-0500-03-15 14:30"),
        (("-44", "3", "15"), "-0044-03-15"),
        (("-1",), "-0001"),
        (("-1", "2", "29"), "-0001-02-29"),  # 1 BC is a leap year (astronomical year 0)
        (("-5", "2", "29"), "-0005-02-29"),  # and so is 5 BC (astronomical -4)
        (("-9999",), "-9999"),
        (("-500.0",), "-0500"),
        # numbers as TimelineJS reads them: spaces and thousands separators left out
        (("1,944", "6", "6"), "1944-06-06"),
        (("-1,500",), "-1500"),
        (("2,022", "1", "5"), "2022-01-05"),
        # a Time with a dot, as TimelineJS reads it; 0.00 is midnight either way (a fraction of a
        # day, or 00:00); 00.25 is no spreadsheet's fraction
        (("2022", "1", "5", "14.30"), "2022-01-05 14:30"),
        (("2022", "1", "5", "0.00"), "2022-01-05 00:00"),
        (("2022", "1", "5", "00.25"), "2022-01-05 00:25"),
        (("- 500",), "-0500"),
        ((" 2 022 ",), "2022"),
    ],
)
def test_sheet_date(cells, date):
    assert sheets.sheet_date(*cells) == date


@pytest.mark.parametrize(
    "cells, prefix, column, message",
    [
        (("",), "", "Year", "Year is empty"),
        (("", "1", "7"), "", "Year", "Year is empty but Month, Day are given"),
        (("", "1"), "End ", "End Year", "End Year is empty but End Month is given"),
        (("0",), "", "Year", "Year '0': there is no year 0; the year before 1 is -1 (1 BC)"),
        (("-0",), "", "Year", "Year '-0': there is no year 0"),
        (
            ("MMXXII",),
            "",
            "Year",
            "Year 'MMXXII' is not a year events.csv can hold; write a whole "
            "number from -9999 to 9999, such as 2022, or -500 for 500 BC",
        ),
        # a year with its era: the number to write, never two numbers nor AD 1500
        (
            ("500 BC",),
            "",
            "Year",
            "Year '500 BC' is the year 500 BC; write it as -500: a TimelineJS sheet writes a year as a number "
            "alone, negative for BC",
        ),
        (("1,500 BC",), "", "Year", "Year '1,500 BC' is the year 1500 BC; write it as -1500:"),
        (("1 500 BCE",), "", "Year", "Year '1 500 BCE' is the year 1500 BC; write it as -1500:"),
        (("1500 B.C.",), "", "Year", "Year '1500 B.C.' is the year 1500 BC; write it as -1500:"),
        (("2,000 bc",), "End ", "End Year", "End Year '2,000 bc' is the year 2000 BC; write it as -2000:"),
        (("AD 600",), "", "Year", "Year 'AD 600' is the year 600; write it as 600:"),
        (("1,066 AD",), "", "Year", "Year '1,066 AD' is the year 1066; write it as 1066:"),
        (("600 CE",), "", "Year", "Year '600 CE' is the year 600; write it as 600:"),
        (("12,000 BC",), "", "Year", "Year '12,000 BC' is not a year events.csv can hold; write a whole number"),
        (("-500 BC",), "", "Year", "Year '-500 BC' is not a year events.csv can hold"),
        (("c. 1500 BC",), "", "Year", "Year 'c. 1500 BC' is not a year events.csv can hold"),
        # a dot between thousands (1.500, as German writes 1500): told, never the year 1 for 1.000
        (
            ("1.500",),
            "",
            "Year",
            "Year '1.500' is not a whole number; if it is the year 1500 with a dot between its thousands, write 1500",
        ),
        (
            ("1.000",),
            "",
            "Year",
            "Year '1.000' may be the year 1000 with a dot between its thousands, or the year 1 with decimals; "
            "write 1000 or 1",
        ),
        (("-2.000",), "End ", "End Year", "End Year '-2.000' may be the year 2000 BC with a dot between its thousands"),
        (("12.000",), "", "Year", "Year '12.000' is not a year events.csv can hold"),
        (("-13800000000",), "", "Year", "Year '-13800000000' is not a year events.csv can hold"),
        (("10000",), "", "Year", "Year '10000' is not a year events.csv can hold"),
        (("-500", "2", "29"), "", "Day", "Day '29': February 500 BC has 28 days, so day 29 does not exist"),
        (("2023", "2", "29"), "", "Day", "Day '29': February 2023 has 28 days"),
        (("1900", "2", "29"), "", "Day", "Day '29': February 1900 has 28 days"),
        (("2022", "4", "31"), "", "Day", "Day '31': April 2022 has 30 days"),
        (("2022", "1", "32"), "", "Day", "Day '32' is not a whole number from 1 to 31"),
        (("2022", "13"), "", "Month", "Month '13' is not a whole number from 1 to 12"),
        (("2022", "Jan"), "", "Month", "Month 'Jan' is not a whole number from 1 to 12"),
        (("2022", "", "7"), "", "Day", "Day is given without Month"),
        (("2022", "1", "", "14:30"), "", "Time", "Time is given without Day"),
        (("2022", "2", "30"), "", "Day", "Day '30': February 2022 has 28 days, so day 30 does not exist"),
        (("2022", "1", "7", "25:00"), "End ", "End Time", "End Time '25:00' is not a time of day"),
        # a comma is a thousands separator only in a year: in a Month or a Day it is two numbers
        # (TimelineJS would read 1,2 as 12, December; 1,3 as day 13)
        (
            ("2022", "1,2"),
            "",
            "Month",
            "Month '1,2' holds two numbers; give one here, and the other in End Month",
        ),
        (("2022", "1", "1,3"), "", "Day", "Day '1,3' holds two numbers; give one here, and the other in End Day"),
        (("2022", "1", "5, 6"), "", "Day", "Day '5, 6' holds two numbers; give one here, and the other in End Day"),
        (("2022", "1 2"), "", "Month", "Month '1 2' holds two numbers"),
        (("2022", "1,2"), "End ", "End Month", "End Month '1,2' holds two numbers; give one here"),
        (("2022", "1", "1,3"), "End ", "End Day", "End Day '1,3' holds two numbers; give one here"),
        (("2022", "1,"), "", "Month", "Month '1,' is not a whole number from 1 to 12"),
        (
            ("2021,2022",),
            "",
            "Year",
            "Year '2021,2022' holds two numbers; give one here, and the other in End Year",
        ),
        (("1,2",), "", "Year", "Year '1,2' holds two numbers"),  # (not a thousands separator)
        (("2022,5",), "", "Year", "Year '2022,5' holds two numbers"),
        (("2021,2022",), "End ", "End Year", "End Year '2021,2022' holds two numbers; give one here"),
        # a Time a spreadsheet wrote as a fraction of a day: 0.25 is 06:00, or 00:25 as 14.30 is 14:30
        (
            ("2022", "1", "5", "0.25"),
            "",
            "Time",
            "Time '0.25' may be a spreadsheet's fraction of a day, 06:00, or 00:25; write 06:00 or 00:25",
        ),
        (
            ("2022", "1", "5", "0.50"),
            "End ",
            "End Time",
            "End Time '0.50' may be a spreadsheet's fraction of a day, 12:00, or 00:50; write 12:00 or 00:50",
        ),
        # and where it cannot be minutes, only the fraction
        (
            ("2022", "1", "5", "0.75"),
            "",
            "Time",
            "Time '0.75' is a spreadsheet's fraction of a day, 18:00; write 18:00",
        ),
        (("2022", "1", "5", "0.5"), "", "Time", "Time '0.5' is a spreadsheet's fraction of a day, 12:00; write 12:00"),
        (
            ("2022", "1", "5", "0.604166667"),
            "",
            "Time",
            "Time '0.604166667' is a spreadsheet's fraction of a day, 14:30; write 14:30",
        ),
        (
            ("2022", "1", "5", "0.99999999"),
            "",
            "Time",
            "Time '0.99999999' is a spreadsheet's fraction of a day, 23:59; write 23:59",
        ),
    ],
)
def test_sheet_date_refuses(cells, prefix, column, message):
    with pytest.raises(CellError) as refused:
        sheets.sheet_date(*cells, prefix=prefix)
    assert refused.value.column == column
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(
    "value, year",
    [
        (np.datetime64("2022-01-07T14:30", "s"), 2022),
        (pd.Timestamp("2022-01-07"), 2022),
        (np.datetime64("0600-01-01", "s"), 600),
        (np.datetime64("0001-01-01", "s"), 1),
        (np.datetime64("0000-06-01", "s"), -1),  # astronomical 0 is 1 BC
        (np.datetime64("-0499-03-15T14:30", "s"), -500),  # astronomical -499 is 500 BC
        (pd.Timestamp(np.datetime64("-0499-03-15T14:30", "s")), -500),
    ],
)
def test_year_as_written(value, year):
    assert dates.year_as_written(value) == year


# --- the header, matched by name ----------------------------------------------------------------

FULL = list(sheets.SHEET_COLUMNS)


@pytest.mark.parametrize(
    "names, expect, problems",
    [
        (FULL, {name: i for i, name in enumerate(FULL)}, []),
        ([n for n in FULL if n != "Alt Text"], {"Alt Text": None, "Type": 15}, []),
        (["Tag" if n == "Group" else n for n in FULL], {"Group": 17}, []),
        (["headline", " YEAR ", "end  year"], {"Headline": 0, "Year": 1, "End Year": 2}, []),
        (["Year", "Headline", "Notes"], {"Year": 0}, [(1, "Notes", WARNING)]),
        (["Year", "Headline", "Group", "Tag"], {"Group": 2}, [(1, "Tag", WARNING)]),
        (["Month", "Day", "Headline"], {}, [(1, "Year", ERROR)]),
        (["Year", "Title", "Body"], {}, [(1, "Title", WARNING), (1, "Body", WARNING), (1, "Headline", ERROR)]),
    ],
)
def test_header_map(names, expect, problems):
    positions, found = sheets.header_map(names)
    for name, position in expect.items():
        assert positions.get(name) == position
    assert [(p.row, p.column, p.level) for p in found] == problems


# --- reading the sample sheets ---------------------------------------------------------------------


def test_read_sheet_converts_every_kind_of_row():
    sheet = sheets.read_sheet(SHEET.read_bytes(), SHEET.name)
    assert sheet.title == "Kazakhstan's January 2022 unrest"
    by_row = {entry.sheet_row: entry for entry in sheet.entries}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17]  # the title row (2) is not an event
    era = by_row[3]
    assert era.era and era.account["category"] == "Era"
    assert (era.account["date"], era.account["end_date"]) == ("2022-01-05", "2022-01-19")
    assert era.account["description"] == "A state of emergency with a 23:00\u201307:00 curfew is in force."
    assert era.account["source"] == "Kazakhstan's January 2022 unrest"  # no credit: the title
    assert by_row[4].account["date"] == "2021-12"  # month precision
    assert by_row[4].account["description"] == "The Conseil d'Etat annuls the CNDA decision & sends the case back."
    assert by_row[5].account["source"] == "Crisis24"  # HTML credit, as text
    assert by_row[5].account["source_url"] == "https://www.crisis24.com"  # ... and its link (no Media)
    assert by_row[5].account["description"] == (
        "Residents block roads and rally outside the local administration over the gas price.\n\n"
        "Crowd estimates range from hundreds to thousands."
    )
    assert by_row[6].account["source_url"].startswith("https://netblocks.org/")
    assert by_row[6].account["description"].endswith("\n\nTraffic graph")  # the caption of a link
    assert by_row[6].account["media"] == ""  # a report, not a picture
    assert by_row[7].account["date"] == "2022-01-05 16:30"  # 4:30 PM
    assert by_row[8].account["source_url"] == by_row[8].account["media"] == ""  # images/akimat.jpg
    assert by_row[9].account["date"] == "2022-01-07 14:30"
    assert by_row[9].account["description"].endswith("\n\nDisplay date: Friday 7 January")
    assert "alert" not in by_row[9].account["description"]
    assert by_row[12].account["date"] == "2022"  # year only
    assert by_row[12].account["category"] == "Event"  # empty Group
    assert by_row[16].account["title"] == "A row with no headline"  # from its Text
    assert by_row[16].account["description"] == "A row with no headline."
    skipped = {(p.row, p.column) for p in sheet.problems if p.level == ERROR}
    assert skipped == {(14, "Day"), (15, "Year")}
    noted = {p.column: p.message for p in sheet.problems if p.row == 1}
    assert set(noted) == {"Display Date", "Media Caption", "Alt Text", "Background", "Media"}
    assert "in row 8," in noted["Media"] and "in rows 6 and 8," in noted["Alt Text"]


def test_read_sheet_old_header_and_no_title_row():
    sheet = sheets.read_sheet(OLD_SHEET.read_bytes(), OLD_SHEET.name)
    assert sheet.title == "" and not sheet.problems
    accounts = [entry.account for entry in sheet.entries]
    assert [a["category"] for a in accounts] == ["international", "international", "government", "Event"]
    assert [a["source"] for a in accounts] == ["Xinhua", "TASS", "kazakhstan-old.csv", "kazakhstan-old.csv"]
    assert accounts[1]["end_date"] == "2022-01-19"
    assert accounts[3]["date"] == "2022-01-13 09:15"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", Problem(0, "", ERROR, "the sheet is empty")),
        (
            "Year,Headline\n2022,Caf\xe9\n".encode("latin-1"),
            Problem(
                0,
                "",
                ERROR,
                "the sheet is not UTF-8 text; export it from Google Sheets as CSV, or save it as CSV UTF-8",
            ),
        ),
        (
            b"Year,Headline,Type\n2022,A,title\n2022,B,title\n",
            Problem(
                3,
                "Type",
                WARNING,
                "a second title row (the first is row 2): TimelineJS shows it as an event, and it is imported as one",
            ),
        ),
        (
            b"Year,Headline,Type\n2022,A,title\n,B,title\n",
            Problem(
                3,
                "Type",
                WARNING,
                "a second title row (the first is row 2) with no Year: TimelineJS leaves it out, and so does import",
            ),
        ),
        (
            b"Year,Headline,Type\n2022,A,slide\n",
            Problem(2, "Type", WARNING, "Type 'slide' is neither title nor era; the row is imported as an event"),
        ),
        # a comma not in quotes (January 2, 2022) or a value left out: the row's values would shift
        (
            b"Year,Month,Day,Display Date,Headline,Group\n2022,1,2,January 2, 2022,Protests begin,protest\n",
            Problem(
                2,
                "",
                ERROR,
                "this row has 7 values but the header has 6 columns, so its values after the first difference would "
                "be read into the wrong columns; a value with a comma in it needs double quotes around it; the row "
                "is skipped",
            ),
        ),
        (
            b"Year,Month,Day,Headline,Group\n2022,1,Protests begin,protest\n",
            Problem(
                2,
                "",
                ERROR,
                "this row has 4 values but the header has 5 columns: if the ones left out are the last, empty, add a "
                "comma for each (1 more) at the end of the row, as a spreadsheet's CSV has them; a value left out in "
                "the middle would put every value after it into the wrong column; the row is skipped",
            ),
        ),  # (was told of a comma that needs quotes: the row has none)
        # a value that begins with a quoted phrase: was imported without its quotes ("Hello" world: Hello world)
        (
            b'Year,Headline,Text\n2022,"Hello" world,T\n2023,B,T\n',
            Problem(
                2,
                "Headline",
                ERROR,
                "'\"Hello\" world' begins with a quoted phrase: the quote at its start was read as opening the value "
                "and the one after the phrase as closing it, so both were dropped and it would read 'Hello world'; the "
                "row is left out. Put the whole value in double quotes, with each quote inside it written twice: "
                '\'"""Hello"" world"\'',
                ProblemCode.OPEN_QUOTE,
            ),
        ),
        # a sheet saved with semicolons (Excel with European settings): was "not a TimelineJS column"
        (
            b"Year;Month;Day;Headline\n2022;1;5;A\n",
            Problem(
                1,
                "",
                ERROR,
                "the columns are separated by semicolons, not commas (as Excel and LibreOffice save with most "
                "European settings); in LibreOffice, Save As 'Text CSV' with 'Edit filter settings' and field "
                "delimiter ','; Excel follows the computer's list separator (Windows: Region > Additional settings > "
                "List separator: a comma), then Save As 'CSV UTF-8'; Google Sheets' CSV always has commas",
            ),
        ),
    ],
)
def test_read_sheet_problems(data, problem):
    assert problem in sheets.read_sheet(data, "sheet.csv").problems


def test_a_sheet_with_a_quote_never_closed_imports_nothing_and_says_where():
    # (The quote opened in row 3 took the rows after it into its Headline: imported as one row, unsaid.)
    data = b'Year,Headline,Text\n2021,A,T\n2022,"Fuel prices double,T\n2023,B,T\n2024,C,T\n'
    sheet = sheets.read_sheet(data, "sheet.csv")
    assert sheet.entries == []
    assert [(p.row, p.column, p.level) for p in sheet.problems] == [(0, "", ERROR), (3, "Headline", ERROR)]
    assert sheet.problems[0].message == (
        "nothing is imported: the sheet cannot be read past row 3; mend it and import it again"
    )
    assert sheet.problems[1].message.startswith("a double quote opens here and is never closed")


@pytest.mark.parametrize(
    "data, imported, refused",
    [
        # a quoted phrase, then a value of two lines: the next row is row 4 (was a phantom row 4, B row 5)
        (
            b'Year,Headline,Text\n2021,A,T\n2022,"A" b,"multi\nline"\n2023,B,T\n',
            [(2, "A"), (4, "B")],
            [(3, "Headline")],
        ),
        # a quoted phrase of two lines, closed: its row refused (the sheet was refused whole, the quote "never closed")
        (b'Year,Headline,Text\n2022,"multi\nline" extra,T\n2023,B,T\n', [(3, "B")], [(2, "Headline")]),
        # in the header: nothing can be read (an open quote's column was the rest of the sheet)
        (b'Year,"Head" line,Text\n2022,A,T\n', [], [(0, ""), (1, "Head line")]),
        (b'Year,"Headline,Text\n2021,A,T\n2022,B,T\n', [], [(0, ""), (1, "")]),
        # a quote never closed, closed at a phrase in a row whose Text has two lines: nothing is
        # imported (the row between was lost without a word, the rows after misnumbered)
        (
            b'Year,Headline,Text\n2021,"Unclosed,T\n2022,"Big" news,"line1\nline2"\n2023,C,T\n',
            [],
            [(0, ""), (2, "Headline")],
        ),
        # a quoted phrase before a value of two lines with commas: its row only (the sheet was refused)
        (
            b'Year,Headline,Text\n2021,A,T\n2022,"Big" news,"Speakers:\nAda, Bob, Cy, Dee"\n2023,C,T\n',
            [(2, "A"), (4, "C")],
            [(3, "Headline")],
        ),
        (b'Year,Headline,Text\n2021,A,"T one\nsee a, b, c" more\n2022,B,T\n', [(3, "B")], [(2, "Text")]),
    ],
)
def test_a_sheet_s_quotes_refuse_the_row_they_are_in_and_the_rows_keep_their_numbers(data, imported, refused):
    sheet = sheets.read_sheet(data, "sheet.csv")
    assert [(entry.sheet_row, entry.account["title"]) for entry in sheet.entries] == imported
    assert [(p.row, p.column) for p in sheet.problems if p.level == ERROR] == refused


def test_a_sheet_keeps_rows_after_one_refused_for_its_quotes_with_their_numbers():
    data = b'Year,Headline,Text\n2021,"A" b,T\n2022,"multi\nline",T\n2023,C,T\n'
    sheet = sheets.read_sheet(data, "sheet.csv")
    assert [(entry.sheet_row, entry.account["title"]) for entry in sheet.entries] == [(3, "multi line"), (4, "C")]
    assert [(p.row, p.column) for p in sheet.problems if p.level == ERROR] == [(2, "Headline")]


# Rows of a sheet whose dates TimelineJS would change (two numbers read as one, a fraction of a
# day read as minutes): each skipped with its cell named, never imported with another date.
# (cells, the date imported, or the problem: (column, message))
DATE_ROWS = [
    ({"Year": "2,022", "Month": "1", "Day": "5"}, "2022-01-05"),
    ({"Year": "1 500"}, "1500"),
    ({"Year": "-1,500", "Month": "3"}, "-1500-03"),
    ({"Year": "2022.0"}, "2022"),
    (
        {"Year": "1,500 BC"},
        (
            "Year",
            "Year '1,500 BC' is the year 1500 BC; write it as -1500: a TimelineJS sheet writes a year as a number "
            "alone, negative for BC; the row is skipped",
        ),
    ),
    (
        {"Year": "1.000", "Month": "1"},
        (
            "Year",
            "Year '1.000' may be the year 1000 with a dot between its thousands, or the year 1 with decimals; write "
            "1000 or 1; the row is skipped",
        ),
    ),
    ({"Year": "2022", "Month": "1", "Day": "5", "Time": "14.30"}, "2022-01-05 14:30"),
    (
        {"Year": "2022", "Month": "1,2"},
        ("Month", "Month '1,2' holds two numbers; give one here, and the other in End Month; the row is skipped"),
    ),
    (
        {"Year": "2022", "Month": "1", "Day": "5,6"},
        ("Day", "Day '5,6' holds two numbers; give one here, and the other in End Day; the row is skipped"),
    ),
    (
        {"Year": "2022", "Month": "1", "Day": "5", "End Year": "2022", "End Month": "1,2"},
        ("End Month", "End Month '1,2' holds two numbers; give one here; the row is skipped"),
    ),
    (
        {"Year": "2022", "Month": "1", "Day": "5", "Time": "0.25"},
        (
            "Time",
            "Time '0.25' may be a spreadsheet's fraction of a day, 06:00, or 00:25; write 06:00 or 00:25; "
            "the row is skipped",
        ),
    ),
]


@pytest.mark.parametrize("cells, outcome", DATE_ROWS)
def test_a_date_timelinejs_would_change_is_refused_not_imported(cells, outcome):
    columns = [*cells, "Headline"]
    data = io.StringIO()
    csv.writer(data).writerows([columns, [*cells.values(), "A slide"]])
    sheet = sheets.read_sheet(data.getvalue().encode(), "sheet.csv")
    if isinstance(outcome, str):
        assert [entry.account["date"] for entry in sheet.entries] == [outcome]
        assert sheet.problems == []
    else:
        assert sheet.entries == []
        assert sheet.problems == [Problem(2, outcome[0], ERROR, outcome[1])]


def test_a_bom_and_blank_rows_are_fine():
    data = b"\xef\xbb\xbfYear,Headline\r\n,\r\n2022,A\r\n\r\n"
    sheet = sheets.read_sheet(data, "sheet.csv")
    assert [(e.sheet_row, e.account["date"]) for e in sheet.entries] == [(3, "2022")]


# --- every cell of a row ends up somewhere ----------------------------------------------------------


def sheet_bytes(*rows: dict) -> bytes:
    """A sheet in TimelineJS's template columns, with these rows (cells left out are empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=sheets.SHEET_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({"Year": "2022", **row})
    return out.getvalue().encode()


def one(row: dict) -> tuple[dict, list[Problem]]:
    sheet = sheets.read_sheet(sheet_bytes(row), "sheet.csv")
    [entry] = sheet.entries
    return entry.account, sheet.problems


def notes(problems: list[Problem]) -> dict[str, str]:
    return {p.column: p.message for p in problems if p.row == 1}


TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Clocks go back tonight '
    '<a href="https://t.co/AbCdEf">pic.twitter.com/AbCdEf</a></p>&mdash; Clock Desk '
    '(@clockdesk_example) <a href="https://twitter.com/clockdesk_example/status/1000000000000000001'
    '?ref_src=twsrc%5Etfw">October 30, 2021</a></blockquote> '
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cexample1/'
    '?utm_source=ig_embed" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/'
    'Cexample1/?utm_source=ig_embed" target="_blank">View this post on Instagram</a><p><a '
    'href="https://www.instagram.com/p/Cexample1/?utm_source=ig_embed">A post shared by Town '
    "Hall Clock (@townhallclock_example)</a></p></div></blockquote> "
    '<script async src="//www.instagram.com/embed.js"></script>'
)


@pytest.mark.parametrize(
    "row, expect",
    [
        # a picture: our media columns; its credit is also the account's source
        (
            {
                "Media": "https://example.org/img/sundial.jpg",
                "Media Credit": "Ana Silva/Example Photo",
                "Media Caption": "A <i>bronze</i> sundial",
                "Alt Text": "A sundial's shadow at noon",
            },
            {
                "media": "https://example.org/img/sundial.jpg",
                "media_credit": "Ana Silva/Example Photo",
                "media_caption": "A bronze sundial",
                "media_alt": "A sundial's shadow at noon",
                "source": "Ana Silva/Example Photo",
                "source_url": "",
                "description": "",
            },
        ),
        # a video page; a credit that links keeps its address
        (
            {
                "Media": "https://www.youtube.com/watch?v=abc123XYZ00",
                "Media Credit": '<a href="https://www.youtube.com/@example">Example Channel</a>',
            },
            {
                "media": "https://www.youtube.com/watch?v=abc123XYZ00",
                "media_credit": "Example Channel (https://www.youtube.com/@example)",
                "source": "Example Channel",
            },
        ),
        # protocol-relative, as TimelineJS accepts it
        ({"Media": "//example.org/img/clock.png"}, {"media": "https://example.org/img/clock.png"}),
        ({"Media": "//example.org/story"}, {"media": "", "source_url": "https://example.org/story"}),
        # an article (or a tweet, a map, Wikipedia...): the account's source link, not media
        (
            {"Media": "https://example.org/news/clocks-change", "Media Credit": "Example Times"},
            {
                "media": "",
                "media_credit": "",
                "source_url": "https://example.org/news/clocks-change",
                "source": "Example Times",
            },
        ),
        (
            {"Media": "https://en.wikipedia.org/wiki/Sundial"},
            {"media": "", "source_url": "https://en.wikipedia.org/wiki/Sundial"},
        ),
        # no Media: the credit's own link is the source link
        (
            {"Media Credit": '<a href="https://example.org/desk">The Desk</a>'},
            {"source": "The Desk", "source_url": "https://example.org/desk", "description": ""},
        ),
        # the Media link is the source link, the credit's other link goes to the description
        (
            {
                "Media": "https://example.org/news/1",
                "Media Credit": '<a href="https://example.org/desk">The Desk</a>',
                "Media Caption": "The desk's <b>report</b>",
                "Text": "Body.",
            },
            {
                "source_url": "https://example.org/news/1",
                "source": "The Desk",
                "description": "Body.\n\nThe desk's report\n\nCredit: The Desk (https://example.org/desk)",
            },
        ),
        (
            {
                "Media": "https://example.org/news/1",
                "Media Credit": '<a href="https://example.org/news/1">The Desk</a>',
            },
            {"source_url": "https://example.org/news/1", "description": ""},
        ),
        # no Media and a credit of two links: the first is the source link, the credit with both in the description
        (
            {
                "Media Credit": '<a href="https://example.org/desk">The Desk</a> and '
                '<a href="https://example.org/wire">The Wire</a>',
            },
            {
                "source": "The Desk and The Wire",
                "source_url": "https://example.org/desk",
                "description": "Credit: The Desk (https://example.org/desk) and The Wire (https://example.org/wire)",
            },
        ),
        # a linked Group: its words are the lane, the group with its address a line of the description
        (
            {"Group": '<a href="https://example.org/protests">Protests</a>', "Text": "Body."},
            {"category": "Protests", "description": "Body.\n\nGroup: Protests (https://example.org/protests)"},
        ),
        # a linked Display Date keeps its address, even where its words are the date the dashboard shows
        (
            {"Display Date": '<a href="https://example.org/day">7 January 2022</a>', "Month": "1", "Day": "7"},
            {"date": "2022-01-07", "description": "Display date: 7 January 2022 (https://example.org/day)"},
        ),
        # embed codes: their text in the description, the address they show kept
        (
            {"Media": TWEET, "Text": "<p>A tweet.</p>"},
            {
                "media": "",
                "source_url": "https://twitter.com/clockdesk_example/status/1000000000000000001?ref_src=twsrc%5Etfw",
                "description": "A tweet.\n\nClocks go back tonight pic.twitter.com/AbCdEf (https://t.co/AbCdEf)\n\n"
                "\u2014 Clock Desk (@clockdesk_example) October 30, 2021 (https://twitter.com/"
                "clockdesk_example/status/1000000000000000001?ref_src=twsrc%5Etfw)",
            },
        ),
        (
            {"Media": INSTAGRAM},
            {
                "source_url": "https://www.instagram.com/p/Cexample1/?utm_source=ig_embed",
                "description": "View this post on Instagram (https://www.instagram.com/p/Cexample1/?utm_source=ig_embed)"
                "\n\nA post shared by Town Hall Clock (@townhallclock_example) "
                "(https://www.instagram.com/p/Cexample1/?utm_source=ig_embed)",
            },
        ),
        (
            {
                "Media": '<iframe width="560" height="315" src="//www.youtube.com/embed/abc123XYZ00" '
                'frameborder="0" allowfullscreen></iframe>',
                "Media Caption": "The talk",
            },
            {"media": "https://www.youtube.com/embed/abc123XYZ00", "media_caption": "The talk", "description": ""},
        ),
        (
            {"Media": '<iframe src="https://www.google.com/maps/embed?pb=!1m18"></iframe>'},
            {"media": "", "source_url": "https://www.google.com/maps/embed?pb=!1m18"},
        ),
        (
            {"Media": "<blockquote>Time is what clocks measure. <cite>A physicist</cite></blockquote>"},
            {"media": "", "source_url": "", "description": "Time is what clocks measure.\nA physicist"},
        ),
        # links inside Text, protocol-relative too
        (
            {"Text": 'See <a href="//example.org/a">the report</a>.'},
            {"description": "See the report (https://example.org/a)."},
        ),
        # a linked Headline (TimelineJS shows it as a link): its address is the source link ...
        (
            {"Headline": '<a href="https://example.org/news/2">Clocks go back</a> tonight'},
            {"title": "Clocks go back tonight", "source_url": "https://example.org/news/2", "description": ""},
        ),
        (
            {"Headline": 'Clocks <a href="//example.org/news/2">go back</a>'},
            {"title": "Clocks go back", "source_url": "https://example.org/news/2"},
        ),
        # ... or, where the Media's link (or the credit's) is, a line of the description, as the credit's
        (
            {
                "Headline": '<a href="https://example.org/news/2">Clocks go back</a>',
                "Media": "https://example.org/news/1",
                "Text": "Body.",
            },
            {
                "title": "Clocks go back",
                "source_url": "https://example.org/news/1",
                "description": "Body.\n\nHeadline: Clocks go back (https://example.org/news/2)",
            },
        ),
        (
            {
                "Headline": '<a href="https://example.org/news/2">Clocks go back</a>',
                "Media Credit": '<a href="https://example.org/desk">The Desk</a>',
            },
            {
                "source_url": "https://example.org/desk",
                "description": "Headline: Clocks go back (https://example.org/news/2)",
            },
        ),
        (
            {
                "Headline": '<a href="https://example.org/x.jpg">Clocks go back</a>',
                "Media": "https://example.org/x.jpg",
            },
            {"media": "https://example.org/x.jpg", "source_url": "https://example.org/x.jpg", "description": ""},
        ),
    ],
)
def test_media_and_its_cells(row, expect):
    account, _ = one(row)
    assert {key: account[key] for key in expect} == expect


@pytest.mark.parametrize(
    "row, column, words",
    [
        ({"Media": TWEET}, "Media", "Media is an embed code in row 2"),
        ({"Media": "images/clock.jpg"}, "Media", "Media is not a web link in row 2, so it is not imported"),
        # an address with a space in it, or with words after it (was told to give "its full https:// address")
        (
            {"Media": "https://example.org/my photo.jpg"},
            "Media",
            "Media has a space in its address in row 2, so it is not imported (a web link has none): if the space "
            "is part of the address, write it %20",
        ),
        ({"Media": "//example.org/a.jpg Photo: AP"}, "Media", "Media has a space in its address in row 2"),
        (
            {"Media": "https://example.org/news/1", "Media Caption": "c"},
            "Media Caption",
            "Media Caption is added to the description in row 2",
        ),
        ({"Media": "https://example.org/news/1", "Alt Text": "a"}, "Alt Text", "Alt Text is not imported in row 2"),
        (
            {"Media": "https://example.org/x.jpg", "Media Thumbnail": "https://example.org/t.jpg"},
            "Media Thumbnail",
            "Media Thumbnail is not imported (row 2)",
        ),
        ({"Background": "#223344"}, "Background", "Background is not imported (row 2)"),
        (
            {"Headline": '<a href="https://example.org/news/2">H</a>', "Media": "https://example.org/news/1"},
            "Headline",
            "Headline's link is added to the description, as 'Headline: ...', in row 2, where another link",
        ),
        # two links in the Headline and none elsewhere: the first is the source_url, not another column's
        (
            {"Headline": '<a href="https://example.org/a">Clocks</a> go <a href="https://example.org/b">back</a>'},
            "Headline",
            "Headline has more than one link in row 2: the first is the source_url, and the headline with each "
            "address is added to the description, as 'Headline: ...'",
        ),
        (
            {"Media Credit": '<a href="https://example.org/a">A</a>, <a href="https://example.org/b">B</a>'},
            "Media Credit",
            "Media Credit has more than one link in row 2, where the Media gives none: the first is the source_url, "
            "and the credit with each address is added to the description, as 'Credit: ...'",
        ),
        (
            {"Group": '<a href="https://example.org/g">Protests</a>'},
            "Group",
            "Group has a link in row 2: its words are the category (a lane's name holds no link), and the group with "
            "its address is added to the description, as 'Group: ...'",
        ),
        (
            {"Display Date": '<a href="https://example.org/d">Early 2022</a>'},
            "Display Date",
            "Display Date has a link in row 2: it is kept with its address as the last line of the description",
        ),
    ],
)
def test_what_has_no_column_is_said_with_its_rows(row, column, words):
    _, problems = one(row)
    assert notes(problems)[column].startswith(words)
    assert all(p.level == WARNING for p in problems)


@pytest.mark.parametrize(
    "column, cell, words, address",
    [
        ("Text", 'See <a href="/news/clocks">the report</a>.', "the report", "/news/clocks"),
        ("Text", '<a href="clocks.html">our page</a>', "our page", "clocks.html"),
        ("Text", 'as <a href="#history">above</a>', "above", "#history"),
        ("Text", '<a href="javascript:alert(1)">click</a>', "click", "javascript:alert(1)"),
        ("Text", '<a href="ftp://example.org/clocks.txt">the list</a>', "the list", "ftp://example.org/clocks.txt"),
        ("Headline", '<a href="/news/clocks">Clocks go back</a>', "Clocks go back", "/news/clocks"),
        ("Media Credit", '<a href="/desk">The Desk</a>', "The Desk", "/desk"),
        ("Media Caption", 'A <a href="../clocks">clock</a>', "clock", "../clocks"),
        ("Group", '<a href="/tags/protests">Protests</a>', "Protests", "/tags/protests"),
        ("Display Date", 'the <a href="/days/7">day after</a>', "day after", "/days/7"),
    ],
)
def test_a_link_whose_address_cannot_be_kept_is_said(column, cell, words, address):
    """Only http(s) addresses are linked: another (a relative one, which means something only on
    the page that held it) loses its address, and the row's warning says which and what to write."""
    account, problems = one({"Headline": "A slide", column: cell})
    assert address not in json.dumps(account)
    assert words in " ".join(account[key] for key in ("title", "description", "source", "media_caption", "category"))
    assert (
        Problem(
            2,
            column,
            WARNING,
            f"{column} links {words!r} to {address!r}, which is not a full http:// or https:// address, so only the "
            "words are imported (events.csv links only such addresses); write the full address in the sheet, https://...",
        )
        in problems
    )


@pytest.mark.parametrize(
    "cell, words, address",
    [
        (
            'See <a href="https://example.org/the report">the report</a>.',
            "the report",
            "https://example.org/the report",
        ),
        ('<a href="https://example.org/a\u200b">a</a>', "a", "https://example.org/a\u200b"),
        ('<a href="https://example.org/news/…">a</a>', "a", "https://example.org/news/…"),
        ('<a href="https://desk:secret@example.org/a">a</a>', "a", "https://desk:secret@example.org/a"),
        ('<a href="HTTP://">a</a>', "a", "HTTP://"),
    ],
)
def test_a_full_address_that_is_no_link_is_said_as_such(cell, words, address):
    """An http(s) address that no link can be made of is not told it lacks https:// (it has it)."""
    account, problems = one({"Headline": "A slide", "Text": cell})
    assert address not in json.dumps(account, ensure_ascii=False)
    assert (
        Problem(
            2,
            "Text",
            WARNING,
            f"Text links {words!r} to {address!r}, which is not a whole web link (it has no host, or a space, an "
            "invisible character, a … or a user name before its host in it), so only the words are imported; write "
            "the address alone in the sheet, as the browser's address bar shows it",
        )
        in problems
    )


@pytest.mark.parametrize(
    "cell",
    [
        '<a href="https://example.org/a">a</a>',
        '<a href="//example.org/a">a</a>',  # read as https://example.org/a
        '<a href="mailto:desk@example.org">the desk</a>',  # its address kept as text
        "<a>no address</a>",
        '<a name="top">an anchor</a>',
    ],
)
def test_a_link_whose_address_is_kept_says_nothing(cell):
    _, problems = one({"Headline": "A slide", "Text": cell})
    assert problems == []


@pytest.mark.parametrize(
    "groups, categories, said",
    [
        # one lane in events.csv (its categories ignore case), in its most used spelling, said
        (
            ["Protests", "protests", "Protests"],
            ["Protests", "Protests", "Protests"],
            [
                (
                    3,
                    "Group 'protests' (row 3) differs from 'Protests' (rows 2 and 4) only in case, and events.csv's "
                    "categories ignore case: they are one lane, imported as 'Protests'; if they are two lanes, give "
                    "them different names in the sheet",
                )
            ],
        ),
        # on a tie, the first in the sheet; each other spelling said on its first row
        (
            ["protests", "Protests", "PROTESTS", "Government", "protests"],
            ["protests", "protests", "protests", "Government", "protests"],
            [
                (3, "Group 'Protests' (row 3) differs from 'protests' (rows 2 and 6) only in case"),
                (4, "Group 'PROTESTS' (row 4) differs from 'protests' (rows 2 and 6) only in case"),
            ],
        ),
        # spellings that differ otherwise are for check to weigh (Protest / Protests); one spelling says nothing
        (["Protest", "Protests", "Protests"], ["Protest", "Protests", "Protests"], []),
        (["Protests", "", "Protests"], ["Protests", "Event", "Protests"], []),
    ],
)
def test_groups_that_differ_only_in_case_are_one_lane_and_said(tmp_path, groups, categories, said):
    data = sheet_bytes(*({"Headline": f"H{n}", "Group": group} for n, group in enumerate(groups)))
    sheet = sheets.read_sheet(data, "sheet.csv")
    assert [entry.account["category"] for entry in sheet.entries] == categories
    warned = [(p.row, p.message) for p in sheet.problems if p.column == "Group"]
    assert [row for row, _ in warned] == [row for row, _ in said]
    assert all(message.startswith(words) for (_, message), (_, words) in zip(warned, said))
    assert all(p.level == WARNING for p in sheet.problems)
    # the file imported shows the lanes as written there, in the dashboard's one spelling each
    (tmp_path / "sheet.csv").write_bytes(data)
    importer.import_sheet(str(tmp_path / "sheet.csv"), str(tmp_path / "events.csv"))
    loaded = load(str(tmp_path / "events.csv"))
    assert list(loaded.accounts["category"]) == categories
    assert sorted(loaded.accounts["category"].str.lower().unique()) == sorted({c.lower() for c in categories})


@pytest.mark.parametrize(
    "time, date, offset",
    [
        ("14:30 MSK", "2022-01-05 14:30 MSK", "+03:00"),
        ("2:30 PM EST", "2022-01-05 14:30 EST", "-05:00"),
        ("14:30+06:00", "2022-01-05 14:30+06:00", "+06:00"),
        ("1430Z", "2022-01-05 14:30Z", "Z"),
        ("14:30:15 Asia/Almaty", "2022-01-05 14:30:15 Asia/Almaty", "+06:00"),
        ("12:30 America/New_York", "2022-01-05 12:30 America/New_York", "-05:00"),  # (its Am no AM)
    ],
)
def test_a_time_s_zone_is_kept_not_dropped(tmp_path, time, date, offset):
    """TimelineJS shows a Time's zone nowhere; the import keeps it, and it is read as events.csv's are."""
    (tmp_path / "sheet.csv").write_text(f"Year,Month,Day,Time,Headline\n2022,1,5,{time},A slide\n", encoding="utf-8")
    result = importer.import_sheet(str(tmp_path / "sheet.csv"), str(tmp_path / "events.csv"))
    assert not result.failed and result.problems == []
    loaded = load(str(tmp_path / "events.csv"))
    assert list(loaded.accounts["date"]) == [date] and list(loaded.accounts["offset"]) == [offset]
    assert loaded.problems == []


def test_a_problem_of_a_time_names_the_time_cell(tmp_path):
    """A problem of the time a row's Time gives was said to be in Year (a date's problems are
    Year's): Time's now, where the day alone reads cleanly; a problem of the day stays Year's."""
    (tmp_path / "sheet.csv").write_text(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline\n"
        "2022,1,5,16:30:75,,,,,Bad seconds\n"
        "2008,8,8,14:00 MSK,,,,,Moscow's summer\n"
        "2022,1,5,14:30,2022,1,6,14:30 IST,A span\n"
        "1970,1,1,00:00,,,,,A day programs write\n",
        encoding="utf-8",
    )
    result = importer.import_sheet(str(tmp_path / "sheet.csv"), str(tmp_path / "events.csv"))
    named = {(p.row, p.column) for p in result.problems if p.row > 1}
    assert {(2, "Time"), (3, "Time"), (4, "End Time"), (5, "Year")} <= named
    assert not {(2, "Year"), (3, "Year"), (4, "End Year"), (5, "Time")} & named


def test_a_picture_and_a_link_say_nothing():
    for link in ("https://example.org/x.jpg", "https://example.org/news/1", ""):
        _, problems = one({"Media": link, "Media Credit": "Desk", "Headline": "A"})
        assert problems == []


def test_notes_name_every_row_once_per_column():
    sheet = sheets.read_sheet(
        sheet_bytes(
            *({"Headline": f"H{n}", "Background": "#000" if n in (2, 3, 4, 5, 9) else ""} for n in range(2, 12))
        ),
        "sheet.csv",
    )
    [problem] = sheet.problems
    assert (problem.row, problem.column, problem.level) == (1, "Background", WARNING)
    assert "(rows 2-5 and 9)" in problem.message


@pytest.mark.parametrize(
    "rows, text",
    [
        ([4], "row 4"),
        ([4, 7], "rows 4 and 7"),
        ([4, 7, 9], "rows 4, 7 and 9"),
        ([9, 4, 4], "rows 4 and 9"),
        ([2, 3], "rows 2 and 3"),
        ([2, 3, 4, 40], "rows 2-4 and 40"),
        ([2, 3, 5, 6, 7], "rows 2, 3 and 5-7"),
    ],
)
def test_rows_text(rows, text):
    assert sheets.rows_text(rows) == text


@pytest.mark.parametrize(
    "display, cells, kept",
    [
        ("7 January 2022", {"Month": "1", "Day": "7"}, False),  # what the dashboard shows anyway
        ("7 january 2022.", {"Month": "1", "Day": "7"}, False),
        ("January 2022", {"Month": "1"}, False),
        ("7 January 2022, 14:30", {"Month": "1", "Day": "7", "Time": "2:30 PM"}, False),
        (
            "4 January 2022 to 10 January 2022",
            {"Month": "1", "Day": "4", "End Year": "2022", "End Month": "1", "End Day": "10"},
            False,
        ),
        ("January 7, 2022", {"Month": "1", "Day": "7"}, False),  # (as TimelineJS writes a date)
        ("April 13, 1743", {"Year": "1743", "Month": "4", "Day": "13"}, False),
        ("Friday 7 January", {"Month": "1", "Day": "7"}, True),  # says more: kept
        ("Early 2022", {}, True),
        ("4-10 January", {"Month": "1", "Day": "4", "End Year": "2022", "End Month": "1", "End Day": "10"}, True),
        ("c. 1500 BC", {"Year": "-1500"}, True),
    ],
)
def test_display_date_is_kept_when_it_says_more_than_the_date(display, cells, kept):
    account, problems = one({"Text": "Body.", "Display Date": display, **cells})
    assert account["description"] == ("Body.\n\nDisplay date: " + display if kept else "Body.")
    assert ("Display Date" in notes(problems)) == kept


@pytest.mark.parametrize(
    "display, cells, said",
    [
        # a Display Date that is another date than the slide's: which is it? (said on the row, both named)
        (
            "5 January 2022",
            {"Month": "5", "Day": "1"},
            "Display Date '5 January 2022' is 5 January 2022, but Year, Month, Day and Time say 1 May 2022: the "
            "account is imported at 1 May 2022, where TimelineJS places the slide; if the Display Date is right, "
            "correct the date in events.csv (or the sheet) to 2022-01-05",
        ),
        (
            "7:30 PM, January 5, 2022",
            {"Month": "1", "Day": "5", "Time": "7:30"},
            "is 5 January 2022, 19:30, but Year, Month, Day and Time say 5 January 2022, 07:30",
        ),
        ("1250 BCE", {"Year": "1250"}, "is 1250 BC, but Year, Month, Day and Time say 1250"),
        # (a time alone, compared on the slide's day; an offset the Time has not: were said nothing)
        (
            "4:30 PM",
            {"Month": "1", "Day": "5", "Time": "4:30"},
            "Display Date '4:30 PM' is 5 January 2022, 16:30, but Year, Month, Day and Time say 5 January 2022, 04:30",
        ),
        ("16:30", {"Month": "1", "Day": "5", "Time": "4:30"}, "is 5 January 2022, 16:30, but"),
        ("10:00 MSK", {"Month": "1", "Day": "5", "Time": "10:00"}, ""),  # (its offset taken: see below)
        # in another language, or in the characters for year, month and day, as check reads them (were said nothing)
        (
            "6 janvier 2022",
            {"Month": "1", "Day": "5"},
            "Display Date '6 janvier 2022' is 6 January 2022, but Year, Month, Day and Time say 5 January 2022",
        ),
        ("6 января 2022", {"Month": "1", "Day": "5"}, "is 6 January 2022, but"),
        ("2022年1月6日", {"Month": "1", "Day": "5"}, "is 6 January 2022, but"),
        ("5 января 2022", {"Month": "1", "Day": "5"}, ""),
        # ... not where the date it says has a caveat its advice would drop (another calendar, 1922?)
        ("1400/10/15 - 14:30", {"Month": "1", "Day": "5", "Time": "14:30"}, ""),
        ("1/13/22 (Thu)", {"Year": "1922", "Month": "1", "Day": "13"}, ""),
        ("1/13/22 - 14:30", {"Year": "1922", "Month": "1", "Day": "13", "Time": "14:30"}, ""),
        ("4:30 PM", {"Month": "1", "Day": "5", "Time": "16:30"}, ""),
        ("4:30 PM", {"Month": "1", "Day": "5"}, ""),  # (no time on the slide: nothing to compare)
        ("10:00", {"Month": "1", "Day": "5", "Time": "10:00"}, ""),
        # the same date at the precision both give, or words that read as no one date: nothing said
        ("January 2022", {"Month": "1", "Day": "5"}, ""),
        ("2022", {"Month": "1", "Day": "5", "Time": "14:30"}, ""),
        ("Wednesday, January 5, 2022", {"Month": "1", "Day": "5"}, ""),
        ("Spring 2022", {"Month": "1", "Day": "5"}, ""),
        ("03/04/2022", {"Month": "1", "Day": "5"}, ""),  # (two readings: neither is said to be it)
        ("1/13/22", {"Year": "1922", "Month": "1", "Day": "13"}, ""),  # (a year of two digits: may be 1922)
        ("1400/10/15", {"Month": "1", "Day": "5"}, ""),  # (may be a Solar Hijri date: 5 January 2022)
        ("5 January 1600", {"Year": "1600", "Month": "1", "Day": "15"}, ""),  # (Old Style beside New)
        # ... but a Julian date said so, on a slide at its day as written: placed 13 days off (a probe's)
        (
            "25 October 1917 (O.S.)",
            {"Year": "1917", "Month": "10", "Day": "25"},
            "Display Date '25 October 1917 (O.S.)' is 7 November 1917, but Year, Month, Day and Time say 25 October "
            "1917",
        ),
        ("25 October 1917 (O.S.)", {"Year": "1917", "Month": "11", "Day": "7"}, ""),
        ("10 February 1700 (O.S.)", {"Year": "1700", "Month": "2", "Day": "10"}, "is 20 February 1700, but"),
        ("x" * 5000 + " 7:30 PM, January 5, 2022", {"Month": "1", "Day": "5"}, ""),  # (no date: not looked into)
    ],
)
def test_a_display_date_that_is_another_date_than_the_slide_s_is_said_on_its_row(display, cells, said):
    account, problems = one({"Text": "Body.", "Display Date": display, **cells})
    told = [p.message for p in problems if p.row == 2 and p.column == "Display Date"]
    assert account["description"] == "Body.\n\nDisplay date: " + display  # (kept, as before)
    if said:
        (message,) = told
        assert said in message and problems[[p.message for p in problems].index(message)].level == WARNING
    else:
        assert told == []


def test_timelinejs_s_first_layout_is_named_with_how_to_convert_it():
    """Start Date and End Date (TimelineJS's first sheet layout, which TimelineJS3 still reads) were
    said to be no TimelineJS columns, and the sheet no TimelineJS sheet."""
    data = b"Start Date,End Date,Headline,Text,Type,Tag\r\n1/5/2012,1/7/2012,An event,Body,,Politics\r\n"
    sheet = sheets.read_sheet(data, "sheet.csv")
    assert sheet.entries == []
    (problem,) = [p for p in sheet.problems if p.level == ERROR]
    assert (problem.row, problem.column) == (1, "Start Date")
    assert problem.message.startswith(
        "the header has Start Date and no Year: this is TimelineJS's first sheet layout, which writes each date "
        "whole; split each Start Date into Year, Month, Day and Time"
    )
    assert not [p for p in sheet.problems if "is not a TimelineJS column" in p.message and "Date" in p.column]


def test_type_is_read_as_timelinejs_reads_it():
    """TimelineJS reads only `title` and `era`, in lower case: a dated row of Type `Title` is an
    event there (it was taken for the title slide here, the row gone without a word); an era needs
    its end (TimelineJS refuses one without: it was imported as an event)."""
    sheet = sheets.read_sheet(
        sheet_bytes(
            {"Headline": "Capital T", "Month": "3", "Type": "Title"},
            {"Headline": "An era", "Type": "era"},
            {"Headline": "B", "Year": "2023"},
        ),
        "sheet.csv",
    )
    assert [entry.account["title"] for entry in sheet.entries] == ["Capital T", "B"]
    said = {(p.row, p.column, p.level): p.message for p in sheet.problems}
    assert said[(2, "Type", WARNING)] == "Type 'Title' is neither title nor era; the row is imported as an event"
    assert said[(3, "End Year", ERROR)] == (
        "an era needs an End Year, as TimelineJS shows one only from its start to its end; the row is skipped"
    )


def test_a_wiki_page_of_a_picture_is_the_source_not_the_picture():
    account, _ = one({"Media": "https://commons.wikimedia.org/wiki/File:Ape_skeletons.png", "Media Caption": "Apes"})
    assert (
        account["media"] == "" and account["source_url"] == "https://commons.wikimedia.org/wiki/File:Ape_skeletons.png"
    )


@pytest.mark.parametrize("display", ["500 BC", "500 BCE", "500 B.C."])
def test_display_date_of_a_bce_year_the_dashboard_shows_is_not_kept(display):
    # Needs the loader that reads BCE dates (dates.label printing "500 BC").
    account, problems = one({"Year": "-500", "Text": "Body.", "Display Date": display})
    assert account["description"] == "Body."
    assert "Display Date" not in notes(problems)


# --- slides without a headline ----------------------------------------------------------------------

LONG = (
    "The first mechanical clocks in Europe strike the hours from church towers, and the "
    "town's day is ruled by the bell rather than by the sun."
)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Short text.", "Short text"),
        ("Short text...", "Short text..."),
        ("What time is it?", "What time is it?"),
        ("<p>First paragraph.</p><p>Second.</p>", "First paragraph"),
        (LONG, "The first mechanical clocks in Europe strike the hours from church\u2026"),
        ("A" * 100, "A" * 70 + "\u2026"),
        ('<a href="https://example.org">A link</a> in the text', "A link in the text"),
    ],
)
def test_a_slide_without_a_headline_takes_its_title_from_its_text(text, title):
    account, problems = one({"Text": text})
    assert account["title"] == title
    assert len(title) <= sheets.TITLE_LENGTH + 1
    [warning] = problems
    assert (warning.row, warning.column, warning.level) == (2, "Headline", WARNING)
    assert warning.message.startswith(f"Headline is empty, so the title is taken from the start of the Text: {title!r}")


@pytest.mark.parametrize(
    "row, title, column",
    [
        (
            {"Media Caption": "A sundial at noon", "Media": "https://example.org/s.jpg"},
            "A sundial at noon",
            "Media Caption",
        ),
        ({"Media": TWEET}, "Clocks go back tonight pic.twitter.com/AbCdEf", "Media"),
        ({"Media": "https://example.org/s.jpg", "Alt Text": "A shadow"}, "A shadow", "Alt Text"),
    ],
)
def test_without_text_the_title_comes_from_the_media(row, title, column):
    account, problems = one(row)
    assert account["title"] == title
    assert f"taken from the start of the {column}" in next(p.message for p in problems if p.row == 2)


def test_a_slide_with_nothing_to_take_a_title_from_is_untitled():
    account, problems = one({"Media": "https://example.org/s.jpg"})
    assert account["title"] == "Untitled"
    assert [p.column for p in problems] == ["Headline"]


# --- BCE years and years before 1000 ---------------------------------------------------------------


def test_bce_years_and_early_years_are_read_as_written():
    sheet = sheets.read_sheet(
        sheet_bytes(
            {"Year": "-500", "Headline": "a"},
            {"Year": "-500", "Month": "3", "Day": "15", "Time": "14:30", "Headline": "b"},
            {
                "Year": "-44",
                "Month": "3",
                "Day": "15",
                "End Year": "-44",
                "End Month": "3",
                "End Day": "16",
                "Headline": "c",
            },
            {"Year": "600", "Headline": "d"},
            {"Year": "-1500", "End Year": "600", "Headline": "e", "Type": "era"},
        ),
        "sheet.csv",
    )
    assert not sheet.problems
    assert [(e.account["date"], e.account["end_date"]) for e in sheet.entries] == [
        ("-0500", ""),
        ("-0500-03-15 14:30", ""),
        ("-0044-03-15", "-0044-03-16"),
        ("0600", ""),
        ("-1500", "0600"),
    ]


def test_importing_into_a_file_without_the_media_columns_keeps_the_media_in_the_description(tmp_path):
    """Nothing is lost and no row is skipped (a second import would duplicate the others)."""
    into = tmp_path / "events.csv"
    into.write_text(
        "id,date,end_date,title,description,category,location,latitude,longitude,source,"
        "source_url,published,claimed_by\n"
    )
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(
        sheet_bytes(
            {
                "Headline": "A picture",
                "Text": "Said.",
                "Media": "https://example.org/x.jpg",
                "Media Caption": "The square",
                "Media Credit": "Jo Baker",
                "Alt Text": "A crowd",
            },
            {"Headline": "A link", "Media": "https://example.org/news/1"},
        )
    )
    result = importer.import_sheet(str(sheet), str(into))
    assert [account["title"] for _, _, account in result.rows] == ["A picture", "A link"]
    assert not [p for p in result.problems if p.level == ERROR]
    [warning] = [p for p in result.problems if "has no media" in p.message]
    assert (warning.row, warning.column, warning.level) == (1, "Media", WARNING)
    assert "row 2 " in warning.message and "python -m timeline template" in warning.message
    dataset = timeline.load(into)
    assert dataset.problems == []
    picture = dataset.accounts.set_index("title").loc["A picture"]
    assert picture["description"] == (
        "Said.\n\nMedia: https://example.org/x.jpg\nCaption: The square\nCredit: Jo Baker\nAlt text: A crowd"
    )
    assert dataset.accounts.set_index("title").loc["A link", "source_url"] == "https://example.org/news/1"


# --- import: appended to events.csv ------------------------------------------------------------------


def test_import_into_the_real_file_keeps_its_bytes_and_makes_ids_unique(tmp_path):
    into = tmp_path / "events.csv"
    before = EVENTS.read_bytes()
    into.write_bytes(before)
    result = importer.import_sheet(str(SHEET), str(into))
    assert into.read_bytes().startswith(before)
    imported = {sheet_row: account["id"] for sheet_row, _, account in result.rows}
    assert imported[10] == "death-toll-2" and imported[11] == "death-toll-3"  # events.csv has death-toll
    assert imported[6] == "internet-shutdown-2"
    assert imported[3] == "state-of-emergency"
    assert imported[16] == "a-row-with-no-headline"
    assert len(imported) == 12 and result.failed
    skipped = sorted((p.row, p.column) for p in result.problems if p.level == ERROR)
    assert skipped == [(14, "Day"), (15, "Year"), (17, "End Year")]
    [end_problem] = [p for p in result.problems if p.row == 17]
    assert end_problem.message.startswith("end_date '2022-01-03' is before the date")
    assert end_problem.message.endswith("; the row is skipped")
    dataset = timeline.load(into)
    assert not dataset.errors
    assert result.summary == dataset.summary() == "47 events, 94 accounts, 0 errors, 0 warnings"


def test_import_creates_an_absent_file_and_reports(tmp_path, capsys):
    into = tmp_path / "new.csv"
    code = cli.main(["import", "timelinejs", str(OLD_SHEET), "--into", str(into)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    # A byte order mark first, so that Windows Excel opens the new file as UTF-8.
    assert into.read_bytes().startswith(b"\xef\xbb\xbf" + schema.header_line().encode() + b"\n")
    assert out == [
        f"imported 4 of 4 rows from {OLD_SHEET} into {into}",
        f"  {into}:2: csto-agrees-to-send-peacekeepers (2022-01-06) from sheet row 2",
        f"  {into}:3: csto-troops-deployed (2022-01-06 to 2022-01-19) from sheet row 3",
        f"  {into}:4: smailov-confirmed-as-prime-minister (2022-01-11) from sheet row 4",
        f"  {into}:5: csto-withdrawal-begins (2022-01-13 09:15) from sheet row 5",
        "4 events, 4 accounts, 0 errors, 0 warnings",
    ]
    # Importing it again appends none of its rows a second time (under new ids), and says so.
    before = into.read_bytes()
    assert cli.main(["import", "timelinejs", str(OLD_SHEET), "--into", str(into)]) == 0
    assert into.read_bytes() == before
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{OLD_SHEET}: -: warning: rows 2-5 of the sheet: their accounts are in {into} already, value for value "
        "(rows 2-5 there), so they are not imported again; the sheet's other rows are",
        f"imported 0 of 4 rows from {OLD_SHEET} into {into}",
    ]


def test_a_sheet_imported_again_once_its_refused_rows_are_mended_appends_only_those(tmp_path, capsys):
    """An editor imports a sheet, three rows refused; mends them in the sheet and imports it again:
    the twelve rows in the file already are not appended a second time (every event twice, under
    -2 ids, with nothing said); the three mended rows are, with their sheet rows named."""
    into = tmp_path / "events.csv"
    assert cli.main(["import", "timelinejs", str(SHEET), "--into", str(into)]) == 1
    capsys.readouterr()
    first = into.read_bytes()
    mended = tmp_path / "mended.csv"
    records = list(csv.reader(io.StringIO(SHEET.read_text(encoding="utf-8"), newline="")))
    header = records[0]
    year, day = header.index("Year"), header.index("Day")
    records[13][day], records[14][year] = "5", "2022"  # (30 February; no year)
    for name in ("End Year", "End Month", "End Day"):  # (an end before its start)
        records[16][header.index(name)] = ""
    with mended.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(records)
    assert cli.main(["import", "timelinejs", str(mended), "--into", str(into)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        f"{mended}: -: warning: rows 3-13 and 16 of the sheet: their accounts are in {into} already"
    )
    assert f"imported 3 of 15 rows from {mended} into {into}" in out
    assert into.read_bytes().startswith(first) and len(timeline.load(into).accounts) == 15
    assert [line.split(" from ")[1] for line in out if line.startswith("  ")] == [
        "sheet row 14",
        "sheet row 15",
        "sheet row 17",
    ]


def test_a_sheet_imported_again_names_each_file_row_once_and_a_mended_row_takes_the_next_id(tmp_path, capsys):
    """The review's: two identical rows of a sheet, both in the file after the first import, were
    said to be file row 2 twice; a mended row took an id past those of the rows not imported again."""
    header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media Credit"
    rows = ["2022,1,5,,,,,,,Protest,Crowds gather.,AP"] * 2 + ["2022,1,6,,,,,,,Curfew,Curfew declared.,AP"]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("\n".join([header, *rows, "2022,2,30,,,,,,,Protest,A later protest.,AP"]) + "\n")
    into = tmp_path / "events.csv"
    assert cli.main(["import", "timelinejs", str(sheet), "--into", str(into)]) == 1  # (30 February refused)
    assert list(timeline.load(into).accounts["id"]) == ["protest", "protest-2", "curfew"]
    sheet.write_text("\n".join([header, *rows, "2022,2,28,,,,,,,Protest,A later protest.,AP"]) + "\n")
    capsys.readouterr()
    assert cli.main(["import", "timelinejs", str(sheet), "--into", str(into)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{sheet}: -: warning: rows 2-4 of the sheet: their accounts are in {into} already, value for value "
        "(rows 2-4 there), so they are not imported again; the sheet's other rows are"
    )
    assert list(timeline.load(into).accounts["id"]) == ["protest", "protest-2", "curfew", "protest-3"]


def test_import_prints_skipped_rows_with_the_sheet_row(tmp_path, capsys):
    code = cli.main(["import", "timelinejs", str(SHEET), "--into", str(tmp_path / "events.csv")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert f"{SHEET}:15: Year: error: Year is empty but Month, Day are given; the row is skipped" in out
    assert f"imported 12 of 15 rows from {SHEET} into {tmp_path / 'events.csv'}" in out
    assert out[-1] == "12 events, 12 accounts, 0 errors, 0 warnings"


def test_import_of_a_missing_sheet_is_a_problem(tmp_path, capsys):
    code = cli.main(["import", "timelinejs", str(tmp_path / "nope.csv"), "--into", str(tmp_path / "e.csv")])
    assert code == 1
    out = capsys.readouterr().out
    assert "the sheet cannot be opened" in out
    assert out.splitlines()[-1] == f"nothing imported from {tmp_path / 'nope.csv'} into {tmp_path / 'e.csv'}"
    assert not (tmp_path / "e.csv").exists()


def test_import_of_a_sheet_refused_whole_says_nothing_was_imported(tmp_path, capsys):
    # (was "imported 0 of 0 rows")
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(b"Year;Month;Day;Headline\n2022;1;5;A\n")
    assert cli.main(["import", "timelinejs", str(sheet), "--into", str(tmp_path / "e.csv")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "separated by semicolons" in lines[0]
    assert lines[-1] == f"nothing imported from {sheet} into {tmp_path / 'e.csv'}"

    # ... and so does one that stops at a quote never closed (was "imported 0 of 1 rows")
    sheet.write_bytes(b'Year,Headline,Text\n2021,A,T\n2022,B,"T\n2023,C,T\n')
    assert cli.main(["import", "timelinejs", str(sheet), "--into", str(tmp_path / "e.csv")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"nothing imported from {sheet} into {tmp_path / 'e.csv'}"
    assert not (tmp_path / "e.csv").exists()


# --- export: TimelineJS JSON -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, precision, offset, expect",
    [
        ("2022-01-01", "year", "", {"year": 2022, "display_date": "2022"}),
        ("2022-01-01", "month", "", {"year": 2022, "month": 1, "display_date": "January 2022"}),
        ("2022-01-07", "day", "", {"year": 2022, "month": 1, "day": 7, "display_date": "7 January 2022"}),
        (
            "2022-01-07 14:30",
            "minute",
            "+06:00",
            {
                "year": 2022,
                "month": 1,
                "day": 7,
                "hour": 14,
                "minute": 30,
                "display_date": "7 January 2022, 14:30 (UTC+06:00)",
            },
        ),
    ],
)
def test_date_object_stops_at_the_precision(value, precision, offset, expect):
    assert export.date_object(value, precision, offset) == expect


@pytest.mark.parametrize(
    "url, link",
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
        ("javascript:alert(1)", ""),
        ("www.example.org", ""),
        ("", ""),
    ],
)
def test_web_link(url, link):
    assert export.web_link(url) == link


def rows_csv(*rows: str) -> bytes:
    return (schema.header_line() + "\n" + "\n".join(rows) + "\n").encode()


def test_export_escapes_our_text_and_lists_every_account():
    dataset = timeline.load_bytes(
        rows_csv(
            'a,2022-01-05,,Crowd <b>cheers</b> & runs,"He said ""<script>x</script>""",protest,,,,'
            "Outlet <One>,https://example.org/a?x=1&y=2,,Interior Ministry,,,,,,,",
            "a,2022-01-06,,,Another date,,,,,Second & Co,,,,,,,,,,",
        )
    )
    [slide] = export.document(dataset)["events"]
    assert slide["text"]["headline"] == "Crowd &lt;b&gt;cheers&lt;/b&gt; &amp; runs"
    text = slide["text"]["text"]
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "The sources disagree on the date." in text  # 5 and 6 January
    assert text.count("<li>") == 2
    assert "<strong>Outlet &lt;One&gt;</strong>, claimed by Interior Ministry, dated 2022-01-05" in text
    assert '<a href="https://example.org/a?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">' in text
    assert "<strong>Second &amp; Co</strong>, dated 2022-01-06: Another date" in text
    # A source link is the account's, in the text: never the slide's media (TimelineJS would
    # draw an article as a broken image). One category: no group.
    assert "media" not in slide and "group" not in slide
    assert slide["unique_id"] == "a"


def test_export_says_when_an_account_was_published_its_figure_and_that_it_was_retracted():
    # (a withdrawn toll was exported as a standing claim, with nothing to tell it from the others)
    dataset = timeline.load_bytes(
        rows_csv(
            "toll,2022-01-06,,Toll,A toll of 164 dead.,casualties,,,,AP,,2022-01-10,,,,,,164,dead,yes",
            "toll,2022-01-06,,,A toll of 225 <dead>.,,,,,Khabar,,2022-01-15,,,,,,225,<dead>,2022-01-20",
            "toll,2022-01-06,,,A toll of 44 dead.,,,,,Tass,,,,,,,,44,,",
            "toll,2022-01-06,,,Another.,,,,,Ria,,soon,,,,,,,,",
            "toll,2022-01-06,,,A toll of 50 dead.,,,,,Kazinform,,2022-01-10,,,,,,50,dead,January 2022",
        )
    )
    [slide] = export.document(dataset)["events"]
    text = slide["text"]["text"]
    assert (
        "<strong>AP</strong>, dated 2022-01-06, published 2022-01-10, figure 164 dead, <strong>retracted</strong>: "
        in text
    )
    assert (
        "<strong>Khabar</strong>, dated 2022-01-06, published 2022-01-15, figure 225 &lt;dead&gt;, "
        "<strong>retracted on 20 January 2022</strong>: A toll of 225 &lt;dead&gt;." in text
    )
    assert "<strong>Tass</strong>, dated 2022-01-06, figure 44: A toll of 44 dead.</li>" in text  # (standing)
    assert "<strong>Ria</strong>, dated 2022-01-06: Another.</li>" in text  # (a publication date check ignores)
    # (a month given: said so; it was "retracted on 1 January 2022", before the account was published)
    assert "figure 50 dead, <strong>retracted in January 2022</strong>: A toll of 50 dead." in text


@pytest.mark.parametrize(
    "value, precision, fields",
    [
        (np.datetime64("0600-03-15", "s"), "day", {"year": 600, "month": 3, "day": 15}),
        (np.datetime64("0045-01-01", "s"), "year", {"year": 45}),
        (np.datetime64("-0499-01-01", "s"), "year", {"year": -500}),  # 500 BC: TimelineJS's -500
        (
            np.datetime64("-0499-03-15T14:30", "s"),
            "minute",
            {"year": -500, "month": 3, "day": 15, "hour": 14, "minute": 30},
        ),
        (np.datetime64("0000-01-01", "s"), "year", {"year": -1}),  # 1 BC
        (  # (seconds where the time has them, as TimelineJS's own dates may)
            np.datetime64("2022-01-05T06:45:56", "s"),
            "minute",
            {"year": 2022, "month": 1, "day": 5, "hour": 6, "minute": 45, "second": 56},
        ),
    ],
)
def test_date_object_of_early_and_bce_years(value, precision, fields):
    date = export.date_object(value, precision)
    assert {k: v for k, v in date.items() if k != "display_date"} == fields


@pytest.mark.parametrize(
    "value, precision, label",
    [
        (np.datetime64("0600-03-15", "s"), "day", "15 March AD 600"),
        (np.datetime64("-0499-01-01", "s"), "year", "500 BC"),
        (np.datetime64("-0499-03-15T14:30", "s"), "minute", "15 March 500 BC, 14:30"),
    ],
)
def test_date_object_shows_the_date_as_the_dashboard_does(value, precision, label):
    # The BC labels need dates.label from the BCE rewrite of timeline/dates.py.
    assert export.date_object(value, precision)["display_date"] == label


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://example.org/img/clock.jpg", True),
        ("https://example.org/img/clock.avif", True),  # TimelineJS's fallback is an image too
        ("https://www.youtube.com/watch?v=abc123XYZ00", True),
        ("https://youtu.be/abc123XYZ00", True),
        ("https://vimeo.com/123456789", True),
        ("https://www.vimeo.com/123456789", False),  # TimelineJS does not know this form
        ("https://twitter.com/clockdesk_example/status/1000000000000000001", True),
        ("https://x.com/clockdesk_example/status/1000000000000000001", True),
        ("https://en.wikipedia.org/wiki/Sundial", True),
        ("https://soundcloud.com/example/clock-chimes", True),
        ("https://www.google.com/maps/place/Somewhere/@51.4769,-0.0005,17z", True),
        ("https://www.google.com/maps/@51.4769,-0.0005,17z", True),
        ("https://www.google.com/maps/embed?pb=!1m18", False),
        ("https://www.instagram.com/p/Cexample1/", True),
        ("https://www.instagram.com/townhallclock_example/", False),
        ("https://www.flickr.com/photos/example/123", True),
        ("https://www.documentcloud.org/documents/1-example", True),
        ("https://open.spotify.com/track/abc", True),
        ("https://example.org/report.pdf", True),
        ("https://example.org/chimes.mp3", True),
        ("https://example.org/chimes.mp3#t=5", False),  # TimelineJS's pattern stops at the end
        ("https://example.org/news/clocks-change", False),  # an article: a broken image in TimelineJS
        ("https://example.org/", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_shown_as_media(url, shown):
    assert export.shown_as_media(url) is shown


def test_export_media_is_our_media_column_and_a_source_link_stays_in_the_text():
    dataset = timeline.load_bytes(
        rows_csv(
            "sundial,2022-06-21,,Solstice <noon>,The shadow is shortest.,clocks,,,,Desk,https://example.org/news/1,,,"
            "https://example.org/img/sundial.jpg,Ana Silva & Co,A <b>bronze</b> sundial,A shadow & a dial,,,",
            "sundial,2022-06-21,,,A second photo.,,,,,Other Desk,,,,https://example.org/img/second.png,Ben,,,,,",
            "article,2022-06-22,,Only an article,,clocks,,,,Desk,https://example.org/news/2,,,"
            "https://example.org/news/2-photos,,,,,,",
            "tweet,2022-06-23,,A tweet,,standards,,,,Desk,,,,"
            "https://twitter.com/clockdesk_example/status/1000000000000000001,,Clocks go back,,,,",
        )
    )
    slides = {slide["unique_id"]: slide for slide in export.document(dataset)["events"]}
    assert slides["sundial"]["media"] == {
        "url": "https://example.org/img/sundial.jpg",
        "caption": "A &lt;b&gt;bronze&lt;/b&gt; sundial",
        "credit": "Ana Silva &amp; Co",
        "alt": "A shadow & a dial",
    }  # alt is set as text, not HTML
    text = slides["sundial"]["text"]["text"]
    assert '<a href="https://example.org/news/1" target="_blank" rel="noopener noreferrer">source</a>' in text
    assert (
        '<a href="https://example.org/img/second.png" target="_blank" rel="noopener noreferrer">picture</a> (Ben)'
    ) in text  # the second account's picture
    assert "sundial.jpg" not in text  # the slide's own media is not repeated
    assert "media" not in slides["article"]  # a page TimelineJS cannot show
    assert (
        '<a href="https://example.org/news/2-photos" target="_blank" rel="noopener noreferrer">media</a>'
        in slides["article"]["text"]["text"]
    )
    assert slides["tweet"]["media"]["url"] == "https://twitter.com/clockdesk_example/status/1000000000000000001"
    assert slides["tweet"]["media"]["caption"] == "Clocks go back"


@pytest.mark.parametrize(
    "categories, groups",
    [
        (["protest", "protest"], None),
        (["protest", "PROTEST"], None),  # one lane, however it is spelled
        (["protest", "era"], None),  # an era is not a slide
        (["protest", "security"], ["protest", "security"]),
        (["A & B", "<i>x</i>"], ["A &amp;amp; B", "&amp;lt;i&amp;gt;x&amp;lt;/i&amp;gt;"]),  # escaped twice
    ],
)
def test_a_group_only_when_there_are_two_or_more(categories, groups):
    dataset = timeline.load_bytes(
        rows_csv(
            *(
                f'e{n},2022-01-0{n + 1},2022-01-09,E{n},,"{category}",,,,Desk,,,,,,,,,,'
                for n, category in enumerate(categories)
            )
        )
    )
    slides = export.document(dataset)["events"]
    assert [slide.get("group") for slide in slides] == (groups or [None] * len(slides))


def test_bce_and_early_dates_go_out_as_timelinejs_reads_them():
    # Needs the loader that reads BCE dates (the BCE rewrite of timeline/dates.py).
    dataset = timeline.load_bytes(
        rows_csv(
            "caesar,-0044-03-15,,Caesar is killed,,politics,,,,Desk,,,,,,,,,,",
            "julian,-0045-01-01,,Julian calendar,,calendar,,,,Desk,,,,,,,,,,",
            "dial,-0500,,A sundial,,clocks,,,,Desk,,,,,,,,,,",
            "talk,-0500-03-15 14:30,,A talk at noon,,clocks,,,,Desk,,,,,,,,,,",
            "clock,0725,,Water clock,,clocks,,,,Desk,,,,,,,,,,",
        )
    )
    assert not dataset.errors
    slides = {slide["unique_id"]: slide for slide in export.document(dataset)["events"]}
    assert slides["caesar"]["start_date"] == {"year": -44, "month": 3, "day": 15, "display_date": "15 March 44 BC"}
    assert slides["julian"]["start_date"]["year"] == -45
    assert slides["dial"]["start_date"] == {"year": -500, "display_date": "500 BC"}
    assert slides["talk"]["start_date"] == {
        "year": -500,
        "month": 3,
        "day": 15,
        "hour": 14,
        "minute": 30,
        "display_date": "15 March 500 BC, 14:30",
    }
    assert slides["clock"]["start_date"] == {"year": 725, "display_date": "AD 725"}
    assert [s["unique_id"] for s in export.document(dataset)["events"]] == ["dial", "talk", "julian", "caesar", "clock"]


def test_export_eras_spans_and_the_title():
    dataset = timeline.load_bytes(
        rows_csv(
            "emergency,2022-01-05,2022-01-19,State of emergency,,era,,,,Desk,,,,,,,,,,",
            "no-end-era,2022-01,,An era without an end,,ERA,,,,Desk,,,,,,,,,,",
            "shutdown,2022-01-04,2022-01-10,Internet shutdown,,communications,,,,NetBlocks,,,,,,,,,,",
            "curfew,2022-01-05T23:00+06:00,2022-01-06T07:00,Curfew in Almaty,,security,,,,Akimat,,,,,,,,,,",
        )
    )
    doc = export.document(dataset, title="Kazakhstan & Co")
    assert doc["title"] == {"text": {"headline": "Kazakhstan &amp; Co", "text": ""}}
    [era] = doc["eras"]
    assert era["text"]["headline"] == "State of emergency"
    assert (era["start_date"]["day"], era["end_date"]["day"]) == (5, 19)
    assert era["unique_id"] == "emergency"  # (its id comes back on import, as a slide's does)
    assert [s["unique_id"] for s in doc["events"]] == ["no-end-era", "shutdown", "curfew"]
    assert doc["events"][1]["end_date"] == {"year": 2022, "month": 1, "day": 10, "display_date": "10 January 2022"}
    # a span's end time, on its start's clock, is said at its offset as its start is
    curfew = doc["events"][2]
    assert curfew["start_date"]["display_date"] == "5 January 2022, 23:00 (UTC+06:00)"
    assert curfew["end_date"]["display_date"] == "6 January 2022, 07:00 (UTC+06:00)"
    assert "media" not in doc["events"][1] and "end_date" not in doc["events"][0]


def test_cli_export_to_stdout_and_to_a_file(tmp_path, capsys):
    assert cli.main(["export", "timelinejs", str(EVENTS)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"]["text"]["headline"] == "Timeline"
    assert len(doc["events"]) == 35 and doc["eras"] == []
    output = tmp_path / "timeline.json"
    assert cli.main(["export", "timelinejs", str(EVENTS), "--output", str(output), "--title", "Kazakhstan"]) == 0
    assert capsys.readouterr().err == f"wrote 35 events and 0 eras to {output}\n"
    assert json.loads(output.read_text())["title"]["text"]["headline"] == "Kazakhstan"


@pytest.mark.parametrize(
    "output, said",
    [
        ("events.csv", "events.csv is the events file itself; name another file"),
        ("link.json", "link.json is the events file itself"),  # (a link to it)
        (
            "copy.CSV",
            "copy.CSV is named as a sheet (.CSV), but export writes TimelineJS's JSON; name the file .json, "
            "e.g. --output copy.json",
        ),
        ("sheet.xlsx", "sheet.xlsx is named as a sheet (.xlsx)"),
        # (were a traceback, after the whole file was read)
        (".", ". is a folder, not a file"),
        ("", "--output names no file"),
        ("nowhere/timeline.json", "the folder of nowhere/timeline.json is not there"),
        # (was written over, and through a link named .json)
        ("notes.md", "notes.md is a file that is there already and is not JSON"),
        ("notes.json", "notes.json is a link to "),
        ("new/", "new/ is a folder, not a file"),
    ],
)
def test_cli_export_never_writes_over_the_events_file_nor_json_into_a_sheet(
    tmp_path, monkeypatch, capsys, output, said
):
    monkeypatch.chdir(tmp_path)
    events = tmp_path / "events.csv"
    events.write_bytes(EVENTS.read_bytes())
    (tmp_path / "link.json").symlink_to(events)
    (tmp_path / "notes.md").write_text("my notes")
    (tmp_path / "notes.json").symlink_to(tmp_path / "notes.md")
    assert cli.main(["export", "timelinejs", "events.csv", "--output", output]) == 1
    assert capsys.readouterr().err.startswith(f"nothing is written: {said}")
    assert events.read_bytes() == EVENTS.read_bytes()
    assert (tmp_path / "notes.md").read_text() == "my notes"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.csv", "link.json", "notes.json", "notes.md"]


def test_cli_export_replaces_an_earlier_export_whole(tmp_path, capsys):
    output = tmp_path / "timeline.json"
    output.write_text('{"title": "the last export"}')
    assert cli.main(["export", "timelinejs", str(EVENTS), "--output", str(output)]) == 0
    assert len(json.loads(output.read_text())["events"]) == 35
    assert [path.name for path in tmp_path.iterdir()] == ["timeline.json"]  # (no part left beside it)
    # through a link, the file it names is written, and keeps its mode
    output.chmod(0o640)
    (tmp_path / "latest.json").symlink_to(output)
    assert cli.main(["export", "timelinejs", str(EVENTS), "--output", str(tmp_path / "latest.json")]) == 0
    assert (tmp_path / "latest.json").is_symlink() and output.stat().st_mode & 0o777 == 0o640


def test_cli_export_of_a_missing_file_fails(tmp_path, capsys):
    assert cli.main(["export", "timelinejs", str(tmp_path / "nope.csv")]) == 1
    assert "there is no file" in capsys.readouterr().err


# --- the round trip: sheet -> import -> events.csv -> export -> what TimelineJS reads -----------------

# A sheet in TimelineJS's template columns (Alt Text included) with a title row, two eras and
# 21 slides of every kind: BC years, a year under 1000, times, spans, no headline, pictures
# and videos with credits, captions and alt text, a tweet's, an Instagram post's and an
# iframe's embed code, an article, a map, a PDF, Display Dates, thumbnails, backgrounds.
TIMEKEEPING = DATA / "timekeeping.csv"
SHEETS = {TIMEKEEPING: set(), SHEET: {14, 15, 17}, OLD_SHEET: set()}  # sheet -> its rows refused


def sheet_rows(path: Path) -> dict[int, dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {number: row for number, row in enumerate(csv.DictReader(handle), start=2)}


def slide_rows(path: Path) -> list[int]:
    """The rows that are slides or eras (not the title), less those refused on purpose."""
    return [
        n
        for n, row in sheet_rows(path).items()
        if row.get("Type") != "title" and n not in SHEETS[path] and any(row.values())
    ]


CLOCK = {
    "": (),
    "4:30 PM": (16, 30),
    "14:30": (14, 30),
    "09:15": (9, 15),
    "12:00 PM": (12, 0),
    "0:00": (0, 0),
    "23:59": (23, 59),
}


def sheet_date(row: dict, prefix: str = "") -> dict:
    """A date of the sheet as TimelineJS reads its cells: numbers, and a negative year for BC."""
    parts = [row.get(f"{prefix}{name}", "") for name in ("Year", "Month", "Day")]
    out = {key: int(value) for key, value in zip(("year", "month", "day"), parts) if value}
    out.update(zip(("hour", "minute"), CLOCK[row.get(f"{prefix}Time", "")]))
    return out


def without_label(date: dict) -> dict:
    return {k: v for k, v in date.items() if k != "display_date"}


def words(text: str) -> str:
    return " ".join(text.split())


def named_rows(message: str) -> set[int]:
    """The rows a note names: 'rows 2-5, 9 and 12' -> {2, 3, 4, 5, 9, 12}."""
    listed = re.search(r"\brows? (\d+(?:-\d+)?(?:(?:, | and )\d+(?:-\d+)?)*)", message).group(1)
    rows = set()
    for part in re.split(r", | and ", listed.strip()):
        first, _, last = part.partition("-")
        rows.update(range(int(first), int(last or first) + 1))
    return rows


@pytest.fixture(scope="module")
def round_trips(tmp_path_factory):
    """Each sheet imported into a new events.csv, and that file exported: (import, document)."""
    done = {}
    for path in SHEETS:
        into = tmp_path_factory.mktemp(path.stem) / "events.csv"
        result = importer.import_sheet(str(path), str(into))
        done[path] = result, export.document(timeline.load(into))
    return done


@pytest.mark.parametrize("path", list(SHEETS), ids=[path.stem for path in SHEETS])
def test_every_slide_of_a_sheet_is_imported(round_trips, path):
    result, doc = round_trips[path]
    refused = {p.row: p.message for p in result.problems if p.level == ERROR}
    assert set(refused) == SHEETS[path]
    assert sorted(row for row, _, _ in result.rows) == slide_rows(path)
    assert len(doc["events"]) + len(doc["eras"]) == len(result.rows)


@pytest.mark.parametrize(
    "path, sheet_row",
    [(path, n) for path in SHEETS for n in slide_rows(path)],
    ids=[f"{path.stem}:{n}" for path in SHEETS for n in slide_rows(path)],
)
def test_a_row_comes_back_as_it_went_in(round_trips, path, sheet_row):
    """Its dates (BC and times included), headline, text, media (url, caption, credit, alt),
    source link and group, as TimelineJS will read them."""
    result, doc = round_trips[path]
    row = {key: value or "" for key, value in sheet_rows(path)[sheet_row].items()}
    imported = {n: account for n, _, account in result.rows}
    assert sheet_row in imported, [p.message for p in result.problems if p.row == sheet_row]
    account = imported[sheet_row]
    if row.get("Type") == "era":
        [exported] = [era for era in doc["eras"] if html.unescape(era["text"]["headline"]) == account["title"]]
    else:
        [exported] = [slide for slide in doc["events"] if slide["unique_id"] == account["id"]]
    assert html.unescape(exported["text"]["headline"]) == (markup.inline(row["Headline"]) or account["title"])
    assert without_label(exported["start_date"]) == sheet_date(row)
    if row["Year"].startswith("-"):
        assert f"{row['Year'][1:]} BC" in exported["start_date"]["display_date"]
    if row["End Year"]:
        assert without_label(exported["end_date"]) == sheet_date(row, "End ")
    else:
        assert "end_date" not in exported
    text = words(markup.html_to_text(exported["text"]["text"]))
    assert words(markup.html_to_text(row["Text"])) in text
    cell = row.get("Media", "").strip()
    link = markup.embed_link(cell) if markup.is_markup(cell) else markup.absolute(cell)
    if markup.is_markup(cell):  # (its text; its address is the media)
        assert words(markup.html_to_text(cell, embeds=False)) in text
    if media.kind(link) in ("image", "video"):
        assert exported["media"] == {
            "url": link,
            "caption": html.escape(words(markup.html_to_text(row.get("Media Caption", "")))),
            "credit": html.escape(words(markup.html_to_text(row.get("Media Credit", "")))),
            "alt": markup.inline(row.get("Alt Text", "")),
        }
    else:
        assert "media" not in exported
        if link:
            assert (
                f'<a href="{html.escape(link)}" target="_blank" rel="noopener noreferrer">source</a>'
                in exported["text"]["text"]
            )
        assert words(markup.html_to_text(row.get("Media Caption", ""))) in text
    groups = {
        row.get("Group", row.get("Tag", "")) or "Event"
        for row in sheet_rows(path).values()
        if row.get("Type") not in ("title", "era")
    }
    if row.get("Type") != "era" and len(groups) > 1:
        assert html.unescape(html.unescape(exported["group"])) == (row.get("Group", row.get("Tag", "")) or "Event")
    elif row.get("Type") != "era":
        assert "group" not in exported


def test_nothing_in_the_timekeeping_sheet_is_lost():
    """Every cell that has something in it is in the account it becomes, or named in a note
    that says what became of it (the import alone, without the loader)."""
    sheet = sheets.read_sheet(TIMEKEEPING.read_bytes(), TIMEKEEPING.name)
    rows = sheet_rows(TIMEKEEPING)
    assert len(rows) >= 20
    accounts = {entry.sheet_row: entry.account for entry in sheet.entries}
    assert sorted(accounts) == slide_rows(TIMEKEEPING)
    assert [p for p in sheet.problems if p.level == ERROR] == []
    notes = {p.column: p.message for p in sheet.problems if p.row == 1}
    [title_row] = [n for n, row in rows.items() if row["Type"] == "title"]
    [left] = [p.message for p in sheet.problems if p.row == title_row]
    for column in ("Text", "Media", "Media Credit", "Background"):
        assert column in left
    for n in slide_rows(TIMEKEEPING):
        row, account = rows[n], accounts[n]
        everything = words(" ".join(account.values()))
        for column, value in row.items():
            if not value.strip():
                continue
            if column in ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time"):
                continue  # the dates: see test_a_row_comes_back_as_it_went_in
            elif column in ("Media Thumbnail", "Background"):
                assert n in named_rows(notes[column])
            elif column == "Type":
                assert (value == "era") == (account["category"] == "Era")
            elif column == "Display Date":
                assert (f"Display date: {value}" in account["description"]) == (n in named_rows(notes[column]))
            elif column == "Media" and markup.is_markup(value):
                assert words(markup.html_to_text(value, embeds=False)) in words(account["description"])
                assert markup.embed_link(value) in (account["media"], account["source_url"])
            elif column == "Media":
                assert markup.absolute(value) in (account["media"], account["source_url"])
            elif column == "Alt Text" and not account["media"]:
                assert n in named_rows(notes[column])
            else:
                assert words(markup.html_to_text(value)) in everything or words(markup.inline(value)) in everything, (
                    n,
                    column,
                )


def test_the_timekeeping_sheet_says_what_it_did_with_its_rows():
    sheet = sheets.read_sheet(TIMEKEEPING.read_bytes(), TIMEKEEPING.name)
    notes = {p.column: p.message for p in sheet.problems if p.row == 1}
    assert named_rows(notes["Media"]) == {8, 10, 16, 17}  # embed codes
    assert named_rows(notes["Media Thumbnail"]) == {11, 20}
    assert named_rows(notes["Background"]) == {9, 17}
    assert named_rows(notes["Media Caption"]) == {12, 18}  # a map, a PDF: no picture
    [untitled] = [p for p in sheet.problems if p.column == "Headline"]
    assert (untitled.row, untitled.level) == (9, WARNING)


def test_a_year_of_two_digits_is_imported_as_written_and_told():
    """TimelineJS shows Year 22 as the year 22: so is it imported, with a warning naming the
    years it may have meant (in a small sheet nothing else says it is far from the others)."""
    sheet = sheets.read_sheet(
        sheet_bytes(
            {"Year": "2022", "Month": "1", "Day": "5", "Headline": "a"},
            {"Year": "22", "Month": "1", "Day": "7", "Headline": "b"},
            {"Year": "2022", "End Year": "23", "Headline": "c"},
            {"Year": "600", "Headline": "d"},
            {"Year": "-44", "Headline": "e"},
            {"Year": "1066", "Headline": "f"},
        ),
        "sheet.csv",
    )
    assert [e.account["date"] for e in sheet.entries] == ["2022-01-05", "0022-01-07", "2022", "0600", "-0044", "1066"]
    told = [(p.row, p.column, p.level) for e in sheet.entries for p in e.warnings]
    assert told == [(3, "Year", WARNING), (4, "End Year", WARNING)]
    [first] = sheet.entries[1].warnings
    assert str(first.message).startswith("Year '22' is imported as the year 0022")
    assert "2022 or 1922" in str(first.message)


# --- TimelineJS's JSON read as the sheet of its slides ---------------------------------------------


@pytest.mark.parametrize("path", list(SHEETS), ids=[path.stem for path in SHEETS])
def test_a_timeline_exported_as_json_comes_back_with_its_dates_titles_lanes_and_ids(round_trips, path, tmp_path):
    """A sheet imported, exported as TimelineJS's JSON, and that JSON imported again: each event
    comes back with the date, end date, title, lane and id it went out with."""
    result, doc = round_trips[path]
    first = timeline.load(result.into).accounts.drop_duplicates("id").set_index("id")
    source = tmp_path / "timeline.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    again = importer.import_sheet(str(source), str(tmp_path / "events.csv"))
    assert not [p for p in again.problems if p.level == ERROR]
    back = timeline.load(tmp_path / "events.csv").accounts.set_index("id")
    assert sorted(back.index) == sorted(first.index)  # (the slides' unique_id: the ids, kept)
    columns = ["date", "end_date", "title"] + (["category"] if len({s.get("group") for s in doc["events"]}) > 1 else [])
    assert back[columns].sort_index().equals(first[columns].sort_index())
    # Each slide's display_date said the same as its dates: no "Display date:" line is added (those
    # of the sheet's Display Dates come back in the slide's text).
    said = back["description"].str.count("Display date:").sort_index()
    assert said.equals(first["description"].str.count("Display date:").sort_index())


@pytest.mark.parametrize(
    "cells, date",
    [
        # a Display Date of the slide's day and time with an offset its Time cannot hold: the offset taken
        ({"Time": "14:30", "Display Date": "5 January 2022, 14:30 (UTC-05:00)"}, "2022-01-05 14:30-05:00"),
        ({"Time": "10:00", "Display Date": "10:00 MSK"}, "2022-01-05 10:00+03:00"),
        # ... not where it is another time, the slide has one already, or has no time
        ({"Time": "14:30", "Display Date": "5 January 2022, 15:30 (UTC-05:00)"}, "2022-01-05 14:30"),
        ({"Time": "14:30 EST", "Display Date": "5 January 2022, 14:30 (UTC+06:00)"}, "2022-01-05 14:30 EST"),
        ({"Display Date": "5 January 2022, 14:30 (UTC-05:00)"}, "2022-01-05"),
        ({"Time": "14:30", "Display Date": "5 January 2022, 14:30 CST"}, "2022-01-05 14:30"),  # (names several)
    ],
)
def test_a_display_date_s_offset_for_the_slide_s_time_is_taken(cells, date):
    account, _ = one({"Month": "1", "Day": "5", **cells})
    assert account["date"] == date


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_offsets_come_back_from_an_export_as_json(tmp_path, lang):
    """They went out in each slide's display_date (its Time cannot hold one) and were lost; made
    on an Arabic page (`5 يناير 2022، 2:30 م (UTC-05:00)`), still lost, without a word, and each
    page's display date other than English's kept as a line of every description (a probe's)."""
    events = tmp_path / "events.csv"
    events.write_text(
        "id,date,end_date,title,category,source\n"
        "a,2022-01-05 14:30-05:00,,A,protest,AP\n"
        "b,2022-01-05 14:30 MSK,,B,protest,TASS\n"
        "c,2022-01-05T23:30+06:00,2022-01-06 07:00,C,protest,Kazinform\n"
        "d,2022-01-05 14:30,,D,protest,AFP\n"
        "e,2022-01-05 09:15Z,,E,protest,RFE/RL\n"
        "f,2022-01-05,,F,protest,AFP\n",
        encoding="utf-8",
    )
    with i18n.using(lang):  # (as the page's button makes it, in the page's language)
        assert cli.main(["export", "timelinejs", str(events), "--output", str(tmp_path / "t.json")]) == 0
    again = importer.import_sheet(str(tmp_path / "t.json"), str(tmp_path / "again.csv"))
    assert not [p for p in again.problems if p.column == "Display Date"]
    assert "Display date" not in (tmp_path / "again.csv").read_text(encoding="utf-8-sig")
    first, back = (
        timeline.load(path).accounts.set_index("id").sort_index() for path in (events, tmp_path / "again.csv")
    )
    for column in ("start", "offset", "end"):
        assert back[column].equals(first[column]), column


@pytest.mark.parametrize(
    "display, time, year, date",
    [
        # the dashboard's own label of the slide's date and time, in a page's language: its offset
        ("5 يناير 2022، 2:30 م (UTC+06:00)", "14:30", "2022", "2022-01-05 14:30+06:00"),
        ("5 janvier 2022, 14:30 (UTC)", "14:30", "2022", "2022-01-05 14:30Z"),
        # another's words with the year, the time and an offset in them: not (a review's)
        ("2022: talks at 09:00 in Kyiv (UTC+02:00), 07:00 in London (UTC)", "09:00", "2022", "2022-01-05 09:00"),
        ("Talks open 2022, 09:00 Kyiv time, streamed at 07:00 (UTC)", "09:00", "2022", "2022-01-05 09:00"),
        ("Cup final 2015, kick-off 14:30 (UTC+05:00)", "14:30", "5", "0005-01-05 14:30"),
    ],
)
def test_a_display_date_gives_its_offset_only_where_it_is_the_dashboard_s_own_label(display, time, year, date):
    account, _ = one({"Year": year, "Month": "1", "Day": "5", "Time": time, "Display Date": display})
    assert account["date"] == date


TIMELINE_JSON = {  # TimelineJS's own format (timeline.knightlab.com/docs/json-format.html)
    "title": {"text": {"headline": "Kazakhstan", "text": "<p>January 2022</p>"}},
    "events": [
        {
            "start_date": {"year": "2022", "month": "1", "day": "5", "hour": "16", "minute": "30"},
            "text": {"headline": "Almaty city hall <b>stormed</b>", "text": "<p>Crowds enter the akimat.</p>"},
            "media": {
                "url": "https://example.org/akimat.jpg",
                "credit": "AFP",
                "caption": "The akimat on fire",
                "link": "https://example.org/gallery",
            },
            "group": "protest",
            "unique_id": "akimat-stormed",
        },
        {
            "start_date": {"year": -500, "display_date": "c. 500 BC"},
            "text": {"headline": "A year before the era"},
            "location": {"lat": 43.25, "lon": 76.91},  # (TimelineJS 3 draws no map: not imported, and said so)
        },
        {"start_date": {"year": 2022, "month": 1, "day": 32}, "text": {"headline": "No such day"}},
        {"start_date": {"year": 2022, "month": 1, "day": 7, "hour": 9, "minute": 5, "second": 7}},
    ],
    "eras": [
        {
            "start_date": {"year": 2022, "month": 1, "day": 5},
            "end_date": {"year": 2022, "month": 1, "day": 19},
            "text": {"headline": "State of emergency"},
        }
    ],
    "scale": "human",
}


def test_timelinejs_json_is_imported_slide_by_slide(tmp_path, capsys):
    source = tmp_path / "timeline.json"
    source.write_text(json.dumps(TIMELINE_JSON), encoding="utf-8")
    into = tmp_path / "events.csv"
    assert cli.main(["import", "timelinejs", str(source), "--into", str(into)]) == 1  # (a slide skipped)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{source} is TimelineJS's JSON, read as the sheet of its slides: row 2 is its title, rows 3 to 6 are "
        "events[0] to events[3], row 7 is eras[0]"
    )
    assert f"{source}:5: Day: error: Day '32' is not a whole number from 1 to 31; the row is skipped" in out
    assert f"{source}: -: warning: media.link is not imported (row 3): events.csv has no place for it" in out
    assert f"{source}: -: warning: location is not imported (row 4): events.csv has no place for it" in out
    assert f"imported 4 of 5 slides from {source} into {into}" in out
    assert f"  {into}:2: akimat-stormed (2022-01-05 16:30) from events[0]" in out
    assert f"  {into}:5: state-of-emergency (2022-01-05 to 2022-01-19) from eras[0]" in out
    accounts = timeline.load(into).accounts.set_index("id")
    stormed = accounts.loc["akimat-stormed"]
    assert (stormed["title"], stormed["description"]) == ("Almaty city hall stormed", "Crowds enter the akimat.")
    assert (stormed["media"], stormed["media_credit"], stormed["media_caption"], stormed["source"]) == (
        "https://example.org/akimat.jpg",
        "AFP",
        "The akimat on fire",
        "AFP",
    )
    assert stormed["category"] == "protest"
    bc = accounts.loc["a-year-before-the-era"]
    assert (bc["date"], bc["description"]) == ("-0500", "Display date: c. 500 BC")
    assert accounts.loc["untitled"]["date"] == "2022-01-07 09:05:07"  # (no headline, no text: Untitled)
    assert (
        f"{source}:6: Headline: warning: Headline is empty and the row has no text to take a title from, so the "
        in (" ".join(out))
    )
    assert accounts.loc["state-of-emergency"]["category"] == "Era"


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"title": {"text": {"headline": "A"}}}', "the file is JSON but not a TimelineJS timeline"),
        ('[{"year": 2022}]', "the file is JSON but not a TimelineJS timeline"),
        ('{"events": {"start_date": {"year": 2022}}}', "the file is JSON but not a TimelineJS timeline"),
        ('{"events": [], "eras": 3}', "the file is JSON but not a TimelineJS timeline"),
        # (not JSON: read as a sheet, whose header names no column)
        ('{"events": [', "the header has no Year or Headline column"),
    ],
)
def test_json_that_is_no_timeline_is_refused_as_such(text, message):
    sheet = sheets.read_sheet(text.encode(), "timeline.json")
    assert not sheet.entries
    assert any(p.level == ERROR and message in p.message for p in sheet.problems)


TIMELINE_2_JSON = {  # TimelineJS 2's format, as its examples write it (Knight Lab's util/convert_json.py reads it)
    "timeline": {
        "headline": "Elizabeth Taylor",
        "type": "default",
        "startDate": "1932",
        "date": [
            {"startDate": "2011,3,23", "headline": "Dies in Los Angeles", "tags": "Personal life"},
            {"startDate": "1964,3,15", "endDate": "1974,6,26", "headline": "Marries Richard Burton"},
            {"startDate": "1961,1,1", "endDate": "196002152034", "headline": "A date that is no date"},
            {"startDate": "1985", "endDate": "2011,2,16", "headline": "AIDS activism"},
            {
                "startDate": "2012,1,26,14,30",
                "headline": "With a time",
                "asset": {"media": "https://example.org/a.jpg", "credit": "AP", "caption": "A picture"},
            },
        ],
        "era": [{"startDate": "1950", "endDate": "1960", "headline": "The fifties"}],
    }
}


def test_timelinejs_2_json_is_imported_as_timelinejs_3_s(tmp_path, capsys):
    source = tmp_path / "timeline.json"
    source.write_text(json.dumps(TIMELINE_2_JSON), encoding="utf-8")
    into = tmp_path / "events.csv"
    assert cli.main(["import", "timelinejs", str(source), "--into", str(into)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{source} is TimelineJS's JSON, read as the sheet of its slides: row 2 is its title, rows 3 to 7 are "
        "timeline.date[0] to timeline.date[4], row 8 is timeline.era[0]"
    )
    # (never read as another date: refused, naming the value)
    assert any(line.startswith(f"{source}:5: End Year: error: End Year '196002152034' is not a year") for line in out)
    accounts = timeline.load(into).accounts.set_index("id")
    assert accounts.loc["dies-in-los-angeles", ["date", "category"]].tolist() == ["2011-03-23", "Personal life"]
    assert accounts.loc["marries-richard-burton", ["date", "end_date"]].tolist() == ["1964-03-15", "1974-06-26"]
    assert accounts.loc["aids-activism", ["date", "end_date"]].tolist() == ["1985", "2011-02-16"]
    with_time = accounts.loc["with-a-time"]
    assert (with_time["date"], with_time["media"], with_time["media_credit"], with_time["media_caption"]) == (
        "2012-01-26 14:30",
        "https://example.org/a.jpg",
        "AP",
        "A picture",
    )
    assert accounts.loc["the-fifties", ["date", "end_date", "category"]].tolist() == ["1950", "1960", "Era"]


def test_a_json_timeline_without_a_title_is_said_to_have_none(tmp_path, capsys):
    source = tmp_path / "timeline.json"
    source.write_text(json.dumps({"events": [{"start_date": {"year": 2022}, "text": {"headline": "A"}}]}))
    assert cli.main(["import", "timelinejs", str(source), "--into", str(tmp_path / "events.csv")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{source} is TimelineJS's JSON, read as the sheet of its slides: row 2 would be its title (it has none), "
        "row 3 is events[0]"
    )


@pytest.mark.parametrize(
    "document, said",
    [
        # what says nothing is not said: empty parts of a date, a millisecond of 0, a flag, the human scale
        (
            {
                "events": [
                    {
                        "start_date": {"year": 2022, "millisecond": "0", "format": ""},
                        "text": {"headline": "A"},
                        "autolink": True,
                        "location": None,
                    }
                ],
                "scale": "human",
            },
            [],
        ),
        (
            {
                "events": [{"start_date": {"year": 2022, "millisecond": 250}, "text": {"headline": "A"}}],
                "scale": "cosmological",
            },
            [
                "scale is not imported (the timeline as a whole): events.csv has no place for it",
                "start_date.millisecond is not imported (row 3): events.csv has no place for it",
            ],
        ),
        (
            {"events": [{"start_date": {"year": 2022}, "text": {"headline": "A"}, "location": {"lat": 43.2}}]},
            ["location is not imported (row 3): events.csv has no place for it"],
        ),
    ],
)
def test_what_a_json_slide_holds_that_events_csv_has_no_place_for_is_said(document, said):
    sheet = sheets.read_sheet(json.dumps(document).encode(), "timeline.json")
    assert [p.message for p in sheet.problems if "is not imported" in p.message] == said
    assert [entry.account["date"] for entry in sheet.entries] == ["2022"]


def test_a_date_in_other_digits_is_imported_in_them_and_said_to_may_be_of_another_calendar(tmp_path, capsys):
    """۱۴۰۰/۱۰/۱۵ is a Solar Hijri date: read as AD 1400 without a word, it was (the digits were made
    ASCII before the check that says so saw them)."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Year,Month,Day,Time,Headline\n۱۴۰۰,۱۰,۱۵,,Persian\n٢٠٢٢,١,٥,١٤:٣٠,Arabic digits\n", "utf-8")
    into = tmp_path / "events.csv"
    cli.main(["import", "timelinejs", str(sheet), "--into", str(into)])
    out = capsys.readouterr().out
    assert "is written in Extended Arabic-Indic digits and read as a date of the Gregorian calendar, in 1400" in out
    accounts = timeline.load(into).accounts.set_index("id")
    assert accounts.loc["persian", "date"] == "۱۴۰۰-۱۰-۱۵"
    assert str(accounts.loc["arabic-digits", "start"]) == "2022-01-05 14:30:00"  # (a Gregorian date: no warning)
    assert out.count(": warning: ") == 1


@pytest.mark.parametrize(
    "slide, date",
    [
        ({"startDate": "2011, 3, 23", "headline": "A"}, "2011-03-23"),  # (as TimelineJS 2 reads it)
        ({"startDate": "2011,3,23,9,5", "headline": "A"}, "2011-03-23 09:05"),
    ],
)
def test_timelinejs_2_dates_with_spaces_and_times(slide, date):
    document = {"timeline": {"headline": "T", "date": [slide]}}
    sheet = sheets.read_sheet(json.dumps(document).encode(), "timeline.json")
    assert [entry.account["date"] for entry in sheet.entries] == [date]


def test_a_timelinejs_2_slide_s_asset_is_kept_beside_a_media_of_its_own():
    asset = {"media": "https://example.org/a.jpg", "credit": "AP", "caption": "A picture"}
    for slide in (
        {"startDate": "2011,3,23", "headline": "A", "asset": asset, "media": ["x"]},
        {"startDate": "2011,3,23", "headline": "A", "media": ["x"], "asset": asset},
    ):
        sheet = sheets.read_sheet(json.dumps({"timeline": {"date": [slide]}}).encode(), "timeline.json")
        account = sheet.entries[0].account
        assert (account["media"], account["media_credit"], account["media_caption"]) == (
            "https://example.org/a.jpg",
            "AP",
            "A picture",
        )
        said = [p.message for p in sheet.problems if "is not imported" in p.message]
        assert said == ["media (TimelineJS 2) is not imported (row 3): events.csv has no place for it"]


def test_a_json_date_written_whole_is_refused_naming_it():
    document = {"events": [{"start_date": "2022-01-05", "text": {"headline": "A"}}]}
    sheet = sheets.read_sheet(json.dumps(document).encode(), "timeline.json")
    assert not sheet.entries
    refused = [p for p in sheet.problems if p.level == ERROR]
    assert len(refused) == 1 and refused[0].column == "Year" and "2022-01-05" in refused[0].message


def test_a_lane_with_an_ampersand_or_angle_brackets_comes_back_from_json_as_it_went(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(
        schema.header_line() + "\n"
        "budget-cut,2022-01-05,,Budget cut,,R&D,,,,AFP" + "," * (len(schema.NAMES) - 10) + "\n"
        "court-ruling,2022-01-06,,Court ruling,,Crime & Justice,,,,AFP" + "," * (len(schema.NAMES) - 10) + "\n"
        "tagged,2022-01-07,,Tagged,,<Almaty> desk,,,,AFP" + "," * (len(schema.NAMES) - 10) + "\n",
        "utf-8",
    )
    source = tmp_path / "timeline.json"
    source.write_text(json.dumps(export.document(timeline.load(events))), "utf-8")
    importer.import_sheet(str(source), str(tmp_path / "back.csv"))
    back = timeline.load(tmp_path / "back.csv").accounts.set_index("id")["category"]
    assert back.to_dict() == {"budget-cut": "R&D", "court-ruling": "Crime & Justice", "tagged": "<Almaty> desk"}
