"""What a spreadsheet did to the file: damage that shows in many rows, or in none.

A spreadsheet that opens events.csv and saves it back may rewrite every date in its own form
(`1/7/22`, `07/01/2022 16:30`, `07.01.2022`), store dates as day numbers (`44568`), turn a year
into the day of that number (`1905-07-14` is day 2022), drop the zeros in front of an id or round
it (`2.02201E+15`), or garble text read in the wrong encoding (`Tokayevâ€™s`). Each row then gets
its own problem; the editor also needs the one cause behind them, said first in plain words, with
the fix for the program they use. `load` asks the functions here for `Finding`s while it checks
the values; `first` turns those that explain most of the problems into problems of row 0.

Everything here runs per distinct value, or per row only through vectorised masks, and only
on the values already found wrong or on a cheap pre-filter (a byte that must be there).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from dateutil.parser import parserinfo

from . import dates, links, workbook
from .problems import ERROR, WARNING, Finding, Message, Problem, ProblemCode, say, say_n, say_year, show

# How to open the file without the spreadsheet converting anything (what prevents each damage).
KEEP_AS_TEXT = say(
    "next time keep the columns as text: in Excel, Data > From Text/CSV (Mac: File > Import) "
    "with the columns set to Text; in LibreOffice, set them to Text in the import dialog; in "
    "Google Sheets, File > Import without 'Convert text to numbers, dates, and formulas'; "
    "Numbers always converts them"
)


def first(findings: list[Finding], problems: list[Problem]) -> list[Problem]:
    """The diagnoses to put before the row problems: a cause is said when it explains at least
    half of the rows that have a problem, and at least two (one row's own problem says enough);
    a file-level cause is always said."""
    troubled = {p.row for p in problems if p.row > 1}
    said = []
    for finding in findings:
        count = len(set(finding.rows.tolist()))
        if finding.always or (count >= 2 and 2 * count >= len(troubled)):
            said.append(dataclasses.replace(finding.problem, code=ProblemCode.DIAGNOSIS))
    return said


# --- dates rewritten by a spreadsheet ----------------------------------------------------------

# 1/7/22, 1/7/2022 16:30, 07/01/2022, 05/01/2022 16:30, 07.01.2022, 1/7/2022 4:30 PM
NUMERIC_DATE = re.compile(
    r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?",
    re.I | re.A,
)
_SAMPLE = 10_000  # distinct values enough to tell the order of day and month


def spreadsheet_dates(column: str, values: pd.Series, errors: dict, rows: np.ndarray) -> list[Finding]:
    """Dates a spreadsheet rewrote (`1/7/22`) or stored as day numbers (`44568`), among the
    column's unreadable dates. `values`: the column, stripped; `rows`: its row numbers."""
    if not errors:
        return []
    findings = []
    numeric = [text for text in errors if NUMERIC_DATE.fullmatch(text)]
    if numeric:
        findings += _rewritten(column, values, numeric, rows)
    months = [text for text in errors if SHOWN_MONTH.fullmatch(text)]
    if months:
        findings.append(_shown_months(column, values, months, rows))
    numbers = [text for text in errors if dates.is_day_number(text)]
    if numbers:
        at = values.isin(numbers).to_numpy()
        example = values[at].iloc[0]
        findings.append(
            Finding(
                rows[at],
                Problem(
                    0,
                    column,
                    ERROR,
                    say(
                        "{count:,} of {total:,} dates in {column} are numbers like {example!r}, the way a spreadsheet "
                        "stores a date ({example!r} is probably {day}): the column was formatted as numbers when "
                        "the file was saved. Take the dates from the copy saved before, or write each date as the "
                        "rows below say, in a spreadsheet after formatting the date columns as Text (Excel: Home > "
                        "Number Format > Text; LibreOffice: Format > Cells > Text; Google Sheets: Format > Number > "
                        "Plain text; Numbers: Format > Cell > Data Format Text). Never format a date column as a "
                        "date (yyyy-mm-dd included): a year alone becomes a day of 1905, a month becomes its first "
                        "day, and times are lost. And {keep_as_text}",
                        count=int(np.count_nonzero(at)),
                        total=_count(values),
                        column=column,
                        example=example,
                        day=dates.spreadsheet_day_label(example),
                        keep_as_text=KEEP_AS_TEXT,
                    ),
                ),
            )
        )
    return findings


# Jan-22: a month as Excel shows it (mmm-yy) once it has made a date of a month typed as 2022-01
# or Jan 2022 (it keeps the month's first day).
# ("", "jan", ..., "dec"): English's, as timeline.dates reads months (whatever the system's locale)
_MONTH_ABBREVIATIONS = ["", *(names[0].lower() for names in parserinfo.MONTHS)]
SHOWN_MONTH = re.compile(rf"({'|'.join(_MONTH_ABBREVIATIONS[1:])})-(\d{{2}})", re.I)


def _shown_months(column: str, values: pd.Series, months: list[str], rows: np.ndarray) -> Finding:
    at = values.isin(months).to_numpy()
    example = values[at].iloc[0]
    m = SHOWN_MONTH.fullmatch(example)
    assert m is not None, "a month shown so (SHOWN_MONTH picked it)"
    month = _MONTH_ABBREVIATIONS.index(m.group(1).lower())
    iso = f"{dates.two_digit_year(int(m.group(2))):04d}-{month:02d}"
    return Finding(
        rows[at],
        Problem(
            0,
            column,
            ERROR,
            say(
                "{count:,} of {total:,} dates in {column} are written like {example!r}, as Excel shows a month "
                "typed as {iso} (it stores the month's first day and shows it as mmm-yy): write each month as "
                "the rows below say ({example!r} is probably {iso}), or take them from the copy saved "
                "before, and {keep_as_text}",
                count=int(np.count_nonzero(at)),
                total=_count(values),
                column=column,
                example=example,
                iso=iso,
                keep_as_text=KEEP_AS_TEXT,
            ),
        ),
    )


# 03/01/22, 01.03.2022: a numeric date with no time, as a spreadsheet writes a day it holds.
NUMERIC_DAY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})", re.A)


