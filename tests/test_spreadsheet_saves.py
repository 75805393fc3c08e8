"""events.csv after a round trip through a spreadsheet: each damage is diagnosed first, in one
problem of row 0 that names the cause and the fix, before the rows it explains.

The files are made here in the byte shapes each program writes, from what each is documented
to do with the shipped events.csv:
- Excel "CSV (Comma delimited)" on Windows: Windows-1252, CRLF, dates in the computer's short
  form with times as h:mm (US `1/7/2022 16:30`, UK `07/01/2022 16:30`, German `07.01.2022`, and
  semicolons where decimals take commas), months shown as `Jan-22`, years kept as numbers;
- Numbers and Excel with a two-digit short date: `1/7/22`;
- a column formatted as numbers: day numbers (`44568` is 7 January 2022);
- a column formatted as `yyyy-mm-dd`: a year alone becomes the day of its number (2022 is
  1905-07-14), a month its first day, a time is dropped;
- ids read as numbers: zeros in front dropped, long ones in scientific notation;
- Excel on Windows opening UTF-8 without a byte order mark, then saving: mojibake (`â€™`);
- "Unicode Text": UTF-16 with tabs; an .xlsx (made with openpyxl), an .ods (a zip whose first
  part is its mimetype).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import timeline
from timeline import cli, i18n, workbook
from timeline.problems import ERROR, WARNING
from timeline.timelinejs import importer

ROOT = Path(__file__).resolve().parent.parent
EVENTS = (ROOT / "events.csv").read_text(encoding="utf-8-sig")
RECORDS = list(csv.reader(io.StringIO(EVENTS, newline="")))
HEADER, ROWS = RECORDS[0], RECORDS[1:]
DATE_COLUMNS = [HEADER.index(name) for name in ("date", "end_date", "published")]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 system (from day 61 on) and of LibreOffice


def excel_date(value: str, style: str) -> str:
    """A date of events.csv as a spreadsheet with these settings writes it back."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?: (\d\d):(\d\d))?)?)?", value)
    if not m:
        return value
    year, month, day, hour, minute = m.groups()
    if style == "serial":
        if day is None:
            return value
        number = (dt.date(int(year), int(month), int(day)) - EPOCH).days
        return str(number) if hour is None else repr(number + (int(hour) * 60 + int(minute)) / 1440)
    if style == "yyyy-mm-dd":  # the column formatted as yyyy-mm-dd
        if month is None:
            return str(EPOCH + dt.timedelta(days=int(year)))
        return f"{year}-{month}-{day or '01'}"
    if month is None:
        return value  # a year alone stays a number
    if day is None:
        return f"{MONTHS[int(month) - 1]}-{year[2:]}"
    text = {
        "us": f"{int(month)}/{int(day)}/{year}",
        "us-short": f"{int(month)}/{int(day)}/{year[2:]}",
        "uk": f"{day}/{month}/{year}",
        "de": f"{day}.{month}.{year}",
    }[style]
    if hour:
        text += f" {int(hour)}:{minute}" if style.startswith("us") else f" {hour}:{minute}"
    return text


def saved(dates: str | None = None, encoding: str = "cp1252", delimiter: str = ",", ids=None, text=None) -> bytes:
    """events.csv as a spreadsheet saves it back: CRLF, the dates rewritten, the encoding given."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number, record in enumerate(ROWS):
        record = [excel_date(v, dates) if dates and i in DATE_COLUMNS else v for i, v in enumerate(record)]
        if ids:
            record[0] = ids(number, record[0])
        if text:
            record = [text(v) for v in record]
        writer.writerow(record)
    return out.getvalue().encode(encoding, errors="replace")


def mojibake(value: str) -> str:
    """UTF-8 read as Windows-1252: what Excel on Windows shows, and saves."""
    value = value.replace("Tokayev ", "Tokayev\u2019s ")
    return "".join(c if c.isascii() else c.encode("utf-8").decode("cp1252", errors="replace") for c in value)


def mojibake_1251(value: str) -> str:
    """UTF-8 read as Windows-1251: what Excel set to Russian or Kazakh shows, and saves."""
    value = value.replace("Tokayev ", "Токаев ")
    return "".join(c if c.isascii() else c.encode("utf-8").decode("cp1251", errors="replace") for c in value)


def western_1251(value: str) -> str:
    """A Windows-1251 file (Russian Excel's CSV) opened as Western text and saved as UTF-8."""
    value = value.replace("Tokayev ", "Токаев выступил ")
    return "".join(c if c.isascii() else c.encode("cp1251").decode("cp1252") for c in value)


def western(encoding: str, words: str):
    """A file saved in another script's code page (Greek, Hebrew, Arabic Excel's CSV), opened as
    Western text and saved as UTF-8: its titles hold `words`."""

    def text(value: str) -> str:
        value = value.replace("Tokayev ", words + " ")
        return "".join(c if c.isascii() else c.encode(encoding).decode("cp1252") for c in value)

    return text


def xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Events"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ods() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def one_digit_ids(number: int, _: str) -> str:
    return str(417 + number) if number % 3 else "2.02201E+15"


CASES = [
    # (name, the file, the diagnosis: row 0, its column, level, words it says)
    (
        "US Excel: 1/7/2022 16:30",
        saved("us"),
        (
            "date",
            ERROR,
            [
                "77 of 82 dates in date are written like '6/7/2017'",
                "month first",
                "US settings",
                "is probably 2017-06-07",
                "Data > From Text/CSV",
                "LibreOffice",
                "Google Sheets",
                "Numbers",
            ],
        ),
    ),
    (
        "Numbers, Excel short date: 1/7/22",
        saved("us-short", encoding="utf-8"),
        ("date", ERROR, ["written like '6/7/17'", "month first", "is probably 2017-06-07"]),
    ),
    (
        "UK Excel: 05/01/2022 16:30",
        saved("uk"),
        ("date", ERROR, ["written like '07/06/2017'", "day first", "UK", "is probably 2017-06-07"]),
    ),
    ("European: 07.01.2022", saved("de"), ("date", ERROR, ["written like '07.06.2017'", "with dots"])),
    (
        "day numbers: 44568",
        saved("serial"),
        ("date", ERROR, ["are numbers like '42893'", "probably 7 June 2017", "formatting the date columns as Text"]),
    ),
    (
        "years as days: 1905-07-14",
        saved("yyyy-mm-dd", encoding="utf-8"),
        ("date", WARNING, ["such as '1905-07-14', are probably years", "day 2022 is 1905-07-14"]),
    ),
    (
        "ids read as numbers",
        saved(ids=one_digit_ids),
        ("id", WARNING, ["ids are numbers", "000417 becomes 417", "2.02201E+15"]),
    ),
    (
        "mojibake",
        saved(encoding="utf-8", text=mojibake),
        ("", WARNING, ["garbled by a wrong encoding", "'Tokayevâ€™s' for 'Tokayev’s'", "65001: Unicode (UTF-8)"]),
    ),
    (
        "mojibake, Russian Excel",
        saved(encoding="utf-8", text=mojibake_1251),
        ("", WARNING, ["garbled by a wrong encoding", "'РўРѕРєР°РµРІ' for 'Токаев'", "file as Windows-1251"]),
    ),
    (
        "Windows-1251 opened as Western text",
        saved(encoding="utf-8", text=western_1251),
        (
            "",
            WARNING,
            ["Cyrillic text garbled by a wrong encoding", "'Òîêàåâ âûñòóïèë", "for 'Токаев выступил", "Windows-1251"],
        ),
    ),
    (
        "Windows-1253 opened as Western text",
        saved(encoding="utf-8", text=western("cp1253", "Διαδηλώσεις στην Αθήνα")),
        ("", WARNING, ["Greek text garbled", "for 'Διαδηλώσεις", "open such a file as Greek (Windows-1253)"]),
    ),
    (
        "Windows-1256 opened as Western text",
        saved(encoding="utf-8", text=western("cp1256", "احتجاجات في ألماتي")),
        ("", WARNING, ["Arabic text garbled", "'ÇÍÊÌÇÌÇÊ Ýí ÃáãÇÊí", "open such a file as Arabic (Windows-1256)"]),
    ),
    (
        "Windows-1252",
        saved(encoding="cp1252", text=lambda v: v.replace("Tokayev ", "Tokayev\u2019s ")),
        ("", ERROR, ["rows hold text that is not UTF-8", "Windows-1252", "CSV UTF-8 (Comma delimited)"]),
    ),
    (
        "semicolons (German Excel)",
        saved("de", delimiter=";"),
        ("", ERROR, ["separated by semicolons", "List separator", "field delimiter ','"]),
    ),
    # ... and its text not UTF-8 either, as a spreadsheet set to Russian saves it: both said at once (the
    # second was told only once the first was mended: a probe's)
    (
        "semicolons and Windows-1251 (Russian Excel)",
        saved(delimiter=";", encoding="cp1251", text=lambda v: v.replace("Almaty", "Алматы")),
        ("", ERROR, ["separated by semicolons", "not UTF-8 either", "Cyrillic (Windows-1251)", "with commas"]),
    ),
    (
        "semicolons and Windows-1252 (French Excel)",
        saved(delimiter=";", encoding="cp1252", text=lambda v: v.replace("Tokayev ", "Tokayev\u2019s ")),
        ("", ERROR, ["separated by semicolons", "not UTF-8 either", "Windows-1252 or Latin-1"]),
    ),
    (
        "UTF-16 (Unicode Text)",
        b"\xff\xfe" + EVENTS.replace(",", "\t").encode("utf-16-le"),
        ("", ERROR, ["UTF-16", "CSV UTF-8"]),
    ),
    ("xlsx served", xlsx([HEADER, *ROWS]), ("", ERROR, ["Excel workbook (.xlsx)", "serves only CSV"])),
    ("ods", ods(), ("", ERROR, ["OpenDocument spreadsheet (.ods", "Text CSV", ".xlsx"])),
]


@pytest.mark.parametrize("name, data, expected", CASES, ids=[c[0] for c in CASES])
def test_the_cause_is_said_first(name, data, expected):
    column, level, words = expected
    dataset = timeline.load_bytes(data)
    first = dataset.problems[0]
    assert (first.row if first.row <= 1 else first.row, first.column, first.level) in (
        (0, column, level),
        (1, column, level),
    )  # (semicolons: the header row, as before)
    for word in words:
        assert word in first.message, (word, first.message)
    # One diagnosis: no second problem of the file as a whole says the same. (Years made days: what
    # the same format did to months and times besides, said apart.)
    others = [p for p in dataset.problems if p.row == first.row][1:]
    assert all("are the 1st of a month" in p.message and "are probably years" in first.message for p in others)


@pytest.mark.parametrize("name, data", [(c[0], c[1]) for c in CASES[:8]], ids=[c[0] for c in CASES[:8]])
def test_the_rows_still_follow(name, data):
    """The diagnosis comes first; every row that needs mending is still named after it."""
    problems = timeline.load_bytes(data).problems
    assert problems[0].row == 0
    assert len([p for p in problems if p.row > 1]) >= 2


# What the file-wide error of day numbers tells the editor to do: never to format the column as a
# date (as the README's "Editing in a spreadsheet" says: a year alone would become a day of 1905).
DAY_NUMBERS_FIX = (
    "the column was formatted as numbers when the file was saved. Take the dates from the copy saved before, or "
    "write each date as the rows below say, in a spreadsheet after formatting the date columns as Text (Excel: "
    "Home > Number Format > Text; LibreOffice: Format > Cells > Text; Google Sheets: Format > Number > Plain text; "
    "Numbers: Format > Cell > Data Format Text). Never format a date column as a date (yyyy-mm-dd included): a year "
    "alone becomes a day of 1905, a month becomes its first day, and times are lost. And next time keep the columns "
    "as text: in Excel, Data > From Text/CSV (Mac: File > Import) with the columns set to Text; in LibreOffice, set "
    "them to Text in the import dialog; in Google Sheets, File > Import without 'Convert text to numbers, dates, and "
    "formulas'; Numbers always converts them"
)


@pytest.mark.parametrize(
    "dates, expected",
    [
        # Every date a day number (a column of days): 77 of the file's 82 dates.
        (
            None,
            "77 of 82 dates in date are numbers like '42893', the way a spreadsheet stores a date ('42893' is "
            f"probably 7 June 2017): {DAY_NUMBERS_FIX}",
        ),
        # Among years and months kept as text, which a date format would turn into days.
        (
            ["2022", "2022-01"],
            "77 of 84 dates in date are numbers like '42893', the way a spreadsheet stores a date ('42893' is "
            f"probably 7 June 2017): {DAY_NUMBERS_FIX}",
        ),
    ],
    ids=["days", "with years and months"],
)
def test_day_numbers_are_told_to_be_written_again_as_text_never_formatted_as_dates(dates, expected):
    data = saved("serial")
    if dates:
        lines = data.decode("cp1252").split("\r\n")
        for number, value in enumerate(dates):
            fields = next(csv.reader([lines[1]]))
            fields[0], fields[1] = f"kept-as-text-{number}", value
            lines.insert(-1, ",".join(fields))
        data = "\r\n".join(lines).encode("cp1252")
    first = timeline.load_bytes(data).problems[0]
    assert (first.row, first.column, first.level, first.message) == (0, "date", ERROR, expected)
    assert "format it as dates" not in first.message


def test_months_typed_in_excel_are_said_to_be_months_and_the_rows_follow():
    """A chronology kept to the month, typed 2022-01 into Excel: it saves each as Jan-22 (the
    month's first day, shown mmm-yy), which could be the 22nd of a month with no year too."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    at = HEADER.index("date")
    for record in ROWS:
        date = record[at]
        shown = f"{MONTHS[int(date[5:7]) - 1]}-{date[2:4]}" if len(date) >= 7 else date  # (a year stays)
        writer.writerow([shown if i == at else v for i, v in enumerate(record)])
    problems = timeline.load_bytes(out.getvalue().encode("utf-8")).problems
    first = problems[0]
    assert (first.row, first.column, first.level) == (0, "date", ERROR)
    for words in (
        "80 of 82 dates in date are written like 'Jun-17'",
        "a month typed as 2017-06",
        "mmm-yy",
        "Data > From Text/CSV",
    ):
        assert words in first.message, (words, first.message)
    rows = [p for p in problems if p.row > 1 and p.column == "date"]
    assert len(rows) == 80 and "is June 2017 with a year of two digits" in rows[0].message


def test_a_single_date_in_numbers_gets_no_diagnosis():
    """One date copied as 03/04/2022 is one row's problem (README mistake 1), not a cause."""
    data = saved(encoding="utf-8", text=lambda v: "03/04/2022" if v == "2017-06-07" else v)
    problems = timeline.load_bytes(data).problems
    assert [p.row for p in problems if p.column == "date"] and all(p.row > 0 for p in problems)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("44568", "probably 7 January 2022; write 2022-01-07"),
        ("44568.6875", "probably 7 January 2022, 16:30; write 2022-01-07 16:30"),
    ],
)
def test_a_day_number_is_read_for_the_editor(value, expected):
    with pytest.raises(timeline.dates.DateError, match=re.escape(expected)):
        timeline.dates.read(value)


