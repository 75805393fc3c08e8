"""`python -m timeline add`: checked like `check`, appended without rewriting a byte, safe
when two editors add at the same moment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline import cli, editing, lastgood, schema
from timeline.problems import ProblemCode


@pytest.fixture(autouse=True)
def saves_end_at_once(monkeypatch):
    """The files here are written whole before `add` runs: the wait for a save that may still be
    writing a last row with no line break (lastgood.SETTLE, 3 s) is a twentieth of a second.
    (test_add tests the wait itself, at a second.)"""
    monkeypatch.setattr(lastgood, "SETTLE", 0.05)


ROOT = Path(__file__).resolve().parent.parent
HEADER = schema.header_line()
GOOD = {
    "id": "airport-seized",
    "date": "2022-01-05",
    "title": "Almaty airport seized",
    "category": "protest",
    "source": "Interfax",
}
FILE = HEADER + "\n" + "airport-seized,2022-01-05,,Almaty airport seized,,protest,,,,Interfax,,,,,,,,,,\n"


# --- the shape of the file: what appended bytes must match ------------------------------------


@pytest.mark.parametrize(
    "data, columns, newline, needs_newline, records, bom",
    [
        (b"", (), "\n", False, 0, False),
        (b"\xef\xbb\xbf", (), "\n", False, 0, True),
        (b"id,date\n", ("id", "date"), "\n", False, 1, False),
        (b"id,date", ("id", "date"), "\n", True, 1, False),
        (b"id,date\r\na,2022\r\n", ("id", "date"), "\r\n", False, 2, False),
        (b"id,date\ra,2022\r", ("id", "date"), "\r", False, 2, False),
        (b"\xef\xbb\xbfID , Date\na,2022", ("id", "date"), "\n", True, 2, True),
        (b'id,date\na,"2022\nstill a"\nb,2023\n', ("id", "date"), "\n", False, 3, False),
        (b"id,date\na,2022\n\n\nb,2023\n", ("id", "date"), "\n", False, 5, False),
        # names as check reads them: spaces, hyphens or dots for underscores, in any case
        (
            b"id,End Date,Source URL,claimed-by,end.date\n",
            ("id", "end_date", "source_url", "claimed_by", "end_date"),
            "\n",
            False,
            1,
            False,
        ),
    ],
)
def test_shape_of_a_file(data, columns, newline, needs_newline, records, bom):
    assert editing.shape_of(data) == editing.Shape(columns, newline, needs_newline, records, bom)


@pytest.mark.parametrize(
    "value, written",
    [
        ("plain", "plain"),
        ("", ""),
        ("a, b", '"a, b"'),
        ('say "no"', '"say ""no"""'),
        ("two\nlines", '"two\nlines"'),
        ("two\r\nlines", '"two\nlines"'),
        ("lone\rreturn", '"lone\nreturn"'),
        ("Almaty; Mangystau", '"Almaty; Mangystau"'),  # (no import splits it at its semicolon)
        ("a\tb", '"a\tb"'),
        ("Тоқаев", "Тоқаев"),
    ],
)
def test_quote(value, written):
    assert editing.quote(value) == written


@pytest.mark.parametrize(
    "shape, rows, appended",
    [
        (
            editing.Shape((), "\n", False, 0),
            [{"id": "a", "source": "S"}],  # a new file: BOM first
            "\ufeff" + HEADER + "\na,,,,,,,,,S,,,,,,,,,,\n",
        ),
        (
            editing.Shape((), "\n", False, 0, True),
            [{"id": "a", "source": "S"}],  # it has one: not two
            HEADER + "\na,,,,,,,,,S,,,,,,,,,,\n",
        ),
        (editing.Shape(("id", "date", "source"), "\r\n", False, 1), [{"id": "a", "date": "2022"}], "a,2022,\r\n"),
        (editing.Shape(("id", "date"), "\n", True, 2), [{"id": "a"}, {"id": "b", "date": "x,y"}], '\na,\nb,"x,y"\n'),
        (editing.Shape(("date", "extra", "id", "date"), "\n", False, 1), [{"id": "a", "date": "2022"}], "2022,,a,\n"),
    ],
)
def test_encode_in_the_files_columns_and_line_ending(shape, rows, appended):
    assert editing.encode(shape, rows).decode() == appended


# --- judged like check: the same messages, in the file's context -------------------------------

BAD_ROWS = [
    {**GOOD, "id": "new-event", "date": "03/04/2022"},
    {**GOOD, "id": "new-event", "title": ""},
    {**GOOD, "id": "New Event"},
    {**GOOD, "id": "new-event", "end_date": "2022-01-01"},
    {**GOOD, "id": "new-event", "source": ""},
    {**GOOD, "id": "new-event", "latitude": "43.2"},
    {**GOOD, "id": "new-event", "date": "2022-02-30"},
    {"id": "", "date": "2022", "source": "S"},
]


