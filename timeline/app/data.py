"""The current version of the events file, re-read when it changes.

Each process (each gunicorn worker) keeps the last version it read, keyed by
the file's signature (path, mtime, size, inode): a request costs one `stat`
unless the file changed. Then a new version is built in a background thread
(one per file), rows appended being read on from where the file ended
(timeline.appends), while requests are answered from the version already
built; the switch is one assignment. Only a worker's first request, with
nothing to serve yet, waits for the file. A new version that looks like a broken save (it
cannot be read, or it lost most of the events) is not published: every worker
keeps serving the last good version, recorded on disk (timeline.lastgood), with
a notice that says why and what to do.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from .. import arrowfile, lastgood, model, places, store
from ..appends import load_more, only_grew
from ..index import EventIndex, build_index, grow_index, with_room
from ..load import Dataset, signature
from ..problems import ERROR, Problem, ProblemCode
from ..search import events_with_text, narrowed, text_grams
from ..state import Filters, apply, as_of_bound


@dataclass
class Current:
    index: EventIndex
    signature: tuple
    version: str
    loaded_at: float
    notices: list[Problem] = field(default_factory=list)  # about the file as a whole, now
    shown: lastgood.Published | None = None  # the version whose events these are, if good
    record: tuple | None = None  # the last good record's stamp, while kept back
    read: Dataset | None = None  # the file's own dataset as last read (kept back or not)

    masks: dict = field(default_factory=dict)
    word_masks: dict = field(default_factory=dict)
    search_pid: int = 0  # the process whose thread makes or maps the search's sequences
    as_of_indexes: dict = field(default_factory=dict)

    @property
    def kept_back(self) -> bool:
        """A new version of the file is not published: these are the last good version's events."""
        return self.record is not None

    @property
    def problems(self) -> list[Problem]:
        return self.notices + self.index.dataset.problems

    def mask(self, filters: Filters) -> np.ndarray:
        """The events the filters keep; the callbacks of one change ask for it several times."""
        return _remember(self.masks, filters, lambda: apply(self.index, filters, self.word_mask))

    def index_at(self, filters: Filters) -> EventIndex:
        """The index as things stood at the filters' as-of date (EventIndex.at); the index itself
        without one."""
        bound = as_of_bound(filters)
        if bound is None:
            return self.index
        return _remember(self.as_of_indexes, bound, lambda: self.index.at(bound))

    def word_mask(self, word: str, within: np.ndarray | None = None) -> np.ndarray:
        """The events with `word` in their text: the slowest filter, so kept per word too. A
        word not kept is looked for among the events `within` only, when they are few (search.
        narrowed), and not kept then (the answer holds no event beyond them)."""
        _search_sequences(self)
        if word.lower() not in self.word_masks and narrowed(within):
            return events_with_text(self.index, word, within)
        return _remember(self.word_masks, word.lower(), lambda: events_with_text(self.index, word))


def _remember(kept: dict, key, make):
    found = kept.get(key)
    if found is None:
        found = make()
        with _masks_lock:  # threads of one worker share these caches
            while len(kept) >= MASKS_KEPT:
                kept.pop(next(iter(kept)))
            kept[key] = found
    return found


MASKS_KEPT = 32
_cache: dict[str, Current] = {}
_lock = threading.Lock()  # held while a version is built (one at a time per worker)
_masks_lock = threading.Lock()
_builders: dict[str, threading.Thread] = {}
_builders_lock = threading.Lock()


def current(path: str, wait: bool = False, seen: str | None = None) -> Current:
    """The version to serve now. When the file changed, the one built before (while the new one
    is built in the background), unless there is none yet or `wait` (tests, tools), or the page
    asking has `seen` another version: one that another worker has built already, so that its
    callbacks must not answer from an older one (the page would then show it until the next change).

    A file this process maps (the checked data, the search's sequences: timeline.store) written
    to in place since (a backup copied over it): every version read from it is let go of before
    any is served again, and the file's version is built anew, at once (answered from the old
    one, a request could read bytes cut from under it: the system stops the worker). Looked at
    every CHECK_MAPPED seconds at most (a few microseconds each time, against 9 for the rest)."""
    return _current(path, wait, seen)[0]


def _current(path: str, wait: bool = False, seen: str | None = None) -> tuple[Current, tuple]:
    """`current`'s version, and the file's signature as it was then (read once: a poll costs
    one look at the file, version_for)."""
    if _mapped_changed():
        with _lock:
            _cache.clear()
            return _newest(path), signature(path)
    cached = _cache.get(path)
    now = signature(path)
    if cached is not None and _still(cached, now, path):
        return cached, now
    # (Not for a page that has seen the file as it is now: another worker read it already, its
    # first version or one it read on from; answered from this one's, the page would not move.)
    if cached is not None and not wait and seen not in _versions(now) and _young(path, cached, now):
        _build_in_background(path)  # (which reads it once it has stood SETTLE seconds)
        return cached, now
    if cached is None or wait or (seen is not None and seen != cached.version):
        with _lock:
            return _newest(path), signature(path)
    _build_in_background(path)
    return cached, now


