"""timeline.appends.load_more: a file that only grew, read on from where it ended, gives what a
full load gives (events, accounts, problems), and is read whole when anything else changed."""

from __future__ import annotations

import dataclasses
import os
import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import timeline
from timeline import appends, store
from timeline.appends import load_more
from timeline.index import build_index, grow_index
from timeline.problems import ProblemCode
from timeline.problems import cut as cut_text
from timeline.state import Filters, as_of_bound

from .helpers import csv_bytes, row

IDS = [f"event-{i}" for i in range(12)]
DATES = ["2022-01-07", "2022-01", "2022", "2022-01-08 14:30", "7 January 2022", "", "2022-13-01", "soon"]
# A year far before or after the others (load.years_apart): one, a few, or the others' when a file starts with them.
DATES += ["1022-01-07", "1922-06", "1970-01-01", "2072-01-07"]
# A year still to come 10 or more after the one before it, however far the others spread (FUTURE_APART).
DATES += ["2017-06-07", "2032-01-07", "2036-03", "2029"]
# A year of three digits that the others' begin with (a digit left out: load._digit_left_out), and one meant;
# a day of one digit after a month of two (dates._day_digit_left_out).
DATES += ["6 January 202", "0202-01-06", "2022-01-1"]
# Days at 00:00, told where they are most of a column's times (load._days_at_midnight: across rows).
DATES += ["2022-01-05 00:00"]
# A day number, told in Excel's 1904 system where that reading is among the file's dates (load._mac_day_numbers).
DATES += ["44567"]
# Two years written as a month is (refused), which makes a month two years could be said (load._years_read_as_months).
DATES += ["1826-31", "1911-12"]
# Times at different UTC offsets (one moment, 14:30 UTC, on three clocks), compared on one clock.
DATES += ["2022-01-08 20:30+06:00", "2022-01-08 14:30Z", "2022-01-08 09:30 EST"]
# Days a program wrote as the moment they began at +06:00, in UTC (told across rows: load._days_converted).
DATES += ["2022-01-04T18:00:00.000Z", "2022-01-06T18:00:00Z"]
# What a spreadsheet does to a file (a cause said on row 0 when it explains most problems): rare,
# as a file with one is read again whole.
SPREADSHEET = [("date", "03/04/2022"), ("id", "00417"), ("date", "1905-07-14"), ("title", "Tokayevâ€™s")]
SPREADSHEET += [("location", "Жа?а?зен"), ("title", "Gda?sk")]  # (a letter its character set had not, lost)
CATEGORIES = ["protest", "Protest", "protests", "security", "", "riot"]
LOCATIONS = ["", "", "Almaty", "Paris", "Nowhere-on-earth"]


def random_row(rng: random.Random) -> dict:
    """One account, valid or not in the ways editors get rows wrong."""
    values = row(
        rng.choice(IDS),
        rng.choice(DATES[:5]) if rng.random() < 0.8 else rng.choice(DATES),
        title=rng.choice(["", "Troops fire on crowd", "Internet cut", "Curfew"]),
        category=rng.choice(CATEGORIES),
        source=rng.choice(["Reuters", "AP", "", "Tass"]),
    )
    if rng.random() < 0.3:
        values["title"] = ""
    if rng.random() < 0.3:
        values["category"] = ""
    values["location"] = rng.choice(LOCATIONS)
    if rng.random() < 0.2:
        # (76.9, 43.2: in the Arctic Sea; swapped, at Almaty, when location names it)
        values["latitude"], values["longitude"] = rng.choice(
            [("43.2", "76.9"), ("north", "1"), ("95", "1"), ("76.9", "43.2")]
        )
    if rng.random() < 0.1:
        values["source_url"] = rng.choice(["www.example.org", "https://example.org/a", "javascript:x"])
    if rng.random() < 0.05:
        values["id"] = rng.choice(["Bad Id", ""])
    if rng.random() < 0.01:
        column, value = rng.choice(SPREADSHEET)
        values[column] = value
    if rng.random() < 0.05:
        values["end_date"] = rng.choice(
            ["2021-01-01", "2022-01-08 16:00Z", "2022-01-08 15:00+06:00", "2022-01-09T18:00:00.000Z"]
        )
    if rng.random() < 0.4:  # when the account became known (as of a date): a day, a month, a year
        # (publication times at UTC offsets: read on the clock most of them give, load._published_on_one_clock)
        values["published"] = rng.choice(
            ["2022-01-09", "2022-01", "2022", "2021-12-30", "2022-02-01 08:00"]
            + (["2022-01-09 02:00+06:00", "2022-01-08 22:00Z"] if rng.random() < 0.1 else [])
        )
    return values


def random_bytes(rng: random.Random, count: int) -> bytes:
    """Rows as a file holds them, now and then a broken line or a blank one."""
    lines = csv_bytes([random_row(rng) for _ in range(count)]).split(b"\n", 1)[1]
    extra = [b"\n", b"x,y\n", b'a,2022,"Quoted, with a comma",,protest,,,,,Reuters\n']
    # (a quoted phrase of two lines, then more: refused, whether read on or read again whole)
    extra += [b'b,2022,"Two\nlines" more,,protest,,,,,Reuters\n']
    # (an event's first row left out as it is read, a comma unquoted in its title: the rows of the
    # event after it are told that row is refused)
    extra += [f"{rng.choice(IDS)},2022-01-05,,Akimat stormed, set on fire,,protest,,,,,AP\n".encode()]
    if rng.random() < 0.3:
        lines += rng.choice(extra)
    return lines


def same(incremental, full) -> None:
    pd.testing.assert_frame_equal(incremental.accounts, full.accounts, check_categorical=False)
    pd.testing.assert_frame_equal(incremental.events, full.events, check_categorical=False)
    assert incremental.problems == full.problems
    grown, whole = incremental.resume, full.resume
    if grown is not None and whole is not None and grown.end == whole.end and grown.digest is not None:
        assert grown.digest == whole.digest  # (the next append is checked against it)


ARRAYS = store.INDEX_ARRAYS  # every array of the index that is kept


def same_index(grown, built) -> None:
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(grown, name), getattr(built, name), err_msg=name)
    assert (grown.lanes, grown.source_keys, grown.outlets) == (built.lanes, built.source_keys, built.outlets)
    assert list(grown.positions) == list(built.positions)
    for name, (codes, uniques) in built.distinct.items():
        np.testing.assert_array_equal(grown.distinct[name][0], codes, err_msg=name)
        assert grown.distinct[name][1].to_pylist() == uniques.to_pylist()
    for field in dataclasses.fields(built.known):  # when each account became known (as of a date)
        np.testing.assert_array_equal(
            getattr(grown.known, field.name), getattr(built.known, field.name), err_msg=field.name
        )


def read_on(previous, index, path):
    """load_more and grow_index, checked against a full load and build; the new pair."""
    grown = load_more(previous, path)
    full = timeline.load(path)
    same(grown, full)
    grown_index = grow_index(index, grown)
    same_index(grown_index, build_index(full))
    return grown, grown_index


