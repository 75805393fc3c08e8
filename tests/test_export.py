"""timeline.view.export: the filtered accounts as CSV a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest

import timeline
from timeline import schema
from timeline.state import Filters, apply
from timeline.view.export import accounts_csv, bc_in_words, neutralise

from .helpers import everything, index_from_rows, row

# File order differs from date order on purpose: `late` comes first, `early`'s second account last.
ROWS = [
    row("late", "2022-01-09", category="security", source="TASS", description='Troops, "peacekeepers"\nand all'),
    row(
        "early",
        "2022-01-02",
        category="protest",
        source="RFE/RL",
        location="Zhanaozen",
        latitude="43.3412",
        longitude="52.8619",
        source_url="https://www.rferl.org/a/1.html",
        published="2022-01-03",
    ),
    row(
        "formula",
        "2022-01-05",
        title='=HYPERLINK("http://evil.example","click")',
        category="security",
        source="@mention",
        claimed_by="+7 701 000 0000",
        description="-1+cmd|' /C calc'!A0",
        location="Southern hemisphere",
        latitude="-12.5",
        longitude="-45",
    ),
    row("early", "January 2022", source="AFP", claimed_by="Interior Ministry"),
]


@pytest.fixture(scope="module")
def index():
    return index_from_rows(ROWS)


def read(text: str) -> list[dict]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(schema.NAMES)
    assert all(len(r) == len(schema.NAMES) for r in rows)
    return [dict(zip(schema.NAMES, r)) for r in rows[1:]]


def test_header_is_the_schema(index):
    text = accounts_csv(index, everything(index))
    assert text.splitlines()[0] == ",".join(schema.NAMES)


def test_every_account_in_date_order_then_file_order(index):
    rows = read(accounts_csv(index, everything(index)))
    assert [(r["id"], r["source"].lstrip("'")) for r in rows] == [
        ("early", "RFE/RL"),
        ("early", "AFP"),
        ("formula", "@mention"),
        ("late", "TASS"),
    ]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(categories=("protest",)), [("early", "RFE/RL"), ("early", "AFP")]),
        # an event kept for one outlet brings all its accounts
        (Filters(sources=("AFP",)), [("early", "RFE/RL"), ("early", "AFP")]),
        (Filters(categories=("security",)), [("formula", "'@mention"), ("late", "TASS")]),
        (Filters(date_from="2022-01-06"), [("late", "TASS")]),
        (Filters(text="nothing-matches"), []),
    ],
)
def test_only_the_kept_events_accounts(index, filters, expected):
    rows = read(accounts_csv(index, apply(index, filters)))
    assert [(r["id"], r["source"]) for r in rows] == expected


def test_values_survive_the_csv_module(index):
    rows = read(accounts_csv(index, everything(index)))
    early, afp, formula, late = rows
    assert late["description"] == 'Troops, "peacekeepers"\nand all'
    assert early == {**{name: "" for name in schema.NAMES}, **ROWS[1]}
    assert afp["date"] == "January 2022"  # dates as written, not reformatted
    assert formula["latitude"] == "-12.5" and formula["longitude"] == "-45"


def test_formulas_are_neutralised_but_numbers_are_not(index):
    (formula,) = [r for r in read(accounts_csv(index, everything(index))) if r["id"] == "formula"]
    assert formula["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert formula["source"] == "'@mention"
    assert formula["claimed_by"] == "'+7 701 000 0000"
    assert formula["description"] == "'-1+cmd|' /C calc'!A0"
    assert formula["location"] == "Southern hemisphere"
    assert formula["latitude"] == "-12.5"


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "+1"),
        ("+7 701", "'+7 701"),
        ("-", "'-"),
        ("-12.5", "-12.5"),
        ("-12", "-12"),
        ("12.5", "12.5"),
        ("-12.5\n=1+1", "'-12.5\n=1+1"),
        ("-1e5", "'-1e5"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("a=b", "a=b"),
        ("Almaty", "Almaty"),
        ("", ""),
        ("-٣", "-٣"),  # (a number in another script's digits, as `check` reads one: read back the same)
        ("+١٢.٥", "+١٢.٥"),
        ("-٣ قتلى", "'-٣ قتلى"),
    ],
)
def test_neutralise(value, written):
    assert neutralise(value) == written


def test_an_export_is_itself_a_valid_events_file(index):
    text = accounts_csv(index, everything(index))
    again = timeline.load_bytes(text.encode("utf-8"))
    assert again.errors == []
    assert sorted(again.events["id"]) == sorted(index.events["id"])
    assert len(again.accounts) == len(index.dataset.accounts)


def test_export_of_nothing_is_the_header():
    empty = index_from_rows([])
    assert accounts_csv(empty, np.zeros(0, dtype=bool)) == ",".join(schema.NAMES) + "\r\n"


def test_an_export_holds_at_most_its_bound_and_its_file_s_name_says_how_many_of_how_many(monkeypatch):
    """A served file of a million rows would make downloads of hundreds of MB: an export holds
    the first MOST_* in date order, its name says so, and so does the page, in the viewer's
    language (the file's name alone went unseen in a browser's downloads)."""
    from timeline import i18n
    from timeline.view import export

    index = index_from_rows(ROWS)
    made = export.csv_file(index, everything(index), "timeline-events")
    assert made.text.startswith("\ufeffid,")  # a byte order mark: Excel reads the file as UTF-8
    text = made.text.removeprefix("\ufeff")
    assert made.name == "timeline-events" and len(read(text)) == len(ROWS) and made.whole
    assert made.said == f"timeline-events.csv: {len(ROWS)} accounts"
    monkeypatch.setattr(export, "MOST_ACCOUNTS", 2)
    monkeypatch.setattr(export, "MOST_EVENTS", 1)
    made = export.csv_file(index, everything(index), "timeline-events")
    rows = read(made.text.removeprefix("\ufeff"))
    assert made.name == f"timeline-events-2-of-{len(ROWS)}" and [r["id"] for r in rows] == ["early", "early"]
    assert not made.whole
    assert made.said == (
        f"timeline-events-2-of-{len(ROWS)}.csv: the first 2 of {len(ROWS)} accounts in date order, "
        "the most one file holds. Filter to fewer events for the rest."
    )
    made = export.timelinejs_file(index, everything(index), "T", "timeline")
    events = len(index.events)
    assert made.name == f"timeline-1-of-{events}" and len(json.loads(made.text)["events"]) == 1
    assert made.said.startswith(f"timeline-1-of-{events}.json: the first 1 of {events} events")
    with i18n.using("ru"):
        made = export.csv_file(index, everything(index), "timeline-events")
    assert made.said.startswith(f"timeline-events-2-of-{len(ROWS)}.csv: первые 2 из {len(ROWS)} сообщений")


@pytest.mark.parametrize(
    "events, most, taken",
    [
        ([0, 0, 1, 1], 3, 2),  # the second event's accounts whole or none
        ([0, 0, 1, 1], 4, 4),
        ([0, 1, 1, 2], 2, 1),
        ([0, 1, 2, 3], 2, 2),
        ([0, 0, 0, 1], 2, 2),  # the first event alone more than a file holds: cut, not left empty
        ([], 2, 0),
    ],
)
def test_an_export_s_bound_leaves_no_event_with_half_its_accounts(events, most, taken):
    """Cut at the bound, an event's claims were half written: the sources that disagree on its
    date left out of the file without a word."""
    from timeline.view.export import _whole_events

    assert _whole_events(np.array(events), most) == taken


def test_an_export_at_its_bound_holds_whole_events(monkeypatch):
    from timeline.view import export

    index = index_from_rows(
        [row("a", "2022-01-05", source=s) for s in "AB"] + [row("b", "2022-01-06", source=s) for s in "CD"]
    )
    monkeypatch.setattr(export, "MOST_ACCOUNTS", 3)
    made = export.csv_file(index, everything(index), "timeline-events")
    assert [r["source"] for r in read(made.text.removeprefix("\ufeff"))] == ["A", "B"]
    assert made.name == "timeline-events-2-of-4" and "the first 2 of 4 accounts" in made.said


def test_one_export_at_a_time_in_a_worker():
    """An export asked for while another is being made is not made (no thread nor memory held),
    and the viewer is told so: a click that did nothing was taken for a broken button."""
    from dash import no_update

    from timeline.app import callbacks, render

    assert callbacks._EXPORTING.acquire(blocking=False)
    try:
        answer = callbacks.download(1, None, "", path="events.csv", title="T")
    finally:
        callbacks._EXPORTING.release()
    assert answer["file"] is no_update
    assert answer["said"] == "Another download is being made on this server: try again in a few seconds."
    assert answer["seen"] == render.EXPORT_SHOWN


def test_a_value_with_a_semicolon_or_a_tab_is_quoted_so_no_spreadsheet_splits_it():
    """LibreOffice's Text Import splits unquoted cells at semicolons and tabs until they are
    unticked (as Excel splits at semicolons where they are the list separator): an export opened
    in one must keep its columns."""
    rows = [
        {
            "id": "a",
            "date": "2022-01-05",
            "title": "T",
            "category": "protest",
            "source": "Le Temps; Eurasianet",
            "description": "one\ttwo",
        }
    ]
    text = accounts_csv(index_from_rows(rows), np.ones(1, dtype=bool))
    assert '"Le Temps; Eurasianet"' in text and '"one\ttwo"' in text
    assert read(text)[0]["source"] == "Le Temps; Eurasianet"


@pytest.mark.parametrize(
    "written, words",
    [
        ("-0044-03-15", "15 March 44 BC"),
        ("-0500-03", "March 500 BC"),
        ("-0500", "500 BC"),
        ("-0044-03-15 14:30", "15 March 44 BC, 14:30"),
        ("-0044-03-15 14:30+02:00", "15 March 44 BC, 14:30 (UTC+02:00)"),
        # an offset written otherwise, read back the same (its words were refused for +02:00: a probe's)
        ("-0044-03-15 14:30 +0200", "15 March 44 BC, 14:30 (UTC+02:00)"),
        ("-0044-03-15T14:30+0200", "15 March 44 BC, 14:30 (UTC+02:00)"),
        ("-protest", None),
    ],
)
def test_a_date_bc_is_written_in_words_that_read_back_as_it(written, words):
    assert bc_in_words(written) == words


def test_what_the_export_neutralised_is_told_when_the_export_is_read_as_an_events_file():
    """A title, a lane written with an apostrophe before them by the export: read back, each is
    told (the text warned), none taken silently. A date BC is written in words, and read back as
    the same date (it was written '-0044-03-15, and refused when read back)."""
    index = index_from_rows(
        [
            row("bc", "-0044-03-15", title="=Ides", category="-protest", claimed_by="@kz_gov", source="AFP"),
            row("bc-2", "-0044-03", end_date="-0044-03-16 14:30", published="-0043", source="Cicero"),
            # withdrawn in 43 BC (written '-0043-06-01, refused read back: a probe's), and Excel's yes
            row("bc-3", "-0044", source="Cicero", retracted="-0043-06-01"),
            row("bc-4", "-0044", source="Livy", retracted="-1"),
        ]
    )
    text = accounts_csv(index, everything(index))
    assert "'-00" not in text
    again = timeline.load_bytes(text.encode("utf-8"))
    said = {p.column: p.message for p in again.problems}
    assert not {"date", "end_date", "published"} & said.keys()
    for name in ("start", "precision", "end", "end_precision", "published_at", "is_retracted", "retracted_on"):
        before, after = (dict(zip(a["id"], a[name])) for a in (index.dataset.accounts, again.accounts))
        assert after == before, name
    for column, first in (("title", "="), ("category", "-"), ("claimed_by", "@")):
        assert f"begins with an apostrophe before {first!r}, as the page's download" in said[column]


@pytest.mark.parametrize("as_of", ["2022-01-08", "2022-01-09"])
def test_an_export_as_of_a_date_reads_back_with_each_event_s_title_and_category(as_of):
    """As of a date, an event whose first account (its title, its category) was published later
    than a second one's is shown, and its export wrote the second first, with neither: `check`
    refused the whole event (a probe's). Its first row written now holds them."""
    from timeline.state import as_of_bound

    index = index_from_rows(
        [
            row("toll", "2022-01-07", title="Death toll", category="casualties", source="AP", published="2022-01-10"),
            {**row("toll", "2022-01-07", source="AFP", published="2022-01-07"), "title": "", "category": ""},
            {**row("toll", "2022-01-08", source="TASS", published="2022-01-08"), "title": "", "category": ""},
            row("other", "2022-01-05", title="Other event", category="protest", source="RFE/RL"),
        ]
    )
    filters = Filters(as_of=as_of)
    text = accounts_csv(index.at(as_of_bound(filters)), apply(index, filters))
    rows = read(text)
    assert [(r["id"], r["source"], r["title"], r["category"]) for r in rows] == [
        ("other", "RFE/RL", "Other event", "protest"),
        ("toll", "AFP", "Death toll", "casualties"),
        ("toll", "TASS", "", ""),
    ]
    again = timeline.load_bytes(text.encode())
    assert again.problems == [] and sorted(again.events["id"]) == ["other", "toll"]


def test_an_export_as_of_a_date_reads_back_at_the_event_s_date_the_page_shows():
    """Its first account not known yet, an event is shown at its date as soon as another account
    giving it is out; a later account of another date, written first, moved the event to that
    date when the file was read back (a review's). The account giving the date is written first."""
    from timeline.state import as_of_bound

    index = index_from_rows(
        [
            row("toll", "2022-01-07", title="Death toll", category="casualties", source="AP", published="2022-01-10"),
            {**row("toll", "2022-01-08", source="TASS", published="2022-01-08"), "title": "", "category": ""},
            {**row("toll", "2022-01-07", source="AFP", published="2022-01-07"), "title": "", "category": ""},
        ]
    )
    filters = Filters(as_of="2022-01-09")
    text = accounts_csv(index.at(as_of_bound(filters)), apply(index, filters))
    assert [r["source"] for r in read(text)] == ["AFP", "TASS"]
    again = timeline.load_bytes(text.encode())
    assert again.problems == [] and str(again.events["start"].iloc[0].date()) == "2022-01-07"
