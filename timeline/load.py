"""events.csv -> accepted accounts, the events they describe, and every problem.

`load(path)` never raises for anything an editor can write: what is wrong
becomes a `Problem` naming the row, the column, the value and the fix, and the
other rows keep working. The file is only read, never written.
"""

from __future__ import annotations

import calendar
import copy
import ctypes
import difflib
import functools
import hashlib
import heapq
import os
import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import csvfile, dates, diagnosis, digest, links, model, places, schema, workbook
from .csvfile import (
    BOM,
    SPACE_BYTE,
    THREADED,
    UNNAMED,
    Scan,
    concatenated,
    filtered,
    one_chunk,
    read_table,
    text_buffers,
)
from .media import IMAGE, IMAGE_SUFFIXES
from .media import kind as media_kind
from .problems import (
    ERROR,
    READ_AGAIN_WHOLE,
    WARNING,
    Finding,
    Message,
    Problem,
    ProblemCode,
    and_list,
    comma_list,
    counted,
    cut,
    say,
    say_n,
    say_year,
    show,
    tells_the_year,
)
from .workers import THREADED_ROWS, Workers

_FORMULA_BYTE = np.zeros(256, dtype=bool)
_FORMULA_BYTE[[ord(start) for start in schema.FORMULA_START if not start.isspace()]] = True  # (values are stripped)
_ID_OR_EMPTY = f"^(?:{schema.ID_PATTERN})?$"
# http:// or https://, any case (spelt out: a case-insensitive match would take 'ſ' for 's'),
# then a printable ASCII character that may begin a host (not / # ? @ or :).
_PLAIN_LINK = '^[hH][tT][tT][pP][sS]?://[!"$-.0-9;->A-~]'
LONG_TITLE = schema.LONG_TITLE
# schema.DIRECTION's characters in UTF-8: all begin e2 80 or e2 81.
_DIRECTION_BYTES = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
MAX_CATEGORIES = 30  # lanes: more is almost always another column put in the category column
_HTML = r"<\s*[a-zA-Z!/][^>]*>"


def _sheet_bytes() -> tuple[np.ndarray, np.ndarray, int]:
    """What the bytes of a formula's error value or a missing-value marker can be (schema.sheet_value):
    its first byte (a table of 256), its first and last (a table of first << 8 | last), and the
    most bytes it has (the fewest is 2)."""
    pairs = [(first, last) for value in schema.MISSING_MARKERS for first, last in [(value[0], value[-1])]]
    for value in schema.FORMULA_ERRORS:  # (any case)
        pairs += [
            (f, lt) for f in {value[0].lower(), value[0].upper()} for lt in {value[-1].lower(), value[-1].upper()}
        ]
    pairs += [(f, digit) for f in "Ee" for digit in "0123456789"]  # (schema.LIBREOFFICE_ERROR: Err:502)
    firsts, both = np.zeros(256, dtype=bool), np.zeros(1 << 16, dtype=bool)
    for first, last in pairs:
        firsts[ord(first)], both[ord(first) << 8 | ord(last)] = True, True
    longest = max(len(value) for value in (*schema.FORMULA_ERRORS, *schema.MISSING_MARKERS, "Err:502"))
    return firsts, both, longest


_SHEET_FIRST, _SHEET_PAIR, _SHEET_LONGEST = _sheet_bytes()
_IMAGE_SUFFIX = "|".join(re.escape(suffix) for suffix in IMAGE_SUFFIXES)


@dataclass
class Dataset:
    """What one events.csv holds: the events, their accounts, and the problems found."""

    events: pd.DataFrame
    accounts: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    path: str = ""
    signature: tuple = ()
    resume: Resume | None = field(default=None, repr=False, compare=False)  # see timeline.appends
    growth: Growth | None = field(default=None, repr=False, compare=False)  # when read on from another
    room: model.Room | None = field(default=None, repr=False, compare=False)  # of `accounts`, if any
    # The position in `events` of each account's event, as `load` grouped them (the index
    # then need not look each account's id up); None when not known.
    account_event: np.ndarray | None = field(default=None, repr=False, compare=False)
    # The bytes read are the file as `signature` says (it was not written to while read): False
    # for a save caught in progress, which the dashboard must not publish (timeline.app.data).
    settled: bool = field(default=True, repr=False, compare=False)
    ends_line: bool | None = field(default=None, repr=False, compare=False)  # its last byte read ends a line

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def rows_left_out(self) -> int:
        """The rows an error leaves out: its own, and those under a header line in another order."""
        errors = self.errors
        spans = [p.leaves_out for p in errors if p.leaves_out]
        own = {p.row for p in errors if p.row > 1 and not any(p.row in span for span in spans)}
        return len(own) + sum(len(span) for span in spans)

    def summary(self) -> str:
        return ", ".join(
            counted(len(items), noun)
            for items, noun in (
                (self.events, "event"),
                (self.accounts, "account"),
                (self.errors, "error"),
                (self.warnings, "warning"),
            )
        )


WINDOW = 1 << 16  # bytes hashed at the start of the file and before where it is read on from


@dataclass(frozen=True)
class Resume:
    """Where a longer version of the same file can be read on from (timeline.appends.load_more),
    and what the checks across rows need of the rows before it. A file whose problems an
    appended row could change in ways not kept here (a cause said on row 0, a date a
    spreadsheet may have made of a year) has none: it is read again whole."""

    end: int  # bytes [0, end) hold whole records: the file's end, or its cut last row's start
    records: int  # the number of the last record before `end` (the header is 1)
    header: bytes  # the file's first line, its line end (and byte order mark) included
    head: str  # hash of the first head_size bytes (WINDOW, or the file's end if before)
    head_size: int
    tail: str  # hash of the WINDOW bytes before `end`
    inode: int
    ascii: bool  # every byte before `end` < 0x80
    categories: dict  # category key -> (accepted accounts, first row)
    places: dict  # location placed (or not) by its name -> (rows, first row)
    years: dict  # year -> accepted accounts of a date in it whose date has no warning (year_counts)
    # The digest of bytes [0, end) (timeline.digest): a file that grew is read on only if the
    # bytes before `end` still have it (an edit in place of the same length in the middle
    # changes no window above). None: not known (`timeline add`'s own reading on): read whole.
    digest: int | None = None


@dataclass(frozen=True)
class Growth:
    """How a dataset read on from a previous one (timeline.appends) relates to it, so that its
    index can be extended rather than built again (timeline.index.grow_index)."""

    after: tuple  # the previous dataset's signature
    accounts_from: int  # accounts[:accounts_from] are the previous dataset's, in place
    moved: np.ndarray  # where each previous event is now (positions in `events`)
    account_event: np.ndarray  # the event position of each account from accounts_from on
    checked: bool = False  # every byte before the new ones read again, its digest the previous one's


def signature(path: str | os.PathLike) -> tuple:
    """What changes when the file changes: used to cache a parsed file."""
    try:
        stat = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)


def load(path: str | os.PathLike = "events.csv", workbooks: bool = False) -> Dataset:
    """`workbooks`: read the first sheet of an .xlsx as `check` does; the dashboard does not
    (it serves CSV only, and says so)."""
    path = Path(path)
    stamp = signature(path)
    try:
        data, scan, sums = _read_file(path)
    except FileNotFoundError:
        return _empty(
            [Problem(0, "", ERROR, say("there is no file at {path!r}", path=str(path)), ProblemCode.NO_FILE)],
            path,
            stamp,
        )
    except OSError as error:
        return _empty(
            [
                Problem(
                    0, "", ERROR, say("the file cannot be opened: {why}", why=error.strerror), ProblemCode.CANNOT_OPEN
                )
            ],
            path,
            stamp,
        )
    sheet_note, hidden = [], []
    zero: np.datetime64 = dates.SPREADSHEET_DAY_ZERO
    if workbooks and workbook.kind(data.slice(0, min(data.size, 1 << 16)).to_pybytes()) == workbook.XLSX:
        try:
            read = workbook.read_xlsx(data.to_pybytes(), schema.column_named)
            data, sheet, scan, zero = read.text, read.title, None, read.day_zero
            hidden = read.problems(schema.column_named)  # (a month's cell's hidden day, an id made a date)
        except workbook.NotReadable as error:
            return _empty(
                [
                    Problem(
                        0,
                        "",
                        ERROR,
                        say(
                            "the file looks like an Excel workbook (.xlsx) but cannot be opened ({why}); {save_as_csv}",
                            why=str(error),
                            save_as_csv=workbook.SAVE_AS_CSV,
                        ),
                        ProblemCode.NOT_CSV,
                    )
                ],
                path,
                stamp,
            )
        sheet_note = [
            Problem(
                0,
                "",
                WARNING,
                say(
                    "this is an Excel workbook: check read its first sheet, {sheet!r}, and its row numbers "
                    "are the sheet's; the dashboard serves only CSV, so to publish it save it as CSV: "
                    "{save_as_csv}",
                    sheet=sheet,
                    save_as_csv=workbook.SAVE_AS_CSV,
                ),
                ProblemCode.NOT_CSV,
            )
        ]
    edges = None if sheet_note else _Edges.of(data, sums)
    # Written to while read (a save in progress, a copy onto it): the bytes are no version of it.
    size = len(data) if isinstance(data, bytes) else data.size  # (bytes: a workbook's sheet as CSV)
    settled = bool(sheet_note) or (len(stamp) > 3 and size == stamp[2] and signature(path) == stamp)
    ends_line = not size or bytes(memoryview(data)[size - 1 :]) in (b"\n", b"\r")
    holder = [data]
    del data
    counting = dates.day_zero.set(zero)  # (the day numbers of a workbook of the 1904 date system)
    try:
        dataset = _load(holder, edges, stamp[3] if len(stamp) > 3 else None, scan)
    finally:
        dates.day_zero.reset(counting)
    if hidden:
        dataset.problems[:] = heapq.merge(dataset.problems, sorted(hidden, key=_reading_order), key=_reading_order)
    dataset.problems[:0] = sheet_note
    dataset.path, dataset.signature = str(path), stamp
    dataset.settled, dataset.ends_line = settled, ends_line
    return dataset


def _read_file(path: Path) -> tuple[pa.Buffer, Scan | None, list[int] | None]:
    """The file's bytes, as `path.read_bytes()` gives them (and the same errors), in memory
    from Arrow's pool: that is a few times faster to fill than a new bytes object. And what
    csvfile.Scan finds in them, and the sums of their digest's blocks (timeline.digest): a large
    file's on the second thread, each piece as soon as it is read (at a million rows, 0.045 s
    for the scan and the read instead of 0.08 s one after the other)."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        buffer = pa.allocate_buffer(size + 1)  # one byte more, to see that the file has grown
        got, scans, bom = 0, [], False
        sums: list[Future] | None = []
        with Workers(size >= THREADED) as workers, memoryview(buffer) as view:
            array = np.frombuffer(buffer, dtype=np.uint8)
            while got < len(view):
                count = file.readinto(view[got : got + READ_STEP])
                if not count:
                    break
                # (A file that begins with a byte order mark is read without it: scanned so.)
                skip = len(BOM) if not got and count >= len(BOM) and array[: len(BOM)].tobytes() == BOM else 0
                bom = bom or bool(skip)
                scans.append(workers.submit(Scan.of, array[got + skip : got + count]))
                if sums is not None and got % digest.BLOCK == 0:
                    sums.append(workers.submit(digest.sums, array[got : got + count]))
                else:  # (a piece read short: the rest of the digest is made when asked for)
                    sums = None
                got += count
        if got <= size:
            made = None if sums is None else [value for part in sums for value in part.result()]
            return buffer.slice(0, got), Scan.joined([scan.result() for scan in scans], after_bom=bom), made
        # The file grew while it was read: the rest, the slow way.
        return pa.py_buffer(buffer.to_pybytes() + file.read()), None, None


READ_STEP = 1 << 22  # bytes read at a time (_read_file)


def load_bytes(data: bytes) -> Dataset:
    return _load([data])


def _load(holder: list, edges: _Edges | None = None, inode: int | None = None, scan: Scan | None = None) -> Dataset:
    """Read the bytes in holder[0]; they are let go of as soon as they are parsed, which
    lowers the peak memory of a large file by its size. `edges` and `inode`: to say where a
    longer version of the file can be read on from (Dataset.resume); `scan`: see read_table."""
    table = read_table(holder.pop(), scan)
    problems = list(table.problems)
    if not table.columns:
        return _empty(problems)
    findings = list(table.findings)
    notes = _Notes()
    accounts, ids = _validate(
        table.frame, table.rows, problems, findings, ascii=table.ascii, notes=notes, left_out=table.left_out
    )
    events, account_event = model.events_and_positions(accounts, ids)
    problems.sort(key=_reading_order)
    problems[:0] = diagnosis.first(findings, problems)  # the cause of most of them, said first
    dataset = Dataset(events, accounts, problems, account_event=account_event)
    if edges is not None and inode is not None:
        dataset.resume = _resume(table, edges, inode, findings, notes, accounts)
    return dataset


@dataclass
class _Edges:
    """What `Resume` needs of the file's bytes, taken before they are parsed and let go of."""

    header: bytes  # the first line, with its line end
    last_line: int  # where the last line begins: the end, if the file ends with a line end
    quotes_after: int  # double quotes in the last line (none if it is ended)
    cut: bool  # the last line has no line end (a row cut by a save in progress?)
    head: str  # hash of the first WINDOW bytes (or up to last_line)
    head_size: int
    tail: str  # hash of the WINDOW bytes before last_line
    digest: int  # of the bytes before last_line (timeline.digest)

    @staticmethod
    def of(data: pa.Buffer, sums: list[int] | None = None) -> _Edges | None:
        """`sums`: those of the digest's first blocks, made as the file was read (_read_file)."""
        view = np.frombuffer(data, dtype=np.uint8)
        newline = np.flatnonzero(view[:WINDOW] == ord("\n"))
        if not len(newline) or not len(view):
            return None
        header = view[: newline[0] + 1].tobytes()
        if b"\r" in header.removesuffix(b"\n").removesuffix(b"\r"):
            return None  # (a CR alone in the first line ends it: "\r\r\n" is a line, then a blank one)
        back = view[-WINDOW:]
        ends = np.flatnonzero(back == ord("\n"))
        if not len(ends):
            return None  # (a last line longer than the window: read again whole)
        last_line = len(view) - len(back) + int(ends[-1]) + 1
        rest = view[last_line:]
        if (rest == ord("\r")).any():
            return None  # (lines ended by CR alone: read again whole)
        return _Edges(
            header,
            last_line,
            int(np.count_nonzero(rest == ord('"'))),
            bool(len(rest)),
            window_hash(view[: min(WINDOW, last_line)]),
            min(WINDOW, last_line),
            window_hash(view[max(0, last_line - WINDOW) : last_line]),
            digest.of(view[:last_line], sums).value,
        )


def edge_spans(size: int) -> list[tuple[int, int]]:
    """(start, length) of the first and last WINDOW bytes of `size` bytes, not overlapping: what
    is compared (timeline.lastgood) or hashed (timeline.store) to tell a file's version cheaply."""
    head = min(size, WINDOW)
    tail = max(head, size - WINDOW)
    return [(0, head)] + ([(tail, size - tail)] if size > tail else [])


def window_hash(view) -> str:
    return hashlib.blake2b(np.ascontiguousarray(view).data, digest_size=16).hexdigest()


@dataclass
class _Notes:
    """What the checks across rows found, for `Resume` (see _validate)."""

    year_window: bool = False  # a date that may be a year made a day (diagnosis.years_as_days)
    two_years: bool = False  # a date column writes two years as 1826-31: its months said across rows
    midnights: bool = False  # most times of a date column are 00:00 (_days_at_midnight): said across rows
    midnight: bool = False  # a date column has a time of 00:00 (an append of one is read with the whole file)
    # a date column has a time at UTC that may be another place's midnight; most of its times are
    # (_days_in_utc): an append of one is read with the whole file; said across rows
    days_in_utc: bool = False
    days_in_utc_told: bool = False
    # a publication time at a UTC offset (_published_on_one_clock): an append that joins an event
    # whose times are at more than one is read with the whole file (appends._clocks_joined)
    published_offset: bool = False
    day_number: bool = False  # a date refused is a day number, told from the column's dates (_mac_day_numbers)
    places: dict = field(default_factory=dict)  # see Resume.places
    categories: dict = field(default_factory=dict)  # see Resume.categories
    years: dict = field(default_factory=dict)  # see Resume.years
    last_year: int | None = None  # the year the last account is counted in, if it is (see uncounted)
    counted: np.ndarray | None = None  # the accounts counted in `years` (a mask; None: all)


def _resume(table, edges: _Edges, inode: int, findings: list, notes: _Notes, accounts) -> Resume | None:
    if (
        not table.by_arrow
        or findings
        or notes.year_window
        or notes.two_years
        or notes.midnights
        or notes.days_in_utc_told
        or (table.quotes - edges.quotes_after) % 2
    ):
        return None
    if not len(table.frame):  # (a file of no rows yet is quick to read again, and says so)
        return None
    if any(p.level == ERROR and p.is_file_level for p in table.problems):
        return None
    if any(p.code in READ_AGAIN_WHOLE for p in table.problems):
        return None
    records = table.records - (1 if edges.cut else 0)
    categories, placed, years = uncounted(notes, table.frame, table.rows, accounts, records)
    return Resume(
        edges.last_line,
        records,
        edges.header,
        edges.head,
        edges.head_size,
        edges.tail,
        inode,
        table.ascii,
        categories,
        placed,
        years,
        edges.digest,
    )


def uncounted(
    notes: _Notes, frame: pd.DataFrame, rows: np.ndarray, accounts: pd.DataFrame, records: int
) -> tuple[dict, dict, dict]:
    """The counts of `notes` (categories, places, years) without a cut last row after row
    `records` (it is read again with the rest of it). `frame` and `rows`: as checked."""
    if not len(rows) or rows[-1] <= records:
        return notes.categories, notes.places, notes.years
    last = frame.iloc[-1]
    accepted = bool(len(accounts)) and accounts["row"].iat[-1] == rows[-1]
    lane = str(accounts["category_key"].iat[-1]) if accepted else ""
    categories, placed = dict(notes.categories), dict(notes.places)
    for counts, key, in_counts in (
        (categories, lane, accepted and last["category"] != ""),
        (placed, last["location"], last["location"] != "" and last["latitude"] == "" and last["longitude"] == ""),
    ):
        if in_counts and key in counts:
            count, first = counts[key]
            if count > 1:
                counts[key] = (count - 1, first)
            else:
                del counts[key]
    years = dict(notes.years)
    if accepted and notes.last_year is not None:
        years[notes.last_year] -= 1
        if not years[notes.last_year]:
            del years[notes.last_year]
    return categories, placed, years


_COLUMN_ORDER = {name: i for i, name in enumerate(schema.NAMES)}


def _reading_order(problem: Problem) -> tuple:
    """Row by row; in a row, the problems of the row as a whole first, then column by column
    as the file lays them out (unknown columns last)."""
    order = _COLUMN_ORDER.get(problem.column)
    if order is not None or not problem.column:  # (nearly every problem: no pattern run for a million)
        return (problem.row, problem.column != "", len(_COLUMN_ORDER) if order is None else order, problem.column)
    # (unknown columns by their numbers: column 9 before column 10, which came first as text)
    numbered = re.sub(r"\d+", lambda digits: digits[0].zfill(12), problem.column)
    return (problem.row, True, len(_COLUMN_ORDER), numbered)


def _empty(problems, path="", stamp=()) -> Dataset:
    accounts, ids = _validate(
        pd.DataFrame({n: pd.Series([], dtype="str") for n in schema.NAMES}), np.zeros(0, dtype=np.int64), []
    )
    return Dataset(model.build_events(accounts, ids), accounts, problems, str(path), stamp)


class _Checker:
    """Collects problems for one frame. An error leaves its row out; every error of a row is
    reported, so that an editor can mend it in one go. What a column's checks make of its values
    (dates parsed, numbers) is kept in `found`, for the checks after them and for the accounts."""

    def __init__(
        self,
        frame: pd.DataFrame,
        rows: np.ndarray,
        problems: list[Problem],
        findings: list | None = None,
        notes: _Notes | None = None,
        edges: dict | None = None,
        ascii: bool = False,
    ):
        self.frame, self.rows, self.problems = frame, rows, problems
        self.refused = np.zeros(len(frame), dtype=bool)
        self.refused_by: dict[str, np.ndarray] = {}  # column -> the rows its errors leave out
        self.findings = [] if findings is None else findings
        self.notes = _Notes() if notes is None else notes
        self.edges = {} if edges is None else edges  # column -> the first byte of each value (_rough_edges)
        self.ascii = ascii  # the file's bytes are all ASCII (no text in it can be garbled or turned)
        self.written = {name: frame[name] for name in schema.NAMES}  # as read, before a check drops a value
        self.found: dict = {}
        self.garbled: dict = {}  # column -> (rows, {value: what it probably reads})

    def for_column(self) -> _Checker:
        """A checker for one column's rules, run beside the other columns' (_check_columns): it
        reads the same values, and keeps what its checks say apart until `merge` adds it here."""
        part = copy.copy(self)
        # (a check may replace its column's values; it reads the schema's columns alone, and a
        # file of thousands of others, Excel's used range, copied them all for each column)
        many = len(self.frame.columns) > 2 * len(schema.NAMES)
        part.frame = (self.frame[list(schema.NAMES)] if many else self.frame).copy(deep=False)
        part.problems, part.findings = [], []
        part.refused, part.refused_by = np.zeros(len(self.refused), dtype=bool), {}
        part.notes, part.found, part.garbled = _Notes(), {}, {}
        return part

    def merge(self, part: _Checker, name: str) -> None:
        """Add what column `name`'s checker (for_column) found, as if its checks had run here."""
        self.problems += part.problems
        self.findings += part.findings
        for column, refused in part.refused_by.items():
            self.refused |= refused
            self.refused_by[column] = self.refused_by[column] | refused if column in self.refused_by else refused
        self.notes.places.update(part.notes.places)
        self.notes.two_years |= part.notes.two_years
        self.notes.midnights |= part.notes.midnights
        self.notes.midnight |= part.notes.midnight
        self.notes.days_in_utc |= part.notes.days_in_utc
        self.notes.days_in_utc_told |= part.notes.days_in_utc_told
        self.notes.day_number |= part.notes.day_number
        self.found.update(part.found)
        self.garbled.update(part.garbled)
        if name in part.replaced:
            self.frame[name] = part.frame[name]
            self.replaced = self.replaced | {name}

    replaced: frozenset = frozenset()  # the columns whose values a check replaced (see `replace`)
    left_out: dict[int, str] = {}  # rows left out as they were read: their ids (csvfile.Table.left_out)
    split: frozenset = frozenset()  # the rows a spreadsheet split at a semicolon (see _split_rows)

    def replace(self, name: str, values: pd.Series) -> None:
        """Give column `name` new values (a check that drops some), for the checks after it."""
        self.frame[name] = values
        self.replaced = self.replaced | {name}

    def report(self, mask, column: str, level: str, message, code: ProblemCode = ProblemCode.OTHER) -> None:
        """Add a problem for each row in mask; message is a string or value -> string."""
        mask = np.asarray(mask, dtype=bool)
        index = np.flatnonzero(mask)
        if not len(index):
            return
        values = self.frame[column].iloc[index].to_numpy() if column in self.frame else [""] * len(index)
        # Each distinct value's message made once (a broken save repeats its bad values: a US
        # Excel save of a million rows has 214,103 dates refused, of 858 distinct values).
        said: dict = {}
        for row, value in zip(self.rows[index].tolist(), values):
            text = said.get(value)
            if text is None:
                text = said[value] = message(value) if callable(message) else message
            self.problems.append(Problem(row, column, level, text, code))
        if level == ERROR:
            self.refused[index] = True
            self.refused_by.setdefault(column, np.zeros(len(self.refused), dtype=bool))[index] = True

    def refused_in(self, columns) -> np.ndarray:
        """The rows left out by errors in these columns."""
        refused = np.zeros(len(self.refused), dtype=bool)
        for column in columns:
            if column in self.refused_by:
                refused |= self.refused_by[column]
        return refused


