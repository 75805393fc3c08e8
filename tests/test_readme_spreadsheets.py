"""README's "Editing in a spreadsheet": every program it names, its steps followed, saves a file
that `check` accepts with the dates unchanged; the steps skipped, `check` says so rather than
publishing wrong dates.

The files are written here in the bytes each program writes (from what each is documented to
do, or does as far as we know; where that is unsure, every likely shape is tried):

- Excel "CSV UTF-8 (Comma delimited)": a UTF-8 byte order mark, CRLF line ends, quotes only
  around values that need them; Excel for Mac: the same (LF line ends tried too);
- LibreOffice "Text CSV", UTF-8, comma: no byte order mark, LF, quotes where needed (or around
  every text value, with "Quote all text cells");
- Google Sheets, File > Download > CSV: UTF-8 without a byte order mark, CRLF, no line break
  after the last row;
- Numbers, Export To CSV, Unicode (UTF-8): UTF-8, with and without a byte order mark.

Skipping the steps: a date column that is not Text comes back in the local date format
(`1/7/2022`, `1/7/22`, `07/01/2022`, `Jan-22`); Excel's plain "CSV" is Windows-1252 (a
character it lacks becomes `?`); European settings separate with semicolons.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline import schema

from .test_readme_guide import README, csv_blocks, section

ROOT = Path(__file__).resolve().parent.parent
TEXT = section("Editing in a spreadsheet")
[SAMPLE] = csv_blocks(TEXT)
SOURCES = {
    "the README's sample": SAMPLE,
    "events.csv": (ROOT / "events.csv").read_text(encoding="utf-8-sig"),
}
DATES = ("date", "end_date", "published")


def records(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def write(
    rows: list[list[str]],
    *,
    bom: bool = False,
    newline: str = "\r\n",
    last_newline: bool = True,
    delimiter: str = ",",
    quote_all_text: bool = False,
    encoding: str = "utf-8",
) -> bytes:
    """Rows as a spreadsheet saves them."""
    lines = []
    for row in rows:
        values = []
        for value in row:
            needs = any(c in value for c in (delimiter, '"', "\r", "\n"))
            if needs or (quote_all_text and value):
                value = '"' + value.replace('"', '""') + '"'
            values.append(value)
        lines.append(delimiter.join(values))
    text = newline.join(lines) + (newline if last_newline else "")
    return ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding, errors="replace")


# --- the steps followed -----------------------------------------------------------------------

EXCEL = dict(bom=True, newline="\r\n")
SAVED = {  # the README table's first column -> the shapes that program saves
    "Excel for Windows": [EXCEL],
    "Excel for Mac": [EXCEL, dict(bom=True, newline="\n")],
    "Excel with European settings (decimal comma)": [EXCEL],  # once the list separator is ","
    "LibreOffice Calc": [dict(newline="\n"), dict(newline="\n", quote_all_text=True)],
    "Google Sheets": [dict(newline="\r\n", last_newline=False)],
    "Numbers": [dict(newline="\n"), dict(bom=True, newline="\n"), dict(newline="\r\n")],
}


def programs_in_the_readme() -> list[str]:
    table = TEXT[TEXT.index("| program |") :].split("\n\n")[0]
    return [line.split("|")[1].strip() for line in table.splitlines()[2:]]


def test_every_program_the_readme_names_is_tried():
    assert programs_in_the_readme() == list(SAVED)


def test_the_sample_is_what_the_readme_says():
    dataset = timeline.load_bytes(SAMPLE.encode())
    summary = re.search(r"it should say `([^`]*)`", " ".join(TEXT.split())).group(1)
    assert dataset.summary() == summary == "4 events, 5 accounts, 0 errors, 0 warnings"
    assert {p for value in records(SAMPLE)[1:] for p in value if not p.isascii()}  # text beyond ASCII
    assert records(SAMPLE)[0] == list(schema.NAMES)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("program, shape", [(program, shape) for program, shapes in SAVED.items() for shape in shapes])
def test_a_save_that_follows_the_steps_passes_check_with_every_value_unchanged(program, shape, source):
    original = records(SOURCES[source])
    data = write(original, **shape)
    dataset = timeline.load_bytes(data)
    assert dataset.problems == []
    accounts = dataset.accounts
    assert len(accounts) == len(original) - 1
    for account in accounts.itertuples():
        written = dict(zip(original[0], original[account.row - 1]))
        for name in original[0]:
            assert getattr(account, name) == written[name].strip(), (program, account.row, name)


# --- the steps skipped --------------------------------------------------------------------------

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
ISO = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?: (\d\d:\d\d))?)?)?")


def local_dates(order: str, year_digits: int = 4):
    """A date column that was not Text, saved in a local format: 2022-01-07 becomes 1/7/2022
    (US, "mdy"), 07/01/2022 (UK, "dmy") or 07.01.2022 ("dmy."); 2022-01 becomes Jan-22; a year
    alone stays a number; a date with an offset is not a date to the spreadsheet and stays."""

    def change(value: str) -> str:
        found = ISO.fullmatch(value)
        if not found or not found.group(2):
            return value
        year, month, day, clock = found.groups()
        if not day:
            return f"{MONTHS[int(month) - 1]}-{year[2:]}"
        year = year[-year_digits:]
        date = {
            "mdy": f"{int(month)}/{int(day)}/{year}",
            "dmy": f"{day}/{month}/{year}",
            "dmy.": f"{day}.{month}.{year}",
        }[order]
        return date + (f" {int(clock[:2])}:{clock[3:]}" if clock else "")

    return change


def year_first_date_format(value: str) -> str:
    """A date column formatted as yyyy-mm-dd: a year is a day number (2022 is 1905-07-14), a
    month its first day, a time is dropped."""
    found = ISO.fullmatch(value)
    if not found:
        return value
    year, month, day, _ = found.groups()
    if not month:
        return "1905-07-14" if year == "2022" else f"{int(year)}"  # (only 2022 is in the files)
    return f"{year}-{month}-{day or '01'}"


def mojibake(value: str) -> str:
    """UTF-8 read as Windows-1252 (a file without a byte order mark opened in Windows Excel; the
    five bytes Windows-1252 leaves undefined read as the control characters of the same number)."""
    return "".join(_cp1252(byte) for byte in value.encode("utf-8"))


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def in_columns(change, columns=DATES):
    def apply(rows):
        header = rows[0]
        at = [header.index(name) for name in columns]
        return [header] + [[change(v) if i in at else v for i, v in enumerate(row)] for row in rows[1:]]

    return apply


def same(rows):
    return rows


TEXT_COLUMNS = ("title", "description")
SKIPPED = [  # (what happened, change to the values, shape of the save, sources it shows on)
    ("US Excel, double-clicked: 1/7/2022", in_columns(local_dates("mdy")), EXCEL, SOURCES),
    ("US Excel or Numbers, short years: 1/7/22", in_columns(local_dates("mdy", 2)), EXCEL, SOURCES),
    ("UK Excel: 07/01/2022", in_columns(local_dates("dmy")), EXCEL, SOURCES),
    ("European Excel: semicolons", same, dict(EXCEL, delimiter=";"), SOURCES),
    ("European Excel: semicolons and 07.01.2022", in_columns(local_dates("dmy.")), dict(EXCEL, delimiter=";"), SOURCES),
    (
        "Excel's plain CSV: Windows-1252",
        same,
        dict(newline="\r\n", encoding="cp1252"),
        ["the README's sample"],
    ),  # (events.csv is ASCII)
    # Damage no single value shows: a warning at least (issue 17 asks for one).
    pytest.param("Excel, date columns formatted yyyy-mm-dd", in_columns(year_first_date_format), EXCEL, SOURCES),
    pytest.param(
        "Excel, a file without a byte order mark: Tokayevâ€™s",
        in_columns(mojibake, TEXT_COLUMNS),
        EXCEL,
        ["the README's sample"],
    ),
]


# Damage no single value shows is published (a warning keeps its row), with a warning that says
# what happened: (what, words of that warning).
SEEN_BY_A_WARNING = {
    "Excel, date columns formatted yyyy-mm-dd": "is probably the year",
    "Excel, a file without a byte order mark: Tokayevâ€™s": "garbled by a wrong encoding",
}


def parsed(dataset) -> dict[int, tuple]:
    """Each account's dates as the dashboard reads them, by row."""
    columns = ["start", "precision", "end", "end_precision", "published_at"]
    return {row: tuple(values) for row, *values in dataset.accounts[["row", *columns]].itertuples(index=False)}


