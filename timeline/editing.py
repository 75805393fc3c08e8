"""Adding accounts to events.csv: checked like `check`, appended without rewriting a byte.

A new row is judged in the context of the file: the candidate bytes (the file
as it is, plus the new rows) go through the same loader as `check`, and only
the problems that land on the new rows count. A row with an error is refused
with `check`'s own message, and so is one `add` is given with a value `check` would leave out
(a warning there: ProblemCode.DROPPED). `add` does not read the whole file for that when it need not: it
reads on from the checked data kept of the file in the state folder, as the dashboard reads
an append (timeline.context; the same messages), and checks the file whole only where that
cannot be vouched for.

Writing is an append under an exclusive lock (filelock's, on `.timeline/NAME.lock` beside the
file: fcntl on POSIX, msvcrt on Windows, so the CLI runs on any laptop): two
editors adding at the same moment each read the file, decide and append in
turn, so nothing is lost or interleaved. The bytes already in the file are
never rewritten: its encoding, byte order mark and line endings stay as they
are, and new rows use the same line ending. A file that is not UTF-8 (a spreadsheet's
plain "CSV", in Windows-1252) is refused rather than appended to: the loader reads only
UTF-8, so a row written in the file's own encoding would be refused by `check`, and one
written in UTF-8 would make a file of two encodings. A new file starts with a UTF-8 byte
order mark, so that Windows Excel opens it as UTF-8.
"""

from __future__ import annotations

import csv
import io
import os
import shlex
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from filelock import FileLock

from . import context, lastgood, model, schema
from .appends import Checked, check_with
from .csvfile import BOM, code_page, quote
from .load import Dataset, load_bytes, repeated_span
from .problems import CUT_SHORT, ERROR, Message, Problem, ProblemCode, and_list, say, say_n, show

Row = dict  # column name -> value: one account as the editor wrote it


@dataclass(frozen=True)
class Shape:
    """What appended bytes must match in a file that holds `data`."""

    columns: tuple[str, ...]  # the file's header, as the loader names it; empty: write ours
    newline: str  # "\n", "\r\n" or "\r": as the file's first line ends
    needs_newline: bool  # the last line has no line break yet
    records: int  # rows in the file, header included (spreadsheet rows)
    bom: bool = False  # the file starts with a UTF-8 byte order mark


def shape_of(data: bytes) -> Shape:
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    if not body:
        return Shape((), "\n", False, 0, bom)
    end = min((i for i in (body.find(b"\n"), body.find(b"\r")) if i >= 0), default=-1)
    newline = "\n" if end < 0 else "\r\n" if body[end : end + 2] == b"\r\n" else chr(body[end])
    first = body if end < 0 else body[:end]
    names = next(csv.reader([first.decode("utf-8", errors="replace").rstrip("\r")]), [])
    return Shape(
        tuple(schema.column_named(name) for name in names),
        newline,
        not body.endswith((b"\n", b"\r")),
        count_records(body),
        bom,
    )


def count_records(data: bytes) -> int:
    """How many CSV records (spreadsheet rows, blank lines included) the bytes hold."""
    text = data.decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    count = 0
    try:
        for _ in reader:
            count += 1
    except csv.Error:
        # A value longer than the csv module allows, or a stray NUL: the rows are
        # counted up to it, and `review` finds the new rows missing and refuses.
        count += 1
    return count


def encode(shape: Shape, rows: Sequence[Row]) -> bytes:
    """The bytes to append to a file of this shape: one line per row, in its columns.

    To an empty file, the header first, after a byte order mark unless the file has one."""
    columns = shape.columns or schema.NAMES
    lines = []
    if not shape.columns:
        lines.append(",".join(schema.NAMES))
    seen: set[str] = set()
    places = []  # the column each position takes its value from ("" for none)
    for name in columns:
        places.append("" if name in seen else name)
        seen.add(name)
    for row in rows:
        lines.append(",".join(quote(str(row.get(name, ""))) if name else "" for name in places))
    text = (shape.newline if shape.needs_newline else "") + "".join(line + shape.newline for line in lines)
    start = BOM if not shape.records and not shape.bom else b""
    return start + text.encode("utf-8")