@pytest.mark.parametrize("values", BAD_ROWS)
def test_a_refused_row_gets_checks_own_messages(tmp_path, values):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    outcome = editing.add(path, values)
    assert not outcome.written
    assert path.read_text() == FILE
    by_hand = timeline.load_bytes(
        (FILE + editing.encode(editing.shape_of(FILE.encode()), [editing.account(values)]).decode()).encode()
    )
    assert outcome.problems == [p for p in by_hand.problems if p.row == 3]
    assert any(p.level == timeline.ERROR for p in outcome.problems)


@pytest.mark.parametrize(
    "values, accounts",
    [
        ({**GOOD, "source": "AP"}, 2),  # another account
        ({"id": "airport-seized", "date": "2022-01-06", "source": "AP"}, 2),  # title, category left out
        ({**GOOD, "id": "airport-retaken", "date": "6 January 2022"}, 1),
        (
            {
                **GOOD,
                "id": "curfew",
                "date": "2022-01-05 23:00",
                "end_date": "2022-01-19",
                "latitude": "43.2389",
                "longitude": "76.8897",
                "source_url": "https://example.org/a",
                "published": "2022-01",
                "claimed_by": "Interior Ministry",
                "description": 'Curfew, "23:00 to 07:00"\nin Almaty',
                "location": "Almaty",
            },
            1,
        ),
    ],
)
def test_an_accepted_row_is_appended(tmp_path, values, accounts):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    outcome = editing.add(path, values)
    assert outcome.written == {0: 3}
    data = path.read_bytes()
    assert data.startswith(FILE.encode())
    dataset = timeline.load(path)
    assert not dataset.problems
    added = dataset.accounts[dataset.accounts["row"] == 3].iloc[0]
    for name, value in values.items():
        assert added[name] == value.strip()
    assert (dataset.accounts["id"] == values["id"]).sum() == accounts


def test_where_there_is_no_pread_as_on_windows_add_reads_the_file_by_seeking(tmp_path, monkeypatch):
    """Windows has no os.pread: add reads the file by seeking, and still appends at its end."""
    monkeypatch.delattr(editing.os, "pread")
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    for id_ in ("airport-retaken", "curfew"):
        assert editing.add(path, {**GOOD, "id": id_}).written
    data = path.read_bytes()
    assert data.startswith(FILE.encode()) and data.count(b"\n") == 4
    assert not timeline.load(path).problems


@pytest.mark.parametrize("values, column", [({**GOOD, "category": "riot"}, "category")])
def test_a_warning_is_shown_but_the_row_is_added(tmp_path, values, column):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    outcome = editing.add(path, values)
    assert outcome.written == {0: 3}
    assert [(p.row, p.column, p.level) for p in outcome.problems] == [(3, column, "warning")]


@pytest.mark.parametrize(
    "values, column",
    [
        ({**GOOD, "id": "new-event", "source_url": "www.example.org"}, "source_url"),  # not a web link
        ({**GOOD, "id": "new-event", "published": "next tuesday"}, "published"),  # no day a reader can know
        ({**GOOD, "published": "2022-13-01"}, "published"),  # another account of an event
        ({**GOOD, "source": "AP", "date": "2022-01-05 10:00+15:00"}, "date"),  # an offset no place uses
        ({**GOOD, "source": "AP", "date": "2022-01-05 10:00 CST"}, "date"),  # a zone of several offsets
    ],
)
@pytest.mark.parametrize("exists", [True, False])
def test_a_value_the_site_would_leave_out_refuses_the_row(tmp_path, capsys, values, column, exists):
    """`check` keeps such a row without the value (a warning); `add`, whose editor is at the
    keyboard, writes nothing and says why, so no value is written only to be ignored."""
    path = tmp_path / "events.csv"
    if exists:
        path.write_text(FILE)
    before = path.read_bytes() if exists else None
    code = cli.main(["add", "--file", str(path), *[f"--{k.replace('_', '-')}={v}" for k, v in values.items()]])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert f": {column}: warning: {column} " in out[0]
    assert out[-2:] == [
        f"add writes no value, or part of one, that would be left out: fix {column}",
        f"nothing was added to {path}",
    ]
    assert (path.read_bytes() if exists else path.exists()) == (before if exists else False)
    # without it, the row is added
    assert editing.add(path, {**values, column: "2022-01-05" if column == "date" else ""}).written


def test_each_row_added_in_a_year_far_before_the_others_is_told(tmp_path):
    """The year-apart warning is on its year's last row: the one just added, whether it is the
    first of that year or the second (load.year_problems; ten rows of 2022 before them)."""
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    for n, date in enumerate([f"2022-01-{day:02d}" for day in range(6, 15)] + ["1022-01-08", "1022-01-09"]):
        outcome = editing.add(path, {**GOOD, "id": f"event-{n}", "date": date})
        assert outcome.written == {0: n + 3}
        said = [p for p in outcome.problems if p.column == "date"]
        assert [p.row for p in said] == ([n + 3] if date.startswith("1022") else [])
    assert "date '1022-01-09' is in 1022, as is 1 more row, 1,000 years before" in said[0].message


