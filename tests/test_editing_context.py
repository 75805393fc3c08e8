"""`timeline add` without reading the whole file: a row is checked by reading on from the checked
data kept in the state folder (timeline.context), with the same messages as a check of the whole
file, the same bytes appended, and a cache that is never trusted once the file changed behind it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import timeline
from timeline import arrowfile, cli, context, editing, lastgood, store

from .helpers import changed_in_place, csv_bytes, row

# A file with what a new row's checks read from the rows before it: events with several
# accounts, a first row with a category, a location placed by name (twice), categories, a
# refused row, a later account.
BASE = [
    row(
        "airport-seized",
        "2022-01-05",
        title="Almaty airport seized",
        category="Protest",
        location="Almaty",
        source="Interfax",
    ),
    row("curfew", "2022-01-05", end_date="2022-01-19", category="government", latitude="43.2389", longitude="76.8897"),
    {"id": "curfew", "date": "2022-01-06", "source": "AP"},
    row("shots-fired", "2022-01-06", category="security", location="Almaty"),
    row("refused-first", "2022-01-05", source=""),  # no source: left out
    row("internet-cut", "2022-01-05", category="communications", location="Taldykorgan"),
]
FILE = csv_bytes(BASE)

GOOD = {
    "id": "president-speaks",
    "date": "2022-01-07",
    "title": "President speaks",
    "category": "government",
    "source": "Akorda",
}

# One new row each: accepted, accepted with a warning, refused; messages that read the file.
ROWS = [
    pytest.param(GOOD, id="new event"),
    pytest.param({"id": "curfew", "date": "2022-01-07", "source": "Reuters"}, id="another account"),
    pytest.param(
        {"id": "airport-seized", "date": "2022-01-20", "title": "Almaty airport seized", "source": "AP"},
        id="duplicate id, its title on another date",
    ),
    pytest.param(
        {"id": "curfew", "date": "2022-01-07", "category": "security", "source": "AP"},
        id="category differs from the first row's",
    ),
    pytest.param({**GOOD, "category": "protests"}, id="a category like another"),
    pytest.param({**GOOD, "location": "Almaty"}, id="a place named before, by name"),
    pytest.param({**GOOD, "location": "Karaganda"}, id="a new place by name"),
    pytest.param({**GOOD, "source_url": "www.example.org"}, id="a link that is not one"),
    pytest.param({**GOOD, "date": "03/04/2022"}, id="bad date"),
    pytest.param({**GOOD, "date": "2022-02-30"}, id="no such day"),
    pytest.param({**GOOD, "end_date": "2022-01-01"}, id="ends before it starts"),
    pytest.param({**GOOD, "id": "President Speaks"}, id="bad id"),
    pytest.param({**GOOD, "source": ""}, id="no source"),
    pytest.param({"id": "new-event", "date": "2022-01-07", "source": "AP"}, id="new event, no title"),
    pytest.param(
        {"id": "refused-first", "date": "2022-01-07", "source": "AP"},
        id="account of an event whose first row is refused",
    ),
    pytest.param({**GOOD, "latitude": "43.2"}, id="half a place"),
    pytest.param({**GOOD, "description": 'Said "enough", then\nleft'}, id="quotes and a line break"),
]

# The file's own shape, kept byte for byte.
SHAPES = [
    pytest.param(FILE, id="LF"),
    pytest.param(FILE.replace(b"\n", b"\r\n"), id="CRLF"),
    pytest.param(editing.BOM + FILE.replace(b"\n", b"\r\n"), id="Excel's CSV UTF-8"),
    pytest.param(FILE.rstrip(b"\n"), id="no final line end"),
    pytest.param(FILE + b"\n\n", id="blank lines at the end"),
]


@pytest.fixture(autouse=True)
def _beside(monkeypatch):
    monkeypatch.delenv(lastgood.STATE_DIR, raising=False)
    # (The files here are written whole before `add` runs: its wait for a save that may still be
    # writing a last row with no line break, lastgood.SETTLE, is a twentieth of a second.)
    monkeypatch.setattr(lastgood, "SETTLE", 0.05)


REAL_LOAD_BYTES = editing.load_bytes


def whole(data: bytes, values: dict, name: str = "events.csv") -> editing.Review:
    """What a check of the whole file's bytes says of the row (`add` before it read on)."""
    patched, editing.load_bytes = editing.load_bytes, REAL_LOAD_BYTES  # (see no_whole_read)
    try:
        return editing.review(data, [editing.account(values)], name=name)
    finally:
        editing.load_bytes = patched