@dataclass
class Review:
    """What the loader says about candidate rows appended to a file."""

    numbers: list[int]  # the spreadsheet row each candidate would become
    findings: list[list[Problem]]  # each candidate's problems (an error refuses it)
    blocking: list[Problem] = field(default_factory=list)  # why no row can be added at all
    # The file with every candidate appended: loaded, or checked by reading on (appends.Checked:
    # its problems and counts; its frames built when asked for, as its `dataset`).
    dataset: Dataset | Checked | None = None

    # `add` writes no value that would be left out (a published date or a link that cannot be
    # read: ProblemCode.DROPPED): the editor, at the keyboard, fixes it or leaves it out.
    refuse_dropped: bool = False

    def refused(self, index: int) -> bool:
        return bool(self.blocking) or any(
            p.level == ERROR or (self.refuse_dropped and p.code == ProblemCode.DROPPED) for p in self.findings[index]
        )


def review(data: bytes, rows: Sequence[Row], shape: Shape | None = None, name: str = "events.csv") -> Review:
    """Check candidate rows as `check` would, in the context of the file's bytes (`name`:
    the file's name, for the messages)."""
    shape = shape or shape_of(data)
    numbers = _numbers(shape, rows)
    other_encoding = not_utf8(data, name)
    if other_encoding:
        return Review(numbers, [[] for _ in rows], [other_encoding])
    dataset = load_bytes(data + encode(shape, rows))
    return _judged(dataset, dataset.accounts, rows, numbers, shape)


def _numbers(shape: Shape, rows: Sequence[Row]) -> list[int]:
    """The spreadsheet row each candidate would become."""
    first = max(shape.records, 1) + 1
    return list(range(first, first + len(rows)))


def _judged(
    dataset: Dataset | Checked,
    accounts,
    rows: Sequence[Row],
    numbers: list[int],
    shape: Shape,
) -> Review:
    """The review of candidate rows from `dataset`, the check of the file with them appended
    (`accounts`: its accounts, or those of the candidates' rows at least)."""
    by_row: dict[int, list[Problem]] = {}
    wanted = set(numbers)
    for problem in dataset.problems:
        if problem.row in wanted:
            by_row.setdefault(problem.row, []).append(problem)
        elif problem.code == ProblemCode.REPEATED_ROW and numbers and problem.row < numbers[-1]:
            # (a block of repeated rows that the candidates end: told on the first of them)
            covered = [number for number in numbers if problem.row < number <= repeated_span(problem)[0]]
            if covered:
                by_row.setdefault(covered[0], []).append(problem)
    findings = [by_row.get(number, []) for number in numbers]
    at = np.flatnonzero(accounts["row"].isin(numbers).to_numpy())
    accepted = dict(zip(accounts["row"].iloc[at].tolist(), accounts["id"].iloc[at].tolist()))
    lost = [
        i
        for i, (row, number) in enumerate(zip(rows, numbers))
        if not any(p.level == ERROR for p in findings[i]) and accepted.get(number) != str(row.get("id", "")).strip()
    ]
    blocking = []
    if lost:
        blocking = [p for p in dataset.errors if p.row <= 1] or [
            Problem(
                numbers[lost[0]],
                "",
                ERROR,
                say(
                    "the new row would not be read as a row of its own: the file's last row has a "
                    "double quote that is never closed (or another break in its shape). Run "
                    "`python -m timeline check` on the file and fix it first"
                ),
            )
        ]
        findings = [[] for _ in rows]
    else:
        findings = [_unwritable(shape, row, number) + found for row, number, found in zip(rows, numbers, findings)]
        blocking = _cut_off(dataset, shape)
    return Review(numbers, findings, blocking, dataset)


