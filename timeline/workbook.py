"""Spreadsheet files that are not CSV text: which program made them, and an .xlsx read as CSV.

`kind(data)` tells a workbook by its first bytes (an .xlsx, an .ods and a Numbers document are
zip files; an .xls is an OLE2 compound file). `xlsx_to_csv(data)` turns the first sheet of an
.xlsx into the CSV text `check` and `import` read, row for row, so that every row number is the
one the spreadsheet shows. The dashboard itself serves CSV only: `not_csv(kind)` says how to
save one from each program.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree

import numpy as np

from . import dates
from .problems import WARNING, Message, Problem, say, say_n, show

ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls (and old Word/PowerPoint files)

XLSX, ODS, NUMBERS, XLS, ZIPPED = KINDS = "xlsx", "ods", "numbers", "xls", "zip"

# How to save CSV that this program reads, program by program (the README says the same).
SAVE_AS_CSV = say(
    "in Excel, File > Save As 'CSV UTF-8 (Comma delimited)'; in LibreOffice, Save As 'Text CSV' "
    "with 'Edit filter settings': Unicode (UTF-8), comma; in Google Sheets, File > Download > "
    "CSV; in Numbers, File > Export To > CSV, Unicode (UTF-8)"
)

_NAMES = {
    XLSX: say("an Excel workbook (.xlsx)"),
    ODS: say("an OpenDocument spreadsheet (.ods, LibreOffice's own format)"),
    NUMBERS: say("a Numbers document (.numbers)"),
    XLS: say("an old Excel workbook (.xls, Excel 97-2003)"),
    ZIPPED: say("a zip archive (a workbook or a compressed file)"),
}


def kind(head: bytes) -> str | None:
    """What a file that starts with these bytes is, if it is a workbook (or another zip file).

    An .xlsx names its parts ([Content_Types].xml, xl/...) in the zip's local headers, near the
    start; an .ods stores its mimetype as the first part, uncompressed (ODF 1.2, 3.3); a Numbers
    document holds Index/*.iwa parts. The first 64 KiB are enough for each."""
    if head.startswith(OLE2):
        return XLS
    if not head.startswith(ZIP):
        return None
    if b"application/vnd.oasis.opendocument.spreadsheet" in head[:200]:
        return ODS
    if b"[Content_Types].xml" in head or b"xl/" in head:
        return XLSX
    if b"Index/" in head and b".iwa" in head:
        return NUMBERS
    return ZIPPED


def name(which: str) -> Message:
    return _NAMES[which]


def not_csv(which: str) -> Message:
    """The message for a workbook where CSV text is needed."""
    if which == XLSX:
        return say(
            "the file is {kind}, not CSV text: the dashboard serves only CSV (`check` and "
            "`import` read a workbook's first sheet, the dashboard does not); save it as CSV: "
            "{save_as_csv}",
            kind=name(which),
            save_as_csv=SAVE_AS_CSV,
        )
    return say(
        "the file is {kind}, not CSV text, which timeline cannot read: save it as CSV: "
        "{save_as_csv}; or save it as an Excel workbook (.xlsx), which `check` and `import` read "
        "(the dashboard serves only CSV)",
        kind=name(which),
        save_as_csv=SAVE_AS_CSV,
    )


class NotReadable(Exception):
    """The workbook cannot be opened (damaged, encrypted, or not really an .xlsx)."""


@dataclass
class SheetText:
    """An .xlsx's first sheet as CSV text (`read_xlsx`), and what its cells hold that the text
    does not say: the day (or time) of a date whose cell shows only its month, the year of one
    whose cell shows none."""

    text: bytes
    title: str
    hidden: list[HiddenDay] = field(default_factory=list)
    dated_ids: list[DatedId] = field(default_factory=list)
    yearless: list[HiddenYear] = field(default_factory=list)
    times: list[HiddenTime] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    unsaved: list[Unsaved] = field(default_factory=list)
    # Day 0 of the workbook's date system: 30 December 1899, or 1 January 1904 where the workbook
    # counts its days from then (Excel for Mac's default before 2011): a day number typed into a
    # cell formatted as a number means another day (dates.day_zero).
    day_zero: np.datetime64 = dates.SPREADSHEET_DAY_ZERO

    def problems(self, column_of=str) -> list[Problem]:
        """A warning for each day a month's cell holds and does not show (`hidden_days`), for
        each id a spreadsheet made a date (`dated_ids`), for the dates of each column shown
        without their year (`hidden_years`), and for the times of each column's days that no
        cell shows (`hidden_times`); `column_of`: the column a header's name names (as written,
        by default)."""
        return (
            hidden_days(self.hidden, column_of)
            + dated_ids(self.dated_ids, column_of)
            + hidden_years(self.yearless, column_of)
            + hidden_times(self.times, column_of)
            + [cell.problem(column_of) for cell in self.merged + self.unsaved]
        )


@dataclass(frozen=True)
class HiddenDay:
    """A date cell formatted to show its month only (`mmmm yyyy`, `mmm-yy`), read as that month.
    `hides`: it holds a day other than the 1st, or a time (else it is only a link of a chain of
    cells dragged down, each a day after the one above)."""

    row: int  # the sheet's row number (the header is row 1)
    header: str  # the name in the header row above the cell
    value: dt.datetime
    number_format: str
    hides: bool
    year_only: bool = False  # formatted to show its year alone (`yyyy`): read as that year


@dataclass(frozen=True)
class HiddenYear:
    """A date cell formatted to show no year (`d-mmm`, `dd mmm`, `mmmm d`): read as the date it
    holds, in a year the editor does not see; a spreadsheet gives a date typed without its year
    (`7 Jan`, `Jan 7`) the year it is typed in."""

    row: int  # the sheet's row number (the header is row 1)
    header: str
    value: dt.datetime
    number_format: str


@dataclass(frozen=True)
class HiddenTime:
    """A date cell formatted to show its day and no time (`dd/mm/yyyy`) that holds a time (typed
    with one, or `=NOW()` kept as its value): read as the day it shows, as a CSV save writes it."""

    row: int  # the sheet's row number (the header is row 1)
    header: str
    value: dt.datetime
    number_format: str


@dataclass(frozen=True)
class Merged:
    """Cells merged over rows (or columns) of the sheet: the value is the first cell's, and the
    other cells of the range are empty, which the editor does not see (a `retracted` of yes over
    two accounts, a `published` over three: the others read as standing, and undated)."""

    ref: str  # as the sheet names the range: G2:G4
    row: int  # its first row (the header is row 1)
    header: str  # the name in the header row above its first cell
    headers: tuple[str, ...]  # the columns the range covers
    last: int  # its last row

    def problem(self, column_of=str) -> Problem:
        columns = ", ".join(column_of(h) for h in self.headers)
        return Problem(
            self.row,
            column_of(self.header),
            WARNING,
            say(
                "cells {ref} are merged: a merged range holds its value in its first cell alone, and its other "
                "cells are read empty (it covers {columns}, rows {row} to {last}); unmerge the cells and fill each "
                "(in Excel, Merge & Center > Unmerge Cells, then type or fill the value down)",
                ref=self.ref,
                columns=columns,
                row=self.row,
                last=self.last,
            ),
        )


@dataclass(frozen=True)
class Unsaved:
    """A formula cell with no value saved with it (a workbook written by a program, never
    recalculated by a spreadsheet): read as empty, without a word, where the editor's
    spreadsheet shows the value."""

    ref: str  # the cell: H3
    row: int
    header: str
    formula: str  # as written, without its `=` ("" for a shared formula's other cells)

    def problem(self, column_of=str) -> Problem:
        return Problem(
            self.row,
            column_of(self.header),
            WARNING,
            say(
                "cell {ref} holds the formula {formula} and no value saved with it (a program wrote the workbook, and "
                "no spreadsheet has worked it out since): it is read as empty; open the workbook in a spreadsheet "
                "and save it, or type the value",
                ref=self.ref,
                formula=show("=" + (self.formula or "…")),  # (a shared formula's other cells write none)
            ),
        )


_CELL = re.compile(r"([A-Z]+)(\d+)")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _column_number(letters: str) -> int:
    """A column's index from its letters: A is 0, Z 25, AA 26."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _merged_and_unsaved(data: bytes, path: str, text: str) -> tuple[list[Merged], list[Unsaved]]:
    """What a sheet's XML says that openpyxl's values do not: its merged ranges below the header
    whose first cell holds a value (`Merged`) and its formula cells with no value saved
    (`Unsaved`). `path`: the sheet's part in the zip (openpyxl's read-only sheet names it);
    `text`: the sheet as read (CSV), the header first."""
    header = next(csv.reader(io.StringIO(text)), [])
    rows: list[list[str]] = []  # (the sheet's cells, read again only where it has a merged range)

    def name(index: int) -> str:
        return header[index] if index < len(header) else ""

    merged: list[Merged] = []
    unsaved: list[Unsaved] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = archive.read(path)
    if not _FORMULA_OR_MERGED.search(part):  # (most sheets: not read a second time)
        return merged, unsaved
    for _event, element in ElementTree.iterparse(io.BytesIO(part)):
        tag = element.tag.removeprefix(_MAIN)
        if tag == "c":
            formula = element.find(_MAIN + "f")
            ref = element.get("r") or ""
            at = _CELL.fullmatch(ref)
            if formula is not None and at and int(at.group(2)) > 1 and not _saved(element):
                column = _column_number(at.group(1))
                unsaved.append(Unsaved(ref, int(at.group(2)), name(column), formula.text or ""))
        elif tag == "row":
            element.clear()  # (its cells read: let go, the sheet's bytes alone kept)
        elif tag == "mergeCell":
            ref = element.get("ref") or ""
            corners = [(_column_number(c.group(1)), int(c.group(2))) for c in map(_CELL.fullmatch, ref.split(":")) if c]
            if len(corners) != 2:
                continue
            (first_column, first), (last_column, last) = corners
            rows = rows or list(csv.reader(io.StringIO(text)))
            if first < 2 or first_column >= len(header) or not _holds(rows, first, first_column):
                continue  # (a title over the header, its own cells, an empty band, cells past it: said otherwise)
            columns = tuple(name(i) for i in range(first_column, last_column + 1))
            merged.append(Merged(ref, first, name(first_column), columns, last))
    return merged, unsaved


_FORMULA_OR_MERGED = re.compile(rb"<(?:\w+:)?(?:f|mergeCell)[\s>/]")


def _saved(cell) -> bool:
    """Whether a formula cell holds the value worked out when it was saved: a `<v>` with a value,
    or an empty one of a text result (`=IF(A2="x","y","")`: t="str"); openpyxl, writing a formula,
    writes an empty `<v/>` of no type."""
    value = cell.find(_MAIN + "v")
    if cell.find(_MAIN + "is") is not None:
        return True  # (a text result written inline, as some programs save one)
    return value is not None and (bool(value.text) or cell.get("t") == "str")


def _holds(rows: list[list[str]], row: int, column: int) -> bool:
    """Whether the sheet's cell at `row` (1 is the header) and `column` (0 is A) holds a value."""
    return row <= len(rows) and column < len(rows[row - 1]) and rows[row - 1][column] != ""


@dataclass(frozen=True)
class DatedId:
    """An id cell that holds a date its format does not show as yyyy-mm-dd: a spreadsheet made a
    date of an id typed into a cell that was not Text (`12-1` is the 1st of December or the 12th
    of January of the year it was typed, shown `1-Dec`; `may-68` the 1st of May 1968, shown
    `May-68`, and read as its month), and the id read is not the one typed."""

    row: int  # the sheet's row number (the header is row 1)
    header: str
    value: dt.datetime
    number_format: str


def xlsx_to_csv(data: bytes) -> tuple[bytes, str]:
    """`read_xlsx`'s CSV text and sheet name."""
    sheet = read_xlsx(data)
    return sheet.text, sheet.title


def read_xlsx(data: bytes, column_of=str) -> SheetText:
    """The first sheet of an .xlsx as UTF-8 CSV bytes (one line per sheet row, from row 1, so
    that row numbers are the spreadsheet's), and the sheet's name.

    Cells are read as values, as far as their number formats show them (see `cell_text`: a date
    formatted to show a month is that month, a number formatted as a percent that percent), not
    as the text a spreadsheet shows (openpyxl does not apply number formats): a date or time is
    written in ISO form at the precision it holds (a midnight time is a day: `2022-01-07`; else
    `2022-01-07 16:30`, with seconds when it has them), a whole number without its `.0`,
    TRUE/FALSE as words, an empty cell as nothing. `column_of`: the column a header's name
    names (schema.column_named), to find the id column's cells that hold dates (`DatedId`)."""
    from openpyxl import load_workbook  # (imported here: only `check` and `import` of a workbook need it)
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # zipfile.BadZipFile, KeyError, lxml/ElementTree errors...
        raise NotReadable(str(error) or type(error).__name__) from error
    try:
        sheet = book.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        width = 0
        header: list[str] = []
        months: list[HiddenDay] = []
        ids: list[DatedId] = []
        yearless: list[HiddenYear] = []
        times: list[HiddenTime] = []
        id_at: set[int] = set()
        from_1904 = book.epoch == CALENDAR_MAC_1904
        libreoffice = _made_by_libreoffice(data)
        rows = sheet.iter_rows(min_row=1)
        for number in itertools.count(1):
            with warnings.catch_warnings(record=True) as caught:  # (a day openpyxl cannot hold: see _far_days)
                warnings.simplefilter("always")
                row: tuple | None = next(rows, None)
            if row is None:
                break
            formats = [getattr(cell, "number_format", "") or "" for cell in row]
            if libreoffice:
                far = _far_days(caught, from_1904)
                row = tuple(
                    _Cell(far.get(getattr(cell, "coordinate", "")) or _libreoffice_day(cell.value, from_1904))
                    for cell in row
                )
            cells = [cell_text(cell.value, shown) for cell, shown in zip(row, formats)]
            while cells and cells[-1] == "":
                cells.pop()
            width = width or len(cells)  # (the header's width: later rows padded to it)
            if not header:
                header = cells
                id_at = {index for index, name in enumerate(header) if column_of(name) == "id"}
            writer.writerow(cells + [""] * (width - len(cells)) if cells else [])
            for index, (cell, shown) in enumerate(zip(row, formats)):
                if number == 1 or not isinstance(cell.value, dt.datetime):
                    continue
                if index in id_at:  # (may-68 typed is May 1968, shown May-68: an id, whatever it shows)
                    if not _written(shown).startswith("yyyy-mm"):  # (typed 2022-01-05, shown and read so)
                        ids.append(DatedId(number, header[index], cell.value, shown))
                    continue
                shows = _shows(shown)
                if shows in ({"y", "m"}, {"y"}):  # (a month or a year shown alone: read as that)
                    value, year_only = cell.value, shows == {"y"}
                    hides = value.day != 1 or value.time() != dt.time() or (year_only and value.month != 1)
                    name = header[index] if index < len(header) else ""
                    months.append(HiddenDay(number, name, value, shown, hides, year_only))
                elif "y" not in shows and shows & {"d", "m", "h"}:  # (h:mm AM/PM: a time alone, its day unseen too)
                    name = header[index] if index < len(header) else ""
                    yearless.append(HiddenYear(number, name, cell.value, shown))
                elif cell.value.time() != dt.time() and _day_alone(shown):
                    name = header[index] if index < len(header) else ""
                    times.append(HiddenTime(number, name, cell.value, shown))
        zero = dates.MAC_DAY_ZERO if book.epoch == CALENDAR_MAC_1904 else dates.SPREADSHEET_DAY_ZERO
        # (openpyxl's read-only sheet names its part: a private name, openpyxl pinned)
        text = out.getvalue().encode("utf-8")
        merged, unsaved = _merged_and_unsaved(data, sheet._worksheet_path, out.getvalue())  # type: ignore[attr-defined]
        return SheetText(text, sheet.title, months, ids, yearless, times, merged, unsaved, zero)
    finally:
        book.close()


@dataclass
class _Cell:
    value: object


def _made_by_libreoffice(data: bytes) -> bool:
    """Whether LibreOffice saved the workbook (its docProps/app.xml names the application)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return b"<Application>LibreOffice" in book.read("docProps/app.xml")[:2000]
    except (KeyError, zipfile.BadZipFile):
        return False


def _libreoffice_day(value, from_1904: bool = False):
    """A date of a workbook LibreOffice saved, as LibreOffice shows it (openpyxl reads its day
    number as Excel counts): a day of January or February 1900 is a day earlier (Excel counts a
    29 February 1900 that never was; LibreOffice does not), and one before 15 October 1582 is a
    day of the Julian calendar, which LibreOffice shows before it (1500-03-01 typed is read
    1500-03-11 otherwise); the text where that day is none of the Gregorian calendar's
    (1500-02-29). (1900-02-28 is day 59 or 60, one of them Excel's: left as read. `from_1904`: a
    workbook that counts its days from 1904, whose days openpyxl reads as LibreOffice does.)"""
    if not isinstance(value, dt.datetime):
        return value
    if not from_1904 and dt.datetime(1900, 1, 1) <= value < dt.datetime(1900, 2, 28):
        return value - dt.timedelta(days=1)
    if value >= _GREGORIAN:
        return value
    year, month, day = _julian(value.toordinal())
    try:
        return value.replace(year=year, month=month, day=day)
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}" + (f" {value:%H:%M}" if value.time() != dt.time() else "")


_GREGORIAN = dt.datetime(1582, 10, 15)
_FAR_DAY = re.compile(r"Cell (\w+) is marked as a date but the serial value (-?\d+)(?:\.\d+)? is outside the limits")


def _far_days(caught, from_1904: bool = False) -> dict[str, str]:
    """The days before AD 1 of a workbook LibreOffice saved (15 March 44 BC, its day -709593),
    which openpyxl cannot hold and makes an error cell (#VALUE!, as a broken formula shows): by
    their cell, as LibreOffice shows them (-0044-03-15: a year BC with a minus sign, as this
    program reads one)."""
    found = {}
    for warning in caught:
        far = _FAR_DAY.search(str(warning.message))
        if far:
            # (day 0: 30 December 1899, ordinal 693594; or 1 January 1904, 695056)
            year, month, day = _julian(int(far[2]) + (695056 if from_1904 else 693594))
            found[far[1]] = (
                f"-{1 - year:04d}-{month:02d}-{day:02d}" if year < 1 else f"{year:04d}-{month:02d}-{day:02d}"
            )
    return found


def _julian(ordinal: int) -> tuple[int, int, int]:
    """The Julian calendar's year, month and day of a day (`ordinal`: date.toordinal's)."""
    c = ordinal + 1721425 + 32082  # (the Julian day number, from 4800 BC)
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def cell_text(value, number_format: str = "") -> str:
    """One cell's value as the text events.csv would hold, read as its cell shows it
    (`number_format`) where the value holds more or other than the editor sees:

    - a date whose format shows a month and a year, no day and no time (`mmm-yy`, `mmmm yyyy`,
      `[$-409]mmmm\\ yyyy`), is that month (`2022-01`), whatever day and time it holds: Excel
      keeps a month typed as `Jan 2022` as its first day, and `January 2022` dragged down holds
      2022-01-02, 01-03... each shown `January 2022`; a format with the year alone is the year
      (`2022`); one with a time keeps it even at midnight (`2022-01-07 00:00`); one that shows
      the day and no time (`dd/mm/yyyy`) is that day, whatever time it holds (`hidden_times`:
      as a CSV save writes it); any other ("General" or none) is the whole date, as the value
      holds it;
    - a number formatted as a percent (`0%`, `0.00%`; not a `%` quoted, escaped or in brackets)
      is the percent it holds, without float noise, whatever decimals the format shows: 0.05 is
      `5%` (typed so, shown `5%` or `5.00%`), 0.125 `12.5%`, 1 `100%`; `check` refuses it in a
      column of numbers, where 0.05 would be read without a word."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        shown = _shows(number_format)  # (a month shown alone: see also hidden_days)
        if "h" not in shown and "d" not in shown and "y" in shown:
            return f"{value.year:04d}-{value.month:02d}" if "m" in shown else f"{value.year:04d}"
        if _day_alone(number_format):
            return value.date().isoformat()
        if "h" in shown and value.second == 0 and value.microsecond == 0:
            return f"{value.date().isoformat()} {value:%H:%M}"
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        clock = f"{value:%H:%M}" + (f":{value:%S}" if value.second else "")
        return f"{value.date().isoformat()} {clock}"  # (isoformat: years before 1000 keep 4 digits)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # (an elapsed time, [h]:mm: Excel keeps 24:00 typed in a cell so)
        seconds = int(abs(value.total_seconds()))
        clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}" + (f":{seconds % 60:02d}" if seconds % 60 else "")
        return ("-" if value < dt.timedelta(0) else "") + clock
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" + (":%S" if value.second else ""))
    if (
        isinstance(value, (int, float))
        and "%" in _code(number_format)
        and not (isinstance(value, float) and not math.isfinite(value))
    ):
        percent = Decimal(repr(value)) * 100  # (repr: 0.07, not the float's 0.07000000000000000666...)
        return f"{percent.normalize():f}%"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = (
            str(int(value)) if isinstance(value, float) and value.is_integer() and abs(value) < 1e15 else repr(value)
        )
        negative = value < 0 and len(number_format.split(";")) > 1  # (its own section: `0" AD";0" BC"`)
        before, after = _era_words(number_format, negative)
        if negative and (before or after):
            number = number.lstrip("-")  # (a negative number's section shows it without its minus: 500 BC)
        return " ".join(part for part in (before, number, after) if part)
    return str(value)


# An era a number format writes beside a year (`0" BC"`, `"AD "0`, `0\ \B\C`): the cell shows
# `1500 BC`, and is read so (1500 is another year, AD 1500). Other words a format writes (`0" dead"`)
# change nothing the number means, and are not read. A year before Christ in the words of other
# languages (`v. Chr.`, `a. C.`, `б.з.б.`, `ق.م`) is kept too, to be refused as written, never read
# as the year after Christ; their words for the years after it are left out, which leaves the year
# they mean.
_ERA = re.compile(
    r"(?:B\.? ?C\.?(?: ?E\.?)?|A\.? ?D\.?|C\.? ?E\.?|н\. ?э\.|ap\. J\.-C\."
    r"|до ?н\. ?э\.?|до нашей эры|до ?Р\. ?Х\.?"  # (ru)
    r"|av(?:\.|ant) J\.?-C\.?"  # (fr)
    r"|v\. ?Chr\.?|vor Christus|v\. ?u\. ?Z\.?"  # (de, nl)
    r"|a\. ?C\.?|a\. ?de ?C\.?|a\. ?n\. ?e\.?|a\. ?e\. ?c\.?"  # (es, it, pt)
    r"|б\. ?з\. ?[бд]\.?"  # (kk)
    r"|ق\. ?م\.?|ق م|قبل الميلاد)",  # (ar)
    re.I,
)


_DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))  # (around Arabic words in a format)


def _era_words(number_format: str, negative: bool = False) -> tuple[str, str]:
    """The era a number format writes before and after its number (`0" BC"`: ("", "BC")), as
    text; ("", "") for a format that writes none. `negative`: of its second section, the one a
    negative number is shown in."""
    section = number_format.split(";")[1 if negative else 0]
    literal = re.compile(r'"([^"]*)"|\\(.)')
    first = re.search(r"[0#?]", re.sub(r'"[^"]*"|\\.', lambda m: "x" * len(m.group()), section))
    if first is None:
        return "", ""
    words = ["", ""]
    for match in literal.finditer(section):
        words[match.start() > first.start()] += match.group(1) if match.group(1) is not None else match.group(2)
    before, after = (" ".join(text.translate(_DIRECTION_MARKS).split()) for text in words)
    return (before if _ERA.fullmatch(before) else ""), (after if _ERA.fullmatch(after) else "")


def _code(number_format: str) -> str:
    """The first section of a number format (the one for a positive number and a date), lower
    case, without what it shows as written: quoted text, escaped characters, [bracketed] parts
    (a colour, a condition, a currency and locale such as `[$-409]`), and the space (`_x`) or fill
    (`*x`) the width of a character."""
    return re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].', "", number_format.split(";")[0]).lower()


def _written(number_format: str) -> str:
    """The first section of a number format as it lays out what it shows, lower case: quoted text
    and escaped characters as the characters they show, without [bracketed] parts (LibreOffice
    writes the ISO date `YYYY\\-MM\\-DD`, Excel `yyyy-mm-dd`: both `yyyy-mm-dd` here)."""
    section = re.sub(r"\[[^\]]*\]", "", number_format.split(";")[0])
    return re.sub(r'"([^"]*)"|\\(.)', lambda m: m.group(1) if m.group(1) is not None else m.group(2), section).lower()


def _day_alone(number_format: str) -> bool:
    """Whether a format shows a date's day, month and year and no time (`dd/mm/yyyy`, `d-mmm-yy`,
    `yyyy-mm-dd`; the year of an era, Japan's `ge.m.d` or Thailand's `d/m/bbbb`): not "General"
    or none, which shows the whole date."""
    code = _code(number_format)
    return "d" in code and bool(re.search(r"[yeb]", code)) and _shows(number_format) == {"y", "m", "d"}


def _shows(number_format: str) -> set[str]:
    """What a number format shows of a date: "y", "m" (the month), "d", "h" (a time). A format
    Excel writes, e.g. `mmm-yy`, `yyyy-mm-dd hh:mm`, `[$-409]d-mmm-yyyy;@`, `[$-411]ggge"年"m"月"d"日"`
    (Japan's era and its year), `[$-th-TH]d/m/bbbb` (a Buddhist Era year): quoted text, escaped
    characters and [bracketed] parts are not parts of the date; an "m" after an hour or before
    seconds is minutes. "General" or none: the day (as before, a whole date)."""
    code = re.sub(r"am/pm|a/p", "", _code(number_format))  # (AM/PM's m is no month)
    if not re.search(r"[dmyhs]", code) or code.strip() == "general":
        return {"y", "m", "d"}
    # (e, b: the year of an era, Japan's or Thailand's Buddhist one, `ge.m.d`, `d/m/bbbb`)
    runs = [{"e": "y", "b": "y"}.get(run[0], run[0]) for run in re.findall(r"d+|m+|y+|h+|s+|e+|b+", code)]
    shown = set()
    for i, part in enumerate(runs):
        if part == "m" and ((i and runs[i - 1] == "h") or (i + 1 < len(runs) and runs[i + 1] == "s")):
            shown.add("h")  # minutes
        elif part == "s":
            shown.add("h")
        else:
            shown.add(part)
    return shown


def hidden_days(cells: list[HiddenDay], column_of=str) -> list[Problem]:
    """A warning for each month cell that holds a day the editor does not see (read as the
    month it shows): typed 15/01/2022 into a column formatted `mmmm yyyy`, it shows January
    2022. A cell dragged down in Excel or LibreOffice fills the next days, not the next months
    (each row a day after the row above, each shown as its month): such a chain of rows is one
    warning, on the first row that holds a day, naming the last."""
    problems = []
    for header, column in _by_column(cells).items():
        chains: list[list[HiddenDay]] = []
        for cell in column:
            last = chains[-1][-1] if chains else None
            if last and cell.row == last.row + 1 and cell.value - last.value == dt.timedelta(days=1):
                chains[-1].append(cell)
            else:
                chains.append([cell])
        for chain in chains:
            hiding = [cell for cell in chain if cell.hides]
            if hiding:
                problems.append(_hidden_day(column_of(header), hiding[0], hiding[-1].row if len(hiding) > 1 else 0))
    return problems


def _hidden_day(column: str, cell: HiddenDay, last: int) -> Problem:
    value = cell.value
    if cell.year_only:  # (2022-01-05 14:30 formatted yyyy: read as 2022, its day and time unseen)
        shown = f"{value.year:04d}" if "yyy" in _code(cell.number_format) else f"{value.year % 100:02d}"  # (yy: 22)
        year = {"column": column, "year": shown, "format": f"'{cell.number_format}'"}
        return Problem(
            cell.row,
            column,
            WARNING,
            say(
                "the {column} cell shows the year {year} (formatted {format}) and is read as that year, but it "
                "holds {held}{rows}: to have the day read, format the cell as a date that shows the day (yyyy-mm-dd, "
                "or yyyy-mm-dd hh:mm with a time); if the year is meant, type its first day in the cell (1 January)",
                held=_held(value),
                rows=say(", and each row below it to row {last} the day after the row above's", last=last)
                if last
                else "",
                **year,
            ),
        )
    said = {
        "column": column,
        "value": f"{value.year:04d}-{value.month:02d}",
        "month": dates.Day.of(value.year, value.month),
        "format": f"'{cell.number_format}'",
        "held": _held(value),
    }
    if last:
        text = say(
            "the {column} cell shows the month {month} (formatted {format}) and is read as that month, {value}, "
            "but it holds {held}, and each row below it to row {last} holds the day after the row above's: a cell "
            "dragged down in Excel or LibreOffice fills the next days, not the next months. If the months are "
            "meant, fill them again by month (Excel: Auto Fill Options > Fill Months; LibreOffice: Sheet > "
            "Fill Cells > Fill Series, Date, time unit Month) or type each month; if the days are meant, "
            "format the cells as a date that shows the day (yyyy-mm-dd)",
            last=last,
            **said,
        )
    else:
        text = say(
            "the {column} cell shows the month {month} (formatted {format}) and is read as that month, {value}, "
            "but it holds {held}: to have that read, format the cell as a date that shows the day (yyyy-mm-dd, "
            "or yyyy-mm-dd hh:mm with a time); if the month is meant, type it again (a month typed is kept as "
            "its first day)",
            **said,
        )
    return Problem(cell.row, column, WARNING, text)


def _held(value: dt.datetime) -> dates.Day:
    """The day (and time, if it has one) a date cell holds, as a message says it."""
    time = (value.hour, value.minute, value.second) if value.time() != dt.time() else ()
    return dates.Day.of(value.year, value.month, value.day, *time)


def _by_column(cells: list) -> dict[str, list]:
    """Cells (HiddenDay, HiddenYear, HiddenTime: each with its header) by their column, in sheet order."""
    by_column: dict[str, list] = {}
    for cell in cells:
        by_column.setdefault(cell.header, []).append(cell)
    return by_column


def hidden_years(cells: list[HiddenYear], column_of=str) -> list[Problem]:
    """A warning for each column's dates whose cells show no year (`HiddenYear`), on the first
    of them, naming how many more there are and the last one's row: typed `7 Jan` in a year and
    of another, each is read in the year it was typed in, which the sheet does not show."""
    problems = []
    for header, column in _by_column(cells).items():
        first, more = column[0], len(column) - 1
        said = {
            "column": column_of(header),
            "format": f"'{first.number_format}'",
            "held": _held(first.value),
        }
        if more:
            text = say_n(
                "the {column} cell is formatted {format}, which shows no year, and is read as {held}, in the year "
                "it holds, as is {n} more cell of this column, down to row {last}: a spreadsheet gives a date typed "
                "without its year the year it is typed in. Format the cells as yyyy-mm-dd to see the year each "
                "holds, and type again those whose year is not the one meant",
                "the {column} cell is formatted {format}, which shows no year, and is read as {held}, in the year "
                "it holds, as are {n} more cells of this column, down to row {last}: a spreadsheet gives a date "
                "typed without its year the year it is typed in. Format the cells as yyyy-mm-dd to see the year "
                "each holds, and type again those whose year is not the one meant",
                more,
                last=column[-1].row,
                **said,
            )
        else:
            text = say(
                "the {column} cell is formatted {format}, which shows no year, and is read as {held}, in the year "
                "it holds: a spreadsheet gives a date typed without its year the year it is typed in. Format the "
                "cell as yyyy-mm-dd to see its year, and type it again if it is not the one meant",
                **said,
            )
        problems.append(Problem(first.row, said["column"], WARNING, text))
    return problems


def hidden_times(cells: list[HiddenTime], column_of=str) -> list[Problem]:
    """A warning for each column's days whose cells hold a time they do not show (`HiddenTime`),
    on the first of them, naming how many more there are and the last one's row: read as the
    days shown, as a CSV save of the sheet writes them."""
    problems = []
    for header, column in _by_column(cells).items():
        first, more = column[0], len(column) - 1
        said = {
            "column": column_of(header),
            "format": f"'{first.number_format}'",
            "day": dates.Day.of(first.value.year, first.value.month, first.value.day),
            "held": _held(first.value),
        }
        if more:
            text = say_n(
                "the {column} cell is formatted {format}, which shows no time, and is read as the day it shows, "
                "{day}, but it holds {held}, as does {n} more cell of this column, down to row {last}: to have the "
                "times read, format the cells as yyyy-mm-dd hh:mm; if the days alone are meant, nothing is wrong "
                "(type them again to hold no time)",
                "the {column} cell is formatted {format}, which shows no time, and is read as the day it shows, "
                "{day}, but it holds {held}, as do {n} more cells of this column, down to row {last}: to have the "
                "times read, format the cells as yyyy-mm-dd hh:mm; if the days alone are meant, nothing is wrong "
                "(type them again to hold no time)",
                more,
                last=column[-1].row,
                **said,
            )
        else:
            text = say(
                "the {column} cell is formatted {format}, which shows no time, and is read as the day it shows, "
                "{day}, but it holds {held}: to have the time read, format the cell as yyyy-mm-dd hh:mm; if the day "
                "alone is meant, nothing is wrong (type it again to hold no time)",
                **said,
            )
        problems.append(Problem(first.row, said["column"], WARNING, text))
    return problems


def dated_ids(cells: list[DatedId], column_of=str) -> list[Problem]:
    """A warning for each id cell that holds a date (`DatedId`): the row is kept, under the id
    its date is read as (the same for every account typed alike the same year), and the editor
    is told that it is not the id typed."""
    return [
        Problem(
            cell.row,
            column_of(cell.header),
            WARNING,
            say(
                "id {value} is a date in the sheet (formatted {format}): a spreadsheet makes a date of an id such "
                "as 12-1 or 3-4 typed into a cell that is not formatted as Text, so {value} is not the id typed; "
                "format the id column as Text and type the id again",
                value=show(cell_text(cell.value, cell.number_format)),  # (the id read)
                format=f"'{cell.number_format}'",
            ),
        )
        for cell in cells
    ]
