"""The bad corpus, served: the app starts on each file, serves its good rows, lists its problems
(row, column, message; or the file-level problem) and never writes a byte of it.

One served path, many files: each file's bytes are swapped into the path the app is reading (as
an editor's save replaces the file) and the app re-reads it. Every file goes through the Dash HTTP
layer (the requests the page sends, answered by the app's own server, in-process); a
representative eight are swapped into a served process while Chromium has the page open. A file
that cannot be read at all (empty, UTF-16, not comma-separated...) keeps the last good version on
screen with a notice, and when there is no good version yet (the app starts on it) the page still
loads and says what is wrong. A file that would lose most of the published events (each of these
small files does, after the 35 events of events.csv) or has a broken header is kept back too,
until `python -m timeline accept` publishes it: then its rows and problems are served.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

import timeline
from timeline import lastgood
from timeline.app import create_app, data
from timeline.cli import main

from ..dash_client import Client
from ..test_bad_files import BAD, EXPECTED, NAMES, giants  # noqa: F401  (giants is a fixture)
from .conftest import ROOT, serve
from .pages import TimelinePage

GIANTS = ["ten-mb-field.csv", "ten-mb-title.csv", "ten-mb-field-latin1.csv", "million-character-title.csv"]
GOOD = (ROOT / "events.csv").read_bytes()
GOOD_COUNTER = "35 of 35 events"


def counted(events: int) -> str:
    """What the counter says of a file of `events` events, all shown ("1 of 1 event")."""
    return f"{events:,} of {events:,} event" + ("" if events == 1 else "s")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def swap_in(target: Path, data: bytes) -> None:
    """Replace the served file with new bytes as an editor's save does: whole, in one rename."""
    part = target.with_name(target.name + ".part")
    part.write_bytes(data)
    os.replace(part, target)


def served_now(http: Client, path: Path, kept_back_ok: bool = True) -> None:
    """Ask until the app serves the file as it is now: it reads a new version in the background
    and answers from the one it has meanwhile (with `kept_back_ok`, a version kept back counts)."""
    stat = os.stat(path)
    wanted, deadline = f"{stat.st_mtime_ns}-{stat.st_size}-{stat.st_ino}", time.monotonic() + 60
    while not (http.version() == wanted or kept_back_ok and http.version() == wanted + "-kept-back"):
        assert time.monotonic() < deadline, "the new version was never served"
        time.sleep(0.02)


def unreadable(expected: dict) -> bool:
    """The file as a whole cannot be read: nothing kept and an error about the file or header."""
    return expected["accounts"] == 0 and any(level == "error" and row <= 1 for row, _, level in expected["problems"])


def kept_back(expected: dict) -> bool:
    """Swapped in after a good version, the file looks like a save in progress (it cannot be
    read, or it lost every row): the last good version stays on screen with a notice."""
    return unreadable(expected) or expected["accounts"] == 0


def notice_reason(expected: dict) -> str:
    return expected["message"] if unreadable(expected) else "it has no rows"


def problem_line(row: int, column: str, level: str) -> str:
    """How the page begins a problem's line: 'error row 3, date: ' or 'error file: '."""
    return f"{level}{f' row {row}' if row else ' file'}{f', {column}' if column else ''}: "


def corpus(giants) -> dict[str, tuple[Path, dict]]:  # noqa: F811  (the fixture imported above)
    files = {name: (BAD / name, EXPECTED[name]) for name in NAMES}
    files.update(giants)
    return files


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app, in-process, serving one path into which each test swaps its file. (Each swap is a
    save that writes the file anew, read once the file has stood lastgood.SETTLE seconds and been
    quiet data.QUIET seconds: here a hundredth of a second each, the files swapped in whole; 150
    swaps waited 3 s each, and at a twentieth and a tenth, the waits were half this test's time.)"""
    path = tmp_path_factory.mktemp("served") / "events.csv"
    path.write_bytes(GOOD)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lastgood, "SETTLE", 0.01)
        patch.setattr(data, "QUIET", 0.01)
        yield path, Client(create_app(path).server.test_client())


def assert_shows(view, source: Path, expected: dict) -> None:
    """The page shows the file's good rows and every problem, in order, with row and column."""
    dataset = timeline.load(source)
    events = len(dataset.events)
    assert view.counter == counted(events)
    assert sorted(view.list_ids) == sorted(dataset.events["id"])
    wanted = [problem_line(*p) for p in expected["problems"]]
    assert [line[: len(start)] for line, start in zip(view.problems, wanted)] == wanted, view.problems
    assert len(view.problems) == len(wanted)
    if expected["message"]:
        assert expected["message"] in view.problems[0]
    if not wanted:
        assert view.problems_summary == ""


@pytest.mark.parametrize("name", NAMES + GIANTS)
def test_each_bad_file_is_served_with_its_problems(name, served, giants):  # noqa: F811  (the fixture imported above)
    path, http = served
    source, expected = corpus(giants)[name]
    before = digest(source.read_bytes())
    swap_in(path, GOOD)
    served_now(http, path)
    assert http.view().counter == GOOD_COUNTER
    swap_in(path, source.read_bytes())
    served_now(http, path)
    view = http.view()
    if kept_back(expected):
        # The last good version stays on screen, with a notice that names what is wrong.
        assert view.counter == GOOD_COUNTER
        assert "cannot be read right now" in view.problems[0]
        assert notice_reason(expected) in view.problems[0]
        assert view.problems[0].startswith("error file: ")
    else:
        # Kept back too (it loses most of the 35 events, or its header is wrong), with a notice
        # that names it; accepted from the command line (with its errors), it is served with its problems.
        assert view.counter == GOOD_COUNTER
        assert view.problems[0].startswith("error file: events.csv, saved at ")
        assert "is not published" in view.problems[0] or "cannot be read right now" in view.problems[0]
        assert main(["accept", "--with-errors", str(path)]) == 0
        served_now(http, path, kept_back_ok=False)
        view = http.view()
        assert_shows(view, source, expected)
        for event_id in view.list_ids[:3]:
            selected = http.view(f"?event={event_id}")
            assert "events.csv row " in selected.panel_text
    assert http.figure()["data"] is not None
    assert http.get("/")[0] == 200
    assert digest(path.read_bytes()) == digest(source.read_bytes()) == before, "the app never writes"


