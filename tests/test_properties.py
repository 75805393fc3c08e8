"""Property tests: arbitrary text and bytes never crash the date parser or the loader.

Each property stays well under ten seconds (about 200 examples, no deadline).
"""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline import dates, schema
from timeline.dates import DateError
from timeline.links import is_web_link

# Any warning is a failure (a library's own, such as dateutil's UnknownTimezoneWarning, must never
# reach an editor), and so is an exception pyarrow swallows (and prints).
pytestmark = [
    pytest.mark.filterwarnings("error"),
    pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning"),
]

# 100 examples a property, Hypothesis's own default (200 took 85 s of the suite's time, against the
# 15 minutes `make test` is kept under); TIMELINE_EXAMPLES=20000 runs a longer hunt by hand.
FAST = settings(
    max_examples=int(os.environ.get("TIMELINE_EXAMPLES", 100)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# --- dates ----------------------------------------------------------------------------------

# Text that looks like dates often enough to reach every branch of the parser.
DATE_PIECES = st.sampled_from(
    [
        "2022",
        "0000",
        "9999",
        "-",
        "/",
        ".",
        " ",
        "T",
        ":",
        "+",
        "Z",
        "01",
        "1",
        "07",
        "13",
        "30",
        "31",
        "24",
        "60",
        "Jan",
        "January",
        "Friday",
        "Mon, ",
        "7th",
        "pm",
        "UTC",
        "+06:00",
        "-0500",
        ",",
        "of",
        "\x00",
        "\n",
        "é",
        "٣",
        "²",
        "99999999999999999999",
        "0:",
        "10000000000000000000000000000",
        "1e5",
        "ALMT",
        "EST",
        "CST",
        "BC",
        "BCE",
        "AD",
        "-500",
        "PM",
        "am",
        "ſ",
        "Auguſt",
        "Asia/Almaty",
        "UTC+6",
        "(",
        ")",
        "03/04/2022",
        "14:30",
        "0600",
        "00:00:00",
        ".000",
        "\u200e",
        "\u2013",
        "\u2212",
        " to ",
        "января",
    ]
)
DATE_LIKE = st.lists(DATE_PIECES, max_size=8).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=40), DATE_LIKE)


def _parse(text: str):
    try:
        return dates.parse_one(text)
    except DateError as error:
        return str(error)


@FAST
@given(ANY_TEXT)
def test_parse_one_gives_a_date_or_a_date_error(text):
    try:
        value, precision, offset = dates.parse_one(text)
    except DateError as error:
        assert str(error)
        return
    assert isinstance(value, datetime) and value.tzinfo is None
    assert precision in dates.PRECISIONS
    assert isinstance(offset, str)
    # What is parsed can be shown, at its precision.
    assert dates.label(value, precision, offset)


@FAST
@given(st.lists(ANY_TEXT, max_size=12))
def test_parse_series_agrees_with_parse_one(texts):
    parsed = dates.parse_series(pd.Series(texts, dtype="str"))
    assert len(parsed.value) == len(parsed.precision) == len(parsed.offset) == len(texts)
    for i, text in enumerate(texts):
        if not text.strip():
            assert pd.isna(parsed.value.iloc[i]) and parsed.precision.iloc[i] == ""
            continue
        expected = _parse(text)
        if isinstance(expected, str):
            assert parsed.errors.get(text.strip()) == expected, text
            assert pd.isna(parsed.value.iloc[i])
        else:
            value, precision, offset = expected
            assert text.strip() not in parsed.errors
            assert parsed.value.iloc[i] == pd.Timestamp(value), text
            assert parsed.precision.iloc[i] == precision, text
            assert parsed.offset.iloc[i] == offset, text


@FAST
@given(st.lists(ANY_TEXT, max_size=12))
def test_the_bulk_path_agrees_with_the_slow_path(texts):
    """The fast paths (bytes, Arrow's regex engine) read every string as the slow path does."""
    series = pd.Series(texts, dtype="str")
    fast, slow = dates.parse_series(series), dates.parse_series(series, bulk=False)
    assert fast.errors == slow.errors
    assert fast.warnings == slow.warnings
    assert fast.value.equals(slow.value)
    assert fast.precision.tolist() == slow.precision.tolist()
    assert fast.offset.tolist() == slow.offset.tolist()