def test_when_an_event_s_date_was_first_given_is_worked_out_for_rows_appended_as_for_the_whole_file(tmp_path):
    """As of a date, an event is shown once an account giving its date (its first's) is out
    (index.known_from): an appended account of another date, or one giving it later, changes
    nothing; one giving it sooner, the event's time."""
    rows = [
        row("detained", "2022-01-06", source="AFP", published="2022-01-08"),
        row("detained", "2022-01-05", source="Defence"),  # (another date, known sooner)
        row("said", "2022-01", source="EFE", published="2022-01-05"),
        row("detained", "2022-01-06", source="Reuters", published="2022-01-07"),  # (its date, sooner)
        row("said", "2022-01", source="HRW"),
        row("detained", "2022-01-06", source="TASS", published="2022-01-10"),
    ]
    path = tmp_path / "events.csv"
    for cut in range(1, len(rows)):
        path.write_bytes(csv_bytes(rows[:cut]))
        previous = timeline.load(path)
        path.write_bytes(csv_bytes(rows))
        read_on(previous, build_index(previous), path)


def test_appends_in_random_chunks_give_what_a_full_load_gives(tmp_path, monkeypatch):
    whole, steps = [], 0
    monkeypatch.setattr(appends, "load", lambda path: whole.append(path) or timeline.load(path))
    for seed in range(16):
        steps += appends_of_one_file(random.Random(seed), tmp_path / f"events-{seed}.csv")
    assert len(whole) < steps * 2 / 3, (len(whole), steps)  # (a third at least read on: the path under test is taken)


def appends_of_one_file(rng: random.Random, path) -> int:
    """Append random chunks to a new file; after each, compare with a full load. How many appends."""
    steps = 0
    path.write_bytes(csv_bytes([row("event-0", "2022-01-01")]) + random_bytes(rng, rng.randint(0, 8)))
    previous = timeline.load(path)
    index = build_index(previous)
    for _ in range(8):
        chunk = random_bytes(rng, rng.randint(0, 5))
        if rng.random() < 0.3:  # a row pasted twice: one of the file's rows again, or of the chunk's
            lines = [line for line in (path.read_bytes() + chunk).split(b"\n")[1:] if line.count(b",") >= 9]
            if lines and (chunk.endswith(b"\n") or not chunk):
                chunk += rng.choice(lines) + b"\n"
        if rng.random() < 0.3:  # a save in progress: a row cut short, then its completion
            cut = rng.randint(1, max(1, len(chunk) - 1))
            with open(path, "ab") as f:
                f.write(chunk[:cut])
            previous, index = read_on(previous, index, path)
            chunk, steps = chunk[cut:], steps + 1
        with open(path, "ab") as f:
            f.write(chunk)
        previous, index = read_on(previous, index, path)
        steps += 1
    return steps


def test_what_add_counts_without_joining_the_frames_is_what_a_full_load_says(tmp_path):
    """appends.check_with (`timeline add` checks a row so before writing it): the summary line and
    each event's number of accounts, counted from the previous version and the new rows without
    joining their frames, are those of a load of the file with the rows appended."""
    counted = 0
    for seed in range(12):
        rng = random.Random(seed)
        path, grown = tmp_path / f"events-{seed}.csv", tmp_path / f"grown-{seed}.csv"
        path.write_bytes(csv_bytes([row("event-0", "2022-01-01")]) + random_bytes(rng, rng.randint(0, 8)))
        previous = timeline.load(path)
        for _ in range(4):
            extra = random_bytes(rng, rng.randint(1, 4))
            checked = appends.check_with(previous, path, extra)
            if checked is None:
                continue
            grown.write_bytes(path.read_bytes() + extra)
            full = timeline.load(grown)
            assert checked.summary() == full.summary()
            assert [checked.accounts_of(i) for i in IDS] == [int((full.accounts["id"] == i).sum()) for i in IDS]
            assert checked.problems == full.problems
            counted += 1
    assert counted > 24, counted  # (most chunks are read on: the path under test is taken)


@pytest.mark.parametrize("read_on", [False, True], ids=["the file whole", "read on"])
@pytest.mark.parametrize("appended", [False, True], ids=["first row read before", "first row appended"])
def test_an_account_after_an_event_s_first_row_left_out_for_its_shape_names_that_row(
    tmp_path, monkeypatch, read_on, appended
):
    """The event's first row has a comma unquoted in its title: left out as it is read, before
    any check. An account of the event after it, appended, is told that row is refused and to fix
    it first, not to fill in a title; read on or read whole, whether that row was read before or
    came with the appended rows."""
    path = tmp_path / "events.csv"
    broken = b"curfew,2022-01-05,,Curfew declared, Almaty,,government,,,,Interfax\n"
    later = {**row("curfew", "2022-01-06", source="AP"), "title": "", "category": ""}
    path.write_bytes(csv_bytes([row("other", "2022-01-06")]) + (b"" if appended else broken))
    previous = timeline.load(path)
    if read_on:
        monkeypatch.setattr(appends, "load", lambda _path: pytest.fail("read whole"))
    with open(path, "ab") as f:
        f.write((broken if appended else b"") + csv_bytes([later]).split(b"\n", 1)[1])
    grown = load_more(previous, path) if read_on else timeline.load(path)
    same(grown, timeline.load(path))
    shape, told = grown.problems
    assert (shape.row, shape.code) == (3, ProblemCode.FIELD_COUNT)
    assert (told.row, told.column, told.code) == (4, "id", ProblemCode.FIRST_ROW_REFUSED)
    assert told.message == f"row 3, this event's first row, is refused: {cut_text(shape.message)}; fix it first"


@pytest.mark.parametrize("read_on", [False, True], ids=["the file whole", "read on"])
def test_an_account_appended_to_an_event_whose_first_row_is_refused_names_that_row(tmp_path, monkeypatch, read_on):
    """The event's first row is refused (its date): an account appended later, without a title as
    later accounts are written, is told to fix that row first, as a full load tells it, though the
    rows read on join no accepted row of the event; a new event without a title is told as before."""
    path = tmp_path / "events.csv"
    later = {**row("curfew", "2022-01-06", source="AP"), "title": "", "category": ""}
    path.write_bytes(csv_bytes([row("curfew", "2022-02-30"), row("other", "2022-01-06")]))
    previous = timeline.load(path)
    if read_on:
        monkeypatch.setattr(appends, "load", lambda _path: pytest.fail("read whole"))
    for again in (later, {**later, "id": "curfw"}):
        with open(path, "ab") as f:
            f.write(csv_bytes([again]).split(b"\n", 1)[1])
        if read_on:
            previous = load_more(previous, path)
            same(previous, timeline.load(path))
        else:
            previous = timeline.load(path)
    assert [(p.row, p.column, p.code, p.message) for p in previous.problems] == [
        (2, "date", ProblemCode.OTHER, "date '2022-02-30': February 2022 has 28 days, so day 30 does not exist."),
        (
            4,
            "id",
            ProblemCode.FIRST_ROW_REFUSED,
            "row 2, this event's first row, is refused: date '2022-02-30': February 2022 has 28 days, so day 30 "
            "does not exist; fix it first",
        ),
        *(
            (
                5,
                name,
                ProblemCode.FIRST_ROW_EMPTY,
                f"{name} is empty on the first row of this event; the first row "
                f"of an id names its {name}: fill it in, or, if a later row of this id has it (a sort by date may have "
                "moved that row down), move that row up",
            )
            for name in ("title", "category")
        ),
    ]


