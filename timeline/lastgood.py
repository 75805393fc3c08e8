"""The last good version of the events file: what the site keeps publishing when a save breaks it.

A new version of the file is published unless it looks like a broken save: it cannot be read
(a save in progress, a workbook, UTF-16, a wrong header...), or it loses most of the events the
published version has (a spreadsheet that rewrote every date, so that most rows are refused).
Then the last good version stays published until the file is fixed, or until an editor accepts
the new version from the command line (`python -m timeline accept`).

"Last good" lives on disk, so that every gunicorn worker, and a worker started later, agrees on
it: a small record (the version's signature, its events and accounts) and a copy of its bytes, in
a state folder (`.timeline/` beside the file, or $TIMELINE_STATE_DIR). The editor's file is only
read, never written. The decision itself, `decide`, is a pure function.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from filelock import FileLock

from .load import Dataset, edge_spans, load, load_bytes, signature
from .problems import CUT_SHORT, ERROR, Problem, ProblemCode

STATE_DIR = "TIMELINE_STATE_DIR"  # environment: where the record lives (default: beside the file)
BESIDE = ".timeline"  # the state folder beside the file otherwise


@dataclass(frozen=True)
class Published:
    """What is known of the last good version: enough to compare a new one with it."""

    signature: tuple  # (mtime_ns, size, inode) of the file when it was that version
    events: int
    accounts: int
    saved_at: float = 0.0  # the file's modification time, seconds since the epoch
    accepted: bool = False  # published by `python -m timeline accept`


@dataclass(frozen=True)
class Verdict:
    publish: bool
    why: str = ""  # why the new version is kept back ("" when published)
    kind: str = ""  # "unreadable" (a save in progress, or no CSV at all), "lost" or "letters"
    lost: tuple[str, str] = ("", "")  # "letters": a value of the new version, and as the published one has it


# --- A save in progress ---------------------------------------------------------------------

SETTLE = 3.0  # seconds a file written anew stands unchanged before it is read (timeline/app/data.py's _young)
AHEAD = 5.0  # seconds a file's time of change may be ahead of this clock (a file server's) and still be waited on


def unsettled(changed_at: float) -> float:
    """The seconds before a file changed at `changed_at` (seconds since the epoch) has stood
    SETTLE seconds unchanged (0: it has, or its time of change is more than AHEAD seconds ahead
    of this clock, and cannot be waited on). A program that empties a file and writes it again in
    parts may pause between two of them, at a row's end or inside the last value."""
    left = changed_at + SETTLE - time.time()
    return left if 0 < left <= SETTLE + AHEAD else 0.0


# --- The decision -----------------------------------------------------------------------------


def file_problem(dataset: Dataset) -> Problem | None:
    """The first error about the file as a whole (row 0) or its header (row 1)."""
    return next((p for p in dataset.problems if p.level == ERROR and p.is_file_level), None)


def unreadable(dataset: Dataset) -> bool:
    """The file as a whole cannot be read (empty, cut short in the header, not CSV...)."""
    return not len(dataset.accounts) and file_problem(dataset) is not None


def half_saved(dataset: Dataset, had_rows: bool, ends_a_line: bool = True) -> str:
    """Why the file looks like a save still in progress ("" when it does not): it cannot be
    read at all, it lost every row, or its last row is cut off with no line end."""
    if unreadable(dataset):
        return dataset.problems[0].message
    if had_rows and not len(dataset.accounts):
        return "it has no rows"
    last_kept = int(dataset.accounts["row"].max()) if len(dataset.accounts) else 1
    cut = [p for p in dataset.problems if p.row > last_kept and p.level == ERROR and p.code in CUT_SHORT]
    return "its last row is cut off" if cut and not ends_a_line else ""


def decide(last: Published | None, dataset: Dataset, ends_a_line: bool = True) -> Verdict:
    """Publish the new version, or keep the last good one and say why.

    `last` is the last good version (None when none is known: the new one is then published,
    whatever it holds, with its problems listed); `ends_a_line` says whether the file's last
    byte ends a line (a row cut off by a save in progress does not)."""
    if last is None:
        return Verdict(True)
    if tuple(dataset.signature[1:]) == tuple(last.signature):
        return Verdict(True)  # the last good version itself (e.g. just accepted)
    why = half_saved(dataset, last.events > 0, ends_a_line)
    if why:
        return Verdict(False, why, "unreadable")
    # (Before the file's own problems: a spreadsheet's save that loses most events also gets a
    # diagnosis on row 0, which is what the notice then names first.)
    if len(dataset.events) * 2 < last.events:
        return Verdict(
            False,
            f"it would show {len(dataset.events):,} events, where the published version has {last.events:,}",
            "lost",
        )
    problem = file_problem(dataset)
    if problem is not None:
        return Verdict(False, problem.message, "unreadable")
    return Verdict(True)