def test_a_year_as_a_day_names_the_year():
    problems = timeline.load_bytes(saved("yyyy-mm-dd", encoding="utf-8")).problems
    rows = [p for p in problems if p.row and p.column == "date"]
    assert rows and all("is probably the year 2022" in p.message for p in rows)


@pytest.mark.parametrize(
    "made, others",
    [
        # a year typed into a cell formatted as a date and time (Excel's yyyy-mm-dd hh:mm, a UK
        # Excel's dd/mm/yyyy hh:mm, pandas' seconds): its day at 00:00, read so without a word
        ("1905-07-14 00:00", ["1986-12-17 10:00", "2011-12-16 11:45", "2022-01-05 09:30"]),
        ("14/07/1905 00:00", ["17/12/2021 10:00", "16/01/2022 11:45", "25/01/2022 09:30"]),
        ("1905-07-14 00:00:00", ["1986-12-17 10:00:00", "2011-12-16 11:45:00", "2022-01-05 09:30:00"]),
        # (where most times are 00:00, it was told only its day to write, 1905-07-14)
        ("1905-07-14 00:00", ["2022-01-03 00:00", "2022-01-04 00:00", "2022-01-05 16:30", "2022-01-06 00:00"]),
    ],
)
def test_a_year_made_a_day_at_midnight_by_a_date_and_time_format_names_the_year(made, others):
    lines = ["id,date,title,category,source"] + [
        f"e{n},{date},Title {n},protest,AFP" for n, date in enumerate([*others, made])
    ]
    dataset = timeline.load_bytes(("\n".join(lines) + "\n").encode())
    said = [p.message for p in dataset.problems if p.row == len(lines)]
    assert len(said) == 1 and f"date '{made}' is probably the year 2022" in said[0], said


@pytest.mark.parametrize(
    "made, others, year",
    [
        # a year typed into a cell a sheet with US settings shows as m/d/yy: day 2022 is 7/14/05, a
        # year of two digits read as 2005 (and told 1905 may be meant: neither the year typed)
        ("7/14/05", ["1/13/22", "1/14/22", "1/15/22"], 2022),
        ("07/14/05", ["2021-12-16", "2022-01-05", "2022-01-06"], 2022),
        ("7/13/05", ["2021-12-16", "2022-01-05"], 2021),
        # LibreOffice with Russian settings: dd.mm.yy (read 14 July 2005, or 5 July 2014 year first)
        ("14.07.05", ["13.01.22", "14.01.22", "15.01.22"], 2022),
        # ... and as likely a day of its own, 7 July 2005 among dates of 2015 to 2017 (day 2015): the
        # review's; it was told to write 2015. Both are named, each with what to write.
        ("7/7/05", ["7/21/05", "11/13/15", "3/22/16", "3/22/17"], 2015),
        # ... in a date and time format (m/d/yy h:mm), which writes 0:00: it was told only its year
        # of two digits and its time (2005-07-14 00:00)
        ("7/14/05 0:00", ["1/13/22 0:00", "1/14/22 0:00", "1/15/22 0:00"], 2022),
        ("7/14/05 0:00", ["1/13/22 14:30", "1/14/22 0:00"], 2022),
    ],
)
def test_a_year_made_a_day_with_a_year_of_two_digits_names_the_year_and_the_day(made, others, year):
    lines = ["id,date,title,category,source"] + [
        f"e{n},{date},Title {n},protest,AFP" for n, date in enumerate([*others, made])
    ]
    dataset = timeline.load_bytes(("\n".join(lines) + "\n").encode())
    said = [p.message for p in dataset.problems if p.row == len(lines)]
    read = pd.Timestamp(dataset.accounts.set_index("id").loc[f"e{len(others)}", "start"])
    day = f"{read.day} {read:%B %Y}"
    assert len(said) == 1 and said[0].startswith(
        f"date '{made}' has a year of two digits, read as {day}; it may also be the year {year}:"
    ), said
    assert said[0].endswith(
        f"write {year}, and keep the column as text in the spreadsheet; if {day} is meant, write {read:%Y-%m-%d}"
    )


@pytest.mark.parametrize(
    "dates",
    [
        # a real 2005 among 2022 dates: its day number (1905-03-15 is 1901) near no year of the file
        ["1/13/22", "1/14/22", "3/15/05"],
        # a history of 2004-2006 written with years of two digits: its own years, not days
        ["1/13/04", "7/14/05", "3/15/06"],
    ],
)
def test_a_date_with_a_year_of_two_digits_is_told_as_before_where_no_year_was_made_a_day(dates):
    lines = ["id,date,title,category,source"] + [f"e{n},{date},Title {n},protest,AFP" for n, date in enumerate(dates)]
    dataset = timeline.load_bytes(("\n".join(lines) + "\n").encode())
    assert not [p for p in dataset.problems if "probably the year" in p.message]
    assert all("has a year of two digits" in p.message for p in dataset.problems)