def _cut_off(dataset: Dataset | Checked, shape: Shape) -> list[Problem]:
    """Why nothing may be appended to a file whose last row is cut off, with no line break after
    it: a save still in progress leaves it so (as `accept` refuses to publish it). Appended after
    it, a row was written over by the rest of the save (its first bytes gone: an event with the
    id `st` where `new-protest` was written), or ended the cut row for good."""
    if not shape.needs_newline or shape.records < 2:
        return []
    cut = next(
        (p for p in dataset.problems if p.row == shape.records and p.level == ERROR and p.code in CUT_SHORT), None
    )
    if cut is None:
        return []
    return [
        Problem(
            shape.records,
            "",
            ERROR,
            say(
                "the file's last row is cut off, with no line break after it, as a save still in progress "
                "leaves it: wait for the save to end (or mend that row) and add again"
            ),
        )
    ]


def not_utf8(data: bytes, name: str = "events.csv") -> Problem | None:
    """Why nothing may be appended to a file in another encoding than UTF-8, or None.

    UTF-16 is left to the loader, which says so in its own words."""
    body = data[len(BOM) :] if data.startswith(BOM) else data
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in body.split(b"\n", 1)[0]:
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as wrong:
        row = count_records(body[: wrong.start + 1])
    else:
        return None
    if data.startswith(BOM) or _mostly_utf8(body):
        # Rows of another encoding in a UTF-8 file (pasted from elsewhere): converting the whole
        # file would garble every character of the others. Those rows are to be mended.
        rows = _rows_not_utf8(body)
        return Problem(
            0,
            "",
            ERROR,
            say_n(
                "the file is UTF-8 text but row {rows} holds bytes of another encoding (probably "
                "Windows-1252, pasted from a spreadsheet's plain 'CSV'), and a row added to it now "
                "would make a file of two encodings, which opens garbled. Mend that row: type its "
                "accented letters again in an editor that saves UTF-8, or delete it; then add the row "
                "again. Do not convert the whole file: its other rows are UTF-8 already",
                "the file is UTF-8 text but rows {rows} hold bytes of another encoding (probably "
                "Windows-1252, pasted from a spreadsheet's plain 'CSV'), and a row added to it now "
                "would make a file of two encodings, which opens garbled. Mend those rows: type their "
                "accented letters again in an editor that saves UTF-8, or delete them; then add the row "
                "again. Do not convert the whole file: its other rows are UTF-8 already",
                len(rows),
                rows=and_list([str(number) for number in rows]),
            ),
            ProblemCode.NOT_UTF8,
        )
    path = shlex.quote(name)
    converted = shlex.quote(str(Path(name).with_name(Path(name).stem + "-utf8" + Path(name).suffix)))
    page = code_page(body)
    if page is not None and page.saved_by:  # (café in Mac Roman: cafŽ from Windows-1252, for good)
        return Problem(
            0,
            "",
            ERROR,
            say(
                "the file is not UTF-8 text: row {row} is the first with bytes of another encoding (probably "
                "{encoding}, {saved_by}), and a row added to it now would make a file of two encodings, which opens "
                "garbled. Convert the file to UTF-8, then add the row again: open it as {encoding}, not as "
                "Windows-1252, then in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; in LibreOffice, "
                "File > Save As > 'Text CSV' with Character set 'Unicode (UTF-8)'; or on the command line: "
                "iconv -f {iconv} -t UTF-8 {path} > {converted} && mv {converted} {path}",
                row=row,
                encoding=page.name,
                saved_by=page.saved_by,
                iconv=page.iconv,
                path=path,
                converted=converted,
            ),
            ProblemCode.NOT_UTF8,
        )
    if page is not None:  # (Токаев in Windows-1251: iconv from Windows-1252 would garble it for good)
        return Problem(
            0,
            "",
            ERROR,
            say(
                "the file is not UTF-8 text: row {row} is the first with bytes of another encoding (probably "
                "{script}, {encoding}, which a spreadsheet set to a language of that script writes as its plain "
                "'CSV'), and a row added to it now would make a file of two encodings, which opens garbled. "
                "Convert the file to UTF-8, then add the row again: open it as {script} ({encoding}), not as "
                "Western text, then in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; in LibreOffice, "
                "File > Save As > 'Text CSV' with Character set 'Unicode (UTF-8)'; or on the command line: "
                "iconv -f {iconv} -t UTF-8 {path} > {converted} && mv {converted} {path}",
                row=row,
                script=page.script,
                encoding=page.name,
                iconv=page.iconv,
                path=path,
                converted=converted,
            ),
            ProblemCode.NOT_UTF8,
        )
    return Problem(
        0,
        "",
        ERROR,
        say(
            "the file is not UTF-8 text: row {row} is the first with bytes of another encoding "
            "(probably Windows-1252, which a spreadsheet's plain 'CSV' format writes), and a row "
            "added to it now would make a file of two encodings, which opens garbled. Convert the "
            "file to UTF-8, then add the row again: in Excel, File > Save As > 'CSV UTF-8 (Comma "
            "delimited)'; in LibreOffice, File > Save As > 'Text CSV' with Character set 'Unicode "
            "(UTF-8)'; or on the command line: iconv -f WINDOWS-1252 -t UTF-8 {path} > {converted} && "
            "mv {converted} {path}",
            row=row,
            path=path,
            converted=converted,
        ),
        ProblemCode.NOT_UTF8,
    )