def test_a_row_appended_again_is_told_as_a_full_load_tells_it_whichever_earlier_row_it_repeats(tmp_path, monkeypatch):
    """A row pasted twice, the second time at the end of the file: found against every earlier
    account of its event, not only its first, and named as a full load names it."""
    path = tmp_path / "events.csv"
    rows = [row("curfew", "2022-01-05"), row("other", "2022-01-06"), row("curfew", "2022-01-05", source="AP")]
    path.write_bytes(csv_bytes(rows))
    previous = timeline.load(path)
    monkeypatch.setattr(appends, "load", lambda _path: pytest.fail("read whole"))
    with open(path, "ab") as f:
        f.write(csv_bytes([rows[2]]).split(b"\n", 1)[1])  # the event's second account, again
    grown = load_more(previous, path)
    same(grown, timeline.load(path))
    [problem] = grown.problems
    assert (problem.row, problem.code) == (5, ProblemCode.REPEATED_ROW)
    assert problem.message.startswith("row 5 repeats row 4 value for value")


def test_rows_appended_that_go_on_repeating_a_block_are_told_as_a_full_load_tells_them(tmp_path):
    """A block of rows pasted twice, appended to row by row: one warning for the whole block,
    as a full load gives it, whether read on or read whole."""
    path = tmp_path / "events.csv"
    rows = [row("curfew", "2022-01-05"), row("airport", "2022-01-06"), row("strike", "2022-01-07")]
    path.write_bytes(csv_bytes(rows + rows[:1]))
    previous = timeline.load(path)
    for again in rows[1:]:
        with open(path, "ab") as f:
            f.write(csv_bytes([again]).split(b"\n", 1)[1])
        previous = load_more(previous, path)
        same(previous, timeline.load(path))
    [problem] = previous.problems
    assert (problem.row, problem.code) == (5, ProblemCode.REPEATED_ROW)
    assert problem.message.startswith("rows 5 to 7 repeat rows 2 to 4 value for value")


@pytest.mark.parametrize("completed", ["\n", "\n{C}", "x\n{C}"])
def test_a_block_of_repeated_rows_that_takes_in_a_cut_last_row_is_told_as_a_full_load_tells_it(tmp_path, completed):
    """The last row cut short by a save in progress is read again with the rest of it: a block
    that took it in (then went on, or stopped, or no longer repeats it) is told again whole."""
    path = tmp_path / "events.csv"
    rows = [row("curfew", "2022-01-05"), row("airport", "2022-01-06"), row("strike", "2022-01-07")]
    lines = csv_bytes(rows).split(b"\n")
    path.write_bytes(csv_bytes(rows + rows[:1]) + lines[2])  # (the airport's row again, its newline not yet saved)
    previous = timeline.load(path)
    with open(path, "ab") as f:
        f.write(completed.format(C=lines[3].decode()).encode() + (b"\n" if "{C}" in completed else b""))
    same(load_more(previous, path), timeline.load(path))


@pytest.mark.parametrize(
    "before, after",
    [
        # A quote opened and run on into a later row, then rows appended with quotes of their own:
        # where the count of quotes is put out, the appended rows are read as a full load reads them.
        (
            b'r-0,2022-01-01,close",d,protest,S\nr-1,2022-01-02,"He said ""no""" loudly,"open,protest,S\n'
            b'r-2,2022-01-03,""Q"" said,d,protest,S\n',
            b'r-3,2022-01-04,"two\nlines" more,d,protest,S\nr-4,2022-01-05,"He said ""no""",d,protest,S\n',
        ),
        (
            b'r-0,2022-01-01,T,d,protest,S\nr-1,2022-01-02,"open,d,protest,S\n',
            b'r-2,2022-01-03,5" screen,d,protest,S\n',
        ),
    ],
)
def test_rows_appended_after_a_misplaced_quote_are_told_as_a_full_load_tells_them(tmp_path, before, after):
    path = tmp_path / "events.csv"
    path.write_bytes(b"id,date,title,description,category,source\n" + before)
    previous = timeline.load(path)
    index = build_index(previous)
    with open(path, "ab") as f:
        f.write(after)
    read_on(previous, index, path)


@pytest.mark.parametrize("appended", [False, True])
@pytest.mark.parametrize("under", [b"", b"b,2022-01-02,p,B,S\n"])
def test_rows_appended_under_a_header_line_in_another_order_are_told_as_a_full_load_tells_them(
    tmp_path, under, appended
):
    """Rows under the header line again, its columns in another order, are left out with it: the
    rows appended are under it too, and are not read on in the first header's columns (whether
    that header line was in the file or came in an append)."""
    path = tmp_path / "events.csv"
    head, other = b"id,date,title,category,source\na,2022-01-01,A,p,S\n", b"id,date,category,title,source\n" + under
    path.write_bytes(head if appended else head + other)
    previous = timeline.load(path)
    index = build_index(previous)
    if appended:
        with open(path, "ab") as f:
            f.write(other)
        previous, index = read_on(previous, index, path)
    with open(path, "ab") as f:
        f.write(b"c,2022-01-03,p,C,S\n")
    grown, _ = read_on(previous, index, path)
    assert grown.accounts["id"].tolist() == ["a"]


def test_a_clean_append_is_read_on_not_again(tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01"), row("b", "2022-01-02", location="Almaty")]))
    previous = timeline.load(path)
    assert previous.resume is not None
    monkeypatch.setattr(appends, "load", lambda path: pytest.fail("read whole"))
    with open(path, "ab") as f:
        f.write(
            csv_bytes(
                [
                    row("a", "2022-01-03", title="", category=""),
                    row("c", "2022-01-04", category="Protests", location="Almaty"),
                ]
            ).split(b"\n", 1)[1]
        )
    grown = load_more(previous, path)
    monkeypatch.undo()
    same(grown, timeline.load(path))
    assert list(grown.events["id"]) == ["a", "b", "c"] and grown.events["accounts"].tolist() == [2, 1, 1]
    assert grown.growth is not None  # the index is extended, not built again
    same_index(grow_index(build_index(previous), grown), build_index(timeline.load(path)))


def test_a_year_apart_is_told_of_the_rows_before_as_rows_after_make_it_one(tmp_path, monkeypatch):
    """A file whose first rows are in 1022 and, as rows of 2022 come, the 1022 rows are the ones
    far before the others (load.years_apart): each version read on says what a full load says (on
    the last of them, from when the rows of 2022 are the most), and `timeline add`'s check too."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("old-1", "1022-01-07"), row("old-2", "1022-02-01")]))
    previous = timeline.load(path)
    index = build_index(previous)
    assert previous.problems == []
    monkeypatch.setattr(appends, "load", lambda path: pytest.fail("read whole"))
    for day in range(1, 9):  # (the rows of 2022 are 80% of the file with the eighth)
        extra = csv_bytes([row(f"new-{day}", f"2022-01-0{day}")]).split(b"\n", 1)[1]
        checked = appends.check_with(previous, path, extra)
        assert checked is not None
        with open(path, "ab") as f:
            f.write(extra)
        previous, index = read_on(previous, index, path)
        assert checked.problems == previous.problems
    (problem,) = previous.problems
    assert (problem.row, problem.code) == (3, ProblemCode.YEAR_APART)
    assert "date '1022-02-01' is in 1022, as is 1 more row, 1,000 years before" in problem.message


def test_days_a_program_wrote_in_utc_are_told_as_a_full_load_tells_them_as_rows_are_appended(tmp_path):
    """Whether a column's times at UTC are days written as another place's midnight depends on all
    of them (load._days_in_utc): rows appended, one by one, that make them most of the times and
    then stop being so (a time the editor wrote), each version read on says what a full load says."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-05 14:30"), row("b", "2022-01-04T18:00:00.000Z")]))
    previous = timeline.load(path)
    index = build_index(previous)
    told = []
    for appended in ("2022-01-05T18:00:00.000Z", "2022-01-06T18:00:00.000Z", "2022-01-07 09:15", "2022-01-07 11:40"):
        with open(path, "ab") as f:
            f.write(csv_bytes([row(f"e-{appended[:10]}-{appended[-5:]}", appended)]).split(b"\n", 1)[1])
        previous, index = read_on(previous, index, path)
        told.append([p.row for p in previous.problems if "midnight at UTC+06:00" in p.message])
    # (2 of the 3 different times; 3 of 4; 3 of 5; 3 of 6: half, still; then one more time written)
    assert told == [[3, 4], [3, 4, 5], [3, 4, 5], [3, 4, 5]]
    with open(path, "ab") as f:
        f.write(csv_bytes([row("late", "2022-01-08 08:05")]).split(b"\n", 1)[1])
    previous, index = read_on(previous, index, path)
    assert not [p for p in previous.problems if "midnight at UTC" in p.message]


