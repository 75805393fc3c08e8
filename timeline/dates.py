"""Dates as editors write them: one grammar, parsed once per distinct string, precision kept.

A date is a wall-clock time as written. An offset such as `+06:00`, or a time zone that names
one offset (`EST`, `ALMT`), is kept for display but never used to convert: the same string
means the same day and time for every reader.

Precision is one of `year`, `month`, `day`, `minute`, inferred from what is written (`2022` is
a year, `Jan 2022` a month).

Every form an editor may write is one row of `FORMS` (a regular expression with named parts);
`DIAGNOSES` names what is wrong with common near misses. Both paths read that one table: the
bulk path runs each form over all distinct strings at once (Arrow's regex engine), the slow
path runs the same forms one string at a time (Python's, which also knows non-ASCII digits).
Whatever the path, the parts become a date in one place, `_compose`, which holds every range
check. The commonest ISO shapes are read straight from their bytes first (speed only: the same
parts, into the same `_compose`).

Years run from 9999 BC to AD 9999. A leading minus is a year BC, as historians and TimelineJS
count (`-500` is 500 BC; there is no year 0); values are numpy datetime64[s] in astronomical
years (500 BC is year -499), so spans across the BC/AD line have the right length.
"""

from __future__ import annotations

import calendar
import contextvars
import functools
import importlib.resources
import itertools
import re
import threading
import unicodedata
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from dateutil import parser as dateutil_parser

from . import i18n
from .problems import Message, say, say_n, say_year, show

PRECISIONS = ("year", "month", "day", "minute")
UNIT = "datetime64[s]"
FIRST_YEAR, LAST_YEAR = -9998, 9999  # astronomical: 9999 BC to AD 9999 (plotly draws these)

HOW_TO_WRITE = say("write it as YYYY-MM-DD (e.g. 2022-01-07), YYYY-MM, YYYY or YYYY-MM-DD HH:MM")

# --- time zones ------------------------------------------------------------------------------

# Names and abbreviations that name exactly one UTC offset. An abbreviation that names several
# (CST: US Central or China; IST: India, Ireland or Israel; BST; AST) is not here: it is a warning.
ZONES = {
    "Z": "Z",
    "UTC": "Z",
    "GMT": "Z",
    "UT": "Z",
    "WET": "+00:00",
    "WEST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "MET": "+01:00",
    "MEST": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "MSK": "+03:00",
    "MSD": "+04:00",
    "TRT": "+03:00",
    "SAMT": "+04:00",
    "GET": "+04:00",
    "AZT": "+04:00",
    "AZST": "+05:00",
    "IRST": "+03:30",
    "IRDT": "+04:30",
    "AFT": "+04:30",
    "PKT": "+05:00",
    "PKST": "+06:00",
    "UZT": "+05:00",
    "TJT": "+05:00",
    "TMT": "+05:00",
    "YEKT": "+05:00",
    "AQTT": "+05:00",
    "ORAT": "+05:00",
    "NPT": "+05:45",
    "ALMT": "+06:00",
    "QYZT": "+06:00",
    "KGT": "+06:00",
    "OMST": "+06:00",
    "ICT": "+07:00",
    "WIB": "+07:00",
    "NOVT": "+07:00",
    "KRAT": "+07:00",
    "HKT": "+08:00",
    "SGT": "+08:00",
    "AWST": "+08:00",
    "IRKT": "+08:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "YAKT": "+09:00",
    "ACST": "+09:30",
    "AEST": "+10:00",
    "VLAT": "+10:00",
    "AEDT": "+11:00",
    "MAGT": "+11:00",
    "NZST": "+12:00",
    "PETT": "+12:00",
    "NZDT": "+13:00",
    "SAST": "+02:00",
    "CAT": "+02:00",
    "EAT": "+03:00",
    "WAT": "+01:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "MDT": "-06:00",
    "PDT": "-07:00",
    "AKST": "-09:00",
    "AKDT": "-08:00",
    "HST": "-10:00",
    "NST": "-03:30",
    "NDT": "-02:30",
    "ADT": "-03:00",
    "BRT": "-03:00",
    "ART": "-03:00",
    "CLT": "-04:00",
    "CLST": "-03:00",
    "COT": "-05:00",
    "PET": "-05:00",
    "VET": "-04:00",
}
# Abbreviations named after one place's clocks, whose offset moved with those clocks: MSK was
# +04:00 from March 2011 to October 2014, ALMT +05:00 from 1 March 2024, VET -04:30 from 2007 to
# 2016. From 1970 on, where the offset below is neither what the place's clocks showed on the day
# written nor its standard time then, the abbreviation is read at its standard time that day, as
# the time zone database (zoneinfo) has it; elsewhere as below, as before (MSK in a summer of
# daylight saving is its standard +03:00). Those not here (CET, EST, JST...) name one offset
# whatever the day.
HOMES = {
    "MSK": "Europe/Moscow",
    "SAMT": "Europe/Samara",
    "YEKT": "Asia/Yekaterinburg",
    "OMST": "Asia/Omsk",
    "NOVT": "Asia/Novosibirsk",
    "KRAT": "Asia/Krasnoyarsk",
    "IRKT": "Asia/Irkutsk",
    "YAKT": "Asia/Yakutsk",
    "VLAT": "Asia/Vladivostok",
    "MAGT": "Asia/Magadan",
    "PETT": "Asia/Kamchatka",
    "ALMT": "Asia/Almaty",
    "QYZT": "Asia/Qyzylorda",
    "AQTT": "Asia/Aqtau",
    "ORAT": "Asia/Oral",
    "GET": "Asia/Tbilisi",
    "AZT": "Asia/Baku",
    "KGT": "Asia/Bishkek",
    "UZT": "Asia/Tashkent",
    "TJT": "Asia/Dushanbe",
    "TMT": "Asia/Ashgabat",
    "NPT": "Asia/Kathmandu",
    "IRST": "Asia/Tehran",
    "SGT": "Asia/Singapore",
    "VET": "America/Caracas",
    "ART": "America/Argentina/Buenos_Aires",
    # (TRT, named for Turkey's +03:00 all year from September 2016, written for a time before, when
    # its clocks showed +02:00 in winter)
    "TRT": "Europe/Istanbul",
}
MANY_OFFSETS: dict[str, Message] = {  # (the zones each names, in the editor's language)
    "CST": say("US Central -06:00, China +08:00 or Cuba -05:00"),
    "CDT": say("US Central -05:00 or Cuba -04:00"),
    "IST": say("India +05:30, Ireland +01:00 or Israel +02:00"),
    "BST": say("British Summer Time +01:00 or Bangladesh +06:00"),
    "AST": say("Atlantic -04:00 or Arabia +03:00"),
    "AMT": say("Armenia +04:00 or Amazon -04:00"),
    "GST": say("Gulf +04:00 or South Georgia -02:00"),
    # (PST: Pakistan's media write it for their +05:00, the Philippines for theirs; MST: Malaysia's)
    "PST": say("US Pacific -08:00, Philippines +08:00 or Pakistan +05:00"),
    "MST": say("US Mountain -07:00 or Malaysia +08:00"),
    "ET": say("US Eastern: -05:00 in winter, -04:00 in summer"),
    "CT": say("US Central: -06:00 in winter, -05:00 in summer"),
    "MT": say("US Mountain: -07:00 in winter, -06:00 in summer"),
    "PT": say("US Pacific: -08:00 in winter, -07:00 in summer"),
}
# The US zones of MANY_OFFSETS, whose offset on a day is known (an example of what to write gives it).
# Clocks that show a standard time in winter and a summer time in summer: an abbreviation of
# either, written for a time the clocks showed the other (EST in July, CEST in January), is read
# at its own offset, as written, with a warning naming the clocks' (a slip of the pen as often as
# not). (the city the clocks are named by in the warning, its zone, standard, summer, the first
# year they are looked at: the European Community's summer time began together in 1981).
_CLOCKS = (
    ("New York", "America/New_York", "EST", "EDT", 1970),
    ("Denver", "America/Denver", "MST", "MDT", 1970),
    ("Los Angeles", "America/Los_Angeles", "PST", "PDT", 1970),
    ("Anchorage", "America/Anchorage", "AKST", "AKDT", 1970),
    ("St. John's", "America/St_Johns", "NST", "NDT", 1970),
    ("Halifax", "America/Halifax", "AST", "ADT", 1970),
    ("Berlin", "Europe/Berlin", "CET", "CEST", 1981),
    ("Berlin", "Europe/Berlin", "MET", "MEST", 1981),
    ("Athens", "Europe/Athens", "EET", "EEST", 1981),
    ("Lisbon", "Europe/Lisbon", "WET", "WEST", 1981),
    ("Sydney", "Australia/Sydney", "AEST", "AEDT", 1970),
    ("Auckland", "Pacific/Auckland", "NZST", "NZDT", 1970),
    ("Moscow", "Europe/Moscow", "MSK", "MSD", 1981),
    ("Tehran", "Asia/Tehran", "IRST", "IRDT", 1979),
    ("Baku", "Asia/Baku", "AZT", "AZST", 1981),
    ("Santiago", "America/Santiago", "CLT", "CLST", 1970),
    ("Karachi", "Asia/Karachi", "PKT", "PKST", 1970),  # (summer time in 2002 and 2008-2009)
)
# Standard times some places keep all year, said of in summer only where they are not: Queensland
# keeps AEST, Algeria and Tunisia CET, Libya and Kaliningrad EET (and AST, MST and PST name several
# offsets: MANY_OFFSETS). EST is looked at: Jamaica and Panama keep it too, but a newsroom that
# writes EST in July means New York's clocks far more often.
_ALL_YEAR = frozenset({"AEST", "CET", "MET", "EET"})
_SEASONS = {key: clocks for clocks in _CLOCKS for key in clocks[2:4] if key in ZONES and key not in _ALL_YEAR}
_ORDINAL_1970 = Date(1970, 1, 1).toordinal()
# Each pair's abbreviations by the offsets they name.
# (The standard times of those that name several zones, MANY_OFFSETS, as these clocks show them.)
_STANDARD = {"AST": "-04:00", "MST": "-07:00", "PST": "-08:00"}
_SHOWN = {(c[2], c[3]): {ZONES.get(c[2]) or _STANDARD[c[2]]: c[2], ZONES[c[3]]: c[3]} for c in _CLOCKS}
_MANY_HOMES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}

# --- the grammar -------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    name.lower(): number for number, names in enumerate(dateutil_parser.parserinfo.MONTHS, 1) for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY_NAMES = r"mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun"  # (their first three letters name them)
_WEEKDAY = rf"(?:(?:{_WEEKDAY_NAMES})(?:day)?\.?,?\s+)"
_WRITTEN_WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY_NAMES})(?:day)?\.?,?\s+)"  # (a form's: checked against its date)
_MONTH = rf"(?P<monthname>{_MONTH_NAMES})\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_APOSTROPHE = "['\u2019]"  # (before a year of two digits: '22)
_ERA = r"(?:\s*(?P<era>b\.?c\.?e\.?|b\.?c\.?|c\.?e\.?|a\.?d\.?))?"
_ERA_BEFORE = r"(?:(?P<era2>a\.?d\.?|c\.?e\.?)\s*)?"  # AD 14
# A year as a form ends with it: with its era (44 BC, AD 14), or of two digits after an apostrophe
# ('22, which no era follows).
_YEAR = rf"(?:(?P<mark>{_APOSTROPHE})(?P<year3>\d{{2}})|{_ERA_BEFORE}(?P<year>\d{{1,4}}){_ERA})"


@dataclass(frozen=True)
class Form:
    """One way of writing a date: a regular expression whose named parts `_date_parts` reads."""

    name: str
    pattern: str
    short_years: bool = False  # a two-digit year is read as dateutil reads it (22: 2022)


# A date is one of FORMS, then optionally a CLOCK: a time of day with its offset or zone.
FORMS: tuple[Form, ...] = (
    # 2022, 2022-01, 2022-01-07, -0500-03-15 (500 BC)
    Form("iso", r"(?P<sign>-)?(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?"),
    # 600, -500, -5: a year of fewer than four digits (with a minus: BC)
    Form("short year", r"(?P<sign>-)?(?P<year>\d{1,3})"),
    # 500 BC, 500 BCE, 600 AD, AD 600, 600 CE
    Form(
        "year and era",
        r"(?:(?P<year>\d{1,4})\s*(?P<era>b\.?c\.?e\.?|b\.?c\.?|c\.?e\.?|a\.?d\.?)"
        r"|(?P<era2>a\.?d\.?|c\.?e\.?)\s*(?P<year2>\d{1,4}))",
    ),
    # 2022/01/07, 2022.01.07, and as Korea writes it, 2022. 1. 7. (a space after each dot, one after the day)
    Form("year first", r"(?P<year>\d{4})(?:/|\. ?)(?P<month>\d{1,2})(?:/|\. ?)(?P<day>\d{1,2})\.?"),
    # 13/04/2022, 04/13/2022, 13.4.22; 03/04/2022 is refused (it reads two ways), clock or none
    Form("numbers", r"(?P<a>\d{1,2})(?P<sep>[/.\-\s])(?P<b>\d{1,2})[/.\-\s](?P<year>\d{4}|\d{2})", short_years=True),
    # 7 January 2022, Friday 7th January 2022, the 7th of January 2022, 7-Jan-22, 7 Jan '22,
    # 15 March 44 BC, 19 August AD 14
    Form(
        "day month year",
        rf"{_WRITTEN_WEEKDAY}?(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s\-/]*{_MONTH},?[\s\-/]*{_YEAR}",
        short_years=True,
    ),
    # January 7, 2022, Jan. 7th 2022, Fri, Jan 7 2022, January the 7th, 2022, Jan 7 '22
    Form(
        "month day year",
        rf"{_WRITTEN_WEEKDAY}?{_MONTH}(?:\s+the\s+|[\s\-/]*)(?P<day>\d{{1,2}}){_ORDINAL}(?:,\s*|\s+){_YEAR}",
        short_years=True,
    ),
    # 2022 Jan 07, 2022-Jan-07, 2022/January/7, 2022 Jan: the year first, in full (no other order is
    # meant); only 1900-2099, as databases and citations write it (1430 Jan 5 may be a time, 14:30)
    Form(
        "year month day",
        rf"(?P<year>(?:19|20)\d{{2}})(?:[\-/.]|,?\s+){_MONTH}(?:[\-/.\s]*(?P<day>\d{{1,2}}){_ORDINAL})?",
    ),
    # Jan-07-2022, Jan/07/2022: joined by hyphens or slashes, the year in full (Jan 5-22 may be a
    # range of days)
    Form("month day year, joined", rf"{_WRITTEN_WEEKDAY}?{_MONTH}[\-/](?P<day>\d{{1,2}})[\-/](?P<year>\d{{4}})"),
    # January 2022, Jan 2022, Jan-2022, Jan '22, March 44 BC
    Form(
        "month year",
        rf"{_MONTH},?[\s\-/]*{_YEAR}",
        short_years=True,
    ),
)

# 14:30, T14:30:15.5, 2:30 PM, 2pm, at 4:30 p.m., 14h30; then +06:00, Z, EST, UTC+6, (ALMT), Asia/Almaty.
# AM and PM end a word (the "Am" of America/Chicago is a zone's, not the morning's: RE2, Arrow's
# regex engine, has no lookahead, hence the word boundary).
CLOCK = (
    r"(?:t|,?\s+(?:at\s+)?)(?P<hour>\d{1,2})(?:[:h](?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?m(?:\.|\b))?|\s*(?P<ampm2>[ap]\.?m(?:\.|\b)))"
    r"(?:\s*(?P<offset>z|[+-]\d{2}(?::?\d{2})?)"
    r"|\s*\(?(?P<zone>(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[a-z]{1,6}|[a-z]+/[a-z_]+(?:-[a-z_]+)*(?:/[a-z_]+(?:-[a-z_]+)*)?)\)?)?"
)
# A string is its date, then its clock if it ends with one.
_PLAIN_CLOCK = re.sub(r"\(\?P<\w+>", "(?:", CLOCK)  # (no named parts)
SPLIT = r"(?P<date>.*?)(?P<clock>" + _PLAIN_CLOCK + r")?"

