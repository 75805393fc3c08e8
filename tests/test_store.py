"""timeline.store: the checked data of a file version, kept on disk and memory-mapped.

A cache gives exactly what loading the file gives, and only for the version and the program
that wrote it: a stale, torn or foreign one is rebuilt, never trusted."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from timeline import arrowfile, lastgood, store
from timeline.index import build_index
from timeline.load import load
from timeline.search import text_grams

from .helpers import changed_in_place, csv_bytes, row

# Events with several accounts, spans and places, and rows that give errors and warnings (the
# problems are kept too).
MIXED = csv_bytes(
    [
        *(
            row(
                f"event-{i}",
                f"2022-01-{1 + i % 28:02d}",
                source=("Reuters", "AFP", "TASS")[i % 3],
                description=f'What happened, "quoted", on day {i}',
                location="Almaty",
                latitude="43.24",
                longitude="76.89",
            )
            for i in range(30)
        ),
        row("event-1", "2022-01-03", source="AP"),
        row("span", "2022-01-05", end_date="2022-01-09", category="Security"),
        row("Bad Id", "2022-01-07"),
        row("no-date", ""),
        row("link", "2022-02-01", source_url="ftp://example.org/x"),
        row("late", "2022-03-01", end_date="2022-02-01"),
        row("protest-a", "2022-04-01", category="Protests"),
    ]
)


@pytest.fixture
def events(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv(lastgood.STATE_DIR, raising=False)
    path = tmp_path / "events.csv"
    path.write_bytes(MIXED)
    return path


def assert_same(cached, fresh) -> None:
    """Every part of an index that a view reads is equal, with its types."""
    pd.testing.assert_frame_equal(cached.events, fresh.events)
    pd.testing.assert_frame_equal(cached.dataset.accounts, fresh.dataset.accounts)
    assert cached.dataset.problems == fresh.dataset.problems
    assert [p.code for p in cached.dataset.problems] == [p.code for p in fresh.dataset.problems]
    assert cached.dataset.resume == fresh.dataset.resume
    for field in dataclasses.fields(fresh.known):
        np.testing.assert_array_equal(getattr(cached.known, field.name), getattr(fresh.known, field.name))
    assert cached.dataset.signature == fresh.dataset.signature
    assert cached.dataset.path == fresh.dataset.path
    for name in store.INDEX_ARRAYS:
        ours, theirs = getattr(cached, name), getattr(fresh, name)
        assert ours.dtype == theirs.dtype, name
        np.testing.assert_array_equal(ours, theirs, err_msg=name)
    assert cached.lanes == fresh.lanes
    assert cached.source_keys == fresh.source_keys
    assert cached.outlets == fresh.outlets
    assert cached.positions.equals(fresh.positions)
    assert list(cached.distinct) == list(fresh.distinct)
    for name, (codes, values) in fresh.distinct.items():
        np.testing.assert_array_equal(cached.distinct[name][0], codes)
        assert cached.distinct[name][1].equals(values)


def test_a_fresh_cache_gives_what_loading_the_file_gives(events):
    built = store.open_index(events)
    assert store.cache_path(events).exists()
    cached = store.read(events)
    assert cached is not None
    fresh = build_index(load(events))
    assert fresh.dataset.errors and fresh.dataset.warnings  # (the file has problems to keep)
    assert_same(cached, fresh)
    assert_same(built, fresh)


def test_a_cached_index_is_a_view_of_the_mapped_file_not_a_copy(events):
    store.open_index(events)
    cached = store.read(events)
    for values in (
        cached.start,
        cached.account_order,
        cached.events["lat"].to_numpy(),
        cached.dataset.accounts["row"].to_numpy(),
    ):
        assert not values.flags.owndata and not values.flags.writeable
    text = cached.dataset.accounts["description"].array.__arrow_array__().chunk(0)
    assert not text.buffers()[2].is_mutable  # (the file is mapped read-only; a new array is not)


def _append_a_row(path: Path) -> None:
    with open(path, "ab") as file:
        file.write(csv_bytes([row("appended", "2023-01-01")]).split(b"\n", 1)[1])


def _same_size_and_time(path: Path) -> None:
    """An edit that keeps the file's size, time and inode: only its bytes tell."""
    changed_in_place(path, b"2022-01-07", b"2022-01-08")


