"""Dates as editors write them: parsed once per distinct string, precision kept.

A date is a wall-clock time as written. An offset such as `+06:00` is kept as
text for display but never used to convert: the same string means the same
day and time for every reader.

Precision is one of `year`, `month`, `day`, `minute`, inferred from what is
written (`2022` is a year, `Jan 2022` a month).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from dateutil import parser as dateutil_parser

PRECISIONS = ("year", "month", "day", "minute")
UNIT = "datetime64[s]"

# ISO shapes parsed in bulk, without per-value Python: (pattern, strptime format, precision).
_ISO_SHAPES = (
    (r"\d{4}", "%Y", "year"),
    (r"\d{4}-\d{2}", "%Y-%m", "month"),
    (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d", "day"),
    (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "%Y-%m-%d %H:%M", "minute"),
    (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", "%Y-%m-%dT%H:%M", "minute"),
    (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", "%Y-%m-%d %H:%M:%S", "minute"),
    (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", "%Y-%m-%dT%H:%M:%S", "minute"),
)

_ISO_LOOSE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2})"
    r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<offset>\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?)?)?)?"
)
# Day and month as numbers, either order: 03/04/2022, 3.4.22, 03 04 2022 (dateutil would
# silently read these month first).
_NUMERIC = re.compile(r"(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4}|\d{2})")
_OFFSET_TAIL = re.compile(r"\s*(Z|[+-]\d{2}(?::?\d{2})?)$")

# Common English forms parsed in bulk (Arrow's regex, numpy arithmetic), as dateutil reads
# them: "7 January 2022", "Jan 7, 2022", either with " 14:30", and "January 2022". Anything
# else, or a day or time out of range, goes through parse_one.
_MONTH_NUMBERS = {name.lower(): number for number, names in enumerate(dateutil_parser.parserinfo.MONTHS, 1)
                  for name in names}
_MONTH = "(?P<month>(?i:" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + "))"
_DAY, _YEAR = "(?P<day>[0-9]{1,2})", "(?P<year>[1-9][0-9]{3})"
_TIME = "(?: (?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}))?"
_ENGLISH = (
    f"^{_DAY} {_MONTH} {_YEAR}{_TIME}$",
    f"^{_MONTH} {_DAY}, {_YEAR}{_TIME}$",
    f"^{_MONTH} {_YEAR}$",
)

_DEFAULT_A = datetime(2000, 1, 1, 0, 0)
_DEFAULT_B = datetime(2004, 2, 2, 1, 1)

HOW_TO_WRITE = "write it as YYYY-MM-DD (e.g. 2022-01-07), YYYY-MM, YYYY or YYYY-MM-DD HH:MM"


class DateError(ValueError):
    """A date string that cannot be read; the message says why and how to fix it."""


@dataclass
class ParsedDates:
    """One column of dates, parsed: aligned with the input series.

    Each distinct string is parsed once: a row's value, precision and offset are those of its
    string, `distinct_*[take]`. `precision` and `offset` are made from these when asked for.
    """

    value: pd.Series            # datetime64[s], NaT where empty or unreadable
    errors: dict[str, str]      # unreadable string -> message
    distinct_value: np.ndarray  # datetime64[s], per distinct string
    distinct_precision: np.ndarray  # object array of str, per distinct string
    distinct_offset: np.ndarray     # object array of str, per distinct string
    take: np.ndarray            # per row: the position of its string among the distinct ones
    blank: bool = False         # no distinct strings at all (an empty column)
    _columns: dict = field(default_factory=dict, repr=False)

    @property
    def precision(self) -> pd.Series:
        """One of PRECISIONS, or "" where empty or unreadable."""
        return self._column("precision", self.distinct_precision)

    @property
    def offset(self) -> pd.Series:
        """The written UTC offset ("+06:00"), usually ""."""
        return self._column("offset", self.distinct_offset)

    def _column(self, name: str, distinct: np.ndarray) -> pd.Series:
        if name not in self._columns:
            index = self.value.index
            self._columns[name] = (pd.Series([""] * len(index), index=index, dtype="str") if self.blank
                                   else _strings(distinct, self.take, index))
        return self._columns[name]

    def last(self) -> pd.Series:
        """`last_moment` of each row: worked out once per distinct string."""
        last = last_moment(pd.Series(self.distinct_value), pd.Series(self.distinct_precision, dtype="str"))
        return pd.Series(last.to_numpy()[self.take], index=self.value.index)

    def leave_out(self, rows: np.ndarray) -> None:
        """The rows in the mask get no date: NaT, no precision, no offset."""
        self.value[rows] = np.datetime64("NaT")
        self.distinct_value = np.append(self.distinct_value, np.datetime64("NaT")).astype(UNIT)
        self.distinct_precision = np.append(self.distinct_precision, "").astype(object)
        self.distinct_offset = np.append(self.distinct_offset, "").astype(object)
        self.take = np.where(rows, len(self.distinct_value) - 1, self.take)
        self._columns.clear()


def parse_one(text: str) -> tuple[datetime, str, str]:
    """Parse one date string: (wall-clock datetime, precision, offset as written).

    Raises DateError with a message for the editor.
    """
    text = text.strip()
    if not text:
        raise DateError("is empty")
    match = _ISO_LOOSE.fullmatch(text)
    if match:
        return _from_iso_parts(match)
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        return _from_numeric(text, numeric)
    return _from_words(text)


def _from_iso_parts(match: re.Match) -> tuple[datetime, str, str]:
    parts = match.groupdict()
    year = int(parts["year"])
    month = int(parts["month"] or 1)
    day = int(parts["day"] or 1)
    hour = int(parts["hour"] or 0)
    minute = int(parts["minute"] or 0)
    second = int(parts["second"] or 0)
    if year < 1:
        raise DateError("year 0 does not exist; years start at 0001")
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist (months run 01-12); {HOW_TO_WRITE}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateError(
            f"{calendar.month_name[month]} {year} has {days} days, so day {day} does not exist"
        )
    if hour > 23:
        raise DateError(f"{hour:02d}:{minute:02d} is not a time of day (hours run 00-23)")
    if minute > 59 or second > 59:
        raise DateError(f"{hour:02d}:{minute:02d} is not a time of day (minutes run 00-59)")
    precision = (
        "minute" if parts["hour"] else "day" if parts["day"] else "month" if parts["month"] else "year"
    )
    offset = (parts["offset"] or "").strip()
    return datetime(year, month, day, hour, minute, second), precision, offset


def _from_numeric(text: str, match: re.Match) -> tuple[datetime, str, str]:
    first, _, second, year = match.groups()
    a, b, y = int(first), int(second), int(year)
    if len(year) == 2:
        y = dateutil_parser.parserinfo().convertyear(y)  # as dateutil reads 22: 2022
    if y < 1:
        raise DateError("year 0 does not exist; years start at 0001")
    readings = []
    for day, month, order in ((a, b, "day first"), (b, a, "month first")):
        try:
            readings.append((datetime(y, month, day), order))
        except ValueError:
            pass
    if not readings:
        raise DateError(f"neither {a} nor {b} can be a month; {HOW_TO_WRITE}")
    if len(readings) == 2 and readings[0][0] != readings[1][0]:
        (d1, o1), (d2, o2) = readings
        raise DateError(
            f"can be read two ways: {long_day(d1)} ({o1}) or {long_day(d2)} ({o2}); "
            f"write {d1:%Y-%m-%d} or {d2:%Y-%m-%d}"
        )
    return readings[0][0], "day", ""


def _from_words(text: str) -> tuple[datetime, str, str]:
    try:
        a = dateutil_parser.parse(text, default=_DEFAULT_A)
        b = dateutil_parser.parse(text, default=_DEFAULT_B)
    except Exception as error:  # dateutil also raises decimal errors, for "0:1" + 28 zeros
        raise DateError(f"is not a date that can be read; {HOW_TO_WRITE}") from error
    if a.year != b.year:
        raise DateError(f"has no year; {HOW_TO_WRITE}")
    if a.month != b.month:
        if a.day == b.day:
            raise DateError(f"has a day but no month; {HOW_TO_WRITE}")
        precision = "year"
    elif a.day != b.day:
        precision = "month"
    elif a.hour != b.hour:
        precision = "day"
    else:
        precision = "minute"
    if precision in ("year", "month") and (a.hour, a.minute) == (b.hour, b.minute):
        raise DateError(f"has a time but no day; {HOW_TO_WRITE}")
    when = a.replace(tzinfo=None)
    if precision in ("year", "month"):
        # A weekday ("Friday 2022") moves dateutil's default day; the value is the 1st.
        when = when.replace(month=1 if precision == "year" else when.month, day=1)
    tail = _OFFSET_TAIL.search(text)
    offset = tail.group(1) if tail and a.tzinfo is not None else ""
    return when, precision, offset


def parse_series(texts: pd.Series) -> ParsedDates:
    """Parse a column of date strings, each distinct string once.

    ISO shapes go through pandas in bulk; only the rest (free-form English,
    numeric forms and mistakes) go through Python one distinct string at a time.
    """
    codes, uniques = pd.factorize(texts, sort=False)
    uniques = pd.Series(uniques, dtype="str").str.strip()
    n = len(uniques)
    values = np.full(n, np.datetime64("NaT"), dtype=UNIT)
    precision = np.full(n, "", dtype=object)
    offset = np.full(n, "", dtype=object)
    done = np.zeros(n, dtype=bool)
    done[(uniques == "").to_numpy()] = True
    # ISO shapes in ASCII, with a real date and time: numpy on their bytes. The others (a day
    # or time out of range, digits that are not ASCII) as pandas reads each shape.
    unsure = _parse_iso_bytes(uniques, values, precision, done)
    if len(unsure):
        _parse_iso_shapes(uniques.iloc[unsure], unsure, values, precision, done)
    rest = np.flatnonzero(~done)
    if len(rest):
        try:
            _parse_english(uniques.iloc[rest], rest, values, precision, done)
        except (pa.ArrowInvalid, ValueError):
            pass  # a text the bulk pass cannot take (`Auguſt 2022`): read one by one below
        rest = np.flatnonzero(~done)
    errors: dict[str, str] = {}
    for i, text in zip(rest, uniques.iloc[rest].tolist()):
        try:
            when, level, written_offset = parse_one(text)
        except DateError as error:
            errors[text] = str(error)
            continue
        values[i] = np.datetime64(when, "s")
        precision[i] = level
        offset[i] = written_offset
    index = texts.index
    take = np.where(codes < 0, 0, codes) if n else codes
    if n == 0:
        empty = pd.Series(np.full(len(texts), np.datetime64("NaT"), dtype=UNIT), index=index)
        return ParsedDates(empty, errors, np.full(1, np.datetime64("NaT"), dtype=UNIT),
                           np.array([""], dtype=object), np.array([""], dtype=object),
                           np.zeros(len(texts), dtype=np.intp), blank=True)
    return ParsedDates(pd.Series(values[take], index=index), errors, values, precision, offset, take)


def _parse_iso_shapes(texts: pd.Series, index: np.ndarray, values, precision, done) -> None:
    """Fill values/precision/done at index for the texts in one of _ISO_SHAPES, as pandas reads it."""
    todo = ~done[index]
    for pattern, fmt, level in _ISO_SHAPES:
        shaped = texts.str.fullmatch(pattern).to_numpy(dtype=bool) & todo
        if not shaped.any():
            continue
        parsed = pd.to_datetime(texts[shaped], format=fmt, errors="coerce")
        ok = (parsed.dt.year >= 1).to_numpy(dtype=bool)  # NaT, and year 0, go to parse_one
        where = np.flatnonzero(shaped)[ok]
        values[index[where]] = parsed[ok].to_numpy().astype(UNIT)
        precision[index[where]] = level
        done[index[where]] = True
        todo[where] = False


# _ISO_SHAPES by length, as bytes: "d" a digit, "T" a space or a T, else that character.
_ISO_LAYOUTS = {4: ("dddd", "year"), 7: ("dddd-dd", "month"), 10: ("dddd-dd-dd", "day"),
                16: ("dddd-dd-ddTdd:dd", "minute"), 19: ("dddd-dd-ddTdd:dd:dd", "minute")}


def _parse_iso_bytes(texts: pd.Series, values, precision, done) -> np.ndarray:
    """Fill values/precision/done for the ASCII texts in an ISO shape (see _ISO_SHAPES) that
    are real dates and times, from their bytes. Returns the positions pandas must look at:
    texts not in ASCII, and texts in an ISO shape that is not a real date or time (pandas
    reads some of those, as 10:00:60 for 10:01:00)."""
    array = pa.array(texts.array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if array.type not in (pa.string(), pa.large_string()) or array.null_count or not len(array):
        return np.flatnonzero(~done)  # (not as expected: pandas reads them all)
    ascii = pc.string_is_ascii(array).to_numpy(zero_copy_only=False)
    unsure = [np.flatnonzero(~ascii & ~done)]
    _, offsets, data = array.buffers()
    width = np.int64 if array.type == pa.large_string() else np.int32
    offsets = np.frombuffer(offsets, dtype=width, count=len(array) + 1,
                            offset=array.offset * np.dtype(width).itemsize).astype(np.int64)
    data = np.frombuffer(data, dtype=np.uint8) if data else np.zeros(0, np.uint8)
    lengths = np.diff(offsets)
    for length, (layout, level) in _ISO_LAYOUTS.items():
        at = np.flatnonzero((lengths == length) & ascii & ~done)
        if not len(at):
            continue
        chars = data[offsets[at, None] + np.arange(length)]
        shaped = np.ones(len(at), dtype=bool)
        digit_positions = [i for i, c in enumerate(layout) if c == "d"]
        for i, c in enumerate(layout):
            if c == "d":
                shaped &= (chars[:, i] >= ord("0")) & (chars[:, i] <= ord("9"))
            elif c == "T":
                shaped &= (chars[:, i] == ord(" ")) | (chars[:, i] == ord("T"))
            else:
                shaped &= chars[:, i] == ord(c)
        at, chars = at[shaped], chars[shaped]
        digits = chars[:, digit_positions].astype(np.int64) - ord("0")
        number = lambda k, n: (digits[:, k:k + n] * 10 ** np.arange(n - 1, -1, -1)).sum(axis=1)
        parts = [number(0, 4)] + [number(k, 2) for k in range(4, digits.shape[1], 2)]
        one, zero = np.ones(len(at), np.int64), np.zeros(len(at), np.int64)
        year, month, day, hour, minute, second = parts + [one, one, zero, zero, zero][len(parts) - 1:]
        month_start = ((year - 1970) * 12 + np.clip(month, 1, 12) - 1).astype("datetime64[M]")
        days = ((month_start + 1).astype("datetime64[D]") - month_start.astype("datetime64[D]")).astype(np.int64)
        real = ((year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= days)
                & (hour <= 23) & (minute <= 59) & (second <= 59))
        unsure.append(at[~real])
        at = at[real]
        values[at] = (month_start[real].astype("datetime64[D]").astype(UNIT)
                      + (day[real] - 1) * np.timedelta64(86400, "s") + hour[real] * np.timedelta64(3600, "s")
                      + minute[real] * np.timedelta64(60, "s") + second[real] * np.timedelta64(1, "s"))
        precision[at] = level
        done[at] = True
    return np.sort(np.concatenate(unsure))


def _strings(distinct: np.ndarray, take: np.ndarray, index: pd.Index) -> pd.Series:
    """pd.Series(distinct[take], index=index, dtype="str"), taken in Arrow (no object array)."""
    return pd.Series(pa.array(distinct, type=pa.large_string()).take(pa.array(take)), index=index, dtype="str")


def _parse_english(texts: pd.Series, index: np.ndarray, values, precision, done) -> None:
    """Fill values/precision/done at index for the texts in one of the _ENGLISH forms."""
    texts = pa.array(texts.array)
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    # The first form begins with an ASCII digit, the others with a month's name: each form
    # is looked for only among the texts that begin as it does.
    digit = pc.match_substring_regex(texts, "^[0-9]").to_numpy(zero_copy_only=False)
    for patterns, some in ((_ENGLISH[:1], digit), (_ENGLISH[1:], ~digit)):
        if some.any():
            _parse_english_forms(texts.filter(pa.array(some)), index[some], patterns, values, precision, done)


def _parse_english_forms(texts: pa.Array, index: np.ndarray, patterns, values, precision, done) -> None:
    for pattern in patterns:
        parts = pc.extract_regex(texts, pattern)
        if isinstance(parts, pa.ChunkedArray):
            parts = parts.combine_chunks()
        matched = parts.is_valid().to_numpy(zero_copy_only=False)
        if not matched.any():
            continue
        parts = parts.filter(pa.array(matched))
        fields = {f.name: parts.field(f.name) for f in parts.type}

        def number(name, default):
            if name not in fields:
                return np.full(len(parts), default, dtype=np.int64)
            field = fields[name].cast(pa.string())
            empty = pc.equal(field, "")
            digits = pc.if_else(empty, str(default), field)
            return pc.cast(digits, pa.int64()).to_numpy()

        year, day = number("year", 1), number("day", 1)
        hour, minute = number("hour", 0), number("minute", 0)
        names = pc.index_in(pc.utf8_lower(fields["month"]), value_set=pa.array(list(_MONTH_NUMBERS)))
        month = np.array(list(_MONTH_NUMBERS.values()), dtype=np.int64)[names.to_numpy()]
        first_day = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
        days = (first_day + 1).astype("datetime64[D]") - first_day.astype("datetime64[D]")
        ok = (day >= 1) & (day <= days.astype(np.int64)) & (hour <= 23) & (minute <= 59)
        when = (first_day.astype("datetime64[D]").astype(UNIT) + (day - 1) * np.timedelta64(86400, "s")
                + hour * np.timedelta64(3600, "s") + minute * np.timedelta64(60, "s"))
        if "hour" in fields:
            level = np.where(pc.equal(fields["hour"], "").to_numpy(zero_copy_only=False), "day", "minute")
        else:
            level = np.full(len(parts), "month" if "day" not in fields else "day", dtype=object)
        where = np.flatnonzero(matched)[ok]
        target = index[where]
        values[target] = when[ok]
        precision[target] = level[ok]
        done[target] = True
        keep = np.ones(len(texts), dtype=bool)
        keep[where] = False
        texts, index = texts.filter(pa.array(keep)), index[keep]


def long_day(when: datetime) -> str:
    return f"{when.day} {calendar.month_name[when.month]} {when.year}"


def label(value, precision: str, offset: str = "") -> str:
    """A date as a reader reads it, at its precision: "January 2022", "7 January 2022, 14:30"."""
    if value is None or pd.isna(value) or not precision:
        return ""
    when = pd.Timestamp(value)
    if precision == "year":
        text = f"{when.year}"
    elif precision == "month":
        text = f"{calendar.month_name[when.month]} {when.year}"
    elif precision == "day":
        text = f"{when.day} {calendar.month_name[when.month]} {when.year}"
    else:
        text = f"{when.day} {calendar.month_name[when.month]} {when.year}, {when:%H:%M}"
        if offset:
            text += f" ({'UTC' if offset == 'Z' else 'UTC' + offset})"
    return text


def span_end(value, precision: str):
    """The last moment a date at its precision covers: 2022-01 ends at the end of January."""
    when = pd.Timestamp(value)
    if precision == "year":
        return when + pd.DateOffset(years=1) - pd.Timedelta(seconds=1)
    if precision == "month":
        return when + pd.DateOffset(months=1) - pd.Timedelta(seconds=1)
    if precision == "day":
        return when + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)
    return when


def last_moment(values: pd.Series, precision: pd.Series) -> pd.Series:
    """Vectorised `span_end`: the last second each date covers at its precision."""
    values = pd.Series(values)
    out = values.copy()
    one = np.timedelta64(1, "s")
    for level, step in (("year", "YS"), ("month", "MS")):
        mask = (precision == level).to_numpy()
        if mask.any():
            start = values[mask].to_numpy().astype("datetime64[M]" if level == "month" else "datetime64[Y]")
            nxt = (start + 1).astype(UNIT)
            out[mask] = nxt - one
    mask = (precision == "day").to_numpy()
    if mask.any():
        out[mask] = values[mask].to_numpy() + np.timedelta64(1, "D") - one
    return out


# --- the year as a historian writes it (minimal; the BCE rewrite of this module replaces it) ---


def year_as_written(value) -> int:
    """The year as historians write it: -500 for 500 BC (astronomical -499), 600 for AD 600."""
    year = int(str(np.datetime64(value, "Y")))
    return year if year > 0 else year - 1