def _mostly_utf8(body: bytes, most: int = 1000) -> bool:
    """Whether most lines with bytes beyond ASCII (the first `most` of them) are UTF-8: a UTF-8
    file with rows pasted in another encoding. A file of another encoding has some UTF-8-looking
    runs too (Windows-1252's "é »" is E9 A0 BB, one UTF-8 character), but few of its lines are
    UTF-8 whole."""
    view = np.frombuffer(body, np.uint8)
    good = bad = 0
    done = -1
    for at in np.flatnonzero(view >= 0x80).tolist():
        if at <= done:
            continue
        start = body.rfind(b"\n", 0, at) + 1
        done = body.find(b"\n", at)
        done = len(body) if done < 0 else done
        try:
            body[start:done].decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
        if good + bad >= most:
            break
    return good >= bad  # (a tie: the rows are named, rather than every UTF-8 one garbled)


def _rows_not_utf8(body: bytes, most: int = 5) -> list[int]:
    """The numbers of the first rows (at most `most`) with bytes that are not UTF-8."""
    rows: list[int] = []
    start = 0
    while len(rows) < most:
        try:
            body[start:].decode("utf-8")
            break
        except UnicodeDecodeError as wrong:
            at = start + wrong.start
            rows.append(count_records(body[: at + 1]))
            start = body.find(b"\n", at) + 1
            if not start:
                break
    return rows


def _unwritable(shape: Shape, row: Row, number: int) -> list[Problem]:
    """Values for columns the file's header does not have: refused rather than dropped."""
    if not shape.columns:
        return []
    return [
        Problem(
            number,
            name,
            ERROR,
            say(
                "the file has no {name!r} column, so {value} cannot be written; add the column after "
                "the last one with a spreadsheet (which gives every row a place for it), or leave the "
                "value out",
                name=name,
                value=show(str(value)),
            ),
        )
        for name, value in row.items()
        if str(value).strip() and name not in shape.columns
    ]


@dataclass
class Appended:
    """The result of one append: what was reviewed and which candidates were written."""

    path: str
    rows: list[Row]
    review: Review
    written: dict[int, int] = field(default_factory=dict)  # candidate index -> file row
    header_written: bool = False  # the file was absent or empty, so the header went first

    @property
    def problems(self) -> list[Problem]:
        """Every finding on the candidates, refusals first if the file itself is the cause."""
        found = list(self.review.blocking)
        for findings in self.review.findings:
            found += findings
        return found