# --- Letters a save lost ----------------------------------------------------------------------

LETTERS_LOOKED_FOR = 20  # values with question marks where letters were, looked for in the copy at most


def letters_lost(path: str | os.PathLike, last: Published | None, dataset: Dataset) -> Verdict | None:
    """The verdict on a version whose question marks stand where the last good version has
    letters (None when it has none): a spreadsheet saving a Russian chronology in Windows-1252
    (Excel's plain CSV on a Western Windows) writes ? for every Cyrillic letter, and its file,
    now ASCII, reads without an error. `load` warns of each such value (diagnosis.lost_letters);
    here they are looked for in the copy of the last good version, each ? as a letter outside
    ASCII, a whole value between commas: found, the letters were there and the save lost them,
    and the version is kept back. A version read on from the one before (rows appended: its old
    bytes unchanged) is not looked at, nor the last good version itself (accepted)."""
    if last is None or dataset.growth is not None or tuple(dataset.signature[1:]) == tuple(last.signature):
        return None
    told = (p for p in dataset.problems if p.code == ProblemCode.LOST_LETTERS and p.row > 1)
    lost = list(itertools.islice(told, 10 * LETTERS_LOOKED_FOR))  # (a whole save's repeat a few values)
    if not lost:
        return None
    accounts = dataset.accounts
    at = pd.Index(accounts["row"]).get_indexer([p.row for p in lost])
    wanted: dict[str, str] = {}  # value -> the pattern that finds it with its letters
    for problem, position in zip(lost, at.tolist()):
        if position < 0 or problem.column not in accounts or len(wanted) >= LETTERS_LOOKED_FOR:
            continue
        value = str(accounts[problem.column].iloc[position])
        if value and "\n" not in value and "\r" not in value and value not in wanted:
            wanted[value] = _with_letters(value)
    if not wanted:
        return None
    found = _in_copy(path, last, wanted)
    if found is None:
        return None
    return Verdict(
        False, f"it has question marks where the published version has letters ({found[1]!r})", "letters", found
    )


def _with_letters(value: str) -> str:
    """A regular expression (RE2's, and Python's) for `value` as it was before a save wrote ? for
    each of its letters outside ASCII: each ? one such letter, a quote perhaps doubled (CSV)."""
    special = set("\\.^$|?*+()[]{}")
    parts = []
    for c in value:
        if c == "?":
            parts.append("[^\\x00-\\x7f]")
        elif c == '"':
            parts.append('""?')
        else:
            parts.append("\\" + c if c in special else c)
    return "".join(parts)


# The copy's bytes as a save that writes ? for each letter outside ASCII would write them: a
# character's first byte (0xC0-0xFF) becomes ?, the bytes that go on with it (0x80-0xBF) go, and
# a ? the copy has becomes 0x01 (a ? is meant there: it is no letter lost). A value's bytes the
# same, but for its ? (what looked for in the copy: a byte search, where RE2 over the text with
# the values' patterns took 28 s at a million rows).
_AS_SAVED = bytes.maketrans(bytes(range(0xC0, 0x100)) + b"?", b"?" * 0x40 + b"\x01")
_VALUE_AS_SAVED = bytes.maketrans(bytes(range(0xC0, 0x100)), b"?" * 0x40)
_FOLLOWING = bytes(range(0x80, 0xC0))
_EDGE, _END = '(?:^|[,\n])"?[ \t]*', '[ \t]*"?(?:[,\r\n]|$)'  # (a whole value: between commas, line ends)


def _in_copy(path, last: Published, wanted: dict[str, str]) -> tuple[str, str] | None:
    """The first of `wanted`'s values found in the copy of the last good version, a whole value
    (between commas, quotes, line ends, and spaces around it), and its text there; None if none is."""
    try:
        with open(copy_path(path), "rb") as file:
            size = int(last.signature[1]) if len(last.signature) == 3 and last.signature[1] is not None else -1
            data = file.read(size)
    except (OSError, ValueError):
        return None
    saved = data.translate(_AS_SAVED, _FOLLOWING)
    ends = None  # the copy's line ends, once a value is found (the same lines in both)
    for value, pattern in wanted.items():
        needle = value.encode().translate(_VALUE_AS_SAVED, _FOLLOWING).replace(b'"', b'""')
        at = saved.find(needle)
        tries = 0
        while at >= 0 and tries < 100:  # (each place the bytes are, until one is a whole value)
            if ends is None:
                ends = np.flatnonzero(np.frombuffer(data, np.uint8) == 0x0A)
            line = int(np.count_nonzero(np.frombuffer(saved, np.uint8, count=at) == 0x0A)) if at else 0
            start = int(ends[line - 1]) + 1 if line else 0
            stop = int(ends[line]) + 1 if line < len(ends) else len(data)
            found = re.search(f"{_EDGE}(?P<old>{pattern}){_END}", data[start:stop].decode("utf-8", errors="replace"))
            if found:
                return value, found["old"]
            at, tries = saved.find(needle, at + 1), tries + 1
    return None