@pytest.mark.parametrize(
    "dates, said",
    [
        # the format that made 2022 a day made December 2021 its 1st and dropped 16:30: said once
        (
            ["2021-12-16", "2021-12-01", "2022-01-05", "1905-07-14", "1905-07-14"],
            "1 dates in date are the 1st of a month, such as '2021-12-01'",
        ),
        # ... not where a date of the column is a month or has a time (the format kept those), nor with no 1st
        (["2021-12", "2022-01-01", "2022-01-05", "1905-07-14", "1905-07-14"], ""),
        (["2022-01-01", "2022-01-05 16:30", "2022-01-06", "1905-07-14", "1905-07-14"], ""),
        (["2021-12-16", "2022-01-05", "1905-07-14", "1905-07-14"], ""),
    ],
)
def test_the_format_that_made_years_days_is_said_to_make_months_days_and_drop_times(dates, said):
    problems = [p for p in timeline.load_bytes(history(dates)).problems if p.row == 0]
    assert any("are probably years" in p.message for p in problems)
    firsts = [p.message for p in problems if "the 1st of a month" in p.message]
    assert firsts == ([] if not said else [firsts[0]]) and (not said or said in firsts[0])
    if said:
        assert "writes a month (2022-01) as its first day (2022-01-01) and drops a time (16:30) too" in firsts[0]
    full = [p.message for p in timeline.load_bytes(saved("yyyy-mm-dd", encoding="utf-8")).problems if p.row == 0]
    assert any("are the 1st of a month, such as" in m for m in full)


def history(dates: list[str]) -> bytes:
    lines = [",".join(HEADER)] + [
        ",".join([f"e{i}", d, "", f"Event {i}", "", "history", "", "", "", "Source"] + [""] * (len(HEADER) - 10))
        for i, d in enumerate(dates)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    "dates, warned",
    [
        # 1905: the revolution's dates, a day number outside the file's years: left alone
        (["1904-02-08", "1905-01-22", "1905-06-27", "1905-10-30", "1906-05-10"], 0),
        # ... and one whose every date is in the window: days 1849 to 2194, years still to come among
        # them (1905-10-30 was told "probably the year 2130": a probe's finding)
        (["1905-01-22", "1905-10-30", "1905-12-22", "1905-06-27", "1906-01-02"], 0),
        # a 2022 chronology with one 1905-07-14 (day 2022): warned
        (["2021-12-16", "2022-01-05", "1905-07-14"], 1),
        # only years, all turned into days: warned
        (["1905-07-14", "1905-07-13"], 2),
        # one real 1905 date among 2022 dates, its day number not a year of the file: left alone
        (["2022-01-05", "1905-01-22"], 0),
        # a history of centuries: the Entente Cordiale (day 1560) among its years, in none of them
        (["55 BC", "1904-04-08", "2020-01-31"], 0),
        # years kept as years (no spreadsheet made them days); the Wright brothers' flight is day 1447
        (["1221", "1286", "1439", "1569", "1605", "17 Dec 1903", "1946-02-14"], 0),
        # years written as years in the column, one of them a year from 8 April 1904's day number
        # (1560): the Entente Cordiale, left alone (a British history converted from Wikipedia)
        (["55 BC", "1066", "1215", "1559", "1603", "8 Apr 1904", "1945-05-08"], 0),
        # a date a year from 1914 to 2000, and a 1968 typed alone that a spreadsheet made a day: warned
        ([f"{year}-05-01" for year in range(1914, 2001)] + ["1905-05-21"], 1),
        # a century's chronology, and a 2022 typed alone that a spreadsheet made a day: warned
        (["1914-06-28", "1945-05-08", "1991-12-16", "2021-12-16", "2022-01-05", "1905-07-14"], 1),
    ],
)
def test_a_year_as_a_day_is_told_from_a_real_date(dates, warned):
    problems = timeline.load_bytes(history(dates)).problems
    assert not [p for p in problems if p.level == ERROR]
    assert len([p for p in problems if p.row > 1 and "probably the year" in p.message]) == warned


@pytest.mark.parametrize(
    "value, level, says, never",
    [
        ("417", WARNING, "is only digits", None),
        ("000417", WARNING, "is only digits", None),
        ("2.02201E+15", ERROR, "scientific notation", "2-02201e-15"),
        ("2,02201E+15", ERROR, "scientific notation", "2-02201e-15"),
        # an id typed as 12-1 that LibreOffice (UK settings) read as a day and saved as 12/01/26: not
        # to be written '12-01-26', a new id that breaks its links
        ("12/01/26", ERROR, "looks like a date a spreadsheet made of an id", "12-01-26"),
        ("3.4.26", ERROR, "write the id as it was, in a column formatted as Text", "3-4-26"),
        # ... and as Excel shows it, and saves it as CSV (1-2 typed: 2-Jan; 5-68: May-68): told first to
        # write the id as it was (was told only to write '2-jan', a new id), then the id if typed so
        ("2-Jan", ERROR, "looks like a date a spreadsheet made of an id typed into a cell that was not Text", None),
        (
            "May-68",
            ERROR,
            "write the id as it was, in a column formatted as Text, or, if you typed it so, write it as 'may-68'",
            None,
        ),
        ("12-Jan-22", ERROR, "(1-2 is shown 2-Jan); write the id as it was", None),
    ],
)
def test_an_id_read_as_a_number(value, level, says, never):
    problems = timeline.load_bytes(history(["2022-01-05"]).replace(b"e0,", value.join('""').encode() + b",")).problems
    [problem] = [p for p in problems if p.column == "id"]
    assert (problem.row, problem.level) == (2, level) and says in problem.message
    assert never is None or never not in problem.message


def test_real_accents_are_not_mojibake():
    data = saved(
        encoding="utf-8", text=lambda v: v.replace("Tokayev ", "Tokayev’s café in São Paulo, naïve Ärger, Токаев ")
    )
    assert not [p for p in timeline.load_bytes(data).problems if "garbled" in p.message]


@pytest.mark.parametrize(
    "text",
    [
        "Протесты в Алматы; Токаев: «С» и «Р»",  # (Р or С before a quote, a dash, a degree: Russian, not mojibake)
        "Вариант С–Д, класс С, 5 С°, Р. Кошкарбаев",
        "Қазақстан: төтенше жағдай, № 5",
        "«ТАСС» и «СССР»: Тёплый Стан",  # (С» or Тё: a pair a garbled text has, alone)
        # (nor Western text with accented capitals: Windows-1251's Cyrillic read as Western has
        # words of them alone)
        "ÉTÉ À PARIS, Þórshöfn, Ærøskøbing, São Tomé, Müller ÖFFNUNG",
    ],
)
def test_cyrillic_text_is_not_mojibake(text):
    data = saved(encoding="utf-8", text=lambda v: v.replace("Tokayev ", text + " "))
    assert not [p for p in timeline.load_bytes(data).problems if "garbled" in p.message]


@pytest.fixture
def workbook_file(tmp_path):
    rows = [
        HEADER,
        [
            "almaty-airport",
            dt.datetime(2022, 1, 5),
            None,
            "Airport seized",
            None,
            "protest",
            "Almaty",
            43.2389,
            76.8897,
            "AFP",
        ],
        [
            "blackout",
            dt.datetime(2022, 1, 5, 16, 30),
            None,
            "Blackout",
            None,
            "communications",
            None,
            None,
            None,
            "NetBlocks",
        ],
        [],
        ["toll", 44568, None, "Toll", None, "casualties", None, None, None, "RFE/RL"],
        [417, dt.datetime(2022, 1, 7), None, "Seventeen", None, "protest", None, None, None, "AFP"],
    ]
    path = tmp_path / "events.xlsx"
    path.write_bytes(xlsx(rows))
    return path


