"""A TimelineJS sheet read into entries: its columns matched by name (as TimelineJS
does), its Year/Month/Day/Time cells as our dates, each row TimelineJS would show as one
account (every cell ends up somewhere, or is named in a note that lists its rows), ids made
from headlines, and its problems by sheet row (the header is row 1). TimelineJS's JSON is read
as the sheet of its slides (_json_sheet: row 2 its title, then its events and eras in order, each
slide's unique_id its event's id). Pure: the sheet is given as bytes and nothing is written;
`importer` appends the entries to events.csv.
"""

from __future__ import annotations

import calendar
import contextlib
import csv
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd

from .. import dates, i18n, schema
from ..csvfile import misplaced_quote, open_quote_problem, other_separator
from ..media import kind as media_kind
from ..problems import ERROR, WARNING, Message, Problem, and_list, say, say_n, show
from .markup import absolute, embed_link, html_to_text, inline, is_markup, links_in, one_line, unkept_links

SHEET_COLUMNS = (
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
    "Alt Text",
    "Type",
    "Group",
    "Background",
)
OLD_NAMES = {"tag": "Group"}
NEEDED = ("Year", "Headline")
DEFAULT_GROUP = "Event"
ERA = "Era"
TITLE_LENGTH = 70  # a title made from a slide's text, when it has no headline
UNTITLED = "Untitled"

# Where each column of ours comes from in the sheet: a loader problem on an imported
# row names the sheet column the editor can fix.
SHEET_COLUMN_OF = {
    "id": "Headline",
    "date": "Year",
    "end_date": "End Year",
    "title": "Headline",
    "description": "Text",
    "category": "Group",
    "source": "Media Credit",
    "source_url": "Media",
    "media": "Media",
    "media_credit": "Media Credit",
    "media_caption": "Media Caption",
    "media_alt": "Alt Text",
}