def test_publication_times_appended_at_another_offset_are_read_on_the_clock_most_give(tmp_path):
    """Which clock a file's publication times are read on (load._published_on_one_clock) is the
    one most of them give: rows appended at another offset can change it, for the rows before
    too. Each version read on gives what a full load gives, and `timeline add`'s check too."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("toll", "2022-01-08", source="Khabar", published="2022-01-09 02:00+06:00")]))
    previous = timeline.load(path)
    index = build_index(previous)
    for n, published in enumerate(["2022-01-08 22:00Z", "2022-01-08 23:00Z", "2022-01-09 01:00"]):
        extra = csv_bytes([row("toll", "2022-01-08", source=f"S{n}", published=published)]).split(b"\n", 1)[1]
        checked = appends.check_with(previous, path, extra)
        with open(path, "ab") as f:
            f.write(extra)
        previous, index = read_on(previous, index, path)
        assert checked is None or checked.problems == previous.problems
    # (from the third row on, UTC is the clock most give: Khabar's read at 20:00Z)
    assert previous.accounts["published_at"].tolist()[:3] == [
        pd.Timestamp("2022-01-08 20:00"),
        pd.Timestamp("2022-01-08 22:00"),
        pd.Timestamp("2022-01-08 23:00"),
    ]
    assert [(p.row, p.column) for p in previous.problems] == [(2, "published")]


def test_rows_at_the_file_s_one_clock_or_of_new_events_are_read_on_not_again(tmp_path, monkeypatch):
    """A feed whose publication times are all at UTC (`...Z`), and a new event's at another
    offset: each append is read on (every one was read whole), and gives what a full load gives."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("toll", "2022-01-08", source="AP", published="2022-01-08 22:00Z")]))
    previous = timeline.load(path)
    index = build_index(previous)
    monkeypatch.setattr(appends, "load", lambda path: pytest.fail("read whole"))
    for n, (event, published) in enumerate(
        [("toll", "2022-01-08 23:00Z"), ("curfew", "2022-01-09 01:00+06:00"), ("curfew", "2022-01-09 02:00+06:00")]
    ):
        extra = csv_bytes([row(event, "2022-01-08", source=f"S{n}", published=published)]).split(b"\n", 1)[1]
        with open(path, "ab") as f:
            f.write(extra)
        previous, index = read_on(previous, index, path)
    assert previous.problems == []


def one_appended_to_one(tmp_path, first: str, then: str):
    """A file of one account dated `first`, and one dated `then` appended to it: the dataset read
    on, checked to be what `timeline add`'s check and a full load say."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", first)]))
    previous = timeline.load(path)
    index = build_index(previous)
    extra = csv_bytes([row("b", then)]).split(b"\n", 1)[1]
    checked = appends.check_with(previous, path, extra)
    with open(path, "ab") as f:
        f.write(extra)
    previous, index = read_on(previous, index, path)
    assert checked is None or checked.problems == previous.problems
    assert previous.problems == timeline.load(path).problems
    return previous


@pytest.mark.parametrize("first, then", [("1911-12", "1826-31"), ("1826-31", "1911-12")])
def test_a_month_that_may_be_two_years_is_said_whichever_row_comes_first(tmp_path, first, then):
    """1911-12 is warned once the column also holds two years written so (1826-31), whichever of
    the two is appended: what the append says is what a full load says, and `timeline add`'s check."""
    previous = one_appended_to_one(tmp_path, first, then)
    warned = [p for p in previous.problems if p.level == "warning"]
    assert [(p.row, p.column) for p in warned] == [(2 if first == "1911-12" else 3, "date")]
    assert "is read as the month December 1911, but date also holds two years written so ('1826-31')" in (
        warned[0].message
    )


@pytest.mark.parametrize(
    "first, then",
    [
        ("1/13/22", "7/14/05"),
        ("7/14/05", "1/13/22"),
        ("1/13/22 0:00", "7/14/05 0:00"),
        ("7/14/05 0:00", "1/13/22 0:00"),
    ],
)
def test_a_year_made_a_day_with_a_year_of_two_digits_is_said_whichever_row_comes_first(tmp_path, first, then):
    """7/14/05 (day 2022 as m/d/yy shows it; 7/14/05 0:00 in m/d/yy h:mm) among 2022 dates is the
    year 2022, whichever of the two is appended: what the append says is what a full load says,
    and `timeline add`'s check."""
    previous = one_appended_to_one(tmp_path, first, then)
    made = first if first.startswith("7/14/05") else then
    said = [p.message for p in previous.problems if "7/14/05" in p.message]
    assert len(said) == 1 and said[0].startswith(f"date '{made}' has a year of two digits, read as 14 July 2005; it")
    assert "it may also be the year 2022:" in said[0]


@pytest.mark.parametrize("joins", [False, True])
def test_coordinates_swapped_in_an_appended_row_are_counted_with_those_before(tmp_path, joins):
    """Two rows with swapped coordinates are a cause said first (diagnosis.first) when they are
    most of the file's problems: a second one appended gives what a full load says, whether it
    joins the first one's event or is a new one."""
    swapped = {"location": "Almaty", "latitude": "76.9286", "longitude": "43.2567"}
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01"), row("b", "2022-01-02", **swapped)]))
    previous = timeline.load(path)
    with open(path, "ab") as f:
        f.write(csv_bytes([row("b" if joins else "c", "2022-01-03", **swapped)]).split(b"\n", 1)[1])
    grown, _ = read_on(previous, build_index(previous), path)
    assert grown.problems[0].row == 0 and "at least 2 of the 2 rows with coordinates" in grown.problems[0].message


@pytest.mark.parametrize(
    "header_end, rows_end, appended",
    [
        # (columns with no name and no value, said as one run: a value appended in the run's second)
        (",,,", ",,,", b"b,2022-01-02,B,protest,AP,,a note,\n"),
        # (an unnamed column with a value in one row; the row appended leaves it empty)
        (",", ",note", b"b,2022-01-02,B,protest,AP,\n"),
        # (a run, and a row joining an event with a value after the run's first)
        (",,,", ",,,", b"a,2022-01-02,,,AFP,,,x\n"),
    ],
)
def test_rows_appended_beside_columns_with_no_name_give_what_a_full_load_gives(
    tmp_path, header_end, rows_end, appended
):
    path = tmp_path / "events.csv"
    path.write_bytes(f"id,date,title,category,source{header_end}\na,2022-01-01,A,protest,AP{rows_end}\n".encode())
    previous = timeline.load(path)
    with open(path, "ab") as f:
        f.write(appended)
    read_on(previous, build_index(previous), path)