@dataclass
class _Judged:
    """What is known, under the lock, of candidate rows and the file they would be appended to."""

    rows: list[Row]
    shape: Shape
    review: Review
    empty: bool  # the file has no bytes yet
    base: dict | None = None  # the cached version the file is read on from (timeline.context)


def append_rows(
    path: str | os.PathLike,
    build: Callable[[bytes], list[Row]],
    *,
    all_or_nothing: bool = True,
) -> Appended:
    """Append the rows `build(current bytes)` returns, those `check` accepts, under a lock.

    `build` runs while the lock is held, so what it decides from the file (for
    example which ids are taken) still holds when the rows are written. With
    `all_or_nothing`, one refused row refuses them all.
    """
    path = Path(path)

    def whole(fd: int) -> _Judged:
        data = _read_all(fd)
        shape = shape_of(data)
        rows = build(data)
        return _Judged(rows, shape, review(data, rows, shape, str(path)), not data)

    return _append(path, lambda: build(b""), whole, all_or_nothing)


def _append(
    path: Path,
    absent: Callable[[], list[Row]],
    judge: Callable[[int], _Judged],
    all_or_nothing: bool,
    refuse_dropped: bool = False,
) -> Appended:
    """The locked append: `judge(fd)` decides on the rows with the lock held; `absent()`: the
    rows for a file that does not exist yet (nothing is created if they are refused anyway);
    `refuse_dropped`: see Review."""
    if not path.exists():
        rows = absent()
        checked = review(b"", rows)
        checked.refuse_dropped = refuse_dropped
        if not _choose(rows, checked, all_or_nothing):
            return Appended(str(path), rows, checked)
    deadline = time.monotonic() + GIVE_UP
    while True:
        if time.monotonic() > deadline:  # (replaced again and again, or written to without end)
            return _cannot(path, _kept_changing(), ProblemCode.REPLACED)
        try:
            lock = _lock(path)
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as error:
            return _cannot(path, say("the file cannot be opened for writing: {why}", why=error.strerror))
        try:
            lock.acquire()
            if not _still_at(path, fd):
                continue  # replaced (say, saved by a spreadsheet) while we waited: start again
            wait = _being_saved(fd)
            if wait:  # (then looked at again: still no line break at its end, the row is told cut off)
                time.sleep(wait)
                continue
            judged = judge(fd)
            rows, shape, checked = judged.rows, judged.shape, judged.review
            checked.refuse_dropped = refuse_dropped
            keep = _choose(rows, checked, all_or_nothing)
            outcome = Appended(str(path), rows, checked)
            if keep:
                if not _still_at(path, fd):
                    continue  # (replaced while the rows were checked: start again)
                _write_all(fd, encode(shape, [rows[i] for i in keep]))
                os.fsync(fd)
                if not _still_at(path, fd):  # (replaced as they were written: they are in the file before)
                    return _cannot(path, REPLACED, ProblemCode.REPLACED)
                if judged.empty:
                    _fsync_folder(path)
                if judged.base is not None:
                    context.appended(path, judged.base)
                outcome.header_written = not shape.columns
                first = max(shape.records, 1) + 1
                outcome.written = {i: first + n for n, i in enumerate(keep)}
            return outcome
        except OSError as error:
            return _cannot(path, say("the file cannot be written: {why}", why=error.strerror))
        finally:
            if lock.is_locked:
                lock.release()
            os.close(fd)