def no_whole_read(monkeypatch) -> None:
    """From here on, any check of the whole file fails the test."""

    def fail(*args, **kwargs):
        raise AssertionError("the whole file was checked again")

    monkeypatch.setattr(editing, "load_bytes", fail)
    monkeypatch.setattr(context, "load", fail)


def expected_bytes(data: bytes, values: dict) -> bytes:
    return data + editing.encode(editing.shape_of(data), [editing.account(values)])


# --- the same messages, cached or not, as a check of the file after the append -------------------

# Every row in a file of LF line ends; a few in each shape.
CASES = [pytest.param(FILE, values.values[0], id=f"LF, {values.id}") for values in ROWS] + [
    pytest.param(shape.values[0], values.values[0], id=f"{shape.id}, {values.id}")
    for shape in SHAPES[1:]
    for values in ROWS
    if values.id in ("new event", "another account", "bad date")
]


@pytest.mark.parametrize("existing, values", CASES)
def test_a_row_gets_the_same_messages_and_bytes_from_the_cache(tmp_path, monkeypatch, existing, values):
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    truth = whole(existing, values)
    store.open_index(path)  # the cache of this version, as the dashboard writes it
    no_whole_read(monkeypatch)
    outcome = editing.add(path, values)
    assert not truth.blocking
    assert_as_whole(path, existing, values, outcome)


@pytest.mark.parametrize("values", ROWS)
def test_add_says_the_same_with_and_without_a_cache(tmp_path, monkeypatch, capsys, values):
    """What an editor reads: the first add of a file (no cache: it is checked whole, and kept),
    and the same add to a copy whose cache is there."""
    cold, warm = tmp_path / "cold" / "events.csv", tmp_path / "warm" / "events.csv"
    for path in (cold, warm):
        path.parent.mkdir()
        path.write_bytes(FILE)
    store.open_index(warm)
    arguments = [f"--{name.replace('_', '-')}={value}" for name, value in values.items()]
    code = cli.main(["add", "--file", str(cold), *arguments])
    said = capsys.readouterr().out.replace(str(cold), "PATH")
    assert context.cached(cold) is not None  # (kept: the next add reads on from it)
    no_whole_read(monkeypatch)
    assert cli.main(["add", "--file", str(warm), *arguments]) == code
    assert capsys.readouterr().out.replace(str(warm), "PATH") == said
    assert cold.read_bytes() == warm.read_bytes()