def test_a_row_appended_split_at_a_semicolon_gives_what_a_full_load_says(tmp_path):
    """A row split by a spreadsheet (its values a column on) is a cause of the whole file, said
    first even of one row: read on, the file says what a full load says."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01", "A", "protest", location="Almaty")]))
    previous = timeline.load(path)
    line = csv_bytes([row("b", "2022-01-02", "B", description="Crowds gather; police disperse them")])
    with open(path, "ab") as f:  # (the cell cut at its semicolon, as LibreOffice's import cuts it, the
        # row as wide as the others: the last value, empty, gone)
        f.write(line.split(b"\n", 1)[1].replace(b"; ", b", ").replace(b",\n", b"\n"))
    grown, _ = read_on(previous, build_index(previous), path)
    assert (grown.problems[0].row, grown.problems[0].level) == (0, "error")
    assert [p.row for p in grown.problems if p.code == "split-row"] == [3]


def test_when_accounts_became_known_is_grown_as_a_full_build_gives_it(tmp_path, monkeypatch):
    """The as-of date's arrays (index.KnownFrom) are extended from the appended accounts alone:
    an event joined by an account published earlier than its others becomes known earlier, an
    event becomes disputed, a new event in the middle of the chronology moves the others."""
    path = tmp_path / "events.csv"
    path.write_bytes(
        csv_bytes(
            [
                row("a", "2022-01-07", published="2022-01-20"),
                row("b", "2022-01-08", published="2022-02"),
                row("c", "2022-01-10", end_date="2022-01-12", published="2022-01-12"),
                row("d", "2022-03-01"),
            ]
        )
    )
    previous = timeline.load(path)
    index = build_index(previous)
    monkeypatch.setattr(appends, "load", lambda path: pytest.fail("read whole"))
    with open(path, "ab") as f:
        f.write(
            csv_bytes(
                [
                    row("a", "2022-01-07", published="2022-01-08"),  # known earlier
                    row("b", "2022-01-09", published="2022"),  # disputed now
                    row("e", "2022-01-09", published="2022-01-10"),  # a new event in the middle
                    row("c", "2022-01-10", end_date="2022-01-14"),
                ]
            ).split(b"\n", 1)[1]
        )
    grown = load_more(previous, path)
    monkeypatch.undo()
    assert grown.growth is not None
    grown_index = grow_index(index, grown)
    built = build_index(timeline.load(path))
    same_index(grown_index, built)
    assert (
        len(built.known.disputed_events) == 2
        and built.known.event[built.position("a")] < index.known.event[index.position("a")]
    )


@pytest.mark.parametrize("start", [b"", b"\xef\xbb\xbf"])
def test_rows_appended_to_a_file_of_no_rows_yet(tmp_path, start):
    path = tmp_path / "events.csv"
    path.write_bytes(start + csv_bytes([]))
    previous = timeline.load(path)
    with open(path, "ab") as f:
        f.write(csv_bytes([row("a", "2022-01-01")]).split(b"\n", 1)[1])
    same(load_more(previous, path), timeline.load(path))


@pytest.mark.parametrize("change", ["edit", "truncate", "replace"])
def test_any_other_change_is_a_full_load(tmp_path, change):
    path = tmp_path / "events.csv"
    data = csv_bytes([row("a", "2022-01-01"), row("b", "2022-01-02")])
    path.write_bytes(data)
    previous = timeline.load(path)
    more = csv_bytes([row("c", "2022-01-03")]).split(b"\n", 1)[1]
    if change == "edit":  # the same inode, grown, an old byte changed
        with open(path, "r+b") as f:
            f.write(data.replace(b"2022-01-01", b"2022-01-09") + more)
    elif change == "truncate":
        with open(path, "r+b") as f:
            f.truncate(len(data) - 10)
    else:
        other = tmp_path / "new.csv"
        other.write_bytes(data + more)
        os.replace(other, path)
    same(load_more(previous, path), timeline.load(path))


@pytest.mark.parametrize("rows, at", [(3_000, 0.5), (40_000, 0.7)])  # (one digest block; the file's second)
def test_an_edit_of_the_same_length_in_the_middle_saved_in_place_with_a_row_appended_is_read_whole(tmp_path, rows, at):
    """As nano or VS Code save: the same inode, longer, its first and last 64 KB as they were."""
    path = tmp_path / "events.csv"
    data = csv_bytes([row(f"event-{i}", f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(rows)])
    path.write_bytes(data)
    previous = timeline.load(path)
    more = csv_bytes([row("new", "2022-03-01")]).split(b"\n", 1)[1]
    middle = data.index(b"event-", int(len(data) * at))
    edited = data[:middle] + data[middle:].replace(b",2021-", b",2020-", 1)  # a year earlier
    assert len(edited) == len(data) and appends.WINDOW < middle < len(data) - appends.WINDOW
    with open(path, "r+b") as f:
        f.write(edited + more)
    grown = load_more(previous, path)
    same(grown, timeline.load(path))
    moved = edited[middle:].split(b"\n", 1)[0].split(b",")[0].decode()
    assert grown.events.set_index("id").loc[moved, "start"].year == 2020
    # Appended again, after it: read on, from the digest of what was read whole.
    with open(path, "ab") as f:
        f.write(csv_bytes([row("newer", "2022-03-02")]).split(b"\n", 1)[1])
    assert load_more(grown, path).growth is not None


def test_a_worker_takes_another_s_word_that_the_bytes_before_are_unchanged_only_for_that_very_file(
    tmp_path, monkeypatch
):
    """Two workers read on from the same version: the first reads every byte before again, the
    second only the last block before, while the file is as the first found it."""
    monkeypatch.setenv("TIMELINE_STATE_DIR", str(tmp_path / "state"))
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row(f"event-{i}", f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(3_000)]))
    previous = timeline.load(path)
    with open(path, "ab") as f:
        f.write(csv_bytes([row("new", "2022-03-01")]).split(b"\n", 1)[1])
    read_again = []
    of_file = appends.digest.of_file
    monkeypatch.setattr(appends.digest, "of_file", lambda *a: read_again.append(1) or of_file(*a))
    first = load_more(previous, path)
    assert read_again == [1] and first.growth is not None and first.growth.checked
    second = load_more(previous, path)  # (another worker, from the same version)
    assert read_again == [1] and second.growth is not None and second.growth.checked
    same(second, timeline.load(path))
    os.utime(path, ns=(0, os.stat(path).st_mtime_ns + 1_000))  # (written to since: its word is not taken)
    third = load_more(previous, path)
    assert read_again == [1, 1] and third.growth is not None


def test_the_dashboard_answers_from_the_version_it_has_while_the_next_is_built(tmp_path):
    from timeline.app import data

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01")]))
    first = data.current(str(path))  # nothing to serve yet: waits
    with open(path, "ab") as f:
        f.write(csv_bytes([row("b", "2022-01-02")]).split(b"\n", 1)[1])
    with data._lock:  # (a build under way holds the lock)
        assert data.current(str(path)) is first  # answered at once, from the last version
    newest = data.current(str(path), wait=True)
    assert list(newest.index.events["id"]) == ["a", "b"] and newest.version != first.version


def test_a_page_that_saw_a_newer_version_gets_it_from_every_worker(tmp_path):
    """A page learns of a new version from one worker (its poll); its callbacks may reach another
    worker that has not built it yet: that one builds it before it answers, else the page would
    show the old events under the new version's name until the file changed again."""
    from timeline.app import data

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01")]))
    data.current(str(path))  # (this worker's version: the first)
    with open(path, "ab") as f:
        f.write(csv_bytes([row("b", "2022-01-02")]).split(b"\n", 1)[1])
    os.utime(path, ns=(1, 1))  # (a different signature even within the clock's resolution)
    newer = "the version another worker built"
    assert list(data.current(str(path), seen=newer).index.events["id"]) == ["a", "b"]
    data._cache.pop(str(path), None)