def _in_context(path: Path, rows: list[Row]) -> Callable[[int], _Judged]:
    """Judge `rows` by reading on from a checked version of the file (timeline.context): the
    cache of it, or a full check of it, then kept in the cache for the adds after this one.
    Where that cannot be vouched for, the file's bytes are checked whole, as `append_rows` does."""

    def judge(fd: int) -> _Judged:
        size = os.fstat(fd).st_size
        known = context.cached(path) if size else None
        if known is None and size:
            known = context.checked(path, os.fstat(fd).st_ino)
        if known is not None:
            shape = _shape_at(fd, known.dataset)
            if shape is not None:
                grown = check_with(known.dataset, path, encode(shape, rows))
                if grown is not None:
                    checked = _judged(grown, grown.new_accounts, rows, _numbers(shape, rows), shape)
                    return _Judged(rows, shape, checked, False, known.base)
        data = _read_all(fd)
        shape = shape_of(data)
        return _Judged(
            rows, shape, review(data, rows, shape, str(path)), not data, known.base if known is not None else None
        )

    return judge


def _shape_at(fd: int, dataset: Dataset) -> Shape | None:
    """`shape_of` the file open at `fd`, read from its first line and what follows where
    `dataset` (a checked version of it) can be read on from, not from the whole file."""
    resume = dataset.resume
    size = os.fstat(fd).st_size
    if resume is None or not resume.end <= size or resume.end < len(resume.header):
        return None
    header = _pread(fd, len(resume.header), 0)
    rest = _pread(fd, size - resume.end, resume.end)
    if header != resume.header or len(rest) != size - resume.end:
        return None
    last = rest[-1:] or _pread(fd, 1, size - 1)
    shape = shape_of(header)
    return Shape(
        shape.columns, shape.newline, last not in (b"\n", b"\r"), resume.records + count_records(rest), shape.bom
    )


def _lock(path: Path) -> FileLock:
    """The exclusive lock every `add` to `path` takes: a lock file in the state folder beside it
    (`.timeline/`, timeline.lastgood's), the same for every editor whatever their environment."""
    folder = path.parent / lastgood.BESIDE
    folder.mkdir(exist_ok=True)
    return FileLock(folder / f"{path.name}.lock")


def _choose(rows: list[Row], checked: Review, all_or_nothing: bool) -> list[int]:
    keep = [i for i in range(len(rows)) if not checked.refused(i)]
    if all_or_nothing and len(keep) != len(rows):
        return []
    return keep


# A file replaced (a save from an editor or a spreadsheet: a copy renamed over it) between the
# last look at it and the rows written: they went to the file that was replaced, and the new one
# holds none of them. Said so, where `add` said they were added.
REPLACED = say(
    "the file was replaced by another program (a save from an editor or a spreadsheet?) as the rows were written, "
    "so they are not in it: add them again once the save is done"
)


GIVE_UP = 30.0  # seconds: `add` looks again at a file replaced or being written to for this long at most


def _kept_changing() -> Message:
    return say_n(
        "the file kept being replaced or written to by another program (a save from an editor or a spreadsheet, "
        "or a folder kept in sync?) for {n} second, so nothing was added: add the rows again once it is done",
        "the file kept being replaced or written to by another program (a save from an editor or a spreadsheet, "
        "or a folder kept in sync?) for {n} seconds, so nothing was added: add the rows again once it is done",
        int(GIVE_UP),
    )


def _cannot(path: Path, message: Message, code: ProblemCode = ProblemCode.CANNOT_OPEN) -> Appended:
    problem = Problem(0, "", ERROR, message, code)
    return Appended(str(path), [], Review([], [], [problem]))


def _being_saved(fd: int) -> float:
    """The seconds to wait before appending to the file open at `fd`: while it has no line break
    at its end and was written to less than lastgood.SETTLE seconds ago, a save may be writing
    its last row, perhaps cut inside its last value with every column there (`2023-04-24` as far
    as `2023-04-2`), which a row appended after it would make the file's for good."""
    size = os.fstat(fd).st_size
    if not size or _pread(fd, 1, size - 1) in (b"\n", b"\r"):
        return 0.0
    return lastgood.unsettled(os.fstat(fd).st_mtime)