def version_for(path: str, asked: str = "") -> str:
    """The version to answer a page's poll with (timeline/app/version.py): this worker's; or,
    while this worker builds the file's newest version, the one the page holds (`asked`: its
    If-None-Match) when it is that newest one, which another worker answered first. Told this
    worker's older one, the page would draw it again for a poll, then the newest again."""
    served, now = _current(path)
    if asked and served.signature != now:
        for held in re.findall(r'"([^"]*)"', asked):
            if held in _versions(now):
                return held
    return served.version


CHECK_MAPPED = 0.05  # seconds between two looks at the files mapped (arrowfile.changed)
_mapped_checked_at = 0.0


def _mapped_changed() -> bool:
    """Whether a file the versions served were read from was written to in place (the gazetteer,
    which is not theirs, is let go of then: timeline.places)."""
    global _mapped_checked_at
    now = time.monotonic()
    if now - _mapped_checked_at < CHECK_MAPPED:
        return False
    _mapped_checked_at = now
    changed = arrowfile.changed()
    if not changed:
        return False
    gazetteer = str(places.cache_path())
    if gazetteer in changed:
        places.forget()
    if any(path != gazetteer for path in changed):
        _cache.clear()  # (at once: a request on another thread then waits for the new version)
        return True
    return False


def let_go_of_changed_files() -> None:
    """`_mapped_changed` now, whenever it last looked (gunicorn.conf.py's post_fork: a worker
    forked from a master that mapped a file written to since must not serve from it)."""
    global _mapped_checked_at
    _mapped_checked_at = 0.0
    _mapped_changed()


def _newest(path: str) -> Current:
    """Build the file's version unless it is built already (called with _lock held). A file
    written to while it is read (a save in progress) is read again a little later, up to
    SETTLE_TRIES times; then the version before is served while the background builder waits
    for the file to be quiet, or, when there is none (a worker's first), what was read."""
    cached = _cache.get(path)
    for attempt in range(SETTLE_TRIES):
        if cached is not None and _still(cached, signature(path), path):
            return cached
        if attempt == SETTLE_TRIES - 1 and cached is not None:
            _build_in_background(path)  # (it reads the file again once it is quiet)
            return cached
        try:
            _cache[path] = cached = _build(path, cached, unsettled=attempt == SETTLE_TRIES - 1)
            return cached
        except _Moving:
            _lock.release()  # (not held while waiting: the other threads answer meanwhile)
            try:
                time.sleep(SETTLE_WAIT)
            finally:
                _lock.acquire()
            cached = _cache.get(path, cached)
    assert cached is not None, "the last try serves what it read"
    return cached


class _Moving(Exception):
    """The file was written to while it was read: what was read is no version of it."""


def _young(path: str, cached: Current | None, stamp: tuple) -> float:
    """The seconds before the file as it is (`stamp`, its signature) may be read, after `cached`
    (0: now). Whole rows appended, the last ended by a line break (what `timeline add` writes),
    are read at once; any other change (a save that writes the file anew) once the file has
    stood unchanged for lastgood.SETTLE seconds. A save that truncated the file and wrote it
    again in parts was published as it stood at a pause: at a row's end, the rows after it gone
    with no word (25 of 35 events); within the last value, with every column there, that value
    cut (`2023-04-24` read as `2023-04-2`, 2 April, `2023-04` or `2023`). A worker's first
    version, and a file whose time of change is too far ahead of the clock (lastgood.unsettled),
    are read at once; one changed again within every SETTLE seconds waits until it stands still."""
    if cached is None or len(stamp) < 2 or not stamp[1]:
        return 0.0
    left = lastgood.unsettled(stamp[1] / 1e9)
    if not left or only_grew(cached.read, path, stamp):
        return 0.0
    return left


SETTLE_TRIES = 5  # _newest: reads of a file being written to before one is served anyway
SETTLE_WAIT = 0.05  # seconds between them (and between a background builder's)
QUIET = 0.1  # seconds: a background build reads a file only once it was not written to for this long