@FAST
@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(["year", "month", "day", "minute"]),
)
def test_iso_written_at_a_precision_reads_back(when, precision):
    full = f"{when.year:04d}-{when.month:02d}-{when.day:02d} {when.hour:02d}:{when.minute:02d}"
    written = full[: {"year": 4, "month": 7, "day": 10, "minute": 16}[precision]]
    value, got, offset = dates.parse_one(written)
    assert got == precision and offset == ""
    assert (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}"
        == written + "0000-01-01 00:00"[len(written) :]
    )
    last = dates.last_moment(pd.Series([pd.Timestamp(value)]).astype(dates.UNIT), pd.Series([got]))
    assert last.iloc[0] >= pd.Timestamp(value)


# --- the loader -----------------------------------------------------------------------------


def _check_dataset(dataset, data: bytes) -> None:
    assert isinstance(dataset, timeline.Dataset)
    lines = data.count(b"\n") + data.count(b"\r") + 1
    rows = dataset.accounts["row"].tolist()
    assert rows == sorted(set(rows)), "rows of accounts are unique and in file order"
    assert all(2 <= row <= lines for row in rows), (rows, lines)
    for problem in dataset.problems:
        assert problem.level in (timeline.ERROR, timeline.WARNING)
        assert 0 <= problem.row <= lines
        assert problem.message
    # An error leaves its row out.
    assert not {p.row for p in dataset.errors if p.row > 1} & set(rows)
    assert len(dataset.events) == dataset.accounts["id"].nunique()
    assert set(dataset.events["id"]) == set(dataset.accounts["id"])
    dataset.summary()


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_load(data):
    _check_dataset(timeline.load_bytes(data), data)


@FAST
@given(st.binary(max_size=300))
def test_arbitrary_bytes_after_a_header_load(data):
    data = schema.header_line().encode() + b"\n" + data
    _check_dataset(timeline.load_bytes(data), data)


FIELD_PIECES = st.sampled_from(
    [
        "",
        "a",
        "b",
        "x-1",
        "A B",
        "2022",
        "2022-01",
        "2022-01-07",
        "2022-01-08",
        "2022-01-07 14:30",
        "2022-02-30",
        "03/04/2022",
        "7 January 2022",
        "protest",
        "Protest",
        "protests",
        "security",
        "43.2",
        "91",
        "-181",
        "https://example.org",
        "javascript:alert(1)",
        "=1+1",
        "<b>",
        "Source",
        '"',
        '""',
        ",",
        "\n",
        "\r\n",
        "\r",
        "\x00",
        " ",
        "é",
        "\ufeff",
        ";",
        "\t",
    ]
)
FIELD = st.lists(FIELD_PIECES, max_size=4).map("".join)
HEADERS = st.lists(st.sampled_from(list(schema.NAMES) + ["notes", "ID", ""]), min_size=1, max_size=15)


