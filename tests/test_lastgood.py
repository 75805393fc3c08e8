"""timeline.lastgood: which version of the file the site publishes, and `python -m timeline accept`."""

from __future__ import annotations

import importlib
import json
import os
import time
from pathlib import Path

import pytest

import timeline
from timeline import lastgood
from timeline.app import data
from timeline.appends import load_more
from timeline.cli import main
from timeline.lastgood import Published, decide

from .helpers import csv_bytes, row, us_excel

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "events.csv").read_bytes()
HEADER = GOOD.split(b"\n", 1)[0] + b"\n"
US_EXCEL = us_excel(GOOD)


def rows(count: int) -> bytes:
    return csv_bytes([row(f"event-{i}", f"2022-01-{1 + i % 28:02d}") for i in range(count)])


def dataset(data: bytes):
    return timeline.load_bytes(data)


LAST = Published(signature=(1, 2, 3), events=10, accounts=10, saved_at=0)

CASES = [
    # what the last good version is, the new file's bytes, (the new file's last byte ends a line),
    # published?, what the reason says
    ("no last good version: a broken file is served", None, b"", True, True, ""),
    ("no last good version: a few rows are served", None, rows(1), True, True, ""),
    ("as many events", LAST, rows(10), True, True, ""),
    ("more events", LAST, rows(30), True, True, ""),
    ("half the events is still published", LAST, rows(5), True, True, ""),
    (
        "fewer than half is kept back",
        LAST,
        rows(4),
        True,
        False,
        "it would show 4 events, where the published version has 10",
    ),
    ("every row refused", LAST, HEADER + b"x,1/7/22,,T,,protest,,,,AFP,,,\n", True, False, "it has no rows"),
    ("header only", LAST, HEADER, True, False, "it has no rows"),
    ("empty", LAST, b"", True, False, "the file is empty"),
    ("UTF-16", LAST, "\ufeff".encode("utf-16-le") + GOOD.decode().encode("utf-16-le"), True, False, "UTF-16"),
    ("a workbook (zip)", LAST, b"PK\x03\x04" + bytes(200), True, False, ""),
    ("semicolons", LAST, GOOD.replace(b",", b";"), True, False, "semicolons"),
    ("a header naming a column twice", LAST, rows(12).replace(b"id,date,", b"id,date,date,", 1), True, False, "twice"),
    ("the last row cut off by a save in progress", LAST, rows(12)[:-20], False, False, "its last row is cut off"),
    ("a last row refused but whole is no save in progress", LAST, rows(12) + b'x,2022-01-01,,"T\n', True, True, ""),
    (
        "a last row of values too many is no save in progress, line break or none",
        LAST,
        rows(12) + b"x,2022-01-01,,T, with a comma,,p,,,,S,,,,,,,,,,",
        False,
        True,
        "",
    ),
    ("the last good version itself is published (accepted)", Published((), 100, 100), rows(1), True, True, ""),
]