def _cut(fraction: float):
    def spoil(path: Path) -> None:
        data = store.cache_path(path).read_bytes()
        _replace_cache(path, data[: int(len(data) * fraction)])

    return spoil


def _garbage(path: Path) -> None:
    _replace_cache(path, b"not an arrow file" * 100)


def _replace_cache(path: Path, data: bytes) -> None:
    """(A new file, as a crash could leave: one mapped by a process is never cut in place.)"""
    cache = store.cache_path(path)
    cache.with_name("spoiled").write_bytes(data)
    cache.with_name("spoiled").replace(cache)


def _written_by(**constants):
    """Write the cache again as another format or program would have."""

    def spoil(path: Path, monkeypatch) -> None:
        for name, value in constants.items():
            monkeypatch.setattr(store, name, value)
        store.write(path, build_index(load(path)))
        monkeypatch.undo()

    return spoil


def _description_edited(path: Path) -> None:
    """The description of the contents changed without its digest (as a torn or tampered write)."""
    cache = store.cache_path(path)
    table = pa.ipc.open_file(pa.py_buffer(cache.read_bytes())).read_all()
    metadata = dict(table.schema.metadata)
    metadata[arrowfile.KEY] = metadata[arrowfile.KEY].replace(b'"format": ', b'"format": 0')
    edited = cache.with_name("edited")
    with pa.OSFile(str(edited), "wb") as sink, pa.ipc.new_file(sink, table.schema.with_metadata(metadata)) as writer:
        writer.write_table(table)
    edited.replace(cache)


def _a_date_changed(path: Path) -> None:
    """One byte of the first event's start changed in a copy of the cache (as a disk error, a hand
    edit or a backup tool could leave it): every array still whole, its lengths as described."""
    cache = store.cache_path(path)
    with pa.memory_map(str(cache)) as source:
        base = source.read_buffer(1).address
        batch = pa.ipc.open_file(source).get_batch(0)
        start = batch.column(batch.schema.get_field_index("index/start")).flatten()
        at = start.buffers()[1].address - base
    data = bytearray(cache.read_bytes())
    data[at] ^= 1  # (a second later or earlier)
    _replace_cache(path, bytes(data))


def _digest_left_out(path: Path) -> None:
    """The arrays and their description as written, without the batch after them that holds
    their digest (the layout before it was added)."""
    cache = store.cache_path(path)
    reader = pa.ipc.open_file(pa.py_buffer(cache.read_bytes()))
    edited = cache.with_name("edited")
    with pa.OSFile(str(edited), "wb") as sink, pa.ipc.new_file(sink, reader.schema) as writer:
        writer.write_batch(reader.get_batch(0))
    edited.replace(cache)


SPOILED = [
    # what happened to the file or its cache since the cache was written, which of the two
    ("the file grew (a row appended)", _append_a_row, "file"),
    ("the file's bytes changed, its size and time did not", _same_size_and_time, "file"),
    ("the cache cut in half", _cut(0.5), "cache"),
    ("the cache's last bytes missing (its footer)", _cut(0.999), "cache"),
    ("the cache empty", _cut(0), "cache"),
    ("not an Arrow file", _garbage, "cache"),
    ("its description edited without its digest", _description_edited, "cache"),
    ("a byte of a date changed in it", _a_date_changed, "cache"),
    ("the digest of its bytes left out", _digest_left_out, "cache"),
    ("written in another format", _written_by(FORMAT=store.FORMAT + 1), "program"),
    ("written by another program", _written_by(PROGRAM="another"), "program"),
]


@pytest.mark.parametrize("spoil, what", [c[1:] for c in SPOILED], ids=[c[0] for c in SPOILED])
def test_a_cache_that_is_stale_torn_or_foreign_is_rebuilt(events, monkeypatch, spoil, what):
    store.open_index(events)
    if what == "program":
        spoil(events, monkeypatch)
    else:
        spoil(events)
    assert store.read(events) is None
    rebuilt = store.open_index(events)
    fresh = build_index(load(events))
    assert_same(rebuilt, fresh)
    assert_same(store.read(events), fresh)  # (and written again for the next process)