@st.composite
def csvish(draw) -> bytes:
    """A header (sometimes not all the columns), then rows of random fields, joined by hand
    (so quotes and delimiters may be wrong), sometimes with bytes that are not UTF-8."""
    if draw(st.booleans()):
        header = list(schema.NAMES)
    else:
        header = draw(HEADERS)
    lines = [",".join(header)]
    for _ in range(draw(st.integers(0, 6))):
        width = draw(st.sampled_from([len(header), len(header), len(header) - 1, len(header) + 1]))
        fields = [draw(FIELD) for _ in range(max(width, 0))]
        if draw(st.booleans()):
            fields = ['"' + f.replace('"', '""') + '"' if draw(st.booleans()) else f for f in fields]
        lines.append(",".join(fields))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    data = newline.join(lines).encode("utf-8")
    if draw(st.booleans()):
        data += newline.encode()
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at]
            + draw(st.sampled_from([b"\xe9", b"\xff\xfe", b"\x00", b"\xef\xbb\xbf", b"\x80", b'"']))
            + data[at:]
        )
    if draw(st.integers(0, 6)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data


@FAST
@given(csvish())
def test_csvish_text_loads(data):
    _check_dataset(timeline.load_bytes(data), data)


@st.composite
def well_formed(draw):
    """A correctly quoted file (csv.writer) with every column, and the rows written."""
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        rows.append([draw(FIELD.filter(lambda f: "\x00" not in f and "\r" not in f)) for _ in schema.NAMES])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(schema.NAMES)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8"), rows


@FAST
@given(well_formed())
def test_well_formed_rows_are_kept_or_refused_with_their_row_number(case):
    data, written = case
    dataset = timeline.load_bytes(data)
    _check_dataset(dataset, data)
    refused = {p.row for p in dataset.errors}
    kept = dict(zip(dataset.accounts["row"], dataset.accounts.to_dict("records")))
    for number, values in enumerate(written, start=2):
        if not any(v.strip() for v in values):
            assert number not in kept and number not in refused  # a blank row: nothing to say
            continue
        assert (number in kept) != (number in refused), number
        if number in kept:
            account = kept[number]
            for name, value in zip(schema.NAMES, values):
                link = name in ("source_url", "media")  # a link that is not a web link is dropped
                expected = "" if link and not is_web_link(value) else value.strip()
                assert account[name] == expected


@settings(FAST, max_examples=max(FAST.max_examples // 4, 1))  # two loads an example
@given(well_formed())
def test_the_careful_reader_agrees_with_the_fast_one(case):
    """Bytes that are not UTF-8 send a file to the csv module: the other rows read the same."""
    data, written = case
    fast = timeline.load_bytes(data)
    slow = timeline.load_bytes(data + b"z,2022,,Caf\xe9,,p,,,,S,,,,,,,,,,\n")
    last = len(written) + 2
    # (Row 0, "no rows yet", is said only when no row has an error.)
    assert [p for p in slow.problems if p.row not in (0, last)] == [p for p in fast.problems if p.row not in (0, last)]
    assert (last, "title", timeline.ERROR) in [(p.row, p.column, p.level) for p in slow.problems]
    pd.testing.assert_frame_equal(slow.accounts, fast.accounts)


# --- never a silently swapped day and month -----------------------------------------------------

TIMES = st.sampled_from(
    [
        "",
        " 14:30",
        " 2:30 PM",
        " 09:05:59",
        "T14:30",
        " 14:30+06:00",
        " 14:30 EST",
        " 2:30 pm ALMT",
        " 14:30Z",
        " 12 am",
    ]
)
SEPARATORS = st.sampled_from(["/", ".", "-", " "])


@FAST
@given(
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
    SEPARATORS,
    TIMES,
    st.booleans(),
)
def test_a_numeric_date_is_read_as_written_or_refused(when, day_first, sep, time, padded):
    """Written day first or month first, with whatever follows: either the date meant, or a
    problem that names both readings. Never the other reading without a word."""
    d, m = (f"{when.day:02d}", f"{when.month:02d}") if padded else (str(when.day), str(when.month))
    written = (f"{d}{sep}{m}" if day_first else f"{m}{sep}{d}") + f"{sep}{when.year}{time}"
    try:
        value, precision, _ = dates.parse_one(written)
    except DateError as error:
        if when.day <= 12 and when.day != when.month:
            assert "can be read two ways" in str(error), written
        return
    assert (value.year, value.month, value.day) == (when.year, when.month, when.day), written
    assert not (when.day <= 12 and when.day != when.month), f"{written} is read one of two ways"
    assert precision == ("minute" if time else "day")


@FAST
@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(
        [
            "{d} {B} {Y}",
            "{B} {d}, {Y}",
            "{d} {b} {Y}",
            "{b} {d} {Y}",
            "{A} {d} {B} {Y}",
            "{d}-{b}-{Y}",
            "{Y}-{m}-{dd}",
            "{Y}/{m}/{dd}",
        ]
    ),
)
def test_a_date_with_the_month_in_words_or_year_first_is_read_as_written(when, form):
    year = f"{when.year:04d}" if form.startswith("{Y}") else (f"AD {when.year}" if when.year < 100 else str(when.year))
    written = form.format(
        d=when.day,
        dd=f"{when.day:02d}",
        m=f"{when.month:02d}",
        B=when.strftime("%B"),
        b=when.strftime("%b"),
        A=when.strftime("%A"),
        Y=year,
    )
    value, precision, _ = dates.parse_one(written)
    assert (value.year, value.month, value.day, precision) == (when.year, when.month, when.day, "day"), written