def test_the_first_add_keeps_the_checked_file_for_the_next(tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    assert not store.cache_path(path).exists()
    assert editing.add(path, {**GOOD, "date": "03/04/2022"}).problems  # refused: nothing written
    no_whole_read(monkeypatch)
    outcome = editing.add(path, GOOD)  # the editor's second try
    assert outcome.written and path.read_bytes() == expected_bytes(FILE, GOOD)


def test_adds_one_after_another_read_on_from_the_first_version(tmp_path, monkeypatch):
    """Each add reads on from the cached version, through the rows adds appended since."""
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    cached = store.cache_path(path).read_bytes()
    no_whole_read(monkeypatch)
    data = FILE
    for n, values in enumerate(
        [
            GOOD,
            {"id": "president-speaks", "date": "2022-01-08", "source": "AP"},
            {**GOOD, "id": "second", "location": "Almaty"},
            {**GOOD, "id": "third", "date": "03/04/2022"},
            {**GOOD, "id": "fourth", "category": "protests"},
        ]
    ):
        truth = whole(data, values)
        outcome = editing.add(path, values)
        assert outcome.problems == truth.findings[0], n
        if outcome.written:
            data = expected_bytes(data, values)
        assert path.read_bytes() == data
    assert store.cache_path(path).read_bytes() == cached  # (not written again: read on from)
    monkeypatch.undo()
    checked = timeline.load(path)
    assert outcome.review.dataset.summary() == checked.summary()
    assert outcome.problems == [p for p in checked.problems if p.row == outcome.review.numbers[0]]


def test_adds_after_the_first_skip_the_digest_of_the_cache_it_found_whole(tmp_path, monkeypatch):
    """The first add from a cache makes its digest (every byte of it checked) and records its
    identity; the adds after it do not make it again while the cache is that file, unchanged."""
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    time.sleep(arrowfile.SETTLED_NS / 1e9 + 0.01)  # (a cache just written is not recorded)
    made = []
    real = arrowfile._digest
    monkeypatch.setattr(arrowfile, "_digest", lambda fd, size: made.append(os.fstat(fd).st_ino) or real(fd, size))
    assert editing.add(path, GOOD).written
    assert os.stat(store.cache_path(path)).st_ino in made
    made.clear()
    data = expected_bytes(FILE, GOOD)
    for values in ({"id": "president-speaks", "date": "2022-01-08", "source": "AP"}, {**GOOD, "id": "second"}):
        truth = whole(data, values)
        outcome = editing.add(path, values)
        assert outcome.problems == truth.findings[0]
        data = expected_bytes(data, values)
        assert path.read_bytes() == data
    assert made == []


def test_a_cache_changed_in_place_after_an_add_found_it_whole_is_not_trusted(tmp_path, monkeypatch):
    """The cache's bytes changed since the last add (its size and modification time kept): the
    next add makes its digest, finds it spoiled and checks the file whole."""
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    time.sleep(arrowfile.SETTLED_NS / 1e9 + 0.01)
    assert editing.add(path, GOOD).written
    assert context._record(path)["cache"] is not None
    changed_in_place(store.cache_path(path), b"Almaty airport seized", b"Astana airport seized")
    assert context.cached(path) is None
    values = {"id": "curfew", "date": "2022-01-07", "category": "government", "source": "AP"}
    assert_as_whole(path, path.read_bytes(), values, editing.add(path, values))


# --- a cache is not trusted once the file changed behind it --------------------------------------


def _edited(path: Path) -> None:
    """Another editor's change, in place: the event `curfew` loses its first row's category."""
    data = path.read_bytes()
    path.write_bytes(
        data.replace(
            b"curfew,2022-01-05,2022-01-19,Curfew,,government", b"curfew,2022-01-05,2022-01-19,Curfew,,          "
        )
    )


def _same_length_same_time(path: Path) -> None:
    """An edit that keeps the size and the modification time (only the bytes tell)."""
    stat = os.stat(path)
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Curfew,,government", b"Curfew,,security  "))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _replaced(path: Path) -> None:
    """A spreadsheet's save: a new file in its place, of the same size and time."""
    stat = os.stat(path)
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data.replace(b"Curfew,,government", b"Curfew,,security  "))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _truncated_then_grown(path: Path) -> None:
    """The last row cut away and another written: longer than the cached version, its tail new."""
    data = path.read_bytes()
    path.write_bytes(
        data[: data.rindex(b"\ninternet-cut") + 1]
        + b"internet-cut,2022-01-05,,Internet cut,,government,,,,Reuters,,,,,,,,,,\n"
        + b"late-row,2022-01-09,,A late row,,protest,,,,AP,,,,,,,,,,\n"
        + b"later-row,2022-01-10,,A later row,,protest,,,,AP,,,,,,,,,,\n"
    )


@pytest.mark.parametrize("change", [_edited, _same_length_same_time, _replaced, _truncated_then_grown])
@pytest.mark.parametrize("after_an_add", [False, True], ids=["cached version", "after an add"])
def test_a_cache_of_another_version_is_not_trusted(tmp_path, change, after_an_add):
    """The new row joins `curfew`, whose first row's category the change alters: read from a
    stale cache, its warning would be the old one's."""
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    if after_an_add:
        assert editing.add(path, GOOD).written  # read on from the cache: the record is written
        assert context.added_path(path).exists()
    stale = path.read_bytes()
    change(path)
    data = path.read_bytes()
    values = {"id": "curfew", "date": "2022-01-07", "category": "government", "source": "AP"}
    truth = whole(data, values)
    before = whole(stale, values)
    assert (truth.numbers, truth.findings) != (before.numbers, before.findings)  # (the change tells)
    assert_as_whole(path, data, values, editing.add(path, values))


def assert_as_whole(path: Path, data: bytes, values: dict, outcome: editing.Appended) -> None:
    """`outcome` is what a check of the whole file's bytes `data` says, and it was acted on."""
    truth = whole(data, values, str(path))
    assert outcome.problems == truth.blocking + truth.findings[0]
    assert outcome.review.numbers == truth.numbers
    truth.refuse_dropped = True  # (add writes no value that would be left out)
    refused = truth.refused(0)
    assert bool(outcome.written) is not refused
    if refused:
        assert path.read_bytes() == data
        return
    assert outcome.written == {0: truth.numbers[0]}
    assert path.read_bytes() == expected_bytes(data, values)
    checked = timeline.load(path)
    assert outcome.problems == [p for p in checked.problems if p.row == truth.numbers[0]]
    assert outcome.review.dataset.summary() == checked.summary()