UNREADABLE = [name for name in NAMES if unreadable(EXPECTED[name])]


@pytest.mark.parametrize("name", UNREADABLE + ["no-such-file.csv"])
def test_an_unreadable_file_at_start_still_serves_a_page_with_the_problem(name, tmp_path):
    path = tmp_path / "events.csv"
    if name in EXPECTED:
        shutil.copyfile(BAD / name, path)
    before = path.read_bytes() if path.exists() else None
    http = Client(create_app(path).server.test_client())
    for address in ("/", "/?event=anything", "/_dash-layout", "/_dash-dependencies"):
        assert http.get(address)[0] == 200, address
    view = http.view()
    assert view.counter == "0 of 0 events"
    message = EXPECTED[name]["message"] if name in EXPECTED else "there is no file at"
    assert message in view.problems[0]
    assert "cannot be read right now" not in view.problems[0], "there is no earlier version to show"
    assert "There is no event with the id" in http.view("?event=anything").panel_text
    assert http.figure("?q=x&from=2022-01")["data"] is not None
    assert http.version()
    assert (path.read_bytes() if path.exists() else None) == before


# --- In Chromium: a served process, one path, eight files swapped in while the page is open -------

# One of each way the page takes a save (each of the corpus goes through the HTTP layer above):
# picked up by the open page's poll, with problems listed, kept back (unreadable, or no rows),
# kept back until accepted (most events lost), and a giant field. (Fourteen were a minute of the
# suite's time: the six left out showed nothing these do not.)
SWAPPED = [
    "date-february-30.csv",
    "empty.csv",
    "script-in-description.csv",
    "crlf.csv",
    "utf16.csv",
    "unterminated-quote.csv",
    "header-only.csv",
    "ten-mb-field.csv",
]
PICKED_UP_LIVE = {"date-february-30.csv", "empty.csv", "script-in-description.csv", "crlf.csv"}


def test_bad_files_swapped_in_while_the_page_is_open(page, tmp_path, giants):  # noqa: F811  (the fixture imported above)
    files = corpus(giants)
    path = tmp_path / "events.csv"
    path.write_bytes(GOOD)
    faults = []
    page.on("console", lambda m: faults.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: faults.append(str(e)))
    # (each swap is no append: read once it has stood TIMELINE_SETTLE seconds, 3 by default; the
    # wait has tests of its own, tests/test_lastgood.py)
    with serve(path, env={lastgood.SETTLE_SECONDS: "0.5"}) as url:
        timeline_page = TimelinePage(page, url).open()
        expect(timeline_page.counter).to_have_text(GOOD_COUNTER)
        shown = GOOD_COUNTER
        problems = page.locator("#problems")
        for name in SWAPPED:
            source, expected = files[name]
            data = source.read_bytes()
            swap_in(path, data)
            if name not in PICKED_UP_LIVE:
                page.reload()  # quicker than waiting for the page's poll
            if not kept_back(expected) and not lastgood.decide(lastgood.read(path), timeline.load(path)).publish:
                # It loses most of the published events: kept back until accepted.
                expect(timeline_page.kept_back_notice(), name).to_be_visible(timeout=15_000)
                expect(timeline_page.counter).to_have_text(shown)
                assert main(["accept", "--with-errors", str(path)]) == 0
            if kept_back(expected):  # the last good version stays, with a notice that says why
                expect(problems).to_contain_text("cannot be read right now", timeout=15_000)
                expect(problems).to_contain_text(notice_reason(expected))
            elif expected["message"]:
                events = len(timeline.load(source).events)
                shown = counted(events)
                expect(problems, f"{name} is shown").to_contain_text(expected["message"], timeout=15_000)
                for row, column, level in expected["problems"]:
                    expect(problems).to_contain_text(problem_line(row, column, level).split(" ", 1)[1])
                expect(problems).not_to_contain_text("cannot be read right now")
            else:
                events = len(timeline.load(source).events)
                shown = counted(events)
                expect(problems, f"{name} is shown").to_be_empty(timeout=15_000)
            expect(timeline_page.counter, name).to_have_text(shown, timeout=15_000)
            assert path.read_bytes() == data, f"{name}: the app never writes"
        # Then a good save: the page is back to the whole chronology, with no problem listed.
        swap_in(path, GOOD)
        expect(timeline_page.counter).to_have_text(GOOD_COUNTER, timeout=15_000)
        expect(problems).to_be_empty()
    assert not faults, faults


def test_the_app_starts_on_an_empty_file_and_picks_up_the_first_good_save(page, tmp_path):
    path = tmp_path / "events.csv"
    shutil.copyfile(BAD / "empty.csv", path)
    with serve(path) as url:
        response = page.goto(url + "/")
        assert response.status == 200
        timeline_page = TimelinePage(page, url)
        expect(timeline_page.counter).to_have_text("0 of 0 events", timeout=30_000)
        expect(page.locator("#problems")).to_contain_text("file: the file is empty")
        expect(timeline_page.event_list).to_contain_text("The events file has no event to show.")
        swap_in(path, GOOD)
        expect(timeline_page.counter).to_have_text(GOOD_COUNTER, timeout=15_000)
        expect(page.locator("#problems")).to_be_empty()