def test_a_file_with_a_byte_order_mark_and_crlf_line_ends(tmp_path):
    rng = random.Random(99)
    path = tmp_path / "events.csv"
    path.write_bytes(
        b"\xef\xbb\xbf" + (csv_bytes([row("event-0", "2022-01-01")]) + random_bytes(rng, 5)).replace(b"\n", b"\r\n")
    )
    previous, index = timeline.load(path), None
    index = build_index(previous)
    for cut in (None, 7, None):
        chunk = random_bytes(rng, 3).replace(b"\n", b"\r\n")
        with open(path, "ab") as f:
            f.write(chunk[:cut] if cut else chunk)
        previous, index = read_on(previous, index, path)
        if cut:  # then the rest of the cut row
            with open(path, "ab") as f:
                f.write(chunk[cut:])
            previous, index = read_on(previous, index, path)


def test_events_put_among_the_others_are_read_as_from_one_piece(tmp_path):
    """Events appended in the middle of the chronology are slices beside the others' text (no
    copy of it); the views read any rows of them as from a column in one piece."""
    from timeline.index import MOST_CHUNKS, take_values

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row(f"e-{i}", f"2022-01-{1 + i % 28:02d}", title=f"Title {i}") for i in range(40)]))
    previous = timeline.load(path)
    index = build_index(previous)
    for n in range(3 * MOST_CHUNKS):
        with open(path, "ab") as f:
            f.write(csv_bytes([row(f"new-{n}", f"2022-01-{1 + n % 28:02d}", title=f"New {n}")]).split(b"\n", 1)[1])
        previous, index = read_on(previous, index, path)
        chunks = index.events["title"].array.__arrow_array__().num_chunks
        assert 1 < chunks <= MOST_CHUNKS
    built = build_index(timeline.load(path))
    positions = [0, len(built) - 1, 5, 17, 5, -1, 30]
    assert index.values("title", positions) == built.values("title", positions)
    assert index.date_labels(positions) == built.date_labels(positions)
    assert take_values(index.events["id"], np.arange(len(built)) % 7 == 0) == built.values(
        "id", np.arange(len(built)) % 7 == 0
    )
    assert index.lanes == built.lanes and index.position("new-3") == built.position("new-3")


