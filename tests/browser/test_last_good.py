"""A broken save is never published: gunicorn (2 workers) serves events.csv, an editor saves it
from US Excel (every date rewritten as m/d/yy, so most rows are refused), and every worker, and
a server started afterwards, keeps serving the last good version with a notice for the editors;
`python -m timeline accept` then publishes the new version."""

from __future__ import annotations

import os
import subprocess
import sys

from playwright.sync_api import expect

import timeline
from timeline import lastgood

from ..dash_client import Client
from ..helpers import us_excel
from .conftest import ROOT, serve
from .pages import TimelinePage

GOOD = (ROOT / "events.csv").read_bytes()
US_EXCEL = us_excel(GOOD)
NOTICE = "is not published"


def swap_in(path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def kept_back(view) -> bool:
    return view.counter == "35 of 35 events" and bool(view.problems) and NOTICE in view.problems[0]


def test_a_us_excel_save_is_kept_back_until_an_editor_accepts_it(page, tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(GOOD)
    saved = timeline.load_bytes(US_EXCEL)
    assert len(saved.events) * 2 < 35, "most rows are refused"
    faults = []
    page.on("pageerror", lambda e: faults.append(str(e)))

    with serve(path, gunicorn_workers=2, env={lastgood.SETTLE_SECONDS: "0.5"}) as url:  # (the wait: its own tests)
        view = TimelinePage(page, url).open()
        expect(view.counter).to_have_text("35 of 35 events")
        swap_in(path, US_EXCEL)
        # The open page: the same timeline, and the notice for the editors at the top.
        notice = view.kept_back_notice()
        expect(notice).to_be_visible(timeout=15_000)
        expect(notice).to_contain_text(f"it would show {len(saved.events)} events, where the published version")
        expect(notice).to_contain_text("python -m timeline accept --with-errors events.csv")
        expect(view.counter).to_have_text("35 of 35 events")
        expect(view.problems.locator("summary")).to_have_text(
            "This is the published timeline. A newer save of events.csv is kept back until it is "
            "fixed or accepted; for editors, what happened and what to do:"
        )
        expect(view.problems).to_have_attribute("role", "status")
        assert view.accessibility_problems("#problems") == []
        Client(url).view_until(kept_back, "every worker keeps the last good version", 20, 8)

    with serve(path, gunicorn_workers=2) as url:  # restarted on the broken file
        Client(url).view_until(kept_back, "a restarted server keeps the last good version", 20, 8)
        view = TimelinePage(page, url).open()
        expect(view.kept_back_notice()).to_be_visible()
        expect(view.counter).to_have_text("35 of 35 events")

        accepted = subprocess.run(
            [sys.executable, "-m", "timeline", "accept", "--with-errors", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert accepted.returncode == 0, accepted.stdout + accepted.stderr
        assert f"{len(saved.events)} events (was 35)" in accepted.stdout
        shown = f"{len(saved.events)} of {len(saved.events)} events"
        expect(view.counter).to_have_text(shown, timeout=15_000)  # the open page, within a poll
        expect(view.kept_back_notice()).to_have_count(0)
        Client(url).view_until(
            lambda v: v.counter == shown and NOTICE not in " ".join(v.problems),
            "every worker publishes the accepted version",
            20,
            8,
        )
        # A good save afterwards is published as usual.
        swap_in(path, GOOD)
        expect(view.counter).to_have_text("35 of 35 events", timeout=15_000)
        expect(view.problems).to_be_empty()
    assert path.read_bytes() == GOOD, "only the editor wrote the file"
    assert not faults, faults