# Near misses of a date (the part before any clock): what is wrong with them, said plainly.
_NO_YEAR = say("has no year; {how_to_write}", how_to_write=HOW_TO_WRITE)
DIAGNOSES: tuple[tuple[str, Message], ...] = (
    (rf"{_WEEKDAY}?\d{{1,2}}{_ORDINAL}(?:\s+of)?[\s\-/]*(?:{_MONTH_NAMES})\.?", _NO_YEAR),
    (rf"{_WEEKDAY}?(?:{_MONTH_NAMES})\.?[\s\-/]*\d{{1,2}}{_ORDINAL}", _NO_YEAR),
    (rf"(?:{_WEEKDAY_NAMES})(?:day)?\.?", _NO_YEAR),
    (r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", _NO_YEAR),
    (r"\d{1,2}\s*[ap]\.?m\.?", _NO_YEAR),
)
_NO_DAY = say("has a time but no day; {how_to_write}", how_to_write=HOW_TO_WRITE)


# A date said relative to when it was written, as a post or a page shows it ("2 days ago", "5h
# ago", "yesterday at 14:30", "вчера", "il y a 3 jours", "hace 2 días", "vor 2 Tagen", "2 күн
# бұрын", "منذ يومين"): no reader can place it. (Spanish writes August "ago": "5 ago 2022" has no
# unit before it.) And years counted back from the present ("65 million years ago", "10,000 BP").
_WEEKDAYS_EN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RELATIVE_WORDS = (
    r"(?:(?:about|around|over|almost|nearly|~)\s*)?"
    r"(?:\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?few|several|(?:a\s+)?couple\s+of)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\.?\s+ago"
    rf"|yesterday|today|tonight|tomorrow|now|just\s+now|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
    rf"|(?:this|last|next)\s+(?:morning|afternoon|evening|night|week|weekend|month|year|{_WEEKDAYS_EN})"
    r"|вчера|позавчера|сегодня|завтра|послезавтра|сейчас|только\s+что"
    r"|\d{1,4}\s*(?:секунд\w*|сек\.?|минут\w*|мин\.?|час\w*|ч\.?|дн(?:я|ей)|день|недел\w*|месяц\w*|мес\.?|год\w*|лет)\s+назад"
    r"|(?:на\s+)?прошл\w+\s+(?:недел\w+|месяц\w*|год\w*)"
    r"|hier|avant-hier|aujourd['’]hui|demain|maintenant"
    r"|il\s+y\s+a\s+\d{1,4}\s*(?:secondes?|s|minutes?|min|heures?|h|jours?|j|semaines?|mois|ans?|années?)"
    r"|la\s+semaine\s+derni[eè]re|le\s+mois\s+dernier|l['’]an(?:née)?\s+derni[eè]re?"
    r"|ayer|anteayer|hoy|hace\s+\d{1,4}\s*(?:segundos?|minutos?|min|horas?|h|d[ií]as?|semanas?|mes(?:es)?|años?)"
    r"|gestern|vorgestern|heute|vor\s+\d{1,4}\s*(?:sekunden|minuten|min\.?|stunden?|std\.?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|кеше|бүгін|ертең|\d{1,4}\s*(?:секунд|минут|сағат|күн|апта|ай|жыл)\s+бұрын"
    r"|أمس|الأمس|البارحة|اليوم|غدا|غداً|منذ\s+(?:\d{1,4}\s*)?(?:ثوان|ثانية|دقيقة|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر|سنة|سنتين|سنوات|عام|أعوام)"
)
_RELATIVE_TIME = r"\d{1,2}(?:[:h.]\d{2})?\s*(?:[ap]\.?m\.?|h|uhr)?"
# (Patterns, compiled by `re` when first used: only refused values are looked at.)
_RELATIVE = (
    rf"(?:{_RELATIVE_TIME}\s*,?\s+)?(?:{_RELATIVE_WORDS})"
    rf"(?:\s*,?\s*(?:at|à|a\s+las|в|um|في)?\s*{_RELATIVE_TIME})?"
)
_BEFORE_PRESENT = (
    r"(?:(?:about|around|over|almost|nearly|circa|ca?\.|~)\s*)?"  # (a thousand years or more: 2 years ago is relative)
    r"(?:\d[\d,.]{0,20}\s*(?:thousand|million|billion|k|m|bn)\s*|\d{1,3}(?:[,.\s]\d{3})+\s*|\d{4,12}\s*)"
    r"(?:years?|yrs?)\s+(?:ago|before\s+present|bp)"
    r"|\d[\d,.]{0,20}\s*(?:bp|b\.p\.|ya|kya|mya|bya|ka|ma|ga)"
)
_RELATIVE_DATE = say(
    "is relative to the day it was written, which a reader cannot know: count from the date of the post or "
    "page it came from, and {how_to_write}",
    how_to_write=HOW_TO_WRITE,
)
_YEARS_BEFORE_PRESENT = say(
    "counts years before the present, which a date cannot hold: write the year it means, with a minus sign "
    "for a year BC (500 BC is -0500); years run from 9999 BC to AD 9999"
)


def _whole(pattern: str) -> str:
    return "(?is)^(?:" + pattern + ")$"


class DateError(ValueError):
    """A date string that cannot be read; the message says why and how to fix it."""


@dataclass
class ParsedDates:
    """One column of dates, parsed: aligned with the input series.

    Each distinct string is parsed once: a row's value, precision and offset are those of its
    string, `distinct_*[take]`. `precision` and `offset` are made from these when asked for.
    """

    value: pd.Series  # datetime64[s], NaT where empty or unreadable
    errors: dict[str, Message | str]  # unreadable string -> message
    distinct_value: np.ndarray  # datetime64[s], per distinct string
    distinct_precision: np.ndarray  # object array of str, per distinct string
    distinct_offset: np.ndarray  # object array of str, per distinct string
    take: np.ndarray  # per row: the position of its string among the distinct ones
    blank: bool = False  # no distinct strings at all (an empty column)
    warnings: dict[str, Message | str] = field(default_factory=dict)  # read, but with a caveat -> message
    _columns: dict = field(default_factory=dict, repr=False)

    @property
    def precision(self) -> pd.Series:
        """One of PRECISIONS, or "" where empty or unreadable."""
        return self._column("precision", self.distinct_precision)

    @property
    def offset(self) -> pd.Series:
        """The UTC offset written ("+06:00", or a zone's: "-05:00" for EST), usually ""."""
        return self._column("offset", self.distinct_offset)

    def _column(self, name: str, distinct: np.ndarray) -> pd.Series:
        if name not in self._columns:
            index = self.value.index
            self._columns[name] = (
                pd.Series([""] * len(index), index=index, dtype="str")
                if self.blank
                else _strings(distinct, self.take, index)
            )
        return self._columns[name]

    def any_within(self, low: np.datetime64, high: np.datetime64) -> bool:
        """Whether any row's date lies from `low` to `high`: none does when no distinct one does."""
        distinct = self.distinct_value
        if not ((distinct >= low) & (distinct <= high)).any():
            return False
        value = self.value.to_numpy()
        return bool(((value >= low) & (value <= high)).any())

    def last(self) -> pd.Series:
        """`last_moment` of each row: worked out once per distinct string."""
        last = _last_moments(self.distinct_value, self.distinct_precision)
        return pd.Series(last[self.take], index=self.value.index)

    def moved(self, rows: np.ndarray, seconds: np.ndarray, offsets: np.ndarray) -> None:
        """The dates of these rows (positions) moved by `seconds` each, to be read at `offsets`:
        the same moments on another clock. Each becomes a distinct date of its own."""
        n, was = len(self.distinct_value), self.take[rows]
        values = self.distinct_value[was] + seconds.astype("timedelta64[s]")
        self.distinct_value = np.concatenate([self.distinct_value, values]).astype(UNIT)
        self.distinct_precision = np.concatenate([self.distinct_precision, self.distinct_precision[was]]).astype(object)
        self.distinct_offset = np.concatenate([self.distinct_offset, np.asarray(offsets, dtype=object)]).astype(object)
        self.take = self.take.copy()
        self.take[rows] = n + np.arange(len(rows))
        self.value = self.value.copy()
        self.value.iloc[rows] = values
        self._columns.clear()

    def leave_out(self, rows: np.ndarray) -> None:
        """The rows in the mask get no date: NaT, no precision, no offset."""
        self.value[rows] = np.datetime64("NaT")
        self.distinct_value = np.append(self.distinct_value, np.datetime64("NaT")).astype(UNIT)
        self.distinct_precision = np.append(self.distinct_precision, "").astype(object)
        self.distinct_offset = np.append(self.distinct_offset, "").astype(object)
        self.take = np.where(rows, len(self.distinct_value) - 1, self.take)
        self._columns.clear()


@dataclass(frozen=True)
class Reading:
    """One date string, read."""

    value: pd.Timestamp  # wall-clock, unit "s"
    precision: str
    offset: str
    warning: Message | str = ""  # read, with a caveat (a time zone it does not know)


def read(text: str) -> Reading:
    """Read one date string. Raises DateError with a message for the editor."""
    parsed = parse_series(pd.Series([text], dtype="str"))
    key = text.strip()
    if not key:
        raise DateError("is empty")
    if key in parsed.errors:
        raise DateError(parsed.errors[key])
    value = pd.Timestamp(parsed.distinct_value[0])
    return Reading(
        value, str(parsed.distinct_precision[0]), str(parsed.distinct_offset[0]), parsed.warnings.get(key, "")
    )


_read_one = read  # (for _said, whose own `read` is its readings)


def _disagreeing(offset: str, zone: str, zone_offset: str, date: str, other: str) -> Message:
    return say(
        "has a UTC offset ({offset}) and a zone's name after it ({zone}) that disagree: {zone} was "
        "UTC{zone_offset} at that time; write {date} for the offset, or {other} for the zone",
        offset=offset,
        zone=zone,
        zone_offset=zone_offset,
        date=date,
        other=other,
    )


def _zone_disagrees(with_offset: tuple, offset: str, zone: str, zoned: str) -> Message | None:
    """What is said of a date with a UTC offset and a zone's name after it (10:00 +0100 EST), read
    at the offset (`with_offset`), where the zone alone (`zoned`) reads with a warning (EST in July:
    at its own offset, -05:00) or names several offsets (CST: -06:00, +08:00 or -05:00): that they
    disagree, where the offset is none of the zone's nor an hour ahead of one (its summer time)."""
    try:
        reading = _read_one(zoned)
    except DateError:
        return None
    key = zone.upper()
    theirs = [reading.offset] if reading.offset else re.findall(r"[+-]\d\d:\d\d", str(MANY_OFFSETS.get(key, "")))
    if not theirs:
        return None
    east, known = offset_seconds([with_offset[2], *theirs])
    if not known.all() or any(east[0] - other in (0, 3600) for other in east[1:].tolist()):
        return None
    if reading.offset:
        other = _as_written(np.datetime64(reading.value, "s"), reading.precision, reading.offset)
        return _disagreeing(offset, zone, reading.offset, _as_written(*with_offset), other)
    return say(
        "has a UTC offset ({offset}) and a zone's name after it ({zone}) that disagree: {zone} names {offsets}; "
        "write {date} for the offset, or the zone's offset meant instead, e.g. {example}",
        offset=offset,
        zone=zone,
        offsets=MANY_OFFSETS[key],
        date=_as_written(*with_offset),
        example=_as_written(np.datetime64(reading.value, "s"), "minute", example_offset(key, reading.value)),
    )


def parse_one(text: str) -> tuple[pd.Timestamp, str, str]:
    """Parse one date string: (wall-clock value, precision, offset). Raises DateError."""
    reading = read(text)
    return reading.value, reading.precision, reading.offset


def parse_series(texts: pd.Series, bulk: bool = True, column: str = "date", iso_spans: bool = True) -> ParsedDates:
    """Parse a column of date strings, each distinct string once.

    `bulk=False` reads every string with Python's regex engine only: the same grammar, the
    same result (tests hold the two engines to that). `column`: which of schema.DATE_COLUMNS
    they are, for the advice on a span written in one value (a range, a quarter, two years):
    in date, its start there and its end in end_date; in end_date, its end there; in
    published, which is one day, the day the account was published. `iso_spans`: a date of
    ISO 8601's form that may be a span of two times (2022-01-05 09:00-10:00) is read at its
    UTC offset, with a warning (_time_spans); False: refused, naming both readings, as every
    other form is (_minus_signs asks so)."""
    codes, uniques = pd.factorize(texts, sort=False)
    uniques = pd.Series(uniques, dtype="str").str.strip()
    n = len(uniques)
    out = _Out(n)
    out.done[(uniques == "").to_numpy()] = True
    if n and bulk:
        _read_iso_bytes(uniques, out)
        rest = np.flatnonzero(~out.done)
        if len(rest):
            # ASCII text only: Arrow's engine folds case beyond ASCII (Auguſt would be August).
            left = pa.array(uniques.iloc[rest].array, type=pa.large_string())
            ascii = pc.string_is_ascii(left).to_numpy(zero_copy_only=False)
            try:
                _read(left.filter(pa.array(ascii)), rest[ascii], out, _arrow)
            except (pa.ArrowInvalid, ValueError):
                pass  # a text Arrow cannot take: Python's engine reads it below
    rest = np.flatnonzero(~out.done)
    if len(rest):
        texts_left = uniques.iloc[rest].tolist()
        _read(
            pa.array([_ascii_digits(t) for t in texts_left], type=pa.large_string()),
            rest,
            out,
            _python,
            names=texts_left,
        )
    rest = np.flatnonzero(~out.done)
    for i, text in zip(rest, uniques.iloc[rest].tolist()):
        out.errors[text] = _diagnosis(_ascii_digits(text))
        out.done[i] = True
    _closer_diagnoses(out, column)
    _midnight(uniques, out)
    _other_calendars(uniques, out, column)
    _placeholders(uniques, out, column)
    _time_spans(uniques, out, column, iso_spans)  # (what the others say of a date it refuses is said with it)
    _minus_signs(out, column, bulk)
    _months_typed(uniques, out, column)
    _years_or_month_in(out, column)
    index = texts.index
    if n == 0:
        empty = pd.Series(np.full(len(texts), np.datetime64("NaT"), dtype=UNIT), index=index)
        return ParsedDates(
            empty,
            {},
            np.full(1, np.datetime64("NaT"), dtype=UNIT),
            np.array([""], dtype=object),
            np.array([""], dtype=object),
            np.zeros(len(texts), dtype=np.intp),
            blank=True,
        )
    take = np.where(codes < 0, 0, codes)
    return ParsedDates(
        pd.Series(out.values[take], index=index),
        out.errors,
        out.values,
        out.precision,
        out.offset,
        take,
        warnings=out.warnings,
    )


def _other_calendars(texts: pd.Series, out: _Out, column: str = "date") -> None:
    """Caveats for dates read as Gregorian that may be of another calendar: written in digits
    other than ASCII's with a year before FIRST_MODERN (۱۴۰۰/۱۰/۱۷ is a Solar Hijri date, read as AD 1400), or more than
    FAR_AHEAD years after this year (a typo, 2202; a Thai Buddhist Era year, 2565). In `published`,
    also year first with hyphens (1400-10-15, as Python's jdatetime writes a Solar Hijri date):
    a source published in 1400 is seldom meant, where an event of 1400 is a history's."""
    far = np.datetime64(f"{datetime.now().year + FAR_AHEAD + 1}-01-01", "s")
    ahead = set(np.flatnonzero(out.values >= far).tolist())
    foreign = np.flatnonzero(
        ~pc.string_is_ascii(pa.array(texts.array, type=pa.large_string())).to_numpy(zero_copy_only=False)
    )
    first, last = (np.datetime64(f"{year}-01-01", "s") for year in HIJRI_YEARS)
    hijri = {
        int(i)
        for i in np.flatnonzero((out.values >= first) & (out.values < last))
        if (
            _hijri_like(str(texts.iloc[i]).strip())
            or (column == "published" and _ISO_HIJRI.fullmatch(str(texts.iloc[i]).strip()))
        )
        and out.precision[i] in ("day", "minute")
    }
    for i in sorted(ahead | hijri | set(foreign.tolist())):
        text = texts.iloc[i]
        if np.isnat(out.values[i]):
            continue
        said = out.warnings.pop(text, "")  # (an offset's or a zone's warning: both are said)
        digits = {unicodedata.name(c, "").split(" DIGIT")[0].title() for c in text if c.isdigit() and not c.isascii()}
        number = int(out.values[i].astype("datetime64[Y]").astype(np.int64)) + 1970
        year = year_label(number)
        if i in hijri and not digits:
            solar, lunar = _hijri_years(number)
            out.warnings[text] = say_year(
                "is read as a date of the Gregorian calendar, in {year}; written so, it may be a date of the Solar "
                "Hijri calendar (its year {year} is {solar}) or of the Hijri ({lunar}): if it is, write its Gregorian "
                "date as YYYY-MM-DD; if {year} is meant, write {date}",
                year=year,
                solar=solar,
                lunar=lunar,
                date=_as_written(out.values[i], out.precision[i], out.offset[i]),
            )
        elif digits and number < FIRST_MODERN:  # (٢٠٢٢-٠١-٠٧, a Gregorian date in Arabic digits, says nothing)
            out.warnings[text] = say_year(
                "is written in {script} digits and read as a date of the Gregorian calendar, in {year}; if it is a "
                "date of another calendar (Solar Hijri, Hijri, Buddhist), write its Gregorian date as YYYY-MM-DD",
                script=", ".join(sorted(digits)),
                year=year,
            )
        elif i in ahead and out.precision[i] == "year":  # (a year alone: 8300 may be 8300 BC, its era left out)
            out.warnings[text] = say_year(
                "is the year {year}, more than {far} years ahead: a mistyped year, one of another calendar (a Thai "
                "Buddhist Era year is 543 ahead of the Gregorian), or a year BC written without its era? Write the "
                "Gregorian year as YYYY, or {bc} for the year BC",
                year=year,
                far=FAR_AHEAD,
                bc=f"-{number:04d}",
            )
        elif i in ahead:
            out.warnings[text] = say_year(
                "is in {year}, more than {far} years ahead: a mistyped year, or one of another calendar (a Thai "
                "Buddhist Era year is 543 ahead of the Gregorian)? Write the Gregorian date as YYYY-MM-DD",
                year=year,
                far=FAR_AHEAD,
            )
        if said:
            out.warnings[text] = both(out.warnings.get(text, ""), said)
    for text, error in out.errors.items():  # (a date to write said for one so written: its Gregorian reading)
        caveat = _calendar_caveat(text)
        if caveat is not None and caveat.template not in _templates(error):  # (its English said with it once)
            out.errors[text] = both(error, caveat)


def _hijri_years(year: int) -> tuple[str, str]:
    """The Gregorian years a year of the Solar Hijri calendar spans (from the March equinox: 1400
    is 2021-22), and a year of the Hijri (its tabular reckoning, within a day or two of the months
    sighted: 1443 is 2021-22)."""

    def gregorian(hijri: int) -> Date:  # (the first day of a Hijri year: its Julian day, as an ordinal)
        return Date.fromordinal((hijri - 1) * 354 + (3 + 11 * hijri) // 30 + 1948440 - 1721425)

    first, last = gregorian(year).year, (gregorian(year + 1) - timedelta(days=1)).year
    return f"{year + 621}-{(year + 622) % 100:02d}", f"{first}-{last % 100:02d}" if last != first else str(first)


# A time of exactly 00:00:00, its seconds written (then perhaps a fraction of zeros, an offset or a
# zone): how pandas' to_csv, openpyxl and spreadsheets write a date that has no time (00:00, as a
# person types midnight, is not this).
_MIDNIGHT = r"(?:^|[^0-9:])0?0:00:00(?:[.,]0+)?(?:$|[^0-9.,:]|[.,](?:$|[^0-9]))"  # (00:00:00, 5 January 2022)
# The same at 12:00:00 AM, as .NET, Socrata's portals and spreadsheets with US settings write it.
_MIDNIGHT_AM = r"(?:^|[^0-9:])12:00:00(?:[.,]0+)?\s*[aA]\.?[mM]\b"
# Without seconds, as a program shows one: 0:00 (a spreadsheet's h:mm; a person types 00:00), and
# 12:00AM with no space (SQL Server's CONVERT and CAST: "Jan  5 2022 12:00AM").
_MIDNIGHT_SHORT = r"(?:^|[^0-9:+\-])0:00(?:$|[^0-9.,:])"  # (not an offset's +0:00)
_MIDNIGHT_SQL = r"(?:^|[^0-9:])12:00[aA][mM]\b"


# A time, a hyphen and a later time, no space after the hyphen (5 January 2022, 09:00-10:00 or
# 09:00 -10:00; 2022-01-05 14:30-16:00), or an evening's and a morning's (23:00-07:00, a night's
# curfew): a span of time as often as a time and its UTC offset (09:00 at UTC-10:00). Read as the
# offset only where a program wrote it so: a T between the date and the time, or seconds
# (2022-01-05T09:00-10:00, 2022-01-05 09:00:00 -1000). Otherwise refused (_time_spans). The strings to look at, found by Arrow (_spans): a time then a later one, no T
# before it, at the end. (An hour alone, 9 PM-10:00, where AM or PM follows it: _spans.) With
# spaces on both sides of the hyphen it is a range, told so before (_RANGE_SEPARATOR). With
# space before the hyphen only (`gap`), as programs write an offset (strftime's %H:%M %z, e-mail's
# dates, Moment.js's h:mm A Z), only a later time written HH:MM or HH, as a person writes one (_spans).
_TIME_SPAN_END = (
    r"(?i)(?:^|[^\dT:])(?P<start>\d{1,2}(?::\d\d)?)(?P<half>\s*[ap]\.?m\.?)?(?P<gap>\s*)-"
    r"(?P<end>\d\d(?::?\d\d)?)$"
)


def _spans(
    written: pa.Array, values: np.ndarray, minute: np.ndarray, after_half: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of the dates read to the minute (`minute`), those whose text (`written`, its digits ASCII)
    ends in a time, a hyphen and a later time (_TIME_SPAN_END), the date read at the first time:
    (where, the span's start, its end), as seconds past midnight. `after_half`: instead, those
    read at a UTC offset written after AM or PM and a space (9:00 PM -10:00, as Moment.js writes
    a time and its offset) that is a later time of the same half of the day too (22:00)."""
    # A hyphen three, five or six from the end; of those, a time and a later one (16:00-05:00 is an
    # offset), the time read (a text's first, 9:00-10:00 at 9:00, not 2022-01-05 09:00-10:00 at 00:00).
    dashed = np.flatnonzero(np.logical_or.reduce([_byte_from_end(written, k) == ord("-") for k in (3, 5, 6)]) & minute)
    if not len(dashed):
        return dashed, dashed, dashed
    parts = pc.extract_regex(written.take(pa.array(dashed)), _TIME_SPAN_END)
    start, half = pc.struct_field(parts, "start"), pc.struct_field(parts, "half")
    hour = pc.invert(pc.match_substring(start, ":"))  # (9 PM: an hour alone, 21:00; 9-10:00, no time)
    start = pc.if_else(pc.and_(hour, pc.is_null(half)), pa.scalar(None, start.type), start)
    start = pc.if_else(
        hour, pc.binary_join_element_wise(start, pa.scalar(":00", start.type), pa.scalar("", start.type)), start
    )
    begin = pc.fill_null(pc.utf8_lpad(start, 5, "0"), "99:99").to_numpy(False)
    ends = pc.fill_null(pc.struct_field(parts, "end"), "0000").to_numpy(False).astype(str)
    half = pc.fill_null(pc.utf8_trim_whitespace(pc.utf8_lower(half)), "").to_numpy(False)
    until = np.array([_clock_of(end) for end in ends.tolist()], dtype=object)
    begin_at, written_at = _clock_seconds(begin), _clock_seconds(until)
    until_at = written_at  # (the end as written; made the afternoon's or midnight's below)
    afternoon = np.char.startswith(half.astype(str), "p")
    twelve = begin_at // 3600 == 12
    begin_at = np.where(half != "", begin_at % 43200 + afternoon * 43200, begin_at)  # (9:00 PM: 21:00)
    begin_at = np.where((half != "") & twelve & ~afternoon, begin_at % 3600, begin_at)  # (12:30 AM: 00:30)
    # (9:00 PM-10:00: the span's end in the afternoon too; 10:00 AM-02:00: an end before the start
    # in the afternoon, 14:00, but not 10:00 AM-00:30, whose 00 is midnight's hour, never noon's)
    # (16:00-00:00, 10:00 AM-00:00, 16:00-24:00: a span to midnight, the next day's 00:00; -00:00 is
    # as often that as UTC's offset, -24:00 never an offset)
    until_at = np.where(((until_at == 0) & (begin_at > 0)) | (until == "24:00"), 86400, until_at)
    later = (until_at >= 0) & (until_at < 43200) & (until_at + 43200 > begin_at)
    morning = (half != "") & ~afternoon & (until_at <= begin_at) & (until_at >= 3600)
    until_at = np.where((afternoon | morning) & later, until_at + 43200, until_at)
    # (23:00-07:00, a curfew's night: a span past midnight into the morning, as often as a time at
    # UTC-07:00; from 18:00 or later to 10:00 or earlier, its end the next day's)
    night = (until_at >= 0) & (until_at < begin_at) & (begin_at >= 18 * 3600) & (until_at <= 10 * 3600)
    until_at = np.where(night, until_at + 86400, until_at)
    read_at = (values[dashed] - values[dashed].astype("datetime64[D]").astype(UNIT)).astype(np.int64)
    keep = (until_at > begin_at) & (begin_at == read_at)
    # A space before the hyphen alone: a span only of a 24-hour time to a later one as written
    # (09:00 -10:00), never after AM or PM (9:00 AM -05:00, Moment.js's), to an offset of four
    # digits (06:30 -0700, strftime's and e-mail's) or to midnight (23:00 -00:00, an unknown offset).
    spaced = pc.fill_null(pc.struct_field(parts, "gap"), "").to_numpy(False).astype(str) != ""
    four = (np.char.str_len(ends) == 4) & (np.char.find(ends, ":") < 0)
    person = (half == "") & ~four & (written_at > begin_at)
    if after_half:  # (9:00 PM -10:00: 21:00 to 22:00 too; not 9:00 AM -05:00, which only a wrap makes a span)
        same_half = (written_at > 0) & (written_at + afternoon * 43200 > begin_at) & (written_at < 43200)
        keep &= spaced & (half != "") & ~four & same_half
    else:
        keep &= ~spaced | person
    return dashed[keep], begin_at[keep], until_at[keep]


def _time_spans(texts: pd.Series, out: _Out, column: str, iso_spans: bool = True) -> None:
    """Each date read as a time and a UTC offset that may be a span of two times (_spans):
    refused, naming both readings; as a range where no place uses the offset (-16:00); read at
    the offset, with a warning naming the span, where the date is ISO 8601's (2022-01-05 09:00-10:00)
    and `iso_spans`."""
    if not len(texts):
        return
    written = pa.array(texts.array, type=pa.large_string())
    minute = (out.precision == "minute") & ~np.isnat(out.values)
    other = ~pc.string_is_ascii(written).to_numpy(zero_copy_only=False) & minute
    those = np.flatnonzero(other)
    # (other digits than ASCII's, ٠٩:٠٠-١٠:٠٠, made 09:00-10:00; a no-break space a space)
    made = pa.array([_ascii_digits(t) for t in texts.iloc[those].tolist()], pa.large_string()) if len(those) else None

    def found_spans(after_half: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        where, begin, until = _spans(written, out.values, minute & ~other, after_half)
        if made is not None:
            theirs = _spans(made, out.values[those], np.ones(len(those), dtype=bool), after_half)
            where, begin, until = (
                np.concatenate([mine, found])
                for mine, found in zip((where, begin, until), (those[theirs[0]], *theirs[1:]))
            )
        return where, begin, until

    at, begin_at, until_at = found_spans(after_half=False)
    # (9:00 PM -10:00, as programs write a time and its offset: read so, the span named in a warning;
    # 9:00\u202fPM -10:00 too, with the narrow space ICU writes before PM)
    also = found_spans(after_half=True)
    warned = set(also[0].tolist())
    if warned:
        at, begin_at, until_at = (
            np.concatenate([mine, theirs]) for mine, theirs in zip((at, begin_at, until_at), also)
        )
    days = _days_written(out.values[at])
    ends = _days_written(out.values[at] + (until_at // 86400).astype("timedelta64[D]"))  # (to midnight: the next day)
    until_at = until_at % 86400
    spans = [
        (i, f"{day} {start // 3600:02d}:{start % 3600 // 60:02d}", f"{last} {end // 3600:02d}:{end % 3600 // 60:02d}")
        for i, day, last, start, end in zip(at.tolist(), days, ends, begin_at.tolist(), until_at.tolist())
    ]
    names = texts.iloc[[i for i, _, _ in spans]].tolist()
    for (i, start, end), text in zip(spans, names):
        if not out.offset[i]:  # (no place uses the offset, -16:00: a range; the warning that it is none, not said)
            said = out.warnings.pop(text, "")
            said = "" if "is not a UTC offset any place uses" in str(getattr(said, "template", said)) else said
            out.errors[text] = both(_range(column, start, end), said)
            out.values[i], out.precision[i] = np.datetime64("NaT"), ""
            continue
        ways = dict(
            time=start[-5:],
            offset=out.offset[i],
            until=end[-5:],
            with_offset=start.replace(" ", "T") + out.offset[i],  # (09:00-10:00 joined by T: _as_written's)
            span=_span_written(column, start, end),
        )
        if i in warned:
            said = say(
                "is read as {time} at UTC{offset}, as programs write a time and its offset; to say so, write "
                "{with_offset}. If it is the span of time from {time} to {until}, write {span}",
                **ways,
            )
            out.warnings[text] = both(out.warnings.get(text, ""), said)
            continue
        # (2022-01-05 09:00-10:00: read at the offset, as ISO 8601 has it)
        if iso_spans and _ISO_SPACED.fullmatch(text):
            said = say(
                "is read as {time} at UTC{offset}, as ISO 8601 reads it; to say so, write {with_offset}. If it is the "
                "span of time from {time} to {until}, write {span}",
                **ways,
            )
            out.warnings[text] = both(out.warnings.get(text, ""), said)
            continue
        said = say(
            "can be read two ways: {time} at UTC{offset}, or the span of time from {time} to {until}. For the first, "
            "write {with_offset}; for the second, write {span}",
            **ways,
        )
        # (what was said of the date as read is said too: 22/01/05 may be 5 January 2022)
        out.errors[text] = both(said, out.warnings.pop(text, ""))
        out.values[i], out.precision[i], out.offset[i] = np.datetime64("NaT"), "", ""


# Minus signs that are not ASCII's hyphen-minus: ISO 8601 writes an offset behind UTC with U+2212
# (2022-01-05T09:00−10:00), and so do pages and word processors that set text for print.
MINUS_SIGNS = "\u2212\ufe63\uff0d"  # (of DASHES)


@functools.lru_cache(maxsize=4)
def _hyphens_for(dashes: str) -> dict:
    return str.maketrans(dashes, "-" * len(dashes))


def _with_hyphens(text: str, dashes: str | None = None) -> str:
    """The text with a hyphen-minus for each of these dashes (DASHES: every dash and minus sign)."""
    return text.translate(_hyphens_for(DASHES if dashes is None else dashes))


def _said_a_range(problem) -> bool:
    """Whether what is said of a refused date is that it is a range (in published, a span)."""
    return str(getattr(problem, "template", "")).startswith(
        ("is a range:", "is a span of time, where published is one day")
    )


def _minus_signs(out: _Out, column: str, bulk: bool = True) -> None:
    """A date refused as unreadable or as a range that holds a minus sign (MINUS_SIGNS), read
    again with a hyphen-minus for it. If it reads so, the sign is named, with the date to write
    where that reads with no warning (as _readings advises). If it is refused so, what is said
    of it is said after the sign: a time and a UTC offset that may be a span of two times
    (09:00−10:00) names both readings, as after a hyphen (_time_spans; `iso_spans` off: a minus
    sign is no ISO 8601 date's span, so 2022-01-05 09:00−10:00 too; with a T or seconds, a
    program's form, it reads at the offset); 05/01/2022's two orders. One that is still a range
    with a hyphen (14:30−16:00: no place is 16 hours behind UTC; 5−7 January 2022) stays one."""
    asked = {
        text: _with_hyphens(text, MINUS_SIGNS)
        for text, problem in out.errors.items()
        if (problem is UNREADABLE or _said_a_range(problem)) and any(sign in text for sign in MINUS_SIGNS)
    }
    if not asked:
        return
    hyphens = list(dict.fromkeys(asked.values()))
    where = {hyphen: at for at, hyphen in enumerate(hyphens)}
    read = parse_series(pd.Series(hyphens, dtype="str"), bulk=bulk, column=column, iso_spans=False)
    refused = np.isnat(read.value.to_numpy())
    for text, hyphen in asked.items():
        sign = next(c for c in text if c in MINUS_SIGNS)
        if not refused[where[hyphen]]:
            # (22/01/05 09:00 −05:00 reads as 22 January 2005, warned: the sign named, no date to write)
            out.errors[text] = _hyphen_meant(sign, None if hyphen in read.warnings else hyphen)
            continue
        said = read.errors.get(hyphen)
        if said is not None and said is not UNREADABLE and not _said_a_range(said):
            out.errors[text] = both(_hyphen_meant(sign), said)


# A date year first with slashes or dots, as spreadsheets set to Japanese, Chinese or Hungarian
# write one (2022/03/01, 2022/3/1, 2022.03.01, 2022. 03. 01.).
_YEAR_FIRST_NUMERIC = re.compile(r"(\d{4})([/.])\s?(\d{1,2})\2\s?(\d{1,2})\.?")


def _years_or_month(month: Day, first: int, last: int) -> Message:
    """1984-5: May 1984, or the years 1984 to 1985 (said so in date; _years_or_month_in, elsewhere)."""
    return say(
        "can be read two ways: {month}, or the years {first} to {last}; write {iso}, or {first} in date and "
        "{last} in end_date",
        month=month,
        first=first,
        last=last,
        iso=f"{first:04d}-{month.values['month']:02d}",
    )


def _years_or_month_in(out: _Out, column: str) -> None:
    """1984-5 in a column but date: the years' span written as that column needs it (in end_date,
    1985 there; in published or retracted, one moment of it), where date's "1984 in date and 1985 in
    end_date" would move the event."""
    if column == "date":
        return
    template = _years_or_month(Day.of(2000, 1), 2000, 2001).template
    for text, problem in out.errors.items():
        if isinstance(problem, Message) and problem.template == template:
            values = problem.values
            first, last = values["first"], values["last"]
            out.errors[text] = say(
                "can be read two ways: {month}, or the years {first} to {last}. For the first, write {iso}; for the "
                "second, write {span}",
                month=values["month"],
                first=first,
                last=last,
                iso=values["iso"],
                span=_span_written(column, f"{first:04d}", f"{last:04d}"),
            )


def _months_typed(texts: pd.Series, out: _Out, column: str) -> None:
    """Dates written year first with slashes or dots (_YEAR_FIRST_NUMERIC) read as days where
    every day the column holds is the 1st of a month, of two months at least: months typed into
    a spreadsheet (2022/3), kept as their first days and saved so. Each is read as the day, with
    a warning naming the month to write (they were read as days without a word: the precision
    written, a month, lost). Looked at only where every day is a 1st (numpy, on the distinct dates)."""
    day = (out.precision == "day") & ~np.isnat(out.values)
    if not day.any():
        return
    values = out.values[day]
    if not (values.astype("datetime64[D]") == values.astype("datetime64[M]")).all():
        return  # (nearly every file: a day that is no month's first)
    if len(np.unique(values.astype("datetime64[M]"))) < 2:
        return
    for at in np.flatnonzero(day).tolist():
        text = str(texts.iloc[at])
        found = _YEAR_FIRST_NUMERIC.fullmatch(text)
        if found and text not in out.warnings and text not in out.errors:
            month = f"{int(found[1]):04d}-{int(found[3]):02d}"
            out.warnings[text] = month_made_day(column, month, YEAR_FIRST)


def month_made_day(column: str, month: str, order: Message) -> Message:
    """What is said of a date that is probably a month a spreadsheet made its first day."""
    return say(
        "every date written so in {column} is the 1st of a month ({order}), as a spreadsheet writes a month it "
        "made a date of: if this is a month, write {month}",
        column=column,
        order=order,
        month=month,
    )


def _hyphen_meant(dash: str, date: str | None = None) -> Message:
    """What is said of a dash or a minus sign where a hyphen-minus is meant: with the date to
    write, if no more is to be said of it."""
    if date is None:
        return say("holds {character} where a hyphen-minus (-) is meant", character=_character(dash))
    return say(
        "holds {character} where a hyphen-minus (-) is meant; write {date}", character=_character(dash), date=date
    )


def _clock_seconds(clocks: np.ndarray) -> np.ndarray:
    """Seconds past midnight of times written HH:MM (an object array of them); -1 for one no
    clock shows (24:00, 10:75)."""
    digits = clocks.astype("U5").view("U1").reshape(-1, 5)[:, [0, 1, 3, 4]].astype(np.int64)
    seconds = (digits * [36000, 3600, 600, 60]).sum(axis=1)
    return np.where((digits[:, 2] <= 5) & (seconds < 86400), seconds, -1)


def _byte_from_end(array: pa.Array, k: int) -> np.ndarray:
    """Each string's k-th byte from its end (0 where it is shorter), from Arrow's buffers: a
    tenth of the time of slicing the strings (the characters looked for are ASCII, one byte)."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    _, offsets, data = array.buffers()
    ends = np.frombuffer(offsets, dtype=np.int64, count=len(array) + 1, offset=array.offset * 8)
    lengths = ends[1:] - ends[:-1]
    data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    if not len(data):
        return np.zeros(len(array), dtype=np.uint8)
    return np.where(lengths >= k, data[np.where(lengths >= k, ends[1:] - k, 0)], 0)


def _clock_of(end: str) -> str:
    """An offset's digits as the time they would be (10: 10:00; 1000: 10:00; 10:00)."""
    digits = end.replace(":", "")
    return f"{digits[:2]}:{digits[2:4] or '00'}"


def _days_written(values: np.ndarray) -> list[str]:
    """Each datetime64's day as _as_written writes it (numpy writes the years 1000-9999 so)."""
    days = np.datetime_as_string(values, unit="D").tolist()
    outside = np.flatnonzero((values < _FOUR_DIGITS[0]) | (values >= _FOUR_DIGITS[1]))
    for j in outside.tolist():
        days[j] = _as_written(values[j], "day")
    return days


# (A date and a time as ISO 8601 writes them, a space between: 2022-01-05 09:00-10:00, -05, -0500.)
_ISO_SPACED = re.compile(r"\s*-?\d{4}-\d{2}-\d{2} \d{2}:\d{2}-\d{2}(?::?\d{2})?\s*")


def _span_written(column: str, start: str, end: str) -> Message:
    """How a span of time from `start` to `end` is written, as the column it was in needs it."""
    if column == "end_date":
        return say("{end} in end_date, and {start} in date if date does not hold it already", start=start, end=end)
    if column == "published":
        return say("a moment of it, such as {start} (published is when the account was published)", start=start)
    if column == "retracted":
        return say("a moment of it, such as {start} (retracted is when the account was withdrawn)", start=start)
    return say("{start} in date and {end} in end_date", start=start, end=end)


def _midnight(texts: pd.Series, out: _Out) -> None:
    """A caveat for a date read with a time of 00:00:00, seconds written: the date a program wrote
    without a time, read as midnight. Found among the distinct strings read at midnight (a few: one
    a day), whichever engine read them."""
    at = np.flatnonzero((out.values.view(np.int64) % 86400 == 0) & ~np.isnat(out.values))
    if not len(at):
        return
    at = at[out.precision[at] == "minute"]
    if not len(at):
        return
    written = pa.array([_ascii_digits(t) for t in texts.iloc[at].tolist()], type=pa.large_string())
    kinds = [pc.match_substring_regex(written, form).to_numpy(zero_copy_only=False) for form, _ in _MIDNIGHTS]
    for j in np.flatnonzero(np.logical_or.reduce(kinds)).tolist():
        i = int(at[j])
        year, month, day = fields(out.values[i])[:3]
        said = next(said for (_, said), found in zip(_MIDNIGHTS, kinds) if found[j])
        text = texts.iloc[i]
        out.warnings[text] = both(out.warnings.get(text, ""), said(_iso_day(year, month, day)))


# Each way a program writes a date with no time as midnight, and what is said of it.
_MIDNIGHTS = (
    (
        _MIDNIGHT,
        lambda day: say(
            "a time of 00:00:00 is how pandas and spreadsheets write a date without a time, and it is "
            "shown as 00:00; if only the day is known, write {day}",
            day=day,
        ),
    ),
    (
        _MIDNIGHT_AM,
        lambda day: say(
            "a time of 12:00:00 AM is how .NET, data portals and spreadsheets with US settings write a date "
            "without a time, and it is shown as 00:00; if only the day is known, write {day}",
            day=day,
        ),
    ),
    (
        _MIDNIGHT_SHORT,
        lambda day: say(
            "a time of 0:00 is how a spreadsheet shows a date without a time in a date and time format "
            "(m/d/yyyy h:mm), and it is shown as 00:00; if only the day is known, write {day}",
            day=day,
        ),
    ),
    (
        _MIDNIGHT_SQL,
        lambda day: say(
            "a time of 12:00AM is how SQL Server writes a date without a time, and it is shown as 00:00; if "
            "only the day is known, write {day}",
            day=day,
        ),
    ),
)


def says_midnight(warning) -> bool:
    """Whether a date's warning is one of _MIDNIGHTS': its time of 00:00 is how a program writes a day."""
    return getattr(warning, "template", None) in _MIDNIGHT_TEMPLATES


_MIDNIGHT_TEMPLATES = frozenset(said("").template for _, said in _MIDNIGHTS)


# Days that programs write for a date they do not have (a database's or a spreadsheet's null, a
# time of 0): read as written, with a warning, for a stand-in read as a real day is a date
# changed without a word (an event drawn in AD 1 or in 1970 among those of 2022).
_NET_GO = say("the first day .NET and Go can hold")
_EXCEL_ZERO = say("day 0 of Excel, Access and SQL Server")
PLACEHOLDER_DAYS = {
    np.datetime64("0001-01-01", "D"): _NET_GO,
    np.datetime64("1899-12-30", "D"): _EXCEL_ZERO,
    np.datetime64("1899-12-31", "D"): _EXCEL_ZERO,
    np.datetime64("1900-01-01", "D"): _EXCEL_ZERO,
    np.datetime64("1904-01-01", "D"): say("day 0 of Excel's 1904 date system (Excel for Mac's before 2011)"),
    np.datetime64("1970-01-01", "D"): say("the Unix epoch, a time of 0"),
    np.datetime64("9999-12-31", "D"): say("the last day most programs can hold"),
}
_ZERO_DATE = re.compile(r"0000-00-00(?:[ T]00:00(?::00(?:\.0+)?)?)?")  # MySQL's zero date


def _placeholders(texts: pd.Series, out: _Out, column: str) -> None:
    """A warning for a day of PLACEHOLDER_DAYS read to the day, or at 00:00 with no offset or UTC's
    (9999-12-31: at any time); said in place of any other (a midnight's, a far year's), as it says
    more. MySQL's zero date, refused, is told as such."""
    days = out.values.astype("datetime64[D]")
    at = np.flatnonzero(np.isin(days, list(PLACEHOLDER_DAYS)))
    for i in at.tolist():
        day = days[i]
        exact = out.values[i] == day.astype(UNIT) and out.offset[i] in ("", "Z", "+00:00")
        if out.precision[i] not in ("day", "minute") or not (exact or day == np.datetime64("9999-12-31")):
            continue
        year, month, number = fields(out.values[i])[:3]
        said = dict(day=Day.of(year, month, number), which=PLACEHOLDER_DAYS[day])
        out.warnings[texts.iloc[i]] = (
            say_year(
                "is {day}, {which}, which programs write for a date they do not have: write the date it means "
                "(if {day} is meant, nothing is wrong)",
                **said,
            )
            if column == "date"
            else say_year(
                "is {day}, {which}, which programs write for a date they do not have: leave the cell empty if "
                "there is none, or write the date it means (if {day} is meant, nothing is wrong)",
                **said,
            )
        )
    for text in [t for t in out.errors if _ZERO_DATE.fullmatch(t.strip())]:
        out.errors[text] = (
            say("is MySQL's zero date, which it writes for a date it does not have: write the date it means")
            if column == "date"
            else say(
                "is MySQL's zero date, which it writes for a date it does not have: leave the cell empty if there "
                "is none, or write the date it means"
            )
        )


def is_stand_in(warning) -> bool:
    """Whether a date's warning is _placeholders': a day programs write for a date they do not have."""
    return getattr(warning, "values", {}).get("which") in PLACEHOLDER_DAYS.values()


def both(first, second):
    """Two messages of one date, said one after the other (either may be "": none)."""
    if not first or not second:
        return first or second
    return say("{first}; {second}", first=first, second=second)


_BOTH = both("a", "b").template  # (says_two_digit_year: a year of two digits' caveat and another)


FAR_AHEAD = 50  # years after this one: a date further ahead gets a caveat (_other_calendars)
FIRST_MODERN = 1700  # a year before, written in other digits, may be Hijri (1443) or Solar Hijri (1400)
# Years of the Hijri calendar from 1882 to 2076, and of the Solar Hijri from 1921 to 2120: a date in
# them written year first with slashes or dots (1400/10/15, 1400.10.15), as those calendars' dates
# are, or day first with slashes or hyphens (15/06/1443, as Excel set to Saudi Arabia's Arabic
# writes one), is read as Gregorian with a caveat (_other_calendars), as one in Persian digits is.
HIJRI_YEARS = (1300, 1500)
_HIJRI_LIKE = re.compile(  # (29.05.1453, day first with dots, is Europe's)
    r"(?:(?P<first>1[34]\d\d)([/.])\d{1,2}\2\d{1,2}|\d{1,2}([/\-])(?:0?[1-9]|1[0-2])\3(?P<last>1[34]\d\d))(?:\s.*)?"
)
_ISO_HIJRI = re.compile(r"1[34]\d\d-\d{1,2}-\d{1,2}(?:[\sT].*)?")  # (in published only: _other_calendars)
# (Day first, a Hijri year up to this one, where a date of this news can be: 29/05/1453 is Europe's.)
_HIJRI_NOW = int((datetime.now().year - 622) * 33 / 32) + 1


def _hijri_like(text: str) -> int | None:
    """The year of a date written as a Hijri or Solar Hijri one is (_HIJRI_LIKE), or None."""
    match = _HIJRI_LIKE.fullmatch(text)
    if match is None or (match.group("last") and int(match.group("last")) > _HIJRI_NOW):
        return None
    return int(match.group("first") or match.group("last"))


def _templates(message) -> set[str]:
    """The templates of a message and of every message in its values (the whole said)."""
    if not isinstance(message, Message):
        return set()
    return {message.template}.union(*(_templates(value) for value in message.values.values()))


def _calendar_caveat(text: str) -> Message | None:
    """For a date refused (with a date to write, most often) that is written as a Hijri or Solar Hijri
    date is (_HIJRI_LIKE, in any digits: 1443/06/15 02:30 م, ١٥/٠٦/١٤٤٣ ٠٢:٣٠ م), what its year
    would be in those calendars: the date to write is the Gregorian reading, and said so."""
    year = _hijri_like("".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text.strip()))
    if year is None:
        return None
    solar, lunar = _hijri_years(year)
    return say(
        "but its year {year} may be of the Hijri calendar ({lunar}) or of the Solar Hijri ({solar}): if it is, "
        "write its Gregorian date as YYYY-MM-DD instead",
        year=year,
        lunar=lunar,
        solar=solar,
    )


class _Out:
    """What is known of each distinct string so far."""

    def __init__(self, n: int):
        self.values = np.full(n, np.datetime64("NaT"), dtype=UNIT)
        self.precision = np.full(n, "", dtype=object)
        self.offset = np.full(n, "", dtype=object)
        self.done = np.zeros(n, dtype=bool)
        self.errors: dict[str, Message | str] = {}
        self.warnings: dict[str, Message | str] = {}


# --- parts to dates: every range check, once ---------------------------------------------------


@dataclass
class _Composed:
    values: np.ndarray  # datetime64[s]
    problem: np.ndarray  # object: "" or what is wrong


def _time_problem(hour: int, minute: int, second: int) -> Message | str:
    """What is wrong with a time of day ("" when nothing is): the one range check for times."""
    if (hour, minute, second) == (24, 0, 0):
        return _END_OF_DAY  # (the next day is named by _closer_diagnoses, which knows the date)
    if hour > 23:
        return say("{hour:02d}:{minute:02d} is not a time of day (hours run 00-23)", hour=hour, minute=minute)
    if minute > 59:
        return say("{hour:02d}:{minute:02d} is not a time of day (minutes run 00-59)", hour=hour, minute=minute)
    if second > 59:
        if (hour, minute, second) == (23, 59, 60):
            return say("23:59:60 is a leap second, which this program cannot show (seconds run 00-59); write 23:59:59")
        return say(
            "{hour:02d}:{minute:02d}:{second:02d} is not a time of day (seconds run 00-59)",
            hour=hour,
            minute=minute,
            second=second,
        )
    return ""


_END_OF_DAY = say("24:00 is not a time of day (hours run 00-23); write the next day at 00:00")


def _no_such_day(year: int, month: int, day: int, days: int) -> Message:
    """What is said of a day past its month's end (or day 0): "February 2023 has 28 days, so
    day 29 does not exist"."""
    return say("{month} has {days} days, so day {day} does not exist", month=Day.of(year, month), days=days, day=day)


_OUT_OF_RANGE = say("is out of range: years run from 9999 BC to AD 9999")


def _compose(year, month, day, hour, minute, second) -> _Composed:
    """Dates from whole-number parts (astronomical years), with what is wrong where a part is out
    of range."""
    n = len(year)
    problem = np.full(n, "", dtype=object)
    in_years = (year >= FIRST_YEAR) & (year <= LAST_YEAR)
    good_month = (month >= 1) & (month <= 12)
    month_start = ((np.clip(year, FIRST_YEAR, LAST_YEAR) - 1970) * 12 + np.clip(month, 1, 12) - 1).astype(
        "datetime64[M]"
    )
    days = ((month_start + 1).astype("datetime64[D]") - month_start.astype("datetime64[D]")).astype(np.int64)
    good_day = (day >= 1) & (day <= days)
    good_hour = hour <= 23
    good_minute = (minute <= 59) & (second <= 59)
    good = in_years & good_month & good_day & good_hour & good_minute
    values = (
        month_start.astype("datetime64[D]").astype(UNIT)
        + (day - 1) * np.timedelta64(86400, "s")
        + hour * np.timedelta64(3600, "s")
        + minute * np.timedelta64(60, "s")
        + second * np.timedelta64(1, "s")
    )
    values[~good] = np.datetime64("NaT")
    for i in np.flatnonzero(~good):
        if not in_years[i]:
            problem[i] = _OUT_OF_RANGE
        elif not good_month[i]:
            problem[i] = say(
                "month {month} does not exist (months run 01-12); {how_to_write}",
                month=int(month[i]),
                how_to_write=HOW_TO_WRITE,
            )
        elif not good_day[i]:
            problem[i] = _no_such_day(int(year[i]), int(month[i]), int(day[i]), int(days[i]))
        else:
            problem[i] = _time_problem(int(hour[i]), int(minute[i]), int(second[i]))
    return _Composed(values, problem)


def _settle(
    out: _Out, at: np.ndarray, name_of, composed: _Composed, level, offset=None, problem=None, warning=None
) -> None:
    """Record the dates of the strings at `at` (positions among the distinct strings);
    `name_of(i)` is the i-th string, asked for only where there is something to say."""
    problem = composed.problem if problem is None else np.where(problem != "", problem, composed.problem)
    bad = problem != ""
    good = ~bad
    out.values[at[good]] = composed.values[good]
    out.precision[at[good]] = np.asarray(level, dtype=object)[good] if np.ndim(level) else level
    if offset is not None:
        out.offset[at[good]] = offset[good]
    out.done[at] = True
    for i in np.flatnonzero(bad):
        out.errors[name_of(i)] = problem[i]
    if warning is not None:
        for i in np.flatnonzero(good & (warning != "")):
            out.warnings[name_of(i)] = warning[i]


# --- the ISO shapes, from their bytes (speed only) ----------------------------------------------

# The commonest shapes of the "iso" form, by length: "d" a digit, "T" a space or a T.
_ISO_LAYOUTS = {
    4: ("dddd", "year"),
    7: ("dddd-dd", "month"),
    10: ("dddd-dd-dd", "day"),
    16: ("dddd-dd-ddTdd:dd", "minute"),
    19: ("dddd-dd-ddTdd:dd:dd", "minute"),
    # With a UTC offset ("s": + or -), kept as written, as the regex path keeps it: what
    # exporters write (2022-01-07T14:30:00+06:00), each value often distinct.
    17: ("dddd-dd-ddTdd:ddZ", "minute"),
    20: ("dddd-dd-ddTdd:dd:ddZ", "minute"),
    22: ("dddd-dd-ddTdd:dds99:99", "minute"),
    25: ("dddd-dd-ddTdd:dd:dds99:99", "minute"),
}


def _read_iso_bytes(texts: pd.Series, out: _Out) -> None:
    """Read the ASCII strings in one of _ISO_LAYOUTS from their bytes, as the "iso" form reads them."""
    array = pa.array(texts.array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if array.type not in (pa.string(), pa.large_string()) or array.null_count or not len(array):
        return
    _, offsets, data = array.buffers()
    width = np.int64 if array.type == pa.large_string() else np.int32
    offsets = np.frombuffer(
        offsets, dtype=width, count=len(array) + 1, offset=array.offset * np.dtype(width).itemsize
    ).astype(np.int64)
    data = np.frombuffer(data, dtype=np.uint8) if data else np.zeros(0, np.uint8)
    lengths = np.diff(offsets)
    for length, (layout, level) in _ISO_LAYOUTS.items():
        at = np.flatnonzero((lengths == length) & ~out.done)
        if not len(at):
            continue
        chars = data[offsets[at, None] + np.arange(length)]
        shaped = np.ones(len(at), dtype=bool)
        for i, c in enumerate(layout):
            if c == "d":
                shaped &= (chars[:, i] >= ord("0")) & (chars[:, i] <= ord("9"))
            elif c == "T":
                shaped &= (chars[:, i] == ord(" ")) | (chars[:, i] == ord("T"))
            elif c == "s":
                shaped &= (chars[:, i] == ord("+")) | (chars[:, i] == ord("-"))
            elif c == "9":  # (a digit of the offset: not a part of the date)
                shaped &= (chars[:, i] >= ord("0")) & (chars[:, i] <= ord("9"))
            else:
                shaped &= chars[:, i] == ord(c)
        if layout.endswith("s99:99"):  # (an offset no place uses is said by the slow path: _offsets)
            hours = (chars[:, -5].astype(np.int64) - ord("0")) * 10 + chars[:, -4] - ord("0")
            minutes = (chars[:, -2].astype(np.int64) - ord("0")) * 10 + chars[:, -1] - ord("0")
            bound = np.where(chars[:, -6] == ord("+"), 14 * 60, 12 * 60)
            shaped &= (minutes <= 59) & (hours * 60 + minutes <= bound)
        at, chars = at[shaped], chars[shaped]
        if not len(at):
            continue
        digits = chars[:, [i for i, c in enumerate(layout) if c == "d"]].astype(np.int64) - ord("0")
        offset = None
        if layout.endswith("Z"):
            offset = np.full(len(at), "Z", dtype=object)
        elif layout.endswith("s99:99"):
            # The offset as written: its few distinct spellings decoded once.
            written, which = np.unique(np.ascontiguousarray(chars[:, -6:]).view("S6").ravel(), return_inverse=True)
            offset = np.array([w.decode("ascii") for w in written], dtype=object)[which.ravel()]

        def number(k, n, digits=digits):
            return (digits[:, k : k + n] * 10 ** np.arange(n - 1, -1, -1)).sum(axis=1)

        parts = [number(0, 4)] + [number(k, 2) for k in range(4, digits.shape[1], 2)]
        one, zero = np.ones(len(at), np.int64), np.zeros(len(at), np.int64)
        year, month, day, hour, minute, second = parts + [one, one, zero, zero, zero][len(parts) - 1 :]
        _settle(
            out,
            at,
            lambda i, at=at: texts.iat[at[i]],
            _compose(year, month, day, hour, minute, second),
            level,
            offset=offset,
            problem=np.where(year == 0, np.asarray(_YEAR_ZERO, dtype=object), ""),
        )


_YEAR_ZERO = say("year 0 does not exist; years start at 0001 (1 BC is written -1 or 1 BC)")


# --- the two regex engines: (strings, pattern) -> (matched, {part: strings, "" where not written}) ---


def _arrow(array: pa.Array, pattern: str) -> tuple[np.ndarray, dict]:
    found = pc.extract_regex(array, _whole(pattern))
    if isinstance(found, pa.ChunkedArray):
        found = found.combine_chunks()
    matched = found.is_valid().to_numpy(zero_copy_only=False)
    return matched, {f.name: pc.fill_null(found.field(f.name).cast(pa.large_string()), "") for f in found.type}


_COMPILED: dict[str, re.Pattern] = {}
# Python's engine backtracks over a run of spaces once for each place a date could end in it: a
# run of thousands of spaces inside a value took seconds. No pattern counts more than a few spaces,
# so a longer run is read as its first _GAP: the same match, the same parts.
_GAP = 16
_LONG_GAP = re.compile(rf"(\s{{{_GAP}}})\s+", re.ASCII)


def _squeezed(text: str) -> str:
    """The text with each run of more than _GAP spaces cut to its first _GAP."""
    return _LONG_GAP.sub(r"\1", text)


def _python(array: pa.Array, pattern: str) -> tuple[np.ndarray, dict]:
    # ASCII only, as Arrow's engine reads the patterns: `Auguſt` is no month, `K` no k.
    compiled = _COMPILED.get(pattern) or _COMPILED.setdefault(pattern, re.compile(_whole(pattern), re.ASCII))
    matches = [compiled.fullmatch(_squeezed(text)) for text in array.to_pylist()]
    matched = np.array([m is not None for m in matches], dtype=bool)
    parts = {
        name: pa.array([(m.group(name) or "") if m else "" for m in matches], type=pa.large_string())
        for name in compiled.groupindex
    }
    return matched, parts


# A spreadsheet's day number (44568 is 7 January 2022), with the time of day as a fraction;
# read as one from 18264 to 73050 (1950 to 2099), where it cannot be meant as a year (10000 is
# more likely a year too many than 18 May 1927).
DAY_NUMBER = r"(?:1[89]|[2-6]\d|7[0-3])\d{3}(?:\.\d+)?"
_DAY_NUMBERS = (18264, 73050)


def is_day_number(text: str) -> bool:
    return bool(re.fullmatch(DAY_NUMBER, text, re.ASCII)) and _DAY_NUMBERS[0] <= float(text) <= _DAY_NUMBERS[1]


SPREADSHEET_DAY_ZERO = np.datetime64("1899-12-30T00:00", "m")  # day 0 of Excel (from day 61) and LibreOffice
# Day 0 of a workbook with the 1904 date system (Excel for Mac's default before 2011): its day
# 43104 is 5 January 2022, the 1900 system's 4 January 2018.
MAC_DAY_ZERO = np.datetime64("1904-01-01T00:00", "m")
# The day 0 of the spreadsheet being read: MAC_DAY_ZERO while `load` reads such a workbook
# (a CSV does not say which system it was saved from: the 1900 system's, by far the most used).
day_zero: contextvars.ContextVar[np.datetime64] = contextvars.ContextVar("day_zero", default=SPREADSHEET_DAY_ZERO)


def time_alone(text: str) -> tuple[np.timedelta64, str] | None:
    """Of a text that is a clock's time alone, as a 24-hour clock or with AM or PM (16:00, 4:00 PM,
    4 PM, 16:00:30), with a UTC offset or a zone that names one or not: its time from midnight, and
    the time as a date writes it (16:00, 16:00:30, 16:00 MSK). None for anything else (a word of
    doubt with it, a zone of several offsets, a date)."""
    found = _TIME_ALONE.fullmatch(text.strip())
    if found is None or found["word"] or (found["zone"] or "").upper() in MANY_OFFSETS:
        return None
    read = parse_series(pd.Series([f"2022-01-07 {found['clock']}"]))
    if read.errors or read.warnings or read.distinct_precision[0] != "minute":
        return None
    since = read.value.iat[0] - np.datetime64("2022-01-07", "s")
    clock = _as_written(read.value.iat[0], "minute")[len("2022-01-07 ") :]
    return since, clock + found["time"][len(found["clock"]) :]


def spreadsheet_day(text: str) -> np.datetime64:
    """The moment a spreadsheet's day number stands for: to the second where its fraction has
    the digits to give one (six or more: 44566.999988426 is 23:59:59 on 5 January 2022, as Excel
    keeps it; to the minute it was 00:00 on the 6th), else to the nearest minute within its day
    (44566.604: 14:30; 44566.9999: 23:59)."""
    number = float(text)
    if len(text.partition(".")[2]) >= 6:  # (not into the next day: 44566.9999999 is 23:59:59 on the 5th)
        seconds = min(int(round(number * 86_400)), int(number // 1) * 86_400 + 86_399)
        return day_zero.get() + np.timedelta64(seconds, "s")
    minutes = min(int(round(number * 1_440)), int(number // 1) * 1_440 + 1_439)  # (not into the next day)
    return day_zero.get() + np.timedelta64(minutes, "m")


def spreadsheet_day_label(text: str) -> Day:
    """'7 January 2022', or '7 January 2022, 16:30' for a number with a fraction (with its
    seconds where it has some: '5 January 2022, 23:59:59')."""
    when = pd.Timestamp(spreadsheet_day(text))
    if "." not in text:
        return Day.of(when.year, when.month, when.day)
    return Day.of(when.year, when.month, when.day, when.hour, when.minute, *([when.second] if when.second else []))


def mac_day_number(text: str) -> Message:
    """What is said of a day number (`43104`) read as Excel's 1904 date system counts (5 January
    2022), where that reading is among the file's other dates and the usual one (4 January 2018)
    is not: load decides (_mac_day_numbers)."""
    usual = spreadsheet_day_label(text)
    token = day_zero.set(MAC_DAY_ZERO)
    try:
        day, iso = spreadsheet_day_label(text), _spreadsheet_day_iso(text)
    finally:
        day_zero.reset(token)
    return say(
        "is a number, the way a spreadsheet stores a date: probably {day}, as Excel's 1904 date system counts "
        "(of workbooks made in Excel for Mac before 2011), among the file's other dates ({usual} as the usual "
        "system counts); write {iso}",
        day=day,
        usual=usual,
        iso=iso,
    )


def _spreadsheet_day_iso(text: str) -> str:
    when = pd.Timestamp(spreadsheet_day(text))
    return f"{when:%Y-%m-%d}" if "." not in text else f"{when:%Y-%m-%d %H:%M}" + (f":{when:%S}" if when.second else "")


def two_digit_year(year: int) -> int:
    """A year of two digits as this grammar reads it: as Excel reads one typed into a cell, 00-29
    in this century and 30-99 in the last (22 is 2022, 69 is 1969), the same whatever the day
    the file is read (dateutil's rule, within 50 years of today, would read 76 as 1976 this year
    and 2076 the next). Every date so read carries a caveat (TWO_DIGIT_YEAR)."""
    return year + (2000 if year < TWO_DIGIT_PIVOT else 1900)


TWO_DIGIT_PIVOT = 30  # two_digit_year: 00-29 are 2000-2029, 30-99 are 1930-1999 (Excel's default)


def this_year() -> int:
    """The year it is now (where a test sets another)."""
    return datetime.now().year


def _two_digit_ahead(year: int, month: int, day: int | None, written: int) -> Message:
    """What is said of a date whose year of two digits is read as a year still to come (28 in
    2026: 2028, or 1928?): refused, both written in full."""
    iso = _iso_day(year, month, day) if day is not None else _iso_day(year, month, 1)[:-3]
    return say(
        "has a year of two digits, {written:02d}: read as {year} ({day}) it is after this year, and {other} may "
        "be meant; write the year in full: {other_iso} or {iso}",
        written=written,
        year=year_label(year),
        day=Day.of(year, month, day),
        other=year_label(year - 100),
        other_iso=f"{year - 100:04d}{iso[4:]}",
        iso=iso,
    )


def _two_digit_caveat(year: int, month: int, day: int | None, written: int) -> Message:
    """What is said of a date whose year has two digits (a day, or a month: Jan '22)."""
    iso = _iso_day(year, month, day) if day is not None else _iso_day(year, month, 1)[:-3]
    return say_year(
        "has a year of two digits, {written:02d}, read as {year} ({day}); if {other} is meant, or to be sure, "
        "write the year in full ({iso})",
        written=written,
        year=year_label(year),
        day=Day.of(year, month, day),
        other=year_label(year + 100 if year < 2000 else year - 100),
        iso=iso,
    )


def _caveat_with_clock(caveat, value: np.datetime64, offset: str):
    """A year of two digits' caveat of a date with a time: the date to write with its time and
    offset (`1/13/22 2:30 PM EST` was told to write 2022-01-13, which copied lost them)."""
    if not isinstance(caveat, Message) or caveat.template != _TWO_DIGITS:
        return caveat
    return say_year(caveat.template, **{**caveat.values, "iso": _as_written(value, "minute", offset)})


def _year_first_caveat(year: int, month: int, day: int, also: tuple[int, int, int]) -> Message:
    """What is said of a date with a year of two digits read day or month first (22/01/05: 22
    January 2005) that is a date year first too, as Japan and Korea write them (5 January 2022)."""
    return say_year(
        "has a year of two digits, {written:02d}, read as {day}; it is {other} if it is written year first (as "
        "dates are in Japan and Korea): write the date in full, {iso} or {other_iso}",
        written=year % 100,
        day=Day.of(year, month, day),
        other=Day.of(*also),
        iso=_iso_day(year, month, day),
        other_iso=_iso_day(*also),
    )


def _day_month(day: int, month: int) -> bool:
    """Whether two numbers may be a day and a month, whatever the month's length."""
    return 1 <= month <= 12 and 1 <= day <= 31


def _a_day(day: int, month: int, year: int) -> bool:
    return 1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR and 1 <= day <= _days_in(int(year), int(month))


def _diagnosis(text: str) -> Message:
    """Why a string is no date: its date part, before any clock, names the near miss."""
    if is_day_number(text):
        return say(
            "is a number, the way a spreadsheet stores a date: probably {day}; write {iso}",
            day=spreadsheet_day_label(text),
            iso=_spreadsheet_day_iso(text),
        )
    squeezed = _squeezed(text)
    if re.fullmatch(_BEFORE_PRESENT, squeezed, re.IGNORECASE):
        return _YEARS_BEFORE_PRESENT
    if re.fullmatch(_RELATIVE, squeezed, re.IGNORECASE):
        return _RELATIVE_DATE
    split = re.fullmatch(_whole(SPLIT), squeezed, re.ASCII)
    date, clock = (split.group("date"), split.group("clock")) if split else (text, None)
    for pattern, message in DIAGNOSES:
        if re.fullmatch(_whole(pattern), date, re.ASCII):
            return message
    if clock and any(re.fullmatch(_whole(form.pattern), date, re.ASCII) for form in FORMS):
        return _NO_DAY
    return UNREADABLE


UNREADABLE = say("is not a date that can be read; {how_to_write}", how_to_write=HOW_TO_WRITE)


# --- closer diagnoses: what is refused, said more nearly (only the message changes) -------------

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"  # hyphens, dashes, minus signs
# Between the two ends of a range: a dash, a hyphen, an arrow (Notion's →), "to", "until"...
_RANGE_SEPARATOR = re.compile(
    rf"\s*(?:[{DASHES}\-/]|->|→|⟶|\.\.|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*", re.IGNORECASE
)
# A span that goes on: "ongoing", "present" alone (in end_date), or a start, a dash (or to, until)
# and such a word ("2014–present", "5 January 2022 to date"). Never a word inside another (snow,
# recurrent), nor one a space from a date ("2022-01-05 today" is no span).
_GOES_ON_ALONE = re.compile(r"ongoing|(?:the\s+)?present|to\s+date|continuing|current", re.IGNORECASE)
_ONGOING = re.compile(
    rf"(?P<start>\S.{{0,40}}?)\s*(?:[{DASHES}\-]|\bto\b|\buntil\b|\btill\b)\s*"
    r"\b(?:ongoing|(?:the\s+)?present|now|today|date|current|continuing)",
    re.IGNORECASE,
)
_END_GOES_ON = say(
    "is not a date: for a span that goes on, write in end_date the last day it is known to have lasted (the day "
    "of the latest report), and say in the description that it goes on"
)
_ERA_WORD = re.compile(r"\b(?:BCE?|CE|AD|B\.C\.|A\.D\.)(?!\w)", re.IGNORECASE)


def _one_era(start: str, end: str) -> bool:
    """Whether one end of a range has its era and the other, a bare year, none (400 BC – 300: 300
    BC, or AD 300?): no end is advised then."""
    bare = re.compile(r"\s*\d{1,4}\s*")
    return (bool(_ERA_WORD.search(start)) and bare.fullmatch(end) is not None) or (
        bool(_ERA_WORD.search(end)) and bare.fullmatch(start) is not None
    )


def _era_once(start: str, end: str) -> tuple[str, str]:
    """The ends of a range of years whose era is written once, as English writes it: after the end
    (500–470 BC, 47–50 AD) or before the start (AD 47–50), each end with it. Other ends as they are
    (400 BC – 300 is 300 BC, or AD 300?: _one_era)."""
    after = _YEAR_AND_ERA.fullmatch(end)
    if re.fullmatch(r"\d{1,4}", start) and after and after["era"]:
        return f"{start} {after['era']}", end
    before = _YEAR_AND_ERA.fullmatch(start)
    if re.fullmatch(r"\d{1,4}", end) and before and before["era2"]:
        return start, f"{before['era2']} {end}"
    return start, end


# A range's end that is a time alone after a start that is a date and a time: the start's day.
_TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_DATE_THEN_TIME = re.compile(
    r"(.*\d{4}.*?|\d{4}-\d{2}-\d{2})[\s,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE
)
# A year with its era written (47 AD, AD 47, 500 BC): an end of a range, whatever its digits.
_YEAR_AND_ERA = re.compile(rf"{_ERA_BEFORE}\d{{1,4}}{_ERA}", re.IGNORECASE)
# A range in words: "between 1994 and 1997", "from 5 to 7 January 2022" (its ends then as 1994 – 1997).
_BETWEEN = re.compile(r"(?:between|from)\s+(\S.{0,40}?)\s+(?:and|to|until|till|through)\s+(\S.{0,40})", re.IGNORECASE)
# Noon or midnight for the time, last (AP style: "Jan. 5, 2022, noon"; "at 12 midnight").
_NOON = re.compile(r"[\s,]+(?:at\s+)?(?:12\s*)?(?P<word>noon|midday|midnight)\s*$", re.IGNORECASE)
_CLEAR_SEPARATOR = re.compile(
    rf"\s+[{DASHES}\-]\s+|\s*(?:[\u2013\u2014\u2015→⟶]|->|\.\.)\s*|\s*\b(?:to|until|till|through|thru)\b\s*",
    re.IGNORECASE,
)
# A US zone in words after a time (11:04 p.m. Eastern Time, Pacific Standard Time, as US news writes
# it), or an abbreviation with dots (E.D.T., M.S.K.): refused, and said with the offset it names.
_ZONE_IN_WORDS = re.compile(
    r"(?i)(?P<date>.*\d.*?)[\s,]*(?P<open>\()?(?P<words>(?P<area>Eastern|Central|Mountain|Pacific)"
    r"(?:\s+(?P<kind>Standard|Daylight))?(?P<time>\s+Time)?|(?P<dotted>[A-Z]\.(?:[A-Z]\.){1,3}))\)?"
)
# (Mountain Time alone is not read: Arizona's clocks keep its standard time)
_US_HOMES = {
    area: _MANY_HOMES[key]
    for area, key in (("eastern", "ET"), ("central", "CT"), ("mountain", "MT"), ("pacific", "PT"))
}


def _zone_of_words(found: re.Match) -> tuple[str, str] | None:
    """What a _ZONE_IN_WORDS names: ("home", a US zone) for its standard or summer time, or its
    time with neither said (not Mountain Time, Arizona's too; and that only after a time with AM
    or PM, not in brackets: `(Central)` after a date is a place as often); ("abbreviation", the
    letters) for an abbreviation with dots that names one zone (not I.S.T., India's, Ireland's or
    Israel's); None otherwise."""
    if found["area"]:
        area = found["area"].lower()
        if not found["kind"] and (
            area == "mountain"
            or found["open"]
            or not found["time"]
            and not re.search(r"[ap]\.?m\.?\s*$", found["date"], re.I)
        ):
            return None
        return "home", _US_HOMES[area]
    key = found["dotted"].replace(".", "").upper()
    return ("abbreviation", key) if key in ZONES else None


# A weekday before a date in numbers (Sun 1/9/2022, Thu 13.01.2022, as a log or a mail's header
# writes one): refused (a weekday is read before a month's name), and said with the date to write.
_WEEKDAY_BEFORE = re.compile(rf"(?i)(?P<weekday>{_WEEKDAY_NAMES})(?:day)?\.?,?\s+(?P<date>\d.*)")
# A time written before its date (14:30 5 January 2022, 2:30 PM, 5 January 2022): refused, and
# said with the two in the order a date is written.
_TIME_FIRST = re.compile(
    r"(\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s*,?\s+(\S.*)", re.IGNORECASE
)
# An end of a range: a year or a time (a number of 3-4 digits, 14:30, 5.1) or a month's name.
_END_LIKE = re.compile(rf"\d{{3,4}}|\d[:./]\d|\b(?:{_MONTH_NAMES})\b", re.IGNORECASE)
# (Two days of one month: 7-8 January 2022, 7/8 January 2022 as the night of the 7th to the 8th is
# written, 7 and 8 January 2022, January 7-8, 2022, January 7 & 8, 2022.)
_DAYS_APART = rf"(?:[{DASHES}\-/&]|\bto\b|\band\b)"
# (A slash, an ampersand or "and" only before a month's name: 3/4 of 2022 is no range of days.)
_DAY_RANGE = re.compile(
    rf"(\d{{1,2}})\.?\s*(?:[{DASHES}\-]|\bto\b|{_DAYS_APART}(?=\s*\d{{1,2}}\.?\s+(?:{_MONTH_NAMES})\b))\s*"
    rf"(\d{{1,2}})(\.?\s+[^\W\d_].*)",
    re.IGNORECASE,
)
_MONTH_DAY_RANGE = re.compile(
    rf"([^\W\d_]+\.?\s*)(\d{{1,2}})\s*{_DAYS_APART}\s*(\d{{1,2}})(,?\s*\d{{3,4}}.*)", re.IGNORECASE
)
# Letters typed for the digits they look like: in a word of digits and such letters that holds a
# digit (2o22, 2O22, 2022-0l-05, l5 January), or beside a digit across a date's or a time's
# separator (lO:30, 2022-OI-05), unless it is a Roman month (15.II.2022). A word with any other
# letter is a word.
_DIGIT_OF = {"o": "0", "O": "0", "l": "1", "I": "1"}
_LETTER_FOR_DIGIT = re.compile(
    r"(?<![^\W\d_])(?=[0-9oOlI]*[oOlI])"  # a word of digits and such letters, with one of the letters,
    r"(?:[0-9oOlI]*\d[0-9oOlI]*"  # a digit in it, or beside it with an o, an O or an l in it (II alone
    r"|(?=[oOlI]*[oOl])[oOlI]+(?=[:./-]\d)|(?<=\d[:./-])(?=[oOlI]*[oOl])[oOlI]+)"  # is February: 15.II.2022)
    r"(?![^\W\d_])"
)


def _letters_for_digits(written: str) -> tuple[list[str], str]:
    """The letters in `written` typed for digits (see _LETTER_FOR_DIGIT), and the text with them
    made digits."""
    letters: list[str] = []

    def digits(match: re.Match) -> str:
        word = match.group(0)
        letters.extend(c for c in word if c in _DIGIT_OF)
        return "".join(_DIGIT_OF.get(c, c) for c in word)

    return letters, _LETTER_FOR_DIGIT.sub(digits, written)


# A month and its year in numbers: 1/2022, 01-2022, 2022/01, 2022 01, and 2022M01 as statistics
# offices write a month (Eurostat, the IMF, SDMX's 2022-M01). (2022-1 is ISO's: read; 2022-5: see _date_parts.)
_MONTH_AND_YEAR = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})|(\d{4})\s*(?:[/.\s]|-?M)\s*(\d{1,2})", re.IGNORECASE)
# A quarter or a half of a year (Q1 2022, 2022-Q1, 1Q 2022; H1 2022, 2022 H2, 1H 2022), as reports
# and finance write them: refused, and said with its first and last months.
_PART = re.compile(
    r"(?P<part>[qh][1-4]|[1-4][qh])[\s\-/]*(?P<year>\d{4})|(?P<year_first>\d{4})[\s\-/]*(?P<part_after>[qh][1-4]|[1-4][qh])",
    re.IGNORECASE,
)
# ISO 8601's week (2022-W01: Monday 3 to Sunday 9 January 2022) and its day of the week
# (2022-W01-3, a Wednesday), and its ordinal date (2022-005: the year's fifth day).
_WEEK = re.compile(r"(\d{4})-?w(\d{2})(?:-?([1-7]))?", re.IGNORECASE)
_ORDINAL_DATE = re.compile(r"(\d{4})-(\d{3})")
# A decade: the 1990s (1990's), 1990-е (годы), 1990-х, 1990 жылдары, les années 1990.
_DECADE = re.compile(
    r"(?:the\s+)?(\d{3})0\s*['’]?s|(\d{3})0\s*-?\s*(?:е|х|ые|ых)(?:\s+(?:гг?\.?|годы|годов|годах))?"
    r"|(\d{3})0\s*-?\s*жылдар(?:ы|да|ында)?|(?:les\s+)?années\s+(\d{3})0",
    re.IGNORECASE,
)
# A decade with a year of two digits (the '90s, 60's, the 20s): said in the century a year of two
# digits is read in (two_digit_year: the '90s are the 1990s, the '20s the 2020s) and the one before.
_SHORT_DECADE = re.compile(r"(?:the\s+)?['’]?(\d)0\s*['’]?s", re.IGNORECASE)
# A century (the 12th century, 12th c., 12th century BC, XII век, XIIe siècle, б.з.д. V ғасыр) or
# two (12th–13th centuries): refused, and said with its first and last years as a century is
# counted, from its year 1 to its year 100 (the 12th: 1101 to 1200; the 12th BC: 1200 BC to 1101 BC).
_ORDINALS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
} | {"twenty-first": 21, "twenty first": 21}
_CENTURY_NUMBER = (
    r"(?:\d{1,2}(?:st|nd|rd|th|-?й|-?ый|er|e|ᵉ)?|[IVXLC]+(?:-?й|er|e|ᵉ)?|"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + ")"
)
# The era after a century or a millennium: BC (12th century BC, V век до н. э., Ve siècle av. J.-C.) or AD.
_ERA_OF_AGE = (
    r"(?:\s*(?:(?P<bc>b\.?\s*c\.?(?:\s*e\.?)?|до\s*н\.\s*э\.|av\.\s*J\.?-?\s*C\.?)|a\.?\s*d\.?|c\.?\s*e\.?|н\.\s*э\.|"
    r"ap\.\s*J\.?-?\s*C\.?))?"
)
_CENTURY = re.compile(
    rf"(?P<bc_before>б\.\s*з\.\s*д\.\s*)?(?:the\s+)?(?P<number>{_CENTURY_NUMBER})"
    rf"(?:\s*(?:[{DASHES}\-/]|\band\b|\bto\b)\s*(?P<last>{_CENTURY_NUMBER}))?[\s\-]*"
    r"(?:centur(?:y|ies)|cent\.|c\.|век[аеу]?|века|вв?\.|ғасыр(?:лар)?(?:дың|да)?|ғ\.|si[èe]cles?)" + _ERA_OF_AGE,
    re.IGNORECASE,
)
# Roman numerals of 1 to 99, as centuries are written in Russian, Kazakh and French (XII, XIIe).
_ROMAN = {
    tens + ones: 10 * t + o
    for t, tens in enumerate(("", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"))
    for o, ones in enumerate(("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"))
    if 10 * t + o
}


def _ordinal_number(part: str) -> int:
    """The number of a century or a millennium as _CENTURY_NUMBER matched it (12th, twelfth, XII,
    XIIe: 12), 0 where it is none (IIII)."""
    digits = re.match(r"\d+", part)
    if digits:
        return int(digits.group(0))
    return _ORDINALS.get(part.lower()) or _ROMAN.get(re.sub(r"(?i)-?й|er|e|ᵉ", "", part).upper(), 0)


def _century_years(century: re.Match) -> list[str] | None:
    """The first year of the first century and the last of the last that _CENTURY matched, as
    texts to read (the 12th century: 1101, 1200; the 12th BC: 1200 BC, 1101 BC), or None where a
    number is no century (0, IIII)."""
    numbers = []
    for part in (century["number"], century["last"] or century["number"]):
        number = _ordinal_number(part)
        if not 1 <= number <= 99:
            return None
        numbers.append(number)
    first, last = numbers
    if century["bc"] or century["bc_before"]:  # (counted down: the 12th to the 11th BC is 1200 to 1001 BC)
        return [f"{100 * first} BC", f"{100 * last - 99} BC"] if first >= last else None
    return [f"{100 * first - 99:04d}", f"{100 * last:04d}"] if first <= last else None


# A millennium (the 5th millennium BC, the second millennium, III тысячелетие до н. э., Ve millénaire
# av. J.-C., б.з.д. V мыңжылдық): refused, and said with its first and last years, from its year 1
# to its year 1000 (the 2nd: 1001 to 2000; the 5th BC: 5000 BC to 4001 BC).
_MILLENNIUM = re.compile(
    rf"(?P<bc_before>б\.\s*з\.\s*д\.\s*)?(?:the\s+)?(?P<number>{_CENTURY_NUMBER})[\s\-]*"
    r"(?:millennium|тысячелети[еяюи]|тыс\.|mill[ée]naire|мыңжылдық(?:та)?)" + _ERA_OF_AGE,
    re.IGNORECASE,
)


def _millennium_years(millennium: re.Match) -> list[str] | None:
    """The first and last years of the millennium _MILLENNIUM matched, as texts to read (the 2nd:
    1001, 2000; the 5th BC: 5000 BC, 4001 BC), or None where its number is none (0, 11th)."""
    number = _ordinal_number(millennium["number"])
    if not 1 <= number <= 10:
        return None
    if millennium["bc"] or millennium["bc_before"]:
        return [f"{1000 * number} BC", f"{1000 * number - 999} BC"]
    return [f"{1000 * number - 999:04d}", f"{1000 * number:04d}"]


# A decade BC, or a century BC written as its hundreds (the 1990s BC, the 490s BC, the 1100s BC):
# counted down, the 1100s BC from 1109 BC to 1100 BC as a decade, from 1199 BC as a century.
_BC_DECADE = re.compile(r"(?:the\s+)?([1-9]\d{0,2})0\s*['’]?s\s*b\.?\s*c\.?(?:\s*e\.?)?", re.IGNORECASE)
# A quarter of a year with a year of two digits (1Q22, Q1 22, Q1 '22, 22Q1): said in the century a
# year of two digits is read in (two_digit_year) and the other.
_SHORT_QUARTER = re.compile(
    r"(?:(?P<kind>[qh])(?P<q>[1-4])|(?P<q2>[1-4])(?P<kind2>[qh]))[\s\-/]*['’]?(?P<year>\d{2})"
    r"|(?P<year2>\d{2})[\s\-/]*(?P<kind3>[qh])(?P<q3>[1-4])",
    re.IGNORECASE,
)  # (and a half: H1 22, 2H22)
# A fiscal year (FY2022, FY 2021/22, FY22, fiscal year 2022): its months are the organisation's
# (October to September for the US government, April to March for the UK's), so it is said with none.
_FISCAL = re.compile(
    rf"(?:fy|f\.\s*y\.|fiscal(?:\s+year)?)\s*['’]?(?:\d{{4}}|\d{{2}})(?:\s*[/\-{DASHES}]\s*['’]?(?:\d{{4}}|\d{{2}}))?",
    re.IGNORECASE,
)
# Two numbers of one or two digits joined by a dash or a word (47-50, 47 to 50): years, if written
# so, as "between 47 and 50" (no leading zero: 01-22 may be a month and its year).
# A date, then a dash with spaces about it and a time (no time before it: 09:00 - 10:00 is a span).
_DATE_DASH_TIME = re.compile(
    r"(?P<date>[^:]*\d[^:]*?)\s+[-\u2013\u2014]\s+(?P<time>\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?)", re.I
)
# (2:30 PM - 5 Jan 2022, as Twitter wrote a post's time: the time first)
_TIME_DASH_DATE = re.compile(
    r"(?P<time>\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?)\s+[-\u2013\u2014]\s+"
    r"(?P<date>(?=[^:]*(?:\d{4}|[^\W\d_]{3}))[^:]*\d[^:]*)",  # (a year or a month's name: not 9:00 - 5 PM, a span)
    re.I,
)
_SHORT_RANGE = re.compile(
    rf"([1-9]\d?)\s*(?:[{DASHES}\-]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*([1-9]\d?)", re.IGNORECASE
)
# German's eras (44 v. Chr., 44 n. Chr., vor Christus) and the a.C. and d.C. of Italian, Spanish
# and Portuguese (antes de Cristo, avanti Cristo...).
_OTHER_ERAS = (
    r"v\.\s*chr\.?|vor\s+christus|n\.\s*chr\.?|nach\s+christus|v\.\s*u\.\s*z\.?"
    r"|a\.\s*(?:de\s+)?c\.|d\.\s*(?:de\s+)?c\."
)
# A year with its era written in Russian (500 до н. э., 500 г. до н. э., 47 н. э.), French (500 av.
# J.-C., 500 apr. J.-C.), Kazakh (б.з.д. 500 ж.), German, Italian, Spanish or Portuguese (44 v. Chr.,
# 44 a.C.): said with the year to write (-0500, 0047).
_FOREIGN_ERA_YEAR = re.compile(
    r"(?P<before>б\.\s*з\.\s*(?:д\.)?\s*)?(?P<year>\d{1,4})\s*(?:(?:гг?|ж)\.?|год[ау]?|жыл(?:ы)?)?\s*"
    r"(?P<era>до\s*н\.\s*э\.?|до\s+нашей\s+эры|до\s+р\.\s*х\.?|н\.\s*э\.?|нашей\s+эры"
    r"|av\.?\s*j\.?\s*-?\s*c\.?|avant\s+j\.?\s*-?\s*c\.?|avant\s+j[ée]sus[\s\-]christ|av\.?\s+notre\s+[èe]re|avant\s+notre\s+[èe]re"
    r"|apr?\.?\s*j\.?\s*-?\s*c\.?|après\s+j\.?\s*-?\s*c\.?|après\s+j[ée]sus[\s\-]christ|de\s+notre\s+[èe]re"
    rf"|{_OTHER_ERAS}"
    r"|б\.\s*з\.\s*(?:д\.)?)?",
    re.IGNORECASE,
)


def _foreign_era(match: re.Match) -> tuple[str, tuple[str, ...]] | None:
    """The year _FOREIGN_ERA_YEAR matched as English writes it (500 BC, AD 47) and the languages
    its era may be of (ru, fr, kk...), or None where its era is written not once (500 alone,
    б.з.д. 500 н. э.)."""
    before, era = match["before"], match["era"]
    if bool(before) == bool(era):
        return None
    bc, languages = _era_word((before or era).lower())
    return (f"{int(match['year'])} BC" if bc else f"AD {int(match['year'])}"), languages


def _era_word(word: str) -> tuple[bool, tuple[str, ...]]:
    """(before Christ, the languages) of an era's words, as _FOREIGN_ERA_YEAR and _ERA_INSIDE find them."""
    if word.startswith("б"):
        return bool(re.match(r"б\.\s*з\.\s*д", word)), ("kk",)
    if word[0] in "дн":
        return word.startswith("до"), ("ru",)
    if re.match(r"[ad]\.", word):  # a.C., d.C.
        return word[0] == "a", ("it", "es", "pt")
    if re.match(r"v\.|vor|n\.|nach", word):
        return word[0] == "v", ("de",)
    return word.startswith("av"), ("fr",)


# A foreign era (see _FOREIGN_ERA_YEAR) inside a full date or a range of years (15 mars 44 av. J.-C.,
# 500–470 до н. э.), with the word for year before it (44 г. до н. э.): said with the date or the
# ends to write, the era made English (15 mars 44 BC, 500–470 BC) and read.
_ERA_INSIDE = re.compile(
    r"(?:\s*(?:(?:гг?|ж)\.?|год[ау]?))?\s*(?<![^\W\d_])"
    r"(?P<era>до\s*н\.\s*э\.?|до\s+нашей\s+эры|н\.\s*э\.?|нашей\s+эры"
    r"|av\.?\s*j\.?\s*-?\s*c\.?|avant\s+j\.?\s*-?\s*c\.?|avant\s+j[ée]sus[\s\-]christ|av\.?\s+notre\s+[èe]re"
    r"|avant\s+notre\s+[èe]re|apr?\.?\s*j\.?\s*-?\s*c\.?|après\s+j\.?\s*-?\s*c\.?|après\s+j[ée]sus[\s\-]christ"
    rf"|de\s+notre\s+[èe]re|{_OTHER_ERAS})\s*$",
    re.IGNORECASE,
)


def _english_era(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A date or a range of years whose era, last, is written in Russian or French, with its era
    in English (15 mars 44 BC, 500–470 BC), and the era's language; None where there is none."""
    found = _ERA_INSIDE.search(text)
    if found is None or not re.search(r"\d", text[: found.start()]):
        return None
    bc, languages = _era_word(found["era"].lower())
    return f"{text[: found.start()].rstrip(' ,')} {'BC' if bc else 'AD'}", languages


# A zone after a date with no time (Jan 11 2012 CST, 2012-01-11 EST): the zone of an abbreviation,
# in capitals, that ZONES or MANY_OFFSETS knows.
_DATE_AND_ZONE = re.compile(r"(?P<date>.*\d.*?)[\s,]+(?P<zone>[A-Z]{2,5})")  # (in brackets: _BRACKETED)
# A place's time after a date (2022-01-05 14:30 Almaty time, ..., time in Moscow, (Kyiv local
# time)): refused, and said with the date to write, at the UTC offset that place's clocks showed
# then where the place is a city the time zone database names a zone after (_city_zone).
_PLACE_TIME = re.compile(
    r"(?i)(?P<date>.*\d.*?)[\s,]+\(?(?P<words>(?:local\s+)?time\s+in\s+(?P<in>[^\W\d_][^\d(),]{0,40}?)"
    r"|(?P<place>[^\W\d_][^\d(),]{0,40}?)\s+(?:local\s+)?time)\)?"
)
# A city's own name where the time zone database names its zone after another (its old name, or
# the city whose clocks it keeps).
_CITY_ALIASES = {"astana": "Asia/Almaty", "nur-sultan": "Asia/Almaty", "kiev": "Europe/Kyiv", "delhi": "Asia/Kolkata"}
# A time of day with no date (14:30, 2:30 PM, 12:56 AM EST), perhaps with a word of nearness
# (About 1:30 AM EST): refused, and said with an example of the day written with it.
_TIME_ALONE = re.compile(
    r"(?:(?P<word>about|around|approx\.|approximately|circa|c\.|ca\.|~)\s*)?"
    r"(?P<time>(?P<clock>\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*(?:z|[+-]\d{2}(?::?\d{2})?|\(?(?P<zone>[a-z]{1,6})\)?|(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?"
    r"|[a-z]+/[a-z_]+(?:-[a-z_]+)*(?:/[a-z_]+(?:-[a-z_]+)*)?))?)",
    re.IGNORECASE,
)
# Two years with a word (winter 1834-35, 1920-21 session, the 1920-21 season, academic year
# 2021/22): told as two years are (1984-85), a season's with its caveat.
_SEASON_WORDS = r"spring|summer|autumn|fall|winter"
_YEARS_WORDS = rf"{_SEASON_WORDS}|sessions?|seasons?|academic\s+year|school\s+year|term"
_TWO_YEARS_WORD = re.compile(
    rf"(?:the\s+)?(?:(?P<before>{_YEARS_WORDS})\s+(?:of\s+)?)?"
    rf"(?P<first>\d{{4}})\s*[{DASHES}\-/]\s*(?P<second>\d{{4}}|\d{{2}})(?:\s+(?P<after>{_YEARS_WORDS}))?",
    re.IGNORECASE,
)
# Two decades (1850s-60s, 1850s-1860s, the 1850s to the 1860s): from the first year of the first
# to the last of the second.
_TWO_DECADES = re.compile(
    rf"(?:the\s+)?(?P<first>\d{{3}})0\s*['’]?s\s*(?:[{DASHES}\-]|\bto\b|\buntil\b|\bthrough\b)\s*"
    r"(?:the\s+)?(?:(?P<last>\d{3})0|['’]?(?P<short>\d)0)\s*['’]?s",
    re.IGNORECASE,
)
# A year of five digits or more (12500, 12500 BC, 12,500 BC, -12500): past 9999 BC or AD 9999.
_LONG_YEAR = re.compile(
    r"-?\d{5}|-\d{6}|(?:(?:a\.?d\.?|c\.?e\.?)\s*)?(?:\d{5,6}|\d{2,3},\d{3})"
    r"\s*(?:b\.?c\.?(?:e\.?)?|a\.?d\.?|c\.?e\.?)"
    r"|(?:a\.?d\.?|c\.?e\.?)\s*(?:\d{5,6}|\d{2,3},\d{3})",
    re.IGNORECASE,
)


def _two_years(first: int, second: str) -> tuple[int, int] | None:
    """Two years as _TWO_YEARS matched them (2021-22, 2018-2022), the second in full, or None
    where the second is not after the first (or, of two digits, more than ten years after)."""
    last = int(second)
    if len(second) == 2:
        last += first - first % 100
        last += 100 if last <= first else 0
        if last - first > 10:
            return None
    return (first, last) if last > first else None


# A season of a year (summer 2022, the spring of 2022, зима 2022, летом 2022 года, 2022 жылғы көктем):
# its months depend on the hemisphere and winter is of two years, so it is said with no months.
_SEASON = re.compile(
    r"(?:the\s+|l['’])?(?:spring|summer|autumn|fall|winter|весн[аойу]|лет[оа]м?|осень|осенью|зим[аойу]|көктем(?:де)?"
    r"|жаз(?:да)?|күз(?:де)?|қыс(?:та)?|printemps|été|automne|hiver)(?:\s+(?:of|de|d'|du))?\s*,?\s*(\d{4})"
    r"(?:\s*(?:г\.?|года))?|(\d{4})\s*(?:жылғы|жылы)?\s*(?:көктем(?:де)?|жаз(?:да)?|күз(?:де)?|қыс(?:та)?)",
    re.IGNORECASE,
)
# Words in brackets after a date (2022-01-05 (local), JavaScript's "Wed Jan 05 2022 14:30:00
# GMT+0600 (East Kazakhstan Time)"): refused, and said with the date before them.
# So are a footnote's mark in square brackets (Wikipedia's 5 January 2022[3], [citation needed])
# and a zone's name after its offset (Java's and RFC 9557's 2022-01-05T14:30+06:00[Asia/Almaty]).
# A date, then a date in brackets: the same one written otherwise (5 January 2022 (2022-01-05),
# Wikipedia's hidden sort key copied with the table), or another.
_DATE_AGAIN = re.compile(r"(?P<date>[^()]*\d[^()]*?)\s*\((?P<again>[^()]*\d{4}[^()]*)\)")
# A time, its UTC offset and a zone's name after it: Go's 2022-01-05 14:30:00 +0000 UTC, e-mail's
# +0600 (ALMT), RFC 9557's (Java's) 2022-01-05T10:00+06:00[Asia/Almaty]; refused (the offset says the
# zone), and the two read apart where they may disagree (10:00 +06:00 MSK: Moscow is at +03:00).
_TIME_AND_OFFSET = r"(?P<date>.*\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)(?P<gap>\s*)(?P<offset>[+-]\d{2}:?\d{2})"
_OFFSET_AND_ZONE = re.compile(
    _TIME_AND_OFFSET + r"(?:\s+(?P<zone>[A-Za-z]{2,5})|\s*\((?P<round>[A-Za-z][\w/+-]{1,40})\)"
    r"|\s*\[(?P<square>[A-Za-z][\w/+-]{1,40})\])",
    re.ASCII,
)
_BRACKETED = re.compile(
    r"(?P<date>.*\d.*?)\s*(?:\((?P<words>[^()?\d]*[^\W\d_][^()?]*)\)"
    r"|\[(?P<note>\d{1,3}|[^\[\]\d]*[^\W\d_][^\[\]]{0,40})\])"
)
# A time, then the same moment in UTC in brackets, as news agencies write it (14:30 local time
# (08:30 GMT), 2:30 p.m. (0830 GMT), 14:30 (local time = 08:30 UTC), 14:30 (Almaty time, 08:30
# GMT)): the two give the offset.
_TWO_CLOCKS = re.compile(
    # (the time may have its zone: 10:55 a.m. EST (1555 GMT), as AP writes it)
    r"(?P<date>.*\d(?:\s*[ap]\.?m\.?)?(?:\s+(?!local\b)[A-Za-z]{2,5})?)(?:\s+local(?:\s+time)?)?\s*,?\s*"
    r"(?:\((?P<round>)|\[)\s*"
    # (words before the UTC time that say the time is the place's: local time =, Almaty time,; not
    # any words, as updated: 16:45 GMT is another moment)
    r"(?:(?:local|(?:[^\W\d_][^\d()\[\]=:,]{0,40}?\s+)?time)\s*[=:,]?\s*)?"
    r"(?P<hour>\d{1,2})[:.h]?(?P<minute>\d{2})\s*(?P<half>[ap]\.?m\.?)?\s*(?:hrs?\s*)?(?:GMT|UTC|Z)\s*"
    r"(?(round)\)|\])",
    re.IGNORECASE,
)
# A year with the word for year after it, as Russian and Kazakh write it: 2022 г., 2022 год, 2022 ж.
_YEAR_WORD = re.compile(r"(\d{3,4})\s*(гг?\.?|год[ауе]?|ж\.?|жыл(?:ы|ғы)?)", re.IGNORECASE)
# A word or mark of doubt or nearness with a date (2022-01-05?, c. 2022, early January 2022,
# mid-January 2022; in Russian начало 1990-х, конец XII века, около 1990): refused, and said with
# the date to write and where the doubt goes.
# (Words of nearness, which go before a time too; those of a part of a span, early or начало, do not.)
_NEAR = r"c\.|ca\.|circa|about|around|approx\.|approximately|~|≈|около|ок\.|примерно"
_DOUBT = re.compile(
    rf"(?P<word>{_NEAR}|early|mid|late|начало|конец|середина)"
    r"(?:(?<=[~≈])|\s+|-)(?:of\s+)?(?P<date>\S.*)"
    r"|(?P<date_before>.*\S)\s*(?P<mark>\?+|\((?:\?|approx\.?|approximately|circa|c\.|ca\.)\))",
    re.IGNORECASE,
)
# The same before a date's time (05.01.2022 около 14:30, 5 January 2022, about 2:30 p.m.): the date
# and the time, and the doubt.
_DOUBT_TIME = re.compile(
    rf"(?P<date>.*\d\.?)\s*,?\s+(?P<word>{_NEAR})"
    r"\s*(?P<time>\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?)",
    re.IGNORECASE,
)
# ISO 8601's basic form: a date of eight digits (years 1000-2999), perhaps a time of four or six
# after a T (or a space) and an offset. Refused (a number of eight digits may be an id, a count or
# a date in another order), and said with the date it would be.
# (The time may follow with nothing between, as GDELT writes 20150218230000: six digits then.)
_BASIC = re.compile(
    r"([12]\d{3})(\d{2})(\d{2})(?:[T ](\d{2})(\d{2})(\d{2})?|(?=\d{6}(?:Z|[+-]|$))(\d{2})(\d{2})(\d{2}))?"
    r"(Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
# A year and its month in six digits (201502, as statistics tables write a month): said with the
# month it would be, only when no order of a day, a month and a year of two digits reads it too
# (200112 may be 2020-01-12).
_BASIC_MONTH = re.compile(r"([12]\d{3})(0[1-9]|1[0-2])")
# A time of four digits with no colon, as wire copy and military reports write it (2022-01-05 1430,
# 5 January 2022, 1430 hrs, 2022-01-05 1430Z): refused, and said with the colon put in.
# An offset behind UTC after it needs its colon: 2022-01-05 0900-1100 is a range of times, not
# 09:00 at UTC-11 (+0600 is an offset). 2400 is the end of the day, said as 24:00 is.
_BARE_TIME = re.compile(
    r"(?P<date>.*?\d{4}|\d{4}-\d{2}-\d{2}|\d{4}[\s\-/.,]+[^\W\d_]+\.?[\s\-/.]*\d{1,2}(?:st|nd|rd|th)?)"
    r"\s*(?:(?P<sep>[,T])\s*)?(?P<hour>[01]\d|2[0-3]|24(?=00))(?P<minute>[0-5]\d)"
    r"\s*(?:(?P<hrs>hrs?\.?|hours|h)\s*)?(?P<offset>z|utc|gmt|[+-]\d{2}:\d{2}|\+\d{4})?",
    re.IGNORECASE,
)
# A time written with a dot, as German, the Nordic languages and Finnish write it (2022-01-05 14.30,
# 5 January 2022, 14.30 Uhr, klo 14.30): after a date whose year is written, the dot's two digits a
# minute (05.01.2022 is a date: its dots are not after a year, but the date before a time, 05.01.2022
# 14.30); 2.30 pm as British English writes it.
_DOTTED_TIME = re.compile(
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}(?=[\s,])|.*?[^\d.]\d{4}|\d{4})"
    r"\s*(?:(?:,|T|at|klo\.?|kl\.?|um)\s*)*"
    r"(?P<hour>[01]?\d|2[0-3])\.(?P<minute>[0-5]\d)(?:\s*(?:Uhr|h|hrs?\.?|(?P<half>[ap]\.?m\.?)))?",
    re.IGNORECASE,
)
# A date written with the characters for year, month and day, as Chinese and Japanese (年 月 日)
# and Korean (년 월 일) write it, with a time after it as digits (14:30) or with its characters for
# hour and minute (14時30分, 14点30分, 14시 30분); not an era's year (令和4年) nor an afternoon's hour.
_YEAR_MONTH_DAY = re.compile(
    r"(?P<year>\d{4})\s*(?P<mark>[年년])(?:\s*(?P<month>\d{1,2})\s*[月월]\s*(?:(?P<day>\d{1,2})\s*[日일])?)?"
    r"(?:\s*(?P<hour>[01]?\d|2[0-3])\s*(?::|[時时点시]\s*)(?P<minute>[0-5]\d)\s*[分분]?)?"
)
# A Unix time: seconds (or milliseconds) since 1 January 1970 UTC, as databases and feeds export
# a moment; only 1000000000-1899999999 (September 2001 to March 2030), where no other number of ten
# digits is likely in a date column (19911225 14, a date and an hour, is 1991122514). Refused (it
# may be a count or an id) and said with its moment.
_UNIX_TIME = re.compile(r"(1[0-8]\d{8})(\d{3})?")
# The year after the time, as C's and Unix's clocks write it (Wed Jan  5 14:30:00 2022, `date`'s
# Wed Jan  5 14:30:00 UTC 2022, and +06 where the zone has no letters: Asia/Almaty's): refused, and said in order.
_YEAR_LAST = re.compile(
    rf"(?P<weekday>{_WEEKDAY})?(?P<month>(?:{_MONTH_NAMES})\.?)\s+(?P<day>\d{{1,2}})\s+(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)"
    r"(?:\s+(?P<zone>[a-z]{3,5}|[+-]\d{2}(?::?\d{2})?))?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_TWO_YEARS = re.compile(rf"(\d{{4}})\s*[{DASHES}\-/]\s*(\d{{4}}|\d{{2}})")
_FOREIGN_WORD = re.compile(r"[^\W\d_]+\.?")
# The languages besides English whose month names a date is read with, by their names (as
# messages name a language: also the script of a code page, diagnosis.CODE_PAGES).
LANGUAGES = {
    "ru": say("Russian"),
    "kk": say("Kazakh"),
    "uk": say("Ukrainian"),
    "ar": say("Arabic"),
    "fr": say("French"),
    "de": say("German"),
    "es": say("Spanish"),
    # (besides the languages of this region's newsrooms: those whose dates came in others' files,
    # told with the date to write rather than as no date at all)
    "it": say("Italian"),
    "pt": say("Portuguese"),
    "nl": say("Dutch"),
    "pl": say("Polish"),
    "tr": say("Turkish"),
    "ro": say("Romanian"),
}
# CLDR's regional names besides a language's own: Arabic's months as the Levant and Iraq (كانون
# الثاني, شباط), Morocco (يوليوز, غشت) and Algeria (جانفي, جويلية) name them.
_REGIONS = {"ar": ("ar_SY", "ar_MA", "ar_DZ")}
# Languages whose month names are looked at only for those that are another month in a language
# of LANGUAGES: Croatian's listopad is October, Polish's November (lip: June, and July).
_OTHER_MONTHS = ("hr",)


def _foreign_months() -> dict[str, tuple[int, tuple[str, ...]]]:
    """Month names of the languages editors here write besides English (CLDR's, via Babel),
    lower case, without a final dot: name -> (month, languages). One English too is left out.
    A name of two words (كانون الثاني) is one key, its space one space. Made once, whole, under a
    lock (the date columns are checked on threads of their own)."""
    with _FOREIGN_LOCK:
        if not _FOREIGN:
            from babel.dates import get_month_names

            found: dict[str, tuple[int, tuple[str, ...]]] = {}
            for language in LANGUAGES:
                tables = itertools.chain.from_iterable(
                    (
                        get_month_names("wide", "format", locale),
                        get_month_names("wide", "stand-alone", locale),
                        get_month_names("abbreviated", "format", locale),
                        get_month_names("abbreviated", "stand-alone", locale),
                    )
                    for locale in (language, *_REGIONS.get(language, ()))
                )
                for table in tables:
                    for month, name in table.items():
                        key = " ".join(name.lower().rstrip(".").split())
                        if key in _MONTH_NUMBERS:  # (English's too: its languages kept apart)
                            if _MONTH_NUMBERS[key] == month and language not in _SHARED.get(key, (0, ()))[1]:
                                _SHARED[key] = (month, _SHARED.get(key, (0, ()))[1] + (language,))
                            continue
                        known, languages = found.get(key, (month, ()))
                        if known != month:
                            found[key] = (0, ())  # (two months: never said)
                        elif language not in languages:
                            found[key] = (month, languages + (language,))
            for language, names in [*_IN_A_MONTH.items(), *_THREE_LETTER_MONTHS.items()]:
                for month, name in enumerate(names, start=1):
                    found.setdefault(name, (month, (language,)))
            for locale in _OTHER_MONTHS:  # (a name that is another month there: never said)
                there = (
                    get_month_names("wide", "format", locale),
                    get_month_names("wide", "stand-alone", locale),
                    get_month_names("abbreviated", "format", locale),
                    get_month_names("abbreviated", "stand-alone", locale),
                )
                for month, name in itertools.chain.from_iterable(table.items() for table in there):
                    key = " ".join(name.lower().rstrip(".").split())
                    if found.get(key, (month,))[0] != month:
                        found[key] = (0, ())
            _FOREIGN.update(found)
    return _FOREIGN


# "In January", which CLDR's names lack: Russian's and Ukrainian's prepositional (в январе 2022, у
# січні 2022) and Kazakh's locative (2022 жылы қаңтарда), as a sentence in a newsroom's notes gives a date.
_IN_A_MONTH = {
    "ru": "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split(),
    "kk": "қаңтарда ақпанда наурызда сәуірде мамырда маусымда шілдеде тамызда қыркүйекте қазанда қарашада желтоқсанда".split(),
    "uk": "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні".split(),
}
# Months of three letters, as LibreOffice and Excel set to Russian show them (MMM: 17 сен. 2022), where
# CLDR's abbreviations are сент., февр., нояб.
_THREE_LETTER_MONTHS = {"ru": "янв фев мар апр май июн июл авг сен окт ноя дек".split()}


_FOREIGN: dict[str, tuple[int, tuple[str, ...]]] = {}
# Month names English shares with languages of LANGUAGES (jan, mar, jun, jul, nov: Portuguese's
# abbreviations; mar, may: Spanish's): name -> (month, languages). A date of such a name is
# another language's where that language's words are around it (5 de jan. de 2022, as Google
# Sheets writes one in Brazil): _in_english.
_SHARED: dict[str, tuple[int, tuple[str, ...]]] = {}
_FOREIGN_LOCK = threading.Lock()
_WRITE_DE = ("es", "pt")  # (the languages that write a date so)


def _next_to_de(match: re.Match) -> bool:
    """Whether a month's name is written as Spanish and Portuguese write one, between a day and
    a year: `de` (or Spanish's `del`) before it after a number, or after it before one."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    return bool(re.search(r"(?i)\d\s+de\s*$", before) or re.match(r"(?i)\.?\s*(?:de|del)\s+\d", after))


def _foreign_words() -> re.Pattern:
    """A word, or a month's name of two words (كانون الثاني), as _foreign_months has it."""
    global _FOREIGN_WORDS
    if _FOREIGN_WORDS is None:  # (_foreign_months is whole when it returns)
        phrases = sorted((key for key in _foreign_months() if " " in key), key=len, reverse=True)
        _FOREIGN_WORDS = re.compile(
            "".join(r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)|" for phrase in phrases)
            + _FOREIGN_WORD.pattern,
            re.IGNORECASE,
        )
    return _FOREIGN_WORDS


_FOREIGN_WORDS: re.Pattern | None = None


def _month_key(word: str) -> str:
    return " ".join(word.lower().rstrip(".").split())


def _end_like(text: str) -> bool:
    """Whether a text may be an end of a range: a year, a time or a month's name in it."""
    if _END_LIKE.search(text):
        return True
    era = _YEAR_AND_ERA.fullmatch(text)
    if era and (era["era"] or era["era2"]):  # (47 AD, AD 47: a year of any digits with its era)
        return True
    months = _foreign_months()
    return any(months.get(_month_key(word), (0,))[0] for word in _foreign_words().findall(text))


_ENGLISH_AGO = re.compile(r"(?i)\b(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?)\s+ago$")


def _in_english(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A date written with a month name of another language, the name made English (and the
    words around it that language adds dropped: de, г., the day's dot): (text, languages)."""
    months = _foreign_months()
    found: tuple[str, tuple[str, ...]] | None = None

    weekdays = _foreign_weekdays()

    def english(match: re.Match) -> str:
        nonlocal found
        key = _month_key(match.group(0))
        month, languages = months.get(key, (0, ()))
        if not month and key in _SHARED and _next_to_de(match):  # (5 de jan. de 2022)
            month, languages = _SHARED[key]
            languages = tuple(language for language in languages if language in _WRITE_DE)
            month = month if languages else 0
        if not month and key in weekdays:  # (среда, 5 января 2022: its weekday, said if not the date's)
            return " " + calendar.day_name[weekdays[key]] + " "
        if not month or _ENGLISH_AGO.search(match.string, 0, match.end()):
            return match.group(0)  # (not a month; or "4 years ago", not Spanish's August)
        found = (calendar.month_name[month], languages)
        return " " + calendar.month_name[month] + " "

    rewritten = _foreign_words().sub(english, text)
    if found is None:
        return None
    # (14:30 по местному времени, 14h30 heure locale: the local time a time without an offset is;
    # по московскому времени, мск: Moscow time, whose clocks' offset is said)
    rewritten = _LOCAL_TIME_WORDS.sub(" ", rewritten)
    for words, place in _PLACE_TIME_WORDS:
        rewritten = words.sub(f" {place} time ", rewritten)
    # (le 5 janvier 2022 à 14h30, 5 января 2022 г. в 14:30: the article and the "at" of a time too)
    rewritten = re.sub(
        r"(?i)(?<![^\W\d_])(?:de|del|г|года|жылғы|жылы|ж|р|року|le|à|в|у|о|Uhr|في|الساعة|يوم)(?!\w)\.?", " ", rewritten
    )
    rewritten = re.sub(r"(\d)-(?:го|е|ое|ого)(?!\w)", r"\1", rewritten)  # (5-го января: the 5th)
    rewritten = re.sub(r"(\d)\.(?=\s)", r"\1", rewritten)  # (5. Januar)
    rewritten = " ".join(rewritten.split()).replace(" ,", ",").replace("( ", "(").replace(" )", ")")
    # Kazakh writes the year first: 2022 жылғы 5 қаңтар is 5 January 2022 (2022 жылғы қаңтар, January).
    rewritten = re.sub(r"^((?:[A-Z][a-z]+,? )?)(\d{3,4}) ((?:\d{1,2} )?[A-Z][a-z]+)\b", r"\1\3 \2", rewritten)
    return rewritten, found[1]


# "Local time" after a time, in the languages of LANGUAGES (the time as written is the place's).
_LOCAL_TIME_WORDS = re.compile(
    r"(?i)\(?(?<!\w)(?:по\s+местному\s+времени|местного\s+времени|за\s+місцевим\s+часом|"
    r"жергілікті\s+уақыт(?:\s+бойынша|пен)?|heure\s+locale|hora\s+local|Ortszeit|بالتوقيت\s+المحلي)(?!\w)\)?"
)
# A city's time in Russian and Kazakh, as news there writes it (по московскому времени, по времени
# Астаны, мск; Алматы уақытымен), for the cities of the region whose clocks news names most.
_PLACE_TIME_WORDS = [
    (
        re.compile(
            rf"(?i)\(?(?<!\w)(?:по\s+{adjective}\s+времени|по\s+времени\s+{of_it}|{kazakh}\s+уақыт(?:ымен|ы\s+бойынша)"
            rf"|по\s+{by_it}{'|мск' if place == 'Moscow' else ''})(?!\w)\)?"
        ),
        place,
    )
    for adjective, of_it, kazakh, by_it, place in (  # (by_it: в 14:30 по Москве, as speech and news write it)
        ("московскому", "Москвы", "Мәскеу", "Москве", "Moscow"),
        ("алматинскому", "Алматы", "Алматы", "Алматы", "Almaty"),
        ("астанинскому", "Астаны", "Астана", "Астане", "Astana"),
        ("нур-султанскому", "Нур-Султана", "Нұр-Сұлтан", "Нур-Султану", "Astana"),  # (its name from 2019 to 2022)
        ("ташкентскому", "Ташкента", "Ташкент", "Ташкенту", "Tashkent"),
        ("бишкекскому", "Бишкека", "Бішкек", "Бишкеку", "Bishkek"),
        ("киевскому", "Киева", "Киев", "Киеву", "Kyiv"),
        ("минскому", "Минска", "Минск", "Минску", "Minsk"),
    )
]
# Russian's weekday after в (в среду, 5 января: on Wednesday), which CLDR's names lack.
_ON_A_WEEKDAY = "понедельник вторник среду четверг пятницу субботу воскресенье".split()


@functools.cache
def _foreign_weekdays() -> dict[str, int]:
    """Weekday names of the languages of LANGUAGES (CLDR's, via Babel), lower case: name ->
    weekday (Monday 0), as calendar.day_name numbers them."""
    from babel.dates import get_day_names

    found = {
        name.lower(): day for language in LANGUAGES for day, name in get_day_names("wide", "format", language).items()
    }
    return found | {name: day for day, name in enumerate(_ON_A_WEEKDAY)}


def _languages(codes: tuple[str, ...]) -> Message:
    if len(codes) == 1:
        return LANGUAGES[codes[0]]
    return say("{one} or {other}", one=LANGUAGES[codes[0]], other=_languages(codes[1:]))


def as_written(value, precision: str, offset: str = "") -> str:
    """A date read (a value of `read`), as events.csv is to hold it: what advice says to write."""
    return _as_written(np.datetime64(value, "s"), precision, offset)


def _as_written(value: np.datetime64, precision: str, offset: str = "", seconds: bool = False) -> str:
    """A date read, written as YYYY-MM-DD at its precision (-0500 for 500 BC); a time with its
    seconds when it has some (or `seconds`: as written, 14:30:00) and its UTC offset, so that the
    advice an editor copies keeps all that was written."""
    # (AD 1 to 9999 as Python's datetime, which item() gives of them: a tenth of the time of the fields)
    when = value.item() if precision == "minute" and isinstance(value, np.datetime64) and value.dtype == _S else None
    if isinstance(when, datetime):
        text, second = f"{when.year:04d}-{when.month:02d}-{when.day:02d}", when.second
        clock = f"{when.hour:02d}:{when.minute:02d}"
    else:
        year, month, day, hour, minute = fields(value)
        if precision == "year":
            return year_digits(year) if year > 0 else "-" + format(1 - year, "04d")
        if precision == "month":
            return _iso_day(year, month, 1)[:-3]
        text = _iso_day(year, month, day)
        if precision == "day":
            return text
        second = _second(value)
        clock = f"{hour:02d}:{minute:02d}"
    joined = " " if second or seconds else _joined(clock, offset)
    return f"{text}{joined}{clock}" + (f":{second:02d}" if second or seconds else "") + offset


def _joined(clock: str, offset: str) -> str:
    """What joins a day and its time (HH:MM, no seconds) written with `offset`: T where the offset
    is behind UTC and would read as the end of a span, as _spans reads them (a later time,
    09:00-10:00; midnight's, 16:00-00:00; a night's morning, 23:00-08:00, which an American
    evening's time and offset are: the advice and imports wrote it so, then warned of it)."""
    digits = offset[1:].replace(":", "")
    behind, at = (digits + "00" if len(digits) == 2 else digits), clock.replace(":", "")  # (-0330, -00: HHMM)
    span = behind > at or behind == "0000" or (at >= "1800" and behind <= "1000")
    return "T" if offset[:1] == "-" and span else " "


_FOUR_DIGITS = (np.datetime64("1000-01-01", "s"), np.datetime64("10000-01-01", "s"))
_S = np.dtype(UNIT)


def _readings(texts: list[str]) -> list[tuple[np.datetime64, str, str] | None]:
    """Each text read as parse_series reads it (Python's engine): (value, precision, offset), or
    None where it is refused, no form reads it, or it is read with a warning that the advice
    would drop (a zone it does not know, a weekday that is not the date's, an offset no place
    uses): an advice is given only where it holds all that was written. A year of two digits
    is no such warning: the advice writes the year in full."""
    if not texts:
        return []
    out = _Out(len(texts))
    written = pa.array([_ascii_digits(t) for t in texts], type=pa.large_string())
    _read(written, np.arange(len(texts)), out, _python, names=[str(i) for i in range(len(texts))])
    spans = set(_spans(written, out.values, (out.precision == "minute") & ~np.isnat(out.values))[0].tolist())
    warned = {int(name) for name, said in out.warnings.items() if getattr(said, "template", said) != _TWO_DIGITS}
    return [
        (out.values[i], str(out.precision[i]), str(out.offset[i]))
        if out.done[i] and not np.isnat(out.values[i]) and i not in warned and i not in spans  # (09:00-10:00: refused)
        else None
        for i in range(len(texts))
    ]


def _character(c: str) -> str:
    return f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}"


_MOST_PLANNED = 200  # characters: the longest refused text a closer message is looked for in


def _closer_diagnoses(out: _Out, column: str = "date") -> None:
    """A closer message for some values refused with a general one: two years (2021-22), a range
    in one cell, an invisible character, a dash for a hyphen, a month name in another language,
    24:00, a word of doubt (c. 2022), a time before its date. Only refused strings are looked at,
    and what each might mean is read in one batch."""
    asked: list[str] = []  # texts to read
    plans = []
    for text, problem in out.errors.items():
        template = getattr(problem, "template", "")
        if template not in _CLOSER:
            continue
        # (a date is short: a longer text is not looked into, which keeps every pattern's time small)
        short = _squeezed(text.strip())
        plan = (
            _plan(short, template)
            if len(short) <= _MOST_PLANNED
            and (any(c.isdigit() for c in short) or _CENTURY.search(short) or _MILLENNIUM.search(short))
            else None
        )  # (a date has a digit, or is a century or a millennium in Roman numerals: XII век)
        if plan:
            plans.append((text, plan, len(asked)))
            asked += plan["read"]
        elif column == "end_date" and _GOES_ON_ALONE.fullmatch(short):
            out.errors[text] = _END_GOES_ON  # (ongoing, present: no digit, no date to read)
        elif short.lower() in _NO_DATE_MARKS and column in ("date", "end_date", "published"):
            out.errors[text] = _no_date(column)
    if plans:
        read = _readings(asked)
        # (What a date made English that does not read is told, for all such dates at once: a month's
        # name or AM or PM of another language made English's, _english_said.)
        english = _english_said(
            [
                plan["read"][plan[kind][0]]
                for _, plan, start in plans
                for kind in ("half word", "month", "place time")
                if kind in plan and read[start + plan[kind][0]] is None
            ],
            column,
        )
        unsaid = []
        for text, plan, start in plans:
            plan["english"] = english
            said = _said(plan, read[start : start + len(plan["read"])], column)
            if said:
                out.errors[text] = said
            else:
                unsaid.append((text, plan, read[start : start + len(plan["read"])]))
        _ways_beside(out, unsaid, column)
    _date_words(out, column)


def _ways_beside(out: _Out, plans: list, column: str) -> None:
    """A date of two readings (1/9/2022: 1 September or 9 January) with what a date cannot hold
    beside it (noon, a word of doubt, a weekday before it): each reading named, with what was
    beside it said (it was the general message). `plans`: (the text refused, its plan, its
    readings) of those _said found nothing to say of."""
    pieces = {}
    for text, plan, read in plans:
        at = {kind: plan[kind] if isinstance(plan[kind], int) else plan[kind][0] for kind in _BESIDE if kind in plan}
        kind = next((kind for kind in _BESIDE if kind in at and read[at[kind]] is None), None)
        if kind == "noon" and plan["noon"][1] or kind == "midnight" and not re.search(r"\b2400\b", plan["text"]):
            continue  # (midnight: the day's start or its end; 24:00 was said with the ways)
        if kind:  # (2400, read at 23:59: the ways at 24:00 are each the next day at 00:00)
            pieces[text] = (
                kind,
                plan,
                plan["read"][at[kind]].replace("23:59", "24:00") if kind == "midnight" else plan["read"][at[kind]],
            )
    if not pieces:
        return
    asked = sorted({piece for _, _, piece in pieces.values()})
    errors = parse_series(pd.Series(asked, dtype="str"), bulk=False, column=column).errors
    for text, (kind, plan, piece) in pieces.items():
        ways = errors.get(piece)
        if kind == "weekday" and isinstance(ways, Message) and "one_century" in ways.values:
            continue  # (Thu 1/12/22: 12 January 1922 was a Thursday too, and 1 December 2022)
        if isinstance(ways, Message) and "other_iso" in ways.values and "three_iso" not in ways.values:
            out.errors[text] = _beside(kind, plan, ways)


# What _ways_beside looks for beside a date of two readings: a weekday before it, a word of doubt,
# noon, a time of four digits (1430; 2400 made midnight) or one with a dot (14.30).
_BESIDE = ("weekday", "doubt", "noon", "bare time", "midnight", "dotted time")


def _beside(kind: str, plan: dict, ways: Message) -> Message:
    """What _ways_beside says of a date of two readings (`ways`, as its message names them) with
    a weekday, a word of doubt, noon or a time not written with a colon beside it."""
    if kind in ("bare time", "midnight"):
        return say("has a time of four digits with no colon, and {ways}", ways=ways)
    if kind == "dotted time":
        return say("has a time written with a dot for its colon, and {ways}", ways=ways)
    if kind == "noon":
        return say("has {word!r} for its time (12:00), and {ways}", word=plan["noon"][2], ways=ways)
    if kind == "doubt":
        return say(
            "has {word!r} added, which a date cannot hold, and {ways}; say in the description how sure or how near "
            "it is",
            word=plan["doubt"][1],
            ways=ways,
        )
    written = plan["weekday"][1]
    one, other = (_weekday_of(np.datetime64(ways.values[name][:10], "s")) for name in ("one_iso", "other_iso"))
    if (one == written) != (other == written):  # (Sun 1/9/2022: 9 January, a Sunday; 1 September, a Thursday)
        it, not_it = ("one", "other") if one == written else ("other", "one")
        return say(
            "has a day of the week ({weekday}) before a date in numbers, which this program does not read; it is "
            "{day} ({order}), a {weekday}, not {other} ({other_order}), a {other_weekday}: write {iso}",
            weekday=WEEKDAYS[written],
            day=ways.values[it],
            order=ways.values[f"{it}_order"],
            other=ways.values[not_it],
            other_order=ways.values[f"{not_it}_order"],
            other_weekday=WEEKDAYS[other if it == "one" else one],
            iso=ways.values[f"{it}_iso"],
        )
    return say(
        "has a day of the week ({written}) before a date in numbers, which this program does not read, and can be "
        "read two ways: {one} ({one_order}), a {one_weekday}, or {other} ({other_order}), a {other_weekday}; write "
        "{one_iso} or {other_iso}",
        written=WEEKDAYS[written],
        one_weekday=WEEKDAYS[one],
        other_weekday=WEEKDAYS[other],
        **{name: ways.values[name] for name in ("one", "one_order", "other", "other_order", "one_iso", "other_iso")},
    )


# A date with the word for year after it, as Russian and Kazakh write one (05.01.2022 г., 5 января
# 2022г., 2022-01-05 жылы): what the date without it is, said (a year alone: _YEAR_WORD's plan).
# (Or the word for "at" alone before a time: 05.01.2022 в 14:30.)
_DATE_WORD = re.compile(
    r"(?P<date>.*\d)\.?(?:\s*(?P<word>гг?\.?|года?|ж\.?|жылы|жылғы)"
    r"(?:\s*,?\s*(?:в\s+|сағат\s+)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"
    r"|\s*,?\s+(?P<at>в|сағат)\s+(?P<at_time>\d{1,2}:\d{2}(?::\d{2})?))",
    re.IGNORECASE,
)


def _date_words(out: _Out, column: str) -> None:
    """For a refused date with the word for year after it, what it is without the word: read
    (write it so), or refused for a reason other than being unreadable (that reason, said)."""
    found = {}
    for text, problem in out.errors.items():
        if getattr(problem, "template", "") != UNREADABLE.template:
            continue
        short = _squeezed(text.strip())
        match = _DATE_WORD.fullmatch(short) if len(short) <= _MOST_PLANNED else None
        if match and not _YEAR_WORD.fullmatch(short):
            time = match.group("time") or match.group("at_time")
            found[text] = (
                match.group("date").strip() + (f" {time}" if time else ""),
                match.group("word") or match.group("at"),
            )
    if not found:
        return
    dates = [date for date, _ in found.values()]
    parsed = parse_series(pd.Series(dates, dtype="str"), bulk=False, column=column)
    for (text, (date, word)), take in zip(found.items(), parsed.take.tolist()):
        refused = parsed.errors.get(date)
        if refused is None and date not in parsed.warnings:
            value = parsed.distinct_value[take]
            written = _as_written(value, str(parsed.distinct_precision[take]), str(parsed.distinct_offset[take]))
            out.errors[text] = say("is {date} with {word} added; write {date}", date=written, word=repr(word))
        elif refused is not None and getattr(refused, "template", "") != UNREADABLE.template:
            # (said with the word where what the date is without it reads on: "it can be read two
            # ways", "it is a number..."; else what is wrong with the date, as it is)
            composes = str(getattr(refused, "template", "")).startswith(("can be read", "is "))
            out.errors[text] = (
                say(
                    "has {word} after it, which a date cannot hold; without it, it {rest}",
                    word=repr(word),
                    rest=refused,
                )
                if composes
                else refused
            )


# What sheets write for no date: a dash, n/a, a question mark, none, TBD.
_NO_DATE_MARKS = frozenset(
    {
        "-",
        "--",
        "—",
        "–",
        "−",
        "n/a",
        "n.a.",
        "na",
        "n/d",
        "?",
        "??",
        "???",
        "none",
        "null",
        "nil",
        "nan",
        "tbd",
        "tba",
        "unknown",
        "...",
        "…",
        "/",
    }
)


# Forms a program or a language writes that are a date written another way: the date to write.
def _offset_otherwise(date: str) -> Message:
    return say("has its UTC offset written in a way this program does not read; write {date}", date=date)


def _one_digit_offset(date: str) -> Message:
    return say("has a UTC offset of one digit; write it with two, and its minutes: {date}", date=date)


_REWRITES = (
    # 14:30 +6, 14:30+6: an offset of one digit
    (
        re.compile(r"(.*\d{1,2}:\d{2}(?::\d{2})?)\s*([+-])(\d)"),
        r"\1\g<2>0\3:00",
        _one_digit_offset,
    ),
    # 14:30 UTC+6h, GMT+5.5, UTC+5,75: an offset in hours, with h or a decimal
    (
        re.compile(
            r"(.*\d{1,2}:\d{2}(?::\d{2})?)\s*(?:UTC|GMT)\s*([+-])(1[0-4]|\d)(?:\s*(?:h|hrs?|hours?)|[.,](5|75))",
            re.IGNORECASE,
        ),
        lambda found: f"{found[1]}{found[2]}{int(found[3]):02d}:{ {None: '00', '5': '30', '75': '45'}[found[4]] }",
        _offset_otherwise,
    ),
    # 14:30 +6:00, 14:30+5:30: an offset's hour of one digit
    (re.compile(r"(.*\d{1,2}:\d{2}(?::\d{2})?)\s*([+-])(\d):?(00|30|45)"), r"\1\g<2>0\3:\4", _one_digit_offset),
    # 2022-01-05 14:30:00 +0000 UTC: Go's time, the zone's name after its offset (one that
    # disagrees with it, 10:00 +06:00 MSK, is told before: _OFFSET_AND_ZONE)
    (
        re.compile(_TIME_AND_OFFSET + r"\s+(?!BCE?$)[A-Za-z]{2,5}", re.IGNORECASE),  # (not BC: below)
        r"\g<date>\g<gap>\g<offset>",
        lambda date: say("has a zone's name after its UTC offset, which says it already; write {date}", date=date),
    ),
    # 0500-03-15 BC: PostgreSQL's date BC (0500-03-15 14:30:00+02 BC, with its offset)
    (
        re.compile(
            r"(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}(?::?\d{2})?)?)?)\s*BC", re.IGNORECASE
        ),
        r"-\1",
        lambda date: say("is a date BC as PostgreSQL writes one; write {date}", date=date),
    ),
    # 13. 1. 2022 (Czech, Slovak), 13.01.2022. (Croatian, Serbian): a dotted date with spaces or a
    # final dot, and a time after it (13. 1. 2022 9:30, as Czech Excel writes a date and time)
    (
        re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?(\s+\d{1,2}:\d{2}(?::\d{2})?)?"),
        r"\1.\2.\3\4",
        lambda date: say(
            "is a date with spaces after its dots or a dot after its year, as Czech, Slovak, Croatian and Serbian "
            "write one; write {date}",
            date=date,
        ),
    ),
    # 2:30 p. m.: AM or PM with a space inside, as Spanish writes them
    (
        re.compile(r"(.*\d{1,2}:\d{2}(?::\d{2})?)\s*([ap])\.\s+m\.?", re.IGNORECASE),
        r"\1 \2m",
        lambda date: say("has a. m. or p. m. for AM or PM, as Spanish writes them; write {date}", date=date),
    ),
    # 5. Jan. 2022: a day with a dot after it, as German writes one, and an English month's abbreviation
    (
        re.compile(r"(\d{1,2})\.\s*([A-Za-z]{3,9}\.?,?\s+\d{4}.*)"),
        r"\1 \2",
        lambda date: say("has a dot after its day, as German writes one; write {date}", date=date),
    ),
)


def _no_date(column: str) -> Message:
    """What is said of a mark for no date (n/a, —, ?), as its column needs it."""
    if column == "end_date":
        return say("is a mark for no date: leave end_date empty where the event has no end, or its end is not known")
    if column == "published":
        return say("is a mark for no date: leave published empty where the day of publication is not known")
    return say(
        "is a mark for no date, and each account needs its date: write the date the source gives, as YYYY-MM-DD, "
        "or leave the row out until it is known"
    )


def _plan(text: str, template: str) -> dict:
    """What a refused text might be, and the texts to read to know (`_said` decides)."""
    written = _ascii_digits(text)
    plan: dict = {"read": [], "text": written}
    if template == _END_OF_DAY.template:
        plan["midnight"] = len(plan["read"])
        # (read at 23:59, whose offset a named zone gives is the day's last: 24:00 is then)
        plan["read"].append(re.sub(r"24:00(?::00(?:[.,]0+)?)?", "23:59", written))
        return plan
    alone = _TIME_ALONE.fullmatch(written)
    if alone:  # 14:30, 12:56 AM EST, About 1:30 AM EST: a time of day with no date
        zone = (alone["zone"] or "").upper()
        many = zone if zone in MANY_OFFSETS and not alone["word"] else None  # (about 1:30 CST: said generally)
        clock_only = many or alone["zone"] in _DOUBT_OR_ZONE  # (12:56 AM est: an estimate, or EST)
        plan["time alone"] = (len(plan["read"]), alone["word"], many)
        plan["read"].append(f"2022-01-07 {alone['clock'] if clock_only else alone['time']}")  # (CST: read with none)
        return plan
    if template == _NO_YEAR.template:
        return {}
    ongoing = _ONGOING.fullmatch(written)
    if ongoing:  # 2014–present: a span that goes on
        plan["ongoing"] = len(plan["read"])
        plan["read"].append(ongoing.group("start"))
    years = _TWO_YEARS.fullmatch(written)
    both = _two_years(int(years.group(1)), years.group(2)) if years else None
    if both:
        plan["years"] = both
        return plan
    if template != UNREADABLE.template:
        return {}
    years_word = _TWO_YEARS_WORD.fullmatch(written)
    if years_word and bool(years_word["before"]) != bool(years_word["after"]):  # winter 1834-35, 1920-21 session
        word: str = years_word["before"] or years_word["after"]
        both_years = _two_years(int(years_word["first"]), years_word["second"])
        if both_years:
            season = re.fullmatch(_SEASON_WORDS, word, re.IGNORECASE) is not None
            plan["years word"] = (*both_years, None if season else " ".join(word.split()))
            return plan
    decades = _TWO_DECADES.fullmatch(written)
    if decades:  # 1850s-60s: 1850 to 1869
        first = int(decades["first"]) * 10
        last = int(decades["last"]) * 10 if decades["last"] else first - first % 100 + int(decades["short"]) * 10
        last += 100 if not decades["last"] and last <= first else 0
        if first < last <= (first + 30 if decades["short"] else LAST_YEAR):  # (1990s-10s; 1860s-50s: no)
            plan["decades"] = (f"{first:04d}", f"{last + 9:04d}")
            return plan
    if _LONG_YEAR.fullmatch(written):  # 12500, 12500 BC: past the years a date holds
        plan["long year"] = True
        return plan
    zoned = _DATE_AND_ZONE.fullmatch(written)
    if zoned and zoned["zone"] in ZONES.keys() | MANY_OFFSETS.keys():  # Jan 11 2012 CST: a zone, no time
        plan["zone alone"] = (len(plan["read"]), zoned["zone"])
        plan["read"].append(zoned["date"])
    era_inside = _english_era(written) if not _FOREIGN_ERA_YEAR.fullmatch(written) else None
    if era_inside:  # 15 mars 44 av. J.-C., 500–470 до н. э.: the era made English
        english_era, language = era_inside
        plan["era date"] = (len(plan["read"]), language)
        in_english = _in_english(english_era)
        plan["read"].append(in_english[0] if in_english else english_era)
        for match in list(_RANGE_SEPARATOR.finditer(english_era))[:8]:
            start, end = _era_once(english_era[: match.start()].strip(), english_era[match.end() :].strip())
            if _YEAR_AND_ERA.fullmatch(start) and _YEAR_AND_ERA.fullmatch(end):
                plan["era range"] = (len(plan["read"]), language)
                plan["read"] += [start, end]
                break
    if not written.isascii():
        invisible = [c for c in written if unicodedata.category(c) == "Cf"]
        if invisible:
            plan["invisible"] = (len(plan["read"]), len(invisible), sorted(set(invisible), key=invisible.index))
            cleaned = " ".join("".join(c for c in written if unicodedata.category(c) != "Cf").split())
            plan["read"].append(cleaned)
            written = cleaned
        dashes = [c for c in written if c in DASHES]
        if dashes:
            plan["dash"] = (len(plan["read"]), dashes[0])
            plan["read"].append(_with_hyphens(written))
        from . import schema  # (schema reads dates: imported when first needed)

        if schema.look_alikes(written):  # 5 Jаnuary 2022, a Cyrillic а among Latin letters
            plan["look-alike"] = (len(plan["read"]), schema.unlike(written))
            folded = schema.fold(written)
            english = _in_english(folded)  # (5 янвaря 2022: a Latin a in a Russian month's name)
            plan["read"].append(english[0] if english else folded)
    doubt = _DOUBT.fullmatch(written)
    doubt_time = None if doubt else _DOUBT_TIME.fullmatch(written)
    if doubt_time:  # 05.01.2022 около 14:30
        plan["doubt"] = (len(plan["read"]), doubt_time["word"], f"{doubt_time['date']} {doubt_time['time']}")
        plan["read"].append(f"{doubt_time['date']} {doubt_time['time']}")
    if doubt:  # 2022-01-05?, c. 2022, early January 2022
        date = (doubt.group("date") or doubt.group("date_before")).strip()
        word = doubt.group("word") or doubt.group("mark")
        decade = _DECADE.fullmatch(date)
        short_decade = _SHORT_DECADE.fullmatch(date)
        century = _CENTURY.fullmatch(date)
        century_years = _century_years(century) if century and not century["last"] else None
        if decade:  # early 1990s: 1990 to 1999, and the doubt
            plan["doubt decade"] = (len(plan["read"]), word)
            plan["read"] += _decade_years(decade)
        elif short_decade:  # early '90s: 1990 to 1999, or 1890 to 1899, and the doubt
            plan["doubt short decade"] = (word, two_digit_year(int(short_decade.group(1)) * 10))
        elif century_years:  # early 12th century: 1101 to 1200, and the doubt
            plan["doubt century"] = (len(plan["read"]), word)
            plan["read"] += century_years
        elif re.fullmatch(r"[1-9]\d?", date):  # c. 47: a number, not a year, and the doubt
            plan["doubt short year"] = (word, int(date))
        else:
            plan["doubt"] = (len(plan["read"]), word, date)
            plan["read"].append(date)
    noon = _NOON.search(written)
    if noon:  # Jan. 5, 2022, noon (as AP style writes 12:00); midnight: the day's start, or its end
        plan["noon"] = (len(plan["read"]), noon.group("word").lower() == "midnight", noon.group("word"))
        plan["read"].append(f"{written[: noon.start()].rstrip(' ,')} {'00:00' if plan['noon'][1] else '12:00'}")
    zone_words = _ZONE_IN_WORDS.fullmatch(written)
    named = _zone_of_words(zone_words) if zone_words else None
    if zone_words and named:  # 11:04 p.m. Eastern Time, 11:04 PM E.D.T.: a zone in words, or dotted
        kind = (zone_words["kind"] or "").lower()
        plan["zone words"] = (len(plan["read"]), zone_words["words"], named, kind)
        # (the date, and with an abbreviation its letters, read as they read after it: EST in July warned)
        plan["read"] += [zone_words["date"], f"{zone_words['date']} {named[1]}"]
    named_day = _WEEKDAY_BEFORE.fullmatch(written)
    if named_day:  # Sun 1/9/2022: a weekday before a date in numbers
        plan["weekday"] = (len(plan["read"]), _WEEKDAY_KEYS.index(named_day["weekday"][:3].lower()))
        plan["read"].append(named_day["date"])
    time_first = _TIME_FIRST.fullmatch(written)
    if time_first:  # 14:30 5 January 2022
        plan["time first"] = len(plan["read"])
        plan["read"].append(f"{time_first.group(2)} {time_first.group(1)}")
    month_number = _MONTH_AND_YEAR.fullmatch(written)
    if month_number:  # 1/2022, 01-2022, 2022/01: a month and its year, in numbers
        month, year = month_number.group(1, 2) if month_number.group(1) else month_number.group(4, 3)
        # (2022.1 may be 2022.10, a spreadsheet's number: October or January, not said)
        if 1 <= int(month) <= 12 and not re.fullmatch(r"\d{4}\s*\.\s*1", written):
            plan["month number"] = len(plan["read"])
            plan["read"].append(f"{year}-{int(month):02d}")
    part = _PART.fullmatch(written)
    if part:  # Q1 2022, 2022-Q1: a quarter of a year; H1 2022: a half
        token = (part.group("part") or part.group("part_after")).lower()
        kind, number = token.strip("1234"), int(token.strip("qh"))
        year = part.group("year") or part.group("year_first")
        months = 3 if kind == "q" else 6
        if number * months <= 12:
            plan["part"] = (len(plan["read"]), kind)
            plan["read"] += [f"{year}-{months * (number - 1) + 1:02d}", f"{year}-{months * number:02d}"]
    week = _WEEK.fullmatch(written)
    if week:  # 2022-W01: an ISO week; 2022-W01-3: a day of it
        year, number, weekday = int(week.group(1)), int(week.group(2)), week.group(3)
        try:
            days = [Date.fromisocalendar(year, number, int(day)) for day in ([weekday] if weekday else [1, 7])]
        except ValueError:  # (no such week: W00, W54, W53 of a year of 52 weeks)
            days = []
        if days:
            plan["week"] = (len(plan["read"]), len(days))
            plan["read"] += [day.isoformat() for day in days]
    ordinal = _ORDINAL_DATE.fullmatch(written)
    if ordinal:  # 2022-005: the fifth day of 2022
        year, number = int(ordinal.group(1)), int(ordinal.group(2))
        if 1 <= number <= (366 if calendar.isleap(year) else 365) and year >= 1:
            plan["ordinal"] = (len(plan["read"]), number)
            plan["read"].append((Date(year, 1, 1) + timedelta(days=number - 1)).isoformat())
    decade = _DECADE.fullmatch(written)
    if decade:  # the 1990s: 1990 to 1999
        plan["decade"] = len(plan["read"])
        plan["read"] += _decade_years(decade)
    short_decade = _SHORT_DECADE.fullmatch(written)
    if short_decade:  # the '90s: 1990 to 1999, or 1890 to 1899
        plan["short decade"] = two_digit_year(int(short_decade.group(1)) * 10)
    century = _CENTURY.fullmatch(written)
    century_years = _century_years(century) if century else None
    if century and century_years and not century["last"]:  # the 12th century: 1101 to 1200
        plan["century"] = len(plan["read"])
        plan["read"] += century_years
    elif century_years:  # the 12th-13th centuries: 1101 to 1300, a range
        plan["range"] = (len(plan["read"]), 1)
        plan["read"] += century_years
    millennium = _MILLENNIUM.fullmatch(written)
    millennium_years = _millennium_years(millennium) if millennium else None
    if millennium_years:  # the 5th millennium BC: 5000 BC to 4001 BC
        plan["millennium"] = len(plan["read"])
        plan["read"] += millennium_years
    bc_decade = _BC_DECADE.fullmatch(written)
    if bc_decade:  # the 1100s BC: 1109 BC to 1100 BC, or 1199 BC to 1100 BC
        tens = int(bc_decade.group(1)) * 10
        plan["bc decade"] = (len(plan["read"]), tens % 100 == 0)
        plan["read"] += [f"{tens + 9} BC", f"{tens} BC", f"{tens + 99} BC"]
    short_quarter = _SHORT_QUARTER.fullmatch(written)
    kind = (short_quarter["kind"] or short_quarter["kind2"] or short_quarter["kind3"]).lower() if short_quarter else ""
    quarter = int(short_quarter["q"] or short_quarter["q2"] or short_quarter["q3"]) if short_quarter else 0
    months = 3 if kind == "q" else 6
    if short_quarter and quarter * months <= 12:  # 1Q22: January to March 2022, or 1922; H1 22: a half
        in_full = two_digit_year(int(short_quarter["year"] or short_quarter["year2"]))
        other_century = in_full + 100 if in_full < 2000 else in_full - 100
        plan["short quarter"] = (len(plan["read"]), str(other_century), kind)
        for each in (in_full, other_century):
            plan["read"] += [f"{each}-{months * (quarter - 1) + 1:02d}", f"{each}-{months * quarter:02d}"]
    if _FISCAL.fullmatch(written):  # FY2022
        plan["fiscal"] = True
    short_range = _SHORT_RANGE.fullmatch(written)
    if short_range and int(short_range.group(1)) < int(short_range.group(2)):  # 47-50: numbers, not years
        plan["short years"] = (int(short_range.group(1)), int(short_range.group(2)))
    foreign_era = _FOREIGN_ERA_YEAR.fullmatch(written)
    era_year = _foreign_era(foreign_era) if foreign_era else None
    if era_year:  # 500 до н. э., 500 av. J.-C.: 500 BC
        plan["foreign era"] = (len(plan["read"]), era_year[1])
        plan["read"].append(era_year[0])
    if written.startswith("'") and len(written) > 1:  # '-0044-03-15: as the page's download writes a date
        plan["apostrophe"] = len(plan["read"])
        plan["read"].append(written[1:])
    two_clocks = _TWO_CLOCKS.fullmatch(written)
    if two_clocks:  # 14:30 local time (08:30 GMT)
        utc_hour, utc_minute = int(two_clocks["hour"]), int(two_clocks["minute"])
        half = (two_clocks["half"] or "")[:1].lower()
        if half and 1 <= utc_hour <= 12:
            utc_hour = utc_hour % 12 + (12 if half == "p" else 0)  # (2:30 p.m. GMT: 14:30; 12:30 a.m.: 00:30)
        elif half:
            utc_hour = 24  # (14:30 p.m.: no time)
        if utc_hour <= 23 and utc_minute <= 59:
            words = written[len(two_clocks["date"]) :].strip()
            plan["two clocks"] = (len(plan["read"]), words, utc_hour * 3600 + utc_minute * 60)
            # (and without a zone's word after the time, where that does not read: ET, of two offsets)
            plan["read"] += [two_clocks["date"], re.sub(r"(?<=[\d.mM])\s+[A-Za-z]{2,5}$", "", two_clocks["date"])]
    place_time = _place_time(written)
    if place_time:  # 14:30 Almaty time, 14:30 (local time)
        date, words, place, zone = place_time
        plan["place time"] = (len(plan["read"]), words, place, zone)
        plan["read"] += [f"{date} {zone}" if zone else date, date]
    again = _DATE_AGAIN.fullmatch(written)
    if again:  # 5 January 2022 (2022-01-05), as Wikipedia's tables write a date
        plan["again"] = (len(plan["read"]), again.group("again").strip())
        plan["read"] += [again.group("date"), again.group("again")]
    bracketed = _BRACKETED.fullmatch(written)
    if bracketed:  # 2022-01-05 (local)
        words = bracketed.group("words") or bracketed.group("note")
        plan["bracketed"] = (len(plan["read"]), words.strip(), bracketed.group("date"))
        plan["read"].append(bracketed.group("date"))
        leap = _JULIAN_LEAP_DAY.fullmatch(bracketed.group("date")) if _OLD_STYLE.fullmatch(words.strip()) else None
        if leap:  # 29 February 1700 (O.S.): a Julian leap day, no Gregorian one; read as the 28th, a day on
            plan["julian leap day"] = len(plan["read"])
            plan["read"].append(f"{leap['before']}28{leap['after']}")
    offset_zone = _OFFSET_AND_ZONE.fullmatch(written)
    if offset_zone:  # 10:00 +06:00 MSK: read at each, to see that they agree
        zone = offset_zone["zone"] or offset_zone["round"] or offset_zone["square"]
        plan["offset zone"] = (len(plan["read"]), offset_zone["offset"], zone)
        plan["read"] += [offset_zone.expand(r"\g<date>\g<gap>\g<offset>"), f"{offset_zone['date']} {zone}"]
    for pattern, replacement, said in _REWRITES:  # +6, +0000 UTC, 0500-03-15 BC, 5. Jan. 2022
        rewritten = pattern.fullmatch(written)
        if rewritten:
            plan["rewritten"] = (len(plan["read"]), said)
            plan["read"].append(replacement(rewritten) if callable(replacement) else rewritten.expand(replacement))
            break
    bare_time = _BARE_TIME.fullmatch(written)
    digits = bare_time.group("hour") + bare_time.group("minute") if bare_time else ""
    if (
        bare_time
        and digits not in re.findall(r"\d{4}", bare_time["date"])
        and (
            not "1900" <= digits <= "2099"
            or any(bare_time.group(part) for part in ("hrs", "offset"))
            or (bare_time.group("sep") or "").upper() == "T"
            or re.fullmatch(r"\d{4}-\d{2}-\d{2}", bare_time["date"])
        )
    ):
        # 2022-01-05 1430 (not 2022-01-05 2022, a year twice, nor 5 January 2022 2023, two years,
        # unless hrs, an offset, a T or an ISO date says it is a time: 2022-01-05 1930)
        offset = (bare_time.group("offset") or "").upper().replace("UTC", "Z").replace("GMT", "Z")
        offset = f"{offset[:3]}:{offset[3:]}" if len(offset) == 5 else offset  # (+0600: +06:00)
        if bare_time.group("hour") == "24":  # 2022-01-05 2400: read at 23:59, as 24:00 is
            plan["midnight"] = len(plan["read"])
            plan["read"].append(f"{bare_time.group('date')} 23:59{offset}")
        else:
            plan["bare time"] = len(plan["read"])
            clock = f"{bare_time.group('hour')}:{bare_time.group('minute')}"
            plan["read"].append(f"{bare_time.group('date')} {clock}{offset}")
    dotted_time = _DOTTED_TIME.fullmatch(written)
    if (
        dotted_time
        and re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", dotted_time["date"])
        and 1 <= int(dotted_time["minute"]) <= 12
    ):
        dotted_time = None  # (05.01.2022 07.01: a day and month after it as much as 07:01)
    if dotted_time:  # 2022-01-05 14.30
        plan["dotted time"] = len(plan["read"])
        clock = f"{int(dotted_time['hour']):02d}:{dotted_time['minute']}"
        plan["read"].append(f"{dotted_time['date']} {clock} {dotted_time['half'] or ''}".rstrip())
    characters = _YEAR_MONTH_DAY.fullmatch(written)
    if characters:  # 2022年1月5日: 2022-01-05
        year, month, day, hour, minute = characters.group("year", "month", "day", "hour", "minute")
        if day is not None or hour is None:
            plan["characters"] = (len(plan["read"]), "年 月 日" if characters["mark"] == "年" else "년 월 일")
            iso = year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else "")
            plan["read"].append(iso + (f" {int(hour):02d}:{minute}" if hour is not None else ""))
    unix_time = _UNIX_TIME.fullmatch(written)
    if unix_time:  # 1641371400: 2022-01-05 08:30 UTC
        moment = datetime.fromtimestamp(int(unix_time.group(1)), UTC)
        plan["unix time"] = len(plan["read"])
        plan["read"].append(moment.strftime("%Y-%m-%d %H:%M:%S").removesuffix(":00") + "Z")
    year_last = _YEAR_LAST.fullmatch(written)
    if year_last:  # Wed Jan  5 14:30:00 2022
        day, month, year, clock = year_last.group("day", "month", "year", "time")
        plan["year last"] = (len(plan["read"]), clock.count(":") == 2)
        weekday = year_last.group("weekday") or ""  # (read with the date: a weekday not its own is told)
        plan["read"].append(f"{weekday}{day} {month} {year} {clock} {year_last.group('zone') or ''}".strip())
    if _SEASON.fullmatch(written):  # summer 2022
        plan["season"] = True
    year_word = _YEAR_WORD.fullmatch(written)
    if year_word:  # 2022 г.: the year, with the word for year
        plan["year word"] = (len(plan["read"]), year_word.group(2))
        plan["read"].append(year_word.group(1))
    basic = _BASIC.fullmatch(written)
    if basic:  # 20220105, 20220105T1430: ISO's basic form, the hyphens and colons left out
        yyyy, mm, dd, hh, mi, ss, hh2, mi2, ss2, rest = (part or "" for part in basic.groups())
        hh, mi, ss = (hh, mi, ss) if hh else (hh2, mi2, ss2)
        clock = f" {hh}:{mi}" + (f":{ss}" if ss else "") if hh else ""
        plan["basic"] = len(plan["read"])
        plan["read"].append(f"{yyyy}-{mm}-{dd}{clock}{rest}")
    basic_month = _BASIC_MONTH.fullmatch(written)
    if basic_month and not _six_digit_days(written):  # 201502: February 2015
        plan["basic month"] = len(plan["read"])
        plan["read"].append(f"{basic_month[1]}-{basic_month[2]}")
    half = _HALF_BEFORE.search(written) or _HALF_AFTER.search(written)
    if half:  # 2022-01-05 오후 2:30:00, as Korean Excel writes a time; 2:30 م, as Arabic's
        plan["half word"] = (len(plan["read"]), half["word"], _HALVES[half["word"]])
        # (오후 14:30: a time of the afternoon already, as written; 오전 14:30 is told as before)
        marker = "" if int(half["time"].split(":")[0]) > 12 and _HALVES[half["word"]] == "PM" else _HALVES[half["word"]]
        made = f"{written[: half.start()]} {half['time']} {marker} {written[half.end() :]}"
        plan["read"].append(" ".join(made.split()))
    mark = _FOOTNOTE_MARK.search(written)
    if mark:  # 2022-01-05¹, 2021²: a footnote's mark copied with the date
        plan["footnote"] = (len(plan["read"]), mark.group(0).strip())
        plan["read"].append(written[: mark.start()])
    letters, fixed = _letters_for_digits(written)
    if letters:  # 2o22-01-05, l5 January 2022, lO:30: a letter typed for a digit
        plan["letter"] = (len(plan["read"]), letters[0])
        plan["read"].append(fixed)
    dashed = _DATE_DASH_TIME.fullmatch(written) or _TIME_DASH_DATE.fullmatch(written)
    if dashed:  # 2022-01-13 - 14:30, January 13, 2022 - 2:30 PM: a date and its time, a dash between
        plan["dash time"] = len(plan["read"])
        plan["read"].append(f"{dashed['date']} {dashed['time']}")
    ends = []
    clear = False
    between = _BETWEEN.fullmatch(written)
    if between:  # between 1994 and 1997, from 5 to 7 January 2022: a range, its ends as a dash joins them
        one, other = between.group(1, 2)
        if re.fullmatch(r"\d{1,2}", one) and re.fullmatch(r"\d{1,2}", other) and int(one) < int(other):
            plan["short years"] = (int(one), int(other))  # (between 47 and 50: numbers, not years)
        if re.fullmatch(r"\d{4}", one) and re.fullmatch(r"\d{2}", other) and other > one[2:]:
            other = one[:2] + other  # (between 1994 and 97: its end in the same century)
        written = f"{one} – {other}"
    either_way = bool(between) and plan["text"][:7].lower() == "between"  # (between 47 and 50 BC: 50 BC first)
    for match in list(_RANGE_SEPARATOR.finditer(written))[:8] if len(written) <= 80 else ():
        start, end = _era_once(written[: match.start()].strip(), written[match.end() :].strip())
        if not (_end_like(start) and _end_like(end)):
            continue
        clear = clear or bool(_CLEAR_SEPARATOR.fullmatch(match.group(0)))
        if _one_era(start, end):  # (400 BC – 300: said a range, its ends not advised)
            continue
        ends += [(start, end), (end, start)] if either_way else [(start, end)]
        year = re.search(r"\s(\d{3,4})$", end)
        if year and not re.search(r"\d{3,4}", start):  # 5 January – 7 February 2022
            ends.append((f"{start} {year.group(1)}", end))
        timed = _DATE_THEN_TIME.fullmatch(start)
        if timed and _TIME_ONLY.fullmatch(end):  # January 5, 2022 2:30 PM → 4:00 PM (Notion): the same day
            ends.append((start, f"{timed.group(1)} {end}"))
    day_range = _DAY_RANGE.fullmatch(written)
    day_range = day_range if day_range and _end_like(day_range.group(3)) else None
    if day_range:
        one, other, rest = day_range.groups()
        ends.append((one + rest, other + rest))
    month_day_range = _MONTH_DAY_RANGE.fullmatch(written)
    month_day_range = month_day_range if month_day_range and _end_like(month_day_range.group(1)) else None
    if month_day_range:
        month, one, other, rest = month_day_range.groups()
        ends.append((month + one + rest, month + other + rest))
    if ends:
        plan["range"] = (len(plan["read"]), len(ends))
        for start, end in ends:
            plan["read"] += [start, end]
    plan["clear range"] = clear or bool(day_range or month_day_range)
    english = _in_english(written)
    if english:
        plan["month"] = (len(plan["read"]), english[1])
        plan["read"].append(english[0])
    return plan


def _decade_years(decade: re.Match) -> list[str]:
    """The first and last years of a decade _DECADE matched (the 1990s: 1990, 1999)."""
    first = int(next(group for group in decade.groups() if group)) * 10
    return [f"{first:04d}", f"{first + 9:04d}"]


_NUMERIC_DAY = re.compile(r"\s*(\d{1,2})([./\-])(\d{1,2})\2(\d{4})\s*")  # (05.01.2022, 1/9/2022)


def _numeric_range(start: str, end: str) -> list[tuple[Message, str, str]]:
    """A range's ends written as days in numbers, one of them at least of two readings (05.01.2022
    to 07.01.2022: 5 to 7 January, or 1 May to 1 July): (the order, its start, its end) for each
    order in which both ends are days and the start is not after the end (13.01.2022, a day only
    day first, makes the other end's order day first too). None where an end is otherwise."""
    ends, separators = [], set()
    for text in (start, end):
        day = _NUMERIC_DAY.fullmatch(text)
        if day is None:
            return []
        separators.add(day[2])
        a, b, year = int(day[1]), int(day[3]), int(day[4])
        ends.append(
            {
                order: _iso_day(year, month, d)
                for order, d, month in ((DAY_FIRST, a, b), (MONTH_FIRST, b, a))
                if 1 <= month <= 12 and 1 <= d <= _days_in(year, month)
            }
        )
    if len(separators) > 1:  # (1/9/2022 - 07.01.2022: written in two ways, not one order)
        return []
    first, last = ends
    return [(order, first[order], last[order]) for order in first if order in last and first[order] <= last[order]]


def _span(column: str, in_date: Message, in_end_date: Message) -> Message:
    """The advice on a span of time written in one value (a range, a quarter, two years), as its
    column needs it: in date, its start there and its end in end_date (`in_date`); in end_date,
    its end there (`in_end_date`); in published, which says one day, the day of publication."""
    if column == "end_date":
        return in_end_date
    if column == "published":
        return say(
            "is a span of time, where published is one day: write the day the account was published, as YYYY-MM-DD"
        )
    if column == "retracted":  # (its start in date and its end in end_date would move the event)
        return say(
            "is a span of time, where retracted is one day: write the day the account was withdrawn, as YYYY-MM-DD"
        )
    return in_date


_OFFSET_AMONG = re.compile(
    r"(?i)(?<![\w+-])(?:(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):(\d{2}))(?![\w:])"
)


# A zone's abbreviation and some hours in brackets, which _offset_among does not read (CET+1): not
# to be advised away. (Not COVID-19, SU-1402 or Ан-26: letters and a number.)
_ZONE_AND_HOURS = re.compile(
    r"(?<![\w])(?:utc|gmt|cet|cest|eet|eest|wet|west|msk|мск|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|bst|jst|kst|"
    r"almt|aqtt|hkt|sgt|aest|aedt)\s*[+\-−]\s*\d{1,2}(?![\d])",
    re.IGNORECASE,
)
# A time on Moscow's clock and some hours (МСК+3: Omsk's, as Russia names its zones since 2011).
_MOSCOW_AMONG = re.compile(r"(?i)(?<![\w+-])(?:мск|msk)\s*([+-])\s*(\d{1,2})(?![\w:])")


def _offset_among(words: str, when: np.datetime64 | None = None) -> str | None:
    """The UTC offset written among words (local time, UTC+6: +06:00), if they give one (or
    several that agree) and a place uses it. (IANA's Etc/GMT-5 is UTC+05:00: POSIX's sign, the
    other way round.) With `when`, the wall-clock time: also Moscow's time and some hours (МСК+3:
    +06:00 in 2022, +07:00 in 2013)."""
    words = re.sub(r"(?i)\betc/gmt([+-])(\d{1,2})\b", lambda m: f"UTC{'+' if m[1] == '-' else '-'}{m[2]}", words)
    minutes = [
        (-1 if (sign or other_sign) == "-" else 1) * (int(hours or other_hours) * 60 + int(mins or other_minutes or 0))
        for sign, hours, mins, other_sign, other_hours, other_minutes in _OFFSET_AMONG.findall(words)
    ]
    # (Since 1930, the Soviet and Russian zones' hours are counted from Moscow's; its clock before was its own.)
    moscow = _MOSCOW_AMONG.findall(words) if when is not None and when >= np.datetime64("1930-06-21") else []
    if moscow and when is not None:
        clocks = _offsets_at("Europe/Moscow", when)
        if clocks is None:
            return None
        base = (1 if clocks[0][0] == "+" else -1) * (int(clocks[0][1:3]) * 60 + int(clocks[0][4:6]))
        minutes += [base + (1 if sign == "+" else -1) * int(hours) * 60 for sign, hours in moscow]
    if len(set(minutes)) != 1:
        return None
    offset = f"{'-' if minutes[0] < 0 else '+'}{abs(minutes[0]) // 60:02d}:{abs(minutes[0]) % 60:02d}"
    return offset if _plausible_offset(offset) else None


def _month_in_english(languages, english: str, said) -> Message:
    """A date with another language's month name, told as its English reads (`english`: `said`)."""
    return say(
        "is written with a month name in {language}. In English, {english}: {said}",
        language=_languages(languages),
        english=show(english),
        said=said,
    )


def _after_it(words: str, date: str) -> Message:
    """What is said of words after a date that it cannot hold (14:30 local time), `date` to write."""
    return say("has {words} after it, which a date cannot hold; write {date}", words=repr(words), date=date)


def _offsets_named(written: str, value: np.datetime64) -> set[str]:
    """The offsets the zone's word at the end of `written` may name at `value`: a US zone's that
    day (ET in July: -04:00), or each of an abbreviation's of several zones (CST: -06:00, +08:00,
    -05:00); none for any other word (10:55 XYZ (1555 GMT): no offset taken from the brackets)."""
    key = written.rsplit(None, 1)[-1].upper()
    if key in _MANY_HOMES:
        return {example_offset(key, value)}
    if key in MANY_OFFSETS:
        return set(re.findall(r"[+-]\d{2}:\d{2}", MANY_OFFSETS[key].english()))
    return set()


def _offsets_between(local: tuple[np.datetime64, str, str] | None, utc: int) -> list[str]:
    """The UTC offsets at which a time (`local`, as _readings gives it, its offset not looked at)
    is the moment `utc` (seconds past midnight) in UTC: one, or two a day apart where both are
    clocks' (12:00 at 23:00 GMT: -11:00, the same day, or +13:00, the day after UTC's); none
    where it is no time, or the two differ by what no clock does (an offset beyond -12:00 to
    +14:00, or not of whole quarter hours)."""
    if local is None or local[1] != "minute":
        return []
    value = local[0]
    seconds = int((value - value.astype("datetime64[D]").astype(UNIT)).astype(np.int64))
    ahead = (seconds - utc) % 86400
    return [
        _as_offset(timedelta(seconds=shift))
        for shift in (ahead - 86400, ahead)
        if -12 * 3600 <= shift <= 14 * 3600 and _as_offset(timedelta(seconds=shift)) in _CLOCKS_OFFSETS
    ]


# The offsets clocks have used since 1970 (whole hours, and the half and three quarters of some:
# India's +05:30, Nepal's +05:45): two times that differ by another are not one moment.
_CLOCKS_OFFSETS = frozenset(
    [f"{sign}{hours:02d}:00" for sign in "+-" for hours in range(15)]
    + ["-09:30", "-03:30", "-02:30", "+03:30", "+04:30", "+05:30", "+06:30", "+09:30", "+10:30", "+13:45"]
    + ["+05:45", "+08:45", "+12:45"]
)


def _range(column: str, start: str, end: str) -> Message:
    """What is said of a range written in one value, its two ends as they are to be written."""
    return _span(
        column,
        say("is a range: write its start ({start}) in date and its end ({end}) in end_date", start=start, end=end),
        say(
            "is a range: write its end ({end}) in end_date, and its start ({start}) in date if date "
            "does not hold it already",
            start=start,
            end=end,
        ),
    )


def _decade(column: str, first: str, last: str) -> Message:
    """What is said of a decade (the 1990s: 1990 and 1999; the 490s BC: -0499 and -0490)."""
    return _span(
        column,
        say("is a decade: write {first} in date and {last} in end_date", first=first, last=last),
        say(
            "is a decade: write {last} in end_date, and {first} in date if date does not hold it already",
            first=first,
            last=last,
        ),
    )


def _said(plan: dict, read: list, column: str = "date") -> Message | None:
    """The closer message a plan's readings allow, if any (`column`: see parse_series)."""
    if "midnight" in plan:  # (24:00, or 2400; if the day is not read, what else the plan knows)
        reading = read[plan["midnight"]]
        next_day = reading[0] + np.timedelta64(1, "m") if reading is not None and reading[1] == "minute" else None
        if next_day is not None and fields(next_day)[0] <= LAST_YEAR:
            return say(
                "24:00 is not a time of day (hours run 00-23); for the end of {day}, write the next day at 00:00: "
                "{next_day}",
                day=Day.of(*fields(reading[0])[:3]),
                next_day=_as_written(next_day, "minute", reading[2]),
            )
    if "ongoing" in plan:
        at = plan["ongoing"]
        if read[at] is not None:
            start = _as_written(*read[at])
            return _span(
                column,
                say(
                    "is a span that goes on: write {start} in date, and in end_date the last day it is known to "
                    "have lasted (the day of the latest report), saying in the description that it goes on",
                    start=start,
                ),
                say(
                    "is a span that goes on: write in end_date the last day it is known to have lasted (the day of "
                    "the latest report), and {start} in date if date does not hold it already; say in the "
                    "description that it goes on",
                    start=start,
                ),
            )
    if "years" in plan:
        first, last = plan["years"]
        return _span(
            column,
            say(
                "is two years (a season or a fiscal year?): write {first:04d} in date and {last:04d} in end_date",
                first=first,
                last=last,
            ),
            say(
                "is two years (a season or a fiscal year?): write {last:04d} in end_date, and {first:04d} in "
                "date if date does not hold it already",
                first=first,
                last=last,
            ),
        )
    if "time alone" in plan:  # 14:30, About 1:30 AM EST
        at, word, many = plan["time alone"]
        if read[at] is not None and read[at][1] == "minute" and many:  # 12:56 AM CST
            value = read[at][0]
            return say(
                "is a time of day with no date, and {zone!r} names more than one UTC offset ({offsets}): write the "
                "day with it and the offset meant, as YYYY-MM-DD HH:MM (e.g. {example})",
                zone=many,
                offsets=MANY_OFFSETS[many],
                example=_as_written(value, "minute", example_offset(many, value)),
            )
        if read[at] is not None and read[at][1] == "minute":
            example = _as_written(*read[at])
            if word:
                return say(
                    "is a time of day with {word} added and no date: write the day with it, as YYYY-MM-DD HH:MM "
                    "(e.g. {example}), and say in the description how sure or how near it is",
                    word=repr(word),
                    example=example,
                )
            return say(
                "is a time of day with no date: write the day with it, as YYYY-MM-DD HH:MM (e.g. {example})",
                example=example,
            )
        return None
    if "years word" in plan:  # winter 1834-35, 1920-21 session
        first, last, word = plan["years word"]
        if word is None:
            return _span(
                column,
                say(
                    "is a season of two years, whose months depend on the hemisphere: write {first:04d} in date and "
                    "{last:04d} in end_date, or its first month and its last, each as YYYY-MM",
                    first=first,
                    last=last,
                ),
                say(
                    "is a season of two years, whose months depend on the hemisphere: write {last:04d} in end_date, "
                    "and {first:04d} in date if date does not hold it already, or its last month and its first, "
                    "each as YYYY-MM",
                    first=first,
                    last=last,
                ),
            )
        return _span(
            column,
            say(
                "is two years with {word} added, which a date cannot hold: write {first:04d} in date and {last:04d} "
                "in end_date",
                word=repr(word),
                first=first,
                last=last,
            ),
            say(
                "is two years with {word} added, which a date cannot hold: write {last:04d} in end_date, and "
                "{first:04d} in date if date does not hold it already",
                word=repr(word),
                first=first,
                last=last,
            ),
        )
    if "decades" in plan:  # 1850s-60s
        first, last = plan["decades"]
        return _span(
            column,
            say("is two decades: write {first} in date and {last} in end_date", first=first, last=last),
            say(
                "is two decades: write {last} in end_date, and {first} in date if date does not hold it already",
                first=first,
                last=last,
            ),
        )
    if "long year" in plan:  # 12500 BC
        return _OUT_OF_RANGE
    if "zone alone" in plan:  # Jan 11 2012 CST
        at, zone = plan["zone alone"]
        if read[at] is not None and read[at][1] == "day":
            day = _as_written(*read[at])
            example = _as_written(read[at][0] + np.timedelta64(52200, "s"), "minute")
            if zone in MANY_OFFSETS:
                return say(
                    "has a time zone but no time, and {zone!r} names more than one UTC offset ({offsets}): write "
                    "{date} alone, or with its time and the offset meant (e.g. {example})",
                    zone=zone,
                    offsets=MANY_OFFSETS[zone],
                    date=day,
                    example=example + example_offset(zone, read[at][0] + np.timedelta64(52200, "s")),
                )
            return say(
                "has a time zone but no time: write {date} alone, or with its time and its offset (e.g. {example})",
                date=day,
                example=example + example_offset(zone, read[at][0] + np.timedelta64(52200, "s")),
            )
    if "era date" in plan:  # 15 mars 44 av. J.-C.
        at, language = plan["era date"]
        if read[at] is not None:
            return say(
                "is a date with its era written in {language}; write {date}",
                language=_languages(language),
                date=_as_written(*read[at]),
            )
    if "era range" in plan:  # 500–470 до н. э.
        at, language = plan["era range"]
        start, end = read[at], read[at + 1]
        if start is not None and end is not None and start[0] <= end[0]:
            first, last = _as_written(*start), _as_written(*end)
            return _span(
                column,
                say(
                    "is a range with its era written in {language}: write its start ({start}) in date and its end "
                    "({end}) in end_date",
                    language=_languages(language),
                    start=first,
                    end=last,
                ),
                say(
                    "is a range with its era written in {language}: write its end ({end}) in end_date, and its start "
                    "({start}) in date if date does not hold it already",
                    language=_languages(language),
                    start=first,
                    end=last,
                ),
            )
    if "invisible" in plan:
        at, count, characters = plan["invisible"]
        if read[at] is not None:
            return say_n(
                "holds an invisible character ({characters}), which a date picker or a copy from a "
                "right-to-left page adds; delete it: {date}",
                "holds {n} invisible characters ({characters}), which a date picker or a copy from a "
                "right-to-left page adds; delete them: {date}",
                count,
                characters=", ".join(_character(c) for c in characters),
                date=plan["read"][at],
            )
    if "dash" in plan:
        at, dash = plan["dash"]
        if read[at] is not None:
            return _hyphen_meant(dash, plan["read"][at])
    if "look-alike" in plan:
        at, unlike = plan["look-alike"]
        if read[at] is not None:
            return say("holds {unlike}; write {date}", unlike=unlike, date=_as_written(*read[at]))
    if "doubt decade" in plan:  # early 1990s
        at, word = plan["doubt decade"]
        if read[at] is not None and read[at + 1] is not None:
            first, last = plan["read"][at], plan["read"][at + 1]
            if first.endswith("00"):  # (late 1800s: a decade, or the century that English means by it)
                return _span(
                    column,
                    say(
                        "is a decade or a century with {word} added, which a date cannot hold: write {first} in "
                        "date and {last} in end_date for the decade, or {century_last} in end_date for the "
                        "century, and say in the description how sure or how near it is",
                        word=repr(word),
                        first=first,
                        last=last,
                        century_last=f"{int(first) + 99:04d}",
                    ),
                    say(
                        "is a decade or a century with {word} added, which a date cannot hold: write {last} in "
                        "end_date for the decade, or {century_last} for the century, and {first} in date if date "
                        "does not hold it already; say in the description how sure or how near it is",
                        word=repr(word),
                        first=first,
                        last=last,
                        century_last=f"{int(first) + 99:04d}",
                    ),
                )
            return _span(
                column,
                say(
                    "is a decade with {word} added, which a date cannot hold: write {first} in date and {last} in "
                    "end_date, and say in the description how sure or how near it is",
                    word=repr(word),
                    first=first,
                    last=last,
                ),
                say(
                    "is a decade with {word} added, which a date cannot hold: write {last} in end_date, and {first} in "
                    "date if date does not hold it already; say in the description how sure or how near it is",
                    word=repr(word),
                    first=first,
                    last=last,
                ),
            )
    if "doubt century" in plan:  # early 12th century
        at, word = plan["doubt century"]
        if read[at] is not None and read[at + 1] is not None:
            first, last = _as_written(*read[at]), _as_written(*read[at + 1])
            return _span(
                column,
                say(
                    "is a century with {word} added, which a date cannot hold: write {first} in date and {last} in "
                    "end_date, and say in the description how sure or how near it is",
                    word=repr(word),
                    first=first,
                    last=last,
                ),
                say(
                    "is a century with {word} added, which a date cannot hold: write {last} in end_date, and {first} "
                    "in date if date does not hold it already; say in the description how sure or how near it is",
                    word=repr(word),
                    first=first,
                    last=last,
                ),
            )
    if "doubt" in plan:
        at, word, date = plan["doubt"]
        if read[at] is not None:
            return say(
                "is {date} with {word} added, which a date cannot hold: write {date}, and say in the description "
                "how sure or how near it is",
                # (a day or coarser as YYYY-MM-DD; a time as written, its seconds and zone kept, but
                # with an offset behind UTC, which as written may read as a span: 9:00 PM -10:00)
                # (and not a time after a date written otherwise: 13.01.2022 около 14:30, 2022-01-13 14:30)
                date=(
                    date
                    if read[at][1] == "minute" and re.match(r"-?\d{4}-\d\d-\d\d", date) and not _BEHIND_UTC.search(date)
                    else _as_written(*read[at])
                ),
                word=repr(word),
            )
    if "noon" in plan:
        at, midnight, word = plan["noon"]
        if read[at] is not None and read[at][1] == "minute":
            value, precision, offset = read[at]
            if not midnight:
                return say(
                    "has '{word}' for its time; write {date}", word=word, date=_as_written(value, precision, offset)
                )
            if fields(value)[0] < LAST_YEAR:
                return say(
                    "has 'midnight' for its time, which may be the start of {day} or its end: write {start} for its "
                    "start, or the next day at 00:00, {end}, for its end",
                    day=Day.of(*fields(value)[:3]),
                    start=_as_written(value, precision, offset),
                    end=_as_written(value + np.timedelta64(1, "D"), precision, offset),
                )
    if "zone words" in plan:
        at, words, (how, zone), kind = plan["zone words"]
        offset = None
        if how == "abbreviation" and read[at + 1] is not None and read[at + 1][1] == "minute":
            value, offset = read[at + 1][0], read[at + 1][2]
        elif how == "home" and read[at] is not None and read[at][1] == "minute" and not read[at][2]:
            value = read[at][0]
            clocks = _offsets_at(zone, value)  # (the clocks' offset then, and their standard time's)
            # (Eastern Time: the clocks'; Eastern Standard Time, only where they showed it: not in July)
            if clocks is not None and (not kind or (clocks[0] == clocks[1]) == (kind == "standard")):
                offset = clocks[0]
        if offset:
            return say(
                "has {words!r} for its time zone; write {date}",
                words=words,
                date=_as_written(value, "minute", offset),
            )
    if "weekday" in plan:
        at, written = plan["weekday"]
        if read[at] is not None and read[at][1] in ("day", "minute"):
            value, precision, offset = read[at]
            date = _as_written(value, precision, offset)
            weekday = _weekday_of(value)
            if weekday == written or value < GREGORIAN:  # (before it, a weekday written is the Julian day's)
                return say(
                    "has a day of the week ({weekday}) before a date in numbers, which this program does not read; "
                    "write {date}",
                    weekday=WEEKDAYS[written],
                    date=date,
                )
            return say(
                "has a day of the week ({written}) before a date in numbers, which this program does not read, and "
                "{day} was a {weekday}, not a {written}: check the day, and write it as YYYY-MM-DD ({date})",
                written=WEEKDAYS[written],
                day=Day.of(*fields(value)[:3]),
                weekday=WEEKDAYS[weekday],
                date=date,
            )
    if "time first" in plan:
        at = plan["time first"]
        if read[at] is not None and read[at][1] == "minute":
            written_seconds = plan["text"].split()[0].count(":") == 2  # (14:30:00 5 January 2022: kept)
            value, precision, offset = read[at]
            if not offset and _no_time_written(plan["text"]):  # (12:00:00 AM 5 January 2022: a program's day)
                return say(
                    "has its time before its date, and {time} is how programs write a date without a time: write "
                    "{day} if only the day is known, or {date} for midnight",
                    time=re.sub(r"(?s)^\s*([\d:]+(?:[.,]\d+)?(?:\s*[aA]\.?[mM]\b\.?)?).*", r"\1", plan["text"]),
                    day=_as_written(value, "day"),
                    date=_as_written(value, precision),
                )
            return say(
                "has its time before its date; write {date}",
                date=_as_written(value, precision, offset, written_seconds),
            )
    if "month number" in plan:
        at = plan["month number"]
        if read[at] is not None and re.fullmatch(r"\d{4}\s*\.\s*\d{1,2}", plan["text"]):
            # (2022.5: May 2022 as Korea and China write it, or a year and a half as a number)
            return say(
                "is a month and its year in numbers, or a year as a number with a decimal point (a part of the "
                "year after it); for the month, write {iso}",
                iso=plan["read"][at],
            )
        if read[at] is not None:
            return say("is a month and its year in numbers; write {iso}", iso=plan["read"][at])
    if "part" in plan:
        at, kind = plan["part"]
        if read[at] is not None and read[at + 1] is not None:
            start, end = plan["read"][at], plan["read"][at + 1]
            if kind == "q":
                in_date = say(
                    "is a quarter of a year: write its first month ({start}) in date and its last ({end}) in end_date",
                    start=start,
                    end=end,
                )
                in_end_date = say(
                    "is a quarter of a year: write its last month ({end}) in end_date, and its first ({start}) in "
                    "date if date does not hold it already",
                    start=start,
                    end=end,
                )
            else:
                in_date = say(
                    "is half a year: write its first month ({start}) in date and its last ({end}) in end_date",
                    start=start,
                    end=end,
                )
                in_end_date = say(
                    "is half a year: write its last month ({end}) in end_date, and its first ({start}) in date if "
                    "date does not hold it already",
                    start=start,
                    end=end,
                )
            return _span(column, in_date, in_end_date)
    if "week" in plan:
        at, count = plan["week"]
        if all(reading is not None for reading in read[at : at + count]):
            days = plan["read"][at : at + count]
            if count == 1:
                return say("is a day of an ISO week (its year, week and weekday); write {date}", date=days[0])
            start, end = days
            return _span(
                column,
                say(
                    "is an ISO week: write its first day ({start}) in date and its last ({end}) in end_date",
                    start=start,
                    end=end,
                ),
                say(
                    "is an ISO week: write its last day ({end}) in end_date, and its first ({start}) in date if "
                    "date does not hold it already",
                    start=start,
                    end=end,
                ),
            )
    if "ordinal" in plan:
        at, number = plan["ordinal"]
        if read[at] is not None:
            return say(
                "is a year and the number of a day in it (day {number}); write {date}",
                number=number,
                date=plan["read"][at],
            )
    if "decade" in plan:
        at = plan["decade"]
        if read[at] is not None and read[at + 1] is not None:
            first, last = plan["read"][at], plan["read"][at + 1]
            if first.endswith("00"):  # (the 1800s: a decade, or the century that English means by it)
                return _span(
                    column,
                    say(
                        "is a decade or a century: write {first} in date and {last} in end_date for the decade, "
                        "or {century_last} in end_date for the century",
                        first=first,
                        last=last,
                        century_last=f"{int(first) + 99:04d}",
                    ),
                    say(
                        "is a decade or a century: write {last} in end_date for the decade, or {century_last} for "
                        "the century, and {first} in date if date does not hold it already",
                        first=first,
                        last=last,
                        century_last=f"{int(first) + 99:04d}",
                    ),
                )
            return _decade(column, first, last)
    if "short decade" in plan:  # the '90s
        first = plan["short decade"]
        years = {"first": first, "last": first + 9, "other_first": first - 100, "other_last": first - 91}
        return _span(
            column,
            say(
                "is a decade with a year of two digits: write {first} in date and {last} in end_date, or "
                "{other_first} and {other_last} if a century earlier is meant",
                **years,
            ),
            say(
                "is a decade with a year of two digits: write {last} in end_date, or {other_last} if a century "
                "earlier is meant, and {first} (or {other_first}) in date if date does not hold it already",
                **years,
            ),
        )
    if "doubt short decade" in plan:  # early '90s
        word, first = plan["doubt short decade"]
        years = {"word": repr(word), "first": first, "last": first + 9, "other_first": first - 100}
        years["other_last"] = first - 91
        return _span(
            column,
            say(
                "is a decade with a year of two digits and {word} added, which a date cannot hold: write {first} in "
                "date and {last} in end_date, or {other_first} and {other_last} if a century earlier is meant, and "
                "say in the description how sure or how near it is",
                **years,
            ),
            say(
                "is a decade with a year of two digits and {word} added, which a date cannot hold: write {last} in "
                "end_date, or {other_last} if a century earlier is meant, and {first} (or {other_first}) in date if "
                "date does not hold it already; say in the description how sure or how near it is",
                **years,
            ),
        )
    if "doubt short year" in plan:  # c. 47
        word, year = plan["doubt short year"]
        return say(
            "is a number of one or two digits with {word} added, not a year: for the year {year}, write {year:04d} "
            "(or AD {year}), and say in the description how sure or how near it is",
            word=repr(word),
            year=year,
        )
    if "century" in plan:  # the 12th century (the 12th-13th centuries: a range, said below)
        at = plan["century"]
        if read[at] is not None and read[at + 1] is not None:
            first, last = _as_written(*read[at]), _as_written(*read[at + 1])
            return _span(
                column,
                say(
                    "is a century: write its first year ({first}) in date and its last ({last}) in end_date",
                    first=first,
                    last=last,
                ),
                say(
                    "is a century: write its last year ({last}) in end_date, and its first ({first}) in date if date "
                    "does not hold it already",
                    first=first,
                    last=last,
                ),
            )
    if "millennium" in plan:  # the 5th millennium BC
        at = plan["millennium"]
        if read[at] is not None and read[at + 1] is not None:
            first, last = _as_written(*read[at]), _as_written(*read[at + 1])
            return _span(
                column,
                say(
                    "is a millennium: write its first year ({first}) in date and its last ({last}) in end_date",
                    first=first,
                    last=last,
                ),
                say(
                    "is a millennium: write its last year ({last}) in end_date, and its first ({first}) in date if "
                    "date does not hold it already",
                    first=first,
                    last=last,
                ),
            )
    if "bc decade" in plan:  # the 1100s BC: a decade, or a century written as its hundreds
        at, hundreds = plan["bc decade"]
        if read[at] is not None and read[at + 1] is not None:
            first, last = _as_written(*read[at]), _as_written(*read[at + 1])
            if hundreds and read[at + 2] is not None:
                century_first = _as_written(*read[at + 2])
                return _span(
                    column,
                    say(
                        "is a decade or a century BC: write {first} in date and {last} in end_date for the decade, "
                        "or {century_first} in date for the century",
                        first=first,
                        last=last,
                        century_first=century_first,
                    ),
                    say(
                        "is a decade or a century BC: write {last} in end_date, and {first} in date for the decade "
                        "(or {century_first} for the century) if date does not hold it already",
                        first=first,
                        last=last,
                        century_first=century_first,
                    ),
                )
            return _decade(column, first, last)
    if "short quarter" in plan:  # 1Q22, Q1 22
        at, other, kind = plan["short quarter"]
        if all(reading is not None for reading in read[at : at + 4]):
            start, end, other_start, other_end = plan["read"][at : at + 4]
            months = {"start": start, "end": end, "other": other, "other_start": other_start, "other_end": other_end}
            if kind == "h":  # H1 22
                return _span(
                    column,
                    say(
                        "is half a year whose year has two digits: write its first month ({start}) in date and its "
                        "last ({end}) in end_date; if {other} is meant, write {other_start} and {other_end}",
                        **months,
                    ),
                    say(
                        "is half a year whose year has two digits: write its last month ({end}) in end_date, and its "
                        "first ({start}) in date if date does not hold it already; if {other} is meant, write "
                        "{other_end} and {other_start}",
                        **months,
                    ),
                )
            return _span(
                column,
                say(
                    "is a quarter of a year whose year has two digits: write its first month ({start}) in date and "
                    "its last ({end}) in end_date; if {other} is meant, write {other_start} and {other_end}",
                    **months,
                ),
                say(
                    "is a quarter of a year whose year has two digits: write its last month ({end}) in end_date, and "
                    "its first ({start}) in date if date does not hold it already; if {other} is meant, write "
                    "{other_end} and {other_start}",
                    **months,
                ),
            )
    if "fiscal" in plan:  # FY2022
        return _span(
            column,
            say(
                "is a fiscal year, whose months depend on the organisation: write its first day in date and its last "
                "in end_date, each as YYYY-MM-DD (e.g. 2022-01-07)"
            ),
            say(
                "is a fiscal year, whose months depend on the organisation: write its last day in end_date, and its "
                "first in date if date does not hold it already, each as YYYY-MM-DD (e.g. 2022-01-07)"
            ),
        )
    if "foreign era" in plan:  # 500 до н. э., 500 av. J.-C.
        at, language = plan["foreign era"]
        if read[at] is not None:
            return say(
                "is the year {year} with its era written in {language}; write {date}",
                year=Year.of(fields(read[at][0])[0]),
                language=_languages(language),
                date=_as_written(*read[at]),
            )
    for key, advice in (  # (a time written otherwise: the moment read, to the minute)
        ("bare time", lambda date: say("has a time of four digits with no colon; write {date}", date=date)),
        ("dotted time", lambda date: say("has a time written with a dot for its colon; write {date}", date=date)),
    ):
        at = plan.get(key)
        if at is not None and read[at] is not None and read[at][1] == "minute":
            return advice(_as_written(*read[at]))
    if "characters" in plan:
        at, marks = plan["characters"]
        if read[at] is not None:
            return say(
                "is written with the characters for year, month and day ({characters}); write {date}",
                characters=marks,
                date=_as_written(*read[at]),
            )
    if "unix time" in plan:
        at = plan["unix time"]
        if read[at] is not None:
            return say(
                "is a number, which as a Unix time (the time since 1 January 1970, UTC) would be {date}; if it is one, "
                "write {date}",
                date=_as_written(*read[at]),
            )
    if "year last" in plan:
        at, seconds = plan["year last"]
        if read[at] is not None and read[at][1] == "minute":
            value, precision, offset = read[at]
            return say(
                "has its year after its time, as a computer's clock writes it; write {date}",
                date=_as_written(value, precision, offset, seconds),
            )
    if "offset zone" in plan:
        at, offset, zone = plan["offset zone"]
        with_offset, with_zone = read[at], read[at + 1]
        east, known = offset_seconds([with_offset[2] if with_offset else "", with_zone[2] if with_zone else ""])
        # (an hour ahead of the zone's offset is its summer time, whose name is often the standard
        # time's: 14:30 +02:00 CET in July is Central Europe's clocks; the offset then is told to write)
        if with_offset is not None and with_zone is not None and known.all() and east[0] - east[1] not in (0, 3600):
            zone_offset = "+00:00" if with_zone[2] == "Z" else with_zone[2]
            return _disagreeing(offset, zone, zone_offset, _as_written(*with_offset), _as_written(*with_zone))
        if with_offset is not None and with_zone is None:  # (the zone read with a warning, or of no one offset)
            disagree = _zone_disagrees(with_offset, offset, zone, plan["read"][at + 1])
            if disagree is not None:
                return disagree
    if "rewritten" in plan:
        at, said = plan["rewritten"]
        if read[at] is not None:
            return said(_as_written(*read[at]))
        try:  # (5. 1. 2022: as 5.1.2022 is, day first or month first, each named)
            _read_one(plan["read"][at])
        except DateError as error:
            told = error.args[0] if error.args else None
            if isinstance(told, Message) and told.template.startswith(_DAY_AND_MONTH_WAYS[0]):
                return told
    if "apostrophe" in plan and read[plan["apostrophe"]] is not None:
        return say(
            "begins with an apostrophe, as a spreadsheet or an export writes one to keep a value from being read "
            "as a number or run as a formula; write {date}",
            date=_as_written(*read[plan["apostrophe"]]),
        )
    if "apostrophe" in plan:  # ('05/01/2022: what the date after it is told, its readings to write)
        try:
            _read_one(plan["read"][plan["apostrophe"]])
        except DateError as error:
            told = error.args[0] if error.args else None
            # (only a day's and a month's readings, which every column writes alike; a time or a
            # span's say which column holds what, as the date column's)
            if isinstance(told, Message) and told.template.startswith(_DAY_AND_MONTH_WAYS):
                return told
    if "two clocks" in plan:
        at, words, utc = plan["two clocks"]
        local = read[at] if read[at] is not None else read[at + 1]
        offsets = _offsets_between(local, utc)
        if read[at] is None and offsets:  # (a zone's word of several offsets: only an offset it names)
            offsets = [o for o in offsets if o in _offsets_named(plan["read"][at], local[0])]
        if offsets and local[2]:  # (14:30+06:00 (08:30 GMT): the same moment twice)
            east = offset_seconds([local[2], *offsets])[0]
            if east[0] in east[1:]:
                return _after_it(words, _as_written(*local))
        elif len(offsets) == 1:  # (14:30 local time (08:30 GMT): at UTC+06:00)
            value, precision, _ = local
            return say(
                "has {words} after it, which a date cannot hold; the two times put its clocks at UTC{offset}: "
                "write {date}",
                words=repr(words),
                offset=offsets[0],
                date=_as_written(value, precision, offsets[0]),
            )
        elif offsets:  # (12:00 (23:00 GMT): at UTC-11:00, or at UTC+13:00 a day after UTC)
            value, precision, _ = local
            return say(
                "has {words} after it, which a date cannot hold; the two times put its clocks at UTC{one} or, a "
                "day apart, at UTC{other}: write {one_date} or {other_date}",
                words=repr(words),
                one=offsets[0],
                other=offsets[1],
                one_date=_as_written(value, precision, offsets[0]),
                other_date=_as_written(value, precision, offsets[1]),
            )
    if "place time" in plan:
        at, words, place, zone = plan["place time"]
        placed, alone = read[at], read[at + 1]  # (the date with the city's zone, and as written before it)
        if alone is not None and (alone[2] or not zone or alone[1] != "minute" or placed is not None):
            # (a time with an offset already, 11:30 GMT, Moscow time, keeps its own; a time the
            # city's clocks showed twice or never that day, London's at 01:30 on 30 October, is
            # said otherwise, below)
            value, precision, offset = alone if alone[2] or placed is None else placed
            if zone and precision == "minute" and not alone[2]:
                return say(
                    "has {words} after it, which a date cannot hold; the clocks of {place} were then at UTC{offset}: "
                    "write {date}",
                    words=repr(words),
                    place=place,
                    offset=offset,
                    date=_as_written(value, precision, offset),
                )
            return _after_it(words, _as_written(value, precision, offset))
        said, _ = plan.get("english", {}).get(plan["read"][at], (None, False))
        # (05.01.2022 14:30 мск: the two ways its date reads; a month's name of another language is
        # told below, in English, with the city's time)
        if said is not None and alone is None and not plan.keys() & {"month", "half word"}:
            if zone:
                return say(
                    "has {words} after it, which a date cannot hold: the time of {place}. With its time zone, "
                    "{placed}: {said}",
                    words=repr(words),
                    place=place,
                    placed=show(plan["read"][at]),
                    said=said,
                )
            return say(
                "has {words} after it, which a date cannot hold (a time with no offset is read as the local time "
                "already). Without it, {placed}: {said}",
                words=repr(words),
                placed=show(plan["read"][at]),
                said=said,
            )
    if "again" in plan:
        at, again = plan["again"]
        if read[at] is not None and read[at + 1] is not None:
            if read[at] == read[at + 1]:
                return say(
                    "has the same date again in brackets ({again}), as a table copied from Wikipedia writes it; "
                    "write {date}",
                    again=show(again),
                    date=_as_written(*read[at]),
                )
            return say(
                "has another date in brackets ({again}): it reads {first}, and the one in brackets {second}; "
                "check which is meant, and write it so",
                again=show(again),
                first=_as_written(*read[at]),
                second=_as_written(*read[at + 1]),
            )
    if "bracketed" in plan:
        at, words, date = plan["bracketed"]
        if read[at] is not None:
            value, precision, offset = read[at]
            given = _offset_among(words, value) if precision == "minute" and not offset else None
            if given:  # (14:30 (local time, UTC+6): the offset kept)
                date = _as_written(value, precision, given)
            other = _other_weekday(words, value) if precision in ("day", "minute") else None
            if other:  # (2022-01-05 (Fri): 5 January 2022 was a Wednesday)
                return say(
                    "has {words} in brackets after it, which a date cannot hold, and {day} was a {weekday}, not a "
                    "{written}: check the day, then write the date as YYYY-MM-DD",
                    words=repr(words),
                    day=other[0],
                    weekday=other[1],
                    written=other[2],
                )
            julian = _julian(words, value, precision, offset)
            if julian is not None:  # (25 October 1917 (O.S.): written as it is, 13 days before the day meant)
                return julian
            if _OLD_STYLE.fullmatch(words.strip()) and precision in ("day", "minute"):
                return UNREADABLE  # (25 December 9999 (O.S.): its Gregorian day past the years a date holds)
            if precision == "minute" and not offset and not given and _ZONE_AND_HOURS.search(words):
                return say(  # (14:30 (CET+1): not to be written without it)
                    "has {words} in brackets after it, which a date cannot hold, with an offset this program does "
                    "not read; write {date} followed by its UTC offset (such as +06:00)",
                    words=repr(words),
                    date=date,
                )
            return say(
                "has {words} in brackets after it, which a date cannot hold; write {date}",
                words=repr(words),
                # (a day or coarser as YYYY-MM-DD; a time as written, its seconds and zone kept)
                date=_as_written(*read[at]) if precision != "minute" else date,
            )
        leap = plan.get("julian leap day")
        if leap is not None and read[leap] is not None and fields(read[leap][0])[1:3] == (2, 28):
            # (29 February 1700 (O.S.): the Julian day after the 28th, read)
            value, precision, offset = read[leap]
            julian = _julian(words, value, precision, offset, leap_day=True)
            if julian is not None:
                return julian
    if "season" in plan:
        return _span(
            column,
            say(
                "is a season, whose months depend on the hemisphere: write its first month in date and its last in "
                "end_date, each as YYYY-MM (e.g. 2022-06)"
            ),
            say(
                "is a season, whose months depend on the hemisphere: write its last month in end_date, and its first "
                "in date if date does not hold it already, each as YYYY-MM (e.g. 2022-06)"
            ),
        )
    if "year word" in plan:
        at, word = plan["year word"]
        if read[at] is not None:
            return say("is the year {year} with {word} added; write {year}", year=plan["read"][at], word=repr(word))
    if "basic" in plan:
        reading = read[plan["basic"]]
        if reading is not None:
            return say(
                "has no hyphens between its year, month and day; if it is {day}, write {date}",
                day=Day.of(*fields(reading[0])[:3])
                if reading[1] == "day"
                else Day.of(*fields(reading[0]), second=_second(reading[0])),
                date=plan["read"][plan["basic"]],
            )
    if "basic month" in plan:
        reading = read[plan["basic month"]]
        if reading is not None:
            return say(
                "has no hyphen between its year and its month; if it is {month}, write {date}",
                month=Day.of(*fields(reading[0])[:2]),
                date=plan["read"][plan["basic month"]],
            )
    if "half word" in plan:
        at, word, half = plan["half word"]
        if read[at] is not None:
            return say(
                "has {word!r}, a word for {half}; write {date}", word=word, half=half, date=_as_written(*read[at])
            )
        said, _ = plan.get("english", {}).get(plan["read"][at], (None, False))
        if said is not None:  # (05/01/2022 02:30 م: the two ways its English reads)
            return say(
                "has {word!r}, a word for {half}. In English, {english}: {said}",
                word=word,
                half=half,
                english=show(plan["read"][at]),
                said=said,
            )
    if "footnote" in plan:
        at, mark = plan["footnote"]
        if read[at] is not None:
            return say(
                "ends with {mark}, which may be a footnote's mark copied with the date; without it, write {date}",
                mark=show(mark),
                date=_as_written(*read[at]),
            )
    if "letter" in plan:
        at, letter = plan["letter"]
        if read[at] is not None:
            return say(
                "holds the letter {letter} where the digit {digit} is meant; write {date}",
                letter=letter,
                digit=_DIGIT_OF[letter],
                date=_as_written(*read[at]),
            )
    if "dash time" in plan and read[plan["dash time"]] is None:  # (05.01.2022 - 14:30: refused without the dash)
        joined = plan["read"][plan["dash time"]]
        try:
            _read_one(joined)
        except DateError as error:
            told = error.args[0] if error.args else None
            if isinstance(told, Message) and told.template != UNREADABLE.template:
                return say(
                    "is a date and its time with a dash between them, which reads as a range; without the dash, "
                    "{joined}: {said}",
                    joined=show(joined),
                    said=told,
                )
    if "dash time" in plan and read[plan["dash time"]] is not None:  # (before the range: 14:30 is no end)
        joined = plan["read"][plan["dash time"]]
        try:
            caveat = bool(_read_one(joined).warning)  # (1400/10/15 14:30: of another calendar? 1/13/22: 1922?)
        except DateError:
            caveat = True
        return say(
            "is a date and its time with a dash between them, which reads as a range; write {date}",
            date=joined if caveat else _as_written(*read[plan["dash time"]]),  # (as written: its caveat said then)
        )
    if "range" in plan:
        at, count = plan["range"]
        ends = [(read[at + 2 * k], read[at + 2 * k + 1]) for k in range(count)]
        read_ends = [
            (_as_written(*start), _as_written(*end)) for start, end in ends if start and end and start[0] <= end[0]
        ]
        # (05.01.2022-07.01.2022: ends of two readings each, read one way: 13.01.2022's, day first)
        numeric = [_numeric_range(plan["read"][at + 2 * k], plan["read"][at + 2 * k + 1]) for k in range(count)]
        one_way = read_ends[:1] or [ways[0][1:] for ways in numeric if len(ways) == 1][:1]
        if one_way:
            first, last = one_way[0]
            if first == last:  # (7-7 January 2022: one date, not a span)
                return say("is a range that starts and ends on one date: write {date}", date=first)
            return _range(column, first, last)
        for ways in numeric:
            if len(ways) == 2 and all(start != end for _, start, end in ways):  # (05.01.2022-05.01.2022: as before)
                (one_order, one_start, one_end), (other_order, other_start, other_end) = ways
                values = dict(one_order=one_order, other_order=other_order, one_start=one_start, one_end=one_end)
                values.update(other_start=other_start, other_end=other_end)
                return _span(
                    column,
                    say(
                        "is a range that can be read two ways: from {one_start} to {one_end} ({one_order}), or from "
                        "{other_start} to {other_end} ({other_order}); write its start in date and its end in end_date",
                        **values,
                    ),
                    say(
                        "is a range that can be read two ways: from {one_start} to {one_end} ({one_order}), or from "
                        "{other_start} to {other_end} ({other_order}); write its end in end_date, and its start in "
                        "date if date does not hold it already",
                        **values,
                    ),
                )
    if "short years" in plan:  # between 47 and 50
        first, last = plan["short years"]
        return _span(
            column,
            say(
                "is a range of numbers of one or two digits, not years: for the years {first} to {last}, write "
                "{first:04d} in date and {last:04d} in end_date (or AD {first} and AD {last})",
                first=first,
                last=last,
            ),
            say(
                "is a range of numbers of one or two digits, not years: for the years {first} to {last}, write "
                "{last:04d} in end_date (or AD {last}), and {first:04d} in date if date does not hold it already",
                first=first,
                last=last,
            ),
        )
    if "month" in plan:
        at, languages = plan["month"]
        # (Not a date far ahead: 15 نيسان 5782 is of the Hebrew calendar, whose Nisan is no April.)
        if read[at] is not None and read[at][0] < np.datetime64(f"{datetime.now().year + FAR_AHEAD + 1}-01-01"):
            try:  # (13-янв-30: its English's warning, the year of two digits read as 1930, said with it)
                warning = _read_one(plan["read"][at]).warning
            except DateError:
                warning = ""
            # (13-January-30: as it reads in English, without the spaces around the month; only where what
            # its warning says to write is the date written, not a day without the time and offset given)
            english = warning.english() if isinstance(warning, Message) else str(warning)  # (whatever the language)
            if english.endswith(f"({_as_written(*read[at])})"):
                return _month_in_english(languages, re.sub(r"\s*([-/])\s*", r"\1", plan["read"][at]), warning)
            return say(
                "is written with a month name in {language}; write {date}",
                language=_languages(languages),
                date=_as_written(*read[at]),
            )
    if plan.get("clear range"):
        return _span(
            column,
            say("is a range: write its start in date and its end in end_date, each as YYYY-MM-DD (e.g. 2022-01-07)"),
            say(
                "is a range: write its end in end_date, and its start in date if date does not hold it already, "
                "each as YYYY-MM-DD (e.g. 2022-01-07)"
            ),
        )
    if "month" in plan:
        at, languages = plan["month"]
        # (Not a year far ahead: 15 نيسان 5782 is of the Hebrew calendar, whose Nisan is no April.)
        said, far = plan.get("english", {}).get(plan["read"][at], (None, False))
        if said is not None and not far:
            return _month_in_english(languages, plan["read"][at], said)
        return say(
            "is written with a month name in {language}; {how_to_write}",
            language=_languages(languages),
            how_to_write=HOW_TO_WRITE,
        )
    return None


_CLOSER = {
    UNREADABLE.template,
    _NO_YEAR.template,
    _END_OF_DAY.template,
    "month {month} does not exist (months run 01-12); {how_to_write}",
}


# AM and PM in the scripts whose spreadsheets write them in their own letters: Korean's, Chinese's
# and Japanese's before the time (오후 2:30, 下午 2:30, 午後2:30), Arabic's after it (2:30 م).
_HALVES = {"오전": "AM", "오후": "PM", "上午": "AM", "下午": "PM", "午前": "AM", "午後": "PM", "ص": "AM", "م": "PM"}
_HALF_BEFORE = re.compile(r"(?P<word>오전|오후|上午|下午|午前|午後)\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?)")
_HALF_AFTER = re.compile(r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?P<word>[صم])(?!\w)")

# Superscript or circled digits (or a dagger, an asterisk) at a date's end: a footnote's mark, as a
# web page or a word processor writes one, copied with it.
_FOOTNOTE_MARK = re.compile(r"\s*[\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u2473\u2020\u2021*]+$")


def _english_said(texts: list[str], column: str) -> dict[str, tuple[Message | None, bool]]:
    """For dates made English (a month's name, AM or PM of another language made English's), and
    dates with a city's time written with its zone's name (_said's "place time"): {text:
    (what it is told, where that says more than that it cannot be read: a weekday not the date's,
    the UTC moment in brackets, two readings, else None; whether it is in a year more than
    FAR_AHEAD years ahead)}, all read at once. Their English holds no word of another language,
    to be made English again."""
    if not texts:
        return {}
    distinct = list(dict.fromkeys(texts))
    parsed = parse_series(pd.Series(distinct, dtype="str"), column=column)
    ahead = np.datetime64(f"{datetime.now().year + FAR_AHEAD + 1}-01-01")
    found = {}
    for text, value in zip(distinct, parsed.value.to_numpy()):
        key = text.strip()
        said = parsed.errors.get(key) or parsed.warnings.get(key)
        told = said if isinstance(said, Message) and said.template != UNREADABLE.template else None
        found[text] = (told, bool(value >= ahead))  # (NaT compares False)
    return found


def _ascii_digits(text: str) -> str:
    """Digits and spaces of other scripts as ASCII ones (٣ is 3, a no-break space a space). Not a
    superscript or circled digit: a footnote's mark (2022-1¹ is no November)."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else " " if c.isspace() and unicodedata.category(c) == "Zs" else c
        for c in text
    )


# --- strings to dates: split each into its date and its clock, read each distinct one once -----


def _read(array: pa.Array, at: np.ndarray, out: _Out, engine, names: list[str] | None = None) -> None:
    """Read the strings of `array` (at positions `at` among the distinct strings) with `engine`;
    those no form matches are left for the next engine. `names`: the strings as written, if
    `array` holds them changed (non-ASCII digits made ASCII)."""
    name_of = (lambda i: names[i]) if names is not None else (lambda i: array[int(i)].as_py())
    matched, split = _split(array) if engine is _arrow else engine(array, SPLIT)
    date_codes, date_texts = _distinct(split["date"])
    clock_codes, clock_texts = _distinct(split["clock"])
    date = _read_dates(date_texts, engine)
    clock = _read_clocks(clock_texts, engine)
    known = matched & date.matched[date_codes] & clock.matched[clock_codes]
    rows = np.flatnonzero(known)
    d, c = date_codes[rows], clock_codes[rows]
    timed = clock.written[c]
    problem = np.where(date.problem[d] != "", date.problem[d], clock.problem[c]).astype(object)
    for i in np.flatnonzero(timed & (clock.problem[c] == "") & (date.problem[d] != "")):
        problem[i] = _with_clock(problem[i], clock, c[i], str(clock_texts[int(c[i])]))
    for i in np.flatnonzero(timed & (clock.problem[c] != "") & (date.problem[d] != "")):
        problem[i] = _ways_at_24(problem[i], str(clock_texts[int(c[i])]))
    problem[(problem == "") & timed & (date.precision[d] != "day")] = _NO_DAY
    values = date.values[d] + np.where(timed, clock.seconds[c], 0) * np.timedelta64(1, "s")
    precision = np.where(timed, "minute", date.precision[d]).astype(object)
    offset, warning = _offsets(clock.offset[c], clock.zone[c], values, problem)
    caveat, said = date.caveat[d], warning
    for i in np.flatnonzero(timed & (caveat != "") & (problem == "")):
        if not _no_time_written(str(clock_texts[int(c[i])])):
            caveat[i] = _caveat_with_clock(caveat[i], values[i], str(offset[i]))  # (not a program's no time)
    warning = np.where(caveat != "", caveat, said).astype(object)
    for i in np.flatnonzero((caveat != "") & (said != "")):  # (the date's caveat, and the offset's or zone's)
        warning[i] = both(caveat[i], said[i])
    _settle(out, at[rows], lambda i: name_of(rows[i]), _Composed(values, problem), precision, offset, warning=warning)


def _ways_at_24(problem, clock: str):
    """A date read two ways with 24:00 after it (1/9/2022 24:00): each way as the next day at 00:00,
    the end of the day written (the days alone were said: the time lost, a day early, if copied)."""
    if not (isinstance(problem, Message) and problem.template.startswith(_DAY_AND_MONTH_WAYS)):
        return problem
    names = ("one", "other") if "other_iso" in problem.values else ("one", "two", "three")
    if not re.fullmatch(r"\s*24(?::?00){1,2}\s*", _ascii_digits(clock)) or f"{names[-1]}_iso" not in problem.values:
        return problem
    values = {key: problem.values[key] for name in names for key in (name, f"{name}_order")}
    for name in names:  # (each way's next day, at 00:00)
        day = np.datetime64(problem.values[f"{name}_iso"], "D") + 1
        values[f"{name}_iso"] = _as_written(day.astype(UNIT), "minute")
    if len(names) == 2:
        return say(
            "can be read two ways: {one} ({one_order}) or {other} ({other_order}), and 24:00 is the end of the "
            "day, the next day at 00:00: write {one_iso} or {other_iso}",
            **values,
        )
    return say(
        "can be read three ways: {one} ({one_order}), {two} ({two_order}) or {three} ({three_order}), and 24:00 "
        "is the end of the day, the next day at 00:00: write {one_iso}, {two_iso} or {three_iso}",
        **values,
    )


def _no_time_written(clock: str) -> bool:
    """Whether a clock written after a date is 00:00:00 as programs write a date without a time
    (_MIDNIGHT, or 12:00:00 AM): its advice is the day alone."""
    return bool(re.search(f"{_MIDNIGHT}|{_MIDNIGHT_AM}", _ascii_digits(clock)))


def _with_clock(problem, clock: _Clocks, at: int, written: str):
    """A date read two (or three) ways, its time written after it (`written`): the ways to write it keep
    the time (05/01/2022 14:00: write 2022-01-05 14:00 or 2022-05-01 14:00, not the days alone,
    which would lose it), unless the time is 00:00:00, seconds written, as programs write a date
    without one (_MIDNIGHT). A month with a year of two digits or a day (Jan-22) with a time: a
    day with no year; a month alone (Feb-45) with one: a time with no day. Any other as it is."""
    if not isinstance(problem, Message):
        return problem
    if problem.template.startswith("is {month} with a year of two digits, or day {day}"):
        return _NO_YEAR  # (Jan-22 14:00: a time is of a day, the 22nd, and the year is not written)
    if problem.template.startswith("is {month} with a year of two digits;"):
        return _NO_DAY  # (Feb-45 14:00: February 1945 at 14:00, of no day)
    if not {"other_iso", "three_iso"} & set(problem.values) or _no_time_written(written):
        return problem  # (not _day_and_month's two ways; or a date a program wrote without a time)
    hours, rest = divmod(int(clock.seconds[at]), 3600)
    minutes, seconds = divmod(rest, 60)
    offset = str(clock.offset[at])
    if len(
        _spans(
            pa.array([_ascii_digits(written)], pa.large_string()),
            np.array([int(clock.seconds[at])], dtype=_S),
            np.ones(1, dtype=bool),
        )[0]
    ):
        return problem  # (03/04/2022 09:00-10:00: the time may be a span too; the days alone are said)
    seconds_written = seconds or re.search(r"\d:\d\d:\d\d", written)  # (09:00:00-10:00: kept, with its offset)
    # The word after the time: a zone's is written again (EST, Europe/Paris); another language's AM
    # or PM makes the time (9:30 nachm: 21:30); any other, no zone (Uhr, local, approx, a weekday, a
    # word no one knows), is not (it was: "write 2022-01-05 09:30 nachm", refused again when written).
    zone = str(clock.zone[at])
    half = _OTHER_HALVES.get(zone.lower().rstrip("."))
    if half and 1 <= hours <= 12:
        hours = hours % 12 + (12 if half == "PM" else 0)
    clock_written = f"{hours:02d}:{minutes:02d}"

    def time_at(offset: str) -> str:  # (the time after a day, with this offset)
        joined = " " if seconds_written else _joined(clock_written, offset)
        return joined + clock_written + (f":{seconds:02d}" if seconds_written else "") + offset

    time = time_at(offset) + (f" {zone}" if zone and not half and not _no_zone(zone) else "")
    values = dict(problem.values)
    home = zone.upper() if zone.upper() in _MANY_HOMES and not offset else ""
    for name in ("one_iso", "other_iso", "two_iso", "three_iso", "iso", "one_century", "other_century"):
        if name in values and home:
            # (ET, PT...: each way written with the offset that zone's clocks had on its day, 1/9/22
            # 11:15 AM ET: 2022-01-09 11:15-05:00 or 2022-09-01 11:15-04:00; ET written again was
            # warned of next, of no one offset, and refused by add)
            moment = np.datetime64(values[name], "s") + np.timedelta64(hours * 3600 + minutes * 60 + seconds, "s")
            values[name] += time_at(example_offset(home, moment))
        elif name in values:
            values[name] += time
    return say(problem.template, **values)


def _no_zone(word: str) -> bool:
    """Whether a word after a time says something a date cannot hold and no zone: o'clock (Uhr,
    hrs), the local time, a word of nearness, or a weekday. (Any other is written again in the
    ways to write, to be told as it is: `p` for PM, `BC`, a zone this program does not know.)"""
    key = word.lower().rstrip(".")
    return key in _CLOCK_WORDS | _LOCAL_WORDS | _DOUBT_WORDS or bool(
        re.fullmatch(rf"(?i)(?:{_WEEKDAY_NAMES})(?:day)?\.?", word)
    )


def _split(array: pa.Array) -> tuple[np.ndarray, dict]:
    """SPLIT as Arrow reads it, faster than extracting its parts: the clock at the end is cut
    off (the leftmost one that runs to the end, as SPLIT's lazy date finds it), and the clock
    is what was cut off, taken from the string's bytes."""
    date = pc.replace_substring_regex(array, "(?is)(?:" + _PLAIN_CLOCK + ")$", "", max_replacements=1)
    if isinstance(date, pa.ChunkedArray):
        date = date.combine_chunks()
    _, offsets, data = array.buffers()
    n = len(array)
    offsets = np.frombuffer(offsets, dtype=np.int64, count=n + 1, offset=array.offset * 8)
    data = np.frombuffer(data, dtype=np.uint8) if data else np.zeros(0, np.uint8)
    starts = offsets[:-1] + pc.binary_length(date).to_numpy(zero_copy_only=False).astype(np.int64)
    lengths = offsets[1:] - starts
    ends = np.concatenate([[0], np.cumsum(lengths)])
    picked = np.repeat(starts - ends[:-1], lengths) + np.arange(ends[-1])
    clock = pa.LargeStringArray.from_buffers(n, pa.py_buffer(ends), pa.py_buffer(data[picked].tobytes()))
    return np.ones(n, dtype=bool), {"date": date, "clock": clock}


def _distinct(array: pa.Array) -> tuple[np.ndarray, pa.Array]:
    encoded = pc.dictionary_encode(array)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary


@dataclass
class _Dates:
    matched: np.ndarray  # a form reads it
    values: np.ndarray  # datetime64[s]
    precision: np.ndarray  # object
    problem: np.ndarray  # object: "" or what is wrong
    caveat: np.ndarray  # object: "" or what to say of a date read (a year of two digits)


def _read_dates(texts: pa.Array, engine) -> _Dates:
    """Each date text through the forms, in order: the first that matches reads it."""
    n = len(texts)
    result = _Dates(
        np.zeros(n, dtype=bool),
        np.full(n, np.datetime64("NaT"), dtype=UNIT),
        np.full(n, "", dtype=object),
        np.full(n, "", dtype=object),
        np.full(n, "", dtype=object),
    )
    left, where = texts, np.arange(n)
    for form in FORMS:
        if not len(left):
            break
        matched, parts = engine(left, form.pattern)
        if "monthname" in parts:  # (Arrow's engine folds a look-alike into a month: Auguſt)
            name = pc.utf8_lower(parts["monthname"])
            matched &= pc.or_(pc.equal(name, ""), pc.is_in(name, value_set=_MONTH_KEYS)).to_numpy(zero_copy_only=False)
        if not matched.any():
            continue
        keep = pa.array(matched)
        at = where[matched]
        composed, precision, caveat = _date_parts(form, {name: part.filter(keep) for name, part in parts.items()})
        result.matched[at] = True
        result.values[at], result.problem[at], result.precision[at] = composed.values, composed.problem, precision
        result.caveat[at] = caveat
        left, where = left.filter(pa.array(~matched)), where[~matched]
    return result


@dataclass
class _Clocks:
    matched: np.ndarray  # "" (no clock) or CLOCK reads it
    written: np.ndarray  # a clock is there
    seconds: np.ndarray  # since midnight
    offset: np.ndarray  # object: as written ("+06:00", "Z")
    zone: np.ndarray  # object: a zone's name as written ("EST")
    problem: np.ndarray  # object


def _read_clocks(texts: pa.Array, engine) -> _Clocks:
    n = len(texts)
    written = pc.not_equal(texts, "").to_numpy(zero_copy_only=False)
    matched, parts = engine(texts, CLOCK)
    p = _Parts(parts, n)
    hour, minute, second = p.number("hour"), p.number("minute"), p.number("second")
    problem = np.full(n, "", dtype=object)
    half = p.written("ampm", "ampm2")
    zone = p.strings(p.written("zone"), "zone")
    glued = _glued_halves(zone, half, hour)
    if half.any() or glued:
        pm = pc.starts_with(pc.utf8_lower(p.part("ampm", "ampm2")), "p").to_numpy(zero_copy_only=False)
        for row, (afternoon, rest) in glued.items():
            half[row], pm[row], zone[row] = True, afternoon, rest
        for i in np.flatnonzero(half & ((hour < 1) | (hour > 12))):
            problem[i] = say(
                "{hour}:{minute:02d} {half} is not a time of day: with AM or PM the hour runs 1-12",
                hour=int(hour[i]),
                minute=int(minute[i]),
                half="PM" if pm[i] else "AM",
            )
        hour = np.where(half, hour % 12 + np.where(pm, 12, 0), hour)
    for i in np.flatnonzero((problem == "") & matched & ((hour > 23) | (minute > 59) | (second > 59))):
        problem[i] = _time_problem(int(hour[i]), int(minute[i]), int(second[i]))
    offset = p.strings(p.written("offset"), "offset")
    for row in glued:  # (11:04pmZ: UTC's letter after PM)
        if zone[row].lower() == "z":
            offset[row], zone[row] = "z", ""
    offset[offset == "z"] = "Z"
    return _Clocks(matched | ~written, written, hour * 3600 + minute * 60 + second, offset, zone, problem)


_BEHIND_UTC = re.compile(r"-\s*\d{2}(?::?\d{2})?\s*$")  # (a time's offset behind UTC, at the end)
_DAY_AND_MONTH_WAYS = ("can be read two ways: {one} ({one_order})", "can be read three ways: {one} ({one_order})")
_GLUED_HALF = re.compile(r"(?i)([ap])\.?m\.?([a-z]{1,5}|[a-z]+/[a-z_/+-]+)")  # (an abbreviation, or a zone's name)


def _glued_halves(zone: np.ndarray, half: np.ndarray, hour: np.ndarray) -> dict[int, tuple[bool, str]]:
    """AM or PM written against the zone after it, as a page's text loses the space between
    two tags (`11:04PMEST`, `3:48pmUTC`, `12:30amZ`): the zone word CLOCK reads was taken whole,
    an unknown zone, and the hour read on a 24-hour clock, 12 hours off (11:04 for 23:04).
    {row: (afternoon, the zone written after it)} where the hour is one of AM's or PM's and what
    follows them is a zone this program reads, the word itself none (PMDT, AMST and PMT are
    zones of their own, which it does not know: told as they were, never split into PM and DT)."""
    glued = {}
    for i in np.flatnonzero((zone != "") & ~half & (hour >= 1) & (hour <= 12)):
        word = _GLUED_HALF.fullmatch(zone[i])
        if word is None or _reads_zone(zone[i]) or not (_reads_zone(word[2]) or word[2].lower() == "z"):
            continue
        glued[int(i)] = (word[1].lower() == "p", word[2])
    return glued


def _reads_zone(word: str) -> bool:
    """Whether a word after a time is a zone this program reads (one offset, or several it names,
    or the time zone database's name of a place's clocks)."""
    if "/" in word:
        _iana_case(word)
        return word.lower() in _IANA_NAMES
    return word.upper() in ZONES or word.upper() in MANY_OFFSETS or word in _DOUBT_OR_ZONE


class _Parts:
    """A form's parts for the strings it matched: Arrow string arrays, "" where not written."""

    def __init__(self, parts: dict, n: int):
        self.parts, self.n = parts, n
        self.empty = pa.array([""] * n, type=pa.large_string())

    def part(self, *names) -> pa.Array:
        """The first of the parts written ("" where none is)."""
        result = None
        for name in reversed(names):
            if name in self.parts:
                value = self.parts[name]
                result = value if result is None else pc.if_else(pc.equal(value, ""), result, value)
        return self.empty if result is None else result

    def written(self, *names) -> np.ndarray:
        return pc.not_equal(self.part(*names), "").to_numpy(zero_copy_only=False)

    def strings(self, where: np.ndarray, *names) -> np.ndarray:
        """The parts as str at `where` (an object array, "" elsewhere): only the rows asked."""
        result = np.full(self.n, "", dtype=object)
        if where.any():
            result[where] = self.part(*names).filter(pa.array(where)).to_pylist()
        return result

    def number(self, *names, default=0) -> np.ndarray:
        values = np.full(self.n, default, dtype=np.int64)
        for name in names:
            if name not in self.parts:
                continue
            value = self.parts[name]
            given = pc.not_equal(value, "").to_numpy(zero_copy_only=False)
            if not given.any():
                continue
            # A part longer than any year (99999999999) is out of range, not an overflow.
            digits = pc.utf8_slice_codeunits(pc.if_else(pc.equal(value, ""), "0", value), 0, 9)
            values = np.where(given, pc.cast(digits, pa.int64()).to_numpy(), values)
        return values


def _date_parts(form: Form, parts: dict) -> tuple[_Composed, np.ndarray, np.ndarray]:
    """The dates one form matched, from their parts: values, what is wrong, precision, and a
    caveat where one was read with something to say (a year of two digits)."""
    n = len(next(iter(parts.values()))) if parts else 0
    p = _Parts(parts, n)
    problem = np.full(n, "", dtype=object)
    year_digits = pc.utf8_length(p.part("year", "year2", "year3")).to_numpy(zero_copy_only=False)
    year = p.number("year", "year2", "year3")
    written_year = year.copy()
    short = np.zeros(n, dtype=bool)  # a year of two digits
    era = pc.replace_substring(pc.utf8_lower(p.part("era", "era2")), ".", "")
    no_era = pc.equal(era, "").to_numpy(zero_copy_only=False)
    bc = pc.equal(p.part("sign"), "-").to_numpy(zero_copy_only=False) | pc.is_in(
        era, value_set=pa.array(["bc", "bce"], type=pa.large_string())
    ).to_numpy(zero_copy_only=False)
    if form.short_years:
        short = (year_digits == 2) & no_era
        if form.name == "month year":  # January 7: a day, not the year 7 (Jan-22: said below)
            short &= p.written("mark")  # (Jan '22: the apostrophe makes 22 a year)
            problem[(year_digits <= 2) & no_era & ~short] = _NO_YEAR
        else:
            problem[(year_digits == 1) & no_era] = UNREADABLE
        if short.any():
            year = np.where(short, np.where(year < TWO_DIGIT_PIVOT, 2000, 1900) + year, year)
    if form.name == "short year":
        # (0, 00: no year to write as 0000 or AD 0, which are refused too: said as year 0 below)
        for i in np.flatnonzero((year_digits < 3) & ~bc & (year != 0)):
            problem[i] = say_n(
                "is a number of {n} digit, not a year: for the year {year} write {year:04d} or "
                "AD {year}; {how_to_write}",
                "is a number of {n} digits, not a year: for the year {year} write {year:04d} or "
                "AD {year}; {how_to_write}",
                int(year_digits[i]),
                year=int(year[i]),
                how_to_write=HOW_TO_WRITE,
            )
    problem[(year == 0) & (problem == "")] = _YEAR_ZERO
    year = np.where(bc, 1 - year, year)  # astronomical: 1 BC is year 0

    month = p.number("month", default=1)
    year_first_of: dict[int, tuple[int, int, int]] = {}  # (a date read day or month first, year first too)
    named = p.written("monthname")
    if named.any():
        found = pc.index_in(pc.utf8_lower(p.part("monthname")), value_set=_MONTH_KEYS)
        month = np.where(named, _MONTH_VALUES[pc.fill_null(found, 0).to_numpy(zero_copy_only=False)], month)
    day = p.number("day", default=1)
    if form.name == "iso":
        # 1984-5: May 1984, or the years 1984 to 1985 as a chronology writes an academic or a fiscal
        # year (1984-85 is refused as two years; 2021-12, two digits, is ISO's month). A month of one
        # digit past the year's last is both: refused, naming both. (2022-1 can be only January.)
        one_digit = (pc.utf8_length(p.part("month")).to_numpy(zero_copy_only=False) == 1) & ~p.written("day", "sign")
        for i in np.flatnonzero(one_digit & (month > year % 10) & (year_digits == 4)):
            first, number = int(year[i]), int(month[i])
            problem[i] = _years_or_month(Day.of(first, number), first, first - first % 10 + number)
    if form.name == "month year":
        # Jan-22: a spreadsheet shows a month so (mmm-yy), a year of two digits; or a day with no
        # year. Both named, each with how to write it.
        for i in np.flatnonzero((year_digits == 2) & no_era & named & ~short):
            number, whole = int(written_year[i]), two_digit_year(int(written_year[i]))
            values = {"month": Day.of(whole, int(month[i])), "iso": f"{whole:04d}-{int(month[i]):02d}"}
            if 1 <= number <= _days_in(2000, int(month[i])):  # (2000: a leap year, 29 February a day)
                problem[i] = say(
                    "is {month} with a year of two digits, or day {day} of the month with no year; write {iso} for "
                    "the month, or the day with its year as YYYY-MM-DD",
                    day=number,
                    **values,
                )
            else:
                problem[i] = say("is {month} with a year of two digits; write {iso}", **values)
    if "a" in parts:
        a = p.number("a")
        # Three numbers of two digits joined by hyphens (22-01-07, ISO's order shortened) may begin
        # with the year: that reading too. (Slashes and dots, 15/03/22 and 15.03.22, are day or
        # month first, as spreadsheets write them.)
        first = (
            short
            & (pc.utf8_length(p.part("a")).to_numpy(zero_copy_only=False) == 2)
            & (pc.utf8_length(p.part("b")).to_numpy(zero_copy_only=False) == 2)
            & pc.equal(p.part("sep"), "-").to_numpy(zero_copy_only=False)
        )
        a_year, b, last = np.where(a < TWO_DIGIT_PIVOT, 2000, 1900) + a, p.number("b"), year
        day, month, year = _day_and_month(a, b, year, problem, (first, a_year, written_year), short)
        # ...and with a slash, a dot or a space too, as Japan and Korea write dates (22/01/05, 22.01.05): not
        # read so, but named where it is a date.
        two = (
            short
            & (pc.utf8_length(p.part("a")).to_numpy(zero_copy_only=False) == 2)
            & (pc.utf8_length(p.part("b")).to_numpy(zero_copy_only=False) == 2)
            & ~first
        )
        for k in np.flatnonzero(two & (written_year >= 1)).tolist():
            if not _a_day(written_year[k], b[k], a_year[k]):
                continue
            also = (int(a_year[k]), int(b[k]), int(written_year[k]))
            if problem[k] and not (_day_month(a[k], b[k]) or _day_month(b[k], a[k])):
                # (99/12/31: no other reading; 29/02/01 is said of February 2001's days, as before)
                problem[k] = say(
                    "is a date only if it is written year first with a year of two digits ({day}); write {iso}",
                    day=Day.of(*also),
                    iso=_iso_day(*also),
                )
            elif not problem[k]:
                year_first_of[k] = also
            else:  # (12.01.05: refused as day or month first; said with year first too, as 12-01-05 is)
                again = np.array([""], dtype=object)
                one = np.array([True])
                _day_and_month(
                    a[k : k + 1],
                    b[k : k + 1],
                    last[k : k + 1],
                    again,
                    (one, a_year[k : k + 1], written_year[k : k + 1]),
                    one,
                )
                problem[k] = again[0] or problem[k]
    zero = np.zeros(n, dtype=np.int64)
    composed = _compose(year, month, day, zero, zero, zero)
    composed.problem = np.where(problem != "", problem, composed.problem).astype(object)
    precision = np.where(p.written("day", "a"), "day", np.where(p.written("month") | named, "month", "year"))
    caveat = np.full(n, "", dtype=object)
    for i in np.flatnonzero(short & (composed.problem == "")):
        day_written = int(day[i]) if precision[i] == "day" else None
        other = year_first_of.get(int(i))
        if year[i] > this_year():  # (a year to come: the last century's as likely, or more)
            composed.problem[i] = _two_digit_ahead(int(year[i]), int(month[i]), day_written, int(year[i]) % 100)
        elif other is not None and other != (int(year[i]), int(month[i]), day_written):  # (05/05/05: one date)
            caveat[i] = _year_first_caveat(int(year[i]), int(month[i]), int(day[i]), other)
        else:
            caveat[i] = _two_digit_caveat(int(year[i]), int(month[i]), day_written, int(year[i]) % 100)
    # 7 January 0930: the year 930, written with four digits as ISO writes an early year, or 09:30
    # of a day whose year is missing. Read as written, and said.
    for i in np.flatnonzero(named & (year_digits == 4) & (written_year < 1000) & no_era & (composed.problem == "")):
        if written_year[i] % 100 < 60 and caveat[i] == "":  # (0975: 09:75 is no time)
            caveat[i] = _year_or_time(int(year[i]), int(month[i]), int(day[i]) if precision[i] == "day" else None)
    if form.name == "iso":
        # 2022-01-1: a day of one digit after a month written with its zero, a digit left out
        # (2022-01-14 as far as 2022-01-1, a save cut inside its last value) as likely as the 1st.
        # Read as written, and said. (2022-10-1 among 2022-9-15: a file that writes no zeros.)
        cut = (
            (pc.utf8_length(p.part("day")).to_numpy(zero_copy_only=False) == 1)
            & (pc.utf8_length(p.part("month")).to_numpy(zero_copy_only=False) == 2)
            & pc.starts_with(p.part("month"), "0").to_numpy(zero_copy_only=False)  # (2022-10-1: no zero written)
            & (day >= 1)
            & (day <= 3)
        )
        for i in np.flatnonzero(cut & (composed.problem == "") & (caveat == "")):
            caveat[i] = _day_digit_left_out(int(year[i]), int(month[i]), int(day[i])) or ""
    if "weekday" in parts:
        _check_weekdays(p, composed, precision, caveat)
    return composed, precision.astype(object), caveat


def _day_digit_left_out(year: int, month: int, day: int) -> Message | None:
    """What is said of 2022-01-1: the day it is read as, the days a digit left out would make,
    and how to write each."""
    first, last = day * 10, min(day * 10 + 9, _days_in(year, month))
    if first > last:
        return None
    return say(
        "has a day of one digit after a month of two, read as {day}: if a digit was left out ({first} to {last}), "
        "write the day in full; if {day} is meant, write {iso}",
        day=Day.of(year, month, day),
        first=_iso_day(year, month, first),
        last=_iso_day(year, month, last),
        iso=_iso_day(year, month, day),
    )


def _year_or_time(year: int, month: int, day: int | None) -> Message:
    """What is said of a month's name with a year of four digits that begin with 0 (0930)."""
    return say_year(
        "is read as {day}; if {time} is a time of day, the year is missing: write the date as YYYY-MM-DD HH:MM",
        day=Day.of(year, month, day),
        time=f"{year // 100:02d}:{year % 100:02d}",
    )


WEEKDAYS = (
    say("Monday"),
    say("Tuesday"),
    say("Wednesday"),
    say("Thursday"),
    say("Friday"),
    say("Saturday"),
    say("Sunday"),
)
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # a weekday as written, by its first three letters
GREGORIAN = np.datetime64("1582-10-15", "s")  # the first day of the Gregorian calendar (before: Julian weekdays)


def _weekday_of(value) -> int:
    """The weekday of a moment's day in the Gregorian calendar, Monday 0 (1 January 1970 was a Thursday)."""
    return (int(np.datetime64(value, "s").astype("datetime64[D]").astype(np.int64)) + 3) % 7


def _other_weekday(words: str, value) -> tuple[Message, Message, Message] | None:
    """(the day, its weekday, the weekday written) where `words` are a weekday's name that is not
    the day's of `value` (from the first day of the Gregorian calendar); else None."""
    moment = np.datetime64(value, "s")
    if not re.fullmatch(rf"(?i)(?:{_WEEKDAY_NAMES})(?:day)?\.?", words.strip()) or moment < GREGORIAN:
        return None
    weekday = _weekday_of(moment)
    said = _WEEKDAY_KEYS.index(words.strip()[:3].lower())
    if said == weekday:
        return None
    year, month, day = fields(moment)[:3]
    return Day.of(year, month, day), WEEKDAYS[weekday], WEEKDAYS[said]


def _check_weekdays(p: _Parts, composed: _Composed, precision: np.ndarray, caveat: np.ndarray) -> None:
    """A caveat where the weekday written is not its date's ("Monday, 5 January 2022" was a
    Wednesday): the date is read as written, and the day is to be checked (in live reporting the
    weekday, "on Monday", is often what was right). Said of dates read to the day, from the first
    of the Gregorian calendar (a weekday written before it is of a Julian date)."""
    written = p.written("weekday")
    at = np.flatnonzero(written & (composed.problem == "") & (precision == "day") & (composed.values >= GREGORIAN))
    if not len(at):
        return
    names = p.strings(written, "weekday")
    days = composed.values[at].astype("datetime64[D]").astype(np.int64)
    for i, weekday in zip(at.tolist(), ((days + 3) % 7).tolist()):  # (1 January 1970 was a Thursday: 3)
        said = _WEEKDAY_KEYS.index(str(names[i])[:3].lower())
        if said != weekday:
            year, month, day = fields(composed.values[i])[:3]
            caveat[i] = both(caveat[i], _other_weekday_said(year, month, day, weekday, said))


JULIAN_UNTIL = 1924  # the last countries to leave the Julian calendar (Russia 1918, Greece 1923)


def _other_weekday_said(year: int, month: int, day: int, weekday: int, said: int) -> Message:
    """A date's weekday written that is not its own (`said`, Monday 0). Where it is the weekday
    of the same date in the Julian calendar (Old Style), which Russia kept until 1918, the date
    is probably Old Style: "Sunday, 9 January 1905" is Bloody Sunday, 22 January in the Gregorian
    calendar (told only "check the day", the weekday was the one changed, a probe's)."""
    meant = _gregorian_of_julian(year, month, day) if year < JULIAN_UNTIL else None
    if meant is not None and _weekday_of(meant) == said:
        return say(
            "{day} was a {weekday} in the Gregorian calendar, which this program reads, and a {written} in the "
            "Julian calendar (Old Style: Britain kept it until 1752, Russia until 1918): if the date is Old Style, write "
            "that day in the Gregorian calendar, {date}; if not, check the day",
            day=Day.of(year, month, day),
            weekday=WEEKDAYS[weekday],
            written=WEEKDAYS[said],
            date=_as_written(meant.astype("datetime64[s]"), "day"),
        )
    return say(
        "{day} was a {weekday}, not a {written}; check the day, and write the date as YYYY-MM-DD",
        day=Day.of(year, month, day),
        weekday=WEEKDAYS[weekday],
        written=WEEKDAYS[said],
    )


_MONTH_KEYS = pa.array(list(_MONTH_NUMBERS), type=pa.large_string())
_MONTH_VALUES = np.array(list(_MONTH_NUMBERS.values()), dtype=np.int64)


DAY_FIRST, MONTH_FIRST, YEAR_FIRST = say("day first"), say("month first"), say("year first")


def _day_and_month(a, b, year, problem, year_first=None, short=None):
    """Day, month and year from two numbers in either order and a year: refused when more than
    one reading is a date. `year_first`: (where the first number may be a year of two digits,
    that year, the last number): a third reading, year first (22-01-07 is 7 January 2022 or 22
    January 2007). `short`: where the year was written with two digits (its century too is said
    when the date is refused)."""
    day, month, year = a.copy(), b.copy(), year.copy()
    for i in range(len(a)):
        if problem[i]:
            continue
        readings: list[tuple] = []
        candidates = [(a[i], b[i], year[i], DAY_FIRST), (b[i], a[i], year[i], MONTH_FIRST)]
        if year_first is not None and year_first[0][i]:
            candidates.append((year_first[2][i], b[i], year_first[1][i], YEAR_FIRST))
        for d, m, y, order in candidates:
            if _a_day(d, m, y):
                if not any((d, m, y) == (d2, m2, y2) for d2, m2, y2, _ in readings):
                    readings.append((d, m, y, order))
        if len(readings) > 2:
            problem[i] = say(
                "can be read three ways: {one} ({one_order}), {two} ({two_order}) or {three} ({three_order}); "
                "write {one_iso}, {two_iso} or {three_iso}",
                **_ways(readings, ("one", "two", "three")),
            )
            continue
        if not readings:
            # A month and a day number, the day past the month's end (4/31/2022, 31.4.2022, 2/29/2023):
            # said of the month, as 2023-02-29 is. Of each such reading, when two are (29-02-31).
            no_such_day: Message | str = ""
            for d, m, y, _ in candidates:
                if _day_month(d, m) and FIRST_YEAR <= y <= LAST_YEAR:
                    no_such_day = both(no_such_day, _no_such_day(int(y), int(m), int(d), _days_in(int(y), int(m))))
            unlike = [number for number in (int(a[i]), int(b[i])) if not 1 <= number <= 12]
            problem[i] = no_such_day or (
                say(
                    "has {number}, which can be neither a day nor a month; {how_to_write}",
                    number=unlike[0],
                    how_to_write=HOW_TO_WRITE,
                )
                if len(unlike) == 1
                else say(
                    "neither {a} nor {b} can be a month; {how_to_write}",
                    a=int(a[i]),
                    b=int(b[i]),
                    how_to_write=HOW_TO_WRITE,
                )
            )
        elif len(readings) == 2 and short is not None and short[i] and readings[0][2] == readings[1][2]:
            (d1, m1, y1, _), (d2, m2, _, _) = readings
            century = int(y1) - 100 if y1 >= 2000 else int(y1) + 100
            problem[i] = say(
                "can be read two ways: {one} ({one_order}) or {other} ({other_order}), and its year of two "
                "digits, {written:02d}, may be {century}; write it in full, year first: {one_iso} or {other_iso} "
                "(or {one_century} or {other_century})",
                **_ways(readings),
                written=int(y1) % 100,
                century=year_label(century),
                one_century=_iso_day(century, m1, d1),
                other_century=_iso_day(century, m2, d2),
            )
        elif len(readings) == 2 and readings[0][2] == readings[1][2] and _buddhist_era(int(readings[0][2])):
            # 5/1/2565: both readings in a year a Thai sheet writes for 2022 (the Buddhist Era's)
            problem[i] = say(
                "can be read two ways: {one} ({one_order}) or {other} ({other_order}), in {year}, more than {far} "
                "years ahead: if it is a Thai Buddhist Era year (543 ahead of the Gregorian), write {one_iso} or "
                "{other_iso}",
                **_ways(readings, years_back=543),
                year=int(readings[0][2]),
                far=FAR_AHEAD,
            )
        elif len(readings) == 2:
            problem[i] = say(
                "can be read two ways: {one} ({one_order}) or {other} ({other_order}); write {one_iso} or {other_iso}",
                **_ways(readings),
            )
        else:
            day[i], month[i], year[i] = readings[0][0], readings[0][1], readings[0][2]
    return day, month, year


def _ways(readings: list[tuple], names: tuple[str, ...] = ("one", "other"), years_back: int = 0) -> dict:
    """The values a message of a date read more than one way names of each reading: its day
    ({one}), its order ({one_order}: day first...) and how to write it ({one_iso}; `years_back`
    years earlier, as a Buddhist Era year's Gregorian)."""
    values: dict = {}
    for name, (day, month, year, order) in zip(names, readings):
        values[name] = Day.of(int(year), int(month), int(day))
        values[f"{name}_order"] = order
        values[f"{name}_iso"] = _iso_day(int(year) - years_back, int(month), int(day))
    return values


def _buddhist_era(year: int) -> bool:
    """Whether a year more than FAR_AHEAD years ahead is one of the Thai Buddhist Era's for a year
    from 1900 to this one (2565 is 2022)."""
    return year > this_year() + FAR_AHEAD and 1900 <= year - 543 <= this_year()


def _days_in(year: int, month: int) -> int:
    start = np.datetime64(f"{year_digits(year)}-{month:02d}", "M")
    return int(((start + 1).astype("datetime64[D]") - start.astype("datetime64[D]")).astype(np.int64))


def _offsets(written: np.ndarray, zones: np.ndarray, values: np.ndarray, problem: np.ndarray):
    """The offset of each string as shown ("+06:00", "Z"), and a warning where a zone is unknown."""
    offset = written.copy()
    offset[offset == "z"] = "Z"
    warning = np.full(len(written), "", dtype=object)
    numeric = (offset != "") & (offset != "Z")
    for value in np.unique(offset[numeric]) if numeric.any() else ():
        if not _plausible_offset(value):
            at = numeric & (offset == value)
            offset[at] = ""
            warning[at & (problem == "")] = say(
                "{offset!r} is not a UTC offset any place uses (they run from -12:00 to +14:00, with minutes "
                "below 60); the time is kept as written, with no offset. Check it, e.g. 14:30+06:00",
                offset=str(value),
            )
    for i in np.flatnonzero(zones != ""):
        if problem[i]:
            continue
        zone = str(zones[i])
        half = _half_day(zone, values[i]) or _era_after_time(zone, values[i])
        if half is not None:
            problem[i] = half
            continue
        offset[i], warning[i] = _zone_offset(zone, values[i])
    return offset, warning


def _era_after_time(word: str, value) -> Message | None:
    """An era after a time (0500-03-15 14:30 BC, as PostgreSQL writes a time BC): refused, with
    the date to write (it was taken for a zone no one knows, and the year read as AD)."""
    era = word.lower().replace(".", "")
    if era not in ("bc", "bce", "ad", "ce"):
        return None
    written = _as_written(np.datetime64(value, "s"), "minute")
    if era in ("bc", "bce") and not written.startswith("-"):
        written = "-" + written
    return say("has {era!r} after its time, where an era goes with the year; write {date}", era=word, date=written)


# AM and PM in the languages whose spreadsheets write them in Latin letters after a time: Vietnamese
# (SA, CH), Swedish, Norwegian and Danish (fm, em), Malay (PG, PTG), German (vorm., nachm.),
# Afrikaans (vm, nm), Finnish (ap, ip), Albanian (PD, MD), Czech (dop, odp), Hungarian (de., du.).
_OTHER_HALVES = {
    "sa": "AM",
    "ch": "PM",
    "fm": "AM",
    "em": "PM",
    "pg": "AM",
    "ptg": "PM",
    "vorm": "AM",
    "nachm": "PM",
    "vm": "AM",
    "nm": "PM",
    "ap": "AM",
    "ip": "PM",
    "pd": "AM",
    "md": "PM",
    "dop": "AM",
    "odp": "PM",
    "de": "AM",
    "du": "PM",
}


def _half_day(letter: str, value) -> Message | None:
    """A time of 1-12 o'clock with `a` or `p` after it (7:30p, as sports and TV listings write
    one): refused, with the time to write if it is short for AM or PM (it was taken for a zone no
    one knows, and 7:30p kept as 07:30, with a warning that the time was kept as written)."""
    word = letter.lower().rstrip(".")
    if word not in ("a", "p") and word not in _OTHER_HALVES:
        return None
    moment = np.datetime64(value, "s")
    day = moment.astype("datetime64[D]")
    seconds = int((moment - day).astype(np.int64))
    hour = seconds // 3600
    if not 1 <= hour <= 12:
        return None
    afternoon = _OTHER_HALVES.get(word, word.upper() + "M") == "PM"
    meant = day + np.timedelta64(seconds % 43200 + (43200 if afternoon else 0), "s")
    if word in _OTHER_HALVES:  # (2:30 CH: 14:30, kept as 02:30 with a warning of a zone unknown)
        return say(
            "has {word!r} after its time, perhaps a word for {half} in another language; if it is, write {date}",
            word=letter,
            half=_OTHER_HALVES[word],
            date=_as_written(meant, "minute"),
        )
    return say(
        "has {letter!r} after its time, perhaps short for {half}; if it is, write {date}",
        letter=letter,
        half="PM" if afternoon else "AM",
        date=_as_written(meant, "minute"),
    )


def _plausible_offset(written: str) -> bool:
    """Whether an offset as written ("+06:00", "+0600", "-05") is one a clock somewhere may show:
    from -12:00 (Baker Island) to +14:00 (Kiribati), its minutes below 60."""
    hours, minutes = int(written[1:3]), int(written[3:].lstrip(":") or 0)
    return minutes <= 59 and hours * 60 + minutes <= (14 if written[0] == "+" else 12) * 60


_UTC_PLUS = re.compile(r"(?i)(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?")


# Words after a time that are no zone: "o'clock" (German's Uhr, "14:30 hrs", French's h), the
# local time, and a word of nearness. Told as what they are, not as a zone to write the offset of.
_CLOCK_WORDS = frozenset({"uhr", "h", "hr", "hrs", "hours", "heures"})
_NOON_WORDS = {"noon": (12, 0), "midday": (12, 0)}  # (after that time only; midnight is a day's start or end)
_LOCAL_WORDS = frozenset({"local", "lt"})
_DOUBT_WORDS = frozenset({"approx", "approximately", "ca", "circa", "about", "around", "env", "environ"})
# (estimated, as a zone's abbreviation is read whatever its case; Est as a word begins, est. is written)
_DOUBT_OR_ZONE = frozenset({"est", "Est"})


def _zone_offset(zone: str, value) -> tuple[str, Message | str]:
    """(offset, warning) for a time zone written after a time."""
    plus = _UTC_PLUS.fullmatch(zone)
    if plus:
        sign, hours, minutes = plus.groups()
        if int(hours) <= 14 and int(minutes or 0) <= 59:
            return f"{sign}{int(hours):02d}:{minutes or '00'}", ""
    key = zone.upper()
    if zone in _DOUBT_OR_ZONE:  # (14:30 (est): an estimate as often as US Eastern time)
        time = _as_written(np.datetime64(value, "s"), "minute")
        clocks = _SEASONS[key]  # (the abbreviation New York's clocks then showed: EDT in summer, from 1970)
        shown = _offsets_at(clocks[1], np.datetime64(value, "s")) if fields(value)[0] >= clocks[4] else None
        key = _SHOWN[clocks[2], clocks[3]].get(shown[0], key) if shown else key
        ways = dict(zone=zone, key=key, offset=ZONES[key], time=time)
        if zone.islower():
            return "", say(
                "{zone!r} in lower case may say that the time is an estimate or be the zone {key} (UTC{offset}); "
                "the time is kept as written, with no offset. If it is that zone's, write {time} {key}; if it is "
                "an estimate, write {time}, and say how near it is in the description",
                **ways,
            )
        return "", say(
            "{zone!r} may say that the time is an estimate or be the zone {key} (UTC{offset}), written in capitals; "
            "the time is kept as written, with no offset. If it is that zone's, write {time} {key}; if it is an "
            "estimate, write {time}, and say how near it is in the description",
            **ways,
        )
    if key in ZONES:
        offset = _abbreviation_offset(key, value)
        return offset, (
            _off_season(zone, offset, value)
            or _home_clock_change(zone, key, value, offset)
            or _two_koreas(zone, value)
            or _before_trt(zone, key, value, offset)
        )
    if "/" in zone:
        try:
            place = zoneinfo.ZoneInfo(_iana_case(zone))
            wall = pd.Timestamp(value).to_pydatetime()
            moment = wall.replace(tzinfo=place)
            delta, other = moment.utcoffset(), moment.replace(fold=1).utcoffset()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OverflowError, OSError):
            delta = None
        if delta is not None:
            if other is None or other == delta:
                return _as_offset(delta), ""
            try:  # (a time the clocks skip reads back as another: the one they show instead)
                shown = moment.astimezone(UTC).astimezone(place).replace(tzinfo=None)
            except (ValueError, OverflowError):
                shown = wall
            after = shown if shown != wall else None  # (a time the clocks skip: what they show instead)
            return _as_offset(delta), _clock_change(zone, value, _as_offset(delta), _as_offset(other), after)
    if key in MANY_OFFSETS:
        return "", say(
            "{zone!r} names more than one UTC offset ({offsets}); the time is kept as written, with no "
            "offset. Write the offset meant instead, e.g. {example}",
            zone=zone,
            offsets=MANY_OFFSETS[key],
            example=_as_written(np.datetime64(value, "s"), "minute", example_offset(key, value)),
        )
    if re.fullmatch(rf"(?i)(?:{_WEEKDAY_NAMES})(?:day)?\.?", zone):  # 14:30 (Fri): a weekday, not a zone
        time = _as_written(np.datetime64(value, "s"), "minute")
        other = _other_weekday(zone, value)
        if other:
            return "", say(
                "{zone!r} after the time is a weekday, and {day} was a {weekday}, not a {written}: check the day; "
                "the time is read as written, with no offset",
                zone=zone,
                day=other[0],
                weekday=other[1],
                written=other[2],
            )
        return "", say(
            "{zone!r} after the time is the date's weekday, which a date cannot hold; the time is read as written, "
            "with no offset: write {time}",
            zone=zone,
            time=time,
        )
    word = zone.lower().rstrip(".")
    noon = _NOON_WORDS.get(word)
    said = noon is not None and noon == (pd.Timestamp(value).hour, pd.Timestamp(value).minute)  # (12:00 noon)
    if said or word in _CLOCK_WORDS | _LOCAL_WORDS | _DOUBT_WORDS:
        time = _as_written(np.datetime64(value, "s"), "minute")
        if said or word in _CLOCK_WORDS:
            return "", say(
                "{zone!r} after the time says it is a time of day, as the time does already; it is read as "
                "written, with no offset: write {time}",
                zone=zone,
                time=time,
            )
        if word in _LOCAL_WORDS:
            return "", say(
                "{zone!r}: a time with no offset is read as the local time where the event was already; write "
                "{time}, or the time with the place's UTC offset (e.g. {time}+06:00 for Almaty)",
                zone=zone,
                time=time,
            )
        return "", say(
            "{zone!r} after the time says how near it is, which a date cannot hold; the time is read as written: "
            "write {time}, and say how near it is in the description",
            zone=zone,
            time=time,
        )
    return "", say(
        "{zone!r} is not a time zone this program knows (UTC, GMT, EST, CET, MSK, ALMT and other zones "
        "that name one offset, or an offset such as +06:00); the time is kept as written, with no "
        "offset. Write the offset instead, e.g. 14:30+06:00",
        zone=zone,
    )


# Words that say a date is of the Julian calendar: O.S., Old Style, Julian, ст. ст., по старому стилю.
_OLD_STYLE = re.compile(
    r"(?i)o\.\s?s\.|old\s+style|julian(?:\s+calendar)?|ст\.\s?ст\.?|по\s+старому\s+стилю|старого\s+стиля"
)
# A Julian leap day that the Gregorian calendar has not (29 February 1700, 1800, 1900, or of a year BC
# before one that is no Gregorian leap year): read as the 28th, and the day after it said.
_JULIAN_LEAP_DAY = re.compile(
    r"(?i)(?=.*\bfeb|.*\d[-./]0?2[-./]29(?!\d)|\s*29[-./]0?2[-./]\d)(?P<before>.*?)(?<!\d)29(?P<after>(?!\d).*)"
)


def _julian(words: str, value, precision: str, offset: str, leap_day: bool = False) -> Message | None:
    """What is said of a day (or a time) written with words that say it is of the Julian calendar
    (`_OLD_STYLE`): its Gregorian day to write, in any year (the Orthodox churches keep the Julian
    calendar: 25 December 2021 (O.S.) is 7 January 2022); before 1752, from 1 January to 24 March,
    also the day of the next year, where the year began on 25 March (England's and its colonies'
    Old Style, from 1155). `leap_day`: `value` is the 28th of February before a Julian 29th that is written.
    None for anything else, said as other words in brackets are."""
    if precision not in ("day", "minute") or not _OLD_STYLE.fullmatch(words.strip()):
        return None
    year, month, day = fields(value)[:3]
    meant = _gregorian_of_julian(year, month, day + leap_day)
    if meant is None:
        return None
    moment = np.datetime64(value, "s")
    time = moment - moment.astype("datetime64[D]")  # (the time of day, kept)

    def written(day: np.datetime64) -> str:
        return _as_written(day.astype("datetime64[s]") + time, precision, offset)

    def said(day: np.datetime64) -> Day:
        return Day.of(*fields(day)[:3])

    lady_day = _LADY_DAY_YEARS[0] <= year < _LADY_DAY_YEARS[1] and (month, day) < (3, 25)
    other = _gregorian_of_julian(year + 1, month, day + leap_day) if lady_day else None
    if other is not None:
        return say(
            "has {words} in brackets after it: a date of the Julian calendar (Old Style), which this program "
            "does not read; in the Gregorian calendar it reads, that day is {day}, or {other_day} where the "
            "year began on 25 March (England and its colonies before 1752): write {date} or {other}",
            words=repr(words),
            day=said(meant),
            other_day=said(other),
            date=written(meant),
            other=written(other),
        )
    return say(
        "has {words} in brackets after it: a date of the Julian calendar (Old Style), which this program "
        "does not read; in the Gregorian calendar it reads, that day is {day}: write {date}",
        words=repr(words),
        day=said(meant),
        date=written(meant),
    )


def _gregorian_of_julian(year: int, month: int, day: int) -> np.datetime64 | None:
    """The Gregorian day of a day of the Julian calendar (`year` astronomical: 0 is 1 BC, a leap
    year of both), by its Julian day number; None if it is not a day of that calendar or falls
    outside the years a date holds (FIRST_YEAR to LAST_YEAR)."""
    if not (1 <= month <= 12 and 1 <= day <= (29 if month == 2 and year % 4 == 0 else _DAYS_IN[month])):
        return None
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    julian_day = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    meant = np.datetime64(julian_day - _UNIX_JULIAN_DAY, "D")
    return meant if FIRST_YEAR <= fields(meant)[0] <= LAST_YEAR else None


# The years England began on 25 March, Lady Day (from the 12th century until 1752): a date of 1
# January to 24 March may be of the year after its number.
_LADY_DAY_YEARS = (1155, 1751)  # (1751 began on 25 March, and its January to March were 1752's already)
_UNIX_JULIAN_DAY = 2440588  # (the Julian day number of 1 January 1970)


_DAYS_IN = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def old_style_day(text: str) -> Reading | None:
    """The Gregorian day of a date written as a Julian one (`25 October 1917 (O.S.)`, which `read`
    refuses, naming that day: 7 November 1917), in the year as written; None for any other text."""
    try:
        read(text)
    except DateError as error:
        told = error.args[0] if error.args else None
        if isinstance(told, Message) and told.template in _old_style_said():
            return read(str(told.values["date"]))
    return None


@functools.cache
def _old_style_said() -> frozenset[str]:
    """What `read` says of a date written as a Julian one (_julian), in both its forms."""
    said = (_julian("O.S.", np.datetime64(day), "day", "") for day in ("1917-10-25", "1700-02-10"))
    return frozenset(message.template for message in said if isinstance(message, Message))


def _place_time(written: str) -> tuple[str, str, str, str] | None:
    """(the date before, the words of place and time, the place, its zone or "" for local time)
    of a date with a place's time after it (_PLACE_TIME), or None. The place is the longest run
    of words before "time" that names a city (2:30 p.m. New York time: New York)."""
    found = _PLACE_TIME.fullmatch(written)
    if not found:
        return _place_time_in_other_words(written)
    if found["in"]:
        zone = _city_zone(found["in"])
        return (found["date"], found["words"], found["in"], zone) if zone else None
    words = list(re.finditer(r"\S+", found["place"]))
    for at, first in enumerate(words):
        place = " ".join(word.group() for word in words[at:])
        zone = _city_zone(place) or ("" if place.lower() == "local" else None)
        if zone is not None:
            date = " ".join([found["date"], *(word.group() for word in words[:at])])
            return date, found["words"][first.start() :].strip(), place, zone
    return None


def _place_time_in_other_words(written: str) -> tuple[str, str, str, str] | None:
    """_place_time of a date with a city's time after it in Russian or Kazakh, or the local time in
    the languages of LANGUAGES (2022-01-05 14:30 мск, 14:30 heure locale: _PLACE_TIME_WORDS,
    _LOCAL_TIME_WORDS)."""
    for words, place in [*_PLACE_TIME_WORDS, (_LOCAL_TIME_WORDS, "local")]:
        found = words.search(written)
        if found and not written[found.end() :].strip() and re.search(r"\d", written[: found.start()]):
            date = written[: found.start()].rstrip(" ,")
            return date, found.group(0).strip(), place, "" if place == "local" else _city_zone(place) or ""
    return None


def _city_zone(place: str | None) -> str | None:
    """The time zone named after a city (Almaty: Asia/Almaty, New York: America/New_York), or
    its zone where the database has it under another name (_CITY_ALIASES); None for any other
    words. (Only zones of two parts: America/Argentina/San_Juan is no San Juan's.)"""
    key = re.sub(r"\s+", " ", place or "").strip().lower()
    return _CITY_ALIASES.get(key) or _cities().get(key.replace(" ", "_"))


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """Each city a zone of the time zone database's own table (zone.tab: one or more zones a
    country, by their present names) is named after, lower case, with "_" for spaces. Not its
    old names and regions (Pacific/Samoa is Pago Pago's, not Apia's; Australia/Victoria is no
    Victoria's), nor an island that is a feast's name (Easter, Christmas)."""
    cities: dict[str, str] = {}
    for zone in _zone_table():
        area, _, city = zone.partition("/")
        if city and "/" not in city and city.lower() not in ("easter", "christmas"):
            cities.setdefault(city.lower(), zone)
    return cities


def _zone_table() -> list[str]:
    """The zones of zone.tab, where this machine's time zone database (or the tzdata package,
    which zoneinfo reads where the system has none) keeps it; none where neither does."""
    for folder in [*zoneinfo.TZPATH, None]:
        try:
            if folder is None:  # (the tzdata package's)
                text = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
            else:
                text = (Path(folder) / "zone.tab").read_text(encoding="utf-8")
        except (OSError, ModuleNotFoundError, ValueError):
            continue
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
        return [row[2] for row in rows if len(row) > 2]
    return []


def _off_season(zone: str, offset: str, value) -> Message | str:
    """What to say of a standard time's abbreviation written for a day its region's clocks were on
    summer time, or of a summer time's on a day they were not (_CLOCKS): "" where they showed its
    own offset that day (or one neither names: a year of other rules), or before 1970. The other
    abbreviations named after one place's clocks (HOMES: YEKT, ALMT...) are their standard time,
    said of where the clocks were on summer time (YEKT in July 2008: +05:00, the clocks +06:00;
    their summer's names are not read)."""
    clocks = _SEASONS.get(zone.upper())
    home = clocks[1] if clocks else HOMES.get(zone.upper())
    moment = np.datetime64(value, "s")
    when = moment.item()  # (a datetime, AD 1 to 9999: compared a tenth of the time numpy takes)
    if home is None or not isinstance(when, datetime) or when.year < (clocks[4] if clocks else 1970):
        return ""
    # (on a day its clocks changed, the moment's)
    offsets = _day_offsets(home, when.toordinal() - _ORDINAL_1970) or _offsets_at(home, moment)
    if offsets is None or offsets[0] == offset:
        return ""
    shown = _SHOWN[clocks[2], clocks[3]].get(offsets[0]) if clocks else ""
    if shown is None or (clocks is None and offsets[1] != offset):  # (HOMES: in summer, at its standard time)
        return ""
    if _offsets_at(home, moment, fold=1) == (offset, offsets[1]):  # (any hour: St. John's put its clocks back at 00:01)
        return ""  # (a time the clocks showed twice that night, the second time at this offset)
    if clocks is None:
        return say(
            "{zone!r} is UTC{offset}, and the time is read at that offset, as written; but at that time the clocks of "
            "{place} (and of its time zone) were on summer time, UTC{clock}. If the time is as those clocks showed it, "
            "write {example}",
            zone=zone,
            offset=offset,
            place=home.rsplit("/", 1)[1].replace("_", " "),
            clock=offsets[0],
            example=_as_written(moment, "minute", offsets[0]),
        )
    return say(
        "{zone!r} is UTC{offset}, and the time is read at that offset, as written; but at that time the clocks of {place} "
        "(and of its time zone) showed {other}, UTC{clock}. If the time is as those clocks showed it, write {example}",
        zone=zone,
        offset=offset,
        place=clocks[0],
        other=shown,
        clock=offsets[0],
        example=_as_written(moment, "minute", offsets[0]),
    )


# KST: South Korea's +09:00, and from 15 August 2015 to 4 May 2018 North Korea's +08:30 too, as its
# clocks were named then (zoneinfo's Asia/Pyongyang).
_PYONGYANG_TIME = (np.datetime64("2015-08-15T00:00", "s"), np.datetime64("2018-05-05T00:00", "s"))


def _two_koreas(zone: str, value) -> Message | str:
    """What to say of KST at a time it named two offsets (_PYONGYANG_TIME): read at South Korea's."""
    moment = np.datetime64(value, "s")
    if zone.upper() != "KST" or np.isnat(moment) or not _PYONGYANG_TIME[0] <= moment < _PYONGYANG_TIME[1]:
        return ""
    return say(
        "{zone!r} is read as South Korea's UTC+09:00; from 15 August 2015 to 4 May 2018 North Korea's clocks, at "
        "UTC+08:30, were named so too: if the time is Pyongyang's, write {example}",
        zone=zone,
        example=_as_written(moment, "minute", "+08:30"),
    )


def _before_trt(zone: str, key: str, value, offset: str) -> Message | str:
    """What to say of TRT written for a time before September 2016, when Turkey's clocks showed
    +02:00 in winter (read so: _abbreviation_offset): the name is of the +03:00 they have kept all
    year since, and a writer who gives it may mean that offset."""
    if key != "TRT" or offset == ZONES["TRT"] or np.isnat(np.datetime64(value, "s")):
        return ""
    return say(
        "{zone!r} is read at the offset of Turkey's clocks then, UTC{offset}; the name is of the UTC+03:00 they have "
        "kept all year since September 2016: if the time is at that offset, write {example}",
        zone=zone,
        offset=offset,
        example=_as_written(np.datetime64(value, "s"), "minute", ZONES["TRT"]),
    )


def _home_clock_change(zone: str, key: str, value, offset: str) -> Message | str:
    """What to say of an abbreviation named after one place's clocks (HOMES) at a time those
    clocks showed twice or never as their standard time moved (ALMT at 23:30 on 29 February
    2024: +06:00, then +05:00; MSK at 01:30 on 26 October 2014): as of the place's zone's name
    (_clock_change), read at the offset before. "" elsewhere, and where only summer time began
    or ended (the abbreviation names the standard time alone: one offset)."""
    home = HOMES.get(key)
    moment = np.datetime64(value, "s")
    if (
        home is None
        or np.isnat(moment)
        or not _clocks_change(home, int(moment.astype("datetime64[D]").astype(np.int64)))
    ):
        return ""  # (a day the clocks did not change: most, each looked up once)
    before, after = _offsets_at(home, moment), _offsets_at(home, moment, fold=1)
    if before is None or after is None or before[1] == after[1] or offset != before[1]:
        return ""
    place, wall = zoneinfo.ZoneInfo(home), moment.item()
    shown = wall.replace(tzinfo=place).astimezone(UTC).astimezone(place).replace(tzinfo=None)
    return _clock_change(zone, value, offset, after[1], shown if shown != wall else None)


def _clock_change(zone: str, value, first: str, second: str, after) -> Message:
    """What to say of a time a zone's clocks show twice (put back: `first`, then `second`) or
    never (put forward over it: `first` is the offset before, `second` after; `after` is the time
    the clocks show, after the change, at the moment read)."""
    written = _as_written(np.datetime64(value, "s"), "minute")
    if after is not None:
        later = _as_written(np.datetime64(after, "s"), "minute")
        return say(
            "{time} never happens in {zone}: the clocks are put forward over it that night (from UTC{first} "
            "to UTC{second}). It is read at UTC{first}, the offset before: the moment the clocks show as "
            "{later} after the change. Check the time, and write it with its offset (e.g. {example})",
            time=written,
            zone=zone,
            first=first,
            second=second,
            later=later.rsplit(" ", 1)[1],
            example=_as_written(np.datetime64(after, "s"), "minute", second),
        )
    return say(
        "{time} happens twice in {zone}: the clocks are put back that night, so it is first at UTC{first}, "
        "then again at UTC{second}. It is read at UTC{first}, the first; write the offset meant to say "
        "which (e.g. {example})",
        time=written,
        zone=zone,
        first=first,
        second=second,
        example=_as_written(np.datetime64(value, "s"), "minute", second),
    )


def drops_offset(said) -> bool:
    """Whether a date's warning says its offset or zone was left out (one no place uses, one this
    program does not know, one that names several): the time kept, with no offset."""
    return "the time is kept as written, with no offset" in str(getattr(said, "template", said))


def example_offset(key: str, value) -> str:
    """The offset a zone's abbreviation (upper case, of ZONES or MANY_OFFSETS) is shown with in
    an example of what to write: its own on the day of `value`; of one that names several, the
    first its table names (CST: US Central's -06:00), or a US zone's that day (ET in July: -04:00)."""
    if key in ZONES:
        return _abbreviation_offset(key, value)
    home = _MANY_HOMES.get(key)
    offsets = _offsets_at(home, np.datetime64(value, "s")) if home else None
    if offsets is not None:
        return offsets[0]
    return re.findall(r"[+-]\d{2}:\d{2}", MANY_OFFSETS[key].english())[0]


def _abbreviation_offset(key: str, value) -> str:
    """The UTC offset a zone's abbreviation names on the day of `value` (HOMES), else always:
    its own (ZONES) where that is what the place's clocks or its standard time showed that day
    (MSK in the summer of 1991, +03:00 on the clocks over a standard +02:00; in the summer of
    2010, its standard +03:00 under summer time), else the place's standard time that day (MSK
    in 2012: +04:00)."""
    home, table = HOMES.get(key), ZONES[key]
    moment = np.datetime64(value, "s")
    if home is None or np.isnat(moment) or moment < np.datetime64("1970-01-01", "s"):
        return table
    day = int(moment.astype("datetime64[D]").astype(np.int64))
    offsets = _day_offsets(home, day) or _offsets_at(home, moment)  # (a day its clocks changed: the moment's)
    if offsets is None:
        return table
    clock, standard = offsets
    return table if table in (clock, standard) else standard


@lru_cache(maxsize=4096)
def _day_offsets(home: str, day: int) -> tuple[str, str] | None:
    """`_offsets_at` for a whole day (days since 1970), when its first and last minutes agree
    (a file's dates are mostly a few days, each looked up once); None on a day the clocks changed."""
    first = np.datetime64(day, "D").astype("datetime64[s]")
    offsets = _offsets_at(home, first)
    return offsets if offsets == _offsets_at(home, first + np.timedelta64(86399, "s")) else None


@lru_cache(maxsize=4096)
def _clocks_change(home: str, day: int) -> bool:
    """Whether the clocks of zone `home` show another offset at the start of the next day than
    at the start of this one (days since 1970): a day they changed (or the night before a change
    at midnight, whose last hour they show twice: Almaty, 29 February 2024)."""
    start = np.datetime64(day, "D").astype("datetime64[s]")
    return _offsets_at(home, start) != _offsets_at(home, start + np.timedelta64(86400, "s"))


def _offsets_at(home: str, moment: np.datetime64, fold: int = 0) -> tuple[str, str] | None:
    """(the clocks' offset, the standard time's) at `moment`, a wall-clock time in zone `home`
    (`fold` 1: of a time the clocks show twice, the second)."""
    try:
        wall = moment.item()
        if not isinstance(wall, datetime):  # (a moment outside Python's years: the table's)
            return None
        when = wall.replace(tzinfo=zoneinfo.ZoneInfo(home), fold=fold)
        offset, summer = when.utcoffset(), when.dst()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OverflowError, OSError, AttributeError):
        return None
    if offset is None:
        return None
    return _as_offset(offset), _as_offset(offset - (summer or timedelta(0)))


def _as_offset(delta: timedelta) -> str:
    return as_offset(int(delta.total_seconds()))


def as_offset(seconds: int) -> str:
    """An offset of `seconds` east of UTC as ISO writes it, to the minute (towards 0: a local mean
    time of -4:56:02 is -04:56; `//` made it -04:57)."""
    minutes = int(seconds / 60)
    sign = "+" if minutes >= 0 else "-"  # (-52 s, Accra's local mean time: +00:00; -00:00 means "unknown")
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_WRITTEN_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})?")


def offset_seconds(offsets) -> tuple[np.ndarray, np.ndarray]:
    """The UTC offsets a parse keeps ("Z", "+06:00", "+0600", "-03:30", "": none) as seconds east
    of UTC, and which are given: (int64 seconds, 0 where none; bool). For comparing times
    written on different clocks."""
    codes, distinct = pd.factorize(np.asarray(offsets, dtype=object), use_na_sentinel=False)  # (a few: each once)
    seconds = np.zeros(len(distinct), dtype=np.int64)
    given = np.zeros(len(distinct), dtype=bool)
    for at, written in enumerate(distinct.tolist()):
        if written == "Z":
            given[at] = True
        elif isinstance(written, str) and (parts := _WRITTEN_OFFSET.fullmatch(written)):
            sign, hours, minutes = parts.groups()
            seconds[at] = (-1 if sign == "-" else 1) * (int(hours) * 3600 + int(minutes or 0) * 60)
            given[at] = True
    return seconds[codes], given[codes]


def _iana_case(zone: str) -> str:
    """A time zone's name as the time zone database spells it (Africa/Dar_es_Salaam,
    America/Port-au-Prince), whatever its case as written; as written if it has none such."""
    if not _IANA_NAMES:
        _IANA_NAMES.update({name.lower(): name for name in zoneinfo.available_timezones()})
    return _IANA_NAMES.get(zone.lower(), zone)


_IANA_NAMES: dict[str, str] = {}  # (lower case -> as the database spells it; filled when first asked)


# --- showing dates ------------------------------------------------------------------------------


def fields(value) -> tuple[int, int, int, int, int]:
    """(astronomical year, month, day, hour, minute) of a datetime64, Timestamp or datetime."""
    if isinstance(value, pd.Timestamp):
        value = value.as_unit("s").to_datetime64()
    elif isinstance(value, datetime):
        value = np.datetime64(value.replace(tzinfo=None), "s")
    second = np.datetime64(value, "s")
    when = second.item()  # (AD 1 to 9999: Python's datetime, a tenth of the time; else an int)
    if isinstance(when, datetime):
        return when.year, when.month, when.day, when.hour, when.minute
    year = int(second.astype("datetime64[Y]").astype(np.int64)) + 1970
    months = second.astype("datetime64[M]")
    month = int(months.astype(np.int64) % 12) + 1
    day = int((second.astype("datetime64[D]") - months.astype("datetime64[D]")).astype(np.int64)) + 1
    seconds_of_day = int((second - second.astype("datetime64[D]")).astype(np.int64))
    return year, month, day, seconds_of_day // 3600, seconds_of_day % 3600 // 60


def _six_digit_days(digits: str) -> bool:
    """Whether six digits read as a day in any order of a day, a month and a year of two digits
    (YYMMDD, DDMMYY, MMDDYY): 200112 does (2020-01-12), 201502 does not."""
    pairs = [int(digits[i : i + 2]) for i in (0, 2, 4)]
    for year, month, day in (
        (pairs[0], pairs[1], pairs[2]),
        (pairs[2], pairs[1], pairs[0]),
        (pairs[2], pairs[0], pairs[1]),
    ):
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000 + year, month)[1]:
            return True
    return False


def _second(value) -> int:
    """The seconds past the minute of a datetime64, Timestamp or datetime (0-59)."""
    if isinstance(value, pd.Timestamp):
        value = value.as_unit("s").to_datetime64()
    elif isinstance(value, datetime):
        value = np.datetime64(value.replace(tzinfo=None), "s")
    return int(np.datetime64(value, "s").astype(np.int64) % 60)


def year_label(year: int) -> str:
    """An astronomical year as a reader writes it: 2022, AD 600, 500 BC (year 0 is 1 BC)."""
    if year <= 0:
        return f"{1 - year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def year_as_written(value) -> int:
    """The year as historians and TimelineJS count it: -500 for 500 BC, 600 for AD 600."""
    year = fields(value)[0]
    return year if year > 0 else year - 1


def year_digits(year: int) -> str:
    """An astronomical year as ISO 8601 and plotly.js write it: 0600, -0499."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def iso_text(values) -> np.ndarray:
    """datetime64 values as ISO text that plotly.js reads: years with four digits, -0499 too."""
    values = np.asarray(values, dtype=UNIT)
    text = np.datetime_as_string(values, unit="s")
    negative = values < np.datetime64("0000-01-01T00:00:00", "s")
    if negative.any():
        for i in np.flatnonzero(negative & ~np.isnat(values)):
            year, rest = text[i][1:].split("-", 1)
            text[i] = f"-{int(year):04d}-{rest}"
    return text


def _long_day(year: int, month: int, day: int) -> str:
    return f"{day} {calendar.month_name[month]} {year_label(year)}"


class Day(Message):
    """A day (or a month, or a day and a time) in a message, written as the reader's language
    writes it: "7 January 2022", "7 janvier 2022" (timeline.i18n, CLDR)."""

    kind = "day"

    @classmethod
    def of(
        cls,
        year: int,
        month: int,
        day: int | None = None,
        hour: int | None = None,
        minute: int | None = None,
        second: int | None = None,
    ) -> Day:
        values = {"year": int(year), "month": int(month)}
        if day is not None:
            values["day"] = int(day)
        if hour is not None:
            values["hour"], values["minute"] = int(hour), int(minute or 0)
            if second:
                values["second"] = int(second)
        return cls("", values)

    def english(self) -> str:
        v = self.values
        if "day" not in v:
            return f"{calendar.month_name[v['month']]} {year_label(v['year'])}"
        text = _long_day(v["year"], v["month"], v["day"])
        if "hour" not in v:
            return text
        return f"{text}, {v['hour']:02d}:{v['minute']:02d}" + (f":{v['second']:02d}" if v.get("second") else "")

    def __str__(self) -> str:
        v = self.values
        if i18n.current() == i18n.ENGLISH or not i18n.speaks(i18n.CHECK) or not 1 <= v["year"] <= 9999:
            return self.english()
        if "day" not in v:
            return i18n.month(v["year"], v["month"]) or self.english()  # (None outside years 1-9999)
        if "hour" not in v:
            return i18n.day(v["year"], v["month"], v["day"]) or self.english()
        return (
            i18n.minute(v["year"], v["month"], v["day"], v["hour"], v["minute"], second=v.get("second", 0))
            or self.english()
        )


class Year(Message):
    """A year in a message, as the reader's language writes it: 2022; 500 BC, "500 av. J.-C.",
    "500 г. до н. э." (timeline.i18n.era_date, for a year before AD 1000)."""

    kind = "year"

    @classmethod
    def of(cls, year: int) -> Year:
        return cls("", {"year": int(year)})

    def english(self) -> str:
        return year_label(self.values["year"])

    def __str__(self) -> str:
        year = self.values["year"]
        if i18n.current() == i18n.ENGLISH or not i18n.speaks(i18n.CHECK) or year >= 1000:
            return self.english()
        return i18n.era_date(year) or self.english()


def _iso_day(year: int, month: int, day: int) -> str:
    return f"{year_digits(year) if year > 0 else '-' + format(1 - year, '04d')}-{month:02d}-{day:02d}"


def span(start, precision: str, offset: str = "", end=None, end_precision: str = "") -> str:
    """An event's or an account's date as a reader reads it: its start, and " to " its end where
    it has one ("5 January 2022 to 19 January 2022"), in the language in force."""
    text = label(start, precision, offset)
    if end_precision and end is not None and not pd.isna(end):
        text += i18n.gettext(" to ") + label(end, end_precision)
    return text


def label(value, precision: str, offset: str = "") -> str:
    """A date as a reader reads it, at its precision: "January 2022", "7 January 2022, 14:30"
    ("14:30:15" where it has seconds), "500 BC"."""
    if value is None or not precision or pd.isna(value):
        return ""
    year, month, day, hour, minute = fields(value)
    second = _second(value) if precision == "minute" else 0  # (shown where written: 14:30:15)
    if i18n.current() != i18n.ENGLISH and year < 1000:  # (500 av. J.-C., janvier 600 ap. J.-C.)
        text = i18n.era_date(year, *((month,) if precision == "month" else (month, day) if precision != "year" else ()))
        if precision == "minute":  # (joined as the language joins a day and a time)
            text = i18n.with_time(text or "", hour, minute, second=second)
            if offset:
                text += f" ({_utc(offset)})"
        return text or ""
    if i18n.current() != i18n.ENGLISH and precision in ("month", "day", "minute") and year <= 9999:
        return _reader_label(year, month, day, hour, minute, precision, offset, second)
    if precision == "year":
        return year_label(year)
    if precision == "month":
        return f"{calendar.month_name[month]} {year_label(year)}"
    text = _long_day(year, month, day)
    if precision == "minute":
        text += f", {hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        if offset:
            text += f" ({_utc(offset)})"
    return text


def _utc(offset: str) -> str:
    """An offset as a reader reads it, however it was written: UTC, UTC+06:00 (for +06:00, +0600
    and +06 alike)."""
    if offset == "Z":
        return "UTC"
    digits = offset[1:].replace(":", "")
    if len(digits) in (2, 4) and digits.isdigit():
        return f"UTC{offset[0]}{digits[:2]}:{digits[2:] or '00'}"
    return "UTC" + offset


def _reader_label(year, month, day, hour, minute, precision: str, offset: str, second: int = 0) -> str:
    """`label` in the language in force, as CLDR writes it (timeline.i18n, Babel)."""
    if precision == "month":
        return i18n.month(year, month) or ""  # (None outside years 1-9999, which `label` keeps)
    if precision == "day":
        return i18n.day(year, month, day) or ""
    text = i18n.minute(year, month, day, hour, minute, second=second) or ""
    if offset:
        text += f" ({_utc(offset)})"
    return text


def span_end(value, precision: str) -> pd.Timestamp:
    """The last moment a date at its precision covers: 2022-01 ends at the end of January."""
    second = _fields_to_second(value)
    last = last_moment(pd.Series(np.array([second], dtype=UNIT)), pd.Series([precision], dtype="str"))
    return pd.Timestamp(last.iloc[0])


def _fields_to_second(value) -> np.datetime64:
    if isinstance(value, pd.Timestamp):
        return value.as_unit("s").to_datetime64()
    return np.datetime64(value, "s")


def last_moment(values: pd.Series, precision: pd.Series) -> pd.Series:
    """Vectorised `span_end`: the last second each date covers at its precision."""
    values = pd.Series(values)
    return pd.Series(_last_moments(values.to_numpy(), precision), index=values.index, name=values.name)


def _last_moments(value: np.ndarray, precision) -> np.ndarray:
    """last_moment of a numpy array of dates. (In numpy: the pandas calls it took cost a load of
    a handful of rows more than parsing their dates.)"""
    out = value.copy()
    level = np.asarray(precision, dtype=object)
    one = np.timedelta64(1, "s")
    for name, unit in (("year", "datetime64[Y]"), ("month", "datetime64[M]")):
        mask = level == name
        if mask.any():
            out[mask] = (value[mask].astype(unit) + 1).astype(UNIT) - one
    mask = level == "day"
    if mask.any():
        out[mask] = value[mask] + np.timedelta64(1, "D") - one
    return out


def _strings(distinct: np.ndarray, take: np.ndarray, index: pd.Index) -> pd.Series:
    """pd.Series(distinct[take], index=index, dtype="str"), taken in Arrow (no object array)."""
    return pd.Series(pa.array(distinct, type=pa.large_string()).take(pa.array(take)), index=index, dtype="str")


# (Made once the module's helpers are defined: a year of two digits' caveat's template, which
# tells that warning from others: _readings, _caveat_with_clock.)
_TWO_DIGITS = _two_digit_caveat(2022, 1, 7, 22).template
_TWO_DIGIT_CAVEATS = (_TWO_DIGITS, _year_first_caveat(2005, 7, 14, (2014, 7, 5)).template)


def says_two_digit_year(said) -> bool:
    """Whether a date's caveat is only that its year has two digits (7/14/05: read as 2005, 1905
    may be meant; 14.07.05: or 5 July 2014, year first), or that and its time of 0:00, as a
    spreadsheet's date and time format writes a day (7/14/05 0:00)."""
    if getattr(said, "template", None) == _BOTH:
        return says_two_digit_year(said.values["first"]) and says_midnight(said.values["second"])
    return getattr(said, "template", None) in _TWO_DIGIT_CAVEATS