@pytest.mark.parametrize(
    "existing",
    [
        FILE,  # LF
        FILE.replace("\n", "\r\n"),  # CRLF
        FILE.rstrip("\n"),  # no final newline
        FILE.replace("\n", "\r\n").rstrip("\r\n"),  # CRLF, no final newline
        "\ufeff" + FILE,  # BOM
        "\ufeff" + FILE.replace("\n", "\r\n"),  # Excel's "CSV UTF-8": BOM and CRLF
        FILE + "\n\n",  # blank lines at the end
        FILE.replace("seized,,protest", 'seized,"Two\nlines",protest'),  # a value on two lines
    ],
)
def test_existing_bytes_line_endings_and_bom_are_kept(tmp_path, existing):
    path = tmp_path / "events.csv"
    before = existing.encode("utf-8")
    path.write_bytes(before)
    outcome = editing.add(path, {**GOOD, "id": "curfew", "description": "a, b"})
    assert outcome.written, outcome.problems
    after = path.read_bytes()
    assert after.startswith(before)
    newline = b"\r\n" if b"\r\n" in before else b"\n"
    tail = after[len(before) :]
    if not before.endswith(b"\n"):
        assert tail.startswith(newline)
    assert tail.endswith(b'curfew,2022-01-05,,Almaty airport seized,"a, b",protest,,,,Interfax,,,,,,,,,,' + newline)
    assert after.count(b"\xef\xbb\xbf") == before.count(b"\xef\xbb\xbf")
    if newline == b"\r\n":
        assert after.count(b"\n") == after.count(b"\r\n")
    dataset = timeline.load(path)
    assert not dataset.errors and "curfew" in set(dataset.accounts["id"])


def test_a_file_of_cr_cr_lf_line_ends_takes_rows_at_the_numbers_check_gives(tmp_path):
    # "\r\r\n": CRLF written through a text-mode file on Windows. Each line end is a CR (the
    # row's end) and then a CRLF (a blank row), as check and spreadsheets read it. The second add
    # reads on from the first's checked version (timeline.context), which must number rows so too.
    path = tmp_path / "events.csv"
    path.write_bytes(FILE.replace("\n", "\r\r\n").encode("utf-8"))
    first = editing.add(path, {**GOOD, "id": "curfew"})
    second = editing.add(path, {**GOOD, "id": "airport-retaken"})
    assert first.written and second.written, (first.problems, second.problems)
    dataset = timeline.load(path)
    assert not dataset.errors
    rows = dict(zip(dataset.accounts["id"], dataset.accounts["row"]))
    assert (rows["curfew"], rows["airport-retaken"]) == (first.written[0], second.written[0])


def test_an_absent_file_is_created_with_the_header(tmp_path):
    path = tmp_path / "events.csv"
    outcome = editing.add(path, GOOD)
    assert outcome.written == {0: 2} and outcome.header_written
    assert path.read_bytes() == (
        b"\xef\xbb\xbf"
        + HEADER.encode()  # so Windows Excel reads UTF-8
        + b"\nairport-seized,2022-01-05,,Almaty airport seized,,protest,,,,Interfax,,,,,,,,,,\n"
    )


@pytest.mark.parametrize("existing", [b"", b"\xef\xbb\xbf"])
def test_an_empty_file_gets_one_byte_order_mark(tmp_path, existing):
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    assert editing.add(path, GOOD).written == {0: 2}
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode()) and data.count(b"\xef\xbb\xbf") == 1
    assert not timeline.load(path).problems


def test_a_refused_row_does_not_create_the_file(tmp_path):
    path = tmp_path / "events.csv"
    outcome = editing.add(path, {**GOOD, "title": ""})
    assert not outcome.written and not path.exists()
    assert [p.column for p in outcome.problems] == ["title"]


@pytest.mark.parametrize(
    "existing, message",
    [
        (FILE + 'open-quote,2022,,"Never closed,,x,,,,S,,,,,,,\n', "never closed"),
        ("id;date;title;category;source\n", "separated by semicolons"),
        ("id,date,title\n", "the header has no 'category', 'source' column"),
    ],
)
def test_a_file_that_cannot_take_a_row_is_left_alone(tmp_path, existing, message):
    path = tmp_path / "events.csv"
    path.write_text(existing)
    outcome = editing.add(path, {**GOOD, "id": "curfew"})
    assert not outcome.written
    assert path.read_text() == existing
    assert outcome.review.blocking and message in outcome.review.blocking[0].message


@pytest.mark.parametrize(
    "existing, refused",
    [
        (FILE + "curfew,2022-01-05,,Curfew in Alm", True),  # a save in progress: the row cut, no line break
        (FILE + 'curfew,2022-01-05,,"Curfew in Alm', False),  # (a quote open: never closed, said as such)
        (FILE + "curfew,2022-01-05,,Curfew in Almaty,,government,,,,AFP,,,,,,,,,,", False),  # whole, no line break
        (
            FILE + "curfew,2022-01-05,,Curfew in Almaty, Kazakhstan,,government,,,,AFP,,,,,,,,,,",
            False,
        ),  # a value too many: no cut
        (FILE + "curfew,2022-01-05,,Curfew in Alm\n", False),  # cut, but ended: a mistake, told by check
    ],
)
def test_a_file_whose_last_row_is_cut_off_by_a_save_in_progress_takes_no_row(tmp_path, existing, refused):
    """Appended after a row a save in progress has cut, the row was written over by the rest of
    the save (an event `st` where `new-protest` was written), and `add` said it was added."""
    path = tmp_path / "events.csv"
    path.write_text(existing)
    outcome = editing.add(path, {**GOOD, "id": "new-protest"})
    said = [str(p.message) for p in outcome.review.blocking]
    assert any("the file's last row is cut off" in text for text in said) is refused
    if refused:
        assert not outcome.written and path.read_text() == existing
        assert outcome.review.blocking[0].row == 3