def test_an_unwritable_state_folder_still_serves_and_says_so_once(events, monkeypatch, tmp_path, capsys):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv(lastgood.STATE_DIR, str(blocked))
    monkeypatch.setattr(store, "_warned", set())
    fresh = build_index(load(events))
    assert_same(store.open_index(events), fresh)
    assert_same(store.open_index(events), fresh)
    assert store.read(events) is None
    assert capsys.readouterr().err.count("cannot keep the checked data") == 1


def test_a_missing_file_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.delenv(lastgood.STATE_DIR, raising=False)
    missing = tmp_path / "nothing.csv"
    index = store.open_index(missing)
    assert "there is no file" in index.dataset.problems[0].message
    assert not store.cache_path(missing).exists()


def test_the_cache_lives_in_the_state_folder(events, monkeypatch, tmp_path):
    assert store.cache_path(events).parent == events.parent / lastgood.BESIDE
    monkeypatch.setenv(lastgood.STATE_DIR, str(tmp_path / "state"))
    store.open_index(events)
    assert store.cache_path(events).parent == tmp_path / "state"
    assert store.cache_path(events).exists()
    assert store.read(events) is not None


def test_the_search_sequences_are_kept_beside_the_data_and_mapped(events):
    """The search's sequences of a version are made once, then every worker maps the same copy;
    those of another version of the file are made again."""
    index = store.open_index(events)
    made = store.open_grams(events, index)
    kept = store.open_grams(events, index)
    assert not kept.bits.flags.writeable and kept.accounts == len(index.dataset.accounts)
    np.testing.assert_array_equal(kept.bits, text_grams(index.dataset.accounts).bits)
    np.testing.assert_array_equal(kept.always, made.always)
    events.write_bytes(MIXED + csv_bytes([row("added", "2022-05-01")]).split(b"\n", 1)[1])
    grown = store.open_index(events)
    assert store.open_grams(events, grown).accounts == len(index.dataset.accounts) + 1


def test_a_worker_that_mapped_a_version_reads_only_the_rows_appended_after_it(events):
    """The cache keeps where an append can be read on from (load.Resume): the next version is
    read on from the mapped one, and equals a full load."""
    from timeline.appends import load_more

    store.open_index(events)
    mapped = store.read(events)
    assert mapped is not None and mapped.dataset.resume is not None
    events.write_bytes(
        MIXED + csv_bytes([row("added", "2022-05-01"), row("event-2", "2022-01-03", source="BBC")]).split(b"\n", 1)[1]
    )
    grown = load_more(mapped.dataset, events)
    assert grown.growth is not None  # read on, not read whole
    whole = load(events)
    pd.testing.assert_frame_equal(grown.events, whole.events)
    assert grown.problems == whole.problems


# --- A mapped file written to in place while it is used -----------------------------------------


def _cut(target: Path) -> None:
    os.truncate(target, 100)


def _written_again(target: Path) -> None:  # (the same bytes and size, as `cp` of a backup writes)
    data = target.read_bytes()
    with open(target, "r+b") as file:
        file.write(data)
    os.utime(target, ns=(0, os.stat(target).st_mtime_ns + 1_000_000))


def _replaced(target: Path) -> None:  # (as `write` puts a new version in place)
    other = target.with_name("other")
    other.write_bytes(target.read_bytes())
    os.replace(other, target)


def _cut_then_replaced(target: Path) -> None:  # (a worker forked after another wrote it again)
    data = target.read_bytes()
    _cut(target)
    other = target.with_name("other")
    other.write_bytes(data)
    os.replace(other, target)