def prepare_appends() -> None:
    """Before gunicorn's master forks its workers (gunicorn.conf.py: pre_fork): the numeric
    columns of each version read, of its events and the index's arrays an append adds to, are
    copied once, here, into arrays with room after them (the mapped ones cannot grow:
    model.Room, model.appended), which every worker then shares until it writes the rows an
    append adds after them. Else each worker copies them on its first append (a fifth of a
    second of its CPU, and its own 180 MB at a million rows)."""
    with _lock:
        for cached in list(_cache.values()):
            read = cached.read
            if read is None or read.room is not None:
                continue
            accounts, room = model.with_room(read.accounts)
            if room is not None:
                events = model.with_room_for_events(read.events)
                cached.read = dataclasses.replace(read, events=events, accounts=accounts, room=room)
                if not cached.kept_back and cached.index.dataset.events is read.events:
                    cached.index = with_room(cached.index, cached.read)


def _build_in_background(path: str) -> None:
    with _builders_lock:
        if path in _builders:
            return
        builder = threading.Thread(
            target=_keep_building, args=(path,), daemon=True, name=f"timeline: reading {os.path.basename(path)}"
        )
        _builders[path] = builder
    builder.start()


def _keep_building(path: str) -> None:
    """Build versions until the one built is the file's (it may change again meanwhile)."""
    try:
        moving = 0  # reads in a row of a file written to meanwhile
        while True:
            # A save in progress writes for a while: its file is read once it has been quiet a
            # moment, and read again if it was written to while read (_Moving); the version
            # before is served meanwhile (the lock is not held while waiting).
            stamp = signature(path)
            written = stamp[1] / 1e9 if len(stamp) > 1 and stamp[1] else 0.0
            young = _young(path, _cache.get(path), stamp)
            time.sleep(min(QUIET, max(0.0, written + QUIET - time.time())) + young + (SETTLE_WAIT if moving else 0.0))
            with _lock:
                cached, stamp = _cache.get(path), signature(path)
                if _still(cached, stamp, path):
                    return
                if _young(path, cached, stamp):  # (written to again meanwhile)
                    continue
                try:
                    _cache[path] = _build(path, cached, unsettled=moving >= SETTLE_TRIES)
                    moving = 0
                except _Moving:
                    moving += 1
    except Exception:  # (the version already built stays served; the next request tries again)
        traceback.print_exc()
    finally:
        with _builders_lock:
            _builders.pop(path, None)


TIMINGS = "TIMELINE_TIMINGS"  # environment: 1 prints each version's build, part by part (benchmarks)


def _build(path: str, cached: Current | None, unsettled: bool = False) -> Current:
    """The version to serve for the file as it is now, after `cached` (None: the first). Raises
    _Moving when the file was written to while it was read, unless `unsettled` (serve it anyway)."""
    clock = _Clock(os.environ.get(TIMINGS) == "1")
    if cached is None:  # a worker's first: mapped from the state folder when kept there (timeline.store)
        index = store.open_index(path)
        dataset = index.dataset
    else:  # the rows appended since, when the file only grew (timeline.appends)
        dataset = load_more(cached.read, path)
        index = None
    if not dataset.settled and not unsettled:
        raise _Moving(path)
    clock.part("read")
    last = lastgood.read(path)
    if last is None and cached is not None and cached.shown is not None:
        last = cached.shown  # no record on disk (none yet, or the folder is read-only)
    ends_line = dataset.ends_line if dataset.ends_line is not None else lastgood.ends_a_line(path)
    verdict = lastgood.decide(last, dataset, ends_line)
    if verdict.publish:  # (the last good version's accounts: this worker's own, where it serves them)
        before = (
            cached.index.dataset
            if cached is not None
            and cached.shown is not None
            and last is not None
            and (tuple(cached.shown.signature) == tuple(last.signature))
            else None
        )
        verdict = (
            lastgood.letters_lost(path, last, dataset, before)
            or lastgood.dates_rewritten(path, last, dataset, before)
            or verdict
        )
    if not verdict.publish:
        kept = _kept_back(path, dataset, verdict, last, cached)
        if kept is not None:
            return kept
    good = verdict.publish and lastgood.worth_keeping(dataset)
    clock.part("decide")
    if index is None:
        assert cached is not None, "an index is grown only from a version built before"
        index = grow_index(cached.index, dataset)
    clock.part("index")
    fresh = Current(
        index,
        dataset.signature,
        _version(dataset.signature),
        time.time(),
        shown=_remembered(path, dataset, last) if good else None,
        read=dataset,
    )
    clock.part("last good")
    pa.default_memory_pool().release_unused()  # give back what parsing used, at once
    clock.part("release")
    clock.report(f"{'grown' if dataset.growth is not None else 'built'} {fresh.version}")
    return fresh