def test_rows_appended_are_written_after_the_numeric_columns_never_over_another_version_s():
    """model.grown_frames: a frame's numeric columns have room after them, where the next
    version's rows are written (no copy of the others); a second version grown from the same
    frame (the first one then holds that room) is copied, and neither sees the other's rows."""
    from timeline.model import grown_frames, joined_frames

    def frame(values, start=0):
        return pd.DataFrame(
            {
                "row": np.arange(start, start + len(values), dtype=np.int64),
                "at": pd.to_datetime(values).astype("datetime64[s]"),
                "text": pd.Series([f"v{v}" for v in range(start, start + len(values))], dtype="str"),
                "kind": pd.Series(["a", "b"] * (len(values) // 2) + ["a"] * (len(values) % 2)).astype("category"),
            }
        )

    first = frame(["2022-01-01", "2022-01-02", "2022-01-03"])
    one, room = grown_frames(first, frame(["2023-05-05"], 3), None)
    pd.testing.assert_frame_equal(one, joined_frames(first, frame(["2023-05-05"], 3)))
    two, room_two = grown_frames(one, frame(["2024-01-01", "2024-01-02"], 4), room)
    assert np.shares_memory(two["at"].to_numpy(), one["at"].to_numpy())  # written after, not copied
    other, _ = grown_frames(one, frame(["1999-09-09"], 4), room)  # from `one` again
    assert not np.shares_memory(other["at"].to_numpy(), two["at"].to_numpy())
    assert two["at"].astype(str).tolist()[-2:] == ["2024-01-01", "2024-01-02"]
    assert other["at"].astype(str).tolist()[-1] == "1999-09-09" and len(one) == 4
    pd.testing.assert_frame_equal(two, joined_frames(one, frame(["2024-01-01", "2024-01-02"], 4)))


def test_lanes_and_places_of_events_put_among_the_others_are_numbered_as_a_full_build_numbers_them(tmp_path):
    """grow_index numbers the lanes (categories in order of first appearance in time) and places
    (coordinates) of the events an append adds among the previous events' numbers: an event of a
    category or at a place not seen yet, before, among or after the others; one of a category
    or place first seen later in time than it (then the lanes or places are numbered again); an
    account joining an event; events with no category or no place."""
    rng = random.Random(7)
    categories = ["protest", "Riot", "riot", "security", "", "strike", "Curfew", "vigil"]
    spots = [
        ("", ""),
        ("43.2389", "76.8897"),
        ("51.1694", "71.4491"),
        ("43.23891", "76.88971"),
        ("-33.9", "18.4"),
        ("0", "0"),
    ]

    def account(n):
        event = f"e-{rng.randrange(n + 3)}"
        latitude, longitude = rng.choice(spots)
        return row(
            event,
            f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            title=f"Account {rng.random()}",
            category=rng.choice(categories[: 3 + n // 4]),
            latitude=latitude,
            longitude=longitude,
        )

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([account(0) for _ in range(6)]))
    previous = timeline.load(path)
    index = build_index(previous)
    lanes = set()
    for n in range(30):
        with open(path, "ab") as f:
            f.write(csv_bytes([account(n) for _ in range(rng.randint(1, 3))]).split(b"\n", 1)[1])
        grown = load_more(previous, path)
        assert grown.growth is not None
        grown_index = grow_index(index, grown)
        same_index(grown_index, build_index(timeline.load(path)))
        lanes.add(tuple(grown_index.lanes))
        previous, index = grown, grown_index
    assert len(lanes) > 3 and len(set(index.place.tolist())) >= 5


def test_arrays_that_only_grow_are_written_after_the_previous_version_never_over_another_s():
    """model.appended: an index array an append only adds to (the accounts' sources, when each
    became known...) is written in the room after the previous version's values (no copy of
    them); grown from the same version twice, the second is a copy, and no version's values change."""
    from timeline.model import appended

    one = appended(np.arange(3, dtype=np.int64), np.array([3]))
    two = appended(one, np.array([4, 5]))
    assert np.shares_memory(one, two) and two.tolist() == [0, 1, 2, 3, 4, 5]
    other = appended(one, np.array([9]))  # from `one` again: a copy
    assert not np.shares_memory(other, two) and other.tolist() == [0, 1, 2, 3, 9]
    assert two.tolist() == [0, 1, 2, 3, 4, 5] and one.tolist() == [0, 1, 2, 3]
    assert appended(two, np.array([6.5])).tolist() == [0, 1, 2, 3, 4, 5, 6.5]  # (as np.concatenate types it)
    with pytest.raises(ValueError):
        two[0] = 7  # (read-only: no version's values can change)


@pytest.mark.parametrize(
    "where, values",
    [
        ([0], [9]),
        ([3], [9]),
        ([1, 1], [8, 9]),
        ([2, 0], [8, 9]),
        ([0, 3, 3], [7, 8, 9]),
        ([], []),
        ([i % 4 for i in range(70)], list(range(100, 170))),  # (more than are put a slice at a time)
    ],
)
def test_values_put_among_the_others_then_rows_appended_make_one_copy_not_two(where, values):
    """model.inserted: np.insert (events put in the middle of the chronology), into an array with
    room after it, so that new events after them all, appended next, are written there."""
    from timeline.model import appended, inserted

    previous = np.arange(3, dtype=np.int64)
    put = inserted(previous, np.array(where, dtype=np.int64), np.array(values, dtype=np.int64))
    assert put.tolist() == np.insert(previous, where, values).tolist()
    after = appended(put, np.array([10]))
    assert np.shares_memory(put, after) and after.tolist() == put.tolist() + [10]
    assert previous.tolist() == [0, 1, 2]
    with pytest.raises(ValueError):
        put[0] = 7


@pytest.mark.parametrize("joined, added", [(1, 0), (0, 1), (3, 2), (80, 0), (0, 80), (70, 70)])
def test_many_events_joined_or_put_among_the_others_at_once(tmp_path, joined, added):
    """One append that gives accounts to events all through the chronology and puts new events
    among them: the accounts' groups, the events' order and when each became known are what a
    full build gives, whether a few events are touched (a slice moved at a time) or many."""
    path = tmp_path / "events.csv"
    days = [f"2022-{1 + i // 28:02d}-{1 + i % 28:02d}" for i in range(100)]
    path.write_bytes(csv_bytes([row(f"old-{i}", days[i], published=days[i]) for i in range(100)]))
    previous = timeline.load(path)
    index = build_index(previous)
    more = [row(f"old-{10 + i}", days[10 + i], source="AP", published="2022-06-01") for i in range(joined)]
    more += [row(f"new-{i}", days[5 + i], published="2021-01-01") for i in range(added)]
    random.Random(0).shuffle(more)
    with open(path, "ab") as f:
        f.write(csv_bytes(more).split(b"\n", 1)[1])
    grown, _ = read_on(previous, index, path)
    assert grown.growth is not None and len(grown.events) == 100 + added


@pytest.mark.parametrize(
    "appended",
    [
        [row("early", "2021-06-01")],  # an event before the disputed one: it moves
        [row("late", "2023-06-01")],  # one after it: nothing moves
        [row("clash", "2022-03-05", "A third report", published="2022-03-09")],  # of the disputed event
        [row("calm", "2022-02-20", "Later report", source="AP")],  # makes another event disputed
        [row("calm", "2022-02-02", "Same day"), row("early", "2021-06-01")],  # (agrees; and one moves)
    ],
)
def test_what_is_disputed_as_of_a_date_follows_an_append(tmp_path, appended):
    """When each account became known and which events' accounts disagree (as of a date): an
    append that leaves the disputed events as they were moves them with the events put before
    them; one that touches them is read again. As a full build gives it, each time."""
    path = tmp_path / "events.csv"
    rows = [row(f"e-{i}", f"2022-01-{1 + i:02d}", published=f"2022-01-{2 + i:02d}") for i in range(20)]
    rows += [row("clash", "2022-03-01", published="2022-03-02"), row("clash", "2022-03-04", "Later", source="AP")]
    rows += [row("calm", "2022-02-02", published="2022-02-03")]
    path.write_bytes(csv_bytes(rows))
    previous = timeline.load(path)
    index = build_index(previous)
    assert len(index.known.disputed_events) == 1
    with open(path, "ab") as f:
        f.write(csv_bytes(appended).split(b"\n", 1)[1])
    grown, grown_index = read_on(previous, index, path)
    assert grown.growth is not None
    built = build_index(timeline.load(path))
    for day in ("2022-02-10", "2022-03-03", "2022-03-06", "2022-03-10"):
        as_of = as_of_bound(Filters(as_of=day))
        assert grown_index.at(as_of).disputed.tolist() == built.at(as_of).disputed.tolist(), day


def test_the_room_made_before_the_workers_fork_is_where_their_first_append_is_written(tmp_path):
    """data.prepare_appends (gunicorn's master, before it forks the workers): the numeric columns
    of the version read are copied once into arrays with room after them; a worker's first
    append writes its rows there (no copy of its own) and reads as a full load does."""
    from timeline.app import data

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01"), row("b", "2022-01-02", published="2022-01-03")]))
    first = data.current(str(path))
    try:
        data.prepare_appends()
        prepared = data.current(str(path)).read
        assert prepared.room is not None
        pd.testing.assert_frame_equal(prepared.accounts, first.index.dataset.accounts)
        with open(path, "ab") as f:
            f.write(csv_bytes([row("c", "2021-12-31"), row("a", "2022-01-05")]).split(b"\n", 1)[1])
        grown = data.current(str(path), wait=True).read
        assert grown.growth is not None
        assert np.shares_memory(grown.accounts["start"].to_numpy(), prepared.accounts["start"].to_numpy())
        same(grown, timeline.load(path))
    finally:
        data._cache.pop(str(path), None)


def test_a_worker_s_first_append_of_a_latest_event_writes_after_the_arrays_made_before_the_fork(tmp_path):
    """data.prepare_appends also gives room to the events' numeric columns and to the index's
    arrays an append adds to (when each account became known, the search's codes...): a
    worker's first append of a new latest event writes after them (no copy of its own), and
    its events and index are what a full load and build give."""
    from timeline.app import data

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", "2022-01-01"), row("b", "2022-01-02", published="2022-01-03")]))
    first = data.current(str(path))
    try:
        data.prepare_appends()
        prepared = data.current(str(path))
        same_index(prepared.index, first.index)
        assert prepared.index.dataset is prepared.read
        with open(path, "ab") as f:
            f.write(csv_bytes([row("c", "2022-02-01", source="New outlet")]).split(b"\n", 1)[1])
        grown = data.current(str(path), wait=True)
        assert grown.read.growth is not None
        full = timeline.load(path)
        same(grown.read, full)
        same_index(grown.index, build_index(full))
        for name in ("start", "account_order", "account_bounds", "source_code"):
            assert np.shares_memory(getattr(grown.index, name), getattr(prepared.index, name)), name
        assert np.shares_memory(grown.index.known.account, prepared.index.known.account)
        for name, (codes, _) in grown.index.distinct.items():
            assert np.shares_memory(codes, prepared.index.distinct[name][0]), name
        for name in ("start", "order"):
            assert np.shares_memory(grown.read.events[name].to_numpy(), prepared.read.events[name].to_numpy()), name
    finally:
        data._cache.pop(str(path), None)


@pytest.mark.parametrize(
    "hold, read",
    [
        (lambda array: None, None),  # (nothing: the version is gone)
        (lambda array: array[2:5], np.asarray),  # a view, as a version's column is
        (lambda array: pd.Series(array, copy=False), lambda held: held.to_numpy()),
        (lambda array: pa.array(array), lambda held: held.to_numpy()),  # (no copy: numpy's memory)
        (lambda array: memoryview(array), lambda held: np.frombuffer(held, dtype=np.int64)),
        (lambda array: np.frombuffer(array, dtype=np.uint8), lambda held: held.view(np.int64)),
    ],
)
def test_an_array_is_written_again_only_once_nothing_can_read_it(hold, read):
    """model.Spares: the memory of an array no version holds any more is where the next array
    of its type and size is written (an append in the middle of a large chronology then costs no
    new memory); while anything still reads it (a view, a series, an Arrow array...), never."""
    from timeline.model import Spares

    spares = Spares()
    first = spares.take(2000, np.dtype(np.int64))
    first[:] = np.arange(len(first))
    held, start = hold(first), first.__array_interface__["data"][0]
    expected = None if held is None else read(held).tolist()
    del first
    second = spares.take(2000, np.dtype(np.int64))
    second[:] = -1
    assert (second.__array_interface__["data"][0] == start) == (held is None)
    if held is not None:
        assert read(held).tolist() == expected and expected[:3] in ([0, 1, 2], [2, 3, 4])


@pytest.mark.parametrize(
    "length, dtype, again",
    [
        (2000, np.int64, True),
        (2010, np.int64, True),  # (a few more: what the next version of a column asks for)
        (2000, np.float64, False),  # another type
        (2000, np.int32, False),
        (4000, np.int64, False),  # more than it holds, with the room after it
        (100, np.int64, False),  # far less: a smaller one is made, the memory kept for its size
    ],
)
def test_a_spare_array_is_used_for_one_of_its_type_and_size(length, dtype, again):
    from timeline.model import Spares

    spares = Spares()
    start = spares.take(2000, np.dtype(np.int64)).__array_interface__["data"][0]  # (dropped at once)
    taken = spares.take(length, np.dtype(dtype))
    assert taken.dtype == dtype and len(taken) >= length + 256
    assert (taken.__array_interface__["data"][0] == start) == again


def test_a_count_of_references_measured_too_high_keeps_arrays_rather_than_writing_over_them(monkeypatch):
    """What an unused array's references number is measured again at each take, the lower count
    used: measured at import under a tracer (one more), a held array would be written over."""
    from timeline import model

    monkeypatch.setattr(model, "_UNUSED", model._UNUSED + 1)
    spares = model.Spares()
    first = spares.take(2000, np.dtype(np.int64))
    first[:] = 7
    held, start = first[:10], first.__array_interface__["data"][0]
    del first
    second = spares.take(2000, np.dtype(np.int64))
    second[:] = -1
    assert second.__array_interface__["data"][0] != start and held.tolist() == [7] * 10


def test_where_references_are_not_counted_no_array_is_kept_to_be_used_again(monkeypatch):
    """Another Python than CPython: its reference counts say nothing, so Spares keeps nothing
    (and holds no memory for nothing); each array is new, as before."""
    from timeline import model

    monkeypatch.setattr(model, "_COUNTED", False)
    spares = model.Spares()
    held = spares.take(2000, np.dtype(np.int64))
    spares.take(2000, np.dtype(np.int64))
    assert len(held) >= 2000 + 256 and spares.arrays == []


def test_spare_arrays_are_at_most_as_many_bytes_as_those_in_use_and_let_go_when_idle():
    from timeline.model import Spares

    spares = Spares()
    used = [spares.take(10_000, np.dtype(np.int64)) for _ in range(3)]
    for n in (5000, 6000, 7000):
        spares.take(n, np.dtype(np.float64))  # (each dropped at once: spares)
    in_use = sum(array.nbytes for array in used)
    spare = sum(array.nbytes for array in spares.arrays) - in_use
    assert 0 < spare <= in_use
    spares.let_go()  # (not idle yet: kept)
    assert sum(array.nbytes for array in spares.arrays) - in_use == spare
    spares.let_go(idle=0)
    assert sum(array.nbytes for array in spares.arrays) == in_use  # (those in use stay)
    del used[1:]  # (versions let go after the last take: their arrays spare, more than those in use)
    spares.let_go()
    in_use = sum(array.nbytes for array in used)
    assert 0 < sum(array.nbytes for array in spares.arrays) - in_use <= in_use
    used.clear()
    spares.let_go(idle=0)
    assert spares.arrays == []


def test_versions_still_served_keep_their_values_while_later_ones_are_written_in_spare_memory(tmp_path):
    """Events put in the middle of the chronology, again and again: each version's arrays are
    written into the memory of versions no longer held (model.SPARES), and a version that is
    still held (a request answered from it) reads what it read when it was built."""
    from timeline.model import SPARES

    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row(f"e-{i}", f"2022-01-{1 + i % 28:02d}") for i in range(3000)]))
    previous = timeline.load(path)
    index = build_index(previous)
    held = []
    starts = set()
    for n in range(8):
        with open(path, "ab") as f:
            f.write(csv_bytes([row(f"new-{n}", f"2022-01-{10 + n:02d}")]).split(b"\n", 1)[1])
        previous = load_more(previous, path)
        index = grow_index(index, previous)
        starts.add(index.start.__array_interface__["data"][0])
        if n % 3 == 0:  # (kept, as a request still being answered keeps its version)
            copies = {name: np.array(getattr(index, name)) for name in ARRAYS}
            held.append((index, copies, index.events.copy(deep=True), previous.accounts.copy(deep=True)))
    assert len(starts) < 8  # (some versions' arrays are written where dropped ones were)
    for kept, copies, events, accounts in held:
        for name in ARRAYS:
            np.testing.assert_array_equal(getattr(kept, name), copies[name], err_msg=name)
        pd.testing.assert_frame_equal(kept.events, events)
        pd.testing.assert_frame_equal(kept.dataset.accounts, accounts)
    same_index(index, build_index(timeline.load(path)))
    assert SPARES.arrays


