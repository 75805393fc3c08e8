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
import pyarrow as pa
import pyarrow.compute as pc
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
    kind: str = ""  # "unreadable" (a save in progress, or no CSV at all), "lost", "letters" or "dates"
    lost: tuple[str, str] = ("", "")  # "letters", "dates": a value of the new version, and as the published one has it


# --- A save in progress ---------------------------------------------------------------------

SETTLE_SECONDS = "TIMELINE_SETTLE"  # environment: SETTLE, for a file system whose saves pause longer (or tests)


def _settle() -> float:
    try:
        seconds = float(os.environ.get(SETTLE_SECONDS, "3"))
    except ValueError:
        return 3.0
    return seconds if 0 < seconds <= 60 else 3.0


SETTLE = _settle()  # seconds a file written anew stands unchanged before it is read (timeline/app/data.py's _young)
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

LETTERS_LOOKED_FOR = (
    200  # accounts with question marks where letters were, compared with the last good version's at most
)


def letters_lost(
    path: str | os.PathLike, last: Published | None, dataset: Dataset, before: Dataset | None = None
) -> Verdict | None:
    """The verdict on a version whose question marks stand where the last good version has
    letters (None when it has none): a spreadsheet saving a Russian chronology in Windows-1252
    (Excel's plain CSV on a Western Windows) writes ? for every Cyrillic letter, and its file,
    now ASCII, reads without an error. `load` warns of each such value (diagnosis.lost_letters);
    each is compared with the same account's value in the last good version (`before`, or read
    from its copy): the account of the same row, else the same event's account of the same
    place among its accounts (rows inserted above it). Where that value has a letter outside
    ASCII at each ? and is otherwise the same, the save lost its letters, and the version is kept
    back. A version read on from the one before (rows appended: its old bytes unchanged) is not
    looked at, nor the last good version itself (accepted)."""
    if last is None or not _a_new_save(last, dataset):
        return None
    told = (p for p in dataset.problems if p.code == ProblemCode.LOST_LETTERS and p.row > 1)
    lost = list(itertools.islice(told, LETTERS_LOOKED_FOR))
    if not lost:
        return None
    if before is None:
        try:
            before = load_copy(path, last)
        except OSError:
            return None
    found = _lost_since(dataset.accounts, before.accounts, lost)
    if found is None:
        return None
    return Verdict(
        False, f"it has question marks where the published version has letters ({found[1]!r})", "letters", found
    )


def _a_new_save(last: Published, dataset: Dataset) -> bool:
    """Whether `dataset` is a save to compare with the last good version: neither that version
    itself (accepted) nor read on from the one before (rows appended)."""
    return dataset.growth is None and tuple(dataset.signature[1:]) != tuple(last.signature)


def _lost_since(new: pd.DataFrame, old: pd.DataFrame, lost: list[Problem]) -> tuple[str, str] | None:
    """The first of the `lost` problems' values (new's) whose account in `old` has letters at its
    question marks: (the value, the old one), or None. The account of the same row first; then,
    for rows moved (rows inserted or deleted above them), the same event's account of the same
    place among its accounts."""
    if not len(old) or "row" not in old:
        return None
    lost = [p for p in lost if p.column in new and p.column in old]
    rows = [p.row for p in lost]
    new_at = pd.Index(new["row"]).get_indexer(rows).tolist()
    for problem, here, there in zip(lost, new_at, pd.Index(old["row"]).get_indexer(rows).tolist()):
        found = _had_letters(new, old, problem.column, here, there)
        if found is not None:
            return found
    places, positions = _account_places(new), {place: at for at, place in enumerate(_account_places(old))}
    for problem, here in zip(lost, new_at):
        found = _had_letters(new, old, problem.column, here, positions.get(places[here], -1) if here >= 0 else -1)
        if found is not None:
            return found
    return None