class _Clock:
    """The CPU seconds of this thread, part by part, and of the whole build its page faults and
    the seconds of it spent in the kernel (mostly on them): printed only when asked (TIMINGS)."""

    def __init__(self, on: bool):
        self.on = on
        self.parts: list[tuple[str, float]] = []
        self.last = time.thread_time() if on else 0.0
        self.started = _thread_usage() if on else None

    def part(self, name: str) -> None:
        if self.on:
            now = time.thread_time()
            self.parts.append((name, now - self.last))
            self.last = now

    def report(self, what: str) -> None:
        if self.on:
            total = sum(spent for _, spent in self.parts)
            used, started = _thread_usage(), self.started
            faults = (
                f"; {used[0] - started[0]} page faults, kernel {used[1] - started[1]:.3f} s" if used and started else ""
            )
            print(
                f"timeline: pid {os.getpid()} {what}: {total:.3f} CPU s ("
                + ", ".join(f"{name} {spent:.3f}" for name, spent in self.parts)
                + f"{faults})",
                file=sys.stderr,
                flush=True,
            )


def _thread_usage() -> tuple[int, float] | None:
    """This thread's minor page faults and system CPU seconds (None where the system cannot tell)."""
    import resource

    if not hasattr(resource, "RUSAGE_THREAD"):  # (Linux only)
        return None
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_minflt, usage.ru_stime


GRAMS_AT_ONCE = 200_000  # accounts: up to this many, a word's first search reads them all (fast)


def _search_sequences(now: Current) -> None:
    """Start making (or mapping) the search's sequences of a big file's index (timeline.index.
    TextGrams: 5-8 s to make at a million events) in a thread of this process, once; until they
    are ready, a word's first search reads every account, as it did before them. Started by the
    first search, in the process that serves it: a thread of gunicorn's master (which loads the
    file before it forks the workers) would not survive in a worker."""
    index = now.index
    if index.grams is not None or now.search_pid == os.getpid() or len(index.dataset.accounts) <= GRAMS_AT_ONCE:
        return
    with _masks_lock:
        if now.search_pid == os.getpid():
            return
        now.search_pid = os.getpid()
    path = None if now.kept_back else now.index.dataset.path
    threading.Thread(target=_add_grams, args=(index, path), daemon=True, name="search-grams").start()


def _add_grams(index: EventIndex, path: str | None) -> None:
    """The sequences, shared through the state folder when they are the file's current version's."""
    grams = store.open_grams(path, index) if path else text_grams(index.dataset.accounts)
    index.grams = grams  # one assignment: a search sees none or all


def _still(cached: Current | None, stamp: tuple, path: str) -> bool:
    """The cached version is still the one to serve: the file has not changed, and (while a
    version is kept back) neither has the record of the last good one (`accept` rewrites it)."""
    if cached is None or cached.signature != stamp:
        return False
    return cached.record is None or cached.record == lastgood.record_stamp(path)


def _kept_back(path: str, dataset, verdict, last, cached: Current | None) -> Current | None:
    """The last good version, served with a notice that says why the new one is not; None when
    the last good version cannot be had (its copy is gone): the new one is served then."""
    if cached is not None and cached.shown is not None and cached.shown.signature == last.signature:
        index = cached.index
    else:
        good = lastgood.load_copy(path, last)
        if lastgood.file_problem(good) is not None or not len(good.accounts):
            return None
        index = build_index(good, grams=False)
    notice = Problem(
        0, "", ERROR, lastgood.notice(os.path.basename(path), dataset, verdict, last), ProblemCode.KEPT_BACK
    )
    # A version of its own, so that open pages poll it and show the notice (the same events).
    return Current(
        index,
        dataset.signature,
        _version(dataset.signature) + KEPT_BACK,
        time.time(),
        [notice],
        shown=last,
        record=lastgood.record_stamp(path),
        read=dataset,
    )


def _remembered(path: str, dataset, last) -> lastgood.Published:
    """Record the published version as the last good one, on disk, once (by whichever worker
    reads it first); in memory only when the state folder cannot be written."""
    if last is not None and tuple(last.signature) == tuple(dataset.signature[1:]):
        return last
    try:
        return lastgood.remember(path, dataset) or _in_memory(dataset)
    except OSError as error:
        if path not in _warned:
            _warned.add(path)
            print(
                f"timeline: cannot record the last good version of {path} "
                f"({error.strerror or error}): each worker keeps its own",
                file=sys.stderr,
            )
        return _in_memory(dataset)


def _in_memory(dataset) -> lastgood.Published:
    return lastgood.Published(
        tuple(dataset.signature[1:]),
        len(dataset.events),
        len(dataset.accounts),
        dataset.signature[1] / 1e9 if dataset.signature[1] else time.time(),
    )


_warned: set[str] = set()


KEPT_BACK = "-kept-back"  # after the version of a file kept back (the last good one's events served)


def _version(stamp: tuple) -> str:
    return "-".join(str(part) for part in stamp[1:])


def _versions(stamp: tuple) -> tuple[str, str]:
    """The versions a page may hold of the file as it is (`stamp`): published, or kept back."""
    newest = _version(stamp)
    return newest, newest + KEPT_BACK