def test_a_served_worker_gives_its_spare_arrays_back_once_rows_stop_coming(monkeypatch):
    """gunicorn.conf.py's post_request (now and then, after a request): the spare arrays a worker
    keeps for the next append are freed once none was made or used for Spares.IDLE seconds."""
    import importlib.util
    from pathlib import Path

    from timeline import model

    spec = importlib.util.spec_from_file_location("served_settings", Path(__file__).parent.parent / "gunicorn.conf.py")
    settings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(settings)
    spares = model.Spares()
    monkeypatch.setattr(model, "SPARES", spares)
    held = spares.take(5000, np.dtype(np.int64))
    spares.take(5000, np.dtype(np.int64))  # (dropped at once: a spare)
    settings.post_request(None, None, {}, None)
    assert len(spares.arrays) == 2  # (rows came a moment ago: kept)
    spares.last -= model.Spares.IDLE
    settings._memory.last -= settings._Memory.EVERY
    settings.post_request(None, None, {}, None)
    assert len(spares.arrays) == 1 and spares.arrays[0] is held


def test_a_value_appended_in_a_column_unnamed_and_empty_till_then_is_told_as_a_full_load_tells_it(tmp_path):
    """The header's warning on a column with no name says whether it holds values: read on, a row
    that gives it one makes it say what a full load says."""
    path = tmp_path / "events.csv"
    path.write_bytes(b"id,date,title,category,source,\na,2022-01-01,A,protest,AP,\n")
    previous = timeline.load(path)
    assert [p.code for p in previous.problems] == [ProblemCode.EMPTY_COLUMN]
    with open(path, "ab") as f:
        f.write(b"b,2022-01-02,B,protest,AP,a note\n")
    incremental = load_more(previous, path)
    full = timeline.load(path)
    same(incremental, full)
    assert [p.code for p in full.problems] == [ProblemCode.HEADER]