def _had_letters(new: pd.DataFrame, old: pd.DataFrame, column: str, here: int, there: int) -> tuple[str, str] | None:
    """(new's value, old's) where old's account at `there` has letters outside ASCII at the
    question marks of new's at `here`, and is otherwise the same."""
    if here < 0 or there < 0:
        return None
    value, was = str(new[column].iat[here]), str(old[column].iat[there])
    return (value, was) if was != value and re.fullmatch(_with_letters(value), was) else None


def _account_places(accounts: pd.DataFrame) -> list[tuple[str, int]]:
    """Each account's event id and its place among the event's accounts, in file order."""
    ids = accounts["id"].astype(str)
    return list(zip(ids.tolist(), ids.groupby(ids, sort=False).cumcount().tolist()))


def _with_letters(value: str) -> str:
    """A regular expression for `value` as it was before a save wrote ? for each of its letters
    outside ASCII: each ? one such letter."""
    return "".join("[^\\x00-\\x7f]" if c == "?" else re.escape(c) for c in value)


# --- Dates a save rewrote -----------------------------------------------------------------------

# Each date column: its text, the moment read, its precision, its UTC offset (the date's only).
_DATE_PARTS = (
    ("date", "start", "precision", "offset"),
    ("end_date", "end", "end_precision", None),
    ("published", "published_at", "published_precision", None),
    ("retracted", "retracted_on", "retracted_precision", None),
)
COMPARED_FROM_COPY = 50_000  # accounts at most of a version compared with the last good copy read from disk


def dates_rewritten(
    path: str | os.PathLike, last: Published | None, dataset: Dataset, before: Dataset | None = None
) -> Verdict | None:
    """The verdict on a version whose dates are those of the last good version (`before`, or
    read from its copy: for a file of COMPARED_FROM_COPY accounts at most) rewritten as a
    spreadsheet rewrites dates when it saves a file (None when they are not): in a column, the
    months whose text changed are now their first day (`January 2022`, `2022-01-01`: LibreOffice
    with Canadian, Swedish or Hungarian settings), or every year its 1 January, or every date
    and time its day (a date format with no time), or every time with a UTC offset the same
    time without it (a column set to Date in the import dialog). Each reads without a word, and
    the site would show another date; the version is kept back. Accounts are compared as
    _rewritten says; a version read on from the one before (rows appended) is not looked at, nor
    the last good version itself (accepted)."""
    if last is None or not _a_new_save(last, dataset):
        return None
    if before is None:
        if len(dataset.accounts) > COMPARED_FROM_COPY:
            return None
        try:
            before = load_copy(path, last)
        except OSError:
            return None
    found = _rewritten(before.accounts, dataset.accounts)
    if found is None:
        return None
    column, row, new, old, count = found
    many = count != 1
    why = (
        f"{count:,} date{'s' if many else ''} in {column} {'are' if many else 'is'} another date than the published "
        f"version has{', such as' if many else ':'} row {row}'s"
    )
    return Verdict(False, why, "dates", (new, old))


REWRITTEN_SHARE = 0.5  # of a kind's dates whose text changed, more than this share rewritten one way (and two)


