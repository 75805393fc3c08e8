"""GET /_timeline/version (timeline/app/version.py): what open pages poll. A plain GET with a
strong ETag, answered 304 when the asker has it, and cacheable for one poll interval, so that a
browser, a proxy or a CDN can answer most polls; the version changes when the file does (a
kept-back save too, so that open pages show its notice)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from timeline.app import create_app, data
from timeline.app.layout import POLL_MS

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "events.csv").read_bytes()
ADDRESS = "/_timeline/version"
ROW = b"curfew-extended,2022-01-09,,Curfew extended,,government,,,,AP,,,,,,\n"  # events.csv's 16 columns


@pytest.fixture
def served(tmp_path):
    """(the file, a test client of the app serving it)."""
    path = tmp_path / "events.csv"
    path.write_bytes(GOOD)
    data._cache.clear()
    yield path, create_app(path).server.test_client()
    data._cache.clear()


def swap_in(path: Path, content: bytes) -> None:
    """A save as editors' programs make it: a new file moved into place."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(content)
    os.replace(part, path)


def version_of(client) -> str:
    response = client.get(ADDRESS)
    assert response.status_code == 200
    return json.loads(response.get_data())["version"]


def polled_until_changed(client, etag: str):
    """The answer a page polling with `etag` gets once the worker has built the file's new version
    (it answers from the version it has while it builds the new one, in the background)."""
    deadline = time.monotonic() + 20
    while True:
        response = client.get(ADDRESS, headers={"If-None-Match": etag})
        if response.status_code != 304 or time.monotonic() > deadline:
            return response
        time.sleep(0.05)


def test_the_version_is_the_one_the_page_holds_with_a_strong_etag_and_a_poll_long_max_age(served):
    path, client = served
    response = client.get(ADDRESS)
    version = data.current(str(path)).version
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert json.loads(response.get_data()) == {"version": version}
    assert response.headers["ETag"] == f'"{version}"'  # strong: no W/
    cache = response.cache_control
    assert cache.public and cache.max_age == POLL_MS // 1000 == 2
    assert len(response.get_data()) < 100, "a tiny document"
    page = client.get("/").get_data(as_text=True)
    assert version in page, "the page is served with the same version in its data-version store"


def test_an_asker_that_has_the_version_is_answered_304_with_no_body(served):
    _, client = served
    etag = client.get(ADDRESS).headers["ETag"]
    for asked in (etag, f"W/{etag}", f'"older", {etag}', "*"):
        response = client.get(ADDRESS, headers={"If-None-Match": asked})
        assert response.status_code == 304, asked
        assert response.get_data() == b""
        assert response.headers["ETag"] == etag and response.cache_control.max_age == 2
    assert client.get(ADDRESS, headers={"If-None-Match": '"older"'}).status_code == 200


def test_a_worker_still_building_the_newest_version_never_tells_a_page_that_holds_it_an_older_one(served):
    """Two workers: one has built the file's new version and told the page; the page's next poll
    reaches the other, which builds it still. Told the old one, the page would draw it again."""
    path, client = served
    old = client.get(ADDRESS).headers["ETag"]
    with data._lock:  # (this worker's build under way)
        swap_in(path, GOOD + ROW)
        newest = f'"{data._version(data.signature(str(path)))}"'  # (what the other worker told the page)
        assert newest != old
        held = client.get(ADDRESS, headers={"If-None-Match": newest})
        assert held.status_code == 304 and held.headers["ETag"] == newest
        assert client.get(ADDRESS, headers={"If-None-Match": old}).status_code == 304  # (a page not yet told)
        fresh = client.get(ADDRESS)
        assert fresh.status_code == 200 and fresh.headers["ETag"] == old  # (this worker's, until built)
    assert polled_until_changed(client, old).headers["ETag"] == newest


def test_every_answer_carries_the_same_headers_as_flasks_own(served):
    """The first answer is Flask's (the route); later ones are made in front of Flask from its
    headers: the security headers are on every one."""
    _, client = served
    answers = [client.get(ADDRESS) for _ in range(3)]
    first, *later = [{k: v for k, v in a.headers.items() if k != "Date"} for a in answers]
    assert all(headers == first for headers in later)
    assert "Content-Security-Policy" in first and first["X-Content-Type-Options"] == "nosniff"
    assert first["Referrer-Policy"] == "no-referrer" and first["Content-Type"] == "application/json"
    head = client.head(ADDRESS)
    assert head.status_code == 200 and head.get_data() == b"" and head.headers["ETag"] == answers[0].headers["ETag"]


def test_only_get_and_head_and_never_a_write(served):
    path, client = served
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)(ADDRESS, data=b"{}").status_code == 405, method
    assert client.get(ADDRESS + "/more").status_code == 404
    assert client.get(ADDRESS + "?whatever=1").status_code == 200
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_an_appended_row_changes_the_version_and_the_old_etag_gets_the_new_one(served):
    path, client = served
    old = client.get(ADDRESS)
    with open(path, "ab") as file:
        file.write(ROW)
    new = polled_until_changed(client, old.headers["ETag"])
    assert new.status_code == 200 and new.headers["ETag"] != old.headers["ETag"]
    assert json.loads(new.get_data())["version"] == data.current(str(path)).version
    assert len(data.current(str(path)).index) == 36


def test_a_kept_back_save_reaches_the_page_as_a_version_of_its_own(served):
    """A broken save is not published, but open pages must learn of it to show the notice."""
    path, client = served
    good = client.get(ADDRESS)
    swap_in(path, b"")
    kept = json.loads(polled_until_changed(client, good.headers["ETag"]).get_data())["version"]
    good = json.loads(good.get_data())["version"]
    assert kept != good and kept.endswith("-kept-back")
    assert data.current(str(path)).kept_back