def worth_keeping(dataset: Dataset) -> bool:
    """A published version becomes the last good one unless the file as a whole is broken
    (published only because no good version was known)."""
    return file_problem(dataset) is None


def notice(name: str, dataset: Dataset, verdict: Verdict, last: Published) -> str:
    """What an editor reads at the top of the page while a version is kept back."""
    when = _clock(dataset.signature[1] / 1e9 if len(dataset.signature) > 1 and dataset.signature[1] else 0)
    rows_out = dataset.rows_left_out
    first = next((p for p in dataset.problems if p.level == ERROR), None)
    first_text = (
        (
            f" The first problem: {'row ' + str(first.row) if first.row else 'the file'}"
            f"{', ' + first.column if first.column else ''}: {first.message.rstrip('.')}."
        )
        if first
        else ""
    )
    if verdict.kind == "letters":
        new, old = verdict.lost
        return (
            f"{name}, saved at {when}, is not published: it has question marks where the published "
            f"version (saved at {_clock(last.saved_at)}) has letters, such as {new!r} for {old!r}: the "
            f"file was saved in a character set without those letters (Excel's plain 'CSV (Comma "
            f"delimited)' on a Western Windows, or Text CSV set to Western Europe), which writes ? for "
            f"each, and saving again does not bring them back. Readers still see the published version, "
            f"whose copy ({copy_path(dataset.path or name)}) has the letters: take the text from it, or make "
            f"the change again in the file as it was before, and save it as CSV UTF-8; or, if the question "
            f"marks are meant, publish it with `python -m timeline accept "
            f"{'--with-errors ' if dataset.rows_left_out else ''}{name}`."
        )
    if verdict.kind == "lost":
        return (
            f"{name}, saved at {when}, is not published: it would show {len(dataset.events):,} "
            f"events, where the published version (saved at {_clock(last.saved_at)}) has "
            f"{last.events:,}; {rows_out:,} row{'s are' if rows_out != 1 else ' is'} left out."
            f"{first_text} Readers still see the published version. Fix the file and save it "
            f"again; or, if the events were removed on purpose, publish it with "
            f"`python -m timeline accept {'--with-errors ' if rows_out else ''}{name}`"
            f"{' (without the rows left out)' if rows_out else ''}."
        )
    return (
        f"{name}, saved at {when}, cannot be read right now ({verdict.why}: a save in "
        f"progress, or a mistake); showing the version saved at {_clock(last.saved_at)}, with "
        f"{last.events:,} events (the new one would show {len(dataset.events):,}). Readers still "
        f"see that version. If this lasts, fix the file and save it again."
    )


def _clock(seconds: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(seconds)) if seconds else "an unknown time"