def _still_at(path: Path, fd: int) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read_all(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    chunks: list[bytes] = []
    offset = 0
    while True:
        chunk = _pread(fd, max(size - offset, 1 << 16), offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


def _pread(fd: int, size: int, offset: int) -> bytes:
    """`size` bytes of the file at `offset`: os.pread where there is one (POSIX); on Windows a
    seek and a read (the file is open for appending: a write still goes to its end)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_folder(path: Path) -> None:
    try:
        folder = os.open(path.parent if str(path.parent) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


# --- add: one account from the command line -------------------------------------------


def account(values: dict) -> Row:
    """The row `add` appends: every schema column, values stripped, None as empty."""
    return {name: ("" if values.get(name) is None else str(values[name]).strip()) for name in schema.NAMES}


def add(path: str | os.PathLike, values: dict) -> Appended:
    """Append one account if `check` would accept it; otherwise write nothing."""
    row = account(values)
    return _append(Path(path), lambda: [row], _in_context(Path(path), [row]), True, refuse_dropped=True)


def ids_of(table) -> set[str]:
    """Every id a file's table (csvfile.read_table) holds, on good rows and bad."""
    return set(table.frame["id"].str.strip()) if "id" in table.frame else set()


def add_report(outcome: Appended) -> list[str]:
    """What `python -m timeline add` prints: the new row's problems, then what was done."""
    lines = [p.format(outcome.path) for p in outcome.problems]
    if not outcome.written:
        dropped = sorted({p.column for p in outcome.problems if p.code == ProblemCode.DROPPED})
        if dropped and not any(p.level == ERROR for p in outcome.problems):
            lines.append(f"add writes no value, or part of one, that would be left out: fix {' and '.join(dropped)}")
        lines.append(f"nothing was added to {outcome.path}")
        return lines
    [(index, number)] = outcome.written.items()
    event_id = outcome.rows[index]["id"]
    dataset = outcome.review.dataset
    assert dataset is not None, "a row is written only after the file with it was checked"
    mine = (
        dataset.accounts_of_event(event_id)
        if isinstance(dataset, Checked)
        else dataset.accounts[dataset.accounts["id"] == event_id]
    )
    count = len(mine)
    what = (
        f"a new event {event_id!r}"
        if count == 1
        else f"another account of {event_id!r}, which now has {count} accounts"
    )
    header = " (after the header: the file was new)" if outcome.header_written else ""
    lines.append(f"{outcome.path}:{number}: added {what}{header}")
    if count > 1:
        disputed = _disputed_by_the_last(mine)
        if disputed:
            lines.append(f"{outcome.path}:{number}: {disputed}")
    lines.append(dataset.summary())
    return lines


def _disputed_by_the_last(accounts: pd.DataFrame) -> str | None:
    """What to say when the last of an event's accounts makes its dates disputed (they cannot all
    be true at once: model), which the dashboard then shows; None if they were disputed before or
    are not now."""
    if len(accounts) < 2 or not _disputed(accounts) or _disputed(accounts.iloc[:-1]):
        return None
    spans = "end_date" in accounts and accounts["end_date"].fillna("").str.strip().ne("").any()
    when = [
        date.strip() + (f" to {end.strip()}" if spans and end and end.strip() else "")
        for date, end in zip(
            accounts["date"].fillna("").tolist(),
            accounts["end_date"].fillna("").tolist() if spans else [""] * len(accounts),
        )
    ]
    others = list(dict.fromkeys(when[:-1]))  # (each once, in file order)
    what = "dates" if spans else "date"
    return (
        f"its {what}, {when[-1]!r}, cannot all be true with those of its other accounts "
        f"({', '.join(repr(value) for value in others)}), so the dashboard now shows the event's "
        f"{what} as disputed, its sources disagreeing; if they agree, write the {what} as the others do"
    )


def _disputed(accounts: pd.DataFrame) -> bool:
    events, _ = model.events_and_positions(accounts.reset_index(drop=True))
    return bool(events["disputed"].iat[0])