def test_a_record_of_adds_for_another_version_is_not_trusted(tmp_path, monkeypatch):
    """The record says what the file was after the last add: a record copied from another
    file's state folder, or a file rewritten since, is not read on from."""
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    assert editing.add(path, GOOD).written
    record = context.added_path(path).read_text()
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Curfew,,government", b"Curfew,,communicat"))  # same length
    assert context.cached(path) is None
    context.added_path(path).write_text(record)
    assert context.cached(path) is None


@pytest.mark.parametrize("garbage", [b"", b"{", b"[]", b'{"from": 1, "now": 2}', b"\xff\xfe"])
def test_a_torn_record_is_ignored(tmp_path, garbage):
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    assert editing.add(path, GOOD).written
    context.added_path(path).write_bytes(garbage)
    values = {"id": "curfew", "date": "2022-01-07", "category": "security", "source": "AP"}
    data = path.read_bytes()
    outcome = editing.add(path, values)
    assert outcome.problems == whole(data, values).findings[0]
    assert path.read_bytes() == expected_bytes(data, values)


def test_a_state_folder_that_cannot_be_written_costs_only_speed(tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    monkeypatch.setenv(lastgood.STATE_DIR, str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("not a folder")
    for values in (GOOD, {"id": "curfew", "date": "2022-01-07", "source": "AP"}):
        data = path.read_bytes()
        outcome = editing.add(path, values)
        assert outcome.written and outcome.problems == whole(data, values).findings[0]
        assert path.read_bytes() == expected_bytes(data, values)


# --- where reading on cannot vouch for the row: the whole file, as before ------------------------


@pytest.mark.parametrize(
    "existing, values",
    [
        pytest.param(FILE + b'open-quote,2022,,"Never closed,,x,,,,S,,,,,,,\n', GOOD, id="a quote left open"),
        pytest.param(FILE.replace(b"\n", b"\r"), GOOD, id="lines ended by CR alone"),
        pytest.param(FILE + b"\xe9t\xe9,2022,,A,,protest,,,,AP,,,,,,,,,,\n", GOOD, id="not UTF-8"),
        pytest.param(FILE, {**GOOD, "date": "1905-07-14"}, id="a year a spreadsheet made a date?"),
    ],
)
def test_what_cannot_be_read_on_is_checked_whole(tmp_path, existing, values):
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    store.open_index(path)
    assert_as_whole(path, existing, values, editing.add(path, values))


# --- the shape of a file, read from its ends ---------------------------------------------------


@pytest.mark.parametrize(
    "existing",
    [
        *SHAPES,
        pytest.param(FILE.replace(b"Almaty,Interfax", b'"Almaty,\nOld Square",Interfax'), id="a value on two lines"),
        pytest.param(FILE + b"\n\n" + FILE.split(b"\n", 1)[1], id="blank lines inside"),
        pytest.param(FILE + b"cut-row,2022-01-0", id="a row cut short"),
    ],
)
def test_the_shape_from_the_ends_is_the_shape_of_the_whole(tmp_path, existing):
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    dataset = timeline.load(path)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert editing._shape_at(fd, dataset) == editing.shape_of(existing)
    finally:
        os.close(fd)


def test_a_row_cut_short_at_the_end_is_told_as_a_full_check_tells_it(tmp_path, monkeypatch):
    """A save in progress left a row without its line end: no row is added after it (the rest of
    the save would write over it), read on from the cache as a full check of the file says."""
    existing = FILE + b"cut-row,2022-01-0"
    path = tmp_path / "events.csv"
    path.write_bytes(existing)
    store.open_index(path)
    truth = whole(existing, GOOD)
    no_whole_read(monkeypatch)
    outcome = editing.add(path, GOOD)
    assert outcome.review.blocking == truth.blocking and len(truth.blocking) == 1
    assert not outcome.written and path.read_bytes() == existing


def test_an_add_with_the_cache_elsewhere(tmp_path, monkeypatch):
    """$TIMELINE_STATE_DIR (where the site keeps its state): the cache and the record live there,
    the lock beside the file, as before."""
    state = tmp_path / "state"
    monkeypatch.setenv(lastgood.STATE_DIR, str(state))
    path = tmp_path / "events.csv"
    path.write_bytes(FILE)
    store.open_index(path)
    no_whole_read(monkeypatch)
    assert editing.add(path, GOOD).written
    assert context.added_path(path).parent == state
    assert (tmp_path / lastgood.BESIDE / "events.csv.lock").exists()