def test_a_row_is_appended_after_a_last_row_without_a_line_break_once_the_file_stands_still(tmp_path, monkeypatch):
    """Every column there, nothing but the missing line break tells a row a save is still writing
    (`2023-04-24` as far as `2023-04-2`) from a whole one: appended after it at once, the row made
    the cut value the file's for good. `add` waits until the file has stood still, and looks
    again: the save ended it meanwhile."""
    monkeypatch.setattr(lastgood, "SETTLE", 1.0)
    path = tmp_path / "events.csv"
    whole = FILE + "curfew,2022-01-05,,Curfew in Almaty,,government,,,,AFP,,,,,,,,,,2023-04-24\n"
    path.write_text(whole[:-4])  # (the save so far)
    written = []

    def save_ends():
        time.sleep(0.3)
        with open(path, "a") as file:
            file.write(whole[-4:])
        written.append(time.monotonic())

    import threading

    saving = threading.Thread(target=save_ends)
    started = time.monotonic()
    saving.start()
    outcome = editing.add(path, {**GOOD, "id": "new-protest"})
    saving.join()
    assert outcome.written and written and time.monotonic() - started >= 1.0
    assert path.read_text().startswith(whole) and "2023-04-24\nnew-protest," in path.read_text()


def test_a_file_replaced_while_its_row_is_checked_takes_the_row_in_the_new_file(tmp_path, monkeypatch):
    """A spreadsheet's save (a copy renamed over the file) after the file was looked at and before
    the row was written: `add` starts again on the new file, where the row went to the old one."""
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    saved = FILE + "curfew,2022-01-05,,Curfew in Almaty,,government,,,,AFP,,,,,,,,,,\n"
    real, replaced = editing._choose, []

    def then_saved(*args):
        if not replaced:
            (tmp_path / "saved.csv").write_text(saved)
            os.replace(tmp_path / "saved.csv", path)
            replaced.append(True)
        return real(*args)

    monkeypatch.setattr(editing, "_choose", then_saved)
    outcome = editing.add(path, {**GOOD, "id": "new-protest"})
    assert outcome.written == {0: 4}
    assert path.read_text().startswith(saved) and "new-protest" in path.read_text()