def ends_a_line(path: str | os.PathLike) -> bool:
    try:
        with open(path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            return f.read(1) in (b"\n", b"\r")
    except OSError:
        return True


# --- Where it lives ----------------------------------------------------------------------------


def state_paths(path: str | os.PathLike) -> tuple[Path, Path]:
    """The record (JSON) and the copy of the last good version of the file at `path`."""
    path = Path(path).absolute()
    configured = os.environ.get(STATE_DIR)
    if configured:  # one folder for several files: named for the file's whole path
        stem = f"{path.name}-{hashlib.sha256(str(path).encode()).hexdigest()[:10]}"
        folder = Path(configured)
    else:
        stem, folder = path.name, path.parent / BESIDE
    return folder / f"{stem}.last-good.json", folder / f"{stem}.last-good"


def read(path: str | os.PathLike) -> Published | None:
    """The last good version's record, or None when there is none (or it cannot be read)."""
    record, copy = state_paths(path)
    try:
        fields = json.loads(record.read_text(encoding="utf-8"))
        if not copy.exists():
            return None
        return Published(
            tuple(fields["signature"]),
            int(fields["events"]),
            int(fields["accounts"]),
            float(fields.get("saved_at", 0)),
            bool(fields.get("accepted", False)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def record_stamp(path: str | os.PathLike) -> tuple:
    """Changes when the record is rewritten (by another worker or by `accept`)."""
    return signature(state_paths(path)[0])


@contextlib.contextmanager
def locked(target: Path):
    """Hold the lock beside `target`, a file of the state folder (`NAME.lock`), so that processes
    take turns at it; none where the folder cannot be written (each then does the work itself)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target) + ".lock")
        lock.acquire()
    except OSError:
        lock = None
    try:
        yield
    finally:
        if lock is not None:
            lock.release()


def copy_path(path: str | os.PathLike) -> Path:
    return state_paths(path)[1]


def remember(path: str | os.PathLike, dataset: Dataset, accepted: bool = False) -> Published | None:
    """Record the version just read as the last good one, with a copy of its bytes. Nothing is
    recorded (None) when the file changed since it was read; OSError when the folder cannot be
    written. The editor's file is only read.

    When the file only grew since the version recorded (a row appended), only the new bytes are
    appended to the copy, once its own bytes are checked to be that version's (its size, and its
    first and last WINDOW bytes against the file's); otherwise the whole file is copied. Workers
    take turns (a lock beside the copy), and a reader of the copy reads only as many bytes as the
    record says (`load_copy`), so a copy being appended to is never read half-written."""
    record, copy = state_paths(path)
    published = Published(
        tuple(dataset.signature[1:]),
        len(dataset.events),
        len(dataset.accounts),
        dataset.signature[1] / 1e9 if dataset.signature[1] else time.time(),
        accepted,
    )
    record.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(copy) + ".lock"):
        last = read(path)
        if last is not None and tuple(last.signature) == published.signature and last.accepted == accepted:
            return last  # (another worker recorded it meanwhile)
        if last is not None and not accepted and _append_to_copy(path, copy, last, dataset):
            _write_record(record, published)
            return published
        return _copy_whole(path, record, copy, dataset, published)


def _copy_whole(path, record: Path, copy: Path, dataset: Dataset, published: Published) -> Published | None:
    copied = _temporary(record.parent, copy.name)
    try:
        shutil.copyfile(path, copied)
        if signature(path) != dataset.signature:  # saved again meanwhile: not the bytes read
            return None
        os.replace(copied, copy)  # the copy first: a record never names bytes not yet there
        _write_record(record, published)
    finally:
        if os.path.exists(copied):
            os.unlink(copied)
    return published


def _write_record(record: Path, published: Published) -> None:
    replace_text(record, json.dumps(asdict(published)))


def replace_text(target: Path, text: str) -> None:
    """Write `text` to `target`, a file of the state folder, whole or not at all (a temporary
    file renamed into place); OSError when the folder cannot be written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = _temporary(target.parent, target.name)
    try:
        Path(written).write_text(text, encoding="utf-8")
        os.replace(written, target)
    finally:
        if os.path.exists(written):
            os.unlink(written)


def _append_to_copy(path, copy: Path, last: Published, dataset: Dataset) -> bool:
    """Append the bytes the file gained since `last` to its copy; False (nothing written) unless
    the file only grew since it (the same inode, longer; `dataset` read on from it, its bytes
    checked) and the copy is `last`'s bytes and the file begins with them (by size, and the
    first and last WINDOW bytes of both)."""
    stamp = tuple(dataset.signature[1:])
    if len(stamp) != 3 or len(last.signature) != 3 or None in stamp:
        return False
    # (Read on from that very version, every byte before checked: timeline.appends. An edit in
    # place in the middle of the file, of the same length, would not show in the windows below.)
    growth = dataset.growth
    if growth is None or not growth.checked or tuple(growth.after[1:]) != tuple(last.signature):
        return False
    old, new = int(last.signature[1]), int(stamp[1])
    if stamp[2] != last.signature[2] or not 0 < old < new:
        return False
    try:
        with open(path, "rb") as source, open(copy, "r+b") as target:
            if os.fstat(source.fileno()).st_ino != stamp[2] or os.fstat(target.fileno()).st_size != old:
                return False
            for start, size in edge_spans(old):
                source.seek(start)
                target.seek(start)
                if source.read(size) != target.read(size):
                    return False
            source.seek(old)
            more = source.read(new - old)
            if len(more) != new - old or signature(path) != dataset.signature:
                return False  # (saved again meanwhile: not the bytes read)
            target.seek(old)
            target.write(more)
            target.flush()
    except OSError:
        return False
    return True


def load_copy(path: str | os.PathLike, last: Published) -> Dataset:
    """The last good version's dataset, from its copy: as many bytes as the record names (a
    copy may be appended to, by `remember`, before its record is)."""
    copy = copy_path(path)
    size = int(last.signature[1]) if len(last.signature) == 3 and last.signature[1] is not None else None
    if size is None or not os.path.exists(copy) or os.path.getsize(copy) == size:
        return load(copy)
    with open(copy, "rb") as file:
        data = file.read(size)
    dataset = load_bytes(data)
    dataset.path, dataset.signature = str(copy), signature(copy)
    return dataset


def _temporary(folder: Path, name: str) -> str:
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    os.close(handle)
    return temporary