def test_check_reads_a_workbook_and_names_the_sheets_rows(workbook_file, capsys):
    assert cli.main(["check", str(workbook_file)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "check read its first sheet, 'Events'" in out[0] and "serves only CSV" in out[0]
    # (its days, in cells formatted with a time as openpyxl writes them, read at 00:00 beside 16:30: said)
    assert out[1].startswith(f"{workbook_file}: -: warning: 2 rows have a date at 00:00")
    assert out[2].startswith(f"{workbook_file}:2: date: warning: date '2022-01-05 00:00': has the time 00:00")
    assert out[3].startswith(f"{workbook_file}:5: date: error: date '44568' is a number") and "7 January 2022" in out[3]
    assert out[4].startswith(f"{workbook_file}:6: id: warning: id '417' is only digits")
    assert out[5].startswith(f"{workbook_file}:6: date: warning: date '2022-01-07 00:00': has the time 00:00")
    assert out[-1] == "3 events, 3 accounts, 1 error, 5 warnings"


def test_the_dashboard_says_a_workbook_needs_csv(workbook_file):
    dataset = timeline.load(workbook_file)
    [problem] = dataset.problems
    assert problem.level == ERROR and "the dashboard serves only CSV" in problem.message
    assert "File > Save As" in problem.message and not len(dataset.accounts)


def test_the_served_page_says_a_workbook_needs_csv(workbook_file):
    from timeline.app import data

    [problem] = data.current(str(workbook_file), wait=True).problems
    assert "the dashboard serves only CSV" in problem.message


@pytest.mark.parametrize(
    "value, number_format, written",
    [
        # Excel keeps a month typed as `Jan 2022` or `2022-01` as its first day, shown `mmm-yy`
        (dt.datetime(2022, 1, 1), "mmm-yy", "2022-01"),
        (dt.datetime(2022, 1, 1), "mmmm yyyy", "2022-01"),
        (dt.datetime(2022, 1, 1), "yyyy", "2022"),
        (dt.datetime(2022, 1, 1), "yyyy-mm-dd", "2022-01-01"),
        # a time shown is kept, midnight too
        (dt.datetime(2022, 1, 7), "yyyy-mm-dd hh:mm", "2022-01-07 00:00"),
        (dt.datetime(2022, 1, 7), "[$-409]m/d/yyyy h:mm AM/PM;@", "2022-01-07 00:00"),
        # a day's format without a time shows the day whatever time the cell holds, as a CSV save
        # writes it (it was read at 16:30, which no one saw: hidden_times warns)
        (dt.datetime(2022, 1, 7, 16, 30), "d-mmm-yy", "2022-01-07"),
        # a format without the day shows the month whatever day and time the cell holds: `January
        # 2022` typed and dragged down holds 2022-01-01, 01-02, 01-03... each shown `January 2022`
        (dt.datetime(2022, 1, 4), "mmmm yyyy", "2022-01"),
        (dt.datetime(2022, 1, 4), "[$-409]mmmm\\ yyyy", "2022-01"),  # (as LibreOffice 7.4 saves it)
        (dt.datetime(2022, 1, 4), "MMMM YYYY", "2022-01"),
        (dt.datetime(2022, 1, 7), "mmm-yy", "2022-01"),
        (dt.datetime(2022, 3, 17, 14, 30), "mmm-yy", "2022-03"),
        # a format with the year alone shows the year
        (dt.datetime(2022, 7, 4), "yyyy", "2022"),
        (dt.datetime(2022, 7, 4, 9, 15), '"Year "yyyy', "2022"),
        # a format that shows the day: the day, as before
        (dt.datetime(2022, 1, 4), "yyyy-mm-dd", "2022-01-04"),
        (dt.datetime(2022, 1, 4), "yyyy\\-mm\\-dd", "2022-01-04"),
        (dt.datetime(2022, 1, 4, 16, 30), "mmm yyyy hh:mm", "2022-01-04 16:30"),  # (a time shown: the whole)
    ],
)
def test_a_workbook_s_date_keeps_the_precision_its_cell_shows(value, number_format, written):
    assert read_back(value, number_format) == f"a,{written},,T"


@pytest.mark.parametrize("number_format", ["", "General"])
def test_a_date_without_a_format_is_the_whole_date(number_format):
    """(A date cell formatted General reads as its day number in an .xlsx: this is a date that
    comes with no format to read.)"""
    assert workbook.cell_text(dt.datetime(2022, 1, 4), number_format) == "2022-01-04"
    assert workbook.cell_text(dt.datetime(2022, 1, 4, 16, 30), number_format) == "2022-01-04 16:30"


def read_back(value, number_format: str) -> str:
    """The CSV line `xlsx_to_csv` writes for a row that holds `value` in its second cell, in this
    number format (an .xlsx made with openpyxl, dates stored as Excel and LibreOffice store them)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER[:4])
    sheet.append(["a", value, None, "T"])
    sheet.cell(row=2, column=2).number_format = number_format
    out = io.BytesIO()
    book.save(out)
    text, _ = workbook.xlsx_to_csv(out.getvalue())
    return text.decode().splitlines()[1]


@pytest.mark.parametrize(
    "value, number_format, written",
    [
        # a number formatted as a percent is the percent it shows (typed `5%`, held as 0.05)
        (0.05, "0%", "5%"),
        (0.05, "0.00%", "5%"),
        (0.125, "0.0%", "12.5%"),
        (0.07, "0.00%", "7%"),  # (0.07 * 100 is 7.000000000000001 in floats)
        (1, "0%", "100%"),
        (-0.05, "0%;[Red]-0%", "-5%"),
        # quoted text, escaped characters and [brackets] are not parts of the format
        (0.05, '0" %"', "0.05"),
        (0.05, "0\\%", "0.05"),
        (0.05, "[$%-409]0.00", "0.05"),
        # a plain number format: the number
        (0.05, "0.00", "0.05"),
        (0.05, "General", "0.05"),
        (5, "0", "5"),
    ],
)
def test_a_workbook_s_percent_is_read_as_the_percent_its_cell_shows(value, number_format, written):
    assert read_back(value, number_format) == f"a,{written},,T"


def test_a_percent_format_on_a_date_is_a_date():
    book = openpyxl.Workbook(iso_dates=True)  # (the date stored as a date, whatever its format)
    sheet = book.active
    sheet.append(["id", "date"])
    sheet.append(["a", dt.datetime(2022, 1, 4)])
    sheet.cell(row=2, column=2).number_format = "0%"
    out = io.BytesIO()
    book.save(out)
    text, _ = workbook.xlsx_to_csv(out.getvalue())
    assert text.decode().splitlines()[1] == "a,2022-01-04"


def test_check_refuses_a_workbook_s_percent_figure_and_reads_its_months(tmp_path, capsys):
    """LibreOffice 7.4's save of an editor's sheet: a turnout typed `5%` in figure (held as 0.05,
    shown `5.00%`), and months typed `January 2022` and dragged down (held as 2022-01-01, 01-02...,
    each shown `January 2022`). Neither is read without a word as a figure of 0.05 or as days: the
    months are read as shown, with one warning for the rows dragged down."""
    width = len(HEADER)
    rows = [[f"month-{day}", dt.datetime(2022, 1, day), None, "Month typed", None, "protest"] for day in (1, 2, 3, 4)]
    rows.append(["turnout", dt.datetime(2022, 1, 5), None, "Turnout", None, "politics"])
    rows = [row + [None, None, None, "AFP"] for row in rows]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row + [None] * (width - len(row)))
    for number in range(2, 6):
        sheet.cell(row=number, column=2).number_format = "[$-409]mmmm\\ yyyy"
    sheet.cell(row=6, column=HEADER.index("figure") + 1, value=0.05).number_format = "0.00%"
    sheet.cell(row=6, column=HEADER.index("figure_unit") + 1, value="percent")
    path = tmp_path / "events.xlsx"
    book.save(path)
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    [refused] = [line for line in out if ": figure: " in line]
    assert refused.startswith(f"{path}:6: figure: error: figure '5%'"), refused
    [dragged] = [line for line in out if ": date: " in line]
    assert dragged.startswith(f"{path}:3: date: warning: the date cell shows the month January 2022"), dragged
    assert "holds 2 January 2022, and each row below it to row 5 holds the day after" in dragged
    assert out[-1] == "4 events, 4 accounts, 1 error, 2 warnings"  # (the row refused is left out)
    text, _ = workbook.xlsx_to_csv(path.read_bytes())
    assert [line.split(",")[1] for line in text.decode().splitlines()[1:5]] == ["2022-01"] * 4


def test_a_libreoffice_workbook_s_early_dates_are_read_as_libreoffice_shows_them(capsys):
    """tests/data/libreoffice-early-dates.xlsx: LibreOffice 7.4's .xlsx of a CSV with 1500-03-01,
    0600-06-01, 1900-01-15, -0044-03-15 and 1900-03-01 (`soffice --convert-to xlsx`). LibreOffice
    shows days before 15 October 1582 in the Julian calendar and counts no 29 February 1900: read
    as Excel counts its day numbers, they were 1500-03-11, 0600-06-04, 1900-01-16 without a word,
    and 44 BC was a "formula error" (#VALUE!, openpyxl's for a day it cannot hold)."""
    data = (ROOT / "tests/data/libreoffice-early-dates.xlsx").read_bytes()
    text, _ = workbook.xlsx_to_csv(data)
    read = [line.split(",")[1] for line in text.decode().splitlines()[1:]]
    assert read == ["1500-03-01", "0600-06-01", "1900-01-15", "-0044-03-15", "1900-03-01"]
    assert capsys.readouterr().err == ""  # (openpyxl's warning of the day it cannot hold: not the editor's)
    # ... and a workbook Excel's way (openpyxl's), whose day numbers count as Excel's: as before
    book = openpyxl.Workbook()
    book.active.append(["id", "date"])
    for day in (dt.datetime(1500, 3, 11), dt.datetime(1900, 1, 16)):
        book.active.append(["a", day])
    out = io.BytesIO()
    book.save(out)
    text, _ = workbook.xlsx_to_csv(out.getvalue())
    assert [line.split(",")[1][:10] for line in text.decode().splitlines()[1:]] == ["1500-03-11", "1900-01-16"]


def test_a_libreoffice_workbook_that_counts_from_1904_is_read_as_it_shows_its_dates():
    """(The review's: LibreOffice writes date1904 when a document counts its days from 1904; its
    days of 1900 are then no Excel count, and its day numbers before AD 1 count from 1904.)"""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["id", "date"])
    for day in (dt.datetime(1900, 1, 15), dt.datetime(1500, 3, 11)):  # (1500-03-01 in the Julian calendar)
        book.active.append(["a", day])
    book.active.append(["b", -711055])  # (15 March 44 BC, its day number from 1904)
    book.active.cell(row=4, column=2).number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    text, _ = workbook.xlsx_to_csv(made_by_libreoffice(out.getvalue()))
    assert [line.split(",")[1].split(" ")[0] for line in text.decode().splitlines()[1:]] == [
        "1900-01-15",
        "1500-03-01",
        "-0044-03-15",
    ]


def made_by_libreoffice(data: bytes) -> bytes:
    """The workbook as LibreOffice names itself in it (docProps/app.xml's Application)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                part = re.sub(rb"<Application>[^<]*</Application>", b"<Application>LibreOffice/7.4</Application>", part)
            copy.writestr(item, part)
    return out.getvalue()


MONTH = "mmmm yyyy"


@pytest.mark.parametrize(
    "cells, said",
    [
        # (the date column's cells from row 2 down, value and number format; each warning: row, words)
        # a month typed is held as its first day: nothing to say
        ([(dt.datetime(2022, 1, 1), MONTH), (dt.datetime(2022, 3, 1), "mmm-yy")], []),
        # 15/01/2022 typed into a column formatted to show months: read as January 2022, the 15th said
        (
            [(dt.datetime(2022, 1, 1), MONTH), (dt.datetime(2022, 1, 15), MONTH)],
            [
                (
                    3,
                    "the date cell shows the month January 2022 (formatted 'mmmm yyyy') and is read as that month, "
                    "2022-01, but it holds 15 January 2022: to have that read, format the cell as a date that shows "
                    "the day (yyyy-mm-dd",
                )
            ],
        ),
        ([(dt.datetime(2022, 3, 17), "mmm-yy")], [(2, "shows the month March 2022 (formatted 'mmm-yy')")]),
        ([(dt.datetime(2022, 1, 4), "[$-409]mmmm\\ yyyy")], [(2, "(formatted '[$-409]mmmm\\ yyyy')")]),
        # a time held, even on the 1st
        ([(dt.datetime(2022, 2, 1, 14, 30), MONTH)], [(2, "but it holds 1 February 2022, 14:30: to have")]),
        # a month dragged down in Excel: each row the next day, one warning naming the last row, across
        # the end of a month too (31 January, 1 February shown as February, 2 February...)
        (
            [(dt.datetime(2022, 1, 1) + dt.timedelta(days=n), MONTH) for n in range(40)],
            [
                (
                    3,
                    "holds 2 January 2022, and each row below it to row 41 holds the day after the row above's: "
                    "a cell dragged down",
                )
            ],
        ),
        # a drag, then a day typed: the drag is one warning and the day typed its own
        (
            [*[(dt.datetime(2022, 1, n), MONTH) for n in (1, 2, 3, 4)], (dt.datetime(2022, 1, 20), MONTH)],
            [(3, "holds 2 January 2022, and each row below it to row 5"), (6, "it holds 20 January 2022: to have")],
        ),
        # a format that shows the day, or a time, shows what the cell holds: nothing hidden
        ([(dt.datetime(2022, 1, 15), "yyyy-mm-dd"), (dt.datetime(2022, 1, 15, 9, 30), "mmm yyyy hh:mm")], []),
        # a format that shows the year alone: its day and time were lost without a word
        (
            [(dt.datetime(2022, 1, 5, 14, 30), "yyyy"), (dt.datetime(2023, 1, 1), "yyyy")],
            [
                (
                    2,
                    "the date cell shows the year 2022 (formatted 'yyyy') and is read as that year, but it holds "
                    "5 January 2022, 14:30: to have the day read",
                )
            ],
        ),
        (
            [(dt.datetime(2022, 3, 1) + dt.timedelta(days=n), "yyyy") for n in range(3)],
            [(2, "holds 1 March 2022, and each row below it to row 4 the day after the row above's")],
        ),
        ([(dt.datetime(2022, 3, 17), "yy")], [(2, "shows the year 22 (formatted 'yy') and is read as that year")]),
    ],
)
def test_a_month_s_cell_that_holds_a_day_is_read_as_its_month_with_a_warning(tmp_path, capsys, cells, said):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number, (value, number_format) in enumerate(cells, start=2):
        sheet.append([f"e{number}", value, None, "T", None, "protest", None, None, None, "AFP"])
        sheet.cell(row=number, column=2).number_format = number_format
    path = tmp_path / "events.xlsx"
    book.save(path)
    cli.main(["check", str(path)])
    out = capsys.readouterr().out.splitlines()
    warned = [line for line in out if ": date: " in line]
    assert len(warned) == len(said), warned
    for line, (row, words) in zip(warned, said):
        assert line.startswith(f"{path}:{row}: date: warning: ") and words in line, line
    warnings = len(said) + 1  # (and the note that it is a workbook)
    assert out[-1].endswith(f", 0 errors, {warnings} warning{'s' if warnings > 1 else ''}")


@pytest.mark.parametrize(
    "cells, said",
    [
        # (the date column's cells from row 2 down, value and number format; each warning: row, words)
        # 7 Jan typed in Excel (d-mmm) or LibreOffice (DD MMM): the year it was typed in, unseen, is read
        (
            [(dt.datetime(2026, 1, 7), "d-mmm")],
            [
                (
                    2,
                    "the date cell is formatted 'd-mmm', which shows no year, and is read as 7 January 2026, in the "
                    "year it holds: a spreadsheet gives a date typed without its year the year it is typed in. Format "
                    "the cell as yyyy-mm-dd to see its year, and type it again if it is not the one meant",
                )
            ],
        ),
        ([(dt.datetime(2026, 1, 7, 14, 30), "DD MMM")], [(2, "is read as 7 January 2026, 14:30, in the year")]),
        ([(dt.datetime(2026, 1, 7), "[$-409]mmmm d;@")], [(2, "formatted '[$-409]mmmm d;@', which shows no year")]),
        # a column of them: one warning, on the first, naming how many more and the last one's row
        (
            [(dt.datetime(2022, 1, 5), "yyyy-mm-dd"), *[(dt.datetime(2026, 1, n), "d-mmm") for n in (6, 7, 8)]],
            [(3, "read as 6 January 2026, in the year it holds, as are 2 more cells of this column, down to row 5:")],
        ),
        (
            [(dt.datetime(2026, 1, 6), "d-mmm"), (dt.datetime(2026, 1, 7), "d-mmm")],
            [(2, "as is 1 more cell of this column, down to row 3:")],
        ),
        # a format that shows the year shows what is read: nothing said (a month's own rule aside)
        ([(dt.datetime(2022, 1, 7), "d-mmm-yy"), (dt.datetime(2022, 1, 8), "dd/mm/yyyy")], []),
        ([(dt.datetime(2022, 1, 1), "mmm-yy")], []),
        # the year of an era: Japan's (令和4年1月5日, R4.1.5) and Thailand's Buddhist Era (5/1/2565)
        ([(dt.datetime(2022, 1, 5), '[$-411]ggge"年"m"月"d"日"'), (dt.datetime(2022, 1, 6), "[$-411]ge.m.d")], []),
        ([(dt.datetime(2022, 1, 5), "[$-th-TH]d/m/bbbb"), (dt.datetime(2022, 1, 6), "[$-411]e/m/d")], []),
        # a time alone shown (AM/PM's m is no month), its day and year unseen
        (
            [(dt.datetime(2026, 1, 7, 14, 30), "h:mm AM/PM")],
            [(2, "which shows no year, and is read as 7 January 2026")],
        ),
        ([(dt.datetime(2026, 1, 7, 14, 30), "hh:mm")], [(2, "formatted 'hh:mm', which shows no year")]),
    ],
)
def test_a_date_s_cell_that_shows_no_year_is_said(tmp_path, capsys, cells, said):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number, (value, number_format) in enumerate(cells, start=2):
        sheet.append([f"e{number}", value, None, "T", None, "protest", None, None, None, "AFP"])
        sheet.cell(row=number, column=2).number_format = number_format
    path = tmp_path / "events.xlsx"
    book.save(path)
    cli.main(["check", str(path)])
    out = capsys.readouterr().out.splitlines()
    warned = [line for line in out if ": date: " in line]
    assert len(warned) == len(said), warned
    for line, (row, words) in zip(warned, said):
        assert line.startswith(f"{path}:{row}: date: warning: ") and words in line, line
    assert ", 0 errors, " in out[-1] and not [line for line in out if ": error: " in line]  # (each row read)


@pytest.mark.parametrize(
    "cells, said, disputed",
    [
        # a day's cell (dd/mm/yyyy) that holds a time: read as the day it shows, as a CSV save
        # writes it (it was read at its unseen 14:30 and 09:15, an event disputed by times no one saw)
        (
            [(dt.datetime(2022, 1, 5, 14, 30), "dd/mm/yyyy"), (dt.datetime(2022, 1, 5, 9, 15), "dd/mm/yyyy")],
            [
                (
                    2,
                    "the date cell is formatted 'dd/mm/yyyy', which shows no time, and is read as the day it shows, "
                    "5 January 2022, but it holds 5 January 2022, 14:30, as does 1 more cell of this column, down "
                    "to row 3: to have the times read, format the cells as yyyy-mm-dd hh:mm",
                )
            ],
            False,
        ),
        (
            [(dt.datetime(2022, 1, 5, 14, 30), "[$-409]d-mmm-yy;@")],
            [(2, "formatted '[$-409]d-mmm-yy;@', which shows no time")],
            False,
        ),
        # the year of an era: Japan's (R4.1.5) and Thailand's Buddhist Era (5/1/2565), as other day formats
        (
            [(dt.datetime(2022, 1, 5, 14, 30), "[$-411]ge.m.d"), (dt.datetime(2022, 1, 5, 9, 15), "[$-th-TH]d/m/bbbb")],
            [(2, "formatted '[$-411]ge.m.d', which shows no time")],
            False,
        ),
        # shown with its time, or holding none: nothing said (two times shown disagree)
        (
            [
                (dt.datetime(2022, 1, 5, 14, 30), "yyyy-mm-dd hh:mm"),
                (dt.datetime(2022, 1, 5, 9, 15), "dd/mm/yyyy hh:mm"),
            ],
            [],
            True,
        ),
        ([(dt.datetime(2022, 1, 5), "dd/mm/yyyy"), (dt.datetime(2022, 1, 5), "yyyy-mm-dd")], [], False),
    ],
)
def test_a_day_s_cell_that_holds_a_time_it_does_not_show_is_read_as_the_day(tmp_path, capsys, cells, said, disputed):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number, (value, number_format) in enumerate(cells, start=2):
        sheet.append(["airport", value, None, "T", None, "protest", None, None, None, f"S{number}"])
        sheet.cell(row=number, column=2).number_format = number_format
    path = tmp_path / "events.xlsx"
    book.save(path)
    cli.main(["check", str(path)])
    warned = [line for line in capsys.readouterr().out.splitlines() if ": date: " in line]
    assert len(warned) == len(said), warned
    for line, (row, words) in zip(warned, said):
        assert line.startswith(f"{path}:{row}: date: warning: ") and words in line, line
    assert bool(timeline.load(path, workbooks=True).events["disputed"].iat[0]) is disputed


def test_a_month_s_hidden_day_is_said_in_the_reader_s_language():
    [problem] = workbook.hidden_days([workbook.HiddenDay(4, "Date", dt.datetime(2022, 1, 15), "mmmm yyyy", True)])
    assert (problem.row, problem.column, problem.level) == (4, "Date", WARNING)
    with i18n.using("fr"):
        assert "15 janvier 2022" in problem.message and "janvier 2022" in problem.message


@pytest.mark.parametrize(
    "id_cell, number_format, warned",
    [
        # 12-1 typed into a cell that is not Text: Excel keeps the 1st of December (or the 12th of
        # January) of the year it was typed, shown 1-Dec; LibreOffice shows 12/01/26
        (dt.datetime(2026, 12, 1), "d-mmm", "id '2026-12-01' is a date in the sheet (formatted 'd-mmm')"),
        (dt.datetime(2026, 1, 12), "MM/DD/YY", "id '2026-01-12' is a date in the sheet (formatted 'MM/DD/YY')"),
        (dt.datetime(2026, 3, 4), "m/d/yyyy", "id '2026-03-04' is a date in the sheet (formatted 'm/d/yyyy')"),
        # may-68 (for May 68) typed: Excel keeps the 1st of May 1968, shown May-68; read as 1968-05
        (dt.datetime(1968, 5, 1), "mmm-yy", "id '1968-05' is a date in the sheet (formatted 'mmm-yy')"),
        (dt.datetime(1968, 5, 1), "MMMM YYYY", "id '1968-05' is a date in the sheet (formatted 'MMMM YYYY')"),
        # an id typed as an ISO day (or month) is shown and read as typed
        (dt.datetime(2022, 1, 5), "yyyy-mm-dd", None),
        # ... as LibreOffice writes the ISO format it keeps for 2022-01-05 typed, its hyphens escaped
        (dt.datetime(2022, 1, 5), "YYYY\\-MM\\-DD", None),
        (dt.datetime(2022, 1, 5), 'yyyy"-"mm"-"dd', None),
        # typed into a Text cell, the id is text: read as typed
        ("12-1", "@", None),
    ],
)
def test_an_id_a_workbook_made_a_date_is_said(tmp_path, capsys, id_cell, number_format, warned):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([id_cell, dt.datetime(2022, 1, 5), None, "T", None, "protest", None, None, None, "AFP"])
    sheet.append(["other", dt.datetime(2022, 1, 6), None, "T2", None, "protest", None, None, None, "AFP"])
    sheet.cell(row=2, column=1).number_format = number_format
    path = tmp_path / "events.xlsx"
    book.save(path)
    cli.main(["check", str(path)])
    out = capsys.readouterr().out.splitlines()
    said = [line for line in out if ": id: " in line]
    if warned is None:
        assert not said, said
    else:
        [line] = said
        assert line.startswith(f"{path}:2: id: warning: {warned}: a spreadsheet makes a date of an id such as 12-1"), (
            line
        )
        assert line.endswith("format the id column as Text and type the id again")
    assert out[-1].startswith("2 events, 2 accounts, 0 errors")  # (the row is kept)


@pytest.mark.parametrize(
    "mac_1904, cell, number_format, said",
    [
        # A day number typed into a cell formatted as a number: day 44566 of the 1900 date system
        # is 5 January 2022; in a workbook of the 1904 date system (Excel for Mac's before 2011),
        # day 43104 is (the 1900 system's day 43104 is 4 January 2018).
        (
            False,
            44566,
            "General",
            "date '44566' is a number, the way a spreadsheet stores a date: probably 5 January 2022; write 2022-01-05",
        ),
        (
            True,
            43104,
            "General",
            "date '43104' is a number, the way a spreadsheet stores a date: probably 5 January 2022; write 2022-01-05",
        ),
        # 2022 typed alone into a date cell: day 2022, 14 July 1905 (1900) or 15 July 1909 (1904)
        (False, 2022, "yyyy-mm-dd", "date '1905-07-14' is probably the year 2022"),
        (True, 2022, "yyyy-mm-dd", "date '1909-07-15' is probably the year 2022"),
    ],
)
def test_a_workbook_s_day_numbers_are_counted_from_its_own_day_0(tmp_path, capsys, mac_1904, cell, number_format, said):
    book = openpyxl.Workbook()
    if mac_1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["typed", cell, None, "T", None, "protest", None, None, None, "AFP"])
    sheet.cell(row=2, column=2).number_format = number_format
    for day in (5, 6, 7):
        sheet.append([f"other-{day}", dt.datetime(2022, 1, day), None, "T", None, "protest", None, None, None, "AFP"])
        sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
    path = tmp_path / "events.xlsx"
    book.save(path)
    cli.main(["check", str(path)])
    out = capsys.readouterr().out.splitlines()
    [line] = [line for line in out if ":2: date: " in line]
    assert said in line, line
    assert not [
        line for line in out if ":3: " in line or ":4: " in line or ":5: " in line
    ]  # (the dates typed as dates)


def test_import_reads_a_timelinejs_workbook(tmp_path):
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(
        xlsx(
            [
                [
                    "Year",
                    "Month",
                    "Day",
                    "Time",
                    "End Year",
                    "End Month",
                    "End Day",
                    "End Time",
                    "Display Date",
                    "Headline",
                    "Text",
                    "Media",
                    "Media Credit",
                    "Media Caption",
                    "Media Thumbnail",
                    "Type",
                    "Group",
                    "Background",
                ],
                [
                    2022,
                    1,
                    5,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    "Airport seized",
                    "Seized.",
                    None,
                    "AFP",
                    None,
                    None,
                    None,
                    "protest",
                    None,
                ],
                [
                    2022,
                    1,
                    35,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    "No such day",
                    None,
                    None,
                    "AFP",
                    None,
                    None,
                    None,
                    "protest",
                    None,
                ],
            ]
        )
    )
    into = tmp_path / "events.csv"
    result = importer.import_sheet(str(sheet), str(into))
    assert [p.row for p in result.problems if p.level == ERROR] == [3]  # the sheet's own row
    assert "airport-seized,2022-01-05," in into.read_text(encoding="utf-8")


def import_workbook(tmp_path, rows: list[list], formats: dict[tuple[int, int], str]):
    """`import` of an .xlsx of these rows, its cells (row, column, from 1) in these number formats:
    (its result, the events file it imported into)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for values in rows:
        sheet.append(values)
    for (row, column), number_format in formats.items():
        sheet.cell(row=row, column=column).number_format = number_format
    out = io.BytesIO()
    book.save(out)
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(out.getvalue())
    into = tmp_path / "events.csv"
    return importer.import_sheet(str(path), str(into)), into


@pytest.mark.parametrize(
    "year, number_format, outcome",
    [
        (-1500, "#,##0", "-1500"),  # a number shown with its thousands separator is the number
        (1500, "#,##0", "1500"),
        ("1,500", "@", "1500"),  # text, as TimelineJS reads it
        ("1,500 BC", "@", "Year '1,500 BC' is the year 1500 BC; write it as -1500"),
        ("1.500", "@", "Year '1.500' is not a whole number; if it is the year 1500 with a dot between its thousands"),
    ],
)
def test_import_reads_a_workbook_s_year_with_thousands_or_says_what_to_write(tmp_path, year, number_format, outcome):
    result, into = import_workbook(tmp_path, [["Year", "Headline"], [year, "Bronze Age"]], {(2, 1): number_format})
    if outcome.lstrip("-").isdigit():
        assert [account["date"] for _, _, account in result.rows] == [outcome]
    else:
        assert not into.exists()
        [problem] = result.problems
        assert (problem.row, problem.column, problem.level) == (2, "Year", ERROR)
        assert problem.message.startswith(outcome)


@pytest.mark.parametrize(
    "column, value, number_format, said",
    [
        # 24:00 typed in a cell: Excel keeps a day's length, shown [h]:mm:ss (was '1 day, 0:00:00')
        ("Time", dt.timedelta(days=1), "[h]:mm:ss", "Time '24:00' is not a time of day (00:00 to 23:59)"),
        ("Time", dt.timedelta(hours=36, seconds=5), "[h]:mm:ss", "Time '36:00:05' is not a time of day"),
        # a Month or a Day made a date (Jan-22 typed, 1/5 typed): was not a whole number, or two numbers
        (
            "Month",
            dt.datetime(2022, 1, 1),
            "mmm-yy",
            "Month '2022-01' is a date, not a number: a spreadsheet makes a date of what looks like one (1/5, "
            "Jan-22); format the cell as Text or Number, then write the number alone",
        ),
        ("Day", dt.datetime(2022, 3, 4, 10, 30), "d/m/yy h:mm", "Day '2022-03-04 10:30' is a date, not a number"),
    ],
)
def test_import_says_a_workbook_s_elapsed_time_and_date_cells_as_the_cell_shows_them(
    tmp_path, column, value, number_format, said
):
    header = ["Year", "Month", "Day", "Time", "Headline"]
    values = [2022, 1, 5, None, "Curfew"]
    values[header.index(column)] = value
    result, into = import_workbook(tmp_path, [header, values], {(2, header.index(column) + 1): number_format})
    assert not into.exists()
    [problem] = result.problems
    assert (problem.row, problem.column, problem.level) == (2, column, ERROR)
    assert problem.message.startswith(said)


def test_import_explains_an_ods(tmp_path):
    sheet = tmp_path / "sheet.ods"
    sheet.write_bytes(ods())
    result = importer.import_sheet(str(sheet), str(tmp_path / "events.csv"))
    assert result.failed and "OpenDocument spreadsheet" in result.problems[0].message


# --- LibreOffice's Text Import, Semicolon and Tab ticked beside Comma (its first default) ---------


def split_at_semicolons(records: list[list[str]]) -> bytes:
    """The file as LibreOffice Calc saves it after opening it with Semicolon ticked as a separator
    beside Comma (as LibreOffice 7.4 did with events.csv when its cells with a semicolon were not
    quoted, as an editor's file may have them): each cell cut at its semicolons ("A; B" becomes
    "A" and " B"), every row then written as wide as the widest cell that holds something (the
    header padded with an empty name), CSV's quotes where needed."""
    split = [[part for cell in record for part in cell.split(";")] for record in records]
    width = max(max((i + 1 for i, cell in enumerate(record) if cell), default=0) for record in split)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([(record + [""] * width)[:width] for record in split])
    return out.getvalue().encode()


def test_rows_a_spreadsheet_split_at_semicolons_are_left_out_and_the_cause_said_first():
    """LibreOffice's import splits "gas price; crowd estimates" into two cells, and every later
    value of the row moves a column on (a location read as a latitude, a publication date read as
    a claim). Each such row is left out with one error that says so, not errors that blame the
    values that moved; row 0 says the cause (an error: a save like this is kept back); and no row
    the split changed is read without a word."""
    dataset = timeline.load_bytes(split_at_semicolons(RECORDS))
    first = dataset.problems[0]
    assert (first.row, first.level, first.code) == (0, ERROR, "diagnosis")
    assert "with only Comma ticked as a separator" in first.message and "Semicolon and Tab" in first.message
    split = {p.row for p in dataset.problems if p.code == "split-row" and p.row > 1}
    changed = {number for number, record in enumerate(RECORDS, start=1) if any(";" in cell for cell in record)}
    assert split and split <= changed
    for p in dataset.problems:
        if p.row in split:
            assert p.code == "split-row" and ("at its semicolon" in p.message or "semicolons" in p.message)
    # Every row the split changed is left out, or read with the values it had.
    original = timeline.load_bytes(EVENTS.encode()).accounts.set_index("row")
    kept = dataset.accounts.set_index("row")
    for number in sorted(changed & set(kept.index)):
        for column in ("date", "title", "category", "location", "latitude", "source", "source_url", "published"):
            assert kept.at[number, column] == original.at[number, column], (number, column)


def test_a_split_that_moved_only_a_publication_date_and_a_retraction_is_found():
    """The rows LibreOffice split where check used to say nothing (its published date read as a
    claim, 'yes' pushed past the last column): each an error now."""
    header = "id,date,end_date,title,description,category,location,latitude,longitude,source,source_url,published,claimed_by,figure,figure_unit,retracted"
    records = [
        header.split(","),
        "semi-source,2022-01-05,,T,,test,,,,Le Temps; Eurasianet,,2022-01-06,,,,".split(","),
        "semi-later,2022-01-05,,Semi later,,test,,,,AFP,,,,,,".split(","),
        "semi-retracted,2022-01-05,,T,,test,,,,A; B,,,,,,yes".split(","),
    ]
    dataset = timeline.load_bytes(split_at_semicolons(records))
    assert [(p.row, p.column, p.code) for p in dataset.problems if p.level == ERROR] == [
        (0, "", "diagnosis"),
        (2, "source", "split-row"),
        (4, "source", "split-row"),
    ]
    assert "'Le Temps; Eurasianet' at its semicolon" in dataset.problems[2].message
    assert list(dataset.accounts["id"]) == ["semi-later"]


@pytest.mark.parametrize(
    "line",
    [
        # a value that begins with a space, and another problem of the row: no split
        "a,2022-01-05,,T, Protesters gather,protest,Almaty,abc,76.9,Reuters,,,,,,",
        "a,2022-01-05,,T,,protest, Almaty,43.2,,Reuters,,,,,,",
        # a link with a space before it, and nothing after it to move back
        "a,2022-01-05,,T,,protest,,,,Refused, javascript:alert(1),,,,,",
        # a figure that fits its column would move into claimed_by (the review's)
        "a,2022-01-05,,T,Desc,protest,Almaty,43.2389,76.8897,Reuters, reuters.com,,,230,,",
        # a link that fits its column would be joined to the source
        "a,2022-01-05,,T,Desc,protest,Almaty,43.2389,76.8897,Reuters, https://www.reuters.com/x,,,about 230,,",
        # a value that begins with a tab
        'a,2022-01-05,,T,"\tIndented",protest,Almaty,43.2389,76.8897,,https://example.org/x,,,,,',
    ],
)
def test_a_value_that_begins_with_a_space_is_not_taken_for_a_split(line):
    """(Each would have been left out, and its save kept back, as split: the values after the join
    must fit their columns better, none that fitted a column of dates, numbers or links moving.)"""
    header = "id,date,end_date,title,description,category,location,latitude,longitude,source,source_url,published,claimed_by,figure,figure_unit,retracted"
    problems = timeline.load_bytes(f"{header}\n{line}\n".encode()).problems
    assert problems and not [p for p in problems if p.code in ("split-row", "diagnosis")]


def test_a_note_in_a_column_without_a_name_is_not_taken_for_a_split():
    """A header that ends with a column without a name, holding an editor's note (the review's)."""
    text = (
        "id,date,title,description,category,source,\nev1,2022-01-05,Title, Protesters gather,protest,Reuters,checked\n"
    )
    dataset = timeline.load_bytes(text.encode())
    assert list(dataset.accounts["id"]) == ["ev1"] and not [p for p in dataset.problems if p.level == ERROR]


@pytest.mark.parametrize(
    "written, either",
    [
        # LibreOffice with US settings writes the zeros too, month first; Excel with UK settings,
        # day first: with no day over 12, neither is named the probable one (01/05/22 was told to be
        # "probably 2022-05-01", day first, in a file LibreOffice saved month first)
        ("01/{day:02d}/22", "2022-01-05 if month first or 2022-05-01 if day first, or the same in 1922"),
        ("01/{day:02d}/2022", "2022-01-05 if month first or 2022-05-01 if day first)"),
        ("01/{day:02d}/2022 14:30", "2022-01-05 if month first or 2022-05-01 if day first, and its time"),
    ],
)
def test_dates_whose_order_nothing_tells_get_both_readings_in_the_file_s_line(written, either):
    lines = ["id,date,title,category,source"]
    lines += [f"e{day},{written.format(day=day)},Event {day},protest,AFP" for day in range(5, 10)]
    dataset = timeline.load_bytes("\n".join(lines).encode())
    (line,) = [p for p in dataset.problems if p.row == 0]
    assert line.column == "date" and line.level == ERROR
    assert "an order nothing in the file tells" in line.message and either in line.message, line.message


@pytest.mark.parametrize(
    "written, months, order",
    [
        # months typed as 2022-01 ... 2022-04 in LibreOffice with US settings (MM/DD/YY): each kept
        # as its first day; 01/01/22 was read as 1 January 2022, with a warning on its year alone
        (["01/01/22", "02/01/22", "03/01/22", "04/01/22"], ["2022-01", "2022-02", "2022-03", "2022-04"], "month"),
        (["11/01/21", "12/01/21", "01/01/22"], ["2021-11", "2021-12", "2022-01"], "month"),
        # ...with a day-first setting and years in full (DD/MM/YYYY)
        (["01/03/2022", "01/04/2022", "01/05/2022"], ["2022-03", "2022-04", "2022-05"], "day"),
    ],
)
def test_months_a_spreadsheet_made_days_are_told_as_months_too(written, months, order):
    """A month typed in LibreOffice Calc and saved as CSV comes out as 03/01/22 (its first day,
    month first): it was told only as a day that reads two ways (or, 01/01/22, as a year of two
    digits), never as the month 2022-03 it is. Where every such date of the column is the 1st of
    a month in one order, the file's line and each row's message name the month to write."""
    lines = ["id,date,title,category,source"] + [
        f"e{i},{value},Event {i},protest,AFP" for i, value in enumerate(written)
    ]
    dataset = timeline.load_bytes("\n".join(lines).encode())
    (line,) = [p for p in dataset.problems if p.row == 0]
    example = re.search(r"written like '([^']+)'", line.message).group(1)
    probably = (
        f"is probably the month {months[written.index(example)]}, as every one is the 1st of a month ({order} first);"
    )
    # (within one year, read the other way they are days of January, as likely: the file's line
    # names no probable month then, and each row says "if this is a month")
    assert (probably in line.message) == (len({month[:4] for month in months}) > 1), line.message
    told = {p.row: p.message for p in dataset.problems if p.row > 1 and p.column == "date"}
    assert sorted(told) == list(range(2, 2 + len(written)))
    for row, month in enumerate(months, start=2):
        assert (
            f"is the 1st of a month ({order} first), as a spreadsheet writes a month it made a date of: if this is a month, write {month}"
            in told[row]
        ), told[row]


@pytest.mark.parametrize(
    "written, months",
    [
        # months typed in a spreadsheet set to Japanese, Chinese or Hungarian, saved year first: they
        # were read as days without a word (the month written lost)
        (["2022/01/01", "2021/12/01", "2022/02/01"], ["2022-01", "2021-12", "2022-02"]),
        (["2022/1/1", "2022/2/1"], ["2022-01", "2022-02"]),
        (["2022. 01. 01.", "2022. 02. 01."], ["2022-01", "2022-02"]),
        # ...and the one of months saved day or month first that reads one way (1 January): it was
        # kept as a day without a word, its neighbours told as months
        (["01.01.2022", "01.02.2022", "01.03.2022"], ["2022-01", None, None]),
        (["1/1/2022", "2/1/2022", "3/1/2022"], ["2022-01", None, None]),
    ],
)
def test_months_saved_as_days_that_read_one_way_are_warned_as_months(written, months):
    lines = ["id,date,title,category,source"] + [
        f"e{i},{value},Event {i},protest,AFP" for i, value in enumerate(written)
    ]
    problems = timeline.load_bytes("\n".join(lines).encode()).problems
    for row, month in enumerate(months, start=2):
        if month is None:
            continue
        (said,) = [p for p in problems if p.row == row and p.column == "date"]
        assert said.level == WARNING and said.message.endswith(
            f"as a spreadsheet writes a month it made a date of: if this is a month, write {month}"
        ), said.message


@pytest.mark.parametrize(
    "written",
    [["2022/01/05", "2022/02/01"], ["2022-01-01", "2022-02-01"], ["2022/01/01", "2022/01/01"]],
)
def test_days_year_first_not_all_the_1st_of_months_say_nothing(written):
    # (a day that is no month's first; ISO 8601's form, as written on purpose; one month alone)
    lines = ["id,date,title,category,source"] + [
        f"e{i},{value},Event {i},protest,AFP" for i, value in enumerate(written)
    ]
    assert not timeline.load_bytes("\n".join(lines).encode()).problems


def test_days_of_january_are_not_told_as_probable_months_nor_as_us_dates():
    # (a chronology of 2 to 11 January, as Google Sheets and Excel save it in Germany, the UK,
    # Spain or the Netherlands: it was told "'05.01.2022' is probably the month 2022-05", and
    # 2/1/2022 "month first, as Excel and Numbers write dates with US settings ... probably 2022-02-01")
    for written, form in (
        (["05.01.2022", "06.01.2022", "07.01.2022", "11.01.2022"], "day first, with dots"),
        (["05/01/2022", "06/01/2022", "07/01/2022", "11/01/2022"], "an order nothing in the file tells"),
        (["2/1/2022", "4/1/2022", "11/1/2022", "10/2/2022"], "an order nothing in the file tells"),
        (["5-1-2022", "6-1-2022", "7-1-2022", "11-1-2022"], "an order nothing in the file tells"),
    ):
        lines = ["id,date,title,category,source"] + [
            f"e{i},{value},Event {i},protest,AFP" for i, value in enumerate(written)
        ]
        problems = timeline.load_bytes("\n".join(lines).encode()).problems
        (line,) = [p for p in problems if p.row == 0]
        assert form in line.message and "probably the month" not in line.message, line.message
        assert "month first, as Excel and Numbers write dates with US settings" not in line.message, line.message
        if written[0].count(".") == 2:  # (with dots, day first: never the 1st of May)
            assert not [p for p in problems if "1st of a month" in p.message], problems


@pytest.mark.parametrize(
    "written",
    [
        ["02/01/22", "03/01/22", "03/05/22"],  # (one is no month's first day)
        ["02/01/22", "03/01/22", "2022-03-05 14:30", "03/01/22 14:30"],  # (a time: a day)
        ["01/01/22", "01/01/21"],  # (the 1st of January whichever comes first: years?)
    ],
)
def test_days_that_are_not_all_a_month_s_first_are_not_told_as_months(written):
    lines = ["id,date,title,category,source"] + [
        f"e{i},{value},Event {i},protest,AFP" for i, value in enumerate(written)
    ]
    problems = timeline.load_bytes("\n".join(lines).encode()).problems
    assert problems and not [p for p in problems if "1st of a month" in p.message]


def test_a_percent_too_large_for_a_float_is_written_not_a_traceback():
    """A hand-made workbook's cell of 400 digits formatted as a percent (math.isfinite raised)."""
    assert workbook.cell_text(10**400, "0%") == "1" + "0" * 402 + "%"
    assert workbook.cell_text(float("inf"), "0%") == "inf"


@pytest.mark.parametrize(
    "value, number_format, text",
    [
        # a year formatted to show its era: the cell shows 1500 BC, and is read so (not AD 1500)
        (1500, '0" BC"', "1500 BC"),
        (753.0, '0" BC"', "753 BC"),
        (1500, "0\\ \\B\\C", "1500 BC"),
        (500, '0" BCE"', "500 BCE"),
        (500, '#,##0" B.C."', "500 B.C."),
        (600, '"AD "0', "AD 600"),
        (1500, '0" до н. э."', "1500 до н. э."),  # (refused by check, as typed: not read as AD 1500)
        # ... and so is BC in the words of other languages (not silently AD 1500)
        (1500, '0" до н.э."', "1500 до н.э."),
        (1500, '0" до нашей эры"', "1500 до нашей эры"),
        (1500, '0" б.з.б."', "1500 б.з.б."),
        (1500, '0" б.з.д."', "1500 б.з.д."),
        (1500, '0" ق.م"', "1500 ق.م"),
        (1500, '0" \u200fق.م\u200f"', "1500 ق.م"),
        (1500, '0" قبل الميلاد"', "1500 قبل الميلاد"),
        (1500, '0" v. Chr."', "1500 v. Chr."),
        (1500, '0" v.Chr."', "1500 v.Chr."),
        (1500, '0" a. C."', "1500 a. C."),
        (1500, '0" a.C."', "1500 a.C."),
        (1500, '0" avant J.-C."', "1500 avant J.-C."),
        # a negative year in a section of its own is shown without its minus, with that section's era
        (-500, '0" AD";0" BC"', "500 BC"),
        (-500, '0;0" BC"', "500 BC"),
        (-500, '0" BC"', "-500 BC"),  # (one section: shown with its minus)
        (-5, "#,##0;(#,##0)", "-5"),  # (no era: the number)
        # other words a format writes do not change what the number means: the number
        (225, '0" dead"', "225"),
        (1500, '0" BC";-0', "1500 BC"),
        (1500, "General", "1500"),
        (2.5, "0.0", "2.5"),
    ],
)
def test_a_number_formatted_with_an_era_is_read_with_it(value, number_format, text):
    assert workbook.cell_text(value, number_format) == text


def test_check_reads_a_workbook_s_year_formatted_bc_as_bc(tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["rome", 753, None, "Rome founded", None, "history", None, None, None, "Livy"])
    sheet.cell(row=2, column=2).number_format = '0" BC"'
    path = tmp_path / "events.xlsx"
    book.save(path)
    dataset = timeline.load(path, workbooks=True)
    assert [p for p in dataset.problems if p.column == "date"] == []
    assert dataset.events["start"].iloc[0].year == -752  # (753 BC: astronomical year -752)


def test_dates_with_dots_among_slashed_ones_are_named_by_one_with_dots():
    """The file's form is told with dots (day first): its example is one of those, read day first,
    not a `1/5/2022` among them told "probably 2022-05-01"."""
    written = ["1/5/2022", "1/6/2022", "05.01.2022", "06.01.2022", "13.01.2022"]
    lines = ["id,date,title,category,source"] + [
        f"e{i},{value},Event {i},protest,AFP" for i, value in enumerate(written)
    ]
    (line,) = [p for p in timeline.load_bytes("\n".join(lines).encode()).problems if p.row == 0]
    assert "written like '05.01.2022' (day first, with dots" in line.message
    assert "('05.01.2022' is probably 2022-01-05)" in line.message


@pytest.mark.parametrize(
    "others, said",
    [
        # 43104: 4 January 2018 as the 1900 system counts, 5 January 2022 as the 1904 one (a Mac's
        # workbook before 2011), among the file's dates: that one is said, the other beside it
        (["2022-01-08", "2022-01-09"], "probably 5 January 2022, as Excel's 1904 date system counts"),
        # ... not where the usual reading is among them, nor where neither is
        (["2018-01-03", "2022-01-09"], "probably 4 January 2018; write 2018-01-04"),
        (["1999-05-01"], "probably 4 January 2018; write 2018-01-04"),
    ],
)
def test_a_day_number_of_excel_s_1904_system_among_the_file_s_dates_is_read_so_for_the_editor(others, said):
    lines = ["id,date,title,category,source", "e1,43104,T1,c,S"] + [f"e{i},{d},T,c,S" for i, d in enumerate(others, 2)]
    (problem,) = timeline.load_bytes("\n".join(lines).encode()).problems
    assert (problem.row, problem.column, problem.level) == (2, "date", ERROR)
    assert said in problem.message
    if "1904" in said:
        assert "(4 January 2018 as the usual system counts); write 2022-01-05" in problem.message


def merged_book() -> bytes:
    """Three accounts of one event, as an editor lays them out: the retraction and the day of
    publication typed once, in cells merged over the rows they stand for; a figure worked out by a
    formula, and a span's end by another (openpyxl saves no value with them, as scripts do)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "date", "end_date", "title", "category", "source", "published", "figure", "retracted"])
    sheet.append(["a", "2022-01-05", "=B2+2", "Alpha", "protest", "AFP", "2022-01-06", 10, "yes"])
    sheet.append(["a", "2022-01-05", None, None, None, "Reuters", None, 12, None])
    sheet.append(["a", "2022-01-05", None, None, None, "TASS", None, "=H3*2", None])
    sheet.merge_cells("I2:I3")
    sheet.merge_cells("G2:G4")
    sheet.merge_cells("A5:I5")  # (an empty band under the rows: nothing read from it, nothing said)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_cells_merged_or_formulas_with_no_value_saved_are_said_not_read_empty_silently(tmp_path, capsys):
    """A `retracted` yes merged over two accounts and a `published` day over three were read for
    their first row alone (the Reuters figure drawn as standing, two accounts undated), and a
    formula with no value saved was read as empty, each with 0 warnings (a probe's findings)."""
    path = tmp_path / "events.xlsx"
    path.write_bytes(merged_book())
    assert cli.main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:2: published: warning: cells G2:G4 are merged" in out and "rows 2 to 4" in out
    assert f"{path}:2: retracted: warning: cells I2:I3 are merged" in out
    assert f"{path}:2: end_date: warning: cell C2 holds the formula '=B2+2' and no value saved with it" in out
    assert f"{path}:4: figure: warning: cell H4 holds the formula '=H4*2'" not in out
    assert f"{path}:4: figure: warning: cell H4 holds the formula '=H3*2'" in out
    assert "A5:I5" not in out and out.strip().endswith("1 event, 3 accounts, 0 errors, 5 warnings")


def test_a_formula_whose_saved_result_is_empty_text_is_not_said_to_have_none(tmp_path, capsys):
    """Excel and LibreOffice save `=IF(A2="x","y","")`'s empty result as an empty value of text
    (t="str"): a value saved, not a workbook no spreadsheet worked out (a review's)."""
    source = io.BytesIO(merged_book())
    out = io.BytesIO()
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(out, "w") as again:
        for item in book.infolist():
            data = book.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="C2"', b'<c r="C2" t="str"', 1)
                assert b'<c r="C2" t="str"' in data and b"<f>B2+2</f><v />" in data  # (its value: empty text)
            again.writestr(item, data)
    path = tmp_path / "events.xlsx"
    path.write_bytes(out.getvalue())
    assert cli.main(["check", str(path)]) == 0
    said = capsys.readouterr().out
    assert "cell C2" not in said and "cell H4 holds the formula '=H3*2'" in said