def months_made_days(values: pd.Series) -> tuple[dict[str, str], Message] | None:
    """Numeric dates of a column that are probably months a spreadsheet made days of: a month typed
    as 2022-03 is kept as its first day and written in the sheet's form of a date, 03/01/22 as
    LibreOffice writes it with US settings. Said so when every numeric date of the column (read
    or not) is the 1st of a month in one order of day and month, and not in both (01/01/22 alone
    says nothing), of two months at least: ({value: its month as YYYY-MM}, the order), or None.
    A date written with dots is day first (as no setting writes one month first): 05.01.2022,
    06.01.2022 are days of January, never May and June."""
    shaped = values[values.str.contains(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d", regex=True)]
    distinct = pd.unique(shaped)[:_SAMPLE]
    matches = [NUMERIC_DAY.fullmatch(text) for text in distinct]
    if not matches or any(m is None for m in matches):  # (a time, or another form: days)
        return None
    pairs = [(int(m.group(1)), int(m.group(3))) for m in matches if m]
    dotted = any(m.group(2) == "." for m in matches if m)
    month_first = not dotted and all(day == 1 and 1 <= month <= 12 for month, day in pairs)
    day_first = all(day == 1 and 1 <= month <= 12 for day, month in pairs)
    if month_first == day_first:
        return None
    months = {}
    for m in matches:
        assert m is not None, "every value matched (checked above)"
        year = int(m.group(4)) if len(m.group(4)) == 4 else dates.two_digit_year(int(m.group(4)))
        months[m.group(0)] = f"{year:04d}-{int(m.group(1) if month_first else m.group(3)):02d}"
    if len(set(months.values())) < 2:
        return None
    return months, dates.MONTH_FIRST if month_first else dates.DAY_FIRST


def as_month(column: str, said: Message | str, month: str, order: Message) -> Message:
    """A numeric date's own message (it reads two ways, its year has two digits; or none: 01/01/22
    read as 1 January), with the month it probably is (months_made_days)."""
    return dates.both(said, dates.month_made_day(column, month, order))


def _count(values: pd.Series) -> int:
    return int(np.count_nonzero((values != "").to_numpy()))


_US = say("month first, as Excel and Numbers write dates with US settings")
_EITHER = say(
    "day and month in an order nothing in the file tells: day first, as Excel writes dates with UK settings, "
    "or month first, as LibreOffice writes them with US settings"
)


def _either(year: int, first: int, second: int, short: bool, timed: bool) -> Message:
    """Both readings of a date whose order of day and month nothing tells (01/05/22): month first
    (2022-01-05) and day first (2022-05-01); in the other century too for a year of two digits."""
    month_first = f"{year:04d}-{first:02d}-{second:02d}"
    day_first = f"{year:04d}-{second:02d}-{first:02d}"
    if short:
        other = year - 100 if year >= 2000 else year + 100
        return say(
            "{month_first} if month first or {day_first} if day first, or the same in {other}{time}",
            month_first=month_first,
            day_first=day_first,
            other=other,
            time=_AND_ITS_TIME if timed else "",
        )
    return say(
        "{month_first} if month first or {day_first} if day first{time}",
        month_first=month_first,
        day_first=day_first,
        time=_AND_ITS_TIME if timed else "",
    )


_AND_ITS_TIME = say(", and its time")


def _rewritten(column: str, values: pd.Series, numeric: list[str], rows: np.ndarray) -> list[Finding]:
    refused = values.isin(numeric).to_numpy()
    # The order of day and month: from every numeric date of the column, read or not.
    distinct = pd.unique(values[values.str.contains(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d", regex=True)])[:_SAMPLE]
    matches = [m for m in map(NUMERIC_DATE.fullmatch, distinct) if m]
    shaped = values.isin([m.group(0) for m in matches]).to_numpy() | refused
    dotted = any(m.group(2) == "." for m in matches)
    day_first = any(int(m.group(1)) > 12 for m in matches)
    month_first = any(int(m.group(3)) > 12 for m in matches)
    if dotted:
        order, form = (
            "day",
            say("day first, with dots, as Excel and LibreOffice write dates with German and other European settings"),
        )
    elif day_first and not month_first:
        order, form = "day", say("day first, as Excel and LibreOffice write dates with UK and most European settings")
    elif month_first and not day_first:
        order, form = "month", _US
    else:
        # (01/05/22: Excel with UK settings writes the zeros, day first; LibreOffice with US
        # settings too, month first. 2/1/2022, no zeros: Excel with US settings, month first, but
        # Google Sheets with Spanish or Italian settings too, and 2-1-2022 Dutch Windows, day
        # first. With no day over 12, nothing here tells them apart: 2/1/2022 to 11/1/2022 in a
        # chronology of January was told "probably 2022-02-01".)
        order, form = "", _EITHER
    candidates = values[refused]
    if dotted:  # (the form said is the dots': its example one of theirs, not a 1/5/2022 among them)
        with_dots = candidates[candidates.str.contains(r"^\d{1,2}\.", regex=True)]
        candidates = with_dots if len(with_dots) else candidates
    example = candidates.iloc[0]
    m = NUMERIC_DATE.fullmatch(example)
    assert m is not None, "a refused value is a numeric date (NUMERIC_DATE picked it)"
    a, b, year = int(m.group(1)), int(m.group(3)), m.group(4)
    day, month = (a, b) if order == "day" else (b, a)
    short, year = len(year) == 2, int(year) if len(year) != 2 else dates.two_digit_year(int(year))
    if not order:
        probably = _either(year, a, b, short, ":" in example)
    elif short:  # (06: 2006 as spreadsheets read it, or 1906)
        other = year - 100 if year >= 2000 else year + 100
        probably = (
            say(
                "{year:04d}-{month:02d}-{day:02d} or {other:04d}-{month:02d}-{day:02d}, and its time",
                year=year,
                other=other,
                month=month,
                day=day,
            )
            if ":" in example
            else say(
                "{year:04d}-{month:02d}-{day:02d} or {other:04d}-{month:02d}-{day:02d}",
                year=year,
                other=other,
                month=month,
                day=day,
            )
        )
    else:
        probably = (
            say("{year:04d}-{month:02d}-{day:02d} and its time", year=year, month=month, day=day)
            if ":" in example
            else say("{year:04d}-{month:02d}-{day:02d}", year=year, month=month, day=day)
        )
    months = months_made_days(values)
    # (03/01/22, 04/01/22: months, each kept as its first day; in the other order, they are days of
    # January, as likely within one year: a chronology of 2 to 12 January 2022. Across years
    # (11/01/21, 12/01/21, 01/01/22), days of January of each are not: the months are named first.)
    if months and len({month[:4] for month in months[0].values()}) > 1:
        probably = say(
            "the month {month}, as every one is the 1st of a month ({order}); if they are days, {probably}",
            month=months[0][example],
            order=months[1],
            probably=probably,
        )
    return [
        Finding(
            rows[refused],
            Problem(
                0,
                column,
                ERROR,
                say(
                    "{count:,} of {total:,} dates in {column} are written like {example!r} ({form}): a spreadsheet "
                    "most likely rewrote them when it saved the file, and {refused:,} of them can be read two ways "
                    "or not at all, so their rows are left out; write them year first ({example!r} is probably "
                    "{probably}), or take them from the copy saved before, and {keep_as_text}",
                    count=int(np.count_nonzero(shaped)),
                    total=_count(values),
                    column=column,
                    example=example,
                    form=form,
                    refused=int(np.count_nonzero(refused)),
                    probably=probably,
                    keep_as_text=KEEP_AS_TEXT,
                ),
            ),
        )
    ]


# --- years turned into days: 2022 shown as 1905-07-14 -----------------------------------------

_DAY = np.timedelta64(86400, "s")
FIRST_YEAR_AS_DAY, LAST_YEAR_AS_DAY = 1000, 2200  # 1902-09-26 .. 1906-01-08


def years_as_days(
    column: str,
    parsed: dates.ParsedDates,
    others: list[dates.ParsedDates],
    rows: np.ndarray,
    kept: np.ndarray,
    short: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, Finding | None]:
    """Dates that are probably a year a spreadsheet turned into the day of that number:
    (mask of rows, the year per row, a Finding). Excel stores 2022 typed alone as the number
    2022 and, once the column is formatted as dates, writes day 2022 of its calendar, 14 July
    1905 (LibreOffice and Google Sheets too: all three count from 30 December 1899 there).

    A real date in 1902-1906 looks the same, so the day number alone is not enough. The rule:
    a date in that window read to the day (or at 00:00, as a date and time format writes it)
    whose day number is a year from 1000 to 2200 is warned about when that year is one the file's other dates are in (give or take a year, and at least
    half as many as the file's average: a 2022 chronology with 1905-07-14 in it), or when at
    least two rows show it and no other date of the file is near 1900-1910 (a file whose only
    early dates are these). A history of the 1905 revolution has other dates around 1905 and day
    numbers (1849, ...) outside its years: it is left alone; so is a history of centuries whose
    8 April 1904 (day 1560) lands among its years but in none of its own (1221, 1439, 1569, ...),
    and one whose column holds years written as years (1066, 1559: no spreadsheet made that
    column's numbers days), even where one of them is within a year of the day number.

    `short`, where given, marks the rows whose year was written with two digits (7/14/05, as a
    sheet with US settings shows day 2022 in m/d/yy): read in this century (2005), they are the
    same days a century earlier (1905-07-14), looked at so."""
    none = np.zeros(len(rows), dtype=bool)
    no_year = np.zeros(len(rows), dtype=np.int64)  # (the year is read only where there is a Finding)
    zero = _day_zero()
    low, high = _year_window()
    value = parsed.value.to_numpy()
    moved = none  # (the rows of `short` read a century earlier)
    if short is not None and short.any():
        moved, value = _century_earlier(value, short)
    elif not parsed.any_within(low, high):
        return none, no_year, None
    window = (value >= low) & (value <= high) & kept
    if not window.any():
        return none, no_year, None
    precision = np.asarray(parsed.distinct_precision, dtype=object)[parsed.take]
    # (a day, or a day at 00:00 with no offset: a column formatted yyyy-mm-dd hh:mm or dd/mm/yyyy
    # hh:mm writes the year typed in it so, 1905-07-14 00:00)
    midnight = (
        np.isin(precision, ("minute", "second"))
        & (value == value.astype("datetime64[D]"))
        & (np.asarray(parsed.distinct_offset, dtype=object)[parsed.take] == "")
    )
    candidate = window & ((precision == "day") | midnight)
    if not candidate.any():
        return none, no_year, None
    # A year written as a year (1066, 1559) in the same column was not made a day: a spreadsheet
    # that formats a column as dates makes every number typed in it a day.
    years_written = kept & (precision == "year") & ~np.isnat(value)
    if years_written.any():
        written = value[years_written].astype("datetime64[Y]").astype(np.int64) + 1970
        if ((written >= FIRST_YEAR_AS_DAY) & (written <= LAST_YEAR_AS_DAY)).any():
            return none, no_year, None
    # (No date, NaT, is read as day 0: only the candidates' years are used.)
    year = ((np.where(np.isnat(value), zero, value) - zero) // _DAY).astype(np.int64)
    # The years of every other date in the file (this column's others, and the other columns').
    other_values = [value[~candidate & kept]] + [o.value.to_numpy() for o in others]
    other_years = np.concatenate(
        [v[~np.isnat(v)].astype("datetime64[Y]").astype(np.int64) + 1970 for v in other_values]
    )
    other_years = other_years[(other_years < 1895) | (other_years > 1910)] if len(other_years) else other_years
    within = np.zeros_like(candidate)
    within[candidate] = _among(year[candidate], other_years)
    # (several, and no year still to come among them: a history of 1905 whose every date is in the
    # window, 1905-10-30 the day 2130, is no column of years typed alone; nor a history of 2004-2006
    # written with years of two digits: those only among the file's years)
    alone = candidate & ~moved
    several = (
        np.count_nonzero(alone) >= 2
        and not _near_1900(other_values, alone)
        and int(year[alone].max()) <= dates.this_year()
    )
    flagged = within | (alone if several else none)
    if not flagged.any():
        return none, no_year, None
    example_year = int(year[flagged][0])
    example = str(np.datetime_as_string(value[flagged][0], unit="D"))
    finding = Finding(
        rows[flagged],
        Problem(
            0,
            column,
            WARNING,
            say(
                "{count:,} dates in {column}, such as {example!r}, are probably years: a spreadsheet stores a "
                "year written alone ({year}) as a number and, once the column is formatted as dates, writes it "
                "as the day of that number (day {year} is {example}); write each as its year, as the rows below "
                "say, and {keep_as_text}",
                count=int(np.count_nonzero(flagged)),
                column=column,
                example=example,
                year=example_year,
                keep_as_text=KEEP_AS_TEXT,
            ),
        ),
    )
    return flagged, year, finding


HALF = 0.5  # years_as_days: of the file's other dates a year either way, at least half as many as on average


def _among(years: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Per year, whether at least one of `others` is within a year of it, and at least HALF as
    many as the file has in three years on average (one date in a history of centuries is chance)."""
    if not len(others):
        return np.zeros(len(years), dtype=bool)
    first = int(others.min())
    up_to = np.concatenate([[0], np.cumsum(np.bincount(others - first))])  # (dates before each year)
    at = np.clip(years - first - 1, 0, len(up_to) - 1), np.clip(years - first + 2, 0, len(up_to) - 1)
    span = len(up_to) - 1  # (years from the first to the last)
    expected = len(others) * min(3, span) / span  # (as many a year either way as the file has on average)
    return up_to[at[1]] - up_to[at[0]] >= max(1.0, HALF * expected)


def _day_zero() -> np.datetime64:
    """Day 0 of the spreadsheet read (dates.day_zero: 30 December 1899, or 1 January 1904)."""
    return dates.day_zero.get().astype("datetime64[s]")


def _year_window() -> tuple[np.datetime64, np.datetime64]:
    """The days a year from FIRST_YEAR_AS_DAY to LAST_YEAR_AS_DAY becomes (1902-09-26 to
    1906-01-08; in a workbook of the 1904 date system, 1906-09-27 to 1910-01-09)."""
    zero = _day_zero()
    return zero + FIRST_YEAR_AS_DAY * _DAY, zero + LAST_YEAR_AS_DAY * _DAY


def in_year_window(*parsed: dates.ParsedDates) -> bool:
    """Whether any date lies where `years_as_days` looks (then whether it warns depends on every
    other date of the file)."""
    low, high = _year_window()
    return any(p.any_within(low, high) for p in parsed)


def short_in_year_window(parsed: dates.ParsedDates, short: np.ndarray | None) -> bool:
    """Whether a date of `short` (a year of two digits, years_as_days) lies a century earlier where
    `years_as_days` looks."""
    return short is not None and bool(_century_earlier(parsed.value.to_numpy(), short)[0].any())


def _century_earlier(value: np.ndarray, short: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The dates of `short` that a century earlier lie in _year_window (a mask), and the values with
    those so read (7/14/05, read as 2005-07-14: 1905-07-14, day 2022)."""
    low, high = _year_window()
    earlier = np.full(len(value), np.datetime64("NaT"), value.dtype)
    at = np.flatnonzero(short & ~np.isnat(value))
    earlier[at] = (pd.DatetimeIndex(value[at]) - pd.DateOffset(years=100)).to_numpy().astype(value.dtype)
    moved = (earlier >= low) & (earlier <= high)
    return moved, np.where(moved, earlier, value)


def _near_1900(other_values: list[np.ndarray], candidate: np.ndarray) -> bool:
    for v in other_values:
        v = v[~np.isnat(v)]
        if len(v) and ((v >= np.datetime64("1895-01-01")) & (v < np.datetime64("1911-01-01"))).any():
            return True
    return False


def year_as_day_message(column: str, value: str, year: int, read: np.datetime64 | None = None) -> Message:
    """`read`: where the value's year has two digits, the date it is read as (7/7/05: 7 July 2005),
    as likely a date of its own as a year made a day: both named."""
    if read is not None:
        y, m, d = dates.fields(read)[:3]
        return say_year(
            "{column} {value} has a year of two digits, read as {day}; it may also be the year {year}: a "
            "spreadsheet writes a year it holds as a number as the day of that number once the column is "
            "formatted as dates (day {year} is {written}); if the source gives only the year, write {year}, and "
            "keep the column as text in the spreadsheet; if {day} is meant, write {iso}",
            column=column,
            value=show(value),
            written=value,
            year=int(year),
            day=dates.Day.of(y, m, d),
            iso=dates.as_written(read, "day"),
        )
    return say_year(
        "{column} {value} is probably the year {year}: a spreadsheet writes a year it holds as a "
        "number as the day of that number once the column is formatted as dates (day {year} is "
        "{day}); if the source gives only the year, write {year}, and keep the column as text in "
        "the spreadsheet",
        column=column,
        value=show(value),
        year=int(year),
        day=value,
    )


# --- ids a spreadsheet read as numbers ---------------------------------------------------------

SCIENTIFIC = r"[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+"


def numeric_ids(ids: pd.Series, rows: np.ndarray, digits: np.ndarray, scientific: np.ndarray) -> Finding | None:
    flagged = digits | scientific
    if not flagged.any():
        return None
    example = ids[flagged].iloc[0]
    return Finding(
        rows[flagged],
        Problem(
            0,
            "id",
            WARNING,
            say(
                "{count:,} ids are numbers, such as {example!r}: a spreadsheet reads such an id as a number, "
                "which drops the zeros in front (000417 becomes 417) and rounds long ones (2022010000000417 "
                "becomes 2.02201E+15), and that breaks the links to these events; take the ids from the copy "
                "saved before, and {keep_as_text}",
                count=int(np.count_nonzero(flagged)),
                example=example,
                keep_as_text=KEEP_AS_TEXT,
            ),
        ),
    )


def digits_id_message(value: str) -> Message:
    return say(
        "id {value} is only digits: a spreadsheet reads it as a number and drops any zeros in "
        "front (000417 becomes 417), which breaks the links to this event; if it had zeros in "
        "front, write them back, and keep the id column as text in the spreadsheet (or begin "
        "new ids with a letter)",
        value=show(value),
    )


def scientific_id_message(value: str) -> Message:
    return say(
        "id {value} is a long number that a spreadsheet rounded and wrote in scientific "
        "notation, so its last digits are lost (and other ids may have become the same "
        "number); take the id from the copy saved before, and keep the id column as text in "
        "the spreadsheet",
        value=show(value),
    )


# --- text garbled by a wrong encoding ----------------------------------------------------------

# UTF-8 read as Windows-1252 or Latin-1: a letter from À to ï (a UTF-8 lead byte, read as one
# character), then a character of the cp1252 range 0x80-0xBF (a continuation byte). Or read as
# Windows-1251, as Excel set to Russian or Kazakh reads a CSV file: Р, С, Т or У (the lead bytes
# of Cyrillic letters), then a character of the cp1251 range 0x80-0xBF, twice. ftfy decides.
_CP1251_CONTINUATION = "".join(sorted(set(bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore"))))
_MOJIBAKE_HINT = (
    "[\u00c2-\u00ef][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
    # (Two such pairs in a row, as every garbled word of two Cyrillic letters has: one pair alone is
    # Russian as often, «ТАСС» or Тёплый.)
    "|(?:[\u0420-\u0423][" + _CP1251_CONTINUATION + "]){2}"  # (no character of it is special in a class)
    # (Or a code page of another script read as Western text, Windows-1252, and saved so: Токаев
    # as Òîêàåâ, احتجاجات as ÇÍÊÌÇÌÇÊ, a word of four letters from À to ÿ at least:
    # _other_script_as_western.)
    "|[\u00c0-\u00ff]{4}"
)
# A letter of Windows-1251's Cyrillic as Windows-1252 shows its byte (А-я: À-ÿ; Ё, ё: ¨, ¸), and
# of the other code pages below (Greek α-ω: á-ù; Hebrew א-ת: à-ú; Arabic ا: Ç).
_WESTERN_LETTERS = "\u00c0-\u00ff\u00a8\u00b8"


@dataclass(frozen=True)
class CodePage:
    """A Windows code page of another script than Latin, that a spreadsheet set to a language of
    that script saves a CSV file in."""

    encoding: str  # Python's name
    name: str  # as Excel's File Origin and LibreOffice's Character set name it
    script: Message
    common: str  # the script's ten commonest letters in running text: about half of it
    # (the beginnings of its characters' Unicode names: what detected_code_page checks a reading by)
    characters: tuple[str, ...] = ()
    # What saves a file in it, where that is no spreadsheet set to a language of its script (a code
    # page of Western Europe's letters: a Mac's, DOS's); its messages then say so.
    saved_by: Message | None = None

    @property
    def iconv(self) -> str:
        """Its name as iconv (GNU's, macOS's) takes it: CP1251, KOI8-R, SHIFT-JIS, GB18030."""
        name = self.encoding.upper().replace("_", "-").replace("ISO8859-", "ISO-8859-")
        if name == "MAC-CYRILLIC":
            return "MACCYRILLIC"  # (both GNU's and macOS's name it so)
        if name == "MAC-ROMAN":
            return "MACINTOSH"  # (GNU's and macOS's name for it)
        return "GB18030" if name in ("GBK", "GB2312") else name  # (GB18030 holds GBK's every character)

    @property
    def as_western(self) -> str:  # (the "encoding" garbled() gives a text of it read as Windows-1252)
        return f"{self.name} as Windows-1252"


# (Western text, Windows-1252 or Latin-1, is the one told where none of these is found.)
CODE_PAGES = (
    CodePage("cp1251", "Windows-1251", say("Cyrillic"), "оеаинтсрвл", ("CYRILLIC",)),  # (Russian, Ukrainian, Bulgarian)
    CodePage("cp1253", "Windows-1253", say("Greek"), "αοειτνσςηρ", ("GREEK",)),
    CodePage("cp1255", "Windows-1255", say("Hebrew"), "יוהלארמתבש", ("HEBREW",)),
    CodePage("cp1256", "Windows-1256", dates.LANGUAGES["ar"], "اليمونهرتب", ("ARABIC",)),  # (Persian, Urdu)
)
# Cyrillic as a Mac saves it (Excel's "CSV (Macintosh)" set to Russian): its small letters are
# Windows-1251's but for я, its capitals where Windows-1251 has punctuation (П is its Џ): told
# apart by its capitals (csvfile.code_page), else opened as Windows-1251 its capitals read wrong.
MAC_CYRILLIC = dataclasses.replace(CODE_PAGES[0], encoding="mac_cyrillic", name="Macintosh")
_AS_WESTERN = {page.as_western: page for page in CODE_PAGES}
# The code pages charset-normalizer may find a file in, whose text Windows-1252 garbles (the
# Latin ones, whose letters it mostly keeps, are told as Western text), by its names for them.
# (The characters of each script by the beginnings of their Unicode names: Japanese's kana, not
# the half-width ones a Russian text in KOI8-R reads as in Shift-JIS.)
_DETECTED = {
    **{page.encoding: page for page in CODE_PAGES},
    **{
        encoding: CodePage(encoding, name, like.script, "", like.characters)
        for like, pages in (
            (
                CODE_PAGES[0],
                {
                    "koi8_r": "KOI8-R",
                    "koi8_u": "KOI8-U",
                    "cp866": "DOS-866",
                    "cp1125": "CP1125",
                    "iso8859_5": "ISO-8859-5",
                },
            ),
            (CODE_PAGES[1], {"iso8859_7": "ISO-8859-7"}),
            (CODE_PAGES[2], {"iso8859_8": "ISO-8859-8"}),
            (CODE_PAGES[3], {"iso8859_6": "ISO-8859-6"}),
            (
                CodePage("", "", say("Japanese"), "", ("CJK", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC", "FULLWIDTH")),
                {"cp932": "Shift-JIS", "shift_jis": "Shift-JIS", "euc_jp": "EUC-JP"},
            ),
            (
                CodePage("", "", say("Chinese"), "", ("CJK", "IDEOGRAPHIC", "FULLWIDTH")),
                {"gb18030": "GBK", "gbk": "GBK", "gb2312": "GBK", "big5": "Big5", "cp950": "Big5"},
            ),
            (
                CodePage("", "", say("Korean"), "", ("HANGUL", "CJK", "IDEOGRAPHIC", "FULLWIDTH")),
                {"cp949": "Windows-949", "euc_kr": "EUC-KR"},
            ),
            (
                CodePage("", "", say("Thai"), "", ("THAI",)),
                {"cp874": "Windows-874", "tis_620": "TIS-620", "iso8859_11": "ISO-8859-11"},
            ),
        )
        for encoding, name in pages.items()
    },
}


def _letter_in(encoding: str, byte: int) -> bool:
    try:
        return bytes([byte]).decode(encoding).isalpha()
    except UnicodeDecodeError:  # (a byte the code page has no character for)
        return False


# The code pages of Latin letters beside Western's (Windows-1252) that a spreadsheet set to
# Polish, Czech, Romanian (Central European) or Turkish saves a plain CSV in. Opened as Western
# text, their letters are others for good: ł ą ż as ³ ¹ ¿, ş ğ as þ ð.
CENTRAL_EUROPEAN = CodePage("cp1250", "Windows-1250", say("Central European"), "", ("LATIN",))
TURKISH = CodePage("cp1254", "Windows-1254", dates.LANGUAGES["tr"], "", ("LATIN",))
LATIN_2 = dataclasses.replace(CENTRAL_EUROPEAN, encoding="iso8859_2", name="ISO-8859-2")
# Latvian and Lithuanian as a spreadsheet set to either saves a plain CSV (Windows-1257): opened as
# Western text, ā ē ī š ž are â ç î ð þ for good.
BALTIC = CodePage("cp1257", "Windows-1257", say("Baltic"), "", ("LATIN",))
# Western Europe's letters as a Mac saves them (Excel for Mac's 'CSV (Macintosh)', with a carriage
# return alone at each line's end) and as DOS does (Excel's 'CSV (MS-DOS)': code page 850, whose
# letters are code page 437's, the US one's, but for ø Ø and those from 0xB5): opened as Western
# text, é is Ž or ‚ for good.
_WESTERN_EUROPEAN = say("Western European")
MAC_ROMAN = CodePage(
    "mac_roman", "Mac Roman", _WESTERN_EUROPEAN, "", ("LATIN",), say("as Excel for Mac saves 'CSV (Macintosh)'")
)
DOS_WESTERN = CodePage("cp850", "DOS-850", _WESTERN_EUROPEAN, "", ("LATIN",), say("as Excel saves 'CSV (MS-DOS)'"))
# Central European's letters that Western text reads as signs (³ ¹ ¿ £ ¥ ¯ º ª) or has no
# character for; ISO-8859-2's that Windows-1250 reads as signs (± ¶); Western's letters that
# Central European reads as signs (ƒ ˆ ÿ).
_CENTRAL_BYTES = bytes(b for b in range(0x80, 0x100) if _letter_in("cp1250", b) and not _letter_in("cp1252", b))
_LATIN_2_BYTES = bytes(b for b in range(0xA0, 0x100) if _letter_in("iso8859_2", b) and not _letter_in("cp1250", b))
_WESTERN_BYTES = bytes(b for b in range(0x80, 0x100) if _letter_in("cp1252", b) and not _letter_in("cp1250", b))
# Bytes that are letters both as Western and as Central European text: with ASCII's letters, what
# a word goes on with on either side of a letter (not ¿ after « or “: Spanish's «¿Qué?»).
_LETTERS_BOTH = np.array(
    [chr(b).isalpha() if b < 0x80 else _letter_in("cp1252", b) and _letter_in("cp1250", b) for b in range(256)]
)
# Turkish's ğ ş Ğ Ş, Western's ð þ Ð Þ: letters of Icelandic, whose æ á é í ó ú Turkish has not.
_TURKISH_BYTES, _ICELANDIC_BYTES = b"\xf0\xfe\xd0\xde", b"\xe6\xc6\xe1\xe9\xed\xf3\xfa\xc1\xc9\xcd\xd3\xda"


def latin_page(raw: bytes) -> CodePage | None:
    """Central European's or Turkish code page where a file that is not UTF-8, of Latin letters
    (not words of three bytes or more beyond ASCII: code_page_of's), reads in it and not as
    Western text: letters that Western text reads as signs, inside words; or letters Western
    text has, but not together (Czech's ě ř, Western's ì ø; Hungarian's ő ű, õ û; Turkish's ğ ş
    with ı, Icelandic's ð þ with ý). None where it may be Western text: told to such a file, the
    command `add` gives would garble it for good. None too for a file mostly UTF-8, with some rows
    of another encoding (opened as another code page, its UTF-8 rows would be garbled)."""
    text = raw.decode("utf-8", errors="surrogateescape")
    foreign = len(_NOT_UTF8.findall(text))
    if not foreign or len(_UTF8_LETTERS.findall(text)) >= foreign:
        return None
    view = np.frombuffer(_UTF8_LETTERS.sub("\x00", text).encode("latin-1", errors="surrogateescape"), np.uint8)
    if len(view) < 3:
        return None
    word = _LETTERS_BOTH[view]
    inside = np.zeros(len(view), dtype=bool)
    inside[1:-1] = word[:-2] & word[2:] & (view[1:-1] >= 0x80)
    found = np.bincount(view[inside], minlength=256)
    anywhere = np.bincount(view, minlength=256)

    def seen(which: bytes, counts: np.ndarray = found) -> int:
        return int(counts[list(which)].sum())

    def letters_in(page: CodePage) -> bool:  # (every byte inside a word a letter in it)
        return all(_letter_in(page.encoding, b) for b in np.flatnonzero(found).tolist())

    signs = _CENTRAL_BYTES + _LATIN_2_BYTES
    central = int(np.count_nonzero(found[list(signs)])) >= 2 and not seen(_WESTERN_BYTES)
    # (Czech's ě ř, with č, š or ž, and no å or à; Hungarian's ő ű, with á and é, and none of à â ã ç è ê ñ)
    central |= min(found[0xEC], found[0xF8]) >= 2 and seen(b"\xe8\x9a\x9e") > 0 and not seen(b"\xe5\xc5\xe0", anywhere)
    central |= (
        found[0xF5] >= 2
        and found[0xFB] >= 1
        and min(anywhere[0xE1], anywhere[0xE9]) > 0
        and not seen(b"\xe0\xe2\xe3\xe7\xe8\xea\xf1", anywhere)
    )
    # (Slovak's ľ ť, ¾ and no character in Western text, twice: the one Slovak letter Western text
    # reads as a sign; or ISO-8859-2's ľ, which both read as µ, a sign inside a word)
    central |= (seen(b"\xbe\x9d") >= 2 or found[0xB5] >= 2) and not seen(_WESTERN_BYTES)
    if central:
        # (ISO-8859-2's ą ś, as old Unix programs and web pages save Polish, are ± ¶ in Windows-1250;
        # its š ž, Windows-1250's ą ľ, are found together, or with Czech's ě ř, where Windows-1250
        # would read a Polish letter beside a Slovak one, or either among Czech's; its ľ is µ there)
        # (ž alone beside Czech's ř, not ě, may be Slovak's ľ beside a Czech name, Dvořák, in Windows-1250)
        czech = seen(b"\xec\xf8") and (found[0xB9] or (found[0xBE] and found[0xEC] >= 2))
        iso = seen(_LATIN_2_BYTES) or (found[0xB9] and found[0xBE]) or czech
        if (iso or found[0xB5]) and letters_in(LATIN_2):
            return LATIN_2
        return CENTRAL_EUROPEAN if letters_in(CENTRAL_EUROPEAN) else None
    if seen(_TURKISH_BYTES) >= 2 and anywhere[0xFD] and not seen(_ICELANDIC_BYTES, anywhere) and letters_in(TURKISH):
        return TURKISH
    # (Latvian's ā ī ē ū ņ ļ, Western's â î ç û ò ï, three times inside words, with none of French's é ê ô ù,
    # nor Icelandic's and Spanish's ó ú ý; Lithuanian's š ž, Western's ð þ, twice, with two of its ė ą č ų ū ę į,
    # Western's ë à è ø û æ á, which Icelandic, whose ð þ are, has not, nor any of those)
    western = seen(b"\xe9\xea\xf4\xf9\xf3\xfa\xfd", anywhere)
    latvian = (
        seen(b"\xe2\xee\xe7\xfb\xf2\xef") >= 3 and int(np.count_nonzero(found[list(b"\xe2\xee\xe7\xfb\xf2\xef")])) >= 2
    )
    lithuanian = seen(b"\xf0\xfe") >= 2 and int(np.count_nonzero(found[list(b"\xeb\xe0\xe8\xf8\xfb\xe6\xe1")])) >= 2
    if (latvian or lithuanian) and not western and letters_in(BALTIC):
        return BALTIC
    return _western_elsewhere(raw, view)


def _western_elsewhere(raw: bytes, view: np.ndarray) -> CodePage | None:
    """Mac Roman or DOS-850 where Western text (Windows-1252) reads a file's letters as signs or as
    capitals inside words (café as cafŽ or caf‚, Señor as Se–or or Se¤or), twice or more, and one of
    them reads every such letter as a small letter or a capital where one begins a word; a Mac's
    where both do and its lines end with a carriage return alone. None for any other file."""
    if _odd_letters(view, "cp1252") < 2:
        return None
    candidates = [page for page in (MAC_ROMAN, DOS_WESTERN) if not _odd_letters(view, page.encoding)]
    if len(candidates) > 1:
        candidates = [MAC_ROMAN] if b"\n" not in raw and b"\r" in raw else []
    return candidates[0] if candidates else None


def _odd_letters(view: np.ndarray, encoding: str) -> int:
    """How many bytes of 0x80 or more between two letters a text reads as no letter (not an
    apostrophe: don’t), or as a capital after a small letter, in that encoding."""
    table = _READS[encoding]
    letter = table[0][view]
    odd = np.zeros(len(view), dtype=bool)
    if len(view) >= 3:
        high = view[1:-1] >= 0x80
        between = letter[:-2] & letter[2:]
        odd[1:-1] = high & ((between & table[2][view[1:-1]]) | (table[1][view[1:-1]] & table[3][view[:-2]]))
    return int(np.count_nonzero(odd))


def _reading(encoding: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per byte, in `encoding`: a letter; a capital; a sign (no letter, nor what Western text writes
    between two letters: an apostrophe, didn’t; a dash or an ellipsis with no space, dawn—witnesses,
    was…unsure; a middle dot, a no-break space, a soft hyphen); a small letter."""
    chars = [bytes([b]).decode(encoding, errors="replace") for b in range(256)]
    return (
        np.array([c.isalpha() for c in chars]),
        np.array([c.isupper() for c in chars]),
        np.array([not c.isalpha() and c not in "’'‘—–…·\xa0\xad" for c in chars]),
        np.array([c.islower() for c in chars]),
    )


_READS = {encoding: _reading(encoding) for encoding in ("cp1252", "mac_roman", "cp850")}


# A byte that is not UTF-8 (decoded with surrogateescape), and a character UTF-8 encodes in more than one.
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
_UTF8_LETTERS = re.compile("[^\x00-\x7f\udc80-\udcff]")


def detected_code_page(sample: bytes) -> CodePage | None:
    """The code page of another script than Latin that charset-normalizer finds `sample` (lines
    of a file that is not UTF-8) in: KOI8-R, Shift-JIS (Japanese Excel's CSV), GBK, Big5, Korean's
    and Thai's, besides those code_page_of finds; where the sample's characters that are not
    ASCII read in it are that script's, nine in ten at least (on a line or two, charset-normalizer
    may take Russian in KOI8-R for Japanese). None for any other (Western text's)."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    page = _DETECTED.get(best.encoding) if best is not None else None
    if page is not None and page.encoding == "cp1125" and not re.search(rb"[\xf2-\xf9]", sample):
        # (DOS-866's Russian, which charset-normalizer takes for its Ukrainian kin, CP1125: the
        # two differ only in Ukrainian's letters, 0xF2-0xF9; DOS-866 is what programs name)
        page = _DETECTED["cp866"]
    if page is None:
        return None
    read = [c for c in sample.decode(page.encoding, errors="replace") if ord(c) >= 0x80]
    theirs = sum(unicodedata.name(c, "").startswith(page.characters) for c in read)
    return page if read and theirs >= 0.9 * len(read) else None


def code_page_of(letters: bytes, capitals: bool = False) -> CodePage | None:
    """The code page whose script `letters` (a text's bytes of 0x80 or more) read as: read in
    each, its script's commonest letters are half or more of them in its own (0.56-0.74 in news
    text), at most 0.44 in another's; the one that reads so, a third ahead of the next. None where
    none does (Western text's accented letters; KOI8-R's Russian). Those letters in capitals too
    with `capitals`, for a value that may be written in them (ÒÀÑÑ: ТАСС); not for a whole file,
    whose text is mostly small letters, as one code page's capitals are another's letters (Arabic's
    bytes read as Windows-1251's Cyrillic are capitals)."""
    if not letters:
        return None
    shares = []
    for page in CODE_PAGES:
        read = letters.decode(page.encoding, errors="replace")
        common = page.common + page.common.upper() if capitals else page.common
        shares.append((sum(c in common for c in read) / len(read), page))
    shares.sort(key=lambda share: -share[0])
    (best, page), (second, _) = shares[0], shares[1]
    return page if best >= 0.5 and best >= 1.33 * second else None


# The first bytes of every such text, whichever it is (load looks at a column only if it holds one).
MOJIBAKE_BYTES = (b"\xc3", "Р".encode(), "С".encode())
# ftfy's names for the encodings it undoes, as a spreadsheet's menus name them.
_ENCODINGS = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "latin-1": "Windows-1252",
    "sloppy-windows-1251": "Windows-1251",
    "windows-1251": "Windows-1251",
}


def _undone(text: str) -> tuple[str, str]:
    """(text as it probably reads, the encoding a program read it in), or (text, "")."""
    import ftfy

    fixed = ftfy.fix_encoding_and_explain(text)
    steps = [step for step in fixed.explanation or () if step[0] == "encode"]
    if fixed.text == text or not steps:
        return text, ""
    return fixed.text, _ENCODINGS.get(steps[0][1], steps[0][1])


def garbled(values: pd.Series) -> dict[str, tuple[str, str]]:
    """The values of a text column that are mojibake: {value: (what it probably reads, the
    encoding a program read it in)}. The column is scanned by Arrow for the pattern every such
    text has (a fast pre-filter), then ftfy decides for each distinct candidate."""
    from ftfy.badness import is_bad

    candidates = pc.match_substring_regex(pa.array(values.array), _MOJIBAKE_HINT).to_numpy(zero_copy_only=False)
    if not candidates.any():
        return {}
    found, others = {}, []
    for text in pd.unique(values[candidates]):
        if is_bad(text):
            fixed, encoding = _undone(text)
            if encoding:
                found[text] = (fixed, encoding)
                continue
        if _other_script_as_western(text):
            others.append(text)
    return found | _read_in_other_script(others)


def _other_script_as_western(text: str) -> bool:
    """Whether a text may be a code page's of another script read as Windows-1252 (Òîêàåâ
    âûñòóïèë: Токаев выступил; ÇÍÊÌÇÌÇÊ: احتجاجات): a word of five such letters alone (Òîêàåâ
    says), or half its letters in such words, one of four letters at least (ÒÀÑÑ). Western
    languages have a word of accented letters alone seldom, and short (ÉTÉ)."""
    words = re.findall(rf"[\w{_WESTERN_LETTERS}]+", text)
    letters = sum(len(word) for word in words)
    # (of three letters or more that differ: ééééé is no word)
    garbled = [word for word in words if re.fullmatch(rf"[{_WESTERN_LETTERS}]+", word) and len(set(word)) >= 3]
    longest = max(map(len, garbled), default=0)
    return longest >= 5 or (longest >= 4 and 2 * sum(map(len, garbled)) >= letters)


def _read_in_other_script(texts: list[str]) -> dict[str, tuple[str, str]]:
    """{text: (what it reads, its code page's as_western)} for texts of one column that may be a
    code page's of another script read as Windows-1252 (_other_script_as_western): the code page
    their letters read as together (code_page_of: a file is saved in one; a word alone may read as
    two scripts), Cyrillic's where they read as none (a word or two: Сообщение reads as Hebrew's
    commonest letters as often)."""
    raw = {}
    for text in texts:
        try:
            raw[text] = text.encode("cp1252")
        except UnicodeError:  # (a character Windows-1252 has not: not such a text)
            continue
    # (Their small letters tell the script of eight letters or more; fewer, ÒÀÑÑ, may be capitals:
    # 2 of its 4 letters read as Arabic's commonest, ر.)
    letters = bytes(byte for text in raw.values() for byte in text if byte >= 0x80)[:4096]
    if not letters:
        return {}
    page = (code_page_of(letters) if len(letters) >= 8 else None) or code_page_of(letters, capitals=True)
    page = page or CODE_PAGES[0]
    found = {}
    for text, written in raw.items():
        try:
            found[text] = (written.decode(page.encoding), page.as_western)
        except UnicodeError:  # (a byte the code page has no letter for)
            continue
    return found


def garbled_message(column: str, value: str, fixed: tuple[str, str]) -> Message:
    page = _AS_WESTERN.get(fixed[1])
    if page is not None:
        return say(
            "{column} {value} looks like {script} text garbled by a wrong encoding (a file saved as {encoding} "
            "was opened as Western text, then saved); it probably reads {fixed}",
            column=column,
            value=show(value),
            script=page.script,
            encoding=page.name,
            fixed=show(fixed[0]),
        )
    return say(
        "{column} {value} looks garbled by a wrong encoding (a program read the file as "
        "{encoding} instead of UTF-8, then saved it); it probably reads {fixed}",
        column=column,
        value=show(value),
        encoding=fixed[1],
        fixed=show(fixed[0]),
    )


def garbled_finding(examples: dict[str, tuple[str, str]], rows: np.ndarray) -> Finding:
    text = next(iter(examples))
    # The word that shows it: 'Tokayevâ€™s' for 'Tokayev’s'.
    bad = next((word for word in text.split() if re.search(_MOJIBAKE_HINT, word)), text)
    good, encoding = _undone(bad)
    if not encoding:  # (the word alone is too short to say: the whole value)
        bad, (good, encoding) = text, examples[text]
    values = {"count": len(np.unique(rows)), "bad": show(bad, 40), "good": show(good, 40)}
    page = _AS_WESTERN.get(encoding)
    if page is not None:
        said = say(
            "{count:,} rows hold {script} text garbled by a wrong encoding, such as {bad} for {good}: a file "
            "saved as {encoding} was opened as Western text (Windows-1252) and saved so, and saving again "
            "does not undo it; take the text from the copy saved before, or write each value as the rows "
            "below suggest, and next time open such a file as {script} ({encoding})",
            **values,
            script=page.script,
            encoding=page.name,
        )
    else:
        said = say(
            "{count:,} rows hold text garbled by a wrong encoding, such as {bad} for {good}: a program read "
            "this UTF-8 file as {encoding} and saved it so (Excel on Windows does this when it opens a CSV "
            "file directly), and saving again does not undo it; take the text from the copy saved before, "
            "or write each value as the rows below suggest, and next time open the file in Excel with "
            "Data > From Text/CSV and File Origin '65001: Unicode (UTF-8)', in LibreOffice with character "
            "set 'Unicode (UTF-8)' in the Text Import dialog",
            **values,
            encoding=encoding,
        )
    return Finding(rows, Problem(0, "", WARNING, said))


# --- letters a save could not keep: question marks ---------------------------------------------

# A spreadsheet that saves CSV in a character set without some letters (LibreOffice's Text CSV in
# Western Europe (ISO-8859-1) or Windows-1252, Excel's plain CSV) writes ? for each: `Тоқаев`
# becomes `??????`, and the file is ASCII, so nothing else shows it. Every such text holds ??
# (load looks at a column only if its bytes do). A link with ?? is no web link (links.LOST).
QUESTION_MARKS = links.LOST.encode()  # (b"??": what load looks for in a column's bytes)
# In text: three ? or more that begin a word (`?????? orders`, `Almaty - ??????`, `«????»`) or run
# into a letter or a digit, or a value of ? and spaces alone (`??`, `?? ???`). Not `what??`,
# `Why???` (after the word they end), `Really?!` or `(?)`.
_LOST_LETTERS = r"(?:^|[^\p{L}\p{N}?])\?{3,}|\?{3,}[\p{L}\p{N}]|^\?[? ]*\?$"
# Also one or two ? inside a word of Latin, Cyrillic or Greek letters (`Жа?а?зен`, `Gda?sk`,
# `Tokayev?s`) or before its first letter (`?аза?парат`): one letter each that the character set the
# file was saved in has not (Kazakh's ә, қ, ң in Windows-1251; ł, ń in Windows-1252; ’ in Latin-1).
# Not in a word with / = or & (a link's query: `page?id=3`), nor between letters of a script
# written without spaces (Chinese, Thai: `什么?我`, a question), nor after a word's last letter.
_ALPHABET = r"[\p{Latin}\p{Cyrillic}\p{Greek}]"
# (Arrow's screen of the values that may hold one; _word_lost_in decides, word by word.)
_IN_A_WORD = rf"(?:^|\s)(?:[^\s/=&]*{_ALPHABET}|[^\s/=&\p{{L}}\p{{N}}]*)\?+{_ALPHABET}[^\s/=&]*(?:\s|$)"
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def lost_letters(values: pd.Series) -> np.ndarray:
    """Which values (stripped) probably hold ? for letters a save could not keep: words lost whole
    (_LOST_LETTERS), or a letter inside a word (_word_lost_in), by Arrow's regex engine over the
    values given (load gives those with a ? that may be one: _letter_question_marks), then the
    second's few in Python."""
    array = pa.array(values.array)
    found = pc.fill_null(pc.match_substring_regex(array, f"{_LOST_LETTERS}|{_IN_A_WORD}"), False)
    found = found.to_numpy(zero_copy_only=False).copy()
    whole = pc.fill_null(pc.match_substring_regex(array, _LOST_LETTERS), False).to_numpy(zero_copy_only=False)
    for i in np.flatnonzero(found & ~whole).tolist():
        found[i] = _word_lost_in(str(values.iloc[i])) is not None
    return found


def _word_lost_in(value: str) -> str | None:
    """The first word of `value` with a ? that stands for a letter of a Latin, Cyrillic or Greek
    word (_lost_in), where the value has no run of three ? (a word lost whole: _LOST_LETTERS), or
    None. Not in a word with / = or & (a link's query: `page?id=3`)."""
    if re.search(r"\?{3}|^\s*\?[? ]*\?\s*$", value):
        return None
    return next((word for word in value.split() if not re.search("[/=&]", word) and _lost_in(word)), None)


def _lost_in(word: str) -> bool:
    """Whether a ? in `word` stands for a letter: between two small letters (`Жа?а?зен`, `Gda?sk`,
    `Tokayev?s`), after a capital (`GDA?SK`, `?азТАГ`'s `Т?`), or before a small letter where the
    word begins (`?аза?парат`). Not a small letter then a capital (`next?The`: a space left out
    after a question), nor before a capital where it begins (`?Unknown`, a mark of doubt), nor
    between letters of a script written without spaces (`什么?我`)."""

    def ours(c: str) -> bool:
        return c.isalpha() and unicodedata.name(c, "").startswith(_SCRIPTS)

    for found in re.finditer(r"\?+", word):
        before = word[found.start() - 1] if found.start() else ""
        after = word[found.end()] if found.end() < len(word) else ""
        if not ours(after):
            continue
        if (before and ours(before) and (before.isupper() or after.islower())) or (
            not re.search(r"[^\W\d_]|\d", word[: found.start()]) and after.islower()
        ):
            return True
    return False


def lost_in_a_word(value: str) -> str:
    """ "cyrillic" or "latin": the script of the first word of `value` with a ? inside it
    (_word_lost_in), whose character set it tells; "" where it has none (a word lost whole)."""
    word = _word_lost_in(value)
    return "" if word is None else _script(word)


def _script(word: str) -> str:
    """ "cyrillic" if the word has a Cyrillic letter, else "latin" (what lost_in_a_word tells)."""
    return "cyrillic" if any(unicodedata.name(c, "").startswith("CYRILLIC") for c in word) else "latin"


def lost_letters_message(column: str, value: str) -> Message:
    """A text cell's warning (lost_letters): the text is kept, as the letters cannot be had back."""
    word = _word_lost_in(value)
    if word is not None and _script(word) == "cyrillic":
        return say(
            "{column} {value} has a question mark inside the word {word}: probably a letter that Windows-1251 "
            "(the Cyrillic character set of Excel's plain CSV) has not, such as Kazakh ә, ғ, қ, ң, ө, ұ, ү or "
            "һ, which a spreadsheet writes as ? when it saves in it, and saving again does not bring it back; "
            "type the word again, and save the file as CSV UTF-8",
            column=column,
            value=show(value),
            word=show(word, 40),
        )
    if word is not None:
        return say(
            "{column} {value} has a question mark inside the word {word}: probably a letter or an apostrophe "
            "that the character set the file was saved in has not (Latin-1 or Windows-1252: Polish ł and ń, "
            "Romanian ș, Turkish ğ; in Latin-1 also the curly apostrophe ’), which a spreadsheet writes as ? "
            "when it saves in it, and saving again does not bring it back; type the word again, and save the "
            "file as CSV UTF-8",
            column=column,
            value=show(value),
            word=show(word, 40),
        )
    return say(
        "{column} {value} probably has question marks where letters were, as a spreadsheet writes them when "
        "it saves in a character set without those letters (Latin-1 or Windows-1252); save the file as CSV "
        "UTF-8 and type the text again",
        column=column,
        value=show(value),
    )


def lost_letters_finding(rows: np.ndarray, example: str, script: str = "") -> Finding:
    """Rows with question marks where letters were (lost_letters, and links with ??), such as
    `example`: said for the file when they are two or more, as the whole save lost those letters.
    `script`: lost_in_a_word's, for a file that is not ASCII (its other letters were kept: the
    question marks are inside words, of the script whose character set is told)."""
    count = len(np.unique(rows))
    if script == "cyrillic":
        said = say(
            "{count:,} rows hold question marks inside words, such as {example}: they were saved in "
            "Windows-1251 (the Cyrillic character set of Excel's plain CSV), which has not Kazakh's ә, ғ, қ, ң, "
            "ө, ұ, ү and һ and writes ? for each, and saving again does not bring them back; take the text from "
            "the copy saved before, or type it again, and save the file as CSV UTF-8: {save_as_csv}",
            count=count,
            example=show(example, 40),
            save_as_csv=workbook.SAVE_AS_CSV,
        )
    elif script:
        said = say(
            "{count:,} rows hold question marks inside words, such as {example}: they were saved in a character "
            "set without those letters (Western Europe (ISO-8859-1) or Windows-1252, which have not Polish ł and "
            "ń, Romanian ș or Turkish ğ, and ISO-8859-1 not the curly apostrophe ’), which writes ? for each, "
            "and saving again does not bring them back; take the text from the copy saved before, or type it "
            "again, and save the file as CSV UTF-8: {save_as_csv}",
            count=count,
            example=show(example, 40),
            save_as_csv=workbook.SAVE_AS_CSV,
        )
    return Finding(
        rows,
        Problem(
            0,
            "",
            WARNING,
            said
            if script
            else say(
                "{count:,} rows hold question marks where letters were, such as {example}: the file was saved "
                "in a character set without those letters (Western Europe (ISO-8859-1) or Windows-1252, as "
                "LibreOffice's Text CSV may be set to and Excel's plain CSV is), which writes ? for each, and "
                "saving again does not bring them back; take the text from the copy saved before, or type it "
                "again, and save the file as CSV UTF-8: {save_as_csv}",
                count=count,
                example=show(example, 40),
                save_as_csv=workbook.SAVE_AS_CSV,
            ),
        ),
        always=count >= 2,
    )


# --- what a spreadsheet or another program wrote in place of values ----------------------------


def formula_errors_finding(rows: np.ndarray, example: str) -> Finding:
    """Rows holding a formula's error value (schema.FORMULA_ERRORS), such as `example`."""
    return Finding(
        rows,
        Problem(
            0,
            "",
            ERROR,
            say(
                "{count:,} rows hold spreadsheet formula errors such as {example}, so they are left out: the "
                "formulas behind these cells broke before the file was saved (most often a column, row or sheet "
                "they used was deleted); fix the formulas, or copy the cells and paste them as values (Excel and "
                "LibreOffice: Paste Special > Values; Google Sheets: Paste special > Values only) before saving "
                "the file as CSV",
                count=len(np.unique(rows)),
                example=show(example),
            ),
        ),
    )


def missing_markers_finding(rows: np.ndarray, example: str) -> Finding:
    """Rows holding a missing-value marker (schema.MISSING_MARKERS), such as `example`."""
    return Finding(
        rows,
        Problem(
            0,
            "",
            WARNING,
            say(
                "{count:,} rows hold {example} where a cell is empty: the program that wrote the file marks an "
                "empty cell so (R's write.csv writes NA, pandas NaN, a database NULL or \\N), and each "
                'such value is left out; write empty cells as nothing (in R, write.csv(..., na = ""); in '
                'pandas, fill the empty cells with "" before to_csv)',
                count=len(np.unique(rows)),
                example=show(example),
            ),
        ),
    )


# --- rows split at a semicolon: LibreOffice's import, Semicolon ticked beside Comma ---------------

# How to open the file so that no cell is split (LibreOffice's Text Import ticks Semicolon and Tab).
ONLY_COMMA = say(
    "open the file again with only Comma ticked as a separator (LibreOffice's Text Import dialog ticks Semicolon "
    "and Tab too: untick them), and save it"
)


def split_row(cells: list[str], joins: int) -> Message:
    """A row's error when a spreadsheet split its cells (load._split_rows): the first as it was."""
    return say_n(
        "its values are to the right of their columns: a spreadsheet split {cell} at its semicolon, and each "
        "value after it moved one column on, so the row is left out; take the row from the copy saved "
        "before, or {only_comma}",
        "its values are to the right of their columns: a spreadsheet split the row at {n} semicolons (in {cell}), "
        "and the values after each moved one column on, so the row is left out; take the row from the copy "
        "saved before, or {only_comma}",
        joins,
        cell=show(cells[0], 60),
        only_comma=ONLY_COMMA,
    )


def split_rows(rows: np.ndarray, first: int, cell: str) -> Finding:
    """Row 0's error when rows were split (load._split_rows): said even of one, since a file split
    once may be split where nothing shows it."""
    return Finding(
        rows,
        Problem(
            0,
            "",
            ERROR,
            say_n(
                "{n:,} row has its values to the right of their columns (row {row}: {cell} was split "
                "at its semicolon): a spreadsheet opened the file with Semicolon as a separator beside Comma, "
                "and split every cell with a semicolon in it, also where only text moved and nothing shows it; "
                "take the file from the copy saved before, or {only_comma}",
                "{n:,} rows have their values to the right of their columns (row {row}: {cell} was split "
                "at its semicolon): a spreadsheet opened the file with Semicolon as a separator beside Comma, "
                "and split every cell with a semicolon in it, also where only text moved and nothing shows it; "
                "take the file from the copy saved before, or {only_comma}",
                len(rows),
                row=first,
                cell=show(cell, 60),
                only_comma=ONLY_COMMA,
            ),
            ProblemCode.SPLIT_ROW,
        ),
        always=True,
    )