def test_a_file_replaced_as_its_row_is_written_is_said_to_lack_it(tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    real = editing._write_all

    def saved_meanwhile(fd, data):
        real(fd, data)
        (tmp_path / "saved.csv").write_text(FILE)
        os.replace(tmp_path / "saved.csv", path)

    monkeypatch.setattr(editing, "_write_all", saved_meanwhile)
    outcome = editing.add(path, {**GOOD, "id": "new-protest"})
    assert not outcome.written
    assert "the file was replaced by another program" in str(outcome.problems[0].message)
    assert outcome.problems[0].code == ProblemCode.REPLACED
    assert cli.main(["check", str(path)]) == 0 and "new-protest" not in path.read_text()


def test_a_file_replaced_again_and_again_is_given_up_on_in_time(tmp_path, monkeypatch):
    """A file a program keeps replacing (a spreadsheet's autosave, a folder kept in sync): `add`
    looked at it again for as long as that went on."""
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    monkeypatch.setattr(editing, "GIVE_UP", 0.3)
    monkeypatch.setattr(editing, "_still_at", lambda path, fd: False)  # (replaced each time it is looked at)
    started = time.monotonic()
    outcome = editing.add(path, {**GOOD, "id": "new-protest"})
    assert time.monotonic() - started < 5 and not outcome.written and path.read_text() == FILE
    (problem,) = outcome.problems
    assert problem.code == ProblemCode.REPLACED and "kept being replaced or written to" in str(problem.message)
    assert "for 0 seconds" in str(problem.message)


# --- a file of another encoding or delimiter: refused, never made a mix ------------------------

WINDOWS_1252 = FILE.replace("seized,,protest", "seized,Tokayev\u2019s statement,protest")


@pytest.mark.parametrize(
    "existing, row",
    [
        (WINDOWS_1252.encode("cp1252"), 2),  # Excel's plain "CSV" (Windows)
        (WINDOWS_1252.replace("\n", "\r\n").encode("cp1252"), 2),  # ... with its CRLF
        (
            (
                FILE + "curfew,2022-01-05,,Curfew in Almaty,Couvre-feu \u00e0 Almaty,government,,,,AFP,,,,,,,,,,\n"
            ).encode("latin-1"),
            3,
        ),  # Latin-1 (the same bytes)
        (
            (FILE + "cafe,2022,,Caf\u00e9\u00a0\u00bb Paris,,protest,,,,AP,,,,,,,,,,\n").encode("cp1252")
            + ("lyon,2022,,R\u00e9union \u00e0 Lyon,,protest,,,,AP,,,,,,,,,,\n").encode("cp1252")
            + ("deja,2022,,D\u00e9j\u00e0 vu,,protest,,,,AP,,,,,,,,,,\n").encode("cp1252"),
            4,
        ),  # Windows-1252 whose "é »" (E9 A0 BB) happens to be a UTF-8 character
    ],
)
def test_a_file_not_in_utf8_is_refused_with_how_to_convert_it(tmp_path, existing, row):
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    outcome = editing.add(path, {**GOOD, "id": "curfew-ends", "description": "Tokayev\u2019s decree"})
    assert not outcome.written
    assert path.read_bytes() == existing
    [problem] = outcome.problems
    assert (problem.row, problem.level) == (0, "error")
    assert problem.message.startswith(f"the file is not UTF-8 text: row {row} is the first with bytes")
    for fix in (
        "'CSV UTF-8 (Comma delimited)'",
        "Character set 'Unicode (UTF-8)'",
        f"iconv -f WINDOWS-1252 -t UTF-8 {path} > {tmp_path / 'events-utf8.csv'}",
    ):
        assert fix in problem.message


UTF8_ROW = "r\u00e9sum\u00e9,2022,,R\u00e9sum\u00e9,,protest,,,,AP,,,,,,,,,,\n"
CP1252_ROW = "caf\u00e9,2022,,Caf\u00e9,,protest,,,,AP,,,,,,,,,,\n".encode("cp1252")


@pytest.mark.parametrize(
    "existing, rows",
    [
        (("\ufeff" + FILE).encode("utf-8") + CP1252_ROW, "3"),  # after a BOM (Excel's "CSV UTF-8")
        ((FILE + UTF8_ROW).encode("utf-8") + CP1252_ROW, "4"),  # after a row of UTF-8 accents
        (FILE.encode("utf-8") + CP1252_ROW + UTF8_ROW.encode("utf-8"), "3"),  # before one
        ((FILE + UTF8_ROW).encode("utf-8") + CP1252_ROW + UTF8_ROW.encode("utf-8") + CP1252_ROW, "4 and 6"),
    ],
)
def test_rows_of_another_encoding_in_a_utf8_file_are_named_to_be_mended_not_the_file_converted(
    tmp_path, existing, rows
):
    """Converting the whole file (iconv from Windows-1252) would garble its UTF-8 rows, and a
    byte order mark: only the rows pasted in another encoding are to be mended."""
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    outcome = editing.add(path, {**GOOD, "id": "curfew-ends"})
    assert not outcome.written and path.read_bytes() == existing
    [problem] = outcome.problems
    plural = "s" if " and " in rows else ""
    assert problem.message.startswith(f"the file is UTF-8 text but row{plural} {rows} hold")
    assert "Do not convert the whole file" in problem.message and "iconv" not in problem.message


@pytest.mark.parametrize(
    "encoding, title, said",
    [
        ("cp1251", "Токаев выступил с обращением к народу", "Cyrillic, Windows-1251"),
        # (a Mac's: opened as Windows-1251, Токаев would read †окаев, its capitals Windows' punctuation)
        ("mac_cyrillic", "Токаев выступил с обращением к Народу", "Cyrillic, Macintosh"),
        ("cp1256", "احتجاجات في ألماتي بسبب ارتفاع أسعار الغاز", "Arabic, Windows-1256"),
        ("cp932", "アルマトイで燃料価格の値上げに抗議するデモ", "Japanese, Shift-JIS"),
        ("cp866", "Токаев выступил с обращением к народу", "Cyrillic, DOS-866"),
        # (from Windows-1252, Władze would read W³adze; ateş ateþ)
        ("cp1250", "Władze ogłosiły stan wyjątkowy w całym kraju", "Central European, Windows-1250"),
        ("cp1254", "Askerler kalabalığa ateş açtı", "Turkish, Windows-1254"),
        # (Latvian: from Windows-1252, atkāpšanos would read atkâpðanos; was told Windows-1252)
        ("cp1257", "Cilvēki pulcējās; žurnālisti ziņo par atkāpšanos", "Baltic, Windows-1257"),
    ],
)
def test_a_file_in_another_script_s_code_page_is_told_to_be_converted_from_that_one(tmp_path, encoding, title, said):
    """Converted from Windows-1252, as a Western file is, its every letter would be garbled for
    good (Òîêàåâ for Токаев): the command told converts it to the text written."""
    rows = "".join(f"e{n},2022-01-05,,{title},,protest,,,,AP,,,,,,,,,,\n" for n in range(3))
    path = tmp_path / "events.csv"
    path.write_bytes((FILE + rows).encode(encoding))
    [problem] = editing.add(path, {**GOOD, "id": "curfew-ends"}).problems
    assert f"(probably {said}, which a spreadsheet set to a language of that script" in problem.message
    command = problem.message.split("on the command line: ")[1]
    assert command.startswith("iconv -f ") and "WINDOWS-1252" not in command
    subprocess.run(command, shell=True, check=True)
    assert path.read_bytes() == (FILE + rows).encode("utf-8")


@pytest.mark.parametrize(
    "encoding, line_end, said",
    [
        # (Excel for Mac's 'CSV (Macintosh)', its lines ended by a carriage return; and Excel's 'CSV
        # (MS-DOS)': each was told Windows-1252, whose iconv made café cafŽ and caf‚ for good)
        ("mac_roman", "\r", "Mac Roman, as Excel for Mac saves 'CSV (Macintosh)'"),
        ("mac_roman", "\n", "Mac Roman, as Excel for Mac saves 'CSV (Macintosh)'"),
        ("cp850", "\r\n", "DOS-850, as Excel saves 'CSV (MS-DOS)'"),
        ("cp437", "\r\n", "DOS-850, as Excel saves 'CSV (MS-DOS)'"),  # (the US one's letters are 850's)
    ],
)
def test_a_file_in_a_mac_s_or_dos_s_code_page_is_told_to_be_converted_from_that_one(tmp_path, encoding, line_end, said):
    title = "Le café de Señor García est fermé; déclaration à 14h"
    rows = "".join(f"e{n},2022-01-05,,{title},,protest,,,,AP,,,,,,,,,,{line_end}" for n in range(3))
    written = (FILE.replace("\n", line_end) + rows).encode(encoding)
    path = tmp_path / "events.csv"
    path.write_bytes(written)
    [problem] = editing.add(path, {**GOOD, "id": "curfew-ends"}).problems
    assert f"(probably {said}), and a row added" in problem.message
    command = problem.message.split("on the command line: ")[1]
    assert command.startswith("iconv -f ") and "WINDOWS-1252" not in command
    subprocess.run(command, shell=True, check=True)
    assert path.read_bytes() == (FILE.replace("\n", line_end) + rows).encode("utf-8")


def test_a_file_converted_with_the_suggested_command_takes_the_row(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(WINDOWS_1252.encode("cp1252"))
    path.write_bytes(path.read_bytes().decode("cp1252").encode("utf-8"))  # what iconv does
    assert editing.add(path, {**GOOD, "id": "curfew-ends", "description": "Tokayev\u2019s decree"}).written
    dataset = timeline.load(path)
    assert not dataset.problems
    assert set(dataset.accounts["description"]) == {"Tokayev\u2019s statement", "Tokayev\u2019s decree"}


def test_an_ascii_file_is_utf8_and_takes_a_row_in_utf8(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(FILE.encode("cp1252"))  # nothing beyond ASCII: the same bytes in UTF-8
    assert editing.add(path, {**GOOD, "id": "curfew-ends", "description": "Tokayev\u2019s decree"}).written
    assert not timeline.load(path).problems


@pytest.mark.parametrize(
    "existing",
    [
        FILE.replace(",", ";").encode("utf-8"),  # European Excel: semicolons
        ("\ufeff" + FILE.replace(",", ";").replace("\n", "\r\n")).encode("utf-8"),  # ... as "CSV UTF-8"
        FILE.replace(",", "\t").encode("utf-8"),  # tab-separated text
    ],
)
def test_a_file_with_another_delimiter_is_refused_with_checks_fix(tmp_path, existing):
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    outcome = editing.add(path, {**GOOD, "id": "curfew", "description": "a; b, c"})
    assert not outcome.written and path.read_bytes() == existing
    checked = timeline.load(path).errors
    assert outcome.problems == [p for p in checked if p.row <= 1]  # check's own words and fix
    assert "not commas" in outcome.problems[0].message


# --- another account of an event whose first row is refused: the first row is the cause ----------


@pytest.mark.parametrize(
    "first_row, cause",
    [
        (
            "airport-seized,03/04/2022,,Almaty airport seized,,protest,,,,Interfax,,,,,,,,,,",
            "row 2, this event's first row, is refused: date '03/04/2022' can be read two ways: 3 April 2022 "
            "(day first) or 4 March 2022 (month first); write 2022-04-03 or 2022-03-04; fix it first",
        ),
        (
            "airport-seized,2022-01-05,,Almaty airport seized,,protest,,,,,,,,,,,,,,",
            "row 2, this event's first row, is refused: source is empty; name who published this account "
            "(an outlet, agency or document); fix it first",
        ),
        (
            "airport-seized,2022-02-30,,Almaty airport seized,,protest,,,,,,,,,,,,,,",
            "row 2, this event's first row, is refused: date '2022-02-30': February 2022 has 28 days, so day 30 "
            "does not exist (and 1 more: `python -m timeline check` lists them); fix it first",
        ),
        (
            "airport-seized,2022-01-05,,Almaty airport seized, protesters inside,,protest,,,,Interfax,,,,,,,,,,",
            "row 2, this event's first row, is refused: this row has 21 values but the header has 20 columns, so "
            "the row is left out; a value with a comma in it needs double quotes around it. The row begins "
            "'airport-seized,2022-01-05,,Almaty airport seized, ... (98 characters)'; fix it first",
        ),
        (
            "airport-seized,2022-01-05,,,,protest,,,,Interfax,,,,,,,,,,",
            "row 2, this event's first row, is refused: title is empty on the first row of this event; the "
            "first row of an id names its title: fill it in, or, if a later row of this id has it (a sort by date "
            "may have moved that row down), move that row up; fix it first",
        ),
    ],
)
def test_an_account_of_an_event_whose_first_row_is_refused_names_that_row(tmp_path, capsys, first_row, cause):
    path = tmp_path / "events.csv"
    existing = HEADER + "\n" + first_row + "\n"
    path.write_text(existing)
    code = cli.main(["add", "--file", str(path), "--id", "airport-seized", "--date", "2022-01-06", "--source", "AP"])
    assert code == 1 and path.read_text() == existing
    assert capsys.readouterr().out.splitlines() == [f"{path}:3: id: error: {cause}", f"nothing was added to {path}"]


def test_rows_added_again_one_by_one_are_told_as_the_block_they_repeat(tmp_path):
    """An editor runs the same two adds again: the second add is told that its row goes on
    repeating the rows before it (the warning `check` gives the file: one for the block)."""
    path = tmp_path / "events.csv"
    other = {**GOOD, "id": "curfew", "title": "Curfew", "date": "2022-01-06"}
    path.write_text(HEADER + "\n")
    for values in (GOOD, other, GOOD):
        assert editing.add(path, values).written
    outcome = editing.add(path, other)
    said = "rows 4 to 5 repeat rows 2 to 3 value for value, as rows pasted twice do"
    assert outcome.written == {0: 5}
    assert [(p.row, p.column, p.message[: len(said)]) for p in outcome.problems] == [(4, "id", said)]
    assert [p.message for p in timeline.load(path).problems] == [p.message for p in outcome.problems]


def test_a_new_event_without_a_title_still_says_title_is_empty(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    outcome = editing.add(path, {"id": "new-event", "date": "2022-01-06", "source": "AP"})
    assert [(p.column, p.message.split(" is empty")[0]) for p in outcome.problems] == [
        ("title", "title"),
        ("category", "category"),
    ]


def test_a_value_for_a_column_the_file_lacks_is_refused_not_dropped(tmp_path):
    path = tmp_path / "events.csv"
    existing = "id,date,title,category,source\n"
    path.write_text(existing)
    outcome = editing.add(path, {**GOOD, "location": "Almaty"})
    assert not outcome.written and path.read_text() == existing
    assert [(p.row, p.column, p.level) for p in outcome.problems] == [(2, "location", "error")]
    assert editing.add(path, GOOD).written == {0: 2}
    assert path.read_text() == existing + "airport-seized,2022-01-05,Almaty airport seized,protest,Interfax\n"


@pytest.mark.parametrize("end_date", ["End Date", "end-date", "END_DATE", "end.date"])
def test_a_column_named_as_check_reads_it_takes_its_value(tmp_path, end_date):
    """`End Date`, as a spreadsheet's header has it, is check's end_date: add writes the end there
    (it was refused, the file said to have no end_date column), where the site reads it."""
    path = tmp_path / "events.csv"
    existing = f"id,date,title,category,source,{end_date}\r\ne1,2022-01-05,T1,c,S,\r\n"
    path.write_bytes(existing.encode())
    outcome = editing.add(path, {**GOOD, "end_date": "2022-01-09"})
    assert outcome.written == {0: 3}
    assert (
        path.read_bytes()
        == existing.encode() + b"airport-seized,2022-01-05,Almaty airport seized,protest,Interfax,2022-01-09\r\n"
    )
    assert timeline.load(path).accounts["end"].iloc[-1] == pd.Timestamp("2022-01-09")


def test_a_folder_that_does_not_exist_is_a_problem_not_a_traceback(tmp_path):
    outcome = editing.add(tmp_path / "nowhere" / "events.csv", GOOD)
    assert not outcome.written
    assert "cannot be opened" in outcome.problems[0].message


# --- the command --------------------------------------------------------------------------------


def test_cli_add_prints_what_it_did(tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    code = cli.main(
        [
            "add",
            "--file",
            str(path),
            "--id",
            "airport-seized",
            "--date",
            "2022-01-06",
            "--source",
            "AP",
            "--claimed-by",
            "Interior Ministry",
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == [
        f"{path}:3: added another account of 'airport-seized', which now has 2 accounts",
        f"{path}:3: its date, '2022-01-06', cannot all be true with those of its other accounts "
        "('2022-01-05'), so the dashboard now shows the event's date as disputed, its sources "
        "disagreeing; if they agree, write the date as the others do",
        "1 event, 2 accounts, 0 errors, 0 warnings",
    ]
    assert path.read_text().endswith("airport-seized,2022-01-06,,,,,,,,AP,,,Interior Ministry,,,,,,,\n")


def test_cli_add_refuses_with_checks_message(tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    code = cli.main(
        [
            "add",
            "--file",
            str(path),
            "--id",
            "curfew",
            "--date",
            "03/04/2022",
            "--title",
            "Curfew",
            "--category",
            "government",
            "--source",
            "AP",
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [
        f"{path}:3: date: error: date '03/04/2022' can be read two ways: 3 April 2022 (day first) "
        f"or 4 March 2022 (month first); write 2022-04-03 or 2022-03-04.",
        f"nothing was added to {path}",
    ]
    assert path.read_text() == FILE


# --- two editors at once ------------------------------------------------------------------------

WORKER = """
import sys, time
from pathlib import Path
from timeline import editing
path, name, ready, go = sys.argv[1:5]
Path(ready).touch()
while not Path(go).exists():
    time.sleep(0.001)
for i in range(100):
    outcome = editing.add(path, {"id": f"{name}-{i}", "date": "2022-01-05", "title": f"{name} {i}",
                                 "category": name, "source": "Desk",
                                 "description": f"{name} writes row {i}, with a comma"})
    assert outcome.written, outcome.problems
"""


def test_two_editors_adding_at_once_lose_nothing(tmp_path):
    """Both start on an absent file: without the lock both would write the header."""
    path = tmp_path / "events.csv"
    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), name, str(tmp_path / name), str(go)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / name).exists() for name in ("alpha", "beta")):
        assert time.monotonic() < deadline and all(w.poll() is None for w in workers)
        time.sleep(0.01)
    go.touch()
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors
    dataset = timeline.load(path)
    assert not dataset.problems
    expected = {f"{name}-{i}" for name in ("alpha", "beta") for i in range(100)}
    assert set(dataset.accounts["id"]) == expected and len(dataset.accounts) == 200
    assert path.read_bytes().count(b"\xef\xbb\xbf") == 1  # one byte order mark, before the one header
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    assert lines[0] == HEADER and lines[-1] == "" and len(lines) == 202
    assert lines.count(HEADER) == 1
    for name in ("alpha", "beta"):  # each editor's rows whole, and in the order it wrote them
        mine = [line for line in lines if line.startswith(f"{name}-")]
        assert mine == [
            f'{name}-{i},2022-01-05,,{name} {i},"{name} writes row {i}, with a comma",{name},,,,Desk,,,,,,,,,,'
            for i in range(100)
        ]


# --- any laptop: the CLI needs no fcntl (Windows has none) ------------------------------------

WITHOUT_FCNTL = """
import sys
sys.modules["fcntl"] = None   # as on Windows: `import fcntl` fails
from timeline import cli
path = sys.argv[1]
assert cli.main(["check", path]) == 0
assert cli.main(["add", "--file", path, "--id", "curfew", "--date", "2022-01-05", "--title", "Curfew",
                 "--category", "government", "--source", "AP"]) == 0
"""


def test_check_and_add_run_where_there_is_no_fcntl(tmp_path):
    """An editor on Windows can check a file and add to it: nothing in the package imports
    fcntl (the append lock is filelock's, portable)."""
    path = tmp_path / "events.csv"
    path.write_text(FILE)
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", WITHOUT_FCNTL, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert timeline.load(path).accounts["id"].tolist() == ["airport-seized", "curfew"]
    assert path.read_text().startswith(FILE)


@pytest.mark.parametrize("read_on", [True, False])
@pytest.mark.parametrize(
    "rows, added, said",
    [
        # The row that makes an event's dates disagree is told so: the dashboard shows it disputed.
        ([("2022-01-05", "")], ("2022-01-06", ""), "its date, '2022-01-06', cannot all be true with those of"),
        ([("2022-01-05", ""), ("2022-01-05", "")], ("2023", ""), "other accounts ('2022-01-05'), so"),
        ([("2022-01-05", "2022-01-07")], ("2022-01-05", "2022-01-09"), "its dates, '2022-01-05 to 2022-01-09'"),
        # Dates that can all be true (a month and a day of it; the same moment on two clocks): nothing.
        ([("2022-01-05", "")], ("2022-01", ""), None),
        ([("2022-01-05 14:30+06:00", "")], ("2022-01-05 08:30Z", ""), None),
        # Disputed before: nothing more to say.
        ([("2022-01-05", ""), ("2022-01-06", "")], ("2022-01-07", ""), None),
    ],
)
def test_add_says_when_the_row_makes_its_events_dates_disputed(
    tmp_path, capsys, monkeypatch, rows, added, said, read_on
):
    path = tmp_path / "events.csv"
    path.write_text(
        HEADER
        + "\n"
        + "".join(
            f"airport-seized,{date},{end},Almaty airport seized,,protest,,,,Interfax,,,,,,,,,,\n" for date, end in rows
        )
    )
    if not read_on:  # (the file read again whole: the same words)
        monkeypatch.setattr(editing, "check_with", lambda *args, **kwargs: None)
    date, end = added
    assert (
        cli.main(
            ["add", "--file", str(path), "--id", "airport-seized", "--date", date, "--end-date", end, "--source", "AP"]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    told = [line for line in out if "disputed" in line]
    if said is None:
        assert told == []
    else:
        assert len(told) == 1 and said in told[0] and told[0].startswith(f"{path}:{len(rows) + 2}: ")