def _rewritten(old: pd.DataFrame, new: pd.DataFrame) -> tuple[str, int, str, str, int] | None:
    """(the column, a row, its new text, its old, how many) of the first column whose dates in
    `new` are `old`'s rewritten one way (dates_rewritten), or None.

    Accounts are compared in file order, as far as both files hold the same events' accounts
    in the same order (a save rewrites, it does not move rows: rows appended after them, or
    inserted, deleted or sorted from some row on, end the comparison there). A change is looked
    at only where it loses what was written: the event's accounts no longer hold the old text,
    and did not hold the new one (accounts of one event swapped, or one added above another, are
    no rewrite). A kind of rewrite counts where at least two dates, and more than REWRITTEN_SHARE
    of those of its kind whose text changed, were so rewritten: one date made its month's first
    day is an editor's correction as often; twelve, with one month corrected beside them, a save. Only
    the values whose text changed are read (a million rows compared as Arrow arrays: a few
    hundredths of a second)."""
    if not len(old) or not len(new) or "id" not in old or "id" not in new:
        return None
    count = min(len(old), len(new))
    ids = [_texts(frame["id"]).slice(0, count) for frame in (old, new)]
    differ = np.flatnonzero(pc.fill_null(pc.not_equal(*ids), True).to_numpy(zero_copy_only=False))
    count = int(differ[0]) if len(differ) else count  # (the accounts in the same order)
    if not count:
        return None
    for column, value, precision, offset in _DATE_PARTS:
        if column not in old or column not in new:
            continue
        was_all, now_all = (_texts(frame[column]).slice(0, count) for frame in (old, new))
        changed = np.flatnonzero(pc.fill_null(pc.not_equal(was_all, now_all), True).to_numpy(zero_copy_only=False))
        if not len(changed):
            continue
        changed = changed[_lost(old, new, column, changed)]
        if not len(changed):
            continue
        old_value, new_value = old[value].to_numpy()[changed], new[value].to_numpy()[changed]
        old_precision, new_precision = old[precision].to_numpy()[changed], new[precision].to_numpy()[changed]
        day, same_moment = new_precision == "day", old_value == new_value
        ways = [
            (old_precision == "month", day & same_moment),
            (old_precision == "year", day & same_moment),
            (
                np.isin(old_precision, ("minute", "second")),
                day & (old_value.astype("datetime64[D]") == new_value.astype("datetime64[D]")),
            ),
        ]
        if offset is not None:
            old_offset, new_offset = old[offset].to_numpy()[changed], new[offset].to_numpy()[changed]
            ways.append(
                (
                    (old_offset != "") & (old_precision != "day"),
                    (new_offset == "") & same_moment & (old_precision == new_precision),
                )
            )
        for asked, rewritten in ways:
            done = rewritten & asked
            if done.sum() >= 2 and done.sum() > REWRITTEN_SHARE * asked.sum():
                first = int(changed[np.flatnonzero(done)[0]])
                return (
                    column,
                    int(new["row"].iat[first]),
                    str(new[column].iat[first]),
                    str(old[column].iat[first]),
                    int(done.sum()),
                )
    return None


def _lost(old: pd.DataFrame, new: pd.DataFrame, column: str, at: np.ndarray) -> np.ndarray:
    """Of the accounts at `at` (positions in both), those whose event's accounts in `new` no
    longer hold the old text of `column`, and in `old` did not hold the new one (a mask)."""
    ids = new["id"].to_numpy()[at]
    was, now = old[column].to_numpy()[at], new[column].to_numpy()[at]
    events = set(ids)
    before, after = old[old["id"].isin(events)], new[new["id"].isin(events)]
    held_before = set(zip(before["id"].tolist(), before[column].tolist()))
    held_after = set(zip(after["id"].tolist(), after[column].tolist()))
    return np.array(
        [
            (i, w) not in held_after and (i, n) not in held_before
            for i, w, n in zip(ids.tolist(), was.tolist(), now.tolist())
        ],
        dtype=bool,
    )


def _texts(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A text column's values as Arrow holds them."""
    return column.array.__arrow_array__() if hasattr(column.array, "__arrow_array__") else pa.array(column.array)


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
    if verdict.kind == "dates":
        new, old = verdict.lost
        return (
            f"{name}, saved at {when}, is not published: {verdict.why}, {new!r} for {old!r}, as a "
            f"spreadsheet rewrites dates when it saves a file (a month as its first day, a year as "
            f"its 1 January, a date and time as its day, or a time without its UTC offset), and the "
            f"site would show those dates. Readers still see the published version (saved at "
            f"{_clock(last.saved_at)}), whose copy ({copy_path(dataset.path or name)}) has the dates as "
            f"written: take them from it, or make the change again in the file as it was before, "
            f"keeping the date columns as text in the spreadsheet (in LibreOffice, set them to Text in "
            f"the import dialog; in Excel, Data > From Text/CSV with the columns set to Text); or, if "
            f"the new dates are meant, publish it with `python -m timeline accept "
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
