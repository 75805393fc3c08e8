"""Torn writes: events.csv written in pieces while gunicorn (2 workers) serves it.

Readers hit the server without pause from a few threads (the page, the view and the chart
callbacks and the poll's GET of the version, as the browser sends them) and Chromium keeps the
page open, while the file is written as editors and scripts really write it: half a row and then the rest, a quote opened and
closed in the next write, truncated to zero and refilled, swapped in by an atomic rename, and
rewritten in chunks a hundred times. At no moment does a request fail or a worker log a
traceback; while the file is incomplete the page keeps the last good rows and says what is wrong,
and once it is whole the new data is served.
"""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest
from playwright.sync_api import expect

import timeline as timeline_package
from timeline import lastgood

from ..dash_client import Client
from .conftest import ROOT, serve
from .pages import TimelinePage

ORIGINAL = (ROOT / "events.csv").read_bytes()
NEW_ROW = b"added-event,2022-01-12,,A new event appended by an editor,,government,,,,TASS,,,,,,\n"
QUOTED_ROW = (
    b'quoted-event,2022-01-13,,An event with a quoted description,"Tokayev says, on '
    b'television, that order is restored.",government,,,,TASS,,,,,,\n'
)
REFILLED = ORIGINAL.replace(b"Mamin government resigns,", b"Mamin government resigns (refilled),")


class Readers:
    """Threads that read the served app without pause and record every answer."""

    def __init__(self, url: str, threads: int = 3):
        self.url, self.answers, self.failures = url, [], []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, daemon=True) for _ in range(threads)]

    def __enter__(self) -> Readers:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def _read(self) -> None:
        http = Client(self.url, timeout=30)
        while not self._stop.is_set():
            for kind in ("page", "view", "figure", "poll"):
                try:
                    if kind == "page":
                        status, _ = http.get("/")
                        answer = None
                    elif kind == "view":
                        status, response = http.callback("counter.children", {"view.data": ""}, changed=("view.data",))
                        answer = response and (response["counter"]["children"], str(response["problems"]["children"]))
                    elif kind == "figure":
                        status, _ = http.callback(
                            "timeline.figure",
                            {"view.data": "?q=Almaty"},
                            {"url.search": "?q=Almaty"},
                            changed=("view.data",),
                        )
                        answer = None
                    else:
                        status, _ = http.get("/_timeline/version")
                        answer = None
                except Exception as error:  # a refused or reset connection is a failure too
                    self.failures.append(f"{kind}: {error!r}")
                    continue
                if status not in (200, 204):
                    self.failures.append(f"{kind}: HTTP {status}")
                self.answers.append((time.monotonic(), kind, status, answer))

    def views_since(self, moment: float) -> list[tuple[str, str]]:
        return [answer for t, kind, _, answer in list(self.answers) if kind == "view" and t >= moment]


def write(path, data: bytes, mode: str = "ab") -> None:
    with open(path, mode) as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


@pytest.fixture
def served(tmp_path):
    path = tmp_path / "events.csv"
    shutil.copyfile(ROOT / "events.csv", path)
    log = tmp_path / "server.log"
    # (a change that is no append is read once it has stood TIMELINE_SETTLE seconds: 3 by default)
    settle = {lastgood.SETTLE_SECONDS: "0.5"}
    with serve(path, gunicorn_workers=2, env={"GUNICORN_CMD_ARGS": "--log-level info", **settle}, log=log) as url:
        yield path, url
    text = log.read_text(encoding="utf-8", errors="replace")  # the server's whole output
    assert "Booting worker" in text, "the server's log was written"
    assert "Traceback" not in text and "Exception" not in text, text[-5000:]


def test_torn_writes_never_break_a_request_and_keep_the_last_good_data(page, served):
    path, url = served
    http = Client(url)
    bad_responses, faults = [], []
    page.on("response", lambda r: bad_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: faults.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: faults.append(str(e)))
    timeline = TimelinePage(page, url).open()
    expect(timeline.counter).to_have_text("35 of 35 events")

    with Readers(url) as readers:
        # 1. Half a row appended, then the rest.
        write(path, NEW_ROW[:30])
        view = http.view_until(lambda v: v.problems and "its last row is cut off" in v.problems[0], "half a row")
        assert view.counter == "35 of 35 events", "the last good version is served"
        assert "cannot be read right now" in view.problems[0]
        write(path, NEW_ROW[30:])
        http.view_until(lambda v: v.counter == "36 of 36 events" and not v.problems, "the rest of the row")

        # 2. A quoted value cut by the end of a write (the quote opened, not yet closed).
        write(path, QUOTED_ROW[:70])
        view = http.view_until(lambda v: v.problems and "its last row is cut off" in v.problems[0], "an open quote")
        assert view.counter == "36 of 36 events"
        write(path, QUOTED_ROW[70:])
        http.view_until(lambda v: v.counter == "37 of 37 events" and not v.problems, "the quote closed")
        expect(timeline.counter).to_have_text("37 of 37 events", timeout=15_000)

        # 3. Truncated to zero: the last good version stays, with a notice; then refilled in two
        #    writes, the first cut in the middle of a row.
        write(path, b"", mode="wb")
        view = http.view_until(lambda v: v.problems and "cannot be read right now" in v.problems[0], "empty")
        assert view.counter == "37 of 37 events"
        expect(page.locator("#problems")).to_contain_text("cannot be read right now", timeout=15_000)
        expect(timeline.counter).to_have_text("37 of 37 events")
        cut = REFILLED.index(b"\n", len(REFILLED) // 2) + 40
        write(path, REFILLED[:cut])
        view = http.view_until(lambda v: v.problems and "its last row is cut off" in v.problems[0], "half refilled")
        assert view.counter == "37 of 37 events", "still the last good version"
        assert timeline_package.load_bytes(REFILLED[:cut]).errors, "the half file has a cut row"
        write(path, REFILLED[cut:])
        view = http.view_until(lambda v: v.counter == "35 of 35 events" and not v.problems, "refilled")
        assert "Mamin government resigns (refilled)" in http.view("?event=government-resigns").panel_text
        expect(timeline.event_list).to_contain_text("Mamin government resigns (refilled)", timeout=15_000)

        # 4. An atomic rename: every reader sees the old file or the new one, never a problem.
        swapped_at = time.monotonic()
        part = path.with_name("events.csv.part")
        part.write_bytes(REFILLED + NEW_ROW)
        os.replace(part, path)
        http.view_until(lambda v: v.counter == "36 of 36 events" and not v.problems, "renamed")
        seen = readers.views_since(swapped_at)
        assert seen and all(
            counter in ("35 of 35 events", "36 of 36 events") and problems == "[]" for counter, problems in seen
        ), seen

        # 5. Rewritten in place a hundred times, three writes each, while the readers read.
        for i in range(100):
            data = REFILLED + (NEW_ROW if i % 2 else QUOTED_ROW)
            with open(path, "wb") as file:
                for start in range(0, len(data), len(data) // 3 + 1):
                    file.write(data[start : start + len(data) // 3 + 1])
                    file.flush()
        http.view_until(lambda v: v.counter == "36 of 36 events" and not v.problems, "the last rewrite")

    assert len(readers.answers) > 100, "the readers kept reading"
    assert not readers.failures, readers.failures[:20]
    expect(timeline.counter).to_have_text("36 of 36 events", timeout=15_000)
    expect(page.locator("#problems")).to_be_empty()
    assert not bad_responses, bad_responses
    assert not faults, faults