@pytest.mark.parametrize(
    "change, said",
    [
        (_cut, True),
        (_written_again, True),
        (_cut_then_replaced, True),
        (_replaced, False),
        (os.unlink, False),
        (lambda target: None, False),
    ],
)
def test_a_mapped_file_written_to_in_place_is_said_once(tmp_path, change, said):
    target = tmp_path / "x.arrow"
    arrowfile.write(target, {"key": 1}, {"a": pa.array([1, 2, 3])})
    arrowfile.changed()  # (those mapped before: not this test's)
    assert arrowfile.read(target, 1) is not None
    change(target)
    assert arrowfile.changed() == ([str(target)] if said else [])
    assert arrowfile.changed() == []


def test_a_descriptor_closed_by_other_code_is_said_changed_not_an_error(tmp_path):
    target = tmp_path / "x.arrow"
    arrowfile.write(target, {"key": 1}, {"a": pa.array([1, 2, 3])})
    arrowfile.changed()
    assert arrowfile.read(target, 1) is not None
    os.close(arrowfile._mapped[str(target)][0])
    assert arrowfile.changed() == [str(target)]
    assert arrowfile.changed() == []


def test_the_gazetteer_written_to_in_place_is_read_again_and_the_versions_served_kept(monkeypatch):
    from timeline import places
    from timeline.app import data

    places.largest_towns(type("All", (), {"contains": staticmethod(lambda lat, lon: lat == lat)})(), 1)
    assert places._towns.cache_info().currsize == 1
    monkeypatch.setattr(arrowfile, "changed", lambda: [str(places.cache_path())])
    monkeypatch.setattr(data, "_mapped_checked_at", 0.0)
    assert not data._mapped_changed()  # (the events' versions are not the gazetteer's)
    assert places._towns.cache_info().currsize == 0


def test_the_dashboard_lets_go_of_checked_data_cut_short_under_it_and_reads_the_file_again(events):
    """`cp` of a backup over the state folder while the site runs: reading the old mapping would
    stop the worker (SIGBUS), and the workers forked after it."""
    from timeline.app import data

    old = data.current(str(events), wait=True)
    assert store.cache_path(events).exists() and store.read(events) is not None  # (mapped)
    _cut(store.cache_path(events))
    time.sleep(data.CHECK_MAPPED)  # (how often it is looked at)
    fresh = data.current(str(events))
    # (Compared before anything of it is read, and not shown if the same: reading the old one
    # would stop this process.)
    read_again = fresh is not old and fresh.index.dataset is not old.index.dataset
    assert read_again
    assert_same(fresh.index, build_index(load(events)))
    assert store.read(events) is not None  # the checked data written again


def test_no_byte_after_those_checked_makes_a_file_read_as_other_arrays(tmp_path):
    """The footer (the file's index, with its own copy of the schema) and the digest's batch come
    after the bytes the digest covers. A bit changed there is read as nothing or as the arrays
    written, never as others: the footer's copy of the schema once decoded the checked bytes, so
    a type changed there read int8 codes as uint8, int64 as double, text as bytes."""
    target = tmp_path / "x.arrow"
    arrays = {
        "codes": pa.array([-1, 0, 1, 2], pa.int8()),
        "start": pa.array([1_700_000_000, -5], pa.int64()),
        "lat": pa.array([1.5, -2.25], pa.float64()),
        "name": pa.array(["a", "b"], pa.large_string()),
        "flag": pa.array([True, False]),
    }
    arrowfile.write(target, {"key": 1}, arrays)
    written = target.read_bytes()
    with pa.memory_map(str(target)) as source:
        said = pa.ipc.open_file(source).get_batch_with_custom_metadata(1)[1]
    checked = int(said[arrowfile.BYTES])
    assert 0 < checked < len(written)
    spoiled = tmp_path / "spoiled.arrow"
    other = []
    for at in range(checked, len(written)):
        for bit in range(8):
            data = bytearray(written)
            data[at] ^= 1 << bit
            spoiled.with_suffix(".new").write_bytes(bytes(data))
            spoiled.with_suffix(".new").replace(spoiled)
            found = arrowfile.read(spoiled, 1)
            if found is not None and any(
                not found[1][name].equals(array) or found[1][name].type != array.type for name, array in arrays.items()
            ):
                other.append((at, bit))
    assert other == []