def _validate(
    frame: pd.DataFrame,
    rows: np.ndarray,
    problems: list[Problem],
    findings: list | None = None,
    ascii: bool = False,
    notes: _Notes | None = None,
    splits: bool = True,
    left_out: dict[int, str] | None = None,
):
    """The accepted accounts, and their events' ids as pd.factorize gives them (codes, ids).

    Each column's values go through its rules (schema.COLUMNS, column by column, each rule's
    check from CHECKS), then the checks across rows and columns (ACROSS), in that order.
    `findings`: where the causes found behind many problems go (diagnosis.Finding); `ascii`:
    the file's bytes are all ASCII (no text in it can be garbled); `notes`: where what the
    checks across rows found goes; `splits`: look for rows a spreadsheet split (_split_rows);
    `left_out`: the rows left out before, as they were read (csvfile.Table.left_out)."""
    header = list(frame.columns)  # (the file's columns, in its order)
    for name in schema.NAMES:
        if name not in frame:
            frame[name] = _blank(frame.index)
    workers = Workers(len(frame) >= THREADED_ROWS)
    try:
        written = {name: frame[name] for name in header}  # (as written, spaces and all)
        edges = {}  # name -> the first byte of each value (see _rough_edges), where known
        read = [frame[name] for name in schema.NAMES]
        for name, as_read, (values, first) in zip(schema.NAMES, read, workers.map(_strip, read)):
            if values is not as_read:  # (setting a column costs a small file more than stripping it)
                frame[name] = values
            edges[name] = first
        check = _Checker(frame, rows, problems, findings, notes, edges, ascii)
        check.left_out = left_out or {}
        # The lanes numbered meanwhile, for the accounts (no check changes a category).
        lanes = workers.submit(pd.factorize, frame["category"])
        _check_columns(check, workers)
        if splits:
            _split_rows(check, written, header)
        _end_on_start_clock(check)
        _published_on_one_clock(check)
        lane_codes, lane_names = lanes.result()
        if "category" in check.replaced:  # (a check dropped a value: a missing-value marker)
            lane_codes, lane_names = pd.factorize(check.frame["category"])
        # The grouping into events begun on the other threads while this one runs the checks
        # across rows, if no row is left out yet (most files); begun again below if one of those
        # checks leaves a row out.
        read_ids = check.found["id", "events"]  # (codes, ids), as the slug check numbered them
        early = None if check.refused.any() else _begin_grouping(workers, check, slice(None), *read_ids)
        check.found["repeats"] = workers.submit(repeat_candidates, check.frame, read_ids[0])
        for across in ACROSS:
            across(check)
        if check.split:  # (a split row's one problem is that it was split: see _split_rows)
            problems[:] = [p for p in problems if p.row not in check.split or p.code == ProblemCode.SPLIT_ROW]
        notes, found = check.notes, check.found
        start, end, published = (found[name] for name in schema.DATE_COLUMNS)
        start_last, end_last = found["start_last"], found["end_last"]
        latitude, longitude = found["latitude"], found["longitude"]
        approximate, placed_latitude, placed_longitude = found["location"]
        if approximate.any():
            latitude[approximate], longitude[approximate] = placed_latitude[approximate], placed_longitude[approximate]
        figure = found["figure"]
        retracted, retracted_on, retracted_precision, retracted_take = found["retracted"]
        # (withdrawn in a month or a year, January 2022: from the end of it, when it is known to
        # be; as of a day in it, not yet, and never before it was published)
        coarse = np.isin(np.asarray(retracted_precision, dtype=object), ("month", "year"))  # (a few: each once)
        if coarse.any():
            retracted_on = np.where(coarse[retracted_take], found["retracted", "last"], retracted_on)
        codes, ids = found["events"]

        keep: np.ndarray | slice
        keep = ~check.refused
        if keep.all():
            keep = slice(None)  # nothing left out: no column needs filtering
        else:
            # The events of the accounts kept, numbered again in order of first appearance.
            codes, which = pd.factorize(codes[keep])
            ids = ids.take(which)
        # The columns of a few distinct values made categories, and the grouping into events
        # begun, on the other threads while this one builds the accounts.
        # Columns of a few distinct values as categories: a tenth of the memory at a million rows.
        # (Each made from the few distinct values and a code per row, as astype("category") makes it.)
        index = frame.index[keep]
        categories = {
            name: workers.submit(_category, distinct, take, keep, index)
            for name, distinct, take in (
                ("precision", start.distinct_precision, start.take),
                ("offset", start.distinct_offset, start.take),
                ("end_precision", end.distinct_precision, end.take),
                ("published_precision", published.distinct_precision, published.take),
                ("retracted_precision", retracted_precision, retracted_take),
            )
        }
        lane_keys = pd.Series(lane_names, dtype="str").str.lower().to_numpy(dtype=object)
        categories["category_key"] = workers.submit(_category, lane_keys, lane_codes, keep, index)
        # What the grouping into events works out from the events, sources and dates alone
        # (it goes on after this returns).
        if early is not None and isinstance(keep, slice) and codes is read_ids[0]:
            grouping = early
        else:
            if early is not None:  # (a row was left out after all: what was begun is not needed)
                for begun in (early.order, early.dates, early.sources):
                    begun.cancel()
            grouping = _begin_grouping(workers, check, keep, codes, ids)
        accounts = kept_rows(frame, keep)
        worked_out = {
            "row": rows[keep],
            "start": start.value[keep],
            "start_last": start_last[keep],
            "end": end.value[keep],
            "end_last": end_last[keep],
            "published_at": published.value[keep],
            "lat": latitude[keep],
            "lon": longitude[keep],
            "approximate": approximate[keep],
            "figure_value": figure[keep],
            "is_retracted": retracted[keep],
            "retracted_on": retracted_on[keep],
        }
        for at, name in enumerate(schema.WORKED_OUT):  # (in its order, the row number first)
            values = categories[name].result() if name in categories else _column(worked_out[name], accounts.index)
            if at == 0:
                accounts.insert(0, name, values)
            else:
                accounts[name] = values
        _repeated_rows(check)  # (looked for on a worker meanwhile)
    finally:
        workers.shutdown(wait=False)
    accounts = accounts.reset_index(drop=True)
    notes.categories = category_counts(accounts)
    problems += category_problems(notes.categories)
    _count_years(accounts, problems, notes)
    problems += year_problems(notes.years, lambda year: last_of_year(accounts, year, notes.counted))
    return accounts, (codes, ids, grouping)


# --- rows a spreadsheet split at a semicolon ------------------------------------------------------

SPLIT_ROWS_LOOKED_AT = 1000  # _split_rows: at most this many rows are tried


def _split_rows(check: _Checker, written: dict[str, pd.Series], header: list[str]) -> None:
    """Rows whose values a spreadsheet moved to the right: LibreOffice's Text Import ticks
    Semicolon and Tab as separators beside Comma, so a cell with a semicolon in it ("... the gas
    price; crowd estimates ...") becomes two, and the row's later values each move one column on
    (a location read as a latitude). The part after a semicolon begins with a space: a row with a
    problem and a value (after its first) that begins with one space, or with a value in a column
    the header does not name, is read again with each such value joined to the one before it. It
    was split when that reads with no error and no value in a column without a name, values after
    the join moved back, one of them (or a part joined back) fits a column of dates, numbers or
    links it did not fit, and none that fitted one moves to text (a figure of 230 moved into
    claimed_by: no split). Its problems (which blame the values that moved) give way to one
    error that says so, and row 0 says the cause for the file (an error: a save that split rows
    is kept back, timeline.lastgood). A row split where only text moved shows no problem and is
    not found: the diagnosis says so."""
    unnamed = [name for name in header if UNNAMED.fullmatch(name)]
    # (An unnamed column with no value holds none moved: Excel's used range, 16,384 of them, took
    # 7 s to look through value by value.)
    holding = [name for name in unnamed if not csvfile.holds_nothing(written[name])]
    extra = np.zeros(len(check.frame), dtype=bool)
    for name in holding:
        extra |= _given(written[name])
    # (Where the strip found no space, no value begins with one.)
    looked, nameless = set(holding), set(unnamed)
    maybe = [name for name in header[1:] if name in looked or (name not in nameless and check.edges.get(name) is None)]
    if not maybe and not extra.any():
        return
    troubled = np.flatnonzero(np.isin(check.rows, np.fromiter((p.row for p in check.problems if p.row > 1), np.int64)))
    spaced = np.zeros(len(troubled), dtype=bool)
    for name in maybe if len(troubled) else ():
        spaced |= written[name].take(troubled).str.match(r" \S").fillna(False).to_numpy(dtype=bool)
    # (Those with a value in a column without a name first: the clearest.)
    at = np.concatenate([np.flatnonzero(extra), troubled[spaced & ~extra[troubled]]])[:SPLIT_ROWS_LOOKED_AT]
    if not len(at):
        return
    at.sort()
    taken = {name: written[name].take(at).tolist() for name in header}
    as_written = [[_text(taken[name][k]) for name in header] for k in range(len(at))]
    joined_rows = [_joined_at_spaces(values) for values in as_written]
    again = pd.DataFrame(
        {name: pd.Series([joined[0][k] for joined in joined_rows], dtype="str") for k, name in enumerate(header)}
    )
    read_again: list[Problem] = []
    _validate(again, check.rows[at], read_again, splits=False)
    about_values = (ProblemCode.OTHER, ProblemCode.DROPPED)
    wrong_after = {(p.row, p.column) for p in read_again if p.code in about_values}
    errors_after = {p.row for p in read_again if p.code in about_values and p.level == ERROR}
    wrong_before = {(p.row, p.column) for p in check.problems}
    unnamed_at = [header.index(name) for name in unnamed]
    split: dict[int, tuple[str, list[str], int]] = {}  # row -> (the first cell split's column, the cells, joins)
    for i, written_row, (values, joined, where, joins) in zip(at.tolist(), as_written, joined_rows):
        row = int(check.rows[i])
        if not joined or row in errors_after or any(values[k] for k in unnamed_at):
            continue
        fits, unfit, moved = 0, False, False
        for k, value in enumerate(written_row):
            went = where[k]
            if went is None:  # (a part joined back: did it fit its column of dates, numbers or links?)
                if header[k] in TYPED:
                    fits += (row, header[k]) in wrong_before
                    unfit = unfit or (row, header[k]) not in wrong_before
                continue
            if not value or went == k:
                continue
            old, new, moved = header[k], header[went], True
            if old in TYPED and (row, old) not in wrong_before and new not in TYPED:
                unfit = True  # (it fitted its column, and moves to one of text)
            if new in TYPED and (row, new) not in wrong_after and (new != old or (row, old) in wrong_before):
                fits += 1  # (it fits where it moved back to)
            elif old in TYPED and (row, old) in wrong_before and new not in TYPED:
                fits += 1  # (it did not fit where it was: a name under source_url)
        if fits and moved and not unfit:  # (a bad value joined back with nothing after it is only hidden)
            split[row] = (header[joined[0][0]], [text for _, text in joined], joins)
    if not split:
        return
    check.problems[:] = [problem for problem in check.problems if problem.row not in split]
    for row, (column, cells, joins) in split.items():
        check.problems.append(Problem(row, column, ERROR, diagnosis.split_row(cells, joins), ProblemCode.SPLIT_ROW))
    check.refused[np.isin(check.rows, np.fromiter(split, dtype=np.int64))] = True
    check.split = frozenset(split)
    first = min(split)
    check.findings.append(diagnosis.split_rows(np.fromiter(sorted(split), dtype=np.int64), first, split[first][1][0]))


# Columns whose values are dates, numbers or links: where a value that moved shows it (_split_rows).
TYPED = frozenset(
    {"date", "end_date", "published", "latitude", "longitude", "source_url", "media", "figure", "retracted"}
)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _joined_at_spaces(values: list[str]) -> tuple[list[str], list[tuple[int, str]], list[int | None], int]:
    """A row's values with each that begins with one space joined to the one before it by a
    semicolon (as it was before a spreadsheet split it there), the later ones moved back a column
    (the last columns left empty); the cells so joined (position, text); where each value went
    (None: joined to the one before); and how many joins."""
    out: list[str] = values[:1]
    joined: list[tuple[int, str]] = []
    where: list[int | None] = [0]
    joins = 0
    for value in values[1:]:
        if value[:1] == " " and value[1:2] and not value[1:2].isspace() and out[-1]:
            out[-1] += ";" + value
            joins += 1
            where.append(None)
            if joined and joined[-1][0] == len(out) - 1:
                joined[-1] = (len(out) - 1, out[-1])
            else:
                joined.append((len(out) - 1, out[-1]))
        else:
            where.append(len(out))
            out.append(value)
    return out + [""] * (len(values) - len(out)), joined, where, joins


def _count_years(accounts: pd.DataFrame, problems: list[Problem], notes: _Notes) -> None:
    """notes.years: the accounts counted in each year (year_counts), those whose year is told
    already among `problems` left out (date_warned); and the year of the last one if it is counted."""
    start = accounts["start"].to_numpy()
    warned = date_warned(problems, accounts)
    notes.counted = None if warned is None else ~warned
    notes.years = year_counts(start if warned is None else start[~warned])
    last = len(start) - 1
    counted_last = last >= 0 and not np.isnat(start[last]) and (warned is None or not warned[last])
    notes.last_year = _year(start[last]) if counted_last else None


def kept_rows(frame: pd.DataFrame, keep: np.ndarray | slice) -> pd.DataFrame:
    """frame[keep], a copy. When a few rows are left out, the runs of rows kept, each column's
    pieces then joined in one copy (model.take_rows, csvfile.one_chunk); else Arrow's filter, which
    copies value by value (at a million rows and 20 columns of text: 0.05-0.1 s for 10-100 rows
    left out, where the filter takes 0.3 s)."""
    if isinstance(keep, slice):
        return frame[keep].copy()
    at = np.flatnonzero(keep)
    if not len(at):
        return frame[keep].copy()
    if np.count_nonzero(np.diff(at) != 1) >= FEW_RUNS:
        return filtered(frame, keep, threads=len(frame) >= THREADED_ROWS)
    return one_chunk(model.take_rows(frame, at), threads=len(frame) >= THREADED_ROWS)


FEW_RUNS = 128  # kept_rows: at most this many runs of rows kept are taken as runs


def _begin_grouping(workers: Workers, check: _Checker, keep, codes: np.ndarray, ids: pd.Index) -> model.Grouping:
    """model.begin_grouping of the accounts kept (`keep`; `codes` and `ids`: their events), from
    the dates the columns' checks read."""
    found = check.found
    dates_kept = {
        "start": found["date"].value.to_numpy()[keep],
        "start_last": np.asarray(found["date", "last"])[keep],
        "end": found["end_date"].value.to_numpy()[keep],
        "end_last": np.asarray(found["end_date", "last"])[keep],
        "offset": (found["date"].distinct_offset, found["date"].take[keep]),
    }
    return model.begin_grouping(workers, check.frame["source"][keep], codes, len(ids), dates_kept)


def _column(values, index: pd.Index):
    """A numpy array as a column of the accounts without a copy (a DataFrame copies an array
    it is given, 2-3 ms a column at a million rows), unless it is read-only: the accounts' own
    columns can be written (timeline.appends grows them). Anything else as it is."""
    if isinstance(values, np.ndarray) and values.flags.writeable:
        return pd.Series(values, index=index, copy=False)
    return values


def _check_columns(check: _Checker, workers: Workers) -> None:
    """Each column's values through its rules (schema.COLUMNS, each rule's check from CHECKS),
    a column at a time on each worker; what they say is added in the columns' order. A column
    sees the others as read, except those its rules read as checked (AFTER_OTHER: it waits
    for them), as if the columns were checked one after the other."""
    parts: dict[str, Future] = {}
    for column in schema.COLUMNS:
        after = {rule.other: parts[rule.other] for rule in column.rules if rule.check in AFTER_OTHER}
        parts[column.name] = workers.submit(_check_column, check.for_column(), column, after)
    for column in schema.COLUMNS:
        check.merge(parts[column.name].result(), column.name)


def _check_column(check: _Checker, column: schema.Column, after: dict[str, Future]) -> _Checker:
    for other, part in after.items():
        check.frame[other] = part.result().frame[other]
    for rule in column.rules:
        CHECKS[rule.check](check, column.name, rule)
    return check


def _blank(index: pd.Index) -> pd.Series:
    """A column of empty strings (a column the file does not have), without a string per row."""
    n = len(index)
    empty = pa.LargeStringArray.from_buffers(n, pa.py_buffer(np.zeros(n + 1, np.int64)), pa.py_buffer(b""))
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([empty])), index=index, dtype="str")


def _category(distinct: np.ndarray, take: np.ndarray, keep, index: pd.Index) -> pd.Series:
    """pd.Series(distinct[take][keep], dtype="str").astype("category"), without a pass over
    strings per row: distinct holds a string (or None) per distinct date written, take a
    position in it per row. Its strings are a few kinds ("day", "minute"...) among some 100,000
    distinct dates at a million rows: numbered by pd.factorize, then the few worked out in
    Python (pandas' own calls for it cost a load of a handful of rows a millisecond a column)."""
    take = take[keep]
    kinds, names = pd.factorize(distinct)  # (None: -1)
    names = names.tolist()
    used = np.zeros(len(names) + 1, dtype=bool)  # (the last: None's, never a category)
    used[kinds[np.bincount(take, minlength=len(distinct)) > 0]] = True
    # The categories as astype("category") makes them: the values used, sorted (no NA among them).
    categories = sorted(name for name, on in zip(names, used) if on and isinstance(name, str))
    position = {value: at for at, value in enumerate(categories)}
    width = np.int8 if len(categories) < 127 else np.int32
    codes = np.array([position.get(name, -1) if isinstance(name, str) else -1 for name in names] + [-1], width)
    return pd.Series(pd.Categorical.from_codes(codes[kinds][take], dtype=_categories(tuple(categories))), index=index)