@pytest.mark.parametrize("last, data, ends, publish, why", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_decide(last, data, ends, publish, why):
    verdict = decide(last, dataset(data), ends)
    assert verdict.publish is publish, verdict
    assert why in verdict.why
    assert (verdict.why == "") is publish


def test_a_us_excel_save_of_the_shipped_file_is_kept_back():
    last = Published((1, 2, 3), events=35, accounts=82, saved_at=0)
    new = dataset(US_EXCEL)
    assert len(new.events) < 35 / 2
    verdict = decide(last, new)
    assert (verdict.publish, verdict.kind) == (False, "lost")
    text = lastgood.notice("events.csv", new, verdict, last)
    assert f"it would show {len(new.events)} events, where the published version" in text
    assert "has 35" in text and "The first problem: the file, date: 77 of 82 dates" in text and "6/7/17" in text
    # (its rows left out by errors: plain accept refuses it, so the notice names --with-errors)
    assert "publish it with `python -m timeline accept --with-errors events.csv` (without the rows left out)." in text


# --- The app: every worker, and one started later, serves the last good version ----------------


def swap_in(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


@pytest.fixture
def served(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(GOOD)
    data._cache.clear()
    yield path
    data._cache.clear()


def test_a_broken_save_is_kept_back_in_every_worker_until_accepted(served, capsys):
    first = data.current(str(served), wait=True)
    assert len(first.index) == 35 and not first.notices
    assert lastgood.read(served).events == 35
    swap_in(served, US_EXCEL)
    kept = data.current(str(served), wait=True)
    assert len(kept.index) == 35 and kept.version != first.version
    assert "is not published" in kept.notices[0].message
    data._cache.clear()  # a worker started now, with nothing in memory
    fresh = data.current(str(served), wait=True)
    assert len(fresh.index) == 35 and "is not published" in fresh.notices[0].message
    assert served.read_bytes() == US_EXCEL, "the editor's file is never written"

    assert main(["accept", str(served)]) == 1, "errors leave rows out: only --with-errors publishes it"
    assert main(["accept", "--with-errors", str(served)]) == 0
    out = capsys.readouterr().out
    events = len(timeline.load(served).events)
    assert f"{events} events (was 35)" in out
    published = data.current(str(served), wait=True)  # the same worker: the record changed
    assert len(published.index) == events and not published.notices
    assert published.version != fresh.version
    assert served.read_bytes() == US_EXCEL


def test_a_server_that_starts_on_a_broken_file_serves_the_last_good_copy(served):
    data.current(str(served), wait=True)
    swap_in(served, b"")
    data._cache.clear()  # a restart
    now = data.current(str(served), wait=True)
    assert len(now.index) == 35 and "cannot be read right now" in now.notices[0].message


def test_with_no_last_good_version_what_loads_is_served_and_not_recorded(served):
    swap_in(served, b"")
    now = data.current(str(served), wait=True)
    assert len(now.index) == 0 and "cannot be read right now" not in now.problems[0].message
    assert lastgood.read(served) is None, "a broken file never becomes the last good version"
    swap_in(served, GOOD)
    assert len(data.current(str(served), wait=True).index) == 35
    assert lastgood.read(served).events == 35


def test_a_read_only_state_folder_falls_back_to_each_worker_s_memory(served, monkeypatch, tmp_path):
    monkeypatch.setenv(lastgood.STATE_DIR, str(tmp_path / "file-not-folder"))
    (tmp_path / "file-not-folder").write_text("")
    assert len(data.current(str(served), wait=True).index) == 35
    swap_in(served, US_EXCEL)
    assert len(data.current(str(served), wait=True).index) == 35


def test_a_configured_state_folder_holds_the_record(served, monkeypatch, tmp_path):
    state = tmp_path / "state"
    monkeypatch.setenv(lastgood.STATE_DIR, str(state))
    data.current(str(served), wait=True)
    record = json.loads(next(state.glob("events.csv-*.last-good.json")).read_text())
    assert record["events"] == 35 and record["accounts"] == 82
    assert not (served.parent / lastgood.BESIDE).exists()


# --- python -m timeline accept ---------------------------------------------------------------


def test_accept_prints_what_it_publishes_and_never_writes_the_file(tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_bytes(rows(3))
    assert main(["accept", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "3 events, 3 accounts, 0 errors, 0 warnings",
        f"published {path}: 3 events (no version was recorded before); open pages show it within a few seconds",
    ]
    path.write_bytes(rows(1))
    assert main(["accept", str(path)]) == 0
    assert "1 event (was 3)" in capsys.readouterr().out
    assert path.read_bytes() == rows(1)
    record = lastgood.read(path)
    assert (record.events, record.accepted) == (1, True)
    assert lastgood.copy_path(path).read_bytes() == rows(1)


def test_accept_refuses_a_file_that_cannot_be_read(tmp_path, capsys):
    path = tmp_path / "events.csv"
    path.write_bytes(b"")
    assert main(["accept", str(path)]) == 1
    out = capsys.readouterr().out
    assert "nothing is published" in out and "the file is empty" in out
    assert lastgood.read(path) is None


def first_events(data: bytes, count: int) -> bytes:
    """The header and the rows of the file's first `count` events (a deliberate deletion)."""
    lines = data.decode("utf-8").splitlines(keepends=True)
    ids = list(dict.fromkeys(line.split(",", 1)[0] for line in lines[1:]))[:count]
    return "".join([lines[0], *(line for line in lines[1:] if line.split(",", 1)[0] in ids)]).encode("utf-8")


def test_the_readme_shows_what_accept_prints_for_a_deletion_and_for_a_us_excel_save(tmp_path, capsys, monkeypatch):
    """The editor's guide's examples, run: the shipped file published, then cut to its first five
    events and accepted; then saved by US Excel, which accept refuses (the errors leave rows out)."""
    path = tmp_path / "events.csv"
    path.write_bytes(GOOD)
    assert main(["accept", str(path)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    path.write_bytes(first_events(GOOD, 5))
    assert main(["accept", "events.csv"]) == 0
    example = readme.split("timeline accept events.csv\n\n", 1)[1].split("\n\n", 1)[0]
    assert [line.strip() for line in example.splitlines()] == capsys.readouterr().out.splitlines()

    path.write_bytes(US_EXCEL)
    assert main(["accept", "events.csv"]) == 1
    printed = capsys.readouterr().out.splitlines()
    example = readme.split("After a US Excel save, for instance:\n\n", 1)[1].split("\n\n", 1)[0]
    first, second, skipped, last = (line.strip() for line in example.splitlines())
    assert skipped == "..." and printed[0] == first
    assert printed[1].startswith(second.removesuffix("...")) and printed[-1].startswith(last.removesuffix("..."))
    assert lastgood.read(path).events == 5, "nothing is published"
    assert main(["accept", "--with-errors", "events.csv"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "published events.csv: 5 events (was 5); open pages show it within a few seconds",
        "73 rows are left out by errors: readers see them again once they are mended",
    ]


def test_accept_refuses_a_save_still_in_progress(tmp_path, capsys):
    """A save cut off inside a quoted value (the site keeps it back as unreadable): accept said
    "1 error" and published it."""
    path = tmp_path / "events.csv"
    path.write_bytes(GOOD[:9000])
    assert main(["accept", str(path)]) == 1
    out = capsys.readouterr().out
    assert "is never closed" in out
    assert "nothing is published: its last row is cut off, as a save still in progress leaves it" in out
    assert lastgood.read(path) is None


# --- The copy of the last good version, kept up with appends ---------------------------------


def remembered(path):
    return lastgood.remember(path, timeline.load(path))


def test_an_appended_row_is_appended_to_the_copy_not_copied_again(tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_bytes(rows(3))
    first = timeline.load(path)
    assert lastgood.remember(path, first).events == 3
    copy = lastgood.copy_path(path)
    inode = os.stat(copy).st_ino
    with open(path, "ab") as f:
        f.write(csv_bytes([row("event-9", "2022-02-01")]).split(b"\n", 1)[1])
    monkeypatch.setattr(lastgood.shutil, "copyfile", lambda *a: pytest.fail("copied whole"))
    published = lastgood.remember(path, load_more(first, path))  # (as a served worker reads it on)
    assert (published.events, published.accounts) == (4, 4)
    assert copy.read_bytes() == path.read_bytes() and os.stat(copy).st_ino == inode
    assert lastgood.read(path) == published
    assert len(lastgood.load_copy(path, published).events) == 4


def test_an_edit_in_place_in_the_middle_with_a_row_appended_copies_the_whole_file(tmp_path):
    """The same length, in the middle: the copy's first and last bytes are the file's, not the rest."""
    path = tmp_path / "events.csv"
    data = rows(6_000)
    path.write_bytes(data)
    first = timeline.load(path)
    lastgood.remember(path, first)
    middle = data.index(b"event-", len(data) // 2)
    edited = data[:middle] + data[middle:].replace(b"2022-01-0", b"2021-01-0", 1)
    with open(path, "r+b") as f:
        f.write(edited + csv_bytes([row("event-x", "2022-02-01")]).split(b"\n", 1)[1])
    lastgood.remember(path, load_more(first, path))
    assert lastgood.copy_path(path).read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    "change",
    ["the file edited before it grew", "the copy damaged", "the file replaced", "the file shorter", "accepted"],
)
def test_any_other_change_copies_the_whole_file(tmp_path, change):
    path = tmp_path / "events.csv"
    path.write_bytes(rows(40))
    remembered(path)
    copy = lastgood.copy_path(path)
    more = csv_bytes([row("event-99", "2022-02-01")]).split(b"\n", 1)[1]
    if change == "the file edited before it grew":  # the same inode: in place
        with open(path, "r+b") as f:
            f.write(rows(40).replace(b"event-0,", b"event-X,") + more)
    elif change == "the copy damaged":
        copy.write_bytes(copy.read_bytes().replace(b"event-39,", b"event-Y,"))
        with open(path, "ab") as f:
            f.write(more)
    elif change == "the file replaced":
        other = tmp_path / "other.csv"
        other.write_bytes(rows(40) + more)
        os.replace(other, path)
    elif change == "the file shorter":
        with open(path, "r+b") as f:
            f.truncate(len(rows(20)))
    else:
        with open(path, "ab") as f:
            f.write(more)
    published = lastgood.remember(path, timeline.load(path), accepted=change == "accepted")
    assert copy.read_bytes() == path.read_bytes()
    assert published.accepted == (change == "accepted") and lastgood.read(path) == published


def test_a_copy_being_appended_to_is_read_as_its_record_says(tmp_path):
    """A worker keeping a version back reads the copy while another may be appending to it
    (before it rewrites the record): only the recorded version's bytes are read."""
    path = tmp_path / "events.csv"
    path.write_bytes(rows(5))
    published = remembered(path)
    with open(lastgood.copy_path(path), "ab") as f:
        f.write(b'event-7,2022-03-01,,"Half')
    good = lastgood.load_copy(path, published)
    assert len(good.events) == 5 and not good.errors


def test_a_file_that_changed_while_it_was_remembered_is_not_recorded(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(rows(3))
    remembered(path)
    with open(path, "ab") as f:
        f.write(csv_bytes([row("event-9", "2022-02-01")]).split(b"\n", 1)[1])
    read = timeline.load(path)
    with open(path, "ab") as f:  # saved again before it is remembered
        f.write(csv_bytes([row("event-10", "2022-02-02")]).split(b"\n", 1)[1])
    assert lastgood.remember(path, read) is None
    assert lastgood.read(path).events == 3 and lastgood.copy_path(path).read_bytes() == rows(3)


@pytest.mark.parametrize("how", ["rewritten", "grown"])
def test_a_save_caught_in_progress_is_never_published_nor_kept_as_the_last_good_version(served, monkeypatch, how):
    """A save that writes the file in pieces (truncate, then write; or a copy onto it) read
    between two of its writes: the bytes read are no version of the file, however many of its
    events they hold. They are read again once the file stops changing."""
    load_module = importlib.import_module("timeline.load")  # (timeline.load is also the function)
    first = data.current(str(served), wait=True)
    assert len(first.index) == 35
    rows = GOOD.split(b"\n")
    late = b"late-event," + rows[1].split(b",", 1)[1] + b"\n"  # (a row of the file's own shape, a new id)
    part, whole = b"\n".join(rows[:30]) + b"\n", GOOD + late
    served.write_bytes(part)  # what the save has written so far: 29 of the rows, ending a line
    real = load_module._read_file
    reads = []

    def read_then_written_to(path):
        read = real(path)
        if not reads:  # the rest of the save lands while the first read is under way
            if how == "rewritten":
                served.write_bytes(whole)
            else:
                with open(served, "ab") as file:
                    file.write(whole[len(part) :])
        reads.append(len(read[0]))
        return read

    monkeypatch.setattr(load_module, "_read_file", read_then_written_to)
    data._cache.clear()  # a worker started during the save
    now = data.current(str(served), wait=True)
    assert len(reads) >= 2 and reads[0] == len(part)
    assert len(now.index) == 36 and not now.notices
    assert lastgood.read(served).events == 36


def test_rows_read_on_while_the_file_is_written_to_are_no_version_of_it(served, monkeypatch):
    """The same for an append read on from the version before (timeline.appends)."""
    appends = importlib.import_module("timeline.appends")
    previous = timeline.load(served)
    more = b"late-event," + GOOD.split(b"\n")[1].split(b",", 1)[1] + b"\n"
    with open(served, "ab") as file:
        file.write(more)
    real = appends._appended

    def read_then_written_to(*args, **kwargs):
        read = real(*args, **kwargs)
        with open(served, "ab") as file:
            file.write(more.replace(b"late-event", b"later-event")[:40])  # a save goes on meanwhile
        return read

    monkeypatch.setattr(appends, "_appended", read_then_written_to)
    grown = load_more(previous, served)
    assert grown.growth is not None and not grown.settled
    monkeypatch.setattr(appends, "_appended", real)
    assert load_more(previous, served).settled and timeline.load(served).settled


def test_a_version_built_while_another_thread_lets_go_of_every_version_is_still_served(served, monkeypatch):
    """A thread that finds a cache file written to in place drops every version at once, while
    another may be building one (the helper's race: 261 KeyErrors in 66,145 calls before)."""
    real = data._still

    def dropped_meanwhile(cached, *args):
        data._cache.clear()  # (as _mapped_changed does on another thread, between two looks)
        return real(cached, *args)

    monkeypatch.setattr(data, "_still", dropped_meanwhile)
    served.write_bytes(GOOD + b"late-event," + GOOD.split(b"\n")[1].split(b",", 1)[1] + b"\n")
    assert len(data.current(str(served), wait=True).index) == 36


# --- A save that writes the file anew is read once it has stood still -------------------------


def _saved_at(path: Path, seconds_ago: float) -> None:
    at = time.time() - seconds_ago
    os.utime(path, (at, at))


YOUNG = [
    # how the file changed since the version served, when (seconds ago), read now?
    ("rows appended just now (timeline add)", "appended", 0.0, True),
    ("written anew just now, a save paused at a row's end", "rows cut", 0.0, False),
    ("written anew just now, its last row cut short", "value cut", 0.0, False),
    ("a row appended just now, cut in its last value (2023-04-24 as far as 2023-04-2)", "row cut", 0.0, False),
    ("written anew just now, as long as before (one date changed)", "same size", 0.0, False),
    ("written anew, and unchanged for as long as a save may pause", "rows cut", lastgood.SETTLE + 0.5, True),
    ("written anew, its time of change a little ahead of the clock (a file server's)", "rows cut", -2.0, False),
    ("written anew, its time of change far ahead of the clock", "rows cut", -3600.0, True),
]


@pytest.mark.parametrize("change, ago, now", [c[1:] for c in YOUNG], ids=[c[0] for c in YOUNG])
def test_a_change_that_is_no_append_is_read_once_the_file_has_stood_still(served, change, ago, now):
    served_first = data.current(str(served), wait=True)
    lines = GOOD.split(b"\n")
    new = {
        "appended": GOOD + b"late-event," + lines[1].split(b",", 1)[1] + b"\n",
        "rows cut": b"\n".join(lines[:30]) + b"\n",
        "value cut": GOOD.rstrip(b"\r\n")[:-2],
        # (every column there: nothing but the missing line break tells it from a whole row)
        "row cut": GOOD + b"late-event," + lines[1].split(b",", 1)[1].rstrip(b",") + b",,,2023-04-2",
        "same size": GOOD.replace(b"2022-01-05,", b"2022-01-06,", 1),
    }[change]
    with open(served, "r+b") as file:  # (in place, as a save that truncates and writes again)
        file.truncate(0)
        file.write(new)
    _saved_at(served, ago)
    young = data._young(str(served), served_first, data.signature(served))
    assert (young == 0) is now
    assert young <= lastgood.SETTLE + lastgood.AHEAD


def test_a_save_paused_at_a_row_s_end_is_not_served_until_it_has_stood_still(served, monkeypatch):
    """The first 30 lines of the file written, the save paused: the version before is served
    (35 events), then, the file unchanged for SETTLE seconds, what it holds (19)."""
    monkeypatch.setattr(lastgood, "SETTLE", 1.0)
    first = data.current(str(served), wait=True)
    with open(served, "r+b") as file:
        file.truncate(0)
        file.write(b"\n".join(GOOD.split(b"\n")[:30]) + b"\n")
    started = time.monotonic()
    while time.time() < os.stat(served).st_mtime + lastgood.SETTLE - 0.2:
        assert data.current(str(served)) is first  # (a poll, a page opened: the version before)
        time.sleep(0.1)
    while len(data.current(str(served)).index) == 35:
        assert time.monotonic() - started < 10
        time.sleep(0.1)
    assert len(data.current(str(served)).index) == len(timeline.load(served).events) == 19


def test_a_page_that_has_seen_the_file_as_it_is_is_answered_from_it_at_once(served):
    """Another worker read the file as it is at once (its first version, or an append to the
    version it held): a page that holds that version, asking a worker to which the change is no
    append, is answered from it, not from the version before (the page would never move)."""
    first = data.current(str(served), wait=True)
    row = b"late-event," + GOOD.split(b"\n")[1].split(b",", 1)[1] + b"\n"
    with open(served, "ab") as file:
        file.write(row)
    grown = data.current(str(served), wait=True)  # (this worker read the append)
    with open(served, "r+b") as file:  # a save: the appended row replaced by another
        file.truncate(0)
        file.write(GOOD + row.replace(b"late-event", b"later-event"))
    newest = data._version(data.signature(served))  # (what the other worker, at `first`, read at once)
    assert data._young(str(served), grown, data.signature(served)) > 0
    assert data._young(str(served), first, data.signature(served)) == 0
    assert data.current(str(served)) is grown  # (a page that holds nothing newer: the version before)
    answered = data.current(str(served), seen=newest)
    assert answered.version == newest and "later-event" in set(answered.index.dataset.events["id"])


# --- Letters a save lost ------------------------------------------------------------------------

RUSSIAN = csv_bytes(
    [
        row("zhanaozen", "2022-01-02", "Протесты в Жанаозене"),
        row("state-of-emergency", "2022-01-05", "Токаев объявил чрезвычайное положение"),
        row("akimat", "2022-01-05", 'Акимат Алматы "подожжён"', description="Огонь, дым"),
        row("plain", "2022-01-06", "Almaty airport retaken"),
    ]
)


def western(data: bytes, encoding: str = "cp1252") -> bytes:
    """The file as Excel's plain CSV saves it on a Western Windows: ? for each letter it has not."""
    return data.decode().encode(encoding, errors="replace")


LETTERS = [
    # what the published version is, the new save, kept back?, the value it names as the published one has it
    ("a Russian chronology saved in Windows-1252", RUSSIAN, western(RUSSIAN), True, "Протесты в Жанаозене"),
    ("saved in Latin-1", RUSSIAN, western(RUSSIAN, "latin-1"), True, "Протесты в Жанаозене"),
    (
        "guillemets Windows-1252 has are not UTF-8 then",
        RUSSIAN.replace("Протесты в Жанаозене".encode(), "«Протесты» в Жанаозене".encode()),
        western(RUSSIAN.replace("Протесты в Жанаозене".encode(), "«Протесты» в Жанаозене".encode())),
        True,
        "",
    ),
    ("saved with CRLF", RUSSIAN, western(RUSSIAN).replace(b"\n", b"\r\n"), True, "Протесты в Жанаозене"),
    (
        "one value lost, its quotes doubled",
        RUSSIAN,
        RUSSIAN.replace("Акимат Алматы".encode(), b"?????? ??????"),
        True,
        'Акимат Алматы "подожжён"',
    ),
    (
        "question marks the published version has too are meant",
        RUSSIAN + csv_bytes([row("unknown", "2022-01-07", "???? ??????")]).split(b"\n", 1)[1],
        RUSSIAN
        + csv_bytes([row("unknown", "2022-01-07", "???? ??????"), row("x", "2022-01-08", "????")]).split(b"\n", 1)[1],
        False,
        "",
    ),
    (
        "question marks of a new row stand for no letters the file had",
        RUSSIAN,
        csv_bytes([row("new", "2022-01-08", "???? ?????"), row("newer", "2022-01-09", "????? ???")]),
        False,
        "",
    ),
    (
        "a 1252 save with rows inserted above: the same event's account",
        RUSSIAN,
        western(csv_bytes([row("new", "2022-01-01", "New")]) + RUSSIAN.split(b"\n", 1)[1]),
        True,
        "Протесты в Жанаозене",
    ),
    # (a review's: ??? of a new row, or of one published so, matched a short value anywhere in the copy)
    (
        "a new row's ??? where another row has three letters",
        RUSSIAN + b"b,2022-01-03,,\xd0\xa1\xd1\x83\xd0\xb4,,protest,,,,AP,,,,,,,,,,\n",
        RUSSIAN.replace(b"plain,", b"x,2022-01-04,,???,,protest,,,,AP,,,,,,,,,,\nplain,")
        + b"b,2022-01-03,,\xd0\xa1\xd1\x83\xd0\xb4,,protest,,,,AP,,,,,,,,,,\n",
        False,
        "",
    ),
    (
        "??? published so, another row's date changed",
        RUSSIAN + csv_bytes([row("x", "2022-01-04", "???"), row("y", "2022-01-04", "????")]).split(b"\n", 1)[1],
        RUSSIAN.replace(b"2022-01-06", b"2022-01-07")
        + csv_bytes([row("x", "2022-01-04", "???"), row("y", "2022-01-04", "????")]).split(b"\n", 1)[1],
        False,
        "",
    ),
    ("letters of another length", RUSSIAN, RUSSIAN.replace("Протесты".encode(), b"?????"), False, ""),
    ("ASCII text where letters were", RUSSIAN, RUSSIAN.replace("Протесты".encode(), b"Protesty"), False, ""),
]


@pytest.mark.parametrize("published, saved, kept, old", [c[1:] for c in LETTERS], ids=[c[0] for c in LETTERS])
def test_a_save_that_wrote_question_marks_for_the_published_letters_is_kept_back(served, published, saved, kept, old):
    swap_in(served, published)
    first = data.current(str(served), wait=True)
    assert not first.notices and lastgood.read(served).events == len(first.index)
    swap_in(served, saved)
    now = data.current(str(served), wait=True)
    assert bool(now.notices) is kept, [n.message for n in now.notices]
    if kept:
        notice = now.notices[0].message
        assert (
            len(now.index) == len(first.index)
            and now.index.dataset.events["id"].tolist() == first.index.dataset.events["id"].tolist()
        )
        assert "has letters, such as '" in notice and (f"for {old!r}" in notice or not old)
        assert "CSV (Comma delimited)" in notice and str(lastgood.copy_path(served)) in notice
        assert lastgood.copy_path(served).read_bytes() == published, "the copy with the letters is kept"
        with_errors = ["--with-errors"] if now.read.rows_left_out else []  # (« », not UTF-8 then)
        assert f"accept {' '.join(with_errors + [''])}events.csv`" in notice
        assert main(["accept", *with_errors, str(served)]) == 0  # (meant: the editor publishes it)
        accepted = data.current(str(served), wait=True)
        assert not accepted.notices and "?" in " ".join(accepted.index.dataset.accounts["title"])
    assert served.read_bytes() == saved, "the editor's file is never written"


@pytest.mark.parametrize("titles", [["??????? ??????"], ["??????? ??????", "????"]])
def test_rows_appended_with_question_marks_are_published(served, monkeypatch, titles):
    """An append read on is not compared with the last good version (its new rows' text cannot be
    the published version's); two such rows make a cause for the whole file, which a full read
    says: they are compared, and the published version has no letters there."""
    swap_in(served, RUSSIAN)
    data.current(str(served), wait=True)
    looked = []
    lost_since = lastgood._lost_since
    monkeypatch.setattr(lastgood, "_lost_since", lambda *a: looked.append(a) or lost_since(*a))
    with open(served, "ab") as file:
        file.write(csv_bytes([row(f"q{i}", "2022-01-09", title) for i, title in enumerate(titles)]).split(b"\n", 1)[1])
    now = data.current(str(served), wait=True)
    assert not now.notices and len(now.index) == 4 + len(titles)
    assert (now.index.dataset.growth is not None) is (len(titles) == 1) and bool(looked) is (len(titles) > 1)


def test_a_worker_started_on_such_a_save_compares_it_with_the_last_good_copy(served):
    """A worker with no version in memory (started after the save) reads the last good version
    from its copy to compare."""
    swap_in(served, RUSSIAN)
    data.current(str(served), wait=True)
    swap_in(served, western(RUSSIAN))
    data._cache.clear()
    now = data.current(str(served), wait=True)
    assert now.notices and "for 'Протесты в Жанаозене'" in now.notices[0].message
    assert "Протесты в Жанаозене" in set(now.index.dataset.accounts["title"])


CHRONOLOGY = csv_bytes(
    [
        row("talks", "January 2022", "Talks begin"),
        row("curfew", "2022-01-05 23:00+06:00", "Curfew", end_date="2022-01-06 07:00+06:00", published="2022-01-05"),
        row("airport", "2022-01-06 14:30", "Airport retaken", published="January 2022"),
        row("report", "2022", "Report", published="2022-01-20 09:15"),
        row("aftermath", "February 2022", "Aftermath"),
        row("law", "2021", "Law in force"),
        row("curfew-lifted", "2022-01-11 07:00+06:00", "Curfew lifted", source="AFP"),
        row("curfew-lifted", "2022-01-11", "", source="TASS"),
        row("inquiry", "March 2022", "Inquiry opens"),
    ]
)


def rewritten(data: bytes, *pairs: tuple[str, str]) -> bytes:
    text = data.decode()
    for before, after in pairs:
        assert before in text
        text = text.replace(before, after)
    return text.encode()


MONTHS_FIRST_DAYS = (",January 2022,,Talks", ",2022-01-01,,Talks"), ("February 2022", "2022-02-01")

DATES = [
    # the published version, the new save, kept back?, the value it names as the new save has it
    (
        "months made their first days (LibreOffice, Canadian settings)",
        rewritten(CHRONOLOGY, *MONTHS_FIRST_DAYS, ("March 2022", "2022-03-01")),
        True,
        "'2022-01-01' for 'January 2022'",
    ),
    (
        "years made their 1 January",
        rewritten(CHRONOLOGY, (",2022,", ",2022-01-01,"), (",2021,", ",2021-01-01,")),
        True,
        "for '2022'",
    ),
    (
        "times dropped by a date format",
        rewritten(CHRONOLOGY, ("2022-01-06 14:30", "2022-01-06"), ("2022-01-05 23:00+06:00", "2022-01-05")),
        True,
        "'2022-01-05' for '2022-01-05 23:00+06:00'",
    ),
    (
        "offsets dropped (a column set to Date in the import dialog)",
        rewritten(
            CHRONOLOGY, ("2022-01-05 23:00+06:00", "2022-01-05 23:00"), ("2022-01-11 07:00+06:00", "2022-01-11 07:00")
        ),
        True,
        "'2022-01-05 23:00' for '2022-01-05 23:00+06:00'",
    ),
    (
        "months made their first days, one month corrected beside them, rows appended",
        rewritten(CHRONOLOGY, *MONTHS_FIRST_DAYS, ("March 2022", "April 2022"))
        + csv_bytes([row("more", "2022-04-01")]).split(b"\n", 1)[1],
        True,
        "'2022-01-01' for 'January 2022'",
    ),
    ("rewritten in another form, the same date", rewritten(CHRONOLOGY, ("January 2022", "2022-01")), False, ""),
    # an editor's own changes: one date made more precise, a month made a day of its own, a date corrected
    ("one month made its first day", rewritten(CHRONOLOGY, ("March 2022", "2022-03-01")), False, ""),
    ("one year made its 1 January", rewritten(CHRONOLOGY, (",2021,", ",2021-01-01,")), False, ""),
    ("a month made a day that is not its first", rewritten(CHRONOLOGY, ("January 2022", "2022-01-04")), False, ""),
    ("a date corrected", rewritten(CHRONOLOGY, ("2022-01-06 14:30", "2022-01-07 14:30")), False, ""),
    (
        "months made their first day, others days of their own",
        rewritten(CHRONOLOGY, MONTHS_FIRST_DAYS[0], ("February 2022", "2022-02-14"), ("March 2022", "2022-03-14")),
        False,
        "",
    ),
    # (the review's: an event's accounts swapped, one added above another: no date is lost)
    (
        "an event's accounts swapped",
        rewritten(
            CHRONOLOGY,
            ("curfew-lifted,2022-01-11 07:00+06:00,", "curfew-lifted,@,"),
            ("curfew-lifted,2022-01-11,", "curfew-lifted,2022-01-11 07:00+06:00,"),
            ("curfew-lifted,@,", "curfew-lifted,2022-01-11,"),
        ),
        False,
        "",
    ),
    ("rows appended", CHRONOLOGY + csv_bytes([row("more", "2022-01-01")]).split(b"\n", 1)[1], False, ""),
]


@pytest.mark.parametrize("saved, kept, said", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_a_save_that_rewrote_the_published_dates_is_kept_back(served, saved, kept, said):
    """A spreadsheet's save that rewrote dates (a month as its first day, a time dropped by a date
    format, an offset dropped) reads without a word and showed other dates: kept back, as a save
    that lost its letters is, until the editor mends it or accepts it."""
    swap_in(served, CHRONOLOGY)
    first = data.current(str(served), wait=True)
    assert not first.notices
    swap_in(served, saved)
    now = data.current(str(served), wait=True)
    assert bool(now.notices) is kept, [n.message for n in now.notices]
    if kept:
        notice = now.notices[0].message
        assert now.index.dataset.accounts["date"].tolist() == first.index.dataset.accounts["date"].tolist()
        assert (
            "is not published" in notice
            and said in notice
            and "as a spreadsheet rewrites dates when it saves a file" in notice
        )
        assert str(lastgood.copy_path(served)) in notice and "accept events.csv`" in notice
        data._cache.clear()  # a worker started after the save compares it with the last good copy
        assert data.current(str(served), wait=True).notices[0].message == notice
        assert main(["accept", str(served)]) == 0
        assert not data.current(str(served), wait=True).notices
    assert served.read_bytes() == saved, "the editor's file is never written"


@pytest.mark.parametrize(
    "written, seconds", [(None, 3.0), ("0.5", 0.5), ("10", 10.0), ("abc", 3.0), ("0", 3.0), ("100", 3.0)]
)
def test_the_wait_for_a_save_to_stand_still_is_set_by_the_environment(monkeypatch, written, seconds):
    """TIMELINE_SETTLE: a file system whose saves pause longer (a network share) may wait longer;
    what is no number of seconds from 0 to 60 is the default."""
    if written is None:
        monkeypatch.delenv(lastgood.SETTLE_SECONDS, raising=False)
    else:
        monkeypatch.setenv(lastgood.SETTLE_SECONDS, written)
    assert lastgood._settle() == seconds