def _found_whole(target, monkeypatch) -> list:
    """Read `target` whole once it has settled (`arrowfile.SETTLED_NS` after it was written),
    then count the digests made after that."""
    time.sleep(arrowfile.SETTLED_NS / 1e9 + 0.01)
    assert arrowfile.read(target, 1) is not None
    made = []
    real = arrowfile._digest
    monkeypatch.setattr(arrowfile, "_digest", lambda *a: made.append(a) or real(*a))
    return made


def test_a_file_found_whole_is_read_again_without_its_digest_while_it_is_that_file(tmp_path, monkeypatch):
    """`timeline add` records the identity of the cache it found whole, and the next add reads it
    without making its digest (0.07-0.09 s at a million rows) while it is that file, unchanged."""
    target = tmp_path / "x.arrow"
    arrays = {"a": pa.array([1, 2, 3]), "b": pa.array(["x", "y"])}
    arrowfile.write(target, {"key": 1}, arrays)
    made = _found_whole(target, monkeypatch)
    known = arrowfile.verified(target)
    assert known == arrowfile.identity(os.stat(target))
    found = arrowfile.read(target, 1, known)
    assert made == []
    assert all(found[1][name].equals(array) for name, array in arrays.items())
    assert arrowfile.read(target, 2, known) is None  # (another key: not its version, as always)


def _same_size_same_time(target) -> None:
    """A byte of the arrays changed in place, the file's size and modification time kept."""
    changed_in_place(target, b"xy", b"zy")


def _another_in_its_place(target) -> None:
    """Another file of the same size and times renamed over it (a backup restored)."""
    stat = os.stat(target)
    data = bytearray(target.read_bytes())
    data[data.index(b"xy")] = ord("z")
    other = target.with_suffix(".other")
    other.write_bytes(data)
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    other.replace(target)


@pytest.mark.parametrize("change", [_same_size_same_time, _another_in_its_place])
def test_a_file_changed_since_it_was_found_whole_has_its_digest_made(tmp_path, monkeypatch, change):
    """The identity recorded is not trusted for a file written to since, nor for another file put
    in its place, even with the same size and modification time: the digest is made again, and
    tells the change."""
    target = tmp_path / "x.arrow"
    arrowfile.write(target, {"key": 1}, {"a": pa.array([1, 2, 3]), "b": pa.array(["x", "y"])})
    made = _found_whole(target, monkeypatch)
    known = arrowfile.verified(target)
    change(target)
    assert arrowfile.verified(target) is None
    assert arrowfile.read(target, 1, known) is None
    assert made


def test_a_file_just_written_is_not_recorded_as_found_whole(tmp_path):
    """A second write in the same tick of the system's clock as the first would leave the file's
    times as they were: a file changed within `SETTLED_NS` of its read is not recorded."""
    target = tmp_path / "x.arrow"
    arrowfile.write(target, {"key": 1}, {"a": pa.array([1, 2, 3])})
    assert arrowfile.read(target, 1) is not None
    assert arrowfile.verified(target) is None


@pytest.mark.parametrize(
    "system, change, age_ns, recorded",
    [
        ("posix", 1_764_000_000_123_456_789, 10**9, True),
        ("posix", 1_764_000_000_123_456_789, 50_000_000, False),  # changed 0.05 s before the read began
        ("posix", 1_764_000_000_000_000_000, 10**9, False),  # times kept to the second (ext4's small inodes)
        ("posix", 1_764_000_000_120_000_000, 10**9, False),  # ... or to 10 ms (FAT)
        ("nt", 1_764_000_000_123_456_789, 10**9, False),  # Windows: st_ctime is when the file was made
    ],
)
def test_an_identity_is_recorded_only_where_every_write_changes_it(monkeypatch, system, change, age_ns, recorded):
    """A file system that keeps times coarsely, or Windows, would leave a cache edited in place
    with the identity recorded: there the digest is made each time."""
    monkeypatch.setattr(os, "name", system)
    assert arrowfile._recordable([1, 2, 3, change - 5, change], change + age_ns) is recorded