_TIME = re.compile(  # as TimelineJS reads a Time: 14:30, 14.30, 1430, 14, with AM or PM
    r"(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2})(?:[:.](?P<second>\d{2}(?:[.,]\d+)?))?)?"
    r"\s*(?:(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)
# A zone or a UTC offset after a Time, which TimelineJS shows nowhere and we keep (_zone_split):
# Z or an offset ahead of UTC joined to it (14:30Z, 14:30+06:00; not one behind, 9:00 PM-10:00,
# which may be a span), or after a space a zone the dates know (MSK, EST, CST, UTC+6, Asia/Almaty).
_ZONE_AFTER = re.compile(
    r"(?:(?P<offset>Z|\+\d{2}(?::?\d{2})?)|\s+(?P<zone>(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|[A-Z]{2,5}|[A-Z][A-Z_]*(?:/[A-Z][A-Z_+-]*)+))$",
    re.IGNORECASE,
)
# A Time a spreadsheet wrote as a fraction of a day (0.25 is 06:00): never a time TimelineJS
# reads, but 0.25 alone also reads as 14.30 does, 00:25.
_FRACTION = re.compile(r"0\.(?:(?P<minute>\d{2})|\d+)")
# A Year's thousands separators (1,944 or 1 944), which TimelineJS leaves out.
_THOUSANDS = re.compile(r"-?\s*\d{1,3}(?:[,\s]\d{3})+(?:\.0+)?")
# A Year with a dot between its thousands (1.500, as German or Russian write 1500): never a year
# read as written (1.000 would be the year 1, as 2022.0 is 2022), so told.
_DOT_THOUSANDS = re.compile(r"(?P<sign>-?)\s*(?P<digits>[1-9]\d{0,2}(?:\.\d{3})+)")
# A Year written with its era (1500 BC, 1,500 BCE, 600 AD, AD 600, 600 CE), which a TimelineJS
# sheet writes as a number alone, negative for BC.
_ERA = re.compile(
    r"(?:(?P<before>a\.?\s?d\.?)\s*)?(?P<number>\d[\d,\s]*?)\s*"
    r"(?:(?P<bc>b\.?\s?c\.?(?:\s?e\.?)?)|(?P<ad>a\.?\s?d\.?|c\.?\s?e\.?))?",
    re.IGNORECASE,
)


# --- ids -----------------------------------------------------------------------------------


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not in `taken` (which it joins)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# --- dates -----------------------------------------------------------------------------------


class CellError(ValueError):
    """A sheet cell that cannot be converted: (sheet column, message)."""

    def __init__(self, column: str, message: Message):
        super().__init__(message)
        self.column, self.message = column, message


class _TwoNumbers(CellError):
    """Two numbers in a cell that holds one: `1,2` in Month."""


def _zone_split(text: str) -> tuple[str, str]:
    """A sheet's Time (stripped) and the zone or offset after it (_ZONE_AFTER), as a date writes
    it after a time (` MSK`, `+06:00`, `Z`); "" where it has none. A word that is no zone the
    dates know (`14:30 hrs`, `14:30 local`) is no zone: the Time is refused as it is."""
    text = text.strip()
    found = _ZONE_AFTER.search(text)
    if not found:
        return text, ""
    word = found["zone"]
    if word and not (
        "/" in word
        or word[:3].upper() in ("UTC", "GMT")
        or word.upper() in dates.ZONES.keys() | dates.MANY_OFFSETS.keys()
    ):
        return text, ""
    return text[: found.start()].strip(), f" {word}" if word else found["offset"]


def clock(text: str, column: str = "Time") -> tuple[int, int]:
    """A sheet's Time as (hour, minute): `14:30`, `14:30:15`, `2:30 PM`, `2 pm`, and the
    forms TimelineJS also reads: `14.30`, `1430`, `14` (14:00), perhaps a zone after it (kept:
    `zone`). A spreadsheet's fraction of a day (`0.25`, 06:00) is refused with the time it
    stands for: `0.25` could also be 00:25."""
    shown, text = text, _zone_split(text)[0]
    fraction = _FRACTION.fullmatch(text.strip())
    if fraction:
        seconds = min(round(float(text) * 86400), 86399)  # (0.99999999 is not the next day's 00:00)
        day = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
        minute = int(fraction["minute"] or 99)
        if not seconds:  # 0.00: midnight, read either way
            return 0, 0
        if minute <= 59:
            raise CellError(
                column,
                say(
                    "{column} {value} may be a spreadsheet's fraction of a day, {fraction}, or {clock}; "
                    "write {fraction} or {clock}",
                    column=column,
                    value=show(shown),
                    fraction=day,
                    clock=f"00:{minute:02d}",
                ),
            )
        raise CellError(
            column,
            say(
                "{column} {value} is a spreadsheet's fraction of a day, {fraction}; write {fraction}",
                column=column,
                value=show(shown),
                fraction=day,
            ),
        )
    match = _TIME.fullmatch(text.strip())
    if not match:
        advised = _time_advised(shown)
        if advised:  # (noon, 14h30, 14:30 Uhr, 14:30 (UTC+6): the time the check reads in it)
            raise CellError(
                column,
                say(
                    "{column} {value} is not a time TimelineJS reads; write {time}",
                    column=column,
                    value=show(shown),
                    time=advised,
                ),
            )
        raise CellError(
            column,
            say("{column} {value} is not a time of day; write 14:30 or 2:30 PM", column=column, value=show(shown)),
        )
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            raise CellError(
                column,
                say(
                    "{column} {value} is not a time of day: with AM or PM the hour runs 1-12",
                    column=column,
                    value=show(shown),
                ),
            )
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        raise CellError(
            column, say("{column} {value} is not a time of day (00:00 to 23:59)", column=column, value=show(shown))
        )
    return hour, minute


def _time_advised(text: str) -> str | None:
    """The time `text` is as the check reads it after a day (timeline.dates), written as a Time
    cell takes it (21:00, 14:30 UTC+06:00): read as it is, or the one time its refusal says to
    write on that day; None where it names no time, or two (9:00 PM-05:00: 21:00 at UTC-05:00,
    or 21:00 to 05:00)."""
    day = "2000-01-03"
    written = f"{day} {text.strip()}"
    parsed = dates.parse_series(pd.Series([written], dtype="str"), bulk=False)
    said = parsed.errors.get(written) or parsed.warnings.get(written)
    if said is None:
        value, offset = parsed.value.iloc[0], str(parsed.offset.iloc[0])
        if pd.isna(value) or str(parsed.distinct_precision[parsed.take[0]]) != "minute":
            return None
        times = {(f"{value:%H:%M}", offset)}
    else:
        times = set(re.findall(rf"{day}[ T](\d\d:\d\d)(?::\d\d)?([+-]\d\d:\d\d|Z)?(?![\d:])", str(said)))
    if len(times) != 1:
        return None
    [(time, offset)] = times
    return time + ("" if not offset else " UTC" if offset == "Z" else f" UTC{offset}")


def _number(text: str, column: str, low: int, high: int, *, year: bool = False, other: str = "") -> int:
    """A whole number from `low` to `high`. A Year's thousands separators are left out, as
    TimelineJS reads them (1,944 is 1944); in a Month or a Day a comma (or a space) between
    digits is two numbers, refused: TimelineJS would read 1,2 as 12 (December). `other`
    names the column the second number belongs in (End Month for Month), if any."""
    value = text.strip()
    decimal = _DECIMAL_COMMA_ZEROS.fullmatch(value)
    if decimal:  # (2022,0 or 2 022,00: a whole number as a sheet with a decimal comma formats one)
        value = re.sub(r"[\s\u00a0\u202f]", "", decimal.group(1))
    if not year and _CELL_DATE.fullmatch(value):  # (an .xlsx's date cell, as workbook.cell_text writes it)
        raise CellError(
            column,
            say(
                "{column} {value} is a date, not a number: a spreadsheet makes a date of what looks like one "
                "(1/5, Jan-22); format the cell as Text or Number, then write the number alone",
                column=column,
                value=show(text),
            ),
        )
    if ("," in value and not _THOUSANDS.fullmatch(value)) if year else re.search(r"\d[\s,]+\d", value):
        raise _TwoNumbers(
            column,
            say(
                "{column} {value} holds two numbers; give one here, and the other in {other}",
                column=column,
                value=show(text),
                other=other,
            )
            if other
            else say("{column} {value} holds two numbers; give one here", column=column, value=show(text)),
        )
    if year:
        value = re.sub(r"[\s,]", "", value)  # as TimelineJS reads a year: 1,944 is 1944, "- 500" is -500
    if re.fullmatch(r"-?\d+(?:\.0+)?", value):
        number = int(float(value))
        if low <= number <= high:
            return number
    raise CellError(
        column,
        say(
            "{column} {value} is not a whole number from {low} to {high}",
            column=column,
            value=show(text),
            low=low,
            high=high,
        ),
    )


_CELL_DATE = re.compile(r"-?\d{4}-\d\d(?:-\d\d(?: \d\d:\d\d(?::\d\d)?)?)?")
# A whole number written with a decimal comma and one or two zeros after it, its thousands perhaps
# parted by spaces (2022,0, -44,00, 2 022,00: a Russian or French sheet's number format), which is
# no second number: no year, month or day is 0. (Three, 1,000, are a year's thousands, as before.)
_DECIMAL_COMMA_ZEROS = re.compile(r"(-?\s*(?:\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)),0{1,2}")


def year_text(year: int) -> str:
    """A year as a reader reads it: "2022", "600", "500 BC"."""
    return f"{-year} BC" if year < 0 else f"{year}"


def month_days(year: int, month: int) -> int:
    """Days in a month of a historians' year (-500 is 500 BC; the proleptic Gregorian
    calendar, as numpy's dates count: 1 BC is a leap year)."""
    astronomical = year + 1 if year < 0 else year
    return (
        29
        if month == 2 and calendar.isleap(astronomical)
        else (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    )


def sheet_date(year: str, month: str = "", day: str = "", time: str = "", prefix: str = "") -> str:
    """A sheet's Year, Month, Day, Time as one of our dates, at the precision given.

    A negative Year is BC, as TimelineJS reads it (-500 is 500 BC, written `-0500`);
    years before 1000 get four digits (600 is `0600`). `prefix` is "" for the start
    columns and "End " for the end columns (it names the column in a message).
    Raises CellError.
    """
    names = [f"{prefix}{part}" for part in ("Year", "Month", "Day", "Time")]
    ends = ["" if prefix else f"End {part}" for part in ("Year", "Month", "Day")]  # for a second number
    year, month, day, time = (value.strip() for value in (year, month, day, time))
    if not year:
        given = [name for name, value in zip(names[1:], (month, day, time)) if value]
        raise CellError(
            names[0],
            say_n(
                "{column} is empty but {given} is given",
                "{column} is empty but {given} are given",
                len(given),
                column=names[0],
                given=", ".join(given),
            )
            if given
            else say("{column} is empty", column=names[0]),
        )
    _year_as_words(year, names[0])
    try:
        number = _number(year, names[0], -9999, 9999, year=True, other=ends[0])
    except _TwoNumbers:
        raise
    except CellError:
        raise _not_a_year(year, names[0]) from None
    if number == 0:
        raise CellError(
            names[0],
            say(
                "{column} {value}: there is no year 0; the year before 1 is -1 (1 BC)",
                column=names[0],
                value=show(year),
            ),
        )
    text = f"-{-number:04d}" if number < 0 else f"{number:04d}"
    if month:
        month_number = _number(month, names[1], 1, 12, other=ends[1])
        text += f"-{month_number:02d}"
    elif day or time:
        raise CellError(names[2] if day else names[3], _WITHOUT(names[2] if day else names[3], names[1]))
    if day:
        day_number = _number(day, names[2], 1, 31, other=ends[2])
        days = month_days(number, month_number)
        if day_number > days:
            raise CellError(
                names[2],
                say(
                    "{column} {value}: {month} has {days} days, so day {day} does not exist",
                    column=names[2],
                    value=show(day),
                    month=dates.Day.of(number if number > 0 else number + 1, month_number)
                    if number >= 1000
                    else f"{calendar.month_name[month_number]} {year_text(number)}",
                    days=days,
                    day=day_number,
                ),
            )
        text += f"-{day_number:02d}"
    elif time:
        raise CellError(names[3], _WITHOUT(names[3], names[2]))
    if time:
        hour, minute = clock(time, names[3])
        text += f" {hour:02d}:{minute:02d}" + seconds(time) + zone(time)
    return text


def _not_a_year(year: str, column: str) -> CellError:
    return CellError(
        column,
        say(
            "{column} {value} is not a year events.csv can hold; write a whole number "
            "from -9999 to 9999, such as 2022, or -500 for 500 BC",
            column=column,
            value=show(year),
        ),
    )


def _year_as_words(year: str, column: str) -> None:
    """Raises CellError for a Year written so that reading it as a number could misread it: with
    its era (`1,500 BC` would be two numbers, or AD 1500), or with a dot between its thousands
    (`1.500`; `1.000` would be the year 1). Each is told with the number to write; one that reads
    two ways, with both."""
    era = _ERA.fullmatch(year)
    if era and (era["before"] or era["bc"] or era["ad"]) and not (era["before"] and (era["bc"] or era["ad"])):
        digits = era["number"].strip()
        if re.fullmatch(r"\d+", digits) or _THOUSANDS.fullmatch(digits):
            number = int(re.sub(r"[\s,]", "", digits)) * (-1 if era["bc"] else 1)
            if not (number and -9999 <= number <= 9999):
                raise _not_a_year(year, column)  # (12,000 BC: not "two numbers")
            raise CellError(
                column,
                say(
                    "{column} {value} is the year {year}; write it as {number}: a TimelineJS sheet writes a year "
                    "as a number alone, negative for BC",
                    column=column,
                    value=show(year),
                    year=year_text(number),
                    number=number,
                ),
            )
    dotted = _DOT_THOUSANDS.fullmatch(year.strip())
    if dotted:
        whole = int(dotted["sign"] + dotted["digits"].replace(".", ""))
        if not -9999 <= whole <= 9999:
            raise _not_a_year(year, column)
        decimal = float(dotted["sign"] + dotted["digits"])  # (one dot: a number of thousands is four digits)
        if decimal.is_integer() and int(decimal):  # 1.000: the year 1000, or the year 1 as 2022.0 is 2022
            raise CellError(
                column,
                say(
                    "{column} {value} may be the year {year} with a dot between its thousands, or the year {other} "
                    "with decimals; write {number} or {other_number}",
                    column=column,
                    value=show(year),
                    year=year_text(whole),
                    other=year_text(int(decimal)),
                    number=whole,
                    other_number=int(decimal),
                ),
            )
        raise CellError(
            column,
            say(
                "{column} {value} is not a whole number; if it is the year {year} with a dot between its "
                "thousands, write {number}",
                column=column,
                value=show(year),
                year=year_text(whole),
                number=whole,
            ),
        )


def seconds(text: str) -> str:
    """The seconds of a sheet's Time as our dates write them (`:15`, `:15.5`), "" if none: kept,
    as the editor wrote them (TimelineJS reads them too)."""
    match = _TIME.fullmatch(_zone_split(text)[0])
    return f":{match['second'].replace(',', '.')}" if match and match["second"] else ""


def zone(text: str) -> str:
    """The zone or UTC offset after a sheet's Time as our dates write it after a time (` MSK`,
    `+06:00`), "" if none: TimelineJS shows the time without it; we keep it, and read it as
    every date's zone is read (an abbreviation of several zones, CST, is warned)."""
    return _zone_split(text)[1]


def _WITHOUT(column: str, needed: str) -> Message:
    return say("{column} is given without {needed}", column=column, needed=needed)


# --- reading a sheet ---------------------------------------------------------------------------


@dataclass
class Entry:
    """One sheet row, converted: the account it becomes (its id still to be chosen)."""

    sheet_row: int
    account: dict
    era: bool = False
    notes: list[str] = field(default_factory=list)  # keys of NOTES: said once per column
    warnings: list[Problem] = field(default_factory=list)  # said on this row
    unique_id: str = ""  # a TimelineJS JSON slide's own id: the event's id, if it is one


@dataclass
class Sheet:
    name: str  # the file name, for messages
    title: str = ""  # the title row's headline
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    slides: dict[int, str] = field(default_factory=dict)  # TimelineJS JSON: each row's slide ("events[0]")


# What became of cells that have no column of their own in events.csv: said once per
# sheet column, naming the rows. key -> (sheet column, what was done, with {rows}).
NOTES = {
    "embed": (
        "Media",
        lambda rows: say(
            "Media is an embed code in {rows} (HTML: a tweet's or an Instagram post's blockquote, an <iframe>...), "
            "which the dashboard does not run: its text is added to the description, and the address it shows is "
            "kept (as media for a picture or a video, else as source_url)",
            rows=rows,
        ),
    ),
    "not a link": (
        "Media",
        lambda rows: say(
            "Media is not a web link in {rows}, so it is not imported: events.csv keeps only http:// and https:// "
            "links; give its full https:// address",
            rows=rows,
        ),
    ),
    "spaced link": (
        "Media",
        lambda rows: say(
            "Media has a space in its address in {rows}, so it is not imported (a web link has none): if the space "
            "is part of the address, write it %20, as a browser sends it (https://example.com/my%20photo.jpg); if "
            "words follow the address, move them to Media Caption",
            rows=rows,
        ),
    ),
    "caption": (
        "Media Caption",
        lambda rows: say(
            "Media Caption is added to the description in {rows}, where the Media is not a picture or a video "
            "(media_caption goes with one)",
            rows=rows,
        ),
    ),
    "credit": (
        "Media Credit",
        lambda rows: say(
            "Media Credit's link is added to the description, as 'Credit: ...', in {rows}, where the Media's own "
            "link is the source_url",
            rows=rows,
        ),
    ),
    "credit links": (
        "Media Credit",
        lambda rows: say(
            "Media Credit has more than one link in {rows}, where the Media gives none: the first is the "
            "source_url, and the credit with each address is added to the description, as 'Credit: ...'",
            rows=rows,
        ),
    ),
    "headline link": (
        "Headline",
        lambda rows: say(
            "Headline's link is added to the description, as 'Headline: ...', in {rows}, where another link (the "
            "Media's or the Media Credit's) is the source_url",
            rows=rows,
        ),
    ),
    "headline links": (
        "Headline",
        lambda rows: say(
            "Headline has more than one link in {rows}: the first is the source_url, and the headline with each "
            "address is added to the description, as 'Headline: ...'",
            rows=rows,
        ),
    ),
    "alt": (
        "Alt Text",
        lambda rows: say(
            "Alt Text is not imported in {rows}, where the Media is not a picture or a video: media_alt describes "
            "a picture",
            rows=rows,
        ),
    ),
    "display date": (
        "Display Date",
        lambda rows: say(
            "Display Date is kept as the last line of the description, 'Display date: ...', in {rows}, where it "
            "differs from the date as the dashboard shows it",
            rows=rows,
        ),
    ),
    "display date link": (
        "Display Date",
        lambda rows: say(
            "Display Date has a link in {rows}: it is kept with its address as the last line of the "
            "description, 'Display date: ...' (a date holds no link)",
            rows=rows,
        ),
    ),
    "group link": (
        "Group",
        lambda rows: say(
            "Group has a link in {rows}: its words are the category (a lane's name holds no link), and the group "
            "with its address is added to the description, as 'Group: ...'",
            rows=rows,
        ),
    ),
    "thumbnail": (
        "Media Thumbnail",
        lambda rows: say(
            "Media Thumbnail is not imported ({rows}): the dashboard draws its own markers; the media itself is kept",
            rows=rows,
        ),
    ),
    "background": (
        "Background",
        lambda rows: say("Background is not imported ({rows}): the dashboard has no slide backgrounds", rows=rows),
    ),
}
# What of a title row is not imported (its Headline names the timeline).
TITLE_LEFT = (
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",
    "Display Date",
    "Background",
)


def header_map(names: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """The position of each TimelineJS column in a header, matched by name, and what is odd."""
    known = {name.lower(): name for name in SHEET_COLUMNS}
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    keys = [" ".join(raw.split()).lower() for raw in names]
    # TimelineJS's first layout named a date whole (Start Date, End Date); TimelineJS3 still reads it.
    first_layout = "start date" in keys and "year" not in keys
    for position, raw in enumerate(names):
        key = keys[position]
        name = known.get(key) or OLD_NAMES.get(key)
        if name is None:
            if key and not (first_layout and key in ("start date", "end date")):
                problems.append(
                    Problem(
                        1,
                        raw.strip(),
                        WARNING,
                        say("{name!r} is not a TimelineJS column; it is ignored", name=raw.strip()),
                    )
                )
            continue
        if name in positions:
            problems.append(
                Problem(
                    1, raw.strip(), WARNING, say("{name} appears twice in the header; the first is read", name=name)
                )
            )
            continue
        positions[name] = position
    missing = [name for name in NEEDED if name not in positions]
    if first_layout:
        problems.append(
            Problem(
                1,
                "Start Date",
                ERROR,
                say(
                    "the header has Start Date and no Year: this is TimelineJS's first sheet layout, which "
                    "writes each date whole; split each Start Date into Year, Month, Day and Time (and End Date "
                    "into End Year, End Month, End Day and End Time), as TimelineJS's template names them: "
                    "{columns}",
                    columns=",".join(SHEET_COLUMNS),
                ),
            )
        )
    elif missing:
        problems.append(
            Problem(
                1,
                missing[0],
                ERROR,
                say(
                    "the header has no {missing} column, so this is not a TimelineJS sheet; its header should "
                    "name: {columns}",
                    missing=" or ".join(missing),
                    columns=",".join(SHEET_COLUMNS),
                ),
            )
        )
    return positions, problems


def _width_problem(count: int, width: int) -> Message:
    """Why a row of `count` values under a header of `width` columns cannot be read."""
    if count > width:
        return say(
            "this row has {count} values but the header has {width} columns, so its values after the first "
            "difference would be read into the wrong columns; a value with a comma in it needs double quotes "
            "around it",
            count=count,
            width=width,
        )
    # (a file written by hand, or cut down, may leave its last empty values out; one left out in the
    # middle would move every value after it: which it is cannot be told, so the row is not guessed at)
    return say(
        "this row has {count} values but the header has {width} columns: if the ones left out are the last, "
        "empty, add a comma for each ({missing} more) at the end of the row, as a spreadsheet's CSV has them; "
        "a value left out in the middle would put every value after it into the wrong column",
        count=count,
        width=width,
        missing=width - count,
    )


def read_sheet(data: bytes, name: str) -> Sheet:
    """A TimelineJS sheet (CSV bytes) as entries to append, and problems by sheet row."""
    sheet = Sheet(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        sheet.problems.append(
            Problem(
                0,
                "",
                ERROR,
                say("the sheet is not UTF-8 text; export it from Google Sheets as CSV, or save it as CSV UTF-8"),
            )
        )
        return sheet
    ids: dict[int, str] = {}
    read = _json_sheet(text) if text.lstrip().startswith(("{", "[")) else None
    if isinstance(read, Message):  # (JSON, but no timeline)
        sheet.problems.append(Problem(0, "", ERROR, read))
        return sheet
    if read is not None:
        records, ids, sheet.slides, unread = read
        sheet.problems += unread
    else:
        try:
            records, quotes, open_quote = _csv_records(text)
        except csv.Error as error:
            sheet.problems.append(Problem(0, "", ERROR, say("the sheet cannot be read as CSV: {why}", why=str(error))))
            return sheet
        sheet.problems += quotes
        if open_quote is not None:
            # The rows before it could be imported, but then the sheet, mended, would import them twice.
            sheet.problems += [
                Problem(
                    0,
                    "",
                    ERROR,
                    say(
                        "nothing is imported: the sheet cannot be read past row {row}; mend it and import it again",
                        row=open_quote.row,
                    ),
                ),
                open_quote,
            ]
            return sheet
    if not records:
        sheet.problems.append(Problem(0, "", ERROR, say("the sheet is empty")))
        return sheet
    separated = other_separator(records[0], text.split("\n", 1)[0])
    if separated is not None:  # (Year;Month;Day...: Excel's CSV with a European list separator)
        sheet.problems.append(Problem(1, "", ERROR, separated))
        return sheet
    positions, problems = header_map(records[0])
    sheet.problems += problems
    if any(p.level == ERROR for p in problems):
        return sheet
    rows = []
    width = len(records[0])
    for number, record in enumerate(records[1:], start=2):
        if record is None or not any(value.strip() for value in record):  # (None: a row refused for its quotes)
            continue
        if len(record) != width:  # (a sheet's export is a rectangle: every row as wide as the header)
            # A comma not in quotes, or a value left out: every value after it is in the wrong column.
            sheet.problems.append(Problem(number, "", ERROR, row_skipped(_width_problem(len(record), width))))
            continue
        rows.append((number, {name: record[i] if i < len(record) else "" for name, i in positions.items()}))
    titles = [(number, cells) for number, cells in rows if _type(cells) == "title"]
    title_row = titles[0][0] if titles else 0
    if titles:
        sheet.title = inline(titles[0][1].get("Headline", ""))
        left = [column for column in TITLE_LEFT if titles[0][1].get(column, "").strip()]
        if left:
            credited = say(" (its Headline is the source of rows without a Media Credit)") if sheet.title else ""
            sheet.problems.append(
                Problem(
                    title_row,
                    left[0],
                    WARNING,
                    say_n(
                        "the title row's {columns} is not imported: events.csv holds events, not a title slide{credited}",
                        "the title row's {columns} are not imported: events.csv holds events, not a title slide{credited}",
                        len(left),
                        columns=and_list(left),
                        credited=credited,
                    ),
                )
            )
    credit = sheet.title or name
    notes: dict[str, list[int]] = {}
    for number, cells in rows:
        kind = _type(cells)
        if number == title_row:
            continue
        if kind == "title":
            dated = bool(cells.get("Year", "").strip())
            sheet.problems.append(
                Problem(
                    number,
                    "Type",
                    WARNING,
                    (
                        say(
                            "a second title row (the first is row {first}): TimelineJS shows it as an event, and it is "
                            "imported as one",
                            first=title_row,
                        )
                        if dated
                        else say(
                            "a second title row (the first is row {first}) with no Year: TimelineJS leaves it out, and "
                            "so does import",
                            first=title_row,
                        )
                    ),
                )
            )
            if not dated:
                continue
        elif kind not in ("", "era"):
            sheet.problems.append(
                Problem(
                    number,
                    "Type",
                    WARNING,
                    say(
                        "Type {value} is neither title nor era; the row is imported as an event",
                        value=show(cells["Type"].strip()),
                    ),
                )
            )
        try:
            entry = convert(number, cells, credit)
        except CellError as error:
            sheet.problems.append(Problem(number, error.column, ERROR, row_skipped(error.message)))
            continue
        entry.unique_id = ids.get(number, "")
        sheet.entries.append(entry)
        sheet.problems += entry.warnings
        for key in entry.notes:
            notes.setdefault(key, []).append(number)
    for key, (column, what) in NOTES.items():
        if key in notes:
            sheet.problems.append(Problem(1, column, WARNING, what(rows_text(notes[key]))))
    sheet.problems += one_spelling_per_lane(sheet.entries, rows)
    return sheet


def _csv_records(text: str) -> tuple[list, list[Problem], Problem | None]:
    """A sheet's CSV records, as a spreadsheet counts its rows, each also read strictly, as
    events.csv is (csvfile._parse_with_csv_module): a value that begins with a quoted phrase
    (`"Hello" world`, which a lenient reader reads as `Hello world`) refuses its row (None in its
    place, the problem in the list); a double quote that never closes, or closes only rows later
    (the rows between run into one value), stops the reading: the third value is its problem
    (else None)."""
    lines = re.split(r"\r\n|\r|\n", text)  # (as the csv module counts lines)
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[list[str] | None] = []
    problems: list[Problem] = []
    read_to = 0  # (the lines read, up to the end of the last record)
    for record in reader:
        row, raw = len(records) + 1, lines[read_to : reader.line_num]
        header = (records[0] or []) if records else record
        read_to = reader.line_num
        try:
            next(csv.reader(io.StringIO("\n".join(raw), newline=""), strict=True), None)
            records.append(record)
        except csv.Error as error:
            misplaced = (
                None
                if "expected after" not in str(error) or _swallows_rows(raw[1:], header)
                else misplaced_quote(raw[0], row, header) or misplaced_quote("\n".join(raw), row, header)
            )
            if misplaced is None or row == 1:  # (a header refused: no row can be read)
                return records, problems, misplaced or open_quote_problem(text, None, row, [] if row == 1 else header)
            problems.append(misplaced)
            records.append(None)
    return records, problems, None


def _swallows_rows(continued: list[str], header: list[str]) -> bool:
    """Whether the lines a record goes on over hold rows of the sheet (a quote opened and closed
    only rows later, which the lenient reader joined), not a value of several lines. Where Year is
    the first column, as in TimelineJS's template, a line that begins with a year (or nothing)
    and a comma is a row's; else the lines' commas, taken together, are a row's. Said so when in
    doubt: the sheet is then refused whole, never a row lost without a word."""
    if header and header[0].strip().lower() == "year":
        return any(_BEGINS_WITH_A_YEAR.match(line) for line in continued)
    return sum(line.count(",") for line in continued) >= max(len(header) - 1, 1)


_BEGINS_WITH_A_YEAR = re.compile(r"\s*-?\d{0,4}\s*,")


# TimelineJS's JSON (timeline.knightlab.com/docs/json-format.html): what of a slide, an era and a
# date goes into which column of the sheet TimelineJS's template names (SHEET_COLUMNS).
_SLIDE_TEXT = {"headline": "Headline", "text": "Text"}
_SLIDE_MEDIA = {
    "url": "Media",
    "credit": "Media Credit",
    "caption": "Media Caption",
    "thumbnail": "Media Thumbnail",
    "alt": "Alt Text",
}
_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "unique_id", "type"}
_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "display_date"}


def _json_sheet(text: str):
    """TimelineJS's JSON as the sheet of its slides: (the sheet's records, a header then a row a
    slide: row 2 the title, from row 3 the events in order, then the eras; each row's
    unique_id; each row's slide, "events[0]"; what is not imported, said once per key). None
    if the text is no JSON (read as CSV); a Message if it is JSON but no timeline."""
    try:
        document = json.loads(text)
    except ValueError:
        return None
    found = _json_slides(document)
    if found is None:
        return say(
            'the file is JSON but not a TimelineJS timeline, which is an object with a list of "events"; import '
            "reads a TimelineJS timeline's JSON or its sheet saved as CSV"
        )
    slides, unread_keys = found
    records, ids, names = [list(SHEET_COLUMNS)], {}, {}
    unread: dict[str, list[int]] = {}
    for row, (name, slide, kind) in enumerate(slides, start=2):
        names[row] = name if slide is not None or row > 2 else ""  # (a timeline with no title: "")
        cells = dict.fromkeys(SHEET_COLUMNS, "")
        if isinstance(slide, dict):
            cells["Type"] = kind
            _slide_cells(slide, cells, lambda key, row=row: unread.setdefault(key, []).append(row))
            if isinstance(slide.get("unique_id"), str):
                ids[row] = slide["unique_id"].strip()
        elif slide is not None:  # (a slide that is no object: a row with nothing TimelineJS shows)
            unread.setdefault(name, []).append(row)
        records.append([cells[column] for column in SHEET_COLUMNS])
    where: dict[str, Message] = {key: say("the timeline as a whole") for key in unread_keys}
    where.update((key, rows_text(rows)) for key, rows in unread.items())
    problems = [
        Problem(
            0, "", WARNING, say("{key} is not imported ({rows}): events.csv has no place for it", key=key, rows=rows)
        )
        for key, rows in where.items()
    ]
    return records, ids, names, problems


def _json_slides(document) -> tuple[list[tuple[str, object, str]], list[str]] | None:
    """The slides of a timeline's JSON: (name, slide, Type) each, the title first, then the
    events, then the eras; and the keys of the whole not imported. TimelineJS 2's JSON
    ({"timeline": {"date": [...], "era": [...]}}) as TimelineJS 3's. None if it is no timeline."""
    if not isinstance(document, dict):
        return None
    old = document.get("timeline")
    if isinstance(old, dict) and isinstance(old.get("date"), list):
        old_eras: list = old["era"] if isinstance(old.get("era"), list) else []
        title = {key: value for key, value in old.items() if key not in ("date", "era", "type")}
        slides = [("timeline", _version_2(title), "title")]
        slides += [(f"timeline.date[{at}]", _version_2(slide), "") for at, slide in enumerate(old["date"])]
        slides += [(f"timeline.era[{at}]", _version_2(slide), "era") for at, slide in enumerate(old_eras)]
        unread = [key for key, value in document.items() if key != "timeline" and _holds(value)]
        unread += [f"timeline.{key}" for key in ("era", "type") if key in old and not _v2_known(key, old[key])]
        return slides, unread
    events, eras = document.get("events"), document.get("eras")
    if not isinstance(events, list) or not isinstance(eras if eras is not None else [], list):
        return None
    slides = [("title", document.get("title"), "title")]
    slides += [(f"events[{at}]", slide, "") for at, slide in enumerate(events)]
    slides += [(f"eras[{at}]", slide, "era") for at, slide in enumerate(eras or [])]
    unread = [
        key
        for key, value in document.items()
        if key not in ("title", "events", "eras") and (key, value) != ("scale", "human") and _holds(value)
    ]
    return slides, unread


def _v2_known(key: str, value) -> bool:
    """Whether TimelineJS 2's timeline-wide `key` says nothing lost: its eras as a list, its type the default."""
    return (key == "era" and isinstance(value, list)) or (key == "type" and value in ("default", "", None))


# TimelineJS 2's startDate and endDate: "2011,3,23" (year, month, day, hour, minute, second; / or -
# between the date's parts), or a year alone.
_V2_DATE = re.compile(
    r"(?P<year>-?\d{1,4})(?:\s*[,/-]\s*(?P<month>\d{1,2})(?:\s*[,/-]\s*(?P<day>\d{1,2})"
    r"(?:\s*,\s*(?P<hour>\d{1,2})(?:\s*,\s*(?P<minute>\d{1,2})(?:\s*,\s*(?P<second>\d{1,2}))?)?)?)?)?"
)
_V2_KEYS = {"startDate": "start_date", "endDate": "end_date", "tag": "group", "tags": "group"}
_V2_MEDIA = {"media": "url", "credit": "credit", "caption": "caption", "thumbnail": "thumbnail"}


def _version_2(slide):
    """A TimelineJS 2 slide (a `date` or an `era`, or the timeline's own title) as TimelineJS 3's;
    its keys that have no place there kept as they are (said not imported)."""
    if not isinstance(slide, dict):
        return slide
    out: dict = {}
    unknown: dict = {}  # (kept apart: a 2 slide's own "media" beside its "asset" is no 3 slide's media)
    for key, value in slide.items():
        if key in ("startDate", "endDate"):
            written = _json_value(value)
            match = _V2_DATE.fullmatch(written)
            # (a date written otherwise: as the Year, which says why it is not one)
            out[_V2_KEYS[key]] = {k: v for k, v in match.groupdict().items() if v} if match else {"year": written}
        elif key in ("headline", "text"):
            out.setdefault("text", {})[key] = value
        elif key == "asset" and isinstance(value, dict):
            out["media"] = {_V2_MEDIA.get(name, name): part for name, part in value.items()}
        elif key in _V2_KEYS and "group" not in out:
            out["group"] = value
        else:
            unknown[key] = value
    for key, value in unknown.items():
        out[key if key not in out and key not in _SLIDE_KEYS else f"{key} (TimelineJS 2)"] = value
    return out


def _slide_cells(slide: dict, cells: dict, unread) -> None:
    """A slide's (or an era's) values in the sheet's cells; `unread(key)` for each not imported."""

    def cell(value, key: str) -> str:
        if isinstance(value, (dict, list)) and _holds(value):  # (no cell holds an object: said, not dropped)
            unread(key)
        return _json_value(value)

    for key, value in slide.items():
        if key not in _SLIDE_KEYS and _holds(value):
            unread(key)
    dates = []
    for prefix, key in (("", "start_date"), ("End ", "end_date")):
        date = slide.get(key)
        if isinstance(date, (str, int, float)) and _holds(date):
            date = {"year": date}  # (a date written whole: as the Year, which says how to write it)
        elif not isinstance(date, dict):
            if _holds(date):
                unread(key)
            date = {}
        dates.append(date)
        for part, value in date.items():
            if part not in _DATE_KEYS and _holds(value) and not (part == "millisecond" and _json_value(value) == "0"):
                unread(f"{key}.{part}")
        for part in ("Year", "Month", "Day"):
            cells[f"{prefix}{part}"] = cell(date.get(part.lower()), f"{key}.{part.lower()}")
        hour, minute, second = (cell(date.get(part), f"{key}.{part}") for part in ("hour", "minute", "second"))
        if hour or minute or second:  # (as TimelineJS reads a time: minutes and seconds of two digits)
            cells[f"{prefix}Time"] = ":".join(
                [hour or "0", (minute or "0").zfill(2)] + ([second.zfill(2)] if second else [])
            )
    # The slide's date as shown: its start's (or the slide's own), and its end's after " to ", as
    # the Display Date of a span says it (the same as the dates: not imported; else kept).
    display = cell(slide.get("display_date") or dates[0].get("display_date"), "display_date")
    end_display = cell(dates[1].get("display_date"), "end_date.display_date")
    if end_display and display:
        display = f"{display} to {end_display}"
    elif end_display:
        unread("end_date.display_date")
    cells["Display Date"] = display
    for key, columns in (("text", _SLIDE_TEXT), ("media", _SLIDE_MEDIA)):
        part = slide.get(key)
        if isinstance(part, dict):
            for name, value in part.items():
                if name in columns:
                    cells[columns[name]] = cell(value, f"{key}.{name}")
                elif _holds(value):
                    unread(f"{key}.{name}")
        elif _holds(part):
            unread(key)
    # (TimelineJS takes a group's markup out, then shows what is left as HTML: its text is HTML
    # of HTML, `R&amp;amp;D` for R&D, as `export` writes it; a sheet's Group is HTML once.)
    cells["Group"] = html.unescape(cell(slide.get("group"), "group"))
    background = slide.get("background")  # ({"url": ..., "color": ...}: not imported, and said so)
    cells["Background"] = _json_value(
        background.get("url") or background.get("color") if isinstance(background, dict) else background
    )


def _holds(value) -> bool:
    """Whether a JSON value says anything (not null, empty, or a flag such as autolink's)."""
    return not (value is None or isinstance(value, bool) or value in ("", [], {}) or str(value).strip() == "")


def _json_value(value) -> str:
    """A JSON value as a sheet's cell holds it: a number as written, text as it is, nothing as empty."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


def one_spelling_per_lane(entries: list[Entry], rows: list[tuple[int, dict]]) -> list[Problem]:
    """Groups that differ only in case (`Protests`, `protests`) are one lane in events.csv, whose
    categories ignore case, where TimelineJS may have shown two: each is imported in the lane's
    spelling (the most used; on a tie, the first in the sheet), so that the dashboard, `check` and
    an export agree, and each other spelling is said on its first row, naming every row of both."""
    written = {number: inline(cells.get("Group", "")) for number, cells in rows}
    spellings: dict[str, dict[str, list[Entry]]] = {}  # lane key -> spelling -> its entries, in sheet order
    for entry in entries:
        group = written.get(entry.sheet_row, "")
        if group and not entry.era:
            spellings.setdefault(group.lower(), {}).setdefault(group, []).append(entry)
    problems = []
    for ways in spellings.values():
        if len(ways) < 2:
            continue
        lane = min(ways, key=lambda spelling: (-len(ways[spelling]), ways[spelling][0].sheet_row))
        for spelling, others in ways.items():
            if spelling == lane:
                continue
            for entry in others:
                entry.account["category"] = lane
            problems.append(
                Problem(
                    others[0].sheet_row,
                    "Group",
                    WARNING,
                    say(
                        "Group {value} ({rows}) differs from {lane} ({lane_rows}) only in case, and events.csv's "
                        "categories ignore case: they are one lane, imported as {lane}; if they are two lanes, give "
                        "them different names in the sheet",
                        value=show(spelling),
                        rows=rows_text([entry.sheet_row for entry in others]),
                        lane=show(lane),
                        lane_rows=rows_text([entry.sheet_row for entry in ways[lane]]),
                    ),
                )
            )
    return problems


def row_skipped(message: Message) -> Message:
    return say("{problem}; the row is skipped", problem=message)


def rows_text(rows: list[int]) -> Message:
    """Sheet rows as a reader counts them: "row 4", "rows 4, 7 and 9", "rows 2-40 and 43"."""
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    parts = []
    for first, last in runs:
        parts += (
            [str(first)] if first == last else [str(first), str(last)] if last == first + 1 else [f"{first}-{last}"]
        )
    return say_n("row {rows}", "rows {rows}", len(set(rows)), rows=and_list(parts))


def _type(cells: dict) -> str:
    """The row's Type as TimelineJS reads it: `title` and `era` in lower case only (`Title` is an
    event there, and is imported as one, with the warning of a Type that is neither)."""
    return cells.get("Type", "").strip()


def title_from(text: str) -> str:
    """A headline made from the start of a text: its first line, cut at a word boundary."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) <= TITLE_LENGTH:
        return first[:-1] if first.endswith(".") and not first.endswith("..") else first
    cut = first[: TITLE_LENGTH + 1]  # one more: a space there means a word ends at the limit
    words = cut.rsplit(" ", 1)[0] if " " in cut[1:] else first[:TITLE_LENGTH]
    return words.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def _shown_labels(start: str, end: str) -> list[str]:
    """The slide's date (and its span) as the dashboard shows it, first in the language `import`
    speaks, then in each of the dashboard's: `export` writes a display date in the page's."""
    labels: list[str] = []
    for lang in (None, *i18n.LANGUAGES):
        with i18n.using(lang) if lang else contextlib.nullcontext():
            first = shown_label(start)
            labels += [first, f"{first} to {shown_label(end)}"] if end else [first]
    return labels


def shown_label(text: str) -> str:
    """The date as the dashboard shows it (dates.label), for one of our dates; "" if it
    cannot be read."""
    parsed = dates.parse_series(pd.Series([text], dtype="str"))
    if parsed.errors:
        return ""
    return dates.label(parsed.value.iloc[0], parsed.precision.iloc[0], parsed.offset.iloc[0])


_TIME_FIRST = re.compile(
    r"(?i)(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s*,?\s+(?P<date>.*[^\d\s:].*\d{3,4})"
)


# A Display Date that is a time alone (4:30 PM, 16:30, 10:00 MSK): compared on the slide's day.
_TIME_ONLY = re.compile(
    r"(?i)(?=.*(?::|[ap]\.?m))\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,5}|[+-]\d{2}(?::?\d{2})?))?"
)


def _other_date(display: str, start: str) -> tuple[str, str] | None:
    """(the date a Display Date reads as, shown and as events.csv writes it) where it is another
    than `start` at the precision both give (January 2022 is any day of it; 7:30 PM is not 07:30);
    None where it is the same, or is no date that reads one way (Spring 2022, c. 1250)."""
    try:
        placed = dates.read(start)
    except dates.DateError:
        return None
    julian = dates.old_style_day(display)  # (a slide at its day as written was imported 13 days off)
    if julian is not None and placed.precision in ("day", "minute"):  # (25 October 1917 (O.S.): 7 November)
        if np.datetime64(julian.value, "D") == np.datetime64(placed.value, "D"):
            return None
        return dates.label(julian.value, julian.precision), dates.as_written(julian.value, julian.precision)
    said = _display_reading(display, start)
    if said is None or said.warning:  # (1/13/22 may be 1922; 1400/10/15 a Solar Hijri date: not said to be another)
        return None
    order = ("year", "month", "day", "minute")
    if said.precision not in order or placed.precision not in order:
        return None
    coarser = order[min(order.index(said.precision), order.index(placed.precision))]
    unit = {"year": "Y", "month": "M", "day": "D", "minute": "m"}[coarser]
    one, other = (np.datetime64(reading.value, "s").astype(f"datetime64[{unit}]") for reading in (said, placed))
    if one == other and not (coarser == "minute" and said.offset and not placed.offset):  # (10:00 MSK: its offset)
        return None
    apart = abs(int((said.value - placed.value).days))
    if said.value.year < 1924 and 10 <= apart <= 13:
        return None  # (5 January 1600 on a slide of the 15th: its Julian date, Old Style, beside the Gregorian)
    return dates.label(said.value, said.precision, said.offset), dates.as_written(
        said.value, said.precision, said.offset
    )


def _display_reading(display: str, start: str) -> dates.Reading | None:
    """The date a Display Date reads as (None: none), a time alone on the slide's day."""
    if len(display) > 100:  # (a date is short: a longer text is no date, nor looked into)
        return None
    time_first = _TIME_FIRST.fullmatch(display)  # (7:30 PM, January 5, 2022: as TimelineJS writes one)
    written = f"{time_first['date']} {time_first['time']}" if time_first else display
    if _TIME_ONLY.fullmatch(display) and " " in start:  # (4:30 PM on a slide at 04:30: a time of its day)
        written = f"{start.split(' ', 1)[0]} {display}"
    try:
        return _read_as_told(written)
    except dates.DateError:
        return None


def _with_display_offsets(start: str, end: str, display_cell: str) -> tuple[str, str]:
    """The slide's dates with the UTC offset its Display Date gives their times, where it says
    the same day and time with an offset (`5 January 2022, 14:30 (UTC-05:00)`, as `export` writes
    a date's offset, which a sheet's Time cannot hold; `14:30 MSK`); a span's end after " to ",
    as a JSON slide's end_date.display_date is read (_json_sheet). Else the dates as they are."""
    display = inline(display_cell)
    if not display or links_in(display_cell):
        return start, end
    first, _, last = display.partition(" to ") if end else (display, "", "")
    return _with_offset(start, first), _with_offset(end, last) if last else end


def _with_offset(date: str, display: str) -> str:
    if not date.isascii() or " " not in date:  # (a time, in ASCII digits: see _in_digits_of)
        return date
    try:
        placed = dates.read(date)
    except dates.DateError:
        return date
    said = _display_reading(display, date)
    if said is None and not placed.offset:
        offset = _labelled_offset(display, placed)
        return dates.as_written(placed.value, placed.precision, offset) if offset else date
    if (
        said is None
        or said.warning
        or placed.offset
        or not said.offset
        or (said.precision, said.value) != (placed.precision, placed.value)
    ):
        return date
    return dates.as_written(said.value, said.precision, said.offset)


_LABELLED_OFFSET = re.compile(r".*\(UTC(?P<offset>[+-]\d{2}:\d{2})?\)\s*")


def _labelled_offset(display: str, placed: dates.Reading) -> str:
    """The offset of a Display Date that is the dashboard's own label of the slide's date and
    time in one of its languages (`export` writes the page's: Arabic's `5 يناير 2022، 4:30 م
    (UTC+06:00)`, which dates.read does not read back: its offset was dropped on import, the time
    another moment, without a word; `(UTC)`: Z); else "". (A display date that only mentions the
    year and the time beside an offset is another's words: "talks at 09:00 in Kyiv (UTC+02:00)".)"""
    found = _LABELLED_OFFSET.fullmatch(display)
    if not found or placed.precision != "minute":
        return ""
    offset = found["offset"] or "Z"
    for lang in i18n.LANGUAGES:
        with i18n.using(lang):
            if dates.label(placed.value, placed.precision, offset) == display.strip():
                return offset
    return ""


def _read_as_told(text: str) -> dates.Reading:
    """dates.read(text); or where it refuses a text written with another language's month name or
    the characters for year, month and day, and says the one date it is (`6 janvier 2022`,
    `2022年1月6日`: "...; write 2022-01-06"), that date read, if its year is written whole (a year of
    two digits, a date of another calendar: dates.read's caveats, which its advice does not keep,
    are not passed over). Raises DateError."""
    try:
        return dates.read(text)
    except dates.DateError as error:
        told = error.args[0] if error.args else None
        if (
            not isinstance(told, Message)
            or told.template not in _TOLD_IN_OTHER_WORDS
            or not re.search(r"(?<!\d)\d{4}(?!\d)", text)
        ):
            raise
        said = dates.read(str(told.values["date"]))
        if not 1700 <= said.value.year <= datetime.now().year + 1:  # (15 نيسان 5782, 1400年: another calendar?)
            raise
        return said


# The refusals whose advice is the date the text says in other words (dates._said).
_TOLD_IN_OTHER_WORDS = frozenset(
    {
        "is written with a month name in {language}; write {date}",
        "is written with the characters for year, month and day ({characters}); write {date}",
    }
)


def _same_date_words(a: str, b: str) -> bool:
    def words(text: str) -> list[str]:  # (in any order: TimelineJS writes April 13, 1743; we, 13 April 1743)
        text = text.casefold().replace(".", "").replace(",", " ")
        return sorted(re.sub(r"\bbce\b", "bc", " ".join(text.split())).split())

    return words(a) == words(b)


def _in_digits_of(date: str, written: list[str]) -> str:
    """The date (ASCII digits) in the digits of the first cell written in others, if any."""
    other = next((c for text in written for c in text if c.isdigit() and not c.isascii()), None)
    if other is None:
        return date
    zero = ord(other) - unicodedata.digit(other)
    return date.translate({ord("0") + n: zero + n for n in range(10)})


def convert(number: int, cells: dict, credit: str) -> Entry:
    """One sheet row as an account (without its id). Raises CellError.

    Every cell ends up somewhere, or is named in a note: the Media picture or video goes
    to `media` (with its credit, caption and alt text), another web link to `source_url`;
    an embed code's text, a caption without a picture, and a Display Date that says more
    than the date go into the description.
    """
    start = sheet_date(cells.get("Year", ""), cells.get("Month", ""), cells.get("Day", ""), cells.get("Time", ""))
    end_cells = end_year, end_month, end_day, end_time = [
        cells.get(f"End {part}", "") for part in ("Year", "Month", "Day", "Time")
    ]
    end = sheet_date(end_year, end_month, end_day, end_time, prefix="End ") if any(v.strip() for v in end_cells) else ""
    # A date written in other digits (۱۴۰۰, a Solar Hijri year) goes into events.csv in them, so that
    # its check says what it says of such a date there (it may be of another calendar).
    start = _in_digits_of(start, [cells.get(part, "") for part in ("Year", "Month", "Day", "Time")])
    end = _in_digits_of(end, end_cells)
    start, end = _with_display_offsets(start, end, cells.get("Display Date", ""))
    era = _type(cells) == "era"
    if era and not end:  # (TimelineJS refuses it: "All eras must have start and end dates")
        raise CellError(
            "End Year", say("an era needs an End Year, as TimelineJS shows one only from its start to its end")
        )
    entry = Entry(number, {}, era)
    for column, cell in (("Year", cells.get("Year", "")), ("End Year", end_year)):
        if re.fullmatch(r"\d{1,2}", cell.strip()) and int(cell):
            # (TimelineJS shows 22 as the year 22; beside a chronology of 2022, likely its last digits)
            year = int(cell)
            message = say(
                "{column} {value} is imported as the year {year}, as TimelineJS shows it; if it is {recent} "
                "or {older} (a year written with two digits), write the year whole in the sheet",
                column=column,
                value=show(cell.strip()),
                year=f"{year:04d}",
                recent=2000 + year,
                older=1900 + year,
            )
            entry.warnings.append(Problem(number, column, WARNING, message))
    credit_cell, caption_cell = cells.get("Media Credit", ""), cells.get("Media Caption", "")
    account = {
        "date": start,
        "end_date": end,
        "title": "",
        "description": "",
        "category": ERA if era else (inline(cells.get("Group", "")) or DEFAULT_GROUP),
        "source": inline(credit_cell) or credit,
        "source_url": "",
        "media": "",
        "media_credit": "",
        "media_caption": "",
        "media_alt": "",
    }
    paragraphs = [html_to_text(cells.get("Text", ""))]
    cell = cells.get("Media", "").strip()
    if is_markup(cell):
        link = embed_link(cell)
        paragraphs.append(html_to_text(cell, embeds=False))
        entry.notes.append("embed")
    else:
        link = absolute(cell)
        if cell and not link:
            # (an address with a space in it, or followed by words: told how to write each)
            entry.notes.append("spaced link" if absolute(cell.split()[0]) else "not a link")
    alt = inline(cells.get("Alt Text", ""))
    if media_kind(link) in ("image", "video"):
        account.update(
            media=link, media_credit=one_line(credit_cell), media_caption=one_line(caption_cell), media_alt=alt
        )
    else:
        # A link that is not a picture or a video (an article, a tweet, a map) is the
        # account's source; without one, the credit's own link is.
        credit_link = next(iter(links_in(credit_cell)), "")
        account["source_url"] = link or credit_link
        caption = html_to_text(caption_cell)
        if caption:
            paragraphs.append(caption)
            entry.notes.append("caption")
        if any(address != account["source_url"] for address in links_in(credit_cell)):
            # (the Media's link is the source_url, or, without one, the credit's first)
            paragraphs.append(f"Credit: {one_line(credit_cell)}")
            entry.notes.append("credit" if link else "credit links")
        if alt:
            entry.notes.append("alt")
    # A linked headline (TimelineJS shows it as a link): its address is the source_url when the
    # Media and the credit give none, else it is kept in the description as the credit's is.
    headline = cells.get("Headline", "")
    headline_links = links_in(headline)
    own = bool(headline_links) and not account["source_url"]
    if own:
        account["source_url"] = headline_links[0]
    if any(address != account["source_url"] for address in headline_links):
        paragraphs.append(f"Headline: {one_line(headline)}")
        entry.notes.append("headline links" if own else "headline link")  # (its first link the source_url)
    # A lane's name holds no link: a linked Group keeps its words as the category, and the group
    # with its addresses goes into the description, as a linked headline does.
    group = cells.get("Group", "")
    if not era and links_in(group):
        paragraphs.append(f"Group: {one_line(group)}")
        entry.notes.append("group link")
    # An address no column can keep (a relative /news/x, a javascript:) is said, never dropped quietly.
    for column in ("Headline", "Text", "Media Credit", "Media Caption", "Group", "Display Date"):
        for words, address in unkept_links(cells.get(column, "")):
            said = dict(column=column, words=show(words), address=show(address))
            if address[:8].lower().startswith(("http://", "https://")) or address.startswith("//"):
                # (a full address a link cannot be made of: a space, an invisible character, a user name)
                message = say(
                    "{column} links {words} to {address}, which is not a whole web link (it has no host, or a space, "
                    "an invisible character, a … or a user name before its host in it), so only the words are "
                    "imported; write the address alone in the sheet, as the browser's address bar shows it",
                    **said,
                )
            else:
                message = say(
                    "{column} links {words} to {address}, which is not a full http:// or https:// address, so "
                    "only the words are imported (events.csv links only such addresses); write the full "
                    "address in the sheet, https://...",
                    **said,
                )
            entry.warnings.append(Problem(number, column, WARNING, message))
    display_cell = cells.get("Display Date", "")
    display = inline(display_cell)
    if display:
        shown = _shown_labels(start, end)
        if links_in(display_cell):  # (its address kept, even where its words are the date's)
            paragraphs.append(f"Display date: {one_line(display_cell)}")
            entry.notes.append("display date link")
        elif not any(label and _same_date_words(display, label) for label in shown):
            paragraphs.append(f"Display date: {display}")
            entry.notes.append("display date")
            other = _other_date(display, start)
            if other:  # (5 January 2022 shown on a slide placed at 1 May 2022: which is it?)
                entry.warnings.append(
                    Problem(
                        number,
                        "Display Date",
                        WARNING,
                        say(
                            "Display Date {display} is {other}, but Year, Month, Day and Time say {start}: the "
                            "account is imported at {start}, where TimelineJS places the slide; if the Display Date "
                            "is right, correct the date in events.csv (or the sheet) to {meant}",
                            display=show(display),
                            other=other[0],
                            start=shown[0],
                            meant=other[1],
                        ),
                    )
                )
    for column, key in (("Media Thumbnail", "thumbnail"), ("Background", "background")):
        if cells.get(column, "").strip():
            entry.notes.append(key)
    account["description"] = "\n\n".join(p for p in paragraphs if p)
    account["title"] = inline(headline) or _untitled(entry, cells)
    entry.account = account
    return entry


def _untitled(entry: Entry, cells: dict) -> str:
    """The title of a slide without a headline (TimelineJS shows one), from the start of its
    Text, else of its caption or embed; the row gets a warning that says so."""
    for column, text in (
        ("Text", html_to_text(cells.get("Text", ""), addresses=False)),
        ("Media Caption", html_to_text(cells.get("Media Caption", ""), addresses=False)),
        ("Media", html_to_text(cells.get("Media", ""), addresses=False) if is_markup(cells.get("Media", "")) else ""),
        ("Alt Text", inline(cells.get("Alt Text", ""))),
    ):
        title = title_from(text)
        if title:
            entry.warnings.append(
                Problem(
                    entry.sheet_row,
                    "Headline",
                    WARNING,
                    say(
                        "Headline is empty, so the title is taken from the start of the {column}: {title}; write a "
                        "headline in the sheet, or edit the title in events.csv",
                        column=column,
                        title=show(title, 80),
                    ),
                )
            )
            return title
    entry.warnings.append(
        Problem(
            entry.sheet_row,
            "Headline",
            WARNING,
            say(
                "Headline is empty and the row has no text to take a title from, so the title is {untitled!r}; "
                "write a headline in the sheet, or edit the title in events.csv",
                untitled=UNTITLED,
            ),
        )
    )
    return UNTITLED


def with_ids(entries: list[Entry], taken: set[str]) -> list[dict]:
    """The entries' accounts, each with an id made from its headline (a JSON slide's from its
    unique_id, if it has one), unique in `taken`."""
    taken = set(taken)
    return [
        {"id": unique(schema.slug(entry.unique_id or entry.account["title"]), taken), **entry.account}
        for entry in entries
    ]