def without_dropped_published(right: tuple, published: tuple) -> tuple:
    """A publication date that cannot be read is a warning and is dropped (the account is kept):
    not a wrong date."""
    return right[:-1] + (published[-1],) if published[-1] is pd.NaT else right


@pytest.mark.parametrize("what, change, shape, sources", SKIPPED)
def test_a_save_that_skips_the_steps_is_an_error_and_publishes_no_wrong_date(what, change, shape, sources):
    for source in sources:
        original = records(SOURCES[source])
        right = parsed(timeline.load_bytes(SOURCES[source].encode()))
        dataset = timeline.load_bytes(write(change(original), **shape))
        if what in SEEN_BY_A_WARNING:
            said = [p.message for p in dataset.warnings]
            assert any(SEEN_BY_A_WARNING[what] in message for message in said), (what, source, said)
            continue
        assert dataset.errors, (what, source)
        published = parsed(dataset)
        assert {row: without_dropped_published(right[row], dates) for row, dates in published.items()} == published, (
            what,
            source,
        )
        texts = dataset.accounts[["row", *TEXT_COLUMNS]].itertuples(index=False)
        for row, *values in texts:
            written = dict(zip(original[0], original[row - 1]))
            assert values == [written[name].strip() for name in TEXT_COLUMNS], (what, source, row)


# --- the mistakes table no longer gives the harmful advice ----------------------------------------


def test_mistake_1_advises_text_columns_not_a_date_format():
    [row] = [line for line in section("The ten most common mistakes").splitlines() if line.startswith("| 1 |")]
    fix = row.split(" | ")[-1]
    assert "as Text" in fix and "#editing-in-a-spreadsheet" in fix
    assert not re.search(r"format the column as `yyyy-mm-dd`", fix)
    assert "### Editing in a spreadsheet" in README