@functools.lru_cache(maxsize=256)
def _categories(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    """The category type of these strings (a few sets recur: the dates' precisions and offsets)."""
    return pd.CategoricalDtype(pd.Index(categories, dtype="str"))


# --- the checks of a column's values: check(checker, column, rule), named by schema.Rule.check -----


def _required(check: _Checker, name: str, rule: schema.Rule) -> None:
    check.report(~_given(check.frame[name]), name, rule.level, rule.say(name, ""))


def _formula_error(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A formula's error value (`#REF!`, schema.sheet_value), dropped so that the column's other
    rules do not see it (its row is left out). What a spreadsheet or another program wrote in place
    of values is kept in found[name, "sheet"]: (formula errors, missing-value markers), or None
    if none, for the "missing" rule after this one and the cause said for the file (_sheet_findings)."""
    values = check.frame[name]
    errors, missing = _sheet_values(values, check.edges.get(name))
    check.found[name, "sheet"] = (errors, missing) if errors.any() or missing.any() else None
    if errors.any():
        check.report(errors, name, rule.level, lambda v: rule.say(name, v))
        check.replace(name, values.mask(errors, ""))


def _missing(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A missing-value marker (`NA`, `NULL`, schema.sheet_value), found by the "formula_error"
    rule before it: dropped, as the empty cell it stands for. A warning says(column, value); an
    error (a required column) says(column, value, what its "required" rule says of an empty cell)."""
    if (name, "sheet") not in check.found:  # (a column without that rule: found here, kept as it keeps it)
        errors, missing = _sheet_values(check.frame[name], check.edges.get(name))
        check.found[name, "sheet"] = (errors, missing) if errors.any() or missing.any() else None
    sheet = check.found[name, "sheet"]
    if sheet is None or not sheet[1].any():
        return
    missing = sheet[1]
    empty = None
    if rule.level == ERROR:
        column = next(column for column in schema.COLUMNS if column.name == name)
        empty = next((r.say(name, "") for r in column.rules if r.check == "required"), None)
    check.report(missing, name, rule.level, lambda v: rule.say(name, v, empty))
    check.replace(name, check.frame[name].mask(missing, ""))


def _sheet_values(values: pd.Series, first: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(formula errors, missing-value markers): which values are one (schema.sheet_value). Only the
    values whose first and last bytes and length may be one are looked at (_sheet_suspects), each
    distinct value once. `first`: the first byte of each value, if known (_rough_edges)."""
    errors, missing = np.zeros(len(values), dtype=bool), np.zeros(len(values), dtype=bool)
    at = _sheet_suspects(values, first)
    if at is None:
        at = np.flatnonzero(_given(values))
    if len(at):
        which, distinct = pd.factorize(values.iloc[at])
        kinds = np.array([schema.sheet_value(value) for value in distinct] + [""], dtype=object)[which]
        errors[at[kinds == "error"]] = True
        missing[at[kinds == "missing"]] = True
    return errors, missing


def _sheet_suspects(values: pd.Series, first: np.ndarray | None = None) -> np.ndarray | None:
    """The positions of the values whose bytes may be a formula's error value or a missing-value
    marker: a first byte such a value begins with (most columns have none: one pass over a byte
    per value), then, of those, a last byte that goes with it and a length of 2 to _SHEET_LONGEST
    bytes. None if the column has no Arrow text. `first`: as _rough_edges gives it, if known."""
    parts = text_buffers(values)
    if parts is None:
        return None
    found, base = [], 0
    for offsets, data in parts:
        count = len(offsets) - 1
        if len(data):
            firsts = first[base : base + count] if first is not None else np.take(data, offsets[:-1], mode="clip")
            if not _SHEET_FIRST[int(firsts.min()) : int(firsts.max()) + 1].any():  # (dates, numbers, links: none)
                base += count
                continue
            # (bytes.translate, then a bool per value: a third of the time of np.take on a table.)
            at = np.flatnonzero(np.frombuffer(firsts.tobytes().translate(_SHEET_FIRST_BYTES), dtype=np.bool_))
            if len(at):
                ends = offsets[1:][at]
                at = at[(ends - offsets[:-1][at] - 2).astype(np.uint64) <= _SHEET_LONGEST - 2]  # (2 to longest)
                pair = firsts[at].astype(np.intp) << 8 | data[offsets[1:][at] - 1]
                found.append(at[_SHEET_PAIR[pair]] + base)
        base += count
    return concatenated(found, dtype=np.int64)


_SHEET_FIRST_BYTES = _SHEET_FIRST.astype(np.uint8).tobytes()  # (a table for bytes.translate: 1 or 0)


def _slug(check: _Checker, name: str, rule: schema.Rule) -> None:
    """An id that is not a slug (schema.ID_PATTERN), each distinct id looked at once. The ids
    numbered so (pd.factorize: in order of first appearance, the events) are kept in
    found[name, "events"], for the checks across rows and the grouping into events."""
    ids = check.frame[name]
    codes, distinct = check.found[name, "events"] = pd.factorize(ids)
    if _ids_fit(distinct):
        misfit = np.zeros(len(ids), dtype=bool)
    else:
        misfit = ~np.asarray(distinct.str.fullmatch(schema.ID_PATTERN), dtype=bool)[codes]
    check.report(misfit & _given(ids), name, rule.level, lambda v: rule.say(name, v))
    check.found[name, "slug"] = misfit


def _digits(check: _Checker, name: str, rule: schema.Rule) -> None:
    """Ids made only of digits (a spreadsheet drops their zeros in front), and ids in scientific
    notation (an error, from the "slug" rule before it): together, one cause."""
    ids = check.frame[name]
    edges = _rough_edges(ids)
    if edges is not None:
        # Only digits means a digit at both ends: the pattern runs on those values alone.
        digit_ends = (edges[0] >= ord("0")) & (edges[0] <= ord("9")) & (edges[1] >= ord("0")) & (edges[1] <= ord("9"))
        digits = np.zeros(len(ids), dtype=bool)
        if digit_ends.any():
            at = np.flatnonzero(digit_ends & _given(ids))
            digits[at] = ids.iloc[at].str.fullmatch(r"[0-9]+").to_numpy(dtype=bool)
    else:
        digits = ids.str.fullmatch(r"[0-9]+").to_numpy(dtype=bool)
    check.report(digits, name, rule.level, lambda v: rule.say(name, v))
    misfit = np.asarray(check.found.get((name, "slug"), _no(ids)), dtype=bool)
    scientific = np.zeros(len(ids), dtype=bool)
    if misfit.any():
        at = np.flatnonzero(misfit)
        scientific[at] = ids.iloc[at].str.fullmatch(diagnosis.SCIENTIFIC).to_numpy(dtype=bool)
    finding = diagnosis.numeric_ids(ids, check.rows, digits, scientific)
    if finding:
        check.findings.append(finding)


def _date(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A date that cannot be read (timeline.dates): says(column, value, problem). An error leaves
    the row out, and what a spreadsheet did to such dates is diagnosed; a warning keeps the row
    without the date. found[name]: the dates read; found[name, "last"]: the last moment of each
    (for the checks across rows, worked out here: beside the other columns' checks)."""
    parsed = dates.parse_series(check.frame[name], column=name)
    _months_made_days(check.frame[name], parsed, name)
    check.notes.day_number |= _mac_day_numbers(parsed)
    if _years_read_as_months(check.frame[name], parsed, name):
        check.notes.two_years = True  # (what rows it warns depends on every row: no append read alone)
    if name != "published":
        seen, told = _days_at_midnight(check.frame[name], parsed, name)
        check.notes.midnight |= seen
        check.notes.midnights |= told
        if told and name == "date":
            check.findings.append(_midnights_finding(parsed, check.rows))
        other = {"date": "end_date", "end_date": "date"}[name]
        written_in_utc, times = _days_in_utc(check.frame[name], parsed, name, check.frame.get(other))
        check.notes.days_in_utc |= written_in_utc
        check.notes.days_in_utc_told |= bool(times)
        check.found[name, "days in utc"] = times
    if parsed.errors:
        bad = check.frame[name].str.strip().isin(list(parsed.errors)).to_numpy()
        if rule.level == ERROR:
            check.findings += diagnosis.spreadsheet_dates(name, check.frame[name], parsed.errors, check.rows)
        dropped = ProblemCode.DROPPED if rule.level == WARNING else ProblemCode.OTHER
        check.report(bad, name, rule.level, lambda v: rule.say(name, v, parsed.errors[v.strip()]), dropped)
        if rule.level == WARNING:
            parsed.leave_out(bad)
    check.found[name], check.found[name, "last"] = parsed, parsed.last()


def _months_made_days(values: pd.Series, parsed: dates.ParsedDates, name: str) -> None:
    """Each numeric date's message (03/01/22 reads two ways; 01/01/22 has a year of two digits)
    names the month it probably is, where a spreadsheet made the column's months days
    (diagnosis.months_made_days). Looked for only where such a date has a message."""
    said = {**parsed.warnings, **parsed.errors}
    if not any(diagnosis.NUMERIC_DAY.fullmatch(text) for text in said):
        return
    found = diagnosis.months_made_days(values.str.strip())
    if not found:
        return
    months, order = found
    for told in (parsed.errors, parsed.warnings):
        for text, message in told.items():
            if text in months and not dates.is_stand_in(message):
                told[text] = diagnosis.as_month(name, message, months[text], order)
    # (01/01/22 or 01.01.2022 among them reads one way, 1 January, and was kept so without a word)
    for text, month in months.items():
        if text not in parsed.errors and text not in parsed.warnings:
            parsed.warnings[text] = diagnosis.as_month(name, "", month, order)


# A year and two digits after a hyphen: a month as ISO writes it (1911-12), or two years as a
# chronology writes a season or an academic year (1826-31, 1984-85: refused as two years).
_YEAR_AND_TWO = re.compile(r"(\d{4})-(\d{2})")


def _at_midnight(parsed: dates.ParsedDates) -> tuple[np.ndarray, np.ndarray]:
    """Of a column's distinct dates, those with a time of 00:00 and no UTC offset, and those with
    a time at all; none where a date of the column has no time (a day, a month, a year): a date
    and time format writes a time in every cell, and the editor's curfews at 00:00 among days
    are meant."""
    known = ~np.isnat(parsed.distinct_value)
    timed = np.isin(parsed.distinct_precision, ("minute", "second")) & known
    if (known & ~timed).any():
        return np.zeros(len(timed), dtype=bool), timed
    return timed & (parsed.distinct_value.view(np.int64) % 86400 == 0) & (parsed.distinct_offset == ""), timed


MAC_DAYS = (dates.MAC_DAY_ZERO - dates.SPREADSHEET_DAY_ZERO).astype("timedelta64[s]")  # 1,462 days
NEAR = np.timedelta64(31 * 86400, "s")  # _mac_day_numbers: a month either way of the column's dates


def _mac_day_numbers(parsed: dates.ParsedDates) -> bool:
    """A day number refused (`43104`) whose reading in Excel's 1904 date system (a workbook of
    Excel for Mac before 2011: 5 January 2022) lies among the column's dates and whose usual one
    (4 January 2018) does not: told with that reading (a CSV does not say which system its
    workbook counted in). Whether the column has a day number refused (what it is told depends on
    every row's date: an append of one is read with the whole file)."""
    numbers = [text for text in parsed.errors if dates.is_day_number(text)]
    known = parsed.distinct_value[~np.isnat(parsed.distinct_value)]
    if not numbers or not len(known) or dates.day_zero.get() != dates.SPREADSHEET_DAY_ZERO:
        return bool(numbers)
    low, high = known.min() - NEAR, known.max() + NEAR
    for text in numbers:
        usual = dates.spreadsheet_day(text).astype("datetime64[s]")
        if low <= usual + MAC_DAYS <= high and not low <= usual <= high:
            parsed.errors[text] = dates.mac_day_number(text)
    return True


def _days_at_midnight(values: pd.Series, parsed: dates.ParsedDates, name: str) -> tuple[bool, bool]:
    """Times of 00:00 that are most of a column's times (at least two of its distinct ones, and
    half): the days of a column a spreadsheet or a program wrote in a date and time format
    (yyyy-mm-dd hh:mm), each with the time 00:00, beside the few times the editor wrote. Read as
    written, as midnight, which makes an account of the day disagree with another's time of it
    and a span end at the start of its last day: each is warned, with the day to write. (0:00,
    00:00:00 and 12:00:00 AM, as programs alone write midnight, are warned wherever they are:
    dates._midnight.) Returns whether the column has a time of 00:00 at all (an append of one is
    read with the whole file), and whether they are told (which depends on every row)."""
    at, timed = _at_midnight(parsed)
    count, times = int(np.count_nonzero(at)), int(np.count_nonzero(timed))
    if count < 2 or 2 * count < times:
        return bool(count), False
    rows = _first_rows_of(parsed)
    for i in np.flatnonzero(at & (rows >= 0)).tolist():
        text = str(values.iat[rows[i]]).strip()
        if text in parsed.warnings or text in parsed.errors:
            continue
        parsed.warnings[text] = _at_midnight_said(
            count - 1, times, name, dates.as_written(parsed.distinct_value[i], "day")
        )
    return True, True


def _at_midnight_said(others: int, times: int, column: str, day: str) -> Message:
    """_days_at_midnight's warning of a date at 00:00 (`others` more of the column's `times`)."""
    return say_n(
        "has the time 00:00, as has {n} other of the {times} different times in {column}: a spreadsheet or a "
        "program "
        "writes a day with no time so in a date and time format (yyyy-mm-dd hh:mm), and it is read as "
        "midnight; if only the day is known, write {day}; if midnight is meant, nothing is wrong",
        "has the time 00:00, as have {n} others of the {times} different times in {column}: a spreadsheet or a "
        "program "
        "writes a day with no time so in a date and time format (yyyy-mm-dd hh:mm), and it is read as "
        "midnight; if only the day is known, write {day}; if midnight is meant, nothing is wrong",
        others,
        times=times,
        column=column,
        day=day,
    )


_AT_MIDNIGHT_TEMPLATE = _at_midnight_said(1, 2, "", "").template  # (_said_midnight tells it so)


# Where a program keeps a day as the moment it began there, in UTC: the time of day in UTC
# (seconds) -> the UTC offset whose midnight it is. Offsets in use (whole hours from -12:00 to
# +13:00, and the half and three-quarter hours some places keep, in winter and in summer).
# 10:00 UTC is Hawaii's midnight (-10:00), not Kiribati's (+14:00); 11:00 UTC New Zealand's in
# summer (+13:00), not Samoa's (-11:00); 12:00 UTC is none: programs write a day at noon in UTC to
# keep it the same day everywhere.
_IN_USE = [h * 3600 for h in range(-11, 14) if h not in (0, 12)] + [
    s * (h * 3600 + m * 60)
    for s, h, m in ((-1, 9, 30), (-1, 3, 30), (-1, 2, 30), (1, 3, 30), (1, 4, 30), (1, 5, 30), (1, 5, 45))
    + ((1, 6, 30), (1, 8, 45), (1, 9, 30), (1, 10, 30), (1, 12, 45), (1, 13, 45))
]
MIDNIGHT_AT = {(-offset) % 86400: offset for offset in _IN_USE}  # (in order: the later of two is kept)
# Seconds written, as programs write a time (18:00:00, 18:00:00.000Z; not 18:00:00.500Z).
UTC_WRITTEN = ("Z", "z", "+00:00", "+0000", "+00")  # (a date's offset as written, where it is UTC's)
_PROGRAM_TIME = r"\d:\d\d:00(?:[.,]0+)?(?:[^\d.,]|$)"


def _utc_midnights(parsed: dates.ParsedDates, values: pd.Series | None = None) -> np.ndarray:
    """Of a column's distinct dates, the time of day in UTC (seconds) of each that may be a day a
    program wrote as the moment it began at another offset, converted to UTC (-1 where not): a
    time at UTC (Z, +00:00) that is midnight at an offset in use (MIDNIGHT_AT), with its seconds
    written, as programs write them (looked for in `values`, the column, where given)."""
    known = ~np.isnat(parsed.distinct_value)
    time = parsed.distinct_value.view(np.int64) % 86400
    maybe = known & np.isin(parsed.distinct_precision, ("minute", "second")) & np.isin(time, list(MIDNIGHT_AT))
    maybe &= np.isin(parsed.distinct_offset, UTC_WRITTEN)
    if values is not None and maybe.any():
        at = np.flatnonzero(maybe)
        written = pa.array(values.iloc[_first_rows_of(parsed)[at]].to_numpy(dtype=object), pa.large_string())
        maybe[at] = pc.match_substring_regex(written, _PROGRAM_TIME).to_numpy(zero_copy_only=False)
    return np.where(maybe, time, -1)


def _first_rows_of(parsed: dates.ParsedDates) -> np.ndarray:
    """A row of each of a column's distinct dates."""
    rows = np.zeros(len(parsed.distinct_value), dtype=np.int64)
    rows[parsed.take[::-1]] = np.arange(len(parsed.take) - 1, -1, -1)
    return rows


def _days_in_utc(
    values: pd.Series, parsed: dates.ParsedDates, name: str, other: pd.Series | None = None
) -> tuple[bool, dict[int, int]]:
    """Times at UTC that are most of a column's times (at least two of its distinct ones, and
    half), at one time of day that is midnight at an offset in use, or at it and at an hour
    beside it, each of two at least (the same place's clocks in summer and in winter; not both
    sides: an hourly feed's 14:00, 15:00 and 15:00, 16:00 were told), with no time at another
    offset in the column (a program that keeps days in UTC writes them all so): the days a
    program (a CMS's export,
    JavaScript's toISOString, a date picker east or west of UTC) wrote as the moment each began
    where it was entered, in UTC. `2022-01-04T18:00:00.000Z` is 5 January in Almaty: read as
    written, every event a day early, without a word. Each is warned with the day to write.
    `other`: the span's other column as written (date's for end_date, end_date's for date): where
    most rows that have both give it another time of day at UTC, they are spans of times (a daily
    window, 10:00 to 18:00 UTC), not days, and nothing is told (both were, as two places' days).
    Returns whether the column has such a time at all (an append of one is read with the whole
    file), and the times of day told, each with the offset whose midnight it is (none: nothing
    told)."""
    known = ~np.isnat(parsed.distinct_value)
    timed = np.isin(parsed.distinct_precision, ("minute", "second")) & known
    if not timed.any() or (known & ~timed).any():
        return False, {}
    times = _utc_midnights(parsed, values)
    if not (times >= 0).any():
        return False, {}
    found, counts = np.unique(times[times >= 0], return_counts=True)
    count_of = dict(zip(found.tolist(), counts.tolist()))
    main = int(found[np.argmax(counts)])
    there = MIDNIGHT_AT[main]  # (an hour earlier in UTC: the same place's clocks an hour ahead, in summer)
    beside = [(t, shift) for t, shift in ((main - 3600, 3600), (main + 3600, -3600)) if count_of.get(t, 0) >= 2]
    told = {t: there + shift for t, shift in [(main, 0), *sorted(beside, key=lambda b: -count_of[b[0]])[:1]]}
    count, all_times = sum(count_of[t] for t in told), int(np.count_nonzero(timed))
    elsewhere = timed & (times < 0) & ~np.isin(parsed.distinct_offset, ("", *UTC_WRITTEN))
    if count < 2 or 2 * count < all_times or elsewhere.any() or _times_of_a_span(parsed, times, told, other):
        return True, {}
    rows = _first_rows_of(parsed)
    for i in np.flatnonzero(np.isin(times, list(told))).tolist():
        text = str(values.iat[rows[i]]).strip()
        if text not in parsed.warnings and text not in parsed.errors:
            at = int(times[i])
            parsed.warnings[text] = _day_in_utc_said(
                parsed.distinct_value[i], told[at], count_of[at] - 1, all_times, name
            )
    return True, told


_UTC_TIME_OF_DAY = r"[T ](?P<hour>[0-2][0-9]):(?P<minute>[0-5][0-9]):00(?:[.,]0+)?(?:Z|z|\+00:?00)\s*$"


def _times_of_a_span(parsed: dates.ParsedDates, times: np.ndarray, told: dict, other: pd.Series | None) -> bool:
    """Whether most rows at a time told that have a time at UTC in the span's other column
    (`other`, as written) have another time of day there: a span of times each day, not days."""
    if other is None:
        return False
    rows = np.isin(times, list(told))[parsed.take]
    if not rows.any():
        return False
    written = pa.array(other.to_numpy(dtype=object)[rows], pa.large_string())
    parts = pc.extract_regex(written, _UTC_TIME_OF_DAY)
    given = pc.is_valid(parts).to_numpy(zero_copy_only=False)
    if not given.any():
        return False
    hours = pc.cast(pc.struct_field(parts, "hour"), pa.int64()).to_numpy(zero_copy_only=False)
    minutes = pc.cast(pc.struct_field(parts, "minute"), pa.int64()).to_numpy(zero_copy_only=False)
    seconds = (hours * 3600 + minutes * 60)[given]
    return 2 * int(np.count_nonzero(~np.isin(seconds, list(told)))) > len(seconds)


def _day_meant(value, there: int) -> np.datetime64:
    """The day that began at the moment `value` (a time at UTC) where the clocks were `there`
    seconds ahead of UTC."""
    return pd.Timestamp(value).as_unit("s").to_datetime64() + np.timedelta64(there, "s")


def _utc_time(value) -> str:
    """18:00 UTC."""
    hour, minute = dates.fields(value)[3:5]
    return f"{hour:02d}:{minute:02d} UTC"


def _day_in_utc_said(value, there: int, others: int, times: int, column: str) -> Message:
    """_days_in_utc's warning of a date, midnight where the clocks were `there` seconds ahead of
    UTC (`others` more of the column's `times` told so)."""
    meant = _day_meant(value, there)
    return say_n(
        "is {time}, as is {n} other of the {times} different times in {column}: that is midnight at UTC{there}, "
        "and a program that keeps days as moments in UTC writes a day with no time so; it is read as written, "
        "{time} on {written}; if the day {day} is meant, write {iso}; if the time is meant, nothing is wrong",
        "is {time}, as are {n} others of the {times} different times in {column}: that is midnight at UTC{there}, "
        "and a program that keeps days as moments in UTC writes a day with no time so; it is read as written, "
        "{time} on {written}; if the day {day} is meant, write {iso}; if the time is meant, nothing is wrong",
        others,
        times=times,
        column=column,
        time=_utc_time(value),
        there=dates.as_offset(there),
        written=dates.Day.of(*dates.fields(value)[:3]),
        day=dates.Day.of(*dates.fields(meant)[:3]),
        iso=dates.as_written(meant, "day"),
    )


def _ends_in_utc(check: _Checker) -> None:
    """An end_date at a time of day date's are told at (_days_in_utc), where end_date's own are
    too few to be told: a span's end written by the same program, read a day early as its start."""
    told = check.found.get(("date", "days in utc"), {})
    if not told or check.found.get(("end_date", "days in utc")):
        return
    parsed = check.found["end_date"]
    times = _utc_midnights(parsed)
    at = np.isin(times, list(told))
    if not at.any():
        return
    values = check.frame["end_date"]
    rows = at[parsed.take] & ~values.str.strip().isin(list(parsed.warnings) + list(parsed.errors)).to_numpy()
    read = dict(zip(values[rows].tolist(), parsed.value[rows].tolist()))
    time_of = dict(zip(values[rows].tolist(), times[parsed.take[rows]].tolist()))

    def said(v: str) -> Message:
        there = told[time_of[v]]
        meant = _day_meant(read[v], there)
        return say(
            "end_date {value} is {time}, as most of the times in date are: that is midnight at UTC{there}, and a "
            "program that keeps days as moments in UTC writes a day with no time so; if the span ends on {day}, "
            "write {iso}; if the time is meant, nothing is wrong",
            value=show(v),
            time=_utc_time(read[v]),
            there=dates.as_offset(there),
            day=dates.Day.of(*dates.fields(meant)[:3]),
            iso=dates.as_written(meant, "day"),
        )

    check.report(rows, "end_date", WARNING, said)


def _midnights_finding(parsed: dates.ParsedDates, rows: np.ndarray) -> Finding:
    """The cause of date's times of 00:00 told (_days_at_midnight), said once for the file."""
    at = rows[_at_midnight(parsed)[0][parsed.take]]
    return Finding(
        at,
        Problem(
            0,
            "",
            WARNING,
            say(
                "{count:,} rows have a date at 00:00, as a spreadsheet or a program writes days with no time in a date "
                "and time format (yyyy-mm-dd hh:mm): they are read as midnight, which makes an account of a day "
                "disagree with another's time of it, and a span end as its last day begins; if they are days, write "
                "them without the time (2022-01-05), keeping the times that were written",
                count=len(at),
            ),
        ),
    )


def _years_read_as_months(values: pd.Series, parsed: dates.ParsedDates, name: str) -> bool:
    """A month written YYYY-MM that may be two years (1911-12: December 1911, or 1911 to 1912) is
    warned with both readings where the column writes two years so elsewhere (1826-31, refused):
    there the editor's 1911-12 is as likely the years 1911 to 1912. Looked for only then: whether
    the column holds such two years."""
    spans = sorted(text for text in parsed.errors if _YEAR_AND_TWO.fullmatch(text))
    if not spans:
        return False
    shaped = pd.unique(values[values.str.fullmatch(r"\s*\d{4}-\d{2}\s*")].str.strip())
    for text in shaped:
        year, two = (int(part) for part in _YEAR_AND_TWO.fullmatch(text).groups())  # type: ignore[union-attr]
        last = year - year % 100 + two
        if text in parsed.errors or text in parsed.warnings or not (1 <= two <= 12 and last > year):
            continue
        parsed.warnings[text] = say(
            "is read as the month {month}, but {column} also holds two years written so ({example}): if it is "
            "the years {first} to {last}, write {first} in date and {last} in end_date; if it is the month, write "
            "{words} to say so",
            month=dates.Day.of(year, two),
            column=name,
            example=show(spans[0]),
            first=year,
            last=last,
            words=f"{calendar.month_name[two]} {year}",
        )
    return True


def _caveat(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A date read (by the "date" rule before it) with something to say of it: says(column, value, what)."""
    _caveats(check, name, rule, check.found[name], check.frame[name])


def _caveats(check: _Checker, name: str, rule: schema.Rule, parsed: dates.ParsedDates, text: pd.Series) -> None:
    """Each value of text that parsed has a warning for, told with it (rule.say)."""
    if parsed.warnings:
        # (An offset or a zone left out is a value dropped: ProblemCode.DROPPED, which `add` refuses.)
        dropped = [text for text, said in parsed.warnings.items() if dates.drops_offset(said)]
        written = text.str.strip()
        for texts, code in (
            ([t for t in parsed.warnings if t not in dropped], ProblemCode.OTHER),
            (dropped, ProblemCode.DROPPED),
        ):
            if texts:
                caveat = written.isin(texts).to_numpy()
                check.report(caveat, name, rule.level, lambda v: rule.say(name, v, parsed.warnings[v.strip()]), code)


def _link(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A value that is not a web link (links.is_web_link) is dropped: the account is kept, with
    the column empty, so the value is never rendered or exported. Those dropped for ?? where
    letters were (links.LOST) are kept in found[name, "question_marks"], for the cause said once
    (_lost_letters_finding)."""
    values = check.frame[name]
    given = _given(values)
    if not given.any():  # (a column the file does not have, or leaves empty)
        return
    bad = given & ~_web_links(values)
    if bad.any():
        check.report(bad, name, rule.level, lambda v: rule.say(name, v), ProblemCode.DROPPED)
        if _may_hold_question_marks(values):
            lost = values.str.contains(links.LOST, regex=False).to_numpy(dtype=bool)
            check.found[name, "question_marks"] = bad & lost
        check.replace(name, values.mask(bad, ""))


def _link_slip(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A web link (kept by the "link" rule before it) that probably holds a slip (links.slip: an
    &amp;, or a sentence's punctuation at its end): a warning, the link kept. Only the values that
    end with such a byte (_rough_edges) or hold an & (if the column's bytes hold '&amp;') are looked
    at, each distinct value once."""
    values = check.frame[name]
    given = _given(values)
    if not given.any():
        return
    last = _last_bytes(values)
    # (bytes.translate, then a bool per value: a third of the time of a numpy table lookup.)
    suspect = (
        np.frombuffer(last.tobytes().translate(_SLIP_END_BYTES), dtype=np.bool_)
        if last is not None
        else np.ones(len(values), dtype=bool)
    )
    amp = links.AMP.encode()
    if last is not None and _may_hold(values, b"&") and (_may_hold(values, amp) or _may_hold(values, amp.upper())):
        suspect = suspect | _holding_byte(values, ord("&"))
    at = np.flatnonzero(suspect & given)
    if not len(at):
        return
    which, distinct = pd.factorize(values.iloc[at])
    slipped = np.zeros(len(values), dtype=bool)
    slipped[at] = np.array([links.slip(value) != "" for value in distinct], dtype=bool)[which]
    check.report(slipped, name, rule.level, lambda v: rule.say(name, v))


_SLIP_END = np.zeros(256, dtype=bool)  # the last bytes of a link that _link_slip looks at
_SLIP_END[[character.encode()[-1] for character in links.TRAILING]] = True  # (of ” its last byte, 0x9D)
_SLIP_END_BYTES = _SLIP_END.astype(np.uint8).tobytes()


def _needs(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A value given without one in rule.other (as written: a link dropped still counts)."""
    check.report(
        _given(check.frame[name]) & ~_given(check.written[rule.other]), name, rule.level, lambda v: rule.say(name, v)
    )


def _picture_alt(check: _Checker, name: str, rule: schema.Rule) -> None:
    """Empty where rule.other is a link to a picture (media.kind): says(column, the link)."""
    frame = check.frame
    at = np.flatnonzero(_given(frame[rule.other]) & ~_given(frame[name]))
    if not len(at):
        return
    # media.kind decides, for each distinct link that names an image suffix anywhere (one pass).
    named = pc.match_substring_regex(pa.array(frame[rule.other].iloc[at].array), _IMAGE_SUFFIX, ignore_case=True)
    at = at[named.to_numpy(zero_copy_only=False)]
    urls = frame[rule.other].iloc[at]
    which, distinct = pd.factorize(urls)
    picture = np.array([media_kind(url) == IMAGE for url in distinct], dtype=bool)[which]
    for i, url in zip(at[picture], urls.to_numpy(dtype=object)[picture]):
        check.problems.append(Problem(int(check.rows[i]), name, rule.level, rule.say(name, url)))


def _number(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A value that is not a plain number (schema.NUMBER); found[name]: the numbers, NaN where none."""
    text = check.frame[name]
    given = _given(text)
    if not given.any():  # (a column the file does not have, or leaves empty)
        check.found[name] = np.full(len(text), np.nan)
        check.found[name, "codes"] = np.full(len(text), -1, dtype=np.intp)
        return
    # Each distinct value once: numbers repeat (one place, many rows).
    codes, distinct = pd.factorize(text)
    distinct = pd.Series(distinct, dtype=text.dtype)
    parsed = pd.to_numeric(distinct.where(distinct.str.fullmatch(schema.NUMBER), None), errors="coerce")
    number = parsed.to_numpy(dtype=float)[codes] if len(distinct) else np.full(len(text), np.nan)
    # (a figure of 310 digits or more is infinite as a float: "inf dead" on the page, said nothing;
    # a coordinate so is out of its range, and said so)
    number = np.where((codes < 0) | (np.isinf(number) if name == "figure" else False), np.nan, number)
    check.report(given & np.isnan(number), name, rule.level, lambda v: rule.say(name, v))
    check.found[name] = number
    check.found[name, "codes"] = codes  # (each value's distinct text: a place's coordinates once, _points)


def _thousands(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A number (read by the "number" rule before it) written as 1.000 or 2.500.000: a dot before
    each group of three digits, as many languages separate thousands (1.000 dead is a thousand),
    or a decimal point (1.000 is 1): refused, naming both."""
    number = check.found[name]
    maybe = np.flatnonzero(np.abs(number) < 1000)  # (1.000 reads as 1: NaN, no number, is never below)
    if not len(maybe):  # (no number, as in most files: nothing to look at)
        return
    text = check.frame[name]
    codes, distinct = pd.factorize(text.iloc[maybe])
    pattern = re.compile(r"\s*[+-]?[1-9]\d{0,2}(?:\.\d{3})+\s*")
    hit = np.array([bool(pattern.fullmatch(value)) for value in distinct], dtype=bool)
    dotted = np.zeros(len(text), dtype=bool)
    dotted[maybe] = hit[codes] if len(distinct) else False
    if dotted.any():
        check.report(
            dotted,
            name,
            rule.level,
            lambda v: rule.say(name, v, v.strip().replace(".", ""), f"{float(v):g}"),
        )
        check.found[name] = np.where(dotted, np.nan, check.found[name])


def _range(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A number (read by the "number" rule before it) beyond -rule.limit to rule.limit."""
    check.report(np.abs(check.found[name]) > rule.limit, name, rule.level, lambda v: rule.say(name, v, rule.limit))


def _retracted(check: _Checker, name: str, rule: schema.Rule) -> None:
    """Neither a yes (schema.RETRACTED_WORDS), a no (schema.NOT_RETRACTED_WORDS: not
    retracted, as an empty cell) nor a date; found[name]: (retracted, the date it was
    withdrawn, NaT unless one is given, and the precision of each as ParsedDates holds it:
    the distinct precisions and a position in them per row); found[name, "last"]: the last
    moment of each date."""
    text = check.frame[name]
    if not _given(text).any():  # (a column the file does not have, or leaves empty)
        never = np.full(len(text), np.datetime64("NaT"), dates.UNIT)
        no_precision = (np.array([""], dtype=object), np.zeros(len(text), dtype=np.int64))
        check.found[name] = (np.zeros(len(text), dtype=bool), never, *no_precision)
        check.found[name, "last"] = never
        return
    lower = text.str.lower()
    flagged = lower.isin(list(schema.RETRACTED_WORDS)).to_numpy()
    dated_text = text.where(~flagged & ~lower.isin(list(schema.NOT_RETRACTED_WORDS)).to_numpy(), "")
    parsed = dates.parse_series(dated_text, column=name)
    on = parsed.value.to_numpy()
    unreadable = _given(dated_text) & np.isnat(on)

    def said(value: str):
        """A date refused for a reason of its own (08/01/22 reads two ways) is told as `date`
        would tell it; anything else, as no yes, no or date (a number of one or two digits too:
        no year anyone means, and 1 and 0 are yes and no)."""
        problem = parsed.errors.get(value.strip())
        small = len(value.strip()) <= 2 and value.strip().isdigit()
        if isinstance(problem, Message) and problem.template != dates.UNREADABLE.template and not small:
            return schema.date_problem(name, value, problem)
        return rule.say(name, value)

    check.report(unreadable, name, rule.level, said)
    _caveats(check, name, schema.DATE_CAVEAT, parsed, dated_text)  # (a date read, with something to say of it)
    check.found[name] = (flagged | ~np.isnat(on), on, parsed.distinct_precision, parsed.take)
    check.found[name, "last"] = np.asarray(parsed.last())  # (the last moment of each date, at its precision)


def _place(check: _Checker, name: str, rule: schema.Rule) -> None:
    """Rows with a location and no coordinates, placed where the gazetteer's one town of that
    name is: found[name] = (approximate, latitude, longitude), approximate True where a row was
    placed so. Each such location is a warning on its first row (placed_warning), with the
    coordinates to write; notes.places gets each such location's (rows, first row)."""
    approximate = np.zeros(len(check.frame), dtype=bool)
    latitude, longitude = np.full(len(approximate), np.nan), np.full(len(approximate), np.nan)
    check.found[name] = (approximate, latitude, longitude)
    location = check.frame[name]
    unplaced = _given(location) & ~_given(check.frame["latitude"]) & ~_given(check.frame["longitude"])
    if not unplaced.any():
        return
    codes, names = pd.factorize(location[unplaced])  # (stripped already: _validate strips every column)
    rows = np.flatnonzero(unplaced)
    for code, place_name in enumerate(names):
        match = places.lookup(place_name)
        if match.place is None and not match.ambiguous:
            written = schema.coordinates_in(place_name)
            if written is not None:  # (43.2567, 76.9286 in location: the row was off the map, unsaid)
                for row in rows[codes == code].tolist():
                    check.problems.append(_coordinates_in_location(int(check.rows[row]), place_name, *written))
            continue
        which = rows[codes == code]
        if match.place is not None:
            place = match.place
            latitude[which], longitude[which], approximate[which] = place.latitude, place.longitude, True
        check.notes.places[place_name] = (len(which), int(check.rows[which[0]]))
        check.problems.append(placed_warning(place_name, *check.notes.places[place_name]))


def _coordinates_in_location(row: int, value: str, latitude: str, longitude: str) -> Problem:
    return Problem(
        row,
        "location",
        WARNING,
        say(
            "location {value} is a latitude and a longitude, which the map reads only from their own columns, so "
            "the row is not on the map; write {latitude} in latitude and {longitude} in longitude (if the first is "
            "the latitude, as a map copies a place), and the place's name in location",
            value=show(value),
            latitude=latitude,
            longitude=longitude,
        ),
    )


def placed_warning(name: str, count: int, row: int) -> Problem:
    """The warning on the first row of a location with no coordinates that names one town (it is
    placed there) or several (it is not placed); `count`: the rows with that location."""
    match = places.lookup(name)
    # (English says "rows" even of one: "and 1 more rows", as before)
    more = say_n(" (and {n:,} more rows)", " (and {n:,} more rows)", count - 1) if count > 1 else ""
    if match.place is None:
        towns = "; ".join(p.label() for p in match.candidates[:3]) + ("..." if len(match.candidates) > 3 else "")
        # (the first town that naming its country or state tells apart: San José, CR is two of Costa Rica's)
        names = (places.telling_name(p) for p in match.candidates)
        example, state = next((told for told in names if places.lookup(told[0]).place is not None), ("", False))
        if not example:
            return _placed_nowhere(name, more, match.candidates, row)
        said = {
            "name": show(name),
            "more": more,
            "count": len(match.candidates),
            "towns": towns,
            "example": show(example),
        }
        return Problem(
            row,
            "location",
            WARNING,
            say(
                "location {name} has no latitude and longitude{more}, and {count} towns have that "
                "name ({towns}): to place it on the map, add its coordinates, or name its state or province "
                "(e.g. {example})",
                **said,
            )
            if state  # (Springfield, IL: towns of one country told apart)
            else say(
                "location {name} has no latitude and longitude{more}, and {count} towns have that "
                "name ({towns}): to place it on the map, add its coordinates, or name the country "
                "(e.g. {example})",
                **said,
            ),
            ProblemCode.PLACED_BY_NAME,
        )
    place = match.place
    return Problem(
        row,
        "location",
        WARNING,
        say(
            "location {name} has no latitude and longitude{more}; the map places it "
            "approximately, at the one town of that name, {place}. To place it exactly, add "
            "latitude {latitude:.4f} and longitude {longitude:.4f}, or the place's own "
            "coordinates",
            name=show(name),
            more=more,
            place=place.label(),
            latitude=place.latitude,
            longitude=place.longitude,
        ),
        ProblemCode.PLACED_BY_NAME,
    )


def _placed_nowhere(name: str, more, candidates: tuple[places.Place, ...], row: int) -> Problem:
    """placed_warning's, where the towns of the name are not told apart by naming their country
    (or state): each said with its coordinates, the largest first, for the editor to write the
    one meant's."""
    towns = sorted(candidates, key=lambda p: -p.population)
    said = "; ".join(f"{p.label()[:-1]}: {p.latitude:.4f}, {p.longitude:.4f})" for p in towns[:3])
    return Problem(
        row,
        "location",
        WARNING,
        say(
            "location {name} has no latitude and longitude{more}, and {count} towns that naming the country does "
            "not tell apart have that name ({towns}): to place it on the map, add the coordinates of the one "
            "meant",
            name=show(name),
            more=more,
            count=len(candidates),
            towns=said + ("..." if len(towns) > 3 else ""),
        ),
        ProblemCode.PLACED_BY_NAME,
    )


def _html(check: _Checker, name: str, rule: schema.Rule) -> None:
    text = check.frame[name]
    # A tag needs a "<": the full pattern (Python's regex, for \s) runs on those values only.
    html = text.str.contains("<", regex=False) if _may_hold(text, b"<") else _no(text)
    if html.any():
        html[html] = text[html].str.contains(_HTML, regex=True)
    check.report(html, name, rule.level, lambda v: rule.say(name, v))


def _formula(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A value a spreadsheet may run as a formula (schema.FORMULA_START), unless a plain number."""
    text = check.frame[name]
    first = check.edges.get(name)
    if first is not None:
        formula = np.take(_FORMULA_BYTE, first)
        if formula.any():
            formula &= _given(text)
        formula = pd.Series(formula, index=text.index)
    else:
        exact = _edge_bytes(text)
        formula = (
            pd.Series(_FORMULA_BYTE[exact[0]], index=text.index)
            if exact is not None
            else text.str.startswith(schema.FORMULA_START)
        )
    if formula.any():
        formula[formula] = ~text[formula].str.fullmatch(schema.NUMBER)
    # (An apostrophe before one, as the page's download writes it: view.export.neutralise.)
    quoted = (
        pd.Series(np.asarray(first) == ord("'"), index=text.index) if first is not None else text.str.startswith("'")
    )
    if quoted.any():
        formula |= quoted & text.str.match(r"'[=+\-@]")
    check.report(formula, name, rule.level, lambda v: rule.say(name, v))


def _direction(check: _Checker, name: str, rule: schema.Rule) -> None:
    """An invisible Unicode direction override (schema.DIRECTION). Only a column whose bytes
    hold one of them is searched value by value (and none of an all-ASCII file)."""
    text = check.frame[name]
    if check.ascii or not _may_match(text, _DIRECTION_BYTES):
        return
    check.report(text.str.contains(schema.DIRECTION, regex=True), name, rule.level, lambda v: rule.say(name, v))


def _look_alike(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A name that looks like another and is not (schema.looks_like_another: `АFP`, a Cyrillic А):
    says(column, value, what tells it apart, the value it looks like). Only values that are not
    ASCII are looked at (none of an all-ASCII file), each distinct one once."""
    values = check.frame[name]
    if check.ascii:
        return
    other = ~pc.string_is_ascii(pa.array(values.array)).to_numpy(zero_copy_only=False)
    at = np.flatnonzero(other)
    if not len(at):
        return
    which, distinct = pd.factorize(values.iloc[at])
    alike = np.array([schema.looks_like_another(value) for value in distinct], dtype=bool)
    found = np.zeros(len(values), dtype=bool)
    found[at[alike[which]]] = True
    check.report(found, name, rule.level, lambda v: rule.say(name, v, schema.unlike(v), schema.fold(v)))


def _long(check: _Checker, name: str, rule: schema.Rule) -> None:
    """A value of more than rule.limit characters: says(column, value, limit)."""
    check.report(_longer(check.frame[name], rule.limit or 0), name, rule.level, lambda v: rule.say(name, v, rule.limit))


def _garbled(check: _Checker, name: str, rule: schema.Rule) -> None:
    """Text garbled by a wrong encoding (`Tokayevâ€™s`, `РџСЂРѕС‚РµСЃС‚`): says(column, value, ftfy's
    reading of it). Every such text holds a character from U+00C2 to U+00EF (which UTF-8 writes
    with the byte C3), or Р or С: columns without one are not looked at. The cause is said once
    (_garbled_finding). Letters a save could not keep, as ?, are the other damage an encoding
    does to text (_lost_letters)."""
    _lost_letters(check, name, rule)
    values = check.frame[name]
    if check.ascii or not any(_may_hold(values, needle) for needle in diagnosis.MOJIBAKE_BYTES):
        return
    found = diagnosis.garbled(values)
    if not found:
        return
    at = values.isin(list(found)).to_numpy()
    check.report(at, name, rule.level, lambda v: rule.say(name, v, found[v]))
    check.garbled[name] = (check.rows[at], found)


def _lost_letters(check: _Checker, name: str, rule: schema.Rule) -> None:
    """Question marks where letters were (diagnosis.lost_letters: `?????? orders`, `????`), as a
    spreadsheet writes them when it saves in a character set without those letters: the file is
    then ASCII, and they are all that shows it. A warning each, the text kept; which rows hold them
    is kept in found[name, "question_marks"] for the cause said once (_lost_letters_finding). Only
    a column whose bytes hold a ? is looked at (a memchr over its text: nothing in most files), and
    in it only the values with a ? that may stand for a letter (_letter_question_marks)."""
    values = check.frame[name]
    if not _may_hold(values, b"?"):
        return
    at = np.flatnonzero(_letter_question_marks(values))
    lost = np.zeros(len(values), dtype=bool)
    lost[at] = diagnosis.lost_letters(values.iloc[at]) if len(at) else False
    if lost.any():
        check.report(
            lost, name, rule.level, lambda v: diagnosis.lost_letters_message(name, v), ProblemCode.LOST_LETTERS
        )
        check.found[name, "question_marks"] = lost


CHECKS = {
    "required": _required,
    "formula_error": _formula_error,
    "missing": _missing,
    "slug": _slug,
    "digits": _digits,
    "date": _date,
    "caveat": _caveat,
    "link": _link,
    "link_slip": _link_slip,
    "needs": _needs,
    "picture_alt": _picture_alt,
    "number": _number,
    "thousands": _thousands,
    "range": _range,
    "retracted": _retracted,
    "place": _place,
    "html": _html,
    "formula": _formula,
    "direction": _direction,
    "long": _long,
    "look_alike": _look_alike,
    "garbled": _garbled,
}
# The checks that read the column rule.other as checked (its values after its own checks, which
# may drop some), not as read: its checks run first (_check_columns).
AFTER_OTHER = {"picture_alt"}


# --- the checks across rows and columns, after every column's own (ACROSS, in this order) ---------


def _years_as_days(check: _Checker) -> None:
    """A date that is probably a year a spreadsheet turned into a day (1905-07-14 is day 2022),
    among the rows that the id and the dates leave in."""
    start, end, published = (check.found[name] for name in schema.DATE_COLUMNS)
    kept = ~check.refused_in(("id", *schema.DATE_COLUMNS))
    window = diagnosis.in_year_window(start, end, published)
    for column, parsed, others in (("date", start, [end, published]), ("end_date", end, [start, published])):
        values = check.frame[column]
        said_short = [text for text, said in parsed.warnings.items() if dates.says_two_digit_year(said)]
        short = values.str.strip().isin(said_short).to_numpy() if said_short else None
        window = window or diagnosis.short_in_year_window(parsed, short)
        flagged, year, finding = diagnosis.years_as_days(column, parsed, others, check.rows, kept, short)
        if finding is None:
            continue
        year_of = dict(zip(values[flagged].tolist(), year[flagged].tolist()))
        # (1905-07-14 00:00, a year in a date and time format: not told its day to write, as a time
        # of 00:00 is, but its year)
        rows = set(check.rows[flagged].tolist())
        check.problems[:] = [
            p
            for p in check.problems
            if not (
                p.row in rows
                and p.column == column
                and p.level == WARNING
                and (_said_midnight(p.text) or dates.says_two_digit_year(getattr(p.text, "values", {}).get("problem")))
            )
        ]
        # (a year of two digits: the date it reads as named too, as likely a date of its own: 7/7/05)
        read = parsed.value.to_numpy()
        short_of = {} if short is None else {values.iat[i]: read[i] for i in np.flatnonzero(flagged & short)}
        check.report(
            flagged,
            column,
            WARNING,
            lambda v, column=column, year_of=year_of, short_of=short_of: diagnosis.year_as_day_message(
                column, v, year_of[v], short_of.get(v)
            ),
        )
        check.findings.append(finding)
        firsts = _firsts_of_months(parsed, kept, flagged, check.rows, column)
        if firsts is not None:
            check.findings.append(firsts)
    check.notes.year_window = window


def _said_midnight(text) -> bool:
    """Whether a date's warning (schema.DATE_CAVEAT's) is only that its time, 00:00, is how a
    program writes a day (dates.says_midnight, _days_at_midnight)."""
    said = getattr(text, "values", {}).get("problem")
    return dates.says_midnight(said) or getattr(said, "template", None) == _AT_MIDNIGHT_TEMPLATE


def _firsts_of_months(
    parsed: dates.ParsedDates, kept: np.ndarray, years: np.ndarray, rows: np.ndarray, column: str
) -> Finding | None:
    """Where a spreadsheet made years days (_years_as_days), the column's format (yyyy-mm-dd) made
    a month its first day (2022-01 as 2022-01-01) and dropped a time (16:30) too, and nothing
    shows which: said once, for the file, where every other date of the column is a day and some
    are the 1st of a month (None otherwise)."""
    value = parsed.value.to_numpy()
    precision = np.asarray(parsed.distinct_precision, dtype=object)[parsed.take]
    others = kept & ~years & ~np.isnat(value)
    if not others.any() or (precision[others] != "day").any():
        return None
    first = others & (value.astype("datetime64[D]") == value.astype("datetime64[M]").astype("datetime64[D]"))
    if not first.any():
        return None
    return Finding(  # (the rows of the years made days: said where their cause is, diagnosis.first)
        rows[years],
        Problem(
            0,
            column,
            WARNING,
            say(
                "{count:,} dates in {column} are the 1st of a month, such as {example!r}, and none of its dates is a "
                "month or has a time: the format that made years days (yyyy-mm-dd) writes a month (2022-01) as its "
                "first day (2022-01-01) and drops a time (16:30) too; where one of these was a month, or a date had "
                "a time, write it again as it was",
                count=int(np.count_nonzero(first)),
                column=column,
                example=str(np.datetime_as_string(value[first][0], unit="D")),
            ),
        ),
    )


def _end_on_start_clock(check: _Checker) -> None:
    """An end written with another UTC offset than its start's (23:00+06:00 to 18:00Z) is read on
    the start's clock (00:00+06:00 the next day): the span is checked, drawn and shown as the
    moments written. An end with an offset after a start at a time with none is read on the
    start's clock as it is written, with a warning: the two may be hours apart. After a start
    of a day (or a month, a year) it is read as written too, and warned: the page shows its time
    with no offset, which a reader takes for the place's clock."""
    start, end = check.found["date"], check.found["end_date"]
    end_seconds, end_given = dates.offset_seconds(end.distinct_offset)
    if not end_given.any():
        return  # (nearly every file)
    at = np.flatnonzero(end_given[end.take])
    start_seconds, start_given = dates.offset_seconds(start.distinct_offset)
    own, theirs = start.take[at], end.take[at]
    given = start_given[own]
    shift = start_seconds[own] - end_seconds[theirs]
    moved = given & (shift != 0)
    if moved.any():
        end.moved(at[moved], shift[moved], start.distinct_offset[own[moved]])
        check.found["end_date", "last"] = end.last()
        check.found["end_date", "moved"] = at[moved]  # (rows: told as written, _end_before_start)
    timed = ~given & (start.distinct_precision[own] == "minute")
    dated = ~np.isnat(np.asarray(start.distinct_value)[own])  # (a date refused or left empty: said already)
    said: dict = {}
    for row in at[~given & ~timed & dated].tolist():
        key = (check.frame["end_date"].iat[row], check.frame["date"].iat[row].strip())
        if key not in said:  # (each pair told once: a file of many such rows)
            said[key] = say(
                "end_date {value} gives a UTC offset and the date {start} gives no time: the page shows the end's "
                "time without the offset, which a reader takes for the clocks where the event was; write it as "
                "those clocks showed it, without the offset",
                value=show(key[0]),
                start=show(key[1]),
            )
        check.problems.append(Problem(int(check.rows[row]), "end_date", WARNING, said[key]))
    for row in at[timed].tolist():
        when, until = check.frame["date"].iat[row].strip(), check.frame["end_date"].iat[row]
        check.problems.append(
            Problem(
                int(check.rows[row]),
                "end_date",
                WARNING,
                say(
                    "end_date {value} gives a UTC offset and the date {start} gives none: the page shows both "
                    "on one clock without saying which; give the date its offset too (e.g. {example}), or "
                    "leave it off both",
                    value=show(until),
                    start=show(when),
                    example=when + str(end.distinct_offset[end.take[row]]),
                ),
            )
        )


_PAIRED = 200_000  # (an event and a UTC offset as one number: offsets run from -43,200 s to +50,400 s)


def _published_on_one_clock(check: _Checker) -> None:
    """Publication times of one event's accounts written at different UTC offsets (02:00+06:00
    on 9 January beside 22:00Z on the 8th, two hours later) are compared and shown as the times
    written, with no offset: the later was put first. They are read on one clock, the offset
    most of them give (the first row's where as many give another), each moved onto it warned
    with the time to write. Only within an event: a file's times in one place's zone across a
    change of its clocks (London's +00:00 and +01:00) are not moved where no event mixes them."""
    published = check.found["published"]
    east, given = dates.offset_seconds(published.distinct_offset)
    if not given.any():
        return  # (nearly every file)
    rows = np.flatnonzero(given[published.take])
    seconds = east[published.take[rows]]
    check.notes.published_offset = True
    codes = np.asarray(check.found["id", "events"][0])[rows].astype(np.int64)
    # Each (event, offset) once: its rows and its first row; the events with more than one.
    pairs, first, inverse, counts = np.unique(
        codes * _PAIRED + (seconds + _PAIRED // 2), return_index=True, return_inverse=True, return_counts=True
    )
    pair_events = pairs // _PAIRED
    events, per_event = np.unique(pair_events, return_counts=True)
    mixed = events[per_event > 1]
    if not len(mixed):
        return
    # The clock of each mixed event: its pair of most rows, then of the first row.
    candidates = np.flatnonzero(np.isin(pair_events, mixed))
    ranked = candidates[np.lexsort((first[candidates], -counts[candidates], pair_events[candidates]))]
    chosen = ranked[np.r_[True, pair_events[ranked][1:] != pair_events[ranked][:-1]]]
    # (chosen is in the order of the events, as `mixed` is: each row's event's pair looked up)
    pair_of_row = inverse.reshape(-1)
    in_mixed = np.isin(codes, mixed)
    target = chosen[np.searchsorted(mixed, codes[in_mixed])]
    away = target != pair_of_row[in_mixed]
    moved = rows[in_mixed][away]
    if not len(moved):
        return
    target_rows = rows[first[target[away]]]  # (a row written at each moved row's clock)
    shift = east[published.take[target_rows]] - east[published.take[moved]]
    offsets = np.asarray(published.distinct_offset, dtype=object)[published.take[target_rows]]
    written = check.frame["published"].iloc[moved].str.strip().tolist()
    published.moved(moved, shift, offsets)
    check.found["published", "last"] = published.last()
    said: dict = {}  # (a value moved onto a clock: told once)
    for row, value, offset, when in zip(
        moved.tolist(), written, offsets.tolist(), published.value.iloc[moved].tolist()
    ):
        key = (value, offset)
        if key not in said:
            said[key] = say(
                "published {value} is at another UTC offset than its event's other publication times, most at "
                "UTC{offset}: they are compared and shown on one clock, with no offset, so it is read as {moved}, "
                "the same moment on theirs; write it so",
                value=show(value),
                offset="+00:00" if offset in ("Z", "z") else offset,
                moved=dates.as_written(when, "minute", offset),
            )
        check.problems.append(Problem(int(check.rows[row]), "published", WARNING, said[key]))


_DAY_ALONE = re.compile(r"\d{1,2}")


def _refused_ends(check: _Checker):
    """Each end_date refused in a row whose date gives a day or a time: (its place among the
    problems, the problem, the end as written, the date's value, precision and offset)."""
    told = [at for at, p in enumerate(check.problems) if p.column == "end_date" and p.level == ERROR and p.row > 1]
    if not told:
        return
    start, ends = check.found["date"], check.frame["end_date"]
    for at in told:
        problem = check.problems[at]
        k = int(np.searchsorted(check.rows, problem.row))  # (the rows in order: the frame's place)
        if k >= len(check.rows) or check.rows[k] != problem.row:
            continue
        when, precision = start.value.iat[k], start.distinct_precision[start.take[k]]
        if not pd.isna(when) and precision in ("day", "minute"):
            yield at, problem, str(ends.iat[k]).strip(), when, precision, start.distinct_offset[start.take[k]]


def _end_day_alone(check: _Checker) -> None:
    """An end_date that is a day's number alone (7, after a date of 5 January 2022: 5 to 7
    January, as one says it) is told the day it would be in its date's month, where it was told
    that it is no year of one digit (and to write 0007 for the year 7)."""
    for at, problem, written, when, _precision, _offset in _refused_ends(check):
        if not _DAY_ALONE.fullmatch(written):
            continue
        year, month, day, _, _ = dates.fields(when)
        if not day < int(written) <= calendar.monthrange(year, month)[1] or year < 1:
            continue
        check.problems[at] = replace(  # (a day to write said where a year of one digit was)
            problem,
            text=say(
                "end_date {value} is a day's number alone: if the event ends on {day}, in its date's month, write "
                "{date}",
                value=show(written),
                day=dates.Day.of(year, month, int(written)),
                date=f"{year:04d}-{month:02d}-{int(written):02d}",
            ),
        )


def _end_time_alone(check: _Checker) -> None:
    """An end_date that is a time of day alone (16:00, after a date of 2022-01-05 14:30) is told the
    day and time it would be on its date's day (or the next day, for a time before the start's: 01:00
    after 22:00), where it was told to write a day with it after an example of any day (which, copied,
    made a span of days of one of an hour and a half)."""
    for at, problem, written, when, precision, offset in _refused_ends(check):
        alone = dates.time_alone(written)
        if alone is None:
            continue
        since, clock = alone
        day = np.datetime64(when, "D")
        # (before the start's time: the next day; on two clocks, 09:00Z after 14:30+06:00, its day: no
        # guess where either has an offset, whose moments the wall clocks do not compare)
        on_one_clock = not offset and re.fullmatch(r"\d\d:\d\d(?::\d\d)?", clock)
        if on_one_clock and precision == "minute" and day + since < np.datetime64(when, "s"):
            day += 1
        year, month, number = dates.fields(day)[:3]
        if year < 1 or day > LAST_DAY:  # (after 9999-12-31 22:00, 01:00 is of no day read)
            continue
        check.problems[at] = replace(  # (its date's day said where an example of any day was)
            problem,
            text=say(
                "end_date {value} is a time of day with no date: if the event ends on {day}, write {date}",
                value=show(written),
                day=dates.Day.of(year, month, number),
                date=f"{day} {clock}",
            ),
        )


def _ends_at_midnight(check: _Checker) -> None:
    """An end_date at 00:00 where most of date's times are (_days_at_midnight told them), the
    column's other times too, if any, mostly: days a spreadsheet wrote in a date and time format,
    as it wrote date's. Read as written, the span ends as its last day begins: warned, with the day
    to write. (Two or more such ends are told by _days_at_midnight, as date's are.)"""
    if not check.notes.midnights:
        return
    parsed = check.found["end_date"]
    at, timed = _at_midnight(parsed)
    count = int(np.count_nonzero(at))
    if not count or 2 * count < int(np.count_nonzero(timed)):
        return
    values = check.frame["end_date"]
    rows = at[parsed.take] & ~values.str.strip().isin(list(parsed.warnings) + list(parsed.errors)).to_numpy()
    day_of = dict(zip(values[rows].tolist(), parsed.value[rows].tolist()))
    check.report(
        rows,
        "end_date",
        WARNING,
        lambda v: say(
            "end_date {value} has the time 00:00, as most of the times in date have: a spreadsheet or a program "
            "writes a day with no time so in a date and time format (yyyy-mm-dd hh:mm), and the span is read as "
            "ending as that day begins; if it ends on {day}, write {iso}; if midnight is meant, nothing is wrong",
            value=show(v),
            day=dates.Day.of(*dates.fields(day_of[v])[:3]),
            iso=dates.as_written(day_of[v], "day"),
        ),
    )


def _end_before_start(check: _Checker) -> None:
    """An end before the start: refused. An end at an earlier time of the start's own day (a
    curfew from 23:00 to 07:00, both written on the 5th) is told to write the next day: "swap
    the two dates" made it the day between 07:00 and 23:00 (a probe's)."""
    start = check.found["date"]
    end = check.found["end_date"]
    end_last = check.found["end_date", "last"]
    check.found["start_last"], check.found["end_last"] = check.found["date", "last"], end_last
    before = (end_last < start.value).to_numpy()
    overnight = np.zeros(len(before), dtype=bool)
    rows = np.flatnonzero(before)  # (few: each looked at in the distinct dates of its start and end)
    if len(rows):
        own, theirs = start.take[rows], end.take[rows]
        timed = np.isin(start.distinct_precision[own], ("minute", "second"))
        timed &= np.isin(end.distinct_precision[theirs], ("minute", "second"))
        same_day = start.distinct_value[own].astype("datetime64[D]") == end.distinct_value[theirs].astype(
            "datetime64[D]"
        )
        same_day &= start.distinct_value[own].astype("datetime64[D]") < LAST_DAY  # (no next day to write)
        overnight[rows] = timed & same_day & (start.distinct_offset[own] == end.distinct_offset[theirs])
        overnight[check.found.get(("end_date", "moved"), [])] = False  # (written at another offset than the start)
    check.report(
        before & ~overnight,
        "end_date",
        ERROR,
        lambda v: say(
            "end_date {value} is before the date; a span ends on or after it starts "
            "(swap the two dates, or fix the one that is wrong)",
            value=show(v),
        ),
    )
    if not overnight.any():
        return
    rows = np.flatnonzero(overnight)
    written = check.frame["end_date"].iloc[rows].tolist()
    theirs = end.take[rows]
    later = dict(zip(written, (end.distinct_value[theirs] + np.timedelta64(86400, "s")).tolist()))
    precision = dict(zip(written, end.distinct_precision[theirs].tolist()))
    offset = dict(zip(written, end.distinct_offset[theirs].tolist()))
    check.report(
        overnight,
        "end_date",
        ERROR,
        lambda v: say(
            "end_date {value} is earlier the same day as the date; a span ends on or after it starts: if it ends "
            "the next day, write {next} (or swap the two times, if they are the wrong way round)",
            value=show(v),
            next=_next_day(v, later[v], precision[v], offset[v]),
        ),
    )


LAST_DAY = np.datetime64("9999-12-31")  # the last day a date is read on: it has no next day to advise

# A zone's name at the end of a time (Europe/Paris, Asia/Almaty), where no offset is written.
_ZONE_NAMED = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+\(?(?P<zone>[A-Za-z]+(?:/[A-Za-z_+-]+)+)\)?\s*")


def _next_day(written: str, later, precision: str, offset: str) -> str:
    """An end's time on the next day (`later`), to write: with the zone's name, where the end was
    written with one, so that it is read at the offset the zone's clocks show that day (from
    `2022-03-26 07:00 Europe/Paris` the 27th's +01:00 was advised, an hour off: they were at
    +02:00 by then; a review's)."""
    zone = _ZONE_NAMED.search(written.strip())
    if zone and zone.end() == len(written.strip()):
        named = f"{dates.as_written(later, precision)} {zone['zone']}"
        try:
            reading = dates.read(named)
        except dates.DateError:
            return dates.as_written(later, precision, offset)
        # (a time the clocks skip or show twice that night, with the offset it is read at: a probe's)
        return dates.as_written(reading.value, reading.precision, reading.offset) if reading.warning else named
    return dates.as_written(later, precision, offset)


def _published_before(check: _Checker) -> None:
    """An account published long before what it reports (PUBLISHED_AHEAD: more than an
    announcement's lead; most often a January date written with last year's year), and one
    withdrawn before it was published: warnings (the row is kept, as written)."""
    written = check.found["published", "last"]
    if isinstance(written, pd.Series):
        written = written.to_numpy()
    published = check.found["published"].value.to_numpy()
    start = check.found["date"].value.to_numpy()
    early = ~np.isnat(written) & ~np.isnat(start) & (written < start - PUBLISHED_AHEAD)
    if early.any():  # (a day programs write for no date, 1970-01-01, is told as that already: dates._placeholders)
        stand_ins = [t for t, said in check.found["published"].warnings.items() if dates.is_stand_in(said)]
        if stand_ins:
            early &= ~check.frame["published"].str.strip().isin(stand_ins).to_numpy()
    if early.any():
        check.report(
            early,
            "published",
            WARNING,
            lambda v: say(
                "published {value} is more than half a year before the date it reports, so the report came "
                "before the event; check the year (a January date is often written with last year's)",
                value=show(v),
            ),
        )
    _digit_dropped(check, start, published)
    # (Withdrawn a whole day before it was published, at the precision of each: a month is its
    # last day, and a time's offset shifts it by less than a day.)
    withdrawn = check.found.get(("retracted", "last"))
    if withdrawn is None:
        return
    backwards = ~np.isnat(withdrawn) & ~np.isnat(published) & (withdrawn + _DAY < published)
    if backwards.any():
        check.report(
            backwards,
            "retracted",
            WARNING,
            lambda v: say(
                "retracted {value} is before the date the account was published; an account is withdrawn after "
                "it is published: check the two dates",
                value=show(v),
            ),
        )
    # (Withdrawn more than half a year before what it reports, where no date of publication says
    # more, as an announcement of what is planned may be: 2021-01-10 for 2022-01-05, a January date
    # with last year's year; 600 or 44 BC.)
    early = ~np.isnat(withdrawn) & ~np.isnat(start) & np.isnat(published) & (withdrawn < start - PUBLISHED_AHEAD)
    if early.any():
        check.report(
            early,
            "retracted",
            WARNING,
            lambda v: say(
                "retracted {value} is more than half a year before the date the account reports; an account is "
                "withdrawn after it is published, which is seldom long before what it reports: check the year, or "
                "write yes if the date it was withdrawn is not known",
                value=show(v),
            ),
        )


def _after_today(check: _Checker) -> None:
    """A date of publication or withdrawal after today (more than a day ahead, for the clocks ahead of
    this one's): no report is published, nor withdrawn, later than now, and 2032 for 2022 is one key
    away. A warning (the row is kept, as written: a view as of a date shows the account from then)."""
    now = np.datetime64(datetime.now(), "s")
    today = dates.Day.of(*dates.fields(now)[:3])
    published = check.found["published"].value.to_numpy()
    for name, first in (("published", published), ("retracted", check.found["retracted"][1])):
        ahead = ~np.isnat(first) & (first > now + _DAY)
        if not ahead.any():
            continue
        if name == "published":
            check.report(
                ahead,
                name,
                WARNING,
                lambda v: say(
                    "published {value} is after today, {today}: an account is published by the time it is written "
                    "down, so the year or the day is probably mistyped; a view as of a date shows the account only "
                    "from that day on",
                    value=show(v),
                    today=today,
                ),
            )
        else:
            check.report(
                ahead,
                name,
                WARNING,
                lambda v: say(
                    "retracted {value} is after today, {today}: an account is withdrawn by the time that is written "
                    "down, so the year or the day is probably mistyped",
                    value=show(v),
                    today=today,
                ),
            )


def _digit_dropped(check: _Checker, start: np.ndarray, published: np.ndarray) -> None:
    """A date in a year of three digits that the account's year of publication is, its last
    digit left out (`5 January 202`, published 2022): a warning, the date kept as written. A year
    written with four digits (`0202`) or with AD or CE is meant so."""
    # (Compared as dates first: a million rows' years are worked out only where one may be.)
    maybe = start < _YEAR_1000  # (NaT compares False)
    if not maybe.any():
        return
    maybe &= (start >= _YEAR_100) & (published >= _YEAR_1000)
    year = np.zeros(len(start), dtype=np.int64)
    when = np.zeros(len(start), dtype=np.int64)
    year[maybe] = start[maybe].astype("datetime64[Y]").astype(np.int64) + 1970
    when[maybe] = published[maybe].astype("datetime64[Y]").astype(np.int64) + 1970
    text = check.frame["date"]
    pairs = {(int(y), int(w)) for y, w in zip(year[maybe], when[maybe])}
    for y, w in sorted(pairs):
        if w // 10 != y:  # (the last digit: a digit left out elsewhere, 220 for 2020, is as often AD 220)
            continue
        at = maybe & (year == y) & (when == w)
        written = text[at]
        meant = ~written.str.contains(rf"(?:\b0{y}\b|\b(?:AD|CE)\b)", case=False, regex=True).to_numpy()
        at[at] = meant
        check.report(
            at,
            "date",
            WARNING,
            lambda v, y=y, w=w: say_year(
                "date {value} is in the year {year}, but the account was published in {published}: if a digit of "
                "the year was left out, write it in full ({meant}); a year before 1000 is written with four digits "
                "({padded}) or with AD to say it is meant",
                value=show(v),
                year=y,
                published=w,
                meant=re.sub(rf"(?<!\d){y}(?!\d)", str(w), v, count=1),
                padded=f"{y:04d}",
            ),
        )


_YEAR_100, _YEAR_1000 = np.datetime64("0100-01-01"), np.datetime64("1000-01-01")
PUBLISHED_AHEAD = np.timedelta64(183, "D")  # _published_before: a report may announce what is planned
_DAY = np.timedelta64(1, "D")


def _coordinate_pairs(check: _Checker) -> None:
    has_lat, has_lon = _given(check.frame["latitude"]), _given(check.frame["longitude"])
    # (A formula's error, dropped: given, and said; its row is left out already.)
    for given, name in ((has_lat, "latitude"), (has_lon, "longitude")):
        sheet = check.found.get((name, "sheet"))
        if sheet is not None:
            given |= sheet[0]
    check.report(
        has_lat & ~has_lon, "longitude", ERROR, say("latitude is given without longitude; give both, or neither")
    )
    check.report(
        has_lon & ~has_lat, "latitude", ERROR, say("longitude is given without latitude; give both, or neither")
    )


def _null_island(check: _Checker) -> None:
    """Latitude 0 and longitude 0: the point at sea off West Africa that a geocoder gives for a
    place it did not find, or a spreadsheet for empty cells it filled with 0. A warning on the row;
    the row keeps its values."""
    at_zero = (check.found["latitude"] == 0) & (check.found["longitude"] == 0)  # (NaN: not given)
    check.report(
        at_zero,
        "latitude",
        WARNING,
        say(
            "latitude 0 and longitude 0 is a point at sea off West Africa, which a geocoder gives for a place "
            "it did not find and a spreadsheet for empty cells it filled with 0: write the place's coordinates, "
            "or leave both empty (a location alone places a town approximately)"
        ),
    )


def _swapped_coordinates(check: _Checker) -> None:
    """Latitude and longitude written the other way round: swapped they are at a town of the name
    the row's location gives (within SWAPPED_NEAR degrees), which is not near them as written
    (SWAPPED_FAR: a point off Batumi, whose latitude and longitude are alike, is not its swap).
    Written so, Almaty (43.2567, 76.9286) is drawn in the Arctic Sea, where no town is, and Aktau
    (43.65, 51.17) in southern Russia, where towns are. A warning on the latitude; the row keeps its values."""
    latitude, longitude = check.found["latitude"], check.found["longitude"]
    # (A latitude that is no longitude swapped, or the reverse, is not looked at. Swapped, a point
    # moves by |latitude - longitude| on each axis: by at most SWAPPED_FAR - SWAPPED_NEAR, it is as
    # near the town as written. Each point once: _given_points.)
    at, which, first, kept = _given_points(check)
    if not len(at):
        return
    lat, lon = latitude[first], longitude[first]
    swappable = kept & (np.abs(lon) <= 90) & (np.abs(lat - lon) > SWAPPED_FAR - SWAPPED_NEAR)
    swappable[swappable] = ~places.far_from_towns(lon[swappable], lat[swappable])  # (swapped, near some town)
    location = check.frame["location"]
    at = at[_away(location, first, lat, lon, swappable)[which]]
    at = at[_given(location)[at]] if len(at) else at
    if not len(at):
        return
    # Where no town is near them as written, a swap is surer (the Arctic Sea for Almaty): any town
    # the location may name will do. Near towns (Aktau's swap, in southern Russia), only a town the
    # location names by its own name, not by another of its names (Blagodatnoye is also a name of
    # Gekhi, whose swap is near Blagodarnyy's).
    lonely = places.far_from_towns(latitude[at], longitude[at])
    codes, names = pd.factorize(location.iloc[at])
    # The rows of each name together (a radix sort for up to 32,767 names), in the file's order.
    order = np.argsort(codes.astype(np.int16) if len(names) < 2**15 else codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(len(names) + 1))
    at, lonely = at[order], lonely[order]
    at_latitude, at_longitude = latitude[at], longitude[at]
    # (Each name looked up once, 10-40 us: at most SWAPPED_LOOKUPS of the names with a row where no
    # town is, and as many of the others, each in the file's order, so that the rows near towns of
    # a file of many places leave the surer ones their lookups. A file whose columns are swapped
    # whole is told so by its first rows: the cause said first.)
    some_lonely = np.bincount(codes[order], weights=lonely, minlength=len(names)) > 0
    looked_up = np.concatenate(
        [np.flatnonzero(some_lonely)[:SWAPPED_LOOKUPS], np.flatnonzero(~some_lonely)[:SWAPPED_LOOKUPS]]
    )
    hits, towns, alone = [], [], []  # the rows swapped, the town each is at swapped, and whether lonely
    for code in looked_up.tolist():
        name = str(names[code])
        match = places.lookup(name)
        first, end = starts[code], starts[code + 1]
        lat, lon, left = at_latitude[first:end], at_longitude[first:end], np.ones(end - first, dtype=bool)
        own = {places.key(part) for part in (name, *name.split(","))}
        for place in match.candidates:  # (a name of several towns: the one the swap is at)
            swapped = (
                left & (np.abs(lat - place.longitude) <= SWAPPED_NEAR) & (np.abs(lon - place.latitude) <= SWAPPED_NEAR)
            )
            if places.key(place.name) not in own:
                swapped &= lonely[first:end]
            if not swapped.any():
                continue
            written = (np.abs(lat - place.latitude) <= SWAPPED_FAR) & (np.abs(lon - place.longitude) <= SWAPPED_FAR)
            at_town = swapped & ~written
            hits.append(at[first:end][at_town])
            alone.append(lonely[first:end][at_town])
            towns += [place.label()] * int(np.count_nonzero(at_town))
            left &= ~at_town
    found = np.concatenate(hits) if hits else np.zeros(0, dtype=np.intp)
    if not len(found):
        return
    # The cause of all of them, said first when they are most of the file's problems (and at least
    # two: diagnosis.first). A finding, even of one row: a file that has one is read whole when it
    # grows (load.Resume), so an appended row swapped too is counted with it.
    given = np.count_nonzero(~np.isnan(latitude) & ~np.isnan(longitude) & ~check.refused)
    check.findings.append(
        Finding(
            np.sort(check.rows[found]),
            Problem(
                0,
                "latitude",
                WARNING,
                say(
                    "at least {count:,} of the {total:,} rows with coordinates have latitude and longitude the "
                    "other way round (each, swapped, at the town in its location column): the two columns are "
                    "probably swapped in the sheet or in its header; swap their values, or their names in the "
                    "header",
                    count=len(found),
                    total=int(given),
                ),
            ),
        )
    )
    order = np.argsort(found, kind="stable")
    rows = check.rows[found[order]].tolist()
    written = zip(
        check.frame["latitude"].to_numpy()[found[order]].tolist(),
        check.frame["longitude"].to_numpy()[found[order]].tolist(),
        [towns[i] for i in order.tolist()],
        np.concatenate(alone)[order].tolist(),
    )
    said: dict = {}  # (each message made once: a file swapped whole repeats its places)
    for row, key in zip(rows, written):
        message = said.get(key)
        if message is None:
            message = said[key] = _swapped_said(*key)
        check.problems.append(Problem(row, "latitude", WARNING, message))


def _swapped_said(latitude: str, longitude: str, place: str, lonely: bool) -> Message:
    """What _swapped_coordinates says of a row; `lonely`: no town is near where they point."""
    if lonely:
        return say(
            "latitude {latitude} and longitude {longitude} look swapped: no town is near where they "
            "point, and the other way round they are at {place}, the town in the location column; write "
            "latitude {longitude} and longitude {latitude}",
            latitude=latitude,
            longitude=longitude,
            place=place,
        )
    return say(
        "latitude {latitude} and longitude {longitude} look swapped: they point far from {place}, the "
        "town in the location column, and the other way round they are at it; write latitude "
        "{longitude} and longitude {latitude}",
        latitude=latitude,
        longitude=longitude,
        place=place,
    )


def _lost_signs(check: _Checker) -> None:
    """Coordinates whose minus sign was left out (a west longitude or a south latitude written as
    if east or north, as a hand typing from a page that writes 87.63° W does) or put in: with it they
    are at a town of the name the row's location gives (within SWAPPED_NEAR degrees), and as
    written they are near no town of that name (SWAPPED_FAR). Chicago written 41.8781, 87.6298 is
    drawn in China; Sydney written 33.87, 151.21, in the Pacific. A warning on the row, naming the
    values to write; the row keeps its values. Each point is looked at once (_points), and only the
    rows at a point that is not at the town its first row names, and that with a sign changed is
    near some town (places.far_from_towns), are looked up by their own locations."""
    latitude, longitude = check.found["latitude"], check.found["longitude"]
    at, which, first, kept = _given_points(check)
    if not len(at):
        return
    lat, lon = latitude[first], longitude[first]
    near = np.zeros(len(lat), dtype=bool)
    for north, east in ((-1, 1), (1, -1), (-1, -1)):  # (the latitude's sign, the longitude's, or both)
        moved = np.flatnonzero(kept & ((lat * north != lat) | (lon * east != lon)))
        near[moved] |= ~places.far_from_towns(lat[moved] * north, lon[moved] * east)
    location = check.frame["location"]
    at = at[_away(location, first, lat, lon, near)[which]]
    at = at[_given(location)[at]] if len(at) else at
    if not len(at):
        return
    codes, names, order, starts = _grouped(location.iloc[at])
    said: dict = {}
    for code in range(min(len(names), SWAPPED_LOOKUPS)):
        towns = places.lookup(str(names[code])).candidates
        if not towns:
            continue
        rows = at[order[starts[code] : starts[code + 1]]]
        lat, lon = latitude[rows], longitude[rows]
        town_lat = np.array([town.latitude for town in towns])[:, None]
        town_lon = np.array([town.longitude for town in towns])[:, None]
        # (as written, further from each than SIGN_FAR: a point at sea off Valencia, 0.75 E for
        # its 0.38 W, is no sign lost)
        written = ((np.abs(lat - town_lat) <= SIGN_FAR) & (np.abs(lon - town_lon) <= SIGN_FAR)).any(axis=0)
        left = ~written
        for north, east in ((-1, 1), (1, -1), (-1, -1)):
            at_town = (np.abs(lat * north - town_lat) <= SWAPPED_NEAR) & (np.abs(lon * east - town_lon) <= SWAPPED_NEAR)
            found = left & at_town.any(axis=0)
            for i in np.flatnonzero(found).tolist():
                town = towns[int(np.argmax(at_town[:, i]))]
                row = int(rows[i])
                key = (
                    check.frame["latitude"].iloc[row],
                    check.frame["longitude"].iloc[row],
                    town.label(),
                    _negated(check.frame["latitude"].iloc[row], north),
                    _negated(check.frame["longitude"].iloc[row], east),
                )
                if key not in said:
                    said[key] = say(
                        "latitude {latitude} and longitude {longitude} point far from {place}, the town in the "
                        "location column, and with a sign changed they are at it (a minus sign is south or west): "
                        "write latitude {with_latitude} and longitude {with_longitude}",
                        latitude=key[0],
                        longitude=key[1],
                        place=key[2],
                        with_latitude=key[3],
                        with_longitude=key[4],
                    )
                check.problems.append(Problem(int(check.rows[row]), "latitude", WARNING, said[key]))
            left &= ~found


def _away(location: pd.Series, first: np.ndarray, lat, lon, asked: np.ndarray) -> np.ndarray:
    """Of the points `asked` (as _given_points numbers them), those not at a town of the name the
    location of their first row gives (within SWAPPED_FAR): the rows at those are to be looked at
    by their own locations; the rest, where a file's places are, need not be. Each name looked up
    once, SWAPPED_LOOKUPS at most of those with a point where no town is and as many of the others
    (as _swapped_coordinates leaves the surer rows their lookups)."""
    away = np.zeros(len(asked), dtype=bool)
    points = np.flatnonzero(asked)
    if not len(points):
        return away
    codes, names, order, starts = _grouped(location.iloc[first[points]])
    lonely = (
        np.bincount(
            codes[codes >= 0], weights=places.far_from_towns(lat[points], lon[points])[codes >= 0], minlength=len(names)
        )
        > 0
    )
    chosen = np.concatenate([np.flatnonzero(lonely)[:SWAPPED_LOOKUPS], np.flatnonzero(~lonely)[:SWAPPED_LOOKUPS]])
    for code in chosen.tolist():
        here = points[order[starts[code] : starts[code + 1]]]
        towns = places.lookup(str(names[code])).candidates if names[code] else ()
        near = np.zeros(len(here), dtype=bool)
        for town in towns:
            near |= (np.abs(lat[here] - town.latitude) <= SWAPPED_FAR) & (
                np.abs(lon[here] - town.longitude) <= SWAPPED_FAR
            )
        away[here] = ~near
    return away


def _grouped(values: pd.Series) -> tuple[np.ndarray, pd.Index, np.ndarray, np.ndarray]:
    """(codes, names, order, starts): the distinct values, and the positions of each one's
    values together, in order: those of name k are order[starts[k] : starts[k + 1]]."""
    codes, names = pd.factorize(values)
    order = np.argsort(codes, kind="stable")
    return codes, names, order, np.searchsorted(codes[order], np.arange(len(names) + 1))


def _given_points(check: _Checker) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(at, which, first, kept): the rows kept with coordinates; each point once (_points: a file
    names its places again and again, 89 points in a million rows), which point each row's is,
    each point's first row, and whether the point is one to look at (in range, not 0, 0). Made
    once for the checks of coordinates across rows (_swapped_coordinates, _lost_signs)."""
    if "points" not in check.found:
        latitude, longitude = check.found["latitude"], check.found["longitude"]
        at = np.flatnonzero(~np.isnan(latitude) & ~np.isnan(longitude) & ~check.refused)
        which, first = _points(check.found["latitude", "codes"][at], check.found["longitude", "codes"][at])
        first = at[first]  # (each point's first row)
        lat, lon = latitude[first], longitude[first]
        kept = ((lat != 0) | (lon != 0)) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)  # (0, 0: no place)
        check.found["points"] = (at, which, first, kept)
    return check.found["points"]


def _points(latitudes: np.ndarray, longitudes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(which, first): the distinct points among pairs of codes of the columns' distinct texts
    (_number's), which point each pair is, and the first pair of each point. By a table of every
    pair of codes where it is small (a file's places: 89 x 89), else by hashing."""
    size = (int(latitudes.max()) + 1) * (int(longitudes.max()) + 1) if len(latitudes) else 0
    key = latitudes.astype(np.int64) * (int(longitudes.max()) + 1 if len(longitudes) else 1) + longitudes
    if size <= 4 * len(key) + 1024:
        seen = np.zeros(size, dtype=bool)
        seen[key] = True
        which = (np.cumsum(seen) - 1)[key]
    else:
        which = pd.factorize(key)[0]
    first = np.zeros(int(which.max()) + 1 if len(which) else 0, dtype=np.intp)
    first[which[::-1]] = np.arange(len(which) - 1, -1, -1)  # (each point's first pair)
    return which, first


def _negated(written: str, sign: int) -> str:
    """A coordinate as written, its sign changed where `sign` is -1 (87.6298: -87.6298)."""
    written = written.strip()
    if sign > 0:
        return written
    return written[1:] if written.startswith("-") else "-" + written.lstrip("+")


SWAPPED_NEAR = 0.5  # degrees: coordinates swapped this near a town named are taken to be its
SWAPPED_FAR = 1.0  # degrees: ... unless they are this near it as written
SWAPPED_LOOKUPS = 2000  # _swapped_coordinates: distinct locations looked up, at most
SIGN_FAR = 2.0  # degrees: coordinates a sign lost puts nearer the town named than this are not said (_lost_signs)


def _garbled_finding(check: _Checker) -> None:
    """The cause of the garbled text (_garbled), said once for the file, with the first example
    found in the columns of prose (the category last, as a lane's name is a poor example)."""
    if not check.garbled:
        return
    found = [check.garbled[name] for name in sorted(check.garbled, key=lambda name: name == "category")]
    examples = {}
    for _, seen in found:
        examples.update(seen)
    check.findings.append(diagnosis.garbled_finding(examples, np.concatenate([rows for rows, _ in found])))


def _lost_letters_finding(check: _Checker) -> None:
    """The cause of question marks where letters were (_lost_letters, and links _link dropped for
    them), said once for the file, with the first such value in the file as its example."""
    rows, example = [], None
    for name in schema.NAMES:
        lost = check.found.get((name, "question_marks"))
        if lost is None or not lost.any():
            continue
        at = np.flatnonzero(lost)
        if not check.ascii:  # (the file's other letters were kept: only those of a ? inside a word are told)
            at = at[[diagnosis.lost_in_a_word(value) != "" for value in check.written[name].iloc[at]]]
            if not len(at):
                continue
        rows.append(check.rows[at])
        if example is None or check.rows[at[0]] < example[0]:
            example = (check.rows[at[0]], check.written[name].iloc[at[0]])
    if example is not None:
        # (Letters a save could not keep leave a file of ASCII, unless they were inside words of others it kept.)
        script = "" if check.ascii else diagnosis.lost_in_a_word(str(example[1]))
        check.findings.append(diagnosis.lost_letters_finding(np.concatenate(rows), str(example[1]), script))


def _sheet_findings(check: _Checker) -> None:
    """What a spreadsheet or another program wrote in place of values (_formula_error, _missing):
    the cause of each kind said once for the file, with the first example in the file."""
    for kind, finding in ((0, diagnosis.formula_errors_finding), (1, diagnosis.missing_markers_finding)):
        rows, example = [], None
        for name in schema.NAMES:
            sheet = check.found.get((name, "sheet"))
            if sheet is None or not sheet[kind].any():
                continue
            at = np.flatnonzero(sheet[kind])
            rows.append(check.rows[at])
            if example is None or check.rows[at[0]] < example[0]:
                example = (check.rows[at[0]], check.written[name].iloc[at[0]])
        if example is not None:
            check.findings.append(finding(np.concatenate(rows), str(example[1])))


def _first_rows(check: _Checker) -> None:
    check.found["events"] = _check_first_rows(check)


def _repeated_titles(check: _Checker) -> None:
    codes, ids = check.found["events"]
    _check_repeated_titles(check, codes, ids, check.found["date"].value, check.found["start_last"])


# The columns whose lengths pick out the rows that may repeat another (each then compared whole).
_REPEAT_KEYS = ("date", "source", "description")


def repeat_candidates(frame: pd.DataFrame, codes: np.ndarray) -> np.ndarray:
    """The positions of the rows that may repeat another row of their event (`codes`: each
    row's event): those that share their event and the lengths of a few columns (_REPEAT_KEYS)
    with another row, and a few more that share only the 32-bit number made of them (ruled out
    by repeated_rows, which compares the values). Most files have none, found from one sort of
    that number per row (0.04 s at a million rows, on another thread than the checks; 0.075 s
    with a 64-bit number, whose sort takes twice as long)."""
    if len(frame) < 2:
        return np.zeros(0, dtype=np.int64)
    key = codes.astype(np.uint32) * np.uint32(2_654_435_761)  # (wraps: a number to sort, not to read)
    for name in _REPEAT_KEYS:
        parts = text_buffers(frame[name]) if name in frame else None
        if parts is not None:
            key += concatenated([np.diff(offsets) for offsets, _ in parts], dtype=np.int64).astype(np.uint32)
        elif name in frame:
            key += frame[name].str.len().to_numpy(dtype=np.int64).astype(np.uint32)
        key *= np.uint32(1_000_003)
    ordered = np.sort(key)
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return np.zeros(0, dtype=np.int64)
    shared = np.unique(ordered[1:][same])
    # The rows whose key is one of these: first by a table of the keys' low bits (a look-up per
    # row), then each of the few left looked up among them.
    low = np.zeros(1 << 16, dtype=bool)
    low[shared & 0xFFFF] = True
    maybe = np.flatnonzero(low[key & 0xFFFF])
    at = np.minimum(np.searchsorted(shared, key[maybe]), len(shared) - 1)
    return maybe[shared[at] == key[maybe]]


def repeated_rows(
    frame: pd.DataFrame, rows: np.ndarray, codes: np.ndarray, candidates: np.ndarray, said: np.ndarray | None = None
) -> list[Problem]:
    """A warning on each row that repeats an earlier row of its event value for value (a row
    pasted twice), naming the first such row; one for rows that repeat rows one after another (a
    block pasted twice), naming both blocks. `candidates`: the positions that may (see
    repeat_candidates), in file order; `said`: of those, the positions whose repeats are said
    (all, unless given: an append says those of its new rows)."""
    head = _first_alike(frame, codes, np.asarray(candidates, dtype=np.int64))
    found = np.flatnonzero(head >= 0)
    if said is not None:
        found = found[np.asarray(said, dtype=bool)[found]]
    row = np.asarray(rows)[np.asarray(candidates)[found]].astype(np.int64)
    first = np.asarray(rows)[np.asarray(candidates)[head[found]]].astype(np.int64)
    order = np.argsort(row, kind="stable")
    row, first = row[order], first[order]
    if not len(row):
        return []
    # Rows that repeat consecutive rows, one after another (a block pasted twice): one warning.
    starts = np.flatnonzero(np.r_[True, (np.diff(row) != 1) | (np.diff(first) != 1)])
    ends = np.r_[starts[1:], len(row)] - 1
    return [
        _repeated(int(row[a]), int(row[b]), int(first[a]), int(first[b]))
        for a, b in zip(starts.tolist(), ends.tolist())
    ]


def _repeated(row: int, last: int, first: int, first_last: int) -> Problem:
    """The warning on rows `row` to `last` that repeat rows `first` to `first_last`."""
    if row == last:
        text = say(
            "row {row} repeats row {first} value for value, as a row pasted twice does: delete one of "
            "them (another account of the event differs at least in its source, its link or its date "
            "of publication)",
            row=row,
            first=first,
        )
    else:
        text = say(
            "rows {row} to {last} repeat rows {first} to {first_last} value for value, as rows pasted twice do: "
            "delete one copy of them (another account of an event differs at least in its source, its link or "
            "its date of publication)",
            row=row,
            last=last,
            first=first,
            first_last=first_last,
        )
    return Problem(row, "id", WARNING, text, ProblemCode.REPEATED_ROW)


def repeated_span(problem: Problem) -> tuple[int, int, int]:
    """The last row a REPEATED_ROW warning names, and the first and last of the rows they repeat."""
    values = problem.text.values if isinstance(problem.text, Message) else {}
    first = values.get("first", -1)
    return values.get("last", problem.row), first, values.get("first_last", first)


def _first_alike(frame: pd.DataFrame, codes: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For each of the rows `at` (in file order): the index in `at` of the first row of its
    event with the same value in every column, if that is an earlier one; else -1. Column by
    column over all of them at once (a file pasted twice has as many as it has rows): each row
    beside the first of its event not yet matched, again while rows are left unmatched beside
    another of their event."""
    head = np.full(len(at), -1, dtype=np.int64)
    columns = [_comparable(frame[name]) for name in schema.NAMES if name in frame]
    open_ = np.arange(len(at))  # (indices in `at`, in file order, not yet matched or a head)
    event = codes[at]
    while len(open_) >= 2:
        order = open_[np.argsort(event[open_], kind="stable")]
        starts = np.r_[True, event[order][1:] != event[order][:-1]]
        first = order[np.flatnonzero(starts)[np.cumsum(starts) - 1]]  # each one's event's first open row
        pairs = ~starts
        if not pairs.any():
            break
        mine, theirs = order[pairs], first[pairs]
        same = np.ones(len(mine), dtype=bool)
        for column in columns:
            same &= column(at[mine], at[theirs])
        head[mine[same]] = theirs[same]
        # Open still: the rows unlike their event's first (its first is a head now, or was one).
        open_ = np.sort(mine[~same])
    return head


def _comparable(values: pd.Series):
    """(positions, others) -> whether the values at those positions are equal, elementwise."""
    if hasattr(values.array, "__arrow_array__"):  # (Arrow's text: compared without a Python string each)
        array = pa.array(values.array)

        def equal(mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
            found = pc.equal(array.take(mine), array.take(theirs))
            return pc.fill_null(found, False).to_numpy(zero_copy_only=False)

        return equal
    plain = values.to_numpy(dtype=object)
    return lambda mine, theirs: plain[mine] == plain[theirs]


def _repeated_rows(check: _Checker) -> None:
    """Rows that repeat an earlier row of their event (repeated_rows), among the rows kept."""
    candidates = check.found.pop("repeats").result()
    candidates = candidates[~check.refused[candidates]]
    if len(candidates):
        codes, _ids = check.found["id", "events"]
        check.problems += repeated_rows(check.frame, check.rows, codes, candidates)


# (Then, on the accounts kept, the lanes: category_problems. timeline.appends runs the same
# _validate on appended rows and counts places and lanes again across the whole file.)
ACROSS = (
    _years_as_days,
    _end_day_alone,
    _end_time_alone,
    _ends_at_midnight,
    _ends_in_utc,
    _end_before_start,
    _published_before,
    _after_today,
    _coordinate_pairs,
    _null_island,
    _swapped_coordinates,
    _lost_signs,
    _garbled_finding,
    _lost_letters_finding,
    _sheet_findings,
    _first_rows,
    _repeated_titles,
)


def _longer(text: pd.Series, limit: int) -> pd.Series:
    """Which values have more than `limit` characters. A value of at most `limit` bytes has at
    most as many characters: only the columns with a longer value are counted."""
    parts = text_buffers(text)
    if parts is not None and all(not len(offsets) or np.diff(offsets).max() <= limit for offsets, _ in parts):
        return _no(text)
    return text.str.len() > limit


def _check_first_rows(check: _Checker) -> tuple[np.ndarray, pd.Index]:
    """Title and category (schema.FIRST_ROW_REQUIRED) are required on an event's first accepted row.

    Returns pd.factorize(ids): the events, numbered in order of first appearance."""
    frame = check.frame
    codes, ids = check.found["id", "events"]  # pd.factorize(frame["id"]), by the slug check (_slug)
    empty = {name: ~_given(frame[name]) for name in schema.FIRST_ROW_REQUIRED}
    # A row left out is not an event's first row: the next one is, and is left out in turn if it
    # lacks one of them. So every row kept before the first of its event that is kept and has
    # both is left out: found in one pass (a loop that left out one row per event a round took
    # a round per row of the longest such run: 1,000 rounds for an event of 1,000 rows whose
    # first row has a bad date).
    lacking = np.logical_or.reduce([empty[name] for name in schema.FIRST_ROW_REQUIRED])
    if check.refused.any() or lacking.any():
        good = np.flatnonzero(~check.refused & ~lacking)
        head = np.full(len(ids), len(codes), dtype=np.int64)  # each event's first row kept with both
        good = good[~pd.Index(codes[good]).duplicated(keep="first")]
        head[codes[good]] = good
        missing = ~check.refused & (np.arange(len(codes)) < head[codes])
        first = np.zeros(len(codes), dtype=bool)
        first[head[head < len(codes)]] = True
    else:
        missing = np.zeros(len(codes), dtype=bool)
        first = np.zeros(len(codes), dtype=bool)
        first[model.first_positions(codes)] = True
    if missing.any():
        # A row below its event's first row in the file is left out because that row is (for
        # its own problem, or for lacking a title or category in turn): it is told so, and to fix
        # that row first, not to fill in a title or category the row above has or is to have.
        # The first row may be one left out as it was read (a comma unquoted in its title): then
        # even the event's first row here is below it.
        firsts = model.first_positions(codes)
        head_rows = check.rows[firsts]
        if check.left_out:
            head_rows = _left_out_first(check.left_out, ids, head_rows)
        own = np.zeros(len(codes), dtype=bool)
        own[firsts[head_rows == check.rows[firsts]]] = True
        for name in schema.FIRST_ROW_REQUIRED:
            check.report(
                missing & own & empty[name],
                name,
                ERROR,
                lambda v, name=name: say(
                    "{name} is empty on the first row of this event; the first row of an id names its {name}: fill "
                    "it in, or, if a later row of this id has it (a sort by date may have moved that row down), move "
                    "that row up",
                    name=name,
                ),
                ProblemCode.FIRST_ROW_EMPTY,
            )
        if (missing & ~own).any():
            _below_a_refused_first_row(check, np.flatnonzero(missing & ~own), head_rows[codes[missing & ~own]])
    later = ~first & ~check.refused & _given(frame["category"])
    if not later.any():
        return codes, ids
    # Each later row with a category against its event's first row (lowercased as before: the
    # first row's by Arrow, the later row's by Python, each distinct value once).
    at = np.flatnonzero(later)
    first_of = np.full(len(ids), -1, dtype=np.int64)
    first_of[codes[first]] = np.flatnonzero(first)
    heads = first_of[codes[at]]
    at, heads = at[heads >= 0], heads[heads >= 0]
    categories = frame["category"]
    expected = categories.iloc[heads].str.lower().to_numpy(dtype=object)
    written = categories.iloc[at].to_numpy(dtype=object)
    which, distinct = pd.factorize(written)
    lowered = np.array([value.lower() for value in distinct], dtype=object)[which]
    differ = lowered != expected
    said: dict = {}  # (a message made once for the rows of an event that give it the same category)
    rows, head_rows = check.rows[at[differ]].tolist(), check.rows[heads[differ]].tolist()
    for row, category, head, head_row in zip(rows, written[differ], expected[differ], head_rows):
        message = said.get((category, head_row))
        if message is None:
            message = said[category, head_row] = say(
                "category {value} differs from {head!r} on row {head_row}, this event's first row, which "
                "decides its lane; leave it empty on later rows",
                value=show(category),
                head=head,
                head_row=head_row,
            )
        check.problems.append(Problem(row, "category", WARNING, message))
    return codes, ids


def _left_out_first(left_out: dict[int, str], ids: pd.Index, head_rows: np.ndarray) -> np.ndarray:
    """The row that is each event's first in the file (`head_rows`: its first row read, of each
    of `ids`), or a row before it left out as it was read, with its id (`left_out`)."""
    head_rows = head_rows.copy()
    numbers = np.fromiter(left_out, dtype=np.int64, count=len(left_out))
    at = ids.get_indexer(list(left_out.values()))
    earlier = (at >= 0) & (numbers < head_rows[at])
    np.minimum.at(head_rows, at[earlier], numbers[earlier])
    return head_rows


def _below_a_refused_first_row(check: _Checker, at: np.ndarray, head_rows: np.ndarray) -> None:
    """Leave out the rows `at` (positions), each below its event's first row in the file (`head_rows`,
    their numbers), which is refused: each is told that row's first error, as check lists them."""
    rows, head_rows = check.rows[at].tolist(), head_rows.tolist()
    said = refused_first_rows(check.problems, set(head_rows), check.split)
    for row, head in zip(rows, head_rows):
        check.problems.append(Problem(row, "id", ERROR, said[head], ProblemCode.FIRST_ROW_REFUSED))
    check.refused[at] = True
    check.refused_by.setdefault("id", np.zeros(len(check.refused), dtype=bool))[at] = True


def refused_first_rows(problems: list[Problem], heads: set[int], split=frozenset()) -> dict[int, Message]:
    """What the accounts below each of `heads` (events' first rows) are told, for each of them
    that `problems` refuse (first_row_refused). `split`: the rows a spreadsheet split, each told
    only that it was split (see _split_rows). Shared by the full load and the read-on of an
    append (timeline.appends), so that both name the same row and problem."""
    errors: dict[int, list[Problem]] = {}
    for problem in problems:
        if problem.level == ERROR and problem.row in heads:
            if problem.row not in split or problem.code == ProblemCode.SPLIT_ROW:
                errors.setdefault(problem.row, []).append(problem)
    return {head: first_row_refused(head, sorted(found, key=_reading_order)) for head, found in errors.items()}


def first_row_refused(head: int, errors: list[Problem]) -> Message:
    """What an account of an event is told when the event's first row, row `head`, is refused
    (`errors`: that row's, as check lists them; `timeline add` tells a new account so too): that
    row and its first problem, to be fixed first."""
    if len(errors) > 1:
        return say_n(
            "row {head}, this event's first row, is refused: {problem} (and {n} more: `python -m timeline "
            "check` lists them); fix it first",
            "row {head}, this event's first row, is refused: {problem} "
            "(and {n} more: `python -m timeline check` lists them); fix it first",
            len(errors) - 1,
            head=head,
            problem=cut(errors[0].text),
        )
    return say(
        "row {head}, this event's first row, is refused: {problem}; fix it first",
        head=head,
        problem=cut(errors[0].text),
    )


def _check_repeated_titles(
    check: _Checker, codes: np.ndarray, ids: pd.Index, start: pd.Series, start_last: pd.Series
) -> None:
    """Later accounts that repeat their event's title (any case and spacing) with a date that
    cannot be the first account's are probably other events given the same id by mistake
    ("Distributions continue" on five days): one warning per event, naming every such row."""
    kept = ~check.refused
    titled = _given(check.frame["title"]) & kept
    # Every event's first accepted row has a title: are there titled rows beyond those?
    kept_events = len(ids) if kept.all() else np.count_nonzero(np.bincount(codes[kept], minlength=len(ids)))
    if np.count_nonzero(titled) == kept_events:
        return  # (the usual case: only first rows have a title)
    at = np.flatnonzero(titled)
    events = codes[at]
    later = pd.Index(events).duplicated(keep="first")
    if not later.any():
        return
    first_of = np.full(len(ids), -1, dtype=np.int64)
    first_of[events[~later]] = at[~later]
    at, events = at[later], events[later]
    heads = first_of[events]
    # Each later title beside its event's, compared in any case and spacing (each distinct once).
    written = check.frame["title"].take(np.concatenate([at, heads])).to_numpy(dtype=object)
    which, distinct = pd.factorize(written)
    normal = np.array([" ".join(t.split()).casefold() for t in distinct], dtype=object)[which]
    same = normal[: len(at)] == normal[len(at) :]
    _other_titles(check, ids, written, np.flatnonzero(~same), at, events, heads)
    # The same title with a date that cannot be the first account's (as for a disputed date, on
    # the event's clock where its accounts give different UTC offsets).
    value, last = start.to_numpy(), np.asarray(start_last)

    def other_on(shifts: np.ndarray | None) -> np.ndarray:
        moved, ends = (value, last) if shifts is None else (model.on_clock(value, shifts), model.on_clock(last, shifts))
        return (moved[at] > ends[heads]) | (ends[at] < moved[heads])

    read = check.found["date"]  # (the clocks of the rows kept, as the events' disputes have them)
    distinct = np.append(read.distinct_offset, "").astype(object)
    clocks = model.account_offsets((distinct, np.where(kept, read.take, len(distinct) - 1)))
    other_date = other_on(None) if clocks is None else model.on_any_clock(clocks, codes, len(ids), other_on, events)
    flagged = np.flatnonzero(same & other_date)
    found: dict[int, tuple[int, list[int]]] = {}  # event -> (its first flagged, its rows in file order)
    for k, event, row in zip(flagged.tolist(), events[flagged].tolist(), check.rows[at[flagged]].tolist()):
        found.setdefault(event, (k, []))[1].append(row)
    names = ids.take(list(found)).tolist()
    for (k, repeated), name in zip(found.values(), names):
        check.problems.append(
            Problem(
                repeated[0],
                "id",
                WARNING,
                _repeated_title(repeated, int(check.rows[heads[k]]), written[len(at) + k], str(name)),
                ProblemCode.REPEATED_TITLE,
            )
        )


def _other_titles(
    check: _Checker,
    ids: pd.Index,
    written: np.ndarray,
    other: np.ndarray,
    at: np.ndarray,
    events: np.ndarray,
    heads: np.ndarray,
) -> None:
    """Later accounts (at[other]) whose title is not their event's (its first row's, heads): an
    event shows one title, so theirs is never shown; most often another event given the same id.
    A warning on each such row (an appended row is told so without the rows before it).
    `written`: the later accounts' titles, then their first rows'."""
    # (Each id and each title made text once: a file whose later rows all have titles of their
    # own has a warning on each, a million at a million rows.)
    names = ids.to_numpy(dtype=object)
    shown: dict = {}

    def show_once(value):
        text = shown.get(value)
        if text is None:
            text = shown[value] = show(value)
        return text

    rows, head_rows = check.rows[at[other]].tolist(), check.rows[heads[other]].tolist()
    for k, row, head_row in zip(other.tolist(), rows, head_rows):
        event = str(names[events[k]])
        check.problems.append(
            Problem(
                row,
                "title",
                WARNING,
                say(
                    "title {title} is not the title of row {head_row}, {head}, the first row of {id}, which names "
                    "the event, so it is never shown; if this row is another event, give it its own id "
                    "({plain_id}-2); if it is an account of the same event, leave title empty",
                    title=show_once(written[k]),
                    head_row=head_row,
                    head=show_once(written[len(at) + k]),
                    id=show_once(event),
                    plain_id=event,
                ),
                ProblemCode.OTHER_TITLE,
            )
        )


def _listed(values: list) -> str | Message:
    """Values (each a cell value as `show` quotes it: a long one is a message) joined by commas."""
    listed = values[0]
    for value in values[1:]:
        listed = (
            listed + ", " + value
            if isinstance(listed, str) and isinstance(value, str)
            else say("{listed}, {value}", listed=listed, value=value)
        )
    return listed


def _repeated_title(rows: list[int], head_row: int, title: str, event_id: str, named: int = 8) -> Message:
    if len(rows) == 1:
        return say(
            "row {row} repeats the title {title} of row {head_row} with another date: it looks like a "
            "different event sharing the id {id}; give it its own id ({plain_id}-2) or leave title empty "
            "on a later account of the same event",
            row=rows[0],
            title=show(title),
            head_row=head_row,
            id=show(event_id),
            plain_id=event_id,
        )
    first = comma_list([str(row) for row in rows[: min(named, len(rows) - 1)]])
    rest = len(rows) - min(named, len(rows) - 1)
    listed = (
        and_list([str(row) for row in rows])
        if rest == 1
        else say_n("{listed} and {n:,} more", "{listed} and {n:,} more", rest, listed=first)
    )
    return say(
        "rows {listed} repeat the title {title} of row {head_row} with other dates: they look like "
        "different events sharing the id {id}; give each its own id ({plain_id}-2, ...) or leave title "
        "empty on a later account of the same event",
        listed=listed,
        title=show(title),
        head_row=head_row,
        id=show(event_id),
        plain_id=event_id,
    )


def category_counts(accounts: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Each category (lowercased) that accounts name: (how many, the first row naming it)."""
    keys = accounts["category_key"].array  # a Categorical: a code per row
    codes, rows = keys.codes, accounts["row"].to_numpy()
    if not len(codes):
        return {}
    if codes.min() < 0:  # (a row without a key: only the rows that name a category are counted)
        named = _given(accounts["category"])
        codes, rows = codes[named], rows[named]
    # Every row counted, then the rows that name none left out: their key, and only theirs, is
    # "" (no text lowercases to nothing). (Cheaper than taking the rows that name one first.)
    counts = np.bincount(codes, minlength=len(keys.categories))
    firsts = np.full(len(keys.categories), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(firsts, codes, rows)
    return {
        str(key): (int(counts[k]), int(firsts[k])) for k, key in enumerate(keys.categories) if counts[k] and key != ""
    }


def category_problems(counted: dict[str, tuple[int, int]]) -> list[Problem]:
    """Near-duplicate categories (`Protest` / `protests`) are probably one lane; more than
    MAX_CATEGORIES are probably a column mapped by mistake. `counted`: see category_counts."""
    problems = []
    if len(counted) > MAX_CATEGORIES:
        # Probably another column, not lanes: near-duplicates among them would be noise.
        examples = sorted(counted, key=lambda k: counted[k][1])[:4]
        problems.append(
            Problem(
                1,
                "category",
                WARNING,
                say(
                    "category holds {count:,} different values ({examples}, ...), a lane each; it should hold a "
                    "handful of lanes (protest, government, security, ...), and more than {most} almost always means "
                    "that another column (a place, an outlet, a title) was put in the category column: check which "
                    "column holds the categories",
                    count=len(counted),
                    examples=_listed([show(k, 30) for k in examples]),
                    most=MAX_CATEGORIES,
                ),
                ProblemCode.TOO_MANY_CATEGORIES,
            )
        )
        return problems
    count = {key: counts for key, (counts, _) in counted.items()}
    first = {key: row for key, (_, row) in counted.items()}
    # The most used spelling is the lane; on a tie, the one the file uses first.
    ordered = sorted(count, key=lambda k: (-count[k], first[k], k))
    for i, key in enumerate(ordered):
        for other in ordered[:i]:
            if _alike(schema.fold(key), schema.fold(other)):
                problems.append(
                    Problem(
                        first[key],
                        "category",
                        WARNING,
                        _alike_said(key, other, count[other]),
                        ProblemCode.CATEGORY_ALIKE,
                    )
                )
                break
    return problems


def _alike_said(key: str, other: str, n: int) -> Message:
    """The warning on category `key`, which looks like `other` (of n rows): what tells them apart
    when they look the same (schema.unlike: a letter of another script, an invisible character)."""
    if schema.fold(key) == schema.fold(other):
        which = key if schema.unlike(key) else other
        return say_n(
            "category {key!r} looks like {other!r} ({n} rows) but is another value: {which!r} holds {unlike}; if "
            "they are one lane, retype it",
            "category {key!r} looks like {other!r} ({n} rows) but is another value: {which!r} holds {unlike}; if "
            "they are one lane, retype it",
            n,
            key=key,
            other=other,
            which=which,
            unlike=schema.unlike(which),
        )
    return say_n(
        "category {key!r} looks like {other!r} ({n} rows); if they are one lane, spell them the same",
        "category {key!r} looks like {other!r} ({n} rows); if they are one lane, spell them the same",
        n,
        key=key,
        other=other,
    )


# --- a year far from the rest: 1022-01-05 or 2072-01-05 among the dates of 2022 ---------------
# A mistyped year (1022, 0202, 1922 or 2072 for 2022; 7 January 1430 for 14:30) is a date read as
# written, and the timeline reaches back (or on) decades or centuries to draw it. Counted per
# year, as the lanes are (timeline.appends adds the counts of appended rows); the rows whose year
# is told already (say_year: a year a spreadsheet made a day, a digit left out, a day programs
# write for none) are not counted.
YEARS_APART = 50  # years: a gap before or after the rest of the file's dates that may be a typo ...
SPREAD = 10  # ... when it is also this many times the span of those dates
MOST = 0.8  # ... and those dates are this share of the file's at least
# A year still to come, this many years or more after the others (a digit mistyped: 2032 or 2072
# for 2022), is told however far apart they spread (2072 among 2017-2022's): a news chronology's
# rows are of what has happened, and one still to come that far ahead is a typo or a projection
# (2050's target), which the timeline then reaches forward to; the years so told hold at most
# 1 - MOST of the file's accounts (a roadmap's years are its own).
FUTURE_APART = 10


def year_counts(values: np.ndarray) -> dict[int, int]:
    """How many of `values` (datetime64[s]; NaT is not counted) lie in each year."""
    if not len(values):
        return {}
    low, high = values.min(), values.max()
    if np.isnat(low):
        values = values[~np.isnat(values)]
        if not len(values):
            return {}
        low, high = values.min(), values.max()
    first, last = _year(low), _year(high)
    if first == last:  # (most files)
        return {first: len(values)}
    if last - first <= FEW_YEARS:  # (a comparison per year: quicker than working out each value's)
        on_or_after = (
            [len(values)]
            + [int(np.count_nonzero(values >= _year_start(year))) for year in range(first + 1, last + 1)]
            + [0]
        )
        counts = {year: on_or_after[i] - on_or_after[i + 1] for i, year in enumerate(range(first, last + 1))}
        return {year: count for year, count in counts.items() if count}
    years, many = np.unique(values.astype("datetime64[Y]").astype(np.int64) + 1970, return_counts=True)
    return dict(zip(years.tolist(), many.tolist()))


FEW_YEARS = 16  # year_counts


def _year(value: np.datetime64) -> int:
    return int(value.astype("datetime64[Y]").astype(np.int64)) + 1970


def _year_start(year: int) -> np.datetime64:
    return np.datetime64(year - 1970, "Y").astype("datetime64[s]")


def years_apart(counted: dict[int, int]) -> tuple[list[int], int, int]:
    """The years of `counted` (year -> accounts) far from the file's other dates, before them or
    after them and after this year, and the first and last years of those. The others grow from
    the middle year (half the accounts are in it or before it), the nearest year first; once they
    hold MOST of the accounts, a year at least YEARS_APART from them and more than SPREAD times as
    far as they span is left out, and so is every year beyond it (a history of centuries takes in
    each of its years; a month of 2022 takes in neither 1022 nor 2072). A year far after them that
    has come already is not given: a history's later row (1915 and its centenary, 1945 and a visit
    of 2016) is common, where a year typed ahead of a recent story's lands in the future. Years
    more than dates.FAR_AHEAD ahead of today are told as such and not weighed. A year still to come
    FUTURE_APART or more after the year before it is left out, and every year after it, where
    those hold 1 - MOST of the accounts at most."""
    now = datetime.now().year
    far = now + dates.FAR_AHEAD
    years = sorted(year for year in counted if year <= far)
    if not years:
        return [], 0, 0
    running = np.cumsum([counted[year] for year in years])
    total = int(running[-1])
    low = high = int(np.searchsorted(2 * running, total))  # (the first year with half the accounts by it)
    while True:
        gaps = [
            years[low] - years[low - 1] if low else None,
            years[high + 1] - years[high] if high < len(years) - 1 else None,
        ]
        nearest = min((gap for gap in gaps if gap is not None), default=None)
        if nearest is None:
            break
        held = running[high] - (running[low - 1] if low else 0)
        # (The nearer side first: where its year is far, the other side's is farther.)
        if held >= MOST * total and _far(nearest, years[high] - years[low]):
            break
        low, high = (low - 1, high) if nearest == gaps[0] else (low, high + 1)
    after = [year for year in years[high + 1 :] if year > now]
    for at in range(low + 1, high + 1):  # (the years to come the others took in)
        if (
            years[at] > now
            and years[at] - years[at - 1] >= FUTURE_APART
            and running[high] - running[at - 1] <= (1 - MOST) * total
        ):
            after[:0], high = years[at : high + 1], at - 1
            break
    return years[:low] + after, years[low], years[high]


def _far(gap: int, span: int) -> bool:
    return gap >= YEARS_APART and gap > SPREAD * span


def year_problems(counted: dict[int, int], last: Callable[[int], tuple[int, str] | None]) -> list[Problem]:
    """A warning on the last row of each year far from the rest (years_apart): the one an editor
    wrote last, whom `timeline add` tells. `last`: the row number and the date as written of the
    last row counted in a year."""
    apart, since, until = years_apart(counted)
    short = _digit_left_out(counted)
    problems = []
    for year in sorted(set(apart) | set(short)):
        found = last(year)
        assert found is not None, "a year counted has a row"
        row, value = found
        if year in short and not re.search(rf"(?:\b0{year}\b|\b(?:AD|CE)\b)", value, re.IGNORECASE):
            message = _digit_left_out_message(value, year, short[year], counted[year] - 1)
        elif year in apart:
            message = _year_apart_message(show(value), year, since, until, counted[year] - 1)
        else:
            continue
        problems.append(Problem(row, "date", WARNING, message, ProblemCode.YEAR_APART))
    return problems


def _digit_left_out(counted: dict[int, int]) -> dict[int, int]:
    """The years of three digits (202) that years of the file's other dates begin with (2020 to
    2029), each with the most counted of those: a year's last digit left out, however few the
    file's dates, where years_apart weighs them (two dates, `6 January 202` and `2022-01-05`, are
    too few to say either is apart). Only where the years of four digits span YEARS_APART at most
    (a chronology of a few years, not a history of centuries, whose 117 is as likely meant). The
    date's row's publication says so of each row, where it is written (_digit_dropped)."""
    short: dict[int, int] = {}
    later = [year for year in counted if year >= 1000]
    if not later or max(later) - min(later) > YEARS_APART:  # (a history of centuries: 117, 1176, 1453...)
        return short
    for year in counted:
        if 100 <= year <= 999:
            near = [(counted[whole], whole) for whole in range(year * 10, year * 10 + 10) if counted.get(whole)]
            if near:
                short[year] = max(near)[1]
    return short


def _digit_left_out_message(value: str, year: int, whole: int, more: int) -> Message:
    """What year_problems says of `year`, of three digits, where the file's other dates are in
    `whole`, which it begins: written in `value` on the row told and on `more` rows besides."""
    said = dict(
        value=show(value),
        year=year,
        whole=whole,
        meant=re.sub(rf"(?<!\d){year}(?!\d)", str(whole), value, count=1),
        padded=f"{year:04d}",
    )
    if more:
        return say_n(
            "date {value} is in the year {year}, as is {n} more row, where the file's other dates are in {whole}: if "
            "a digit of the year was left out, write it in full ({meant}); a year before 1000 is written with four "
            "digits ({padded}) or with AD to say it is meant",
            "date {value} is in the year {year}, as are {n} more rows, where the file's other dates are in {whole}: "
            "if a digit of the year was left out, write it in full ({meant}); a year before 1000 is written with "
            "four digits ({padded}) or with AD to say it is meant",
            more,
            **said,
        )
    return say(
        "date {value} is in the year {year}, where the file's other dates are in {whole}: if a digit of the year "
        "was left out, write it in full ({meant}); a year before 1000 is written with four digits ({padded}) or "
        "with AD to say it is meant",
        **said,
    )


def _year_apart_message(value: str | Message, year: int, since: int, until: int, more: int) -> Message:
    """What year_problems says of `year`, far from the others (`since` to `until`), written in
    `value` on the row told and on `more` rows besides."""
    others = (
        say("all in {year}", year=dates.Year.of(since))
        if since == until
        else say("{first} to {last}", first=dates.Year.of(since), last=dates.Year.of(until))
    )
    after = year > until
    gap = say_n("{n:,} year", "{n:,} years", year - until if after else since - year)
    said = dict(value=value, year=dates.Year.of(year), gap=gap, others=others)
    if after and more:
        return say_n(
            "date {value} is in {year}, as is {n} more row, {gap} after the file's other dates ({others}): if "
            "their year is mistyped, write the right one; if it is meant, nothing is wrong, but the timeline "
            "reaches forward to {year} to show it",
            "date {value} is in {year}, as are {n} more rows, {gap} after the file's other dates ({others}): if "
            "their year is mistyped, write the right one; if it is meant, nothing is wrong, but the timeline "
            "reaches forward to {year} to show it",
            more,
            **said,
        )
    if after:
        return say(
            "date {value} is in {year}, {gap} after the file's other dates ({others}): if its year is mistyped, "
            "write the right one; if it is meant, nothing is wrong, but the timeline reaches forward to {year} to "
            "show it",
            **said,
        )
    if more:
        return say_n(
            "date {value} is in {year}, as is {n} more row, {gap} before the file's other dates "
            "({others}): if their year is mistyped, write the right one; if it is meant, nothing is wrong, "
            "but the timeline reaches back to {year} to show it",
            "date {value} is in {year}, as are {n} more rows, {gap} before the file's other dates "
            "({others}): if their year is mistyped, write the right one; if it is meant, nothing is "
            "wrong, but the timeline reaches back to {year} to show it",
            more,
            **said,
        )
    return say(
        "date {value} is in {year}, {gap} before the file's other dates ({others}): if its year is "
        "mistyped, write the right one; if it is meant, nothing is wrong, but the timeline reaches "
        "back to {year} to show it",
        **said,
    )


def last_of_year(accounts: pd.DataFrame, year: int, counted: np.ndarray | None = None) -> tuple[int, str] | None:
    """The row number and the date as written of the last account in `year` (among those
    `counted`, a mask; None: all), or None."""
    start = accounts["start"].to_numpy()
    within = (start >= _year_start(year)) & (start < _year_start(year + 1))
    if counted is not None:
        within &= counted
    at = np.flatnonzero(within)
    if not len(at):
        return None
    return int(accounts["row"].iat[at[-1]]), str(accounts["date"].iat[at[-1]])


def date_warned(problems: list[Problem], accounts: pd.DataFrame) -> np.ndarray | None:
    """A mask of the accounts whose date's year is told already among `problems` (a warning of
    say_year's: a year of two digits, a day programs write for none...), or None when none is."""
    told: dict[int, bool] = {}  # id of a message -> whether it tells the year (rows share their value's)
    rows = []
    for problem in problems:
        if problem.column == "date" and problem.level == WARNING:
            said = told.get(id(problem.text))
            if said is None:
                said = told[id(problem.text)] = tells_the_year(problem.text)
            if said:
                rows.append(problem.row)
    if not rows:
        return None
    return np.isin(accounts["row"].to_numpy(), rows)


def _may_hold(series: pd.Series, needle: bytes) -> bool:
    """False when no value can hold needle: its bytes are nowhere in the column's text (searched
    where it lies by the C library's memmem where there is one: a few ms for 50 MB, where a copy
    to search takes 25)."""
    parts = text_buffers(series)
    if parts is None:
        return True
    step, overlap = 1 << 20, len(needle) - 1  # a piece at a time: no copy of the whole column
    for offsets, data in parts:
        begin, end = int(offsets[0]), int(offsets[-1])
        if _MEMMEM is not None and end > begin:
            if _MEMMEM(data.ctypes.data + begin, end - begin, needle, len(needle)):
                return True
            continue
        for start in range(begin, end, step):
            if data[start : min(start + step + overlap, end)].tobytes().find(needle) >= 0:
                return True
    return False


def _may_hold_question_marks(series: pd.Series) -> bool:
    """False when no value can hold ?? (diagnosis.QUESTION_MARKS, links.LOST). A ? is looked for
    first: memmem looks for one byte as memchr does (10 ms for 280 MB), for two at 1 GB/s."""
    return _may_hold(series, b"?") and _may_hold(series, diagnosis.QUESTION_MARKS)


def _libc_memmem():
    """The C library's memmem (glibc, macOS, the BSDs), or None."""
    try:
        memmem = ctypes.CDLL(None).memmem
    except (OSError, AttributeError, TypeError):
        return None
    memmem.restype = ctypes.c_void_p
    memmem.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t]
    return memmem


_MEMMEM = _libc_memmem()


def _may_match(series: pd.Series, pattern: re.Pattern) -> bool:
    """False when no value can hold a match of the bytes pattern: it is nowhere in the column's
    text (searched where it lies, no copy)."""
    parts = text_buffers(series)
    if parts is None:
        return True
    for offsets, data in parts:
        with memoryview(data) as view:
            if pattern.search(view, int(offsets[0]), int(offsets[-1])):
                return True
    return False


def _edge_bytes(series: pd.Series):
    """(first byte, last byte) of each value's UTF-8, 0 for an empty value; None if unknown."""
    parts = text_buffers(series)
    if parts is None:
        return None
    firsts, lasts = [np.zeros(0, np.uint8)], [np.zeros(0, np.uint8)]
    for offsets, data in parts:
        starts, ends = offsets[:-1], offsets[1:]
        if not len(data):
            firsts.append(np.zeros(len(starts), np.uint8))
            lasts.append(np.zeros(len(starts), np.uint8))
            continue
        empty = ends == starts
        # (An empty value's position may be the end of the data, or -1: clipped, then zeroed.)
        first = data[np.minimum(starts, len(data) - 1)]
        last = data[ends - 1]
        first[empty] = 0
        last[empty] = 0
        firsts.append(first)
        lasts.append(last)
    return np.concatenate(firsts), np.concatenate(lasts)


def _strip(series: pd.Series):
    """(series.str.strip(), None), or (series, the first byte of each value as `_rough_edges`
    gives it) when no value begins or ends with a byte of whitespace (see SPACE_BYTE)."""
    edges = _rough_edges(series)
    if edges is not None and not (_any_space(edges[0]) or _any_space(edges[1])):
        return series, edges[0]
    return series.str.strip(), None


def _any_space(edges: np.ndarray) -> bool:
    """Whether any of these bytes may begin or end whitespace (SPACE_BYTE): the least and the
    greatest byte usually tell (printable ASCII, or none but NUL), else each is looked up."""
    if not len(edges):
        return False
    low, high = int(edges.min()), int(edges.max())
    if high < 9 or (low > ord(" ") and high < 0x80):
        return False
    return bool(np.take(SPACE_BYTE, edges).any())


def _rough_edges(series: pd.Series):
    """(first bytes, last bytes) of the values' UTF-8, or None if unknown. An empty value gets
    a byte of some other value (or of the column's buffer): enough to ask whether any value
    begins with something, not which (for that, mask with `_given`)."""
    parts = text_buffers(series)
    if parts is None:
        return None
    firsts, lasts = [], []
    for offsets, data in parts:
        if not len(data):
            firsts.append(np.zeros(len(offsets) - 1, np.uint8))
            lasts.append(np.zeros(len(offsets) - 1, np.uint8))
            continue
        firsts.append(np.take(data, offsets[:-1], mode="clip"))
        lasts.append(np.take(data, offsets[1:] - 1, mode="clip"))
    return concatenated(firsts), concatenated(lasts)


def _last_bytes(series: pd.Series) -> np.ndarray | None:
    """The last byte of each value's UTF-8 (an empty value's: another value's, or the buffer's:
    mask with `_given`), or None if unknown."""
    parts = text_buffers(series)
    if parts is None:
        return None
    return concatenated(
        [
            np.take(data, offsets[1:] - 1, mode="clip") if len(data) else np.zeros(len(offsets) - 1, np.uint8)
            for offsets, data in parts
        ]
    )


def _ids_fit(ids: pd.Series | pd.Index) -> bool:
    """True when every id that is not empty fits schema.ID_PATTERN ([a-z0-9]+(-[a-z0-9]+)*), as
    the column's bytes say: none but those, and no hyphen at either end of a value or beside
    another. False when the column has no Arrow text or its bytes say otherwise: then pandas'
    regex decides, id by id. (A third of the time of Arrow's regex engine over the ids.)"""
    parts = text_buffers(ids)
    if parts is None:
        return False
    for offsets, data in parts:
        begin, end = int(offsets[0]), int(offsets[-1])
        if begin == end:
            continue
        text = data[begin:end]
        if text.tobytes().translate(None, _ID_BYTES):  # (what is left: bytes of another kind)
            return False
        hyphen = text == ord("-")
        if (hyphen[1:] & hyphen[:-1]).any():
            return False
        given = offsets[1:] != offsets[:-1]
        if hyphen[offsets[:-1][given] - begin].any() or hyphen[offsets[1:][given] - 1 - begin].any():
            return False
    return True


_ID_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-"


def _web_links(values: pd.Series) -> np.ndarray:
    """Which values are web links, as links.is_web_link says. Most links begin plainly (an ASCII
    scheme, then a printable ASCII character) and hold no whitespace: those are, as their bytes
    show; the others go through links.is_web_link, each distinct value once."""
    plain, spaced = _plain_links(values), _spaced(values)
    if plain is None or spaced is None:
        plain, spaced = np.zeros(len(values), dtype=bool), np.ones(len(values), dtype=bool)
    web = plain & ~spaced
    if _may_hold(values, b"@"):  # (a user name before the host, or an @ further on: Medium's /@name)
        web &= ~_holding_byte(values, ord("@"))
    if _may_hold_question_marks(values):  # (letters a save made ??: links.LOST)
        web &= ~_holding_byte(values, ord("?"))
    # (Two links run together, https://a.org,https://b.org: links.is_web_link says no. A plain link
    # holds one colon, its scheme's: the column's colons counted, those with more looked at.)
    unsure = ~web & _given(values)
    if web.any():
        twice = web & _more_than_one_colon(values, int(np.count_nonzero(web)))
        if twice.any():  # (of those, the ones with a scheme after a letter, a digit or , ; |: few)
            at = np.flatnonzero(twice)
            joined = pc.match_substring_regex(pa.array(values.iloc[at].array), links.JOINED_LOOSELY)
            unsure[at[pc.fill_null(joined, False).to_numpy(zero_copy_only=False)]] = True
    if unsure.any():
        which, distinct = pd.factorize(values[unsure])
        web[unsure] = np.array([links.is_web_link(v) for v in distinct], dtype=bool)[which]
    return web


def _more_than_one_colon(values: pd.Series, count: int) -> np.ndarray | bool:
    """Which values hold two colons or more, from the column's bytes; False for all where the
    column holds no more colons than `count`, its links (one a link: 10 ms a million links)."""
    parts = text_buffers(values)
    if parts is None:
        return True
    # (Counted first: finding where they are takes four times as long, and is seldom needed.)
    if sum(int(np.count_nonzero(data[offsets[0] : offsets[-1]] == ord(":"))) for offsets, data in parts) <= count:
        return False
    colons = [np.flatnonzero(data[offsets[0] : offsets[-1]] == ord(":")) for offsets, data in parts]
    found = []
    for (offsets, _), at in zip(parts, colons):
        counts = np.bincount(np.searchsorted(offsets, at + offsets[0], side="right") - 1, minlength=len(offsets) - 1)
        found.append(counts[: len(offsets) - 1] > 1)
    return concatenated(found, dtype=bool)


def _spaced(values: pd.Series) -> np.ndarray | None:
    """Which values hold a byte of whitespace (see SPACE_BYTE), from the column's bytes; None
    if unknown. Most columns of links hold only printable ASCII: one min and max tell."""
    parts = text_buffers(values)
    if parts is None:
        return None
    found = []
    for offsets, data in parts:
        spaced = np.zeros(len(offsets) - 1, dtype=bool)
        text = data[offsets[0] : offsets[-1]]
        if len(text) and (text.min() <= ord(" ") or text.max() >= 0x80):
            at = np.flatnonzero(np.take(SPACE_BYTE, text)) + offsets[0]
            spaced[np.searchsorted(offsets, at, side="right") - 1] = True
        found.append(spaced)
    return concatenated(found, dtype=bool)


def _holding_byte(values: pd.Series, byte: int) -> np.ndarray:
    """Which values hold this byte, from the column's bytes (all, if unknown)."""
    parts = text_buffers(values)
    if parts is None:
        return np.ones(len(values), dtype=bool)
    found = []
    for offsets, data in parts:
        holding = np.zeros(len(offsets) - 1, dtype=bool)
        at = np.flatnonzero(data[offsets[0] : offsets[-1]] == byte) + offsets[0]
        holding[np.searchsorted(offsets, at, side="right") - 1] = True
        found.append(holding)
    return concatenated(found, dtype=bool)


# The bytes after a ? that say a writer's question mark, not a letter a save lost: a space, a
# line break, the end of a quote or a bracket, or more punctuation (`Why?`, `(?)`, `Really?!`).
_ASKED = np.zeros(256, dtype=bool)
_ASKED[[*b" \t\r\n\"')]}!.,:;"]] = True


def _letter_question_marks(values: pd.Series) -> np.ndarray:
    """Which values hold a ? that may stand for a lost letter (diagnosis.lost_letters decides):
    one that begins the value, or is followed by anything but the end of it or _ASKED (all values
    with a ?, if the column's bytes are unknown). From the column's bytes: a column of questions
    is looked at in a few ms, where the regular expression over it takes a tenth of a second."""
    parts = text_buffers(values)
    if parts is None:
        return values.str.contains("?", regex=False, na=False).to_numpy(dtype=bool)
    found = []
    for offsets, data in parts:
        holding = np.zeros(len(offsets) - 1, dtype=bool)
        at = np.flatnonzero(data[offsets[0] : offsets[-1]] == ord("?")) + offsets[0]
        row = np.searchsorted(offsets, at, side="right") - 1
        after = at + 1
        ends = after >= offsets[row + 1]
        letter = ~ends & ~_ASKED[data[np.minimum(after, len(data) - 1)]]
        holding[row[letter | (at == offsets[row])]] = True
        found.append(holding)
    return concatenated(found, dtype=bool)


def _given(values: pd.Series) -> np.ndarray:
    """Which values are not empty: from their offsets where the column has Arrow buffers."""
    parts = text_buffers(values)
    if parts is None:
        return (values != "").to_numpy(dtype=bool)
    return concatenated([offsets[1:] != offsets[:-1] for offsets, _ in parts], dtype=bool)


def _plain_links(urls: pd.Series) -> np.ndarray | None:
    """Which values begin with http:// or https:// (any case) and then a printable ASCII
    character that may begin a host (not / ? # @ or :), from the first nine bytes of each; None if the
    column has no Arrow text. (Half the time of Arrow's regex engine.)"""
    parts = text_buffers(urls)
    if parts is None:
        return None
    found = []
    for offsets, data in parts:
        starts, lengths = offsets[:-1], np.diff(offsets)
        plain = lengths >= len("http://x")
        if len(data) < len("http://x") or not plain.any():
            found.append(np.zeros(len(starts), dtype=bool))
            continue
        # The first eight bytes of each value as one number (little-endian: byte k is bits 8k
        # to 8k + 7). A shorter value near the end of the data reads bytes before it: it is
        # ruled out by its length.
        words = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))  # (one at each byte)
        words.flags.writeable = False
        word = words[np.minimum(starts, len(data) - 8)]
        plain &= (word | _CAPITALS) & 0xFFFFFFFF == _HTTP  # (| 0x20: a letter, or its capital)
        secure = (word >> 32 | 0x20) & 0xFF == ord("s")
        plain &= lengths >= len("http://x") + secure
        slashes = np.where(secure, word >> 40, word >> 32) & 0xFFFFFF
        plain &= slashes == _SLASHES
        first = np.where(secure, np.take(data, starts + 8, mode="clip"), (word >> 56).astype(np.uint8))
        plain &= (first >= ord("!")) & (first <= ord("~")) & ~np.isin(first, _NOT_A_HOST)
        found.append(plain)
    return concatenated(found, dtype=bool)


_NOT_A_HOST = np.frombuffer(b"/?#@:", dtype=np.uint8)  # (a host cannot begin with these)
_CAPITALS = np.uint64(0x20202020)
_HTTP = np.uint64(int.from_bytes(b"http", "little"))
_SLASHES = np.uint64(int.from_bytes(b"://", "little"))


def _no(series: pd.Series) -> pd.Series:
    return pd.Series(np.zeros(len(series), dtype=bool), index=series.index)


def _alike(a: str, b: str) -> bool:
    if a.rstrip("s") == b.rstrip("s"):
        return True
    if len(a) <= 4:
        return False
    # (real_quick_ratio and quick_ratio are upper bounds of ratio, quicker to work out.)
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9
